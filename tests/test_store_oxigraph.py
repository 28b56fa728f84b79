"""The embedded Oxigraph store keeps the store contract, in memory and in a directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from checker.errors import InputError, QueryRefusedError, StoreError
from checker.namespaces import BCIC
from checker.store import Store, open_configured_store, open_store
from checker.store.oxigraph_store import OxigraphStore

from store_contract import Reopen, StoreContract, Writer, make_record, new_cluster


class TestInMemoryStore(StoreContract):
    """The contract on a store that lives in memory; writers at once share it (threads)."""

    @pytest.fixture
    def store(self) -> Iterator[Store]:
        store = open_store("oxigraph")
        yield store
        store.close()

    @pytest.fixture
    def reopen(self) -> Reopen:
        return lambda store: store

    @pytest.fixture
    def writer(self) -> Writer:
        return lambda store: store


class TestDirectoryStore(StoreContract):
    """The contract on a store in a directory, closed and reopened before every check; writers
    at once share the one store the process holds (threads), as the web app's do."""

    @pytest.fixture
    def writer(self) -> Writer:
        return lambda store: store

    @pytest.fixture
    def opened(self, tmp_path: Path) -> Iterator[list[Store]]:
        opened: list[Store] = [open_store("oxigraph", path=tmp_path / "store")]
        yield opened
        opened[-1].close()

    @pytest.fixture
    def store(self, opened: list[Store]) -> Store:
        return opened[0]

    @pytest.fixture
    def reopen(self, opened: list[Store], tmp_path: Path) -> Reopen:
        def reopen(store: Store) -> Store:
            store.close()
            opened.append(open_store("oxigraph", path=tmp_path / "store"))
            return opened[-1]

        return reopen


def test_directory_store_is_persistent_and_memory_store_is_not(tmp_path: Path) -> None:
    memory, directory = open_store("oxigraph"), open_store("oxigraph", path=tmp_path / "s")
    assert (memory.persistent, memory.remote) == (False, False)
    assert (directory.persistent, directory.remote) == (True, False)
    memory.close()
    directory.close()


def test_second_writer_on_the_same_directory_is_refused(tmp_path: Path) -> None:
    first = open_store("oxigraph", path=tmp_path / "s")
    with pytest.raises(StoreError, match="another process"):
        open_store("oxigraph", path=tmp_path / "s")
    first.close()
    open_store("oxigraph", path=tmp_path / "s").close()  # the lock went with close()


def test_backup_is_a_snapshot_another_store_can_read(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "live")
    record, info = make_record(new_cluster(), 1)
    store.add_revision(record)
    store.backup(tmp_path / "snapshot")
    snapshot = OxigraphStore(tmp_path / "snapshot", read_only=True)
    assert snapshot.revisions(info.cluster) == [info]
    snapshot.close()
    store.close()


def test_each_write_leaves_memory_for_files_on_disk(tmp_path: Path) -> None:
    """Writes are flushed from RocksDB's buffers into table files at once, so a process writing
    many revisions (a server, `bcic ingest` of many files) stays at its own size."""
    store = OxigraphStore(tmp_path / "s")
    for number in (1, 2):
        tables = set((tmp_path / "s").glob("*.sst"))
        record, _info = make_record(new_cluster(), number)
        store.add_revision(record)
        assert set((tmp_path / "s").glob("*.sst")) - tables, f"revision {number} left no table"
    store.close()


def test_revision_whose_provenance_describes_another_is_refused() -> None:
    store = open_store("oxigraph")
    record, _ = make_record(new_cluster(), 1)
    wrong = type(record)(record.cluster, 2, record.submission, record.report, record.provenance)
    with pytest.raises(InputError, match="does not describe"):
        store.add_revision(wrong)
    assert store.revisions() == []


