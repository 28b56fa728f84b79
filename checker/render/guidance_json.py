"""Guidance as JSON: the sentence people read beside what machines use — the classes to record,
the property paths (SPARQL syntax) and the values or classes each takes."""

from __future__ import annotations

from typing import Any

from ..guidance import Ask, Guidance
from .guidance_view import GuidanceWriter, curie


def how_to_document(guidance: Guidance | None, writer: GuidanceWriter) -> dict[str, Any] | None:
    """How to meet a requirement (None where the report does not say it)."""
    if guidance is None:
        return None
    return {
        "text": writer.how_to(guidance),
        "see": guidance.see,
        "by_items": guidance.by_items,
        "evidence": [{"class": str(e.cls), "name": writer.namer.name(e.cls),
                      "asks": [_ask(a, writer) for a in e.asks]} for e in guidance.evidence],
    }


def documents_document(guidance: Guidance | None,
                       writer: GuidanceWriter) -> dict[str, Any] | None:
    """What the evaluator will want to see for a checklist item (None for other items)."""
    if guidance is None:
        return None
    return {"text": writer.documents(guidance), "classes": [str(d) for d in guidance.documents]}


def _ask(ask: Ask, writer: GuidanceWriter) -> dict[str, Any]:
    return {
        "path": curie(ask.path),
        "kind": ask.kind.value,
        "expected": [str(e) for e in ask.expected],
        "count": ask.count,
        "then": [_ask(t, writer) for t in ask.then],
    }
