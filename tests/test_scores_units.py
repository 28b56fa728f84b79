"""The scores of the charts and of `bcic benchmark` when clusters state an indicator in different
units (checker/benchmarking.py; docs/model.md, decision 8).

9.3.2 「绩效分析的常用方法包括但不限于：……c) 与标杆的对比；d) 与竞争对手的对比。」 A score sets a value
against the best of the compared values, so only values of one unit (`bcic:unitOfMeasure`) are
compared: Dehua's industry scale as an index (指数) never meets another cluster's 亿元. The store is
that of tests/test_named_queries_units.py (Dehua stating its industry scale in 亿元 and as an
index, its competitor Chaozhou rating its location advantage out of 10 where Dehua's report on
it rates out of 100), and Longquan, which states its industry scale only as an index. Expected
values are read from the Turtle with rdflib and scored here by the documented rule.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Graph, URIRef

from checker.cli import main
from checker.ingest import ingest_files, publish_for_queries
from checker.namespaces import BCIC, IND
from checker.paths import EXAMPLES_DIR
from checker.store import open_configured_store

from test_named_queries import CHAOZHOU, DATANG, DEHUA, Figures, peer_submission
from test_named_queries_units import INDEX, chaozhou, two_unit_dehua, unit_files, unit_observations
from test_web_clusters import key, noted, number, page, table

LONGQUAN = URIRef("https://example.org/cluster/longquan/cluster")
LONGQUAN_FIGURES: Figures = (("IndustryScale", 2024, "105.2", INDEX),)
NOT_COMPARABLE = {"en": "not comparable (different units)", "zh": "不可比（单位不同）"}
SCALE_LABEL = {"en": "b.1.1 industry scale", "zh": "b.1.1 产业规模"}
LANGS = ("zh", "en")


def longquan() -> Graph:
    """A cluster stating its industry scale only as an index: no unit in common with Datang."""
    return peer_submission(LONGQUAN, "龙泉青瓷产业集群", "Longquan celadon industrial cluster",
                           LONGQUAN_FIGURES)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory store: the files of `units_store`, then Longquan's own submission."""
    folder = tmp_path_factory.mktemp("scores-units")
    longquan().serialize(folder / "longquan.ttl", format="turtle")
    path = folder / "store"
    store = open_configured_store(str(path))
    try:
        for file in [*unit_files(folder), folder / "longquan.ttl"]:
            ingest_files(store, [file])
        publish_for_queries(store)
    finally:
        store.close()
    return path


def stated(graph: Graph, cluster: URIRef, indicator: URIRef, year: int) -> dict[str, Decimal]:
    """Unit → the actual value a graph states for a cluster's indicator in a year."""
    return {unit: value for (c, i, y, kind, unit), value in unit_observations(graph).items()
            if (c, i, y, kind) == (cluster, indicator, year, BCIC.ActualValue)}


def scale_2024() -> dict[URIRef, dict[str, Decimal]]:
    """Each cluster's 2024 industry scale by unit, as its own submission states it."""
    datang = Graph().parse(EXAMPLES_DIR / "datang-socks.ttl")
    return {c: stated(g, c, IND.IndustryScale, 2024) for c, g in (
        (DEHUA, two_unit_dehua()), (CHAOZHOU, chaozhou()), (DATANG, datang),
        (LONGQUAN, longquan()))}


def score(value: Decimal, best: Decimal) -> float:
    return round(float(value / best * 100), 1)


# --- the benchmark page, its chart and its JSON ------------------------------------------------

FOUR = (DEHUA, CHAOZHOU, DATANG, LONGQUAN)


