"""Front end of the build: the public sources in ``shared/sources`` to dataset rows."""

from __future__ import annotations

from pathlib import Path

from passend_cli.bronnen import publiek as b
from passend_cli.bronnen import scholen as sb
from passend_cli.normaliseer import normaliseer
from passend_cli.samenstellen.gemeenten import (
    Namen,
    alias_codes,
    maak_aliassen,
    maak_gemeenten,
    maak_voormalige_gemeenten,
    opheffingen,
)
from passend_cli.samenstellen.postcodes import controleer_tegen_geonames, maak_postcodes
from passend_cli.samenstellen.rijen import Rijen
from passend_cli.samenstellen.scholen import maak_scholen
from passend_cli.samenstellen.verbanden import maak_samenwerkingsverbanden, maak_wijzigingen
from passend_cli.samenstellen.woonplaatsen import maak_woonplaatsen


def bouw(bronnen: Path) -> Rijen:
    """Read every source under *bronnen* and assemble the dataset."""
    ds = Rijen()
    brp = b.lees_brp(bronnen)
    officieel = b.lees_regioviewer(bronnen)
    ds.gemeenten = maak_gemeenten(b.lees_cbs(bronnen))
    namen = Namen(ds.gemeenten, {a: n for a, n in alias_codes(ds.gemeenten)})
    ds.aliassen = maak_aliassen(namen, officieel)
    namen = Namen(ds.gemeenten, {r["alias"]: r["gemeente_code"] for r in ds.aliassen})

    ops = opheffingen(brp)
    opgeheven = {o.naam: o for o in ops}
    quiz = b.lees_woonplaatsen(bronnen)
    woonplaats_code = {}
    for w in quiz:
        code = namen.code(w.gemeente, w.provincie)
        if code:
            woonplaats_code.setdefault(normaliseer(w.naam), code)

    geonames = b.lees_geonames(bronnen)
    ds.postcodes = maak_postcodes(
        b.lees_regeling(bronnen), geonames, namen, opgeheven,
        {g.naam for g in brp}, woonplaats_code, ds.meldingen,
    )
    controleer_tegen_geonames(ds.postcodes, geonames, ds.meldingen)
    ds.woonplaatsen = maak_woonplaatsen(
        quiz, b.lees_wiki_woonplaatsen(bronnen), geonames, ds.postcodes,
        namen, opgeheven, ds.meldingen,
    )
    ds.voormalige_gemeenten = maak_voormalige_gemeenten(ops, opgeheven, ds.postcodes, namen)
    contacten = b.lees_contacten(bronnen)
    ds.samenwerkingsverbanden = maak_samenwerkingsverbanden(
        (p[s] for p in ds.postcodes for s in ("po", "vo") if p[s]), contacten
    )
    ds.wijzigingen = maak_wijzigingen(namen, contacten)

    # Schools: the 2020 lists; the PO list's gemeente names are checked against every
    # gemeente name the sources know, to repair its mis-decoded ones.
    po = sb.lees_po_2020(bronnen, {g.naam for g in brp} | {g["naam"] for g in ds.gemeenten})
    if po.weggelaten:
        ds.meldingen.append(
            f"{len(po.weggelaten)} basisscholen weggelaten (tekens niet zeker te herstellen): "
            + " ".join(po.weggelaten)
        )
    plaatsen: dict[str, set[str]] = {}
    for g in geonames:
        plaatsen.setdefault(g.postcode, set()).add(g.plaats)
    ds.scholen = maak_scholen(
        po.vestigingen + sb.lees_vo_2020(bronnen), ds, plaatsen=plaatsen,
        koppeling_2015=sb.lees_koppeling_2015(bronnen), meldingen=ds.meldingen,
    )
    return ds

