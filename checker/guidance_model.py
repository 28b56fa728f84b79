"""What a requirement's guidance says: the asks of each evidence class, and which parts of a
list item's hint its lead-in's hint already says (read off the shapes by checker/guidance.py;
said in words by checker/render/guidance_view.py)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from rdflib.term import Node

from .i18n import Lang
from .shape_paths import ShapePath, path_properties

# The evidence profile, one anchored row per clause, in each language (the same anchors).
EVIDENCE_DOCS = {"en": "docs/evidence.md", "zh": "docs/evidence.zh.md"}


class AskKind(Enum):
    """What an ask wants along its path."""

    ANY = "any"  # some value
    VALUE = "value"  # each of `expected` (sh:hasValue, gathered over shapes)
    ONE_OF = "one_of"  # one of `expected` (sh:in)
    CLASS = "class"  # a value of the class `expected[0]`
    DATATYPE = "datatype"  # a literal of the datatype `expected[0]`
    LANGUAGE = "language"  # a literal tagged with one of the languages `expected` (sh:languageIn)
    EACH_OBJECT = "each_object"  # every value of the property `expected[0]` (sh:targetObjectsOf)
    FORM = "form"  # a value of the form the node shape `expected[0]` describes by its label
    EITHER = "either"  # what one of `options` asks (a check, or its guard's condition: 9.2.3)


@dataclass(frozen=True)
class Ask:
    """One thing an evidence node must carry along a path."""

    path: ShapePath
    kind: AskKind
    expected: tuple[Node, ...] = ()
    count: int | None = None  # a least count above one
    then: tuple[Ask, ...] = ()  # what the value itself must carry (sh:node, one level down)
    single: bool = False  # at most one value (sh:maxCount 1): asks going on from it ask of it
    # For a class: the values the ontology itself names (a brand fund's kinds), when few
    # enough to list, so a submitter need not look them up; in the standard's order.
    known: tuple[Node, ...] = ()
    closed: bool = False  # `known` are all the class has (7.1.2.1's funds), not examples
    # EITHER: the asks of each alternative, the check's first; `path` is the condition's property.
    options: tuple[tuple[Ask, ...], ...] = ()
    # ONE_OF of a qualified value shape: one value among `expected`, others beside it (7.3.2's
    # know-how in some respect), not every value one of them.
    some: bool = False


@dataclass(frozen=True)
class Evidence:
    """A class whose instance the submission records, and what that instance carries; `several`:
    what it carries may be spread over more than one instance (7.3.2's know-how and patents)."""

    cls: Node
    asks: tuple[Ask, ...] = ()
    several: bool = False


@dataclass(frozen=True)
class Guidance:
    """How to meet one requirement: the evidence its shapes ask for, and where docs/evidence.md
    describes it."""

    requirement: str
    anchor: str  # of the clause's row in docs/evidence.md: `8-2-6`
    evidence: tuple[Evidence, ...]
    by_items: bool = False  # a lead-in met through its list items
    documents: tuple[Node, ...] = field(default=())  # what an evaluator reads, for the checklist
    lead_ins: tuple[str, ...] = ()  # the lead-ins above a list item that have guidance, nearest first

    def see(self, lang: Lang) -> str:
        """The pointer to the clause's row in the evidence profile of `lang`, relative to the
        project: `docs/evidence.md#8-2-6`, `docs/evidence.zh.md#8-2-6`."""
        return f"{EVIDENCE_DOCS[lang]}#{self.anchor}"

    @property
    def classes(self) -> tuple[Node, ...]:
        """The classes whose instances the requirement asks for, in order."""
        return tuple(e.cls for e in self.evidence)

    @functools.cached_property
    def terms(self) -> tuple[Node, ...]:
        """Every term the guidance names, once each (to label them), found once."""
        return tuple(dict.fromkeys(guidance_terms(self)))

    def asks_of(self, cls: Node) -> tuple[Ask, ...]:
        """What the guidance asks of a record of `cls` (nothing when it does not name the class)."""
        return next((e.asks for e in self.evidence if e.cls == cls), ())


@dataclass(frozen=True)
class HintPart:
    """One record of a hint: what is left to say of it, and the lead-in whose hint, shown in the
    same report, already describes that record (None: the part says it all)."""

    evidence: Evidence
    lead_in: str | None = None


def hint_parts(guidance: Guidance, shown: Mapping[str, Guidance]) -> tuple[HintPart, ...]:
    """The records a hint names, each less what the nearest lead-in whose hint is `shown` already
    asks of a record of its class (5.3 —1 asks of 5.3's internal environment analysis only that it
    covers tangible assets)."""
    parts = []
    for evidence in guidance.evidence:
        lead_in = next((rid for rid in guidance.lead_ins
                        if rid in shown and shown[rid].asks_of(evidence.cls)), None)
        if lead_in is None:
            parts.append(HintPart(evidence))
            continue
        said = shown[lead_in].asks_of(evidence.cls)
        parts.append(HintPart(Evidence(evidence.cls, tuple(a for a in evidence.asks
                                                           if a not in said)), lead_in))
    return tuple(parts)


def says_see(guidance: Guidance, shown: Mapping[str, Guidance]) -> bool:
    """Whether a hint points to docs/evidence.md itself: not when its lead-in's hint, shown in the
    same report, points to the same row."""
    parent = guidance.lead_ins[0] if guidance.lead_ins else None
    return parent not in shown or shown[parent].anchor != guidance.anchor


def guidance_terms(guidance: Guidance) -> Iterable[Node]:
    """Every term the guidance names, to label them: classes, properties, values."""
    yield from guidance.documents
    for evidence in guidance.evidence:
        yield evidence.cls
        yield from _ask_terms(evidence.asks)


def _ask_terms(asks: tuple[Ask, ...]) -> Iterable[Node]:
    for ask in asks:
        yield from (p for p, _inverse in path_properties(ask.path))
        yield from ask.expected
        yield from ask.known
        yield from _ask_terms(ask.then)
        for option in ask.options:
            yield from _ask_terms(option)


def clause_anchor(clause: str) -> str:
    """The anchor of a clause's row in docs/evidence.md: `8.2.6` → `8-2-6`."""
    return clause.replace(".", "-")
