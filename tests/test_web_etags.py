"""ETags of the query answers (web/etags.py): a GET of /sparql or /api/queries/<name> carries one
that changes with the store's published snapshot, the rulebook and the representation (format,
language); `If-None-Match` naming it is 304 with no body; POSTs carry none."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from tests.conftest import StoreCopies, store_samples
from web import etags, query_service, sparql

SELECT = "/sparql?query=SELECT%20%3Fs%20WHERE%20%7B%3Fs%20a%20%3Ft%7D%20LIMIT%203"
RANKED = "/api/queries/clusters-by-conformance"


def _dehua_published(store: Path) -> None:
    store_samples(store, "dehua-ceramics")


@pytest.fixture
def store_dir(tmp_path: Path, store_copies: StoreCopies) -> Path:
    """A store of the test's own holding the dehua sample, its snapshot published: built once
    per worker and copied, as a test may write to it (a new snapshot)."""
    return store_copies.copy("dehua-published", _dehua_published, tmp_path / "store")


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
    store_samples(store_dir, "datang-socks")
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


def test_an_answer_with_an_etag_is_revalidated_before_reuse(app: Flask) -> None:
    """`Cache-Control: no-cache` on the 200 and the 304: a cache may keep the answer, but asks
    with the tag before each reuse, as the tag changes with every snapshot."""
    client = app.test_client()
    for url in (SELECT, RANKED):
        first = client.get(url)
        again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
        assert first.cache_control.no_cache
        assert again.status_code == 304 and again.cache_control.no_cache
    assert not client.get("/sparql").cache_control.no_cache  # the description has no tag


TARGETS = "/api/queries/indicators-vs-targets"


@pytest.mark.parametrize("url, status", [
    (TARGETS, 400),  # its required cluster missing
    (RANKED + "?nonsense=1", 400),
    (RANKED + "?limit=0", 400),
    (TARGETS + "?cluster=https://example.org/cluster/nobody", 404),
    (RANKED + "?limit=1&snapshot=0123456789abcdef", 409),  # the token of other data
    ("/sparql?query=nonsense", 400),
    ("/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri", 400),
], ids=["missing-param", "unknown-param", "bad-limit", "unknown-iri", "stale-token",
        "bad-query", "bad-graph"])
def test_if_none_match_star_is_answered_as_the_request_without_it(app: Flask, url: str,
                                                                  status: int) -> None:
    """RFC 9110 13.2.1: a precondition is evaluated only where the answer without it would be
    2xx. `*` names no answer, so it waited for none and answered 304 to all of these."""
    client = app.test_client()
    assert client.get(url).status_code == status
    conditional = client.get(url, headers={"If-None-Match": "*"})
    assert conditional.status_code == status and conditional.get_json()["ok"] is False


def test_if_none_match_star_waits_for_the_run_a_timeout_is_503(make_web_app,  # type: ignore[no-untyped-def]
                                                              store_dir: Path) -> None:
    """A query that runs out of time has no answer to be "not modified": 503, as without `*`."""
    slow = make_web_app(store_dir, BCIC_SPARQL_TIMEOUT=1.5)
    runaway = {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"}
    answer = slow.test_client().get("/sparql", query_string=runaway,
                                    headers={"If-None-Match": "*"})
    assert answer.status_code == 503 and answer.get_json()["error"] == "QueryTimeoutError"
    client = slow.test_client()
    for url in (SELECT, RANKED):  # once an answer is known, `*` names it
        tag = client.get(url).headers["ETag"]
        star = client.get(url, headers={"If-None-Match": "*"})
        assert star.status_code == 304 and star.headers["ETag"] == tag and not star.get_data()


CONSTRUCT = "/sparql?query=CONSTRUCT%7B%3Fs%20a%20%3Ft%7DWHERE%7B%3Fs%20a%20%3Ft%7DLIMIT%202"


def test_a_tag_of_the_same_request_is_304_with_no_parse_nor_run(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tag names an answer given to this very request from this snapshot: it is honoured from
    the tag alone (web/etags.py says why that is sound), before the query is parsed, which took
    a place among the public queries, or run. A graph answer's tag (CONSTRUCT) is found as a
    result set's is."""
    client = app.test_client()
    tags = {url: client.get(url).headers["ETag"] for url in (SELECT, CONSTRUCT, RANKED)}

    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the query was parsed or run")

    monkeypatch.setattr(query_service(app), "execute", refused)
    monkeypatch.setattr(sparql, "prepare_query", refused)
    for url, tag in tags.items():
        assert client.get(url, headers={"If-None-Match": tag}).status_code == 304, url


@pytest.mark.parametrize("url", [SELECT, RANKED])
def test_head_carries_gets_etag_and_honours_if_none_match(app: Flask, url: str) -> None:
    """RFC 9110 9.3.2 and 13.1.2: HEAD ran the query and answered 200 with no ETag, whatever
    If-None-Match said."""
    client = app.test_client()
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == 200 and head.get_data() == b""
    assert head.headers["ETag"] == got.headers["ETag"]
    assert head.cache_control.no_cache
    again = client.head(url, headers={"If-None-Match": got.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == got.headers["ETag"]


PAGE_ONLY = ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy",
             "X-Content-Type-Options")


@pytest.mark.parametrize("url", [SELECT, RANKED, "/api/clusters"])
def test_a_304_carries_what_guides_caches_and_none_of_the_pages_headers(app: Flask,
                                                                         url: str) -> None:
    """RFC 9110 15.4.5: a 304 carries the fields a 200 would have that guide caches (ETag,
    Cache-Control, Vary …); the security headers are a page's, kept on the pages' 200s."""
    client = app.test_client()
    tag = client.get(url).headers["ETag"]
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.headers["ETag"] == tag and again.cache_control.no_cache and again.headers["Vary"]
    assert not [name for name in PAGE_ONLY if name in again.headers], again.headers
    page = client.get("/")
    assert page.status_code == 200 and all(name in page.headers for name in PAGE_ONLY)
