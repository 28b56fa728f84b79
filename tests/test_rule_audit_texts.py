"""Rules of chapters 4, 5, 7 and 9 worded as the standard's text reads, where a domain auditor
found them saying more or less than it: labels and findings in its words, review prompts quoting
the parts of a clause no data shows, list items carrying their lead-in's modal verb, and a cluster
named as its own benchmark or competitor (9.3.2) said in the report."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from rdflib import DCTERMS, PROV, RDF, RDFS, Graph, Literal, URIRef

from checker.cli import main
from checker.loading import SubmissionFile
from checker.namespaces import BCIC, REQ, SHP
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Status
from checker.rulebook import SH, load_rulebook
from checker.shacl import Severity
from checker.validation import validate_graph, validate_submission

from tests.dehua_changes import BODY, EX, XSD_DATE, dehua


def _label(term: object, lang: str) -> str:
    """The ontology's label of a term in one language."""
    graph = load_rulebook().labels_graph
    (label,) = (str(o) for o in graph.objects(term, RDFS.label)  # type: ignore[arg-type]
                if isinstance(o, Literal) and o.language == lang)
    return label


# 7.5.2 「提供关键的、基础的和必须的服务项目和内容」

def test_the_kinds_of_service_of_7_5_2_are_labelled_as_the_standard_words_them() -> None:
    """「必须服务」 read as “must serve”: the third kind is 「必须的服务项目」, as the text says, and
    the other two alike; in English as the catalogue renders the clause (necessary service items)."""
    text = validate_graph(dehua()).outcome("7.5.2").requirement.text
    labels = {kind: (_label(kind, "zh"), _label(kind, "en"))
              for kind in (BCIC.KeyService, BCIC.BasicService, BCIC.EssentialService)}
    assert labels == {BCIC.KeyService: ("关键的服务项目", "key service item"),
                      BCIC.BasicService: ("基础的服务项目", "basic service item"),
                      BCIC.EssentialService: ("必须的服务项目", "necessary service item")}
    assert "必须的服务项目" in text["zh"] and "necessary service items" in text["en"]


# 7.2.5 「识别、选择、评价集群品牌培育的利益相关者，包括地方政府、集群内企业、顾客、经销商、金融机构、
# 中介结构、其他合作伙伴等」

@pytest.mark.parametrize("lang, said, not_said", [
    ("zh", "缺少属于“类别为中介机构的相关方”的“识别相关方”", "缺少属于符合要求的“中介机构”的"),
    ("en", "has no “identifies stakeholder” that is a “stakeholder of the kind intermediary "
           "organisations”", "that is an “intermediary organisations”"),
])
def test_the_lack_of_a_stakeholder_kind_is_said_in_plain_words(lang: str, said: str,
                                                              not_said: str) -> None:
    """The record's lack names a stakeholder of the kind, not the kind as if it were a class."""
    data = dehua()
    data.remove((URIRef(EX + "stakeholder-evaluation"), BCIC.identifiesStakeholder,
                 URIRef(EX + "sh-intermediaries")))
    text = render_report(validate_graph(data), "text", lang)  # type: ignore[arg-type]
    assert said in text and not_said not in text


# 4.3.2 「培育主体成员需要…借助有效的整合手段，合理规范品牌各要素间、各环节间的关系，强化各成员之间的
# 相互协作」

def test_the_findings_of_4_3_2_say_what_the_members_do_in_the_clauses_words() -> None:
    """The clause names four things the members do, not “four means”: each finding quotes them."""
    data = dehua()
    data.remove((URIRef(EX + "synergy"), BCIC.covers, None))
    findings = validate_graph(data).outcome("4.3.2").findings
    assert len(findings) == 4
    for finding in findings:
        zh, en = finding.message["zh"], finding.message["en"]
        assert "借助有效的整合手段，合理规范品牌各要素间、各环节间的关系，强化各成员之间的相互协作" in zh
        assert "use effective means of integration, put in order the relations between brand " \
               "elements and between stages, and strengthen cooperation between members" in en
        assert "四种手段" not in zh and "four means" not in en


