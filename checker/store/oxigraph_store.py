"""The embedded backend: a pyoxigraph Store in a directory, or in memory (docs/store.md).

Queries see the union of all graphs as their default graph (unless they name their own dataset
with FROM / FROM NAMED) and pass the guard first, so nothing
the store runs for a user reaches the network. Each revision is written by one `Store.extend`
call, which pyoxigraph applies as one transaction: a killed process leaves all of it or none.
"""

from __future__ import annotations

import errno
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import (InputError, NoAnswerError, NotFlushedError, QueryRefusedError,
                      RevisionExistsError, StoreError, StoreLockedError)
from ..i18n import Phrase, phrase
from ..loading.rdfterms import OxigraphTerm, from_oxigraph, named_node, to_oxigraph
from ..sparql_syntax import engine_refusal
from ..timestamps import answered
from .base import (ONTOLOGY_GRAPH, PROVENANCE_GRAPH, RULES_ARCHIVE_GRAPH, SHAPES_GRAPH,
                   MakeRecord, RevisionInfo, RevisionRecord, Triple)
from .deletion import (highest_number_query, read_highest_number, removal_operations,
                       revision_stored_query, tombstone_graph)
from .guard import OwnQuery, QueryForm, guard_query
from .info_logs import prune_info_logs
from .judgements import (JudgementRecord, current_judgements, current_query, judged_summary_update,
                         judgement_graph)
from .location import check_store_directory, on_read_only_mount, writable
from .numbering import next_record, token_triples, write_token
from .rules_archive import archive_for, archive_removal
from .provenance import check_describes, read_revisions, revisions_query
from .summary import STORED_REVISIONS, rebuild_updates, summary_blocks
from ..os_reasons import os_reason, reason_of_number

T = TypeVar("T")
_CORRUPTION = "Corruption:"  # how RocksDB's errors for damaged files begin
LOCK_RETRY_SECONDS = 0.2
_ANY_TRIPLE = OwnQuery("ASK { ?s ?p ?o }")  # the health check's read (check_readable)
_Solutions = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples


