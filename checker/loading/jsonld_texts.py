"""Strings a JSON-LD context reads as references (`"@type": "@id"`: org:role, bcic:basedOn,
prov:wasAttributedTo, bcic:covers in the shipped context) that are texts the author wrote.

Such a string is a relative IRI, resolved against the loader's hidden base
(`SUBMISSION_BASE_IRI`): `"org:role": "行业企业"` would reach the shapes as an IRI nobody can read,
and `"bcic:basedOn": "Liling brand strategy 2024"` (a space: no IRI) would be dropped by the
parser. A resolved IRI that no statement of the submission describes, and that the file writes
as a JSON string, is read as that text, as Turtle's `org:role "行业企业"` is: the report then
says a text was given where a record or term is asked, how to refer to one, and where the text is
written (9.1.1, 4.1; docs/evidence.md, "A submission in JSON-LD"). An IRI some statement describes
(`"@id": "body"` beside `"prov:wasAttributedTo": "body"`) stays a reference; a type
(`"@type": "Membership"`) stays a term, which the unknown terms' notes name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

# A statement whose value may be a text written where a reference is read: subject (a record's
# IRI, or a blank node: a JSON-LD object without "@id"), predicate, the value as resolved, the
# text as written.
TextCandidate = tuple[Node, URIRef, URIRef, str]


def written_text(iri: str, base: str, source: str, predicate: str) -> str | None:
    """The text a string resolved against `base` was written as, where `source` writes it as a
    JSON string (the resolution changed nothing else: no `./`, `../`, `#` or `?` read), and it is
    the value of a property, not a type; None for any other IRI."""
    if predicate == str(RDF.type) or not iri.startswith(base) or len(iri) == len(base):
        return None
    text = iri[len(base):]
    written = json.dumps(text, ensure_ascii=False)
    return text if written in source or json.dumps(text) in source else None


def texts_for_undescribed(graph: Graph, candidates: Iterable[TextCandidate]) -> None:
    """Read each candidate's value as its text where no statement of the whole submission
    describes the IRI it was resolved to (a record of another file may be described there)."""
    for subject, predicate, iri, text in candidates:
        if (iri, None, None) not in graph:
            graph.remove((subject, predicate, iri))
            graph.add((subject, predicate, Literal(text)))
