"""Nested shapes as `bcic rules show` and the rulebook's pages read them (checker/shape_places.py,
checker/render/shape_said.py): in the order their parent lists them, and a shape written where it
is used (a blank node) with the line of its `[`, so a maintainer of a draft finds each one."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.namespaces import SHP
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES
from checker.provision_sheet import shape_outlines
from checker.render.shape_said import indented, shapes_said
from checker.rulebook_document import RulebookDocument, build_rulebook_document
from tests.test_rule_problems_more import Edits, changed_rulebook

COMMON = "shapes/common.ttl"
PARTS = ("shp:CompleteSpecification-content , shp:CompleteSpecification-source , "
         "shp:CompleteSpecification-collection ,\n        shp:CompleteSpecification-calculation , "
         "shp:CompleteSpecification-period , shp:CompleteSpecification-responsible .")
OWN = "    sh:property [ sh:path bcic:period ; sh:maxCount 1 ] , [ sh:path bcic:period ; sh:minCount 1 ] ;\n"


def _document(tmp_path: Path, edits: Edits) -> RulebookDocument:
    rulebook = changed_rulebook(tmp_path, edits)
    return build_rulebook_document(rulebook, load_ontology_graph(ALL_ONTOLOGY_FILES))


def test_nested_shapes_are_read_in_the_order_their_parent_lists_them(tmp_path: Path) -> None:
    """9.2.1's specification listing its responsible party first: the outline read the parts by
    the line that writes each (content first), whatever the list said."""
    listed = PARTS.replace("shp:CompleteSpecification-content , ", "").replace(
        "shp:CompleteSpecification-source", "shp:CompleteSpecification-responsible , "
        "shp:CompleteSpecification-content , shp:CompleteSpecification-source", 1).replace(
        " , shp:CompleteSpecification-responsible .", " .")
    document = _document(tmp_path, {COMMON: ((PARTS, listed),)})
    outline = shape_outlines(document, [SHP.CompleteSpecification])[SHP.CompleteSpecification]
    assert [inner.name for c in outline.constraints for inner in c.shapes] == [
        "shp:OwnRecord", *(f"shp:CompleteSpecification-{part}" for part in (
            "responsible", "content", "source", "collection", "calculation", "period"))]


@pytest.mark.parametrize(("lang", "words"), [("en", "a shape written where it is used · {}"),
                                             ("zh", "就地写出的形状 · {}")])
def test_a_shape_written_where_it_is_used_is_placed_at_its_bracket(
        tmp_path: Path, lang: str, words: str) -> None:
    """Two blank property shapes of 9.2.1's specification, on one line and the next: each was
    said with no line (`—`); each names its own `[` now, in the order written."""
    document = _document(tmp_path, {COMMON: ((PARTS, PARTS.replace(
        " .", " ;\n" + OWN + OWN.replace("maxCount 1", "maxCount 2").rstrip(" ;\n") + " .")),)})
    lines = (tmp_path / COMMON).read_text(encoding="utf-8").splitlines()
    first, second = (f"{COMMON}:{n}" for n, line in enumerate(lines, 1)
                     if line.startswith("    sh:property [ sh:path bcic:period ;"))
    said = [line.text for _depth, line in indented(
        shapes_said(document, [SHP.CompleteSpecification], lang)[SHP.CompleteSpecification])]
    own = [text for text in said if text.startswith(words.format(""))]
    assert own == [words.format(at) for at in (first, first, second, second)]
    outline = shape_outlines(document, [SHP.CompleteSpecification])[SHP.CompleteSpecification]
    counts = [inner.constraints[0].kind for c in outline.constraints for inner in c.shapes
              if inner.name is None]
    assert counts == ["sh:maxCount", "sh:minCount", "sh:maxCount", "sh:minCount"]


def test_a_named_shape_listed_after_a_blank_one_keeps_its_place_in_the_list(
        tmp_path: Path) -> None:
    """`sh:property [ … ] , shp:…-content , [ … ]`: the named one was listed after both blank
    nodes, as if its parent did not list it (9.2.1's specification)."""
    blank = "[ sh:path bcic:period ; sh:{}Count 1 ]"
    document = _document(tmp_path, {COMMON: ((
        "shp:CompleteSpecification-content , ",
        f"{blank.format('max')} , shp:CompleteSpecification-content ,\n"
        f"        {blank.format('min')} , "),)})
    outline = shape_outlines(document, [SHP.CompleteSpecification])[SHP.CompleteSpecification]
    listed = [inner.name or inner.constraints[0].kind for c in outline.constraints
              for inner in c.shapes]
    assert listed == ["shp:OwnRecord", "sh:maxCount", "shp:CompleteSpecification-content",
                      "sh:minCount", *(f"shp:CompleteSpecification-{part}" for part in (
                          "source", "collection", "calculation", "period", "responsible"))]
