"""Indicator figures and declared peers of clusters, read from their latest stored submissions.

A figure is one `bcic:IndicatorObservation` (datacube.ttl; docs/evidence.md): cluster × indicator ×
year × value kind (actual or target, 9.3.2 a) × unit → one value. As in the named queries
(`checker/queries/README.md`), the figures of a cluster are read from the latest submission of every
stored cluster: its own, and those in which another cluster reports about it (a benchmark's or a
competitor's figures, 9.3.2 c) d)). A cluster may state one indicator and year in several units (an
index and 亿元): each unit keeps its figure, since values are compared only within one unit
(docs/model.md, decision 8). When two submissions give a figure for the same indicator, year, kind
and unit, the cluster's own submission wins, then the reporting clusters in IRI order. The unit
each indicator's measurement specification (9.2.1) names, in the cluster's own latest submission,
is read too: it decides which unit a cluster's figures are shown and compared in when it states
several.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum

from rdflib import Literal, URIRef

from .namespaces import BCIC
from .store.base import PROVENANCE_GRAPH, Store
from .store.guard import OwnQuery, checked_iri
from .store.summary import YEAR_TEXT

_LATEST = f"""{{
    SELECT ?source (MAX(?number) AS ?latest)
    WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{
      ?anyRevision a <{BCIC.Revision}> ; <{BCIC.cluster}> ?source ; <{BCIC.revisionNumber}> ?number .
    }} }}
    GROUP BY ?source
  }}
  GRAPH <{PROVENANCE_GRAPH}> {{
    ?submission a <{BCIC.Revision}> ; <{BCIC.cluster}> ?source ; <{BCIC.revisionNumber}> ?latest .
  }}"""


class ValueKind(Enum):
    """Whether a figure is what was achieved or what was aimed at (9.3.2 a)."""

    ACTUAL = "actual"
    TARGET = "target"


_KINDS = {BCIC.ActualValue: ValueKind.ACTUAL, BCIC.TargetValue: ValueKind.TARGET}


@dataclass(frozen=True)
class Figure:
    """One value of one indicator for one year."""

    indicator: URIRef
    year: int
    kind: ValueKind
    value: Decimal
    unit: str | None
    source: URIRef  # the cluster whose submission states it


@dataclass(frozen=True)
class ClusterFigures:
    """Every figure known for one cluster, at most one per indicator, year, kind and unit, and
    the unit each indicator's measurement specification (9.2.1) names."""

    cluster: URIRef
    figures: tuple[Figure, ...]
    specified_units: Mapping[URIRef, str] = field(default_factory=dict)
    _index: dict[tuple[URIRef, int, ValueKind], dict[str | None, Figure]] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[URIRef, int, ValueKind], dict[str | None, Figure]] = {}
        for f in self.figures:
            index.setdefault((f.indicator, f.year, f.kind), {})[f.unit] = f
        object.__setattr__(self, "_index", index)

    def stated(self, indicator: URIRef, year: int,
               kind: ValueKind = ValueKind.ACTUAL) -> dict[str | None, Decimal]:
        """Unit → value of an indicator in a year (empty when not stated), the preferred unit
        first (`units`)."""
        found = self._index.get((indicator, year, kind), {})
        return {u: found[u].value for u in self._in_preference(indicator, found)}

    def source(self, indicator: URIRef, year: int, unit: str | None,
               kind: ValueKind = ValueKind.ACTUAL) -> URIRef | None:
        """The cluster whose submission states the figure of an indicator in a year and unit
        (this cluster's own, or one reporting about it); None when there is no such figure."""
        figure = self._index.get((indicator, year, kind), {}).get(unit)
        return figure.source if figure is not None else None

    def units(self, indicator: URIRef) -> list[str | None]:
        """Every unit an indicator's figures are stated in, the preferred first: the one its
        measurement specification names, then by sort (a figure without a unit last)."""
        return self._in_preference(indicator, {f.unit for f in self.figures
                                               if f.indicator == indicator})

    def series(self, indicator: URIRef, unit: str | None,
               kind: ValueKind = ValueKind.ACTUAL) -> dict[int, Figure]:
        """Year → figure of one indicator in one unit, in year order."""
        return {f.year: f for f in sorted(self.figures, key=lambda f: f.year)
                if f.indicator == indicator and f.unit == unit and f.kind is kind}

    def years(self, kind: ValueKind = ValueKind.ACTUAL) -> list[int]:
        """The years with at least one figure of this kind, ascending."""
        return sorted({f.year for f in self.figures if f.kind is kind})

    def indicators(self) -> set[URIRef]:
        """The indicators with at least one figure."""
        return {f.indicator for f in self.figures}

    def _in_preference(self, indicator: URIRef, units: Iterable[str | None]) -> list[str | None]:
        specified = self.specified_units.get(indicator)
        return sorted(set(units),
                      key=lambda u: (u is None or u != specified, u is None, u or ""))


