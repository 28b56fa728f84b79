"""The result layer (Figure 0.1, chapter 9): KPIs, specifications, evaluation, observations."""

import random
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from ..namespaces import BCIC as B
from ..namespaces import QB
from .builder import Node, P, Ref, Text, act, doc
from .catalogue import label_of, leaf_indicators

# The standard sets no units (docs/model.md, decision 7): synthetic values are unit-free indices.
UNIT = "指数"
_CENT = Decimal("0.01")
T = Text  # the table reads better with a short name

_EVALUATION_ITEMS: dict[str, tuple[Node, ...]] = {
    "9.2.3": (doc("measurement-model", B.MeasurementModel),
              act("performance-measurement", B.PerformanceMeasurement, *P(B.period, "P1Y"),
                  *P(B.dataScreening, T("与统计数据交叉核对", "cross-checked with statistics")))),
    "9.3.1": (act("performance-evaluation", B.PerformanceEvaluation,
                  *P(B.analysisMethod, B.CompareWithTargets, B.CompareWithHistory),
                  *P(B.period, "P1Y"),
                  *P(B.finding, T("主要指标达到目标", "the main indicators met their targets"))),),
    "9.4.1": (act("improvement", B.ImprovementAction, *P(B.basedOn, Ref("performance-evaluation")),
                  *P(B.priority, 1), *P(B.improvementDirection, B.ImproveCultivationProcess)),),
    "9.4.2": (doc("correction", B.CorrectionMechanism,
                  *P(B.covers, B.PlanPhase, B.DoPhase, B.CheckPhase, B.ActPhase)),),
}


def result_items() -> dict[str, tuple[Node, ...]]:
    """Chapter 9's items: KPI system (9.1), specifications (9.2.1), evaluation (9.2.3–9.4.2)."""
    indicators = leaf_indicators()
    system = doc("kpi-system", B.KPISystem, *P(B.basedOn, Ref("strategy")),
                 *P(B.includesIndicator, *indicators))
    specifications = tuple(
        doc(f"spec-{_local(i)}", B.MeasurementSpecification,
            *P(B.specifiesIndicator, i),
            *P(B.informationContent,
               T(f"{label_of(i, 'zh')}年度值", f"yearly {label_of(i, 'en')}")),
            *P(B.informationSource, B.RegionalYearbook),
            *P(B.collectionMethod, T("年度报送", "reported yearly")),
            *P(B.calculationMethod, T("合成指数", "a synthetic index")),
            *P(B.period, "P1Y"), *P(B.responsibleParty, Ref("body")), *P(B.unitOfMeasure, UNIT))
        for i in indicators
    )
    return {"9.1": (system,),
            "9.2.1": (doc("information-system", B.PerformanceInformationSystem), *specifications),
            **_EVALUATION_ITEMS}


def add_observations(graph: Graph, ns: Namespace, first_year: int, years: int,
                     rng: random.Random) -> None:
    """Add an actual and a target value of every leaf indicator for each year."""
    add, cluster, unit = graph.add, ns["cluster"], Literal(UNIT)
    for indicator in leaf_indicators():
        base, growth = rng.uniform(40.0, 80.0), rng.uniform(0.5, 3.0)
        for offset in range(years):
            year = first_year + offset
            trend = base + growth * offset
            values = ((B.ActualValue, "actual", trend + rng.uniform(-1.0, 1.0)),
                      (B.TargetValue, "target", trend * 1.05 + 1.0))
            for kind, word, value in values:
                obs = ns[f"obs-{_local(indicator)}-{year}-{word}"]
                add((obs, RDF.type, B.IndicatorObservation))
                add((obs, QB.dataSet, B.IndicatorDataSet))
                add((obs, B.refCluster, cluster))
                add((obs, B.indicator, indicator))
                add((obs, B.refYear, Literal(str(year), datatype=XSD.gYear)))
                add((obs, B.valueKind, kind))
                add((obs, B.observedValue,
                     Literal(Decimal(repr(value)).quantize(_CENT), datatype=XSD.decimal)))
                add((obs, B.unitOfMeasure, unit))


def _local(indicator: URIRef) -> str:
    return str(indicator).rsplit("/", 1)[-1]
