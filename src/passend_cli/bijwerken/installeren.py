"""Install a refreshed dataset in the user's data directory, safely.

Under the refresh lock: write the new copy in a staging folder of this process, verify
every file, move it into ``versies/`` (one rename), then point ``actief`` at it (one
atomic replacement). Killed at any moment, the active data is the old copy or the new
one, complete; what a killed refresh left behind is removed by the next. See
:mod:`passend_cli.opslag` for the layout.
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any

from passend_cli import dataset, formaat, opslag
from passend_cli.fouten import DataFout, oorzaak
from passend_cli.samenstellen.rijen import BouwFout, Rijen
from passend_cli.samenstellen.schrijven import schrijf


def _stap(naam: str) -> None:
    """A point where an install can be interrupted. PASSEND_TEST_STOP_BIJ=<naam> kills
    the process there (tests prove that every such moment leaves a consistent state)."""
    if os.environ.get("PASSEND_TEST_STOP_BIJ") == naam:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def installeer(rijen: Rijen, meta: dict[str, Any], bronnen_md: str | None = None) -> Path:
    """Write *rijen*, verify them and make them the active dataset; the copy that was
    active stays as the previous one. On any failure the active data stays as it was."""
    map_ = opslag.gebruikersmap()
    try:
        (map_ / opslag.VERSIES).mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise DataFout(f"Kan niet schrijven in {map_} ({oorzaak(fout)}).") from None
    with opslag.schrijfslot(map_):
        eigen = f"{opslag.STAGING}{os.getpid()}-{secrets.token_hex(4)}"
        opslag.ruim_op(map_, eigen)
        staging = map_ / eigen
        try:
            _stap("begin")
            _schrijf(rijen, staging, meta, bronnen_md, map_)
            _stap("geschreven")
            versie = map_ / opslag.VERSIES / _versienaam(meta)
            os.replace(staging, versie)
            _stap("verplaatst")
            vorige = opslag.lees_veilig(map_, opslag.ACTIEF)
            opslag.zet_pointer(map_, opslag.VORIGE, vorige)
            _stap("vorige")
            opslag.zet_pointer(map_, opslag.ACTIEF, versie.name)
            _stap("actief")
        except OSError as fout:
            raise DataFout(f"De nieuwe dataset kon niet worden geïnstalleerd ({oorzaak(fout)}); "
                           "de vorige gegevens blijven in gebruik.") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        opslag.ruim_op(map_)
    dataset.laad.cache_clear()
    return versie


def _schrijf(rijen: Rijen, staging: Path, meta: dict[str, Any], bronnen_md: str | None,
             map_: Path) -> None:
    try:
        schrijf(rijen, staging, meta, bronnen_md, duurzaam=True)
    except BouwFout as fout:
        raise DataFout(f"De bijgewerkte dataset klopt niet ({fout}).") from None
    except OSError as fout:
        raise DataFout(f"Kan de dataset niet schrijven in {map_} ({oorzaak(fout)}).") from None
    problemen = formaat.controleer_map(staging)
    if problemen:
        raise DataFout(f"De nieuw geschreven dataset is beschadigd ({problemen[0]}).")
    try:
        dataset.Dataset(staging, "bijgewerkt", controleer=True).laad_alles()
    except DataFout as fout:
        raise DataFout(f"De nieuw geschreven dataset is onleesbaar ({fout.bericht})") from None


def _versienaam(meta: dict[str, Any]) -> str:
    """A new, unique and sortable folder name: the dataset version and the moment."""
    tijd = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    versie = "".join(c for c in str(meta.get("versie", "")) if c.isalnum() or c in "-.")[:30]
    return f"{tijd}-{versie or 'dataset'}-{secrets.token_hex(3)}"


def reset() -> bool:
    """Make the bundled dataset active again; the refreshed copy is kept as the previous
    one. True if a refreshed copy was active."""
    map_ = opslag.gebruikersmap()
    if not map_.is_dir():
        return False
    oud = opslag.oude_kopie(map_) is not None
    try:
        with opslag.schrijfslot(map_):
            actief = opslag.lees_veilig(map_, opslag.ACTIEF)
            was = actief is not None or (map_ / opslag.ACTIEF).exists()
            if actief is not None:
                opslag.zet_pointer(map_, opslag.VORIGE, actief)
            opslag.zet_pointer(map_, opslag.ACTIEF, None)
            opslag.ruim_op(map_)
    except OSError as fout:
        raise DataFout(f"De bijgewerkte dataset in {map_} kon niet worden uitgezet "
                       f"({oorzaak(fout)}).") from None
    finally:
        dataset.laad.cache_clear()
    return was or oud
