"""Mistakes in how shapes name other shapes and provisions that validation passes over without a
word: a shape named but defined nowhere (`sh:node shp:RecuringPeriod`, which SHACL reads as a
shape without constraints, so every value meets it), an `sh:minCount 0` and an
`sh:qualifiedMinCount 0` without `sh:qualifiedMaxCount`, which ask nothing, a
shape with constraints that no shape checking a provision reaches (it checks nothing), and
what the graph would show as one: two `sh:message` in one language, two provisions linked."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from .language_tags import language_of
from .namespaces import BCIC, SHP
from .rule_problem import ProblemKind, RuleProblem, prefixed
from .rulebook import SH, TARGET_PREDICATES, Rulebook
from .shape_term_problems import named_shape

# Where a shape names another shape: the shape itself, or (the lists) each member of a list.
SHAPE_VALUED = (SH.node, SH.property, SH.qualifiedValueShape, SH["not"])
SHAPE_LISTS = (SH["or"], SH["and"], SH.xone)
# The parameters of SHACL Core's constraint components (SHACL 1.0, 4) and SPARQL constraints:
# a shape with one of them asks something of the nodes it is run on.
CONSTRAINTS = frozenset(SH[name] for name in (
    "class", "datatype", "nodeKind", "minCount", "maxCount", "minExclusive", "minInclusive",
    "maxExclusive", "maxInclusive", "minLength", "maxLength", "pattern", "languageIn",
    "uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals", "not", "and", "or",
    "xone", "node", "property", "qualifiedValueShape", "closed", "hasValue", "in", "sparql"))
# How an undefined shape's problem is worded, by the parameter naming it: what SHACL then does.
_WORDING = {SH.node: "named", SH.property: "named", SH.qualifiedValueShape: "qualified",
            SH["not"]: "not", SH["or"]: "or", SH["and"]: "and", SH.xone: "xone"}
_NEAREST = 3  # the defined shapes an undefined one's problem names, at most
_SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape)


def shape_reference_problems(rulebook: Rulebook) -> list[RuleProblem]:
    """Every such mistake, by kind, then by shape."""
    shapes = rulebook.shapes_graph
    return [*_undefined_shapes(shapes), *_zero_min_counts(shapes),
            *_zero_qualified_min_counts(shapes), *_orphan_shapes(shapes),
            *_requirement_pairs(shapes), *_message_pairs(shapes)]


def is_shape(shapes: Graph, node: Node) -> bool:
    """Whether the node is a shape: typed sh:NodeShape or sh:PropertyShape, named as a shape by
    another (shape_references), or with a constraint parameter, a path or a target; the node of
    a SPARQL constraint's sh:prefixes (its sh:declare) is none."""
    return (any((node, RDF.type, kind) in shapes for kind in _SHAPE_TYPES)
            or any((node, p, None) in shapes for p in (*CONSTRAINTS, SH.path, *TARGET_PREDICATES))
            or any(named == node for _holder, _parameter, named in shape_references(shapes)))


def shape_references(shapes: Graph) -> Iterator[tuple[Node, URIRef, Node]]:
    """(holder, parameter, shape named) for every shape a shape names: by sh:node, sh:property,
    sh:qualifiedValueShape, sh:not, or as a member of an sh:or, sh:and or sh:xone list."""
    for parameter in SHAPE_VALUED:
        for holder, named in shapes.subject_objects(parameter):
            yield holder, parameter, named
    for parameter in SHAPE_LISTS:
        for holder, members in shapes.subject_objects(parameter):
            for named in shapes.items(members):
                yield holder, parameter, named


def _undefined_shapes(shapes: Graph) -> Iterator[RuleProblem]:
    """Shape names with no statement of their own in the shapes files (a typo): SHACL reads one
    as a shape without constraints, which every value meets, so the check is a silent "met"."""
    defined = {_local(s): s for t in _SHAPE_TYPES for s in shapes.subjects(RDF.type, t)
               if isinstance(s, URIRef)}
    found = {(shape, parameter, named) for holder, parameter, named in shape_references(shapes)
             if isinstance(named, URIRef) and (named, None, None) not in shapes
             and (shape := named_shape(shapes, holder)) is not None}
    for shape, parameter, named in sorted(found):
        close = difflib.get_close_matches(_local(named), defined, n=_NEAREST)
        yield RuleProblem(ProblemKind.UNDEFINED_SHAPE, shape,
                          {"property": prefixed(parameter), "term": prefixed(named)},
                          tuple(prefixed(defined[c]) for c in close) or None,
                          wording=_WORDING[parameter],
                          statement=(prefixed(parameter), prefixed(named)))


