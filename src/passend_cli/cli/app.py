"""The ``passend`` commands: parse arguments, call the library, render the answer.

Each command imports the library module it needs when it runs, so ``passend --help``
reads no data and imports neither rapidfuzz nor rich (help pages are plain text, see
:mod:`.basis`).
"""

# No `from __future__ import annotations` in the modules that declare commands: Typer
# reads every command's annotations at each start, and real objects spare it an eval
# per parameter (a few milliseconds of start-up).

from typing import Annotated

import typer

from passend_cli import __version__
from passend_cli.cli import aanvulling, kaartcommando, uitvoer
from passend_cli.cli.basis import (
    CsvOptie,
    JsonOptie,
    PassendCommando,
    PassendGroep,
    SectorOptie,
)
from passend_cli.cli.data import data_app
from passend_cli.fouten import GeenVerbandMaarPlaats, OngeldigeInvoer, toonbaar


def _versie(ctx: typer.Context, waarde: bool) -> None:
    if not waarde or ctx.resilient_parsing:  # tab completion parses without acting
        return
    from passend_cli.dataset import laad

    ds = laad()
    herkomst = "bijgewerkt" if ds.herkomst == "bijgewerkt" else "meegeleverd"
    typer.echo(f"passend {__version__} (dataset {ds.versie}, {herkomst})")
    raise typer.Exit()


app = typer.Typer(
    cls=PassendGroep,
    name="passend",
    help=(
        "Welk samenwerkingsverband passend onderwijs (PO en VO) hoort bij deze plaats? "
        "Zoek op gemeente, woonplaats, postcode of code, offline.\n\n"
        "Voorbeeld: passend zoek Haarlem"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # Dutch --install-completion and --show-completion, with a shell name: see _hoofd.
    add_completion=False,
)


@app.callback()
def _hoofd(
    versie: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_versie, is_eager=True,
                     help="Toon de versie van het programma en van de dataset."),
    ] = False,
    installeer: Annotated[
        str | None,
        typer.Option("--install-completion", metavar="[SHELL]", callback=aanvulling.installeer,
                     is_eager=True, expose_value=False, autocompletion=aanvulling.shells,
                     help="Installeer tab-aanvulling voor deze shell (bash, zsh of fish; "
                          "zonder naam: de huidige)."),
    ] = None,
    toon: Annotated[
        str | None,
        typer.Option("--show-completion", metavar="[SHELL]", callback=aanvulling.toon,
                     is_eager=True, expose_value=False, autocompletion=aanvulling.shells,
                     help="Toon het script voor tab-aanvulling, om zelf te installeren."),
    ] = None,
) -> None:
    """Welk samenwerkingsverband passend onderwijs hoort bij deze plaats?"""


app.add_typer(data_app, name="data")


def actieve_dataset():
    """The active dataset; a damaged user copy is reported once, with how to repair it."""
    from passend_cli.dataset import laad

    ds = laad()
    if ds.waarschuwing:
        uitvoer.melding(
            f"{ds.waarschuwing} Herstel met 'passend data update' of 'passend data reset'."
        )
    return ds


def _niet_tegelijk(json_: bool, csv_: bool) -> None:
    if json_ and csv_:
        raise OngeldigeInvoer("Kies --json of --csv, niet allebei.")


# --- commands --------------------------------------------------------------------------


@app.command(cls=PassendCommando)
def zoek(
    zoekterm: Annotated[
        list[str],
        typer.Argument(metavar="ZOEKTERM",
                       help="Gemeente, woonplaats, postcode (1234 of 1234 AB), code of naam."),
    ],
    sector: SectorOptie = None,
    limiet: Annotated[
        int, typer.Option("--limiet", "-n", min=1, max=50, metavar="AANTAL",
                          help="Hoeveel resultaten hooguit.")
    ] = 5,
    json_: JsonOptie = False,
) -> None:
    """Zoek de samenwerkingsverbanden bij een plaats, postcode of code.

    Voorbeelden: passend zoek Overveen · passend zoek 2051 AB · passend zoek "PO 27-07"
    """
    from passend_cli import zoeken

    term = " ".join(zoekterm)
    actieve_dataset()
    uitkomst = zoeken.zoek(term, limiet=limiet, sector=sector.value if sector else None)
    if json_:
        uitvoer.schrijf_json(uitkomst.als_json())
    if not uitkomst.resultaten:
        uitvoer.melding(f"Niets gevonden voor '{toonbaar(term)}'.")
        suggesties = zoeken.suggesties(term)
        if suggesties:
            uitvoer.melding("Bedoelde u: " + ", ".join(suggesties) + "?")
        raise typer.Exit(1)
    if not json_:
        from passend_cli.cli import zoekweergave

        zoekweergave.zoekresultaten(uitkomst, toonbaar(term))


