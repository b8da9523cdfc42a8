"""Samenwerkingsverbanden: names and contact facts per code, and the changes after
the regulation that the sources record."""

from __future__ import annotations

from collections.abc import Iterable

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
        bekend = any(rij[v] for v in ("website", "straat", "plaats", "email", "telefoon"))
        rij["contact_bron"] = WEBPAGINAS if bekend else ""
        rij["contact_datum"] = CONTACT_DATUM if bekend else ""
        rij["opmerking"] = ""
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
        "soort": "opvolger",
        "opvolger_naam": "Stichting Passend Voortgezet Onderwijs Hoeksche Waard",
        "opvolger_code": "",
        "tekst": "Sinds 1 augustus 2018 heeft de Hoeksche Waard een eigen samenwerkingsverband "
        "voor voortgezet onderwijs (stichting Passend Voortgezet Onderwijs Hoeksche Waard). "
        "De regeling van 2015 rekent dit gebied nog tot VO2810 (Koers VO).",
        "bron": "https://csgdewaard.nl/nieuws/1000-swv-passend-vo-hw",
    },
    {
        "datum": "2016-10",
        "swv": "PO2811 VO2805",
        "gemeenten": "Goeree-Overflakkee",
        "soort": "samenwerking",
        "opvolger_naam": "",
        "opvolger_code": "",
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

