"""Only members of the body that cultivates the assessed cluster count (4.1 「培育主体应明确其成员」):
for whether a duty of 4.2 applies, for who fulfils it, for who sets up 7.4.4's quality resources
and 7.2.2.2's dedicated agency; and only that body is asked for its members (4.1). Each case is a
change of a few lines to examples/dehua-ceramics.ttl (conformant): a second cultivation body, one
that cultivates nothing here, is not asked for members, and its memberships make no member of this
cluster's body."""

from __future__ import annotations

import json
from functools import cache

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV

from checker.duties import duties_set_aside, set_aside_lines
from checker.namespaces import BASE_IRI, BCIC, SHP
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report, Status
from checker.rulebook import SH, load_rulebook
from checker.validation import validate_graph

EX = Namespace("https://example.org/cluster/dehua/")
DUTY_LISTS = {"4.2.1": "abcdefghi", "4.2.2": "abcdefg", "4.2.3": "abc"}


@cache
def dehua() -> Graph:
    """examples/dehua-ceramics.ttl, parsed once; every case changes a copy."""
    graph = Graph()
    graph.parse(EXAMPLES_DIR / "dehua-ceramics.ttl", format="turtle", publicID=BASE_IRI)
    return graph


def _copy() -> Graph:
    graph = Graph()
    graph += dehua()
    return graph


def _other_body(graph: Graph, body: URIRef, label: str) -> URIRef:
    """Declare `body`, a second cultivation body that cultivates no cluster."""
    graph.add((body, RDF.type, BCIC.CultivationBody))
    graph.add((body, RDFS.label, Literal(label, lang="zh")))
    return body


def _move_memberships(graph: Graph, to: URIRef, role: URIRef | None = None) -> None:
    """Make the memberships of ex:body (those in `role`, or all) memberships of `to`."""
    for membership in list(graph.subjects(ORG.organization, EX.body)):
        if role is None or (membership, ORG.role, role) in graph:
            graph.set((membership, ORG.organization, to))


def _membership(graph: Graph, membership: URIRef, body: URIRef, member: URIRef,
                role: URIRef | None) -> None:
    """Add `membership` of `member` in `body`, in `role` (None: the membership names no role)."""
    graph.add((membership, RDF.type, ORG.Membership))
    graph.add((membership, ORG.organization, body))
    graph.add((membership, ORG.member, member))
    if role is not None:
        graph.add((membership, ORG.role, role))


def _duties(clause: str) -> list[str]:
    return [f"{clause}-{letter}" for letter in DUTY_LISTS[clause]]


def test_the_sample_counts_its_members_before_any_change() -> None:
    report = validate_graph(dehua(), processes=1)
    assert report.conforms and duties_set_aside(report) == ()
    assert report.outcome("7.4.4").status is Status.MANUAL_REVIEW  # met by the data; judged (review.ttl)


@pytest.fixture(scope="module")
def government_in_another_body() -> Report:
    """Repro A: the three government memberships name 德化县其他工作委员会, which cultivates nothing."""
    graph = _copy()
    _move_memberships(graph, _other_body(graph, EX["county-committee"], "德化县其他工作委员会"),
                      BCIC.GovernmentRole)
    return validate_graph(graph, processes=1)


def test_government_members_of_another_body_set_4_2_1_aside(government_in_another_body: Report) -> None:
    """4.2.1 「政府在产业集群品牌建设中应履行的职责包括」 binds government members of this cluster's
    body: it has none, so the nine duties do not apply, and the report says so."""
    report = government_in_another_body
    assert [(s.clause, s.roles) for s in duties_set_aside(report)] == [("4.2.1", (BCIC.GovernmentRole,))]
    for rid in ("4.2.1", *_duties("4.2.1")):
        assert report.outcome(rid).status is Status.NOT_APPLICABLE, rid
    assert report.outcome("4.2.2").status is Status.MANUAL_REVIEW  # its members are the body's
    (zh,) = set_aside_lines(report, "zh")
    (en,) = set_aside_lines(report, "en")
    assert zh.startswith("培育本集群的培育主体没有担任“政府角色”的成员")
    assert en.startswith("No member of the cultivation body that cultivates this cluster holds the “government role”")


