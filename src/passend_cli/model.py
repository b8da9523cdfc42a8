"""The records of the domain, each with its one JSON shape.

Records are NamedTuples: thousands are made at start-up, a tuple is the cheapest
immutable record Python builds, and defining a dataclass would cost start-up time on
every run of ``passend zoek``. The JSON of the CLI and the Python API both come from
the ``als_json`` methods here, so every command shows an SWV the same way; ``als_dict``
is the same method under the name the Python API documents.

The records of an answer (which SWVs serve a place, since when, instead of whom) are in
:mod:`passend_cli.antwoorden`.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

SECTOREN = ("PO", "VO")
# The one threshold of certainty for a name match: results scoring below it (every typo
# correction does) are suggestions, not answers; koppel never accepts them.
MIN_SCORE = 80.0


class Gemeente(NamedTuple):
    code: str  # CBS code, "GM0392"
    naam: str
    provincie: str

    def als_json(self) -> dict[str, Any]:
        return {"code": self.code, "naam": self.naam, "provincie": self.provincie}

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


class Adres(NamedTuple):
    """A postal address; None where no source gives a part."""

    straat: str | None
    postcode: str | None
    plaats: str | None

    def als_json(self) -> dict[str, str | None]:
        return {"straat": self.straat, "postcode": self.postcode, "plaats": self.plaats}

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


class Samenwerkingsverband(NamedTuple):
    code: str  # "PO2707"
    sector: str  # "PO" or "VO"
    naam: str  # "" where no source gave one
    ook_bekend_als: tuple[str, ...]
    website: str
    straat: str
    postcode: str
    plaats: str
    email: str
    telefoon: str
    bewijs: str  # how sure the name is: "code_on_page", "region_match", "duo" or ""
    bronnen: tuple[str, ...]  # URLs of the pages the facts come from
    contact_bron: str  # "webpagina's" or "DUO"; "" when no contact fact is known
    contact_datum: str  # when the contact block was gathered (ISO date)
    opmerking: str  # a Dutch note that qualifies the contact facts

    @property
    def regiocode(self) -> str:
        """The code as it is usually written: ``PO 27-07``."""
        return f"{self.sector} {self.code[2:4]}-{self.code[4:]}"

    @property
    def weergavenaam(self) -> str:
        """The known name, or a neutral description where no source gave one."""
        return self.naam or f"Samenwerkingsverband {self.regiocode}"

    @property
    def adres(self) -> Adres:
        return Adres(self.straat or None, self.postcode or None, self.plaats or None)

    def als_json(self) -> dict[str, Any]:
        """The contract's SWV object; unknown fields are null, never invented."""
        return {
            "code": self.code or None,
            "sector": self.sector,
            "naam": self.naam or None,
            "website": self.website or None,
            "email": self.email or None,
            "telefoon": self.telefoon or None,
            "adres": self.adres.als_json(),
            "contact_bron": self.contact_bron or None,
            "contact_datum": self.contact_datum or None,
            "opmerking": self.opmerking or None,
        }


class _HeeftVerband(Protocol):
    @property
    def verband(self) -> Samenwerkingsverband: ...


class _Verbandvelden:
    """The SWV's own fields as its JSON shows them (None where unknown), for a record
    that holds the SWV in ``verband``: what a caller of the Python API reads."""

    __slots__ = ()

    @property
    def code(self: _HeeftVerband) -> str | None:
        """``PO2707``; None for a successor no source gives a code for."""
        return self.verband.code or None

    @property
    def sector(self: _HeeftVerband) -> str:
        """``PO`` or ``VO``."""
        return self.verband.sector

    @property
    def naam(self: _HeeftVerband) -> str | None:
        return self.verband.naam or None

    @property
    def regiocode(self: _HeeftVerband) -> str:
        """The code as it is usually written: ``PO 27-07``."""
        return self.verband.regiocode

    @property
    def website(self: _HeeftVerband) -> str | None:
        return self.verband.website or None

    @property
    def email(self: _HeeftVerband) -> str | None:
        return self.verband.email or None

    @property
    def telefoon(self: _HeeftVerband) -> str | None:
        return self.verband.telefoon or None

    @property
    def adres(self: _HeeftVerband) -> Adres:
        return self.verband.adres

    @property
    def contact_bron(self: _HeeftVerband) -> str | None:
        """Where the contact facts come from: ``webpagina's`` or ``DUO``."""
        return self.verband.contact_bron or None

    @property
    def contact_datum(self: _HeeftVerband) -> str | None:
        return self.verband.contact_datum or None

    @property
    def opmerking(self: _HeeftVerband) -> str | None:
        """A Dutch note that qualifies the contact facts."""
        return self.verband.opmerking or None


