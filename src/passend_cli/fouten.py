"""The library's exceptions, and the helpers its Dutch messages share.

Each exception carries a Dutch sentence fit for the user and the exit code the CLI
ends with, so the command boundary only has to map them. Messages never name CLI
commands: the CLI adds such hints where it catches the error.
"""

from __future__ import annotations

import errno


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


class GeenVerbandMaarPlaats(NietGevonden):
    """A place was given where an SWV was asked for; ``suggesties`` are the codes of
    the SWVs that serve it."""

    def __init__(self, bericht: str, *, plaats: str, suggesties: list[str]) -> None:
        super().__init__(bericht, suggesties=suggesties)
        self.plaats = plaats


class OngeldigeInvoer(PassendFout, ValueError):
    """The query or option cannot be used at all (exit 2)."""

    exitcode = 2


class LegeInvoer(OngeldigeInvoer):
    """Nothing searchable was given (exit 2); the CLI adds an example of its command."""

    voorbeeld: str | None = None  # filled in by the CLI


class DataFout(PassendFout):
    """The dataset is missing or corrupt, or an update failed (exit 3)."""

    exitcode = 3


def toonbaar(tekst: str, n: int = 60) -> str:
    """*tekst* fit to quote in a one-line message: control and other unprintable
    characters become spaces, and it is cut to at most *n* characters.

    >>> toonbaar("Haarl\\x1b[31mem")
    'Haarl [31mem'
    >>> toonbaar("a" * 10, 5)
    'aaaa…'
    """
    tekst = "".join(c if c.isprintable() else " " for c in str(tekst)).strip()
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def getal(n: float) -> str:
    """A whole number the Dutch way: ``12.345``.

    >>> getal(1234567.4)
    '1.234.567'
    """
    return f"{round(n):,}".replace(",", ".")


_OORZAKEN = {
    errno.ENOENT: "de map of het bestand bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte is op",
    errno.EROFS: "alleen-lezen",
    errno.EISDIR: "het is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "bestaat al",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
    errno.ENOTEMPTY: "de map is niet leeg",
}


def oorzaak(fout: BaseException) -> str:
    """The cause of an OS error in Dutch, for a message; the system's own words only
    where there is no Dutch one."""
    nummer = getattr(fout, "errno", None)
    if nummer in _OORZAKEN:
        return _OORZAKEN[nummer]
    return getattr(fout, "strerror", None) or str(fout) or fout.__class__.__name__
