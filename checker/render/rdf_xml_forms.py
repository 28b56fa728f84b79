"""How a reference is written in an RDF/XML file, for a finding about a value written in one
(9.1.1: <prov:wasAttributedTo rdf:resource="https://example.org/c/body"/>): rdf:resource expands
no prefixed name, so the full IRI, in the element of the property as the file's own xmlns names it
(docs/model.md decision 15)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from xml.sax.saxutils import escape

from rdflib import Graph

from ..namespaces import BCIC
from ..prefixed_names import prefixed_name
from ..shape_paths import ShapePath, path_properties

# An example record's IRI, where the text written names none (Turtle's example is ex:record).
EXAMPLE_IRI = "https://example.org/record"
# The usual prefixes of the properties (prov:, org:, dcterms:, bcic:), where a file declares none.
_USUAL = Graph().namespace_manager
_USUAL.bind("bcic", str(BCIC))
# An element's name as RDF/XML writes it: a prefix, a colon, a local name.
_QNAME = re.compile(r"[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*")


def resource_element(iri: str, path: ShapePath | None, declared: Mapping[str, str] | None) -> str:
    """`iri` written in RDF/XML as the value of the property `path` ends in: that property's
    element, named by the prefix the file declares for its namespace (else its usual one), with
    rdf:resource and the full IRI; rdf:resource="…" alone where the path ends in no property
    walked forwards or the property has no prefixed name."""
    resource = f'rdf:resource="{escape(iri, {chr(34): "&quot;"})}"'
    steps = path_properties(path)
    if not steps or steps[-1][1]:
        return resource
    name = prefixed_name(steps[-1][0], declared) or _USUAL.normalizeUri(steps[-1][0])
    return f"<{name} {resource}/>" if _QNAME.fullmatch(name) else resource
