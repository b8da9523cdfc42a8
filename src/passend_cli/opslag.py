"""Where the data lives: the bundled copy in the package, and the user's refreshed copies.

A refreshed copy is never changed after it is written. The user's data directory holds
them side by side, and one small pointer file says which is active::

    <gebruikersmap>/
        versies/<naam>/        complete, verified datasets (one per refresh)
        actief                 the name of the active version: replaced in one step
        vorige                 the name of the one before it (kept)
        .bijwerken.lock        held by the one refresh that may run at a time
        .nieuw-<pid>-<…>/      a refresh's staging folder, its own

Switching is the atomic replacement of the pointer, so at every moment the active data
is the old or the new version, complete. A process holds a shared lock on the version
it reads from start to end, so a refresh deletes only versions nobody uses.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from passend_cli.fouten import DataFout, oorzaak

VERSIES = "versies"
ACTIEF = "actief"
VORIGE = "vorige"
SLOT = ".bijwerken.lock"
IN_GEBRUIK = ".in-gebruik"  # in each version: the lock readers share
STAGING = ".nieuw-"
WACHTTIJD = 10.0  # seconds a refresh waits for another one to finish
_NAAM = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,80}")
# The layout before versions: one folder "dataset", and "dataset.vorige".
OUDE_KOPIE = "dataset"

try:  # POSIX; elsewhere locks are skipped and old versions kept
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def gebruikersmap() -> Path:
    """The user's data directory; ``PASSEND_DATA_DIR`` overrides it (tests, portable use)."""
    eigen = os.environ.get("PASSEND_DATA_DIR")
    if eigen:
        return Path(eigen)
    import platformdirs

    return Path(platformdirs.user_data_dir("passend", appauthor=False))


def gebundelde_map() -> Any:
    """The bundled dataset: ``passend_cli/data`` in an installed wheel (the build puts
    the project's ``data/`` folder there), or ``data/`` at the root of a source checkout
    (an editable install, the tests). Both are plain folders, where a Path is all we
    need; importlib.resources (slower to import) covers any other way of loading the
    package, such as from a zip file."""
    hier = Path(__file__).with_name("data")
    if hier.is_dir():
        return hier
    bron = Path(__file__).resolve().parents[2] / "data"
    if (bron / "metadata.json").is_file():
        return bron
    from importlib import resources

    return resources.files("passend_cli").joinpath("data")


# --- pointers -------------------------------------------------------------------------


def lees_pointer(map_: Path, naam: str) -> str | None:
    """The version a pointer names; None when there is none. A pointer that is not a
    small file holding a plain name is a defect (DataFout)."""
    pad = map_ / naam
    try:
        info = pad.lstat()
    except FileNotFoundError:
        return None
    except OSError as fout:
        raise DataFout(f"{naam} is niet te lezen ({oorzaak(fout)}).") from None
    import stat

    if not stat.S_ISREG(info.st_mode) or info.st_size > 200:
        raise DataFout(f"{naam} is geen gewoon, klein bestand.")
    try:
        versie = pad.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise DataFout(f"{naam} is onleesbaar.") from None
    if not _NAAM.fullmatch(versie):
        raise DataFout(f"{naam} noemt geen geldige versie.")
    return versie


def zet_pointer(map_: Path, naam: str, versie: str | None) -> None:
    """Point *naam* at *versie* (None: remove it) in one atomic step."""
    if versie is None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(map_ / naam)
        _sync_map(map_)
        return
    tijdelijk = map_ / f".{naam}.{os.getpid()}.tmp"
    with open(tijdelijk, "w", encoding="utf-8") as f:
        f.write(versie + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tijdelijk, map_ / naam)
    _sync_map(map_)


