"""Ingest a submission: read, parse, validate, and store it as its cluster's next revision."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePath

from rdflib import Graph, Literal, URIRef

from .errors import CheckerError, InputError, NoAnswerError
from .i18n import phrase
from .iri_policy import iri_problem
from .loading import (SUBMISSION_BASE_IRI, SubmissionFile, load_submission,
                      read_submission_files)
from .loading.guards import XML_UNSAFE
from .namespaces import BCIC
from .ontology import load_ontology_graph
from .query_runner import refresh_snapshot, snapshot_dir_for
from .paths import ALL_ONTOLOGY_FILES
from .render.turtle import report_graph
from .report import Report
from .rule_problems import refuse_rule_problems
from .rulebook import Rulebook, load_rulebook
from .store import engine_setting, open_store_for_writing, store_location
from .store.base import (
    ONTOLOGY_GRAPH,
    SHAPES_GRAPH,
    RevisionInfo,
    RevisionRecord,
    SourceFile,
    Store,
    report_graph_iri,
    submission_graph_iri,
)
from .store.oxigraph_store import OxigraphStore
from .store.provenance import provenance_graph
from .store.summary import ensure_summary
from .validation import validate_graph


class NoClusterError(InputError):
    """The submission names no cluster and none was given: it says what to add to it (the web
    app's words); the CLI adds its --cluster option."""


@dataclass(frozen=True)
class CheckedSubmission:
    """A submission parsed and validated, and the cluster it is to be stored under."""

    files: tuple[SubmissionFile, ...]
    data: Graph
    report: Report
    cluster: URIRef
    rulebook: Rulebook


def ingest_at(location: str | None, paths: Sequence[Path], *, cluster: URIRef | None = None,
              submitter: str | None = None, engine: str | None = None,
              user: str | None = None) -> RevisionInfo:
    """`ingest_files` into the store at a location (`open_store_for_writing`'s, with its
    `engine` setting and a remote store's `user`), then publish it for queries. The store is opened, and created if missing,
    only once the location, the setting and the submission have passed their checks: bad input
    leaves no new store behind."""
    where, engine = store_location(location), engine_setting(engine)
    refuse_unsafe_submitter(submitter)
    checked = check_submission(read_submission_files(paths), cluster=cluster)
    with closing(open_store_for_writing(where, engine=engine, user=user)) as store:
        info = store_submission(store, checked, submitter=submitter)
        try:
            publish_for_queries(store)
        except (CheckerError, OSError) as error:  # stored all the same: say so
            raise NoAnswerError.of("error.store.not_published", detail=error, written=phrase(
                "store.written.revision", number=info.number, cluster=info.cluster)) from None
    return info


def ingest_files(store: Store, paths: Sequence[Path], *, cluster: URIRef | None = None,
                 submitter: str | None = None, rulebook: Rulebook | None = None) -> RevisionInfo:
    """Validate the files as one submission and store it with its report and provenance.

    The revision is stored whatever the verdict, under the cluster the submission describes, or
    `cluster` when it names none (`stored_cluster`). Raises InputError (nothing stored) on
    unreadable or invalid input.
    """
    checked = check_submission(read_submission_files(paths), cluster=cluster, rulebook=rulebook)
    return store_submission(store, checked, submitter=submitter)


def ingest_submission(store: Store, files: Sequence[SubmissionFile], *,
                      cluster: URIRef | None = None, submitter: str | None = None,
                      rulebook: Rulebook | None = None) -> tuple[RevisionInfo, Report]:
    """`ingest_files` for files already in memory (uploads): the stored revision and its report."""
    checked = check_submission(files, cluster=cluster, rulebook=rulebook)
    return store_submission(store, checked, submitter=submitter), checked.report


def check_submission(files: Sequence[SubmissionFile], *, cluster: URIRef | None = None,
                     rulebook: Rulebook | None = None,
                     max_triples: int | None = None) -> CheckedSubmission:
    """Parse and validate a submission of at most `max_triples` statements (None: the loader's
    setting), and find its cluster, without any store: InputError when it cannot be stored, or
    when the rule files have mistakes (rule_problems: nothing is read, judged or stored)."""
    rulebook = rulebook or load_rulebook()
    refuse_rule_problems(rulebook)
    for file in files:
        _refuse_xml_unsafe(stored_file_name(file.name), "file_name")
    data = load_submission(files, max_triples=max_triples)
    report = validate_graph(data, files=tuple(stored_file_name(f.name) for f in files),
                            sha256=tuple(hashlib.sha256(f.data).hexdigest() for f in files),
                            rulebook=rulebook, sources=files)
    return CheckedSubmission(tuple(files), data, report, stored_cluster(report.cluster, cluster),
                             rulebook)


def store_submission(store: Store, checked: CheckedSubmission, *,
                     submitter: str | None = None) -> RevisionInfo:
    """Store a checked submission as its cluster's next revision, with report and provenance;
    the store numbers it (`Store.add_next_revision`), so that writers at once never share one."""
    subject, report = checked.cluster, checked.report
    refuse_unsafe_submitter(submitter)
    ensure_rules(store, checked.rulebook)
    ensure_summary(store)
    files = tuple(SourceFile(stored_file_name(f.name), hashlib.sha256(f.data).hexdigest())
                  for f in checked.files)
    graph = report_graph(report)

    def info(number: int) -> RevisionInfo:
        return RevisionInfo(
            cluster=subject,
            number=number,
            submission_graph=submission_graph_iri(subject, number),
            report_graph=report_graph_iri(subject, number),
            conforms=report.conforms,
            rate=report.overall,
            rulebook_version=report.rulebook_version,
            generated=report.created,
            submitter=submitter,
            files=files,
            rulebook_digest=report.rulebook_digest,
        )

    stored = store.add_next_revision(subject, lambda number, previous: RevisionRecord(
        subject, number, checked.data, graph, provenance_graph(info(number), previous)))
    return info(stored.number)


def refuse_unsafe_submitter(submitter: str | None) -> None:
    """InputError for a submitter holding a character XML 1.0 cannot carry (the provenance
    block, like a submission's literals, is answered in XML formats too)."""
    if submitter is not None:
        _refuse_xml_unsafe(submitter, "submitter")


def _refuse_xml_unsafe(value: str, what: str) -> None:
    if (found := XML_UNSAFE.search(value)) is not None:
        raise InputError.of("error.provenance.xml_unsafe_character", what=phrase(
            f"error.provenance.{what}"), value=value, character=f"U+{ord(found.group()):04X}",
            remedy=phrase(f"error.provenance.{what}_remedy"))


def stored_file_name(name: str) -> str:
    """A submitted file's name as stored, and shown on public pages: its last path component
    only, so the folders of whoever ran `bcic ingest` stay private (its hash tells files apart)."""
    return PurePath(name).name or name


def stored_cluster(named: str | None, given: URIRef | None) -> URIRef:
    """The cluster a revision is stored under: the one the submission names (`Report.cluster`);
    `given` (--cluster) only for a submission that names none, else it must be the same."""
    if named is None:
        if given is None:
            raise NoClusterError.of("error.no_cluster")
        return storable_cluster(given)
    if given is not None and given != URIRef(named):
        raise InputError.of("error.cluster_mismatch", named=named, given=given)
    return storable_cluster(URIRef(named))


def storable_cluster(cluster: URIRef) -> URIRef:
    """The cluster IRI, when a revision can be stored under it: absolute, and one the named
    queries can be asked about (checker/iri_policy.py); else InputError.

    A relative IRI (`<cluster>`, `"@id": "cluster"`) was resolved against the one placeholder base
    every submission shares, so it would make unrelated submitters' clusters revisions of one
    another. Validation alone still reports on such a submission: it stores nothing to merge.
    """
    if cluster.startswith(SUBMISSION_BASE_IRI):
        raise InputError.of("error.cluster_relative", relative=cluster[len(SUBMISSION_BASE_IRI):],
                            resolved=str(cluster))
    if (problem := iri_problem(str(cluster))) is not None:
        raise InputError.of("error.cluster_iri", problem=problem)
    return cluster


def load_rules_into(store: Store, rulebook: Rulebook | None = None) -> None:
    """Replace the store's rule graphs with the ontology files and the rulebook's shapes;
    InputError, the store untouched, when the rule files have mistakes (rule_problems)."""
    rulebook = rulebook or load_rulebook()
    refuse_rule_problems(rulebook)
    ontology = load_ontology_graph(ALL_ONTOLOGY_FILES)
    # Which rulebook the rule graphs hold, so ingest can tell when they are stale: its version,
    # and the digest of its files, which changes with any edit the version number missed.
    ontology.add((ONTOLOGY_GRAPH, BCIC.rulebookVersion, Literal(rulebook.version)))
    ontology.add((ONTOLOGY_GRAPH, BCIC.rulebookDigest, Literal(rulebook.digest)))
    store.load_rules(ontology, rulebook.shapes_graph)


def rules_loaded(store: Store, rulebook: Rulebook) -> bool:
    """Whether both rule graphs are stored, and from this rulebook: its version and the digest
    of its rule files (graphs loaded before the digest was recorded have none: not this one)."""
    return store.ask(f"""ASK {{
  GRAPH <{ONTOLOGY_GRAPH}> {{ <{ONTOLOGY_GRAPH}> <{BCIC.rulebookVersion}> {Literal(rulebook.version).n3()} ;
    <{BCIC.rulebookDigest}> {Literal(rulebook.digest).n3()} }}
  GRAPH <{SHAPES_GRAPH}> {{ ?s ?p ?o }}
}}""")


def ensure_rules(store: Store, rulebook: Rulebook) -> None:
    """Load the rule graphs when they are missing or from another rulebook (another version, or
    other rule files under the same version)."""
    if not rules_loaded(store, rulebook):
        load_rules_into(store, rulebook)


def publish_for_queries(store: Store) -> Path | None:
    """Refresh the snapshot the SPARQL endpoint reads, after an ingest into a directory store.

    Returns the new snapshot, or None for stores the endpoint does not serve (in memory, remote).
    """
    if not isinstance(store, OxigraphStore) or store.path is None:
        return None
    return refresh_snapshot(store, snapshot_dir_for(store.path))
