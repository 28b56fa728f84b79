"""Verdicts a standards expert checked against the text of chapters 8 and 9: each test takes the
conformant sample (dehua-ceramics.ttl), changes it the way a real submission might, and asserts
the verdict the clause supports, neither stronger nor weaker than it."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from checker.namespaces import BCIC, IND
from checker.render import render_report
from checker.report import Status
from checker.rulebook import load_rulebook
from checker.validation import validate_graph

from tests.dehua_changes import BODY, EX, XSD_DATE, dehua, status, with_value

BENCHMARK = URIRef(EX + "jingdezhen")


def test_the_sample_meets_every_clause_these_tests_change() -> None:
    report = validate_graph(dehua())
    for rid in ("8.2.1", "8.2.5", "8.3.1", "8.3.4-1", "8.3.4-2", "9.1.1", "9.1.4", "9.2.1",
                "9.2.3", "9.3.1", "9.4.1", "9.4.2"):
        assert report.outcome(rid).status is not Status.NOT_MET, rid


# 9.1 binds the assessed cluster's body: 「培育主体应依据品牌战略，确定关键绩效指标」. A benchmark's
# records, held for 9.3.2 c) 「与标杆的对比」, are that cluster's, and say so (bcic:recordOf).

def _benchmark_records(data: Graph) -> None:
    """A benchmark's KPI system, specification, measurement, evaluation, improvement and
    correction mechanism, each naming the benchmark as the cluster it is a record of."""
    association = URIRef(EX + "jdz-association")
    data.add((association, RDF.type, ORG.Organization))
    data.add((association, RDFS.label, Literal("景德镇陶瓷行业协会", lang="zh")))
    records = {
        "jdz-kpi": (BCIC.KPISystem, [(BCIC.includesIndicator, IND.MarketShare),
                                     (BCIC.includesIndicator, IND.BrandReputation)]),
        "jdz-spec": (BCIC.MeasurementSpecification, [(BCIC.specifiesIndicator, IND.MarketShare)]),
        "jdz-measurement": (BCIC.PerformanceMeasurement, [(BCIC.period, Literal("随时", lang="zh"))]),
        "jdz-evaluation": (BCIC.PerformanceEvaluation, []),
        "jdz-improvement": (BCIC.ImprovementAction, [(BCIC.priority, Literal(""))]),
        "jdz-correction": (BCIC.CorrectionMechanism, [(BCIC.covers, BCIC.PlanPhase)]),
    }
    for local, (cls, facts) in records.items():
        record = URIRef(EX + local)
        data.add((record, RDF.type, cls))
        data.add((record, BCIC.recordOf, BENCHMARK))
        data.add((record, DCTERMS.date, Literal("2023-01-01", datatype=XSD_DATE)))
        data.add((record, PROV.wasAttributedTo, association))
        for prop, value in facts:
            data.add((record, prop, value))


def test_a_benchmarks_chapter_9_records_do_not_fail_the_assessed_cluster() -> None:
    """Incomplete records of the benchmark (two indicators, no strategy, no findings, an
    irregular period, an empty priority, one PDCA phase) are the benchmark's, not the body's."""
    data = dehua()
    _benchmark_records(data)
    report = validate_graph(data)
    for rid in ("6.2", "6.2-b", "9.1.1", "9.1.2", "9.1.3", "9.1.4", "9.1.4-a-1", "9.1.4-c-4",
                "9.2.1", "9.2.3", "9.3.1", "9.4.1", "9.4.2"):
        assert report.outcome(rid).status is not Status.NOT_MET, rid


def test_a_kpi_system_that_says_no_cluster_is_the_bodys_own_and_is_checked() -> None:
    """Without bcic:recordOf nothing tells a benchmark's KPI system from the body's own: it is
    checked as the body's (attribution, the 30 indicators)."""
    data = dehua()
    _benchmark_records(data)
    data.remove((URIRef(EX + "jdz-kpi"), BCIC.recordOf, None))
    report = validate_graph(data)
    assert report.outcome("9.1.1").status is Status.NOT_MET
    assert report.outcome("9.1.4-a-1").status is Status.NOT_MET
    # The finding says how a peer's system says whose it is.
    assert ("a benchmark's or a competitor's system names its cluster with “record of” "
            "(9.1.1)") in render_report(report, "text", "en")
    assert "标杆或竞争集群的体系应以“所属集群的记录”写明其集群（9.1.1）" in \
        render_report(report, "text", "zh")


def test_only_a_benchmarks_kpi_system_is_no_kpi_system_of_this_cluster() -> None:
    """The sample's own KPI system said to be the benchmark's: no indicators were determined by
    this body, so 9.1.1 and 9.1.4 are not met, and no indicator is asked a value or specification
    on the benchmark's account."""
    data = with_value("kpi-system", BCIC.recordOf, BENCHMARK)
    report = validate_graph(data)
    for rid in ("9.1.1", "9.1.2", "9.1.4-a-1", "9.2.1", "9.2.3"):
        assert report.outcome(rid).status is Status.NOT_MET, rid


# 8.2.5 「培育主体应与相关方联合开展市场营销、公共关系等活动，充分宣传、展示和推介集群品牌形象。」

@pytest.mark.parametrize("partner", [BODY, Literal("无", lang="zh")], ids=["the-body", "text"])
def test_a_joint_activity_with_no_other_party_fails_8_2_5(partner: URIRef | Literal) -> None:
    """The activity is joint with 相关方: an agent other than the body, not the body itself nor
    the text 无 ("none")."""
    assert status(with_value("joint-marketing", BCIC.partner, partner), "8.2.5") is Status.NOT_MET


