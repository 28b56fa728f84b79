"""Guidance in words, in the report's language: how to meet a requirement not met (or a may-level
one not used), and which records an evaluator will want to see for a checklist item
(checker/guidance.py reads them off the shapes). A hint is read by people who write no RDF, in the
style of the shapes' messages: words first, each term's prefixed name after them for those who
write the RDF, no path or datatype notation, no bracket inside another (`_Hint`). A list item's
hint shown beside its lead-in's says only what the lead-in's does not. A hint ends with a pointer
(`Pointer`): to docs/evidence.md where the reader has the project (text, JSON, Turtle), to the
provision's rulebook page where a page links it there (the web app, an HTML report it serves), to
the rulebook by the command that shows the provision in an HTML report the CLI writes (it knows no
server, and a cluster given the file has no repository), none on that rulebook page itself."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from enum import Enum

from rdflib import Graph
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD
from rdflib.paths import AlternativePath
from rdflib.term import Node

from ..guidance_model import Ask, AskKind, Evidence, Guidance, HintPart, hint_parts, says_see
from ..i18n import Lang, message
from ..namespaces import BCIC, IND, REQ
from ..notation import provision_notation
from ..report import RequirementOutcome
from ..shape_paths import ShapePath, path_properties
from .term_namer import TermNamer
from .naming import indefinite_article
from .wording import NUMBER_SHAPES, datatype_kind, path_in_words

_NAMESPACES = Graph(bind_namespaces="none").namespace_manager
for _prefix, _namespace in (("bcic", BCIC), ("req", REQ), ("ind", IND), ("prov", PROV),
                            ("org", ORG), ("skos", SKOS), ("dcterms", DCTERMS), ("rdf", RDF),
                            ("rdfs", RDFS), ("xsd", XSD)):
    _NAMESPACES.bind(_prefix, _namespace)

_VALUES = {"zh": "、", "en": ", "}  # between values, between terms
# Kinds of value said as people write them (report.guidance.ask.<kind>), others by datatype.
_WORDED_KINDS = ("date", "year", "integer")
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
    RULES_SHOW = "rules_show"  # "See 8.2.6 in the rulebook (bcic rules show 8.2.6)": no link
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
        hint = _Hint(self.namer, self.shown)
        parts = sorted(hint_parts(guidance, self.shown), key=lambda p: p.lead_in is None)
        said = []
        if guidance.by_items:  # the classes of the items, less those with more to say
            if bare := [p.evidence.cls for p in parts if p.lead_in is None and not p.evidence.asks]:
                said.append(message("report.guidance.by_items", self.lang,
                                    terms=hint.terms(bare)))
            parts = [p for p in parts if p.lead_in is not None or p.evidence.asks]
        for part in parts:
            said.append(hint.part(part, guidance.by_items))
            said += hint.values_described()
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
                           provision=provision_notation(guidance.requirement, self.lang))
        if self.pointer is Pointer.RULES_SHOW:  # by its id, which a shell takes unquoted
            return message("report.guidance.see_rules_show", self.lang,
                           provision=provision_notation(guidance.requirement, self.lang),
                           id=guidance.requirement)
        return message("report.guidance.see", self.lang, see=guidance.see(self.lang))

    def documents(self, guidance: Guidance) -> str:
        """What an evaluator will want to see for a checklist item."""
        return self._worded("documents", guidance, (), self._documents)

    def _documents(self, guidance: Guidance) -> str:
        terms = _Hint(self.namer, self.shown).terms(guidance.documents)
        return _sentence(message("report.guidance.documents", self.lang, terms=terms), self.lang)


class _Hint:
    """One hint being worded. Plain words come first: each term is named by its label, its prefixed
    name following only at its first mention; a path is said step by step, an inverse step as the
    record that refers to the value; a date as people write one. What the value of an ask must
    carry is said in the same sentence when it is one plain thing, else in a sentence of its own
    after the record's (once per hint), so that no bracket holds another."""

    def __init__(self, namer: TermNamer, shown: Mapping[str, Guidance]) -> None:
        self.namer, self.lang, self.shown = namer, namer.lang, shown
        self.named: set[Node] = set()  # terms whose prefixed name the hint has given
        self.pending: list[tuple[Node, tuple[Ask, ...]]] = []  # values to describe, in order
        self.described: set[tuple[Node, tuple[object, ...]]] = set()  # by `_outline`

    def part(self, part: HintPart, by_items: bool) -> str:
        """One record: as a lead-in's hint describes it, and what else it carries."""
        evidence, each = part.evidence, "by_items_" if by_items else ""
        if part.lead_in is None:
            if not by_items:
                return self.record(evidence)
            return message("report.guidance.by_items_with", self.lang,
                           thing=self.thing(evidence.cls), asks=self.asks(evidence.asks))
        named = "thing_" if len(self.shown[part.lead_in].evidence) > 1 else ""
        said = message(f"report.guidance.{each}{named}as_lead_in", self.lang,
                       lead_in=provision_notation(part.lead_in, self.lang), thing=self.thing(evidence.cls))
        if evidence.asks:
            said += message("report.guidance.with", self.lang, asks=self.asks(evidence.asks))
        return said

    def record(self, evidence: Evidence) -> str:
        """Record a thing of a class, with what it carries."""
        if evidence.several:  # one record or several between them (7.3.2)
            return message("report.guidance.record_several_with", self.lang,
                           term=self.term(evidence.cls), asks=self.asks(evidence.asks))
        thing = self.thing(evidence.cls)
        if not evidence.asks:
            return message("report.guidance.record", self.lang, thing=thing)
        return message("report.guidance.record_with", self.lang, thing=thing,
                       asks=self.asks(evidence.asks))

    def values_described(self) -> list[str]:
        """Sentences saying what the values named so far must carry, in the order named."""
        said = []
        while self.pending:
            ref, asks = self.pending.pop(0)
            said.append(message("report.guidance.then_sentence", self.lang,
                                ref=self.term(ref), asks=self.asks(asks)))
        return said

    def asks(self, asks: tuple[Ask, ...]) -> str:
        """The asks of one record or value, one after the other."""
        return _ASKS[self.lang].join(self.ask(a) for a in asks)

    def ask(self, ask: Ask) -> str:
        """One property (or path) and what it takes."""
        if ask.kind is AskKind.EITHER:  # 9.2.3: a number and its unit, or a rated level
            first, *others = (message("report.guidance.and", self.lang).join(map(self.ask, o))
                              for o in ask.options)
            return message("report.guidance.ask.either", self.lang, first=first,
                           others=message("report.guidance.either", self.lang).join(others))
        if isinstance(ask.path, AlternativePath):
            said = message("report.guidance.either", self.lang).join(
                self._along(p, ask) for p in ask.path.args)
        else:
            said = self._along(ask.path, ask)
        if ask.count:
            said += message("report.lack.at_least", self.lang, n=ask.count)
        if not ask.then:
            return said
        if len(ask.then) == 1 and not ask.then[0].then:  # one plain thing: in the same sentence
            (then,) = ask.then  # a record referring to the value (9.2.3's body), or what it has
            key = "then_referred" if path_properties(then.path)[0][1] else "then"
            return said + message(f"report.guidance.{key}", self.lang, asks=self.ask(then))
        ref = ask.expected[0] if ask.kind is AskKind.CLASS else path_properties(ask.path)[-1][0]
        self._describe_later(ref, ask.then)
        return said

    def _describe_later(self, ref: Node, asks: tuple[Ask, ...]) -> None:
        """Queue what a value must carry, once per hint: the same asks met again, or met again
        with less said of their own values (a shape read one level less deep), are not said twice;
        met again with more, the fuller ones are said if the first are still to be said."""
        key = (ref, _outline(asks))
        if key not in self.described:
            self.described.add(key)
            self.pending.append((ref, asks))
            return
        for index, (pending_ref, pending_asks) in enumerate(self.pending):
            if (pending_ref, _outline(pending_asks)) == key \
                    and _depth(asks) > _depth(pending_asks):
                self.pending[index] = (ref, asks)

    def _along(self, path: ShapePath, ask: Ask) -> str:
        """The path in words, step by step, with what its value takes; a class asked at the end
        of an inverse step is the record that refers to the value."""
        steps = path_properties(path)
        by_class = ask.kind is AskKind.CLASS and steps[-1][1]
        said = path_in_words(steps, self.lang, self.term,
                             (lambda: self.thing(ask.expected[0])) if by_class else None)
        return said if by_class else self._takes(said, ask)

    def _takes(self, path: str, ask: Ask) -> str:
        """The path said, with the value, class or kind of value its ask wants."""
        kind, values = ask.kind, {"path": path}
        if kind is AskKind.ANY:
            return message("report.guidance.ask.any", self.lang, **values)
        first = ask.expected[0]
        if kind is AskKind.DATATYPE and (words := datatype_kind(first)) in _WORDED_KINDS:
            return message(f"report.guidance.ask.{words}", self.lang, **values)
        if kind in (AskKind.VALUE, AskKind.ONE_OF):
            # Several values asked alike are each needed (5.1's dimensions, 7.1.1's kinds):
            # said so, not left to the “and” alone.
            each = kind is AskKind.VALUE and len(set(ask.expected)) > 1
            key = "values" if each else "value"
            values["values"] = self._listed(ask.expected, "and" if kind is AskKind.VALUE else "or")
        elif kind is AskKind.LANGUAGE:
            key, values["values"] = "language", _VALUES[self.lang].join(map(str, ask.expected))
        elif kind is AskKind.CLASS:
            key, values["thing"] = "class", self.thing(first)
            if ask.known:  # the values the ontology names for it: all of them, or examples
                key, values["values"] = self._known(ask)
        elif kind is AskKind.FORM:  # a shape's words, not a term of the ontology
            key, values["form"] = "form", self.namer.label(first) or curie(first)
            if first in NUMBER_SHAPES:  # a figure: typed as a number, never text (decision 23)
                key = "form_number"
        else:  # a datatype with no words of its own, each value of a property
            key, values["term"] = kind.value, self.term(first)
        return message(f"report.guidance.ask.{key}", self.lang, **values)

    def term(self, node: Node) -> str:
        """A term as “label” (prefixed name) the first time, by its label after; a provision as
        the standard numbers it; a term with no label by its prefixed name."""
        is_provision = str(node).startswith(str(REQ))
        label = provision_notation(str(node)[len(str(REQ)):], self.lang) if is_provision \
            else self.namer.label(node)
        if label is None:
            return curie(node)
        if node in self.named:
            return message("report.guidance.named", self.lang, label=label)
        self.named.add(node)
        return message("report.guidance.term", self.lang, label=label, curie=curie(node))

    def thing(self, node: Node) -> str:
        """One thing of a class: “a” or “an” before its English label, 一项 in Chinese."""
        label = self.namer.label(node) or ""
        return message(f"report.guidance.{indefinite_article(label)}", self.lang, term=self.term(node))

    def terms(self, nodes: Iterable[Node]) -> str:
        """Terms listed, each once."""
        return _VALUES[self.lang].join(self.term(n) for n in dict.fromkeys(nodes))

    def _known(self, ask: Ask) -> tuple[str, str]:
        """The sentence (report.guidance.ask.<key>) and the values of a class that the ontology
        names: examples (“such as A, B or C”, 5.2.1), or, where the standard's list is closed, the
        only ones: “either A or B” of two (7.1.2.1's funds), “one of A, B and C” of more (4.3.2's
        means)."""
        if not ask.closed:
            return "class_known", self._listed(ask.known, "or")
        if len(ask.known) == 2:
            return "class_either", self._listed(ask.known, "or")
        return "class_one_of", self._listed(ask.known, "among")

    def _listed(self, nodes: Iterable[Node], last: str) -> str:
        """Values listed, the last two joined by report.guidance.<last>: “and” (each is asked),
        “or” (one is), “among” (those “one of” is said of)."""
        said = [self.term(n) for n in dict.fromkeys(nodes)]
        joiner = message(f"report.guidance.{last}", self.lang)
        return joiner.join(filter(None, (_VALUES[self.lang].join(said[:-1]), said[-1])))


def _sentence(text: str, lang: Lang) -> str:
    """The text as a sentence: capitalised (en) and stopped."""
    if lang == "en":
        text = text[:1].upper() + text[1:]
    return text if text.endswith(_STOP[lang]) else text + _STOP[lang]


def _outline(asks: tuple[Ask, ...]) -> tuple[object, ...]:
    """What asks ask at their own level: the paths and what each takes, not what its value carries."""
    return tuple((a.path, a.kind, a.expected, a.count, tuple(map(_outline, a.options)))
                 for a in asks)


def _depth(asks: tuple[Ask, ...]) -> int:
    """How many asks, nested ones included: how much is said of the values."""
    return sum(1 + _depth(a.then) + sum(_depth(o) for o in a.options) for a in asks)
