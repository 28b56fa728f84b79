"""Refuse a JSON-LD document some of whose statements the parser would drop without a word.

JSON-LD's algorithms skip a statement whose IRI is invalid or relative (an `@id` with a space, a
key the `@context` does not map) or whose language tag is malformed, where Turtle and RDF/XML
refuse the file: the submitter would be told evidence is missing that they did give. A second,
lenient parse keeps those statements, so it finds more of them exactly when some were dropped.
"""

import json

import pyoxigraph

from .guards import SubmissionParseError, position_of_only


def refuse_dropped_statements(file: str, text: str, base: str, label: str, kept: int) -> None:
    """Raise SubmissionParseError when a lenient parse finds more statements than the `kept`
    ones of the strict parse; name the first invalid term, and where it is written if only once
    (a compact IRI or a term is written otherwise than it expands, and then has no position)."""
    lenient = pyoxigraph.parse(text, pyoxigraph.RdfFormat.JSON_LD, base_iri=base, lenient=True)
    dropped = sum(1 for _ in lenient) - kept
    if dropped <= 0:
        return
    quads = pyoxigraph.parse(text, pyoxigraph.RdfFormat.JSON_LD, base_iri=base, lenient=True)
    found = next(filter(None, map(_invalid_term, quads)), None)
    if found is None:
        raise SubmissionParseError(file, "jsonld_dropped", label=label, count=dropped)
    problem, value = found
    written = json.dumps(value, ensure_ascii=False)
    raise SubmissionParseError(file, problem, *position_of_only(text, written), label=label,
                               value=value, count=dropped)


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
