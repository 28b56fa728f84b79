"""Whether a remote store's server makes its default graph the union of its named graphs, as the
store assumes (docs/store.md, "The server's default graph").

A query that names no graph reads the server's default graph: on a server set up otherwise (the
Oxigraph server without `--union-default-graph`, Fuseki without `tdb2:unionDefaultGraph true`)
it finds nothing of what bcic stored, so `bcic query`, the health check and partners' queries
would answer from nothing. One small query tells: take one typed resource from one of the graphs
every bcic store writes first (a writer's claim, the rule graphs, the provenance graph) and ask
whether the default graph sees it too. No row: nothing stored there yet, so nothing to tell.
"""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Literal
from rdflib.term import Node

from .base import ONTOLOGY_GRAPH, PROVENANCE_GRAPH, WRITERS_GRAPH

_SEEN_FROM = " ".join(f"<{graph}>" for graph in (WRITERS_GRAPH, ONTOLOGY_GRAPH, PROVENANCE_GRAPH))

UNION_PROBE = f"""SELECT ?graph ?seen WHERE {{
  {{ SELECT ?graph ?s ?o WHERE {{ VALUES ?graph {{ {_SEEN_FROM} }} GRAPH ?graph {{ ?s a ?o }} }}
    LIMIT 1 }}
  BIND(EXISTS {{ ?s a ?o }} AS ?seen)
}}"""


def unseen_graph(row: Mapping[str, Node]) -> Node | None:
    """The graph whose triple the default graph did not see, from UNION_PROBE's row; None when
    it saw it."""
    seen = row.get("seen")
    # Virtuoso answers a boolean in a SELECT as the integer 1 or 0.
    if isinstance(seen, Literal) and seen.toPython() in (True, 1):
        return None
    return row.get("graph")
