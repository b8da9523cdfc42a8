"""The `thema` library and its texts: every theme is complete, findable, our own words,
and checked against the facts file (every date, article and number in a text is pinned
here, and every source it names is in that file)."""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passend_cli.fouten import NietGevonden, OngeldigeInvoer, PassendFout
from passend_cli.normaliseer import normaliseer
from passend_cli.thema import (
    Thema,
    alle_themas,
    suggesties,
    thema,
    thema_voor_zoekresultaat,
    zoek_thema,
)

THEMAS_MAP = Path(__file__).resolve().parents[1] / "src" / "passend_cli" / "themas"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
WETTEKSTEN = Path(__file__).resolve().parents[2] / "shared" / "sources" / "law-wpo-wvo"
FEITEN = (
    Path(__file__).resolve().parents[2]
    / "shared" / "sources" / "passend-wetgeving-feiten" / "feiten.md"
)  # fmt: skip
# The seed page itself: its address is the parent of a page in the facts file, and the
# pioneer regions come from it alone.
SEED_ADRES = "https://www.passendonderwijs.nl/samenwerkingsverbanden-en-gemeenten/"
# The facts file was gathered on this day (its PROVENANCE.md); no stand can be later.
VERZAMELD = datetime.date(2026, 12, 1)

VERPLICHTE_KOP = (
    "slug", "titel", "samenvatting", "aliassen", "gerelateerd", "volgorde", "stand", "bronnen",
)  # fmt: skip
MIN_WOORDEN, MAX_WOORDEN = 180, 420
RUN = 8  # this many consecutive words shared with a source counts as copying
_URL = re.compile(r"https?://[^\s,;\]\)]+")

# The six themes of the seed page, each with a question a parent might type.
SEED_VRAGEN = {
    "wat is een samenwerkingsverband": "samenwerkingsverband",
    "wat zijn samenwerkingsverbanden": "samenwerkingsverband",
    "contactgegevens": "contact",
    "contactgegevens samenwerkingsverbanden": "contact",
    "hoe vind ik mijn samenwerkingsverband": "contact",
    "wettelijke taken": "wettelijke-taken",
    "wat doet een samenwerkingsverband": "wettelijke-taken",
    "toezicht": "toezicht",
    "toezicht en inspectie": "toezicht",
    "afstemming met gemeenten": "gemeenten",
    "pioniers": "pioniers",
    "pioniers in passend onderwijs": "pioniers",
}

KORTE_VRAGEN = {
    "tlv": "tlv",
    "TLV": "tlv",
    "toezicht": "toezicht",
    "inspectie": "toezicht",
    "gemeente": "gemeenten",
    "jeugdhulp": "gemeenten",
    "opr": "opr",
    "wettelijke taken": "wettelijke-taken",
    "taken": "wettelijke-taken",
    "contact": "contact",
    "pioniers": "pioniers",
    "clusters": "clusters",
    "cluster 1": "clusters",
    "zorgplicht": "zorgplicht",
    "bezwaar": "bezwaar",
    "geschil": "bezwaar",
    "geschillencommissie": "bezwaar",
    "onderwijsconsulent": "bezwaar",
    "ondersteuningsplan": "ondersteuningsplan",
    "basisondersteuning": "ondersteuning",
    "extra ondersteuning": "ondersteuning",
    "sbo": "tlv",
    "vso": "tlv",
    "landelijk samenwerkingsverband": "landelijk",
    "hoe vraag ik een tlv aan": "tlv",
    "wat is een landelijk samenwerkingsverband": "landelijk",
    "Wat is de OPR?": "opr",
    # Themes the issue asked for, by the words people use.
    "thuiszitters": "thuiszitters",
    "thuiszitter": "thuiszitters",
    "mijn kind zit thuis": "thuiszitters",
    "leerplicht": "thuiszitters",
    "leerplichtambtenaar": "thuiszitters",
    "vrijstelling": "thuiszitters",
    "5 onder a": "thuiszitters",
    "thuiszitterspact": "thuiszitters",
    "opp": "opp",
    "OPP": "opp",
    "ontwikkelingsperspectief": "opp",
    "handelingsdeel": "opp",
    "instemmingsrecht op het opp": "opp",
    "lwoo": "lwoo-pro",
    "pro": "lwoo-pro",
    "praktijkonderwijs": "lwoo-pro",
    "leerwegondersteuning": "lwoo-pro",
    "wat is lwoo": "lwoo-pro",
    "lbt": "bezwaar",
    "landelijke bezwaaradviescommissie": "bezwaar",
    "gpo": "bezwaar",
    "dyslexie": "ondersteuning",
    "hoogbegaafdheid": "ondersteuning",
    "onafhankelijk toezicht": "toezicht",
    "wvo 2020": "wettelijke-taken",
    "artikel 2.47": "wettelijke-taken",
    "hoeveel samenwerkingsverbanden zijn er": "samenwerkingsverband",
    "wat verandert er": "wat-verandert",
    "nieuwe wet": "wat-verandert",
    "wetsvoorstel": "wat-verandert",
    "inclusief onderwijs": "wat-verandert",
    "verbeteraanpak": "wat-verandert",
}

TYPFOUTEN = {
    "toelaatbaarheidsverkaring": "tlv",
    "toelaatbaarheidverklaring": "tlv",
    "zorgplict": "zorgplicht",
    "zorgpligt": "zorgplicht",
    "ondersteunigsplan": "ondersteuningsplan",
    "inspecite": "toezicht",
    "pionniers": "pioniers",
    "geschillencomissie": "bezwaar",
    "samenwerkingsverbad": "samenwerkingsverband",
    "jeugdhupl": "gemeenten",
    "thuiszittr": "thuiszitters",
    "praktijkondewijs": "lwoo-pro",
    "ontwikkelingsperspektief": "opp",
}

