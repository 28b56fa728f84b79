"""One provision's parts on one node: evidence spread over partial nodes, or parts linked to
nothing, is reported under the clause and names the incomplete node; evidence that may be several
documents (5.1, 6.2 a)'s communication, 7.2.2.3) still counts when split. List items whose parts
belong to one node (8.1.3's principles of the design, 8.3.4's parts of the mechanism) are reported
on each node that lacks the item's part."""

from __future__ import annotations

import json
from typing import NamedTuple

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV
from rdflib.term import Node

from checker.coverage import conforming_base
from checker.namespaces import BCIC, SHP
from checker.render import render_report
from checker.report import Report, Status
from checker.rulebook import load_rulebook
from checker.shape_paths import path_properties
from checker.validation import validate_graph

RULEBOOK = load_rulebook()
ITEMS_9_1_4 = [f"9.1.4-{g}-{n}" for g, n in (("a", 1), ("a", 2), ("a", 3), ("a", 4), ("b", 1),
                                             ("b", 2), ("c", 1), ("c", 2), ("c", 3), ("c", 4))]

# The node of the conforming base to spread, the parts to spread it by, and the clauses that
# ask those parts of every such node. 7.5.4 asks them of one evaluation among several, so a spread
# one is told by what its closest node lacks (tests/test_rule_audit_5_7.py); 7.1.2.1 asks each fund
# its kind only.
SPREADS: dict[str, tuple[tuple[URIRef, ...], tuple[str, ...]]] = {
    "strategy": ((BCIC.hasPositioning, BCIC.hasArchitecture, BCIC.basedOn, BCIC.covers), ("6.1",)),
    "positioning": ((BCIC.coreValue, BCIC.differentiation, BCIC.competitorConsidered, BCIC.basedOn,
                     BCIC.covers), ("6.1.1.1",)),
    "architecture": ((BCIC.relationDescription, BCIC.includesBrand, BCIC.architectureMode,
                      BCIC.developmentStage, BCIC.benefit, BCIC.cost, BCIC.risk),
                     ("6.1.2.1", "6.1.2.2")),
    "agglomeration": ((BCIC.concentrationIndicator, BCIC.concentrationValue,
                       BCIC.valueChainPosition), ("5.2.3",)),
    "kpi-system": ((BCIC.includesIndicator,), ("9.1.2", *ITEMS_9_1_4)),
    "performance-measurement": ((BCIC.dataScreening, BCIC.period), ("9.2.3",)),
    "performance-evaluation": ((BCIC.analysisMethod, BCIC.period, BCIC.finding), ("9.3.1",)),
    "improvement": ((BCIC.basedOn, BCIC.priority, BCIC.improvementDirection), ("9.4.1",)),
    "correction": ((BCIC.covers,), ("9.4.2",)),
}

# What a one-off measurement or evaluation may go without (decision 13: 9.2.3, 9.3.1), and the
# spread records left with one value of each part they ask but no period: one-off measurements,
# each complete (9.2.3 asks one data screening, not each).
ONE_OFF_MAY_LACK = frozenset({BCIC.period})
ONE_OFF_RECORDS = frozenset({"performance-measurement"})

# Nodes whose list items each ask one part of the node: the node to spread, the parts, and for each
# item the (property, value) it asks (None: any value).
ITEM_SPREADS: dict[str, tuple[tuple[URIRef, ...], dict[str, tuple[URIRef, Node | None]]]] = {
    "element-design": ((BCIC.followsPrinciple,), {
        "8.1.3-1": (BCIC.followsPrinciple, BCIC.ReflectClusterCharacter),
        "8.1.3-2": (BCIC.followsPrinciple, BCIC.DistilMemberBrands),
        "8.1.3-3": (BCIC.followsPrinciple, BCIC.HighlightCommonness),
        "8.1.3-4": (BCIC.followsPrinciple, BCIC.SimpleAndMemorable),
        "8.1.3-5": (BCIC.followsPrinciple, BCIC.FitForAllOccasions)}),
    "crisis-mechanism": ((BCIC.hasWarningSystem, BCIC.hasCrisisSource, BCIC.hasResponseMeasure), {
        "8.3.4-1": (BCIC.hasWarningSystem, None),
        "8.3.4-2": (BCIC.hasCrisisSource, None),
        "8.3.4-3": (BCIC.hasResponseMeasure, None)}),
}
ITEMS = [(local, rid) for local, (_parts, items) in ITEM_SPREADS.items() for rid in items]


