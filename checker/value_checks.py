"""The checks a shape makes of each value on its own, as pyshacl makes them: sh:class, sh:datatype,
sh:in, sh:languageIn, sh:nodeKind and sh:pattern, each value that fails one a lack."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from .findings import Lack
from .lexical_forms import ill_formed
from .shape_asks import LackMaker
from .shape_paths import INSTANCE_OF


def value_lacks(data: Graph, shapes: Graph, shape: Node, values: list[Node],
                lack: LackMaker) -> Iterable[Lack]:
    """The values that fail one of the shape's checks of a value on its own, in the order above."""
    s = shapes
    for cls in s.objects(shape, SH["class"]):
        yield from (lack("ClassConstraintComponent", value=v) for v in values
                    if (v, INSTANCE_OF, cls) not in data)
    mistyped: list[Node] = []
    if (datatype := s.value(shape, SH.datatype)) is not None:
        # An ill-typed literal ("2021-02-30"^^xsd:date) is of no datatype, as pyshacl says; an
        # ill-formed year ("2024年"^^xsd:gYear), which a pattern fails (9.2.3), is said alike.
        mistyped = [v for v in values
                    if not isinstance(v, Literal) or _datatype(v) != datatype or ill_formed(v)]
        yield from (lack("DatatypeConstraintComponent", value=v) for v in mistyped)
    if (allowed := s.value(shape, SH["in"])) is not None:
        members = set(Collection(s, allowed))
        yield from (lack("InConstraintComponent", value=v) for v in values
                    if v not in members)
    if (languages := s.value(shape, SH.languageIn)) is not None:
        ranges = [str(t) for t in Collection(s, languages)]
        yield from (lack("LanguageInConstraintComponent", value=v) for v in values
                    if not (isinstance(v, Literal) and _in_language(v.language, ranges)))
    if (kind := s.value(shape, SH.nodeKind)) is not None:
        yield from (lack("NodeKindConstraintComponent", value=v) for v in values
                    if not _of_kind(v, kind))
    if (pattern := s.value(shape, SH.pattern)) is not None:
        yield from (lack("PatternConstraintComponent", value=v) for v in values
                    if v not in mistyped
                    and (isinstance(v, BNode) or not re.search(str(pattern), str(v))))


def _datatype(literal: Literal) -> URIRef:
    """A literal's datatype as SHACL reads it: text without one is xsd:string, tagged text
    rdf:langString (rdflib gives None for both)."""
    if literal.datatype is not None:
        return literal.datatype
    return RDF.langString if literal.language else XSD.string


def _of_kind(node: Node, kind: Node) -> bool:
    """Whether a node is of the sh:nodeKind asked (9.2.3: a rated level is no text)."""
    kinds = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
             SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal),
             SH.IRIOrLiteral: (URIRef, Literal)}
    return isinstance(node, kinds.get(kind, (Node,)))  # type: ignore[arg-type]


def _in_language(tag: str | None, ranges: list[str]) -> bool:
    """Whether a language tag matches one of the ranges of sh:languageIn, as SPARQL's langMatches
    does: the range itself or a subtag of it, in any case (zh-CN and ZH are zh)."""
    tag = (tag or "").lower()
    return bool(tag) and any(tag == r.lower() or tag.startswith(r.lower() + "-") for r in ranges)
