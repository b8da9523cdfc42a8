"""The rows of a dataset while it is assembled: one list of dicts per bundled file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Rijen:
    """All rows of the dataset files, keyed by file stem; see :mod:`.schrijven`."""

    gemeenten: list[dict[str, str]] = field(default_factory=list)
    postcodes: list[dict[str, str]] = field(default_factory=list)
    woonplaatsen: list[dict[str, str]] = field(default_factory=list)
    voormalige_gemeenten: list[dict[str, str]] = field(default_factory=list)
    aliassen: list[dict[str, str]] = field(default_factory=list)
    samenwerkingsverbanden: list[dict[str, str]] = field(default_factory=list)
    wijzigingen: list[dict[str, str]] = field(default_factory=list)
    scholen: list[dict[str, str]] = field(default_factory=list)
    zoekindex: list[dict[str, str]] = field(default_factory=list)  # made by ``schrijven``
    schoolindex: list[dict[str, str]] = field(default_factory=list)  # made by ``schrijven``
    meldingen: list[str] = field(default_factory=list)  # diagnostics, not shipped


class BouwFout(Exception):
    """The sources do not add up; the message says where."""
