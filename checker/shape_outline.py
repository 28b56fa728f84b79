"""A shape as a rule maintainer reads it (`bcic rules show`): its path and its constraints, each
said in words, zh and en, with the terms by the ontology's labels and prefixed names, and the
shapes it nests (sh:node, sh:property, sh:or's members, sh:qualifiedValueShape …) read the same
way beneath it; so that a shape can be understood without opening its Turtle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from sys import maxsize

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.term import Node

from .i18n import LANGUAGES, Lang, message
from .labels import collect_labels
from .notation import listed
from .namespaces import BCIC, SHP
from .rule_places import place_order
from .rule_problem import prefixed
from .rule_texts import RuleTexts
from .rulebook import SH, TARGET_PREDICATES
from .shacl import path_text
from .shape_paths import ShapePath, path_steps, read_path
from .shape_places import ShapePlaces

_UNLISTED = (maxsize, maxsize)  # a nested shape its parent's text does not list: after those
_MOST_DEPTH = 8  # nested shapes deeper than this are named, not read (none is, as shipped)
# What a shape says that is not one of its constraints: shown elsewhere on the sheet, or
# read together with the constraint it qualifies (sh:qualifiedMinCount, sh:flags).
_NOT_CONSTRAINTS = frozenset({
    RDF.type, RDFS.label, RDFS.comment, SH.path, SH.severity, SH.message, SH.name,
    SH.description, SH.order, SH.group, SH.deactivated, SH.qualifiedMinCount,
    SH.qualifiedMaxCount, SH.flags, SH.ignoredProperties, BCIC.checksRequirement,
    *TARGET_PREDICATES})
# Constraints on each value, said in words with their terms (the values' own message key).
_ON_VALUES = {SH["class"]: "class", SH.datatype: "datatype", SH.nodeKind: "node_kind",
              SH.hasValue: "has_value", SH.minCount: "min_count", SH.maxCount: "max_count",
              SH.minInclusive: "min_inclusive", SH.maxInclusive: "max_inclusive",
              SH.minExclusive: "min_exclusive", SH.maxExclusive: "max_exclusive",
              SH.minLength: "min_length", SH.maxLength: "max_length",
              SH.disjoint: "disjoint", SH.equals: "equals", SH.lessThan: "less_than",
              SH.lessThanOrEquals: "less_than_or_equals"}
# Constraints that hold only when true, said without their value.
_WHEN_TRUE = {SH.uniqueLang: "unique_lang", SH.qualifiedValueShapesDisjoint: "qualified_disjoint"}
# Each max… sorts after its min… (sh:minCount, then sh:maxCount).
_AFTER_MIN = {SH.maxCount: SH.minCount, SH.maxInclusive: SH.minInclusive,
              SH.maxExclusive: SH.minExclusive, SH.maxLength: SH.minLength}
# A path's repeats (SHACL 2.3.1.5–7), by rdflib's mark.
_REPEATS = {"*": "zero_or_more", "+": "one_or_more", "?": "zero_or_one"}
# Constraints whose value is a shape, or a list of shapes, read beneath them.
_NESTING = {SH.node: "node", SH.property: "property", SH["not"]: "not"}
_LOGICAL = {SH["or"]: "or", SH["and"]: "and", SH.xone: "xone"}
# `^rdfs:subClassOf*/^rdf:type` from a class: its instances, its subclasses' included.
_INSTANCES: tuple[ShapePath, ...] = (MulPath(InvPath(RDFS.subClassOf), "*"), InvPath(RDF.type))


@dataclass(frozen=True)
class Constraint:
    """One constraint of a shape: its parameter (`sh:minCount`), what it asks in words, zh and
    en, and the shapes it nests, read the same way."""

    kind: str
    text: dict[str, str]
    shapes: tuple[ShapeOutline, ...] = ()


@dataclass(frozen=True)
class ShapeOutline:
    """A shape's path and constraints. A named shape read already above it on the same sheet
    (a second use, or a loop) is not read again: `repeated`."""

    name: str | None  # prefixed; None for a shape of its own, written where it is used
    label: dict[str, str]  # the shapes' rdfs:label of it ({}: none)
    defined_at: str | None  # `shapes/common.ttl:258`
    path: str | None  # in SPARQL's property-path syntax, prefixed names
    path_words: dict[str, str]  # the path's terms in words, zh and en ({}: no path)
    constraints: tuple[Constraint, ...]
    repeated: bool = False


class OutlineReader:
    """Reads shapes of one shapes graph, naming terms by the labels of `labels_graph` (the
    ontology) and of the shapes graph, named shapes by where `places` says they are written,
    and placing and ordering nested shapes by where `written` finds them."""

    def __init__(self, shapes: Graph, labels_graph: Graph, places: Mapping[URIRef, str],
                 written: ShapePlaces | None = None) -> None:
        self._shapes = shapes
        self._labels = labels_graph
        self._places = places
        self._written = written or ShapePlaces(shapes, RuleTexts(()))  # no file: no places

    def outline(self, shape: Node) -> ShapeOutline:
        """The shape (a checking shape of the sheet), every shape it nests read once."""
        terms = list(_terms(self._shapes, shape))
        labels = collect_labels(terms, self._labels, self._shapes)
        return _Reading(self._shapes, labels, self._places, self._written).shape(shape, 0)


def nested_shapes(outline: ShapeOutline) -> Iterator[str]:
    """The prefixed names of the named shapes `outline` nests, however deep."""
    for constraint in outline.constraints:
        for inner in constraint.shapes:
            if inner.name is not None:
                yield inner.name
            yield from nested_shapes(inner)


class _Reading:
    """One checking shape being read: the named shapes read so far, not to be read twice."""

    def __init__(self, shapes: Graph, labels: Mapping[Node, Mapping[str, str]],
                 places: Mapping[URIRef, str], written: ShapePlaces) -> None:
        self._shapes = shapes
        self._labels = labels
        self._places = places
        self._written = written
        self._read: set[Node] = set()

    def shape(self, node: Node, depth: int) -> ShapeOutline:
        graph = self._shapes
        named = isinstance(node, URIRef)
        name = prefixed(node) if named else None
        label = dict(self._labels.get(node, {})) if named else {}
        place = self._places.get(node) if isinstance(node, URIRef) \
            else self._written.blank_place(node) if isinstance(node, BNode) else None
        if node in self._read or depth > _MOST_DEPTH:
            return ShapeOutline(name, label, place, None, {}, (), repeated=True)
        self._read.add(node)
        path_node = graph.value(node, SH.path)
        path = path_text(graph, path_node) if path_node is not None else None
        words = ({lang: self._path_words(path_node, lang) for lang in LANGUAGES}
                 if path_node is not None and path is not None else {})
        return ShapeOutline(name, label, place, path, words,
                            tuple(self._constraints(node, depth)))

    def _constraints(self, node: Node, depth: int) -> Iterator[Constraint]:
        graph = self._shapes
        for predicate, value in sorted(graph.predicate_objects(node),
                                       key=lambda pair: self._in_order(node, pair)):
            if predicate in _NOT_CONSTRAINTS or not isinstance(predicate, URIRef):
                continue
            kind = prefixed(predicate)
            if predicate in _ON_VALUES:
                yield Constraint(kind, self._said(f"rules.show.c.{_ON_VALUES[predicate]}",
                                                  value=value, n=value))
            elif predicate in _WHEN_TRUE and value == Literal(True):
                yield Constraint(kind, self._said(f"rules.show.c.{_WHEN_TRUE[predicate]}"))
            elif predicate == SH["in"]:
                members = list(Collection(graph, value))
                yield Constraint(kind, {lang: message(
                    "rules.show.c.in", lang, values=listed(
                        (self._term(m, lang) for m in members), lang)) for lang in LANGUAGES})
            elif predicate == SH.languageIn:
                tags = [str(tag) for tag in Collection(graph, value)]
                yield Constraint(kind, {lang: message(
                    "rules.show.c.language_in", lang, languages=listed(tags, lang))
                    for lang in LANGUAGES})
            elif predicate == SH.closed and value == Literal(True):
                yield self._closed(node)
            elif predicate == SH.pattern:
                flags = graph.value(node, SH.flags)
                yield Constraint(kind, self._said(
                    "rules.show.c.pattern_flags" if flags is not None else "rules.show.c.pattern",
                    pattern=str(value), flags=str(flags)))
            elif predicate == SH.sparql:
                yield Constraint(kind, _sparql_said(graph, value))
            elif predicate in _NESTING:
                yield Constraint(kind, self._said(f"rules.show.c.{_NESTING[predicate]}"),
                                 (self.shape(value, depth + 1),))
            elif predicate in _LOGICAL:
                yield Constraint(kind, self._said(f"rules.show.c.{_LOGICAL[predicate]}"), tuple(
                    self.shape(m, depth + 1) for m in Collection(graph, value)))
            elif predicate == SH.qualifiedValueShape:
                yield self._qualified(node, value, depth)
            else:
                yield Constraint(kind, self._said("rules.show.c.other", kind=kind, value=value))

    def _in_order(self, node: Node, pair: tuple[Node, Node]
                  ) -> tuple[int, tuple[int, int], tuple[int, str, int], str]:
        """Constraints in the order a reader asks: how many, of what, then the shapes nested, in
        the order the shape lists them (`sh:property shp:B , shp:A`: B first), then those it
        does not list so (a shape reached another way) in the order the shapes files write
        them (by the line opening each; those written nowhere after, by name); each max…
        after its min… (sh:minInclusive, then sh:maxInclusive)."""
        predicate, value = pair
        nesting = predicate in _NESTING or predicate in _LOGICAL or predicate == SH.qualifiedValueShape
        rank = 0 if predicate in (SH.minCount, SH.maxCount) else 2 if nesting else 1
        listed = self._written.listed_at(node, URIRef(predicate), value) if nesting else None
        at = self._places.get(value) if nesting and isinstance(value, URIRef) else None
        return rank, listed or _UNLISTED, place_order(at), \
            f"{_AFTER_MIN.get(predicate, predicate)} {predicate in _AFTER_MIN} {value}"

    def _closed(self, node: Node) -> Constraint:
        """sh:closed with the properties it lets pass besides the paths' (sh:ignoredProperties)."""
        ignored = self._shapes.value(node, SH.ignoredProperties)
        terms = list(Collection(self._shapes, ignored)) if ignored is not None else []
        return Constraint(prefixed(SH.closed), {lang: message(
            "rules.show.c.closed_except" if terms else "rules.show.c.closed", lang,
            ignored=listed((self._term(t, lang) for t in terms), lang))
            for lang in LANGUAGES})

    def _qualified(self, node: Node, value: Node, depth: int) -> Constraint:
        """sh:qualifiedValueShape with its counts: how many values must conform to the shape."""
        graph = self._shapes
        least, most = graph.value(node, SH.qualifiedMinCount), graph.value(node, SH.qualifiedMaxCount)
        key = ("rules.show.c.qualified_between" if least is not None and most is not None
               else "rules.show.c.qualified_most" if most is not None
               else "rules.show.c.qualified_least")
        return Constraint(prefixed(SH.qualifiedValueShape),
                          self._said(key, least=least if least is not None else 0, most=most),
                          (self.shape(value, depth + 1),))

    def _said(self, key: str, **values: object) -> dict[str, str]:
        """The message `key` in zh and en, each node of `values` named as terms are."""
        return {lang: message(key, lang, **{
            name: self._term(v, lang) if isinstance(v, (URIRef, BNode, Literal)) else v
            for name, v in values.items()}) for lang in LANGUAGES}

    def _term(self, node: Node, lang: Lang) -> str:
        """A term as `“label” (bcic:X)`, or its prefixed name alone when it has no label; a
        literal as written, a text quoted; a blank node in words, never by its id."""
        if isinstance(node, Literal):
            if node.language:
                return f"“{node}”@{node.language}"
            return str(node) if node.datatype is not None else f"“{node}”"
        if isinstance(node, BNode):  # its id is the parser's, no name anyone wrote
            return message("rules.show.blank_node", lang)
        label = self._labels.get(node, {}).get(lang)
        return message("rules.show.term", lang, label=label, name=prefixed(node)) if label \
            else prefixed(node)

    def _path_words(self, node: Node, lang: Lang) -> str:
        """The path in words, following its direction and structure (inverse, alternatives,
        sequences, repeats); the instances of a class (an existence check's
        `^rdfs:subClassOf*/^rdf:type`) in words of their own, then any steps after them."""
        steps = path_steps(read_path(self._shapes, node))
        if tuple(steps[:2]) == _INSTANCES:
            said = [message("rules.show.path_instances", lang),
                    *(self._step_words(step, lang, True) for step in steps[2:])]
        else:
            said = [self._step_words(step, lang, len(steps) > 1) for step in steps]
        first, *then = said
        for step in then:
            first = message("rules.show.p.then", lang, first=first, then=step)
        return first

    def _step_words(self, path: ShapePath, lang: Lang, inside: bool) -> str:
        """One path in words; a sequence or alternatives `inside` another path in brackets."""
        if isinstance(path, URIRef):
            return self._term(path, lang)
        if isinstance(path, InvPath):
            return message("rules.show.p.inverse", lang,
                           path=self._step_words(path.arg, lang, True))
        if isinstance(path, MulPath):
            return message(f"rules.show.p.{_REPEATS[path.mod]}", lang,
                           path=self._step_words(path.path, lang, True))
        if isinstance(path, SequencePath):
            parts = [self._step_words(step, lang, True) for step in path_steps(path)]
            key, name = "rules.show.p.then", "then"
        else:
            assert isinstance(path, AlternativePath)
            parts = [self._step_words(step, lang, True) for step in path.args]
            key, name = "rules.show.p.or", "other"
        said, *rest = parts
        for part in rest:
            said = message(key, lang, first=said, **{name: part})
        return message("rules.show.p.group", lang, path=said) if inside else said


