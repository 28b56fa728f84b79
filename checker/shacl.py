"""The one module that talks to pyshacl: run the shapes, return typed results."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pyshacl
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .errors import CheckerError
from .rulebook import SH


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


def run_shapes(data: Graph, shapes: Graph) -> list[ShaclResult]:
    """Validate `data` (the ontology's class hierarchy merged in) against `shapes`; no inference,
    and the data graph is read in place, never copied or changed."""
    try:
        _conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=shapes,
            ont_graph=None,
            inference="none",
            advanced=False,
            meta_shacl=False,
            abort_on_first=False,
            allow_warnings=False,
            allow_infos=False,
            inplace=True,
        )
    except Exception as exc:  # pyshacl raises its own and rdflib's error types
        raise ValidationEngineError(f"the SHACL engine failed: {exc}") from exc
    assert isinstance(report, Graph)
    return _read_results(report)


def _read_results(report: Graph) -> list[ShaclResult]:
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(node, SH.sourceShape)
        path = report.value(node, SH.resultPath)
        results.append(ShaclResult(
            source_shape=shape if isinstance(shape, URIRef) else URIRef(""),
            focus_node=report.value(node, SH.focusNode),  # type: ignore[arg-type]
            path=_path_text(report, path),
            value=report.value(node, SH.value),
            severity=_SEVERITIES[report.value(node, SH.resultSeverity)],  # type: ignore[index]
            messages={m.language or "": str(m) for m in report.objects(node, SH.resultMessage)
                      if isinstance(m, Literal)},
            constraint=str(report.value(node, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
        ))
    return results


def _path_text(report: Graph, path: Node | None) -> str | None:
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
    text = _path_text(report, path) or ""
    return f"({text})" if not isinstance(path, URIRef) and ("/" in text or "|" in text) else text
