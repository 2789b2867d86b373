"""Cache files that carry their own SHA-256: one altered since it was written is not read.

A sealed file is the hex SHA-256 of its body, a newline, then the body (compact JSON).  The
caches' memos (black's formatted pieces, the config table) are sealed, so a memo edited by
hand or cut short is a cache miss, never output.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def seal(content: Any) -> bytes:
    """``content`` as compact JSON, behind its digest."""
    body = json.dumps(content, separators=(",", ":"), allow_nan=False).encode("utf-8")
    return hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body


def unseal(raw: bytes) -> Any:
    """The JSON of a sealed file's bytes; ``ValueError`` when it is not one or was altered."""
    digest, newline, body = raw.partition(b"\n")
    if not newline or hashlib.sha256(body).hexdigest().encode("ascii") != digest:
        raise ValueError("not a sealed file, or altered since it was written")
    return json.loads(body)
