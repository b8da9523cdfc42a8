"""``passend data update``: refresh the areas and names of the samenwerkingsverbanden
from DUO's open data into the user's data directory, safely.

The new copy starts from the bundled dataset (gemeenten, woonplaatsen, contact data),
takes each PC4's PO and VO SWV and each SWV's name from DUO, is written by the same code
as the bundled build (which enforces the invariants), checked, and only then swapped in.
Any failure leaves the active data as it was. Only :mod:`passend_cli.fouten` exceptions
leave this module (and KeyboardInterrupt, after cleaning up).
"""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import tempfile
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from passend_cli import dataset, formaat
from passend_cli.bijwerken_duo import (  # noqa: F401  (re-exported API)
    DUO_BASIS,
    NAMEN,
    REGIO,
    Voortgang,
    bronadressen,
    controleer_regio,
    download,
    lees_namen,
    lees_regio,
    swv_code,
)
from passend_cli.bijwerken_verschillen import Verschillen, beschrijf, verschillen  # noqa: F401
from passend_cli.build.samenstellen import BouwFout
from passend_cli.build.samenstellen import Dataset as Rijen
from passend_cli.fouten import DataFout
from passend_cli.normaliseer import normaliseer

VORIGE = "dataset.vorige"
_TIJDELIJK = ".dataset-nieuw-"
_WEG = ".dataset-weg-"
_SECTOREN = ("po", "vo")


@dataclass
class Resultaat:
    map: Path  # where the new dataset now lives
    metadata: dict[str, Any]
    verschillen: Verschillen
    meldingen: list[str]  # PC4s skipped and similar notes


# --- the pipeline ----------------------------------------------------------------------


def update(
    bron: str = DUO_BASIS,
    *,
    timeout: float = 30,
    voortgang: Voortgang | None = None,
    peildatum: date | None = None,
) -> Resultaat:
    """Download from *bron* (DUO by default, another base URL or a local folder), build
    and install. Raises OngeldigeInvoer for an unusable *bron*, DataFout otherwise."""
    adressen = bronadressen(bron)
    try:
        tijdelijk = tempfile.TemporaryDirectory(prefix="passend-", ignore_cleanup_errors=True)
    except OSError as fout:
        raise DataFout(f"Geen tijdelijke map beschikbaar voor de download ({fout}).") from None
    with tijdelijk as map_:
        bestanden = download(bron, Path(map_), timeout=timeout, voortgang=voortgang)
        return _verwerk(bestanden, adressen, peildatum or date.today())


def importeer(map_: Path | str, *, peildatum: date | None = None) -> Resultaat:
    """The same pipeline from files downloaded earlier (for machines without internet)."""
    adressen = bronadressen(str(map_))
    bestanden = {k: Path(a) for k, a in adressen.items()}
    for pad in bestanden.values():
        if not pad.is_file():
            raise DataFout(f"In de map {pad.parent} ontbreekt het bestand {pad.name}.")
    return _verwerk(bestanden, adressen, peildatum or date.today())


def _verwerk(bestanden: dict[str, Path], adressen: dict[str, str], peildatum: date) -> Resultaat:
    regio = lees_regio(bestanden["regio"], peildatum)
    controleer_regio(regio)
    namen = lees_namen(bestanden["namen"], peildatum)
    basis, basis_meta = lees_gebundeld()
    rijen, meldingen = stel_samen(basis, regio, namen)
    oud = _actief_geladen()
    doel = installeer(rijen, metadata(basis_meta, peildatum, adressen), _bronnen_md(peildatum))
    nieuw = dataset.Dataset(doel, "gebruiker")
    return Resultaat(doel, nieuw.metadata, verschillen(oud, nieuw), meldingen)


def _actief_geladen() -> dataset.Dataset:
    """The active dataset, read in full now: its folder may move during the swap."""
    try:
        return dataset.laad().laad_alles()
    except DataFout:
        return dataset.Dataset(dataset.gebundelde_map(), "gebundeld").laad_alles()


def lees_gebundeld() -> tuple[Rijen, dict[str, Any]]:
    """The bundled dataset as rows (dicts), the starting point of every update."""
    bron = dataset.gebundelde_map()
    problemen = formaat.controleer_map(bron)
    if problemen:
        raise DataFout(f"De meegeleverde dataset is beschadigd ({problemen[0]}); "
                       "installeer passend opnieuw.")
    rijen = Rijen()
    for stam in formaat.BESTANDEN:
        if stam != "zoekindex":  # the writer makes it anew
            tekst = bron.joinpath(formaat.bestandsnaam(stam)).read_text(encoding="utf-8")
            setattr(rijen, stam, list(csv.DictReader(tekst.splitlines())))
    return rijen, formaat.lees_metadata(bron)


