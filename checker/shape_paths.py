"""SHACL property paths as rdflib paths: read from a shapes graph, evaluated on data, written back.

A path is an IRI or an rdflib `Path`; both evaluate with `Graph.objects(node, path)`, both write
SPARQL property-path syntax (`^bcic:fulfilsDuty`) and both turn back into SHACL's RDF form, so a
report can carry `sh:resultPath` for any path the shapes use.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, NamespaceManager
from rdflib.paths import AlternativePath, InvPath, MulPath, Path, SequencePath
from rdflib.term import Node

ShapePath = URIRef | Path

_REPEATS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
# From a node to its classes and theirs: what it is an instance of, as sh:class reads it.
INSTANCE_OF = SequencePath(RDF.type, MulPath(RDFS.subClassOf, "*"))


def read_path(graph: Graph, node: Node) -> ShapePath:
    """The path a SHACL path node (an IRI, or a blank node of SHACL's path forms) describes."""
    if isinstance(node, URIRef):
        return node
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return InvPath(read_path(graph, inverse))
    for predicate, mod in _REPEATS.items():
        inner = graph.value(node, predicate)
        if inner is not None:
            return MulPath(read_path(graph, inner), mod)
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        return AlternativePath(*(read_path(graph, n) for n in Collection(graph, alternatives)))
    return SequencePath(*(read_path(graph, n) for n in Collection(graph, node)))


def write_path(graph: Graph, path: ShapePath) -> Node:
    """Add the SHACL form of `path` to `graph` and return its node."""
    if isinstance(path, URIRef):
        return path
    node = BNode()
    if isinstance(path, InvPath):
        graph.add((node, SH.inversePath, write_path(graph, path.arg)))
    elif isinstance(path, MulPath):
        predicate = next(p for p, mod in _REPEATS.items() if mod == path.mod)
        graph.add((node, predicate, write_path(graph, path.path)))
    elif isinstance(path, AlternativePath):
        items = BNode()
        Collection(graph, items, [write_path(graph, p) for p in path.args])
        graph.add((node, SH.alternativePath, items))
    else:
        assert isinstance(path, SequencePath)
        Collection(graph, node, [write_path(graph, p) for p in path.args])
    return node


def path_steps(path: ShapePath) -> list[ShapePath]:
    """The steps of a path, nested sequences flattened: `(a/b)/c` gives a, b, c."""
    if isinstance(path, SequencePath):
        return [step for part in path.args for step in path_steps(part)]
    return [path]


def joined(steps: list[ShapePath]) -> ShapePath | None:
    """The path that takes `steps` one after the other, None for no step."""
    if not steps:
        return None
    return steps[0] if len(steps) == 1 else SequencePath(*steps)


def path_properties(path: ShapePath | None) -> tuple[tuple[URIRef, bool], ...]:
    """The properties a path walks, in order, each with whether it is walked backwards."""
    if path is None:
        return ()
    if isinstance(path, URIRef):
        return ((path, False),)
    if isinstance(path, InvPath):
        return tuple((p, not inverse) for p, inverse in path_properties(path.arg))
    if isinstance(path, MulPath):
        return path_properties(path.path)
    return tuple(found for part in path.args for found in path_properties(part))


def path_sparql(path: ShapePath | None, namespaces: NamespaceManager) -> str | None:
    """A path in SPARQL property-path syntax, with prefixed names where `namespaces` binds them."""
    if path is None:
        return None
    return path.n3(namespaces)


def is_type_step(step: ShapePath) -> bool:
    """Whether a step goes from a class to its instances (`^rdf:type`)."""
    return isinstance(step, InvPath) and step.arg == RDF.type
