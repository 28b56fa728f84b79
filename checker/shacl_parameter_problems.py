"""Mistakes in how shapes write SHACL's own terms and parameter values. pyshacl passes over a
term SHACL does not define (`sh:mincount 1`: the check is met without a word) and the terms of
the extensions it runs here without (SHACL-JS, SHACL Advanced Features); it refuses a shape
whose parameter has the wrong form (`sh:minCount "1"`, `sh:pattern "["`) only while validating,
so every validation fails with an engine error naming no file or line; and counts that
contradict each other (`sh:minCount 2 ; sh:maxCount 1`) fail every submission."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import SH as SHACL_TERMS
from rdflib.term import Node

from .rule_problem import ProblemKind, RuleProblem, prefixed
from .rulebook import SH
from .shape_term_problems import named_shape

# Every term of the SHACL vocabulary (W3C SHACL 1.0, Appendix C), by local name: rdflib lists
# them, the five that are Python keywords apart.
DEFINED = frozenset([*SHACL_TERMS.__annotations__, "and", "class", "in", "not", "or"])
# The predicates that open a construct of the extensions pyshacl runs only when asked to, which
# this checker never does (checker/shacl_warm.py): what they hold would never be asked. The
# terms written within one (sh:jsFunctionName, sh:condition) are said through it.
NOT_RUN = {"js": "js", "rule": "advanced", "target": "advanced", "expression": "advanced"}
_COUNTS = ("minCount", "maxCount", "minLength", "maxLength", "qualifiedMinCount",
           "qualifiedMaxCount")
_BOUNDS = ("minInclusive", "minExclusive", "maxInclusive", "maxExclusive")
_BOOLEANS = ("uniqueLang", "closed", "deactivated", "qualifiedValueShapesDisjoint")
_NODE_KINDS = frozenset(SH[k] for k in ("BlankNode", "IRI", "Literal", "BlankNodeOrIRI",
                                        "BlankNodeOrLiteral", "IRIOrLiteral"))
_SINGLE = (*_COUNTS, "nodeKind", "flags")  # SHACL takes at most one value of each on a shape
_RUN_FLAGS = "im"  # the sh:flags letters pyshacl applies to a pattern; it drops s, x and q
_BARE = (XSD.integer, XSD.decimal, XSD.double, XSD.boolean)  # Turtle writes them unquoted
_PAIRS = (("minCount", "maxCount"), ("minLength", "maxLength"),
          ("qualifiedMinCount", "qualifiedMaxCount"))


def shacl_parameter_problems(shapes: Graph) -> list[RuleProblem]:
    """Every such mistake once, by kind, then by shape."""
    found = {_identity(p): p for p in (*_unknown_terms(shapes), *_parameter_values(shapes),
                                        *_contradictions(shapes))}
    return [found[key] for key in sorted(found)]


def _identity(problem: RuleProblem) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """What tells two problems apart: a term written twice on one shape is one mistake."""
    return problem.kind.value, str(problem.subject), tuple(sorted(problem.values.items()))


def _unknown_terms(shapes: Graph) -> Iterator[RuleProblem]:
    """sh: terms SHACL does not define (with the nearest defined one) wherever a shape writes
    them, and the predicates that open a construct of SHACL-JS or SHACL Advanced Features."""
    for s, p, o in shapes:
        for term in (p, o):
            local = _shacl_local(term)
            if local is None or (shape := named_shape(shapes, s)) is None:
                continue
            if local not in DEFINED:
                close = difflib.get_close_matches(local, DEFINED, n=1, cutoff=0.7)
                yield RuleProblem(ProblemKind.SHACL_TERM, shape, {"term": prefixed(term)},
                                  f"sh:{close[0]}" if close else None)
            elif term == p and local in NOT_RUN:
                yield RuleProblem(ProblemKind.NOT_RUN, shape,
                                  {"term": prefixed(term), "extension": NOT_RUN[local]})


def _shacl_local(term: Node) -> str | None:
    """The local name of an IRI in SHACL's namespace, None for any other node."""
    if isinstance(term, URIRef) and str(term).startswith(str(SH)):
        return str(term)[len(str(SH)):]
    return None


def _parameter_values(shapes: Graph) -> Iterator[RuleProblem]:
    """Parameter values SHACL does not take: pyshacl refuses the shape while validating, fails
    every value, or (sh:flags) drops the letters it does not apply."""
    for holder, parameter, value in shapes:
        local = _shacl_local(parameter)
        if local is None or (shape := named_shape(shapes, holder)) is None:
            continue
        takes = _takes(shapes, local, value)
        if takes is not None:
            yield RuleProblem(ProblemKind.PARAMETER_VALUE, shape, {
                "property": prefixed(parameter), "value": _said(value), **takes})
    for local in _SINGLE:
        values: dict[Node, list[Node]] = defaultdict(list)
        for holder, value in shapes.subject_objects(SH[local]):
            values[holder].append(value)
        for holder, found in values.items():
            if len(found) > 1 and (shape := named_shape(shapes, holder)) is not None:
                yield RuleProblem(ProblemKind.PARAMETER_VALUE, shape, {
                    "property": f"sh:{local}", "value": tuple(sorted(map(_said, found))),
                    "takes": "single", "effect": "refused"})


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
        return None if ok else {"takes": "boolean", "effect": "refused"}
    if local == "nodeKind":
        return None if value in _NODE_KINDS else {"takes": "node_kind", "effect": "fails_all"}
    if local == "flags":
        ok = isinstance(value, Literal) and set(str(value)) <= set(_RUN_FLAGS)
        return None if ok else {"takes": "flags", "effect": "dropped"}
    if local == "pattern":
        return _pattern_problem(value)
    if local == "languageIn":
        ok = ((value, RDF.first, None) in shapes
              and all(isinstance(tag, Literal) for tag in shapes.items(value)))
        return None if ok else {"takes": "languages", "effect": "fails_all"}
    return None


def _pattern_problem(value: Node) -> dict[str, str] | None:
    if not isinstance(value, Literal):
        return {"takes": "pattern_literal", "effect": "refused"}
    try:
        re.compile(str(value))
    except re.error as error:  # pyshacl compiles patterns with Python's `re`
        return {"takes": "pattern", "detail": str(error), "effect": "refused"}
    return None


def _said(value: Node) -> str:
    """A parameter value as Turtle would write it: a number or boolean bare, another literal
    quoted with its language or prefixed datatype, an IRI prefixed."""
    if isinstance(value, Literal):
        if value.datatype in _BARE and not value.ill_typed:
            return str(value)
        quoted = Literal(str(value)).n3()  # the lexical form, quoted and escaped
        if value.language:
            return f"{quoted}@{value.language}"
        return f"{quoted}^^{prefixed(value.datatype)}" if value.datatype else quoted
    return prefixed(value) if isinstance(value, URIRef) else "[ ]"


def _contradictions(shapes: Graph) -> Iterator[RuleProblem]:
    """A minimum above its maximum on one shape: no node meets both, so every submission fails
    the check."""
    for low, high in _PAIRS:
        for holder, least in shapes.subject_objects(SH[low]):
            for most in shapes.objects(holder, SH[high]):
                if (_integer(least) is not None and _integer(most) is not None
                        and _integer(least) > _integer(most)  # type: ignore[operator]
                        and (shape := named_shape(shapes, holder)) is not None):
                    yield RuleProblem(ProblemKind.CONTRADICTION, shape, {
                        "low": f"sh:{low} {least}", "high": f"sh:{high} {most}"})


def _integer(value: Node) -> int | None:
    if isinstance(value, Literal) and isinstance(python := value.toPython(), int):
        return python
    return None
