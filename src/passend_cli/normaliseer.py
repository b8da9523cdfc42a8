"""One normalisation for everything that is matched: index keys and queries alike.

People type place names in many ways: ``'s-Hertogenbosch``, ``s Hertogenbosch``,
``Súdwest-Fryslân``, ``Alphen a/d Rijn``, ``Hengelo (O.)``. Folding all of them to
the same key here, and only here, keeps the index builder and the query path in step.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes and dashes come in several Unicode shapes; treat all as plain separators.
_APOSTROFS = "'`´‘’‚‛′"
_STREEPJES = "-‐‑‒–—―−_/\\.,;:()[]{}\"“”„«»!?*+|"
_VERTAAL = str.maketrans({c: " " for c in _APOSTROFS + _STREEPJES})

# "a/d" and "a.d." as in "Alphen a/d Rijn" or "Capelle a/d IJssel" stand for both
# "aan de" and "aan den"; both spellings fold to "aan de" so all three forms meet.
_AAN_DE = re.compile(r"\ba\s*[/.]\s*d\b\.?", re.IGNORECASE)
_AAN_DEN = re.compile(r"\baan den\b")
_SPATIES = re.compile(r"\s+")
_STUURTEKENS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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
    tekst = _STUURTEKENS.sub(" ", tekst)
    tekst = _AAN_DE.sub(" aan de ", tekst)
    tekst = tekst.replace("&", " en ")
    # NFKD splits "â" into "a" + combining accent, which is then dropped; "ĳ" becomes "ij".
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = tekst.casefold().translate(_VERTAAL)
    tekst = _SPATIES.sub(" ", tekst).strip()
    return _AAN_DEN.sub("aan de", tekst)


def compact(tekst: str) -> str:
    """The key without any spaces, for inputs such as ``2011 AB`` or ``PO 27-07``.

    >>> compact(" po 27-07 ")
    'po2707'
    """
    return normaliseer(tekst).replace(" ", "")
