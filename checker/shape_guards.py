"""Guarded shapes: a node shape whose sh:or lists a guard (a node shape: when the focus node
conforms to it, the check does not apply) and the check itself (a property shape with a path).

8.1.2 asks its elements of every cluster brand of the assessed cluster, not of a benchmark's or
a competitor's: SHACL Core cannot pick those brands as targets, so each check targets every cluster
brand, under `sh:or ( shp:OtherClustersBrand <check> )`; the content and frame of every brand
element likewise, under `sh:or ( shp:OtherClustersElement <check> )`. 4.1 asks members of the body
that cultivates the assessed cluster, not of another cultivation body the submission mentions: its
two checks target every cultivation body, under `sh:or ( shp:OtherCultivationBody <check> )`.
Chapter 9 (and 6.2 b)'s frame of a KPI system) asks its records of the assessed cluster's body, not
of a benchmark's or a competitor's record (bcic:recordOf that cluster): its checks are guarded by
`shp:OtherClustersRecord`, those of a KPI system also by `shp:SupersededRecord` (one kept on record
beside the system in force), and those of every indicator a KPI system includes by
`shp:IndicatorNotInForce` (one only other clusters' or superseded systems include). Chapter 6 sets
another cluster's brand positioning and architecture aside likewise (`shp:OtherClustersRecord`), and
6.2 b) a monitoring that uses only another cluster's KPI system (`shp:OtherClustersMonitoring`).
6.1.1.1 asks its parts of the positioning in force, not of one kept on record after a
repositioning: `sh:or ( shp:SupersededRecord <check> )`, and so do the checks of every record of
chapters 7 and 8 (7.1.2.1's fund kind, 8.3.4's parts of each crisis management mechanism, 8.1.2's
content of each element, 8.3.1's registration number). 8.3.1 asks a registration number of a
registration, not of an application: `sh:or ( shp:IsRegistrationApplication shp:SupersededRecord <check> )`.
What the check asks is read (guidance, diagnosis, fixtures) as if the guarded shape asked it
itself, of its own focus nodes.
"""

from __future__ import annotations

from rdflib import RDF, Graph
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node


def guarded_checks(shapes: Graph, shape: Node) -> tuple[Node, ...]:
    """The checks a guarded shape's sh:or lists (its members with a sh:path); () for others."""
    listed = shapes.value(shape, SH["or"])
    if listed is None:
        return ()
    return tuple(m for m in Collection(shapes, listed) if shapes.value(m, SH.path) is not None)


def guarding_shapes(shapes: Graph, member: Node) -> tuple[Node, ...]:
    """The guarded shapes whose sh:or lists `member` (a check or a guard), () when none does."""
    found = []
    for cell in shapes.subjects(RDF.first, member):
        while cell is not None and (owner := shapes.value(predicate=SH["or"], object=cell)) is None:
            cell = shapes.value(predicate=RDF.rest, object=cell)
        if cell is not None:
            found.append(owner)
    return tuple(found)


def guards_of(shapes: Graph, shape: Node) -> tuple[Node, ...]:
    """The guards a guarded shape's sh:or lists (its members without a sh:path); () for others."""
    listed = shapes.value(shape, SH["or"])
    if listed is None:
        return ()
    return tuple(m for m in Collection(shapes, listed) if shapes.value(m, SH.path) is None)
