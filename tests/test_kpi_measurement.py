"""9.2.1 and 9.2.3 ask their parts of the key performance indicators determined (9.1): with none,
neither can be met, though the shapes that ask something of every indicator of a KPI system have
nothing to ask it of."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, URIRef

from checker.namespaces import BCIC, SHP
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report, Status
from checker.validation import validate_graph



def _dehua_without(*classes: URIRef) -> Graph:
    """Dehua with every instance of `classes`, and every statement naming one, removed."""
    data = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    for cls in classes:
        doomed = set(data.subjects(RDF.type, cls))
        assert doomed, cls
        for node in doomed:
            data.remove((node, None, None))
            data.remove((None, None, node))
    return data


@pytest.fixture(scope="module")
def no_kpis() -> Report:
    """The tester's case: an information system, a measurement model and a performance
    measurement, but no KPI system, no measurement specification and no indicator observation."""
    return validate_graph(_dehua_without(BCIC.KPISystem, BCIC.MeasurementSpecification,
                                         BCIC.IndicatorObservation))


@pytest.fixture(scope="module")
def no_kpi_system() -> Report:
    """Specifications and actual values, of indicators that no KPI system includes."""
    return validate_graph(_dehua_without(BCIC.KPISystem))


@pytest.mark.parametrize(("clause", "shape", "zh", "en"), [
    ("9.2.1", SHP.KPISpecificationExists, "未明确任何关键绩效指标的信息内涵",
     "No key performance indicator has its information content"),
    ("9.2.3", SHP.KPIActualValueExists, "未根据确定的关键绩效指标进行绩效测量",
     "No performance measured by the key performance indicators determined"),
], ids=["9.2.1", "9.2.3"])
def test_with_no_key_performance_indicator_9_2_1_and_9_2_3_are_not_met(
        no_kpis: Report, clause: str, shape: URIRef, zh: str, en: str) -> None:
    """9.2.1 「明确关键绩效指标相应的信息内涵……」 and 9.2.3 「根据确定的关键绩效指标……定期进行绩效
    测量」: a submission with no indicator to specify or measure was ✔ 9.2.1 and ? 9.2.3."""
    outcome = no_kpis.outcome(clause)
    assert outcome.status is Status.NOT_MET
    assert [r.source_shape for r in outcome.results] == [shape]
    [result] = outcome.results
    assert result.messages["zh"].startswith(zh) and result.messages["en"].startswith(en)
    assert not no_kpis.conforms


def test_the_report_says_there_is_no_specification_and_no_observation(no_kpis: Report) -> None:
    zh, en = (render_report(no_kpis, "text", lang) for lang in ("zh", "en"))
    assert "提交材料中没有记录“指标测量规范”。" in zh and "提交材料中没有记录“指标观测值”。" in zh
    assert "The submission records no “indicator measurement specification”" in en
    assert "The submission records no “indicator observation”" in en


@pytest.mark.parametrize(("clause", "shape", "named"), [
    # Named by its Chinese label in English too, its IRI beside (decision 14); one with no label
    # by its IRI.
    ("9.2.1", SHP.KPISpecificationExists, "(…/spec-BrandExtension)"),
    ("9.2.3", SHP.KPIActualValueExists, "…/obs-BrandExtension-2020-actual"),
], ids=["9.2.1", "9.2.3"])
def test_specifications_and_values_of_indicators_no_kpi_system_includes_do_not_count(
        no_kpi_system: Report, clause: str, shape: URIRef, named: str) -> None:
    """A specification or an actual value is of a key performance indicator only when a KPI system
    includes its indicator: the finding names the records that came closest and what they lack."""
    outcome = no_kpi_system.outcome(clause)
    assert outcome.status is Status.NOT_MET
    assert [r.source_shape for r in outcome.results] == [shape]
    en = render_report(no_kpi_system, "text", "en")
    assert (f"{named}: its “{'specifies indicator' if clause == '9.2.1' else 'indicator'}” is "
            "“brand extension strength” (b.2.2); no “key performance indicator system” refers to "
            "it through “includes indicator”") in en


def test_the_conformant_sample_meets_both_checks() -> None:
    """Dehua's KPI system includes its 30 indicators, each specified and measured."""
    report = validate_graph(Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl"))
    for clause in ("9.2.1", "9.2.3"):
        assert report.outcome(clause).status is not Status.NOT_MET
        assert not [r for r in report.outcome(clause).results
                    if r.source_shape in (SHP.KPISpecificationExists, SHP.KPIActualValueExists)]
