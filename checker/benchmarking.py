"""Comparing clusters' indicators (9.3.2): relative scores, the group radar, the four comparisons.

9.1.4 names the indicators but gives them no units, formulas or scales, and every cluster states its
own units (9.2.1). To put indicators of different units on one axis, each leaf indicator is scored
**relative to the best of the compared clusters** in one year: score = value ÷ the highest value any
compared cluster states for it that year × 100 (negative values count as 0; a leaf whose best
value is not positive has no score). Values are compared **only within one unit**
(`bcic:unitOfMeasure`, as text, as the named queries compare them): a leaf's unit is the one most
of the clusters stating it that year share (at least two of them); on a tie, the one the
measurement specification (9.2.1) of the first compared cluster names, else the first by sort. A
cluster whose value is in no shared unit gets no score: it is not comparable (different units). A
cluster alone in stating a leaf is compared with itself. Every 9.1.4 indicator names a level, a rate
or a strength to be raised, so higher counts as better. A radar axis is one 9.1.4 indicator group:
the mean score of its leaves that **every** compared cluster has a score for that year, so both
sides of an axis rest on the same indicators; a group with no such leaf is a gap, not a zero. This
is benchmarking in the sense of 9.3.2 c) (against a benchmark cluster) and d) (against
competitors); comparisons against targets (9.3.2 a) and history (9.3.2 b) are the named queries,
read by `four_comparisons`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from .indicator_data import ClusterFigures
from .indicator_scheme import Indicator, IndicatorGroup, IndicatorScheme
from .queries import run_named_query
from .rated_figures import RatedFigure
from .rated_levels import LevelRank, best_first
from .store.base import Store

Cell = str | int | Decimal | None

# The four comparisons of 9.3.2 a)–d), each a named query of checker/queries/.
COMPARISONS = (("targets", "indicators-vs-targets", "9.3.2-a"),
               ("history", "indicators-vs-history", "9.3.2-b"),
               ("benchmark", "indicators-vs-benchmark", "9.3.2-c"),
               ("competitors", "indicators-vs-competitors", "9.3.2-d"))
COMPARISON_QUERIES = tuple(name for _, name, _ in COMPARISONS)


@dataclass(frozen=True)
class LeafScore:
    """One indicator in one year across the compared clusters: each one's value with its unit
    and the cluster whose submission states it, and the scores of the values in the unit
    compared (`unit`; None when they share none)."""

    indicator: Indicator
    unit: str | None
    values: dict[URIRef, Decimal | None]
    units: dict[URIRef, str | None]
    scores: dict[URIRef, float | None]
    other_unit: frozenset[URIRef]  # stating a value in no unit the others share: not comparable
    sources: dict[URIRef, URIRef | None]  # the cluster whose submission states the value shown
    # the level each cluster rated on a scale is at, for an indicator measured so (9.2.3): no
    # number and no score, compared by rank with the first cluster's (docs/model.md, decision 24)
    levels: dict[URIRef, RatedFigure] = field(default_factory=dict)

    @property
    def stated_by_all(self) -> bool:
        """Whether every compared cluster has a score: a value in the unit compared, and a
        positive best."""
        return all(s is not None for s in self.scores.values())

    def level_comparison(self, cluster: URIRef) -> dict[str, object] | None:
        """How many levels the cluster's level stands above or below the first cluster's, with
        the words in zh and en (steps None: another scale); None where either has no level or
        the cluster is the first."""
        first = next(iter(self.values), None)
        if cluster == first or first not in self.levels or cluster not in self.levels:
            return None
        return self.levels[cluster].compared_with(self.levels[first])

    def level_ranking(self) -> list[URIRef]:
        """The clusters rated at a ranked level, scale by scale and best first by rank (as
        findings list levels: checker/rated_levels.py), then those whose level has no rank; a
        level is never ranked against one of another scale."""
        ranks: dict[Node, LevelRank] = {c: LevelRank(r.scale, r.rank)
                                         for c, r in self.levels.items() if r.rank is not None}
        return [c for c in best_first(self.levels, ranks) if isinstance(c, URIRef)]

    def reported_by(self, cluster: URIRef) -> URIRef | None:
        """The other cluster whose submission states this cluster's value (a benchmark's or a
        competitor's figure, 9.3.2 c) d)); None when the value is its own or there is none."""
        source = self.sources.get(cluster)
        return source if source != cluster else None


@dataclass(frozen=True)
class GroupScore:
    """One radar axis: a 9.1.4 indicator group's mean score per cluster, over `counted` leaves."""

    group: IndicatorGroup
    scores: dict[URIRef, float | None]
    leaves: tuple[LeafScore, ...]
    counted: int


@dataclass(frozen=True)
class Radar:
    """The group radar of several clusters for one year (None: no year with figures)."""

    year: int | None
    clusters: tuple[URIRef, ...]
    groups: tuple[GroupScore, ...]


@dataclass(frozen=True)
class Comparison:
    """One of the four comparisons of 9.3.2: a named query's rows as plain values."""

    key: str
    query: str
    clause: str
    rows: tuple[dict[str, Cell], ...]


