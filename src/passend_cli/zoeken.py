"""One search box: postcode, SWV code, or a ranked, typo-tolerant name search.

A query is tried, in this order, as a postcode (PC4 or PC6 in any spelling), as an SWV
code (``PO2707``, ``po 27-07``, ``VO-28.10``) and finally as a name of a gemeente,
alias, woonplaats, former gemeente or SWV. Names are ranked exact before prefix before
fuzzy; on equal footing gemeente before woonplaats before former gemeente before SWV.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from passend_cli.dataset import Dataset, laad
from passend_cli.fouten import (
    GeenVerbandMaarPlaats,
    LegeInvoer,
    NietGevonden,
    OngeldigeInvoer,
    toonbaar,
)
from passend_cli.model import Dekking, Resultaat, Samenwerkingsverband
from passend_cli.normaliseer import lees_postcode, lees_swv_code, normaliseer

_VOLGORDE = {"gemeente": 0, "woonplaats": 1, "voormalige gemeente": 2, "samenwerkingsverband": 3}

# Queries longer than any name only cost time; nothing that long can match.
MAX_LENGTE = 100
# The one threshold of certainty: name matches scoring below it (every typo match
# does) are corrections, not answers; koppel never accepts them.
MIN_SCORE = 80.0


# --- the name index -----------------------------------------------------------------


class _Ingang(NamedTuple):
    """One entry of the dataset's zoekindex, resolved to what is shown."""

    soort: str  # as shown: an alias is shown as its gemeente
    naam: str
    ref: Any  # gemeente code, Woonplaats, VoormaligeGemeente or SWV code
    via: str = ""  # the alias typed, when it differs from the shown name


def _ingang(ds: Dataset, soort: str, ref: str) -> _Ingang:
    if soort == "gemeente":
        return _Ingang(soort, ds.gemeenten[ref].naam, ref)
    if soort == "alias":
        alias, code = ds.aliassen[int(ref)]
        return _Ingang("gemeente", ds.gemeenten[code].naam, code, via=alias)
    if soort == "woonplaats":
        w = ds.woonplaats(int(ref))
        return _Ingang(soort, w.naam, w)
    if soort == "voormalige gemeente":
        v = ds.voormalige_gemeenten[int(ref)]
        return _Ingang(soort, v.naam, v)
    return _Ingang("samenwerkingsverband", ds.verbanden[ref].weergavenaam, ref)


# --- search ------------------------------------------------------------------------


def zoek(
    zoekterm: str, *, limiet: int = 5, sector: str | None = None, typfouten: bool = True
) -> list[Resultaat]:
    """Ranked results, best first; an empty list when nothing matches.

    ``typfouten=False`` leaves out typo matches (scores below 80), for callers that may
    not guess, such as ``koppel``. Raises OngeldigeInvoer when the query holds nothing
    searchable."""
    if not isinstance(zoekterm, str):
        raise OngeldigeInvoer("Geef een zoekterm op.")
    sleutel = normaliseer(zoekterm[: MAX_LENGTE * 2])[:MAX_LENGTE].strip()
    if not sleutel:
        raise LegeInvoer("Geef een plaatsnaam, gemeente, postcode of code op.")
    limiet = max(1, limiet)
    resultaten = _interpreteer(zoekterm, sleutel, limiet, typfouten)
    # People write "gemeente Haarlem" or "postcode 2051 AB"; a name that itself starts
    # with such a word ("Samenwerkingsverband Qinas") is found by the first try.
    eerste, _, rest = sleutel.partition(" ")
    if rest and eerste in _SOORTWOORDEN and not any(r.score >= MIN_SCORE for r in resultaten):
        resultaten = _interpreteer(rest, rest, limiet, typfouten) or resultaten
    return [_filter_sector(r, sector) for r in resultaten[:limiet]]


_SOORTWOORDEN = frozenset(
    {"gemeente", "woonplaats", "plaats", "dorp", "stad", "postcode", "samenwerkingsverband",
     "swv"}
)


