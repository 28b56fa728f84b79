"""The hints of 9.2.1 and 9.2.3 say what their shapes ask: a guarded check of an indicator reads
what its qualified value shape asks (9.2.1's five parts of a specification), and a check guarded by
a condition that other shapes of the clause look at (9.2.3's “rated level”) is an either ask
(checker/guidance.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from rdflib import Graph

from checker.cli import main
from checker.namespaces import BCIC
from tests.dehua_changes import without
from tests.test_rated_values import rated


def hints(runner: CliRunner, tmp_path: Path, data: Graph, rid: str) -> dict[str, Any]:
    """The hint of `rid` as the JSON report says it (zh, en), with the JSON's asks (json.zh,
    json.en), and the whole text report (text.zh, text.en)."""
    source = tmp_path / "data.ttl"
    data.serialize(source, format="turtle")
    shown: dict[str, Any] = {}
    for lang in ("zh", "en"):
        done = runner.invoke(main, ["validate", str(source), "--format", "json", "--lang", lang])
        document = json.loads(done.output)
        [row] = [r for r in document["requirements"] if r["id"] == rid]
        shown[lang] = row["guidance"]["text"]
        shown[f"json.{lang}"] = (row["guidance"], document["guidance_asks"])
        shown[f"text.{lang}"] = runner.invoke(main, ["validate", str(source),
                                                      "--lang", lang]).output
    return shown


def resolved(ask_id: str, asks: dict[str, Any]) -> dict[str, Any]:
    """An ask with what its value carries and its options read through their ids."""
    found = dict(asks[ask_id])
    found["then"] = [resolved(t, asks) for t in found["then"]]
    found["options"] = [[resolved(t, asks) for t in o] for o in found.get("options", ())]
    return found


def test_9_2_1_hint_names_the_parts_of_each_specification(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    """「信息内涵、信息来源、收集与计算方法、测量周期、责任部门」: shp:IndicatorSpecified asks them of a
    specification of every indicator a KPI system includes; the hint names each."""
    shown = hints(runner, tmp_path, without("spec-LocationAdvantage", BCIC.informationSource),
                  "9.2.1")
    for zh in ("“信息内涵”（bcic:informationContent）", "“信息来源”（bcic:informationSource）",
               "“收集方法”（bcic:collectionMethod）", "“计算方法”（bcic:calculationMethod）",
               "“责任方”（bcic:responsibleParty）",
               "“所规范的指标”（bcic:specifiesIndicator）指向“包含指标”（bcic:includesIndicator）所指的每一项"):
        assert zh in shown["zh"]
    for en in ("“information content” (bcic:informationContent)",
               "“information source” (bcic:informationSource)",
               "“collection method” (bcic:collectionMethod)",
               "“calculation method” (bcic:calculationMethod)",
               "“responsible party” (bcic:responsibleParty)",
               "“specifies indicator” (bcic:specifiesIndicator) pointing to each thing "
               "“includes indicator” (bcic:includesIndicator) names"):
        assert en in shown["en"]
    guidance, asks = shown["json.en"]
    [spec] = [e for e in guidance["evidence"] if e["class"] == str(BCIC.MeasurementSpecification)]
    paths = {asks[i]["path"] for i in spec["asks"]}
    assert {"bcic:informationContent", "bcic:informationSource", "bcic:collectionMethod",
            "bcic:calculationMethod", "bcic:period", "bcic:responsibleParty"} <= paths


# 9.2.1 「明确关键绩效指标相应的信息内涵、信息来源、收集与计算方法、测量周期、责任部门等」, in its order.
SPECIFICATION_PARTS = ("bcic:informationContent", "bcic:informationSource", "bcic:collectionMethod",
                       "bcic:calculationMethod", "bcic:period", "bcic:responsibleParty")


def test_9_2_1_hint_names_the_parts_in_the_clauses_order(runner: CliRunner,
                                                         tmp_path: Path) -> None:
    """The six parts in the order 9.2.1 names them (their shapes' sh:order), not in the order of
    their shapes' IRIs (calculation, collection, content, period, responsible, source): in the
    text and JSON reports, zh and en."""
    shown = hints(runner, tmp_path, without("spec-LocationAdvantage", BCIC.informationSource),
                  "9.2.1")
    for lang, form in (("zh", "（{}）"), ("en", " ({})")):
        [text_hint] = [line for line in shown[f"text.{lang}"].splitlines()
                       if "bcic:MeasurementSpecification" in line and "→" in line]
        for hint in (shown[lang], text_hint):
            places = [hint.find(form.format(part)) for part in SPECIFICATION_PARTS]
            assert -1 not in places and places == sorted(places), (lang, places)
    for lang in ("zh", "en"):
        guidance, asks = shown[f"json.{lang}"]
        [spec] = [e for e in guidance["evidence"]
                  if e["class"] == str(BCIC.MeasurementSpecification)]
        paths = [asks[i]["path"] for i in spec["asks"]]
        assert [p for p in paths if p in SPECIFICATION_PARTS] == list(SPECIFICATION_PARTS)


def test_9_2_3_hint_asks_a_number_and_unit_or_a_rated_level(runner: CliRunner,
                                                            tmp_path: Path) -> None:
    """A rated observation is asked no number and no unit (shp:RatedObservation): the hint says
    either, and what a rated level is — a level, with its name and rank, of a rating scale that the
    cluster's model or specification names with “rating scale used” (docs/model.md, decision 19)."""
    shown = hints(runner, tmp_path, rated(named=False), "9.2.3")
    assert "或“数值”（bcic:observedValue）为数字（" in shown["zh"]
    assert "和“计量单位”（bcic:unitOfMeasure），或“评定等级”（bcic:ratedLevel）；" in shown["zh"]
    assert ("该“评定等级”写明“所属量表或概念体系”（skos:inScheme）指向一项“评级量表”（bcic:RatingScale），"
            "并由一项记录以“所用评级量表”（bcic:ratingScale）指向它为本集群的测量模型或指标测量规范；"
            "“首选名称”（skos:prefLabel）；“等级名次”（bcic:levelRank）为整数（如 1）。") in shown["zh"]
    assert "either “value” (bcic:observedValue) as a number (" in shown["en"]
    assert " and “unit of measure” (bcic:unitOfMeasure), or “rated level” (bcic:ratedLevel);" \
        in shown["en"]
    assert ("That “rated level” has “in scheme” (skos:inScheme) pointing to a “rating scale” "
            "(bcic:RatingScale), with a record referring to it through “rating scale used” "
            "(bcic:ratingScale) as measurement model or indicator measurement specification of "
            "this cluster; “preferred name” (skos:prefLabel); “level rank” (bcic:levelRank) as a "
            "whole number (e.g. 1).") in shown["en"]
    guidance, asks = shown["json.en"]
    [observation] = [e for e in guidance["evidence"]
                     if e["class"] == str(BCIC.IndicatorObservation)]
    said = [resolved(i, asks) for i in observation["asks"]]
    assert "bcic:unitOfMeasure" not in {a["path"] for a in said}  # only in the option of a number
    [either] = [a for a in said if a["kind"] == "either"]
    number, level = either["options"]
    assert [a["path"] for a in number] == ["bcic:observedValue", "bcic:unitOfMeasure"]
    [rated_level] = level
    assert rated_level["path"] == "bcic:ratedLevel"
    carried = {a["path"]: a for a in rated_level["then"]}
    assert set(carried) == {"skos:inScheme", "skos:prefLabel", "bcic:levelRank"}
    assert carried["skos:inScheme"]["expected"] == [str(BCIC.RatingScale)]
    assert [t["path"] for t in carried["skos:inScheme"]["then"]] == ["^bcic:ratingScale"]
