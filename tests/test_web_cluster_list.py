"""The cluster lists a page at a time (checker/cluster_list.py): the home page and `/api/clusters`
page, filter and order the stored clusters alike, and `bcic clusters` lists them in that order.

At 1,000 clusters both answered every cluster at once (425 kB of HTML, 568 kB of JSON), in the
IRI's string order (c0, c1, c10, c100 …), with no count, page, filter or next link. The store here
holds TOTAL synthetic clusters whose seeds repeat, so that clusters share a name and only their
IRIs, whose numbers do not sort as text (c2, c10), tell them apart; pages of PAGE clusters walk it.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from rdflib import RDFS, URIRef

from checker.cli import main
from checker.cluster_list import CLUSTERS_PER_PAGE, MOST_CLUSTERS_PER_PAGE
from checker.ingest import ingest_files, publish_for_queries
from checker.store import cluster_key, open_configured_store
from checker.synthetic import generate_cluster, to_turtle

TOTAL = 12
SEEDS = 8  # c8…c11 repeat the names of c0…c3
PAGE = 5
HTML = {"Accept": "text/html"}


def synthetic(i: int) -> URIRef:
    return URIRef(f"https://example.org/synthetic/c{i}/cluster")


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, dict[str, str]]]:
    """A directory store of TOTAL small synthetic clusters (snapshot published), and each
    cluster's labels by language, by its number."""
    folder = tmp_path_factory.mktemp("cluster-list")
    store = open_configured_store(str(folder / "store"))
    labels: dict[int, dict[str, str]] = {}
    try:
        for i in range(TOTAL):
            graph = generate_cluster(members=3, years=1, seed=i % SEEDS, cluster_id=f"c{i}")
            labels[i] = {label.language: str(label)  # type: ignore[attr-defined]
                         for label in graph.objects(synthetic(i), RDFS.label)}
            path = folder / f"c{i}.ttl"
            path.write_text(to_turtle(graph), encoding="utf-8")
            ingest_files(store, [path], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return folder / "store", labels


@pytest.fixture(scope="module")
def client(listed: tuple[Path, dict[int, dict[str, str]]]):  # type: ignore[no-untyped-def]
    from web import create_app, query_service

    app = create_app({"TESTING": True, "BCIC_STORE": str(listed[0]), "SECRET_KEY": "test"})
    yield app.test_client()
    query_service(app).close()


def _expected(labels: dict[int, dict[str, str]], lang: str) -> list[str]:
    """The cluster IRIs in the order the lists must give: by name in `lang`, then by number."""
    return [str(synthetic(i)) for i in sorted(labels, key=lambda i: (labels[i][lang].casefold(), i))]


def _rows(page: str) -> list[str]:
    """The cluster IRIs of the home page's table, in order."""
    return re.findall(r'<div class="muted iri">([^<]+)</div>', page)


def test_the_name_order_is_not_the_iri_order_here(
        listed: tuple[Path, dict[int, dict[str, str]]]) -> None:
    """The store tells the orders apart: names repeat, and c10 follows c2 among equal names."""
    labels = listed[1]
    assert labels[2] == labels[10] and _expected(labels, "en") != sorted(_expected(labels, "en"))
    en = _expected(labels, "en")
    assert en.index(str(synthetic(2))) < en.index(str(synthetic(10)))


# --- /api/clusters ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_walking_the_pages_of_the_api_gives_every_cluster_once_in_name_order(
        client: FlaskClient, listed: tuple[Path, dict[int, dict[str, str]]], lang: str) -> None:
    walked: list[str] = []
    url: str | None = f"/api/clusters?limit={PAGE}&lang={lang}"
    while url is not None:
        page = client.get(url).get_json()
        assert (page["count"], page["offset"], page["limit"]) == (TOTAL, len(walked), PAGE)
        assert len(page["clusters"]) == min(PAGE, TOTAL - len(walked))
        walked += [c["cluster"] for c in page["clusters"]]
        url = page["next"]
        if url is not None:  # absolute, the language and page size kept
            assert url.startswith("http://localhost/api/clusters?") and f"lang={lang}" in url
            assert f"offset={len(walked)}" in url and f"limit={PAGE}" in url
    assert walked == _expected(listed[1], lang)


def test_the_api_gives_a_page_of_the_default_size_and_says_none_follows(
        client: FlaskClient) -> None:
    page = client.get("/api/clusters").get_json()
    assert (page["count"], page["offset"], page["limit"], page["next"]) == (
        TOTAL, 0, CLUSTERS_PER_PAGE, None)
    assert len(page["clusters"]) == TOTAL
    past = client.get(f"/api/clusters?offset={TOTAL}").get_json()
    assert past["clusters"] == [] and past["count"] == TOTAL and past["next"] is None