# Words that no theme is about: no theme may be found or suggested for them.
ONVERWANT = [
    "vakantierooster", "schoolbus", "school", "schoolreis", "pesten", "huiswerk", "voetbal",
    "cito", "autisme", "ziekte", "rapport", "ouderbijdrage", "kinderopvang", "belasting",
    "hypotheek", "onderwijs", "kind", "geld", "pizza",
]  # fmt: skip


def _lees_kop(pad: Path) -> dict[str, str]:
    regels = pad.read_text(encoding="utf-8").splitlines()
    assert regels[0] == "---", pad.name
    einde = regels.index("---", 1)
    return {
        sleutel.strip(): waarde.strip()
        for sleutel, _, waarde in (r.partition(":") for r in regels[1:einde] if r.strip())
    }


def _woorden(tekst: str) -> list[str]:
    """Words of a text as the copy check sees them: lower case, no accents or punctuation."""
    return re.findall(r"\w+", normaliseer(tekst))


def _aantal_woorden(markdown: str) -> int:
    # Markdown marks ('#', '-', '1.') and code fences are not words; anything with a letter
    # or digit is.
    return sum(1 for deel in markdown.split() if any(c.isalnum() for c in deel))


def _runs(woorden: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(woorden[i : i + n]) for i in range(len(woorden) - n + 1)}


def _gedeelde_runs(tekst: str, bron: str) -> list[str]:
    # A web address is a citation, not prose: the same URL in a theme's `bronnen` and in
    # the facts file is the point, not copying.
    gedeeld = _runs(_woorden(_URL.sub(" ", tekst))) & _runs(_woorden(_URL.sub(" ", bron)))
    return sorted(" ".join(run) for run in gedeeld)


@pytest.fixture(scope="module")
def themas() -> list[Thema]:
    return alle_themas()


# -- content ----------------------------------------------------------------------------


def test_minstens_zeventien_themas_en_elk_bestand_wordt_geladen(themas):
    bestanden = sorted(p.stem for p in THEMAS_MAP.glob("*.md"))
    assert len(themas) >= 17
    assert sorted(t.slug for t in themas) == bestanden


def test_vereiste_themas_bestaan(themas):
    slugs = {t.slug for t in themas}
    verwacht = {
        "samenwerkingsverband", "contact", "wettelijke-taken", "toezicht", "gemeenten",
        "pioniers", "ondersteuningsplan", "tlv", "zorgplicht", "ondersteuning", "opr",
        "bezwaar", "clusters", "landelijk", "thuiszitters", "opp", "lwoo-pro",
    }  # fmt: skip
    assert verwacht <= slugs


@pytest.mark.parametrize("pad", sorted(THEMAS_MAP.glob("*.md")), ids=lambda p: p.stem)
def test_kopblok_is_compleet(pad):
    kop = _lees_kop(pad)
    for sleutel in VERPLICHTE_KOP:
        assert kop.get(sleutel), f"{pad.name}: {sleutel} ontbreekt"
    assert kop["slug"] == pad.stem
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", kop["slug"])
    assert kop["volgorde"].isdigit()
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", kop["stand"])


def test_velden_zijn_gevuld(themas):
    for t in themas:
        assert t.titel and t.samenvatting and t.aliassen and t.gerelateerd, t.slug
        assert len(t.samenvatting) <= 110, t.slug
        assert "\n" not in t.samenvatting


def test_tekst_begint_met_titel_en_eindigt_met_meer_lezen(themas):
    for t in themas:
        assert t.tekst.startswith("# "), t.slug
        assert not t.tekst.startswith("---"), t.slug
        koppen = re.findall(r"^## (.+)$", t.tekst, flags=re.MULTILINE)
        assert koppen[-1] == "Meer lezen", t.slug


def test_tekst_heeft_de_goede_lengte(themas):
    for t in themas:
        aantal = _aantal_woorden(t.tekst)
        assert MIN_WOORDEN <= aantal <= MAX_WOORDEN, f"{t.slug}: {aantal} woorden"


def test_gerelateerde_themas_bestaan_en_zijn_niet_zichzelf(themas):
    slugs = {t.slug for t in themas}
    for t in themas:
        assert t.slug not in t.gerelateerd
        assert len(set(t.gerelateerd)) == len(t.gerelateerd), t.slug
        for g in t.gerelateerd:
            assert g in slugs, f"{t.slug} -> {g}"
            assert thema(g).slug == g


def test_verwijzingen_naar_andere_themas_bestaan(themas):
    slugs = {t.slug for t in themas}
    for t in themas:
        for verwezen in re.findall(r"`passend thema ([a-z-]+)`", t.tekst):
            assert verwezen in slugs, f"{t.slug} verwijst naar {verwezen}"


def test_slugs_en_volgorde_zijn_uniek(themas):
    assert len({t.slug for t in themas}) == len(themas)
    assert len({t.volgorde for t in themas}) == len(themas)
    assert [t.volgorde for t in themas] == sorted(t.volgorde for t in themas)


def test_namen_zijn_niet_dubbelzinnig(themas):
    eigenaar: dict[str, str] = {}
    for t in themas:
        for naam in {normaliseer(n) for n in (t.slug, t.titel, *t.aliassen)}:
            assert naam, t.slug
            assert eigenaar.setdefault(naam, t.slug) == t.slug, (
                f"'{naam}' hoort bij {eigenaar[naam]} en {t.slug}"
            )


