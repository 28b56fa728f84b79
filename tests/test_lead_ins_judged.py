"""Lead-ins once the evaluator has judged (docs/model.md, decisions 11 and 20): the report, the
summary graph the list of clusters reads, and every format's words agree."""

from __future__ import annotations

import json

import pytest
from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import PROV

from checker.ingest import ingest_submission
from checker.judgements import EARL
from checker.judging import judge
from checker.lead_ins import items_of
from checker.loading import SubmissionFile
from checker.namespaces import BCIC, REQ
from checker.paths import EXAMPLES_DIR
from checker.queries import run_named_query
from checker.render import render_report
from checker.report import Status
from checker.report_reader import read_report
from checker.rulebook import load_rulebook
from checker.store import Store, open_store

DESIGN_DATE = 'dcterms:date "2021-07-20"^^xsd:date ;\n    bcic:basedOn ex:positioning'


def _stored(text: str) -> tuple[Store, URIRef]:
    store = open_store("oxigraph")
    info, _report = ingest_submission(store, [SubmissionFile("dehua.ttl", text.encode())],
                                      submitter="tests")
    return store, info.cluster


@pytest.fixture
def late_design() -> tuple[Store, URIRef]:
    """The dehua sample with its brand-element design (the record 8.1.3 itself rests on) dated
    2099: 8.1.3 awaits the evaluator for its own record, beside its items (decision 11)."""
    text = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8")
    assert DESIGN_DATE in text
    return _stored(text.replace(DESIGN_DATE, DESIGN_DATE.replace("2021", "2099")))


def test_a_lead_in_waiting_for_its_own_later_record_stays_pending_in_the_list_too(
        late_design: tuple[Store, URIRef]) -> None:
    """8.1.3's items judged met leave 8.1.3 pending in the report (its design dated after the
    report is the evaluator's to judge, 8.1.3 itself): the list of clusters and
    clusters-by-conformance count it pending as the report does, not met."""
    store, cluster = late_design
    for item in items_of(load_rulebook(), "8.1.3"):
        judge(store, cluster, 1, item, met=True, by="评价员甲")
    report = read_report(store, cluster, 1)
    assert report.outcome("8.1.3").status is Status.MANUAL_REVIEW
    [info] = store.revisions(cluster)
    assert info.rate == report.overall
    [row] = run_named_query(store, "clusters-by-conformance", {})
    assert int(str(row["pendingReview"])) == report.overall.pending
    judge(store, cluster, 1, "8.1.3", met=True, by="评价员甲")  # its own record judged: met
    report = read_report(store, cluster, 1)
    assert report.outcome("8.1.3").status is Status.MET
    [info] = store.revisions(cluster)
    assert info.rate == report.overall


