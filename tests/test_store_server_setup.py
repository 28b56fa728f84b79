"""A remote store's server set up otherwise than docs/store.md asks ("SPARQL servers") is said to
be so, in zh and en, with what to change: never an answer computed from nothing, never a partial
write. Real Oxigraph servers (tests/oxigraph_server.py), started as an operator might: without
`--union-default-graph`, read-only, or with updates sent to the query endpoint.
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Literal, URIRef

from checker.cli import main
from checker.errors import NoAnswerError
from checker.paths import EXAMPLES_DIR
from checker.store.base import ONTOLOGY_GRAPH
from checker.store.default_graph import UNION_PROBE, unseen_graph
from checker.store.sparql_http import SparqlEndpointError
from checker.store.sparql_store import SparqlStore
from web.data import start_notes

from oxigraph_server import OxigraphNotInstalledError, OxigraphServer, require_binary

DEHUA = "https://example.org/cluster/dehua/cluster"
UNION_HINT = "oxigraph serve --union-default-graph"
UNION_HINT_ZH = "没有把默认图设为其全部命名图的并集"


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A server directory whose database holds one revision of Dehua, stored by `bcic ingest`
    on a server set up as bcic asks, then stopped."""
    try:
        require_binary()
    except OxigraphNotInstalledError as error:  # fail, never skip: `make install` installs it
        pytest.fail(str(error), pytrace=False)
    directory = tmp_path_factory.mktemp("stored")
    with OxigraphServer(directory) as server:
        ingested = _ingest(server, update=server.update_endpoint)
        assert ingested.exit_code == 0, ingested.output
    return directory


def _server(stored: Path, copy: Path, **setup: bool) -> OxigraphServer:
    """A server over a copy of the stored database, set up as `setup` says."""
    shutil.copytree(stored / "db", copy / "db")
    return OxigraphServer(copy, **setup)


@pytest.fixture
def without_union(stored: Path, tmp_path: Path) -> Iterator[OxigraphServer]:
    """The stored database served again, started without `--union-default-graph`."""
    with _server(stored, tmp_path, union_default_graph=False) as server:
        yield server


def _ingest(server: OxigraphServer, update: str | None, *options: str) -> Result:
    """`bcic ingest` of Dehua, its updates sent to `update` (None: to the query endpoint)."""
    return CliRunner().invoke(main, ["ingest", str(EXAMPLES_DIR / "dehua-ceramics.ttl"),
                                     "--store", server.query_endpoint, *options],
                            env={"BCIC_STORE_UPDATE": update})