def test_elke_alias_vindt_zijn_eigen_thema(themas):
    for t in themas:
        for naam in (t.slug, t.titel, *t.aliassen):
            assert zoek_thema(naam).slug == t.slug, naam


def test_wet_van_2015_wordt_met_voorbehoud_genoemd(themas):
    # Texts that lean on the 2015 law say where to check the current version.
    for t in themas:
        if "2015" in t.tekst and ("WPO" in t.tekst or "WVO" in t.tekst):
            assert "wetten.overheid.nl" in t.tekst, t.slug


def test_seedthemas_noemen_de_feiten_van_de_bron():
    tekst = {t.slug: t.tekst for t in alle_themas()}
    for commando in ("passend zoek", "passend toon", "passend lijst"):
        assert commando in tekst["contact"]
    assert "intern toezicht" in tekst["toezicht"].lower()
    assert "Inspectie van het Onderwijs" in tekst["toezicht"]
    for woord in ("jeugdhulp", "OOGO", "ondersteuningsplan"):
        assert woord in tekst["gemeenten"]
    for regio in ("Zuid-Kennemerland", "Utrecht en Stichtse Vecht", "Helmond-Peelland"):
        assert regio in tekst["pioniers"]
    assert "2013–2014" in tekst["pioniers"]
    for cluster in ("Cluster 1", "Cluster 2", "Cluster 3", "Cluster 4"):
        assert cluster in tekst["clusters"]


# -- facts and sources -------------------------------------------------------------------

