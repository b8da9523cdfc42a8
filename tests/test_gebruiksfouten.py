"""Mistakes in how passend is called: every one is a single Dutch sentence on stderr and
exit code 2, with the command, option or value meant where one is close."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from passend_cli.cli import app

from .test_robuustheid import _draai, _passend

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), prog_name="passend")


# --- every command, every kind of mistake ----------------------------------------------


def _commandos(commando=None, pad=()):
    """(path, click command) for every command and group, hidden ones included."""
    commando = commando or typer.main.get_command(app)
    yield pad, commando
    for naam, sub in getattr(commando, "commands", {}).items():
        yield from _commandos(sub, (*pad, naam))


def _argumenten(commando) -> list[str]:
    """A harmless value for each required argument, so the mistake under test is the
    only one."""
    return ["x" for p in commando.params if p.param_type_name == "argument" and p.required]


# Options whose value may be left out (the shell is then detected): not a mistake.
_OPTIONELE_WAARDE = {"--install-completion", "--show-completion"}


def _foute_aanroepen():
    for pad, commando in _commandos():
        p, args = list(pad), _argumenten(commando)
        groep = hasattr(commando, "commands")
        yield [*p, "--bestaat-niet", *args]
        yield [*p, "--help=ja", *args]
        yield [*p, "-Z", *args]
        if groep:
            yield [*p, "bestaatniet"]
            yield [*p, "zoke", "Haarlem"]
        else:
            argumenten = [a for a in commando.params if a.param_type_name == "argument"]
            if all(a.nargs == 1 for a in argumenten):  # one word each: more is too many
                yield [*p, *args, "een", "twee"]
            if args:
                yield [*p]  # a required argument left out
        for optie in commando.params:
            if optie.param_type_name != "option" or optie.hidden:
                continue
            naam = optie.opts[0]
            if optie.is_flag:
                yield [*p, f"{naam}=ja", *args]
                continue
            if naam not in _OPTIONELE_WAARDE:
                yield [*p, *args, naam]  # value left out at the end
            soort = optie.type
            if getattr(soort, "choices", None):
                yield [*p, naam, "xx", *args]
            if hasattr(soort, "min") or isinstance(soort, (typer._click.types.IntParamType,
                                                             typer._click.types.FloatParamType)):
                yield [*p, naam, "abc", *args]
                if getattr(soort, "min", None) is not None:
                    yield [*p, naam, str(soort.min - 1), *args]
                if getattr(soort, "max", None) is not None:
                    yield [*p, naam, str(soort.max + 1), *args]
            if naam in _OPTIONELE_WAARDE:
                yield [*p, naam, "tcsh"]


FOUTE_AANROEPEN = [a for a in _foute_aanroepen() if a]

ENGELS = re.compile(
    r"is not|Invalid|Missing|No such|Error|Usage|expected|Got unexpected|Did you mean|"
    r"Possible|Try |requires|does not|not supported|Choose|\b(?:option|argument|command|"
    r"value|range|valid|one of|must|should|the|for)\b",
)


def _een_nederlandse_zin(resultaat, args) -> str:
    assert resultaat.exit_code == 2, (args, resultaat.exit_code, resultaat.output)
    assert resultaat.exception is None or isinstance(resultaat.exception, SystemExit), args
    regels = [r for r in resultaat.stderr.splitlines() if r.strip()]
    assert len(regels) == 1, (args, resultaat.stderr)
    assert not ENGELS.search(regels[0]), (args, regels[0])
    assert "Traceback" not in resultaat.output
    assert resultaat.stdout == "", (args, resultaat.stdout)
    return regels[0]


def test_de_lijst_van_foute_aanroepen_dekt_elk_commando():
    geraakt = {tuple(a[: len(p)]) for a in FOUTE_AANROEPEN for p, _ in _commandos()
               if a[: len(p)] == list(p)}
    assert {p for p, _ in _commandos()} <= geraakt
    assert len(FOUTE_AANROEPEN) > 80


@pytest.mark.parametrize("args", FOUTE_AANROEPEN, ids=" ".join)
def test_elke_fout_is_een_nederlandse_zin_met_exitcode_2(args):
    _een_nederlandse_zin(run(*args), args)


# --- what the sentences say ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "zin"),
    [
        (["lijst", "--sector", "xx"], "Ongeldige waarde 'xx' voor --sector; kies po of vo."),
        (["zoek", "-n", "0", "Haarlem"],
         "Ongeldige waarde '0' voor --limiet; geef een geheel getal van 1 tot en met 50."),
        (["zoek", "--limiet", "veel", "Haarlem"],
         "Ongeldige waarde 'veel' voor --limiet; geef een geheel getal van 1 tot en met 50."),
        (["data", "update", "--tijdslimiet", "lang"],
         "Ongeldige waarde 'lang' voor --tijdslimiet; geef een getal van 1 tot en met 3600."),
        (["zoke", "Haarlem"], "Onbekend commando 'zoke'. Bedoelde u: passend zoek Haarlem?"),
        (["Overveen"], "Onbekend commando 'Overveen'. Bedoelde u: passend zoek Overveen?"),
        (["Den Haag"], "Onbekend commando 'Den Haag'. Bedoelde u: passend zoek \"Den Haag\"?"),
        (["help"], "Onbekend commando 'help'. Bedoelde u: passend --help?"),
        (["data", "updaet"], "Onbekend commando 'updaet'. Bedoelde u: passend data update?"),
        (["data", "xyz"], "Onbekend commando 'xyz'; 'passend data --help' toont de commando's."),
        (["zoek", "--jsno", "Haarlem"], "Onbekende optie --jsno. Bedoelde u: --json?"),
        (["lijst", "-n", "3"], "Onbekende optie -n; 'passend lijst --help' toont de opties."),
        (["--json", "zoek", "Haarlem"],
         "De optie --json hoort achter het commando, bijvoorbeeld: passend zoek --json."),
        (["zoek"], "Er ontbreekt een zoekterm, bijvoorbeeld: passend zoek Overveen"),
        (["toon"], "Er ontbreekt een code of naam, bijvoorbeeld: passend toon VO2705"),
        (["data", "import"], "Er ontbreekt de map met de DUO-bestanden, bijvoorbeeld: "
                             "passend data import ~/Downloads/duo"),
        (["zoek", "Haarlem", "--limiet"], "Na --limiet hoort een waarde: --limiet AANTAL."),
        (["lijst", "-s"], "Na -s hoort een waarde: -s po|vo."),
        (["zoek", "--json=ja", "Haarlem"],
         "De optie --json neemt geen waarde; schrijf alleen --json."),
        (["info", "alles"], "'passend info' heeft geen argumenten; laat 'alles' weg."),
        (["koppel", "a.csv", "b.csv"], "Te veel argumenten voor 'passend koppel': laat 'b.csv' "
                                       "weg, of zet een naam met spaties tussen aanhalingstekens."),
        (["--show-completion", "tcsh"], "Tab-aanvulling is er niet voor 'tcsh'; kies bash, zsh, "
                                        "fish of powershell, bijvoorbeeld: passend "
                                        "--show-completion bash."),
    ],
    ids=lambda x: " ".join(x) if isinstance(x, list) else "",
)
def test_wat_de_zin_zegt(args, zin):
    assert _een_nederlandse_zin(run(*args), args) == zin


def test_rommel_in_een_fout_wordt_niet_letterlijk_getoond():
    regel = _een_nederlandse_zin(run("lijst", "--sector", "\x1b[31m" + "x" * 500), [])
    assert "\x1b" not in regel and len(regel) < 200


def test_een_fout_zonder_bekende_vorm_krijgt_een_algemene_nederlandse_zin():
    from typer._click.exceptions import UsageError

    from passend_cli.cli.basis import _nederlands

    assert _nederlands(UsageError("Something new went wrong.")) == (
        "Ongeldig gebruik van 'passend'; 'passend --help' toont hoe het werkt.")


def test_het_geinstalleerde_commando_meldt_fouten_in_het_nederlands():
    p = _draai([*_passend(), "zoke", "Haarlem"])
    assert p.returncode == 2
    assert p.stderr == "Onbekend commando 'zoke'. Bedoelde u: passend zoek Haarlem?\n"
    p = _draai([*_passend(), "lijst", "--sector", "xx"])
    assert p.returncode == 2
    assert p.stderr == "Ongeldige waarde 'xx' voor --sector; kies po of vo.\n"
