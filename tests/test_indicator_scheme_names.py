"""The ontology's enumerations and the catalogue speak of one term with one name. Every concept of
the 9.1.4 indicator scheme (ontology/indicators.ttl) is listed in its 9.1.4 list item
(bcic:listedIn), whose zh text (the standard's) and en rendering name it as its skos:prefLabel
does; every concept of the other schemes (the lists of 4.3.1, 5.2.1, 6.1.2.2, 8.2.1, 9.3.2 …) whose
zh label a provision of its clauses writes is named by that provision's en rendering as its
rdfs:label@en names it."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

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


def _clause_lists() -> list[tuple[URIRef, URIRef]]:
    """(concept, provision): each concept of a scheme other than 9.1.4's, with each provision of
    the clauses it models (bcic:clauseRef, their list items included) whose zh text writes its
    zh label."""
    provisions = {str(o): s for s, o in ONTOLOGY.subject_objects(DCTERMS.identifier)
                  if (s, BCIC.provisionText, None) in ONTOLOGY}
    # 「产业集群品牌」 (the industrial cluster's brand) holds 集群品牌, the name of 6.1.2.2's first
    # architecture mode, without naming that mode (6.1.2.2: 「合理设计产业集群品牌架构模式」).
    found = []
    for concept, scheme in sorted(ONTOLOGY.subject_objects(SKOS.inScheme)):
        if scheme == IND.IndicatorScheme or not isinstance(concept, URIRef):
            continue
        zh = _one(concept, RDFS.label, "zh")
        refs = [str(r) for r in ONTOLOGY.objects(concept, BCIC.clauseRef)]
        found += [(concept, provision) for pid, provision in sorted(provisions.items())
                  if any(pid == r or pid.startswith(f"{r}-") for r in refs)
                  and zh in _one(provision, BCIC.provisionText, "zh").replace("产业集群品牌", "")]
    return found


CLAUSE_LISTS = _clause_lists()


def test_most_concepts_of_the_clauses_lists_are_named_as_the_standard_writes_them() -> None:
    assert len({concept for concept, _ in CLAUSE_LISTS}) > 100


@pytest.mark.parametrize("concept, provision", CLAUSE_LISTS,
                         ids=[f"{c.removeprefix(str(BCIC))}@{p.removeprefix(str(REQ))}"
                              for c, p in CLAUSE_LISTS])
def test_the_provision_renders_the_concept_in_english_as_its_label_does(
        concept: URIRef, provision: URIRef) -> None:
    """混合型 was "mixed" in 5.2.1's rendering and "hybrid" as bcic:HybridDriven's label, 技术创新
    "technological" and "technical" innovation, 6.1.2.2's mode 集群品牌 "cluster brand" and
    "cluster brand only", 8.2.1's 渠道销售组织 "channel sales organisations" and "sales
    channels": one English name per term now (a list may name it in the plural)."""
    name = _one(concept, RDFS.label, "en")
    text = _one(provision, BCIC.provisionText, "en")
    assert re.search(rf"\b{re.escape(name)}(s|es)?\b", text, re.IGNORECASE), (name, text)
