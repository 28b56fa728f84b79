"""9.2.3: the findings on rated values as a cluster's data officer reads them — one finding per
mistake, on the record she wrote, saying what is wrong in words (docs/model.md, decision 19)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef

from checker.cli import main
from checker.namespaces import BCIC
from tests.dehua_changes import EX, dehua
from tests.test_rated_values import RATED, SCALE, rated, with_scale

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
    data.add((RATED, BCIC.observedValue, Literal("49.0")))
    shown = findings_923(runner, tmp_path, data)
    [zh], [en] = shown["json.zh"], shown["json.en"]
    assert lines_of(en) == [f"{OBSERVATION}: its “value” “49.0” and its “rated level” "
                            "“excellent”: state one"]
    assert lines_of(zh) == [f"{OBSERVATION}: “数值”的取值“49.0”与“评定等级”的取值“优”并存：只写其一"]
    assert "more “value” than allowed" not in shown["text.en"]

