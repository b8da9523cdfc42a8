"""Find a school and its samenwerkingsverband: by name (with or without its place), by
location code (``16NG00``) or institution code (BRIN, ``16NG``: all its locations);
the schools of an SWV and how many each has.

Scores compare with those of the place search (:mod:`passend_cli.zoeken`): 100 is the
school's whole name (its own words; school words such as "obs" may differ), within
the place if one was given; 80 to 95 a name of which the query gives only part;
below 80 typos and schools elsewhere than the place asked for, which are suggestions,
never answers. School words and abbreviations are read as in
:mod:`passend_cli.schoolnamen`.

A query that is exactly the name of a place (gemeente, woonplaats, former gemeente)
finds no school: "Haarlem" is a place, not the schools in Haarlem nor those with
Haarlem in their name. Add a school word ("Haarlem College") or a name.

Nothing here reads the school files until a query needs them, so a place search
never pays for them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from passend_cli.dataset import Dataset, laad
from passend_cli.fouten import OngeldigeInvoer
from passend_cli.model import MIN_SCORE, School
from passend_cli.normaliseer import (
    lees_gemeentecode,
    lees_postcode,
    lees_schoolcode,
    lees_swv_code,
    normaliseer,
)
from passend_cli.schoolnamen import Naam, afwijking, ontleed

MAX_LENGTE = 100
_PLAATSWOORDEN = 5  # the longest place name people type has five words
_ELDERS = 0.75  # the share of its score a school elsewhere than the asked place keeps
# Words that say a place follows ("gemeente Haarlem"), as the place search reads them.
_SOORTWOORDEN = frozenset({"gemeente", "woonplaats", "plaats", "dorp", "stad"})


class Schooltreffer(NamedTuple):
    """One school found, with how well it matches."""

    school: School
    score: float
    meerduidig: bool  # as good as another school found: the caller lets the user choose
    gelijk: int  # how many schools share this score (counting those not returned)
    via: str  # "code", "brin", "naam", "naam en plaats", "andere plaats", "typfout"


# --- codes ------------------------------------------------------------------------------



def school_per_code(code: str, ds: Dataset | None = None) -> list[School]:
    """The school with a six-character location code, or every location of a
    four-character institution code; [] when there is none. Raises OngeldigeInvoer
    for text that is no such code."""
    gelezen = lees_schoolcode(code)
    if gelezen is None:
        raise OngeldigeInvoer(
            f"'{str(code)[:20]}' is geen schoolcode (zoals 16NG00, of 16NG voor alle vestigingen)."
        )
    return _per_code(laad() if ds is None else ds, gelezen)


def _per_code(ds: Dataset, code: str) -> list[School]:
    from bisect import bisect_left

    regels = ds.schoolregels
    uit = []
    for i in range(bisect_left(regels, code), len(regels)):
        if not regels[i].startswith(code):
            break
        uit.append(ds.school(i))
    return uit


# --- lists --------------------------------------------------------------------------------


def scholen_van(swv_code: str, ds: Dataset | None = None) -> list[School]:
    """The schools that belong to an SWV (code as ``PO2707``), by place and name."""
    ds = laad() if ds is None else ds
    code = str(swv_code).replace(" ", "").upper()
    scholen = [ds.school(i) for i, swv in enumerate(_swv_kolom(ds)) if swv == code]
    return sorted(scholen, key=lambda s: (normaliseer(_plaatsnaam(ds, s)), normaliseer(s.naam),
                                          s.code))


def aantal_scholen(ds: Dataset | None = None) -> dict[str, int]:
    """SWV code -> the number of schools that belong to it."""
    return dict(Counter(swv for swv in _swv_kolom(laad() if ds is None else ds) if swv))


def _swv_kolom(ds: Dataset) -> list[str]:
    """The swv column of scholen.csv without parsing the rows: the last three columns
    are codes, never quoted, so a split from the right finds it."""
    return [regel.rsplit(",", 3)[1] for regel in ds.schoolregels]


def scholenlijst(ds: Dataset | None = None) -> str:
    """The reference date of the school list, to show with every school ("ca. 2020")."""
    return (laad() if ds is None else ds).scholenlijst


# --- how a school is shown ---------------------------------------------------------------


def _plaatsnaam(ds: Dataset, s: School) -> str:
    return s.plaats or ds.gemeenten[s.gemeente_code].naam


def toelichting(school: School, ds: Dataset | None = None) -> str:
    """One line on what and where the school is, like the place results':
    ``basisschool in Haarlem, vestiging 16NG00``."""
    ds = laad() if ds is None else ds
    gemeente = ds.gemeenten[school.gemeente_code].naam
    if not school.plaats:
        waar = f"in de gemeente {gemeente}"
    elif normaliseer(school.plaats) == normaliseer(gemeente):
        waar = f"in {school.plaats}"
    else:
        waar = f"in {school.plaats} (gemeente {gemeente})"
    return f"{school.soortnaam} {waar}, vestiging {school.code}"


def opmerking(school: School) -> str:
    """How the school's SWV is known, or why it has none: one Dutch sentence."""
    landelijk = f"{school.sector}0001"
    if school.reden == "landelijk":
        wanneer = "in 2015 " if school.herkomst_swv == "koppeling_2015" else ""
        return (
            f"Deze school hoorde {wanneer}bij het landelijke samenwerkingsverband {landelijk} "
            "(reformatorisch onderwijs), niet bij een regionaal samenwerkingsverband."
        )
    if school.reden == "regeling_zonder_swv":
        return (f"De regeling wijst voor postcode {school.postcode[:4]} geen "
                f"{school.sector}-samenwerkingsverband aan.")
    if school.reden == "postcode_niet_eenduidig":
        return (f"Het samenwerkingsverband van postcode {school.postcode[:4]} is niet eenduidig "
                "vast te stellen; de school zelf weet het.")
    if school.reden in ("postcode_onbekend", "geen_postcode"):
        return "De postcode van deze school is onbekend; het samenwerkingsverband ook."
    if school.herkomst_swv == "rio":
        return "Volgens DUO (RIO) hoort deze school bij dit samenwerkingsverband."
    if school.herkomst_swv == "koppeling_2015":
        return ("Volgens DUO hoorde deze school in schooljaar 2014-2015 bij dit "
                "samenwerkingsverband.")
    return (
        "Afgeleid van de postcode van de school. Een school van een landelijk "
        f"samenwerkingsverband ({landelijk}, reformatorisch onderwijs) hoort er niet bij."
    )


