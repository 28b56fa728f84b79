"""The comparisons of 9.3.2 when an indicator is stated in two units, and when a peer's figure is
stated both by the peer and by another cluster (checker/queries/README.md).

9.3.2 「绩效分析的常用方法包括但不限于：a) 与战略目标的对比；b) 与历史同期的对比；c) 与标杆的对比；
d) 与竞争对手的对比。」 A comparison is made between values of one unit only: a gap, change or
difference between a value in 亿元 and an index is left unbound, and a ranking puts each unit apart.
A peer's figures carry the cluster whose submission states them, the peer's own first
(docs/model.md, decision 8). Expected answers are read from the Turtle written here with rdflib.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from checker.ingest import ingest_files
from checker.namespaces import BCIC, IND
from checker.paths import EXAMPLES_DIR
from checker.queries import ENGINE_PROLOGUES, bind, get_query, run_named_query
from checker.store import Store, open_store

from test_named_queries import (CHAOZHOU, DATANG, DEHUA, JINGDEZHEN, MEITAN, SAMPLES, Figures,
                                figures_about, jingdezhen, number, peer_submission,
                                revised_dehua)

QB = Namespace("http://purl.org/linked-data/cube#")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
INDEX = "指数(2015=100)"
# Dehua's industry scale (b.1.1) also as an index: (value kind, year, value)
INDEX_FIGURES = (("actual", 2023, "221.4"), ("actual", 2024, "236.8"),
                 ("target", 2022, "210.0"), ("target", 2024, "230.0"))
CHAOZHOU_FIGURES: Figures = (("IndustryScale", 2024, "650.0", "亿元"),
                             ("LocationAdvantage", 2023, "7.9", "分(0-10)"))
ABOUT_CHAOZHOU: Figures = (("BrandReputation", 2021, "86.0", "分(0-100)"),)

# (cluster, indicator, year, value kind, unit) → value
UnitObservations = dict[tuple[Node, Node, int, Node, str], Decimal]


def two_unit_dehua() -> Graph:
    """Dehua's revision stating its industry scale both in 亿元 (every year, as `revised_dehua`)
    and as an index (2015 = 100), as a cluster reporting the money figure and the index would:
    actual values for 2023 and 2024, targets for 2022 and 2024."""
    graph = revised_dehua()
    for kind, year, value in INDEX_FIGURES:
        observation = URIRef(
            f"https://example.org/cluster/dehua/obs-IndustryScale-{year}-{kind}-index")
        for p, o in ((RDF.type, BCIC.IndicatorObservation), (QB.dataSet, BCIC.IndicatorDataSet),
                     (BCIC.refCluster, DEHUA), (BCIC.indicator, IND.IndustryScale),
                     (BCIC.refYear, Literal(str(year), datatype=XSD_GYEAR)),
                     (BCIC.valueKind, BCIC.ActualValue if kind == "actual" else BCIC.TargetValue),
                     (BCIC.observedValue, Literal(Decimal(value))),
                     (BCIC.unitOfMeasure, Literal(INDEX))):
            graph.add((observation, p, o))
    return graph


def chaozhou() -> Graph:
    """The competitor's own submission: its 2024 industry scale is not the 700 亿元 Dehua reports
    about it, and it rates its location advantage out of 10, where Dehua rates out of 100."""
    return peer_submission(CHAOZHOU, "潮州陶瓷产业集群", "Chaozhou ceramics industrial cluster",
                           CHAOZHOU_FIGURES)


def reporting_jingdezhen() -> Graph:
    """Jingdezhen's own submission, with a figure about Chaozhou: a third cluster's report."""
    graph = jingdezhen()
    graph += figures_about(CHAOZHOU, ABOUT_CHAOZHOU)
    return graph


def unit_files(folder: Path) -> list[Path]:
    """The files of `units_store`, in the order they are ingested (also for the Virtuoso tests):
    the three samples, then `two_unit_dehua`, `reporting_jingdezhen` and `chaozhou` written into
    the folder."""
    written = []
    for name, graph in (("dehua-r2.ttl", two_unit_dehua()),
                        ("jingdezhen.ttl", reporting_jingdezhen()),
                        ("chaozhou.ttl", chaozhou())):
        graph.serialize(folder / name, format="turtle")
        written.append(folder / name)
    return [EXAMPLES_DIR / name for name in SAMPLES] + written


@pytest.fixture(scope="module")
def units_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The samples, then Dehua's revision in two units, Jingdezhen's and Chaozhou's own."""
    opened = open_store("oxigraph", path=None)
    for path in unit_files(tmp_path_factory.mktemp("units")):
        ingest_files(opened, [path])
    yield opened
    opened.close()


