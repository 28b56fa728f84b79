"""The snapshot a web app reads (checker/snapshot_keeper.py): a fresh one made at start, never a
snapshot left from before; while none can be made (another process holds the store), pages, the
API and /sparql answer 503 "not readable yet", without a path, and the next request tries again;
the store is never shown empty while it holds clusters."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import URIRef

from checker import snapshot_keeper
from checker.ingest import ingest_files
from checker.paths import EXAMPLES_DIR
from checker.query_runner import current_snapshot, snapshot_dir_for
from checker.store import cluster_key, open_configured_store
from checker.store.summary import SUMMARY_GRAPH
from web import data
from web.data import start_notes, write_store

from tests.conftest import store_files

# Holds a directory store, as `bcic ingest` or a slow `bcic query` does, until its stdin closes.
HOLDER = ("import sys, pyoxigraph; store = pyoxigraph.Store(sys.argv[1]); print('held', "
          "flush=True); sys.stdin.read()")
DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
ASK = "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"
DEHUA_PAGE = "/clusters/" + cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))


def _ingest(store_dir: Path, times: int = 1) -> None:
    """Store the Dehua sample `times` more times and publish a snapshot, as `bcic ingest` does."""
    store_files(store_dir, [DEHUA] * times)


def _latest_revision(app) -> int:  # type: ignore[no-untyped-def]
    answer = app.test_client().get("/api/clusters")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    [cluster] = answer.get_json()["clusters"]
    return int(cluster["latest"]["number"])


def test_a_snapshot_left_from_before_a_restore_is_not_served(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    store_dir = tmp_path / "store"
    _ingest(store_dir)
    shutil.copytree(store_dir, tmp_path / "backup")  # the backup holds revision 1
    _ingest(store_dir)  # revision 2, in the store and its snapshot
    shutil.rmtree(store_dir)
    shutil.copytree(tmp_path / "backup", store_dir)  # restored; the snapshots were left
    app = make_web_app(store_dir)
    assert _latest_revision(app) == 1
    answer = app.test_client().get("/sparql", query_string={"query": (
        "ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRENDS(STR(?g), '/2')) }")},
        headers={"Accept": "application/sparql-results+json"})
    assert answer.get_json()["boolean"] is False


@pytest.fixture
def held_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A store of one cluster with no snapshot, held by another process until `release()`."""
    store_dir = tmp_path / "store"
    _ingest(store_dir)
    shutil.rmtree(snapshot_dir_for(store_dir))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store_dir)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"

    def release() -> None:
        holder.communicate("", timeout=30)

    yield store_dir, release
    if holder.poll() is None:
        release()


@pytest.mark.parametrize("path", ["/api/clusters", "/", DEHUA_PAGE, ASK,
                                  "/api/queries/clusters-by-conformance"])
def test_a_store_held_at_start_is_never_shown_empty_and_is_read_once_free(
        held_store, make_web_app, monkeypatch: pytest.MonkeyPatch, path: str,
        caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    store_dir, release = held_store
    monkeypatch.setattr(snapshot_keeper, "RETRY_SECONDS", 0.0)
    app = make_web_app(store_dir)
    client = app.test_client()
    for lang, said in (("en", "the store cannot be read yet; try again"),
                       ("zh", "暂时还无法读取存储，请稍后重试")):
        answer = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}",
                            headers={"Accept": "application/json"})
        assert answer.status_code == 503
        assert answer.get_json()["message"] == said
        assert str(store_dir.parent) not in answer.get_data(as_text=True)
    assert str(store_dir) in caplog.text  # the operator's log says which store and why
    release()
    assert client.get(path).status_code != 503  # tried again on this request: read now
    assert _latest_revision(app) == 1