# --- search -------------------------------------------------------------------------------


def zoek_school(
    tekst: str, *, limiet: int = 5, typfouten: bool = True, ds: Dataset | None = None
) -> list[Schooltreffer]:
    """Schools for a name (with or without place) or a code, best first; [] when none.

    Equally good candidates all share the best score and are ``meerduidig``; ``gelijk``
    says how many there are, also beyond *limiet*. ``typfouten=False`` leaves out typo
    matches (scores below 80). A postcode, SWV code, gemeente code or a query that is
    exactly a place name gives []."""
    if not isinstance(tekst, str):
        raise OngeldigeInvoer("Geef een naam of code van een school op.")
    return _zoek(laad() if ds is None else ds, tekst[: MAX_LENGTE * 2], max(1, limiet),
                 typfouten)


def _zoek(ds: Dataset, tekst: str, limiet: int, typfouten: bool) -> list[Schooltreffer]:
    if code := lees_schoolcode(tekst):
        scholen = _per_code(ds, code)
        via = "code" if len(code) == 6 else "brin"
        return [Schooltreffer(s, 100.0, len(scholen) > 1, len(scholen), via)
                for s in scholen[:limiet]]
    sleutel = normaliseer(tekst)[:MAX_LENGTE].strip()
    if not sleutel or lees_postcode(sleutel) or lees_swv_code(sleutel) or lees_gemeentecode(
        sleutel
    ):
        return []
    eerste, _, rest = sleutel.partition(" ")
    if _plaatsfilter(ds, sleutel) is not None or (
        eerste in _SOORTWOORDEN and _plaatsfilter(ds, rest) is not None
    ):
        return []  # "Haarlem", "gemeente Haarlem": a place
    woorden = sleutel.split()
    # Readings of the query: all of it a name, or a name plus a place at its end, its
    # start or inside ("De Globe Haarlem", "Stedelijk Gymnasium, Leiden", "Haarlem De
    # Globe", "De Globe Haarlem obs").
    lezingen: list[tuple[Naam, Callable[[School], bool] | None, frozenset[str]]] = []
    for delen in _plaatsdelen(len(woorden)):
        if delen is None:  # the runs inside, only when neither end is a place
            if lezingen:
                break
            continue
        # The longest place at each end: "Den Hoorn", not "Hoorn".
        for begin, einde in delen:
            filter_ = _plaatsfilter(ds, " ".join(woorden[begin:einde]))
            if filter_ is not None:
                lezingen.append((_vraag(woorden[:begin] + woorden[einde:]), filter_,
                                 frozenset(woorden[begin:einde])))
                break
    # Last, so that on equal scores a reading with a place is the one reported.
    lezingen.append((_vraag(woorden), None, frozenset()))
    beste: dict[int, tuple[float, str]] = {}
    # Typos only when nothing else answers, as in the place search.
    for typo in (False, True) if typfouten else (False,):
        for naam, filter_, plaats in lezingen:
            via = "naam" if filter_ is None else "naam en plaats"
            _lees(ds, naam, filter_, plaats, via, typo, beste)
        if len(lezingen) > 1 and not any(score >= MIN_SCORE for score, _ in beste.values()):
            # No such school in that place: the same name elsewhere, as a suggestion.
            for naam, _filter, plaats in lezingen[:-1]:
                _lees(ds, naam, None, plaats, "andere plaats", typo, beste, _ELDERS)
        if any(score >= MIN_SCORE for score, _ in beste.values()):
            break
    return _treffers(ds, beste, limiet)


