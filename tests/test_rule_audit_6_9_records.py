"""Verdicts a standards expert checked against chapters 6 and 9: the conformant sample
(dehua-ceramics.ttl) changed in one way, written in Turtle, and the verdict the clause supports,
neither stronger nor weaker than it: a record that states nothing, another cluster's record, a
superseded record kept on record, a one-off act beside the periodic one."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV

from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Report, Status

from tests.dehua_variants import DEHUA_NS as EX
from tests.dehua_variants import DEHUA_PREFIXES as PREFIXES
from tests.dehua_variants import dehua_with

def changed(turtle: str = "", *dropped: tuple[str, URIRef]) -> Report:
    """The report on Dehua with each (record, property) of `dropped` removed and `turtle` added."""
    def change(graph: Graph) -> None:
        for local, prop in dropped:
            node = URIRef(EX + local)
            assert (node, prop, None) in graph, (local, prop)
            graph.remove((node, prop, None))
        graph.parse(data=PREFIXES + turtle, format="turtle")
    return dehua_with(change)


def shown(report: Report, lang: str) -> str:
    """The text report in `lang`."""
    return render_report(report, "text", lang)  # type: ignore[arg-type]


# A. What the standard does not accept is not met.

def test_a_responsible_department_written_as_text_fails_9_2_1() -> None:
    """9.2.1 「明确…责任部门」: “待定” (to be decided) names no department; the party is an
    organisation or a unit of one, as 8.3.4 —1 asks of its parties."""
    report = changed('ex:spec-LocationAdvantage bcic:responsibleParty "待定"@zh .',
                     ("spec-LocationAdvantage", BCIC.responsibleParty))
    assert report.outcome("9.2.1").status is Status.NOT_MET
    assert "应指向一项“组织”" in shown(report, "zh")


@pytest.mark.parametrize(("record", "prop", "clause"), [
    ("spec-LocationAdvantage", BCIC.calculationMethod, "9.2.1"),  # 「收集与计算方法」
    ("implementation-plan", BCIC.implementationStep, "6.2-c"),  # 「提供相应的资源和实施步骤」
    ("implementation-plan", BCIC.allocatedResource, "6.2-c"),
    ("positioning", BCIC.coreValue, "6.1.1.1"),  # 「形成产业集群品牌的核心价值」
    ("measurement-2024", BCIC.dataScreening, "9.2.3"),  # 「对获取的信息和数据进行甄别」
    ("performance-evaluation", BCIC.finding, "9.3.1"),  # 「定期分析和评价」: what it found
    ("kpi-monitoring", BCIC.finding, "6.2-b"),  # 「并实施监测」: what it found
], ids=["9.2.1-calculation", "6.2c-step", "6.2c-resource", "6.1.1.1-core-value",
        "9.2.3-screening", "9.3.1-finding", "6.2b-finding"])
def test_empty_or_blank_text_states_nothing(record: str, prop: URIRef, clause: str) -> None:
    """A part written as "" or " " is present but says nothing: the clause is not met, and the
    finding says the value is no text with content."""
    for blank in ('""@zh', '" "@zh'):
        report = changed(f"ex:{record} <{prop}> {blank} .", (record, prop))
        assert report.outcome(clause).status is Status.NOT_MET, blank
        assert "不是有内容的文字" in shown(report, "zh") and "is not text with content" in shown(report, "en")


def test_monitoring_another_clusters_kpi_system_fails_6_2_b() -> None:
    """6.2 b) 「建立品牌培育战略关键绩效指标体系，并实施监测」: what is monitored is the system the
    body established, not a benchmark's (bcic:recordOf the benchmark)."""
    report = changed("""
        ex:jdz-kpi a bcic:KPISystem ;
            dcterms:title "景德镇陶瓷产业集群品牌培育关键绩效指标体系（标杆）"@zh ;
            dcterms:date "2020-05-10"^^xsd:date ;
            bcic:recordOf ex:jingdezhen .
        ex:kpi-monitoring prov:used ex:jdz-kpi .""", ("kpi-monitoring", PROV.used))
    assert report.outcome("6.2-b").status is Status.NOT_MET
    assert "本集群现行的关键绩效指标体系" in shown(report, "zh")


def test_an_architecture_of_the_benchmarks_cluster_brand_fails_6_1_2_1() -> None:
    """6.1.2.1 「明确产业集群品牌与企业品牌、产品品牌之间的关系」: the cluster brand is this cluster's,
    as 8.1.2 tells it apart from a benchmark's."""
    report = changed("""
        ex:jdz-brand a bcic:ClusterBrand ;
            rdfs:label "景德镇陶瓷（标杆集群品牌）"@zh ;
            bcic:brandOf ex:jingdezhen .
        ex:architecture bcic:includesBrand ex:jdz-brand , ex:brand-ciyun , ex:brand-baiyufang ,
            ex:brand-hongtai-guanyin .""", ("architecture", BCIC.includesBrand))
    assert report.outcome("6.1.2.1").status is Status.NOT_MET
    assert "品牌架构未包含本集群的集群品牌" in shown(report, "zh")


