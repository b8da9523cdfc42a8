"""Progress bars on stderr for the long commands (``koppel``, ``data update``), drawn
with rich, and only on a terminal: the library reports progress through a callback."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

from passend_cli.fouten import getal


def _is_terminal(stroom: Any) -> bool:
    try:
        return bool(stroom.isatty())
    except (AttributeError, ValueError):
        return False


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@contextlib.contextmanager
def koppel_balk(uitvoerbestand: str) -> Iterator[Callable[[int, int, int | None], None] | None]:
    """A callback for ``koppel``'s progress, or None where no bar belongs: stderr is
    no terminal, or the rows themselves scroll over the same terminal."""
    if not _is_terminal(sys.stderr) or (uitvoerbestand == "-" and _is_terminal(sys.stdout)):
        yield None
        return
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    balk = Progress(SpinnerColumn(), TextColumn("Koppelen"), BarColumn(), TaskProgressColumn(),
                    TextColumn("{task.fields[rijen]} rijen"), TimeElapsedColumn(),
                    console=_stderr_console(), transient=True,
                    redirect_stdout=False, redirect_stderr=False)
    taak = balk.add_task("koppel", total=None, rijen="0")

    def voortgang(rijen: int, gelezen: int, totaal: int | None) -> None:
        balk.update(taak, completed=gelezen if totaal else None, total=totaal,
                    rijen=getal(rijen))

    with balk:
        yield voortgang


@contextlib.contextmanager
def download_balk() -> Iterator[Callable[[str, int, int | None], None] | None]:
    """A callback for the download's progress per file, or None off a terminal."""
    if not _is_terminal(sys.stderr):
        yield None
        return
    from rich.progress import DownloadColumn, Progress, TextColumn

    balk = Progress(TextColumn("{task.description}"), *Progress.get_default_columns()[1:3],
                    DownloadColumn(), transient=True, console=_stderr_console())
    taken: dict[str, Any] = {}

    def voortgang(naam: str, gelezen: int, totaal: int | None) -> None:
        if naam not in taken:
            taken[naam] = balk.add_task(naam, total=totaal)
        balk.update(taken[naam], completed=gelezen)

    with balk:
        yield voortgang
