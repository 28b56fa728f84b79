"""Which submission states a figure shown for a cluster, on the cluster and benchmark pages, their
charts, their JSON and `bcic benchmark` (checker/cluster_dashboard.py, web/clusters.py).

9.3.2 「培育主体应将集群品牌培育绩效与目标、历史、标杆和竞争对手进行比较」: a benchmark's or a
competitor's figures are often stated by the comparing cluster's submission, not by the peer's own.
A cluster's figures are read from the latest submission of every stored cluster, its own first
(docs/model.md, decision 8), so every value shown must say when another cluster's submission
states it. Here Jingdezhen is stored with a submission of its own that states one figure, its
2024 historical heritage; its other figures come only from Dehua's submission, which reports them
about its declared benchmark (and a historical heritage of its own for it, which Jingdezhen's own
figure overrides). Expected values are read from the Turtle written here.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph

from checker.cli import main
from checker.ingest import ingest_files, publish_for_queries
from checker.paths import EXAMPLES_DIR
from checker.store import open_configured_store

from test_named_queries import DEHUA, JINGDEZHEN, Figures, figures_about, peer_submission
from test_web_clusters import MARK, NOTE, key, noted, number, page, pick_label, table
from test_web_openapi import answer_errors, operation_of

LANGS = ("zh", "en")
CAPTION = {"en": "is not stated in the latest submission of the cluster it belongs to",
           "zh": "不是取自其所属集群自己的最新提交"}
# What Dehua's submission states about Jingdezhen: (indicator, year, value, unit).
ABOUT_JINGDEZHEN: Figures = (("LocationAdvantage", 2024, "80", "分(0-100)"),
                             ("IndustryScale", 2023, "500", "亿元"),
                             ("IndustryScale", 2024, "600.5", "亿元"),
                             ("HistoricalHeritage", 2024, "99", "分(0-100)"))
# What Jingdezhen's own submission states: its figure wins over Dehua's 99.
JINGDEZHEN_OWN: Figures = (("HistoricalHeritage", 2024, "95", "分(0-100)"),)
CODES = {"LocationAdvantage": "a.1.1", "HistoricalHeritage": "a.1.2", "IndustryScale": "b.1.1"}
REPORTED = {"a.1.1", "b.1.1"}  # Jingdezhen's 2024 figures that only Dehua's submission states


def dehua() -> Graph:
    """Dehua's sample submission with its figures about Jingdezhen."""
    return Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl") + figures_about(
        JINGDEZHEN, ABOUT_JINGDEZHEN)


def jingdezhen() -> Graph:
    return peer_submission(JINGDEZHEN, "景德镇陶瓷产业集群", "Jingdezhen ceramics industrial cluster",
                           JINGDEZHEN_OWN)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory store: Dehua's submission, then Jingdezhen's own."""
    folder = tmp_path_factory.mktemp("figure-sources")
    files = []
    for name, graph in (("dehua.ttl", dehua()), ("jingdezhen.ttl", jingdezhen())):
        graph.serialize(folder / name, format="turtle")
        files.append(folder / name)
    path = folder / "store"
    store = open_configured_store(str(path))
    try:
        for file in files:
            ingest_files(store, [file])
        publish_for_queries(store)
    finally:
        store.close()
    return path


def jingdezhen_2024() -> dict[str, Decimal]:
    """Indicator code → Jingdezhen's 2024 value as the pages must show it: its own where it
    states one, else Dehua's."""
    found = {CODES[i]: Decimal(v) for i, y, v, _u in ABOUT_JINGDEZHEN if y == 2024}
    found.update({CODES[i]: Decimal(v) for i, y, v, _u in JINGDEZHEN_OWN if y == 2024})
    return found


def notes(html: str, table_id: str) -> list[tuple[str, str, str]]:
    """The notes under a table: (id, data-source, text)."""
    block = html.split(f'id="{table_id}-sources"')[1].split("</div>")[0]
    return [(m[0], m[1], " ".join(re.sub(r"<[^>]+>", "", m[2]).split()))
            for m in re.findall(r'<li id="([^"]+)" data-source="([^"]+)">(.*?)</li>', block)]


def chart(html: str, name: str) -> Any:
    """The Chart.js configuration a page holds in its JSON block `name`."""
    return json.loads(html.split(f'id="{name}">')[1].split("</script>")[0])


# --- the benchmark page ---------------------------------------------------------------------

BENCHMARK = (f"cluster={key(JINGDEZHEN)}&cluster={key(DEHUA)}&indicator=a.1.1&indicator=a.1.2"
             "&indicator=b.1.1&year=2024")


