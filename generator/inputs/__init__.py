"""Input formats: each sub-package reads one format into IR definitions."""
