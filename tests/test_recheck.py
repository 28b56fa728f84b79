"""A stored revision validated again under the running rulebook (checker/recheck.py, `bcic
recheck`): the same submission, named by its stored files and hashes, reported afresh, with
nothing stored; a note says which rulebook judged it and which judges it now."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV

from checker.cli import main
from checker.errors import NotFoundError
from checker.ingest import check_submission, ingest_files
from checker.judging import judge
from checker.loading import read_submission_files
from checker.namespaces import REQ
from checker.paths import EXAMPLES_DIR
from checker.recheck import recheck_revision
from checker.rechecked_note import recheck_note
from checker.report import Status
from checker.report_reader import read_report
from checker.rulebook import load_rulebook
from checker.store import open_store
from checker.store.base import Store, cluster_key, submission_graph_iri
from checker.store.judgements import JudgementRecord

DATANG = EXAMPLES_DIR / "datang-socks.ttl"
DATANG_CLUSTER = URIRef("https://example.org/cluster/datang/cluster")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = open_store("oxigraph", path=tmp_path / "store")
    yield store  # type: ignore[misc]
    store.close()


def _statuses(outcomes: tuple) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(o.requirement.id, o.status.value) for o in outcomes]


def test_a_revision_checked_again_under_the_same_rules_gets_the_stored_verdict(
        store: Store) -> None:
    info = ingest_files(store, [DATANG], submitter="tests")
    quads_before = len(store.named_graph(info.report_graph))
    recheck = recheck_revision(store, DATANG_CLUSTER)
    assert recheck.revision.number == 1 and not recheck.rules_changed
    fresh = check_submission(read_submission_files([DATANG])).report
    assert _statuses(recheck.report.outcomes) == _statuses(fresh.outcomes)
    assert (recheck.report.files, recheck.report.sha256) == (("datang-socks.ttl",),
                                                             (info.files[0].sha256,))
    assert [r.number for r in store.revisions()] == [1]  # nothing stored
    assert len(store.named_graph(info.report_graph)) == quads_before


def test_a_revision_judged_under_another_rulebook_says_so(store: Store) -> None:
    ingest_files(store, [DATANG], rulebook=replace(load_rulebook(), version="0.0.9"))
    recheck = recheck_revision(store, DATANG_CLUSTER, 1)
    assert recheck.rules_changed
    assert (recheck.revision.rulebook_version, recheck.report.rulebook_version) == (
        "0.0.9", load_rulebook().version)


def test_a_revision_not_stored_is_not_found(store: Store) -> None:
    ingest_files(store, [DATANG])
    with pytest.raises(NotFoundError):
        recheck_revision(store, DATANG_CLUSTER, 2)
    with pytest.raises(NotFoundError):
        recheck_revision(store, URIRef("https://example.org/none"))


@pytest.mark.parametrize("lang, note", [
    ("en", "Revision 1 of https://example.org/cluster/datang/cluster was judged under rulebook "
           f"{load_rulebook().version} (not conformant), which is the running rulebook"),
    ("zh", "产业集群 https://example.org/cluster/datang/cluster 的第 1 版按规则库 "
           f"{load_rulebook().version} 评价（不符合），即现行规则库")])
def test_bcic_recheck_prints_the_report_with_a_note_and_exits_as_validate(
        tmp_path: Path, lang: str, note: str) -> None:
    """The note naming the revision checked again is in the report itself, in every format
    (a report written to a file says it too), and said once."""
    runner, where = CliRunner(), str(tmp_path / "store")
    assert runner.invoke(main, ["ingest", str(DATANG), "--store", where]).exit_code == 0
    result = runner.invoke(main, ["recheck", "https://example.org/cluster/datang/cluster",
                                  "--store", where, "--format", "json", "--lang", lang])
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    assert document["files"] == ["datang-socks.ttl"] and document["conforms"] is False
    rechecked = document["rechecked"]
    assert rechecked["note"].startswith(note)
    assert (rechecked["number"], rechecked["key"], rechecked["conforms"]) == (
        1, cluster_key(DATANG_CLUSTER), False)
    assert rechecked["rulebook_version"] == load_rulebook().version
    assert 0 < rechecked["rate"]["ratio"] < 1
    for fmt in ("text", "html", "ttl"):
        written = tmp_path / f"report.{fmt}"
        shown = runner.invoke(main, ["recheck", "https://example.org/cluster/datang/cluster",
                                     "--store", where, "--format", fmt, "--lang", lang,
                                     "--output", str(written)])
        assert shown.exit_code == 1, shown.output
        assert written.read_text(encoding="utf-8").count(note) == 1, fmt
        assert note not in shown.stderr
    derived = set(Graph().parse(tmp_path / "report.ttl", format="turtle").objects(
        None, PROV.wasDerivedFrom))
    assert derived == {submission_graph_iri(DATANG_CLUSTER, 1)}
    missing = runner.invoke(main, ["recheck", "https://example.org/cluster/datang/cluster", "7",
                                   "--store", where])
    assert missing.exit_code == 2 and "7" in missing.stderr


def test_bcic_recheck_takes_the_revision_as_revision_n_as_report_does(tmp_path: Path) -> None:
    """`--revision N`, as `report`, `judge` and `judgements` take it; NUMBER after the cluster
    still works, and the two together are a usage error (exit 2) in the language asked for."""
    runner, where = CliRunner(), str(tmp_path / "store")
    cluster = "https://example.org/cluster/datang/cluster"
    for _ in range(2):
        assert runner.invoke(main, ["ingest", str(DATANG), "--store", where]).exit_code == 0
    for args in (["--revision", "1"], ["1"]):
        result = runner.invoke(main, ["recheck", cluster, *args, "--store", where,
                                      "--format", "json"])
        assert result.exit_code == 1, result.output
        assert json.loads(result.stdout)["rechecked"]["number"] == 1
    missing = runner.invoke(main, ["recheck", cluster, "--revision", "7", "--store", where])
    assert missing.exit_code == 2 and "7" in missing.stderr
    for lang, words in (("en", "the revision is given twice (NUMBER and --revision)"),
                        ("zh", "修订版给出了两次（NUMBER 与 --revision）")):
        both = runner.invoke(main, ["recheck", cluster, "1", "--revision", "1", "--store", where,
                                    "--lang", lang])
        assert both.exit_code == 2 and words in both.stderr, both.output


def test_the_api_and_the_report_page_check_a_stored_revision_again_storing_nothing(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """`POST /api/clusters/<key>/revisions/<n>/recheck` answers the report as /api/validate
    does, and the report page's button shows it apart; the store keeps one revision."""
    where = tmp_path / "store"
    assert CliRunner().invoke(main, ["ingest", str(DATANG), "--store", str(where)]).exit_code == 0
    client = make_web_app(where, WTF_CSRF_ENABLED=False).test_client()
    key = cluster_key(DATANG_CLUSTER)
    answer = client.post(f"/api/clusters/{key}/revisions/1/recheck?lang=zh")
    assert answer.status_code == 200
    document = answer.get_json()
    assert document["files"] == ["datang-socks.ttl"] and document["conforms"] is False
    assert document["revision"] is None  # a validation, not the stored report
    assert client.post(f"/api/clusters/{key}/revisions/9/recheck").status_code == 404
    page = client.get(f"/clusters/{key}/revisions/1?lang=en").get_data(as_text=True)
    assert "Check revision 1 again under the running rulebook" in page
    shown = client.post(f"/clusters/{key}/revisions/1/recheck?lang=en")
    assert shown.status_code == 303 and "/validations/" in shown.headers["Location"]
    report = client.get(shown.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "datang-socks.ttl" in report and "Validation (not stored)" in report
    # Which revision it checked again, under which rulebook and verdict, and the way back to it.
    assert (f"Revision 1 of {DATANG_CLUSTER} was judged under rulebook 0.1.0 (not conformant)"
            in report)
    assert f'href="/clusters/{key}/revisions/1"' in report
    download = client.get(shown.headers["Location"] + "?format=json&lang=en")
    assert download.headers["Content-Disposition"] == (
        f'attachment; filename="bcic-recheck-{key}-1.en.json"')
    assert download.get_json()["rechecked"]["note"].startswith(
        f"Revision 1 of {DATANG_CLUSTER} was judged under rulebook 0.1.0 (not conformant)")
    printable = client.get(shown.headers["Location"] + "?format=html&lang=zh")
    assert f"产业集群 {DATANG_CLUSTER} 的第 1 版按规则库 0.1.0 评价（不符合" in printable.get_data(
        as_text=True)
    chinese = client.get(shown.headers["Location"] + "?lang=zh").get_data(as_text=True)
    assert f"产业集群 {DATANG_CLUSTER} 的第 1 版按规则库 0.1.0 评价（不符合" in chinese
    assert "第 1 版已存储的报告" in chinese
    upload = client.post("/validate", data={"text": DATANG.read_text(encoding="utf-8")})
    assert 'id="rechecked"' not in client.get(upload.headers["Location"]).get_data(as_text=True)
    store = open_store("oxigraph", path=where)
    try:
        assert [r.number for r in store.revisions()] == [1]
    finally:
        store.close()


DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
DEHUA_CLUSTER = URIRef("https://example.org/cluster/dehua/cluster")
WHEN = datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)


