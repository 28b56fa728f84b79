"""Verdicts a standards expert checked against chapters 7 and 8: the conformant sample
(dehua-ceramics.ttl) changed in one way, written in Turtle, and the verdict the clause supports,
neither stronger nor weaker than it: a superseded record kept on record, a one-off act beside the
periodic one, a record no one (or an outsider) answers for, a positioning not in force."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib.namespace import PROV

from checker.cli import main
from checker.namespaces import BCIC
from checker.report import Report, Status
from checker.rulebook_document import load_rulebook_document

from tests.dehua_variants import text_block
from tests.test_rule_audit_6_9_records import changed, shown

# 8.3.4 「培育主体应建立有效的品牌危机管理机制」: the only mechanism, marked superseded.
CRISIS_SUPERSEDED = 'ex:crisis-mechanism prov:invalidatedAtTime "2023-12-31T00:00:00Z"^^xsd:dateTime .'

# Records replaced and kept on record beside those in force, each lacking what its class is asked
# (a mechanism without its three parts, a fund of no kind, a logo with no content, a registration
# with no number): history, which asks nothing of chapters 7 and 8.
KEPT_ON_RECORD = """
    ex:crisis-mechanism-2018 a bcic:CrisisManagementMechanism ;
        dcterms:title "德化陶瓷集群品牌危机应对暂行办法（2018年，已废止）"@zh ;
        dcterms:date "2018-04-01"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        prov:invalidatedAtTime "2022-06-30T00:00:00Z"^^xsd:dateTime .
    ex:fund-2016 a bcic:BrandFund ;
        rdfs:label "陶瓷品牌扶持资金（2016年设立，已撤销）"@zh ;
        prov:wasAttributedTo ex:body ;
        prov:invalidatedAtTime "2020-12-31T00:00:00Z"^^xsd:dateTime .
    ex:element-logo-2015 a bcic:BrandLogo ;
        dcterms:title "旧版集群品牌标志（2015年，已停用）"@zh ;
        dcterms:date "2015-06-01"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        prov:invalidatedAtTime "2021-07-20T00:00:00Z"^^xsd:dateTime .
    ex:registration-2012 a bcic:CollectiveBrandRegistration ;
        dcterms:title "“德化瓷”集体商标（2012年注册，已注销）"@zh ;
        dcterms:date "2012-03-01"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        prov:invalidatedAtTime "2019-03-01T00:00:00Z"^^xsd:dateTime ."""

# 7.1.2.1 「实施定期评价」: a special audit of the fund, done once, beside the annual evaluation.
SPECIAL_AUDIT = """
    ex:fund-special-audit a bcic:FundEvaluation ;
        rdfs:label "品牌创新基金专项审计评价（2023年县审计局委托）"@zh ;
        prov:wasAssociatedWith ex:body , ex:gov-county ;
        dcterms:date "2023-08-15"^^xsd:date ;
        bcic:finding "两个项目资金拨付滞后，已督促整改"@zh ."""

# 8.1.1: the design rests only on a positioning replaced in 2021, or only on a benchmark's.
OLD_POSITIONING = """
    ex:element-design bcic:basedOn ex:positioning-2015 .
    ex:positioning-2015 a bcic:BrandPositioning ;
        dcterms:title "德化陶瓷集群品牌定位（2015年版，已废止）"@zh ;
        dcterms:date "2015-03-01"^^xsd:date ;
        prov:wasAttributedTo ex:body ;
        prov:invalidatedAtTime "2021-01-18T00:00:00Z"^^xsd:dateTime ."""
BENCHMARK_POSITIONING = """
    ex:element-design bcic:basedOn ex:jdz-positioning .
    ex:jdz-positioning a bcic:BrandPositioning ;
        dcterms:title "景德镇陶瓷集群品牌定位（标杆资料）"@zh ;
        dcterms:date "2020-05-01"^^xsd:date ;
        bcic:recordOf ex:jingdezhen ."""


@pytest.fixture(scope="module")
def crisis_superseded() -> Report:
    """Dehua whose only crisis management mechanism is marked superseded."""
    return changed(CRISIS_SUPERSEDED)


@pytest.mark.parametrize("rid, notation", [("8.3.4", "8.3.4"), ("8.3.4-1", "8.3.4 —1"),
                                           ("8.3.4-2", "8.3.4 —2"), ("8.3.4-3", "8.3.4 —3")])
def test_a_crisis_mechanism_superseded_alone_is_none_in_force_under_8_3_4_and_its_items(
        crisis_superseded: Report, rid: str, notation: str) -> None:
    """8.3.4 「建立有效的品牌危机管理机制」: the mechanism withdrawn at the end of 2023 is history, as a
    replaced positioning is for 6.1.1.1 and a replaced KPI system for 9.1.1: none is in force, and
    the finding says since when."""
    assert crisis_superseded.outcome(rid).status is Status.NOT_MET
    zh, en = text_block(crisis_superseded, notation, "zh"), text_block(crisis_superseded, notation, "en")
    assert f"未见现行的品牌危机管理机制（{notation}）" in zh, zh
    assert "（…/crisis-mechanism）：自“2023-12-31T00:00:00+00:00”起已被取代（“失效时间”），不是现行的" in zh
    assert f"No brand crisis management mechanism in force in the submission ({notation})" in en, en
    assert "it is superseded since “2023-12-31T00:00:00+00:00” (its “invalidated at”), not in force" in en


def test_the_hint_does_not_ask_to_mark_a_record_superseded(crisis_superseded: Report) -> None:
    """In force is what a record is when nothing marks it superseded: the hint of a provision whose
    record must be in force never asks for an “invalidated at”."""
    for lang, how in (("zh", "→ 如何满足："), ("en", "→ How to meet it:")):
        said = shown(crisis_superseded, lang)
        hints = [line for line in said.splitlines() if line.strip().startswith(how)]
        assert len(hints) == 4 and not [h for h in hints if "prov:invalidatedAtTime" in h]


def test_records_superseded_beside_those_in_force_change_no_verdict_of_chapters_7_and_8() -> None:
    """A mechanism, a fund, a logo and a registration replaced and kept on record, each lacking
    what a record of its class carries, neither count nor are asked anything: every provision of
    chapters 7 and 8 keeps the sample's status."""
    base, kept = changed(), changed(KEPT_ON_RECORD)
    statuses = {o.requirement.id: (o.status, kept.outcome(o.requirement.id).status)
                for o in base.outcomes if o.requirement.id.startswith(("7.", "8."))}
    assert len(statuses) > 50
    assert {rid: pair for rid, pair in statuses.items() if pair[0] is not pair[1]} == {}
    assert kept.conforms


