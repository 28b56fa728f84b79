"""The code that runs inside a query worker process (see checker/query_runner.py).

A worker opens the current snapshot of the store read-only, receives one job at a time over a
pipe, runs it with pyoxigraph, caps the rows, serialises the result and sends the bytes back.
It imports nothing but pyoxigraph, orjson, the standard library, checker.errors with its
message catalogue (plain Python), checker.sparql_syntax (pyoxigraph and the standard library),
checker.memory_limit, checker.snapshot_leases and checker.json_values (the standard library), so
that starting a fresh worker after a kill stays cheap, and it holds no state worth saving: the
parent kills it without ceremony when a query runs too long. Given a memory limit, a worker takes
at most that much memory beyond what it holds once it has opened the snapshot; a query that needs
more ends the worker by SIGABRT, as Rust code does when an allocation fails, and the parent says
so and replaces it (checker/memory_limit.py).
"""

from __future__ import annotations

import itertools
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

import orjson
import pyoxigraph

from .errors import CheckerError, NotAcceptableError, QueryRefusedError, StoreError
from .json_values import JsonValue, json_value
from .memory_limit import limit_growth
from .snapshot_leases import SnapshotLease, take_lease
from .sparql_syntax import engine_refusal

PREFIXES = {
    "bcic": "https://w3id.org/bcic/ontology#", "req": "https://w3id.org/bcic/req/gbt-draft/",
    "ind": "https://w3id.org/bcic/indicator/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "sh": "http://www.w3.org/ns/shacl#", "earl": "http://www.w3.org/ns/earl#",
    "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#", "qb": "http://purl.org/linked-data/cube#",
}
_LOG = logging.getLogger(__name__)  # to stderr: the parent logs it (checker/worker_output.py)
CURRENT_LINK = "current"  # inside a snapshot directory: the symlink to the newest snapshot
# A SELECT result as the named-query API returns it (not a pyoxigraph format, not offered to
# SPARQL clients): {"columns": [variable…], "rows": [{variable: value}…]}, see `_values_json`.
VALUES_JSON = "VALUES_JSON"
# The same columns and rows a line each, for the server to keep and cut pages from
# (checker/answer_cache.py): the columns' JSON array, then each row's JSON object (JSON escapes
# every line break inside a value).
VALUES_LINES = "VALUES_LINES"
_PLAIN_FORMATS = (VALUES_JSON, VALUES_LINES)

ResultKind = Literal["solutions", "boolean", "graph"]
# What XML 1.0 cannot carry (checker/loading/guards.py refuses it in submissions, but a query can
# make it: BIND("\u0001" AS ?x)), as UTF-8 bytes: C0 controls but tab, line feed and carriage
# return, and U+FFFE, U+FFFF. A body holding one is no XML at all.
_XML_UNSAFE = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
# The XML formats (pyoxigraph's names): as people know them, and the formats that carry anything.
_XML_FORMATS = {"XML": ("SPARQL XML", "JSON, CSV, TSV"),
                "RDF_XML": ("RDF/XML", "Turtle, N-Triples, JSON-LD")}
