"""Provisions that ask to evaluate or monitor and then improve: the data must show both halves
where it can, and the evaluator judges what it cannot (shapes/review.ttl).

- 6.2 d) 「采用适当的方式对品牌战略的实施效果进行周期性评审和改进，主动适应环境变化」: every strategy review
  names the body's strategy it reviewed and states its findings;
- 8.1.4 「培育主体应监测产业经营环境的变化和消费者需求的变化，必要时更新集群品牌要素」: the monitoring
  covers both subjects; the update is conditional (必要时) and never asked for;
- 8.2.6 「培育主体应对传播效果进行评价，并对传播内容和传播方式进行改进和创新。」: every evaluation states its
  findings, and an improvement of the communication rests on an evaluation.

Each case changes the conformant sample (examples/dehua-ceramics.ttl) the way a submission might.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from checker.namespaces import BCIC, SHP
from checker.render import render_report
from checker.report import Report, Status
from checker.validation import validate_graph

from tests.dehua_changes import dehua

EX = "https://example.org/cluster/dehua/"
REVIEW = URIRef(EX + "strategy-review")
MONITORING = URIRef(EX + "environment-monitoring")
EVALUATION = URIRef(EX + "communication-evaluation")
IMPROVEMENT = URIRef(EX + "communication-improvement")
CLAUSES = ("6.2-d", "8.1.4", "8.2.6")


def findings(report: Report, rid: str) -> set[tuple[URIRef, object]]:
    """The (shape, focus node) of every result under the requirement."""
    return {(r.source_shape, r.focus_node) for r in report.outcome(rid).results}


@pytest.fixture(scope="module")
def intact() -> Report:
    """The report on the conformant sample."""
    return validate_graph(dehua())


def test_the_conformant_sample_shows_both_halves_and_leaves_the_judgement_to_the_evaluator(
        intact: Report) -> None:
    assert intact.conforms
    for rid in CLAUSES:
        assert intact.outcome(rid).status is Status.MANUAL_REVIEW, rid
        assert intact.outcome(rid).results == (), rid
    assert intact.outcome("6.2").status is Status.MANUAL_REVIEW  # its item d) awaits review


@pytest.mark.parametrize("rid, words", [
    ("6.2-d", ({"zh": "周期性", "en": "periodically"}, {"zh": "改进", "en": "improvements"},
               {"zh": "主动适应了环境变化", "en": "adapt actively to changes in the environment"})),
    ("8.1.4", ({"zh": "产业经营环境和消费者需求", "en": "operating environment and in consumer needs"},
               {"zh": "有必要时", "en": "made it necessary"},
               {"zh": "更新了集群品牌要素", "en": "cluster brand elements were updated"})),
    ("8.2.6", ({"zh": "传播内容和传播方式进行了改进和创新",
                "en": "improve and renew the content and the forms of communication"},)),
])
def test_what_data_cannot_show_is_on_the_manual_review_checklist_in_zh_and_en(
        intact: Report, rid: str, words: tuple[dict[str, str], ...]) -> None:
    assert rid in {o.requirement.id for o in intact.awaiting_judgement()}
    prompt = intact.outcome(rid).requirement.review_prompt
    assert prompt is not None
    for word in words:
        for lang in ("zh", "en"):
            assert word[lang] in prompt[lang], (lang, word[lang])


def test_a_bare_strategy_review_fails_6_2_d_for_its_strategy_and_its_findings() -> None:
    """The reviewer's case: a review with a label, the body, a date and a period only."""
    data = dehua()
    data.remove((REVIEW, BCIC.finding, None))
    data.remove((REVIEW, PROV.used, None))
    report = validate_graph(data)
    assert report.outcome("6.2-d").status is Status.NOT_MET
    assert report.outcome("6.2").status is Status.NOT_MET
    assert findings(report, "6.2-d") == {(SHP.StrategyReviewOfStrategy, REVIEW),
                                         (SHP.StrategyReviewFinding, REVIEW)}
    text = render_report(report, "text", "zh")
    assert "战略实施效果评审没有结论（6.2 d)）" in text
    assert "A strategy review has no findings (6.2 d))" in render_report(report, "text", "en")


def test_a_strategy_review_of_a_strategy_not_the_bodys_fails_6_2_d() -> None:
    """A consultancy's strategy is not the one the body carries out (6.1, 9.1.1)."""
    data = dehua()
    consultancy, foreign = URIRef(EX + "consultancy"), URIRef(EX + "consultancy-strategy")
    data.add((consultancy, RDFS.label, Literal("某咨询公司", lang="zh")))
    data.add((foreign, RDF.type, BCIC.BrandCultivationStrategy))
    data.add((foreign, PROV.wasAttributedTo, consultancy))
    data.remove((REVIEW, PROV.used, None))
    data.add((REVIEW, PROV.used, foreign))
    report = validate_graph(data)
    assert report.outcome("6.2-d").status is Status.NOT_MET
    assert (SHP.StrategyReviewOfStrategy, REVIEW) in findings(report, "6.2-d")


