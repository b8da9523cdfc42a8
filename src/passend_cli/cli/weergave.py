"""Human output of ``lijst``, ``toon``, ``info`` and ``thema`` (``zoek``: see
:mod:`.zoekweergave`): rich tables on a terminal, the same facts as plain text when
piped. rich is imported only on the terminal path."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from passend_cli.cli.uitvoer import op_terminal, schrijf
from passend_cli.resultaten import postcodereeks

if TYPE_CHECKING:
    from passend_cli.antwoorden import Dekking, Verband
    from passend_cli.model import Samenwerkingsverband

ONBEKEND = "onbekend"
BREED = 150  # columns from which lijst shows its full table (websites up to ~60)
_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


def _adres(v: Samenwerkingsverband) -> str:
    plaats = " ".join(d for d in (v.postcode, v.plaats) if d)
    return ", ".join(d for d in (v.straat, plaats) if d)


def contact(v: Samenwerkingsverband) -> list[tuple[str, str]]:
    return [
        ("website", v.website),
        ("telefoon", v.telefoon),
        ("e-mail", v.email),
        ("adres", _adres(v)),
    ]


# The reference dates by the words a reader knows.
PEILDATA = {
    "regio_indeling": "regio-indeling",
    "namen_samenwerkingsverbanden": "namen van de samenwerkingsverbanden",
    "gemeentelijke_indeling": "gemeentelijke indeling",
    "postcodes_geonames": "postcodes (GeoNames)",
    "woonplaatsen": "woonplaatsen",
    "plaatsenlijst_wikipedia": "kernen en buurtschappen (plaatsenlijst)",
    "herindelingen_tabel33": "herindelingen (RvIG Tabel 33)",
    "contactgegevens": "contactgegevens",
    "wijzigingen": "bekende wijzigingen",
    "scholenlijst": "scholenlijst",
    "koppeling_scholen_vo": "koppeling VO-scholen en samenwerkingsverbanden",
    "koppeling_scholen_rio": "koppeling scholen en samenwerkingsverbanden (RIO)",
}


def peildatum_label(sleutel: str) -> str:
    return PEILDATA.get(sleutel, sleutel.replace("_", " "))


def datum(iso: str | None) -> str:
    """``2018-08-01`` as ``1 augustus 2018`` (``2016-10`` as ``oktober 2016``)."""
    if not iso:
        return "onbekende datum"
    delen = iso.split("-")
    try:
        if len(delen) == 3:
            return f"{int(delen[2])} {_MAANDEN[int(delen[1]) - 1]} {delen[0]}"
        if len(delen) == 2:
            return f"{_MAANDEN[int(delen[1]) - 1]} {delen[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def contactbron(v: Samenwerkingsverband) -> str:
    """Where the contact block comes from and how old it is, as one phrase."""
    if v.contact_bron == "DUO":
        return f"DUO (RIO), peildatum {datum(v.contact_datum)}"
    return f"{v.contact_bron}, verzameld tot {datum(v.contact_datum)}"


def contactregels(v: Samenwerkingsverband) -> list[str]:
    """The contact block of an SWV as lines: the known facts with their source and any
    note; when nothing is known, the most useful next steps."""
    bekend = [f"{k}: {w}" for k, w in contact(v) if w]
    if bekend:
        regels = [*bekend, f"bron: {contactbron(v)}"]
        if v.opmerking:
            regels.append(f"let op: {v.opmerking}")
        return regels
    wie = f'"{v.weergavenaam}"' + (f" ({v.regiocode})" if v.code else "")
    return [
        f"contactgegevens nog niet bekend: zoek naar {wie},",
        "vraag het de intern begeleider of zorgcoördinator van de school,",
        "of haal het officiële adres bij DUO op met: passend data update",
    ]


def verbandcode(v: Samenwerkingsverband) -> str:
    return v.code or "(code onbekend)"


def geschiedenis(d: Dekking) -> str:
    """A superseded SWV as one line of history."""
    o = d.opvolger
    tot = f"tot {datum(o.sinds)}" if o and o.sinds else "vroeger"
    door = f"; nu {o.naam}" if o else ""
    return f"{tot}: {d.verband.code} {d.verband.weergavenaam} (regeling 2015){door}"


def wijzigingsregel(w) -> str:
    return f"{datum(w.datum)}: {w.tekst}" if w.datum else w.tekst


def console():
    from rich.console import Console

    # Names and addresses come from sources: never read "[...]" in them as markup or
    # ":...:" as emoji; styles are set explicitly with Text.
    return Console(highlight=False, markup=False, emoji=False)


def heel_gebroken(regel: Any, breedte: int, vervolg: int | None = None) -> list[Any]:
    """A rich Text as lines of at most *breedte* columns, broken only at spaces, so a
    URL, an e-mail address, a code or a postcode range is never split: a word longer
    than the line stays whole (the terminal shows it over two lines, and copying gives
    it back whole). Continuation lines are indented by *vervolg* (default: the line's
    own indent).

    >>> from rich.text import Text
    >>> [t.plain for t in heel_gebroken(Text("    website: https://example.org/lang"), 20)]
    ['    website:', '    https://example.org/lang']
    """
    tekst = regel.plain
    if len(tekst) <= breedte:
        return [regel]
    inspring = len(tekst) - len(tekst.lstrip(" "))
    vervolg = inspring if vervolg is None else vervolg
    grenzen: list[int] = []
    begin, ruimte, spatie = 0, breedte, -1
    for i, teken in enumerate(tekst):
        if teken == " " and i > max(inspring, begin):
            spatie = i
        if i - begin >= ruimte and spatie > begin:
            grenzen.append(spatie + 1)
            begin, ruimte = spatie + 1, max(breedte - vervolg, 20)
    uit = []
    for n, deel in enumerate(regel.divide(grenzen)):
        deel.rstrip()
        uit.append(deel if n == 0 else type(deel)(" " * vervolg) + deel)
    return uit


# --- lijst ---------------------------------------------------------------------------


def lijst(verbanden: list[Verband]) -> None:
    if op_terminal():
        from rich.table import Table
        from rich.text import Text

        uit = console()
        # Codes and websites are never folded (they are copied); on a narrow terminal
        # the table keeps the columns that fit and says where the rest is.
        breed = uit.width >= BREED
        tabel = Table(title=f"{len(verbanden)} samenwerkingsverbanden", title_justify="left")
        tabel.add_column("Code", no_wrap=True)
        tabel.add_column("Naam", ratio=3, overflow="fold", min_width=24 if breed else None)
        tabel.add_column("Gemeenten", justify="right", no_wrap=True)
        if breed:
            tabel.add_column("Belangrijkste gemeenten", ratio=2)
            tabel.add_column("Scholen", justify="right", no_wrap=True)
            tabel.add_column("Website", no_wrap=True)
        for x in verbanden:
            v = x.verband
            cellen: list[str | Text] = [v.code, Text(v.weergavenaam), str(len(x.gemeenten))]
            if breed:
                cellen += [Text(", ".join(x.hoofdgemeenten())), str(x.aantal_scholen),
                           v.website]
            tabel.add_row(*cellen)
        uit.print(tabel)
        if not breed:
            uit.print(Text("Websites, scholen en gemeenten: passend toon CODE, of passend "
                           "lijst --csv.", style="dim"))
        return
    regels = ["code\tsector\tnaam\tgemeenten\tbelangrijkste gemeenten\tscholen\twebsite"]
    regels += [
        "\t".join((x.verband.code, x.verband.sector, x.verband.weergavenaam,
                   str(len(x.gemeenten)), ", ".join(x.hoofdgemeenten()),
                   str(x.aantal_scholen), x.verband.website))
        for x in verbanden
    ]
    schrijf("\n".join(regels))


# --- toon ----------------------------------------------------------------------------


def _toon_velden(x: Verband) -> list[tuple[str, str]]:
    v = x.verband
    bewijs = {
        "code_on_page": "de code staat op een bronpagina",
        "region_match": "naam en gebied passen bij de code (de code zelf staat niet op de pagina)",
        "duo": "de naam komt van DUO (RIO)",
    }.get(v.bewijs, "geen bron gevonden die een naam bij deze code geeft")
    o = x.opvolger
    return [
        ("code", f"{v.code} ({v.regiocode})"),
        ("opgevolgd door", f"{o.naam}{f' ({o.code})' if o.code else ''}, "
                           f"{'sinds ' + datum(o.sinds) if o.sinds else 'datum onbekend'}"
         if o else ""),
        ("sector", "primair onderwijs" if v.sector == "PO" else "voortgezet onderwijs"),
        ("naam", v.naam or ONBEKEND),
        ("ook bekend als", "; ".join(v.ook_bekend_als)),
        # Nothing known: the next steps instead of four times "onbekend".
        *(((k, w or ONBEKEND) for k, w in contact(v)) if v.contact_bron else ()),
        ("contactgegevens", contactbron(v) if v.contact_bron else
         "\n".join(contactregels(v)).removeprefix("contactgegevens ")),
        ("let op", v.opmerking),
        ("provincies", ", ".join(x.provincies)),
        ("zekerheid naam", bewijs),
        ("bronnen", "\n".join(v.bronnen)),
    ]


def _gemeente_regel(d) -> str:
    if d.postcodes is None:
        return "hele gemeente"
    return "alleen postcodes " + postcodereeks(d.postcodes)


def toon(x: Verband) -> None:
    velden = [(k, w) for k, w in _toon_velden(x) if w]
    if op_terminal():
        from rich.table import Table
        from rich.text import Text

        uit = console()
        # Label and value lines, not a grid: a grid folds a URL inside its column.
        uit.print(Text(x.verband.weergavenaam, style="bold cyan"), soft_wrap=True)
        uit.print()
        for k, w in velden:
            for n, deel in enumerate(w.split("\n")):
                label = Text(f"{k + ':' if n == 0 else '':<17}", style="bold")
                for stuk in heel_gebroken(label + Text(deel), uit.width, 17):
                    uit.print(stuk, soft_wrap=True)
        aantal = len(x.gemeenten)
        gemeenten = Table(title=f"{aantal} {'gemeente' if aantal == 1 else 'gemeenten'}",
                          title_justify="left")
        gemeenten.add_column("Gemeente", ratio=2, overflow="fold")
        gemeenten.add_column("Provincie", ratio=1, overflow="fold")
        gemeenten.add_column("Gebied", ratio=3)
        for d in x.gemeenten:
            gemeenten.add_row(d.gemeente.naam, d.gemeente.provincie, _gemeente_regel(d))
        uit.print()
        uit.print(gemeenten)
        for wijziging in x.wijzigingen:
            uit.print(Text(wijzigingsregel(wijziging)))
        uit.print(f"Kaart: passend kaart {x.verband.code}")
        return
    regels = [x.verband.weergavenaam, ""]
    for k, w in velden:
        w = w.replace("\n", "\n" + " " * 17)
        regels.append(f"{k + ':':<17}{w}")
    regels += ["", f"Gemeenten ({len(x.gemeenten)}):"]
    regels += [f"  {d.gemeente.naam} ({d.gemeente.provincie}): {_gemeente_regel(d)}"
               for d in x.gemeenten]
    regels += [wijzigingsregel(w) for w in x.wijzigingen]
    regels.append(f"Kaart: passend kaart {x.verband.code}")
    schrijf("\n".join(regels))


def scholen(x: Verband, lijst: list, datum: str) -> None:
    """The schools of one SWV: name, kind, place."""
    kop = (f"{x.verband.code} {x.verband.weergavenaam}: {len(lijst)} scholen "
           f"(scholenlijst {datum})")
    if op_terminal():
        from rich.table import Table
        from rich.text import Text

        tabel = Table(title=Text(kop), title_justify="left")
        tabel.add_column("Code", no_wrap=True)
        tabel.add_column("School", ratio=3, overflow="fold")
        tabel.add_column("Soort", ratio=1, overflow="fold")
        tabel.add_column("Plaats", ratio=2, overflow="fold")
        for s in lijst:
            tabel.add_row(s.code, Text(s.naam), s.soortnaam, Text(s.plaats or ""))
        console().print(tabel)
        return
    regels = [kop, ""] + [f"{s.code}  {s.naam} ({s.soortnaam}, {s.plaats or 'plaats onbekend'})"
                          for s in lijst]
    schrijf("\n".join(regels))


# --- info ----------------------------------------------------------------------------


def info(gegevens: dict[str, Any]) -> None:
    herkomst = ("bijgewerkte kopie (passend data update)" if gegevens["herkomst"] == "bijgewerkt"
                else "meegeleverd bij het programma")
    regels = [
        f"Actieve dataset: {herkomst}",
        f"Map:             {gegevens['map']}",
        f"Versie:          {gegevens['versie']}",
        "",
        gegevens["omschrijving"],
        "",
        "Peildata:",
        *(f"  {peildatum_label(k)}: {w}" for k, w in gegevens["referentiedata"].items()),
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
        uit = console()
        uit.print(tabel)
        uit.print("Lees een thema met: passend thema ONDERWERP, bijv.: passend thema tlv")
        return
    breedte = max(len(t.slug) for t in themas)
    schrijf("\n".join(f"{t.slug:<{breedte}}  {t.titel}: {t.samenvatting}" for t in themas))


def thema(t: Any, gerelateerd: list[Any]) -> None:
    verder = [f"{g.titel} (passend thema {g.slug})" for g in gerelateerd]
    if op_terminal():
        from rich.markdown import Markdown
        from rich.text import Text

        uit = console()
        uit.print(Markdown(t.markdown))
        if verder:
            uit.print()
            uit.print(Text.assemble(("Zie ook: ", "bold"), "; ".join(verder)))
        return
    tekst = t.markdown.rstrip("\n")
    if verder:
        tekst += "\n\nZie ook: " + "; ".join(verder)
    schrijf(tekst)
