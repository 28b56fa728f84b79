"""Verdicts a standards expert checked against the text of chapters 4, 5 and 7: each test takes
the conformant sample (dehua-ceramics.ttl), changes it the way a real submission might, and
asserts the verdict the clause supports, neither stronger nor weaker than it."""

from __future__ import annotations

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV

from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Status
from checker.rulebook import load_rulebook
from checker.validation import validate_graph

from tests.dehua_changes import BODY, EX, XSD_DATE, dehua, retyped, status, with_value


def test_the_sample_meets_every_clause_these_tests_change() -> None:
    report = validate_graph(dehua())
    for rid in ("4.2.3-b", "5.2.4", "5.3", "7.1.1", "7.1.2.1", "7.4.3", "7.4.4", "7.5.4"):
        assert report.outcome(rid).status is not Status.NOT_MET, rid


def test_a_narrower_service_evaluation_beside_a_comprehensive_one_does_no_harm() -> None:
    """7.5.4 「对服务要素和内容、服务过程、服务结果进行综合评估」 asks for a comprehensive evaluation; a
    quarterly survey of results beside it is no gap."""
    data = dehua()
    survey = URIRef(EX + "service-survey-q1")
    data.add((survey, RDF.type, BCIC.ServiceEvaluation))
    data.add((survey, PROV.wasAssociatedWith, BODY))
    data.add((survey, DCTERMS.date, Literal("2024-04-10", datatype=XSD_DATE)))
    data.add((survey, BCIC.covers, BCIC.ServiceResult))
    assert status(data, "7.5.4") is Status.MET


@pytest.mark.parametrize("lang, said", [
    ("en", "集群服务综合评估（2023年度） (…/service-evaluation): its “covers” lacks “service process”"),
    ("zh", "（…/service-evaluation）：“涵盖”缺少“服务过程”"),
])
def test_evaluations_that_each_cover_part_of_the_services_are_no_comprehensive_one(
        lang: str, said: str) -> None:
    """Three aspects spread over two evaluations: none is comprehensive, and the finding says
    what the closest one lacks."""
    data = dehua()
    evaluation = URIRef(EX + "service-evaluation")
    data.remove((evaluation, BCIC.covers, BCIC.ServiceProcess))
    other = URIRef(EX + "process-review")
    data.add((other, RDF.type, BCIC.ServiceEvaluation))
    data.add((other, PROV.wasAssociatedWith, BODY))
    data.add((other, DCTERMS.date, Literal("2024-02-01", datatype=XSD_DATE)))
    data.add((other, BCIC.covers, BCIC.ServiceProcess))
    report = validate_graph(data)
    assert report.outcome("7.5.4").status is Status.NOT_MET
    assert said in render_report(report, "text", lang)  # type: ignore[arg-type]


def test_an_enterprise_adopting_a_management_model_without_the_body_is_no_gap_of_7_4_3() -> None:
    """7.4.3 「集群内的企业要导入…」 names the enterprises: the body need not be named as well; what
    data cannot show (「先进」, both models and tools) is the evaluator's."""
    data = dehua()
    data.remove((URIRef(EX + "management-model"), PROV.wasAssociatedWith, BODY))
    assert status(data, "7.4.3") is Status.MANUAL_REVIEW


def test_resources_set_up_through_the_government_member_alone_meet_7_4_4() -> None:
    """7.4.4 「通过政府和行业协会建立…」: the government member is enough, the body unnamed."""
    data = dehua()
    for resource in ("testing-centre", "quality-platform"):
        data.remove((URIRef(EX + resource), PROV.wasAttributedTo, BODY))
    report = validate_graph(data)
    assert report.outcome("7.4.4").status is not Status.NOT_MET
    assert report.outcome("7.4.4").requirement.review_prompt