@pytest.mark.parametrize(("text", "numbers"), [
    ("/C1", [1, 10, 11]),  # the IRI, in any case
    ("taoyuan", None),  # the English label
    ("桃源", None),  # the Chinese label, asked in English
])
def test_the_api_filters_by_label_in_any_language_or_iri(
        client: FlaskClient, listed: tuple[Path, dict[int, dict[str, str]]], text: str,
        numbers: list[int] | None) -> None:
    labels = listed[1]
    if numbers is None:
        numbers = [i for i in labels if "Taoyuan" in labels[i]["en"]]
        assert numbers and all("桃源" in labels[i]["zh"] for i in numbers)
    page = client.get("/api/clusters", query_string={"q": text, "lang": "en"}).get_json()
    assert page["count"] == len(numbers)
    assert [c["cluster"] for c in page["clusters"]] == [
        iri for iri in _expected(labels, "en") if iri in {str(synthetic(i)) for i in numbers}]


@pytest.mark.parametrize("given, words_en, words_zh", [
    ("offset=-1", "offset: '-1' is not a whole number of at least 0", "offset：'-1' 不是不小于 0 的整数"),
    ("offset=1.5", "offset: '1.5' is not a whole number", "不是不小于 0 的整数"),
    ("limit=0", "limit: '0' is not a whole number of at least 1", "limit：'0' 不是不小于 1 的整数"),
    ("limit=ten", "limit: 'ten' is not a whole number", "不是不小于 1 的整数"),
    (f"limit={MOST_CLUSTERS_PER_PAGE + 1}",
     f"limit: {MOST_CLUSTERS_PER_PAGE + 1} is over the row limit of {MOST_CLUSTERS_PER_PAGE}",
     f"limit：{MOST_CLUSTERS_PER_PAGE + 1} 超过每页 {MOST_CLUSTERS_PER_PAGE} 行的行数上限"),
    ("limit=2&limit=3", "parameter limit is given more than once", "参数 limit 给出了不止一次"),
    ("q=a&q=b", "parameter q is given more than once", "参数 q 给出了不止一次"),
    ("q=%00", "parameter q: the text holds a control character", "参数 q：文本含有控制字符"),
])
def test_a_bad_page_or_filter_is_a_400_in_the_asked_language(
        client: FlaskClient, given: str, words_en: str, words_zh: str) -> None:
    for lang, words in (("en", words_en), ("zh", words_zh)):
        api = client.get(f"/api/clusters?{given}&lang={lang}")
        assert api.status_code == 400 and words in api.get_json()["message"]
        page = client.get(f"/?{given}&lang={lang}", headers=HTML)
        assert page.status_code == 400 and words in html.unescape(page.get_data(as_text=True))


@pytest.mark.parametrize("given", ["%00", "a%1Bb", "%7F", "a%0Ab"])
@pytest.mark.parametrize("path", ["/", f"/clusters/{cluster_key(synthetic(0))}", "/benchmark"])
def test_a_control_character_in_the_filter_is_a_400_on_every_page_that_takes_it(
        client: FlaskClient, path: str, given: str) -> None:
    """The cluster page and /benchmark wrote a NUL of `q` raw into their HTML, with a 200."""
    for lang, words in (("en", "parameter q: the text holds a control character"),
                        ("zh", "参数 q：文本含有控制字符")):
        page = client.get(f"{path}?q={given}&lang={lang}", headers=HTML)
        text = page.get_data(as_text=True)
        assert page.status_code == 400 and words in html.unescape(text)
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)


def test_spaces_around_the_filter_are_still_dropped_not_refused(client: FlaskClient) -> None:
    """A line feed or tab around the text is not part of it (no name starts with one)."""
    answer = client.get("/api/clusters?q=%09c10%0A").get_json()
    assert [c["cluster"] for c in answer["clusters"]] == [str(synthetic(10))]


# --- the selectors of the cluster and benchmark pages (checker/cluster_choices.py) -------------

def _option_texts(page: str, name: str) -> dict[str, str]:
    """The options of the page's `<select name=…>` by value: the text each shows."""
    select = page.split(f'<select name="{name}"')[1].split("</select>")[0]
    return {value: html.unescape(text)
            for value, text in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)}


@pytest.mark.parametrize(("lang", "shown"), [("en", "{name} — …/c{i}/cluster"),
                                             ("zh", "{name}（…/c{i}/cluster）")])