@app.command(cls=PassendCommando)
def lijst(
    sector: SectorOptie = None,
    provincie: Annotated[
        str | None,
        typer.Option("--provincie", "-p", metavar="NAAM", autocompletion=aanvulling.provincies,
                     help="Alleen in deze provincie.")
    ] = None,
    json_: JsonOptie = False,
    csv_: CsvOptie = False,
) -> None:
    """Toon alle samenwerkingsverbanden, eventueel per sector of provincie.

    Voorbeeld: passend lijst --sector po --provincie Gelderland
    """
    from passend_cli import verbanden

    _niet_tegelijk(json_, csv_)
    actieve_dataset()
    resultaat = verbanden.lijst(sector.value if sector else None, provincie)
    if json_:
        uitvoer.schrijf_json([x.als_json(volledig=False) for x in resultaat])
    elif csv_:
        uitvoer.schrijf_csv(
            ("code", "sector", "naam", "aantal_gemeenten", "gemeenten", "provincies",
             "aantal_scholen", "website"),
            (
                (x.verband.code, x.verband.sector, x.verband.naam, len(x.gemeenten),
                 "; ".join(d.gemeente.naam for d in x.gemeenten), "; ".join(x.provincies),
                 x.aantal_scholen, x.verband.website)
                for x in resultaat
            ),
        )
    elif resultaat:
        from passend_cli.cli import weergave

        weergave.lijst(resultaat)
    else:
        uitvoer.melding("Geen samenwerkingsverbanden gevonden met deze keuze.")
    if not resultaat:
        raise typer.Exit(1)


@app.command(cls=PassendCommando)
def toon(
    code_of_naam: Annotated[
        list[str],
        typer.Argument(metavar="CODE_OF_NAAM", autocompletion=aanvulling.codes,
                       help="Code (VO2705, 'po 27-07') of naam.")
    ],
    scholen: Annotated[
        bool, typer.Option("--scholen", help="Toon de scholen van dit samenwerkingsverband.")
    ] = False,
    json_: JsonOptie = False,
    csv_: CsvOptie = False,
) -> None:
    """Toon één samenwerkingsverband: contactgegevens en alle gemeenten.

    Voorbeelden: passend toon VO2705 · passend toon PO2704 --scholen --csv
    """
    from passend_cli import verbanden, zoeken

    _niet_tegelijk(json_, csv_)
    actieve_dataset()
    try:
        x = verbanden.verband(zoeken.samenwerkingsverband(" ".join(code_of_naam)))
    except GeenVerbandMaarPlaats as fout:
        fout.bericht += f" Zoek de plaats met: passend zoek {toonbaar(fout.plaats)}"
        raise
    if scholen:
        _toon_scholen(x, json_, csv_)
    elif json_:
        uitvoer.schrijf_json(x.als_json())
    elif csv_:
        uitvoer.schrijf_csv(
            ("swv_code", "gemeente_code", "gemeente", "provincie", "postcodes"),
            (
                (x.verband.code, d.gemeente.code, d.gemeente.naam, d.gemeente.provincie,
                 " ".join(d.postcodes) if d.postcodes is not None else "")
                for d in x.gemeenten
            ),
        )
    else:
        from passend_cli.cli import weergave

        weergave.toon(x)