@pytest.mark.parametrize("subject, shape", [
    (BCIC.OperatingEnvironment, SHP.EnvironmentMonitoringOperatingEnvironment),
    (BCIC.ConsumerNeeds, SHP.EnvironmentMonitoringConsumerNeeds),
], ids=["operating-environment", "consumer-needs"])
def test_monitoring_that_leaves_out_a_subject_of_8_1_4_fails_it(subject: URIRef,
                                                                 shape: URIRef) -> None:
    data = dehua()
    data.remove((MONITORING, BCIC.covers, subject))
    report = validate_graph(data)
    assert report.outcome("8.1.4").status is Status.NOT_MET
    assert findings(report, "8.1.4") == {(shape, BCIC.EnvironmentMonitoring)}


def test_a_bare_monitoring_record_fails_8_1_4_naming_both_subjects() -> None:
    """The reviewer's case: the monitoring says nothing of what it monitored or found, and no
    update rests on it."""
    data = dehua()
    for predicate in (BCIC.covers, BCIC.finding):
        data.remove((MONITORING, predicate, None))
    data.remove((None, PROV.wasInformedBy, MONITORING))
    report = validate_graph(data)
    assert report.outcome("8.1.4").status is Status.NOT_MET
    assert {shape for shape, _focus in findings(report, "8.1.4")} == {
        SHP.EnvironmentMonitoringOperatingEnvironment, SHP.EnvironmentMonitoringConsumerNeeds}
    assert "环境变化监测未涵盖消费者需求的变化（8.1.4）" in render_report(report, "text", "zh")
    assert "No environment monitoring covers changes in the industry's operating environment " \
           "(8.1.4)" in render_report(report, "text", "en")


def test_two_monitoring_records_may_cover_a_subject_each() -> None:
    data = dehua()
    second = URIRef(EX + "consumer-monitoring")
    for p, o in data.predicate_objects(MONITORING):
        if p != BCIC.covers:
            data.add((second, p, o))
    data.remove((MONITORING, BCIC.covers, BCIC.ConsumerNeeds))
    data.add((second, BCIC.covers, BCIC.ConsumerNeeds))
    report = validate_graph(data)
    assert report.outcome("8.1.4").status is Status.MANUAL_REVIEW
    assert report.outcome("8.1.4").results == ()


def test_no_brand_element_update_is_asked_for_since_8_1_4_updates_only_where_needed() -> None:
    """「必要时更新」: whether an update was needed is the evaluator's, not a gap."""
    data = dehua()
    for update in list(data.subjects(RDF.type, BCIC.BrandElementUpdate)):
        data.remove((update, None, None))
    report = validate_graph(data)
    assert report.outcome("8.1.4").status is Status.MANUAL_REVIEW
    assert report.conforms


def test_an_evaluation_without_findings_fails_8_2_6() -> None:
    """The reviewer's case: the evaluation keeps its label, the body and its date only."""
    data = dehua()
    data.remove((EVALUATION, BCIC.finding, None))
    data.remove((EVALUATION, PROV.used, None))
    report = validate_graph(data)
    assert report.outcome("8.2.6").status is Status.NOT_MET
    assert findings(report, "8.2.6") == {(SHP.CommunicationEvaluationFinding, EVALUATION)}
    assert "传播效果评价没有结论（8.2.6）" in render_report(report, "text", "zh")


def test_an_evaluation_that_led_to_no_improvement_fails_8_2_6() -> None:
    data = dehua()
    data.remove((IMPROVEMENT, None, None))
    report = validate_graph(data)
    assert report.outcome("8.2.6").status is Status.NOT_MET
    assert findings(report, "8.2.6") == {(SHP.CommunicationImprovementExists,
                                          BCIC.CommunicationImprovement)}
    assert "No improvement of the content or the forms of communication in the submission " \
           "(8.2.6)" in render_report(report, "text", "en")


@pytest.mark.parametrize("informed_by", [None, MONITORING], ids=["nothing", "monitoring"])
def test_an_improvement_no_communication_evaluation_informed_fails_8_2_6(
        informed_by: URIRef | None) -> None:
    """The improvement rests on the evaluation of the communication's effect, not on nothing nor
    on another review."""
    data = dehua()
    data.remove((IMPROVEMENT, PROV.wasInformedBy, None))
    if informed_by is not None:
        data.add((IMPROVEMENT, PROV.wasInformedBy, informed_by))
    report = validate_graph(data)
    assert report.outcome("8.2.6").status is Status.NOT_MET
    assert findings(report, "8.2.6") == {(SHP.CommunicationImprovementOnEvaluation, IMPROVEMENT)}


def test_an_undated_improvement_is_framed_under_8_2_6() -> None:
    """The improvement is the body's own activity, dated, as every record 8.2.6 counts."""
    data = dehua()
    data.remove((IMPROVEMENT, DCTERMS.date, None))
    report = validate_graph(data)
    assert report.outcome("8.2.6").status is Status.NOT_MET
    assert findings(report, "8.2.6") == {(SHP["Dated-8.2.6-CommunicationImprovement"], IMPROVEMENT)}
