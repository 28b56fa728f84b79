"""A rulebook changed as a standards body might change it between two versions, for tests of
what a store made under the running rulebook shows once another one runs (a rule maintainer's
review of the rulebook's life): 9.4.2 renumbered 9.4.3, under version 0.2.0."""

from __future__ import annotations

from dataclasses import replace
from hashlib import sha256
from pathlib import Path

from rdflib import Graph, Literal

from checker.ingest import (check_submission, ingest_files, load_rules_into,
                            publish_for_queries, stored_file_name)
from checker.loading import read_submission_files
from checker.namespaces import BCIC, REQ
from checker.paths import EXAMPLES_DIR
from checker.render.turtle import report_graph
from checker.rulebook import SH, Rulebook, clause_sort_key, load_rulebook
from checker.store import ONTOLOGY_GRAPH, SHAPES_GRAPH, open_store
from checker.store.base import (RevisionInfo, RevisionRecord, SourceFile, report_graph_iri,
                                submission_graph_iri)
from checker.store.provenance import provenance_graph
from checker.store.summary import ensure_summary

RENAMED, RENAMED_TO = "9.4.2", "9.4.3"
CHANGED_VERSION = "0.2.0"


def renumbered_rulebook() -> Rulebook:
    """The running rulebook with 9.4.2 renumbered 9.4.3 (its shapes, their links and the clause
    their messages cite with it), as version 0.2.0: rule files of their own, so a digest of its
    own, and no mistake `bcic rules coverage` would name (the checker judges with no other)."""
    running = load_rulebook()
    assert running.version != CHANGED_VERSION
    moved = replace(running.requirements[RENAMED], id=RENAMED_TO, iri=REQ[RENAMED_TO],
                    clause=RENAMED_TO)
    requirements = {rid: r for rid, r in running.requirements.items() if rid != RENAMED}
    requirements[RENAMED_TO] = moved
    shapes = Graph()
    for s, p, o in running.shapes_graph:
        if o == REQ[RENAMED]:
            o = REQ[RENAMED_TO]
        elif p == SH.message and isinstance(o, Literal):
            o = Literal(str(o).replace(RENAMED, RENAMED_TO), lang=o.language)
        shapes.add((s, p, o))
    return replace(
        running, version=CHANGED_VERSION, digest=sha256(running.digest.encode()).hexdigest(),
        requirements=dict(sorted(requirements.items(), key=lambda item: clause_sort_key(item[0]))),
        shapes_graph=shapes,
        shape_requirements={shape: RENAMED_TO if rid == RENAMED else rid
                            for shape, rid in running.shape_requirements.items()})


def renumbered_rule_graphs(ontology: Graph) -> Graph:
    """A store's ontology graph with 9.4.2 renumbered 9.4.3, as `bcic rules reload` of the
    changed rule files would store it."""
    old, new = REQ[RENAMED], REQ[RENAMED_TO]
    changed = Graph()
    for s, p, o in ontology:
        changed.add((new if s == old else s, p, new if o == old else o))
    return changed


def store_across_a_rule_change(path: Path) -> None:
    """A directory store of Datang and Dehua judged under the running rulebook, then Datang
    again, unchanged, under the renumbered one (0.2.0): its revision 2 closes 9.4.2 and opens
    9.4.3 because of the rules alone, and the latest revisions mix two rulebooks."""
    store = open_store("oxigraph", path=str(path))
    try:
        for sample in ("datang-socks.ttl", "dehua-ceramics.ttl"):
            ingest_files(store, [EXAMPLES_DIR / sample])
        ingest_files(store, [EXAMPLES_DIR / "datang-socks.ttl"], rulebook=renumbered_rulebook())
        publish_for_queries(store)
    finally:
        store.close()


def store_an_older_report_of_withdrawn_rules(path: Path, *, archived: bool) -> RevisionInfo:
    """A directory store whose one revision, Datang's, was judged under the renumbered rulebook
    (0.2.0, whose 9.4.3 the running rulebook lacks) and stored as an older bcic stored reports,
    stating no provision's text; then the running rulebook's rule graphs replace 0.2.0's
    (`archived`: the store held them, and the reload archives them), or are its first."""
    store = open_store("oxigraph", path=str(path))
    try:
        renumbered = renumbered_rulebook()
        if archived:  # the store's rule graphs are 0.2.0's, renumbered as its files would be
            load_rules_into(store, renumbered)
            store.load_rules(renumbered_rule_graphs(store.named_graph(ONTOLOGY_GRAPH)),
                             renumbered_rule_graphs(store.named_graph(SHAPES_GRAPH)))
        ensure_summary(store)
        files = read_submission_files([EXAMPLES_DIR / "datang-socks.ttl"])
        checked = check_submission(files, rulebook=renumbered)
        report = report_graph(checked.report)
        report.remove((None, BCIC.provisionText, None))

        def info(number: int) -> RevisionInfo:
            return RevisionInfo(checked.cluster, number,
                                submission_graph_iri(checked.cluster, number),
                                report_graph_iri(checked.cluster, number),
                                checked.report.conforms, checked.report.overall,
                                renumbered.version, checked.report.created, None,
                                (SourceFile(stored_file_name(files[0].name), checked.report.sha256[0]),),
                                renumbered.digest)

        stored = store.add_next_revision(checked.cluster, lambda number, previous: RevisionRecord(
            checked.cluster, number, checked.data, report,
            provenance_graph(info(number), previous)))
        load_rules_into(store, load_rulebook())
        publish_for_queries(store)
        return info(stored.number)
    finally:
        store.close()
