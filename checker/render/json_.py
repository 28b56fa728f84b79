"""The JSON report: stable keys and enum values; the language changes only the prose fields."""

from __future__ import annotations

import json
from typing import Any

from rdflib import BNode
from rdflib.term import Node

from ..i18n import Lang
from ..notation import provision_notation
from ..report import Rate, Report, RequirementOutcome
from ..shacl import ShaclResult
from ..timestamps import xsd_datetime
from .text import pick, sorted_results


def render_json(report: Report, lang: Lang) -> str:
    """The report as an indented JSON document (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(report_document(report, lang), ensure_ascii=False, indent=2) + "\n"


def report_document(report: Report, lang: Lang) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return {
        "lang": lang,
        "cluster": report.cluster,
        "cluster_label": pick(report.cluster_label, lang) or None,
        "rulebook_version": report.rulebook_version,
        "created": xsd_datetime(report.created),
        "files": list(report.files),
        "sha256": dict(zip(report.files, report.sha256)),
        "triples": report.triples,
        "conforms": report.conforms,
        "rates": {
            "overall": _rate(report.overall),
            "by_chapter": {str(c): _rate(r) for c, r in sorted(report.by_chapter.items())},
            "by_layer": {layer.value: _rate(r) for layer, r in report.by_layer.items()},
        },
        "requirements": [_requirement(o, lang) for o in report.outcomes],
        "manual_review": [o.requirement.id for o in report.manual_checklist()],
        "awaiting_judgement": [o.requirement.id for o in report.awaiting_judgement()],
    }


def _rate(rate: Rate) -> dict[str, Any]:
    """Met (pending reviews not counted), pending review, not met, applicable; ratio met ÷ total."""
    return {"met": rate.met, "pending_review": rate.pending, "not_met": rate.not_met,
            "total": rate.total, "ratio": round(rate.ratio, 4)}


def _requirement(outcome: RequirementOutcome, lang: Lang) -> dict[str, Any]:
    r = outcome.requirement
    return {
        "id": r.id,
        "clause": r.clause,
        "notation": provision_notation(r.id),
        "level": r.level.value,
        "layer": r.layer.value,
        "chapter": r.chapter,
        "label": pick(r.label, lang),
        "text": pick(r.text, lang),
        "status": outcome.status.value,
        "review_prompt": pick(r.review_prompt, lang) if r.review_prompt else None,
        "results": [_result(x, lang) for x in sorted_results(outcome.results)],
    }


def _result(result: ShaclResult, lang: Lang) -> dict[str, Any]:
    return {
        "focus_node": _node(result.focus_node),
        "path": result.path,
        "value": _node(result.value),
        "severity": result.severity.value,
        "message": pick(result.messages, lang),
        "shape": str(result.source_shape),
    }


def _node(node: Node | None) -> str | None:
    """An IRI or a literal's lexical form as a string; a blank node as `_:id`."""
    if node is None:
        return None
    return node.n3() if isinstance(node, BNode) else str(node)
