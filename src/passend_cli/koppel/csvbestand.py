"""CSV files as people have them: reading and writing them safely.

Reading: the encoding is chosen from the first block (UTF-8 with or without BOM,
UTF-16 with BOM, else Windows-1252 as Excel-NL writes it), with a fallback for stray
Latin-1 bytes later on; the delimiter is sniffed from the header line; quoted records
that run over several lines are read as one, keeping their raw text. Writing: to a
temporary file that replaces the target only when everything is written.

Generic: nothing here knows about koppel's columns; OS errors become OngeldigeInvoer
with a Dutch message.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from passend_cli.fouten import OngeldigeInvoer, oorzaak, toonbaar

# Bytes looked at to choose the encoding.
EERSTE_BLOK = 1 << 16


# --- reading: encoding and delimiter --------------------------------------------------


def _cp1252_tabel() -> list[str]:
    # Windows-1252 as Excel-NL writes it; its five unassigned bytes as Latin-1.
    tabel = []
    for b in range(256):
        try:
            tabel.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            tabel.append(chr(b))
    return tabel


_CP1252 = _cp1252_tabel()


def _latin1_terugval(fout: UnicodeError) -> tuple[str, int]:
    """Decode error handler: bytes that are not valid UTF-8 (or unassigned in cp1252)
    are read as Windows-1252, so a stray Latin-1 byte deep in a UTF-8 file never stops
    the stream."""
    if not isinstance(fout, UnicodeDecodeError):
        raise fout
    stuk = fout.object[fout.start : fout.end]
    return "".join(_CP1252[b] for b in stuk), fout.end


# Name of the decode error handler above: pass it as ``errors=`` when decoding.
FOUTAFHANDELING = "passend-latin1"
codecs.register_error(FOUTAFHANDELING, _latin1_terugval)


class Voorstuk(io.RawIOBase):
    """A binary stream that first returns bytes already read (to choose the encoding),
    then the rest of the source; counts the bytes handed out for the progress bar."""

    def __init__(self, begin: bytes, bron: IO[bytes]) -> None:
        super().__init__()
        self._begin = begin
        self._bron = bron
        self.gelezen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._begin:
            n = min(len(buffer), len(self._begin))
            buffer[:n] = self._begin[:n]
            self._begin = self._begin[n:]
        else:
            data = self._bron.read(len(buffer))
            n = len(data)
            buffer[:n] = data
        self.gelezen += n
        return n


def kies_codering(begin: bytes, volledig: bool) -> tuple[str, bool]:
    """(codec, had a BOM) for a file starting with *begin*. Later bytes that are not
    UTF-8 still decode, through the fallback error handler."""
    if begin.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", True
    if begin.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(begin, final=volledig)
    except UnicodeDecodeError:
        return "cp1252", False
    return "utf-8", False


def scheidingsteken(kopregel: str) -> str:
    """The delimiter of the header line: the most frequent of ; , and tab outside
    quotes; a comma when there is none (a single column)."""
    buiten = re.sub(r'"[^"]*"', "", kopregel)
    tellingen = {t: buiten.count(t) for t in (";", ",", "\t")}
    beste = max(tellingen, key=lambda t: (tellingen[t], t == ","))
    return beste if tellingen[beste] else ","


# --- records --------------------------------------------------------------------------


def csv_regel(velden: list[str], scheiding: str, einde: str = "") -> str:
    """*velden* as one CSV record (quoted where needed), ending in *einde*."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=scheiding, lineterminator=einde).writerow(velden)
    return buffer.getvalue()


# The longest field and the longest line accepted: far beyond any real cell, small
# enough that a file without line ends cannot fill the memory.
MAX_VELD = 16 << 20
MAX_REGEL = 16 << 20

ONGESLOTEN = ("een aanhalingsteken wordt niet gesloten, zodat de rest van het bestand één veld "
              "zou worden")


class Onleesbaar(csv.Error):
    """A defect this module finds itself, already described in Dutch."""


def csv_fout(fout: csv.Error) -> str:
    """csv's English complaint as a Dutch phrase."""
    tekst = str(fout)
    if isinstance(fout, Onleesbaar):
        return tekst
    if "field larger than field limit" in tekst:
        return f"een veld is langer dan {MAX_VELD >> 20} MB"
    if "expected after" in tekst:
        return "na een aanhalingsteken dat een veld sluit, komt geen scheidingsteken"
    if "NUL" in tekst or "null byte" in tekst:
        return "de regel bevat een NUL-teken"
    return "de regel is geen geldige CSV"


