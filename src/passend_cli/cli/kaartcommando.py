"""``passend kaart``: an SWV's area in the terminal, or the whole country as SVG.

What to draw follows from the query as ``zoek`` reads it: an SWV code draws that SWV, a
place or postcode draws the SWV of the chosen sector there and marks the place."""

# No `from __future__ import annotations` in the modules that declare commands: Typer
# reads every command's annotations at each start, and real objects spare it an eval
# per parameter (a few milliseconds of start-up).

import contextlib
import os
import shutil
from pathlib import Path
from typing import Annotated

import typer

from passend_cli.cli import aanvulling, uitvoer
from passend_cli.cli.basis import SectorOptie
from passend_cli.fouten import NietGevonden, OngeldigeInvoer, oorzaak, toonbaar


def _keuze(term: str, sector: str | None) -> tuple[str, str | None, list[str], str]:
    """(sector, chosen SWV code, PC4s to mark, title) for the query *term*."""
    from passend_cli import zoeken

    uitkomst = zoeken.zoek(term, limiet=1)
    if uitkomst.meerduidig:
        plaatsen = "; ".join(f"{r.naam} ({r.gemeente.naam if r.gemeente else r.soort})"
                             for r in uitkomst.resultaten[:6])
        raise NietGevonden(f"'{toonbaar(term)}' past bij meer plaatsen: {plaatsen}. "
                           "Kies er een met de postcode of de gemeente erbij.")
    if not uitkomst.resultaten:
        raise NietGevonden(f"Niets gevonden voor '{toonbaar(term)}'.",
                           suggesties=zoeken.suggesties(term))
    r = uitkomst.resultaten[0]
    if r.soort == "samenwerkingsverband":
        v = r.dekking[0].verband
        if sector and sector != v.sector:
            raise OngeldigeInvoer(f"{v.code} is een {v.sector}-samenwerkingsverband, "
                                  f"geen {sector}-samenwerkingsverband.")
        return v.sector, v.code, [], f"{v.code} {v.weergavenaam}"
    sector = sector or (r.school.sector if r.school else "PO")
    codes = [d.verband.code for d in r.dekking if d.verband.sector == sector]
    return sector, (codes[0] if codes else None), list(r.pc4s), f"{r.naam} ({sector})"


def kaart(
    code_of_plaats: Annotated[
        list[str] | None,
        typer.Argument(metavar="CODE|PLAATS|POSTCODE", autocompletion=aanvulling.codes,
                       help="Samenwerkingsverband, plaats of postcode; leeg: heel Nederland."),
    ] = None,
    sector: SectorOptie = None,
    svg: Annotated[
        str | None,
        typer.Option("--svg", metavar="BESTAND",
                     help="Schrijf de kaart als SVG naar dit bestand (- is stdout)."),
    ] = None,
    heel_nederland: Annotated[
        bool, typer.Option("--heel-nederland", help="Toon heel Nederland, niet alleen de regio.")
    ] = False,
) -> None:
    """Toon het gebied van een samenwerkingsverband als kaart, of als SVG.

    Voorbeelden: passend kaart VO2705 · passend kaart Overveen --sector vo · passend kaart
    --sector vo --svg nl-vo.svg
    """
    from passend_cli import kaart as kaarten
    from passend_cli.cli.app import actieve_dataset

    ds = actieve_dataset()
    keuze = sector.value.upper() if sector else None
    term = " ".join(code_of_plaats or [])
    if term.strip():
        keuze, gekozen, markeer, titel = _keuze(term, keuze)
    elif keuze:
        gekozen, markeer, titel = None, [], f"Samenwerkingsverbanden {keuze}"
    else:
        raise OngeldigeInvoer("Noem een samenwerkingsverband, plaats of postcode, of kies "
                              "een sector met --sector po of --sector vo.")
    lidmaatschap = {pc: p.swv(keuze) for pc, p in ds.postcodes.items()}
    namen = {c: v.weergavenaam for c, v in ds.verbanden.items() if c.startswith(keuze)}
    notities = _notities(ds, keuze, gekozen)
    if svg is not None:
        try:
            inhoud = kaarten.svg(lidmaatschap, namen, gekozen=gekozen, markeer=markeer,
                                 titel=titel, notities=notities)
        except ValueError as fout:  # the chosen SWV has no area on the map
            raise NietGevonden(str(fout)) from None
        _schrijf_svg(svg, inhoud)
        return
    try:
        breedte, hoogte = shutil.get_terminal_size((80, 24))
        kleur = uitvoer.op_terminal() and not os.environ.get("NO_COLOR")
        getekend = kaarten.terminal(
            lidmaatschap, namen, gekozen=gekozen, markeer=markeer, breedte=breedte,
            kleur=kleur, heel_nederland=heel_nederland or gekozen is None,
            hoogte=max(12, hoogte - 4) if uitvoer.op_terminal() else None)
    except ValueError as fout:  # the chosen SWV has no area on the map
        raise NietGevonden(str(fout)) from None
    getekend.notities += notities
    if not kleur:
        uitvoer.schrijf(getekend.tekst())
        return
    from rich.text import Text

    from passend_cli.cli.weergave import console

    uit = console()
    for regel in getekend.alle_regels():
        tekst = Text(no_wrap=True, overflow="crop")
        for stuk, stijl in regel:
            tekst.append(stuk, style=stijl)
        uit.print(tekst)


def _notities(ds, sector: str, gekozen: str | None) -> list[str]:
    """What the map rests on, dated, and the known changes the areas do not show yet
    (for the chosen SWV, or every one of the sector on a whole-country map)."""
    from passend_cli.cli.weergave import datum, wijzigingsregel

    ind = ds.indeling()
    op = f", {datum(ind['datum'])}" if ind["datum"] else ""
    if ds.metadata.get("indeling") == "duo":
        regels = [f"Gebieden volgens DUO (RIO{op})."]
    else:
        regels = [f"Gebieden volgens de regeling regio-indeling van 2015 ({op[2:]})."
                  if op else "Gebieden volgens de regeling regio-indeling van 2015."]
    for w in ds.wijzigingen:
        if w.soort != "opvolger":
            continue
        if (gekozen in w.swv) if gekozen else any(c.startswith(sector) for c in w.swv):
            regels.append(f"Niet op de kaart, wel bekend: {wijzigingsregel(w)}")
    return regels


def _schrijf_svg(bestand: str, inhoud: str) -> None:
    """Write the SVG whole or not at all: to a temporary file, then into place."""
    if bestand == "-":
        uitvoer.schrijf(inhoud)
        return
    doel = Path(bestand)
    tijdelijk = doel.with_name(f".{doel.name}.tmp")
    try:
        tijdelijk.write_text(inhoud, encoding="utf-8")
        os.replace(tijdelijk, doel)
    except (OSError, ValueError) as fout:
        with contextlib.suppress(OSError, ValueError):
            tijdelijk.unlink(missing_ok=True)
        raise OngeldigeInvoer(
            f"Kan de kaart niet schrijven naar '{toonbaar(bestand)}' ({oorzaak(fout)})."
        ) from None
    uitvoer.melding(f"Kaart geschreven naar {toonbaar(bestand, 80)} "
                    f"({len(inhoud.encode()) // 1024} kB).")
