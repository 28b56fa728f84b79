"""Reports of the conformant Dehua sample changed in one way: the sample parsed once, each case
validating a changed copy, and the text report's lines under one provision."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from rdflib import Graph

from checker.i18n import Lang
from checker.namespaces import BASE_IRI
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report
from checker.validation import validate_graph


DEHUA_NS = "https://example.org/cluster/dehua/"
# The prefixes a change to Dehua written in Turtle may use.
DEHUA_PREFIXES = """
@prefix ex:      <https://example.org/cluster/dehua/> .
@prefix bcic:    <https://w3id.org/bcic/ontology#> .
@prefix ind:     <https://w3id.org/bcic/indicator/> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""


@cache
def dehua() -> Graph:
    """examples/dehua-ceramics.ttl (conformant), parsed once; every case changes a copy."""
    return Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl", format="turtle", publicID=BASE_IRI)


def dehua_with(change: Callable[[Graph], None]) -> Report:
    """The report of a copy of Dehua that `change` has changed, validated in this process."""
    graph = Graph()
    graph += dehua()
    change(graph)
    return validate_graph(graph, processes=1)


def text_block(report: Report, notation: str, lang: Lang | str) -> str:
    """The text report's lines under one provision's row (not met), up to its hint."""
    shown = render_report(report, "text", lang)  # type: ignore[arg-type]
    start = shown.index(f"✘ {notation} ")
    return shown[start:shown.index("→", start)]
