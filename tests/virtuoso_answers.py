"""Virtuoso's answers beside the embedded store's: the same rows, as Virtuoso 7 can write them.

Numbers compare by value to 12 significant digits (Virtuoso prints a double with 15), a boolean as
the number 0 or 1 (Virtuoso has no boolean results), and each revision's `generated` time is left
out (each store took the revision in at its own moment). Used by the tests and by
bench/remote_named_queries.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

XSD = "http://www.w3.org/2001/XMLSchema#"  # as text: pytest trips over rdflib's XSD namespace
NUMERIC = {URIRef(XSD + name) for name in ("integer", "decimal", "double", "float", "int", "long")}
BOOLEAN = URIRef(XSD + "boolean")
PER_INGEST = frozenset({"generated"})  # the moment each store took the revision in

Row = tuple[tuple[str, object], ...]


def comparable(node: Node) -> object:
    """A term as both stores' answers can be compared (the module's docstring says how)."""
    if isinstance(node, Literal) and node.datatype in NUMERIC:
        return ("number", f"{float(Decimal(str(node))):.12g}")
    if isinstance(node, Literal) and node.datatype == BOOLEAN:
        return ("number", "1" if node.toPython() is True else "0")
    return (type(node).__name__, str(node), getattr(node, "language", None))


def comparable_answer(rows: Iterable[Mapping[str, Node]]) -> list[Row]:
    """The rows, each as sorted (column, comparable value) pairs, in one order whatever the
    order the store sent them in."""
    return sorted((tuple(sorted((column, comparable(value)) for column, value in row.items()
                                if column not in PER_INGEST)) for row in rows), key=repr)
