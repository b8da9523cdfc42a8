"""Build the bundled dataset from the raw sources (``python -m passend_cli.build``).

``samenstellen`` turns source records into rows, ``schrijven`` writes and checks the
files. Both are reused by ``passend data update`` for fresh DUO data.
"""
