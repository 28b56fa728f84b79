"""What one submission node lacks for a shape: its counts along the shape's path (where a path of
several steps stopped, what a value beside another stands against), the checks of each value
(checker/value_checks.py), then the shapes nested in it in turn (sh:or, sh:not, sh:property,
sh:node, a guarded shape's check, a qualified value shape), down to _DEPTH shapes below it.
A value that another shape asks for along the same property of a record of the frame, and that
meets it, is there for that shape and is no near miss (the body named beside 7.4.3's member)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, SH, SKOS
from rdflib.term import Node

from .closest_candidates import closest, in_order
from .findings import Candidate, Lack
from .namespaces import BCIC, SHP
from .rated_levels import best_first, level_ranks
from .shacl import shape_iri
from .shape_asks import LackMaker, ShapeAsks
from .shape_guards import guarded_checks
from .shape_order import display_order
from .shape_paths import INSTANCE_OF, ShapePath, joined, path_steps
from .term_texts import prefixed_naming, text_meaning
from .value_checks import value_lacks

_DEPTH = 10  # nested shapes explained below a candidate (9.2.3: level › scale › model › record › cluster)
# The properties by which the frame (shapes/provenance.ttl) asks for the body beside a member.
_FRAME_PROPERTIES = frozenset({PROV.wasAttributedTo, PROV.wasAssociatedWith})


def _list_holding(data: Graph, term: Node, values: Iterable[Node]) -> BNode | None:
    """The first value that is an RDF list holding `term` (Turtle's `bcic:covers ( … )`, JSON-LD's
    "@list"): one value, whose items count for none; None where no value is."""
    for value in values:
        if isinstance(value, BNode) and (value, RDF.first, None) in data \
                and term in Collection(data, value):
            return value
    return None


def _narrower(data: Graph, term: Node, values: Iterable[Node]) -> URIRef | None:
    """The first value that is an indicator narrower than `term` (skos:broader+: 9.1.4's
    对欧盟出口率 under 出口率), which a KPI system lists in its place; None where none is."""
    return next((v for v in values if isinstance(v, URIRef) and v != term
                 and term in data.transitive_objects(v, SKOS.broader)), None)


class LackFinder(ShapeAsks):
    """The shapes, read once, to say what a node lacks for any of them."""

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        super().__init__(shapes, ontology)
        self._qualified_along: dict[Node, list[tuple[Node, Node]]] | None = None

    def property_lacks(self, data: Graph, node: Node, shape: Node, path: ShapePath | None,
                       depth: int) -> Iterable[Lack]:
        """What `node` lacks for `shape` whose values are reached along `path` (None: the node)."""
        values = in_order(set(data.objects(node, path))) if path is not None else [node]  # type: ignore[arg-type]
        s = self.shapes
        lack = LackMaker(self, shape_iri(shape), path)
        if path is None and isinstance(node, Literal) and self.asks_record(shape):
            # A text where a record is asked (9.1.1: a strategy by its title; 8.3.4 —2: a party,
            # an agent or a stakeholder): that it is no record is all there is to say; what a
            # record of the class lacks is moot.
            yield lack("ClassConstraintComponent", value=node)
            return
        if (expected := s.value(shape, SH.hasValue)) is not None and expected not in values:
            # A text naming the value asked (bcic:covers "bcic:PlanPhase", 9.4.2), or nearest it
            # in spelling ("技术" for 技术环境, 5.1): said to be one; so is the term written as a
            # prefixed name RDF/XML's rdf:resource did not expand (bcic:PolicyEnvironment, 5.1).
            yield lack("HasValueConstraintComponent",
                       value=text_meaning(expected, values, self.ontology)
                       or prefixed_naming(expected, values)
                       or _list_holding(data, expected, values)
                       or (_narrower(data, expected, values)
                           if path == BCIC.includesIndicator else None))
        if (least := s.value(shape, SH.minCount)) is not None and len(values) < int(least):
            yield lack("MinCountConstraintComponent",
                       closest=() if values else self._stopped(data, node, shape, path))
        if (most := s.value(shape, SH.maxCount)) is not None and len(values) > int(most):
            yield lack("MaxCountConstraintComponent", value=values[0] if int(most) == 0 else None,
                       closest=self._beside(data, node, shape) if int(most) == 0 else ())
        yield from value_lacks(data, s, shape, values, lack)
        if depth >= _DEPTH:
            return
        if (listed := s.value(shape, SH["or"])) is not None and not guarded_checks(s, shape):
            options = list(Collection(s, listed))  # a value of none of them (9.4.1's priority)
            yield from (lack("OrConstraintComponent", value=v) for v in values
                        if all(self._fails(data, v, o, depth) for o in options))
        if (negated := s.value(shape, SH["not"])) is not None:
            yield from (lack("NotConstraintComponent", value=v) for v in values
                        if not self._fails(data, v, negated, depth))
        # A text where a record of a class is asked is said to be no record (its class lack,
        # above), and not held against what a record of the class lacks (decision 15).
        records = [v for v in values if not isinstance(v, Literal)] \
            if s.value(shape, SH["class"]) is not None else values
        # The parts of a record as the standard names them (sh:order), the others as listed.
        for inner in sorted(s.objects(shape, SH.property), key=lambda p: display_order(s, p)):
            for v in records:
                yield from self.property_lacks(data, v, inner, self.path(inner), depth + 1)
        for inner in s.objects(shape, SH.node):
            for v in records:
                found = tuple(self.property_lacks(data, v, inner, None, depth + 1))
                if path is None:  # the node itself must conform: its lacks are the shape's
                    yield from found
                elif found:
                    yield lack("NodeConstraintComponent", value=v,
                               closest=(Candidate(v, shape_iri(inner), found),))
        for inner in guarded_checks(s, shape):  # the guard does not hold: the check is what fails
            for v in records:
                yield from self.property_lacks(data, v, inner, self.path(inner), depth + 1)
        if (qualified := s.value(shape, SH.qualifiedValueShape)) is not None:
            claimed = self._claimed(data, node, path, qualified, values, depth)
            yield from self._qualified_lacks(data, node, lack, qualified, values, path, depth,
                                            claimed)

    def _beside(self, data: Graph, node: Node, shape: Node) -> tuple[Candidate, ...]:
        """Where a shape allows no value beside the property its targets are subjects of (9.2.3: no
        number beside a rated level): that property's values of the node, which the lack quotes,
        levels best first."""
        beside = self.shapes.value(shape, SH.targetSubjectsOf)
        if not isinstance(beside, URIRef):
            return ()
        values = set(data.objects(node, beside))
        return tuple(Candidate(v, shape_iri(shape), (Lack(beside, shape_iri(shape), "Beside"),))
                     for v in best_first(values, level_ranks(data, values)))

    def _stopped(self, data: Graph, node: Node, shape: URIRef | Node, path: ShapePath | None,
                 constraint: str = "MinCountConstraintComponent") -> tuple[Candidate, ...]:
        """Where a path of several steps reached nothing at its end: the values its first steps
        reached, each lacking the rest of it as `constraint` asks (9.2.3: an observation's
        cluster, which no cultivation body cultivates; 9.2.1: a specification's indicator, which
        no KPI system includes); none where the first step reached nothing."""
        steps = path_steps(path) if path is not None else []
        reached, walked = [node], 0
        for step in steps[:-1]:
            found = in_order({o for n in reached for o in data.objects(n, step)})  # type: ignore[arg-type]
            if not found:
                break
            reached, walked = found, walked + 1
        if not walked:
            return ()
        expected, count = self.expectation(shape_iri(shape), constraint)
        rest = Lack(joined(steps[walked:]), shape_iri(shape), constraint, expected, count)
        return tuple(Candidate(n, shape_iri(shape), (rest,)) for n in reached)

    def _fails(self, data: Graph, value: Node, shape: Node, depth: int) -> bool:
        """Whether `value` lacks anything `shape` asks of it (itself, not along a path)."""
        return any(True for _lack in self.property_lacks(data, value, shape, None, depth + 1))

    def _qualified_lacks(self, data: Graph, node: Node, lack: LackMaker, qualified: Node,
                         values: list[Node], path: ShapePath | None, depth: int,
                         claimed: set[Node]) -> Iterable[Lack]:
        held = [Candidate(v, shape_iri(qualified),
                          tuple(self.property_lacks(data, v, qualified, None, depth + 1)))
                for v in values]
        if path is None:  # the node itself must conform: what it lacks is what the shape asks
            yield from (x for c in held for x in c.lacks)
            return
        constraint = "QualifiedMinCountConstraintComponent"
        _expected, least = self.expectation(lack.shape, constraint)
        if sum(not c.lacks for c in held) < (least or 0):
            nearest = closest([c for c in held if c.lacks and c.node not in claimed]) if values \
                else self._stopped(data, node, lack.shape, path, constraint)
            yield lack(constraint, closest=nearest)

    def _claimed(self, data: Graph, node: Node, path: ShapePath | None, qualified: Node,
                 values: list[Node], depth: int) -> set[Node]:
        """The values of `node` along `path`, a property of the frame (who made the record), that
        meet what another shape asks of a value along it for a record of its class (its
        sh:targetClass): the cultivation body the frame asks a record to name beside a member
        is there for the frame, and the body is no near miss of a member anywhere along the
        frame's properties (7.4.2, 7.4.3 and 7.4.4 frame no body; a record names it beside the
        member). Along any other property a value stays a near miss (6.1.2.2's permission names
        the architecture's own mode, which 6.1.2.2 itself accepts)."""
        if path is None:
            return set()
        if self._qualified_along is None:
            s, self._qualified_along = self.shapes, {}
            for shape in set(s.subjects(SH.targetClass, None)):
                along, other = s.value(shape, SH.path), s.value(shape, SH.qualifiedValueShape)
                if along in _FRAME_PROPERTIES and other is not None:
                    self._qualified_along.setdefault(along, []).extend(
                        (cls, other) for cls in s.objects(shape, SH.targetClass))
        along = [(cls, other) for cls, other in self._qualified_along.get(path, [])
                 if other != qualified]
        classes = set(data.objects(node, INSTANCE_OF)) if along else set()  # type: ignore[arg-type]
        others = {other for cls, other in along if cls in classes}
        # The body that cultivates the cluster, named for the record's frame or beside the member
        # a clause names (7.4.2, 7.4.3, 7.4.4, which frame no body), is never a near miss of a member.
        if path in _FRAME_PROPERTIES and qualified != SHP.CultivatingBody:
            others.add(SHP.CultivatingBody)
        return {v for v in values
                if any(not self._fails(data, v, other, depth) for other in others)}

