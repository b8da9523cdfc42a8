"""Woonplaatsen with their current gemeente and, where known, their own PC4s."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from passend_cli.bronnen import publiek as b
from passend_cli.normaliseer import normaliseer
from passend_cli.samenstellen.gemeenten import Namen, Opheffing, rol_door
from passend_cli.samenstellen.rijen import BouwFout


def maak_woonplaatsen(
    quiz: list[b.WoonplaatsRij],
    wiki: Iterable[b.WoonplaatsRij],
    geonames: list[b.GeonamesRij],
    postcodes: list[dict[str, str]],
    namen: Namen,
    opgeheven: dict[str, Opheffing],
    meldingen: list[str],
) -> list[dict[str, str]]:
    """Woonplaatsen with their current gemeente and, where known, their PC4s, so a
    village in a gemeente split over several SWVs still gets one precise answer."""
    geo_pc: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in geonames:
        if g.gemeente_code:
            geo_pc[(normaliseer(g.plaats), g.gemeente_code)].add(g.postcode)
    gemeente_van = {p["postcode"]: p["gemeente_code"] for p in postcodes}

    rijen: dict[tuple[str, str], dict[str, str]] = {}
    for w in quiz:
        code = namen.code(w.gemeente, w.provincie)
        if code is None:
            raise BouwFout(f"woonplaats {w.naam!r}: gemeente {w.gemeente!r} onbekend")
        pcs = {
            p for p in geo_pc.get((normaliseer(w.naam), code), ()) if gemeente_van.get(p) == code
        }
        rijen[(normaliseer(w.naam), code)] = {
            "naam": w.naam,
            "gemeente_code": code,
            "postcodes": " ".join(sorted(pcs)),
            "bron": "woonplaatsen",
        }

    overgeslagen = 0
    for w in wiki:
        pcs: set[str] = set()
        if w.postcodes:
            laag, hoog = int(w.postcodes[0]), int(w.postcodes[1])
            if 0 <= hoog - laag <= 20:
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
        sleutel = (normaliseer(w.naam), code)
        if sleutel in rijen:
            continue
        pcs = {p for p in pcs if gemeente_van[p] == code}
        rijen[sleutel] = {
            "naam": w.naam,
            "gemeente_code": code,
            "postcodes": " ".join(sorted(pcs)),
            "bron": "wikipedia",
        }
    if overgeslagen:
        meldingen.append(f"{overgeslagen} plaatsen uit de Wikipedia-lijst niet eenduidig")
    return sorted(rijen.values(), key=lambda r: (normaliseer(r["naam"]), r["gemeente_code"]))

