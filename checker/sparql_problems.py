"""SPARQL-based constraints whose query does not parse (`FILTER( }`), or uses a clause SHACL's
pre-binding forbids (MINUS, VALUES, SERVICE: SHACL 1.0 §5.3.1, which the engine refuses): every
validation would fail in the SHACL engine, naming no shape and no file. Each sh:select and sh:ask of the shapes
is parsed as pyshacl parses it: with the prefixes its sh:prefixes declare (sh:declare), and
those the shapes' ontologies declare, and no others (the Turtle files' @prefix lines are not
the query's)."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import OWL, RDF, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from .rule_problem import ProblemKind, RuleProblem, prefixed
from .rulebook import SH
from .shape_term_problems import named_shape


def sparql_problems(shapes: Graph) -> list[RuleProblem]:
    """A problem for each query of the shapes that the SPARQL parser refuses, with its words, or
    that uses a clause pre-binding forbids."""
    return list(_unparsed(shapes))


def _unparsed(shapes: Graph) -> Iterator[RuleProblem]:
    for place in (SH.select, SH.ask):
        for holder, query in sorted(shapes.subject_objects(place)):
            shape = named_shape(shapes, holder)
            if shape is None:
                continue
            try:
                prepareQuery(str(query), initNs=_declared(shapes, holder))
            except Exception as error:  # the parser raises several types: its words are kept
                yield RuleProblem(ProblemKind.SPARQL, shape, {
                    "property": prefixed(place), "error": " ".join(str(error).split())})
                continue
            forbidden = sorted(_FORBIDDEN[name] for name in _clauses(parseQuery(str(query)))
                               if name in _FORBIDDEN)
            if forbidden:
                yield RuleProblem(ProblemKind.SPARQL_CLAUSE, shape, {
                    "property": prefixed(place), "clauses": tuple(forbidden)})


# The parse tree's names of the clauses a SPARQL constraint must not use (SHACL 1.0 §5.3.1).
_FORBIDDEN = {"MinusGraphPattern": "MINUS", "InlineData": "VALUES", "ValuesClause": "VALUES",
              "ServiceGraphPattern": "SERVICE"}


def _clauses(node: object) -> set[str]:
    """The names of every part of a parsed query (rdflib's parse tree)."""
    if isinstance(node, CompValue):
        return {node.name}.union(*(_clauses(value) for value in node.values()))
    if isinstance(node, dict):
        return set().union(*(_clauses(value) for value in node.values()))
    if isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        return set().union(*(_clauses(value) for value in node))  # type: ignore[attr-defined]
    return set()


def _declared(shapes: Graph, holder: Node) -> dict[str, URIRef]:
    """The prefixes a query may use: those of its sh:prefixes' sh:declare, and the ones the
    shapes' ontologies declare (SHACL 5.2.1)."""
    prefixes: dict[str, URIRef] = {}
    holders = [*shapes.objects(holder, SH.prefixes)]
    if holders:
        holders += shapes.subjects(RDF.type, OWL.Ontology)
    for declaring in holders:
        for declaration in shapes.objects(declaring, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                prefixes[str(prefix)] = URIRef(str(namespace))
    return prefixes