class OxigraphStore:
    """A Store on pyoxigraph: `path` a directory (created if missing, unless `create` is false or
    `read_only`) or None for memory."""

    remote = False
    query_engine = "oxigraph"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 create: bool = True, lock_wait: float = 0.0) -> None:
        self.path = Path(path) if path is not None else None
        self.persistent = self.path is not None
        self._lock = threading.Lock()  # one writer at a time within the process
        self._store: pyoxigraph.Store | None = None
        if self.path is not None:
            check_store_directory(self.path, create=create and not read_only)
        try:
            if self.path is None:
                self._store = pyoxigraph.Store()
            elif read_only:
                self._store = pyoxigraph.Store.read_only(str(self.path))
            else:
                _make_directory(self.path)
                _refuse_unwritable(self.path)
                try:
                    self._store = _open_waiting(self.path, lock_wait)
                finally:  # each attempt rotated RocksDB's info log, one refused by a lock too
                    prune_info_logs(self.path)
        except RuntimeError as error:  # RocksDB's words on its files: "Corruption: …"
            raise NoAnswerError.of("error.store.damaged", path=self.path, detail=error) from None
        except OSError as error:
            locked = _is_lock_error(error)
            hint = (phrase("error.store.locked_hint", seconds=f"{lock_wait:g}") if locked
                    else "")
            raise (StoreLockedError if locked else NoAnswerError).of(
                "error.store.cannot_open", path=self.path, hint=hint, detail=error) from None

    def load_rules(self, ontology: Graph, shapes: Graph) -> None:
        """Replace both rule graphs, archiving the rulebook they held when it is another
        (checker/store/rules_archive.py), in one update (one transaction)."""
        with self._lock:
            archive = archive_for(self, ontology)
            graphs: tuple[tuple[URIRef, Iterable[Triple]], ...] = (
                (ONTOLOGY_GRAPH, ontology), (SHAPES_GRAPH, shapes), (RULES_ARCHIVE_GRAPH, archive))
            body = "\n".join(f"GRAPH <{name}> {{\n{_ntriples(triples)}\n}}"
                             for name, triples in graphs)
            update = (f"{archive_removal(archive)}DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\n"
                      f"DROP SILENT GRAPH <{SHAPES_GRAPH}> ;\nINSERT DATA {{\n{body}\n}}")
            self._write(lambda store: store.update(update), phrase("store.written.rules"))

    def add_revision(self, revision: RevisionRecord) -> None:
        """Write the revision's graphs and summary in one extend; refuse a number already taken."""
        check_describes(revision)
        with self._lock:
            if self._taken(revision):
                raise RevisionExistsError.of("error.revision.exists", number=revision.number,
                                             cluster=revision.cluster)
            self._write_revision(revision)

    def add_next_revision(self, cluster: URIRef, make: MakeRecord) -> RevisionRecord:
        """Number, make and write the cluster's next revision under the store's lock: the one
        process that holds a directory store writes it, one thread at a time."""
        with self._lock:
            record = next_record(self, cluster, make, self._taken)
            self._write_revision(record)
        return record

    def delete_revision(self, cluster: URIRef, number: int, *,
                        deleted_by: str | None = None, reason: str | None = None) -> bool:
        """Drop the revision's graphs and provenance and write its tombstone in one update."""
        tombstone = tombstone_graph(cluster, number, datetime.now(timezone.utc),
                                    deleted_by, reason)
        update = (removal_operations(cluster, number) + f"INSERT DATA {{ GRAPH "
                  f"<{PROVENANCE_GRAPH}> {{\n{_ntriples(tombstone)}\n}} }}")
        with self._lock:
            if not self._ask(revision_stored_query(cluster, number)):
                return False
            self._write(lambda store: store.update(update),
                        phrase("store.written.deletion", number=number, cluster=cluster))
        return True

    def add_judgement(self, judgement: JudgementRecord) -> bool:
        """Write the judgement, superseding the provision's current one, and the revision's
        judged summary facts in one update, under the store's lock."""
        with self._lock:
            if not self._ask(revision_stored_query(judgement.cluster, judgement.number)):
                return False
            replaces = current_judgements(self._select(current_query(judgement)))
            update = (f"INSERT DATA {{ GRAPH <{judgement.graph}> {{\n"
                      f"{_ntriples(judgement_graph(judgement, replaces))}\n}} }} ;\n"
                      + judged_summary_update(judgement))
            self._write(lambda store: store.update(update), phrase(
                "store.written.judgement", number=judgement.number, cluster=judgement.cluster))
        return True

    def rebuild_summary(self) -> None:
        """Recompute the summary graph, a batch of revisions per update (summary.py), holding
        the store's lock throughout; the version marker is written last."""
        with self._lock:
            revisions = [row["revision"] for row in self._select(STORED_REVISIONS)]
            *batches, marker = rebuild_updates(revisions)
            for update in batches:
                self._write(lambda store: store.update(update),
                            phrase("store.written.summary_part"))
            self._write(lambda store: store.update(marker), phrase("store.written.summary"))

    def revisions(self, cluster: URIRef | None = None) -> list[RevisionInfo]:
        """Stored revisions, of one cluster or all, ordered by cluster then number."""
        return read_revisions(self._select(revisions_query(cluster)))

    def highest_revision_number(self, cluster: URIRef) -> int | None:
        """The cluster's highest revision number, stored or deleted (None: it never had one)."""
        # The store's own query: unguarded, as the guard's cache would miss on every cluster.
        return read_highest_number(self._select(highest_number_query(cluster)))

    def named_graph(self, iri: URIRef) -> Graph:
        """A copy of one named graph (empty when absent)."""
        name = pyoxigraph.NamedNode(str(iri))
        graph = Graph()
        for quad in self._call(lambda store: list(store.quads_for_pattern(None, None, None, name))):
            graph.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate),
                       from_oxigraph(quad.object)))
        return graph

    def select(self, query: str) -> list[dict[str, Node]]:
        """Run a guarded (unless an OwnQuery) SELECT over the union of all graphs."""
        return self._select(query, union=guard_query(query, QueryForm.SELECT))

    def select_rows(self, query: str) -> Iterator[dict[str, Node]]:
        """Run a guarded (unless an OwnQuery) SELECT over the union of all graphs; its rows one by
        one, as pyoxigraph gives them, each made when asked for."""
        return self._rows(self._query(query, union=guard_query(query, QueryForm.SELECT)))

    def ask(self, query: str) -> bool:
        """Run a guarded (unless an OwnQuery) ASK over the union of all graphs."""
        result = self._query(query, union=guard_query(query, QueryForm.ASK))
        assert isinstance(result, pyoxigraph.QueryBoolean)
        return bool(result)

    def check_readable(self) -> None:
        """Answer one small ASK: the store's files open and answer (nothing else to ask)."""
        self.ask(_ANY_TRIPLE)

    def construct(self, query: str) -> Graph:
        """Run a guarded (unless an OwnQuery) CONSTRUCT or DESCRIBE over the union of all graphs."""
        result = self._query(query, union=guard_query(query, QueryForm.CONSTRUCT))
        assert isinstance(result, pyoxigraph.QueryTriples)
        graph = Graph()
        for triple in result:
            graph.add((from_oxigraph(triple.subject), from_oxigraph(triple.predicate),
                       from_oxigraph(triple.object)))
        return graph

    def backup(self, target: Path) -> None:
        """Write a consistent snapshot directory that other processes may open read-only."""
        if self.path is None:
            raise StoreError.of("error.store.in_memory_backup")
        self._call(lambda store: store.backup(str(target)))

    def close(self) -> None:
        """Release the store; a directory store's lock goes with the last reference."""
        with self._lock:
            self._store = None  # every write was flushed as it was made (`_write`)

    def _select(self, query: str, *, union: bool = True) -> list[dict[str, Node]]:
        """SELECT without the guard: for the store's own, trusted queries (and guarded ones)."""
        return list(self._rows(self._query(query, union=union)))

    def _rows(self, result: _Solutions) -> Iterator[dict[str, Node]]:
        """A SELECT's solutions as rows of terms, read from the engine one at a time (its
        failures, such as a damaged store, said as `_call` says them)."""
        assert isinstance(result, pyoxigraph.QuerySolutions)
        names = [v.value for v in result.variables]
        while (solution := self._call(lambda _store: next(result, None))) is not None:
            yield {name: answered(from_oxigraph(value))
                   for name, value in zip(names, solution) if value is not None}

    def _ask(self, query: str) -> bool:
        """ASK without the guard: for the store's own, trusted queries."""
        result = self._query(query)
        assert isinstance(result, pyoxigraph.QueryBoolean)
        return bool(result)

    def _query(self, query: str, *, union: bool = True) -> _Solutions:
        """Run a query over the union of all graphs as default graph (`union`), else over the
        dataset it names itself: pyoxigraph's union option would override its FROM."""
        try:
            return self._call(lambda store: store.query(query, use_default_graph_as_union=union))
        except SyntaxError as error:
            raise engine_refusal(query, error.msg) from None
        except RuntimeError as error:
            raise QueryRefusedError.of("error.sparql.unsupported", detail=error) from None

    def _taken(self, revision: RevisionRecord) -> bool:
        """Whether anything of this revision is stored: its graphs or its provenance block."""
        subject = pyoxigraph.NamedNode(str(revision.submission_graph))
        return self._call(lambda store: (
            store.contains_named_graph(subject)
            or store.contains_named_graph(pyoxigraph.NamedNode(str(revision.report_graph)))
            or any(True for _ in store.quads_for_pattern(
                subject, None, None, pyoxigraph.NamedNode(str(PROVENANCE_GRAPH))))))

    def _write_revision(self, revision: RevisionRecord) -> None:
        """Write the revision in one extend (one transaction), with the token of this write."""
        # A generator: terms are converted inside the one transaction that writes them.
        quads = _revision_quads(revision, write_token())
        self._write(lambda store: store.extend(quads), phrase(
            "store.written.revision", number=revision.number, cluster=revision.cluster))

    def _write(self, action: Callable[[pyoxigraph.Store], None], written: Phrase) -> None:
        """Run one write, then move what it wrote out of memory onto disk. Left to itself,
        RocksDB holds writes in memory up to its buffer sizes, which grew a writer by about
        4 MB a revision up to 2 GB; with the flush it stays at its own size, and writes get
        faster too (docs/store.md). A flush that fails (a full disk) comes after the commit:
        NotFlushedError says what was stored (`written`), never that nothing was."""
        try:
            self._call(action)
        except NoAnswerError as error:  # one transaction: none of it was written
            raise NoAnswerError.of("error.store.write_failed", detail=error) from None
        self._call(lambda store: _flush(store, written))

    def _call(self, action: Callable[[pyoxigraph.Store], T]) -> T:
        """Run `action(store)`, turning a closed store into StoreError, and I/O failures and a
        damaged store into NoAnswerError (the store could not answer: exit 4, 503)."""
        if self._store is None:
            raise StoreError.of("error.store.closed")
        try:
            return action(self._store)
        except OSError as error:
            raise NoAnswerError.of("error.store.failed", detail=error) from None
        except RuntimeError as error:
            if not str(error).startswith(_CORRUPTION):
                raise  # the engine's refusal of a query: `_query` says so
            raise NoAnswerError.of("error.store.damaged", path=self.path, detail=error) from None


