"""``passend data``: bring DUO's current data in (update, import), see which dataset
is active (status), go back to the bundled one (reset), write a lookup table out for
other engines (export)."""

# No `from __future__ import annotations` in the modules that declare commands: Typer
# reads every command's annotations at each start, and real objects spare it an eval
# per parameter (a few milliseconds of start-up).

import contextlib
from collections.abc import Iterator
from typing import Annotated, Any

import typer

from passend_cli.cli import uitvoer
from passend_cli.cli.basis import CsvOptie, JsonOptie, PassendCommando, PassendGroep
from passend_cli.fouten import OngeldigeInvoer, PassendFout, toonbaar

data_app = typer.Typer(
    cls=PassendGroep,
    help=(
        "Werk de gegevens bij met DUO, zet ze terug of exporteer een tabel.\n\n"
        "Bijwerken haalt de regio-indeling, de namen, de officiële contactgegevens en de "
        "scholen op uit de open data van DUO; terugzetten maakt de meegeleverde dataset "
        "weer actief; exporteren schrijft een opzoektabel als CSV of JSON, om in een ander "
        "programma te koppelen.\n\n"
        "Voorbeeld: passend data update"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)

@contextlib.contextmanager
def _json_bij_fout(json_: bool) -> Iterator[None]:
    """With --json, a failure also answers in JSON on stdout, so a script always gets
    an object; the Dutch sentence still goes to stderr and the exit code stays."""
    try:
        yield
    except PassendFout as fout:
        if json_:
            uitvoer.schrijf_json({"gelukt": False, "fout": fout.bericht})
        raise


def _meld_resultaat(resultaat: Any, json_: bool) -> None:
    from passend_cli import bijwerken

    if json_:
        uitvoer.schrijf_json({
            "gelukt": True,
            "map": str(resultaat.map),
            "versie": resultaat.metadata.get("versie"),
            "referentiedata": resultaat.metadata.get("referentiedata", {}),
            "bijgewerkt": resultaat.bijgewerkt,
            "verschillen": resultaat.verschillen.als_dict(),
            "meldingen": resultaat.meldingen,
        })
        return
    regels = [f"Bijgewerkte dataset {resultaat.metadata.get('versie')} is actief "
              f"({resultaat.map})."]
    regels += bijwerken.beschrijf(resultaat.verschillen)
    regels += [f"Let op: {m}" for m in resultaat.meldingen]
    uitvoer.schrijf("\n".join(regels))


@data_app.command(cls=PassendCommando, name="update")
def data_update(
    bron: Annotated[
        str | None,
        typer.Option("--bron", metavar="URL_OF_MAP",
                     help="Een spiegel (basis-URL) of een map met de DUO-bestanden."),
    ] = None,
    tijdslimiet: Annotated[
        float, typer.Option("--tijdslimiet", metavar="SECONDEN", min=1, max=3600,
                            help="Hoe lang de hele download mag duren.")
    ] = 300,
    max_mb: Annotated[
        float, typer.Option("--max-mb", metavar="MB", min=1, max=1024,
                            help="Hoe groot één bestand mag zijn.")
    ] = 32,
    json_: JsonOptie = False,
) -> None:
    """Haal de actuele gegevens op bij DUO en installeer ze veilig.

    De regio-indeling en de namen zijn nodig; lukt het ophalen van de contactgegevens of
    de scholen niet, dan blijven de vorige en zegt passend dat. Mislukt iets anders, dan
    blijft de actieve dataset zoals hij was (exitcode 3).

    Voorbeeld: passend data update
    """
    from passend_cli import bijwerken
    from passend_cli.cli.voortgang import download_balk

    with _json_bij_fout(json_), download_balk() as voortgang:
        resultaat = bijwerken.update(bron, tijdslimiet=tijdslimiet, max_mb=max_mb,
                                     voortgang=voortgang)
    _meld_resultaat(resultaat, json_)


@data_app.command(cls=PassendCommando, name="import")
def data_import(
    map_: Annotated[
        str, typer.Argument(metavar="MAP", help="Map met de gedownloade DUO-bestanden.")
    ],
    json_: JsonOptie = False,
) -> None:
    """Installeer DUO-bestanden die al gedownload zijn (offline).

    Nodig: regio_erkende_samenwerkingen.csv en samenwerkingserkenningen.csv. Voor de
    officiële contactgegevens ook relaties_bevoegdgezagerkenningen_samenwerkingserkenningen.csv,
    relaties_onderwijsbesturen_bevoegdgezagerkenningen.csv, onderwijsbesturen.csv en
    contactadressen.csv; voor de scholen
    relaties_samenwerkingserkenningen_vestigingserkenningen.csv, vestigingenbo.csv en
    vestigingenvo.csv.

    Voorbeeld: passend data import ~/Downloads/duo
    """
    from passend_cli import bijwerken

    with _json_bij_fout(json_):
        resultaat = bijwerken.importeer(map_)
    _meld_resultaat(resultaat, json_)


@data_app.command(cls=PassendCommando, name="status")
def data_status(json_: JsonOptie = False) -> None:
    """Toon de actieve dataset (meegeleverd of bijgewerkt) en de peildata.

    Voorbeeld: passend data status
    """
    from passend_cli import bijwerken
    from passend_cli.cli.weergave import peildatum_label

    toestand = bijwerken.status()
    if json_:
        uitvoer.schrijf_json(toestand)
        return
    actief = "bijgewerkte kopie" if toestand["herkomst"] == "bijgewerkt" else "meegeleverd"
    regels = [
        f"Actieve dataset: {actief}, versie {toestand['versie']}",
        f"Map: {toestand['map']}",
        "Peildata:",
        *(f"  {peildatum_label(k)}: {w}" for k, w in toestand["referentiedata"].items()),
    ]
    if toestand["beschadigd"]:
        regels.append(f"De bijgewerkte kopie is beschadigd: {'; '.join(toestand['problemen'])}.")
    elif not toestand["gebruikerskopie"]:
        regels.append("Er is geen bijgewerkte kopie actief; 'passend data update' haalt de "
                      "actuele gegevens op.")
    if toestand["vorige"]:
        regels.append(f"Vorige bijgewerkte kopie: {toestand['vorige']}")
    uitvoer.schrijf("\n".join(regels))


# "passend data info" is what many users type for the same question.
data_app.command(cls=PassendCommando, name="info", hidden=True)(data_status)


@data_app.command(cls=PassendCommando, name="reset")
def data_reset() -> None:
    """Gebruik weer de meegeleverde dataset (de kopie blijft bewaard).

    Voorbeeld: passend data reset
    """
    from passend_cli import bijwerken

    if bijwerken.reset():
        uitvoer.schrijf("De meegeleverde dataset is weer actief; de bijgewerkte kopie is "
                        "bewaard als vorige.")
    else:
        uitvoer.schrijf("Er was geen bijgewerkte dataset actief; de meegeleverde dataset "
                        "is actief.")


@data_app.command(cls=PassendCommando, name="export")
def data_export(
    tabel: Annotated[
        str,
        typer.Argument(metavar="TABEL", help="postcodes, gemeenten, woonplaatsen, "
                                             "samenwerkingsverbanden of scholen."),
    ],
    uitvoerbestand: Annotated[
        str, typer.Option("--uitvoer", "-o", metavar="BESTAND",
                          help="Uitvoerbestand; - (standaard) is stdout.")
    ] = "-",
    json_: JsonOptie = False,
    csv_: CsvOptie = False,
    meegeleverd: Annotated[
        bool, typer.Option("--meegeleverd",
                           help="Neem de meegeleverde dataset, ook als er een bijgewerkte is.")
    ] = False,
) -> None:
    """Schrijf een opzoektabel als CSV of JSON voor een ander programma.

    Eén rij per postcode, gemeente, woonplaats, samenwerkingsverband of school, voor
    DuckDB, Spark, een database of een spreadsheet; de kolommen staan in de README. Uit
    de actieve dataset, of met --meegeleverd de meegeleverde. Standaard CSV.

    Voorbeeld: passend data export postcodes -o postcodes.csv
    """
    from passend_cli import tabellen

    if json_ and csv_:
        raise OngeldigeInvoer("Kies --json of --csv, niet allebei.")
    naam = tabellen.tabel_naam(tabel)  # an unknown table is reported before anything is read
    if meegeleverd:
        from passend_cli.dataset import Dataset

        ds = Dataset.meegeleverd()
    else:
        from passend_cli.cli.app import actieve_dataset

        ds = actieve_dataset()
    n = tabellen.exporteer(naam, uitvoerbestand, formaat="json" if json_ else "csv", ds=ds)
    if uitvoerbestand != "-":
        uitvoer.melding(f"{n} rijen geschreven naar {toonbaar(uitvoerbestand, 80)}.")
