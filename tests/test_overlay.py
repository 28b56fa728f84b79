"""A graph read with extra triples beside it answers every question as the merged graph would,
and leaves the graph itself alone."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef

from checker.overlay import Extra, beside

EX = Namespace("https://example.org/t#")
EXTRA = [(EX.Sub, RDFS.subClassOf, EX.Super), (EX.Super, RDFS.subClassOf, EX.Top),
         (EX.role, RDF.type, EX.Role), (EX.a, EX.p, Literal("shared"))]


@pytest.fixture
def data() -> Graph:
    graph = Graph()
    graph.bind("ex", EX)
    for triple in [(EX.a, RDF.type, EX.Sub), (EX.a, EX.p, Literal("shared")),
                   (EX.a, EX.hasRole, EX.role), (EX.b, RDF.type, EX.Super)]:
        graph.add(triple)
    return graph


def _merged(data: Graph) -> Graph:
    merged = Graph()
    merged += data
    for triple in EXTRA:
        merged.add(triple)
    return merged


PATTERNS = [(None, None, None), (EX.a, None, None), (EX.a, EX.p, None), (None, RDF.type, None),
            (None, RDF.type, EX.Sub), (EX.Sub, None, None), (None, None, EX.Top),
            (EX.role, RDF.type, EX.Role), (EX.a, EX.p, Literal("shared")), (EX.nothing, None, None)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=str)
def test_every_pattern_is_answered_as_by_the_merged_graph(data: Graph, pattern: tuple) -> None:
    view = beside(data, Extra(EXTRA))
    for _ in range(2):  # the second answer comes from what the view remembers
        assert sorted(view.triples(pattern)) == sorted(_merged(data).triples(pattern))


def test_the_view_has_the_size_and_closures_of_the_merged_graph(data: Graph) -> None:
    view, merged = beside(data, Extra(EXTRA)), _merged(data)
    assert len(view) == len(merged) == 7
    assert set(view.transitive_objects(EX.Sub, RDFS.subClassOf)) == {EX.Sub, EX.Super, EX.Top}
    assert (EX.role, RDF.type, EX.Role) in view and (EX.role, RDF.type, EX.Sub) not in view


def test_the_graph_itself_is_left_alone_and_the_view_cannot_be_written(data: Graph) -> None:
    before = set(data)
    view = beside(data, Extra(EXTRA))
    list(view.triples((None, None, None)))
    with pytest.raises(TypeError):
        view.add((EX.c, RDF.type, EX.Sub))
    assert set(data) == before


def test_the_view_writes_names_with_the_prefixes_of_the_graph(data: Graph) -> None:
    assert EX.a.n3(beside(data, Extra(EXTRA)).namespace_manager) == "ex:a"


def test_a_dataset_is_read_as_the_union_of_its_graphs() -> None:
    dataset = Dataset()
    dataset.graph(URIRef("https://example.org/g1")).add((EX.a, RDF.type, EX.Sub))
    dataset.graph(URIRef("https://example.org/g2")).add((EX.b, RDF.type, EX.Super))
    view = beside(dataset, Extra(EXTRA))
    assert set(view.subjects(RDF.type, None)) == {EX.a, EX.b, EX.role}
