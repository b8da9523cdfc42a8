"""Regenerate the bundled dataset (developers only):
``python -m passend_cli.bouw --sources ../shared/sources --out data``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from passend_cli.samenstellen.postcodes import PEILDATUM_REGELING
from passend_cli.samenstellen.rijen import BouwFout
from passend_cli.samenstellen.schrijven import schrijf
from passend_cli.samenstellen.uit_bronnen import bouw

DATASET_VERSIE = "2026.1"

REFERENTIEDATA = {
    "regio_indeling": PEILDATUM_REGELING,
    "gemeentelijke_indeling": "2025-01-01",
    "postcodes_geonames": "2024-04-12",
    "woonplaatsen": "2025-07-16",
    "plaatsenlijst_wikipedia": "2020-09-21",
    "herindelingen_tabel33": "2019-01-01",
    "contactgegevens": "2026-12-01",
    # The known changes after 2015 come from the same pages as the contact facts.
    "wijzigingen": "2026-12-01",
    # The school lists: primary schools of school year 2019-2020, secondary of about
    # December 2020; "ca. 2020" until a refresh brings DUO's current lists.
    "scholenlijst": "ca. 2020",
    "koppeling_scholen_vo": "2014-2015",
}

METADATA = {
    "versie": DATASET_VERSIE,
    "herkomst": "meegeleverd",
    # Which regio-indeling the areas follow: "regeling" (2015) or "duo" (a refresh).
    "indeling": "regeling",
    "omschrijving": (
        "Regio-indeling volgens de Regeling regio-indeling samenwerkingsverbanden passend "
        "onderwijs PO en VO (BWBR0032324), tekst van 23 april 2015; gemeentenamen volgens "
        "de gemeentelijke indeling van 2025 (342 gemeenten)."
    ),
    "referentiedata": REFERENTIEDATA,
    "bronnen": [
        "Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO (BWBR0032324)",
        "RvIG Landelijke Tabel 33 Gemeententabel",
        "CBS Gemeenten alfabetisch 2023",
        "CBS gemeentelijke indeling 2025 (via regioviewer)",
        "GeoNames postal codes NL",
        "Woonplaatsen en gemeenten (provinciequiz)",
        "Lijst van Nederlandse plaatsen (Wikipedia, via Lijst-Woonplaatsen-Nederland)",
        "Webpagina's van samenwerkingsverbanden, scholen en gemeenten",
        "DUO open onderwijsdata: basisscholen ca. 2020 (via alleschools)",
        "DUO open onderwijsdata: Alle vestigingen VO ca. 2020 en VO-samenwerkingsverband "
        "per vestiging 2014-2015 (via ginberg/cito)",
    ],
}

BRONNEN_MD = """\
# Bronnen van de gebundelde dataset

Deze map wordt gemaakt door `python -m passend_cli.bouw --sources ../shared/sources --out data`.
Alle bestanden zijn UTF-8 CSV, gesorteerd; `metadata.json` geeft per bestand het aantal
rijen en een SHA-256-controlesom. De feiten komen uit de bronnen hieronder; de bestanden
zelf, hun indeling en alle teksten zijn van dit project.

**Peildata.** Regio-indeling: de regeling zoals die gold op 23 april 2015.
Gemeentenamen: gemeentelijke indeling van 1 januari 2025 (342 gemeenten).
Postcodes buiten de regeling: GeoNames, 12 april 2024. Contactgegevens: webpagina's,
verzameld tot 1 december 2026; de pagina's zelf zijn van onbekende datum (ongeveer 2020–2026).

