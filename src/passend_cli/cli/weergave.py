"""Human output of ``zoek``, ``lijst``, ``toon`` and ``info``: a rich panel and tables on
a terminal, the same facts as plain text when piped. rich is imported only here, and
only on the terminal path."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from passend_cli.cli.uitvoer import op_terminal, schrijf
from passend_cli.zoeken import MIN_SCORE

if TYPE_CHECKING:
    from passend_cli.model import Resultaat, Samenwerkingsverband, Verband

ONBEKEND = "onbekend"
GEEN_CONTACT = "niet bekend (geen bron gevonden)"


def _adres(v: Samenwerkingsverband) -> str:
    plaats = " ".join(d for d in (v.postcode, v.plaats) if d)
    return ", ".join(d for d in (v.straat, plaats) if d)


def _contact(v: Samenwerkingsverband) -> list[tuple[str, str]]:
    return [
        ("website", v.website),
        ("telefoon", v.telefoon),
        ("e-mail", v.email),
        ("adres", _adres(v)),
    ]


def _postcodes(pcs: tuple[str, ...] | None) -> str:
    """PC4s with consecutive runs shortened: 1117-1119, 1161, 2131-2136."""
    if pcs is None:
        return ""
    delen: list[str] = []
    reeks: list[int] = []
    for n in sorted(int(p) for p in pcs):
        if reeks and n == reeks[-1] + 1:
            reeks.append(n)
            continue
        if reeks:
            delen.append(_reeks(reeks))
        reeks = [n]
    if reeks:
        delen.append(_reeks(reeks))
    return ", ".join(delen)


def _reeks(reeks: list[int]) -> str:
    return f"{reeks[0]:04d}" if len(reeks) == 1 else f"{reeks[0]:04d}-{reeks[-1]:04d}"


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
    return "Bedoelde u ook: " + "; ".join(delen) + "?"


def _zoek_voetregels(
    resultaten: list[Resultaat], thema: str | None, zoekterm: str = ""
) -> list[str]:
    r = resultaten[0]
    regels = []
    if r.score < MIN_SCORE:
        regels.append(f"Let op: '{zoekterm}' niet precies gevonden; dit komt het dichtst bij.")
    regels += [*r.opmerkingen, *(f"{w.datum}: {w.tekst}" for w in r.wijzigingen)]
    for extra in (_hint_postcode(r), _alternatieven(resultaten)):
        if extra:
            regels.append(extra)
    if thema:
        regels.append(f"Meer uitleg: passend thema {thema} (alle thema's: passend thema)")
    return regels


# --- zoek ----------------------------------------------------------------------------


def zoekresultaten(resultaten: list[Resultaat], zoekterm: str) -> None:
    from passend_cli.thema import thema_voor_zoekresultaat

    thema = thema_voor_zoekresultaat(resultaten[0].soort)
    if op_terminal():
        _zoek_rich(resultaten, zoekterm, thema)
    else:
        _zoek_tekst(resultaten, zoekterm, thema)


def _kop(r: Resultaat) -> str:
    if r.soort == "postcode":
        return r.toelichting[:1].upper() + r.toelichting[1:]
    return f"{r.naam}: {r.toelichting}"


def _zoek_tekst(resultaten: list[Resultaat], zoekterm: str, thema: str | None) -> None:
    r = resultaten[0]
    regels = [_kop(r), ""] if r.dekking else [_kop(r)]
    for d in r.dekking:
        v = d.verband
        regels.append(f"{v.sector}  {v.code}  {v.weergavenaam}")
        if d.postcodes is not None:
            regels.append(f"    alleen postcodes: {_postcodes(d.postcodes)}")
        bekend = [(k, w) for k, w in _contact(v) if w]
        for k, w in bekend:
            regels.append(f"    {k + ':':<10}{w}")
        if not bekend:
            regels.append(f"    contactgegevens: {GEEN_CONTACT}")
    regels.append("")
    regels.extend(_zoek_voetregels(resultaten, thema, zoekterm))
    schrijf("\n".join(regels))


def _console():
    from rich.console import Console

    # Names and addresses come from sources: never read "[...]" in them as markup or
    # ":...:" as emoji; styles are set explicitly with Text.
    return Console(highlight=False, markup=False, emoji=False)


def _zoek_rich(resultaten: list[Resultaat], zoekterm: str, thema: str | None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    r = resultaten[0]
    # One table with the answer as its title: as clear as a panel around a table, and
    # half the rendering work on a command whose start-up time matters.
    titel = Text.assemble((r.naam, "bold cyan"), ": ", r.toelichting)
    tabel = Table(title=titel, title_justify="left", expand=True, show_lines=True,
                  box=box.ROUNDED, border_style="cyan")
    tabel.add_column("Sector", style="bold", no_wrap=True)
    tabel.add_column("Code", no_wrap=True)
    tabel.add_column("Samenwerkingsverband", ratio=3, overflow="fold")
    if _gesplitst(r):
        tabel.add_column("Postcodes", ratio=2)
    tabel.add_column("Contact", ratio=3, overflow="fold")
    for d in r.dekking:
        v = d.verband
        contact: Any = "\n".join(f"{k}: {w}" for k, w in _contact(v) if w)
        contact = contact or Text(GEEN_CONTACT, style="dim")
        naam = Text(v.weergavenaam, style="bold" if v.naam else "italic")
        cellen: list[Any] = [v.sector, v.code, naam]
        if _gesplitst(r):
            cellen.append(_postcodes(d.postcodes) or "overige")
        cellen.append(contact)
        tabel.add_row(*cellen)
    console = _console()
    console.print(tabel if r.dekking else titel)
    for regel in _zoek_voetregels(resultaten, thema, zoekterm):
        console.print(Text(regel))


# --- lijst ---------------------------------------------------------------------------


def lijst(verbanden: list[Verband]) -> None:
    if op_terminal():
        from rich.table import Table

        tabel = Table(title=f"{len(verbanden)} samenwerkingsverbanden", title_justify="left")
        for kolom in ("Code", "Sector", "Naam", "Gemeenten", "Belangrijkste gemeenten", "Website"):
            tabel.add_column(kolom, overflow="fold")
        for x in verbanden:
            v = x.verband
            tabel.add_row(v.code, v.sector, v.weergavenaam, str(len(x.gemeenten)),
                          ", ".join(x.hoofdgemeenten()), v.website)
        _console().print(tabel)
        return
    regels = ["code\tsector\tnaam\tgemeenten\tbelangrijkste gemeenten\twebsite"]
    regels += [
        "\t".join((x.verband.code, x.verband.sector, x.verband.weergavenaam,
                   str(len(x.gemeenten)), ", ".join(x.hoofdgemeenten()), x.verband.website))
        for x in verbanden
    ]
    schrijf("\n".join(regels))


# --- toon ----------------------------------------------------------------------------


def _toon_velden(x: Verband) -> list[tuple[str, str]]:
    v = x.verband
    bewijs = {
        "code_on_page": "de code staat op een bronpagina",
        "region_match": "naam en gebied passen bij de code (de code zelf staat niet op de pagina)",
    }.get(v.bewijs, "geen bron gevonden die een naam bij deze code geeft")
    return [
        ("code", f"{v.code} ({v.regiocode})"),
        ("sector", "primair onderwijs" if v.sector == "PO" else "voortgezet onderwijs"),
        ("naam", v.naam or ONBEKEND),
        ("ook bekend als", "; ".join(v.ook_bekend_als)),
        *((k, w or ONBEKEND) for k, w in _contact(v)),
        ("provincies", ", ".join(x.provincies)),
        ("zekerheid naam", bewijs),
        ("bronnen", "\n".join(v.bronnen)),
    ]


def _gemeente_regel(d) -> str:
    if d.postcodes is None:
        return "hele gemeente"
    return "alleen postcodes " + _postcodes(d.postcodes)


def toon(x: Verband) -> None:
    velden = [(k, w) for k, w in _toon_velden(x) if w]
    if op_terminal():
        from rich.panel import Panel
        from rich.table import Table
        from rich.text import Text

        kop = Table.grid(padding=(0, 2))
        kop.add_column(style="bold", no_wrap=True)
        kop.add_column(overflow="fold")
        for k, w in velden:
            kop.add_row(k, w)
        gemeenten = Table(title=f"{len(x.gemeenten)} gemeenten", title_justify="left")
        for kolom in ("Gemeente", "Provincie", "Gebied"):
            gemeenten.add_column(kolom, overflow="fold")
        for d in x.gemeenten:
            gemeenten.add_row(d.gemeente.naam, d.gemeente.provincie, _gemeente_regel(d))
        console = _console()
        titel = Text(x.verband.weergavenaam, style="bold")
        console.print(Panel(kop, title=titel, border_style="cyan"))
        console.print(gemeenten)
        for w in x.wijzigingen:
            console.print(f"{w.datum}: {w.tekst}")
        return
    regels = [x.verband.weergavenaam, ""]
    for k, w in velden:
        w = w.replace("\n", "\n" + " " * 17)
        regels.append(f"{k + ':':<17}{w}")
    regels += ["", f"Gemeenten ({len(x.gemeenten)}):"]
    regels += [f"  {d.gemeente.naam} ({d.gemeente.provincie}): {_gemeente_regel(d)}"
               for d in x.gemeenten]
    regels += [f"{w.datum}: {w.tekst}" for w in x.wijzigingen]
    schrijf("\n".join(regels))


# --- info ----------------------------------------------------------------------------


def info(gegevens: dict[str, Any]) -> None:
    herkomst = ("bijgewerkte kopie (passend data update)" if gegevens["herkomst"] == "gebruiker"
                else "meegeleverd bij het programma")
    regels = [
        f"Actieve dataset: {herkomst}",
        f"Map:             {gegevens['map']}",
        f"Versie:          {gegevens['versie']}",
        "",
        gegevens["omschrijving"],
        "",
        "Peildata:",
        *(f"  {k.replace('_', ' ')}: {w}" for k, w in gegevens["referentiedata"].items()),
        "",
        "Aantallen:",
        *(f"  {k.replace('_', ' ')}: {w}" for k, w in gegevens["aantallen"].items()),
        "",
        "Bronnen:",
        *(f"  - {b}" for b in gegevens["bronnen"]),
    ]
    schrijf("\n".join(regels))


# --- thema ---------------------------------------------------------------------------


def themalijst(themas: list[Any]) -> None:
    if op_terminal():
        from rich.table import Table

        tabel = Table(title="Thema's over passend onderwijs", title_justify="left")
        tabel.add_column("Onderwerp", style="bold", no_wrap=True)
        tabel.add_column("Titel")
        tabel.add_column("Waar gaat het over", overflow="fold")
        for t in themas:
            tabel.add_row(t.slug, t.titel, t.samenvatting)
        console = _console()
        console.print(tabel)
        console.print("Lees een thema met: passend thema ONDERWERP, bijv.: passend thema tlv")
        return
    breedte = max(len(t.slug) for t in themas)
    schrijf("\n".join(f"{t.slug:<{breedte}}  {t.titel}: {t.samenvatting}" for t in themas))


def thema(t: Any, gerelateerd: list[Any]) -> None:
    verder = [f"{g.titel} (passend thema {g.slug})" for g in gerelateerd]
    if op_terminal():
        from rich.markdown import Markdown
        from rich.text import Text

        console = _console()
        console.print(Markdown(t.markdown))
        if verder:
            console.print()
            console.print(Text.assemble(("Zie ook: ", "bold"), "; ".join(verder)))
        return
    tekst = t.markdown.rstrip("\n")
    if verder:
        tekst += "\n\nZie ook: " + "; ".join(verder)
    schrijf(tekst)
