"""A refreshed copy in a user's data directory, made from the bundle, for tests that
check which dataset answers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from passend_cli.opslag import gebundelde_map


def bijgewerkte_kopie(gebruikersmap: Path) -> None:
    """A refreshed copy in the user's data directory, in the layout a refresh writes
    (versies/<naam>/ and the pointer file actief), in which PC4 2011 moved to PO2710."""
    import hashlib

    versie = gebruikersmap / "versies" / "test-1"
    versie.mkdir(parents=True)
    for bestand in gebundelde_map().iterdir():
        if bestand.suffix in (".csv", ".json"):
            shutil.copy(bestand, versie / bestand.name)
    postcodes = versie / "postcodes.csv"
    tekst = postcodes.read_text("utf-8")
    assert "\n2011,GM0392,PO2704,VO2705," in tekst
    postcodes.write_text(tekst.replace("\n2011,GM0392,PO2704,", "\n2011,GM0392,PO2710,"),
                         "utf-8")
    meta = json.loads((versie / "metadata.json").read_text("utf-8"))
    data = postcodes.read_bytes()
    meta["versie"], meta["herkomst"] = "test-1", "duo"
    meta["bestanden"]["postcodes.csv"].update(
        bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    (versie / "metadata.json").write_text(json.dumps(meta), "utf-8")
    (gebruikersmap / "actief").write_text("test-1\n", "utf-8")