@lru_cache(maxsize=256)
def _vraag_tekst(tekst: str) -> Naam:
    return ontleed(tekst)


def _vraag(woorden: list[str]) -> Naam:
    return _vraag_tekst(" ".join(woorden))


@lru_cache(maxsize=16384)
def _naam(tekst: str) -> Naam:
    return ontleed(tekst)


def _plaatsdelen(n: int) -> list[list[tuple[int, int]] | None]:
    """(begin, end) of the word runs that may be a place, longest first: at the end,
    at the start, and (after the marker None) inside the query ("De Globe Haarlem
    obs"); always leaving a word for the name.

    >>> _plaatsdelen(3)
    [[(1, 3), (2, 3)], [(0, 2), (0, 1)], None, [(1, 2)]]
    """
    achter = [(begin, n) for begin in range(max(1, n - _PLAATSWOORDEN), n)]
    voor = [(0, einde) for einde in range(min(_PLAATSWOORDEN, n - 1), 0, -1)]
    binnen = sorted(
        ((begin, einde) for begin in range(1, n - 1)
         for einde in range(begin + 1, min(begin + _PLAATSWOORDEN, n - 1) + 1)),
        key=lambda d: (d[0] - d[1], d[0]),
    )
    return [achter, voor, None, binnen]


def _plaatsfilter(ds: Dataset, sleutel: str) -> Callable[[School], bool] | None:
    """Whether a school lies in the place called *sleutel* (gemeente, alias,
    woonplaats or former gemeente); None when it names no place."""
    gemeenten: set[str] = set()
    pc4s: set[str] = set()
    namen: set[tuple[str, str]] = set()
    for soort, ref in ds.zoekindex.exact(sleutel):
        if soort == "gemeente":
            gemeenten.add(ref)
        elif soort == "alias":
            gemeenten.add(ds.aliassen[int(ref)][1])
        elif soort == "woonplaats":
            w = ds.woonplaats(int(ref))
            pc4s.update(w.postcodes)
            namen.add((normaliseer(w.naam), w.gemeente_code))
        elif soort == "voormalige gemeente":
            v = ds.voormalige_gemeenten[int(ref)]
            eigen = ds.postcodes_per_gemeente_2015.get(v.naam)
            if eigen:  # its own PC4s: "Weesp" is not all of Amsterdam
                pc4s.update(p.postcode for p in eigen)
            else:
                gemeenten.update(v.opvolgers)
    if not (gemeenten or pc4s or namen):
        return None
    return lambda s: (
        s.gemeente_code in gemeenten
        or s.postcode[:4] in pc4s
        or (normaliseer(s.plaats), s.gemeente_code) in namen
    )


def _lees(
    ds: Dataset,
    vraag: Naam,
    filter_: Callable[[School], bool] | None,
    plaats: frozenset[str],
    via: str,
    typfouten: bool,
    beste: dict[int, tuple[float, str]],
    factor: float = 1.0,
) -> None:
    """Score every school that matches one reading of the query into *beste*."""
    kandidaten, varianten, typfout = _kandidaten(ds, vraag, typfouten)
    for nummer in kandidaten:
        school = ds.school(nummer)
        if filter_ is not None and not filter_(school):
            continue
        score = _score(ds, vraag, varianten, plaats, school)
        if score is None:
            continue
        if typfout:
            score = min(score * 0.8, MIN_SCORE - 0.1)
        score = round(score * factor, 1)
        eigen_via = "typfout" if typfout else via
        if nummer not in beste or score > beste[nummer][0]:
            beste[nummer] = (score, eigen_via)


