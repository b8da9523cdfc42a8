"""Usage errors of the argument parser, as one Dutch sentence.

Typer's copy of click describes a mistake in English ("'xx' is not one of 'po', 'vo'.").
The sentence here is built from what the exception carries: the parameter and its type
(choices, bounds), the option name, the command and its siblings, and the value the user
gave (which :mod:`.commando` attaches, as click does not keep it). It never reuses the
English text, so a new click wording cannot leak through: what is not recognised gets
a general Dutch sentence pointing to ``--help``.

Imported by every command for its help; difflib and os are imported only on the error
paths that need them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer._click import exceptions as ce
from typer._click import types

from passend_cli.fouten import toonbaar

__all__ = [
    "OnbekendCommando", "TeVeelArgumenten", "bereik", "plaatshouder", "standaard_plaatshouder",
    "voorbeeld", "zin",
]


class OnbekendCommando(ce.UsageError):
    """A word where a command was expected. Carries the word, the words after it and
    the group's visible commands, so the message can suggest the one meant."""

    def __init__(self, naam: str, rest: Sequence[str], commandos: Sequence[str],
                 ctx: Any) -> None:
        super().__init__("Onbekend commando.", ctx)
        self.naam = naam
        self.rest = list(rest)
        self.commandos = list(commandos)


class TeVeelArgumenten(ce.UsageError):
    """Words left over after a command took all the arguments it has."""

    def __init__(self, over: Sequence[str], ctx: Any) -> None:
        super().__init__("Te veel argumenten.", ctx)
        self.over = list(over)


def zin(fout: Exception) -> str:
    """One Dutch sentence for *fout*, a usage error of the parser; never English."""
    ctx = getattr(fout, "ctx", None)
    pad = toonbaar(getattr(ctx, "command_path", "") or "passend", 40)
    try:
        for soort, maak in _ZINNEN:
            if isinstance(fout, soort):
                tekst = maak(fout, ctx, pad)
                if tekst:
                    return tekst
                break
    except Exception:  # a message about a message must not fail; say it plainly instead
        pass
    return f"Ongeldig gebruik van '{pad}'; '{pad} --help' toont hoe het werkt."


# --- the kinds of mistakes -------------------------------------------------------------

# Words people type for what is an option here.
_BEDOELD = {"help": "--help", "hulp": "--help", "version": "--version", "versie": "--version"}


def _onbekend_commando(fout: OnbekendCommando, ctx: Any, pad: str) -> str:
    naam = toonbaar(fout.naam, 30)
    rest = _rest_om_te_tonen(fout.rest)
    bedoeld = _BEDOELD.get(fout.naam.lower())
    if bedoeld and bedoeld in _optienamen(getattr(ctx, "command", None), ctx):
        return f"Onbekend commando '{naam}'. Bedoelde u: {pad} {bedoeld}?"
    voorstel = _lijken_op(fout.naam.lower(), fout.commandos, n=2)
    # `passend Haarlem`: a place where the command belongs is the likeliest slip.
    hoofd = ctx is not None and ctx.parent is None and "zoek" in fout.commandos
    zoekterm = _rest_om_te_tonen([fout.naam, *fout.rest]) if hoofd and not voorstel else ""
    if zoekterm:
        voorstel, rest = ["zoek"], zoekterm
    if voorstel:
        opties = " of ".join(f"{pad} {c}{rest}" for c in voorstel)
        return f"Onbekend commando '{naam}'. Bedoelde u: {opties}?"
    return f"Onbekend commando '{naam}'; '{pad} --help' toont de commando's."


def _rest_om_te_tonen(woorden: Sequence[str]) -> str:
    """The words as they can be typed again (with a leading space; a word with spaces in
    double quotes), or "" when they hold characters a shell treats specially or are too
    long to repeat."""
    tekst = " ".join(woorden)
    if not woorden or len(tekst) > 40 or toonbaar(tekst, 41) != tekst:
        return ""
    if any(c in tekst for c in "\"'\\$`;&|<>()*?!#~%^"):
        return ""
    if any(not w.strip() or w != w.strip() for w in woorden):
        return ""
    return "".join(f' "{w}"' if " " in w else f" {w}" for w in woorden)


