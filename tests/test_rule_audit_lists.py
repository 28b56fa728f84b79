"""Lists of chapters 4, 5 and 7 read as the standard writes them, checked on the conformant sample
(dehua-ceramics.ttl) changed the way a real submission might be: 「包括但不限于…」 and 「包括…等」
ask for every item they list (as 5.1, 5.2.2 and 8.2.1 are read), a list joined by 和 asks for all
of its items, and 「周期性」 asks for a recurring period (docs/model.md, decisions 4 and 13)."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Status
from checker.validation import validate_graph

from tests.dehua_changes import BODY, EX, XSD_DATE, dehua, status


def _hint(data: Graph, clause: str, lang: str) -> str:
    """The “how to meet it” line of a provision, numbered as the report shows it (`5.3 —1`), in the
    text report on `data`."""
    lines = render_report(validate_graph(data), "text", lang).splitlines()  # type: ignore[arg-type]
    words = clause.split()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(
        ("✘ ", "? ")) and line.split()[1:1 + len(words)] == words)
    label = {"zh": "→ 如何满足：", "en": "→ How to meet it: "}[lang]
    return next(line for line in lines[start:] if label in line)


def _record(data: Graph, local: str, cls: URIRef, *covers: URIRef,
            activity: bool = False) -> URIRef:
    """A titled, dated record of the body, of `cls`, covering `covers`, added to `data`: an
    activity names the body as who carried it out, a document or resource as who answers for it."""
    node = URIRef(EX + local)
    data.add((node, RDF.type, cls))
    data.add((node, PROV.wasAssociatedWith if activity else PROV.wasAttributedTo, BODY))
    data.add((node, DCTERMS.title, Literal(local, lang="zh")))
    data.add((node, DCTERMS.date, Literal("2024-03-01", datatype=XSD_DATE)))
    for value in covers:
        data.add((node, BCIC.covers, value))
    return node


# 7.1.1 「提供集群品牌培育所需要的基础设施，包括但不限于道路、桥梁、信息化等」

@pytest.mark.parametrize("kind", [BCIC.Roads, BCIC.Bridges, BCIC.InformationNetwork])
def test_infrastructure_lacking_a_kind_7_1_1_lists_fails_it(kind: URIRef) -> None:
    data = dehua()
    data.remove((URIRef(EX + "infrastructure"), BCIC.covers, kind))
    assert status(data, "7.1.1") is Status.NOT_MET


def test_infrastructure_of_a_kind_7_1_1_does_not_list_alone_fails_it() -> None:
    """Energy supply is one of 5.3's kinds: it stands for none of roads, bridges and information."""
    data = dehua()
    infrastructure = URIRef(EX + "infrastructure")
    data.remove((infrastructure, BCIC.covers, None))
    data.add((infrastructure, BCIC.covers, BCIC.EnergySupply))
    assert status(data, "7.1.1") is Status.NOT_MET


def test_the_kinds_of_7_1_1_may_come_from_several_records_of_the_body() -> None:
    data = dehua()
    infrastructure = URIRef(EX + "infrastructure")
    data.remove((infrastructure, BCIC.covers, BCIC.Bridges))
    assert status(data, "7.1.1") is Status.NOT_MET
    _record(data, "bridge", BCIC.Infrastructure, BCIC.Bridges)
    assert status(data, "7.1.1") is not Status.NOT_MET


def test_a_bridge_no_one_answers_for_is_not_provided_by_the_body() -> None:
    """「培育主体应…提供」: a bridge recorded without the body does not make up the body's."""
    data = dehua()
    data.remove((URIRef(EX + "infrastructure"), BCIC.covers, BCIC.Bridges))
    bridge = _record(data, "bridge", BCIC.Infrastructure, BCIC.Bridges)
    data.remove((bridge, PROV.wasAttributedTo, BODY))
    assert status(data, "7.1.1") is Status.NOT_MET


