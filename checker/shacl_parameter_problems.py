"""Mistakes in the values of SHACL's parameters that validation shows only as an engine failure
or not at all. pyshacl refuses a shape whose parameter has the wrong form (`sh:minCount "1"`,
`sh:pattern "["`, `sh:in "P1Y"`, `sh:minCount` on a node shape) only while validating, so every
validation fails with an error naming no file or line; it fails every value for some
(`sh:nodeKind sh:Violation`, `sh:class "bcic:X"`), reads others otherwise than written
(`sh:deactivated "false"` turns the shape off); and bounds that contradict each other
(`sh:minCount 2 ; sh:maxCount 1`) fail every submission."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from .namespaces import SHP
from .rule_problem import PREFIXES, ProblemKind, RuleProblem, prefixed
from .rulebook import SH
from .shacl_vocabulary_problems import shacl_local, shacl_vocabulary_problems
from .shape_term_problems import named_shape
from .python_patterns import python_only
from .xpath_patterns import xpath_only

_COUNTS = ("minCount", "maxCount", "minLength", "maxLength", "qualifiedMinCount",
           "qualifiedMaxCount")
_BOUNDS = ("minInclusive", "minExclusive", "maxInclusive", "maxExclusive")
# How pyshacl reads a boolean parameter written otherwise than true or false: refuses the shape,
# takes Python's truth of the value ("false" is true), or reads it as false.
_BOOLEANS = {"uniqueLang": "refused", "closed": "truthy", "deactivated": "truthy",
             "qualifiedValueShapesDisjoint": "read_false"}
_NODE_KINDS = frozenset(SH[k] for k in ("BlankNode", "IRI", "Literal", "BlankNodeOrIRI",
                                        "BlankNodeOrLiteral", "IRIOrLiteral"))
# An IRI-valued parameter given a literal, and what the engine then does (SHACL 1.0, 4.1.2,
# 4.1.1, 4.5, 4.7.1): sh:equals compares the values with those of no property, so every node
# with a value fails (on a node shape, whose value is the focus node itself, every one);
# sh:disjoint then finds none shared, so asks nothing; sh:lessThan is refused.
_IRI_VALUED = {"class": "fails_all", "node": "asks_nothing", "datatype": "fails_all",
               "equals": "fails_valued", "disjoint": "no_property", "lessThan": "refused",
               "lessThanOrEquals": "refused"}
_BARE_NAME = re.compile(r"[A-Za-z_][\w.-]*")
_SINGLE = (*_COUNTS, "nodeKind")  # SHACL takes at most one value of each on a shape
_RUN_FLAGS = "im"  # the sh:flags letters pyshacl applies (lower-cased first); it drops s, x, q
# Parameters pyshacl takes on property shapes only (SHACL 1.0, 2.3.1, 4.2.1, 4.4.3, 4.5, 4.7.3).
_ON_PROPERTY_SHAPES = ("minCount", "maxCount", "uniqueLang", "lessThan", "lessThanOrEquals",
                       "qualifiedValueShape")
_BARE = (XSD.integer, XSD.decimal, XSD.double, XSD.boolean)  # Turtle writes them unquoted
_COUNT_PAIRS = (("minCount", "maxCount"), ("minLength", "maxLength"),
                ("qualifiedMinCount", "qualifiedMaxCount"))
# A lower and an upper bound, and whether a value equal to both meets them.
_BOUND_PAIRS = (("minInclusive", "maxInclusive", True), ("minInclusive", "maxExclusive", False),
                ("minExclusive", "maxInclusive", False), ("minExclusive", "maxExclusive", False))


def shacl_parameter_problems(shapes: Graph) -> list[RuleProblem]:
    """Every such mistake, and those of SHACL's terms (checker/shacl_vocabulary_problems.py),
    once each, by kind, then by shape."""
    found = {_identity(p): p for p in (*shacl_vocabulary_problems(shapes),
                                        *_parameter_values(shapes), *_misplaced(shapes),
                                        *_contradictions(shapes))}
    return [found[key] for key in sorted(found)]


def _identity(problem: RuleProblem) -> tuple[str, str, str, str]:
    """What tells two problems apart: one found twice (as a value and as misplaced) is one
    mistake; written on two nodes (two `sh:property [ … ]`, in two files), two, each placed at
    its own statement (decision 16)."""
    return (problem.kind.value, str(problem.subject), repr(sorted(problem.values.items())),
            problem.node or "")


def _parameter_values(shapes: Graph) -> Iterator[RuleProblem]:
    """Parameter values SHACL does not take, with what the engine does with each instead."""
    for holder, parameter, value in shapes:
        local = shacl_local(parameter)
        if local is None or (shape := named_shape(shapes, holder)) is None:
            continue
        if (takes := _takes(shapes, local, value)) is not None:
            if local == "equals" and takes["effect"] == "fails_valued" \
                    and (holder, SH.path, None) not in shapes:
                takes = {**takes, "effect": "fails_every_node"}  # SHACL 1.0, 4.5.1
            yield _problem(shapes, (holder, shape), parameter, value, takes)
    for local in (*_SINGLE, "flags"):
        values: dict[Node, list[Node]] = defaultdict(list)
        for holder, value in shapes.subject_objects(SH[local]):
            values[holder].append(value)
        for holder, found in values.items():
            if len(found) > 1 and (shape := named_shape(shapes, holder)) is not None:
                yield RuleProblem(ProblemKind.PARAMETER_VALUE, shape, {
                    "property": f"sh:{local}", "value": tuple(sorted(map(_said, found))),
                    "takes": "single", "effect": "one_of" if local == "flags" else "refused"},
                    statement=(f"sh:{local}", min(map(_said, found))), node=str(holder))


def _problem(shapes: Graph, where: tuple[Node, URIRef], parameter: URIRef, value: Node,
             takes: dict[str, str]) -> RuleProblem:
    """The problem of `parameter value` on a node (`where`: it and its named shape)."""
    holder, shape = where
    said = _said(value, shapes)
    return RuleProblem(ProblemKind.PARAMETER_VALUE, shape, {
        "property": prefixed(parameter), "value": said, **takes},
        statement=(prefixed(parameter), said), node=str(holder))


def _takes(shapes: Graph, local: str, value: Node) -> dict[str, str] | None:
    """What SHACL takes as the value of sh:`local` and what the engine does with `value`
    instead (keys of rules.problem.takes and rules.problem.effect; Python's words for a
    pattern it cannot compile), None when `value` is of that form."""
    if local in _COUNTS:
        ok = (isinstance(value, Literal) and value.datatype == XSD.integer
              and not value.ill_typed and value.toPython() >= 0)
        return None if ok else {"takes": "count", "effect": "refused"}
    if local in _BOUNDS:
        if not isinstance(value, Literal):
            return {"takes": "bound", "effect": "refused"}
        return {"takes": "bound", "effect": "fails_all"} if value.ill_typed else None
    if local in _BOOLEANS:
        ok = (isinstance(value, Literal) and value.datatype == XSD.boolean
              and not value.ill_typed)
        return None if ok else {"takes": "boolean", "effect": _BOOLEANS[local]}
    if local in _IRI_VALUED:
        return {"takes": "iri", "iri": _iri_to_write(shapes, local, str(value)),
                "effect": _IRI_VALUED[local]} if isinstance(value, Literal) else None
    if local == "nodeKind":
        return None if value in _NODE_KINDS else {"takes": "node_kind", "effect": "fails_all"}
    if local == "flags":
        return _flags_problem(value)
    if local == "pattern":
        return _pattern_problem(value)
    if local == "languageIn":
        ok = _is_list(shapes, value) and all(_is_plain_string(tag)
                                             for tag in shapes.items(value))
        return None if ok else {"takes": "languages", "effect": "refused"}
    if local == "in":
        return None if _is_list(shapes, value) else {"takes": "list", "effect": "refused"}
    return None


def _iri_to_write(shapes: Graph, local: str, text: str) -> str:
    """The IRI a text given to sh:`local` names, as Turtle writes it: a prefixed name as given,
    a whole IRI prefixed where it can be (`xsd:string`) or in angle brackets, a bare name the
    shape of that name where `shp:` defines one (sh:node), else in angle brackets."""
    prefix, colon, _rest = text.partition(":")
    if colon and prefix in PREFIXES and not text.startswith(f"{prefix}://"):
        return text
    if colon:
        return prefixed(URIRef(text))
    shape = SHP[text]
    if local == "node" and _BARE_NAME.fullmatch(text) and (shape, RDF.type, None) in shapes:
        return prefixed(shape)
    return f"<{text}>"


def _is_list(shapes: Graph, node: Node) -> bool:
    """Whether the node is an RDF list (rdf:nil, the empty one, too)."""
    return node == RDF.nil or (node, RDF.first, None) in shapes


def _is_plain_string(node: Node) -> bool:
    return isinstance(node, Literal) and node.language is None \
        and node.datatype in (None, XSD.string)


def _flags_problem(value: Node) -> dict[str, str] | None:
    """sh:flags as XPath's fn:matches writes them (SHACL 1.0, 4.7.1), of those pyshacl applies;
    it lower-cases them first, and drops every letter but i and m."""
    letters = set(str(value))
    if isinstance(value, Literal) and letters <= set(_RUN_FLAGS):
        return None
    if isinstance(value, Literal) and {c.lower() for c in letters} <= set(_RUN_FLAGS):
        return {"takes": "flags", "effect": "lowered"}
    return {"takes": "flags", "effect": "dropped"}


def _pattern_problem(value: Node) -> dict[str, str] | None:
    """A pattern Python cannot compile (refused: XPath's escape it lacks, else Python's words),
    compiles as another pattern than XPath reads (checker/xpath_patterns.py), or compiles in a
    syntax of its own that XPath lacks (checker/python_patterns.py)."""
    if not isinstance(value, Literal):
        return {"takes": "pattern_literal", "effect": "refused"}
    xpath = xpath_only(str(value))
    try:
        re.compile(str(value))
    except re.error as error:  # pyshacl compiles patterns with Python's `re`: it refuses
        if xpath is not None and xpath[0] == "escape":
            return {"takes": "pattern_escape", "detail": xpath[1], "effect": "refused"}
        return {"takes": "pattern", "detail": str(error), "effect": "refused"}
    if xpath is not None:  # compiled, as another pattern: `[a-z-[p]]`
        return {"takes": f"pattern_{xpath[0]}", "detail": xpath[1], "effect": "reads_otherwise"}
    if (python := python_only(str(value))) is not None:  # Python's own syntax: `(?i)`, `\b`
        return {"takes": "pattern_python", "construct": python.construct,
                "detail": python.written, "effect": "python_only", "instead": python.instead,
                "write": python.write}
    return None


def _misplaced(shapes: Graph) -> Iterator[RuleProblem]:
    """Parameters pyshacl refuses where they stand: one a node shape (no sh:path) may not
    have, qualified counts without sh:qualifiedValueShape, sh:ignoredProperties on a shape that
    is not closed."""
    for local in _ON_PROPERTY_SHAPES:
        for holder, value in shapes.subject_objects(SH[local]):
            if (holder, SH.path, None) not in shapes \
                    and (shape := named_shape(shapes, holder)) is not None:
                yield _problem(shapes, (holder, shape), SH[local], value,
                               {"takes": "on_property_shape", "effect": "refused"})
    for local in ("qualifiedMinCount", "qualifiedMaxCount"):
        for holder, value in shapes.subject_objects(SH[local]):
            if (holder, SH.qualifiedValueShape, None) not in shapes \
                    and (shape := named_shape(shapes, holder)) is not None:
                yield _problem(shapes, (holder, shape), SH[local], value,
                               {"takes": "with_qualified_shape", "effect": "refused"})
    for holder, value in shapes.subject_objects(SH.ignoredProperties):
        if (holder, SH.closed, None) not in shapes \
                and (shape := named_shape(shapes, holder)) is not None:
            yield _problem(shapes, (holder, shape), SH.ignoredProperties, value,
                           {"takes": "on_closed_shape", "effect": "refused"})


def _said(value: Node, shapes: Graph | None = None) -> str:
    """A parameter value as Turtle would write it: a number or boolean bare, another literal
    quoted with its language or prefixed datatype, an IRI prefixed, a list of `shapes` in
    brackets."""
    if shapes is not None and value != RDF.nil and _is_list(shapes, value):
        return "( " + " ".join(_said(item, shapes) for item in shapes.items(value)) + " )"
    if isinstance(value, Literal):
        if value.datatype in _BARE and not value.ill_typed:
            return str(value)
        quoted = Literal(str(value)).n3()  # the lexical form, quoted and escaped
        if value.language:
            return f"{quoted}@{value.language}"
        return f"{quoted}^^{prefixed(value.datatype)}" if value.datatype else quoted
    return prefixed(value) if isinstance(value, URIRef) else "[ ]"


def _contradictions(shapes: Graph) -> Iterator[RuleProblem]:
    """A minimum above its maximum on one shape (counts, lengths, qualified counts, and value
    bounds no value can lie between): no node meets both, so every submission fails the
    check."""
    pairs = [*((low, high, True) for low, high in _COUNT_PAIRS), *_BOUND_PAIRS]
    for low, high, equal_meets in pairs:
        for holder, least in shapes.subject_objects(SH[low]):
            for most in shapes.objects(holder, SH[high]):
                if _apart(least, most, equal_meets) \
                        and (shape := named_shape(shapes, holder)) is not None:
                    yield RuleProblem(ProblemKind.CONTRADICTION, shape, {
                        "low": f"sh:{low} {_said(least)}", "high": f"sh:{high} {_said(most)}"},
                        wording=None if equal_meets else "exclusive",
                        statement=(f"sh:{low}", _said(least)), node=str(holder))


def _apart(least: Node, most: Node, equal_meets: bool) -> bool:
    """Whether no value lies between two bounds: numbers, dates or date-times alike."""
    low, high = _comparable(least), _comparable(most)
    if low is None or high is None or type(low) is not type(high):
        return False
    return low > high or (low == high and not equal_meets)  # type: ignore[operator]


def _comparable(value: Node) -> Decimal | date | datetime | None:
    """A bound's value where bounds of its kind compare: a number, a date or a date-time."""
    if not isinstance(value, Literal) or value.ill_typed:
        return None
    python = value.toPython()
    if isinstance(python, bool):
        return None
    if isinstance(python, (int, float, Decimal)):
        return Decimal(str(python))
    return python if isinstance(python, (date, datetime)) else None
