"""Readers of raw data: the public sources the bundle is built from (:mod:`.publiek`)
and DUO's open-data files that ``passend data update`` fetches (:mod:`.duo`).

Each reader knows one file's quirks and returns plain records; the rules that turn
records into a dataset live in :mod:`passend_cli.samenstellen`.
"""
