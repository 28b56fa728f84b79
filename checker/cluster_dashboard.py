"""What the cluster and benchmark pages show, assembled from the store (no HTTP here).

The cluster page: the cluster's indicator figures as time series (9.2.3, 9.3.2 b) and the radar of
the 9.1.4 groups against one benchmark cluster (9.3.2 c); the benchmark page: chosen clusters and
indicators side by side in one year, and the four comparisons of 9.3.2 for one cluster. How values
of different units share one axis is decided in `checker.benchmarking`.

A cluster's figure may be stated by another cluster's submission (a benchmark's or a competitor's
figures it reports, 9.3.2 c) d); `checker.indicator_data`): every value keeps the cluster whose
submission states it, and each table has notes naming the clusters that state figures it shows for
another cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from rdflib import URIRef

from .benchmarking import Comparison, LeafScore, Radar, four_comparisons, group_radar, leaf_score
from .benchmarking import latest_year
from .history import ClusterSummary
from .indicator_data import (ClusterFigures, Peer, ValueKind, actual_years, declared_peers,
                             read_figures)
from .indicator_scheme import Indicator, IndicatorScheme, indicator_scheme
from .rated_figures import read_rated
from .store.base import Store, cluster_key


# How many clusters a benchmark table compares when none is chosen (`default_comparison`): a
# table an evaluator can read (each cluster is three columns), and a bounded read of the store.
DEFAULT_COMPARED = 10


@dataclass(frozen=True)
class ClusterRef:
    """A cluster that can be compared: stored, or only named as a peer by a stored one."""

    iri: URIRef
    key: str
    labels: dict[str, str]
    stored: bool
    role: str | None = None  # "benchmark" or "competitor" when declared by the page's cluster


@dataclass(frozen=True)
class SeriesLine:
    """One indicator's actual and target values by year in one unit (an indicator stated in two
    units has two lines: values are never joined across units), and the cluster whose
    submission states each value."""

    indicator: Indicator
    unit: str | None
    actual: dict[int, Decimal]
    target: dict[int, Decimal]
    actual_sources: dict[int, URIRef]
    target_sources: dict[int, URIRef]


@dataclass(frozen=True)
class SourceNotes:
    """The clusters whose submissions state values a table shows for another cluster, in the
    order the table first shows one: note n under the table names the n-th."""

    clusters: tuple[ClusterRef, ...]

    def number(self, source: URIRef) -> int:
        """The note (from 1) naming the cluster whose submission states a value."""
        return next(n for n, c in enumerate(self.clusters, start=1) if c.iri == source)


@dataclass(frozen=True)
class IndicatorPanel:
    """The cluster page's charts: time series of the shown indicators, the group radar."""

    cluster: ClusterRef
    benchmark: ClusterRef | None
    peers: tuple[Peer, ...]
    series: tuple[SeriesLine, ...]
    years: tuple[int, ...]
    radar: Radar
    own_years: tuple[int, ...]  # the years the cluster states actual values for
    all_series: tuple[SeriesLine, ...]  # every indicator with a figure (the JSON API)
    benchmark_years: tuple[int, ...]  # the years the benchmark has actual values for
    radar_notes: SourceNotes  # of the radar's leaves
    series_notes: SourceNotes  # of the shown series
    all_notes: SourceNotes  # of the radar's leaves and every series (the JSON API)
    # the radar's indicators the cluster or its benchmark is rated on at a level of a rating
    # scale that year (9.2.3): no number, so no score (docs/model.md, decision 24)
    rated: tuple[Indicator, ...] = ()


@dataclass(frozen=True)
class BenchmarkTable:
    """Clusters side by side on chosen indicators in one year, each leaf scored (9.3.2 c) d)."""

    clusters: tuple[ClusterRef, ...]
    year: int | None
    leaves: tuple[LeafScore, ...]
    notes: SourceNotes

    def rated_indicators(self) -> tuple[Indicator, ...]:
        """The indicators a cluster is rated on at a level of a rating scale (9.2.3): no number,
        so no score and no bar; the table compares the levels by rank (decision 24)."""
        return tuple(leaf.indicator for leaf in self.leaves if leaf.levels)


def stored_ref(summary: ClusterSummary) -> ClusterRef:
    """A stored cluster as a comparable cluster."""
    return ClusterRef(summary.cluster, cluster_key(summary.cluster), dict(summary.labels), True)


