"""9.2.3 「选择适宜的测量模型」: an indicator measured on a rating scale states a level of a scale the
cluster declares (bcic:ratedLevel), not a number, and counts as measured; the comparisons and
charts, which set numbers against each other, skip it (docs/model.md, decision 19); the comparisons
with targets and history rank it against another level (decision 24;
tests/test_rated_comparisons.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from checker.cli import main
from checker.ingest import ingest_files, publish_for_queries
from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report, Status
from checker.store import open_configured_store
from checker.validation import validate_graph
from tests.dehua_changes import EX, dehua

CLUSTER = URIRef(EX + "cluster")
DATANG = URIRef("https://example.org/cluster/datang/cluster")
MODEL = URIRef(EX + "measurement-model")
SCALE = URIRef(EX + "heritage-scale")
RATED = URIRef(EX + "obs-HistoricalHeritage-2024-actual")  # a.1.2 历史积淀, the latest actual year
LEVELS = (("poor", "差", "poor"), ("fair", "中", "fair"), ("good", "良", "good"),
          ("excellent", "优", "excellent"))
EXCELLENT = URIRef(EX + "level-excellent")
# Spelled out: a module-level rdflib XSD namespace makes pytest's collection warn.
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
HERITAGE = URIRef("https://w3id.org/bcic/indicator/HistoricalHeritage")
PEERS = ("jingdezhen", "chaozhou")  # Dehua's benchmark and competitor


def with_scale(data: Graph, named: bool = True) -> Graph:
    """`data` with a four-level scale, named by the measurement model unless `named` is False."""
    data.add((SCALE, RDF.type, BCIC.RatingScale))
    data.add((SCALE, SKOS.prefLabel, Literal("历史积淀评级", lang="zh")))
    if named:
        data.add((MODEL, BCIC.ratingScale, SCALE))
    for rank, (local, zh, en) in enumerate(LEVELS, start=1):
        level = URIRef(EX + f"level-{local}")
        data.add((level, RDF.type, SKOS.Concept))
        data.add((level, SKOS.inScheme, SCALE))
        data.add((level, SKOS.prefLabel, Literal(zh, lang="zh")))
        data.add((level, SKOS.prefLabel, Literal(en, lang="en")))
        data.add((level, BCIC.levelRank, Literal(rank, datatype=XSD_INTEGER)))
    return data


def rated(named: bool = True) -> Graph:
    """Dehua with a.1.2's 2024 actual value rated “优” instead of a number and unit."""
    data = with_scale(dehua(), named)
    data.remove((RATED, BCIC.observedValue, None))
    data.remove((RATED, BCIC.unitOfMeasure, None))
    data.add((RATED, BCIC.ratedLevel, EXCELLENT))
    return data


def outcome_messages(report: Report, lang: str) -> set[str]:
    return {r.messages[lang] for r in report.outcome("9.2.3").results}


def test_a_level_of_a_declared_scale_meets_9_2_3_without_a_number_or_unit() -> None:
    """A rated value counts as measured: 9.2.3 stays met, awaiting only the evaluator's judgement
    as in the sample (it is on the manual-review checklist), and the sample stays conformant."""
    report = validate_graph(rated())
    assert validate_graph(dehua()).outcome("9.2.3").status is Status.MANUAL_REVIEW
    outcome = report.outcome("9.2.3")
    assert outcome.status is Status.MANUAL_REVIEW and not outcome.results, \
        outcome_messages(report, "en")
    assert report.conforms


def test_a_level_of_no_declared_scale_fails_9_2_3_naming_the_level() -> None:
    """The scale exists but no measurement model or specification names it."""
    report = validate_graph(rated(named=False))
    outcome = report.outcome("9.2.3")
    assert outcome.status is Status.NOT_MET
    assert {r.focus_node for r in outcome.results} == {EXCELLENT}
    assert outcome_messages(report, "zh") == {
        "评定等级不是所声明评级量表中的等级：其“所属量表或概念体系”应为本集群的测量模型或测量规范以“所用评级量表”"
        "指明的评级量表（9.2.3）"}
    assert all("not a level of a declared rating scale" in m
               for m in outcome_messages(report, "en"))
    for lang, name in (("zh", "优"), ("en", "excellent")):
        assert f"{name} (…/level-excellent" in render_report(report, "text", lang).replace(
            "（", " (")


def test_a_scale_only_a_benchmarks_model_names_is_not_declared() -> None:
    """A benchmark's measurement model (bcic:recordOf Jingdezhen) declares no scale of Dehua's."""
    data = rated(named=False)
    benchmark_model = URIRef(EX + "jdz-model")
    data.add((benchmark_model, RDF.type, BCIC.MeasurementModel))
    data.add((benchmark_model, BCIC.recordOf, URIRef(EX + "jingdezhen")))
    data.add((benchmark_model, BCIC.ratingScale, SCALE))
    outcome = validate_graph(data).outcome("9.2.3")
    assert outcome.status is Status.NOT_MET
    assert {r.source_shape.rsplit("/", 1)[-1] for r in outcome.results} == {"RatedLevelDeclared"}


