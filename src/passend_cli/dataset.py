"""Load the dataset once per process and answer lookups by code and postcode.

The active dataset is the user's refreshed copy (``passend data update``) when it is
complete and intact, otherwise the copy bundled with the package. Nothing is read
until :func:`laad` is first called.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, cached_property
from typing import Any

from passend_cli import formaat, opslag
from passend_cli.antwoorden import Dekking, Opvolger
from passend_cli.fouten import DataFout
from passend_cli.model import (
    SECTOREN,
    Gemeente,
    Postcode,
    Samenwerkingsverband,
    School,
    VoormaligeGemeente,
    Wijziging,
    Woonplaats,
)
from passend_cli.zoekindex import Woordindex, Zoekindex

# Records are NamedTuples from passend_cli.model: thousands are made at start-up.


def _regels(tekst: str, stam: str) -> list[str]:
    """The data lines of one file's text, after checking its header."""
    regels = tekst.splitlines()
    if not regels or regels[0].split(",") != list(formaat.BESTANDEN[stam]):
        raise DataFout(f"Het databestand {stam}.csv heeft onverwachte kolommen.")
    del regels[0]
    return regels


def _splits(regel: str, stam: str) -> list[str]:
    rij = regel.split(",") if '"' not in regel else next(csv.reader([regel]))
    if len(rij) != len(formaat.BESTANDEN[stam]):
        raise DataFout(f"Het databestand {stam}.csv heeft een onvolledige regel.")
    return rij


def _gesplitst(regels: list[str], stam: str) -> list[list[str]]:
    breedte = len(formaat.BESTANDEN[stam])
    # Only a few lines hold quotes; a plain split is several times faster than csv.
    rijen = [r.split(",") if '"' not in r else next(csv.reader([r])) for r in regels]
    if any(len(r) != breedte for r in rijen):
        raise DataFout(f"Het databestand {stam}.csv heeft een onvolledige regel.")
    return rijen