def _node(graph: Graph, local: str) -> URIRef:
    body = next(graph.subjects(RDF.type, BCIC.CultivationBody))
    return URIRef(str(body).rsplit("/", 1)[0] + "/" + local)


def spread(graph: Graph, node: URIRef, parts: tuple[URIRef, ...]) -> list[URIRef]:
    """Leave `node` with its first part and give each other part to a node of its own, alike in
    everything else (type, title, date, attribution): no node carries all the parts."""
    found = [(p, o) for p in parts for o in sorted(graph.objects(node, p))]
    rest = [(p, o) for p, o in graph.predicate_objects(node) if p not in parts]
    fragments = [node]
    for i, (p, o) in enumerate(found[1:], 1):
        fragment = URIRef(f"{node}-part-{i}")
        for q, v in (*rest, (p, o)):
            graph.add((fragment, q, v))
        graph.remove((node, p, o))
        fragments.append(fragment)
    return fragments


def _focus_nodes(report: Report, rid: str) -> set[object]:
    return {r.focus_node for r in report.outcome(rid).results}


@pytest.fixture(scope="module")
def base() -> Graph:
    """The conforming base of every fixture pair: each case below changes it in one way."""
    return conforming_base()


@pytest.fixture(scope="module")
def base_report(base: Graph) -> Report:
    """The report on the conforming base itself."""
    return validate_graph(base, rulebook=RULEBOOK, processes=1)


class Spread(NamedTuple):
    """The report on a submission whose nodes were spread, the fragments of each, the graph."""

    report: Report
    fragments: dict[str, list[URIRef]]
    graph: Graph


@pytest.fixture(scope="module")
def spread_case(base: Graph) -> Spread:
    """Every node of SPREADS and ITEM_SPREADS split into partial nodes, and the work goal cut
    from the strategy."""
    graph = Graph() + base
    fragments = {local: spread(graph, _node(graph, local), parts)
                 for local, (parts, _clauses) in {**SPREADS, **ITEM_SPREADS}.items()}
    graph.remove((_node(graph, "work-goal"), BCIC.basedOn, None))
    return Spread(validate_graph(graph, rulebook=RULEBOOK, processes=1), fragments, graph)


@pytest.mark.parametrize("local", sorted(SPREADS))
def test_parts_spread_over_several_nodes_are_reported_on_each_partial_node(
        spread_case: Spread, local: str) -> None:
    """Each partial node lacking a part it must have is reported; a part a one-off act may go
    without (its period: decision 13, 9.2.3 and 9.3.1) leaves a fragment lacking only it
    complete."""
    report, fragments = spread_case.report, spread_case.fragments
    parts = [p for p in SPREADS[local][0] if p not in ONE_OFF_MAY_LACK]
    lacking = set(fragments[local]) if local not in ONE_OFF_RECORDS else {
        f for f in fragments[local] if any((f, p, None) not in spread_case.graph for p in parts)}
    assert len(fragments[local]) > 1 and lacking
    for rid in SPREADS[local][1]:
        assert report.outcome(rid).status is Status.NOT_MET, rid
        assert lacking <= _focus_nodes(report, rid), rid