def _te_veel(fout: TeVeelArgumenten, ctx: Any, pad: str) -> str:
    over = toonbaar(" ".join(fout.over), 40)
    argumenten = [p for p in _parameters(ctx) if p.param_type_name == "argument"]
    if not argumenten:
        return f"'{pad}' heeft geen argumenten; laat '{over}' weg."
    return (f"Te veel argumenten voor '{pad}': laat '{over}' weg, of zet een naam met "
            "spaties tussen aanhalingstekens.")


def _onbekende_optie(fout: ce.NoSuchOption, ctx: Any, pad: str) -> str:
    naam = toonbaar(fout.option_name, 30)
    commando = getattr(ctx, "command", None)
    # `passend --json zoek …`: an option of a command, given before it.
    for subnaam, sub in _subcommandos(ctx):
        optie = _vind_optie_in(sub, ctx, fout.option_name)
        if optie is not None:
            return (f"De optie {naam} hoort achter het commando, bijvoorbeeld: "
                    f"{pad} {subnaam} {_met_waarde(optie, naam, ctx)}.")
    namen = _optienamen(commando, ctx) if commando is not None else []
    voorstel = [m for m in (fout.possibilities or []) if m in namen]
    for m in _lijken_op(fout.option_name.lower(), [n for n in namen if n.startswith("--")]):
        if m not in voorstel:
            voorstel.append(m)
    if voorstel:
        return f"Onbekende optie {naam}. Bedoelde u: {' of '.join(voorstel[:3])}?"
    return f"Onbekende optie {naam}; '{pad} --help' toont de opties."


def _ontbrekend(fout: ce.MissingParameter, ctx: Any, pad: str) -> str:
    param = fout.param
    if param is None:
        return f"Er ontbreekt iets; '{pad} --help' toont wat nodig is."
    if param.param_type_name == "option":
        return f"De optie {_optienaam(param)} is nodig; '{pad} --help' toont hoe."
    wat = _ARGUMENTEN.get(_kaal(param), f"een waarde voor {_kaal(param)}")
    vb = voorbeeld(getattr(ctx, "command", None))
    if vb:
        return f"Er ontbreekt {wat}, bijvoorbeeld: {vb}"
    return f"Er ontbreekt {wat}; '{pad} --help' toont een voorbeeld."


# What a missing argument is called in a sentence, by its placeholder.
_ARGUMENTEN = {
    "ZOEKTERM": "een zoekterm",
    "CODE_OF_NAAM": "een code of naam",
    "INVOER": "een invoerbestand (of - voor standaardinvoer)",
    "MAP": "de map met de DUO-bestanden",
}


def _ongeldige_waarde(fout: ce.BadParameter, ctx: Any, pad: str) -> str:
    param = fout.param
    if param is None:
        return f"Ongeldige waarde; '{pad} --help' toont wat kan."
    naam = _optienaam(param) if param.param_type_name == "option" else _kaal(param)
    waarde = getattr(fout, "waarde", None)
    soort = param.type
    if isinstance(waarde, str) and _is_pad(soort):
        return _pad_zin(soort, waarde, naam)
    verwacht = _verwacht(soort)
    if verwacht is None:
        verwacht = f"'{pad} --help' toont wat kan"
    if isinstance(waarde, str):
        return f"Ongeldige waarde '{toonbaar(waarde, 40)}' voor {naam}; {verwacht}."
    return f"Ongeldige waarde voor {naam}; {verwacht}."


def _verkeerd_gebruik_optie(fout: ce.BadOptionUsage, ctx: Any, pad: str) -> str | None:
    naam = toonbaar(fout.option_name, 30)
    optie = _vind_optie(ctx, fout.option_name)
    if optie is None:
        return None
    if getattr(optie, "is_flag", False) or getattr(optie, "count", False):
        return f"De optie {naam} neemt geen waarde; schrijf alleen {naam}."
    return f"Na {naam} hoort een waarde: {_met_waarde(optie, naam, ctx)}."


