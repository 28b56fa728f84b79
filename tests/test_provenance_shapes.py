"""Who made the evidence and when (shapes/provenance.ttl): chapters 5–9 read 「培育主体应…」, so a
document or activity counts only as the cultivation body's own, dated, and a document titled.

Each shape's own fixture pair is proven by tests/test_shapes.py; the tests here take the sample
that conforms (dehua-ceramics.ttl) and change one fact the way a real submission might get it wrong.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from checker.namespaces import BCIC, SHP
from checker.paths import SHAPES_DIR
from checker.render import render_report
from checker.report import Report, Status
from checker.fixtures import fixture_for, instances
from checker.rulebook import SH, Level, load_rulebook
from checker.rulebook_document import fixture_text
from checker.shacl import ShaclResult
from checker.synthetic import generate_cluster
from checker.validation import validate_graph

from tests.dehua_changes import dehua

RULEBOOK = load_rulebook()
EX = "https://example.org/cluster/dehua/"
BODY = URIRef(EX + "body")
DRIVE_ANALYSIS = URIRef(EX + "vc-drive")  # 5.2.1, attributed to the body and a member college
MONITORING = URIRef(EX + "environment-monitoring")  # 8.1.4
QUALITY_PROJECT = URIRef(EX + "quality-project")  # 7.4.2, with the body and an association
MANAGEMENT_MODEL = URIRef(EX + "management-model")  # 7.4.3, with the body and an enterprise
# Spelled out: a module-level rdflib XSD namespace makes pytest's collection warn.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DATETIME = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
FRAME = (PROV.wasAttributedTo, PROV.wasAssociatedWith, DCTERMS.date, DCTERMS.title)


@cache
def provenance_shapes() -> frozenset[URIRef]:
    """The shapes of shapes/provenance.ttl that name a requirement."""
    graph = Graph().parse(SHAPES_DIR / "provenance.ttl")
    return frozenset(s for s in graph.subjects(BCIC.checksRequirement, None)
                     if isinstance(s, URIRef))


def frame_results(report: Report, requirement_id: str, kind: str) -> list[ShaclResult]:
    """The results of the requirement from its provenance shapes of one kind (ByBody, Titled,
    Dated, DateWellFormed)."""
    return [r for r in report.outcome(requirement_id).results
            if r.source_shape in provenance_shapes()
            and str(r.source_shape).removeprefix(str(SHP)).split("-")[0] == kind]


def test_the_conformant_sample_stays_conformant_with_its_frame_checked() -> None:
    report = validate_graph(dehua())
    assert report.conforms
    assert not [r for o in report.outcomes for r in o.results
                if r.source_shape in provenance_shapes()]


def test_a_sample_stripped_of_attribution_dates_and_titles_is_reported_clause_by_clause() -> None:
    data = dehua()
    for predicate in FRAME:
        data.remove((None, predicate, None))
    report = validate_graph(data)
    framed = {RULEBOOK.shape_requirements[s] for s in provenance_shapes()}
    shall = {rid for rid in framed if RULEBOOK.requirements[rid].level is Level.SHALL}
    assert not report.conforms
    assert {rid for rid in shall if report.outcome(rid).status is Status.NOT_MET} == shall
    assert report.outcome("8.3.1").status is Status.NOT_USED  # may-level: information
    assert frame_results(report, "5.2.1", "Titled")[0].focus_node == DRIVE_ANALYSIS
    assert frame_results(report, "8.1.4", "Dated")[0].focus_node == MONITORING


@pytest.mark.parametrize("agent", ["consultancy", "benchmark-body"])
def test_an_analysis_attributed_to_anyone_but_the_body_is_reported_under_5_2_1(
        agent: str) -> None:
    """An outside consultancy, or the body of a benchmark cluster (a bcic:CultivationBody that
    cultivates no cluster of this submission), does not answer for the cluster's analysis."""
    data = dehua()
    other = URIRef(EX + agent)
    if agent == "benchmark-body":
        data.add((other, RDF.type, BCIC.CultivationBody))
    data.add((other, RDFS.label, Literal("某咨询公司", lang="zh")))
    data.remove((DRIVE_ANALYSIS, PROV.wasAttributedTo, None))
    data.add((DRIVE_ANALYSIS, PROV.wasAttributedTo, other))
    report = validate_graph(data)
    [result] = frame_results(report, "5.2.1", "ByBody")
    assert report.outcome("5.2.1").status is Status.NOT_MET and not report.conforms
    assert result.focus_node == DRIVE_ANALYSIS and result.path == "prov:wasAttributedTo"
    assert "培育主体" in result.messages["zh"] and "(5.2.1)" in result.messages["en"]
    assert "attributed to the cultivation body" in result.messages["en"]


