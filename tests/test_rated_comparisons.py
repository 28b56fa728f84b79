"""9.3.2 a)–d) with levels of a rating scale (9.2.3): a target stated as a level is compared with
the level rated that year, a level with the one rated the year before, and a cluster's level with
its benchmark's or competitor's of the latest year both are rated, by the levels' ranks, in words
(同级, 高一级, 低两级; same level, one level above, …); a level of another scale is said not to be
comparable, a level is never set against a number, and a level of two scales is compared on the
one both levels share, in one row (docs/model.md, decision 24). One store, built once for the
module."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from checker.cli import main
from checker.ingest import ingest_files, publish_for_queries
from checker.level_steps import steps_words
from checker.namespaces import BCIC
from checker.queries import ENGINE_PROLOGUES, bind, get_query, run_named_query
from checker.rated_figures import read_rated
from checker.store import open_configured_store
from tests.dehua_changes import EX
from tests.test_rated_values import (CLUSTER, HERITAGE, RATED, SCALE, XSD_GYEAR, XSD_INTEGER,
                                     key, rated)

CULTURE = URIRef("https://w3id.org/bcic/indicator/CulturalInheritance")  # a.1.3
PEER = URIRef("https://example.org/cluster/peer/cluster")
RIVAL = URIRef("https://example.org/cluster/rival/cluster")
OTHER_SCALE = URIRef(EX + "star-scale")
FIRST_SCALE = URIRef(EX + "a-star-scale")  # sorts before OTHER_SCALE
THREE_STARS = URIRef(EX + "level-three-stars")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


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
    三星 of that scale in 2025; 良 and 差 are of the star scale too (skos:inScheme twice). Dehua
    declares the `peer` its competitor and reports the peer's a.1.3 as numbers in 2023 and in
    2025, when Dehua itself is rated."""
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
    for local in ("good", "poor"):
        data.add((level(local), SKOS.inScheme, OTHER_SCALE))
    data.add((CLUSTER, BCIC.competitorCluster, PEER))
    for year, value in (("2023", "40.0"), ("2025", "50.0")):
        reported = URIRef(f"{EX}peer-culture-{year}")
        for p, o in ((RDF.type, BCIC.IndicatorObservation), (BCIC.refCluster, PEER),
                     (BCIC.indicator, CULTURE), (BCIC.refYear, Literal(year, datatype=XSD_GYEAR)),
                     (BCIC.valueKind, BCIC.ActualValue), (BCIC.unitOfMeasure, Literal("人")),
                     (BCIC.observedValue, Literal(value, datatype=XSD_DECIMAL))):
            data.add((reported, p, o))
    assert (RATED, BCIC.ratedLevel, level("excellent")) in data and SCALE
    return data


Rows = dict[tuple[str, int], dict[str, str]]
Answer = list[dict[str, str]]


def rated_cluster(cluster: URIRef) -> Graph:
    """The `submission`'s figures, their levels and scales, the cluster's names, and the `peer`
    as its competitor and its benchmark only, under another cluster's IRI, the levels and scales
    under their own, so that the cluster's levels are ranked against the peer's: no modes to
    change other queries' answers (for the tests that compare every named query's answers)."""
    data = submission()
    levels = set(data.subjects(SKOS.inScheme, None)) \
        | set(data.subjects(RDF.type, BCIC.RatingScale))
    kept = set(data.subjects(BCIC.refCluster, CLUSTER)) | levels
    old, new = str(CLUSTER).removesuffix("cluster"), str(cluster).removesuffix("cluster")
    out = Graph()
    for s, p, o in data:
        if s in kept or (s == CLUSTER and p in (RDF.type, RDFS.label, BCIC.competitorCluster)):
            out.add(tuple(URIRef(new + n[len(old):]) if isinstance(n, URIRef)  # type: ignore[arg-type]
                          and n.startswith(old) and n not in levels else n for n in (s, p, o)))
    out.add((cluster, BCIC.benchmarkCluster, PEER))
    return out


