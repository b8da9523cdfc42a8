"""The lookup tables of a dataset as plain rows, for joins in other engines
(``passend data export``): DuckDB, Spark, a database, a spreadsheet.

One row per postcode, gemeente, woonplaats, SWV or school, with the dataset's own
columns and the names a join would otherwise need a second table for (the gemeente's
name next to its code). A cell holds one value; the few columns with several (the PC4s
of a woonplaats, the SWVs of a split gemeente) are lists, written in CSV with ``|``
between the values. In JSON an unknown value is null and a list is a list.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from typing import IO

from passend_cli.dataset import Dataset
from passend_cli.fouten import OngeldigeInvoer, toonbaar

# Values a cell holds: text, a count, a yes/no, or a list of codes or names.
Waarde = str | int | bool | tuple[str, ...]
Rij = dict[str, Waarde]

# Table -> its columns, in the order they are written.
TABELLEN: dict[str, tuple[str, ...]] = {
    "postcodes": (
        "postcode", "gemeente_code", "gemeente", "provincie", "po", "vo", "po_opvolger",
        "vo_opvolger", "herkomst", "gemeente_2015",
    ),
    "gemeenten": ("gemeente_code", "gemeente", "provincie", "po", "vo", "aantal_postcodes"),
    "woonplaatsen": (
        "woonplaats", "gemeente_code", "gemeente", "provincie", "postcodes", "ook_in", "bron",
    ),
    "samenwerkingsverbanden": (
        "code", "sector", "regiocode", "naam", "ook_bekend_als", "website", "email",
        "telefoon", "straat", "postcode", "plaats", "contact_bron", "contact_datum",
        "opmerking", "bewijs", "bronnen", "aantal_gemeenten", "aantal_postcodes", "actueel",
        "opvolger",
    ),
    "scholen": (
        "code", "brin", "naam", "soort", "sector", "straat", "postcode", "plaats",
        "gemeente_code", "gemeente", "swv", "herkomst_swv", "reden",
    ),
}
FORMATEN = ("csv", "json")
# Between the values of a list in a CSV cell: no name or code holds it.
SCHEIDING = "|"


def tabel_naam(tekst: str) -> str:
    """The table *tekst* names (any case, spaces around it); OngeldigeInvoer listing
    the tables otherwise.

    >>> tabel_naam(" Postcodes ")
    'postcodes'
    """
    naam = tekst.strip().lower() if isinstance(tekst, str) else ""
    if naam in TABELLEN:
        return naam
    import difflib

    raise OngeldigeInvoer(
        f"Onbekende tabel '{toonbaar(str(tekst), 40)}'. Kies uit: {', '.join(TABELLEN)}.",
        suggesties=difflib.get_close_matches(naam, TABELLEN, n=2, cutoff=0.6),
    )


def rijen(tabel: str, ds: Dataset) -> Iterator[Rij]:
    """The rows of *tabel* (see :data:`TABELLEN`), in the dataset's own order."""
    return _MAKERS[tabel_naam(tabel)](ds)


def _postcodes(ds: Dataset) -> Iterator[Rij]:
    for p in ds.postcodes.values():
        g = ds.gemeenten[p.gemeente_code]
        yield {
            "postcode": p.postcode, "gemeente_code": g.code, "gemeente": g.naam,
            "provincie": g.provincie, "po": p.po, "vo": p.vo,
            "po_opvolger": _opvolger(ds, p.po, g.code), "vo_opvolger": _opvolger(ds, p.vo, g.code),
            "herkomst": p.herkomst, "gemeente_2015": p.gemeente_2015,
        }


def _opvolger(ds: Dataset, code: str, gemeente: str | None = None) -> str:
    """The name of the SWV that took over from *code* (in *gemeente*), if a recorded
    change says one did: the regulation's code is then no longer the one to call."""
    w = ds.opvolging(code, gemeente) if code else None
    return w.opvolger_naam if w else ""


def _gemeenten(ds: Dataset) -> Iterator[Rij]:
    for g in ds.gemeenten.values():
        pcs = ds.postcodes_per_gemeente.get(g.code, [])
        yield {
            "gemeente_code": g.code, "gemeente": g.naam, "provincie": g.provincie,
            "po": tuple(sorted({p.po for p in pcs if p.po})),
            "vo": tuple(sorted({p.vo for p in pcs if p.vo})),
            "aantal_postcodes": len(pcs),
        }


