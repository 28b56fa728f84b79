"""`bcic rules show ID`: a rule maintainer reads one provision from the command line — its texts,
level, layer and items, every shape that checks it with the file and line that describe it, its
review prompt and the hint reports give — as its rulebook page shows it (checker/provision_sheet.py),
in text (zh or en) and JSON (keys: docs/rules-show.md); an unknown id is refused with the nearest."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph

from checker import cli_rules
from checker.cli import main
from checker.labels import CUT_MARK, NAME_CHARS
from checker.namespaces import SHP
from checker.notation import notation_id
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES, PROJECT_ROOT, SHAPES_DIR
from checker.rulebook import Rulebook, load_rulebook
from checker.rulebook_document import (RulebookDocument, build_rulebook_document,
                                       load_rulebook_document)
from checker.shape_outline import OutlineReader

CRISIS_SOURCES_EN = ("The crisis mechanism does not state the crisis sources, the parties involved "
                     "and how they are monitored (8.3.4 —2)")
CRISIS_SOURCES_ZH = "品牌危机管理机制未明确品牌危机来源、涉及的相关方及监控模式（8.3.4 —2）"
PROMPT_8_3_4_2 = {
    "zh": "判断所列相关方是否确为各类危机来源涉及的相关方，所建立的监控模式是否有效。",
    "en": "Judge whether the parties listed are really those each crisis source involves, and "
          "whether the monitoring set up is effective."}


def _line_of(path: Path, opening: str) -> str:
    """`folder/file:line` of the first line of `path` that opens with `opening`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith(opening))
    return f"{path.parent.name}/{path.name}:{number}"


def _show(*args: str) -> Result:
    result = CliRunner().invoke(main, ["rules", "show", *args])
    assert result.exit_code == 0, result.output
    return result


def _json(provision: str) -> dict[str, Any]:
    return json.loads(_show(provision, "--format", "json").stdout)  # type: ignore[no-any-return]


def test_a_list_item_in_english_shows_its_texts_level_lead_in_shapes_prompt_and_hint() -> None:
    said = _show("8.3.4 —2").stdout
    lines = [line.strip() for line in said.splitlines()]
    assert lines[0] == "8.3.4 —2 [Crisis sources and monitoring mode]"
    assert "Level: 应 shall (requirement) · modal verb 「应」 of its lead-in 8.3.4" in lines
    assert "Layer: Process layer · under Chapter 8 Branding process › 8.3 Brand maintenance" in lines
    assert "Item of: 8.3.4 [Brand crisis management mechanism] · shall" in lines
    # the standard's text verbatim, whole on its line, and bcic's rendering
    assert "Standard (zh): 明确各类品牌危机来源、涉及的相关方，建立有效品牌危机监控模式；" in lines
    assert ("English (unofficial translation): identifying the sources of brand crises of all "
            "kinds and the parties involved, and establishing an effective mode of brand crisis "
            "monitoring;") in lines
    assert f"catalogue entry {_line_of(PROJECT_ROOT / 'ontology' / 'requirements.ttl', 'req:8.3.4-2 ')}" in said
    # every shape, where the shapes files describe it, its target, severity, messages and fixture
    assert "Shapes that check it (2):" in lines
    ch8 = SHAPES_DIR / "ch8-branding.ttl"
    assert f"shp:CrisisSources · {_line_of(ch8, 'shp:CrisisSources ')}" in lines
    assert f"shp:CrisisMechanismFor-8.3.4-2 · {_line_of(ch8, 'shp:CrisisMechanismFor-8.3.4-2 ')}" in lines
    block = said[said.index("shp:CrisisSources ·"):said.index("Review prompt")]
    assert ("target: sh:targetClass bcic:CrisisManagementMechanism (“brand crisis management "
            "mechanism”)") in block
    assert "severity: violation" in block
    assert f"message (zh): {CRISIS_SOURCES_ZH}" in block and f"message (en): {CRISIS_SOURCES_EN}" in block
    assert ("fixture: strip-required-properties: The twin strips the properties that "
            "shp:MonitoredCrisisSource requires (bcic:involvedParty, bcic:monitoringMode) from "
            "each value.") in block
    # what goes to the evaluator, in both languages, and where review.ttl writes it
    assert (f"Review prompt (what goes to the evaluator), "
            f"{_line_of(SHAPES_DIR / 'review.ttl', 'req:8.3.4-2 ')}:") in lines
    assert f"zh: {PROMPT_8_3_4_2['zh']}" in lines and f"en: {PROMPT_8_3_4_2['en']}" in lines
    assert ("The evaluator will want to see these records of the submission and the documents "
            "behind them: “brand crisis management mechanism” (bcic:CrisisManagementMechanism).") in lines
    # the hint, in the words of the rulebook page
    hint = load_rulebook_document().provisions["8.3.4-2"].how_to["en"]
    assert hint.startswith("Record a “brand crisis management mechanism”") and hint in lines


