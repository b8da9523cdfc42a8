"""The map as SVG.

Contract (tests and other tools rely on it):

- user units are RD New metres with y negated; a whole-country map has the root
  ``viewBox="0 -625000 W 325000"`` (x from 0, y from −625,000 to −300,000; W > 290,000
  leaves room for the legend on the right). A regional map (``uitsnede=True``) keeps the
  same units with the ``viewBox`` around the chosen area;
- every drawn samenwerkingsverband is one ``<path>`` with ``data-code="VO2705"`` and a
  ``<title>`` child (``VO2705 Naam``, the hover text); the chosen one also has
  ``class="gekozen"`` (all have class ``swv``);
- paths use only the commands M, l and z (no curves), integer coordinates;
- a legend, and "Bron: CBS" in the picture.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from passend_cli.kaart.kleuren import GEKOZEN_RAND, GEZOCHT, RAND
from passend_cli.kaart.raster import Raster
from passend_cli.kaart.scene import NEDERLAND, maak_scene
from passend_cli.kaart.vlakken import dun_uit, ringen, ringen_per_groep

__all__ = ["svg"]

_DUN_LAND = 20.0  # m: thinning of a whole-country map (≈ 1/15000 of its size)
_LABELRASTER = 240  # pixels along the long side of the grid that places labels
_PIXELS_BREED = 1400  # default display width in CSS pixels


def _pad(ringen: Sequence[tuple[Sequence[int], Sequence[int]]]) -> str:
    """Path data with M, l and z only: absolute start, relative steps, y negated."""
    delen = []
    for xs, ys in ringen:
        stukken = [f"M{xs[0]} {-ys[0]}l"]
        px, py = xs[0], ys[0]
        stappen = []
        for k in range(1, len(xs) - 1):  # the last point repeats the first: z closes
            x, y = xs[k], ys[k]
            stappen.append(f"{x - px} {py - y}")
            px, py = x, y
        stukken.append(" ".join(stappen))
        stukken.append("z")
        delen.append("".join(stukken))
    return "".join(delen)


def _afkap(tekst: str, n: int) -> str:
    return tekst if len(tekst) <= n else tekst[: n - 1].rstrip() + "…"


def _breek(tekst: str, breedte: int) -> list[str]:
    """Wrap *tekst* at spaces into lines of at most *breedte* characters (or one word)."""
    regels, regel = [], ""
    for woord in tekst.split(" "):
        if regel and len(regel) + 1 + len(woord) > breedte:
            regels.append(regel)
            regel = woord
        else:
            regel = f"{regel} {woord}" if regel else woord
    return [*regels, regel]


def _label(code: str) -> str:
    return code[2:] if code[:2] in ("PO", "VO") else code


def svg(
    lidmaatschap: Mapping[str, str],
    namen: Mapping[str, str],
    *,
    gekozen: str | None = None,
    markeer: Sequence[str] = (),
    titel: str = "",
    uitsnede: bool = False,
    notities: Sequence[str] = (),
) -> str:
    """An SVG map of one sector's samenwerkingsverbanden.

    *lidmaatschap*: PC4 → SWV code of one sector (empty: none known); *namen*: code →
    name. *gekozen* is highlighted (class ``gekozen``), the others are muted; without it
    every area gets a colour of its own, and neighbours never share one. *markeer*: PC4s
    of the searched place or postcode, outlined with a pin. *titel* goes above the map.
    The whole country is drawn; ``uitsnede=True`` zooms to *gekozen* (and *markeer*).
    *notities* are added under the map's own notes (which indeling it shows, changes).
    Raises ValueError when *gekozen* has no PC4 on the map.
    """
    scene = maak_scene(lidmaatschap, namen, gekozen, markeer)
    geo = scene.geo
    if uitsnede:
        x0, y0, x1, y1 = scene.uitsnede()
    else:
        x0, y0, x1, y1 = NEDERLAND
    kaartbreedte, kaarthoogte = x1 - x0, y1 - y0
    stap = _DUN_LAND * max(kaartbreedte, kaarthoogte) / (NEDERLAND[3] - NEDERLAND[1])
    bogen = dun_uit(geo, stap)

    groepen = ringen_per_groep(geo, scene.indeling.groep_van, bogen)
    codes = scene.codes()

    # Which areas show, and where their labels go: a coarse grid of the frame.
    pixel = max(kaartbreedte, kaarthoogte) / _LABELRASTER
    raster = Raster(x0, y1, pixel, math.ceil(kaartbreedte / pixel), math.ceil(kaarthoogte / pixel))
    volgnummer = {c: k + 1 for k, c in enumerate([*codes, ""])}
    for c, nummer in volgnummer.items():
        raster.vul(groepen.get(c, []), nummer)
    plekken = raster.verste_punten(raster.afstanden())
    zichtbaar = [c for c in codes if volgnummer[c] in plekken]
    zonder_zichtbaar = volgnummer[""] in plekken
    if gekozen and gekozen not in zichtbaar:
        zichtbaar.append(gekozen)

    # Legend rows: chosen first, then the others by code.
    regels: list[tuple[str, str, str]] = []  # (kleur, tekst, klasse)
    if gekozen:
        regels.append((scene.kleur[gekozen], f"{gekozen} {scene.naam(gekozen)}", "gekozen"))
    regels += [(scene.kleur[c], f"{c} {scene.naam(c)}", "") for c in zichtbaar if c != gekozen]
    if zonder_zichtbaar:
        regels.append((scene.kleur[""], "geen samenwerkingsverband bekend", ""))
    if scene.gemarkeerd:
        pcs = [geo.postcodes[i] for i in scene.gemarkeerd]
        tekst = "gezocht: " + (", ".join(pcs) if len(pcs) <= 6 else f"{len(pcs)} postcodes")
        regels.append((GEZOCHT, tekst, "gezocht"))
    extra = list(notities)
    notities, _ = scene.notities(zichtbaar)
    if zonder_zichtbaar:
        zonder = scene.zonder(raster.kader if uitsnede else None)
        if zonder:
            notities.append("Zonder samenwerkingsverband: " + ", ".join(zonder) + ".")
    notities += extra

    # Layout: the map frame, the legend to its right, the title above.
    tekens = min(max([len(t) for _, t, _ in regels] + [30]), 64)
    notitieregels = [r for n in notities for r in _breek(n, tekens)]
    rij = kaarthoogte / max(len(regels) + len(notitieregels) + 3, 40)
    letter = rij * 0.72
    legendabreedte = rij * 1.6 + tekens * letter * 0.56
    titelhoogte = rij * 2.2 if titel else 0.0
    vx, vy = x0, -y1 - titelhoogte
    vw, vh = kaartbreedte + rij + legendabreedte, kaarthoogte + titelhoogte
    if not uitsnede:
        vx, vy, vh = 0.0, -NEDERLAND[3], NEDERLAND[3] - NEDERLAND[1]

    def g(v: float) -> str:
        return f"{v:.0f}"

    hoogte_px = round(_PIXELS_BREED * vh / vw)
    uit = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{g(vx)} {g(vy)} {g(vw)} {g(vh)}" '
        f'width="{_PIXELS_BREED}" height="{hoogte_px}" font-family="sans-serif">',
        f"<title>{escape(titel or 'Samenwerkingsverbanden passend onderwijs')}</title>",
        f"<desc>{escape(scene.notities([])[0][0])}. Eenheden: meters in RD New (EPSG:28992), "
        "y omgekeerd.</desc>",
        "<style>"
        f"path.swv{{stroke:{RAND};stroke-width:0.6;vector-effect:non-scaling-stroke;"
        "stroke-linejoin:round}"
        f"path.gekozen{{stroke:{GEKOZEN_RAND};stroke-width:1.6}}"
        "path.swv:hover{stroke-width:2}"
        "path.gezocht{fill:none;stroke:#000;stroke-width:1.4;stroke-dasharray:4 2;"
        "vector-effect:non-scaling-stroke}"
        "text.label{text-anchor:middle;dominant-baseline:central;fill:#222;"
        "pointer-events:none}"
        "</style>",
        f'<rect x="{g(vx)}" y="{g(vy)}" width="{g(vw)}" height="{g(vh)}" fill="#ffffff"/>',
        f'<clipPath id="kader"><path d="M{g(x0)} {g(-y1)}h{g(kaartbreedte)}v{g(kaarthoogte)}'
        f'h{g(-kaartbreedte)}z"/></clipPath>',
        '<g id="kaart" clip-path="url(#kader)">',
    ]
    if "" in groepen and (zonder_zichtbaar or not uitsnede):
        uit.append(
            f'<path class="zonder" fill="{scene.kleur[""]}" stroke="{RAND}" '
            'stroke-width="0.4" vector-effect="non-scaling-stroke" '
            f'd="{_pad(groepen[""])}"><title>geen samenwerkingsverband bekend</title></path>'
        )
    # A regional map draws only the areas that show in its frame.
    getekend = zichtbaar if uitsnede else codes
    volgorde = [c for c in getekend if c != gekozen] + ([gekozen] if gekozen else [])
    for c in volgorde:
        if c not in groepen:
            continue
        klasse = "swv gekozen" if c == gekozen else "swv"
        uit.append(
            f'<path class="{klasse}" data-code={quoteattr(c)} fill="{scene.kleur[c]}" '
            f'd="{_pad(groepen[c])}"><title>{escape(c + " " + scene.naam(c)).strip()}'
            "</title></path>"
        )
    uit.append("</g>")

    if scene.gemarkeerd:
        gezocht = ringen(geo, set(scene.gemarkeerd), bogen)
        uit.append(
            f'<path class="gezocht" fill-opacity="0.55" style="fill:{GEZOCHT}" '
            f'd="{_pad(gezocht)}"><title>{escape(regels[-1][1])}</title></path>'
        )
        # A pin (a diamond) on the largest marked PC4.
        grootste = max(scene.gemarkeerd, key=lambda i: (geo.oppervlakte[i], -i))
        px, py = geo.labelpunten[grootste]
        r = rij * 0.6
        uit.append(
            f'<path class="speld" fill="#000" stroke="#fff" stroke-width="1" '
            f'vector-effect="non-scaling-stroke" d="M{px} {-py - r:.0f}l{r:.0f} {r:.0f} '
            f'{-r:.0f} {r:.0f} {-r:.0f} {-r:.0f}z"/>'
        )

    # Labels: the area's number where the area is wide enough to hold it.
    uit.append(f'<g id="labels" font-size="{g(letter * 0.9)}">')
    for c in zichtbaar:
        plek = plekken.get(volgnummer[c])
        if plek is None:
            continue
        afstand, kol, rij_ = plek
        if afstand * pixel < letter * 1.3:
            continue
        lx = x0 + (kol + 0.5) * pixel
        ly = y1 - (rij_ + 0.5) * pixel
        gewicht = ' font-weight="bold"' if c == gekozen else ""
        uit.append(f'<text class="label" x="{g(lx)}" y="{g(-ly)}"{gewicht}>{_label(c)}</text>')
    uit.append("</g>")

    # Title, legend and notes.
    rx = x0 + kaartbreedte + rij * 0.5
    if titel:
        uit.append(
            f'<text x="{g(vx + rij * 0.5)}" y="{g(vy + rij * 1.5)}" font-size="{g(rij * 1.3)}" '
            f'font-weight="bold">{escape(titel)}</text>'
        )
    uit.append(f'<g id="legenda" font-size="{g(letter)}">')
    y = -y1 + rij
    uit.append(f'<text x="{g(rx)}" y="{g(y)}" font-weight="bold">Legenda</text>')
    for kleur, tekst, klasse in regels:
        y += rij
        s = rij * 0.75
        uit.append(
            f'<path fill="{kleur}" stroke="{RAND}" stroke-width="0.6" '
            f'vector-effect="non-scaling-stroke" d="M{g(rx)} {g(y - s * 0.8)}h{g(s)}v{g(s)}'
            f'h{g(-s)}z"/>'
        )
        gewicht = ' font-weight="bold"' if klasse == "gekozen" else ""
        uit.append(
            f'<text x="{g(rx + rij * 1.1)}" y="{g(y)}"{gewicht}>{escape(_afkap(tekst, 64))}</text>'
        )
    y += rij * 0.6
    for regel in notitieregels:
        y += rij
        uit.append(f'<text x="{g(rx)}" y="{g(y)}" fill="#444">{escape(regel)}</text>')
    uit.append("</g>")
    uit.append("</svg>")
    return "\n".join(uit) + "\n"
