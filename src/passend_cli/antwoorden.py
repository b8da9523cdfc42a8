"""The records of an answer: which SWVs serve a place (:class:`Dekking`), who succeeded
an SWV of the regulation (:class:`Opvolger`), one answer (:class:`Resultaat`), a whole
search (:class:`Uitkomst`) and one SWV with its gemeenten (:class:`Verband`).

These are what the Python API returns, and they read like their JSON: ``d.code``,
``d.naam``, ``d.adres.plaats``, ``d.actueel`` hold what ``d.als_dict()`` holds under those
keys, with None where a fact is unknown. NamedTuples, as in :mod:`passend_cli.model`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from passend_cli.model import (
    Gemeente,
    Samenwerkingsverband,
    School,
    Wijziging,
    _Verbandvelden,
)


def _met_postcodes(uit: dict[str, Any], postcodes: tuple[str, ...] | None) -> dict[str, Any]:
    """*uit* with the PC4s of a partial area; null means the whole place."""
    uit["postcodes"] = list(postcodes) if postcodes is not None else None
    return uit


class Opvolger(NamedTuple):
    """Who serves an area in place of the SWV the regulation named there."""

    naam: str
    code: str | None  # None when no source gives its code
    sinds: str | None  # "2018-08-01"; None when unknown
    bron: str | None

    @classmethod
    def van(cls, w: Wijziging) -> Opvolger:
        """The successor a recorded change of kind ``opvolger`` names."""
        return cls(w.opvolger_naam, w.opvolger_code or None, w.datum or None, w.bron or None)

    def als_json(self) -> dict[str, Any]:
        return {"naam": self.naam, "code": self.code, "sinds": self.sinds, "bron": self.bron}

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


class _Dekking(NamedTuple):
    verband: Samenwerkingsverband
    postcodes: tuple[str, ...] | None
    actueel: bool = True
    opvolger: Opvolger | None = None


class Dekking(_Dekking, _Verbandvelden):
    """One SWV serving (part of) a place: an entry of ``samenwerkingsverbanden``.
    ``postcodes`` is None when it serves all of the place, else the PC4s it serves.
    A superseded one (``actueel`` False) names its ``opvolger``."""

    __slots__ = ()

    def als_json(self) -> dict[str, Any]:
        uit = _met_postcodes(self.verband.als_json(), self.postcodes)
        uit["actueel"] = self.actueel
        if self.opvolger is not None:
            uit["opvolger"] = self.opvolger.als_json()
        return uit

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


class Resultaat(NamedTuple):
    """One answer of ``zoek``: ``soort``, ``naam``, ``score`` (``als_dict`` rounds it to
    one decimal), ``toelichting``, ``gemeente`` and ``samenwerkingsverbanden`` read as in
    the JSON; ``als_dict()["opmerkingen"]`` also holds the sentence in ``elders``."""

    soort: str  # gemeente, woonplaats, voormalige gemeente, postcode, samenwerkingsverband
    naam: str
    score: float
    toelichting: str
    gemeente: Gemeente | None
    dekking: list[Dekking]
    wijzigingen: Sequence[Wijziging] = ()
    # For soort "postcode": the PC4.
    postcode: str | None = None
    # Dutch sentences about gaps in the answer (no SWV in the regulation, derived PC4).
    opmerkingen: Sequence[str] = ()
    # For a city that leads its gemeente: the gemeente's other areas and their SWVs.
    elders: str = ""
    # The PC4s of the place (of a gemeente: all of them), where known; for maps.
    pc4s: tuple[str, ...] = ()
    # For soort "school": the school, and the date of the school list it comes from.
    school: School | None = None
    scholenlijst: str = ""

    @property
    def samenwerkingsverbanden(self) -> list[Dekking]:
        """The PO and VO SWVs that serve it, PO first; a current one before a
        superseded one."""
        return list(self.dekking)

    def als_json(self) -> dict[str, Any]:
        return {
            "soort": self.soort,
            "naam": self.naam,
            "score": round(self.score, 1),
            "toelichting": self.toelichting,
            "gemeente": None if self.gemeente is None else self.gemeente.als_json(),
            "samenwerkingsverbanden": [d.als_json() for d in self.dekking],
            "wijzigingen": [w.als_json() for w in self.wijzigingen],
            "opmerkingen": [*self.opmerkingen, *([self.elders] if self.elders else [])],
            **({"school": self.school.als_json(), "scholenlijst": self.scholenlijst}
               if self.school else {}),
        }

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


class Uitkomst(NamedTuple):
    """What ``zoek`` answers: the results, best first. When ``meerduidig``, the query
    names more than one place equally well, and none of them is *the* answer."""

    zoekterm: str
    resultaten: list[Resultaat]
    meerduidig: bool = False
    # How many candidates there are when more than are listed (93 schools "De Regenboog").
    kandidaten: int = 0
    # The regio-indeling the answer rests on: bron, datum, wijzigingen_tot.
    indeling: dict[str, Any] | None = None

    def als_json(self) -> dict[str, Any]:
        return {
            "zoekterm": self.zoekterm,
            "meerduidig": self.meerduidig,
            **({"kandidaten": self.kandidaten} if self.kandidaten else {}),
            "indeling": self.indeling,
            "resultaten": [r.als_json() for r in self.resultaten],
        }

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


class GemeenteDeel(NamedTuple):
    """A gemeente (partly) served by an SWV; ``postcodes`` None means all of it."""

    gemeente: Gemeente
    postcodes: tuple[str, ...] | None

    @property
    def code(self) -> str:
        return self.gemeente.code

    @property
    def naam(self) -> str:
        return self.gemeente.naam

    @property
    def provincie(self) -> str:
        return self.gemeente.provincie

    def als_json(self) -> dict[str, Any]:
        return _met_postcodes(self.gemeente.als_json(), self.postcodes)

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


class _Verband(NamedTuple):
    verband: Samenwerkingsverband
    gemeenten: list[GemeenteDeel]  # largest share first
    wijzigingen: list[Wijziging]
    aantal_scholen: int = 0  # school locations in the school list that belong to it
    opvolger: Opvolger | None = None  # who took over the whole SWV, if anyone did


class Verband(_Verband, _Verbandvelden):
    """An SWV as a whole: its record, the gemeenten it serves (largest share first),
    known changes, its number of schools, and who took it over, if anyone did."""

    __slots__ = ()

    @property
    def actueel(self) -> bool:
        return self.opvolger is None

    @property
    def aantal_gemeenten(self) -> int:
        return len(self.gemeenten)

    @property
    def provincies(self) -> list[str]:
        return sorted({d.gemeente.provincie for d in self.gemeenten})

    def hoofdgemeenten(self, n: int = 3) -> list[str]:
        return [d.gemeente.naam for d in self.gemeenten[:n]]

    def als_json(self, *, volledig: bool = True) -> dict[str, Any]:
        """``volledig``: everything (``toon``); otherwise the summary of ``lijst``."""
        v = self.verband
        uit = v.als_json()
        uit["regiocode"] = v.regiocode
        uit["actueel"] = self.opvolger is None
        if self.opvolger is not None:
            uit["opvolger"] = self.opvolger.als_json()
        if not volledig:
            uit["aantal_gemeenten"] = len(self.gemeenten)
            uit["gemeenten"] = [d.gemeente.naam for d in self.gemeenten]
            uit["provincies"] = self.provincies
            uit["aantal_scholen"] = self.aantal_scholen
            return uit
        uit.update(
            {
                "ook_bekend_als": list(v.ook_bekend_als),
                "bewijs": v.bewijs or None,
                "bronnen": list(v.bronnen),
                "provincies": self.provincies,
                "aantal_gemeenten": len(self.gemeenten),
                "gemeenten": [d.als_json() for d in self.gemeenten],
                "aantal_scholen": self.aantal_scholen,
                "wijzigingen": [w.als_json() for w in self.wijzigingen],
            }
        )
        return uit

    def als_dict(self, *, volledig: bool = True) -> dict[str, Any]:
        """Its JSON object (``toon --json``; ``volledig=False``: an entry of ``lijst --json``)."""
        return self.als_json(volledig=volledig)