def test_a_platform_set_up_through_another_bodys_government_member_fails_7_4_4(
        government_in_another_body: Report) -> None:
    """7.4.4 「通过政府和行业协会……建立产业集群内的质量监控平台」: the platform is attributed to the
    body and to 德化县市场监督管理局, now a member of another body only; the testing centre also
    names an association of this cluster's body, so it still counts."""
    outcome = government_in_another_body.outcome("7.4.4")
    assert outcome.status is Status.NOT_MET
    # Some platform must be set up through such a member: the class is the focus, the record
    # the finding names below it.
    assert {(r.source_shape, r.focus_node) for r in outcome.results} == {
        (SHP.QualityPlatformThroughMember, BCIC.QualityMonitoringPlatform)}
    shown = render_report(government_in_another_body, "text", "en")
    assert "a member of the cultivation body that cultivates this cluster" in shown
    # 德化县市场监督管理局 has a membership: what is wrong with it is said, not that it has none.
    assert ("Dehua County Administration for Market Regulation (…/gov-market): “…/ms-gov-market” "
            "refers to it through “member”, but its “member of” “德化县其他工作委员会” lacks "
            "“cultivated cluster”") in shown
    assert "no “membership” refers to it" not in shown
    # The platform's line says what its 归属方 should be, not that it should be a membership.
    assert ("has no “attributed to” that is a “member of this cluster's cultivation body in the "
            "government or industry organisation role”") in shown
    assert "that is a “membership”" not in shown
    assert "缺少属于“培育本集群的培育主体中担任政府或行业组织角色的成员”的“归属方”" in render_report(
        government_in_another_body, "text", "zh")


def _quality_project_led_by_the_testing_centre() -> Graph:
    """The quality project associated with the body and 德化县陶瓷产品质量检验检测中心, a member of the
    body in the third-party role, instead of the association (7.4.2 「由产业集群内的行业协会牵头」)."""
    graph = _copy()
    graph.remove((EX["quality-project"], PROV.wasAssociatedWith, EX["assoc-ceramics"]))
    graph.add((EX["quality-project"], PROV.wasAssociatedWith, EX["lab-testing"]))
    return graph


def test_a_quality_project_led_by_a_member_in_another_role_names_that_membership_and_role() -> None:
    """7.4.2's finding names the member the project is associated with, its membership and the role
    that is not the industry organisation's, in one line; the cultivation body, which the frame
    asks for beside the member, is no near miss, and no line says that a membership is missing."""
    report = validate_graph(_quality_project_led_by_the_testing_centre(), processes=1)
    assert report.outcome("7.4.2").status is Status.NOT_MET
    en, zh = (render_report(report, "text", lang) for lang in ("en", "zh"))
    block = en[en.index("✘ 7.4.2"):en.index("→", en.index("✘ 7.4.2"))]
    assert ("(…/lab-testing): “…/ms-lab-testing” refers to it through “member”, but its “role” "
            "“other third-party institution role” is not “industry organisation role”, the one value "
            "allowed") in block
    assert "(…/body)" not in block and "no “membership”" not in block
    block = zh[zh.index("✘ 7.4.2"):zh.index("→", zh.index("✘ 7.4.2"))]
    assert ("（…/lab-testing）：“…/ms-lab-testing”以“成员”指向它，但其“角色”的取值“其他第三方机构角色”"
            "不是唯一允许的取值“行业组织角色”") in block
    assert "（…/body）" not in block and "没有“成员关系”" not in block
    (finding,) = next(r for r in json.loads(render_report(report, "json", "en"))["requirements"]
                      if r["id"] == "7.4.2")["findings"]
    (project,) = finding["nodes"]
    (lack,) = project["lacks"]
    assert [c["node"] for c in lack["closest"]] == [str(EX["lab-testing"])]
    assert lack["closest"][0]["lacks"][0]["text"].startswith("“…/ms-lab-testing” refers to it")


def test_a_member_with_two_memberships_in_other_roles_is_said_to_have_none_as_asked() -> None:
    """Two memberships of the member, neither in the role asked: the line says that none of them
    meets the requirement (not that none refers to it), and each is named under it with its role."""
    graph = _quality_project_led_by_the_testing_centre()
    _membership(graph, EX["ms-lab-testing-2"], EX.body, EX["lab-testing"], BCIC.IndustryEnterpriseRole)
    report = validate_graph(graph, processes=1)
    en, zh = (render_report(report, "text", lang) for lang in ("en", "zh"))
    assert "– no “membership” referring to it through “member” meets the requirement" in en
    assert ("…/ms-lab-testing-2: its “role” “role of an enterprise of the industry” is not "
            "“industry organisation role”, the one value allowed") in en
    assert "– 以“成员”指向它的“成员关系”均不符合要求" in zh