def test_in_chinese_the_labels_and_derived_words_are_chinese_and_both_texts_are_quoted() -> None:
    said = _show("8.3.4 —2", "--lang", "zh").stdout
    lines = [line.strip() for line in said.splitlines()]
    assert lines[0] == "8.3.4 —2 〔危机来源与监控模式〕"
    assert "级别：应（要求） · 情态动词 「应」（出自引导语 8.3.4）" in lines
    assert "所属条款：8.3.4 〔品牌危机管理机制〕 · 应" in lines
    assert "原文：明确各类品牌危机来源、涉及的相关方，建立有效品牌危机监控模式；" in lines
    assert any(line.startswith("英文（非官方译文）：identifying the sources") for line in lines)
    assert f"消息（zh）：{CRISIS_SOURCES_ZH}" in lines and f"消息（en）：{CRISIS_SOURCES_EN}" in lines
    assert "严重程度：违规" in lines
    assert f"zh：{PROMPT_8_3_4_2['zh']}" in lines and f"en：{PROMPT_8_3_4_2['en']}" in lines
    assert load_rulebook_document().provisions["8.3.4-2"].how_to["zh"] in lines
    assert "Shapes that check it" not in said and "How to meet it" not in said


def _documented_keys() -> dict[str, set[str]]:
    """The keys docs/rules-show.md lists, by table: the sheet's, then a shape's."""
    text = (PROJECT_ROOT / "docs" / "rules-show.md").read_text(encoding="utf-8")
    tables = [set(re.findall(r"^\| `(\w+)` \|", table, re.M))
              for table in text.split("| key | value |")[1:]]
    return {"sheet": tables[0], "shape": tables[1], "constraint": tables[2], "nested": tables[3]}


def test_json_gives_every_documented_key_closed_objects_and_both_languages() -> None:
    sheet = _json("8.3.4-2")
    documented = _documented_keys()
    assert set(sheet) == documented["sheet"]
    assert {"iri", "targets", "fixture"} <= documented["shape"]
    assert all(set(shape) == documented["shape"] for shape in sheet["shapes"])
    assert (sheet["id"], sheet["level"], sheet["layer"], sheet["chapter"], sheet["clause"]) == (
        "8.3.4-2", "shall", "process", 8, "8.3.4")
    assert sheet["notation"] == {"zh": "8.3.4 —2", "en": "8.3.4 —2"}
    assert sheet["parent"] == {"id": "8.3.4", "notation": {"zh": "8.3.4", "en": "8.3.4"},
                               "level": "shall", "title": {"zh": "品牌危机管理机制",
                                                           "en": "Brand crisis management mechanism"}}
    assert sheet["text"]["zh"] == "明确各类品牌危机来源、涉及的相关方，建立有效品牌危机监控模式；"
    assert sheet["review_prompt"] == PROMPT_8_3_4_2
    assert sheet["prompt_at"] == _line_of(SHAPES_DIR / "review.ttl", "req:8.3.4-2 ")
    assert sheet["how_to"] == load_rulebook_document().provisions["8.3.4-2"].how_to
    assert sheet["rulebook"] == {"version": load_rulebook().version, "digest": load_rulebook().digest}
    sources = next(s for s in sheet["shapes"] if s["name"] == "shp:CrisisSources")
    assert sources["defined_at"] == _line_of(SHAPES_DIR / "ch8-branding.ttl", "shp:CrisisSources ")
    assert sources["targets"] == [{
        "kind": "sh:targetClass", "term": "bcic:CrisisManagementMechanism",
        "iri": "https://w3id.org/bcic/ontology#CrisisManagementMechanism",
        "label": {"zh": "品牌危机管理机制", "en": "brand crisis management mechanism"}}]
    assert sources["message"] == {"zh": CRISIS_SOURCES_ZH, "en": CRISIS_SOURCES_EN}
    assert sources["fixture"]["kind"] == "strip-required-properties"
    assert set(sources["fixture"]["text"]) == {"zh", "en"}
    # --lang changes the text only: the JSON is the same document
    assert json.loads(_show("8.3.4-2", "--format", "json", "--lang", "zh").stdout) == sheet


@pytest.mark.parametrize("asked", [
    "8.3.4-2", "8.3.4 —2", "8.3.4—2", "8.3.4 -2", "req:8.3.4-2", "/rulebook/8.3.4-2",
    "https://w3id.org/bcic/req/gbt-draft/8.3.4-2"])
