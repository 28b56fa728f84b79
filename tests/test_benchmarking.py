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


def cluster(iri: URIRef, values: dict[tuple[str, int], str]) -> ClusterFigures:
    """Actual values by (indicator code, year)."""
    scheme = indicator_scheme()
    return ClusterFigures(iri, tuple(
        Figure(scheme.indicator(code).iri, year, ValueKind.ACTUAL,  # type: ignore[union-attr]
               Decimal(value), None, iri) for (code, year), value in values.items()))


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


def _observation(n: int, about: URIRef, value: str, kind: str = "ActualValue") -> str:
    return (f"<urn:x:obs{n}> a bcic:IndicatorObservation ; "
            f"bcic:refCluster <{about}> ; bcic:indicator ind:IndustryScale ; "
            f'bcic:refYear "2024"^^xsd:gYear ; bcic:valueKind bcic:{kind} ; '
            f'bcic:observedValue {value} ; bcic:unitOfMeasure "u" .')


def test_a_clusters_own_figures_win_over_figures_others_report(tmp_path: Path) -> None:
    a = tmp_path / "a.ttl"
    a.write_text(SUBMISSION.format(
        me=A, name="A", peers=f"; bcic:benchmarkCluster <{B}> ; bcic:competitorCluster <{C}> ",
        observations="\n".join([_observation(1, A, "10.5"), _observation(2, B, "99"),
                                _observation(3, C, "7"), _observation(4, A, "12", "TargetValue")])))
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
    assert found[A].value(scale, 2024) == Decimal("10.5")
    assert found[A].value(scale, 2024, ValueKind.TARGET) == Decimal("12")
    assert found[B].value(scale, 2024) == Decimal("50")  # B's own, not A's 99
    assert found[C].value(scale, 2024) == Decimal("7") and found[C].figures[0].source == A
    assert [(p.iri, p.role) for p in peers] == [(B, "benchmark"), (C, "competitor")]
