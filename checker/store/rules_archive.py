"""The rulebooks a store held before a reload replaced its rule graphs (docs/store.md).

Queries see the union of every graph, and the named queries and `rules coverage`'s counts join
the rule graphs, so an outgoing rulebook is never kept as triples, which would count twice: it
is kept as one literal, its two rule graphs written as TriG, on a node named by its version and
digest in the archive graph, beside that version and digest as plain values. Each backend's
`load_rules` writes it in the same update that replaces the rule graphs: a reload archives the
rulebook it replaces, or does nothing at all.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import quote

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from ..loading.rdfterms import from_oxigraph, to_oxigraph
from ..namespaces import BCIC
from ..timestamps import datetime_literal
from .base import ONTOLOGY_GRAPH, RULES_ARCHIVE_GRAPH, SHAPES_GRAPH, Store, Triple
from .guard import OwnQuery

# The archived rulebook of version V and digest D: {root}V/D ({root}V for rule graphs stored
# before they recorded their digest).
ARCHIVED_RULEBOOK_ROOT = "https://w3id.org/bcic/rulebook/"
_PREFIXES = {"bcic": str(BCIC), "req": "https://w3id.org/bcic/req/gbt-draft/",
             "shp": "https://w3id.org/bcic/shapes/gbt-draft/",
             "ind": "https://w3id.org/bcic/indicator/", "sh": "http://www.w3.org/ns/shacl#",
             "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
             "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "owl": "http://www.w3.org/2002/07/owl#", "dcterms": str(DCTERMS),
             "skos": "http://www.w3.org/2004/02/skos/core#",
             "xsd": "http://www.w3.org/2001/XMLSchema#"}


def archived_rulebook_iri(version: str, digest: str | None) -> URIRef:
    """The node the archive keeps the rulebook of this version and digest on."""
    tail = f"/{quote(digest, safe='')}" if digest else ""
    return URIRef(f"{ARCHIVED_RULEBOOK_ROOT}{quote(version, safe='')}{tail}")


def rulebook_marks(ontology: Graph) -> tuple[str, str | None] | None:
    """The version and digest an ontology rule graph says it is of (`load_rules_into`); None for
    a graph that names no version (a test's, or none at all)."""
    version = ontology.value(ONTOLOGY_GRAPH, BCIC.rulebookVersion)
    if version is None:
        return None
    digest = ontology.value(ONTOLOGY_GRAPH, BCIC.rulebookDigest)
    return str(version), str(digest) if digest is not None else None


def archive_for(store: Store, incoming: Graph, now: datetime | None = None) -> list[Triple]:
    """The archive's triples for the store's rule graphs, which the rule graphs of `incoming`
    (an ontology graph) are to replace: none when the stored ones name no version, or the same
    version and digest as the incoming ones (a reload of the same rulebook), which is found
    before the graphs are read. A backend calls it while it holds the rule graphs' lock."""
    rows = store.select(OwnQuery(f"""SELECT ?version ?digest WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{
  <{ONTOLOGY_GRAPH}> <{BCIC.rulebookVersion}> ?version
  OPTIONAL {{ <{ONTOLOGY_GRAPH}> <{BCIC.rulebookDigest}> ?digest }} }} }}"""))
    if not rows:
        return []
    marks = str(rows[0]["version"]), (str(rows[0]["digest"]) if "digest" in rows[0] else None)
    if marks == rulebook_marks(incoming):
        return []
    return archive_entry(marks, (store.named_graph(ONTOLOGY_GRAPH),
                                 store.named_graph(SHAPES_GRAPH)), now)


def archive_entry(marks: tuple[str, str | None], outgoing: tuple[Graph, Graph],
                  now: datetime | None = None) -> list[Triple]:
    """The archive's triples for rule graphs (ontology, shapes) of this version and digest."""
    version, digest = marks
    node = archived_rulebook_iri(version, digest)
    triples: list[Triple] = [
        (node, BCIC.rulesText, Literal(rules_text(*outgoing))),
        (node, BCIC.rulebookVersion, Literal(version)),
        (node, DCTERMS.created, datetime_literal(now or datetime.now(timezone.utc)))]
    if digest is not None:
        triples.append((node, BCIC.rulebookDigest, Literal(digest)))
    return triples


def archive_removal(entry: list[Triple]) -> str:
    """The update that drops an earlier archive of the same rulebook, before `entry` is written
    (a store that went back to a rulebook, then on again, keeps one copy); "" for no entry."""
    if not entry:
        return ""
    return (f"DELETE WHERE {{ GRAPH <{RULES_ARCHIVE_GRAPH}> {{ <{entry[0][0]}> ?p ?o }} }} ;\n")


def rules_text(ontology: Graph, shapes: Graph) -> str:
    """The two rule graphs as one TriG document, under their graph names."""
    quads = [pyoxigraph.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o),
                             pyoxigraph.NamedNode(str(name)))
             for name, graph in ((ONTOLOGY_GRAPH, ontology), (SHAPES_GRAPH, shapes))
             for s, p, o in graph]
    written = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=_PREFIXES)
    assert written is not None  # no output given: the text is returned
    return written.decode("utf-8")


def rule_graphs_of(text: str) -> tuple[Graph, Graph]:
    """The ontology and shapes rule graphs of an archived rulebook's TriG text."""
    graphs = {ONTOLOGY_GRAPH: Graph(), SHAPES_GRAPH: Graph()}
    for quad in pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TRIG):
        graph = graphs.get(URIRef(str(quad.graph_name.value)))  # type: ignore[union-attr]
        if graph is not None:
            graph.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate),
                       from_oxigraph(quad.object)))
    return graphs[ONTOLOGY_GRAPH], graphs[SHAPES_GRAPH]