@pytest.mark.parametrize("lang", LANGS)
def test_benchmark_table_marks_the_values_dehuas_submission_states_for_jingdezhen(
        make_web_app, store_dir: Path, lang: str) -> None:
    html = page(make_web_app(store_dir).test_client(), f"/benchmark?{BENCHMARK}&lang={lang}")
    by = pick_label(dehua(), DEHUA, lang)
    expected = jingdezhen_2024()
    rows = {attrs["data-indicator"]: cells for attrs, cells in table(html, "benchmark-table")[2:]}
    assert set(rows) == {"a.1.1", "a.1.2", "b.1.1"}
    for code, cells in rows.items():
        jingdezhen_cell, dehua_cell = cells[1], cells[4]
        if code in REPORTED:
            assert jingdezhen_cell == noted(expected[code], lang, by), code
        else:  # Jingdezhen's own figure, not Dehua's 99 about it: no mark
            assert jingdezhen_cell == f"{expected[code].normalize():f}", code
        assert MARK[lang] not in dehua_cell and number(dehua_cell) is not None  # Dehua's own
    assert notes(html, "benchmark") == [
        ("benchmark-source-1", key(DEHUA), f"{MARK[lang]}1 {NOTE[lang].format(cluster=by)}")]
    assert CAPTION[lang] in html.split('id="benchmark-sources"')[1].split("</p>")[0]
    assert html.count('href="#benchmark-source-1"') == len(REPORTED)  # each mark links its note


@pytest.mark.parametrize("lang", LANGS)
def test_benchmark_chart_gives_the_note_of_each_reported_value_in_its_tooltip(
        make_web_app, store_dir: Path, lang: str) -> None:
    html = page(make_web_app(store_dir).test_client(), f"/benchmark?{BENCHMARK}&lang={lang}")
    bars = chart(html, "bars-data")
    jingdezhen_bars, dehua_bars = bars["data"]["datasets"]
    note = f"{MARK[lang]}1 {NOTE[lang].format(cluster=pick_label(dehua(), DEHUA, lang))}"
    assert jingdezhen_bars["bcicNotes"] == [note, None, note]  # a.1.1, a.1.2, b.1.1
    assert "bcicNotes" not in dehua_bars


def test_the_tooltip_of_a_reported_bar_shows_its_note_in_a_real_browser(make_web_app,
                                                                        store_dir: Path) -> None:
    """Chromium draws the bars; hovering Jingdezhen's a.1.1 bar gives the note under the label,
    its own a.1.2 bar none."""
    from browser import chromium, live_server, screenshot

    note = f"{MARK['zh']}1 {NOTE['zh'].format(cluster=pick_label(dehua(), DEHUA, 'zh'))}"
    with live_server(make_web_app(store_dir)) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.goto(f"{base}/benchmark?{BENCHMARK}&lang=zh")
        tab.wait_for_load_state("load")
        footers = tab.evaluate(
            "() => { const chart = Chart.getChart(document.querySelector("
            "'canvas[data-chart=bars-data]')); return [0, 1].map(index => {"
            " chart.tooltip.setActiveElements([{datasetIndex: 0, index}], {x: 0, y: 0});"
            " chart.update(); return chart.tooltip.footer; }); }")
        screenshot(tab, "benchmark-reported-figures")
    assert footers == [[note], []]


@pytest.mark.parametrize("lang", LANGS)
def test_benchmark_api_names_the_submission_stating_each_value(make_web_app, store_dir: Path,
                                                               lang: str) -> None:
    document = make_web_app(store_dir).test_client().get(
        f"/api/benchmark?{BENCHMARK}&lang={lang}").get_json()
    for leaf in document["indicators"]:
        expected = str(DEHUA) if leaf["code"] in REPORTED else str(JINGDEZHEN)
        assert leaf["sources"] == {str(JINGDEZHEN): expected, str(DEHUA): str(DEHUA)}, leaf["code"]
        assert leaf["values"][str(JINGDEZHEN)] == float(jingdezhen_2024()[leaf["code"]])
    [stating] = document["stated_by"]
    assert stating["iri"] == str(DEHUA) and stating["key"] == key(DEHUA)
    assert stating["labels"] == {"zh": pick_label(dehua(), DEHUA, "zh"),
                                 "en": pick_label(dehua(), DEHUA, "en")}


