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
A list item's hint builds on its lead-in's where a report shows that (`hint_parts`,
checker/guidance_model.py): it says only what the lead-in's hint does not. Asks of one class are
merged by checker/ask_merging.py. Nothing here is written by hand per clause, so a changed shape
changes the guidance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.paths import InvPath
from rdflib.term import Node

from .ask_merging import merged_asks, merged_evidence
from .guidance_model import Ask, AskKind, Evidence, Guidance, clause_anchor
from .listed_values import KNOWN_LISTED, listed_values
from .namespaces import BCIC
from .shape_guards import guarded_checks, guards_of
from .shape_order import in_display_order
from .shape_paths import ShapePath, is_type_step, joined, path_steps

if TYPE_CHECKING:
    from .diagnosis import Explainer
    from .rulebook import Requirement

# Classes whose instances are documents or records an evaluator reads (docs/evidence.md, the frame).
_DOCUMENT_ROOTS = (BCIC.ClusterDocument, BCIC.ClusterActivity)
_DEPTH = 2  # levels of what a value must carry, below the evidence node's own asks


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
            ordered = sorted(requirement.shapes, key=lambda s: (
                explainer.order(s, text), explainer.target_order(s, text), str(s)))
            evidence = merged_evidence(e for shape in ordered for e in reader.evidence(shape))
            by_items = False
        else:
            evidence = merged_evidence(Evidence(e.cls) for g in items for e in g.evidence)
            by_items = True
        if evidence:
            named = {e.cls for e in evidence}
            shared = [e for e in _shared(items) if e.cls in named]
            found[requirement.id] = Guidance(
                requirement.id, clause_anchor(requirement.clause), merged_evidence([*evidence, *shared]),
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
                if (kind := self._kind_guard(shape)) is not None:  # 8.3.1: or an application
                    return (Ask(RDF.type, AskKind.EITHER,
                                options=(asked, (Ask(RDF.type, AskKind.CLASS, (kind,)),))),)
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

    def _kind_guard(self, shape: Node) -> Node | None:
        """The class a guard of `shape` names and nothing else, a record of which is asked none of
        the checks (8.3.1: a registration application, which has no number yet); None for a
        guard that sets records aside by more than their class (another cultivation body's)."""
        s = self.shapes
        for guard in guards_of(s, shape):
            constraints = {p for p in s.predicates(guard) if str(p).startswith(str(SH))}
            if constraints == {SH["class"]}:
                return s.value(guard, SH["class"])
        return None

    def _own_asks(self, shape: Node, depth: int = 0) -> tuple[Ask, ...]:
        """What a checking shape asks along its path, or its guarded checks along theirs; a
        property it forbids (sh:maxCount 0: a number beside a rated level) is no ask."""
        checks = [shape] if self.explainer.path(shape) is not None \
            else guarded_checks(self.shapes, shape)
        return tuple(self._ask(c, p, depth) for c in checks
                     if (p := self.explainer.path(c)) is not None and not self._forbids(c))

    def _node_asks(self, node_shape: Node) -> tuple[Ask, ...]:
        """The asks of a node shape's property shapes, in their display order (9.2.1's parts of a
        specification as the clause names them, checker/shape_order.py); a property it forbids
        (shp:InForce: no prov:invalidatedAtTime, a record in force) is no ask."""
        found = []
        for inner in in_display_order(self.shapes, self.shapes.objects(node_shape, SH.property)):
            if (path := self.explainer.path(inner)) is not None and not self._forbids(inner):
                found.append(self._ask(inner, path))
        return tuple(found)

    def _forbids(self, shape: Node) -> bool:
        """Whether a property shape allows no value along its path (sh:maxCount 0)."""
        return self.shapes.value(shape, SH.maxCount) == Literal(0)

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
        if inner is not None and self._is_form(inner) and (
                kind is AskKind.ANY or (inner, SH["not"], None) in s):
            # a value of a form its words describe, or of a class less a kind (8.2.5: an agent
            # other than the cultivation body), which the class alone would not say
            kind, expected = AskKind.FORM, (inner,)
        if inner is not None and depth < _DEPTH:
            then = merged_asks(self._ask(p, q, depth + 1)
                               for p in in_display_order(s, s.objects(inner, SH.property))
                               if (q := self.explainer.path(p)) is not None and not self._forbids(p))
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
