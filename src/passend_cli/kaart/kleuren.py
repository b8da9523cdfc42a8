"""Colours of the maps (terminal and SVG share them)."""

from __future__ import annotations

__all__ = [
    "GEKOZEN",
    "GEKOZEN_RAND",
    "GEZOCHT",
    "PALET",
    "ZONDER",
    "gedempt",
    "kleur_van",
]

GEKOZEN = "#e4572e"  # the chosen samenwerkingsverband
GEKOZEN_RAND = "#7a1f08"
GEZOCHT = "#ffd23f"  # the searched place or postcode
ZONDER = "#bdbdbd"  # PC4s without a samenwerkingsverband in the table
RAND = "#4d4d4d"  # borders between areas

# ColorBrewer Set3 without its red and grey (kept for the chosen area and "no SWV"),
# ordered so that the colours a greedy colouring uses first are the clearest: light
# enough for black text, different enough that neighbours stand apart.
PALET = (
    "#8dd3c7", "#bebada", "#80b1d3", "#b3de69", "#fccde5",
    "#fdb462", "#ffed6f", "#bc80bd", "#ccebc5", "#ffffb3",
)


def _meng(kleur: str, met: str, deel: float) -> str:
    a = [int(kleur[k : k + 2], 16) for k in (1, 3, 5)]
    b = [int(met[k : k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * deel):02x}" for x, y in zip(a, b, strict=True))


def gedempt(kleur: str, deel: float = 0.35) -> str:
    """*kleur* mixed with white: for neighbours around a chosen area."""
    return _meng(kleur, "#ffffff", deel)


def kleur_van(nummer: int) -> str:
    """Palette colour *nummer* (from a graph colouring); beyond the palette, mixed
    darker variants so that even an unusual graph gets distinct colours."""
    basis = PALET[nummer % len(PALET)]
    ronde = nummer // len(PALET)
    return _meng(basis, "#000000", 0.2 * ronde) if ronde else basis
