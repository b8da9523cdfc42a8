"""What a dataset update changes: SWVs added, ended and renamed, PC4s that moved to
another SWV, and the gemeenten concerned; as data and as Dutch sentences."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from passend_cli import dataset
from passend_cli.fouten import getal
from passend_cli.model import SECTOREN
from passend_cli.normaliseer import normaliseer


@dataclass
class Verschillen:
    """What an update changes, compared with the dataset that was active."""

    toegevoegd: list[tuple[str, str]] = field(default_factory=list)  # (code, naam)
    vervallen: list[tuple[str, str]] = field(default_factory=list)  # (code, naam)
    hernoemd: list[tuple[str, str, str]] = field(default_factory=list)  # (code, oud, nieuw)
    verplaatst: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (pc4, sector, old SWV, new SWV); "" where there is none
    nieuwe_postcodes: list[str] = field(default_factory=list)
    gemeenten: list[str] = field(default_factory=list)  # names of gemeenten whose SWV changed
    contact: list[str] = field(default_factory=list)  # codes whose contact block changed
    scholen_erbij: int = 0
    scholen_weg: int = 0
    scholen_ander_swv: int = 0

    @property
    def leeg(self) -> bool:
        return not any(asdict(self).values())

    def als_dict(self) -> dict[str, Any]:
        return asdict(self)


def verschillen(oud: dataset.Dataset, nieuw: dataset.Dataset) -> Verschillen:
    ov, nv = oud.verbanden, nieuw.verbanden
    v = Verschillen(
        toegevoegd=[(c, nv[c].weergavenaam) for c in sorted(nv.keys() - ov.keys())],
        vervallen=[(c, ov[c].weergavenaam) for c in sorted(ov.keys() - nv.keys())],
        hernoemd=[(c, ov[c].naam, nv[c].naam) for c in sorted(nv.keys() & ov.keys())
                  if ov[c].naam != nv[c].naam],
        nieuwe_postcodes=sorted(nieuw.postcodes.keys() - oud.postcodes.keys()),
    )
    gemeenten = set()
    for pc in sorted(oud.postcodes.keys() | nieuw.postcodes.keys()):
        o, n = oud.postcodes.get(pc), nieuw.postcodes.get(pc)
        hier = n or o  # the PC4 comes from one of the two, so one of them has it
        assert hier is not None
        for sector in SECTOREN:
            a, b = (o.swv(sector) if o else ""), (n.swv(sector) if n else "")
            if a != b:
                gemeenten.add(hier.gemeente_code)
                if o is not None:
                    v.verplaatst.append((pc, sector, a, b))

    def naam(code: str) -> str:
        g = nieuw.gemeenten.get(code) or oud.gemeenten.get(code)
        return g.naam if g else code

    v.gemeenten = sorted(map(naam, gemeenten), key=normaliseer)
    v.contact = [c for c in sorted(nv.keys() & ov.keys()) if _contact(ov[c]) != _contact(nv[c])]
    oud_s = {s.code: s.swv for s in oud.scholen}
    nieuw_s = {s.code: s.swv for s in nieuw.scholen}
    v.scholen_erbij = len(nieuw_s.keys() - oud_s.keys())
    v.scholen_weg = len(oud_s.keys() - nieuw_s.keys())
    v.scholen_ander_swv = sum(oud_s[c] != nieuw_s[c] for c in oud_s.keys() & nieuw_s.keys())
    return v


def _contact(v) -> tuple[str, ...]:
    return (v.website, v.email, v.telefoon, v.straat, v.postcode, v.plaats)


def beschrijf(v: Verschillen, *, max_regels: int = 10) -> list[str]:
    """The changes as Dutch sentences, one per line, for the terminal."""
    if v.leeg:
        return ["Geen verschillen met de dataset die actief was."]
    regels: list[str] = []

    def reeks(items: list[str], kop: str) -> None:
        if items:
            regels.append(kop)
            regels.extend(f"  {i}" for i in items[:max_regels])
            if len(items) > max_regels:
                regels.append(f"  … en nog {getal(len(items) - max_regels)}.")

    reeks([f"{c} {n}" for c, n in v.toegevoegd],
          f"Nieuwe samenwerkingsverbanden ({len(v.toegevoegd)}):")
    reeks([f"{c} {n}" for c, n in v.vervallen],
          f"Vervallen samenwerkingsverbanden ({len(v.vervallen)}):")
    reeks([f"{c}: {nieuw} (was: {oud or 'geen naam'})" for c, oud, nieuw in v.hernoemd],
          f"Nieuwe namen ({len(v.hernoemd)}):")
    if v.verplaatst:
        pcs = len({p for p, *_ in v.verplaatst})
        reeks([f"{p} {s}: {a or 'geen'} → {b or 'geen'}" for p, s, a, b in v.verplaatst],
              f"{getal(pcs)} postcodes vallen nu onder een ander samenwerkingsverband, "
              "bijvoorbeeld:")
    reeks(v.nieuwe_postcodes, f"Nieuwe postcodes ({getal(len(v.nieuwe_postcodes))}):")
    if v.contact:
        regels.append(f"Nieuwe contactgegevens voor {getal(len(v.contact))} "
                      f"samenwerkingsverbanden ({', '.join(v.contact[:max_regels])}"
                      f"{', …' if len(v.contact) > max_regels else ''}).")
    if v.scholen_erbij or v.scholen_weg or v.scholen_ander_swv:
        regels.append(f"Scholen: {getal(v.scholen_erbij)} erbij, {getal(v.scholen_weg)} niet "
                      f"meer in de lijst, {getal(v.scholen_ander_swv)} bij een ander "
                      "samenwerkingsverband.")
    if v.gemeenten:
        meer = len(v.gemeenten) - max_regels
        lijst = ", ".join(v.gemeenten[:max_regels]) + (f" en nog {meer}" if meer > 0 else "")
        regels.append(f"Betrokken gemeenten ({len(v.gemeenten)}): {lijst}.")
    return regels