# Review prompts quote the parts of their clause that no data shows (decision 10's checklist).
PROMPTED = {
    "4.3.2": ("合理规范", "in reasonable order"),
    "7.1.1": ("根据市场、技术和品牌发展的需要",
              "according to the needs of the market, of technology and of brand development"),
    "7.1.2.2": ("建立良好的区域金融体系", "establish a sound regional financial system"),
}


@pytest.mark.parametrize("rid", sorted(PROMPTED))
def test_the_review_prompt_quotes_the_part_of_its_clause_it_left_out(rid: str) -> None:
    requirement = load_rulebook().requirements[rid]
    quoted, said = PROMPTED[rid]
    assert quoted in requirement.text["zh"]  # the standard's words…
    assert requirement.review_prompt is not None
    assert quoted in requirement.review_prompt["zh"]  # …quoted verbatim
    assert said in requirement.review_prompt["en"]


# 4.2.1 i) 「建立产业集群品牌建立和维护机制，进行周期性评价并实现持续改进」: three acts, of which
# only 进行周期性评价 recurs.

GOV = URIRef(EX + "gov-industry")


def _fulfilment(data: Graph, local: str, *agents: URIRef, period: Literal | None = None,
                evidence: bool = True) -> URIRef:
    """An activity of duty 4.2.1 i) added to the sample, dated, by `agents`, with an evidence
    document attributed to them when `evidence`."""
    node = URIRef(EX + local)
    data.add((node, RDF.type, BCIC.DutyFulfilment))
    data.add((node, BCIC.fulfilsDuty, REQ["4.2.1-i"]))
    data.add((node, DCTERMS.date, Literal("2023-06-01", datatype=XSD_DATE)))
    for agent in (BODY, *agents):
        data.add((node, PROV.wasAssociatedWith, agent))
    if period is not None:
        data.add((node, BCIC.period, period))
    if evidence:
        document = URIRef(EX + local + "-evidence")
        data.add((node, PROV.generated, document))
        data.add((document, RDF.type, BCIC.EvidenceDocument))
        data.add((document, DCTERMS.title, Literal("《德化陶瓷产业集群品牌建立和维护工作机制》", lang="zh")))
        data.add((document, DCTERMS.date, Literal("2023-06-01", datatype=XSD_DATE)))
        for agent in (BODY, *agents):
            data.add((document, PROV.wasAttributedTo, agent))
    return node


def test_an_activity_of_4_2_1_i_by_an_industry_association_is_not_asked_its_period() -> None:
    """Decision 9: only a government member of this body fulfils 4.2.1 i); another member's
    activity, without a period and without a document, is set aside, not asked for a period."""
    data = dehua()
    _fulfilment(data, "fulfil-4.2.1-i-assoc", URIRef(EX + "assoc-ceramics"), evidence=False)
    report = validate_graph(data)
    assert report.outcome("4.2.1-i").findings == ()
    assert report.outcome("4.2.1-i").status is not Status.NOT_MET
    assert report.outcome("4.2.1").status is not Status.NOT_MET
    _fulfilment(data, "fulfil-4.2.1-i-assoc-2", URIRef(EX + "assoc-ceramics"),
                period=Literal("随时", lang="zh"))
    assert validate_graph(data).outcome("4.2.1-i").findings == ()  # nor its period's form


def test_a_one_off_act_of_4_2_1_i_beside_an_annual_evaluation_meets_it() -> None:
    """「建立…机制」 is done once: issuing the mechanism states no period, and needs none while
    the annual evaluation (「进行周期性评价」) states its own."""
    data = dehua()
    _fulfilment(data, "fulfil-4.2.1-i-mechanism", GOV)
    outcome = validate_graph(data).outcome("4.2.1-i")
    assert outcome.findings == ()
    assert outcome.status is not Status.NOT_MET


