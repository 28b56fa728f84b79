"""Records dated after the report (checker/dated_after.py): a duty record dated 2099, a strategy
review dated 2999 or an actual value for 2099 cannot show that the work was done (6.2 d)
「周期性评审」, 9.2.3 「定期进行绩效测量」). Each is a warning under the provisions it is evidence for,
which then await the evaluator instead of being met."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH

from checker.dated_after import DATE_SHAPE, YEAR_SHAPE
from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.report import Report, Status
from checker.rulebook import load_rulebook
from checker.shacl import Severity
from checker.validation import validate_graph

EX = "https://example.org/cluster/dehua/"
TODAY = date(2026, 1, 15)  # the day the tests' reports are made
DUTY = URIRef(EX + "fulfil-4.2.1-a")  # 4.2.1 a), on the manual-review checklist
DUTY_DOCUMENT = URIRef(EX + "evd-4.2.1-a")  # the evidence document it generated
REVIEW = URIRef(EX + "strategy-review")  # 6.2 d)
DRIVE_ANALYSIS = URIRef(EX + "vc-drive")  # 5.2.1, met by data alone
ACTUAL = URIRef(EX + "obs-LocationAdvantage-2024-actual")  # 9.2.3
TARGET = URIRef(EX + "obs-LocationAdvantage-2025-target")
# Spelled out: a module-level rdflib XSD namespace makes pytest's collection warn.
XSD = "http://www.w3.org/2001/XMLSchema#"


def day(text: str) -> Literal:
    return Literal(text, datatype=URIRef(XSD + "date"))


def year(text: str) -> Literal:
    return Literal(text, datatype=URIRef(XSD + "gYear"))


@cache
def dehua() -> Graph:
    """The conformant sample, parsed once; copied before a change."""
    return Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")


def changed(record: URIRef, predicate: URIRef, value: Literal) -> Graph:
    """The conformant sample with one value of `record` replaced."""
    data = Graph()
    data += dehua()
    data.set((record, predicate, value))
    return data


@cache
def report_with(record: URIRef, predicate: URIRef, value: Literal) -> Report:
    """The report, made on TODAY, of the sample with one value changed."""
    return validate_graph(changed(record, predicate, value), today=TODAY)


def warnings(report: Report, requirement_id: str) -> list[tuple[URIRef, str]]:
    """The records dated after the report under one requirement, with their dates."""
    return [(r.focus_node, str(r.value)) for r in report.outcome(requirement_id).results
            if r.severity is Severity.WARNING and r.source_shape in (DATE_SHAPE, YEAR_SHAPE)]


@pytest.mark.parametrize("shape, path", [(DATE_SHAPE, DCTERMS.date), (YEAR_SHAPE, BCIC.refYear)],
                         ids=["date", "year"])
def test_the_checks_are_shapes_of_the_rulebook_the_shacl_engine_never_runs(shape: URIRef,
                                                                          path: URIRef) -> None:
    """Their bound is the report's day, which no shapes file holds: no target, deactivated;
    a warning, a message in zh and en."""
    shapes = load_rulebook().shapes_graph
    assert shapes.value(shape, SH.path) == path
    assert shapes.value(shape, SH.deactivated) == Literal(True)
    assert [p for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
            if shapes.value(shape, p) is not None] == []
    assert shapes.value(shape, SH.severity) == SH.Warning
    assert sorted(m.language for m in shapes.objects(shape, SH.message)) == ["en", "zh"]


def test_the_sample_has_no_record_dated_after_the_report() -> None:
    report = validate_graph(dehua(), today=TODAY)
    assert not [o.requirement.id for o in report.outcomes if warnings(report, o.requirement.id)]


def test_a_duty_record_dated_2099_keeps_4_2_1_a_pending_and_is_named_in_a_warning() -> None:
    report = report_with(DUTY, DCTERMS.date, day("2099-06-18"))
    outcome = report.outcome("4.2.1-a")
    assert outcome.status is Status.MANUAL_REVIEW and report.conforms
    assert warnings(report, "4.2.1-a") == [(DUTY, "2099-06-18")]
    (finding,) = outcome.findings
    assert finding.severity is Severity.WARNING
    assert "2099-06-18" in finding.message["en"] and "2026-01-15" in finding.message["en"]
    assert "4.2.1 a)" in finding.message["zh"]


def test_the_evidence_document_of_a_duty_dated_later_counts_against_that_duty() -> None:
    report = report_with(DUTY_DOCUMENT, DCTERMS.date, day("2099-06-18"))
    assert warnings(report, "4.2.1-a") == [(DUTY_DOCUMENT, "2099-06-18")]
    assert warnings(report, "4.2.1-b") == []


def test_a_strategy_review_dated_2999_leaves_6_2_d_awaiting_review_not_met() -> None:
    report = report_with(REVIEW, DCTERMS.date, day("2999-06-30"))
    assert report.outcome("6.2-d").status is Status.MANUAL_REVIEW
    assert report.outcome("6.2").status is Status.MANUAL_REVIEW  # its lead-in follows
    assert report.conforms  # not a gap: the evaluator judges
    assert warnings(report, "6.2-d") == [(REVIEW, "2999-06-30")]


def test_an_actual_value_for_2099_leaves_9_2_3_awaiting_review() -> None:
    report = report_with(ACTUAL, BCIC.refYear, year("2099"))
    assert report.outcome("9.2.3").status is Status.MANUAL_REVIEW
    assert warnings(report, "9.2.3") == [(ACTUAL, "2099")]
    (finding,) = report.outcome("9.2.3").findings
    assert "2099" in finding.message["zh"] and "2026" in finding.message["zh"]


def test_a_met_provision_resting_on_a_later_record_awaits_the_evaluator() -> None:
    """5.2.1 asks nothing of the evaluator; its analysis dated 2099 makes it wait for one, and
    the verdict says why, not that a lead-in follows its items."""
    before = validate_graph(dehua(), today=TODAY)
    report = report_with(DRIVE_ANALYSIS, DCTERMS.date, day("2099-01-01"))
    assert before.outcome("5.2.1").status is Status.MET
    assert report.outcome("5.2.1").status is Status.MANUAL_REVIEW and report.conforms
    assert (report.overall.met, report.overall.pending) == (before.overall.met - 1,
                                                            before.overall.pending + 1)


def test_a_provision_already_not_met_keeps_its_status_and_gains_the_warning() -> None:
    data = changed(REVIEW, DCTERMS.date, day("2999-06-30"))
    data.remove((REVIEW, BCIC.finding, None))
    report = validate_graph(data, today=TODAY)
    outcome = report.outcome("6.2-d")
    assert outcome.status is Status.NOT_MET
    assert {f.severity for f in outcome.findings} == {Severity.VIOLATION, Severity.WARNING}
    assert warnings(report, "6.2-d") == [(REVIEW, "2999-06-30")]


@pytest.mark.parametrize("value", [day("2020-01-01"), day("2026-01-15"),
                                   Literal("2026-01-16T01:00:00+08:00",
                                           datatype=URIRef(XSD + "dateTime"))],
                         ids=["past", "the-report-s-day", "the-report-s-day-in-utc"])
def test_a_record_dated_by_the_report_s_day_is_unaffected(value: Literal) -> None:
    """A date-time is read in UTC: 01:00 at UTC+8 on the 16th is still the 15th. (It is no
    xsd:date, which the shapes report as malformed: a violation, not a warning.)"""
    report = report_with(REVIEW, DCTERMS.date, value)
    assert warnings(report, "6.2-d") == []
    assert [f for f in report.outcome("6.2-d").findings if f.severity is Severity.WARNING] == []


def test_the_day_after_the_report_is_flagged() -> None:
    report = report_with(DRIVE_ANALYSIS, DCTERMS.date, day("2026-01-16"))
    assert warnings(report, "5.2.1") == [(DRIVE_ANALYSIS, "2026-01-16")]


def test_a_target_for_a_later_year_is_unaffected() -> None:
    report = report_with(TARGET, BCIC.refYear, year("2099"))
    assert warnings(report, "9.2.3") == [] and report.outcome("9.2.3").findings == ()
