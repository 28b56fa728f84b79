"""Validation speed: bcic's pipeline beside a plain pyshacl.validate call on the same data.

The plain call gets the submission with the ontology's class hierarchy merged in, the same shapes,
no inference: the setting in which it reaches the same verdicts. bcic is timed end to end
(`validate_graph`: the hierarchy read beside the data, the shapes, the report) with its default
processes and with one process. The runs alternate, and samples during which other processes took
the CPU are set aside and taken again (bench/timing.py). Every case checks that bcic finds exactly
the plain call's results (every field of every result) before it reports a time. Run with
`make bench`.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timezone

import pyshacl
from pyshacl.graph_abstraction import DataGraph
from pyshacl.pytypes import SHACLExecutor
from pyshacl.shapes_graph import ShapesGraph
from rdflib import Graph

from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.rulebook import Rulebook, load_rulebook
from checker.shacl import ShaclResult, _read_results, default_processes
from checker.shacl_warm import WarmShapesGraph, focus_work
from checker.synthetic import generate_cluster
from checker.validation import validate_graph

from .environment import describe
from .timing import OTHERS_SHARE, SAMPLE_SECONDS, alternating

RESULTS = PROJECT_ROOT / "bench" / "results" / "validation.md"
SIZES = (100, 1_000, 10_000)
TOP_SHAPES = 8


def merged(data: Graph, rulebook: Rulebook) -> Graph:
    """The data with the ontology's class hierarchy merged in, as the plain call gets it."""
    graph = Graph()
    graph += data
    graph += rulebook.support_graph
    return graph


def plain_call(data: Graph, rulebook: Rulebook) -> Callable[[], Graph]:
    """A plain pyshacl.validate over the data with the class hierarchy merged, no inference."""
    graph = merged(data, rulebook)

    def run() -> Graph:
        _conforms, report, _text = pyshacl.validate(graph, shacl_graph=rulebook.shapes_graph,
                                                    inference="none")
        return report
    return run


def everything(results: list[ShaclResult]) -> Counter[tuple[object, ...]]:
    """Every field of every result, counted: what both runs must agree on."""
    return Counter((r.source_shape, r.focus_node, r.path, r.value, r.severity,
                    tuple(sorted(r.messages.items())), r.constraint) for r in results)


def same_results(data: Graph, rulebook: Rulebook) -> bool:
    """Whether bcic, in one process and in several, finds exactly what the plain call finds."""
    plain = everything(_read_results(plain_call(data, rulebook)()))
    return all(everything(rulebook.engine.run(data, processes=n)) == plain
               for n in {1, default_processes()})


def cases() -> list[tuple[str, Graph]]:
    """The typical sample submission and generated clusters of growing size."""
    typical = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    found = [("typical (dehua-ceramics.ttl)", typical)]
    for members in SIZES:
        found.append((f"{members:,} members", generate_cluster(members=members, years=5,
                                                                seed=0, gaps=0.1)))
    return found


def shape_costs(data: Graph, rulebook: Rulebook) -> list[tuple[str, int, float, float]]:
    """Per shape with targets: focus nodes, seconds in plain pyshacl's loop over the shapes, and
    seconds in bcic's warm engine (one process); best of three runs each."""
    graph = DataGraph.from_rdflib(merged(data, rulebook))
    shapes = Graph()
    shapes += rulebook.shapes_graph  # pyshacl's ShapesGraph adds a few triples to its graph
    plain = {shape.node: shape for shape in ShapesGraph(shapes).shapes}
    executor = SHACLExecutor()
    costs = []
    for shape, focus in focus_work(WarmShapesGraph(rulebook.shapes_graph), graph):
        plain_seconds = min(_seconds(lambda: plain[shape.node].validate(executor, graph))
                            for _ in range(3))
        warm_seconds = min(_seconds(lambda: shape.validate(executor, graph, focus=focus))
                           for _ in range(3))
        costs.append((str(shape.node).rsplit("/", 1)[-1], len(focus), plain_seconds,
                      warm_seconds))
    return sorted(costs, key=lambda cost: -cost[2])


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    """Measure every case, print and write the table."""
    rulebook = load_rulebook()
    processes = default_processes()
    load_before = os.getloadavg()[0]
    lines = ["# Validation benchmark", "",
             f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with `make bench`.", "",
             *describe(), "",
             f"bcic = `validate_graph` end to end, with {processes} processes (this machine's "
             "default) and with 1; plain = one `pyshacl.validate` call on the same data with the "
             "class hierarchy merged in, the same shapes, no inference. Medians of warm runs "
             f"taken in turn, each sample repeating a run for at least {SAMPLE_SECONDS} s; a "
             f"sample during which other processes took more than {OTHERS_SHARE:.0%} of a core "
             "is set aside and taken again (samples kept, and set aside, in the last column).",
             "",
             "| case | triples | bcic (s) | bcic, 1 process (s) | plain pyshacl (s) | "
             "plain ÷ bcic | plain ÷ bcic, 1 process | same results | samples |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    last: Graph | None = None
    set_aside = 0
    for name, data in cases():
        same = same_results(data, rulebook)
        times = alternating({
            "bcic": lambda: validate_graph(data, rulebook=rulebook, processes=processes),
            "one": lambda: validate_graph(data, rulebook=rulebook, processes=1),
            "plain": plain_call(data, rulebook),
        }, samples=7, budget=150.0)
        bcic, one, plain = (times[k].seconds for k in ("bcic", "one", "plain"))
        kept = min(t.kept for t in times.values())
        disturbed = sum(t.disturbed for t in times.values())
        set_aside += disturbed
        lines.append(f"| {name} | {len(data):,} | {bcic:.3f} | {one:.3f} | {plain:.3f} | "
                     f"{plain / bcic:.2f}× | {plain / one:.2f}× | {'yes' if same else 'NO'} | "
                     f"{kept} ({disturbed}) |")
        print(lines[-1], flush=True)
        last = data
    assert last is not None
    costs = shape_costs(last, rulebook)
    total_plain, total_warm = sum(c[2] for c in costs), sum(c[3] for c in costs)
    lines += ["", f"Shapes that dominate the cost on the largest case ({len(costs)} shapes with "
              "focus nodes; each shape timed alone, best of three):", "",
              "| shape | focus nodes | plain pyshacl (s) | share | bcic, 1 process (s) |",
              "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {name} | {count:,} | {plain:.3f} | {plain / total_plain:.0%} | {warm:.3f} |"
              for name, count, plain, warm in costs[:TOP_SHAPES]]
    rest = costs[TOP_SHAPES:]
    lines.append(f"| the other {len(rest)} | {sum(c[1] for c in rest):,} | "
                 f"{sum(c[2] for c in rest):.3f} | {sum(c[2] for c in rest) / total_plain:.0%} | "
                 f"{sum(c[3] for c in rest):.3f} |")
    lines.append(f"| all | {sum(c[1] for c in costs):,} | {total_plain:.3f} | 100% | "
                 f"{total_warm:.3f} |")
    lines += ["", f"Load average (1 min) at start {load_before:.2f}, at end "
              f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores."
              + (f" Other work ran on the machine meanwhile: {set_aside} samples it disturbed "
                 "were set aside." if set_aside else " No other work disturbed a sample.")]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[-(TOP_SHAPES + 8):]))
    print(f"written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