def unit_observations(graph: Graph) -> UnitObservations:
    """Every observation of a graph, keyed by cluster, indicator, year, kind and unit."""
    found: UnitObservations = {}
    for obs in graph.subjects(RDF.type, BCIC.IndicatorObservation):
        key = (graph.value(obs, BCIC.refCluster), graph.value(obs, BCIC.indicator),
               int(str(graph.value(obs, BCIC.refYear))), graph.value(obs, BCIC.valueKind),
               str(graph.value(obs, BCIC.unitOfMeasure)))
        found[key] = Decimal(str(graph.value(obs, BCIC.observedValue)))
    return found


def optional(row: dict[str, Node], column: str) -> Decimal | str | None:
    """A row's number, or text for a unit, or None when the column is unbound."""
    if column not in row:
        return None
    return str(row[column]) if column.endswith(("unit", "Unit")) else number(row[column])


# --- 9.3.2 a) and b): one cluster's own figures ----------------------------------------------

def test_a_target_is_compared_only_with_the_actual_value_of_its_unit(units_store: Store) -> None:
    """9.3.2 a): the 2024 index target meets the 2024 index, never the 亿元 figure; the 2022 index
    target has no actual value in its unit (2022 is stated in 亿元 only), hence no gap."""
    obs = unit_observations(two_unit_dehua())
    want = {}
    for (cluster, indicator, year, kind, unit), target in obs.items():
        if cluster == DEHUA and kind == BCIC.TargetValue:
            actual = obs.get((cluster, indicator, year, BCIC.ActualValue, unit))
            gap = None if actual is None else actual - target
            want[indicator, year, unit] = (target, actual, gap, None if actual is None else unit)
    rows = run_named_query(units_store, "indicators-vs-targets", {"cluster": str(DEHUA)})
    got = {(r["indicator"], int(r["year"]), str(r["unit"])):
           tuple(optional(r, c) for c in ("target", "actual", "gap", "actualUnit")) for r in rows}
    assert len(rows) == len(got) and got == want
    assert got[IND.IndustryScale, 2024, INDEX] == (Decimal("230.0"), Decimal("236.8"),
                                                    Decimal("6.8"), INDEX)
    assert got[IND.IndustryScale, 2024, "亿元"][1:3] == (Decimal("523.4"), Decimal("3.4"))
    assert got[IND.IndustryScale, 2022, INDEX] == (Decimal("210.0"), None, None, None)


def test_a_change_is_measured_only_from_the_previous_value_of_its_unit(units_store: Store) -> None:
    """9.3.2 b): 2024's index changes from 2023's index, 2024's 亿元 from 2023's 亿元; 2023's index
    has no previous value (2022 is stated in 亿元 only), hence no change."""
    values = {(i, y, u): v for (c, i, y, k, u), v in unit_observations(two_unit_dehua()).items()
              if c == DEHUA and k == BCIC.ActualValue}
    want = {}
    for (indicator, year, unit), value in values.items():
        previous = values.get((indicator, year - 1, unit))
        want[indicator, year, unit] = (value, previous,
                                       None if previous is None else value - previous,
                                       None if previous is None else unit)
    rows = run_named_query(units_store, "indicators-vs-history", {"cluster": str(DEHUA)})
    got = {(r["indicator"], int(r["year"]), str(r["unit"])):
           tuple(optional(r, c) for c in ("value", "previous", "change", "previousUnit"))
           for r in rows}
    assert len(rows) == len(got) and got == want
    assert got[IND.IndustryScale, 2024, "亿元"][1:] == (Decimal("487.6"), Decimal("35.8"), "亿元")
    assert got[IND.IndustryScale, 2024, INDEX][1:] == (Decimal("221.4"), Decimal("15.4"), INDEX)
    assert got[IND.IndustryScale, 2023, INDEX][1:] == (None, None, None)


# --- 9.3.2: trends across clusters ---------------------------------------------------------

def test_indicator_trends_rank_the_clusters_within_one_unit(units_store: Store) -> None:
    """9.3.2: in 2024 the 亿元 figures are ranked among themselves, then Dehua's index apart, though
    its 236.8 is above Meitan's 181.7 亿元."""
    rows = run_named_query(units_store, "indicator-trends", {"code": "b.1.1"})
    keys = [(int(r["year"]), str(r["unit"]), -number(r["value"])) for r in rows]
    assert keys == sorted(keys)
    assert [(r["cluster"], str(r["unit"])) for r in rows if int(r["year"]) == 2024] == [
        (DATANG, "亿元"), (JINGDEZHEN, "亿元"), (CHAOZHOU, "亿元"), (DEHUA, "亿元"), (MEITAN, "亿元"),
        (DEHUA, INDEX)]


# --- 9.3.2 c) and d): against peers ------------------------------------------------------------

PEER_CASES = [("indicators-vs-benchmark", JINGDEZHEN, "benchmark"),
              ("indicators-vs-competitors", CHAOZHOU, "competitor")]


