"""The provenance block of a revision (docs/store.md): written from, and read into, RevisionInfo.

Backend-neutral: any store writes `provenance_graph(info)` and reads with `revisions_query` and
`read_revisions`, so every backend answers `revisions()` the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD
from rdflib.term import Node

from ..errors import InputError
from ..namespaces import BCIC
from ..report import Rate
from ..timestamps import datetime_literal
from .guard import checked_iri
from .base import (PROVENANCE_GRAPH, SUMMARY_GRAPH, RevisionInfo, RevisionRecord, SourceFile,
                   agent_iri, file_entity_iri, submission_graph_iri)

_PREFIXES = f"""PREFIX bcic: <{BCIC}>
PREFIX prov: <{PROV}>
PREFIX rdfs: <{RDFS}>
PREFIX dcterms: <{DCTERMS}>
"""


# The headline rate's counts, from the summary graph (absent there until a store written before
# they existed is rebuilt: `bcic reindex`, or the next ingest), and the shall-level provisions
# the evaluator judged there (docs/store.md, "Judgements"), which `_info` counts in.
_RATE_COUNTS = f"""  OPTIONAL {{ GRAPH <{SUMMARY_GRAPH}> {{
    ?revision bcic:metCount ?met ; bcic:pendingReviewCount ?pending ; bcic:applicableCount ?applicable
  }} }}
  OPTIONAL {{ SELECT ?revision (COUNT(?metByJudgement) AS ?judgedMet) WHERE {{
    GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:judgedMet ?metByJudgement }} }} GROUP BY ?revision }}
  OPTIONAL {{ SELECT ?revision (COUNT(?unmetByJudgement) AS ?judgedNotMet) WHERE {{
    GRAPH <{SUMMARY_GRAPH}> {{ ?revision bcic:judgedNotMet ?unmetByJudgement }} }}
    GROUP BY ?revision }}"""


def provenance_graph(info: RevisionInfo, previous: int | None) -> Graph:
    """The provenance block describing one revision; prov:wasRevisionOf names revision
    `previous`, the cluster's latest stored one before it (None: there is none; after a
    deletion it need not be number − 1)."""
    g = Graph(bind_namespaces="none")
    for prefix, namespace in (("bcic", BCIC), ("prov", PROV), ("dcterms", DCTERMS),
                              ("rdfs", RDFS), ("xsd", XSD)):
        g.bind(prefix, namespace)
    revision = info.submission_graph
    g.add((revision, RDF.type, BCIC.Revision))
    g.add((revision, RDF.type, PROV.Entity))
    g.add((revision, BCIC.cluster, info.cluster))
    g.add((revision, BCIC.revisionNumber, Literal(info.number, datatype=XSD.integer)))
    g.add((revision, BCIC.reportGraph, info.report_graph))
    g.add((revision, BCIC.conforms, Literal(info.conforms)))
    g.add((revision, BCIC.rulebookVersion, Literal(info.rulebook_version)))
    if info.rulebook_digest is not None:
        g.add((revision, BCIC.rulebookDigest, Literal(info.rulebook_digest)))
    g.add((revision, PROV.generatedAtTime,
           datetime_literal(info.generated)))
    # The submitter and the files by IRI (docs/store.md): one agent for all a submitter stored,
    # and the entities the report graph's validation prov:used.
    if info.submitter is not None:
        agent = agent_iri(info.submitter)
        g.add((revision, PROV.wasAttributedTo, agent))
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, RDFS.label, Literal(info.submitter)))
    for source in info.files:
        entity = file_entity_iri(source.name, source.sha256)
        g.add((revision, PROV.wasDerivedFrom, entity))
        g.add((entity, RDF.type, PROV.Entity))
        g.add((entity, DCTERMS.title, Literal(source.name)))
        g.add((entity, BCIC.sha256, Literal(source.sha256)))
    if previous is not None:
        g.add((revision, PROV.wasRevisionOf, submission_graph_iri(info.cluster, previous)))
    return g


def revisions_query(cluster: URIRef | None = None) -> str:
    """A SELECT over the provenance graph: one row per revision × file (see read_revisions).

    Two shapes for Oxigraph's optimiser (checker/queries/README.md). For one cluster, its VALUES
    inside the graph block before the patterns it binds, and every OPTIONAL one pattern (or a
    path) deep, so that its revisions are looked up, not every revision read; for all of them,
    plain groups that Oxigraph reads whole and joins by hash.
    """
    if cluster is None:
        return _PREFIXES + f"""SELECT ?revision ?cluster ?number ?report ?conforms ?met ?pending ?applicable ?version
       ?judgedMet ?judgedNotMet ?digest ?generated ?submitter ?title ?sha WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{
    ?revision a bcic:Revision ; bcic:cluster ?cluster ; bcic:revisionNumber ?number ;
      bcic:reportGraph ?report ; bcic:conforms ?conforms ;
      bcic:rulebookVersion ?version ; prov:generatedAtTime ?generated .
    OPTIONAL {{ ?revision bcic:rulebookDigest ?digest }}
    OPTIONAL {{ ?revision prov:wasAttributedTo ?agent . ?agent rdfs:label ?submitter }}
    OPTIONAL {{ ?revision prov:wasDerivedFrom ?file . ?file dcterms:title ?title ;
                bcic:sha256 ?sha }}
  }}
{_RATE_COUNTS}
}}"""
    return _PREFIXES + f"""SELECT ?revision ?cluster ?number ?report ?conforms ?met ?pending ?applicable ?version
       ?judgedMet ?judgedNotMet ?digest ?generated ?submitter ?title ?sha WHERE {{
  GRAPH <{PROVENANCE_GRAPH}> {{
    VALUES ?cluster {{ <{checked_iri(cluster)}> }}
    ?revision bcic:cluster ?cluster ; a bcic:Revision ; bcic:revisionNumber ?number ;
      bcic:reportGraph ?report ; bcic:conforms ?conforms ;
      bcic:rulebookVersion ?version ; prov:generatedAtTime ?generated .
    OPTIONAL {{ ?revision bcic:rulebookDigest ?digest }}
    OPTIONAL {{ ?revision prov:wasAttributedTo/rdfs:label ?submitter }}
    OPTIONAL {{
      ?revision prov:wasDerivedFrom ?file
      OPTIONAL {{ ?file dcterms:title ?title }}
      OPTIONAL {{ ?file bcic:sha256 ?sha }}
    }}
  }}
{_RATE_COUNTS}
}}"""


def read_revisions(rows: Sequence[Mapping[str, Node]]) -> list[RevisionInfo]:
    """Group revisions_query rows into RevisionInfo by cluster, then number; files by name."""
    first: dict[Node, Mapping[str, Node]] = {}
    files: dict[Node, set[SourceFile]] = {}
    for row in rows:
        first.setdefault(row["revision"], row)
        found = files.setdefault(row["revision"], set())
        if "title" in row and "sha" in row:
            found.add(SourceFile(str(row["title"]), str(row["sha"])))
    infos = [_info(row, files[revision]) for revision, row in first.items()]
    return sorted(infos, key=lambda i: (str(i.cluster), i.number))


def _info(row: Mapping[str, Node], files: set[SourceFile]) -> RevisionInfo:
    submitter, digest = row.get("submitter"), row.get("digest")
    return RevisionInfo(
        cluster=URIRef(str(row["cluster"])),
        number=int(str(row["number"])),
        submission_graph=URIRef(str(row["revision"])),
        report_graph=URIRef(str(row["report"])),
        conforms=str(row["conforms"]) in ("true", "1") and not _judged(row, "judgedNotMet"),
        rate=_rate(row),
        rulebook_version=str(row["version"]),
        generated=_datetime(row["generated"]),
        submitter=str(submitter) if submitter is not None else None,
        files=tuple(sorted(files, key=lambda f: (f.name, f.sha256))),
        rulebook_digest=str(digest) if digest is not None else None,  # None: stored before
    )


def _rate(row: Mapping[str, Node]) -> Rate | None:
    """The revision's rate from its summary counts, its judged provisions counted in (met, or
    neither met nor pending: a gap); None when the summary has none yet."""
    if not all(key in row for key in ("met", "pending", "applicable")):
        return None
    met, unmet = _judged(row, "judgedMet"), _judged(row, "judgedNotMet")
    return Rate(met=int(str(row["met"])) + met, total=int(str(row["applicable"])),
                pending=int(str(row["pending"])) - met - unmet)


def _judged(row: Mapping[str, Node], key: str) -> int:
    """How many shall-level provisions awaiting review the evaluator judged met or not met."""
    return int(str(row.get(key, 0)))


def _datetime(node: Node) -> datetime:
    """An xsd:dateTime literal as a datetime (a trailing Z read as UTC)."""
    return datetime.fromisoformat(str(node).replace("Z", "+00:00"))



def check_describes(revision: RevisionRecord) -> None:
    """Refuse a record whose provenance does not describe this cluster and number."""
    subject, provenance = revision.submission_graph, revision.provenance
    numbers = {str(o) for o in provenance.objects(subject, BCIC.revisionNumber)}
    if (subject, BCIC.cluster, revision.cluster) not in provenance or numbers != {
            str(revision.number)}:
        raise InputError.of("error.revision.provenance", number=revision.number,
                            cluster=revision.cluster, subject=subject)
