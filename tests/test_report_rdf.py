"""The Turtle report as other RDF tools read it: a genuine SHACL validation report (the plain
pyshacl run's results, sh:conforms as SHACL defines it), bcic's verdict beside it, the validation
that made it in PROV terms, and details that name what their source shapes have."""

from __future__ import annotations

import json
from functools import cache

import pyshacl
import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SH
from rdflib.term import Node

from checker.namespaces import BCIC, SHP
from checker.ontology import load_ontology_graph
from checker.paths import EXAMPLES_DIR
from checker.render.turtle import EARL, report_graph
from checker.rulebook import ALL_ONTOLOGY_FILES, load_rulebook
from checker.shape_paths import read_path
from checker.validation import validate_files

SAMPLES = ("datang-socks.ttl", "dehua-ceramics.ttl", "meitan-tea.ttl")
EXPECTED = json.loads((EXAMPLES_DIR / "expected.json").read_text(encoding="utf-8"))


@cache
def _report(name: str) -> Graph:
    return report_graph(validate_files([EXAMPLES_DIR / name]))


def _node(node: Node | None) -> object:
    return "_:" if isinstance(node, BNode) else node


def _found(graph: Graph, results: list[Node]) -> set[tuple[object, ...]]:
    return {(graph.value(r, SH.sourceShape), _node(graph.value(r, SH.focusNode)),
             graph.value(r, SH.resultSeverity)) for r in results}


@pytest.mark.parametrize("name", SAMPLES)
def test_the_reports_sh_result_is_what_a_plain_pyshacl_run_gives(name: str) -> None:
    """SHACL §3.6: sh:conforms is true iff there is no result, and every result is a sh:result;
    bcic's verdict (no shall-level gap) is bcic:conformsToStandard."""
    rulebook = load_rulebook()
    data = Graph().parse(EXAMPLES_DIR / name)
    data += rulebook.support_graph
    conforms, plain, _text = pyshacl.validate(data, shacl_graph=rulebook.shapes_graph,
                                              inference="none")
    graph = _report(name)
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert _found(graph, list(graph.objects(report, SH.result))) == _found(
        plain, list(plain.subjects(RDF.type, SH.ValidationResult)))
    assert graph.value(report, SH.conforms) == Literal(conforms)
    assert graph.value(report, BCIC.conformsToStandard) == Literal(
        EXPECTED[name]["verdict"] == "conformant")


def test_a_conformant_sample_is_a_conformant_shacl_report_too() -> None:
    graph = _report("dehua-ceramics.ttl")
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == Literal(True)


def test_every_result_hangs_off_the_earl_outcome_of_its_requirement() -> None:
    graph = _report("meitan-tea.ttl")
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    for result in graph.objects(report, SH.result):
        outcome = graph.value(predicate=RDFS.seeAlso, object=result)
        (assertion,) = graph.subjects(EARL.result, outcome)
        assert graph.value(assertion, EARL.test) == graph.value(result, DCTERMS.references)


@pytest.mark.parametrize("name", SAMPLES)
def test_the_report_is_generated_by_a_validation_that_used_the_files(name: str) -> None:
    """PROV: prov:used has domain prov:Activity, so the report (an entity) never uses anything;
    the validation that generated it did, with bcic as its software agent."""
    graph = _report(name)
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    domains = {p: d for p, d in load_ontology_graph(ALL_ONTOLOGY_FILES).subject_objects(
        RDFS.domain)}
    assert PROV.Activity not in {domains.get(p) for p in graph.predicates(report)}
    assert (report, RDF.type, PROV.Entity) in graph
    validation = graph.value(report, PROV.wasGeneratedBy)
    assert (validation, RDF.type, PROV.Activity) in graph
    assert graph.value(validation, PROV.endedAtTime) == graph.value(report, DCTERMS.created)
    (file,) = graph.objects(validation, PROV.used)
    assert graph.value(file, DCTERMS.title) == Literal(str(EXAMPLES_DIR / name))
    assert isinstance(file, URIRef) and str(graph.value(file, BCIC.sha256)) in str(file)
    agent = graph.value(validation, PROV.wasAssociatedWith)
    assert {PROV.SoftwareAgent, EARL.Software} <= set(graph.objects(agent, RDF.type))
    assert (None, EARL.assertedBy, agent) in graph


def _parameter(component: Node) -> URIRef:
    """A SHACL Core component's parameter: sh:MinCountConstraintComponent → sh:minCount."""
    name = str(component).removeprefix(str(SH)).removesuffix("ConstraintComponent")
    return SH[name[0].lower() + name[1:]]


@pytest.mark.parametrize("name", SAMPLES)
def test_every_result_and_detail_names_a_component_and_path_its_source_shape_has(
        name: str) -> None:
    """A tool resolving sh:sourceShape and sh:sourceConstraintComponent to the constraint finds
    it: the component's parameter is on the shape, and the result path is the shape's own."""
    shapes = load_rulebook().shapes_graph
    graph = _report(name)
    wrong = []
    for result in graph.subjects(RDF.type, SH.ValidationResult):
        shape = graph.value(result, SH.sourceShape)
        component = graph.value(result, SH.sourceConstraintComponent)
        own, stated = shapes.value(shape, SH.path), graph.value(result, SH.resultPath)
        if ((shape, _parameter(component), None) not in shapes
                or (read_path(shapes, own) if own is not None else None)
                != (read_path(graph, stated) if stated is not None else None)):
            wrong.append((shape, component, (None, SH.detail, result) in graph))
    assert not wrong
    assert name == "dehua-ceramics.ttl" or (None, SH.detail, None) in graph


def test_a_shape_that_found_no_record_says_which_property_it_looked_along() -> None:
    """Meitan has no cluster brand: the detail names the result's own shape, path and component
    (a qualified count, not a sh:minCount the shape lacks) and rdf:type as bcic:lookedAlong."""
    graph = _report("meitan-tea.ttl")
    (detail,) = [d for d in graph.subjects(BCIC.lookedAlong, RDF.type)
                 if graph.value(d, SH.sourceShape) == SHP.ClusterBrandExists]
    assert graph.value(detail, SH.focusNode) == BCIC.ClusterBrand
    assert graph.value(detail, SH.sourceConstraintComponent) == (
        SH.QualifiedMinCountConstraintComponent)