def test_a_store_that_does_not_exist_is_empty_to_pages_and_refused_to_queries_without_a_path(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    store_dir = tmp_path / "typo-store"
    app = make_web_app(store_dir)
    client = app.test_client()
    assert client.get("/api/clusters").get_json()["clusters"] == []
    answer = client.get(ASK)
    assert answer.status_code == 503
    assert answer.get_json()["message"] == ("nothing has been stored yet: queries are answered "
                                            "once the first revision is stored")
    assert str(tmp_path) not in answer.get_data(as_text=True)
    assert not store_dir.exists() and not snapshot_dir_for(store_dir).exists()
    assert [note.text("en") for note in start_notes(app)] == [
        f"Warning: there is no store at {store_dir} yet; the first write (an upload, bcic "
        "ingest) will create it. If one should be there, check --store or BCIC_STORE."]


def test_a_snapshot_left_without_its_store_is_not_queried(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    store_dir = tmp_path / "store"
    _ingest(store_dir)
    shutil.rmtree(store_dir)  # moved away; its snapshots stay
    assert current_snapshot(snapshot_dir_for(store_dir)) is not None
    app = make_web_app(store_dir)
    assert app.test_client().get(ASK).status_code == 503
    assert app.test_client().get("/api/clusters").get_json()["clusters"] == []


def test_an_outdated_summary_is_said_at_start(tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    store_dir = tmp_path / "store"
    _ingest(store_dir)
    store = open_configured_store(str(store_dir))
    try:
        store._store.update(f"DROP GRAPH <{SUMMARY_GRAPH}>")  # as an older version left it
    finally:
        store.close()
    app = make_web_app(store_dir)
    assert [note.text("zh") for note in start_notes(app)] == [
        f"警告：存储的摘要图由另一版本的 bcic 写入：在运行 bcic reindex --store {store_dir} "
        "之前，结论、符合率和命名查询的结果可能有误或为空"]
    _ingest(store_dir)  # ingest rebuilds it
    assert start_notes(make_web_app(store_dir)) == []


def test_a_write_whose_snapshot_fails_stays_stored_and_is_shown_once_one_is_made(
        tmp_path: Path, make_web_app, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    store_dir = tmp_path / "store"
    _ingest(store_dir)
    app = make_web_app(store_dir)
    monkeypatch.setattr(snapshot_keeper, "RETRY_SECONDS", 0.0)
    made = snapshot_keeper.refresh_snapshot

    def full(store: object, snapshots: Path) -> Path:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(snapshot_keeper, "refresh_snapshot", full)
    with app.app_context(), write_store() as store:  # as an upload stores its revision
        ingest_files(store, [DEHUA], submitter="tests")
    assert "no query snapshot could be made of it" in caplog.text
    assert _latest_revision(app) == 1  # the older snapshot, while none can be made
    monkeypatch.setattr(snapshot_keeper, "refresh_snapshot", made)
    assert _latest_revision(app) == 2  # made on this request


class _StubStore:
    """Stands for a snapshot opened read-only: only closed."""

    def close(self) -> None:
        """Nothing to close."""


class _StubLease:
    """Stands for a snapshot's lease: only released."""

    def release(self) -> None:
        """Nothing to release."""


class _LockSayingWaits:
    """A lock that sets `waits` when a thread finds it taken, before it waits for it."""

    def __init__(self, waits: threading.Event) -> None:
        self._inner = threading.Lock()
        self.waits = waits

    def __enter__(self) -> None:
        if not self._inner.acquire(blocking=False):
            self.waits.set()
            self._inner.acquire()

    def __exit__(self, *_exc: object) -> None:
        self._inner.release()


def test_a_request_that_looked_before_a_write_never_reopens_the_older_snapshot(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Request A looks up the current snapshot S1; a write publishes S2 and request B comes
    before A has taken its store: S2 must stay the open one (before, A opened S1 again in its
    place, dropping S2's kept pages, and the next request opened S2 once more)."""
    s1, s2 = tmp_path / "snapshot-1", tmp_path / "snapshot-2"
    opens: list[str] = []
    monkeypatch.setattr(data, "_opened_snapshot", lambda path: opens.append(path.name)
                        or _StubStore())
    monkeypatch.setattr(data, "take_lease", lambda _path: _StubLease())
    # B went on: it has read a snapshot, or it waits for the lock A holds while it looks up.
    a_looked, a_may_go, b_went_on = (threading.Event() for _ in range(3))

    class Keeper:
        """The current snapshot; request A's look-up pauses after it has found S1."""

        current_snapshot = s1

        def current(self) -> Path:
            found = self.current_snapshot
            if threading.current_thread().name == "request-a":
                a_looked.set()
                a_may_go.wait()
            return found

    keeper = Keeper()
    reader = data.SnapshotReader(str(tmp_path / "store"), keeper, "auto")  # type: ignore[arg-type]
    reader._lock = _LockSayingWaits(b_went_on)  # type: ignore[assignment]
    reader.release(reader.acquire())  # S1 opened and read
    lent: dict[str, str] = {}

    def request(name: str) -> None:
        opened = reader.acquire()
        assert opened.snapshot is not None
        lent[name] = opened.snapshot.name
        reader.release(opened)
        b_went_on.set()

    a = threading.Thread(target=request, args=("a",), name="request-a")
    a.start()
    a_looked.wait()
    keeper.current_snapshot = s2  # a write publishes S2
    b = threading.Thread(target=request, args=("b",), name="request-b")
    b.start()
    b_went_on.wait()
    a_may_go.set()
    a.join()
    b.join()
    reader.release(reader.acquire())  # a later request reads S2
    assert lent["b"] == "snapshot-2" and lent["a"] in ("snapshot-1", "snapshot-2")
    assert opens == ["snapshot-1", "snapshot-2"]
