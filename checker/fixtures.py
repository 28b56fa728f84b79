"""Each shape's fixture pair: a conforming submission and its non-conforming twin.

The twin differs from the conforming graph only in the facts the shape looks at: the evidence
nodes it counts, the property values it requires, or values beyond the count it allows. Reading the shape's own structure keeps every
shape covered without a hand-written fixture each; a shape whose structure no rule here can read
has no fixture, and `bcic rules coverage` reports it as a gap. A guarded shape (sh:or of a guard
and a check, checker/shape_guards.py) takes its check's fixture, applied to its own focus nodes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.graph import ReadOnlyGraphAggregate
from rdflib.paths import InvPath, Path, SequencePath
from rdflib.term import Node

from .errors import CheckerError
from .rulebook import SH
from .shape_guards import guarded_checks, guarding_shapes
from .shape_paths import read_path

Mutation = Callable[[Graph], Graph]
_Inner = Callable[[Graph, Graph], Graph]


class NoFixtureError(CheckerError):
    """No rule here can derive a non-conforming twin for the shape's structure."""

    exit_code = 1


@dataclass(frozen=True)
class ShapeFixture:
    """How a shape's non-conforming twin is made from a conforming submission."""

    shape: URIRef
    kind: str
    mutate: Mutation


def instances(data: Graph, cls: Node) -> set[Node]:
    """Instances of `cls` or of its subclasses (the hierarchy is in the data graph)."""
    classes = set(data.transitive_subjects(RDFS.subClassOf, cls))
    return {s for c in classes for s in data.subjects(RDF.type, c)}


def fixture_for(shapes: Graph, shape: URIRef, support: Graph) -> ShapeFixture:
    """The fixture of `shape`: the change that must make it report on a conforming submission.

    `support` is the vocabulary validation merges into the data (class hierarchy, concept
    types): paths are followed over both, facts are removed from the submission only.
    """
    kind, inner = _mutation(shapes, shape)
    return ShapeFixture(shape, kind,
                        lambda data: inner(data, ReadOnlyGraphAggregate([data, support])))


def _mutation(shapes: Graph, shape: URIRef) -> tuple[str, _Inner]:
    checks = guarded_checks(shapes, shape)
    if len(checks) == 1:  # the check's twin, on the guarded shape's focus nodes (_focus_nodes)
        return _mutation(shapes, checks[0])  # type: ignore[arg-type]
    qualifier = shapes.value(shape, SH.qualifiedValueShape)
    if (qualifier is not None and shapes.value(_targeting(shapes, shape), SH.targetClass) is not None
            and isinstance(shapes.value(shape, SH.path), URIRef)):
        return "unlink-qualifying-values", _unlink_qualifying(shapes, shape, qualifier)
    if qualifier is not None:
        return "remove-qualifying-evidence", _break_qualifier(shapes, shape, qualifier)
    disjoint = shapes.value(shape, SH.disjoint)
    if disjoint is not None and shapes.value(shape, SH.path) is None:
        return "name-itself", _name_itself(shapes, shape, disjoint)
    node = shapes.value(shape, SH.node)
    if node is not None and not any(shapes.objects(node, SH.property)):
        return "replace-values-with-text", _replace_values_with_text(shapes, shape)
    if node is not None:
        return "strip-required-properties", _strip_node_properties(shapes, shape, node)
    path_node = shapes.value(shape, SH.path)
    if path_node is None:
        raise NoFixtureError(f"no fixture rule fits shape {shape}")
    if shapes.value(shape, SH.nodeKind) is not None:  # a record asked, text given (9.2.3)
        return "replace-values-with-text", _replace_values_with_text(shapes, shape)
    path = read_path(shapes, path_node)
    value = shapes.value(shape, SH.hasValue)
    if value is not None:
        return "cut-path-to-required-value", _drop_path_to(shapes, shape, path, value)
    if shapes.value(shape, SH.minCount) is not None:
        return "remove-counted-values", _drop_last_step(shapes, shape, path)
    most = shapes.value(shape, SH.maxCount)
    if isinstance(most, Literal) and isinstance(path, URIRef):
        return "add-values-beyond-count", _add_beyond(shapes, shape, path, int(most))
    raise NoFixtureError(f"no fixture rule fits shape {shape}")


def _targeting(shapes: Graph, shape: URIRef) -> URIRef:
    """The shape whose targets `shape` looks at: a guarded shape's check has none of its own."""
    return next(iter(guarding_shapes(shapes, shape)), shape)  # type: ignore[return-value]