def stel_samen(
    basis: Rijen, regio: dict[str, set[str]], namen: dict[str, str]
) -> tuple[Rijen, list[str]]:
    """The bundled rows with DUO's areas and names. Returns the rows and notes."""
    meldingen: list[str] = []
    duo: dict[str, dict[str, str]] = defaultdict(lambda: {"po": "", "vo": ""})
    for code, pcs in regio.items():
        for pc in pcs:
            duo[pc][code[:2].lower()] = code
    postcodes = {}
    for oud in basis.postcodes:
        rij = dict(oud, po="", vo="")
        if rij["postcode"] in duo:
            rij.update(duo[rij["postcode"]], herkomst="duo")
        postcodes[rij["postcode"]] = rij
    # A PC4 newer than the regulation that DUO does not list keeps the SWV of its
    # gemeente where that is unambiguous, as in the bundled build.
    per_gemeente: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"po": set(), "vo": set()})
    for rij in postcodes.values():
        for s in _SECTOREN:
            if rij["herkomst"] == "duo" and rij[s]:
                per_gemeente[rij["gemeente_code"]][s].add(rij[s])
    for rij in postcodes.values():
        if rij["herkomst"] == "afgeleid":
            for s in _SECTOREN:
                opties = per_gemeente[rij["gemeente_code"]][s]
                rij[s] = next(iter(opties)) if len(opties) == 1 else ""
    bekend = sorted(postcodes)
    for pc in sorted(set(duo) - set(postcodes)):
        gemeente = _gemeente_van_buren(pc, duo[pc], bekend, postcodes)
        if gemeente is None:
            meldingen.append(f"Postcode {pc} (nieuw bij DUO): gemeente onbekend, overgeslagen.")
            continue
        postcodes[pc] = {"postcode": pc, "gemeente_code": gemeente, **duo[pc],
                         "herkomst": "duo", "gemeente_2015": ""}
    _controleer_dekking(basis, postcodes)

    gebruikt = sorted({r[s] for r in postcodes.values() for s in _SECTOREN if r[s]})
    bestaand = {r["code"]: r for r in basis.samenwerkingsverbanden}
    zonder = [c for c in gebruikt if c not in namen and not bestaand.get(c, {}).get("naam")]
    if zonder or sum(c not in namen for c in gebruikt) > len(gebruikt) // 4:
        ontbreekt = [c for c in gebruikt if c not in namen]
        raise DataFout(
            f"{NAMEN} geeft geen naam voor {len(ontbreekt)} samenwerkingsverbanden "
            f"({', '.join(ontbreekt[:5])}); de bestanden van DUO passen niet bij elkaar."
        )
    verbanden = []
    for code in gebruikt:
        leeg = dict.fromkeys(formaat.BESTANDEN["samenwerkingsverbanden"], "")
        rij = dict(bestaand.get(code) or leeg | {"code": code, "sector": code[:2]})
        nieuw = namen.get(code, rij["naam"])
        if nieuw != rij["naam"]:
            bekend_als = [n for n in rij["ook_bekend_als"].split(";") if n.strip()]
            if rij["naam"] and normaliseer(rij["naam"]) not in map(normaliseer, bekend_als):
                bekend_als.append(rij["naam"])  # so the familiar name still finds it
            rij.update(naam=nieuw, ook_bekend_als=";".join(bekend_als))
        if code not in namen:
            meldingen.append(f"{NAMEN} geeft geen naam voor {code}; de bekende naam blijft.")
        verbanden.append(rij)
    # A known change describes the 2015 areas ("the regulation still counts the Hoeksche
    # Waard to VO2810"); once DUO no longer has those SWVs there, the note is history.
    per_gemeente_swv: dict[str, set[str]] = defaultdict(set)
    for rij in postcodes.values():
        per_gemeente_swv[rij["gemeente_code"]].update(rij[s] for s in _SECTOREN if rij[s])
    wijzigingen = []
    for w in basis.wijzigingen:
        swv = [c for c in w["swv"].split() if c in set(gebruikt)]
        nog_geldig = any(c in per_gemeente_swv[g] for g in w["gemeenten"].split() for c in swv)
        if nog_geldig or (not w["swv"] and w["gemeenten"]):
            wijzigingen.append(dict(w, swv=" ".join(swv)))
    uit = Rijen(**{k: getattr(basis, k) for k in ("gemeenten", "woonplaatsen",
                                                  "voormalige_gemeenten", "aliassen")})
    uit.postcodes = [postcodes[p] for p in sorted(postcodes)]
    uit.samenwerkingsverbanden, uit.wijzigingen, uit.meldingen = verbanden, wijzigingen, meldingen
    return uit, meldingen


