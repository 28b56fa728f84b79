"""Verdicts and words a domain expert's audit of chapters 7 and 8 checked against the standard's
text: the conformant sample (dehua-ceramics.ttl) changed in one way, written in the test. A text a
clause asks to be stated says something (shp:SaidText, as in chapters 6 and 9); 8.2.4's forms and
channels are distinct terms of their kinds; a text where a term of a short list is asked is offered
that term; and the words of 8.2.5, 8.3.1, 7.1.2.1 and 7.2.1.2 say what the data shows."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from checker.findings import Candidate, Finding
from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Report, Status
from checker.report_reader import read_report
from checker.rulebook import load_rulebook
from checker.store import open_store

from tests.dehua_variants import DEHUA_NS as EX
from tests.dehua_variants import dehua, dehua_with

BODY = URIRef(EX + "body")


def replaced(prop: URIRef, values: dict[str, tuple[URIRef | Literal, ...]]) -> Callable[[Graph], None]:
    """A change giving each record (by local name) `values` of `prop` in place of its own."""
    def change(graph: Graph) -> None:
        for local, new in values.items():
            node = URIRef(EX + local)
            assert (node, prop, None) in graph, (local, prop)
            graph.remove((node, prop, None))
            for value in new:
                graph.add((node, prop, value))
    return change


def shown(report: Report, lang: str, fmt: str = "text") -> str:
    """The report rendered in `lang`."""
    return render_report(report, fmt, lang)  # type: ignore[arg-type]


def findings_json(report: Report, rid: str, lang: str) -> list[dict[str, object]]:
    """The findings of one provision in the JSON report."""
    document = json.loads(shown(report, lang, "json"))
    (requirement,) = [r for r in document["requirements"] if r["id"] == rid]
    return requirement["findings"]  # type: ignore[no-any-return]


def named_in(findings: tuple[Finding, ...]) -> set[Node]:
    """The records the findings name: those that lack something, and those they point to that
    lack it in turn (8.3.4 —2: the mechanism, and its crisis source)."""
    def of(candidates: tuple[Candidate, ...]) -> Iterator[Node]:
        for candidate in candidates:
            yield candidate.node
            yield from (n for lack in candidate.lacks for n in of(lack.closest))
    return {n for f in findings for d in f.diagnoses for n in of(d.candidates)}


def guidance_text(report: Report, rid: str, lang: str) -> str:
    """The hint of one provision in the JSON report."""
    document = json.loads(shown(report, lang, "json"))
    (requirement,) = [r for r in document["requirements"] if r["id"] == rid]
    return requirement["guidance"]["text"]  # type: ignore[no-any-return]


# Items 2, 3 and 7: a text a clause of chapters 7–8 asks to be stated, given as "" or " ", states
# nothing, whatever the other records state (7.2.1.3: one communication of three; 7.3.1: one
# standard of two).
BLANK_TEXTS = [
    (("element-name",), BCIC.elementContent, "8.1.2", ""),  # 「品牌名称…等基本要素」
    (("culture-exhibition",), BCIC.coreMessage, "7.2.1.3", " "),  # 「精神与文化内涵」
    (("standard-tableware",), BCIC.standardCode, "7.3.1", ""),  # 「采用先进标准」
    (("service-design",), BCIC.satisfactionFactor, "7.5.1", " "),  # 「识别…服务要素」
    (("communication-plan",), BCIC.coreMessage, "8.2.2", ""),  # 「围绕…品牌核心价值观进行传播」
    (("communication-plan",), BCIC.communicationHook, "8.2.3", " "),  # 「提炼…新闻点」
    (("communication-evaluation",), BCIC.finding, "8.2.6", ""),  # 「对传播效果进行评价」
    (("crisis-quality",), BCIC.monitoringMode, "8.3.4-2", " "),  # 「建立有效品牌危机监控模式」
    (("crisis-response",), BCIC.requiredResource, "8.3.4-3", ""),  # 「确保…所需的各类资源」
    (("collective-mark",), BCIC.registrationNumber, "8.3.1", " "),  # a number that says nothing
]


@pytest.mark.parametrize(("records", "prop", "rid", "blank"), BLANK_TEXTS,
                         ids=[f"{c[2]}-{str(c[1]).rsplit('#', 1)[-1]}" for c in BLANK_TEXTS])
def test_a_blank_text_is_not_met_and_named_under_its_clause_of_chapters_7_8(
        records: tuple[str, ...], prop: URIRef, rid: str, blank: str) -> None:
    """The property is there but says nothing: the provision is not met (8.3.1, a permission,
    is not taken up), the finding names the record, and says the value is no text with content."""
    report = dehua_with(replaced(prop, {r: (Literal(blank, lang="zh"),) for r in records}))
    outcome = report.outcome(rid)
    assert outcome.status is (Status.NOT_USED if rid == "8.3.1" else Status.NOT_MET)
    assert URIRef(EX + records[0]) in named_in(outcome.findings)
    assert "不是有内容的文字" in shown(report, "zh") and "is not text with content" in shown(report, "en")


# Items 1 and 3: the checklist asks what no data shows.
@pytest.mark.parametrize(("rid", "quoted", "said"), [
    ("8.2.4", "「进行整合传播」", "“for integrated communication”"),
    ("8.3.4-3", "「确保有效实施所需的各类资源」", "really secured"),
], ids=["8.2.4", "8.3.4-3"])
def test_the_review_prompt_of_8_2_4_and_8_3_4_3_quotes_what_data_cannot_show(
        rid: str, quoted: str, said: str) -> None:
    requirement = load_rulebook().requirements[rid]
    assert quoted.strip("「」") in requirement.text["zh"]
    assert requirement.review_prompt is not None
    assert quoted in requirement.review_prompt["zh"] and said in requirement.review_prompt["en"]


# Item 1: 8.2.4 「综合运用多种传播方式…使用多种传播手段」 asks distinct terms of their kinds.
@pytest.fixture(scope="module")
def one_form_and_a_road() -> Report:
    """Every communication holds a press conference; one also names 7.1.1's roads as a form."""
    return dehua_with(replaced(BCIC.communicationMeans, {
        "culture-exhibition": (BCIC.PressConference,), "launch-press": (BCIC.PressConference, BCIC.Roads),
        "fair-xiamen": (BCIC.PressConference,)}))


