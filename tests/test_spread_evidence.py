"""One provision's parts on one node: evidence spread over partial nodes, or parts linked to
nothing, is reported under the clause and names the incomplete node; evidence that may be several
documents (5.1, 6.2 a)'s communication, 7.2.2.3) still counts when split. List items whose parts
belong to one node (8.1.3's principles of the design, 8.3.4's parts of the mechanism) are reported
on each node that lacks the item's part."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV
from rdflib.term import Node

from checker.coverage import conforming_base
from checker.namespaces import BCIC, SHP
from checker.report import Report, Status
from checker.rulebook import load_rulebook
from checker.validation import validate_graph

RULEBOOK = load_rulebook()
ITEMS_9_1_4 = [f"9.1.4-{g}-{n}" for g, n in (("a", 1), ("a", 2), ("a", 3), ("a", 4), ("b", 1),
                                             ("b", 2), ("c", 1), ("c", 2), ("c", 3), ("c", 4))]

# The node of the conforming base to spread, the parts to spread it by, and the clauses that
# ask those parts of one node.
SPREADS: dict[str, tuple[tuple[URIRef, ...], tuple[str, ...]]] = {
    "strategy": ((BCIC.hasPositioning, BCIC.hasArchitecture, BCIC.basedOn, BCIC.covers), ("6.1",)),
    "positioning": ((BCIC.coreValue, BCIC.differentiation, BCIC.competitorConsidered, BCIC.basedOn,
                     BCIC.covers), ("6.1.1.1",)),
    "architecture": ((BCIC.relationDescription, BCIC.includesBrand, BCIC.architectureMode,
                      BCIC.developmentStage, BCIC.benefit, BCIC.cost, BCIC.risk),
                     ("6.1.2.1", "6.1.2.2")),
    "agglomeration": ((BCIC.concentrationIndicator, BCIC.concentrationValue,
                       BCIC.valueChainPosition), ("5.2.3",)),
    "brand-fund": ((BCIC.covers, BCIC.amount, BCIC.currency), ("7.1.2.1",)),
    "service-evaluation": ((BCIC.covers,), ("7.5.4",)),
    "kpi-system": ((BCIC.includesIndicator,), ("9.1.2", *ITEMS_9_1_4)),
    "performance-measurement": ((BCIC.dataScreening, BCIC.period), ("9.2.3",)),
    "performance-evaluation": ((BCIC.analysisMethod, BCIC.period, BCIC.finding), ("9.3.1",)),
    "improvement": ((BCIC.basedOn, BCIC.priority, BCIC.improvementDirection), ("9.4.1",)),
    "correction": ((BCIC.covers,), ("9.4.2",)),
}

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
    report, fragments = spread_case.report, spread_case.fragments
    assert len(fragments[local]) > 1
    for rid in SPREADS[local][1]:
        assert report.outcome(rid).status is Status.NOT_MET, rid
        assert set(fragments[local]) <= _focus_nodes(report, rid), rid


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


@pytest.mark.parametrize("rid", [rid for _local, rid in ITEMS] + ["9.1.1"])
def test_one_complete_record_meets_the_provision(base_report: Report, rid: str) -> None:
    """The conforming base: one design stating the five principles, one mechanism with its
    three parts, one KPI system based on the body's strategy."""
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
    for local, parts in (("macro", (BCIC.covers, BCIC.opportunity, BCIC.risk)),
                         ("strategy-communication", (BCIC.covers,)),
                         ("community", (BCIC.covers,))):
        assert len(spread(graph, _node(graph, local), parts)) > 1
    return validate_graph(graph, rulebook=RULEBOOK, processes=1)


def test_a_positioning_of_no_strategy_fails_6_1(unlinked_case: Report, base: Graph) -> None:
    outcome = unlinked_case.outcome("6.1")
    assert outcome.status is Status.NOT_MET
    assert {r.source_shape for r in outcome.results} == {SHP.PositioningInStrategy}
    assert _focus_nodes(unlinked_case, "6.1") == {_node(base, "positioning-2")}
    assert unlinked_case.outcome("6.1.1.1").status is Status.MET  # complete, only unlinked


def test_a_dedicated_agency_not_of_the_body_fails_7_2_2_2(unlinked_case: Report,
                                                           base: Graph) -> None:
    assert unlinked_case.outcome("7.2.2.2").status is Status.NOT_MET
    assert _focus_nodes(unlinked_case, "7.2.2.2") == {_node(base, "brand-agency")}


def test_quality_resources_not_set_up_through_a_government_or_association_member_fail_7_4_4(
        unlinked_case: Report, base: Graph) -> None:
    """An enterprise member, or a government body outside the cultivation body, is not 「通过政府和
    行业协会」."""
    assert unlinked_case.outcome("7.4.4").status is Status.NOT_MET
    assert _focus_nodes(unlinked_case, "7.4.4") == {_node(base, "testing-centre"),
                                                    _node(base, "quality-platform")}


@pytest.mark.parametrize("rid", ["5.1", "6.2-a", "7.2.2.3"])
def test_evidence_that_may_be_several_documents_still_counts_when_split(
        unlinked_case: Report, rid: str) -> None:
    assert unlinked_case.outcome(rid).status is Status.MET, unlinked_case.outcome(rid).results


@pytest.fixture(scope="module")
def nothing_case(base: Graph) -> Report:
    """No strategy, positioning, architecture, indicator system, evaluation, brand element
    design or crisis management mechanism at all."""
    graph = Graph() + base
    for local in ("strategy", "positioning", "architecture", "kpi-system",
                  "performance-evaluation", "element-design", "crisis-mechanism"):
        node = _node(graph, local)
        graph.remove((node, None, None))
        graph.remove((None, None, node))
    return validate_graph(graph, rulebook=RULEBOOK, processes=1)


@pytest.mark.parametrize("rid, shape", [
    ("6.1", SHP.StrategyExists), ("6.1.1.1", SHP.PositioningExists),
    ("6.1.2.1", SHP.ArchitectureExists), ("6.1.2.2", SHP.ArchitectureDesignExists),
    ("9.1.1", SHP["KPISystemFor-9.1.1"]), ("9.1.2", SHP["KPISystemFor-9.1.2"]),
    ("9.3.1", SHP.PerformanceEvaluationExists),
    *[(rid, SHP[f"KPISystemFor-{rid}"]) for rid in ITEMS_9_1_4],
    *[(f"8.1.3-{n}", SHP[f"ElementDesignFor-8.1.3-{n}"]) for n in range(1, 6)],
    *[(f"8.3.4-{n}", SHP[f"CrisisMechanismFor-8.3.4-{n}"]) for n in range(1, 4)]])
def test_a_clause_with_no_evidence_at_all_has_one_clear_finding(
        nothing_case: Report, rid: str, shape: URIRef) -> None:
    outcome = nothing_case.outcome(rid)
    assert outcome.status is Status.NOT_MET
    assert [r.source_shape for r in outcome.results] == [shape]
