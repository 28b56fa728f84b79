"""The remote SPARQL store keeps the store contract on a SPARQL 1.1 server that is not Virtuoso:
the Oxigraph server (tests/oxigraph_server.py), through the generic engine's path.

One server for the module, on a loopback port, with the union default graph docs/store.md asks
for. Without the oxigraph binary these tests fail, never skip: `make install` installs it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.store import Store, open_store, submission_graph_iri
from checker.store.sparql_store import SparqlStore
from checker.tokens import TokenFile

from oxigraph_server import OxigraphNotInstalledError, OxigraphServer, require_binary
from store_contract import Reopen, StoreContract, Writer

WRITER_WAIT = 120.0  # seconds a writer at once waits for its turn: the machine may be busy


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """One Oxigraph server for the module, stopped at its end whatever happened."""
    try:
        require_binary()
    except OxigraphNotInstalledError as error:  # fail, never skip: `make install` installs it
        pytest.fail(str(error), pytrace=False)
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph-server")) as server:
        yield server


def _generic(server: OxigraphServer, **options: object) -> SparqlStore:
    return SparqlStore(server.query_endpoint, server.update_endpoint, engine="generic",
                       lock_wait=WRITER_WAIT, **options)  # type: ignore[arg-type]


class TestOxigraphServerStore(StoreContract):
    """The contract over /query and /update with BCIC_STORE_ENGINE=generic; `reopen` opens a
    new client on the same server, and so does each writer at once."""

    @pytest.fixture
    def store(self, oxigraph_server: OxigraphServer) -> Iterator[Store]:
        opened = _generic(oxigraph_server)
        yield opened
        opened.close()

    @pytest.fixture
    def reopen(self, oxigraph_server: OxigraphServer) -> Reopen:
        def reopen(old: Store) -> Store:
            old.close()
            return _generic(oxigraph_server)

        return reopen

    @pytest.fixture
    def writer(self, oxigraph_server: OxigraphServer) -> Writer:
        return lambda _store: _generic(oxigraph_server)


class TestOxigraphServerStoreWithGraphStore(StoreContract):
    """The contract through the registry under `auto`, reading named graphs through the Graph
    Store Protocol (/store)."""

    @staticmethod
    def _open(server: OxigraphServer) -> Store:
        return open_store("sparql", query_endpoint=server.query_endpoint,
                          update_endpoint=server.update_endpoint,
                          graph_store_endpoint=server.graph_store_endpoint,
                          lock_wait=WRITER_WAIT)

    @pytest.fixture
    def store(self, oxigraph_server: OxigraphServer) -> Iterator[Store]:
        opened = self._open(oxigraph_server)
        yield opened
        opened.close()

    @pytest.fixture
    def reopen(self, oxigraph_server: OxigraphServer) -> Reopen:
        def reopen(old: Store) -> Store:
            old.close()
            return self._open(oxigraph_server)

        return reopen

    @pytest.fixture
    def writer(self, oxigraph_server: OxigraphServer) -> Writer:
        return lambda _store: self._open(oxigraph_server)


def test_auto_takes_the_oxigraph_server_for_a_generic_sparql_server(
        oxigraph_server: OxigraphServer) -> None:
    """Its Server header says `Oxigraph/…`: under `auto` no Virtuoso pragma, no Virtuoso texts."""
    store = SparqlStore(oxigraph_server.query_endpoint, oxigraph_server.update_endpoint)
    try:
        assert store.query_engine == "sparql"
        assert (store._client.server or "").startswith("Oxigraph/")
    finally:
        store.close()


DEHUA = URIRef("https://example.org/cluster/dehua/cluster")
MEITAN = URIRef("https://example.org/cluster/meitan/cluster")
SUMMARY = "https://w3id.org/bcic/graph/summary"
REVISION_1 = submission_graph_iri(DEHUA, 1)


def test_the_command_line_stores_and_reads_revisions_on_the_oxigraph_server(
        oxigraph_server: OxigraphServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command docs/store.md gives: queries to /query (`--store`), updates to /update
    (BCIC_STORE_UPDATE)."""
    monkeypatch.setenv("BCIC_STORE_UPDATE", oxigraph_server.update_endpoint)
    store = ["--store", oxigraph_server.query_endpoint]
    for _ in range(2):
        ingested = CliRunner().invoke(main, ["ingest", str(EXAMPLES_DIR / "dehua-ceramics.ttl"),
                                             *store])
        assert ingested.exit_code == 0, ingested.output
    deleted = CliRunner().invoke(main, ["delete-revision", str(DEHUA), "2",
                                         "--reason", "uploaded twice", *store])
    assert deleted.exit_code == 0, deleted.output
    history = CliRunner().invoke(main, ["history", str(DEHUA), *store])
    assert history.exit_code == 0 and "revision 1 " in history.output, history.output
    # Revision 2 is listed deleted in its place, its number not given again (docs/store.md).
    revision_2 = [line for line in history.output.splitlines() if line.startswith("revision 2 ")]
    assert len(revision_2) == 1 and " deleted on " in revision_2[0], history.output
    # FROM reads the summary graph alone, as GRAPH does: not the union the server's default is.
    counts = [CliRunner().invoke(main, ["query", f"SELECT (COUNT(*) AS ?n) {where}", *store,
                                        "--format", "csv"]).output
              for where in (f"FROM <{SUMMARY}> WHERE {{ <{REVISION_1}> ?p ?o }}",
                            f"WHERE {{ GRAPH <{SUMMARY}> {{ <{REVISION_1}> ?p ?o }} }}")]
    assert counts[0] == counts[1] and counts[0].splitlines()[1] != "0", counts


def test_an_evaluator_stores_a_revision_through_the_web_app_on_the_oxigraph_server(
        oxigraph_server: OxigraphServer, monkeypatch: pytest.MonkeyPatch,
        make_web_app) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BCIC_STORE_UPDATE", oxigraph_server.update_endpoint)
    app = make_web_app(oxigraph_server.query_endpoint)
    _record, token = TokenFile(app.config["BCIC_TOKENS"]).create("evaluator")
    created = app.test_client().post(
        "/api/clusters/revisions", data=(EXAMPLES_DIR / "meitan-tea.ttl").read_bytes(),
        headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {token}"})
    assert created.status_code == 201, created.get_json()
    store = _generic(oxigraph_server)
    try:
        assert [r.number for r in store.revisions(MEITAN)] == [1]
    finally:
        store.close()
    home = app.test_client().get("/?lang=zh").get_data(as_text=True)
    assert str(MEITAN) in home
