"""Findings name the submission's nodes that came closest and what each lacks, by label, once,
in the standard's order — in every report format."""

from __future__ import annotations

import json
import re

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH

from checker.errors import InputError
from checker.diagnosis import Explainer
from checker.findings import Diagnosis, arrange
from checker.namespaces import BCIC, IND, REQ, SHP
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.turtle import EARL
from checker.report import Report
from checker.rulebook import load_rulebook
from checker.shacl import Severity, ShaclResult
from checker.validation import validate_files, validate_graph

DATANG = "https://example.org/cluster/datang/"
PREFIXES = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind:  <https://w3id.org/bcic/indicator/> .
@prefix x:    <https://example.org/x#> .
"""


def cluster_and_body(more: str = "") -> Graph:
    """A cluster (x:c, 集群) and the body that cultivates it (x:b, 主体), and `more` Turtle."""
    return Graph().parse(data=PREFIXES + """
    x:c a bcic:IndustrialCluster ; rdfs:label "集群"@zh .
    x:b a bcic:CultivationBody ; bcic:cultivates x:c ; rdfs:label "主体"@zh .
    """ + more, format="turtle")


@pytest.fixture(scope="module")
def datang() -> Report:
    """The Datang sample: a few gaps in nodes that exist, a few nodes missing."""
    return validate_files([EXAMPLES_DIR / "datang-socks.ttl"])


def _without_hints(shown: str) -> str:
    """A text or HTML report less its hints on how to meet a provision and on the records to
    show, which name classes, provisions and indicators by their IRIs on purpose."""
    return re.sub(r"      → .*|<p class=\"(guidance|documents)\">.*?</p>", "", shown)


def _json_findings(report: Report, rid: str, lang: str = "zh") -> list[dict]:
    document = json.loads(render_report(report, "json", lang))  # type: ignore[arg-type]
    return next(r for r in document["requirements"] if r["id"] == rid)["findings"]


def test_5_2_2_names_datangs_structure_analysis_and_the_aspects_it_does_not_cover(
        datang: Report) -> None:
    findings = _json_findings(datang, "5.2.2")
    assert [f["message"] for f in findings] == [
        "未见涵盖“治理结构”的全球价值链组织结构分析（5.2.2）",
        "未见涵盖“体制框架”的全球价值链组织结构分析（5.2.2）"]
    for finding, aspect in zip(findings, ("GovernanceStructure", "InstitutionalFramework")):
        (node,) = finding["nodes"]
        assert node["node"] == DATANG + "vc-structure"
        assert node["name"] == "袜业价值链投入产出与空间布局分析"  # its rdfs:label
        (lack,) = node["lacks"]
        assert (lack["path"], lack["constraint"], lack["expected"]) == (
            "bcic:covers", "HasValueConstraintComponent", str(BCIC[aspect]))
        assert lack["property"] == "“涵盖”"  # the path in words


def test_a_duty_finding_names_the_record_that_lacks_an_evidence_document_under_4_2_2_g(
        datang: Report) -> None:
    (finding,) = _json_findings(datang, "4.2.2-g")
    (node,) = finding["nodes"]
    assert node["node"] == DATANG + "fulfil-4.2.2-g"
    (lack,) = node["lacks"]
    assert (lack["path"], lack["expected"], lack["count"]) == (
        "prov:generated", str(BCIC.EvidenceDocument), 1)
    text = render_report(datang, "text", "zh")
    line = next(n for n, row in enumerate(
        (EXAMPLES_DIR / "datang-socks.ttl").read_text(encoding="utf-8").split("\n"), 1)
        if row.startswith("ex:fulfil-4.2.2-g "))
    # The report names the file as it was given (here, by its path).
    assert (f"计划举办袜业品牌经理研修班（未留存结业材料）（…/fulfil-4.2.2-g，{datang.files[0]}:{line}）："
            "缺少属于“证据文件”的“生成的证据”") in text


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_no_finding_shows_a_class_or_a_requirement_as_the_node(datang: Report, fmt: str) -> None:
    shown = _without_hints(render_report(datang, fmt, "zh"))
    for term in ("bcic:ValueChainStructureAnalysis", "bcic:StrategyReview", "req:4.2.2-g",
                 "bcic:KPISystem", str(REQ["4.2.2-g"])):
        assert term not in shown


def test_9_1_4_c_3_lists_industry_concentration_first_as_the_standard_does(
        datang: Report) -> None:
    messages = [f["message"] for f in _json_findings(datang, "9.1.4-c-3")]
    assert messages == ["关键绩效指标体系未包含“产业集中度”（9.1.4 c) —3）",
                        "关键绩效指标体系未包含“竞争优势差异度”（9.1.4 c) —3）"]


def test_9_2_1_names_the_specification_and_the_field_it_lacks() -> None:
    """The specification lacks its calculation method; it states no unit either, which 9.2.1's
    list does not name, so that is not said."""
    data = cluster_and_body("""
    x:kpi a bcic:KPISystem ; bcic:includesIndicator ind:BrandReputation , ind:ExportRate .
    x:spec a bcic:MeasurementSpecification ; rdfs:label "美誉度测量规范"@zh ;
        bcic:specifiesIndicator ind:BrandReputation ; bcic:informationContent "…" ;
        bcic:informationSource "…" ; bcic:collectionMethod "…" ;
        bcic:period "P1Y" ; bcic:responsibleParty x:b .
    """)
    report = validate_graph(data)
    findings = [f for f in report.outcome("9.2.1").findings if "完整的测量规范" in f.message["zh"]]
    (finding,) = findings
    lacks = {(c.node, lack.path) for d in finding.diagnoses for c in d.candidates
             for lack in c.lacks}
    assert lacks == {(URIRef("https://example.org/x#spec"), BCIC.calculationMethod)}
    text = render_report(report, "text", "zh")
    assert "美誉度测量规范（…#spec）：缺少“计算方法”" in text and "缺少“计量单位”" not in text
    assert "提交材料中没有“所规范的指标”为“出口率”（c.1.3）的记录。" in text
    assert "ind:ExportRate" not in _without_hints(text)
    assert "ind:BrandReputation" not in _without_hints(text)


# Two specifications that name their indicators by bcic:indicator (an observation's property),
# not bcic:specifiesIndicator; the one of location advantage (a.1.1) lacks its calculation method
# too, the one of the export rate (c.1.3) only the link.
SPECIFIED_OTHERWISE = """
    x:kpi a bcic:KPISystem ; bcic:includesIndicator ind:ExportRate , ind:LocationAdvantage .
    x:spec-export a bcic:MeasurementSpecification ; rdfs:label "出口率测量规范"@zh ;
        bcic:indicator ind:ExportRate ; bcic:informationContent "…" ; bcic:informationSource "…" ;
        bcic:collectionMethod "…" ; bcic:calculationMethod "…" ; bcic:period "P1Y" ;
        bcic:responsibleParty x:b .
    x:spec-location a bcic:MeasurementSpecification ; rdfs:label "区位优势测量规范"@zh ;
        bcic:indicator ind:LocationAdvantage ; bcic:informationContent "…" ;
        bcic:informationSource "…" ; bcic:collectionMethod "…" ; bcic:period "P1Y" ;
        bcic:responsibleParty x:b .
    """


def test_9_2_1_names_the_specifications_that_name_their_indicator_otherwise() -> None:
    """9.2.1's finding names the specifications that came closest, those naming the indicator
    through another property, with the link they lack (and what else they lack), in the order of
    9.1.4; it does not say that no record exists."""
    report = validate_graph(cluster_and_body(SPECIFIED_OTHERWISE))
    (finding,) = [f for f in _json_findings(report, "9.2.1") if "完整的测量规范" in f["message"]]
    assert [n["node"] for n in finding["nodes"]] == [
        "https://example.org/x#spec-location", "https://example.org/x#spec-export"]
    assert finding["missing"] == []
    link = finding["nodes"][1]["lacks"][0]
    assert (link["path"], link["constraint"], link["value"]) == (
        "bcic:specifiesIndicator", "HasValueConstraintComponent", str(IND.ExportRate))
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert "出口率测量规范（…#spec-export）：未以“所规范的指标”指向“出口率”（c.1.3）\n" in zh
    assert "区位优势测量规范（…#spec-location）：\n            – 未以“所规范的指标”指向“区位优势”（a.1.1）\n" \
        "            – 缺少“计算方法”\n" in zh
    assert "出口率测量规范 (…#spec-export): does not name “export rate” (c.1.3) through “specifies indicator”\n" in en
    assert "没有“所规范的指标”为" not in zh and "has no record whose" not in en


def test_9_2_1_lists_the_indicators_lacking_a_specification_in_the_order_of_9_1_4() -> None:
    """Indicators with no specification at all are listed by their 9.1.4 codes (a.1.1 区位优势,
    b.1.1 产业规模, b.2.4 品牌美誉度, c.1.3 出口率), not by their IRIs or English labels."""
    report = validate_graph(cluster_and_body("""
    x:kpi a bcic:KPISystem ; bcic:includesIndicator ind:ExportRate , ind:BrandReputation ,
        ind:IndustryScale , ind:LocationAdvantage .
    """))
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert ("提交材料中没有“所规范的指标”为“区位优势”（a.1.1）、“产业规模”（b.1.1）、“品牌美誉度”"
            "（b.2.4）、“出口率”（c.1.3）的记录。") in zh
    assert ("The submission has no record whose “specifies indicator” is “location advantage” "
            "(a.1.1), “industry scale” (b.1.1), “brand reputation” (b.2.4), “export rate” "
            "(c.1.3).") in en
    (finding,) = [f for f in _json_findings(report, "9.2.1", "en")
                  if "complete measurement specification" in f["message"]]
    assert [m["about"] for m in finding["missing"]] == [
        str(IND[i]) for i in ("LocationAdvantage", "IndustryScale", "BrandReputation", "ExportRate")]


def test_4_1_names_the_body_by_its_chinese_label_not_its_iri() -> None:
    data = cluster_and_body()
    text = render_report(validate_graph(data), "text", "zh")
    assert "主体（…#b）：没有“成员关系”以“所属组织”指向它" in text


def test_where_no_node_exists_the_findings_about_its_parts_are_folded_under_it() -> None:
    """9.4.2: the shapes' five results on a submission without a mechanism make one finding."""
    rulebook = load_rulebook()
    # The mechanism's own shapes: provenance.ttl's (shp:Dated-9.4.2-…) report on no instance here.
    shapes = [s for s, rid in rulebook.shape_requirements.items() if rid == "9.4.2"
              and str(s).startswith(str(SHP.CorrectionMechanism))]
    results = [ShaclResult(s, BCIC.CorrectionMechanism, "^rdfs:subClassOf*/^rdf:type", None,
                           Severity.VIOLATION, _messages(rulebook.shapes_graph, s),
                           "MinCountConstraintComponent" if str(s).endswith("Exists")
                           else "QualifiedMinCountConstraintComponent")
               for s in shapes]
    assert len(results) == 5
    diagnoses = [Diagnosis(r, (), r.focus_node, RDF.type) for r in results]
    (finding,) = arrange(diagnoses, lambda shape: 0, rulebook.explainer.place)
    assert finding.message["zh"] == "未见本集群的循环和纠偏机制（9.4.2）" and not finding.also


