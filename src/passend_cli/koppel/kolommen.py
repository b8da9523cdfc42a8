"""Which column of a CSV file to resolve: named with ``--kolom``, or recognised by
its header (postcodes before places before gemeenten before school codes)."""

from __future__ import annotations

import re

from passend_cli.fouten import OngeldigeInvoer, toonbaar

POSTCODES, PLAATSEN, GEMEENTEN, SCHOLEN = "postcodes", "plaatsnamen", "gemeenten", "schoolcodes"
_KOPNAMEN = {
    POSTCODES: {
        "postcode", "postcodes", "pc", "pc4", "pc6", "postcode4", "postcode6", "postcodepc4",
        "postcodepc6", "zip", "zipcode", "postalcode", "postcodecijfers", "viercijferpostcode",
    },
    PLAATSEN: {
        "woonplaats", "woonplaatsen", "woonplaatsnaam", "plaats", "plaatsen", "plaatsnaam",
        "plaatsnamen", "stad", "city", "place", "placename", "town", "kern", "dorp",
        "vestigingsplaats",
    },
    GEMEENTEN: {"gemeente", "gemeenten", "gemeentenaam", "municipality", "gemeente2026"},
    SCHOLEN: {
        "brin", "brinnummer", "brinvest", "brinvestiging", "brin6", "brincode", "vestigingscode",
        "vestigingsnummer", "schoolcode", "instellingscode", "vestiging", "brinvestigingsnummer",
    },
}
_KOPDELEN = ((POSTCODES, "postcode"), (PLAATSEN, "woonplaats"), (PLAATSEN, "plaats"),
             (GEMEENTEN, "gemeentenaam"), (GEMEENTEN, "gemeente"))


def _kopnorm(naam: str) -> str:
    return re.sub(r"[^0-9a-z]", "", naam.strip().lower())


def kies_kolom(kop: list[str], kolom: str | None) -> tuple[int, str | None]:
    """(index, kind) of the column to resolve; kind is None when named with --kolom.

    Raises OngeldigeInvoer listing the available columns when none fits."""
    if kolom is not None:
        gezocht = kolom.strip().casefold()
        for i, naam in enumerate(kop):
            if naam.strip().casefold() == gezocht:
                return i, None
        gezocht_norm = _kopnorm(kolom)
        if gezocht_norm:
            for i, naam in enumerate(kop):
                if _kopnorm(naam) == gezocht_norm:
                    return i, None
        raise OngeldigeInvoer(
            f"Kolom '{toonbaar(kolom)}' staat niet in het invoerbestand; "
            f"beschikbare kolommen: {_kolomlijst(kop)}."
        )
    genormaliseerd = [_kopnorm(n) for n in kop]
    for soort, namen in _KOPNAMEN.items():
        for i, naam in enumerate(genormaliseerd):
            if naam in namen:
                return i, soort
    for soort, deel in _KOPDELEN:
        for i, naam in enumerate(genormaliseerd):
            # "gemeentecode" holds GM codes, "plaatsingsdatum" a date: not names.
            if deel in naam and (soort == POSTCODES or not any(
                    w in naam for w in ("code", "plaatsing", "datum", "nummer"))):
                return i, soort
    raise OngeldigeInvoer(
        "Geen kolom met postcodes, plaatsen of gemeenten herkend; kies er een met --kolom. "
        f"Beschikbare kolommen: {_kolomlijst(kop)}."
    )


def _kolomlijst(kop: list[str], n: int = 15) -> str:
    namen = [f"'{toonbaar(k, 30)}'" if k.strip() else "(naamloos)" for k in kop[:n]]
    if len(kop) > n:
        namen.append(f"en {len(kop) - n} andere")
    return ", ".join(namen) if namen else "(geen)"
