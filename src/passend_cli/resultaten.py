"""Answers: one :class:`~passend_cli.antwoorden.Resultaat` per place, postcode or SWV, with
the SWVs that serve it and the Dutch notes that make a gap or a choice explicit."""

from __future__ import annotations

from collections import defaultdict

from passend_cli.antwoorden import Dekking, Resultaat
from passend_cli.dataset import Dataset
from passend_cli.model import SECTOREN, Samenwerkingsverband, School
from passend_cli.namen import GEMEENTE, VOORMALIG, WOONPLAATS, Kandidaat
from passend_cli.normaliseer import normaliseer


def voor(ds: Dataset, k: Kandidaat, score: float) -> Resultaat:
    """The answer for one name candidate."""
    if k.soort == GEMEENTE:
        return gemeente(ds, k.ref, score, k.via)
    if k.soort == WOONPLAATS:
        return woonplaats(ds, k, score)
    if k.soort == VOORMALIG:
        return voormalige_gemeente(ds, k.ref, score)
    return samenwerkingsverband(ds, ds.verbanden[k.ref], score)


def gemeente(ds: Dataset, code: str, score: float = 100.0, via: str = "") -> Resultaat:
    g = ds.gemeenten[code]
    toelichting = f"gemeente in {g.provincie}"
    if via and normaliseer(via) != normaliseer(g.naam):
        toelichting += f" (ook: {via})"
    pcs = tuple(p.postcode for p in ds.postcodes_per_gemeente.get(code, ()))
    dekking = ds.dekking_gemeente(code)
    return Resultaat("gemeente", g.naam, score, toelichting, g, dekking,
                     _wijzigingen(ds, [code], dekking), pc4s=pcs)


def woonplaats(ds: Dataset, k: Kandidaat, score: float) -> Resultaat:
    w = k.ref
    g = ds.gemeenten[w.gemeente_code]
    if w.officieel:
        toelichting = f"woonplaats in de gemeente {g.naam}"
    else:
        toelichting = f"kern of buurtschap in de gemeente {g.naam} (plaatsenlijst 2020)"
    if w.ook_in:
        toelichting += ", deels in " + _en(ds.gemeenten[c].naam for c in w.ook_in)
    pcs = [ds.postcodes[p] for p in w.postcodes if p in ds.postcodes]
    opmerkingen = []
    if pcs:
        dekking = ds.dekking(pcs)
    else:
        dekking = ds.dekking_gemeente(g.code)
        opmerkingen.append(
            f"Voor {w.naam} zijn geen eigen postcodes bekend; dit is het antwoord voor de "
            f"hele gemeente {g.naam}."
        )
    for sector in SECTOREN:
        if not any(d.verband.sector == sector for d in dekking):
            opmerkingen.append(
                f"Voor {w.naam} is geen {sector}-samenwerkingsverband bekend: de postcode is "
                "nieuwer dan de regeling en de gemeente valt onder meer dan één. Een school in "
                "de buurt of de gemeente weet welk het is."
            )
    eigen = tuple(p.postcode for p in pcs) or tuple(
        p.postcode for p in ds.postcodes_per_gemeente.get(g.code, ()))
    return Resultaat("woonplaats", w.naam, score, toelichting, g, dekking,
                     _wijzigingen(ds, [g.code, *w.ook_in], dekking), None, opmerkingen,
                     pc4s=eigen)


def voormalige_gemeente(ds: Dataset, v, score: float) -> Resultaat:
    opvolgers = [ds.gemeenten[c] for c in v.opvolgers]
    jaar = v.einddatum[:4]
    lijst = _en(g.naam for g in opvolgers)
    if len(opvolgers) == 1:
        toelichting = f"voormalige gemeente, sinds {jaar} onderdeel van {lijst}"
    else:
        toelichting = f"voormalige gemeente, sinds {jaar} verdeeld over {lijst}"
    # The regulation of 2015 still names gemeenten that merged later (Weesp): its PC4s
    # give the precise answer. Older ones are answered by their successors.
    eigen = ds.postcodes_per_gemeente_2015.get(v.naam) or [
        p for g in opvolgers for p in ds.postcodes_per_gemeente.get(g.code, ())]
    gemeente = opvolgers[0] if len(opvolgers) == 1 else None
    dekking = ds.dekking(eigen)
    return Resultaat("voormalige gemeente", v.naam, score, toelichting, gemeente, dekking,
                     _wijzigingen(ds, [g.code for g in opvolgers], dekking),
                     pc4s=tuple(p.postcode for p in eigen))


def samenwerkingsverband(ds: Dataset, v: Samenwerkingsverband, score: float = 100.0) -> Resultaat:
    gemeenten = ds.postcodes_per_verband.get(v.code, {})
    namen = sorted(ds.gemeenten[c].naam for c in gemeenten)
    kort = ", ".join(namen[:4]) + (f" en {len(namen) - 4} andere" if len(namen) > 4 else "")
    toelichting = f"samenwerkingsverband {v.regiocode}" + (f" ({kort})" if namen else "")
    return Resultaat("samenwerkingsverband", v.weergavenaam, score, toelichting, None,
                     ds.dekking_verband(v, None, ds.opvolging(v.code)),
                     ds.wijzigingen_voor(verbanden=[v.code]))


