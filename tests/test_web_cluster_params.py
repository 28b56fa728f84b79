"""The benchmark and cluster pages' parameters and their API (web/cluster_params.py): a key in
either case, a parameter given twice, a declared benchmark that is not stored, and what caches are
told of an error whose form Accept chose (9.3.2 c), d))."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from checker.cli import main

DEHUA = URIRef("https://example.org/cluster/dehua/cluster")
DATANG = URIRef("https://example.org/cluster/datang/cluster")
# dehua's submission declares it as its benchmark (bcic:benchmarkCluster); it is not stored.
JINGDEZHEN = URIRef("https://example.org/cluster/dehua/jingdezhen")


def key(cluster: URIRef) -> str:
    return hashlib.sha256(str(cluster).encode()).hexdigest()[:16]


UPPER = key(DEHUA).upper()


@pytest.mark.parametrize("url", [
    "/api/benchmark?focus={dehua}&cluster={dehua}&benchmark={datang}&benchmark={jingdezhen}",
    "/api/benchmark?cluster={dehua}&focus={dehua}&focus={datang}",
    "/benchmark?cluster={dehua}&focus={dehua}&focus={datang}",
    "/benchmark?focus={dehua}&benchmark={jingdezhen}&benchmark={jingdezhen}",
    "/clusters/{dehua}?benchmark={jingdezhen}&benchmark={datang}",
    "/api/clusters/{dehua}/indicators?year=2023&year=2024",
    "/clusters/{dehua}?group=a.1&group=a.2",
])
@pytest.mark.parametrize(("lang", "said"), [("en", "parameter {name} is given more than once"),
                                            ("zh", "参数 {name}")])
def test_a_parameter_taking_one_value_given_twice_is_400_naming_it(
        make_web_app, sample_store: Path, url: str, lang: str, said: str) -> None:
    """The second value was dropped without a word; the named queries refuse it (400)."""
    url = url.format(dehua=key(DEHUA), datang=key(DATANG), jingdezhen=JINGDEZHEN)
    name = next(n for n in ("benchmark", "focus", "year", "group") if url.count(f"{n}=") == 2)
    response = make_web_app(sample_store).test_client().get(f"{url}&lang={lang}",
                                                            headers={"Accept": "text/html"})
    assert response.status_code == 400
    text = (response.get_json()["message"] if url.startswith("/api/")
            else response.get_data(as_text=True))
    assert said.format(name=name) in text, text


@pytest.mark.parametrize("name", ["cluster", "focus"])
@pytest.mark.parametrize(("lang", "said"), [
    ("en", "{name} takes the key or IRI of a stored cluster only"),
    ("zh", "{name} 只接受已存储产业集群的键或 IRI")])
def test_a_declared_but_unstored_benchmark_is_refused_for_cluster_saying_it_takes_stored_only(
        make_web_app, sample_store: Path, name: str, lang: str, said: str) -> None:
    """The page's cluster and focus selectors offer stored clusters only, and the table compares
    stored ones: the message says so, not that no submission names it."""
    client = make_web_app(sample_store).test_client()
    response = client.get("/api/benchmark", query_string={
        "cluster": key(DEHUA) if name == "focus" else str(JINGDEZHEN),
        **({"focus": str(JINGDEZHEN)} if name == "focus" else {}), "lang": lang})
    message = response.get_json()["message"]
    assert response.status_code == 404 and said.format(name=name) in message, message
    assert "a benchmark or competitor a stored submission names" not in message
    # benchmark= takes it, as the page offers it there
    taken = client.get("/api/benchmark", query_string={
        "cluster": key(DEHUA), "focus": key(DEHUA), "benchmark": str(JINGDEZHEN)})
    assert taken.status_code == 200


@pytest.mark.parametrize("url", ["/api/clusters/{upper}", "/api/clusters/{upper}/history",
                                 "/api/clusters/{upper}/indicators", "/clusters/{upper}",
                                 "/api/clusters/{upper}/revisions/1/report",
                                 "/clusters/{upper}/revisions/1",
                                 "/api/benchmark?cluster={upper}&focus={upper}",
                                 "/benchmark?cluster={upper}"])
def test_a_key_in_upper_case_names_its_cluster(make_web_app, sample_store: Path,
                                               url: str) -> None:
    response = make_web_app(sample_store).test_client().get(url.format(upper=UPPER))
    assert response.status_code == 200, response.get_data(as_text=True)


def test_a_key_in_upper_case_is_refused_as_its_own_benchmark(make_web_app,
                                                             sample_store: Path) -> None:
    response = make_web_app(sample_store).test_client().get(
        f"/api/clusters/{key(DEHUA)}/indicators?benchmark={UPPER}&lang=en")
    assert response.status_code == 400 and "cannot be its own benchmark" in \
        response.get_json()["message"]


def test_the_cli_takes_a_key_in_upper_case(sample_store: Path) -> None:
    result = CliRunner().invoke(main, ["history", UPPER, "--store", str(sample_store),
                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("revision 1 ")


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
@pytest.mark.parametrize("url", ["/benchmark?cluster=nobody", "/clusters/0123456789abcdef",
                                 "/benchmark?year=x"])
def test_a_page_error_whose_form_accept_chose_says_vary_accept(
        make_web_app, sample_store: Path, url: str, accept: str) -> None:
    """RFC 9110 §12.5.5: the same URL answers an HTML page or JSON as Accept asks."""
    response = make_web_app(sample_store).test_client().get(url, headers={"Accept": accept})
    assert response.status_code in (400, 404)
    assert response.mimetype == ("text/html" if accept == "text/html" else "application/json")
    assert "Accept" in response.vary and "Accept-Language" in response.vary