# Every fact in a text that carries a date, an article or a number, pinned per theme so
# a later edit cannot silently drop it. `test_elk_getal_staat_in_een_vastgelegd_feit`
# checks the other way round: a digit in a text outside these phrases is a new fact that
# has to be pinned here first.
FEITEN_PER_THEMA: dict[str, tuple[str, ...]] = {
    "samenwerkingsverband": (
        "Sinds 1 augustus 2014 geldt in Nederland passend onderwijs",
        "152 samenwerkingsverbanden opgericht: 77 voor po en 75 voor vo",
        "Bij de 77 van het po hoort één landelijk samenwerkingsverband, voor reformatorische",
        "de 150 regionale samenwerkingsverbanden uit de regeling: 76 voor po en 74 voor vo",
        "Hoe de 75 van het vo verdeeld zijn over regionaal en landelijk, vonden wij niet",
        "In 2021 spraken de sectorraden van 151 samenwerkingsverbanden",
        "(WPO), artikel 18a",
        "artikel 17a van de WVO; sinds 1 augustus 2022 geldt de WVO 2020 en staat dit in "
        "artikel 2.47",
        "De tekst van 2015",
    ),
    "contact": (
        "naar het samenwerkingsverband van de regio waar uw kind woont",
        "de regel in de wettekst vonden wij niet",
    ),
    "zorgplicht": (
        "Sinds 1 augustus 2014 hebben schoolbesturen zorgplicht",
        "binnen zes weken naar de Geschillencommissie passend onderwijs",
        "binnen tien weken een oordeel, dat niet bindend is",
        "sinds 1 augustus 2014 bij aangesloten",
        "langer dan vier weken thuis",
    ),
    "ondersteuning": (
        "In 2022 besloot de minister een landelijke norm voor basisondersteuning te maken",
        "Op 24 april 2025 kreeg de Tweede Kamer de eindrapportage",
        "in mei 2024 extra geld uit",
        "Sinds 1 augustus 2017 heeft u instemmingsrecht",
        "minstens één keer in de vier jaar",
        "Wetsvoorstel 36443",
        "(gemeld op 10 mei 2024)",
        "WVO artikel 17b (tekst van 2015)",
    ),
    "opp": (
        "De school is verplicht een OPP op te stellen",
        "binnen zes weken nadat uw kind definitief is ingeschreven",
        "sinds 1 augustus 2013",
        "sinds 1 augustus 2014",
        "Sinds 1 augustus 2017 heeft u instemmingsrecht op het handelingsdeel",
        "elk jaar minstens één keer",
        "Wetsvoorstel 36443 geeft leerlingen het recht om hun mening te geven",
        "op 10 mei 2024",
        "artikel 40a van de WPO, artikelen 40b en 41a van de Wet op de expertisecentra",
        "het oude artikel 26 van de WVO",
    ),
    "tlv": (
        "advies aan twee deskundigen",
        "minstens één schooljaar, met 31 juli als einddatum",
        "binnen zes weken bezwaar",
        "WPO artikel 18a",
        "artikel 2.47 (tot 1 augustus 2022 WVO artikel 17a)",
        "artikel 40 van de Wet op de expertisecentra",
        "de tekst van 2015",
    ),
    "clusters": ("een commissie van onderzoek van de instelling beslist",),
    "lwoo-pro": (
        "Sinds 1 januari 2016 beslist het vo-samenwerkingsverband",
        "er waren er zestien",
        "op 1 januari 2016 over aan de samenwerkingsverbanden",
        "wetsvoorstel 33993",
        "op 10 maart 2015",
        "op 31 maart 2015",
        "in werking op 1 augustus 2015",
        "namen de taak over op 1 januari 2016",
        "Voor lwoo is geen TLV nodig",
    ),
    "thuiszitters": (
        "artikel 16 lid 4 van de Leerplichtwet",
        "artikel 5 onder a",
        "elk jaar vóór 1 juli",
        "Op 13 juni 2016 sloten",
        "in 2020 geen kind langer dan drie maanden",
        "langer dan vier weken",
        "De consultatie liep in 2020",
        "op 14 november 2022",
        "terugdringen verzuim (36663)",
        "Op 22 november 2024 reageerde het kabinet op het advies van de Raad van State",
    ),
    "bezwaar": (
        "binnen zes weken bezwaar",
        "Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaring (LBT)",
        "in 2017 was dat ongeveer driekwart",
        "binnen twee weken advies",
        "sinds 1 augustus 2014 vanzelf aangesloten",
        "binnen zes weken; de commissie behandelt het binnen tien weken",
        "ongeveer 49",
        "WPO artikel 18a lid 12 en het oude WVO artikel 17a lid 13",
        "sinds 1 augustus 2022 in artikel 2.47 van de WVO 2020",
    ),
    "wettelijke-taken": (
        "artikel 18a van de WPO",
        "artikel 17a van de WVO; sinds 1 augustus 2022 geldt de WVO 2020 en is dat artikel 2.47",
        "minstens één keer in de vier jaar",
        "Twee onafhankelijke deskundigen",
        "Sinds 1 januari 2016 wijst het vo-samenwerkingsverband leerwegondersteunend",
        "De wet van 2015 noemde",
        "wetsvoorstel 36443",
        "(gemeld op 10 mei 2024)",
        "WPO artikel 18a en WVO 2020 artikel 2.47",
        "de tekst van 2015",
    ),
    "ondersteuningsplan": (
        "minstens één keer in de vier jaar",
        "vóór 1 mei",
        "uiterlijk eind 2023",
        "In maart 2022 meldde de VO-raad",
        "WPO artikel 18a",
        "WVO 2020 artikel 2.47 (tot 1 augustus 2022 WVO artikel 17a)",
        "de tekst uit 2015",
    ),
    "opr": (
        "in artikel 4a en artikel 14a",
        "Artikel 4a verwijst sinds 1 augustus 2022 voor het vo naar artikel 2.47",
    ),
    "gemeenten": (
        "Thuiszitterspact van 13 juni 2016",
        "brief van 10 mei 2024",
        "ongeveer 1.000 leerlingen",
        "WPO artikel 18a lid 9 en WVO artikel 17a lid 9 (tekst uit 2015)",
        "sinds 1 augustus 2022 in artikel 2.47 van de WVO 2020",
    ),
    "toezicht": (
        "in januari 2019",
        "regeerakkoord voor 2017–2021",
        "Op 13 maart 2019",
        "30 samenwerkingsverbanden opnieuw",
        "In maart 2021",
        "vermoedelijk om 2024",
        "vóór 1 mei",
        "WPO artikel 18a",
        "WVO 2020 artikel 2.47",
    ),
    "landelijk": (
        "In de tekst van 2015 stond dit in WVO artikel 17a lid 16",
        "sinds 1 augustus 2022 gaat artikel 2.47 van de WVO 2020 over samenwerkingsverbanden",
        "in artikel 18a",
        "met de code PO0001",
        "schooljaar 2013/14",
        "75 vo-samenwerkingsverbanden, terwijl dit programma er 74 regionale kent",
        "WPO artikel 18a en WVO 2020 artikel 2.47",
    ),
    "wat-verandert": (
        "sinds 2020",
        "In 2020 lag er een verbeteraanpak",
        "In 2022 koos de minister daarin zeven prioriteiten",
        "Op 24 april 2025",
        "Op 20 maart 2023",
        "inclusief onderwijs in 2035",
        "in 2035 niet af",
        "Wetsvoorstel 36443",
        "op 18 april 2024",
        "Op 10 mei 2024",
        "per 1 augustus 2024 niet lukte",
        "uiterlijk eind 2023",
        "In maart 2022",
        "brief van 10 mei 2024",
        "ongeveer 1.000 leerlingen, 160 miljoen euro voor drie jaar",
        "66 miljoen euro",
        "Op 5 februari 2026",
    ),
    "pioniers": (
        "op 1 augustus 2014",
        "schooljaar 2013–2014",
        "Op 1 oktober 2014 telde het land 152 samenwerkingsverbanden",
        "Sinds 2014 hebben alle samenwerkingsverbanden",
    ),
}

# Digits that name something rather than state a fact: clusters, codes, an example query,
# the name of a law.
_NAAM_MET_CIJFER = re.compile(
    r"[Cc]luster \d( en \d)?|\b[PV]O\d{4}\b|passend zoek \d{4}|\bWVO 2020\b"
)
_LIJSTNUMMER = re.compile(r"^\s*\d{1,2}\.\s", flags=re.MULTILINE)
_CIJFERS = re.compile(r"\d[\d.,/–-]*\d|\d")

