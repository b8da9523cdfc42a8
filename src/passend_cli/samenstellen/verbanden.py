"""Samenwerkingsverbanden: names and contact facts per code, and the changes after
the regulation that the sources record. The curated tables are in :mod:`.contactfeiten`."""

from __future__ import annotations

import re
from collections.abc import Iterable

from passend_cli.formaat import BESTANDEN
from passend_cli.samenstellen.contactfeiten import (
    BRONNEN_WEG,
    CONTACTCURATIE,
    CONTACTVELDEN,
    WIJZIGINGEN,
)
from passend_cli.samenstellen.gemeenten import Namen
from passend_cli.samenstellen.rijen import BouwFout

# The contact facts come from stored web pages, gathered up to this date (third pass of
# swv-webpages); the pages themselves are of unknown date.
WEBPAGINAS = "webpagina's"
CONTACT_DATUM = "2026-12-01"

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
BRONVELD = dict(_CONTACTVELDEN)  # dataset column -> column of swv_contacts.csv

SOORTEN = ("opvolger", "naam", "samenwerking", "organisatie")
_DATUM = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")


def maak_samenwerkingsverbanden(
    codes: Iterable[str], contacten: list[dict[str, str]]
) -> list[dict[str, str]]:
    per_code = {c["code"]: c for c in contacten}
    codes = sorted(set(codes))
    onbekend = sorted((set(CONTACTCURATIE) | {c for c, _ in BRONNEN_WEG}) - set(codes))
    if onbekend:
        raise BouwFout(f"contactcuratie: onbekende codes {', '.join(onbekend)}")
    rijen = []
    for code in codes:
        bron = per_code.get(code, {})
        rij = {"code": code, "sector": code[:2]}
        for veld, bronveld in _CONTACTVELDEN:
            rij[veld] = " ".join(bron.get(bronveld, "").split())
        weg, opmerking = CONTACTCURATIE.get(code, ((), ""))
        for veld in weg:
            rij[veld] = ""
        rij["bronnen"] = " ".join(u for u in rij["bronnen"].split() if (code, u) not in BRONNEN_WEG)
        bekend = any(rij[v] for v in CONTACTVELDEN)
        rij["contact_bron"] = WEBPAGINAS if bekend else ""
        rij["contact_datum"] = CONTACT_DATUM if bekend else ""
        rij["opmerking"] = opmerking
        rijen.append(rij)
    return rijen


# --- known changes after the annex ---------------------------------------------------


def maak_wijzigingen(namen: Namen, contacten: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows of ``wijzigingen.csv`` from :data:`.contactfeiten.WIJZIGINGEN`, with the
    gemeenten as codes; refuses an entry whose kind, date, SWVs or source do not hold."""
    per_code = {c["code"]: c for c in contacten}
    kolommen = BESTANDEN["wijzigingen"]
    rijen = []
    for w in WIJZIGINGEN:
        rij = {k: str(w.get(k, "")) for k in kolommen}
        wat = f"wijziging {rij['swv']} ({rij['soort']})"
        if rij["soort"] not in SOORTEN:
            raise BouwFout(f"{wat}: onbekende soort")
        if not _DATUM.match(rij["datum"]):
            raise BouwFout(f"{wat}: datum {rij['datum']!r} is geen JJJJ[-MM[-DD]]")
        if (rij["soort"] == "opvolger") != bool(rij["opvolger_naam"]):
            raise BouwFout(f"{wat}: opvolger_naam hoort alleen (en altijd) bij een opvolger")
        swv = rij["swv"].split()
        if not swv or any(c not in per_code for c in swv):
            raise BouwFout(f"{wat}: onbekend samenwerkingsverband")
        urls = {u for c in swv for u in per_code[c]["source_urls"].split()
                if (c, u) not in BRONNEN_WEG}
        if rij["bron"] not in urls:
            raise BouwFout(f"{wat}: bron staat niet bij de samenwerkingsverbanden")
        codes = []
        for naam in filter(None, (n.strip() for n in rij["gemeenten"].split(";"))):
            code = namen.code(naam)
            if code is None:
                raise BouwFout(f"{wat}: onbekende gemeente {naam!r}")
            codes.append(code)
        rij["gemeenten"] = " ".join(codes)
        rijen.append(rij)
    return sorted(rijen, key=lambda r: (r["datum"], r["swv"], r["soort"]))
