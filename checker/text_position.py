"""Where a place in a text is, as people count: line and column, both from 1 (standard library
only, so that the query worker may use it too).

A line ends at a line feed, a carriage return, or the two together (CR LF), as the parsers that
read a submission count (pyoxigraph, expat) and as editors do: a position bcic computes itself
names the same line as one a parser gives for the same file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

_LINE_END = re.compile(r"\r\n?|\n")


def text_position(before: str) -> tuple[int, int]:
    """Return the 1-based line and column just after the given text."""
    ends = before.count("\n") + before.count("\r") - before.count("\r\n")
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return ends + 1, len(before) - start + 1


def positions(text: str, offsets: Iterable[int]) -> list[tuple[int, int]]:
    """The 1-based line and column of each offset into the text, in one pass over its line ends
    (text_position slices the text before each offset)."""
    starts = [0, *(end.end() for end in _LINE_END.finditer(text))]
    placed = []
    for offset in offsets:
        line = bisect.bisect_right(starts, offset)
        placed.append((line, offset - starts[line - 1] + 1))
    return placed


def text_lines(text: str) -> list[str]:
    """The text's lines, without their line ends; line n (from 1) is item n - 1."""
    return _LINE_END.split(text)


def column_of_byte(text: str, line: int, byte_column: int) -> int:
    """The 1-based column, in characters, of a place a parser gives as a line and a 1-based
    column counted in UTF-8 bytes; the column as given when the text has no such line."""
    lines = text_lines(text)
    if not 0 < line <= len(lines):
        return byte_column
    before = lines[line - 1].encode("utf-8")[: max(byte_column - 1, 0)]
    return len(before.decode("utf-8", errors="ignore")) + 1