def test_a_missing_kpi_system_is_said_once_under_9_1_4_c_3() -> None:
    """9.1.4 c) —3 has an existence shape: without a KPI system, its one finding says so and the
    findings about the indicators the system would include are dropped as moot."""
    data = cluster_and_body()
    (finding,) = validate_graph(data).outcome("9.1.4-c-3").findings
    assert finding.message["zh"] == "未见本集群现行的关键绩效指标体系（9.1.4 c) —3）" and not finding.also


def test_a_kpi_system_lacking_indicators_is_named_with_them_in_the_standards_order() -> None:
    """9.1.4 c) —3 lists 产业集中度 before 竞争优势差异度: the findings follow that order, each
    naming the KPI system by its label and the indicator it lacks."""
    data = cluster_and_body("""
    x:k a bcic:KPISystem ; rdfs:label "指标体系"@zh .
    """)
    text = render_report(validate_graph(data), "text", "zh")
    section = text.split("✘ 9.1.4 c) —3", 1)[1].split("9.1.4 c) —4", 1)[0]
    assert "指标体系（…#k）：“包含指标”缺少“产业集中度”" in section
    assert section.index("产业集中度") < section.index("竞争优势差异度")


def test_turtle_results_carry_their_path_rates_levels_label_and_checklist(datang: Report) -> None:
    graph = Graph().parse(data=render_report(datang, "ttl", "zh"), format="turtle")
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    top = [r for r in graph.objects(report, SH.result)]
    # SHACL gives a property shape's result its path; a node shape's (a guarded check's) has none.
    shapes = load_rulebook().shapes_graph
    assert top and all(graph.value(r, SH.resultPath) is not None for r in top
                       if (graph.value(r, SH.sourceShape), RDF.type, SH.PropertyShape) in shapes)
    structure = next(r for r in top
                     if graph.value(r, SH.sourceShape) == SHP.StructureAnalysisCoversGovernanceStructure)
    (candidate,) = graph.objects(structure, SH.detail)
    assert graph.value(candidate, SH.focusNode) == URIRef(DATANG + "vc-structure")
    (lack,) = graph.objects(candidate, SH.detail)
    assert graph.value(lack, SH.resultPath) == BCIC.covers
    assert graph.value(URIRef(DATANG + "vc-structure"), RDFS_LABEL) is not None
    assert Literal("诸暨大唐袜业产业集群", lang="zh") in set(
        graph.objects(URIRef(str(datang.cluster)), RDFS_LABEL))
    rates = {graph.value(r, BCIC.rateChapter): r for r in graph.objects(report, BCIC.hasRate)}
    assert graph.value(rates[None], BCIC.metCount) == Literal(datang.overall.met)
    assert graph.value(rates[Literal(4)], BCIC.applicableCount) == Literal(datang.by_chapter[4].total)
    assert graph.value(REQ["8.3.1"], BCIC.normativeLevel) == BCIC.May
    manual = {graph.value(a, EARL.test) for a in graph.subjects(EARL.mode, EARL.semiAuto)}
    assert manual == {o.requirement.iri for o in datang.manual_checklist()}


