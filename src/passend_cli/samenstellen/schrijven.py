"""Write a dataset in the bundled format: sorted CSV, metadata with checksums.

Output depends only on the rows given, never on the clock or the machine, so the same
sources give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from passend_cli import formaat
from passend_cli.normaliseer import basisnaam, normaliseer
from passend_cli.samenstellen.rijen import BouwFout, Rijen
from passend_cli.samenstellen.scholen import HERKOMSTEN, REDENEN
from passend_cli.samenstellen.woonplaatsen import OFFICIEEL
from passend_cli.schoolnamen import indexwoorden


def csv_tekst(rijen: list[dict[str, str]], kolommen: tuple[str, ...]) -> str:
    # The loader reads line by line, so a value may never span lines.
    for rij in rijen:
        for waarde in rij.values():
            if "\n" in waarde or "\r" in waarde:
                raise BouwFout(f"regeleinde in waarde {waarde!r}")
    buffer = io.StringIO()
    schrijver = csv.DictWriter(buffer, fieldnames=kolommen, lineterminator="\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    return buffer.getvalue()


def aantallen(ds: Rijen) -> dict[str, int]:
    swv = ds.samenwerkingsverbanden
    uit = {
        "gemeenten": len(ds.gemeenten),
        "postcodes": len(ds.postcodes),
        "postcodes_regeling": sum(p["herkomst"] == "regeling" for p in ds.postcodes),
        "woonplaatsen": len(ds.woonplaatsen),
        "woonplaatsen_officieel": sum(w["bron"] == OFFICIEEL for w in ds.woonplaatsen),
        "voormalige_gemeenten": len(ds.voormalige_gemeenten),
        "aliassen": len(ds.aliassen),
        "samenwerkingsverbanden": len(swv),
        "samenwerkingsverbanden_po": sum(s["sector"] == "PO" for s in swv),
        "samenwerkingsverbanden_vo": sum(s["sector"] == "VO" for s in swv),
        "wijzigingen": len(ds.wijzigingen),
    }
    if ds.scholen:
        uit["scholen"] = len(ds.scholen)
        for soort in ("bo", "sbo", "vo"):
            uit[f"scholen_{soort}"] = sum(s["soort"] == soort for s in ds.scholen)
        for herkomst in HERKOMSTEN:
            uit[f"scholen_swv_{herkomst}"] = sum(
                s["herkomst_swv"] == herkomst and bool(s["swv"]) for s in ds.scholen
            )
        uit["scholen_zonder_swv"] = sum(not s["swv"] for s in ds.scholen)
    return uit


def controleer(ds: Rijen) -> None:
    """Refuse to write a dataset that breaks the invariants the tool relies on."""
    gemeenten = {g["code"] for g in ds.gemeenten}
    swv = {s["code"] for s in ds.samenwerkingsverbanden}
    gezien: set[str] = set()
    dekking: dict[str, set[str]] = defaultdict(set)
    for p in ds.postcodes:
        if p["postcode"] in gezien:
            raise BouwFout(f"postcode {p['postcode']} komt twee keer voor")
        gezien.add(p["postcode"])
        if p["gemeente_code"] not in gemeenten:
            raise BouwFout(f"postcode {p['postcode']}: onbekende gemeente {p['gemeente_code']}")
        for sector in ("po", "vo"):
            if p[sector]:
                if p[sector] not in swv:
                    raise BouwFout(f"postcode {p['postcode']}: onbekend SWV {p[sector]}")
                dekking[p["gemeente_code"]].add(sector)
    zonder = sorted(g for g in gemeenten if dekking[g] != {"po", "vo"})
    if zonder:
        raise BouwFout(f"gemeenten zonder PO- of VO-samenwerkingsverband: {', '.join(zonder)}")
    gebruikt = {p[s] for p in ds.postcodes for s in ("po", "vo") if p[s]}
    if swv - gebruikt:
        raise BouwFout(f"samenwerkingsverbanden zonder gebied: {', '.join(sorted(swv - gebruikt))}")
    for rij in ds.woonplaatsen + ds.aliassen:
        if rij["gemeente_code"] not in gemeenten:
            raise BouwFout(f"{rij}: onbekende gemeente")
    for v in ds.voormalige_gemeenten:
        if not v["opvolgers"] or set(v["opvolgers"].split()) - gemeenten:
            raise BouwFout(f"voormalige gemeente {v['naam']}: opvolger onbekend")
    controleer_scholen(ds.scholen, gemeenten, swv)


def controleer_scholen(scholen: list[dict[str, str]], gemeenten: set[str], swv: set[str]) -> None:
    """Every school: a unique code, a known kind and gemeente, and either an SWV of its
    own sector that exists or a reason why it has none."""
    codes = [s["code"] for s in scholen]
    if codes != sorted(set(codes)):
        raise BouwFout("scholen: codes niet uniek of niet gesorteerd")
    for s in scholen:
        waar = f"school {s['code']}"
        if not re.fullmatch(r"[0-9]{2}[A-Z]{2}[0-9]{2}", s["code"]) or not s["naam"]:
            raise BouwFout(f"{waar}: ongeldige code of lege naam")
        if s["soort"] not in ("bo", "sbo", "vo"):
            raise BouwFout(f"{waar}: onbekende soort {s['soort']!r}")
        if s["gemeente_code"] not in gemeenten:
            raise BouwFout(f"{waar}: onbekende gemeente {s['gemeente_code']}")
        sector = "VO" if s["soort"] == "vo" else "PO"
        if s["swv"]:
            if s["swv"] not in swv or s["swv"][:2] != sector:
                raise BouwFout(f"{waar}: onbekend of verkeerd SWV {s['swv']}")
            if s["herkomst_swv"] not in HERKOMSTEN or s["reden"]:
                raise BouwFout(f"{waar}: herkomst {s['herkomst_swv']!r}, reden {s['reden']!r}")
        elif s["reden"] not in REDENEN:
            raise BouwFout(f"{waar}: geen SWV en geen reden")


def maak_schoolindex(scholen: list[dict[str, str]]) -> list[dict[str, str]]:
    """Every word under which a school is found -> its row numbers in scholen.csv."""
    per: dict[str, list[int]] = defaultdict(list)
    for nummer, s in enumerate(scholen):
        for woord in indexwoorden(s["naam"]):
            per[woord].append(nummer)
    return [{"woord": w, "rijen": " ".join(map(str, per[w]))} for w in sorted(per)]


def maak_zoekindex(ds: Rijen) -> list[dict[str, str]]:
    """Every searchable name with its normalised key. ``ref`` is a gemeente or SWV code,
    or the row number in woonplaatsen.csv, voormalige_gemeenten.csv or aliassen.csv."""
    ingangen = set()
    for g in ds.gemeenten:
        # "Bergen (NH.)" and "Bergen (L.)" are both found as "Bergen".
        for sleutel in {normaliseer(g["naam"]), basisnaam(normaliseer(g["naam"]))}:
            ingangen.add((sleutel, "gemeente", g["code"]))
    for soort, rijen, veld in (
        ("alias", ds.aliassen, "alias"),
        ("woonplaats", ds.woonplaatsen, "naam"),
        ("voormalige gemeente", ds.voormalige_gemeenten, "naam"),
    ):
        for nummer, rij in enumerate(rijen):
            ingangen.add((normaliseer(rij[veld]), soort, str(nummer)))
    # An official place is also found without its postal suffix: "Loo" finds "Loo Gld".
    for nummer, rij in enumerate(ds.woonplaatsen):
        if rij["bron"] == OFFICIEEL:
            ingangen.add((basisnaam(normaliseer(rij["naam"])), "woonplaats", str(nummer)))
    for v in ds.samenwerkingsverbanden:
        for naam in (v["naam"], *v["ook_bekend_als"].split(";")):
            if naam.strip():
                ingangen.add((normaliseer(naam), "samenwerkingsverband", v["code"]))
    return [
        {"sleutel": s, "soort": soort, "ref": ref}
        for s, soort, ref in sorted(ingangen, key=lambda i: (i[0], i[1], i[2].zfill(6)))
        if s
    ]


def schrijf(
    ds: Rijen,
    map_: Path,
    metadata: dict[str, Any],
    bronnen_md: str | None = None,
    *,
    duurzaam: bool = False,
) -> dict[str, Any]:
    """Check and write *ds* into *map_*; returns the metadata written. *duurzaam*: each
    file reaches the disk before the call returns (for a copy about to be activated)."""
    controleer(ds)
    ds.zoekindex = maak_zoekindex(ds)
    ds.schoolindex = maak_schoolindex(ds.scholen)
    map_.mkdir(parents=True, exist_ok=True)
    bestanden = {}
    for stam, kolommen in formaat.BESTANDEN.items():
        if stam in formaat.OPTIONEEL and not ds.scholen:
            # Without schools of its own, the dataset uses the bundled ones.
            (map_ / formaat.bestandsnaam(stam)).unlink(missing_ok=True)
            continue
        data = csv_tekst(getattr(ds, stam), kolommen).encode("utf-8")
        naam = formaat.bestandsnaam(stam)
        _schrijf(map_ / naam, data, duurzaam)
        bestanden[naam] = {"rijen": len(getattr(ds, stam)), "bytes": len(data),
                           "sha256": formaat.sha256(data)}
    meta = {
        "formaat": formaat.FORMAAT_VERSIE,
        **metadata,
        "aantallen": aantallen(ds),
        "bestanden": bestanden,
    }
    tekst = json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if bronnen_md is not None:
        _schrijf(map_ / "SOURCES.md", bronnen_md.encode("utf-8"), duurzaam)
    # Last: a folder with metadata is complete.
    _schrijf(map_ / formaat.METADATA, tekst.encode("utf-8"), duurzaam)
    return meta


def _schrijf(pad: Path, data: bytes, duurzaam: bool) -> None:
    with open(pad, "wb") as f:
        f.write(data)
        if duurzaam:
            f.flush()
            os.fsync(f.fileno())
