"""Guidance in words, in the report's language: how to meet a requirement not met (or a may-level
one not used), and which records an evaluator will want to see for a checklist item; every term
named by its label and its prefixed name (checker/guidance.py reads them off the shapes). A list
item's hint shown beside its lead-in's says only what the lead-in's does not. A hint ends with a
pointer (`Pointer`): to docs/evidence.md where the reader has the project (text, JSON, Turtle), to
the provision's rulebook page where a page links it there (the web app, an HTML report it
serves), none on that rulebook page itself."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from enum import Enum

from rdflib import Graph
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.term import Node, URIRef

from ..guidance import Ask, AskKind, Evidence, Guidance, HintPart, hint_parts, says_see
from ..i18n import Lang, message
from ..namespaces import BCIC, IND, REQ
from ..notation import provision_notation
from ..report import RequirementOutcome
from ..shape_paths import ShapePath
from .findings_view import TermNamer
from .naming import indefinite_article

_NAMESPACES = Graph(bind_namespaces="none").namespace_manager
for _prefix, _namespace in (("bcic", BCIC), ("req", REQ), ("ind", IND), ("prov", PROV),
                            ("org", ORG), ("skos", SKOS), ("dcterms", DCTERMS), ("rdf", RDF),
                            ("rdfs", RDFS), ("xsd", XSD)):
    _NAMESPACES.bind(_prefix, _namespace)

_VALUES = {"zh": "、", "en": ", "}  # between values, between terms
_ASKS = {"zh": "；", "en": "; "}  # between the properties of one record
_STOP = {"zh": "。", "en": "."}
_BETWEEN_SENTENCES = {"zh": "", "en": " "}


@functools.lru_cache(maxsize=4096)
def curie(node: Node | ShapePath) -> str:
    """A term or path in SPARQL notation, with the prefixes the evidence profile uses; kept, as
    rdflib's prefixing (normalizeUri) is slow and reports name the same few terms again and again."""
    return node.n3(_NAMESPACES)


# Hints already worded, by guidance, language, lead-ins shown and labels (GuidanceWriter._worded):
# the guidance is the rulebook's, so a hint is worded once, not once per report or per format.
_WORDED: dict[tuple[object, ...], str] = {}
_WORDED_KEPT = 8192  # beyond this (many rulebooks, many labels), start again


def shown_hints(outcomes: Iterable[RequirementOutcome]) -> dict[str, Guidance]:
    """The hints a report or page shows, by requirement id: those of the provisions not met or
    not used among `outcomes`."""
    return {o.requirement.id: o.how_to for o in outcomes if o.how_to is not None}


class Pointer(Enum):
    """Where a hint sends the reader for more."""

    DOCS = "docs"  # "See docs/evidence.md#8-2-6": the clause's row of the evidence profile
    RULEBOOK = "rulebook"  # "See 8.2.6 in the rulebook": a page links it to /rulebook/8.2.6
    NONE = "none"  # nothing: the hint is shown on that rulebook page


