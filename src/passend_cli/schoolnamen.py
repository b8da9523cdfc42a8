"""The one normalisation of school names, for the index builder and the query alike.

School names are full of school words and abbreviations that people type in other
ways: "OBS De Globe", "openbare basisschool de globe", "De Globe". Every name is
folded to canonical words (``obs`` → ``openbare basisschool``, ``basissch`` →
``basisschool``, ``Julianaschool`` → ``juliana school``) and split into its *own* words,
which identify a school, and its *school words*, which describe it (kind,
denomination, pedagogy). The list of abbreviations comes from what occurs in the
names of the bundled lists.

>>> ontleed("OBS De Globe") == ontleed("openbare basisschool de globe")
True
>>> naam = ontleed("Chr Basissch De Reinboge")
>>> naam.eigen, sorted(naam.algemeen)
(('reinboge',), ['basisschool', 'christelijke'])
>>> ontleed("R.K. Daltonschool St Martinus").eigen
('martinus',)
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from passend_cli.normaliseer import normaliseer

# Abbreviations and spelling variants as they occur in the names, with their
# canonical words. "bs" is basisschool, "ssbo" school voor speciaal basisonderwijs.
_AFKORTINGEN: dict[str, tuple[str, ...]] = {
    "obs": ("openbare", "basisschool"),
    "cbs": ("christelijke", "basisschool"),
    "pcbs": ("protestants", "christelijke", "basisschool"),
    "pcb": ("protestants", "christelijke", "basisschool"),
    "pcbo": ("protestants", "christelijke", "basisschool"),
    "rkbs": ("rooms", "katholieke", "basisschool"),
    "rkb": ("rooms", "katholieke", "basisschool"),
    "kbs": ("katholieke", "basisschool"),
    "gbs": ("gereformeerde", "basisschool"),
    "cns": ("christelijke", "nationale", "school"),
    "bs": ("basisschool",),
    "bas": ("basisschool",),
    "basissch": ("basisschool",),
    "bassch": ("basisschool",),
    "bassissch": ("basisschool",),
    "basisonderwijs": ("basisschool",),
    "bo": ("basisschool",),
    "bso": ("basisschool",),
    "sbo": ("speciaal", "basisschool"),
    "sbao": ("speciaal", "basisschool"),
    "ssbo": ("school", "speciaal", "basisschool"),
    "speciale": ("speciaal",),
    "sch": ("school",),
    "schl": ("school",),
    "scholen": ("school",),
    "chr": ("christelijke",),
    "christelijk": ("christelijke",),
    "pc": ("protestants", "christelijke"),
    "prot": ("protestants",),
    "protestantse": ("protestants",),
    "protestant": ("protestants",),
    "rk": ("rooms", "katholieke"),
    "kath": ("katholieke",),
    "katholiek": ("katholieke",),
    "opb": ("openbare",),
    "openbaar": ("openbare",),
    "geref": ("gereformeerde",),
    "gereformeerd": ("gereformeerde",),
    "ref": ("reformatorische",),
    "reformatorisch": ("reformatorische",),
    "oec": ("oecumenische",),
    "oecumenisch": ("oecumenische",),
    "isl": ("islamitische",),
    "islamitisch": ("islamitische",),
    "interconfessioneel": ("interconfessionele",),
    "sws": ("samenwerkingsschool",),
    "samenw": ("samenwerkingsschool",),
    "ikc": ("integraal", "kindcentrum"),
    "kc": ("kindcentrum",),
    "kindcentra": ("kindcentrum",),
    "sg": ("scholengemeenschap",),
    "sgm": ("scholengemeenschap",),
    "sgr": ("scholengemeenschap",),
    "rsg": ("regionale", "scholengemeenschap"),
    "csg": ("christelijke", "scholengemeenschap"),
    "osg": ("openbare", "scholengemeenschap"),
    "ksg": ("katholieke", "scholengemeenschap"),
    "lyc": ("lyceum",),
    "ly": ("lyceum",),
    "gym": ("gymnasium",),
    "gymn": ("gymnasium",),
    "ath": ("atheneum",),
    "coll": ("college",),
    "loc": ("locatie",),
    "vest": ("vestiging",),
    "vo": ("voortgezet", "onderwijs"),
    "vst": ("vestiging",),
    "pro": ("praktijkonderwijs",),
    "praktijkschool": ("praktijkonderwijs", "school"),
    "praktijkcollege": ("praktijkonderwijs", "college"),
    "st": ("sint",),
    "pr": ("prins",),
    "prinses": ("prins",),
    "kon": ("koning",),
    "koningin": ("koning",),
    "montessorische": ("montessori",),
    "montessorisch": ("montessori", "school"),
    "openb": ("openbare",),
    "vrijeschool": ("vrije", "school"),
}

# School words by group: a query word that the name contradicts within its group
# ("cbs" for an openbare school) costs more than one the name does not mention.
_GROEPEN: dict[str, str] = {
    **dict.fromkeys(
        ("openbare", "christelijke", "protestants", "katholieke", "rooms", "gereformeerde",
         "reformatorische", "oecumenische", "islamitische", "hindoestaanse", "joodse",
         "evangelische", "interconfessionele", "samenwerkingsschool", "algemeen",
         "bijzondere", "nationale"),
        "richting",
    ),
    **dict.fromkeys(("montessori", "dalton", "jenaplan", "vrije", "freinet"), "concept"),
    # Special or regular: "sbo De Wissel" is not "OBS De Wissel".
    **dict.fromkeys(("speciaal", "regulier"), "speciaal"),
    **dict.fromkeys(
        ("basisschool", "kindcentrum", "integraal", "scholengemeenschap",
         "scholengroep", "college", "lyceum", "gymnasium", "praktijkonderwijs", "voortgezet"),
        "type",
    ),
    # The levels a secondary school offers ("voor Atheneum Havo Mavo Vbo Lwoo").
    **dict.fromkeys(
        ("atheneum", "mavo", "havo", "vwo", "vmbo", "vbo", "lwoo", "tl", "lhno", "lto",
         "basis", "kader", "kaderberoepsgerichte", "basisberoepsgerichte", "beroepsgerichte",
         "gemengde", "theoretische", "leerweg"),
        "niveau",
    ),
    **dict.fromkeys(
        ("school", "onderwijs", "locatie", "vestiging", "regionale", "brede", "grondslag",
         "onderwijsgroep", "scholenfederatie"),
        "",
    ),
}
SCHOOLWOORDEN = frozenset(_GROEPEN)

# Words that describe nothing by themselves: a name of only these is no name.
_KAAL = frozenset({"school", "basisschool", "onderwijs", "locatie", "vestiging", "voortgezet"})
_LIDWOORDEN = frozenset({"de", "het", "t", "den"})

# Articles, prepositions and titles: optional in a query ("Regenboog" is "De Regenboog",
# "Jozefschool" is "Sint Jozefschool").
_STOP = frozenset(
    {"de", "het", "t", "s", "den", "der", "des", "d", "v", "vd", "van", "een", "en", "voor",
     "met", "op", "aan", "in", "te", "bij", "dr", "ds", "mr", "prof", "mgr", "drs", "ir",
     "sint"}
)

# Compounds split into their school word: "julianaschool" is "juliana school".
_ACHTERVOEGSELS = (
    ("basisschool", ("basisschool",), 3),
    ("basissch", ("basisschool",), 3),
    ("school", ("school",), 3),
    ("college", ("college",), 3),
    ("lyceum", ("lyceum",), 3),
    ("gymnasium", ("gymnasium",), 3),
    ("sch", ("school",), 4),
)

# Implied by the kind of school: "basisschool De Globe" for a bo named "De Globe".
_IMPLICIET = {
    "bo": frozenset({"basisschool", "regulier"}),
    "sbo": frozenset({"basisschool", "speciaal"}),
    "vo": frozenset({"voortgezet"}),
}


@cache
def _woord(woord: str) -> tuple[str, ...]:
    if woord in _AFKORTINGEN:
        return _AFKORTINGEN[woord]
    if woord in _GROEPEN:
        return (woord,)
    for achtervoegsel, vervanging, minimum in _ACHTERVOEGSELS:
        stam = woord[: -len(achtervoegsel)]
        if woord.endswith(achtervoegsel) and len(stam) >= minimum:
            # "bosch" is no school, nor is an adjective ("agrarisch"); "julianasch" is.
            if achtervoegsel == "sch" and (stam.endswith(("bo", "i")) or woord in _GEEN_SCH):
                break
            return _woord(stam) + vervanging
    return (woord,)


_GEEN_SCH = frozenset({"hertogenbosch", "oisterwijksch"})


def schoolwoorden(tekst: str) -> list[str]:
    """The canonical words of a school name or query.

    >>> schoolwoorden("O.B.S. 't Palet")
    ['openbare', 'basisschool', 't', 'palet']
    >>> schoolwoorden("Van Lodensteincollege")
    ['van', 'lodenstein', 'college']
    >>> schoolwoorden("RK Basisschool De Vest")
    ['rooms', 'katholieke', 'basisschool', 'de', 'vest']
    """
    return [w for w, _ in _woorden(tekst)]


def _woorden(tekst: str) -> list[tuple[str, bool]]:
    """(canonical word, optional) pairs; joined initials ("J.H.") are optional."""
    # "het P@rk": an at sign between letters is an a.
    woorden = normaliseer(re.sub(r"(?<=\w)@(?=\w)", "a", tekst)).split()
    uit: list[tuple[str, bool]] = []
    i = 0
    while i < len(woorden):
        # "R.K." and "c.b.s." are normalised to single letters: join the longest run
        # that is a known abbreviation ("o b s t" is "obs" and the "'t" of the name).
        j = i
        while j < len(woorden) and len(woorden[j]) == 1 and woorden[j].isalpha():
            j += 1
        if j - i > 1:
            for k in range(j, i + 1, -1):
                samen = "".join(woorden[i:k])
                if samen in _AFKORTINGEN:
                    uit.extend((w, False) for w in _AFKORTINGEN[samen])
                    break
            else:
                k = j
                uit.append(("".join(woorden[i:j]), True))
            i = k
            continue
        woord = woorden[i]
        # After an article a word is a name: "De Vest", not "de vestiging".
        if i and woorden[i - 1] in _LIDWOORDEN and woord in _AFKORTINGEN:
            uit.append((woord, False))
        else:
            uit.extend((w, False) for w in _woord(woord))
        i += 1
    return uit


class Naam(NamedTuple):
    """A school name taken apart."""

    eigen: tuple[str, ...]  # its own words, in order, each once
    optioneel: frozenset[str]  # own words a query may leave out (initials)
    algemeen: frozenset[str]  # its school words
    kern: frozenset[str]  # for a name without own words: the school words that name it


def ontleed(tekst: str) -> Naam:
    woorden = _woorden(tekst)
    eigen = [w for w, _ in woorden
             if w not in _STOP and w not in _GROEPEN and not (len(w) == 1 and w.isalpha())]
    if not eigen:
        # "Katholieke basisschool de Den": the articles are all there is of a name.
        eigen = [w for w, _ in woorden if w in _STOP and len(w) > 1 and w not in _VULWOORDEN]
    algemeen = frozenset(w for w, _ in woorden if w in _GROEPEN)
    kern = frozenset() if eigen else frozenset(
        w for w in algemeen if w not in _KAAL and _GROEPEN[w] != "niveau"
    )
    return Naam(tuple(dict.fromkeys(eigen)), frozenset(w for w, o in woorden if o),
                algemeen, kern)


_VULWOORDEN = frozenset({"voor", "en", "met", "van", "te", "in", "bij", "aan", "op"})


def indexwoorden(tekst: str) -> set[str]:
    """The words under which the search index lists a school: its own words, or for a
    name without own words, its school words marked with ``=``.

    >>> sorted(indexwoorden("OBS De Globe")), sorted(indexwoorden("Montessorischool"))
    (['globe'], ['=montessori'])
    """
    naam = ontleed(tekst)
    return set(naam.eigen) | {f"={w}" for w in naam.kern}


def afwijking(gevraagd: frozenset[str], naam: Naam, soort: str) -> float:
    """Points off for school words in a query that the name does not bear out: 1 per
    group the name says nothing about, 10 per group it contradicts (a query for a
    "christelijke basisschool" and a school called "OBS …")."""
    heeft = naam.algemeen | _IMPLICIET.get(soort, frozenset())
    per_groep: dict[str, set[str]] = {}
    for w in gevraagd:
        groep = _GROEPEN.get(w, "")
        if groep:
            per_groep.setdefault(groep, set()).add(w)
    aftrek = 0.0
    for groep, woorden in per_groep.items():
        in_naam = {w for w in heeft if _GROEPEN.get(w) == groep}
        if not in_naam:
            aftrek += 1
        elif not woorden & in_naam:
            aftrek += 10
    return aftrek
