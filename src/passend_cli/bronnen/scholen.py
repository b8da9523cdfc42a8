"""Readers of the school lists: one function per file, each returning plain records.

Two kinds of input give the same :class:`Vestiging` records:

- the lists of about 2020 in ``shared/sources`` (the build): primary schools from
  ``scholen-po-2020``, secondary schools and their 2015 SWV from ``ginberg-cito-duo``;
- DUO's current files (the refresh): ``vestigingenbo.csv`` / ``vestigingenvo.csv``
  and RIO's ``relaties_samenwerkingserkenningen_vestigingserkenningen.csv``.

Each reader knows its file's quirks (encoding, delimiter, padded fields, a stray
``"`` in a name, mis-decoded characters), so the assembly step only sees clean values.
The readers of the build raise ValueError on a file that is not as described; those
of the refresh raise :class:`DataFout` with a sentence for the user.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from passend_cli.fouten import DataFout

PO_2020 = "scholen-po-2020/scholen_po.csv"
VO_2020 = "ginberg-cito-duo/alle-vestigingen-vo.csv"
KOPPELING_2015 = "ginberg-cito-duo/vsv-per-swv-2015.csv"

# DUO's current files (names as DUO publishes them).
DUO_BO = "vestigingenbo.csv"
DUO_VO = "vestigingenvo.csv"
RIO_VESTIGINGEN = "relaties_samenwerkingserkenningen_vestigingserkenningen.csv"
DUO_KOLOMMEN = (
    "INSTELLINGSCODE", "VESTIGINGSCODE", "VESTIGINGSNAAM", "STRAATNAAM",
    "HUISNUMMER-TOEVOEGING", "POSTCODE", "PLAATSNAAM", "GEMEENTENAAM",
)
RIO_KOLOMMEN = ("SAMENWERKINGSVERBANDNUMMER", "VESTIGINGSCODE", "BEGINDATUM", "EINDDATUM")

_CODE = re.compile(r"[0-9]{2}[A-Z]{2}[0-9]{2}")


@dataclass(frozen=True)
class Vestiging:
    """One school location as a list gives it; empty strings where it gives nothing."""

    code: str  # six characters: BRIN (two digits, two letters) + vestigingsnummer
    naam: str
    soort: str  # "bo", "sbo", "vo", or "" where the file does not say (DUO's bo file)
    straat: str  # street and house number
    postcode: str  # "2035 CT"
    plaats: str  # as the list spells it (DUO: upper case); "" where it has none
    gemeente: str  # gemeente name as the list spells it
    gemeentecode: str  # "GM0392" where the list gives a number


def _schoon(tekst: str) -> str:
    """Trim DUO's padding and collapse runs of spaces."""
    return " ".join(tekst.split())


def _naam(tekst: str) -> str:
    """A name with a lone double quote dropped: the 2020 list cut some names after an
    opening quote ('BS "De Maasparel'); a balanced pair is kept as written."""
    tekst = _schoon(tekst)
    if tekst.count('"') % 2:
        tekst = _schoon(tekst.replace('"', " "))
    return tekst


# Abbreviations that stay in capitals when an all-capitals name is made readable.
_AFKORTINGEN = frozenset({
    "BS", "OBS", "CBS", "PCBS", "RKBS", "RK", "KBS", "IKC", "KC", "SBO", "SBAO", "SO", "VSO",
    "SO/VSO", "ZMLK", "ZMOK", "LWOO", "PRO", "VMBO", "MAVO", "HAVO", "VWO", "VBO", "ISK",
    "OSG", "CSG", "RSG", "SG", "ISG", "PCB", "PC", "ICBS", "ODS", "OJBS", "JBS", "IBS",
    "VCL", "CLV", "GSG", "MLK", "LOM", "CVO", "VO", "PO", "VSV", "II", "III", "IV", "BV",
})


def leesbaar(tekst: str) -> str:
    """A name DUO writes in capitals, in the spelling people read: each word with one
    capital, abbreviations kept, ``IJ`` as one letter, ``'T`` as ``'t``. Text with any
    lower case letter is left as written.

    >>> leesbaar("OBS DE GLOBE"), leesbaar("IJSSELSCHOOL 'T KLOOSTER"), leesbaar("De Globe")
    ('OBS De Globe', "IJsselschool 't Klooster", 'De Globe')
    >>> leesbaar("SBO DE KLIMOP-IJMUIDEN"), leesbaar("VAN DER MEERSCHOOL")
    ('SBO De Klimop-IJmuiden', 'Van Der Meerschool')
    """
    if tekst == tekst.lower() or tekst != tekst.upper():
        return tekst

    def woord(w: str) -> str:
        if w in _AFKORTINGEN or not any(c.isalpha() for c in w):
            return w
        if w in ("'T", "'S"):
            return w.lower()
        if w.startswith("IJ"):
            return "IJ" + w[2:].lower()
        return w[:1] + w[1:].lower()

    return " ".join("-".join(woord(d) for d in w.split("-")) for w in tekst.split(" "))


