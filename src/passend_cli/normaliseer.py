"""One normalisation for everything that is matched: index keys and queries alike.

People type place names in many ways: ``'s-Hertogenbosch``, ``s Hertogenbosch``,
``Súdwest-Fryslân``, ``Alphen a/d Rijn``, ``Hengelo (O.)``. Folding all of them to
the same key here, and only here, keeps the index builder and the query path in step.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from passend_cli.fouten import herstel

# Apostrophes, dashes, brackets, other punctuation and control characters all become
# plain separators.
_SCHEIDERS = "'`´‘’‚‛′" + "-‐‑‒–—―−_/\\.,;:()[]{}\"“”„«»!?*+|#%$@=<>~^"
_VERTAAL = str.maketrans(
    {c: " " for c in _SCHEIDERS} | {chr(i): " " for i in (*range(32), *range(127, 160))}
)

# "a/d" and "a.d." as in "Alphen a/d Rijn" or "Capelle a/d IJssel" stand for both
# "aan de" and "aan den"; both spellings fold to "aan de" so all three forms meet.
_AAN_DE = re.compile(r"\ba\s*[/.]\s*d\b\.?", re.IGNORECASE)


def normaliseer(tekst: str) -> str:
    """Return the match key of *tekst*: lower case, no accents, single spaces.

    >>> normaliseer("Súdwest-Fryslân")
    'sudwest fryslan'
    >>> normaliseer("'s-Hertogenbosch")
    's hertogenbosch'
    >>> normaliseer("Alphen a/d Rijn") == normaliseer("Alphen aan den Rijn")
    True
    >>> normaliseer("Alphen a/d Rijn")
    'alphen aan de rijn'
    >>> normaliseer("Bergen (NH.)")
    'bergen nh'
    >>> normaliseer("Teylingen & Lisse")
    'teylingen en lisse'
    """
    if not tekst:
        return ""
    # This runs for every name in the index at start-up, so the common case (plain
    # ASCII, no abbreviations) takes the shortest path.
    if "/" in tekst or "." in tekst:
        tekst = _AAN_DE.sub(" aan de ", tekst)
    if "&" in tekst:
        tekst = tekst.replace("&", " en ")
    # Separators first: some are not ASCII (en dash, curly apostrophe) and would
    # otherwise vanish with the accents below instead of separating.
    tekst = tekst.lower().translate(_VERTAAL)
    if not tekst.isascii():
        tekst = herstel(tekst)
        # NFKD splits "â" into "a" + accent and "ĳ" into "ij"; what is still not
        # ASCII after that (accents, emoji, other scripts) cannot match a Dutch name.
        tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    tekst = " ".join(tekst.split())
    if "aan den" in tekst:
        tekst = re.sub(r"\baan den\b", "aan de", tekst)
    return tekst


# --- one parser per notion ----------------------------------------------------------
# Each works on the normalised key, so every spelling that folds alike parses alike.

# Both spellings of the Frisian province occur in the sources and in people's typing.
_PROVINCIE_VOUW = {"friesland": "fryslan"}


def provincie_sleutel(naam: str) -> str:
    """The match key of a province name: ``Friesland`` and ``Fryslân`` meet.

    >>> provincie_sleutel("Fryslân") == provincie_sleutel("friesland")
    True
    """
    sleutel = normaliseer(naam)
    return _PROVINCIE_VOUW.get(sleutel, sleutel)


# A PC4 (1000-9999), optionally with the two letters of a PC6 and an "NL" prefix; a
# spreadsheet may have turned it into a number ("2011.0").
_POSTCODE = re.compile(r"(?:nl ?)?([1-9][0-9]{3})(?: ?[a-z]{2}| 0)?")
# A postcode inside an address or a sentence: a PC6, or a PC4 as a word of its own.
_PC6_IN_TEKST = re.compile(r"(?:^| )(?:nl )?([1-9][0-9]{3}) ?([a-z]{2})(?= |$)")
_PC4_IN_TEKST = re.compile(r"(?:^| )(?:nl )?([1-9][0-9]{3})(?= |$)")

# An SWV code: a sector and a region number in any spelling ("PO2707", "po 27-07",
# "SWV VO 28.10"), or a region number alone, written with a separator or after "swv"
# ("27-07", "27/07", "swv 2707"); four bare digits are a postcode.
_SWV_CODE = re.compile(
    r"(?:(?P<woord>swv|samenwerkingsverband|regio|regionummer) ?)?"
    r"(?:(?P<sector>po|vo) ?)?(?P<a>[0-9]{2})(?P<tussen> ?)(?P<b>[0-9]{2})"
)

# A CBS gemeente code: "GM0392", "gm 0392", "gemeentecode 0392".
_GEMEENTECODE = re.compile(
    r"(?:gm|gemeentecode|gemeente code|gemeente|cbs code|cbscode) ?([0-9]{4})"
)


def lees_postcode(tekst: str) -> str | None:
    """The PC4 of a postcode in any spelling (PC4 or PC6, spaces, dashes, case, an
    ``NL-`` prefix); None when *tekst* is not a postcode.

    >>> lees_postcode("2051 AB"), lees_postcode("2051ab"), lees_postcode("NL-2051")
    ('2051', '2051', '2051')
    >>> lees_postcode("0123") is None, lees_postcode("27-07") is None, lees_postcode("2011.0")
    (True, True, '2011')
    """
    m = _POSTCODE.fullmatch(normaliseer(tekst))
    return m.group(1) if m else None


def lees_swv_code(tekst: str, *, kale_cijfers: bool = False) -> tuple[str | None, str] | None:
    """(sector or None, four-digit region number) of an SWV code in any spelling;
    None when *tekst* is not one. Without a sector it names both the PO and the VO SWV
    of that region. *kale_cijfers*: four bare digits are a region number too (in a
    file column of SWV numbers, not in a search box, where they are a postcode).

    >>> lees_swv_code("po 27-07"), lees_swv_code("SWV VO 28.10"), lees_swv_code("27/07")
    (('PO', '2707'), ('VO', '2810'), (None, '2707'))
    >>> lees_swv_code("2707") is None, lees_swv_code("2707", kale_cijfers=True)
    (True, (None, '2707'))
    """
    m = _SWV_CODE.fullmatch(normaliseer(tekst))
    if m is None:
        return None
    sector = m["sector"]
    if not (sector or m["woord"] or m["tussen"] or kale_cijfers):
        return None
    return (sector.upper() if sector else None), m["a"] + m["b"]


# A school location code (BRIN + two digits, "16NG00") or a BRIN alone ("16NG").
_SCHOOLCODE = re.compile(r"([0-9]{2}[A-Z]{2})(?:\s*([0-9]{2}))?")


def lees_schoolcode(tekst: str) -> str | None:
    """A location code (``16NG00``) or institution code (``16NG``) in any case and
    spacing; None when *tekst* is neither. Four digits and two letters is a postcode.

    >>> lees_schoolcode("16ng00"), lees_schoolcode(" 16NG 00 "), lees_schoolcode("16NG")
    ('16NG00', '16NG00', '16NG')
    >>> lees_schoolcode("2035CT") is None, lees_schoolcode("PO2707") is None
    (True, True)
    """
    if not isinstance(tekst, str):
        return None
    m = _SCHOOLCODE.fullmatch(tekst.strip().upper())
    return m.group(1) + (m.group(2) or "") if m else None


def lees_gemeentecode(tekst: str) -> str | None:
    """The CBS code (``GM0392``) of a gemeente code in any spelling; None otherwise.

    >>> lees_gemeentecode("gm 0392"), lees_gemeentecode("gemeentecode 392") is None
    ('GM0392', True)
    """
    m = _GEMEENTECODE.fullmatch(normaliseer(tekst))
    return f"GM{m.group(1)}" if m else None


# Province names and the abbreviations that follow place names ("Loo Gld", "Bergen NH",
# "Hengelo (O.)", "Spijk Gn"): abbreviation -> province key (provincie_sleutel).
_PROVINCIE_AFKORTINGEN = {
    "groningen": ("gn", "gr", "gron"),
    "fryslan": ("fr", "fri", "friesland", "frl"),
    "drenthe": ("dr", "dren"),
    "overijssel": ("ov", "o", "ovl", "overijsel"),
    "flevoland": ("fl", "flev", "flevo"),
    "gelderland": ("gld", "gl", "gel", "geld"),
    "utrecht": ("ut", "u", "utr"),
    "noord holland": ("nh", "n h", "noordholland"),
    "zuid holland": ("zh", "z h", "zuidholland"),
    "zeeland": ("zl", "z", "zld", "zee"),
    "noord brabant": ("nb", "n b", "brabant", "noordbrabant", "br"),
    "limburg": ("l", "lb", "li", "lim", "limb"),
}
PROVINCIES: dict[str, str] = {
    vorm: provincie
    for provincie, afkortingen in _PROVINCIE_AFKORTINGEN.items()
    for vorm in (provincie, *afkortingen)
}
# Words that say the qualifier is a gemeente: "Ursem gem. S", "W (gemeente G)".
_GEMEENTEWOORDEN = ("gemeente", "gem")
# "Bleskensgraaf ca": cum annexis, "with the hamlets around it".
_AANHANGSELS = ("ca",)


class Kwalificatie(NamedTuple):
    """A reading of a query as NAME + QUALIFIER: ``Zevenhuizen (Zuidplas)``."""

    naam: str  # normalised key of the place
    soort: str  # "provincie" or "gemeente"
    waarde: str  # province key (provincie_sleutel), or normalised gemeente name


def lees_kwalificaties(sleutel: str) -> list[Kwalificatie]:
    """Every way to read the normalised *sleutel* as a name followed by a province or
    gemeente (``W G``, ``W, G``, ``W (G)``, ``W (gemeente G)``, ``W Gld``), the shortest
    qualifier first. Whether a gemeente reading names a real gemeente is for the caller
    to check.

    >>> lees_kwalificaties("aalst gld")[0]
    Kwalificatie(naam='aalst', soort='provincie', waarde='gelderland')
    >>> [(k.naam, k.waarde) for k in lees_kwalificaties("zevenhuizen gemeente zuidplas")]
    [('zevenhuizen gemeente', 'zuidplas'), ('zevenhuizen', 'zuidplas')]
    """
    woorden = sleutel.split()
    uit = []
    for i in range(len(woorden) - 1, 0, -1):
        naam, staart = " ".join(woorden[:i]), " ".join(woorden[i:])
        if staart in PROVINCIES:
            uit.append(Kwalificatie(naam, "provincie", PROVINCIES[staart]))
        eerste, _, rest = staart.partition(" ")
        if eerste in _GEMEENTEWOORDEN and rest:
            uit.append(Kwalificatie(naam, "gemeente", rest))
        else:
            uit.append(Kwalificatie(naam, "gemeente", staart))
    return uit


def basisnaam(sleutel: str) -> str:
    """The normalised place name without the suffix that tells same-named places apart
    in the postal lists (``loo gld``, ``spijk gn``, ``ursem gem s``, ``bleskensgraaf
    ca``); the name itself when it has none.

    >>> basisnaam("loo gld"), basisnaam("ursem gem s"), basisnaam("den ham")
    ('loo', 'ursem', 'den ham')
    """
    woorden = sleutel.split()
    if len(woorden) > 1 and (woorden[-1] in PROVINCIES or woorden[-1] in _AANHANGSELS):
        return " ".join(woorden[:-1])
    if len(woorden) > 2 and woorden[-2] in _GEMEENTEWOORDEN and len(woorden[-1]) <= 2:
        return " ".join(woorden[:-2])  # "gem. S": an abbreviated gemeente
    return sleutel


class Adres(NamedTuple):
    """What an address or a sentence says: a PC4 and the place named with it."""

    postcode: str
    plaats: str  # normalised key of the place words, "" when there are none


def lees_adres(tekst: str) -> Adres | None:
    """The postcode in an address or sentence, with the place after it (or, when
    nothing follows, the words before it that hold no digits); None without one.

    >>> lees_adres("Kerkstraat 1, 2011 AB Haarlem")
    Adres(postcode='2011', plaats='haarlem')
    >>> lees_adres("1011AB AMSTERDAM"), lees_adres("Haarlem 2011")
    (Adres(postcode='1011', plaats='amsterdam'), Adres(postcode='2011', plaats='haarlem'))
    >>> lees_adres("Kerkstraat 12") is None
    True
    """
    sleutel = normaliseer(tekst)
    m = _PC6_IN_TEKST.search(sleutel) or _PC4_IN_TEKST.search(sleutel)
    if m is None:
        return None
    na = sleutel[m.end():].split()
    voor = sleutel[: m.start()].split()
    if na:
        plaats = na
    elif voor and not any(c.isdigit() for c in "".join(voor)):
        plaats = voor
    else:
        plaats = []
    return Adres(m.group(1), " ".join(plaats))


# Words people put around a place name ("wij wonen in Hoofddorp", "gemeente Haarlem").
VULWOORDEN = frozenset({
    "ik", "wij", "we", "jullie", "zij", "ze", "hij", "mijn", "onze", "ons", "wonen", "woon",
    "woont", "wonend", "woonachtig", "verhuizen", "verhuisd", "naar", "in", "te", "bij",
    "nabij", "omgeving", "buurt", "regio", "gemeente", "gem", "plaats", "woonplaats", "dorp",
    "stad", "postcode", "adres", "is", "welk", "welke", "wat", "voor", "zoek", "zoeken",
    "samenwerkingsverband", "swv", "de", "het", "een",
})


def kernen(sleutel: str) -> list[str]:
    """*sleutel* and what is left of it as filler words are taken off its front, one by
    one: the first that names something is meant ("in de bilt" is De Bilt).

    >>> kernen("wij wonen in hoofddorp")
    ['wij wonen in hoofddorp', 'wonen in hoofddorp', 'in hoofddorp', 'hoofddorp']
    >>> kernen("in")
    ['in']
    """
    woorden = sleutel.split()
    uit = [sleutel]
    while len(woorden) > 1 and woorden[0] in VULWOORDEN:
        woorden = woorden[1:]
        uit.append(" ".join(woorden))
    return uit
