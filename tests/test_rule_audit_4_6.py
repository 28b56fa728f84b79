"""Verdicts a standards expert checked against the text of chapters 4 and 6: each test takes the
conformant sample (dehua-ceramics.ttl), changes it the way a real submission might, and asserts
the verdict the clause supports, neither stronger nor weaker than it."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Status
from checker.validation import validate_graph

from tests.dehua_changes import BODY, EX, XSD_DATE, dehua, status, without

XSD_DATETIME = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")


def test_a_synergy_practice_carried_out_by_members_of_the_body_meets_4_3_2() -> None:
    """4.3.2 「培育主体成员需要坚持协同发展…强化各成员之间的相互协作」 binds the members: the
    association and two suppliers, members of the body, carry the practice out without the body."""
    data = without("synergy", PROV.wasAssociatedWith, BODY)
    assert (URIRef(EX + "synergy"), PROV.wasAssociatedWith, URIRef(EX + "assoc-ceramics")) in data
    assert status(data, "4.3.2") is not Status.NOT_MET


def test_a_synergy_practice_of_outsiders_alone_fails_4_3_2() -> None:
    """An organisation that is no member of the body is not one of the 「培育主体成员」."""
    data = dehua()
    synergy, outsider = URIRef(EX + "synergy"), URIRef(EX + "some-consultancy")
    data.remove((synergy, PROV.wasAssociatedWith, None))
    data.add((synergy, PROV.wasAssociatedWith, outsider))
    data.add((outsider, RDF.type, ORG.Organization))
    data.add((outsider, RDFS.label, Literal("某咨询公司", lang="zh")))
    report = validate_graph(data)
    assert report.outcome("4.3.2").status is Status.NOT_MET
    assert "培育主体或其成员" in render_report(report, "text", "zh")


def _with_foreign_lab(name: Literal) -> Graph:
    """The sample with a foreign testing institute, named `name`, as a third-party member."""
    data = dehua()
    lab, membership = URIRef(EX + "foreign-lab"), URIRef(EX + "ms-foreign-lab")
    data.add((lab, RDF.type, BCIC.ThirdPartyInstitution))
    data.add((lab, RDFS.label, name))
    data.add((membership, RDF.type, ORG.Membership))
    data.add((membership, ORG.organization, BODY))
    data.add((membership, ORG.member, lab))
    data.add((membership, ORG.role, BCIC.ThirdPartyInstitutionRole))
    return data


def test_a_member_named_only_in_english_is_identified_under_4_1() -> None:
    """4.1 「培育主体应明确其成员」 asks the body to identify its members, not to name them in
    Chinese: "SGS Hong Kong Ltd."@en is a name."""
    assert status(_with_foreign_lab(Literal("SGS Hong Kong Ltd.", lang="en")), "4.1") is Status.MET


def test_a_member_with_no_name_at_all_is_not_identified_under_4_1() -> None:
    data = _with_foreign_lab(Literal("x"))
    data.remove((URIRef(EX + "foreign-lab"), RDFS.label, None))
    report = validate_graph(data)
    assert report.outcome("4.1").status is Status.NOT_MET
    assert "lacks “name”" in render_report(report, "text", "en")


@pytest.mark.parametrize("period", [Literal("每隔两年", lang="zh"), Literal("一年一次", lang="zh"),
                                    Literal("P1Y6M"), Literal("biennial", lang="en")],
                         ids=str)
def test_a_review_period_said_in_an_ordinary_way_meets_6_2_d(period: Literal) -> None:
    """6.2 d) 「对品牌战略的实施效果进行周期性评审和改进」 sets no interval and no format: every
    one of these names a recurring interval, and the review awaits the evaluator as in the sample."""
    data = dehua()
    data.set((URIRef(EX + "strategy-review"), BCIC.period, period))
    assert status(data, "6.2-d") is Status.MANUAL_REVIEW


def test_a_communication_about_something_else_than_the_strategy_fails_6_2_a() -> None:
    """6.2 a) 「把品牌培育战略在集群内部和外部进行沟通」: a launch of the macro analysis is no
    communication of the strategy."""
    data = dehua()
    communication = URIRef(EX + "strategy-communication")
    assert status(data, "6.2-a") is Status.MANUAL_REVIEW  # whether the goals are specific
    data.set((communication, PROV.used, URIRef(EX + "macro")))
    data.set((communication, RDFS.label, Literal("宏观环境分析报告发布会", lang="zh")))
    report = validate_graph(data)
    assert report.outcome("6.2-a").status is Status.NOT_MET
    assert "未指明所沟通的战略" in render_report(report, "text", "zh")


def test_an_implementation_plan_serving_no_work_goal_fails_6_2_c() -> None:
    """6.2 c) 「为工作目标的实现提供相应的资源和实施步骤」: the resources and steps are for the work
    goals of 6.2 a)."""
    assert status(dehua(), "6.2-c") is Status.MANUAL_REVIEW  # whether the resources correspond
    data = without("implementation-plan", BCIC.basedOn)
    assert status(data, "6.2-c") is Status.NOT_MET


def test_a_kpi_monitoring_that_monitors_nothing_fails_6_2_b() -> None:
    """6.2 b) 「建立…关键绩效指标体系，并实施监测」: a monitoring that used no KPI system and found
    nothing shows no monitoring of it."""
    data = dehua()
    monitoring = URIRef(EX + "kpi-monitoring")
    for prop in (PROV.used, BCIC.period, BCIC.finding):
        data.remove((monitoring, prop, None))
    report = validate_graph(data)
    assert report.outcome("6.2-b").status is Status.NOT_MET
    shown = render_report(report, "text", "en")
    assert "it used no key performance indicator system of this cluster in force" in shown
    assert "A KPI monitoring has no findings" in shown


@pytest.mark.parametrize("requirement_id, words", [
    ("6.1", "适当的过程"),  # 「培育主体应当建立适当的过程」
    ("6.1.1.1", "各利益相关方的需求"),  # 「结合各利益相关方的需求以及竞争对手的策略」
    ("6.1.2.1", "清晰、统一、协调、平衡"),  # 「进行整合…确保清晰、统一、协调、平衡的展现集群品牌定位」
    ("6.1.2.2", "自身具备的资源和能力"),  # 「根据产业集群的发展阶段以及自身具备的资源和能力」
    ("6.2-b", "品牌战略调整和过程改进的基础"),  # 「以此作为品牌战略调整和过程改进的基础」
])
def test_parts_of_chapter_6_no_data_can_show_go_to_the_evaluator(requirement_id: str,
                                                                  words: str) -> None:
    """The sample shows what data can of each, and the part it cannot is put to the evaluator
    (zh and en), never reported as met."""
    outcome = validate_graph(dehua()).outcome(requirement_id)
    assert outcome.status is Status.MANUAL_REVIEW
    prompt = outcome.requirement.review_prompt
    assert words in prompt["zh"] and prompt["en"]


def test_a_strategy_resting_on_the_analyses_through_its_positioning_meets_6_1() -> None:
    """6.1 includes the positioning in the strategy (「应包括品牌定位和品牌架构」), and 6.1.1.1 forms
    it 「依据环境分析的结果」: the strategy need not name the analyses again."""
    data = without("strategy", BCIC.basedOn)
    assert status(data, "6.1") is not Status.NOT_MET
    data.remove((URIRef(EX + "positioning"), BCIC.basedOn, None))
    assert status(data, "6.1") is Status.NOT_MET


def _with_old_positioning(superseded: bool) -> Graph:
    """The sample with the positioning of 2015, replaced in 2021, kept on record."""
    data = dehua()
    old = URIRef(EX + "positioning-2015")
    data.add((old, RDF.type, BCIC.BrandPositioning))
    data.add((old, DCTERMS.title, Literal("“德化陶瓷”集群品牌定位（2015年版）", lang="zh")))
    data.add((old, DCTERMS.date, Literal("2015-06-01", datatype=XSD_DATE)))
    data.add((old, PROV.wasAttributedTo, BODY))
    data.add((old, BCIC.coreValue, Literal("世界陶瓷之都", lang="zh")))
    data.add((old, BCIC.differentiation, Literal("以工艺瓷出口规模区别于景德镇", lang="zh")))
    data.add((old, BCIC.competitorConsidered, Literal("景德镇：艺术陶瓷", lang="zh")))
    data.add((old, BCIC.basedOn, URIRef(EX + "macro")))
    data.add((old, BCIC.covers, BCIC.HistoricalResources))
    if superseded:
        data.add((old, PROV.invalidatedAtTime, Literal("2021-01-18T00:00:00Z", datatype=XSD_DATETIME)))
    return data


def test_a_superseded_positioning_kept_on_record_is_no_gap_of_6_1() -> None:
    """6.1.1.2 「必要时对品牌进行重新定位」: the positioning replaced is history, marked superseded by
    prov:invalidatedAtTime; 6.1 asks the strategy in force to include a positioning, not that no
    other positioning exists. One not marked so still belongs to a strategy."""
    assert status(_with_old_positioning(superseded=True), "6.1") is not Status.NOT_MET
    report = validate_graph(_with_old_positioning(superseded=False))
    assert report.outcome("6.1").status is Status.NOT_MET
    assert "not marked as superseded" in render_report(report, "text", "en")