def _terms(graph: Graph, shape: Node) -> Iterator[Node]:
    """Every IRI the shape and the shapes it nests name, to be labelled at once."""
    seen: set[Node] = set()
    todo = [shape]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        yield node
        for value in graph.objects(node, None):
            if isinstance(value, BNode) or (isinstance(value, URIRef)
                                            and value.startswith(str(SHP))):
                todo.append(value)
            elif isinstance(value, URIRef):
                yield value


def _sparql_said(graph: Graph, constraint: Node) -> dict[str, str]:
    """A SPARQL constraint in each language: by its rdfs:comment, else its query in short; with
    its own sh:message, which a report gives when the query finds something."""
    query = _sparql_summary(graph, constraint)
    said: dict[str, str] = {}
    for lang in LANGUAGES:
        comment = _in_language(graph.objects(constraint, RDFS.comment), lang)
        text = _in_language(graph.objects(constraint, SH.message), lang)
        said[lang] = message("rules.show.c.sparql_message" if text else "rules.show.c.sparql",
                             lang, query=comment or query, message=text)
    return said


def _in_language(values: Iterable[Node], lang: Lang) -> str | None:
    """The literal in `lang`, else an untagged one, else one in another language; None if none."""
    literals = sorted((v for v in values if isinstance(v, Literal)),
                      key=lambda v: (v.language != lang, bool(v.language), str(v)))
    return str(literals[0]) if literals else None


def _sparql_summary(graph: Graph, constraint: Node) -> str:
    """A SPARQL constraint in short: the first comment line of its query, else its first line
    that says something, cut at 120 characters."""
    query = graph.value(constraint, SH.select) or graph.value(constraint, SH.ask)
    lines = [line.strip() for line in str(query or "").splitlines() if line.strip()]
    comment = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), None)
    said = comment or next((line for line in lines if not line.upper().startswith("PREFIX")), "")
    return said if len(said) <= 120 else said[:119] + "…"