@pytest.fixture(scope="module")
def forms_as_text() -> Report:
    """Every communication names its form as text, one of them in two languages."""
    return dehua_with(replaced(BCIC.communicationMeans, {
        "culture-exhibition": (Literal("展会", lang="zh"),),
        "launch-press": (Literal("新闻发布会", lang="zh"), Literal("press conference", lang="en")),
        "fair-xiamen": (Literal("展会", lang="zh"),)}))


def test_one_form_and_a_term_of_another_kind_is_not_met_under_8_2_4(one_form_and_a_road: Report) -> None:
    """One form used thrice is one; roads are no form of communication, and are said to be none."""
    outcome = one_form_and_a_road.outcome("8.2.4")
    assert outcome.status is Status.NOT_MET
    (finding,) = outcome.findings
    assert finding.message["en"].startswith("Brand communication does not combine several "
                                            "communication forms")
    assert "道路（bcic:Roads" in shown(one_form_and_a_road, "zh") and "不是“传播方式”" in \
        shown(one_form_and_a_road, "zh")
    assert "is not a “communication form”" in shown(one_form_and_a_road, "en")


def test_forms_given_as_text_are_not_met_under_8_2_4_and_the_term_meant_is_offered(
        forms_as_text: Report) -> None:
    """「新闻发布会」 and "press conference" are one form in two languages, and text counts for none:
    each text is said to be no term, with the term it names."""
    assert forms_as_text.outcome("8.2.4").status is Status.NOT_MET
    zh, en = shown(forms_as_text, "zh"), shown(forms_as_text, "en")
    assert "是文本，不是术语，应以 IRI 指向一项“传播方式”：Turtle 中写作 bcic:Exhibition" in zh
    assert "is text, not a term: name a “communication form” by its IRI: write it as " \
           "bcic:Exhibition in Turtle" in en
    assert "Turtle 中写作 bcic:PressConference" in zh and "ex:record" not in zh


