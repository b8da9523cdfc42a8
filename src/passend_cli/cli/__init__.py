"""The ``passend`` command: a thin layer over the library. It parses arguments
(:mod:`.app`, :mod:`.data`), turns errors into Dutch sentences and exit codes
(:mod:`.basis`) and renders answers as rich tables, plain text, JSON or CSV
(:mod:`.weergave`, :mod:`.uitvoer`)."""

from passend_cli.cli.app import app, main

__all__ = ["app", "main"]
