"""The remote backend: a SPARQL 1.1 server through the Query and Update protocols (docs/store.md).

What the store assumes of the server, and how it copes with Virtuoso (checked on 7.2.5):
- **The default graph of a query without FROM is the union of all graphs.** Virtuoso and GraphDB
  do this out of the box (Virtuoso's union also holds its own system graphs, such as virtrdf#);
  Fuseki needs `tdb2:unionDefaultGraph true`. Queries that name their graphs need nothing.
- **The update endpoint's user may update.** Virtuoso's anonymous /sparql user "SPARQL" needs
  `grant SPARQL_UPDATE to "SPARQL"`; or write to /sparql-auth with credentials (HTTP digest).
- **One revision, one update request**: an ASK that the number is free, then a single
  `INSERT DATA { GRAPH <submission> {…} GRAPH <report> {…} GRAPH <provenance> {…}
  GRAPH <summary> {…} }`, which
  the server applies whole or not at all. Two processes writing the same revision at once could
  both pass the ASK: run one writer, as with the embedded store. Each graph is cut into GRAPH
  blocks of TRIPLES_PER_BLOCK triples, which SPARQL allows and Virtuoso needs (its parser runs
  out of stack near 5,000 triples in one block). The text is compact (sparql_terms.TermWriter).
- On Virtuoso (told by its Server header, or by the engine setting when a proxy in front of it
  strips or rewrites that header: checker/store/engine.py) an update opens with its pragma
  `define sql:big-data-const 1`, without which INSERT DATA fails past ~4,000 triples; it then
  reports any failure inside the insert as "SP031 … not translated to an accurate SQL text". Its
  HTTP server takes at most 10 MB in a request, so a longer update is refused before it is sent,
  and [Parameters] TransactionAfterImageLimit (50 MB by default: ~250,000 triples) rolls back a
  bigger transaction. Leave [SPARQL] MaxQueryCostEstimationTime unset (OpenLink calls it a
  debugging aid): on a database of 450,000 triples Virtuoso 7.2 refused the star-shaped query of
  `revisions` with it ("the estimated execution time 0 (sec) exceeds the limit of 400 (sec)").
- **Blank nodes are stored as Skolem IRIs** (sparql_terms) and read back as blank nodes.
- **Servers cap results** (Virtuoso: [SPARQL] ResultSetMaxRows, 10,000 in its sample ini): a
  SELECT that reaches Virtuoso's announced cap is an error, never a silently short answer, and
  `named_graph` counts the graph first and reads it in pages when one answer falls short.
- Virtuoso keeps values, not lexical forms: `6.0` and `50000000.00` (xsd:decimal) read back as
  `6` and `50000000`, a dateTime in UTC with `Z`, a language tag in lower case, and a SELECT
  sends xsd:boolean true as `1`. An integer beyond 64 bits cannot be stored at all.
- `query_engine` says "virtuoso" by the same header or setting, and the named queries then run
  their Virtuoso texts where they have one (checker/queries/README.md, "On a remote store").
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime, timezone
from typing import Any

from rdflib import Graph, URIRef
from rdflib.term import Node

from ..errors import InputError, RevisionExistsError, StoreError
from .base import (ONTOLOGY_GRAPH, PROVENANCE_GRAPH, SHAPES_GRAPH, RevisionInfo,
                   RevisionRecord, Triple)
from .deletion import (highest_number_query, read_highest_number, removal_operations,
                       revision_stored_query, tombstone_graph)
from .engine import AUTO, VIRTUOSO, engine_setting
from .guard import QueryForm, guard_query
from .location import checked_endpoint
from .provenance import check_describes, read_revisions, revisions_query
from .summary import REBUILD_SUMMARY, summary_blocks
from .sparql_http import Response, SparqlClient, SparqlEndpointError, shown_endpoint
from .sparql_terms import TermWriter, graph_from_rdf, iri_text, rows_from_json

TRIPLES_PER_BLOCK = 1_000
VIRTUOSO_MAX_UPDATE_BYTES = 9_990_000  # its HTTP server refuses bodies over 10,000,000 bytes
_VIRTUOSO_PRAGMA = "define sql:big-data-const 1\n"
_RESULTS_JSON = "application/sparql-results+json"
_GRAPH_MEDIA = "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"


class SparqlStore:
    """A Store on a remote SPARQL 1.1 server; reads without `update_endpoint`, never writes."""

    persistent = True
    remote = True

    def __init__(self, query_endpoint: str, update_endpoint: str | None = None,
                 graph_store_endpoint: str | None = None, username: str | None = None,
                 password: str | None = None, timeout: float = 60, engine: str = AUTO) -> None:
        self._engine = engine_setting(engine)  # refused before anything else is checked
        self.query_endpoint = checked_endpoint(query_endpoint)
        self._shown = shown_endpoint(query_endpoint)
        self.graph_store_endpoint = graph_store_endpoint
        self._client = SparqlClient(query_endpoint, update_endpoint, graph_store_endpoint,
                                    username, password, timeout)
        self._closed = False

    @property
    def query_engine(self) -> str:
        """"virtuoso" when the server is Virtuoso (its Server header, unless the engine setting
        says), else "sparql"."""
        return "virtuoso" if self._virtuoso() else "sparql"

    def load_rules(self, ontology: Graph, shapes: Graph) -> None:
        """Replace both rule graphs in one update request (drop, then insert)."""
        self._writable()
        drops = "".join(f"DROP SILENT GRAPH {iri_text(g)} ;\n" for g in (ONTOLOGY_GRAPH,
                                                                          SHAPES_GRAPH))
        self._update(drops + _insert_data(((ONTOLOGY_GRAPH, ontology), (SHAPES_GRAPH, shapes))))

    def add_revision(self, revision: RevisionRecord) -> None:
        """Write the revision's graphs and summary in one update; refuse a number already taken."""
        self._writable()
        check_describes(revision)
        text = _insert_data((
            (revision.submission_graph, revision.submission),
            (revision.report_graph, revision.report),
            (PROVENANCE_GRAPH, revision.provenance),
            *summary_blocks(revision)))
        if self._taken(revision):
            raise RevisionExistsError.of("error.revision.exists", number=revision.number,
                                         cluster=revision.cluster)
        self._update(text)

    def delete_revision(self, cluster: URIRef, number: int, *,
                        deleted_by: str | None = None) -> bool:
        """Drop the revision's graphs and provenance and write its tombstone in one update."""
        self._writable()
        if not self._ask(revision_stored_query(cluster, number)):
            return False
        tombstone = tombstone_graph(cluster, number, datetime.now(timezone.utc), deleted_by)
        writer = TermWriter([tombstone])
        blocks = "\n".join(writer.blocks(tombstone, TRIPLES_PER_BLOCK))
        self._update(writer.prologue() + removal_operations(cluster, number)
                     + f"INSERT DATA {{ GRAPH {iri_text(PROVENANCE_GRAPH)} {{\n{blocks}\n}} }}")
        return True

    def rebuild_summary(self) -> None:
        """Recompute the summary graph with one update request (drop, then insert)."""
        self._writable()
        self._update(REBUILD_SUMMARY)

    def revisions(self, cluster: URIRef | None = None) -> list[RevisionInfo]:
        """Stored revisions, of one cluster or all, ordered by cluster then number (one SELECT)."""
        return read_revisions(self._select(revisions_query(cluster)))

    def highest_revision_number(self, cluster: URIRef) -> int | None:
        """The cluster's highest revision number, stored or deleted (None: it never had one)."""
        # The store's own query: unguarded, as the guard's cache would miss on every cluster.
        return read_highest_number(self._select(highest_number_query(cluster)))

    def named_graph(self, iri: URIRef) -> Graph:
        """A copy of one named graph (empty when absent), read in pages if the server caps it."""
        name = iri_text(iri)
        expected = self._count(name)
        graph = Graph()
        if expected == 0:
            return graph
        pattern = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}"
        if self.graph_store_endpoint:
            self._read_graph_store(iri, graph)
        else:
            self._read_graph(pattern, graph)
        if len(graph) < expected and len(graph) > 0:
            # The server cut the answer at its cap: read pages of that size. Graphs are never
            # changed after they are written, so the server's scan order stays the same.
            page, graph = len(graph), Graph()
            for offset in range(0, expected, page):
                self._read_graph(f"{pattern} LIMIT {page} OFFSET {offset}", graph)
        if len(graph) != expected:
            raise StoreError.of("error.remote.short_graph", read=len(graph), expected=expected,
                                iri=iri, endpoint=self._shown)
        return graph

    def select(self, query: str) -> list[dict[str, Node]]:
        """Run a guarded (unless an OwnQuery) SELECT; the server's default graph is taken as the
        union of all graphs."""
        guard_query(query, QueryForm.SELECT)
        return self._select(query)

    def ask(self, query: str) -> bool:
        """Run a guarded (unless an OwnQuery) ASK over the server's default graph (the union of
        all graphs)."""
        guard_query(query, QueryForm.ASK)
        return self._ask(query)

    def construct(self, query: str) -> Graph:
        """Run a guarded (unless an OwnQuery) CONSTRUCT or DESCRIBE over the server's default graph.

        A server cap on result size (Virtuoso's ResultSetMaxRows) cuts a CONSTRUCT without a
        sign: give the query a LIMIT below it, or use named_graph for whole graphs.
        """
        guard_query(query, QueryForm.CONSTRUCT)
        return self._read_graph(query, Graph())

    def close(self) -> None:
        """Forget the server; any later call raises StoreError."""
        self._closed = True

    def _select(self, query: str) -> list[dict[str, Node]]:
        """SELECT without the guard, for the store's own queries; refuses a capped answer."""
        answer = self._query(query, _RESULTS_JSON)
        rows = rows_from_json(self._json(answer.body))
        cap = answer.headers.get("X-SPARQL-MaxRows")  # Virtuoso: "I stopped at this many"
        if cap and cap.strip().isdigit() and len(rows) >= int(cap):
            raise StoreError.of("error.remote.row_cap", endpoint=self._shown, cap=cap)
        return rows

    def _ask(self, query: str) -> bool:
        found = self._json(self._query(query, _RESULTS_JSON).body).get("boolean")
        if not isinstance(found, bool):
            raise StoreError.of("error.remote.ask_without_boolean", endpoint=self._shown)
        return found

    def _count(self, name: str) -> int:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
        try:
            return int(str(rows[0]["n"]))
        except (IndexError, KeyError, ValueError):
            raise StoreError.of("error.remote.uncounted_graph", endpoint=self._shown,
                                graph=name) from None

    def _read_graph(self, query: str, into: Graph) -> Graph:
        answer = self._query(query, _GRAPH_MEDIA)
        return graph_from_rdf(answer.body, answer.media_type, into)

    def _read_graph_store(self, iri: URIRef, into: Graph) -> None:
        """GET one graph through the Graph Store Protocol (absent: nothing added)."""
        assert self.graph_store_endpoint is not None
        try:
            answer = self._client.get(self.graph_store_endpoint, {"graph": str(iri)}, _GRAPH_MEDIA)
        except SparqlEndpointError as error:
            if error.status == 404:
                return
            raise
        graph_from_rdf(answer.body, answer.media_type, into)

    def _taken(self, revision: RevisionRecord) -> bool:
        """Whether anything of this revision is stored: its graphs or its provenance block."""
        subject, report = iri_text(revision.submission_graph), iri_text(revision.report_graph)
        return self._ask(f"ASK {{ {{ GRAPH {iri_text(PROVENANCE_GRAPH)} {{ {subject} ?p ?o }} }} "
                         f"UNION {{ GRAPH {subject} {{ ?s ?p ?o }} }} "
                         f"UNION {{ GRAPH {report} {{ ?s ?p ?o }} }} }}")

    def _update(self, text: str) -> None:
        if self._virtuoso():
            text = _VIRTUOSO_PRAGMA + text
            size = len(text.encode("utf-8"))
            if size > VIRTUOSO_MAX_UPDATE_BYTES:
                raise StoreError.of("error.remote.update_too_large", size=size,
                                    limit=VIRTUOSO_MAX_UPDATE_BYTES, endpoint=self._shown)
        self._open()
        self._client.update(text)

    def _virtuoso(self) -> bool:
        """Whether the server is Virtuoso: as the engine setting says, unless `auto`, else from
        its Server header (asked once if not yet seen)."""
        if self._engine != AUTO:
            return self._engine == VIRTUOSO
        if self._client.server is None:
            self._query("ASK {}", _RESULTS_JSON)
        return (self._client.server or "").startswith("Virtuoso")

    def _query(self, text: str, accept: str) -> Response:
        self._open()
        return self._client.query(text, accept)

    def _json(self, body: bytes) -> dict[str, Any]:
        try:
            document = json.loads(body)
        except ValueError as error:
            raise StoreError.of("error.remote.unreadable_json", endpoint=self._shown,
                                detail=error) from None
        if not isinstance(document, dict):
            raise StoreError.of("error.remote.no_json_object", endpoint=self._shown)
        return document

    def _writable(self) -> None:
        if not self._client.update_endpoint:
            raise StoreError.of("error.remote.read_only_store", endpoint=self._shown)

    def _open(self) -> None:
        if self._closed:
            raise StoreError.of("error.store.closed")


def open_sparql_store(**options: Any) -> SparqlStore:
    """Open a SparqlStore from keyword options (the registry's `open_store("sparql", …)`)."""
    try:
        return SparqlStore(**options)
    except TypeError as error:
        raise InputError.of("error.store.bad_options", name="SPARQL", detail=error) from None


def _insert_data(graphs: tuple[tuple[URIRef, Collection[Triple]], ...]) -> str:
    """One INSERT DATA with every graph, cut into GRAPH blocks of TRIPLES_PER_BLOCK triples."""
    writer = TermWriter(graph for _, graph in graphs)
    blocks = [f"GRAPH {iri_text(name)} {{\n{block}\n}}" for name, graph in graphs
              for block in writer.blocks(graph, TRIPLES_PER_BLOCK)]
    return writer.prologue() + "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


