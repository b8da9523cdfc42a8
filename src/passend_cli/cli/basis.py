"""What every ``passend`` command shares: the boundary where errors become one Dutch
sentence and an exit code, Dutch help texts, and the common options."""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import sys
from typing import Annotated, Any

import typer
from typer._click import exceptions as ce
from typer._click.core import Context
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup

from passend_cli.cli import gebruiksfouten
from passend_cli.cli.commando import NederlandsCommando, NederlandseGroep
from passend_cli.cli.uitvoer import melding
from passend_cli.fouten import LegeInvoer, PassendFout, oorzaak

EXIT_ONDERBROKEN = 130
# A bug in passend itself (EX_SOFTWARE); PASSEND_DEBUG=1 shows the traceback instead.
EXIT_INTERNE_FOUT = 70
# A closed pipe (`passend lijst | head`) ends like a program stopped by SIGPIPE.
EXIT_PIJP = 141


# --- the one boundary where errors become messages and exit codes --------------------


def _nederlands(fout: Exception) -> str:
    """One Dutch sentence for a usage error of the argument parser."""
    return gebruiksfouten.zin(fout)


def _meld_fout(fout: PassendFout) -> None:
    melding(fout.bericht)
    if fout.suggesties:
        melding("Bedoelde u: " + ", ".join(fout.suggesties) + "?")
    elif isinstance(fout, LegeInvoer) and fout.voorbeeld:
        melding(f"Bijvoorbeeld: {fout.voorbeeld}")


# --- Dutch help --------------------------------------------------------------------------

# The English text the argument parser writes into every help page.
_HULPTEKSTEN = {"Show this message and exit.": "Toon deze hulp en stop."}
_KOPPEN = {"Options": "Opties", "Commands": "Commando's", "Arguments": "Argumenten"}


def _vertaal(tekst: str) -> str:
    tekst = _HULPTEKSTEN.get(tekst, tekst)
    return tekst.replace("[default: ", "[standaard: ").replace("[required]", "[verplicht]")


class NederlandseOpmaak(HelpFormatter):
    """Help pages with Dutch headings; texts are translated before they are wrapped."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Gebruik: ")

    def section(self, name: str) -> Any:
        return super().section(_KOPPEN.get(name, name))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _vertaal(tekst)) for term, tekst in rows], *args, **kwargs)


class NederlandseContext(Context):
    formatter_class = NederlandseOpmaak


class PassendCommando(NederlandsCommando, TyperCommand):
    """Every subcommand: Dutch help pages and usage errors (see :mod:`.commando`)."""

    context_class = NederlandseContext


class _Onderbreking(Exception):
    """Ctrl-C or SIGTERM inside a command, carried past Typer's own handler."""

    def __init__(self, exitcode: int) -> None:
        super().__init__(exitcode)
        self.exitcode = exitcode


class PassendGroep(NederlandseGroep, TyperGroup):
    """Runs every command inside one boundary: library errors, usage errors, Ctrl-C
    and a closed pipe become a Dutch sentence on stderr and the contract's exit code.
    Doing it here, not in ``main``, means the CliRunner tests see the same behaviour."""

    context_class = NederlandseContext

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone = kwargs.pop("standalone_mode", True)
        _vervang_onschrijfbare_tekens()
        try:
            uitkomst = super().main(*args, standalone_mode=False, **kwargs)
            code = uitkomst if isinstance(uitkomst, int) else 0
            sys.stdout.flush()  # a full disk shows here, inside the boundary
        except ce.NoArgsIsHelpError as fout:
            sys.stdout.write(fout.ctx.get_help() + "\n")
            code = 0
        except ce.UsageError as fout:
            try:
                melding(_nederlands(fout))
            except Exception:  # the message must never become a traceback itself
                melding("Ongeldig gebruik; zie 'passend --help'.")
            code = 2
        except PassendFout as fout:
            _meld_fout(fout)
            code = fout.exitcode
        except (_Onderbreking, KeyboardInterrupt, typer.Abort) as onderbreking:
            melding("Onderbroken.")
            code = getattr(onderbreking, "exitcode", EXIT_ONDERBROKEN)
        except OSError as fout:
            # Library code turns its own OS errors into PassendFout; what arrives here
            # is writing the output: a full disk, a closed device.
            if fout.errno == errno.EPIPE:
                code = _stil_na_gesloten_pijp()
            else:
                melding(f"De uitvoer kan niet worden geschreven ({oorzaak(fout)}).")
                _stil_na_gesloten_pijp()  # nothing more to flush at exit
                code = 3
        except Exception as fout:
            if os.environ.get("PASSEND_DEBUG"):
                raise
            else:
                melding(
                    f"Onverwachte fout in passend ({fout.__class__.__name__}: {fout}). "
                    "Dit is een fout in het programma; meld het graag, met het commando erbij."
                )
                code = EXIT_INTERNE_FOUT
        if standalone:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        # Typer's own handler would turn a closed pipe into exit 1 before main() sees it.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as onderbreking:
            # Typer would end silently with 130; main() says so, and SIGTERM keeps 143.
            raise _Onderbreking(getattr(onderbreking, "exitcode", EXIT_ONDERBROKEN)) from None
        except LegeInvoer as fout:
            # The library says what is missing; the example is the command's own.
            commando = self.get_command(ctx, ctx.invoked_subcommand or "")
            fout.voorbeeld = gebruiksfouten.voorbeeld(commando)
            raise
        except BrokenPipeError:
            raise typer.Exit(_stil_na_gesloten_pijp()) from None
        except OSError as fout:
            if fout.errno != errno.EPIPE:
                raise
            raise typer.Exit(_stil_na_gesloten_pijp()) from None


def _vervang_onschrijfbare_tekens() -> None:
    """On a terminal that cannot show every character (ASCII, Latin-1), print a
    replacement instead of failing on the first accent."""
    for stroom in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stroom.reconfigure(errors="replace")  # type: ignore[union-attr]


def _stil_na_gesloten_pijp() -> int:
    # Python would complain when it flushes stdout at exit; point it at /dev/null.
    try:
        nul = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nul, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_PIJP


class Sector(str, enum.Enum):
    po = "po"
    vo = "vo"


# Shared options, declared once.
JsonOptie = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON (voor scripts).")]
CsvOptie = Annotated[bool, typer.Option("--csv", help="Uitvoer als CSV.")]
SectorOptie = Annotated[
    Sector | None,
    typer.Option("--sector", "-s", case_sensitive=False, help="Alleen po of vo."),
]