# RDF/XML writes a predicate as an element: a namespace and a local name, an XML NCName (a name
# start character, then name characters, no ':'). An IRI that ends in no name start character
# after its last other character (`…/2024`, `…#`) has none, and pyoxigraph then writes
# `<oxprefix: …>`, which is no XML.
_NAME_START = ("A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
               "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF"
               "\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_NAME_CHARS = re.compile(f"[{_NAME_START}\\-.0-9\u00B7\u0300-\u036F\u203F-\u2040]*")
_NAME_START_CHAR = re.compile(f"[{_NAME_START}]")
_IRI_SHOWN = 200  # characters of a predicate's IRI quoted in a message


@dataclass(frozen=True)
class QueryJob:
    """One query to run: the text, the dataset, the output format and the row cap.

    `default_graphs` / `named_graphs` are the SPARQL protocol's `default-graph-uri` and
    `named-graph-uri`; both None means "the union of all graphs as default graph" unless the
    query names its own dataset with FROM / FROM NAMED (`query_has_dataset`).
    `result_format` is the name of a pyoxigraph QueryResultsFormat (SELECT, ASK) or RdfFormat
    (CONSTRUCT, DESCRIBE) member, e.g. "JSON" or "TURTLE", or VALUES_JSON (SELECT only).
    """

    query: str
    result_format: str
    row_limit: int
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    query_has_dataset: bool = False


@dataclass(frozen=True)
class JobDone:
    """A job's serialised result, and the name of the snapshot it was read from (None: run on
    a store given to `run_job`, not by a worker)."""

    kind: ResultKind
    body: bytes
    rows: int
    truncated: bool
    snapshot: str | None = None


@dataclass(frozen=True)
class JobFailed:
    """A job the engine refused or could not run, and the error the parent raises for it (it
    travels pickled, with its translations): a QueryRefusedError for bad syntax or valid SPARQL
    the engine cannot run (an unknown function), a StoreError for the snapshot, a CheckerError
    for the engine's own failure."""

    error: CheckerError


class _NoSnapshot(OSError):
    """No snapshot has been made at `link` yet."""

    def __init__(self, link: Path) -> None:
        super().__init__(str(link))
        self.link = link


def serve(connection: Connection, snapshot_dir: str, memory: int | None = None,
          stderr: Connection | None = None) -> None:
    """Answer jobs from `connection` until the parent closes it (the worker process's main);
    with `memory`, take at most that many bytes beyond what the open snapshot holds; with
    `stderr`, the write end of a pipe, write there what would go to stderr (the engine's own
    words when it aborts too: checker/worker_output.py logs it)."""
    if stderr is not None:
        os.dup2(stderr.fileno(), 2)
        stderr.close()
    snapshots = _SnapshotStore(Path(snapshot_dir))
    try:
        snapshots.store()  # open now, while nobody waits; a missing snapshot is reported per job
    except OSError:
        pass
    if memory is not None:
        limit_growth(memory)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone or closed the pipe
        try:
            reply: JobDone | JobFailed = replace(run_job(snapshots.store(), job),
                                                 snapshot=snapshots.opened)
        except MemoryError:  # end as a worker out of memory in pyoxigraph's Rust code ends
            os.abort()
        except Exception as error:  # noqa: BLE001 — reported to the parent, never a traceback
            reply = JobFailed(_refusal(error, job.query))
        connection.send(reply)


def _refusal(error: Exception, query: str) -> CheckerError:
    """The error a job's failure is reported as (an undeclared prefix by its line and column:
    the guard's rdflib lets one pass in an ASK, CONSTRUCT or DESCRIBE)."""
    if isinstance(error, CheckerError):
        return error
    if isinstance(error, SyntaxError):
        return engine_refusal(query, error.msg or str(error))
    if isinstance(error, _NoSnapshot):  # the client is told no path: the operator is
        _LOG.warning("bcic query worker: there is no snapshot at %s yet", error.link)
        return StoreError.of("error.store.no_snapshot")
    if isinstance(error, OSError):
        _LOG.warning("bcic query worker: the snapshot cannot be read: %s", error)
        return StoreError.of("error.store.snapshot_unreadable")
    if isinstance(error, RuntimeError):  # pyoxigraph's error for what the query asks beyond it
        return QueryRefusedError.of("error.sparql.unsupported", detail=error)
    return CheckerError.of("error.sparql.engine_failed", detail=f"{type(error).__name__}: {error}")


def run_job(store: pyoxigraph.Store, job: QueryJob) -> JobDone:
    """Run one job on an open store and serialise its (capped) result."""
    result = store.query(job.query, **_dataset_options(job))
    if isinstance(result, pyoxigraph.QueryBoolean):
        body = result.serialize(format=getattr(pyoxigraph.QueryResultsFormat, job.result_format))
        return JobDone("boolean", _returned(body), 1, False)
    if isinstance(result, pyoxigraph.QuerySolutions):
        if job.result_format == VALUES_JSON:
            body, rows, truncated = _values_json(result, job.row_limit)
        elif job.result_format == VALUES_LINES:
            body, rows, truncated = _values_lines(result, job.row_limit)
        else:
            body, rows, truncated = _capped_solutions(result, job.row_limit, job.result_format)
        return JobDone("solutions", _xml_safe(body, job.result_format), rows, truncated)
    if job.result_format in _PLAIN_FORMATS:
        raise ValueError("plain values are written for SELECT queries only")
    triples, truncated = _capped(result, job.row_limit)
    if job.result_format == "RDF_XML":
        _refuse_unwritable_predicates(triples)
    body = pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, job.result_format),
                                prefixes=_prefixes(job.result_format, triples))
    return JobDone("graph", _xml_safe(_returned(body), job.result_format), len(triples),
                   truncated)