def test_several_clusters_are_named_by_their_labels_with_the_languages_punctuation() -> None:
    with pytest.raises(InputError) as refused:
        validate_files([EXAMPLES_DIR / "meitan-tea.ttl", EXAMPLES_DIR / "dehua-ceramics.ttl"])
    zh = refused.value.text("zh")
    assert "“德化陶瓷产业集群”（https://example.org/cluster/dehua/cluster）；“湄潭" in zh
    assert ";" not in zh
    assert "“Dehua ceramics industrial cluster” (https://example.org/cluster/dehua/cluster); " \
        in refused.value.text("en")


RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


def _messages(shapes: Graph, shape: URIRef) -> dict[str, str]:
    return {m.language: str(m) for m in shapes.objects(shape, SH.message)
            if isinstance(m, Literal)}


def test_an_english_report_names_a_node_without_an_english_label_by_its_chinese_one(
        datang: Report) -> None:
    """Decision 14: the other language's label before the IRI, which the JSON keeps beside it."""
    (finding,) = [f for f in _json_findings(datang, "8.1.3-5", "en")]
    assert finding["nodes"][0]["name"] == "“大唐袜业”品牌要素设计"
    assert finding["nodes"][0]["node"] == "https://example.org/cluster/datang/element-design"


def test_a_shape_targeting_an_evidence_class_names_each_instance_and_what_it_lacks() -> None:
    """sh:targetClass on an evidence class: the focus node is the submission's own node."""
    shapes = Graph().parse(data="""
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix bcic: <https://w3id.org/bcic/ontology#> .
    @prefix shp: <https://w3id.org/bcic/shapes/gbt-draft/> .
    shp:ReviewPeriod a sh:PropertyShape ; sh:targetClass bcic:StrategyReview ;
        sh:path bcic:period ; sh:minCount 1 .
    """, format="turtle")
    data = Graph().parse(data=PREFIXES + """
    x:r a bcic:StrategyReview ; rdfs:label "年度战略评审"@zh .
    """, format="turtle")
    explainer = Explainer(shapes, load_rulebook().labels_graph)
    result = ShaclResult(SHP.ReviewPeriod, URIRef("https://example.org/x#r"), "bcic:period",
                         None, Severity.VIOLATION, {}, "MinCountConstraintComponent")
    diagnosis = explainer.diagnose(data, result)
    assert diagnosis.about is None
    (candidate,) = diagnosis.candidates
    (lack,) = candidate.lacks
    assert (candidate.node, lack.path, lack.constraint, lack.count) == (
        result.focus_node, BCIC.period, "MinCountConstraintComponent", 1)