def comparable_clusters(store: Store, stored: Sequence[ClusterSummary],
                        cluster: URIRef) -> list[ClusterRef]:
    """Every stored cluster but `cluster`, then the peers it declares that are not stored."""
    refs = [stored_ref(s) for s in stored if s.cluster != cluster]
    roles = {}
    for peer in declared_peers(store, cluster):
        roles.setdefault(peer.iri, peer)
    refs = [ClusterRef(r.iri, r.key, r.labels, True, roles[r.iri].role if r.iri in roles else None)
            for r in refs]
    known = {r.iri for r in refs} | {cluster}
    refs += [ClusterRef(p.iri, cluster_key(p.iri), p.labels, False, p.role)
             for p in roles.values() if p.iri not in known]
    return refs


def default_comparison(focus: ClusterRef, declared: Sequence[ClusterRef],
                       stored: Sequence[ClusterRef],
                       size: int = DEFAULT_COMPARED) -> list[ClusterRef]:
    """The clusters a benchmark table compares when none is chosen, `size` at most: the focus
    cluster, the stored benchmark and competitors it declares (9.3.2 c) 与标杆的对比, d) 与竞争对手的
    对比), then the other stored clusters in their order (a store of `size` clusters or fewer:
    every one). Bounded, so that the default table reads as much whatever the store holds."""
    by_iri = {ref.iri: ref for ref in stored}
    peers = [by_iri[c.iri] for role in ("benchmark", "competitor") for c in declared
             if c.role == role and c.iri in by_iri]
    chosen = [focus]
    for ref in (*peers, *stored):
        if len(chosen) >= size:
            break
        if ref not in chosen:
            chosen.append(ref)
    return chosen


def default_benchmark(choices: Sequence[ClusterRef]) -> ClusterRef | None:
    """The benchmark a cluster declares (bcic:benchmarkCluster), if any."""
    return next((c for c in choices if c.role == "benchmark"), None)


def indicator_panel(store: Store, cluster: ClusterRef, benchmark: ClusterRef | None,
                    shown: Sequence[Indicator] | None = None, year: int | None = None,
                    scheme: IndicatorScheme | None = None, *,
                    stored: Sequence[ClusterSummary]) -> IndicatorPanel:
    """Series of the shown indicators (default: the first group with figures) and the radar of
    the cluster against the benchmark in `year` (default: their latest common year); the stored
    clusters name the notes on values another cluster's submission states."""
    scheme = scheme or indicator_scheme()
    wanted = [cluster.iri] + ([benchmark.iri] if benchmark else [])
    figures = read_figures(store, wanted)
    own = figures[cluster.iri]
    compared = [own] + ([figures[benchmark.iri]] if benchmark else [])
    every = tuple(line for i in scheme.indicators if i.iri in own.indicators()
                  for line in _lines(own, i))
    chosen = tuple(shown) if shown is not None else _first_group_with_figures(scheme, own)
    series = tuple(line for i in chosen for line in _lines(own, i))
    years = sorted({y for line in series for y in (*line.actual, *line.target)})
    radar = group_radar(scheme, compared, year)
    leaves = [leaf for group in radar.groups for leaf in group.leaves]
    radar_sources = list(_leaf_sources(leaves))
    return IndicatorPanel(
        cluster, benchmark, tuple(declared_peers(store, cluster.iri)), series, tuple(years), radar,
        tuple(own.years()), every, tuple(compared[1].years()) if benchmark else (),
        radar_notes=_notes(radar_sources, stored),
        series_notes=_notes(_line_sources(cluster.iri, series), stored),
        all_notes=_notes([*radar_sources, *_line_sources(cluster.iri, every)], stored),
        rated=_rated_indicators(store, wanted, radar.year, [leaf.indicator for leaf in leaves]))


