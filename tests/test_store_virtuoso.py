"""The remote SPARQL store keeps the store contract on a real Virtuoso, and survives its limits.

A Virtuoso of the tests' own (tests/virtuoso.py) runs for the session on loopback ports, with
Virtuoso's usual cap of 10,000 result rows. Without virtuoso-t these tests fail, never skip:
`make system-packages` installs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef, namespace
from rdflib.term import Node

from checker.cli import main
from checker.errors import InputError, NoAnswerError, StoreError
from checker.ingest import load_rules_into
from checker.loading.rdfterms import to_oxigraph
from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.rulebook import load_rulebook
from checker.store import (LOCK_WAIT_ENV, ONTOLOGY_GRAPH, SHAPES_GRAPH, Store, open_store,
                           report_graph_iri, sparql_store, submission_graph_iri)
from checker.store.base import RULES_ARCHIVE_GRAPH, WRITERS_GRAPH, RevisionRecord
from checker.store.guard import QueryDataset
from checker.store.rules_archive import archived_rulebook_iri, rule_graphs_of
from checker.stored_rulebooks import find_rulebook, rule_graphs
from checker.store.numbering import write_token
from checker.store.sparql_http import (SparqlClient, SparqlDeadlockError,
                                       SparqlEndpointError)
from checker.store.sparql_store import SparqlStore
from checker.store.sparql_terms import SKOLEM_ROOT
from checker.store.turns import TURN_EXPIRES, claim_update, give_back
from checker.synthetic import generate_cluster
from tests.loopback import QuietHandler, loopback_endpoint

from store_contract import (EX, Reopen, StoreContract, Writer, make_record, new_cluster,
                            numbered_record)
from virtuoso import VirtuosoNotInstalledError, VirtuosoServer, require_binaries

DBA = ("dba", "dba")
WRITER_WAIT = 120.0  # seconds a writer at once waits for its turn: the machine may be busy


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """One Virtuoso for the session, stopped at its end whatever happened."""
    missing = None
    try:
        require_binaries()
    except VirtuosoNotInstalledError as error:
        missing = str(error)
    if missing:  # fail, never skip: `make test` installs Virtuoso first
        pytest.fail(missing, pytrace=False)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def virtuoso_endpoint(virtuoso_server: VirtuosoServer) -> str:
    """The session Virtuoso's /sparql, where the anonymous user may query and update."""
    return virtuoso_server.endpoint


@pytest.fixture
def store(virtuoso_endpoint: str) -> Iterator[SparqlStore]:
    opened = SparqlStore(virtuoso_endpoint, virtuoso_endpoint)
    yield opened
    opened.close()


class TestVirtuosoStore(StoreContract):
    """The contract over /sparql; `reopen` opens a new client on the same server, and so does
    each writer at once, as separate processes would."""

    @pytest.fixture
    def reopen(self, virtuoso_endpoint: str) -> Reopen:
        def reopen(old: Store) -> Store:
            old.close()
            return SparqlStore(virtuoso_endpoint, virtuoso_endpoint)

        return reopen

    @pytest.fixture
    def writer(self, virtuoso_endpoint: str) -> Writer:
        return lambda _store: SparqlStore(virtuoso_endpoint, virtuoso_endpoint,
                                          lock_wait=WRITER_WAIT)


class TestVirtuosoStoreWithDigestAndGraphStore(StoreContract):
    """The contract through the registry, writing to /sparql-auth (HTTP digest) and reading
    named graphs through the Graph Store Protocol."""

    @staticmethod
    def _open(server: VirtuosoServer) -> Store:
        return open_store("sparql", query_endpoint=server.endpoint,
                          update_endpoint=server.auth_endpoint,
                          graph_store_endpoint=server.graph_store_endpoint,
                          username=DBA[0], password=DBA[1], lock_wait=WRITER_WAIT)

    @pytest.fixture
    def store(self, virtuoso_server: VirtuosoServer) -> Iterator[Store]:
        opened = self._open(virtuoso_server)
        yield opened
        opened.close()

    @pytest.fixture
    def reopen(self, virtuoso_server: VirtuosoServer) -> Reopen:
        def reopen(old: Store) -> Store:
            old.close()
            return self._open(virtuoso_server)

        return reopen

    @pytest.fixture
    def writer(self, virtuoso_server: VirtuosoServer) -> Writer:
        return lambda _store: self._open(virtuoso_server)