@pytest.mark.parametrize("local, rid", ITEMS)
def test_a_list_item_is_reported_on_each_partial_node_that_lacks_its_part(
        spread_case: Spread, local: str, rid: str) -> None:
    """8.1.3 「培育主体设计品牌要素应遵循以下原则」: five designs each stating one principle follow
    none; 8.3.4 「培育主体应建立有效的品牌危机管理机制，包括但不限于」: a warning system in one
    record and response measures in another make no mechanism complete."""
    prop, value = ITEM_SPREADS[local][1][rid]
    fragments = spread_case.fragments[local]
    lacking = {f for f in fragments if (f, prop, value) not in spread_case.graph}
    assert len(fragments) > 1 and 0 < len(lacking) < len(fragments)
    assert spread_case.report.outcome(rid).status is Status.NOT_MET
    assert _focus_nodes(spread_case.report, rid) == lacking


@pytest.mark.parametrize("rid", [rid for _local, rid in ITEMS] + ["8.1.2", "9.1.1"])
def test_one_complete_record_meets_the_provision(base_report: Report, rid: str) -> None:
    """The conforming base: one cluster brand with its four elements, one applied on a carrier;
    one design stating the five principles, one mechanism with its three parts, one KPI system
    based on the body's strategy."""
    assert base_report.outcome(rid).status is not Status.NOT_MET
    assert base_report.outcome(rid).results == ()


def test_a_spread_strategy_names_the_missing_part_of_each_fragment(spread_case: Spread) -> None:
    """The strategy left with the positioning alone (6.1) is told it lacks the architecture."""
    first = spread_case.fragments["strategy"][0]
    paths = {r.path for r in spread_case.report.outcome("6.1").results if r.focus_node == first}
    assert "bcic:hasArchitecture" in paths and "bcic:hasPositioning" not in paths


def test_a_work_goal_based_on_no_strategy_fails_6_2_a(spread_case: Spread, base: Graph) -> None:
    report = spread_case.report
    assert report.outcome("6.2-a").status is Status.NOT_MET
    assert {(r.focus_node, r.path) for r in report.outcome("6.2-a").results} == {
        (_node(base, "work-goal"), "bcic:basedOn")}


def _foreign_strategy(graph: Graph, agent: URIRef) -> URIRef:
    """A copy of the body's strategy, complete but attributed to `agent` alone."""
    strategy = _node(graph, "strategy")
    foreign = URIRef(f"{strategy}-of-{str(agent).rsplit('/', 1)[-1]}")
    for p, o in graph.predicate_objects(strategy):
        if p != PROV.wasAttributedTo:
            graph.add((foreign, p, o))
    graph.add((foreign, PROV.wasAttributedTo, agent))
    return foreign


@pytest.mark.parametrize("agent_class", [ORG.Organization, BCIC.CultivationBody],
                         ids=["consultancy", "benchmark-cluster-body"])
def test_a_kpi_system_based_on_a_strategy_not_of_the_body_fails_9_1_1(
        base: Graph, agent_class: URIRef) -> None:
    """9.1.1 「培育主体应依据品牌战略，确定关键绩效指标」: a consultancy's strategy, or that of a
    benchmark cluster's body (which cultivates no cluster of this submission), is not the body's."""
    graph = Graph() + base
    agent = _node(graph, "other-agent")
    graph.add((agent, RDF.type, agent_class))
    graph.add((agent, RDFS.label, Literal("他方", lang="zh")))
    kpi = _node(graph, "kpi-system")
    graph.remove((kpi, BCIC.basedOn, None))
    graph.add((kpi, BCIC.basedOn, _foreign_strategy(graph, agent)))
    report = validate_graph(graph, rulebook=RULEBOOK, processes=1)
    assert report.outcome("9.1.1").status is Status.NOT_MET
    assert {(r.focus_node, r.source_shape) for r in report.outcome("9.1.1").results} == {
        (kpi, SHP.KPISystemOnStrategy)}


def test_every_kpi_system_rests_on_the_body_strategy_under_9_1_1(base: Graph) -> None:
    """A second KPI system based on no strategy fails 9.1.1 beside one that is."""
    graph = Graph() + base
    kpi, second = _node(graph, "kpi-system"), _node(graph, "kpi-system-2")
    for p, o in graph.predicate_objects(kpi):
        if p != BCIC.basedOn:
            graph.add((second, p, o))
    report = validate_graph(graph, rulebook=RULEBOOK, processes=1)
    assert report.outcome("9.1.1").status is Status.NOT_MET
    assert _focus_nodes(report, "9.1.1") == {second}


