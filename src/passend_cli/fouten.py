"""The library's exceptions. Each carries a Dutch message fit for the user and the
exit code the CLI should end with, so the command boundary only has to map them."""

from __future__ import annotations


class PassendFout(Exception):
    """Base class: something the user should be told about in one sentence."""

    exitcode = 1

    def __init__(self, bericht: str, *, suggesties: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.suggesties = list(suggesties)


class NietGevonden(PassendFout, LookupError):
    """Nothing matches the query (exit 1)."""

    exitcode = 1


class OngeldigeInvoer(PassendFout, ValueError):
    """The query or option cannot be used at all (exit 2)."""

    exitcode = 2


class DataFout(PassendFout):
    """The dataset is missing or corrupt, or an update failed (exit 3)."""

    exitcode = 3
