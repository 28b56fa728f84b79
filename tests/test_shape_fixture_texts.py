"""What a shape's fixture text (the rulebook pages' account of its non-conforming twin) names:
its own shape's terms, never another shape's."""

from rdflib import Graph, URIRef

from checker.rulebook_document import fixture_text

SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/test#> .
ex:Alone sh:path ex:p .
ex:Other sh:property [ sh:path ex:elsewhere ] .
ex:Stripping sh:node ex:Required .
ex:Required sh:property [ sh:path ex:name ], [ sh:path ex:year ] .
"""


def _texts(shape: str) -> dict[str, str]:
    shapes = Graph().parse(data=SHAPES, format="turtle")
    return fixture_text(shapes, URIRef(f"https://example.org/test#{shape}"),
                        "strip-required-properties")


def test_a_shape_naming_no_node_strips_no_other_shapes_properties_in_either_language() -> None:
    """With no sh:node there are no required properties to name: the properties of every shape
    in the graph were named (and rendered for each shape, most of the document's build)."""
    texts = _texts("Alone")
    assert "elsewhere" not in texts["en"] and "elsewhere" not in texts["zh"]
    assert "()" in texts["en"] and "（）" in texts["zh"]


def test_the_properties_a_shapes_node_requires_are_named_in_either_language() -> None:
    texts = _texts("Stripping")
    assert "(ex:name, ex:year)" in texts["en"] and "（ex:name、ex:year）" in texts["zh"]
    assert "elsewhere" not in texts["en"] + texts["zh"]
