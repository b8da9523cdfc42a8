"""Front end of the refresh: DUO's current data on top of the bundled rows.

The new dataset starts from the bundled one (gemeenten, woonplaatsen, former gemeenten)
and takes from DUO each PC4's PO and VO SWV and each SWV's name; where they came in,
the official contact blocks (RIO) and the school lists with RIO's school-SWV links.
The rules are those of the build (:mod:`.regels`): a PC4 that DUO does not assign is
derived as the bundle derives it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from typing import Any, NamedTuple

from passend_cli import formaat
from passend_cli.bronnen.duo import NAMEN, REGIO, RIO_DATASET, Contact
from passend_cli.bronnen.scholen import Vestiging
from passend_cli.fouten import DataFout, getal
from passend_cli.normaliseer import normaliseer
from passend_cli.samenstellen import regels
from passend_cli.samenstellen.regels import AFGELEID, DUO, SECTOREN
from passend_cli.samenstellen.rijen import Rijen
from passend_cli.samenstellen.scholen import herleid_scholen, koppeling_2015_uit, maak_scholen

# Herkomst of a PC4 that DUO does not list but the previous dataset assigned: kept.
VORIGE = "vorige"
# A refresh may leave this share of the previously assigned PC4s unlisted (kept, with
# their previous SWVs, labelled); more means DUO's file is not the whole country.
MAX_ONTBREKEND = 0.01


class DuoGegevens(NamedTuple):
    """What a refresh read from DUO; None for a part whose files did not come in."""

    peildatum: date
    regio: dict[str, set[str]]  # SWV code -> its PC4s
    namen: dict[str, str]  # SWV code -> its name
    contact: dict[str, Contact] | None = None  # SWV code -> official contact block
    vestigingen: list[Vestiging] | None = None  # the current school lists
    rio_scholen: dict[str, set[str]] | None = None  # vestigingscode -> SWV codes


def lees_rijen(bron: Any) -> tuple[Rijen, dict[str, Any]]:
    """A dataset folder (the bundled one) as rows and its metadata: the starting point
    of every refresh."""
    problemen = formaat.controleer_map(bron)
    if problemen:
        raise DataFout(f"De meegeleverde dataset is beschadigd ({problemen[0]}).")
    rijen = Rijen()
    for stam in formaat.BESTANDEN:
        if stam in ("zoekindex", "schoolindex"):  # the writer makes them anew
            continue
        pad = bron.joinpath(formaat.bestandsnaam(stam))
        if stam in formaat.OPTIONEEL and not pad.is_file():
            continue
        setattr(rijen, stam, list(csv.DictReader(pad.read_text(encoding="utf-8").splitlines())))
    return rijen, formaat.lees_metadata(bron)


def stel_samen(basis: Rijen, duo: DuoGegevens) -> Rijen:
    """The bundled rows with DUO's data; notes for the user in ``meldingen``."""
    meldingen: list[str] = []
    postcodes = _postcodes(basis, duo.regio, meldingen)
    uit = Rijen(**{k: getattr(basis, k) for k in ("gemeenten", "woonplaatsen",
                                                  "voormalige_gemeenten", "aliassen")})
    uit.postcodes = [postcodes[p] for p in sorted(postcodes)]
    gebruikt = sorted({r[s] for r in postcodes.values() for s in SECTOREN if r[s]})
    uit.samenwerkingsverbanden = _verbanden(basis, gebruikt, duo, meldingen)
    uit.wijzigingen = regels.geldige_wijzigingen(basis.wijzigingen, postcodes, set(gebruikt))
    if duo.vestigingen is not None:
        uit.scholen = maak_scholen(
            _bekende_spelling(duo.vestigingen, basis.scholen), uit, rio=duo.rio_scholen,
            koppeling_2015=koppeling_2015_uit(basis.scholen),
            soorten={r["code"]: r["soort"] for r in basis.scholen}, meldingen=meldingen)
    elif basis.scholen:
        uit.scholen = herleid_scholen(basis.scholen, uit, rio=duo.rio_scholen,
                                      meldingen=meldingen)
    uit.meldingen = meldingen
    return uit


def _bekende_spelling(
    vestigingen: list[Vestiging], bekend: list[dict[str, str]]
) -> list[Vestiging]:
    """DUO writes names and streets in capitals; where a school's name or street is the
    one already known, written otherwise, the known spelling stays."""
    from dataclasses import replace

    oud = {r["code"]: r for r in bekend}
    uit = []
    for v in vestigingen:
        r = oud.get(v.code)
        if r is not None:
            if normaliseer(r["naam"]) == normaliseer(v.naam):
                v = replace(v, naam=r["naam"])
            if normaliseer(r["straat"]) == normaliseer(v.straat):
                v = replace(v, straat=r["straat"])
        uit.append(v)
    return uit


