"""One search box: SWV code, gemeente code, postcode, address, or a place or SWV name.

A query is read, in this order, as an SWV code (``PO2707``, ``po 27-07``, ``27/07``), a
gemeente code (``GM0392``), a postcode (PC4 or PC6 in any spelling), an address or
sentence holding a postcode (``Kerkstraat 1, 2011 AB Haarlem``), and otherwise as a
name: whole, with a qualifier (``Zevenhuizen (Zuidplas)``), without filler words
(``wij wonen in Hoofddorp``), by its start or whole words, and last with a typo of a
couple of letters.

An answer is right or says that it is not sure: a name of several places is
``meerduidig`` and lists them all; a hamlet never headlines where an official
woonplaats of that name exists; a typo correction is labelled as such.
"""

from __future__ import annotations

from passend_cli import namen, resultaten
from passend_cli.antwoorden import Resultaat, Uitkomst
from passend_cli.dataset import Dataset, laad
from passend_cli.fouten import GeenVerbandMaarPlaats, LegeInvoer, NietGevonden, toonbaar
from passend_cli.model import MIN_SCORE, Samenwerkingsverband
from passend_cli.namen import GEMEENTE, VERBAND, VOORMALIG, WOONPLAATS, Kandidaat
from passend_cli.normaliseer import (
    kernen,
    lees_adres,
    lees_gemeentecode,
    lees_postcode,
    lees_schoolcode,
    lees_swv_code,
    normaliseer,
)

# Queries longer than any name only cost time; nothing that long can match.
MAX_LENGTE = 100
# The most candidates listed for a name of several places.
MAX_KANDIDATEN = 50


def _sleutel(zoekterm: str) -> str:
    if not isinstance(zoekterm, str):
        raise LegeInvoer("Geef een zoekterm op.")
    sleutel = normaliseer(zoekterm[: MAX_LENGTE * 2])[:MAX_LENGTE].strip()
    if not sleutel:
        raise LegeInvoer("Geef een plaatsnaam, gemeente, postcode of code op.")
    return sleutel


def zoek(
    zoekterm: str, *, limiet: int = 5, sector: str | None = None, typfouten: bool = True,
    ds: Dataset | None = None,
) -> Uitkomst:
    """The answer to a query: results best first (the first is *the* answer, unless
    ``meerduidig``, when all candidates are listed). ``typfouten=False`` leaves out typo
    corrections. *ds*: the dataset to answer from (default: the active one). Raises
    OngeldigeInvoer when the query holds nothing searchable."""
    sleutel = _sleutel(zoekterm)
    limiet = max(1, limiet)
    ds = laad() if ds is None else ds
    # A reading may add the number of candidates when it lists fewer (schools).
    gevonden, meerduidig, *meer = _lees(ds, zoekterm, sleutel, limiet, typfouten)
    if not meerduidig:
        gevonden = gevonden[:limiet]
    if sector:
        gevonden = [_filter_sector(r, sector.upper()) for r in gevonden]
    return Uitkomst(zoekterm, gevonden, meerduidig, meer[0] if meer else 0, ds.indeling())


def _filter_sector(r: Resultaat, sector: str) -> Resultaat:
    return r._replace(dekking=[d for d in r.dekking if d.verband.sector == sector])


def _lees(
    ds: Dataset, zoekterm: str, sleutel: str, limiet: int, typfouten: bool
) -> tuple[list[Resultaat], bool] | tuple[list[Resultaat], bool, int]:
    if (vast := _codes_en_postcodes(ds, zoekterm, sleutel)) is not None:
        # A BRIN code names all its locations: a choice when their SWVs differ.
        return vast, len({r.school.swv for r in vast if r.school}) > 1
    delen = kernen(sleutel)
    for kern in delen:
        if kandidaten := namen.exact(ds, kern) or namen.gekwalificeerd(ds, kern):
            return _kies(ds, kandidaten)
        if kern != sleutel and (vast := _codes_en_postcodes(ds, kern, kern)) is not None:
            return vast, False  # "postcode 2051", "swv 27-07"
    kern = delen[-1]
    plaatsen = namen.begin_of_woorden(ds, kern)
    # A school's whole name ranks above a place found by the start of its name or by
    # words inside it; schools are never found by a typo (too many names look alike).
    scholen = _scholen(ds, zoekterm, limiet)
    if scholen[0] and (not plaatsen or scholen[0][0].score == 100.0):
        return scholen
    if plaatsen:
        return _kies_los(ds, plaatsen, limiet)
    if typfouten and (treffers := namen.typfouten(ds, kern)):
        return _kies_los(ds, treffers, limiet)
    return [], False


