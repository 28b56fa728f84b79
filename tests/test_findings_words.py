"""Findings read by a third-party evaluator and a cluster who write no RDF
(checker/render/findings_view.py): a value as written and what is wrong with it in words, a path
step by step, a record by its label or title, else by its class, and each membership of 4.1 with
what it lacks — in zh and en, in text and JSON alike; never 'incomplete' for a malformed value, a
datatype's name, a path's '›', a 'node', or a blank node's '[]'."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import XSD

from checker.namespaces import BASE_IRI, BCIC, IND
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report
from checker.loading import SubmissionFile
from checker.validation import validate_graph, validate_submission
from tests.dehua_variants import dehua_with, text_block

EX = Namespace("https://example.org/cluster/dehua/")
PREFIXES = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix x:    <https://example.org/x#> .
x:c a bcic:IndustrialCluster ; rdfs:label "集群"@zh .
x:b a bcic:CultivationBody ; bcic:cultivates x:c ; rdfs:label "主体"@zh .
"""


def _lack_texts(report: Report, rid: str, lang: str) -> list[str]:
    """Every sentence of what a node lacks under `rid` in the JSON report, nested ones too."""
    document = json.loads(render_report(report, "json", lang))  # type: ignore[arg-type]
    (requirement,) = [r for r in document["requirements"] if r["id"] == rid]
    found: list[str] = []

    def walk(node: dict) -> None:
        for lack in node["lacks"]:
            found.append(lack["text"])
            for closer in lack["closest"]:
                walk(closer)
    for finding in requirement["findings"]:
        for node in finding["nodes"]:
            walk(node)
    return found


def _observed(value: Literal) -> Callable[[Graph], None]:
    """The value of a.1.1's 2020 actual observation changed, and its indicator's specification
    removed: whether it is measured on a rating scale cannot be told (docs/model.md, decision 23),
    and the line says how to state a rating as well as that the value is no number."""
    def change(graph: Graph) -> None:
        graph.set((EX["obs-LocationAdvantage-2020-actual"], BCIC.observedValue, value))
        graph.remove((EX["spec-LocationAdvantage"], None, None))
    return change


def _concentration(value: Literal) -> Callable[[Graph], None]:
    return lambda g: g.set((EX.agglomeration, BCIC.concentrationValue, value))


# A figure that is no number (5.2.3, 9.2.3) → the provision, and what the line says (zh, en).
# 9.2.3's value may be a level of a declared rating scale instead: where the indicator's
# measurement cannot be told, the line says how to state one (shp:ObservedNumber's label,
# docs/model.md, decisions 19 and 23).
RATING_ZH = "（以评级量表测量的指标不写数值，而以“评定等级”指向测量模型或测量规范所用评级量表中的一个等级）"
RATING_EN = (" (an indicator measured on a rating scale states no number: it names a level of the "
             "rating scale its measurement model or specification uses with “rated level”)")
NOT_NUMBERS = {
    "value-in-words": (_observed(Literal("七十二")), "9.2.3", "9.2.3",
                       f"“数值”的取值“七十二”不是数字{RATING_ZH}",
                       f"its “value” “七十二” is not a number{RATING_EN}"),
    "decimal-not-in-its-form": (_observed(Literal("abc", datatype=XSD.decimal)), "9.2.3", "9.2.3",
                                f"“数值”的取值“abc”不是数字{RATING_ZH}",
                                f"its “value” “abc” is not a number{RATING_EN}"),
    "concentration-in-chinese": (_concentration(Literal("很高", lang="zh")), "5.2.3", "5.2.3",
                                 "“集中度数值”的取值“很高”不是数字",
                                 "its “concentration value” “很高” is not a number"),
}


@pytest.mark.parametrize("case", NOT_NUMBERS)
def test_a_figure_that_is_no_number_is_said_to_be_no_number_in_both_languages(case: str) -> None:
    """5.2.3, 9.2.3: a figure given in words, or in a number's datatype but not in its form, is
    said to be no number, quoted as written, in zh as in en and in JSON as in text: the English
    JSON used to call it 'incomplete' while the Chinese said its form was wrong."""
    change, notation, rid, zh, en = NOT_NUMBERS[case]
    report = dehua_with(change)
    for lang, said in (("zh", zh), ("en", en)):
        block = text_block(report, notation, lang)
        assert said in block, block
        texts = _lack_texts(report, rid, lang)
        assert said in texts, texts
        for wrong in ("incomplete", "不完整", "form required", "格式不符", "xsd:", "^^"):
            assert wrong not in block and not any(wrong in t for t in texts), (wrong, block)