# --- the cluster page -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_cluster_page_marks_reported_values_in_its_series_and_radar(make_web_app, store_dir: Path,
                                                                     lang: str) -> None:
    """Jingdezhen's page against Dehua: its industry scale by year and its 2024 location
    advantage are Dehua's report, its historical heritage its own."""
    html = page(make_web_app(store_dir).test_client(),
                f"/clusters/{key(JINGDEZHEN)}?lang={lang}&benchmark={key(DEHUA)}&group=b.1"
                "&year=2024")
    by = pick_label(dehua(), DEHUA, lang)
    series = {(a["data-indicator"], a["data-kind"]): cells
              for a, cells in table(html, "series-table")[1:]}
    years = table(html, "series-table")[0][1][3:]
    assert years == ["2023", "2024"]
    assert series[("b.1.1", "actual")][3:] == [noted(Decimal("500"), lang, by),
                                               noted(Decimal("600.5"), lang, by)]
    assert notes(html, "series") == [
        ("series-source-1", key(DEHUA), f"{MARK[lang]}1 {NOTE[lang].format(cluster=by)}")]
    leaves = {a["data-indicator"]: cells for a, cells in table(html, "radar-leaves")[1:]}
    expected = jingdezhen_2024()
    assert leaves["a.1.1"][1] == noted(expected["a.1.1"], lang, by, "分(0-100)")
    assert leaves["a.1.2"][1] == f"{expected['a.1.2'].normalize():f} 分(0-100)"
    assert leaves["b.1.1"][1] == noted(expected["b.1.1"], lang, by, "亿元")
    assert all(MARK[lang] not in cells[3] for cells in leaves.values())  # Dehua's own values
    assert [n[0] for n in notes(html, "radar")] == ["radar-source-1"]
    lines = chart(html, "series-data")["data"]["datasets"]
    scale = next(d for d in lines if d["label"].startswith("b.1.1"))
    note = f"{MARK[lang]}1 {NOTE[lang].format(cluster=by)}"
    assert scale["bcicNotes"] == [note, note]


def test_a_cluster_whose_figures_are_all_its_own_has_no_marks_or_notes(make_web_app,
                                                                        store_dir: Path) -> None:
    html = page(make_web_app(store_dir).test_client(),
                f"/clusters/{key(DEHUA)}?lang=en&benchmark=&group=b.1")
    assert "source-mark" not in html and 'id="series-sources"' not in html
    assert "bcicNotes" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_indicators_api_names_the_submission_stating_each_value(make_web_app, store_dir: Path,
                                                                lang: str) -> None:
    document = make_web_app(store_dir).test_client().get(
        f"/api/clusters/{key(JINGDEZHEN)}/indicators?benchmark={key(DEHUA)}&year=2024"
        f"&lang={lang}").get_json()
    series = {i["code"]: i for i in document["indicators"]}
    assert series["b.1.1"]["sources"] == {"actual": {"2023": str(DEHUA), "2024": str(DEHUA)},
                                          "target": {}}
    assert series["a.1.2"]["sources"] == {"actual": {"2024": str(JINGDEZHEN)}, "target": {}}
    assert series["a.1.2"]["actual"] == {"2024": 95.0}
    leaves = {leaf["code"]: leaf for g in document["radar"]["groups"] for leaf in g["leaves"]}
    assert leaves["a.1.1"]["sources"] == {str(JINGDEZHEN): str(DEHUA), str(DEHUA): str(DEHUA)}
    assert leaves["c.1.1"]["sources"][str(JINGDEZHEN)] is None  # no value, no source
    assert [c["iri"] for c in document["stated_by"]] == [str(DEHUA)]


@pytest.mark.parametrize("url", [
    f"/api/benchmark?{BENCHMARK}",
    f"/api/clusters/{key(JINGDEZHEN)}/indicators?benchmark={key(DEHUA)}",
    f"/api/clusters/{key(DEHUA)}/indicators?benchmark={key(JINGDEZHEN)}&year=2024",
])
def test_answers_with_reported_figures_match_the_openapi_document(make_web_app, store_dir: Path,
                                                                  url: str) -> None:
    app = make_web_app(store_dir)
    client = app.test_client()
    document = client.get("/api/openapi.json").get_json()
    answer = client.get(url)
    assert answer.status_code == 200 and answer.get_json()["stated_by"]
    assert not answer_errors(document, *operation_of(app, "GET", url), answer)


# --- bcic benchmark ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_cli_table_marks_the_reported_values_and_names_the_cluster_under_it(
        store_dir: Path, lang: str) -> None:
    result = CliRunner().invoke(main, ["benchmark", str(JINGDEZHEN), str(DEHUA), "--indicator",
                                       "a.1.1", "--indicator", "a.1.2", "--year", "2024",
                                       "--store", str(store_dir), "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    rows = {line.split()[0]: line for line in lines if line.startswith(("a.1.1", "a.1.2"))}
    assert f"80 分(0-100) {MARK[lang]}1 (" in rows["a.1.1"]
    assert MARK[lang] not in rows["a.1.2"]
    assert lines[-1].startswith(f"{MARK[lang]}1 ")
    assert pick_label(dehua(), DEHUA, lang) in lines[-1] and "9.3.2" in lines[-1]