def peer() -> str:
    """A small cluster rated 良 of Dehua's heritage scale for a.1.2 in 2024 (one below Dehua's
    优), and 三星 of a star scale for a.1.3 (Dehua: 优 of the heritage scale)."""
    return f"""
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{PEER}> a bcic:IndustrialCluster ; rdfs:label "对比集群"@zh , "Peer cluster"@en .
<{level("good")}> a skos:Concept ; skos:inScheme <{SCALE}> ; skos:prefLabel "良"@zh , "good"@en ;
    bcic:levelRank 3 .
<{THREE_STARS}> a skos:Concept ; skos:inScheme <{OTHER_SCALE}> ; skos:prefLabel "三星"@zh ;
    bcic:levelRank 3 .
<{PEER}/heritage> a bcic:IndicatorObservation ; bcic:refCluster <{PEER}> ;
    bcic:indicator <{HERITAGE}> ; bcic:refYear "2024"^^xsd:gYear ;
    bcic:valueKind bcic:ActualValue ; bcic:ratedLevel <{level("good")}> .
<{PEER}/culture> a bcic:IndicatorObservation ; bcic:refCluster <{PEER}> ;
    bcic:indicator <{CULTURE}> ; bcic:refYear "2024"^^xsd:gYear ;
    bcic:valueKind bcic:ActualValue ; bcic:ratedLevel <{THREE_STARS}> .
"""


def rival() -> str:
    """A cluster whose benchmark is the `peer`, rated 三星 for a.1.3 in 2024, a level its
    submission puts in two scales, the peer's star scale and one whose IRI sorts first."""
    return f"""
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{RIVAL}> a bcic:IndustrialCluster ; rdfs:label "对手集群"@zh , "Rival cluster"@en ;
    bcic:benchmarkCluster <{PEER}> .
<{THREE_STARS}> a skos:Concept ; skos:inScheme <{FIRST_SCALE}> , <{OTHER_SCALE}> ;
    skos:prefLabel "三星"@zh , "three stars"@en ; bcic:levelRank 3 .
<{RIVAL}/culture> a bcic:IndicatorObservation ; bcic:refCluster <{RIVAL}> ;
    bcic:indicator <{CULTURE}> ; bcic:refYear "2024"^^xsd:gYear ;
    bcic:valueKind bcic:ActualValue ; bcic:ratedLevel <{THREE_STARS}> .
"""


@pytest.fixture(scope="module")
def rated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the `submission`, the `peer` and the `rival`, its query snapshot
    published."""
    folder = tmp_path_factory.mktemp("rated-comparisons")
    path = folder / "dehua-rated.ttl"
    submission().serialize(path, format="turtle")
    (folder / "peer.ttl").write_text(peer(), encoding="utf-8")
    (folder / "rival.ttl").write_text(rival(), encoding="utf-8")
    store = open_configured_store(str(folder / "store"))
    try:
        ingest_files(store, [path], submitter="tests")
        ingest_files(store, [folder / "peer.ttl"], submitter="tests")
        ingest_files(store, [folder / "rival.ttl"], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return folder / "store"


# The named queries asked, by a short name: 9.3.2 a)–d) for Dehua, b) for the rival (whose
# benchmark is the peer), d) against the declared competitors.
ASKED = {"targets": ("indicators-vs-targets", {"cluster": str(CLUSTER)}),
         "history": ("indicators-vs-history", {"cluster": str(CLUSTER)}),
         "benchmark": ("indicators-vs-benchmark",
                       {"cluster": str(CLUSTER), "benchmark": str(PEER)}),
         "competitors": ("indicators-vs-competitors", {"cluster": str(CLUSTER)}),
         "rival": ("indicators-vs-benchmark", {"cluster": str(RIVAL)})}


@pytest.fixture(scope="module")
def answers(rated_store: Path) -> dict[str, Answer]:
    """The `ASKED` queries' rows, in their order, each value as text."""
    store = open_configured_store(str(rated_store))
    try:
        return {short: [{k: str(v) for k, v in row.items()}
                        for row in run_named_query(store, name, values)]
                for short, (name, values) in ASKED.items()}
    finally:
        store.close()


def by_year(rows: Answer) -> Rows:
    """(notation, year) → the row, checking that no two rows share them."""
    found = {(r["notation"], int(r["year"])): r for r in rows}
    assert len(found) == len(rows), rows
    return found


