"""A deleted revision keeps its place in a cluster's history (clause 1; docs/store.md): `bcic
history`, the cluster page and its history API list it where its number falls, marked deleted,
when (in the display zone, BCIC_TIME_ZONE) and by whom, so that an evaluator reading revisions 1
and 3 sees why there is no 2."""

from __future__ import annotations

import html
import json
import re
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import URIRef

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.store import cluster_key, open_configured_store

DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
CLUSTER = "https://example.org/cluster/dehua/cluster"
KEY = cluster_key(URIRef(CLUSTER))
BEIJING = {"BCIC_TIME_ZONE": "Asia/Shanghai"}
WHEN = r"\d{4}-\d\d-\d\d \d\d:\d\d"
REASON = "第三方评估机构重复上传\n与第 1 版相同"  # two lines: the second indented further


def _two_kept_one_deleted(location: Path) -> None:
    runner = CliRunner()
    for _ in range(3):
        assert _bcic(runner, location, {}, "ingest", DEHUA).exit_code == 0
    deleted = _bcic(runner, location, {}, "delete-revision", CLUSTER, "2", "--by", "评价员乙",
                    "--reason", REASON)
    assert deleted.exit_code == 0, deleted.output


@pytest.fixture
def store(tmp_path: Path, store_copies) -> Path:  # type: ignore[no-untyped-def]
    """Revisions 1 and 3 of the dehua sample stored; 2 deleted by 评价员乙, for REASON (a copy
    per test)."""
    return store_copies.copy("dehua-2-of-3-deleted", _two_kept_one_deleted, tmp_path / "store")


def _bcic(runner: CliRunner, store: Path, env: dict[str, str], *args: str) -> Result:
    return runner.invoke(main, [*args, "--store", str(store)], env=env)


@pytest.mark.parametrize("lang, line", [
    ("en", rf"revision 2  deleted on {WHEN} \(UTC\+08:00\) by 评价员乙: its number is not given "
           r"again"),
    ("zh", rf"第 2 版  已于 {WHEN}（UTC\+08:00） 删除（删除人：评价员乙），该版本号不再使用"),
])
def test_history_lists_a_deleted_revision_in_its_place(
        runner: CliRunner, store: Path, lang: str, line: str) -> None:
    result = _bcic(runner, store, BEIJING, "history", CLUSTER, "--lang", lang)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    [deleted] = [n for n, text in enumerate(lines) if re.fullmatch(line, text)]
    starts = [n for n, text in enumerate(lines) if not text.startswith(" ")]
    assert starts.index(deleted) == 1  # after revision 1 and its lines, before revision 3
    assert len(starts) == 3


def test_a_deletion_without_a_name_says_only_when(runner: CliRunner, store: Path) -> None:
    assert _bcic(runner, store, {}, "delete-revision", CLUSTER, "3",
                 "--reason", "wrong cluster").exit_code == 0
    shown = _bcic(runner, store, {}, "history", CLUSTER).output
    assert re.search(rf"^revision 3  deleted on {WHEN} \(UTC\): its number is not given again$",
                     shown, re.MULTILINE), shown


