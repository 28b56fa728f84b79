"""The rulebook's IRIs as RDF documents: the ontology, a requirement, a shape (or all of them), an
indicator (or the whole scheme); written in the graph formats the SPARQL endpoint offers.

Each document is what a client dereferencing the IRI needs: the resource's own triples with the
blank nodes they lead to (its concise bounded description), and for a shape the helper shapes it
names, so the document stands alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import BNode, Node

from .errors import InputError
from .namespaces import BCIC, IND, ONTOLOGY_IRI, QB, REQ, SHP, named_term
from .ontology import ontology_module
from .rulebook import SH
from .rule_lookup import nearest_shapes, nearest_shapes_said
from .rulebook_document import RulebookDocument
from .shape_guards import guarding_shapes
from .shape_reference_problems import is_shape
from .sparql_service import ResultFormat

# rdflib's serializer for each graph format of checker/sparql_service.py (by engine name).
_RDFLIB_FORMATS = {"TURTLE": "turtle", "N_TRIPLES": "nt", "JSON_LD": "json-ld",
                   "RDF_XML": "xml"}
_PREFIXES = {"bcic": BCIC, "req": REQ, "ind": IND, "shp": SHP, "sh": SH, "qb": QB,
             "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#",
             "skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
             "cccev": "http://data.europa.eu/m8g/"}
# Shape-valued properties whose helper shapes belong in a shape's document; the members of a
# guarded shape's sh:or list (checker/shape_guards.py) belong there too.
_SHAPE_LINKS = (SH.node, SH.qualifiedValueShape, SH.property, SH["not"])


class UnknownResourceError(InputError):
    """No resource of the rulebook has this IRI."""

    http_status = 404


def ontology_document(document: RulebookDocument) -> Graph:
    """The ontology module (checker.ontology.ontology_module), which the reasoner checks too."""
    return _new_graph(ontology_module(document.ontology))


def requirement_document(document: RulebookDocument, requirement_id: str) -> Graph:
    """A requirement: its catalogue entry, review prompt, and which shapes check it; or a chapter
    or section of the draft (4.2): its heading and what it is numbered under."""
    if requirement_id not in document.provisions and document.section(requirement_id) is None:
        raise UnknownResourceError.of("error.rulebook.no_requirement",
                                      requirement_id=requirement_id)
    return _requirement_graph(document.ontology, document.shapes_graph, REQ[requirement_id])


def withdrawn_requirement_document(graphs: tuple[Graph, Graph], requirement_id: str,
                                   version: str, notes: dict[str, str]) -> Graph:
    """A provision the running rulebook no longer has, as the stored rulebook of `version` (its
    rule graphs) stated it: marked owl:deprecated, defined by that version's IRI, and `notes`
    (zh and en: whose it is, which rulebook runs) as its rdfs:comment."""
    iri = REQ[requirement_id]
    graph = _requirement_graph(*graphs, iri)
    graph.add((iri, OWL.deprecated, Literal(True)))
    graph.add((iri, RDFS.isDefinedBy, URIRef(f"{ONTOLOGY_IRI}/{version}")))
    for lang, note in notes.items():
        graph.add((iri, RDFS.comment, Literal(note, lang=lang)))
    return graph


def rule_graphs_document(graphs: tuple[Graph, Graph]) -> Graph:
    """A stored rulebook's rule graphs (ontology with catalogue and indicators, shapes) as one
    document: what the version IRI of a rulebook that no longer runs serves."""
    return _new_graph((*graphs[0], *graphs[1]))


def _requirement_graph(ontology: Graph, shapes: Graph, iri: URIRef) -> Graph:
    """A provision's catalogue entry and review prompt, and the shapes that check it."""
    graph = _new_graph(_bounded(ontology, [iri]))
    graph += _new_graph(_bounded(shapes, [iri]))
    for shape in shapes.subjects(BCIC.checksRequirement, iri):
        graph.add((shape, BCIC.checksRequirement, iri))
    return graph


def shape_document(document: RulebookDocument, name: str) -> Graph:
    """A shape with the helper shapes it names (transitively)."""
    iri = named_term(SHP, name)
    if iri is None or not is_shape(document.shapes_graph, iri):  # sh:declare's node is none
        shapes = document.shapes_graph
        raise UnknownResourceError.of("error.rulebook.no_shape", name=name,
                                      nearest=nearest_shapes_said(nearest_shapes(shapes, name)))
    seen: set[Node] = set()
    todo: list[Node] = [iri]
    graph = _new_graph(())
    while todo:
        subject = todo.pop()
        seen.add(subject)
        described = _new_graph(_bounded(document.shapes_graph, [subject]))
        graph += described
        todo += [o for s, p, o in described if p in (*_SHAPE_LINKS, RDF.first)
                 and isinstance(o, URIRef) and str(o).startswith(str(SHP)) and o not in seen]
    return graph


def shape_users(document: RulebookDocument, name: str) -> tuple[URIRef, ...]:
    """The shapes that name shape `name` as a helper (sh:node, sh:qualifiedValueShape …)."""
    iri, shapes = SHP[name], document.shapes_graph
    named = [s for p in _SHAPE_LINKS for s in shapes.subjects(p, iri)]
    return tuple(sorted({s for s in (*named, *guarding_shapes(shapes, iri))
                         if isinstance(s, URIRef)}))


def shapes_document(document: RulebookDocument) -> Graph:
    """Every shape of the rulebook (the shapes graph)."""
    return _new_graph(document.shapes_graph)


def indicator_document(document: RulebookDocument, name: str) -> Graph:
    """One concept of the 9.1.4 indicator scheme by its local name (`LocationAdvantage`; the
    scheme itself for `IndicatorScheme`)."""
    iri = named_term(IND, name)
    if iri is None or (iri, None, None) not in document.ontology:
        raise UnknownResourceError.of("error.rulebook.no_indicator", name=name)
    return _new_graph(_bounded(document.ontology, [iri]))


def indicator_scheme_document(document: RulebookDocument) -> Graph:
    """The whole 9.1.4 indicator scheme."""
    return _new_graph(t for t in document.ontology if str(t[0]).startswith(str(IND)))


def serialize(graph: Graph, fmt: ResultFormat) -> bytes:
    """The graph written in a graph format of checker/sparql_service.py (prefixed where it can)."""
    name = _RDFLIB_FORMATS[fmt.engine_name]
    if name == "json-ld":
        context = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
        return graph.serialize(format=name, context=context, auto_compact=True, encoding="utf-8")
    return graph.serialize(format=name, encoding="utf-8")


def ontology_version(document: RulebookDocument) -> str:
    """The ontology's owl:versionInfo (its version IRI ends with it)."""
    return str(document.ontology.value(URIRef(ONTOLOGY_IRI), OWL.versionInfo))


def _bounded(graph: Graph, subjects: Iterable[Node]) -> Iterable[tuple[Node, Node, Node]]:
    """The subjects' triples and, recursively, those of the blank nodes they reach."""
    todo = list(subjects)
    seen: set[Node] = set()
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for s, p, o in graph.triples((subject, None, None)):
            yield s, p, o
            if isinstance(o, BNode):
                todo.append(o)


def _new_graph(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in _PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in triples:
        graph.add(triple)
    return graph