def four_query(lang: str) -> str:
    return "&".join([f"cluster={key(c)}" for c in FOUR] +
                    ["indicator=b.1.1", "year=2024", f"lang={lang}"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_side_by_side_scores_industry_scale_among_the_values_in_yi_yuan(
        make_web_app, store_dir: Path, lang: str) -> None:
    """Three of the four state 亿元, two an index: the bars compare in 亿元, Dehua with its 亿元
    figure (never its index), and Longquan's index is not comparable."""
    html = page(make_web_app(store_dir).test_client(), f"/benchmark?{four_query(lang)}")
    facts = scale_2024()
    assert all("亿元" in facts[c] for c in FOUR[:3]) and set(facts[LONGQUAN]) == {INDEX}
    best = max(facts[c]["亿元"] for c in FOUR[:3])
    [(attrs, cells)] = table(html, "benchmark-table")[2:]
    assert attrs["data-indicator"] == "b.1.1"
    for n, cluster in enumerate(FOUR[:3]):
        assert number(cells[1 + 3 * n]) == facts[cluster]["亿元"] and cells[2 + 3 * n] == "亿元"
        assert float(cells[3 + 3 * n]) == score(facts[cluster]["亿元"], best)
    assert number(cells[10]) == facts[LONGQUAN][INDEX] and cells[11] == INDEX
    assert cells[12] == NOT_COMPARABLE[lang]
    chart = json.loads(html.split('id="bars-data">')[1].split("</script>")[0])
    assert chart["data"]["labels"] == [f"{SCALE_LABEL[lang]} (亿元)"]
    assert [d["data"] for d in chart["data"]["datasets"]] == [
        [score(facts[c]["亿元"], best)] for c in FOUR[:3]] + [[None]]


def test_the_benchmark_api_names_the_unit_compared_and_the_values_not_comparable(
        make_web_app, store_dir: Path) -> None:
    document = make_web_app(store_dir).test_client().get(
        f"/api/benchmark?{four_query('en')}").get_json()
    facts = scale_2024()
    [leaf] = document["indicators"]
    assert leaf["compared_unit"] == "亿元" and leaf["not_comparable"] == [str(LONGQUAN)]
    assert leaf["units"] == {str(c): ("亿元" if c != LONGQUAN else INDEX) for c in FOUR}
    assert leaf["values"][str(DEHUA)] == float(facts[DEHUA]["亿元"])
    assert leaf["scores"][str(LONGQUAN)] is None and leaf["scores"][str(DATANG)] == 100.0


# --- the cluster page's radar ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_radar_sets_dehuas_yi_yuan_against_its_competitors(make_web_app, store_dir: Path,
                                                               lang: str) -> None:
    """Dehua against Chaozhou in 2024: the industry scale leaf compares 亿元 with 亿元, and the
    b.1 axis rests on it alone (Chaozhou states no other b.1 indicator)."""
    html = page(make_web_app(store_dir).test_client(),
                f"/clusters/{key(DEHUA)}?lang={lang}&benchmark={key(CHAOZHOU)}&year=2024")
    own, other = scale_2024()[DEHUA]["亿元"], scale_2024()[CHAOZHOU]["亿元"]
    leaves = {attrs["data-indicator"]: cells for attrs, cells in table(html, "radar-leaves")[1:]}
    assert leaves["b.1.1"][1:] == [f"{own.normalize():f} 亿元", f"{score(own, other)}",
                                   f"{other.normalize():f} 亿元", "100.0"]
    axes = {attrs["data-group"]: cells for attrs, cells in table(html, "radar-table")[1:]}
    assert axes["b.1"][1:] == [f"{score(own, other)}", "100.0", "1 / 4"]
    chart = json.loads(html.split('id="radar-data">')[1].split("</script>")[0])
    b1 = next(n for n, label in enumerate(chart["data"]["labels"]) if label.startswith("b.1 "))
    assert [d["data"][b1] for d in chart["data"]["datasets"]] == [score(own, other), 100.0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_radar_takes_the_competitors_figure_in_the_unit_dehua_uses(
        make_web_app, store_dir: Path, lang: str) -> None:
    """Chaozhou rates its 2023 location advantage 7.9 out of 10; Dehua's report rates it 81 out
    of 100, Dehua's own scale: the leaf compares the two figures out of 100, and marks the 81 as
    stated by Dehua's submission (a note under the table names it)."""
    html = page(make_web_app(store_dir).test_client(),
                f"/clusters/{key(DEHUA)}?lang={lang}&benchmark={key(CHAOZHOU)}&year=2023")
    own = stated(two_unit_dehua(), DEHUA, IND.LocationAdvantage, 2023)
    reported = stated(two_unit_dehua(), CHAOZHOU, IND.LocationAdvantage, 2023)
    assert set(stated(chaozhou(), CHAOZHOU, IND.LocationAdvantage, 2023)) == {"分(0-10)"}
    [unit] = set(own) & set(reported)
    best = max(own[unit], reported[unit])
    leaves = {attrs["data-indicator"]: cells for attrs, cells in table(html, "radar-leaves")[1:]}
    by = next(str(o) for o in two_unit_dehua().objects(DEHUA, RDFS.label) if o.language == lang)
    assert leaves["a.1.1"][1:] == [
        f"{own[unit].normalize():f} {unit}", f"{score(own[unit], best)}",
        noted(reported[unit], lang, by, unit), f"{score(reported[unit], best)}"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_leaf_without_a_common_unit_is_not_comparable_and_leaves_its_axis_empty(
        make_web_app, store_dir: Path, lang: str) -> None:
    """Datang states its industry scale in 亿元, Longquan only as an index: no score for either,
    the leaf says why, and the b.1 axis, with no other leaf both state, is a gap."""
    client = make_web_app(store_dir).test_client()
    html = page(client, f"/clusters/{key(DATANG)}?lang={lang}&benchmark={key(LONGQUAN)}")
    facts = scale_2024()
    leaves = {attrs["data-indicator"]: cells for attrs, cells in table(html, "radar-leaves")[1:]}
    assert leaves["b.1.1"][1:] == [f"{facts[DATANG]['亿元'].normalize():f} 亿元",
                                   NOT_COMPARABLE[lang],
                                   f"{facts[LONGQUAN][INDEX].normalize():f} {INDEX}",
                                   NOT_COMPARABLE[lang]]
    axes = {attrs["data-group"]: cells for attrs, cells in table(html, "radar-table")[1:]}
    assert axes["b.1"][1:] == ["—", "—", "0 / 4"]
    chart = json.loads(html.split('id="radar-data">')[1].split("</script>")[0])
    b1 = next(n for n, label in enumerate(chart["data"]["labels"]) if label.startswith("b.1 "))
    assert [d["data"][b1] for d in chart["data"]["datasets"]] == [None, None]


def test_the_indicators_api_gives_the_radar_leaf_without_a_score(make_web_app,
                                                                  store_dir: Path) -> None:
    document = make_web_app(store_dir).test_client().get(
        f"/api/clusters/{key(DATANG)}/indicators?benchmark={key(LONGQUAN)}").get_json()
    group = next(g for g in document["radar"]["groups"] if g["code"] == "b.1")
    leaf = next(item for item in group["leaves"] if item["code"] == "b.1.1")
    assert leaf["compared_unit"] is None
    assert leaf["not_comparable"] == [str(DATANG), str(LONGQUAN)]
    assert leaf["scores"] == {str(DATANG): None, str(LONGQUAN): None}
    assert leaf["units"] == {str(DATANG): "亿元", str(LONGQUAN): INDEX}
    assert group["counted"] == 0 and group["scores"] == {str(DATANG): None, str(LONGQUAN): None}


# --- the cluster page's values by year ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_an_indicator_in_two_units_has_a_line_per_unit(make_web_app, store_dir: Path,
                                                       lang: str) -> None:
    """Dehua's industry scale: one line in 亿元 (every year), one as an index (2023 and 2024),
    each row holding only the values of its unit."""
    client = make_web_app(store_dir).test_client()
    html = page(client, f"/clusters/{key(DEHUA)}?lang={lang}&indicator=b.1.1")
    obs = unit_observations(two_unit_dehua())
    want = {(unit, "actual" if kind == BCIC.ActualValue else "target", year): value
            for (c, i, year, kind, unit), value in obs.items()
            if c == DEHUA and i == IND.IndustryScale}
    rows = table(html, "series-table")
    years = [int(y) for y in rows[0][1][3:]]
    got = {(cells[1], attrs["data-kind"], year): number(cell)
           for attrs, cells in rows[1:] for year, cell in zip(years, cells[3:])
           if number(cell) is not None}
    assert got == want
    assert [cells[1] for _, cells in rows[1:]] == ["亿元", "亿元", INDEX, INDEX]
    chart = json.loads(html.split('id="series-data">')[1].split("</script>")[0])
    lines = {d["label"]: d["data"] for d in chart["data"]["datasets"]}
    index_line = next(data for label, data in lines.items()
                      if label.endswith(f"({INDEX})") and "—" not in label)
    assert index_line == [float(want[INDEX, "actual", y]) if (INDEX, "actual", y) in want
                          else None for y in years]
    document = client.get(f"/api/clusters/{key(DEHUA)}/indicators").get_json()
    scale = [(i["unit"], i["actual"]) for i in document["indicators"] if i["code"] == "b.1.1"]
    assert scale == [(unit, {str(y): float(v) for (u, k, y), v in sorted(want.items())
                             if u == unit and k == "actual"}) for unit in ("亿元", INDEX)]


# --- bcic benchmark -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_cli_scores_only_within_one_unit_and_says_which_values_are_not_comparable(
        runner: CliRunner, store_dir: Path, lang: str) -> None:
    result = runner.invoke(main, ["benchmark", *map(str, FOUR), "--indicator", "b.1.1",
                                  "--year", "2024", "--store", str(store_dir), "--lang", lang])
    assert result.exit_code == 0, result.output
    facts = scale_2024()
    best = max(facts[c]["亿元"] for c in FOUR[:3])
    row = next(line for line in result.output.splitlines() if line.startswith("b.1.1"))
    for cluster in FOUR[:3]:
        value = facts[cluster]["亿元"]
        assert f"{value.normalize():f} 亿元 ({score(value, best)})" in row
    assert f"{facts[DEHUA][INDEX].normalize():f}" not in row  # Dehua's index is not shown
    assert row.rstrip().endswith(
        f"{facts[LONGQUAN][INDEX].normalize():f} {INDEX} — {NOT_COMPARABLE[lang]}")


def test_the_cli_compares_in_the_unit_both_clusters_state(runner: CliRunner,
                                                           store_dir: Path) -> None:
    """Dehua against Longquan: their common unit is the index, though Dehua's measurement
    specification names 亿元."""
    result = runner.invoke(main, ["benchmark", str(DEHUA), str(LONGQUAN), "--indicator",
                                  "b.1.1", "--year", "2024", "--store", str(store_dir),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    [leaf] = json.loads(result.output)["indicators"]
    facts = scale_2024()
    assert leaf["compared_unit"] == INDEX and leaf["not_comparable"] == []
    assert leaf["values"] == {str(DEHUA): float(facts[DEHUA][INDEX]),
                              str(LONGQUAN): float(facts[LONGQUAN][INDEX])}
    assert leaf["scores"] == {str(DEHUA): 100.0,
                              str(LONGQUAN): score(facts[LONGQUAN][INDEX], facts[DEHUA][INDEX])}