@pytest.mark.parametrize("resource, requirement_id", [
    ("brand-fund", "7.1.2.1"),  # 「培育主体应…设立…基金」
    ("infrastructure", "7.1.1"),  # 「培育主体应…提供…基础设施」
])
def test_a_resource_only_an_outsider_answers_for_is_not_the_bodys(resource: str,
                                                                 requirement_id: str) -> None:
    data = dehua()
    node, outsider = URIRef(EX + resource), URIRef(EX + "some-bank")
    data.remove((node, PROV.wasAttributedTo, None))
    data.add((node, PROV.wasAttributedTo, outsider))
    data.add((outsider, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")))
    assert status(data, requirement_id) is Status.NOT_MET


def test_a_fund_without_amount_or_currency_is_no_gap() -> None:
    """7.1.2.1 asks that the fund be set up, monitored and evaluated, not that its size be given."""
    data = dehua()
    fund = URIRef(EX + "brand-fund")
    data.remove((fund, BCIC.amount, None))
    data.remove((fund, BCIC.currency, None))
    assert status(data, "7.1.2.1") is not Status.NOT_MET


def test_a_stakeholder_without_needs_fails_5_2_4_in_whichever_market_analysis_it_is() -> None:
    """5.2.4 「识别产业集群的相关方，并明确其需求和期望」: every identified party, in a second analysis
    as in the first."""
    data = dehua()
    second, party = URIRef(EX + "market-2"), URIRef(EX + "sh-asean-retailers")
    for triple in data.triples((URIRef(EX + "market"), None, None)):
        if triple[1] != BCIC.identifiesStakeholder:
            data.add((second, triple[1], triple[2]))
    data.add((second, BCIC.identifiesStakeholder, party))
    data.add((party, RDF.type, BCIC.Stakeholder))
    data.add((party, BCIC.stakeholderKind, BCIC.DistributorStakeholder))
    assert status(data, "5.2.4") is Status.NOT_MET


def test_a_strategy_that_rests_on_no_internal_analysis_fails_5_3() -> None:
    """5.3 「确保品牌培育战略制定时考虑以下关键因素」: no strategy based on the internal analysis."""
    data = dehua()
    data.remove((None, BCIC.basedOn, URIRef(EX + "internal")))
    assert status(data, "5.3") is Status.NOT_MET


def test_a_person_in_an_enterprise_role_fulfils_no_enterprise_duty() -> None:
    """4.1 「成员一般包含…企业…」: a member is an organisation; a person given the enterprise role
    is none, so 4.2.3 b)'s record by that person does not count (4.1 reports the member too)."""
    report = validate_graph(retyped("ent-baiyufang", FOAF.Person))
    assert report.outcome("4.2.3-b").status is Status.NOT_MET
    assert report.outcome("4.1").status is Status.NOT_MET


def test_each_provision_the_audit_found_only_partly_checkable_asks_the_evaluator() -> None:
    """Parts data cannot show (7.3.4 「规范技术贸易市场」, 7.4.4 「推行标准化生产方式」, 7.2.5's trust,
    7.1.1's plan carried out, the links to the strategy and the value-chain position) are put to
    the evaluator, never reported as met on the evidence alone."""
    prompts = {rid for rid, r in load_rulebook().requirements.items() if r.review_prompt}
    assert {"5.2.4", "5.3", "7.1.1", "7.1.2.1", "7.2.5", "7.3.4", "7.4.4"} <= prompts


@pytest.mark.parametrize("lang, said", [
    ("en", "its “year” “2021” (given as a whole number) is not a year typed as a year: write it with "
           "its datatype, \"2021\"^^xsd:gYear in Turtle, {\"@value\": \"2021\", \"@type\": "
           "\"http://www.w3.org/2001/XMLSchema#gYear\"} in JSON-LD"),
    ("zh", "“年份”的取值“2021”（给出的是整数）不是标明年份类型的年份：应写明数据类型，Turtle 中写作 "
           "\"2021\"^^xsd:gYear"),
])
def test_a_year_written_as_a_bare_number_is_told_how_to_write_it(lang: str, said: str) -> None:
    """9.2.3: the finding shows the value typed as the year it was meant to be, in both
    syntaxes, and its headline says the year may be mistyped, not only missing or repeated."""
    data = with_value("obs-LocationAdvantage-2021-actual", BCIC.refYear, Literal(2021))
    shown = render_report(validate_graph(data), "text", lang)  # type: ignore[arg-type]
    assert said in shown
    assert ("or gives it not typed as a year or not valid as one (9.2.3)" if lang == "en"
            else "或年份未标明年份类型、不是有效的年份（9.2.3）") in shown


def test_a_date_written_as_text_is_told_its_datatype_and_keeps_its_own_digits() -> None:
    data = with_value("fund-monitoring", DCTERMS.date, Literal("2021-12-01"))
    shown = render_report(validate_graph(data), "text", "en")
    assert ("“2021-12-01” (given as text) is not a year-month-day date (e.g. 2021-06-30): write "
            "it with its datatype, \"2021-12-01\"^^xsd:date in Turtle") in shown


@pytest.mark.parametrize("lang, said", [
    ("en", "has no “generated evidence” that is an “evidence document” meeting the requirement"),
    ("zh", "缺少属于符合要求的“证据文件”的“生成的证据”"),
])
def test_an_evidence_document_that_fails_its_duty_is_not_said_to_be_missing(
        lang: str, said: str) -> None:
    """4.2.1 c): the record's evidence document exists but is attributed to an enterprise, not to
    a government member; the finding says none meets the requirement, not that there is none."""
    data = dehua()
    document = URIRef(EX + "evd-4.2.1-c")
    data.remove((document, PROV.wasAttributedTo, None))
    data.add((document, PROV.wasAttributedTo, URIRef(EX + "ent-ciyun")))
    report = validate_graph(data)
    assert report.outcome("4.2.1-c").status is Status.NOT_MET
    assert said in render_report(report, "text", lang)  # type: ignore[arg-type]


def test_an_enterprises_own_testing_centre_beside_the_clusters_does_no_harm() -> None:
    """7.4.4 asks that such resources be set up through government and associations, not that
    no enterprise run another: some centre and some platform suffice."""
    data = dehua()
    centre = URIRef(EX + "tc2")
    data.add((centre, RDF.type, BCIC.SharedTestingCentre))
    data.add((centre, DCTERMS.title, Literal("瓷韵企业检测中心（对集群开放）", lang="zh")))
    data.add((centre, DCTERMS.date, Literal("2023-04-01", datatype=XSD_DATE)))
    data.add((centre, PROV.wasAttributedTo, URIRef(EX + "ent-ciyun")))
    assert status(data, "7.4.4") is not Status.NOT_MET


def test_a_member_typed_with_org_formal_organization_is_an_organisation() -> None:
    """W3C ORG: org:FormalOrganization is a kind of org:Organization (4.1, the duties, 7.4.4)."""
    report = validate_graph(retyped("gov-market", ORG.FormalOrganization))
    for rid in ("4.1", "4.2.1-a", "4.2.1-c", "7.4.4"):
        assert report.outcome(rid).status is not Status.NOT_MET, rid


def test_the_body_as_a_whole_is_no_members_role() -> None:
    """4.1: a member holds one of the five roles of the kinds it lists; with the ontology's role
    of the body as a whole, no duty would bind anyone."""
    data = dehua()
    for membership in list(data.subjects(RDF.type, ORG.Membership)):
        data.remove((membership, ORG.role, None))
        data.add((membership, ORG.role, BCIC.CultivationBodyRole))
    assert status(data, "4.1") is Status.NOT_MET


def test_a_strategy_whose_positioning_rests_on_the_internal_analysis_meets_5_3() -> None:
    """6.1: the strategy includes its positioning, which 6.1.1.1 forms on the analyses."""
    data = dehua()
    data.remove((URIRef(EX + "strategy"), BCIC.basedOn, URIRef(EX + "internal")))
    assert (URIRef(EX + "positioning"), BCIC.basedOn, URIRef(EX + "internal")) in data
    assert status(data, "5.3") is not Status.NOT_MET


def test_a_fund_whose_amount_is_no_number_is_no_gap_of_7_1_2_1() -> None:
    data = with_value("brand-fund", BCIC.amount, Literal("五千万元", lang="zh"))
    assert status(data, "7.1.2.1") is not Status.NOT_MET


@pytest.mark.parametrize("value, said", [
    (Literal("2020年"), 'write it with its datatype, "2020"^^xsd:gYear in Turtle, {"@value": '
                        '"2020", "@type": "http://www.w3.org/2001/XMLSchema#gYear"} in JSON-LD'),
    (Literal("去年"), 'write one with its datatype, as in "2021"^^xsd:gYear in Turtle'),
])
def test_a_year_is_written_from_the_values_own_digits_or_shown_by_an_example(
        value: Literal, said: str) -> None:
    """The finding never tells an observer of 2020 to write 2021: its own year where it gives
    one, else the form, said to be an example."""
    data = with_value("obs-LocationAdvantage-2021-actual", BCIC.refYear, value)
    assert said in render_report(validate_graph(data), "text", "en")


def test_an_impossible_date_is_not_offered_as_the_form_to_write() -> None:
    data = with_value("fund-monitoring", DCTERMS.date, Literal("2023-02-30"))
    shown = render_report(validate_graph(data), "text", "en")
    assert '"2023-02-30"^^xsd:date' not in shown
    assert 'as in "2021-06-30"^^xsd:date in Turtle' in shown and "(an example)" in shown


@pytest.mark.parametrize("lang, said", [
    ("en", "is a government body, which this role does not take"),
    ("zh", "是政府机构，不能担任此角色"),
])
def test_a_government_body_in_an_enterprise_role_fulfils_no_enterprise_duty(
        lang: str, said: str) -> None:
    """4.2.3 binds 企业与相关及支持产业企业: a member typed as a government body, given an enterprise
    role, does not fulfil 4.2.3 b); the finding says why. A member typed only org:Organization is
    not asked its kind (the sample's other duties stay met)."""
    report = validate_graph(retyped("ent-baiyufang", BCIC.GovernmentBody))
    assert report.outcome("4.2.3-b").status is Status.NOT_MET
    assert said in render_report(report, "text", lang)  # type: ignore[arg-type]
    assert status(retyped("ent-baiyufang", ORG.Organization), "4.2.3-b") is not Status.NOT_MET
