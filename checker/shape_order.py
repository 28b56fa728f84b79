"""Property shapes in the order a reader expects: by sh:order (SHACL 1.0, 2.3.2: a characteristic
for display, not validated), which the shapes give where the standard names the parts of one
record in an order — 9.2.1's six parts of a measurement specification, 5.2.4's needs and
expectations, 7.5.4's three aspects of a service evaluation, 8.3.4 —2's involved parties and
monitoring mode — before those without one."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from math import inf

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node


def display_order(shapes: Graph, shape: Node) -> float:
    """A property shape's sh:order; infinity for one without (it goes after those with one)."""
    order = shapes.value(shape, SH.order)
    value = order.toPython() if isinstance(order, Literal) else None
    return float(value) if isinstance(value, (int, float, Decimal)) else inf


def in_display_order(shapes: Graph, nodes: Iterable[Node]) -> list[Node]:
    """Property shapes by their sh:order, then by IRI."""
    return sorted(nodes, key=lambda shape: (display_order(shapes, shape), str(shape)))
