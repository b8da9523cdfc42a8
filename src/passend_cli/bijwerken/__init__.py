"""``passend data update``: bring DUO's current data into the user's data directory,
safely.

The refresh downloads (bounded) DUO's files on the areas and names of the SWVs, the
official contact data (RIO) and the school lists, reads them, assembles a dataset on top
of the bundled one by the same rules as the build, checks it against the previous data,
writes and verifies it, and only then makes it active. The areas and names are
required; a part whose files fail (contact, schools) keeps its previous values, and the
result says so. Any other failure leaves the active data as it was. Only
:mod:`passend_cli.fouten` exceptions leave this module (and KeyboardInterrupt).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from passend_cli import dataset, formaat, opslag
from passend_cli.bijwerken.downloaden import (
    BESTANDEN,
    MAX_MB,
    TIJDSLIMIET,
    Download,
    Voortgang,
    bronadressen,
    download,
)
from passend_cli.bijwerken.installeren import installeer, reset
from passend_cli.bijwerken.verschillen import Verschillen, beschrijf, verschillen
from passend_cli.bronnen import duo
from passend_cli.bronnen.scholen import lees_duo_vestigingen, lees_rio_vestigingen
from passend_cli.fouten import DataFout, OngeldigeInvoer, toonbaar
from passend_cli.samenstellen.rijen import Rijen
from passend_cli.samenstellen.uit_duo import DuoGegevens, lees_rijen, stel_samen

__all__ = [
    "Bijwerking", "Verschillen", "beschrijf", "importeer", "reset", "status", "update",
]

_DELEN = {"contact": "officiële contactgegevens", "scholen": "scholen"}


@dataclass
class Bijwerking:
    """What ``update`` and ``importeer`` did."""

    map: Path  # where the new dataset now lives
    metadata: dict[str, Any]
    verschillen: Verschillen
    meldingen: list[str]  # parts kept, PC4s left out and similar notes
    # "gebieden", "contact", "scholen" (list or links), "scholenlijst", "koppeling_scholen":
    # refreshed or kept
    bijgewerkt: dict[str, bool]


def update(
    bron: str | None = None,
    *,
    tijdslimiet: float = TIJDSLIMIET,
    max_mb: float = MAX_MB,
    voortgang: Voortgang | None = None,
    peildatum: date | None = None,
) -> Bijwerking:
    """Download from *bron* (DUO when None, else a mirror's base URL or a folder), build
    and install. Raises OngeldigeInvoer for an unusable *bron*, DataFout otherwise."""
    try:
        tijdelijk = tempfile.TemporaryDirectory(prefix="passend-", ignore_cleanup_errors=True)
    except OSError as fout:
        raise DataFout(f"Geen tijdelijke map beschikbaar voor de download ({fout}).") from None
    with tijdelijk as map_:
        binnen = download(bron, Path(map_), tijdslimiet=tijdslimiet, max_mb=max_mb,
                          voortgang=voortgang)
        return _verwerk(binnen, bron or "DUO", peildatum or date.today())


def importeer(map_: Path | str, *, peildatum: date | None = None) -> Bijwerking:
    """The same pipeline from files downloaded earlier (for machines without internet)."""
    if not Path(map_).expanduser().is_dir():
        raise OngeldigeInvoer(f"De map '{toonbaar(str(map_), 80)}' bestaat niet.")
    adressen = bronadressen(str(map_))
    bestanden, mislukt = {}, {}
    for b in BESTANDEN:
        pad = Path(adressen[b.sleutel])
        if pad.is_file():
            bestanden[b.sleutel] = pad
        elif b.deel == "gebieden":
            raise DataFout(f"In de map {pad.parent} ontbreekt het bestand {pad.name}.")
        else:
            mislukt[b.sleutel] = f"{pad.name} ontbreekt in de map"
    return _verwerk(Download(bestanden, mislukt), str(map_), peildatum or date.today())


def _verwerk(binnen: Download, bron: str, peildatum: date) -> Bijwerking:
    f = binnen.bestanden
    regio = duo.lees_regio(f["regio"], peildatum)
    duo.controleer_regio(regio)
    namen = duo.lees_namen(f["namen"], peildatum)
    meldingen: list[str] = []
    contact = _deel(binnen, ("relaties", "besturen_relaties", "besturen", "adressen"),
                    "De officiële contactgegevens zijn", meldingen, lambda: duo.contactblokken(
                        f["relaties"], f["besturen_relaties"], f["besturen"], f["adressen"],
                        peildatum))
    rio_scholen = _deel(binnen, ("vestigingen",), "De koppeling van scholen aan "
                        "samenwerkingsverbanden is", meldingen,
                        lambda: lees_rio_vestigingen(f["vestigingen"], peildatum))
    vestigingen = _deel(binnen, ("bo", "vo"), "De scholenlijsten zijn", meldingen, lambda: [
        *lees_duo_vestigingen(f["bo"], "PO"), *lees_duo_vestigingen(f["vo"], "VO")])
    gegevens = DuoGegevens(peildatum, regio, namen, contact, vestigingen, rio_scholen)
    basis, basis_meta = lees_rijen(opslag.gebundelde_map())
    _houd_vorige_delen(basis, basis_meta, contact=contact is None,
                       scholen=vestigingen is None)
    rijen = stel_samen(basis, gegevens)
    meldingen += rijen.meldingen
    bijgewerkt = {"gebieden": True, "contact": contact is not None,
                  "scholen": vestigingen is not None or rio_scholen is not None,
                  "scholenlijst": vestigingen is not None,
                  "koppeling_scholen": rio_scholen is not None}
    oud = _actief_geladen()
    doel = installeer(rijen, metadata(basis_meta, peildatum, bron, bijgewerkt),
                      _bronnen_md(peildatum, bijgewerkt))
    nieuw = dataset.Dataset(doel, "bijgewerkt", controleer=True)
    return Bijwerking(doel, nieuw.metadata, verschillen(oud, nieuw), meldingen, bijgewerkt)


_CONTACTVELDEN = ("website", "email", "telefoon", "straat", "postcode", "plaats",
                  "contact_bron", "contact_datum", "opmerking", "bronnen")


def _houd_vorige_delen(basis: Rijen, meta: dict[str, Any], *, contact: bool,
                       scholen: bool) -> None:
    """A part that did not come in keeps the values that were active: where the active
    copy is an earlier refresh, its official contact blocks (*contact*) and its school
    list (*scholen*) carry over into *basis*, with their dates; otherwise the bundle's
    stay. A copy that cannot be read is passed over: then the bundle's stay too."""
    if not (contact or scholen):
        return
    try:
        versie = opslag.actieve_versie()
        if versie is None:
            return
        vorige, vorige_meta = lees_rijen(versie)
    except DataFout:
        return
    if vorige_meta.get("indeling") != "duo":
        return
    ref, vorige_ref = meta.setdefault("referentiedata", {}), vorige_meta.get("referentiedata", {})
    if contact:
        officieel = {r["code"]: r for r in vorige.samenwerkingsverbanden
                     if r.get("contact_bron") == "DUO"}
        for rij in basis.samenwerkingsverbanden:
            if rij["code"] in officieel:
                rij.update({k: officieel[rij["code"]][k] for k in _CONTACTVELDEN})
        if officieel and "contactgegevens" in vorige_ref:
            ref["contactgegevens"] = vorige_ref["contactgegevens"]
    if scholen and vorige.scholen:
        basis.scholen = vorige.scholen
        if "scholenlijst" in vorige_ref:
            ref["scholenlijst"] = vorige_ref["scholenlijst"]


def _deel(binnen: Download, sleutels: tuple[str, ...], wat: str, meldingen: list[str], lees):
    """One optional part: read when all its files came in; None (the previous values
    stay) when one did not or cannot be read, with a note saying why."""
    fout = next((binnen.mislukt[s] for s in sleutels if s in binnen.mislukt), None)
    if fout is None:
        try:
            return lees()
        except DataFout as f:
            fout = f.bericht
    meldingen.append(f"{wat} niet bijgewerkt; de vorige blijven in gebruik "
                     f"({fout.rstrip('.')}).")
    return None


def _actief_geladen() -> dataset.Dataset:
    """The active dataset, read in full now, to compare the new one with."""
    try:
        return dataset.laad().laad_alles()
    except DataFout:
        return dataset.Dataset(opslag.gebundelde_map(), "meegeleverd").laad_alles()


def metadata(
    basis: dict[str, Any], peildatum: date, bron: str, bijgewerkt: dict[str, bool]
) -> dict[str, Any]:
    dag = peildatum.isoformat()
    referentiedata = {**basis.get("referentiedata", {}), "regio_indeling": dag,
                      "namen_samenwerkingsverbanden": dag}
    if bijgewerkt["contact"]:
        referentiedata["contactgegevens"] = dag
    if bijgewerkt["scholenlijst"]:
        referentiedata["scholenlijst"] = dag
    if bijgewerkt["koppeling_scholen"]:
        referentiedata["koppeling_scholen_rio"] = dag
    delen = ["regio-indeling", "namen van de samenwerkingsverbanden"]
    delen += [_DELEN[d] for d in ("contact", "scholen") if bijgewerkt[d]]
    return {
        "versie": f"duo-{dag}",
        "herkomst": "bijgewerkt",
        "indeling": "duo",
        "omschrijving": (
            f"Volgens DUO (open onderwijsdata, RIO), peildatum {dag}: "
            f"{', '.join(delen[:-1])} en {delen[-1]}. Gemeenten, woonplaatsen en wat DUO "
            f"niet gaf uit de meegeleverde dataset {basis.get('versie', '')}."
        ),
        "referentiedata": referentiedata,
        "bronnen": [f"DUO open onderwijsdata, RIO ({bron})", *basis.get("bronnen", [])],
        "basisversie": basis.get("versie", ""),
    }


def _bronnen_md(peildatum: date, bijgewerkt: dict[str, bool]) -> str:
    deel = {"vestigingen": "koppeling_scholen", "bo": "scholenlijst", "vo": "scholenlijst"}
    delen = [f"- {b.naam}: "
             f"{'bijgewerkt' if bijgewerkt[deel.get(b.sleutel, b.deel)] else 'niet bijgewerkt'}"
             for b in BESTANDEN]
    tekst = (
        "# Bronnen van de bijgewerkte dataset\n\n"
        f"Gemaakt door `passend data update` of `passend data import` op {peildatum}, uit\n"
        "de open onderwijsdata van DUO (dataset RIO en de adressen van de scholen,\n"
        "https://onderwijsdata.duo.nl/):\n\n" + "\n".join(delen) + "\n\n"
        "Een samenwerkingsverband met een naam van DUO heeft `bewijs` `duo`. Waar RIO een\n"
        "officieel contactadres geeft (samenwerkingsverband → bevoegd gezag met een\n"
        "hiërarchische relatie → onderwijsbestuur → contactadres ALGEMEEN), zijn website,\n"
        "e-mail, telefoon en adres daarvan, met `contact_bron` `DUO` en de peildatum als\n"
        "`contact_datum`; de andere houden de contactgegevens van de meegeleverde dataset.\n"
        "Al het andere komt uit de meegeleverde dataset, waarvan de bronnen hieronder staan.\n\n"
    )
    try:
        return tekst + opslag.gebundelde_map().joinpath("SOURCES.md").read_text("utf-8")
    except OSError:
        return tekst


def status() -> dict[str, Any]:
    """Which dataset is active and what the user's data directory holds."""
    dataset.laad.cache_clear()
    ds = dataset.laad()
    map_ = opslag.gebruikersmap()
    actief = opslag.lees_veilig(map_, opslag.ACTIEF)
    problemen = []
    if actief is not None or (map_ / opslag.ACTIEF).exists():
        try:
            versie = opslag.actieve_versie(map_)
            problemen = formaat.controleer_map(versie) if versie else []
        except DataFout as fout:
            problemen = [fout.bericht]
    return {
        **ds.beschrijving(),
        "gebruikersmap": str(map_),
        "gebruikerskopie": actief is not None,
        "beschadigd": bool(problemen),
        "problemen": problemen,
        "vorige": opslag.lees_veilig(map_, opslag.VORIGE),
        "waarschuwing": ds.waarschuwing,
    }
