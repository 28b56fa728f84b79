"""Where the ontology keeps the unit of a figure: the attribute of the Data Cube structure whose
measure the figure's property is (9.2.3: bcic:unitOfMeasure beside bcic:observedValue,
ontology/datacube.ttl), for a finding to say where a unit written into a figure ("35.2%") goes."""

from __future__ import annotations

from rdflib import RDF, Graph, URIRef

from .namespaces import QB


def unit_properties(ontology: Graph) -> dict[URIRef, URIRef]:
    """Each measure property → the one attribute property its structure has beside it; a
    structure with no attribute, or with several, names none."""
    found: dict[URIRef, URIRef] = {}
    for structure in ontology.subjects(RDF.type, QB.DataStructureDefinition):
        components = list(ontology.objects(structure, QB.component))
        attributes = {a for c in components for a in ontology.objects(c, QB.attribute)}
        if len(attributes) != 1 or not isinstance(unit := next(iter(attributes)), URIRef):
            continue
        found |= {m: unit for c in components for m in ontology.objects(c, QB.measure)
                  if isinstance(m, URIRef)}
    return found
