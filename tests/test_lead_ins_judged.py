"""Lead-ins once the evaluator has judged (docs/model.md, decisions 11 and 20): the report, the
summary graph the list of clusters reads, and every format's words agree."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from checker.ingest import ingest_submission
from checker.judging import judge
from checker.lead_ins import items_of
from checker.loading import SubmissionFile
from checker.paths import EXAMPLES_DIR
from checker.queries import run_named_query
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