def _postcodes(
    basis: Rijen, regio: dict[str, set[str]], meldingen: list[str]
) -> dict[str, dict[str, str]]:
    """Every PC4 with DUO's SWVs. A PC4 the previous data derived is derived anew; one
    it assigned from a source but DUO leaves out keeps its SWVs, labelled ``vorige``, as
    long as that stays a small margin; a PC4 new at DUO gets the gemeente of its
    neighbours."""
    van_duo: dict[str, dict[str, str]] = defaultdict(lambda: {"po": "", "vo": ""})
    for code, pcs in regio.items():
        for pc in pcs:
            van_duo[pc][code[:2].lower()] = code
    postcodes: dict[str, dict[str, str]] = {}
    ontbrekend = []
    toegewezen = 0
    for oud in basis.postcodes:
        rij = dict(oud)
        pc = rij["postcode"]
        if oud["herkomst"] != AFGELEID and (oud["po"] or oud["vo"]):
            toegewezen += 1
        if pc in van_duo:
            rij.update(van_duo[pc], herkomst=DUO)
        elif oud["herkomst"] == AFGELEID:
            rij.update(po="", vo="")  # derived anew below, by the build's rule
        elif oud["po"] or oud["vo"]:
            rij["herkomst"] = VORIGE
            ontbrekend.append(pc)
        postcodes[pc] = rij
    if len(ontbrekend) > max(10, MAX_ONTBREKEND * toegewezen):
        raise DataFout(
            f"{REGIO} noemt {getal(len(ontbrekend))} postcodes niet die de vorige dataset een "
            f"samenwerkingsverband gaf (bijvoorbeeld {', '.join(ontbrekend[:5])}); dat is "
            "meer dan een klein verschil, dus het bestand lijkt onvolledig."
        )
    if ontbrekend:
        meldingen.append(
            f"{REGIO} noemt {getal(len(ontbrekend))} postcodes niet ({', '.join(ontbrekend[:10])}"
            f"{', …' if len(ontbrekend) > 10 else ''}); die houden het samenwerkingsverband "
            "van de vorige dataset, en het antwoord zegt dat."
        )
    for pc in sorted(set(van_duo) - set(postcodes)):
        gemeente = regels.gemeente_van_buren(pc, van_duo[pc], postcodes)
        if gemeente is None:
            meldingen.append(f"Postcode {pc} is nieuw bij DUO, maar de gemeente is niet vast "
                             "te stellen; overgeslagen.")
            continue
        postcodes[pc] = {"postcode": pc, "gemeente_code": gemeente, **van_duo[pc],
                         "herkomst": DUO, "gemeente_2015": ""}
    regels.leid_af(postcodes, basis.woonplaatsen)
    zonder = regels.gemeenten_zonder_dekking(basis.gemeenten, postcodes)
    if zonder:
        raise DataFout(
            f"Volgens de gegevens van DUO zouden {len(zonder)} gemeenten geen PO- of "
            f"VO-samenwerkingsverband meer hebben ({', '.join(zonder[:5])}); de gegevens "
            "lijken onvolledig."
        )
    return postcodes


def _verbanden(
    basis: Rijen, gebruikt: list[str], duo: DuoGegevens, meldingen: list[str]
) -> list[dict[str, str]]:
    """The SWVs that serve an area, with DUO's names and, where RIO gives one, their
    official contact block; the facts from web pages stay where RIO gives none."""
    bestaand = {r["code"]: r for r in basis.samenwerkingsverbanden}
    zonder = [c for c in gebruikt if c not in duo.namen and not bestaand.get(c, {}).get("naam")]
    if zonder or sum(c not in duo.namen for c in gebruikt) > len(gebruikt) // 4:
        ontbreekt = [c for c in gebruikt if c not in duo.namen]
        raise DataFout(
            f"{NAMEN} geeft geen naam voor {len(ontbreekt)} samenwerkingsverbanden "
            f"({', '.join(ontbreekt[:5])}); de bestanden van DUO passen niet bij elkaar."
        )
    dag = duo.peildatum.isoformat()
    uit = []
    for code in gebruikt:
        leeg = dict.fromkeys(formaat.BESTANDEN["samenwerkingsverbanden"], "")
        rij = dict(bestaand.get(code) or leeg | {"code": code, "sector": code[:2]})
        nieuw = duo.namen.get(code, rij["naam"])
        if nieuw != rij["naam"]:
            bekend_als = [n for n in rij["ook_bekend_als"].split(";") if n.strip()]
            if rij["naam"] and normaliseer(rij["naam"]) not in map(normaliseer, bekend_als):
                bekend_als.append(rij["naam"])  # so the familiar name still finds it
            rij.update(naam=nieuw, ook_bekend_als=";".join(bekend_als))
        if code in duo.namen:
            rij["bewijs"] = "duo"
        else:
            meldingen.append(f"{NAMEN} geeft geen naam voor {code}; de bekende naam blijft.")
        blok = (duo.contact or {}).get(code)
        if blok is not None:
            rij.update(website=blok.website, email=blok.email, telefoon=blok.telefoon,
                       straat=blok.straat, postcode=blok.postcode, plaats=blok.plaats,
                       contact_bron="DUO", contact_datum=dag, bronnen=RIO_DATASET,
                       opmerking=f"Officieel contactadres van {blok.bestuur} (RIO)."
                       if blok.bestuur else "")
        uit.append(rij)
    return uit
