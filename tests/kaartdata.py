"""The two tables a map is drawn from, read from the bundled dataset, for the map tests."""

from __future__ import annotations

import csv

from passend_cli.opslag import gebundelde_map


def lidmaatschap(sector: str) -> dict[str, str]:
    """PC4 -> SWV code of *sector* ("po" or "vo")."""
    with gebundelde_map().joinpath("postcodes.csv").open(encoding="utf-8") as f:
        return {r["postcode"]: r[sector] for r in csv.DictReader(f)}


def namen() -> dict[str, str]:
    """SWV code -> name."""
    with gebundelde_map().joinpath("samenwerkingsverbanden.csv").open(encoding="utf-8") as f:
        return {r["code"]: r["naam"] for r in csv.DictReader(f)}
