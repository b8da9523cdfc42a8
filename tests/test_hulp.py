"""The help pages as a user reads them: whole descriptions, one placeholder style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from passend_cli.cli import app
from passend_cli.cli.basis import PassendCommando, PassendGroep, Sector

runner = CliRunner()


def _commandos(commando=None, pad=()):
    commando = commando or typer.main.get_command(app)
    if not getattr(commando, "hidden", False):
        yield pad, commando
    for naam, sub in getattr(commando, "commands", {}).items():
        yield from _commandos(sub, (*pad, naam))


COMMANDOS = list(_commandos())


def hulp(pad, breedte: int = 80) -> str:
    resultaat = runner.invoke(app, [*pad, "--help"], prog_name="passend",
                              env={"COLUMNS": str(breedte)})
    assert resultaat.exit_code == 0, resultaat.output
    return resultaat.stdout


def _sectie(tekst: str, kop: str) -> list[str]:
    """The lines of one section ("Opties:") of a help page."""
    blok = tekst.split(f"\n{kop}:\n", 1)
    if len(blok) == 1:
        return []
    return blok[1].split("\n\n", 1)[0].splitlines()


def _alinea(tekst: str) -> str:
    return " ".join(tekst.split("\n\n")[0].split())


# One style: a placeholder is upper-case Dutch (ZOEKTERM, CODE_OF_NAAM, AANTAL), a choice
# lists its values (po|vo); brackets mark what may be left out, dots what may repeat.
NAAM = r"[A-Z][A-Z_]*(?:\|[A-Z][A-Z_]*)*"
PLAATSHOUDER = re.compile(rf"^(?:{NAAM}|\[{NAAM}\]|[a-z]+(?:\|[a-z]+)+)(?:\.\.\.)?$")


@pytest.mark.parametrize(("pad", "commando"), COMMANDOS, ids=lambda x: " ".join(x)
                         if isinstance(x, tuple) else "")
def test_gebruiksregel_en_opties_in_een_stijl(pad, commando):
    tekst = hulp(pad)
    gebruik = tekst.splitlines()[0]
    assert gebruik.startswith(f"Gebruik: {' '.join(['passend', *pad])} [OPTIES]"), gebruik
    stukken = gebruik.split("[OPTIES]", 1)[1].split()
    if hasattr(commando, "commands"):
        assert stukken == ["COMMANDO", "[ARGUMENTEN]..."]
    for stuk in stukken if not hasattr(commando, "commands") else []:
        assert PLAATSHOUDER.match(stuk), (gebruik, stuk)
    for regel in _sectie(tekst, "Argumenten"):
        if not regel.startswith("   "):
            assert regel.split()[0] in stukken, regel
    for p in commando.params:
        if p.param_type_name != "option" or p.hidden or p.is_flag:
            continue
        plaatshouder = p.make_metavar(None)
        assert PLAATSHOUDER.match(plaatshouder), (p.opts, plaatshouder)
        assert f"{max(p.opts, key=len)} {plaatshouder}" in tekst, (p.opts, tekst)
    for teken in "<>{}":
        assert teken not in gebruik + "".join(_sectie(tekst, "Opties")), tekst
    assert "<=" not in tekst and "[default" not in tekst and "[required" not in tekst


@pytest.mark.parametrize(("pad", "commando"), [c for c in COMMANDOS if hasattr(c[1], "commands")],
                         ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_commandolijst_toont_elke_omschrijving_heel_op_een_regel(pad, commando):
    tekst = hulp(pad)
    regels = _sectie(tekst, "Commando's")
    zichtbaar = {n: c for n, c in commando.commands.items() if not c.hidden}
    assert len(regels) == len(zichtbaar), regels  # one line each at 80 columns
    for regel in regels:
        naam, omschrijving = regel.split(maxsplit=1)
        assert omschrijving == _alinea(zichtbaar[naam].help), regel
        assert not omschrijving.endswith("...") and omschrijving.endswith((".", "?"))
    # Narrower, a description wraps but is still whole.
    smal = " ".join(hulp(pad, 50).split())
    for c in zichtbaar.values():
        assert _alinea(c.help) in smal


def test_bereik_van_een_getal_in_woorden():
    tekst = " ".join(hulp(("zoek",)).split())
    assert "--limiet AANTAL" in tekst and "[standaard: 5; van 1 tot en met 50]" in tekst


def test_data_import_noemt_de_bestanden_die_nodig_zijn():
    tekst = "".join(hulp(("data", "import"), 200).split())
    for bestand in ("regio_erkende_samenwerkingen.csv", "samenwerkingserkenningen.csv",
                    "contactadressen.csv", "vestigingenbo.csv", "vestigingenvo.csv"):
        assert bestand in tekst
    assert "Voorbeeld:passenddataimport" in tekst


@pytest.mark.parametrize(("pad", "commando"), COMMANDOS, ids=lambda x: " ".join(x)
                         if isinstance(x, tuple) else "")
def test_elke_hulppagina_heeft_een_voorbeeld_op_een_eigen_regel(pad, commando):
    assert re.search(r"^  Voorbeeld(?:en)?: passend", hulp(pad), re.MULTILINE)


def test_een_nieuwe_optie_zonder_plaatshouder_krijgt_er_een_in_dezelfde_stijl():
    proef = typer.Typer(cls=PassendGroep, rich_markup_mode=None)

    @proef.command(cls=PassendCommando)
    def tabel(naam: str, soort: Sector = Sector.po, aantal: int = 1,
              pad: Path = Path(".")) -> None:
        """Een proef."""

    @proef.command(cls=PassendCommando)
    def ander() -> None:
        """Nog een."""

    tekst = runner.invoke(proef, ["tabel", "--help"], prog_name="proef").stdout
    assert "Gebruik: proef tabel [OPTIES] NAAM" in tekst
    for optie in ("--soort po|vo", "--aantal GETAL", "--pad PAD"):
        assert optie in tekst
    fout = runner.invoke(proef, ["tabel", "x", "--aantal"], prog_name="proef")
    assert fout.stderr == "Na --aantal hoort een waarde: --aantal GETAL.\n"