@pytest.mark.parametrize("period", [None, Literal("随时", lang="zh")])
def test_a_one_off_act_of_4_2_1_i_alone_is_one_finding_asking_a_periodic_evaluation(
        period: Literal | None) -> None:
    """With the annual evaluation gone, one finding asks for a periodic evaluation with its
    period; it calls no one-off act “its periodic evaluation”. A period given names a recurring
    interval or is said to name none."""
    data = dehua()
    evaluation = URIRef(EX + "fulfil-4.2.1-i")
    data.remove((evaluation, BCIC.period, None))
    if period is not None:
        data.add((evaluation, BCIC.period, period))
    _fulfilment(data, "fulfil-4.2.1-i-mechanism", GOV)
    findings = validate_graph(data).outcome("4.2.1-i").findings
    assert len(findings) == 1
    zh, en = findings[0].message["zh"], findings[0].message["en"]
    if period is None:
        assert zh.startswith("未见写明周期的周期性评价") and "「进行周期性评价」" in zh
        assert en.startswith("No periodic evaluation stating its period")
    else:
        assert zh.startswith("履行职责 4.2.1 i) 的活动所写周期不是固定的间隔")
        assert en.startswith("An activity that fulfils duty 4.2.1 i) gives a period that names "
                             "no recurring interval")
    assert "its periodic evaluation" not in en and "的周期性评价的周期" not in zh


@pytest.mark.parametrize("period, en", [
    (None, "No periodic evaluation stating its period"),
    (Literal("随时", lang="zh"), "An activity that fulfils duty 4.2.1 i) gives a period that names "
                                 "no recurring interval")])
def test_a_fulfilment_of_4_2_1_i_without_a_recurring_period_is_said_to_lack_it(
        period: Literal | None, en: str) -> None:
    """The activity is there: the finding names the recurring period it lacks (周期性评价), not “no
    activity fulfils the duty”, and names the activity (its file and line)."""
    data = dehua()
    fulfilment = URIRef(EX + "fulfil-4.2.1-i")
    data.remove((fulfilment, BCIC.period, None))
    if period is not None:
        data.add((fulfilment, BCIC.period, period))
    (finding,) = validate_graph(data).outcome("4.2.1-i").findings
    assert finding.message["en"].startswith(en)
    assert "周期" in finding.message["zh"]
    assert [c.node for d in finding.diagnoses for c in d.candidates] == [fulfilment]


def test_no_fulfilment_of_4_2_1_i_at_all_is_one_finding() -> None:
    """With no activity, the period asks nothing more: 「未见…的活动」 alone."""
    data = dehua()
    data.remove((None, BCIC.fulfilsDuty, REQ["4.2.1-i"]))
    (finding,) = validate_graph(data).outcome("4.2.1-i").findings
    assert finding.message["zh"].startswith("未见由政府履行职责 4.2.1 i) 的活动")


def test_4_2_1_i_has_a_review_prompt_of_its_own() -> None:
    """Not the duties' generic prompt: the mechanism, the periodic evaluation and the continual
    improvement the item names are the evaluator's to judge."""
    requirements = load_rulebook().requirements
    prompt = requirements["4.2.1-i"].review_prompt
    assert prompt is not None and prompt != requirements["4.2.1-h"].review_prompt
    for words in ("产业集群品牌建立和维护机制", "周期性评价", "实现持续改进"):
        assert words in requirements["4.2.1-i"].text["zh"] and words in prompt["zh"]
    assert "periodic evaluation" in prompt["en"] and "continual improvement" in prompt["en"]


# 5.3 —4 「技术创新：主要包括各项生产技术等」, —5 「无形资产：主要分析产业集群的资源禀赋条件等」

@pytest.mark.parametrize("item, part", [("5.3-4", BCIC.ProductionTechnologies),
                                        ("5.3-5", BCIC.ResourceEndowment)])
