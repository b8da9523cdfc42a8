"""``passend data update``: refresh the areas and names of the samenwerkingsverbanden
from DUO's open data into the user's data directory, safely.

The new copy starts from the bundled dataset (gemeenten, woonplaatsen, contact data),
takes each PC4's PO and VO SWV and each SWV's name from DUO, is written by the same code
as the bundled build (which enforces the invariants), checked, and only then swapped in.
Any failure leaves the active data as it was. Only :mod:`passend_cli.fouten` exceptions
leave this module (and KeyboardInterrupt, after cleaning up).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from passend_cli import dataset, formaat
from passend_cli.bijwerken.downloaden import DUO_BASIS, Voortgang, bronadressen, download
from passend_cli.bijwerken.installeren import VORIGE, installeer, reset
from passend_cli.bijwerken.verschillen import Verschillen, beschrijf, verschillen
from passend_cli.bronnen.duo import NAMEN, REGIO, controleer_regio, lees_namen, lees_regio
from passend_cli.fouten import DataFout
from passend_cli.samenstellen.uit_duo import lees_rijen, stel_samen

__all__ = [
    "DUO_BASIS", "Bijwerking", "Verschillen", "beschrijf", "importeer", "reset", "status",
    "update",
]


@dataclass
class Bijwerking:
    """What ``update`` and ``importeer`` did."""

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
) -> Bijwerking:
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


def importeer(map_: Path | str, *, peildatum: date | None = None) -> Bijwerking:
    """The same pipeline from files downloaded earlier (for machines without internet)."""
    adressen = bronadressen(str(map_))
    bestanden = {k: Path(a) for k, a in adressen.items()}
    for pad in bestanden.values():
        if not pad.is_file():
            raise DataFout(f"In de map {pad.parent} ontbreekt het bestand {pad.name}.")
    return _verwerk(bestanden, adressen, peildatum or date.today())


def _verwerk(bestanden: dict[str, Path], adressen: dict[str, str], peildatum: date) -> Bijwerking:
    regio = lees_regio(bestanden["regio"], peildatum)
    controleer_regio(regio)
    namen = lees_namen(bestanden["namen"], peildatum)
    basis, basis_meta = lees_rijen(dataset.gebundelde_map())
    rijen, meldingen = stel_samen(basis, regio, namen)
    oud = _actief_geladen()
    doel = installeer(rijen, metadata(basis_meta, peildatum, adressen), _bronnen_md(peildatum))
    nieuw = dataset.Dataset(doel, "gebruiker")
    return Bijwerking(doel, nieuw.metadata, verschillen(oud, nieuw), meldingen)


def _actief_geladen() -> dataset.Dataset:
    """The active dataset, read in full now: its folder may move during the swap."""
    try:
        return dataset.laad().laad_alles()
    except DataFout:
        return dataset.Dataset(dataset.gebundelde_map(), "gebundeld").laad_alles()


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


# --- status --------------------------------------------------------------------------------


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
