"""Resolve one cell value to the columns ``koppel`` adds, never by a guess: a name
counts only as a whole (:func:`passend_cli.zoeken.vind`); a name of several places
with different SWVs, a typo or an unknown value stays empty, and ``match_opmerking``
says why."""

from __future__ import annotations

import re
from typing import NamedTuple

from passend_cli.fouten import OngeldigeInvoer
from passend_cli.koppel.csvbestand import csv_regel
from passend_cli.koppel.samenvatting import Samenvatting
from passend_cli.zoeken import vind

# Longer cell values are not cached (nothing that long matches; zoek reads no more).
MAX_SLEUTEL = 300
# Most postcodes are written plainly: the hot loop answers them by their PC4 without
# the full search. Anything else (odd spellings, names) goes through zoeken.zoek.
POSTCODE = re.compile(r"\s*([0-9]{4}) ?(?:[A-Za-z]{2})?\s*")

# Summary keys besides a result's soort; the first three are also match_opmerking's
# values for an empty row.
LEEG, ONBEKEND, MEERDUIDIG = "leeg", "niet gevonden", "meerduidig"
ZONDER_SWV = "geen samenwerkingsverband"
_MEER = "|meer"  # suffix: more than one SWV of a sector (split gemeente)


def kolommen(sector: str | None = None) -> list[str]:
    """The columns ``koppel`` adds, for both sectors or one (``"po"``/``"vo"``)."""
    uit = ["gemeente_code", "gemeente"]
    for s in sectoren(sector):
        uit += [f"{s.lower()}_code", f"{s.lower()}_naam"]
    return [*uit, "match_soort", "match_score", "match_opmerking"]


def sectoren(sector: str | None) -> tuple[str, ...]:
    if not sector:
        return ("PO", "VO")
    sector = str(sector).upper()
    if sector not in ("PO", "VO"):
        raise OngeldigeInvoer("Kies als sector po of vo.")
    return (sector,)


# --- resolving one value -------------------------------------------------------------


class Antwoord(NamedTuple):
    cellen: list[str]  # the added cells
    staart: str  # the same, as CSV text with a leading delimiter: appended to a line
    sleutel: str  # summary key: a soort (+ _MEER), LEEG, ONBEKEND or MEERDUIDIG
    onbekend: bool  # a value that was not resolved (counted for the top 5)
    nummer: int  # index in Oplosser.tellers, where the rows with this answer are counted