def _scholen(ds: Dataset, zoekterm: str, limiet: int) -> tuple[list[Resultaat], bool, int]:
    """Schools by name (with place) or code, as results; ``meerduidig`` when several
    are equally good and their SWVs differ; and how many candidates there are when
    more than are listed."""
    from passend_cli.scholen import zoek_school

    if len(normaliseer(zoekterm)) < 3:
        return [], False, 0  # two letters name no school
    treffers = zoek_school(zoekterm, limiet=max(limiet, MAX_KANDIDATEN), typfouten=False,
                           ds=ds)
    # Below the threshold are schools of that name elsewhere than the place asked for:
    # suggestions, not answers.
    treffers = [t for t in treffers if t.score >= MIN_SCORE]
    if not treffers:
        return [], False, 0
    gelijk = [t for t in treffers if t.score == treffers[0].score]
    meerduidig = len(gelijk) > 1 and len({t.school.swv for t in gelijk}) > 1
    gekozen = gelijk if meerduidig else treffers[:limiet]
    meer = treffers[0].gelijk if meerduidig and treffers[0].gelijk > len(gekozen) else 0
    return [resultaten.school(ds, t.school, t.score) for t in gekozen], meerduidig, meer


def _codes_en_postcodes(ds: Dataset, zoekterm: str, sleutel: str) -> list[Resultaat] | None:
    """The readings that need no name index: codes, postcodes, addresses. None when
    the query is none of these; [] when it is one that names nothing ("9999")."""
    if code := lees_swv_code(sleutel):
        sector, nummer = code
        return [resultaten.samenwerkingsverband(ds, ds.verbanden[c])
                for c in ([f"{sector}{nummer}"] if sector else [f"PO{nummer}", f"VO{nummer}"])
                if c in ds.verbanden]
    if gm := lees_gemeentecode(sleutel):
        return [resultaten.gemeente(ds, gm)] if gm in ds.gemeenten else []
    if pc4 := lees_postcode(sleutel):
        r = resultaten.postcode(ds, pc4)
        return [r] if r else []
    adres = lees_adres(zoekterm)
    if adres and adres.postcode in ds.postcodes:
        return [_adres(ds, adres.postcode, adres.plaats)]
    if schoolcode := lees_schoolcode(zoekterm):
        from passend_cli.scholen import school_per_code

        return [resultaten.school(ds, s, 100.0) for s in school_per_code(schoolcode, ds)]
    return None


def _adres(ds: Dataset, pc4: str, plaats: str) -> Resultaat:
    """The answer for the postcode; a place named with it that lies elsewhere is noted."""
    r = resultaten.postcode(ds, pc4)
    assert r is not None
    genoemd = next((k for s in kernen(plaats) if plaats
                    for k in [namen.exact(ds, s) or namen.gekwalificeerd(ds, s)] if k), [])
    if not genoemd:
        return r
    gemeente = ds.postcodes[pc4].gemeente_code
    if any(gemeente in k.gemeenten() or (k.soort == WOONPLAATS and pc4 in k.ref.postcodes)
           for k in genoemd):
        return r
    g = ds.gemeenten[gemeente]
    return resultaten.met_opmerking(r, (
        f"Postcode {pc4} ligt in de gemeente {g.naam}, niet in {genoemd[0].naam}; "
        "het antwoord volgt de postcode."
    ))


def _hoofdplaats(ds: Dataset, g: Kandidaat, plaatsen: list[Kandidaat]) -> Kandidaat | None:
    """The woonplaats that gives its name to gemeente *g* (Amsterdam in Amsterdam)."""
    naam = normaliseer(ds.gemeenten[g.ref].naam)
    return next((p for p in plaatsen if p.ref.gemeente_code == g.ref
                 and normaliseer(p.naam) == naam), None)


def _plaatsen(kandidaten: list[Kandidaat]) -> tuple[list[Kandidaat], ...]:
    """Split candidates into gemeenten, official places, former gemeenten that are not
    one of those places, the rest (hamlets, former gemeenten that are: Weesp is a
    woonplaats and a former gemeente, one place) and SWVs."""
    gemeenten = [k for k in kandidaten if k.soort == GEMEENTE]
    officieel = [k for k in kandidaten if k.soort == WOONPLAATS and k.officieel]
    codes = {g.ref for g in gemeenten} | {c for p in officieel for c in p.gemeenten()}
    voormalig, rest = [], []
    for k in kandidaten:
        if k.soort == VOORMALIG and not set(k.ref.opvolgers) & codes:
            voormalig.append(k)
        elif k.soort == VOORMALIG or (k.soort == WOONPLAATS and not k.officieel):
            rest.append(k)
    verbanden = [k for k in kandidaten if k.soort == VERBAND]
    return gemeenten, officieel, voormalig, rest, verbanden