def _interpreteer(
    zoekterm: str, sleutel: str, limiet: int, typfouten: bool
) -> list[Resultaat]:
    """SWV code, then postcode, then name: the first reading that fits decides."""
    if code := lees_swv_code(sleutel):
        return _zoek_code(*code)
    if pc4 := lees_postcode(sleutel):
        return _zoek_postcode(pc4)
    return _zoek_naam(sleutel, limiet, typfouten)


def _filter_sector(r: Resultaat, sector: str | None) -> Resultaat:
    if not sector:
        return r
    sector = sector.upper()
    return r._replace(dekking=[d for d in r.dekking if d.verband.sector == sector])


def _zoek_postcode(pc4: str) -> list[Resultaat]:
    ds = laad()
    p = ds.postcodes.get(pc4)
    if p is None:
        return []
    g = ds.gemeenten[p.gemeente_code]
    toelichting = f"postcode {pc4} in de gemeente {g.naam}"
    if p.gemeente_2015 and normaliseer(p.gemeente_2015) != normaliseer(g.naam):
        toelichting += f" (in de regeling van 2015: {p.gemeente_2015})"
    opmerkingen = []
    if p.herkomst == "afgeleid":
        opmerkingen.append(
            f"Postcode {pc4} is nieuwer dan de regeling van 2015; het samenwerkingsverband "
            "is afgeleid van de woonplaats of de gemeente."
        )
    for sector in ("PO", "VO"):
        if p.swv(sector):
            continue
        if p.herkomst in ("regeling", "duo"):
            bron = "De regeling" if p.herkomst == "regeling" else "DUO"
            opmerkingen.append(
                f"{bron} wijst voor postcode {pc4} geen {sector}-samenwerkingsverband aan."
            )
        else:
            opmerkingen.append(
                f"Het {sector}-samenwerkingsverband van postcode {pc4} is niet vast te stellen: "
                f"{g.naam} valt onder meer dan één. De gemeente of een school in de buurt weet het."
            )
    return [
        Resultaat(
            "postcode", pc4, 100.0, toelichting, g, ds.dekking([p]),
            ds.wijzigingen_voor([g.code]), pc4, opmerkingen,
        )
    ]


def _zoek_code(sector: str | None, nummer: str) -> list[Resultaat]:
    ds = laad()
    sectoren = [sector] if sector else ["PO", "VO"]
    uit = []
    for s in sectoren:
        v = ds.verbanden.get(f"{s}{nummer}")
        if v is not None:
            uit.append(_verband_resultaat(ds, v, 100.0))
    return uit


def _verband_resultaat(ds: Dataset, v: Samenwerkingsverband, score: float) -> Resultaat:
    gemeenten = ds.postcodes_per_verband.get(v.code, {})
    namen = sorted(ds.gemeenten[c].naam for c in gemeenten)
    kort = ", ".join(namen[:4]) + (f" en {len(namen) - 4} andere" if len(namen) > 4 else "")
    toelichting = f"samenwerkingsverband {v.regiocode} ({kort})" if namen else (
        f"samenwerkingsverband {v.regiocode}"
    )
    return Resultaat(
        "samenwerkingsverband", v.weergavenaam, score, toelichting, None,
        [Dekking(v, None)], ds.wijzigingen_voor(verbanden=[v.code]),
    )


def _zoek_naam(sleutel: str, limiet: int, typfouten: bool = True) -> list[Resultaat]:
    return _naar_resultaten(laad(), naam_treffers(sleutel, limiet * 3, typfouten), limiet)


