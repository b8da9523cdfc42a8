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


class Beeindigd(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM): handled like Ctrl-C, so the same clean-up
    runs, but ends with the conventional exit code 128 + 15."""

    exitcode = 143


def herstel(tekst: str) -> str:
    """*tekst* as valid Unicode. Bytes the system could not decode (a Latin-1 argument
    or file name under a UTF-8 locale) reach Python as lone surrogates, which would go
    out as invalid UTF-8; they are read as Windows-1252, the likeliest source.

    >>> herstel("Haarl\\udce9m"), herstel("Haarlem")
    ('Haarlém', 'Haarlem')
    """
    if tekst.isascii():
        return tekst
    return tekst.encode("utf-8", "surrogateescape").decode("utf-8", "passend-cp1252")


def _cp1252(fout: UnicodeError) -> tuple[str, int]:
    if not isinstance(fout, UnicodeDecodeError):
        raise fout
    stuk = fout.object[fout.start : fout.end]
    return stuk.decode("cp1252", "replace"), fout.end


def _registreer() -> None:
    import codecs

    codecs.register_error("passend-cp1252", _cp1252)


_registreer()


def zonder_stuurtekens(tekst: str) -> str:
    """*tekst* safe to print: valid Unicode, and control characters (ESC, CR, NUL …)
    that a terminal would obey shown as spaces; line ends and tabs stay.

    >>> zonder_stuurtekens("a\\x1b[2Jb\\r\\nc\\td")
    'a [2Jb \\nc\\td'
    """
    import re

    return re.sub(_STUURTEKENS, " ", herstel(tekst))


# C0 and C1 controls but tab and line feed, DEL, and the line/paragraph separators
# and bidirectional overrides that can make text read as something else.
_STUURTEKENS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"


def toonbaar(tekst: str, n: int = 60) -> str:
    """*tekst* fit to quote in a one-line message: control and other unprintable
    characters become spaces, and it is cut to at most *n* characters.

    >>> toonbaar("Haarl\\x1b[31mem")
    'Haarl [31mem'
    >>> toonbaar("a" * 10, 5)
    'aaaa…'
    """
    tekst = "".join(c if c.isprintable() else " " for c in herstel(str(tekst))).strip()
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
