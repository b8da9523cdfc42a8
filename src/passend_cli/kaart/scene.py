"""What both renderers need: the division into areas, colours, zoom and notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from passend_cli.kaart.geometrie import Geometrie, laad_geometrie
from passend_cli.kaart.kleuren import GEKOZEN, ZONDER, gedempt, kleur_van
from passend_cli.kaart.vlakken import Indeling, deel_in, kleur_graaf

__all__ = ["BRON", "Scene", "maak_scene"]

BRON = "Bron: CBS, postcodegebieden 2020"
NEDERLAND = (0.0, 300000.0, 290000.0, 625000.0)  # the frame of a whole-country map
_MARGE = 0.12  # a regional map shows this share of the area's size around it
_MIN_MARGE = 2500.0  # m


@dataclass
class Scene:
    geo: Geometrie
    indeling: Indeling
    namen: Mapping[str, str]
    gekozen: str | None
    gemarkeerd: list[int]  # PC4 indices
    kleur: dict[str, str]  # SWV code ("" for no SWV) → fill colour
    kleurnummer: dict[str, int]
    niet_gevonden: list[str]  # marked PC4s without geometry

    def kader_van(self, pcs: Sequence[int]) -> tuple[float, float, float, float] | None:
        """Bounding box of the PC4s with indices *pcs* (from their arcs)."""
        kies = set(pcs)
        kaders = self.geo.kaders
        xs0, ys0, xs1, ys1 = [], [], [], []
        for a, (links, rechts) in enumerate(zip(self.geo.links, self.geo.rechts, strict=True)):
            if (links in kies) != (rechts in kies):
                k = kaders[a]
                xs0.append(k[0])
                ys0.append(k[1])
                xs1.append(k[2])
                ys1.append(k[3])
        if not xs0:
            return None
        return (min(xs0), min(ys0), max(xs1), max(ys1))

    def uitsnede(self) -> tuple[float, float, float, float]:
        """The zoom of a regional map: the chosen area and the marked PC4s, with a
        margin for the neighbours; the whole country when there is nothing to zoom to."""
        pcs = list(self.gemarkeerd)
        if self.gekozen:
            pcs += self.indeling.leden.get(self.gekozen, [])
        kader = self.kader_van(pcs)
        if kader is None:
            return NEDERLAND
        x0, y0, x1, y1 = kader
        marge_x = max(_MIN_MARGE, (x1 - x0) * _MARGE)
        marge_y = max(_MIN_MARGE, (y1 - y0) * _MARGE)
        if not self.gekozen:  # a place or postcode alone: show its surroundings
            marge_x = marge_y = max(marge_x, marge_y, 10000.0)
        return (x0 - marge_x, y0 - marge_y, x1 + marge_x, y1 + marge_y)

    def codes(self) -> list[str]:
        """SWV codes on the map, sorted."""
        return sorted(c for c in self.indeling.leden if c)

    def naam(self, code: str) -> str:
        if not code:
            return "geen samenwerkingsverband bekend"
        return self.namen.get(code, "")

    def notities(self, codes: Sequence[str]) -> tuple[list[str], list[str]]:
        """Notes under a map showing the areas *codes*, and the PC4s of those areas
        that the map lacks (``ontbreekt``)."""
        notities = [BRON]
        ontbreekt = sorted(
            (pc, code) for code in codes for pc in self.indeling.ontbreekt.get(code, [])
        )
        if ontbreekt:
            lijst = ", ".join(f"{pc} ({code})" for pc, code in ontbreekt)
            notities.append(
                f"Niet op de kaart (geen vlak in de postcodegebieden van 2020): {lijst}."
            )
        los = [pc for pc in self.niet_gevonden if pc not in {p for p, _ in ontbreekt}]
        if los:
            notities.append(f"Gezochte postcode niet op de kaart: {', '.join(los)}.")
        return notities, [pc for pc, _ in ontbreekt]

    def zonder(self, kader: tuple[float, float, float, float] | None = None) -> list[str]:
        """PC4s on the map without a samenwerkingsverband in the membership; with
        *kader*, only those whose label point lies in it."""
        uit = []
        for i in self.indeling.leden.get("", []):
            x, y = self.geo.labelpunten[i]
            if kader is None or (kader[0] <= x <= kader[2] and kader[1] <= y <= kader[3]):
                uit.append(self.geo.postcodes[i])
        return uit


def maak_scene(
    lidmaatschap: Mapping[str, str],
    namen: Mapping[str, str],
    gekozen: str | None,
    markeer: Sequence[str],
    *,
    gedempt_rond_gekozen: bool = True,
    geo: Geometrie | None = None,
) -> Scene:
    geo = geo if geo is not None else laad_geometrie()
    indeling = deel_in(geo, lidmaatschap)
    if gekozen and gekozen not in indeling.leden:
        bekend = any(code == gekozen for code in lidmaatschap.values())
        reden = "staat niet op de kaart" if bekend else "heeft geen postcodes in deze indeling"
        raise ValueError(f"{gekozen} {reden}.")
    codes = [c for c in indeling.leden if c]
    nummer = kleur_graaf(codes, indeling.buren)
    kleur = {}
    for c in codes:
        basis = kleur_van(nummer[c])
        kleur[c] = GEKOZEN if c == gekozen else (
            gedempt(basis) if gekozen and gedempt_rond_gekozen else basis
        )
    kleur[""] = ZONDER
    gemarkeerd, niet_gevonden = [], []
    for pc in dict.fromkeys(markeer):
        i = geo.index.get(pc)
        if i is None:
            niet_gevonden.append(pc)
        else:
            gemarkeerd.append(i)
    return Scene(geo, indeling, namen, gekozen, gemarkeerd, kleur, nummer, niet_gevonden)
