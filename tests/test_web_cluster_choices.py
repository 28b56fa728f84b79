"""The cluster selectors of the cluster page and the benchmark page (9.3.2 "c) 与标杆的对比；
d) 与竞争对手的对比。"; checker/cluster_choices.py): bounded whatever the store holds, the declared
benchmark and competitors first, a text filter `?q=` finding any stored cluster without JavaScript,
and a chosen cluster always offered.

At 1,000 stored clusters each cluster page offered 1,015 benchmarks. The store here holds a focus
cluster, ingested, that declares two stored clusters beyond the bound its benchmark and competitor
and one cluster that is not stored its competitor, and OTHERS clusters more than the bound, written
straight into the store (no validation: their pages are not read) and named "集群 000" to "集群 0NN",
so that list order is their number's order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from checker.cluster_choices import OTHERS_OFFERED, told_apart
from checker.cluster_dashboard import ClusterRef
from checker.ingest import ingest_files, publish_for_queries
from checker.store import cluster_key, open_configured_store
from tests.store_contract import make_record

OTHERS = OTHERS_OFFERED + 10
FOCUS = URIRef("https://example.org/choices/focus/cluster")
BENCHMARK, COMPETITOR = OTHERS - 2, OTHERS - 1  # beyond the bound in list order
ELSEWHERE = URIRef("https://example.org/elsewhere/cluster")  # declared, not stored
BEYOND = OTHERS - 5  # neither declared nor among the first OTHERS_OFFERED
HTML = {"Accept": "text/html"}
SUBMISSION = f"""@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{FOCUS}> a bcic:IndustrialCluster ; rdfs:label "焦点集群"@zh , "Focus cluster"@en ;
    bcic:benchmarkCluster <https://example.org/choices/c{BENCHMARK:03d}/cluster> ;
    bcic:competitorCluster <https://example.org/choices/c{COMPETITOR:03d}/cluster> , <{ELSEWHERE}> .
<{ELSEWHERE}> rdfs:label "别处集群"@zh , "Cluster elsewhere"@en .
<https://example.org/choices/focus/body> bcic:cultivates <{FOCUS}> .
"""


def other(i: int) -> URIRef:
    return URIRef(f"https://example.org/choices/c{i:03d}/cluster")


def key(i: int) -> str:
    return cluster_key(other(i))


@pytest.fixture(scope="module")
def many_clusters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory store of the focus cluster and OTHERS more, snapshot published."""
    folder = tmp_path_factory.mktemp("cluster-choices")
    store = open_configured_store(str(folder / "store"))
    try:
        path = folder / "focus.ttl"
        path.write_text(SUBMISSION, encoding="utf-8")
        ingest_files(store, [path], submitter="tests")
        for i in range(OTHERS):
            store.add_revision(make_record(other(i), 1, marker=f"{i:03d}")[0])
        publish_for_queries(store)
    finally:
        store.close()
    return folder / "store"


def _options(html: str, name: str) -> list[tuple[str, bool]]:
    """The options of the page's `<select name=…>`: each value, and whether it is selected."""
    select = html.split(f'<select name="{name}"')[1].split("</select>")[0]
    return [(value, bool(chosen))
            for value, chosen in re.findall(r'<option value="([^"]*)"\s*(selected)?\s*>', select)]


def _get(app, url: str) -> str:  # type: ignore[no-untyped-def]
    answer = app.test_client().get(url, headers=HTML)
    assert answer.status_code == 200, answer.get_data(as_text=True)[:2000]
    return str(answer.get_data(as_text=True))


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"then the first {OTHERS_OFFERED} of the {OTHERS} other stored clusters by name"),
    ("zh", f"其他 {OTHERS} 个已存储产业集群中按名称排列的前 {OTHERS_OFFERED} 个")])
def test_the_cluster_page_offers_the_declared_peers_then_a_bounded_list(
        many_clusters: Path, make_web_app, lang: str, said: str) -> None:  # type: ignore[no-untyped-def]
    html = _get(make_web_app(many_clusters), f"/clusters/{cluster_key(FOCUS)}?lang={lang}")
    declared = [key(BENCHMARK), key(COMPETITOR), cluster_key(ELSEWHERE)]
    first = [key(i) for i in range(OTHERS_OFFERED)]
    assert _options(html, "benchmark") == [
        ("", False), (key(BENCHMARK), True), *((k, False) for k in declared[1:] + first)]
    assert said in html and 'name="q"' in html


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"1 of the {OTHERS} other stored clusters has “{BEYOND:03d}” in its name or IRI."),
    ("zh", f"其他 {OTHERS} 个已存储产业集群中，名称或 IRI 含“{BEYOND:03d}”的有 1 个。")])
def test_the_filter_offers_a_cluster_beyond_the_bound(
        many_clusters: Path, make_web_app, lang: str, said: str) -> None:  # type: ignore[no-untyped-def]
    html = _get(make_web_app(many_clusters),
                f"/clusters/{cluster_key(FOCUS)}?lang={lang}&q=+{BEYOND:03d}+")
    assert [k for k, _ in _options(html, "benchmark")] == [
        "", key(BENCHMARK), key(COMPETITOR), cluster_key(ELSEWHERE), key(BEYOND)]
    assert said in html and f'name="q" value="{BEYOND:03d}"' in html


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("found", ["", "&q=nowhere"])
def test_a_chosen_benchmark_beyond_the_bound_stays_offered_and_chosen(
        many_clusters: Path, make_web_app, lang: str, found: str) -> None:  # type: ignore[no-untyped-def]
    html = _get(make_web_app(many_clusters),
                f"/clusters/{cluster_key(FOCUS)}?lang={lang}&benchmark={key(BEYOND)}{found}")
    options = _options(html, "benchmark")
    assert (key(BEYOND), True) in options and [c for _, c in options].count(True) == 1
    assert len(options) == 5 + (0 if found else OTHERS_OFFERED)
    if found:
        assert {"en": "No other stored cluster has “nowhere” in its name or IRI.",
                "zh": "没有名称或 IRI 含“nowhere”的其他已存储产业集群。"}[lang] in html