@pytest.fixture(scope="module")
def unlinked_case(base: Graph) -> Report:
    """Parts linked to nothing (7.2.2.2, 7.4.4, 6.1), beside evidence split where the clause
    allows several documents (5.1, 6.2 a)'s communication, 7.2.2.3)."""
    graph = Graph() + base
    positioning, orphan = _node(graph, "positioning"), _node(graph, "positioning-2")
    for p, o in graph.predicate_objects(positioning):
        graph.add((orphan, p, o))
    graph.remove((None, ORG.hasUnit, _node(graph, "brand-agency")))
    centre, platform = _node(graph, "testing-centre"), _node(graph, "quality-platform")
    enterprise = next(graph.value(m, ORG.member) for m in graph.subjects(ORG.role,
                                                                          BCIC.IndustryEnterpriseRole))
    outsider = _node(graph, "outside-government")
    graph.add((outsider, RDF.type, BCIC.GovernmentBody))
    for node, agent in ((centre, enterprise), (platform, outsider)):
        graph.remove((node, PROV.wasAttributedTo, None))
        graph.add((node, PROV.wasAttributedTo, _node(graph, "body")))
        graph.add((node, PROV.wasAttributedTo, agent))
    for local, parts in (("macro", (BCIC.covers,)),
                         ("strategy-communication", (BCIC.covers,)),
                         ("community", (BCIC.covers,))):
        assert len(spread(graph, _node(graph, local), parts)) > 1
    return validate_graph(graph, rulebook=RULEBOOK, processes=1)


def test_a_positioning_of_no_strategy_fails_6_1(unlinked_case: Report, base: Graph) -> None:
    outcome = unlinked_case.outcome("6.1")
    assert outcome.status is Status.NOT_MET
    assert {r.source_shape for r in outcome.results} == {SHP.PositioningInStrategy}
    assert _focus_nodes(unlinked_case, "6.1") == {_node(base, "positioning-2")}
    # complete, only unlinked: what data can show of 6.1.1.1 is there, the rest the evaluator's
    assert unlinked_case.outcome("6.1.1.1").status is Status.MANUAL_REVIEW


def test_a_dedicated_agency_not_of_the_body_fails_7_2_2_2(unlinked_case: Report,
                                                           base: Graph) -> None:
    assert unlinked_case.outcome("7.2.2.2").status is Status.NOT_MET
    assert _focus_nodes(unlinked_case, "7.2.2.2") == {_node(base, "brand-agency")}


def test_quality_resources_not_set_up_through_a_government_or_association_member_fail_7_4_4(
        unlinked_case: Report, base: Graph) -> None:
    """An enterprise member, or a government body outside the cultivation body, is not 「通过政府和
    行业协会」: no centre and no platform is, so 7.4.4 reports both classes (some of each must be)."""
    assert unlinked_case.outcome("7.4.4").status is Status.NOT_MET
    assert _focus_nodes(unlinked_case, "7.4.4") == {BCIC.SharedTestingCentre,
                                                    BCIC.QualityMonitoringPlatform}
    assert {_node(base, "testing-centre"), _node(base, "quality-platform")} <= {
        c.node for f in unlinked_case.outcome("7.4.4").findings for d in f.diagnoses
        for c in d.candidates}


@pytest.mark.parametrize("rid", ["5.1", "6.2-a", "7.2.2.3"])
def test_evidence_that_may_be_several_documents_still_counts_when_split(
        unlinked_case: Report, rid: str) -> None:
    """No gap (5.1 still awaits the evaluator's judgement: its manual review)."""
    outcome = unlinked_case.outcome(rid)
    assert outcome.status in (Status.MET, Status.MANUAL_REVIEW) and not outcome.results, \
        outcome.results