@pytest.mark.parametrize("written", ['"NaN"^^xsd:double', '"INF"^^xsd:float', '"-INF"^^xsd:double'])
def test_a_figure_of_nan_or_inf_is_no_number_quoted_as_written(written: str) -> None:
    """9.2.3: NaN and INF are in xsd:double's lexical space but measure nothing, so the value is
    no number; the loader keeps the form as written, where rdflib would rewrite it as "nan" or
    "inf" (a form xsd:double does not have) and the report would quote that."""
    text = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8").replace(
        "bcic:observedValue 72.0 ;", f"bcic:observedValue {written} ;", 1)
    assert written in text
    report = validate_submission([SubmissionFile("dehua.ttl", text.encode())], processes=1)
    shown = written.split('"')[1]
    assert f"its “value” “{shown}” is not a number" in text_block(report, "9.2.3", "en")
    assert f"“数值”的取值“{shown}”不是数字" in text_block(report, "9.2.3", "zh")


def test_figures_of_another_cluster_are_said_to_be_about_that_cluster_under_9_2_3() -> None:
    """9.2.3 「定期进行绩效测量」 of this cluster: actual export rates about the benchmark, 景德镇, are
    said to be about it, a cluster no cultivation body of the submission cultivates — not that they
    lack a path “cluster › cultivates”."""
    def about_jingdezhen(graph: Graph) -> None:
        for observation in list(graph.subjects(BCIC.indicator, IND.ExportRate)):
            if (observation, BCIC.valueKind, BCIC.ActualValue) in graph:
                graph.set((observation, BCIC.refCluster, EX.jingdezhen))
    report = dehua_with(about_jingdezhen)
    zh, en = (text_block(report, "9.2.3", lang) for lang in ("zh", "en"))
    assert "…/obs-ExportRate-2020-actual：“所属集群”为“景德镇陶瓷产业集群”；没有“培育主体”以“所培育的产业集群”指向它" in zh
    assert ("…/obs-ExportRate-2020-actual: its “cluster” is “Jingdezhen ceramics industrial "
            "cluster”; no “cultivation body” refers to it through “cultivated cluster”") in en
    assert "›" not in zh + en


MEMBERSHIPS = PREFIXES + """
x:m1 a org:Membership ; org:organization x:b ; org:member x:o1 .
x:o1 a org:Organization ; rdfs:label "Org one"@en .
[] a org:Membership ; org:organization x:b ; org:member x:o2 ; org:role bcic:GovernmentRole .
x:o2 a org:Organization ; rdfs:label "机构二"@zh .
[] a org:Membership ; org:member x:o3 ; org:role bcic:GovernmentRole .
x:o3 a org:Organization ; rdfs:label "机构三"@zh .
x:m4 a org:Membership ; org:organization x:b ; org:member x:o4 ; org:role bcic:GovernmentRole .
x:o4 a org:Organization ; rdfs:label "机构四" .
x:m5 a org:Membership ; org:organization x:b ; org:member x:o5 ; org:role bcic:GovernmentRole .
x:o5 a org:Organization .
"""