@pytest.mark.parametrize(("name", "peer", "side"), PEER_CASES)
def test_a_difference_is_given_only_between_values_of_one_unit(
        units_store: Store, name: str, peer: URIRef, side: str) -> None:
    """9.3.2 c) d): Dehua's 2024 index stands beside the peer's 亿元 figure with both units and no
    difference; its 亿元 figure gets one."""
    rows = run_named_query(units_store, name, {"cluster": str(DEHUA)})
    for row in rows:
        value, other = number(row["value"]), number(row[f"{side}Value"])
        if str(row["unit"]) == str(row[f"{side}Unit"]):
            assert number(row["difference"]) == value - other
        else:
            assert "difference" not in row, row
    own_scale = {(str(r["unit"]), str(r[f"{side}Unit"]), optional(r, "difference")) for r in rows
                 if r["indicator"] == IND.IndustryScale and r["sourceCluster"] == peer}
    figure = {JINGDEZHEN: Decimal("700.0"), CHAOZHOU: Decimal("650.0")}[peer]
    assert own_scale == {("亿元", "亿元", Decimal("523.4") - figure), (INDEX, "亿元", None)}


def test_a_competitors_own_figure_comes_first_then_those_reported_about_it(
        units_store: Store) -> None:
    """Chaozhou's 2024 industry scale is 650 亿元 in its own submission and 700 in Dehua's: both
    rows come, Chaozhou's own first, each saying where it comes from; a third cluster's report
    (Jingdezhen's) says so too."""
    rows = run_named_query(units_store, "indicators-vs-competitors", {"cluster": str(DEHUA)})
    sources = {(r["sourceCluster"], str(r["sourceLabelZh"]), str(r["sourceLabelEn"]))
               for r in rows}
    assert sources == {(CHAOZHOU, "竞争集群自己的提交", "the competitor's own submission"),
                       (DEHUA, "本集群的提交", "this cluster's submission"),
                       (JINGDEZHEN, "另一产业集群的提交", "another cluster's submission")}
    assert {(r["sourceLabelZh"].language, r["sourceLabelEn"].language) for r in rows} == {
        ("zh", "en")}
    scale = [(r["sourceCluster"], number(r["competitorValue"])) for r in rows
             if r["indicator"] == IND.IndustryScale and str(r["unit"]) == "亿元"]
    assert scale == [(CHAOZHOU, Decimal("650.0")), (DEHUA, Decimal("700.0"))]
    reputation = [r["sourceCluster"] for r in rows if r["indicator"] == IND.BrandReputation]
    assert reputation == [DEHUA, JINGDEZHEN]  # no figure of Chaozhou's own: the others by IRI
    assert_own_rows_first(rows, CHAOZHOU)


def test_a_given_benchmarks_own_figure_comes_first_then_those_reported_about_it(
        units_store: Store) -> None:
    rows = run_named_query(units_store, "indicators-vs-benchmark",
                           {"cluster": str(DEHUA), "benchmark": str(CHAOZHOU)})
    scale = [(r["sourceCluster"], str(r["sourceLabelEn"]), number(r["benchmarkValue"]))
             for r in rows if r["indicator"] == IND.IndustryScale and str(r["unit"]) == "亿元"]
    assert scale == [(CHAOZHOU, "the benchmark's own submission", Decimal("650.0")),
                     (DEHUA, "this cluster's submission", Decimal("700.0"))]
    assert {str(r["sourceLabelZh"]) for r in rows if r["sourceCluster"] == CHAOZHOU} == {
        "标杆集群自己的提交"}
    assert_own_rows_first(rows, CHAOZHOU)


def assert_own_rows_first(rows: list[dict[str, Node]], peer: URIRef) -> None:
    """Rows come by indicator, the peer's own figures before any other's."""
    ranks = [(str(r["notation"]), r["sourceCluster"] != peer) for r in rows]
    assert ranks == sorted(ranks)


# --- both texts of each comparison ----------------------------------------------------------

ENGINE_CASES = [("indicators-vs-targets", {"cluster": str(DEHUA)}),
                ("indicators-vs-history", {"cluster": str(DEHUA)}),
                ("indicators-vs-benchmark", {"cluster": str(DEHUA)}),
                ("indicators-vs-benchmark", {"cluster": str(DEHUA), "benchmark": str(CHAOZHOU)}),
                ("indicators-vs-competitors", {"cluster": str(DEHUA)})]


@pytest.mark.parametrize(("name", "values"), ENGINE_CASES,
                         ids=[f"{n}-{'&'.join(v)}" for n, v in ENGINE_CASES])
def test_each_engine_text_gives_the_standard_rows_on_oxigraph(
        units_store: Store, name: str, values: dict[str, str]) -> None:
    query = get_query(name)
    expected = units_store.select(bind(query, values))
    assert expected
    for engine in query.variants:
        text = bind(query, values, engine=engine).removeprefix(ENGINE_PROLOGUES[engine])
        assert Counter(map(_row_key, units_store.select(text))) == Counter(map(_row_key, expected))


def _row_key(row: dict[str, Node]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((column, value.n3()) for column, value in row.items()))
