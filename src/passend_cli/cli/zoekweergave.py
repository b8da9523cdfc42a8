"""Human output of ``zoek``: the answer with its SWVs and contact data, or the list of
places a name belongs to. On a terminal the answer is coloured lines that break only
between words and the places a table; piped, plain text. rich is imported only on the
terminal path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from passend_cli.cli.uitvoer import op_terminal, schrijf
from passend_cli.cli.weergave import (
    console,
    contactregels,
    datum,
    geschiedenis,
    heel_gebroken,
    verbandcode,
    wijzigingsregel,
)
from passend_cli.model import MIN_SCORE
from passend_cli.normaliseer import normaliseer
from passend_cli.resultaten import postcodereeks

if TYPE_CHECKING:
    from passend_cli.antwoorden import Resultaat, Uitkomst


def zoekresultaten(uitkomst: Uitkomst, zoekterm: str) -> None:
    if uitkomst.meerduidig:
        _meerduidig(uitkomst.resultaten, zoekterm, uitkomst.kandidaten)
        return
    from passend_cli.thema import thema_voor_zoekresultaat

    thema = thema_voor_zoekresultaat(uitkomst.resultaten[0].soort)
    voet = _voetregels(uitkomst.resultaten, thema, zoekterm)
    voet.insert(0, _grondslag(uitkomst))
    if op_terminal():
        _antwoord_rich(uitkomst.resultaten[0], voet)
    else:
        _antwoord_tekst(uitkomst.resultaten[0], voet)


def _gesplitst(r: Resultaat) -> bool:
    return any(d.postcodes is not None for d in r.dekking)


def _hint_postcode(r: Resultaat) -> str | None:
    if not _gesplitst(r):
        return None
    voorbeeld = next(d.postcodes[0] for d in r.dekking if d.postcodes)
    return (
        f"{r.naam} valt onder meer dan één samenwerkingsverband per sector. Zoek op uw "
        f"postcode voor het precieze antwoord, bijvoorbeeld: passend zoek {voorbeeld}"
    )


def _alternatieven(resultaten: list[Resultaat]) -> str | None:
    if len(resultaten) < 2:
        return None
    delen = [f"{r.naam} ({r.toelichting})" for r in resultaten[1:]]
    return "Ook gevonden: " + "; ".join(delen) + "."


def _voetregels(resultaten: list[Resultaat], thema: str | None, zoekterm: str) -> list[str]:
    r = resultaten[0]
    regels = []
    if r.score < MIN_SCORE:
        regels.append(f"Let op: '{zoekterm}' niet precies gevonden; dit komt het dichtst bij.")
    regels += [*r.opmerkingen, *(wijzigingsregel(w) for w in r.wijzigingen)]
    if r.elders:
        regels.append(r.elders)
    for extra in (_hint_postcode(r), _alternatieven(resultaten)):
        if extra:
            regels.append(extra)
    regels.append(_kaarthint(r))
    if thema:
        regels.append(f"Meer uitleg: passend thema {thema} (alle thema's: passend thema)")
    return regels


def _grondslag(uitkomst: Uitkomst) -> str:
    """Which indeling and which contact data the answer rests on, and their dates."""
    ind = uitkomst.indeling or {}
    zin = f"Grondslag: {ind.get('bron', 'onbekend')}"
    if ind.get("datum"):
        zin += f" ({datum(ind['datum'])})"
    if ind.get("wijzigingen_tot") and "regeling" in str(ind.get("bron")):
        zin += f", wijzigingen bijgehouden tot {datum(ind['wijzigingen_tot'])}"
    bronnen = sorted({(d.verband.contact_bron, d.verband.contact_datum)
                      for r in uitkomst.resultaten[:1] for d in r.dekking
                      if d.actueel and d.verband.contact_bron})
    if bronnen:
        zin += "; contactgegevens: " + ", ".join(
            f"{b} ({datum(d)})" for b, d in bronnen)
    return zin + "."


def _kaarthint(r: Resultaat) -> str:
    if r.soort == "samenwerkingsverband":
        code = next((d.verband.code for d in r.dekking if d.verband.code), "")
        return f"Kaart: passend kaart {code}"
    if r.school is not None:
        return f"Kaart: passend kaart {r.school.code}"
    plaats = r.naam if r.soort == "postcode" or " " not in r.naam else f'"{r.naam}"'
    return f"Kaart: passend kaart {plaats} (het VO: --sector vo)"


def _kop(r: Resultaat) -> str:
    if r.soort == "postcode":
        return r.toelichting[:1].upper() + r.toelichting[1:]
    return f"{r.naam}: {r.toelichting}"


def _antwoord_tekst(r: Resultaat, voet: list[str]) -> None:
    regels = [_kop(r), ""] if r.dekking else [_kop(r)]
    for d in r.dekking:
        v = d.verband
        if not d.actueel:
            regels.append(f"    {geschiedenis(d)}")
            continue
        regels.append(f"{v.sector}  {verbandcode(v)}  {v.weergavenaam}")
        if d.postcodes is not None:
            regels.append(f"    alleen postcodes: {postcodereeks(d.postcodes)}")
        regels += [f"    {regel}" for regel in contactregels(v)]
    regels.append("")
    regels.extend(voet)
    schrijf("\n".join(regels))


def _antwoord_rich(r: Resultaat, voet: list[str]) -> None:
    """The same lines as the plain text, with colour. No table: a table folds a URL or
    an e-mail address over several lines on a narrow terminal, and then it cannot be
    copied. Lines break only at spaces (:func:`heel_gebroken`)."""
    from rich.text import Text

    regels: list[Text] = []
    vervolg: dict[int, int] = {}  # line number -> indent of its continuation lines
    if r.soort == "postcode":
        regels.append(Text(_kop(r), style="bold cyan"))
    else:
        regels.append(Text.assemble((r.naam, "bold cyan"), ": ", r.toelichting))
    if r.dekking:
        regels.append(Text())
    for d in r.dekking:
        v = d.verband
        if not d.actueel:
            regels.append(Text(f"    {geschiedenis(d)}", style="dim"))
            continue
        kop = Text.assemble((v.sector, "bold"), "  ", (verbandcode(v), "bold cyan"), "  ")
        vervolg[len(regels)] = len(kop)  # a long name continues under itself
        regels.append(kop + Text(v.weergavenaam, style="bold" if v.naam else "italic"))
        if d.postcodes is not None:
            regels.append(Text(f"    alleen postcodes: {postcodereeks(d.postcodes)}"))
        bekend = bool(v.contact_bron)
        for regel in contactregels(v):
            label, scheiding, waarde = regel.partition(": ")
            if bekend and scheiding:
                regels.append(Text.assemble("    ", (label + ":", "dim"), " ", waarde))
            else:
                regels.append(Text(f"    {regel}", style="" if bekend else "dim"))
    regels.append(Text())
    regels += [Text(regel, style="dim" if regel.startswith(("Grondslag", "Kaart", "Meer uitleg"))
                    else "") for regel in voet]
    uit = console()
    for n, tekst in enumerate(regels):
        for deel in heel_gebroken(tekst, uit.width, vervolg.get(n)):
            uit.print(deel, soft_wrap=True)


# --- a name of several places -----------------------------------------------------------


def _kiesvorm(r: Resultaat, zoekterm: str) -> str:
    """How to ask for exactly this candidate: by its own name where that differs from
    the query ("Bergen (L.)", "Loo Gld"), else with its gemeente in brackets."""
    if r.school is not None:
        return f"{r.naam} {r.school.plaats or (r.gemeente.naam if r.gemeente else '')}".strip()
    if r.gemeente is None or normaliseer(r.naam) != normaliseer(zoekterm):
        return r.naam
    return f"{r.naam} ({r.gemeente.naam})"


def _waar(r: Resultaat) -> str:
    if r.soort == "gemeente":
        return f"gemeente in {r.gemeente.provincie}" if r.gemeente else r.toelichting
    return r.toelichting + (f" ({r.gemeente.provincie})" if r.gemeente else "")


def _codes(r: Resultaat, sector: str) -> str:
    return ", ".join(d.verband.code for d in r.dekking if d.verband.sector == sector) or "-"


def _meerduidig(resultaten: list[Resultaat], zoekterm: str, kandidaten: int = 0) -> None:
    voorbeeld = _kiesvorm(resultaten[0], zoekterm)
    soorten = {r.soort == "school" for r in resultaten}
    wat = {frozenset({True}): "scholen", frozenset({False}): "plaatsen"}.get(
        frozenset(soorten), "plaatsen en scholen")
    if all(r.score == 100.0 for r in resultaten):
        kop = f"'{zoekterm}' past bij {max(kandidaten, len(resultaten))} {wat}"
        kop += f"; hieronder de eerste {len(resultaten)}." if kandidaten > len(resultaten) else "."
    elif resultaten[0].score >= MIN_SCORE:
        kop = (f"'{zoekterm}' is geen volledige naam; deze {len(resultaten)} {wat} beginnen "
               "ermee of lijken erop.")
    else:
        kop = f"'{zoekterm}' is niet precies gevonden; deze {wat} komen het dichtst bij."
    kop += (" Kies er een met uw postcode of met de gemeente erbij, bijvoorbeeld: "
            f"passend zoek \"{voorbeeld}\"")
    if op_terminal():
        from rich.table import Table
        from rich.text import Text

        tabel = Table(title=Text(kop), title_justify="left")
        tabel.add_column("Plaats", style="bold", overflow="fold")
        tabel.add_column("Waar", ratio=2, overflow="fold")
        tabel.add_column("PO", no_wrap=True)
        tabel.add_column("VO", no_wrap=True)
        for r in resultaten:
            tabel.add_row(Text(r.naam), Text(_waar(r)), _codes(r, "PO"), _codes(r, "VO"))
        console().print(tabel)
        return
    regels = [kop]
    for r in resultaten:
        regels += ["", f"{r.naam}: {_waar(r)}"]
        regels += [f"    {d.verband.sector}  {d.verband.code}  {d.verband.weergavenaam}"
                   for d in r.dekking]
    schrijf("\n".join(regels))