def test_a_one_off_fund_evaluation_beside_the_annual_one_meets_7_1_2_1_by_data() -> None:
    """7.1.2.1 「实施定期评价」, read as 9.2.3's 「定期进行绩效测量」 (decision 13): a special audit done
    once states no period beside the annual evaluation; the evaluation is periodic while one states
    its period, not once none does, and a period any gives is a recurring one."""
    assert changed(SPECIAL_AUDIT).outcome("7.1.2.1").status is Status.MANUAL_REVIEW
    none = changed(SPECIAL_AUDIT, ("fund-evaluation", BCIC.period))
    assert none.outcome("7.1.2.1").status is Status.NOT_MET
    assert "未见定期实施的资金使用评价：没有一项资金使用评价说明评价周期（7.1.2.1）" in shown(none, "zh")
    assert "No periodic fund evaluation: no fund evaluation states its period (7.1.2.1)" in shown(none, "en")
    irregular = changed(SPECIAL_AUDIT.replace(" .", ' ;\n        bcic:period "不定期"@zh .'))
    assert irregular.outcome("7.1.2.1").status is Status.NOT_MET


@pytest.mark.parametrize("turtle, zh, en", [
    (OLD_POSITIONING, "自“2021-01-18T00:00:00+00:00”起已被取代（“失效时间”），不是现行的",
     "it is superseded since “2021-01-18T00:00:00+00:00” (its “invalidated at”), not in force"),
    (BENCHMARK_POSITIONING,
     "“依据”的取值“景德镇陶瓷集群品牌定位（标杆资料）”是其他集群的记录",
     "its “based on” “景德镇陶瓷集群品牌定位（标杆资料）” is a record of another cluster"),
], ids=["superseded", "benchmark"])
def test_an_element_design_on_no_positioning_of_this_cluster_in_force_fails_8_1_1(
        turtle: str, zh: str, en: str) -> None:
    """8.1.1 「围绕品牌定位和品牌核心价值进行品牌的要素设计」: the positioning 6.1.1.1 counts, this
    cluster's in force; one kept on record after the repositioning of 2021, or the benchmark's held
    for comparison, is not it, and the finding names it and says why."""
    report = changed(turtle, ("element-design", BCIC.basedOn))
    assert report.outcome("8.1.1").status is Status.NOT_MET
    said_zh, said_en = text_block(report, "8.1.1", "zh"), text_block(report, "8.1.1", "en")
    assert "品牌要素设计未围绕本集群现行的品牌定位进行：没有一项设计依据本集群现行的品牌定位" in said_zh
    assert zh in said_zh, said_zh
    assert "The brand element design does not rest on a brand positioning of this cluster in force" in said_en
    assert en in said_en, said_en