| bron | wat is overgenomen | peildatum | licentie |
|---|---|---|---|
| Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO (BWBR0032324), via statengeneraal/laws-markdown | per postcode (PC4) het PO- en VO-samenwerkingsverband en de gemeentenaam van 2015 (`postcodes.csv`) | 2015-04-23 | wetgeving, geen auteursrecht (art. 11 Auteurswet) |
| RvIG Landelijke Tabel 33 Gemeententabel, via gemeenteshertogenbosch/landelijketabellencatalogus | herindelingen 2013–2019: opgeheven gemeenten, datum en opvolger (`voormalige_gemeenten.csv`, doorrekenen van de namen van 2015) | 2019 | RvIG; repository onder EUPL (VNG Realisatie) |
| CBS Gemeenten alfabetisch 2023, via edugis-repo/cbsbuurtwijkgemeente | de 342 gemeenten: code, naam, provincie (`gemeenten.csv`) | 2023-01-01 (gelijk aan 2025) | CBS open data, CC BY 4.0 |
| CBS gemeentelijke indeling 2025, via entranos/regioviewer | officiële schrijfwijzen zoals "Bergen (NH.)" en "Hengelo (O.)" (`aliassen.csv`) | 2025 | CBS open data, CC BY 4.0 |
| GeoNames postal codes NL, via symerio/postal-codes-data | huidige gemeente van postcodes in gesplitste gemeenten, postcodes die na 2015 zijn bijgekomen, postcodes per woonplaats | 2024-04-12 | CC BY 4.0, © GeoNames |
| Woonplaatsen en gemeenten, via etjanssens/provinciequiz | de officiële woonplaatsen (BAG-spelling) met hun gemeente (`woonplaatsen.csv`, bron `woonplaatsen`); een woonplaats die over een gemeentegrens loopt, staat er één keer, met `ook_in` | ca. 2025 (commit 2025-07-16) | geen licentie vermeld; alleen feiten overgenomen |
| Lijst van Nederlandse plaatsen (Wikipedia), via mvanl94/Lijst-Woonplaatsen-Nederland- | kernen, buurtschappen en andere namen met hun gemeente en postcodebereik, alleen waar de gemeente eenduidig is en de plaats niet al als officiële woonplaats in die gemeente staat (`woonplaatsen.csv`, bron `wikipedia`); bij het zoeken komen ze ná de officiële woonplaatsen | ca. 2020 (commit 2020-09-21) | Wikipedia, CC BY-SA; alleen feiten overgenomen |
| CBS postcodegebieden (PC4) 2020, "Kerncijfers per postcode", via het R-pakket certe-medical-epidemiology/certegis | de omtrekken van de PC4-gebieden, vereenvoudigd tot gedeelde grenzen zonder gaten of overlap (`pc4_kaart.bin`, gemaakt door `python -m passend_cli.kaart.bouwen`; niet in `metadata.json`, want een bijgewerkte dataset gebruikt dezelfde vlakken) | 2020 | CBS open data, CC BY 4.0, "Bron: CBS"; overgenomen uit certegis (GPL-2) |
| Webpagina's van samenwerkingsverbanden, scholen en gemeenten (verzameld in `swv_contacts.csv`) | naam, andere namen, website, adres, e-mail, telefoon, bewijskracht en bron-URL's per samenwerkingsverband, met een eigen toelichting (`samenwerkingsverbanden.csv`); wijzigingen na 2015 (`wijzigingen.csv`) | pagina's ca. 2020–2026 | feiten van openbare pagina's; de bron-URL staat bij elke rij |
| Basisscholen uit DUO open onderwijsdata (schooladvies- en vestigingsbestanden), via zhaidewei/alleschools (`schools_xy_coords_po.csv`, uit de geschiedenis van de repository) | per basisschool en school voor speciaal basisonderwijs: vestigingscode, naam, soort, postcode, gemeente (`scholen.csv`) | schooljaar 2019–2020 | repository MIT; gegevens DUO open onderwijsdata (CC0) |
| DUO "Alle vestigingen VO", via ginberg/cito | per vestiging voortgezet onderwijs: vestigingscode, naam, adres, postcode, plaats, gemeentecode (`scholen.csv`) | ca. december 2020 | DUO open onderwijsdata (CC0); de repository noemt geen licentie |
| DUO voortijdig schoolverlaters per samenwerkingsverband, via ginberg/cito | per vestiging voortgezet onderwijs het VO-samenwerkingsverband van schooljaar 2014–2015 (`scholen.csv`, herkomst `koppeling_2015`) | 2014–2015 | DUO open onderwijsdata (CC0); de repository noemt geen licentie |

