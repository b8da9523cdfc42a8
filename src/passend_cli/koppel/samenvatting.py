"""The summary of a ``koppel`` run: counts per kind of match and what stayed empty,
as data and as Dutch sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from passend_cli.fouten import getal, toonbaar

# --- the summary -----------------------------------------------------------------------


@dataclass
class Samenvatting:
    rijen: int = 0
    per_soort: dict[str, int] = field(default_factory=dict)
    meervoudig: int = 0  # resolved, with more than one SWV of a sector
    leeg: int = 0
    meerduidig: int = 0  # a name of several places with different answers
    niet_gevonden: int = 0
    zonder_swv: int = 0  # a known postcode the areas assign no SWV (Europoort)
    vaakst_onbekend: list[tuple[str, int]] = field(default_factory=list)
    seconden: float = 0.0
    lange_rijen: int = 0  # rows with more fields than the header

    @property
    def gekoppeld(self) -> int:
        return sum(self.per_soort.values())

    @property
    def niet_gekoppeld(self) -> int:
        return self.leeg + self.meerduidig + self.niet_gevonden + self.zonder_swv

    def regels(self) -> list[str]:
        """The summary as Dutch sentences for stderr."""
        snelheid = f", {getal(self.rijen / self.seconden)} per seconde" if (
            self.seconden > 0.05 and self.rijen) else ""
        uit = [f"Klaar: {getal(self.rijen)} {_rijen(self.rijen)} in "
               f"{_komma(self.seconden)} s{snelheid}."]
        if self.per_soort:
            delen = ", ".join(f"{soort} {getal(n)}" for soort, n in sorted(
                self.per_soort.items(), key=lambda x: (-x[1], x[0])))
            uit.append(f"Gekoppeld: {getal(self.gekoppeld)} ({delen}).")
        else:
            uit.append("Gekoppeld: 0.")
        if self.meervoudig:
            uit.append(
                f"Meer dan één samenwerkingsverband per sector (gesplitste gemeente, codes "
                f"met | gescheiden): {getal(self.meervoudig)} {_rijen(self.meervoudig)}."
            )
        if self.niet_gekoppeld:
            redenen = []
            if self.leeg:
                redenen.append(f"leeg {getal(self.leeg)}")
            if self.meerduidig:
                redenen.append(f"naam van meer dan één plaats {getal(self.meerduidig)}")
            if self.niet_gevonden:
                redenen.append(f"niet gevonden {getal(self.niet_gevonden)}")
            if self.zonder_swv:
                redenen.append(f"zonder samenwerkingsverband {getal(self.zonder_swv)}")
            zin = f"Niet gekoppeld: {getal(self.niet_gekoppeld)} ({', '.join(redenen)})"
            # Only worth listing when a value recurs, or when there are only a few.
            if self.vaakst_onbekend and (
                    self.vaakst_onbekend[0][1] > 1
                    or self.meerduidig + self.niet_gevonden + self.zonder_swv <= 5):
                zin += "; meest voorkomend: " + ", ".join(
                    f"'{toonbaar(w)}' ({getal(n)}×)" for w, n in self.vaakst_onbekend)
            uit.append(zin + ".")
        if self.lange_rijen:
            uit.append(
                f"Let op: {getal(self.lange_rijen)} {_rijen(self.lange_rijen)} "
                f"{'had' if self.lange_rijen == 1 else 'hadden'} meer "
                "velden dan de kopregel; die extra velden staan achter de nieuwe kolommen."
            )
        return uit


def _komma(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _rijen(n: int) -> str:
    return "rij" if n == 1 else "rijen"