class GuidanceWriter:
    """Says guidance in one language, naming terms as the report does; a list item's hint builds
    on its lead-in's where `shown` (the hints the same report or page shows) has it."""

    def __init__(self, namer: TermNamer, shown: Mapping[str, Guidance] | None = None,
                 pointer: Pointer = Pointer.DOCS) -> None:
        self.namer, self.lang, self.pointer = namer, namer.lang, pointer
        self.shown: Mapping[str, Guidance] = shown or {}

    def how_to(self, guidance: Guidance) -> str:
        """How to meet the requirement, then where to read more (`self.pointer`; unless the
        lead-in's hint, shown too, points to the same row)."""
        context = tuple(self.shown.get(rid) for rid in guidance.lead_ins)
        return self._worded("how_to", guidance, context, self._how_to)

    def refers_to(self, guidance: Guidance) -> tuple[str, ...]:
        """The lead-ins whose hints, shown too, the hint of `guidance` builds on (by id)."""
        return tuple(dict.fromkeys(p.lead_in for p in hint_parts(guidance, self.shown)
                                   if p.lead_in is not None))

    def _worded(self, kind: str, guidance: Guidance, context: tuple[Guidance | None, ...],
                word: Callable[[Guidance], str]) -> str:
        """The text `word` gives, worded once for every report that names the guidance's terms
        alike: the guidance comes from the rulebook, the labels from the report."""
        key = (kind, guidance, self.lang, self.pointer, context,
               tuple(self.namer.label(t) for t in guidance.terms))
        if (said := _WORDED.get(key)) is None:
            if len(_WORDED) >= _WORDED_KEPT:
                _WORDED.clear()
            said = _WORDED[key] = word(guidance)
        return said

    def _how_to(self, guidance: Guidance) -> str:
        # What a lead-in's hint already describes first, then the records it does not name.
        parts = sorted(hint_parts(guidance, self.shown), key=lambda p: p.lead_in is None)
        said = []
        if guidance.by_items:  # the classes of the items, less those with more to say
            if bare := [p.evidence.cls for p in parts if p.lead_in is None and not p.evidence.asks]:
                said.append(message("report.guidance.by_items", self.lang,
                                    terms=self._listed(self.term(c) for c in bare)))
            parts = [p for p in parts if p.lead_in is not None or p.evidence.asks]
        said += [self._part(p, guidance.by_items) for p in parts]
        if self.points_to_more(guidance):
            said.append(self._see(guidance))
        return _BETWEEN_SENTENCES[self.lang].join(_sentence(s, self.lang) for s in said)

    def points_to_more(self, guidance: Guidance) -> bool:
        """Whether the hint ends with a pointer: not on the rulebook page, nor where the lead-in's
        hint, shown too, points to the same row."""
        return self.pointer is not Pointer.NONE and says_see(guidance, self.shown)

    def _see(self, guidance: Guidance) -> str:
        if self.pointer is Pointer.RULEBOOK:  # the provision's notation, which a page links
            return message("report.guidance.see_rulebook", self.lang,
                           provision=provision_notation(guidance.requirement))
        return message("report.guidance.see", self.lang, see=guidance.see)

    def _part(self, part: HintPart, by_items: bool) -> str:
        """One record: as a lead-in's hint describes it, and what else it carries."""
        evidence, each = part.evidence, "by_items_" if by_items else ""
        if part.lead_in is None:
            if not by_items:
                return self.evidence(evidence)
            return message("report.guidance.by_items_with", self.lang,
                           thing=self.thing(evidence.cls), asks=self._asks(evidence.asks))
        named = "thing_" if len(self.shown[part.lead_in].evidence) > 1 else ""
        said = message(f"report.guidance.{each}{named}as_lead_in", self.lang,
                       lead_in=provision_notation(part.lead_in), thing=self.thing(evidence.cls))
        if evidence.asks:
            said += message("report.guidance.with", self.lang, asks=self._asks(evidence.asks))
        return said

    def documents(self, guidance: Guidance) -> str:
        """What an evaluator will want to see for a checklist item."""
        return self._worded("documents", guidance, (), self._documents)

    def _documents(self, guidance: Guidance) -> str:
        return _sentence(message("report.guidance.documents", self.lang,
                                 terms=self._listed(self.term(d) for d in guidance.documents)),
                         self.lang)

    def evidence(self, evidence: Evidence) -> str:
        """Record a thing of a class, with what it carries."""
        thing = self.thing(evidence.cls)
        if not evidence.asks:
            return message("report.guidance.record", self.lang, thing=thing)
        return message("report.guidance.record_with", self.lang, thing=thing,
                       asks=self._asks(evidence.asks))

    def ask(self, ask: Ask) -> str:
        """One property and what it takes."""
        single_inverse = isinstance(ask.path, InvPath) and isinstance(ask.path.arg, URIRef)
        path = self.path(ask.path.arg if single_inverse else ask.path)  # type: ignore[union-attr]
        first = ask.expected[0] if ask.expected else None
        values = {"path": path, "term": self.term(first) if first is not None else "",
                  "thing": self.thing(first) if first is not None else "",
                  "values": self._listed(self.term(v) for v in ask.expected)}
        if single_inverse:
            key = "inverse" if ask.kind is AskKind.CLASS else "inverse_any"
        else:
            key = ask.kind.value
        said = message(f"report.guidance.ask.{key}", self.lang, **values)
        if ask.count:
            said += message("report.lack.at_least", self.lang, n=ask.count)
        if ask.then:
            said += message("report.guidance.then", self.lang, asks=self._asks(ask.then))
        return said

    def _asks(self, asks: tuple[Ask, ...]) -> str:
        return _ASKS[self.lang].join(self.ask(a) for a in asks)

    def path(self, path: ShapePath) -> str:
        """A path as “labels” (prefixed path)."""
        return message("report.guidance.term", self.lang, label=self._path_label(path),
                       curie=curie(path))

    def term(self, node: Node) -> str:
        """A term as “label” (prefixed name); a provision by its id alone."""
        label = self.namer.label(node)
        if label is None or str(node).startswith(str(REQ)):
            return curie(node)
        return message("report.guidance.term", self.lang, label=label, curie=curie(node))

    def _path_label(self, path: ShapePath) -> str:
        if isinstance(path, URIRef):
            return self.namer.label(path) or curie(path)
        if isinstance(path, (InvPath, MulPath)):
            return self._path_label(path.arg if isinstance(path, InvPath) else path.path)
        if isinstance(path, AlternativePath):
            return message("report.guidance.or", self.lang).join(
                self._path_label(p) for p in path.args)
        assert isinstance(path, SequencePath)
        return " › ".join(self._path_label(p) for p in path.args)

    def thing(self, node: Node) -> str:
        """One thing of a class: “a” or “an” before its English label, 一项 in Chinese."""
        label = self.namer.label(node) or ""
        return message(f"report.guidance.{indefinite_article(label)}", self.lang, term=self.term(node))

    def _listed(self, said: Iterable[str]) -> str:
        return _VALUES[self.lang].join(dict.fromkeys(said))


def _sentence(text: str, lang: Lang) -> str:
    """The text as a sentence: capitalised (en) and stopped."""
    if lang == "en":
        text = text[:1].upper() + text[1:]
    return text if text.endswith(_STOP[lang]) else text + _STOP[lang]
