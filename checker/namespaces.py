"""The project's namespaces (see docs/model.md), spelled out once."""

from rdflib import Namespace

# Every term the project defines lives under this root; anything else is a reused vocabulary.
BCIC_ROOT = "https://w3id.org/bcic/"

BCIC = Namespace("https://w3id.org/bcic/ontology#")
REQ = Namespace("https://w3id.org/bcic/req/gbt-draft/")
IND = Namespace("https://w3id.org/bcic/indicator/")
SHP = Namespace("https://w3id.org/bcic/shapes/gbt-draft/")

ONTOLOGY_IRI = "https://w3id.org/bcic/ontology"
# Given to every parse so that a relative IRI never resolves against the working directory.
BASE_IRI = ONTOLOGY_IRI

QB = Namespace("http://purl.org/linked-data/cube#")


def is_bcic_term(iri: str) -> bool:
    """Tell whether an IRI is one the project defines (not a reused W3C term)."""
    return iri.startswith(BCIC_ROOT)