def _gemeente_van_buren(
    pc: str, swv: dict[str, str], bekend: list[str], postcodes: dict[str, dict[str, str]]
) -> str | None:
    """The gemeente of a PC4 we did not know: that of its nearest known neighbours below
    and above (same two leading digits, same PO and VO area), if they agree."""
    gelijk = [p for p in bekend if p[:2] == pc[:2]
              and all(postcodes[p][s] == swv[s] for s in _SECTOREN)]
    i = bisect_left(gelijk, pc)
    buren = {postcodes[p]["gemeente_code"] for p in gelijk[max(i - 1, 0) : i + 1]}
    return buren.pop() if len(buren) == 1 else None


def _controleer_dekking(basis: Rijen, postcodes: dict[str, dict[str, str]]) -> None:
    dekking: dict[str, set[str]] = defaultdict(set)
    for rij in postcodes.values():
        dekking[rij["gemeente_code"]].update(s for s in _SECTOREN if rij[s])
    zonder = [g["naam"] for g in basis.gemeenten if dekking[g["code"]] != set(_SECTOREN)]
    if zonder:
        raise DataFout(
            f"Volgens de gegevens van DUO zouden {len(zonder)} gemeenten geen PO- of "
            f"VO-samenwerkingsverband meer hebben ({', '.join(zonder[:5])}); de gegevens "
            "lijken onvolledig."
        )


def metadata(basis: dict[str, Any], peildatum: date, adressen: dict[str, str]) -> dict[str, Any]:
    dag = peildatum.isoformat()
    referentiedata = {
        **basis.get("referentiedata", {}),
        "regio_indeling": dag,
        "namen_samenwerkingsverbanden": dag,
        "regio_indeling_bron": adressen["regio"],
        "namen_bron": adressen["namen"],
    }
    return {
        "versie": f"duo-{dag}",
        "herkomst": "gebruiker",
        "omschrijving": (
            f"Regio-indeling en namen van de samenwerkingsverbanden volgens DUO (open "
            f"onderwijsdata, RIO), peildatum {dag}; gemeenten, woonplaatsen en "
            f"contactgegevens uit de meegeleverde dataset {basis.get('versie', '')}."
        ),
        "referentiedata": referentiedata,
        "bronnen": [
            f"DUO open onderwijsdata, RIO: {REGIO} ({adressen['regio']})",
            f"DUO open onderwijsdata, RIO: {NAMEN} ({adressen['namen']})",
            *basis.get("bronnen", []),
        ],
        "basisversie": basis.get("versie", ""),
    }


def _bronnen_md(peildatum: date) -> str:
    tekst = (
        "# Bronnen van de bijgewerkte dataset\n\n"
        f"Gemaakt door `passend data update` of `passend data import` op {peildatum}.\n"
        f"Per postcode het PO- en VO-samenwerkingsverband ({REGIO}) en de namen van de\n"
        f"samenwerkingsverbanden ({NAMEN}) komen uit de open onderwijsdata van DUO\n"
        "(dataset RIO, https://onderwijsdata.duo.nl/); al het andere uit de meegeleverde\n"
        "dataset, waarvan de bronnen hieronder staan.\n\n"
    )
    try:
        return tekst + dataset.gebundelde_map().joinpath("SOURCES.md").read_text("utf-8")
    except OSError:
        return tekst


# --- installing ------------------------------------------------------------------------