def test_an_internal_analysis_lacking_the_part_5_3_4_or_5_names_fails_it(item: str,
                                                                          part: URIRef) -> None:
    """The part each item names after 包括 or 主要分析 is asked, as —1…—3's are."""
    data = dehua()
    data.remove((URIRef(EX + "internal"), BCIC.covers, part))
    outcome = validate_graph(data).outcome(item)
    assert outcome.status is Status.NOT_MET
    (finding,) = outcome.findings
    assert _label(part, "zh") in finding.message["zh"] and _label(part, "en") in finding.message["en"]
    assert _label(part, "zh") in outcome.requirement.text["zh"]
    assert _label(part, "en") in outcome.requirement.text["en"]


def test_5_3_4_has_its_own_review_prompt_asking_for_each_production_technology() -> None:
    """「各项生产技术」: data shows the analysis takes production technologies up, the evaluator
    whether it takes up each of the cluster's; asked under 5.3 —4 itself, so that an evaluator who
    finds one technology analysed fails that item, not 5.3 alone while 5.3 —4 reads met."""
    requirements = load_rulebook().requirements
    prompt = requirements["5.3-4"].review_prompt
    assert prompt is not None and "各项生产技术" in requirements["5.3-4"].text["zh"]
    assert "各项生产技术" in prompt["zh"] and "each of the cluster's production technologies" in prompt["en"]
    lead_in = requirements["5.3"].review_prompt
    assert lead_in is not None and "各项生产技术" not in lead_in["zh"]
    assert "production technologies" not in lead_in["en"]


def test_the_zh_hint_of_5_3_says_a_path_of_two_backward_steps_in_one_reading() -> None:
    """「或由一项记录以“依据”指向它由一项…」 read as two sentences run together: the record the first
    backward step reaches is said again before the second step (该记录)."""
    lines = CliRunner().invoke(main, ["rules", "show", "5.3", "--lang", "zh"]).stdout
    assert "或由一项记录以“依据”指向它，该记录由一项“产业集群品牌培育战略”" in lines
    assert "指向它由" not in lines


def test_a_lead_in_failing_only_through_its_items_names_them_not_its_own_record() -> None:
    """The analysis is there and based on by the strategy; only 5.3 —4's part is missing: 5.3
    names the item (as a lead-in a judged item decides does, decision 20) rather than asking for
    an internal environment analysis again, and 5.3 —4's hint says what the analysis lacks."""
    data = dehua()
    data.remove((URIRef(EX + "internal"), BCIC.covers, BCIC.ProductionTechnologies))
    report = validate_graph(data)
    assert report.outcome("5.3").status is Status.NOT_MET and not report.outcome("5.3").results
    assert report.outcome("5.3").how_to is None
    for lang, items, item_hint in [
            ("en", "list items not met: 5.3 —4",
             "Record an “internal environment analysis” (bcic:InternalEnvironmentAnalysis) with "
             "“covers” (bcic:covers) set to each of"),
            ("zh", "未满足的列项：5.3 —4", "记录一项“产业集群内部环境分析”（bcic:InternalEnvironmentAnalysis），"
                                         "写明“涵盖”（bcic:covers）为")]:
        text = render_report(report, "text", lang)  # type: ignore[arg-type]
        lead_in = text[text.index("5.3 "):text.index("5.3 —1")]
        assert items in lead_in and "bcic:InternalEnvironmentAnalysis" not in lead_in
        item = text[text.index("5.3 —4"):text.index("5.3 —5")]
        assert item_hint in item and "5.3 的提示" not in item and "hint of 5.3" not in item


# 7.3.2 「促进集群内企业的技术创新，形成设计、工艺、生产操作和服务等方面的技术诀窍以及各类专利」: the
# instruction is 促进; 形成… says what the innovation yields (decision 22).

KNOW_HOW = (BCIC.DesignKnowHow, BCIC.ProcessKnowHow, BCIC.ProductionOperationKnowHow,
            BCIC.ServiceKnowHow)


