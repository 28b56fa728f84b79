"""The ontology as people browse it: the class tree with its named individuals, the properties,
and the 9.1.4 indicator taxonomy (categories → groups → indicators).

Every term under https://w3id.org/bcic/ has an entry, anchored by its local name (`#Duty`) or, in
the indicator scheme's namespace, by `ind-` and its local name (`#ind-LocationAdvantage`), where
its IRI leads a browser (docs/iris.md)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .namespaces import BCIC, IND, REQ

_TERMS = "https://w3id.org/bcic/"  # every term of bcic's ontology files is named under it
_PROPERTY_TYPES = ((OWL.ObjectProperty, "object"), (OWL.DatatypeProperty, "datatype"),
                   (OWL.AnnotationProperty, "annotation"))


@dataclass(frozen=True)
class Term:
    """A term with its zh/en label and definition and the clauses it models."""

    iri: URIRef
    name: str  # the local name: the IRI's fragment, or its last segment under ind:
    label: dict[str, str]
    definition: dict[str, str]
    clauses: tuple[str, ...]

    @property
    def prefixed(self) -> str:
        """The term's prefixed name: `bcic:Duty`, `ind:LocationAdvantage`."""
        return f"{'ind' if self.iri.startswith(str(IND)) else 'bcic'}:{self.name}"

    @property
    def anchor(self) -> str:
        """The id of the term's entry on the ontology page: `Duty`, `ind-LocationAdvantage`."""
        return f"ind-{self.name}" if self.iri.startswith(str(IND)) else self.name


@dataclass(frozen=True)
class ClassNode:
    """A class, its subclasses, its named individuals and any other superclass it has."""

    term: Term
    own: bool  # defined by bcic (else a reused vocabulary's class, shown as a root)
    children: tuple[ClassNode, ...]
    members: tuple[Term, ...]
    also_under: tuple[str, ...]


@dataclass(frozen=True)
class PropertyEntry:
    """A property of the ontology with its kind, domain and range (prefixed names)."""

    term: Term
    kind: str
    domain: str | None
    range: str | None


@dataclass(frozen=True)
class ConceptNode:
    """An indicator category, group or leaf indicator of 9.1.4, with its notation."""

    term: Term
    notation: str
    children: tuple[ConceptNode, ...]


def class_tree(ontology: Graph) -> tuple[ClassNode, ...]:
    """bcic's classes under their first superclass (a bcic one where there is one); reused
    classes that bcic classes specialise are the roots, and so are those that type a named
    individual of bcic no bcic class types (the standard as a cccev:ReferenceFramework, the
    concept schemes of the clauses' lists and 9.1.4's, the Data Cube's data set and structure).
    A class lists its named individuals, but for the 9.1.4 concepts, which the taxonomy shows,
    and the catalogue's provisions, each on a page of its own (/rulebook/<id>); a reused class
    only those no bcic class types (every concept is a skos:Concept, listed under its bcic class)."""
    own = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if _is_own(c))
    placed: dict[URIRef, list[URIRef]] = {}
    for cls in own:
        parents = sorted(p for p in ontology.objects(cls, RDFS.subClassOf) if isinstance(p, URIRef))
        parents.sort(key=lambda p: not _is_own(p))  # a bcic parent first
        placed.setdefault(parents[0] if parents else RDFS.Resource, []).append(cls)
    individuals = [i for i in ontology.subjects(RDF.type, OWL.NamedIndividual)
                   if isinstance(i, URIRef) and i.startswith(_TERMS) and not i.startswith(REQ)
                   and (i, SKOS.inScheme, IND.IndicatorScheme) not in ontology]
    types_of = {i: set(ontology.objects(i, RDF.type)) - {OWL.NamedIndividual} for i in individuals}
    for types in types_of.values():
        if not any(_is_own(t) for t in types):
            for reused in types:
                placed.setdefault(reused, [])

    def node(cls: URIRef) -> ClassNode:
        parents = sorted(p for p in ontology.objects(cls, RDFS.subClassOf) if isinstance(p, URIRef))
        parents.sort(key=lambda p: not _is_own(p))
        members = sorted((term(ontology, m) for m in individuals
                          if (m, RDF.type, cls) in ontology
                          and (_is_own(cls) or not any(_is_own(t) for t in types_of[m]))),
                         key=lambda t: t.name)
        return ClassNode(term(ontology, cls), _is_own(cls),
                         tuple(node(c) for c in sorted(placed.get(cls, []), key=_local)),
                         tuple(members), tuple(_prefixed(ontology, p) for p in parents[1:]))

    roots = [r for r in placed if not _is_own(r)]
    return tuple(node(r) for r in sorted(roots, key=lambda r: _prefixed(ontology, r)))


def properties(ontology: Graph) -> tuple[PropertyEntry, ...]:
    """bcic's object, datatype and annotation properties, by name."""
    found = []
    for declared, kind in _PROPERTY_TYPES:
        for prop in ontology.subjects(RDF.type, declared):
            if _is_own(prop):
                domain, range_ = (ontology.value(prop, p) for p in (RDFS.domain, RDFS.range))
                found.append(PropertyEntry(term(ontology, prop), kind,
                                           _prefixed(ontology, domain) if domain else None,
                                           _prefixed(ontology, range_) if range_ else None))
    return tuple(sorted(found, key=lambda p: p.term.name))


def indicator_taxonomy(ontology: Graph) -> tuple[ConceptNode, ...]:
    """The 9.1.4 indicator scheme: its top concepts and everything narrower, by notation."""
    def node(concept: URIRef) -> ConceptNode:
        narrower = [c for c in ontology.subjects(SKOS.broader, concept) if isinstance(c, URIRef)]
        children = sorted((node(c) for c in narrower), key=lambda n: _notation_key(n.notation))
        return ConceptNode(term(ontology, concept), str(ontology.value(concept, SKOS.notation)),
                           tuple(children))

    tops = [c for c in ontology.subjects(SKOS.topConceptOf, IND.IndicatorScheme)
            if isinstance(c, URIRef)]
    return tuple(sorted((node(c) for c in tops), key=lambda n: _notation_key(n.notation)))


def term(ontology: Graph, iri: URIRef) -> Term:
    """A term's local name, labels, definitions and clause references."""
    return Term(iri, _local(iri), _texts(ontology, iri, RDFS.label),
                _texts(ontology, iri, SKOS.definition),
                tuple(sorted({str(c) for c in ontology.objects(iri, BCIC.clauseRef)},
                             key=_clause_key)))


def walk(nodes: tuple[ClassNode, ...] | tuple[ConceptNode, ...]) -> list[Term]:
    """Every term of a tree, depth first (class members included)."""
    found: list[Term] = []
    for n in nodes:
        found.append(n.term)
        if isinstance(n, ClassNode):
            found += n.members
        found += walk(n.children)
    return found


def _is_own(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(BCIC))


def _local(iri: URIRef) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def _prefixed(ontology: Graph, node: Node) -> str:
    return node.n3(ontology.namespace_manager) if isinstance(node, URIRef) else str(node)


def _texts(graph: Graph, subject: Node, predicate: URIRef) -> dict[str, str]:
    return {o.language: str(o) for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and o.language}


def _notation_key(notation: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in notation.split("."))


def _clause_key(clause: str) -> tuple[int, ...]:
    return tuple(int(p) for p in clause.split(".") if p.isdigit())
