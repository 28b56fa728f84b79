"""What the generator reads from the ontology: indicators, duties and class labels."""

from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ..namespaces import BCIC
from ..ontology import load_ontology_graph


@dataclass(frozen=True)
class Duty:
    """One duty of 4.2 and the member roles it binds."""

    iri: URIRef
    identifier: str
    roles: frozenset[URIRef]


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The project ontology, parsed once per process."""
    return load_ontology_graph()


@lru_cache(maxsize=1)
def leaf_indicators() -> tuple[URIRef, ...]:
    """The 30 leaf indicators of 9.1.4 in the order of their notation (a.1.1 … c.4.2)."""
    graph = ontology()
    leaves = [s for s in graph.subjects(RDF.type, BCIC.PerformanceIndicator)
              if isinstance(s, URIRef)]
    return tuple(sorted(leaves, key=lambda iri: str(graph.value(iri, SKOS.notation))))


@lru_cache(maxsize=1)
def duties() -> tuple[Duty, ...]:
    """The duties of 4.2.1–4.2.3, sorted by provision id."""
    graph = ontology()
    found = [
        Duty(iri, str(graph.value(iri, DCTERMS.identifier)),
             frozenset(r for r in graph.objects(iri, BCIC.bindsActor) if isinstance(r, URIRef)))
        for iri in graph.subjects(RDF.type, BCIC.Duty)
        if isinstance(iri, URIRef)
    ]
    return tuple(sorted(found, key=lambda duty: duty.identifier))


def label_of(iri: URIRef, lang: str) -> str:
    """The rdfs:label of a term in the given language (its local name if there is none)."""
    for label in ontology().objects(iri, RDFS.label):
        if isinstance(label, Literal) and label.language == lang:
            return str(label)
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
