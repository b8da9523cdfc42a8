"""Woonplaatsen with their gemeente(n) and their own PC4s.

The official list (BAG spelling, about 2025) names the places; the Wikipedia list of
2020 adds hamlets and other names, which rank below them in a search. A place's own
PC4s come from GeoNames (the postal place of each PC4), so a village answers with the
SWVs of its own postcodes, as the regulation's PC4 table prescribes. A postal place
that crosses a gemeente border is listed by the official list once per gemeente; those
rows share their PC4s and become one place here, in its main gemeente and "ook in" the
others.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from passend_cli.bronnen import publiek as b
from passend_cli.normaliseer import basisnaam, normaliseer
from passend_cli.samenstellen.gemeenten import Namen, Opheffing, rol_door
from passend_cli.samenstellen.rijen import BouwFout

OFFICIEEL, WIKIPEDIA = "woonplaatsen", "wikipedia"


def maak_woonplaatsen(
    quiz: list[b.WoonplaatsRij],
    wiki: Iterable[b.WoonplaatsRij],
    geonames: list[b.GeonamesRij],
    gemeente_van: dict[str, str],
    namen: Namen,
    opgeheven: dict[str, Opheffing],
    meldingen: list[str],
) -> list[dict[str, str]]:
    """Woonplaatsen with their gemeente and own PC4s. *gemeente_van* maps every PC4
    known so far to its gemeente; it narrows the coarse PC4 ranges of the Wikipedia
    list. The PC4s are not yet checked against the final PC4 table: see
    :func:`binnen_tabel`."""
    officieel = _officieel(quiz, geonames, namen)
    # A Wikipedia row for an official place (also under its name without the postal
    # suffix: "Harkstede" for "Harkstede GN") is that place, not another one.
    rijen = {(basisnaam(normaliseer(r["naam"])), g): r for r in officieel
             for g in (r["gemeente_code"], *r["ook_in"].split())}
    overgeslagen = 0
    for w in wiki:
        pcs: set[str] = set()
        if w.postcodes:
            laag, hoog = int(w.postcodes[0]), int(w.postcodes[1])
            if 0 <= hoog - laag <= 20:  # wider ranges say little about one place
                pcs = {f"{n:04d}" for n in range(laag, hoog + 1)} & set(gemeente_van)
        code = namen.code(w.gemeente, w.provincie)
        if code is None and w.gemeente in opgeheven:
            opvolgers = rol_door(w.gemeente, opgeheven, namen)
            if len(opvolgers) == 1:
                code = opvolgers[0]
            else:  # a split gemeente: the place's own PC4s decide, if they agree
                via_pc = {gemeente_van[p] for p in pcs}
                code = via_pc.pop() if len(via_pc) == 1 else None
        if code is None:
            overgeslagen += 1
            continue
        sleutel = (basisnaam(normaliseer(w.naam)), code)
        if sleutel in rijen:
            continue  # the official place itself
        rijen[sleutel] = {
            "naam": w.naam,
            "gemeente_code": code,
            "postcodes": " ".join(sorted(p for p in pcs if gemeente_van[p] == code)),
            "bron": WIKIPEDIA,
            "ook_in": "",
        }
    if overgeslagen:
        meldingen.append(f"{overgeslagen} plaatsen uit de Wikipedia-lijst niet eenduidig")
    uniek = {id(r): r for r in rijen.values()}.values()
    return sorted(uniek, key=lambda r: (normaliseer(r["naam"]), r["gemeente_code"], r["bron"]))


def _officieel(
    quiz: list[b.WoonplaatsRij], geonames: list[b.GeonamesRij], namen: Namen
) -> list[dict[str, str]]:
    """The official places with the PC4s GeoNames gives their name in their gemeente;
    rows of one name that share a PC4 are one place crossing a gemeente border."""
    per_naam: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> (name, GM)
    for w in quiz:
        code = namen.code(w.gemeente, w.provincie)
        if code is None:
            raise BouwFout(f"woonplaats {w.naam!r}: gemeente {w.gemeente!r} onbekend")
        if (w.naam, code) not in per_naam[normaliseer(w.naam)]:
            per_naam[normaliseer(w.naam)].append((w.naam, code))
    # GeoNames' postal places, by name and by name without the postal suffix: the lists
    # do not always agree on it ("Haren" is "Haren Gn" in GeoNames, "Spijk" "Spijk Gn").
    geo: dict[tuple[str, str], set[str]] = defaultdict(set)
    geo_basis: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in geonames:
        sleutel = normaliseer(g.plaats)
        code = g.gemeente_code
        if not code and len(per_naam.get(sleutel, ())) == 1:
            code = per_naam[sleutel][0][1]  # GeoNames left the gemeente blank
        if code:
            geo[(sleutel, code)].add(g.postcode)
            geo_basis[(basisnaam(sleutel), code)].add(g.postcode)

    uit = []
    for sleutel, rijen in per_naam.items():
        groepen: list[tuple[list[str], set[str]]] = []  # (gemeenten, PC4s)
        for _, code in rijen:
            pcs = set(geo.get((sleutel, code)) or geo_basis.get((basisnaam(sleutel), code))
                      or ())
            samen = [groep for groep in groepen if groep[1] & pcs]
            gemeenten, alle = [code], pcs
            for groep in samen:
                groepen.remove(groep)
                gemeenten += groep[0]
                alle |= groep[1]
            groepen.append((gemeenten, alle))
        naam = rijen[0][0]
        for gemeenten, pcs in groepen:
            uit.append({
                "naam": naam,
                "gemeente_code": sorted(gemeenten)[0],
                "postcodes": " ".join(sorted(pcs)),
                "bron": OFFICIEEL,
                "ook_in": " ".join(sorted(gemeenten)[1:]),
            })
    return uit


def binnen_tabel(
    woonplaatsen: list[dict[str, str]], postcodes: dict[str, dict[str, str]]
) -> list[dict[str, str]]:
    """The woonplaatsen with only those PC4s that the final table puts in one of their
    gemeenten (GeoNames names a few places at a PC4 far away: Amersfoort at 2324), each
    place in the gemeente where most of its PC4s lie (the others in ``ook_in``)."""
    uit = []
    for w in woonplaatsen:
        gemeenten = [w["gemeente_code"], *w["ook_in"].split()]
        pcs = [p for p in w["postcodes"].split()
               if p in postcodes and postcodes[p]["gemeente_code"] in gemeenten]
        hoofd = w["gemeente_code"]
        if pcs and len(gemeenten) > 1:
            teller = Counter(postcodes[p]["gemeente_code"] for p in pcs)
            hoofd = min(gemeenten, key=lambda g: (-teller[g], g))
        uit.append(dict(
            w, gemeente_code=hoofd, postcodes=" ".join(pcs),
            ook_in=" ".join(sorted(g for g in gemeenten if g != hoofd)),
        ))
    return uit
