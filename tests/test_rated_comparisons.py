"""9.3.2 a) b) with levels of a rating scale (9.2.3): a target stated as a level is compared with
the level rated that year, and a level with the one rated the year before, by the levels' ranks, in
words (同级, 高一级, 低两级; same level, one level above, …), and a level of another scale is said not
to be comparable (docs/model.md, decision 24). One store, built once for the module."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from checker.ingest import ingest_files, publish_for_queries
from checker.namespaces import BCIC
from checker.queries import run_named_query
from checker.store import open_configured_store
from tests.dehua_changes import EX
from tests.test_rated_values import (CLUSTER, HERITAGE, RATED, SCALE, XSD_GYEAR, XSD_INTEGER,
                                     key, rated)

CULTURE = URIRef("https://w3id.org/bcic/indicator/CulturalInheritance")  # a.1.3
OTHER_SCALE = URIRef(EX + "star-scale")
THREE_STARS = URIRef(EX + "level-three-stars")


def level(local: str) -> URIRef:
    """A level of the four-level heritage scale (差 1, 中 2, 良 3, 优 4)."""
    return URIRef(EX + f"level-{local}")


def rate(data: Graph, observation: URIRef, value: URIRef, *, indicator: URIRef = HERITAGE,
         year: str = "2024", kind: URIRef = BCIC.ActualValue) -> None:
    """`observation` stated (or restated) as the level `value`, with no number or unit."""
    data.remove((observation, None, None))
    for p, o in ((RDF.type, BCIC.IndicatorObservation), (BCIC.refCluster, CLUSTER),
                 (BCIC.indicator, indicator), (BCIC.refYear, Literal(year, datatype=XSD_GYEAR)),
                 (BCIC.valueKind, kind), (BCIC.ratedLevel, value)):
        data.add((observation, p, o))


def submission() -> Graph:
    """Dehua rated 优 for a.1.2 in 2024 against a target of 良 (one above), 差 in 2025 against a
    target of 优 (three below), and a.1.3 rated 优 in 2024 against a target of another scale, then
    三星 of that scale in 2025."""
    data = rated()  # a.1.2 2024 actual: 优
    rate(data, URIRef(EX + "obs-HistoricalHeritage-2024-target"), level("good"),
         kind=BCIC.TargetValue)
    rate(data, URIRef(EX + "obs-HistoricalHeritage-2025-actual"), level("poor"), year="2025")
    rate(data, URIRef(EX + "obs-HistoricalHeritage-2025-target"), level("excellent"), year="2025",
         kind=BCIC.TargetValue)
    data.add((OTHER_SCALE, RDF.type, BCIC.RatingScale))
    data.add((THREE_STARS, RDF.type, SKOS.Concept))
    data.add((THREE_STARS, SKOS.inScheme, OTHER_SCALE))
    data.add((THREE_STARS, SKOS.prefLabel, Literal("三星", lang="zh")))
    data.add((THREE_STARS, BCIC.levelRank, Literal(3, datatype=XSD_INTEGER)))
    rate(data, URIRef(EX + "obs-CulturalInheritance-2024-actual"), level("excellent"),
         indicator=CULTURE)
    rate(data, URIRef(EX + "obs-CulturalInheritance-2024-target"), THREE_STARS, indicator=CULTURE,
         kind=BCIC.TargetValue)
    rate(data, URIRef(EX + "obs-CulturalInheritance-2025-actual"), THREE_STARS, indicator=CULTURE,
         year="2025")
    assert (RATED, BCIC.ratedLevel, level("excellent")) in data and SCALE
    return data


Rows = dict[tuple[str, int], dict[str, str]]


@pytest.fixture(scope="module")
def rated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the `submission`, its query snapshot published."""
    folder = tmp_path_factory.mktemp("rated-comparisons")
    path = folder / "dehua-rated.ttl"
    submission().serialize(path, format="turtle")
    store = open_configured_store(str(folder / "store"))
    try:
        ingest_files(store, [path], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return folder / "store"


@pytest.fixture(scope="module")
def answers(rated_store: Path) -> dict[str, Rows]:
    """indicators-vs-targets and indicators-vs-history for Dehua, each as (notation, year) → the
    row's values as text."""
    store = open_configured_store(str(rated_store))
    try:
        rows = {name: run_named_query(store, name, {"cluster": str(CLUSTER)})
                for name in ("indicators-vs-targets", "indicators-vs-history")}
    finally:
        store.close()
    return {name: {(str(r["notation"]), int(str(r["year"]))): {k: str(v) for k, v in r.items()}
                   for r in found} for name, found in rows.items()}


@pytest.fixture
def targets(answers: dict[str, Rows]) -> Rows:
    return answers["indicators-vs-targets"]


@pytest.fixture
def history(answers: dict[str, Rows]) -> Rows:
    return answers["indicators-vs-history"]


def test_a_rated_target_met_one_level_above_says_so(targets: Rows) -> None:
    row = targets[("a.1.2", 2024)]
    assert row["targetLevel"] == str(level("good")) and row["actualLevel"] == str(level("excellent"))
    assert row["levelSteps"] == "1"
    assert (row["levelComparisonZh"], row["levelComparisonEn"]) == ("高一级", "one level above")
    assert not {"target", "actual", "gap"} & set(row)  # a level is no number
    numeric = targets[("a.1.1", 2024)]  # numbers keep their gap and get no level words
    assert "gap" in numeric and not {"targetLevel", "levelSteps", "levelComparisonEn"} & set(numeric)


def test_a_rated_target_missed_by_three_levels_says_three_below(targets: Rows) -> None:
    row = targets[("a.1.2", 2025)]
    assert row["levelSteps"] == "-3"
    assert (row["levelComparisonZh"], row["levelComparisonEn"]) == ("低三级",
                                                                    "three levels below")


def test_a_level_of_another_scale_is_not_compared(targets: Rows) -> None:
    row = targets[("a.1.3", 2024)]
    assert row["targetLevel"] == str(THREE_STARS) and row["actualLevel"] == str(level("excellent"))
    assert "levelSteps" not in row  # 三星 and 优 are not ranked against each other
    assert row["levelComparisonZh"] == "另一量表的等级，不可比较"
    assert row["levelComparisonEn"] == "a level of another scale: not comparable"



def test_a_level_three_below_the_year_befores_says_so(history: Rows) -> None:
    row = history[("a.1.2", 2025)]
    assert row["level"] == str(level("poor")) and row["previousLevel"] == str(level("excellent"))
    assert (row["levelSteps"], row["levelComparisonZh"], row["levelComparisonEn"]) == \
        ("-3", "低三级", "three levels below")
    assert not {"value", "previous", "change"} & set(row)
    first = history[("a.1.2", 2024)]  # the year before gives a number: nothing to rank against
    assert first["level"] == str(level("excellent")) and not {
        "previous", "previousLevel", "levelSteps", "levelComparisonZh"} & set(first)


def test_a_level_of_another_scale_than_the_year_befores_is_not_compared(history: Rows) -> None:
    row = history[("a.1.3", 2025)]
    assert row["previousLevel"] == str(level("excellent")) and "levelSteps" not in row
    assert (row["levelComparisonZh"], row["levelComparisonEn"]) == (
        "另一量表的等级，不可比较", "a level of another scale: not comparable")


def test_the_benchmark_page_and_api_say_the_levels_by_rank(make_web_app, rated_store: Path) -> None:  # type: ignore[no-untyped-def]
    """The four comparisons of the benchmark page and /api/benchmark carry the levels' words and
    the count of levels as a whole number (9.3.2 a) b))."""
    client = make_web_app(rated_store).test_client()
    for lang, said in (("zh", "低三级"), ("en", "three levels below")):
        page = client.get(f"/benchmark?focus={key(CLUSTER)}&indicator=a.1.2&year=2025&lang={lang}",
                          headers={"Accept": "text/html"}).get_data(as_text=True)
        assert f'<td data-column="levelComparison">{said}</td>' in page
    document = client.get(f"/api/benchmark?cluster={key(CLUSTER)}&indicator=a.1.2&year=2025"
                          ).get_json()
    [target] = document["comparisons"]["targets"]["rows"]
    [history] = document["comparisons"]["history"]["rows"]
    assert target["levelSteps"] == history["levelSteps"] == -3
    assert type(target["levelSteps"]) is int
    assert history["levelComparisonEn"] == "three levels below"
