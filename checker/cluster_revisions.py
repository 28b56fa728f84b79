"""The stored clusters, and a cluster's revisions as the PDCA loop of 9.4 sees them.

Each revision carries its provenance (date, verdict, rate, submitter, files with SHA-256) and the
requirements it closed and opened against the one before (`checker.history.cluster_history`),
each with its short label from the catalogue, and the evaluator's judgements of it; a deleted
revision is listed in its place (`history_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from .history import ClusterSummary, cluster_history, cluster_overview
from .rulebook_names import rulebook_change_said
from .i18n import Lang
from .revisions import DeletedRevision, deleted_revisions
from .judgements import Judgement
from .rulebook import load_rulebook
from .store.base import RevisionInfo, Store


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
    # The rulebook of the revision before, when another judged it: what this one closed and
    # opened may come from the rules, not the submission (None: the same rulebook, or the first).
    rulebook_before: str | None = None
    digest_before: str | None = None  # the digest of `rulebook_before`'s rulebook, when known
    # The evaluator's judgements of it, oldest first, superseded ones too (decision 20).
    judgements: tuple[Judgement, ...] = ()

    @property
    def number(self) -> int:
        """The revision's number."""
        return self.info.number

    def rulebook_change(self, lang: Lang) -> str:
        """The line saying the rulebook changed since the revision before ("" when it did not)."""
        if self.rulebook_before is None:
            return ""
        return rulebook_change_said(self.rulebook_before, self.digest_before,
                                    self.info.rulebook_version, self.info.rulebook_digest, lang)


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
            tuple(requirement_ref(r) for r in (change.opened if change else ())),
            change.rulebook_before if change else None,
            change.digest_before if change else None,
            change.judgements if change else ()))
    return entries


def history_rows(store: Store, cluster: URIRef) -> list[RevisionEntry | DeletedRevision]:
    """Every revision of the cluster, oldest first, a deleted one in its place as its tombstone
    keeps it (when, by whom): the numbering's gaps explained."""
    return sorted([*revision_entries(store, cluster), *deleted_revisions(store, cluster)],
                  key=lambda row: row.number)


def requirement_ref(requirement_id: str) -> RequirementRef:
    """The id with its catalogue label; an id outside the catalogue keeps only the id."""
    requirement = load_rulebook().requirements.get(requirement_id)
    return RequirementRef(requirement_id, dict(requirement.label) if requirement else {})
