"""Text an evaluator gives with a write: a judgement's rationale (docs/model.md, decision 20)
or why a revision is deleted (docs/store.md), kept and shown in reports and histories; checked
alike wherever it is given (CLI, form, API)."""

from __future__ import annotations

import unicodedata
from typing import Literal

from .errors import InputError

# The longest rationale kept, in characters: a paragraph or a few, what a report line can show.
NOTE_LIMIT = 2000

# What a rationale keeps of the control characters (Unicode's Cc): its lines and its tabs.
LINE_CHARACTERS = frozenset("\t\n")
# Characters that are no control characters (Cc) but break or reorder the lines a report shows:
# the line and paragraph separators (U+2028, U+2029) and the bidirectional embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069), which turn the text after them around.
LAYOUT_CHARACTERS = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
                              "\u2066\u2067\u2068\u2069")


def rationale_given(note: str, field: str,
                    given_for: Literal["judgement", "deletion"] = "judgement") -> str:
    """`note` trimmed, its line breaks (CR LF, CR) line feeds; InputError naming `field` and the
    first character it may not hold: a control character other than tab and line feed (ESC,
    NUL…), which no report shows (HTML and XML forbid most of them) and which would reach a
    terminal raw, or one of LAYOUT_CHARACTERS, which would break or reorder what reports show.
    `given_for`: a judgement's rationale, or why a revision is deleted (its refusal's words)."""
    text = note.replace("\r\n", "\n").replace("\r", "\n").strip()
    for character in text:
        if unicodedata.category(character) == "Cc" and character not in LINE_CHARACTERS:
            raise InputError.of(f"error.{given_for}.control_note", field=field,
                                character=f"U+{ord(character):04X}")
        if character in LAYOUT_CHARACTERS:
            raise InputError.of(f"error.{given_for}.layout_note", field=field,
                                character=f"U+{ord(character):04X} "
                                          f"{unicodedata.name(character)}")
    return text
