"""Indicator figures and their comparison without the web app (checker/indicator_data.py,
checker/benchmarking.py, checker/indicator_scheme.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import URIRef

from checker.benchmarking import common_year, group_radar, leaf_score
from checker.indicator_data import ClusterFigures, Figure, ValueKind, declared_peers, read_figures
from checker.indicator_scheme import indicator_scheme
from checker.ingest import ingest_files
from checker.store import open_store

A = URIRef("https://example.org/a")
B = URIRef("https://example.org/b")
C = URIRef("https://example.org/c")
IND = "https://w3id.org/bcic/indicator/"
SCALE = indicator_scheme().indicator("b.1.1")  # 产业规模, industry scale


def cluster(iri: URIRef, values: dict[tuple[str, int], str]) -> ClusterFigures:
    """Actual values by (indicator code, year), all in one unit."""
    return in_units(iri, {(code, year, "u"): value for (code, year), value in values.items()})


def in_units(iri: URIRef, values: dict[tuple[str, int, str | None], str],
             specified: dict[str, str] | None = None) -> ClusterFigures:
    """Actual values by (indicator code, year, unit), and the unit the measurement specification
    of an indicator (by code) names."""
    scheme = indicator_scheme()
    return ClusterFigures(iri, tuple(
        Figure(scheme.indicator(code).iri, year, ValueKind.ACTUAL,  # type: ignore[union-attr]
               Decimal(value), unit, iri) for (code, year, unit), value in values.items()),
        {scheme.indicator(code).iri: unit  # type: ignore[union-attr]
         for code, unit in (specified or {}).items()})


def test_the_scheme_has_the_three_categories_ten_groups_and_thirty_indicators() -> None:
    scheme = indicator_scheme()
    assert [c.code for c in scheme.categories] == ["a", "b", "c"]
    assert len(scheme.groups) == 10 and len(scheme.indicators) == 30
    assert scheme.indicator("b.1.1").labels["zh"] == "产业规模"  # type: ignore[union-attr]
    assert scheme.group("c.4").indicators[-1].code == "c.4.2"  # type: ignore[union-attr]
    assert scheme.indicator("b.1") is None and scheme.group("b.1.1") is None


@pytest.mark.parametrize(("values", "scores"), [
    (["40", "80"], [50.0, 100.0]),
    (["-5", "10"], [0.0, 100.0]),  # negative values count as 0
    (["0", "-1"], [None, None]),  # no positive best: nothing to scale by
    (["7", None], [100.0, None]),  # only the clusters that state it are compared
])
def test_a_leaf_is_scored_relative_to_the_best_stated_value(values: list[str | None],
                                                             scores: list[float | None]) -> None:
    figures = [cluster(iri, {("a.1.1", 2024): v} if v is not None else {})
               for iri, v in zip((A, B), values)]
    leaf = leaf_score(indicator_scheme().indicator("a.1.1"), figures, 2024)  # type: ignore[arg-type]
    assert [leaf.scores[A], leaf.scores[B]] == scores


def test_a_cluster_stating_two_units_is_scored_in_the_unit_the_other_also_states() -> None:
    """9.3.2 c): A's industry scale as an index (236.8) is never set against B's 650 亿元; A's
    523.4 亿元 is, though A's measurement specification names the index."""
    a = in_units(A, {("b.1.1", 2024, "亿元"): "523.4", ("b.1.1", 2024, "指数"): "236.8"},
                 {"b.1.1": "指数"})
    b = in_units(B, {("b.1.1", 2024, "亿元"): "650"})
    leaf = leaf_score(SCALE, [a, b], 2024)
    assert leaf.unit == "亿元" and leaf.other_unit == frozenset()
    assert leaf.values == {A: Decimal("523.4"), B: Decimal("650")}
    assert leaf.units == {A: "亿元", B: "亿元"}
    assert leaf.scores[A] == pytest.approx(523.4 / 650 * 100) and leaf.scores[B] == 100.0


def test_values_in_units_no_other_cluster_states_are_not_comparable() -> None:
    """No score between an index and 亿元: each value is shown in its own unit, the one of its
    measurement specification when it states several, and marked not comparable."""
    a = in_units(A, {("b.1.1", 2024, "亿元(2015年价)"): "480", ("b.1.1", 2024, "指数"): "236.8"},
                 {"b.1.1": "指数"})
    b = in_units(B, {("b.1.1", 2024, "亿元"): "650"})
    leaf = leaf_score(SCALE, [a, b], 2024)
    assert leaf.unit is None and leaf.other_unit == {A, B}
    assert leaf.scores == {A: None, B: None} and not leaf.stated_by_all
    assert leaf.units == {A: "指数", B: "亿元"}
    assert leaf.values == {A: Decimal("236.8"), B: Decimal("650")}


