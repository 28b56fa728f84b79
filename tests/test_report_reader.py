"""A stored report read back (checker.report_reader) equals the report that was stored."""

from __future__ import annotations

import dataclasses
import hashlib
import json

from pathlib import Path

import pytest
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SH
from rdflib.term import Node

from checker import ingest
from checker.errors import NotFoundError
from checker.ingest import check_submission, ingest_submission, store_submission
from checker.loading import SubmissionFile, read_submission_files
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.text import sorted_results
from checker.i18n import message
from checker.namespaces import BCIC
from checker.report import Report, Status, StoredRevision
from checker.report_reader import read_report
from checker.shacl import ShaclResult
from checker.store import PROVENANCE_GRAPH, Store, cluster_key, open_store
from checker.store.base import report_graph_iri

from tests.changed_rulebook import CHANGED_VERSION, RENAMED, RENAMED_TO, renumbered_rulebook

SAMPLES = ("datang-socks", "dehua-ceramics", "meitan-tea")


@pytest.fixture(scope="module")
def store() -> Store:
    return open_store("oxigraph")


def _node(node: Node | None) -> object:
    """Blank nodes are renamed by the store: compare them as 'a blank node'."""
    return "_:" if isinstance(node, BNode) else node


def _results(report: Report) -> list[list[tuple[object, ...]]]:
    return [[(str(r.source_shape), _node(r.focus_node), r.path, _node(r.value), r.severity,
              r.messages, r.constraint) for r in _sorted(o.results)] for o in report.outcomes]


def _sorted(results: tuple[ShaclResult, ...]) -> list[ShaclResult]:
    return list(sorted_results(results))


def _as_validated(back: Report) -> Report:
    """The report read back without what only a stored one has (its revision's number and
    submitter, which every format names), to compare with the report as validated."""
    return dataclasses.replace(back, revision=None)


