"""The hints of the rulebook's pages say every form a shape asks in words, as the reports do:
9.2.3's value "as a number", 6.2 d)'s recurring period, 8.3.4 —2's party, 9.4.1's priority were
shown as a shape's bare IRI (<https://w3id.org/bcic/shapes/gbt-draft/ObservedNumber>)."""

from __future__ import annotations

import pytest
from rdflib import RDFS, Literal, URIRef

from checker.namespaces import SHP
from checker.rulebook import load_rulebook
from checker.rulebook_document import load_rulebook_document


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_hint_shows_a_shapes_iri(lang: str) -> None:
    provisions = load_rulebook_document().provisions
    raw = {rid: p.how_to[lang] for rid, p in provisions.items() if str(SHP) in p.how_to.get(lang, "")}
    assert raw == {}
    assert sum(1 for p in provisions.values() if p.how_to.get(lang)) > 50


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("rid", "shape"), [("9.2.3", SHP.ObservedNumber),
                                            ("9.2.1", SHP.RecurringPeriod),
                                            ("9.4.1", SHP.UsablePriority)])
def test_a_form_a_shape_asks_is_said_by_the_shapes_label(rid: str, shape: URIRef,
                                                        lang: str) -> None:
    """The words are the shape's own label, as the report's hint says them."""
    hint = load_rulebook_document().provisions[rid].how_to[lang]
    [label] = [str(o) for o in load_rulebook().shapes_graph.objects(shape, RDFS.label)
               if isinstance(o, Literal) and o.language == lang]
    assert label in hint