**Herindelingen na 2019.** Tabel 33 eindigt in 2019. De latere herindelingen (Eemsdelta
2021, opsplitsing van Haaren 2021, Dijk en Waard, Land van Cuijk, Maashorst, Beemster naar
Purmerend 2022, Weesp naar Amsterdam op 24 maart 2022, Voorne aan Zee 2023) staan in de
bouwcode en worden bij elke bouw nagerekend tegen de gemeentecodes van GeoNames 2024 en
de gemeentelijke indeling van CBS.

**Woonplaatsen en hun postcodes.** De postcodes van een woonplaats zijn de PC4's die
GeoNames bij die plaatsnaam in die gemeente noemt, voor zover de tabel van de regeling
ze in (een van) haar gemeenten legt; zo antwoordt een dorp met de
samenwerkingsverbanden van zijn eigen postcodes. Een naam met het achtervoegsel van de
postlijsten ("Loo Gld", "Spijk Gn") is ook zonder dat achtervoegsel te vinden.

**Wat leeg is, is onbekend.** Een leeg veld betekent dat geen bron het gaf; er is niets
aangevuld. Bij `samenwerkingsverbanden.csv` zegt `bewijs` hoe zeker de naam bij de code
hoort: `code_on_page` (de code staat op de pagina), `region_match` (naam en gemeenten
passen bij het gebied van de code) of leeg (niet gevonden).