def test_a_joint_activity_with_a_partner_goes_to_the_evaluator() -> None:
    """「充分宣传、展示和推介」 is no fact data shows: the sample's activity awaits review."""
    outcome = validate_graph(dehua()).outcome("8.2.5")
    assert outcome.status is Status.MANUAL_REVIEW
    assert "充分宣传、展示和推介" in outcome.requirement.review_prompt["zh"]


# 8.3.4 「培育主体应建立有效的品牌危机管理机制，包括但不限于：— 建立品牌危机预警系统，明确系统内相关方的职责；
# — 明确各类品牌危机来源、涉及的相关方，建立有效品牌危机监控模式；…」

def test_a_warning_system_whose_party_is_to_be_decided_fails_8_3_4_1() -> None:
    data = with_value("crisis-warning", BCIC.responsibleParty, Literal("待定", lang="zh"))
    assert status(data, "8.3.4-1") is Status.NOT_MET


def test_a_crisis_source_whose_parties_are_only_text_fails_8_3_4_2() -> None:
    data = with_value("crisis-quality", BCIC.involvedParty, Literal("待定", lang="zh"))
    assert status(data, "8.3.4-2") is Status.NOT_MET


def test_the_crisis_mechanisms_effectiveness_and_duties_go_to_the_evaluator() -> None:
    report = validate_graph(dehua())
    for rid in ("8.3.4", "8.3.4-1", "8.3.4-2"):
        assert report.outcome(rid).status is Status.MANUAL_REVIEW, rid
    assert "职责" in report.outcome("8.3.4-1").requirement.review_prompt["zh"]
    assert "有效" in report.outcome("8.3.4").requirement.review_prompt["zh"]


# 8.2.1 「…包括但不限于产业集群产品的各类消费者、渠道销售组织、政府、科研院所、风险投资者等相关利益群体。」
# read as 8.1.2, 8.3.2, 8.3.3 and 8.3.4 are: every listed item is required.

def test_a_plan_for_consumers_alone_fails_8_2_1() -> None:
    data = with_value("communication-plan", BCIC.targetsAudience, BCIC.ConsumerAudience)
    assert status(data, "8.2.1") is Status.NOT_MET


@pytest.mark.parametrize("lang, said", [
    ("en", "No communication plan names venture investors among its audiences (8.2.1)"),
    ("zh", "未将风险投资者明确为传播对象（8.2.1）"),
])
def test_a_missing_audience_is_named(lang: str, said: str) -> None:
    data = dehua()
    data.remove((URIRef(EX + "communication-plan"), BCIC.targetsAudience,
                 BCIC.VentureInvestorAudience))
    report = validate_graph(data)
    assert report.outcome("8.2.1").status is Status.NOT_MET
    assert said in render_report(report, "text", lang)  # type: ignore[arg-type]


# Parts of shall-provisions no data can show go to the evaluator, never "met" on the evidence alone.

def test_each_provision_the_audit_found_only_partly_checkable_asks_the_evaluator() -> None:
    report = validate_graph(dehua())
    for rid in ("8.1.1", "8.2.3", "8.2.5", "8.3.2-1", "8.3.2-2", "8.3.2-3", "8.3.2-4", "8.3.3-1",
                "8.3.3-2", "8.3.3-3", "8.3.4", "9.4.1", "9.4.2"):
        outcome = report.outcome(rid)
        assert outcome.status is Status.MANUAL_REVIEW, rid
        assert outcome.requirement.review_prompt["zh"] and outcome.requirement.review_prompt["en"]


@pytest.mark.parametrize("rid, zh", [
    ("8.1.1", "统一的品牌形象识别"),
    ("8.2.3", "价值诉求"),
    ("8.3.3-1", "切实防止"),
    ("8.3.3-2", "严格限制"),
    ("9.3.1", "品牌培育的水平、趋势和重要性"),
    ("9.4.1", "品牌战略目标"),
    ("9.4.2", "产业集群的特点"),
])
def test_a_prompt_names_the_part_it_puts_to_the_evaluator(rid: str, zh: str) -> None:
    assert zh in load_rulebook().requirements[rid].review_prompt["zh"]


# 8.3.1 「培育主体可申请注册集群品牌，并进行统一的使用、管理和保护。」

def test_an_application_for_registration_is_not_asked_for_a_registration_number() -> None:
    """The clause is met by applying: a filed application has no registration number yet."""
    data = dehua()
    mark = URIRef(EX + "collective-mark")
    data.remove((mark, BCIC.registrationNumber, None))
    data.remove((mark, RDF.type, None))
    data.add((mark, RDF.type, BCIC.BrandRegistrationApplication))
    report = validate_graph(data)
    assert report.outcome("8.3.1").status is Status.MET
    assert "registration number" not in render_report(report, "text", "en").split("8.3.1", 1)[1][:300]


def test_a_registration_without_its_number_is_told_so() -> None:
    data = dehua()
    data.remove((URIRef(EX + "collective-mark"), BCIC.registrationNumber, None))
    report = validate_graph(data)
    assert "lacks its registration number (8.3.1)" in render_report(report, "text", "en")


def test_no_registration_is_not_narrowed_to_a_collective_mark() -> None:
    """The ontology's registration is as a collective or a certification mark (证明商标), and an
    application takes the permission up as well (「可申请注册」)."""
    data = dehua()
    mark = URIRef(EX + "collective-mark")
    data.remove((mark, None, None))
    data.remove((None, None, mark))
    shown = render_report(validate_graph(data), "text", "en")
    assert "No registration of the cluster brand, nor an application for one (optional) (8.3.1)" \
        in shown and "collective mark" not in shown.split("8.3.1", 1)[1][:400]
