"""Anonymous /sparql traffic cannot starve the app: workers kept for the named-query API, and a
cap on the public queries that wait, so they never hold every request thread of the server."""

from __future__ import annotations

import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from checker.errors import CheckerError
from checker.query_runner import (BUSY_RETRY_AFTER, QueryBusyError, QueryRunner,
                                  QueryTimeoutError, snapshot_dir_for)
from checker.query_worker import QueryJob
from checker.sparql_service import SparqlLimits, SparqlService, prepare_query
from tests.loopback import waitress_app
from web import query_service

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 4.0
NAMED = "/api/queries/clusters-by-conformance"


def send_slow_queries(app: Flask, how_many: int) -> tuple[list[threading.Thread], list[int]]:
    """POST `how_many` runaway queries to /sparql, each in its own thread; their statuses land
    in the returned list as they end."""
    statuses: list[int] = []

    def send() -> None:
        statuses.append(app.test_client().post("/sparql", data={"query": RUNAWAY}).status_code)

    senders = [threading.Thread(target=send) for _ in range(how_many)]
    for sender in senders:
        sender.start()
    return senders, statuses


def wait_until_busy(app: Flask, idle: int) -> None:
    """Return once only `idle` workers are left waiting for a job (fail after 10 s)."""
    runner = query_service(app).runner
    deadline = time.monotonic() + 10
    while runner.idle_workers() > idle:
        assert time.monotonic() < deadline, "the slow queries never took their workers"
        time.sleep(0.05)


@pytest.fixture
def busy_app(make_web_app, sample_store: Path) -> Flask:  # type: ignore[no-untyped-def]
    """Two workers, one reserved for the named queries, no public query let wait."""
    app: Flask = make_web_app(sample_store, BCIC_SPARQL_TIMEOUT=TIMEOUT, BCIC_SPARQL_WORKERS=2,
                              BCIC_SPARQL_RESERVED_WORKERS=1, BCIC_SPARQL_WAITING=0)
    query_service(app).runner.start()
    prepare_query(RUNAWAY, query_service(app).limits)  # parsed once, before the clock matters
    return app


def test_a_named_query_answers_while_slow_public_queries_hold_every_public_worker(
        busy_app: Flask) -> None:
    senders, statuses = send_slow_queries(busy_app, 1)
    wait_until_busy(busy_app, idle=1)  # the public share (one worker) is taken
    started = time.monotonic()
    named = busy_app.test_client().get(NAMED)
    seconds = time.monotonic() - started
    for sender in senders:
        sender.join(timeout=30)

    assert named.status_code == 200 and len(named.get_json()["rows"]) == 3
    assert seconds < TIMEOUT / 2, seconds
    assert statuses == [503]  # the runaway itself was still stopped at the time limit


def test_a_public_query_beyond_the_public_share_is_refused_at_once_in_both_languages(
        busy_app: Flask) -> None:
    senders, _ = send_slow_queries(busy_app, 1)
    wait_until_busy(busy_app, idle=1)
    client = busy_app.test_client()
    started = time.monotonic()
    refused = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    seconds = time.monotonic() - started
    zh = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                    headers={"Accept-Language": "zh"})
    for sender in senders:
        sender.join(timeout=30)

    assert refused.status_code == 503 and seconds < 1.0, seconds
    assert refused.get_json()["message"].startswith("the endpoint already holds 1 queries")
    assert zh.status_code == 503 and "已达同时受理的上限" in zh.get_json()["message"]


def test_a_conditional_get_whose_tag_holds_is_304_while_the_public_share_is_busy(
        busy_app: Flask) -> None:
    """The tag is checked before the request takes a place among the public queries: a client
    revalidating its copy got 503 while a runaway held the one public worker. A request that
    does need a worker is told when to ask again (Retry-After), as busy workers free soon."""
    client = busy_app.test_client()
    url = "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
    tag = client.get(url).headers["ETag"]
    senders, _ = send_slow_queries(busy_app, 1)
    wait_until_busy(busy_app, idle=1)
    started = time.monotonic()
    unchanged = client.get(url, headers={"If-None-Match": tag})
    seconds = time.monotonic() - started
    busy = client.get(url)
    for sender in senders:
        sender.join(timeout=30)

    assert unchanged.status_code == 304 and unchanged.headers["ETag"] == tag
    assert seconds < 1.0, seconds
    assert busy.status_code == 503 and busy.get_json()["error"] == "QueryBusyError"
    assert busy.headers["Retry-After"] == str(BUSY_RETRY_AFTER)


