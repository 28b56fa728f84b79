"""The benchmark page (9.3.2) on a store of more clusters than it compares by default
(web/clusters.py, checker/cluster_dashboard.py `default_comparison`, checker/indicator_data.py):
the nav bar's page compares a bounded selection — the focus cluster, the benchmark and competitors
it declares, then the first clusters — says how many of how many, reads only the year it shows,
and the clusters chosen in the form are compared as chosen.

The store holds 12 synthetic clusters of bench/knowledge_graph.py (the capacity test's, at 1,000:
c<i> declares c<i+1> its benchmark and c<i+2> its competitor).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from bench.knowledge_graph import cluster_graph
from checker.cluster_dashboard import DEFAULT_COMPARED
from checker.ingest import ingest_files, publish_for_queries
from checker.store import cluster_key, open_configured_store
from checker.store.oxigraph_store import OxigraphStore
from checker.synthetic import to_turtle

TOTAL = DEFAULT_COMPARED + 2
HTML = {"Accept": "text/html"}


def synthetic(i: int) -> URIRef:
    return URIRef(f"https://example.org/synthetic/c{i}/cluster")


@pytest.fixture(scope="module")
def many_clusters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory store of TOTAL synthetic clusters, one revision each, snapshot published."""
    folder = tmp_path_factory.mktemp("many-clusters")
    store = open_configured_store(str(folder / "store"))
    try:
        for i in range(TOTAL):
            path = folder / f"c{i}.ttl"
            path.write_text(to_turtle(cluster_graph(i, TOTAL)), encoding="utf-8")
            ingest_files(store, [path], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return folder / "store"


@pytest.fixture
def figure_rows(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """The result rows of the store's SELECTs that carry figures (an observed value) from now on."""
    rows: list[dict[str, object]] = []
    select = OxigraphStore.select

    def counted(self: OxigraphStore, query, *args, **kwargs):  # type: ignore[no-untyped-def]
        answer = select(self, query, *args, **kwargs)
        rows.extend(row for row in answer if "value" in row and "subject" in row)
        return answer

    monkeypatch.setattr(OxigraphStore, "select", counted)
    return rows


def _compared(html: str) -> list[str]:
    """The keys of the clusters the benchmark table has columns for, in order."""
    head = html.split('<table id="benchmark-table">')[1].split("</tr>")[0]
    return re.findall(r'<th colspan="3" data-cluster="([0-9a-f]{16})"', head)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"Comparing {DEFAULT_COMPARED} of the {TOTAL} stored clusters."),
    ("zh", f"比较已存储的 {TOTAL} 个产业集群中的 {DEFAULT_COMPARED} 个。")])
def test_the_default_benchmark_compares_the_focus_its_peers_then_the_first_clusters(
        many_clusters: Path, make_web_app, figure_rows: list[dict[str, object]],  # type: ignore[no-untyped-def]
        lang: str, said: str) -> None:
    """At 1,000 clusters the nav bar's page compared all 1,000 (32–94 s, 4.4 MB): now at most
    DEFAULT_COMPARED, read from the store and shown, and the page says so."""
    html = make_web_app(many_clusters).test_client().get(f"/benchmark?lang={lang}",
                                                         headers=HTML).get_data(as_text=True)
    by_iri = sorted((synthetic(i) for i in range(TOTAL)), key=str)  # the list's order
    focus = by_iri[0]  # c0: benchmark c1, competitor c2 (bench/knowledge_graph.py)
    peers = [synthetic(1), synthetic(2)]
    rest = [c for c in by_iri if c != focus and c not in peers]
    expected = [focus, *peers, *rest][:DEFAULT_COMPARED]
    assert _compared(html) == [cluster_key(c) for c in expected]
    assert said in html and ('id="benchmark-shown"' in html)
    assert {str(row["subject"]) for row in figure_rows} <= {str(c) for c in expected}
    assert len({str(row["subject"]) for row in figure_rows}) == DEFAULT_COMPARED


def test_the_clusters_chosen_are_compared_whatever_their_number(
        many_clusters: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    chosen = [synthetic(i) for i in range(TOTAL)][::-1]
    query = "&".join(f"cluster={cluster_key(c)}" for c in chosen)
    html = make_web_app(many_clusters).test_client().get(
        f"/benchmark?lang=en&{query}", headers=HTML).get_data(as_text=True)
    assert _compared(html) == [cluster_key(c) for c in chosen]
    assert f"Comparing {TOTAL} of the {TOTAL} stored clusters." in html
    assert "None was chosen" not in html


@pytest.mark.parametrize("year", ["", "&year=2022"])
def test_the_benchmark_reads_the_figures_of_the_year_it_shows_only(
        many_clusters: Path, make_web_app, figure_rows: list[dict[str, object]],  # type: ignore[no-untyped-def]
        year: str) -> None:
    """A cProfile of 100 clusters spent 5.3 of 6.0 s turning every year of every indicator into
    rdflib terms, though the table shows one year."""
    client = make_web_app(many_clusters).test_client()
    document = client.get(f"/api/benchmark?cluster={cluster_key(synthetic(3))}"
                          f"&cluster={cluster_key(synthetic(4))}{year}").get_json()
    shown = document["year"]
    assert shown == (int(year[-4:]) if year else max(
        int(str(row["year"])[:4]) for row in figure_rows))
    assert figure_rows and {int(str(row["year"])[:4]) for row in figure_rows} == {shown}
