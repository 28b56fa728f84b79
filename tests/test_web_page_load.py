"""Page load (web/data.py `remembered`, web/serving.py's health listener): the cluster pages and
the benchmark (9.3.2) read a snapshot once per request parameters and keep what they read while
the snapshot is the current one, at most MEMO_SIZE results; a new snapshot is read again; and
`bcic serve --health-port` answers `/healthz` while page traffic holds every thread of the main
port."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import URIRef

from checker.ingest import ingest_files, publish_for_queries
from checker.paths import EXAMPLES_DIR
from checker.store import cluster_key, open_configured_store
from checker.store.oxigraph_store import OxigraphStore
from web.data import MEMO_SIZE, SnapshotReader

DEHUA_KEY = cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))


@pytest.fixture
def store_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SELECT queries the app sends to its store from now on."""
    sent: list[str] = []
    select = OxigraphStore.select

    def counted(self: OxigraphStore, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        sent.append(str(query))
        return select(self, query, *args, **kwargs)

    monkeypatch.setattr(OxigraphStore, "select", counted)
    return sent


@pytest.mark.parametrize("path", ["/benchmark", f"/api/benchmark?cluster={DEHUA_KEY}",
                                  f"/clusters/{DEHUA_KEY}", f"/api/clusters/{DEHUA_KEY}/history",
                                  f"/api/clusters/{DEHUA_KEY}/indicators", "/", "/api/clusters"])
def test_a_cluster_page_read_again_on_the_same_snapshot_asks_the_store_nothing(
        path: str, sample_store: Path, make_web_app,  # type: ignore[no-untyped-def]
        store_reads: list[str]) -> None:
    client = make_web_app(sample_store).test_client()
    first = client.get(path)
    assert first.status_code == 200, first.get_data(as_text=True)
    assert store_reads, "the first request reads the store"
    store_reads.clear()
    again = client.get(path)
    assert again.status_code == 200
    assert again.get_data() == first.get_data()
    assert store_reads == []


def test_the_benchmark_in_the_other_language_is_the_same_data_shown_in_it(
        sample_store: Path, make_web_app,  # type: ignore[no-untyped-def]
        store_reads: list[str]) -> None:
    client = make_web_app(sample_store).test_client()
    assert client.get("/benchmark?lang=en").status_code == 200
    store_reads.clear()
    zh = client.get("/benchmark?lang=zh")
    assert zh.status_code == 200
    assert '<html lang="zh' in zh.get_data(as_text=True)
    assert store_reads == []


def _at_once(app: object, compute: Callable[[object], object], started: threading.Event,
             release: threading.Event, requests: int) -> tuple[list[object], object]:
    """`requests` threads asking the app's reader `remembered` for one key of one snapshot at
    once: the first computes until `release` (started once it does); the answers, in any order,
    and the snapshot (released)."""
    reader: SnapshotReader = app.extensions["bcic.reader"]  # type: ignore[attr-defined]
    opened = reader.acquire()
    answers: list[object] = []

    def ask() -> None:
        try:
            answers.append(reader.remembered(opened, "view", compute))  # type: ignore[arg-type]
        except RuntimeError as error:
            answers.append(error)

    threads = [threading.Thread(target=ask) for _ in range(requests)]
    try:
        for thread in threads:
            thread.start()
        assert started.wait(30)
        time.sleep(0.5)  # the others reach `remembered` meanwhile (no assert on time)
        release.set()
        for thread in threads:
            thread.join(30)
    finally:
        reader.release(opened)
    return answers, opened


def test_requests_for_one_view_at_once_share_one_computation(
        sample_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """Three evaluators opening /benchmark at once after a write computed it three times (the
    capacity test at 1,000 clusters: 92–94 s each): now the first computes, the others wait."""
    calls: list[int] = []
    started, release = threading.Event(), threading.Event()

    def compute(_store: object) -> object:
        calls.append(1)
        started.set()
        release.wait(30)
        return object()

    answers, opened = _at_once(make_web_app(sample_store), compute, started, release, 4)
    assert len(calls) == 1 and len(answers) == 4 and len({id(a) for a in answers}) == 1
    assert not opened.running


def test_a_shared_computation_that_failed_is_computed_again_by_the_next(
        sample_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """A failure is not kept nor handed to the requests that waited (its words are in the first
    request's language): the next computes it itself."""
    calls: list[int] = []
    started, release = threading.Event(), threading.Event()

    def compute(_store: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            started.set()
            release.wait(30)
            raise RuntimeError("the first failed")
        return "computed again"

    answers, opened = _at_once(make_web_app(sample_store), compute, started, release, 3)
    assert len(calls) == 2 and not opened.running
    assert sorted(map(str, answers)) == ["computed again", "computed again", "the first failed"]


def test_the_pages_kept_are_bounded_and_the_oldest_is_read_again(
        sample_store: Path, make_web_app,  # type: ignore[no-untyped-def]
        store_reads: list[str]) -> None:
    client = make_web_app(sample_store).test_client()
    years = [str(2000 + n) for n in range(MEMO_SIZE + 1)]
    for year in years:
        assert client.get(f"/api/benchmark?cluster={DEHUA_KEY}&year={year}").status_code == 200
    store_reads.clear()
    assert client.get(f"/api/benchmark?cluster={DEHUA_KEY}&year={years[-1]}").status_code == 200
    assert not store_reads  # the latest is kept
    assert client.get(f"/api/benchmark?cluster={DEHUA_KEY}&year={years[0]}").status_code == 200
    assert store_reads  # the oldest was let go: MEMO_SIZE results at most


def test_a_revision_stored_after_a_page_was_read_is_shown_at_once(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    store_dir = tmp_path / "store"
    _ingest(store_dir)
    client = make_web_app(store_dir).test_client()
    history = f"/api/clusters/{DEHUA_KEY}/history"
    assert len(client.get(history).get_json()["revisions"]) == 1
    assert client.get("/").status_code == 200
    _ingest(store_dir)  # a new snapshot, as `bcic ingest` publishes it
    assert len(client.get(history).get_json()["revisions"]) == 2
    [cluster] = client.get("/api/clusters").get_json()["clusters"]
    assert cluster["revisions"] == 2


def test_the_health_port_answers_while_pages_hold_every_thread_of_the_main_port(
        sample_store: Path) -> None:
    """With one main thread held by a 4-second query, /healthz on the main port waits for it;
    on the health port it answers at once, and it answers nothing else there (404, in the
    request's language)."""
    server = _serving(sample_store, "--threads", "1")
    try:
        main_port, health_port = _ports(server)
        query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        busy = threading.Thread(target=_get, args=(f"http://127.0.0.1:{main_port}/sparql?query="
                                                   f"{query}",))
        busy.start()
        time.sleep(1)  # the one main thread now runs the query
        started = time.monotonic()
        assert _get(f"http://127.0.0.1:{health_port}/healthz") == 200
        assert time.monotonic() - started < 1.5
        started = time.monotonic()
        assert _get(f"http://127.0.0.1:{main_port}/healthz") == 200
        assert time.monotonic() - started > 1.5  # queued behind the query: why the port exists
        assert _get(f"http://127.0.0.1:{health_port}/benchmark?lang=zh") == 404
        busy.join(timeout=30)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_health_port_accepts_while_the_main_port_holds_many_connections(
        sample_store: Path) -> None:
    """The health listener's limit (10) counts its own connections: 12 idle ones on the main
    port (limit 100) once stopped it accepting any, as waitress counted every channel of the
    loop the two share."""
    server = _serving(sample_store)
    try:
        main_port, health_port = _ports(server)
        idle = [socket.create_connection(("127.0.0.1", main_port)) for _ in range(12)]
        try:
            time.sleep(1)  # the loop has accepted them all
            assert _get(f"http://127.0.0.1:{health_port}/healthz", timeout=8) == 200
            assert _get(f"http://127.0.0.1:{main_port}/healthz", timeout=8) == 200
        finally:
            for connection in idle:
                connection.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_page_asked_on_the_health_port_is_refused_in_both_languages(
        sample_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    from web.health import health_only

    app = make_web_app(sample_store)
    app.wsgi_app = health_only(app.wsgi_app)  # as add_health_listener serves it
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    for lang, words in (("en", "This port answers only /healthz"), ("zh", "此端口仅应答 /healthz")):
        answer = client.get(f"/api/clusters?lang={lang}")
        assert answer.status_code == 404
        assert words in answer.get_json()["message"]


def _get(url: str, timeout: float = 30) -> int:
    """The status of a GET (the body read whole)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            answer.read()
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _ingest(store_dir: Path) -> None:
    """Store the Dehua sample once more and publish a snapshot, as `bcic ingest` does."""
    store = open_configured_store(str(store_dir))
    try:
        ingest_files(store, [EXAMPLES_DIR / "dehua-ceramics.ttl"], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()


def _serving(store: Path, *options: str) -> subprocess.Popen[str]:
    """`bcic serve` on free ports of loopback with a health port, its queries stopped at 4 s."""
    return subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "serve", "--port", "0", "--health-port", "0",
         *options, "--store", str(store)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "BCIC_SPARQL_TIMEOUT": "4", "BCIC_SECRET_KEY": "x"})


def _ports(server: subprocess.Popen[str]) -> tuple[int, int]:
    """The main port and the health port a starting server says it listens on."""
    assert server.stderr is not None
    main_port = health_port = 0
    for line in server.stderr:
        if found := re.search(r"/healthz also on port (\d+)", line):
            health_port = int(found.group(1))
        if found := re.search(r"serving http://127\.0\.0\.1:(\d+)/", line):
            main_port = int(found.group(1))
        if main_port and health_port:
            break
    assert main_port and health_port and main_port != health_port
    return main_port, health_port
