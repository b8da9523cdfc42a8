"""Postcodes: the regulation's PC4 table with each PC4's current gemeente, and the
PC4s that came after it."""

from __future__ import annotations

from collections import Counter, defaultdict

from passend_cli.bronnen import publiek as b
from passend_cli.normaliseer import normaliseer
from passend_cli.samenstellen.gemeenten import (
    GESPLITST,
    Namen,
    Opheffing,
    regeling_naam,
    rol_door,
)
from passend_cli.samenstellen.rijen import BouwFout

# The annex's text is that of 23 April 2015: herindelingen after this date rename.
PEILDATUM_REGELING = "2015-04-23"


def _geonames_per_postcode(geonames: list[b.GeonamesRij]) -> dict[str, Counter[str]]:
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for r in geonames:
        if r.gemeente_code:
            per[r.postcode][r.gemeente_code] += 1
    return per


def maak_postcodes(
    regeling: list[b.RegelingRij],
    geonames: list[b.GeonamesRij],
    namen: Namen,
    opgeheven: dict[str, Opheffing],
    brp_namen: set[str],
    woonplaats_code: dict[str, str],
    meldingen: list[str],
) -> list[dict[str, str]]:
    """One row per PC4: the annex's PC4s with their current gemeente, then the newer
    PC4s that GeoNames knows, with the SWV of their gemeente where that is unambiguous."""
    geo = _geonames_per_postcode(geonames)
    rijen: dict[str, dict[str, str]] = {}
    for r in regeling:
        if r.postcode in rijen:
            raise BouwFout(f"postcode {r.postcode} staat twee keer in de regeling")
        naam = regeling_naam(r.gemeente, brp_namen)
        codes = rol_door(naam, opgeheven, namen)
        if len(codes) > 1 or naam in GESPLITST:
            codes = _kies_uit_geonames(r.postcode, codes, geo, naam, meldingen)
        rijen[r.postcode] = {
            "postcode": r.postcode,
            "gemeente_code": codes[0],
            "po": r.po,
            "vo": r.vo,
            "herkomst": "regeling",
            "gemeente_2015": r.gemeente,
        }

    # Newer PC4s: the gemeente from GeoNames (or, where GeoNames left the gemeente
    # blank, from the postal place name); the SWV only where the gemeente has one.
    per_gemeente: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"po": set(), "vo": set()})
    for rij in rijen.values():
        for sector in ("po", "vo"):
            if rij[sector]:
                per_gemeente[rij["gemeente_code"]][sector].add(rij[sector])
    per_gemeente_pc: dict[str, list[str]] = defaultdict(list)
    for rij in rijen.values():
        per_gemeente_pc[rij["gemeente_code"]].append(rij["postcode"])
    plaats_per_postcode: dict[str, list[str]] = defaultdict(list)
    postcodes_per_plaats: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in geonames:
        plaats_per_postcode[g.postcode].append(g.plaats)
        postcodes_per_plaats[(normaliseer(g.plaats), g.gemeente_code)].add(g.postcode)
    for postcode in sorted(set(plaats_per_postcode) - set(rijen)):
        if geo.get(postcode):
            code = _meest_voorkomend(geo[postcode])
        else:
            plaatsen = plaats_per_postcode[postcode]
            kandidaten = {woonplaats_code.get(normaliseer(p)) for p in plaatsen}
            kandidaten.discard(None)
            if len(kandidaten) != 1:
                meldingen.append(f"nieuwe postcode {postcode}: gemeente onbekend, overgeslagen")
                continue
            code = kandidaten.pop()
        # GeoNames has a few typos (1234 in Vaals, 5217 in Den Haag): a new PC4 whose
        # first two digits occur nowhere else in its gemeente is not believed.
        if not any(p[:2] == postcode[:2] for p in per_gemeente_pc[code]):
            meldingen.append(f"nieuwe postcode {postcode}: past niet bij de gemeente, overgeslagen")
            continue
        # In a gemeente split over several SWVs, a new PC4 of a postal place whose
        # other PC4s all share one SWV (a new street in Weesp) follows that place.
        swv = {"po": set(), "vo": set()}
        for plaats in plaats_per_postcode[postcode]:
            for buur in postcodes_per_plaats[(normaliseer(plaats), code)]:
                if buur in rijen and rijen[buur]["gemeente_code"] == code:
                    for sector in ("po", "vo"):
                        if rijen[buur][sector]:
                            swv[sector].add(rijen[buur][sector])
        for sector in ("po", "vo"):
            if len(swv[sector]) != 1:
                swv[sector] = per_gemeente[code][sector]
        rijen[postcode] = {
            "postcode": postcode,
            "gemeente_code": code,
            "po": next(iter(swv["po"])) if len(swv["po"]) == 1 else "",
            "vo": next(iter(swv["vo"])) if len(swv["vo"]) == 1 else "",
            "herkomst": "afgeleid",
            "gemeente_2015": "",
        }
    return [rijen[p] for p in sorted(rijen)]


def _meest_voorkomend(teller: Counter[str]) -> str:
    return sorted(teller.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _kies_uit_geonames(
    postcode: str,
    opvolgers: list[str],
    geo: dict[str, Counter[str]],
    naam: str,
    meldingen: list[str],
) -> list[str]:
    teller = geo.get(postcode, Counter())
    # Successors by Tabel 33 may be incomplete for a split gemeente, so any current
    # gemeente GeoNames gives for this PC4 is accepted; ties go to the listed successor.
    if teller:
        beste = sorted(
            teller.items(), key=lambda kv: (-kv[1], kv[0] not in opvolgers, kv[0])
        )[0][0]
        return [beste]
    meldingen.append(f"postcode {postcode} ({naam}): niet in GeoNames, eerste opvolger gekozen")
    return opvolgers[:1]


def controleer_tegen_geonames(
    postcodes: list[dict[str, str]], geonames: list[b.GeonamesRij], meldingen: list[str]
) -> None:
    """Report annex PC4s whose rolled-forward gemeente GeoNames does not know there."""
    geo = _geonames_per_postcode(geonames)
    afwijkend = [
        p["postcode"]
        for p in postcodes
        if p["herkomst"] == "regeling" and geo.get(p["postcode"])
        and p["gemeente_code"] not in geo[p["postcode"]]
    ]
    if afwijkend:
        meldingen.append(
            f"{len(afwijkend)} postcodes van de regeling liggen volgens GeoNames in een andere "
            f"gemeente (grensgebied): {' '.join(afwijkend)}"
        )