@pytest.fixture(scope="module")
def nothing_case(base: Graph) -> Report:
    """No strategy, positioning, architecture, indicator system, evaluation, cluster brand, brand
    element design or crisis management mechanism at all."""
    graph = Graph() + base
    for local in ("strategy", "positioning", "architecture", "kpi-system",
                  "performance-evaluation", "cluster-brand", "element-design", "crisis-mechanism"):
        node = _node(graph, local)
        graph.remove((node, None, None))
        graph.remove((None, None, node))
    return validate_graph(graph, rulebook=RULEBOOK, processes=1)


@pytest.mark.parametrize("rid, shape", [
    ("6.1", SHP.StrategyExists), ("6.1.1.1", SHP.PositioningExists),
    ("6.1.2.1", SHP.ArchitectureExists), ("6.1.2.2", SHP.ArchitectureDesignExists),
    ("9.1.1", SHP["KPISystemFor-9.1.1"]), ("9.1.2", SHP["KPISystemFor-9.1.2"]),
    ("9.3.1", (SHP.EvaluationPeriod, SHP.PerformanceEvaluationExists)),
    ("8.1.2", SHP.ClusterBrandExists),
    *[(rid, SHP[f"KPISystemFor-{rid}"]) for rid in ITEMS_9_1_4],
    *[(f"8.1.3-{n}", SHP[f"ElementDesignFor-8.1.3-{n}"]) for n in range(1, 6)],
    *[(f"8.3.4-{n}", SHP[f"CrisisMechanismFor-8.3.4-{n}"]) for n in range(1, 4)]])
def test_a_clause_with_no_evidence_at_all_has_one_clear_finding(
        nothing_case: Report, rid: str, shape: URIRef | tuple[URIRef, ...]) -> None:
    """One shape says it, or for 9.3.1 the absence and the missing periodic evaluation, which the
    report gives as one finding (the absence said with it)."""
    outcome = nothing_case.outcome(rid)
    assert outcome.status is Status.NOT_MET
    shapes = list(shape) if isinstance(shape, tuple) else [shape]
    assert sorted(r.source_shape for r in outcome.results) == sorted(shapes)
    (requirement,) = [r for r in json.loads(render_report(nothing_case, "json", "en"))[
        "requirements"] if r["id"] == rid]
    assert len(requirement["findings"]) == 1, requirement["findings"]


# 8.1.2 「培育主体应设计的品牌要素，包括但不限于品牌名称、品牌标志、品牌口号、品牌故事等基本要素，以及这些要素的
# 运用载体。」: each element kind, with the shape that asks every cluster brand of the cluster for it.
ELEMENT_SHAPES = {BCIC.BrandName: SHP.ClusterBrandHasBrandName,
                  BCIC.BrandLogo: SHP.ClusterBrandHasBrandLogo,
                  BCIC.BrandSlogan: SHP.ClusterBrandHasBrandSlogan,
                  BCIC.BrandStory: SHP.ClusterBrandHasBrandStory}


def _brand_of(graph: Graph, brand: URIRef, cluster: URIRef) -> URIRef:
    """Add `brand`, a cluster brand of `cluster` with no element."""
    graph.add((brand, RDF.type, BCIC.ClusterBrand))
    graph.add((brand, RDFS.label, Literal("集群品牌", lang="zh")))
    graph.add((brand, BCIC.brandOf, cluster))
    return brand


@pytest.fixture(scope="module")
def split_brand(base: Graph) -> Spread:
    """The cluster brand's name and logo left on its record, its slogan and story (and the
    elements applied on a carrier: the logo) on a second record of the same cluster."""
    graph = Graph() + base
    brand = _node(graph, "cluster-brand")
    second = _brand_of(graph, _node(graph, "cluster-brand-2"), graph.value(brand, BCIC.brandOf))
    for local in ("element-slogan", "element-story"):
        graph.remove((brand, BCIC.hasBrandElement, _node(graph, local)))
        graph.add((second, BCIC.hasBrandElement, _node(graph, local)))
    report = validate_graph(graph, rulebook=RULEBOOK, processes=1)
    return Spread(report, {"cluster-brand": [brand, second]}, graph)