def test_the_cluster_page_shows_the_deleted_revision_in_its_place(
        store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(store, BCIC_TIME_ZONE="Asia/Shanghai").test_client()
    for lang, words in (("en", rf"deleted on {WHEN} \(UTC\+08:00\) by 评价员乙: its number is "
                               r"not given again"),
                        ("zh", rf"已于 {WHEN}（UTC\+08:00） 删除（删除人：评价员乙），该版本号不再使用")):
        page = html.unescape(client.get(f"/clusters/{KEY}?lang={lang}").get_data(as_text=True))
        rows = re.findall(r'<tr id="revision-(\d+)"[^>]*>(.*?)</tr>', page, re.DOTALL)
        assert [number for number, _ in rows] == ["3", "2", "1"]  # newest first
        assert re.search(words, rows[1][1]), rows[1][1]
        assert 'id="revision-2" class="deleted"' in page


def test_the_history_api_lists_the_deleted_revisions(
        store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    document = make_web_app(store).test_client().get(f"/api/clusters/{KEY}/history").get_json()
    assert [r["number"] for r in document["revisions"]] == [1, 3]
    [deleted] = document["deleted_revisions"]
    assert (deleted["number"], deleted["deleted_by"]) == (2, "评价员乙")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", deleted["deleted"])


def test_history_as_json_is_the_history_apis_document(
        runner: CliRunner, store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """`bcic history --format json` gives the document `GET /api/clusters/<key>/history`
    answers, made by one library function (checker/benchmark_json.py), deleted revisions and
    report links alike, in any language and by IRI or key."""
    answer = make_web_app(store).test_client().get(f"/api/clusters/{KEY}/history")
    for given, lang in ((CLUSTER, "en"), (KEY.upper(), "zh")):
        printed = _bcic(runner, store, {}, "history", given, "--format", "json", "--lang", lang)
        assert printed.exit_code == 0, printed.output
        assert json.loads(printed.output) == answer.get_json()
    assert [r["report"] for r in answer.get_json()["revisions"]] == [
        f"/clusters/{KEY}/revisions/1", f"/clusters/{KEY}/revisions/3"]



@pytest.mark.parametrize("lang, lines", [
    ("en", ["    reason: 第三方评估机构重复上传", "      与第 1 版相同"]),
    ("zh", ["    删除理由：第三方评估机构重复上传", "      与第 1 版相同"])])
def test_history_says_why_a_revision_was_deleted_under_its_line(
        runner: CliRunner, store: Path, lang: str, lines: list[str]) -> None:
    shown = _bcic(runner, store, {}, "history", CLUSTER, "--lang", lang).output.splitlines()
    [deleted] = [n for n, text in enumerate(shown) if text.startswith(("revision 2 ", "第 2 版 "))]
    assert shown[deleted + 1:deleted + 3] == lines, shown


def _delete_without_a_reason(store: Path, number: int) -> None:
    """A deletion as a store made before reasons were kept holds it: a tombstone, no reason."""
    with closing(open_configured_store(str(store), create=False)) as opened:
        assert opened.delete_revision(URIRef(CLUSTER), number, deleted_by="评价员甲")


@pytest.mark.parametrize("lang, line", [("en", "    no reason recorded"),
                                        ("zh", "    未记录删除理由")])
def test_an_older_deletion_without_a_reason_still_reads(
        runner: CliRunner, store: Path, lang: str, line: str) -> None:
    _delete_without_a_reason(store, 3)
    shown = _bcic(runner, store, {}, "history", CLUSTER, "--lang", lang).output.splitlines()
    [deleted] = [n for n, text in enumerate(shown) if text.startswith(("revision 3 ", "第 3 版 "))]
    assert shown[deleted + 1] == line, shown


@pytest.mark.parametrize("lang, words", [("en", " by 评价员甲 (no reason recorded); its number"),
                                         ("zh", "（删除人：评价员甲），未记录删除理由，该版本号不再使用")])
def test_asking_for_an_older_deletion_without_a_reason_says_none_was_recorded(
        runner: CliRunner, store: Path, lang: str, words: str) -> None:
    _delete_without_a_reason(store, 3)
    result = _bcic(runner, store, {}, "report", CLUSTER, "--revision", "3", "--lang", lang)
    assert result.exit_code == 2 and words in result.stderr, result.stderr


def test_the_cluster_page_and_the_api_say_why_a_revision_was_deleted(
        store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    _delete_without_a_reason(store, 3)
    client = make_web_app(store).test_client()
    for lang, said, unsaid in (("en", "reason: 第三方评估机构重复上传", "no reason recorded"),
                               ("zh", "删除理由：第三方评估机构重复上传", "未记录删除理由")):
        page = html.unescape(client.get(f"/clusters/{KEY}?lang={lang}").get_data(as_text=True))
        rows = dict(re.findall(r'<tr id="revision-(\d+)"[^>]*>(.*?)</tr>', page, re.DOTALL))
        assert said in rows["2"] and "与第 1 版相同" in rows["2"], rows["2"]
        assert unsaid in rows["3"], rows["3"]
    document = client.get(f"/api/clusters/{KEY}/history").get_json()
    assert [(d["number"], d["deleted_by"], d["reason"]) for d in document["deleted_revisions"]] \
        == [(2, "评价员乙", REASON), (3, "评价员甲", None)]