def _xml_safe(body: bytes, result_format: str) -> bytes:
    """The body, unless it is XML holding a character XML cannot carry: no client could read it.
    Only XML bodies are scanned, for single bytes mostly (a regular expression, in C)."""
    if result_format in _XML_FORMATS and (found := _XML_UNSAFE.search(body)):
        name, others = _XML_FORMATS[result_format]
        raise NotAcceptableError.of("error.sparql.xml_unsafe", format=name, others=others,
                                    character=f"U+{ord(found.group().decode('utf-8')):04X}")
    return body


def _refuse_unwritable_predicates(triples: list[pyoxigraph.Triple]) -> None:
    """Refuse triples of which RDF/XML cannot write a predicate (no local name at its end)."""
    for predicate in {triple.predicate.value for triple in triples}:
        if not _has_local_name(predicate):
            name, others = _XML_FORMATS["RDF_XML"]
            shown = predicate if len(predicate) <= _IRI_SHOWN else predicate[:_IRI_SHOWN] + "…"
            raise NotAcceptableError.of("error.sparql.xml_predicate", format=name, others=others,
                                        predicate=shown)


def _has_local_name(iri: str) -> bool:
    """Whether the IRI ends in an XML local name: a name start character among the name
    characters that end it (matched on the reversed text: linear, however long the IRI)."""
    ending = _NAME_CHARS.match(iri[::-1])
    return ending is not None and _NAME_START_CHAR.search(ending.group()) is not None


def _dataset_options(job: QueryJob) -> dict[str, Any]:
    """pyoxigraph's dataset keywords for the job (protocol parameters override FROM)."""
    if job.default_graphs is None and job.named_graphs is None:
        # pyoxigraph's union flag would override the query's own FROM: leave FROM alone.
        return {} if job.query_has_dataset else {"use_default_graph_as_union": True}
    # The protocol: the dataset is exactly what the parameters name; an absent one is empty.
    return {
        "default_graph": [pyoxigraph.NamedNode(iri) for iri in job.default_graphs or ()],
        "named_graphs": [pyoxigraph.NamedNode(iri) for iri in job.named_graphs or ()],
    }


def _capped(items: Iterable[Any], limit: int) -> tuple[list[Any], bool]:
    """At most `limit` items, and whether there were more (one extra item is read to know)."""
    taken = list(itertools.islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


class _Enough(Exception):
    """Raised inside pyoxigraph's serialiser to stop it: the row cap is reached."""


class _RowCap:
    """A binary sink for SPARQL TSV results that stops the writer one row past `limit`.

    TSV holds one solution per line (line breaks in values are escaped), after a header line, so
    counting line ends counts rows; pyoxigraph writes in buffered chunks and lets the exception
    raised here end its work, so a query that streams stops at the cap.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.chunks: list[bytes] = []
        self.line_ends = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.line_ends += data.count(b"\n")
        if self.line_ends > self.limit + 1:  # the header, `limit` rows and one more row
            raise _Enough
        return len(data)

    def flush(self) -> None:
        """Nothing is buffered here."""


def _capped_solutions(solutions: pyoxigraph.QuerySolutions, limit: int,
                      result_format: str) -> tuple[bytes, int, bool]:
    """SELECT results in the requested format, at most `limit` rows: the body, rows, truncated.

    pyoxigraph serialises only whole results, so they are written as TSV into a sink that stops
    past the cap, cut to `limit` rows, and for other formats read back and written by pyoxigraph
    again — all in Rust, where writing each term from Python cost more than most queries.
    """
    sink = _RowCap(limit)
    try:
        solutions.serialize(sink, format=pyoxigraph.QueryResultsFormat.TSV)
    except _Enough:
        pass
    lines = b"".join(sink.chunks).split(b"\n")
    complete = max(sink.line_ends - 1, 0)  # rows whose line end was written
    rows = min(complete, limit)
    tsv = b"\n".join(lines[:1 + rows]) + b"\n"
    if result_format == "TSV":
        return tsv, rows, complete > limit
    capped = pyoxigraph.parse_query_results(tsv, pyoxigraph.QueryResultsFormat.TSV)
    body = capped.serialize(format=getattr(pyoxigraph.QueryResultsFormat, result_format))
    return _returned(body), rows, complete > limit


def _values_json(solutions: pyoxigraph.QuerySolutions, limit: int) -> tuple[bytes, int, bool]:
    """SELECT results as VALUES_JSON, at most `limit` rows: the body, rows, truncated.

    Each row maps the variables bound in a solution to their plain value: an IRI, a literal's
    value as the JSON type of its datatype (checker/json_values.py: a number, a truth value, else
    its lexical form), a blank node's label ("value" in SPARQL JSON; a triple term, which has
    none, its N-Triples text). Rows are made as the solutions stream, none kept (holding them all
    first cost a tenth more at 5,000 rows), and written by orjson as UTF-8 (json.dumps took
    13 ms longer at 5,000 rows). This spares the API decoding SPARQL JSON, three times the
    size, and encoding it again: it splices these bytes into its document.
    """
    columns = [variable.value for variable in solutions.variables]
    rows = [_plain(columns, solution) for solution in itertools.islice(solutions, limit)]
    truncated = next(solutions, None) is not None
    return orjson.dumps({"columns": columns, "rows": rows}), len(rows), truncated


def _values_lines(solutions: pyoxigraph.QuerySolutions,
                  limit: int) -> tuple[bytes, int, bool]:
    """SELECT results as VALUES_LINES, at most `limit` rows: the body, rows, truncated. Each row
    is written as it streams, none kept as a dictionary."""
    columns = [variable.value for variable in solutions.variables]
    lines = [orjson.dumps(columns)]
    lines += [orjson.dumps(_plain(columns, solution))
              for solution in itertools.islice(solutions, limit)]
    truncated = next(solutions, None) is not None
    return b"\n".join(lines), len(lines) - 1, truncated


def _plain(columns: list[str], solution: pyoxigraph.QuerySolution) -> dict[str, JsonValue]:
    """A solution's bound variables and their plain values (see `_values_json`)."""
    return {name: _plain_value(term) for name, term in zip(columns, solution) if term is not None}


