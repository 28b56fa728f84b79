"""What an sh:pattern written for XPath's regular expressions (SHACL 1.0, 4.7.1: fn:matches)
means to Python's `re`, which the engine here compiles patterns with: XPath's multi-character
escapes of name characters (`\\i`, `\\c`), its Unicode blocks and categories (`\\p{IsBasicLatin}`)
Python cannot compile; its character-class subtraction (`[a-z-[p]]`) Python compiles as another
pattern, a class of `-` and `[` among others followed by a `]` to match."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\(?:[pP]\{[^}]*\}?|[iIcC])")


def xpath_only(pattern: str) -> tuple[str, str] | None:
    """The first construct of XPath's syntax that Python reads otherwise, as its kind (`escape`,
    `subtraction`) and as written (`\\p{IsBasicLatin}`, `-[p]`); None when there is none."""
    in_class = False
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            if escape := _ESCAPE.match(pattern, at):
                return "escape", escape.group()
            at += 2
            continue
        if in_class and pattern.startswith("-[", at):
            return "subtraction", pattern[at:_class_end(pattern, at + 1) + 1]
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        at += 1
    return None


def _class_end(pattern: str, start: int) -> int:
    """Where the class opening at `start` closes (its `]`), escapes aside; the pattern's last
    character when it does not."""
    at = start + 1
    while at < len(pattern):
        if pattern[at] == "\\":
            at += 2
            continue
        if pattern[at] == "]":
            return at
        at += 1
    return len(pattern) - 1