@pytest.mark.parametrize("text", [Literal("评为优", lang="zh"), Literal("good")],
                         ids=["zh", "en"])
def test_a_rating_written_as_text_is_neither_a_number_nor_a_declared_level(text: Literal) -> None:
    """The finding says so and how to state a rating (a level named with “rated level”)."""
    data = with_scale(dehua())
    data.set((RATED, BCIC.observedValue, text))
    report = validate_graph(data)
    assert report.outcome("9.2.3").status is Status.NOT_MET
    [zh] = outcome_messages(report, "zh")
    [en] = outcome_messages(report, "en")
    assert zh.startswith("指标观测值的值既不是数字，也不是所声明评级量表中的等级") and "“评定等级”" in zh
    assert en.startswith("An indicator observation gives a value that is neither a number nor a "
                         "level of a declared rating scale") and "“rated level”" in en
    shown = {lang: render_report(report, "text", lang) for lang in ("zh", "en")}
    assert f"“数值”的取值“{text}”不是数字（以评级量表测量的指标不写数值，而以“评定等级”指向" in shown["zh"]
    assert f"its “value” “{text}” is not a number (an indicator measured on a rating scale " \
        "states no number: it names a level of the rating scale its measurement model or " \
        "specification uses with “rated level”)" in shown["en"]


def test_the_hint_says_how_to_state_a_rating() -> None:
    """The hint under 9.2.3 names “rated level” beside the number, in zh and en."""
    data = with_scale(dehua())
    data.set((RATED, BCIC.observedValue, Literal("评为优", lang="zh")))
    report = validate_graph(data)
    zh = render_report(report, "text", "zh")
    en = render_report(report, "text", "en")
    assert "“数值”（bcic:observedValue）为数字（以评级量表测量的指标不写数值，而以“评定等级”" in zh
    assert "“value” (bcic:observedValue) as a number (an indicator measured on a rating " \
        "scale states no number" in en


def test_a_level_given_as_text_is_said_to_be_text_on_its_observation() -> None:
    """One finding, on the observation: the level shapes skip text (shp:UndescribedLevel)."""
    data = with_scale(dehua())
    data.remove((RATED, BCIC.observedValue, None))
    data.add((RATED, BCIC.ratedLevel, Literal("优", lang="zh")))
    outcome = validate_graph(data).outcome("9.2.3")
    assert outcome.status is Status.NOT_MET
    assert {(r.source_shape.rsplit("/", 1)[-1], r.focus_node) for r in outcome.results} == {
        ("Observation-ratedLevelForm", RATED)}


def test_a_number_and_a_level_together_fail_9_2_3() -> None:
    data = rated()
    data.add((RATED, BCIC.observedValue, Literal(95)))
    report = validate_graph(data)
    assert report.outcome("9.2.3").status is Status.NOT_MET
    assert outcome_messages(report, "zh") == {"指标观测值既有数值，又有评定等级：值应以其中之一给出（9.2.3）"}
    assert outcome_messages(report, "en") == {
        "An indicator observation gives both a number and a rated level: its value is stated as "
        "one of them (9.2.3)"}


def test_two_levels_fail_9_2_3() -> None:
    data = rated()
    data.add((RATED, BCIC.ratedLevel, URIRef(EX + "level-good")))
    report = validate_graph(data)
    assert outcome_messages(report, "en") == {"An indicator observation repeats its rated level "
                                              "(9.2.3)"}


def test_a_level_without_a_rank_fails_9_2_3() -> None:
    data = rated()
    data.remove((EXCELLENT, BCIC.levelRank, None))
    report = validate_graph(data)
    assert report.outcome("9.2.3").status is Status.NOT_MET
    assert {r.focus_node for r in report.outcome("9.2.3").results} == {EXCELLENT}


def test_a_numeric_value_still_needs_its_unit() -> None:
    """Only a rated value goes without a unit: another observation without one still fails."""
    data = rated()
    other = URIRef(EX + "obs-HistoricalHeritage-2023-actual")
    data.remove((other, BCIC.unitOfMeasure, None))
    outcome = validate_graph(data).outcome("9.2.3")
    assert outcome.status is Status.NOT_MET
    assert {r.focus_node for r in outcome.results} == {other}


# --- the comparisons and charts skip a rated value ----------------------------------------------

