"""A figure written with its unit ("35.2%", "12 %", "3.5亿元") is a number and a unit
(checker/render/findings_view.py): the finding says to write the number (35.2) and to put the unit
where the ontology keeps it — an indicator observation's “unit of measure” (bcic:unitOfMeasure,
the unit attribute of its Data Cube structure, 9.2.3) — not how to state a rating, in zh and en;
a figure with no property for its unit (5.2.3's concentration value) is written without it."""

from __future__ import annotations

import pytest
from rdflib import Literal, Namespace

from checker.namespaces import BCIC
from checker.report import Report
from tests.dehua_variants import dehua_with, text_block

EX = Namespace("https://example.org/cluster/dehua/")
OBSERVATION = EX["obs-LocationAdvantage-2020-actual"]
RATING = ("以评级量表测量的指标不写数值", "an indicator measured on a rating scale")


@pytest.mark.parametrize("written, number, unit", [
    ("35.2%", "35.2", "%"), ("12 %", "12", "%"), ("3.5亿元", "3.5", "亿元"), ("-0.8 ‰", "-0.8", "‰"),
])
def test_an_observed_value_with_its_unit_says_to_write_the_number_and_the_unit_apart(
        written: str, number: str, unit: str) -> None:
    report = dehua_with(lambda g: g.set((OBSERVATION, BCIC.observedValue, Literal(written))))
    zh, en = text_block(report, "9.2.3", "zh"), text_block(report, "9.2.3", "en")
    said_zh = f"“数值”的取值“{written}”不是数字：应只写数字 {number}，单位“{unit}”写在“计量单位”中"
    said_en = (f"its “value” “{written}” is not a number: write the number alone, {number}, and "
               f"the unit “{unit}” in “unit of measure”")
    assert said_zh in zh, zh
    assert said_en in en, en
    # How to state a rating is not said of a number with its unit.
    line_zh = next(line for line in zh.split("\n") if said_zh in line)
    line_en = next(line for line in en.split("\n") if said_en in line)
    assert RATING[0] not in line_zh and RATING[1] not in line_en


def test_a_concentration_with_its_unit_says_to_write_the_number_alone() -> None:
    """5.2.3's concentration value has no property for a unit: the number alone."""
    report = dehua_with(lambda g: g.set((EX.agglomeration, BCIC.concentrationValue, Literal("62%"))))
    assert "“集中度数值”的取值“62%”不是数字：应只写数字 62，不带单位" in text_block(report, "5.2.3", "zh")
    assert "its “concentration value” “62%” is not a number: write the number alone, 62, " \
        "without its unit" in text_block(report, "5.2.3", "en")


@pytest.mark.parametrize("written, zh_said, en_said", [
    ("35,2%", "应只写数字 35.2，单位“%”写在“计量单位”中",
     "write the number alone, 35.2, and the unit “%” in “unit of measure”"),
    ("1,200.5", "应写作数字 1200.5", "write it as the number 1200.5"),
    ("１２％", "应只写数字 12，单位“％”写在“计量单位”中",
     "write the number alone, 12, and the unit “％” in “unit of measure”"),
    ("%35.2", "应只写数字 35.2，单位“%”写在“计量单位”中",
     "write the number alone, 35.2, and the unit “%” in “unit of measure”"),
    ("约35.2%", "应只写数字 35.2，单位“%”写在“计量单位”中；“约”应写在说明中，不写入数值",
     "write the number alone, 35.2, and the unit “%” in “unit of measure”; “约” belongs in a "
     "note, not in the value"),
], ids=["decimal-comma", "thousands", "full-width", "unit-before", "word-before"])
def test_a_figure_read_with_certainty_says_how_to_write_its_number(
        written: str, zh_said: str, en_said: str) -> None:
    """9.2.3: a decimal comma, thousands separators, full-width digits and ％, a unit before the
    number, a word before it: the number as RDF writes it, and no rating-scale words."""
    report = dehua_with(lambda g: g.set((OBSERVATION, BCIC.observedValue, Literal(written))))
    line_zh = _line(report, "zh", written)
    line_en = _line(report, "en", written)
    assert f"“数值”的取值“{written}”不是数字：{zh_said}" in line_zh, line_zh
    assert f"its “value” “{written}” is not a number: {en_said}" in line_en, line_en
    assert RATING[0] not in line_zh and RATING[1] not in line_en


@pytest.mark.parametrize("written", ["35。2%", "1,200", "12.5e", "3E+"])
def test_a_figure_not_read_with_certainty_makes_no_claim_of_its_unit(written: str) -> None:
    """9.2.3: "35。2%" (an ideographic full stop), "1,200" (1200, or 1.2?) and "12.5e" (an
    exponent cut short, no unit “e”) are said to be no number, with no number or unit read from
    them and no rating-scale words (a digit in it: an attempt at a number, not a level)."""
    report = dehua_with(lambda g: g.set((OBSERVATION, BCIC.observedValue, Literal(written))))
    line_zh, line_en = _line(report, "zh", written), _line(report, "en", written)
    assert line_zh.endswith(f"“数值”的取值“{written}”不是数字"), line_zh
    assert line_en.endswith(f"its “value” “{written}” is not a number"), line_en


def _line(report: Report, lang: str, written: str) -> str:
    """The line of 9.2.3's block that quotes the value written."""
    return next(row.strip() for row in text_block(report, "9.2.3", lang).split("\n")
                if f"“{written}”" in row)