def test_the_unit_most_clusters_share_is_compared_and_the_rest_are_not_comparable() -> None:
    a = in_units(A, {("b.1.1", 2024, "指数"): "236.8"})
    b = in_units(B, {("b.1.1", 2024, "亿元"): "650"})
    c = in_units(C, {("b.1.1", 2024, "亿元"): "325"})
    leaf = leaf_score(SCALE, [a, b, c], 2024)
    assert leaf.unit == "亿元" and leaf.other_unit == {A}
    assert leaf.scores == {A: None, B: 100.0, C: 50.0}


@pytest.mark.parametrize(("specified", "unit"), [
    ({}, "亿元"),  # no specification names a unit: the first by sort
    ({A: "指数"}, "指数"),  # the first cluster's specification
    ({B: "指数"}, "指数"),  # the first cluster's names neither: the next one's
    ({A: "亿元", B: "指数"}, "亿元"),  # the first cluster's wins
])
def test_between_two_shared_units_the_first_clusters_specification_decides(
        specified: dict[URIRef, str], unit: str) -> None:
    values = {("b.1.1", 2024, "亿元"): "500", ("b.1.1", 2024, "指数"): "200"}
    a, b = (in_units(iri, values, {"b.1.1": specified[iri]} if iri in specified else None)
            for iri in (A, B))
    leaf = leaf_score(SCALE, [a, b], 2024)
    assert leaf.unit == unit and leaf.units == {A: unit, B: unit}
    assert leaf.scores == {A: 100.0, B: 100.0}


def test_values_without_a_unit_are_compared_with_none_but_one_alone_with_itself() -> None:
    """As in the named queries, a value with no unit has no unit in common with any other."""
    a, b = (in_units(iri, {("b.1.1", 2024, None): "5"}) for iri in (A, B))
    both = leaf_score(SCALE, [a, b], 2024)
    assert both.scores == {A: None, B: None} and both.other_unit == {A, B}
    alone = leaf_score(SCALE, [a, cluster(B, {})], 2024)
    assert alone.scores == {A: 100.0, B: None} and alone.other_unit == frozenset()


def test_a_leaf_with_no_shared_unit_is_left_out_of_its_radar_axis() -> None:
    a = in_units(A, {("b.1.1", 2024, "指数"): "236.8", ("b.1.2", 2024, "%"): "8"})
    b = in_units(B, {("b.1.1", 2024, "亿元"): "650", ("b.1.2", 2024, "%"): "10"})
    axis = next(g for g in group_radar(indicator_scheme(), [a, b]).groups
                if g.group.code == "b.1")
    assert axis.counted == 1  # b.1.2 only
    assert axis.scores[A] == pytest.approx(80.0) and axis.scores[B] == 100.0


def test_a_leaf_names_the_cluster_whose_submission_states_each_value_it_shows() -> None:
    """9.3.2 c): B's 650 is stated by A's submission (A reports its benchmark's figure), C's by
    its own; C's index figure, not the one shown, is B's report: a value shown names its own."""
    scale = URIRef(IND + "IndustryScale")

    def stated(value: str, unit: str, source: URIRef) -> Figure:
        return Figure(scale, 2024, ValueKind.ACTUAL, Decimal(value), unit, source)

    a = cluster(A, {("b.1.1", 2024): "500"})
    b = ClusterFigures(B, (stated("650", "u", A),))
    c = ClusterFigures(C, (stated("325", "u", C), stated("98", "指数", B)))
    empty = cluster(URIRef("https://example.org/d"), {})
    leaf = leaf_score(SCALE, [a, b, c, empty], 2024)  # type: ignore[arg-type]
    assert leaf.values == {A: Decimal("500"), B: Decimal("650"), C: Decimal("325"),
                           empty.cluster: None}
    assert leaf.sources == {A: A, B: A, C: C, empty.cluster: None}
    assert [leaf.reported_by(x) for x in (A, B, C, empty.cluster)] == [None, A, None, None]


