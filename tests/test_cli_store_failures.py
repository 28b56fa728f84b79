"""The store's failures said for what they are (docs/store.md, "When the store fails"): a full
disk after a committed write says the revision was stored, a damaged store says to restore it
from a backup, a store on a read-only mount is read as it is and refused to writers; none is an
internal error (exit 3)."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from click.testing import CliRunner, Result

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.store import oxigraph_store

DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
DEHUA_CLUSTER = "https://example.org/cluster/dehua/cluster"


class _FullDisk:
    """A pyoxigraph store whose writes commit (to its write-ahead log) but whose flush to table
    files fails, as on a full disk."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self._store = store

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "IO error: No space left on device: While appending to "
                                    "file: store/000220.sst: No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _bcic(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every directory store opened for writing from now on has a full disk."""
    opened = oxigraph_store._open_waiting
    monkeypatch.setattr(oxigraph_store, "_open_waiting",
                        lambda path, wait: _FullDisk(opened(path, wait)))


@pytest.fixture
def store(tmp_path: Path) -> str:
    """A store holding revision 1 of Dehua, and the rule graphs."""
    location = str(tmp_path / "store")
    assert _bcic("ingest", DEHUA, "--store", location).exit_code == 0
    return location


def test_a_flush_failing_after_the_commit_says_the_revision_was_stored(
        store: str, full_disk: None) -> None:
    result = _bcic("ingest", DEHUA, "--store", store, "--lang", "zh")
    assert result.exit_code == 4, result.output
    assert (f"错误：{DEHUA_CLUSTER} 的第 2 版已存储（请勿重复提交），但存储随后未能将其写入"
            "磁盘（[Errno 28] IO error: No space left on device") in result.stderr
    assert "存储出错" not in result.stderr  # not "the store failed", as if nothing was stored
    assert "revision 2" in _bcic("history", DEHUA_CLUSTER, "--store", store).output


def test_a_deletion_whose_flush_fails_says_it_was_deleted(store: str, full_disk: None) -> None:
    result = _bcic("delete-revision", DEHUA_CLUSTER, "1", "--reason", "uploaded twice",
                   "--store", store)
    assert result.exit_code == 4
    assert f"revision 1 of {DEHUA_CLUSTER} was deleted, but the store could not" in result.stderr


class _FullLog(_FullDisk):
    """A pyoxigraph store whose write-ahead log cannot grow: a write fails whole."""

    def extend(self, quads: object) -> None:
        raise OSError(errno.ENOSPC, "IO error: No space left on device: While appending to "
                                    "file: store/000216.log: No space left on device")


def test_a_write_failing_whole_says_nothing_was_stored_and_is_no_internal_error(
        store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = oxigraph_store._open_waiting
    monkeypatch.setattr(oxigraph_store, "_open_waiting",
                        lambda path, wait: _FullLog(opened(path, wait)))
    result = _bcic("ingest", DEHUA, "--store", store)
    assert result.exit_code == 4, result.output
    assert "Error: nothing of this write was stored (the store failed: [Errno 28]" in result.stderr
    monkeypatch.undo()
    assert "revision 2" not in _bcic("history", DEHUA_CLUSTER, "--store", store).output


def _damage(store: Path, how: str) -> None:
    if how == "CURRENT":
        (store / "CURRENT").write_text("")
    else:
        largest = max(store.glob("*.sst"), key=lambda p: p.stat().st_size)
        with largest.open("r+b") as table:
            table.truncate(5000)


@pytest.mark.parametrize("how", ["CURRENT", "sst"])
@pytest.mark.parametrize("command", [["clusters"], ["ingest", DEHUA],
                                     ["query", "ASK { ?s ?p ?o }"]])
def test_a_damaged_store_is_named_with_what_to_do_not_an_internal_error(
        tmp_path: Path, how: str, command: list[str]) -> None:
    store = tmp_path / "store"
    assert _bcic("ingest", DEHUA, "--store", str(store)).exit_code == 0
    _damage(store, how)
    for lang, said in (("en", f"the store at {store} is damaged (Corruption: "),
                       ("zh", f"{store} 处的存储已损坏（Corruption: ")):
        result = _bcic(*command, "--store", str(store), "--lang", lang)
        assert result.exit_code == 4, result.output
        assert said in result.stderr
        assert ("restore it from a backup" if lang == "en" else "请从备份恢复") in result.stderr


@pytest.fixture
def read_only_mount(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A store whose directory is on a read-only mount: writing there fails as it would (root
    may write anywhere else, so the mount is what the store sees, not the permissions)."""
    store = tmp_path / "store"
    assert _bcic("ingest", DEHUA, "--store", str(store)).exit_code == 0
    from checker import store as store_package
    from checker.store import location

    for module in (store_package, oxigraph_store, location):
        monkeypatch.setattr(module, "on_read_only_mount", lambda path: True, raising=False)
    monkeypatch.setattr(oxigraph_store, "writable", lambda path: False)

    def refused(path: Path, wait: float) -> pyoxigraph.Store:
        raise OSError("IO error: While open a file for appending: store/LOG: Read-only file "
                      "system")
    monkeypatch.setattr(oxigraph_store, "_open_waiting", refused)
    return store


@pytest.mark.parametrize("command", [["clusters"], ["history", DEHUA_CLUSTER],
                                     ["query", "ASK { ?s ?p ?o }"]])
def test_readers_read_a_store_on_a_read_only_mount(read_only_mount: Path,
                                                   command: list[str]) -> None:
    result = _bcic(*command, "--store", str(read_only_mount))
    assert result.exit_code == 0, result.output
    assert ("Dehua" in result.output or "revision 1" in result.output
            or result.output.strip() == "true")


@pytest.mark.parametrize("command", [["clusters"], ["history", DEHUA_CLUSTER],
                                     ["query", "ASK { ?s ?p ?o }"]])
def test_a_reader_of_a_directory_it_cannot_write_is_told_why_not_sent_to_itself(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: list[str]) -> None:
    """Another user's store (not on a read-only mount): the reader was told "this command
    writes; the commands that only read (clusters, history, query) read it as it is"."""
    store = tmp_path / "store"
    assert _bcic("ingest", DEHUA, "--store", str(store)).exit_code == 0
    from checker import store as store_package

    monkeypatch.setattr(store_package, "writable", lambda path: False)
    result = _bcic(*command, "--store", str(store), "--lang", "zh")
    assert result.exit_code == 2, result.output
    assert (f"本进程无法打开存储目录 {store}（权限不足）：即使只读的命令也要获取存储的锁"
            in result.stderr)
    assert "clusters、history" not in result.stderr


def test_a_writer_on_a_read_only_mount_is_told_the_directory_cannot_be_written(
        read_only_mount: Path) -> None:
    result = _bcic("ingest", DEHUA, "--store", str(read_only_mount), "--lang", "zh")
    assert result.exit_code == 2, result.output
    assert f"无法写入存储目录 {read_only_mount}（只读文件系统）" in result.stderr


def test_an_ingest_whose_snapshot_cannot_be_made_says_the_revision_was_stored(
        store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import ingest

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(ingest, "refresh_snapshot", full)
    result = _bcic("ingest", DEHUA, "--store", store)
    assert result.exit_code == 4, result.output
    assert (f"revision 2 of {DEHUA_CLUSTER} was stored (do not send it again), but the query "
            "snapshot could not be made ([Errno 28] No space left on device)") in result.stderr
