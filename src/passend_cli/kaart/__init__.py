"""Maps of the samenwerkingsverbanden: in the terminal and as SVG, offline.

The areas are drawn from the bundled outlines of the four-digit postcode areas (PC4,
CBS 2020), stored as shared arcs (:mod:`passend_cli.kaart.geometrie`, built by
:mod:`passend_cli.kaart.bouwen`). A samenwerkingsverband's outline is derived when
drawing from the PC4 → SWV membership the caller passes in, so the maps follow
``passend data update`` without rebuilding any geometry.

Public interface (no dataset import needed; nothing heavy is imported until a map is
drawn, and neither rich nor typer ever is)::

    laad_geometrie() -> Geometrie                       # cached
    svg(lidmaatschap, namen, *, gekozen=None, markeer=(), titel="", uitsnede=False) -> str
    terminal(lidmaatschap, namen, *, gekozen=None, markeer=(), breedte=80, kleur=True,
             heel_nederland=False, hoogte=None) -> TerminalKaart

*lidmaatschap* maps PC4 (``"8551"``) → SWV code (``"VO2101"``) for ONE sector, empty
or missing for none; *namen* maps code → name. Both renderers raise ValueError when
*gekozen* has no PC4 on the map.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from passend_cli.kaart.geometrie import Geometrie
    from passend_cli.kaart.terminalkaart import LegendaItem, TerminalKaart

__all__ = ["Geometrie", "LegendaItem", "TerminalKaart", "laad_geometrie", "svg", "terminal"]


def laad_geometrie() -> Geometrie:
    """The bundled PC4 geometry (read once per process, ~0.1 s)."""
    from passend_cli.kaart.geometrie import laad_geometrie as laad

    return laad()


def svg(
    lidmaatschap: Mapping[str, str],
    namen: Mapping[str, str],
    *,
    gekozen: str | None = None,
    markeer: Sequence[str] = (),
    titel: str = "",
    uitsnede: bool = False,
    notities: Sequence[str] = (),
) -> str:
    """An SVG map (see :func:`passend_cli.kaart.svgkaart.svg` for the contract)."""
    from passend_cli.kaart.svgkaart import svg as maak

    return maak(lidmaatschap, namen, gekozen=gekozen, markeer=markeer, titel=titel,
                uitsnede=uitsnede, notities=notities)


def terminal(
    lidmaatschap: Mapping[str, str],
    namen: Mapping[str, str],
    *,
    gekozen: str | None = None,
    markeer: Sequence[str] = (),
    breedte: int = 80,
    kleur: bool = True,
    heel_nederland: bool = False,
    hoogte: int | None = None,
) -> TerminalKaart:
    """A terminal map (see :func:`passend_cli.kaart.terminalkaart.terminal`)."""
    from passend_cli.kaart.terminalkaart import terminal as maak

    return maak(lidmaatschap, namen, gekozen=gekozen, markeer=markeer, breedte=breedte,
                kleur=kleur, heel_nederland=heel_nederland, hoogte=hoogte)


def __getattr__(naam: str):
    if naam in ("TerminalKaart", "LegendaItem"):
        from passend_cli.kaart import terminalkaart as module

        return getattr(module, naam)
    if naam == "Geometrie":
        from passend_cli.kaart.geometrie import Geometrie

        return Geometrie
    raise AttributeError(naam)