def test_options_of_a_shared_name_show_the_end_of_their_iri_and_others_their_name_alone(
        client: FlaskClient, listed: tuple[Path, dict[int, dict[str, str]]], lang: str,
        shown: str) -> None:
    """The benchmark selectors showed c1 and c9, which share a name, as the same option; an
    option shares a name with the page's own cluster too (c8 with c0), though that one is not
    offered."""
    labels = listed[1]
    c0 = cluster_key(synthetic(0))
    pages = {"cluster page": (client.get(f"/clusters/{c0}?lang={lang}", headers=HTML),
                              ["benchmark"]),
             "/benchmark": (client.get(f"/benchmark?lang={lang}&focus={c0}", headers=HTML),
                            ["cluster", "focus", "benchmark"])}
    for where, (answer, selectors) in pages.items():
        assert answer.status_code == 200, where
        for name in selectors:
            options = _option_texts(answer.get_data(as_text=True), name)
            options.pop("", None)  # "none", "the declared one"
            assert len(options) == TOTAL - (name == "benchmark"), (where, name)
            for i in range(TOTAL):
                if cluster_key(synthetic(i)) not in options:
                    continue
                alike = [j for j in labels if j != i and labels[j][lang] == labels[i][lang]]
                expected = (shown.format(name=labels[i][lang], i=i) if alike
                            else labels[i][lang])
                assert options[cluster_key(synthetic(i))] == expected, (where, name, i)
            assert len(set(options.values())) == len(options), (where, name)


@pytest.mark.parametrize(("lang", "shown"), [("en", "{name} — …/c{i}/cluster"),
                                             ("zh", "{name}（…/c{i}/cluster）")])
def test_clusters_of_a_shared_name_compared_side_by_side_are_told_apart_in_the_headers(
        client: FlaskClient, listed: tuple[Path, dict[int, dict[str, str]]], lang: str,
        shown: str) -> None:
    """c1 and c9 share a name: the side-by-side table's headers, the chart's legend and the
    cluster page's radar tables showed it twice, as if one cluster were compared with itself."""
    labels = listed[1]
    c1, c9 = cluster_key(synthetic(1)), cluster_key(synthetic(9))
    told = [shown.format(name=labels[i][lang], i=i) for i in (1, 9)]
    answer = client.get(f"/benchmark?lang={lang}&cluster={c1}&cluster={c9}&focus={c1}",
                        headers=HTML)
    assert answer.status_code == 200
    page = answer.get_data(as_text=True)
    headers = re.findall(r'<th colspan="3" data-cluster="([0-9a-f]+)">(.*?)</th>', page)
    assert [(k, _plain(h)) for k, h in headers] == [(c1, told[0]), (c9, told[1])]
    legend = json.dumps(json.loads(page.split('id="bars-data">')[1].split("</script>")[0]),
                        ensure_ascii=False)
    assert told[0] in legend and told[1] in legend
    radar = client.get(f"/clusters/{c1}?lang={lang}&benchmark={c9}", headers=HTML)
    assert radar.status_code == 200
    for table in ("radar-table", "radar-leaves"):
        head = radar.get_data(as_text=True).split(f'<table id="{table}">')[1].split("</thead>")[0]
        assert [_plain(h) for h in re.findall(r'<th class="num">(.*?)</th>', head)
                if "…/" in h] == told, table


@pytest.mark.parametrize(("lang", "shown"), [("en", "{name} — …/c{i}/cluster"),
                                             ("zh", "{name}（…/c{i}/cluster）")])
def test_bcic_benchmark_tells_apart_the_columns_of_clusters_sharing_a_name(
        listed: tuple[Path, dict[int, dict[str, str]]], lang: str, shown: str) -> None:
    """Its table's headers were the two clusters' one name; a cluster of a name of its own
    keeps it alone."""
    store, labels = listed
    result = CliRunner().invoke(main, ["benchmark", str(synthetic(1)), str(synthetic(9)),
                                       str(synthetic(4)), "--store", str(store),
                                       "--lang", lang])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[1]
    assert shown.format(name=labels[1][lang], i=1) in header
    assert shown.format(name=labels[9][lang], i=9) in header
    assert labels[4][lang] in header and "…/c4/cluster" not in header