def _verkeerd_gebruik_argument(fout: ce.BadArgumentUsage, ctx: Any, pad: str) -> str:
    return f"De argumenten kloppen niet; '{pad} --help' toont hoe het moet."


# Subclasses before their bases: MissingParameter is a BadParameter.
_ZINNEN: list[tuple[type, Any]] = [
    (OnbekendCommando, _onbekend_commando),
    (TeVeelArgumenten, _te_veel),
    (ce.NoSuchOption, _onbekende_optie),
    (ce.MissingParameter, _ontbrekend),
    (ce.BadParameter, _ongeldige_waarde),
    (ce.BadOptionUsage, _verkeerd_gebruik_optie),
    (ce.BadArgumentUsage, _verkeerd_gebruik_argument),
]


# --- what a parameter expects ------------------------------------------------------------


def _verwacht(soort: Any) -> str | None:
    """What a value of this parameter type must look like, as the end of a sentence."""
    keuzes = getattr(soort, "choices", None)
    if keuzes:
        return "kies " + _of([str(getattr(k, "value", k)) for k in keuzes])
    if isinstance(soort, types.BoolParamType):
        return "geef true of false"
    if isinstance(soort, (types.IntParamType, types.FloatParamType)):
        getal = "een geheel getal" if isinstance(soort, types.IntParamType) else "een getal"
        grenzen = bereik(soort)
        return f"geef {getal} {grenzen}" if grenzen else f"geef {getal}"
    if getattr(soort, "formats", None):
        return "geef een datum zoals 2026-08-01"
    if getattr(soort, "name", None) == "uuid":
        return "geef een UUID"
    return None


def bereik(soort: Any) -> str | None:
    """The bounds of a number range in words ("van 1 tot en met 50"), or None.

    >>> from typer._click.types import FloatRange, IntRange
    >>> bereik(IntRange(1, 50))
    'van 1 tot en met 50'
    >>> bereik(FloatRange(0, None, min_open=True))
    'groter dan 0'
    >>> bereik(FloatRange(0.5, 2.5, max_open=True))
    'van minstens 0,5 en kleiner dan 2,5'
    """
    laag, hoog = getattr(soort, "min", None), getattr(soort, "max", None)
    laag_open, hoog_open = getattr(soort, "min_open", False), getattr(soort, "max_open", False)
    if laag is not None and hoog is not None and not laag_open and not hoog_open:
        return f"van {_getal(laag)} tot en met {_getal(hoog)}"
    delen = []
    if laag is not None:
        delen.append(f"groter dan {_getal(laag)}" if laag_open else f"minstens {_getal(laag)}")
    if hoog is not None:
        delen.append(f"kleiner dan {_getal(hoog)}" if hoog_open else f"hoogstens {_getal(hoog)}")
    if len(delen) == 2:
        return f"van {delen[0]} en {delen[1]}"
    return delen[0] if delen else None


