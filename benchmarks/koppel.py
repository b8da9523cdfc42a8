"""Throughput and peak memory of ``passend koppel`` on generated CSV files.

    python benchmarks/koppel.py [--rijen 1000000] [--namen 5000] [--keer 1]

Generates, in a temporary directory, from the bundled dataset:
  - postcodes.csv: a postcode column in PC4 and PC6 spellings ("2011", "2011 AB",
    "2011ab"), plus two other columns, comma separated;
  - plaatsen.csv: a woonplaats column over about --namen distinct names (gemeenten,
    woonplaatsen, former gemeenten, aliases, and typo'd variants of them), semicolon
    separated, as Excel-NL writes it;
then runs the real command in a subprocess (``python -m passend_cli koppel IN -o UIT``)
and prints rows per second (wall time of the whole process, start-up included) and the
child's peak memory (ru_maxrss from wait4). Targets: >= 200,000 rows/s for postcodes,
>= 50,000 rows/s for place names, <= 100 MB peak for 1,000,000 rows.
"""

from __future__ import annotations

import argparse
import random
import string
import subprocess
import sys
import tempfile
from pathlib import Path

DOEL_POSTCODES = 200_000
DOEL_PLAATSEN = 50_000
DOEL_GEHEUGEN_MB = 100


def _postcodes(ds, rijen: int, rnd: random.Random) -> list[str]:
    pc4s = sorted(ds.postcodes)
    # A few unknown ones, as real files have.
    pc4s += ["0000", "0999"]
    letters = string.ascii_uppercase
    uit = ["leerling,postcode,geboortejaar"]
    for i in range(rijen):
        pc4 = rnd.choice(pc4s)
        vorm = i % 4
        if vorm == 0:
            pc = pc4
        else:
            ab = rnd.choice(letters) + rnd.choice(letters)
            pc = f"{pc4} {ab}" if vorm == 1 else f"{pc4}{ab.lower()}" if vorm == 2 else pc4 + ab
        uit.append(f"{i},{pc},{2010 + i % 8}")
    return uit


def _tikfout(naam: str, rnd: random.Random) -> str:
    if len(naam) < 4:
        return naam + "x"
    i = rnd.randrange(1, len(naam) - 1)
    keuze = rnd.randrange(3)
    if keuze == 0:  # a letter dropped
        return naam[:i] + naam[i + 1 :]
    if keuze == 1:  # two letters swapped
        return naam[:i] + naam[i + 1] + naam[i] + naam[i + 2 :]
    return naam[:i] + rnd.choice(string.ascii_lowercase) + naam[i + 1 :]


def _plaatsen(ds, rijen: int, aantal_namen: int, rnd: random.Random) -> tuple[list[str], int]:
    echt = sorted(
        {g.naam for g in ds.gemeenten.values()}
        | {w.naam for w in ds.woonplaatsen}
        | {v.naam for v in ds.voormalige_gemeenten}
        | {a for a, _ in ds.aliassen}
    )
    rnd.shuffle(echt)
    aantal_fout = aantal_namen // 5
    namen = echt[: aantal_namen - aantal_fout]
    varianten = {_tikfout(rnd.choice(namen), rnd) for _ in range(aantal_fout)}
    # Spelling variants people type: lower case, upper case, stray spaces.
    namen += [n.lower() for n in namen[:200]] + [n.upper() for n in namen[200:300]]
    namen += [f" {n} " for n in namen[300:400]]
    namen += sorted(varianten)
    uit = ["leerling;woonplaats;school"]
    for i in range(rijen):
        naam = rnd.choice(namen)
        if ";" in naam or '"' in naam:
            naam = '"' + naam.replace('"', '""') + '"'
        uit.append(f"{i};{naam};School {i % 97}")
    return uit, len(set(namen))


# Linux carries a process's peak memory over an exec into the program it starts, so a
# child forked from this (large) script would report this script's peak. A small
# starter process runs the command instead and reports its child's wall time and
# ru_maxrss (from wait4) on stdout.
_STARTER = """
import os, subprocess, sys, time
begin = time.perf_counter()
proces = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, gebruik = os.wait4(proces.pid, 0)
print(time.perf_counter() - begin, gebruik.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _draai(invoer: Path, uitvoer: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, stderr) of one run of the real command."""
    cmd = [sys.executable, "-m", "passend_cli", "koppel", str(invoer), "-o", str(uitvoer)]
    klaar = subprocess.run([sys.executable, "-c", _STARTER, *cmd], capture_output=True,
                           text=True, check=False)
    melding = klaar.stderr
    try:
        duur, maxrss, code = klaar.stdout.split()
    except ValueError:
        raise SystemExit(f"meting mislukt:\n{klaar.stdout}{melding}") from None
    if int(code) != 0:
        raise SystemExit(f"passend koppel faalde ({code}):\n{melding}")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    mb = int(maxrss) / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return float(duur), mb, melding


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rijen", type=int, default=1_000_000)
    parser.add_argument("--namen", type=int, default=5_000)
    parser.add_argument("--keer", type=int, default=1, help="Runs per file (best counts).")
    args = parser.parse_args()

    from passend_cli.dataset import laad

    ds = laad()
    rnd = random.Random(2026)
    ok = True
    with tempfile.TemporaryDirectory(prefix="passend-koppel-") as map_:
        map_ = Path(map_)
        pc = map_ / "postcodes.csv"
        pc.write_text("\n".join(_postcodes(ds, args.rijen, rnd)) + "\n", encoding="utf-8")
        regels, distinct = _plaatsen(ds, args.rijen, args.namen, rnd)
        pl = map_ / "plaatsen.csv"
        pl.write_text("\n".join(regels) + "\n", encoding="utf-8")
        del regels
        # Sanity check of the starter: an idle interpreter's peak, for comparison.
        leeg = subprocess.run(
            [sys.executable, "-c", _STARTER, sys.executable, "-c", "pass"],
            capture_output=True, text=True, check=True).stdout.split()[1]
        print(f"(kale python: {int(leeg) / 1024:.0f} MB)")
        print(f"{args.rijen:,} rijen per bestand; {distinct:,} verschillende plaatsnamen.")
        for naam, invoer, doel in (("postcodes", pc, DOEL_POSTCODES),
                                   ("plaatsnamen", pl, DOEL_PLAATSEN)):
            metingen = [_draai(invoer, map_ / f"uit-{naam}.csv") for _ in range(args.keer)]
            duur, _, melding = min(metingen)
            piek = max(m[1] for m in metingen)
            snelheid = args.rijen / duur
            goed = snelheid >= doel and (args.rijen < 1_000_000 or piek <= DOEL_GEHEUGEN_MB)
            ok = ok and goed
            print(f"\n{naam}: {duur:.2f} s, {snelheid:,.0f} rijen/s (doel >= {doel:,}), "
                  f"piekgeheugen {piek:.1f} MB (doel <= {DOEL_GEHEUGEN_MB})"
                  f"  {'OK' if goed else 'TE TRAAG/GROOT'}")
            for regel in melding.strip().splitlines():
                print(f"  | {regel}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
