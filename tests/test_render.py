"""Reports render as text, JSON, Turtle and HTML, in Chinese and English."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from typing import Any

import pytest
from markupsafe import escape
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD
from rdflib.term import Node

from checker.errors import InputError
from checker.i18n import LANGUAGES, Lang
from checker.labels import NAME_CHARS
from checker.namespaces import BCIC, REQ, SHP
from checker.notation import provision_notation, without_notation
from checker.paths import EXAMPLES_DIR
from checker.render import REPORT_FORMATS, format_for_media_type, render_report
from checker.render.html import css_string
from checker.render.outline import Filters, report_outline
from checker.render.cells import width, wrapped
from checker.render.text import COLUMNS
from checker.report import Rate, Report, Status, StoredRevision
from checker.rulebook import SH, load_rulebook
from checker.shacl import Severity
from checker.store import cluster_key
from checker.validation import validate_files, validate_graph

EARL = Namespace("http://www.w3.org/ns/earl#")
EXAMPLE_MARK = URIRef("https://example.org/cluster/dehua/collective-mark")

PREFIXES = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind:  <https://w3id.org/bcic/indicator/> .
@prefix ex:   <https://example.org/render-test/> .
"""

# A cluster with a body, one member, a macro analysis that covers one dimension of five, and a
# synergy practice (4.3.2) that awaits the evaluator's judgement.
GAPPY = PREFIXES + """
ex:cluster a bcic:IndustrialCluster ; rdfs:label "测试集群"@zh , "Test cluster"@en .
ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster ; rdfs:label "培育主体"@zh .
ex:m1 a org:Membership ; org:organization ex:body ; org:member ex:gov ;
    org:role bcic:GovernmentRole .
ex:gov a bcic:GovernmentBody ; rdfs:label "县政府"@zh .
ex:macro a bcic:MacroEnvironmentAnalysis ; prov:wasAttributedTo ex:body ;
    bcic:covers bcic:PolicyEnvironment .
ex:synergy a bcic:SynergyPractice ; rdfs:label "协同实践"@zh ; bcic:covers bcic:IntegrationMeans ,
        bcic:ElementRelationOrdering , bcic:StageRelationOrdering , bcic:MemberCooperation ;
    prov:wasAssociatedWith ex:body ; <http://purl.org/dc/terms/date> "2024-03-01"^^xsd:date .
"""

HOSTILE_LABEL = "<script>alert(1)</script>"
HOSTILE_VALUE = "<script>x</script>"

# Markup in the cluster's label, and in an observed value that 9.2.3 reports (not xsd:decimal).
HOSTILE = PREFIXES + f"""
ex:cluster a bcic:IndustrialCluster ; rdfs:label "{HOSTILE_LABEL}"@en .
ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster .
ex:obs a bcic:IndicatorObservation ; bcic:refCluster ex:cluster ;
    bcic:refYear "2023"^^xsd:gYear ; bcic:valueKind bcic:ActualValue ;
    bcic:observedValue "{HOSTILE_VALUE}" ; bcic:unitOfMeasure "%" .
"""


def _report(turtle: str, name: str) -> Report:
    return validate_graph(Graph().parse(data=turtle, format="turtle"), files=(name,))


@pytest.fixture(scope="module")
def gappy() -> Report:
    """A tiny submission with many gaps."""
    return _report(GAPPY, "gappy.ttl")


@pytest.fixture(scope="module")
def hostile() -> Report:
    """A submission whose literals carry markup."""
    return _report(HOSTILE, "hostile.ttl")


def _not_met_with_message(report: Report) -> tuple[str, dict[str, str]]:
    """A not-met requirement that has results of its own, and one of its messages."""
    outcome = next(o for o in report.with_status(Status.NOT_MET) if o.results)
    return outcome.requirement.id, outcome.results[0].messages


# --- the registry ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", sorted(REPORT_FORMATS))
def test_every_format_renders_in_zh_and_en(gappy: Report, fmt: str, lang: Lang) -> None:
    rendered = render_report(gappy, fmt, lang)
    assert rendered.strip()
    assert REPORT_FORMATS[fmt].render(gappy, lang) is not None