def naam_treffers(
    sleutel: str, limiet: int, typfouten: bool = True
) -> list[tuple[int, float, _Ingang]]:
    """Ranked (tier, score, ingang) for a normalised name. Tiers: 0 exact, 1 prefix,
    2 whole words inside a longer name, 3 typo. Scores: 100 exact, 90-99.9 prefix,
    80-89.9 words inside, below 80 for typos (0.8 x the edit-distance similarity)."""
    ds = laad()
    index = ds.zoekindex
    gevonden: list[tuple[int, float, str, str, str]] = []  # (tier, score, key, soort, ref)
    for soort, ref in index.exact(sleutel):
        gevonden.append((0, 100.0, sleutel, soort, ref))
    if len(sleutel) >= 3:
        for s, soort, ref in index.met_prefix(sleutel):
            if s != sleutel:
                gevonden.append((1, 90.0 + 9.9 * len(sleutel) / len(s), s, soort, ref))
    if not gevonden:
        sleutels = index.sleutels
        treffer_sleutels: list[tuple[int, float, str]] = []
        if len(sleutel) >= 4 and sleutel in index.woordreeksen:
            omringd = f" {sleutel} "
            for s in sleutels:
                if omringd in f" {s} ":
                    treffer_sleutels.append((2, 80.0 + 9.9 * len(sleutel) / len(s), s))
        if typfouten:
            # rapidfuzz is imported only here: exact and prefix lookups never need it.
            from rapidfuzz import fuzz, process

            for s, score, _ in process.extract(
                sleutel, sleutels, scorer=fuzz.ratio, limit=limiet, score_cutoff=MIN_SCORE,
            ):
                treffer_sleutels.append((3, 0.8 * score, s))
        gevonden = [
            (tier, score, s, soort, ref)
            for tier, score, s in treffer_sleutels
            for soort, ref in index.exact(s)
        ]
    treffers = [(tier, score, _ingang(ds, soort, ref)) for tier, score, _, soort, ref in gevonden]
    treffers.sort(key=lambda t: (t[0], -t[1], _VOLGORDE[t[2].soort], t[2].naam, str(t[2].ref)))
    return treffers


def _naar_resultaten(
    ds: Dataset, treffers: list[tuple[int, float, _Ingang]], limiet: int
) -> list[Resultaat]:
    uit: list[Resultaat] = []
    gezien: set[tuple[str, str]] = set()
    gemeente_antwoorden: set[tuple[str, str]] = set()
    for _tier, score, i in treffers:
        if (i.soort, str(i.ref)) in gezien:
            continue
        gezien.add((i.soort, str(i.ref)))
        r = _resultaat(ds, i, score)
        # A woonplaats that shares its gemeente's name and answer adds nothing.
        antwoord = (normaliseer(r.naam), repr([(d.verband.code, d.postcodes) for d in r.dekking]))
        if i.soort == "gemeente":
            gemeente_antwoorden.add(antwoord)
        elif i.soort == "woonplaats" and antwoord in gemeente_antwoorden:
            continue
        uit.append(r)
        if len(uit) >= limiet:
            break
    return uit


def _resultaat(ds: Dataset, i: _Ingang, score: float) -> Resultaat:
    if i.soort == "gemeente":
        g = ds.gemeenten[i.ref]
        toelichting = f"gemeente in {g.provincie}"
        if i.via and normaliseer(i.via) != normaliseer(g.naam):
            toelichting = f"gemeente in {g.provincie} (ook: {i.via})"
        return Resultaat(
            "gemeente", g.naam, score, toelichting, g, ds.dekking_gemeente(g.code),
            ds.wijzigingen_voor([g.code]),
        )
    if i.soort == "woonplaats":
        w = i.ref
        g = ds.gemeenten[w.gemeente_code]
        pcs = [ds.postcodes[p] for p in w.postcodes if p in ds.postcodes]
        dekking = ds.dekking(pcs) if pcs else ds.dekking_gemeente(g.code)
        return Resultaat(
            "woonplaats", w.naam, score, f"woonplaats in de gemeente {g.naam}", g, dekking,
            ds.wijzigingen_voor([g.code]),
        )
    if i.soort == "voormalige gemeente":
        return _voormalig_resultaat(ds, i.ref, score)
    return _verband_resultaat(ds, ds.verbanden[i.ref], score)