def _focus_nodes(shapes: Graph, shape: URIRef, data: Graph) -> set[Node]:
    shape = _targeting(shapes, shape)
    node = shapes.value(shape, SH.targetNode)
    if node is not None:
        return {node}
    cls = shapes.value(shape, SH.targetClass)
    if cls is not None:
        return instances(data, cls)
    if (predicate := shapes.value(shape, SH.targetObjectsOf)) is not None:
        return set(data.objects(None, predicate))
    return set(data.subjects(shapes.value(shape, SH.targetSubjectsOf), None))


def _values(data: Graph, focus: set[Node], path: URIRef | Path) -> set[Node]:
    return {v for f in focus for v in data.objects(f, path)}  # type: ignore[arg-type]


def _without_nodes(data: Graph, nodes: set[Node]) -> Graph:
    mutated = Graph()
    mutated.addN((s, p, o, mutated) for s, p, o in data if s not in nodes and o not in nodes)
    return mutated


def _without_triples(data: Graph, doomed: set[tuple[Node, Node, Node]]) -> Graph:
    mutated = Graph()
    mutated.addN((s, p, o, mutated) for s, p, o in data if (s, p, o) not in doomed)
    return mutated


def _break_qualifier(shapes: Graph, shape: URIRef, qualifier: Node) -> _Inner:
    """Remove what the qualified value shape asks of the values the shape counts."""
    path = read_path(shapes, shapes.value(shape, SH.path))  # type: ignore[arg-type]
    cls = shapes.value(qualifier, SH["class"])
    # A property the qualifier forbids (shp:InForce: no prov:invalidatedAtTime) is nothing to take
    # away: the values it selects are removed.
    inner = [p for p in shapes.objects(qualifier, SH.property)
             if shapes.value(p, SH.maxCount) != Literal(0)]

    def mutate(data: Graph, nav: Graph) -> Graph:
        values = _values(nav, _focus_nodes(shapes, shape, nav), path)
        candidates = {v for v in values if cls is None or v in instances(nav, cls)}
        required = [(read_path(shapes, shapes.value(p, SH.path)), shapes.value(p, SH.hasValue))  # type: ignore[arg-type]
                    for p in inner]
        if not required or _only_selects(shapes, qualifier):
            selected = {v for v in candidates
                        if all(val is None or (v, step, val) in nav for step, val in required)}
            return _without_nodes(data, selected)
        doomed = {triple for step, val in required for v in candidates
                  for triple in _first_steps_to(nav, v, step, val)}
        return _without_triples(data, doomed)
    return mutate


def _unlink_qualifying(shapes: Graph, shape: URIRef, qualifier: Node) -> _Inner:
    """Cut each focus node's own statement naming a value of the qualifier's class: a shape that
    asks every instance of a class to name such a value with one predicate (the cultivation body
    its record is attributed to) is broken by the instances, not by changing the value, which
    others share."""
    predicate = shapes.value(shape, SH.path)
    cls = shapes.value(qualifier, SH["class"])

    def mutate(data: Graph, nav: Graph) -> Graph:
        named = instances(nav, cls) if cls is not None else None
        return _without_triples(data, {
            (f, predicate, v) for f in _focus_nodes(shapes, shape, nav)
            for v in nav.objects(f, predicate) if named is None or v in named})  # type: ignore[arg-type]
    return mutate


