"""passend: welk samenwerkingsverband passend onderwijs hoort bij deze plaats?

The Python API (see :mod:`passend_cli.api` and the README, "Gebruik vanuit Python")::

    import passend_cli

    passend_cli.zoek("Overveen").resultaten[0].samenwerkingsverbanden
    passend_cli.postcode("2011 AB")
    passend_cli.gemeente("GM0392")
    passend_cli.samenwerkingsverband("VO2705")
    passend_cli.lijst(sector="po", provincie="Gelderland")
    passend_cli.zoek("Haarlem", dataset=passend_cli.Dataset.meegeleverd())

Only the names in ``__all__`` are public. Importing the package reads no data and
imports nothing heavy: each public name is imported on first use (module
``__getattr__``), and the dataset is loaded when a lookup first needs it (see
:mod:`passend_cli.dataset`).
"""

__version__ = "0.1.0"

# Not imported from typing, which costs more than the rest of this module; type
# checkers read this name as true all the same.
TYPE_CHECKING = False

# Public name -> the module that defines it.
_HERKOMST = {
    "zoek": "passend_cli.api",
    "postcode": "passend_cli.api",
    "gemeente": "passend_cli.api",
    "samenwerkingsverband": "passend_cli.api",
    "lijst": "passend_cli.api",
    "Dataset": "passend_cli.dataset",
    "Uitkomst": "passend_cli.antwoorden",
    "Resultaat": "passend_cli.antwoorden",
    "Dekking": "passend_cli.antwoorden",
    "Verband": "passend_cli.antwoorden",
    "Gemeente": "passend_cli.model",
    "GemeenteDeel": "passend_cli.antwoorden",
    "Adres": "passend_cli.model",
    "Opvolger": "passend_cli.antwoorden",
    "PassendFout": "passend_cli.fouten",
    "NietGevonden": "passend_cli.fouten",
    "OngeldigeInvoer": "passend_cli.fouten",
    "DataFout": "passend_cli.fouten",
}

__all__ = [
    "Adres",
    "DataFout",
    "Dataset",
    "Dekking",
    "Gemeente",
    "GemeenteDeel",
    "NietGevonden",
    "OngeldigeInvoer",
    "Opvolger",
    "PassendFout",
    "Resultaat",
    "Uitkomst",
    "Verband",
    "gemeente",
    "lijst",
    "postcode",
    "samenwerkingsverband",
    "zoek",
]


def __getattr__(naam: str) -> object:
    module = _HERKOMST.get(naam)
    if module is None:
        raise AttributeError(f"module 'passend_cli' has no attribute {naam!r}")
    from importlib import import_module

    waarde = getattr(import_module(module), naam)
    globals()[naam] = waarde  # the next access is a plain attribute
    return waarde


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__} - {"TYPE_CHECKING"})


if TYPE_CHECKING:  # what type checkers and editors see; at run time __getattr__ does it
    from passend_cli.antwoorden import Dekking, GemeenteDeel, Opvolger, Resultaat, Uitkomst, Verband
    from passend_cli.api import gemeente, lijst, postcode, samenwerkingsverband, zoek
    from passend_cli.dataset import Dataset
    from passend_cli.fouten import DataFout, NietGevonden, OngeldigeInvoer, PassendFout
    from passend_cli.model import Adres, Gemeente