@pytest.mark.parametrize("kind", sorted(ELEMENT_SHAPES), ids=lambda k: str(k).rsplit("#", 1)[-1])
def test_elements_spread_over_two_brand_records_of_the_cluster_are_reported_under_8_1_2(
        split_brand: Spread, kind: URIRef) -> None:
    """A name on one record and a slogan on another make no cluster brand complete: each record
    is named for the kinds it lacks."""
    graph, (brand, second) = split_brand.graph, split_brand.fragments["cluster-brand"]
    outcome = split_brand.report.outcome("8.1.2")
    assert outcome.status is Status.NOT_MET
    lacking = {b for b in (brand, second)
               if not any((e, RDF.type, kind) in graph for e in graph.objects(b, BCIC.hasBrandElement))}
    assert len(lacking) == 1
    assert {r.focus_node for r in outcome.results if r.source_shape == ELEMENT_SHAPES[kind]} \
        == lacking


def test_a_brand_record_with_no_element_on_a_carrier_is_named_under_8_1_2(
        split_brand: Spread) -> None:
    """Only the logo, on the first record, is applied on a carrier: the second record has no
    element on one, and the finding explains what it lacks along the brand's elements."""
    _brand, second = split_brand.fragments["cluster-brand"]
    outcome = split_brand.report.outcome("8.1.2")
    assert {r.focus_node for r in outcome.results
            if r.source_shape == SHP.ElementCarrierExists} == {second}
    (finding,) = [f for f in outcome.findings
                  if f.diagnoses[0].result.source_shape == SHP.ElementCarrierExists]
    (candidate,) = finding.diagnoses[0].candidates
    assert candidate.node == second
    assert [path_properties(lack.path) for lack in candidate.lacks] == [
        ((BCIC.hasBrandElement, False), (BCIC.appliedOn, False))]


def _other_cluster(graph: Graph, link: URIRef) -> URIRef:
    """Add a benchmark or competitor cluster (`link`) of the assessed cluster, which no body of
    the submission cultivates."""
    other = _node(graph, "other-cluster")
    graph.add((other, RDF.type, BCIC.IndustrialCluster))
    graph.add((other, RDFS.label, Literal("他方集群", lang="zh")))
    graph.add((_node(graph, "cluster"), link, other))
    return other


@pytest.mark.parametrize("link", [BCIC.benchmarkCluster, BCIC.competitorCluster],
                         ids=["benchmark", "competitor"])
def test_a_cluster_brand_of_another_cluster_with_no_elements_is_not_reported_under_8_1_2(
        base: Graph, link: URIRef) -> None:
    """The elements are asked of the assessed cluster's brand only: a benchmark's or a
    competitor's cluster brand, whose cluster no body of the submission cultivates, is not."""
    graph = Graph() + base
    _brand_of(graph, _node(graph, "other-cluster-brand"), _other_cluster(graph, link))
    report = validate_graph(graph, rulebook=RULEBOOK, processes=1)
    assert report.outcome("8.1.2").status is Status.MET
    assert report.outcome("8.1.2").results == ()


# What 8.1.2 asks of every element record: its content (ch8-branding.ttl) and its frame
# (provenance.ttl), each guarded by shp:OtherClustersElement.
ELEMENT_RECORD_SHAPES = {SHP.BrandElementContent: BCIC.elementContent,
                         SHP["ByBody-8.1.2-BrandElement"]: PROV.wasAttributedTo,
                         SHP["Titled-8.1.2-BrandElement"]: DCTERMS.title,
                         SHP["Dated-8.1.2-BrandElement"]: DCTERMS.date}


def _bare_element(graph: Graph, agent: URIRef) -> URIRef:
    """Add a brand logo record with no content, title or date, attributed to `agent` only."""
    element = _node(graph, "bare-logo")
    graph.add((element, RDF.type, BCIC.BrandLogo))
    graph.add((element, RDFS.label, Literal("品牌标志", lang="zh")))
    graph.add((element, PROV.wasAttributedTo, agent))
    return element


