"""The stored clusters' JSON (`/api/clusters`, `/api/clusters/<key>`, `/api/benchmark`) as
partner systems read it beside the named queries (9.3.2): the same conditional GET
(web/etags.py), and each cluster's rate written as `clusters-by-conformance` writes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask

from checker.queries import get_query
from checker.report import Rate
from checker.store.base import cluster_key
from checker.verdicts import RATE_DECIMALS, rounded_rate
from tests.conftest import store_samples
from web import clusters, evaluation_api

DEHUA = "https://example.org/cluster/dehua/cluster"
LIST = "/api/clusters"
DETAIL = f"/api/clusters/{cluster_key(DEHUA)}"  # type: ignore[arg-type]
RANKED = "/api/queries/clusters-by-conformance"
BENCHMARK = f"/api/benchmark?cluster={cluster_key(DEHUA)}"  # type: ignore[arg-type]
TAGGED = [LIST, DETAIL, BENCHMARK]


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    store_samples(tmp_path / "store", "dehua-ceramics", "datang-socks")
    return tmp_path / "store"


@pytest.fixture
def app(make_web_app, store_dir: Path) -> Flask:  # type: ignore[no-untyped-def]
    return make_web_app(store_dir)  # type: ignore[no-any-return]


@pytest.mark.parametrize("url", TAGGED)
def test_a_stored_clusters_answer_names_its_etag_and_if_none_match_with_it_is_304(
        app: Flask, url: str) -> None:
    client = app.test_client()
    first = client.get(url)
    tag = first.headers.get("ETag")
    assert first.status_code == 200 and tag and tag.startswith('"') and tag.endswith('"')
    assert first.cache_control.no_cache
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == tag and again.cache_control.no_cache
    assert "X-Frame-Options" not in again.headers  # a page's headers, not a cache's
    other = client.get(url, headers={"If-None-Match": '"another"'})
    assert other.status_code == 200 and other.get_data() == first.get_data()
    head = client.head(url)
    assert head.status_code == 200 and head.headers["ETag"] == tag and head.get_data() == b""
    assert client.head(url, headers={"If-None-Match": tag}).status_code == 304


@pytest.mark.parametrize("url", TAGGED)
def test_a_stored_clusters_etag_changes_with_the_snapshot_and_the_language(
        app: Flask, store_dir: Path, url: str) -> None:
    client = app.test_client()
    zh = client.get(url, headers={"Accept-Language": "zh"}).headers["ETag"]
    en = client.get(url, headers={"Accept-Language": "en"})
    assert en.headers["ETag"] != zh and "Accept-Language" in en.headers["Vary"]
    assert client.get(url, headers={"Accept-Language": "en",
                                    "If-None-Match": zh}).status_code == 200
    store_samples(store_dir, "dehua-ceramics")  # a second revision: a new snapshot
    after = client.get(url, headers={"Accept-Language": "en", "If-None-Match": en.headers["ETag"]})
    assert after.status_code == 200 and after.headers["ETag"] != en.headers["ETag"]


def test_a_tag_of_the_same_request_is_304_before_the_store_is_read(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    client = app.test_client()
    tags = {url: client.get(url).headers["ETag"] for url in TAGGED}

    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the answer was computed again")

    monkeypatch.setattr(evaluation_api, "_clusters_list", refused)
    monkeypatch.setattr(evaluation_api, "_cluster_detail", refused)
    monkeypatch.setattr(clusters, "_benchmark_view", refused)
    for url, tag in tags.items():
        assert client.get(url, headers={"If-None-Match": tag}).status_code == 304, url


@pytest.mark.parametrize("url", ["/api/clusters/0123456789abcdef",
                                 "/api/benchmark?cluster=0123456789abcdef"])
def test_an_unknown_cluster_is_404_whatever_if_none_match(app: Flask, url: str) -> None:
    """RFC 9110 13.2.1: `*` is evaluated only where the answer would be 2xx."""
    client = app.test_client()
    answer = client.get(url, headers={"If-None-Match": "*"})
    assert answer.status_code == 404 and "ETag" not in answer.headers


def test_api_clusters_gives_each_rate_as_clusters_by_conformance_does(app: Flask) -> None:
    """9.3.2: one cluster, one rate, to the digit, in the list, the cluster and the ranking."""
    client = app.test_client()
    ranked = {row["cluster"]: row["rate"] for row in client.get(RANKED).get_json()["rows"]}
    listed = {c["cluster"]: c["latest"]["conformance_rate"]
              for c in client.get(LIST).get_json()["clusters"]}
    detail = client.get(DETAIL).get_json()["revisions"][-1]["conformance_rate"]
    assert listed == ranked and detail == ranked[DEHUA]
    assert any(len(repr(rate).split(".")[-1]) > 4 for rate in listed.values())  # not 4 decimals


@pytest.mark.parametrize(("met", "total", "rate"), [
    (2, 3, 0.666667), (1, 8, 0.125), (1, 2_000_000, 0.000001), (0, 0, 1.0), (5, 5, 1.0)])
def test_a_rate_is_rounded_half_up_to_six_decimals(met: int, total: int, rate: float) -> None:
    """As SPARQL's ROUND does: 1 ÷ 2,000,000 = 0.0000005 is 0.000001, where Python's
    round(…, 6) of the float gives 0.0."""
    assert rounded_rate(Rate(met=met, total=total)) == rate


def test_the_named_query_rounds_rates_to_the_same_decimals() -> None:
    """One source of truth: clusters-by-conformance multiplies and divides by 10^RATE_DECIMALS."""
    query = get_query("clusters-by-conformance")
    for text in (query.text, *query.variants.values()):
        factors = set(re.findall(r"ROUND\(xsd:decimal\(\?met\) \* (\d+) / "
                                 r"xsd:decimal\(\?applicable\)\) / (\d+)", text)[0])
        assert factors == {str(10 ** RATE_DECIMALS)}
