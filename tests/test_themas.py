"""The `thema` library and its texts: every theme is complete, findable and our own words."""

from __future__ import annotations

import contextlib
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

VERPLICHTE_KOP = ("slug", "titel", "samenvatting", "aliassen", "gerelateerd", "volgorde")
MIN_WOORDEN, MAX_WOORDEN = 150, 400
RUN = 8  # this many consecutive words shared with a source counts as copying

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
}


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
    gedeeld = _runs(_woorden(tekst)) & _runs(_woorden(bron))
    return sorted(" ".join(run) for run in gedeeld)


@pytest.fixture(scope="module")
def themas() -> list[Thema]:
    return alle_themas()


# -- content ----------------------------------------------------------------------------


def test_minstens_twaalf_themas_en_elk_bestand_wordt_geladen(themas):
    bestanden = sorted(p.stem for p in THEMAS_MAP.glob("*.md"))
    assert len(themas) >= 12
    assert sorted(t.slug for t in themas) == bestanden


def test_vereiste_themas_bestaan(themas):
    slugs = {t.slug for t in themas}
    verwacht = {
        "samenwerkingsverband", "contact", "wettelijke-taken", "toezicht", "gemeenten",
        "pioniers", "ondersteuningsplan", "tlv", "zorgplicht", "ondersteuning", "opr",
        "bezwaar", "clusters", "landelijk",
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
    assert fout.value.bericht == "Geef een onderwerp op, bijvoorbeeld: passend thema tlv."
    assert fout.value.exitcode == 2


def test_onbekend_thema_geeft_bericht_en_suggesties():
    with pytest.raises(NietGevonden) as fout:
        zoek_thema("vakantierooster")
    assert fout.value.bericht == "Onbekend thema: 'vakantierooster'."
    assert fout.value.exitcode == 1
    assert len(fout.value.suggesties) <= 3
    slugs = {t.slug for t in alle_themas()}
    assert set(fout.value.suggesties) <= slugs


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
    assert list(data) == ["slug", "titel", "samenvatting", "tekst", "gerelateerd"]
    assert isinstance(data["gerelateerd"], list)
    assert data["slug"] == "tlv"


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
        assert "\n" not in fout.bericht
        assert len(fout.bericht) < 200
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
