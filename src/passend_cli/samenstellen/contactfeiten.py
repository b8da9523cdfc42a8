"""The curated tables behind the contact facts and the known changes of the SWVs.

Every entry rests on the ``note`` of a row of ``swv-webpages/swv_contacts.csv`` or on a
section of its PROVENANCE.md; the comment above it says which. The texts are Dutch and
our own words: facts carry over from the notes, sentences do not. Nothing here adds a
fact: a table may drop a field, label it, leave out a source URL or describe a change
the sources record. ``tests/test_contactfeiten.py`` checks that every entry still
refers to an existing code, field and URL, so the tables cannot rot silently.
"""

from __future__ import annotations

# The contact fields of ``samenwerkingsverbanden.csv`` a curation may drop.
ADRES = ("straat", "postcode", "plaats")
CONTACTVELDEN = ("website", *ADRES, "email", "telefoon")

# --- contact facts ---------------------------------------------------------------------

# code -> (fields to drop, Dutch note for ``opmerking``). A fact that is not the SWV's own
# is dropped when it does not belong to the SWV, and kept with a note when it still helps a
# parent reach the right people (a loket or office of the SWV itself, a shared PO+VO
# office or site). An entry without fields only labels.
CONTACTCURATIE: dict[str, tuple[tuple[str, ...], str]] = {
    # note: "Postbus and older site www.passendonderwijsgroningen.nl/... from a school
    # page (gbsdewierde.nl) naming 'SWV 20-01'".
    "PO2001": ((), "Het postbusadres komt van de pagina van een aangesloten school, die nog "
               "een oudere website van het samenwerkingsverband noemt."),
    # note: "separate PO and VO SWVs (each own legal entity) ... sharing one office/site
    # 'Passend Onderwijs Drenthe'"; VO2201: "Same site/office as PO 22-01".
    "PO2201": ((), "Kantoor en website (Passend Onderwijs Drenthe) worden gedeeld met het "
               "VO-samenwerkingsverband; het zijn wel twee aparte organisaties."),
    "VO2201": ((), "Kantoor en website (Passend Onderwijs Drenthe) worden gedeeld met het "
               "PO-samenwerkingsverband; het zijn wel twee aparte organisaties."),
    # note: "Address/phone/e-mail are those of 'afdeling Meppel' (vvemeppel.nl), not
    # necessarily the head office."
    "PO2203": ((), "Adres, telefoon en e-mail zijn van de afdeling Meppel van het "
               "samenwerkingsverband; het hoofdkantoor kan ergens anders zitten."),
    # note: "Code on pages: a school page (spoescholen.nl) calls it 'Samenwerkingsverband
    # Twente Oost PO' with site https://www.swvtwenteoostpo.nl/ (apparent rename)".
    "PO2302": ((), "Een schoolpagina geeft www.swvtwenteoostpo.nl als website; welke van de "
               "twee websites nu geldt, is niet bekend."),
    # note: "E-mail/phone are those of its 'loket' for pupils moving to Deventer."
    "PO2303": ((), "E-mail en telefoon zijn van het loket van Sine Limite voor leerlingen die "
               "naar Deventer verhuizen."),
    # note: "PO and VO SWVs of Almere both sit under the coöperatie Passend Onderwijs
    # Almere (shared website)"; VO2401: "Shared website with SLA-PO".
    "PO2401": ((), "De website is van de Coöperatie Passend Onderwijs Almere, waarin dit "
               "samenwerkingsverband en SLA-VO samenwerken."),
    "VO2401": ((), "De website is van de Coöperatie Passend Onderwijs Almere, waarin dit "
               "samenwerkingsverband en SLA-PO samenwerken."),
    # note: "Address from a web agency's client page." Not a page meant to reach the SWV:
    # the address may be the agency's or an old one, so it is left out.
    "PO2501": (ADRES, ""),
    # note: "Phone/e-mail = Regionaal Aanmeld Punt (RAP)."
    "PO2502": ((), "Telefoon en e-mail zijn van het Regionaal Aanmeldpunt (RAP) van het "
               "samenwerkingsverband."),
    # note: "Website is shared by PO and VO SWV (VO section /voortgezet-onderwijs/)".
    "PO2701": ((), "Eén website voor het PO- en het VO-samenwerkingsverband, met een eigen "
               "deel voor elk."),
    "VO2701": ((), "Eén website voor het PO- en het VO-samenwerkingsverband, met een eigen "
               "deel voor elk."),
    # note: "Now operates with SWV VO West-Friesland as 'Passend onderwijs West-Friesland'
    # (shared website ...)"; VO2702: "'Vanuit ons kantoor in Hoorn'. Place only".
    "PO2702": ((), "De website is van Passend onderwijs West-Friesland, waarin dit "
               "samenwerkingsverband en SWV VO West-Friesland samen optrekken."),
    "VO2702": ((), "Website en kantoor in Hoorn zijn van Passend onderwijs West-Friesland, "
               "waarin dit samenwerkingsverband en De Westfriese Knoop (PO) samen optrekken."),
    # note: "Website inferred from werkplaats.ppo-nk.nl subdomain." No page states it.
    "PO2703": (("website",), ""),
    # note: "Seat 'te Beverwijk' per Jaarverslag 2020 (no street seen)."
    "PO2711": ((), "Beverwijk is de vestigingsplaats volgens het jaarverslag over 2020; een "
               "straat is niet bekend."),
    # note: "CONFLICT: three other school pages ... give the SWV website as www.spow.nl".
    "PO2803": ((), "Andere schoolpagina's geven www.spow.nl als website; welke van de twee "
               "nu geldt, is niet bekend."),
    # note: "Address/phone from a member school's page."
    "PO2805": ((), "Adres en telefoon staan op de pagina van een aangesloten school, niet op "
               "de eigen website."),
    # note: "Website swv-drechtsteden.nl matched by name only ... (it may also serve VO) -
    # treat website as weak."
    "PO2809": ((), "De website is alleen op de naam gevonden; niet zeker is dat ze (alleen) "
               "bij dit PO-samenwerkingsverband hoort."),
    # note: "Dordrecht chose one organisation for all basisscholen and VO schools";
    # VO2804: "Same organisation as PO 28-10".
    "PO2810": ((), "Dordrecht heeft één organisatie en één website voor het PO- en het "
               "VO-samenwerkingsverband."),
    "VO2804": ((), "Dordrecht heeft één organisatie en één website voor het PO- en het "
               "VO-samenwerkingsverband."),
    # note: "two verenigingen ... both members of the Koepelorganisatie Passend Onderwijs
    # Goeree-Overflakkee (shared website)"; VO2805: "See PO2811".
    "PO2811": ((), "De website is van de gezamenlijke koepel van het PO- en het "
               "VO-samenwerkingsverband op Goeree-Overflakkee."),
    "VO2805": ((), "De website is van de gezamenlijke koepel van het PO- en het "
               "VO-samenwerkingsverband op Goeree-Overflakkee."),
    # note: "Inspectie quality report (2014, copy on docplayer) names ... Plaats Gouda".
    "PO2814": ((), "De plaats komt uit een rapport van de Inspectie van 2014."),
    # note: "moved in 2023 to Johanna Westerdijkplein 1, Den Haag, sharing premises with
    # SWVZHW (VO SWV)"; VO2806: "sharing SPPOH's office since 2023" (from SPPOH's
    # jaaroverzicht 2023).
    "PO2815": ((), "Sinds 2023 deelt SPPOH dit kantoor met SWVZHW, het "
               "VO-samenwerkingsverband van de regio."),
    "VO2806": ((), "Het adres komt uit het jaaroverzicht 2023 van SPPOH (PO), waarmee dit "
               "samenwerkingsverband sinds 2023 het kantoor deelt."),
    # note: "Second pass: a newer site swvzoetermeer.nl covers both PO and VO schools in
    # Zoetermeer"; VO2807: "site swvzoetermeer.nl ... covers both PO and VO schools".
    "PO2817": ((), "Er is ook een nieuwere website voor PO en VO samen: swvzoetermeer.nl."),
    "VO2807": ((), "De website swvzoetermeer.nl is van het PO en het VO in Zoetermeer samen."),
    # The site swvkindop1.nl is that of PO2901 (Kind op 1); PROVENANCE "Mergers": Kind op 1
    # and O3 "now appear together as Kind op 1". Not O3's own site: dropped.
    "PO2902": (("website",), "De website van Kind op 1 (PO2901) is niet als eigen website "
               "overgenomen; volgens die site werkt Kind op 1 nu ook in de "
               "Oosterschelderegio."),
    # VO2903 note: "pozv.nl (site shared with PO 29-03 PPOZV)".
    "PO2903": ((), "De website wordt gedeeld met het VO-samenwerkingsverband van "
               "Zeeuws-Vlaanderen (VOZV)."),
    "VO2903": ((), "De website wordt gedeeld met het PO-samenwerkingsverband van "
               "Zeeuws-Vlaanderen (PPOZV)."),
    # note: "Shares website with VO 30-01 (Brabantse Wal VO)"; VO3001: "statutory seat
    # Bergen op Zoom (street not shown)".
    "PO3001": ((), "Eén website voor het PO- en het VO-samenwerkingsverband van de "
               "Brabantse Wal, met een eigen deel voor elk."),
    "VO3001": ((), "Eén website met het PO-samenwerkingsverband, met een eigen deel voor het "
               "VO. Bergen op Zoom is de statutaire zetel; een straat is niet bekend."),
    # note: "Site shared with VO (RSV Breda)".
    "PO3003": ((), "RSV Breda heeft één website voor het PO- en het VO-samenwerkingsverband."),
    "VO3003": ((), "RSV Breda heeft één website voor het PO- en het VO-samenwerkingsverband."),
    # note: "matched to Tilburg region by name only - weak"; PROVENANCE "Weak rows".
    "PO3004": ((), "Naam en website zijn alleen op de naam aan deze regio gekoppeld; het "
               "gebied staat niet op de gevonden pagina."),
    # VO3009 note: "samenwerkingsverbandlha.nl has /po and /vo sections" and "'Contact-
    # gegevens samenwerkingsverband PO en VO: Dodenauweg 2, Kaatsheuvel, telefoon ...' - a
    # contact shared by the PO and VO SWVs ... guide year not visible".
    "PO3010": ((), "De website heeft een deel voor het PO en een deel voor het "
               "VO-samenwerkingsverband."),
    "VO3009": ((), "Adres en telefoon zijn van het gezamenlijke contactpunt van het PO- en het "
               "VO-samenwerkingsverband, uit een schoolgids van onbekend jaar."),
    # note: "Region not stated in excerpt ... Weak match to Zuidwest-Friesland."
    "VO2103": ((), "Het gebied staat niet op de gevonden pagina's; de koppeling aan deze "
               "regio is zwak."),
    # note: "Weak: page of the PO SWV Sine Limite (Deventer) ... refers to
    # www.samenwerkingsverbandvodeventer.nl ... no page of the SWV itself was seen."
    "VO2303": ((), "De website is alleen bekend uit een verwijzing op de site van Sine "
               "Limite, het PO-samenwerkingsverband van Deventer."),
    # note: "Phone/e-mail are those of the SWV's ouder- en jeugdsteunpunt."
    "VO2403": ((), "Telefoon en e-mail zijn van het ouder- en jeugdsteunpunt van het "
               "samenwerkingsverband."),
    # note: "news item of Feb 2014 ... the page header shows 0318-240 328 and
    # info@swvgeldersevallei.nl. Dated 2014, so check that number and address are still
    # current."
    "VO2510": ((), "Website, telefoon en e-mail komen van een pagina uit 2014 en kunnen "
               "verouderd zijn."),
    # note: "Phone as given on the OVO Zaanstad page ('SVZ is bereikbaar via ...')".
    "VO2706": ((), "Het telefoonnummer staat op de pagina van een schoolbestuur (OVO "
               "Zaanstad)."),
    # note: "Statutory seat in gemeente Schiedam ... No street/phone/e-mail seen."
    "VO2811": ((), "Schiedam is de statutaire zetel; een bezoekadres is niet bekend."),
    # note: "The PO De Meierij site refers to www.demeierij-vo.nl for voortgezet
    # onderwijs"; PROVENANCE "Weak rows": "the site is only referred to from the PO site".
    "VO3005": ((), "De website is alleen bekend uit een verwijzing op de site van het "
               "PO-samenwerkingsverband De Meierij."),
    # note: "CONFLICT/alternative site: vo.passendonderwijsnoordlimburg.nl ... which domain
    # is current could not be determined."
    "VO3101": ((), "Er is ook een tweede website, vo.passendonderwijsnoordlimburg.nl; welke "
               "nu geldt, is niet bekend."),
    # note: "CONFLICT/alternative site: vo3105.nl ... which domain is current could not be
    # determined."
    "VO3105": ((), "Er is ook een tweede website, vo3105.nl; welke nu geldt, is niet bekend."),
}

