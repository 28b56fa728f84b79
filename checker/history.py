"""What the store says of clusters over time, read from stored reports (never re-validated)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rdflib import URIRef

from .namespaces import BCIC, REQ
from .render.turtle import EARL
from .rulebook import clause_sort_key
from .store.base import PROVENANCE_GRAPH, RevisionInfo, Store
from .store.guard import OwnQuery, checked_iri

_FAILED = str(EARL.failed)
_SATISFIED = frozenset({str(EARL.passed), str(EARL.cantTell)})  # met, or met pending review


@dataclass(frozen=True)
class RevisionChange:
    """One revision of a cluster and the requirements it closed or opened against the one before."""

    number: int
    generated: datetime
    conforms: bool
    conformance_rate: float
    closed: tuple[str, ...]  # not met before, met (or manual review) now
    opened: tuple[str, ...]  # met (or manual review) before, not met now


@dataclass(frozen=True)
class ClusterSummary:
    """A stored cluster: its labels and its latest revision."""

    cluster: URIRef
    labels: dict[str, str]
    revisions: int
    latest: RevisionInfo


def cluster_history(store: Store, cluster: URIRef) -> list[RevisionChange]:
    """Every stored revision of the cluster, oldest first, with the clauses it closed and opened."""
    outcomes = _outcomes(store, checked_iri(str(cluster)))
    changes: list[RevisionChange] = []
    before: dict[str, str] = {}
    for info in store.revisions(cluster):
        now = outcomes.get(info.number, {})
        closed = [r for r, o in now.items() if o in _SATISFIED and before.get(r) == _FAILED]
        opened = [r for r, o in now.items() if o == _FAILED and before.get(r) in _SATISFIED]
        changes.append(RevisionChange(info.number, info.generated, info.conforms,
                                      info.conformance_rate, _in_clause_order(closed),
                                      _in_clause_order(opened)))
        before = now
    return changes


def cluster_overview(store: Store) -> list[ClusterSummary]:
    """Every stored cluster with its revision count, latest revision and labels from it."""
    latest: dict[URIRef, RevisionInfo] = {}
    counts: dict[URIRef, int] = {}
    for info in store.revisions():
        latest[info.cluster] = info  # revisions() is ordered by number within a cluster
        counts[info.cluster] = counts.get(info.cluster, 0) + 1
    labels = _labels(store, list(latest.values()))
    return [ClusterSummary(c, labels.get(c, {}), counts[c], latest[c]) for c in latest]


def _outcomes(store: Store, cluster: URIRef) -> dict[int, dict[str, str]]:
    """Revision number → requirement id → EARL outcome IRI, from the stored report graphs."""
    rows = store.select(OwnQuery(f"""PREFIX earl: <{EARL}>
SELECT ?number ?test ?outcome WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{
    ?revision <{BCIC.cluster}> <{checked_iri(str(cluster))}> ; <{BCIC.revisionNumber}> ?number ;
              <{BCIC.reportGraph}> ?report .
  }}
  GRAPH ?report {{ ?assertion a earl:Assertion ; earl:test ?test ; earl:result ?result .
                  ?result earl:outcome ?outcome . }}
}}"""))
    found: dict[int, dict[str, str]] = {}
    for row in rows:
        requirement = str(row["test"]).removeprefix(str(REQ))
        found.setdefault(int(str(row["number"])), {})[requirement] = str(row["outcome"])
    return found


def _labels(store: Store, infos: list[RevisionInfo]) -> dict[URIRef, dict[str, str]]:
    """Each cluster's rdfs:label by language, from its latest submission graph."""
    if not infos:
        return {}
    pairs = " ".join(f"(<{checked_iri(str(i.submission_graph))}> <{checked_iri(str(i.cluster))}>)"
                     for i in infos)
    rows = store.select(OwnQuery(f"""SELECT ?cluster ?label WHERE {{
  VALUES (?graph ?cluster) {{ {pairs} }}
  GRAPH ?graph {{ ?cluster <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
}}"""))
    found: dict[URIRef, dict[str, str]] = {}
    for row in rows:
        label = row["label"]
        language = getattr(label, "language", None) or ""
        found.setdefault(URIRef(str(row["cluster"])), {})[language] = str(label)
    return found


def _in_clause_order(ids: list[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=_sort_key))


def _sort_key(requirement_id: str) -> tuple[tuple[int, ...], str]:
    try:
        return clause_sort_key(requirement_id)
    except ValueError:  # an id outside the catalogue's numbering sorts last, by text
        return (10_000,), requirement_id
