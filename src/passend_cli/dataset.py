"""Load the dataset once per process and answer lookups by code and postcode.

The active dataset is the user's refreshed copy (``passend data update``) when it is
complete and intact, otherwise the copy bundled with the package. Nothing is read
until :func:`laad` is first called.
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from passend_cli import formaat
from passend_cli.fouten import DataFout

SECTOREN = ("PO", "VO")


class Gemeente(NamedTuple):
    code: str
    naam: str
    provincie: str


class Samenwerkingsverband(NamedTuple):
    code: str
    sector: str
    naam: str
    ook_bekend_als: tuple[str, ...]
    website: str
    straat: str
    postcode: str
    plaats: str
    email: str
    telefoon: str
    bewijs: str
    bronnen: tuple[str, ...]

    @property
    def regiocode(self) -> str:
        """The code as it is usually written: ``PO 27-07``."""
        return f"{self.sector} {self.code[2:4]}-{self.code[4:]}"

    @property
    def weergavenaam(self) -> str:
        """The known name, or a neutral description where no source gave one."""
        return self.naam or f"Samenwerkingsverband {self.regiocode}"


class Postcode(NamedTuple):
    postcode: str
    gemeente_code: str
    po: str
    vo: str
    herkomst: str  # "regeling" or "afgeleid" (added after 2015)
    gemeente_2015: str

    def swv(self, sector: str) -> str:
        return self.po if sector == "PO" else self.vo


class Woonplaats(NamedTuple):
    naam: str
    gemeente_code: str
    postcodes: tuple[str, ...]
    bron: str


class VoormaligeGemeente(NamedTuple):
    naam: str
    code: str
    einddatum: str
    opvolgers: tuple[str, ...]


class Wijziging(NamedTuple):
    datum: str
    swv: tuple[str, ...]
    gemeenten: tuple[str, ...]
    tekst: str
    bron: str


@dataclass(frozen=True, slots=True)
class Dekking:
    """One SWV serving (part of) a place; ``postcodes`` is None when it serves all of it."""

    verband: Samenwerkingsverband
    postcodes: tuple[str, ...] | None


# Records are NamedTuples: thousands are made at start-up, and a tuple is the cheapest
# immutable record Python can build.


def _rijen(bron: Any, stam: str) -> Iterable[list[str]]:
    regels = bron.joinpath(formaat.bestandsnaam(stam)).read_text(encoding="utf-8").splitlines()
    if not regels or regels[0].split(",") != list(formaat.BESTANDEN[stam]):
        raise DataFout(f"Het databestand {stam}.csv heeft onverwachte kolommen.")
    breedte = len(formaat.BESTANDEN[stam])
    for regel in regels[1:]:
        # Most lines hold no quotes; a plain split is several times faster than csv.
        rij = regel.split(",") if '"' not in regel else next(csv.reader([regel]))
        if len(rij) != breedte:
            raise DataFout(f"Het databestand {stam}.csv heeft een onvolledige regel.")
        yield rij


class Dataset:
    """All records of one dataset, with the indices that lookups need."""

    def __init__(self, bron: Any, herkomst: str, waarschuwing: str | None = None) -> None:
        self.map = bron
        self.herkomst = herkomst  # "gebundeld" or "gebruiker"
        self.waarschuwing = waarschuwing
        try:
            self.metadata = formaat.lees_metadata(bron)
            self.gemeenten = {r[0]: Gemeente._make(r) for r in _rijen(bron, "gemeenten")}
            self.postcodes = {r[0]: Postcode._make(r) for r in _rijen(bron, "postcodes")}
            self.verbanden = {
                r[0]: Samenwerkingsverband(
                    *r[:3], _lijst(r[3], ";"), *r[4:11], tuple(r[11].split())
                )
                for r in _rijen(bron, "samenwerkingsverbanden")
            }
            self.woonplaatsen = [
                Woonplaats(r[0], r[1], tuple(r[2].split()), r[3])
                for r in _rijen(bron, "woonplaatsen")
            ]
            self.voormalige_gemeenten = [
                VoormaligeGemeente(r[0], r[1], r[2], tuple(r[3].split()))
                for r in _rijen(bron, "voormalige_gemeenten")
            ]
            self.aliassen = [(r[0], r[1]) for r in _rijen(bron, "aliassen")]
            self.wijzigingen = [
                Wijziging(r[0], tuple(r[1].split()), tuple(r[2].split()), r[3], r[4])
                for r in _rijen(bron, "wijzigingen")
            ]
        except DataFout:
            raise
        except (OSError, ValueError, TypeError, StopIteration, IndexError) as fout:
            raise DataFout(
                f"De dataset in {bron} is onleesbaar ({fout.__class__.__name__})."
            ) from None

    # --- derived indices, built on first use ---------------------------------------

    @cached_property
    def postcodes_per_gemeente(self) -> dict[str, list[Postcode]]:
        per: dict[str, list[Postcode]] = defaultdict(list)
        for p in self.postcodes.values():
            per[p.gemeente_code].append(p)
        return dict(per)

    @cached_property
    def postcodes_per_gemeente_2015(self) -> dict[str, list[Postcode]]:
        """The regulation's 2015 gemeente name (as match key) -> its PC4s."""
        from passend_cli.normaliseer import normaliseer

        per: dict[str, list[Postcode]] = defaultdict(list)
        for p in self.postcodes.values():
            if p.gemeente_2015:
                per[normaliseer(p.gemeente_2015)].append(p)
        return dict(per)

    @cached_property
    def postcodes_per_verband(self) -> dict[str, dict[str, list[str]]]:
        """SWV code -> gemeente code -> the PC4s of that gemeente it serves."""
        per: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for p in self.postcodes.values():
            for code in (p.po, p.vo):
                if code:
                    per[code][p.gemeente_code].append(p.postcode)
        return {k: dict(v) for k, v in per.items()}

    # --- lookups -----------------------------------------------------------------

    def gemeente(self, code: str) -> Gemeente:
        return self.gemeenten[code]

    def verband(self, code: str) -> Samenwerkingsverband:
        return self.verbanden[code]

    def dekking(self, postcodes: Iterable[Postcode]) -> list[Dekking]:
        """The PO and VO SWVs that serve a set of PC4s, PO first. An SWV serving only
        part of the set lists its PC4s; one serving every PC4 with an SWV lists None."""
        postcodes = list(postcodes)
        uit = []
        for sector in SECTOREN:
            per: dict[str, list[str]] = defaultdict(list)
            for p in postcodes:
                code = p.swv(sector)
                if code:
                    per[code].append(p.postcode)
            heel = len(per) == 1
            for code in sorted(per, key=lambda c: (-len(per[c]), c)):
                pcs = None if heel else tuple(sorted(per[code]))
                uit.append(Dekking(self.verbanden[code], pcs))
        return uit

    def dekking_gemeente(self, code: str) -> list[Dekking]:
        return self.dekking(self.postcodes_per_gemeente.get(code, ()))

    def wijzigingen_voor(self, gemeenten: Iterable[str] = (), verbanden: Iterable[str] = ()):
        gemeenten, verbanden = set(gemeenten), set(verbanden)
        return [
            w for w in self.wijzigingen
            if gemeenten & set(w.gemeenten) or (not w.gemeenten and verbanden & set(w.swv))
        ]

    @property
    def versie(self) -> str:
        return str(self.metadata.get("versie", "onbekend"))


