"""``python -m generator`` runs the specloom command line."""

import sys

from generator.cli import main

sys.exit(main())
