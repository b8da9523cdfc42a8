"""Postcodes: the regulation's PC4 table with each PC4's current gemeente, and the
PC4s that came after it (their SWVs follow from :mod:`.regels`)."""

from __future__ import annotations

from collections import Counter, defaultdict

from passend_cli.bronnen import publiek as b
from passend_cli.samenstellen.gemeenten import (
    GESPLITST,
    Namen,
    Opheffing,
    regeling_naam,
    rol_door,
)
from passend_cli.samenstellen.regels import AFGELEID, REGELING
from passend_cli.samenstellen.rijen import BouwFout
from passend_cli.samenstellen.woonplaatsen import OFFICIEEL, WIKIPEDIA

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
    meldingen: list[str],
) -> dict[str, dict[str, str]]:
    """The annex's PC4s with their current gemeente: its 2015 name rolled forward, or
    GeoNames' gemeente where the name was split later or where GeoNames unanimously
    places the PC4 elsewhere (a border correction, like Meerstad's 9613 in 2017)."""
    geo = _geonames_per_postcode(geonames)
    rijen: dict[str, dict[str, str]] = {}
    for r in regeling:
        if r.postcode in rijen:
            raise BouwFout(f"postcode {r.postcode} staat twee keer in de regeling")
        naam = regeling_naam(r.gemeente, brp_namen)
        codes = rol_door(naam, opgeheven, namen)
        if len(codes) > 1 or naam in GESPLITST:
            codes = _kies_uit_geonames(r.postcode, codes, geo, naam, meldingen)
        elders = geo.get(r.postcode)
        if elders and len(elders) == 1 and codes[0] not in elders:
            meldingen.append(
                f"postcode {r.postcode} ({r.gemeente}): volgens GeoNames in {next(iter(elders))}"
                f", niet in {codes[0]}; GeoNames gevolgd"
            )
            codes = list(elders)
        rijen[r.postcode] = {
            "postcode": r.postcode,
            "gemeente_code": codes[0],
            "po": r.po,
            "vo": r.vo,
            "herkomst": REGELING,
            "gemeente_2015": r.gemeente,
        }
    return rijen


def nieuwe_postcodes(
    rijen: dict[str, dict[str, str]],
    geonames: list[b.GeonamesRij],
    woonplaatsen: list[dict[str, str]],
    meldingen: list[str],
) -> None:
    """Add the PC4s that GeoNames knows and the annex does not, with their gemeente;
    their SWVs are derived afterwards (:func:`regels.leid_af`)."""
    geo = _geonames_per_postcode(geonames)
    per_gemeente_pc: dict[str, set[str]] = defaultdict(set)
    for rij in rijen.values():
        per_gemeente_pc[rij["gemeente_code"]].add(rij["postcode"][:2])
    # Which lists put a PC4 in which gemeente: the official woonplaatsen (their PC4s
    # come from GeoNames) and the Wikipedia list (its own PC4 ranges).
    genoemd: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for w in woonplaatsen:
        for p in w["postcodes"].split():
            for g in (w["gemeente_code"], *w["ook_in"].split()):
                genoemd[p][g].add(w["bron"])
    for postcode in sorted({g.postcode for g in geonames} - set(rijen)):
        if geo.get(postcode):
            code = _meest_voorkomend(geo[postcode])
        else:  # GeoNames left the gemeente blank: the official woonplaats tells
            kandidaten = [g for g, bron in genoemd[postcode].items() if OFFICIEEL in bron]
            if len(kandidaten) != 1:
                meldingen.append(f"nieuwe postcode {postcode}: gemeente onbekend, overgeslagen")
                continue
            code = kandidaten[0]
        # GeoNames has a few typos (1234 in Vaals, 5217 in Den Haag): a new PC4 whose
        # first two digits occur nowhere else in its gemeente is believed only when
        # both place lists put it there (9614 Harkstede GN, 9622 Lageland GN).
        beide = genoemd[postcode].get(code, set()) >= {OFFICIEEL, WIKIPEDIA}
        if postcode[:2] not in per_gemeente_pc[code] and not beide:
            meldingen.append(f"nieuwe postcode {postcode}: past niet bij de gemeente, overgeslagen")
            continue
        rijen[postcode] = {
            "postcode": postcode,
            "gemeente_code": code,
            "po": "",
            "vo": "",
            "herkomst": AFGELEID,
            "gemeente_2015": "",
        }


def geonames_gemeenten(geonames: list[b.GeonamesRij]) -> dict[str, str]:
    """PC4 -> the gemeente GeoNames names most often for it."""
    return {pc: _meest_voorkomend(t) for pc, t in _geonames_per_postcode(geonames).items()}


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