def test_formats_are_registered_by_short_name_and_media_type() -> None:
    assert {name: f.media_type for name, f in REPORT_FORMATS.items()} == {
        "text": "text/plain", "json": "application/json", "ttl": "text/turtle",
        "html": "text/html"}
    assert all(f.name == name for name, f in REPORT_FORMATS.items())
    assert format_for_media_type("text/turtle; charset=utf-8") is REPORT_FORMATS["ttl"]
    assert format_for_media_type("Application/JSON") is REPORT_FORMATS["json"]
    assert format_for_media_type("application/pdf") is None


def test_unknown_format_is_an_input_error_naming_the_known_ones(gappy: Report) -> None:
    with pytest.raises(InputError) as caught:
        render_report(gappy, "pdf", "en")
    assert all(name in caught.value.message for name in REPORT_FORMATS)


# --- text ------------------------------------------------------------------------------------

def test_text_report_shows_the_verdict_in_the_chosen_language(gappy: Report) -> None:
    assert "NOT CONFORMANT" in render_report(gappy, "text", "en")
    assert "不符合" in render_report(gappy, "text", "zh")
    conformant = dataclasses.replace(gappy, conforms=True, overall=Rate(met=5, total=5))
    assert re.search(r"^Verdict\s+CONFORMANT$", render_report(conformant, "text", "en"), re.M)


def test_text_report_says_manual_review_is_pending_the_evaluator(gappy: Report) -> None:
    assert gappy.awaiting_judgement()
    text = render_report(gappy, "text", "en")
    assert (f"{len(gappy.awaiting_judgement())} item(s) of the manual-review checklist await "
            "the evaluator's judgement") in text
    assert "Manual review checklist" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_report_lists_a_not_met_clause_with_its_message_in_that_language(
        gappy: Report, lang: Lang) -> None:
    rid, messages = _not_met_with_message(gappy)
    other: Lang = "en" if lang == "zh" else "zh"
    text = render_report(gappy, "text", lang)
    assert re.search(rf"^  ✘ {re.escape(provision_notation(rid, lang))}\s", text, re.M)
    assert messages[lang] in text
    assert messages[other] not in text


def test_text_report_shows_an_identical_message_once(gappy: Report) -> None:
    text = render_report(gappy, "text", "en")
    lines = [line for line in text.splitlines() if line.startswith("      · ")]
    rid, messages = _not_met_with_message(gappy)
    assert lines.count(f"      · {messages['en']}") == 1


def test_text_rate_table_is_aligned_by_display_width_in_chinese(gappy: Report) -> None:
    text = render_report(gappy, "text", "zh")
    rows = [line for line in text.splitlines() if re.match(r"^  第\d章 .*%$", line)]
    assert len(rows) == len(gappy.by_chapter)
    assert len({width(row) for row in rows}) == 1


def test_text_report_shows_a_result_value_quoted_once(hostile: Report) -> None:
    assert f'“{HOSTILE_VALUE}”' in render_report(hostile, "text", "en")
    assert f'"{HOSTILE_VALUE}"' not in render_report(hostile, "text", "en")  # no Turtle quotes


def test_text_report_neutralises_terminal_escapes_from_the_submission() -> None:
    turtle = GAPPY.replace('"Test cluster"@en', '"Test\\u001b[2Jcluster"@en')
    text = render_report(_report(turtle, "escape.ttl"), "text", "en")
    assert "\x1b" not in text
    assert "Test\\x1b[2Jcluster" in text


