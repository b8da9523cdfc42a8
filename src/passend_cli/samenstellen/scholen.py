"""Schools: each location with its current gemeente, its place and its SWV.

One set of rules for both inputs (the lists of about 2020 in the build, DUO's current
lists in the refresh). A school's SWV is the first of:

1. ``rio``: the SWV that DUO's RIO links the location to today;
2. ``koppeling_2015``: the SWV of the location in school year 2014-2015 (VO only),
   unless the PC4 areas are DUO's current ones and place it elsewhere: then the
   link is out of date and the postcode decides. A location missing from the link
   whose institution (BRIN) had its locations in a national SWV only is counted to
   that national SWV: the law ties the national SWV to the school's richting;
3. ``postcode``: the SWV of the PC4 of its postcode, for its sector.

A location in a *national* SWV (``PO0001``/``VO0001``, the reformatorische scholen)
is in no regional one (WPO art. 18a, WVO art. 17a, second paragraph): its SWV stays
empty with reason ``landelijk``. So does that of a location whose PC4 has no SWV, with
the reason why.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping

from passend_cli.bronnen.scholen import Vestiging
from passend_cli.normaliseer import normaliseer
from passend_cli.samenstellen.rijen import Rijen

HERKOMSTEN = ("rio", "koppeling_2015", "postcode")
REDENEN = (
    "landelijk",  # a national SWV (reformatorisch), not a regional one
    "regeling_zonder_swv",  # the regulation gives the PC4 no SWV (Europoort)
    "postcode_niet_eenduidig",  # a PC4 newer than the regulation, in a gemeente split over SWVs
    "postcode_onbekend",  # the PC4 is in neither the regulation nor a later list
    "geen_postcode",  # the list gives no postcode
)
_LANDELIJK = re.compile(r"(PO|VO)0001")


def plaatsen_per_postcode(woonplaatsen: Iterable[Mapping[str, str]]) -> dict[str, set[str]]:
    """PC4 -> the names of the woonplaatsen it belongs to (rows of woonplaatsen.csv):
    the spelling of place names in the refresh, where GeoNames is not at hand."""
    per: dict[str, set[str]] = defaultdict(set)
    for w in woonplaatsen:
        for pc in w["postcodes"].split():
            per[pc].add(w["naam"])
    return dict(per)


def maak_scholen(
    vestigingen: Iterable[Vestiging],
    basis: Rijen,
    *,
    plaatsen: Mapping[str, Collection[str]] | None = None,
    koppeling_2015: Mapping[str, str] | None = None,
    rio: Mapping[str, Collection[str]] | None = None,
    soorten: Mapping[str, str] | None = None,
    meldingen: list[str] | None = None,
) -> list[dict[str, str]]:
    """Rows of scholen.csv, sorted by code.

    *basis*: the rows the schools are placed in (gemeenten, aliassen,
    voormalige_gemeenten, postcodes, samenwerkingsverbanden). *plaatsen*: PC4 -> place
    names, to spell a place (DUO writes capitals) and to name the place of a school
    whose list gives none; default: from basis.woonplaatsen. *koppeling_2015*:
    vestigingscode -> VO SWV of 2015. *rio*: vestigingscode -> SWV codes today.
    *soorten*: vestigingscode -> kind, for a list that does not say bo or sbo.
    """
    meldingen = meldingen if meldingen is not None else []
    if plaatsen is None:
        plaatsen = plaatsen_per_postcode(basis.woonplaatsen)
    koppeling_2015, rio, soorten = koppeling_2015 or {}, rio or {}, soorten or {}
    postcodes = {p["postcode"]: p for p in basis.postcodes}
    verbanden = {v["code"] for v in basis.samenwerkingsverbanden}
    gemeente = _Gemeenten(basis)
    # Institutions whose linked locations were all in a national SWV in 2015.
    per_brin: dict[str, set[str]] = defaultdict(set)
    for vestiging, swv in koppeling_2015.items():
        per_brin[vestiging[:4]].add(swv)
    landelijke_brin = {
        brin: next(iter(codes)) for brin, codes in per_brin.items()
        if len(codes) == 1 and _LANDELIJK.fullmatch(next(iter(codes)))
    }
    rijen: dict[str, dict[str, str]] = {}
    tellers: Counter[str] = Counter()
    for v in vestigingen:
        if v.code in rijen:
            meldingen.append(f"school {v.code} staat twee keer in de lijst; de eerste telt")
            continue
        pc4 = v.postcode[:4]
        p = postcodes.get(pc4)
        code = gemeente.code(v, p)
        if code is None:
            meldingen.append(f"school {v.code} ({v.naam}): gemeente onbekend, overgeslagen")
            continue
        if p is not None and p["gemeente_code"] != code:
            tellers["andere gemeente dan de postcode"] += 1
        soort = v.soort or soorten.get(v.code) or _soort_uit_naam(v.naam)
        sector = "VO" if soort == "vo" else "PO"
        oud = koppeling_2015.get(v.code, "")
        if not oud and v.code[:4] in landelijke_brin:
            oud = landelijke_brin[v.code[:4]]
        swv, herkomst, reden = _swv(v.code, sector, pc4, p, rio, oud, verbanden, meldingen)
        rijen[v.code] = {
            "code": v.code,
            "naam": v.naam,
            "soort": soort,
            "straat": v.straat,
            "postcode": v.postcode,
            "plaats": _plaats(v.plaats, plaatsen.get(pc4, ())),
            "gemeente_code": code,
            "swv": swv,
            "herkomst_swv": herkomst,
            "reden": reden,
        }
    for wat, aantal in sorted(tellers.items()):
        meldingen.append(f"{aantal} scholen: {wat} (grensgebied of herindeling)")
    return [rijen[c] for c in sorted(rijen)]


def koppeling_2015_uit(scholen: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """The 2015 links that rows of scholen.csv were built from: vestigingscode -> SWV
    code (the national ``VO0001`` for a school with reason ``landelijk``)."""
    return {
        r["code"]: r["swv"] or f"{'VO' if r['soort'] == 'vo' else 'PO'}0001"
        for r in scholen if r["herkomst_swv"] == "koppeling_2015"
    }


def herleid_scholen(
    scholen: list[dict[str, str]],
    basis: Rijen,
    *,
    rio: Mapping[str, Collection[str]] | None = None,
    meldingen: list[str] | None = None,
) -> list[dict[str, str]]:
    """The rows of scholen.csv placed anew in *basis*: for a refresh that brings new
    areas (or RIO's links) but no school lists of its own. Same schools, same rules."""
    vestigingen = [
        Vestiging(r["code"], r["naam"], r["soort"], r["straat"], r["postcode"], r["plaats"],
                  "", r["gemeente_code"])
        for r in scholen
    ]
    return maak_scholen(vestigingen, basis, plaatsen={}, koppeling_2015=koppeling_2015_uit(scholen),
                        rio=rio, meldingen=meldingen)


def _soort_uit_naam(naam: str) -> str:
    """A primary school from a list that does not say its kind: sbo only where its name
    says so, as DUO's bo file names its special schools."""
    sleutel = f" {normaliseer(naam)} "
    if any(w in sleutel for w in (" sbo ", " sbao ", " ssbo ", " speciaal basisonderwijs ",
                                  " speciale school voor basisonderwijs ")):
        return "sbo"
    return "bo"


def _swv(
    code: str,
    sector: str,
    pc4: str,
    p: Mapping[str, str] | None,
    rio: Mapping[str, Collection[str]],
    oud: str,
    verbanden: set[str],
    meldingen: list[str],
) -> tuple[str, str, str]:
    """(SWV, herkomst, reden) of one school; see the module docstring."""
    van_postcode = (p or {}).get(sector.lower(), "")
    eigen = sorted(c for c in rio.get(code, ()) if c[:2] == sector)
    if eigen:
        regionaal = [c for c in eigen if c in verbanden]
        if len(regionaal) == 1:
            return regionaal[0], "rio", ""
        if any(_LANDELIJK.fullmatch(c) for c in eigen) and not regionaal:
            return "", "rio", "landelijk"
        if van_postcode in regionaal:
            return van_postcode, "rio", ""
        meldingen.append(f"school {code}: RIO noemt {', '.join(eigen)}; de postcode beslist")
    if oud[:2] == sector:
        if _LANDELIJK.fullmatch(oud):
            return "", "koppeling_2015", "landelijk"
        if oud in verbanden:
            if p is not None and p["herkomst"] == "duo" and van_postcode and van_postcode != oud:
                meldingen.append(f"school {code}: in 2015 {oud}, volgens DUO nu {van_postcode}")
            else:
                return oud, "koppeling_2015", ""
    if van_postcode:
        return van_postcode, "postcode", ""
    if not pc4:
        return "", "", "geen_postcode"
    if p is None:
        return "", "", "postcode_onbekend"
    if p["herkomst"] in ("regeling", "duo"):
        return "", "", "regeling_zonder_swv"
    return "", "", "postcode_niet_eenduidig"


class _Gemeenten:
    """A school's current gemeente from the name or code its list gives."""

    def __init__(self, basis: Rijen) -> None:
        self.bestaand = {g["code"] for g in basis.gemeenten}
        self.per_naam: dict[str, list[str]] = {}
        for g in basis.gemeenten:
            self.per_naam[normaliseer(g["naam"])] = [g["code"]]
        for a in basis.aliassen:
            self.per_naam.setdefault(normaliseer(a["alias"]), [a["gemeente_code"]])
        self.per_code: dict[str, list[str]] = {}
        for v in basis.voormalige_gemeenten:
            opvolgers = v["opvolgers"].split()
            self.per_naam.setdefault(normaliseer(v["naam"]), opvolgers)
            if v["code"]:
                self.per_code[v["code"]] = opvolgers

    def code(self, v: Vestiging, p: Mapping[str, str] | None) -> str | None:
        if v.gemeentecode in self.bestaand:
            codes = [v.gemeentecode]
        else:
            codes = self.per_code.get(v.gemeentecode) or self.per_naam.get(
                normaliseer(v.gemeente), []
            )
        van_postcode = p["gemeente_code"] if p is not None else None
        if len(codes) == 1:
            return codes[0]
        # A gemeente since divided (Haaren), or one the list does not name: the PC4 decides.
        if van_postcode and (not codes or van_postcode in codes):
            return van_postcode
        return None


_PROVINCIES = frozenset({"dr", "fl", "fr", "gld", "gn", "lb", "l", "nb", "nh", "ov", "ut",
                         "z", "ze", "zh", "o", "g"})


def _plaats(gegeven: str, bekend: Collection[str]) -> str:
    """A school's place: as spelled by a place list for its PC4 when the list's name
    ("EDE GLD", "NIEUWERKERK AD IJSSEL") is one of them; otherwise the name given,
    in capitals only when written so; for a list without places, the PC4's one place.

    >>> _plaats("EDE GLD", {"Ede"}), _plaats("", {"Haarlem"}), _plaats("", {"A", "B"})
    ('Ede', 'Haarlem', '')
    >>> _plaats("'S-HERTOGENBOSCH", set()), _plaats("NIEUWERKERK AD IJSSEL", set())
    ("'s-Hertogenbosch", 'Nieuwerkerk a/d IJssel')
    """
    if not gegeven:
        return next(iter(bekend)) if len(bekend) == 1 else ""
    sleutel = _vergelijk(gegeven)
    for naam in sorted(bekend):
        eigen = _vergelijk(naam)
        if sleutel == eigen:
            return naam
        rest = sleutel[len(eigen):].split()
        if sleutel.startswith(eigen + " ") and len(rest) == 1 and (
            rest[0] in _PROVINCIES or len(bekend) == 1
        ):
            return naam  # "EDE GLD", "NES AMELAND"
    return _hoofdletters(gegeven) if gegeven.isupper() else gegeven


def _vergelijk(naam: str) -> str:
    return re.sub(r"\bad\b", "aan de", normaliseer(naam))


_KLEIN = frozenset({"aan", "de", "den", "der", "en", "in", "op", "bij", "van", "onder"})


def _hoofdletters(naam: str) -> str:
    """A place name written in capitals, in its usual spelling (a best effort for
    names no place list has)."""
    delen = re.split(r"([ -])", naam.lower())
    uit = []
    for i, deel in enumerate(delen):
        if deel in (" ", "-", "", "'s", "'t"):
            uit.append(deel)
        elif deel == "ad" and i:
            uit.append("a/d")
        elif deel in _KLEIN and i:
            uit.append(deel)
        elif deel.startswith("ij"):
            uit.append("IJ" + deel[2:])
        else:
            uit.append(deel[:1].upper() + deel[1:])
    return "".join(uit)
