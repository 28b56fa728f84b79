"""Text for a terminal: submitted text made safe (control characters shown, table cells kept
short), the columns text takes, and prose wrapped to a width.

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


def printable_lines(text: str) -> str:
    """`printable` line by line: the line breaks a message is written in stay line breaks; any
    other control character, one a file name or a parser's message brought in, is escaped."""
    return "\n".join(printable(line) for line in text.split("\n"))


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


_ZWJ = "\u200d"  # joins the characters around it into one glyph (👨‍👩‍👧)
_VS16 = "\ufe0f"  # makes the character before it an emoji two columns wide: ❤ + VS16 = 2


def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide and full-width characters count twice;
    combining marks, a zero-width joiner and the character it joins on take none."""
    columns, joined = 0, False
    for ch in text:
        if not joined and ch != _ZWJ and (
                ch == _VS16 or unicodedata.category(ch) not in ("Mn", "Me")):
            columns += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        joined = ch == _ZWJ
    return columns


# Punctuation a line may not start with (closing) or end with (opening), in either script.
_CLOSING = frozenset("，。、；：！？）」』”’》〉】…,.;:!?)]}%")
_OPENING = frozenset("（「『“‘《〈【([{")


def wrapped(text: str, first: str, indent: str, columns: int) -> list[str]:
    """`text` as lines of at most `columns` columns where it can be broken: the first line after
    `first`, the others after `indent`. English breaks between words, Chinese between any two
    characters, but never before closing or after opening punctuation; a word wider than a
    line is broken where it must be."""
    lines, line, spaced = [], first, False
    for unit in _units(text):
        if unit.isspace():
            spaced = line.strip() != ""
            continue
        joined = line + (" " if spaced else "") + unit
        if width(joined) > columns and line.strip():
            lines.append(line)
            joined = indent + unit
        while width(joined) > columns and len(joined) > len(indent) + 1:  # a word wider than a line
            cut = _fitting(joined, columns)
            lines.append(joined[:cut])
            joined = indent + joined[cut:]
        line, spaced = joined, False
    return [*lines, line]


def _units(text: str) -> list[str]:
    """`text` as the pieces a line breaks between: runs of space, words of narrow characters,
    single wide characters, each with the punctuation that clings to it."""
    units: list[str] = []
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        last = units[-1] if units else ""
        clings = last and not last.isspace() and not ch.isspace() and (
            ch in _CLOSING or last[-1] in _OPENING
            or not wide and unicodedata.east_asian_width(last[-1]) not in "WF")
        if clings or (ch.isspace() and last.isspace()):
            units[-1] += ch
        else:
            units.append(ch)
    return units


def _fitting(text: str, columns: int) -> int:
    """How many characters of `text` fit in `columns` (one at least)."""
    taken = 0
    for index, ch in enumerate(text):
        taken += width(ch)
        if taken > columns:
            return max(index, 1)
    return len(text)