def _unwrapped(text: str) -> str:
    """A text report's prose with its line breaks and indents taken out (Chinese wraps between
    any two characters, so all spaces go: compare with a text whose spaces are taken out too)."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_report_quotes_the_standards_text_of_what_is_not_met_or_awaits_review(
        gappy: Report, lang: Lang) -> None:
    text = render_report(gappy, "text", lang)
    label = "原文：" if lang == "zh" else "Standard (zh): "
    for status in (Status.NOT_MET, Status.MANUAL_REVIEW):
        outcome = gappy.with_status(status)[0]
        assert _unwrapped(label + outcome.requirement.text["zh"]) in _unwrapped(text), status
    met = gappy.with_status(Status.MET)[0].requirement  # a text is quoted where it helps
    assert _unwrapped(met.text["zh"]) not in _unwrapped(text)


def test_english_text_report_gives_the_english_beside_the_standards_text_as_unofficial(
        gappy: Report) -> None:
    text = render_report(gappy, "text", "en")
    requirement = gappy.with_status(Status.NOT_MET)[0].requirement
    spaced = " ".join(text.split())  # English wraps between words
    assert (f"English (unofficial translation): {' '.join(requirement.text['en'].split())}"
            in spaced)
    assert ("The English text of each provision is an unofficial translation; the standard's "
            "Chinese text, quoted with it, is the normative one.") in spaced
    chinese = render_report(gappy, "text", "zh")
    assert requirement.text["en"].split()[0] not in chinese and "非官方译文" not in chinese


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quoted_texts_are_wrapped_to_the_reports_width(gappy: Report, lang: Lang) -> None:
    labels = ("原文：",) if lang == "zh" else ("Standard (zh): ", "English (unofficial translation): ")
    quoted, within = [], False
    for line in render_report(gappy, "text", lang).splitlines():
        within = line.startswith(tuple(f"      {label}" for label in labels)) or (
            within and re.match(r"^ {8}\S", line) is not None)  # a quote's next lines
        if within:
            quoted.append(line)
    assert len(quoted) > len(gappy.with_status(Status.NOT_MET)) * len(labels)  # some wrap
    assert all(width(line) <= COLUMNS for line in quoted)


@pytest.mark.parametrize(("text", "columns"), [
    ("培育主体需要制定政策促进研发、技术、管理、营销人才集聚到产业集群区域，为集群品牌的发展提供充分的"
     "人力资本，促进知识外溢效应的实现，促进人力资源的有效配置。", 30),
    ("The cultivation body shall formulate policies that draw research and development, "
     "technical, management and marketing talent to the region of the industrial cluster.", 30),
    ("可考虑采用集群品牌、集群品牌+企业品牌、集群品牌+产品品牌、背书品牌等模式（见 6.1.2.2）。", 21),
    ("x" * 70, 25),
], ids=["chinese", "english", "mixed", "one-long-word"])
def test_wrapped_lines_fit_and_never_start_with_closing_punctuation(text: str,
                                                                    columns: int) -> None:
    lines = wrapped(text, "  原文：", "    ", columns)
    assert len(lines) > 1 and all(width(line) <= columns for line in lines)
    assert not any(line.strip()[0] in "，。、；：）" for line in lines[1:])
    assert lines[0].startswith("  原文：") and all(line.startswith("    ") for line in lines[1:])
    said = " ".join(line.strip() for line in lines).removeprefix("原文：")
    assert said.replace(" ", "") == text.replace(" ", "")


# --- labels: names for reading, cut in every format -----------------------------------------

HUGE_NAMES = {"cluster": "集" * 1_000_000, "node": "析" * 1_000_000}


@pytest.fixture(scope="module")
def huge_labels() -> Report:
    """The gappy submission whose cluster, and the analysis a finding names, have labels of a
    million characters each."""
    cluster, node = HUGE_NAMES["cluster"], HUGE_NAMES["node"]
    turtle = GAPPY.replace('"测试集群"@zh , "Test cluster"@en',
                           f'"{cluster}"@zh , "{cluster}"@en')
    turtle = turtle.replace("ex:macro a bcic:MacroEnvironmentAnalysis ;",
                            f'ex:macro a bcic:MacroEnvironmentAnalysis ; '
                            f'rdfs:label "{node}"@zh , "{node}"@en ;')
    return _report(turtle, "huge.ttl")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", sorted(REPORT_FORMATS))
def test_a_huge_label_is_cut_in_every_format_saying_so(huge_labels: Report, fmt: str,
                                                       lang: Lang) -> None:
    rendered = render_report(huge_labels, fmt, lang)
    assert len(rendered) < 1_000_000
    cut = {key: name[:NAME_CHARS - 1] + "…" for key, name in HUGE_NAMES.items()}
    assert not any(name[:NAME_CHARS] in rendered for name in HUGE_NAMES.values())
    if fmt == "ttl":  # the labels as RDF: the report says what it shows
        labels = set(Graph().parse(data=rendered, format="turtle").objects(None, RDFS.label))
        assert {Literal(cut["cluster"], lang="zh"), Literal(cut["node"], lang="zh")} <= labels
        return
    assert cut["cluster"] in rendered and cut["node"] in rendered
    if fmt == "html":  # and in the header of every printed page, a CSS string
        title = "符合性评价报告" if lang == "zh" else "Conformance report"
        assert css_string(f"{title} — {cut['cluster']}") in rendered


HUGE_IRI = "https://example.org/test/" + "m" * 100_000  # the unlabelled analysis ex:macro's


@pytest.fixture(scope="module")
def huge_iri() -> Report:
    """The gappy submission whose unlabelled analysis, which findings name, has an IRI of 100,000
    characters."""
    return _report(GAPPY.replace("ex:macro ", f"<{HUGE_IRI}> "), "huge-iri.ttl")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", sorted(REPORT_FORMATS))
def test_a_huge_iri_is_cut_where_it_names_a_record_and_kept_whole_where_it_identifies_one(
        huge_iri: Report, fmt: str, lang: Lang) -> None:
    """A record with no label is named by its IRI, cut as a label is; the JSON's `node` and the
    Turtle report keep the whole IRI, which is what tells records apart."""
    assert any(HUGE_IRI == str(r.focus_node) for o in huge_iri.outcomes for r in o.results)
    rendered = render_report(huge_iri, fmt, lang)
    if fmt == "ttl":
        assert HUGE_IRI in rendered
        return
    assert "m" * (NAME_CHARS - 30) + "…" in rendered  # the name, cut
    if fmt == "json":
        document = json.loads(rendered)
        nodes = [n["node"] for r in document["requirements"] for f in r["findings"]
                 for n in f["nodes"]]
        names = [n["name"] for r in document["requirements"] for f in r["findings"]
                 for n in f["nodes"]]
        assert HUGE_IRI in nodes and all(len(name) <= NAME_CHARS for name in names)
    else:
        assert "m" * NAME_CHARS not in rendered


# --- JSON ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_has_a_status_for_every_requirement_of_the_catalogue(gappy: Report,
                                                                  lang: Lang) -> None:
    document = json.loads(render_report(gappy, "json", lang))
    catalogue = list(load_rulebook().requirements)
    assert [r["id"] for r in document["requirements"]] == catalogue
    assert {r["status"] for r in document["requirements"]} <= {s.value for s in Status}
    assert document["conforms"] is False
    assert document["manual_review"] == [o.requirement.id for o in gappy.manual_checklist()]


def _shape(value: Any) -> Any:
    """The document with prose replaced by its type: what must not depend on the language."""
    if isinstance(value, dict):
        return {k: (type(v).__name__ if k in _PROSE else _shape(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return value


# A part's notation is an editor's mark in the reader's language (6.1.2.2 〔可〕, 6.1.2.2 [may]); a
# hint's `see`, the evidence profile in that language (docs/evidence.zh.md, the same anchors).
_PROSE = {"lang", "cluster_label", "label", "text", "message", "review_prompt", "also",
          "missing_text", "name", "about_name", "property", "expected_name", "value_name",
          "notation", "see"}


def test_json_keys_and_enum_values_do_not_change_with_the_language(gappy: Report) -> None:
    zh = json.loads(render_report(gappy, "json", "zh"))
    en = json.loads(render_report(gappy, "json", "en"))
    assert zh.pop("translation_note") is None and en.pop("translation_note")  # only English's
    assert _shape(zh) == _shape(en)
    assert zh["cluster_label"] == "测试集群" and en["cluster_label"] == "Test cluster"
    assert zh["requirements"][0]["label"] != en["requirements"][0]["label"]


def test_json_gives_the_standards_text_in_both_languages_and_says_the_english_is_ours(
        gappy: Report) -> None:
    requirements = load_rulebook().requirements
    for lang in LANGUAGES:
        document = json.loads(render_report(gappy, "json", lang))
        for row in document["requirements"]:
            texts = requirements[row["id"]].text
            assert row["text_zh"] == texts["zh"] and row["text"] == texts[lang]
    english = json.loads(render_report(gappy, "json", "en"))["translation_note"]
    assert "unofficial translation" in english


def test_json_is_written_without_ascii_escapes(gappy: Report) -> None:
    assert "测试集群" in render_report(gappy, "json", "zh")


# --- Turtle ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report_graph(gappy: Report) -> Graph:
    """The gappy report rendered as Turtle and parsed back."""
    return Graph().parse(data=render_report(gappy, "ttl", "en"), format="turtle")


def test_turtle_parses_back_as_a_non_conforming_validation_report(report_graph: Graph) -> None:
    reports = list(report_graph.subjects(RDF.type, SH.ValidationReport))
    assert len(reports) == 1
    assert report_graph.value(reports[0], SH.conforms) == Literal(False)


def test_turtle_has_one_earl_assertion_per_requirement(report_graph: Graph,
                                                       gappy: Report) -> None:
    assertions = list(report_graph.subjects(RDF.type, EARL.Assertion))
    assert len(assertions) == len(load_rulebook().requirements)
    tested = {report_graph.value(a, EARL.test) for a in assertions}
    assert tested == {r.iri for r in load_rulebook().requirements.values()}
    outcomes = {report_graph.value(report_graph.value(a, EARL.result), EARL.outcome)
                for a in assertions}
    assert EARL.failed in outcomes and EARL.inapplicable in outcomes


def _top_results(graph: Graph) -> list[Node]:
    """The report's validation results, less the details under them (sh:detail)."""
    return [r for r in graph.subjects(RDF.type, SH.ValidationResult)
            if (None, SH.detail, r) not in graph]


