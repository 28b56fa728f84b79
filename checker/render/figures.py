"""A figure written where a number is asked (9.2.3's observed value, 5.2.3's concentration value),
read only where its number is certain, for a finding to say how to write it: a unit after it
("35.2%", "3.5亿元") or before it ("%35.2"), a decimal comma ("35,2%": 35.2), thousands separators
("1,200.5": 1200.5), full-width digits ("１２％": 12, unit ％), a word before it ("约35.2%": the 约
belongs in a note). Anything else ("35。2%", "1,200": a thousand two hundred, or 1.2?) is read as
no figure, and a finding makes no claim about its number or unit; nor does an exponent cut short
("12.5e") read as a unit "e". A number written in a datatype of no number ("35.2" as text, 9.2.3
and docs/model.md decision 23) is read too, for a finding to say how to write it typed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal
from rdflib.term import Node

from .wording import datatype_kind


@dataclass(frozen=True)
class Figure:
    """A figure read with certainty: the number as RDF writes one, the unit written with it and a
    word written before it ("" where none)."""

    number: str
    unit: str = ""
    word: str = ""


# Full-width digits, point and signs, read as their ASCII forms (the unit ％ is kept as written).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．＋－", "0123456789.+-")
# Words that qualify a figure rather than belong to it (about, over, nearly), longest first.
_WORDS = ("approximately", "approx.", "around", "nearly", "about", "over", "大约", "约为", "将近",
          "接近", "超过", "不足", "达到", "约", "近", "逾", "达", "~", "～", "≈")
# Units written before a number ("%35.2", "￥1200").
_UNITS_BEFORE = ("%", "％", "‰", "￥", "¥", "$", "€", "£")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# Thousands separators are certain with a decimal point after them, or with two groups or more.
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+|[+-]?[0-9]{1,3}(?:,[0-9]{3}){2,}")
# A decimal comma is certain where it is not followed by three digits (1,200 could be either).
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,(?:[0-9]{1,2}|[0-9]{4,})")
# A unit after a number: no digit, sign, point or comma in it.
_UNIT_AFTER = re.compile(r"(.*?[0-9])\s*([^\s\d.,+-][^\d]*?)")
# An exponent cut short ("12.5e", "3E+"): its number is uncertain, and "e" no unit.
_CUT_EXPONENT = re.compile(r"[eE][+-]?")


def read_figure(value: Node | None) -> Figure | None:
    """The figure a literal writes, read with certainty, where it is not already a plain number;
    None for any other value."""
    if not isinstance(value, Literal):
        return None
    written = str(value).strip()
    text = written.translate(_FULL_WIDTH)
    word = next((w for w in _WORDS if text.lower().startswith(w)), "")
    text = text[len(word):].strip()
    figure = _with_unit(text)
    if figure is None or (not word and figure.number == written):
        return None
    return Figure(figure.number, figure.unit, written[:len(word)] if word else "")


def _with_unit(text: str) -> Figure | None:
    """A number with a unit after it or before it, or none."""
    before = next((u for u in _UNITS_BEFORE if text.startswith(u)), "")
    if before:
        number = _number(text[len(before):].strip())
        return Figure(number, before) if number is not None else None
    if (number := _number(text)) is not None:
        return Figure(number)
    found = _UNIT_AFTER.fullmatch(text)
    if found is None or _CUT_EXPONENT.fullmatch(found[2]) or (number := _number(found[1])) is None:
        return None
    return Figure(number, found[2])


def _number(text: str) -> str | None:
    """A number as RDF writes one, from a form read with certainty; None for any other text."""
    if _NUMBER.fullmatch(text):
        return text
    if _GROUPED.fullmatch(text):
        return text.replace(",", "")
    if _DECIMAL_COMMA.fullmatch(text):
        return text.replace(",", ".")
    return None


def number_as_text(value: Node | None) -> str | None:
    """The number a literal writes in a datatype of no number ("35.2" as text, "2020" as a year),
    as written; None for a number's datatype or a text of any other form."""
    if not isinstance(value, Literal) or datatype_kind(value.datatype) in ("number", "integer"):
        return None
    return str(value) if _NUMBER.fullmatch(str(value)) else None
