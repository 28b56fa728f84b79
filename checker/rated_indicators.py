"""Whether an indicator observation's indicator is measured on a rating scale (9.2.3 「选择适宜的测量
模型」, docs/model.md decisions 19 and 23), as the submission says: a specification of the indicator
names a scale with bcic:ratingScale (it is), or its specifications name none and no measurement model
of the cluster does (it is not). A measurement model names a scale for no indicator in particular,
and an indicator with no specification says nothing: there a report cannot tell. A finding on a value
that is no number says how to state a rating only of an indicator measured on a scale."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph
from rdflib.term import Node

from .namespaces import BCIC


def rated_observations(graph: Graph, observations: Iterable[Node]) -> dict[Node, bool]:
    """Of `observations`, those whose indicator is said to be measured on a rating scale (True)
    or said not to be (False); the others, which the submission leaves open, are left out."""
    cultivated = set(graph.objects(None, BCIC.cultivates))
    # The records naming a scale for no indicator in particular: measurement models.
    models = [m for m in set(graph.subjects(BCIC.ratingScale, None))
              if graph.value(m, BCIC.specifiesIndicator) is None]
    found: dict[Node, bool] = {}
    for observation in observations:
        clusters = set(graph.objects(observation, BCIC.refCluster))
        specifications = [s for indicator in graph.objects(observation, BCIC.indicator)
                          for s in graph.subjects(BCIC.specifiesIndicator, indicator)
                          if _of(graph, s, clusters, cultivated)]
        if any(graph.value(s, BCIC.ratingScale) is not None for s in specifications):
            found[observation] = True
        elif specifications and not any(_of(graph, m, clusters, cultivated) for m in models):
            found[observation] = False
    return found


def _of(graph: Graph, record: Node, clusters: set[Node], cultivated: set[Node]) -> bool:
    """Whether a specification or model is one of the observation's clusters: of the clusters it
    is a record of (bcic:recordOf), else, naming none, of the cluster the body cultivates."""
    owners = set(graph.objects(record, BCIC.recordOf)) or cultivated
    return not clusters or bool(owners & clusters)
