"""``python -m generator`` runs the specloom command line."""

from generator.cli import run

run()
