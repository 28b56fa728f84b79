"""Where the standard lists what a shape asks for, so findings follow the standard's order: the
place in a provision's text (zh) where its term is first named, and a node's place among the
standard's terms (a code, a level of a rating scale, else its IRI)."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.term import Node

from .indicator_scheme import code_key
from .labels import labels_of
from .rated_levels import LevelRank, rank_place
from .shape_asks import ShapeAsks
from .shape_guards import guarded_checks
from .shape_paths import path_properties

_NOT_FOUND = 10_000  # the order of a shape whose term the provision's text does not name


class ListingOrder(ShapeAsks):
    """The shapes read for the order in which the standard lists what they ask."""

    def order(self, shape: URIRef, text: str) -> int:
        """Where the provision's text (zh) first names what `shape` asks for, so findings follow
        the order in which the standard lists the items; _NOT_FOUND when it does not. A label
        not in the text is looked for by its longest head or tail the text has (「管理人才」 in
        「研发、技术、管理、营销人才」, 「规范各环节间的关系」 in 「规范品牌各要素间、各环节间的关系」) that no
        other value of its scheme shares: 「关键的服务项目」 is found by 「关键的」, not by the
        「的服务项目」 of 「必须的服务项目」 (7.5.2)."""
        for term in self._terms_asked(shape):
            shared = self._sibling_labels(term)
            for label in sorted(labels_of(self.ontology, term).values(), key=len, reverse=True):
                for size in range(len(label), 1, -1):
                    for part in (label[:size], label[-size:]):
                        if (part == label or not any(part in other for other in shared)) \
                                and (at := text.find(part)) >= 0:
                            return at
        return _NOT_FOUND

    def target_order(self, shape: URIRef, text: str) -> int:
        """Where the provision's text (zh) first names the class `shape` targets, so that of
        shapes asking alike of several records (6.1: each attributed to the body) the record the
        text names first comes first (the strategy, then its positioning and architecture)."""
        s = self.shapes
        found = [at for cls in (*s.objects(shape, SH.targetClass), *s.objects(shape, SH.targetNode))
                 for label in labels_of(self.ontology, cls).values() if (at := text.find(label)) >= 0]
        return min(found, default=_NOT_FOUND)

    def _sibling_labels(self, term: Node) -> list[str]:
        """The labels of the other values of the concept schemes `term` is in."""
        o = self.ontology
        return [label for scheme in o.objects(term, SKOS.inScheme)
                for other in o.subjects(SKOS.inScheme, scheme) if other != term
                for label in labels_of(o, other).values()]

    def place(self, node: Node,
              ranks: Mapping[Node, LevelRank] | None = None) -> tuple[object, ...]:
        """Where the standard lists a node: a term with a code (9.1.4's indicators, `b.1.1`) by
        its code, before anything else; then a level of a rating scale (`ranks`) by its scale
        and rank, best first (9.2.3); then anything else by its IRI."""
        code = self.ontology.value(node, SKOS.notation)
        if code is not None:
            return (0, code_key(str(code)), "")
        if ranks is not None and node in ranks:
            return (1, rank_place(ranks[node]), str(node))
        return (2, (), str(node))

    def _terms_asked(self, shape: URIRef) -> list[Node]:
        s = self.shapes
        terms = [t for t in (s.value(shape, SH.hasValue), s.value(shape, SH["class"])) if t]
        if (qualified := s.value(shape, SH.qualifiedValueShape)) is not None:
            terms.append(self.term_of(qualified))
            terms += [p for inner in s.objects(qualified, SH.property)
                      for p, _inverse in path_properties(self.path(inner))]
        for check in guarded_checks(s, shape):
            terms += self._terms_asked(check)  # type: ignore[arg-type]
        properties = path_properties(self.path(shape))
        terms += [p for p, _inverse in reversed(properties) if p not in (RDF.type, RDFS.subClassOf)]
        terms += list(s.objects(shape, SH.targetNode)) + list(s.objects(shape, SH.targetClass))
        return [t for t in terms if t is not None]
