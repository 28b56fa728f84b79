"""The catalogue's and the ontology's English say what the zh text says, and what is bcic's reading
is marked as such, not passed off as the standard's words (findings of a domain expert's audit)."""

from __future__ import annotations

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from checker.namespaces import BCIC, REQ

# 0.2 a)–c), verbatim: what Figure 0.1's layers are. None names a chapter number.
FIGURE_0_1 = {
    BCIC.DriverLayer: "组织管理和品牌培育战略是产业集群品牌培育的驱动层，组织全面负责品牌培育工作，并以品牌培育战略为导向；",
    BCIC.ProcessLayer: "资源管理和品牌化过程是产业集群品牌培育的过程层；",
    BCIC.ResultLayer: "品牌培育的成效及改进是结果层，同时体现了以“P-D-C-A”思想为核心的持续改进理念。",
}


def _text(graph: Graph, node: URIRef, prop: URIRef, lang: str) -> str:
    (found,) = [o for o in graph.objects(node, prop) if isinstance(o, Literal) and o.language == lang]
    return str(found)


@pytest.mark.parametrize("layer", list(FIGURE_0_1), ids=lambda n: str(n).rsplit("#", 1)[-1])
def test_a_layers_definition_quotes_0_2_and_its_chapters_are_an_editorial_note(
        ontology_graph: Graph, layer: URIRef) -> None:
    """0.2 a) never names chapter 5 (nor any chapter): which chapters a layer holds is bcic's
    reading (docs/model.md, decision 6), said in a note of its own."""
    definition = _text(ontology_graph, layer, SKOS.definition, "zh")
    assert definition.rstrip("。") in FIGURE_0_1[layer]
    assert "第" not in definition and "chapter" not in _text(ontology_graph, layer, SKOS.definition, "en")
    for lang, reading in (("zh", "bcic 的解读"), ("en", "bcic's reading")):
        note = _text(ontology_graph, layer, SKOS.editorialNote, lang)
        assert note.startswith(reading) and ("章" in note or "chapter" in note)


def test_the_driver_layers_note_says_chapter_5_is_bcics_placing(ontology_graph: Graph) -> None:
    note = _text(ontology_graph, BCIC.DriverLayer, SKOS.editorialNote, "en")
    assert "chapters 4 to 6" in note and "chapter 5" in note


@pytest.mark.parametrize("node, prop, said", [
    # 5.2.2 「包括但不限于…体制框架等」: the 等 too
    (REQ["5.2.2"], BCIC.provisionText, "institutional framework and the like."),
    # 7.3.3 「规定集群内的关键技术、关键工艺和设备要求」: bcic's short title keeps the equipment
    (REQ["7.3.3"], BCIC.shortTitle, "Key technology, process and equipment requirements"),
    (REQ["7.3.3"], RDFS.label, "7.3.3 Key technology, process and equipment requirements"),
    # 3.4 「…直至最终消费和回收处理的整个过程」
    (BCIC.GlobalValueChain, SKOS.definition, "covering the whole process from raw-material sourcing"),
    # 6.1.2.2 「可考虑采用集群品牌、集群品牌+企业品牌、集群品牌+产品品牌、背书品牌等模式」: a list of modes,
    # each quoted by its label as the zh text names it by its label (集群品牌 is the mode "cluster
    # brand only"), not a permission to adopt the cluster brand only; 采用 and 等 kept
    (REQ["6.1.2.2-may"], BCIC.provisionText,
     "it may consider adopting modes such as “cluster brand only”, “cluster brand + enterprise "
     "brand”, “cluster brand + product brand”, “endorsed brand” and the like."),
], ids=["5.2.2-and-the-like", "7.3.3-title", "7.3.3-label", "3.4-whole-process",
        "6.1.2.2-may-modes"])
def test_the_english_keeps_what_the_zh_text_says(ontology_graph: Graph, node: URIRef,
                                                 prop: URIRef, said: str) -> None:
    assert said in _text(ontology_graph, node, prop, "en")


def test_one_term_for_the_technology_service_centre(ontology_graph: Graph) -> None:
    """7.3.4 「设立技术服务中心」: the catalogue, its class and the prompt say it alike."""
    term = _text(ontology_graph, BCIC.TechnologyServiceCentre, RDFS.label, "en")
    assert term == "technology service centre"
    for prop in (RDFS.label, BCIC.shortTitle, BCIC.provisionText):
        english = _text(ontology_graph, REQ["7.3.4"], prop, "en")
        assert term in english.lower() and "technical service" not in english