def _voormalig_resultaat(ds: Dataset, v, score: float) -> Resultaat:
    opvolgers = [ds.gemeenten[c] for c in v.opvolgers]
    jaar = v.einddatum[:4]
    namen = [g.naam for g in opvolgers]
    lijst = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]
    if len(opvolgers) == 1:
        toelichting = f"voormalige gemeente, sinds {jaar} onderdeel van {lijst}"
    else:
        toelichting = f"voormalige gemeente, sinds {jaar} verdeeld over {lijst}"
    # The regulation of 2015 still names gemeenten that merged later (Weesp): its PC4s
    # give the precise answer. Older ones are answered by their successors.
    eigen = ds.postcodes_per_gemeente_2015.get(v.naam)
    if eigen:
        dekking = ds.dekking(eigen)
    else:
        dekking = ds.dekking(
            p for g in opvolgers for p in ds.postcodes_per_gemeente.get(g.code, ())
        )
    gemeente = opvolgers[0] if len(opvolgers) == 1 else None
    return Resultaat(
        "voormalige gemeente", v.naam, score, toelichting, gemeente, dekking,
        ds.wijzigingen_voor([g.code for g in opvolgers]),
    )

def suggesties(zoekterm: str, n: int = 3) -> list[str]:
    """Names for a "Bedoelde u …?" line when nothing matched well enough."""
    sleutel = normaliseer(str(zoekterm)[: MAX_LENGTE * 2])[:MAX_LENGTE]
    if len(sleutel) < 3 or sleutel.replace(" ", "").isdigit():
        return []
    from rapidfuzz import fuzz, process

    ds = laad()
    uit: list[str] = []
    for s, _score, _ in process.extract(
        sleutel, ds.zoekindex.sleutels, scorer=fuzz.ratio, limit=n * 3, score_cutoff=60
    ):
        naam = _ingang(ds, *ds.zoekindex.exact(s)[0]).naam
        if naam not in uit:
            uit.append(naam)
    return uit[:n]


# --- one SWV by code or name ----------------------------------------------------------


def samenwerkingsverband(code_of_naam: str) -> Samenwerkingsverband:
    """One SWV by code (any spelling) or name. Raises NietGevonden with suggestions
    (the codes that serve a place, when a place name was given) otherwise."""
    ds = laad()
    tekst = (code_of_naam if isinstance(code_of_naam, str) else "")[:200]
    sleutel = normaliseer(tekst)
    if not sleutel:
        raise LegeInvoer("Geef een code of naam van een samenwerkingsverband op.")
    if code := lees_swv_code(sleutel):
        sector, nummer = code
        if sector is None:
            # "27-07": the region number of a PO and a VO SWV; which one is meant?
            codes = [c for c in (f"PO{nummer}", f"VO{nummer}") if c in ds.verbanden]
            if codes:
                raise NietGevonden(
                    f"'{toonbaar(tekst, 20)}' is het regionummer van {' en '.join(codes)}; "
                    "kies er een.",
                    suggesties=codes,
                )
        elif f"{sector}{nummer}" in ds.verbanden:
            return ds.verbanden[f"{sector}{nummer}"]
        gevraagd = f"{sector or ''}{nummer}"
        raise NietGevonden(
            f"Er is geen samenwerkingsverband met code {gevraagd}.",
            suggesties=[c for c in ds.verbanden
                        if c[2:4] == nummer[:2] and c[:2] == (sector or c[:2])][:5],
        )
    swv = [t for t in naam_treffers(sleutel, 10) if t[2].soort == "samenwerkingsverband"]
    if swv:
        return ds.verbanden[swv[0][2].ref]
    # A place name: point to the SWVs that serve it instead of guessing one of them.
    plaatsen = _interpreteer(tekst, sleutel, 1, True)
    if plaatsen:
        raise GeenVerbandMaarPlaats(
            f"'{toonbaar(tekst)}' is geen samenwerkingsverband maar een {plaatsen[0].soort}.",
            plaats=tekst, suggesties=[d.verband.code for d in plaatsen[0].dekking],
        )
    raise NietGevonden(f"Geen samenwerkingsverband gevonden met de naam '{toonbaar(tekst)}'.")