def _sync_map(map_: Path) -> None:
    """Make a rename or unlink in *map_* durable before the next step."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(map_, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def actieve_versie(map_: Path | None = None) -> Path | None:
    """The folder of the active refreshed copy, or None. Raises DataFout when the
    pointer is damaged or names a version that is not there."""
    map_ = map_ or gebruikersmap()
    versie = lees_pointer(map_, ACTIEF)
    if versie is None:
        return None
    pad = map_ / VERSIES / versie
    if not pad.is_dir():
        raise DataFout(f"de actieve versie {versie} ontbreekt")
    return pad


def oude_kopie(map_: Path | None = None) -> Path | None:
    """A copy in the layout of an earlier passend (one folder), which this one no
    longer reads; None when there is none."""
    pad = (map_ or gebruikersmap()) / OUDE_KOPIE
    return pad if pad.is_dir() else None


# --- locks ----------------------------------------------------------------------------


def lees_slot(versie: Path) -> IO[bytes] | None:
    """A shared lock on *versie*, held as long as the returned file stays open (the
    process's lifetime): while any reader holds it, no refresh deletes the version.
    None where locks are not available or the version has just gone."""
    if fcntl is None:
        return None
    try:
        f = open(versie / IN_GEBRUIK, "ab")  # noqa: SIM115 - kept open on purpose
    except OSError:
        return None
    try:
        fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        # A refresh is deleting this version right now: it is no longer active.
        f.close()
        return None
    return f


@contextlib.contextmanager
def schrijfslot(map_: Path, wachten: float | None = None) -> Iterator[None]:
    """The lock of the one refresh that may run at a time; waits *wachten* seconds
    (WACHTTIJD) for another to finish, then gives up with a DataFout."""
    wachten = WACHTTIJD if wachten is None else wachten
    if fcntl is None:
        yield
        return
    try:
        f = open(map_ / SLOT, "ab")  # noqa: SIM115
    except OSError as fout:
        raise DataFout(f"Kan niet schrijven in {map_} ({oorzaak(fout)}).") from None
    try:
        einde = time.monotonic() + wachten
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= einde:
                    raise DataFout("Er loopt al een update van de dataset; probeer het "
                                   "opnieuw als die klaar is.") from None
                time.sleep(0.1)
        yield
    finally:
        f.close()


def _ongebruikt(versie: Path) -> bool:
    """True when no process reads *versie*: an exclusive lock can be had at once."""
    if fcntl is None:
        return False
    try:
        with open(versie / IN_GEBRUIK, "ab") as f:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
    except OSError:
        return False


def ruim_op(map_: Path, eigen: str = "") -> None:
    """Remove, under the refresh lock, what nobody needs: versions that are neither
    active nor the previous one and that no process reads, staging folders (all but
    *eigen*: under the lock no other refresh runs), and a copy in the old layout."""
    import shutil

    bewaren = {lees_veilig(map_, ACTIEF), lees_veilig(map_, VORIGE)}
    versies = map_ / VERSIES
    for pad in sorted(versies.iterdir()) if versies.is_dir() else ():
        if pad.name not in bewaren and pad.is_dir() and _ongebruikt(pad):
            weg = map_ / f".weg-{pad.name}"
            with contextlib.suppress(OSError):
                os.replace(pad, weg)  # out of sight in one step, then deleted
                shutil.rmtree(weg, ignore_errors=True)
    for pad in map_.iterdir():
        if (pad.name.startswith(STAGING) and pad.name != eigen) or pad.name.startswith(".weg-"):
            shutil.rmtree(pad, ignore_errors=True)
        elif pad.name.endswith(".tmp") and pad.name.startswith("."):
            with contextlib.suppress(OSError):
                pad.unlink()
    for oud in (OUDE_KOPIE, f"{OUDE_KOPIE}.vorige"):
        if (map_ / oud).is_dir():
            shutil.rmtree(map_ / oud, ignore_errors=True)


def lees_veilig(map_: Path, naam: str) -> str | None:
    try:
        return lees_pointer(map_, naam)
    except DataFout:
        return None