def _plain(markup: str) -> str:
    """The text of a piece of HTML."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# --- the home page ----------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "first", "middle", "last"), [
    ("en", f"Clusters 1–{PAGE} of {TOTAL}", f"Clusters {PAGE + 1}–{2 * PAGE} of {TOTAL}",
     f"Clusters {2 * PAGE + 1}–{TOTAL} of {TOTAL}"),
    ("zh", f"第 1–{PAGE} 个产业集群，共 {TOTAL} 个", f"第 {PAGE + 1}–{2 * PAGE} 个产业集群，共 {TOTAL} 个",
     f"第 {2 * PAGE + 1}–{TOTAL} 个产业集群，共 {TOTAL} 个")])
def test_the_home_page_shows_a_page_of_clusters_with_links_to_the_others(
        client: FlaskClient, listed: tuple[Path, dict[int, dict[str, str]]], lang: str,
        first: str, middle: str, last: str) -> None:
    expected = _expected(listed[1], lang)
    url: str | None = f"/?limit={PAGE}&lang={lang}"
    shown: list[str] = []
    for said in (first, middle, last):
        assert url is not None
        page = client.get(url, headers=HTML).get_data(as_text=True)
        assert said in page
        rows = _rows(page)
        assert rows == expected[len(shown):len(shown) + PAGE]
        previous = re.search(r'<a href="([^"]+)" rel="prev">', page)
        following = re.search(r'<a href="([^"]+)" rel="next">', page)
        assert (previous is None) is (not shown)
        if previous is not None:  # back to the page before, the filter, size and language kept
            back = _rows(client.get(html.unescape(previous.group(1))).get_data(as_text=True))
            assert back == expected[len(shown) - PAGE:len(shown)]
        shown += rows
        url = html.unescape(following.group(1)) if following else None
        if url is not None:
            assert f"limit={PAGE}" in url and f"lang={lang}" in url
    assert url is None and shown == expected


def test_the_home_page_keeps_its_columns_and_needs_no_links_when_one_page_holds_all(
        client: FlaskClient) -> None:
    page = client.get("/?lang=en", headers=HTML).get_data(as_text=True)
    assert len(_rows(page)) == TOTAL and f"Clusters 1–{TOTAL} of {TOTAL}" in page
    assert 'rel="next"' not in page and 'rel="prev"' not in page
    for column in ("Latest verdict", "Conformance rate", "Revisions", "Rulebook", "Last revision"):
        assert f">{column}</th>" in page
    assert f'href="/clusters/{cluster_key(synthetic(0))}"' in page


@pytest.mark.parametrize(("lang", "label", "said"), [
    ("en", "Name or IRI contains", "of the 12 stored clusters have “桃源” in their name or IRI"),
    ("zh", "名称或 IRI 包含", "已存储的 12 个产业集群中，名称或 IRI 含“桃源”的有")])
def test_the_home_page_filters_in_a_labelled_get_form(
        client: FlaskClient, listed: tuple[Path, dict[int, dict[str, str]]], lang: str,
        label: str, said: str) -> None:
    form = client.get(f"/?lang={lang}", headers=HTML).get_data(as_text=True)
    assert re.search(r'<form class="filters" method="get" role="search" action="/">', form)
    assert re.search(rf"<label>{label}\s*<input type=\"search\" id=\"cluster-filter\" name=\"q\"",
                     form)  # the field inside its label, reached by Tab, sent by Enter
    page = client.get("/", query_string={"q": "桃源", "lang": lang},
                      headers=HTML).get_data(as_text=True)
    named = {str(synthetic(i)) for i, labels in listed[1].items() if "桃源" in labels["zh"]}
    taoyuan = [iri for iri in _expected(listed[1], lang) if iri in named]
    assert _rows(page) == taoyuan and said in page
    assert 'name="q" value="桃源"' in page  # the form shows the filter it applied


@pytest.mark.parametrize(("query", "said"), [
    ("q=nowhere&lang=en", "No stored cluster has “nowhere” in its name or IRI."),
    ("q=nowhere&lang=zh", "没有名称或 IRI 含“nowhere”的已存储产业集群。"),
    (f"offset={TOTAL}&lang=en", f"This page is past the end of the list, which holds {TOTAL}"),
    (f"offset={TOTAL}&lang=zh", f"本页超出了列表末尾，列表共有 {TOTAL} 个产业集群。")])
def test_an_empty_page_says_why_instead_of_an_empty_table(client: FlaskClient, query: str,
                                                          said: str) -> None:
    page = client.get(f"/?{query}", headers=HTML).get_data(as_text=True)
    assert said in page and '<table id="clusters">' not in page


# --- bcic clusters ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cli_lists_the_clusters_in_the_home_pages_order(
        listed: tuple[Path, dict[int, dict[str, str]]], lang: str) -> None:
    result = CliRunner().invoke(main, ["clusters", "--store", str(listed[0]), "--lang", lang])
    assert result.exit_code == 0, result.output
    iris = re.findall(r"https://example\.org/synthetic/c\d+/cluster", result.output)
    assert iris == _expected(listed[1], lang)
