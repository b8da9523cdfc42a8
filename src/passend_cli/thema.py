"""Short plain-Dutch explanations of passend onderwijs, one Markdown file per theme.

The texts live in ``passend_cli/themas/SLUG.md``: a small ``key: value`` header between
``---`` lines, then the Markdown body. The header names, besides the title and the
aliases, the ``stand`` (the date of the newest dated fact the text relies on, ``YYYY-MM-DD``
or ``YYYY-MM``) and the ``bronnen`` (the pages those facts come from). Files are read on
first use (never at import) and cached for the rest of the process.

Lookup goes exact → prefix → whole words → typo, all on keys folded by
:func:`passend_cli.normaliseer.normaliseer`, so ``TLV``, ``toelaatbaarheidsverkaring`` and
``wat is een samenwerkingsverband`` all land somewhere. Fuzzy matching compares whole
names (plain edit similarity, not partial matching), so a word that merely shares a few
letters with some alias is not taken for that theme: an unknown topic gets only genuinely
close suggestions, or else the list of themes in the message.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import NamedTuple

from passend_cli.fouten import DataFout, NietGevonden, OngeldigeInvoer, toonbaar
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
# Scores are rapidfuzz's plain ``ratio`` (edit similarity of the whole strings). From 80
# on ("zorgpligt" → "zorgplicht" is 84) a typo is taken as the theme, and only that close
# a name is suggested: at 72 or 75, ordinary words that merely look alike came through
# ("belasting" → "toelating" is 78, "schoolreis" → "schoolgids" 80 was an alias once).
_FUZZY_DREMPEL = 80.0
# A Dutch compound that starts with the query is related too ("ondersteuning" →
# "ondersteuningsplanraad"), if the query is long and makes up most of the name; "school"
# is not enough for "schoolverzuim".
_MIN_BEGIN = 6
_MIN_DEEL_VAN_NAAM = 0.55
# A single word of a longer query is compared on its own only if it is this long.
_MIN_WOORD = 4

_VERPLICHT = (
    "slug", "titel", "samenvatting", "aliassen", "gerelateerd", "volgorde", "stand", "bronnen",
)  # fmt: skip
_STAND = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_URL = re.compile(r"^https?://\S+$")
# fmt: off
_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december",
)
# fmt: on
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
    to a theme) and a dataclass definition would cost start-up time.

    ``tekst`` is the body alone; :attr:`markdown` is what a reader should see: the body,
    then the date the facts are current to and the list of sources."""

    slug: str
    titel: str
    samenvatting: str
    aliassen: tuple[str, ...]
    gerelateerd: tuple[str, ...]
    tekst: str
    volgorde: int = 0
    stand: str = ""
    bronnen: tuple[str, ...] = ()

    @property
    def stand_tekst(self) -> str:
        """The ``stand`` as Dutch readers write a date: ``10 mei 2024`` or ``oktober 2023``."""
        return _datum_tekst(self.stand)

    @property
    def markdown(self) -> str:
        """The full text to show: the body, a ``Stand:`` line and a ``## Bronnen`` list."""
        delen = [self.tekst.rstrip("\n")]
        if self.stand:
            delen.append(f"*Stand: {self.stand_tekst} (de jongste datum in de bronnen hieronder).*")
        if self.bronnen:
            delen.append("## Bronnen\n\n" + "\n".join(f"- {url}" for url in self.bronnen))
        return "\n\n".join(delen) + "\n"

    def als_json(self) -> dict:
        """The stable JSON shape used by ``passend thema --json``. ``tekst`` is the body;
        ``stand`` is ISO (``YYYY-MM-DD`` or ``YYYY-MM``), ``bronnen`` a list of URLs."""
        return {
            "slug": self.slug,
            "titel": self.titel,
            "samenvatting": self.samenvatting,
            "tekst": self.tekst,
            "gerelateerd": list(self.gerelateerd),
            "stand": self.stand,
            "bronnen": list(self.bronnen),
        }


def _datum_tekst(iso: str) -> str:
    gevonden = _STAND.match(iso)
    if not gevonden:
        return iso
    jaar, maand, dag = gevonden.groups()
    maandnaam = _MAANDEN[int(maand) - 1]
    return f"{int(dag)} {maandnaam} {jaar}" if dag else f"{maandnaam} {jaar}"