@pytest.mark.parametrize("lang, lines", [
    ("zh", ["…#m1：缺少“角色”\n",
            "一项未命名的“成员关系”：缺少“所属组织”（应为“培育主体”）\n",
            "…#m5：“成员”的取值“…#o5”缺少“名称”\n"]),
    ("en", ["…#m1: lacks “role”\n",
            "an unnamed “membership”: lacks “member of” (a “cultivation body”)\n",
            "…#m5: its “member” “…#o5” lacks “name”\n"]),
], ids=["zh", "en"])
def test_4_1_says_what_each_membership_lacks(lang: str, lines: list[str]) -> None:
    """4.1 「培育主体应明确其成员」: one message names three possible gaps (the body, the member's
    name, the role); each membership's line says which it has. A member named in any language
    is identified (Org one in English, 机构四 without a language tag): 4.1 asks a name, not a
    Chinese one. The complete memberships (机构二, 机构四) are not listed; a member named in
    English only is named by its IRI in Chinese, as any record is. The body's memberships are
    listed under the body (4.1 asks them of the body that cultivates the cluster); the one naming
    no body stands alone."""
    report = validate_graph(Graph().parse(data=MEMBERSHIPS, format="turtle"), processes=1)
    block = text_block(report, "4.1", lang)
    for line in lines:
        assert line in block, block
    assert "机构二" not in block and "机构四" not in block, block
    assert len(re.findall(r"\n {10}\S", block)) == 2, block


BLANK_RECORDS = PREFIXES + """
[] a bcic:CorrectionMechanism ; dcterms:title "纠偏机制（上）"@zh ;
   bcic:covers bcic:PlanPhase , bcic:DoPhase , bcic:CheckPhase .
[] a bcic:TalentPolicy ; rdfs:label "Talent policy"@en ; dcterms:title "人才政策"@zh ;
   bcic:covers bcic:RDTalent , bcic:TechnicalTalent , bcic:ManagementTalent .
[] a bcic:KPISystem .
"""


@pytest.fixture(scope="module")
def blank_records() -> Report:
    """Three records that are blank nodes: a correction mechanism titled in Chinese only, a
    talent policy labelled in English and titled in Chinese, a KPI system with no name."""
    return validate_graph(Graph().parse(data=BLANK_RECORDS, format="turtle"), processes=1)


@pytest.mark.parametrize("lang, lines", [
    ("zh", {"9.4.2": "纠偏机制（上）：“涵盖”缺少“处置（A）”",
            "7.2.4": "人才政策：“涵盖”缺少“营销人才”",
            "9.1.4 c) —3": "一项未命名的“关键绩效指标体系”：“包含指标”缺少“产业集中度”"}),
    ("en", {"9.4.2": "纠偏机制（上）: its “covers” lacks “act”",
            "7.2.4": "Talent policy: its “covers” lacks “marketing talent”",
            "9.1.4 c) —3": "an unnamed “key performance indicator system”: its “includes "
                           "indicator” lacks “industry concentration”"}),
], ids=["zh", "en"])
def test_a_record_that_is_a_blank_node_is_named_by_its_label_or_title_else_by_its_class(
        blank_records: Report, lang: str, lines: dict[str, str]) -> None:
    """A blank node has no IRI to show: it is named by its label or title in the report's
    language (a Chinese title beside an English label), else in the other language, else as an
    unnamed record of its class — never "[]", which is Turtle's, nor 「（[]）」 after its label."""
    for notation, line in lines.items():
        assert line in text_block(blank_records, notation, lang)
    for fmt in ("text", "html", "json"):
        shown = render_report(blank_records, fmt, lang)  # type: ignore[arg-type]
        assert "[]:" not in shown and "（[]）" not in shown and "“[]”" not in shown
    document = json.loads(render_report(blank_records, "json", lang))  # type: ignore[arg-type]
    names = {n["name"] for r in document["requirements"] for f in r["findings"] for n in f["nodes"]}
    assert {re.split("[:：]", line)[0] for line in lines.values()} <= names


@pytest.mark.parametrize("sample", ["datang-socks", "meitan-tea"])
def test_no_finding_of_the_samples_shows_a_path_or_a_node_in_rdf_words(sample: str) -> None:
    """Paths are said step by step (“associated with” that a “membership” refers to through
    “member”), as the hints say them; absences name records, never nodes."""
    report = validate_graph(Graph().parse(EXAMPLES_DIR / f"{sample}.ttl", format="turtle",
                                          publicID=BASE_IRI), processes=1)
    for lang in ("zh", "en"):
        shown = render_report(report, "text", lang)  # type: ignore[arg-type]
        assert "›" not in shown and " node" not in shown and "节点" not in shown
        assert ("has no record whose" in shown) is (lang == "en" and sample == "meitan-tea")