def test_every_turtle_result_references_its_requirement_and_clause(report_graph: Graph,
                                                                   gappy: Report) -> None:
    """Every result, those the outcomes list and those of the SHACL run they leave out as
    entailed by another (report_building.without_entailed), names its requirement."""
    results = _top_results(report_graph)
    listed = {id(r) for o in gappy.outcomes for r in o.results}
    assert len(results) == len(listed | {id(r) for r in gappy.shacl_results}) > len(listed) > 0
    for result in results:
        requirement = report_graph.value(result, DCTERMS.references)
        assert requirement is not None and str(requirement).startswith(str(REQ))
        clause = report_graph.value(result, BCIC.clauseId)
        assert clause is not None
        assert str(requirement).removeprefix(str(REQ)).startswith(str(clause))
        languages = {m.language for m in report_graph.objects(result, SH.resultMessage)
                     if isinstance(m, Literal)}
        assert languages == {"zh", "en"}


# --- the outline that the HTML report and the web page share ---------------------------------

def test_outline_groups_every_requirement_by_chapter_and_clause(gappy: Report) -> None:
    outline = report_outline(gappy, "en")
    rows = [(chapter.number, clause.id, row.id) for chapter in outline.chapters
            for clause in chapter.clauses for row in clause.rows]
    assert [rid for _c, _cl, rid in rows] == [o.requirement.id for o in gappy.outcomes]
    assert all(rid.startswith(f"{number}.") and rid.startswith(clause)
               for number, clause, rid in rows)
    assert outline.shown == outline.total == len(gappy.outcomes)


