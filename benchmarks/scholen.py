"""How much the school search costs, and that place searches do not pay for it.

    python benchmarks/scholen.py [--keer 30]

Prints, as medians over fresh datasets (every table and cache read anew):
  - a place search alone, and the same followed by ``zoek_school`` on the same query
    (what ``zoek`` will do): the difference is what a place query pays for schools;
  - the first school search (reads the school index and table: the "load");
  - one school search after that (target: under 5 ms), per kind of query;
  - parsing the whole school table (``toon --scholen``, ``lijst`` counts).
Run ``python -m compileall -q src`` first (with PYTHONDONTWRITEBYTECODE unset), or
imports dominate.
"""

from __future__ import annotations

import argparse
import statistics
import time


def _vers() -> None:
    """Forget every loaded table and cache, as a new process would have none."""
    from passend_cli import dataset, scholen, schoolnamen

    dataset.laad.cache_clear()
    for functie in (scholen._naam, scholen._vraag_tekst, scholen._woorden_van,
                    schoolnamen._woord):
        functie.cache_clear()


def _ms(reeks: list[float]) -> str:
    ms = sorted(t * 1000 for t in reeks)
    return f"mediaan {statistics.median(ms):6.2f} ms (min {ms[0]:.2f}, max {ms[-1]:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=30)
    args = parser.parse_args()

    begin = time.perf_counter()
    from passend_cli import dataset, scholen, zoeken

    print(f"import passend_cli.scholen en zoeken: {(time.perf_counter() - begin) * 1000:.1f} ms")

    print("\nPlaats zoeken, zonder en met zoek_school erna (verse dataset per keer):")
    for term in ("Haarlem", "Overveen", "2051 AB", "PO 27-07", "Harlem"):
        alleen, met = [], []
        for _ in range(args.keer):
            _vers()
            begin = time.perf_counter()
            zoeken.zoek(term)
            alleen.append(time.perf_counter() - begin)
            _vers()
            begin = time.perf_counter()
            zoeken.zoek(term)
            scholen.zoek_school(term)
            met.append(time.perf_counter() - begin)
        geladen = {"schoolregels", "schoolindex"} & set(dataset.laad().__dict__)
        print(f"  {term:10} alleen {_ms(alleen)}")
        print(f"  {'':10} met   {_ms(met)}  scholen gelezen: {sorted(geladen) or 'nee'}")

    print("\nEerste schoolzoekopdracht na de plaatsen (leest index en tabel):")
    eerste = []
    for _ in range(args.keer):
        _vers()
        zoeken.zoek("De Globe Haarlem")  # the place search runs first in zoek
        begin = time.perf_counter()
        scholen.zoek_school("De Globe Haarlem")
        eerste.append(time.perf_counter() - begin)
    print(f"  De Globe Haarlem  {_ms(eerste)}")

    print("\nEén schoolzoekopdracht na het laden (mediaan van 200):")
    scholen.zoek_school("Stedelijk Gymnasium Leiden")
    for term in ("OBS De Globe Haarlem", "De Globe", "Stedelijk Gymnasium, Leiden",
                 "De Regenboog", "sint jozef", "cbs prins claus", "Regenbooog Almere",
                 "De Globe Utrecht", "16NG00", "16NG", "Haarlem"):
        scholen.zoek_school(term)  # a first typo search imports rapidfuzz
        reeks = []
        for _ in range(200):
            begin = time.perf_counter()
            scholen.zoek_school(term)
            reeks.append(time.perf_counter() - begin)
        print(f"  {term:28} {statistics.median(reeks) * 1000:6.2f} ms")

    print("\nHele scholentabel (toon --scholen, lijst):")
    tabel = []
    for _ in range(args.keer):
        _vers()
        begin = time.perf_counter()
        scholen.aantal_scholen()
        tabel.append(time.perf_counter() - begin)
    print(f"  aantal_scholen()  {_ms(tabel)} ({len(dataset.laad().scholen)} scholen)")


if __name__ == "__main__":
    main()
