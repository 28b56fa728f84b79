"""A stored report read back with judgements names who judged (clause 1, 9.4.1; decision 20):
every format signs it off with the evaluators as recorded, how many provisions each judged, the
latest judgement's time, and whether it is final; a judgement from the command line says so."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from checker.judgements import COMMAND_LINE
from checker.judging import judge
from checker.render import render_report
from checker.report_reader import read_report
from checker.store import Store
from checker.store.judgements import judgements_graph_iri

WHEN = datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def judged(stored_dehua: tuple[Store, URIRef]) -> tuple[Store, URIRef]:
    """6.1 and 6.2 d) judged by 评价员甲 on the command line, 7.5.2 by 评价员乙 on the web."""
    store, cluster = stored_dehua
    judge(store, cluster, 1, "6.1", met=False, note="未见品牌战略文件", by="评价员甲", now=WHEN)
    judge(store, cluster, 1, "6.2-d", met=True, by="评价员甲", now=WHEN)
    judge(store, cluster, 1, "7.5.2", met=True, by="评价员乙", asked_by="api",
          now=WHEN.replace(day=5))
    return store, cluster


def test_every_format_signs_the_report_off_naming_who_judged_how_many_and_when(
        judged: tuple[Store, URIRef]) -> None:
    store, cluster = judged
    report = read_report(store, cluster, 1)
    text = render_report(report, "text", "en")
    # As the verdict above it counts them: the checklist's items, and the lead-ins (4.2.1 …)
    # that follow their items, which no evaluator judges.
    [waiting] = re.findall(r"(\d+) item\(s\) of the manual-review checklist await", text)
    [lead_ins] = re.findall(r"(\d+) lead-in provision\(s\) follow from their list items", text)
    assert int(waiting) + int(lead_ins) == sum(o.status.value == "manual_review"
                                               for o in report.outcomes)
    en = ("Judged by 评价员甲 (2 provisions, recorded from the command line); 评价员乙 "
          f"(1 provision); latest judgement 2025-03-05 10:00 (UTC). The report is not final: "
          f"{waiting} provisions still await an evaluator. {lead_ins} more lead-in provisions follow from "
          "their list items once these are judged.")
    zh = ("判定人：评价员甲（2 项条款，经命令行记录）；评价员乙（1 项条款）；最近一次判定于 2025-03-05 10:00（UTC）。"
          f"报告尚非最终结论：仍有 {waiting} 项条款待评价人员判定。另有 {lead_ins} 项列项的引导条款随其列项的"
          "判定而定。")
    assert "Signed off" in text and " ".join(en.split()) in " ".join(text.split())
    assert "评价签署" in render_report(report, "text", "zh")
    assert "".join(zh.split()) in "".join(render_report(report, "text", "zh").split())
    assert en in render_report(report, "html", "en") and zh in render_report(report, "html", "zh")
    document = json.loads(render_report(report, "json", "zh"))
    assert document["sign_off"] == {
        "evaluators": [{"name": "评价员甲", "provisions": 2, "from_command_line": True},
                       {"name": "评价员乙", "provisions": 1, "from_command_line": False}],
        "latest": "2025-03-05T10:00:00Z", "awaiting": int(waiting),
        "lead_ins_awaiting_items": int(lead_ins), "final": False, "text": zh}
    turtle = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    assert Literal(en, lang="en") in set(turtle.objects(None, RDFS.comment))
    assert Literal(zh, lang="zh") in set(turtle.objects(None, RDFS.comment))


def test_a_report_with_nothing_left_to_judge_is_final(stored_dehua: tuple[Store, URIRef]) -> None:
    store, cluster = stored_dehua
    for outcome in read_report(store, cluster, 1).awaiting_judgement():
        judge(store, cluster, 1, outcome.requirement.id, met=True, now=WHEN)
    report = read_report(store, cluster, 1)
    assert "The report is final: no provision awaits an evaluator." in " ".join(render_report(
        report, "text", "en").split())  # the sign-off wraps
    assert "报告为最终结论：已无条款待评价人员判定。" in render_report(report, "html", "zh")
    assert json.loads(render_report(report, "json", "en"))["sign_off"]["final"] is True


def test_a_report_no_judgement_applies_to_has_no_sign_off(stored_dehua: tuple[Store, URIRef]) -> None:
    store, cluster = stored_dehua
    report = read_report(store, cluster, 1)
    assert "Signed off" not in render_report(report, "text", "en")
    assert 'class="sign-off"' not in render_report(report, "html", "en")
    assert json.loads(render_report(report, "json", "en"))["sign_off"] is None


def test_a_judgement_from_the_command_line_is_attributed_to_it_and_a_web_one_is_not(
        judged: tuple[Store, URIRef]) -> None:
    store, cluster = judged
    graph = store.named_graph(judgements_graph_iri(cluster, 1))
    attributed = set(graph.subjects(PROV.wasAttributedTo, COMMAND_LINE))
    assert len(attributed) == 2  # 6.1 and 6.2 d), not 7.5.2
    assert (COMMAND_LINE, RDFS.label, Literal("bcic judge（命令行）", lang="zh")) in graph
    report = read_report(store, cluster, 1)
    assert [o.judgement.from_command_line for o in report.outcomes
            if o.judgement is not None] == [True, True, False]
    turtle = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    assert len(set(turtle.subjects(PROV.wasAttributedTo, COMMAND_LINE))) == 2
    [entry] = [r for r in json.loads(render_report(report, "json", "en"))["requirements"]
               if r["id"] == "7.5.2"]
    assert entry["judgement"]["from_command_line"] is False
