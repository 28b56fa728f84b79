"""The levels of rating scales clusters are rated at in one year (9.2.3; docs/model.md, decisions 19
and 24), read as `indicator_data` reads numbers: from the latest submission of every stored
cluster, the cluster's own first, then the reporting clusters in IRI order. A level keeps its
scale, rank and names as the submission stating it gives them, so that clusters can be set side by
side by rank, and a level of another scale said not to be comparable."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from .indicator_data import _LATEST, _indicator_values  # the reading of indicator figures
from .level_steps import steps_words
from .namespaces import BCIC
from .store.base import Store
from .store.guard import OwnQuery, checked_iri
from .store.summary import YEAR_TEXT


@dataclass(frozen=True)
class RatedFigure:
    """A level one cluster is rated at for one indicator: its scale (the first by IRI where it
    is of several) and rank (None: not given once as a whole number), its names, the cluster
    whose submission states it, and every scale it is of."""

    level: URIRef
    scale: URIRef | None
    rank: int | None
    source: URIRef
    labels: dict[str, str] = field(default_factory=dict)
    scales: frozenset[URIRef] = frozenset()

    def steps_from(self, other: RatedFigure) -> int | None:
        """How many levels this one stands above `other` (below: negative); None when no scale
        holds both or either has no rank."""
        if not self.scales & other.scales or self.rank is None or other.rank is None:
            return None
        return self.rank - other.rank

    def compared_with(self, other: RatedFigure) -> dict[str, object]:
        """The steps from `other` and their words in zh and en."""
        steps = self.steps_from(other)
        return {"steps": steps, "zh": steps_words(steps, "zh"), "en": steps_words(steps, "en")}


def read_rated(store: Store, clusters: Iterable[URIRef], year: int,
               indicators: Collection[URIRef] | None = None
               ) -> dict[URIRef, dict[URIRef, RatedFigure]]:
    """Cluster → indicator → the level the cluster is rated at in `year` (actual values only)."""
    wanted = sorted({checked_iri(str(c)) for c in clusters})
    if not wanted:
        return {}
    values = " ".join(f"<{c}>" for c in wanted)
    rows = store.select(OwnQuery(f"""
SELECT ?subject ?source ?indicator ?year ?level ?rank ?scale ?label WHERE {{
  VALUES ?subject {{ {values} }}
  {_indicator_values(indicators)}
  {_LATEST}
  GRAPH ?submission {{
    ?observation <{BCIC.refCluster}> ?subject ; <{BCIC.indicator}> ?indicator ;
        <{BCIC.valueKind}> <{BCIC.ActualValue}> ; <{BCIC.refYear}> ?year ;
        <{BCIC.ratedLevel}> ?level .
  }}
  FILTER(STRSTARTS(STR(?year), "{year:04d}"))
  OPTIONAL {{ GRAPH ?submission {{ ?level <{BCIC.levelRank}> ?rank }} }}
  OPTIONAL {{ GRAPH ?submission {{ ?level <{SKOS.inScheme}> ?scale }} }}
  OPTIONAL {{ GRAPH ?submission {{ ?level <{SKOS.prefLabel}> ?label }} }}
}}"""))
    Key = tuple[URIRef, URIRef, URIRef, URIRef]  # cluster, indicator, source, level
    ranks: dict[Key, set[int]] = {}
    scales: dict[Key, set[URIRef]] = {}
    labels: dict[Key, dict[str, str]] = {}
    for row in rows:
        matched = YEAR_TEXT.match(str(row["year"]))
        if matched is None or int(matched.group()) != year:
            continue
        key: Key = (URIRef(str(row["subject"])), URIRef(str(row["indicator"])),
                    URIRef(str(row["source"])), URIRef(str(row["level"])))
        rank, scale, label = row.get("rank"), row.get("scale"), row.get("label")
        found_ranks, found_scales = ranks.setdefault(key, set()), scales.setdefault(key, set())
        named = labels.setdefault(key, {})
        if isinstance(rank, Literal) and type(rank.toPython()) is int:
            found_ranks.add(rank.toPython())
        if isinstance(scale, URIRef):
            found_scales.add(scale)
        if isinstance(label, Literal) and label.language in ("zh", "en"):
            named.setdefault(label.language, str(label))
    rated: dict[URIRef, dict[URIRef, RatedFigure]] = {c: {} for c in wanted}
    # the cluster's own submission first, then the reporting clusters by IRI, then the level;
    # a level of several scales stands under the first by IRI (as rated_levels.level_ranks)
    for key in sorted(ranks, key=lambda k: (k[2] != k[0], str(k[2]), str(k[3]))):
        cluster, indicator, source, level = key
        first_scale = min(scales[key], key=str, default=None)
        only_rank = next(iter(ranks[key])) if len(ranks[key]) == 1 else None
        rated[cluster].setdefault(indicator, RatedFigure(level, first_scale, only_rank, source,
                                                         labels[key], frozenset(scales[key])))
    return rated