def test_a_member_named_beside_the_body_is_welcome_and_alone_is_not_enough() -> None:
    data = dehua()
    assert (DRIVE_ANALYSIS, PROV.wasAttributedTo, BODY) in data  # with a member college
    assert validate_graph(data).outcome("5.2.1").status is Status.MANUAL_REVIEW  # no gap
    data.remove((DRIVE_ANALYSIS, PROV.wasAttributedTo, BODY))
    assert frame_results(validate_graph(data), "5.2.1", "ByBody")


def test_a_quality_project_led_by_the_association_alone_meets_7_4_2_by_data_under_its_actor() -> None:
    """7.4.2 「由产业集群内的行业协会牵头，组织质量攻关」 names who acts (catalogue bindsActor the
    industry-organisation role; docs/model.md, decision 2): the project led by the association
    member, the body unnamed, is not failed for lacking the body, as 7.4.3's and 7.4.4's are not;
    without the association it fails on the member check alone."""
    without_body = dehua()
    without_body.remove((QUALITY_PROJECT, PROV.wasAssociatedWith, BODY))
    report = validate_graph(without_body)
    assert report.outcome("7.4.2").status is Status.MANUAL_REVIEW and report.conforms
    assert not frame_results(report, "7.4.2", "ByBody")
    without_member = dehua()
    without_member.remove((QUALITY_PROJECT, PROV.wasAssociatedWith, URIRef(EX + "assoc-ceramics")))
    report = validate_graph(without_member)
    assert report.outcome("7.4.2").status is Status.NOT_MET
    assert not frame_results(report, "7.4.2", "ByBody")
    assert {r.source_shape for r in report.outcome("7.4.2").results} == {
        SHP.QualityProjectLedByAssociation}


# 7.4.2 「由产业集群内的行业协会牵头」, 7.4.3 「集群内的企业要导入…」: the activity, its member named
# beside the body, the shape that asks for that member, and who replaces the member.
CLUSTER_ACTORS = {
    "7.4.2": (QUALITY_PROJECT, "assoc-ceramics", SHP.QualityProjectLedByAssociation),
    "7.4.3": (MANAGEMENT_MODEL, "ent-ciyun", SHP.ManagementModelByEnterprise),
}


@pytest.mark.parametrize("requirement_id, outsider, kind, label", [
    ("7.4.2", "jdz-assoc", BCIC.IndustryOrganisation, "景德镇陶瓷行业协会"),
    ("7.4.3", "outsider", BCIC.IndustryEnterprise, "外地某咨询公司"),
], ids=["7.4.2-another-clusters-association", "7.4.3-enterprise-outside-the-body"])
def test_an_actor_the_body_does_not_count_among_its_members_is_not_the_clusters(
        requirement_id: str, outsider: str, kind: URIRef, label: str) -> None:
    """An association or an enterprise of the right kind that is no member of the body (another
    cluster's association, an outside firm) is not 「集群内的」: the clause is not met."""
    data = dehua()
    activity, member, shape = CLUSTER_ACTORS[requirement_id]
    agent = URIRef(EX + outsider)
    data.remove((activity, PROV.wasAssociatedWith, URIRef(EX + member)))
    data.add((activity, PROV.wasAssociatedWith, agent))
    data.add((agent, RDF.type, kind))
    data.add((agent, RDFS.label, Literal(label, lang="zh")))
    report = validate_graph(data)
    assert report.outcome(requirement_id).status is Status.NOT_MET and not report.conforms
    assert {r.source_shape for r in report.outcome(requirement_id).results} == {shape}
    assert "培育主体中担任" in render_report(report, "text", "zh")


