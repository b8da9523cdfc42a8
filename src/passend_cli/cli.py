"""The ``passend`` command: parses arguments, calls the library, renders the answer.

Library modules are imported inside the commands, so ``passend --help`` reads no data
and imports neither rapidfuzz nor rich (help pages are plain text, see cli_basis).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from passend_cli import __version__
from passend_cli.cli_basis import (
    CsvOptie,
    JsonOptie,
    PassendCommando,
    PassendGroep,
    SectorOptie,
)
from passend_cli.cli_data import data_app
from passend_cli.fouten import OngeldigeInvoer
from passend_cli.uitvoer import melding


def _versie(waarde: bool) -> None:
    if not waarde:
        return
    from passend_cli.dataset import laad

    ds = laad()
    herkomst = "bijgewerkt" if ds.herkomst == "gebruiker" else "meegeleverd"
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
    add_completion=True,
)


@app.callback()
def _hoofd(
    versie: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_versie, is_eager=True,
                     help="Toon de versie van het programma en van de dataset."),
    ] = False,
) -> None:
    """Welk samenwerkingsverband passend onderwijs hoort bij deze plaats?"""


app.add_typer(data_app, name="data")


def _waarschuw_bij_beschadigde_data() -> None:
    from passend_cli.dataset import laad

    ds = laad()
    if ds.waarschuwing:
        melding(ds.waarschuwing)


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
        int, typer.Option("--limiet", "-n", min=1, max=50, metavar="N",
                          help="Aantal resultaten (1 tot 50).")
    ] = 5,
    json_: JsonOptie = False,
) -> None:
    """Zoek het samenwerkingsverband (PO en VO) bij een plaats, postcode of code.

    Voorbeelden: passend zoek Overveen · passend zoek 2051 AB · passend zoek "PO 27-07"
    """
    from passend_cli import zoeken

    term = " ".join(zoekterm)
    _waarschuw_bij_beschadigde_data()
    resultaten = zoeken.zoek(term, limiet=limiet, sector=sector.value if sector else None)
    if json_:
        from passend_cli.uitvoer import schrijf_json

        schrijf_json({"zoekterm": term, "resultaten": [r.als_json() for r in resultaten]})
    if not resultaten:
        suggesties = zoeken.suggesties(term)
        melding(f"Niets gevonden voor '{_kort(term)}'.")
        if suggesties:
            melding("Bedoelde u: " + ", ".join(suggesties) + "?")
        raise typer.Exit(1)
    if not json_:
        from passend_cli import weergave

        weergave.zoekresultaten(resultaten, _kort(term), thema=_thema_bij(resultaten[0].soort))


def _kort(tekst: str, n: int = 60) -> str:
    tekst = "".join(c if c.isprintable() else " " for c in tekst).strip()
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _thema_bij(soort: str) -> str | None:
    from passend_cli.thema import thema_voor_zoekresultaat

    return thema_voor_zoekresultaat(soort)


@app.command(cls=PassendCommando)
def lijst(
    sector: SectorOptie = None,
    provincie: Annotated[
        str | None, typer.Option("--provincie", "-p", help="Alleen in deze provincie.")
    ] = None,
    json_: JsonOptie = False,
    csv_: CsvOptie = False,
) -> None:
    """Toon alle samenwerkingsverbanden, eventueel per sector of provincie.

    Voorbeeld: passend lijst --sector po --provincie Gelderland
    """
    from passend_cli import verbanden

    _niet_tegelijk(json_, csv_)
    _waarschuw_bij_beschadigde_data()
    resultaat = verbanden.lijst(sector.value if sector else None, provincie)
    if json_:
        from passend_cli.uitvoer import schrijf_json

        schrijf_json([_lijst_json(x) for x in resultaat])
    elif csv_:
        from passend_cli.uitvoer import schrijf_csv

        schrijf_csv(
            ("code", "sector", "naam", "aantal_gemeenten", "gemeenten", "provincies", "website"),
            (
                (x.verband.code, x.verband.sector, x.verband.naam, len(x.gemeenten),
                 "; ".join(d.gemeente.naam for d in x.gemeenten), "; ".join(x.provincies),
                 x.verband.website)
                for x in resultaat
            ),
        )
    else:
        if not resultaat:
            melding("Geen samenwerkingsverbanden gevonden met deze keuze.")
            raise typer.Exit(1)
        from passend_cli import weergave

        weergave.lijst(resultaat)
    if not resultaat:
        raise typer.Exit(1)


def _lijst_json(x) -> dict[str, Any]:
    v = x.verband
    return {
        "code": v.code,
        "sector": v.sector,
        "naam": v.naam or None,
        "regiocode": v.regiocode,
        "website": v.website or None,
        "aantal_gemeenten": len(x.gemeenten),
        "gemeenten": [d.gemeente.naam for d in x.gemeenten],
        "provincies": x.provincies,
    }


@app.command(cls=PassendCommando)
def toon(
    code_of_naam: Annotated[
        list[str], typer.Argument(help="Code (VO2705, 'po 27-07') of naam.")
    ],
    json_: JsonOptie = False,
    csv_: CsvOptie = False,
) -> None:
    """Toon één samenwerkingsverband volledig: contactgegevens en alle gemeenten.

    Voorbeeld: passend toon VO2705
    """
    from passend_cli import verbanden

    _niet_tegelijk(json_, csv_)
    _waarschuw_bij_beschadigde_data()
    x = verbanden.toon(" ".join(code_of_naam))
    if json_:
        from passend_cli.uitvoer import schrijf_json

        schrijf_json(x.als_json())
    elif csv_:
        from passend_cli.uitvoer import schrijf_csv

        schrijf_csv(
            ("swv_code", "gemeente_code", "gemeente", "provincie", "postcodes"),
            (
                (x.verband.code, d.gemeente.code, d.gemeente.naam, d.gemeente.provincie,
                 " ".join(d.postcodes) if d.postcodes is not None else "")
                for d in x.gemeenten
            ),
        )
    else:
        from passend_cli import weergave

        weergave.toon(x)


@app.command(cls=PassendCommando)
def info(json_: JsonOptie = False) -> None:
    """Toon welke dataset actief is, met peildata, bronnen en aantallen.

    Voorbeeld: passend info
    """
    from passend_cli.dataset import laad

    _waarschuw_bij_beschadigde_data()
    ds = laad()
    meta = ds.metadata
    gegevens = {
        "herkomst": ds.herkomst,
        "herkomst_tekst": "bijgewerkte kopie (passend data update)"
        if ds.herkomst == "gebruiker" else "meegeleverd bij het programma",
        "map": str(ds.map),
        "versie": ds.versie,
        "omschrijving": meta.get("omschrijving", ""),
        "referentiedata": meta.get("referentiedata", {}),
        "bronnen": meta.get("bronnen", []),
        "aantallen": meta.get("aantallen", {}),
    }
    if json_:
        from passend_cli.uitvoer import schrijf_json

        schrijf_json({k: w for k, w in gegevens.items() if k != "herkomst_tekst"})
    else:
        from passend_cli import weergave

        weergave.info(gegevens)


@app.command(cls=PassendCommando)
def koppel(
    invoer: Annotated[
        str, typer.Argument(help="CSV-bestand (komma of puntkomma), of - voor standaardinvoer.")
    ],
    kolom: Annotated[
        str | None,
        typer.Option("--kolom", "-k",
                     help="Kolom met postcode, plaats of gemeente (anders herkend aan de kop)."),
    ] = None,
    uitvoer: Annotated[
        str, typer.Option("--uitvoer", "-o", help="Uitvoerbestand; - (standaard) is stdout.")
    ] = "-",
    sector: SectorOptie = None,
) -> None:
    """Koppel elke rij van een CSV-bestand aan zijn PO- en VO-samenwerkingsverband.

    Voegt gemeente_code, gemeente, po_code, po_naam, vo_code, vo_naam, match_soort en
    match_score toe; alle kolommen en de volgorde blijven. Waar een plaats onder meer dan
    één samenwerkingsverband valt, staan alle codes er met | gescheiden; wat niet zeker
    is (tikfouten, plaatsnamen die vaker voorkomen) blijft leeg.

    Voorbeelden: passend koppel leerlingen.csv -o gekoppeld.csv · cat adressen.csv | passend
    koppel - --kolom woonplaats --sector vo
    """
    from passend_cli import koppel as koppelen

    _waarschuw_bij_beschadigde_data()
    samenvatting = koppelen.koppel(
        invoer, uitvoer, kolom=kolom, sector=sector.value if sector else None
    )
    for regel in samenvatting.regels():
        melding(regel)


@app.command(cls=PassendCommando)
def thema(
    onderwerp: Annotated[
        list[str] | None,
        typer.Argument(help="Onderwerp, bijvoorbeeld tlv, toezicht of 'wettelijke taken'."),
    ] = None,
    json_: JsonOptie = False,
) -> None:
    """Uitleg over passend onderwijs: zonder onderwerp de lijst van thema's.

    Voorbeelden: passend thema · passend thema tlv · passend thema "wettelijke taken"
    """
    from passend_cli import thema as themas

    if not onderwerp:
        alle = themas.alle_themas()
        if json_:
            from passend_cli.uitvoer import schrijf_json

            schrijf_json([{"slug": t.slug, "titel": t.titel, "samenvatting": t.samenvatting}
                          for t in alle])
        else:
            from passend_cli import weergave

            weergave.themalijst(alle)
        return
    gevonden = themas.zoek_thema(" ".join(onderwerp))
    if json_:
        from passend_cli.uitvoer import schrijf_json

        schrijf_json(gevonden.als_json())
    else:
        from passend_cli import weergave

        weergave.thema(gevonden, [themas.thema(s) for s in gevonden.gerelateerd])


def main() -> None:
    """Entry point of the ``passend`` console script."""
    app(prog_name="passend")


if __name__ == "__main__":
    main()
