"""Validation speed: bcic's pipeline beside a plain pyshacl.validate call on the same data.

The plain call gets the submission with the ontology's class hierarchy merged in, the same shapes,
no inference: the setting in which it reaches the same verdicts. Every case checks that both find
the same results before it reports a time. Run with `make bench`.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import datetime, timezone

import pyshacl
from rdflib import Graph, Namespace

from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.rulebook import Rulebook, load_rulebook
from checker.shacl import run_shapes
from checker.synthetic import generate_cluster
from checker.validation import validate_graph

from .environment import describe

SH = Namespace("http://www.w3.org/ns/shacl#")
RESULTS = PROJECT_ROOT / "bench" / "results" / "validation.md"
SIZES = (100, 1_000, 10_000)


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` warm runs (one unmeasured run first)."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_call(data: Graph, rulebook: Rulebook) -> Callable[[], tuple[bool, Graph]]:
    """A plain pyshacl.validate over the data with the class hierarchy merged, no inference."""
    merged = Graph()
    merged += data
    merged += rulebook.support_graph

    def run() -> tuple[bool, Graph]:
        conforms, report, _ = pyshacl.validate(merged, shacl_graph=rulebook.shapes_graph,
                                               inference="none")
        return bool(conforms), report
    return run


def result_keys(report: Graph) -> set[tuple[str, str]]:
    """(source shape, focus node) of every result: what both runs must agree on."""
    return {(str(report.value(r, SH.sourceShape)), str(report.value(r, SH.focusNode)))
            for r in report.subjects(SH.resultSeverity, None)}


def bcic_keys(data: Graph, rulebook: Rulebook) -> set[tuple[str, str]]:
    """The same keys from bcic's own pipeline."""
    merged = Graph()
    merged += data
    merged += rulebook.support_graph
    results = run_shapes(merged, rulebook.shapes_graph)
    return {(str(r.source_shape), str(r.focus_node)) for r in results}


def cases() -> list[tuple[str, Graph]]:
    """The typical sample submission and generated clusters of growing size."""
    typical = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    found = [("typical (dehua-ceramics.ttl)", typical)]
    for members in SIZES:
        found.append((f"{members:,} members", generate_cluster(members=members, years=5,
                                                                seed=0, gaps=0.1)))
    return found


def shape_group_costs(data: Graph, rulebook: Rulebook) -> list[tuple[str, float]]:
    """Seconds each group of shapes adds, measured by running without that group's targets."""
    full = median_seconds(plain_call(data, rulebook), 3)
    groups = {
        "membership (4.1)": lambda s: "Member" in s,
        "duties (4.2)": lambda s: "Duty" in s,
        "observations (9.2.3)": lambda s: "Observation-" in s or "IndicatorMeasured" in s,
        "KPI indicators (9.1.x)": lambda s: "KPISystem" in s,
    }
    costs = []
    for name, chosen in groups.items():
        trimmed = Rulebook(rulebook.version, rulebook.requirements, _without_targets(
            rulebook, chosen), rulebook.support_graph, rulebook.shape_requirements)
        costs.append((name, full - median_seconds(plain_call(data, trimmed), 3)))
    return costs


def _without_targets(rulebook: Rulebook, chosen: Callable[[str], bool]) -> Graph:
    shapes = Graph()
    shapes += rulebook.shapes_graph
    for shape in rulebook.shape_requirements:
        if chosen(str(shape)):
            for target in (SH.targetClass, SH.targetNode, SH.targetObjectsOf):
                shapes.remove((shape, target, None))
    return shapes


def main() -> None:
    """Measure every case, print and write the table."""
    rulebook = load_rulebook()
    lines = ["# Validation benchmark", "",
             f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `make bench`.", "",
             *describe(), "",
             "| case | triples | bcic (s) | plain pyshacl (s) | plain ÷ bcic | same results |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    last: Graph | None = None
    for name, data in cases():
        repeat = 5 if len(data) < 20_000 else 3
        ours = median_seconds(lambda: validate_graph(data, rulebook=rulebook), repeat)
        plain = plain_call(data, rulebook)
        plain_seconds = median_seconds(plain, repeat)
        same = result_keys(plain()[1]) == bcic_keys(data, rulebook)
        lines.append(f"| {name} | {len(data):,} | {ours:.3f} | {plain_seconds:.3f} | "
                     f"{plain_seconds / ours:.2f}× | {'yes' if same else 'NO'} |")
        print(lines[-1], flush=True)
        last = data
    assert last is not None
    lines += ["", "Cost of shape groups on the largest case (plain call with and without the "
              "group's targets):", "", "| shapes | seconds |", "| --- | ---: |"]
    lines += [f"| {name} | {cost:.3f} |" for name, cost in shape_group_costs(last, rulebook)]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