_MAAND = {
    "januari": 1, "jan": 1, "februari": 2, "febr": 2, "feb": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MAANDEN = "|".join(sorted(_MAAND, key=len, reverse=True))
_DATUM = re.compile(rf"\b(\d{{1,2}})\s+({_MAANDEN})\.?\s+(\d{{4}})\b", flags=re.IGNORECASE)
_DATUM_CIJFERS = re.compile(r"\b(\d{2})-(\d{2})-(\d{4})\b")
_MAAND_JAAR = re.compile(rf"\b({_MAANDEN})\.?\s+(\d{{4}})\b", flags=re.IGNORECASE)


def _plat(tekst: str) -> str:
    """One line, no bold marks, no list numbers: the form pinned phrases are sought in."""
    return " ".join(_LIJSTNUMMER.sub(" ", tekst).replace("**", "").split())


def _thematekst(t: Thema) -> str:
    return _plat(f"{t.samenvatting}\n{t.tekst}")


def _datums(tekst: str) -> set[tuple[int, int, int]]:
    """Every date in a text as (year, month, day); a month alone has day 0."""
    tekst = _URL.sub(" ", tekst)
    gevonden: set[tuple[int, int, int]] = set()
    for dag, maand, jaar in _DATUM.findall(tekst):
        gevonden.add((int(jaar), _MAAND[maand.lower()], int(dag)))
    for dag, maand, jaar in _DATUM_CIJFERS.findall(tekst):
        gevonden.add((int(jaar), int(maand), int(dag)))
    for maand, jaar in _MAAND_JAAR.findall(tekst):
        gevonden.add((int(jaar), _MAAND[maand.lower()], 0))
    return gevonden


def _als_datum(stand: str) -> tuple[int, int, int]:
    delen = [int(d) for d in stand.split("-")]
    return (delen[0], delen[1], delen[2] if len(delen) == 3 else 0)


@pytest.fixture(scope="module")
def feiten() -> str:
    if not FEITEN.is_file():
        pytest.skip(f"{FEITEN} ontbreekt")
    return FEITEN.read_text(encoding="utf-8").replace("**", "")


@pytest.fixture(scope="module")
def feiten_urls(feiten) -> set[str]:
    return set(_URL.findall(feiten))


def _paginadatums(feiten: str) -> dict[str, set[tuple[int, int, int]]]:
    """URL → the dates the facts file gives for that page: what follows the URL up to the
    next source, ';' or ']' (e.g. "[URL, 10 mei 2024]")."""
    datums: dict[str, set[tuple[int, int, int]]] = {}
    for regel in feiten.splitlines():
        for gevonden in _URL.finditer(regel):
            rest = regel[gevonden.end() :]
            rest = re.split(r"\]|;|https?://", rest, maxsplit=1)[0]
            datums.setdefault(gevonden.group(), set()).update(_datums(rest))
    return datums


def test_datumhelpers():
    assert _datums("nader rapport 22 nov. 2024; 1 augustus 2017") >= {
        (2024, 11, 22), (2017, 8, 1),
    }  # fmt: skip
    assert (2022, 8, 1) in _datums("geldend vanaf 01-08-2022")
    assert (2023, 10, 0) in _datums("[https://x.nl/nieuwsbrief-oktober-2023/, oktober 2023]")
    assert _datums("https://x.nl/2019/03/13/brief") == set()
    assert _plat("1. **Een** plan\n   voor   iedereen") == "Een plan voor iedereen"


@pytest.mark.parametrize("slug", sorted(FEITEN_PER_THEMA))
def test_vastgelegde_feiten_staan_in_de_tekst(slug):
    tekst = _thematekst(thema(slug))
    for feit in FEITEN_PER_THEMA[slug]:
        assert feit in tekst, f"{slug}: '{feit}' ontbreekt"


def test_elk_thema_heeft_vastgelegde_feiten(themas):
    assert {t.slug for t in themas} == set(FEITEN_PER_THEMA)


def test_elk_getal_staat_in_een_vastgelegd_feit(themas):
    for t in themas:
        tekst = _thematekst(t)
        gedekt = [m.span() for m in _NAAM_MET_CIJFER.finditer(tekst)]
        for feit in FEITEN_PER_THEMA.get(t.slug, ()):
            gedekt += [(m.start(), m.end()) for m in re.finditer(re.escape(feit), tekst)]
        for cijfer in _CIJFERS.finditer(tekst):
            begin, einde = cijfer.span()
            assert any(a <= begin and einde <= b for a, b in gedekt), (
                f"{t.slug}: '{tekst[max(0, begin - 40) : einde + 20]}' is geen vastgelegd feit"
            )


def test_elke_datum_in_een_tekst_staat_in_het_feitenbestand(themas, feiten):
    bekend = _datums(feiten)
    maanden = {(j, m) for j, m, _ in bekend}
    for t in themas:
        tekst = _thematekst(t)
        for datum in _datums(tekst):
            if datum[2]:
                assert datum in bekend, f"{t.slug}: {datum} staat niet in feiten.md"
            else:
                assert datum[:2] in maanden, f"{t.slug}: {datum[:2]} staat niet in feiten.md"


def test_datums_in_gewone_schrijfwijze(themas):
    for t in themas:
        assert not re.search(r"\d{4}-\d{2}-\d{2}|\b\d{1,2}-\d{1,2}-\d{4}\b", t.tekst), t.slug
        for maand in ("jan.", "febr.", "aug.", "sept.", "okt.", "nov.", "dec."):
            assert f" {maand} " not in t.tekst, t.slug


def test_elke_bron_staat_in_het_feitenbestand(themas, feiten_urls):
    for t in themas:
        assert t.bronnen, t.slug
        assert len(set(t.bronnen)) == len(t.bronnen), t.slug
        assert any(url in feiten_urls for url in t.bronnen), t.slug
        for url in t.bronnen:
            if url == SEED_ADRES:
                assert any(u.startswith(SEED_ADRES) for u in feiten_urls)
                assert SEED.is_dir()
            else:
                assert url in feiten_urls, f"{t.slug}: {url} staat niet in feiten.md"


def test_stand_is_de_jongste_datum_uit_de_eigen_bronnen(themas, feiten):
    regels = feiten.splitlines()
    paginadatums = _paginadatums(feiten)
    for t in themas:
        stand = _als_datum(t.stand)
        # The stand is a date the facts file gives next to one of the theme's sources...
        assert any(
            stand in _datums(regel) for regel in regels if any(u in regel for u in t.bronnen)
        ), f"{t.slug}: stand {t.stand} staat bij geen van zijn bronnen"
        # ... no source of the theme is dated later ...
        for url in t.bronnen:
            for datum in paginadatums.get(url, ()):
                assert datum <= stand, f"{t.slug}: {url} is van {datum}, na de stand {t.stand}"
        # ... and it is not after the day the facts were gathered.
        assert datetime.date(stand[0], stand[1], stand[2] or 1) <= VERZAMELD


def test_wvo_2020_wordt_genoemd_met_zijn_bron(themas):
    wvo_bron = "https://inview.nl/openCitation/id4c41a974b5374cdfbffd0bfe7bfdc996/"
    for t in themas:
        if "17a" in t.tekst:
            assert "2.47" in t.tekst, f"{t.slug} noemt 17a zonder de WVO 2020"
        if "2.47" in t.tekst:
            assert any(u.startswith(wvo_bron) for u in t.bronnen), t.slug


def test_correcties_uit_het_issue(themas):
    tekst = {t.slug: _thematekst(t) for t in themas}
    alles = " ".join(tekst.values())
    # The OPP is a duty, with consent on its handelingsdeel since 1 August 2017.
    assert "moet de school een ontwikkelingsperspectief (OPP) opstellen" in tekst["ondersteuning"]
    assert "verplicht" in tekst["opp"] and "1 augustus 2017" in tekst["opp"]
    assert "bij ons weten" not in alles.lower()
    # lwoo and pro: no vague "later veranderd", but who decides since when.
    assert "later veranderd" not in alles
    assert "1 januari 2016" in tekst["wettelijke-taken"]
    # Intern toezicht: the known facts instead of "weten wij niet zeker".
    assert "weten wij niet zeker" not in tekst["toezicht"]
    for feit in ("onafhankelijk lid", "13 maart 2019", "wetsvoorstel"):
        assert feit in tekst["toezicht"]
    # A child without a school: the SWV of the region where it lives.
    for slug in ("tlv", "contact"):
        assert "regio waar uw kind woont" in tekst[slug], slug
    # 152 is explained next to the 150 regional SWVs this tool shows.
    for slug, t in tekst.items():
        if "152" in t:
            assert "landelijk" in t, slug
    assert "150 regionale" in tekst["samenwerkingsverband"]
    # Bezwaar names both national committees and what each decides.
    for naam in ("Landelijke Bezwaaradviescommissie", "Geschillencommissie passend onderwijs"):
        assert naam in tekst["bezwaar"]
    assert "niet bindend" in tekst["bezwaar"]
    # Thuiszitters covers what zorgplicht never mentioned.
    for woord in ("leerplicht", "vrijstelling", "Thuiszitterspact", "onderwijsconsulent"):
        assert woord.lower() in tekst["thuiszitters"].lower()


def test_onbevestigd_wordt_zo_genoemd(themas):
    tekst = {t.slug: _thematekst(t) for t in themas}
    # Bill 36443: passed by the Tweede Kamer; the rest unknown, said with its last date.
    for slug in ("opp", "wat-verandert"):
        assert "Eerste Kamer" in tekst[slug] and "vonden wij niet" in tekst[slug], slug
    # The independent-toezicht bill: announced, no sign of submission or adoption.
    assert "ingediend of aangenomen, vonden wij niet" in tekst["toezicht"]
    # No law text found for the home-region rule, nor for a minimum or maximum TLV term.
    assert "wettekst vonden wij niet" in tekst["contact"]
    assert "maximumduur vonden wij niet" in tekst["tlv"]
    # The unconfirmed 2018 start of the consent right is not used anywhere.
    assert "augustus 2018" not in " ".join(tekst.values())


def test_markdown_toont_stand_en_bronnen(themas):
    for t in themas:
        md = t.markdown
        assert md.startswith(t.tekst.rstrip("\n"))
        assert f"\n*Stand: {t.stand_tekst} (de jongste datum in de bronnen hieronder).*\n" in md
        assert re.findall(r"^## (.+)$", md, flags=re.MULTILINE)[-1] == "Bronnen"
        lijst = md.split("## Bronnen", 1)[1]
        assert [r[2:] for r in lijst.splitlines() if r.startswith("- ")] == list(t.bronnen)
        assert md.endswith("\n") and not md.endswith("\n\n")


def test_stand_in_gewone_schrijfwijze():
    basis = thema("opp")
    assert basis._replace(stand="2017-08-01").stand_tekst == "1 augustus 2017"
    assert basis._replace(stand="2023-10").stand_tekst == "oktober 2023"
    assert thema("thuiszitters").stand_tekst == "22 november 2024"


@pytest.mark.parametrize(
    ("kop", "melding"),
    [
        ("stand: 2024-13-01", "stand"),
        ("stand: 10 mei 2024", "stand"),
        ("stand: 2024-02-30", "stand"),
        ("bronnen: onderwijsgeschillen.nl", "bron"),
        ("bronnen: ,", "bronnen"),
    ],
)
def test_ongeldige_stand_of_bron_is_een_datafout(kop, melding):
    from passend_cli.fouten import DataFout
    from passend_cli.thema import _ontleed

    sleutel = kop.split(":")[0]
    regels = [
        "---", "slug: x", "volgorde: 1", "titel: X", "samenvatting: x", "aliassen: x",
        "gerelateerd: y", "stand: 2024-05-10", "bronnen: https://example.org/", "---", "# X",
    ]  # fmt: skip
    regels = [kop if r.startswith(f"{sleutel}:") else r for r in regels]
    with pytest.raises(DataFout) as fout:
        _ontleed("x.md", "\n".join(regels))
    assert melding in fout.value.bericht


# -- own words --------------------------------------------------------------------------


def _bronnen(map_: Path, patroon: str) -> list[Path]:
    if not map_.is_dir():
        pytest.skip(f"{map_} ontbreekt")
    gevonden = sorted(map_.glob(patroon))
    if not gevonden:
        pytest.skip(f"geen bronnen in {map_}")
    return gevonden


def test_runs_helper_vindt_een_gekopieerde_zin():
    bron = "Het samenwerkingsverband stelt ten minste eenmaal in de 4 jaar een plan vast."
    assert _gedeelde_runs("Let op: het Samenwerkingsverband stelt ten minste eenmaal in de", bron)
    assert not _gedeelde_runs("Het samenwerkingsverband maakt minstens eens per vier jaar", bron)


def test_geen_zin_overgenomen_van_de_seedpagina():
    bronnen = _bronnen(SEED, "*.txt")
    for pad in sorted(THEMAS_MAP.glob("*.md")):
        for bron in bronnen:
            gedeeld = _gedeelde_runs(pad.read_text(encoding="utf-8"), bron.read_text("utf-8"))
            assert not gedeeld, f"{pad.name} deelt met {bron.name}: {gedeeld[:3]}"


def test_geen_zin_overgenomen_uit_het_feitenbestand():
    if not FEITEN.is_file():
        pytest.skip(f"{FEITEN} ontbreekt")
    bronnen = [FEITEN, FEITEN.with_name("PROVENANCE.md")]
    for pad in sorted(THEMAS_MAP.glob("*.md")):
        for bron in bronnen:
            gedeeld = _gedeelde_runs(pad.read_text(encoding="utf-8"), bron.read_text("utf-8"))
            assert not gedeeld, f"{pad.name} deelt met {bron.name}: {gedeeld[:3]}"


def test_urls_tellen_niet_als_overgenomen_tekst():
    url = "https://www.passendonderwijs.nl/samenwerkingsverbanden-en-gemeenten/wat-zijn-x/"
    assert not _gedeelde_runs(f"bronnen: {url}", f"[{url}, geen datum]")


def test_geen_zin_overgenomen_uit_de_wetteksten():
    bronnen = [p for p in _bronnen(WETTEKSTEN, "*.md") if p.name != "PROVENANCE.md"]
    assert bronnen
    for pad in sorted(THEMAS_MAP.glob("*.md")):
        for bron in bronnen:
            gedeeld = _gedeelde_runs(pad.read_text(encoding="utf-8"), bron.read_text("utf-8"))
            assert not gedeeld, f"{pad.name} deelt met {bron.name}: {gedeeld[:3]}"


# -- lookup -----------------------------------------------------------------------------


@pytest.mark.parametrize(("vraag", "slug"), SEED_VRAGEN.items())
def test_seedthemas_vindbaar_met_een_gewone_vraag(vraag, slug):
    assert zoek_thema(vraag).slug == slug


@pytest.mark.parametrize(("vraag", "slug"), KORTE_VRAGEN.items())
def test_korte_vragen(vraag, slug):
    assert zoek_thema(vraag).slug == slug


@pytest.mark.parametrize(("vraag", "slug"), TYPFOUTEN.items())
def test_typfouten(vraag, slug):
    assert zoek_thema(vraag).slug == slug


def test_hoofdletters_accenten_en_spaties_maken_niet_uit():
    assert zoek_thema("  ToelaatbaarheidsVerklaring ").slug == "tlv"
    assert zoek_thema("Bartiméus").slug == "clusters"
    assert zoek_thema("wettelijke-taken").slug == "wettelijke-taken"


def test_begin_van_een_woord_is_genoeg():
    assert zoek_thema("toelaatb").slug == "tlv"
    assert zoek_thema("pionier").slug == "pioniers"
    assert zoek_thema("ondersteuningsplanr").slug == "opr"


def test_thema_vraagt_exacte_slug():
    assert thema("tlv").titel.startswith("De toelaatbaarheidsverklaring")
    with pytest.raises(NietGevonden) as fout:
        thema("TLV ")
    assert "tlv" in fout.value.suggesties


@pytest.mark.parametrize("leeg", ["", " ", "\t\n", "   \u00a0 "])
def test_lege_vraag_is_ongeldige_invoer(leeg):
    with pytest.raises(OngeldigeInvoer) as fout:
        zoek_thema(leeg)
    # The library names no command: the CLI is the one to say how to call it.
    assert fout.value.bericht == (
        "Geef een onderwerp op, bijvoorbeeld tlv, zorgplicht of thuiszitters."
    )
    assert fout.value.exitcode == 2


def test_onbekend_thema_noemt_alle_themas_en_raadt_niets():
    with pytest.raises(NietGevonden) as fout:
        zoek_thema("vakantierooster")
    slugs = [t.slug for t in alle_themas()]
    assert fout.value.bericht == (
        "Onbekend thema: 'vakantierooster'. Er zijn thema's over: " + ", ".join(slugs) + "."
    )
    assert fout.value.exitcode == 1
    assert fout.value.suggesties == []


def test_onbekend_thema_dichtbij_geeft_suggesties_zonder_lijst():
    with pytest.raises(NietGevonden) as fout:
        zoek_thema("zorgplict school")
    assert fout.value.bericht == "Onbekend thema: 'zorgplict school'."
    assert fout.value.suggesties == ["zorgplicht"]


@pytest.mark.parametrize("woord", ONVERWANT)
def test_onverwante_woorden_krijgen_geen_thema(woord):
    assert suggesties(woord, n=10) == []
    with pytest.raises(NietGevonden) as fout:
        zoek_thema(woord)
    assert fout.value.suggesties == []
    assert "Er zijn thema's over: samenwerkingsverband" in fout.value.bericht


def test_dyslexie_vindt_het_thema_dat_erover_gaat():
    # Not "Bedoelde u: clusters?": ondersteuning covers dyslexie, by a deliberate alias.
    assert zoek_thema("dyslexie").slug == "ondersteuning"
    assert "dyslexie" in thema("ondersteuning").tekst


def test_elk_thema_is_bereikbaar_met_gewone_woorden(themas):
    gevraagd = {*SEED_VRAGEN.values(), *KORTE_VRAGEN.values()}
    assert gevraagd == {t.slug for t in themas}
    for t in themas:
        assert zoek_thema(t.slug.replace("-", " ")).slug == t.slug


def test_meldingen_noemen_geen_commando():
    meldingen = []
    for poging in (lambda: zoek_thema(""), lambda: zoek_thema("pizza"), lambda: thema("x")):
        with pytest.raises((NietGevonden, OngeldigeInvoer)) as fout:
            poging()
        meldingen.append(fout.value.bericht)
    for bericht in meldingen:
        assert "passend" not in bericht, bericht


def test_suggesties_beste_eerst_en_deterministisch():
    assert suggesties("ondersteuningsplam")[0].slug == "ondersteuningsplan"
    eerste = [t.slug for t in suggesties("ondersteuning plan", n=3)]
    assert {"ondersteuning", "ondersteuningsplan"} <= set(eerste)
    assert len(eerste) == len(set(eerste)) <= 3
    assert [t.slug for t in suggesties("ondersteuning plan", n=3)] == eerste
    assert len(suggesties("ondersteuning", n=10)) > 3
    assert suggesties("") == []
    assert suggesties("tlv", n=0) == []


def test_json_vorm():
    data = zoek_thema("tlv").als_json()
    assert list(data) == [
        "slug", "titel", "samenvatting", "tekst", "gerelateerd", "stand", "bronnen",
    ]  # fmt: skip
    assert isinstance(data["gerelateerd"], list)
    assert data["slug"] == "tlv"
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", data["stand"])
    assert data["bronnen"] and all(u.startswith("http") for u in data["bronnen"])
    json.dumps(data)


def test_alle_themas_is_gecachet_maar_veilig_te_wijzigen():
    lijst = alle_themas()
    lijst.clear()
    assert alle_themas()
    assert alle_themas()[0] is alle_themas()[0]


@pytest.mark.parametrize(
    ("soort", "slug"),
    [
        ("samenwerkingsverband", "samenwerkingsverband"),
        ("gemeente", "contact"),
        ("woonplaats", "contact"),
        ("voormalige gemeente", "contact"),
        ("postcode", "contact"),
        ("iets anders", "samenwerkingsverband"),
    ],
)
def test_thema_voor_zoekresultaat(soort, slug):
    assert thema_voor_zoekresultaat(soort) == slug
    assert thema(thema_voor_zoekresultaat(soort)).slug == slug


# -- robustness -------------------------------------------------------------------------

JUNK = [
    "x" * 10_000,
    "tlv " * 3_000,
    "\x00\x01\x02\x1b[31m",
    "😴",
    "🏫📚👩‍👧",
    "مدرسة خاصة",
    "\u202etlv\u202c",
    "%s",
    "%(slug)s {0} {slug}",
    "'; DROP TABLE themas; --",
    "../../../etc/passwd",
    "€",
    "s",
    "---",
    "\ufeff",
    "ß" * 300,
]


def _alleen_onze_fouten(invoer: str) -> None:
    try:
        gevonden = zoek_thema(invoer)
    except (NietGevonden, OngeldigeInvoer) as fout:
        # One line; long enough for the list of themes, never the query in full.
        assert "\n" not in fout.bericht
        assert len(fout.bericht) < 400
    else:
        assert isinstance(gevonden, Thema)
    assert isinstance(suggesties(invoer), list)
    with contextlib.suppress(NietGevonden):
        thema(invoer)


@pytest.mark.parametrize("invoer", JUNK, ids=range(len(JUNK)))
def test_rommel_geeft_alleen_onze_fouten(invoer):
    _alleen_onze_fouten(invoer)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_willekeurige_tekst_geeft_alleen_onze_fouten(invoer):
    _alleen_onze_fouten(invoer)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=150, max_size=5_000))
def test_lange_willekeurige_tekst(invoer):
    _alleen_onze_fouten(invoer)


def test_fouten_horen_bij_de_hierarchie():
    assert issubclass(NietGevonden, PassendFout)
    assert issubclass(OngeldigeInvoer, PassendFout)


def test_importeren_leest_niets_en_laadt_geen_rapidfuzz():
    code = (
        "import sys\n"
        "import passend_cli.thema\n"
        "assert 'rapidfuzz' not in sys.modules, 'rapidfuzz'\n"
        "assert 'typer' not in sys.modules and 'rich' not in sys.modules\n"
        "assert passend_cli.thema._geladen.cache_info().currsize == 0\n"
    )
    uitkomst = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
