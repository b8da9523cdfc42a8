"""The on-disk format of a dataset, shared by the writer (build, update) and the loader.

A dataset is a folder of UTF-8 CSV files plus ``metadata.json``, which records each
file's row count and SHA-256, so a damaged or half-written copy is recognised.
"""

from __future__ import annotations

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


def lees_metadata(map_: Path) -> dict[str, Any]:
    """*map_* may be a Path or an importlib.resources Traversable."""
    import json

    return json.loads((map_ / METADATA).read_text(encoding="utf-8"))


def controleer_map(map_: Path) -> list[str]:
    """Problems with the dataset in *map_* (empty list: complete and intact)."""
    try:
        meta = lees_metadata(map_)
    except FileNotFoundError:
        return [f"{METADATA} ontbreekt"]
    except (OSError, ValueError) as fout:
        return [f"{METADATA} is onleesbaar ({fout.__class__.__name__})"]
    if meta.get("formaat") != FORMAAT_VERSIE:
        return [f"onbekend dataformaat {meta.get('formaat')!r}"]
    problemen = []
    bestanden = meta.get("bestanden", {})
    for stam in BESTANDEN:
        naam = bestandsnaam(stam)
        if stam in OPTIONEEL and naam not in bestanden:
            continue
        verwacht = bestanden.get(naam, {}).get("sha256")
        try:
            inhoud = (map_ / naam).read_bytes()
        except OSError:
            problemen.append(f"{naam} ontbreekt")
            continue
        if verwacht != sha256(inhoud):
            problemen.append(f"{naam} klopt niet met de controlesom")
    return problemen