def _plain_value(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
                 | pyoxigraph.Triple) -> JsonValue:
    """One term's plain value (see `_values_json`)."""
    if type(term) is pyoxigraph.Literal:
        return json_value(term.value, term.datatype.value)
    return str(term) if type(term) is pyoxigraph.Triple else term.value


def _returned(body: bytes | None) -> bytes:
    """pyoxigraph's serialisers return the bytes when given no output file."""
    assert body is not None
    return body


def _prefixes(result_format: str, triples: list[pyoxigraph.Triple]) -> dict[str, str] | None:
    """The well-known prefixes the triples use, for readable Turtle and RDF/XML."""
    if result_format not in ("TURTLE", "RDF_XML"):
        return None
    stems: set[str] = set()  # each IRI up to its last '#' or '/': where a prefix would end
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            iri = term.datatype.value if isinstance(term, pyoxigraph.Literal) else (
                term.value if isinstance(term, pyoxigraph.NamedNode) else "")
            stems.add(iri[:max(iri.rfind("#"), iri.rfind("/")) + 1])
    return {name: namespace for name, namespace in PREFIXES.items() if namespace in stems}


class _SnapshotStore:
    """The newest snapshot, opened read-only with a lease on it (never pruned while open);
    reopened when `current` points somewhere new."""

    def __init__(self, snapshot_dir: Path) -> None:
        self._link = snapshot_dir / CURRENT_LINK
        self._opened: str | None = None  # the path of the snapshot open now
        self._store: pyoxigraph.Store | None = None
        self._lease: SnapshotLease | None = None

    def store(self) -> pyoxigraph.Store:
        """The store of the current snapshot (checked on every job: one readlink)."""
        try:
            target = os.path.realpath(self._link, strict=True)
        except OSError:
            raise _NoSnapshot(self._link) from None
        if target != self._opened or self._store is None:
            self._store = None  # let go of the old snapshot before opening the new one
            if self._lease is not None:
                self._lease.release()
            self._lease = take_lease(Path(target))
            if self._lease is None:  # pruned since the link was read: a newer one is current
                raise FileNotFoundError(target)
            self._store = pyoxigraph.Store.read_only(target)
            self._opened = target
        return self._store

    @property
    def opened(self) -> str | None:
        """The name of the snapshot directory open now (what a page token names)."""
        return os.path.basename(self._opened) if self._opened is not None else None