@pytest.mark.parametrize("lang, said", [
    ("zh", "“涵盖”（bcic:covers）为“道路”（bcic:Roads）、“桥梁”（bcic:Bridges）和“信息化设施”"
           "（bcic:InformationNetwork），缺一不可"),
    ("en", "“covers” (bcic:covers) set to each of “roads” (bcic:Roads), “bridges” (bcic:Bridges) "
           "and “information infrastructure” (bcic:InformationNetwork)"),
])
def test_the_hint_of_7_1_1_asks_each_kind_it_lists(lang: str, said: str) -> None:
    data = dehua()
    data.remove((URIRef(EX + "infrastructure"), BCIC.covers, None))
    hint = _hint(data, "7.1.1", lang)
    assert said in hint
    assert "EnergySupply" not in hint and "TransportFacilities" not in hint


# 4.3.2 「借助有效的整合手段，合理规范品牌各要素间、各环节间的关系，强化各成员之间的相互协作」

SYNERGY_MEANS = (BCIC.IntegrationMeans, BCIC.ElementRelationOrdering, BCIC.StageRelationOrdering,
                 BCIC.MemberCooperation)


@pytest.mark.parametrize("means", SYNERGY_MEANS)
def test_synergy_practices_lacking_one_of_4_3_2s_four_means_fail_it(means: URIRef) -> None:
    """The four means are things the members all do, not alternatives."""
    data = dehua()
    data.remove((URIRef(EX + "synergy"), BCIC.covers, means))
    assert status(data, "4.3.2") is Status.NOT_MET


def test_the_four_means_of_4_3_2_may_come_from_several_practices() -> None:
    data = dehua()
    synergy = URIRef(EX + "synergy")
    data.remove((synergy, BCIC.covers, BCIC.MemberCooperation))
    assert status(data, "4.3.2") is Status.NOT_MET
    _record(data, "joint-purchasing", BCIC.SynergyPractice, BCIC.MemberCooperation, activity=True)
    assert status(data, "4.3.2") is not Status.NOT_MET


@pytest.mark.parametrize("lang, said", [
    ("zh", "“涵盖”（bcic:covers）为“有效的整合手段”（bcic:IntegrationMeans）、“规范品牌各要素间的关系”"
           "（bcic:ElementRelationOrdering）、“规范各环节间的关系”（bcic:StageRelationOrdering）和"
           "“强化成员间相互协作”（bcic:MemberCooperation），缺一不可"),
    ("en", "“covers” (bcic:covers) set to each of “effective means of integration” "
           "(bcic:IntegrationMeans), “ordering relations between brand elements” "
           "(bcic:ElementRelationOrdering), “ordering relations between stages” "
           "(bcic:StageRelationOrdering) and “strengthening cooperation between members” "
           "(bcic:MemberCooperation)"),
])
def test_the_hint_of_4_3_2_asks_each_of_the_four_means_in_the_clauses_order(
        lang: str, said: str) -> None:
    data = dehua()
    data.remove((URIRef(EX + "synergy"), BCIC.covers, None))
    hint = _hint(data, "4.3.2", lang)
    assert said in hint and "one of" not in hint and "之一" not in hint


def test_the_findings_of_4_3_2_follow_the_clauses_order() -> None:
    """「规范各环节间的关系」 is found in the text by its tail, after 「规范品牌各要素间」."""
    data = dehua()
    data.remove((URIRef(EX + "synergy"), BCIC.covers, None))
    findings = validate_graph(data).outcome("4.3.2").findings
    assert [f.message["en"].split(":")[0] for f in findings] == [
        "No synergy practice covers effective means of integration",
        "No synergy practice covers ordering relations between brand elements",
        "No synergy practice covers ordering relations between stages",
        "No synergy practice covers strengthening cooperation between members"]


