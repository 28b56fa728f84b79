"""`bcic reindex` rebuilds the summary a batch of revisions per update (checker/store/summary.py,
docs/store.md "The summary graph"): in bounded memory whatever the store's size, with the same
facts as one update for all gave; stopped midway, the store still needs a reindex, and the next
one finishes it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import Phrase
from checker.paths import EXAMPLES_DIR
from checker.store import open_configured_store
from checker.store import summary as summary_module
from checker.store.oxigraph_store import OxigraphStore
from checker.store.summary import ACTUAL_VALUES_ROOT, SUMMARY_GRAPH, needs_reindex

SAMPLES = ("dehua-ceramics", "datang-socks", "meitan-tea")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the three samples, Datang twice: four revisions, their summary as ingest
    wrote it."""
    path = tmp_path_factory.mktemp("rebuild") / "store"
    for name in (*SAMPLES, "datang-socks"):
        result = CliRunner().invoke(main, ["ingest", str(EXAMPLES_DIR / f"{name}.ttl"),
                                           "--store", str(path)])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def store_copy(ingested: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(ingested, copy)
    return copy


def _derived(path: Path) -> set[tuple[str, str, str, str]]:
    """Every quad of the summary and actual-values graphs."""
    store = pyoxigraph.Store.read_only(str(path))
    rows = store.query(f"""SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(?g = <{SUMMARY_GRAPH}> || STRSTARTS(STR(?g), "{ACTUAL_VALUES_ROOT}")) }}""")
    return {tuple(str(row[name]) for name in ("g", "s", "p", "o")) for row in rows}


def _rebuild(path: Path) -> None:
    store = open_configured_store(str(path))
    try:
        store.rebuild_summary()
    finally:
        store.close()


@pytest.mark.parametrize("batch", [1, 3, 50])
def test_a_rebuild_in_batches_gives_the_facts_ingest_wrote(
        batch: int, ingested: Path, store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary_module, "REBUILD_BATCH", batch)
    written = _derived(ingested)
    assert len({quad[0] for quad in written}) > 100  # the summary and many values graphs
    _rebuild(store_copy)
    assert _derived(store_copy) == written


def test_a_rebuild_stopped_midway_leaves_the_store_needing_one_and_the_next_finishes(
        ingested: Path, store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = OxigraphStore._write
    writes: list[str] = []

    def stopped_after_two(self: OxigraphStore, action: Callable[[pyoxigraph.Store], None],
                          written: Phrase) -> None:
        if len(writes) == 2:  # the old summary removed, the first batch written
            raise KeyboardInterrupt  # as an operator's Ctrl-C
        writes.append(written.key)
        real(self, action, written)

    monkeypatch.setattr(summary_module, "REBUILD_BATCH", 2)
    monkeypatch.setattr(OxigraphStore, "_write", stopped_after_two)
    with pytest.raises(KeyboardInterrupt):
        _rebuild(store_copy)
    monkeypatch.undo()
    assert writes == ["store.written.summary_part"] * 2
    store = open_configured_store(str(store_copy))
    try:
        assert needs_reindex(store)
    finally:
        store.close()
    result = CliRunner().invoke(main, ["reindex", "--store", str(store_copy)])
    assert result.exit_code == 0, result.output
    assert _derived(store_copy) == _derived(ingested)
