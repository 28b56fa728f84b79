"""Ingest stores a submission as a revision with its report and provenance; history reads them."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG

from checker.errors import InputError
from checker.history import cluster_history, cluster_overview
from checker.ingest import NoClusterError, ingest_files, rules_loaded
from checker.loading import load_submission, read_submission_files
from checker.namespaces import BCIC, SHP
from checker.paths import EXAMPLES_DIR
from checker.report import Report, Status
from checker.rulebook import Level, clause_sort_key, load_rulebook
from checker.store import (ONTOLOGY_GRAPH, PROVENANCE_GRAPH, SHAPES_GRAPH, SUMMARY_GRAPH,
                           RevisionInfo, Store, open_store)
from checker.store.summary import summary_current
from checker.validation import validate_files

EXPECTED = json.loads((EXAMPLES_DIR / "expected.json").read_text(encoding="utf-8"))
SAMPLES = sorted(EXPECTED)
DATANG = EXAMPLES_DIR / "datang-socks.ttl"
DATANG_CLUSTER = URIRef("https://example.org/cluster/datang/cluster")
DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
DEHUA_CLUSTER = URIRef("https://example.org/cluster/dehua/cluster")
MEITAN = EXAMPLES_DIR / "meitan-tea.ttl"
MEITAN_CLUSTER = URIRef("https://example.org/cluster/meitan/cluster")
PROV = "http://www.w3.org/ns/prov#"
# What 8.2.6 asks for (docs/evidence.md): a communication evaluation with its findings, and an
# improvement of the communication that it informed, each by the body and dated.
EVALUATION = """
ex:communication-evaluation a bcic:CommunicationEvaluation ;
    rdfs:label "集群品牌传播效果年度评价"@zh ;
    prov:wasAssociatedWith ex:body ;
    dcterms:date "2024-01-25"^^xsd:date ;
    bcic:finding "直播探厂的转化率最高"@zh .
ex:communication-improvement a bcic:CommunicationImprovement ;
    rdfs:label "增加直播探厂场次"@zh ;
    prov:wasAssociatedWith ex:body ;
    dcterms:date "2024-03-01"^^xsd:date ;
    prov:wasInformedBy ex:communication-evaluation .
"""


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory store."""
    store = open_store("oxigraph")
    yield store
    store.close()


@pytest.fixture(scope="module")
def datang_stored() -> Iterator[tuple[Store, RevisionInfo]]:
    """An in-memory store into which datang was ingested once for the module, and its revision:
    tests read it only."""
    store = open_store("oxigraph")
    yield store, ingest_files(store, [DATANG])
    store.close()


