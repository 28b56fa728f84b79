"""The store contract (docs/store.md): claims every backend makes good, whatever it runs on.

Reuse: subclass `StoreContract` in a `Test…` class that supplies three fixtures,
- `store`: a fresh, open `checker.store.Store` (closed by the fixture afterwards),
- `reopen`: a function taking that store and returning it, or for a persistent backend a newly
  opened one over the same data (the old one closed), so every claim also covers persistence, and
- `writer`: a function taking that store and returning what another writer at the same time
  would write through: the store itself where one process holds the data (the embedded store),
  else a new client of the same server, as another process would open.
The store need not be empty: every test works on clusters of its own (fresh IRIs), so the suite
can run against a shared server. Only `load_rules` and `rebuild_summary` touch global graphs.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal
from http.server import HTTPServer

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV

from checker.errors import QueryRefusedError, RevisionExistsError
from checker.namespaces import BCIC, REQ
from checker.report import Rate
from checker.rulebook import SH
from checker.store import ONTOLOGY_GRAPH, PROVENANCE_GRAPH, SHAPES_GRAPH, SUMMARY_GRAPH, Store
from checker.store.base import (
    RevisionInfo,
    RevisionRecord,
    SourceFile,
    agent_iri,
    file_entity_iri,
    report_graph_iri,
    submission_graph_iri,
)
from checker.store.base import RULES_ARCHIVE_GRAPH
from checker.revisions import deleted_revisions
from checker.store.deletion import tombstone_query
from checker.store.judgements import JudgementRecord, judgements_graph_iri
from checker.store.provenance import provenance_graph
from checker.store.rules_archive import archived_rulebook_iri, rule_graphs_of
from checker.store.summary import summary_current
from tests.loopback import QuietHandler

Reopen = Callable[[Store], Store]
Writer = Callable[[Store], Store]
WRITERS_AT_ONCE = 6

EX = Namespace("https://example.org/contract/")
INDUSTRY_SCALE = URIRef("https://w3id.org/bcic/indicator/IndustryScale")
EARL = Namespace("http://www.w3.org/ns/earl#")
# Whole seconds, so a server's own datetime type round-trips.
GENERATED = datetime(2024, 5, 1, 9, 30, 15, tzinfo=timezone.utc)


def new_cluster() -> URIRef:
    """A cluster IRI no other test (nor run) uses."""
    return EX[f"cluster-{uuid.uuid4().hex[:12]}"]


def make_record(cluster: URIRef, number: int, *, conforms: bool = False,
                marker: str = "first") -> tuple[RevisionRecord, RevisionInfo]:
    """A small revision: a submission with a blank node and a label, a one-assertion EARL report
    (8.2.6, shall-level: met when it conforms) stating its rate's counts."""
    submission = Graph()
    body = BNode()
    submission.add((cluster, RDF.type, BCIC.IndustrialCluster))
    submission.add((cluster, RDFS.label, Literal(f"集群 {marker}", lang="zh")))
    submission.add((body, BCIC.cultivates, cluster))
    submission.add((body, EX.marker, Literal(marker)))
    report = Graph()
    assertion, result = BNode(), BNode()
    report.add((assertion, RDF.type, EARL.Assertion))
    report.add((assertion, EARL.test, URIRef("https://w3id.org/bcic/req/gbt-draft/8.2.6")))
    report.add((assertion, EARL.subject, cluster))
    report.add((assertion, EARL.result, result))
    report.add((result, EARL.outcome, EARL.passed if conforms else EARL.failed))
    rate = Rate(met=int(conforms), total=1)
    _state_rate(report, rate)
    info = RevisionInfo(
        cluster=cluster, number=number,
        submission_graph=submission_graph_iri(cluster, number),
        report_graph=report_graph_iri(cluster, number),
        conforms=conforms, rate=rate, rulebook_version="0.1.0",
        generated=GENERATED, submitter="评价员 A",
        files=(SourceFile("a.ttl", "0" * 64), SourceFile("b.ttl", "f" * 64)),
    )
    return (RevisionRecord(cluster, number, submission, report,
                           provenance_graph(info, number - 1 if number > 1 else None)), info)


def lone_record(cluster: URIRef) -> tuple[RevisionRecord, RevisionInfo]:
    """make_record's first revision with a submitter and a file no other revision names."""
    record, info = make_record(cluster, 1)
    info = replace(info, submitter=f"提交者 {uuid.uuid4().hex}",
                   files=(SourceFile("c.ttl", uuid.uuid4().hex * 2),))
    return replace(record, provenance=provenance_graph(info, None)), info


def numbered_record(cluster: URIRef, number: int, previous: int | None,
                    marker: str) -> RevisionRecord:
    """make_record's revision as `Store.add_next_revision` asks for it: under the number given,
    naming revision `previous`, and with a submission whose size depends on the marker."""
    record, info = make_record(cluster, number, marker=marker)
    submission = Graph()
    submission += record.submission
    for index in range(20 * (1 + sum(map(ord, marker)) % 7)):
        submission.add((EX[f"{marker}-{index}"], EX.position, Literal(index)))
    return RevisionRecord(cluster, number, submission, record.report,
                          provenance_graph(info, previous))


