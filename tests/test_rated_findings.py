"""9.2.3: the findings on rated values as a cluster's data officer reads them — one finding per
mistake, on the record she wrote, saying what is wrong in words (docs/model.md, decision 19)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from checker.cli import main
from checker.ingest import ingest_submission
from checker.loading import read_submission_files
from checker.namespaces import BCIC
from checker.render import render_report
from checker.report_reader import read_report
from checker.store import open_store
from tests.dehua_changes import EX, dehua
from tests.test_rated_values import RATED, SCALE, XSD_INTEGER, rated, with_scale

OBSERVATION = "…/obs-HistoricalHeritage-2024-actual"


def findings_923(runner: CliRunner, tmp_path: Path, data: Graph) -> dict[str, Any]:
    """9.2.3's findings in JSON and text, zh and en, of `data` written to a file."""
    source = tmp_path / "rated.ttl"
    data.serialize(source, format="turtle")
    shown: dict[str, Any] = {}
    for lang in ("zh", "en"):
        done = runner.invoke(main, ["validate", str(source), "--format", "json", "--lang", lang])
        [outcome] = [r for r in json.loads(done.output)["requirements"] if r["id"] == "9.2.3"]
        shown[f"json.{lang}"] = outcome["findings"]
        shown[f"text.{lang}"] = runner.invoke(main, ["validate", str(source), "--lang", lang]).output
    return shown


def lines_of(finding: dict[str, Any]) -> list[str]:
    """Each node of a finding with its lacks, as `node: lack`."""
    return [f"{n['name']}: {x['text']}" for n in finding["nodes"] for x in n["lacks"]]


def test_a_level_written_as_text_is_one_finding_on_the_observation(runner: CliRunner,
                                                                    tmp_path: Path) -> None:
    """「优」 as the rated level: one finding on the observation, with its file and line, that the
    level is text, not three about a level that has no name, rank or scale."""
    data = with_scale(dehua())
    data.remove((RATED, BCIC.observedValue, None))
    data.remove((RATED, BCIC.unitOfMeasure, None))
    data.add((RATED, BCIC.ratedLevel, Literal("优")))
    shown = findings_923(runner, tmp_path, data)
    [zh], [en] = shown["json.zh"], shown["json.en"]
    assert zh["message"].startswith("指标观测值的“评定等级”是文本，不是等级：“评定等级”应指向一个等级")
    assert en["message"].startswith("An indicator observation gives its “rated level” as text, "
                                    "not as a level: “rated level” names a level that is “in scheme”")
    assert lines_of(zh) == [f"{OBSERVATION}: “评定等级”的取值“优”是文本，不是记录：应以 IRI 指向一项记录"]
    assert lines_of(en) == [f"{OBSERVATION}: its “rated level” “优” is text, not a record: "
                            "name one by its IRI"]
    [node] = en["nodes"]
    assert node["node"] == str(RATED) and node["place"]["file"].endswith("rated.ttl")
    assert node["place"]["line"] > 0
    assert "has no name" not in shown["text.en"] and "缺少名称" not in shown["text.zh"]


def test_a_misspelt_level_is_said_once_to_be_described_nowhere(runner: CliRunner,
                                                               tmp_path: Path) -> None:
    """A level IRI the submission does not describe (level-excelent): one finding that it is
    described nowhere, none about the scale, name and rank it therefore lacks."""
    data = rated()
    data.remove((RATED, BCIC.ratedLevel, None))
    data.add((RATED, BCIC.ratedLevel, URIRef(EX + "level-excelent")))
    shown = findings_923(runner, tmp_path, data)
    [zh], [en] = shown["json.zh"], shown["json.en"]
    assert lines_of(zh) == ["…/level-excelent: 提交材料中没有对它的描述"]
    assert lines_of(en) == ["…/level-excelent: is described nowhere in the submission"]
    assert en["nodes"][0]["lacks"][0]["constraint"] == "Undescribed"
    # The hint (→ How to meet it) names a level's rank and name; the findings do not.
    findings = [line for line in shown["text.en"].splitlines() if "How to meet it" not in line]
    assert not [line for line in findings if "level rank" in line or "preferred name" in line]


