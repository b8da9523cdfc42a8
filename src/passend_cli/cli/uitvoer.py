"""Machine output (JSON, CSV) and the choice between rich and plain text.

Nothing here imports rich: ``--json`` and ``--csv`` must stay as fast as the bare
dependency floor, and piped output is plain text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from passend_cli.fouten import herstel, zonder_stuurtekens


def op_terminal() -> bool:
    """Rich tables on a terminal (or when FORCE_COLOR asks for them), plain text otherwise."""
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def schrijf(tekst: str) -> None:
    """Human output: never a control character a terminal would obey."""
    tekst = zonder_stuurtekens(tekst)
    sys.stdout.write(tekst)
    if not tekst.endswith("\n"):
        sys.stdout.write("\n")


def schrijf_json(data: Any) -> None:
    import json

    # json escapes control characters; herstel makes sure it is valid UTF-8.
    sys.stdout.write(herstel(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def schrijf_csv(kolommen: Sequence[str], rijen: Iterable[Sequence[Any]]) -> None:
    import csv

    schrijver = csv.writer(sys.stdout, lineterminator="\n")
    schrijver.writerow(kolommen)
    for rij in rijen:
        schrijver.writerow(["" if v is None else v for v in rij])


def melding(tekst: str) -> None:
    """One line for the user on stderr (errors, warnings, what was chosen)."""
    sys.stderr.write(zonder_stuurtekens(tekst.rstrip("\n")) + "\n")
