"""The on-disk format of a dataset, shared by the writer (build, update) and the loader.

A dataset is a folder of UTF-8 CSV files plus ``metadata.json``, which records each
file's row count and SHA-256, so a damaged or half-written copy is recognised.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

# File stem -> columns, in the order they are written.
BESTANDEN: dict[str, tuple[str, ...]] = {
    "gemeenten": ("code", "naam", "provincie"),
    "postcodes": ("postcode", "gemeente_code", "po", "vo", "herkomst", "gemeente_2015"),
    "woonplaatsen": ("naam", "gemeente_code", "postcodes", "bron", "ook_in"),
    "voormalige_gemeenten": ("naam", "code", "einddatum", "opvolgers"),
    "aliassen": ("alias", "gemeente_code"),
    # contact_bron: where the contact block comes from ("webpagina's" or "DUO"),
    # contact_datum: when it was gathered; opmerking: a Dutch note that qualifies it.
    "samenwerkingsverbanden": (
        "code", "sector", "naam", "ook_bekend_als", "website", "straat", "postcode",
        "plaats", "email", "telefoon", "bewijs", "bronnen", "contact_bron", "contact_datum",
        "opmerking",
    ),
    # soort "opvolger": in *gemeenten* (empty: everywhere) the SWVs *swv* are succeeded
    # by opvolger_naam (opvolger_code where known) since *datum*; other kinds are notes.
    "wijzigingen": (
        "datum", "swv", "gemeenten", "soort", "tekst", "bron", "opvolger_naam", "opvolger_code",
    ),
    "scholen": (
        "code", "naam", "soort", "straat", "postcode", "plaats", "gemeente_code", "swv",
        "herkomst_swv", "reden",
    ),
    # Derived from the files above by the writer: normalised name -> record.
    "zoekindex": ("sleutel", "soort", "ref"),
    # School name word -> row numbers in scholen.csv (see passend_cli.schoolnamen).
    "schoolindex": ("woord", "rijen"),
}
# Files a dataset may lack: a copy written before schools were bundled, or a refresh
# that brings no schools. Their metadata does not list them; the loader then takes
# the bundled ones.
OPTIONEEL = frozenset({"scholen", "schoolindex"})
METADATA = "metadata.json"
FORMAAT_VERSIE = 2


def bestandsnaam(stam: str) -> str:
    return f"{stam}.csv"


def sha256(data: bytes) -> str:
    import hashlib  # only checks and writes need it, not a plain lookup

    return hashlib.sha256(data).hexdigest()


# metadata.json is a few kB; anything much larger is not ours.
MAX_METADATA = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")


def lees_metadata(map_: Any) -> dict[str, Any]:
    """The metadata of the dataset in *map_* (a Path or an importlib.resources
    Traversable), checked by type: every key the loader reads has the type it expects.
    Raises ValueError naming the first defect."""
    import json

    tekst = (map_ / METADATA).read_bytes()
    if len(tekst) > MAX_METADATA:
        raise ValueError(f"{METADATA} is te groot")
    try:
        meta = json.loads(tekst.decode("utf-8"))
    except RecursionError:
        raise ValueError(f"{METADATA} is te diep genest") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError(f"{METADATA} is geen geldige JSON") from None
    fout = _metadatafout(meta)
    if fout:
        raise ValueError(f"{METADATA}: {fout}")
    return meta


def _metadatafout(meta: Any) -> str | None:
    if not isinstance(meta, dict):
        return "geen object"
    if meta.get("formaat") != FORMAAT_VERSIE:
        return f"onbekend dataformaat {str(meta.get('formaat'))[:20]!r}"
    for sleutel in ("versie", "herkomst", "omschrijving"):
        if not isinstance(meta.get(sleutel, ""), str):
            return f"{sleutel} is geen tekst"
    if not _woordenboek(meta.get("referentiedata", {}), str):
        return "referentiedata is geen lijst van peildata"
    if not isinstance(meta.get("bronnen", []), list) or not all(
            isinstance(b, str) for b in meta.get("bronnen", [])):
        return "bronnen is geen lijst van teksten"
    aantallen = meta.get("aantallen", {})
    if not _woordenboek(aantallen, int) or any(isinstance(n, bool) for n in aantallen.values()):
        return "aantallen is geen lijst van getallen"
    bestanden = meta.get("bestanden")
    if not isinstance(bestanden, dict):
        return "bestanden ontbreekt"
    for naam, gegevens in bestanden.items():
        if not (isinstance(gegevens, dict) and isinstance(gegevens.get("sha256"), str)
                and _SHA256.fullmatch(gegevens["sha256"])
                and type(gegevens.get("bytes", 0)) is int):
            return f"de gegevens van {str(naam)[:40]} kloppen niet"
    return None


def _woordenboek(waarde: Any, soort: type) -> bool:
    return isinstance(waarde, dict) and all(
        isinstance(k, str) and isinstance(v, soort) for k, v in waarde.items())


def controleer_snel(map_: Path) -> list[str]:
    """Problems a glance finds in a dataset folder: its metadata, and whether every file
    is there as a regular file of the recorded size. Contents are checked against their
    checksums when they are read (see :mod:`passend_cli.dataset`)."""
    import stat

    try:
        # A FIFO or device in its place would block the read below for ever.
        if not stat.S_ISREG(os.lstat(map_ / METADATA).st_mode):
            return [f"{METADATA} is geen gewoon bestand"]
        meta = lees_metadata(map_)
    except FileNotFoundError:
        return [f"{METADATA} ontbreekt"]
    except (OSError, ValueError) as fout:
        return [str(fout) if isinstance(fout, ValueError) else f"{METADATA} is onleesbaar"]
    problemen = []
    for stam in BESTANDEN:
        naam = bestandsnaam(stam)
        gegevens = meta["bestanden"].get(naam)
        if gegevens is None:
            if stam not in OPTIONEEL:
                problemen.append(f"{naam} ontbreekt in de metadata")
            continue
        try:
            info = os.lstat(map_ / naam)
        except OSError:
            problemen.append(f"{naam} ontbreekt")
            continue
        if not stat.S_ISREG(info.st_mode):
            problemen.append(f"{naam} is geen gewoon bestand")
        elif "bytes" in gegevens and info.st_size != gegevens["bytes"]:
            problemen.append(f"{naam} heeft niet de verwachte grootte")
    return problemen


def controleer_map(map_: Path) -> list[str]:
    """Problems with the dataset in *map_*, every file read and checked against its
    checksum (empty list: complete and intact)."""
    problemen = controleer_snel(map_)
    if problemen:
        return problemen
    bestanden = lees_metadata(map_)["bestanden"]
    for naam, gegevens in bestanden.items():
        if (map_ / naam).is_file() and sha256((map_ / naam).read_bytes()) != gegevens["sha256"]:
            problemen.append(f"{naam} klopt niet met de controlesom")
    return problemen
