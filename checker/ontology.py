"""Load the ontology's Turtle files and count what they define."""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Literal, TypeGuard

import pyoxigraph
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.term import Node

from .errors import InputError
from .i18n import phrase
from .namespaces import BASE_IRI, BCIC, IND, QB, REQ, is_bcic_term
from .paths import ALL_ONTOLOGY_FILES, PROJECT_ROOT
from .text_position import text_lines
from .os_reasons import os_reason


class TermKind(Enum):
    """The kinds of term the ontology defines and the summary counts."""

    CLASS = "class"
    OBJECT_PROPERTY = "object property"
    DATATYPE_PROPERTY = "datatype property"
    ANNOTATION_PROPERTY = "annotation property"
    NAMED_INDIVIDUAL = "named individual"


_DECLARING_TYPES: dict[TermKind, tuple[URIRef, ...]] = {
    TermKind.CLASS: (OWL.Class, RDFS.Class),
    TermKind.OBJECT_PROPERTY: (OWL.ObjectProperty,),
    TermKind.DATATYPE_PROPERTY: (OWL.DatatypeProperty,),
    TermKind.ANNOTATION_PROPERTY: (OWL.AnnotationProperty,),
}

# Types that make a subject a property or a piece of OWL/RDF syntax, never an individual.
# The Data Cube component properties are rdf:Property subclasses declared outside our files.
_NON_INDIVIDUAL_TYPES = frozenset(
    {RDF.Property, QB.DimensionProperty, QB.MeasureProperty, QB.AttributeProperty,
     QB.CodedProperty, QB.ComponentProperty}
)
_SYNTAX_NAMESPACES = (str(RDF), str(RDFS), str(OWL))

NORMATIVE_LEVELS = (BCIC.Shall, BCIC.Should, BCIC.May, BCIC.Informative)


@dataclass(frozen=True)
class OntologySummary:
    """How many terms of each kind the ontology defines in the project's namespaces."""

    classes: int
    object_properties: int
    datatype_properties: int
    annotation_properties: int
    named_individuals: int
    requirements: int
    shall: int
    should: int
    may: int
    informative: int


# What a rule file holds, as its errors name it: "ontology file", "shapes file".
RuleFileKind = Literal["ontology", "shapes"]
# pyoxigraph's syntax errors open with where they are, which the message says apart.
_POSITION_PREFIX = re.compile(r"Parser error (?:at|between) [^:]*: ")
EXCERPT_CHARS = 80  # of the line a syntax error is on, around its column
DETAIL_CHARS = 200  # of a parser's own words where it gives no position


def load_ontology_graph(files: Sequence[Path] = ALL_ONTOLOGY_FILES,
                        kind: RuleFileKind = "ontology") -> Graph:
    """Parse the given Turtle files into one graph, offline and with an explicit base IRI; a file
    that cannot be read or parsed is an InputError naming it as a `kind` file (and, for a syntax
    error, the line, the column and the line's text)."""
    graph = Graph()
    file_kind = phrase(f"error.rule_file.{kind}")
    for path in files:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError.of("error.rule_file.cannot_read", kind=file_kind, path=_shown(path),
                                reason=os_reason(exc)) from exc
        try:
            # Turtle parsing never dereferences anything; owl:imports are plain triples here.
            graph.parse(data=data, format="turtle", publicID=BASE_IRI)
        except Exception as exc:  # rdflib raises many unrelated types on bad input
            raise _parse_error(file_kind, path, data, exc) from None
    return graph


def _parse_error(file_kind: object, path: Path, data: bytes, exc: Exception) -> InputError:
    """The error of a rule file rdflib could not parse: where pyoxigraph, which counts lines and
    columns exactly, finds the mistake, with the line as written; else rdflib's first words
    (its message quotes the whole file, byte-escaped, and may name another line)."""
    text = data.decode("utf-8", errors="replace")
    try:
        for _quad in pyoxigraph.parse(text, pyoxigraph.RdfFormat.TURTLE, base_iri=BASE_IRI):
            pass
    except SyntaxError as error:
        if error.lineno:
            line, column = error.lineno, error.offset or 1
            return InputError.of(
                "error.rule_file.cannot_parse_at", kind=file_kind, path=_shown(path), line=line,
                column=column, detail=_POSITION_PREFIX.sub("", error.msg, count=1),
                excerpt=line_excerpt(text, line, column))
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return InputError.of("error.rule_file.cannot_parse", kind=file_kind, path=_shown(path),
                         detail=_cut(detail, DETAIL_CHARS))