def pending_record(cluster: URIRef) -> RevisionRecord:
    """make_record's first revision, its report leaving 9.4.2 (shall-level, as it states) to the
    evaluator (earl:cantTell) and judging 9.4.1 met: no gap."""
    record, _info = make_record(cluster, 1, conforms=True)
    report = Graph()
    for rid, outcome in (("9.4.2", EARL.cantTell), ("9.4.1", EARL.passed)):
        assertion, result = BNode(), BNode()
        report.add((assertion, RDF.type, EARL.Assertion))
        report.add((assertion, EARL.test, REQ[rid]))
        report.add((assertion, EARL.subject, cluster))
        report.add((assertion, EARL.result, result))
        report.add((result, EARL.outcome, outcome))
        report.add((REQ[rid], BCIC.normativeLevel, BCIC.Shall))
    report.add((REQ["9.4.2"], RDFS.label, Literal("9.4.2 循环与纠偏机制", lang="zh")))
    _state_rate(report, Rate(met=1, total=2, pending=1))
    return RevisionRecord(cluster, 1, record.submission, report, record.provenance)


def judgement(cluster: URIRef, *, met: bool, number: int = 1,
              note: str | None = None) -> JudgementRecord:
    """An evaluator's judgement of 9.4.2 in that revision, made now."""
    return JudgementRecord(cluster, number, REQ["9.4.2"], met, datetime.now(timezone.utc),
                           Literal(note, lang="zh") if note else None, by="评价员 C")


def _state_rate(report: Graph, rate: Rate) -> None:
    """The counts a report's sh:ValidationReport states (checker/render/turtle.py)."""
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, BCIC.metCount, Literal(rate.met)))
    report.add((node, BCIC.pendingReviewCount, Literal(rate.pending)))
    report.add((node, BCIC.applicableCount, Literal(rate.total)))


def shall_level_rules(store: Store, *requirements: str) -> None:
    """Rule graphs in which the requirements named are shall-level, as the rebuild reads them."""
    ontology = Graph()
    for rid in requirements:
        ontology.add((REQ[rid], BCIC.normativeLevel, BCIC.Shall))
    store.load_rules(ontology, Graph())


def _summary(store: Store, revision: URIRef) -> set[tuple[str, str]]:
    """The summary graph's facts about one revision, as (predicate, object) texts."""
    rows = store.select(f"SELECT ?p ?o WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{revision}> ?p ?o }} }}")
    return {(str(r["p"]), r["o"].n3()) for r in rows}


def _counts(met: int, pending: int, applicable: int) -> set[tuple[str, str]]:
    """The summary's rate counts, as _summary gives them."""
    return {(str(BCIC.metCount), Literal(met).n3()),
            (str(BCIC.pendingReviewCount), Literal(pending).n3()),
            (str(BCIC.applicableCount), Literal(applicable).n3())}


def with_observations(record: RevisionRecord) -> RevisionRecord:
    """The record, its submission given observations that count as actual values (9.3.2) and some
    that do not: a target, a figure about another cluster, a year with a time zone."""
    data = Graph()
    data += record.submission
    for key, (cluster, kind, year, value, unit) in enumerate((
            (record.cluster, BCIC.ActualValue, Literal("2023", datatype=XSD.gYear), "81.5", "亿元"),
            (record.cluster, BCIC.ActualValue, Literal(2024), "82", None),
            (record.cluster, BCIC.TargetValue, Literal("2024", datatype=XSD.gYear), "90", "亿元"),
            (EX.peer, BCIC.ActualValue, Literal("2023", datatype=XSD.gYear), "70", "亿元"),
            (record.cluster, BCIC.ActualValue, Literal("2023Z", datatype=XSD.gYear), "1", None))):
        observation = EX[f"observation-{record.number}-{key}"]
        data.add((observation, BCIC.refCluster, cluster))
        data.add((observation, BCIC.indicator, INDUSTRY_SCALE))
        data.add((observation, BCIC.valueKind, kind))
        data.add((observation, BCIC.refYear, year))
        data.add((observation, BCIC.observedValue, Literal(Decimal(value))))
        if unit is not None:
            data.add((observation, BCIC.unitOfMeasure, Literal(unit)))
    return RevisionRecord(record.cluster, record.number, data, record.report, record.provenance)


def _actual_values(store: Store, revision: URIRef) -> set[tuple[str, ...]]:
    """The revision's actual values: (graph, its year, its unit, value) texts."""
    rows = store.select(f"""SELECT ?g ?year ?unit ?value WHERE {{
  GRAPH <{SUMMARY_GRAPH}> {{ ?i <{BCIC.actualValuesGraph}> ?g . ?g <{BCIC.graphYear}> ?year
    OPTIONAL {{ ?g <{BCIC.graphUnit}> ?unit }} }}
  GRAPH ?g {{ <{revision}> <{BCIC.actualValue}> ?value }} }}""")
    return {(str(r["g"]), str(r["year"]), str(r.get("unit", "")), str(r["value"])) for r in rows}


def _count(store: Store, graph: URIRef) -> int:
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(str(rows[0]["n"]))


