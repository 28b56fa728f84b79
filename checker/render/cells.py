"""Submitted text made safe for a terminal: control characters shown, table cells kept short.

Labels and values come from submissions, so they may hold escape sequences (which would recolour
or retitle the reader's terminal), line breaks (which would break a table) or megabytes of text.
Only terminal output goes through here; CSV and JSON keep every value exact.
"""

from __future__ import annotations

import unicodedata

from ..labels import NAME_CHARS, cut_text

# Control characters, and the line and paragraph separators some terminals break lines at.
_SHOWN_ESCAPED = ("Cc", "Zl", "Zp")
CELL_CHARS = NAME_CHARS  # a table cell is cut as a name is in a report


def printable(text: str) -> str:
    """`text` with control characters (a terminal's escape sequences) written as `\\xNN` (or
    `\\uNNNN` above U+00FF)."""
    return "".join(map(_shown, text))


def printable_cut(text: str, limit: int) -> tuple[str, bool]:
    """`text` printable, at most `limit` characters (then ending in …, never inside an escape);
    and whether it was cut."""
    return cut_text(text, limit, _shown)


def table_cell(text: str) -> tuple[str, bool]:
    """A cell as a table shows it: printable, at most CELL_CHARS characters (then ending in
    …); and whether it was cut."""
    return printable_cut(text, CELL_CHARS)


def _shown(ch: str) -> str:
    return _escaped(ch) if unicodedata.category(ch) in _SHOWN_ESCAPED else ch


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
