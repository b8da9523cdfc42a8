"""What a name refers to: the places and SWVs in the search index that carry it.

The index (``zoekindex.csv``, written sorted by the build) maps each normalised name to
gemeenten, aliases, woonplaatsen, former gemeenten and SWVs. Lookups here go from the
surest to the loosest: the whole name, the name with a qualifier ("Zevenhuizen
(Zuidplas)", "Aalst Gld"), the start of a name, whole words inside a longer name, and
last a typo within a couple of edits. Which candidate is *the* answer is decided in
:mod:`passend_cli.zoeken`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from passend_cli.dataset import Dataset
from passend_cli.normaliseer import lees_kwalificaties, provincie_sleutel

GEMEENTE, WOONPLAATS, VOORMALIG, VERBAND = (
    "gemeente", "woonplaats", "voormalige gemeente", "samenwerkingsverband")
_VOLGORDE = {GEMEENTE: 0, WOONPLAATS: 1, VOORMALIG: 2, VERBAND: 3}
# Typo matching: at most two edits; one for short names, none for the shortest, where
# one letter more or less is another name ("Aken" is not "Amen").
MAX_TYPFOUTEN = 2
KORTE_NAAM = 7
KORTSTE_NAAM = 4


class Kandidaat(NamedTuple):
    """One entry of the index, resolved to what it names."""

    soort: str  # as shown: an alias is shown as its gemeente
    naam: str
    ref: Any  # gemeente code, Woonplaats, VoormaligeGemeente or SWV code
    id: str  # identity: soort and row or code
    via: str = ""  # the alias typed, when it differs from the shown name

    @property
    def officieel(self) -> bool:
        """False only for the hamlets and other names of the 2020 Wikipedia list."""
        return self.soort != WOONPLAATS or self.ref.officieel

    def gemeenten(self) -> tuple[str, ...]:
        """The gemeente codes it lies in (successors, for a former gemeente)."""
        if self.soort == GEMEENTE:
            return (self.ref,)
        if self.soort == WOONPLAATS:
            return (self.ref.gemeente_code, *self.ref.ook_in)
        if self.soort == VOORMALIG:
            return self.ref.opvolgers
        return ()

    def volgorde(self) -> tuple:
        return (_VOLGORDE[self.soort], not self.officieel, self.naam, self.id)


def _kandidaat(ds: Dataset, soort: str, ref: str) -> Kandidaat:
    if soort == "gemeente":
        return Kandidaat(GEMEENTE, ds.gemeenten[ref].naam, ref, f"g:{ref}")
    if soort == "alias":
        alias, code = ds.aliassen[int(ref)]
        return Kandidaat(GEMEENTE, ds.gemeenten[code].naam, code, f"g:{code}", via=alias)
    if soort == "woonplaats":
        w = ds.woonplaats(int(ref))
        return Kandidaat(WOONPLAATS, w.naam, w, f"w:{ref}")
    if soort == "voormalige gemeente":
        v = ds.voormalige_gemeenten[int(ref)]
        return Kandidaat(VOORMALIG, v.naam, v, f"v:{ref}")
    return Kandidaat(VERBAND, ds.verbanden[ref].weergavenaam, ref, f"s:{ref}")


def _uniek(kandidaten: list[Kandidaat]) -> list[Kandidaat]:
    gezien: dict[str, Kandidaat] = {}
    for k in kandidaten:
        gezien.setdefault(k.id, k)
    return sorted(gezien.values(), key=Kandidaat.volgorde)


def exact(ds: Dataset, sleutel: str) -> list[Kandidaat]:
    """Everything whose name is exactly *sleutel* (normalised)."""
    return _uniek([_kandidaat(ds, soort, ref) for soort, ref in ds.zoekindex.exact(sleutel)])


def gekwalificeerd(ds: Dataset, sleutel: str) -> list[Kandidaat]:
    """The places named by *sleutel* read as NAME + QUALIFIER, where the qualifier is a
    gemeente or province they lie in; official places before hamlets. Empty when no
    reading selects anything."""
    for k in lees_kwalificaties(sleutel):
        kandidaten = exact(ds, k.naam)
        if not kandidaten:
            continue
        if k.soort == "provincie":
            gekozen = [c for c in kandidaten
                       if any(provincie_sleutel(ds.gemeenten[g].provincie) == k.waarde
                              for g in c.gemeenten())]
        else:
            codes = {c.ref for c in exact(ds, k.waarde) if c.soort == GEMEENTE}
            gekozen = [c for c in kandidaten if codes & set(c.gemeenten())]
        gekozen = [c for c in gekozen if c.soort != VERBAND]
        officieel = [c for c in gekozen if c.officieel]
        if officieel or gekozen:
            return officieel or gekozen
    return []


def begin_of_woorden(ds: Dataset, sleutel: str) -> list[tuple[float, Kandidaat]]:
    """Names that start with *sleutel* (score 90-99.9, closer to 100 the more of the
    name was typed), else names holding it as whole words (80-89.9); best first."""
    index = ds.zoekindex
    gevonden: list[tuple[float, str, str]] = []
    if len(sleutel) >= 3:
        gevonden = [(90.0 + 9.9 * len(sleutel) / len(s), soort, ref)
                    for s, soort, ref in index.met_prefix(sleutel) if s != sleutel]
    if not gevonden and len(sleutel) >= 4 and sleutel in index.woordreeksen:
        omringd = f" {sleutel} "
        gevonden = [(80.0 + 9.9 * len(sleutel) / len(s), soort, ref)
                    for s in index.sleutels if omringd in f" {s} "
                    for soort, ref in index.exact(s)]
    beste: dict[str, tuple[float, Kandidaat]] = {}
    for score, soort, ref in gevonden:
        k = _kandidaat(ds, soort, ref)
        if k.id not in beste or score > beste[k.id][0]:
            beste[k.id] = (score, k)
    return sorted(beste.values(), key=lambda t: (-t[0], t[1].volgorde()))


def typfouten(ds: Dataset, sleutel: str, n: int = 10) -> list[tuple[float, Kandidaat]]:
    """Names within a couple of edits of *sleutel* (one for short names), with a score
    below 80 (0.8 x similarity): corrections, never certain answers. Best first."""
    # rapidfuzz is imported only here: exact and prefix lookups never need it.
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    if len(sleutel) <= KORTSTE_NAAM:
        return []
    grens = 1 if len(sleutel) <= KORTE_NAAM else MAX_TYPFOUTEN
    uit: dict[str, tuple[float, Kandidaat]] = {}
    for s, afstand, _ in process.extract(
        sleutel, ds.zoekindex.sleutels, scorer=Levenshtein.distance, score_cutoff=grens,
        limit=n,
    ):
        # An edit in a short key weighs more: "aken" is not "arkens".
        if afstand > max(1, len(s) // 4):
            continue
        score = 0.8 * fuzz.ratio(sleutel, s)
        for soort, ref in ds.zoekindex.exact(s):
            k = _kandidaat(ds, soort, ref)
            if k.id not in uit or score > uit[k.id][0]:
                uit[k.id] = (score, k)
    return sorted(uit.values(), key=lambda t: (-t[0], t[1].volgorde()))


def dichtbij(ds: Dataset, sleutel: str, n: int = 3) -> list[Kandidaat]:
    """Names that look like *sleutel*, for "Bedoelde u …?" when nothing matched."""
    from rapidfuzz import fuzz, process

    uit: list[Kandidaat] = []
    for s, _score, _ in process.extract(
        sleutel, ds.zoekindex.sleutels, scorer=fuzz.ratio, limit=n * 3, score_cutoff=60
    ):
        k = exact(ds, s)[0]
        if all(k.naam != u.naam or k.gemeenten() != u.gemeenten() for u in uit):
            uit.append(k)
    return uit[:n]