def _rival_body(graph: Graph) -> URIRef:
    """The other cluster's cultivation body, which cultivates no cluster of this submission."""
    body = _node(graph, "other-body")
    graph.add((body, RDF.type, BCIC.CultivationBody))
    graph.add((body, RDFS.label, Literal("他方集群培育主体", lang="zh")))
    return body


@pytest.mark.parametrize("link", [BCIC.benchmarkCluster, BCIC.competitorCluster],
                         ids=["benchmark", "competitor"])
def test_an_element_of_another_clusters_brand_is_not_asked_its_content_or_frame_under_8_1_2(
        base: Graph, link: URIRef) -> None:
    """A benchmark's (9.3.2) or a competitor's (5.2.4) logo described in the submission is that
    cluster's, attributed to its own body: 8.1.2 asks neither its content nor the cultivation body
    as the one answerable for it."""
    graph = Graph() + base
    other_brand = _brand_of(graph, _node(graph, "other-cluster-brand"), _other_cluster(graph, link))
    graph.add((other_brand, BCIC.hasBrandElement, _bare_element(graph, _rival_body(graph))))
    outcome = validate_graph(graph, rulebook=RULEBOOK, processes=1).outcome("8.1.2")
    assert outcome.status is Status.MET
    assert outcome.results == ()


@pytest.mark.parametrize("brands", [("cluster-brand",), ("cluster-brand", "other-cluster-brand"), ()],
                         ids=["of-this-clusters-brand", "also-of-a-competitors-brand", "of-no-brand"])
def test_an_element_record_of_this_submission_without_content_or_frame_is_named_under_8_1_2(
        base: Graph, brands: tuple[str, ...]) -> None:
    """An element of this cluster's brand, even one a competitor's brand shares, or of no brand at
    all (the submission's own loose record) is asked everything: each finding names the element
    record and the property it lacks."""
    graph = Graph() + base
    _brand_of(graph, _node(graph, "other-cluster-brand"),
              _other_cluster(graph, BCIC.competitorCluster))
    element = _bare_element(graph, _rival_body(graph))
    for brand in brands:
        graph.add((_node(graph, brand), BCIC.hasBrandElement, element))
    outcome = validate_graph(graph, rulebook=RULEBOOK, processes=1).outcome("8.1.2")
    assert outcome.status is Status.NOT_MET
    named = {f.diagnoses[0].result.source_shape:
             [(c.node, [path_properties(lack.path) for lack in c.lacks])
              for c in f.diagnoses[0].candidates]
             for f in outcome.findings if f.diagnoses[0].result.source_shape in ELEMENT_RECORD_SHAPES}
    assert named == {shape: [(element, [((prop, False),)])]
                     for shape, prop in ELEMENT_RECORD_SHAPES.items()}


def test_a_cluster_brand_of_no_cluster_does_not_meet_8_1_2(base: Graph) -> None:
    """A complete cluster brand that names no cluster (no bcic:brandOf) is not shown to be this
    cluster's: one finding says no brand of the cluster exists."""
    graph = Graph() + base
    graph.remove((_node(graph, "cluster-brand"), BCIC.brandOf, None))
    outcome = validate_graph(graph, rulebook=RULEBOOK, processes=1).outcome("8.1.2")
    assert outcome.status is Status.NOT_MET
    assert [r.source_shape for r in outcome.results] == [SHP.ClusterBrandExists]


def test_the_8_1_2_hint_asks_the_cluster_brand_of_the_cluster_for_each_element() -> None:
    """The hint reads the checks of the guarded shapes: the brand names its cluster and has an
    element of each kind."""
    asks = RULEBOOK.guidance["8.1.2"].asks_of(BCIC.ClusterBrand)
    asked = {(path_properties(a.path), a.expected) for a in asks}
    assert {(((BCIC.hasBrandElement, False),), (kind,)) for kind in ELEMENT_SHAPES} <= asked
    assert (((BCIC.brandOf, False), (BCIC.cultivates, True)), (BCIC.CultivationBody,)) in asked
