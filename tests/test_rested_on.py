"""Records dated before the evaluation, review or monitoring they rest on (8.2.6, 6.1.1.2, 9.4.1):
the conformant sample (dehua-ceramics.ttl) with one record's date moved before what it rests on,
each validated once. A warning under the provision, naming both dates, never a violation
(docs/model.md, decision 28)."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, XSD

from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.render import render_report
from checker.report_reader import read_report
from checker.report import Report, Status
from checker.rested_on import ORDER_SHAPE
from checker.store import open_store

from tests.dehua_variants import DEHUA_NS, dehua, dehua_with

EX = Namespace(DEHUA_NS)

# Provision → the record moved to 2020-03-15, and the date of the activity it rests on.
CASES = {
    "8.2.6": ("communication-improvement", "2024-01-25"),  # informed by the evaluation
    "6.1.1.2": ("positioning-review", "2023-11-30"),  # informed by the environment monitoring
    "9.4.1": ("improvement-export", "2025-02-10"),  # based on the performance evaluation
}
EARLY = "2020-03-15"


def _dated_early(local: str) -> Report:
    def change(graph: Graph) -> None:
        record = EX.term(local)
        assert (record, DCTERMS.date, None) in graph, local
        graph.set((record, DCTERMS.date, Literal(EARLY, datatype=XSD.date)))
    return dehua_with(change)


@pytest.fixture(scope="module")
def base() -> Report:
    """Dehua unchanged."""
    return dehua_with(lambda graph: None)


@pytest.fixture(scope="module", params=sorted(CASES))
def early(request: pytest.FixtureRequest) -> tuple[str, Report]:
    """A provision and the report on Dehua with its record dated before what it rests on."""
    return request.param, _dated_early(CASES[request.param][0])


def test_a_record_dated_before_what_it_rests_on_is_a_warning_naming_both_dates(
        early: tuple[str, Report], base: Report) -> None:
    """「对传播效果进行评价，并对…进行改进」 (8.2.6), 「监测环境要素的变化，分析…有效性」 (6.1.1.2),
    「根据评价结果…确定…改进方向」 (9.4.1): work cannot rest on an activity made after it. A warning
    under the provision, with both dates in zh and en; the provision keeps its status and the
    verdict stays conformant: a date is the evaluator's to judge."""
    rid, report = early
    local, later = CASES[rid]
    outcome = report.outcome(rid)
    warnings = [r for r in outcome.results if r.source_shape == ORDER_SHAPE]
    assert [str(r.focus_node) for r in warnings] == [DEHUA_NS + local]
    assert outcome.status is base.outcome(rid).status is Status.MANUAL_REVIEW
    assert report.conforms and [r for r in outcome.results if r not in warnings] == []
    assert (f"记录的日期为 {EARLY}，早于其所依据的评价、评审或监测的日期（{later}）：工作不能依据在其之后才进行的活动，"
            f"由评价人员判断其能否作为证据（{rid}）") in render_report(report, "text", "zh")
    en = json.loads(render_report(report, "json", "en"))
    messages = [f["message"] for r in en["requirements"] if r["id"] == rid for f in r["findings"]]
    assert messages == [f"A record is dated {EARLY}, before the evaluation, review or monitoring it "
                        f"rests on (dated {later}): work cannot follow from an activity made after "
                        f"it; the evaluator judges whether it counts ({rid})"]


def test_the_base_dates_each_record_after_what_it_rests_on(base: Report) -> None:
    """Dehua's improvement, review and action each follow what they rest on: no such warning."""
    assert not [r for o in base.outcomes for r in o.results if r.source_shape == ORDER_SHAPE]


def test_the_warning_is_kept_with_the_stored_report_and_read_back() -> None:
    """8.2.6: the stored report, read back, gives the warning under the provision and counts the
    record in the verdict's lines, as the fresh one does."""
    graph = Graph() + dehua()
    graph.set((EX.term("communication-improvement"), DCTERMS.date, Literal(EARLY, datatype=XSD.date)))
    store = open_store("oxigraph")
    info, fresh = ingest_submission(
        store, [SubmissionFile("d.ttl", graph.serialize(format="turtle").encode())], submitter="tests")
    back = read_report(store, info.cluster, info.number)
    for report in (fresh, back):
        assert [r.source_shape for r in report.outcome("8.2.6").results] == [ORDER_SHAPE]
        assert "有 1 项记录的日期早于其所依据的评价、评审或监测的日期" in render_report(report, "text", "zh")