def leaf_score(indicator: Indicator, figures: Sequence[ClusterFigures], year: int) -> LeafScore:
    """Values of one indicator in a year, and each value in the unit compared relative to the
    best of them (× 100); a value in another unit is shown in its cluster's preferred unit."""
    stated = {f.cluster: f.stated(indicator.iri, year) for f in figures}
    stating = [f for f in figures if stated[f.cluster]]
    if len(stating) == 1:  # alone: compared with itself, in its preferred unit
        unit = next(iter(stated[stating[0].cluster]))
        compared = {stating[0].cluster}
    else:
        unit = _shared_unit(indicator, stating, stated)
        compared = {f.cluster for f in stating if unit is not None and unit in stated[f.cluster]}
    units = {c: unit if c in compared else next(iter(stated[c]), None) for c in stated}
    values = {c: stated[c].get(units[c]) for c in stated}
    best = max((values[c] for c in compared), default=None)
    scores = {c: (float(max(v, Decimal(0)) / best * 100)
                  if c in compared and v is not None and best is not None and best > 0 else None)
              for c, v in values.items()}
    sources = {f.cluster: f.source(indicator.iri, year, units[f.cluster]) for f in figures}
    return LeafScore(indicator, unit, values, units, scores,
                     frozenset(f.cluster for f in stating if f.cluster not in compared), sources)


def _shared_unit(indicator: Indicator, stating: Sequence[ClusterFigures],
                 stated: dict[URIRef, dict[str | None, Decimal]]) -> str | None:
    """The unit most of the clusters state the indicator in, when at least two share it: on a
    tie, the unit the measurement specification of the first of them to name one gives, else
    the first by sort. None when no two share a unit (a value without one shares none)."""
    counts = Counter(u for f in stating for u in stated[f.cluster] if u is not None)

    def rank(unit: str) -> tuple[int, int, str]:
        specified = next((n for n, f in enumerate(stating)
                          if f.specified_units.get(indicator.iri) == unit), len(stating))
        return -counts[unit], specified, unit

    return min((u for u, n in counts.items() if n > 1), key=rank, default=None)


def group_radar(scheme: IndicatorScheme, figures: Sequence[ClusterFigures],
                year: int | None = None) -> Radar:
    """The radar of the 9.1.4 groups for the clusters in `year` (default: `common_year`)."""
    year = year if year is not None else common_year(figures)
    clusters = tuple(f.cluster for f in figures)
    if year is None:
        return Radar(None, clusters, ())
    groups = []
    for group in scheme.groups:
        leaves = tuple(leaf_score(i, figures, year) for i in group.indicators)
        counted = [leaf for leaf in leaves if leaf.stated_by_all]
        scores = {c: (sum(leaf.scores[c] or 0.0 for leaf in counted) / len(counted)
                      if counted else None) for c in clusters}
        groups.append(GroupScore(group, scores, leaves, len(counted)))
    return Radar(year, clusters, tuple(groups))


def common_year(figures: Sequence[ClusterFigures]) -> int | None:
    """The latest year in which every cluster states an actual value (else the first cluster's
    latest year, else None)."""
    if not figures:
        return None
    shared = set.intersection(*(set(f.years()) for f in figures))
    latest = shared or set(figures[0].years())
    return max(latest, default=None)


def latest_year(figures: Iterable[ClusterFigures]) -> int | None:
    """The latest year in which any of the clusters states an actual value."""
    return max((y for f in figures for y in f.years()), default=None)


def four_comparisons(store: Store, cluster: URIRef, benchmark: URIRef | None = None,
                     indicators: Iterable[URIRef] | None = None,
                     year: int | None = None) -> tuple[Comparison, ...]:
    """The comparisons of 9.3.2 a)–d) for one cluster, from the named queries, kept to the given
    indicators, and to `year` for targets and history (benchmark and competitor rows are each
    indicator's latest common year)."""
    wanted = {str(i) for i in indicators} if indicators is not None else None
    found = []
    for key, name, clause in COMPARISONS:
        values = {"cluster": str(cluster)}
        if key == "benchmark" and benchmark is not None:
            values["benchmark"] = str(benchmark)
        rows = [_plain(row) for row in run_named_query(store, name, values)]
        rows = [r for r in rows if (wanted is None or r.get("indicator") in wanted)
                and (year is None or key in ("benchmark", "competitors") or r.get("year") == year)]
        found.append(Comparison(key, name, clause, tuple(rows)))
    return tuple(found)


def _plain(row: dict[str, Node]) -> dict[str, Cell]:
    """A result row with numbers as Decimal (years and counts of levels as int) and everything
    else as text."""
    plain: dict[str, Cell] = {}
    for name, term in row.items():
        if isinstance(term, Literal) and name in ("year", "levelSteps"):
            plain[name] = int(str(term))
        elif isinstance(term, Literal) and isinstance(term.toPython(), (int, float, Decimal)):
            plain[name] = Decimal(str(term))
        else:
            plain[name] = str(term)
    return plain
