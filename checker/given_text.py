"""Text an evaluator gives with a write: a judgement's rationale (docs/model.md, decision 20)
or why a revision is deleted (docs/store.md), kept and shown in reports and histories; checked
alike wherever it is given (CLI, form, API), and refused in one family of messages that names
the text, where it was given and what was not done."""

from __future__ import annotations

import unicodedata
from typing import Literal

from .errors import InputError
from .i18n import Phrase, phrase

# The longest text kept, in characters: a paragraph or a few, what a report line can show.
NOTE_LIMIT = 2000

# What a given text keeps of the control characters (Unicode's Cc): its lines and its tabs.
LINE_CHARACTERS = frozenset("\t\n")
# Characters that are no control characters (Cc) but break or reorder the lines a report shows:
# the line and paragraph separators (U+2028, U+2029) and the bidirectional embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069), which turn the text after them around.
LAYOUT_CHARACTERS = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
                              "\u2066\u2067\u2068\u2069")

GivenFor = Literal["rationale", "deletion"]  # a judgement's rationale, or a deletion's reason
Asker = Literal["cli", "form", "api"]  # where it is given, which its refusals name
# The CLI option (--note) and the JSON key (note) that give each text.
_OPTION = {"rationale": "note", "deletion": "reason"}


def given_field(given_for: GivenFor, asked_by: Asker) -> Phrase:
    """Where the text is given, as its refusals name it: the CLI's option (--note, --reason),
    the page form's field (“理由”, “删除理由”) or the API's JSON key."""
    return phrase(f"given_text.field.{asked_by}", option=_OPTION[given_for],
                  label=phrase(f"given_text.label.{given_for}"))


def checked_text(given: str | None, given_for: GivenFor, asked_by: Asker) -> str:
    """`given` trimmed, its line breaks (CR LF, CR) line feeds ("" for None); InputError naming
    the text, where it was given (`given_field`) and what was not done, for one over NOTE_LIMIT
    characters or holding a control character other than tab and line feed (ESC, NUL…), which
    no report shows (HTML and XML forbid most of them) and which would reach a terminal raw, or
    one of LAYOUT_CHARACTERS, which would break or reorder what reports and histories show."""
    text = (given or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    said = {"field": given_field(given_for, asked_by),
            "name": phrase(f"given_text.name.{given_for}"),
            "outcome": phrase(f"given_text.outcome.{given_for}")}
    for character in text:
        if unicodedata.category(character) == "Cc" and character not in LINE_CHARACTERS:
            raise InputError.of("error.given_text.control", **said,
                                character=f"U+{ord(character):04X}")
        if character in LAYOUT_CHARACTERS:
            raise InputError.of("error.given_text.layout", **said,
                                shown=phrase(f"given_text.shown.{given_for}"),
                                character=f"U+{ord(character):04X} "
                                          f"{unicodedata.name(character)}")
    if len(text) > NOTE_LIMIT:
        raise InputError.of("error.given_text.long", **said, n=len(text), limit=NOTE_LIMIT)
    return text