def _kop_van_gemeente(ds: Dataset, g: Kandidaat, officieel: list[Kandidaat]) -> list[Resultaat]:
    """The answer for gemeente *g*; when a woonplaats gives it its name and has an answer
    of its own (Amsterdam without Weesp), that place first, then the gemeente. The
    woonplaats is taken out of *officieel*."""
    gemeente = resultaten.voor(ds, g, 100.0)
    hoofd = _hoofdplaats(ds, g, officieel)
    if hoofd is None:
        return [gemeente]
    officieel.remove(hoofd)
    plaats = resultaten.voor(ds, hoofd, 100.0)
    if _codes(plaats) == _codes(gemeente):
        return [gemeente]
    zin = resultaten.overige_delen(ds, plaats, g.ref)
    return [plaats._replace(elders=zin or ""), gemeente]


def _kies(ds: Dataset, kandidaten: list[Kandidaat]) -> tuple[list[Resultaat], bool]:
    """Exact matches: the answer first and the other places after it, or every place
    when the name belongs to more than one (``meerduidig``)."""
    gemeenten, officieel, voormalig, rest, verbanden = _plaatsen(kandidaten)
    overig = [resultaten.voor(ds, k, 100.0) for k in rest + verbanden]
    if len(gemeenten) == 1:
        # A gemeente named like places elsewhere (Hengelo, Rijswijk) is the answer.
        eerst = _kop_van_gemeente(ds, gemeenten[0], officieel)
        andere = [resultaten.voor(ds, k, 100.0) for k in officieel + voormalig]
        return eerst + andere + overig, False
    if len(gemeenten) > 1:
        codes = {g.ref for g in gemeenten}
        officieel = [p for p in officieel if p.ref.gemeente_code not in codes]
    plaatsen = gemeenten + officieel + voormalig
    if not plaatsen:
        plaatsen = [k for k in rest if k.soort == WOONPLAATS]  # only hamlets carry it
        overig = [resultaten.voor(ds, k, 100.0) for k in rest + verbanden if k not in plaatsen]
    if len(plaatsen) > 1:
        alle = [resultaten.voor(ds, k, 100.0) for k in plaatsen[:MAX_KANDIDATEN]]
        return _op_gemeente(alle), True
    return [resultaten.voor(ds, k, 100.0) for k in plaatsen] + overig, False


def _kies_los(
    ds: Dataset, treffers: list[tuple[float, Kandidaat]], limiet: int
) -> tuple[list[Resultaat], bool]:
    """Matches by the start of a name, whole words or a typo: one place is the answer;
    several are listed, none of them as *the* answer."""
    kandidaten = [k for _, k in treffers]
    score = {k.id: s for s, k in treffers}
    gemeenten, officieel, voormalig, hamlets, verbanden = _plaatsen(kandidaten)
    for g in gemeenten:
        if (hoofd := _hoofdplaats(ds, g, officieel)) is not None:
            officieel.remove(hoofd)
    plaatsen = gemeenten + officieel + voormalig + verbanden or hamlets
    plaatsen.sort(key=lambda k: (-score[k.id], k.volgorde()))
    gevonden = [resultaten.voor(ds, k, score[k.id]) for k in plaatsen[:limiet]]
    return gevonden, len(plaatsen) > 1


def _codes(r: Resultaat) -> list[tuple[str, tuple[str, ...] | None]]:
    return [(d.verband.code, d.postcodes) for d in r.dekking]


def _op_gemeente(gevonden: list[Resultaat]) -> list[Resultaat]:
    """Candidates in a stable order a reader can scan: by province, then gemeente."""
    return sorted(gevonden, key=lambda r: (
        r.gemeente.provincie if r.gemeente else "", r.gemeente.naam if r.gemeente else "",
        r.naam))


# --- koppel: whole names only ------------------------------------------------------------