def test_the_review_of_4_3_2_asks_what_data_cannot_show() -> None:
    """「坚持协同发展、共生共荣的价值理念」, 「有效的」 and 「使之产生协同效应」 are the evaluator's."""
    prompt = validate_graph(dehua()).outcome("4.3.2").requirement.review_prompt
    assert all(words in prompt["zh"] for words in ("共生共荣的价值理念", "有效", "产生协同效应"))
    assert all(words in prompt["en"] for words in ("coordinated development", "effective",
                                                   "synergy results"))


# 7.5.2 「提供关键的、基础的和必须的服务项目和内容」

@pytest.mark.parametrize("kind", [BCIC.KeyService, BCIC.BasicService, BCIC.EssentialService])
def test_service_offerings_lacking_a_kind_7_5_2_joins_by_and_fail_it(kind: URIRef) -> None:
    data = dehua()
    data.remove((URIRef(EX + "service-offering"), BCIC.covers, kind))
    assert status(data, "7.5.2") is Status.NOT_MET


def test_the_kinds_of_7_5_2_may_come_from_several_offerings() -> None:
    data = dehua()
    data.remove((URIRef(EX + "service-offering"), BCIC.covers, BCIC.EssentialService))
    assert status(data, "7.5.2") is Status.NOT_MET
    _record(data, "testing-service", BCIC.ServiceOffering, BCIC.EssentialService)
    assert status(data, "7.5.2") is not Status.NOT_MET


@pytest.mark.parametrize("lang, said", [
    ("zh", "“涵盖”（bcic:covers）为“关键的服务项目”（bcic:KeyService）、“基础的服务项目”"
           "（bcic:BasicService）和“必须的服务项目”（bcic:EssentialService），缺一不可"),
    ("en", "“covers” (bcic:covers) set to each of “key service item” (bcic:KeyService), “basic "
           "service item” (bcic:BasicService) and “necessary service item” (bcic:EssentialService)"),
])
def test_the_hint_of_7_5_2_asks_each_kind_of_service(lang: str, said: str) -> None:
    data = dehua()
    data.remove((URIRef(EX + "service-offering"), BCIC.covers, None))
    assert said in _hint(data, "7.5.2", lang)


# 7.2.5 「识别、选择、评价集群品牌培育的利益相关者，包括地方政府、集群内企业、顾客、经销商、金融机构、
# 中介结构、其他合作伙伴等；…加强利益相关者之间在技术、管理、人员、资金、信息等方面的协作」

STAKEHOLDERS = {BCIC.LocalGovernmentStakeholder: "sh-local-government",
                BCIC.ClusterEnterpriseStakeholder: "sh-member-firms",
                BCIC.CustomerStakeholder: "sh-overseas-buyers",
                BCIC.DistributorStakeholder: "sh-distributors",
                BCIC.FinancialInstitutionStakeholder: "sh-bank",
                BCIC.IntermediaryStakeholder: "sh-intermediaries"}


@pytest.mark.parametrize("kind", list(STAKEHOLDERS))
def test_an_evaluation_that_identifies_no_stakeholder_of_a_named_kind_fails_7_2_5(
        kind: URIRef) -> None:
    data = dehua()
    data.remove((URIRef(EX + "stakeholder-evaluation"), BCIC.identifiesStakeholder,
                 URIRef(EX + STAKEHOLDERS[kind])))
    assert status(data, "7.2.5") is Status.NOT_MET


def test_one_stakeholder_of_any_kind_no_longer_meets_7_2_5() -> None:
    """The audit's case: one customer and one area of cooperation passed as met."""
    data = dehua()
    evaluation, collaboration = (URIRef(EX + n) for n in ("stakeholder-evaluation",
                                                           "stakeholder-collaboration"))
    data.remove((evaluation, BCIC.identifiesStakeholder, None))
    data.add((evaluation, BCIC.identifiesStakeholder, URIRef(EX + "sh-overseas-buyers")))
    data.remove((collaboration, BCIC.covers, None))
    data.add((collaboration, BCIC.covers, BCIC.TechnologyCollaboration))
    findings = validate_graph(data).outcome("7.2.5").findings
    assert len(findings) == 5 + 4
    assert findings[0].message["en"].startswith(
        "No stakeholder evaluation identifies a stakeholder of the kind local government")


