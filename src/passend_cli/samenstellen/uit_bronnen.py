"""Front end of the build: the public sources in ``shared/sources`` to dataset rows."""

from __future__ import annotations

from pathlib import Path

from passend_cli.bronnen import publiek as b
from passend_cli.bronnen import scholen as sb
from passend_cli.samenstellen.gemeenten import (
    Namen,
    alias_codes,
    maak_aliassen,
    maak_gemeenten,
    maak_voormalige_gemeenten,
    opheffingen,
)
from passend_cli.samenstellen.postcodes import (
    geonames_gemeenten,
    maak_postcodes,
    nieuwe_postcodes,
)
from passend_cli.samenstellen.regels import leid_af
from passend_cli.samenstellen.rijen import Rijen
from passend_cli.samenstellen.scholen import maak_scholen
from passend_cli.samenstellen.verbanden import maak_samenwerkingsverbanden, maak_wijzigingen
from passend_cli.samenstellen.woonplaatsen import binnen_tabel, maak_woonplaatsen


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
    geonames = b.lees_geonames(bronnen)
    postcodes = maak_postcodes(
        b.lees_regeling(bronnen), geonames, namen, opgeheven, {g.naam for g in brp},
        ds.meldingen,
    )
    # Every PC4 known so far with its gemeente: the annex's, then GeoNames' newer ones.
    gemeente_van = geonames_gemeenten(geonames)
    gemeente_van.update((p, r["gemeente_code"]) for p, r in postcodes.items())
    woonplaatsen = maak_woonplaatsen(
        b.lees_woonplaatsen(bronnen), b.lees_wiki_woonplaatsen(bronnen), geonames,
        gemeente_van, namen, opgeheven, ds.meldingen,
    )
    nieuwe_postcodes(postcodes, geonames, woonplaatsen, ds.meldingen)
    ds.woonplaatsen = binnen_tabel(woonplaatsen, postcodes)
    leid_af(postcodes, ds.woonplaatsen)
    ds.postcodes = [postcodes[p] for p in sorted(postcodes)]
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