def test_a_duty_done_by_a_member_in_another_role_says_no_membership_as_asked_refers_to_it() -> None:
    """4.2.1 a) done by 德化县陶瓷行业协会, a member in the industry-organisation role: its membership
    exists, so the line says none meeting the requirement refers to the member (not that none
    does), and names that membership and its role under it."""
    graph = _copy()
    graph.remove((EX["fulfil-4.2.1-a"], PROV.wasAssociatedWith, EX["gov-market"]))
    graph.add((EX["fulfil-4.2.1-a"], PROV.wasAssociatedWith, EX["assoc-ceramics"]))
    report = validate_graph(graph, processes=1)
    en, zh = (render_report(report, "text", lang) for lang in ("en", "zh"))
    assert ("– has no “associated with” that a “membership” meeting the requirement refers to "
            "through “member”\n") in en
    assert ("…/ms-assoc-ceramics:\n                – its “role” “industry organisation role” is not "
            "“government role”, the one value allowed\n                – its “member” “Dehua Ceramics Industry "
            "Association” is a third-party institution, which this role does not take\n") in en
    assert "– 没有“相关责任方”由符合要求的“成员关系”以“成员”指向\n" in zh


def test_a_body_whose_memberships_all_name_another_body_has_no_member_and_no_duty() -> None:
    """Repro B: every membership names ex:body2. 4.1 says the body lists no member, and the report
    agrees with itself: no duty of 4.2 applies, and 7.4.4 has no member to be set up through."""
    graph = _copy()
    _move_memberships(graph, _other_body(graph, EX.body2, "另一个培育主体（不培育本集群）"))
    report = validate_graph(graph, processes=1)
    assert report.outcome("4.1").status is Status.NOT_MET
    assert {r.focus_node for r in report.outcome("4.1").results if r.source_shape == SHP.MembersDeclared} == {
        EX.body}
    assert [s.clause for s in duties_set_aside(report)] == ["4.2.1", "4.2.2", "4.2.3"]
    for clause in DUTY_LISTS:
        for rid in (clause, *_duties(clause)):
            assert report.outcome(rid).status is Status.NOT_APPLICABLE, rid
    assert report.outcome("7.4.4").status is Status.NOT_MET


def test_a_duty_done_by_a_member_of_another_clusters_body_is_not_fulfilled() -> None:
    """Repro C: 4.2.1 a) done, and its document attributed, by 景德镇市人民政府, a government member
    of 景德镇's body, not of this cluster's: the duty is not met, the others stay as they were."""
    graph = _copy()
    jdz_body = _other_body(graph, EX["jdz-body"], "景德镇培育主体")
    jdz_gov = EX["jdz-gov"]
    graph.add((jdz_gov, RDF.type, BCIC.GovernmentBody))
    graph.add((jdz_gov, RDFS.label, Literal("景德镇市人民政府", lang="zh")))
    for p, o in ((RDF.type, ORG.Membership), (ORG.organization, jdz_body), (ORG.member, jdz_gov),
                 (ORG.role, BCIC.GovernmentRole)):
        graph.add((EX["jdz-ms"], p, o))
    for node, link in ((EX["fulfil-4.2.1-a"], PROV.wasAssociatedWith),
                       (EX["evd-4.2.1-a"], PROV.wasAttributedTo)):
        graph.remove((node, link, EX["gov-market"]))
        graph.add((node, link, jdz_gov))
    report = validate_graph(graph, processes=1)
    assert report.outcome("4.2.1-a").status is Status.NOT_MET
    assert report.outcome("4.2.1").status is Status.NOT_MET
    assert {report.outcome(rid).status for rid in _duties("4.2.1")[1:]} == {Status.MANUAL_REVIEW}
    assert [o.requirement.id for o in report.with_status(Status.NOT_MET)] == ["4.2.1", "4.2.1-a"]
    shown = render_report(report, "text", "zh")
    assert "活动应由培育本集群的培育主体中担任政府角色的成员开展" in shown