@pytest.mark.parametrize("sample", SAMPLES)
def test_stored_report_reads_back_with_the_same_statuses_results_rates_and_verdict(
        store: Store, sample: str) -> None:
    files = read_submission_files([EXAMPLES_DIR / f"{sample}.ttl"])
    info, original = ingest_submission(store, files, submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert [(o.requirement.id, o.status) for o in back.outcomes] == [
        (o.requirement.id, o.status) for o in original.outcomes]
    assert _results(back) == _results(original)
    assert sum(len(o.results) for o in back.outcomes) == sum(len(o.results)
                                                            for o in original.outcomes)
    assert (back.conforms, back.overall, back.by_chapter, back.by_layer) == (
        original.conforms, original.overall, original.by_chapter, original.by_layer)
    assert (back.cluster, back.cluster_label, back.rulebook_version, back.created, back.files,
            back.triples) == (original.cluster, original.cluster_label,
                              original.rulebook_version, original.created, original.files,
                              original.triples)


@pytest.mark.parametrize("sample", ("datang-socks", "meitan-tea"))
def test_stored_report_reads_back_with_the_same_findings_in_every_format(
        store: Store, sample: str) -> None:
    """The nodes that came closest, what each lacks, their labels, the folding and the order:
    the text and JSON of the report read back are those of the fresh one."""
    files = read_submission_files([EXAMPLES_DIR / f"{sample}.ttl"])
    info, original = ingest_submission(store, files, submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert sum(len(o.findings) for o in original.outcomes) > 0
    for lang in ("zh", "en"):
        assert render_report(_as_validated(back), "text", lang) == render_report(
            original, "text", lang)
        fresh = json.loads(render_report(original, "json", lang))["requirements"]
        stored = json.loads(render_report(back, "json", lang))["requirements"]
        assert [r["findings"] for r in stored] == [r["findings"] for r in fresh]


def test_results_with_complex_paths_keep_their_path_text(store: Store) -> None:
    files = read_submission_files([EXAMPLES_DIR / "meitan-tea.ttl"])
    info, original = ingest_submission(store, files)
    paths = {r.path for o in read_report(store, info.cluster, info.number).outcomes
             for r in o.results}
    assert "^bcic:fulfilsDuty" in paths  # an inverse path, not an IRI: rebuilt from the shape
    assert paths == {r.path for o in original.outcomes for r in o.results}


def test_report_of_a_revision_that_is_not_stored_is_not_found(store: Store) -> None:
    files = read_submission_files([EXAMPLES_DIR / "dehua-ceramics.ttl"])
    info, _ = ingest_submission(store, files)
    with pytest.raises(NotFoundError, match=f"revision {info.number + 5} "):
        read_report(store, info.cluster, info.number + 5)
    with pytest.raises(NotFoundError):
        read_report(store, URIRef("https://example.org/nowhere"), 1)


# An extra indicator observation whose year and value are markup, not a gYear and a decimal:
# the datatype shapes of 9.2.3 report both literals as result values.
ODD_OBSERVATION = b"""
@prefix bcic: <https://w3id.org/bcic/ontology#> .
<https://example.org/x/odd> a bcic:IndicatorObservation ;
    bcic:refCluster <https://example.org/cluster/dehua/cluster> ;
    bcic:indicator <https://w3id.org/bcic/indicator/LocationAdvantage> ;
    bcic:refYear "<script>alert(1)</script>" ; bcic:valueKind bcic:ActualValue ;
    bcic:observedValue "<b>big</b>" ; bcic:unitOfMeasure "x" .
"""


def test_literal_values_read_back_as_the_same_literals(store: Store) -> None:
    sample = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_bytes()
    info, original = ingest_submission(store, [SubmissionFile("odd.ttl",
                                                              sample + ODD_OBSERVATION)])
    values = {str(r.value) for o in original.outcomes for r in o.results if r.value is not None}
    assert values == {"<script>alert(1)</script>", "<b>big</b>"}
    back = read_report(store, info.cluster, info.number)
    assert {str(r.value) for o in back.outcomes for r in o.results
            if r.value is not None} == values


# Records that are blank nodes: one titled in Chinese only, one with no name at all.
BLANK_RECORDS = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
<https://example.org/x/c> a bcic:IndustrialCluster ; rdfs:label "集群"@zh .
<https://example.org/x/b> a bcic:CultivationBody ; bcic:cultivates <https://example.org/x/c> .
[] a bcic:CorrectionMechanism ; dcterms:title "纠偏机制（上）"@zh ; bcic:covers bcic:PlanPhase .
[] a bcic:KPISystem .
""".encode()


def test_records_that_are_blank_nodes_read_back_under_the_same_names(store: Store) -> None:
    """The stored report keeps what names a blank node: its label, or, with none, its class
    (the report graph types it), so the report read back names it as the fresh one does."""
    info, original = ingest_submission(store, [SubmissionFile("blank.ttl", BLANK_RECORDS)])
    back = read_report(store, info.cluster, info.number)
    for lang in ("zh", "en"):
        assert render_report(_as_validated(back), "text", lang) == render_report(
            original, "text", lang)
    assert "an unnamed “key performance indicator system”: its “includes indicator” lacks" in \
        render_report(back, "text", "en")
    assert "纠偏机制（上）: its “covers” lacks “act”" in render_report(back, "text", "en")


# A specification naming its indicator by bcic:indicator, not bcic:specifiesIndicator (9.2.1).
SPECIFIED_OTHERWISE = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind: <https://w3id.org/bcic/indicator/> .
<https://example.org/x/c> a bcic:IndustrialCluster ; rdfs:label "集群"@zh .
<https://example.org/x/b> a bcic:CultivationBody ; bcic:cultivates <https://example.org/x/c> .
<https://example.org/x/kpi> a bcic:KPISystem ; bcic:includesIndicator ind:ExportRate .
<https://example.org/x/spec> a bcic:MeasurementSpecification ; bcic:indicator ind:ExportRate ;
    bcic:informationContent "…" ; bcic:informationSource "…" ; bcic:collectionMethod "…" ;
    bcic:calculationMethod "…" ; bcic:period "P1Y" ; bcic:responsibleParty <https://example.org/x/b> .
""".encode()


def test_a_specification_naming_its_indicator_otherwise_reads_back_with_the_same_words(
        store: Store) -> None:
    """The link a specification lacks names the indicator it should name (sh:value of the
    detail), so the report read back says it as the fresh one does."""
    info, original = ingest_submission(store, [SubmissionFile("spec.ttl", SPECIFIED_OTHERWISE)])
    back = read_report(store, info.cluster, info.number)
    for lang in ("zh", "en"):
        assert render_report(_as_validated(back), "text", lang) == render_report(
            original, "text", lang)
    assert "…/spec (spec.ttl:8): does not name “export rate” (c.1.3) through “specifies indicator”\n" in \
        render_report(back, "text", "en")


SPECIFICATION_LACKING_FIVE = """\
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind: <https://w3id.org/bcic/indicator/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://example.org/y/cluster> a bcic:IndustrialCluster .
<https://example.org/y/b> a bcic:CultivationBody ; bcic:cultivates <https://example.org/y/cluster> .
<https://example.org/y/kpi> a bcic:KPISystem ; bcic:includesIndicator ind:ExportRate ;
    prov:wasAttributedTo <https://example.org/y/b> .
<https://example.org/y/spec> a bcic:MeasurementSpecification ;
    bcic:specifiesIndicator ind:ExportRate ; bcic:period "P1Y" .
""".encode()


def test_a_records_several_lacks_read_back_in_the_order_the_fresh_report_gave_them(
        store: Store) -> None:
    """9.2.1's specification lacks five of its parts: the fresh report lists them as the shapes
    ask them (information content first), and the report read back in that order too
    (bcic:detailPosition), not sorted by the shapes' IRIs (calculation method first)."""
    info, original = ingest_submission(store, [SubmissionFile("spec.ttl",
                                                              SPECIFICATION_LACKING_FIVE)])
    back = read_report(store, info.cluster, info.number)
    fresh = render_report(original, "text", "en")
    lacks = fresh[fresh.index("…/spec (spec.ttl:8):\n"):].split("\n")[1:6]
    assert [line.strip() for line in lacks] == [
        "– lacks “information content”", "– lacks “information source”",
        "– lacks “collection method”", "– lacks “calculation method”",
        "– lacks “responsible party” (an “organisation”)"]
    for lang in ("zh", "en"):
        assert render_report(_as_validated(back), "text", lang) == render_report(
            original, "text", lang)


def test_a_stored_report_names_its_files_sha256_and_its_revision(store: Store) -> None:
    """The report read back fingerprints the files it judged, as the report graph stored them
    (ingest writes the hashes into it), and says which revision it is and who submitted it."""
    data = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_bytes()
    info, original = ingest_submission(store, [SubmissionFile("sub/dehua.ttl", data)],
                                       submitter="an evaluator")
    digest = hashlib.sha256(data).hexdigest()
    assert original.sha256 == (digest,)
    graph = store.named_graph(report_graph_iri(info.cluster, info.number))
    assert [str(o) for o in graph.objects(None, BCIC.sha256)] == [digest]
    # PROV joins the report's validation and the revision on the file they name alike.
    (used,) = graph.objects(None, PROV.used)
    assert store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{info.submission_graph}> "
                     f"<{PROV.wasDerivedFrom}> <{used}> . <{used}> <{DCTERMS.title}> "
                     f'"dehua.ttl" }} }}')
    back = read_report(store, info.cluster, info.number)
    assert (back.files, back.sha256) == (("dehua.ttl",), (digest,))
    assert back.revision == StoredRevision(info.number, cluster_key(info.cluster),
                                           "an evaluator")


def test_a_report_stored_without_its_files_hashes_takes_them_from_the_provenance(
        store: Store) -> None:
    """Ingest stored reports without the hashes before it wrote them: the provenance has them,
    one per file, and the report read back takes them from there, by file name."""
    files = [SubmissionFile(f"{name}.ttl", (EXAMPLES_DIR / "meitan-tea.ttl").read_bytes()
                            + f"# {name}\n".encode()) for name in ("b", "a")]
    checked = check_submission(files)
    older = dataclasses.replace(checked, report=dataclasses.replace(checked.report, sha256=()))
    info = store_submission(store, older)
    graph = store.named_graph(report_graph_iri(info.cluster, info.number))
    assert not list(graph.objects(None, BCIC.sha256))
    back = read_report(store, info.cluster, info.number)
    assert back.files == ("a.ttl", "b.ttl")
    assert back.sha256 == tuple(hashlib.sha256(f.data).hexdigest() for f in reversed(files))
    assert back.revision == StoredRevision(info.number, cluster_key(info.cluster), None)


def test_a_report_read_under_a_changed_rulebook_keeps_what_was_stored(store: Store) -> None:
    """Rule review 1: after 9.4.2 is renumbered 9.4.3 (rulebook 0.2.0), Datang's
    revision judged under the running rulebook still lists 9.4.2 not met, with its text, and
    keeps its verdict and rates; nothing is judged under 9.4.3."""
    files = read_submission_files([EXAMPLES_DIR / "datang-socks.ttl"])
    info, original = ingest_submission(store, files, submitter="tests")
    assert original.outcome(RENAMED).status is Status.NOT_MET
    back = read_report(store, info.cluster, info.number, renumbered_rulebook())
    assert [(o.requirement.id, o.status) for o in back.outcomes] == [
        (o.requirement.id, o.status) for o in original.outcomes]
    assert back.outcome(RENAMED).requirement.text["zh"] == "培育主体应结合产业集群的特点，建立循环和纠偏机制。"
    assert (back.conforms, back.overall, back.by_chapter, back.by_layer) == (
        original.conforms, original.overall, original.by_chapter, original.by_layer)
    assert (back.rulebook_version, back.running_rulebook) == (original.rulebook_version,
                                                             CHANGED_VERSION)
    assert back.not_in_rulebook == {RENAMED}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_report_read_under_a_changed_rulebook_says_so_in_every_format(store: Store,
                                                                       lang: str) -> None:
    """The text, JSON, HTML and Turtle of the report read back name the provision the running
    rulebook no longer has, and say that its hints are the running rulebook's (defect 8)."""
    files = read_submission_files([EXAMPLES_DIR / "datang-socks.ttl"])
    info, original = ingest_submission(store, files, submitter="tests")
    back = read_report(store, info.cluster, info.number, renumbered_rulebook())
    hints = message("report.hints.other_rulebook", lang, running=CHANGED_VERSION,
                    made=original.rulebook_version)
    gone = message("report.not_in_rulebook", lang, running=CHANGED_VERSION,
                   made=original.rulebook_version)
    text = render_report(back, "text", lang)
    assert hints[:30] in text and gone[:20] in text
    assert message("report.hints.from", lang, running=CHANGED_VERSION,
                   made=original.rulebook_version) in text
    document = json.loads(render_report(back, "json", lang))
    assert document["rulebook_note"] == hints
    assert document["hints_rulebook_version"] == CHANGED_VERSION
    assert [r["id"] for r in document["requirements"] if not r["in_running_rulebook"]] == [
        RENAMED]
    assert document["rates"]["overall"]["total"] == original.overall.total
    html = render_report(back, "html", lang)
    assert hints in html and gone in html
    fresh = json.loads(render_report(original, "json", lang))
    assert fresh["rulebook_note"] is None
    assert hints not in render_report(original, "html", lang)
    turtle = render_report(back, "ttl", lang)
    assert f"req:{RENAMED}" in turtle and f"req:{RENAMED_TO}" not in turtle


# A report graph as stored before its sh:result held the whole SHACL run and before a validation
# activity used its files (prov:used on the report, files named by rdfs:label).
BEFORE = Path(__file__).parent / "stored_forms" / "datang-typo-report-0.1.0.ttl"
TYPO = b"\n<https://example.org/cluster/datang/fund-x> a <https://w3id.org/bcic/ontology#BrandFunds> .\n"


def test_a_report_stored_in_the_form_before_reads_back_as_it_was_made(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored report of the old form gives the statuses, results, files, hashes and notes of
    the report made now on the same submission; its results of the SHACL run are those it kept
    (the results behind its outcomes), and rendered again it is a SHACL report of those."""
    data = (EXAMPLES_DIR / "datang-socks.ttl").read_bytes() + TYPO
    checked = check_submission([SubmissionFile("datang-typo.ttl", data)])
    old = Graph().parse(BEFORE)
    assert (None, PROV.used, None) in old and (None, PROV.wasGeneratedBy, None) not in old
    monkeypatch.setattr(ingest, "report_graph", lambda _report: old)
    info = store_submission(store, checked)
    back = read_report(store, info.cluster, info.number)
    assert back.record_places == {}  # the form before said no record's place
    assert back.body_roles is None  # nor why 4.2's duties were not set aside (decision 9)
    assert json.loads(render_report(back, "json", "en"))["duties_not_set_aside"] == []
    fresh = dataclasses.replace(checked.report, record_places={})
    assert [(o.requirement.id, o.status) for o in back.outcomes] == [
        (o.requirement.id, o.status) for o in fresh.outcomes]
    assert _results(back) == _results(fresh)
    assert (back.conforms, back.overall, back.files, back.sha256) == (
        fresh.conforms, fresh.overall, fresh.files, fresh.sha256)
    assert back.term_notes == fresh.term_notes and back.term_notes.terms[0].place is not None
    for lang in ("zh", "en"):  # the details, absences written as an inverse path included
        assert [r["findings"] for r in json.loads(render_report(back, "json", lang))[
            "requirements"]] == [r["findings"] for r in json.loads(render_report(
                fresh, "json", lang))["requirements"]]
    listed = [r for o in back.outcomes for r in o.results]
    assert sorted_results(tuple(back.shacl_results)) == sorted_results(tuple(listed))
    again = Graph().parse(data=render_report(back, "ttl", "en"), format="turtle")
    report = next(again.subjects(RDF.type, SH.ValidationReport))
    assert again.value(report, SH.conforms) == Literal(False)
    assert len(list(again.objects(report, SH.result))) == len(listed)
    assert again.value(report, BCIC.conformsToStandard) == Literal(False)


def test_a_report_stored_now_reads_back_with_every_result_of_the_shacl_run(store: Store) -> None:
    """The report graph holds the results the outcomes leave out as entailed by another; read
    back, they are among the report's SHACL results again, not among its outcomes'."""
    files = read_submission_files([EXAMPLES_DIR / "meitan-tea.ttl"])
    info, original = ingest_submission(store, files)
    back = read_report(store, info.cluster, info.number)
    listed = sum(len(o.results) for o in original.outcomes)
    assert len(back.shacl_results) == len(original.shacl_results) > listed
    assert sum(len(o.results) for o in back.outcomes) == listed
    assert [(str(r.source_shape), _node(r.focus_node), r.severity)
            for r in back.shacl_results] == [(str(r.source_shape), _node(r.focus_node), r.severity)
                                             for r in sorted_results(original.shacl_results)]


def test_a_value_outside_a_list_names_the_values_allowed_fresh_and_read_back(
        store: Store) -> None:
    """9.2.3: an observation whose value kind is outside the list the shape allows (sh:in) is told
    the values it may take, in the list's order, by their labels, in zh and en, in text and JSON;
    the report read back says the same (the list is read off the shape, not stored)."""
    text = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8").replace(
        "ex:obs-LocationAdvantage-2020-actual a bcic:IndicatorObservation ; qb:dataSet "
        "bcic:IndicatorDataSet ; bcic:refCluster ex:cluster ; bcic:indicator ind:LocationAdvantage"
        " ; bcic:refYear \"2020\"^^xsd:gYear ; bcic:valueKind bcic:ActualValue ;",
        "ex:obs-LocationAdvantage-2020-actual a bcic:IndicatorObservation ; qb:dataSet "
        "bcic:IndicatorDataSet ; bcic:refCluster ex:cluster ; bcic:indicator ind:LocationAdvantage"
        " ; bcic:refYear \"2020\"^^xsd:gYear ; bcic:valueKind bcic:EstimatedValue ;", 1)
    assert "bcic:EstimatedValue" in text
    info, original = ingest_submission(store, [SubmissionFile("dehua.ttl", text.encode())])
    back = read_report(store, info.cluster, info.number)
    en, zh = (render_report(original, "text", lang) for lang in ("en", "zh"))
    assert ("its “value kind” “bcic:EstimatedValue” is not one of the values allowed: "
            "“actual”, “target”") in en
    assert "“值类别”的取值“bcic:EstimatedValue”不在允许的取值（“实际值”、“目标值”）之中" in zh
    for lang in ("zh", "en"):
        assert render_report(_as_validated(back), "text", lang) == render_report(
            original, "text", lang)
    (requirement,) = [r for r in json.loads(render_report(back, "json", "en"))["requirements"]
                      if r["id"] == "9.2.3"]
    (lack,) = [x for f in requirement["findings"] for n in f["nodes"] for x in n["lacks"]
               if x["constraint"] == "InConstraintComponent"]
    assert lack["allowed"] == [
        {"node": str(BCIC.ActualValue), "name": "actual"},
        {"node": str(BCIC.TargetValue), "name": "target"}]
