"""Short plain-Dutch explanations of passend onderwijs, one Markdown file per theme.

The texts live in ``passend_cli/themas/SLUG.md``: a small ``key: value`` header between
``---`` lines, then the Markdown body. They are read on first use (never at import) and
cached for the rest of the process. Lookup goes exact → prefix → whole words → fuzzy, all
on keys folded by :func:`passend_cli.normaliseer.normaliseer`, so ``TLV``,
``toelaatbaarheidsverkaring`` and ``wat is een samenwerkingsverband`` all land somewhere.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from passend_cli.fouten import DataFout, NietGevonden, OngeldigeInvoer
from passend_cli.normaliseer import normaliseer

__all__ = [
    "Thema",
    "alle_themas",
    "suggesties",
    "thema",
    "thema_voor_zoekresultaat",
    "zoek_thema",
]

# Longer queries are never a theme name; cutting them keeps fuzzy matching fast on junk.
_MAX_ZOEKLENGTE = 200
# Below this many characters a fuzzy or prefix match is more likely noise than intent.
_MIN_FUZZY = 3
_FUZZY_DREMPEL = 80.0
_SUGGESTIE_DREMPEL = 50.0

_VERPLICHT = ("slug", "titel", "samenvatting", "aliassen", "gerelateerd", "volgorde")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_STUURTEKENS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Question words people type around a topic ("wat is een tlv", "hoe werkt de opr").
# fmt: off
_VULWOORDEN = frozenset({
    "wat", "is", "zijn", "een", "de", "het", "van", "met", "hoe", "werkt", "werken", "doet",
    "doen", "over", "bij", "voor", "ik", "mijn", "wie", "waar", "wanneer", "waarom", "welke",
    "welk", "kan", "kun", "je", "u", "mag", "moet", "uitleg", "info", "informatie", "in", "op",
    "en", "of", "aan", "er", "dat", "die", "deze", "thema",
})
# fmt: on


class Thema(NamedTuple):
    """One explanation: its header fields and its Markdown body (``tekst``). A
    NamedTuple, as this module is imported by every ``passend zoek`` (for its pointer
    to a theme) and a dataclass definition would cost start-up time."""

    slug: str
    titel: str
    samenvatting: str
    aliassen: tuple[str, ...]
    gerelateerd: tuple[str, ...]
    tekst: str
    volgorde: int = 0

    def als_json(self) -> dict:
        """The stable JSON shape used by ``passend thema --json``."""
        return {
            "slug": self.slug,
            "titel": self.titel,
            "samenvatting": self.samenvatting,
            "tekst": self.tekst,
            "gerelateerd": list(self.gerelateerd),
        }


def _lijst(waarde: str) -> tuple[str, ...]:
    return tuple(deel.strip() for deel in waarde.split(",") if deel.strip())


def _ontleed(naam: str, inhoud: str) -> Thema:
    """Parse one theme file; any defect is a :class:`DataFout` naming the file."""
    regels = inhoud.lstrip("\ufeff").splitlines()
    if not regels or regels[0].strip() != "---":
        raise DataFout(f"Themabestand {naam} begint niet met een kopblok (---).")
    try:
        einde = next(i for i in range(1, len(regels)) if regels[i].strip() == "---")
    except StopIteration:
        raise DataFout(f"Themabestand {naam}: het kopblok wordt niet afgesloten.") from None

    kop: dict[str, str] = {}
    for regel in regels[1:einde]:
        if not regel.strip():
            continue
        sleutel, dubbelepunt, waarde = regel.partition(":")
        if not dubbelepunt:
            raise DataFout(f"Themabestand {naam}: ongeldige kopregel {regel!r}.")
        kop[sleutel.strip().lower()] = waarde.strip()

    ontbreekt = [s for s in _VERPLICHT if not kop.get(s)]
    if ontbreekt:
        raise DataFout(f"Themabestand {naam} mist: {', '.join(ontbreekt)}.")
    slug = kop["slug"]
    if not _SLUG.match(slug) or f"{slug}.md" != naam:
        raise DataFout(f"Themabestand {naam}: slug {slug!r} past niet bij de bestandsnaam.")
    try:
        volgorde = int(kop["volgorde"])
    except ValueError:
        raise DataFout(f"Themabestand {naam}: volgorde is geen getal.") from None

    tekst = "\n".join(regels[einde + 1 :]).strip("\n") + "\n"
    return Thema(
        slug=slug,
        titel=kop["titel"],
        samenvatting=kop["samenvatting"],
        aliassen=_lijst(kop["aliassen"]),
        gerelateerd=_lijst(kop["gerelateerd"]),
        tekst=tekst,
        volgorde=volgorde,
    )


@functools.cache
def _geladen() -> tuple[Thema, ...]:
    from importlib import resources  # only when themes are read, not for every zoek

    map_ = resources.files("passend_cli") / "themas"
    try:
        bestanden = sorted(
            (b for b in map_.iterdir() if b.name.endswith(".md")), key=lambda b: b.name
        )
    except (FileNotFoundError, NotADirectoryError):
        raise DataFout("De map met thema's ontbreekt in het pakket.") from None
    if not bestanden:
        raise DataFout("Er zijn geen thema's gevonden in het pakket.")
    themas = [_ontleed(b.name, b.read_text(encoding="utf-8")) for b in bestanden]
    slugs = {t.slug for t in themas}
    for t in themas:
        onbekend = [g for g in t.gerelateerd if g not in slugs]
        if onbekend:
            raise DataFout(f"Thema {t.slug} verwijst naar onbekend thema: {', '.join(onbekend)}.")
    return tuple(sorted(themas, key=lambda t: (t.volgorde, t.slug)))


def alle_themas() -> list[Thema]:
    """All themes in reading order (the ``volgorde`` header, then slug)."""
    return list(_geladen())


@functools.cache
def _per_slug() -> dict[str, Thema]:
    return {t.slug: t for t in _geladen()}


@functools.cache
def _sleutels() -> dict[str, Thema]:
    """Every normalised name of every theme → its theme. Slug and title win over aliases,
    and an earlier theme in reading order wins a (test-forbidden) clash, so it is stable."""
    sleutels: dict[str, Thema] = {}
    for t in _geladen():
        for naam in (t.slug, t.titel):
            sleutels.setdefault(normaliseer(naam), t)
    for t in _geladen():
        for naam in t.aliassen:
            sleutels.setdefault(normaliseer(naam), t)
    sleutels.pop("", None)
    return sleutels


def _toonbaar(onderwerp: str) -> str:
    """The query as it may appear in a message: one line, not too long."""
    kort = _STUURTEKENS.sub(" ", onderwerp).strip()
    return kort if len(kort) <= 60 else kort[:59] + "…"


def _zoeksleutel(onderwerp: str) -> str:
    if not isinstance(onderwerp, str):
        raise OngeldigeInvoer("Geef een onderwerp op, bijvoorbeeld: passend thema tlv.")
    return normaliseer(onderwerp[:_MAX_ZOEKLENGTE])


def _zonder_vulwoorden(sleutel: str) -> str:
    woorden = [w for w in sleutel.split() if w not in _VULWOORDEN]
    return " ".join(woorden) if woorden else sleutel


def _uniek(kandidaten: list[Thema]) -> Thema | None:
    slugs = {t.slug for t in kandidaten}
    return kandidaten[0] if len(slugs) == 1 else None


def _fuzzy(sleutel: str, drempel: float) -> list[tuple[float, Thema]]:
    """Best fuzzy score per theme, best first; ties go to reading order."""
    from rapidfuzz import fuzz, process

    beste: dict[str, tuple[float, Thema]] = {}
    for naam, score, _ in process.extract(
        sleutel, list(_sleutels()), scorer=fuzz.WRatio, limit=None, score_cutoff=drempel
    ):
        t = _sleutels()[naam]
        if t.slug not in beste or score > beste[t.slug][0]:
            beste[t.slug] = (score, t)
    return sorted(beste.values(), key=lambda st: (-st[0], st[1].volgorde, st[1].slug))


def _vind(sleutel: str) -> Thema | None:
    sleutels = _sleutels()
    kern = _zonder_vulwoorden(sleutel)

    # 1. Exact, with and without the question words around it.
    for kandidaat in (sleutel, kern):
        if kandidaat in sleutels:
            return sleutels[kandidaat]

    # 2. The start of a name ("toelaatb", "pionier"), if only one theme has it.
    if len(kern) >= _MIN_FUZZY:
        gevonden = _uniek([t for naam, t in sleutels.items() if naam.startswith(kern)])
        if gevonden:
            return gevonden

    # 3. A whole name inside a longer question ("hoe vraag ik een tlv aan"): longest wins.
    omringd = f" {sleutel} "
    binnen = [(len(naam), t) for naam, t in sleutels.items() if f" {naam} " in omringd]
    if binnen:
        langste = max(lengte for lengte, _ in binnen)
        gevonden = _uniek([t for lengte, t in binnen if lengte == langste])
        if gevonden:
            return gevonden

    # 4. Typos.
    if len(kern) >= _MIN_FUZZY:
        treffers = _fuzzy(kern, _FUZZY_DREMPEL)
        if treffers:
            return treffers[0][1]
    return None


def thema(slug: str) -> Thema:
    """The theme with exactly this slug; :class:`NietGevonden` otherwise."""
    gevonden = _per_slug().get(slug) if isinstance(slug, str) else None
    if gevonden is None:
        tekst = slug if isinstance(slug, str) else repr(slug)
        raise NietGevonden(
            f"Onbekend thema: '{_toonbaar(tekst)}'.",
            suggesties=[t.slug for t in suggesties(tekst)] if isinstance(slug, str) else [],
        )
    return gevonden


def zoek_thema(onderwerp: str) -> Thema:
    """Resolve a slug, title, alias, short question or typo to one theme.

    Raises :class:`OngeldigeInvoer` for an empty query and :class:`NietGevonden` (with up
    to three suggested slugs) when nothing is close enough.
    """
    sleutel = _zoeksleutel(onderwerp)
    if not sleutel:
        raise OngeldigeInvoer("Geef een onderwerp op, bijvoorbeeld: passend thema tlv.")
    gevonden = _vind(sleutel)
    if gevonden is None:
        raise NietGevonden(
            f"Onbekend thema: '{_toonbaar(onderwerp)}'.",
            suggesties=[t.slug for t in suggesties(onderwerp)],
        )
    return gevonden


def suggesties(onderwerp: str, n: int = 3) -> list[Thema]:
    """Up to *n* themes closest to *onderwerp*, best first; empty for an empty query."""
    if not isinstance(onderwerp, str) or n <= 0:
        return []
    sleutel = _zoeksleutel(onderwerp)
    if not sleutel:
        return []
    kern = _zonder_vulwoorden(sleutel)
    resultaat: list[Thema] = []
    eerste = _vind(sleutel)
    if eerste is not None:
        resultaat.append(eerste)
    if len(kern) >= _MIN_FUZZY:
        for _, t in _fuzzy(kern, _SUGGESTIE_DREMPEL):
            if t not in resultaat:
                resultaat.append(t)
    return resultaat[:n]


# Where to send someone after ``passend zoek``: a place search shows an SWV by address,
# and the contact theme explains that the school's SWV is the one that counts.
_NA_ZOEKEN = {
    "samenwerkingsverband": "samenwerkingsverband",
    "gemeente": "contact",
    "woonplaats": "contact",
    "voormalige gemeente": "contact",
    "postcode": "contact",
}


def thema_voor_zoekresultaat(soort: str) -> str:
    """The slug of the theme most worth pointing to from a ``passend zoek`` result."""
    return _NA_ZOEKEN.get(soort, "samenwerkingsverband")
