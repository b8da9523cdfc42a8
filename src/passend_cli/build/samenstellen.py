"""Assemble the dataset from the source records.

The regulation's annex (2015) is authoritative for which SWV serves which PC4. Its
gemeente names are rolled forward to the current indeling, as article 3 of the
regulation prescribes, using RvIG Tabel 33 (herindelingen up to 2019) and the list of
later herindelingen below. Every function returns rows in the bundled file format, so
``passend data update`` can reuse them with fresh regio-indeling data from DUO.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from passend_cli.build import bronnen as b
from passend_cli.normaliseer import normaliseer

# The annex's text is that of 23 April 2015: herindelingen after this date rename.
PEILDATUM_REGELING = "2015-04-23"

# Herindelingen after Tabel 33 (2019) ends: (date, former gemeente, successor(s)).
# The successors are checked against GeoNames 2024 by ``controleer_tegen_geonames``.
LATERE_HERINDELINGEN: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("2021-01-01", "Appingedam", ("Eemsdelta",)),
    ("2021-01-01", "Delfzijl", ("Eemsdelta",)),
    ("2021-01-01", "Loppersum", ("Eemsdelta",)),
    ("2021-01-01", "Haaren", ("Boxtel", "Oisterwijk", "Tilburg", "Vught")),
    ("2022-01-01", "Heerhugowaard", ("Dijk en Waard",)),
    ("2022-01-01", "Langedijk", ("Dijk en Waard",)),
    ("2022-01-01", "Boxmeer", ("Land van Cuijk",)),
    ("2022-01-01", "Cuijk", ("Land van Cuijk",)),
    ("2022-01-01", "Grave", ("Land van Cuijk",)),
    ("2022-01-01", "Mill en Sint Hubert", ("Land van Cuijk",)),
    ("2022-01-01", "Sint Anthonis", ("Land van Cuijk",)),
    ("2022-01-01", "Landerd", ("Maashorst",)),
    ("2022-01-01", "Uden", ("Maashorst",)),
    ("2022-01-01", "Beemster", ("Purmerend",)),
    ("2022-03-24", "Weesp", ("Amsterdam",)),
    ("2023-01-01", "Brielle", ("Voorne aan Zee",)),
    ("2023-01-01", "Hellevoetsluis", ("Voorne aan Zee",)),
    ("2023-01-01", "Westvoorne", ("Voorne aan Zee",)),
)

# Gemeenten that were divided over several successors after the annex was written.
# Tabel 33 records only one successor for each, so their PC4s follow GeoNames 2024.
GESPLITST = ("Littenseradiel", "Winsum", "Haaren")

# Names people type for a gemeente that no source spells as its official name.
# The CBS 2025 official forms ("Hengelo (O.)") are added from the regioviewer source.
ALIASSEN: tuple[tuple[str, str], ...] = (
    ("Den Haag", "'s-Gravenhage"),
    ("Den Bosch", "'s-Hertogenbosch"),
    ("De Friese Meren", "De Fryske Marren"),
    ("Súdwest-Friesland", "Súdwest-Fryslân"),
    ("Zuidwest-Friesland", "Súdwest-Fryslân"),
    ("Noardeast-Friesland", "Noardeast-Fryslân"),
    ("Noordoost-Friesland", "Noardeast-Fryslân"),
    ("Bergen NH", "Bergen (NH.)"),
    ("Bergen Noord-Holland", "Bergen (NH.)"),
    ("Bergen L", "Bergen (L.)"),
    ("Bergen Limburg", "Bergen (L.)"),
    ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
)

_GEEN_SUFFIX = re.compile(r"\s*\(.*\)\s*$")


@dataclass
class Dataset:
    """All rows of the bundled files, keyed by file stem; see ``schrijven``."""

    gemeenten: list[dict[str, str]] = field(default_factory=list)
    postcodes: list[dict[str, str]] = field(default_factory=list)
    woonplaatsen: list[dict[str, str]] = field(default_factory=list)
    voormalige_gemeenten: list[dict[str, str]] = field(default_factory=list)
    aliassen: list[dict[str, str]] = field(default_factory=list)
    samenwerkingsverbanden: list[dict[str, str]] = field(default_factory=list)
    wijzigingen: list[dict[str, str]] = field(default_factory=list)
    zoekindex: list[dict[str, str]] = field(default_factory=list)  # made by ``schrijven``
    meldingen: list[str] = field(default_factory=list)  # build diagnostics, not shipped


class BouwFout(Exception):
    """The sources do not add up; the message says where."""


# --- gemeenten ---------------------------------------------------------------------


def maak_gemeenten(cbs: list[b.CbsGemeente]) -> list[dict[str, str]]:
    return sorted(
        ({"code": g.code, "naam": g.naam, "provincie": g.provincie} for g in cbs),
        key=lambda r: r["code"],
    )


class Namen:
    """Resolves the many spellings of a current gemeente name to its GM code."""

    def __init__(self, gemeenten: list[dict[str, str]], extra: dict[str, str]) -> None:
        self.per_sleutel: dict[str, str] = {}
        self.naam = {g["code"]: g["naam"] for g in gemeenten}
        self.provincie = {g["code"]: g["provincie"] for g in gemeenten}
        for g in gemeenten:
            self.per_sleutel[normaliseer(g["naam"])] = g["code"]
        for alias, code in extra.items():
            self.per_sleutel.setdefault(normaliseer(alias), code)

    def code(self, naam: str, provincie: str = "") -> str | None:
        sleutel = normaliseer(naam)
        if sleutel in self.per_sleutel:
            return self.per_sleutel[sleutel]
        # "Bergen" is two gemeenten; the province tells which.
        kandidaten = [
            code
            for code, n in self.naam.items()
            if normaliseer(_GEEN_SUFFIX.sub("", n)) == sleutel
            and (not provincie or _zelfde_provincie(self.provincie[code], provincie))
        ]
        return kandidaten[0] if len(kandidaten) == 1 else None


def _zelfde_provincie(a: str, b_: str) -> bool:
    # Sources write both "Fryslân" and "Friesland".
    vouw = {"friesland": "fryslan"}
    na, nb = normaliseer(a), normaliseer(b_)
    return vouw.get(na, na) == vouw.get(nb, nb)


def maak_aliassen(namen: Namen, officieel: dict[str, str]) -> list[dict[str, str]]:
    rijen = {}
    for alias, naam in ALIASSEN:
        code = namen.code(naam)
        if code is None:
            raise BouwFout(f"alias {alias!r}: onbekende gemeente {naam!r}")
        rijen[(alias, code)] = {"alias": alias, "gemeente_code": code}
    for code, naam in officieel.items():
        if code in namen.naam and naam != namen.naam[code]:
            rijen[(naam, code)] = {"alias": naam, "gemeente_code": code}
    return sorted(rijen.values(), key=lambda r: (normaliseer(r["alias"]), r["gemeente_code"]))


# --- rolling the 2015 names forward ------------------------------------------------


@dataclass(frozen=True)
class Opheffing:
    naam: str
    code: str  # the former four-digit gemeentecode, where known
    datum: str
    opvolgers: tuple[str, ...]  # names of the gemeente(n) it went into


def opheffingen(brp: list[b.BrpGemeente]) -> list[Opheffing]:
    """Every gemeente that ceased since 2013, with its direct successor(s) by name."""
    naam_van = {g.code: g.naam for g in brp}
    code_van = {g.naam: g.code for g in brp if not g.einddatum or g.einddatum >= "2013"}
    uit = [
        Opheffing(g.naam, g.code, g.einddatum, (naam_van[g.nieuwe_code],))
        for g in brp
        if g.einddatum >= "2013-01-01" and g.nieuwe_code
    ]
    uit += [Opheffing(n, code_van.get(n, ""), d, opv) for d, n, opv in LATERE_HERINDELINGEN]
    return uit


def rol_door(naam: str, opgeheven: dict[str, Opheffing], namen: Namen) -> list[str]:
    """The current gemeente code(s) that the gemeente called *naam* is now part of."""
    gezien = set()
    huidige = [naam]
    while any(n in opgeheven for n in huidige):
        volgende = []
        for n in huidige:
            if n in gezien:
                raise BouwFout(f"kringverwijzing in herindelingen bij {n!r}")
            gezien.add(n)
            volgende.extend(opgeheven[n].opvolgers if n in opgeheven else [n])
        huidige = volgende
    codes = []
    for n in huidige:
        code = namen.code(n)
        if code is None:
            raise BouwFout(f"gemeente {n!r} (uit {naam!r}) staat niet in de huidige indeling")
        if code not in codes:
            codes.append(code)
    return codes


def _regeling_naam(naam: str, brp_namen: set[str]) -> str:
    """The Tabel 33 spelling of a gemeente name as printed in the annex."""
    if naam in brp_namen:
        return naam
    sleutel = normaliseer(naam)
    gelijk = [n for n in brp_namen if normaliseer(n) == sleutel]
    if len(gelijk) == 1:
        return gelijk[0]
    return naam


# --- postcodes ---------------------------------------------------------------------


def _geonames_per_postcode(geonames: list[b.GeonamesRij]) -> dict[str, Counter[str]]:
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for r in geonames:
        if r.gemeente_code:
            per[r.postcode][r.gemeente_code] += 1
    return per


def maak_postcodes(
    regeling: list[b.RegelingRij],
    geonames: list[b.GeonamesRij],
    namen: Namen,
    opgeheven: dict[str, Opheffing],
    brp_namen: set[str],
    woonplaats_code: dict[str, str],
    meldingen: list[str],
) -> list[dict[str, str]]:
    """One row per PC4: the annex's PC4s with their current gemeente, then the newer
    PC4s that GeoNames knows, with the SWV of their gemeente where that is unambiguous."""
    geo = _geonames_per_postcode(geonames)
    rijen: dict[str, dict[str, str]] = {}
    for r in regeling:
        if r.postcode in rijen:
            raise BouwFout(f"postcode {r.postcode} staat twee keer in de regeling")
        naam = _regeling_naam(r.gemeente, brp_namen)
        codes = rol_door(naam, opgeheven, namen)
        if len(codes) > 1 or naam in GESPLITST:
            codes = _kies_uit_geonames(r.postcode, codes, geo, naam, meldingen)
        rijen[r.postcode] = {
            "postcode": r.postcode,
            "gemeente_code": codes[0],
            "po": r.po,
            "vo": r.vo,
            "herkomst": "regeling",
            "gemeente_2015": r.gemeente,
        }

    # Newer PC4s: the gemeente from GeoNames (or, where GeoNames left the gemeente
    # blank, from the postal place name); the SWV only where the gemeente has one.
    per_gemeente: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"po": set(), "vo": set()})
    for rij in rijen.values():
        for sector in ("po", "vo"):
            if rij[sector]:
                per_gemeente[rij["gemeente_code"]][sector].add(rij[sector])
    per_gemeente_pc: dict[str, list[str]] = defaultdict(list)
    for rij in rijen.values():
        per_gemeente_pc[rij["gemeente_code"]].append(rij["postcode"])
    plaats_per_postcode: dict[str, list[str]] = defaultdict(list)
    postcodes_per_plaats: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in geonames:
        plaats_per_postcode[g.postcode].append(g.plaats)
        postcodes_per_plaats[(normaliseer(g.plaats), g.gemeente_code)].add(g.postcode)
    for postcode in sorted(set(plaats_per_postcode) - set(rijen)):
        if geo.get(postcode):
            code = _meest_voorkomend(geo[postcode])
        else:
            plaatsen = plaats_per_postcode[postcode]
            kandidaten = {woonplaats_code.get(normaliseer(p)) for p in plaatsen}
            kandidaten.discard(None)
            if len(kandidaten) != 1:
                meldingen.append(f"nieuwe postcode {postcode}: gemeente onbekend, overgeslagen")
                continue
            code = kandidaten.pop()
        # GeoNames has a few typos (1234 in Vaals, 5217 in Den Haag): a new PC4 whose
        # first two digits occur nowhere else in its gemeente is not believed.
        if not any(p[:2] == postcode[:2] for p in per_gemeente_pc[code]):
            meldingen.append(f"nieuwe postcode {postcode}: past niet bij de gemeente, overgeslagen")
            continue
        # In a gemeente split over several SWVs, a new PC4 of a postal place whose
        # other PC4s all share one SWV (a new street in Weesp) follows that place.
        swv = {"po": set(), "vo": set()}
        for plaats in plaats_per_postcode[postcode]:
            for buur in postcodes_per_plaats[(normaliseer(plaats), code)]:
                if buur in rijen and rijen[buur]["gemeente_code"] == code:
                    for sector in ("po", "vo"):
                        if rijen[buur][sector]:
                            swv[sector].add(rijen[buur][sector])
        for sector in ("po", "vo"):
            if len(swv[sector]) != 1:
                swv[sector] = per_gemeente[code][sector]
        rijen[postcode] = {
            "postcode": postcode,
            "gemeente_code": code,
            "po": next(iter(swv["po"])) if len(swv["po"]) == 1 else "",
            "vo": next(iter(swv["vo"])) if len(swv["vo"]) == 1 else "",
            "herkomst": "afgeleid",
            "gemeente_2015": "",
        }
    return [rijen[p] for p in sorted(rijen)]


def _meest_voorkomend(teller: Counter[str]) -> str:
    return sorted(teller.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _kies_uit_geonames(
    postcode: str,
    opvolgers: list[str],
    geo: dict[str, Counter[str]],
    naam: str,
    meldingen: list[str],
) -> list[str]:
    teller = geo.get(postcode, Counter())
    # Successors by Tabel 33 may be incomplete for a split gemeente, so any current
    # gemeente GeoNames gives for this PC4 is accepted; ties go to the listed successor.
    if teller:
        beste = sorted(
            teller.items(), key=lambda kv: (-kv[1], kv[0] not in opvolgers, kv[0])
        )[0][0]
        return [beste]
    meldingen.append(f"postcode {postcode} ({naam}): niet in GeoNames, eerste opvolger gekozen")
    return opvolgers[:1]


def controleer_tegen_geonames(
    postcodes: list[dict[str, str]], geonames: list[b.GeonamesRij], meldingen: list[str]
) -> None:
    """Report annex PC4s whose rolled-forward gemeente GeoNames does not know there."""
    geo = _geonames_per_postcode(geonames)
    afwijkend = [
        p["postcode"]
        for p in postcodes
        if p["herkomst"] == "regeling" and geo.get(p["postcode"])
        and p["gemeente_code"] not in geo[p["postcode"]]
    ]
    if afwijkend:
        meldingen.append(
            f"{len(afwijkend)} postcodes van de regeling liggen volgens GeoNames in een andere "
            f"gemeente (grensgebied): {' '.join(afwijkend)}"
        )


# --- woonplaatsen ------------------------------------------------------------------


def maak_woonplaatsen(
    quiz: list[b.WoonplaatsRij],
    wiki: Iterable[b.WoonplaatsRij],
    geonames: list[b.GeonamesRij],
    postcodes: list[dict[str, str]],
    namen: Namen,
    opgeheven: dict[str, Opheffing],
    meldingen: list[str],
) -> list[dict[str, str]]:
    """Woonplaatsen with their current gemeente and, where known, their PC4s, so a
    village in a gemeente split over several SWVs still gets one precise answer."""
    geo_pc: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in geonames:
        if g.gemeente_code:
            geo_pc[(normaliseer(g.plaats), g.gemeente_code)].add(g.postcode)
    gemeente_van = {p["postcode"]: p["gemeente_code"] for p in postcodes}

    rijen: dict[tuple[str, str], dict[str, str]] = {}
    for w in quiz:
        code = namen.code(w.gemeente, w.provincie)
        if code is None:
            raise BouwFout(f"woonplaats {w.naam!r}: gemeente {w.gemeente!r} onbekend")
        pcs = {
            p for p in geo_pc.get((normaliseer(w.naam), code), ()) if gemeente_van.get(p) == code
        }
        rijen[(normaliseer(w.naam), code)] = {
            "naam": w.naam,
            "gemeente_code": code,
            "postcodes": " ".join(sorted(pcs)),
            "bron": "woonplaatsen",
        }

    overgeslagen = 0
    for w in wiki:
        pcs: set[str] = set()
        if w.postcodes:
            laag, hoog = int(w.postcodes[0]), int(w.postcodes[1])
            if 0 <= hoog - laag <= 20:
                pcs = {f"{n:04d}" for n in range(laag, hoog + 1)} & set(gemeente_van)
        code = namen.code(w.gemeente, w.provincie)
        if code is None and w.gemeente in opgeheven:
            opvolgers = rol_door(w.gemeente, opgeheven, namen)
            if len(opvolgers) == 1:
                code = opvolgers[0]
            else:  # a split gemeente: the place's own PC4s decide, if they agree
                via_pc = {gemeente_van[p] for p in pcs}
                code = via_pc.pop() if len(via_pc) == 1 else None
        if code is None:
            overgeslagen += 1
            continue
        sleutel = (normaliseer(w.naam), code)
        if sleutel in rijen:
            continue
        pcs = {p for p in pcs if gemeente_van[p] == code}
        rijen[sleutel] = {
            "naam": w.naam,
            "gemeente_code": code,
            "postcodes": " ".join(sorted(pcs)),
            "bron": "wikipedia",
        }
    if overgeslagen:
        meldingen.append(f"{overgeslagen} plaatsen uit de Wikipedia-lijst niet eenduidig")
    return sorted(rijen.values(), key=lambda r: (normaliseer(r["naam"]), r["gemeente_code"]))


# --- former gemeenten --------------------------------------------------------------


def maak_voormalige_gemeenten(
    ops: list[Opheffing],
    opgeheven: dict[str, Opheffing],
    postcodes: list[dict[str, str]],
    namen: Namen,
) -> list[dict[str, str]]:
    # A gemeente split after 2015 went where its PC4s went; the annex names them.
    via_postcodes: dict[str, set[str]] = defaultdict(set)
    for p in postcodes:
        if p["gemeente_2015"]:
            via_postcodes[normaliseer(p["gemeente_2015"])].add(p["gemeente_code"])
    rijen = []
    for o in ops:
        opvolgers = rol_door(o.naam, opgeheven, namen)
        if o.naam in GESPLITST:
            opvolgers = sorted(via_postcodes[normaliseer(o.naam)])
        rijen.append(
            {
                "naam": o.naam,
                "code": f"GM{o.code}" if o.code else "",
                "einddatum": o.datum,
                "opvolgers": " ".join(opvolgers),
            }
        )
    return sorted(rijen, key=lambda r: (normaliseer(r["naam"]), r["einddatum"]))


# --- samenwerkingsverbanden --------------------------------------------------------

_CONTACTVELDEN = (
    ("naam", "naam"),
    ("ook_bekend_als", "ook_bekend_als"),
    ("website", "website"),
    ("straat", "street"),
    ("postcode", "postcode"),
    ("plaats", "place"),
    ("email", "email"),
    ("telefoon", "phone"),
    ("bewijs", "evidence"),
    ("bronnen", "source_urls"),
)


def maak_samenwerkingsverbanden(
    codes: Iterable[str], contacten: list[dict[str, str]]
) -> list[dict[str, str]]:
    per_code = {c["code"]: c for c in contacten}
    rijen = []
    for code in sorted(set(codes)):
        bron = per_code.get(code, {})
        rij = {"code": code, "sector": code[:2]}
        for veld, bronveld in _CONTACTVELDEN:
            rij[veld] = " ".join(bron.get(bronveld, "").split())
        rijen.append(rij)
    return rijen


# --- known changes after the annex ---------------------------------------------------

# Facts from the SWV web pages (see swv-webpages/PROVENANCE.md), as sentences shown
# with the places concerned. Gemeenten by current name; SWV by regulation code.
WIJZIGINGEN: tuple[dict[str, str], ...] = (
    {
        "datum": "2018-08-01",
        "swv": "VO2810",
        "gemeenten": "Hoeksche Waard",
        "tekst": "Sinds 1 augustus 2018 heeft de Hoeksche Waard een eigen samenwerkingsverband "
        "voor voortgezet onderwijs (stichting Passend Voortgezet Onderwijs Hoeksche Waard). "
        "De regeling van 2015 rekent dit gebied nog tot VO2810 (Koers VO).",
        "bron": "https://csgdewaard.nl/nieuws/1000-swv-passend-vo-hw",
    },
    {
        "datum": "2016-10",
        "swv": "PO2811 VO2805",
        "gemeenten": "Goeree-Overflakkee",
        "tekst": "Sinds oktober 2016 werken het PO- en het VO-samenwerkingsverband van "
        "Goeree-Overflakkee onder één gezamenlijke koepelorganisatie.",
        "bron": "",
    },
)


def maak_wijzigingen(namen: Namen, contacten: list[dict[str, str]]) -> list[dict[str, str]]:
    per_code = {c["code"]: c for c in contacten}
    rijen = []
    for w in WIJZIGINGEN:
        codes = []
        for naam in w["gemeenten"].split(";"):
            code = namen.code(naam.strip())
            if code is None:
                raise BouwFout(f"wijziging: onbekende gemeente {naam!r}")
            codes.append(code)
        bron = w["bron"] or " ".join(
            dict.fromkeys(
                url
                for swv in w["swv"].split()
                for url in per_code.get(swv, {}).get("source_urls", "").split()[:1]
            )
        )
        rijen.append({**w, "gemeenten": " ".join(codes), "bron": bron})
    return sorted(rijen, key=lambda r: (r["datum"], r["swv"]))


# --- everything together -----------------------------------------------------------


def bouw(bronnen) -> Dataset:
    """Read every source under *bronnen* and assemble the dataset."""
    ds = Dataset()
    brp = b.lees_brp(bronnen)
    officieel = b.lees_regioviewer(bronnen)
    ds.gemeenten = maak_gemeenten(b.lees_cbs(bronnen))
    namen = Namen(ds.gemeenten, {a: n for a, n in _alias_codes(ds.gemeenten)})
    ds.aliassen = maak_aliassen(namen, officieel)
    namen = Namen(ds.gemeenten, {r["alias"]: r["gemeente_code"] for r in ds.aliassen})

    ops = opheffingen(brp)
    opgeheven = {o.naam: o for o in ops}
    quiz = b.lees_woonplaatsen(bronnen)
    woonplaats_code = {}
    for w in quiz:
        code = namen.code(w.gemeente, w.provincie)
        if code:
            woonplaats_code.setdefault(normaliseer(w.naam), code)

    geonames = b.lees_geonames(bronnen)
    ds.postcodes = maak_postcodes(
        b.lees_regeling(bronnen), geonames, namen, opgeheven,
        {g.naam for g in brp}, woonplaats_code, ds.meldingen,
    )
    controleer_tegen_geonames(ds.postcodes, geonames, ds.meldingen)
    ds.woonplaatsen = maak_woonplaatsen(
        quiz, b.lees_wiki_woonplaatsen(bronnen), geonames, ds.postcodes,
        namen, opgeheven, ds.meldingen,
    )
    ds.voormalige_gemeenten = maak_voormalige_gemeenten(ops, opgeheven, ds.postcodes, namen)
    contacten = b.lees_contacten(bronnen)
    ds.samenwerkingsverbanden = maak_samenwerkingsverbanden(
        (p[s] for p in ds.postcodes for s in ("po", "vo") if p[s]), contacten
    )
    ds.wijzigingen = maak_wijzigingen(namen, contacten)
    return ds


def _alias_codes(gemeenten):
    """ALIASSEN resolved against the current names only (before aliases exist)."""
    kaal = Namen(gemeenten, {})
    for alias, naam in ALIASSEN:
        code = kaal.code(naam)
        if code:
            yield alias, code