def test_other_partners_the_lists_catch_all_stands_for_no_named_kind_and_is_not_asked() -> None:
    """「其他合作伙伴等」 names whoever the other kinds leave out: the sample names none and meets
    7.2.5, and intermediaries called “other partners” are no intermediaries."""
    data = dehua()
    assert BCIC.OtherPartnerStakeholder not in set(data.objects(None, BCIC.stakeholderKind))
    assert status(data, "7.2.5") is not Status.NOT_MET
    intermediaries = URIRef(EX + "sh-intermediaries")
    data.remove((intermediaries, BCIC.stakeholderKind, None))
    data.add((intermediaries, BCIC.stakeholderKind, BCIC.OtherPartnerStakeholder))
    assert status(data, "7.2.5") is Status.NOT_MET


def test_the_named_kinds_may_be_identified_by_several_evaluations() -> None:
    data = dehua()
    data.remove((URIRef(EX + "stakeholder-evaluation"), BCIC.identifiesStakeholder,
                 URIRef(EX + "sh-intermediaries")))
    assert status(data, "7.2.5") is Status.NOT_MET
    second = _record(data, "intermediary-review", BCIC.StakeholderEvaluation)
    data.add((second, BCIC.identifiesStakeholder, URIRef(EX + "sh-intermediaries")))
    assert status(data, "7.2.5") is not Status.NOT_MET


@pytest.mark.parametrize("area", [BCIC.TechnologyCollaboration, BCIC.ManagementCollaboration,
                                  BCIC.PersonnelCollaboration, BCIC.FundsCollaboration,
                                  BCIC.InformationCollaboration])
def test_collaboration_lacking_a_named_area_fails_7_2_5(area: URIRef) -> None:
    data = dehua()
    data.remove((URIRef(EX + "stakeholder-collaboration"), BCIC.covers, area))
    assert status(data, "7.2.5") is Status.NOT_MET


@pytest.mark.parametrize("lang, said", [
    ("zh", "“识别相关方”（bcic:identifiesStakeholder）的“相关方类别”（bcic:stakeholderKind）为“地方政府”"
           "（bcic:LocalGovernmentStakeholder）、“集群内企业”（bcic:ClusterEnterpriseStakeholder）、"
           "“顾客”（bcic:CustomerStakeholder）、“经销商”（bcic:DistributorStakeholder）、“金融机构”"
           "（bcic:FinancialInstitutionStakeholder）和“中介机构”（bcic:IntermediaryStakeholder），缺一不可"),
    ("en", "“covers” (bcic:covers) set to each of “technology” (bcic:TechnologyCollaboration), "
           "“management” (bcic:ManagementCollaboration), “personnel” (bcic:PersonnelCollaboration), "
           "“funds” (bcic:FundsCollaboration) and “information” (bcic:InformationCollaboration)"),
])
def test_the_hint_of_7_2_5_asks_each_named_kind_and_area(lang: str, said: str) -> None:
    data = dehua()
    data.remove((URIRef(EX + "stakeholder-evaluation"), BCIC.identifiesStakeholder, None))
    data.remove((URIRef(EX + "stakeholder-collaboration"), BCIC.covers, None))
    hint = _hint(data, "7.2.5", lang)
    assert said in hint and "OtherPartnerStakeholder" not in hint


# 5.3 —1 「有形资产：主要分析基础设施情况，包括交通、能源供应等」, —2 「质量水平：…包括供应链管理能力和
# 企业数量、企业规模；产业内分工协作等」, —3 「服务水平：主要分析产业集群的营销能力和服务提供能力等」