def _flush(store: pyoxigraph.Store, written: Phrase) -> None:
    """Flush a committed write to disk; NotFlushedError, saying what was stored, if it fails."""
    try:
        store.flush()
    except OSError as error:
        raise NotFlushedError(phrase("error.store.not_flushed", written=written, detail=error),
                              written) from None


def _refuse_unwritable(path: Path) -> None:
    """InputError for a store directory this process cannot write (a read-only mount, no
    permission): RocksDB would fail on its LOG file with words that name no cause of ours."""
    if not writable(path):
        raise InputError.of("error.store.not_writable", path=path,
                            reason=reason_of_number(errno.EROFS if on_read_only_mount(path)
                                                    else errno.EACCES))


def _open_waiting(path: Path, lock_wait: float) -> pyoxigraph.Store:
    """Open a directory store for writing, retrying for up to `lock_wait` seconds while another
    process holds it (a reader such as `bcic clusters` holds it for a moment)."""
    deadline = time.monotonic() + lock_wait
    while True:
        try:
            return pyoxigraph.Store(str(path))
        except OSError as error:
            if not _is_lock_error(error) or time.monotonic() >= deadline:
                raise
            time.sleep(LOCK_RETRY_SECONDS)


def _is_lock_error(error: OSError) -> bool:
    """Whether opening failed because another process has the directory open."""
    return "lock" in str(error).lower()


