"""Guidance as JSON: the sentence people read beside what machines use — the classes to record,
the property paths (SPARQL syntax) and the values or classes each takes. Many records ask the same
(“attributed to” a cultivation body, a dated title…): each distinct ask is written once, in the
report's `guidance_asks`, and the evidence refers to it by id."""

from __future__ import annotations

from typing import Any

from ..guidance_model import Ask, Guidance
from .guidance_view import GuidanceWriter, curie


class AskTable:
    """The distinct asks of one report's guidance, each under an id (`ask-1`, `ask-2`…) in the
    order they are first named."""

    def __init__(self) -> None:
        self.asks: dict[str, dict[str, Any]] = {}
        self._ids: dict[Ask, str] = {}

    def id_of(self, ask: Ask) -> str:
        """The ask's id, writing it (and what its value carries) the first time."""
        if (known := self._ids.get(ask)) is not None:
            return known
        known = self._ids[ask] = f"ask-{len(self._ids) + 1}"
        document = self.asks[known] = {"path": curie(ask.path), "kind": ask.kind.value,
                                       "expected": [str(e) for e in ask.expected],
                                       "known": [str(k) for k in ask.known],
                                       "closed": ask.closed,  # `known` are all there are
                                       "count": ask.count}
        document["then"] = [self.id_of(t) for t in ask.then]
        # `either` (9.2.3): the asks of each alternative; [] for every other kind.
        document["options"] = [[self.id_of(a) for a in option] for option in ask.options]
        return known


def how_to_document(guidance: Guidance | None, writer: GuidanceWriter,
                    table: AskTable) -> dict[str, Any] | None:
    """How to meet a requirement (None where the report does not say it); `refers_to`: the
    lead-ins whose hints the text builds on."""
    if guidance is None:
        return None
    return {
        "text": writer.how_to(guidance),
        "see": guidance.see(writer.lang),
        "by_items": guidance.by_items,
        "refers_to": list(writer.refers_to(guidance)),
        "evidence": [{"class": str(e.cls), "name": writer.namer.name(e.cls),
                      "asks": [table.id_of(a) for a in e.asks]} for e in guidance.evidence],
    }


def documents_document(guidance: Guidance | None,
                       writer: GuidanceWriter) -> dict[str, Any] | None:
    """What the evaluator will want to see for a checklist item (None for other items)."""
    if guidance is None:
        return None
    return {"text": writer.documents(guidance), "classes": [str(d) for d in guidance.documents]}