def test_a_public_job_waits_for_the_public_share_and_a_reserved_one_does_not(
        sample_store: Path) -> None:
    """The runner itself: with its one public worker busy, a second public job gets 503 after the
    time limit, while the app's own job runs on the reserved worker."""
    runner = QueryRunner(snapshot_dir_for(sample_store), workers=2, timeout=1.5, reserved=1)
    stopped: list[CheckerError] = []

    def run_slow() -> None:
        try:
            runner.run(QueryJob(RUNAWAY, "JSON", 10))
        except QueryTimeoutError as error:
            stopped.append(error)

    try:
        runner.start()
        slow = threading.Thread(target=run_slow)
        slow.start()
        while runner.idle_workers() > 1:
            time.sleep(0.05)
        with pytest.raises(QueryBusyError):
            runner.run(QueryJob("ASK { ?s ?p ?o }", "JSON", 10))
        done = runner.run(QueryJob("ASK { ?s ?p ?o }", "JSON", 10), reserved=True)
        assert done.body.endswith(b"true}")
        slow.join(timeout=30)
        assert len(stopped) == 1  # the runaway still met its time limit
    finally:
        runner.close()


@pytest.mark.parametrize("settings", [{"workers": 2, "reserved_workers": 2},
                                      {"workers": 1, "reserved_workers": -1},
                                      {"waiting": -1}], ids=["all-reserved", "negative", "waiting"])
def test_impossible_worker_settings_are_refused(tmp_path: Path,
                                                settings: dict[str, int]) -> None:
    with pytest.raises(CheckerError) as refused:
        SparqlService(tmp_path, SparqlLimits(**settings))  # type: ignore[arg-type]
    assert "reserved workers" in refused.value.message
    assert "保留的工作进程" in refused.value.text("zh")


@pytest.fixture
def server(sample_store: Path) -> Iterator[str]:
    """`waitress` with 3 request threads over the samples; /sparql may hold one of them."""
    env = {**os.environ, "BCIC_STORE": str(sample_store), "BCIC_SPARQL_TIMEOUT": str(TIMEOUT),
           "BCIC_SPARQL_WORKERS": "2", "BCIC_SPARQL_RESERVED_WORKERS": "1",
           "BCIC_SPARQL_WAITING": "0"}
    with waitress_app(env, threads=3) as url:
        yield url


def test_pages_answer_while_public_queries_crowd_the_server(server: str) -> None:
    """Four runaway queries at once on a server of three threads: one runs, the others are
    refused at once, so the clusters page and a named query still find a thread and a worker."""
    statuses: list[int] = []

    def send() -> None:
        body = urllib.parse.urlencode({"query": RUNAWAY}).encode()
        try:
            with urllib.request.urlopen(f"{server}/sparql", data=body, timeout=60) as answer:
                statuses.append(answer.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)

    urllib.request.urlopen(f"{server}{NAMED}", timeout=60).read()  # warm: workers started
    senders = [threading.Thread(target=send) for _ in range(4)]
    for sender in senders:
        sender.start()
    time.sleep(1.0)  # the crowd has arrived
    timings = {}
    for path in ("/", NAMED):
        started = time.monotonic()
        with urllib.request.urlopen(f"{server}{path}", timeout=60) as answer:
            assert answer.status == 200
        timings[path] = time.monotonic() - started
    for sender in senders:
        sender.join(timeout=60)

    assert all(seconds < TIMEOUT / 2 for seconds in timings.values()), timings
    assert sorted(statuses) == [503] * 4  # three refused at once, the runaway stopped in time