def test_a_radar_axis_averages_only_the_leaves_every_cluster_states() -> None:
    a = cluster(A, {("a.1.1", 2024): "50", ("a.1.2", 2024): "30", ("a.1.3", 2024): "9",
                    ("b.2.1", 2023): "1"})
    b = cluster(B, {("a.1.1", 2024): "100", ("a.1.2", 2024): "10", ("b.2.1", 2024): "4"})
    radar = group_radar(indicator_scheme(), [a, b])
    assert radar.year == 2024  # the latest year both state
    axis = next(g for g in radar.groups if g.group.code == "a.1")
    assert axis.counted == 2  # a.1.3 is A's alone
    assert axis.scores[A] == pytest.approx((50 + 100) / 2)
    assert axis.scores[B] == pytest.approx((100 + 100 / 3) / 2)
    gap = next(g for g in radar.groups if g.group.code == "b.2")
    assert gap.counted == 0 and gap.scores == {A: None, B: None}


def test_the_common_year_falls_back_to_the_first_clusters_latest() -> None:
    assert common_year([cluster(A, {("a.1.1", 2022): "1"}),
                        cluster(B, {("a.1.1", 2024): "1"})]) == 2022
    assert common_year([cluster(A, {}), cluster(B, {("a.1.1", 2024): "1"})]) is None
    assert common_year([]) is None


SUBMISSION = """@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind: <https://w3id.org/bcic/indicator/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{me}> a bcic:IndustrialCluster ; rdfs:label "{name}"@en {peers}.
{observations}
"""


def _observation(n: int, about: URIRef, value: str, kind: str = "ActualValue",
                 unit: str = "u") -> str:
    return (f"<urn:x:obs{n}> a bcic:IndicatorObservation ; "
            f"bcic:refCluster <{about}> ; bcic:indicator ind:IndustryScale ; "
            f'bcic:refYear "2024"^^xsd:gYear ; bcic:valueKind bcic:{kind} ; '
            f'bcic:observedValue {value} ; bcic:unitOfMeasure "{unit}" .')


def _specification(n: int, unit: str) -> str:
    return (f"<urn:x:spec{n}> a bcic:MeasurementSpecification ; "
            f'bcic:specifiesIndicator ind:IndustryScale ; bcic:unitOfMeasure "{unit}" .')


def test_a_clusters_own_figures_win_over_figures_others_report(tmp_path: Path) -> None:
    """Per unit: B's own 50 u wins over A's 99 u, while A's 40 v about B stays beside it; A's
    specification names v, B's none."""
    a = tmp_path / "a.ttl"
    a.write_text(SUBMISSION.format(
        me=A, name="A", peers=f"; bcic:benchmarkCluster <{B}> ; bcic:competitorCluster <{C}> ",
        observations="\n".join([_observation(1, A, "10.5"), _observation(2, B, "99"),
                                _observation(3, C, "7"), _observation(4, A, "12", "TargetValue"),
                                _observation(6, B, "40", unit="v"),
                                _observation(7, A, "3", unit="v"), _specification(1, "v")])))
    b = tmp_path / "b.ttl"
    b.write_text(SUBMISSION.format(me=B, name="B", peers="",
                                   observations=_observation(5, B, "50")))
    store = open_store("oxigraph", path=None)
    try:
        ingest_files(store, [a])
        ingest_files(store, [b])
        found = read_figures(store, [A, B, C])
        peers = declared_peers(store, A)
    finally:
        store.close()
    scale = URIRef(IND + "IndustryScale")
    assert found[A].stated(scale, 2024) == {"v": Decimal("3"), "u": Decimal("10.5")}
    assert list(found[A].stated(scale, 2024)) == ["v", "u"]  # the specification's unit first
    assert found[A].stated(scale, 2024, ValueKind.TARGET) == {"u": Decimal("12")}
    assert found[A].specified_units == {scale: "v"} and found[B].specified_units == {}
    assert found[B].stated(scale, 2024) == {"u": Decimal("50"), "v": Decimal("40")}  # not 99
    assert [(f.unit, f.source) for f in found[B].figures] == [("u", B), ("v", A)]
    assert found[B].source(scale, 2024, "u") == B and found[B].source(scale, 2024, "v") == A
    assert found[C].source(scale, 2024, "u") == A and found[C].source(scale, 2023, "u") is None
    assert found[C].stated(scale, 2024) == {"u": Decimal("7")} and found[C].figures[0].source == A
    assert [(p.iri, p.role) for p in peers] == [(B, "benchmark"), (C, "competitor")]