def test_a_provision_is_found_however_people_write_it(asked: str) -> None:
    assert _json(asked)["id"] == "8.3.4-2"


@pytest.mark.parametrize(("written", "rid"), [
    ("6.2 d)", "6.2-d"), ("6.2 d", "6.2-d"), ("6.2 D）", "6.2-d"), ("9.1.4 c) —3", "9.1.4-c-3"),
    ("6.1.2.2 〔可〕", "6.1.2.2-may"), ("6.1.2.2 [may]", "6.1.2.2-may"), ("9.2.3", "9.2.3"),
    ("nine", None), ("", None)])
def test_the_notation_is_read_back_into_the_id(written: str, rid: str | None) -> None:
    assert notation_id(written) == rid


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Error: no provision '9.2.30' in the catalogue of rulebook "),
    ("zh", "错误：规则库 ")])
def test_an_unknown_id_exits_2_naming_the_nearest_ids(lang: str, said: str) -> None:
    result = CliRunner().invoke(main, ["rules", "show", "9.2.30", "--lang", lang])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(said)
    assert ("; did you mean 9.2.3, " if lang == "en" else "；是否应为 9.2.3、") in result.stderr


def test_a_heading_of_the_standard_exits_2_naming_the_provisions_under_it() -> None:
    result = CliRunner().invoke(main, ["rules", "show", "4.2"])
    assert result.exit_code == 2
    assert ("4.2 is a heading of the standard, not a provision: name one of the provisions "
            "numbered under it (4.2.1, 4.2.2, 4.2.3)") in result.stderr


def test_a_provision_with_a_review_prompt_shows_it_and_the_records_to_show() -> None:
    """9.2.3: the evaluator judges the measurement model; the checklist names its records."""
    sheet = _json("9.2.3")
    assert sheet["review_prompt"]["zh"].startswith("判断所选测量模型是否适宜、数据甄别是否确保了测量的客观性和有效性；")
    assert "“measurement model” (bcic:MeasurementModel)" in sheet["review_documents"]["en"]
    said = _show("9.2.3").stdout
    assert (f"Review prompt (what goes to the evaluator), "
            f"{_line_of(SHAPES_DIR / 'review.ttl', 'req:9.2.3 ')}:") in said
    assert "shp:MeasurementPeriod · shapes/ch9-performance.ttl:" in said


def test_a_lead_in_with_no_shape_says_what_checks_it_and_lists_its_items() -> None:
    said = _show("4.2.1").stdout
    lines = [line.strip() for line in said.splitlines()]
    assert "Shapes that check it: none" in lines
    assert "checked through its shall-level list items" in lines
    assert "List items (9):" in lines and "4.2.1 a) [Local regulations and enforcement] · shall" in lines
    assert "Review prompt: none" in lines
    sheet = _json("4.2.1")
    assert sheet["shapes"] == [] and sheet["review_prompt"] is None and not sheet["gap"]
    assert [i["id"] for i in sheet["items"]] == [f"4.2.1-{c}" for c in "abcdefghi"]


def test_an_informative_item_with_no_shape_says_it_is_never_a_gap() -> None:
    said = _show("9.3.2 a)", "--lang", "zh").stdout
    assert "检查该规定的形状：无\n    资料性规定：不构成缺口，仅作为形状的词汇\n" in said
    assert "如何满足：无提示（没有形状要求记录）" in said
    sheet = _json("9.3.2 a)")
    assert (sheet["level"], sheet["how_to"], sheet["parent"]["id"]) == ("informative", None, "9.3.2")


def test_the_rulebook_page_shows_the_shapes_and_hint_rules_show_gives(make_web_app,  # type: ignore[no-untyped-def]
                                                                     tmp_path: Path) -> None:
    client = make_web_app(tmp_path / "store").test_client()
    page = unescape(client.get("/rulebook/8.3.4-2?lang=en", headers={"Accept": "text/html"}).text)
    sheet = _json("8.3.4 —2")
    assert sheet["how_to"]["en"] in page
    assert all(shape["name"] in page and shape["message"]["en"] in page for shape in sheet["shapes"])


