"""How to meet a requirement, read off its shapes: which evidence to record, of which class, with
which properties and values (checker/render/guidance_view.py says it in words).

A shape names its requirement (bcic:checksRequirement) and looks at the submission from a class
(sh:targetClass, or sh:targetNode with a path through the instances of that class) or from a term
the records point to (a duty of 4.2 by bcic:fulfilsDuty, every indicator of a KPI system by
bcic:specifiesIndicator). What it asks along the rest of its path — sh:hasValue, sh:in, sh:class,
sh:datatype, sh:languageIn, sh:minCount, qualified value shapes and sh:node, one level down —
becomes an `Ask` of the class whose instance carries it; a guarded shape's check
(checker/shape_guards.py) asks it of the guarded shape's targets, and of the records that point to
a term (9.2.1's indicators) what its check's qualified value shape asks. A guard that is a
condition — a record with one property, which other shapes of the same requirement look at through
sh:targetSubjectsOf or sh:targetObjectsOf (9.2.3's “rated level”) — makes the check an `either`
ask: the check, or that property with what those shapes ask of its subject and, as what the value
carries, of its value. A lead-in with no shape of its
own is met through its list items: its guidance names the classes they ask for, with what every
item asks of them alike.
A list item's hint builds on its lead-in's where a report shows that (`hint_parts`): it says only
what the lead-in's hint does not. Nothing here is written by hand per clause, so a changed shape
changes the guidance.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.paths import InvPath
from rdflib.term import Node

from .listed_values import listed_values
from .namespaces import BCIC
from .shape_guards import guarded_checks, guards_of
from .shape_order import in_display_order
from .shape_paths import ShapePath, is_type_step, joined, path_properties, path_steps

if TYPE_CHECKING:
    from .diagnosis import Explainer
    from .rulebook import Requirement

EVIDENCE_DOC = "docs/evidence.md"  # the evidence profile, one anchored row per clause
# Classes whose instances are documents or records an evaluator reads (docs/evidence.md, the frame).
_DOCUMENT_ROOTS = (BCIC.ClusterDocument, BCIC.ClusterActivity)
_DEPTH = 2  # levels of what a value must carry, below the evidence node's own asks
KNOWN_LISTED = 12  # the named values of a class a hint lists at most


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

    @property
    def see(self) -> str:
        """The pointer to the clause's row, relative to the project: `docs/evidence.md#8-2-6`."""
        return f"{EVIDENCE_DOC}#{self.anchor}"

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


def read_guidance(requirements: Mapping[str, Requirement], shapes: Graph, ontology: Graph,
                  explainer: Explainer) -> dict[str, Guidance]:
    """The guidance of every requirement that has shapes, or list items with shapes."""
    reader = _Reader(shapes, ontology, explainer)
    found: dict[str, Guidance] = {}
    for requirement in reversed(list(requirements.values())):  # list items before lead-ins
        # Its items of its own level: what a permission asks (6.1.2.2 [may]) the shall-level
        # provision it is part of does not.
        items = [found[r.id] for r in requirements.values()
                 if r.parent == requirement.id and r.id in found and r.level is requirement.level]
        if requirement.shapes:
            text = requirement.text.get("zh", "")
            ordered = sorted(requirement.shapes, key=lambda s: (explainer.order(s, text), str(s)))
            evidence = _merged(e for shape in ordered for e in reader.evidence(shape))
            by_items = False
        else:
            evidence = _merged(Evidence(e.cls) for g in items for e in g.evidence)
            by_items = True
        if evidence:
            named = {e.cls for e in evidence}
            shared = [e for e in _shared(items) if e.cls in named]
            found[requirement.id] = Guidance(
                requirement.id, clause_anchor(requirement.clause), _merged([*evidence, *shared]),
                by_items, reader.documents(evidence))
    return {rid: replace(g, lead_ins=_lead_ins(requirements, rid, found))
            for rid, g in reversed(found.items())}


def _shared(items: list[Guidance]) -> tuple[Evidence, ...]:
    """What every list item asks alike of a class (every duty of 4.2.1 asks a dated fulfilment by
    a government member, with a titled, dated evidence document attributed to one)."""
    if not items:
        return ()
    first, rest = items[0], items[1:]
    return tuple(Evidence(e.cls, asks) for e in first.evidence
                 if (asks := tuple(a for a in e.asks if all(a in g.asks_of(e.cls) for g in rest))))


def _lead_ins(requirements: Mapping[str, Requirement], rid: str,
              found: Mapping[str, Guidance]) -> tuple[str, ...]:
    """The lead-ins above a list item that have guidance, nearest first."""
    chain, parent = [], requirements[rid].parent
    while parent is not None:
        if parent in found:
            chain.append(parent)
        parent = requirements[parent].parent
    return tuple(chain)


