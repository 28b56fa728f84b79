"""How the ontology files reuse W3C vocabularies, checked as those vocabularies' own tools would:
SKOS (every concept a skos:Concept with a skos:prefLabel), RDF Data Cube (integrity constraints
IC-5 and IC-19 of §11), DCTERMS (the ontology header) and OWL 2 DL (report notes' values)."""

from __future__ import annotations

import owlrl  # pyshacl's own dependency: OWL 2 RL entailment, as a Data Cube validator runs it
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from checker.namespaces import BCIC, ONTOLOGY_IRI
from checker.paths import (CORE_ONTOLOGY_FILE, DATA_STRUCTURE_FILE, EXAMPLES_DIR, INDICATORS_FILE)
from checker.render.turtle import USES
from checker.synthetic import generate_cluster

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
QB = Namespace("http://purl.org/linked-data/cube#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
PREFIXES = """PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# W3C RDF Data Cube §11.1, verbatim but for SELECT in place of ASK, to name what fails.
IC_5 = PREFIXES + """SELECT ?dim WHERE {
    ?dim a qb:DimensionProperty ;
         rdfs:range skos:Concept .
    FILTER NOT EXISTS { ?dim qb:codeList [] }
}"""
IC_19 = PREFIXES + """SELECT ?obs ?dim ?v WHERE {
    ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
    ?dim a qb:DimensionProperty;
        qb:codeList ?list .
    ?list a skos:ConceptScheme .
    ?obs ?dim ?v .
    FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list }
}"""
SAMPLES = ("datang-socks", "dehua-ceramics", "meitan-tea")


def concepts_and_schemes(graph: Graph) -> set[Node]:
    return set(graph.subjects(SKOS.inScheme, None)) | set(graph.subjects(RDF.type,
                                                                         SKOS.ConceptScheme))


def test_every_concept_is_typed_skos_concept_as_skos_tools_read_it(ontology_graph: Graph) -> None:
    """SKOS browsers run no RDFS inference: a concept typed only bcic:NormativeLevel is none."""
    concepts = set(ontology_graph.subjects(SKOS.inScheme, None))
    assert len(concepts) == 213  # 170 of bcic.ttl's 38 schemes, 43 of the 9.1.4 scheme
    assert {c for c in concepts if (c, RDF.type, SKOS.Concept) not in ontology_graph} == set()


def test_every_concept_and_scheme_has_its_labels_as_one_pref_label_per_language(
        ontology_graph: Graph) -> None:
    """SKOS S14: at most one skos:prefLabel per language; ours are the rdfs:labels, zh and en."""
    nodes = concepts_and_schemes(ontology_graph)
    assert len(nodes) == 252  # 213 concepts, 39 schemes
    for node in nodes:
        pref = sorted(ontology_graph.objects(node, SKOS.prefLabel))
        assert [label.language for label in pref] == ["en", "zh"], node  # type: ignore[attr-defined]
        assert pref == sorted(ontology_graph.objects(node, RDFS.label)), node


def test_no_node_is_both_a_concept_and_a_concept_scheme(ontology_graph: Graph) -> None:
    concepts = set(ontology_graph.subjects(RDF.type, SKOS.Concept))
    assert concepts and concepts & set(ontology_graph.subjects(RDF.type, SKOS.ConceptScheme)) == set()


def data_cube_structure() -> Graph:
    """The Data Cube structure with the concepts its dimensions take, under OWL 2 RL entailment."""
    graph = Graph()
    for path in (CORE_ONTOLOGY_FILE, DATA_STRUCTURE_FILE, INDICATORS_FILE):
        graph.parse(path)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def test_data_cube_ic5_every_concept_valued_dimension_has_a_code_list_under_entailment() -> None:
    """bcic:indicator and bcic:valueKind range over subclasses of skos:Concept, so their range is
    skos:Concept too (OWL 2 RL scm-rng1): IC-5 asks each for its code list."""
    graph = data_cube_structure()
    concept_valued = set(graph.subjects(RDFS.range, SKOS.Concept)) & set(
        graph.subjects(RDF.type, QB.DimensionProperty))
    assert concept_valued == {BCIC.indicator, BCIC.valueKind}
    assert list(graph.query(IC_5)) == []


@pytest.mark.parametrize("sample", [*SAMPLES, "generated"])
def test_data_cube_ic19_every_coded_dimension_value_is_in_its_code_list(sample: str) -> None:
    """Every indicator an observation names is a concept of ind:IndicatorScheme, every value kind
    one of bcic:ValueKindScheme (the dimensions' qb:codeList)."""
    data = (generate_cluster(5, 2) if sample == "generated"
            else Graph().parse(EXAMPLES_DIR / f"{sample}.ttl"))
    graph = data_cube_structure() + data
    # Normalisation (§10, phase 1): a component's qb:dimension is its qb:componentProperty.
    for spec, dimension in list(graph.subject_objects(QB.dimension)):
        graph.add((spec, QB.componentProperty, dimension))
    coded = {(o, p) for p in (BCIC.indicator, BCIC.valueKind) for o, _ in
             graph.subject_objects(p)}
    assert coded, "no coded dimension value to check"
    assert list(graph.query(IC_19)) == []


def test_ontology_header_dates_and_credits_as_dcterms_ranges_ask(ontology_graph: Graph) -> None:
    ontology = URIRef(ONTOLOGY_IRI)
    created = ontology_graph.value(ontology, DCTERMS.created)
    assert isinstance(created, Literal) and created.datatype == XSD_DATE
    creator = ontology_graph.value(ontology, DCTERMS.creator)
    assert not isinstance(creator, Literal)  # dcterms:creator's range is dcterms:Agent
    assert (creator, RDF.type, FOAF.Agent) in ontology_graph
    assert str(ontology_graph.value(creator, FOAF.name)) == "bcic maintainers"


def test_report_notes_put_reserved_vocabulary_only_under_an_annotation_property(
        ontology_graph: Graph) -> None:
    """OWL 2 DL lets rdfs:Class, rdf:Property and rdfs:Resource be an annotation's value, never an
    individual, which an object property's value is (docs/model.md, decision 15)."""
    assert {str(value).startswith((str(RDF), str(RDFS))) for value in USES.values()} == {True}
    assert set(ontology_graph.objects(BCIC.usedAs, RDF.type)) == {OWL.AnnotationProperty}
