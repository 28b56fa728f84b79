"""The remote backend: a SPARQL 1.1 server through the Query and Update protocols (docs/store.md).

What the store assumes of the server, and how it copes with Virtuoso (checked on 7.2.5):
- **The default graph of a query without FROM is the union of all graphs.** Virtuoso and GraphDB
  do this out of the box (Virtuoso's union also holds its own system graphs, such as virtrdf#);
  the Oxigraph server needs `--union-default-graph`, Fuseki `tdb2:unionDefaultGraph true`. A
  query that names its dataset (FROM, FROM NAMED) is sent it as the protocol's
  `default-graph-uri` and `named-graph-uri` too: the Oxigraph server's union overrides the
  query's FROM, never those parameters (docs/store.md, "The server's default graph"). A server
  set up otherwise is refused before the store's first query (checker/store/default_graph.py).
- **The update endpoint's user may update.** Virtuoso's anonymous /sparql user "SPARQL" needs
  `grant SPARQL_UPDATE to "SPARQL"`; or write to /sparql-auth with credentials (HTTP digest). A
  refused update keeps the server's words, with a hint for a read-only server or an update sent
  where none is taken (BCIC_STORE_UPDATE; checker/store/sparql_http.py).
- **One revision, one update request**, in the cluster's turn (checker/store/turns.py): a
  server applies an update whole but need not isolate it from one running at once, so writers of
  a cluster take turns; the turn's writer numbers the revision, then sends one
  `INSERT DATA { GRAPH <submission> {…} GRAPH <report> {…} GRAPH <provenance> {…}
  GRAPH <summary> {…} }` that also gives the turn back, and reads back that the revision's
  provenance names this write alone (`prov:wasGeneratedBy`). Not one conditional INSERT … WHERE:
  Virtuoso 7.2 refuses a revision's ~5,000 quads as a template ("generated SQL text has exceeded
  10000 lines"), and in blocks of 1,000 it took 10.5 s where INSERT DATA takes 0.5 s. Each graph
  is cut into GRAPH blocks of TRIPLES_PER_BLOCK triples, which SPARQL allows and Virtuoso needs
  (its parser runs out of stack near 5,000 triples in one block). The text is compact
  (sparql_terms.TermWriter).
- **An update's answer says nothing**: the SPARQL 1.1 Protocol (2.2.4) makes a 2xx (or 3xx)
  status a success whatever the body, which is implementation defined (Virtuoso sends HTML), so a
  proxy's page or a catch-all server answering 200 looks the same. Every write is read back: the
  revision's token, a deleted revision's absence, the rule graphs' triple counts, the summary's
  version marker. So is a write whose answer was lost (the connection broke after it was sent):
  it may have been applied, and the read back says whether; failing that, the error says it is
  not known, and how to find out before sending it again (docs/store.md, "When the store fails").
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
- **Virtuoso 7.2 takes every graph it holds as the named graphs of a query with FROM and no FROM
  NAMED** (with the protocol's `default-graph-uri` too), where SPARQL 1.1 (section 13.2) gives it
  none: `FROM <g> WHERE { GRAPH ?g {…} }` matched every graph. Such a query is sent to Virtuoso
  with one `named-graph-uri` more, NO_GRAPH, a graph no store writes: its named graphs then hold
  nothing, as the spec's (docs/store.md, "The server's default graph").
- `query_engine` says "virtuoso" by the same header or setting, and the named queries then run
  their Virtuoso texts where they have one (checker/queries/README.md, "On a remote store").
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, TypeVar

from rdflib import Graph, URIRef
from rdflib.term import Node

from ..display_time import moment_in_zone
from ..errors import CheckerError, InputError, NoAnswerError, RevisionExistsError, StoreError
from ..i18n import Phrase, phrase
from .base import (NO_GRAPH, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, RULES_ARCHIVE_GRAPH,
                   SHAPES_GRAPH, MakeRecord, RevisionInfo, RevisionRecord, Triple)
from .credentials import without_userinfo
from .default_graph import UNION_PROBE, unseen_graph
from .deletion import (highest_number_query, read_highest_number, removal_operations,
                       revision_stored_query, tombstone_graph)
from .engine import AUTO, VIRTUOSO, engine_setting
from .guard import QueryDataset, QueryForm, guarded_dataset
from .judgements import (JudgementRecord, current_judgements, current_query, judged_summary_update,
                         judgement_graph, stored_query)
from .location import checked_endpoint
from .numbering import next_record, token_triples, write_token, written_by_query
from .rules_archive import archive_for, archive_removal
from .provenance import check_describes, read_revisions, revisions_query
from .summary import STORED_REVISIONS, rebuild_updates, summary_blocks, summary_current
from .sparql_http import (Response, SparqlClient, SparqlDeadlockError, SparqlEndpointError,
                          shown_endpoint)
from .sparql_terms import TermWriter, graph_from_rdf, iri_text, rows_from_json
from .turns import (TURN_EXPIRES, Turn, claim_update, claims_query, expiry, give_back,
                    read_claims)

TRIPLES_PER_BLOCK = 1_000
VIRTUOSO_MAX_UPDATE_BYTES = 9_990_000  # its HTTP server refuses bodies over 10,000,000 bytes
_VIRTUOSO_PRAGMA = "define sql:big-data-const 1\n"
_RESULTS_JSON = "application/sparql-results+json"
DEFAULT_TURN_WAIT = 30.0  # seconds a writer waits for a cluster's turn (BCIC_STORE_LOCK_WAIT)
_CLAIM_PAUSE = (0.05, 0.4)  # seconds between claims of a turn: random, so that ties break
_DEADLOCK_RETRIES = 3  # a request Virtuoso rolled back as deadlocked is sent again
_UNSEEN_CLAIMS = 3  # claims in a row absent when read back: the server ignores updates
_GRAPH_MEDIA = "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"
# Seconds between reads back of a write whose answer was lost, or gives back of a failed
# writer's turn, while the server cannot be reached (one restarting after a crash).
_UNREACHABLE_PAUSES = (0.5, 1.0, 2.0)
_T = TypeVar("_T")


class SparqlStore:
    """A Store on a remote SPARQL 1.1 server; reads without `update_endpoint`, never writes."""

    persistent = True
    remote = True

    def __init__(self, query_endpoint: str, update_endpoint: str | None = None,
                 graph_store_endpoint: str | None = None, username: str | None = None,
                 password: str | None = None, timeout: float = 60, engine: str = AUTO,
                 lock_wait: float = DEFAULT_TURN_WAIT) -> None:
        self._engine = engine_setting(engine)  # refused before anything else is checked
        # A user:password@ in an endpoint's URL is the client's credentials (urllib would take
        # it for the host name); it overrules those given.
        self.query_endpoint, in_url = without_userinfo(checked_endpoint(query_endpoint))
        if update_endpoint is not None:
            update_endpoint, in_update_url = without_userinfo(update_endpoint)
            in_url = in_url or in_update_url
        if in_url is not None:
            username, password = in_url.user, in_url.password
        self._shown = shown_endpoint(self.query_endpoint)
        self.graph_store_endpoint = graph_store_endpoint
        self._client = SparqlClient(self.query_endpoint, update_endpoint, graph_store_endpoint,
                                    username, password, timeout)
        self._lock_wait = lock_wait  # for a cluster's turn to write (checker/store/turns.py)
        self._closed = False
        self._union_seen = False  # the default graph was seen to hold the named graphs

    @property
    def query_engine(self) -> str:
        """"virtuoso" when the server is Virtuoso (its Server header, unless the engine setting
        says), else "sparql"."""
        return "virtuoso" if self._virtuoso() else "sparql"

    def load_rules(self, ontology: Graph, shapes: Graph) -> None:
        """Replace both rule graphs in one update request (drop, then insert), archiving in it
        the rulebook they held when it is another (checker/store/rules_archive.py), and read
        their size and the archive back, in the rule graphs' turn: two loads at once could keep
        both copies of the shapes' blank nodes, and one load's drop would empty the graphs
        another reads back."""
        self._writable()
        sent = len(ontology) + len(shapes)
        with self._turn(ONTOLOGY_GRAPH) as turn:
            archive = archive_for(self, ontology)
            drops = "".join(f"DROP SILENT GRAPH {iri_text(g)} ;\n" for g in (ONTOLOGY_GRAPH,
                                                                              SHAPES_GRAPH))
            prologue, insert = _insert_data(((ONTOLOGY_GRAPH, ontology), (SHAPES_GRAPH, shapes),
                                             (RULES_ARCHIVE_GRAPH, archive)))
            answer = self._update_or_lost(turn, prologue + archive_removal(archive) + drops
                                          + insert)

            def rules_held() -> tuple[int, bool]:
                """The rule graphs' size, and whether the archive holds what they replaced."""
                return ((self._count(iri_text(ONTOLOGY_GRAPH))
                         + self._count(iri_text(SHAPES_GRAPH)) if sent else 0),
                        not archive or self._ask(
                            f"ASK {{ GRAPH {iri_text(RULES_ARCHIVE_GRAPH)} "
                            f"{{ {iri_text(archive[0][0])} {iri_text(archive[0][1])} ?text }} }}"))

            stored, archived = self._read_back(answer, rules_held,
                                              "error.remote.lost_rules_unknown")
        # Never more than was sent, the graphs being dropped first; fewer can be right, as
        # Virtuoso keeps values and merges literals it takes for equal ("1.0", "1.00").
        if sent and not 0 < stored <= sent or not archived:
            raise self._not_applied(answer, phrase("error.remote.what_rules", sent=sent,
                                                   stored=stored))

    def add_revision(self, revision: RevisionRecord) -> None:
        """Write the revision's graphs and summary in one update, in the cluster's turn; refuse
        a number already taken."""
        self._writable()
        check_describes(revision)
        with self._turn(revision.cluster) as turn:
            if self._taken(revision):
                raise RevisionExistsError.of("error.revision.exists", number=revision.number,
                                             cluster=revision.cluster)
            self._write_revision(revision, turn)

    def add_next_revision(self, cluster: URIRef, make: MakeRecord) -> RevisionRecord:
        """Number, make and write the cluster's next revision in the cluster's turn: writers
        running at once, here or on other machines, each get a number of their own."""
        self._writable()
        with self._turn(cluster) as turn:
            record = next_record(self, cluster, make, self._taken)
            self._write_revision(record, turn)
        return record

    def delete_revision(self, cluster: URIRef, number: int, *,
                        deleted_by: str | None = None, reason: str | None = None) -> bool:
        """Drop the revision's graphs and provenance and write its tombstone in one update."""
        self._writable()
        with self._turn(cluster) as turn:
            if not self._ask(revision_stored_query(cluster, number)):
                return False
            tombstone = tombstone_graph(cluster, number, datetime.now(timezone.utc),
                                        deleted_by, reason)
            terms = TermWriter([tombstone])
            blocks = "\n".join(terms.blocks(tombstone, TRIPLES_PER_BLOCK))
            answer = self._ending_turn(turn, terms.prologue(), removal_operations(cluster, number)
                                       + f"INSERT DATA {{ GRAPH {iri_text(PROVENANCE_GRAPH)} "
                                       f"{{\n{blocks}\n}} }}")
            if self._read_back(answer, lambda: self._ask(revision_stored_query(cluster, number)),
                               "error.remote.lost_deletion_unknown", number=number,
                               cluster=cluster):
                raise self._not_applied(answer, phrase("error.remote.what_deletion",
                                                       number=number, cluster=cluster))
            turn.given_back = True  # by the update that deleted it, though its answer was lost
        return True

    def add_judgement(self, judgement: JudgementRecord) -> bool:
        """Write the judgement, superseding the provision's current one, and the revision's
        judged summary facts in one update, in the cluster's turn; then read it back."""
        self._writable()
        with self._turn(judgement.cluster) as turn:
            if not self._ask(revision_stored_query(judgement.cluster, judgement.number)):
                return False
            replaces = current_judgements(self._select(current_query(judgement)))
            prologue, insert = _insert_data(((judgement.graph,
                                              judgement_graph(judgement, replaces)),))
            answer = self._ending_turn(turn, prologue,
                                       insert + " ;\n" + judged_summary_update(judgement))
            what = phrase("store.written.judgement", number=judgement.number,
                          cluster=judgement.cluster)
            if not self._read_back(answer, lambda: self._ask(stored_query(judgement)),
                                   "error.remote.lost_judgement_unknown",
                                   number=judgement.number, cluster=judgement.cluster):
                raise self._not_applied(answer, what)
            turn.given_back = True  # by the update that wrote it, though its answer was lost
        return True

    def rebuild_summary(self) -> None:
        """Recompute the summary graph, a batch of revisions per update request (summary.py);
        the version marker, written last, is read back."""
        self._writable()
        revisions = [row["revision"] for row in self._select(STORED_REVISIONS)]
        for update in rebuild_updates(revisions):
            answer = self._update(update)
        if not summary_current(self):
            raise self._not_applied(answer, phrase("error.remote.what_summary"))

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
        union of all graphs, unless the query names its dataset (sent as the protocol's)."""
        return self._select(query, guarded_dataset(query, QueryForm.SELECT))

    def select_rows(self, query: str) -> Iterator[dict[str, Node]]:
        """`select`'s rows one by one: the server's answer is read whole, then given row by
        row (a remote store's answers are not streamed)."""
        return iter(self.select(query))

    def ask(self, query: str) -> bool:
        """Run a guarded (unless an OwnQuery) ASK over the server's default graph (the union of
        all graphs)."""
        return self._ask(query, guarded_dataset(query, QueryForm.ASK))

    def construct(self, query: str) -> Graph:
        """Run a guarded (unless an OwnQuery) CONSTRUCT or DESCRIBE over the server's default graph.

        A server cap on result size (Virtuoso's ResultSetMaxRows) cuts a CONSTRUCT without a
        sign: give the query a LIMIT below it, or use named_graph for whole graphs.
        """
        return self._read_graph(query, Graph(), guarded_dataset(query, QueryForm.CONSTRUCT))

    def check_readable(self) -> None:
        """Ask the server afresh whether its default graph is the union of its graphs (the union
        probe, one small query, which also shows that it answers): a server restarted set up
        otherwise since the union was last seen is refused from now on (NoAnswerError)."""
        self._open()
        self._union_seen = False
        self._check_default_graph()

    def close(self) -> None:
        """Forget the server; any later call raises StoreError."""
        self._closed = True

    def _select(self, query: str, dataset: QueryDataset | None = None) -> list[dict[str, Node]]:
        """SELECT without the guard (over `dataset` when the query names one); refuses a capped
        answer."""
        answer = self._query(query, _RESULTS_JSON, dataset)
        rows = rows_from_json(self._json(answer))
        cap = answer.headers.get("X-SPARQL-MaxRows")  # Virtuoso: "I stopped at this many"
        if cap and cap.strip().isdigit() and len(rows) >= int(cap):
            raise StoreError.of("error.remote.row_cap", endpoint=self._shown, cap=cap)
        return rows

    def _ask(self, query: str, dataset: QueryDataset | None = None) -> bool:
        found = self._json(self._query(query, _RESULTS_JSON, dataset)).get("boolean")
        if not isinstance(found, bool):
            raise NoAnswerError.of("error.remote.ask_without_boolean", endpoint=self._shown)
        return found

    def _count(self, name: str) -> int:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
        try:
            return int(str(rows[0]["n"]))
        except (IndexError, KeyError, ValueError):
            raise StoreError.of("error.remote.uncounted_graph", endpoint=self._shown,
                                graph=name) from None

    def _read_graph(self, query: str, into: Graph, dataset: QueryDataset | None = None) -> Graph:
        answer = self._query(query, _GRAPH_MEDIA, dataset)
        return graph_from_rdf(answer.body, answer.media_type, into, self._shown)

    def _read_graph_store(self, iri: URIRef, into: Graph) -> None:
        """GET one graph through the Graph Store Protocol (absent: nothing added)."""
        endpoint = self.graph_store_endpoint
        assert endpoint is not None
        try:
            answer = self._sent(lambda: self._client.get(endpoint, {"graph": str(iri)},
                                                         _GRAPH_MEDIA))
        except SparqlEndpointError as error:
            if error.status == 404:
                return
            raise
        graph_from_rdf(answer.body, answer.media_type, into,
                       shown_endpoint(self.graph_store_endpoint))

    def _taken(self, revision: RevisionRecord) -> bool:
        """Whether anything of this revision is stored: its graphs or its provenance block."""
        subject, report = iri_text(revision.submission_graph), iri_text(revision.report_graph)
        return self._ask(f"ASK {{ {{ GRAPH {iri_text(PROVENANCE_GRAPH)} {{ {subject} ?p ?o }} }} "
                         f"UNION {{ GRAPH {subject} {{ ?s ?p ?o }} }} "
                         f"UNION {{ GRAPH {report} {{ ?s ?p ?o }} }} }}")

    @contextmanager
    def _turn(self, written: URIRef) -> Iterator[Turn]:
        """Hold the turn to write a cluster's revisions, or the rule graphs (the ontology
        graph's IRI; checker/store/turns.py), waiting for it up to the store's lock wait. The
        write gives it back in its own update (`_ending_turn`); leaving without one (nothing to
        write, a failure, even while waiting) gives it back here, again for a few seconds while
        the server cannot be reached. A server failing before the write was sent (the claims,
        the numbering) says that nothing was written; a failure whose claim could not be given
        back says so, and until when the claim may keep other writers waiting."""
        turn = Turn(write_token())
        failure: CheckerError | None = None
        try:
            self._wait_for_turn(written, turn)
            yield turn
        except SparqlEndpointError as error:
            if turn.write_sent:  # the server may hold it: `_read_back` said what it holds
                failure = error
                raise
            # the same kind of error, its status kept, that says nothing was written
            failure = type(error)(phrase("error.remote.nothing_written", error=error),
                                  error.endpoint, error.status, answer_lost=error.answer_lost)
            raise failure from error
        except CheckerError as error:
            failure = error
            raise
        finally:
            if turn.held and not self._give_back(turn) and failure is not None:
                assert turn.claimed_at is not None
                raise NoAnswerError.of("error.remote.claim_left", error=failure,
                                       written=_written(written),
                                       until=moment_in_zone(expiry(turn.claimed_at))
                                       ) from failure

    def _give_back(self, turn: Turn) -> bool:
        """Remove the turn's claim, again for a few seconds while the server cannot be reached;
        whether that was done."""
        try:
            _again_while_unreachable(lambda: self._update(give_back(turn.writer)))
        except StoreError:
            return False
        turn.given_back = True
        return True

    def _wait_for_turn(self, written: URIRef, turn: Turn) -> None:
        """Claim the turn until it is the writer's alone, pausing a random moment between
        claims; NoAnswerError (exit 4) once the store's lock wait is over, or when the claims
        are never there to be read back (an endpoint that applies no update)."""
        deadline = time.monotonic() + self._lock_wait
        unseen = 0  # claims in a row that were not there when read back
        while True:
            claims, answer = self._claim(written, turn)
            if claims.keys() == {turn.writer}:
                return
            unseen = unseen + 1 if not claims else 0
            if unseen == _UNSEEN_CLAIMS:
                raise self._not_applied(answer, phrase("error.remote.what_turn",
                                                       written=_written(written)))
            if time.monotonic() >= deadline:
                raise NoAnswerError.of("error.remote.turn_busy", written=_written(written),
                                       endpoint=self._shown, seconds=f"{self._lock_wait:g}",
                                       expiry=_expiry(claims, turn.writer))
            time.sleep(random.uniform(*_CLAIM_PAUSE))

    def _ending_turn(self, turn: Turn, prologue: str,
                     update: str) -> Response | SparqlEndpointError:
        """Send `update` (its PREFIXes in `prologue`) and give the turn back in the same
        request, which the server applies whole: the write and the turn's end go together. The
        answer, or the error of one lost (`_update_or_lost`): then the caller reads back whether
        it was applied, and the turn given back with it."""
        answer = self._update_or_lost(turn, prologue + give_back(turn.writer) + " ;\n" + update)
        if isinstance(answer, Response):
            turn.given_back = True
        return answer

    def _update_or_lost(self, turn: Turn, update: str) -> Response | SparqlEndpointError:
        """Send the turn's write: the server's answer; or, when the connection broke (or the
        time ran out) after it was sent, the error, since the server may have applied it all the
        same: the caller reads back what was stored (`_read_back`). Any other failure is
        raised."""
        turn.write_sent = True
        try:
            return self._update(update)
        except SparqlEndpointError as error:
            if not error.answer_lost:
                raise
            return error

    def _read_back(self, answer: Response | SparqlEndpointError, read: Callable[[], _T],
                   unknown: str, /, **values: object) -> _T:
        """`read()`, what the store holds after an update the server `answer`ed. After an
        answer lost, read again for a few seconds while the server cannot be reached; failing
        that, NoAnswerError `unknown` (with `values`): whether the update was applied is not
        known, and the message says how to find out before sending it again."""
        if isinstance(answer, Response):
            return read()
        try:
            return _again_while_unreachable(read)
        except StoreError as error:
            raise NoAnswerError.of(unknown, lost=answer, detail=error, **values) from None

    def _claim(self, written: URIRef,
               turn: Turn) -> tuple[dict[URIRef, datetime | None], Response]:
        """Claim the turn to write `written` for the turn's writer, and read back every claim
        with the time it was made (with the server's answer to the claim): the turn is its own
        when its claim is the only one. When several claimed at once, each withdraws its own,
        and all try again. The turn keeps when its claim was made, if it may be stored."""
        now = datetime.now(timezone.utc)
        try:
            answer = self._update(claim_update(written, turn.writer, now))
        except SparqlEndpointError as error:
            if error.answer_lost:
                turn.claimed_at = now
            raise
        turn.claimed_at = now
        claims = read_claims(self._select(claims_query(written, now)))
        if turn.writer in claims and len(claims) > 1:
            self._update(give_back(turn.writer))
        return claims, answer

    def _write_revision(self, revision: RevisionRecord, turn: Turn) -> None:
        """Write the revision, named as the turn's writer's, and give the turn back, in one
        update; then read back that its provenance names this write, and this write alone."""
        provenance = Graph()
        provenance += revision.provenance
        for triple in token_triples(revision, turn.writer):
            provenance.add(triple)
        prologue, insert = _insert_data((
            (revision.submission_graph, revision.submission),
            (revision.report_graph, revision.report),
            (PROVENANCE_GRAPH, provenance),
            *summary_blocks(revision)))
        answer = self._ending_turn(turn, prologue, insert)
        written = self._read_back(
            answer, lambda: {row["writer"] for row in self._select(written_by_query(revision))},
            "error.remote.lost_revision_unknown", number=revision.number,
            cluster=revision.cluster)
        if turn.writer in written:
            turn.given_back = True  # by the update that wrote it, though its answer was lost
        if written != {turn.writer}:
            what = phrase("error.remote.what_revision", number=revision.number,
                          cluster=revision.cluster)
            if not written:
                raise self._not_applied(answer, what)
            raise NoAnswerError.of("error.remote.written_twice", number=revision.number,
                                   cluster=revision.cluster, endpoint=self._shown)

    def _not_applied(self, answer: Response | SparqlEndpointError,
                     what: Phrase) -> NoAnswerError:
        """The error for an update the server answered as done, though reading back shows that
        it was not (a catch-all page, a proxy, an endpoint that ignores updates); or whose
        answer was lost, and reading back shows that nothing of it was stored."""
        if isinstance(answer, SparqlEndpointError):
            return NoAnswerError.of("error.remote.lost_not_applied", lost=answer, what=what,
                                    query_endpoint=self._shown)
        return NoAnswerError.of("error.remote.update_not_applied", what=what,
                                endpoint=shown_endpoint(self._client.update_endpoint or ""),
                                status=answer.status, media_type=answer.media_type or "-",
                                query_endpoint=self._shown)

    def _update(self, text: str) -> Response:
        """Send one update (with Virtuoso's pragma, within its size limit); again when Virtuoso
        rolled it back as deadlocked with another, a few times. The server's answer."""
        if self._virtuoso():
            text = _VIRTUOSO_PRAGMA + text
            size = len(text.encode("utf-8"))
            if size > VIRTUOSO_MAX_UPDATE_BYTES:
                raise StoreError.of("error.remote.update_too_large", size=size,
                                    limit=VIRTUOSO_MAX_UPDATE_BYTES, endpoint=self._shown)
        self._open()
        return self._sent(lambda: self._client.update(text))

    def _virtuoso(self) -> bool:
        """Whether the server is Virtuoso: as the engine setting says, unless `auto`, else from
        its Server header (asked once if not yet seen)."""
        if self._engine != AUTO:
            return self._engine == VIRTUOSO
        if self._client.server is None:
            self._query("ASK {}", _RESULTS_JSON)
        return (self._client.server or "").startswith("Virtuoso")

    def _query(self, text: str, accept: str, dataset: QueryDataset | None = None) -> Response:
        """Send one query over `dataset` (Virtuoso's: `_as_virtuoso_reads`); again when Virtuoso
        gave it up as deadlocked with a writer's update (reading changes nothing, so it is always
        safe to send again), a few times."""
        self._open()
        self._check_default_graph()
        if dataset is not None and self._virtuoso():
            dataset = _as_virtuoso_reads(dataset)
        return self._sent(lambda: self._client.query(text, accept, dataset))

    def _sent(self, send: Callable[[], Response]) -> Response:
        """`send()`'s answer, sent again while Virtuoso gives it up as deadlocked; when the server
        could not be reached, the union it was seen to make is forgotten: it may come back
        started otherwise (docs/store.md, "The server's default graph")."""
        try:
            return _again_if_deadlocked(send)
        except SparqlEndpointError as error:
            if error.status is None:  # no HTTP answer: refused, reset, timed out
                self._union_seen = False
            raise

    def _check_default_graph(self) -> None:
        """Refuse a server whose default graph is not the union of its named graphs
        (checker/store/default_graph.py): one small query before the first, and again before
        each later one while the store holds nothing to tell by (an empty store is told by its
        first write: a writer's claim), after the server could not be reached, and at each
        health check (`check_readable`). NoAnswerError (exit 4, 503) naming the server's option."""
        if self._union_seen:
            return
        rows = rows_from_json(self._json(self._sent(
            lambda: self._client.query(UNION_PROBE, _RESULTS_JSON))))
        if not rows:
            return
        unseen = unseen_graph(rows[0])
        if unseen is not None:
            raise NoAnswerError.of("error.remote.no_union_default_graph", endpoint=self._shown,
                                   graph=unseen)
        self._union_seen = True

    def _json(self, answer: Response) -> dict[str, Any]:
        """The SPARQL JSON results of an answer; NoAnswerError (exit 4) when it is something
        else, such as a web page a proxy or a catch-all server sends with status 200."""
        media_type = answer.media_type
        if media_type and not (media_type == "application/json" or media_type.endswith("+json")):
            raise NoAnswerError.of("error.remote.not_sparql_results", endpoint=self._shown,
                                   media_type=media_type)
        try:
            document = json.loads(answer.body)
        except ValueError as error:
            raise NoAnswerError.of("error.remote.unreadable_json", endpoint=self._shown,
                                   detail=error) from None
        if not isinstance(document, dict):
            raise NoAnswerError.of("error.remote.no_json_object", endpoint=self._shown)
        return document

    def _writable(self) -> None:
        if not self._client.update_endpoint:
            raise StoreError.of("error.remote.read_only_store", endpoint=self._shown)

    def _open(self) -> None:
        if self._closed:
            raise StoreError.of("error.store.closed")


def _again_if_deadlocked(send: Callable[[], Response]) -> Response:
    """`send()`'s answer; sent again, after a random pause, each time Virtuoso rolled the
    request back as deadlocked with another (SR172), up to _DEADLOCK_RETRIES times."""
    retries = _DEADLOCK_RETRIES
    while True:
        try:
            return send()
        except SparqlDeadlockError:
            if not retries:
                raise
            retries -= 1
            time.sleep(random.uniform(*_CLAIM_PAUSE))


def _as_virtuoso_reads(dataset: QueryDataset) -> QueryDataset:
    """The dataset to send Virtuoso for the one a query names: FROM without FROM NAMED names no
    graph for GRAPH to match (SPARQL 1.1, 13.2), which Virtuoso reads as every graph it holds,
    so NO_GRAPH is named, which holds nothing."""
    if dataset.default_graphs and not dataset.named_graphs:
        return replace(dataset, named_graphs=(str(NO_GRAPH),))
    return dataset


def _again_while_unreachable(send: Callable[[], _T]) -> _T:
    """`send()`'s result; sent again after each of _UNREACHABLE_PAUSES while the server cannot
    be reached or its answer is lost (no HTTP status: a server restarting), for what must be
    known or done after a failed write (reading it back, giving the turn back)."""
    for pause in _UNREACHABLE_PAUSES:
        try:
            return send()
        except SparqlEndpointError as error:
            if error.status is not None:
                raise
        time.sleep(pause)
    return send()


def _expiry(claims: Mapping[URIRef, datetime | None], writer: URIRef) -> Phrase:
    """When the claims that kept `writer` waiting expire, if their writers stopped without
    finishing: the latest of them, in words."""
    others = [since for other, since in claims.items() if other != writer and since is not None]
    if not others:
        return phrase("error.remote.claim_expiry_unknown",
                      minutes=f"{TURN_EXPIRES.total_seconds() / 60:g}")
    return phrase("error.remote.claim_expiry", until=moment_in_zone(expiry(max(others))))


def open_sparql_store(**options: Any) -> SparqlStore:
    """Open a SparqlStore from keyword options (the registry's `open_store("sparql", …)`)."""
    try:
        return SparqlStore(**options)
    except TypeError as error:
        raise InputError.of("error.store.bad_options", name="SPARQL", detail=error) from None


def _written(written: URIRef) -> Phrase:
    """What a turn is for, in words: the rule graphs, or a cluster's revisions."""
    if written == ONTOLOGY_GRAPH:
        return phrase("error.remote.written_rules")
    return phrase("error.remote.written_cluster", cluster=written)


def _insert_data(graphs: tuple[tuple[URIRef, Collection[Triple]], ...]) -> tuple[str, str]:
    """One INSERT DATA with every graph, cut into GRAPH blocks of TRIPLES_PER_BLOCK triples: the
    PREFIX declarations it needs, which open the request, and the operation."""
    terms = TermWriter(graph for _, graph in graphs)
    blocks = [f"GRAPH {iri_text(name)} {{\n{block}\n}}" for name, graph in graphs
              for block in terms.blocks(graph, TRIPLES_PER_BLOCK)]
    return terms.prologue(), "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