@pytest.fixture
def dehua() -> tuple[Store, URIRef]:
    """The dehua sample: 8.3.4 (a lead-in with a review prompt of its own) awaits the evaluator,
    as do its items 8.3.4 —1 and —2."""
    return _stored((EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8"))


def _block(text: str, start: str) -> str:
    """A text report's lines of one provision: from `start` to the next provision's line."""
    begin = text.index(start)
    after = [n for n in (text.find("\n  ?", begin), text.find("\n  ✘", begin),
                         text.find("\n  ✔", begin)) if n >= 0]
    return text[begin:min(after)]


def test_a_lead_in_judged_met_while_an_item_awaits_says_it_still_awaits_for_the_item(
        dehua: tuple[Store, URIRef]) -> None:
    """8.3.4 judged met beside 8.3.4 —1, —2 and —3 still awaiting: pending, and every format says
    why beside the judgement, not a bare "judged met" under "awaiting review"."""
    store, cluster = dehua
    judge(store, cluster, 1, "8.3.4", met=True, by="评价员甲")
    report = read_report(store, cluster, 1)
    outcome = report.outcome("8.3.4")
    assert outcome.status is Status.MANUAL_REVIEW and outcome.judgement is not None
    assert outcome.decided_by_items == ("8.3.4-1", "8.3.4-2", "8.3.4-3")
    shown = " ".join(_block(render_report(report, "text", "en"), "? 8.3.4 ").split())
    assert ("judged met by 评价员甲" in shown and "still awaiting review: its own text is judged "
            "met, its list item(s) 8.3.4 —1, 8.3.4 —2, 8.3.4 —3 still await the evaluator" in shown)
    assert "仍待人工评审：其本身已判定满足，其列项 8.3.4 —1、8.3.4 —2、8.3.4 —3 仍待评价人员判定" in render_report(
        report, "html", "zh")
    [entry] = [r for r in json.loads(render_report(report, "json", "en"))["requirements"]
               if r["id"] == "8.3.4"]
    assert entry["status"] == "manual_review" and entry["judgement"]["met"] is True
    assert entry["decided_by_items"] == ["8.3.4-1", "8.3.4-2", "8.3.4-3"]


def test_a_lead_in_not_met_through_a_judged_item_says_so_and_not_its_data_hint(
        dehua: tuple[Store, URIRef]) -> None:
    """8.3.4 —1 judged not met makes 8.3.4 not met: what to act on is the item's rationale, so
    8.3.4 names the item's judgement instead of its own hint of how to meet it by the data."""
    store, cluster = dehua
    judge(store, cluster, 1, "8.3.4-1", met=False, note="未见预警系统", by="评价员甲")
    report = read_report(store, cluster, 1)
    outcome = report.outcome("8.3.4")
    assert outcome.status is Status.NOT_MET and outcome.guidance is not None
    assert outcome.how_to is None and outcome.decided_by_items == ("8.3.4-1",)
    shown = _block(render_report(report, "text", "zh"), "✘ 8.3.4 ")
    assert "不满足：评价人员判定其列项 8.3.4 —1 不满足" in shown
    assert "如何满足" not in shown and "未满足的列项" not in shown
    page = render_report(report, "html", "en")
    row = page[page.index('id="req-8.3.4"'):page.index('id="req-8.3.4-1"')]
    assert "the evaluator judged its list item(s) 8.3.4 —1 not met" in row
    assert "How to meet" not in row
    [entry] = [r for r in json.loads(render_report(report, "json", "en"))["requirements"]
               if r["id"] == "8.3.4"]
    assert entry["guidance"] is None and entry["decided_by_items"] == ["8.3.4-1"]
    turtle = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    results = {turtle.value(a, EARL.result) for a in turtle.subjects(EARL.test, REQ["8.3.4"])}
    assert not any((r, BCIC.howToMeet, None) in turtle for r in results)
    assert any("8.3.4 —1 not met" in str(c) for r in results for c in
               turtle.objects(r, RDFS.comment))


def _tools_assertion(turtle: Graph, rid: str) -> URIRef:
    """The report's own EARL assertion of a provision (not an evaluator's judgement of it)."""
    [assertion] = [a for a in turtle.subjects(EARL.test, REQ[rid])
                   if (a, EARL.mode, EARL.manual) not in turtle]
    return assertion  # type: ignore[return-value]


def _judgement_of(turtle: Graph, rid: str) -> URIRef:
    [assertion] = [a for a in turtle.subjects(EARL.test, REQ[rid])
                   if (a, EARL.mode, EARL.manual) in turtle]
    return assertion  # type: ignore[return-value]


def test_a_lead_in_its_judged_items_decide_is_derived_from_their_judgements_in_turtle(
        dehua: tuple[Store, URIRef]) -> None:
    """4.2.3 follows its items: not met through 4.2.3 a) judged not met, then met once every
    item is judged met. Its assertion is not the tool's alone (earl:automatic) but EARL's
    semi-automatic, derived (prov:wasDerivedFrom) from the evaluator's judgements that decide it,
    so a reader taking earl:automatic as what the data showed is not misled (decision 20)."""
    store, cluster = dehua
    items = [i for i in items_of(load_rulebook(), "4.2.3")
             if read_report(store, cluster, 1).outcome(i).status is Status.MANUAL_REVIEW]
    assert "4.2.3-a" in items
    judge(store, cluster, 1, "4.2.3-a", met=False, note="未见协调记录", by="评价员甲")
    turtle = Graph().parse(data=render_report(read_report(store, cluster, 1), "ttl", "en"),
                           format="turtle")
    lead_in = _tools_assertion(turtle, "4.2.3")
    assert turtle.value(turtle.value(lead_in, EARL.result), EARL.outcome) == EARL.failed
    assert turtle.value(lead_in, EARL.mode) == EARL.semiAuto
    assert set(turtle.objects(lead_in, PROV.wasDerivedFrom)) == {_judgement_of(turtle, "4.2.3-a")}
    for item in items:
        judge(store, cluster, 1, item, met=True, by="评价员甲")
    report = read_report(store, cluster, 1)
    assert report.outcome("4.2.3").status is Status.MET
    turtle = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    lead_in = _tools_assertion(turtle, "4.2.3")
    assert turtle.value(turtle.value(lead_in, EARL.result), EARL.outcome) == EARL.passed
    assert turtle.value(lead_in, EARL.mode) == EARL.semiAuto
    assert set(turtle.objects(lead_in, PROV.wasDerivedFrom)) == {
        _judgement_of(turtle, i) for i in items}
    # A provision the data decides stays the tool's: 4.1 is met by the data.
    assert turtle.value(_tools_assertion(turtle, "4.1"), EARL.mode) == EARL.automatic


def test_a_lead_in_with_its_own_prompt_not_met_through_an_item_is_derived_from_its_judgement(
        dehua: tuple[Store, URIRef]) -> None:
    store, cluster = dehua
    judge(store, cluster, 1, "8.3.4-1", met=False, note="未见预警系统", by="评价员甲")
    turtle = Graph().parse(data=render_report(read_report(store, cluster, 1), "ttl", "en"),
                           format="turtle")
    lead_in = _tools_assertion(turtle, "8.3.4")
    assert set(turtle.objects(lead_in, PROV.wasDerivedFrom)) == {_judgement_of(turtle, "8.3.4-1")}
