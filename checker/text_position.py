"""Where a place in a text is, as people count: line and column, both from 1 (standard library
only, so that the query worker may use it too)."""

from __future__ import annotations


def text_position(before: str) -> tuple[int, int]:
    """Return the 1-based line and column just after the given text."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
