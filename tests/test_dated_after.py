"""Records dated after the report (checker/dated_after.py): a duty record dated 2099, a strategy
review dated 2999 or an actual value for 2099 cannot show that the work was done (6.2 d)
「周期性评审」, 9.2.3 「定期进行绩效测量」). Each is a warning under the provisions it is evidence for,
which then await the evaluator instead of being met, in every report format."""

from __future__ import annotations

import json
from datetime import date
from functools import cache

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH

from checker.cli import main
from checker.dated_after import DATE_SHAPE, YEAR_SHAPE
from checker.ingest import ingest_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.outline import report_outline
from checker.render.turtle import EARL, report_graph
from checker.report import Report, Status
from checker.report_reader import read_report
from checker.rulebook import load_rulebook
from checker.shacl import Severity
from checker.store import open_store
from checker.validation import validate_graph

EX = "https://example.org/cluster/dehua/"
TODAY = date(2026, 1, 15)  # the day the tests' reports are made
DUTY = URIRef(EX + "fulfil-4.2.1-a")  # 4.2.1 a), on the manual-review checklist
DUTY_DOCUMENT = URIRef(EX + "evd-4.2.1-a")  # the evidence document it generated
REVIEW = URIRef(EX + "strategy-review")  # 6.2 d)
STRUCTURE_ANALYSIS = URIRef(EX + "vc-structure")  # 5.2.2, met by data alone
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
    """5.2.2 asks nothing of the evaluator; its analysis dated 2099 makes it wait for one, and
    the verdict says why, not that a lead-in follows its items."""
    before = validate_graph(dehua(), today=TODAY)
    report = report_with(STRUCTURE_ANALYSIS, DCTERMS.date, day("2099-01-01"))
    assert before.outcome("5.2.2").status is Status.MET
    assert report.outcome("5.2.2").status is Status.MANUAL_REVIEW and report.conforms
    assert (report.overall.met, report.overall.pending) == (before.overall.met - 1,
                                                            before.overall.pending + 1)
    lines = report_outline(report, "en").verdict_lines
    assert "1 provision(s) that would otherwise be met rest on such a record and await the " \
           "evaluator's judgement." in lines
    assert [x for x in lines if "lead-in" in x] == [
        x for x in report_outline(before, "en").verdict_lines if "lead-in" in x]


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
    report = report_with(STRUCTURE_ANALYSIS, DCTERMS.date, day("2026-01-16"))
    assert warnings(report, "5.2.2") == [(STRUCTURE_ANALYSIS, "2026-01-16")]


def test_a_target_for_a_later_year_is_unaffected() -> None:
    report = report_with(TARGET, BCIC.refYear, year("2099"))
    assert warnings(report, "9.2.3") == [] and report.outcome("9.2.3").findings == ()


@pytest.mark.parametrize("lang, said", [
    ("zh", ["记录的日期为 2999-06-30，晚于本报告的日期（2026-01-15）", "品牌培育战略实施中期评审",
            "…/strategy-review", "有 1 项记录的日期晚于本报告的日期"]),
    ("en", ["A record is dated 2999-06-30, after the date of this report (2026-01-15)",
            "…/strategy-review", "1 record(s) are dated after the date of this report"]),
])
def test_the_text_and_html_reports_say_which_record_has_which_date(lang: str,
                                                                   said: list[str]) -> None:
    report = report_with(REVIEW, DCTERMS.date, day("2999-06-30"))
    text = render_report(report, "text", lang)
    html = render_report(report, "html", lang)
    assert [s for s in said if s not in text] == []
    assert [s for s in said if s not in html] == []
    warning = "警告" if lang == "zh" else "warning"
    assert f'<span class="sev sev-warning">{warning}</span>' in html


def test_the_json_report_gives_the_warning_and_its_result() -> None:
    report = report_with(ACTUAL, BCIC.refYear, year("2099"))
    document = json.loads(render_report(report, "json", "en"))
    row = next(r for r in document["requirements"] if r["id"] == "9.2.3")
    assert row["status"] == "manual_review"
    assert [(f["severity"], f["shapes"], [n["node"] for n in f["nodes"]])
            for f in row["findings"]] == [("warning", [str(YEAR_SHAPE)], [str(ACTUAL)])]
    assert [(r["severity"], r["result_path"], r["value"], r["shape"])
            for r in row["shacl_results"]] == [("warning", "bcic:refYear", "2099", str(YEAR_SHAPE))]


def test_the_turtle_report_holds_a_warning_result_seen_from_the_assertion() -> None:
    """The report's sh:result holds the results of the SHACL run; a dated-after warning, bcic's
    own check whose shape the engine never runs, hangs off its EARL outcome (rdfs:seeAlso)
    only."""
    graph = report_graph(report_with(REVIEW, DCTERMS.date, day("2999-06-30")))
    (result,) = [r for r in graph.subjects(SH.sourceShape, DATE_SHAPE)
                 if (None, SH.detail, r) not in graph]  # not the detail naming the record
    assert graph.value(result, SH.resultSeverity) == SH.Warning
    assert graph.value(result, SH.focusNode) == REVIEW
    assert graph.value(result, SH.resultPath) == DCTERMS.date
    assert graph.value(result, SH.value) == day("2999-06-30")
    assert graph.value(result, SH.sourceConstraintComponent) == SH.MaxInclusiveConstraintComponent
    outcome = graph.value(predicate=RDFS.seeAlso, object=result)
    assert graph.value(outcome, EARL.outcome) == EARL.cantTell
    assert (None, SH.result, result) not in graph
    assert (DATE_SHAPE, RDF.type, SH.PropertyShape) in load_rulebook().shapes_graph  # the source


def test_a_stored_report_reads_back_with_the_warning_and_the_status() -> None:
    data = changed(REVIEW, DCTERMS.date, day("2999-06-30")).serialize(format="turtle")
    store = open_store("oxigraph")
    info, original = ingest_submission(store, [SubmissionFile("late.ttl", data.encode())],
                                       submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert back.outcome("6.2-d").status is Status.MANUAL_REVIEW
    assert [(r.focus_node, r.path, r.value, r.constraint) for r in back.outcome("6.2-d").results] \
        == [(r.focus_node, r.path, r.value, r.constraint) for r in original.outcome("6.2-d").results]
    assert "2999-06-30" in render_report(back, "text", "zh")


def test_validate_exits_0_with_no_gap_and_shows_the_warning(runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "late.ttl"
    path.write_text(changed(REVIEW, DCTERMS.date, day("2999-06-30")).serialize(format="turtle"),
                    encoding="utf-8")
    answer = runner.invoke(main, ["validate", str(path), "--lang", "en"])
    assert answer.exit_code == 0, answer.output
    assert "NO GAP FOUND" in answer.output and "A record is dated 2999-06-30" in answer.output


def test_the_web_report_page_shows_the_warning(make_web_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(tmp_path / "store", WTF_CSRF_ENABLED=False).test_client()
    text = changed(REVIEW, DCTERMS.date, day("2999-06-30")).serialize(format="turtle")
    posted = client.post("/validate?lang=zh", data={"text": text})
    page = client.get(posted.headers["Location"]).get_data(as_text=True)
    assert "记录的日期为 2999-06-30，晚于本报告的日期" in page
    assert "有 1 项记录的日期晚于本报告的日期" in page
