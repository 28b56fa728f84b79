"""A stored cluster found by its URL key, and its revisions as the PDCA loop of 9.4 sees them.

Each revision carries its provenance (date, verdict, rate, submitter, files with SHA-256) and the
requirements it closed and opened against the one before (`checker.history.cluster_history`),
each with its short label from the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from .history import ClusterSummary, cluster_history, cluster_overview
from .rulebook import load_rulebook
from .store.base import RevisionInfo, Store, cluster_key


@dataclass(frozen=True)
class RequirementRef:
    """A provision id with its short label (zh, en), as listed in the catalogue."""

    id: str
    labels: dict[str, str]


@dataclass(frozen=True)
class RevisionEntry:
    """One stored revision and what it closed and opened against the revision before."""

    info: RevisionInfo
    closed: tuple[RequirementRef, ...]
    opened: tuple[RequirementRef, ...]


def find_cluster(store: Store, key: str) -> ClusterSummary | None:
    """The stored cluster whose key (`cluster_key`, 16 hex digits) is `key`, if any."""
    return next((c for c in cluster_overview(store) if cluster_key(c.cluster) == key), None)


def stored_clusters(store: Store) -> list[ClusterSummary]:
    """Every stored cluster, in IRI order."""
    return sorted(cluster_overview(store), key=lambda c: str(c.cluster))


def revision_entries(store: Store, cluster: URIRef) -> list[RevisionEntry]:
    """Every stored revision of the cluster, oldest first, with closed and opened requirements."""
    changes = {change.number: change for change in cluster_history(store, cluster)}
    entries = []
    for info in store.revisions(cluster):
        change = changes.get(info.number)
        entries.append(RevisionEntry(
            info,
            tuple(requirement_ref(r) for r in (change.closed if change else ())),
            tuple(requirement_ref(r) for r in (change.opened if change else ()))))
    return entries


def requirement_ref(requirement_id: str) -> RequirementRef:
    """The id with its catalogue label; an id outside the catalogue keeps only the id."""
    requirement = load_rulebook().requirements.get(requirement_id)
    return RequirementRef(requirement_id, dict(requirement.label) if requirement else {})
