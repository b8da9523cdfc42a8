"""``python -m passend_cli`` runs the same command as ``passend``."""

from passend_cli.start import main

main()
