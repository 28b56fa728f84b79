"""Reads while writes publish snapshots (web/data.py): a request reads the snapshot it started on
to its end, however many snapshots writes publish meanwhile; the older snapshot is closed, and
its directory pruned (checker/snapshot_leases.py), only when its last reader is done."""

from __future__ import annotations

import collections
import threading
from pathlib import Path

from flask import Flask
from rdflib import URIRef

from checker.query_runner import current_snapshot, snapshot_dir_for
from checker.store import cluster_key
from checker.tokens import TokenFile
from web.data import read_store

TINY = """@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/tiny/cluster> a bcic:IndustrialCluster ; rdfs:label "Tiny"@en .
<https://example.org/tiny/body> bcic:cultivates <https://example.org/tiny/cluster> .
"""
KEY = cluster_key(URIRef("https://example.org/tiny/cluster"))
READS = ["/benchmark?lang=en", f"/api/clusters/{KEY}", f"/api/clusters/{KEY}/history",
         f"/api/clusters/{KEY}/indicators", f"/clusters/{KEY}", f"/clusters/{KEY}/revisions/1"]


def _app(tmp_path: Path, make_web_app,  # type: ignore[no-untyped-def]
         **config: object) -> tuple[Flask, dict[str, str]]:
    """An app on a store holding one revision of the tiny cluster, and an evaluator's header."""
    token = TokenFile(tmp_path / "tokens.json").create("evaluator", label="tests")[1]
    header = {"Authorization": f"Bearer {token}"}
    app = make_web_app(tmp_path / "store", WTF_CSRF_ENABLED=False, **config)
    assert _upload(app, header) == 201
    return app, header


def _upload(app: Flask, header: dict[str, str]) -> int:
    return app.test_client().post("/api/clusters/revisions", data=TINY,
                                  content_type="text/turtle", headers=header).status_code


def test_pages_and_the_api_never_answer_the_store_is_closed_while_writes_publish_snapshots(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    # Each write's snapshot closed the store other requests were reading: 503 "the store is
    # closed" for about half the reads during uploads.
    app, header = _app(tmp_path, make_web_app)
    stop = threading.Event()
    answers: collections.Counter[int] = collections.Counter()
    failures: list[str] = []

    def read(first: int) -> None:
        client = app.test_client()
        turn = first
        while not stop.is_set():
            answer = client.get(READS[turn % len(READS)])
            turn += 1
            answers[answer.status_code] += 1
            if answer.status_code != 200:
                failures.append(f"{READS[turn % len(READS)]}: {answer.get_data(as_text=True)}")

    readers = [threading.Thread(target=read, args=(n,)) for n in range(3)]
    for reader in readers:
        reader.start()
    try:
        uploads = [_upload(app, header) for _ in range(4)]
    finally:
        stop.set()
        for reader in readers:
            reader.join(60)
    assert uploads == [201] * 4
    assert failures == [], failures[:3]
    assert answers[200] >= len(READS)


def test_a_request_reads_its_snapshot_to_its_end_and_it_is_pruned_only_after(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    # Four writes (more than the three snapshots kept) published while one request reads.
    app, header = _app(tmp_path, make_web_app)
    snapshots = snapshot_dir_for(tmp_path / "store")
    with app.test_request_context("/"):
        store = read_store()
        started_on = current_snapshot(snapshots)
        assert started_on is not None
        assert [_upload(app, header) for _ in range(4)] == [201] * 4
        assert current_snapshot(snapshots) != started_on
        assert read_store() is store  # the same snapshot for the whole request
        assert [r.number for r in store.revisions(URIRef("https://example.org/tiny/cluster"))] \
            == [1]
        assert started_on.is_dir()  # kept while read
    with app.test_request_context("/"):  # the next request reads the newest: the old is let go
        assert len(read_store().revisions(URIRef("https://example.org/tiny/cluster"))) == 5
    assert _upload(app, header) == 201  # whose snapshot's prune removes it
    assert not started_on.exists()


def test_a_query_workers_snapshot_is_not_pruned_while_it_has_it_open(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    app, header = _app(tmp_path, make_web_app, BCIC_SPARQL_WORKERS=1,
                       BCIC_SPARQL_RESERVED_WORKERS=0)
    snapshots = snapshot_dir_for(tmp_path / "store")
    ask = {"query": "ASK { ?s ?p ?o }"}
    assert app.test_client().get("/sparql", query_string=ask).status_code == 200
    opened = current_snapshot(snapshots)  # the one worker has it open now
    assert opened is not None
    assert [_upload(app, header) for _ in range(4)] == [201] * 4
    assert opened.is_dir()
    assert app.test_client().get("/sparql", query_string=ask).status_code == 200  # reopens
    assert _upload(app, header) == 201
    assert not opened.exists()
