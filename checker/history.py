"""What the store says of clusters over time, read from stored reports (never re-validated)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rdflib import URIRef

from .display_time import moment_shown
from .i18n import Lang, counted, message
from .judgements import Judgement, all_judgements
from .namespaces import BCIC, REQ
from .render.turtle import EARL
from .report import Rate
from .revisions import DeletedRevision, deletions_after
from .rulebook import LEVEL_BY_IRI, Level, Rulebook, clause_sort_key, load_rulebook
from .rulebook_names import rulebook_named, rulebooks_differ
from .store.base import PROVENANCE_GRAPH, SUMMARY_GRAPH, RevisionInfo, Store
from .store.guard import OwnQuery, checked_iri
from .store.judgements import judgements_graph_iri


@dataclass(frozen=True)
class RevisionChange:
    """One revision of a cluster and the gaps it closed and opened against the revision before.

    A gap is a shall-level requirement the report records not met (`report_building.is_gap`). Opened: a
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
    rulebook_version: str = ""  # the rulebook that judged it
    # The rulebook of the revision before, when another (by version, or by digest where the
    # version is the same): what it closed and opened may then come from the rules that changed,
    # not from the submission (None: same rulebook, or the first).
    rulebook_before: str | None = None
    rulebook_digest: str | None = None  # None: stored before revisions recorded it
    digest_before: str | None = None  # the digest of `rulebook_before`'s rulebook, when known
    # The evaluator's judgements of its provisions awaiting review, oldest first, superseded ones
    # too: events of the revision (docs/model.md, decision 20).
    judgements: tuple[Judgement, ...] = ()


@dataclass(frozen=True)
class ClusterSummary:
    """A stored cluster: its labels and its latest revision, and the deleted revisions numbered
    after it (its verdict is then the newest remaining one, not the last one given)."""

    cluster: URIRef
    labels: dict[str, str]
    revisions: int
    latest: RevisionInfo
    deleted_after: tuple[DeletedRevision, ...] = ()


def cluster_history(store: Store, cluster: URIRef,
                    rulebook: Rulebook | None = None) -> list[RevisionChange]:
    """Every stored revision of the cluster, oldest first, with the gaps it closed and opened and
    the rulebook that judged it, said when it is not the one that judged the revision before."""
    rulebook = rulebook or load_rulebook()
    failed = _failed(store, checked_iri(str(cluster)))
    changes: list[RevisionChange] = []
    before: frozenset[str] = frozenset()  # before the first revision, nothing is outstanding
    previous: RevisionInfo | None = None
    for info in store.revisions(cluster):
        now = _gaps(failed.get(info.number, {}), rulebook)
        changed = previous is not None and rulebooks_differ(
            previous.rulebook_version, previous.rulebook_digest,
            info.rulebook_version, info.rulebook_digest)
        changes.append(RevisionChange(
            info.number, info.generated, info.conforms, info.rate,
            _in_clause_order(before - now), _in_clause_order(now - before),
            info.rulebook_version,
            previous.rulebook_version if changed and previous else None, info.rulebook_digest,
            previous.rulebook_digest if changed and previous else None,
            tuple(all_judgements(store.named_graph(
                judgements_graph_iri(info.cluster, info.number))))))
        before, previous = now, info
    return changes


def cluster_overview(store: Store) -> list[ClusterSummary]:
    """Every stored cluster with its revision count, latest revision and labels from it."""
    latest: dict[URIRef, RevisionInfo] = {}
    counts: dict[URIRef, int] = {}
    for info in store.revisions():
        latest[info.cluster] = info  # revisions() is ordered by number within a cluster
        counts[info.cluster] = counts.get(info.cluster, 0) + 1
    labels = _labels(store, list(latest.values()))
    later = deletions_after(store, {c: info.number for c, info in latest.items()})
    return [ClusterSummary(c, labels.get(c, {}), counts[c], latest[c], later.get(c, ()))
            for c in latest]