def test_a_positioning_review_naming_nothing_it_analysed_fails_6_1_1_2() -> None:
    """6.1.1.2 「监测环境要素的变化，分析产业集群品牌定位的有效性」: a review names the positioning it
    analysed, the monitoring it rests on and what it found, as 6.2 d)'s review does."""
    report = changed("", ("positioning-review", PROV.used), ("positioning-review", PROV.wasInformedBy),
                     ("positioning-review", BCIC.finding))
    assert report.outcome("6.1.1.2").status is Status.NOT_MET
    en = shown(report, "en")
    for words in ("it used no brand positioning", "no environment monitoring informed it",
                  "A positioning review has no findings"):
        assert words in en


def test_a_positioning_considering_one_foundation_fails_6_1_1_1() -> None:
    """6.1.1.1 「充分考虑产业集群的历史资源、自然资源、工商业基础、人文状况等」: each foundation named,
    as 5.2.4's 「规模、需求特点、未来发展趋势和动向等」 is read."""
    report = changed("ex:positioning bcic:covers bcic:HistoricalResources .", ("positioning", BCIC.covers))
    assert report.outcome("6.1.1.1").status is Status.NOT_MET
    zh = shown(report, "zh")
    assert "品牌定位未考虑产业集群的自然资源（6.1.1.1）" in zh and "人文状况（6.1.1.1）" in zh
    assert "历史资源（6.1.1.1）" not in zh


# B. What the standard accepts is not refused.

SPECIAL_EVALUATION = """
    ex:evaluation-export-special a bcic:PerformanceEvaluation ;
        rdfs:label "出口率下滑专项分析（2024年9月）"@zh ;
        prov:wasAssociatedWith ex:body ;
        dcterms:date "2024-09-15"^^xsd:date ;
        bcic:analysisMethod bcic:CompareWithTargets , bcic:CompareWithHistory ;
        bcic:finding "欧盟铅镉限值收紧致三季度出口订单减少 12%"@zh ."""
SPECIAL_MEASUREMENT = """
    ex:measurement-special a bcic:PerformanceMeasurement ;
        rdfs:label "出口率专项测量（2024年9月）"@zh ;
        prov:wasAssociatedWith ex:body , ex:gov-industry ;
        dcterms:date "2024-09-10"^^xsd:date ;
        prov:used ex:measurement-model ;
        bcic:dataScreening "海关数据与企业报表交叉核对"@zh ."""


@pytest.mark.parametrize(("turtle", "clause", "periodic"), [
    (SPECIAL_EVALUATION, "9.3.1", "performance-evaluation"),  # 「以定期分析和评价」
    (SPECIAL_MEASUREMENT, "9.2.3", "measurement-2024"),  # 「定期进行绩效测量」
], ids=["9.3.1", "9.2.3"])
def test_a_one_off_record_beside_the_periodic_one_states_no_period(turtle: str, clause: str,
                                                                    periodic: str) -> None:
    """A special analysis or measurement is done once and states no period (decision 13, as
    6.2 d)'s reviews); the work is periodic while one record of this cluster states its period,
    and not once none does."""
    assert changed(turtle).outcome(clause).status is Status.MANUAL_REVIEW
    report = changed(turtle, (periodic, BCIC.period))
    assert report.outcome(clause).status is Status.NOT_MET
    assert "未见定期进行的绩效" in shown(report, "zh")
    irregular = changed(turtle.replace(' ;\n        rdfs:label', ' ;\n        bcic:period "不定期"@zh ;\n'
                                       '        rdfs:label', 1))
    assert irregular.outcome(clause).status is Status.NOT_MET  # a period given is a recurring one


OLD_KPI_SYSTEM = """
    ex:kpi-system-2018 a bcic:KPISystem ;
        dcterms:title "德化陶瓷产业集群品牌培育关键绩效指标体系（2018版，已废止）"@zh ;
        dcterms:date "2018-05-10"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        bcic:basedOn ex:strategy ;
        prov:invalidatedAtTime "2021-05-10T00:00:00"^^xsd:dateTime ;
        bcic:includesIndicator ind:MarketShare , ind:IndustryScale ."""


def test_a_superseded_kpi_system_kept_on_record_is_no_gap_of_9_1() -> None:
    """9.1.2 「确保指标体系的全面性和协调性」 and 9.1.4 ask them of the system in force; the system of
    2018 it replaced, marked superseded (prov:invalidatedAtTime), is history, as a replaced
    positioning is under 6.1."""
    report = changed(OLD_KPI_SYSTEM)
    for rid in ("9.1.1", "9.1.2", "9.1.3", "9.1.4", "9.1.4-a-1", "9.1.4-c-4"):
        assert report.outcome(rid).status is not Status.NOT_MET, rid
    assert report.conforms


