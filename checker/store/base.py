"""The store interface every backend implements (docs/store.md), and the records it keeps."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote

from rdflib import Graph, URIRef
from rdflib.term import Node

from ..report import Rate

if TYPE_CHECKING:
    from .judgements import JudgementRecord

GRAPH_ROOT = "https://w3id.org/bcic/graph/"
ONTOLOGY_GRAPH = URIRef(GRAPH_ROOT + "rules/ontology")
SHAPES_GRAPH = URIRef(GRAPH_ROOT + "rules/shapes")
# The rulebooks the rule graphs held before a reload replaced them, one literal each
# (checker/store/rules_archive.py): never as triples, which every count over the union would see.
RULES_ARCHIVE_GRAPH = URIRef(GRAPH_ROOT + "rules/archive")
PROVENANCE_GRAPH = URIRef(GRAPH_ROOT + "provenance")
# Facts derived from each revision for the named queries (checker/store/summary.py).
SUMMARY_GRAPH = URIRef(GRAPH_ROOT + "summary")
# A remote store's writers in progress, one per cluster at a time (checker/store/turns.py).
WRITERS_GRAPH = URIRef(GRAPH_ROOT + "writers")
# A graph no store writes: a Virtuoso store names it as the one named graph of a query with FROM
# and no FROM NAMED, whose named graphs are none (checker/store/sparql_store.py).
NO_GRAPH = URIRef(GRAPH_ROOT + "none")

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class SourceFile:
    """A file a revision was made from: its name as given and the SHA-256 of its bytes."""

    name: str
    sha256: str


@dataclass(frozen=True)
class RevisionRecord:
    """Everything one revision writes, in one atomic call: data, report, provenance."""

    cluster: URIRef
    number: int
    submission: Graph
    report: Graph
    provenance: Graph

    @property
    def submission_graph(self) -> URIRef:
        """The named graph of the submission."""
        return submission_graph_iri(self.cluster, self.number)

    @property
    def report_graph(self) -> URIRef:
        """The named graph of the report."""
        return report_graph_iri(self.cluster, self.number)


@dataclass(frozen=True)
class RevisionInfo:
    """What the provenance graph says of one stored revision."""

    cluster: URIRef
    number: int
    submission_graph: URIRef
    report_graph: URIRef
    conforms: bool
    rate: Rate | None  # met ÷ applicable, with the pending reviews; None: not summarised yet
    rulebook_version: str
    generated: datetime
    submitter: str | None
    files: tuple[SourceFile, ...]
    # SHA-256 of the rule files that judged it (Rulebook.digest); None for a revision stored
    # before revisions recorded it.
    rulebook_digest: str | None = None


# Makes the record of a cluster's revision, given its number and the number of the latest stored
# revision before it (None: there is none), which its provenance names in prov:wasRevisionOf.
MakeRecord = Callable[[int, int | None], RevisionRecord]


class Store(Protocol):
    """A store of rules, submissions and reports as named graphs, queryable with SPARQL."""

    persistent: bool
    remote: bool

    @property
    def query_engine(self) -> str:
        """The SPARQL engine that runs the queries: "oxigraph", "virtuoso", or "sparql" for any
        other server; named queries may have a text written for an engine (checker/queries)."""

    def load_rules(self, ontology: Graph, shapes: Graph) -> None:
        """Replace the rule graphs (ontology with catalogue, shapes) with these, and in the same
        update archive the rulebook they held when it is another (`rules_archive.archive_for`)."""

    def add_revision(self, revision: RevisionRecord) -> None:
        """Write a revision's graphs, provenance and summary atomically; refuse an existing
        number."""

    def add_next_revision(self, cluster: URIRef, make: MakeRecord) -> RevisionRecord:
        """Store the cluster's next revision, numbered one past the highest number it ever had:
        `make(number, previous)` gives its record, written as `add_revision` writes one.
        Writers running at once, in threads or processes, each get a number of their own."""

    def rebuild_summary(self) -> None:
        """Recompute the summary graph from every stored revision, in one update."""

    def revisions(self, cluster: URIRef | None = None) -> list[RevisionInfo]:
        """Stored revisions, of one cluster or all, ordered by cluster then number."""

    def highest_revision_number(self, cluster: URIRef) -> int | None:
        """The highest number the cluster's revisions ever had, deleted ones included (None:
        it never had one); ingest numbers the next revision one past it."""

    def delete_revision(self, cluster: URIRef, number: int, *,
                        deleted_by: str | None = None, reason: str | None = None) -> bool:
        """Remove a revision's graphs and provenance atomically, leaving a tombstone so its
        number is never reused, with who deleted it and why (`reason`) where given; False
        (nothing changed) when it is not stored."""

    def add_judgement(self, judgement: JudgementRecord) -> bool:
        """Write an evaluator's judgement into the revision's judgements graph, superseding the
        provision's current one, and the revision's judged summary facts, in one update; False
        (nothing written) when the revision is not stored (checker/store/judgements.py)."""

    def named_graph(self, iri: URIRef) -> Graph:
        """A copy of one named graph (empty when absent)."""

    def select(self, query: str) -> list[dict[str, Node]]:
        """Run a SELECT query (default graph: the union of all graphs); its terms as every
        backend gives them (`checker.timestamps.answered`: a time in its canonical text)."""

    def select_rows(self, query: str) -> Iterator[dict[str, Node]]:
        """`select`'s rows one by one, as the engine gives them (the query runs before this
        returns; reading the rows needs the store open): a large answer is never held whole."""

    def ask(self, query: str) -> bool:
        """Run an ASK query (default graph: the union of all graphs)."""

    def construct(self, query: str) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query (default graph: the union of all graphs)."""

    def check_readable(self) -> None:
        """Answer one small read, asking afresh what the store took on trust since (a remote
        store: that its server's default graph is the union of its graphs): a health check.
        NoAnswerError or StoreError when the store cannot be read as it needs."""

    def close(self) -> None:
        """Release the store (locks, connections)."""


def cluster_key(cluster: URIRef) -> str:
    """The short, stable key of a cluster in graph IRIs: 16 hex digits of SHA-256 of its IRI."""
    return hashlib.sha256(str(cluster).encode("utf-8")).hexdigest()[:16]


def submission_graph_iri(cluster: URIRef, number: int) -> URIRef:
    """The named graph of revision `number` of `cluster`'s submission."""
    return URIRef(f"{GRAPH_ROOT}submission/{cluster_key(cluster)}/{number}")


def report_graph_iri(cluster: URIRef, number: int) -> URIRef:
    """The named graph of the report of revision `number` of `cluster`."""
    return URIRef(f"{GRAPH_ROOT}report/{cluster_key(cluster)}/{number}")


# The root of the IRIs of files and agents, which several revisions may name (docs/store.md).
SHARED_ROOT = "urn:bcic:"


def file_entity_iri(name: str, sha256: str) -> URIRef:
    """A submitted file as a PROV entity, named by the SHA-256 of its bytes and its name: the
    report's validation uses, and the provenance's revision derives from, the same entity."""
    return URIRef(f"{SHARED_ROOT}file:sha256:{sha256}:{quote(name, safe='')}")


def agent_iri(name: str) -> URIRef:
    """Someone who submitted or deleted revisions, as a PROV agent named by the name bcic was
    given: one IRI for everything done under that name."""
    return URIRef(f"{SHARED_ROOT}agent:{quote(name, safe='')}")
