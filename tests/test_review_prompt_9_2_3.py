"""9.2.3 「选择适宜的测量模型，定期进行绩效测量」 asks the body to choose a model, not each measurement
record to name one: a measurement that names none is no failure, and the review prompt asks the
evaluator which model it applied, in zh and en, on the report's checklist."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import PROV

from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Status

from tests.dehua_variants import DEHUA_NS, dehua_with

PROMPT_ZH = "对未写明所用测量模型的绩效测量，查明其实际采用的模型"
PROMPT_EN = ("for each performance measurement that names no measurement model it used, find out "
             "which model it applied")


def test_a_measurement_naming_no_model_awaits_review_with_a_prompt_asking_its_model_under_9_2_3(
        ) -> None:
    """Dehua's 2024 measurement no longer names the model it used: 9.2.3 keeps awaiting the
    evaluator (the cluster's model still exists), and the checklist's prompt asks which model the
    measurement applied."""
    measurement = f"{DEHUA_NS}measurement-2024"

    def change(graph: Graph) -> None:
        node = next(s for s in graph.subjects(PROV.used, None) if str(s) == measurement)
        assert (None, None, BCIC.MeasurementModel) in graph
        graph.remove((node, PROV.used, None))
    report = dehua_with(change)
    assert report.outcome("9.2.3").status is Status.MANUAL_REVIEW
    assert not report.outcome("9.2.3").results
    assert PROMPT_ZH in "".join(render_report(report, "text", "zh").split())
    assert PROMPT_EN in " ".join(render_report(report, "text", "en").split())
