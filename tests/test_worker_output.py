"""What query workers write to stderr and why they were replaced reach the server's log as
`bcic.events` records (checker/worker_output.py), never as raw text beside it."""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from checker.ingest import ingest_files, publish_for_queries
from checker.paths import EXAMPLES_DIR
from checker.store import open_configured_store
from checker.worker_output import relay
from web import query_service

SORTED_PRODUCT = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
EVENTS = "bcic.events"


def _events(caplog: pytest.LogCaptureFixture, start: str, seconds: float = 10.0) -> list[str]:
    """The bcic.events messages starting with `start`, waiting up to `seconds` for one (a relay
    thread logs as the worker's text arrives)."""
    deadline = time.monotonic() + seconds
    while True:
        found = [r.getMessage() for r in caplog.records
                 if r.name == EVENTS and r.getMessage().startswith(start)]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_a_line_a_worker_writes_is_logged_whole_with_its_control_characters_escaped(
        caplog: pytest.LogCaptureFixture) -> None:
    said, says = multiprocessing.Pipe(duplex=False)
    with caplog.at_level(logging.WARNING, logger=EVENTS):
        relay(said, 4242, logging.getLogger(EVENTS))
        with says:  # raw bytes, as the worker writes them to its fd 2
            os.write(says.fileno(), "memory allocation failed\n\x1b[31m红\r\nlast".encode())
        _events(caplog, "query worker 4242 wrote to stderr: last")  # logged at the end of input
        lines = _events(caplog, "query worker 4242")
    assert lines == ["query worker 4242 wrote to stderr: memory allocation failed",
                     "query worker 4242 wrote to stderr: \\x1b[31m红\\x0d",
                     "query worker 4242 wrote to stderr: last"]


def test_a_worker_stopped_at_its_memory_limit_is_logged_replaced_and_its_abort_text_logged(
        tmp_path: Path, make_web_app, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    # The engine's "memory allocation of 240 bytes failed" and its RUST_BACKTRACE hint went to
    # the server's stderr raw, and no log line said the worker was replaced.
    store = open_configured_store(str(tmp_path / "store"))
    try:
        ingest_files(store, [EXAMPLES_DIR / "dehua-ceramics.ttl"], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    app = make_web_app(tmp_path / "store", BCIC_SPARQL_MEMORY_MIB=64, BCIC_SPARQL_TIMEOUT=30)
    runner = query_service(app).runner
    runner.start()
    before = runner.worker_pids()
    with caplog.at_level(logging.WARNING, logger=EVENTS):
        answer = app.test_client().post("/sparql", data={"query": SORTED_PRODUCT})
        assert answer.get_json()["error"] == "QueryMemoryError"
        [gone] = [pid for pid in before if pid not in runner.worker_pids()]
        [new] = [pid for pid in runner.worker_pids() if pid not in before]
        assert _events(caplog, f"query worker {gone} replaced") == [
            f"query worker {gone} replaced by {new}: its query needed more than its memory "
            "limit (64 MiB)"]
        said = _events(caplog, f"query worker {gone} wrote to stderr: memory allocation of")
    assert len(said) == 1 and said[0].endswith(" failed"), said
