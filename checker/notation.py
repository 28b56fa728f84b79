"""Provisions as people read them: the standard's own notation, lists in the reader's language.

Ids (`9.1.4-c-3`) stay in machine formats (JSON, Turtle, IRIs, CSS anchors); what people read
says `9.1.4 c) —3`, as the draft numbers its list items (letters with a parenthesis, dashes with
a number) and as the shapes' messages cite them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .i18n import Lang, Localized

# The part of a clause whose modal verb gives it another level than the clause, by the level its id
# names, as people read it: 6.1.2.2's 可考虑采用… (`6.1.2.2-may`) is `6.1.2.2 〔可〕`, in English
# `6.1.2.2 [may]`, an editor's mark, as the standard numbers no such part (docs/model.md).
_PART_MARKS: dict[str, dict[Lang, str]] = {"may": {"zh": "〔可〕", "en": "[may]"}}
# The list marker or part mark after the clause number that opens every catalogue label
# ("4.2.1 a) —2 …", "6.1.2.2 〔可〕 …", "6.1.2.2 [may] …").
_LABEL_LEAD = re.compile(r"\A\s*(?:[a-z]\)|" + "|".join(
    re.escape(mark) for marks in _PART_MARKS.values() for mark in marks.values())
                         + r")?\s*(?:—\d+)?\s*")


# The provision ids the notation can show (docs/model.md, "Requirement individuals"): a clause,
# then a letter (4.2.1-a), a dash item (5.3-1), both (9.1.4-a-1), or a part's level (6.1.2.2-may).
_PROVISION_ID = re.compile(r"\d+(?:\.\d+)*(?:-(?:[a-z](?:-\d+)?|\d+|"
                           + "|".join(map(re.escape, _PART_MARKS)) + r"))?")


def renders(requirement_id: str) -> bool:
    """Whether the notation can show the id (`8.2.6-improve` it cannot: it would read as the list
    item `8.2.6 improve)`); `bcic rules coverage` refuses any other."""
    return _PROVISION_ID.fullmatch(requirement_id) is not None


def is_part(requirement_id: str) -> bool:
    """Whether the id names a part of a clause of its own level (`6.1.2.2-may`), not a list item."""
    return requirement_id.rsplit("-", 1)[-1] in _PART_MARKS


def provision_notation(requirement_id: str, lang: Lang) -> str:
    """`8.1.3-5` → `8.1.3 —5`, `9.1.4-c-3` → `9.1.4 c) —3`, `4.2.2-g` → `4.2.2 g)`, `5.1` → `5.1`,
    `6.1.2.2-may` → `6.1.2.2 〔可〕` (zh), `6.1.2.2 [may]` (en)."""
    clause, *items = requirement_id.split("-")
    marks = [f"—{item}" if item.isdigit()
             else _PART_MARKS[item][lang] if item in _PART_MARKS else f"{item})" for item in items]
    return " ".join([clause, *marks])


@dataclass(frozen=True)
class Notation(Localized):
    """A provision's notation in a message said later, in the reader's language (`6.1.2.2 〔可〕`,
    `6.1.2.2 [may]`); with `within`, less that clause's number (`i)` of `4.2.1 a)–i)`)."""

    requirement_id: str
    within: str | None = None

    def text(self, lang: Lang) -> str:
        """The notation in `lang`."""
        said = provision_notation(self.requirement_id, lang)
        return said.removeprefix(f"{self.within} ") if self.within else said


def without_notation(requirement_id: str, label: str) -> str:
    """A catalogue label less the clause number and list marker it opens with, for a line that
    shows the provision's notation beside it: `4.2.1 a) 地方性法规与执法` → `地方性法规与执法`."""
    clause = requirement_id.split("-", 1)[0]
    if not label.startswith(clause + " "):
        return label
    return _LABEL_LEAD.sub("", label[len(clause):], count=1) or label


def listed(items: Iterable[str], lang: Lang) -> str:
    """Items joined as the language lists them: `a、b` in Chinese, `a, b` in English."""
    return ("、" if lang == "zh" else ", ").join(items)


def provisions_listed(requirement_ids: Iterable[str], lang: Lang) -> str:
    """Provision ids in the standard's notation, listed in `lang`."""
    return listed((provision_notation(r, lang) for r in requirement_ids), lang)


# A provision as people write it: the id (8.3.4-2, 9.1.4-c-3, 6.1.2.2-may) or the notation
# (8.3.4 —2, 6.2 d), 9.1.4 c) —3, 6.1.2.2 [may], 6.1.2.2 〔可〕), with any dash or none before an
# item, a list letter with or without its parenthesis (ASCII or full-width).
_ASKED = re.compile(r"(?P<clause>\d+(?:\.\d+)*)"
                    r"(?:\s*-?\s*(?P<letter>[a-z])\s*[)）]?)?"
                    r"(?:\s*[-—–－]\s*(?P<dash>\d+))?"
                    r"(?:\s*-?\s*(?P<part>" + "|".join(
                        re.escape(mark) for part, marks in _PART_MARKS.items()
                        for mark in (part, *marks.values())) + r"))?")


def notation_id(written: str) -> str | None:
    """The provision id a person's writing names, the inverse of `provision_notation`:
    `8.3.4 —2` → `8.3.4-2`, `6.2 d)` → `6.2-d`, `9.1.4 c) —3` → `9.1.4-c-3`, `6.1.2.2 〔可〕` →
    `6.1.2.2-may`, an id as it is; None when it has no provision's form."""
    found = _ASKED.fullmatch(written.strip().lower())
    if found is None:
        return None
    part = found["part"]
    parts = [found["clause"], found["letter"], found["dash"],
             next((p for p, marks in _PART_MARKS.items() if part in (p, *marks.values())), None)
             if part else None]
    return "-".join(p for p in parts if p)
