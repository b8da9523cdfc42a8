"""Gemeenten: the current list, the names people type for them, and rolling the
regulation's 2015 names forward to the current indeling.

Article 3 of the regulation says the names of merged gemeenten are replaced by the new
ones: RvIG Tabel 33 records the herindelingen up to 2019, ``LATERE_HERINDELINGEN`` the
later ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from passend_cli.bronnen import publiek as b
from passend_cli.normaliseer import normaliseer, provincie_sleutel
from passend_cli.samenstellen.rijen import BouwFout

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
        self.provincie = {g["code"]: provincie_sleutel(g["provincie"]) for g in gemeenten}
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
            and (not provincie or self.provincie[code] == provincie_sleutel(provincie))
        ]
        return kandidaten[0] if len(kandidaten) == 1 else None


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
        volgende: list[str] = []
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


def regeling_naam(naam: str, brp_namen: set[str]) -> str:
    """The Tabel 33 spelling of a gemeente name as printed in the annex."""
    if naam in brp_namen:
        return naam
    sleutel = normaliseer(naam)
    gelijk = [n for n in brp_namen if normaliseer(n) == sleutel]
    if len(gelijk) == 1:
        return gelijk[0]
    return naam


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


def alias_codes(gemeenten: list[dict[str, str]]):
    """ALIASSEN resolved against the current names only (before aliases exist)."""
    kaal = Namen(gemeenten, {})
    for alias, naam in ALIASSEN:
        code = kaal.code(naam)
        if code:
            yield alias, code
