"""ETags of the query answers (web/etags.py): a GET of /sparql or /api/queries/<name> carries one
that changes with the store's published snapshot, the rulebook and the representation (format,
language); `If-None-Match` naming it is 304 with no body; POSTs carry none."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from checker.ingest import ingest_files, publish_for_queries
from checker.paths import EXAMPLES_DIR
from checker.store import open_configured_store
from web import etags

SELECT = "/sparql?query=SELECT%20%3Fs%20WHERE%20%7B%3Fs%20a%20%3Ft%7D%20LIMIT%203"
RANKED = "/api/queries/clusters-by-conformance"


def _ingest(store_dir: Path, *names: str) -> None:
    """Store samples and publish a snapshot, as `bcic ingest` does."""
    store = open_configured_store(str(store_dir))
    try:
        for name in names:
            ingest_files(store, [EXAMPLES_DIR / f"{name}.ttl"], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    _ingest(tmp_path / "store", "dehua-ceramics")
    return tmp_path / "store"


@pytest.fixture
def app(make_web_app, store_dir: Path) -> Flask:  # type: ignore[no-untyped-def]
    return make_web_app(store_dir)  # type: ignore[no-any-return]


@pytest.mark.parametrize("url", [SELECT, RANKED])
def test_a_get_answer_names_its_etag_and_if_none_match_with_it_is_304(app: Flask,
                                                                     url: str) -> None:
    client = app.test_client()
    first = client.get(url)
    tag = first.headers.get("ETag")
    assert first.status_code == 200 and tag and tag.startswith('"') and tag.endswith('"')
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == tag and "Accept" in again.headers["Vary"]
    assert "ETag" in first.headers["Access-Control-Expose-Headers"]  # partners' pages read it
    other = client.get(url, headers={"If-None-Match": '"another"'})
    assert other.status_code == 200 and other.get_data() == first.get_data()


@pytest.mark.parametrize("url", [SELECT, RANKED])
def test_the_etag_changes_when_a_new_snapshot_is_published(app: Flask, store_dir: Path,
                                                           url: str) -> None:
    client = app.test_client()
    tag = client.get(url).headers["ETag"]
    _ingest(store_dir, "datang-socks")
    after = client.get(url, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["ETag"] != tag


@pytest.mark.parametrize("url", [SELECT, RANKED])
def test_the_etag_changes_with_the_rulebook(app: Flask, url: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    client = app.test_client()
    tag = client.get(url).headers["ETag"]
    monkeypatch.setattr(etags, "running_rulebook_digest", lambda: "0" * 64)
    after = client.get(url, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["ETag"] != tag


def test_each_representation_has_its_own_etag(app: Flask) -> None:
    """The format of /sparql, the language of a named query's description."""
    client = app.test_client()
    csv = client.get(SELECT, headers={"Accept": "text/csv"})
    json = client.get(SELECT, headers={"Accept": "application/sparql-results+json"})
    assert csv.headers["ETag"] != json.headers["ETag"]
    assert client.get(SELECT, headers={"Accept": "text/csv",
                                       "If-None-Match": json.headers["ETag"]}).status_code == 200
    zh = client.get(RANKED, headers={"Accept-Language": "zh"})
    en = client.get(RANKED, headers={"Accept-Language": "en"})
    assert zh.headers["ETag"] != en.headers["ETag"] and "Accept-Language" in zh.headers["Vary"]
    assert client.get(RANKED, headers={"Accept-Language": "en",
                                       "If-None-Match": zh.headers["ETag"]}).status_code == 200


def test_a_post_carries_no_etag_and_is_answered_whatever_if_none_match(app: Flask) -> None:
    client = app.test_client()
    tag = client.get(SELECT).headers["ETag"]
    posted = client.post("/sparql", data={"query": "SELECT ?s WHERE {?s a ?t} LIMIT 3"},
                         headers={"If-None-Match": tag})
    assert posted.status_code == 200 and "ETag" not in posted.headers and posted.get_data()
