"""Mistakes in the SHACL terms a shape writes: pyshacl passes over a term SHACL does not define
(`sh:mincount 1`: the check is met without a word; `a sh:Propertyshape`: the statement says
nothing to it), and over the constructs of the extensions it runs here without (SHACL-JS,
SHACL Advanced Features), so what they ask is never asked."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from rdflib import RDF, Graph, URIRef
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


def shacl_vocabulary_problems(shapes: Graph) -> Iterator[RuleProblem]:
    """sh: terms SHACL does not define (with the nearest defined one) wherever a shape writes
    them, and the predicates that open a construct of SHACL-JS or SHACL Advanced Features."""
    for s, p, o in shapes:
        for term in (p, o):
            local = shacl_local(term)
            if local is None or (shape := named_shape(shapes, s)) is None:
                continue
            if local not in DEFINED:
                close = difflib.get_close_matches(local, DEFINED, n=1, cutoff=0.7)
                written = "a" if p == RDF.type else prefixed(p)
                yield RuleProblem(ProblemKind.SHACL_TERM, shape, {"term": prefixed(term)},
                                  f"sh:{close[0]}" if close else None,
                                  wording=None if term == p else "value",
                                  statement=(written, prefixed(o) if term == o else ""),
                                  node=str(s))
            elif term == p and local in NOT_RUN:
                yield RuleProblem(ProblemKind.NOT_RUN, shape,
                                  {"term": prefixed(term), "extension": NOT_RUN[local]},
                                  statement=(prefixed(p), ""), node=str(s))


def shacl_local(term: Node) -> str | None:
    """The local name of an IRI in SHACL's namespace, None for any other node."""
    if isinstance(term, URIRef) and str(term).startswith(str(SH)):
        return str(term)[len(str(SH)):]
    return None
