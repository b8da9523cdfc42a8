"""passend: welk samenwerkingsverband passend onderwijs hoort bij deze plaats?

Importing the package reads no data and imports nothing heavy; the dataset is
loaded on first use (see :mod:`passend_cli.dataset`).
"""

__version__ = "0.1.0"
