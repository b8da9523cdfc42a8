"""Readers for the raw sources in ``shared/sources``: each returns plain records.

Each function knows one file's quirks (Markdown table, BOM, trailing empty field,
tab separation) so the assembly step only sees clean values.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REGELING = "laws-markdown-bwbr0032324/2015-04-23/README.md"
BRP = "brp-tabel33-2019/Tabel33_Gemeententabel.csv"
CBS = "cbs-gemeenten-alfabetisch/gemeenten-alfabetisch-2023.csv"
REGIOVIEWER = "regioviewer-gemeenten2025/gemeenten.csv"
GEONAMES = "geonames-postalcodes-nl-2024/NL.txt"
WOONPLAATSEN = "provinciequiz-woonplaatsen/woonplaatsen.csv"
WIKI = "wiki-woonplaatsen-2020/woonplaatsen.csv"
CONTACTEN = "swv-webpages/swv_contacts.csv"

_REGEL = re.compile(r"^\|\s*(\d{4})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|")


@dataclass(frozen=True)
class RegelingRij:
    postcode: str
    gemeente: str  # the 2015 name as printed in the annex
    po: str  # "PO2707", or "" where the annex has no SWV (Europoort)
    vo: str


def lees_regeling(bronnen: Path) -> list[RegelingRij]:
    """The annex of BWBR0032324 (text of 2015-04-23): one row per PC4."""
    rijen = []
    with open(bronnen / REGELING, encoding="utf-8") as f:
        for regel in f:
            m = _REGEL.match(regel)
            if not m:
                continue
            postcode, gemeente, po, vo = m.groups()
            # Europoort (3197-3199) is printed with "Europoort" instead of codes.
            po = po if re.fullmatch(r"PO\d{4}", po) else ""
            vo = vo if re.fullmatch(r"VO\d{4}", vo) else ""
            rijen.append(RegelingRij(postcode, gemeente, po, vo))
    return rijen


@dataclass(frozen=True)
class BrpGemeente:
    code: str  # four digits
    naam: str
    nieuwe_code: str  # the gemeente it went into, "" when still active
    einddatum: str  # YYYY-MM-DD or ""


def lees_brp(bronnen: Path) -> list[BrpGemeente]:
    """RvIG Landelijke Tabel 33 (2019): every gemeente code ever issued."""
    with open(bronnen / BRP, encoding="utf-8-sig", newline="") as f:
        lezer = csv.reader(f)
        next(lezer)
        uit = []
        for rij in lezer:
            code, naam, nieuw, _ingang, einde = rij[:5]
            if code == "0000":
                continue
            einde = f"{einde[:4]}-{einde[4:6]}-{einde[6:8]}" if einde else ""
            uit.append(BrpGemeente(code, naam, nieuw, einde))
    return uit


@dataclass(frozen=True)
class CbsGemeente:
    code: str  # "GM0363"
    naam: str
    provincie: str


def lees_cbs(bronnen: Path) -> list[CbsGemeente]:
    """CBS 'Gemeenten alfabetisch 2023': the 342 gemeenten of the current indeling."""
    with open(bronnen / CBS, encoding="utf-8", newline="") as f:
        return [
            CbsGemeente(r["GemeentecodeGM"], r["Gemeentenaam"], r["Provincienaam"])
            for r in csv.DictReader(f)
        ]


def lees_regioviewer(bronnen: Path) -> dict[str, str]:
    """GM code -> CBS 2025 name in its official form ("Hengelo (O.)", "Beek (L.)")."""
    with open(bronnen / REGIOVIEWER, encoding="utf-8", newline="") as f:
        return {r["gm_code"]: r["gm_naam"] for r in csv.DictReader(f)}


@dataclass(frozen=True)
class GeonamesRij:
    postcode: str
    plaats: str
    gemeente_code: str  # "GM0363", or "" where GeoNames left it blank


def lees_geonames(bronnen: Path) -> list[GeonamesRij]:
    """GeoNames postal codes NL (2024-04-12): PC4, postal place name, CBS gemeentecode."""
    rijen = []
    with open(bronnen / GEONAMES, encoding="utf-8") as f:
        for regel in f:
            velden = regel.rstrip("\n").split("\t")
            code = velden[6].strip()
            rijen.append(GeonamesRij(velden[1], velden[2], f"GM{code}" if code else ""))
    return rijen


@dataclass(frozen=True)
class WoonplaatsRij:
    naam: str
    gemeente: str  # name as the source spells it
    provincie: str
    postcodes: tuple[str, str] | None = None  # lowest and highest PC4, where known


_ZONDER_APOSTROF = re.compile(r"^(s|t)([ -])(?=[A-Z])")


def plaatsnaam(naam: str) -> str:
    """Restore the apostrophe both place lists drop: "s-Gravenmoer" is 's-Gravenmoer.

    >>> plaatsnaam("s-Hertogenbosch"), plaatsnaam("t Zandt"), plaatsnaam("Sint Jansteen")
    ("'s-Hertogenbosch", "'t Zandt", 'Sint Jansteen')
    """
    return _ZONDER_APOSTROF.sub(r"'\1\2", naam.strip())


def lees_woonplaatsen(bronnen: Path) -> list[WoonplaatsRij]:
    """About 2,500 woonplaatsen (BAG spelling) with their gemeente, indeling 2023-2025.
    A row naming two forms ("s-Hertogenbosch / Den Bosch") gives one record per form."""
    with open(bronnen / WOONPLAATSEN, encoding="utf-8", newline="") as f:
        return [
            WoonplaatsRij(plaatsnaam(naam), r["gemeente"].strip(), r["provincie"].strip())
            for r in csv.DictReader(f)
            for naam in r["woonplaats"].split(" / ")
        ]


_BEREIK = re.compile(r"(\d{4})\s*[–-]\s*(\d{4})")


def lees_wiki_woonplaatsen(bronnen: Path) -> Iterator[WoonplaatsRij]:
    """The Wikipedia list of places (2020), hamlets included; "Dutch / Frisian" names
    are yielded once per spelling."""
    with open(bronnen / WIKI, encoding="utf-8", newline="") as f:
        lezer = csv.reader(f)
        next(lezer)
        for rij in lezer:
            plaats, _code, bereik, gemeente, provincie = (v.strip() for v in rij[:5])
            if not plaats or "?" in plaats:
                continue  # a few rows carry editorial question marks, not names
            m = _BEREIK.search(bereik)
            postcodes = (m.group(1), m.group(2)) if m else None
            for naam in plaats.split(" / "):
                yield WoonplaatsRij(plaatsnaam(naam), gemeente, provincie, postcodes)


def lees_contacten(bronnen: Path) -> list[dict[str, str]]:
    """Names and contact facts per 2015 SWV code, collected from public web pages."""
    with open(bronnen / CONTACTEN, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
