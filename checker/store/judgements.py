"""An evaluator's judgements of a stored revision (docs/store.md, "Judgements"): backend-neutral.

A judgement is an EARL assertion made by a person (`earl:mode earl:manual`) on one provision the
revision's report leaves to the evaluator. The judgements of a revision live in a named graph
of their own, `judgements_graph_iri`, beside the report graph, which is never changed. Nothing
is overwritten: a later judgement of the same provision names the one it supersedes
(`dcterms:replaces`), and the one no other replaces counts, as the latest revision is the one no
other names in prov:wasRevisionOf. A backend, holding its lock (or the cluster's turn), asks
`revision_stored_query` (deletion.py), reads the provision's current judgement with
`current_query`, then writes `judgement_graph` with `judged_summary_update` as one update.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from ..timestamps import datetime_literal
from ..judgements import add_command_line
from .base import GRAPH_ROOT, agent_iri, cluster_key, submission_graph_iri
from .guard import checked_iri
from .summary import EARL, judged_facts_update


def judgements_graph_iri(cluster: URIRef, number: int) -> URIRef:
    """The named graph of the evaluator's judgements of revision `number` of `cluster`."""
    return URIRef(f"{GRAPH_ROOT}judgements/{cluster_key(cluster)}/{number}")


@dataclass(frozen=True)
class JudgementRecord:
    """One judgement to store: an evaluator's verdict on one provision of one revision."""

    cluster: URIRef
    number: int
    requirement: URIRef  # the provision's IRI (req:…), the assertion's earl:test
    met: bool
    made: datetime
    note: Literal | None = None  # the rationale, with its language tag; required when not met
    by: str | None = None  # who judged, named as submitters are (docs/store.md)
    from_command_line: bool = False  # recorded through `bcic judge`, not the web app
    iri: URIRef = field(default_factory=lambda: URIRef(f"urn:uuid:{uuid.uuid4()}"))

    @property
    def graph(self) -> URIRef:
        """The revision's judgements graph."""
        return judgements_graph_iri(self.cluster, self.number)

    @property
    def revision(self) -> URIRef:
        """The revision judged (its submission graph's IRI, as the provenance names it)."""
        return submission_graph_iri(self.cluster, self.number)


def judgement_graph(record: JudgementRecord, replaces: Sequence[Node] = ()) -> Graph:
    """The triples of one judgement: the assertion, its result and its assessor, naming the
    judgements of the same provision it supersedes (`replaces`)."""
    g = Graph(bind_namespaces="none")
    assertion, result = record.iri, URIRef(f"urn:uuid:{uuid.uuid4()}")
    g.add((assertion, RDF.type, EARL.Assertion))
    g.add((assertion, EARL.mode, EARL.manual))
    g.add((assertion, EARL.test, record.requirement))
    g.add((assertion, EARL.subject, record.revision))
    g.add((assertion, EARL.result, result))
    g.add((assertion, DCTERMS.date, datetime_literal(record.made)))
    g.add((assertion, PROV.generatedAtTime, datetime_literal(record.made)))
    for earlier in replaces:
        g.add((assertion, DCTERMS.replaces, earlier))
    if record.by is not None:
        agent = agent_iri(record.by)
        g.add((assertion, EARL.assertedBy, agent))
        for kind in (EARL.Assertor, PROV.Agent):
            g.add((agent, RDF.type, kind))
        g.add((agent, RDFS.label, Literal(record.by)))
    if record.from_command_line:
        add_command_line(g, assertion)
    g.add((result, RDF.type, EARL.TestResult))
    g.add((result, EARL.outcome, EARL.passed if record.met else EARL.failed))
    if record.note is not None:
        g.add((result, DCTERMS.description, record.note))
    return g


def current_query(record: JudgementRecord) -> str:
    """SELECT ?judgement: the provision's judgements of this revision that no other supersedes
    (one, unless two were written at once; none before the first)."""
    graph = checked_iri(str(record.graph))
    return (f"SELECT ?judgement WHERE {{ GRAPH <{graph}> {{ ?judgement a <{EARL.Assertion}> ; "
            f"<{EARL.test}> <{checked_iri(str(record.requirement))}> . FILTER NOT EXISTS "
            f"{{ ?later <{DCTERMS.replaces}> ?judgement }} }} }}")


def current_judgements(rows: Sequence[Mapping[str, Node]]) -> list[Node]:
    """The judgements `current_query` found."""
    return [row["judgement"] for row in rows if "judgement" in row]


def stored_query(record: JudgementRecord) -> str:
    """ASK whether the judgement is stored (a remote store reads its write back)."""
    return (f"ASK {{ GRAPH <{checked_iri(str(record.graph))}> {{ "
            f"<{record.iri}> a <{EARL.Assertion}> }} }}")


def judged_summary_update(record: JudgementRecord) -> str:
    """The update operations, after the judgement is inserted, that give the revision's summary
    block its judged facts afresh (summary.py): the same text a rebuild runs."""
    return judged_facts_update([record.revision])
