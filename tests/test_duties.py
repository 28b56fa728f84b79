"""Duties of 4.2 set aside for want of a member of their role: every report says which roles are
absent and why (4.1 「成员一般包含……」), in zh and en."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import ORG, SH

from checker import body_roles
from checker.coverage import conforming_base
from checker.duties import duties_set_aside, set_aside_lines
from checker.i18n import LANGUAGES, Lang, message
from checker.namespaces import BCIC
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES, SHAPES_DIR
from checker.render import json_, render_report, text, turtle
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


DUTY_LISTS = {"4.2.1": "abcdefghi", "4.2.2": "abcdefg", "4.2.3": "abc"}
DUTIES = [f"{clause}-{x}" for clause, items in DUTY_LISTS.items() for x in items]


def _said_everywhere(report: Report) -> dict[Lang, list[str]]:
    """The verdict's lines of each language that the JSON report gives as duties not set aside,
    having checked that the text report and the Turtle report's comments say them too."""
    said: dict[Lang, list[str]] = {}
    comments = {(c.language, str(c)) for c in turtle.report_graph(report).objects(None, RDFS.comment)
                if isinstance(c, Literal)}
    for lang in LANGUAGES:
        said[lang] = json.loads(json_.render_json(report, lang))["duties_not_set_aside"]
        assert all(line in text.verdict_lines(report, lang) for line in said[lang])
        assert all((lang, line) in comments for line in said[lang])
    return said


@pytest.fixture(scope="module")
def without_body() -> Report:
    """The conformant base with no cultivation body: every statement about one removed."""
    graph = Graph()
    graph += conforming_base()
    for body in list(graph.subjects(RDF.type, BCIC.CultivationBody)):
        graph.remove((body, None, None))
    return validate_graph(graph)


def test_with_no_body_no_duty_is_set_aside_for_want_of_a_member(without_body: Report) -> None:
    """4.2's duties bind the roles of the body's members; with no body (4.1 unmet) the report
    cannot say the body lacks a member of a role (decision 9 presupposes the body): no duty is
    set aside, each is checked for its evidence, and the report says why."""
    assert without_body.outcome("4.1").status is Status.NOT_MET
    assert duties_set_aside(without_body) == ()
    assert all(without_body.outcome(d).status is Status.NOT_MET for d in DUTIES)
    said = _said_everywhere(without_body)
    assert said == {lang: [message("report.duties_no_body", lang)] for lang in LANGUAGES}
    assert "4.1" in said["en"][0] and "4.2" in said["en"][0] and "decision 9" in said["en"][0]
    assert "未声明培育本集群的培育主体（4.1）" in said["zh"][0] and "决定 9" in said["zh"][0]


@pytest.fixture(scope="module")
def misspelt_role() -> tuple[Report, str]:
    """The conformant base with its government member's role misspelt bcic:GovernmentRol; the
    member's Chinese label."""
    graph = Graph()
    graph += conforming_base()
    (membership,) = graph.subjects(ORG.role, BCIC.GovernmentRole)
    graph.set((membership, ORG.role, BCIC.GovernmentRol))
    member = graph.value(membership, ORG.member)
    label = next(str(o) for o in graph.objects(member, RDFS.label) if o.language == "zh")
    return validate_graph(graph), label


def test_a_member_in_an_undefined_role_is_not_taken_for_no_member_of_the_role(
        misspelt_role: tuple[Report, str]) -> None:
    """The member may well be the government member 4.2.1 binds: the report does not tell the
    evaluator that the body rightly has none, but names the member and the undefined role."""
    report, label = misspelt_role
    assert duties_set_aside(report) == ()
    assert not any(report.outcome(d).status is Status.NOT_APPLICABLE for d in DUTIES)
    said = _said_everywhere(report)
    assert [len(lines) for lines in said.values()] == [1, 1]
    assert label in said["zh"][0] and "bcic:GovernmentRol，本体未定义该角色" in said["zh"][0]
    assert "gives it the role bcic:GovernmentRol, which the ontology does not define" in said["en"][0]


@pytest.mark.parametrize("lang, claim", [("en", "change no status"), ("zh", "不改变任何状态")])
def test_the_unknown_terms_note_does_not_say_a_misspelt_role_changed_no_status(
        misspelt_role: tuple[Report, str], lang: Lang, claim: str) -> None:
    report, _label = misspelt_role
    rendered = text.render_text(report, lang)
    assert message("report.terms.heading", lang) in rendered and "bcic:GovernmentRol" in rendered
    assert claim not in rendered


def _government_role_replaced(role: Literal | URIRef | None) -> tuple[Report, str]:
    """The conformant base with its government member's role replaced by `role` (None: no
    role); the member's Chinese label."""
    graph = Graph()
    graph += conforming_base()
    (membership,) = graph.subjects(ORG.role, BCIC.GovernmentRole)
    graph.remove((membership, ORG.role, None))
    if role is not None:
        graph.add((membership, ORG.role, role))
    member = graph.value(membership, ORG.member)
    label = next(str(o) for o in graph.objects(member, RDFS.label) if o.language == "zh")
    return validate_graph(graph), label