@dataclass(frozen=True)
class Peer:
    """A cluster another cluster's latest submission names as its benchmark or competitor."""

    iri: URIRef
    role: str  # "benchmark" (bcic:benchmarkCluster) or "competitor" (bcic:competitorCluster)
    labels: dict[str, str]


def read_figures(store: Store, clusters: Iterable[URIRef], *, year: int | None = None,
                 indicators: Collection[URIRef] | None = None) -> dict[URIRef, ClusterFigures]:
    """The figures of each cluster, from the latest submission of every stored cluster: of one
    `year` and of some `indicators` only when given (a table of one year reads that year: with
    1,000 clusters every year of every indicator is 240,000 result rows)."""
    wanted = sorted({checked_iri(str(c)) for c in clusters})
    if not wanted:
        return {}
    values = " ".join(f"<{c}>" for c in wanted)
    rows = store.select(OwnQuery(f"""
SELECT ?subject ?source ?indicator ?kind ?year ?value ?unit WHERE {{
  VALUES ?subject {{ {values} }}
  {_indicator_values(indicators)}
  {_LATEST}
  GRAPH ?submission {{
    ?observation <{BCIC.refCluster}> ?subject ; <{BCIC.indicator}> ?indicator ;
        <{BCIC.valueKind}> ?kind ; <{BCIC.refYear}> ?year ; <{BCIC.observedValue}> ?value .
  }}
  {_year_filter(year)}
  OPTIONAL {{ GRAPH ?submission {{ ?observation <{BCIC.unitOfMeasure}> ?unit }} }}
}}"""))
    found: dict[URIRef, list[Figure]] = {c: [] for c in wanted}
    for row in rows:
        figure = _figure(row)
        if figure is not None and (year is None or figure.year == year):
            found[URIRef(str(row["subject"]))].append(figure)
    specified = _specified_units(store, values)
    return {c: ClusterFigures(c, _one_per_key(c, figures), specified.get(c, {}))
            for c, figures in found.items()}


def actual_years(store: Store, clusters: Iterable[URIRef]) -> list[int]:
    """The years in which the clusters' latest submissions state an actual value (9.3.2), the
    latest first, read without the values (a value may still prove not to be a number)."""
    wanted = sorted({checked_iri(str(c)) for c in clusters})
    if not wanted:
        return []
    values = " ".join(f"<{c}>" for c in wanted)
    rows = store.select(OwnQuery(f"""
SELECT DISTINCT ?year WHERE {{
  VALUES ?subject {{ {values} }}
  {_LATEST}
  GRAPH ?submission {{
    ?observation <{BCIC.refCluster}> ?subject ; <{BCIC.indicator}> ?indicator ;
        <{BCIC.valueKind}> <{BCIC.ActualValue}> ; <{BCIC.refYear}> ?year ;
        <{BCIC.observedValue}> ?value .
  }}
}}"""))
    years = (YEAR_TEXT.match(str(row["year"])) for row in rows)
    return sorted({int(y.group()) for y in years if y is not None}, reverse=True)


