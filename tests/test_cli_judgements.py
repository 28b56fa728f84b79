"""`bcic judgements`: the evaluator's judgements of a stored revision (clause 1; docs/model.md,
decision 20), per provision as reports name it, with who judged, when and why; `--all` adds the
superseded ones; JSON as the judgements API gives them."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import URIRef

from checker.cli import main
from checker.judging import judge
from checker.paths import EXAMPLES_DIR
from checker.store import cluster_key, open_configured_store

DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
CLUSTER = "https://example.org/cluster/dehua/cluster"
KEY = cluster_key(URIRef(CLUSTER))
FIRST = datetime(2026, 11, 30, 17, 5, tzinfo=timezone.utc)
LATER = datetime(2026, 12, 2, 2, 30, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path, store_copies) -> Path:  # type: ignore[no-untyped-def]
    """The dehua sample as revisions 1 and 2 (2 deleted, 3 stored); in revision 1, 6.1 judged
    not met from the command line, then met on the web (superseding it), and 6.2 d) met (a copy
    per test)."""
    return store_copies.copy("dehua-judged-twice", _judged_twice, tmp_path / "store")


def _judged_twice(location: Path) -> None:
    runner = CliRunner()
    for _ in range(3):
        assert runner.invoke(main, ["ingest", DEHUA, "--store", str(location)]).exit_code == 0
    assert runner.invoke(main, ["delete-revision", CLUSTER, "2", "--by", "管理员",
                                "--reason", "重复上传", "--store", str(location)]).exit_code == 0
    with closing(open_configured_store(str(location), create=False)) as opened:
        cluster = URIRef(CLUSTER)
        judge(opened, cluster, 1, "6.1", met=False, note="未见品牌战略文件\n仅有会议纪要",
              by="评价员甲", now=FIRST)
        judge(opened, cluster, 1, "6.2 d)", met=True, by="评价员甲", now=FIRST.replace(minute=6))
        judge(opened, cluster, 1, "6.1", met=True, note="补交后已查阅", by="评价员乙",
              asked_by="api", now=LATER)


def _judgements(runner: CliRunner, store: Path, *args: str) -> Result:
    return runner.invoke(main, ["judgements", *args, "--store", str(store)])


def test_the_judgements_that_count_are_listed_one_per_provision(runner: CliRunner,
                                                                 store: Path) -> None:
    result = _judgements(runner, store, CLUSTER, "--revision", "1")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Judgements of revision 1 of <{CLUSTER}>:",
        "  6.2 d) judged met by 评价员甲 on 2026-11-30 17:06 (UTC), recorded from the command line",
        "  6.1 judged met by 评价员乙 on 2026-12-02 02:30 (UTC): 补交后已查阅",
        "1 judgement superseded by a later one not shown (--all shows it)"]


def test_all_adds_the_superseded_judgement_marked_so_its_rationale_lines_kept(
        runner: CliRunner, store: Path) -> None:
    result = _judgements(runner, store, KEY, "--revision", "1", "--all", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"<{CLUSTER}> 第 1 版的评价人员判定：",
        "  （已被取代）6.1 评价人员判定不满足（评价员甲，2026-11-30 17:05（UTC），经命令行记录）："
        "未见品牌战略文件",
        "    仅有会议纪要",
        "  6.2 d) 评价人员判定满足（评价员甲，2026-11-30 17:06（UTC），经命令行记录）",
        "  6.1 评价人员判定满足（评价员乙，2026-12-02 02:30（UTC））：补交后已查阅"]


def test_the_display_zone_applies(runner: CliRunner, store: Path) -> None:
    result = runner.invoke(main, ["judgements", CLUSTER, "--revision", "1", "--store",
                                  str(store)], env={"BCIC_TIME_ZONE": "Asia/Shanghai"})
    assert "6.2 d) judged met by 评价员甲 on 2026-12-01 01:06 (UTC+08:00)" in result.output


def test_a_revision_without_judgements_says_none_and_the_default_is_the_latest(
        runner: CliRunner, store: Path) -> None:
    result = _judgements(runner, store, CLUSTER)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"Judgements of revision 3 of <{CLUSTER}>:",
                                          "  none recorded"]


def test_json_gives_what_the_judgements_api_gives(runner: CliRunner, store: Path,
                                                  make_web_app) -> None:  # type: ignore[no-untyped-def]
    printed = _judgements(runner, store, CLUSTER, "--revision", "1", "--all", "--format", "json",
                          "--lang", "en")
    assert printed.exit_code == 0, printed.output
    answer = make_web_app(store).test_client().get(
        f"/api/clusters/{KEY}/revisions/1/judgements?lang=en")
    assert answer.status_code == 200
    document = json.loads(printed.output)
    assert document == answer.get_json()
    assert [(j["notation"], j["met"], j["date"], j["current"]) for j in document["judgements"]] == [
        ("6.1", False, "2026-11-30T17:05:00Z", False), ("6.2 d)", True, "2026-11-30T17:06:00Z", True),
        ("6.1", True, "2026-12-02T02:30:00Z", True)]
    assert document["judgements"][0]["note"] == "未见品牌战略文件\n仅有会议纪要"
    counting = json.loads(_judgements(runner, store, CLUSTER, "--revision", "1", "--format",
                                      "json").output)
    assert counting["judgements"] == [j for j in document["judgements"] if j["current"]]


@pytest.mark.parametrize("args, lang, words", [
    ((CLUSTER, "--revision", "7"), "en",
     f"revision 7 of <{CLUSTER}> is not stored; the nearest stored: 1, 3"),
    ((CLUSTER, "--revision", "2"), "en", f"revision 2 of <{CLUSTER}> was deleted on "),
    ((CLUSTER, "--revision", "7"), "zh", f"未存储 <{CLUSTER}> 的第 7 版；最接近的已存储修订版：1、3"),
    ((CLUSTER.replace("dehua", "dehau"),), "en",
     f"; the stored clusters nearest in spelling: <{CLUSTER}>"),
])
def test_an_unknown_revision_or_cluster_exits_2_as_the_other_commands_say_it(
        runner: CliRunner, store: Path, args: tuple[str, ...], lang: str, words: str) -> None:
    result = _judgements(runner, store, *args, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert words in result.stderr


def test_help_is_given_in_both_languages(runner: CliRunner) -> None:
    result = runner.invoke(main, ["judgements", "--help"])
    assert result.exit_code == 0
    assert "--all" in result.output and "已被后来判定取代" in result.output
    assert "superseded" in result.output
