"""IRIs of the standard's namespaces that the rulebook does not define: a misspelt class, property
or value (`bcic:BrandFunds` for bcic:BrandFund, `bcic:implementationSteps`).

Such a statement counts for no provision (no shape can target or walk a term nobody defined), so
the report would only say that the evidence is missing. Every IRI of the submission under
bcic:, ind: or req: (checker/namespaces.py) that stands as a predicate or an object, a class
(the object of rdf:type) included, and that the ontology, the indicator scheme and the catalogue
do not define is a note of the report, and so is an IRI of a reused vocabulary's namespace that
the vocabulary does not define (`prov:wasAtributedTo`, `dcterms:titel`; the lists the rule files
are checked against, checker/reused_vocabularies.py): how it is used, where it is first written
when the loader can tell (checker/loading, `first_written`), and the defined term of its kind
closest to it in spelling (difflib); for a value, first among the values that could stand where
it is used (those a shape allows for the property, `sh:in`, and the instances of the property's
range: the member roles for `org:role`), then among the other values, classes last. A note
changes no status and no verdict (docs/model.md, decision 15).
Those namespaces hold nothing but the standard's terms (a statement about one is refused as
input), so any IRI under them names one: it need not stand where the ontology expects a term.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TypeGuard

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from .language_notes import TagNote, tag_notes
from .namespaces import BCIC, IND, REQ
from .near_namespaces import NearNamespace, near_namespaces
from .reused_vocabularies import (RDF_XML_ATTRIBUTES, RDF_XML_ELEMENTS, VOCABULARIES,
                                  defined_terms, namespace_of, undefined_reused)

_NAMESPACES = (str(BCIC), str(IND), str(REQ))  # str's startswith: URIRef's takes one prefix
_REUSED_NAMESPACES = frozenset(str(terms) for terms in VOCABULARIES.values())
# A submission with more unknown terms than this is listed in part, with the count of the rest:
# each listed one is looked for in the files' text and matched against the ontology's terms.
MAX_LISTED = 20
_PROPERTY_TYPES = (RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty,
                   OWL.AnnotationProperty)


class TermUse(Enum):
    """How the submission uses an IRI: the first that applies, in this order."""

    CLASS = "class"  # the object of rdf:type
    PROPERTY = "property"  # a predicate
    VALUE = "value"  # any other object


@dataclass(frozen=True)
class Place:
    """Where a term is written: the file as the report names it, line and column from 1; no
    line nor column where the loader finds the file that uses a term but not where in its text
    (an RDF/XML element of the default namespace: rdflib and pyoxigraph keep no positions)."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """`d.ttl:114:11`, or the file alone."""
        return ":".join([self.file, *(str(n) for n in (self.line, self.column) if n is not None)])


@dataclass(frozen=True)
class UnknownTerm:
    """An IRI of the standard's namespaces the rulebook does not define."""

    iri: URIRef
    use: TermUse
    suggestion: URIRef | None = None  # the defined term of its kind closest in spelling
    place: Place | None = None  # where it is first written, when the loader can tell


@dataclass(frozen=True)
class TermNotes:
    """The unknown terms a report lists (at most MAX_LISTED, in the order they are first
    written), and how many more the submission uses."""

    terms: tuple[UnknownTerm, ...] = ()
    more: int = 0
    # Namespaces close to the standard's that the submission writes IRIs under
    # (checker/near_namespaces.py), most used first.
    namespaces: tuple[NearNamespace, ...] = ()
    # Language tags mistaken for a language's (`@cn`, checker/language_notes.py), most written
    # first.
    tags: tuple[TagNote, ...] = ()

    @property
    def suggestions(self) -> tuple[URIRef, ...]:
        """The defined terms the notes suggest, for the report to name by their labels."""
        return tuple(t.suggestion for t in self.terms if t.suggestion is not None)


# Where each of some IRIs is first written, in the order they are written (files in the order
# given, then by position): IRI → place, absent when the loader cannot tell.
Locator = Callable[[Iterable[URIRef]], Mapping[URIRef, Place]]
# Where each of some values of records (IRIs, blank nodes) is written: (record, value) → place,
# absent when the loader cannot tell (checker/loading/value_places.py).
ValueLocator = Callable[[Iterable[tuple[Node, Node]]], Mapping[tuple[Node, Node], Place]]


