"""A text given where a term of the ontology is asked — a value asked (sh:hasValue, 9.4.2: a
correction mechanism covers bcic:PlanPhase) or a listed value (sh:in, 4.1: a member's role) — is
said to be text, with how to refer to the term it names (Turtle: the prefixed name; JSON-LD:
{"@id": …}), else to one allowed as an example, in zh and en, fresh and read back."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import ORG

from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Report
from checker.report_reader import read_report
from checker.store import open_store
from checker.validation import validate_submission
from tests.dehua_variants import dehua, dehua_with

EX = Namespace("https://example.org/cluster/dehua/")
PLAN_HINT = ("：Turtle 中写作 bcic:PlanPhase，JSON-LD 中写作 {\"@id\": \"bcic:PlanPhase\"}",
             ": write it as bcic:PlanPhase in Turtle, {\"@id\": \"bcic:PlanPhase\"} in JSON-LD")


def _line(report: Report, lang: str, words: str) -> str:
    """The line of the text report that has the words."""
    shown = render_report(report, "text", lang)  # type: ignore[arg-type]
    return next(row.strip() for row in shown.split("\n") if words in row)


@pytest.mark.parametrize("written", ["bcic:PlanPhase", "PlanPhase"],
                         ids=["prefixed-name", "json-ld-vocab"])
def test_a_phase_given_as_text_is_said_to_be_text_with_its_reference_9_4_2(written: str) -> None:
    """9.4.2: bcic:covers "bcic:PlanPhase" (or "PlanPhase", as a JSON-LD @vocab leaves a string):
    the mechanism lacks the plan phase, given as text, and how to write it is said."""
    def change(g: Graph) -> None:
        g.remove((EX["correction-mechanism"], BCIC.covers, BCIC.PlanPhase))
        g.add((EX["correction-mechanism"], BCIC.covers, Literal(written)))
    report = dehua_with(change)
    zh = _line(report, "zh", "“涵盖”缺少“策划（P）”")
    en = _line(report, "en", "lacks “plan”")
    assert zh.endswith(f"“涵盖”缺少“策划（P）”（给出的是文本“{written}”）{PLAN_HINT[0]}"), zh
    assert en.endswith(f"(given as text “{written}”){PLAN_HINT[1]}"), en


def test_a_role_given_as_text_names_the_role_it_reads_as_4_1() -> None:
    """4.1: org:role "行业内企业" (the start of the role's label): given as text, and the role
    bcic:IndustryEnterpriseRole is how to write it."""
    membership = EX["ms-ent-ciyun"]
    report = dehua_with(lambda g: g.set((membership, ORG.role, Literal("行业内企业", lang="zh"))))
    zh = _line(report, "zh", "“角色”的取值“行业内企业”")
    en = _line(report, "en", "its “role” “行业内企业”")
    assert "“角色”的取值“行业内企业”（给出的是文本）不在允许的取值" in zh, zh
    assert zh.endswith("：Turtle 中写作 bcic:IndustryEnterpriseRole，JSON-LD 中写作 "
                       "{\"@id\": \"bcic:IndustryEnterpriseRole\"}"), zh
    assert "its “role” “行业内企业” (given as text) is not one of the values allowed" in en, en
    assert en.endswith(": write it as bcic:IndustryEnterpriseRole in Turtle, "
                       "{\"@id\": \"bcic:IndustryEnterpriseRole\"} in JSON-LD"), en


@pytest.mark.parametrize("written", [Literal("行业企业", lang="zh"), Literal("industry enterprise"),
                                     Literal("Industry Enterprize", lang="en")],
                         ids=["zh-word-missing", "en-words-reordered", "en-misspelt"])
def test_a_role_text_near_a_roles_label_is_matched_by_spelling_as_a_guess_4_1(
        written: Literal) -> None:
    """4.1: org:role "行业企业" (行业内企业角色 less two characters), "industry enterprise" (“role of
    an enterprise of the industry”, its words in another order), a misspelling: no label holds
    the text, but one is nearest it in spelling: that role is said, as a guess, with how to
    write it, in zh and en, in every format that words the finding."""
    membership = EX["ms-ent-ciyun"]
    report = dehua_with(lambda g: g.set((membership, ORG.role, written)))
    zh = _line(report, "zh", f"“角色”的取值“{written}”")
    en = _line(report, "en", f"its “role” “{written}”")
    guesses = {"zh": "：若指“行业内企业角色”（按拼写推测），Turtle 中写作 bcic:IndustryEnterpriseRole，"
                     "JSON-LD 中写作 {\"@id\": \"bcic:IndustryEnterpriseRole\"}",
               "en": ": if “role of an enterprise of the industry” is meant (a guess from the "
                     "spelling), write it as bcic:IndustryEnterpriseRole in Turtle, "
                     "{\"@id\": \"bcic:IndustryEnterpriseRole\"} in JSON-LD"}
    assert zh.endswith(guesses["zh"]), zh
    assert en.endswith(guesses["en"]), en
    for fmt in ("html", "json", "ttl"):
        for lang, guess in guesses.items():
            shown = render_report(report, fmt, lang)  # type: ignore[arg-type]
            shown = shown.replace("&#34;", '"').replace("&quot;", '"').replace('\\"', '"')
            assert guess in shown, (fmt, lang)


def test_a_role_text_naming_no_role_gets_an_example_reference_4_1() -> None:
    """4.1: a role text that names none of the five roles: given as text, and an allowed role as
    an example of how to refer to one."""
    membership = EX["ms-ent-ciyun"]
    report = dehua_with(lambda g: g.set((membership, ORG.role, Literal("企业"))))
    zh = _line(report, "zh", "“角色”的取值“企业”")
    en = _line(report, "en", "its “role” “企业”")
    assert "（给出的是文本）" in zh and zh.endswith("（仅为示例）"), zh
    assert "JSON-LD 中的 {\"@id\": \"bcic:" in zh, zh
    assert "(given as text)" in en and en.endswith("in JSON-LD (an example)"), en


def test_a_stored_report_reads_back_the_text_given_for_the_phase_9_4_2() -> None:
    """The text given is kept with the stored report (sh:value of its detail) and said again."""
    graph = Graph()
    graph += dehua()
    graph.remove((EX["correction-mechanism"], BCIC.covers, BCIC.PlanPhase))
    graph.add((EX["correction-mechanism"], BCIC.covers, Literal("bcic:PlanPhase")))
    files = [SubmissionFile("dehua.ttl", graph.serialize(format="turtle").encode())]
    store = open_store("oxigraph")
    info, _fresh = ingest_submission(store, files, submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert _line(back, "zh", "“涵盖”缺少“策划（P）”").endswith(PLAN_HINT[0])
    assert _line(back, "en", "lacks “plan”").endswith(PLAN_HINT[1])


@pytest.mark.parametrize("record, prop, term, written, zh_lack, en_lack, label, iri", [
    ("macro", BCIC.covers, BCIC.TechnologicalEnvironment, "技术", "“涵盖”缺少“技术环境”",
     "lacks “technological environment”", "技术环境", "bcic:TechnologicalEnvironment"),
    ("communication-plan", BCIC.targetsAudience, BCIC.ConsumerAudience, "消费者", "“针对的传播对象”缺少“各类消费者”",
     "lacks “consumers”", "各类消费者", "bcic:ConsumerAudience"),
], ids=["5.1-covers", "8.2.1-audience"])
def test_a_text_near_the_value_asked_is_said_to_be_text_with_a_guess(
        record: str, prop: URIRef, term: URIRef, written: str, zh_lack: str, en_lack: str, label: str,
        iri: str) -> None:
    """5.1: bcic:covers "技术" (of 技术环境), 8.2.1: bcic:targetsAudience "消费者" (of 各类消费者):
    only an exact label was said to be text; a text a term of the scheme alone holds, or nearest
    it in spelling, is said to be text, with the term it is taken to mean, as a guess."""
    def change(g: Graph) -> None:
        g.remove((EX[record], prop, term))
        g.add((EX[record], prop, Literal(written)))
    report = dehua_with(change)
    zh, en = _line(report, "zh", zh_lack), _line(report, "en", en_lack)
    assert zh.endswith(f"{zh_lack}（给出的是文本“{written}”）：若指“{label}”（按拼写推测），"
                       f"Turtle 中写作 {iri}，JSON-LD 中写作 {{\"@id\": \"{iri}\"}}"), zh
    assert f"(given as text “{written}”): if “" in en and "(a guess from the spelling)" in en, en


def test_a_text_where_an_indicator_is_specified_is_said_to_be_text_9_2_1() -> None:
    """9.2.1: bcic:specifiesIndicator "出口率" was said as if it were the indicator, which no KPI
    system includes; it is a text, said so, zh and en."""
    text = ("@prefix ex: <https://example.org/cluster/liling/> .\n"
            "@prefix bcic: <https://w3id.org/bcic/ontology#> .\n"
            "ex:cluster a bcic:IndustrialCluster .\n"
            "ex:body a bcic:CultivationBody ; bcic:cultivates ex:cluster .\n"
            'ex:ms a bcic:MeasurementSpecification ; bcic:specifiesIndicator "出口率" .\n')
    report = validate_submission([SubmissionFile("ms.ttl", text.encode())], processes=1)
    zh = _line(report, "zh", "“所规范的指标”的取值“出口率”")
    en = _line(report, "en", "its “specifies indicator” “出口率”")
    assert zh.endswith("“所规范的指标”的取值“出口率”（给出的是文本）不是记录或术语，应以 IRI 指向；"
                       "没有“关键绩效指标体系”以“包含指标”指向它"), zh
    assert "its “specifies indicator” “出口率” (given as text) is no record or term" in en, en


def test_values_asked_written_inside_a_list_are_said_to_be_in_one_5_1() -> None:
    """5.1: `bcic:covers ( bcic:PolicyEnvironment … )` is one value, a list, and each environment
    was said to be missing without a word of the list; the list is named, with how to write the
    values, zh and en, fresh and read back."""
    def change(g: Graph) -> None:
        covered = list(g.objects(EX.macro, BCIC.covers))
        g.remove((EX.macro, BCIC.covers, None))
        head = BNode()
        Collection(g, head, covered)
        g.add((EX.macro, BCIC.covers, head))
    graph = Graph()
    graph += dehua()
    change(graph)
    files = [SubmissionFile("dehua.ttl", graph.serialize(format="turtle").encode())]
    store = open_store("oxigraph")
    info, fresh = ingest_submission(store, files, submitter="tests")
    back = read_report(store, info.cluster, info.number)
    for report in (fresh, back):
        zh = _line(report, "zh", "“涵盖”缺少“技术环境”")
        en = _line(report, "en", "lacks “technological environment”")
        assert zh.endswith("（写在列表中，即 Turtle 的 ( … )、JSON-LD 的 \"@list\"：列表本身是一个取值，"
                           "其中各项不算作取值；应去掉列表，以逗号分隔写出各取值）"), zh
        assert en.endswith("(written inside a list, ( … ) in Turtle, \"@list\" in JSON-LD: the "
                           "list is one value and its items count for none; write the values "
                           "without it, separated by commas)"), en
