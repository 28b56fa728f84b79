"""Deleting a stored revision (docs/store.md): its graphs and provenance go, its number stays taken.

Backend-neutral text. A backend asks `revision_stored_query`, then runs `removal_operations`
followed by an INSERT DATA of `tombstone_graph` (in its own syntax) as one update request, which
the store applies whole or not at all. The tombstone — the revision's IRI with its cluster,
number and the time it was deleted, but no `a bcic:Revision` — keeps the number taken: ingest
numbers after it, and `add_revision` refuses it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD
from rdflib.term import Node

from ..namespaces import BCIC
from ..timestamps import datetime_literal
from .base import (PROVENANCE_GRAPH, SHARED_ROOT, SUMMARY_GRAPH, agent_iri, report_graph_iri,
                   submission_graph_iri)
from .guard import checked_iri
from .judgements import judgements_graph_iri
from .sparql_terms import SKOLEM_ROOT


def revision_stored_query(cluster: URIRef, number: int) -> str:
    """ASK whether the revision is stored (a tombstone does not count)."""
    revision = submission_graph_iri(checked_iri(str(cluster)), number)
    return (f"ASK {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{revision}> a <{BCIC.Revision}> ; "
            f"<{BCIC.cluster}> <{cluster}> }} }}")


def removal_operations(cluster: URIRef, number: int) -> str:
    """Update operations that drop the revision's graphs (submission, report, judgements), its
    summary blocks (the index of the actual-values graphs stays: it names graphs, not
    revisions) and its provenance block (the block's own blank nodes, the write that generated
    it, and its submitter and files unless another revision or deletion names them too), and
    make the revision after it a revision of the one before it, so that "the latest revision" (the one no other names in
    prov:wasRevisionOf) stays one per cluster; each ends with ` ;`."""
    revision = submission_graph_iri(checked_iri(str(cluster)), number)
    report = report_graph_iri(cluster, number)
    judgements = judgements_graph_iri(cluster, number)
    # A remote store keeps blank nodes as Skolem IRIs (sparql_terms): they count as blank here.
    own = f'(isBlank(?node) || STRSTARTS(STR(?node), "{SKOLEM_ROOT}"))'
    return f"""DROP SILENT GRAPH <{revision}> ;
DROP SILENT GRAPH <{report}> ;
DROP SILENT GRAPH <{judgements}> ;
DELETE {{ GRAPH ?values {{ <{revision}> ?p ?o }} }}
WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?indicator <{BCIC.actualValuesGraph}> ?values }}
        GRAPH ?values {{ <{revision}> ?p ?o }} }} ;
