"""Start-up of the installed command against the dependency floor, and search speed.

    python benchmarks/opstart.py [--keer 20] [--ook ANDERE_PASSEND]

Runs, alternating so machine noise hits all alike:
  - the floor: python -c "import typer, rich.console, rich.table, rapidfuzz.process"
  - passend zoek Haarlem          (rich table, as on a terminal: FORCE_COLOR=1)
  - passend zoek Haarlem | cat    (plain text, as when piped)
  - passend zoek --json Haarlem
and prints median wall times and their ratio to the floor (targets: table <= 1.25x,
--json <= 1.0x). ``--ook`` adds the same three runs of another installed ``passend``
(an earlier version, say) to the same rounds, so the two compare under the same noise.
Then times single in-process searches after the data is loaded (target: <= 1 ms).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _passend() -> list[str]:
    naast = Path(sys.executable).with_name("passend")
    if naast.exists():
        return [str(naast)]
    gevonden = shutil.which("passend")
    return [gevonden] if gevonden else [sys.executable, "-m", "passend_cli"]


def _tijd(cmd: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=20)
    parser.add_argument("--ook", help="een ander passend-commando om mee te vergelijken")
    args = parser.parse_args()

    passend = _passend()
    # Installed packages run from compiled .pyc files; let the warm-up runs write them.
    weg = ("FORCE_COLOR", "NO_COLOR", "PYTHONDONTWRITEBYTECODE")
    gewoon = {k: v for k, v in os.environ.items() if k not in weg}
    metingen = {
        "vloer (import typer, rich, rapidfuzz)": (
            [sys.executable, "-c", "import typer, rich.console, rich.table, rapidfuzz.process"],
            gewoon,
        ),
        "passend zoek Haarlem (tabel)": ([*passend, "zoek", "Haarlem"],
                                         {**gewoon, "FORCE_COLOR": "1", "COLUMNS": "100"}),
        "passend zoek Haarlem (gepipet)": ([*passend, "zoek", "Haarlem"], gewoon),
        "passend zoek --json Haarlem": ([*passend, "zoek", "--json", "Haarlem"], gewoon),
    }
    if args.ook:
        metingen.update({
            "ander: zoek Haarlem (tabel)": ([args.ook, "zoek", "Haarlem"],
                                            {**gewoon, "FORCE_COLOR": "1", "COLUMNS": "100"}),
            "ander: zoek Haarlem (gepipet)": ([args.ook, "zoek", "Haarlem"], gewoon),
            "ander: zoek --json Haarlem": ([args.ook, "zoek", "--json", "Haarlem"], gewoon),
        })
    for cmd, env in metingen.values():  # warm the file cache and .pyc files
        _tijd(cmd, env)
    tijden: dict[str, list[float]] = {naam: [] for naam in metingen}
    for _ in range(args.keer):
        for naam, (cmd, env) in metingen.items():
            tijden[naam].append(_tijd(cmd, env))

    vloer = statistics.median(tijden[next(iter(tijden))])
    print(f"{'':40} {'mediaan':>9} {'t.o.v. vloer':>13}")
    for naam, reeks in tijden.items():
        mediaan = statistics.median(reeks)
        print(f"{naam:40} {mediaan * 1000:7.1f} ms {mediaan / vloer:12.2f}x")

    from passend_cli import zoeken
    from passend_cli.dataset import laad

    laad()
    zoeken.zoek("Haarlem")  # builds the name index once, as the first search does
    print()
    print("Eén zoekopdracht in het proces, na het laden (mediaan van 200):")
    for term in ("Haarlem", "Overveen", "2051 AB", "PO 27-07", "Weesp", "Zevenhuizen",
                 "Amsterdam", "Zevenhuizen (Zuidplas)", "wij wonen in Hoofddorp",
                 "Kerkstraat 1, 2011 AB Haarlem", "Harlem", "Scheveningen", "xyzzy"):
        reeks = []
        for _ in range(200):
            begin = time.perf_counter()
            zoeken.zoek(term)
            reeks.append(time.perf_counter() - begin)
        print(f"  {term:12} {statistics.median(reeks) * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