class _Trap(QuietHandler):
    """Counts every request: a refused SERVICE or LOAD must never arrive here."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.hits.append(self.path)
        self.send_response(500)
        self.end_headers()

    do_POST = do_GET


class StoreContract:
    """The claims; run them by subclassing with `store` and `reopen` fixtures (module docstring)."""

    @pytest.fixture
    def trap(self) -> Iterator[tuple[str, list[str]]]:
        """A local HTTP server that records requests: (its URL, the requests it saw)."""
        server = HTTPServer(("127.0.0.1", 0), _Trap)
        _Trap.hits = []
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_port}/sparql", _Trap.hits
        server.shutdown()
        server.server_close()

    def test_rules_load_into_their_two_graphs_and_a_reload_replaces_them(
            self, store: Store, reopen: Reopen) -> None:
        ontology, shapes = Graph(), Graph()
        ontology.add((EX.Thing, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
        ontology.add((EX.Thing, RDFS.label, Literal("事物", lang="zh")))
        shapes.add((EX.ThingShape, RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape")))
        store.load_rules(ontology, shapes)
        newer = Graph()
        newer.add((EX.Other, RDFS.label, Literal("other", lang="en")))
        store.load_rules(newer, shapes)
        store = reopen(store)
        assert isomorphic(store.named_graph(ONTOLOGY_GRAPH), newer)
        assert isomorphic(store.named_graph(SHAPES_GRAPH), shapes)

    def test_a_reload_archives_the_rulebook_it_replaces_as_one_text_that_no_query_counts(
            self, store: Store, reopen: Reopen) -> None:
        """Rule review 8: the rule graphs a reload replaces stay readable, as one literal of TriG
        on a node named by their version and digest, long (Virtuoso keeps it whole) and never
        as triples: a count over the union of all graphs sees the running rules alone. A reload
        of the same rulebook archives nothing; one back and forth keeps one copy."""
        version, digest = f"9.9.{uuid.uuid4().hex[:8]}", uuid.uuid4().hex * 2
        old, shapes = Graph(), Graph()
        old.add((ONTOLOGY_GRAPH, BCIC.rulebookVersion, Literal(version)))
        old.add((ONTOLOGY_GRAPH, BCIC.rulebookDigest, Literal(digest)))
        old.add((REQ["8.2.6"], BCIC.normativeLevel, BCIC.Shall))
        old.add((REQ["8.2.6"], BCIC.provisionText,
                 Literal('培育主体应"持续"改进。\n' * 20_000, lang="zh")))  # some 300 kB
        shape, message = EX[f"shape-{version}"], BNode()
        shapes.add((shape, BCIC.checksRequirement, REQ["8.2.6"]))
        shapes.add((shape, SH.property, message))
        shapes.add((message, SH.minCount, Literal(1)))
        newer = Graph()
        newer.add((ONTOLOGY_GRAPH, BCIC.rulebookVersion, Literal(version + "-next")))
        store.load_rules(old, shapes)
        store.load_rules(newer, Graph())
        store.load_rules(newer, Graph())
        store = reopen(store)
        node = archived_rulebook_iri(version, digest)
        texts = list(store.named_graph(RULES_ARCHIVE_GRAPH).objects(node, BCIC.rulesText))
        assert len(texts) == 1
        assert all(isomorphic(a, b) for a, b in zip(rule_graphs_of(str(texts[0])), (old, shapes)))
        assert not store.ask(f"ASK {{ <{REQ['8.2.6']}> ?p ?o }}")
        assert not store.ask(f"ASK {{ ?shape <{BCIC.checksRequirement}> ?req }}")
        assert store.ask(f"ASK {{ GRAPH <{RULES_ARCHIVE_GRAPH}> {{ <{node}> "
                         f"<{BCIC.rulebookVersion}> {Literal(version).n3()} ; "
                         f"<{BCIC.rulebookDigest}> {Literal(digest).n3()} }} }}")
        store.load_rules(old, shapes)
        store.load_rules(newer, Graph())
        assert len(list(store.named_graph(RULES_ARCHIVE_GRAPH).objects(node, BCIC.rulesText))) == 1

    def test_added_revision_is_listed_with_every_field(self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record, info = make_record(cluster, 1)
        store.add_revision(record)
        store = reopen(store)
        assert store.revisions(cluster) == [info]
        assert info in store.revisions()

    def test_second_revision_is_a_new_graph_pair_and_leaves_the_first_unchanged(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        first, first_info = make_record(cluster, 1)
        second, second_info = make_record(cluster, 2, conforms=True, marker="second")
        store.add_revision(first)
        store.add_revision(second)
        store = reopen(store)
        assert [i.number for i in store.revisions(cluster)] == [1, 2]
        assert store.revisions(cluster)[1] == second_info
        assert second_info.submission_graph != first_info.submission_graph
        assert isomorphic(store.named_graph(first.submission_graph), first.submission)
        assert isomorphic(store.named_graph(first.report_graph), first.report)
        assert isomorphic(store.named_graph(second.submission_graph), second.submission)
        assert store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{second.submission_graph}> "
                         f"<http://www.w3.org/ns/prov#wasRevisionOf> "
                         f"<{first.submission_graph}> }} }}")

    def test_taken_revision_number_is_refused_and_nothing_is_written(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        first, info = make_record(cluster, 1)
        store.add_revision(first)
        clash, _ = make_record(cluster, 1, conforms=True, marker="clash")
        with pytest.raises(RevisionExistsError):
            store.add_revision(clash)
        store = reopen(store)
        assert store.revisions(cluster) == [info]
        assert isomorphic(store.named_graph(first.submission_graph), first.submission)
        assert not store.ask('ASK { ?s <https://example.org/contract/marker> "clash" }')

    def test_next_revision_is_numbered_past_the_highest_and_names_the_latest_stored(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        for number in (1, 2, 3):
            store.add_revision(make_record(cluster, number)[0])
        assert store.delete_revision(cluster, 3) is True
        made: list[tuple[int, int | None]] = []

        def make(number: int, previous: int | None) -> RevisionRecord:
            made.append((number, previous))
            return numbered_record(cluster, number, previous, "fourth")

        record = store.add_next_revision(cluster, make)
        fresh = new_cluster()
        first = store.add_next_revision(fresh, lambda n, previous: numbered_record(
            fresh, n, previous, "first"))
        store = reopen(store)
        assert made == [(4, 2)] and record.number == 4  # 3 is deleted, never given again
        assert [i.number for i in store.revisions(cluster)] == [1, 2, 4]
        assert store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{record.submission_graph}> "
                         f"<{PROV.wasRevisionOf}> <{submission_graph_iri(cluster, 2)}> }} }}")
        assert first.number == 1 and [i.number for i in store.revisions(fresh)] == [1]

    def test_writers_at_once_each_get_a_number_of_their_own_and_store_only_their_own(
            self, store: Store, reopen: Reopen, writer: Writer) -> None:
        # Two ingests at once once shared a number on a remote store: one revision held both
        # submissions and both reports. Writers of different sizes, so that a merge shows.
        cluster = new_cluster()
        start = threading.Barrier(WRITERS_AT_ONCE)
        stored: dict[str, RevisionRecord] = {}
        failures: list[BaseException] = []

        def write(marker: str) -> None:
            own = writer(store)
            start.wait()
            try:
                stored[marker] = own.add_next_revision(
                    cluster, lambda n, previous: numbered_record(cluster, n, previous, marker))
            except BaseException as failure:  # noqa: BLE001 — reported by the assertion below
                failures.append(failure)

        threads = [threading.Thread(target=write, args=(f"w{i}",))
                   for i in range(WRITERS_AT_ONCE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(300)
        assert not failures, [str(f) for f in failures]
        assert sorted(r.number for r in stored.values()) == list(range(1, WRITERS_AT_ONCE + 1))
        store = reopen(store)
        for marker, record in stored.items():
            assert _count(store, record.submission_graph) == len(record.submission), marker
            assert _count(store, record.report_graph) == len(record.report), marker
            block = store.select(f"SELECT ?p ?o WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ "
                                 f"<{record.submission_graph}> ?p ?o }} }}")
            # its own block, plus the one token of the write that stored it
            assert len(block) == len(list(record.provenance.predicate_objects(
                record.submission_graph))) + 1, marker
            assert [r["p"] for r in block].count(PROV.wasGeneratedBy) == 1, marker
            assert store.ask(f'ASK {{ GRAPH <{record.submission_graph}> {{ ?s <{EX.marker}> '
                             f'"{marker}" }} }}')
        # One chain, 1 ← 2 ← … ← N: each names the one before, so one of them is the latest.
        links = {(int(str(r["n"])), int(str(r["m"]))) for r in store.select(
            f"SELECT ?n ?m WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?r <{BCIC.cluster}> <{cluster}> ;"
            f" <{BCIC.revisionNumber}> ?n ; <{PROV.wasRevisionOf}> ?before . ?before "
            f"<{BCIC.revisionNumber}> ?m }} }}")}
        assert links == {(n, n - 1) for n in range(2, WRITERS_AT_ONCE + 1)}

    def test_named_graph_returns_exactly_its_triples_and_nothing_when_absent(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record, _ = make_record(cluster, 1)
        store.add_revision(record)
        store = reopen(store)
        assert isomorphic(store.named_graph(record.submission_graph), record.submission)
        assert isomorphic(store.named_graph(record.report_graph), record.report)
        assert len(store.named_graph(submission_graph_iri(cluster, 9))) == 0

    def test_every_kind_of_term_is_stored_as_it_was_given(
            self, store: Store, reopen: Reopen) -> None:
        """What a submission can hold and a report writes comes back unchanged: escapes in
        literals, language tags, datatypes, non-ASCII IRIs, chains of blank nodes. (Numbers and
        language tags come back in their canonical form, "12.50" as "12.5", zh-Hans as zh-hans:
        stores keep the value, which is the same.)"""
        cluster = new_cluster()
        record, _ = make_record(cluster, 1)
        node, inner = BNode(), BNode()
        subject = URIRef(f"{cluster}/成员/%E5%BE%B7?x=1#frag")
        for value in (Literal('引号 " 反斜杠 \\ 换行\n回车\r制表\t'), Literal("品牌", lang="zh-hans"),
                      Literal("Brand", lang="en-gb"), Literal("2021-06-30", datatype=XSD.date),
                      Literal("12.5", datatype=XSD.decimal), Literal("𝔘 emoji 😀"),
                      Literal("x" * 20_000), Literal("3", datatype=EX.customType)):
            record.submission.add((subject, EX.value, value))
        record.submission.add((subject, EX.part, node))
        record.submission.add((node, EX.part, inner))
        record.submission.add((inner, RDFS.label, Literal("最里层", lang="zh")))
        record.report.add((node, RDFS.comment, Literal("报告里的空白节点")))
        store.add_revision(record)
        store = reopen(store)
        assert isomorphic(store.named_graph(record.submission_graph), record.submission)
        assert isomorphic(store.named_graph(record.report_graph), record.report)

    def test_select_ask_and_construct_see_the_union_of_all_graphs(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record, _ = make_record(cluster, 1, marker="union")
        store.add_revision(record)
        store = reopen(store)
        # No GRAPH clause: the submission's triples and the provenance block meet in one pattern.
        rows = store.select(f"""SELECT ?label ?number WHERE {{
            <{cluster}> <{RDFS.label}> ?label .
            ?revision <{BCIC.cluster}> <{cluster}> ; <{BCIC.revisionNumber}> ?number }}""")
        assert [(str(r["label"]), int(str(r["number"]))) for r in rows] == [("集群 union", 1)]
        assert rows[0]["label"] == Literal("集群 union", lang="zh")
        assert store.ask(f"ASK {{ ?body <{BCIC.cultivates}> <{cluster}> }}")
        assert not store.ask(f"ASK {{ ?body <{BCIC.cultivates}> <{new_cluster()}> }}")
        built = store.construct(f"CONSTRUCT {{ ?b <{EX.marks}> ?m }} WHERE {{ "
                                f"?b <{BCIC.cultivates}> <{cluster}> ; <{EX.marker}> ?m }}")
        assert [o for _, _, o in built] == [Literal("union")]

    def test_a_query_naming_its_dataset_sees_that_dataset_and_not_the_union(
            self, store: Store, reopen: Reopen) -> None:
        """FROM makes the default graph that graph alone; FROM NAMED lets GRAPH see only the
        graphs it names, and alone leaves the default graph empty (SPARQL 1.1 §13.2), as the
        endpoint does: no union added on top, not even by a server whose default graph is the
        union (docs/store.md, "The server's default graph")."""
        cluster = new_cluster()
        record, _ = make_record(cluster, 1, marker="dataset")
        store.add_revision(record)
        store = reopen(store)
        label = f"<{cluster}> <{RDFS.label}> ?label"
        assert store.select(f"SELECT ?label FROM <{record.submission_graph}> WHERE {{ {label} }}")
        assert not store.select(f"SELECT ?label FROM <{record.report_graph}> WHERE {{ {label} }}")
        assert not store.ask(f"ASK FROM <{EX.nowhere}> {{ ?s ?p ?o }}")
        assert store.ask(f"ASK FROM NAMED <{record.submission_graph}> {{ GRAPH ?g {{ {label} }} }}")
        assert not store.ask(f"ASK FROM NAMED <{record.report_graph}> {{ GRAPH ?g {{ {label} }} }}")
        assert not store.ask(f"ASK FROM NAMED <{record.submission_graph}> {{ {label} }}")
        built = store.construct(f"CONSTRUCT {{ ?b <{EX.marks}> ?m }} FROM <{record.report_graph}> "
                                f"WHERE {{ ?b <{BCIC.cultivates}> <{cluster}> ; <{EX.marker}> ?m }}")
        assert len(built) == 0

    def test_service_is_refused_and_no_request_leaves(
            self, store: Store, trap: tuple[str, list[str]]) -> None:
        url, hits = trap
        with pytest.raises(QueryRefusedError):
            store.select(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
        with pytest.raises(QueryRefusedError):
            store.ask(f"ASK {{ FILTER EXISTS {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }}")
        with pytest.raises(QueryRefusedError):
            store.construct(f"CONSTRUCT WHERE {{ {{ SELECT * {{ SERVICE <{url}> "
                            f"{{ ?s ?p ?o }} }} }} }}")
        assert hits == []

    def test_load_is_refused_and_no_request_leaves(
            self, store: Store, trap: tuple[str, list[str]]) -> None:
        url, hits = trap
        for run in (store.select, store.ask, store.construct):
            with pytest.raises(QueryRefusedError):
                run(f"LOAD <{url}> INTO GRAPH <{EX.g}>")
        assert hits == []
        assert len(store.named_graph(EX.g)) == 0

    def test_query_over_two_clusters_finds_each_latest_revision(
            self, store: Store, reopen: Reopen) -> None:
        red, blue = new_cluster(), new_cluster()
        for record in (make_record(red, 1)[0], make_record(red, 2, conforms=True)[0],
                       make_record(blue, 1)[0]):
            store.add_revision(record)
        store = reopen(store)
        rows = store.select(f"""SELECT ?cluster (MAX(?n) AS ?latest) WHERE {{
            GRAPH <{PROVENANCE_GRAPH}> {{ ?r <{BCIC.cluster}> ?cluster ;
                                             <{BCIC.revisionNumber}> ?n }}
            VALUES ?cluster {{ <{red}> <{blue}> }} }} GROUP BY ?cluster""")
        assert {(r["cluster"], int(str(r["latest"]))) for r in rows} == {(red, 2), (blue, 1)}
        assert [(i.cluster, i.number) for i in store.revisions()
                if i.cluster in (red, blue)] == sorted([(red, 1), (red, 2), (blue, 1)],
                                                       key=lambda p: (str(p[0]), p[1]))

    def test_deleted_revision_loses_its_graphs_and_provenance_and_others_stay(
            self, store: Store, reopen: Reopen) -> None:
        cluster, other = new_cluster(), new_cluster()
        first, _ = make_record(cluster, 1)
        second, second_info = make_record(cluster, 2, conforms=True, marker="second")
        neighbour, neighbour_info = make_record(other, 1, marker="neighbour")
        for record in (first, second, neighbour):
            store.add_revision(record)
        before = _count(store, PROVENANCE_GRAPH)
        deleter = f"评价员 B {uuid.uuid4().hex}"  # an agent new to a store other tests share
        day_of_deletion = datetime.now(timezone.utc).date().isoformat()
        assert store.delete_revision(cluster, 1, deleted_by=deleter) is True
        store = reopen(store)
        assert store.revisions(cluster) == [second_info]
        assert store.revisions(other) == [neighbour_info]
        assert len(store.named_graph(first.submission_graph)) == 0
        assert len(store.named_graph(first.report_graph)) == 0
        assert isomorphic(store.named_graph(second.submission_graph), second.submission)
        assert isomorphic(store.named_graph(second.report_graph), second.report)
        assert isomorphic(store.named_graph(neighbour.submission_graph), neighbour.submission)
        # The block went (with the write that stored it: prov:wasGeneratedBy, and the write's
        # type, time, two files used and submitter), and with it the second revision's link to
        # it (there is no revision before the first to link to); its submitter's and files'
        # descriptions stay, as the second revision names them too; a five-triple tombstone
        # (type, cluster, number, time, activity) and the activity's and deleter's four came in.
        tombstone = {str(r["p"]) for r in store.select(
            f"SELECT ?p WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{first.submission_graph}> ?p ?o }} }}")}
        assert tombstone == {str(RDF.type), str(BCIC.cluster), str(BCIC.revisionNumber),
                             "http://www.w3.org/ns/prov#invalidatedAtTime",
                             "http://www.w3.org/ns/prov#wasInvalidatedBy"}
        own = len(list(first.provenance.triples((first.submission_graph, None, None))))
        assert _count(store, PROVENANCE_GRAPH) == before - (own + 1) - 5 - 1 + 5 + 4
        shared = {o for o in first.provenance.objects() if str(o).startswith("urn:bcic:")}
        assert len(shared) == 3 and all(
            store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{node}> ?p ?o }} }}")
            for node in shared)
        assert store.ask(f'ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?agent <{RDFS.label}> '
                         f'"{deleter}" }} }}')
        # The tombstone reads back as the refusals of an unknown revision quote it.
        deleted = store.select(tombstone_query(cluster, 1))
        assert [str(row["by"]) for row in deleted] == [deleter]
        assert str(deleted[0]["deleted"])[:10] in {day_of_deletion,
                                                   datetime.now(timezone.utc).date().isoformat()}
        assert store.select(tombstone_query(cluster, 2)) == []

    def test_a_deletion_keeps_its_reason_with_the_tombstone(
            self, store: Store, reopen: Reopen) -> None:
        """Why a revision was deleted is kept with its deletion (the invalidation's
        dcterms:description), lines, quotes and Chinese intact, with or without a name; a
        deletion made without one (an older store's) reads as having none."""
        cluster = new_cluster()
        for number in (1, 2, 3):
            store.add_revision(make_record(cluster, number)[0])
        reason = '第三方评估重复上传\n"副本" \\ 已核对 — see ticket #12'
        assert store.delete_revision(cluster, 1, deleted_by="评价员乙", reason=reason) is True
        assert store.delete_revision(cluster, 2, reason="wrong cluster") is True
        assert store.delete_revision(cluster, 3) is True
        store = reopen(store)
        assert [(d.number, d.by, d.reason) for d in deleted_revisions(store, cluster)] == [
            (1, "评价员乙", reason), (2, None, "wrong cluster"), (3, None, None)]

    def test_a_revision_names_its_write_files_and_submitter_as_prov_does(
            self, store: Store, reopen: Reopen) -> None:
        """The write that stored a revision is the PROV activity that generated it: ended when
        it was made, used the files the revision derives from, associated with its submitter;
        files and submitter by IRI, the same in every revision and in the report graph."""
        cluster = new_cluster()
        record, _info = make_record(cluster, 1)
        store.add_revision(record)
        store = reopen(store)
        rows = store.select(f"""SELECT ?file ?agent WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{
            <{record.submission_graph}> <{PROV.wasGeneratedBy}> ?write ;
                <{PROV.generatedAtTime}> ?time ; <{PROV.wasDerivedFrom}> ?file ;
                <{PROV.wasAttributedTo}> ?agent .
            ?write a <{PROV.Activity}> ; <{PROV.endedAtTime}> ?time ; <{PROV.used}> ?file ;
                <{PROV.wasAssociatedWith}> ?agent }} }}""")
        assert {(r["file"], r["agent"]) for r in rows} == {
            (file_entity_iri(name, digest), agent_iri("评价员 A"))
            for name, digest in (("a.ttl", "0" * 64), ("b.ttl", "f" * 64))}

    def test_deleting_the_last_revision_naming_a_file_or_submitter_drops_them(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record, info = lone_record(cluster)
        store.add_revision(record)
        shared = [agent_iri(str(info.submitter)), *(file_entity_iri(f.name, f.sha256)
                                                    for f in info.files)]
        assert all(store.ask(f"ASK {{ <{node}> ?p ?o }}") for node in shared)
        assert store.delete_revision(cluster, 1) is True
        store = reopen(store)
        assert not any(store.ask(f"ASK {{ <{node}> ?p ?o }}") for node in shared)

    def test_deleting_a_revision_that_is_not_stored_changes_nothing(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record, info = lone_record(cluster)
        store.add_revision(record)
        before = _count(store, PROVENANCE_GRAPH)
        assert store.delete_revision(cluster, 2) is False
        assert store.delete_revision(new_cluster(), 1) is False
        assert store.delete_revision(cluster, 1) is True
        assert store.delete_revision(cluster, 1) is False  # deleted already: a tombstone only
        store = reopen(store)
        assert store.revisions(cluster) == []
        # The block with its submitter and file, which no other revision names, and its write
        # (type, time, the file used, the submitter) went; a four-triple tombstone came.
        assert _count(store, PROVENANCE_GRAPH) == before - (len(record.provenance) + 1) - 4 + 4
        assert info not in store.revisions()

    def test_deleting_a_revision_keeps_one_latest_revision_and_its_summary_goes(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        records = [with_observations(make_record(cluster, n)[0]) for n in (1, 2, 3)]
        for record in records:
            store.add_revision(record)
        assert _summary(store, records[1].submission_graph)
        assert _actual_values(store, records[1].submission_graph)
        latest = (f"SELECT ?revision WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a "
                  f"<{BCIC.Revision}> ; <{BCIC.cluster}> <{cluster}> FILTER NOT EXISTS {{ "
                  f"?newer <{PROV.wasRevisionOf}> ?revision }} }} }}")
        assert store.delete_revision(cluster, 2) is True  # from the middle: 3 follows 1 now
        store = reopen(store)
        assert [r["revision"] for r in store.select(latest)] == [records[2].submission_graph]
        assert store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{records[2].submission_graph}> "
                         f"<{PROV.wasRevisionOf}> <{records[0].submission_graph}> }} }}")
        assert not _summary(store, records[1].submission_graph)
        assert not _actual_values(store, records[1].submission_graph)
        assert _actual_values(store, records[2].submission_graph)
        assert store.delete_revision(cluster, 3) is True  # the latest: 1 is the latest again
        store = reopen(store)
        assert [r["revision"] for r in store.select(latest)] == [records[0].submission_graph]

    def test_number_of_a_deleted_revision_is_never_reused(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        for number in (1, 2):
            store.add_revision(make_record(cluster, number)[0])
        assert store.delete_revision(cluster, 2) is True
        store = reopen(store)
        again, _ = make_record(cluster, 2, marker="again")
        with pytest.raises(RevisionExistsError):
            store.add_revision(again)
        assert not store.ask('ASK { ?s <https://example.org/contract/marker> "again" }')
        assert store.highest_revision_number(cluster) == 2
        assert store.highest_revision_number(new_cluster()) is None

    def test_added_revision_writes_its_summary_block(self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        first, _ = make_record(cluster, 1)
        second, _ = make_record(cluster, 2, conforms=True, marker="second")
        store.add_revision(first)
        store.add_revision(second)
        store = reopen(store)
        assert _summary(store, first.submission_graph) == {
            (str(BCIC.clusterLabel), Literal("集群 first", lang="zh").n3()),
            (str(BCIC.crisisWarningSystemCount), Literal(0).n3()),
            (str(BCIC.failsRequirement), "<https://w3id.org/bcic/req/gbt-draft/8.2.6>"),
            *_counts(0, 0, 1)}
        assert _summary(store, second.submission_graph) == {
            (str(BCIC.clusterLabel), Literal("集群 second", lang="zh").n3()),
            (str(BCIC.crisisWarningSystemCount), Literal(0).n3()), *_counts(1, 0, 1)}

    def test_rebuilt_summary_equals_the_blocks_written_with_the_revisions(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        records = [make_record(cluster, 1)[0],
                   make_record(cluster, 2, conforms=True, marker="second")[0]]
        warned = Graph()
        warned += records[1].submission
        warned.add((EX[f"warning-{cluster.split('-')[-1]}"], RDF.type, BCIC.CrisisWarningSystem))
        records.append(RevisionRecord(cluster, 3, warned, records[1].report, provenance_graph(
            make_record(cluster, 3, conforms=True)[1], 2)))
        records[1] = with_observations(records[1])
        for record in records:
            store.add_revision(record)
        written = [_summary(store, r.submission_graph) for r in records]
        values = [_actual_values(store, r.submission_graph) for r in records]
        assert (str(BCIC.crisisWarningSystemCount), Literal(1).n3()) in written[2]
        # 9.3.2: the revision's own actual values only, by year and unit
        root = ("https://w3id.org/bcic/graph/actual-values/"
                "https%3A%2F%2Fw3id.org%2Fbcic%2Findicator%2FIndustryScale")
        assert values[1] == {(f"{root}/2023/%E4%BA%BF%E5%85%83", "2023", "亿元", "81.5"),
                             (f"{root}/2024", "2024", "", "82")}
        assert not values[0] and not values[2]
        shall_level_rules(store, "8.2.6")
        store.rebuild_summary()
        store = reopen(store)
        assert [_summary(store, r.submission_graph) for r in records] == written
        assert [_actual_values(store, r.submission_graph) for r in records] == values
        assert summary_current(store)

    def test_rebuild_brings_a_revision_stored_under_the_old_rate_to_met_over_applicable(
            self, store: Store, reopen: Reopen) -> None:
        # Stored before the rate had its counts: a report of one met and one pending shall-level
        # requirement, and a provenance block whose rate counted the pending one as met (1.0).
        cluster = new_cluster()
        record, info = make_record(cluster, 1, conforms=True)
        report = Graph()
        for rid, outcome in (("8.2.6", EARL.passed), ("4.3.2", EARL.cantTell),
                             ("9.2.2", EARL.inapplicable)):
            assertion, result = BNode(), BNode()
            report.add((assertion, RDF.type, EARL.Assertion))
            report.add((assertion, EARL.test, REQ[rid]))
            report.add((assertion, EARL.result, result))
            report.add((result, EARL.outcome, outcome))
        provenance = provenance_graph(info, None)
        provenance.add((info.submission_graph, BCIC.conformanceRate,
                        Literal(Decimal("1.0"), datatype=XSD.decimal)))
        store.add_revision(RevisionRecord(cluster, 1, record.submission, report, provenance))
        assert store.revisions(cluster)[0].rate is None  # no counts until rebuilt
        shall_level_rules(store, "8.2.6", "4.3.2")
        store.rebuild_summary()
        store = reopen(store)
        assert store.revisions(cluster)[0].rate == Rate(met=1, total=2, pending=1)
        assert not store.ask(f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{info.submission_graph}> "
                             f"<{BCIC.conformanceRate}> ?rate }} }}")


    def test_a_judgement_is_an_earl_assertion_in_its_own_graph_and_the_report_stays(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record = pending_record(cluster)
        store.add_revision(record)
        judged = judgement(cluster, met=True, note="现场查阅了评价记录")
        assert store.add_judgement(judged) is True
        store = reopen(store)
        graph = store.named_graph(judgements_graph_iri(cluster, 1))
        assertion = judged.iri
        assert (assertion, RDF.type, EARL.Assertion) in graph
        assert (assertion, EARL.mode, EARL.manual) in graph
        assert (assertion, EARL.test, REQ["9.4.2"]) in graph
        assert (assertion, EARL.subject, record.submission_graph) in graph
        assert (assertion, EARL.assertedBy, agent_iri("评价员 C")) in graph
        assert (agent_iri("评价员 C"), RDFS.label, Literal("评价员 C")) in graph
        result = graph.value(assertion, EARL.result)
        assert graph.value(result, EARL.outcome) == EARL.passed
        assert graph.value(result, DCTERMS.description) == Literal("现场查阅了评价记录", lang="zh")
        assert graph.value(assertion, DCTERMS.date) is not None
        assert isomorphic(store.named_graph(record.report_graph), record.report)
        assert (str(BCIC.judgedMet), REQ["9.4.2"].n3()) in _summary(store, record.submission_graph)
        [info] = store.revisions(cluster)
        assert info.conforms and info.rate == Rate(met=2, total=2, pending=0)

    def test_a_later_judgement_supersedes_the_earlier_which_stays(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record = pending_record(cluster)
        store.add_revision(record)
        first, second = judgement(cluster, met=True), judgement(cluster, met=False, note="无记录")
        assert store.add_judgement(first) and store.add_judgement(second)
        store = reopen(store)
        graph = store.named_graph(judgements_graph_iri(cluster, 1))
        assert set(graph.subjects(RDF.type, EARL.Assertion)) == {first.iri, second.iri}
        assert (second.iri, DCTERMS.replaces, first.iri) in graph
        assert (first.iri, DCTERMS.replaces, None) not in graph
        summary = _summary(store, record.submission_graph)
        assert (str(BCIC.judgedNotMet), REQ["9.4.2"].n3()) in summary
        assert (str(BCIC.judgedMet), REQ["9.4.2"].n3()) not in summary
        assert store.ask(f"ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{REQ['9.4.2']}> "
                         f"<{BCIC.normativeLevel}> <{BCIC.Shall}> }} }}")
        [info] = store.revisions(cluster)  # a judged gap
        assert not info.conforms and info.rate == Rate(met=1, total=2, pending=0)

    def test_judging_a_revision_that_is_not_stored_changes_nothing(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        store.add_revision(pending_record(cluster))
        assert store.add_judgement(judgement(cluster, met=True, number=2)) is False
        assert store.add_judgement(judgement(new_cluster(), met=True)) is False
        store = reopen(store)
        assert len(store.named_graph(judgements_graph_iri(cluster, 2))) == 0
        assert len(store.named_graph(judgements_graph_iri(cluster, 1))) == 0

    def test_deleting_a_revision_deletes_its_judgements_and_judged_facts(
            self, store: Store, reopen: Reopen) -> None:
        cluster = new_cluster()
        record = pending_record(cluster)
        store.add_revision(record)
        store.add_judgement(judgement(cluster, met=False, note="无记录"))
        assert store.delete_revision(cluster, 1) is True
        store = reopen(store)
        assert len(store.named_graph(judgements_graph_iri(cluster, 1))) == 0
        assert not _summary(store, record.submission_graph)

    def test_rebuilt_summary_gives_back_the_judged_facts(
            self, store: Store, reopen: Reopen) -> None:
        cluster, other = new_cluster(), new_cluster()
        records = [pending_record(cluster), pending_record(other)]
        for record in records:
            store.add_revision(record)
        store.add_judgement(judgement(cluster, met=True))
        store.add_judgement(judgement(other, met=False, note="无记录"))
        written = [_summary(store, r.submission_graph) for r in records]
        assert (str(BCIC.judgedMet), REQ["9.4.2"].n3()) in written[0]
        assert (str(BCIC.judgedNotMet), REQ["9.4.2"].n3()) in written[1]
        store.rebuild_summary()
        store = reopen(store)
        assert [_summary(store, r.submission_graph) for r in records] == written
