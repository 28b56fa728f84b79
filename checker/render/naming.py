"""How reports name things: a text in the report's language, a node shortened for reading."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import BNode, Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, NamespaceManager
from rdflib.term import Node

from ..i18n import LANGUAGES, Lang
from ..labels import NAME_CHARS
from ..namespaces import BCIC, IND, REQ
from ..report import Report
from .cells import printable_cut

_PREFIXES = (("bcic", str(BCIC)), ("req", str(REQ)), ("ind", str(IND)), ("rdf", str(RDF)),
             ("rdfs", str(RDFS)), ("owl", str(OWL)), ("skos", str(SKOS)), ("xsd", str(XSD)))
_NAMESPACES = NamespaceManager(Graph(bind_namespaces="none"))  # for literals' datatypes
for _prefix, _ns in _PREFIXES:
    _NAMESPACES.bind(_prefix, _ns)


def indefinite_article(label: str) -> str:
    """The English article before a label: "an" before a vowel letter, else "a"."""
    return "an" if label[:1].lower() in ("a", "e", "i", "o", "u") else "a"


def pick(texts: Mapping[str, str], lang: Lang) -> str:
    """The text in `lang`, else in the other language, else untagged, else any (or "")."""
    for key in (lang, *LANGUAGES, ""):
        if texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


def base_of(report: Report) -> str | None:
    """The namespace of the cluster IRI, by which the submission's own nodes are shortened."""
    if not report.cluster:
        return None
    cut = max(report.cluster.rfind("#"), report.cluster.rfind("/"))
    return report.cluster[:cut + 1] if cut > len("https://") else None


def short_node(node: Node | None, base: str | None, limit: int = NAME_CHARS) -> str:
    """A node for reading: a prefixed name, `…/local` within the cluster's namespace, a literal,
    cut at `limit` characters as labels are (a report's JSON keeps the whole IRI beside it); ""
    for a blank node, which has no name to show (a report names it by its label or class)."""
    if node is None or isinstance(node, BNode):
        return ""
    if isinstance(node, Literal):
        return printable_cut(node.n3(_NAMESPACES), limit)[0]
    iri = str(node)
    if base and iri.startswith(base) and len(iri) > len(base):
        iri = "…" + base[-1] + iri[len(base):]
    else:
        for prefix, namespace in _PREFIXES:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                iri = f"{prefix}:{iri[len(namespace):]}"
                break
    return printable_cut(iri, limit)[0]