class Dataset:
    """All records of one dataset, with the indices that lookups need.

    Each table is parsed on first access: a postcode lookup never reads the
    woonplaatsen, and start-up stays well below the cost of importing Typer.

    :meth:`actief` is the dataset every answer uses by default; :meth:`meegeleverd`
    pins the bundled one, for answers that must not change when the user refreshes."""

    @classmethod
    def actief(cls) -> Dataset:
        """The active dataset: the user's refreshed copy (``passend data update``) when
        it is there and intact, otherwise the bundled one. Loaded once per process."""
        return laad()

    @classmethod
    def meegeleverd(cls) -> Dataset:
        """The dataset bundled with the package, whatever the user refreshed. Loaded
        once per process."""
        return _meegeleverd()

    def __init__(
        self, bron: Any, herkomst: str, waarschuwing: str | None = None, *,
        controleer: bool = False, slot: Any = None,
    ) -> None:
        self.map = bron
        self.herkomst = herkomst  # "meegeleverd" or "bijgewerkt"
        self.waarschuwing = waarschuwing
        # A refreshed copy: every file is checked against its checksum as it is read, so
        # what is parsed is what was verified. The bundle is part of the installation.
        self._controleer = controleer
        self._slot = slot  # the shared lock that keeps this version from being removed

    @cached_property
    def metadata(self) -> dict[str, Any]:
        return self._lees(lambda: formaat.lees_metadata(self.map))

    def _tekst(self, stam: str, map_: Any = None) -> str:
        """The text of one data file, read once and, for a refreshed copy, verified."""
        map_ = self.map if map_ is None else map_
        naam = formaat.bestandsnaam(stam)
        data = map_.joinpath(naam).read_bytes()
        if self._controleer and map_ is self.map:
            verwacht = self.metadata["bestanden"].get(naam, {}).get("sha256")
            if verwacht != formaat.sha256(data):
                raise DataFout(f"De dataset in {self.map} is beschadigd: {naam} klopt niet "
                               "met de controlesom.")
        return data.decode("utf-8")

    def _rijen(self, stam: str) -> list[list[str]]:
        return _gesplitst(_regels(self._tekst(stam), stam), stam)

    def _lees(self, maak):
        try:
            return maak()
        except DataFout:
            raise
        except (OSError, ValueError, TypeError, StopIteration, IndexError) as fout:
            raise DataFout(
                f"De dataset in {self.map} is onleesbaar ({fout.__class__.__name__})."
            ) from None

    def laad_alles(self) -> Dataset:
        """Parse every table now (to verify a copy, or to measure loading). The school
        files are read and their headers checked; their rows are parsed by the queries
        that need them, as no command needs all of them at start-up."""
        for naam in ("metadata", "gemeenten", "postcodes", "verbanden", "woonplaatsen",
                     "voormalige_gemeenten", "aliassen", "wijzigingen", "zoekindex",
                     "schoolregels", "schoolindex"):
            getattr(self, naam)
        return self

    @cached_property
    def gemeenten(self) -> dict[str, Gemeente]:
        return self._lees(lambda: {r[0]: Gemeente._make(r) for r in self._rijen("gemeenten")})

    @cached_property
    def postcodes(self) -> dict[str, Postcode]:
        # _rijen has checked every row's width, so _make's own check can be skipped;
        # this is the largest table every search reads.
        maak = tuple.__new__
        return self._lees(
            lambda: {r[0]: maak(Postcode, r) for r in self._rijen("postcodes")}
        )

    @cached_property
    def verbanden(self) -> dict[str, Samenwerkingsverband]:
        return self._lees(lambda: {
            r[0]: Samenwerkingsverband(
                r[0], r[1], r[2], _lijst(r[3], ";"), r[4], r[5], r[6], r[7], r[8], r[9],
                r[10], tuple(r[11].split()), r[12], r[13], r[14])
            for r in self._rijen("samenwerkingsverbanden")
        })

    @cached_property
    def woonplaatsen(self) -> list[Woonplaats]:
        return [self.woonplaats(i) for i in range(len(self._woonplaats_regels))]

    @cached_property
    def _woonplaats_regels(self) -> list[str]:
        return self._lees(lambda: _regels(self._tekst("woonplaatsen"), "woonplaatsen"))

    def woonplaats(self, nummer: int) -> Woonplaats:
        """Row *nummer* of woonplaatsen.csv. A search needs only the few rows it found,
        so rows are parsed one by one instead of the whole table."""
        def maak() -> Woonplaats:
            r = _splits(self._woonplaats_regels[nummer], "woonplaatsen")
            return Woonplaats(r[0], r[1], tuple(r[2].split()), r[3], tuple(r[4].split()))

        return self._lees(maak)

    @cached_property
    def voormalige_gemeenten(self) -> list[VoormaligeGemeente]:
        return self._lees(lambda: [
            VoormaligeGemeente(r[0], r[1], r[2], tuple(r[3].split()))
            for r in self._rijen("voormalige_gemeenten")
        ])

    @cached_property
    def aliassen(self) -> list[tuple[str, str]]:
        return self._lees(lambda: [(r[0], r[1]) for r in self._rijen("aliassen")])

    @cached_property
    def wijzigingen(self) -> list[Wijziging]:
        return self._lees(lambda: [
            Wijziging(r[0], tuple(r[1].split()), tuple(r[2].split()), *r[3:])
            for r in self._rijen("wijzigingen")
        ])

    @cached_property
    def zoekindex(self) -> Zoekindex:
        return self._lees(lambda: Zoekindex("\n".join(
            _regels(self._tekst("zoekindex"), "zoekindex"))))

    # --- schools: read only when a query needs them -------------------------------

    @cached_property
    def _schoolmap(self) -> Any:
        """The folder of the school files: this dataset's own, or the bundled ones for a
        copy without schools (written before they were bundled, or by a refresh that
        brought none)."""
        eigen = formaat.bestandsnaam("scholen") in self.metadata.get("bestanden", {})
        return self.map if eigen else opslag.gebundelde_map()

    @cached_property
    def scholenlijst(self) -> str:
        """The reference date of the school list ("ca. 2020")."""
        meta = self.metadata if self._schoolmap is self.map else self._lees(
            lambda: formaat.lees_metadata(self._schoolmap)
        )
        return str(meta.get("referentiedata", {}).get("scholenlijst", "onbekend"))

    @cached_property
    def schoolregels(self) -> list[str]:
        """The data lines of scholen.csv, sorted by code."""
        return self._lees(lambda: _regels(self._tekst("scholen", self._schoolmap), "scholen"))

    def school(self, nummer: int) -> School:
        """Row *nummer* of scholen.csv, parsed on its own."""
        return self._lees(lambda: School._make(_splits(self.schoolregels[nummer], "scholen")))

    @cached_property
    def scholen(self) -> list[School]:
        """Every school, parsed (to verify a copy; lookups parse only their own rows)."""
        maak = tuple.__new__  # _gesplitst has checked every row's width
        return self._lees(
            lambda: [maak(School, r) for r in _gesplitst(self.schoolregels, "scholen")]
        )

    @cached_property
    def schoolindex(self) -> Woordindex:
        return self._lees(lambda: Woordindex("\n".join(
            _regels(self._tekst("schoolindex", self._schoolmap), "schoolindex"))))

    # --- derived indices, built on first use ---------------------------------------

    @cached_property
    def postcodes_per_gemeente(self) -> dict[str, list[Postcode]]:
        per: dict[str, list[Postcode]] = defaultdict(list)
        for p in self.postcodes.values():
            per[p.gemeente_code].append(p)
        return dict(per)

    @cached_property
    def postcodes_per_gemeente_2015(self) -> dict[str, list[Postcode]]:
        """The regulation's 2015 gemeente name -> its PC4s. Tabel 33 and the regulation
        spell the names of since-merged gemeenten alike ("Weesp", "Zeevang")."""
        per: dict[str, list[Postcode]] = defaultdict(list)
        for p in self.postcodes.values():
            per[p.gemeente_2015].append(p)
        return dict(per)

    @cached_property
    def woonplaatsen_per_postcode(self) -> dict[str, list[Woonplaats]]:
        """PC4 -> the official woonplaatsen that use it (parses the whole table)."""
        per: dict[str, list[Woonplaats]] = defaultdict(list)
        for w in self.woonplaatsen:
            if w.officieel:
                for p in w.postcodes:
                    per[p].append(w)
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

    def dekking(self, postcodes: Iterable[Postcode]) -> list[Dekking]:
        """The PO and VO SWVs that serve a set of PC4s, PO first. An SWV serving only
        part of the set lists its PC4s; one serving every PC4 with an SWV lists None.
        Where a recorded change says another SWV took over (the Hoeksche Waard's own VO
        SWV since 2018), that one comes first and the regulation's is not ``actueel``."""
        uit = []
        for sector in SECTOREN:
            groepen: dict[tuple[str, Wijziging | None], list[str]] = defaultdict(list)
            for p in postcodes if isinstance(postcodes, list) else list(postcodes):
                code = p.swv(sector)
                if code:
                    groepen[(code, self.opvolging(code, p.gemeente_code))].append(p.postcode)
            heel = len(groepen) == 1
            volgorde = sorted(groepen, key=lambda k: (-len(groepen[k]), k[0]))
            for code, w in volgorde:
                pcs = None if heel else tuple(sorted(groepen[(code, w)]))
                uit += self.dekking_verband(self.verbanden[code], pcs, w)
        # A current SWV comes before a superseded one.
        return sorted(uit, key=lambda d: (d.verband.sector, not d.actueel))

    def dekking_verband(
        self, v: Samenwerkingsverband, postcodes: tuple[str, ...] | None = None,
        wijziging: Wijziging | None = None,
    ) -> list[Dekking]:
        """*v* as serving an area, or, after a change of kind ``opvolger``, its
        successor followed by *v* as history."""
        if wijziging is None:
            return [Dekking(v, postcodes)]
        opvolger = Opvolger.van(wijziging)
        nieuw = self.verbanden.get(wijziging.opvolger_code) or self._opvolger_zonder_code(
            wijziging, v.sector)
        return [Dekking(nieuw, postcodes), Dekking(v, postcodes, False, opvolger)]

    def _opvolger_zonder_code(self, w: Wijziging, sector: str) -> Samenwerkingsverband:
        """A successor no source gives a code for. When an SWV of the regulation carries
        exactly its name (Kind op 1), that one's contact facts are shown, not its code:
        whether the successor kept that code is not known."""
        from passend_cli.normaliseer import normaliseer

        naam = normaliseer(w.opvolger_naam)
        zelfde = [x for x in self.verbanden.values()
                  if x.sector == sector and normaliseer(x.naam) == naam]
        if len(zelfde) == 1:
            x = zelfde[0]
            return x._replace(code="", opmerking=(
                f"Contactgegevens van {x.code}, dat deze naam draagt. {x.opmerking}").strip())
        return Samenwerkingsverband("", sector, w.opvolger_naam, (), "", "", "", "", "", "",
                                    "", (w.bron,) if w.bron else (), "", "", "")

    def opvolging(self, code: str, gemeente: str | None = None) -> Wijziging | None:
        """The change by which another SWV took over from *code* in *gemeente* (or
        everywhere), if the sources record one."""
        for w in self._opvolgingen.get(code, ()):
            if not w.gemeenten or gemeente in w.gemeenten:
                return w
        return None

    @cached_property
    def _opvolgingen(self) -> dict[str, list[Wijziging]]:
        per: dict[str, list[Wijziging]] = defaultdict(list)
        for w in self.wijzigingen:
            if w.soort == "opvolger":
                for code in w.swv:
                    per[code].append(w)
        return dict(per)

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

    def indeling(self) -> dict[str, str | None]:
        """Which regio-indeling the areas follow and its date, and up to when the known
        changes after it were gathered: the basis every answer states."""
        ref = self.metadata.get("referentiedata", {})
        ref = ref if isinstance(ref, dict) else {}
        if self.metadata.get("indeling") == "duo":
            bron = "DUO (open onderwijsdata, RIO)"
        else:
            bron = "regeling regio-indeling 2015 met bekende wijzigingen"
        return {"bron": bron, "datum": str(ref.get("regio_indeling") or "") or None,
                "wijzigingen_tot": str(ref.get("wijzigingen") or "") or None}

    def beschrijving(self) -> dict[str, Any]:
        """Which dataset this is: where it comes from, its reference dates, sources and
        counts (``passend info``)."""
        meta = self.metadata
        return {
            "herkomst": self.herkomst,
            "map": str(self.map),
            "versie": self.versie,
            "omschrijving": meta.get("omschrijving", ""),
            "referentiedata": meta.get("referentiedata", {}),
            "bronnen": meta.get("bronnen", []),
            "aantallen": meta.get("aantallen", {}),
        }


