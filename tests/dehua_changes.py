"""The conformant sample (examples/dehua-ceramics.ttl) changed as a real submission might be, for
the tests that check a verdict against a clause's text (tests/test_rule_audit_*.py)."""

from __future__ import annotations

import functools

from rdflib import RDF, Graph, Literal, URIRef

from checker.paths import EXAMPLES_DIR
from checker.report import Status
from checker.validation import validate_graph

EX = "https://example.org/cluster/dehua/"
BODY = URIRef(EX + "body")
# Spelled out: a module-level rdflib XSD namespace makes pytest's collection warn.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


@functools.cache
def _parsed_dehua() -> Graph:
    """The conformant sample, parsed once per worker: never changed (`dehua` copies it)."""
    return Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")


def dehua() -> Graph:
    """A fresh copy of the conformant sample: its statements and the prefixes parsing binds."""
    parsed = _parsed_dehua()
    data = Graph()
    data += parsed
    for prefix, namespace in parsed.namespaces():
        data.bind(prefix, namespace)
    return data


def status(data: Graph, requirement_id: str) -> Status:
    """The status of one provision in the report on `data`."""
    return validate_graph(data).outcome(requirement_id).status


def with_value(local: str, prop: URIRef, *values: URIRef | Literal) -> Graph:
    """The sample with one node's values of `prop` replaced by `values`."""
    data = dehua()
    node = URIRef(EX + local)
    data.remove((node, prop, None))
    for value in values:
        data.add((node, prop, value))
    return data


def without(local: str, prop: URIRef, value: URIRef | None = None) -> Graph:
    """The sample with one node's values of `prop` (or the one `value`) removed."""
    data = dehua()
    data.remove((URIRef(EX + local), prop, value))
    return data


def retyped(local: str, cls: URIRef) -> Graph:
    """The sample with one node's types replaced by `cls` (a member given another kind)."""
    data = dehua()
    node = URIRef(EX + local)
    data.remove((node, RDF.type, None))
    data.add((node, RDF.type, cls))
    return data
