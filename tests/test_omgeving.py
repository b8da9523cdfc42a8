"""What the environment does to the command: a full disk, an ASCII terminal, bytes that
are no UTF-8, control characters, Ctrl-C and SIGTERM at any moment. Real processes of
the installed command, as a user meets them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_robuustheid import _draai, _passend


def _bytes(*args: str | bytes, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(kwargs.pop("env", {}))
    return subprocess.run([*_passend(), *args], capture_output=True, env=env, timeout=60,
                          **kwargs)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="geen /dev/full")
def test_volle_schijf_is_exit_3_met_een_zin():
    with open("/dev/full", "w") as vol:
        p = subprocess.run([*_passend(), "lijst"], stdout=vol, stderr=subprocess.PIPE,
                           text=True, timeout=60)
    assert p.returncode == 3
    assert p.stderr == "De uitvoer kan niet worden geschreven (de schijf is vol).\n"


@pytest.mark.parametrize("omgeving", [{"PYTHONIOENCODING": "ascii"},
                                      {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}])
def test_terminal_zonder_accenten(omgeving):
    p = _draai([*_passend(), "zoek", "Sneek"], env=omgeving)
    assert p.returncode == 0, p.stderr
    assert "PO2101" in p.stdout and "Traceback" not in p.stderr


def test_latin1_argument_geeft_geldige_json_en_vindt_de_plaats():
    p = _bytes("zoek", "--json", b"Haarl\xe9m")
    assert p.returncode == 0
    data = json.loads(p.stdout.decode("utf-8"))  # strict: valid UTF-8
    assert data["zoekterm"] == "Haarlém"
    assert data["resultaten"][0]["naam"] == "Haarlem"


@pytest.mark.parametrize("args", [
    ["toon", "VO\x1b[31m2705"],
    ["lijst", "--provincie", "\x1b[2J\rHolland"],
    ["zoek", "Haar\x1b]0;titel\x07lem\x9b"],
    ["thema", "t\x1blv"],
    ["kaart", "\x1b[5mVO9999"],
])
def test_stuurtekens_uit_argumenten_komen_nooit_rauw_terug(args):
    p = _bytes(*args)
    for stroom in (p.stdout, p.stderr):
        tekst = stroom.decode("utf-8")
        assert not any(c in tekst for c in "\x1b\r\x07\x9b"), tekst
    assert b"Traceback" not in p.stderr


def _koppel_tot_signaal(tmp_path: Path, sein: int) -> tuple[subprocess.Popen, bytes]:
    uit = tmp_path / "uit.csv"
    p = subprocess.Popen([*_passend(), "koppel", "-", "-o", str(uit)], stdin=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert p.stdin is not None
    p.stdin.write(b"postcode\n" + b"2011\n" * 50_000)
    p.stdin.flush()  # stdin stays open: the command waits for more rows
    time.sleep(1.5)
    p.send_signal(sein)
    _, fouten = p.communicate(timeout=30)
    return p, fouten


@pytest.mark.parametrize(("sein", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_onderbroken_koppel_ruimt_op(tmp_path, sein, code):
    p, fouten = _koppel_tot_signaal(tmp_path, sein)
    assert p.returncode == code
    assert fouten.decode().endswith("Onderbroken.\n") and b"Traceback" not in fouten
    assert list(tmp_path.iterdir()) == []  # no output file, no hidden temporary file


CTRL_C_BIJ_HET_LADEN = """
import builtins, sys
echt = builtins.__import__
def onderbreek(naam, *args, **kwargs):
    if naam == "typer":
        raise KeyboardInterrupt
    return echt(naam, *args, **kwargs)
builtins.__import__ = onderbreek
sys.argv = ["passend", "zoek", "Haarlem"]
from passend_cli.start import main
main()
"""


def test_ctrl_c_terwijl_de_modules_laden():
    p = subprocess.run([sys.executable, "-c", CTRL_C_BIJ_HET_LADEN], capture_output=True,
                       text=True, timeout=60)
    assert (p.returncode, p.stderr) == (130, "Onderbroken.\n")