def _getal(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")


def _is_pad(soort: Any) -> bool:
    return hasattr(soort, "file_okay") and hasattr(soort, "dir_okay")


def _pad_zin(soort: Any, waarde: str, naam: str) -> str:
    import os

    getoond = toonbaar(waarde, 60)
    if not os.path.exists(waarde):
        return f"'{getoond}' bestaat niet ({naam})."
    if os.path.isdir(waarde) and not soort.dir_okay:
        return f"'{getoond}' is een map; {naam} vraagt een bestand."
    if not os.path.isdir(waarde) and not soort.file_okay:
        return f"'{getoond}' is een bestand; {naam} vraagt een map."
    return f"'{getoond}' is niet te gebruiken voor {naam}: geen toestemming."


def _of(woorden: list[str]) -> str:
    """ "po of vo", "a, b of c"."""
    return woorden[0] if len(woorden) == 1 else ", ".join(woorden[:-1]) + " of " + woorden[-1]


def _lijken_op(woord: str, kandidaten: Sequence[str], n: int = 3) -> list[str]:
    import difflib

    gelijk = [k for k in kandidaten if k.lower() == woord]
    return gelijk or difflib.get_close_matches(woord, list(kandidaten), n=n, cutoff=0.6)


# --- parameters and their placeholders ------------------------------------------------------


def _parameters(ctx: Any) -> list[Any]:
    commando = getattr(ctx, "command", None)
    if commando is None:
        return []
    try:
        return list(commando.get_params(ctx))
    except Exception:
        return list(getattr(commando, "params", []))


def _optienamen(commando: Any, ctx: Any) -> list[str]:
    try:
        params = commando.get_params(ctx)  # with the help option
    except Exception:
        params = getattr(commando, "params", [])
    return [o for p in params if p.param_type_name == "option" and not p.hidden
            for o in (*p.opts, *p.secondary_opts)]


def _subcommandos(ctx: Any) -> list[tuple[str, Any]]:
    commando = getattr(ctx, "command", None)
    commandos = getattr(commando, "commands", None) or {}
    return [(n, c) for n, c in commandos.items() if not c.hidden]


def _vind_optie(ctx: Any, naam: str) -> Any:
    return _vind_optie_in(getattr(ctx, "command", None), ctx, naam)


def _vind_optie_in(commando: Any, ctx: Any, naam: str) -> Any:
    try:
        params = commando.get_params(ctx)
    except Exception:
        params = getattr(commando, "params", [])
    for p in params:
        if p.param_type_name == "option" and naam in (*p.opts, *p.secondary_opts):
            return p
    return None


def _optienaam(param: Any) -> str:
    lang = [o for o in param.opts if o.startswith("--")]
    return (lang or list(param.opts) or [param.name or "?"])[0]


def _met_waarde(optie: Any, naam: str, ctx: Any) -> str:
    """The option as it is typed: "--json", "--limiet AANTAL", "--sector po|vo"."""
    if getattr(optie, "is_flag", False) or getattr(optie, "count", False):
        return naam
    try:
        return f"{naam} {optie.make_metavar(ctx)}"
    except Exception:
        return f"{naam} WAARDE"


def _kaal(param: Any) -> str:
    """An argument's placeholder without brackets or dots: ONDERWERP."""
    return (param.metavar or (param.name or "").upper()).rstrip(".").strip("[]")


def standaard_plaatshouder(param: Any) -> str:
    """A placeholder for a parameter declared without one: its name for an argument,
    the choices for a choice (po|vo), else what kind of value it takes."""
    if param.param_type_name == "argument":
        return (param.name or "waarde").upper()
    soort = param.type
    keuzes = getattr(soort, "choices", None)
    if keuzes:
        return "|".join(str(getattr(k, "value", k)) for k in keuzes)
    if isinstance(soort, (types.IntParamType, types.FloatParamType)):
        return "GETAL"
    if _is_pad(soort):
        return "MAP" if not soort.file_okay else "BESTAND" if not soort.dir_okay else "PAD"
    return "WAARDE"


def plaatshouder(param: Any) -> str:
    """An argument as usage lines write it: required ZOEKTERM, optional [ONDERWERP],
    repeatable with dots (ZOEKTERM..., [ONDERWERP]...)."""
    tekst = _kaal(param)
    if not param.required:
        tekst = f"[{tekst}]"
    if param.nargs != 1:
        tekst += "..."
    return tekst


def voorbeeld(commando: Any) -> str | None:
    """The first example in a command's help text ("Voorbeeld: passend zoek Haarlem")."""
    for regel in (getattr(commando, "help", None) or "").splitlines():
        kop, _, rest = regel.strip().partition(": ")
        if kop in ("Voorbeeld", "Voorbeelden") and rest:
            return rest.split(" · ")[0].strip()
    return None
