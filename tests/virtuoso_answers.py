"""Virtuoso's answers beside the embedded store's: the same rows, in the same order, term for term.

A term compares as its kind, its text (a literal's lexical form, as the client reads it), its
language and its datatype: `0` is not `false`, and `0.638655462184874` is not
`0.638655462184873949` (checker/queries/README.md, "On a remote store"). The one column left out
is each revision's `generated` time, since each store took the revision in at its own moment: it
is compared only for its form, the one `checker.timestamps.xsd_datetime` writes. Used by the tests
and by bench/remote_named_queries.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from rdflib import Literal
from rdflib.term import Node

from checker.timestamps import xsd_datetime

PER_INGEST = frozenset({"generated"})  # the moment each store took the revision in

Row = tuple[tuple[str, object], ...]


def exact(node: Node) -> object:
    """A term as it reaches a client: kind, text, language and datatype."""
    if isinstance(node, Literal):
        return ("Literal", str(node), node.language, node.datatype and str(node.datatype))
    return (type(node).__name__, str(node))


def in_the_one_form(node: Node) -> object:
    """Whether a time is written as every output of bcic writes one (`xsd_datetime`)."""
    text = str(node)
    return ("time in the one form", xsd_datetime(datetime.fromisoformat(text)) == text)


def ordered_answer(rows: Iterable[Mapping[str, Node]]) -> list[Row]:
    """The rows in the order the store sent them, each as sorted (column, term) pairs."""
    return [tuple(sorted((column, in_the_one_form(value) if column in PER_INGEST
                          else exact(value)) for column, value in row.items()))
            for row in rows]

