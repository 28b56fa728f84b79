"""Numbering a cluster's next revision (docs/store.md), the same way on every backend: one past the
highest number the cluster ever had (deleted ones included), naming its latest stored revision in
prov:wasRevisionOf; and the write token that each stored revision's provenance block names.

A backend calls `next_record` only while no other writer can write the cluster (the embedded
store under its lock, the remote store in the cluster's turn, checker/store/turns.py): the number
and the revision it names stay true until the record is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from rdflib import RDF, URIRef
from rdflib.namespace import PROV

from ..errors import NoAnswerError
from .base import PROVENANCE_GRAPH, MakeRecord, RevisionRecord, Store, Triple
from .provenance import check_describes

# Numbers tried past the highest when one is found taken (graphs left without provenance).
NUMBER_ATTEMPTS = 5


def write_token() -> URIRef:
    """A fresh IRI naming one write: the revision it stores names it in prov:wasGeneratedBy."""
    return URIRef(f"urn:uuid:{uuid.uuid4()}")


def token_triples(revision: RevisionRecord, token: URIRef) -> list[Triple]:
    """The provenance triples naming the write that stored the revision, and describing it as
    the PROV activity that generated it: ended when the revision was made, used its files,
    associated with its submitter (each as the revision's provenance block names them)."""
    provenance, subject = revision.provenance, revision.submission_graph
    return [(subject, PROV.wasGeneratedBy, token), (token, RDF.type, PROV.Activity),
            *((token, PROV.endedAtTime, t) for t in provenance.objects(subject,
                                                                        PROV.generatedAtTime)),
            *((token, PROV.used, f) for f in provenance.objects(subject, PROV.wasDerivedFrom)),
            *((token, PROV.wasAssociatedWith, a)
              for a in provenance.objects(subject, PROV.wasAttributedTo))]


def next_record(store: Store, cluster: URIRef, make: MakeRecord,
                taken: Callable[[RevisionRecord], bool]) -> RevisionRecord:
    """The record of the cluster's next revision, numbered one past the highest number it ever
    had and naming its latest stored revision; past a number `taken` finds used, up to
    NUMBER_ATTEMPTS numbers, then NoAnswerError (exit 4: try again)."""
    first = (store.highest_revision_number(cluster) or 0) + 1
    previous = max((r.number for r in store.revisions(cluster)), default=None)
    for number in range(first, first + NUMBER_ATTEMPTS):
        record = make(number, previous)
        check_describes(record)
        if not taken(record):
            return record
    raise NoAnswerError.of("error.revision.no_free_number", cluster=cluster, first=first,
                           last=first + NUMBER_ATTEMPTS - 1)


def written_by_query(revision: RevisionRecord) -> str:
    """SELECT ?writer: the writes that the revision's provenance block names (one, when a single
    write stored it)."""
    return (f"SELECT ?writer WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ <{revision.submission_graph}> "
            f"<{PROV.wasGeneratedBy}> ?writer }} }}")