# (code, url): a source URL that is not about that row's SWV, left out of its ``bronnen``.
# The docplayer page is the annual report of SWV IJssel|Berkel (PO2501); the notes of these
# six rows only cite titles of *other* documents from its list of similar documents
# ("Managementstatuut SWV Oost Achterhoek 25.02", "Toezichtkader RSV Breda VO", ...).
# The other URLs that occur in several rows name each of their SWVs (checked against the
# notes; swvoostachterhoek.nl/scholen-besturen-gemeenten names Slinge-Berkel, VO2502).
_IJSSEL_BERKEL = "https://docplayer.nl/amp/55635661-Jaarverslag-samenwerkingsverband-ijssel-berkel.html"
BRONNEN_WEG: frozenset[tuple[str, str]] = frozenset({
    ("PO2502", _IJSSEL_BERKEL),  # note: title 'Managementstatuut SWV Oost Achterhoek 25.02'
    ("PO2703", _IJSSEL_BERKEL),  # note: title 'Bestuursreglement ... Noord-Kennemerland'
    ("PO3007", _IJSSEL_BERKEL),  # note: title 'Samenvatting Jaarmonitor ... PO Eindhoven'
    ("PO3009", _IJSSEL_BERKEL),  # note: none; the page is IJssel|Berkel's, not De Kempen's
    ("VO2403", _IJSSEL_BERKEL),  # note: 'Name form ... from a document title listed on docplayer'
    ("VO3003", _IJSSEL_BERKEL),  # note: title 'Toezichtkader RSV Breda VO'
})

