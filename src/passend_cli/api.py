"""The Python API: the answers of ``passend`` as typed records, for scripts and programs.

Every function answers from the active dataset (the user's refreshed copy, else the
bundled one) unless ``dataset=`` names another; ``Dataset.meegeleverd()`` pins the
bundled one, so results do not change when someone runs ``passend data update``.

The records read like the JSON of the CLI and their ``als_dict()`` is that JSON: what
``zoek`` returns is what ``passend zoek --json`` prints. Errors are the library's own:
:class:`~passend_cli.fouten.OngeldigeInvoer` (unusable input, a ``ValueError``),
:class:`~passend_cli.fouten.NietGevonden` (nothing matches, a ``LookupError``) and
:class:`~passend_cli.fouten.DataFout` (the dataset is damaged), each with a Dutch
sentence as its message.

This module is imported on first use of ``passend_cli.zoek`` and its siblings, not by
``import passend_cli``.
"""

from __future__ import annotations

from passend_cli import namen, resultaten, verbanden, zoeken
from passend_cli.antwoorden import Resultaat, Uitkomst, Verband
from passend_cli.dataset import Dataset
from passend_cli.fouten import LegeInvoer, NietGevonden, OngeldigeInvoer, toonbaar
from passend_cli.normaliseer import lees_gemeentecode, lees_postcode, normaliseer

__all__ = ["gemeente", "lijst", "postcode", "samenwerkingsverband", "zoek"]


def _dataset(dataset: Dataset | None) -> Dataset:
    if dataset is None:
        return Dataset.actief()
    if not isinstance(dataset, Dataset):
        raise OngeldigeInvoer(
            "dataset moet een Dataset zijn, zoals Dataset.meegeleverd() of Dataset.actief().")
    return dataset


def _sector(sector: str | None) -> str | None:
    if sector is None:
        return None
    if isinstance(sector, str) and sector.strip().upper() in ("PO", "VO"):
        return sector.strip().upper()
    raise OngeldigeInvoer(f"Onbekende sector '{toonbaar(str(sector), 20)}'; kies po of vo.")


def _tekst(waarde: object, wat: str) -> str:
    """The normalised text of an argument; LegeInvoer when nothing is left of it."""
    sleutel = normaliseer(waarde[:200]) if isinstance(waarde, str) else ""
    if not sleutel.strip():
        raise LegeInvoer(f"Geef {wat} op.")
    return sleutel.strip()


def zoek(
    term: str, *, sector: str | None = None, limiet: int = 5, dataset: Dataset | None = None
) -> Uitkomst:
    """The search box of ``passend zoek``: a gemeente, woonplaats, former gemeente,
    postcode, SWV code or name, or a school, with typos forgiven.

    Returns the results best first (``uitkomst.resultaten``); the first is the answer
    unless ``uitkomst.meerduidig``, when the term names several places equally well.
    Nothing found is an empty list, as in the JSON. *sector* ``"po"`` or ``"vo"`` keeps
    the SWVs of one sector; *limiet* is the most results (1 or more).

    >>> uitkomst = zoek("Overveen", dataset=Dataset.meegeleverd())
    >>> r = uitkomst.resultaten[0]
    >>> r.soort, r.gemeente.naam, [d.code for d in r.samenwerkingsverbanden]
    ('woonplaats', 'Bloemendaal', ['PO2704', 'VO2705'])
    """
    if isinstance(limiet, bool) or not isinstance(limiet, int) or limiet < 1:
        raise OngeldigeInvoer("limiet moet een geheel getal van 1 of meer zijn.")
    return zoeken.zoek(term, limiet=limiet, sector=_sector(sector), ds=_dataset(dataset))


def postcode(tekst: str, *, dataset: Dataset | None = None) -> Resultaat:
    """The SWVs of a postcode, exactly as the regulation assigns them: ``"2011"``,
    ``"2011 AB"``, ``"2011ab"``. A PC6 answers for its PC4.

    Raises OngeldigeInvoer for text that is not a postcode, NietGevonden for a postcode
    the regio-indeling does not have.

    >>> r = postcode("2011 AB", dataset=Dataset.meegeleverd())
    >>> r.naam, r.gemeente.naam, [d.code for d in r.samenwerkingsverbanden]
    ('2011', 'Haarlem', ['PO2704', 'VO2705'])
    """
    pc4 = lees_postcode(_tekst(tekst, "een postcode"))
    if pc4 is None:
        raise OngeldigeInvoer(f"'{toonbaar(tekst, 30)}' is geen postcode; geef vier cijfers, "
                              "eventueel met twee letters (2011 of 2011 AB).")
    r = resultaten.postcode(_dataset(dataset), pc4)
    if r is None:
        raise NietGevonden(f"Postcode {pc4} staat niet in de regio-indeling.")
    return r


