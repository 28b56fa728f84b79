"""The project's namespaces (see docs/model.md), spelled out once."""

import re

from rdflib import Namespace, URIRef

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


# What follows the namespace in any term of the rulebook's: a shape, an indicator, a provision id.
_LOCAL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def named_term(namespace: Namespace, name: str) -> URIRef | None:
    """The term `name` of `namespace` (SHP, IND, REQ), or None when `name` cannot be one (only
    letters, digits, '.', '-' and '_'): checked before an IRI is made of a name a client chose,
    since rdflib logs a malformed IRI as it is, line breaks included."""
    return namespace[name] if _LOCAL_NAME.fullmatch(name) else None


def is_bcic_term(iri: str) -> bool:
    """Tell whether an IRI is one the project defines (not a reused W3C term)."""
    return iri.startswith(BCIC_ROOT)
