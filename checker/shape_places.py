"""Where the shapes files write what a shape nests: a shape written where it is used
(`sh:property [ sh:path … ; sh:minCount 0 ]`, a blank node) at the line of its `[`, and each shape
a parent nests at the place the parent lists it (`sh:property shp:B , shp:A` lists B first), so
that `bcic rules show` and the rulebook's pages read a parent's nested shapes in the order its
maintainer wrote them there."""

from __future__ import annotations

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .rule_problem import prefixed
from .rule_texts import Region, RuleTexts
from .shape_term_problems import named_shape

_BARE = (XSD.integer, XSD.decimal, XSD.double, XSD.boolean)  # Turtle writes them unquoted


class ShapePlaces:
    """The places of the shapes graph's nested shapes in the texts of its files."""

    def __init__(self, shapes: Graph, texts: RuleTexts) -> None:
        self._shapes = shapes
        self._texts = texts
        self._brackets: dict[BNode, Region] = {}
        self._read: set[URIRef] = set()  # the shapes whose blank nodes were found

    def blank_place(self, node: BNode) -> str | None:
        """Where the blank node is written, `shapes/ch7-resources.ttl:130` (its `[`); None
        when no bracket of the shape it is written under is it."""
        region = self._bracket(node)
        return self._texts.place(region.file, region.start) if region is not None else None

    def listed_at(self, parent: Node, predicate: URIRef, value: Node) -> tuple[int, int] | None:
        """Where `parent` lists `value` as its `predicate` (a list: its first member), as the
        index of the file and the offset in it; None when its description does not."""
        if (value, RDF.first, None) in self._shapes:
            value = self._shapes.value(value, RDF.first)
        if isinstance(value, BNode):
            region = self._bracket(value)
            return (region.file, region.start) if region is not None else None
        for region in self._regions(parent):
            for offset in self._texts.statements(region, (prefixed(predicate), prefixed(value))):
                return region.file, offset
        return None

    def _regions(self, node: Node) -> list[Region]:
        if isinstance(node, URIRef):
            return self._texts.descriptions(str(node), "shapes")
        region = self._bracket(node) if isinstance(node, BNode) else None
        return [region] if region is not None else []

    def _bracket(self, node: BNode) -> Region | None:
        owner = named_shape(self._shapes, node)
        if owner is not None and owner not in self._read:
            self._read.add(owner)
            self._match(owner)
        return self._brackets.get(node)

    def _match(self, owner: URIRef) -> None:
        """Each blank node written under `owner` matched to the bracket that writes it: of the
        brackets holding all the names and numbers it states, the one holding fewest others,
        each bracket taken once (the nodes stating most first)."""
        brackets = [b for region in self._texts.descriptions(str(owner), "shapes")
                    for b in self._texts.brackets(region)]
        signed = sorted(((node, _signature(self._shapes, node))
                         for node in _blank_nodes(self._shapes, owner)),
                        key=lambda pair: (-len(pair[1]), sorted(pair[1])))
        taken: set[Region] = set()
        for node, signature in signed:
            fits = [b for b in brackets if b.region not in taken and signature <= b.tokens]
            if signature and fits:
                best = min(fits, key=lambda b: (len(b.tokens - signature), b.region.start))
                taken.add(best.region)
                self._brackets[node] = best.region


def _blank_nodes(shapes: Graph, owner: URIRef) -> list[BNode]:
    """The blank nodes reached from `owner` through blank nodes, list cells aside."""
    found: list[BNode] = []
    todo: list[Node] = [owner]
    while todo:
        for value in shapes.objects(todo.pop(), None):
            if isinstance(value, BNode) and value not in found:
                found.append(value)
                todo.append(value)
    return [node for node in found if (node, RDF.first, None) not in shapes]


def _signature(shapes: Graph, node: BNode) -> frozenset[str]:
    """The names and numbers the node's statements would be written with."""
    words: set[str] = set()
    for predicate, value in shapes.predicate_objects(node):
        if predicate != RDF.type:
            words.add(prefixed(predicate))
        if isinstance(value, URIRef):
            words.add(prefixed(value))
        elif isinstance(value, Literal) and value.datatype in _BARE and not value.ill_typed:
            words.add(str(value))
    return frozenset(words)

