"""Front end of the refresh: DUO's areas and names on top of the bundled rows.

The new dataset starts from the bundled one (gemeenten, woonplaatsen, contact data) and
takes each PC4's PO and VO SWV and each SWV's name from DUO.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from collections import defaultdict
from typing import Any

from passend_cli import formaat
from passend_cli.bronnen.duo import NAMEN
from passend_cli.fouten import DataFout
from passend_cli.normaliseer import normaliseer
from passend_cli.samenstellen.rijen import Rijen

_SECTOREN = ("po", "vo")


def lees_rijen(bron: Any) -> tuple[Rijen, dict[str, Any]]:
    """A dataset folder (the bundled one) as rows and its metadata: the starting point
    of every refresh."""
    problemen = formaat.controleer_map(bron)
    if problemen:
        raise DataFout(f"De meegeleverde dataset is beschadigd ({problemen[0]}).")
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