class _Reader:
    """Reads what one shape asks, as evidence of a class."""

    def __init__(self, shapes: Graph, ontology: Graph, explainer: Explainer) -> None:
        self.shapes, self.ontology, self.explainer = shapes, ontology, explainer

    def evidence(self, shape: Node) -> Iterable[Evidence]:
        """The evidence one top-level shape asks for, one per target."""
        s, path = self.shapes, self.explainer.path(shape)
        checks = guarded_checks(s, shape)
        # A term a record points to is asked it by the guarded shape's one check (9.2.1's indicator).
        pointed = checks[0] if path is None and len(checks) == 1 else shape
        for cls in s.objects(shape, SH.targetClass):
            yield Evidence(cls, self._asks(shape, path))
        for term in s.objects(shape, SH.targetNode):
            steps = path_steps(path) if path is not None else []
            at = next((i for i, step in enumerate(steps) if is_type_step(step)), None)
            if at is not None:  # from a class through its instances
                yield Evidence(term, self._asks(shape, joined(steps[at + 1:])))
            else:  # records that point to a term (a duty)
                yield from self._records(pointed, self.explainer.path(pointed), AskKind.VALUE, term)
        for prop in s.objects(shape, SH.targetObjectsOf):  # every indicator of a KPI system
            yield from self._records(pointed, self.explainer.path(pointed), AskKind.EACH_OBJECT, prop)
        for prop in s.objects(shape, SH.targetSubjectsOf) if checks else ():
            # Every record with the property, its guard setting some aside (4.2.1 i)'s period,
            # asked of the activities of that duty): of the property's domain.
            if (domain := self.ontology.value(prop, RDFS.domain)) is not None:
                yield Evidence(domain, self._asks(shape, path))

    def _records(self, shape: Node, path: ShapePath | None, kind: AskKind,
                 focus: Node) -> Iterable[Evidence]:
        """Records that point back to the focus by one property (`^p`), of the class the shape
        asks them to be, else of the property's domain; `kind` and `focus` say what they point
        to (a term, or each value of a property)."""
        if not isinstance(path, InvPath) or not isinstance(path.arg, URIRef):
            return
        record = self.shapes.value(shape, SH.qualifiedValueShape) or self.shapes.value(shape, SH.node)
        cls = (self.shapes.value(record, SH["class"]) if record is not None else None) \
            or self.ontology.value(path.arg, RDFS.domain)
        if cls is None:
            return
        pointing = Ask(path.arg, kind, (focus,))
        yield Evidence(cls, (pointing, *(self._node_asks(record) if record is not None else ())))

    def _asks(self, shape: Node, path: ShapePath | None) -> tuple[Ask, ...]:
        """What `shape` asks of the instance, along `path` (None: of the instance itself)."""
        if path is not None:
            return (self._ask(shape, path),)
        if checks := guarded_checks(self.shapes, shape):  # what 8.1.2 asks of this cluster's brand
            asked = tuple(self._ask(c, p) for c in checks if (p := self.explainer.path(c)) is not None)
            if (condition := self._condition(shape)) is None:
                return asked
            prop, otherwise = condition
            return (Ask(prop, AskKind.EITHER, options=(asked, otherwise)),)
        inner = self.shapes.value(shape, SH.qualifiedValueShape) or self.shapes.value(shape, SH.node)
        return self._node_asks(inner) if inner is not None else ()

    def _condition(self, shape: Node) -> tuple[URIRef, tuple[Ask, ...]] | None:
        """The property a guard of `shape` asks, when other shapes of the same requirement look
        at its subjects or objects (9.2.3: an observation with a “rated level” is asked no number),
        with what a record having it is asked; None for a guard that sets records aside (another
        cluster's record), whose shape asks its check of the records it keeps."""
        s, requirement = self.shapes, self.shapes.value(shape, BCIC.checksRequirement)
        for guard in guards_of(s, shape):
            parts = list(s.objects(guard, SH.property))
            if len(parts) != 1 or not isinstance(prop := s.value(parts[0], SH.path), URIRef):
                continue
            of_subjects = [t for t in s.subjects(SH.targetSubjectsOf, prop)
                           if (t, BCIC.checksRequirement, requirement) in s]
            of_objects = [t for t in s.subjects(SH.targetObjectsOf, prop)
                          if (t, BCIC.checksRequirement, requirement) in s]
            if of_subjects or of_objects:
                carried = merged_asks(a for t in of_objects for a in self._own_asks(t, 1))
                lead = replace(self._ask(parts[0], prop), then=carried)
                return prop, merged_asks([lead, *(a for t in of_subjects for a in self._own_asks(t))])
        return None

    def _own_asks(self, shape: Node, depth: int = 0) -> tuple[Ask, ...]:
        """What a checking shape asks along its path, or its guarded checks along theirs; a
        property it forbids (sh:maxCount 0: a number beside a rated level) is no ask."""
        checks = [shape] if self.explainer.path(shape) is not None \
            else guarded_checks(self.shapes, shape)
        return tuple(self._ask(c, p, depth) for c in checks
                     if (p := self.explainer.path(c)) is not None
                     and self.shapes.value(c, SH.maxCount) != Literal(0))

    def _node_asks(self, node_shape: Node) -> tuple[Ask, ...]:
        """The asks of a node shape's property shapes, in their display order (9.2.1's parts of a
        specification as the clause names them, checker/shape_order.py)."""
        found = []
        for inner in in_display_order(self.shapes, self.shapes.objects(node_shape, SH.property)):
            if (path := self.explainer.path(inner)) is not None:
                found.append(self._ask(inner, path))
        return tuple(found)

    def _ask(self, shape: Node, path: ShapePath, depth: int = 0) -> Ask:
        """What a property shape asks along its path, and what the value must carry (two levels
        down at most); a bare step whose value only leads on to one ask is joined to it."""
        s = self.shapes
        least = s.value(shape, SH.minCount) or s.value(shape, SH.qualifiedMinCount)
        count = int(least) if isinstance(least, Literal) and int(least) > 1 else None
        most = s.value(shape, SH.maxCount)
        single = isinstance(most, Literal) and int(most) == 1
        kind, expected = self._expected(shape)
        then: tuple[Ask, ...] = ()
        inner = s.value(shape, SH.qualifiedValueShape) or s.value(shape, SH.node)
        if inner is not None and kind is AskKind.ANY:
            kind, expected = self._expected(inner)
        if inner is not None and kind is AskKind.ANY and self._is_form(inner):
            kind, expected = AskKind.FORM, (inner,)
        if inner is not None and depth < _DEPTH:
            then = merged_asks(self._ask(p, q, depth + 1)
                               for p in in_display_order(s, s.objects(inner, SH.property))
                               if (q := self.explainer.path(p)) is not None)
        if kind is AskKind.ANY and count is None and len(then) == 1:
            step = then[0]
            return replace(step, path=joined([*path_steps(path), *path_steps(step.path)]),
                           single=single and step.single)
        known, closed = self._known(expected[0]) if kind is AskKind.CLASS else ((), False)
        some = kind is AskKind.ONE_OF and s.value(shape, SH.qualifiedValueShape) is not None
        return Ask(path, kind, expected, count, then, single, known, closed, some=some)

    def _known(self, cls: Node) -> tuple[tuple[Node, ...], bool]:
        """The named values of a class the ontology lists, in the standard's order, and whether
        they are all it has (checker/listed_values.py); KNOWN_LISTED at most, else none: the
        nine-score indicators of 9.1.4 are the scheme's to show."""
        found, closed = listed_values(self.ontology, cls)
        return (found, closed) if len(found) <= KNOWN_LISTED else ((), False)

    def _expected(self, shape: Node) -> tuple[AskKind, tuple[Node, ...]]:
        s = self.shapes
        if (value := s.value(shape, SH.hasValue)) is not None:
            return AskKind.VALUE, (value,)
        if (allowed := s.value(shape, SH["in"])) is not None:
            members = tuple(Collection(s, allowed))
            return (AskKind.VALUE if len(members) == 1 else AskKind.ONE_OF), members
        if (cls := s.value(shape, SH["class"])) is not None:
            return AskKind.CLASS, (cls,)
        if (datatype := s.value(shape, SH.datatype)) is not None:
            return AskKind.DATATYPE, (datatype,)
        if (languages := s.value(shape, SH.languageIn)) is not None:
            return AskKind.LANGUAGE, tuple(Collection(s, languages))
        return AskKind.ANY, ()

    def _is_form(self, shape: Node) -> bool:
        """Whether a node shape is a form of value its label describes (shp:Number,
        shp:RecurringPeriod): a label, and nothing asked of what the value carries."""
        return ((shape, RDFS.label, None) in self.shapes
                and (shape, SH.property, None) not in self.shapes)

    def documents(self, evidence: tuple[Evidence, ...]) -> tuple[Node, ...]:
        """The classes of records an evaluator reads: the evidence's own, and the documents and
        activities its asks point to."""
        asked = [a.expected[0] for e in evidence for a in e.asks
                 if a.kind is AskKind.CLASS and self._is_document(a.expected[0])]
        return tuple(dict.fromkeys([*(e.cls for e in evidence), *asked]))

    def _is_document(self, cls: Node) -> bool:
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current in _DOCUMENT_ROOTS:
                return True
            seen.add(current)
            todo += [o for o in self.ontology.objects(current, RDFS.subClassOf)
                     if o not in seen and (o, RDF.type, OWL.Class) in self.ontology]
        return False


