"""The rules the bundled build and the refresh share, so both give the same answer for
the same areas: which SWV a PC4 gets that its source does not assign, where a new PC4
lies, which known changes still apply, and what a complete dataset covers.

Every function works on dataset rows (:mod:`.rijen`), never on a source's own format.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from passend_cli.samenstellen.woonplaatsen import OFFICIEEL

# Where a PC4's SWVs come from (the ``herkomst`` column).
REGELING = "regeling"  # the regulation's annex of 2015
DUO = "duo"  # DUO's current regio-indeling, after a refresh
AFGELEID = "afgeleid"  # not assigned by the source: derived by leid_af
SECTOREN = ("po", "vo")


def leid_af(postcodes: dict[str, dict[str, str]], woonplaatsen: list[dict[str, str]]) -> None:
    """Give every PC4 with herkomst ``afgeleid`` its SWVs: those of the other PC4s of
    its own woonplaats when they agree, else those of its gemeente when it has one per
    sector, else none (empty: not determinable)."""
    bekend = {pc: r for pc, r in postcodes.items() if r["herkomst"] != AFGELEID}
    per_gemeente: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"po": set(), "vo": set()})
    for r in bekend.values():
        for s in SECTOREN:
            if r[s]:
                per_gemeente[r["gemeente_code"]][s].add(r[s])
    plaatsen_van: dict[str, list[list[str]]] = defaultdict(list)
    for w in woonplaatsen:
        if w["bron"] == OFFICIEEL:  # the official places, not the 2020 hamlets
            pcs = w["postcodes"].split()
            for p in pcs:
                plaatsen_van[p].append(pcs)
    for pc, r in postcodes.items():
        if r["herkomst"] != AFGELEID:
            continue
        for s in SECTOREN:
            buren = {bekend[q][s] for pcs in plaatsen_van[pc] for q in pcs
                     if q in bekend and bekend[q][s]}
            keuze = buren if len(buren) == 1 else per_gemeente[r["gemeente_code"]][s]
            r[s] = next(iter(keuze)) if len(keuze) == 1 else ""


def gemeente_van_buren(
    pc: str, swv: dict[str, str], postcodes: dict[str, dict[str, str]]
) -> str | None:
    """The gemeente of a PC4 no source places: that of its nearest known neighbours
    below and above (same two leading digits, same PO and VO area), if they agree."""
    gelijk = sorted(p for p, r in postcodes.items() if p[:2] == pc[:2]
                    and all(r[s] == swv[s] for s in SECTOREN))
    i = bisect_left(gelijk, pc)
    buren = {postcodes[p]["gemeente_code"] for p in gelijk[max(i - 1, 0) : i + 1]}
    return buren.pop() if len(buren) == 1 else None


def gemeenten_zonder_dekking(
    gemeenten: list[dict[str, str]], postcodes: dict[str, dict[str, str]]
) -> list[str]:
    """Names of the gemeenten that would have no PO or no VO SWV at all."""
    dekking: dict[str, set[str]] = defaultdict(set)
    for r in postcodes.values():
        dekking[r["gemeente_code"]].update(s for s in SECTOREN if r[s])
    return [g["naam"] for g in gemeenten if dekking[g["code"]] != set(SECTOREN)]


def geldige_wijzigingen(
    wijzigingen: list[dict[str, str]], postcodes: dict[str, dict[str, str]], codes: set[str]
) -> list[dict[str, str]]:
    """The known changes that still describe the areas. A change about part of a 2015
    area ("the regulation still counts the Hoeksche Waard to VO2810") is history once the
    areas no longer put that SWV in those gemeenten; a change about a whole SWV, once the
    SWV has no area. *codes*: the SWVs of the new dataset."""
    per_gemeente: dict[str, set[str]] = defaultdict(set)
    for r in postcodes.values():
        per_gemeente[r["gemeente_code"]].update(r[s] for s in SECTOREN if r[s])
    uit = []
    for w in wijzigingen:
        swv = [c for c in w["swv"].split() if c in codes]
        if w["gemeenten"]:
            geldig = any(c in per_gemeente[g] for g in w["gemeenten"].split() for c in swv)
        else:
            geldig = bool(swv)
        if geldig:
            uit.append(dict(w, swv=" ".join(swv)))
    return uit