**Contactgegevens.** Website, adres, e-mail en telefoon van een samenwerkingsverband komen
van webpagina's (zie de tabel). `contact_bron` is `webpagina's` zodra er minstens één van
die gegevens bekend is, en anders leeg; `contact_datum` is dan 2026-12-01, de dag waarop
het verzamelen eindigde, niet de datum van de pagina's. `opmerking` is een korte eigen
toelichting: van wie een nummer of adres eigenlijk is (een aanmeldpunt, loket, steunpunt of
afdeling van het samenwerkingsverband zelf, een kantoor of website die PO en VO delen), dat
het van de pagina van een school of schoolbestuur komt, dat de koppeling aan de regio zwak
is of dat er een tweede website bestaat. Wat niet van het samenwerkingsverband zelf is, is
per geval beoordeeld. Weggelaten zijn: de website van Kind op 1 bij O3 (PO2902), een adres
van de klantenpagina van een webbureau (PO2501) en een website die alleen was afgeleid en
op geen pagina stond (PO2703). Gegevens die ouders toch bij de juiste mensen brengen, zijn
gehouden en hebben een opmerking. In `bronnen` staan alleen pagina's over dat
samenwerkingsverband: een docplayer-pagina met het jaarverslag van IJssel|Berkel, die bij
zes andere samenwerkingsverbanden stond, is daar weggelaten. Na deze bewerking hebben 119
van de 150 samenwerkingsverbanden een website, 14 een straat (11 met postcode), 20 een
plaats, 13 een e-mailadres en 17 een telefoonnummer; 45 hebben een opmerking.

**Wijzigingen na 2015.** `wijzigingen.csv` beschrijft wat de bronnen sinds de regeling
zien veranderen, in eigen woorden. `soort` is `opvolger` (2): een andere organisatie
bedient het gebied nu in plaats van het samenwerkingsverband van 2015; `naam` (4): hetzelfde
samenwerkingsverband onder een nieuwe naam, die ook als naam wordt getoond, terwijl de oude
vindbaar blijft; `samenwerking` (7): samenwerkingsverbanden die samen optrekken maar formeel
blijven bestaan; `organisatie` (3): een andere rechtsvorm of interne indeling. `datum` is
leeg als geen bron hem noemt; `gemeenten` is leeg als de wijziging het hele
samenwerkingsverband betreft; `bron` is de pagina die de wijziging noemt; `opvolger_code`
is alleen gevuld als een bron de code van de opvolger geeft (nu bij geen enkele). Niet
opgenomen: de PO-samenwerkingsverbanden die op 1 augustus 2014 uit de WSNS-verbanden
ontstonden (vóór de regeling van 2015), gemeentelijke herindelingen (die staan in
`voormalige_gemeenten.csv`), verhuisde websites en veranderingen in het interne toezicht.

**Postcodes.** `herkomst` is `regeling` voor de 4.046 postcodes uit de regeling
(3197–3199, Europoort, hebben daar geen samenwerkingsverband) en `afgeleid` voor
postcodes die later zijn bijgekomen: die krijgen het samenwerkingsverband van de andere
postcodes van hun woonplaats als die het eens zijn, anders dat van hun gemeente als
die er per sector één heeft, anders blijft het leeg. Postcode 9613 (Meerstad) staat in
de regeling bij Slochteren; alle andere bronnen leggen haar sinds de grenscorrectie van
2017 in Groningen, en zo staat ze ook hier (met de samenwerkingsverbanden van de
regeling). Een nieuwere postcode waarvan de eerste twee cijfers nergens anders in haar
gemeente voorkomen, wordt alleen geloofd als beide plaatsenlijsten haar daar leggen
(9614, 9622); zo vallen tikfouten van GeoNames weg (1234 "in Vaals").

**Scholen.** `scholen.csv` heeft 8.208 schoolvestigingen: 6.318 basisscholen (`bo`),
271 scholen voor speciaal basisonderwijs (`sbo`) en 1.619 vestigingen voortgezet
onderwijs (`vo`), met hun huidige gemeente (de gemeente van de lijst, doorgerekend
naar de indeling van 2025). De lijst is van ongeveer 2020 (peildatum `scholenlijst`):
scholen die sindsdien zijn geopend, gefuseerd, verhuisd of gesloten ontbreken of staan
er nog in, en de basisscholenlijst is niet volledig (scholen zonder gegevens over
schooladviezen ontbreken). `plaats` is bij vo de plaats van de lijst, gespeld zoals
GeoNames hem bij de postcode spelt; de basisscholenlijst noemt geen plaats en geen
straat, daar is het de plaats van de postcode volgens GeoNames als die postcode één
plaats heeft (bij 380 scholen niet: leeg).

Het samenwerkingsverband van een school (PO voor bo en sbo, VO voor vo) en zijn
`herkomst_swv`, in deze volgorde: `rio` (de koppeling van DUO/RIO; pas na een
update), `koppeling_2015` (het VO-samenwerkingsverband van de vestiging in
schooljaar 2014–2015; 1.146 vestigingen) en `postcode` (het samenwerkingsverband van
de postcode van de school in de regeling; 7.032 vestigingen). 30 vestigingen vo
hebben geen regionaal samenwerkingsverband (`reden` `landelijk`): 25 hoorden in 2015
bij het landelijke samenwerkingsverband VO0001 (reformatorisch onderwijs), 5 zijn
nieuwere vestigingen van dezelfde scholen (BRIN); de wet rekent zulke vestigingen niet
tot een regionaal samenwerkingsverband. Reformatorische basisscholen horen bij het
landelijke PO0001, maar de basisscholenlijst zegt niet welke scholen dat zijn: bij
hen kan het samenwerkingsverband volgens de postcode onjuist zijn.

**Herstelde tekens.** In 92 rijen van de basisscholenlijst is de gemeentenaam
verkeerd gedecodeerd ("S·dwest-FryslÔn", "Noardeast-FryslÔn": Latin-1 gelezen als
codepagina 850). Ze zijn hersteld tot Súdwest-Fryslân (55) en Noardeast-Fryslân (37),
omdat precies één terugvertaling een bestaande gemeentenaam geeft; geen rij is
weggelaten. In 4 namen stond een los aanhalingsteken (`BS "De Maasparel`); dat is
weggelaten.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m passend_cli.bouw",
        description="Bouw de gebundelde dataset uit de bronbestanden.",
    )
    parser.add_argument("--sources", type=Path, required=True, help="map met de bronnen")
    parser.add_argument("--out", type=Path, required=True,
                        help="doelmap (bijv. data)")
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        print(f"Bronmap {args.sources} bestaat niet.", file=sys.stderr)
        return 3
    try:
        ds = bouw(args.sources)
        meta = schrijf(ds, args.out, METADATA, BRONNEN_MD)
    except (BouwFout, OSError, KeyError, ValueError) as fout:
        print(f"Bouwen mislukt: {fout}", file=sys.stderr)
        return 3
    for melding in ds.meldingen:
        print(f"let op: {melding}", file=sys.stderr)
    for naam, waarde in meta["aantallen"].items():
        print(f"{naam:>28}: {waarde}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
