"""The summary graph (docs/store.md): the few facts per revision that cross-cluster queries need.

Derived, never edited by hand: `summary_graph(revision)` is the block a revision adds, written in
the same atomic call as the revision itself, and `REBUILD_SUMMARY` recomputes the whole graph from
the stored revisions with one SPARQL update, for a store written before the summary existed or
under another SUMMARY_VERSION. The two must agree; the store contract tests compare them. Like
every other graph of a revision, a block is added and never changed.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.term import Node

from ..namespaces import BCIC
from .base import PROVENANCE_GRAPH, SUMMARY_GRAPH, RevisionRecord, Store

EARL = Namespace("http://www.w3.org/ns/earl#")
# Raise it whenever the facts below change: `ensure_summary` then rebuilds stored summaries.
SUMMARY_VERSION = "1"


def summary_graph(revision: RevisionRecord) -> Graph:
    """The summary block of one revision (its subject is the revision's submission graph IRI).

    - bcic:clusterLabel: every literal rdfs:label the submission gives its cluster;
    - bcic:crisisWarningSystemCount: how many bcic:CrisisWarningSystem nodes it holds;
    - bcic:failsRequirement: every requirement an earl:Assertion of the report records failed.
    """
    graph = Graph(bind_namespaces="none")
    subject = revision.submission_graph
    for label in revision.submission.objects(revision.cluster, RDFS.label):
        if isinstance(label, Literal):
            graph.add((subject, BCIC.clusterLabel, label))
    systems = set(revision.submission.subjects(RDF.type, BCIC.CrisisWarningSystem))
    graph.add((subject, BCIC.crisisWarningSystemCount, Literal(len(systems))))
    for requirement in failed_requirements(revision.report):
        graph.add((subject, BCIC.failsRequirement, requirement))
    return graph


def failed_requirements(report: Graph) -> set[Node]:
    """The earl:test of every earl:Assertion whose earl:result has earl:outcome earl:failed."""
    found: set[Node] = set()
    for assertion in report.subjects(RDF.type, EARL.Assertion):
        if any((result, EARL.outcome, EARL.failed) in report
               for result in report.objects(assertion, EARL.result)):
            found.update(report.objects(assertion, EARL.test))
    return found


# The same facts for every stored revision, then the version marker; one update, so a store
# applies it whole or not at all. Plain SPARQL 1.1 (no BIND(EXISTS …)), which Virtuoso also runs.
REBUILD_SUMMARY = f"""PREFIX bcic: <{BCIC}>
PREFIX earl: <{EARL}>
PREFIX rdfs: <{RDFS}>
DROP SILENT GRAPH <{SUMMARY_GRAPH}> ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:clusterLabel ?label }} }}
WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:cluster ?cluster }}
  GRAPH ?revision {{ ?cluster rdfs:label ?label }}
  FILTER(isLiteral(?label))
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:crisisWarningSystemCount ?systems }} }}
WHERE {{
  SELECT ?revision (COUNT(DISTINCT ?system) AS ?systems)
  WHERE {{
    GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision }}
    OPTIONAL {{ GRAPH ?revision {{ ?system a bcic:CrisisWarningSystem }} }}
  }}
  GROUP BY ?revision
}} ;
INSERT {{ GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:failsRequirement ?requirement }} }}
WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{ ?revision a bcic:Revision ; bcic:reportGraph ?report }}
  GRAPH ?report {{
    ?result earl:outcome earl:failed .
    ?assertion earl:result ?result ; a earl:Assertion ; earl:test ?requirement .
  }}
}} ;
INSERT DATA {{
  GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> bcic:summaryVersion "{SUMMARY_VERSION}" }}
}}
"""


def summary_current(store: Store) -> bool:
    """Whether the store's summary graph was built under this SUMMARY_VERSION."""
    return store.ask(f'ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> '
                     f'<{BCIC.summaryVersion}> "{SUMMARY_VERSION}" }} }}')


def ensure_summary(store: Store) -> bool:
    """Rebuild the summary graph unless it is current; whether it was rebuilt."""
    if summary_current(store):
        return False
    store.rebuild_summary()
    return True


__all__ = ["REBUILD_SUMMARY", "SUMMARY_GRAPH", "SUMMARY_VERSION", "ensure_summary",
           "failed_requirements", "summary_current", "summary_graph"]
