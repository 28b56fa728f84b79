"""Lists of chapters 4, 5 and 7 read as the standard writes them, checked on the conformant sample
(dehua-ceramics.ttl) changed the way a real submission might be: 「包括但不限于…」 and 「包括…等」
ask for every item they list (as 5.1, 5.2.2 and 8.2.1 are read), a list joined by 和 asks for all
of its items, and 「周期性」 asks for a recurring period (docs/model.md, decisions 4 and 13)."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Status
from checker.validation import validate_graph

from tests.dehua_changes import BODY, EX, XSD_DATE, dehua, status


def _hint(data: Graph, clause: str, lang: str) -> str:
    """The “how to meet it” line of a clause in the text report on `data`."""
    lines = render_report(validate_graph(data), "text", lang).splitlines()  # type: ignore[arg-type]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(
        ("✘ ", "? ")) and line.split()[1] == clause)
    label = {"zh": "→ 如何满足：", "en": "→ How to meet it: "}[lang]
    return next(line for line in lines[start:] if label in line)


def _record(data: Graph, local: str, cls: URIRef, *covers: URIRef) -> URIRef:
    """A dated record of the body, of `cls`, covering `covers`, added to `data`."""
    node = URIRef(EX + local)
    data.add((node, RDF.type, cls))
    data.add((node, PROV.wasAttributedTo, BODY))
    data.add((node, PROV.wasAssociatedWith, BODY))
    data.add((node, DCTERMS.title, Literal(local, lang="zh")))
    data.add((node, DCTERMS.date, Literal("2024-03-01", datatype=XSD_DATE)))
    for value in covers:
        data.add((node, BCIC.covers, value))
    return node


def test_the_sample_meets_every_clause_these_tests_change() -> None:
    report = validate_graph(dehua())
    for rid in ("4.2.1-i", "4.3.2", "5.3-1", "5.3-2", "5.3-3", "7.1.1", "7.2.5", "7.5.2"):
        assert report.outcome(rid).status is not Status.NOT_MET, rid


# 7.1.1 「提供集群品牌培育所需要的基础设施，包括但不限于道路、桥梁、信息化等」

@pytest.mark.parametrize("kind", [BCIC.Roads, BCIC.Bridges, BCIC.InformationNetwork])
def test_infrastructure_lacking_a_kind_7_1_1_lists_fails_it(kind: URIRef) -> None:
    data = dehua()
    data.remove((URIRef(EX + "infrastructure"), BCIC.covers, kind))
    assert status(data, "7.1.1") is Status.NOT_MET


def test_infrastructure_of_a_kind_7_1_1_does_not_list_alone_fails_it() -> None:
    """Energy supply is one of 5.3's kinds: it stands for none of roads, bridges and information."""
    data = dehua()
    infrastructure = URIRef(EX + "infrastructure")
    data.remove((infrastructure, BCIC.covers, None))
    data.add((infrastructure, BCIC.covers, BCIC.EnergySupply))
    assert status(data, "7.1.1") is Status.NOT_MET


def test_the_kinds_of_7_1_1_may_come_from_several_records_of_the_body() -> None:
    data = dehua()
    infrastructure = URIRef(EX + "infrastructure")
    data.remove((infrastructure, BCIC.covers, BCIC.Bridges))
    _record(data, "bridge", BCIC.Infrastructure, BCIC.Bridges)
    assert status(data, "7.1.1") is not Status.NOT_MET


def test_a_bridge_no_one_answers_for_is_not_provided_by_the_body() -> None:
    """「培育主体应…提供」: a bridge recorded without the body does not make up the body's."""
    data = dehua()
    data.remove((URIRef(EX + "infrastructure"), BCIC.covers, BCIC.Bridges))
    bridge = _record(data, "bridge", BCIC.Infrastructure, BCIC.Bridges)
    data.remove((bridge, PROV.wasAttributedTo, BODY))
    assert status(data, "7.1.1") is Status.NOT_MET


@pytest.mark.parametrize("lang, said", [
    ("zh", "“涵盖”（bcic:covers）为“道路”（bcic:Roads）、“桥梁”（bcic:Bridges）和“信息化设施”"
           "（bcic:InformationNetwork），缺一不可"),
    ("en", "“covers” (bcic:covers) set to each of “roads” (bcic:Roads), “bridges” (bcic:Bridges) "
           "and “information infrastructure” (bcic:InformationNetwork)"),
])
def test_the_hint_of_7_1_1_asks_each_kind_it_lists(lang: str, said: str) -> None:
    data = dehua()
    data.remove((URIRef(EX + "infrastructure"), BCIC.covers, None))
    hint = _hint(data, "7.1.1", lang)
    assert said in hint
    assert "EnergySupply" not in hint and "TransportFacilities" not in hint