@pytest.mark.parametrize("requirement_id, kind, zh, en", [
    ("7.4.2", BCIC.IndustryOrganisation, "质量攻关未由培育主体成员中的行业协会牵头",
     "The quality project is led by no industry association that is a member of the cultivation body"),
    ("7.4.3", BCIC.IndustryEnterprise, "先进管理模式的导入未关联培育主体成员中的企业",
     "The management model adoption names no enterprise that is a member of the cultivation body"),
], ids=["7.4.2", "7.4.3"])
def test_the_finding_on_a_cluster_actor_outside_the_body_says_what_is_asked(
        requirement_id: str, kind: URIRef, zh: str, en: str) -> None:
    """A firm or an association of the cluster that is not a member of the body is named by the
    submission: the message does not deny it is in the cluster, it says that no member of the body
    (docs/model.md, decision 2) adopts or leads."""
    data = dehua()
    activity, member, shape = CLUSTER_ACTORS[requirement_id]
    local = URIRef(EX + "local-non-member")
    data.remove((activity, PROV.wasAssociatedWith, URIRef(EX + member)))
    data.add((activity, PROV.wasAssociatedWith, local))
    data.add((local, RDF.type, kind))
    data.add((local, RDFS.label, Literal("德化本地某组织（未加入培育主体）", lang="zh")))
    (result,) = [r for r in validate_graph(data).outcome(requirement_id).results
                 if r.source_shape == shape]
    assert result.messages["zh"].startswith(zh) and f"（{requirement_id}）" in result.messages["zh"]
    assert result.messages["en"].startswith(en) and f"({requirement_id})" in result.messages["en"]
    assert "in the cluster" not in result.messages["en"] and "within the cluster" not in result.messages["en"]
    assert "集群内的" not in result.messages["zh"]


@pytest.mark.parametrize("requirement_id, member, met", [
    ("7.4.2", "lab-testing", False),  # a third-party institution: no industry association
    ("7.4.2", "assoc-export", True),  # the body's other industry organisation
    ("7.4.3", "sup-kaolin", True),  # an enterprise of a related and supporting industry
    ("7.4.3", "college", False),  # a third-party institution: no enterprise
], ids=["7.4.2-third-party", "7.4.2-other-association", "7.4.3-supporting-enterprise",
        "7.4.3-third-party"])
def test_a_member_of_the_body_counts_for_7_4_2_and_7_4_3_only_in_the_role_the_clause_names(
        requirement_id: str, member: str, met: bool) -> None:
    """7.4.2 binds the industry-organisation role, 7.4.3 either enterprise role (docs/model.md,
    decision 2): the membership's org:role decides, as for 4.2's duties and 7.4.4."""
    data = dehua()
    activity, own_member, _shape = CLUSTER_ACTORS[requirement_id]
    data.remove((activity, PROV.wasAssociatedWith, URIRef(EX + own_member)))
    data.add((activity, PROV.wasAssociatedWith, URIRef(EX + member)))
    status = validate_graph(data).outcome(requirement_id).status
    assert status is (Status.MANUAL_REVIEW if met else Status.NOT_MET)  # no gap, or a gap


def test_an_undated_environment_monitoring_is_reported_under_8_1_4() -> None:
    data = dehua()
    data.remove((MONITORING, None, None))
    data.add((MONITORING, RDF.type, BCIC.EnvironmentMonitoring))
    data.add((MONITORING, PROV.wasAssociatedWith, BODY))
    report = validate_graph(data)
    [result] = frame_results(report, "8.1.4", "Dated")
    assert report.outcome("8.1.4").status is Status.NOT_MET
    assert result.focus_node == MONITORING and result.path == "dcterms:date"
    assert "缺少日期" in result.messages["zh"] and "has no date" in result.messages["en"]


