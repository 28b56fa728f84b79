"""RocksDB's rotated info logs are kept to the newest few in a store directory (docs/store.md,
"RocksDB's info logs"): reading the live store does not grow it by a log per command, nothing
else is ever deleted, and a store that cannot be written is still read."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.store import info_logs, oxigraph_store
from checker.store.info_logs import KEPT_INFO_LOGS, prune_info_logs
from checker.store.oxigraph_store import OxigraphStore

DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
DEHUA_CLUSTER = "https://example.org/cluster/dehua/cluster"


def _bcic(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _rotated(store: Path) -> list[str]:
    return sorted(p.name for p in store.glob("LOG.old.*"))


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding revision 1 of Dehua (copied per test: reads rotate its logs)."""
    location = tmp_path_factory.mktemp("logs") / "store"
    assert _bcic("ingest", DEHUA, "--store", str(location)).exit_code == 0
    return location


@pytest.fixture
def store(stored: Path, tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(stored, copy)
    return copy


def test_reading_the_live_store_again_and_again_keeps_only_the_newest_rotated_logs(
        store: Path) -> None:
    for command in (["clusters"], ["history", DEHUA_CLUSTER]) * 5:
        assert _bcic(*command, "--store", str(store)).exit_code == 0
    assert 0 < len(_rotated(store)) <= KEPT_INFO_LOGS
    assert (store / "LOG").is_file()
    assert "Dehua" in _bcic("clusters", "--store", str(store)).output


def test_only_rocksdbs_rotated_logs_are_pruned_the_oldest_by_their_time_stamp(
        tmp_path: Path) -> None:
    # Named time stamps, not modification times, say which is newest: 9 digits sort after 10.
    rotated = [f"LOG.old.{n}" for n in (1795967034330807, 999999999, 1795967037563971,
                                        1795967037637903, 1795967040000000, 1795967050000000,
                                        1795967060000000)]
    others = ["LOG", "LOG.old.", "LOG.old.12x", "LOG.old.1.bak", "xLOG.old.1", "LOG.older",
              "000008.log", "CURRENT", "MANIFEST-000005", "OPTIONS-000007"]
    for name in rotated + others:
        (tmp_path / name).write_text(name)
    (tmp_path / "LOG.old.5").mkdir()  # not a file: not a log of RocksDB's
    prune_info_logs(tmp_path, keep=5)
    newest = ["LOG.old.1795967037563971", "LOG.old.1795967037637903", "LOG.old.1795967040000000",
              "LOG.old.1795967050000000", "LOG.old.1795967060000000"]
    assert {p.name for p in tmp_path.iterdir()} == {*newest, *others, "LOG.old.5"}


def test_a_writer_refused_by_the_lock_leaves_no_more_rotated_logs(store: Path) -> None:
    for number in range(1, 9):
        (store / f"LOG.old.{number}").write_text("old")
    holder = OxigraphStore(store)
    try:
        with pytest.raises(oxigraph_store.StoreLockedError):
            OxigraphStore(store, lock_wait=1.0)  # five refused attempts, five rotations
        assert len(_rotated(store)) <= KEPT_INFO_LOGS
    finally:
        holder.close()


def test_a_log_that_cannot_be_deleted_fails_no_read(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(1, 9):
        (store / f"LOG.old.{number}").write_text("old")

    def refused(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    monkeypatch.setattr(info_logs.Path, "unlink", refused)
    result = _bcic("clusters", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert "Dehua" in result.output
    assert len(_rotated(store)) == 9  # the 8 left before and the one this read rotated


def test_a_store_on_a_read_only_mount_is_read_and_its_logs_left_as_they_are(
        store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(1, 9):
        (store / f"LOG.old.{number}").write_text("old")
    before = {p.name: p.read_bytes() for p in store.glob("LOG*")}
    from checker import store as store_package

    monkeypatch.setattr(store_package, "on_read_only_mount", lambda path: True)
    monkeypatch.setattr(info_logs.Path, "unlink", lambda *_: pytest.fail("deleted a log"))
    for command in (["clusters"], ["history", DEHUA_CLUSTER]):
        result = _bcic(*command, "--store", str(store))
        assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in store.glob("LOG*")} == before  # opened read-only