def _toon_scholen(x, json_: bool, csv_: bool) -> None:
    from passend_cli import scholen

    lijst = scholen.scholen_van(x.verband.code)
    if json_:
        uitvoer.schrijf_json({**x.als_json(), "scholenlijst": scholen.scholenlijst(),
                              "scholen": [s.als_json() for s in lijst]})
    elif csv_:
        uitvoer.schrijf_csv(
            ("swv_code", "school_code", "naam", "soort", "straat", "postcode", "plaats",
             "gemeente_code", "herkomst_swv"),
            ((x.verband.code, s.code, s.naam, s.soort, s.straat, s.postcode, s.plaats,
              s.gemeente_code, s.herkomst_swv) for s in lijst),
        )
    else:
        from passend_cli.cli import weergave

        weergave.scholen(x, lijst, scholen.scholenlijst())


@app.command(cls=PassendCommando)
def info(json_: JsonOptie = False) -> None:
    """Toon welke dataset actief is, met peildata, bronnen en aantallen.

    Voorbeeld: passend info
    """
    ds = actieve_dataset()
    gegevens = ds.beschrijving()
    if json_:
        uitvoer.schrijf_json(gegevens)
    else:
        from passend_cli.cli import weergave

        weergave.info(gegevens)


@app.command(cls=PassendCommando)
def koppel(
    invoer: Annotated[
        str,
        typer.Argument(metavar="INVOER",
                       help="CSV-bestand (komma of puntkomma), of - voor standaardinvoer.")
    ],
    kolom: Annotated[
        str | None,
        typer.Option("--kolom", "-k", metavar="KOLOM",
                     help="Kolom met postcode, plaats of gemeente (anders herkend aan de kop)."),
    ] = None,
    uitvoerbestand: Annotated[
        str, typer.Option("--uitvoer", "-o", metavar="BESTAND",
                          help="Uitvoerbestand; - (standaard) is stdout.")
    ] = "-",
    sector: SectorOptie = None,
) -> None:
    """Zet bij elke rij van een CSV het PO- en VO-samenwerkingsverband.

    Voegt gemeente_code, gemeente, po_code, po_naam, vo_code, vo_naam, match_soort en
    match_score toe; alle kolommen en de volgorde blijven. Waar een plaats onder meer dan
    één samenwerkingsverband valt, staan alle codes er met | gescheiden; wat niet zeker
    is (tikfouten, plaatsnamen die vaker voorkomen) blijft leeg.

    Voorbeelden: passend koppel leerlingen.csv -o gekoppeld.csv · cat adressen.csv | passend
    koppel - --kolom woonplaats --sector vo
    """
    from passend_cli import koppel as koppelen
    from passend_cli.cli.voortgang import koppel_balk

    actieve_dataset()
    with koppel_balk(uitvoerbestand) as voortgang:
        samenvatting = koppelen.koppel(
            invoer, uitvoerbestand, kolom=kolom, sector=sector.value if sector else None,
            meld=uitvoer.melding, voortgang=voortgang,
        )
    for regel in samenvatting.regels():
        uitvoer.melding(regel)


@app.command(cls=PassendCommando)
def thema(
    onderwerp: Annotated[
        list[str] | None,
        typer.Argument(metavar="ONDERWERP", autocompletion=aanvulling.themas,
                       help="Onderwerp, bijvoorbeeld tlv, toezicht of 'wettelijke taken'."),
    ] = None,
    json_: JsonOptie = False,
) -> None:
    """Uitleg over passend onderwijs: zonder onderwerp alle thema's.

    Voorbeelden: passend thema · passend thema tlv · passend thema "wettelijke taken"
    """
    from passend_cli import thema as themas

    if not onderwerp:
        alle = themas.alle_themas()
        if json_:
            uitvoer.schrijf_json(
                [{"slug": t.slug, "titel": t.titel, "samenvatting": t.samenvatting} for t in alle]
            )
        else:
            from passend_cli.cli import weergave

            weergave.themalijst(alle)
        return
    gevonden = themas.zoek_thema(" ".join(onderwerp))
    if json_:
        uitvoer.schrijf_json(gevonden.als_json())
    else:
        from passend_cli.cli import weergave

        weergave.thema(gevonden, [themas.thema(s) for s in gevonden.gerelateerd])


app.command(cls=PassendCommando, name="kaart")(kaartcommando.kaart)


def main() -> None:
    """Entry point of the ``passend`` console script."""
    app(prog_name="passend")


if __name__ == "__main__":
    main()
