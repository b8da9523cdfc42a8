"""The rules that turn source records into a dataset, shared by the bundled build and
the refresh, with one front end per input: :mod:`.uit_bronnen` (the public sources)
and :mod:`.uit_duo` (DUO's open data on top of the bundle). :mod:`.schrijven` writes
and checks the result in the format of :mod:`passend_cli.formaat`."""
