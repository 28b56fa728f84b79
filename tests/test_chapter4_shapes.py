"""Chapter 4's shapes on mutated conformant clusters: who the members are (4.1) and who owes a
duty (4.2), each a mutation of the smallest conformant synthetic submission."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV

from checker.coverage import conforming_base
from checker.namespaces import BCIC, REQ, SHP
from checker.report import Report, Status
from checker.rulebook import SH, load_rulebook
from checker.validation import validate_graph

OUTSIDER = URIRef("https://example.org/test#outsider")


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


def test_a_member_without_a_chinese_name_is_not_identified_under_4_1(base: Graph) -> None:
    """docs/evidence.md, 4.1: the member organisation carries a zh label."""
    graph = _copy(base)
    member = next(graph.objects(None, ORG.member))
    for label in [o for o in graph.objects(member, RDFS.label) if o.language == "zh"]:
        graph.remove((member, RDFS.label, label))
    report = validate_graph(graph)
    assert report.outcome("4.1").status is Status.NOT_MET
    assert SHP.MembershipHasMember in _sources(report, "4.1")


def test_the_4_1_messages_speak_the_standards_words() -> None:
    """No RDF term (「未见任何 org:Membership」) in what an evaluator reads under 4.1."""
    rulebook = load_rulebook()
    messages = [str(m) for shape, rid in rulebook.shape_requirements.items() if rid == "4.1"
                for m in rulebook.shapes_graph.objects(shape, SH.message)]
    assert len(messages) == 6
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
