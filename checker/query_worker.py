"""The code that runs inside a query worker process (see checker/query_runner.py).

A worker opens the current snapshot of the store read-only, receives one job at a time over a
pipe, runs it with pyoxigraph, caps the rows, serialises the result and sends the bytes back.
It imports nothing but pyoxigraph so that starting a fresh worker after a kill stays cheap, and
it holds no state worth saving: the parent kills it without ceremony when a query runs too long.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

import pyoxigraph

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"
PREFIXES = {
    "bcic": "https://w3id.org/bcic/ontology#", "req": "https://w3id.org/bcic/req/gbt-draft/",
    "ind": "https://w3id.org/bcic/indicator/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "sh": "http://www.w3.org/ns/shacl#", "earl": "http://www.w3.org/ns/earl#",
    "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#", "qb": "http://purl.org/linked-data/cube#",
}
CURRENT_LINK = "current"  # inside a snapshot directory: the symlink to the newest snapshot

ResultKind = Literal["solutions", "boolean", "graph"]


@dataclass(frozen=True)
class QueryJob:
    """One query to run: the text, the dataset, the output format and the row cap.

    `default_graphs` / `named_graphs` are the SPARQL protocol's `default-graph-uri` and
    `named-graph-uri`; both None means "the union of all graphs as default graph" unless the
    query names its own dataset with FROM / FROM NAMED (`query_has_dataset`).
    `result_format` is the name of a pyoxigraph QueryResultsFormat (SELECT, ASK) or RdfFormat
    (CONSTRUCT, DESCRIBE) member, e.g. "JSON" or "TURTLE".
    """

    query: str
    result_format: str
    row_limit: int
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    query_has_dataset: bool = False


@dataclass(frozen=True)
class JobDone:
    """A job's serialised result."""

    kind: ResultKind
    body: bytes
    rows: int
    truncated: bool


@dataclass(frozen=True)
class JobFailed:
    """A job the engine refused or could not run: `reason` is "syntax", "store" or "engine"."""

    reason: str
    message: str


def serve(connection: Connection, snapshot_dir: str) -> None:
    """Answer jobs from `connection` until the parent closes it (the worker process's main)."""
    snapshots = _SnapshotStore(Path(snapshot_dir))
    try:
        snapshots.store()  # open now, while nobody waits; a missing snapshot is reported per job
    except OSError:
        pass
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone or closed the pipe
        try:
            reply: JobDone | JobFailed = run_job(snapshots.store(), job)
        except SyntaxError as error:
            reply = JobFailed("syntax", f"the SPARQL query is not valid: {error.msg or error}")
        except OSError as error:
            reply = JobFailed("store", f"the store snapshot cannot be read: {error}")
        except Exception as error:  # noqa: BLE001 — reported to the parent, never a traceback
            reply = JobFailed("engine", f"the query engine failed: {type(error).__name__}: {error}")
        connection.send(reply)


def run_job(store: pyoxigraph.Store, job: QueryJob) -> JobDone:
    """Run one job on an open store and serialise its (capped) result."""
    result = store.query(job.query, **_dataset_options(job))
    if isinstance(result, pyoxigraph.QueryBoolean):
        body = result.serialize(format=getattr(pyoxigraph.QueryResultsFormat, job.result_format))
        return JobDone("boolean", _returned(body), 1, False)
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = [variable.value for variable in result.variables]
        rows, truncated = _capped(result, job.row_limit)
        body = _solutions_body(variables, rows, job.result_format)
        return JobDone("solutions", body, len(rows), truncated)
    triples, truncated = _capped(result, job.row_limit)
    body = pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, job.result_format),
                                prefixes=_prefixes(job.result_format, triples))
    return JobDone("graph", _returned(body), len(triples), truncated)


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


def _solutions_body(variables: list[str], rows: list[pyoxigraph.QuerySolution],
                    result_format: str) -> bytes:
    """SELECT rows in the requested results format.

    pyoxigraph serialises only a whole QuerySolutions, so capped rows are written as SPARQL JSON
    here and, for the other formats, read back by pyoxigraph and written by its own serialiser.
    """
    document = {"head": {"vars": variables}, "results": {"bindings": [
        {name: _json_term(term) for name, term in zip(variables, row) if term is not None}
        for row in rows]}}
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if result_format == "JSON":
        return body
    solutions = pyoxigraph.parse_query_results(body, pyoxigraph.QueryResultsFormat.JSON)
    return _returned(solutions.serialize(
        format=getattr(pyoxigraph.QueryResultsFormat, result_format)))


def _returned(body: bytes | None) -> bytes:
    """pyoxigraph's serialisers return the bytes when given no output file."""
    assert body is not None
    return body


def _json_term(term: Any) -> dict[str, Any]:
    """One RDF term as SPARQL 1.1 (and 1.2 triple-term) JSON results."""
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Literal):
        encoded: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            encoded["xml:lang"] = term.language
            if term.direction is not None:
                encoded["its:dir"] = str(term.direction)  # "ltr" or "rtl"
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING, RDF_DIR_LANG_STRING):
            encoded["datatype"] = term.datatype.value
        return encoded
    if isinstance(term, pyoxigraph.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"unexpected term in query results: {term!r}")


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
    """The newest snapshot, opened read-only; reopened when `current` points somewhere new."""

    def __init__(self, snapshot_dir: Path) -> None:
        self._link = snapshot_dir / CURRENT_LINK
        self._opened: str | None = None
        self._store: pyoxigraph.Store | None = None

    def store(self) -> pyoxigraph.Store:
        """The store of the current snapshot (checked on every job: one readlink)."""
        try:
            target = os.path.realpath(self._link, strict=True)
        except OSError:
            raise OSError(f"there is no snapshot at {self._link} yet") from None
        if target != self._opened or self._store is None:
            self._store = None  # let go of the old snapshot before opening the new one
            self._store = pyoxigraph.Store.read_only(target)
            self._opened = target
        return self._store
