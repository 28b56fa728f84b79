"""The adapter around pyshacl: run the shapes, return typed results.

The shapes are parsed by pyshacl once per rulebook and kept warm (checker/shacl_warm.py, the only
module that imports pyshacl). A validation reads the data with the ontology's support triples
beside it (checker/overlay.py), finds every shape's focus nodes, deals them out to a few processes
(this one and forked copies of it, checker/forking.py) and gathers the results: the same results
one plain pyshacl.validate call gives on the same data, with those triples merged in, and the same
shapes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from functools import partial

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from .errors import CheckerError
from .forking import WorkerMemoryError, WorkerTimeoutError, run_forked
from .language_tags import language_of
from .overlay import Extra, beside
from .shacl_warm import DataGraph, WarmShapesGraph, Work, as_data_graph, focus_work, run_work

# A cap on the processes of one validation: each one more costs a fork, the copy-on-write faults of
# the pages it touches and every shape's set-up again (only 2 were measured: bench/results/).
MAX_PROCESSES = 4


class Severity(Enum):
    """SHACL severities, ordered from most to least serious."""

    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"


_SEVERITIES = {SH.Violation: Severity.VIOLATION, SH.Warning: Severity.WARNING,
               SH.Info: Severity.INFO}


class ValidationEngineError(CheckerError):
    """The SHACL engine failed on input it should have handled."""

    exit_code = 3
    http_status = 500


class ValidationStalledError(CheckerError):
    """A worker process of a validation was still at work long after the others had finished and
    was stopped: the validation ran out of time (exit 4, as any answer out of time), which is no
    failure of bcic's own (exit 3)."""

    exit_code = 4
    http_status = 503


@dataclass(frozen=True)
class ShaclResult:
    """One sh:ValidationResult, read out of pyshacl's report graph."""

    source_shape: URIRef
    focus_node: Node
    path: str | None
    value: Node | None
    severity: Severity
    messages: dict[str, str]
    constraint: str


def shape_iri(node: Node | None) -> URIRef:
    """A shape's IRI (every shape has one, NOTES: blank-node shapes cannot be joined back)."""
    return node if isinstance(node, URIRef) else URIRef("")


class ShapeEngine:
    """Shapes parsed by pyshacl once, with the triples they need beside any data (the ontology's
    class hierarchy and concept typing), to validate any number of data graphs."""

    def __init__(self, shapes: Graph, support: Graph) -> None:
        self._shapes = WarmShapesGraph(shapes)
        self._support = Extra(support)

    def run(self, data: Graph, *, processes: int = 1) -> list[ShaclResult]:
        """Validate `data` with the support triples beside it (so subclasses count for targets and
        sh:class without any inference), sharing the focus nodes out to `processes` processes.
        The graph is read in place, never copied or changed; it must not change meanwhile."""
        try:
            data_graph = as_data_graph(beside(data, self._support))
            parts = _deal(focus_work(self._shapes, data_graph), processes)
            found = run_forked([partial(self._results, data_graph, part) for part in parts])
        except (MemoryError, WorkerMemoryError):
            raise  # a limit on the memory of this process or its workers: no engine failure
        except WorkerTimeoutError as exc:
            raise ValidationStalledError.of("error.shacl.stalled", reason=exc) from exc
        except Exception as exc:  # a WorkerError, or pyshacl's and rdflib's own error types
            raise ValidationEngineError.of("error.shacl.failed", reason=exc) from exc
        return [result for part in found for result in part]

    def view(self, data: Graph) -> Graph:
        """`data` as the shapes see it: read-only, the support triples beside it."""
        return beside(data, self._support)

    def _results(self, data: DataGraph, work: Work) -> list[ShaclResult]:
        return _read_results(run_work(self._shapes, data, work))


def default_processes() -> int:
    """How many processes a validation uses unless told: one per usable core, up to a few."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, MAX_PROCESSES))


def _deal(work: Work, parts: int) -> list[Work]:
    """Share the focus nodes out like cards, continuing from shape to shape, so that every part
    gets about as many of each shape's focus nodes as the others (the cost of a focus node
    depends mostly on its shape)."""
    if parts < 2:
        return [work]
    dealt: list[Work] = [[] for _ in range(parts)]
    turn = 0
    for shape, focus in work:
        for part, hand in enumerate(dealt):
            share = focus[(part - turn) % parts::parts]
            if share:
                hand.append((shape, share))
        turn += len(focus)
    return [hand for hand in dealt if hand] or [[]]


def _read_results(report: Graph) -> list[ShaclResult]:
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(node, SH.sourceShape)
        path = report.value(node, SH.resultPath)
        results.append(ShaclResult(
            source_shape=shape_iri(shape),
            focus_node=report.value(node, SH.focusNode),  # type: ignore[arg-type]
            path=path_text(report, path),
            value=report.value(node, SH.value),
            severity=_SEVERITIES[report.value(node, SH.resultSeverity)],  # type: ignore[index]
            messages={language_of(m) or "": str(m) for m in report.objects(node, SH.resultMessage)
                      if isinstance(m, Literal)},
            constraint=str(report.value(node, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
        ))
    return results


def path_text(report: Graph, path: Node | None) -> str | None:
    """Write a result path in SPARQL property-path syntax (prefixed names where bound)."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return path.n3(report.namespace_manager)
    for predicate, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                                (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = report.value(path, predicate)
        if inner is not None:
            return template.format(_grouped(report, inner))
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_grouped(report, n) for n in Collection(report, alternatives))
    return "/".join(_grouped(report, n) for n in Collection(report, path))


def _grouped(report: Graph, path: Node) -> str:
    """Parenthesise sequences and alternatives when they are operands."""
    text = path_text(report, path) or ""
    return f"({text})" if not isinstance(path, URIRef) and ("/" in text or "|" in text) else text