@pytest.mark.parametrize("attributed, met", [
    ("", False),  # no one provides it
    ("ex:assoc-export", True),  # a member of the body alone
    ("ex:body", True),
], ids=["nobody", "member", "body"])
def test_a_service_offering_counts_for_7_5_2_when_the_body_or_a_member_provides_it(
        attributed: str, met: bool) -> None:
    """7.5.2 「提供关键的、基础的和必须的服务项目和内容」, read as 7.1.1 reads 「提供」: an offering
    attributed to no one provides nothing; the body's or a member's does (7.5.3 coordinates the
    members' service items)."""
    turtle = f"ex:service-offering prov:wasAttributedTo {attributed} ." if attributed else ""
    report = changed(turtle, ("service-offering", PROV.wasAttributedTo))
    assert report.outcome("7.5.2").status is (Status.MANUAL_REVIEW if met else Status.NOT_MET)
    if not met:
        zh, en = text_block(report, "7.5.2", "zh"), text_block(report, "7.5.2", "en")
        assert "未见由培育主体或其成员提供、涵盖“关键的服务项目”的服务项目" in zh
        assert "缺少属于“培育本集群的培育主体或其成员”的“归属方”" in zh
        assert "No service offering provided by the cultivation body or a member of it covers key " \
               "service items" in en
        assert "has no “attributed to” that is “the body that cultivates this cluster or a member " \
               "of it”" in en, en


@pytest.mark.parametrize("attributed, met", [
    ("ex:jdz-firm", False),  # a firm of the benchmark cluster, no member of the body
    ("ex:body", False),  # the body alone: no enterprise
    ("ex:ent-baiyufang", True),  # an enterprise member of the body
], ids=["outside-firm", "body-only", "enterprise-member"])
def test_an_innovation_output_counts_for_7_3_2_when_an_enterprise_member_formed_it(
        attributed: str, met: bool) -> None:
    """7.3.2 「促进集群内企业的技术创新，形成…技术诀窍以及各类专利」: 集群内企业 read as 7.4.3 reads
    it (decision 2), an enterprise member of the body; the know-how of a firm outside the body, or
    of the body alone, is not the cluster's enterprises'."""
    turtle = (f"ex:know-how prov:wasAttributedTo {attributed} .\n"
              'ex:jdz-firm a org:Organization ; rdfs:label "景德镇某瓷企"@zh .')
    report = changed("@prefix org: <http://www.w3.org/ns/org#> .\n" + turtle,
                     ("know-how", PROV.wasAttributedTo))
    assert report.outcome("7.3.2").status is (Status.MANUAL_REVIEW if met else Status.NOT_MET)
    if not met:
        zh, en = text_block(report, "7.3.2", "zh"), text_block(report, "7.3.2", "en")
        assert "未见培育主体成员中的企业形成的、涵盖技术诀窍的技术创新成果" in zh
        assert "缺少属于“培育本集群的培育主体中担任行业内企业或相关及支持产业的企业角色的成员”的“归属方”" in zh
        assert "No innovation output of an enterprise that is a member of the cultivation body " \
               "covers know-how" in en


@pytest.mark.parametrize("rid, said", [
    ("8.1.1", "“brand positioning” (bcic:BrandPositioning)"),  # the one the design rests on
    ("8.3.4", "“brand crisis management mechanism” (bcic:CrisisManagementMechanism)"),
], ids=["8.1.1", "8.3.4"])
def test_the_evaluator_still_reads_the_records_asked_in_force(rid: str, said: str) -> None:
    """A record asked in force is still a record of its class to read: 8.1.1's checklist names
    the positioning, as it did when any positioning counted."""
    sheet = json.loads(CliRunner().invoke(main, ["rules", "show", rid, "--format", "json"]).stdout)
    assert said in sheet["review_documents"]["en"]


def test_the_hint_of_7_1_2_1_still_asks_the_fund_of_the_body() -> None:
    """「培育主体应…设立」: the hint asks a fund attributed to the body, a superseded one counting for
    nothing, and never asks to mark one superseded."""
    hint = load_rulebook_document().provisions["7.1.2.1"].how_to["en"]
    assert hint.startswith("Record a “cluster brand fund” (bcic:BrandFund) with “attributed to” "
                           "(prov:wasAttributedTo) pointing to a “cultivation body”"), hint
    assert "invalidatedAtTime" not in hint
