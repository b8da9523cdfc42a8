"""``passend data``: refresh the regio-indeling from DUO, import, status, reset."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from passend_cli.cli import uitvoer
from passend_cli.cli.basis import JsonOptie, PassendCommando, PassendGroep

data_app = typer.Typer(
    cls=PassendGroep,
    help=(
        "De regio-indeling bijwerken uit de open data van DUO, of teruggaan naar de "
        "meegeleverde dataset.\n\nVoorbeeld: passend data update"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)


def _meld_resultaat(resultaat: Any, json_: bool) -> None:
    from passend_cli import bijwerken

    if json_:
        uitvoer.schrijf_json({
            "map": str(resultaat.map),
            "versie": resultaat.metadata.get("versie"),
            "referentiedata": resultaat.metadata.get("referentiedata", {}),
            "verschillen": resultaat.verschillen.als_dict(),
            "meldingen": resultaat.meldingen,
        })
        return
    regels = [f"Bijgewerkte dataset {resultaat.metadata.get('versie')} staat in {resultaat.map}."]
    regels += bijwerken.beschrijf(resultaat.verschillen)
    regels += [f"Let op: {m}" for m in resultaat.meldingen]
    uitvoer.schrijf("\n".join(regels))


@data_app.command(cls=PassendCommando, name="update")
def data_update(
    bron: Annotated[
        str | None,
        typer.Option("--bron", help="Andere basis-URL of een lokale map met de DUO-bestanden."),
    ] = None,
    json_: JsonOptie = False,
) -> None:
    """Haal de actuele regio-indeling en namen op bij DUO en installeer ze veilig.

    Mislukt er iets, dan blijft de actieve dataset zoals hij was (exitcode 3).
    Voorbeeld: passend data update
    """
    from passend_cli import bijwerken
    from passend_cli.cli.voortgang import download_balk

    with download_balk() as voortgang:
        resultaat = bijwerken.update(bron or bijwerken.DUO_BASIS, voortgang=voortgang)
    _meld_resultaat(resultaat, json_)


@data_app.command(cls=PassendCommando, name="import")
def data_import(
    map_: Annotated[
        str, typer.Argument(metavar="MAP", help="Map met de gedownloade DUO-bestanden.")
    ],
    json_: JsonOptie = False,
) -> None:
    """Installeer de regio-indeling uit DUO-bestanden die al gedownload zijn (offline).

    Voorbeeld: passend data import ~/Downloads/duo
    """
    from passend_cli import bijwerken

    _meld_resultaat(bijwerken.importeer(map_), json_)


@data_app.command(cls=PassendCommando, name="status")
def data_status(json_: JsonOptie = False) -> None:
    """Toon welke dataset actief is (meegeleverd of bijgewerkt) en de peildata.

    Voorbeeld: passend data status
    """
    from passend_cli import bijwerken

    toestand = bijwerken.status()
    if json_:
        uitvoer.schrijf_json(toestand)
        return
    actief = "bijgewerkte kopie" if toestand["herkomst"] == "gebruiker" else "meegeleverd"
    regels = [
        f"Actieve dataset: {actief}, versie {toestand['versie']}",
        f"Map: {toestand['map']}",
        *(f"  {k.replace('_', ' ')}: {w}" for k, w in toestand["referentiedata"].items()),
    ]
    if toestand["beschadigd"]:
        regels.append(f"De bijgewerkte kopie is beschadigd: {'; '.join(toestand['problemen'])}.")
    elif not toestand["gebruikerskopie"]:
        regels.append("Er is geen bijgewerkte kopie; 'passend data update' haalt er een op.")
    uitvoer.schrijf("\n".join(regels))


# "passend data info" is what many users type for the same question.
data_app.command(cls=PassendCommando, name="info", hidden=True)(data_status)


@data_app.command(cls=PassendCommando, name="reset")
def data_reset() -> None:
    """Verwijder de bijgewerkte kopie en gebruik weer de meegeleverde dataset.

    Voorbeeld: passend data reset
    """
    from passend_cli import bijwerken

    if bijwerken.reset():
        uitvoer.schrijf(
            "De bijgewerkte dataset is verwijderd; de meegeleverde dataset is weer actief."
        )
    else:
        uitvoer.schrijf("Er was geen bijgewerkte dataset; de meegeleverde dataset is actief.")
