"""Every report says how to meet a provision not met (or a may-level one not used) and, for the
manual-review checklist, which records the evaluator will want to see: read off the shapes
(checker/guidance.py), in zh and en, in every format; never for a provision that is met."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL, SH
from rdflib.paths import InvPath

from checker.guidance_model import AskKind
from checker.namespaces import BCIC, REQ
from checker.paths import EXAMPLES_DIR, SHAPES_DIR
from checker.render import render_report
from checker.render.findings_view import Namer
from checker.render.guidance_view import GuidanceWriter
from checker.render.outline import report_outline
from checker.render.turtle import EARL, report_graph
from checker.report import Report, Status
from checker.rulebook import Level, Rulebook, load_rulebook
from checker.store import cluster_key
from checker.validation import validate_graph

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
DATANG_KEY = cluster_key(URIRef("https://example.org/cluster/datang/cluster"))
# 8.2.6 asks for an evaluation with its findings and an improvement it informed (shapes/ch8-branding.ttl);
# shapes/provenance.ttl asks, of both activities, the body's association and a well-formed date: said
# in words, the date as people write one, each prefixed name once, after the words.
HINT_8_2_6 = {
    "zh": "记录一项“传播效果评价”（bcic:CommunicationEvaluation），写明“相关责任方”"
          "（prov:wasAssociatedWith）指向一项“培育主体”（bcic:CultivationBody），其写明“所培育的产业集群”"
          "（bcic:cultivates）；“结论”（bcic:finding）为有内容的文字；“日期”（dcterms:date）为年-月-日"
          "（如 2021-06-30）。记录一项“传播改进”（bcic:CommunicationImprovement），写明“相关责任方”"
          "指向一项“培育主体”，其写明“所培育的产业集群”；“所依据的活动”（prov:wasInformedBy）指向一项"
          "“传播效果评价”；“日期”为年-月-日（如 2021-06-30）。详见 docs/evidence.zh.md#8-2-6。",
    "en": "Record a “communication effect evaluation” (bcic:CommunicationEvaluation) with "
          "“associated with” (prov:wasAssociatedWith) pointing to a “cultivation body” "
          "(bcic:CultivationBody) that has “cultivated cluster” (bcic:cultivates); “finding” (bcic:finding) "
          "as text with content; "
          "“date” (dcterms:date) as a year-month-day date (e.g. 2021-06-30). Record a "
          "“communication improvement” (bcic:CommunicationImprovement) with “associated with” "
          "pointing to a “cultivation body” that has “cultivated cluster”; “informed by” (prov:wasInformedBy) "
          "pointing to a “communication effect evaluation”; “date” as a year-month-day date "
          "(e.g. 2021-06-30). See docs/evidence.md#8-2-6.",
}


def _dehua() -> Graph:
    return Graph().parse(DEHUA, format="turtle")


def _without(graph: Graph, cls: URIRef) -> Graph:
    """The submission less every instance of `cls` and what is said of it."""
    for node in list(graph.subjects(RDF.type, cls)):
        graph.remove((node, None, None))
        graph.remove((None, None, node))
    return graph


@pytest.fixture(scope="module")
def without_8_2_6() -> Report:
    """Dehua (conformant) with its communication evaluation taken out: 8.2.6 is its only gap."""
    return validate_graph(_without(_dehua(), BCIC.CommunicationEvaluation))


@pytest.fixture(scope="module")
def dehua() -> Report:
    return validate_graph(_dehua())


def _earl_result(graph: Graph, rid: str) -> URIRef:
    assertion = next(graph.subjects(EARL.test, REQ[rid]))
    return graph.value(assertion, EARL.result)  # type: ignore[return-value]


def _json_requirement(report: Report, rid: str, lang: str) -> dict:
    document = json.loads(render_report(report, "json", lang))  # type: ignore[arg-type]
    return next(r for r in document["requirements"] if r["id"] == rid)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_missing_8_2_6_evidence_gets_a_hint_naming_the_evaluation_and_the_improvement_classes(
        without_8_2_6: Report, lang: str) -> None:
    assert without_8_2_6.outcome("8.2.6").status is Status.NOT_MET
    hint = HINT_8_2_6[lang]
    label = {"zh": "如何满足", "en": "How to meet it"}[lang]
    assert f"{label}{'：' if lang == 'zh' else ': '}{hint}" in render_report(
        without_8_2_6, "text", lang)  # type: ignore[arg-type]
    # The HTML the CLI writes ends it pointing to the rulebook by the command that shows 8.2.6.
    shown = hint.replace(*{"zh": ("详见 docs/evidence.zh.md#8-2-6",
                                  "详见规则库中的 8.2.6（bcic rules show 8.2.6）"),
                           "en": ("See docs/evidence.md#8-2-6",
                                  "See 8.2.6 in the rulebook (bcic rules show 8.2.6)")}[lang])
    assert shown in render_report(without_8_2_6, "html", lang)  # type: ignore[arg-type]
    row = next(r for c in report_outline(without_8_2_6, lang).chapters  # type: ignore[arg-type]
               for g in c.clauses for r in g.rows if r.id == "8.2.6")
    assert row.guidance == shown
    guidance = _json_requirement(without_8_2_6, "8.2.6", lang)["guidance"]
    # The evidence profile in the report's language (the same anchors in both).
    assert guidance["text"] == hint and guidance["see"] == {
        "zh": "docs/evidence.zh.md#8-2-6", "en": "docs/evidence.md#8-2-6"}[lang]
    assert [e["class"] for e in guidance["evidence"]] == [str(BCIC.CommunicationEvaluation),
                                                          str(BCIC.CommunicationImprovement)]


def test_the_turtle_report_says_how_to_meet_8_2_6_on_its_earl_result_in_both_languages(
        without_8_2_6: Report) -> None:
    graph = Graph().parse(data=render_report(without_8_2_6, "ttl", "en"), format="turtle")
    said = {o.language: str(o) for o in graph.objects(_earl_result(graph, "8.2.6"),
                                                      BCIC.howToMeet)}
    assert said == HINT_8_2_6
    assert (BCIC.howToMeet, RDFS.subPropertyOf, URIRef("http://purl.org/dc/terms/description")) \
        in load_rulebook().labels_graph


def test_a_met_requirement_has_no_hint_in_any_format(dehua: Report) -> None:
    outcome = dehua.outcome("8.2.1")
    assert outcome.status is Status.MET and outcome.how_to is None
    for lang in ("zh", "en"):
        assert _json_requirement(dehua, "8.2.1", lang)["guidance"] is None
        text = render_report(dehua, "text", lang)  # type: ignore[arg-type]
        assert "#8-2-1" not in text  # no pointer to its row of the evidence profile
        assert "#8-2-1" not in render_report(dehua, "html", lang)  # type: ignore[arg-type]
    graph = report_graph(dehua)
    assert graph.value(_earl_result(graph, "8.2.1"), BCIC.howToMeet) is None
    # Only what is not met, or not used, gets a hint: one per language on each.
    hinted = {o.requirement.id for o in dehua.outcomes
              if o.status in (Status.NOT_MET, Status.NOT_USED)}
    assert len(list(graph.subject_objects(BCIC.howToMeet))) == 2 * len(hinted)


def test_a_may_level_provision_not_used_gets_a_hint_too() -> None:
    report = validate_graph(_without(_dehua(), BCIC.CollectiveBrandRegistration))
    assert report.outcome("8.3.1").status is Status.NOT_USED
    text = render_report(report, "text", "en")
    assert ("Record a “collective brand registration” (bcic:CollectiveBrandRegistration) with "
            "“attributed to” (prov:wasAttributedTo) pointing to a “cultivation body” "
            "(bcic:CultivationBody) that has “cultivated cluster” (bcic:cultivates); either “registration "
            "number” (bcic:registrationNumber) as text with content, or “type” (rdf:type) pointing to a "
            "“cluster brand registration application” (bcic:BrandRegistrationApplication); “date” "
            "(dcterms:date) as a year-month-day date "
            "(e.g. 2021-06-30); “title” (dcterms:title). See docs/evidence.md#8-3-1.") in text


def _rulebook_with(tmp_path: Path, old: str, new: str) -> Rulebook:
    """The rulebook with one change to its chapter 8 shapes."""
    shapes = tmp_path / "shapes"
    shutil.copytree(SHAPES_DIR, shapes)
    path = shapes / "ch8-branding.ttl"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_rulebook(shapes)


def test_the_hint_follows_the_shapes_when_8_2_6_asks_for_a_period(tmp_path: Path) -> None:
    rulebook = _rulebook_with(tmp_path, "shp:CollectiveMarkRegistered a sh:PropertyShape", """\