def test_outline_filtered_by_severity_keeps_only_results_of_that_severity(gappy: Report) -> None:
    outline = report_outline(gappy, "en", Filters(severity=Severity.VIOLATION))
    findings = [f for chapter in outline.chapters for clause in chapter.clauses
                for row in clause.rows for f in row.findings]
    assert findings and {f.severity for f in findings} == {Severity.VIOLATION}
    assert 0 < outline.shown < outline.total


def test_outline_titles_a_clause_by_its_provision_even_when_filtered_out(gappy: Report) -> None:
    outline = report_outline(gappy, "en", Filters(severity=Severity.VIOLATION))
    requirements = load_rulebook().requirements
    titled = [(clause.id, clause.title) for chapter in outline.chapters
              for clause in chapter.clauses
              if clause.id in requirements and clause.id not in {row.id for row in clause.rows}]
    assert titled, "some lead-in should fail only through its list items' violations"
    for clause, title in titled:
        assert title == without_notation(clause, requirements[clause].label["en"])


# --- HTML ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_escapes_markup_from_the_submission(hostile: Report, lang: Lang) -> None:
    values = [r.value for o in hostile.outcomes for r in o.results]
    assert Literal(HOSTILE_VALUE) in values, "the 9.2.3 datatype shape should report the value"
    html = render_report(hostile, "html", lang)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_is_one_self_contained_page_in_the_chosen_language(gappy: Report,
                                                                lang: Lang) -> None:
    html = render_report(gappy, "html", lang)
    assert f'<html lang="{lang}">' in html
    assert "<style>" in html
    assert not re.search(r"<(link|script|img|iframe)\b|\bsrc=|@import|url\(", html)


def test_html_shows_statuses_and_the_checklist_in_the_chosen_language(gappy: Report) -> None:
    zh = render_report(gappy, "html", "zh")
    assert "不满足" in zh and "人工评审清单" in zh and "第5章" in zh
    rid, messages = _not_met_with_message(gappy)
    assert f'id="req-{rid}"' in zh and escape(messages["zh"]) in zh
    en = render_report(gappy, "html", "en")
    assert "not met" in en and "Manual review checklist" in en and escape(messages["en"]) in en