def _quads(server: OxigraphServer) -> int:
    """How many triples the server holds in named graphs, asked without bcic."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    url = server.query_endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return int(json.load(answer)["results"]["bindings"][0]["n"]["value"])


def test_reading_a_server_without_union_default_graph_says_to_start_it_with_that_option(
        without_union: OxigraphServer) -> None:
    """Not an empty answer: every reading command fails with exit 4 and the option to set."""
    store = ["--store", without_union.query_endpoint]
    for command in (["clusters"], ["history", DEHUA], ["queries", "run", "most-violated-clauses"],
                    ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]):
        result = CliRunner().invoke(main, [*command, *store])
        assert result.exit_code == 4, (command, result.output)
        assert UNION_HINT in result.output and "tdb2:unionDefaultGraph true" in result.output
    zh = CliRunner().invoke(main, ["clusters", *store, "--lang", "zh"])
    assert zh.exit_code == 4 and UNION_HINT_ZH in zh.output and UNION_HINT in zh.output


def test_the_web_app_on_a_server_without_union_default_graph_answers_503_saying_why(
        without_union: OxigraphServer, make_web_app) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(without_union.query_endpoint)
    client = app.test_client()
    assert client.get("/healthz").status_code == 503
    for page in ("/", "/api/clusters"):
        answer = client.get(page, headers={"Accept": "application/json"})
        assert answer.status_code == 503, page
        assert UNION_HINT in answer.get_json()["message"], page
    notes = [note.text("zh") for note in start_notes(app)]
    assert len(notes) == 1 and notes[0].startswith("警告：") and UNION_HINT_ZH in notes[0]


def test_serve_on_a_stopped_server_warns_at_start(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    server = OxigraphServer(tmp_path)
    server.start()
    server.stop()
    notes = [note.text("en") for note in start_notes(make_web_app(server.query_endpoint))]
    assert notes == [f"Warning: the store cannot be read now, and its pages and /healthz answer "
                     f"503 until it can: cannot reach the SPARQL endpoint "
                     f"{server.query_endpoint}: connection refused"]


def test_an_ingest_into_an_empty_server_without_union_default_graph_is_refused_leaving_nothing(
        tmp_path: Path) -> None:
    """Nothing to tell by before the first write: its claim of the turn tells, and is withdrawn."""
    with OxigraphServer(tmp_path, union_default_graph=False) as server:
        empty = CliRunner().invoke(main, ["clusters", "--store", server.query_endpoint])
        assert empty.exit_code == 0, empty.output  # truly empty: no refusal yet
        ingested = _ingest(server, server.update_endpoint, "--lang", "zh")
        assert ingested.exit_code == 4, ingested.output
        assert UNION_HINT_ZH in ingested.output
        assert _quads(server) == 0


def test_updates_sent_where_the_server_takes_none_say_to_set_bcic_store_update(
        stored: Path, tmp_path: Path) -> None:
    with _server(stored, tmp_path) as server:
        before = _quads(server)
        result = _ingest(server, None)
        assert result.exit_code == 4, result.output
        assert "HTTP 415" in result.output  # the server's words
        assert "the update went to the query endpoint" in result.output
        assert "BCIC_STORE_UPDATE=http://host:7878/update" in result.output
        zh = _ingest(server, None, "--lang", "zh")
        assert "更新发往了查询端点" in zh.output and "BCIC_STORE_UPDATE" in zh.output
        elsewhere = _ingest(server, server.graph_store_endpoint)  # not its update endpoint
        assert elsewhere.exit_code == 4, elsewhere.output
        assert "is it the server's SPARQL update endpoint? BCIC_STORE_UPDATE" in elsewhere.output
        assert _quads(server) == before


def test_a_read_only_server_is_read_and_refuses_to_store_saying_it_is_read_only(
        stored: Path, tmp_path: Path) -> None:
    with _server(stored, tmp_path, read_only=True) as server:
        listed = CliRunner().invoke(main, ["clusters", "--store", server.query_endpoint])
        assert listed.exit_code == 0 and DEHUA in listed.output, listed.output
        result = _ingest(server, server.update_endpoint)
        assert result.exit_code == 4, result.output
        assert "The server is read-only" in result.output  # the server's words
        assert "started read-only" in result.output and "serve-read-only" in result.output
        assert "no user was given" not in result.output  # no credentials would help
        zh = _ingest(server, server.update_endpoint, "--lang", "zh")
        assert "该服务器不接受更新" in zh.output


def test_the_default_graph_is_checked_once_per_store(stored: Path, tmp_path: Path) -> None:
    """One small query before the first read, none after it was seen to be the union."""
    with _server(stored, tmp_path) as server:
        store = SparqlStore(server.query_endpoint, server.update_endpoint)
        sent: list[str] = []
        query = store._client.query

        def counted(text: str, *args: object) -> object:
            sent.append(text)
            return query(text, *args)  # type: ignore[arg-type]

        store._client.query = counted  # type: ignore[method-assign]
        try:
            for _ in range(3):
                assert [r.number for r in store.revisions(URIRef(DEHUA))] == [1]
        finally:
            store.close()
        assert sent.count(UNION_PROBE) == 1 and len(sent) >= 4


def test_a_store_refuses_each_read_while_the_server_is_set_up_otherwise(
        without_union: OxigraphServer) -> None:
    store = SparqlStore(without_union.query_endpoint)
    try:
        for _ in range(2):  # a refusal is not remembered: the server may be restarted meanwhile
            with pytest.raises(NoAnswerError, match="--union-default-graph") as refused:
                store.revisions()
        assert f"<{ONTOLOGY_GRAPH}>" in refused.value.text("en")
    finally:
        store.close()


def test_healthz_notices_a_server_restarted_without_union_default_graph(
        stored: Path, tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """The app keeps its store, which saw the union once: /healthz asks again each time, as a
    second `bcic serve` started on the restarted server would."""
    with _server(stored, tmp_path) as server:
        client = make_web_app(server.query_endpoint).test_client()
        assert client.get("/healthz").status_code == 200
        assert client.get("/api/clusters").status_code == 200
    restarted = OxigraphServer(tmp_path, union_default_graph=False, port=server.port)
    with restarted:
        assert client.get("/healthz").status_code == 503
        listed = client.get("/api/clusters")  # the pages' reads are refused from then on
        assert listed.status_code == 503 and UNION_HINT in listed.get_json()["message"]


def test_a_store_forgets_the_union_it_saw_once_its_server_could_not_be_reached(
        stored: Path, tmp_path: Path) -> None:
    """A server that went away may come back started otherwise: the next read asks again."""
    everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with _server(stored, tmp_path) as server:
        store = SparqlStore(server.query_endpoint)
        assert int(store.select(everything)[0]["n"]) > 0  # type: ignore[call-overload]
    try:
        with pytest.raises(SparqlEndpointError) as unreachable:
            store.select(everything)
        assert unreachable.value.status is None  # no HTTP answer at all
        with OxigraphServer(tmp_path, union_default_graph=False, port=server.port):
            with pytest.raises(NoAnswerError, match="--union-default-graph"):
                store.select(everything)  # not a count of the empty default graph
    finally:
        store.close()


@pytest.mark.parametrize("seen", [Literal(True), Literal(1)], ids=["boolean", "virtuoso-integer"])
def test_the_probe_reads_seen_as_a_boolean_or_as_virtuosos_integer(seen: Literal) -> None:
    assert unseen_graph({"graph": ONTOLOGY_GRAPH, "seen": seen}) is None
    assert unseen_graph({"graph": ONTOLOGY_GRAPH, "seen": Literal(False)}) == ONTOLOGY_GRAPH