class GequootLezer:
    """Parses a line holding quotes with csv.reader, pulling the following lines when a
    quoted field runs on; returns the fields and the record's raw text, so the input is
    written back exactly as it was. ``extra`` counts the lines records ran on, for line
    numbers in messages. A quote still open at the end of the input is an error
    (:data:`ONGESLOTEN`): read leniently, it would swallow every row after it."""

    def __init__(self, lijnen: Iterator[str], scheiding: str) -> None:
        self._lijnen = lijnen
        self._scheiding = scheiding
        self._ruw: list[str] = []
        self._terug: list[str] = []
        self._op = False  # the input has ended
        self.extra = 0
        self._lezer = csv.reader(self._bron(), delimiter=scheiding)

    def _bron(self) -> Iterator[str]:
        terug, ruw, lijnen = self._terug, self._ruw, self._lijnen
        regel: str | None
        while True:
            if terug:
                regel = terug.pop()
            else:
                regel = next(lijnen, None)
                if regel is None:
                    self._op = True
                    return
            ruw.append(regel)
            yield regel

    def __call__(self, regel: str) -> tuple[list[str], str]:
        self._terug.append(regel)
        velden = next(self._lezer, [])
        tekst = "".join(self._ruw)
        regels = len(self._ruw)
        self._ruw.clear()
        self._terug.clear()
        if self._op and '"' in tekst:
            # Only a record that reached the end of the input can hold an open quote;
            # csv's strict mode tells an open quote from a stray one.
            try:
                list(csv.reader(io.StringIO(tekst, newline=""), delimiter=self._scheiding,
                                strict=True))
            except csv.Error as fout:
                if "end of data" in str(fout):
                    raise Onleesbaar(ONGESLOTEN) from None
        self.extra += max(regels - 1, 0)
        return velden, tekst


# --- the input and the output ---------------------------------------------------------


def open_invoer(invoer: str | os.PathLike[str]) -> tuple[IO[bytes], int | None, str]:
    """Open *invoer* ("-": stdin) for reading: (binary stream, size in bytes or None,
    name for messages). Raises OngeldigeInvoer when it cannot be opened."""
    if str(invoer) == "-":
        bron = getattr(sys.stdin, "buffer", None)
        if bron is None:
            raise OngeldigeInvoer("De standaardinvoer is niet leesbaar.")
        return bron, None, "standaardinvoer"
    pad = Path(invoer)
    try:
        bestand = open(pad, "rb")  # noqa: SIM115 - closed by koppel()
    except FileNotFoundError:
        raise OngeldigeInvoer(f"Het invoerbestand '{toonbaar(str(pad), 80)}' bestaat niet.") \
            from None
    except IsADirectoryError:
        raise OngeldigeInvoer(f"'{toonbaar(str(pad), 80)}' is een map, geen CSV-bestand.") \
            from None
    except ValueError:  # a NUL byte in the name
        raise OngeldigeInvoer("De naam van het invoerbestand is ongeldig.") from None
    except OSError as fout:
        raise OngeldigeInvoer(
            f"Het invoerbestand '{toonbaar(str(pad), 80)}' is niet leesbaar "
            f"({oorzaak(fout)})."
        ) from None
    try:
        grootte = os.fstat(bestand.fileno()).st_size or None
    except OSError:
        grootte = None
    return bestand, grootte, f"'{toonbaar(str(pad), 80)}'"


# Names under which a shell hands over a descriptor it opened: written through that
# descriptor, so ">> all.csv" appends and a pipe stays a pipe.
_DESCRIPTOR = re.compile(r"/dev/(?:fd/(?P<n>[0-9]+)|(?P<naam>stdout|stderr))"
                         r"|/proc/self/fd/(?P<p>[0-9]+)")


