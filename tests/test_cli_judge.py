"""`bcic judge`: an evaluator records a judgement of a provision a stored report leaves to them
(docs/model.md, decision 20); `bcic clusters`, `history` and the named queries count it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import URIRef

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.store import cluster_key

DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
DEHUA_CLUSTER = "https://example.org/cluster/dehua/cluster"


def _dehua_ingested(store: Path) -> None:
    assert CliRunner().invoke(main, ["ingest", DEHUA, "--store", str(store)]).exit_code == 0


@pytest.fixture
def bcic(runner: CliRunner, tmp_path: Path, store_copies):  # type: ignore[no-untyped-def]
    """`bcic` on a store of its own holding the dehua sample as revision 1 (`bcic ingest`)."""
    store = str(store_copies.copy("dehua-ingested", _dehua_ingested, tmp_path / "store"))

    def run(*args: str) -> Result:
        return runner.invoke(main, [*args, "--store", store])
    return run


def test_judge_stores_a_judgement_of_the_latest_revision_and_history_shows_it(bcic) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", "未见品牌战略文件",
                  "--by", "评价员甲", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "已存储对" in result.output and "评价人员判定不满足（评价员甲，" in result.output
    history = bcic("history", DEHUA_CLUSTER)
    assert "opened: 6.1" in history.output
    assert "6.1 judged not met by 评价员甲 on " in history.output
    assert "未见品牌战略文件" in history.output
    clusters = bcic("clusters")
    assert "not conformant" in clusters.output
    rows = json.loads(bcic("queries", "run", "most-violated-clauses", "--format", "json").output)
    assert "https://w3id.org/bcic/req/gbt-draft/6.1" in {
        b["requirement"]["value"] for b in rows["results"]["bindings"]}


def test_a_judgement_met_lowers_the_pending_count_of_the_listed_verdict(bcic) -> None:  # type: ignore[no-untyped-def]
    assert "93 item(s) await an evaluator" in bcic("clusters").output
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--met", "--revision", "1")
    assert result.exit_code == 0, result.output
    assert "judged met by an unnamed evaluator" in result.output
    assert "92 item(s) await an evaluator" in bcic("clusters").output
    rows = json.loads(bcic("queries", "run", "clusters-by-conformance", "--format", "json").output)
    [row] = rows["results"]["bindings"]
    assert row["pendingReview"]["value"] == "92" and row["verdict"]["value"] == (
        "no-gap-pending-review")


@pytest.mark.parametrize("args, words", [
    (("4.1", "--met"), "is not awaiting review"),                 # met by the data
    (("9.9.9", "--met"), "has no provision 9.9.9"),               # not in the report
    (("6.1", "--not-met"), "needs a rationale"),                  # no --note
    (("6.1", "--met", "--revision", "7"),                         # no such revision
     "revision 7 of <https://example.org/cluster/dehua/cluster> is not stored; the nearest "
     "stored: 1"),
    (("6.1",), "--met or --not-met"),                             # no judgement given
    (("6.1", "--met", "--by", " \t "), "--by names no one"),       # a blank name
    (("6.1", "--met", "--by", "Li\nAuditor"),                     # a name of two lines
     "--by holds a line break or another control character (U+000A)"),
    (("6.1", "--met", "--by", "Li\u2028Auditor"), "(U+2028)"),      # a line separator
])
def test_a_refused_judgement_exits_2_and_stores_nothing(bcic, args, words) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, *args)
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "judged" not in bcic("history", DEHUA_CLUSTER).output


@pytest.mark.parametrize("order", [("--met", "--not-met"), ("--not-met", "--met")])
@pytest.mark.parametrize("lang, words", [
    ("en", "--met and --not-met exclude each other: give one judgement"),
    ("zh", "--met 与 --not-met 不能同时给出：请只给出一个判定")])
def test_met_and_not_met_together_are_a_usage_error(bcic, order, lang, words) -> None:  # type: ignore[no-untyped-def]
    """Decision 20: one judgement a command; click alone would take the last flag given."""
    result = bcic("judge", DEHUA_CLUSTER, "6.1", *order, "--note", "理由", "--lang", lang)
    assert result.exit_code == 2, result.output
    assert words in result.output and ("Usage:" if lang == "en" else "用法：") in result.output
    assert "judged" not in bcic("history", DEHUA_CLUSTER).output


def test_an_unknown_cluster_exits_2(bcic) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", "https://example.org/nowhere", "6.1", "--met", "--lang", "zh")
    assert result.exit_code == 2 and "未存储" in result.output


@pytest.mark.parametrize("written", ["6.2 d)", "req:6.2-d", "6.2d"])
def test_judge_accepts_the_notation_its_own_output_prints(bcic, written) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, written, "--met")
    assert result.exit_code == 0, result.output
    assert "6.2 d) judged met" in result.output


def test_a_rationale_of_several_lines_keeps_its_lines_indented(bcic) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", "未见战略文件\n须补交")
    assert result.exit_code == 0, result.output
    assert "\\x0a" not in result.output
    history = bcic("history", DEHUA_CLUSTER).output
    assert "\\x0a" not in history
    [line] = [n for n, text in enumerate(history.splitlines()) if "未见战略文件" in text]
    assert history.splitlines()[line + 1] == "      须补交"


def test_a_rationale_over_2000_characters_is_refused(bcic) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", "长" * 2001)
    assert result.exit_code == 2 and "2001" in result.output and "2000" in result.output
    assert "judged" not in bcic("history", DEHUA_CLUSTER).output


@pytest.mark.parametrize("note, lang, words", [
    ("esc \x1b[31mred", "en", "--note holds a control character (U+001B)"),
    ("nul \x00 here", "zh", "--note 含有控制字符（U+0000）"),
    ("bell \x07", "en", "(U+0007)"),
])
def test_a_rationale_with_a_control_character_is_refused(bcic, note, lang, words) -> None:  # type: ignore[no-untyped-def]
    """Decision 20: a rationale is text on reports (HTML, Turtle): ESC or NUL has no place."""
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", note, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "judged" not in bcic("history", DEHUA_CLUSTER).output


@pytest.mark.parametrize("note, lang, words", [
    ("甲\u2028乙", "en", "--note holds a line or paragraph separator or a bidirectional control "
                       "(U+2028 LINE SEPARATOR)"),
    ("甲\u2029乙", "zh", "--note 含有行或段落分隔符或双向文字控制符（U+2029 PARAGRAPH SEPARATOR）"),
    ("abc \u202eevil", "en", "(U+202E RIGHT-TO-LEFT OVERRIDE), which would break or reorder"),
    ("x \u202a y", "en", "(U+202A LEFT-TO-RIGHT EMBEDDING)"),
    ("x \u2066y\u2069", "zh", "（U+2066 LEFT-TO-RIGHT ISOLATE）"),
    ("x \u2069", "en", "(U+2069 POP DIRECTIONAL ISOLATE)"),
])
def test_a_rationale_with_a_separator_or_a_bidi_control_is_refused_naming_it(  # type: ignore[no-untyped-def]
        bcic, note, lang, words) -> None:
    """Decision 20: U+2028/U+2029 break a report's lines where no line feed is, and the
    bidirectional controls (U+202A–U+202E, U+2066–U+2069) reorder the text after them."""
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", note, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "judged" not in bcic("history", DEHUA_CLUSTER).output


@pytest.mark.parametrize("args, note_lang", [
    (["--lang", "en"], "en"), (["--lang", "zh"], "zh"),
    (["--lang", "en", "--note-lang", "zh"], "zh"), (["--lang", "zh", "--note-lang", "en"], "en"),
])
def test_the_rationales_language_is_langs_unless_note_lang_says_otherwise(  # type: ignore[no-untyped-def]
        bcic, args, note_lang) -> None:
    """An evaluator working in English (--lang en) writes her rationale in English: it is
    stored tagged so (decision 20) without a --note-lang of its own."""
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", "no strategy", *args)
    assert result.exit_code == 0, result.output
    listed = json.loads(bcic("judgements", DEHUA_CLUSTER, "--format", "json").output)
    assert [j["note_lang"] for j in listed["judgements"]] == [note_lang]


def test_a_rationale_keeps_its_tabs_and_its_crlf_lines_as_line_feeds(bcic) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", "甲\t乙\r\n丙\r丁")
    assert result.exit_code == 0, result.output
    listed = json.loads(bcic("judgements", DEHUA_CLUSTER, "--format", "json").output)
    assert [j["note"] for j in listed["judgements"]] == ["甲\t乙\n丙\n丁"]


@pytest.mark.parametrize("args, words", [
    (("token", "create", "--help"), "record judgements"),
    (("delete-revision", "--help"), "the evaluator's judgements"),
])
def test_help_says_what_judgements_a_command_touches(runner: CliRunner, args, words) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(main, list(args))
    assert result.exit_code == 0 and words in " ".join(result.output.split())


def test_a_judgement_from_the_command_line_says_so_wherever_it_is_listed(  # type: ignore[no-untyped-def]
        bcic, tmp_path: Path, make_web_app, tokens: dict[str, str]) -> None:
    """bcic judge's --by is a name given, not proven (decision 20): its confirmation, the report
    line in every format, bcic history, the cluster page and the judgements API say it was
    recorded from the command line; the web app's judgement (a token's) does not."""
    zh = bcic("judge", DEHUA_CLUSTER, "6.1", "--not-met", "--note", "未见文件", "--by", "Li Auditor",
              "--lang", "zh")
    assert "6.1 评价人员判定不满足（Li Auditor，" in zh.output and "，经命令行记录）：未见文件" in zh.output
    en = bcic("judge", DEHUA_CLUSTER, "6.2 d)", "--met", "--by", "Li Auditor")
    assert re.search(r"6\.2 d\) judged met by Li Auditor on [\d-]+ [\d:]+ \(UTC\), recorded from "
                     r"the command line", en.output)
    assert ", recorded from the command line: 未见文件" in bcic("history", DEHUA_CLUSTER).output
    for fmt in ("text", "html"):
        shown = html.unescape(bcic("report", DEHUA_CLUSTER, "--format", fmt).output)
        said = re.findall(r"by Li Auditor on [\d-]+ [\d:]+ \(UTC\)(, recorded from the command "
                          r"line)?", shown)
        assert len(said) >= 2 and all(said), fmt  # 6.1 and 6.2 d), also in the checklist
    key = cluster_key(URIRef(DEHUA_CLUSTER))
    client = make_web_app(tmp_path / "store").test_client()
    posted = client.post(f"/api/clusters/{key}/revisions/1/judgements",
                         json={"provision": "7.5.2", "met": True},
                         headers={"Authorization": f"Bearer {tokens['evaluator']}"})
    assert posted.status_code == 201
    events = client.get(f"/api/clusters/{key}/revisions/1/judgements").get_json()["judgements"]
    assert [(j["provision"], j["from_command_line"]) for j in events] == [
        ("6.1", True), ("6.2-d", True), ("7.5.2", False)]
    page = html.unescape(client.get(f"/clusters/{key}?lang=zh").get_data(as_text=True))
    assert "6.2 d) 评价人员判定满足（Li Auditor，" in page and page.count("，经命令行记录）") == 2
    assert "7.5.2 评价人员判定满足（evaluator of the tests，" in page


@pytest.mark.parametrize("lang, words", [
    ("en", "revision 2 of <https://example.org/cluster/dehua/cluster> was deleted on {day} by "
           "Wang (reason: “uploaded twice, the second by mistake”); its number is not given again; "
           "the nearest stored: 1, 3"),
    ("zh", "<https://example.org/cluster/dehua/cluster> 的第 2 版已于 {day} 删除（删除人：Wang），"
           "删除理由：「uploaded twice, the second by mistake」，该版本号不再使用；"
           "最接近的已存储修订版：1、3")])
def test_judging_a_deleted_revision_says_when_it_was_deleted(bcic, lang: str, words: str) -> None:  # type: ignore[no-untyped-def]
    """When, by whom and why (the reason kept with the tombstone, its lines said on the error's
    one line), in zh and en."""
    assert bcic("ingest", DEHUA).exit_code == bcic("ingest", DEHUA).exit_code == 0
    assert bcic("delete-revision", DEHUA_CLUSTER, "2", "--by", "Wang",
                "--reason", "uploaded twice,\nthe second by mistake").exit_code == 0
    for command in (("judge", DEHUA_CLUSTER, "6.1", "--met"), ("report", DEHUA_CLUSTER)):
        result = bcic(*command, "--revision", "2", "--lang", lang)
        [day] = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d(?: \(|（)UTC[)）]", result.output)
        assert result.exit_code == 2 and words.format(day=day) in result.output, result.output


@pytest.mark.parametrize("by, words", [
    ("  ", "--by 未给出任何名称：请给出评价人员的姓名，或省略 --by 以记录未署名的判定；未存储任何内容"),
    ("甲\r乙", "--by 含有换行符或其他控制字符（U+000D）：请在一行内给出评价人员的姓名")])
def test_a_blank_or_multi_line_name_is_refused_in_chinese(bcic, by: str, words: str) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, "6.1", "--met", "--by", by, "--lang", "zh")
    assert result.exit_code == 2 and words in result.output


def test_a_name_is_recorded_trimmed(bcic) -> None:  # type: ignore[no-untyped-def]
    assert bcic("judge", DEHUA_CLUSTER, "6.1", "--met", "--by", "  评价员甲 ").exit_code == 0
    assert "6.1 judged met by 评价员甲 on " in bcic("history", DEHUA_CLUSTER).output


@pytest.mark.parametrize("args, lang, words", [
    (("4.2.1-a", "--not-met"), "en", "a judgement of 4.2.1 a) as not met needs a rationale"),
    (("6.1.2.2-may", "--met"), "en", "6.1.2.2 [may] is not awaiting review"),
    (("6.1.2.2-may", "--met"), "zh", "第 1 版的报告中 6.1.2.2 〔可〕 并非待人工评审"),
])
def test_a_refusal_names_the_provision_as_reports_write_it(bcic, args, lang, words) -> None:  # type: ignore[no-untyped-def]
    result = bcic("judge", DEHUA_CLUSTER, *args, "--lang", lang)
    assert result.exit_code == 2 and words in result.output, result.output
