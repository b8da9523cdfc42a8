"""One normalisation for everything that is matched: index keys and queries alike.

People type place names in many ways: ``'s-Hertogenbosch``, ``s Hertogenbosch``,
``Súdwest-Fryslân``, ``Alphen a/d Rijn``, ``Hengelo (O.)``. Folding all of them to
the same key here, and only here, keeps the index builder and the query path in step.
"""

from __future__ import annotations

import re
import unicodedata

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
    if not tekst.isascii():
        # NFKD splits "â" into "a" + accent and "ĳ" into "ij"; what is still not
        # ASCII after that (accents, emoji, other scripts) cannot match a Dutch name.
        tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    tekst = " ".join(tekst.lower().translate(_VERTAAL).split())
    if "aan den" in tekst:
        tekst = re.sub(r"\baan den\b", "aan de", tekst)
    return tekst