def test_a_second_undated_record_beside_a_dated_one_is_still_reported() -> None:
    """Every record the submission gives is checked, not only one: an undated one is a finding
    the evaluator must see even when another record is in order."""
    data = dehua()
    extra = URIRef(EX + "environment-monitoring-2")
    data.add((extra, RDF.type, BCIC.EnvironmentMonitoring))
    data.add((extra, PROV.wasAssociatedWith, BODY))
    [result] = frame_results(validate_graph(data), "8.1.4", "Dated")
    assert result.focus_node == extra


@pytest.mark.parametrize("date", [
    Literal("2021年"), Literal("2021", datatype=XSD_GYEAR),
    Literal("2021-02-30", datatype=XSD_DATE), Literal("2021-11-30T09:00:00", datatype=XSD_DATETIME),
], ids=["text", "gYear", "no-such-day", "dateTime"])
def test_a_malformed_date_is_reported_with_its_value(date: Literal) -> None:
    data = dehua()
    data.set((MONITORING, DCTERMS.date, date))
    report = validate_graph(data)
    [result] = frame_results(report, "8.1.4", "DateWellFormed")
    assert report.outcome("8.1.4").status is Status.NOT_MET
    assert result.focus_node == MONITORING and str(result.value) == str(date)
    assert "日期格式不正确" in result.messages["zh"] and "malformed date" in result.messages["en"]
    assert "2021-06-30" in result.messages["zh"] and "2021-06-30" in result.messages["en"]
    assert not frame_results(report, "8.1.4", "Dated")  # it has a date: only its form is wrong


# How a finding says to write a date of another kind (checker/render/wording.py, typed_form): the
# value's own day where it gives one, else the form by an example.
EN_EXAMPLE = (': write one with its datatype, as in "2021-06-30"^^xsd:date in Turtle, '
              '{"@value": "2021-06-30", "@type": "http://www.w3.org/2001/XMLSchema#date"} in JSON-LD (an example)\n')
ZH_EXAMPLE = ('：应写明数据类型，格式如 Turtle 中的 "2021-06-30"^^xsd:date、JSON-LD 中的 '
              '{"@value": "2021-06-30", "@type": "http://www.w3.org/2001/XMLSchema#date"}（仅为示例）\n')
EN_OWN = (': write it with its datatype, "2021-11-30"^^xsd:date in Turtle, '
          '{"@value": "2021-11-30", "@type": "http://www.w3.org/2001/XMLSchema#date"} in JSON-LD\n')


@pytest.mark.parametrize("lang, date, said", [
    ("zh", Literal("2021年"),
     "（…/environment-monitoring）：“日期”的取值“2021年”（给出的是文本）不是年-月-日形式的日期"
     "（如 2021-06-30）" + ZH_EXAMPLE),
    ("en", Literal("2021年"),
     "(…/environment-monitoring): its “date” “2021年” (given as text) is not a year-month-day date "
     "(e.g. 2021-06-30)" + EN_EXAMPLE),
    ("zh", Literal("2021年", lang="zh"),
     "（…/environment-monitoring）：“日期”的取值“2021年”（给出的是文本）不是年-月-日形式的日期"
     "（如 2021-06-30）" + ZH_EXAMPLE),
    ("zh", Literal("2021", datatype=XSD_GYEAR),
     "（…/environment-monitoring）：“日期”的取值“2021”（给出的是年份）不是年-月-日形式的日期"
     "（如 2021-06-30）" + ZH_EXAMPLE),
    ("en", Literal("2021", datatype=XSD_GYEAR),
     "(…/environment-monitoring): its “date” “2021” (given as a year) is not a year-month-day date "
     "(e.g. 2021-06-30)" + EN_EXAMPLE),
    ("en", Literal("2021-11-30T09:00:00", datatype=XSD_DATETIME),
     "(…/environment-monitoring): its “date” “2021-11-30T09:00:00” (given as a date and time) is not "
     "a year-month-day date (e.g. 2021-06-30)" + EN_OWN),
    ("zh", Literal("2021-02-30", datatype=XSD_DATE),
     "（…/environment-monitoring）：“日期”的取值“2021-02-30”不是有效的日期，应写为年-月-日形式的日期"
     "（如 2021-06-30）\n"),
    ("en", Literal("2021-02-30", datatype=XSD_DATE),
     "(…/environment-monitoring): its “date” “2021-02-30” is not valid as a date: write a "
     "year-month-day date (e.g. 2021-06-30)\n"),
], ids=["zh-text", "en-text", "zh-text-tagged", "zh-gYear", "en-gYear", "en-dateTime",
        "zh-no-such-day", "en-no-such-day"])