class Vocabulary:
    """The terms the rulebook defines under the standard's namespaces, to tell an unknown IRI,
    and the spellings of each kind by namespace, to find the defined term closest to one."""

    def __init__(self, ontology: Graph, shapes: Graph | None = None) -> None:
        """The typed subjects of the ontology graph (ontology, indicator scheme, catalogue) under
        the namespaces: every term it defines has a type. The shapes, when given, say which
        values a property allows (`sh:in`)."""
        self._ontology = ontology
        self._shapes = shapes if shapes is not None else Graph()
        self.defined = frozenset(s for s in ontology.subjects(RDF.type, None)
                                 if isinstance(s, URIRef) and str(s).startswith(_NAMESPACES))

    @functools.cached_property
    def _kinds(self) -> dict[TermUse, frozenset[URIRef]]:
        """The defined terms of each kind: classes, properties, and the rest (concepts, roles,
        requirements, indicators) as values. Built at the first unknown term."""
        ontology = self._ontology
        classes = {s for t in (OWL.Class, RDFS.Class) for s in ontology.subjects(RDF.type, t)}
        properties = {s for t in _PROPERTY_TYPES for s in ontology.subjects(RDF.type, t)}
        return {TermUse.CLASS: self.defined & classes,
                TermUse.PROPERTY: self.defined & properties,
                TermUse.VALUE: self.defined - properties - classes}

    @functools.cached_property
    def _allowed(self) -> dict[URIRef, frozenset[URIRef]]:
        """Property → the defined terms that could be its value: those a property shape on it
        lists (`sh:in`) and the instances of its range (and of the range's subclasses)."""
        shapes, ontology = self._shapes, self._ontology
        allowed: dict[URIRef, set[URIRef]] = {}
        for shape, values in shapes.subject_objects(SH["in"]):
            for path in shapes.objects(shape, SH.path):
                if isinstance(path, URIRef):
                    allowed.setdefault(path, set()).update(
                        v for v in Collection(shapes, values) if isinstance(v, URIRef))
        for prop, cls in ontology.subject_objects(RDFS.range):
            if isinstance(prop, URIRef) and isinstance(cls, URIRef):
                allowed.setdefault(prop, set()).update(
                    i for sub in ontology.transitive_subjects(RDFS.subClassOf, cls)
                    for i in ontology.subjects(RDF.type, sub) if isinstance(i, URIRef))
        return {prop: frozenset(terms & self.defined) for prop, terms in allowed.items()}

    def unknown(self, data: Graph) -> dict[URIRef, TermUse]:
        """Every IRI of the namespaces that `data` uses as a predicate or an object and the
        rulebook does not define, and every IRI of a reused vocabulary's namespace that the
        vocabulary does not define (`misspelt_reused`), with how it is used: one pass over the
        triples gathering the distinct predicates and IRI objects (literals, most objects, are
        not hashed), then each read once."""
        predicates: set[Node] = set()
        objects: set[Node] = set()
        for _s, predicate, obj in data:
            predicates.add(predicate)
            if type(obj) is URIRef:
                objects.add(obj)
        found = {term: TermUse.PROPERTY for term in predicates
                 if self.is_unknown(term) or misspelt_reused(term)}
        for term in objects:
            if self.is_unknown(term) or misspelt_reused(term):
                found.setdefault(term, TermUse.VALUE)
        for term in found:
            if (None, RDF.type, term) in data:
                found[term] = TermUse.CLASS
        return found

    def describes(self, iri: URIRef) -> bool:
        """Whether the rulebook says anything of the IRI (the ontology's own IRI among them)."""
        return (iri, None, None) in self._ontology

    def is_unknown(self, node: Node) -> TypeGuard[URIRef]:
        """Whether the node is an IRI of the standard's namespaces the rulebook does not define."""
        return (isinstance(node, URIRef) and str(node).startswith(_NAMESPACES)
                and node not in self.defined)

    def closest(self, term: URIRef, use: TermUse,
                places: Iterable[URIRef] = ()) -> URIRef | None:
        """The defined term of the same namespace and kind whose local name is closest to the
        term's, case aside (`bcic:brandFunds` gives bcic:BrandFund); None when none is close. A
        value is looked for first among those allowed for the properties it is a value of
        (`places`: `org:role bcic:EnterpriseRole` gives bcic:IndustryEnterpriseRole), then among
        the other values and the classes alike (a class is a value of sh:targetNode, sh:in). A
        reused vocabulary's term is matched against that vocabulary's (`closest_reused`:
        `prov:wasAtributedTo` gives prov:wasAttributedTo)."""
        namespace = next((n for n in _NAMESPACES if str(term).startswith(n)), None)
        if namespace is None:
            return closest_reused(term, use)
        if use is TermUse.VALUE:
            allowed = frozenset().union(*(self._allowed.get(p, frozenset()) for p in places))
            tiers = [allowed, self._kinds[TermUse.VALUE] | self._kinds[TermUse.CLASS]]
        else:
            tiers = [self._kinds[use]]
        name = str(term)[len(namespace):].lower()
        for terms in tiers:
            # Where two terms differ in case only, the first by IRI is kept (it comes last here).
            spellings = {str(t)[len(namespace):].lower(): t for t in sorted(terms, reverse=True)
                         if str(t).startswith(namespace)}
            if found := difflib.get_close_matches(name, spellings, n=1):
                return spellings[found[0]]
        return None


