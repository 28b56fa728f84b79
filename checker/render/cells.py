"""Submitted text made safe for a terminal: control characters shown, table cells kept short.

Labels and values come from submissions, so they may hold escape sequences (which would recolour
or retitle the reader's terminal), line breaks (which would break a table) or megabytes of text.
Only terminal output goes through here; CSV and JSON keep every value exact.
"""

from __future__ import annotations

import unicodedata

# Control characters, and the line and paragraph separators some terminals break lines at.
_SHOWN_ESCAPED = ("Cc", "Zl", "Zp")
CELL_CHARS = 200  # a table cell longer than this is cut: a wide label already spans a screen
CUT_MARK = "…"


def printable(text: str) -> str:
    """`text` with control characters (a terminal's escape sequences) written as `\\xNN` (or
    `\\uNNNN` above U+00FF)."""
    return "".join(_escaped(ch) if unicodedata.category(ch) in _SHOWN_ESCAPED else ch
                   for ch in text)


def table_cell(text: str) -> tuple[str, bool]:
    """A cell as a table shows it: printable, at most CELL_CHARS characters (then ending in
    CUT_MARK); and whether it was cut."""
    shown = printable(text)
    if len(shown) <= CELL_CHARS:
        return shown, False
    return shown[:CELL_CHARS - len(CUT_MARK)] + CUT_MARK, True


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