def test_the_7_4_4_messages_say_the_member_is_of_the_body_that_cultivates_this_cluster() -> None:
    """Where a 7.4.4 message speaks of a member, it says whose (the duties' messages of 4.2 do too:
    tests/test_chapter4_shapes.py)."""
    rulebook = load_rulebook()
    for shape in (SHP.SharedTestingCentreThroughMember, SHP.QualityPlatformThroughMember):
        said = {m.language: str(m) for m in rulebook.shapes_graph.objects(shape, SH.message)}
        assert "培育本集群的培育主体中" in said["zh"], said["zh"]
        assert "a member of the cultivation body that cultivates this cluster" in said["en"], said["en"]


def test_a_second_body_that_cultivates_nothing_is_not_asked_for_members() -> None:
    """4.1 「培育主体应明确其成员」 binds the body that cultivates this cluster: a benchmark's body the
    submission mentions (景德镇's, no members listed) does not make 4.1 fail."""
    graph = _copy()
    _other_body(graph, EX["jdz-body"], "景德镇陶瓷产业集群品牌培育工作小组")
    report = validate_graph(graph, processes=1)
    assert report.outcome("4.1").status is Status.MET
    assert report.conforms


def test_an_incomplete_membership_of_another_body_is_not_this_bodys_and_not_checked() -> None:
    """A membership of 景德镇's body naming no role is not one of this body's members: 4.1 does not
    ask it to be complete, and it gives this body no member (its roles stay as they were)."""
    graph = _copy()
    jdz_body = _other_body(graph, EX["jdz-body"], "景德镇陶瓷产业集群品牌培育工作小组")
    graph.add((EX["jdz-gov"], RDF.type, BCIC.GovernmentBody))
    graph.add((EX["jdz-gov"], RDFS.label, Literal("景德镇市人民政府", lang="zh")))
    _membership(graph, EX["jdz-ms"], jdz_body, EX["jdz-gov"], None)
    report = validate_graph(graph, processes=1)
    assert report.outcome("4.1").status is Status.MET
    assert report.conforms and duties_set_aside(report) == ()


def test_a_membership_of_this_body_lacking_a_role_still_fails_4_1_beside_another_body() -> None:
    """The guard leaves this body's memberships checked: with 景德镇's body declared, a membership
    of this cluster's body that names no role is incomplete, and one that names an association
    instead of a cultivation body names no body, both under 4.1."""
    graph = _copy()
    _other_body(graph, EX["jdz-body"], "景德镇陶瓷产业集群品牌培育工作小组")
    graph.remove((EX["ms-college"], ORG.role, None))
    graph.set((EX["ms-sup-pack"], ORG.organization, EX["assoc-ceramics"]))
    report = validate_graph(graph, processes=1)
    outcome = report.outcome("4.1")
    assert outcome.status is Status.NOT_MET
    assert {(r.source_shape, r.focus_node) for r in outcome.results} == {
        (SHP.MembershipHasMember, EX.body), (SHP.MembershipNamesItsBody, EX["ms-sup-pack"])}
    shown = render_report(report, "text", "zh")
    assert "以“所属组织”指向它的“…/ms-college”不完整" in shown
    assert "“所属组织”的取值“德化县陶瓷行业协会”不是“培育主体”" in shown
    assert "“…/ms-college”, which refers to it through “member of”, is incomplete" in render_report(
        report, "text", "en")


def test_the_only_body_cultivating_nothing_is_said_once_under_4_1() -> None:
    """When the submission's one body names no cluster it cultivates, 4.1 says that (no body is
    declared), not also that the body lists no member or that its memberships are incomplete."""
    graph = _copy()
    graph.remove((EX.body, BCIC.cultivates, None))
    for membership in list(graph.subjects(ORG.organization, EX.body))[:2]:
        graph.remove((membership, ORG.role, None))
    outcome = validate_graph(graph, processes=1).outcome("4.1")
    assert {r.source_shape for r in outcome.results} == {SHP.CultivationBodyDeclared}