@pytest.fixture(scope="module")
def fixed_datang(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Datang sample with the communication evaluation it lacks (8.2.6) added (read only)."""
    path = tmp_path_factory.mktemp("fixed") / "datang-fixed.ttl"
    path.write_text(DATANG.read_text(encoding="utf-8") + EVALUATION, encoding="utf-8")
    return path


def sample_without(sample: Path, kind: URIRef, path: Path) -> Path:
    """The sample without the statements of its nodes of type `kind`, written to `path`."""
    graph = Graph().parse(sample)
    for node in set(graph.subjects(RDF.type, kind)):
        graph.remove((node, None, None))
    graph.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def dehua_without_mark(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Dehua sample without its collective mark registration (8.3.1, may-level; read only)."""
    return sample_without(DEHUA, BCIC.CollectiveBrandRegistration,
                          tmp_path_factory.mktemp("unmarked") / "dehua-without-mark.ttl")


@pytest.fixture(scope="module")
def meitan_without_members(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Meitan sample without its org:Membership nodes: no role, so the duties of 4.2 bind no
    one and are not applicable (read only)."""
    return sample_without(MEITAN, ORG.Membership,
                          tmp_path_factory.mktemp("memberless") / "meitan-without-members.ttl")


@functools.cache
def _validated(path: Path, content: bytes) -> Report:
    """The report of a validation of the file as it read (`content`), made once per content."""
    return validate_files([path])


def statuses(path: Path) -> dict[str, Status]:
    """Requirement id → status, from a validation of the file (its own, not the store's)."""
    return {o.requirement.id: o.status for o in _validated(path, path.read_bytes()).outcomes}


def gaps(path: Path) -> set[str]:
    """The shall-level requirements a validation of the file (its own, not the store's) reports
    not met."""
    return {o.requirement.id for o in _validated(path, path.read_bytes()).with_status(
        Status.NOT_MET) if o.requirement.level is Level.SHALL}


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_is_stored_with_the_verdict_expected_json_promises(store: Store, name: str) -> None:
    info = ingest_files(store, [EXAMPLES_DIR / name], submitter="测试评价员")
    promised = EXPECTED[name]["verdict"] == "conformant"
    assert info.conforms is promised
    assert store.revisions() == [info]
    assert store.ask(f"""ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{
        <{info.submission_graph}> <{BCIC.conforms}> {str(promised).lower()} ;
                                  <{BCIC.reportGraph}> <{info.report_graph}> }} }}""")
    assert len(store.named_graph(info.report_graph)) > 0


def test_three_samples_make_three_clusters_with_their_labels(store: Store) -> None:
    for name in SAMPLES:
        ingest_files(store, [EXAMPLES_DIR / name])
    overview = {s.cluster: s for s in cluster_overview(store)}
    assert len(overview) == 3
    assert overview[DATANG_CLUSTER].labels["zh"] == "诸暨大唐袜业产业集群"
    assert overview[DATANG_CLUSTER].revisions == 1


def test_submission_graph_holds_exactly_the_parsed_file(
        datang_stored: tuple[Store, RevisionInfo]) -> None:
    store, info = datang_stored
    parsed = load_submission(read_submission_files([DATANG]))
    assert len(store.named_graph(info.submission_graph)) == len(parsed)


def test_sha256_of_each_file_is_recorded(datang_stored: tuple[Store, RevisionInfo]) -> None:
    store, info = datang_stored
    (stored,) = store.revisions(DATANG_CLUSTER)
    assert stored.files == info.files
    assert [f.sha256 for f in stored.files] == [hashlib.sha256(DATANG.read_bytes()).hexdigest()]
    assert [f.name for f in stored.files] == [DATANG.name]


def test_no_folder_of_the_ingesting_machine_is_stored(
        datang_stored: tuple[Store, RevisionInfo]) -> None:
    """File names go to public pages: the last path component only, in provenance and report."""
    assert DATANG.is_absolute()
    store, info = datang_stored
    dumped = store.named_graph(info.report_graph).serialize(format="nt")
    provenance = "".join(f.name for r in store.revisions(DATANG_CLUSTER) for f in r.files)
    assert str(DATANG.parent) not in dumped and str(DATANG.parent) not in provenance
    assert DATANG.name in dumped and provenance == DATANG.name


def test_reingest_makes_revision_2_which_is_a_revision_of_1(store: Store) -> None:
    first = ingest_files(store, [DATANG])
    second = ingest_files(store, [DATANG])
    assert (first.number, second.number) == (1, 2)
    assert second.submission_graph != first.submission_graph
    assert store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{second.submission_graph}> "
                     f"<{PROV}wasRevisionOf> <{first.submission_graph}> }} }}")
    assert not store.ask(f"ASK {{ <{first.submission_graph}> <{PROV}wasRevisionOf> ?earlier }}")


def test_bad_file_is_an_input_error_and_nothing_is_stored(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c ex:d .\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl"):
        ingest_files(store, [DATANG, bad])
    assert store.revisions() == []
    assert not store.ask("ASK { GRAPH ?g { ?s ?p ?o } }")


@pytest.mark.parametrize("name, character", [("ctl\x01name.ttl", "U+0001"),
                                              ("esc\x1b[31mRED.ttl", "U+001B")])
def test_a_file_name_xml_cannot_carry_is_refused_and_nothing_is_stored(
        store: Store, tmp_path: Path, name: str, character: str) -> None:
    """A file's name is stored in the provenance block, which the endpoint answers in XML
    formats too: a control character in it is refused as in a submission's literals."""
    named = tmp_path / name
    named.write_bytes(DATANG.read_bytes())
    with pytest.raises(InputError, match=f"file name .* holds the character {re.escape(character)}"):
        ingest_files(store, [named])
    assert store.revisions() == []
    assert not store.ask("ASK { GRAPH ?g { ?s ?p ?o } }")


def test_a_submitter_xml_cannot_carry_is_refused_and_nothing_is_stored(store: Store) -> None:
    with pytest.raises(InputError, match="submitter 'bob.x07' holds the character U\\+0007"):
        ingest_files(store, [DATANG], submitter="bob\x07")
    assert store.revisions() == []
    assert not store.ask("ASK { GRAPH ?g { ?s ?p ?o } }")
    assert ingest_files(store, [DATANG], submitter="鲍勃\tB.").number == 1  # a tab is fine


def test_submission_without_a_cluster_needs_one_named(store: Store, tmp_path: Path) -> None:
    loose = tmp_path / "loose.ttl"
    loose.write_text("<https://example.org/a> <https://example.org/b> 1 .\n", encoding="utf-8")
    with pytest.raises(NoClusterError, match="names no cluster: add the industrial cluster"):
        ingest_files(store, [loose])
    named = URIRef("https://example.org/cluster/named")
    info = ingest_files(store, [loose], cluster=named)
    assert info.cluster == named and store.revisions(named) == [info]


RELATIVE_CLUSTERS = {
    "relative.ttl": "@prefix bcic: <https://w3id.org/bcic/ontology#> .\n"
                    "<cluster> a bcic:IndustrialCluster .\n",
    "relative.jsonld": '{"@id": "cluster", '
                       '"@type": "https://w3id.org/bcic/ontology#IndustrialCluster"}',
}


@pytest.mark.parametrize("name", sorted(RELATIVE_CLUSTERS))
def test_relative_cluster_iri_is_refused_and_nothing_is_stored(
        store: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(RELATIVE_CLUSTERS[name], encoding="utf-8")
    with pytest.raises(InputError, match=r"<cluster> is relative.*absolute IRI") as caught:
        ingest_files(store, [path])
    assert "相对 IRI" in caught.value.text("zh")
    assert not store.ask("ASK { GRAPH ?g { ?s ?p ?o } }")


@pytest.mark.parametrize("iri", ["javascript:alert(1)//x", "file:///etc/passwd", "mailto:a@b.c"])
def test_cluster_iri_the_named_queries_refuse_is_not_stored(
        store: Store, tmp_path: Path, iri: str) -> None:
    path = tmp_path / "scheme.ttl"
    path.write_text(MEITAN.read_text(encoding="utf-8").replace("ex:cluster", f"<{iri}>"),
                    encoding="utf-8")
    with pytest.raises(InputError, match="not an absolute http, https or urn IRI") as caught:
        ingest_files(store, [path])
    assert "命名查询" in caught.value.text("zh")
    assert not store.ask("ASK { GRAPH ?g { ?s ?p ?o } }")


@pytest.mark.parametrize("given", ["cluster", "javascript:x"])
def test_cluster_given_for_a_submission_naming_none_follows_the_same_rule(
        store: Store, tmp_path: Path, given: str) -> None:
    loose = tmp_path / "loose.ttl"
    loose.write_text("<https://example.org/a> <https://example.org/b> 1 .\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an absolute http, https or urn IRI"):
        ingest_files(store, [loose], cluster=URIRef(given))
    assert store.revisions() == []


def test_rule_graphs_are_loaded_once_and_reloaded_for_another_rulebook(store: Store) -> None:
    rulebook = load_rulebook()
    ingest_files(store, [DATANG], rulebook=rulebook)
    assert rules_loaded(store, rulebook)
    assert len(store.named_graph(SHAPES_GRAPH)) == len(rulebook.shapes_graph)
    newer = dataclasses.replace(rulebook, version="9.9.9")
    ingest_files(store, [DATANG], rulebook=newer)
    assert rules_loaded(store, newer) and not rules_loaded(store, rulebook)
    versions = store.select(f"SELECT ?v WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> "
                            f"{{ ?g <{BCIC.rulebookVersion}> ?v }} }}")
    assert [str(r["v"]) for r in versions] == ["9.9.9"]


def test_rule_graphs_are_reloaded_when_the_rule_files_change_under_the_same_version(
        store: Store) -> None:
    """A maintainer removed a shape and did not bump the version: the store kept the old shape,
    and both revisions said rulebook 0.1.0. The digest of the files tells them apart."""
    rulebook = load_rulebook()
    first = ingest_files(store, [DATANG], rulebook=rulebook)
    dropped = SHP.CommunicationEvaluationExists
    shapes = Graph()
    shapes += rulebook.shapes_graph
    shapes.remove((dropped, None, None))
    edited = dataclasses.replace(  # as the edited files read: the shape gone from both
        rulebook, digest="0" * 64, shapes_graph=shapes,
        shape_requirements={s: r for s, r in rulebook.shape_requirements.items() if s != dropped})
    second = ingest_files(store, [DATANG], rulebook=edited)
    assert rules_loaded(store, edited) and not rules_loaded(store, rulebook)
    assert (dropped, None, None) not in store.named_graph(SHAPES_GRAPH)
    digests = {str(row["revision"]): str(row["digest"]) for row in store.select(
        f"SELECT ?revision ?digest WHERE {{ GRAPH <{PROVENANCE_GRAPH}> "
        f"{{ ?revision <{BCIC.rulebookDigest}> ?digest }} }}")}
    assert digests == {str(first.submission_graph): rulebook.digest,
                       str(second.submission_graph): "0" * 64}
    report = store.named_graph(second.report_graph)
    assert set(report.objects(None, BCIC.rulebookDigest)) == {Literal("0" * 64)}


def test_ingest_rebuilds_a_summary_graph_from_an_older_store(tmp_path: Path) -> None:
    store = open_store("oxigraph", path=tmp_path / "store")
    first = ingest_files(store, [DATANG])
    summary = store.named_graph(SUMMARY_GRAPH)
    assert summary_current(store) and (first.submission_graph, None, None) in summary
    store.close()
    # A store written before the summary graph existed: revisions, but no summary.
    raw = pyoxigraph.Store(str(tmp_path / "store"))
    raw.remove_graph(pyoxigraph.NamedNode(str(SUMMARY_GRAPH)))
    del raw
    store = open_store("oxigraph", path=tmp_path / "store")
    try:
        assert not summary_current(store)
        second = ingest_files(store, [EXAMPLES_DIR / "dehua-ceramics.ttl"])
        rebuilt = store.named_graph(SUMMARY_GRAPH)
        assert summary_current(store)
    finally:
        store.close()
    assert set(rebuilt.triples((first.submission_graph, None, None))) == set(
        summary.triples((first.submission_graph, None, None)))
    assert (second.submission_graph, BCIC.crisisWarningSystemCount, None) in rebuilt


def test_history_shows_8_2_6_closed_when_the_evaluation_is_added(
        store: Store, fixed_datang: Path) -> None:
    ingest_files(store, [DATANG])
    ingest_files(store, [fixed_datang])
    first, second = cluster_history(store, DATANG_CLUSTER)
    assert first.closed == () and set(first.opened) == gaps(DATANG)
    assert second.closed == ("8.2.6",) and second.opened == ()
    assert second.rate is not None and first.rate is not None
    # 8.2.6 is on the manual-review checklist: closed, it awaits the evaluator, not yet met
    assert (second.rate.met, second.rate.pending) == (first.rate.met, first.rate.pending + 1)


def test_history_shows_8_2_6_opened_when_the_evaluation_is_dropped(
        store: Store, fixed_datang: Path) -> None:
    ingest_files(store, [fixed_datang])
    ingest_files(store, [DATANG])
    _, second = cluster_history(store, DATANG_CLUSTER)
    assert second.opened == ("8.2.6",) and second.closed == ()


def test_the_first_revision_opens_every_gap_it_has(
        datang_stored: tuple[Store, RevisionInfo]) -> None:
    store, _info = datang_stored
    [first] = cluster_history(store, DATANG_CLUSTER)
    assert first.closed == ()
    assert first.opened == tuple(EXPECTED["datang-socks.ttl"]["unmet_shall"])
    assert set(first.opened) == gaps(DATANG) and "8.2.6" in first.opened
    assert list(first.opened) == sorted(first.opened, key=clause_sort_key)


def test_history_opens_duties_that_were_not_applicable_and_are_now_unmet(
        store: Store, meitan_without_members: Path) -> None:
    """Without members the duties of 4.2 bind no one (not applicable); with them, most are unmet."""
    ingest_files(store, [meitan_without_members], cluster=MEITAN_CLUSTER)
    ingest_files(store, [MEITAN])
    before = statuses(meitan_without_members)
    now = statuses(MEITAN)
    woken = {r for r, s in now.items() if s is Status.NOT_MET
             and before[r] is Status.NOT_APPLICABLE}
    assert {"4.2.1", "4.2.2", "4.2.3"} <= woken
    _, second = cluster_history(store, MEITAN_CLUSTER)
    assert woken <= set(second.opened)
    assert set(second.opened) == gaps(MEITAN) - gaps(meitan_without_members)
    assert set(second.closed) == gaps(meitan_without_members) - gaps(MEITAN)


def test_history_closes_a_gap_whose_requirement_no_longer_applies(
        store: Store, meitan_without_members: Path) -> None:
    ingest_files(store, [MEITAN])
    ingest_files(store, [meitan_without_members], cluster=MEITAN_CLUSTER)
    _, second = cluster_history(store, MEITAN_CLUSTER)
    assert {"4.2.1", "4.2.2", "4.2.3"} <= set(second.closed)
    assert set(second.closed) == gaps(MEITAN) - gaps(meitan_without_members)


def test_a_may_level_item_not_met_is_never_a_gap_in_history(
        store: Store, dehua_without_mark: Path) -> None:
    """8.3.1 (可申请注册集群品牌) is may-level: missing it is information, never a gap."""
    ingest_files(store, [DEHUA])
    ingest_files(store, [dehua_without_mark])
    ingest_files(store, [DEHUA])
    assert statuses(dehua_without_mark)["8.3.1"] is Status.NOT_USED
    changes = cluster_history(store, DEHUA_CLUSTER)
    assert all(c.conforms for c in changes)
    assert [(c.closed, c.opened) for c in changes] == [((), ())] * 3


def test_the_first_revision_does_not_list_its_may_level_item(
        datang_stored: tuple[Store, RevisionInfo]) -> None:
    store, _info = datang_stored
    [first] = cluster_history(store, DATANG_CLUSTER)
    assert statuses(DATANG)["8.3.1"] is Status.NOT_USED and "8.3.1" not in first.opened


def test_after_a_deletion_a_revision_is_compared_with_the_stored_one_before(
        store: Store, fixed_datang: Path) -> None:
    for path in (DATANG, fixed_datang, DATANG):
        ingest_files(store, [path])
    assert store.delete_revision(DATANG_CLUSTER, 2)
    first, third = cluster_history(store, DATANG_CLUSTER)
    assert third.number == 3 and (third.closed, third.opened) == ((), ())
    assert "8.2.6" in first.opened


def test_history_of_an_unknown_cluster_is_empty(store: Store) -> None:
    assert cluster_history(store, URIRef("https://example.org/cluster/none")) == []


def test_a_submission_rewriting_the_ontology_is_refused_and_nothing_is_stored(
        store: Store, ontology_rewrite_file: Path) -> None:
    tbox = ontology_rewrite_file
    with pytest.raises(InputError, match=r"tbox\.ttl:3:1: .* is a term of the standard"):
        ingest_files(store, [DATANG, tbox])
    assert store.revisions() == []