def _lijst(tekst: str, scheiding: str) -> tuple[str, ...]:
    return tuple(d.strip() for d in tekst.split(scheiding) if d.strip())


# --- where the data lives ------------------------------------------------------------


@cache
def _meegeleverd() -> Dataset:
    return Dataset(opslag.gebundelde_map(), "meegeleverd")


@cache
def laad() -> Dataset:
    """The active dataset, loaded once per process: the user's refreshed copy when it is
    there and intact, otherwise the bundled one (with a warning when a copy exists but
    cannot be used). The version found here is read from start to end."""
    map_ = opslag.gebruikersmap()
    probleem = None
    try:
        versie = opslag.actieve_versie(map_)
    except DataFout as fout:
        versie, probleem = None, fout.bericht
    for _ in range(3):
        if versie is None:
            break
        slot = opslag.lees_slot(versie)
        problemen = formaat.controleer_snel(versie)
        if not problemen:
            return Dataset(versie, "bijgewerkt", controleer=True, slot=slot)
        if versie.is_dir():
            probleem = problemen[0]
            break
        # Replaced and removed by a refresh just now: read the new pointer.
        versie = opslag.actieve_versie(map_)
    waarschuwing = None
    if probleem:
        waarschuwing = (f"Let op: de bijgewerkte dataset in {map_} is beschadigd ({probleem}); "
                        "de meegeleverde dataset wordt gebruikt.")
    elif opslag.oude_kopie(map_):
        waarschuwing = (f"Let op: de bijgewerkte dataset in {map_} is van een eerdere versie "
                        "van passend; de meegeleverde dataset wordt gebruikt.")
    return Dataset(opslag.gebundelde_map(), "meegeleverd", waarschuwing)