@pytest.mark.parametrize("kept", KNOW_HOW)
def test_know_how_in_one_respect_and_patents_meet_7_3_2s_data(kept: URIRef) -> None:
    """Not know-how in every respect listed: one respect and the patents, the range of respects
    being the evaluator's."""
    data = dehua()
    for kind in KNOW_HOW:
        if kind != kept:
            data.remove((None, BCIC.covers, kind))
    assert validate_graph(data).outcome("7.3.2").status is not Status.NOT_MET


@pytest.mark.parametrize("gone, en, zh", [
    (KNOW_HOW, "No innovation output of an enterprise that is a member of the cultivation body "
               "covers know-how", "未见培育主体成员中的企业形成的、涵盖技术诀窍的技术创新成果"),
    ((BCIC.PatentOutput,), "No innovation output of an enterprise that is a member of the "
                           "cultivation body covers patents of all kinds",
     "未见培育主体成员中的企业形成的、涵盖“各类专利”的技术创新成果")])
def test_know_how_and_patents_of_7_3_2_are_asked_apart(gone: tuple[URIRef, ...], en: str,
                                                       zh: str) -> None:
    data = dehua()
    for kind in gone:
        data.remove((None, BCIC.covers, kind))
    outcome = validate_graph(data).outcome("7.3.2")
    assert outcome.status is Status.NOT_MET
    (finding,) = outcome.findings
    assert finding.message["en"].startswith(en) and finding.message["zh"].startswith(zh)


@pytest.mark.parametrize("lang, said", [
    ("en", "Record one or more records of “innovation output” (bcic:InnovationOutput), which "
           "between them have “covers” (bcic:covers) set to “know-how in design” "
           "(bcic:DesignKnowHow), “know-how in process” (bcic:ProcessKnowHow), “know-how in "
           "production operation” (bcic:ProductionOperationKnowHow) or “know-how in service” "
           "(bcic:ServiceKnowHow); “attributed to” (prov:wasAttributedTo) that a “membership” "
           "(org:Membership) refers to through “member” (org:member); “covers” set to “patents of "
           "all kinds” (bcic:PatentOutput). That “membership” has “role” (org:role) set to “role of "
           "an enterprise of the industry” (bcic:IndustryEnterpriseRole) or “role of an enterprise "
           "of a related or supporting industry” (bcic:SupportingEnterpriseRole);"),
    ("zh", "记录一项或多项“技术创新成果”（bcic:InnovationOutput），合起来写明“涵盖”（bcic:covers）为"
           "“设计方面的技术诀窍”（bcic:DesignKnowHow）、“工艺方面的技术诀窍”（bcic:ProcessKnowHow）、"
           "“生产操作方面的技术诀窍”（bcic:ProductionOperationKnowHow）或“服务方面的技术诀窍”"
           "（bcic:ServiceKnowHow）；“归属方”（prov:wasAttributedTo）由一项“成员关系”（org:Membership）"
           "以“成员”（org:member）指向；“涵盖”为“各类专利”（bcic:PatentOutput）。该“成员关系”写明“角色”"
           "（org:role）为“行业内企业角色”（bcic:IndustryEnterpriseRole）或“相关及支持产业的企业角色”"
           "（bcic:SupportingEnterpriseRole）；")])
def test_the_hint_of_7_3_2_asks_one_or_more_outputs_between_them(lang: str, said: str) -> None:
    """Not one record that is a patent and four kinds of know-how at once; each attributed to an
    enterprise member of the body (集群内企业, decision 2)."""
    shown = CliRunner().invoke(main, ["rules", "show", "7.3.2", "--lang", lang]).stdout
    assert said in shown
    assert "set to each of" not in shown and "缺一不可" not in shown


def test_the_review_of_7_3_2_asks_the_range_of_respects() -> None:
    prompt = load_rulebook().requirements["7.3.2"].review_prompt
    assert prompt is not None
    assert "「设计、工艺、生产操作和服务等方面」" in prompt["zh"]
    assert "design, process, production operation, service and other respects" in prompt["en"]


# 9.4.1 「培育主体应根据评价结果，结合品牌战略目标，确定持续改进的优先次序和改进方向。可能的改进方向包括：」
# a)–c): the 应 is the first sentence's, ended by 。; the sentence that leads in the list has none.

