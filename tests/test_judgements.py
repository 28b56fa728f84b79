"""An evaluator's judgements of a stored revision (docs/model.md, decision 20): recorded only for
provisions awaiting review, applied by the report read back, counted in rates and verdict."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from rdflib import Graph, URIRef

from checker.errors import InputError, NotFoundError, NotJudgeableError
from checker.history import cluster_history
from checker.judging import judge
from checker.judgements import EARL, event_said
from checker.namespaces import BCIC, REQ
from checker.queries import run_named_query
from checker.render import render_report
from checker.report import Report, Status
from checker.report_reader import read_report
from checker.store import Store
from checker.store.judgements import judgements_graph_iri
from checker.verdicts import verdict_text

WHEN = datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)


def _pending(report: Report) -> list[str]:
    return [o.requirement.id for o in report.outcomes if o.status is Status.MANUAL_REVIEW]


def test_dehua_turns_conformant_once_every_pending_item_is_judged_met(
        stored_dehua: tuple[Store, URIRef]) -> None:
    """The checklist's items judged met, the lead-ins (4.2.1, 8.1.3 …) follow them as
    validation derives them: nothing is left pending, the verdict is 符合 everywhere."""
    store, cluster = stored_dehua
    before = read_report(store, cluster, 1)
    awaiting = [o.requirement.id for o in before.awaiting_judgement()]
    lead_ins = [rid for rid in _pending(before) if rid not in awaiting]
    assert {"4.2.1", "8.1.3"} <= set(lead_ins) and "6.2" in awaiting  # 6.2 has its own text
    assert verdict_text(before.conforms, before.overall, "zh") == (
        f"未发现差距，{len(_pending(before))} 项待人工评审确认")
    for rid in awaiting:
        judge(store, cluster, 1, rid, met=True, by="评价员甲", now=WHEN)
    after = read_report(store, cluster, 1)
    assert not _pending(after)
    assert all(after.outcome(rid).status is Status.MET for rid in lead_ins)
    assert after.conforms and verdict_text(after.conforms, after.overall, "zh") == "符合"
    assert after.overall.pending == 0 and after.overall.met == after.overall.total
    assert sum(r.pending for r in after.by_chapter.values()) == 0
    assert "引导条款" not in render_report(after, "text", "zh")
    [info] = store.revisions(cluster)  # the list of clusters says so too (the summary graph)
    assert info.conforms and info.rate is not None and info.rate.pending == 0
    assert verdict_text(info.conforms, info.rate, "en") == "conformant"
    [row] = run_named_query(store, "clusters-by-conformance", {})
    assert int(str(row["pendingReview"])) == 0 and str(row["conforms"]) in ("true", "1")


def test_a_lead_in_is_not_met_once_an_item_is_judged_not_met(
        stored_dehua: tuple[Store, URIRef]) -> None:
    """4.2.1 b) judged not met makes 4.2.1 a gap too, as an item failing by data does (the
    report, the list of clusters and most-violated-clauses)."""
    store, cluster = stored_dehua
    before = read_report(store, cluster, 1)
    assert before.outcome("4.2.1").status is Status.MANUAL_REVIEW
    judge(store, cluster, 1, "4.2.1-b", met=False, note="未见执法记录", by="评价员甲", now=WHEN)
    report = read_report(store, cluster, 1)
    assert report.outcome("4.2.1").status is Status.NOT_MET
    assert report.overall.pending == before.overall.pending - 2
    [info] = store.revisions(cluster)
    assert not info.conforms and info.rate == report.overall
    counted = {str(row["id"]) for row in run_named_query(store, "most-violated-clauses", {})}
    assert {"4.2.1", "4.2.1-b"} <= counted


def test_a_lead_in_that_follows_its_items_is_not_judged_itself(
        stored_dehua: tuple[Store, URIRef]) -> None:
    store, cluster = stored_dehua
    with pytest.raises(NotJudgeableError, match=r"4\.2\.1 a\)–i\)"):
        judge(store, cluster, 1, "4.2.1", met=True, by="评价员甲")
    assert len(store.named_graph(judgements_graph_iri(cluster, 1))) == 0


@pytest.mark.parametrize("written", ["6.2 d)", "req:6.2-d", "6.2-d"])
def test_a_provision_is_named_as_reports_write_it(stored_dehua: tuple[Store, URIRef],
                                                 written: str) -> None:
    store, cluster = stored_dehua
    assert judge(store, cluster, 1, written, met=True, now=WHEN).requirement_id == "6.2-d"
    assert read_report(store, cluster, 1).outcome("6.2-d").status is Status.MET


def test_a_judged_not_met_is_a_gap_shown_with_who_when_and_why_in_every_format(
        stored_dehua: tuple[Store, URIRef]) -> None:
    store, cluster = stored_dehua
    judge(store, cluster, 1, "6.1", met=False, note="未见品牌战略文件", by="评价员甲", now=WHEN)
    report = read_report(store, cluster, 1)
    outcome = report.outcome("6.1")
    assert outcome.status is Status.NOT_MET and outcome.judgement is not None
    assert not report.conforms
    assert verdict_text(report.conforms, report.overall, "zh") == "不符合"
    text = render_report(report, "text", "zh")
    assert "评价人员判定" in text and "评价员甲" in text and "2025-03-04" in text
    assert "未见品牌战略文件" in text
    assert "judged not met by 评价员甲 on 2025-03-04 10:00 (UTC)" in render_report(report, "text",
                                                                                 "en")
    document = json.loads(render_report(report, "json", "en"))
    [entry] = [r for r in document["requirements"] if r["id"] == "6.1"]
    assert entry["status"] == "not_met"
    assert entry["judgement"] == {"met": False, "by": "评价员甲", "date": "2025-03-04T10:00:00Z",
                                  "note": "未见品牌战略文件", "note_lang": "zh",
                                  "from_command_line": True}
    assert "未见品牌战略文件" in render_report(report, "html", "zh")
    turtle = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    assert any("未见品牌战略文件" in str(o) for o in turtle.objects())
    [info] = store.revisions(cluster)
    assert not info.conforms


def test_the_latest_judgement_counts_and_history_shows_each(
        stored_dehua: tuple[Store, URIRef]) -> None:
    store, cluster = stored_dehua
    judge(store, cluster, 1, "6.1", met=False, note="未见文件", by="评价员甲", now=WHEN)
    judge(store, cluster, 1, "6.1", met=True, note="补交后已查阅", note_lang="zh", by="评价员乙",
          now=WHEN.replace(day=5))
    report = read_report(store, cluster, 1)
    assert report.outcome("6.1").status is Status.MET
    assert report.conforms
    [change] = cluster_history(store, cluster)
    assert [(j.requirement_id, j.met, j.by, j.current) for j in change.judgements] == [
        ("6.1", False, "评价员甲", False), ("6.1", True, "评价员乙", True)]
    assert [event_said(j, "en") for j in change.judgements] == [  # as bcic history says them
        "(superseded) 6.1 judged not met by 评价员甲 on 2025-03-04 10:00 (UTC), recorded from the "
        "command line: 未见文件",
        "6.1 judged met by 评价员乙 on 2025-03-05 10:00 (UTC), recorded from the command line: "
        "补交后已查阅"]


@pytest.mark.parametrize("provision, error", [
    ("4.1", NotJudgeableError),     # met by the data
    ("9.9.9", NotFoundError),       # not a provision of the report
])
def test_judging_a_provision_not_awaiting_review_is_refused_and_stores_nothing(
        stored_dehua: tuple[Store, URIRef], provision: str, error: type[Exception]) -> None:
    store, cluster = stored_dehua
    assert read_report(store, cluster, 1).outcome("4.1").status is Status.MET
    with pytest.raises(error):
        judge(store, cluster, 1, provision, met=True, by="评价员甲")
    assert len(store.named_graph(judgements_graph_iri(cluster, 1))) == 0


def test_not_met_without_a_rationale_is_refused(stored_dehua: tuple[Store, URIRef]) -> None:
    store, cluster = stored_dehua
    with pytest.raises(InputError, match="6.1"):
        judge(store, cluster, 1, "6.1", met=False, note="  ")
    with pytest.raises(NotFoundError):
        judge(store, cluster, 2, "6.1", met=True)
    assert len(store.named_graph(judgements_graph_iri(cluster, 1))) == 0


def test_a_rationale_of_several_lines_keeps_its_lines_in_the_text_report(
        stored_dehua: tuple[Store, URIRef]) -> None:
    store, cluster = stored_dehua
    judge(store, cluster, 1, "6.1", met=False, note="未见战略文件\r\n须补交", now=WHEN)
    text = render_report(read_report(store, cluster, 1), "text", "zh")
    assert "\\x0" not in text
    lines = text.splitlines()
    assert any(a.endswith("未见战略文件") and b == "        须补交" for a, b in zip(lines, lines[1:]))


def _block(text: str, start: str, end: str) -> str:
    """The part of a rendered report from `start` to the next `end` after it."""
    begin = text.index(start)
    stop = text.find(end, begin + len(start))
    return text[begin:stop if stop >= 0 else None]


def test_a_provision_judged_not_met_shows_the_judgement_and_not_the_data_hint(
        stored_dehua: tuple[Store, URIRef]) -> None:
    """6.1.1.1 judged not met: the data was there, so the rationale is what the cluster acts on;
    no format shows how to meet it by the data (decision 20)."""
    store, cluster = stored_dehua
    note = "品牌战略未经培育主体审议通过"
    judge(store, cluster, 1, "6.1.1.1", met=False, note=note, by="评价员甲", now=WHEN)
    report = read_report(store, cluster, 1)
    assert report.outcome("6.1.1.1").guidance is not None  # a hint the rulebook has
    text = render_report(report, "text", "zh")
    shown = _block(text, "✘ 6.1.1.1", "\n  ✘")
    assert note in "".join(shown.split())  # a long line wraps
    assert "评价员甲" in shown and "2025-03-04 10:00（UTC）" in shown
    assert "如何满足" not in shown
    page = _block(render_report(report, "html", "zh"), 'id="req-6.1.1.1"', 'id="req-')
    assert note in page and "如何满足" not in page
    document = json.loads(render_report(report, "json", "en"))
    [entry] = [r for r in document["requirements"] if r["id"] == "6.1.1.1"]
    assert entry["guidance"] is None and entry["judgement"]["note"] == note
    turtle = Graph().parse(data=render_report(report, "ttl", "zh"), format="turtle")
    results = {turtle.value(a, EARL.result) for a in turtle.subjects(EARL.test, REQ["6.1.1.1"])}
    assert len(results) == 2  # bcic's own assertion and the evaluator's
    assert not any((r, BCIC.howToMeet, None) in turtle for r in results)