def test_the_html_report_quotes_the_standards_text_in_chinese_in_every_language(
        gappy: Report) -> None:
    zh, en = (render_report(gappy, "html", lang) for lang in ("zh", "en"))
    for requirement in load_rulebook().requirements.values():
        quoted, rendering = escape(requirement.text["zh"]), escape(requirement.text["en"])
        assert f'<blockquote class="text" lang="zh">{quoted}</blockquote>' in zh
        assert (f'<blockquote class="text" lang="zh"><span class="text-label" lang="en">'
                f'Standard (zh)</span> {quoted}</blockquote>') in en
        assert (f'<span class="text-label">English (unofficial translation)</span> {rendering}'
                in en)
    assert "is an unofficial translation" in en and "非官方译文" not in zh


def test_the_english_html_report_marks_the_standards_chinese_title_as_chinese(
        gappy: Report) -> None:
    en = render_report(gappy, "html", "en")
    assert en.count('GB/T <span lang="zh">《品牌培育 产业集群》</span> (brand cultivation') == 2
    assert '<span lang="zh">' not in render_report(gappy, "html", "zh")  # all of it is Chinese


# --- a may-level (可) provision not taken up is information, never a failure ------------------

@pytest.fixture(scope="module")
def without_mark() -> Report:
    """The mature sample less its collective mark registration (8.3.1, may-level)."""
    data = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    data.remove((EXAMPLE_MARK, None, None))
    return validate_graph(data, files=("without-mark.ttl",))


def test_an_unused_may_level_provision_is_not_used_with_one_finding(without_mark: Report) -> None:
    outcome = without_mark.outcome("8.3.1")
    assert without_mark.conforms and outcome.status is Status.NOT_USED
    assert [r.messages["zh"] for r in outcome.results] == ["未见集群品牌注册或注册申请（可选）（8.3.1）"]


def test_every_format_shows_an_unused_may_level_provision_as_information(
        without_mark: Report) -> None:
    text = render_report(without_mark, "text", "zh")
    assert re.search(r"^  ℹ 8\.3\.1 .*$", text, re.M) and not re.search(r"^  ✘ ", text, re.M)
    assert "集群品牌注册缺少注册号" not in text
    document = json.loads(render_report(without_mark, "json", "en"))
    assert {r["id"]: r["status"] for r in document["requirements"]}["8.3.1"] == "not_used"
    html = render_report(without_mark, "html", "zh")
    assert 'class="req s-not_used" id="req-8.3.1"' in html and "未采用（可选）" in html
    assert 'class="req s-not_met"' not in html


def test_turtle_of_a_conformant_report_with_an_unused_option_keeps_its_info_result(
        without_mark: Report) -> None:
    """SHACL's sh:conforms is false as soon as the run gives a result, an sh:Info one of a
    may-level provision not taken up included; bcic's verdict, no gap, is its own property."""
    graph = Graph().parse(data=render_report(without_mark, "ttl", "en"), format="turtle")
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert graph.value(report, SH.conforms) == Literal(False)
    assert graph.value(report, BCIC.conformsToStandard) == Literal(True)
    # No registration (the outcome's finding): a number is asked only of a registration there is.
    results = set(graph.objects(report, SH.result))
    assert {graph.value(r, SH.sourceShape) for r in results} == {SHP.CollectiveMarkRegistered}
    assert {graph.value(r, SH.resultSeverity) for r in results} == {SH.Info}
    outcomes = {graph.value(a, EARL.test): graph.value(graph.value(a, EARL.result), EARL.outcome)
                for a in graph.subjects(RDF.type, EARL.Assertion)}
    assert outcomes[REQ["8.3.1"]] == EARL.inapplicable
    assert EARL.failed not in outcomes.values()
    assert set(_top_results(graph)) == results
    assert {graph.value(graph.value(predicate=RDFS.seeAlso, object=r), EARL.outcome)
            for r in results} == {EARL.inapplicable}


def test_turtle_conforms_is_false_iff_the_report_has_results(report_graph: Graph) -> None:
    for report in report_graph.subjects(RDF.type, SH.ValidationReport):
        has_results = any(True for _ in report_graph.objects(report, SH.result))
        assert report_graph.value(report, SH.conforms) == Literal(not has_results)


