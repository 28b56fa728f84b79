"""Every named query gives the embedded store's answer on a real Virtuoso holding the same
revisions, so the library serves a remote store too (checker/queries/README.md, "On a remote
store").

A query with a Virtuoso text (checker/queries/README.md, "Texts per engine") runs it there, so
both its texts are also compared with each other on Virtuoso. Answers are compared as
tests/virtuoso_answers.py says. Without virtuoso-t these tests fail, never
skip: `make system-packages` installs it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import URIRef

from checker.ingest import ingest_files
from checker.queries import bind, get_query, list_queries, run_named_query
from checker.store import Store, open_store

from test_named_queries import CHAOZHOU, DATANG, DEHUA, JINGDEZHEN, MEITAN, uneven_datang
from test_named_queries_units import assert_own_rows_first, unit_files
from virtuoso import VirtuosoNotInstalledError, VirtuosoServer, require_binaries
from virtuoso_answers import Row, comparable_answer

PARAMS: dict[str, list[dict[str, str]]] = {
    "indicators-vs-targets": [{"cluster": str(DEHUA)}, {"cluster": str(DEHUA), "year": "2024"},
                              {"cluster": str(DATANG)}],
    "indicators-vs-history": [{"cluster": str(DATANG)}, {"cluster": str(DEHUA)}],
    "indicators-vs-benchmark": [{"cluster": str(DEHUA)},
                                {"cluster": str(DEHUA), "benchmark": str(JINGDEZHEN)},
                                {"cluster": str(DEHUA), "benchmark": str(CHAOZHOU)},
                                {"cluster": str(DATANG), "benchmark": str(MEITAN)}],
    "indicators-vs-competitors": [{"cluster": str(DEHUA)}],
    "indicator-trends": [{}, {"code": "a.1.1"}, {"code": "b.1.1"},
                         {"cluster": str(DEHUA), "fromYear": "2022"}],
}
CASES = [(q.name, values) for q in list_queries() for values in PARAMS.get(q.name, [{}])]
ENGINE_CASES = [(name, values) for name, values in CASES
                if "virtuoso" in get_query(name).variants]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store]]:
    """(embedded, Virtuoso), each given the files of test_named_queries_units.py (the three
    samples, Dehua's second revision stating its industry scale in two units and figures about its
    competitor Chaozhou, Jingdezhen's and Chaozhou's own submissions), then Datang's second
    revision (a year missing, years written as integers: `uneven_datang`)."""
    try:
        require_binaries()
    except VirtuosoNotInstalledError as error:
        pytest.fail(str(error), pytrace=False)
    folder = tmp_path_factory.mktemp("named-queries-virtuoso")
    uneven = folder / "datang-r2.ttl"
    uneven_datang().serialize(uneven, format="turtle")
    files = unit_files(folder) + [uneven]
    with VirtuosoServer(folder / "virtuoso") as server:
        embedded = open_store("oxigraph", path=None)
        remote = open_store("sparql", query_endpoint=server.endpoint,
                            update_endpoint=server.endpoint)
        for path in files:
            ingest_files(embedded, [path])
            ingest_files(remote, [path])
        yield embedded, remote
        embedded.close()
        remote.close()


def answer(store: Store, name: str, values: dict[str, str]) -> list[Row]:
    return comparable_answer(run_named_query(store, name, values))


@pytest.mark.parametrize(("name", "values"), CASES,
                         ids=[f"{n}-{'&'.join(f'{k}={v}' for k, v in p.items())}"
                              for n, p in CASES])
def test_virtuoso_gives_the_embedded_stores_answer(stores: tuple[Store, Store], name: str,
                                                   values: dict[str, str]) -> None:
    embedded, remote = stores
    expected = answer(embedded, name, values)
    assert expected, name  # every case has rows to compare
    assert answer(remote, name, values) == expected


def test_the_remote_store_knows_its_server_is_virtuoso(stores: tuple[Store, Store]) -> None:
    assert stores[0].query_engine == "oxigraph" and stores[1].query_engine == "virtuoso"


@pytest.mark.parametrize(("name", "values"), ENGINE_CASES,
                         ids=[f"{n}-{'&'.join(f'{k}={v}' for k, v in p.items())}"
                              for n, p in ENGINE_CASES])
def test_the_standard_and_the_virtuoso_text_give_the_same_rows_on_virtuoso(
        stores: tuple[Store, Store], name: str, values: dict[str, str]) -> None:
    remote = stores[1]
    standard = comparable_answer(remote.select(bind(get_query(name), values)))
    assert standard  # rows to compare
    assert answer(remote, name, values) == standard


@pytest.mark.parametrize(("name", "values", "peer"), [
    ("indicators-vs-competitors", {"cluster": str(DEHUA)}, CHAOZHOU),
    ("indicators-vs-benchmark", {"cluster": str(DEHUA), "benchmark": str(CHAOZHOU)}, CHAOZHOU)])
def test_virtuoso_gives_a_peers_own_figures_first(stores: tuple[Store, Store], name: str,
                                                  values: dict[str, str], peer: URIRef) -> None:
    """The order the standard text gives (docs/model.md, decision 8) holds on Virtuoso too."""
    rows = run_named_query(stores[1], name, values)
    assert {r["sourceCluster"] for r in rows} >= {peer, DEHUA}
    assert_own_rows_first(rows, peer)
