"""The reused vocabularies whose every term rdflib lists (PROV-O, ORG, DCMI Metadata Terms …):
the one an IRI's namespace names, whether it defines the IRI, and its name in zh and en. The rule
files' checks (checker/shape_term_problems.py) and a report's notes on a submission's misspelt
terms (checker/unknown_terms.py: `prov:wasAtributedTo`) ask the same lists."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, QB, SKOS, TIME, DefinedNamespace

from .i18n import Lang

# By the names their specifications give them.
VOCABULARIES: dict[str, type[DefinedNamespace]] = {
    "RDF": RDF, "RDF Schema": RDFS, "OWL": OWL, "PROV-O": PROV, "the Organization Ontology": ORG,
    "SKOS": SKOS, "DCMI Metadata Terms": DCTERMS, "the RDF Data Cube Vocabulary": QB,
    "FOAF": FOAF, "OWL-Time": TIME, "DCAT": DCAT}
# Their names in a report's sentences (「不是 PROV-O 中的术语」 / "is not a term of PROV-O"),
# each beginning with its Latin name, as the zh sentence sets it apart by a space (one after it
# only when it ends in Latin: i18n.SpacedBefore).
VOCABULARY_NAMES: Mapping[str, Mapping[Lang, str]] = {
    "RDF": {"en": "RDF", "zh": "RDF"},
    "RDF Schema": {"en": "RDF Schema", "zh": "RDF Schema"},
    "OWL": {"en": "OWL", "zh": "OWL"},
    "PROV-O": {"en": "PROV-O", "zh": "PROV-O"},
    "the Organization Ontology": {"en": "the Organization Ontology (ORG)",
                                  "zh": "ORG 组织本体"},
    "SKOS": {"en": "SKOS", "zh": "SKOS"},
    "DCMI Metadata Terms": {"en": "DCMI Metadata Terms", "zh": "DCMI 元数据术语"},
    "the RDF Data Cube Vocabulary": {"en": "the RDF Data Cube Vocabulary",
                                     "zh": "RDF Data Cube 词汇"},
    "FOAF": {"en": "FOAF", "zh": "FOAF"},
    "OWL-Time": {"en": "OWL-Time", "zh": "OWL-Time"},
    "DCAT": {"en": "DCAT", "zh": "DCAT"},
}

# RDF/XML's syntax attributes (RDF 1.1 XML Syntax, 7.2.2): not terms of RDF, but a misspelt one
# (`rdf:abut=`) is read as a property of RDF's namespace, and one of these was meant.
RDF_XML_ATTRIBUTES = frozenset(
    RDF._NS[name] for name in ("about", "resource", "ID", "nodeID", "datatype", "parseType"))
# RDF/XML's node element, no term of RDF either: misspelt (`<rdf:Descripton>`), it types a node.
RDF_XML_ELEMENTS = frozenset({RDF._NS["Description"]})

# Terms of RDF 1.2 (RDF 1.2 Concepts, 2024) that rdflib's list of RDF's terms lacks: used, they are
# terms of RDF all the same (rdf:CompoundLiteral, rdf:direction, rdf:JSON it lists).
_RDF_12_TERMS = frozenset(RDF._NS[name] for name in ("reifies", "dirLangString"))

# The prefixes their specifications use, to name a term (`prov:wasAttributedTo`).
_PREFIXES: Mapping[str, str] = {
    "RDF": "rdf", "RDF Schema": "rdfs", "OWL": "owl", "PROV-O": "prov",
    "the Organization Ontology": "org", "SKOS": "skos", "DCMI Metadata Terms": "dcterms",
    "the RDF Data Cube Vocabulary": "qb", "FOAF": "foaf", "OWL-Time": "time", "DCAT": "dcat"}


def reused_prefixed(term: URIRef) -> str | None:
    """The term by prefixed name when it is in a VOCABULARIES namespace, else None."""
    vocabulary = vocabulary_of(term)
    if vocabulary is None:
        return None
    return f"{_PREFIXES[vocabulary]}:{str(term)[len(namespace_of(term)):]}"


def namespace_of(term: URIRef) -> str:
    """The IRI up to its last `#` or `/`."""
    text = str(term)
    return text[:max(text.rfind("#"), text.rfind("/")) + 1]


def vocabulary_of(term: URIRef) -> str | None:
    """The name of the VOCABULARIES vocabulary whose namespace the term is in, if any."""
    return next((name for name, terms in VOCABULARIES.items()
                 if namespace_of(term) == str(terms)), None)


def vocabulary_defining(term: URIRef) -> str | None:
    """The name of the reused vocabulary (VOCABULARIES) that defines the term, if one does."""
    if term in _RDF_12_TERMS:
        return "RDF"
    return next((name for name, terms in VOCABULARIES.items()
                 if namespace_of(term) == str(terms) and term in terms), None)


def undefined_reused(term: URIRef) -> bool:
    """Whether the term is in the namespace of a VOCABULARIES vocabulary that does not define
    it: a label cannot make a term of someone else's vocabulary."""
    return vocabulary_of(term) is not None and vocabulary_defining(term) is None


def defined_terms(namespace: str) -> set[URIRef]:
    """Every term of the VOCABULARIES vocabulary of this namespace (none for another)."""
    rdf_12 = _RDF_12_TERMS if namespace == str(RDF) else frozenset()
    return rdf_12 | {terms[name] for terms in VOCABULARIES.values() if str(terms) == namespace
                     for name in [*terms.__annotations__, *terms._extras]}