class Uitvoer:
    """Where the rows go: stdout, a descriptor the shell opened (``/dev/stdout``,
    ``/dev/fd/3``), a device or pipe (written to directly), or a temporary file next to
    the target that replaces it only when everything is written (the input may even be
    the output)."""

    def __init__(self, uitvoer: str | os.PathLike[str]) -> None:
        self.doel: Path | None = None if str(uitvoer) == "-" else Path(uitvoer)
        self._tijdelijk: str | None = None
        self._eigen = False  # a stream of our own, to close at the end
        self.stroom: IO[str]

    def open(self, codering: str = "utf-8") -> IO[str]:
        """The text stream to write the rows to, in *codering* (characters it cannot
        hold become '?'), newlines as given."""
        if self.doel is None:
            return self._stdout(codering)
        m = _DESCRIPTOR.fullmatch(str(self.doel))
        if m is not None:
            fd = 1 if m["naam"] == "stdout" else 2 if m["naam"] else int(m["n"] or m["p"])
            if fd == 1:
                self.doel = None
                return self._stdout(codering)
            try:
                sys.stdout.flush()
                self.stroom = open(os.dup(fd), "w", encoding=codering,  # noqa: SIM115
                                   errors="replace", newline="")
            except OSError as fout:
                raise OngeldigeInvoer(
                    f"Kan niet schrijven naar {self.doel} ({oorzaak(fout)})."
                ) from None
            self._eigen = True
            return self.stroom
        naam = toonbaar(str(self.doel), 80)
        try:
            # A link is followed, so the file it points to is replaced, not the link.
            doel = self.doel = self.doel.resolve() if self.doel.is_symlink() else self.doel
            is_map = doel.is_dir()
            bijzonder = doel.exists() and not doel.is_file()
        except (OSError, ValueError):
            raise OngeldigeInvoer("De naam van het uitvoerbestand is ongeldig.") from None
        if is_map:
            raise OngeldigeInvoer(f"Het uitvoerbestand '{naam}' is een map.")
        if bijzonder:
            # A pipe or device (/dev/null, a FIFO) is written to directly: replacing it
            # with a file would break it.
            try:
                self.stroom = open(doel, "w", encoding=codering, errors="replace",  # noqa: SIM115
                                   newline="")
                self._eigen = True
            except OSError as fout:
                raise OngeldigeInvoer(
                    f"Kan het uitvoerbestand '{naam}' niet schrijven ({oorzaak(fout)})."
                ) from None
            return self.stroom
        try:
            fd, self._tijdelijk = tempfile.mkstemp(
                prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
        except ValueError:  # a NUL byte in the name
            raise OngeldigeInvoer("De naam van het uitvoerbestand is ongeldig.") from None
        except OSError as fout:
            raise OngeldigeInvoer(
                f"Kan het uitvoerbestand '{naam}' niet schrijven "
                f"({oorzaak(fout)})."
            ) from None
        self.stroom = open(fd, "w", encoding=codering, errors="replace", newline="",  # noqa: SIM115
                           buffering=1 << 20)
        return self.stroom

    def _stdout(self, codering: str) -> IO[str]:
        stroom = sys.stdout
        try:
            stroom.flush()
            # Only a text wrapper can change its encoding; a stand-in stream keeps its own.
            if isinstance(stroom, io.TextIOWrapper):
                stroom.reconfigure(encoding=codering, errors="replace", newline="")
        except (ValueError, io.UnsupportedOperation):
            pass
        self.stroom = stroom
        return stroom

    def sluit(self, gelukt: bool) -> None:
        """Finish: when *gelukt*, put the written file in place of the target; otherwise
        remove it, leaving the target untouched."""
        if self.doel is None:
            if gelukt:
                self.stroom.flush()
            return
        if self._tijdelijk is None and not self._eigen:
            return  # opening failed
        try:
            self.stroom.close()
            if gelukt and self._tijdelijk:
                _zet_rechten(self._tijdelijk, self.doel)
                os.replace(self._tijdelijk, self.doel)
                self._tijdelijk = None
        except OSError as fout:
            if gelukt:
                raise OngeldigeInvoer(
                    f"Kan het uitvoerbestand '{toonbaar(str(self.doel), 80)}' niet schrijven "
                    f"({oorzaak(fout)})."
                ) from None
        finally:
            if self._tijdelijk:
                with contextlib.suppress(OSError):
                    os.unlink(self._tijdelijk)


def _zet_rechten(tijdelijk: str, doel: Path) -> None:
    """mkstemp makes the file private; give it what a new file would get (or keep the
    target's permissions when it is overwritten)."""
    try:
        if doel.exists():
            modus = doel.stat().st_mode & 0o7777
        else:
            masker = os.umask(0)
            os.umask(masker)
            modus = 0o666 & ~masker
        os.chmod(tijdelijk, modus)
    except OSError:
        pass
