"""A shape's path and constraints in words (checker/shape_outline.py), as `bcic rules show` and
the rulebook page say them, zh and en: a path's direction and structure, constraints that compare
values or close a shape, min before max, language tags kept."""

from __future__ import annotations

import pytest
from rdflib import Graph

from checker.namespaces import SHP
from checker.shape_outline import OutlineReader, ShapeOutline

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix shp: <https://w3id.org/bcic/shapes/gbt-draft/> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
shp:Inverse a sh:PropertyShape ; sh:path [ sh:inversePath bcic:cultivates ] .
shp:Either a sh:PropertyShape ;
    sh:path [ sh:alternativePath ( [ sh:inversePath org:hasUnit ]
                                   ( [ sh:inversePath org:member ] org:organization ) ) ] .
shp:Repeated a sh:PropertyShape ; sh:path [ sh:oneOrMorePath bcic:partOf ] .
shp:Maybe a sh:PropertyShape ; sh:path [ sh:zeroOrOnePath bcic:partOf ] .
shp:Instances a sh:PropertyShape ;
    sh:path ( [ sh:zeroOrMorePath [ sh:inversePath rdfs:subClassOf ] ]
              [ sh:inversePath rdf:type ] bcic:cultivates ) .
shp:Compared a sh:PropertyShape ; sh:path bcic:refCluster ;
    sh:disjoint bcic:benchmarkCluster ; sh:equals bcic:sameCluster ;
    sh:lessThan bcic:endDate ; sh:lessThanOrEquals bcic:lastDate ; sh:uniqueLang true ;
    sh:languageIn ( "zh" "en" ) ; sh:maxCount 2 ; sh:minCount 1 ;
    sh:maxInclusive 9 ; sh:minInclusive 1 ; sh:maxExclusive 10 ; sh:minExclusive 0 ;
    sh:in ( "年度"@zh "annual"@en ) .
shp:Closed a sh:NodeShape ; sh:closed true ; sh:ignoredProperties ( rdf:type rdfs:label ) .
shp:Twice a sh:PropertyShape ; sh:path bcic:x ; sh:qualifiedValueShapesDisjoint true ;
    sh:qualifiedValueShape shp:Closed ; sh:qualifiedMinCount 1 .
"""
LABELS = """
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
bcic:cultivates rdfs:label "cultivates"@en , "培育"@zh .
bcic:benchmarkCluster rdfs:label "benchmark cluster"@en , "标杆产业集群"@zh .
"""


@pytest.fixture(scope="module")
def reader() -> OutlineReader:
    return OutlineReader(Graph().parse(format="turtle", data=SHAPES),
                         Graph().parse(format="turtle", data=LABELS), {})


def _outline(reader: OutlineReader, name: str) -> ShapeOutline:
    return reader.outline(SHP[name])


@pytest.mark.parametrize(("name", "en", "zh"), [
    ("Inverse", "inverse of “cultivates” (bcic:cultivates)",
     "“培育”（bcic:cultivates）的反向"),
    ("Either", "inverse of “has unit” (org:hasUnit) or (inverse of “member” (org:member), then "
               "“member of” (org:organization))",
     "“下设单位”（org:hasUnit）的反向 或 （“成员”（org:member）的反向，再经 “所属组织”（org:organization））"),
    ("Repeated", "bcic:partOf, one or more times", "bcic:partOf（一次或多次）"),
    ("Maybe", "bcic:partOf, zero times or once", "bcic:partOf（零次或一次）"),
    ("Instances", "its instances, its subclasses' included, then “cultivates” (bcic:cultivates)",
     "其实例（含各子类的实例），再经 “培育”（bcic:cultivates）")])
def test_a_paths_words_follow_its_direction_and_structure(
        reader: OutlineReader, name: str, en: str, zh: str) -> None:
    """`^bcic:cultivates` read "cultivated cluster", the opposite way; alternatives, sequences
    and repeats vanished into a list of terms."""
    assert _outline(reader, name).path_words == {"en": en, "zh": zh}


def test_comparing_constraints_are_said_in_words_min_before_max(reader: OutlineReader) -> None:
    """sh:disjoint (9.3.2 c), d)) and its kin were said as a bare value; max came before min."""
    said = [(c.kind, c.text["en"], c.text["zh"]) for c in _outline(reader, "Compared").constraints]
    kinds = [kind for kind, _en, _zh in said]
    assert kinds.index("sh:minCount") < kinds.index("sh:maxCount")
    assert kinds.index("sh:minInclusive") < kinds.index("sh:maxInclusive")
    assert kinds.index("sh:minExclusive") < kinds.index("sh:maxExclusive")
    assert ("sh:disjoint", "no value is also its “benchmark cluster” (bcic:benchmarkCluster)",
            "没有值同时是其“标杆产业集群”（bcic:benchmarkCluster）") in said
    assert ("sh:equals", "its values are exactly its bcic:sameCluster",
            "其值与其 bcic:sameCluster 完全相同") in said
    assert ("sh:lessThan", "each value is less than every bcic:endDate",
            "每个值均小于其每个 bcic:endDate") in said
    assert ("sh:lessThanOrEquals", "each value is at most every bcic:lastDate",
            "每个值均不大于其每个 bcic:lastDate") in said
    assert ("sh:uniqueLang", "no two values in one language", "同一语言的值不超过一个") in said
    assert ("sh:languageIn", "each value is in one of the languages zh, en",
            "每个值的语言均为以下之一：zh、en") in said
    assert ("sh:in", "each value is one of “年度”@zh, “annual”@en",
            "每个值均为以下之一：“年度”@zh、“annual”@en") in said


def test_a_closed_shape_and_disjoint_qualified_shapes_are_said_in_words(
        reader: OutlineReader) -> None:
    [closed] = _outline(reader, "Closed").constraints
    assert (closed.kind, closed.text["en"], closed.text["zh"]) == (
        "sh:closed", "no property other than its paths', except “type” (rdf:type), “name” (rdfs:label)",
        "除其路径所指属性外不得有其他属性（“类型”（rdf:type）、“名称”（rdfs:label） 除外）")
    texts = {c.kind: (c.text["en"], c.text["zh"]) for c in _outline(reader, "Twice").constraints}
    assert texts["sh:qualifiedValueShapesDisjoint"] == (
        "a value that conforms to this qualified shape conforms to none of its siblings'",
        "符合本限定形状的值不得符合其同级限定形状")