def test_a_kpi_system_marked_superseded_alone_is_no_system_in_force() -> None:
    """With the current system marked superseded too, no system is in force: 9.1.1 is not met."""
    report = changed(OLD_KPI_SYSTEM + """
        ex:kpi-system prov:invalidatedAtTime "2024-12-31T00:00:00"^^xsd:dateTime .""")
    assert report.outcome("9.1.1").status is Status.NOT_MET
    assert "未见本集群现行的关键绩效指标体系（9.1.1）" in shown(report, "zh")


OLD_ARCHITECTURE = """
    ex:architecture-2016 a bcic:BrandArchitecture ;
        dcterms:title "德化陶瓷集群品牌架构方案（2016版，已被取代）"@zh ;
        dcterms:date "2016-02-28"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        bcic:includesBrand ex:cluster-brand ;
        bcic:relationDescription "集群品牌单独对外"@zh ;
        bcic:architectureMode bcic:ClusterBrandMode ;
        bcic:developmentStage "成长期"@zh ;
        bcic:benefit "集中资源打造单一品牌"@zh ;
        bcic:cost "统一推广费用"@zh ;
        bcic:risk "企业品牌难以成长"@zh ."""


def test_a_superseded_architecture_kept_on_record_is_no_gap_of_6_1() -> None:
    """6.1 「品牌培育战略应包括品牌定位和品牌架构」: an architecture replaced by a redesign, marked
    superseded, is history; one not marked so still belongs to a strategy."""
    superseded = changed(OLD_ARCHITECTURE + """
        ex:architecture-2016 prov:invalidatedAtTime "2021-02-28T00:00:00"^^xsd:dateTime .""")
    assert superseded.outcome("6.1").status is Status.MANUAL_REVIEW
    report = changed(OLD_ARCHITECTURE)
    assert report.outcome("6.1").status is Status.NOT_MET
    assert "and it is not marked as superseded (6.1)" in shown(report, "en")


# C. What no data can show goes to the evaluator.

@pytest.mark.parametrize(("requirement_id", "words"), [
    ("6.2", "使品牌培育战略得以顺利实施"),  # 「培育主体应建立适当的过程，使品牌培育战略得以顺利实施」
    ("6.2-a", "具体的工作目标"),  # 「转化为具体的工作目标」
    ("6.2-c", "与工作目标相应"),  # 「为工作目标的实现提供相应的资源和实施步骤」
])
def test_what_6_2_asks_beyond_data_is_put_to_the_evaluator(requirement_id: str, words: str) -> None:
    """The sample shows what data can; the rest is the evaluator's, in zh and en, never met."""
    outcome = changed().outcome(requirement_id)
    assert outcome.status is Status.MANUAL_REVIEW
    prompt = outcome.requirement.review_prompt
    assert prompt is not None and words in prompt["zh"] and prompt["en"]


# E. Findings and hints in plain words.

def test_a_missing_category_of_9_1_2_is_said_as_what_the_system_includes() -> None:
    """9.1.2 「确保指标体系的全面性」: the 2018 system, not marked superseded, includes no indicator
    of a category; the finding says so, not as a chain of “broader concept”."""
    report = changed(OLD_KPI_SYSTEM.replace(
        '    prov:invalidatedAtTime "2021-05-10T00:00:00"^^xsd:dateTime ;\n', ""))
    assert report.outcome("9.1.2").status is Status.NOT_MET
    zh, en = shown(report, "zh"), shown(report, "en")
    assert "“包含指标”中没有属于“培育过程能力指标”的一项" in zh and "“上位概念”的“上位概念”" not in zh
    assert "none of its “includes indicator” values falls under" in en


def test_the_6_1_hint_asks_for_the_strategy_before_its_parts() -> None:
    """6.1 「制定产业集群品牌培育战略…应包括品牌定位和品牌架构」: the hint records the strategy first,
    then its positioning and its architecture, in the text's order."""
    report = changed("", ("strategy", BCIC.hasArchitecture))
    hint = shown(report, "zh").split("✘ 6.1 ", 1)[1].split("→ 如何满足：", 1)[1]
    strategy, positioning, architecture = (hint.index(f"记录一项“{name}”")
                                           for name in ("产业集群品牌培育战略", "品牌定位", "品牌架构"))
    assert strategy < positioning < architecture


def test_the_9_2_1_hint_says_what_a_specification_points_to_and_who_answers_for_it() -> None:
    """9.2.1 「明确关键绩效指标相应的…责任部门」: the hint asks a specification of each indicator the
    system includes, in plain words, and a responsible party that is an organisation."""
    report = changed('ex:spec-LocationAdvantage bcic:responsibleParty "待定"@zh .',
                     ("spec-LocationAdvantage", BCIC.responsibleParty))
    zh = shown(report, "zh")
    assert "指向“包含指标”（bcic:includesIndicator）所指的每一项" in zh and "的每个取值" not in zh
    assert "“责任方”（bcic:responsibleParty）指向一项“组织”（org:Organization）" in zh