def test_the_text_report_says_a_malformed_date_in_one_line(lang: str, date: Literal,
                                                           said: str) -> None:
    """The value fails a nested shape one way: one sentence, not an 'incomplete' value holding
    a second line about itself; an xsd:date with no such day (2021-02-30) is no xsd:date either,
    as pyshacl says (checker/diagnosis.py used to find nothing wrong with it). The value is
    quoted once, as written, and what is wrong is said in words in both languages: what it was
    given as (text, a year), and what to write instead (a year-month-day date, e.g. 2021-06-30),
    then how to write one in Turtle and JSON-LD, where the datatype must be named (a tester's
    bare "2024-10-01" is text); one given as a date is said to be no valid one."""
    data = dehua()
    data.set((MONITORING, DCTERMS.date, date))
    assert said in render_report(validate_graph(data), "text", lang)


def test_an_untitled_document_is_reported_under_its_clause() -> None:
    data = dehua()
    data.remove((DRIVE_ANALYSIS, DCTERMS.title, None))
    [result] = frame_results(validate_graph(data), "5.2.1", "Titled")
    assert result.focus_node == DRIVE_ANALYSIS and "has no title" in result.messages["en"]
    assert result.path == "dcterms:title"  # the property is named beside the message


def test_the_generator_frames_every_document_and_activity_it_writes() -> None:
    report = validate_graph(generate_cluster(members=12, years=3, seed=7), processes=1)
    assert report.conforms
    assert not [r for o in report.outcomes for r in o.results
                if r.source_shape in provenance_shapes()]


def _lead_ins(requirement_id: str) -> set[str]:
    found, parent = {requirement_id}, RULEBOOK.requirements[requirement_id].parent
    while parent is not None:
        found.add(parent)
        parent = RULEBOOK.requirements[parent].parent
    return found


def test_every_document_or_activity_a_provision_counts_has_its_frame_checked() -> None:
    """A class whose instances a shape counts for a provision (sh:targetNode / sh:targetClass) is
    framed under that provision or its lead-in: a new evidence class cannot slip past."""
    shapes, support = RULEBOOK.shapes_graph, RULEBOOK.support_graph
    evidence = {c for root in (BCIC.ClusterDocument, BCIC.ClusterActivity)
                for c in support.transitive_subjects(RDFS.subClassOf, root)}
    framed = {(shapes.value(s, SH.targetClass), RULEBOOK.shape_requirements[s])
              for s in provenance_shapes()}
    counted = {(cls, rid) for s, rid in RULEBOOK.shape_requirements.items()
               if s not in provenance_shapes()
               for cls in [*shapes.objects(s, SH.targetNode), *shapes.objects(s, SH.targetClass)]
               if cls in evidence}
    unframed = sorted((str(cls), rid) for cls, rid in counted
                      if not any((cls, r) in framed for r in _lead_ins(rid)))
    assert len(counted) > 60 and unframed == []


# Provisions that name who acts instead of the body: their member checks (ch7-resources.ttl)
# stand for the body's attribution. 7.4.2 「由产业集群内的行业协会牵头」, 7.4.3 「集群内的企业要导入…」,
# 7.4.4 「通过政府和行业协会建立…」.
ACTED_BY_MEMBERS = frozenset({(BCIC.QualityImprovementProject, "7.4.2"),
                              (BCIC.ManagementModelAdoption, "7.4.3"),
                              (BCIC.SharedTestingCentre, "7.4.4"),
                              (BCIC.QualityMonitoringPlatform, "7.4.4")})


