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

from passend_cli.cli.uitvoer import melding
from passend_cli.fouten import LegeInvoer, PassendFout, oorzaak

EXIT_ONDERBROKEN = 130
# A bug in passend itself (EX_SOFTWARE); PASSEND_DEBUG=1 shows the traceback instead.
EXIT_INTERNE_FOUT = 70
# A closed pipe (`passend lijst | head`) ends like a program stopped by SIGPIPE.
EXIT_PIJP = 141


# --- the one boundary where errors become messages and exit codes --------------------


_ARGUMENTNAMEN = {"zoekterm": "zoekterm", "code_of_naam": "code of naam", "invoer": "invoerbestand"}


def _nederlands(fout: Exception) -> str:
    """One Dutch sentence for a usage error of the argument parser."""
    if isinstance(fout, ce.NoSuchOption):
        zin = f"Onbekende optie: {fout.option_name}."
        if fout.possibilities:
            zin += f" Bedoelde u {' of '.join(sorted(fout.possibilities))}?"
        return zin
    if isinstance(fout, ce.MissingParameter):
        naam = getattr(fout.param, "name", None) or "argument"
        naam = _ARGUMENTNAMEN.get(naam, naam.replace("_", " "))
        return f"Er ontbreekt een {naam}; zie --help voor een voorbeeld."
    if isinstance(fout, ce.BadParameter):
        naam = fout.param.opts[0] if fout.param and fout.param.opts else "de invoer"
        return f"Ongeldige waarde voor {naam}: {fout.format_message().split(': ', 1)[-1]}"
    if isinstance(fout, ce.BadOptionUsage):
        return f"Optie {fout.option_name} wordt verkeerd gebruikt; zie --help."
    if "extra argument" in fout.format_message().lower():
        return "Te veel argumenten; zet een naam met spaties tussen aanhalingstekens."
    if "no such command" in fout.format_message().lower():
        return "Onbekend commando; 'passend --help' toont de commando's."
    return f"Ongeldig gebruik; zie 'passend --help'. ({fout.format_message()})"


def _meld_fout(fout: PassendFout) -> None:
    melding(fout.bericht)
    if fout.suggesties:
        melding("Bedoelde u: " + ", ".join(fout.suggesties) + "?")
    elif isinstance(fout, LegeInvoer) and fout.voorbeeld:
        melding(f"Bijvoorbeeld: {fout.voorbeeld}")


def _voorbeeld(commando: Any) -> str | None:
    """The first example in a command's help text ("Voorbeeld: passend zoek Haarlem")."""
    for regel in (getattr(commando, "help", None) or "").splitlines():
        kop, _, rest = regel.strip().partition(": ")
        if kop in ("Voorbeeld", "Voorbeelden") and rest:
            return rest.split(" · ")[0].strip()
    return None


# --- Dutch help --------------------------------------------------------------------------

# The few English texts the argument parser writes into every help page.
_HULPTEKSTEN = {
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Install completion for the current shell.":
        "Installeer tab-aanvulling voor de huidige shell.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "Toon de tab-aanvulling voor de huidige shell, om over te nemen of aan te passen.",
}
_KOPPEN = {"Options": "Opties", "Commands": "Commando's", "Arguments": "Argumenten"}


def _vertaal(tekst: str) -> str:
    tekst = _HULPTEKSTEN.get(tekst, tekst)
    return tekst.replace("[default: ", "[standaard: ").replace("[required]", "[verplicht]")


class NederlandseOpmaak(HelpFormatter):
    """Help pages with Dutch headings; texts are translated before they are wrapped."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[OPTIES]")
        args = args.replace("COMMAND [ARGS]", "COMMANDO [ARGUMENTEN]")
        super().write_usage(prog, args, prefix="Gebruik: ")

    def section(self, name: str) -> Any:
        return super().section(_KOPPEN.get(name, name))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _vertaal(tekst)) for term, tekst in rows], *args, **kwargs)


class NederlandseContext(Context):
    formatter_class = NederlandseOpmaak


class PassendCommando(TyperCommand):
    """Every subcommand: Dutch help pages."""

    context_class = NederlandseContext


class _Onderbreking(Exception):
    """Ctrl-C or SIGTERM inside a command, carried past Typer's own handler."""

    def __init__(self, exitcode: int) -> None:
        super().__init__(exitcode)
        self.exitcode = exitcode


class PassendGroep(TyperGroup):
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
            fout.voorbeeld = _voorbeeld(commando)
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