def _kandidaten(
    ds: Dataset, vraag: Naam, typfouten: bool
) -> tuple[set[int], dict[str, tuple[frozenset[str], float]], bool]:
    """The rows that hold every own word of the query (or, for a query of school words
    only, every such word); per query word the name words it may stand for and what
    that costs; whether a typo was needed."""
    index = ds.schoolindex
    if not vraag.eigen:
        if not vraag.kern:
            return set(), {}, False
        sets = [set(index.rijen(f"={w}")) for w in vraag.kern]
        return set.intersection(*sets), {}, False
    varianten: dict[str, tuple[frozenset[str], float]] = {}
    rijen: set[int] | None = None
    typfout = False
    laatste = vraag.eigen[-1]
    for woord in vraag.eigen:
        eigen = set(index.rijen(woord))
        woorden, kosten = {woord}, 0.0
        if woord == laatste and len(woord) >= 3 and not eigen:
            # Still typing: "Stedelijk Gymn", "De Glo".
            for langer in index.met_prefix(woord)[:50]:
                eigen.update(index.rijen(langer))
                woorden.add(langer)
            kosten = 3.0
        if not eigen and typfouten and len(woord) >= 4:
            from rapidfuzz import fuzz, process

            for ander, _, _ in process.extract(
                woord, index.woorden, scorer=fuzz.ratio, limit=3, score_cutoff=MIN_SCORE
            ):
                if not ander.startswith("="):
                    eigen.update(index.rijen(ander))
                    woorden.add(ander)
            typfout = True
        varianten[woord] = (frozenset(woorden), kosten)
        rijen = eigen if rijen is None else rijen & eigen
        if not rijen:
            return set(), {}, False
    return rijen or set(), varianten, typfout


def _score(
    ds: Dataset,
    vraag: Naam,
    varianten: dict[str, tuple[frozenset[str], float]],
    plaats: frozenset[str],
    school: School,
) -> float | None:
    naam = _naam(school.naam)
    aftrek = afwijking(vraag.algemeen, naam, school.soort)
    if not vraag.eigen:  # school words only: "Montessorischool"
        score = 100.0 if vraag.kern == naam.kern else 80 + 15 * len(vraag.kern) / len(naam.kern)
        return max(score - aftrek, 0.0)
    # Words of its own place in a school's name may be left out ("Stedelijk Gymnasium"
    # for the "Stedelijk Gymnasium Arnhem" in Arnhem), as may initials.
    optioneel = naam.optioneel | _plaatswoorden(ds, school)
    nodig = [w for w in naam.eigen if w not in optioneel]
    gevonden = set(plaats & set(naam.eigen))
    for woorden, kosten in varianten.values():
        geraakt = woorden & set(naam.eigen)
        gevonden |= geraakt
        if kosten and geraakt:
            aftrek += kosten
    if not nodig:
        # A name of place words only ("Haarlem College" in Haarlem): its school words
        # are what tell it apart, so the query's must all fit.
        if afwijking(vraag.algemeen, naam, school.soort):
            return None
        return max(100.0 - aftrek, 0.0)
    deel = sum(w in gevonden for w in nodig) / len(nodig)
    if deel == 0:
        return None
    score = 100.0 if deel == 1 else 80 + 15 * deel
    return max(score - aftrek, 0.0)


def _plaatswoorden(ds: Dataset, school: School) -> frozenset[str]:
    return _woorden_van(school.plaats, ds.gemeenten[school.gemeente_code].naam)


@lru_cache(maxsize=4096)
def _woorden_van(plaats: str, gemeente: str) -> frozenset[str]:
    return frozenset(normaliseer(plaats).split()) | frozenset(normaliseer(gemeente).split())


def _treffers(ds: Dataset, beste: dict[int, tuple[float, str]], limiet: int) -> list[Schooltreffer]:
    if not beste:
        return []
    per_score = Counter(score for score, _ in beste.values())
    top = max(per_score)
    volgorde = sorted(
        beste.items(),
        key=lambda kv: (-kv[1][0], normaliseer(_plaatsnaam(ds, ds.school(kv[0]))),
                        normaliseer(ds.school(kv[0]).naam), kv[0]),
    )
    uit = []
    for nummer, (score, via) in volgorde[:limiet]:
        gelijk = per_score[score]
        uit.append(Schooltreffer(ds.school(nummer), score, score == top and gelijk > 1,
                                 gelijk, via))
    return uit