@pytest.mark.parametrize("unit", [False, True], ids=["member", "unit"])
def test_a_dedicated_agency_of_another_body_is_not_this_bodys(unit: bool) -> None:
    """7.2.2.2 「培育主体应……成立专门机构」: the brand office, no longer a unit of this cluster's body,
    is a member (or a unit) of 景德镇's body, which cultivates nothing here: the body has set up no
    agency of its own."""
    graph = _copy()
    jdz_body = _other_body(graph, EX["jdz-body"], "景德镇陶瓷产业集群品牌培育工作小组")
    graph.remove((EX.body, ORG.hasUnit, EX["brand-office"]))
    if unit:
        graph.add((jdz_body, ORG.hasUnit, EX["brand-office"]))
    else:
        _membership(graph, EX["jdz-ms-office"], jdz_body, EX["brand-office"],
                    BCIC.ThirdPartyInstitutionRole)
    report = validate_graph(graph, processes=1)
    outcome = report.outcome("7.2.2.2")
    assert outcome.status is Status.NOT_MET
    assert {(r.source_shape, r.focus_node) for r in outcome.results} == {
        (SHP.DedicatedAgencyOfBody, EX["brand-office"])}
    assert [o.requirement.id for o in report.with_status(Status.NOT_MET)] == ["7.2.2.2"]
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert "专门机构不属于培育本集群的培育主体" in zh
    # 景德镇's body is a cultivation body: what it lacks is said, not that there is none.
    assert ("– no “cultivation body” referring to it through “has unit” meets the requirement; no "
            "record referring to it through “member” has “member of” that is a “cultivation body” "
            "meeting the requirement (any one of these would do)\n") in en
    assert "景德镇陶瓷产业集群品牌培育工作小组 (…/jdz-body): lacks “cultivated cluster”" in en
    assert ("– 以“下设单位”指向它的“培育主体”均不符合要求；没有以“成员”指向它、且“所属组织”属于符合要求的"
            "“培育主体”的记录（满足其中之一即可）\n") in zh


def test_a_dedicated_agency_of_no_body_is_said_to_be_neither_a_unit_nor_a_member() -> None:
    """7.2.2.2's shape takes either way (a unit of the body, or a member of it): the finding says
    each way on its own, as the hint does, in whole sentences in zh and en (not the two run
    together into one path), and the JSON names the path as the two ways."""
    graph = _copy()
    graph.remove((EX.body, ORG.hasUnit, EX["brand-office"]))
    report = validate_graph(graph, processes=1)
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert ("Dehua ceramics regional brand office (…/brand-office): no “cultivation body” refers to "
            "it through “has unit”; no record referring to it through “member” has “member of” that "
            "is a “cultivation body” (any one of these would do)\n") in en
    assert ("德化陶瓷区域品牌建设办公室（…/brand-office）：没有“培育主体”以“下设单位”指向它；没有以“成员”"
            "指向它、且“所属组织”属于“培育主体”的记录（满足其中之一即可）\n") in zh
    (finding,) = next(r for r in json.loads(render_report(report, "json", "zh"))["requirements"]
                      if r["id"] == "7.2.2.2")["findings"]
    (lack,) = finding["nodes"][0]["lacks"]
    assert lack["text"].startswith("没有“培育主体”以“下设单位”指向它；")
    assert lack["property"] == "由一项记录以“下设单位”指向它或由一项记录以“成员”指向它，该记录的“所属组织”"


def test_a_dedicated_agency_that_is_a_member_of_this_body_is_its_own() -> None:
    """The other way 7.2.2.2 accepts: the office is a member of this cluster's body, not a unit (no
    gap; 「行之有效」 is the evaluator's)."""
    graph = _copy()
    graph.remove((EX.body, ORG.hasUnit, EX["brand-office"]))
    _membership(graph, EX["ms-office"], EX.body, EX["brand-office"], BCIC.ThirdPartyInstitutionRole)
    assert validate_graph(graph, processes=1).outcome("7.2.2.2").status is Status.MANUAL_REVIEW


@pytest.mark.parametrize("shape", ["MembersDeclared", "MembershipHasMember", "DedicatedAgencyOfBody"])
def test_the_4_1_and_7_2_2_2_messages_say_the_body_is_the_one_that_cultivates_this_cluster(
        shape: str) -> None:
    """Where a message of 4.1 or 7.2.2.2 speaks of the body, it says which."""
    said = {m.language: str(m) for m in load_rulebook().shapes_graph.objects(SHP[shape], SH.message)}
    assert "培育本集群的培育主体" in said["zh"], said["zh"]
    assert "the cultivation body that cultivates this cluster" in said["en"].lower(), said["en"]