shp:CommunicationEvaluationPeriod a sh:PropertyShape ;
    bcic:checksRequirement req:8.2.6 ;
    sh:targetClass bcic:CommunicationEvaluation ;
    sh:path bcic:period ; sh:minCount 1 ;
    sh:severity sh:Violation ;
    sh:message "传播效果评价未写明周期（8.2.6）"@zh , "The communication evaluation has no period (8.2.6)"@en .

shp:CollectiveMarkRegistered a sh:PropertyShape""")
    evidence = rulebook.guidance["8.2.6"].evidence[0]
    assert evidence.cls == BCIC.CommunicationEvaluation
    assert (BCIC.period, AskKind.ANY) in [(a.path, a.kind) for a in evidence.asks]
    assert BCIC.period not in [a.path for a in load_rulebook().guidance["8.2.6"].evidence[0].asks]
    report = validate_graph(_without(_dehua(), BCIC.CommunicationEvaluation), rulebook=rulebook)
    assert "；“周期”（bcic:period）；" in render_report(report, "text", "zh")


def test_the_hint_names_another_class_when_the_shape_targets_it(tmp_path: Path) -> None:
    rulebook = _rulebook_with(tmp_path, "sh:targetNode bcic:CommunicationEvaluation ;",
                              "sh:targetNode bcic:EnvironmentMonitoring ;")
    # provenance.ttl's and the finding's shapes still target the evaluation, the changed one the
    # monitoring; the improvement's shapes target the improvement
    assert set(rulebook.guidance["8.2.6"].classes) == {
        BCIC.EnvironmentMonitoring, BCIC.CommunicationEvaluation, BCIC.CommunicationImprovement}
    assert BCIC.EnvironmentMonitoring not in load_rulebook().guidance["8.2.6"].classes


def _classes_asked(rulebook: Rulebook, shape: URIRef) -> set[URIRef]:
    """What a shape asks the submission to hold instances of, worked out apart from the
    guidance: its target classes, the class it counts instances of, and for records pointing
    back to a term (duties, indicators) their class, else the pointing property's domain."""
    shapes, ontology = rulebook.shapes_graph, rulebook.labels_graph
    found = set(shapes.objects(shape, SH.targetClass))
    for term in shapes.objects(shape, SH.targetNode):
        if (term, RDF.type, OWL.Class) in ontology:
            found.add(term)
    path = rulebook.explainer.path(shape)
    if not found and isinstance(path, InvPath):
        record = shapes.value(shape, SH.qualifiedValueShape)
        found.add(shapes.value(record, SH["class"]) or ontology.value(path.arg, RDFS.domain))
    return found  # type: ignore[return-value]