@pytest.mark.parametrize("role, zh, en", [
    (Literal("政府角色", lang="zh"), "担任的角色以文本“政府角色”给出",
     "gives it its role as the text “政府角色”"),
    (None, "未写明其在培育主体中担任的角色（org:role）",
     "gives it no role (org:role)"),
    (BCIC.Enterprise, "担任的角色为 bcic:Enterprise，它是本体中的术语，但不是 4.1 所列的成员角色",
     "gives it bcic:Enterprise, which is a term of the ontology but not a member role of 4.1"),
])
def test_a_member_whose_role_is_text_missing_or_no_role_sets_no_duty_aside(
        role: Literal | URIRef | None, zh: str, en: str) -> None:
    """4.2's set-aside presupposes every member's role is known (decision 9): a role given as
    text, none, or a defined term that is not one of the five member roles of 4.1 may hide the
    government member 4.2.1 binds, as a misspelt role may; the report names the member and says
    what its role is, in every format."""
    report, label = _government_role_replaced(role)
    assert duties_set_aside(report) == ()
    assert not any(report.outcome(d).status is Status.NOT_APPLICABLE for d in DUTIES)
    said = _said_everywhere(report)
    assert [len(lines) for lines in said.values()] == [1, 1]
    assert label in said["zh"][0] and zh in said["zh"][0], said["zh"][0]
    assert en in said["en"][0], said["en"][0]
    assert "does not define" not in said["en"][0] and "本体未定义" not in said["zh"][0]


@pytest.mark.parametrize("written, zh, en", [
    ("政府", "若指“政府角色”（按拼写推测），Turtle 中写作 bcic:GovernmentRole，"
     "JSON-LD 中写作 {\"@id\": \"bcic:GovernmentRole\"}。",
     "If “government role” is meant (a guess from the spelling), write it as bcic:GovernmentRole "
     "in Turtle, {\"@id\": \"bcic:GovernmentRole\"} in JSON-LD."),
    ("bcic:GovernmentRole", "若指“政府角色”，Turtle 中写作 bcic:GovernmentRole，"
     "JSON-LD 中写作 {\"@id\": \"bcic:GovernmentRole\"}。",
     "If “government role” is meant, write it as bcic:GovernmentRole in Turtle, "
     "{\"@id\": \"bcic:GovernmentRole\"} in JSON-LD."),
], ids=["near-in-spelling", "named-exactly"])
def test_a_role_given_as_text_is_offered_the_member_role_it_means_4_1(
        written: str, zh: str, en: str) -> None:
    """4.1: org:role "政府" or "bcic:GovernmentRole" under the verdict was told to write a role
    such as bcic:IndustryEnterpriseRole, whatever the text; it is offered the role it names or is
    nearest in spelling (a guess unless named exactly), with how to write it, in every format."""
    report, _label = _government_role_replaced(Literal(written))
    said = _said_everywhere(report)
    assert said["zh"][0].endswith(zh), said["zh"][0]
    assert said["en"][0].endswith(en), said["en"][0]
    for line in (*said["zh"], *said["en"]):
        assert "IndustryEnterpriseRole" not in line, line


@pytest.mark.parametrize("written", ["企业角色", "成员", "role"])
def test_a_role_text_near_no_member_role_but_in_what_all_share_is_offered_none_4_1(
        written: str) -> None:
    """4.1: "企业角色" is as near 行业内企业角色 as 相关及支持产业的企业角色 but for the 角色 every
    member role ends in: no role is guessed, none is given as an example, in zh and en."""
    report, _label = _government_role_replaced(Literal(written))
    said = _said_everywhere(report)
    assert said["zh"][0].endswith("请写明 4.1 所列角色之一。"), said["zh"][0]
    assert said["en"][0].endswith("Give one of the roles of 4.1."), said["en"][0]
    assert "bcic:" not in said["zh"][0] + said["en"][0]
    membership = next(line for line in render_report(report, "text", "zh").split("\n")
                      if f"“角色”的取值“{written}”" in line)
    assert "按拼写推测" not in membership and "（仅为示例）" in membership, membership


def test_a_class_given_as_a_role_is_offered_the_member_role_nearest_in_spelling() -> None:
    """bcic:Enterprise is a class of the ontology, not a role: the report says so (not that the
    ontology does not define it) and offers the member role closest to it (4.1)."""
    report, _label = _government_role_replaced(BCIC.Enterprise)
    said = _said_everywhere(report)
    assert "“行业内企业角色”（bcic:IndustryEnterpriseRole）" in said["zh"][0], said["zh"][0]
    assert "“role of an enterprise of the industry” (bcic:IndustryEnterpriseRole)" in said["en"][0]


def test_the_member_roles_are_those_4_1s_membership_shape_allows() -> None:
    """body_roles.MEMBER_ROLES, the roles that let 4.2's duties be set aside, are the five that
    shp:CompleteMembership-role lists (4.1)."""
    shapes = Graph().parse(SHAPES_DIR / "common.ttl")
    (listed,) = (values for shape, values in shapes.subject_objects(SH["in"])
                 if str(shape).endswith("CompleteMembership-role"))
    assert tuple(Collection(shapes, listed)) == body_roles.MEMBER_ROLES == MEMBER_ROLES