def _local(shape: URIRef) -> str:
    """A shape's name less its namespace (shp:), case aside: what spelling suggestions compare."""
    return str(shape).removeprefix(str(SHP)).lower()


def _zero_min_counts(shapes: Graph) -> Iterator[RuleProblem]:
    """sh:minCount 0: every node has 0 values at least, so it asks nothing (1 was meant, or
    nothing at all)."""
    for holder, count in sorted(shapes.subject_objects(SH.minCount)):
        if (isinstance(count, Literal) and count.toPython() == 0
                and (shape := named_shape(shapes, holder)) is not None):
            yield RuleProblem(ProblemKind.ZERO_MIN_COUNT, shape,
                              statement=(prefixed(SH.minCount), "0"))


def _zero_qualified_min_counts(shapes: Graph) -> Iterator[RuleProblem]:
    """sh:qualifiedMinCount 0 with no sh:qualifiedMaxCount beside it: every node has 0 values
    that conform to the qualified shape at least, so it asks nothing (1 was meant); with a
    maximum, the maximum asks something."""
    for holder, count in sorted(shapes.subject_objects(SH.qualifiedMinCount)):
        if (isinstance(count, Literal) and count.toPython() == 0
                and (holder, SH.qualifiedMaxCount, None) not in shapes
                and (shape := named_shape(shapes, holder)) is not None):
            yield RuleProblem(ProblemKind.ZERO_QUALIFIED_MIN_COUNT, shape,
                              statement=(prefixed(SH.qualifiedMinCount), "0"))


def _orphan_shapes(shapes: Graph) -> Iterator[RuleProblem]:
    """Named shapes with constraints that no shape checking a provision (bcic:checksRequirement)
    reaches through the shapes it names (shape_references), however deep: they check nothing, a
    link forgotten. A shape used by itself only, or by another such shape only, is one; so is
    one with `sh:deactivated false`, which is active. Not asked: those with a target or a
    severity (UNLINKED_SHAPE says so) and those with `sh:deactivated true`, which no engine
    runs."""
    reached = _reached(shapes, set(shapes.subjects(BCIC.checksRequirement, None)))
    asking = {s for p in CONSTRAINTS for s in shapes.subjects(p, None) if isinstance(s, URIRef)}
    for shape in sorted(asking - reached):
        if not any((shape, p, None) in shapes for p in (SH.severity, *TARGET_PREDICATES)) \
                and (shape, SH.deactivated, Literal(True)) not in shapes:
            yield RuleProblem(ProblemKind.ORPHAN_SHAPE, shape)


def _reached(shapes: Graph, roots: set[Node]) -> set[Node]:
    """The roots and every shape they name, however deep (shape_references)."""
    named: dict[Node, set[Node]] = defaultdict(set)
    for holder, _parameter, shape in shape_references(shapes):
        named[holder].add(shape)
    reached, todo = set(roots), list(roots)
    while todo:
        for shape in named[todo.pop()] - reached:
            reached.add(shape)
            todo.append(shape)
    return reached


def _requirement_pairs(shapes: Graph) -> Iterator[RuleProblem]:
    """Shapes linked to two provisions or more: the rulebook files each shape under one, so its
    results would count for one of them only."""
    linked: dict[URIRef, set[Node]] = defaultdict(set)
    for shape, provision in shapes.subject_objects(BCIC.checksRequirement):
        if isinstance(shape, URIRef):
            linked[shape].add(provision)
    for shape in sorted(s for s, provisions in linked.items() if len(provisions) > 1):
        named = sorted(prefixed(p) for p in linked[shape])
        yield RuleProblem(ProblemKind.TWO_REQUIREMENTS, shape,
                          {"n": str(len(named)), "provisions": tuple(named)})


def _message_pairs(shapes: Graph) -> Iterator[RuleProblem]:
    """Nodes with two sh:message or more tagged one language (case aside, BCP 47): a report
    shows one of them, whichever the graph gives first. Each node's own messages are compared:
    a named shape's, a nested property shape's, a SPARQL constraint's, since SHACL gives each
    its own (SHACL 1.0, 2.1.5 and 5.1); the problem names the named shape the node is under."""
    said: dict[tuple[URIRef, str, Node], list[str]] = defaultdict(list)
    for holder, text in shapes.subject_objects(SH.message):
        if (isinstance(text, Literal) and (lang := language_of(text))
                and (shape := named_shape(shapes, holder)) is not None):
            said[shape, lang, holder].append(str(text))
    for shape, lang, holder in sorted(key for key, texts in said.items() if len(texts) > 1):
        texts = sorted(said[shape, lang, holder])
        yield RuleProblem(ProblemKind.DUPLICATE_MESSAGE, shape, {
            "n": str(len(texts)), "lang": lang, "messages": tuple(f"“{t}”" for t in texts)})