def installeer(rijen: Rijen, meta: dict[str, Any], bronnen_md: str | None = None) -> Path:
    """Write *rijen* next to the user copy, check it, and swap it in; the old copy is
    kept as ``dataset.vorige``. On any failure the active data is left as it was."""
    from passend_cli.build.schrijven import schrijf

    map_ = dataset.gebruikersmap()
    doel = dataset.gebruikersdataset()
    try:
        map_.mkdir(parents=True, exist_ok=True)
        _ruim_op(map_)
        nieuw = Path(tempfile.mkdtemp(prefix=_TIJDELIJK, dir=map_))
    except OSError as fout:
        raise DataFout(f"Kan niet schrijven in {map_} ({_oorzaak(fout)}).") from None
    try:
        try:
            schrijf(rijen, nieuw, meta, bronnen_md)
        except BouwFout as fout:
            raise DataFout(f"De bijgewerkte dataset klopt niet ({fout}).") from None
        except OSError as fout:
            raise DataFout(f"Kan de dataset niet schrijven in {map_} ({_oorzaak(fout)}).") from None
        problemen = formaat.controleer_map(nieuw)
        if problemen:
            raise DataFout(f"De nieuw geschreven dataset is beschadigd ({problemen[0]}).")
        try:
            dataset.Dataset(nieuw, "gebruiker").laad_alles()
        except DataFout as fout:
            raise DataFout(f"De nieuw geschreven dataset is onleesbaar ({fout.bericht})") from None
        _wissel(nieuw, doel, map_ / VORIGE)
    except BaseException:
        shutil.rmtree(nieuw, ignore_errors=True)
        raise
    dataset.laad.cache_clear()
    return doel


def _wissel(nieuw: Path, doel: Path, vorige: Path) -> None:
    """Move the old copy aside and the new one in. If the second step fails the first
    is undone; if the process dies between them, no user copy is left and the loader
    uses the bundled data."""
    try:
        oud = os.path.lexists(doel)
        if oud:  # else a kill between the steps left dataset.vorige as the last copy
            if os.path.lexists(vorige):
                _verwijder(vorige)
            os.replace(doel, vorige)
    except OSError as fout:
        raise DataFout(f"De nieuwe dataset kon niet worden geïnstalleerd ({_oorzaak(fout)}); "
                       "de huidige gegevens zijn niet gewijzigd.") from None
    try:
        os.replace(nieuw, doel)
    except BaseException as fout:
        if oud and not os.path.lexists(doel):
            with contextlib.suppress(OSError):
                os.replace(vorige, doel)
        if isinstance(fout, OSError):
            raise DataFout(f"De nieuwe dataset kon niet worden geïnstalleerd ({_oorzaak(fout)}); "
                           "de vorige gegevens blijven in gebruik.") from None
        raise


def _verwijder(pad: Path) -> None:
    if os.path.isdir(pad) and not os.path.islink(pad):
        shutil.rmtree(pad)
    else:
        os.unlink(pad)


def _ruim_op(map_: Path) -> None:
    """Remove what an interrupted update or reset left behind."""
    for pad in map_.iterdir():
        if pad.name.startswith((_TIJDELIJK, _WEG)):
            shutil.rmtree(pad, ignore_errors=True)


def _oorzaak(fout: OSError) -> str:
    return fout.strerror or str(fout) or fout.__class__.__name__


# --- status and reset --------------------------------------------------------------------


def status() -> dict[str, Any]:
    """Which dataset is active and what the user's data directory holds."""
    eigen = dataset.gebruikersdataset()
    dataset.laad.cache_clear()
    ds = dataset.laad()
    problemen = formaat.controleer_map(eigen) if eigen.exists() else []
    return {
        "herkomst": ds.herkomst,
        "versie": ds.versie,
        "map": str(ds.map),
        "referentiedata": ds.metadata.get("referentiedata", {}),
        "gebruikersdataset": str(eigen),
        "gebruikerskopie": eigen.exists(),
        "beschadigd": bool(problemen),
        "problemen": problemen,
        "vorige": (dataset.gebruikersmap() / VORIGE).exists(),
        "waarschuwing": ds.waarschuwing,
    }


def reset() -> bool:
    """Remove the user copy (and the previous one); True if there was a user copy."""
    map_ = dataset.gebruikersmap()
    doel = dataset.gebruikersdataset()
    was = os.path.lexists(doel)
    try:
        if was:  # first out of the way in one step, so no half-deleted copy stays active
            weg = Path(tempfile.mkdtemp(prefix=_WEG, dir=map_))
            os.replace(doel, weg / "dataset")
        if map_.is_dir():
            if os.path.lexists(map_ / VORIGE):
                _verwijder(map_ / VORIGE)
            _ruim_op(map_)
    except OSError as fout:
        raise DataFout(f"De bijgewerkte dataset in {map_} kon niet worden verwijderd "
                       f"({_oorzaak(fout)}).") from None
    finally:
        dataset.laad.cache_clear()
    return was