def test_every_hint_names_exactly_the_classes_its_shapes_target() -> None:
    """An informative provision has no hint: it asks nothing, its shapes only warn (9.3.2 c))."""
    rulebook = load_rulebook()
    checked = 0
    for rid, requirement in rulebook.requirements.items():
        if requirement.level is Level.INFORMATIVE:
            assert rid not in rulebook.guidance, rid
            continue
        if not requirement.shapes:
            continue
        asked = set().union(*(_classes_asked(rulebook, s) for s in requirement.shapes))
        assert set(rulebook.guidance[rid].classes) == asked, rid
        checked += 1
    assert checked > 100


def test_a_lead_in_without_shapes_of_its_own_names_the_classes_of_its_items() -> None:
    guidance = load_rulebook().guidance["9.1.4-c"]  # 8.3.2 has its frame shapes (provenance.ttl)
    assert guidance.by_items and guidance.classes == (BCIC.KPISystem,)


@pytest.mark.parametrize("lang, said", [
    ("zh", "评价人员将查阅提交材料中的这些记录及其所指的文件：“协同发展实践”（bcic:SynergyPractice）。"),
    ("en", "The evaluator will want to see these records of the submission and the documents "
           "behind them: “synergy practice” (bcic:SynergyPractice)."),
])
def test_each_checklist_item_names_the_records_the_evaluator_will_want_to_see(
        dehua: Report, lang: str, said: str) -> None:
    assert dehua.outcome("4.3.2").status is Status.MANUAL_REVIEW
    assert said in render_report(dehua, "text", lang)  # type: ignore[arg-type]
    assert _json_requirement(dehua, "4.3.2", lang)["review_documents"]["text"] == said
    (item,) = [r for r in report_outline(dehua, lang).checklist if r.id == "4.3.2"]  # type: ignore[arg-type]
    assert item.documents == said and item.guidance == ""
    graph = report_graph(dehua)
    assert Literal(said, lang=lang) in set(graph.objects(_earl_result(graph, "4.3.2"),
                                                         BCIC.reviewDocuments))