def test_the_words_of_8_2_4_are_the_catalogues_communication_forms_and_channels() -> None:
    """The English messages use the catalogue's words, not “means” and “media”."""
    shapes = load_rulebook().shapes_graph
    for local in ("IntegratedCommunication-communicationMeans",
                  "IntegratedCommunication-communicationMedium"):
        shape = URIRef("https://w3id.org/bcic/shapes/gbt-draft/" + local)
        (en,) = (str(m) for m in shapes.objects(shape, URIRef("http://www.w3.org/ns/shacl#message"))
                 if isinstance(m, Literal) and m.language == "en")
        assert "communication forms" in en or "communication channels" in en
        assert "several means" not in en and "several media" not in en


# Item 14: 7.1.2.1's kinds of fund are a closed list of two terms.
@pytest.fixture(scope="module")
def fund_kind_as_text() -> Report:
    return dehua_with(replaced(BCIC.covers, {"brand-fund": (Literal("创新基金", lang="zh"),)}))


def test_a_fund_kind_given_as_text_is_offered_the_term_under_7_1_2_1(fund_kind_as_text: Report) -> None:
    """「创新基金」 names bcic:InnovationFund: the finding offers it, not an example record, and
    the English message is as strong as the Chinese (未说明是…还是…)."""
    (finding,) = fund_kind_as_text.outcome("7.1.2.1").findings
    assert finding.message["en"].startswith("The brand fund does not state whether it is an "
                                            "innovation fund or a dedicated cultivation fund")
    assert "Turtle 中写作 bcic:InnovationFund" in shown(fund_kind_as_text, "zh")
    en = shown(fund_kind_as_text, "en")
    assert "write it as bcic:InnovationFund in Turtle" in en and "ex:record" not in en


def test_a_fund_kind_text_naming_no_kind_is_offered_a_kind_as_an_example_under_7_1_2_1() -> None:
    """「其他」 names neither kind, nor is near one: the first kind is given as an example, and no
    record (ex:record) is."""
    report = dehua_with(replaced(BCIC.covers, {"brand-fund": (Literal("其他", lang="zh"),)}))
    en, zh = shown(report, "en"), shown(report, "zh")
    assert "is not a term: name a “kind of fund” by its IRI, as in bcic:InnovationFund in Turtle, " \
           '{"@id": "bcic:InnovationFund"} in JSON-LD (an example)' in en
    assert "不是术语，应以 IRI 指向一项“基金类别”：格式如 Turtle 中的 bcic:InnovationFund" in zh
    assert "ex:record" not in en and "ex:record" not in zh


