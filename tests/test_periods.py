"""A period (bcic:period) says how often the work recurs: 6.2 d) 「周期性评审」, 7.1.2.1 「定期评价」,
9.2.1 「测量周期」, 9.2.3 「定期进行绩效测量」, 9.3.1 「定期分析和评价」. An ISO 8601 duration or a text
that starts with a recurring interval is one; 「随时」 ("at any time") is none."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from checker.namespaces import BCIC, SHP
from checker.paths import CORE_ONTOLOGY_FILE
from checker.render import render_report
from checker.report import Status
from checker.validation import validate_graph

from tests.dehua_changes import dehua

DURATION = URIRef("http://www.w3.org/2001/XMLSchema#duration")
# The provisions asking a period, each with the class whose records state it, and the shape that
# asks its form.
PERIODS = [("6.2-d", BCIC.StrategyReview, SHP.StrategyReviewPeriodForm),
           ("7.1.2.1", BCIC.FundEvaluation, SHP.FundEvaluationPeriodForm),
           ("9.2.1", BCIC.MeasurementSpecification, SHP.SpecificationPeriodForm),
           ("9.2.3", BCIC.PerformanceMeasurement, SHP.MeasurementPeriodForm),
           ("9.3.1", BCIC.PerformanceEvaluation, SHP.EvaluationPeriodForm)]


def _dehua_with_period(period: Literal) -> Graph:
    """Dehua with every period replaced by `period`."""
    data = dehua()
    for cls in {cls for _, cls, _ in PERIODS}:
        assert any(data.objects(record, BCIC.period) for record in data.subjects(RDF.type, cls))
    for record in set(data.subjects(BCIC.period, None)):
        data.set((record, BCIC.period, period))
    return data


RECURRING = [Literal("P1Y"), Literal("P6M"), Literal("P3M"), Literal("P1Y", datatype=DURATION),
             Literal("每年", lang="zh"), Literal("每季度一次", lang="zh"), Literal("每3个月", lang="zh"),
             Literal("年度", lang="zh"), Literal("quarterly", lang="en"), Literal("Every 6 months"),
             Literal("once a year")]
# 6.2 d) 「周期性评审」 sets no interval and no format: any ISO 8601 duration with a non-zero date
# part, and the usual Chinese and English ways of saying a recurring interval, name one.
RECURRING_TOO = [Literal("P1Y6M"), Literal("P18M"), Literal("P2Y"), Literal("P1W"),
                 Literal("P1Y2M10D", datatype=DURATION), Literal("P1DT12H"),
                 Literal("每隔两年", lang="zh"), Literal("每隔3个月", lang="zh"),
                 Literal("一年一次", lang="zh"), Literal("两年一次", lang="zh"),
                 Literal("半年一次", lang="zh"), Literal("三年一次", lang="zh"),
                 Literal("每两年", lang="zh"), Literal("一年两次", lang="zh"),
                 Literal("biennial", lang="en"), Literal("Annually"), Literal("every two years"),
                 Literal("every other year"), Literal("twice a year")]


@pytest.mark.parametrize("period", RECURRING + RECURRING_TOO, ids=lambda p: str(p))
def test_a_duration_or_a_text_starting_with_a_recurring_interval_is_a_period(period: Literal) -> None:
    """What a Chinese cultivation body writes (每年, 年度) counts as much as an ISO 8601 duration."""
    report = validate_graph(_dehua_with_period(period))
    for rid, _cls, _shape in PERIODS:
        outcome = report.outcome(rid)
        assert outcome.status is not Status.NOT_MET, [r.messages["en"] for r in outcome.results]
    assert report.conforms


NO_PERIODS = [Literal("随时", lang="zh"), Literal("必要时", lang="zh"), Literal("不定期", lang="zh"),
              Literal("定期", lang="zh"), Literal("when needed"), Literal("regularly"), Literal(""),
              Literal("P0Y"), Literal("1"), Literal("P0Y0M"), Literal("PT1H"), Literal("P1DT"),
              Literal("as needed"), Literal("按需", lang="zh")]


@pytest.mark.parametrize("period", NO_PERIODS, ids=lambda p: str(p) or "empty")
def test_a_text_naming_no_interval_is_said_to_be_no_period(period: Literal) -> None:
    """「随时」 is given as a period but says none: every provision asking a period is not met, by
    the shape of its form, not for a missing period."""
    report = validate_graph(_dehua_with_period(period))
    for rid, _cls, shape in PERIODS:
        outcome = report.outcome(rid)
        assert outcome.status is Status.NOT_MET, rid
        assert {r.source_shape for r in outcome.results} == {shape}, rid
        assert all("不是固定的间隔" in r.messages["zh"] and "names no recurring interval"
                   in r.messages["en"] for r in outcome.results)
    assert not report.conforms


def test_the_finding_quotes_the_period_and_says_what_a_period_looks_like() -> None:
    report = validate_graph(_dehua_with_period(Literal("随时", lang="zh")))
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert ("：“周期”的取值“随时”不是固定的间隔，即含年、月、周或日的 ISO 8601 持续时间（如 P1Y、P6M、"
            "P1Y6M）或以固定间隔开头的文字（如“每年”“每隔两年”“一年一次”“年度”）\n") in zh
    assert (": its “period” “随时” is not a recurring interval, written as an ISO 8601 duration of "
            "years, months, weeks or days (such as P1Y, P6M or P1Y6M) or as a text starting with "
            "one (such as “每年”, “每隔两年”, “annual” or “every two years”)\n") in en
    assert "未说明评审周期" not in zh and "states no review period" not in en


def test_a_valid_duration_of_hours_is_not_said_to_be_no_iso_8601_duration() -> None:
    """PT1H is an ISO 8601 duration, of no day: the finding says it names no recurring interval,
    never that it is not a duration."""
    en = render_report(validate_graph(_dehua_with_period(Literal("PT1H"))), "text", "en")
    assert "“PT1H” is not a recurring interval" in en
    assert "is not an ISO 8601 duration" not in en


def test_the_ontology_defines_a_period_as_the_shapes_read_it() -> None:
    """The ontology said "an ISO 8601 duration, e.g. "P1Y"" with the range xsd:string, which
    "每年"@zh is not: its range is any literal, and every example its definition gives as a period
    is one by the shapes."""
    ontology = Graph().parse(CORE_ONTOLOGY_FILE)
    assert ontology.value(BCIC.period, RDFS.range) == RDFS.Literal
    definition = {d.language: str(d) for d in ontology.objects(BCIC.period, SKOS.definition)}
    examples = re.findall(r"“([^”]+)”", definition["zh"].split("。")[0])
    assert {"P1Y", "每年", "年度", "annual", "every 6 months"} <= set(examples)
    for example in examples:
        report = validate_graph(_dehua_with_period(Literal(example)))
        assert report.conforms, example
    assert "随时" in definition["zh"].split("。")[1]
