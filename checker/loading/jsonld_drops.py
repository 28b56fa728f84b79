"""Refuse a JSON-LD document some of whose statements the parser would drop without a word.

JSON-LD's algorithms skip a statement whose IRI is invalid or relative (an `@id` with a space, a
key the `@context` does not map) or whose language tag is malformed, where Turtle and RDF/XML
refuse the file: the submitter would be told evidence is missing that they did give. A second,
lenient parse keeps those statements, so it finds more of them exactly when some were dropped.
A string the context reads as a reference, with a space (`"bcic:basedOn": "Liling brand strategy
2024"`), is no IRI but a text the author wrote (jsonld_texts.py): such a statement is kept, its
value the text (on a record named by "@id" or on a blank node), and the rest are refused.
"""

import json

import pyoxigraph
from rdflib import Literal, URIRef
from rdflib.term import Node

from .guards import SubmissionParseError, position_of_only
from .jsonld_texts import written_text


# The blank nodes of the statements a strict parse kept, by the statement's place in its order:
# subject and value (None where it is no blank node is not kept apart: the term itself).
KeptBlanks = dict[int, tuple[Node, Node]]


def texts_of_dropped(file: str, text: str, base: str, label: str, kept: int,
                     blanks: KeptBlanks | None = None) -> list[tuple[Node, URIRef, Literal]]:
    """The statements a strict parse dropped whose one invalid term is a value written as a text
    where the context reads a reference (jsonld_texts.written_text), with the text as their
    value; raise SubmissionParseError when a lenient parse finds any other statement more than
    the `kept` ones of the strict parse, naming the first invalid term, and where it is written
    if only once (a compact IRI or a term is written otherwise than it expands, and then has no
    position). A dropped statement of a blank node (an object without "@id") gets the strict
    parse's node: each parse names blank nodes anew, so the lenient parse's are matched to
    `blanks` by the order of the statements both keep."""
    lenient = pyoxigraph.parse(text, pyoxigraph.RdfFormat.JSON_LD, base_iri=base, lenient=True)
    dropped = sum(1 for _ in lenient) - kept
    if dropped <= 0:
        return []
    texts, others, order, same = [], [], 0, {}
    for quad in pyoxigraph.parse(text, pyoxigraph.RdfFormat.JSON_LD, base_iri=base, lenient=True):
        if (found := _invalid_term(quad)) is None:
            for ours, theirs in zip((quad.subject, quad.object), (blanks or {}).get(order, ())):
                if isinstance(ours, pyoxigraph.BlankNode):
                    same[ours.value] = theirs
            order += 1
            continue
        said = _said_as_text(quad, text, base) if found[1] == quad.object.value else None
        if said is not None:
            texts.append(said)
        else:
            others.append(found)
    texts = [(same.get(s.value, s) if isinstance(s, pyoxigraph.BlankNode) else s, p, o)
             for s, p, o in texts]
    if not others and len(texts) == dropped and order == kept and all(
            not isinstance(s, pyoxigraph.BlankNode) for s, _p, _o in texts):
        return texts
    found = next(iter(others), None)
    if found is None:
        raise SubmissionParseError(file, "jsonld_dropped", label=label, count=dropped)
    problem, value = found
    written = json.dumps(value, ensure_ascii=False)
    raise SubmissionParseError(file, problem, *position_of_only(text, written), label=label,
                               value=value, count=dropped - len(texts))


def _said_as_text(quad: pyoxigraph.Quad, text: str, base: str,
                  ) -> tuple[URIRef | pyoxigraph.BlankNode, URIRef, Literal] | None:
    """The statement with its value read as the text written, where only the value is invalid
    and is such a text (its subject a record's IRI, or a blank node, left for the caller to
    match); None otherwise."""
    subject, predicate = quad.subject, quad.predicate
    if not isinstance(subject, (pyoxigraph.NamedNode, pyoxigraph.BlankNode)) or not isinstance(
            quad.object, pyoxigraph.NamedNode):
        return None
    try:
        if isinstance(subject, pyoxigraph.NamedNode):
            pyoxigraph.NamedNode(subject.value)
        pyoxigraph.NamedNode(predicate.value)
    except ValueError:
        return None
    said = written_text(quad.object.value, base, text, predicate.value)
    if said is None:
        return None
    return (URIRef(subject.value) if isinstance(subject, pyoxigraph.NamedNode) else subject,
            URIRef(predicate.value), Literal(said))


def _invalid_term(quad: pyoxigraph.Quad) -> tuple[str, str] | None:
    """The kind of problem (a catalogue key under error.parse.) and the value, for the first term
    of the quad a strict parse refuses, else None."""
    terms = [quad.subject, quad.predicate, quad.object, quad.graph_name]
    if isinstance(quad.object, pyoxigraph.Literal):
        terms.append(quad.object.datatype)
        if (language := quad.object.language) is not None:
            try:
                pyoxigraph.Literal("", language=language)
            except ValueError:
                return "jsonld_dropped_language", language
    for term in terms:
        if isinstance(term, pyoxigraph.NamedNode):
            try:
                pyoxigraph.NamedNode(term.value)
            except ValueError:
                return "jsonld_dropped_iri", term.value
    return None
