"""The dataset's text indices, searched as text: the build writes their lines sorted, so
a lookup reads a dozen lines wherever its key sorts and nothing is parsed at start-up."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property


class Zoekindex:
    """The dataset's search keys (normalised name -> soort, ref), written sorted by key
    by the build. Lookups binary-search the text itself: no line is parsed at start-up,
    and a lookup reads a dozen lines wherever its key sorts."""

    def __init__(self, tekst: str) -> None:
        self._tekst = tekst + "\n"

    def _eerste(self, sleutel: str) -> int:
        """Offset of the first line whose key is not below *sleutel*."""
        tekst = self._tekst
        laag, hoog = 0, len(tekst)
        while laag < hoog:
            midden = (laag + hoog) // 2
            begin = tekst.rfind("\n", 0, midden) + 1
            komma = tekst.find(",", begin)
            if tekst[begin:komma] < sleutel:
                laag = tekst.find("\n", komma) + 1
            else:
                hoog = begin
        return laag

    def _vanaf(self, begin: str, exact: bool) -> Iterable[list[str]]:
        tekst = self._tekst
        positie = self._eerste(begin)
        while positie < len(tekst):
            einde = tekst.find("\n", positie)
            rij = tekst[positie:einde].split(",")
            if rij[0] != begin if exact else not rij[0].startswith(begin):
                break
            yield rij
            positie = einde + 1

    def exact(self, sleutel: str) -> list[tuple[str, str]]:
        return [(soort, ref) for _, soort, ref in self._vanaf(sleutel, True)]

    def met_prefix(self, prefix: str) -> list[tuple[str, str, str]]:
        """(sleutel, soort, ref) of every key that starts with *prefix*."""
        return [(s, soort, ref) for s, soort, ref in self._vanaf(prefix, False)] if prefix else []

    @cached_property
    def sleutels(self) -> list[str]:
        """All distinct keys, sorted: for typo matching, which must see every key."""
        regels = self._tekst.split("\n")
        return list(dict.fromkeys(r.split(",", 1)[0] for r in regels if r))

    @cached_property
    def woordreeksen(self) -> frozenset[str]:
        """Every run of whole words inside a key ("zuid kennemerland" in "swv zuid
        kennemerland"), so a query that is none of them skips the scan for them."""
        reeksen = set()
        for sleutel in self.sleutels:
            woorden = sleutel.split(" ")
            for begin in range(len(woorden)):
                for einde in range(begin + 1, len(woorden) + 1):
                    reeksen.add(" ".join(woorden[begin:einde]))
        return frozenset(reeksen)


class Woordindex:
    """School name word -> row numbers in scholen.csv, written sorted by the build and,
    like :class:`Zoekindex`, searched as text: a search parses only its own lines."""

    def __init__(self, tekst: str) -> None:
        self._tekst = "\n" + tekst + "\n"

    def rijen(self, woord: str) -> list[int]:
        begin = self._tekst.find(f"\n{woord},")
        if begin == -1:
            return []
        begin += len(woord) + 2
        return [int(n) for n in self._tekst[begin : self._tekst.find("\n", begin)].split()]

    def met_prefix(self, prefix: str) -> list[str]:
        """Every word that starts with *prefix* (but is not *prefix* itself)."""
        tekst, uit = self._tekst, []
        positie = tekst.find("\n" + prefix)
        while positie != -1 and tekst.startswith(prefix, positie + 1):
            einde = tekst.find(",", positie + 1)
            woord = tekst[positie + 1 : einde]
            if woord != prefix:
                uit.append(woord)
            positie = tekst.find("\n", einde)
        return uit

    @cached_property
    def woorden(self) -> list[str]:
        """All words, sorted: for typo matching, which must see every word."""
        return [r.split(",", 1)[0] for r in self._tekst.split("\n") if r]
