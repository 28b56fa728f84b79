"""The values the ontology names for a class, as the standard lists them: in the order of its text
and, where the text closes the list, as the only ones (docs/model.md, decision 4).

The order is the ontology's: a value's place in the standard's list (bcic:listPosition: 4.3.2's
kinds of synergy practice, 5.2.1's drive modes), or its code (skos:notation: 9.1.4's indicators,
`b.1.1`); values with neither follow, by their Chinese label (the standard's language), then IRI.
A closed list (no 等, 如, 包括但不限于: 7.1.2.1's two kinds of fund) is the class itself, an
owl:oneOf it is equivalent to; an open SKOS scheme only gives examples.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS
from rdflib.term import Node

from .indicator_scheme import code_key
from .labels import labels_of
from .namespaces import BCIC

KNOWN_LISTED = 12  # the named values of a class a hint or a finding lists at most


def listed_values(ontology: Graph, cls: Node) -> tuple[tuple[Node, ...], bool]:
    """The named values of `cls` in the standard's order, and whether they are all it has (its
    owl:oneOf) rather than examples."""
    for equivalent in ontology.objects(cls, OWL.equivalentClass):
        if (members := ontology.value(equivalent, OWL.oneOf)) is not None:
            return in_standard_order(ontology, Collection(ontology, members)), True
    named = {v for v in ontology.subjects(RDF.type, cls) if isinstance(v, URIRef)}
    return in_standard_order(ontology, named), False


def few_listed(ontology: Graph, cls: Node) -> tuple[Node, ...]:
    """The named values of `cls` in the standard's order where there are KNOWN_LISTED at most (a
    brand fund's two kinds, 8.2.4's forms), else none: the indicators of 9.1.4 are too many."""
    found, _closed = listed_values(ontology, cls)
    return found if len(found) <= KNOWN_LISTED else ()


def in_standard_order(ontology: Graph, nodes: Iterable[Node]) -> tuple[Node, ...]:
    """`nodes`, each once, in the order the standard lists them (`standard_place`)."""
    return tuple(sorted(set(nodes), key=lambda node: standard_place(ontology, node)))


def standard_place(ontology: Graph, node: Node) -> tuple[object, ...]:
    """Where the standard lists a value: by its place in the list (bcic:listPosition), else by its
    code (skos:notation), before the values with neither, which go by their Chinese label."""
    position = ontology.value(node, BCIC.listPosition)
    if isinstance(position, Literal) and isinstance(position.toPython(), int):
        return (0, position.toPython(), (), "", str(node))
    if (code := ontology.value(node, SKOS.notation)) is not None:
        return (0, 0, code_key(str(code)), "", str(node))
    return (1, 0, (), labels_of(ontology, node).get("zh", ""), str(node))