def line_excerpt(text: str, line: int, column: int) -> str:
    """Line `line` of the text (from 1), stripped, at most EXCERPT_CHARS characters around
    `column`, with … where it is cut."""
    lines = text_lines(text)
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = len(written) - len(written.lstrip())
    written, column = written.strip(), max(column - indent, 1)
    if len(written) <= EXCERPT_CHARS:
        return written
    start = max(0, min(column - EXCERPT_CHARS // 2, len(written) - EXCERPT_CHARS))
    cut = written[start:start + EXCERPT_CHARS]
    return ("…" if start else "") + cut + ("…" if start + EXCERPT_CHARS < len(written) else "")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def defined_terms(graph: Graph) -> dict[TermKind, frozenset[URIRef]]:
    """Group the IRIs of the project's namespaces by the kind of term they are declared as."""
    terms: dict[TermKind, frozenset[URIRef]] = {}
    for kind, types in _DECLARING_TYPES.items():
        terms[kind] = frozenset(
            s for t in types for s in graph.subjects(RDF.type, t) if _is_ours(s)
        )
    not_individuals = frozenset().union(*terms.values())
    terms[TermKind.NAMED_INDIVIDUAL] = frozenset(
        s for s in _typed_subjects(graph)
        if _is_ours(s) and s not in not_individuals and _is_individual(graph, s)
    )
    return terms


def ontology_module(graph: Graph) -> Graph:
    """The document the ontology IRI serves and the reasoner checks: every triple of the ontology
    files but the requirement catalogue's and the indicator scheme's, which have IRIs of their own."""
    module = Graph()
    for triple in graph:
        if not str(triple[0]).startswith((str(REQ), str(IND))):
            module.add(triple)
    return module


def requirement_individuals(graph: Graph) -> frozenset[URIRef]:
    """Return the instances of bcic:Requirement, including instances of its subclasses."""
    classes = set(graph.transitive_subjects(RDFS.subClassOf, BCIC.Requirement))
    return frozenset(
        s for c in classes for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)
    )


def ontology_summary(graph: Graph) -> OntologySummary:
    """Count the classes, properties, individuals and requirements (by level) of the graph."""
    terms = defined_terms(graph)
    requirements = requirement_individuals(graph)
    levels = Counter(
        level for r in requirements for level in graph.objects(r, BCIC.normativeLevel)
    )
    return OntologySummary(
        classes=len(terms[TermKind.CLASS]),
        object_properties=len(terms[TermKind.OBJECT_PROPERTY]),
        datatype_properties=len(terms[TermKind.DATATYPE_PROPERTY]),
        annotation_properties=len(terms[TermKind.ANNOTATION_PROPERTY]),
        named_individuals=len(terms[TermKind.NAMED_INDIVIDUAL]),
        requirements=len(requirements),
        shall=levels[BCIC.Shall],
        should=levels[BCIC.Should],
        may=levels[BCIC.May],
        informative=levels[BCIC.Informative],
    )


def _is_ours(node: Node) -> TypeGuard[URIRef]:
    return isinstance(node, URIRef) and is_bcic_term(str(node))


def _typed_subjects(graph: Graph) -> Iterable[Node]:
    return set(graph.subjects(RDF.type, None))


def _is_individual(graph: Graph, subject: Node) -> bool:
    """An individual is declared owl:NamedIndividual or typed with a class outside OWL/RDF(S)."""
    types = set(graph.objects(subject, RDF.type))
    if types & _NON_INDIVIDUAL_TYPES:
        return False
    return OWL.NamedIndividual in types or any(
        not str(t).startswith(_SYNTAX_NAMESPACES) for t in types
    )


def _shown(path: Path) -> str:
    """Show a project file relative to the project root, any other file as given."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
