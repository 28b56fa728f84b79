"""A number written as text where 9.2.3 asks an indicator observation's value (docs/model.md,
decision 23): "35.2" in quotes in Turtle, or "35.2" in JSON-LD with no type in the context, is no
number — SPARQL compares no text with a number, so the benchmark's differences (9.3.2) would be
unbound — and the finding says so in plain words and how to write it, in zh and en; a number of any
XSD numeric datatype meets the shape."""

from __future__ import annotations

import pytest
from rdflib import Literal, Namespace
from rdflib.namespace import XSD

from checker.loading import SubmissionFile
from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.report import Status
from checker.render import render_report
from checker.validation import validate_submission
from tests.dehua_variants import dehua_with, text_block

EX = Namespace("https://example.org/cluster/dehua/")
OBSERVATION = EX["obs-LocationAdvantage-2020-actual"]
FULL = "http://www.w3.org/2001/XMLSchema#decimal"


def said(lang: str, iri: str = FULL) -> str:
    """What the line says of "35.2" as text, with JSON-LD's "@type" written as `iri`."""
    if lang == "zh":
        return ("“数值”的取值“35.2”是以文本写出的数字：应写为数字，Turtle 中不加引号写作 35.2（或 "
                f"\"35.2\"^^xsd:decimal），JSON-LD 中写作 JSON 数字 35.2 或 {{\"@value\": \"35.2\", "
                f"\"@type\": \"{iri}\"}}，或在上下文中将 bcic:observedValue 声明为 {{\"@type\": \"{iri}\"}}")
    return ("its “value” “35.2” is a number written as text: write it as a number, 35.2 without "
            "quotes in Turtle (or \"35.2\"^^xsd:decimal), in JSON-LD the JSON number 35.2 or "
            f"{{\"@value\": \"35.2\", \"@type\": \"{iri}\"}}, or a context typing "
            f"bcic:observedValue as {{\"@type\": \"{iri}\"}}")


@pytest.mark.parametrize("text", [Literal("35.2"), Literal("35.2", datatype=XSD.string),
                                  Literal("35.2", lang="zh")], ids=["plain", "string", "tagged"])
def test_a_number_written_as_text_fails_9_2_3_saying_how_to_write_it(text: Literal) -> None:
    """Text in a number's form fails 9.2.3, said to be a number written as text, with how to
    write it in Turtle and JSON-LD, and no words on rating scales (the value is no level)."""
    report = dehua_with(lambda g: g.set((OBSERVATION, BCIC.observedValue, text)))
    assert report.outcome("9.2.3").status is Status.NOT_MET
    zh, en = text_block(report, "9.2.3", "zh"), text_block(report, "9.2.3", "en")
    assert said("zh") in zh, zh
    assert said("en") in en, en
    line_zh = next(line for line in zh.split("\n") if said("zh") in line)
    line_en = next(line for line in en.split("\n") if said("en") in line)
    assert "评级量表" not in line_zh and "rating scale" not in line_en


def test_a_number_with_an_exponent_is_said_to_be_written_as_xsd_double() -> None:
    """9.2.3: "1.2E3" as text: "1.2E3"^^xsd:decimal would be no decimal, so xsd:double is said."""
    report = dehua_with(lambda g: g.set((OBSERVATION, BCIC.observedValue, Literal("1.2E3"))))
    en = text_block(report, "9.2.3", "en")
    assert "(or \"1.2E3\"^^xsd:double)" in en, en
    assert "\"@type\": \"http://www.w3.org/2001/XMLSchema#double\"" in en, en


def test_a_number_typed_as_a_year_is_no_number_and_says_how_to_write_one() -> None:
    """9.2.3: "2020"^^xsd:gYear has a number's form but is a year: no number, said with its kind."""
    report = dehua_with(lambda g: g.set((OBSERVATION, BCIC.observedValue,
                                         Literal("2020", datatype=XSD.gYear))))
    en, zh = text_block(report, "9.2.3", "en"), text_block(report, "9.2.3", "zh")
    assert "its “value” “2020” (given as a year) is not a number: write it as a number, 2020 " \
        "without quotes in Turtle" in en, en
    assert "“数值”的取值“2020”（给出的是年份）不是数字：应写为数字，Turtle 中不加引号写作 2020" in zh, zh


@pytest.mark.parametrize("number", [
    Literal("35.2", datatype=XSD.decimal), Literal(35), Literal("1.2E3", datatype=XSD.double),
    Literal("1.5", datatype=XSD.float), Literal("35", datatype=XSD.int),
    Literal("35", datatype=XSD.long), Literal("35", datatype=XSD.nonNegativeInteger),
    Literal("35", datatype=XSD.positiveInteger), Literal("-3", datatype=XSD.negativeInteger),
    Literal("-3", datatype=XSD.nonPositiveInteger), Literal("35", datatype=XSD.short),
    Literal("35", datatype=XSD.byte), Literal("35", datatype=XSD.unsignedLong),
    Literal("35", datatype=XSD.unsignedInt), Literal("35", datatype=XSD.unsignedShort),
    Literal("35", datatype=XSD.unsignedByte)], ids=lambda n: str(n.datatype).split("#")[-1])
def test_a_number_of_any_xsd_numeric_datatype_meets_9_2_3(number: Literal) -> None:
    """docs/evidence.md: a number of any XSD numeric datatype (the integer-derived ones too)."""
    report = dehua_with(lambda g: g.set((OBSERVATION, BCIC.observedValue, number)))
    assert report.outcome("9.2.3").status is not Status.NOT_MET


ANJI_TYPED = '"bcic:observedValue": {\n        "@value": "35.2",\n        "@type": "xsd:decimal"\n      }'


def anji(value: str) -> str:
    """examples/anji-bamboo.jsonld with its export rate's value written otherwise."""
    text = (EXAMPLES_DIR / "anji-bamboo.jsonld").read_text(encoding="utf-8")
    assert text.count(ANJI_TYPED) == 1
    return text.replace(ANJI_TYPED, f'"bcic:observedValue": {value}')


def test_json_ld_text_for_a_number_is_said_to_be_text_with_how_to_write_it() -> None:
    """9.2.3: JSON-LD "bcic:observedValue": "35.2" with no type in the context is text: said so,
    with the JSON number, the typed value object and the typing context as the ways to write it,
    the datatype as xsd:decimal since the context declares xsd:."""
    report = validate_submission([SubmissionFile("anji.jsonld", anji('"35.2"').encode())],
                                 processes=1)
    assert said("en", "xsd:decimal") in text_block(report, "9.2.3", "en")
    assert said("zh", "xsd:decimal") in text_block(report, "9.2.3", "zh")


@pytest.mark.parametrize("value", ["35.2", '{"@value": "35.2", "@type": "xsd:decimal"}'],
                         ids=["json-number", "typed-value"])
def test_json_ld_numbers_meet_the_number_shape(value: str) -> None:
    """A JSON number (read as xsd:double) and a typed value object are numbers: no finding on
    the export rate's value."""
    report = validate_submission([SubmissionFile("anji.jsonld", anji(value).encode())],
                                 processes=1)
    shown = render_report(report, "text", "en")
    assert "obs-export-2024: its “value”" not in shown and "“35.2” is" not in shown