def later_deletions_note(summary: ClusterSummary, lang: Lang) -> str:
    """"revision 3, after revision 2, was deleted on …: the verdict shown is revision 2's",
    the time in the display zone, for a cluster whose latest revisions were deleted; else ""."""
    if not summary.deleted_after:
        return ""
    numbers = ("、" if lang == "zh" else ", ").join(str(d.number) for d in summary.deleted_after)
    last = max(d.deleted for d in summary.deleted_after)
    return counted("store.clusters.deleted_after", len(summary.deleted_after), lang,
                   numbers=numbers, shown=summary.latest.number, date=moment_shown(last, lang))


def mixed_rulebooks_note(clusters: list[ClusterSummary], lang: Lang) -> str:
    """Said under a list of clusters whose latest revisions were judged under different
    rulebooks (their verdicts and rates are then not comparable as they stand); else "".
    Rulebooks of one version are told apart by digest (rulebooks_differ), and named by it."""
    digests: dict[str, set[str]] = {}
    for summary in clusters:
        known = digests.setdefault(summary.latest.rulebook_version, set())
        if summary.latest.rulebook_digest is not None:  # None: stored before digests were kept
            known.add(summary.latest.rulebook_digest)
    named = [rulebook_named(version, digest if len(known) > 1 else None, lang)
             for version, known in sorted(digests.items())
             for digest in (sorted(known) if len(known) > 1 else [None])]
    if len(named) < 2:
        return ""
    return message("store.clusters.mixed_rulebooks", lang, versions=", ".join(named))


def _gaps(failed: dict[str, Level | None], rulebook: Rulebook) -> frozenset[str]:
    """The failed requirements that are gaps, by the level the report states (a provision the
    running rulebook no longer has counts as judged); a report that states none takes the running
    rulebook's, and leaves out an id it does not know."""
    levels = {rid: level or (rulebook.requirements[rid].level if rid in rulebook.requirements
                             else None) for rid, level in failed.items()}
    return frozenset(rid for rid, level in levels.items() if level is Level.SHALL)


def _failed(store: Store, cluster: URIRef) -> dict[int, dict[str, Level | None]]:
    """Revision number → the requirements its stored report records not met (earl:failed), each
    with the level the report states (None: it states none), and those the evaluator judged not
    met."""
    rows = store.select(OwnQuery(f"""PREFIX earl: <{EARL}>
SELECT ?number ?test ?level WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{
    ?revision <{BCIC.cluster}> <{checked_iri(str(cluster))}> ; <{BCIC.revisionNumber}> ?number ;
              <{BCIC.reportGraph}> ?report .
  }}
  GRAPH ?report {{ ?assertion a earl:Assertion ; earl:test ?test ; earl:result ?result .
                  ?result earl:outcome earl:failed .
                  OPTIONAL {{ ?test <{BCIC.normativeLevel}> ?level }} }}
}}"""))
    found: dict[int, dict[str, Level | None]] = {}
    for row in rows:
        level = LEVEL_BY_IRI.get(row["level"]) if row.get("level") is not None else None  # type: ignore[arg-type]
        found.setdefault(int(str(row["number"])), {})[
            str(row["test"]).removeprefix(str(REQ))] = level
    # A shall-level provision the evaluator judged not met is a gap too (the summary graph's
    # bcic:judgedNotMet: docs/store.md, "Judgements").
    for row in store.select(OwnQuery(f"""SELECT ?number ?test WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{
    ?revision <{BCIC.cluster}> <{checked_iri(str(cluster))}> ; <{BCIC.revisionNumber}> ?number .
  }}
  GRAPH <{SUMMARY_GRAPH}> {{ ?revision <{BCIC.judgedNotMet}> ?test }}
}}""")):
        found.setdefault(int(str(row["number"])), {})[
            str(row["test"]).removeprefix(str(REQ))] = Level.SHALL
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


def _in_clause_order(ids: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=clause_sort_key))
