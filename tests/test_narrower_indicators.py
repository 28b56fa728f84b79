"""Indicators a KPI system adds under 9.1.4's listed ones (skos:broader, 对欧盟出口率 under 出口率):
the conformant sample (dehua-ceramics.ttl) changed in one way, each validated once. 9.1.4
「应包括」 asks the listed indicator itself, and the finding names the narrower one listed in its
place; 9.1.2's categories and 9.1.3's groups count an indicator at any depth under them
(docs/model.md, decision 27)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from checker.namespaces import BCIC
from checker.paths import INDICATORS_FILE
from checker.render import render_report
from checker.report import Report, Status

from tests.dehua_variants import DEHUA_NS, dehua_with

EX = Namespace(DEHUA_NS)
IND = Namespace("https://w3id.org/bcic/indicator/")


def _in_place(graph: Graph, listed: URIRef) -> None:
    """Dehua's KPI system lists an indicator under `listed` instead of `listed` itself."""
    system, narrower = EX.term("kpi-system"), EX.term(f"ind-{listed.rsplit('/', 1)[1]}-eu")
    assert (system, BCIC.includesIndicator, listed) in graph, listed
    graph.remove((system, BCIC.includesIndicator, listed))
    graph.add((system, BCIC.includesIndicator, narrower))
    graph.add((narrower, RDF.type, BCIC.PerformanceIndicator))
    graph.add((narrower, SKOS.broader, listed))
    graph.add((narrower, RDFS.label, Literal(f"对欧盟{listed.rsplit('/', 1)[1]}", lang="zh")))


def _under(category: URIRef) -> list[URIRef]:
    """The leaves of 9.1.4 under a category of 9.1.2 (two levels down)."""
    scheme = Graph().parse(INDICATORS_FILE)
    return [leaf for group in scheme.subjects(SKOS.broader, category)
            for leaf in scheme.subjects(SKOS.broader, group)]  # type: ignore[misc]


@pytest.fixture(scope="module")
def export_eu() -> Report:
    """Dehua's KPI system lists 对欧盟出口率 (export rate to the EU) instead of 出口率."""
    def change(graph: Graph) -> None:
        _in_place(graph, IND.ExportRate)
        graph.set((EX.term("ind-ExportRate-eu"), RDFS.label, Literal("对欧盟出口率", lang="zh")))
        graph.add((EX.term("ind-ExportRate-eu"), RDFS.label, Literal("export rate to the EU", lang="en")))
    return dehua_with(change)


@pytest.fixture(scope="module")
def all_narrower() -> Report:
    """Dehua's KPI system lists, in place of every listed indicator of market position (9.1.3's
    market competitiveness) and of the process capability category (9.1.2), one under it."""
    def change(graph: Graph) -> None:
        system = EX.term("kpi-system")
        for leaf in [*_under(IND.ProcessCapability), IND.MarketShare, IND.SalesCoverage,
                     IND.ExportRate]:
            if (system, BCIC.includesIndicator, leaf) in graph:
                _in_place(graph, leaf)
    return dehua_with(change)


@pytest.fixture(scope="module")
def base() -> Report:
    """Dehua unchanged."""
    return dehua_with(lambda graph: None)


def test_a_narrower_indicator_in_place_of_export_rate_is_not_met_naming_it_under_9_1_4(
        export_eu: Report) -> None:
    """「市场地位，含市场占有率、销售覆盖率、出口率」 with 「应包括」: the part is not the whole, so the
    provision is not met, and the finding names the narrower indicator and asks for 出口率 itself."""
    assert export_eu.outcome("9.1.4-c-1").status is Status.NOT_MET
    zh, en = (render_report(export_eu, "text", lang) for lang in ("zh", "en"))
    assert ("“包含指标”缺少“出口率”；体系包含其下位指标“对欧盟出口率”，但未包含“出口率”本身：请将“出口率”列入体系"
            "（可在其测量规范的计算方法中写明由下位指标汇总）") in zh, zh
    assert ("its “includes indicator” lacks “export rate”; it includes “export rate to the EU”, "
            "narrower than “export rate”, but not “export rate” itself: list “export rate” itself "
            "(its measurement specification's calculation method may say it is summed up from the "
            "narrower ones)") in en.replace("\n          ", " "), en


@pytest.mark.parametrize("rid", ["9.1.2", "9.1.3"])
def test_indicators_under_the_listed_ones_count_for_their_group_and_category_under_9_1_2_and_9_1_3(
        rid: str, all_narrower: Report, base: Report) -> None:
    """A category (9.1.2) and a group (9.1.3) count indicators at any depth under them: a system
    listing only narrower indicators of market position and process capability still holds
    indicators of both (skos:broader+, not a fixed number of steps)."""
    assert all_narrower.outcome(rid).status is base.outcome(rid).status is not Status.NOT_MET
    assert not all_narrower.outcome(rid).results
    assert all_narrower.outcome("9.1.4-c-1").status is Status.NOT_MET  # 「应包括」 still asks them
