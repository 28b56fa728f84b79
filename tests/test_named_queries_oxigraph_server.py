"""Every named query gives the embedded store's answer on a SPARQL 1.1 server that is not
Virtuoso — the Oxigraph server (tests/oxigraph_server.py), read through the generic engine —
holding the same revisions (those of tests/test_named_queries_virtuoso.py: the samples, twins that
tie with Datang and Dehua, figures stated twice, modes of a cluster's own), row for row in the
same order and term for term (tests/virtuoso_answers.py), through the library, the command line
(`bcic queries run --store URL`) and the web app's API. Without the oxigraph binary these tests
fail, never skip: `make install` installs it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.ingest import ingest_files
from checker.queries import run_named_query
from checker.query_api import plain_value
from checker.store import Store, open_store
from checker.store.sparql_terms import rows_from_json

from oxigraph_server import OxigraphNotInstalledError, OxigraphServer, require_binary
from test_named_queries_virtuoso import CASES, compared_files
from virtuoso_answers import Row, ordered_answer

CASE_IDS = [f"{n}-{'&'.join(f'{k}={v}' for k, v in p.items())}" for n, p in CASES]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """One Oxigraph server for the module."""
    try:
        require_binary()
    except OxigraphNotInstalledError as error:  # fail, never skip: `make install` installs it
        pytest.fail(str(error), pytrace=False)
    with OxigraphServer(tmp_path_factory.mktemp("named-queries-oxigraph")) as running:
        yield running


@pytest.fixture(scope="module")
def stores(server: OxigraphServer, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[Store, Store]]:
    """(embedded, Oxigraph server under `auto`), each given the same files in the same order."""
    files = compared_files(tmp_path_factory.mktemp("named-queries-oxigraph-files"))
    embedded = open_store("oxigraph", path=None)
    remote = open_store("sparql", query_endpoint=server.query_endpoint,
                        update_endpoint=server.update_endpoint)
    for path in files:
        ingest_files(embedded, [path])
        ingest_files(remote, [path])
    yield embedded, remote
    embedded.close()
    remote.close()


def answer(store: Store, name: str, values: dict[str, str]) -> list[Row]:
    return ordered_answer(run_named_query(store, name, values))


@pytest.mark.parametrize(("name", "values"), CASES, ids=CASE_IDS)
def test_the_oxigraph_server_gives_the_embedded_stores_answer_in_its_order(
        stores: tuple[Store, Store], name: str, values: dict[str, str]) -> None:
    embedded, remote = stores
    expected = answer(embedded, name, values)
    assert len(expected) > 1, name  # every case has rows to compare and to order
    assert answer(remote, name, values) == expected


def test_the_remote_store_runs_the_standard_texts_there(stores: tuple[Store, Store]) -> None:
    assert stores[1].query_engine == "sparql"


@pytest.mark.parametrize(("name", "values"), CASES, ids=CASE_IDS)
def test_bcic_queries_run_on_the_oxigraph_server_gives_the_embedded_stores_rows(
        stores: tuple[Store, Store], server: OxigraphServer, monkeypatch: pytest.MonkeyPatch,
        name: str, values: dict[str, str]) -> None:
    """`bcic queries run NAME --store URL --format json`, the server's generic engine set."""
    monkeypatch.setenv("BCIC_STORE_ENGINE", "generic")
    params = [arg for key, value in values.items() for arg in ("--param", f"{key}={value}")]
    result = CliRunner().invoke(main, ["queries", "run", name, *params, "--store",
                                       server.query_endpoint, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = rows_from_json(json.loads(result.stdout))
    assert ordered_answer(rows) == answer(stores[0], name, values)


@pytest.mark.parametrize(("name", "values"), CASES, ids=CASE_IDS)
def test_the_named_query_api_on_the_oxigraph_server_gives_the_embedded_stores_rows(
        stores: tuple[Store, Store], server: OxigraphServer, make_web_app,  # type: ignore[no-untyped-def]
        name: str, values: dict[str, str]) -> None:
    """/api/queries/NAME on a web app whose BCIC_STORE is the server: the embedded store's rows
    in its order, each value as the API writes it (a revision's time aside, taken in at each
    store's own moment)."""
    expected = run_named_query(stores[0], name, values)
    client = make_web_app(server.query_endpoint).test_client()
    rows = client.get(f"/api/queries/{name}", query_string=values).get_json()["rows"]
    assert [{k: v for k, v in row.items() if k != "generated"} for row in rows] == [
        {k: plain_value(v) for k, v in row.items() if k != "generated"} for row in expected]
