"""Validating the sample clusters gives the verdicts and gaps their descriptions promise."""

from __future__ import annotations

import dataclasses
import functools
import json

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG

from checker.errors import InputError
from checker.namespaces import BCIC, IND, REQ
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report, Status
from checker.rulebook import Level, load_rulebook
from checker.validation import submission_clusters, validate_files, validate_graph

from tests.dehua_changes import dehua

EXPECTED = json.loads((EXAMPLES_DIR / "expected.json").read_text(encoding="utf-8"))


@functools.cache
def _sample_report(name: str) -> Report:
    """The report on the sample examples/NAME, validated once per worker: tests read it only."""
    return validate_files([EXAMPLES_DIR / name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_cluster_gets_its_promised_verdict_and_gaps(name: str) -> None:
    report = _sample_report(name)
    unmet = sorted(o.requirement.id for o in report.with_status(Status.NOT_MET)
                   if o.requirement.level is Level.SHALL)
    assert report.conforms is (EXPECTED[name]["verdict"] == "conformant")
    assert unmet == sorted(EXPECTED[name]["unmet_shall"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_requirement_pending_manual_review_is_not_counted_as_met(name: str) -> None:
    overall = _sample_report(name).overall
    promised = EXPECTED[name]["rate"]
    assert (overall.met, overall.pending, overall.total) == (
        promised["met"], promised["pending_review"], promised["applicable"])
    assert overall.not_met == len(EXPECTED[name]["unmet_shall"])
    assert overall.ratio == promised["met"] / promised["applicable"]


def test_every_requirement_of_the_catalogue_gets_a_status() -> None:
    report = _sample_report("meitan-tea.ttl")
    assert [o.requirement.id for o in report.outcomes] == list(load_rulebook().requirements)
    assert all(isinstance(o.status, Status) for o in report.outcomes)


def test_informative_provisions_are_never_unmet() -> None:
    report = _sample_report("meitan-tea.ttl")
    informative = [o for o in report.outcomes if o.requirement.level is Level.INFORMATIVE]
    assert len(informative) == 11
    assert {o.status for o in informative} == {Status.NOT_APPLICABLE}


def test_a_shall_requirement_nothing_checks_awaits_an_evaluator_and_is_never_met() -> None:
    """A maintainer added 8.2.7 「培育主体应测试。」 with no shape and no review prompt, and
    `bcic validate` reported it met (✔) with no evidence asked for."""
    rulebook = load_rulebook()
    added = dataclasses.replace(
        rulebook.requirements["8.2.5"], id="8.2.7", iri=URIRef(f"{REQ}8.2.7"), clause="8.2.7",
        text={"zh": "培育主体应测试。", "en": "The cultivation body shall test."},
        review_prompt=None, shapes=())
    assert added.level is Level.SHALL
    untested = dataclasses.replace(rulebook,
                                   requirements={**rulebook.requirements, "8.2.7": added})
    before = _sample_report("dehua-ceramics.ttl")  # under `rulebook`, the one loaded
    report = validate_files([EXAMPLES_DIR / "dehua-ceramics.ttl"], rulebook=untested)
    assert report.outcome("8.2.7").status is Status.MANUAL_REVIEW
    assert report.conforms  # no gap: the data were not asked, nothing shows it unmet
    assert (report.overall.met, report.overall.pending, report.overall.total) == (
        before.overall.met, before.overall.pending + 1, before.overall.total + 1)


def test_manual_review_items_are_listed_even_when_the_cluster_conforms() -> None:
    report = _sample_report("dehua-ceramics.ttl")
    checklist = {o.requirement.id for o in report.manual_checklist()}
    assert report.conforms and {"9.1.3", "4.3.2", "8.1.3-4"} <= checklist


def test_missing_collective_mark_is_information_not_a_gap_under_8_3_1() -> None:
    data = dehua()
    for registration in list(data.subjects(RDF.type, BCIC.CollectiveBrandRegistration)):
        data.remove((registration, None, None))
    report = validate_graph(data)
    outcome = report.outcome("8.3.1")
    assert outcome.status is Status.NOT_USED and report.conforms
    assert {r.severity.value for r in outcome.results} == {"info"}


def test_the_mature_cluster_takes_up_both_permissions() -> None:
    """Dehua registers its collective mark (8.3.1) and adopts a mode 6.1.2.2 lists
    (集群品牌+企业品牌): both may-level provisions are met, as examples/README.md says."""
    report = _sample_report("dehua-ceramics.ttl")
    may = {o.requirement.id: o.status for o in report.outcomes if o.requirement.level is Level.MAY}
    assert may == {"6.1.2.2-may": Status.MET, "8.3.1": Status.MET}


def test_an_architecture_of_an_unlisted_mode_meets_6_1_2_2_and_leaves_its_permission_unused() -> None:
    """「…合理设计产业集群品牌架构模式，可考虑采用集群品牌、…等模式」: a mode of the cluster's own
    (等: the list is open) meets the requirement; the permission, not taken up, is information
    naming the architecture and its mode, never a gap, and changes no rate."""
    data = dehua()
    before = validate_graph(data)
    own = URIRef("https://example.org/mode/cluster-plus-regional-brand")
    for architecture in set(data.subjects(BCIC.architectureMode, None)):
        data.set((architecture, BCIC.architectureMode, own))
    data.add((own, RDF.type, BCIC.ArchitectureMode))
    report = validate_graph(data)
    # met as far as data shows: 「自身具备的资源和能力」 is the evaluator's (shapes/review.ttl)
    assert report.outcome("6.1.2.2").status is before.outcome("6.1.2.2").status \
        is Status.MANUAL_REVIEW
    outcome = report.outcome("6.1.2.2-may")
    assert outcome.status is Status.NOT_USED and report.conforms
    assert {r.severity.value for r in outcome.results} == {"info"}
    assert report.overall == before.overall
    assert str(own) in render_report(report, "text", "en")


def test_an_architecture_with_no_mode_fails_6_1_2_2_not_its_permission_only() -> None:
    """No mode at all is a gap of the requirement (合理设计…模式), beside the unused permission."""
    data = dehua()
    data.remove((None, BCIC.architectureMode, None))
    report = validate_graph(data)
    assert report.outcome("6.1.2.2").status is Status.NOT_MET and not report.conforms
    assert report.outcome("6.1.2.2-may").status is Status.NOT_USED


def test_duties_of_a_role_the_body_lacks_are_not_applicable() -> None:
    data = dehua()
    for membership in list(data.subjects(ORG.role, BCIC.GovernmentRole)):
        data.remove((membership, None, None))
    outcome = validate_graph(data).outcome("4.2.1-a")
    assert outcome.status is Status.NOT_APPLICABLE


def test_a_subclass_instance_counts_for_its_superclass_requirement() -> None:
    """A bcic:QualityStandard is an bcic:AdoptedStandard (7.3.1) through the class hierarchy: no
    gap, 7.3.1 awaiting the evaluator as with the sample's own standards."""
    data = dehua()
    adopted = [s for s in data.subjects(RDF.type, BCIC.AdoptedStandard)]
    for node in adopted:
        data.remove((node, RDF.type, BCIC.AdoptedStandard))
        data.add((node, RDF.type, BCIC.QualityStandard))
    assert adopted and validate_graph(data).outcome("7.3.1").status is Status.MANUAL_REVIEW


def test_a_submission_about_two_clusters_is_refused_naming_both() -> None:
    """Meitan's and Dehua's files together: each has a body cultivating its own cluster."""
    with pytest.raises(InputError, match="several clusters") as refused:
        validate_files([EXAMPLES_DIR / "meitan-tea.ttl", EXAMPLES_DIR / "dehua-ceramics.ttl"])
    assert refused.value.message.endswith("; submit each on its own")
    assert ("(https://example.org/cluster/dehua/cluster); "
            "“Meitan tea industrial cluster” (https://example.org/cluster/meitan/cluster)"
            ) in refused.value.message
    assert "多个产业集群" in refused.value.text("zh")


def test_benchmarks_and_competitors_a_submission_mentions_are_not_what_it_is_about() -> None:
    """Without a cultivation body, the cluster is the one not named as a benchmark or competitor,
    whichever sorts first."""
    data = Graph().parse(data=f"""@prefix bcic: <{BCIC}> .
<https://example.org/z/cluster> a bcic:IndustrialCluster ;
    bcic:benchmarkCluster <https://example.org/a/cluster> ;
    bcic:competitorCluster <https://example.org/b/cluster> .
<https://example.org/a/cluster> a bcic:IndustrialCluster .
<https://example.org/b/cluster> a bcic:IndustrialCluster .
""", format="turtle")
    assert submission_clusters(data) == [URIRef("https://example.org/z/cluster")]
    data.remove((URIRef("https://example.org/z/cluster"), RDF.type, None))
    assert submission_clusters(data) == [URIRef("https://example.org/z/cluster")]


ONLY_A_CLUSTER = f"""@prefix bcic: <{BCIC}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/c/x> a bcic:IndustrialCluster ; rdfs:label "测试集群"@zh , "Test cluster"@en .
"""


def test_a_cluster_without_a_cultivation_body_fails_4_1_saying_none_is_declared() -> None:
    outcome = validate_graph(Graph().parse(data=ONLY_A_CLUSTER, format="turtle")).outcome("4.1")
    assert outcome.status is Status.NOT_MET
    [result] = outcome.results
    assert result.messages["zh"].startswith("未声明培育主体") and "（4.1）" in result.messages["zh"]
    assert "No cultivation body is declared" in result.messages["en"]


def test_a_body_that_names_no_cluster_it_cultivates_fails_4_1() -> None:
    data = dehua()
    data.remove((None, BCIC.cultivates, None))
    outcome = validate_graph(data).outcome("4.1")
    assert outcome.status is Status.NOT_MET
    assert [r.messages["zh"][:7] for r in outcome.results] == ["未声明培育主体"]


def test_a_competitors_actual_figures_do_not_measure_the_clusters_indicator_under_9_2_3() -> None:
    """9.2.3 asks for the cluster's own measurements; Dehua's actual values of
    ind:LocationAdvantage are moved to its benchmark Jingdezhen (9.3.2)."""
    data = dehua()
    benchmark = URIRef("https://example.org/cluster/dehua/jingdezhen")
    moved = [o for o in data.subjects(BCIC.indicator, URIRef(f"{IND}LocationAdvantage"))
             if (o, BCIC.valueKind, BCIC.ActualValue) in data]
    for observation in moved:
        data.set((observation, BCIC.refCluster, benchmark))
    outcome = validate_graph(data).outcome("9.2.3")
    assert moved and outcome.status is Status.NOT_MET
    said = {r.messages["zh"].split("：")[0] for r in outcome.results}
    assert said == {"关键绩效指标没有本集群的实际测量值"}
    assert "figures of other clusters" in outcome.results[0].messages["en"]


def test_the_clusters_own_actual_figures_leave_9_2_3_to_manual_review_only() -> None:
    """Dehua's observations name its own cluster: no shape of 9.2.3 reports."""
    outcome = _sample_report("dehua-ceramics.ttl").outcome("9.2.3")
    assert (outcome.status, outcome.results) == (Status.MANUAL_REVIEW, ())


def _dehua_with(predicate: URIRef, value: Literal) -> Graph:
    """Dehua with every value of `predicate` replaced by `value`."""
    data = dehua()
    subjects = set(data.subjects(predicate, None))
    assert subjects
    for subject in subjects:
        data.set((subject, predicate, value))
    return data


XSD_NS = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = [Literal(312), Literal("312", datatype=URIRef(f"{XSD_NS}nonNegativeInteger")),
           Literal(3.12e2), Literal("312.0", datatype=URIRef(f"{XSD_NS}decimal"))]
FIGURES = [("5.2.3", BCIC.concentrationValue), ("7.1.2.1", BCIC.amount),
           ("9.2.3", BCIC.observedValue)]


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: str(n.datatype).rsplit("#", 1)[-1])
@pytest.mark.parametrize(("clause", "predicate"), FIGURES, ids=[c for c, _ in FIGURES])
def test_a_figure_of_any_numeric_datatype_is_accepted(
        clause: str, predicate: URIRef, number: Literal) -> None:
    """The draft fixes no datatype: a whole number such as 312 counts as a value (5.2.3, 7.1.2.1,
    9.2.3)."""
    outcome = validate_graph(_dehua_with(predicate, number)).outcome(clause)
    assert outcome.status is not Status.NOT_MET, [r.messages["en"] for r in outcome.results]


@pytest.mark.parametrize(("clause", "predicate", "said"), [
    ("5.2.3", BCIC.concentrationValue, "集聚水平测度的集中度数值不是数字（5.2.3）"),
    ("9.2.3", BCIC.observedValue, "指标观测值的值既不是数字，也不是所声明评级量表中的等级：以评级量表测量的指标"
                                  "不写数值，而以“评定等级”指向测量模型或测量规范所用评级量表中的一个等级（9.2.3）"),
], ids=["5.2.3", "9.2.3"])
def test_a_figure_given_as_text_is_said_to_be_no_number_not_to_be_missing(
        clause: str, predicate: URIRef, said: str) -> None:
    """9.2.3's value may also be a level of a declared rating scale: the message says it is
    neither (docs/model.md, decision 19)."""
    outcome = validate_graph(_dehua_with(predicate, Literal("四十五"))).outcome(clause)
    assert outcome.status is Status.NOT_MET
    assert {r.messages["zh"] for r in outcome.results} == {said}
    assert all("not a number" in r.messages["en"] or "neither a number" in r.messages["en"]
               for r in outcome.results)


PRIORITIES = [Literal(1), Literal("1", datatype=URIRef(f"{XSD_NS}positiveInteger")),
              Literal("2", datatype=URIRef(f"{XSD_NS}int")), Literal("高", lang="zh"),
              Literal("high")]


@pytest.mark.parametrize("priority", PRIORITIES,
                         ids=["integer", "positiveInteger", "int", "word-zh", "word"])
def test_a_priority_of_any_integer_datatype_or_a_ranking_word_meets_9_4_1(priority: Literal) -> None:
    """9.4.1 「确定持续改进的优先次序」 asks for an order, not a datatype: a rank of any
    integer-derived datatype or a ranking word (高) sets one."""
    report = validate_graph(_dehua_with(BCIC.priority, priority))
    outcome = report.outcome("9.4.1")
    assert outcome.status is not Status.NOT_MET, [r.messages["en"] for r in outcome.results]
    assert report.conforms


# An unusable priority → how the report quotes it and says what it was given as (zh, en).
UNUSABLE_PRIORITIES = [(Literal(""), "“”", "“”"),
                       (Literal(-1), "“-1”（给出的是整数）", "“-1” (given as a whole number)"),
                       (Literal(True), "“true”（给出的是“是/否”值）", "“true” (given as a yes/no value)"),
                       (Literal("-1"), "“-1”", "“-1”")]


@pytest.mark.parametrize(("priority", "zh_shown", "en_shown"), UNUSABLE_PRIORITIES,
                         ids=["empty", "negative", "boolean", "negative-as-text"])
def test_a_priority_that_says_no_order_is_said_to_be_unusable_not_missing(
        priority: Literal, zh_shown: str, en_shown: str) -> None:
    """Empty text, a negative number or true is a priority given but unusable: 9.4.1 is not met,
    and the report says so of the value it names, in zh and en, never that there is none: the
    value as written, what it was given as in words, and what a priority is (the words of
    shp:UsablePriority's label), with no RDF notation."""
    report = validate_graph(_dehua_with(BCIC.priority, priority))
    outcome = report.outcome("9.4.1")
    assert outcome.status is Status.NOT_MET
    assert {r.messages["zh"].split("：")[0] for r in outcome.results} == {"改进措施的优先次序无法使用"}
    assert all("cannot be used" in r.messages["en"] for r in outcome.results)
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert f"：“优先次序”的取值{zh_shown}不是名次（如 1）或表示等级的文字（如“高”）\n" in zh
    assert "未确定优先次序" not in zh
    assert f": its “priority” {en_shown} is not a rank, such as 1, or a ranking word, such as " \
        "“high”\n" in en
    assert "has no priority" not in en and "^^" not in en


def test_only_the_unusable_one_of_two_priorities_is_named_under_9_4_1() -> None:
    """A ranking word in Chinese (rdf:langString) beside empty text: the report names the empty
    text alone."""
    data = _dehua_with(BCIC.priority, Literal("高", lang="zh"))
    for action in set(data.subjects(BCIC.priority, None)):
        data.add((action, BCIC.priority, Literal("")))
    text = render_report(validate_graph(data), "text", "zh")
    assert "：“优先次序”的取值“”不是名次" in text
    assert "“高”不是" not in text


def test_an_improvement_action_without_a_priority_is_said_to_have_none_under_9_4_1() -> None:
    data = dehua()
    data.remove((None, BCIC.priority, None))
    outcome = validate_graph(data).outcome("9.4.1")
    assert outcome.status is Status.NOT_MET
    assert {r.messages["zh"] for r in outcome.results} == {"改进措施未确定优先次序（9.4.1）"}


def test_a_measurement_specification_without_a_unit_meets_9_2_1() -> None:
    """9.2.1 lists 「信息内涵、信息来源、收集与计算方法、测量周期、责任部门等」 and no unit: Dehua's
    specifications without their units still meet it."""
    data = dehua()
    specifications = set(data.subjects(RDF.type, BCIC.MeasurementSpecification))
    assert specifications
    for specification in specifications:
        data.remove((specification, BCIC.unitOfMeasure, None))
    report = validate_graph(data)
    assert report.outcome("9.2.1").status is not Status.NOT_MET
    assert report.conforms


def test_an_observation_without_a_unit_fails_9_2_3_not_9_2_1() -> None:
    """The unit goes with the figure: an observation without one is a gap of 9.2.3."""
    data = dehua()
    observation = sorted(data.subjects(RDF.type, BCIC.IndicatorObservation))[0]
    data.remove((observation, BCIC.unitOfMeasure, None))
    report = validate_graph(data)
    outcome = report.outcome("9.2.3")
    assert outcome.status is Status.NOT_MET
    assert {r.messages["zh"] for r in outcome.results} == {"指标观测值缺少或重复计量单位（9.2.3）"}
    assert {r.focus_node for r in outcome.results} == {observation}
    assert report.outcome("9.2.1").status is not Status.NOT_MET


def _dehua_macro_analysis_without(*predicates: URIRef) -> Graph:
    """Dehua whose macro-environment analyses state none of `predicates`."""
    data = dehua()
    analyses = set(data.subjects(RDF.type, BCIC.MacroEnvironmentAnalysis))
    assert analyses
    for analysis in analyses:
        for predicate in predicates:
            assert (analysis, predicate, None) in data
            data.remove((analysis, predicate, None))
    return data


def test_a_macro_analysis_naming_no_opportunity_or_risk_is_no_gap_of_5_1() -> None:
    """5.1's 「有助于识别产业集群品牌培育过程所面临的机遇与风险」 says what the analysis is for: an
    analysis covering the five environments at home and abroad leaves 5.1 to the evaluator."""
    report = validate_graph(_dehua_macro_analysis_without(BCIC.opportunity, BCIC.risk))
    outcome = report.outcome("5.1")
    assert (outcome.status, outcome.results) == (Status.MANUAL_REVIEW, ())
    assert report.conforms


def test_5_1_asks_the_evaluator_whether_the_analysis_helps_identify_opportunities_and_risks() -> None:
    report = _sample_report("dehua-ceramics.ttl")
    outcome = report.outcome("5.1")
    assert outcome in report.awaiting_judgement()
    prompt = outcome.requirement.review_prompt
    assert prompt is not None
    assert "有助于识别产业集群品牌培育过程所面临的机遇与风险" in prompt["zh"]
    assert "helps to identify the opportunities and risks" in prompt["en"]
    assert prompt["zh"] in render_report(report, "text", "zh")


def test_a_macro_analysis_missing_an_environment_still_fails_5_1() -> None:
    """The analysis and its coverage are what 5.1 obliges: without the cultural environment it
    is unmet, and the finding says so, not that any opportunity or risk is missing."""
    data = dehua()
    data.remove((None, BCIC.covers, BCIC.CulturalEnvironment))
    outcome = validate_graph(data).outcome("5.1")
    assert outcome.status is Status.NOT_MET
    assert {r.messages["zh"] for r in outcome.results} == {"未见涵盖“文化环境”的宏观环境分析（5.1）"}