def _indicator_values(indicators: Collection[URIRef] | None) -> str:
    """A VALUES clause keeping the given indicators' observations (none: every indicator)."""
    if indicators is None:
        return ""
    listed = " ".join(f"<{checked_iri(str(i))}>" for i in sorted(indicators))
    return f"VALUES ?indicator {{ {listed} }}"


def _year_filter(year: int | None) -> str:
    """A FILTER keeping the observations whose year text starts with `year` (none: every year);
    `_figure` reads the year exactly, so a longer year ("20245") is dropped there."""
    if year is None or year < 0:
        return ""
    return f'FILTER(STRSTARTS(STR(?year), "{year:04d}"))'


def _specified_units(store: Store, values: str) -> dict[URIRef, dict[URIRef, str]]:
    """Cluster → indicator → the unit its measurement specification (9.2.1) names, in the
    cluster's own latest submission; of two specifications naming two units, the first by sort."""
    rows = store.select(OwnQuery(f"""
SELECT ?source ?indicator (MIN(STR(?unit)) AS ?specified) WHERE {{
  VALUES ?source {{ {values} }}
  {_LATEST}
  GRAPH ?submission {{
    ?specification a <{BCIC.MeasurementSpecification}> ;
        <{BCIC.specifiesIndicator}> ?indicator ; <{BCIC.unitOfMeasure}> ?unit .
  }}
}}
GROUP BY ?source ?indicator"""))
    found: dict[URIRef, dict[URIRef, str]] = {}
    for row in rows:
        found.setdefault(URIRef(str(row["source"])), {})[URIRef(str(row["indicator"]))] = str(
            row["specified"])
    return found


def declared_peers(store: Store, cluster: URIRef) -> list[Peer]:
    """The benchmark and competitor clusters the cluster's latest submission declares (9.3.2 c) d)),
    with their labels from that submission, benchmarks first."""
    subject = checked_iri(str(cluster))
    rows = store.select(OwnQuery(f"""SELECT ?peer ?role ?label WHERE {{
  VALUES ?source {{ <{subject}> }}
  {_LATEST}
  GRAPH ?submission {{
    VALUES (?property ?role) {{ (<{BCIC.benchmarkCluster}> "benchmark")
                                (<{BCIC.competitorCluster}> "competitor") }}
    ?source ?property ?peer .
  }}
  OPTIONAL {{ GRAPH ?submission {{ ?peer <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }}
}}"""))
    peers: dict[tuple[str, URIRef], dict[str, str]] = {}
    for row in rows:
        labels = peers.setdefault((str(row["role"]), URIRef(str(row["peer"]))), {})
        label = row.get("label")
        if isinstance(label, Literal):
            labels[label.language or ""] = str(label)
    return [Peer(iri, role, labels) for (role, iri), labels in sorted(peers.items())]


def _figure(row: dict[str, object]) -> Figure | None:
    """A figure from a result row; None for a row that does not fit the data structure."""
    kind = _KINDS.get(row["kind"])  # type: ignore[call-overload]
    year = YEAR_TEXT.match(str(row["year"]))  # the leading year; a time zone after it is ignored
    try:
        value = Decimal(str(row["value"]))
    except InvalidOperation:
        return None
    if kind is None or year is None or not value.is_finite():
        return None
    unit = row.get("unit")
    return Figure(URIRef(str(row["indicator"])), int(year.group()), kind, value,
                  str(unit) if unit is not None else None, URIRef(str(row["source"])))


def _one_per_key(cluster: URIRef, figures: Sequence[Figure]) -> tuple[Figure, ...]:
    """One figure per indicator, year, kind and unit: the cluster's own first, then by source
    IRI."""
    ranked = sorted(figures, key=lambda f: (f.source != cluster, str(f.source), f.value))
    chosen: dict[tuple[URIRef, int, ValueKind, str | None], Figure] = {}
    for figure in ranked:
        chosen.setdefault((figure.indicator, figure.year, figure.kind, figure.unit), figure)
    return tuple(sorted(chosen.values(), key=lambda f: (str(f.indicator), f.year, f.kind.value,
                                                        f.unit is None, f.unit or "")))
