"""Install a refreshed dataset in the user's data directory, safely: write it next
to the active copy, verify it, then swap it in. Any failure leaves the active data as
it was."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from passend_cli import dataset, formaat
from passend_cli.fouten import DataFout, oorzaak
from passend_cli.samenstellen.rijen import BouwFout, Rijen
from passend_cli.samenstellen.schrijven import schrijf

VORIGE = "dataset.vorige"
_TIJDELIJK = ".dataset-nieuw-"
_WEG = ".dataset-weg-"


def installeer(rijen: Rijen, meta: dict[str, Any], bronnen_md: str | None = None) -> Path:
    """Write *rijen* next to the user copy, check it, and swap it in; the old copy is
    kept as ``dataset.vorige``. On any failure the active data is left as it was."""
    map_ = dataset.gebruikersmap()
    doel = dataset.gebruikersdataset()
    try:
        map_.mkdir(parents=True, exist_ok=True)
        _ruim_op(map_)
        nieuw = Path(tempfile.mkdtemp(prefix=_TIJDELIJK, dir=map_))
    except OSError as fout:
        raise DataFout(f"Kan niet schrijven in {map_} ({oorzaak(fout)}).") from None
    try:
        try:
            schrijf(rijen, nieuw, meta, bronnen_md)
        except BouwFout as fout:
            raise DataFout(f"De bijgewerkte dataset klopt niet ({fout}).") from None
        except OSError as fout:
            raise DataFout(f"Kan de dataset niet schrijven in {map_} ({oorzaak(fout)}).") from None
        problemen = formaat.controleer_map(nieuw)
        if problemen:
            raise DataFout(f"De nieuw geschreven dataset is beschadigd ({problemen[0]}).")
        try:
            dataset.Dataset(nieuw, "gebruiker").laad_alles()
        except DataFout as fout:
            raise DataFout(f"De nieuw geschreven dataset is onleesbaar ({fout.bericht})") from None
        _wissel(nieuw, doel, map_ / VORIGE)
    except BaseException:
        shutil.rmtree(nieuw, ignore_errors=True)
        raise
    dataset.laad.cache_clear()
    return doel


def _wissel(nieuw: Path, doel: Path, vorige: Path) -> None:
    """Move the old copy aside and the new one in. If the second step fails the first
    is undone; if the process dies between them, no user copy is left and the loader
    uses the bundled data."""
    try:
        oud = os.path.lexists(doel)
        if oud:  # else a kill between the steps left dataset.vorige as the last copy
            if os.path.lexists(vorige):
                _verwijder(vorige)
            os.replace(doel, vorige)
    except OSError as fout:
        raise DataFout(f"De nieuwe dataset kon niet worden geïnstalleerd ({oorzaak(fout)}); "
                       "de huidige gegevens zijn niet gewijzigd.") from None
    try:
        os.replace(nieuw, doel)
    except BaseException as fout:
        if oud and not os.path.lexists(doel):
            with contextlib.suppress(OSError):
                os.replace(vorige, doel)
        if isinstance(fout, OSError):
            raise DataFout(f"De nieuwe dataset kon niet worden geïnstalleerd ({oorzaak(fout)}); "
                           "de vorige gegevens blijven in gebruik.") from None
        raise


def _verwijder(pad: Path) -> None:
    if os.path.isdir(pad) and not os.path.islink(pad):
        shutil.rmtree(pad)
    else:
        os.unlink(pad)


def _ruim_op(map_: Path) -> None:
    """Remove what an interrupted update or reset left behind."""
    for pad in map_.iterdir():
        if pad.name.startswith((_TIJDELIJK, _WEG)):
            shutil.rmtree(pad, ignore_errors=True)


def reset() -> bool:
    """Remove the user copy (and the previous one); True if there was a user copy."""
    map_ = dataset.gebruikersmap()
    doel = dataset.gebruikersdataset()
    was = os.path.lexists(doel)
    try:
        if was:  # first out of the way in one step, so no half-deleted copy stays active
            weg = Path(tempfile.mkdtemp(prefix=_WEG, dir=map_))
            os.replace(doel, weg / "dataset")
        if map_.is_dir():
            if os.path.lexists(map_ / VORIGE):
                _verwijder(map_ / VORIGE)
            _ruim_op(map_)
    except OSError as fout:
        raise DataFout(f"De bijgewerkte dataset in {map_} kon niet worden verwijderd "
                       f"({oorzaak(fout)}).") from None
    finally:
        dataset.laad.cache_clear()
    return was