def same(stored: Graph, expected: Graph) -> bool:
    """Whether two graphs are the same up to blank node names and Virtuoso's canonical values.

    Through pyoxigraph's canonicalisation: rdflib's `isomorphic` takes minutes on the shapes."""
    return _canonical_quads(comparable(stored)) == _canonical_quads(comparable(expected))


def _canonical_quads(graph: Graph) -> set[str]:
    lines = "".join(f"{to_oxigraph(s)} {to_oxigraph(p)} {to_oxigraph(o)} .\n" for s, p, o in graph)
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(lines, pyoxigraph.RdfFormat.N_TRIPLES))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.UNSTABLE)
    return {str(quad) for quad in dataset}


def comparable(graph: Graph) -> Graph:
    """The graph with literals in the canonical form Virtuoso keeps (it stores values, not
    lexical forms): decimals without trailing zeros, dateTimes in UTC, language tags lower case."""
    out = Graph()
    for s, p, o in graph:
        out.add((s, p, _canonical(o)))
    return out


def _canonical(node: Node) -> Node:
    if not isinstance(node, Literal):
        return node
    if node.language:
        return Literal(str(node), lang=node.language.lower())
    value = node.toPython()
    if node.datatype == namespace.XSD.decimal and isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return Literal(text, datatype=namespace.XSD.decimal)
    if node.datatype == namespace.XSD.dateTime and getattr(value, "tzinfo", None) is not None:
        return Literal(value.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                       datatype=namespace.XSD.dateTime)
    return node


def record_for(submission: Graph, *, cluster: URIRef | None = None) -> RevisionRecord:
    """A revision of `submission` with make_record's small report and provenance."""
    small, _ = make_record(cluster or new_cluster(), 1)
    return RevisionRecord(small.cluster, 1, submission, small.report, small.provenance)


def count(store: SparqlStore, graph: URIRef) -> int:
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(str(rows[0]["n"]))


def assert_nothing_stored(store: SparqlStore, record: RevisionRecord) -> None:
    assert store.revisions(record.cluster) == []
    assert count(store, record.submission_graph) == 0
    assert count(store, record.report_graph) == 0


@pytest.fixture(scope="module")
def large_record(virtuoso_endpoint: str) -> RevisionRecord:
    """A stored revision whose submission graph is larger than the server's 10,000-row cap."""
    record = record_for(generate_cluster(members=2_000, years=2, cluster_id="capped"))
    assert len(record.submission) > 12_000
    SparqlStore(virtuoso_endpoint, virtuoso_endpoint).add_revision(record)
    return record


def test_sample_submission_round_trips_up_to_the_values_virtuoso_keeps(
        store: SparqlStore) -> None:
    submission = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    record = record_for(submission)
    store.add_revision(record)
    stored = store.named_graph(record.submission_graph)
    assert len(stored) == len(submission)
    assert same(stored, submission)


def test_graph_larger_than_the_row_cap_is_read_whole_in_pages(
        store: SparqlStore, large_record: RevisionRecord, virtuoso_server: VirtuosoServer) -> None:
    expected = large_record.submission
    assert same(store.named_graph(large_record.submission_graph), expected)
    through_graph_store = SparqlStore(virtuoso_server.endpoint,
                                      graph_store_endpoint=virtuoso_server.graph_store_endpoint)
    assert same(through_graph_store.named_graph(large_record.submission_graph), expected)


def test_select_that_reaches_the_row_cap_fails_instead_of_answering_short(
        store: SparqlStore, large_record: RevisionRecord) -> None:
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{large_record.submission_graph}> {{ ?s ?p ?o }} }}"
    with pytest.raises(StoreError, match="limit of 10000 rows"):
        store.select(query)
    assert len(store.select(query + " LIMIT 9999")) == 9_999