def test_each_framed_class_gets_each_check_its_kind_asks_for() -> None:
    """Documents: attribution, title, date, well-formed date; activities: all but the title;
    the body's attribution left out only where the clause names other actors."""
    shapes, support = RULEBOOK.shapes_graph, RULEBOOK.support_graph
    documents = set(support.transitive_subjects(RDFS.subClassOf, BCIC.ClusterDocument))
    kinds: dict[tuple[URIRef, str], set[str]] = {}
    for shape in provenance_shapes():
        key = (shapes.value(shape, SH.targetClass), RULEBOOK.shape_requirements[shape])
        kinds.setdefault(key, set()).add(str(shape).removeprefix(str(SHP)).split("-")[0])
    wrong = {k: v for k, v in kinds.items() if v != (
        {"ByBody", "Titled", "Dated", "DateWellFormed"} if k[0] in documents
        else {"ByBody", "Dated", "DateWellFormed"}) - ({"ByBody"} if k in ACTED_BY_MEMBERS else set())}
    assert len(kinds) > 70 and wrong == {}
    assert ACTED_BY_MEMBERS <= kinds.keys()


@pytest.mark.parametrize("shape, cls", [
    (SHP["ByBody-5.2.1-ValueChainDriveAnalysis"], BCIC.ValueChainDriveAnalysis),
    (SHP["ByBody-8.1.2-BrandElement"], BCIC.BrandElement),  # guarded: its check has no target
], ids=["5.2.1", "8.1.2"])
def test_an_attribution_shapes_twin_unlinks_the_record_and_keeps_the_body(shape: URIRef,
                                                                           cls: URIRef) -> None:
    """The twin of shp:ByBody-… cuts the record's own prov:wasAttributedTo the body; the body
    still cultivates the cluster, so nothing else of the submission changes (under 8.1.2, the
    elements stay this cluster's brand's, so the guard still lets the check apply)."""
    fixture = fixture_for(RULEBOOK.shapes_graph, shape, RULEBOOK.support_graph)
    base = generate_cluster(members=5, years=1, seed=1)
    twin = fixture.mutate(base)
    records = instances(base + RULEBOOK.support_graph, cls)
    assert fixture.kind == "unlink-qualifying-values" and records
    assert set(base) - set(twin) == {
        (s, PROV.wasAttributedTo, o) for s, o in base.subject_objects(PROV.wasAttributedTo)
        if s in records}
    texts = fixture_text(RULEBOOK.shapes_graph, shape, fixture.kind)
    assert "prov:wasAttributedTo" in texts["en"] and "shp:CultivatingBody" in texts["zh"]


@pytest.mark.parametrize("lang, said", [
    ("zh", ["环境变化监测缺少日期（8.1.4）", "（2023年）（…/environment-monitoring）：缺少“日期”",
            "未归属于培育主体", "缺少属于“培育主体”的“归属方”"]),
    ("en", ["An environment monitoring has no date (8.1.4)", "lacks “date”",
            "is not attributed to the cultivation body", "has no “attributed to” that is a “cultivation body”"]),
])
def test_the_text_report_names_the_record_and_what_it_lacks(lang: str, said: list[str]) -> None:
    data = dehua()
    data.remove((MONITORING, DCTERMS.date, None))
    data.remove((DRIVE_ANALYSIS, PROV.wasAttributedTo, BODY))
    text = render_report(validate_graph(data), "text", lang)
    assert [s for s in said if s not in text] == []


def test_a_per_record_qualified_shape_over_a_path_of_several_steps_keeps_its_own_rule() -> None:
    """shp:DedicatedAgencyOfBody (7.2.2.2) reaches the body through units or memberships: only a
    one-predicate shape is unlinked; this one still loses the qualifying evidence, and reports."""
    fixture = fixture_for(RULEBOOK.shapes_graph, SHP.DedicatedAgencyOfBody, RULEBOOK.support_graph)
    assert fixture.kind == "remove-qualifying-evidence"
    base = generate_cluster(members=5, years=1, seed=1)
    assert set(fixture.mutate(base)) != set(base)


# A prefixed name such as dcterms:date, prov:wasAttributedTo or xsd:date (not a clause's "a)").
PREFIXED_NAME = re.compile(r"\b[a-z][\w-]*:[A-Za-z]")