def test_every_format_records_each_files_sha256() -> None:
    path = EXAMPLES_DIR / "dehua-ceramics.ttl"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    report = validate_files([path])
    for fmt in REPORT_FORMATS:
        assert digest in render_report(report, fmt, "zh"), fmt
    assert json.loads(render_report(report, "json", "en"))["sha256"] == {str(path): digest}
    graph = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    assert list(graph.objects(None, BCIC.sha256)) == [Literal(digest)]


@pytest.mark.parametrize("lang, revision, submitter", [
    ("zh", "第 3 版（产业集群键 {key}）", "提交者"), ("en", "3 (cluster key {key})", "Submitted by")])
def test_every_format_names_the_stored_revision_and_who_submitted_it(
        gappy: Report, lang: Lang, revision: str, submitter: str) -> None:
    """A stored revision's report, downloaded, says which revision it is and who stored it
    (9.4's trail), as its page does; a validation not stored names none."""
    key = cluster_key(URIRef(str(gappy.cluster)))
    revision = revision.format(key=key)
    stored = dataclasses.replace(gappy, revision=StoredRevision(3, key, "张评"))
    text = render_report(stored, "text", lang)
    assert re.search(rf"\n[^\n]+ {re.escape(revision)}\n{submitter} +张评\n", text)
    html = render_report(stored, "html", lang)
    assert f"<dd>{revision}</dd>" in html and f"<dt>{submitter}</dt><dd>张评</dd>" in html
    title = ("Conformance report — Test cluster — Revision 3" if lang == "en"
             else "符合性评价报告 — 测试集群 — 第 3 版")
    assert f"<title>{title}</title>" in html  # and on every printed page:
    assert f"@top-left {{ content: {css_string(title)};" in html
    assert json.loads(render_report(stored, "json", lang))["revision"] == {
        "number": 3, "key": key, "submitter": "张评"}
    graph = Graph().parse(data=render_report(stored, "ttl", lang), format="turtle")
    iri = URIRef(f"https://w3id.org/bcic/graph/submission/{key}/3")
    report = graph.value(predicate=RDF.type, object=SH.ValidationReport)
    assert (report, PROV.wasDerivedFrom, iri) in graph
    assert (iri, BCIC.revisionNumber, Literal(3, datatype=XSD.integer)) in graph
    assert (iri, BCIC.cluster, URIRef(str(gappy.cluster))) in graph
    agent = graph.value(iri, PROV.wasAttributedTo)
    assert graph.value(agent, RDFS.label) == Literal("张评")
    # Not stored: no revision anywhere.
    assert json.loads(render_report(gappy, "json", lang))["revision"] is None
    assert submitter not in render_report(gappy, "html", lang)
    assert (None, PROV.wasDerivedFrom, None) not in Graph().parse(
        data=render_report(gappy, "ttl", lang), format="turtle")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_html_report_holds_all_but_its_header_and_footer_in_its_main_landmark(
        gappy: Report, lang: Lang) -> None:
    """Every part of the page sits in a landmark (axe's `region`): the rates, the requirements
    and the checklist in <main>, between the <header> and the <footer>."""
    html = render_report(gappy, "html", lang)
    body = html[html.index("<body>") + len("<body>"):html.index("</body>")].strip()
    assert re.fullmatch(r"<header>.*</header>\s*<main>.*</main>\s*<footer>.*</footer>", body,
                        re.S)
    assert body.count("<main>") == 1
    inside = body[body.index("<main>"):body.index("</main>")]
    for part in ('id="rates"', 'id="requirements"', 'class="chapter"', 'id="manual-review"'):
        assert part in inside, part


def test_english_lacks_put_an_before_a_vowel_and_a_before_a_consonant() -> None:
    """A lack names the class it expected with the article its label takes ("an evidence
    document", "a cluster brand cultivation strategy"); the wrong one read as a typo."""
    articles = [found for name in ("meitan-tea", "datang-socks")
                for found in re.findall(r"(?:is|\() (an?) “(\w)", render_report(
                    validate_files([EXAMPLES_DIR / f"{name}.ttl"]), "text", "en"))]
    assert {article for article, _first in articles} == {"a", "an"}  # both cases are seen
    for article, first in articles:
        assert article == ("an" if first.lower() in "aeiou" else "a"), (article, first)
