"""Turtle text that reads back as the graph written: no list cell written twice (rdflib issue 802),
whatever the blank nodes are called (a report's result paths, docs/model.md decision 20)."""

from __future__ import annotations

from rdflib import RDF, BNode, Graph, Namespace
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from checker.turtle_text import turtle_text

EX = Namespace("https://example.org/")


def _result_with_a_path_list() -> Graph:
    """A result two triples name (sh:result, rdfs:seeAlso, as a report's), its detail's result
    path a list whose second cell's label sorts first, before the detail's and the list's own."""
    g = Graph()
    result, detail, head, cell = (BNode("z-result"), BNode("b-detail"), BNode("c-head"),
                                  BNode("a-cell"))
    g.add((EX.report, SH.result, result))
    g.add((EX.outcome, EX.seeAlso, result))
    g.add((result, SH.detail, detail))
    g.add((detail, SH.resultPath, head))
    first, second = BNode("m-inverse"), BNode("n-inverse")
    g.add((first, SH.inversePath, RDF.type))
    g.add((second, SH.inversePath, EX.fulfilsDuty))
    g.add((head, RDF.first, first))
    g.add((head, RDF.rest, cell))
    g.add((cell, RDF.first, second))
    g.add((cell, RDF.rest, RDF.nil))
    return g


def test_a_list_cell_whose_label_sorts_first_is_written_once() -> None:
    graph = _result_with_a_path_list()
    read = Graph().parse(data=turtle_text(graph), format="turtle")
    assert len(read) == len(graph) == 10
    assert len(list(read.triples((None, RDF.first, None)))) == 2
    assert isomorphic(read, graph)


def test_prefixes_bound_in_the_graph_are_written() -> None:
    graph = _result_with_a_path_list()
    graph.bind("ex", EX)
    assert "@prefix ex: <https://example.org/> ." in turtle_text(graph)