def test_reused_blank_nodes_stay_apart_between_revisions() -> None:
    store = open_store("oxigraph")
    cluster = new_cluster()
    first, _ = make_record(cluster, 1, marker="one")
    store.add_revision(first)
    second, _ = make_record(cluster, 2, marker="two")
    for triple in first.submission:  # the very same blank node in both revisions
        second.submission.add(triple)
    store.add_revision(second)
    rows = store.select(f"SELECT ?m WHERE {{ ?b <{BCIC.cultivates}> <{cluster}> ; "
                        "<https://example.org/contract/marker> ?m }")
    assert sorted(str(r["m"]) for r in rows) == ["one", "one", "two"]
    assert len(store.named_graph(first.submission_graph)) == len(first.submission)


def test_update_passed_as_a_query_is_refused() -> None:
    store = open_store("oxigraph")
    with pytest.raises(QueryRefusedError):
        store.select("INSERT DATA { <https://e/a> <https://e/b> <https://e/c> }")
    assert not store.ask("ASK { ?s ?p ?o }")


def test_deeply_nested_query_is_refused_before_any_parser() -> None:
    store = open_store("oxigraph")
    with pytest.raises(QueryRefusedError, match="nested"):
        store.select("SELECT * WHERE " + "{" * 3000 + "}" * 3000)


def test_a_function_the_engine_does_not_know_is_a_refused_query() -> None:
    store = open_store("oxigraph")
    with pytest.raises(QueryRefusedError, match="does not support.*example.org/fn"):
        store.select('SELECT ?o WHERE { VALUES ?o { "a" } FILTER(<https://example.org/fn>(?o)) }')


def test_query_of_the_wrong_form_is_refused() -> None:
    store = open_store("oxigraph")
    with pytest.raises(QueryRefusedError, match="expected a SELECT"):
        store.select("ASK { ?s ?p ?o }")


def test_closed_store_refuses_work() -> None:
    store = open_store("oxigraph")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.revisions()


def test_unknown_backend_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown store backend"):
        open_store("berkeleydb")


def test_unknown_backend_option_is_an_input_error() -> None:
    with pytest.raises(InputError, match="bad options"):
        open_store("oxigraph", directory="var/store")


def test_location_maps_to_a_directory_store_and_defaults_to_var_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BCIC_STORE", raising=False)
    store = open_configured_store(None)
    assert isinstance(store, OxigraphStore) and store.path == Path("var/store")
    store.close()
    monkeypatch.setenv("BCIC_STORE", str(tmp_path / "elsewhere"))
    store = open_configured_store(None)
    assert isinstance(store, OxigraphStore) and store.path == tmp_path / "elsewhere"
    store.close()


def test_reader_of_a_missing_directory_is_told_there_is_no_store(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no store"):
        open_configured_store(str(tmp_path / "nowhere"), create=False)
    assert not (tmp_path / "nowhere").exists()


def test_url_location_opens_the_sparql_backend_with_both_endpoints(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    from checker import store as registry

    monkeypatch.setitem(registry._BACKENDS, "sparql",
                        lambda: lambda **options: seen.update(options) or open_store("oxigraph"))
    monkeypatch.setenv("BCIC_STORE_UPDATE", "https://kg.example.org/update")
    monkeypatch.setenv("BCIC_STORE_USER", "writer")
    monkeypatch.setenv("BCIC_STORE_PASSWORD", "secret")
    open_configured_store("https://kg.example.org/query").close()
    assert seen == {"query_endpoint": "https://kg.example.org/query",
                    "update_endpoint": "https://kg.example.org/update", "engine": "auto",
                    "lock_wait": 0.0, "username": "writer", "password": "secret"}


def test_literal_terms_round_trip_through_the_store() -> None:
    store = open_store("oxigraph")
    record, _ = make_record(new_cluster(), 1)
    values = [Literal("多行\n文本", lang="zh"), Literal("0.5", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#decimal")), Literal('quote " and \\ slash'), Literal(7),
        Literal("2024-05-01T09:30:15+00:00", datatype=URIRef(
            "http://www.w3.org/2001/XMLSchema#dateTime"))]
    for value in values:
        record.submission.add((record.cluster, URIRef("https://e/value"), value))
    store.add_revision(record)
    stored = set(store.named_graph(record.submission_graph).objects(record.cluster,
                                                                     URIRef("https://e/value")))
    assert stored == set(values)
