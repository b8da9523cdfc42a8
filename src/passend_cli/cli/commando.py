"""How every ``passend`` command describes and parses itself, on top of typer's classes.

Help: one placeholder style (ZOEKTERM..., [ONDERWERP]..., --limiet AANTAL), the whole
first sentence of a command in the list of commands (click cuts it at 45 characters),
number ranges in words. Parsing: the facts a Dutch usage error needs and click does not
keep (the value that was refused, the words left over, the unknown command), see
:mod:`.gebruiksfouten`.
"""

from __future__ import annotations

import inspect
from collections.abc import MutableMapping, Sequence
from typing import Any

from typer._click import exceptions as ce

from passend_cli.cli.gebruiksfouten import (
    OnbekendCommando,
    TeVeelArgumenten,
    bereik,
    plaatshouder,
    standaard_plaatshouder,
)


class NederlandsCommando:
    """Mixin for a typer command or group (put it before typer's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A parameter declared without a placeholder gets one in the same style, so a
        # new option cannot bring typer's <str> or <po|vo> back.
        for p in self.params:  # type: ignore[attr-defined]
            if p.metavar is None and not getattr(p, "is_flag", False):
                p.metavar = standaard_plaatshouder(p)

    # --- help ---

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        stukken = ["[OPTIES]"]
        stukken += [plaatshouder(p) for p in self.get_params(ctx)  # type: ignore[attr-defined]
                    if p.param_type_name == "argument" and not getattr(p, "hidden", False)]
        if hasattr(self, "commands"):
            stukken.append("COMMANDO [ARGUMENTEN]...")
        return stukken

    def format_options(self, ctx: Any, formatter: Any) -> None:
        argumenten, opties = [], []
        for p in self.get_params(ctx):  # type: ignore[attr-defined]
            regel = p.get_help_record(ctx)
            if regel is None:
                continue
            naam, tekst = regel
            if p.param_type_name == "argument":
                argumenten.append((plaatshouder(p), tekst))
            else:
                opties.append((naam, _bereik_in_woorden(p.type, tekst)))
        if argumenten:
            with formatter.section("Argumenten"):
                formatter.write_dl(argumenten)
        if opties:
            with formatter.section("Opties"):
                formatter.write_dl(opties)
        if hasattr(self, "format_commands"):
            self.format_commands(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first paragraph of the help, whole: a cut-off description ("Zoek het
        samenwerkingsverband (PO en VO) bij een plaats,...") tells a user less."""
        tekst = getattr(self, "short_help", None) or getattr(self, "help", None) or ""
        eerste = inspect.cleandoc(tekst).partition("\f")[0].split("\n\n")[0]
        return " ".join(eerste.split())

    # --- parsing ---

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        gegeven = list(args)
        # Leftover words are reported here, with the words themselves, instead of by
        # click's message; a group takes them as its command and arguments anyway.
        streng = not ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)  # type: ignore[misc]
        except ce.UsageError as fout:
            if fout.ctx is None:  # the parser raises BadOptionUsage without its context
                fout.ctx, fout.cmd = ctx, ctx.command
            if isinstance(fout, ce.BadParameter) and not isinstance(fout, ce.MissingParameter):
                fout.waarde = _gegeven_waarde(self, ctx, gegeven, fout.param)  # type: ignore[attr-defined]
            raise
        finally:
            if streng:
                ctx.allow_extra_args = False
        if streng and rest and not ctx.resilient_parsing:
            raise TeVeelArgumenten(rest, ctx)
        return rest


# Options whose value may be left out: `passend --install-completion` finds the shell
# itself. Typer can no longer declare such an option, so a bare one gets an empty value
# before parsing.
_WAARDE_MAG_ONTBREKEN = frozenset({"--install-completion", "--show-completion"})


class NederlandseGroep(NederlandsCommando):
    """Mixin for a typer group: an unknown command, options with an optional value, and
    the shell's completion requests."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        eigen = {o for p in self.params for o in p.opts} & _WAARDE_MAG_ONTBREKEN  # type: ignore[attr-defined]
        return super().parse_args(ctx, _met_lege_waarden(args, eigen) if eigen else args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        naam = args[0] if args else ""
        if naam and not naam.startswith("-") and not ctx.resilient_parsing:
            vind = self.get_command  # type: ignore[attr-defined]
            normaal = ctx.token_normalize_func
            if vind(ctx, naam) is None and (normaal is None or vind(ctx, normaal(naam)) is None):
                zichtbaar = [n for n in self.list_commands(ctx)  # type: ignore[attr-defined]
                             if (c := vind(ctx, n)) is not None and not c.hidden]
                raise OnbekendCommando(naam, args[1:], zichtbaar, ctx)
        return super().resolve_command(ctx, args)  # type: ignore[misc]

    def _main_shell_completion(self, ctx_args: MutableMapping[str, Any], prog_name: str,
                               complete_var: str | None = None) -> None:
        from passend_cli.cli import aanvulling

        aanvulling.beantwoord(self, ctx_args, prog_name, complete_var)


def _met_lege_waarden(args: Sequence[str], opties: set[str]) -> list[str]:
    """*args* with ``--optie=`` for each of *opties* given without a value, up to the
    command name (after it, options belong to the command)."""
    uit = list(args)
    for i, arg in enumerate(uit):
        if arg == "--" or not arg.startswith("-"):
            break
        if arg in opties and (i + 1 == len(uit) or uit[i + 1].startswith("-")):
            uit[i] = f"{arg}="
    return uit


def _gegeven_waarde(commando: Any, ctx: Any, args: list[str], param: Any) -> str | None:
    """The text the user gave for *param*: click's conversion error does not keep it, and
    parsing the same words again (nothing is converted) finds it."""
    if param is None or not param.name:
        return None
    try:
        opts, _, _ = commando.make_parser(ctx).parse_args(args=list(args))
    except Exception:
        return None
    waarde = opts.get(param.name)
    return waarde if isinstance(waarde, str) else None


def _bereik_in_woorden(soort: Any, tekst: str) -> str:
    """Help text with click's "1<=x<=50" as "van 1 tot en met 50"."""
    beschrijf = getattr(soort, "_describe_range", None)
    if beschrijf is None:
        return tekst
    try:
        formule, woorden = beschrijf(), bereik(soort)
    except Exception:
        return tekst
    return tekst.replace(formule, woorden) if formule and woorden else tekst
