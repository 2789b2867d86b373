"""Writing rendered files to the out folder, and comparing them with it (drift check)."""