def school(ds: Dataset, s: School, score: float) -> Resultaat:
    """A school with the SWV it belongs to (PO for bo and sbo, VO for vo)."""
    from passend_cli import scholen

    dekking = ds.dekking_verband(ds.verbanden[s.swv], None, ds.opvolging(
        s.swv, s.gemeente_code)) if s.swv in ds.verbanden else []
    pc4 = s.postcode[:4]
    return Resultaat("school", s.naam, score, scholen.toelichting(s, ds),
                     ds.gemeenten.get(s.gemeente_code), dekking,
                     _wijzigingen(ds, [s.gemeente_code], dekking),
                     None, [scholen.opmerking(s)], pc4s=(pc4,) if pc4 in ds.postcodes else (),
                     school=s, scholenlijst=ds.scholenlijst)


def postcode(ds: Dataset, pc4: str) -> Resultaat | None:
    p = ds.postcodes.get(pc4)
    if p is None:
        return None
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
    if p.herkomst == "vorige":
        opmerkingen.append(
            f"DUO noemt postcode {pc4} niet; de samenwerkingsverbanden komen uit de "
            "meegeleverde gegevens (de regeling van 2015)."
        )
    for sector in SECTOREN:
        if p.swv(sector):
            continue
        if p.herkomst in ("regeling", "duo", "vorige"):
            bron = "DUO" if p.herkomst == "duo" else "De regeling"
            opmerkingen.append(
                f"{bron} wijst voor postcode {pc4} geen {sector}-samenwerkingsverband aan."
            )
        else:
            opmerkingen.append(
                f"Het {sector}-samenwerkingsverband van postcode {pc4} is niet vast te stellen: "
                f"{g.naam} valt onder meer dan één. De gemeente of een school in de buurt weet het."
            )
    dekking = ds.dekking([p])
    return Resultaat("postcode", pc4, 100.0, toelichting, g, dekking,
                     _wijzigingen(ds, [g.code], dekking), pc4, opmerkingen, pc4s=(pc4,))


def _wijzigingen(ds: Dataset, gemeenten: list[str], dekking: list[Dekking]) -> list:
    """The recorded changes about these gemeenten and about the SWVs that serve them."""
    return ds.wijzigingen_voor(gemeenten, [d.verband.code for d in dekking if d.verband.code])


def met_opmerking(r: Resultaat, opmerking: str) -> Resultaat:
    return r._replace(opmerkingen=[*r.opmerkingen, opmerking])


def overige_delen(ds: Dataset, plaats: Resultaat, code: str) -> str | None:
    """For a woonplaats that gives its name to its gemeente (Amsterdam): one sentence on
    the parts of the gemeente that other SWVs serve (Weesp), or None when there are
    none."""
    eigen = {d.verband.code for d in plaats.dekking}
    per_antwoord: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for p in ds.postcodes_per_gemeente.get(code, ()):
        codes = tuple(c for c in (p.po, p.vo) if c)
        if codes and not set(codes) <= eigen:
            per_antwoord[codes].append(p.postcode)
    if not per_antwoord:
        return None
    delen = []
    for codes, pcs in sorted(per_antwoord.items(), key=lambda kv: kv[1][0]):
        plaatsen = sorted({w.naam for p in pcs for w in ds.woonplaatsen_per_postcode.get(p, ())
                           if w.gemeente_code == code})
        reeks = f"postcode{'s' if len(pcs) > 1 else ''} {postcodereeks(pcs)}"
        wat = f"{_en(plaatsen)} ({reeks})" if plaatsen else reeks
        delen.append(f"{wat}: {', '.join(codes)}")
    return f"De gemeente {ds.gemeenten[code].naam} omvat ook " + "; ".join(delen) + "."


def postcodereeks(pcs: list[str] | tuple[str, ...]) -> str:
    """PC4s with consecutive runs shortened: ``1117-1119, 1161, 2131-2136``.

    >>> postcodereeks(["1381", "1382", "1383", "1161"])
    '1161, 1381-1383'
    """
    delen: list[str] = []
    reeks: list[int] = []
    for n in sorted(int(p) for p in pcs):
        if reeks and n == reeks[-1] + 1:
            reeks.append(n)
            continue
        if reeks:
            delen.append(_reeks(reeks))
        reeks = [n]
    if reeks:
        delen.append(_reeks(reeks))
    return ", ".join(delen)


def _reeks(reeks: list[int]) -> str:
    return f"{reeks[0]:04d}" if len(reeks) == 1 else f"{reeks[0]:04d}-{reeks[-1]:04d}"


def _en(namen) -> str:
    namen = list(namen)
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]