class Postcode(NamedTuple):
    postcode: str  # PC4
    gemeente_code: str
    po: str  # SWV code, or "" where none is known
    vo: str
    herkomst: str  # "regeling" (2015 annex), "duo" (after an update) or "afgeleid"
    gemeente_2015: str  # the gemeente name the annex printed, "" for newer PC4s

    def swv(self, sector: str) -> str:
        return self.po if sector == "PO" else self.vo


class Woonplaats(NamedTuple):
    naam: str
    gemeente_code: str  # where most of it lies
    postcodes: tuple[str, ...]  # its own PC4s, where known
    bron: str  # "woonplaatsen" (the official list) or "wikipedia" (hamlets, 2020)
    ook_in: tuple[str, ...]  # other gemeenten it reaches into

    @property
    def officieel(self) -> bool:
        return self.bron == "woonplaatsen"


class VoormaligeGemeente(NamedTuple):
    naam: str
    code: str
    einddatum: str
    opvolgers: tuple[str, ...]  # GM codes


class Wijziging(NamedTuple):
    """A change after the regulation that the sources record. Of soort ``opvolger``:
    in ``gemeenten`` (empty: everywhere) the SWVs ``swv`` are succeeded by another."""

    datum: str  # "2018-08-01", "2016-10", or "" when unknown
    swv: tuple[str, ...]
    gemeenten: tuple[str, ...]
    soort: str  # "opvolger", "naam", "samenwerking", "organisatie"
    tekst: str
    bron: str
    opvolger_naam: str
    opvolger_code: str

    def als_json(self) -> dict[str, Any]:
        return {"datum": self.datum or None, "soort": self.soort, "tekst": self.tekst,
                "bron": self.bron or None}

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()


SCHOOLSOORTEN = {
    "bo": "basisschool",
    "sbo": "school voor speciaal basisonderwijs",
    "vo": "school voor voortgezet onderwijs",
}


class School(NamedTuple):
    """One school location (vestiging) with the SWV it belongs to."""

    code: str  # six characters: BRIN + vestigingsnummer, "16NG00"
    naam: str
    soort: str  # "bo", "sbo" or "vo"
    straat: str  # street and number; "" where the list gives none (the 2020 PO list)
    postcode: str  # "2035 CT"
    plaats: str  # "" where the list gives none and the postcode is not one place
    gemeente_code: str
    swv: str  # the PO SWV for bo/sbo, the VO SWV for vo; "" when none (see reden)
    herkomst_swv: str  # "rio", "koppeling_2015", "postcode", or "" (no SWV)
    reden: str  # why swv is empty: "landelijk", "regeling_zonder_swv", ...; else ""

    @property
    def brin(self) -> str:
        return self.code[:4]

    @property
    def sector(self) -> str:
        return "VO" if self.soort == "vo" else "PO"

    @property
    def soortnaam(self) -> str:
        return SCHOOLSOORTEN.get(self.soort, self.soort)

    def als_json(self) -> dict[str, Any]:
        """The school itself; its SWV's contact block comes from the SWV's own JSON."""
        return {
            "code": self.code,
            "brin": self.brin,
            "naam": self.naam,
            "soort": self.soort,
            "sector": self.sector,
            "adres": {
                "straat": self.straat or None,
                "postcode": self.postcode or None,
                "plaats": self.plaats or None,
            },
            "gemeente_code": self.gemeente_code,
            "samenwerkingsverband": self.swv or None,
            "herkomst_samenwerkingsverband": self.herkomst_swv or None,
            "reden_geen_samenwerkingsverband": self.reden or None,
        }

    def als_dict(self) -> dict[str, Any]:
        """Its JSON object, as ``--json`` writes it."""
        return self.als_json()
