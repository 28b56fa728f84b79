"""Duties of 4.2 set aside for want of a member of their role: every report says which roles are
absent and why (4.1 「成员一般包含……」), in zh and en."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import ORG

from checker.coverage import conforming_base
from checker.duties import duties_set_aside, set_aside_lines
from checker.i18n import LANGUAGES, Lang, message
from checker.namespaces import BCIC
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES
from checker.render import json_, text, turtle
from checker.report import Report, Status
from checker.validation import validate_graph

MEMBER_ROLES = (BCIC.GovernmentRole, BCIC.IndustryOrganisationRole, BCIC.ThirdPartyInstitutionRole,
                BCIC.IndustryEnterpriseRole, BCIC.SupportingEnterpriseRole)


@pytest.fixture(scope="module")
def without_government() -> Report:
    """The conformant base with its government member's membership removed."""
    graph = Graph()
    graph += conforming_base()
    for membership in list(graph.subjects(ORG.role, BCIC.GovernmentRole)):
        graph.remove((membership, None, None))
    return validate_graph(graph)


def test_a_complete_body_sets_no_duty_aside() -> None:
    report = validate_graph(conforming_base())
    assert duties_set_aside(report) == ()
    assert set_aside_lines(report, "zh") == []


def test_the_duties_of_an_absent_role_are_set_aside_with_the_role(without_government: Report) -> None:
    (aside,) = duties_set_aside(without_government)
    assert aside.clause == "4.2.1" and aside.roles == (BCIC.GovernmentRole,)
    assert aside.duties == tuple(f"4.2.1-{x}" for x in "abcdefghi")
    assert all(without_government.outcome(d).status is Status.NOT_APPLICABLE for d in aside.duties)


@pytest.mark.parametrize("lang, role, why, duties", [
    ("zh", "“政府角色”", "一般包含", "（4.2.1 a)、4.2.1 b)、4.2.1 c)、4.2.1 d)、4.2.1 e)、4.2.1 f)、"
                               "4.2.1 g)、4.2.1 h)、4.2.1 i)）"),
    ("en", "“government role”", "generally include", "(4.2.1 a), 4.2.1 b), 4.2.1 c), 4.2.1 d), "
                                                "4.2.1 e), 4.2.1 f), 4.2.1 g), 4.2.1 h), 4.2.1 i))")])
def test_text_and_html_reports_say_which_role_is_absent_and_why(
        without_government: Report, lang: Lang, role: str, why: str, duties: str) -> None:
    (line,) = set_aside_lines(without_government, lang)
    assert role in line and why in line and "4.1" in line
    assert duties in line and "4.2.1-" not in line  # the standard's notation, not the ids
    assert line in text.verdict_lines(without_government, lang)  # the HTML page shows these too
    assert line in text.render_text(without_government, lang)


def test_json_and_turtle_reports_carry_the_duties_set_aside(without_government: Report) -> None:
    document = json.loads(json_.render_json(without_government, "en"))
    assert [(s["clause"], s["roles"]) for s in document["duties_set_aside"]] == [
        ("4.2.1", [str(BCIC.GovernmentRole)])]
    graph = turtle.report_graph(without_government)
    comments = {(c.language, str(c)) for c in graph.objects(None, RDFS.comment)
                if isinstance(c, Literal)}
    assert comments == {(lang, line) for lang in LANGUAGES
                        for line in set_aside_lines(without_government, lang)}


@pytest.mark.parametrize("role", MEMBER_ROLES, ids=lambda r: r.removeprefix(str(BCIC)))
def test_the_role_names_are_the_ontologys_labels(role: str) -> None:
    """The report names a role as the ontology labels it, quoted."""
    ontology = load_ontology_graph(ALL_ONTOLOGY_FILES)
    for lang in LANGUAGES:
        [label] = [o for o in ontology.objects(role, RDFS.label) if o.language == lang]
        said = message(f"report.role.{role.removeprefix(str(BCIC))}", lang)
        assert said.strip("“”") == str(label)


def test_a_role_held_without_an_org_membership_sets_its_duties_aside() -> None:
    """A role counts as the shapes count a member (shp:MembershipOfTheBody, and 4.1's
    shp:MembersDeclared): through an org:Membership of the body. A node that links the body, a
    government body and the role but is typed no membership names no member."""
    graph = Graph()
    graph += conforming_base()
    for membership in list(graph.subjects(ORG.role, BCIC.GovernmentRole)):
        graph.remove((membership, RDF.type, None))
    report = validate_graph(graph)
    assert [(s.clause, s.roles) for s in duties_set_aside(report)] == [("4.2.1", (BCIC.GovernmentRole,))]
