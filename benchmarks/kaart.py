"""How long the maps take (targets: geometry + one terminal map well under 1 s; a
whole-country SVG at most 3 s and 2.5 MB).

    python benchmarks/kaart.py [--keer 5]

Times in-process: importing the package and reading the bundled geometry once (what
every ``passend kaart`` pays), then each kind of map, first run and the median of
``--keer`` more runs (the geometry then comes from the cache).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def _tabellen() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    with open(DATA / "postcodes.csv", encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    with open(DATA / "samenwerkingsverbanden.csv", encoding="utf-8") as f:
        namen = {r["code"]: r["naam"] for r in csv.DictReader(f)}
    return {s: {r["postcode"]: r[s] for r in rijen} for s in ("po", "vo")}, namen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=5)
    args = parser.parse_args()
    lid, namen = _tabellen()

    begin = time.perf_counter()
    from passend_cli import kaart

    importeren = time.perf_counter() - begin
    begin = time.perf_counter()
    geo = kaart.laad_geometrie()
    laden = time.perf_counter() - begin
    print(f"import passend_cli.kaart: {importeren * 1000:.1f} ms")
    print(
        f"geometrie laden: {laden * 1000:.0f} ms ({len(geo.postcodes)} postcodes, "
        f"{len(geo.bogen)} bogen, {geo.aantal_punten} punten)"
    )

    gevallen = [
        ("terminal VO2705, 100 kolommen, kleur", lambda: kaart.terminal(
            lid["vo"], namen, gekozen="VO2705", markeer=["2011"], breedte=100, kleur=True)),
        ("terminal VO2103, 60 kolommen, zonder kleur", lambda: kaart.terminal(
            lid["vo"], namen, gekozen="VO2103", breedte=60, kleur=False)),
        ("terminal heel Nederland PO, 160 kolommen", lambda: kaart.terminal(
            lid["po"], namen, breedte=160, kleur=True, heel_nederland=True)),
        ("svg heel Nederland VO", lambda: kaart.svg(lid["vo"], namen, titel="VO")),
        ("svg heel Nederland PO, gekozen PO2101", lambda: kaart.svg(
            lid["po"], namen, gekozen="PO2101", titel="PO")),
        ("svg uitsnede VO2705", lambda: kaart.svg(
            lid["vo"], namen, gekozen="VO2705", uitsnede=True)),
    ]
    for naam, maak in gevallen:
        begin = time.perf_counter()
        uitkomst = maak()
        eerste = time.perf_counter() - begin
        tijden = []
        for _ in range(args.keer):
            begin = time.perf_counter()
            maak()
            tijden.append(time.perf_counter() - begin)
        grootte = (
            f", {len(uitkomst.encode('utf-8')) / 1e6:.2f} MB" if isinstance(uitkomst, str) else ""
        )
        print(
            f"{naam}: eerste {eerste * 1000:.0f} ms, mediaan {statistics.median(tijden) * 1000:.0f}"
            f" ms, max {max(tijden) * 1000:.0f} ms{grootte}"
        )
    print(f"samen (import + laden + eerste terminalkaart): zie de eerste regels; "
          f"geometrie {laden * 1000:.0f} ms")


if __name__ == "__main__":
    main()