@pytest.mark.parametrize("shapes_file", sorted(p.name for p in SHAPES_DIR.glob("*.ttl")))
def test_messages_are_plain_words_without_prefixed_names(shapes_file: str) -> None:
    """Evaluators and cultivation bodies read these messages: the lacking property is named
    beside them (the result's path, the finding's lack), not inside them. Clause ids stay."""
    graph = Graph().parse(SHAPES_DIR / shapes_file)
    messages = [m for m in graph.objects(None, SH.message) if isinstance(m, Literal)]
    assert {m.language for m in messages} <= {"zh", "en"}
    assert [str(m) for m in messages if PREFIXED_NAME.search(str(m))] == []
    assert [str(m) for m in messages if not re.search(r"[（(]\d+(\.\d+)+[^（(]*[）)]$", str(m))] == []


def _based_on_a_new_analysis(analysis: URIRef, cls: URIRef) -> Graph:
    """The conformant sample whose strategy and positioning rest on a new, bare analysis of
    class `cls` (undated, unattributed) instead of their own."""
    data = dehua()
    data.add((analysis, RDF.type, cls))
    for record in (URIRef(EX + "strategy"), URIRef(EX + "positioning")):
        data.remove((record, BCIC.basedOn, None))
        data.add((record, BCIC.basedOn, analysis))
    return data


def test_an_analysis_typed_only_with_the_parent_class_is_no_basis_for_6_1_or_6_1_1_1() -> None:
    """bcic:EnvironmentAnalysis is the parent of the analyses chapter 5 counts; no frame shape
    targets a node typed only with it. Counted as the strategy's and positioning's basis, it
    would meet 6.1 and 6.1.1.1 undated and unattributed: it does not count, and the report says
    which type it lacks."""
    generic = URIRef(EX + "generic-analysis")
    report = validate_graph(_based_on_a_new_analysis(generic, BCIC.EnvironmentAnalysis))
    assert report.outcome("6.1").status is Status.NOT_MET
    assert report.outcome("6.1.1.1").status is Status.NOT_MET
    text = render_report(report, "text", "en")
    assert "…/generic-analysis: its “type” “brand environment analysis” is not one of the values " \
        "allowed" in text


def test_an_analysis_counted_as_a_basis_is_framed_under_its_chapter_5_clause() -> None:
    """Typed with its class, the same undated, unattributed analysis counts for 6.1 and
    6.1.1.1 and is reported under 5.1, the clause that counts that class."""
    analysis = URIRef(EX + "macro-2")
    report = validate_graph(_based_on_a_new_analysis(analysis, BCIC.MacroEnvironmentAnalysis))
    # not met neither: what data shows is there, the rest is the evaluator's (shapes/review.ttl)
    assert report.outcome("6.1").status is Status.MANUAL_REVIEW
    assert report.outcome("6.1.1.1").status is Status.MANUAL_REVIEW
    assert {r.focus_node for kind in ("ByBody", "Titled", "Dated")
            for r in frame_results(report, "5.1", kind)} == {analysis}


@pytest.mark.parametrize("lang, said", [
    ("en", "has no “attributed to” that is a “member of this cluster's cultivation body in the "
           "government or industry organisation role”"),
    ("zh", "缺少属于“培育本集群的培育主体中担任政府或行业组织角色的成员”的“归属方”"),
])
def test_a_testing_centre_of_the_body_alone_lacks_a_membership_not_a_body(lang: str,
                                                                          said: str) -> None:
    """7.4.4 「通过政府和行业协会建立」: the centre names only the body, so what it lacks is a member
    (a membership of the body in the government or association role), not the body it names,
    which is never a near miss of a member."""
    data = dehua()
    centre, body = URIRef(EX + "testing-centre"), next(data.subjects(RDF.type, BCIC.CultivationBody))
    data.remove((centre, PROV.wasAttributedTo, None))
    data.add((centre, PROV.wasAttributedTo, body))
    report = validate_graph(data)
    assert report.outcome("7.4.4").status is Status.NOT_MET
    shown = render_report(report, "text", lang)  # type: ignore[arg-type]
    row = shown[shown.index("7.4.4  "):]
    assert said in row[:row.index("→")]
    assert "…/body" not in row[:row.index("→")]