def _revision_quads(revision: RevisionRecord, token: URIRef) -> Iterator[pyoxigraph.Quad]:
    """The revision's quads, with the provenance triple naming the write (`token`); blank nodes
    renamed per revision so no write touches another's."""
    fresh = f"v{uuid.uuid4().hex[:16]}"
    literals: dict[Node, OxigraphTerm] = {}  # values recur: years, units, outcomes

    def term(node: Node) -> OxigraphTerm:
        # IRIs through `named_node`'s cache, keyed by text: faster than hashing rdflib terms.
        if isinstance(node, URIRef):
            return named_node(str(node))
        if isinstance(node, BNode):
            return pyoxigraph.BlankNode(f"{fresh}{node}")
        found = literals.get(node)
        if found is None:
            found = literals[node] = to_oxigraph(node)
        return found

    for name, graph in ((revision.submission_graph, revision.submission),
                        (revision.report_graph, revision.report),
                        (PROVENANCE_GRAPH, revision.provenance),
                        *summary_blocks(revision)):
        graph_name = pyoxigraph.NamedNode(str(name))
        for s, p, o in graph:
            yield pyoxigraph.Quad(term(s), term(p), term(o), graph_name)
    for s, p, o in token_triples(revision, token):
        yield pyoxigraph.Quad(term(s), term(p), term(o), pyoxigraph.NamedNode(str(PROVENANCE_GRAPH)))


def _ntriples(graph: Iterable[Triple]) -> str:
    """The triples as N-Triples lines, which are also valid INSERT DATA content."""
    return "\n".join(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} ." for s, p, o in graph
                     if isinstance(o, (URIRef, BNode, Literal)))


def _make_directory(path: Path) -> None:
    """Create a store's directory; a path that cannot be one (under a file, in a read-only or
    virtual file system) is the user's bad input, not a failure of the store."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError.of("error.cannot_write", path=path, reason=os_reason(error)) from None
