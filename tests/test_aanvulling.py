"""Tab completion as a shell asks for it (the environment variables of the installed
script), and installing it: in Dutch, in the files it names."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from passend_cli.cli import aanvulling, app

from .test_robuustheid import _draai, _passend

runner = CliRunner()


def bash(regel: str, **env: str):
    """What bash's completion function gets for *regel*; the word after the last space
    is the one being completed."""
    woorden = regel.split(" ")
    return runner.invoke(app, [], prog_name="passend", env={
        "_PASSEND_COMPLETE": "complete_bash", "COMP_WORDS": regel,
        "COMP_CWORD": str(len(woorden) - 1), **env})


def aangeboden(regel: str) -> list[str]:
    resultaat = bash(regel)
    assert resultaat.exit_code == 0, resultaat.output
    assert resultaat.stderr == ""
    return resultaat.stdout.split()


def test_commandos_en_subcommandos():
    assert aangeboden("passend ") == ["zoek", "lijst", "toon", "info", "koppel", "thema",
                                      "kaart", "data"]
    assert aangeboden("passend data ") == ["update", "import", "status", "reset", "export"]
    assert aangeboden("passend zo") == ["zoek"]


def test_provincies():
    assert aangeboden("passend lijst --provincie Gel") == ["Gelderland"]
    assert aangeboden("passend lijst -p Noord") == ["Noord-Brabant", "Noord-Holland"]
    assert len(aangeboden("passend lijst --provincie ")) == 12
    # What was typed stays as typed; lijst reads a province in any case.
    assert aangeboden("passend lijst --provincie fr") == ["fryslân"]


def test_themas():
    alle = aangeboden("passend thema ")
    assert "tlv" in alle and "samenwerkingsverband" in alle and len(alle) == 18
    assert aangeboden("passend thema t") == ["tlv", "thuiszitters", "toezicht"]


def test_codes_bij_toon_en_kaart():
    assert len(aangeboden("passend toon ")) == 150
    assert aangeboden("passend toon VO270") == [f"VO270{i}" for i in range(1, 10)]
    assert aangeboden("passend toon po2704") == ["po2704"]
    assert "VO2705" in aangeboden("passend kaart VO27")
    assert aangeboden("passend kaart --sector vo VO2705") == ["VO2705"]


def test_sectoren_en_shells():
    assert aangeboden("passend lijst --sector ") == ["po", "vo"]
    assert aangeboden("passend zoek -s v") == ["vo"]
    assert aangeboden("passend --install-completion ") == list(aanvulling.SHELLS)
    assert aangeboden("passend --show-completion z") == ["zsh"]


def test_opties():
    assert aangeboden("passend lijst --p") == ["--provincie"]


def test_aanvullen_voert_niets_uit():
    # --version acts while arguments are parsed; completing after it must not print it.
    assert aangeboden("passend --version ") == aangeboden("passend ")


def test_een_fout_bij_het_lezen_biedt_niets_aan(monkeypatch):
    from passend_cli.fouten import DataFout

    def kapot():
        raise DataFout("De dataset is onleesbaar.")

    monkeypatch.setattr("passend_cli.dataset.laad", kapot)
    monkeypatch.setattr("passend_cli.thema.alle_themas", kapot)
    assert aangeboden("passend toon ") == []
    assert aangeboden("passend lijst --provincie ") == []
    assert aangeboden("passend thema ") == []


def test_onvolledige_of_rare_regels_bieden_hooguit_niets_aan():
    for regel in ["passend zoek --limiet abc ", "passend toon \x01\x1b[31m", "passend data import ",
                  "passend koppel --kolom ", 'passend toon "VO', "passend -- "]:
        resultaat = bash(regel)
        assert resultaat.exit_code == 0, (regel, resultaat.output)
        assert "Traceback" not in resultaat.output
    resultaat = bash("passend ", COMP_CWORD="geen getal")
    assert resultaat.exit_code == 0 and resultaat.stdout == ""


def test_zsh_en_fish():
    resultaat = runner.invoke(app, [], prog_name="passend", env={
        "_PASSEND_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "passend thema toe"})
    assert resultaat.stdout.strip() == """_arguments '*: :(("toezicht"))'"""
    resultaat = runner.invoke(app, [], prog_name="passend", env={
        "_PASSEND_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "_TYPER_COMPLETE_ARGS": "passend lijst --sector "})
    assert resultaat.stdout.split() == ["po", "vo"]


def test_ook_de_volgorde_uit_de_documentatie_van_click():
    resultaat = runner.invoke(app, [], prog_name="passend", env={
        "_PASSEND_COMPLETE": "bash_complete", "COMP_WORDS": "passend th", "COMP_CWORD": "1"})
    assert resultaat.exit_code == 0 and resultaat.stdout.split() == ["thema"]
    resultaat = runner.invoke(app, [], prog_name="passend",
                              env={"_PASSEND_COMPLETE": "zsh_source"})
    assert resultaat.stdout.startswith("#compdef passend")


def test_onbekende_opdracht_in_het_nederlands():
    resultaat = runner.invoke(app, [], prog_name="passend",
                              env={"_PASSEND_COMPLETE": "complete_tcsh"})
    assert resultaat.exit_code == 2
    assert resultaat.stderr == ("Onbekende opdracht voor tab-aanvulling in _PASSEND_COMPLETE: "
                                "'complete_tcsh'; bijvoorbeeld complete_bash of source_zsh.\n")


def test_aanvullen_laadt_geen_rapidfuzz_en_geen_rich():
    from .test_robuustheid import _modules

    env = {"_PASSEND_COMPLETE": "complete_bash", "COMP_WORDS": "passend toon po27",
           "COMP_CWORD": "2"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        modules = _modules()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert "passend_cli.dataset" in modules  # it did complete, from the data
    assert "rapidfuzz" not in modules and "rich" not in modules


# --- installing ----------------------------------------------------------------------------


@pytest.fixture
def thuis(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("ZDOTDIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return tmp_path


def installeer(*args: str):
    return runner.invoke(app, ["--install-completion", *args], prog_name="passend")


def test_installeren_voor_bash_schrijft_waar_het_zegt(thuis):
    resultaat = installeer("bash")
    script, rc = thuis / ".bash_completions" / "passend.sh", thuis / ".bashrc"
    assert resultaat.exit_code == 0, resultaat.output
    assert resultaat.stdout == (f"Tab-aanvulling voor bash geïnstalleerd in {script} en geladen "
                                f"vanuit {rc}. Open een nieuwe terminal om haar te gebruiken.\n")
    assert "_PASSEND_COMPLETE=complete_bash" in script.read_text()
    assert installeer("bash").exit_code == 0  # a second time changes nothing
    assert rc.read_text().splitlines().count(f"source '{script}'") == 1


def test_installeren_laat_de_rest_van_de_bashrc_staan(thuis):
    (thuis / ".bashrc").write_text("alias ll='ls -l'")
    assert installeer("BASH").exit_code == 0
    regels = (thuis / ".bashrc").read_text().splitlines()
    assert regels == ["alias ll='ls -l'", f"source '{thuis / '.bash_completions/passend.sh'}'"]


def test_installeren_voor_zsh_en_fish(thuis):
    resultaat = installeer("zsh")
    assert resultaat.exit_code == 0
    assert f"{thuis / '.zfunc' / '_passend'} en geladen vanuit {thuis / '.zshrc'}." in (
        resultaat.stdout)
    assert (thuis / ".zfunc" / "_passend").read_text().startswith("#compdef passend")
    assert "fpath+=~/.zfunc" in (thuis / ".zshrc").read_text()
    resultaat = installeer("fish")
    vis = thuis / ".config" / "fish" / "completions" / "passend.fish"
    assert resultaat.stdout.startswith(f"Tab-aanvulling voor fish geïnstalleerd in {vis}.")
    assert "complete --command passend" in vis.read_text()


def test_zonder_shell_de_herkende_shell(thuis, monkeypatch):
    monkeypatch.setattr(aanvulling, "_huidige_shell", lambda: "zsh")
    resultaat = installeer()
    assert resultaat.exit_code == 0 and "voor zsh" in resultaat.stdout
    monkeypatch.setattr(aanvulling, "_huidige_shell", lambda: None)
    resultaat = installeer()
    assert resultaat.exit_code == 2
    assert resultaat.stderr == ("Kan de shell niet herkennen; noem hem: passend "
                                "--install-completion bash (of zsh of fish).\n")


@pytest.mark.parametrize(
    ("shell", "zin"),
    [("tcsh", "Tab-aanvulling is er niet voor 'tcsh'; kies bash, zsh of fish, bijvoorbeeld: "
              "passend --install-completion bash."),
     ("powershell", "Voor PowerShell installeert passend de tab-aanvulling niet zelf (dat zou "
                    "het uitvoeringsbeleid veranderen); zet de uitvoer van 'passend "
                    "--show-completion powershell' in uw profiel ($PROFILE).")],
)
def test_niet_ondersteunde_shell(thuis, shell, zin):
    resultaat = installeer(shell)
    assert resultaat.exit_code == 2 and resultaat.stderr == zin + "\n"
    assert list(thuis.iterdir()) == []


def test_kan_niet_schrijven(thuis):
    (thuis / ".bash_completions").write_text("een bestand, geen map")
    resultaat = installeer("bash")
    assert resultaat.exit_code == 2
    assert resultaat.stderr.startswith("Kan de tab-aanvulling niet schrijven naar ")
    assert len(resultaat.stderr.splitlines()) == 1


def test_script_tonen():
    resultaat = runner.invoke(app, ["--show-completion", "zsh"], prog_name="passend")
    assert resultaat.exit_code == 0 and resultaat.stdout.startswith("#compdef passend")
    resultaat = runner.invoke(app, ["--show-completion", "pwsh"], prog_name="passend")
    assert "Register-ArgumentCompleter -Native -CommandName passend" in resultaat.stdout


def test_echt_installeren_en_aanvullen_in_bash(tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("bash ontbreekt")
    passend = _passend()[0]
    env = {"HOME": str(tmp_path)}
    p = _draai([passend, "--install-completion", "bash"], env=env)
    script = tmp_path / ".bash_completions" / "passend.sh"
    assert p.returncode == 0 and str(script) in p.stdout and p.stderr == ""
    # The installed function, as bash calls it on Tab, with passend found on PATH.
    env["PATH"] = os.path.dirname(passend) + os.pathsep + os.environ.get("PATH", "")
    opdracht = ("source ~/.bash_completions/passend.sh; COMP_WORDS=(passend lijst --provincie "
                "Gel); COMP_CWORD=3; _passend_completion passend; printf '%s\\n' "
                "\"${COMPREPLY[@]}\"")
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", opdracht], capture_output=True,
                       text=True, env={**os.environ, **env}, timeout=60)
    assert p.stdout == "Gelderland\n", p.stderr