class Oplosser:
    """Cell value -> Antwoord, through zoeken.zoek."""

    def __init__(
        self, sector: str | None, scheiding: str = ",", *, gemeenten: bool = False
    ) -> None:
        self.sectoren = sectoren(sector)
        self.sector = sector
        self.gemeenten = gemeenten  # the column holds gemeenten, not places
        self.scheiding = scheiding
        # Every distinct answer once (bounded: one per place and postcode), with a row
        # counter per answer: a list index is the cheapest counter in the hot loop.
        self._antwoorden: dict[tuple[str, str], Antwoord] = {}
        self.tellers: list[int] = []
        self.leeg = self._leeg(LEEG, "")
        self.onbekend = self._leeg(ONBEKEND, ONBEKEND)
        self.per_pc4: dict[str, Antwoord] = {}

    def _antwoord(self, cellen: list[str], sleutel: str) -> Antwoord:
        staart = self.scheiding + csv_regel(cellen, self.scheiding)
        bekend = self._antwoorden.get((staart, sleutel))
        if bekend is not None:
            return bekend
        antwoord = Antwoord(cellen, staart, sleutel,
                            sleutel in (ONBEKEND, MEERDUIDIG, ZONDER_SWV), len(self.tellers))
        self.tellers.append(0)
        self._antwoorden[staart, sleutel] = antwoord
        return antwoord

    def per_sleutel(self) -> dict[str, int]:
        """Rows counted per summary key."""
        uit: dict[str, int] = {}
        for antwoord in self._antwoorden.values():
            n = self.tellers[antwoord.nummer]
            if n:
                uit[antwoord.sleutel] = uit.get(antwoord.sleutel, 0) + n
        return uit

    def __call__(self, waarde: str) -> Antwoord:
        m = POSTCODE.fullmatch(waarde)
        if m is not None:
            return self.postcode(m.group(1))
        tekst = waarde.strip()
        if not tekst:
            return self.leeg
        return self._zoek(tekst[:MAX_SLEUTEL])

    def postcode(self, pc4: str) -> Antwoord:
        antwoord = self.per_pc4.get(pc4)
        if antwoord is None:
            antwoord = self.per_pc4[pc4] = self._zoek(pc4)
        return antwoord

    def _leeg(self, sleutel: str, opmerking: str) -> Antwoord:
        return self._antwoord([""] * (len(self.sectoren) * 2 + 4) + [opmerking], sleutel)

    def _zoek(self, tekst: str) -> Antwoord:
        try:
            uitkomst = vind(tekst, gemeente_eerst=self.gemeenten, sector=self.sector)
        except OngeldigeInvoer:  # nothing searchable: punctuation, emoji, ...
            return self.onbekend
        gevonden = uitkomst.resultaten
        if not gevonden:
            return self.onbekend
        if uitkomst.meerduidig:
            plaatsen = "; ".join(f"{r.naam} ({r.gemeente.naam if r.gemeente else r.soort})"
                                 for r in gevonden[:5])
            return self._leeg(MEERDUIDIG, f"{MEERDUIDIG}: {plaatsen}")
        eerste = gevonden[0]
        # Places of one name with the same SWVs: the SWVs are sure, the gemeente not.
        gemeenten = {r.gemeente.code if r.gemeente else None for r in gevonden}
        gemeente = eerste.gemeente if len(gemeenten) == 1 else None
        cellen = [gemeente.code, gemeente.naam] if gemeente else ["", ""]
        meer = False
        opmerkingen = list(eerste.opmerkingen)
        for sector in self.sectoren:
            # Only the SWVs that serve the place now; a superseded one is never written
            # silently: its successor is, with a note (and without a code if none is known).
            verbanden = [d.verband for d in eerste.dekking
                         if d.verband.sector == sector and d.actueel]
            meer = meer or len(verbanden) > 1
            cellen.append("|".join(v.code for v in verbanden))
            cellen.append("|".join(v.weergavenaam for v in verbanden))
            opmerkingen += [_vervangen(d) for d in eerste.dekking
                            if d.verband.sector == sector and not d.actueel]
        cellen += [eerste.soort, f"{eerste.score:.1f}", " ".join(opmerkingen)]
        if not any(cellen[2:-3]):
            return self._antwoord(cellen, ZONDER_SWV)
        return self._antwoord(cellen, eerste.soort + _MEER if meer else eerste.soort)

    def tel_op(self, s: Samenvatting) -> None:
        """Add the rows counted per answer to the summary *s*."""
        for sleutel, n in self.per_sleutel().items():
            if sleutel == LEEG:
                s.leeg += n
            elif sleutel == ONBEKEND:
                s.niet_gevonden += n
            elif sleutel == MEERDUIDIG:
                s.meerduidig += n
            elif sleutel == ZONDER_SWV:
                s.zonder_swv += n
            else:
                soort, meer, _ = sleutel.partition(_MEER)
                s.per_soort[soort] = s.per_soort.get(soort, 0) + n
                if meer:
                    s.meervoudig += n


def _vervangen(d) -> str:
    """A note for a superseded SWV: who serves the place now."""
    o = d.opvolger
    sinds = f"sinds {o.sinds} " if o and o.sinds else ""
    nu = (f"{o.naam} ({o.code})" if o.code else f"{o.naam} (code onbekend)") if o else "?"
    return f"{d.verband.code} uit de regeling van 2015 geldt hier {sinds}niet meer; nu: {nu}."
