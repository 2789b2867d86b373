"""Semantic diff of two schemas: what a spec change means for callers of the request models.

Both sides are read into the IR first, so the inputs may be different formats
or docs flavors; only facts are compared, and a fact one side does not carry
(``None``: the source cannot say) is never reported as a change.
"""

from generator.diff.changes import Change, Impact
from generator.diff.schema import diff_schemas

__all__ = ["Change", "Impact", "diff_schemas"]