def _postcode(tekst: str) -> str:
    """A PC6 as ``2035 CT`` (or a bare PC4); "" when the value is no Dutch postcode."""
    kaal = tekst.replace(" ", "").upper()
    if re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", kaal):
        return f"{kaal[:4]} {kaal[4:]}"
    return kaal if re.fullmatch(r"[1-9][0-9]{3}", kaal) else ""


def _code(tekst: str) -> str:
    code = tekst.replace(" ", "").upper()
    return code if _CODE.fullmatch(code) else ""


# --- mis-decoded characters -----------------------------------------------------------

# Letters with diacritics that Dutch and Frisian names use. Anything else outside ASCII
# (a middle dot, "Ô" inside a lower-case word, "Ã", U+FFFD) is taken as mis-decoding.
_LETTERS = set("áàâäéèêëíìîïóòôöúùûüýÿçñ") | set("ÁÀÂÄÉÈÊËÍÎÏÓÔÖÚÛÜ")
# How Latin-1 or UTF-8 bytes end up wrongly decoded: (as it was read, as it was written).
_VERWISSELINGEN = (("cp850", "latin-1"), ("cp437", "latin-1"), ("cp1252", "utf-8"),
                   ("latin-1", "utf-8"))


def verdacht(tekst: str) -> bool:
    """Whether *tekst* holds characters a Dutch name cannot contain.

    >>> verdacht("Súdwest-Fryslân"), verdacht("S·dwest-FryslÔn"), verdacht("Ôle")
    (False, True, False)
    """
    for i, c in enumerate(tekst):
        if c.isascii():
            continue
        if c not in _LETTERS:
            return True
        # A capital with a diacritic only starts a word.
        if c.isupper() and i > 0 and tekst[i - 1].isalpha():
            return True
    return False


def herstel(tekst: str, bekend: Collection[str] | None = None) -> str | None:
    """*tekst* with mis-decoded characters repaired, or None when no repair is certain.
    A repair is certain when exactly one way of undoing the mis-decoding gives a text
    of Dutch letters, and (given *bekend*) that text is one of the known names.

    >>> herstel("S·dwest-FryslÔn", {"Súdwest-Fryslân"})
    'Súdwest-Fryslân'
    >>> herstel("FryslÃ¢n")
    'Fryslân'
    >>> herstel("De \ufffdster") is None
    True
    """
    if not verdacht(tekst):
        return tekst
    kandidaten = set()
    for gelezen, geschreven in _VERWISSELINGEN:
        try:
            kandidaat = unicodedata.normalize(
                "NFC", tekst.encode(gelezen).decode(geschreven)
            )
        except UnicodeError:
            continue
        if kandidaat != tekst and not verdacht(kandidaat):
            kandidaten.add(kandidaat)
    if bekend is not None:
        kandidaten &= set(bekend)
    return kandidaten.pop() if len(kandidaten) == 1 else None


# --- the lists of about 2020 ------------------------------------------------------------


class Po2020(NamedTuple):
    vestigingen: list[Vestiging]
    hersteld: list[str]  # codes of rows whose mis-decoded characters were repaired
    weggelaten: list[str]  # codes of rows dropped because no repair was certain