DELETE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{revision}> ?p ?o }} }}
WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{revision}> ?p ?o }} }} ;
INSERT {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?next <{PROV.wasRevisionOf}> ?previous }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{
  ?next <{PROV.wasRevisionOf}> <{revision}> . <{revision}> <{PROV.wasRevisionOf}> ?previous
}} }} ;
DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?next <{PROV.wasRevisionOf}> <{revision}> }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?next <{PROV.wasRevisionOf}> <{revision}> }} }} ;
DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?node ?p ?o }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{revision}> ?link ?node . ?node ?p ?o . FILTER {own} }} }} ;
DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?write ?p ?o }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{revision}> <{PROV.wasGeneratedBy}> ?write . ?write ?p ?o }} }} ;
DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?node ?p ?o }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{
  <{revision}> ?link ?node . ?node ?p ?o . FILTER STRSTARTS(STR(?node), "{SHARED_ROOT}")
  FILTER NOT EXISTS {{ ?other ?uses ?node FILTER (?other != <{revision}>) }}
}} }} ;
DELETE {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{revision}> ?p ?o }} }}
WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{revision}> ?p ?o }} }} ;
"""


def tombstone_graph(cluster: URIRef, number: int, deleted: datetime,
                    deleted_by: str | None = None, reason: str | None = None) -> Graph:
    """What the provenance graph keeps of a deleted revision: enough to never reuse its number,
    and the deletion (an activity) with who deleted it and why (its dcterms:description), where
    given."""
    revision = submission_graph_iri(cluster, number)
    g = Graph()
    g.add((revision, RDF.type, PROV.Entity))
    g.add((revision, BCIC.cluster, cluster))
    g.add((revision, BCIC.revisionNumber, Literal(number, datatype=XSD.integer)))
    g.add((revision, PROV.invalidatedAtTime, datetime_literal(deleted)))
    if deleted_by is None and reason is None:
        return g
    activity = BNode()
    g.add((revision, PROV.wasInvalidatedBy, activity))
    g.add((activity, RDF.type, PROV.Activity))
    if reason is not None:
        g.add((activity, DCTERMS.description, Literal(reason)))
    if deleted_by is not None:
        agent = agent_iri(deleted_by)
        g.add((activity, PROV.wasAssociatedWith, agent))
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, RDFS.label, Literal(deleted_by)))
    return g


def _deletion_patterns(revision: str) -> str:
    """OPTIONAL patterns binding ?by and ?reason: who deleted `revision` (a SPARQL term) and
    why, where its tombstone says (a deletion made before reasons were kept has none)."""
    return (f"OPTIONAL {{ {revision} <{PROV.wasInvalidatedBy}> ?activity . "
            f"?activity <{PROV.wasAssociatedWith}> ?agent . ?agent <{RDFS.label}> ?by }} "
            f"OPTIONAL {{ {revision} <{PROV.wasInvalidatedBy}> ?deletion . "
            f"?deletion <{DCTERMS.description}> ?reason }}")


def tombstone_query(cluster: URIRef, number: int) -> str:
    """SELECT ?deleted ?by ?reason: when the revision was deleted and, where known, by whom and
    why (its tombstone); no row when it was never deleted."""
    revision = submission_graph_iri(checked_iri(str(cluster)), number)
    return (f"SELECT ?deleted ?by ?reason WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ "
            f"<{revision}> <{BCIC.cluster}> <{cluster}> ; <{PROV.invalidatedAtTime}> ?deleted "
            f"{_deletion_patterns(f'<{revision}>')} }} }} LIMIT 1")


def tombstones_query(cluster: URIRef) -> str:
    """SELECT ?number ?deleted ?by ?reason: every deleted revision of the cluster (its
    tombstone), when it was deleted and, where known, by whom and why, by number."""
    cluster = checked_iri(str(cluster))
    return (f"SELECT ?number ?deleted ?by ?reason WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ "
            f"?revision <{BCIC.cluster}> <{cluster}> ; <{BCIC.revisionNumber}> ?number ; "
            f"<{PROV.invalidatedAtTime}> ?deleted {_deletion_patterns('?revision')} }} }} "
            f"ORDER BY ?number")


def every_tombstone_query() -> str:
    """SELECT ?cluster ?number ?deleted ?by ?reason: every deleted revision of every cluster,
    as `tombstones_query` gives one cluster's."""
    return (f"SELECT ?cluster ?number ?deleted ?by ?reason WHERE {{ GRAPH <{PROVENANCE_GRAPH}> "
            f"{{ ?revision <{BCIC.cluster}> ?cluster ; <{BCIC.revisionNumber}> ?number ; "
            f"<{PROV.invalidatedAtTime}> ?deleted {_deletion_patterns('?revision')} }} }} "
            f"ORDER BY ?cluster ?number")


def highest_number_query(cluster: URIRef) -> str:
    """SELECT ?highest: the cluster's highest revision number, stored or deleted (none: unbound)."""
    return (f"SELECT (MAX(?number) AS ?highest) WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ "
            f"?revision <{BCIC.cluster}> <{checked_iri(str(cluster))}> ; "
            f"<{BCIC.revisionNumber}> ?number }} }}")


def read_highest_number(rows: Sequence[Mapping[str, Node]]) -> int | None:
    """The number highest_number_query found (None: the cluster never had a revision)."""
    highest = rows[0].get("highest") if rows else None
    return int(str(highest)) if highest is not None else None