def test_a_judged_revision_checked_again_applies_its_judgements_where_review_is_still_due(
        store: Store) -> None:
    """6.1 judged not met: the stored verdict is 不符合 and so is the recheck's, 6.1 a gap by
    the same judgement; a judgement of a provision the data decides (4.1, met) no longer
    applies, and the note says both counts (decision 20)."""
    ingest_files(store, [DEHUA], submitter="tests")
    judge(store, DEHUA_CLUSTER, 1, "6.1", met=False, note="未见品牌战略文件", by="评价员甲",
          now=WHEN)
    store.add_judgement(JudgementRecord(DEHUA_CLUSTER, 1, REQ["4.1"], False, WHEN,
                                        Literal("旧判定", lang="zh"), "评价员甲"))
    report = recheck_revision(store, DEHUA_CLUSTER).report
    assert report.outcome("6.1").status is Status.NOT_MET
    assert report.outcome("6.1").judgement is not None
    assert report.outcome("4.1").status is Status.MET and report.outcome("4.1").judgement is None
    stored = read_report(store, DEHUA_CLUSTER, 1)
    assert not report.conforms and report.overall == stored.overall
    assert (report.rechecked.judgements, report.rechecked.judgements_applied) == (2, 1)
    assert recheck_note(report, "zh").endswith(  # type: ignore[union-attr]
        "已存储的结论含 2 项评价人员判定：其中 1 项同样适用于以下仍待人工评审的条款；"
        "1 项因数据现已判定该条款而不再适用。")
    assert recheck_note(report, "en").endswith(  # type: ignore[union-attr]
        "includes 2 of the evaluator's judgements: 1 applies below too, to provisions still "
        "left to the evaluator; 1 no longer applies, the data now deciding the provision.")


