"""How every ``passend`` command parses its arguments, on top of typer's classes: the
facts a Dutch usage error needs and click does not keep (the value that was refused, the
words left over, the unknown command), see :mod:`.gebruiksfouten`.
"""

from __future__ import annotations

from typing import Any

from typer._click import exceptions as ce

from passend_cli.cli.gebruiksfouten import OnbekendCommando, TeVeelArgumenten


class NederlandsCommando:
    """Mixin for a typer command or group (put it before typer's class)."""

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


class NederlandseGroep(NederlandsCommando):
    """Mixin for a typer group: an unknown command."""

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
