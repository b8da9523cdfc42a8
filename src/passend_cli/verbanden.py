"""Samenwerkingsverbanden as a whole: the list (``lijst``) and one with all the
gemeenten it serves (``verband``). Finding an SWV by code or name is
:func:`passend_cli.zoeken.samenwerkingsverband`."""

from __future__ import annotations

from passend_cli.antwoorden import GemeenteDeel, Opvolger, Verband
from passend_cli.dataset import Dataset, laad
from passend_cli.fouten import OngeldigeInvoer, toonbaar
from passend_cli.model import Samenwerkingsverband
from passend_cli.normaliseer import normaliseer, provincie_sleutel


def verband(
    v: Samenwerkingsverband, ds: Dataset | None = None, scholen: dict[str, int] | None = None
) -> Verband:
    """*v* with the gemeenten it serves, largest share first (a gemeente it serves only
    in part lists those PC4s), and its number of schools."""
    ds = laad() if ds is None else ds
    if scholen is None:
        from passend_cli.scholen import aantal_scholen

        scholen = aantal_scholen(ds)
    delen = []
    for code, pcs in ds.postcodes_per_verband.get(v.code, {}).items():
        alle = [p.postcode for p in ds.postcodes_per_gemeente[code] if p.swv(v.sector)]
        heel = len(pcs) == len(alle)
        deel = GemeenteDeel(ds.gemeenten[code], None if heel else tuple(sorted(pcs)))
        delen.append((len(pcs), deel))
    delen.sort(key=lambda t: (-t[0], t[1].gemeente.naam))
    gemeenten = [d for _, d in delen]
    w = ds.opvolging(v.code)
    opvolger = Opvolger.van(w) if w else None
    return Verband(
        v, gemeenten, ds.wijzigingen_voor([d.gemeente.code for d in gemeenten], [v.code]),
        scholen.get(v.code, 0), opvolger,
    )


def provincies(ds: Dataset | None = None) -> list[str]:
    ds = ds or laad()
    return sorted({g.provincie for g in ds.gemeenten.values()})


def _provincie(naam: str, ds: Dataset) -> str:
    sleutel = provincie_sleutel(naam)
    alle = provincies(ds)
    for p in alle:
        if provincie_sleutel(p) == sleutel:
            return p
    kandidaten = [p for p in alle if normaliseer(p).startswith(sleutel)] if sleutel else []
    if len(kandidaten) == 1:
        return kandidaten[0]
    raise OngeldigeInvoer(
        f"Onbekende provincie: '{toonbaar(naam)}'. Kies uit: {', '.join(alle)}.",
        suggesties=_dichtstbij(sleutel, alle),
    )


def _dichtstbij(sleutel: str, namen: list[str], n: int = 3) -> list[str]:
    if not sleutel:
        return []
    from rapidfuzz import fuzz, process

    gevonden = process.extract(
        sleutel, {naam: normaliseer(naam) for naam in namen}, scorer=fuzz.WRatio,
        processor=None, limit=n, score_cutoff=60,
    )
    return [naam for _, _, naam in gevonden]


def lijst(
    sector: str | None = None, provincie: str | None = None, ds: Dataset | None = None
) -> list[Verband]:
    """All SWVs, PO before VO, by code; optionally of one sector or province; from *ds*
    (default: the active dataset)."""
    from passend_cli.scholen import aantal_scholen

    ds = laad() if ds is None else ds
    if provincie is not None:
        provincie = _provincie(provincie, ds)
    scholen = aantal_scholen(ds)
    uit = []
    for v in ds.verbanden.values():
        if sector and v.sector != sector.upper():
            continue
        x = verband(v, ds, scholen)
        if provincie and provincie not in x.provincies:
            continue
        uit.append(x)
    return sorted(uit, key=lambda x: x.verband.code)