def _geldige_stand(waarde: str) -> bool:
    gevonden = _STAND.match(waarde)
    if not gevonden:
        return False
    jaar, maand, dag = gevonden.groups()
    try:
        datetime.date(int(jaar), int(maand), int(dag or 1))
    except ValueError:
        return False
    return True


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

    if not _geldige_stand(kop["stand"]):
        raise DataFout(f"Themabestand {naam}: stand {kop['stand']!r} is geen datum (JJJJ-MM-DD).")
    bronnen = _lijst(kop["bronnen"])
    if not bronnen:
        raise DataFout(f"Themabestand {naam} mist: bronnen.")
    for url in bronnen:
        if not _URL.match(url):
            raise DataFout(f"Themabestand {naam}: bron {url!r} is geen webadres.")

    tekst = "\n".join(regels[einde + 1 :]).strip("\n") + "\n"
    return Thema(
        slug=slug,
        titel=kop["titel"],
        samenvatting=kop["samenvatting"],
        aliassen=_lijst(kop["aliassen"]),
        gerelateerd=_lijst(kop["gerelateerd"]),
        tekst=tekst,
        volgorde=volgorde,
        stand=kop["stand"],
        bronnen=bronnen,
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


_LEEG = "Geef een onderwerp op, bijvoorbeeld tlv, zorgplicht of thuiszitters."


def _zoeksleutel(onderwerp: str) -> str:
    if not isinstance(onderwerp, str):
        raise OngeldigeInvoer(_LEEG)
    return normaliseer(onderwerp[:_MAX_ZOEKLENGTE])


def _zonder_vulwoorden(sleutel: str) -> str:
    woorden = [w for w in sleutel.split() if w not in _VULWOORDEN]
    return " ".join(woorden) if woorden else sleutel


def _uniek(kandidaten: list[Thema]) -> Thema | None:
    slugs = {t.slug for t in kandidaten}
    return kandidaten[0] if len(slugs) == 1 else None


def _vragen(kern: str, per_woord: bool) -> list[str]:
    vragen = [kern]
    if per_woord:
        woorden = [w for w in kern.split() if len(w) >= _MIN_WOORD and w not in _VULWOORDEN]
        if len(woorden) > 1:
            vragen.extend(woorden)
    return vragen


def _fuzzy(kern: str, *, per_woord: bool = False) -> list[tuple[float, Thema]]:
    """Themes with a name close to *kern*, best score per theme, best first; ties go to
    reading order.

    Close means a typo away (plain ``ratio`` of at least :data:`_FUZZY_DREMPEL`) or, for
    a long query, the start of a compound it mostly makes up. With *per_woord* each longer
    word of a multi-word query is tried too, so one typo in a question still counts
    ("zorgplict school"). Plain ``ratio`` rather than ``WRatio``: the latter scores any
    short word inside a long alias at 90 ("school" in "ruzie met school"), which made
    unrelated words suggest unrelated themes."""
    from rapidfuzz import fuzz, process

    sleutels = _sleutels()
    namen = list(sleutels)
    beste: dict[str, tuple[float, Thema]] = {}

    def noteer(score: float, t: Thema) -> None:
        if t.slug not in beste or score > beste[t.slug][0]:
            beste[t.slug] = (score, t)

    for vraag in _vragen(kern, per_woord):
        for naam, score, _ in process.extract(
            vraag, namen, scorer=fuzz.ratio, limit=None, score_cutoff=_FUZZY_DREMPEL
        ):
            noteer(score, sleutels[naam])
        if len(vraag) >= _MIN_BEGIN:
            for naam, t in sleutels.items():
                if naam.startswith(vraag) and len(vraag) / len(naam) >= _MIN_DEEL_VAN_NAAM:
                    noteer(_FUZZY_DREMPEL * len(vraag) / len(naam), t)
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

    # 4. Typos in the whole query.
    if len(kern) >= _MIN_FUZZY:
        from rapidfuzz import fuzz, process

        beste = process.extractOne(
            kern, list(sleutels), scorer=fuzz.ratio, score_cutoff=_FUZZY_DREMPEL
        )
        if beste:
            return sleutels[beste[0]]
    return None


def _onbekend(onderwerp: str) -> NietGevonden:
    """Unknown topic: close themes as suggestions, or else every slug in the message."""
    dichtbij = [t.slug for t in suggesties(onderwerp)]
    bericht = f"Onbekend thema: '{toonbaar(onderwerp)}'."
    if not dichtbij:
        bericht += " Er zijn thema's over: " + ", ".join(t.slug for t in _geladen()) + "."
    return NietGevonden(bericht, suggesties=dichtbij)


def thema(slug: str) -> Thema:
    """The theme with exactly this slug; :class:`NietGevonden` otherwise."""
    gevonden = _per_slug().get(slug) if isinstance(slug, str) else None
    if gevonden is None:
        raise _onbekend(slug if isinstance(slug, str) else repr(slug))
    return gevonden


def zoek_thema(onderwerp: str) -> Thema:
    """Resolve a slug, title, alias, short question or typo to one theme.

    Raises :class:`OngeldigeInvoer` for an empty query and :class:`NietGevonden` when
    nothing is close enough: with up to three suggested slugs if some theme is genuinely
    close, and otherwise with every slug named in the message.
    """
    sleutel = _zoeksleutel(onderwerp)
    if not sleutel:
        raise OngeldigeInvoer(_LEEG)
    gevonden = _vind(sleutel)
    if gevonden is None:
        raise _onbekend(onderwerp)
    return gevonden


def suggesties(onderwerp: str, n: int = 3) -> list[Thema]:
    """Up to *n* themes close to *onderwerp*, best first; empty when none is close."""
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
        for _, t in _fuzzy(kern, per_woord=True):
            if t not in resultaat:
                resultaat.append(t)
    return resultaat[:n]


# Where to send someone after ``passend zoek``: a place search shows an SWV by address,
# and the contact theme explains which SWV counts (the school's; for a child not yet at a
# school, in practice the one of the region where it lives).
_NA_ZOEKEN = {
    "samenwerkingsverband": "samenwerkingsverband",
    "gemeente": "contact",
    "woonplaats": "contact",
    "voormalige gemeente": "contact",
    "postcode": "contact",
    "school": "contact",
}


def thema_voor_zoekresultaat(soort: str) -> str:
    """The slug of the theme most worth pointing to from a ``passend zoek`` result."""
    return _NA_ZOEKEN.get(soort, "samenwerkingsverband")