@pytest.fixture
def targets(answers: dict[str, Answer]) -> Rows:
    return by_year(answers["targets"])


@pytest.fixture
def history(answers: dict[str, Answer]) -> Rows:
    return by_year(answers["history"])


@pytest.mark.parametrize("short", list(ASKED))
def test_the_virtuoso_text_gives_the_standard_texts_rows_on_oxigraph(
        rated_store: Path, answers: dict[str, Answer], short: str) -> None:
    """Both texts of each comparison give the same levels, steps and words (their rows on a real
    Virtuoso: tests/test_named_queries_virtuoso.py)."""
    name, values = ASKED[short]
    store = open_configured_store(str(rated_store))
    try:
        rows = store.select(bind(get_query(name), values, engine="virtuoso").removeprefix(
            ENGINE_PROLOGUES["virtuoso"]))
    finally:
        store.close()
    assert [{k: str(v) for k, v in row.items()} for row in rows] == answers[short]


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


def test_a_level_of_two_scales_gives_one_row_ranked_on_the_scale_both_share(
        answers: dict[str, Answer]) -> None:
    """良 (the 2024 target) and 差 (the 2025 level) are of the heritage and the star scale, 优 of
    the heritage scale only: one row each, ranked on the heritage scale (9.3.2 a) b))."""
    for short, year, steps in (("targets", "2024", "1"), ("targets", "2025", "-3"),
                               ("history", "2025", "-3")):
        [row] = [r for r in answers[short] if (r["notation"], r["year"]) == ("a.1.2", year)]
        assert row["levelSteps"] == steps, (short, year)


def test_the_levels_of_targets_and_years_are_named_in_zh_and_en(targets: Rows,
                                                               history: Rows) -> None:
    row = targets[("a.1.2", 2024)]
    assert (row["targetLevelLabelZh"], row["targetLevelLabelEn"], row["actualLevelLabelZh"],
            row["actualLevelLabelEn"]) == ("良", "good", "优", "excellent")
    row = history[("a.1.2", 2025)]
    assert (row["levelLabelZh"], row["levelLabelEn"], row["previousLevelLabelZh"],
            row["previousLevelLabelEn"]) == ("差", "poor", "优", "excellent")


@pytest.mark.parametrize(("short", "peer"), [("benchmark", "benchmark"),
                                             ("competitors", "competitor")])
def test_a_peers_level_is_ranked_against_the_clusters_under_9_3_2_c_d(
        answers: dict[str, Answer], short: str, peer: str) -> None:
    """The peer's own 良 is one level below Dehua's 优 (a.1.2, 2024), its 三星 of another scale
    than Dehua's 优 (a.1.3): both levels, named, with the words of indicators-vs-targets."""
    own = by_year([r for r in answers[short] if r["sourceCluster"] == str(PEER)])
    assert set(own) == {("a.1.2", 2024), ("a.1.3", 2024)}
    heritage, culture = own[("a.1.2", 2024)], own[("a.1.3", 2024)]
    assert heritage[f"{peer}Cluster"] == str(PEER)
    assert (heritage["level"], heritage[f"{peer}Level"]) == (str(level("excellent")),
                                                            str(level("good")))
    assert (heritage["levelLabelZh"], heritage["levelLabelEn"], heritage[f"{peer}LevelLabelZh"],
            heritage[f"{peer}LevelLabelEn"]) == ("优", "excellent", "良", "good")
    assert (heritage["levelSteps"], heritage["levelComparisonZh"],
            heritage["levelComparisonEn"]) == ("1", "高一级", "one level above")
    assert not {"value", f"{peer}Value", "difference", "unit", f"{peer}Unit"} & set(heritage)
    assert culture[f"{peer}Level"] == str(THREE_STARS) and "levelSteps" not in culture
    assert (culture["levelComparisonZh"], culture["levelComparisonEn"]) == (
        "另一量表的等级，不可比较", "a level of another scale: not comparable")
    assert culture[f"{peer}LevelLabelZh"] == "三星" and f"{peer}LevelLabelEn" not in culture