def test_a_duty_on_the_checklist_names_the_fulfilment_and_its_evidence_document() -> None:
    guidance = load_rulebook().guidance["4.2.1-a"]
    assert guidance.documents == (BCIC.DutyFulfilment, BCIC.EvidenceDocument)


def test_the_web_report_page_shows_the_hint_under_unmet_provisions_only(
        sample_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    client: FlaskClient = make_web_app(sample_store, WTF_CSRF_ENABLED=False).test_client()
    page = client.get(f"/clusters/{DATANG_KEY}/revisions/1?lang=zh").get_data(as_text=True)
    articles = re.findall(r'<article class="requirement[^"]*" id="req-([^"]+)" '
                          r'data-status="(\w+)">(.*?)</article>', page, re.DOTALL)
    hinted = {rid: status for rid, status, body in articles if 'class="guidance"' in body}
    assert hinted and set(hinted.values()) <= {"not_met", "not_used"}
    # A lead-in whose own records are there names its items not met instead (8.3.4: —1 lacking).
    unhinted = {rid: body for rid, status, body in articles
                if status == "not_met" and rid not in hinted}
    assert set(unhinted) == {"8.3.4"} and "未满足的列项" in unhinted["8.3.4"]
    # the pointer goes to the provision's rulebook page, which the app serves (docs/ it does not)
    assert "如何满足" in page and '详见规则库中的 <a href="/rulebook/' in page
    assert "docs/evidence" not in page


def test_a_hint_is_worded_once_for_every_report_and_again_where_the_labels_differ(
        without_8_2_6: Report) -> None:
    guidance = without_8_2_6.outcome("8.2.6").how_to
    assert guidance is not None
    first = GuidanceWriter(Namer(without_8_2_6, "en")).how_to(guidance)
    assert GuidanceWriter(Namer(without_8_2_6, "en")).how_to(guidance) is first  # not worded again
    relabelled = replace(without_8_2_6, labels={**without_8_2_6.labels,
                                                BCIC.CommunicationEvaluation: {"en": "reach study"}})
    said = GuidanceWriter(Namer(relabelled, "en")).how_to(guidance)
    assert said.startswith("Record a “reach study” (bcic:CommunicationEvaluation) with ")
    assert first == HINT_8_2_6["en"]