def _lijst(tekst: str, scheiding: str) -> tuple[str, ...]:
    return tuple(d.strip() for d in tekst.split(scheiding) if d.strip())


# --- where the data lives ------------------------------------------------------------


def gebruikersmap() -> Path:
    """The user's data directory; ``PASSEND_DATA_DIR`` overrides it (tests, portable use)."""
    eigen = os.environ.get("PASSEND_DATA_DIR")
    if eigen:
        return Path(eigen)
    import platformdirs

    return Path(platformdirs.user_data_dir("passend", appauthor=False))


def gebruikersdataset() -> Path:
    """Where ``passend data update`` installs a refreshed dataset."""
    return gebruikersmap() / "dataset"


def gebundelde_map() -> Any:
    return resources.files("passend_cli").joinpath("data")


@cache
def laad() -> Dataset:
    """The active dataset, loaded once per process."""
    eigen = gebruikersdataset()
    waarschuwing = None
    if eigen.exists():
        problemen = formaat.controleer_map(eigen)
        if not problemen:
            try:
                return Dataset(eigen, "gebruiker")
            except DataFout as fout:
                problemen = [fout.bericht]
        waarschuwing = (
            f"Let op: de bijgewerkte dataset in {eigen} is beschadigd ({problemen[0]}); "
            "de meegeleverde dataset wordt gebruikt. Herstel met 'passend data update' "
            "of 'passend data reset'."
        )
    try:
        return Dataset(gebundelde_map(), "gebundeld", waarschuwing)
    except FileNotFoundError:
        raise DataFout("De meegeleverde dataset ontbreekt; installeer passend opnieuw.") from None
