"""The levels of a cluster's rating scales in the order a reader expects (9.2.3 「选择适宜的测量模型」,
docs/model.md decision 19): scale by scale, each by its rank (bcic:levelRank), best first, as a
higher rank is a better level. A report lists several levels so (the levels of no declared scale,
those with no name) and says so; it keeps each level's scale and rank beside its label, so that a
report read back from a store lists them alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .namespaces import BCIC


@dataclass(frozen=True)
class LevelRank:
    """Where a level stands: its scale (None: it names none) and its rank."""

    scale: Node | None
    rank: int


def level_ranks(graph: Graph, nodes: Iterable[Node] | None = None) -> dict[Node, LevelRank]:
    """The scale and rank of each level `graph` gives one whole-number rank (of `nodes` only,
    when given); a level of several scales stands under the first by IRI."""
    wanted = None if nodes is None else set(nodes)
    found: dict[Node, LevelRank] = {}
    for level in set(graph.subjects(BCIC.levelRank, None)):
        if wanted is not None and level not in wanted:
            continue
        ranks = [r.toPython() for r in graph.objects(level, BCIC.levelRank)
                 if isinstance(r, Literal)]
        if len(ranks) != 1 or not isinstance(ranks[0], int) or isinstance(ranks[0], bool):
            continue  # no rank to order by (shp:RatedLevel-rank says so)
        scales = sorted((s for s in graph.objects(level, SKOS.inScheme)
                         if isinstance(s, (URIRef, BNode))), key=str)
        found[level] = LevelRank(scales[0] if scales else None, ranks[0])
    return found


def rank_place(rank: LevelRank) -> tuple[str, int]:
    """A level's place among levels: by its scale, then best first."""
    return str(rank.scale or ""), -rank.rank


def best_first(nodes: Iterable[Node], ranks: Mapping[Node, LevelRank]) -> list[Node]:
    """`nodes`, ranked levels first, scale by scale and best first, then the others by IRI."""
    return sorted(nodes, key=lambda n: (0, rank_place(ranks[n]), str(n)) if n in ranks
                  else (1, ("", 0), str(n)))