@pytest.mark.parametrize("item", ["9.4.1 a)", "9.4.1 b)", "9.4.1 c)"])
def test_9_4_1s_items_carry_no_modal_verb_their_lead_in_sentence_writes_none(item: str) -> None:
    """Decision 1: a list item takes its lead-in sentence's level, and 「可能的改进方向包括：」 has no
    modal verb; the items are informative and carry none, as 9.3.2 a)–d) carry none."""
    document = json.loads(CliRunner().invoke(main, ["rules", "show", item, "--format",
                                                    "json"]).stdout)
    assert (document["modal_verbs"], document["modal_verbs_of"]) == ([], None)
    assert document["level"] == "informative"
    lines = [line.strip() for line in CliRunner().invoke(
        main, ["rules", "show", item]).stdout.splitlines()]
    assert "Level: 资料性 informative · no modal verb" in lines
    note = document["level_note"]
    assert "可能的改进方向包括" in note["zh"] and "没有情态动词" in note["zh"]
    assert "has no modal verb" in note["en"] and "carries" not in note["en"]


# 9.3.2 c) 「与标杆的对比」, d) 「与竞争对手的对比」: a cluster named as its own benchmark or competitor

@pytest.mark.parametrize("prop, item, zh, en", [
    ("benchmarkCluster", "9.3.2-c", "产业集群以自身为标杆集群", "A cluster names itself as its benchmark"),
    ("competitorCluster", "9.3.2-d", "产业集群以自身为竞争集群",
     "A cluster names itself as its competitor"),
])
def test_a_cluster_named_as_its_own_peer_is_a_warning_of_9_3_2(prop: str, item: str, zh: str,
                                                               en: str) -> None:
    """The queries refuse such a pair; validation says so too, under the item, with the cluster's
    file and line. 9.3.2 asks nothing (no modal verb, decision 21): a warning, never a gap."""
    sample = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_bytes()
    line = sample.decode().splitlines().index("ex:cluster a bcic:IndustrialCluster ;") + 1
    assert not validate_submission([SubmissionFile("dehua-ceramics.ttl", sample)]).fails(
        Severity.WARNING)  # its benchmark and competitor are other clusters
    data = sample + f"\nex:cluster bcic:{prop} ex:cluster .\n".encode()
    report = validate_submission([SubmissionFile("dehua-ceramics.ttl", data)])
    outcome = report.outcome(item)
    (finding,) = outcome.findings
    assert finding.message["zh"].startswith(zh) and finding.message["en"].startswith(en)
    assert {r.severity for r in outcome.results} == {Severity.WARNING}
    assert outcome.status is Status.NOT_APPLICABLE and report.conforms
    assert report.fails(Severity.WARNING) and not report.fails(Severity.VIOLATION)
    for lang in ("zh", "en"):
        text = render_report(report, "text", lang)  # type: ignore[arg-type]
        assert finding.message[lang] in text
        assert f"dehua-ceramics.ttl:{line}" in text



@pytest.mark.parametrize("shape, zh, en", [
    ("ClusterNotItsOwnBenchmark", "与标杆的对比是与另一个产业集群的对比",
     "a comparison with benchmarks is a comparison with another cluster"),
    ("ClusterNotItsOwnCompetitor", "与竞争对手的对比是与另一个产业集群的对比",
     "a comparison with competitors is a comparison with another cluster")])
def test_the_warning_of_9_3_2_describes_and_asks_nothing(shape: str, zh: str, en: str) -> None:
    """9.3.2 has no modal verb (decision 21): its warning says what such a comparison is, with no
    须 or 应 (nor must or shall) that would ask it."""
    said = {m.language: str(m) for m in load_rulebook().shapes_graph.objects(SHP[shape], SH.message)}
    assert zh in said["zh"] and en in said["en"]
    assert not set("须应") & set(said["zh"].split("：", 1)[1])
    assert not re.search(r"\b(must|shall|should)\b", said["en"])