def _woonplaatsen(ds: Dataset) -> Iterator[Rij]:
    for w in ds.woonplaatsen:
        g = ds.gemeenten[w.gemeente_code]
        yield {
            "woonplaats": w.naam, "gemeente_code": g.code, "gemeente": g.naam,
            "provincie": g.provincie, "postcodes": w.postcodes, "ook_in": w.ook_in,
            "bron": w.bron,
        }


def _verbanden(ds: Dataset) -> Iterator[Rij]:
    for v in ds.verbanden.values():
        gebied = ds.postcodes_per_verband.get(v.code, {})
        opvolger = _opvolger(ds, v.code)
        yield {
            "code": v.code, "sector": v.sector, "regiocode": v.regiocode, "naam": v.naam,
            "ook_bekend_als": v.ook_bekend_als, "website": v.website, "email": v.email,
            "telefoon": v.telefoon, "straat": v.straat, "postcode": v.postcode,
            "plaats": v.plaats, "contact_bron": v.contact_bron,
            "contact_datum": v.contact_datum, "opmerking": v.opmerking, "bewijs": v.bewijs,
            "bronnen": v.bronnen, "aantal_gemeenten": len(gebied),
            "aantal_postcodes": sum(len(pcs) for pcs in gebied.values()),
            "actueel": not opvolger, "opvolger": opvolger,
        }


def _scholen(ds: Dataset) -> Iterator[Rij]:
    for s in ds.scholen:
        g = ds.gemeenten.get(s.gemeente_code)
        yield {
            "code": s.code, "brin": s.brin, "naam": s.naam, "soort": s.soort,
            "sector": s.sector, "straat": s.straat, "postcode": s.postcode, "plaats": s.plaats,
            "gemeente_code": s.gemeente_code, "gemeente": g.naam if g else "",
            "swv": s.swv, "herkomst_swv": s.herkomst_swv, "reden": s.reden,
        }


_MAKERS = {
    "postcodes": _postcodes,
    "gemeenten": _gemeenten,
    "woonplaatsen": _woonplaatsen,
    "samenwerkingsverbanden": _verbanden,
    "scholen": _scholen,
}


# --- writing --------------------------------------------------------------------------------


def _csv_cel(waarde: Waarde) -> str | int:
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, tuple):
        return SCHEIDING.join(waarde)
    return waarde


def _json_waarde(waarde: Waarde) -> str | int | bool | list[str] | None:
    if isinstance(waarde, tuple):
        return list(waarde)
    return None if waarde == "" else waarde


def _formaat(formaat: str) -> str:
    if formaat not in FORMATEN:
        raise OngeldigeInvoer(f"Onbekend formaat '{toonbaar(str(formaat), 20)}'; kies csv "
                              "of json.")
    return formaat


def schrijf(tabel: str, stroom: IO[str], *, formaat: str = "csv", ds: Dataset) -> int:
    """Write *tabel* to *stroom* as CSV (a header, then one line per row) or as JSON (a
    list of objects, one per line); returns the number of rows."""
    naam, formaat = tabel_naam(tabel), _formaat(formaat)
    kolommen = TABELLEN[naam]
    n = 0
    if formaat == "csv":
        schrijver = csv.writer(stroom, lineterminator="\n")
        schrijver.writerow(kolommen)
        for rij in rijen(naam, ds):
            schrijver.writerow([_csv_cel(rij[k]) for k in kolommen])
            n += 1
        return n
    stroom.write("[")
    for rij in rijen(naam, ds):
        stroom.write(",\n" if n else "\n")
        stroom.write(json.dumps({k: _json_waarde(rij[k]) for k in kolommen},
                                ensure_ascii=False))
        n += 1
    stroom.write("\n]\n" if n else "]\n")
    return n


def exporteer(
    tabel: str, uitvoer: str | os.PathLike[str] = "-", *, formaat: str = "csv",
    ds: Dataset | None = None,
) -> int:
    """Write *tabel* of *ds* (default: the active dataset) to the file *uitvoer*, or to
    stdout for ``-``. A file is written beside the target and replaces it only when
    complete, so a failed export leaves the old file as it was. Returns the rows."""
    from passend_cli.koppel.csvbestand import Uitvoer

    naam, formaat = tabel_naam(tabel), _formaat(formaat)
    ds = Dataset.actief() if ds is None else ds
    doel = Uitvoer(uitvoer)
    stroom = doel.open()
    gelukt = False
    try:
        n = schrijf(naam, stroom, formaat=formaat, ds=ds)
        gelukt = True
    finally:
        doel.sluit(gelukt)
    return n
