"""Junk input, interruptions, closed pipes, start-up cost, and the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from passend_cli.cli import app
from passend_cli.zoeken import zoek

runner = CliRunner()

ROMMEL = [
    "", " ", "   \t ", "x" * 10_000, "\x00\x01\x02", "\x1b[31mrood", "😴", "🏫🇳🇱",
    "مرحبا بالعالم", "\u202eHaarlem", "%s", "%(naam)s", "{0}", "--", "-", "1234567890",
    "0000", "9999ZZ", "!!!", "...", "'", '"', "\\", "/", "&", "a/d", "PO", "VO9999", "po 99-99",
    "Robert'); DROP TABLE gemeenten;--", "\ud800".encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace"),
]

# Every command and option that takes a value, with the junk put in that place.
PLAATSEN = [
    lambda x: ["zoek", x],
    lambda x: ["zoek", "--json", x],
    lambda x: ["zoek", "--sector", x, "Haarlem"],
    lambda x: ["zoek", "--limiet", x, "Haarlem"],
    lambda x: ["lijst", "--provincie", x],
    lambda x: ["lijst", "--sector", x],
    lambda x: ["lijst", "--csv", "--provincie", x],
    lambda x: ["toon", x],
    lambda x: ["toon", "--json", x],
    lambda x: ["thema", x],
    lambda x: ["thema", "--json", x],
    lambda x: ["info", x],
    lambda x: ["data", "export", x],
    lambda x: ["data", "export", "--json", x],
    lambda x: [x],
]


def _schoon(resultaat) -> None:
    assert resultaat.exit_code in (0, 1, 2), (resultaat.exit_code, resultaat.output[-500:])
    assert "Traceback" not in resultaat.output
    if resultaat.exception is not None:
        assert isinstance(resultaat.exception, SystemExit), repr(resultaat.exception)
    if resultaat.exit_code == 2:
        assert resultaat.stderr.strip(), "een gebruiksfout hoort een melding te geven"


@pytest.mark.parametrize("plaats", range(len(PLAATSEN)))
@pytest.mark.parametrize("rommel", ROMMEL, ids=lambda r: repr(r[:12]))
def test_rommel_op_elke_plaats_geeft_een_nette_afloop(plaats, rommel):
    _schoon(runner.invoke(app, PLAATSEN[plaats](rommel)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_zoek_met_willekeurige_tekst_geeft_alleen_onze_fouten(tekst):
    from passend_cli.fouten import PassendFout

    try:
        resultaten = zoek(tekst).resultaten
    except PassendFout:
        return
    for r in resultaten:
        assert r.soort in {"gemeente", "woonplaats", "voormalige gemeente", "postcode",
                           "samenwerkingsverband", "school"}
        json.dumps(r.als_json())


@settings(max_examples=100, deadline=None)
@given(st.integers(1000, 9999), st.sampled_from(["", "AB", " ab", "-Zz", " XY"]))
def test_elke_postcode_schrijfwijze_geeft_hetzelfde_als_pc4(pc4, letters):
    kaal = zoek(str(pc4)).resultaten
    gespeld = zoek(f"{pc4}{letters}").resultaten
    assert [r.als_json() for r in gespeld] == [r.als_json() for r in kaal]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["Haarlem", "Súdwest-Fryslân", "'s-Hertogenbosch", "Alphen aan den Rijn",
                        "Nieuw-Vennep", "Overveen", "Weesp", "Bergen op Zoom"]),
       st.sampled_from([str.upper, str.lower, str.title, lambda s: f"  {s}  ",
                        lambda s: s.replace("-", " "), lambda s: s.replace(" ", "-")]))
def test_hoofdletters_en_streepjes_maken_niet_uit(naam, vorm):
    assert zoek(vorm(naam)).resultaten[0].naam == zoek(naam).resultaten[0].naam


def test_ctrl_c_geeft_130(monkeypatch):
    def onderbreek(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("passend_cli.zoeken.zoek", onderbreek)
    resultaat = runner.invoke(app, ["zoek", "Haarlem"])
    assert resultaat.exit_code == 130
    assert "Traceback" not in resultaat.output


# --- the installed command, in a real subprocess -----------------------------------------


def _passend() -> list[str]:
    script = Path(sys.executable).with_name("passend")
    if not script.exists():
        pytest.skip("het commando passend is niet geïnstalleerd naast deze Python")
    return [str(script)]


def _draai(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(kwargs.pop("env", {}))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, **kwargs)


def test_het_geinstalleerde_commando_werkt():
    p = _draai([*_passend(), "zoek", "Haarlem"])
    assert p.returncode == 0, p.stderr
    assert "PO2704" in p.stdout and "\x1b[" not in p.stdout


def test_python_m_werkt():
    p = _draai([sys.executable, "-m", "passend_cli", "zoek", "--json", "Overveen"])
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["resultaten"][0]["naam"] == "Overveen"


def test_exitcodes_in_een_echt_proces():
    assert _draai([*_passend(), "zoek", "xyzzyq"]).returncode == 1
    fout = _draai([*_passend(), "zoek", "--sector", "mbo", "Haarlem"])
    assert fout.returncode == 2 and "Traceback" not in fout.stderr


def test_gesloten_pijp_eindigt_stil():
    p = subprocess.Popen([*_passend(), "lijst"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()
    fouten = p.stderr.read().decode()
    p.wait(timeout=60)
    assert "Traceback" not in fouten and "Error" not in fouten
    # Small outputs may fit in the pipe buffer and finish first; either way, quietly.
    assert p.returncode in (0, 141)


def test_gesloten_pijp_geeft_141_zonder_melding(monkeypatch):
    def dicht(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr("passend_cli.cli.weergave.schrijf", dicht)
    monkeypatch.setattr("passend_cli.cli.basis._stil_na_gesloten_pijp", lambda: 141)
    resultaat = runner.invoke(app, ["lijst"])
    assert resultaat.exit_code == 141
    assert resultaat.stderr == ""


PROBE = """
import sys
sys.argv = ["passend", *sys.argv[1:]]
from passend_cli.cli import main
try:
    main()
except SystemExit:
    pass
geladen = sorted({m.split(".")[0] if not m.startswith("passend_cli") else m
                  for m in sys.modules})
print("\\nMODULES " + " ".join(geladen), file=sys.stderr)
"""


def _modules(*args: str) -> set[str]:
    p = _draai([sys.executable, "-c", PROBE, *args])
    regel = [r for r in p.stderr.splitlines() if r.startswith("MODULES ")][-1]
    return set(regel.split()[1:])


def test_hulp_laadt_geen_data_en_geen_rapidfuzz():
    modules = _modules("--help")
    assert "rapidfuzz" not in modules and "rich" not in modules
    assert "passend_cli.dataset" not in modules


def test_json_importeert_geen_rich():
    modules = _modules("zoek", "--json", "Haarlem")
    assert "rich" not in modules
    assert "rapidfuzz" not in modules  # an exact name needs no fuzzy matching


def test_importeren_leest_geen_data():
    p = _draai([sys.executable, "-c",
                "import passend_cli, passend_cli.cli, passend_cli.zoeken, sys;"
                "from passend_cli.dataset import laad;"
                "print(laad.cache_info().currsize)"])
    assert p.stdout.strip() == "0"
