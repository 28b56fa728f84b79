"""How far one level of a rating scale stands from another (9.2.3, 9.3.2; docs/model.md, decision
24): by the levels' ranks (bcic:levelRank, a higher rank a better level), and only on one scale.
The words are those the named queries indicators-vs-targets and indicators-vs-history write in
SPARQL: 同级 / same level, 高一级 / one level above, 低两级 / two levels below, the count in words
up to ten, then in digits; a level of another scale is not comparable."""

from __future__ import annotations

from .i18n import Lang

_ZH = ("一", "两", "三", "四", "五", "六", "七", "八", "九", "十")
_EN = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
NOT_COMPARABLE = {"zh": "另一量表的等级，不可比较", "en": "a level of another scale: not comparable"}


def steps_words(steps: int | None, lang: Lang) -> str:
    """`steps` levels above (positive) or below (negative) in words; None: another scale."""
    if steps is None:
        return NOT_COMPARABLE[lang]
    count = abs(steps)
    if lang == "zh":
        if not steps:
            return "同级"
        return ("高" if steps > 0 else "低") + (_ZH[count - 1] if count <= 10 else str(count)) + "级"
    if not steps:
        return "same level"
    number = _EN[count - 1] if count <= 10 else str(count)
    return f"{number} level{'' if count == 1 else 's'} {'above' if steps > 0 else 'below'}"
