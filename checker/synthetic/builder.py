"""Evidence nodes described as data, and the writer that turns them into triples.

A node is a document, an activity or a resource as docs/evidence.md frames them: the writer adds
the title or label, the date and the link to the cultivation body, then the node's own properties.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from .catalogue import label_of


@dataclass(frozen=True)
class Ref:
    """Another node of the same submission, by its local name."""

    local: str


@dataclass(frozen=True)
class Text:
    """A literal in Chinese and in English."""

    zh: str
    en: str


@dataclass(frozen=True)
class MemberOf:
    """The first member that has this role (the value is left out when there is none)."""

    role: URIRef


Value = URIRef | Ref | Text | MemberOf | Decimal | int | bool | str
Pair = tuple[URIRef, Value]


class Kind(Enum):
    """How a node is framed (docs/evidence.md, "The frame of every submission")."""

    DOCUMENT = "document"  # dcterms:title, dcterms:date, prov:wasAttributedTo the body
    ACTIVITY = "activity"  # rdfs:label, dcterms:date, prov:wasAssociatedWith the body
    RESOURCE = "resource"  # rdfs:label, prov:wasAttributedTo the body
    PLAIN = "plain"        # rdfs:label only
    UNIT = "unit"          # rdfs:label, and the body org:hasUnit it
    EXTRA = "extra"        # more properties of a node typed elsewhere


@dataclass(frozen=True)
class Node:
    """One node of evidence: its local name, class, framing and properties."""

    local: str
    cls: URIRef | None
    kind: Kind
    props: tuple[Pair, ...] = ()


def P(predicate: URIRef, *values: Value) -> tuple[Pair, ...]:  # noqa: N802 - reads as a table
    """One predicate with several values, as pairs."""
    return tuple((predicate, value) for value in values)


def doc(local: str, cls: URIRef, *props: Pair) -> Node:
    """A document node."""
    return Node(local, cls, Kind.DOCUMENT, props)


def act(local: str, cls: URIRef, *props: Pair) -> Node:
    """An activity node."""
    return Node(local, cls, Kind.ACTIVITY, props)


def res(local: str, cls: URIRef, *props: Pair) -> Node:
    """A resource node."""
    return Node(local, cls, Kind.RESOURCE, props)


def plain(local: str, cls: URIRef, *props: Pair) -> Node:
    """A node with a label and its own properties only."""
    return Node(local, cls, Kind.PLAIN, props)


class Writer:
    """Writes nodes into one submission graph."""

    def __init__(self, graph: Graph, ns: Namespace, cluster: Text,
                 members: Mapping[URIRef, Sequence[URIRef]], first_year: int, last_year: int,
                 seed: int) -> None:
        self._graph, self._ns, self._cluster, self._members = graph, ns, cluster, members
        self._years, self._seed = (first_year, last_year), seed
        self._body = ns["body"]

    def write(self, node: Node) -> None:
        """Add the node's type, frame and properties."""
        s, add = self._ns[node.local], self._graph.add
        if node.cls is not None:
            add((s, RDF.type, node.cls))
            self._frame(s, node.local, node.cls, node.kind)
        for predicate, value in node.props:
            for obj in self._objects(value):
                add((s, predicate, obj))

    def _frame(self, s: URIRef, local: str, cls: URIRef, kind: Kind) -> None:
        add, body = self._graph.add, self._body
        name = Text(f"{label_of(cls, 'zh')}（{self._cluster.zh}）",
                    f"{label_of(cls, 'en')}, {self._cluster.en}")
        naming = DCTERMS.title if kind is Kind.DOCUMENT else RDFS.label
        for obj in self._objects(name):
            add((s, naming, obj))
        if kind in (Kind.DOCUMENT, Kind.ACTIVITY):
            add((s, DCTERMS.date, self._date(local)))
        if kind in (Kind.DOCUMENT, Kind.RESOURCE):
            add((s, PROV.wasAttributedTo, body))
        elif kind is Kind.ACTIVITY:
            add((s, PROV.wasAssociatedWith, body))
        elif kind is Kind.UNIT:
            add((body, ORG.hasUnit, s))

    def _objects(self, value: Value) -> tuple[URIRef | Literal, ...]:
        if isinstance(value, URIRef):
            return (value,)
        if isinstance(value, Ref):
            return (self._ns[value.local],)
        if isinstance(value, Text):
            return (Literal(value.zh, lang="zh"), Literal(value.en, lang="en"))
        if isinstance(value, MemberOf):
            return tuple(self._members.get(value.role, ())[:1])
        if isinstance(value, Decimal):
            return (Literal(value, datatype=XSD.decimal),)
        return (Literal(value),)  # bool → xsd:boolean, int → xsd:integer, str → plain

    def _date(self, local: str) -> Literal:
        # Seeded per node, so that leaving other nodes out never moves this node's date.
        rng, (first, last) = random.Random(f"{self._seed}:date:{local}"), self._years
        year = rng.randint(max(first, last - 2), last)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        return Literal(f"{year:04d}-{month:02d}-{day:02d}", datatype=XSD.date)
