"""Mistakes in the terms of reused vocabularies that a shape names (`sh:path prov:wasInformdBy`,
`sh:datatype xsd:gyear`, `sh:path ( )`): the shape then fails even the conformant sample and
its finding blames the submission. A real term of a vocabulary whose terms rdflib lists
(`sh:path dcterms:description`) is no typo: it only lacks the zh and en names reports call it
by. The standard's own terms are checked as unknown terms (checker/rule_problems.py), walking the
same terms (`named_terms`)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import replace

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .labels import labels_of, reused_terms
from .reused_vocabularies import defined_terms, namespace_of, undefined_reused, vocabulary_of
from .namespaces import BCIC, IND, REQ, SHP
from .rule_problem import LANGUAGES, ProblemKind, RuleProblem, prefixed
from .rule_texts import EMPTY_LIST
from .rulebook import SH, Rulebook
from .unknown_terms import TermUse

# The datatypes of RDF 1.1 Concepts (5.1, the XSD types RDF can use; rdf:HTML, rdf:XMLLiteral)
# and rdf:langString, the type of a tagged string.
DATATYPES = frozenset(
    [XSD[name] for name in (
        "string", "boolean", "decimal", "integer", "double", "float", "date", "time", "dateTime",
        "dateTimeStamp", "gYear", "gMonth", "gDay", "gYearMonth", "gMonthDay", "duration",
        "yearMonthDuration", "dayTimeDuration", "byte", "short", "int", "long", "unsignedByte",
        "unsignedShort", "unsignedInt", "unsignedLong", "positiveInteger", "nonNegativeInteger",
        "negativeInteger", "nonPositiveInteger", "hexBinary", "base64Binary", "anyURI",
        "language", "normalizedString", "token", "NMTOKEN", "Name", "NCName")]
    + [RDF.langString, RDF.HTML, RDF.XMLLiteral])

# Where a shape names a term, and how the term is used there.
TERM_PLACES: dict[URIRef, TermUse] = {
    SH.path: TermUse.PROPERTY,
    SH["class"]: TermUse.CLASS,
    SH.targetClass: TermUse.CLASS,
    SH.targetNode: TermUse.VALUE,  # an existence check targets its class, a duty check a req:
    SH.targetSubjectsOf: TermUse.PROPERTY,
    SH.targetObjectsOf: TermUse.PROPERTY,
    SH.hasValue: TermUse.VALUE,
    SH["in"]: TermUse.VALUE,
}
_OURS = (str(BCIC), str(IND), str(REQ), str(SHP), str(SH))
_UNSHOWN = frozenset({RDFS.subClassOf, RDF.nil})  # walked only to reach a class's instances;
# an empty path (rdf:nil) is a problem of its own


def shape_term_problems(rulebook: Rulebook) -> list[RuleProblem]:
    """Every such mistake, by kind, then by shape."""
    shapes = rulebook.shapes_graph
    return [*_datatypes(shapes), *_empty_paths(shapes), *unlabelled_terms(rulebook)]


def _datatypes(shapes: Graph) -> Iterator[RuleProblem]:
    """sh:datatype IRIs that no datatype RDF knows: every value fails them (a text given
    there is a parameter value SHACL does not take: checker/shacl_parameter_problems.py)."""
    names = {str(d).lower(): d for d in DATATYPES}
    for holder, datatype in sorted(shapes.subject_objects(SH.datatype)):
        shape = named_shape(shapes, holder)
        if shape is not None and datatype not in DATATYPES and not isinstance(datatype, Literal):
            close = difflib.get_close_matches(str(datatype).lower(), names, n=1)
            yield RuleProblem(ProblemKind.DATATYPE, shape, {"term": prefixed(datatype)},
                              prefixed(names[close[0]]) if close else None,
                              statement=("sh:datatype", prefixed(datatype)), node=str(holder))


def _empty_paths(shapes: Graph) -> Iterator[RuleProblem]:
    """Paths that are the empty list, rdf:nil, itself or as a sequence's or alternatives' list:
    SHACL's engines read it as the property rdf:nil, which no submission has. Each node with
    one is a mistake of its own, placed at its statement (decision 16)."""
    for place in (SH.path, SH.alternativePath):
        for holder in sorted(shapes.subjects(place, RDF.nil)):
            if (shape := named_shape(shapes, holder)) is not None:
                yield RuleProblem(ProblemKind.EMPTY_PATH, shape, {"property": prefixed(place)},
                                  statement=(prefixed(place), EMPTY_LIST), node=str(holder))


def unlabelled_terms(rulebook: Rulebook) -> Iterator[RuleProblem]:
    """Reused vocabularies' properties, classes and values that a shape names and that are no
    term of their vocabulary (a typo, `prov:wasInformdBy`, whatever labels the ontology gives it),
    or that neither the ontology nor checker/labels.py names in zh and en, so that a hint or
    finding could not name them (a real term to label, or, of a vocabulary rdflib does not list,
    maybe a typo). Each statement naming one is a mistake of its own, placed there (a term
    named on two nodes is two: decision 16)."""
    shapes, ontology = rulebook.shapes_graph, rulebook.labels_graph
    missing: dict[URIRef, list[str]] = {}  # each term's languages without a name, asked once
    found: dict[tuple[Node, URIRef, URIRef], tuple[URIRef, TermUse]] = {}
    for holder, term, use, under in named_terms(shapes):
        if term in _UNSHOWN or str(term).startswith(_OURS) or (holder, under, term) in found:
            continue
        if term not in missing:
            names = labels_of(ontology, term)
            missing[term] = [lang for lang in LANGUAGES if lang not in names]
        if ((missing[term] or undefined_reused(term))
                and (shape := named_shape(shapes, holder)) is not None):
            found[holder, under, term] = shape, use
    for (holder, under, term), (shape, use) in sorted(
            found.items(), key=lambda f: (f[1][0], f[0][2], f[1][1].value, f[0][1])):
        yield replace(_term_problem(shape, term, use, missing[term], ontology),
                      statement=(prefixed(under), prefixed(term)), node=str(holder))


def _term_problem(shape: URIRef, term: URIRef, use: TermUse, missing: list[str],
                  ontology: Graph) -> RuleProblem:
    """The problem of a term `unlabelled_terms` found: no term of its vocabulary, a real one
    without names, or one of a vocabulary rdflib does not list without names."""
    values = {"term": prefixed(term), "use": use.value, "languages": tuple(missing)}
    vocabulary = vocabulary_of(term)
    if vocabulary is not None and undefined_reused(term):
        close = _closest_named(term, ontology)
        return RuleProblem(ProblemKind.REUSED_UNKNOWN, shape, values | {"vocabulary": vocabulary},
                           prefixed(close) if close is not None else None)
    if vocabulary is not None:
        return RuleProblem(ProblemKind.REUSED_LABEL, shape, values | {"vocabulary": vocabulary})
    close = _closest_named(term, ontology)
    return RuleProblem(ProblemKind.UNLABELLED_TERM, shape, values,
                       prefixed(close) if close is not None else None)


def named_terms(shapes: Graph) -> Iterator[tuple[Node, URIRef, TermUse, URIRef]]:
    """(holder, term, use, under) for every IRI a shape names at a place of TERM_PLACES, place
    by place, holders in order: the properties of its paths, its classes and targets, the values
    it asks for or lists (sh:in); an empty list gives rdf:nil. `under` is the predicate the
    files write the term after: the place, or within a path the one that holds it
    (`sh:inversePath`, `sh:alternativePath`); a list's members are under the list's."""
    for place, use in TERM_PLACES.items():
        for holder, value in sorted(shapes.subject_objects(place)):
            for under, term in _terms_in(shapes, value, place):
                yield holder, term, use, under


def _terms_in(shapes: Graph, value: Node, under: URIRef) -> Iterator[tuple[URIRef, URIRef]]:
    """The IRIs of a value written after `under`, each with the predicate it is written after:
    itself, or those of the blank nodes it opens (a path's sequence, inverse, alternatives; an
    sh:in list), however deep."""
    if isinstance(value, URIRef):
        yield under, value
    elif isinstance(value, BNode):
        for predicate, inner in shapes.predicate_objects(value):
            if predicate != RDF.type:
                listed = predicate in (RDF.first, RDF.rest)
                yield from _terms_in(shapes, inner, under if listed else predicate)


def _closest_named(term: URIRef, ontology: Graph) -> URIRef | None:
    """The term of the same namespace that the ontology or checker/labels.py names, or its
    vocabulary defines, closest in spelling (case aside) to `term`; None when none is close."""
    namespace = namespace_of(term)
    named = {str(t)[len(namespace):].lower(): t for t in _named(ontology) | defined_terms(namespace)
             if isinstance(t, URIRef) and namespace_of(t) == namespace and t != term
             and not undefined_reused(t)}
    close = difflib.get_close_matches(str(term)[len(namespace):].lower(), named, n=1)
    return named[close[0]] if close else None


def _named(ontology: Graph) -> set[Node]:
    return {s for s, _o in ontology.subject_objects(RDFS.label)} | set(reused_terms())


def named_shape(shapes: Graph, node: Node) -> URIRef | None:
    """The named shape a node is written under (itself, or the one whose property, qualified
    value shape or list holds the blank node), None when there is none."""
    seen: set[Node] = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        node = next(shapes.subjects(None, node), None)
    return node if isinstance(node, URIRef) else None

