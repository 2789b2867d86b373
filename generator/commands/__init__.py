"""One module per ``specloom`` command: each adds its parser and runs it."""