def _merged(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Evidence of one class as one, in order of first mention, its asks merged."""
    by_class: dict[Node, list[Ask]] = {}
    for item in evidence:
        by_class.setdefault(item.cls, []).extend(item.asks)
    merged = {cls: merged_asks(asks) for cls, asks in by_class.items()}
    return tuple(Evidence(cls, asks, _spread(asks)) for cls, asks in merged.items())


def _spread(asks: tuple[Ask, ...]) -> bool:
    """Whether two asks along one path stay apart, one of them for some value among several:
    each is met by a record of its own, or both by one (7.3.2's know-how, its patents)."""
    return any(a.some and any(b is not a and b.path == a.path for b in asks) for a in asks)


def merged_asks(asks: Iterable[Ask]) -> tuple[Ask, ...]:
    """Asks along one path said once: values gathered, a bare ask folded into a fuller one, an
    ask going on from a property of one value said as what that value carries."""
    kept: list[Ask] = []
    for ask in asks:
        for index, known in enumerate(kept):
            if known.path == ask.path and (combined := _combined(known, ask)) is not None:
                kept[index] = combined
                break
        else:
            kept.append(ask)
    return _went_on(_into_options(kept))


def _into_options(asks: list[Ask]) -> list[Ask]:
    """Asks along a path an `either` ask's option asks folded into that option: 9.2.3's value is
    a number where it is given, which is only in the option of a number."""
    kept = list(asks)
    for either in [a for a in asks if a.kind is AskKind.EITHER]:
        options = [list(o) for o in either.options]
        for ask in [a for a in kept if a.kind is not AskKind.EITHER]:
            index = next((i for i, o in enumerate(options) if any(x.path == ask.path for x in o)), None)
            if index is not None:
                options[index].append(ask)
                kept.remove(ask)
        at = kept.index(either)
        kept[at] = replace(either, options=tuple(merged_asks(o) for o in options))
    return kept


def _went_on(asks: list[Ask]) -> tuple[Ask, ...]:
    """Asks whose path goes on from the path of an ask of one value (sh:maxCount 1) folded into
    what that value carries, where the first of the two was: 9.2.3's observation names one
    cluster, an industrial cluster that a cultivation body cultivates, not a cluster twice."""
    kept = list(asks)
    for ask in asks:
        steps = path_steps(ask.path)
        head = next((h for h in kept if h.single and h.kind in (AskKind.CLASS, AskKind.ANY, AskKind.EACH_OBJECT)
                     and len(steps) > len(path_steps(h.path))
                     and steps[:len(path_steps(h.path))] == path_steps(h.path)), None)
        if head is None:
            continue
        rest = replace(ask, path=joined(steps[len(path_steps(head.path)):]))
        at = min(kept.index(head), kept.index(ask))
        kept = [a for a in kept if a not in (head, ask)]
        kept.insert(at, replace(head, then=merged_asks((*head.then, rest))))
    return tuple(kept)


def _combined(a: Ask, b: Ask) -> Ask | None:
    """One ask saying what two asks along one path say, None when they ask different things."""
    kinds = {a.kind, b.kind}
    if AskKind.EITHER in kinds:  # two checks under one condition: their options joined
        if kinds != {AskKind.EITHER} or a.options[1:] != b.options[1:]:
            return None
        return replace(a, options=(merged_asks(a.options[0] + b.options[0]), *a.options[1:]))
    if AskKind.ANY in kinds:
        base = b if a.kind is AskKind.ANY else a
    elif a.kind is b.kind and (a.kind is AskKind.VALUE or a.expected == b.expected):
        base = a
    elif kinds == {AskKind.VALUE, AskKind.ONE_OF} and not (a.some or b.some):
        # a value asked, among those allowed (not one value among some: 7.3.2 asks both)
        base = a if a.kind is AskKind.VALUE else b
    elif kinds == {AskKind.EACH_OBJECT, AskKind.CLASS}:  # each indicator, an indicator
        base = a if a.kind is AskKind.EACH_OBJECT else b
    else:
        return None
    expected = tuple(dict.fromkeys(a.expected + b.expected)) \
        if a.kind is b.kind is AskKind.VALUE else base.expected
    return Ask(base.path, base.kind, expected, max(a.count or 0, b.count or 0) or None,
               merged_asks(a.then + b.then), a.single or b.single, base.known, base.closed,
               some=base.some)