def _first_steps_to(data: Graph, start: Node, path: URIRef | Path,
                    value: Node | None) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of the path's first step from `start` that lead on to `value` (to anything
    when None): cutting them leaves the path without that value. An inverse first step (an
    agent's memberships, [ sh:inversePath org:member ]) is cut at the triple that points at `start`."""
    steps = list(path.args) if isinstance(path, SequencePath) else [path]
    first, rest = steps[0], steps[1:]
    for o in data.objects(start, first):  # type: ignore[arg-type]
        reached = _reachable(data, o, rest)
        if reached and (value is None or value in reached):
            yield (o, first.arg, start) if isinstance(first, InvPath) else (start, first, o)  # type: ignore[misc]


def _only_selects(shapes: Graph, qualifier: Node) -> bool:
    """Qualifiers that pick evidence by the duty it fulfils rather than ask more of it."""
    return str(qualifier).rsplit("/", 1)[-1].startswith("Fulfils-")


def _strip_node_properties(shapes: Graph, shape: URIRef, node: Node) -> _Inner:
    """Remove, from every value (or focus node), the properties the referenced node shape requires."""
    path_node = shapes.value(shape, SH.path)
    steps = [shapes.value(p, SH.path) for p in shapes.objects(node, SH.property)]

    def mutate(data: Graph, nav: Graph) -> Graph:
        focus = _focus_nodes(shapes, shape, nav)
        values = focus if path_node is None else _values(nav, focus, read_path(shapes, path_node))
        return _without_triples(data, {(v, s, o) for v in values for s in steps
                                       for o in nav.objects(v, s)})  # type: ignore[arg-type]
    return mutate


def _replace_values_with_text(shapes: Graph, shape: URIRef) -> _Inner:
    """Write each value the shape reaches as empty text: a node shape without properties
    constrains the value itself (its datatype, its form), and empty text is of no datatype or
    form it asks for, not even where text is accepted (9.4.1's ranking word)."""
    path = read_path(shapes, shapes.value(shape, SH.path))  # type: ignore[arg-type]

    def mutate(data: Graph, nav: Graph) -> Graph:
        doomed = set(_last_owned_steps(nav, shapes, shape, path, last=True))
        mutated = _without_triples(data, doomed)
        for subject, predicate, _value in doomed:
            mutated.add((subject, predicate, Literal("")))
        return mutated
    return mutate


def _drop_path_to(shapes: Graph, shape: URIRef, path: URIRef | Path, value: Node) -> _Inner:
    """Cut every route from the focus nodes to the required value at the route's first own step."""
    def mutate(data: Graph, nav: Graph) -> Graph:
        doomed: set[tuple[Node, Node, Node]] = set()
        for subject, predicate, obj in _last_owned_steps(nav, shapes, shape, path):
            if value in _reachable(nav, obj, _rest_after(path, predicate)):
                doomed.add((subject, predicate, obj))
        return _without_triples(data, doomed)
    return mutate


def _name_itself(shapes: Graph, shape: URIRef, predicate: Node) -> _Inner:
    """Make every focus node name itself by `predicate`, which a node shape's sh:disjoint keeps
    apart from it (9.3.2 c): a cluster named as its own benchmark)."""
    def mutate(data: Graph, nav: Graph) -> Graph:
        mutated = _without_triples(data, set())
        for focus in _focus_nodes(shapes, shape, nav):
            mutated.add((focus, predicate, focus))
        return mutated
    return mutate


def _add_beyond(shapes: Graph, shape: URIRef, predicate: URIRef, most: int) -> _Inner:
    """Give every focus node one value of `predicate` more than the shape allows (9.2.3: a rated
    observation given a number too, a second level), each a text of its own."""
    def mutate(data: Graph, nav: Graph) -> Graph:
        mutated = _without_triples(data, set())
        for focus in _focus_nodes(shapes, shape, nav):
            for extra in range(most + 1):
                mutated.add((focus, predicate, Literal(f"extra value {extra + 1}")))
        return mutated
    return mutate


def _drop_last_step(shapes: Graph, shape: URIRef, path: URIRef | Path) -> _Inner:
    """Remove the triples of the path's last step, so counts fall to zero."""
    def mutate(data: Graph, nav: Graph) -> Graph:
        return _without_triples(data, set(_last_owned_steps(nav, shapes, shape, path, last=True)))
    return mutate


def _last_owned_steps(data: Graph, shapes: Graph, shape: URIRef, path: URIRef | Path,
                      last: bool = False) -> Iterator[tuple[Node, Node, Node]]:
    """Triples realising the step of `path` after the evidence path (or its very last step)."""
    steps = list(path.args) if isinstance(path, SequencePath) else [path]
    # The first plain predicate after the class-instance prefix is the submission's own fact.
    plain = [i for i, step in enumerate(steps) if isinstance(step, URIRef)]
    index = len(steps) - 1 if last or not plain else plain[0]
    heads = _focus_nodes(shapes, shape, data)
    for step in steps[:index]:
        heads = {o for h in heads for o in data.objects(h, step)}  # type: ignore[arg-type]
    step = steps[index]
    if isinstance(step, InvPath):
        for h in heads:
            for s in data.subjects(step.arg, h):  # type: ignore[arg-type]
                yield (s, step.arg, h)  # type: ignore[misc]
    else:
        for h in heads:
            for o in data.objects(h, step):  # type: ignore[arg-type]
                yield (h, step, o)  # type: ignore[misc]


def _rest_after(path: URIRef | Path, predicate: Node) -> list[URIRef | Path]:
    steps = list(path.args) if isinstance(path, SequencePath) else [path]
    for i, step in enumerate(steps):
        if step == predicate:
            return steps[i + 1:]
    return []


def _reachable(data: Graph, start: Node, steps: list[URIRef | Path]) -> set[Node]:
    nodes = {start}
    for step in steps:
        nodes = {o for n in nodes for o in data.objects(n, step)}  # type: ignore[arg-type]
    return nodes