def test_a_level_is_never_set_against_a_number_under_9_3_2_d(answers: dict[str, Answer]) -> None:
    """Dehua's report of the peer's a.1.3 gives numbers in 2023 and 2025; Dehua is rated in 2025:
    its numbers' latest common year, 2023, gives the row of numbers, 2025 none."""
    reported = [r for r in answers["competitors"] if r["sourceCluster"] == str(CLUSTER)]
    [row] = reported
    assert (row["notation"], row["year"], row["unit"], row["competitorUnit"]) == (
        "a.1.3", "2023", "人", "人")
    assert Decimal(row["value"]) - Decimal(row["competitorValue"]) == Decimal(row["difference"])
    assert not {"level", "competitorLevel", "levelSteps", "levelComparisonZh"} & set(row)
    for each in answers["competitors"]:  # a level beside a level, a number beside a number
        assert ("level" in each) == ("competitorLevel" in each) != ("value" in each)


def test_a_level_of_two_scales_is_ranked_on_the_one_the_peers_level_is_of(
        answers: dict[str, Answer], rated_store: Path) -> None:
    """The rival's 三星 is of a scale whose IRI sorts first and of the peer's star scale: the
    same level as the peer's, in one row (9.3.2 c)), and side by side (checker/rated_figures)."""
    [row] = answers["rival"]
    assert (row["notation"], row["levelSteps"], row["levelComparisonZh"],
            row["levelComparisonEn"]) == ("a.1.3", "0", "同级", "same level")
    store = open_configured_store(str(rated_store))
    try:
        rated = read_rated(store, [RIVAL, PEER], 2024, [CULTURE])
    finally:
        store.close()
    assert rated[PEER][CULTURE].compared_with(rated[RIVAL][CULTURE]) == {
        "steps": 0, "zh": "同级", "en": "same level"}


@pytest.mark.parametrize(("lang", "names", "note"), [
    ("zh", ("良", "优", "优", "良"), "图中未绘出：a.1.2 历史积淀。"),
    ("en", ("good", "excellent", "excellent", "good"),
     "number to score: a.1.2 historical heritage.")])
def test_the_benchmark_page_names_the_levels_and_says_which_are_not_in_the_chart(
        make_web_app, rated_store: Path, lang: str, names: tuple[str, ...],  # type: ignore[no-untyped-def]
        note: str) -> None:
    """The targets table names the target's and the actual level, the competitors table Dehua's
    and the peer's, in the page's language; the note under the bars names the rated indicator."""
    client = make_web_app(rated_store).test_client()
    page = client.get(f"/benchmark?focus={key(CLUSTER)}&indicator=a.1.2&year=2024&lang={lang}",
                      headers={"Accept": "text/html"}).get_data(as_text=True)
    shown = [(column, level("good" if name in ("良", "good") else "excellent"), name)
             for column, name in zip(("target", "actual", "value", "competitorValue"), names)]
    for column, iri, name in shown:
        assert (f'<td class="num" data-column="{column}"><span data-level="{iri}">{name}</span>'
                in page), column
    assert note in page


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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bcic_benchmark_ranks_a_level_against_the_first_clusters(runner: CliRunner,
                                                                 rated_store: Path,
                                                                 lang: str) -> None:
    """Dehua first: the peer's 良 is one level below its 优 on one scale; 三星 is of another."""
    result = runner.invoke(main, ["benchmark", str(CLUSTER), str(PEER), "--indicator", "a.1.2",
                                  "--indicator", "a.1.3", "--year", "2024", "--lang", lang,
                                  "--store", str(rated_store)])
    assert result.exit_code == 0, result.output
    heritage, culture = (next(line for line in result.output.splitlines()
                              if line.startswith(code)) for code in ("a.1.2", "a.1.3"))
    below = {"zh": "良 (低一级)", "en": "good (one level below)"}[lang]
    other = {"zh": "三星 (另一量表的等级，不可比较)",
             "en": "三星 (a level of another scale: not comparable)"}[lang]
    assert below in heritage and other in culture, result.output
    assert {"zh": "优", "en": "excellent"}[lang] in heritage


