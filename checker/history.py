"""What the store says of clusters over time, read from stored reports (never re-validated)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rdflib import URIRef

from .namespaces import BCIC, REQ
from .render.turtle import EARL
from .report import Rate, Status, is_gap
from .rulebook import Rulebook, clause_sort_key, load_rulebook
from .store.base import PROVENANCE_GRAPH, RevisionInfo, Store
from .store.guard import OwnQuery, checked_iri


@dataclass(frozen=True)
class RevisionChange:
    """One revision of a cluster and the gaps it closed and opened against the revision before.

    A gap is a shall-level requirement the report records not met (`report.is_gap`). Opened: a
    gap now and not before (met, pending manual review, not applicable, or not assessed at all);
    the first revision opens every gap it has. Closed: a gap before and not now, whatever its
    outcome now.
    """

    number: int
    generated: datetime
    conforms: bool
    rate: Rate | None  # None: stored before the summary had rate counts (`bcic reindex`)
    closed: tuple[str, ...]
    opened: tuple[str, ...]


@dataclass(frozen=True)
class ClusterSummary:
    """A stored cluster: its labels and its latest revision."""

    cluster: URIRef
    labels: dict[str, str]
    revisions: int
    latest: RevisionInfo


def cluster_history(store: Store, cluster: URIRef,
                    rulebook: Rulebook | None = None) -> list[RevisionChange]:
    """Every stored revision of the cluster, oldest first, with the gaps it closed and opened."""
    rulebook = rulebook or load_rulebook()
    failed = _failed(store, checked_iri(str(cluster)))
    changes: list[RevisionChange] = []
    before: frozenset[str] = frozenset()  # before the first revision, nothing is outstanding
    for info in store.revisions(cluster):
        now = _gaps(failed.get(info.number, frozenset()), rulebook)
        changes.append(RevisionChange(info.number, info.generated, info.conforms,
                                      info.rate, _in_clause_order(before - now),
                                      _in_clause_order(now - before)))
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


def _gaps(failed: frozenset[str], rulebook: Rulebook) -> frozenset[str]:
    """The failed requirements that are gaps; ids the rulebook does not know are left out, as
    the stored report read back leaves them out."""
    return frozenset(r for r in failed if r in rulebook.requirements
                     and is_gap(rulebook.requirements[r], Status.NOT_MET))


def _failed(store: Store, cluster: URIRef) -> dict[int, frozenset[str]]:
    """Revision number → the requirements its stored report records not met (earl:failed)."""
    rows = store.select(OwnQuery(f"""PREFIX earl: <{EARL}>
SELECT ?number ?test WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{
    ?revision <{BCIC.cluster}> <{checked_iri(str(cluster))}> ; <{BCIC.revisionNumber}> ?number ;
              <{BCIC.reportGraph}> ?report .
  }}
  GRAPH ?report {{ ?assertion a earl:Assertion ; earl:test ?test ; earl:result ?result .
                  ?result earl:outcome earl:failed . }}
}}"""))
    found: dict[int, set[str]] = {}
    for row in rows:
        found.setdefault(int(str(row["number"])), set()).add(
            str(row["test"]).removeprefix(str(REQ)))
    return {number: frozenset(ids) for number, ids in found.items()}


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


def _in_clause_order(ids: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=clause_sort_key))