def test_the_level_note_actor_and_actor_note_are_shown_as_the_page_shows_them() -> None:
    """7.3.2 has no modal verb (its level note says why it is shall-level); 6.1's second sentence
    binds the cultivation body, and its actor note says why (decision 2)."""
    document = load_rulebook_document()
    note_7_3_2, note_6_1 = document.provisions["7.3.2"].level_note, document.provisions["6.1"].actor_note
    lines = [line.strip() for line in _show("7.3.2").stdout.splitlines()]
    assert "Actor: cultivation body as a whole" in lines
    assert f"Why this level: {note_7_3_2['en']}" in lines
    zh = [line.strip() for line in _show("7.3.2", "--lang", "zh").stdout.splitlines()]
    assert "责任主体：培育主体整体" in zh and f"级别说明：{note_7_3_2['zh']}" in zh
    assert f"Why this actor: {note_6_1['en']}" in [line.strip() for line in _show("6.1").stdout.splitlines()]
    sheet = _json("7.3.2")
    assert sheet["level_note"] == note_7_3_2 and sheet["actor_note"] is None
    assert sheet["actors"] == [{"iri": "https://w3id.org/bcic/ontology#CultivationBodyRole",
                                "name": "bcic:CultivationBodyRole",
                                "label": {"zh": "培育主体整体", "en": "cultivation body as a whole"}}]
    assert _json("6.1")["actor_note"] == note_6_1 and _json("8.3.4-2")["level_note"] is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_rulebook_page_names_the_records_to_show_as_rules_show_does(
        make_web_app, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """9.2.3: its review prompt and the records the evaluator will want to see, on both."""
    client = make_web_app(tmp_path / "store").test_client()
    page = unescape(client.get(f"/rulebook/9.2.3?lang={lang}", headers={"Accept": "text/html"}).text)
    documents = _json("9.2.3")["review_documents"][lang]
    assert documents.startswith("The evaluator will want" if lang == "en" else "评价人员将")
    assert re.sub(r"<[^>]+>", "", page).count(documents) == 1


def test_a_list_items_modal_verb_is_said_to_be_its_lead_ins() -> None:
    """4.2.1 a) 「制定有关维护…；」 writes no 应: the 应 it carries is 4.2.1's lead-in's."""
    assert "应" not in _json("4.2.1 a)")["text"]["zh"]
    lines = [line.strip() for line in _show("4.2.1 a)").stdout.splitlines()]
    assert "Level: 应 shall (requirement) · modal verb 「应」 of its lead-in 4.2.1" in lines
    zh = [line.strip() for line in _show("4.2.1 a)", "--lang", "zh").stdout.splitlines()]
    assert "级别：应（要求） · 情态动词 「应」（出自引导语 4.2.1）" in zh
    assert (_json("4.2.1 a)")["modal_verbs"], _json("4.2.1 a)")["modal_verbs_of"]) == (["应"], "4.2.1")
    # a provision's own verbs, a part's own 可, and none
    assert _json("4.2.1")["modal_verbs_of"] == "4.2.1"
    assert _json("6.1.2.2 [may]")["modal_verbs_of"] == "6.1.2.2-may"
    assert _json("7.3.2")["modal_verbs_of"] is None
    assert "Level: 应 shall (requirement) · modal verb 「应」" in [
        line.strip() for line in _show("4.2.1").stdout.splitlines()]


def test_a_target_bcic_names_in_its_hints_has_that_label() -> None:
    """4.1: org:Membership, which the ontology does not label, is “membership” in hints too."""
    shape = next(s for s in _json("4.1")["shapes"] if s["name"] == "shp:MembershipNamesItsBody")
    assert shape["targets"][0]["term"] == "org:Membership"
    assert shape["targets"][0]["label"] == {"zh": "成员关系", "en": "membership"}
    assert "target: sh:targetClass org:Membership (“membership”)" in _show("4.1").stdout


@pytest.mark.parametrize("command", [["rules", "show"], ["rules", "coverage", "--only"]])
def test_an_undecodable_id_is_said_with_the_replacement_character(command: list[str]) -> None:
    """A byte that is not UTF-8 (Python keeps it as a surrogate) is said as the replacement
    character, as click says an undecodable file name, not as the surrogate `\\udcff`."""
    result = CliRunner().invoke(main, [*command, "\udcff9.2"])
    assert result.exit_code == 2
    assert "'\ufffd9.2'" in result.stderr and "udc" not in result.stderr


def test_a_long_unknown_id_is_cut_as_other_long_input_is() -> None:
    """A 5,000-character id is quoted at NAME_CHARS characters, ending in the cut mark."""
    result = CliRunner().invoke(main, ["rules", "show", "9" * 5000])
    assert result.exit_code == 2
    quoted = result.stderr.split("'")[1]
    assert quoted == "9" * (NAME_CHARS - 1) + CUT_MARK and len(result.stderr) < 1000


def test_the_may_part_of_6_1_2_2_is_a_part_of_the_clause_not_a_list_item() -> None:
    """6.1.2.2 is one sentence: its 可考虑采用… is a part of a level of its own, not a list item."""
    lines = [line.strip() for line in _show("6.1.2.2 [may]").stdout.splitlines()]
    assert "Part of: 6.1.2.2 [Designing the brand architecture mode] · shall" in lines
    assert not any(line.startswith("Item of") for line in lines)
    zh = [line.strip() for line in _show("6.1.2.2 [may]", "--lang", "zh").stdout.splitlines()]
    assert "所属条款（部分）：6.1.2.2 〔品牌架构模式设计〕 · 应" in zh
    clause = [line.strip() for line in _show("6.1.2.2").stdout.splitlines()]
    assert "Parts (1):" in clause and "List items (1):" not in clause
    assert "6.1.2.2 [may] [Adopting a listed architecture mode] · may" in clause
    sheet = _json("6.1.2.2")
    assert sheet["items"] == [] and [p["id"] for p in sheet["parts"]] == ["6.1.2.2-may"]
    assert _json("6.1.2.2 [may]")["parent"]["id"] == "6.1.2.2"
    assert _json("4.2.1")["parts"] == []


def test_the_rulebook_page_calls_the_may_part_a_part_too(make_web_app,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    client = make_web_app(tmp_path / "store").test_client()

    def text(path: str) -> str:
        page = client.get(f"{path}?lang=en", headers={"Accept": "text/html"}).text
        return " ".join(unescape(re.sub(r"<[^>]+>", "", page)).split())

    assert "Part of: 6.1.2.2 [may]" not in text("/rulebook/6.1.2.2-may")
    assert "Part of: 6.1.2.2" in text("/rulebook/6.1.2.2-may")
    assert "Item of" not in text("/rulebook/6.1.2.2-may")
    clause = text("/rulebook/6.1.2.2")
    assert "Parts: 6.1.2.2 [may]" in clause and "List items: 6.1.2.2 [may]" not in clause
    assert "List items: 4.2.1 a)" in text("/rulebook/4.2.1")


def test_rules_show_and_the_proof_call_a_fixture_by_one_chinese_term() -> None:
    """正反例, the README's fixture pair, in `rules show`, `rules coverage --prove` and their help:
    never 测试例 beside it."""
    from checker.i18n import MESSAGES
    zh = [texts["zh"] for key, texts in MESSAGES.items() if key.startswith("rules.")]
    assert any("正反例" in text for text in zh) and not any("测试例" in text for text in zh)
    for command in (["rules", "show", "--help"], ["rules", "coverage", "--help"]):
        assert "测试例" not in CliRunner().invoke(main, command).output


@pytest.mark.parametrize("asked", [
    "shp:CrisisSources", "CrisisSources", "https://w3id.org/bcic/shapes/gbt-draft/CrisisSources",
    "<https://w3id.org/bcic/shapes/gbt-draft/CrisisSources>"])
def test_a_checking_shape_shows_its_provision_with_the_shape_marked(asked: str) -> None:
    at = _line_of(SHAPES_DIR / "ch8-branding.ttl", "shp:CrisisSources ")
    sheet = _json(asked)
    assert sheet["id"] == "8.3.4-2"
    assert sheet["asked_shape"] == {"iri": "https://w3id.org/bcic/shapes/gbt-draft/CrisisSources",
                                    "name": "shp:CrisisSources", "defined_at": at, "helper": False}
    assert {s["name"]: s["asked"] for s in sheet["shapes"]} == {
        "shp:CrisisSources": True, "shp:CrisisMechanismFor-8.3.4-2": False}
    lines = [line.strip() for line in _show(asked).stdout.splitlines()]
    assert f"Shape asked: shp:CrisisSources · {at} (it checks this provision: marked ◀ below)" in lines
    assert f"shp:CrisisSources · {at}  ◀" in lines
    assert not any(line.startswith("shp:CrisisMechanismFor-8.3.4-2") and "◀" in line
                   for line in lines)
    zh = [line.strip() for line in _show(asked, "--lang", "zh").stdout.splitlines()]
    assert f"所查询的形状：shp:CrisisSources · {at}（检查该规定，下方以 ◀ 标出）" in zh


def test_a_helper_shape_shows_the_one_provision_whose_shapes_use_it() -> None:
    """shp:MonitoredCrisisSource checks nothing by itself: 8.3.4 —2's shp:CrisisSources uses it."""
    at = _line_of(SHAPES_DIR / "common.ttl", "shp:MonitoredCrisisSource ")
    sheet = _json("shp:MonitoredCrisisSource")
    assert sheet["id"] == "8.3.4-2"
    assert sheet["asked_shape"]["helper"] is True and sheet["asked_shape"]["defined_at"] == at
    assert [s["name"] for s in sheet["shapes"] if s["asked"]] == ["shp:CrisisSources"]
    said = _show("MonitoredCrisisSource").stdout
    assert (f"Shape asked: shp:MonitoredCrisisSource · {at} (a helper shape: the shapes below "
            "that use it are marked ◀)") in said
    assert "辅助形状：下方引用它的形状以 ◀ 标出" in _show("MonitoredCrisisSource", "--lang", "zh").stdout


@pytest.mark.parametrize(("asked", "said"), [
    ("shp:IsStakeholder", "shp:IsStakeholder is a helper shape that the checking shapes of 2 "
                          "provisions use (5.2.4, 8.3.4 —2): name one of them"),
    ("CultivatingBody", "(4.1, 4.2.1 a), "),
    ("DateNotAfterTheReport", "shp:DateNotAfterTheReport checks no provision, and no shape that "
                              "checks one uses it"),
    ("CrisisSourcs", "no provision or checking shape 'CrisisSourcs' in rulebook ")])
def test_a_shape_that_expresses_no_one_provision_exits_2_saying_why(asked: str, said: str) -> None:
    result = CliRunner().invoke(main, ["rules", "show", asked])
    assert result.exit_code == 2 and result.stdout == ""
    assert said in result.stderr
    if asked == "CultivatingBody":
        assert ", and " in result.stderr and " more)" in result.stderr
    if asked == "CrisisSourcs":
        assert "did you mean shp:CrisisSources" in result.stderr


def test_a_provision_asked_by_its_number_marks_no_shape() -> None:
    sheet = _json("8.3.4 —2")
    assert sheet["asked_shape"] is None and not any(s["asked"] for s in sheet["shapes"])
    assert "◀" not in _show("8.3.4 —2").stdout


def _constraints(shape: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every constraint of a shape of the JSON sheet, nested ones too."""
    for constraint in shape["constraints"]:
        yield constraint
        for inner in constraint["shapes"]:
            yield from _constraints(inner)


def test_each_shape_says_its_path_and_constraints_with_the_shapes_they_nest() -> None:
    """8.3.4 —2's shp:CrisisSources: a mechanism marked superseded, or one with at least one crisis
    source, each as shp:MonitoredCrisisSource asks (a crisis source with a party and a monitoring
    mode): the guard and the check it guards, each with what it nests."""
    common, ch8 = SHAPES_DIR / "common.ttl", SHAPES_DIR / "ch8-branding.ttl"
    lines = [line.strip() for line in _show("8.3.4 —2").stdout.splitlines()]
    block = lines[lines.index(f"shp:CrisisSources · {_line_of(ch8, 'shp:CrisisSources ')}"):]
    assert block[3:5] == ["each value conforms to at least one of these (sh:or):",
                          f"shp:SupersededRecord · {_line_of(common, 'shp:SupersededRecord ')}"]
    block = block[block.index(f"shp:CrisisSources-check · {_line_of(ch8, 'shp:CrisisSources-check ')}"):]
    assert block[1:7] == [
        "path: bcic:hasCrisisSource — “has crisis source” (bcic:hasCrisisSource)",
        "at least 1 value(s) (sh:minCount)",
        "each value conforms to (sh:node):",
        f"shp:MonitoredCrisisSource · {_line_of(common, 'shp:MonitoredCrisisSource ')}",
        "each value is of the class “brand crisis source” (bcic:CrisisSource) (sh:class)",
        "each value meets the property shape (sh:property):"]
    assert "path: bcic:involvedParty — “involved party” (bcic:involvedParty)" in block
    assert ("path: ^rdfs:subClassOf*/^rdf:type — its instances, its subclasses' included"
            in lines)  # shp:CrisisMechanismFor-8.3.4-2, an existence check
    zh = [line.strip() for line in _show("8.3.4 —2", "--lang", "zh").stdout.splitlines()]
    assert "路径：bcic:hasCrisisSource —— “危机来源”（bcic:hasCrisisSource）" in zh
    assert "至少 1 个值（sh:minCount）" in zh and "每个值均符合（sh:node）：" in zh
    assert "每个值均属于类“品牌危机来源”（bcic:CrisisSource）（sh:class）" in zh
    guarded = next(s for s in _json("8.3.4-2")["shapes"] if s["name"] == "shp:CrisisSources")
    assert guarded["path"] is None and guarded["constraints"][0]["kind"] == "sh:or"
    sources = next(s for s in guarded["constraints"][0]["shapes"] if s["name"] == "shp:CrisisSources-check")
    assert sources["path"] == {"sparql": "bcic:hasCrisisSource", "words": {
        "zh": "“危机来源”（bcic:hasCrisisSource）",
        "en": "“has crisis source” (bcic:hasCrisisSource)"}}
    assert sources["constraints"][0] == {"kind": "sh:minCount", "shapes": [], "text": {
        "zh": "至少 1 个值", "en": "at least 1 value(s)"}}
    node = sources["constraints"][1]
    assert (node["kind"], [s["name"] for s in node["shapes"]]) == (
        "sh:node", ["shp:MonitoredCrisisSource"])
    documented = _documented_keys()
    assert all(set(c) == documented["constraint"] for c in _constraints(sources))
    assert all(set(inner) == documented["nested"]
               for c in _constraints(sources) for inner in c["shapes"])
    assert {"sh:class", "sh:property", "sh:or"} <= {c["kind"] for c in _constraints(sources)}


@pytest.mark.parametrize(("asked", "said"), [
    ("IsListedArchitectureMode",
     "each value is one of “cluster brand only” (bcic:ClusterBrandMode), “cluster brand + "
     "enterprise brand” (bcic:ClusterPlusEnterpriseBrandMode), “cluster brand + product brand” "
     "(bcic:ClusterPlusProductBrandMode), “endorsed brand” (bcic:EndorsedBrandMode) (sh:in)"),
    ("PriorityRank", "each value matches the pattern ^\\+?[0-9]+$ (sh:pattern)"),
    ("PriorityRank", "each value has the datatype xsd:date (sh:datatype)"),
    ("PriorityRank", "at least 1 value(s) conform to (sh:qualifiedValueShape):")])
def test_values_patterns_and_datatypes_are_said_with_their_terms(asked: str, said: str) -> None:
    assert said in [line.strip() for line in _show(asked).stdout.splitlines()]


def test_a_sparql_constraint_is_said_by_its_querys_first_comment() -> None:
    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix shp: <https://w3id.org/bcic/shapes/gbt-draft/> .
        shp:Unique a sh:NodeShape ; sh:sparql [ sh:select \"\"\"
            # no two records of one year (9.2.3)
            SELECT $this WHERE { $this ?p ?o }\"\"\" ] .
        shp:Bare a sh:NodeShape ; sh:sparql [ sh:ask "ASK { $this ?p ?o }" ] .""")
    reader = OutlineReader(shapes, Graph(), {})
    [unique] = reader.outline(SHP.Unique).constraints
    assert unique.kind == "sh:sparql"
    assert unique.text["en"] == "a SPARQL query finds no violation: no two records of one year (9.2.3)"
    assert unique.text["zh"] == "SPARQL 查询未发现违反：no two records of one year (9.2.3)"
    assert reader.outline(SHP.Bare).constraints[0].text["en"].endswith(": ASK { $this ?p ?o }")


def test_a_sparql_constraint_is_said_by_its_comment_with_its_own_message_in_each_language() -> None:
    """Its rdfs:comment says what the query looks for better than the query's first line; its own
    sh:message is what a report says when the query finds something (9.2.3)."""
    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix shp: <https://w3id.org/bcic/shapes/gbt-draft/> .
        shp:Unique a sh:NodeShape ; sh:sparql [
            rdfs:comment "每年至多一条记录（9.2.3）"@zh , "at most one record a year (9.2.3)"@en ;
            sh:message "同一年有两条记录（9.2.3）"@zh , "Two records of one year (9.2.3)"@en ;
            sh:select \"\"\"
            # the first line of the query
            SELECT $this WHERE { $this ?p ?o }\"\"\" ] .""")
    [unique] = OutlineReader(shapes, Graph(), {}).outline(SHP.Unique).constraints
    assert unique.text == {
        "en": "a SPARQL query finds no violation: at most one record a year (9.2.3) (its "
              "message: “Two records of one year (9.2.3)”)",
        "zh": "SPARQL 查询未发现违反：每年至多一条记录（9.2.3）（其消息：“同一年有两条记录（9.2.3）”）"}


@pytest.fixture(scope="module")
def mistaken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Rulebook, RulebookDocument]:
    """The rule files with three mistakes about 8.3.4 —2 and one elsewhere: shp:CrisisSources's
    English message dropped, the helper shp:MonitoredCrisisSource-mode walking `bcic:monitoringMod`,
    8.3.4 —2's review prompt without its English, and 9.2.3's shp:MeasurementPeriod at sh:Info."""
    copy = tmp_path_factory.mktemp("rules") / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    for name, old, new in (
            ("ch8-branding.ttl", ' , "The crisis mechanism does not state the crisis sources, the '
                                 'parties involved and how they are monitored (8.3.4 —2)"@en', ""),
            ("common.ttl", "sh:path bcic:monitoringMode ;", "sh:path bcic:monitoringMod ;"),
            ("review.ttl", ' , "Judge whether the parties listed are really those each crisis '
                           'source involves, and whether the monitoring set up is effective."@en',
             ""),
            ("ch9-performance.ttl", "shp:MeasurementPeriod a sh:PropertyShape ;",
             "shp:MeasurementPeriod a sh:PropertyShape ; sh:severity sh:Info ;")):
        path = copy / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    rulebook = load_rulebook(copy)
    return rulebook, build_rulebook_document(rulebook, load_ontology_graph(ALL_ONTOLOGY_FILES))


@pytest.fixture
def showing_mistakes(mistaken: tuple[Rulebook, RulebookDocument],
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """`bcic rules show` reading the mistaken files; their shapes folder."""
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: mistaken[0])
    monkeypatch.setattr(cli_rules, "load_rulebook_document", lambda: mistaken[1])
    return mistaken[0].files[-1].parent


def test_the_sheet_names_the_rule_problems_of_its_provision_and_shapes(
        showing_mistakes: Path) -> None:
    """The sheet is for reading: it says what `rules coverage` would refuse, exit 0 all the same."""
    sources = _line_of(showing_mistakes / "ch8-branding.ttl", "shp:CrisisSources ")
    mode = _line_of(showing_mistakes / "common.ttl", "shp:MonitoredCrisisSource-mode ")
    prompt = _line_of(showing_mistakes / "review.ttl", "req:8.3.4-2 ")
    lines = [line.strip() for line in _show("8.3.4 —2").stdout.splitlines()]
    at = lines.index("Rule problems (3): `bcic rules coverage` refuses the rule files for these "
                     "(this sheet only reads them):")
    problems = lines[at + 1:at + 4]
    assert all(line.startswith("error: ") for line in problems)
    assert any(line.startswith(f"error: shp:CrisisSources ({sources}): ") for line in problems)
    assert any(line.startswith(f"error: shp:MonitoredCrisisSource-mode ({mode}): ")
               and "bcic:monitoringMod" in line for line in problems)
    assert any(line.startswith(f"error: req:8.3.4-2 ({prompt}): ") for line in problems)
    assert "MeasurementPeriod" not in " ".join(problems)  # 9.2.3's, not this provision's
    zh = [line.strip() for line in _show("8.3.4 —2", "--lang", "zh").stdout.splitlines()]
    assert "规则文件问题（3 处）：`bcic rules coverage` 会因此拒绝这些规则文件（本页仅供阅读）：" in zh
    assert any(line.startswith(f"错误：shp:CrisisSources（{sources}）：") for line in zh)
    sheet = _json("8.3.4 —2")
    assert [(p["kind"], p["subject"], p["at"]) for p in sheet["problems"]] == [
        (kind, subject, place) for kind, subject, place in (
            ("unknown_term", "shp:MonitoredCrisisSource-mode", mode),
            ("no_message", "shp:CrisisSources", sources),
            ("prompt_language", "req:8.3.4-2", prompt))]
    assert all(set(p) == {"kind", "subject", "at", "text", "items"} and p["items"] == []
               and set(p["text"]) == {"zh", "en"} for p in sheet["problems"])  # its own: no item
    assert _json("shp:MeasurementPeriod")["problems"][0]["kind"] == "severity"


def test_a_sheet_without_rule_problems_says_none() -> None:
    assert _json("8.3.4 —2")["problems"] == []
    assert "Rule problems" not in _show("8.3.4 —2").stdout


def test_the_chinese_rulebook_page_brackets_no_modal_verb_in_full_width(
        make_web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """7.3.2 carries no modal verb: Chinese text is bracketed （…）, not (…); English keeps (…)."""
    client = make_web_app(tmp_path / "store").test_client()
    zh = unescape(client.get("/rulebook/7.3.2?lang=zh", headers={"Accept": "text/html"}).get_data(as_text=True))
    assert "（无情态动词）" in zh and "(无情态动词)" not in zh
    en = unescape(client.get("/rulebook/7.3.2?lang=en", headers={"Accept": "text/html"}).get_data(as_text=True))
    assert "(no modal verb)" in en


def test_a_misspelt_helper_shape_is_refused_naming_the_helper_shape_nearest() -> None:
    """shp:IsDat: helper shapes (which sh:node names) are among the nearest names too."""
    result = CliRunner().invoke(main, ["rules", "show", "shp:IsDat"])
    assert result.exit_code == 2 and "did you mean shp:IsDate" in result.stderr