def test_the_api_recheck_of_a_judged_revision_gives_the_stored_verdict(
        tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """`POST /api/clusters/<key>/revisions/<n>/recheck` and the page's button apply the
    revision's judgements too: one rulebook, one verdict."""
    where = tmp_path / "store"
    assert CliRunner().invoke(main, ["ingest", str(DEHUA), "--store", str(where)]).exit_code == 0
    runner = CliRunner()
    judged = runner.invoke(main, ["judge", str(DEHUA_CLUSTER), "6.1", "--not-met", "--note",
                                  "未见品牌战略文件", "--store", str(where)])
    assert judged.exit_code == 0, judged.output
    rechecked = runner.invoke(main, ["recheck", str(DEHUA_CLUSTER), "--store", str(where),
                                     "--lang", "zh"])
    assert rechecked.exit_code == 1 and "含 1 项评价人员判定" in rechecked.stdout
    client = make_web_app(where, WTF_CSRF_ENABLED=False).test_client()
    key = cluster_key(DEHUA_CLUSTER)
    document = client.post(f"/api/clusters/{key}/revisions/1/recheck?lang=en").get_json()
    assert document["conforms"] is False
    assert (document["rechecked"]["judgements"], document["rechecked"]["judgements_applied"]) == (
        1, 1)
    [entry] = [r for r in document["requirements"] if r["id"] == "6.1"]
    assert entry["status"] == "not_met" and entry["judgement"]["note"] == "未见品牌战略文件"
    shown = client.post(f"/clusters/{key}/revisions/1/recheck?lang=zh")
    page = client.get(shown.headers["Location"] + "?lang=zh").get_data(as_text=True)
    assert "未见品牌战略文件" in page and "含 1 项评价人员判定" in page
