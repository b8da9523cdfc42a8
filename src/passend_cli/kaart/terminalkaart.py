"""The map in the terminal: braille outlines over coloured cells, or characters alone.

Each character cell covers 2 × 4 pixels (the dots of a braille character). Borders
between areas (and the coast) are drawn as braille dots at that resolution; a cell's
colour is that of the area covering most of it. Without colour the characters carry the
distinction: the chosen area is shaded ``▒``, the searched place ``░`` with ``◉``, areas
without a samenwerkingsverband ``·``, and every area wide enough carries its number.

Nothing here imports rich: lines are lists of ``(text, style)`` segments whose style is
a rich style string (``"bold #ffffff on #e4572e"``) or None.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from passend_cli.kaart.kleuren import GEKOZEN, GEZOCHT
from passend_cli.kaart.raster import Raster
from passend_cli.kaart.scene import Scene, maak_scene
from passend_cli.kaart.vlakken import dun_uit, ringen, ringen_per_groep

__all__ = ["LegendaItem", "Segment", "TerminalKaart", "terminal"]

Segment = tuple[str, "str | None"]

LAND = (10000.0, 305000.0, 282000.0, 620000.0)  # the whole country, a little margin
_BRAILLE = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [rij][kolom]
_GEKOZEN_TEKEN = "▒"
_GEZOCHT_TEKEN = "░"
_ZONDER_TEKEN = "·"
_SPELD = "◉"
_RAND_OP_KLEUR = "#303030"
_RAND_OP_ZEE = "#8a8a8a"


@dataclass
class LegendaItem:
    """One legend line: ``code`` (``""`` for areas without a samenwerkingsverband,
    ``"gezocht"`` for the searched place), its ``naam``, its ``rol`` (``gekozen``,
    ``buur``, ``zonder``, ``gezocht``), the two characters that stand for it without
    colour (``teken``) and the rich style of its swatch with colour (``stijl``)."""

    code: str
    naam: str
    rol: str
    teken: str
    stijl: str | None

    def segmenten(self, kleur: bool, breedte: int | None = None) -> list[Segment]:
        """The legend line as segments; cut to *breedte* characters with "…"."""
        staal: Segment = ("  ", self.stijl) if kleur and self.stijl else (self.teken, None)
        code = self.code if self.rol != "gezocht" else ""
        tekst = f" {code:<6}  {self.naam}" if code else f" {self.naam}"
        if breedte is not None and len(tekst) + 2 > breedte:
            tekst = tekst[: max(0, breedte - 3)].rstrip() + "…"
        nadruk = "bold" if kleur and self.rol == "gekozen" else None
        return [staal, (tekst, nadruk)]


@dataclass
class TerminalKaart:
    """A rendered terminal map.

    - ``regels``: the map, one list of ``(text, style)`` segments per line (styles are
      None when made without colour);
    - ``legenda``: :class:`LegendaItem` per area shown, the chosen one first;
    - ``notities``: Dutch notes (source, PC4s not on the map, …);
    - ``ontbreekt``: PC4s of the areas shown that the geometry lacks (also in the notes);
    - ``breedte`` / ``hoogte``: size of the map in characters;
    - ``ruimte``: the width asked for (legend lines are cut to it).
    """

    regels: list[list[Segment]]
    legenda: list[LegendaItem]
    notities: list[str]
    ontbreekt: list[str]
    breedte: int
    hoogte: int
    kleur: bool
    ruimte: int = 80
    _platte_regels: list[str] = field(default_factory=list, repr=False)

    def legenda_regels(self, breedte: int | None = None) -> list[list[Segment]]:
        """The legend, one line per item, cut to *breedte* (default: ``ruimte``)."""
        return [item.segmenten(self.kleur, breedte or self.ruimte) for item in self.legenda]

    def alle_regels(self, breedte: int | None = None) -> list[list[Segment]]:
        """Map, legend and notes as one list of lines (notes are not wrapped)."""
        regels = [*self.regels, [], *self.legenda_regels(breedte), []]
        regels += [[(n, "dim" if self.kleur else None)] for n in self.notities]
        return regels

    def tekst(self) -> str:
        """The map without colour (characters carry every distinction), its legend and
        its notes, as plain text ending in a newline."""
        regels = [r.rstrip() for r in self._platte_regels]
        regels.append("")
        for item in self.legenda:
            regels.append("".join(t for t, _ in item.segmenten(False, self.ruimte)).rstrip())
        regels.append("")
        regels += self.notities
        return "\n".join(regels) + "\n"


def _maat(
    kader: tuple[float, float, float, float], breedte: int, hoogte: int
) -> tuple[float, float, float, int, int]:
    """Fit *kader* into at most breedte × hoogte cells, centred: (x0, y1, stap, w, h)."""
    x0, y0, x1, y1 = kader
    stap = max((x1 - x0) / (2 * breedte), (y1 - y0) / (4 * hoogte))
    w = min(breedte, max(1, math.ceil((x1 - x0) / stap / 2 - 1e-9)))
    h = min(hoogte, max(1, math.ceil((y1 - y0) / stap / 4 - 1e-9)))
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    return mx - w * stap, my + 2 * h * stap, stap, w, h


def _cellen(raster: Raster, w: int, h: int, voorkeur: int) -> list[int]:
    """Per cell the value covering most of its 8 pixels (ties: *voorkeur*, then any
    area over the outside, then the lowest value)."""
    pix, b = raster.pix, raster.breedte
    uit = [0] * (w * h)
    for cy in range(h):
        for cx in range(w):
            tel: dict[int, int] = {}
            for dy in range(4):
                basis = (4 * cy + dy) * b + 2 * cx
                for dx in (0, 1):
                    v = pix[basis + dx]
                    tel[v] = tel.get(v, 0) + 1
            uit[cy * w + cx] = max(tel, key=lambda v: (tel[v], v == voorkeur, v != 0, -v))
    return uit


def _randen(raster: Raster, masker: Raster | None) -> list[bool]:
    """Per pixel: does it lie on a border (its right or lower neighbour differs)?"""
    pix, b, h = raster.pix, raster.breedte, raster.hoogte
    m = masker.pix if masker is not None else None
    rand = [False] * (b * h)
    for i in range(b * h):
        v = pix[i]
        c = i % b
        rechts = c + 1 < b
        onder = i + b < b * h
        grens = (rechts and pix[i + 1] != v) or (onder and pix[i + b] != v)
        if not grens and m is not None:
            grens = (rechts and m[i + 1] != m[i]) or (onder and m[i + b] != m[i])
        rand[i] = grens
    return rand


def _label(code: str) -> str:
    return code[2:] if code[:2] in ("PO", "VO") else code


def _inzet(scene: Scene, breedte: int) -> list[list[tuple[str, str, str | None]]]:
    """A small map of the whole country with the chosen area, in a box: per cell
    (plain character, character with colour, style)."""
    x0, y0, x1, y1 = LAND
    ih = max(3, round(breedte * (y1 - y0) / (x1 - x0) / 2))
    kx0, ky1, stap, iw, ih = _maat(LAND, breedte, ih)
    raster = Raster(kx0, ky1, stap, 2 * iw, 4 * ih)
    bogen = dun_uit(scene.geo, stap * 0.75)
    raster.vul(ringen(scene.geo, set(range(len(scene.geo.postcodes))), bogen), 1)
    if scene.gekozen:
        raster.vul(ringen(scene.geo, set(scene.indeling.leden[scene.gekozen]), bogen), 2)
    pix, b = raster.pix, raster.breedte

    def lijn(links: str, midden: str, rechts: str) -> list[tuple[str, str, str | None]]:
        return [(t, t, "dim") for t in links + midden * iw + rechts]

    regels = [lijn("┌", "─", "┐")]
    for cy in range(ih):
        regel = lijn("│", "", "")
        for cx in range(iw):
            bits, gekozen = 0, 0
            for dy in range(4):
                for dx in (0, 1):
                    v = pix[(4 * cy + dy) * b + 2 * cx + dx]
                    if v:
                        bits |= _BRAILLE[dy][dx]
                    if v == 2:
                        gekozen += 1
            teken = chr(0x2800 + bits) if bits else " "
            regel.append(("█" if gekozen >= 2 else teken, teken,
                          f"bold {GEKOZEN}" if gekozen else "#8a8a8a"))
        regel += lijn("", "", "│")
        regels.append(regel)
    regels.append(lijn("└", "─", "┘"))
    return regels


def terminal(
    lidmaatschap: Mapping[str, str],
    namen: Mapping[str, str],
    *,
    gekozen: str | None = None,
    markeer: Sequence[str] = (),
    breedte: int = 80,
    kleur: bool = True,
    heel_nederland: bool = False,
    hoogte: int | None = None,
) -> TerminalKaart:
    """A terminal map of one sector's samenwerkingsverbanden.

    *lidmaatschap*: PC4 → SWV code of one sector; *namen*: code → name. The map zooms
    to *gekozen* (and the PC4s in *markeer*) with its neighbours around it, and shows
    the country as an inset in a corner; with ``heel_nederland`` (or nothing to zoom
    to) it shows the whole country. It is at most *breedte* characters wide and at most
    *hoogte* lines high (default: half the width, between 20 and 60). *kleur* False:
    no styles, characters carry the distinction (for NO_COLOR and pipes).
    Raises ValueError when *gekozen* has no PC4 on the map.
    """
    scene = maak_scene(lidmaatschap, namen, gekozen, markeer)
    geo = scene.geo
    breedte = max(breedte, 20)
    if hoogte is None:
        hoogte = min(60, max(20, breedte // 2))
    hoogte = max(hoogte, 8)
    regionaal = not heel_nederland and (gekozen or scene.gemarkeerd)
    kader = scene.uitsnede() if regionaal else LAND
    x0, y1, stap, w, h = _maat(kader, breedte, hoogte)
    raster = Raster(x0, y1, stap, 2 * w, 4 * h)
    bogen = dun_uit(geo, stap * 0.75)
    groepen = ringen_per_groep(geo, scene.indeling.groep_van, bogen)

    codes = scene.codes()
    volgorde = [*codes, ""]
    nummer = {c: k + 1 for k, c in enumerate(volgorde)}
    rx0, ry0, rx1, ry1 = raster.kader
    for c in volgorde:
        rs = [r for r in groepen.get(c, ())
              if min(r[0]) <= rx1 and max(r[0]) >= rx0 and min(r[1]) <= ry1 and max(r[1]) >= ry0]
        if rs:
            raster.vul(rs, nummer[c])
    masker = None
    if scene.gemarkeerd:
        masker = Raster(x0, y1, stap, 2 * w, 4 * h)
        masker.vul(ringen(geo, set(scene.gemarkeerd), bogen), 1)

    voorkeur = nummer[gekozen] if gekozen else -1
    cellen = _cellen(raster, w, h, voorkeur)
    gemarkeerde_cellen = _cellen(masker, w, h, 1) if masker is not None else [0] * (w * h)
    rand = _randen(raster, masker)
    b = raster.breedte

    kleur_van = {nummer[c]: scene.kleur[c] for c in volgorde}
    gekozen_nr = nummer.get(gekozen or "", -1) if gekozen else -1
    zonder_nr = nummer[""]

    # Cells: (plain character, character with colour, style).
    plat: list[str] = []
    gekleurd: list[str] = []
    stijlen: list[str | None] = []
    for cy in range(h):
        for cx in range(w):
            bits = 0
            for dy in range(4):
                basis = (4 * cy + dy) * b + 2 * cx
                for dx in (0, 1):
                    if rand[basis + dx]:
                        bits |= _BRAILLE[dy][dx]
            i = cy * w + cx
            v = cellen[i]
            gemarkeerd = gemarkeerde_cellen[i] == 1
            if bits:
                teken = chr(0x2800 + bits)
            elif gemarkeerd:
                teken = _GEZOCHT_TEKEN
            elif v == gekozen_nr:
                teken = _GEKOZEN_TEKEN
            elif v == zonder_nr:
                teken = _ZONDER_TEKEN
            else:
                teken = " "
            plat.append(teken)
            achter = GEZOCHT if gemarkeerd else kleur_van.get(v)
            if achter:
                gekleurd.append(chr(0x2800 + bits) if bits else " ")
                stijlen.append(f"{_RAND_OP_KLEUR} on {achter}")
            else:
                gekleurd.append(chr(0x2800 + bits) if bits else " ")
                stijlen.append(_RAND_OP_ZEE if bits else None)

    # The searched place: a pin on the largest marked PC4.
    bezet = set()
    if scene.gemarkeerd:
        grootste = max(scene.gemarkeerd, key=lambda i: (geo.oppervlakte[i], -i))
        px, py = raster.naar_pixel(*geo.labelpunten[grootste])
        cx, cy = min(max(px // 2, 0), w - 1), min(max(py // 4, 0), h - 1)
        i = cy * w + cx
        plat[i] = gekleurd[i] = _SPELD
        stijlen[i] = f"bold #000000 on {GEZOCHT}"
        bezet.add(i)

    # Labels: each area's number where the area is wide enough, at the cell farthest
    # from its border.
    celraster = Raster(x0, y1, stap * 2, w, h)  # only its grid functions are used
    celraster.pix = cellen
    plekken = celraster.verste_punten(celraster.afstanden())
    for c in codes:
        plek = plekken.get(nummer[c])
        if plek is None:
            continue
        _, cx, cy = plek
        tekst = _label(c)
        begin = cx - len(tekst) // 2
        vakken = [cy * w + begin + k for k in range(len(tekst))]
        if begin < 0 or begin + len(tekst) > w:
            continue
        if any(cellen[j] != nummer[c] or j in bezet for j in vakken):
            continue
        # One free cell either side keeps the label apart from the border.
        if begin > 0 and cellen[vakken[0] - 1] != nummer[c]:
            continue
        if begin + len(tekst) < w and cellen[vakken[-1] + 1] != nummer[c]:
            continue
        for k, j in enumerate(vakken):
            plat[j] = gekleurd[j] = tekst[k]
            achter = kleur_van[nummer[c]]
            stijlen[j] = (f"bold #ffffff on {achter}" if c == gekozen
                          else f"#000000 on {achter}")
            bezet.add(j)

    # The inset: the whole country with the chosen area, in the emptiest corner.
    if regionaal and w >= 50 and h >= 12:
        inzet = _inzet(scene, max(10, min(22, w // 6)))
        iw, ih = len(inzet[0]), len(inzet)
        if ih <= h - 2 and iw <= w - 10:
            kosten = []
            for n, (hx, hy) in enumerate(((0, 0), (w - iw, 0), (0, h - ih), (w - iw, h - ih))):
                k = 0
                for yy in range(hy, hy + ih):
                    for xx in range(hx, hx + iw):
                        j = yy * w + xx
                        k += (20 if cellen[j] == gekozen_nr or j in bezet else
                              1 if cellen[j] else 0)
                kosten.append((k, n, hx, hy))
            _, _, hx, hy = min(kosten)
            for yy, regel in enumerate(inzet):
                for xx, (teken, gekleurd_teken, stijl) in enumerate(regel):
                    j = (hy + yy) * w + hx + xx
                    plat[j], gekleurd[j], stijlen[j] = teken, gekleurd_teken, stijl

    # Lines: runs of equal style become one segment.
    regels: list[list[Segment]] = []
    platte_regels: list[str] = []
    for cy in range(h):
        rij = slice(cy * w, (cy + 1) * w)
        platte_regels.append("".join(plat[rij]))
        if not kleur:
            regels.append([("".join(plat[rij]), None)])
            continue
        segmenten: list[Segment] = []
        for teken, stijl in zip(gekleurd[rij], stijlen[rij], strict=True):
            if segmenten and segmenten[-1][1] == stijl:
                segmenten[-1] = (segmenten[-1][0] + teken, stijl)
            else:
                segmenten.append((teken, stijl))
        regels.append(segmenten)

    # Legend: the chosen area, then every other area with a cell on the map.
    aanwezig = set(cellen)
    legenda: list[LegendaItem] = []
    getoond: list[str] = []
    if gekozen:
        legenda.append(LegendaItem(gekozen, scene.naam(gekozen), "gekozen",
                                   _GEKOZEN_TEKEN * 2, f"on {GEKOZEN}"))
        getoond.append(gekozen)
    for c in codes:
        if c != gekozen and nummer[c] in aanwezig:
            legenda.append(LegendaItem(c, scene.naam(c), "buur", "  ",
                                       f"on {scene.kleur[c]}"))
            getoond.append(c)
    if zonder_nr in aanwezig:
        legenda.append(LegendaItem("", scene.naam(""), "zonder", _ZONDER_TEKEN * 2,
                                   f"on {scene.kleur['']}"))
    if scene.gemarkeerd:
        pcs = [geo.postcodes[i] for i in scene.gemarkeerd]
        naam = "gezocht: " + (", ".join(pcs) if len(pcs) <= 8 else f"{len(pcs)} postcodes")
        legenda.append(LegendaItem("gezocht", naam, "gezocht", _SPELD + _GEZOCHT_TEKEN,
                                   f"#000000 on {GEZOCHT}"))

    notities, ontbreekt = scene.notities(getoond)
    if zonder_nr in aanwezig:
        zonder = scene.zonder(raster.kader)
        if zonder:
            notities.append("Zonder samenwerkingsverband: " + ", ".join(zonder) + ".")
    return TerminalKaart(
        regels=regels,
        legenda=legenda,
        notities=notities,
        ontbreekt=ontbreekt,
        breedte=w,
        hoogte=h,
        kleur=kleur,
        ruimte=breedte,
        _platte_regels=platte_regels,
    )
