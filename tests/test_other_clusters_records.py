"""Another cluster's records kept for comparison (bcic:recordOf a benchmark or a competitor, as
9.3.2 reads them) in chapter 6: the conformant sample (dehua-ceramics.ttl) changed in one way,
written in Turtle, each validated once, and the verdict the clause supports (docs/model.md,
decision 25)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import PROV
from checker.render import render_report
from checker.report import Report, Status

from tests.dehua_variants import DEHUA_NS
from tests.dehua_variants import DEHUA_PREFIXES as PREFIXES
from tests.dehua_variants import dehua_with

# 6.1.1.1 「考虑竞争对手的策略」: Jingdezhen's positioning and architecture, kept as a benchmark's
# records, with none of the parts chapter 6 asks of the body's own.
RIVAL_STRATEGY = """
    ex:jdz-positioning a bcic:BrandPositioning ;
        dcterms:title "景德镇陶瓷集群品牌定位（标杆资料）"@zh ;
        bcic:recordOf ex:jingdezhen .
    ex:jdz-architecture a bcic:BrandArchitecture ;
        dcterms:title "景德镇陶瓷集群品牌架构（标杆资料）"@zh ;
        bcic:recordOf ex:jingdezhen ."""

# The body's own positioning marked as Jingdezhen's: the cluster has none of its own.
OWN_AS_RIVALS = "ex:positioning bcic:recordOf ex:jingdezhen ."

EX = Namespace(DEHUA_NS)
CHAPTER_6 = ("6.1", "6.1.1.1", "6.1.2.1", "6.1.2.2")


def _with(turtle: str) -> Report:
    return dehua_with(lambda graph: graph.parse(data=PREFIXES + turtle, format="turtle"))


@pytest.fixture(scope="module")
def base() -> Report:
    """Dehua unchanged."""
    return dehua_with(lambda graph: None)


@pytest.fixture(scope="module")
def rival() -> Report:
    """Dehua with a benchmark's positioning and architecture on record."""
    return _with(RIVAL_STRATEGY)


@pytest.mark.parametrize("rid", CHAPTER_6)
def test_a_benchmarks_positioning_and_architecture_on_record_are_no_breach_under_6_1_and_6_1_1_1(
        rid: str, base: Report, rival: Report) -> None:
    """Kept for 「竞争对手的策略」, another cluster's positioning and architecture are asked no
    frame, no strategy and no parts: the provision keeps the base's status and no finding names
    them."""
    assert rival.outcome(rid).status is base.outcome(rid).status
    assert rival.outcome(rid).status is not Status.NOT_MET
    focus = {str(r.focus_node) for r in rival.outcome(rid).results}
    assert not {n for n in focus if "jdz-" in n}, focus


def test_a_positioning_of_another_cluster_only_is_none_of_this_cluster_under_6_1_1_1() -> None:
    """6.1.1.1 「形成产业集群品牌的核心价值」 binds this cluster's body: a positioning marked as
    Jingdezhen's is not its own, and the finding says there is none of this cluster in force."""
    report = _with(OWN_AS_RIVALS)
    assert report.outcome("6.1.1.1").status is Status.NOT_MET
    assert "未见本集群现行的品牌定位（6.1.1.1）" in render_report(report, "text", "zh")
    assert "No brand positioning of this cluster in force in the submission (6.1.1.1)" in \
        render_report(report, "text", "en")



# 9.3.2 c): the body watches Jingdezhen's KPI system beside its own semi-annual monitoring.
BENCHMARK_WATCH = """
    ex:jdz-kpi a bcic:KPISystem ;
        dcterms:title "景德镇陶瓷集群品牌培育关键绩效指标体系（标杆资料）"@zh ;
        dcterms:date "2022-01-01"^^xsd:date ;
        bcic:recordOf ex:jingdezhen ;
        bcic:includesIndicator ind:ExportRate , ind:MarketShare .
    ex:jdz-kpi-watch a bcic:KPIMonitoring ;
        rdfs:label "标杆集群（景德镇）关键绩效指标跟踪"@zh ;
        prov:wasAssociatedWith ex:body ;
        dcterms:date "2024-08-01"^^xsd:date ;
        prov:used ex:jdz-kpi ;
        bcic:finding "景德镇出口率高于本集群 4 个百分点"@zh ."""

MONITORING_6_2_B_ZH = ("未见对本集群关键绩效指标体系的监测：所见的关键绩效指标监测都未使用本集群现行的关键绩效指标体系，"
                       "例如只使用了其他集群的体系（6.2 b)）")
MONITORING_6_2_B_EN = ("No monitoring of this cluster's key performance indicator system: no KPI "
                       "monitoring in the submission used this cluster's system in force; one that "
                       "uses only another cluster's system watches that cluster instead (6.2 b))")


def test_a_benchmarks_kpi_system_watched_beside_the_own_is_no_breach_of_6_2_b(base: Report) -> None:
    """「建立…关键绩效指标体系，并实施监测」: the body monitors the system it established; watching a
    benchmark's system besides (9.3.2 c)) is set aside, neither counted nor a breach."""
    report = _with(BENCHMARK_WATCH)
    for rid in ("6.2-b", "6.2"):
        assert report.outcome(rid).status is base.outcome(rid).status is not Status.NOT_MET
        assert not report.outcome(rid).results


def test_monitoring_only_another_clusters_kpi_system_fails_6_2_b_saying_so() -> None:
    """With every monitoring using Jingdezhen's system, none monitors the body's own: 6.2 b) is
    not met, and the finding says the monitorings found use another cluster's system, naming
    each with the system it used."""
    def change(graph: Graph) -> None:
        graph.parse(data=PREFIXES + BENCHMARK_WATCH, format="turtle")
        graph.remove((EX.term("kpi-monitoring"), PROV.used, None))
        graph.add((EX.term("kpi-monitoring"), PROV.used, EX.term("jdz-kpi")))
    report = dehua_with(change)
    assert report.outcome("6.2-b").status is Status.NOT_MET
    zh, en = (render_report(report, "text", lang) for lang in ("zh", "en"))
    assert MONITORING_6_2_B_ZH in zh and MONITORING_6_2_B_EN in en
    # Each monitoring found is named with the system it used, said to be another cluster's.
    assert zh.count("：“所用对象”的取值“景德镇陶瓷集群品牌培育关键绩效指标体系（标杆资料）”为其他集群的记录") == 2, zh
    assert en.count(": its “used” “景德镇陶瓷集群品牌培育关键绩效指标体系（标杆资料）” is a record of another "
                    "cluster") == 2, en
    assert {str(r.source_shape).rsplit("/", 1)[1] for r in report.outcome("6.2-b").results} == {
        "KPIMonitoringOfOwnSystem"}
