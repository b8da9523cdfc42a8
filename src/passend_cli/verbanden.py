"""Samenwerkingsverbanden as a whole: the list (``lijst``) and one in full (``toon``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from passend_cli.dataset import Dataset, Gemeente, Samenwerkingsverband, Wijziging, laad
from passend_cli.fouten import NietGevonden, OngeldigeInvoer
from passend_cli.normaliseer import normaliseer

_CODE = re.compile(r"(?:swv)?(po|vo)(\d{2})(\d{2})")
# Both spellings of the Frisian province occur in the sources and in people's typing.
_PROVINCIE_ALIAS = {"friesland": "fryslan"}


@dataclass(frozen=True)
class GemeenteDeel:
    """A gemeente (partly) served by an SWV; ``postcodes`` None means all of it."""

    gemeente: Gemeente
    postcodes: tuple[str, ...] | None

    def als_json(self) -> dict[str, Any]:
        return {
            "code": self.gemeente.code,
            "naam": self.gemeente.naam,
            "provincie": self.gemeente.provincie,
            "postcodes": list(self.postcodes) if self.postcodes is not None else None,
        }


@dataclass(frozen=True)
class Verband:
    verband: Samenwerkingsverband
    gemeenten: list[GemeenteDeel]  # largest share first
    wijzigingen: list[Wijziging]

    @property
    def provincies(self) -> list[str]:
        return sorted({d.gemeente.provincie for d in self.gemeenten})

    def hoofdgemeenten(self, n: int = 3) -> list[str]:
        return [d.gemeente.naam for d in self.gemeenten[:n]]

    def als_json(self) -> dict[str, Any]:
        from passend_cli.zoeken import verband_json

        v = self.verband
        uit = verband_json(v)
        del uit["postcodes"]
        uit.update(
            {
                "regiocode": v.regiocode,
                "ook_bekend_als": list(v.ook_bekend_als),
                "bewijs": v.bewijs or None,
                "bronnen": list(v.bronnen),
                "provincies": self.provincies,
                "aantal_gemeenten": len(self.gemeenten),
                "gemeenten": [d.als_json() for d in self.gemeenten],
                "wijzigingen": [
                    {"datum": w.datum, "tekst": w.tekst, "bron": w.bron or None}
                    for w in self.wijzigingen
                ],
            }
        )
        return uit


def _verband(ds: Dataset, v: Samenwerkingsverband) -> Verband:
    delen = []
    for code, pcs in ds.postcodes_per_verband.get(v.code, {}).items():
        alle = [
            p.postcode for p in ds.postcodes_per_gemeente[code] if p.swv(v.sector)
        ]
        heel = len(pcs) == len(alle)
        deel = GemeenteDeel(ds.gemeenten[code], None if heel else tuple(sorted(pcs)))
        delen.append((len(pcs), deel))
    delen.sort(key=lambda t: (-t[0], t[1].gemeente.naam))
    gemeenten = [d for _, d in delen]
    return Verband(
        v, gemeenten, ds.wijzigingen_voor([d.gemeente.code for d in gemeenten], [v.code])
    )


def provincies(ds: Dataset | None = None) -> list[str]:
    ds = ds or laad()
    return sorted({g.provincie for g in ds.gemeenten.values()})


def _provincie(naam: str, ds: Dataset) -> str:
    sleutel = normaliseer(naam)
    sleutel = _PROVINCIE_ALIAS.get(sleutel, sleutel)
    alle = provincies(ds)
    for p in alle:
        if normaliseer(p) == sleutel:
            return p
    kandidaten = [p for p in alle if normaliseer(p).startswith(sleutel)] if sleutel else []
    if len(kandidaten) == 1:
        return kandidaten[0]
    raise OngeldigeInvoer(
        f"Onbekende provincie: '{naam[:60]}'. Kies uit: {', '.join(alle)}.",
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


def lijst(sector: str | None = None, provincie: str | None = None) -> list[Verband]:
    """All SWVs, PO before VO, by code; optionally of one sector or province."""
    ds = laad()
    if provincie is not None:
        provincie = _provincie(provincie, ds)
    uit = []
    for v in ds.verbanden.values():
        if sector and v.sector != sector.upper():
            continue
        verband = _verband(ds, v)
        if provincie and provincie not in verband.provincies:
            continue
        uit.append(verband)
    return sorted(uit, key=lambda x: x.verband.code)


def toon(code_of_naam: str) -> Verband:
    """One SWV by code (any spelling) or name; NietGevonden with suggestions otherwise."""
    ds = laad()
    tekst = (code_of_naam or "")[:200]
    sleutel = normaliseer(tekst)
    if not sleutel:
        raise OngeldigeInvoer("Geef een code of naam op, bijvoorbeeld: passend toon VO2705.")
    kaal = sleutel.replace(" ", "")
    if re.fullmatch(r"(?:swv)?\d{4}", kaal) and " " in sleutel:
        # "27-07": the region number of a PO and a VO SWV; which one is meant?
        codes = [c for c in (f"PO{kaal[-4:]}", f"VO{kaal[-4:]}") if c in ds.verbanden]
        if codes:
            raise NietGevonden(
                f"'{tekst[:20]}' is het regionummer van {' en '.join(codes)}; kies er een.",
                suggesties=codes,
            )
    if m := _CODE.fullmatch(kaal):
        code = f"{m.group(1).upper()}{m.group(2)}{m.group(3)}"
        if code in ds.verbanden:
            return _verband(ds, ds.verbanden[code])
        raise NietGevonden(
            f"Er is geen samenwerkingsverband met code {code}.",
            suggesties=[c for c in ds.verbanden if c[:4] == code[:4]][:5],
        )
    from passend_cli.zoeken import naam_treffers, zoek

    swv = [t for t in naam_treffers(sleutel, 10) if t[2].soort == "samenwerkingsverband"]
    if swv:
        return _verband(ds, ds.verbanden[swv[0][2].ref])
    # A place name: point to the SWVs that serve it instead of guessing one of them.
    try:
        plaatsen = zoek(tekst, limiet=1)
    except OngeldigeInvoer:
        plaatsen = []
    suggesties = [d.verband.code for r in plaatsen for d in r.dekking]
    bericht = f"Geen samenwerkingsverband gevonden met de naam '{tekst[:60]}'."
    if plaatsen:
        bericht = (
            f"'{tekst[:60]}' is geen samenwerkingsverband maar een {plaatsen[0].soort}; "
            f"gebruik 'passend zoek {tekst[:60]}' of een van de codes hieronder."
        )
    raise NietGevonden(bericht, suggesties=suggesties)