def test_blank_nodes_are_stored_as_skolem_iris_and_read_back_as_blank_nodes(
        store: SparqlStore) -> None:
    submission = Graph()
    cluster, body, address = new_cluster(), BNode(), BNode()
    submission.add((body, EX.cultivates, cluster))
    submission.add((body, EX.address, address))
    submission.add((address, RDFS.label, Literal("德化县")))
    record = record_for(submission, cluster=cluster)
    store.add_revision(record)
    graph = f"<{record.submission_graph}>"
    assert not store.ask(
        f"ASK {{ GRAPH {graph} {{ ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }} }}")
    assert store.ask(
        f'ASK {{ GRAPH {graph} {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{SKOLEM_ROOT}")) }} }}')
    assert same(store.named_graph(record.submission_graph), submission)
    rows = store.select(f"SELECT ?b WHERE {{ GRAPH {graph} {{ ?b <{EX.cultivates}> ?c }} }}")
    assert [type(row["b"]) for row in rows] == [BNode]


def test_literals_keep_quotes_escapes_controls_languages_and_datatypes(
        store: SparqlStore) -> None:
    cluster = new_cluster()
    texts = ['say "品牌"', "back\\slash", "two\nlines\r\n", "tab\there", "bell\x07",
             "\u00e9 \U0001F600", '"""', "ends with a quote\""]
    submission = Graph()
    for index, text in enumerate(texts):
        submission.add((cluster, EX[f"text{index}"], Literal(text)))
    submission.add((cluster, RDFS.label, Literal("德化陶瓷", lang="zh")))
    submission.add((cluster, RDFS.label, Literal("Dehua ceramics", lang="en-GB")))
    submission.add((cluster, EX.founded, Literal("2005", datatype=namespace.XSD.gYear)))
    submission.add((cluster, EX.members, Literal(1_800, datatype=namespace.XSD.integer)))
    submission.add((cluster, EX.custom, Literal("x", datatype=URIRef("https://example.org/dt#t"))))
    submission.add((cluster, RDF.type, URIRef("https://example.org/contract/类")))
    record = record_for(submission, cluster=cluster)
    store.add_revision(record)
    assert same(store.named_graph(record.submission_graph), submission)


def test_iri_that_sparql_cannot_spell_is_refused_before_anything_is_sent(
        store: SparqlStore) -> None:
    submission = Graph()
    submission.add((URIRef("https://example.org/a b"), RDF.type, EX.Thing))
    record = record_for(submission)
    with pytest.raises(InputError, match="cannot be written"):
        store.add_revision(record)
    assert_nothing_stored(store, record)


def test_revision_the_server_refuses_leaves_nothing_and_the_error_names_endpoint_and_status(
        store: SparqlStore, virtuoso_endpoint: str) -> None:
    submission = generate_cluster(members=300, years=2, cluster_id="refused")
    # A valid xsd:integer that Virtuoso cannot hold (it keeps 64 bits), in the last graph written.
    record = record_for(submission)
    record.provenance.add((record.submission_graph, EX.big, Literal(2 ** 70)))
    with pytest.raises(SparqlEndpointError) as refused:
        store.add_revision(record)
    assert refused.value.status == 400
    assert virtuoso_endpoint in refused.value.message and "HTTP 400" in refused.value.message
    assert_nothing_stored(store, record)


