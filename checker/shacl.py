"""The one module that talks to pyshacl: run the shapes, return typed results."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pyshacl
from rdflib import RDF, Graph, Literal, URIRef
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


def run_shapes(data: Graph, shapes: Graph) -> tuple[bool, list[ShaclResult], Graph]:
    """Validate `data` (with the ontology's class hierarchy already merged) against `shapes`."""
    try:
        conforms, report, _text = pyshacl.validate(
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
    return bool(conforms), _read_results(report), report


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
    """Name a result path: an IRI as is, a complex path as a short marker."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    return "(complex path)"