# --- known changes after the regulation ------------------------------------------------

# One row of ``wijzigingen.csv`` each. ``gemeenten``: current names separated by ";", empty
# when the change concerns the whole SWV; ``bron``: a URL of a concerned SWV's row that
# states the change. ``datum`` only where a note or PROVENANCE gives it. For soort "naam",
# ``naam_nu`` and ``namen_eerder`` (not written) let the tests check that the dataset shows
# the current name and still finds the old ones.
#
# Left out on purpose: the PO SWVs formed on 1 Aug 2014 from WSNS verbanden (PO2304,
# PO2816, PO3006; before the regulation of 2015, already what its codes describe);
# gemeente mergers (voormalige_gemeenten.csv); websites that moved; a raad van toezicht
# (PO3001, 2019), which changes nothing for whom a parent contacts.
WIJZIGINGEN: tuple[dict[str, str | tuple[str, ...]], ...] = (
    # VO2810 note: the Hoeksche Waard VO schools left Koers VO; four boards founded
    # 'stichting Passend Voortgezet Onderwijs Hoeksche Waard' to start on 1 Aug 2018.
    {
        "datum": "2018-08-01",
        "swv": "VO2810",
        "gemeenten": "Hoeksche Waard",
        "soort": "opvolger",
        "opvolger_naam": "Stichting Passend Voortgezet Onderwijs Hoeksche Waard",
        "opvolger_code": "",
        "tekst": "Sinds 1 augustus 2018 heeft de Hoeksche Waard een eigen samenwerkingsverband "
        "voor voortgezet onderwijs (stichting Passend Voortgezet Onderwijs Hoeksche Waard). "
        "De regeling van 2015 rekent dit gebied nog tot VO2810 (Koers VO).",
        "bron": "https://csgdewaard.nl/nieuws/1000-swv-passend-vo-hw",
    },
    # PO2902 note: "swvkindop1.nl now covers Oosterschelderegio and Walcheren (22 boards) -
    # apparent merger with PO 29-01 under the name Kind op 1." No date, no code of the
    # combined organisation in any source.
    {
        "datum": "",
        "swv": "PO2902",
        "gemeenten": "",
        "soort": "opvolger",
        "opvolger_naam": "Samenwerkingsverband Kind op 1",
        "opvolger_code": "",
        "tekst": "Het primair onderwijs in de Oosterschelderegio valt nu onder Kind op 1, dat "
        "ook Walcheren bedient; O3 lijkt daarin te zijn opgegaan. Wanneer dat gebeurde, "
        "vermelden de bronnen niet.",
        "bron": "https://www.swvkindop1.nl/over-ons/",
    },
    # PO2901 note: "Kind op 1 organises passend onderwijs for PO in the Oosterschelderegio
    # and Walcheren ... PO 29-02 (Oosterschelderegio, formerly SWV O3)".
    {
        "datum": "",
        "swv": "PO2901",
        "gemeenten": "",
        "soort": "organisatie",
        "tekst": "Kind op 1, het samenwerkingsverband van Walcheren, werkt nu ook voor het "
        "primair onderwijs in de Oosterschelderegio, het gebied van het vroegere O3 (PO2902).",
        "bron": "https://www.swvkindop1.nl/over-ons/",
    },
    # PO2509 note: "News article: PO SWV Noord-Veluwe renamed Zeeluwe from 2016 (formerly
    # OZKNV)"; PROVENANCE "Mergers": "Onderwijs Zorgkoepel Noord-Veluwe (OZKNV) was
    # renamed Zeeluwe in 2016."
    {
        "datum": "2016",
        "swv": "PO2509",
        "gemeenten": "",
        "soort": "naam",
        "tekst": "Sinds 2016 heet het samenwerkingsverband voor het primair onderwijs op de "
        "Noord-Veluwe Zeeluwe; daarvoor was de naam Onderwijs Zorgkoepel Noord-Veluwe (OZKNV).",
        "bron": "https://hetkontaktharderwijk.nl/lokaal/samenwerkingsverband-primair-onderwijs-heet-voortaan-zeeluwe-86889",
        "naam_nu": "Stichting Zeeluwe",
        "namen_eerder": ("Onderwijs Zorgkoepel Noord-Veluwe", "OZKNV"),
    },
    # PO2302 note: "A school page (spoescholen.nl) calls it 'Samenwerkingsverband Twente
    # Oost PO' ... (apparent rename)"; PROVENANCE: "now appears as ...".
    {
        "datum": "",
        "swv": "PO2302",
        "gemeenten": "",
        "soort": "naam",
        "tekst": "Een schoolpagina noemt dit samenwerkingsverband Samenwerkingsverband Twente "
        "Oost PO; dat lijkt de nieuwe naam van SWV 2302 PO.",
        "bron": "https://www.spoescholen.nl/samenwerkingsverband/",
        "naam_nu": "Samenwerkingsverband Twente Oost PO",
        "namen_eerder": ("SWV 2302 PO", "Samenwerkingsverband 2302 Primair Onderwijs"),
    },
    # PO2305 note, second pass: "Same five clusters as SWV 2305 PO, so the SWV now appears
    # as SWV Hanzeland; the page itself does not state the code or the former name."
    {
        "datum": "",
        "swv": "PO2305",
        "gemeenten": "",
        "soort": "naam",
        "tekst": "Samenwerkingsverband 2305 PO treedt nu op als SWV Hanzeland, met dezelfde "
        "vijf clusters. Die site noemt zelf geen code en geen oude naam.",
        "bron": "https://swv-hanzeland.nl/basisonderwijs",
        "naam_nu": "Samenwerkingsverband Hanzeland",
        "namen_eerder": ("Samenwerkingsverband 2305 PO", "swv 2305PO"),
    },
    # PO2305 note: "reorganised from 7 deelverbanden into 5 clusters (...) per 1 Jan 2023";
    # PROVENANCE "Mergers". The note does not say which of its first two URLs gives the
    # date; the school item of 29 Sept 2022 (the change was then ahead) is taken, not
    # swv-hanzeland.nl, which the note cites for the clusters only.
    {
        "datum": "2023-01-01",
        "swv": "PO2305",
        "gemeenten": "",
        "soort": "organisatie",
        "tekst": "Op 1 januari 2023 zijn de zeven deelverbanden opnieuw ingedeeld in vijf "
        "clusters: Zwolle, Kampen, Zwartewaterland, Salland en Veluwe-Noord.",
        "bron": "https://dcdestroming.nl/2022/09/29/234/",
    },
    # VO2202 note: own site 'Samenwerkingsverband Sterk VO ZO-Drenthe' (footer 2022); "Name
    # differs from the older school page (Esdal College: 'Samenwerkingsverband VO
    # Zuidoost Drenthe'); the SWV page is the newer one"; PROVENANCE third pass.
    {
        "datum": "",
        "swv": "VO2202",
        "gemeenten": "",
        "soort": "naam",
        "tekst": "Het samenwerkingsverband heet nu Sterk VO ZO-Drenthe; een oudere "
        "schoolpagina noemt het nog Samenwerkingsverband VO Zuidoost Drenthe.",
        "bron": "https://www.sterkvo-zodrenthe.nl/voor-scholen/ondersteuningsplan/",
        "naam_nu": "Samenwerkingsverband Sterk VO ZO-Drenthe",
        "namen_eerder": ("Samenwerkingsverband VO Zuidoost Drenthe",),
    },
    # PO2001 note: "transformed from stichting to vereniging Sept 2021".
    {
        "datum": "2021-09",
        "swv": "PO2001",
        "gemeenten": "",
        "soort": "organisatie",
        "tekst": "In september 2021 is het samenwerkingsverband van een stichting omgezet in "
        "een vereniging.",
        "bron": "https://po2001.nl/over-ons/",
    },
    # PO2811 note: "two verenigingen that since Oct 2016 cooperate intensively and are both
    # members of the Koepelorganisatie Passend Onderwijs Goeree-Overflakkee".
    {
        "datum": "2016-10",
        "swv": "PO2811 VO2805",
        "gemeenten": "",
        "soort": "samenwerking",
        "tekst": "Sinds oktober 2016 werken het PO- en het VO-samenwerkingsverband van "
        "Goeree-Overflakkee onder één gezamenlijke koepelorganisatie. Het blijven twee "
        "verenigingen.",
        "bron": "https://www.swvgo.nl/organisatie/wiezijnwij",
    },
    # PO2815 note: "moved in 2023 to Johanna Westerdijkplein 1, Den Haag, sharing premises
    # with SWVZHW (VO SWV)"; VO2806 note; PROVENANCE "Mergers".
    {
        "datum": "2023",
        "swv": "PO2815 VO2806",
        "gemeenten": "",
        "soort": "samenwerking",
        "tekst": "Sinds 2023 zitten SPPOH (PO) en SWVZHW (VO) samen in één kantoor aan het "
        "Johanna Westerdijkplein 1 in Den Haag. Het blijven twee aparte "
        "samenwerkingsverbanden.",
        "bron": "https://pro.sppoh.nl/over-sppoh/jaaroverzicht-2023/",
    },
    # PO2401 note: "PO and VO SWVs of Almere both sit under the coöperatie Passend
    # Onderwijs Almere"; PROVENANCE "Mergers".
    {
        "datum": "",
        "swv": "PO2401 VO2401",
        "gemeenten": "",
        "soort": "samenwerking",
        "tekst": "SLA-PO en SLA-VO, de samenwerkingsverbanden van Almere, vallen samen onder "
        "de Coöperatie Passend Onderwijs Almere, met één website.",
        "bron": "https://www.passendonderwijs-almere.nl/over-passend-onderwijs/over-ons/",
    },
    # PO2702 note: "Now operates with SWV VO West-Friesland as 'Passend onderwijs
    # West-Friesland' (shared website, joint ondersteuningsplan)"; VO2702 note: "two
    # verenigingen with one directeur-bestuurder".
    {
        "datum": "",
        "swv": "PO2702 VO2702",
        "gemeenten": "",
        "soort": "samenwerking",
        "tekst": "De Westfriese Knoop (PO) en SWV VO West-Friesland trekken samen op als "
        "Passend onderwijs West-Friesland: één directeur-bestuurder, één ondersteuningsplan "
        "en één website. Het blijven twee verenigingen.",
        "bron": "https://www.passendonderwijswf.nl/over-ons/wat-we-doen/",
    },
    # PO2808 note: "the PO SWV (formerly 'Kindkracht') and VO SWV (formerly 'VO-VPR') work
    # together as 'Onderwijscollectief Voorne-Putten Rozenburg'; old names dropped ...
    # Formally still two SWVs."
    {
        "datum": "",
        "swv": "PO2808 VO2812",
        "gemeenten": "",
        "soort": "samenwerking",
        "tekst": "Het PO-samenwerkingsverband (eerder Kindkracht) en het "
        "VO-samenwerkingsverband (eerder VO-VPR) treden samen op als Onderwijscollectief "
        "Voorne-Putten Rozenburg; de oude namen gebruiken ze niet meer. Formeel zijn het nog "
        "twee samenwerkingsverbanden.",
        "bron": "https://www.guusbeenhakker.com/guus/swv-in-the-picture-onderwijscollectief-voorne-putten-rozenburg/",
    },
    # PO2810 note: "Dordrecht chose one organisation for all basisscholen and VO schools
    # ... Formally PO 28-10 and VO 28-04 remain separate codes."
    {
        "datum": "",
        "swv": "PO2810 VO2804",
        "gemeenten": "",
        "soort": "samenwerking",
        "tekst": "In Dordrecht is er één organisatie voor de extra ondersteuning op alle "
        "basisscholen en scholen voor voortgezet onderwijs. Formeel houden PO en VO elk een "
        "eigen code.",
        "bron": "https://swvdordrecht.nl/wat-is-een-samenwerkingsverband-2/",
    },
    # PO2817 note, second pass: "a newer site swvzoetermeer.nl covers both PO and VO
    # schools"; VO2807 note: "it does not say whether PO and VO are still two legal
    # entities."
    {
        "datum": "",
        "swv": "PO2817 VO2807",
        "gemeenten": "",
        "soort": "samenwerking",
        "tekst": "Voor PO en VO in Zoetermeer is er nu één website, swvzoetermeer.nl. Of het "
        "nog twee aparte organisaties zijn, zegt die site niet.",
        "bron": "https://www.swvzoetermeer.nl/nl/scholen-en-besturen",
    },
)
