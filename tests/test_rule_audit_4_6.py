"""Verdicts a standards expert checked against the text of chapters 4 and 6: each test takes the
conformant sample (dehua-ceramics.ttl), changes it the way a real submission might, and asserts
the verdict the clause supports, neither stronger nor weaker than it."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV

from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Status
from checker.validation import validate_graph

EX = "https://example.org/cluster/dehua/"
BODY = URIRef(EX + "body")


def dehua() -> Graph:
    """A fresh copy of the conformant sample."""
    return Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")


def status(data: Graph, requirement_id: str) -> Status:
    return validate_graph(data).outcome(requirement_id).status


def without(local: str, prop: URIRef, value: URIRef | None = None) -> Graph:
    """The sample with one node's values of `prop` (or the one `value`) removed."""
    data = dehua()
    data.remove((URIRef(EX + local), prop, value))
    return data


def test_a_synergy_practice_carried_out_by_members_of_the_body_meets_4_3_2() -> None:
    """4.3.2 「培育主体成员需要坚持协同发展…强化各成员之间的相互协作」 binds the members: the
    association and two suppliers, members of the body, carry the practice out without the body."""
    data = without("synergy", PROV.wasAssociatedWith, BODY)
    assert (URIRef(EX + "synergy"), PROV.wasAssociatedWith, URIRef(EX + "assoc-ceramics")) in data
    assert status(data, "4.3.2") is not Status.NOT_MET


def test_a_synergy_practice_of_outsiders_alone_fails_4_3_2() -> None:
    """An organisation that is no member of the body is not one of the 「培育主体成员」."""
    data = dehua()
    synergy, outsider = URIRef(EX + "synergy"), URIRef(EX + "some-consultancy")
    data.remove((synergy, PROV.wasAssociatedWith, None))
    data.add((synergy, PROV.wasAssociatedWith, outsider))
    data.add((outsider, RDF.type, ORG.Organization))
    data.add((outsider, RDFS.label, Literal("某咨询公司", lang="zh")))
    report = validate_graph(data)
    assert report.outcome("4.3.2").status is Status.NOT_MET
    assert "培育主体或其成员" in render_report(report, "text", "zh")


def _with_foreign_lab(name: Literal) -> Graph:
    """The sample with a foreign testing institute, named `name`, as a third-party member."""
    data = dehua()
    lab, membership = URIRef(EX + "foreign-lab"), URIRef(EX + "ms-foreign-lab")
    data.add((lab, RDF.type, BCIC.ThirdPartyInstitution))
    data.add((lab, RDFS.label, name))
    data.add((membership, RDF.type, ORG.Membership))
    data.add((membership, ORG.organization, BODY))
    data.add((membership, ORG.member, lab))
    data.add((membership, ORG.role, BCIC.ThirdPartyInstitutionRole))
    return data


def test_a_member_named_only_in_english_is_identified_under_4_1() -> None:
    """4.1 「培育主体应明确其成员」 asks the body to identify its members, not to name them in
    Chinese: "SGS Hong Kong Ltd."@en is a name."""
    assert status(_with_foreign_lab(Literal("SGS Hong Kong Ltd.", lang="en")), "4.1") is Status.MET


def test_a_member_with_no_name_at_all_is_not_identified_under_4_1() -> None:
    data = _with_foreign_lab(Literal("x"))
    data.remove((URIRef(EX + "foreign-lab"), RDFS.label, None))
    report = validate_graph(data)
    assert report.outcome("4.1").status is Status.NOT_MET
    assert "lacks “name”" in render_report(report, "text", "en")