def gemeente(naam_of_code: str, *, dataset: Dataset | None = None) -> Resultaat:
    """One gemeente by its name (``"Haarlem"``, ``"Den Haag"``, ``"Bergen (NH)"``) or
    CBS code (``"GM0392"``), with the SWVs that serve it; where it is split over more
    than one SWV of a sector, each entry lists its PC4s.

    Raises NietGevonden when no gemeente has that name or code; for a place or former
    gemeente of that name its ``suggesties`` name the gemeente(n) it lies in.

    >>> r = gemeente("GM0392", dataset=Dataset.meegeleverd())
    >>> r.naam, r.gemeente.provincie
    ('Haarlem', 'Noord-Holland')
    """
    ds = _dataset(dataset)
    sleutel = _tekst(naam_of_code, "de naam of code van een gemeente")
    if code := lees_gemeentecode(sleutel):
        if code not in ds.gemeenten:
            raise NietGevonden(f"Er is geen gemeente met code {code}.")
        return resultaten.gemeente(ds, code)
    kandidaten = namen.exact(ds, sleutel) or namen.gekwalificeerd(ds, sleutel)
    gemeenten = {k.ref: k for k in kandidaten if k.soort == namen.GEMEENTE}
    if len(gemeenten) == 1:
        [k] = gemeenten.values()
        return resultaten.gemeente(ds, k.ref, 100.0, k.via)
    tekst = toonbaar(naam_of_code)
    if gemeenten:
        raise NietGevonden(f"'{tekst}' is de naam van meer dan één gemeente; kies er een.",
                           suggesties=sorted(ds.gemeenten[c].naam for c in gemeenten))
    elders = sorted({ds.gemeenten[c].naam for k in kandidaten for c in k.gemeenten()})
    if elders:
        raise NietGevonden(f"'{tekst}' is geen gemeente maar een {kandidaten[0].soort}.",
                           suggesties=elders)
    raise NietGevonden(f"Er is geen gemeente met de naam '{tekst}'.")


def samenwerkingsverband(code_of_naam: str, *, dataset: Dataset | None = None) -> Verband:
    """One SWV in full, by code in any spelling (``"VO2705"``, ``"vo 27-05"``) or by
    name: its contact facts, every gemeente it serves (a partial one with its PC4s),
    known changes and its number of schools; ``als_dict()`` is ``passend toon --json``.

    Raises NietGevonden with ``suggesties`` when the code does not exist, the name fits
    several SWVs, or a place was given (then: the codes of the SWVs that serve it).

    >>> v = samenwerkingsverband("vo 27-05", dataset=Dataset.meegeleverd())
    >>> v.code, v.naam, v.aantal_gemeenten
    ('VO2705', 'Samenwerkingsverband Zuid Kennemerland', 6)
    """
    ds = _dataset(dataset)
    return verbanden.verband(zoeken.samenwerkingsverband(code_of_naam, ds), ds)


def lijst(
    sector: str | None = None, provincie: str | None = None, *, dataset: Dataset | None = None
) -> list[Verband]:
    """All SWVs, PO before VO and by code; *sector* ``"po"`` or ``"vo"``, *provincie* a
    province that (part of) their area lies in (``"Utrecht"``, ``"fryslan"``).

    Raises OngeldigeInvoer for an unknown sector or province.

    >>> [v.code for v in lijst("vo", "Utrecht", dataset=Dataset.meegeleverd())][:3]
    ['VO2510', 'VO2511', 'VO2601']
    """
    if provincie is not None and not isinstance(provincie, str):
        raise OngeldigeInvoer("provincie moet een naam zijn, zoals 'Utrecht'.")
    return verbanden.lijst(_sector(sector), provincie, ds=_dataset(dataset))
