"""The cache of the regeneration loop: unchanged runs stop early, changed ones render what changed.

- ``key``: the content key of a run (specloom, inputs, templates, options), hashed before parsing;
- ``store``: the record of the last run, ``.specloom-cache/<out>/run.json`` beside the config (git-ignored, sealed);
- ``fast``: an unchanged run, checked against the out folder without parsing or rendering;
- ``incremental``: which files a changed run must render again.
"""