def vind(tekst: str, *, gemeente_eerst: bool = False, sector: str | None = None) -> Uitkomst:
    """The answer for a value in a file, where nobody can be asked: postcodes and codes
    as ``zoek`` reads them, names only when whole (after normalisation, aliases and
    qualifiers). ``meerduidig`` when the name belongs to places (hamlets included) that
    the SWVs of *sector* (default: both) tell apart. *gemeente_eerst*: the value comes
    from a column of gemeenten, so a gemeente of that name is meant."""
    sleutel = _sleutel(tekst)
    ds = laad()
    if (vast := _codes_en_postcodes(ds, tekst, sleutel)) is not None:
        return Uitkomst(tekst, vast, False)
    kandidaten = namen.exact(ds, sleutel) or namen.gekwalificeerd(ds, sleutel)
    gemeenten, officieel, voormalig, rest, _ = _plaatsen(kandidaten)
    if gemeente_eerst and len(gemeenten) == 1:
        return Uitkomst(tekst, [resultaten.voor(ds, gemeenten[0], 100.0)], False)
    gevonden = [_kop_van_gemeente(ds, g, officieel)[0] for g in gemeenten]
    gevonden += [resultaten.voor(ds, k, 100.0) for k in officieel + voormalig + rest
                 if k.soort == WOONPLAATS or k in voormalig]
    sectoren = {sector.upper()} if sector else {"PO", "VO"}
    verschillend = len({tuple(c for c, _ in _codes(r) if c[:2] in sectoren)
                        for r in gevonden}) > 1
    return Uitkomst(tekst, gevonden, verschillend)


# --- "Bedoelde u …?" and one SWV -----------------------------------------------------------


def suggesties(zoekterm: str, n: int = 3) -> list[str]:
    """Names that look like the query, each with its gemeente, for "Bedoelde u …?"."""
    try:
        sleutel = kernen(_sleutel(zoekterm))[-1]
    except LegeInvoer:
        return []
    if len(sleutel) < 3 or sleutel.replace(" ", "").isdigit():
        return []
    ds = laad()
    uit = []
    for k in namen.dichtbij(ds, sleutel, n):
        gemeenten = [ds.gemeenten[c].naam for c in k.gemeenten()[:1]]
        erbij = f" ({gemeenten[0]})" if gemeenten and gemeenten[0] != k.naam else ""
        uit.append(k.naam + erbij)
    return uit


def samenwerkingsverband(code_of_naam: str, ds: Dataset | None = None) -> Samenwerkingsverband:
    """One SWV by code (any spelling) or name, from *ds* (default: the active dataset).
    Raises NietGevonden with suggestions (the codes that serve a place, when a place
    name was given) otherwise."""
    ds = laad() if ds is None else ds
    tekst = (code_of_naam if isinstance(code_of_naam, str) else "")[:200]
    sleutel = normaliseer(tekst)
    if not sleutel:
        raise LegeInvoer("Geef een code of naam van een samenwerkingsverband op.")
    if code := lees_swv_code(sleutel):
        sector, nummer = code
        if sector and f"{sector}{nummer}" in ds.verbanden:
            return ds.verbanden[f"{sector}{nummer}"]
        codes = [c for c in (f"PO{nummer}", f"VO{nummer}") if c in ds.verbanden]
        if not sector and codes:
            # "27-07": the region number of a PO and a VO SWV; which one is meant?
            raise NietGevonden(
                f"'{toonbaar(tekst, 20)}' is het regionummer van {' en '.join(codes)}; "
                "kies er een.", suggesties=codes)
        raise NietGevonden(
            f"Er is geen samenwerkingsverband met code {sector or ''}{nummer}.",
            suggesties=[c for c in ds.verbanden
                        if c[2:4] == nummer[:2] and c[:2] == (sector or c[:2])][:5])
    swv = ([k for k in namen.exact(ds, sleutel) if k.soort == VERBAND]
           or [k for _, k in namen.begin_of_woorden(ds, sleutel) if k.soort == VERBAND])
    if len({k.ref for k in swv}) == 1:
        return ds.verbanden[swv[0].ref]
    if swv:
        codes = sorted({k.ref for k in swv})
        raise NietGevonden(
            f"'{toonbaar(tekst)}' past bij meer dan één samenwerkingsverband; kies een code.",
            suggesties=codes[:8])
    # A place name: point to the SWVs that serve it instead of guessing one of them.
    plaatsen, *_ = _lees(ds, tekst, sleutel, 1, False)
    if plaatsen:
        raise GeenVerbandMaarPlaats(
            f"'{toonbaar(tekst)}' is geen samenwerkingsverband maar een {plaatsen[0].soort}.",
            plaats=tekst, suggesties=[d.verband.code for d in plaatsen[0].dekking])
    raise NietGevonden(f"Geen samenwerkingsverband gevonden met de naam '{toonbaar(tekst)}'.")