def key(cluster: URIRef) -> str:
    return hashlib.sha256(str(cluster).encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def rated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding Dehua with its rated value, and Datang."""
    folder = tmp_path_factory.mktemp("rated")
    path = folder / "dehua-rated.ttl"
    data = rated()
    for peer in PEERS:  # figures of a.1.2 about the benchmark and the competitor, to compare with
        for year in ("2023", "2024"):
            obs = URIRef(EX + f"obs-{peer}-{year}")
            for p, o in ((RDF.type, BCIC.IndicatorObservation), (BCIC.refCluster, URIRef(EX + peer)),
                         (BCIC.indicator, HERITAGE),
                         (BCIC.refYear, Literal(year, datatype=XSD_GYEAR)),
                         (BCIC.valueKind, BCIC.ActualValue), (BCIC.observedValue, Literal(80)),
                         (BCIC.unitOfMeasure, Literal("分(0-100)"))):
                data.add((obs, p, o))
    data.serialize(path, format="turtle")
    store_dir = folder / "store"
    store = open_configured_store(str(store_dir))
    try:
        ingest_files(store, [path], submitter="tests")
        ingest_files(store, [EXAMPLES_DIR / "datang-socks.ttl"], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return store_dir


VALUE_QUERIES = [("indicators-vs-targets", ["--param", f"cluster={CLUSTER}"]),
                 ("indicators-vs-history", ["--param", f"cluster={CLUSTER}"]),
                 ("indicators-vs-benchmark", ["--param", f"cluster={CLUSTER}"]),
                 ("indicators-vs-competitors", ["--param", f"cluster={CLUSTER}"]),
                 ("indicator-trends", ["--param", "code=a.1.2"])]


@pytest.mark.parametrize(("name", "params"), VALUE_QUERIES, ids=[n for n, _ in VALUE_QUERIES])
def test_the_named_queries_skip_a_rated_value(runner: CliRunner, rated_store: Path, name: str,
                                              params: list[str]) -> None:
    """None gives a.1.2 a 2024 actual value of Dehua's as a number, and no row shows the level but
    the history's, which has no level the year before to rank it against (decision 24)."""
    result = runner.invoke(main, ["queries", "run", name, *params, "--store", str(rated_store),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    assert rows
    shown = {b["value"] for row in rows for b in row.values()
             if name != "indicators-vs-history" or row["year"]["value"] != "2024"}
    assert not shown & {str(EXCELLENT), "优", "excellent"}
    heritage = [row for row in rows if row["notation"]["value"] == "a.1.2"
                and row.get("cluster", {"value": str(CLUSTER)})["value"] == str(CLUSTER)]
    years = {row["year"]["value"]: row for row in heritage}
    assert heritage  # the numbers beside it are still compared
    if "2024" in years:  # a target, a benchmark's or a competitor's figure: Dehua's own is unbound
        assert not {"actual", "value", "difference", "gap", "change"} & set(years["2024"]), \
            years["2024"]
    if name == "indicators-vs-history":
        assert years["2024"]["level"]["value"] == str(EXCELLENT)
        assert not {"previousLevel", "levelSteps", "levelComparisonZh"} & set(years["2024"])


def test_bcic_benchmark_gives_the_rated_value_no_number(runner: CliRunner,
                                                        rated_store: Path) -> None:
    result = runner.invoke(main, ["benchmark", str(CLUSTER), str(DATANG), "--indicator", "a.1.2",
                                  "--year", "2024", "--format", "json", "--store",
                                  str(rated_store)])
    assert result.exit_code == 0, result.output
    [leaf] = json.loads(result.output)["indicators"]
    assert leaf["values"][str(CLUSTER)] is None
    assert leaf["values"][str(DATANG)] is not None


def test_the_pages_and_charts_skip_the_rated_value(make_web_app, rated_store: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(rated_store).test_client()
    for url in (f"/clusters/{key(CLUSTER)}?lang=zh", f"/clusters/{key(CLUSTER)}?lang=en",
                f"/benchmark?focus={key(CLUSTER)}&year=2024&lang=zh",
                f"/benchmark?focus={key(CLUSTER)}&year=2024&lang=en"):
        response = client.get(url, headers={"Accept": "text/html"})
        assert response.status_code == 200, url
    document = client.get(f"/api/clusters/{key(CLUSTER)}/indicators").get_json()
    heritage = next(i for i in document["indicators"] if i["code"] == "a.1.2")
    assert "2024" not in heritage["actual"] and "2023" in heritage["actual"]
    response = client.get(f"/api/benchmark?cluster={key(CLUSTER)}&cluster={key(DATANG)}"
                          "&indicator=a.1.2&year=2024")
    assert response.status_code == 200
    [leaf] = response.get_json()["indicators"]
    assert leaf["values"][str(CLUSTER)] is None