def benchmark_table(store: Store, clusters: Sequence[ClusterRef], indicators: Sequence[Indicator],
                    year: int | None = None, *,
                    stored: Sequence[ClusterSummary]) -> BenchmarkTable:
    """The clusters' values of the indicators in `year` (default: the latest year any states);
    the stored clusters name the notes on values another cluster's submission states."""
    iris = [c.iri for c in clusters]
    if year is None:
        year, figures = _latest_year_figures(store, iris)
    else:
        figures = read_figures(store, iris, year=year, indicators=[i.iri for i in indicators])
    leaves = (tuple(leaf_score(i, [figures[c] for c in iris], year) for i in indicators)
              if year is not None else ())
    if year is not None:  # levels of rating scales beside the numbers (9.2.3, decision 24)
        rated = read_rated(store, iris, year, [i.iri for i in indicators])
        leaves = tuple(replace(leaf, levels={c: rated[c][leaf.indicator.iri] for c in iris
                                             if leaf.indicator.iri in rated.get(c, {})})
                       for leaf in leaves)
    return BenchmarkTable(tuple(clusters), year, leaves, _notes(_leaf_sources(leaves), stored))


def _rated_indicators(store: Store, clusters: Sequence[URIRef], year: int | None,
                      indicators: Sequence[Indicator]) -> tuple[Indicator, ...]:
    """The indicators one of the clusters is rated on at a level of a rating scale in `year`."""
    if year is None:
        return ()
    rated = read_rated(store, clusters, year, [i.iri for i in indicators])
    return tuple(i for i in indicators if any(i.iri in rated[c] for c in clusters))


def _latest_year_figures(store: Store, clusters: Sequence[URIRef]
                         ) -> tuple[int | None, dict[URIRef, ClusterFigures]]:
    """The latest year in which any of the clusters states an actual value, and their figures
    of that year alone (None and no figures when there is none): only the year shown is read."""
    for year in actual_years(store, clusters):
        figures = read_figures(store, clusters, year=year)
        if latest_year(figures.values()) == year:
            return year, figures
    return None, {}


def comparisons_for(store: Store, cluster: ClusterRef, benchmark: ClusterRef | None,
                    indicators: Sequence[Indicator], year: int | None) -> tuple[Comparison, ...]:
    """The four comparisons of 9.3.2 for one cluster, on the chosen indicators."""
    return four_comparisons(store, cluster.iri, benchmark.iri if benchmark else None,
                            [i.iri for i in indicators], year)


def _lines(figures: ClusterFigures, indicator: Indicator) -> list[SeriesLine]:
    """One line per unit the indicator is stated in, the preferred unit first; a chosen indicator
    with no figure keeps an empty line."""
    lines = []
    for unit in figures.units(indicator.iri) or [None]:
        actual = figures.series(indicator.iri, unit, ValueKind.ACTUAL)
        target = figures.series(indicator.iri, unit, ValueKind.TARGET)
        lines.append(SeriesLine(indicator, unit, {y: f.value for y, f in actual.items()},
                                {y: f.value for y, f in target.items()},
                                {y: f.source for y, f in actual.items()},
                                {y: f.source for y, f in target.items()}))
    return lines


def _leaf_sources(leaves: Iterable[LeafScore]) -> Iterable[tuple[URIRef, URIRef]]:
    """(cluster, the cluster whose submission states its value) of the leaves, row by row."""
    for leaf in leaves:
        for cluster, source in leaf.sources.items():
            if source is not None:
                yield cluster, source


def _line_sources(cluster: URIRef, lines: Iterable[SeriesLine]) -> Iterable[tuple[URIRef, URIRef]]:
    """(cluster, the cluster whose submission states a value) of the series, row by row."""
    for line in lines:
        for sources in (line.actual_sources, line.target_sources):
            for source in sources.values():
                yield cluster, source


def _notes(sources: Iterable[tuple[URIRef, URIRef]],
           stored: Sequence[ClusterSummary]) -> SourceNotes:
    """The notes of a table: each cluster whose submission states a value shown for another
    cluster, once, in the order shown, named as stored; one stored after `stored` was read (a
    remote store written between the two reads) is named by its IRI."""
    known = {s.cluster: s for s in stored}
    found: dict[URIRef, ClusterRef] = {}
    for cluster, source in sources:
        if source != cluster and source not in found:
            found[source] = (stored_ref(known[source]) if source in known
                             else ClusterRef(source, cluster_key(source), {}, True))
    return SourceNotes(tuple(found.values()))


def _first_group_with_figures(scheme: IndicatorScheme,
                              figures: ClusterFigures) -> tuple[Indicator, ...]:
    present = figures.indicators()
    for group in scheme.groups:
        if any(i.iri in present for i in group.indicators):
            return group.indicators
    return ()