def misspelt_reused(node: Node) -> TypeGuard[URIRef]:
    """Whether the node is an IRI of a reused vocabulary's namespace (PROV-O, ORG, DCMI Metadata
    Terms …: checker/reused_vocabularies.py) that the vocabulary does not define."""
    return (isinstance(node, URIRef) and namespace_of(node) in _REUSED_NAMESPACES
            and undefined_reused(node))


def closest_reused(term: URIRef, use: TermUse) -> URIRef | None:
    """The term its reused vocabulary defines closest in spelling, case aside, of the same kind
    by the vocabularies' own convention: a class's name begins with a capital, a property's
    does not; any for a value. A property of RDF's namespace close to none of RDF's is matched
    against RDF/XML's syntax attributes (`rdf:abut` gives rdf:about), a class against its node
    element (`rdf:Descripton` gives rdf:Description)."""
    namespace = namespace_of(term)
    tiers = [sorted(defined_terms(namespace), reverse=True)]
    if namespace == str(RDF) and use is TermUse.PROPERTY:
        tiers.append(sorted(RDF_XML_ATTRIBUTES, reverse=True))
    if namespace == str(RDF) and use is TermUse.CLASS:
        tiers.append(sorted(RDF_XML_ELEMENTS))
    name = str(term)[len(namespace):].lower()
    for terms in tiers:
        spellings = {str(t)[len(namespace):].lower(): t for t in terms
                     if use is TermUse.VALUE or t in RDF_XML_ATTRIBUTES
                     or str(t)[len(namespace):][:1].isupper() == (use is TermUse.CLASS)}
        if found := difflib.get_close_matches(name, spellings, n=1):
            return spellings[found[0]]
    return None


def term_notes(data: Graph, vocabulary: Vocabulary, locate: Locator | None = None) -> TermNotes:
    """The unknown terms of a submission: the first MAX_LISTED by IRI, each with the term it
    likely meant and, given `locate`, where it is first written; those located first, in the
    order they are written, then the others by IRI. Beside them, the namespaces close to the
    standard's that it writes IRIs under, and the language tags it mistakes for a language's."""
    unknown = vocabulary.unknown(data)
    listed = sorted(unknown)[:MAX_LISTED]
    places = locate(listed) if locate is not None and listed else {}
    order = {iri: index for index, iri in enumerate(places)}
    terms = [UnknownTerm(iri, unknown[iri],
                         vocabulary.closest(iri, unknown[iri], _places(data, iri)), places.get(iri))
             for iri in sorted(listed, key=lambda iri: (order.get(iri, len(order)), iri))]
    return TermNotes(tuple(terms), len(unknown) - len(listed),
                     near_namespaces(data, vocabulary.describes), tag_notes(data))


def _places(data: Graph, term: URIRef) -> list[URIRef]:
    """The properties the term is a value of in the submission, by IRI."""
    return sorted({p for p in data.predicates(None, term) if isinstance(p, URIRef)})
