"""A lead-in's sheet (`bcic rules show 4.2.1`) spells out its list items' shapes, so it says
their rule problems too, each naming the items whose shapes hold it (checker/provision_sheet.py):
`sh:minCount 0` in shp:Fulfils-4.2.1-a-duty was said on 4.2.1 a)'s sheet only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli_rules
from checker.cli import main
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES
from checker.rulebook_document import build_rulebook_document
from tests.test_rule_problems_more import changed_rulebook

DUTY_A = "shp:Fulfils-4.2.1-a-duty a sh:PropertyShape ; sh:path bcic:fulfilsDuty ;"


def _show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> CliRunner:
    rulebook = changed_rulebook(tmp_path, {"shapes/ch4-organisation.ttl": (
        (DUTY_A, DUTY_A + " sh:minCount 0 ;"),)})
    document = build_rulebook_document(rulebook, load_ontology_graph(ALL_ONTOLOGY_FILES))
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: rulebook)
    monkeypatch.setattr(cli_rules, "load_rulebook_document", lambda: document)
    return CliRunner().invoke(main, ["rules", "show", *args])


def test_a_lead_ins_sheet_says_its_items_problems_naming_the_item(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = json.loads(_show(tmp_path, monkeypatch, "4.2.1", "--format", "json").stdout)
    assert [(p["kind"], p["subject"], p["items"]) for p in shown["problems"]] == [
        ("zero_min_count", "shp:Fulfils-4.2.1-a-duty", ["4.2.1-a"])]
    text = shown["problems"][0]["text"]
    assert text["en"].startswith("in the shapes of 4.2.1 a): error: shp:Fulfils-4.2.1-a-duty (")
    assert text["zh"].startswith("4.2.1 a) 的形状中：错误：shp:Fulfils-4.2.1-a-duty（")


def test_the_text_sheet_says_it_in_both_languages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for lang, said in (("en", "    in the shapes of 4.2.1 a): error: shp:Fulfils-4.2.1-a-duty"),
                       ("zh", "    4.2.1 a) 的形状中：错误：shp:Fulfils-4.2.1-a-duty")):
        shown = _show(tmp_path / lang, monkeypatch, "4.2.1", "--lang", lang)
        assert shown.exit_code == 0 and said in shown.stdout, shown.stdout[:2000]


def test_the_items_own_sheet_says_it_without_naming_an_item(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = json.loads(_show(tmp_path, monkeypatch, "4.2.1 a)", "--format", "json").stdout)
    assert [(p["subject"], p["items"]) for p in shown["problems"]] == [
        ("shp:Fulfils-4.2.1-a-duty", [])]
    assert shown["problems"][0]["text"]["en"].startswith("error: ")