@pytest.mark.parametrize("item, part", [
    ("5.3-1", BCIC.TransportFacilities), ("5.3-1", BCIC.EnergySupply),
    ("5.3-2", BCIC.SupplyChainManagementCapability), ("5.3-2", BCIC.EnterpriseCount),
    ("5.3-2", BCIC.EnterpriseScale), ("5.3-2", BCIC.IntraIndustryCooperation),
    ("5.3-3", BCIC.MarketingCapability), ("5.3-3", BCIC.ServiceProvisionCapability),
])
def test_an_internal_analysis_lacking_a_part_its_element_lists_fails_that_item(
        item: str, part: URIRef) -> None:
    data = dehua()
    data.remove((URIRef(EX + "internal"), BCIC.covers, part))
    report = validate_graph(data)
    assert report.outcome(item).status is Status.NOT_MET
    assert report.outcome("5.3").status is Status.NOT_MET  # its lead-in, through the item
    others = {"5.3-1", "5.3-2", "5.3-3", "5.3-4", "5.3-5"} - {item}
    assert all(report.outcome(o).status is not Status.NOT_MET for o in others)


def test_the_parts_of_5_3_may_come_from_several_analyses() -> None:
    data = dehua()
    data.remove((URIRef(EX + "internal"), BCIC.covers, BCIC.EnergySupply))
    assert validate_graph(data).outcome("5.3-1").status is Status.NOT_MET
    _record(data, "energy-study", BCIC.InternalEnvironmentAnalysis, BCIC.EnergySupply)
    assert validate_graph(data).outcome("5.3-1").status is not Status.NOT_MET


@pytest.mark.parametrize("lang, said", [
    ("zh", "“涵盖”（bcic:covers）为“有形资产”（bcic:TangibleAssets）、“交通”（bcic:TransportFacilities）和"
           "“能源供应”（bcic:EnergySupply），缺一不可"),
    ("en", "“covers” (bcic:covers) set to each of “tangible assets” (bcic:TangibleAssets), "
           "“transport” (bcic:TransportFacilities) and “energy supply” (bcic:EnergySupply)"),
])
def test_the_hint_of_5_3_1_asks_the_element_and_each_part_it_lists(lang: str, said: str) -> None:
    data = dehua()
    data.remove((URIRef(EX + "internal"), BCIC.covers, None))
    assert said in _hint(data, "5.3 —1", lang)


# 4.2.1 i) 「建立产业集群品牌建立和维护机制，进行周期性评价并实现持续改进」

@pytest.mark.parametrize("period", [None, Literal("随时", lang="zh"), Literal("PT1H")])
def test_a_fulfilment_of_4_2_1_i_without_a_recurring_period_fails_it(
        period: Literal | None) -> None:
    """周期性: an evaluation that names no recurring interval is not periodic (decision 13)."""
    data = dehua()
    fulfilment = URIRef(EX + "fulfil-4.2.1-i")
    data.remove((fulfilment, BCIC.period, None))
    if period is not None:
        data.add((fulfilment, BCIC.period, period))
    report = validate_graph(data)
    assert report.outcome("4.2.1-i").status is Status.NOT_MET
    assert "period" in report.outcome("4.2.1-i").findings[0].message["en"]


@pytest.mark.parametrize("period", [Literal("P1Y"), Literal("每两年", lang="zh"),
                                    Literal("annual", lang="en")])
def test_a_fulfilment_of_4_2_1_i_with_a_recurring_period_meets_its_data_part(
        period: Literal) -> None:
    data = dehua()
    fulfilment = URIRef(EX + "fulfil-4.2.1-i")
    data.remove((fulfilment, BCIC.period, None))
    assert status(data, "4.2.1-i") is Status.NOT_MET
    data.add((fulfilment, BCIC.period, period))
    assert status(data, "4.2.1-i") is not Status.NOT_MET


def test_only_4_2_1_i_asks_a_duty_for_its_period() -> None:
    data = dehua()
    data.remove((URIRef(EX + "fulfil-4.2.1-i"), BCIC.period, None))
    report = validate_graph(data)
    assert report.outcome("4.2.1-h").status is not Status.NOT_MET
    assert "“period” (bcic:period)" in _hint(data, "4.2.1 i)", "en")
