"""What an sh:pattern written in Python's own regular-expression syntax is to other engines.
SHACL 1.0 (4.7.1) reads a pattern as XPath's fn:matches does (XPath and XQuery Functions and
Operators 3.1, 5.6.1): XML Schema's syntax with `^` and `$`, reluctant quantifiers (`*?`, `+?`,
`{2,3}?`), back-references (`\\1`), non-capturing groups (`(?:…)`) and the escape `\\$`, flags
given apart (sh:flags). pyshacl compiles patterns with Python's `re`, which also accepts word
boundaries (`\\b`), `\\A` and `\\Z`, inline flags (`(?i)`), look-ahead and look-behind, named,
atomic, conditional and comment groups, possessive quantifiers (`*+`), `{,3}`, escapes of
characters by code or name (`\\x41`) or of any punctuation (`\\/`), and `{`, `}` or `]` as
themselves: a rulebook written so checks here, and other engines refuse it or read it otherwise
(checker/xpath_patterns.py says the converse)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ESCAPED = frozenset("nrt\\|.?*+(){}-[]^$")  # XPath's single-character escapes
_CLASSES = frozenset("dDsSwWiIcCpP")  # its multi-character and category escapes
_CHARACTERS = {"a": "\a", "f": "\f", "v": "\v"}
_CODED = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|N\{([^}]*)\}"
                    r"|(0[0-7]{0,2}|[0-7]{3}))")
_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")
_SCOPED_FLAGS = re.compile(r"\(\?[aiLmsux]*(?:-[imsx]+)?:")
_NAMED = re.compile(r"\(\?P<(\w+)>")
_COMMENT = re.compile(r"\(\?#[^)]*\)")
_GROUPS = {"(?=": "lookahead", "(?!": "lookahead", "(?<=": "lookbehind", "(?<!": "lookbehind",
           "(?>": "atomic_group", "(?(": "conditional"}
_QUANTITY = re.compile(r"\{(\d*)(,?)(\d*)\}")


@dataclass(frozen=True)
class PythonOnly:
    """A construct of Python's syntax in a pattern: its kind, as written, and what XPath's
    syntax writes instead (`instead`: flags, flags_dropped, write, unnamed, character, drop or
    none; `write`: what)."""

    construct: str
    written: str
    instead: str
    write: str = ""


def python_only(pattern: str) -> PythonOnly | None:
    """The first construct of `pattern`, which Python's `re` compiles, that XPath's syntax lacks;
    None when there is none."""
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            found, at = _escape(pattern, at, in_class=False)
        elif char == "[":
            found, at = _class(pattern, at)
        elif pattern.startswith("(?", at):
            found, at = _group(pattern, at)
        elif char in "*+?":
            found, at = _possessive(pattern, at, at + 1)
        elif char == "{":
            found, at = _quantity(pattern, at)
        elif char in "}]":
            found, at = PythonOnly("unescaped", char, "write", "\\" + char), at + 1
        else:
            found, at = None, at + 1
        if found is not None:
            return found
    return None


def _escape(pattern: str, at: int, in_class: bool) -> tuple[PythonOnly | None, int]:
    """The escape at `at`, and where what follows it starts."""
    letter = pattern[at + 1:at + 2]
    if letter == "p" or letter == "P":  # \p{Lu}: its braces are its own
        end = pattern.find("}", at)
        return None, (end + 1 if end > 0 else at + 2)
    if letter in _ESCAPED or letter in _CLASSES:
        return None, at + 2
    if (coded := _CODED.match(pattern, at)) is not None:
        return _character(coded), coded.end()
    if letter.isdigit() and in_class:  # Python's octal code, [\1]
        octal = re.match(r"[0-7]{1,3}", pattern[at + 1:at + 4])
        code = octal.group() if octal is not None else "0"
        return (PythonOnly("character_escape", "\\" + code, "character",
                           _visible(chr(int(code, 8)))), at + 1 + len(code))
    if letter.isdigit():  # a back-reference, \1
        end = at + 1
        while end < len(pattern) and pattern[end].isdigit():
            end += 1
        return None, end
    written = pattern[at:at + 2]
    if letter in "bB" and not (in_class and letter == "b"):
        return PythonOnly("word_boundary", written, "none"), at + 2
    if letter == "A" or letter == "Z":
        return PythonOnly("anchor", written, "write", "^" if letter == "A" else "$"), at + 2
    if letter in _CHARACTERS or letter == "b":
        return PythonOnly("character_escape", written, "character",
                          _visible(_CHARACTERS.get(letter, "\b"))), at + 2
    return PythonOnly("needless_escape", written, "write", letter), at + 2


def _character(coded: re.Match[str]) -> PythonOnly:
    """An escape of a character by its code or name (`\\x41`, `\\N{DIGIT ONE}`, `\\012`)."""
    hexadecimal = coded.group(1) or coded.group(2) or coded.group(3)
    if hexadecimal:
        char = chr(int(hexadecimal, 16))
    elif coded.group(4) is not None:
        char = unicodedata.lookup(coded.group(4))
    else:
        char = chr(int(coded.group(5), 8))
    return PythonOnly("character_escape", coded.group(), "character", _visible(char))


def _visible(char: str) -> str:
    """A character as a message can show it: itself, or its code point (`U+000C`)."""
    return char if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def _class(pattern: str, at: int) -> tuple[PythonOnly | None, int]:
    """The character class opening at `at` (a `]` first in it is one of its characters, as
    Python reads it), and where what follows it starts."""
    end = at + 1
    if pattern.startswith("^", end):
        end += 1
    if pattern.startswith("]", end):
        return PythonOnly("unescaped", "]", "write", "\\]"), end + 1
    while end < len(pattern) and pattern[end] != "]":
        if pattern[end] == "\\":
            found, end = _escape(pattern, end, in_class=True)
            if found is not None:
                return found, end
        else:
            end += 1
    return None, end + 1


def _group(pattern: str, at: int) -> tuple[PythonOnly | None, int]:
    """The `(?` group at `at`, and where what follows its opening starts. A named group comes
    before any back-reference to its name (`(?P=y)`), so it is the one found."""
    if pattern.startswith("(?:", at):
        return None, at + 3
    if (named := _NAMED.match(pattern, at)) is not None:
        return PythonOnly("named_group", named.group(), "unnamed"), named.end()
    if (comment := _COMMENT.match(pattern, at)) is not None:
        return PythonOnly("comment", comment.group(), "drop"), comment.end()
    if (flags := _FLAGS.match(pattern, at)) is not None:
        letters = "".join(sorted(set(flags.group(1))))
        if set(letters) <= set("im"):
            return PythonOnly("inline_flags", flags.group(), "flags", letters), flags.end()
        if set(letters) <= set("imsx"):  # XPath's flags, of which pyshacl drops s and x
            return PythonOnly("inline_flags", flags.group(), "flags_dropped", letters), flags.end()
        instead = "drop" if letters == "u" else "none"  # (?u) is Python's default for text
        return PythonOnly("inline_flags", flags.group(), instead), flags.end()
    if (scoped := _SCOPED_FLAGS.match(pattern, at)) is not None:
        return PythonOnly("scoped_flags", scoped.group(), "none"), scoped.end()
    opening = next((o for o in sorted(_GROUPS, key=len, reverse=True)
                    if pattern.startswith(o, at)), None)
    if opening is None:  # none that Python compiles
        return None, at + 2
    return PythonOnly(_GROUPS[opening], opening, "none"), at + len(opening)


def _possessive(pattern: str, start: int, end: int) -> tuple[PythonOnly | None, int]:
    """The quantifier from `start` to `end`: a `+` after it makes it possessive (a `?`,
    reluctant, is XPath's too)."""
    if pattern.startswith("+", end):
        return PythonOnly("possessive", pattern[start:end + 1], "none"), end + 1
    return None, end + 1 if pattern.startswith("?", end) else end


def _quantity(pattern: str, at: int) -> tuple[PythonOnly | None, int]:
    """The `{` at `at`: a quantity `{2,3}` (XPath's), `{,3}` (Python's: from 0), or a brace
    Python takes as itself."""
    quantity = _QUANTITY.match(pattern, at)
    if quantity is None or not (quantity.group(1) or quantity.group(2)):
        return PythonOnly("unescaped", "{", "write", "\\{"), at + 1
    if not quantity.group(1):
        return (PythonOnly("open_minimum", quantity.group(), "write",
                           "{0," + quantity.group(3) + "}"), quantity.end())
    return _possessive(pattern, at, quantity.end())
