"""The 9.1.4 indicator scheme and the catalogue speak of one indicator with one name: every concept
of ontology/indicators.ttl is listed in its 9.1.4 list item (bcic:listedIn), whose zh text (the
standard's) and en rendering name it as its skos:prefLabel does."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from checker.namespaces import BCIC, IND, REQ
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES

ONTOLOGY: Graph = load_ontology_graph(ALL_ONTOLOGY_FILES)
CONCEPTS = sorted(s for s in ONTOLOGY.subjects(SKOS.inScheme, IND.IndicatorScheme)
                  if isinstance(s, URIRef))


def _one(subject: URIRef, predicate: URIRef, lang: str | None = None) -> str:
    values = [o for o in ONTOLOGY.objects(subject, predicate)
              if lang is None or getattr(o, "language", None) == lang]
    assert len(values) == 1, (subject, predicate, values)
    return str(values[0])


def test_the_scheme_has_the_standards_43_concepts() -> None:
    assert len(CONCEPTS) == 3 + 10 + 30


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.removeprefix(str(IND)))
def test_each_concept_is_listed_in_the_list_item_its_notation_names(concept: URIRef) -> None:
    """ind:LocationAdvantage (a.1.1) → req:9.1.4-a-1; ind:ResourceLevel (a.1) → req:9.1.4-a-1;
    ind:ProcessCapability (a) → req:9.1.4-a."""
    notation = _one(concept, SKOS.notation).split(".")
    assert [URIRef(str(o)) for o in ONTOLOGY.objects(concept, BCIC.listedIn)] == [
        REQ["9.1.4-" + "-".join(notation[:2])]]


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda c: c.removeprefix(str(IND)))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_list_item_names_the_concept_as_its_pref_label_does(concept: URIRef, lang: str) -> None:
    """历史积淀 was "historical accumulation" in the catalogue and "historical heritage" in the
    scheme: one English name per indicator now."""
    item = ONTOLOGY.value(concept, BCIC.listedIn)
    assert isinstance(item, URIRef)
    name = _one(concept, SKOS.prefLabel, lang)
    wording = f"{_one(item, BCIC.provisionText, lang)} {_one(item, RDFS.label, lang)}"
    assert name.lower() in wording.lower(), (item, name, wording)
