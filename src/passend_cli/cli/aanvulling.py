"""Tab completion: the values a shell offers, installing the completion script, and the
shell's completion requests.

The shell runs ``passend`` on every Tab, so each value function reads only what it
offers (the SWV table for codes, the gemeenten for provinces, the theme files) and
imports nothing heavy; any failure offers nothing, never a traceback in the prompt.
Values are matched regardless of case and keep what the user typed (``po27`` →
``po2704``): every command reads codes and names in any case, and typer drops a
completion that does not start with the typed text.

Typer's own ``--install-completion`` answers in English, takes no shell name (``--install-
completion fish`` installed for the detected shell) and changes PowerShell's execution
policy; these options replace it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, MutableMapping
from pathlib import Path
from typing import Any

from passend_cli.fouten import OngeldigeInvoer, oorzaak, toonbaar

# Shells typer has a completion script for, and those passend installs it in itself.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
INSTALLEERBAAR = ("bash", "zsh", "fish")


# --- values ----------------------------------------------------------------------------


def _begint_met(begin: str, waarden: Iterable[str]) -> list[str]:
    klein = begin.lower()
    return [begin + w[len(begin):] for w in waarden
            if w.lower().startswith(klein) and len(w) >= len(begin)]


def provincies(incomplete: str) -> list[str]:
    """Provinces for ``--provincie``."""
    try:
        from passend_cli.dataset import laad

        return _begint_met(incomplete, sorted({g.provincie for g in laad().gemeenten.values()}))
    except Exception:
        return []


def codes(incomplete: str) -> list[str]:
    """SWV codes for ``toon`` and ``kaart``."""
    try:
        from passend_cli.dataset import laad

        return _begint_met(incomplete, sorted(laad().verbanden))
    except Exception:
        return []


def themas(incomplete: str) -> list[str]:
    """Theme names for ``thema``."""
    try:
        from passend_cli import thema

        return _begint_met(incomplete, [t.slug for t in thema.alle_themas()])
    except Exception:
        return []


def shells(incomplete: str) -> list[str]:
    """Shells for ``--install-completion`` and ``--show-completion``."""
    return _begint_met(incomplete, SHELLS)


# --- --install-completion and --show-completion --------------------------------------------


def installeer(ctx: Any, param: Any, waarde: str | None) -> None:
    """Callback of ``--install-completion [SHELL]``."""
    if waarde is None or ctx.resilient_parsing:
        return
    shell = _shell(waarde, "--install-completion")
    if shell in ("powershell", "pwsh"):
        raise OngeldigeInvoer(
            "Voor PowerShell installeert passend de tab-aanvulling niet zelf (dat zou het "
            "uitvoeringsbeleid veranderen); zet de uitvoer van 'passend --show-completion "
            "powershell' in uw profiel ($PROFILE).")
    if shell not in INSTALLEERBAAR:
        raise _niet_ondersteund(shell, "--install-completion")
    prog = _programma(ctx)
    doel, rc = _schrijf(shell, prog, _script(shell, prog))
    geladen = f" en geladen vanuit {rc}" if rc else ""
    sys.stdout.write(f"Tab-aanvulling voor {shell} geïnstalleerd in {doel}{geladen}. Open een "
                     "nieuwe terminal om haar te gebruiken.\n")
    _stop(ctx)


def toon(ctx: Any, param: Any, waarde: str | None) -> None:
    """Callback of ``--show-completion [SHELL]``."""
    if waarde is None or ctx.resilient_parsing:
        return
    shell = _shell(waarde, "--show-completion")
    if shell not in SHELLS:
        raise _niet_ondersteund(shell, "--show-completion")
    sys.stdout.write(_script(shell, _programma(ctx)) + "\n")
    _stop(ctx)


def _stop(ctx: Any) -> None:
    import typer

    raise typer.Exit(0)


def _shell(waarde: str, optie: str) -> str:
    """The shell named, or (for an empty value) the one passend runs in."""
    if waarde.strip():
        return waarde.strip().lower()
    gevonden = _huidige_shell()
    if not gevonden:
        raise OngeldigeInvoer(f"Kan de shell niet herkennen; noem hem: passend {optie} bash "
                              "(of zsh of fish).")
    return gevonden


def _huidige_shell() -> str | None:
    try:
        import shellingham

        naam, _ = shellingham.detect_shell()
    except Exception:  # not installed, or not detectable (no parent shell)
        return None
    return str(naam).lower() or None


def _niet_ondersteund(shell: str, optie: str) -> OngeldigeInvoer:
    kan = INSTALLEERBAAR if optie == "--install-completion" else ("bash", "zsh", "fish",
                                                                 "powershell")
    return OngeldigeInvoer(
        f"Tab-aanvulling is er niet voor '{toonbaar(shell, 20)}'; kies {', '.join(kan[:-1])} "
        f"of {kan[-1]}, bijvoorbeeld: passend {optie} bash.")


def _programma(ctx: Any) -> str:
    return ctx.find_root().info_name or "passend"


def _variabele(prog: str) -> str:
    return f"_{prog.replace('-', '_').upper()}_COMPLETE"


def _script(shell: str, prog: str) -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog, complete_var=_variabele(prog), shell=shell)


def _schrijf(shell: str, prog: str, script: str) -> tuple[Path, Path | None]:
    """Write the script where the shell looks for it; for bash and zsh also add one line
    to the shell's start-up file, once. The places are typer's, so an earlier
    installation is replaced, not doubled."""
    thuis = Path.home()
    rc: Path | None = None
    regel = ""
    if shell == "bash":
        doel = thuis / ".bash_completions" / f"{prog}.sh"
        rc, regel = thuis / ".bashrc", f"source '{doel}'"
    elif shell == "zsh":
        doel = thuis / ".zfunc" / f"_{prog}"
        rc = Path(os.environ.get("ZDOTDIR") or thuis) / ".zshrc"
        regel = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    else:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or thuis / ".config")
        doel = config / "fish" / "completions" / f"{prog}.fish"
    try:
        doel.parent.mkdir(parents=True, exist_ok=True)
        doel.write_text(script + "\n", encoding="utf-8")
        if rc is not None:
            inhoud = rc.read_text(encoding="utf-8") if rc.is_file() else ""
            if regel not in inhoud.splitlines():
                scheiding = "" if not inhoud or inhoud.endswith("\n") else "\n"
                with rc.open("a", encoding="utf-8") as f:
                    f.write(f"{scheiding}{regel}\n")
    except (OSError, UnicodeError) as fout:
        plek = getattr(fout, "filename", None) or doel
        raise OngeldigeInvoer(
            f"Kan de tab-aanvulling niet schrijven naar {toonbaar(str(plek), 80)} "
            f"({oorzaak(fout)}).") from None
    return doel, rc


# --- the shell's requests ------------------------------------------------------------------


def beantwoord(cli: Any, ctx_args: MutableMapping[str, Any], prog: str,
               variabele: str | None) -> None:
    """Answer a completion request (``_PASSEND_COMPLETE=complete_bash`` and the like) and
    stop; without one, return. Both word orders are understood: typer's scripts write
    ``complete_bash`` and ``source_bash``, click's documentation ``bash_complete``."""
    variabele = variabele or _variabele(prog)
    instructie = os.environ.get(variabele)
    if not instructie:
        return
    sys.exit(_antwoord(cli, ctx_args, prog, variabele, instructie))


def _antwoord(cli: Any, ctx_args: MutableMapping[str, Any], prog: str, variabele: str,
              instructie: str) -> int:
    from passend_cli.cli.uitvoer import melding

    eerste, _, tweede = instructie.partition("_")
    actie, shell = (eerste, tweede) if eerste in ("complete", "source") else (tweede, eerste)
    if actie not in ("complete", "source") or shell not in SHELLS:
        melding(f"Onbekende opdracht voor tab-aanvulling in {variabele}: "
                f"'{toonbaar(instructie, 30)}'; bijvoorbeeld complete_bash of source_zsh.")
        return 2
    if actie == "source":
        sys.stdout.write(_script(shell, prog) + "\n")
        return 0
    from typer._click.shell_completion import get_completion_class
    from typer._completion_classes import completion_init

    completion_init()
    soort = get_completion_class(shell)
    if soort is None:
        return 1
    try:
        antwoord = soort(cli, ctx_args, prog, variabele).complete()
    except Exception:  # a half-typed command line the parser cannot follow: offer nothing
        antwoord = ""
    if antwoord:
        sys.stdout.write(antwoord + "\n")
    return 0