def test_the_benchmark_json_gives_levels_ranks_and_steps(runner: CliRunner,
                                                         rated_store: Path) -> None:
    result = runner.invoke(main, ["benchmark", str(CLUSTER), str(PEER), "--indicator", "a.1.2",
                                  "--indicator", "a.1.3", "--year", "2024", "--format", "json",
                                  "--store", str(rated_store)])
    assert result.exit_code == 0, result.output
    heritage, culture = json.loads(result.output)["indicators"]
    assert heritage["values"] == {str(CLUSTER): None, str(PEER): None}
    own, other = heritage["levels"][str(CLUSTER)], heritage["levels"][str(PEER)]
    assert (own["rank"], own["compared_with_first"]) == (4, None)
    assert other["compared_with_first"] == {"steps": -1, "zh": "低一级", "en": "one level below"}
    assert culture["levels"][str(PEER)]["compared_with_first"]["steps"] is None


def test_the_benchmark_pages_table_names_the_levels_by_rank(make_web_app,  # type: ignore[no-untyped-def]
                                                            rated_store: Path) -> None:
    """Side by side, the peer's level is named with its place against Dehua's, first (9.3.2 c)),
    on the page and in /api/benchmark."""
    client = make_web_app(rated_store).test_client()
    compared = f"cluster={key(CLUSTER)}&cluster={key(PEER)}&indicator=a.1.2&year=2024"
    for lang, said in (("zh", "良</span> <span data-column=\"levelComparison\">（低一级）"),
                       ("en", "good</span> <span data-column=\"levelComparison\">(one level below)")):
        page = client.get(f"/benchmark?{compared}&lang={lang}",
                          headers={"Accept": "text/html"}).get_data(as_text=True)
        assert said in page
    [leaf] = client.get(f"/api/benchmark?{compared}").get_json()["indicators"]
    assert leaf["levels"][str(PEER)]["compared_with_first"]["steps"] == -1
    # the peer first: Dehua's 优 is one level above it, and ranks first all the same
    [leaf] = client.get(f"/api/benchmark?cluster={key(PEER)}&cluster={key(CLUSTER)}"
                        "&indicator=a.1.2&year=2024").get_json()["indicators"]
    assert leaf["levels"][str(CLUSTER)]["compared_with_first"]["en"] == "one level above"
    assert leaf["level_ranking"] == [str(CLUSTER), str(PEER)]


@pytest.mark.parametrize(("steps", "zh", "en"), [
    (0, "同级", "same level"), (1, "高一级", "one level above"), (-2, "低两级", "two levels below"),
    (10, "高十级", "ten levels above"), (-11, "低11级", "11 levels below"),
    (None, "另一量表的等级，不可比较", "a level of another scale: not comparable")])
def test_the_words_of_a_count_of_levels(steps: int | None, zh: str, en: str) -> None:
    """As the named queries write them in SPARQL (checker/level_steps.py)."""
    assert (steps_words(steps, "zh"), steps_words(steps, "en")) == (zh, en)


@pytest.mark.parametrize(("lang", "note"), [
    ("zh", "雷达图未计入：a.1.2 历史积淀、a.1.3 文化传承。"),
    ("en", "number to score: a.1.2 historical heritage, a.1.3 cultural inheritance.")])
def test_the_cluster_page_says_which_rated_indicators_the_radar_leaves_out(
        make_web_app, rated_store: Path, lang: str, note: str) -> None:  # type: ignore[no-untyped-def]
    """Dehua is rated for a.1.2 and a.1.3 in 2024: the note under the radar names them and links
    to the benchmark page's table of them, which compares the levels by rank."""
    page = make_web_app(rated_store).test_client().get(
        f"/clusters/{key(CLUSTER)}?year=2024&lang={lang}",
        headers={"Accept": "text/html"}).get_data(as_text=True)
    assert note in page
    assert "year=2024&amp;indicator=a.1.2&amp;indicator=a.1.3#side-by-side" in page


def test_the_cluster_indicators_api_lists_the_rated_indicators_the_radar_leaves_out(
        make_web_app, rated_store: Path) -> None:  # type: ignore[no-untyped-def]
    document = make_web_app(rated_store).test_client().get(
        f"/api/clusters/{key(CLUSTER)}/indicators?year=2024").get_json()
    assert document["radar"]["year"] == 2024 and document["rated"] == ["a.1.2", "a.1.3"]