def test_many_matches_are_offered_up_to_the_bound_and_said_so(
        many_clusters: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """"choices/c" is in every other cluster's IRI."""
    html = _get(make_web_app(many_clusters),
                f"/clusters/{cluster_key(FOCUS)}?lang=en&q=choices/c")
    assert len(_options(html, "benchmark")) == 4 + OTHERS_OFFERED
    assert (f"{OTHERS} of the {OTHERS} other stored clusters have “choices/c” in their name "
            f"or IRI. Offered: the declared and chosen clusters, then the first {OTHERS_OFFERED}"
            in html)


@pytest.mark.parametrize(("lang", "only_itself", "it_and_others"), [
    ("en", "No other stored cluster has “focus” in its name or IRI. Offered: the declared and "
           "chosen clusters only.",
     f"{OTHERS} of the {OTHERS} other stored clusters have “choices/” in their name or IRI."),
    ("zh", "没有名称或 IRI 含“focus”的其他已存储产业集群。可选项：仅声明的和已选择的产业集群。",
     f"其他 {OTHERS} 个已存储产业集群中，名称或 IRI 含“choices/”的有 {OTHERS} 个。")])
def test_the_cluster_pages_notes_count_neither_offer_the_cluster_itself(
        many_clusters: Path, make_web_app, lang: str, only_itself: str,
        it_and_others: str) -> None:  # type: ignore[no-untyped-def]
    """The note counted the page's own cluster among the matches and promised it ("then this
    one") while the selector, rightly, never offers it (9.3.2 c)."""
    app = make_web_app(many_clusters)
    page = f"/clusters/{cluster_key(FOCUS)}?lang={lang}"
    alone = _get(app, f"{page}&q=focus")
    assert [k for k, _ in _options(alone, "benchmark")] == [
        "", key(BENCHMARK), key(COMPETITOR), cluster_key(ELSEWHERE)]
    assert only_itself in alone
    assert it_and_others in _get(app, f"{page}&q=choices/")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_benchmark_page_bounds_its_selectors_and_keeps_what_is_chosen(
        many_clusters: Path, make_web_app, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Its clusters, focus and benchmark selectors offered every stored cluster too."""
    app = make_web_app(many_clusters)
    html = _get(app, f"/benchmark?lang={lang}&focus={cluster_key(FOCUS)}")
    declared = [key(BENCHMARK), key(COMPETITOR), cluster_key(ELSEWHERE)]
    for name in ("cluster", "focus"):
        assert len(_options(html, name)) <= 10 + OTHERS_OFFERED
    assert [k for k, _ in _options(html, "benchmark")] == [
        "", *declared, *(key(i) for i in range(OTHERS_OFFERED))]
    found = _get(app, f"/benchmark?lang={lang}&focus={cluster_key(FOCUS)}&cluster={key(BEYOND)}"
                      f"&cluster={cluster_key(FOCUS)}&benchmark={key(BEYOND - 1)}&q=c{BEYOND + 1:03d}")
    assert _options(found, "cluster") == [(key(BEYOND), True), (cluster_key(FOCUS), True),
                                          (key(BEYOND + 1), False)]
    assert _options(found, "focus") == [(cluster_key(FOCUS), True), (key(BEYOND), False),
                                        (key(BEYOND + 1), False)]
    assert _options(found, "benchmark") == [("", False), *((k, False) for k in declared),
                                            (key(BEYOND - 1), True), (key(BEYOND + 1), False)]


def test_a_filter_given_twice_is_refused(many_clusters: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    answer = make_web_app(many_clusters).test_client().get(
        f"/clusters/{cluster_key(FOCUS)}?lang=en&q=a&q=b", headers=HTML)
    assert answer.status_code == 400 and "q" in answer.get_data(as_text=True)


def test_the_end_of_an_iri_that_tells_an_option_apart_is_as_short_as_it_can_be() -> None:
    """As many path segments as tell it from every cluster of its name, else the whole IRI:
    one whose path ends alike, or that has none (urn:), leaves only the IRI to tell it apart."""
    def ref(iri: str, name: str = "Same") -> ClusterRef:
        return ClusterRef(URIRef(iri), cluster_key(URIRef(iri)), {"en": name, "zh": "同"}, False)

    options = [ref("https://a.example/x/c1/cluster"), ref("https://a.example/y/c1/cluster"),
               ref("https://a.example/x/c2/cluster"), ref("https://b.example/x/c2/cluster"),
               ref("urn:example:c3"), ref("https://a.example/x/c4/", name="Alone")]
    assert {str(iri): end for iri, end in told_apart(options, [], "en").items()} == {
        "https://a.example/x/c1/cluster": "…/x/c1/cluster",
        "https://a.example/y/c1/cluster": "…/y/c1/cluster",
        "https://a.example/x/c2/cluster": "https://a.example/x/c2/cluster",
        "https://b.example/x/c2/cluster": "https://b.example/x/c2/cluster",
        "urn:example:c3": "urn:example:c3"}
    assert len(told_apart(options, [], "zh")) == len(options)  # "同" is every one's name in zh
