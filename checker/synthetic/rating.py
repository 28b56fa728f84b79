"""A value stated on a rating scale (9.2.3, docs/model.md decision 19), added to a generated
submission: the proofs of the shapes that check rated values need one to break."""

from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from ..namespaces import BCIC

# The levels of the scale, worst first: (local name, zh, en); a level's rank is its place, from 1.
LEVELS = (("poor", "差", "poor"), ("fair", "中", "fair"), ("good", "良", "good"),
          ("excellent", "优", "excellent"))


def rate_one_value(graph: Graph) -> URIRef:
    """Declare a four-level scale, used by the submission's measurement model, and state the
    first actual observation (by IRI) as its best level instead of a number and unit; return it."""
    model = next(iter(sorted(graph.subjects(RDF.type, BCIC.MeasurementModel))))
    base = str(model).rsplit("/", 1)[0]
    scale = URIRef(f"{base}/rating-scale")
    graph.add((scale, RDF.type, BCIC.RatingScale))
    graph.add((scale, SKOS.prefLabel, Literal("四级评级量表", lang="zh")))
    graph.add((scale, SKOS.prefLabel, Literal("four-level rating scale", lang="en")))
    graph.add((model, BCIC.ratingScale, scale))
    for rank, (local, zh, en) in enumerate(LEVELS, start=1):
        level = URIRef(f"{base}/rating-{local}")
        graph.add((level, RDF.type, SKOS.Concept))
        graph.add((level, SKOS.inScheme, scale))
        graph.add((level, SKOS.prefLabel, Literal(zh, lang="zh")))
        graph.add((level, SKOS.prefLabel, Literal(en, lang="en")))
        graph.add((level, BCIC.levelRank, Literal(rank, datatype=XSD.integer)))
    observation = sorted(graph.subjects(BCIC.valueKind, BCIC.ActualValue))[0]
    graph.remove((observation, BCIC.observedValue, None))
    graph.remove((observation, BCIC.unitOfMeasure, None))
    graph.add((observation, BCIC.ratedLevel, URIRef(f"{base}/rating-{LEVELS[-1][0]}")))
    return observation  # type: ignore[return-value]
