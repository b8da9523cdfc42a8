"""The package as a user gets it: the sdist carries the project's data/ folder, and a
wheel built from that sdist carries it inside the package, as passend_cli/data. Built
here with hatchling's own builders (offline); .ci/run does the whole road with pip and a
fresh virtual environment."""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAKKET = ROOT / "src" / "passend_cli"

hatchling = pytest.importorskip("hatchling", reason="hatchling hoort bij de test-extra")


def _pakketbestanden(map_: str, patroon: str) -> list[str]:
    """The files of one folder of the package, as paths inside the package."""
    return sorted(f"passend_cli/{map_}/{p.name}" for p in (PAKKET / map_).glob(patroon))


DATA = sorted(p.name for p in (ROOT / "data").iterdir())
THEMABESTANDEN = _pakketbestanden("themas", "*.md")


@pytest.fixture(scope="module")
def sdist(tmp_path_factory) -> Path:
    from hatchling.builders.sdist import SdistBuilder

    uit = tmp_path_factory.mktemp("sdist")
    return Path(next(SdistBuilder(str(ROOT)).build(directory=str(uit))))


@pytest.fixture(scope="module")
def wiel_uit_sdist(sdist, tmp_path_factory) -> Path:
    """A wheel built from the unpacked sdist, as pip does for an sdist."""
    from hatchling.builders.wheel import WheelBuilder

    uitgepakt = tmp_path_factory.mktemp("uitgepakt")
    with tarfile.open(sdist) as tar:
        # The safe extraction filter exists from Python 3.10.12 and 3.11.4 on.
        veilig = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(uitgepakt, **veilig)
    [bron] = uitgepakt.iterdir()
    uit = tmp_path_factory.mktemp("wiel")
    return Path(next(WheelBuilder(str(bron)).build(directory=str(uit))))


def test_er_staat_geen_symlink_in_de_hoofdmap():
    # A root link to the package's data made hatchling write the files at the sdist's
    # top level, and a wheel built from that sdist had no data at all.
    assert not any(p.is_symlink() for p in ROOT.iterdir())


def test_de_data_en_de_kaart_en_de_themas_bestaan():
    namen = set(DATA)
    assert {"postcodes.csv", "metadata.json", "pc4_kaart.bin", "SOURCES.md"} <= namen
    assert len(THEMABESTANDEN) >= 18


def test_de_sdist_heeft_de_data(sdist):
    with tarfile.open(sdist) as tar:
        namen = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for pad in [f"data/{n}" for n in DATA] + [f"src/{p}" for p in THEMABESTANDEN]:
        assert pad in namen, pad
    assert "src/passend_cli/py.typed" in namen
    assert {"LICENSE", "README.md", "pyproject.toml"} <= namen


def test_een_wiel_uit_de_sdist_heeft_de_data(wiel_uit_sdist):
    with zipfile.ZipFile(wiel_uit_sdist) as wiel:
        namen = set(wiel.namelist())
        for pad in [f"passend_cli/data/{n}" for n in DATA] + THEMABESTANDEN + [
                "passend_cli/py.typed"]:
            assert pad in namen, pad
        assert not any(n.startswith("data/") for n in namen), "data hoort in het pakket"
        [metadata] = [n for n in namen if n.endswith(".dist-info/METADATA")]
        kop = wiel.read(metadata).decode("utf-8")
        licentie = [n for n in namen if n.endswith(".dist-info/licenses/LICENSE")]
        assert licentie, "de licentietekst hoort in het wiel"
        tekst = wiel.read(licentie[0]).decode("utf-8")
    assert "License-Expression: EUPL-1.2" in kop
    assert "Classifier: Typing :: Typed" in kop
    assert tekst.startswith(" " * 22 + "EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert tekst.rstrip().endswith("require the production of a new\nEUPL version.")


def test_het_wiel_heeft_dezelfde_bytes_als_de_bron(wiel_uit_sdist):
    with zipfile.ZipFile(wiel_uit_sdist) as wiel:
        for naam in ("postcodes.csv", "pc4_kaart.bin"):
            assert wiel.read(f"passend_cli/data/{naam}") == (ROOT / "data" / naam).read_bytes()
