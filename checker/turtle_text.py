"""Turtle text of a graph that reads back as the same graph, whatever its blank nodes are called.

rdflib's Turtle serializer writes the subjects in order of their blank-node labels, and a blank
node referenced once is written inline where it is referenced, unless it came first as a subject
of its own. A list cell that so comes first is written on its own and again inside its list's
`( … )`, which does not look whether its cells were written already (rdflib issue 802): read back,
the graph has a copy of that cell. A report's result paths are such lists, under results that two
triples name (`sh:result` and the assertion's `rdfs:seeAlso`), which are written after the blank
nodes named once, so whether a cell came first depended on its random label.
"""

from __future__ import annotations

from io import BytesIO

from rdflib import BNode, Graph
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node


class _InlineOnce(TurtleSerializer):
    """rdflib's Turtle serializer with every blank node referenced once written after the other
    subjects: by then it was written inline where it is referenced, lists included."""

    def orderSubjects(self) -> list[Node]:  # noqa: N802 (rdflib's name)
        """rdflib's order, the blank nodes referenced once moved to the end (a stable sort)."""
        return sorted(super().orderSubjects(),
                      key=lambda s: isinstance(s, BNode) and self._references[s] == 1)


def turtle_text(graph: Graph) -> str:
    """`graph` as Turtle, with its prefixes, each of its triples written once."""
    stream = BytesIO()
    _InlineOnce(graph).serialize(stream, base=graph.base, encoding="utf-8")
    return stream.getvalue().decode("utf-8")
