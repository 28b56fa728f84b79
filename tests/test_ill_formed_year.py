"""An observation's year (9.2.3, bcic:refYear, xsd:gYear) written in a form no year has ("2024年",
"二〇二三") is a finding, as an ill-formed date is, with the year to write where the text gives
one ("2024年" → 2024), else how a year is written, in zh and en, text, HTML, JSON and the
Turtle report."""

from __future__ import annotations

import json

import pytest

from checker.loading import SubmissionFile
from checker.render import render_report
from checker.report import Report, Status
from checker.validation import validate_submission

HEAD = """@prefix ex: <https://example.org/cluster/liling/> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind: <https://w3id.org/bcic/indicator/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:cluster a bcic:IndustrialCluster ; rdfs:label "醴陵陶瓷产业集群"@zh .
ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster ; rdfs:label "培育办"@zh .
ex:obs a bcic:IndicatorObservation ; bcic:refCluster ex:cluster ; bcic:indicator ind:MarketShare ;
    bcic:valueKind bcic:ActualValue ; bcic:observedValue 12.5 ; bcic:unitOfMeasure "%" ;
"""


def _report(year: str) -> Report:
    text = HEAD + f"    bcic:refYear {year} .\n"
    return validate_submission([SubmissionFile("t.ttl", text.encode())], processes=1)


def _year_findings(report: Report) -> list[str]:
    """The texts of 9.2.3's lacks about the year, in the JSON report (English)."""
    document = json.loads(render_report(report, "json", "en"))
    (requirement,) = [r for r in document["requirements"] if r["id"] == "9.2.3"]
    return [lack["text"] for f in requirement["findings"] for n in f["nodes"]
            for lack in n["lacks"] if lack["path"] == "bcic:refYear"]


def test_a_year_with_a_character_after_it_is_ill_formed_and_rewritten() -> None:
    """9.2.3: "2024年"^^xsd:gYear is no valid year (it passed silently): write "2024"."""
    report = _report('"2024年"^^xsd:gYear')
    assert report.outcome("9.2.3").status is Status.NOT_MET
    zh = render_report(report, "text", "zh")
    assert "“年份”的取值“2024年”不是有效的年份，应写为 2024" in zh, zh
    en = render_report(report, "text", "en")
    assert "its “year” “2024年” is not valid as a year: write it as 2024" in en, en
    assert any("“2024年” is not valid as a year" in t for t in _year_findings(report))
    assert "“2024年”不是有效的年份" in render_report(report, "html", "zh")
    assert "“2024年” is not valid as a year" in render_report(report, "ttl", "en")


def test_a_year_in_chinese_numerals_is_ill_formed_without_a_guess() -> None:
    """9.2.3: "二〇二三"^^xsd:gYear is no valid year; no digits give one to write instead."""
    report = _report('"二〇二三"^^xsd:gYear')
    assert report.outcome("9.2.3").status is Status.NOT_MET
    zh = render_report(report, "text", "zh")
    (row,) = [row for row in zh.split("\n") if "“二〇二三”" in row]
    assert row.endswith("“年份”的取值“二〇二三”不是有效的年份，应写为阿拉伯数字年份（如 2021）"), row


@pytest.mark.parametrize("year", ['"2024"^^xsd:gYear', '"2024Z"^^xsd:gYear',
                                  '"2024+08:00"^^xsd:gYear', '"-0044"^^xsd:gYear'])
def test_a_well_formed_year_is_no_finding(year: str) -> None:
    """Every form of xsd:gYear (a time zone, a year before 1) passes, as before."""
    assert _year_findings(_report(year)) == []
