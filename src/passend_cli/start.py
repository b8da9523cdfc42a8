"""The ``passend`` console script's entry point, kept tiny on purpose.

Loading the command line (typer, click) takes tens of milliseconds; a Ctrl-C in that
window would otherwise end in a Python traceback. Here, before anything heavy is
imported, an interrupt is already caught, and SIGTERM is turned into the same orderly
stop, so temporary files are removed and the exit code says what happened.
"""

from __future__ import annotations

import contextlib
import signal
import sys

from passend_cli.fouten import Beeindigd


def _beeindig(signum: int, frame: object) -> None:
    raise Beeindigd()


def main() -> None:
    with contextlib.suppress(ValueError, OSError):  # not the main thread: keep the default
        signal.signal(signal.SIGTERM, _beeindig)
    try:
        from passend_cli.cli.app import main as cli_main

        cli_main()
    except KeyboardInterrupt as onderbreking:
        # Only reached while the modules load or after the command's own boundary.
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write("Onderbroken.\n")
        sys.exit(getattr(onderbreking, "exitcode", 130))