def test_a_scale_named_only_by_a_benchmarks_model_says_why(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    """The scale's only model is a record of Jingdezhen: the finding says so, level by level."""
    data = rated(named=False)
    benchmark_model = URIRef(EX + "jdz-model")
    data.add((benchmark_model, RDF.type, BCIC.MeasurementModel))
    data.add((benchmark_model, BCIC.recordOf, URIRef(EX + "jingdezhen")))
    data.add((benchmark_model, BCIC.ratingScale, SCALE))
    shown = findings_923(runner, tmp_path, data)
    [en] = shown["json.en"]
    [scale] = en["nodes"][0]["lacks"][0]["closest"]
    assert scale["lacks"][0]["text"] == (
        "“…/jdz-model” refers to it through “rating scale used”, but it is a record of another "
        "cluster (by its “record of”)")
    assert "“…/jdz-model”以“所用评级量表”指向它，但其为其他集群的记录（以“所属集群的记录”写明属于其他集群）" \
        in shown["text.zh"]


def test_a_scale_no_model_names_is_said_in_plain_words(runner: CliRunner, tmp_path: Path) -> None:
    shown = findings_923(runner, tmp_path, rated(named=False))
    assert "no “measurement model or indicator measurement specification of this cluster” " \
        "refers to it through “rating scale used”" in shown["text.en"]
    assert "其“所属量表或概念体系”应为本集群的测量模型或测量规范以“所用评级量表”指明的评级量表（9.2.3）" \
        in shown["text.zh"]


def test_a_number_beside_a_level_quotes_both(runner: CliRunner, tmp_path: Path) -> None:
    data = rated()
    data.add((RATED, BCIC.observedValue, Literal("49.0", datatype=XSD.decimal)))
    shown = findings_923(runner, tmp_path, data)
    [zh], [en] = shown["json.zh"], shown["json.en"]
    assert lines_of(en) == [f"{OBSERVATION}: its “value” “49.0” and its “rated level” "
                            "“excellent”: state one"]
    assert lines_of(zh) == [f"{OBSERVATION}: “数值”的取值“49.0”与“评定等级”的取值“优”并存：只写其一"]
    assert "more “value” than allowed" not in shown["text.en"]



# A five-star scale whose levels' IRIs sort worst first, the reverse of their ranks (star-1 is
# rank 1, the worst): (local name, zh, en).
STARS = tuple((f"star-{n}", f"{zh}星", en) for n, zh, en in (
    (1, "一", "one star"), (2, "二", "two stars"), (3, "三", "three stars"),
    (4, "四", "four stars"), (5, "五", "five stars")))


def five_star_levels() -> Graph:
    """Dehua with five actual values rated on a five-star scale that no model names, one value
    per level: each level is a level of no declared scale."""
    data = dehua()
    star_scale = URIRef(EX + "star-scale")
    data.add((star_scale, RDF.type, BCIC.RatingScale))
    observations = sorted(data.subjects(BCIC.valueKind, BCIC.ActualValue))[:len(STARS)]
    for rank, ((local, zh, en), observation) in enumerate(zip(STARS, observations), start=1):
        level = URIRef(EX + local)
        data.add((level, RDF.type, SKOS.Concept))
        data.add((level, SKOS.inScheme, star_scale))
        data.add((level, SKOS.prefLabel, Literal(zh, lang="zh")))
        data.add((level, SKOS.prefLabel, Literal(en, lang="en")))
        data.add((level, BCIC.levelRank, Literal(rank, datatype=XSD_INTEGER)))
        data.remove((observation, BCIC.observedValue, None))
        data.remove((observation, BCIC.unitOfMeasure, None))
        data.add((observation, BCIC.ratedLevel, level))
    return data


def test_the_levels_a_finding_lists_are_best_first(runner: CliRunner, tmp_path: Path) -> None:
    """9.2.3, docs/model.md decision 19: the levels of no declared scale are listed by rank, best
    first (five stars … one star), not by IRI (star-1 … star-5), and the finding says so."""
    shown = findings_923(runner, tmp_path, five_star_levels())
    [zh], [en] = shown["json.zh"], shown["json.en"]
    assert [n["name"] for n in zh["nodes"]] == ["五星", "四星", "三星", "二星", "一星"]
    assert [(n["name"], n["rank"]) for n in en["nodes"]] == [
        ("five stars", 5), ("four stars", 4), ("three stars", 3), ("two stars", 2),
        ("one star", 1)]
    assert [n["node"] for n in en["nodes"]] == [EX + f"star-{n}" for n in (5, 4, 3, 2, 1)]
    for lang, heading, named in (("zh", "等级由高到低（按“等级名次”）：", "{}（…/star-{}，"),
                                 ("en", "Levels, best first by “level rank”:", "{} (…/star-{}, ")):
        text = shown[f"text.{lang}"]
        places = [text.find(named.format(STARS[n - 1][1 if lang == "zh" else 2], n))
                  for n in (5, 4, 3, 2, 1)]
        assert 0 <= text.find(f"\n          {heading}\n") < places[0], lang
        assert -1 not in places and places == sorted(places), (lang, places)


def test_a_finding_on_one_level_says_no_order(runner: CliRunner, tmp_path: Path) -> None:
    """One level listed: nothing to order, no heading."""
    shown = findings_923(runner, tmp_path, rated(named=False))
    [en] = shown["json.en"]
    assert [(n["name"], n["rank"]) for n in en["nodes"]] == [("excellent", 4)]
    assert "best first" not in shown["text.en"] and "由高到低" not in shown["text.zh"]


def test_a_stored_report_lists_the_levels_best_first_too(tmp_path: Path) -> None:
    """The report read back from a store keeps each level's scale and rank beside its label, and
    lists the levels as the fresh report did."""
    source = tmp_path / "stars.ttl"
    five_star_levels().serialize(source, format="turtle")
    store = open_store("oxigraph")
    info, original = ingest_submission(store, read_submission_files([source]), submitter="tests")
    back = read_report(store, info.cluster, info.number)
    for report in (original, back):
        [finding] = report.outcome("9.2.3").findings
        assert [c.node for d in finding.diagnoses for c in d.candidates] == [
            URIRef(EX + f"star-{n}") for n in (5, 4, 3, 2, 1)]
    assert "Levels, best first by “level rank”:" in render_report(back, "text", "en")
    assert '<li class="order">等级由高到低（按“等级名次”）：</li>' in render_report(back, "html", "zh")


def test_a_number_beside_two_levels_quotes_the_levels_best_first(runner: CliRunner,
                                                                  tmp_path: Path) -> None:
    """A value with a number and two levels (star-1, star-5): the levels quoted best first."""
    data = five_star_levels()
    [observation] = data.subjects(BCIC.ratedLevel, URIRef(EX + "star-1"))
    data.add((observation, BCIC.ratedLevel, URIRef(EX + "star-5")))
    data.add((observation, BCIC.observedValue, Literal(3)))
    shown = findings_923(runner, tmp_path, data)
    assert "its “value” “3” and its “rated level” “five stars”, “one star”: state one" \
        in shown["text.en"]
    assert "“数值”的取值“3”与“评定等级”的取值“五星”、“一星”并存：只写其一" in shown["text.zh"]