def lees_po_2020(bronnen: Path, gemeentenamen: Collection[str] | None = None) -> Po2020:
    """The primary-school locations of about 2020 (UTF-8, comma-separated). The list
    has no street and no place name; 92 rows have a mis-decoded gemeente name
    ("S·dwest-FryslÔn"), repaired where certain (checked against *gemeentenamen*)
    and dropped otherwise."""
    uit, hersteld, weg = [], [], []
    with open(bronnen / PO_2020, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code = _code(r["BRIN"])
            if not code:
                raise ValueError(f"{PO_2020}: ongeldige vestigingscode {r['BRIN']!r}")
            naam, gemeente = _naam(r["vestigingsnaam"]), _schoon(r["gemeente"])
            goed_naam = herstel(naam)
            goed_gemeente = herstel(gemeente, gemeentenamen)
            if goed_naam is None or goed_gemeente is None:
                weg.append(code)
                continue
            if (goed_naam, goed_gemeente) != (naam, gemeente):
                hersteld.append(code)
            soort = {"bo": "bo", "sbo": "sbo"}.get(r["type"].strip().lower())
            if soort is None:
                raise ValueError(f"{PO_2020}: onbekend type {r['type']!r} bij {code}")
            uit.append(Vestiging(code, goed_naam, soort, "", _postcode(r["postcode"]), "",
                                 goed_gemeente, ""))
    return Po2020(uit, hersteld, weg)


def lees_vo_2020(bronnen: Path) -> list[Vestiging]:
    """DUO's "Alle vestigingen VO" of about December 2020 (ISO-8859-1, ``;``, fields
    padded with spaces, place names in capitals)."""
    with open(bronnen / VO_2020, encoding="latin-1", newline="") as f:
        rijen = list(csv.DictReader(f, delimiter=";"))
    uit = []
    for r in rijen:
        code = _code(r["VESTIGINGSNUMMER"])
        if not code or code[:4] != r["BRIN NUMMER"].strip().upper():
            raise ValueError(f"{VO_2020}: ongeldige vestigingscode {r['VESTIGINGSNUMMER']!r}")
        nummer = r["GEMEENTENUMMER"].strip()
        uit.append(Vestiging(
            code, _naam(r["VESTIGINGSNAAM"]), "vo",
            _schoon(f"{r['STRAATNAAM']} {r['HUISNUMMER-TOEVOEGING']}"),
            _postcode(r["POSTCODE"]), _schoon(r["PLAATSNAAM"]), _schoon(r["GEMEENTENAAM"]),
            f"GM{int(nummer):04d}" if nummer.isdigit() else "",
        ))
    return uit


def lees_koppeling_2015(bronnen: Path) -> dict[str, str]:
    """Vestigingscode -> the VO SWV code it belonged to in school year 2014-2015
    (``VO0001``: the national SWV, not a regional one)."""
    uit: dict[str, str] = {}
    with open(bronnen / KOPPELING_2015, encoding="ascii", newline="") as f:
        for r in csv.DictReader(f, delimiter=";"):
            code = _code(r["brin_nummer"] + r["vestigings_nummer"])
            swv = r["SAMENWERKINGSVERBAND_NUMMER"].strip().upper()
            if not code or not re.fullmatch(r"VO[0-9]{4}", swv):
                raise ValueError(f"{KOPPELING_2015}: onleesbare regel {r}")
            if uit.setdefault(code, swv) != swv:
                raise ValueError(f"{KOPPELING_2015}: {code} staat bij twee samenwerkingsverbanden")
    return uit


# --- DUO's current files (the refresh) --------------------------------------------------

# DUO's bo file may say which locations are special; without such a column the kind is
# left open and the assembly decides (see samenstellen.scholen).
_SOORT_KOLOMMEN = ("SOORT PO", "SOORT_PO", "SOORTPO", "SOORT PRIMAIR ONDERWIJS")
_SOORTEN_PO = {"bo": "bo", "bao": "bo", "sbo": "sbo", "sbao": "sbo"}


def lees_duo_vestigingen(pad: Path, sector: str) -> list[Vestiging]:
    """DUO's ``vestigingenbo.csv`` (*sector* "PO") or ``vestigingenvo.csv`` ("VO"):
    delimiter and encoding sniffed, header as DUO documents it."""
    from passend_cli.bronnen.duo import lees_csv

    naam = DUO_BO if sector == "PO" else DUO_VO
    uit = []
    for regel, r in lees_csv(pad, naam, DUO_KOLOMMEN):
        code = _code(r["VESTIGINGSCODE"])
        if not code:
            code = _code(r["INSTELLINGSCODE"] + r["VESTIGINGSCODE"])
        if not code:
            raise DataFout(f"Regel {regel} van {naam} heeft een ongeldige vestigingscode.")
        if sector == "VO":
            soort = "vo"
        else:
            kolom = next((k for k in _SOORT_KOLOMMEN if k in r), None)
            soort = _SOORTEN_PO.get(r[kolom].strip().lower(), "") if kolom else ""
        uit.append(Vestiging(
            code, leesbaar(_naam(r["VESTIGINGSNAAM"])), soort,
            leesbaar(_schoon(f"{r['STRAATNAAM']} {r['HUISNUMMER-TOEVOEGING']}")),
            _postcode(r["POSTCODE"]), _schoon(r["PLAATSNAAM"]), _schoon(r["GEMEENTENAAM"]), "",
        ))
    return uit


def lees_rio_vestigingen(pad: Path, peildatum: date | None = None) -> dict[str, set[str]]:
    """RIO's relation file: vestigingscode -> the passend-onderwijs SWV codes (``PO2707``,
    ``VO0001``) it takes part in on *peildatum* (today). Older kinds of SWV numbers
    ("001", "10-1") in the same file are skipped."""
    from passend_cli.bronnen.duo import datum, lees_csv
    from passend_cli.normaliseer import lees_swv_code

    peildatum = peildatum or date.today()
    uit: dict[str, set[str]] = defaultdict(set)
    for regel, r in lees_csv(pad, RIO_VESTIGINGEN, RIO_KOLOMMEN):
        gelezen = lees_swv_code(r["SAMENWERKINGSVERBANDNUMMER"])
        if gelezen is None or gelezen[0] is None:
            continue
        begin = datum(r["BEGINDATUM"], RIO_VESTIGINGEN, regel)
        einde = datum(r["EINDDATUM"], RIO_VESTIGINGEN, regel)
        if (begin and begin > peildatum) or (einde and einde <= peildatum):
            continue
        code = _code(r["VESTIGINGSCODE"])
        if not code:
            raise DataFout(
                f"Regel {regel} van {RIO_VESTIGINGEN} heeft een ongeldige vestigingscode."
            )
        uit[code].add(f"{gelezen[0]}{gelezen[1]}")
    return dict(uit)
