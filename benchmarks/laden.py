"""How long loading the whole dataset takes, in-process (target: under 30 ms).

    python benchmarks/laden.py [--keer 30]

Each round reads and parses every data file anew (a command parses only the tables
it touches; this parses all of them) and builds the coverage index a search uses.
Prints the median and the spread.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=30)
    args = parser.parse_args()

    begin = time.perf_counter()
    from passend_cli.dataset import Dataset
    from passend_cli.opslag import gebundelde_map

    importeren = time.perf_counter() - begin
    tijden = []
    for _ in range(args.keer):
        begin = time.perf_counter()
        ds = Dataset(gebundelde_map(), "meegeleverd").laad_alles()
        ds.postcodes_per_gemeente  # noqa: B018 - built on first search, so counted here
        tijden.append(time.perf_counter() - begin)
    ms = sorted(t * 1000 for t in tijden)
    print(f"import passend_cli.dataset: {importeren * 1000:.1f} ms")
    print(
        f"dataset laden ({args.keer}x): mediaan {statistics.median(ms):.1f} ms, "
        f"min {ms[0]:.1f} ms, max {ms[-1]:.1f} ms "
        f"({len(ds.postcodes)} postcodes, {len(ds.woonplaatsen)} woonplaatsen)"
    )


if __name__ == "__main__":
    main()