def test_update_longer_than_virtuoso_takes_is_refused_before_it_is_sent(
        store: SparqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    record, _ = make_record(new_cluster(), 1)
    monkeypatch.setattr(sparql_store, "VIRTUOSO_MAX_UPDATE_BYTES", 1_000)
    with pytest.raises(StoreError, match="more than Virtuoso takes in one request"):
        store.add_revision(record)
    assert_nothing_stored(store, record)


def test_project_rules_load_whole_with_their_rdf_lists(store: SparqlStore) -> None:
    load_rules_into(store)
    shapes = load_rulebook().shapes_graph
    assert same(store.named_graph(SHAPES_GRAPH), shapes)
    assert len(store.named_graph(ONTOLOGY_GRAPH)) > 1_000


def test_project_rules_replaced_by_another_version_are_archived_whole(store: SparqlStore) -> None:
    """Rule review 8 on Virtuoso: the project's rule graphs, archived as one literal of about
    1 MB when another version replaces them, read back as the graphs Virtuoso held."""
    running = load_rulebook()
    load_rules_into(store, running)
    held = store.named_graph(ONTOLOGY_GRAPH), store.named_graph(SHAPES_GRAPH)
    load_rules_into(store, replace(running, version=running.version + "-next"))
    text = store.named_graph(RULES_ARCHIVE_GRAPH).value(
        archived_rulebook_iri(running.version, running.digest), BCIC.rulesText)
    assert text is not None and len(str(text)) > 500_000
    assert all(same(a, b) for a, b in zip(rule_graphs_of(str(text)), held))
    stored = find_rulebook(store, running.version, running.digest)  # as the web pages read it
    assert stored is not None and stored.archived is not None
    assert all(same(a, b) for a, b in zip(rule_graphs(store, stored), held))


def test_store_without_update_endpoint_reads_but_refuses_to_write(
        virtuoso_endpoint: str) -> None:
    reader = SparqlStore(virtuoso_endpoint)
    assert (reader.remote, reader.persistent) == (True, True)
    assert reader.ask("ASK {}")
    with pytest.raises(StoreError, match="without an update endpoint"):
        reader.add_revision(make_record(new_cluster(), 1)[0])


def test_wrong_password_is_refused_with_401(virtuoso_server: VirtuosoServer) -> None:
    store = SparqlStore(virtuoso_server.endpoint, virtuoso_server.auth_endpoint,
                        username="dba", password="not-the-password")
    with pytest.raises(SparqlEndpointError, match=r"HTTP 401.*\(the store's user name or "
                                                  r"password was refused\)") as refused:
        store.load_rules(Graph(), Graph())
    assert refused.value.status == 401


def test_closed_store_refuses_every_call(virtuoso_endpoint: str) -> None:
    store = SparqlStore(virtuoso_endpoint, virtuoso_endpoint)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.ask("ASK {}")


def test_unreachable_endpoint_is_named_in_the_error() -> None:
    with HTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as probe:
        port = probe.server_port  # free now, and nobody listens once closed
    endpoint = f"http://127.0.0.1:{port}/sparql"
    with pytest.raises(SparqlEndpointError, match="connection refused") as failed:
        SparqlStore(endpoint).ask("ASK {}")
    assert endpoint in failed.value.message and failed.value.status is None


def test_http_error_is_named_with_its_status(virtuoso_server: VirtuosoServer) -> None:
    endpoint = f"http://127.0.0.1:{virtuoso_server.http_port}/no-such-endpoint"
    with pytest.raises(SparqlEndpointError, match="HTTP 404") as failed:
        SparqlStore(endpoint).ask("ASK {}")
    assert failed.value.status == 404 and endpoint in failed.value.message


class _Slow(QuietHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        time.sleep(1.5)
        self.send_response(200)
        self.end_headers()


def test_endpoint_that_does_not_answer_in_time_is_a_timeout_error() -> None:
    server = HTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        store = SparqlStore(f"http://127.0.0.1:{server.server_port}/sparql", timeout=0.3)
        with pytest.raises(SparqlEndpointError, match=r"did not answer within 0\.3 s"):
            store.ask("ASK {}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def own_virtuoso(tmp_path: Path) -> Iterator[VirtuosoServer]:
    """A second Virtuoso, not started, for tests that crash or reconfigure it."""
    server = VirtuosoServer(tmp_path / "own")
    try:
        yield server
    finally:
        server.stop()


def test_server_killed_during_a_write_keeps_all_of_the_revision_or_none(
        own_virtuoso: VirtuosoServer) -> None:
    own_virtuoso.start()
    store = SparqlStore(own_virtuoso.endpoint, own_virtuoso.endpoint)
    record = record_for(generate_cluster(members=5_000, years=2, cluster_id="crash"))
    outcome: list[object] = []

    def write() -> None:
        try:
            store.add_revision(record)
            outcome.append("written")
        except StoreError as error:
            outcome.append(error)

    # Crash once the server has spent a second of CPU on the write: inside the INSERT, which
    # takes it a few seconds (if it is done sooner, all of it must be there).
    busy = own_virtuoso.cpu_seconds() + 1.0
    writer = threading.Thread(target=write)
    writer.start()
    deadline = time.monotonic() + 60
    while not outcome and own_virtuoso.cpu_seconds() < busy and time.monotonic() < deadline:
        time.sleep(0.05)
    own_virtuoso.crash()
    writer.join(60)
    own_virtuoso.start()  # rolls its transaction log forward
    store = SparqlStore(own_virtuoso.endpoint, own_virtuoso.endpoint)
    stored = count(store, record.submission_graph)
    if outcome == ["written"]:
        assert stored == len(record.submission)
    else:
        # The client saw an error: the server died before committing (nothing stored), or after
        # committing but before its answer got out (all of it stored) — never a part.
        assert stored in (0, len(record.submission))
        assert (stored == 0) == (store.revisions(record.cluster) == [])


def test_write_the_server_rolls_back_midway_leaves_nothing(own_virtuoso: VirtuosoServer) -> None:
    # A transaction may write at most 1 MB of log here: a 2,000-member cluster (~19,000
    # triples) fails while it is being inserted, a small revision still fits.
    own_virtuoso.extra_parameters = "TransactionAfterImageLimit = 1000000\n"
    own_virtuoso.start()
    store = SparqlStore(own_virtuoso.endpoint, own_virtuoso.endpoint)
    record = record_for(generate_cluster(members=2_000, years=2, cluster_id="rolled-back"))
    with pytest.raises(SparqlEndpointError, match="rolled back"):
        store.add_revision(record)
    assert_nothing_stored(store, record)
    small, info = make_record(new_cluster(), 1)
    store.add_revision(small)
    assert store.revisions(small.cluster) == [info]


def _claim_as_another_writer(endpoint: str, cluster: URIRef, since: datetime) -> URIRef:
    """Claim the cluster's turn as another writer would have, at `since`; its writer IRI."""
    holder = write_token()
    SparqlClient(endpoint, endpoint, None, None, None, 60).update(
        claim_update(cluster, holder, since))
    return holder


def _claimed(store: SparqlStore, cluster: URIRef) -> bool:
    return store.ask(f"ASK {{ GRAPH <{WRITERS_GRAPH}> {{ ?writer <{BCIC.writes}> "
                     f"<{cluster}> }} }}")


def test_a_writer_waits_for_the_turn_another_holds_then_gives_up_with_exit_4(
        virtuoso_endpoint: str) -> None:
    cluster = new_cluster()
    holder = _claim_as_another_writer(virtuoso_endpoint, cluster, datetime.now(UTC))
    waiting = SparqlStore(virtuoso_endpoint, virtuoso_endpoint, lock_wait=1)
    started = time.monotonic()
    with pytest.raises(NoAnswerError, match=r"another writer was writing the revisions of "
                                            r".* for all the 1 s this one waited") as busy:
        waiting.add_next_revision(cluster, lambda n, p: numbered_record(cluster, n, p, "late"))
    assert busy.value.exit_code == 4 and time.monotonic() - started >= 1
    assert waiting.revisions(cluster) == [] and _claimed(waiting, cluster)  # the holder's still
    SparqlClient(virtuoso_endpoint, virtuoso_endpoint, None, None, None, 60).update(
        give_back(holder))
    assert waiting.add_next_revision(
        cluster, lambda n, p: numbered_record(cluster, n, p, "next")).number == 1


def test_a_turn_left_by_a_writer_that_stopped_expires_and_goes(virtuoso_endpoint: str) -> None:
    cluster = new_cluster()
    _claim_as_another_writer(virtuoso_endpoint, cluster,
                             datetime.now(UTC) - TURN_EXPIRES - timedelta(seconds=1))
    store = SparqlStore(virtuoso_endpoint, virtuoso_endpoint, lock_wait=0)
    assert store.add_next_revision(
        cluster, lambda n, p: numbered_record(cluster, n, p, "after")).number == 1
    assert not _claimed(store, cluster)  # the stale claim removed, this writer's given back


def test_a_write_that_fails_in_its_turn_gives_the_turn_back(virtuoso_endpoint: str) -> None:
    cluster = new_cluster()
    store = SparqlStore(virtuoso_endpoint, virtuoso_endpoint, lock_wait=0)

    def broken(number: int, previous: int | None) -> RevisionRecord:
        raise InputError("the record cannot be made")

    with pytest.raises(InputError):
        store.add_next_revision(cluster, broken)
    assert not _claimed(store, cluster)
    assert store.delete_revision(cluster, 1) is False and not _claimed(store, cluster)
    assert store.add_next_revision(
        cluster, lambda n, p: numbered_record(cluster, n, p, "then")).number == 1


class _IgnoresUpdates(QuietHandler):
    """An "update endpoint" that answers 200 with a web page and applies nothing."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_an_update_endpoint_that_applies_nothing_is_found_out_by_reading_back(
        virtuoso_endpoint: str) -> None:
    cluster = new_cluster()
    with loopback_endpoint(_IgnoresUpdates) as ignoring:
        store = SparqlStore(virtuoso_endpoint, ignoring, lock_wait=30)
        with pytest.raises(NoAnswerError) as failed:
            store.add_next_revision(cluster, lambda n, p: numbered_record(cluster, n, p, "lost"))
    assert failed.value.exit_code == 4
    assert (f"the SPARQL endpoint {ignoring} answered the update with HTTP 200 (text/html), "
            f"but read back from {virtuoso_endpoint}, this writer's claim of the turn to write "
            f"the revisions of {cluster} is not there: the update was not applied"
            ) in failed.value.message
    assert store.revisions(cluster) == []


class _Deadlocked(QuietHandler):
    """Answers its first update as Virtuoso does one it rolled back as deadlocked, the next ones
    as done; a SELECT with no rows (no stored revision), any other query as an ASK that is
    true."""

    updates: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        select = "SELECT" in urllib.parse.parse_qs(body.decode("utf-8")).get("query", [""])[0]
        answer = (b'{"head": {"vars": ["revision"]}, "results": {"bindings": []}}' if select
                  else b'{"head": {}, "boolean": true}')
        self.send_response(200)
        if self.headers.get("Content-Type", "").startswith("application/sparql-update"):
            self.updates.append(body.decode("utf-8"))
            if len(self.updates) == 1:
                self.send_header("X-SQL-State", "00000")
                self.send_header("X-SQL-Message", "SR172: Transaction deadlocked")
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


def test_an_update_virtuoso_rolled_back_as_deadlocked_is_sent_again() -> None:
    _Deadlocked.updates = []
    with loopback_endpoint(_Deadlocked) as url:
        SparqlStore(url, url, engine="generic").rebuild_summary()
    # The rebuild of a store without revisions: the old summary removed (sent twice: the first
    # was rolled back), then the version marker.
    assert len(_Deadlocked.updates) == 3 and _Deadlocked.updates[0] == _Deadlocked.updates[1]
    assert "summaryVersion" in _Deadlocked.updates[2]


class _DeadlockedAs500(QuietHandler):
    """Answers the first `failures` queries and the first `failures` updates as Virtuoso does
    under load when it gives a request up as deadlocked: HTTP 500 with "Virtuoso 40001 Error
    SR172" in the body; the others as _Deadlocked does."""

    failures = 1
    queries: list[str] = []
    updates: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        update = self.headers.get("Content-Type", "").startswith("application/sparql-update")
        sent = self.updates if update else self.queries
        sent.append(body)
        if len(sent) <= self.failures:
            error = b"Virtuoso 40001 Error SR172: Transaction deadlocked\n"
            self.send_response(500, "SPARQL Request Failed")
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(error)))
            self.end_headers()
            self.wfile.write(error)
            return
        select = "SELECT" in urllib.parse.parse_qs(body).get("query", [""])[0]
        answer = (b'{"head": {"vars": ["revision"]}, "results": {"bindings": []}}' if select
                  else b'{"head": {}, "boolean": true}')
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


def test_a_request_virtuoso_gave_up_as_deadlocked_with_status_500_is_sent_again() -> None:
    # Under load, three `bcic ingest` at once on one Virtuoso: one exited 4 with "answered
    # HTTP 500 … Virtuoso 40001 Error SR172: Transaction deadlocked"; only the X-SQL-Message
    # form of a 200 was known as a deadlock, and only updates were sent again.
    _DeadlockedAs500.failures, _DeadlockedAs500.queries, _DeadlockedAs500.updates = 1, [], []
    with loopback_endpoint(_DeadlockedAs500) as url:
        SparqlStore(url, url, engine="generic").rebuild_summary()
    assert len(_DeadlockedAs500.queries) >= 2
    assert _DeadlockedAs500.queries[0] == _DeadlockedAs500.queries[1]
    assert len(_DeadlockedAs500.updates) == 3
    assert _DeadlockedAs500.updates[0] == _DeadlockedAs500.updates[1]


def test_a_query_deadlocked_at_every_try_says_so_in_both_languages() -> None:
    _DeadlockedAs500.failures, _DeadlockedAs500.queries, _DeadlockedAs500.updates = 99, [], []
    with loopback_endpoint(_DeadlockedAs500) as url:
        with pytest.raises(SparqlDeadlockError) as failed:
            SparqlStore(url, url, engine="generic").ask("ASK { ?s ?p ?o }")
    assert len(_DeadlockedAs500.queries) == 4  # the first try and three more
    assert failed.value.exit_code == 4
    assert failed.value.text("en") == (
        f"the SPARQL endpoint {url} gave a query up as deadlocked with another writer's update "
        "(Virtuoso SR172), again after retries: try again")
    assert "死锁" in failed.value.text("zh") and "请重试" in failed.value.text("zh")


def test_ingests_at_once_in_processes_each_store_their_own_revision(
        virtuoso_endpoint: str, tmp_path: Path) -> None:
    # Two or more `bcic ingest` at once once got one number and wrote one revision holding both
    # submissions and both reports (a report graph twice the size of one). On a store without
    # rule graphs, each also loads them: one load's drop emptied the graphs another read back.
    source = (EXAMPLES_DIR / "meitan-tea.ttl").read_text(encoding="utf-8")
    namespace = f"https://example.org/cluster/at-once-{time.time_ns()}/"
    cluster = URIRef(namespace + "cluster")
    path = tmp_path / "at-once.ttl"
    path.write_text(source.replace("<https://example.org/cluster/meitan/>", f"<{namespace}>"),
                    encoding="utf-8")
    # Each waits its turn up to 10 minutes (not 30 s): what is tested is what they write, not how
    # long a loaded machine makes them wait (a CI run beside other work once waited 30 s).
    patient = {**os.environ, LOCK_WAIT_ENV: "600"}
    ingests = [subprocess.Popen(
        [sys.executable, "-c", "from checker.cli import main; main()", "ingest", str(path),
         "--store", virtuoso_endpoint, "--submitter", f"writer {i}"], cwd=PROJECT_ROOT,
        env=patient, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for i in range(3)]
    outputs = [ingest.communicate(timeout=600)[0] for ingest in ingests]
    assert [ingest.returncode for ingest in ingests] == [0, 0, 0], outputs
    store = SparqlStore(virtuoso_endpoint)
    assert [info.number for info in store.revisions(cluster)] == [1, 2, 3]
    assert sorted(info.submitter or "" for info in store.revisions(cluster)) == [
        "writer 0", "writer 1", "writer 2"]
    sizes = {(count(store, submission_graph_iri(cluster, n)),
              count(store, report_graph_iri(cluster, n))) for n in (1, 2, 3)}
    assert len(sizes) == 1  # the same submission thrice: each revision holds one, not two


# A user of the Virtuoso with a password that a URL must percent-encode (@ : /).
WRITER, SECRET = "writer", "p@ss:w/rd"


@pytest.fixture(scope="module")
def writer_url(virtuoso_server: VirtuosoServer) -> str:
    """The /sparql-auth URL with the writer's credentials in it, percent-encoded."""
    virtuoso_server.isql(f"DB.DBA.USER_CREATE ('{WRITER}', '{SECRET}'); "
                         f'grant SPARQL_SELECT to "{WRITER}"; grant SPARQL_UPDATE to "{WRITER}";')
    return virtuoso_server.auth_endpoint.replace(
        "http://", f"http://{WRITER}:{urllib.parse.quote(SECRET, safe='')}@")


def test_credentials_in_the_url_read_and_write_a_store_that_asks_for_them(
        writer_url: str) -> None:
    # urllib took "writer:p%40ss…@127.0.0.1" for the host: "Name or service not known".
    for command in (["clusters"], ["reindex"]):
        result = CliRunner().invoke(main, [*command, "--store", writer_url])
        assert result.exit_code == 0, result.output
        assert SECRET not in result.output and "p%40ss" not in result.output


def test_the_store_user_with_its_password_from_the_environment_reads_the_store(
        virtuoso_server: VirtuosoServer, writer_url: str) -> None:
    result = CliRunner().invoke(main, ["clusters", "--store", virtuoso_server.auth_endpoint,
                                       "--store-user", WRITER],
                                env={"BCIC_STORE_PASSWORD": SECRET})
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("given, env, said", [
    ("wrong", {}, "answered HTTP 401 digest auth failed (the store's user name or password was "
                  "refused)"),
    (None, {}, "answered HTTP 401 Unauthorized (no user was given: name the store's user with "
               "--store-user or BCIC_STORE_USER and its password in BCIC_STORE_PASSWORD, or write "
               "them in the URL, http://user:password@host/…)"),
    (None, {"BCIC_STORE_USER": WRITER, "BCIC_STORE_PASSWORD": "wrong", "BCIC_LANG": "zh"},
     "返回 HTTP 401 digest auth failed（存储的用户名或密码被拒绝）"),
], ids=["wrong-password-in-the-url", "none-given", "wrong-password-in-the-environment-zh"])
def test_refused_or_missing_credentials_are_exit_4_saying_which(
        virtuoso_server: VirtuosoServer, writer_url: str, given: str | None,
        env: dict[str, str], said: str) -> None:
    location = virtuoso_server.auth_endpoint
    if given is not None:
        location = location.replace("http://", f"http://{WRITER}:{given}@")
    result = CliRunner().invoke(main, ["clusters", "--store", location], env=env)
    assert result.exit_code == 4, result.output
    assert f"{virtuoso_server.auth_endpoint} {said}" in result.output
    assert "wrong" not in result.output  # the password given is never shown


@pytest.mark.parametrize("args, env, said", [
    (["--store-user", WRITER], {}, f"the remote store's user '{WRITER}' is given, but no "
                                   f"password: set BCIC_STORE_PASSWORD"),
    ([], {"BCIC_STORE_PASSWORD": SECRET}, "BCIC_STORE_PASSWORD is set, but no user of the "
                                          "remote store: set BCIC_STORE_USER or give "
                                          "--store-user"),
], ids=["user-without-password", "password-without-user"])
def test_half_given_credentials_are_bad_input_before_any_request(
        args: list[str], env: dict[str, str], said: str) -> None:
    nowhere = "http://127.0.0.1:9/sparql"  # nothing listens: a request would be exit 4
    result = CliRunner().invoke(main, ["clusters", "--store", nowhere, *args], env=env)
    assert (result.exit_code, result.output) == (2, f"Error: {said}\n")


def test_graph_patterns_of_a_query_with_from_and_no_from_named_match_no_graph_on_virtuoso(
        store: SparqlStore, virtuoso_endpoint: str) -> None:
    """SPARQL 1.1, 13.2: with FROM and no FROM NAMED the named graphs are none, so GRAPH matches
    nothing, as the embedded store and the Oxigraph server answer. Virtuoso 7.2 itself takes every
    graph it holds then, with the query's FROM and with the protocol's default-graph-uri alike
    (pinned here: a Virtuoso that reads the spec is noticed); the store names it a graph no store
    writes as the one named graph (docs/store.md, "The server's default graph")."""
    first, second = EX["from-only/1"], EX["from-only/2"]
    store._client.update(f"INSERT DATA {{ GRAPH <{first}> {{ <urn:a> <urn:p> 1, 2 }} "
                         f"GRAPH <{second}> {{ <urn:b> <urn:p> 3 }} }}")
    from_only = f"SELECT (COUNT(*) AS ?n) FROM <{first}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    try:
        raw = SparqlClient(virtuoso_endpoint, None, None, None, None, 60)
        for dataset in (None, QueryDataset((str(first),))):
            answer = json.loads(raw.query(from_only, "application/sparql-results+json",
                                          dataset).body)
            assert int(answer["results"]["bindings"][0]["n"]["value"]) > 3  # every graph
        assert [row["n"].toPython() for row in store.select(from_only)] == [0]
        assert not store.ask(f"ASK FROM <{first}> WHERE {{ GRAPH <{first}> {{ ?s ?p ?o }} }}")
        default = store.select(f"SELECT (COUNT(*) AS ?n) FROM <{first}> WHERE {{ ?s ?p ?o }}")
        assert [row["n"].toPython() for row in default] == [2]
        named = store.select(f"SELECT (COUNT(*) AS ?n) FROM <{first}> FROM NAMED <{second}> "
                             f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
        assert [row["n"].toPython() for row in named] == [1]
        result = CliRunner().invoke(main, ["query", from_only, "--store", virtuoso_endpoint,
                                           "--format", "csv"])
        assert (result.exit_code, result.stdout) == (0, "n\n0\n"), result.output
    finally:
        store._client.update(f"DROP SILENT GRAPH <{first}> ; DROP SILENT GRAPH <{second}>")
