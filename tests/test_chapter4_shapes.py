"""Chapter 4's shapes on mutated conformant clusters: who the members are (4.1), who owes a duty
(4.2) and the frame of a duty's record (dated; its evidence document titled, dated and attributed
to a member of the role), each a mutation of the smallest conformant synthetic submission."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from checker.coverage import conforming_base
from checker.labels import labels_of
from checker.namespaces import BCIC, REQ, SHP
from checker.render import render_report
from checker.report import Report, Status
from checker.rulebook import SH, load_rulebook
from checker.validation import validate_graph

OUTSIDER = URIRef("https://example.org/test#outsider")
# Spelled out: a module-level rdflib XSD namespace makes pytest's collection warn.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


@pytest.fixture(scope="module")
def base() -> Graph:
    """The conformant base; every test below starts from a copy of it."""
    graph = conforming_base()
    assert validate_graph(graph).conforms
    return graph


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    copy += graph
    return copy


def _body(graph: Graph) -> URIRef:
    body = next(graph.subjects(RDF.type, BCIC.CultivationBody))
    assert isinstance(body, URIRef)
    return body


def _sources(report: Report, rid: str) -> set[URIRef]:
    return {r.source_shape for r in report.outcome(rid).results}


def test_a_bare_organization_link_names_no_member_under_4_1(base: Graph) -> None:
    """「培育主体应明确其成员」: `ex:x org:organization ex:body` alone, with no org:Membership,
    used to count as a member."""
    graph = _copy(base)
    for membership in list(graph.subjects(RDF.type, ORG.Membership)):
        graph.remove((membership, None, None))
    graph.add((OUTSIDER, ORG.organization, _body(graph)))
    report = validate_graph(graph)
    assert report.outcome("4.1").status is Status.NOT_MET
    assert SHP.MembersDeclared in _sources(report, "4.1")


def test_a_member_without_a_name_is_not_identified_under_4_1(base: Graph) -> None:
    """docs/evidence.md, 4.1: the member organisation carries a name, in any language; its
    English name alone identifies it, no name at all does not."""
    graph = _copy(base)
    member = next(graph.objects(None, ORG.member))
    assert any(o.language == "en" for o in graph.objects(member, RDFS.label))
    for label in [o for o in graph.objects(member, RDFS.label) if o.language == "zh"]:
        graph.remove((member, RDFS.label, label))
    assert validate_graph(graph).outcome("4.1").status is Status.MET
    graph.remove((member, RDFS.label, None))
    report = validate_graph(graph)
    assert report.outcome("4.1").status is Status.NOT_MET
    assert SHP.MembershipHasMember in _sources(report, "4.1")


def test_the_4_1_messages_speak_the_standards_words() -> None:
    """No RDF term (「未见任何 org:Membership」) in what an evaluator reads under 4.1."""
    rulebook = load_rulebook()
    messages = [str(m) for shape, rid in rulebook.shape_requirements.items() if rid == "4.1"
                for m in rulebook.shapes_graph.objects(shape, SH.message)]
    assert len(messages) == 8
    assert [m for m in messages if re.search(r"\b[a-z]+:[A-Za-z]", m)] == []


# One duty per list of 4.2, the class of an outsider that could do it, and a role it does not bind.
DUTIES = [
    ("4.2.1-a", BCIC.GovernmentBody, BCIC.IndustryEnterpriseRole),
    ("4.2.2-a", BCIC.IndustryOrganisation, BCIC.GovernmentRole),
    ("4.2.3-a", BCIC.IndustryEnterprise, BCIC.ThirdPartyInstitutionRole),
]


def _fulfilment(graph: Graph, duty: str) -> URIRef:
    fulfilment = graph.value(None, BCIC.fulfilsDuty, REQ[duty])
    assert isinstance(fulfilment, URIRef)
    return fulfilment


def _associate_only(graph: Graph, fulfilment: URIRef, agent: URIRef) -> None:
    """Let `agent` (and the body) alone be associated with the fulfilment."""
    body = _body(graph)
    for old in list(graph.objects(fulfilment, PROV.wasAssociatedWith)):
        if old != body:
            graph.remove((fulfilment, PROV.wasAssociatedWith, old))
    graph.add((fulfilment, PROV.wasAssociatedWith, agent))


@pytest.mark.parametrize("duty, cls, _other", DUTIES, ids=[d[0] for d in DUTIES])
def test_a_duty_done_by_an_organisation_outside_the_body_is_not_fulfilled(
        base: Graph, duty: str, cls: URIRef, _other: URIRef) -> None:
    """4.2: the duty binds a member of the cultivation body; an organisation of the right kind
    that is no member does not fulfil it."""
    graph = _copy(base)
    graph.add((OUTSIDER, RDF.type, cls))
    graph.add((OUTSIDER, RDFS.label, Literal("局外机构", lang="zh")))
    _associate_only(graph, _fulfilment(graph, duty), OUTSIDER)
    assert validate_graph(graph).outcome(duty).status is Status.NOT_MET


# The role each duty of DUTIES binds (the lead-in's actor).
BOUND_ROLES = {"4.2.1-a": BCIC.GovernmentRole, "4.2.2-a": BCIC.IndustryOrganisationRole,
               "4.2.3-a": BCIC.IndustryEnterpriseRole}


@pytest.mark.parametrize("duty, cls, _other", DUTIES, ids=[d[0] for d in DUTIES])
def test_a_duty_done_by_a_member_of_another_cultivation_body_is_not_fulfilled(
        base: Graph, duty: str, cls: URIRef, _other: URIRef) -> None:
    """4.1 「培育主体应明确其成员」 and 4.2 bind the members of the body that cultivates this
    cluster: a membership, in the role the duty binds, of a body that cultivates nothing here
    (another cluster's) makes no member of it. The duty still applies: the body has members in
    that role."""
    graph = _copy(base)
    other_body = URIRef(f"{OUTSIDER}-body")
    graph.add((other_body, RDF.type, BCIC.CultivationBody))
    graph.add((OUTSIDER, RDF.type, cls))
    graph.add((OUTSIDER, RDFS.label, Literal("另一集群的成员", lang="zh")))
    membership = URIRef(f"{OUTSIDER}-membership")
    for p, o in ((RDF.type, ORG.Membership), (ORG.organization, other_body),
                 (ORG.member, OUTSIDER), (ORG.role, BOUND_ROLES[duty])):
        graph.add((membership, p, o))
    record = _fulfilment(graph, duty)
    _associate_only(graph, record, OUTSIDER)
    document = graph.value(record, PROV.generated)
    graph.remove((document, PROV.wasAttributedTo, None))
    graph.add((document, PROV.wasAttributedTo, OUTSIDER))
    report = validate_graph(graph)
    assert report.outcome(duty).status is Status.NOT_MET
    assert _sources(report, duty) == {SHP[f"DutyFulfilled-{duty}"]}


@pytest.mark.parametrize("duty, cls, other", DUTIES, ids=[d[0] for d in DUTIES])
def test_a_duty_done_by_a_member_in_another_role_is_not_fulfilled(
        base: Graph, duty: str, cls: URIRef, other: URIRef) -> None:
    """4.2: the member's role in the body decides whose duty it is, as it decides whether the
    duty applies (checker/report.py); an organisation of the right class in another role does
    not fulfil it."""
    graph = _copy(base)
    graph.add((OUTSIDER, RDF.type, cls))
    graph.add((OUTSIDER, RDFS.label, Literal("另一成员", lang="zh")))
    membership = URIRef(f"{OUTSIDER}-membership")
    graph.add((membership, RDF.type, ORG.Membership))
    graph.add((membership, ORG.organization, _body(graph)))
    graph.add((membership, ORG.member, OUTSIDER))
    graph.add((membership, ORG.role, other))
    _associate_only(graph, _fulfilment(graph, duty), OUTSIDER)
    report = validate_graph(graph)
    assert report.outcome(duty).status is Status.NOT_MET
    assert report.outcome(duty.rsplit("-", 1)[0]).status is Status.NOT_MET


def test_a_4_2_2_duty_may_be_done_by_another_third_party_institution(base: Graph) -> None:
    """4.2.2 binds 行业组织及其他第三方机构: a member in the third-party-institution role counts."""
    graph = _copy(base)
    membership = graph.value(None, ORG.role, BCIC.ThirdPartyInstitutionRole)
    member = graph.value(membership, ORG.member)
    assert isinstance(member, URIRef)
    _associate_only(graph, _fulfilment(graph, "4.2.2-a"), member)
    assert validate_graph(graph).outcome("4.2.2-a").status is Status.MANUAL_REVIEW


# 4.2's frame (docs/evidence.md, 4.2.1 a)–i)): what one record of a duty may lack, and what the text
# report then says of the record or of its evidence document, in zh and en.
def _undated(graph: Graph, record: URIRef, _document: URIRef) -> None:
    graph.remove((record, DCTERMS.date, None))


def _dated_by_year(graph: Graph, record: URIRef, _document: URIRef) -> None:
    graph.remove((record, DCTERMS.date, None))
    graph.add((record, DCTERMS.date, Literal("2021年")))


def _dated_on_no_day(graph: Graph, record: URIRef, _document: URIRef) -> None:
    graph.remove((record, DCTERMS.date, None))
    graph.add((record, DCTERMS.date, Literal("2021-02-30", datatype=XSD_DATE)))


def _untitled(graph: Graph, _record: URIRef, document: URIRef) -> None:
    graph.remove((document, DCTERMS.title, None))


def _document_dated_by_year(graph: Graph, _record: URIRef, document: URIRef) -> None:
    graph.remove((document, DCTERMS.date, None))
    graph.add((document, DCTERMS.date, Literal("2021年")))


def _attributed_to_the_body_only(graph: Graph, _record: URIRef, document: URIRef) -> None:
    graph.remove((document, PROV.wasAttributedTo, None))
    graph.add((document, PROV.wasAttributedTo, _body(graph)))


def _attributed_to_another_role(graph: Graph, record: URIRef, document: URIRef) -> None:
    """The body and a member whose role the duty's list does not bind (4.2: who owes the duty)."""
    _attributed_to_the_body_only(graph, record, document)
    duty = str(graph.value(record, BCIC.fulfilsDuty)).rsplit("/", 1)[-1]
    other = next(role for d, _cls, role in DUTIES if d == duty)
    graph.add((document, PROV.wasAttributedTo, graph.value(graph.value(None, ORG.role, other), ORG.member)))


# How a record's frame is broken → what the report says it lacks (zh, en), the document named too.
FRAME_BREAKS = {
    "undated-activity": (_undated, "：缺少“日期”", ": lacks “date”", False),
    "activity-dated-2021年": (_dated_by_year, "“日期”的取值“2021年”（给出的是文本）不是年-月-日形式的日期",
                             "its “date” “2021年” (given as text) is not a year-month-day date",
                             False),
    "activity-dated-2021-02-30": (
        _dated_on_no_day, "“日期”的取值“2021-02-30”不是有效的日期，应写为年-月-日形式的日期",
        "its “date” “2021-02-30” is not valid as a date: write a year-month-day date", False),
    "untitled-document": (_untitled, "缺少“标题”", "lacks “title”", True),
    "document-dated-2021年": (_document_dated_by_year, "“日期”的取值“2021年”（给出的是文本）不是年-月-日形式的日期",
                             "its “date” “2021年” (given as text) is not a year-month-day date",
                             True),
    "document-attributed-to-the-body-only": (
        _attributed_to_the_body_only, "“归属方”为“桃源家具产业集群品牌培育主体”；没有“成员关系”以“成员”指向它",
        "; no “membership” refers to it through “member”", True),
    "document-attributed-to-a-member-in-another-role": (
        _attributed_to_another_role, "“角色”的取值“", "its “role” “", True),
}


def _broken(base: Graph, duty: str, how: str) -> tuple[Graph, URIRef, URIRef]:
    """The base with the record of `duty` broken as `how` says, and the record and its document."""
    graph = _copy(base)
    record = _fulfilment(graph, duty)
    document = graph.value(record, PROV.generated)
    assert isinstance(document, URIRef)
    FRAME_BREAKS[how][0](graph, record, document)
    return graph, record, document


def _finding_block(report: Report, duty: str, lang: str) -> str:
    """The lines of the text report under the duty's row, up to its hint."""
    shown = render_report(report, "text", lang)  # type: ignore[arg-type]
    notation = f"{duty[:-2]} {duty[-1]})"
    start = shown.index(f"✘ {notation} ")
    return shown[start:shown.index("→", start)]


@pytest.mark.parametrize("how", FRAME_BREAKS)
@pytest.mark.parametrize("duty", [d for d, _cls, _role in DUTIES])
def test_a_duty_record_lacking_its_frame_does_not_fulfil_the_duty_and_the_report_says_what_it_lacks(
        base: Graph, duty: str, how: str) -> None:
    """4.2 (docs/evidence.md): a record counts for its duty only when it is dated (a well-formed
    xsd:date) and its evidence document is titled, dated and attributed to a member in a role the
    list binds; the finding names the closest record, its document where that is what lacks, and
    the property lacking, in zh and en."""
    graph, record, document = _broken(base, duty, how)
    report = validate_graph(graph)
    assert report.outcome(duty).status is Status.NOT_MET
    assert report.outcome(duty[:-2]).status is Status.NOT_MET
    assert _sources(report, duty) == {SHP[f"DutyFulfilled-{duty}"]}
    _mutate, zh, en, of_document = FRAME_BREAKS[how]
    for lang, lack in (("zh", zh), ("en", en)):
        block = _finding_block(report, duty, lang)
        assert str(record).rsplit("/", 1)[-1] in block, block
        assert lack in block, block
        # No datatype's or path's notation in the words; a date of another kind is then told
        # how to write one, where Turtle and JSON-LD name the datatype.
        words = re.sub(r"(: write (it|one) with its datatype|：应写明数据类型)[^\n]*", "", block)
        assert "xsd:" not in words and "›" not in words, block
        label = labels_of(graph, document).get(lang)  # a value is named by its label alone
        named = str(document).rsplit("/", 1)[-1] in block or bool(label and label in block)
        assert named is of_document, block


@pytest.mark.parametrize("how", FRAME_BREAKS)
def test_one_complete_record_beside_a_broken_one_fulfils_the_duty(base: Graph, how: str) -> None:
    """4.2 asks that the duty be fulfilled: one record with its whole frame meets it, whatever
    another record of the same duty lacks."""
    graph, record, document = _broken(base, "4.2.1-a", how)
    assert validate_graph(graph).outcome("4.2.1-a").status is Status.NOT_MET
    complete_record, complete_document = URIRef(f"{record}-again"), URIRef(f"{document}-again")
    for old, new in ((record, complete_record), (document, complete_document)):
        for p, o in base.predicate_objects(old):
            graph.add((new, p, complete_document if o == document else o))
    assert validate_graph(graph).outcome("4.2.1-a").status is Status.MANUAL_REVIEW


def test_a_duty_message_says_what_a_record_must_have_in_plain_words() -> None:
    """The finding names the lacking property beside the message: the message (zh and en) says
    what a record that counts has — a date, an evidence document with a title and a date,
    attributed to whom the duty binds, a member of the body that cultivates this cluster — in
    words, as shapes/provenance.ttl's messages do."""
    rulebook = load_rulebook()
    duties = [s for s, rid in rulebook.shape_requirements.items()
              if rulebook.requirements[rid].parent in ("4.2.1", "4.2.2", "4.2.3")
              and str(s).rsplit("/", 1)[-1].startswith("DutyFulfilled-")]  # not 4.2.1 i)'s period
    assert len(duties) == 19
    for shape in duties:
        said = {m.language: str(m) for m in rulebook.shapes_graph.objects(shape, SH.message)}
        assert all(w in said["zh"] for w in ("注明日期", "标题", "归属于", "年-月-日",
                                             "培育本集群的培育主体中")), said["zh"]
        assert all(w in said["en"] for w in ("dated", "titled", "attributed to", "year-month-day",
                                             "a member of the cultivation body that cultivates this cluster"))
        assert not [m for m in said.values() if re.search(r"\b[a-z]+:[A-Za-z]", m)]