def test_a_stored_report_reads_back_the_term_offered_for_a_fund_kind_given_as_text() -> None:
    """Read back from the store, the finding offers the same term (the lack is rebuilt from the
    rulebook, the text kept as the detail's value)."""
    graph = Graph()
    graph += dehua()
    replaced(BCIC.covers, {"brand-fund": (Literal("创新基金", lang="zh"),)})(graph)
    files = [SubmissionFile("dehua.ttl", graph.serialize(format="turtle").encode())]
    store = open_store("oxigraph")
    info, _fresh = ingest_submission(store, files, submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert "write it as bcic:InnovationFund in Turtle" in shown(back, "en")
    assert "Turtle 中写作 bcic:InnovationFund" in shown(back, "zh")


def test_the_culture_statement_of_7_2_1_2_is_not_said_to_lack_a_local_resource() -> None:
    """Whether a resource is local (当地的) is the evaluator's: the finding claims no more than
    data shows."""
    report = dehua_with(replaced(BCIC.basedOn, {"culture-statement": ()}))
    (finding,) = report.outcome("7.2.1.2").findings
    assert finding.message == {"zh": "品牌文化内涵未依据人文资源（7.2.1.2）",
                               "en": "The brand culture statement draws on no cultural resource (7.2.1.2)"}


# Item 11: 8.2.5 「与相关方联合开展」, the body named as its own partner.
@pytest.fixture(scope="module")
def body_as_partner() -> Report:
    return dehua_with(replaced(BCIC.partner, {"joint-marketing": (BODY,)}))


@pytest.mark.parametrize(("lang", "line", "hint"), [
    ("zh", "“合作方”的取值“德化陶瓷产业集群品牌培育工作领导小组”是培育主体自身；“合作方”须为培育主体以外的组织等主体",
     "“合作方”（bcic:partner）为培育主体以外的组织等主体"),
    ("en", "is the cultivation body itself; a “partner” must be an agent, such as an organisation, "
           "other than the cultivation body",
     "“partner” (bcic:partner) as an agent, such as an organisation, other than the cultivation body"),
], ids=["zh", "en"])
def test_the_body_as_its_own_partner_is_said_to_be_the_body_itself_under_8_2_5(
        body_as_partner: Report, lang: str, line: str, hint: str) -> None:
    """The line says the partner is the body itself and what a partner must be; the hint asks an
    agent other than the body, which the body is not."""
    assert body_as_partner.outcome("8.2.5").status is Status.NOT_MET
    text = shown(body_as_partner, lang)
    assert line in text and "不能担任此角色" not in text and "which this role does not take" not in text
    assert hint in guidance_text(body_as_partner, "8.2.5", lang)


def test_the_json_detail_of_the_body_as_its_own_partner_names_it_in_words(body_as_partner: Report) -> None:
    """The nested detail of 8.2.5 in JSON has no empty property and no raw shape IRI."""
    (finding,) = findings_json(body_as_partner, "8.2.5", "en")
    (node,) = finding["nodes"]  # type: ignore[index]
    (lack,) = node["lacks"]
    (closest,) = lack["closest"]
    (inner,) = closest["lacks"]
    assert inner["text"] == "it is the cultivation body itself"
    assert inner["expected_name"] == "the cultivation body itself"


# Item 12: 8.3.1 「可申请注册集群品牌」: an application takes the permission up as a registration does.
@pytest.fixture(scope="module")
def no_registration() -> Report:
    def change(graph: Graph) -> None:
        mark = URIRef(EX + "collective-mark")
        graph.remove((mark, None, None))
        graph.remove((None, None, mark))
    return dehua_with(change)


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("zh", "未见集群品牌注册或注册申请（可选）（8.3.1）",
     "或“注册号”（bcic:registrationNumber）为有内容的文字，或“类型”（rdf:type）指向一项“集群品牌注册申请”"
     "（bcic:BrandRegistrationApplication）"),
    ("en", "No registration of the cluster brand, nor an application for one (optional) (8.3.1)",
     "either “registration number” (bcic:registrationNumber) as text with content, or “type” "
     "(rdf:type) pointing to a “cluster brand registration application” "
     "(bcic:BrandRegistrationApplication)"),
], ids=["zh", "en"])
def test_no_registration_nor_application_is_said_so_and_the_hint_offers_either_under_8_3_1(
        no_registration: Report, lang: str, message: str, hint: str) -> None:
    outcome = no_registration.outcome("8.3.1")
    assert outcome.status is Status.NOT_USED
    assert [f.message[lang] for f in outcome.findings] == [message]
    assert hint in guidance_text(no_registration, "8.3.1", lang)
