"""The 9.1.4 indicator system as plain records: three categories, their groups, the leaf indicators.

Read once from `ontology/indicators.ttl` (SKOS: `skos:broader` links, `skos:notation` codes such as
"b.1.1", `rdfs:label` in zh and en), so pages and comparisons never depend on the rule graphs being
loaded into a store.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .namespaces import BCIC
from .paths import INDICATORS_FILE


@dataclass(frozen=True)
class Indicator:
    """A leaf indicator of 9.1.4, e.g. b.1.1 产业规模."""

    iri: URIRef
    code: str
    labels: dict[str, str]
    group: str  # the code of its group, e.g. "b.1"


@dataclass(frozen=True)
class IndicatorGroup:
    """An indicator group of 9.1.4, e.g. b.1 效益水平, with its leaves in code order."""

    iri: URIRef
    code: str
    labels: dict[str, str]
    category: str  # the code of its category, e.g. "b"
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class IndicatorCategory:
    """One of the three categories of 9.1.4 a)–c), with its groups in code order."""

    iri: URIRef
    code: str
    labels: dict[str, str]
    groups: tuple[IndicatorGroup, ...]


@dataclass(frozen=True)
class IndicatorScheme:
    """The whole 9.1.4 tree, with lookups by code."""

    categories: tuple[IndicatorCategory, ...]

    @property
    def groups(self) -> tuple[IndicatorGroup, ...]:
        """Every group, in code order."""
        return tuple(g for c in self.categories for g in c.groups)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every leaf indicator, in code order."""
        return tuple(i for g in self.groups for i in g.indicators)

    def indicator(self, code: str) -> Indicator | None:
        """The leaf indicator with this code, if any."""
        return next((i for i in self.indicators if i.code == code), None)

    def group(self, code: str) -> IndicatorGroup | None:
        """The group with this code, if any."""
        return next((g for g in self.groups if g.code == code), None)


@functools.cache
def indicator_scheme() -> IndicatorScheme:
    """The 9.1.4 indicator tree from the ontology file (parsed once)."""
    graph = Graph().parse(INDICATORS_FILE, format="turtle")
    categories = []
    for category in _typed(graph, BCIC.IndicatorCategory):
        groups = []
        for group in _narrower(graph, category, BCIC.IndicatorGroup):
            leaves = tuple(Indicator(leaf, _code(graph, leaf), _labels(graph, leaf),
                                     _code(graph, group))
                           for leaf in _narrower(graph, group, BCIC.PerformanceIndicator))
            groups.append(IndicatorGroup(group, _code(graph, group), _labels(graph, group),
                                         _code(graph, category), leaves))
        categories.append(IndicatorCategory(category, _code(graph, category),
                                            _labels(graph, category), tuple(groups)))
    return IndicatorScheme(tuple(categories))


def _typed(graph: Graph, kind: URIRef) -> list[URIRef]:
    found = [s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)]
    return sorted(found, key=lambda s: code_key(_code(graph, s)))


def _narrower(graph: Graph, parent: URIRef, kind: URIRef) -> list[URIRef]:
    return [s for s in _typed(graph, kind) if (s, SKOS.broader, parent) in graph]


def _code(graph: Graph, subject: URIRef) -> str:
    return str(graph.value(subject, SKOS.notation))


def code_key(code: str) -> tuple[object, ...]:
    """Order codes as the standard lists them: a.2 < a.10 (letters, then numbers)."""
    return tuple(int(part) if part.isdigit() else part for part in code.split("."))


def _labels(graph: Graph, subject: URIRef) -> dict[str, str]:
    return {o.language: str(o) for o in graph.objects(subject, RDFS.label)
            if isinstance(o, Literal) and o.language}
