"""One provision as its rulebook page (`/rulebook/9.2.3`) and `bcic rules show` present it: the
provision with what checks it (checker/rulebook_document.py), its lead-in, its list items and the
headings it is numbered under; and the JSON document `bcic rules show --format json` writes
(its keys: docs/rules-show.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rdflib import URIRef

from .i18n import Lang, message
from .notation import is_part, provision_notation, provisions_listed, without_notation
from .rule_places import placed, places_in
from .rule_problem import RuleProblem, prefixed
from .rule_problems import problem_line
from .rulebook import Heading
from .rulebook_document import (LEVEL_LABELS, ProvisionEntry, RulebookDocument, ShapeEntry,
                                ShapeTarget)
from .shape_outline import Constraint, OutlineReader, ShapeOutline, nested_shapes
from .shape_places import ShapePlaces

_BOTH: tuple[Lang, ...] = ("zh", "en")  # every text's languages, the standard's first


@dataclass(frozen=True)
class AskedShape:
    """The shape a sheet was asked by: a checking shape of the provision, or a helper shape its
    checking shapes use."""

    iri: URIRef
    defined_at: str | None  # `shapes/common.ttl:258`
    helper: bool


@dataclass(frozen=True)
class SheetProblem:
    """A mistake of the rule files in the provision or in a shape of its sheet
    (checker/rule_problems.py), as `bcic rules coverage` says it, zh and en."""

    kind: str  # rules.problem.<kind>
    subject: str  # the shape, provision or term it is in, prefixed
    at: str | None  # where that is written: `shapes/ch8-branding.ttl:463`
    text: dict[str, str]  # an item's problem says the item: `of 4.2.1 a): error: …`
    items: tuple[str, ...] = ()  # the list items (or parts) whose shapes hold it: `4.2.1-a`


@dataclass(frozen=True)
class ProvisionSheet:
    """A provision with what checks it, its lead-in and its list items, in one rulebook."""

    provision: ProvisionEntry
    parent: ProvisionEntry | None  # the lead-in of a list item, the clause's provision of a part
    items: tuple[ProvisionEntry, ...]  # its list items, in catalogue order
    parts: tuple[ProvisionEntry, ...]  # its parts of another level (6.1.2.2's `6.1.2.2-may`)
    headings: tuple[Heading, ...]  # the headed chapter and clauses above it, outermost first
    manual_only: bool  # shall-level, no shape, no deciding item: only the evaluator checks it
    version: str  # of the rulebook
    digest: str
    outlines: Mapping[URIRef, ShapeOutline]  # each checking shape's path and constraints
    asked: AskedShape | None = None  # the shape it was asked by (`bcic rules show shp:…`)
    marked: frozenset[URIRef] = frozenset()  # that shape, or the checking shapes that use it
    problems: tuple[SheetProblem, ...] = ()  # the rule files' mistakes in it or its shapes

    @property
    def page(self) -> str:
        """The path of its rulebook page on bcic's web app."""
        return f"/rulebook/{self.provision.requirement.id}"

    @property
    def verbs_of(self) -> str | None:
        """The provision whose text writes its modal verbs: its own, or a list item's lead-in, whose
        verbs the item carries (docs/model.md, `bcic:modalVerb`); None when it has none."""
        return self.provision.verbs_of


def provision_sheet(document: RulebookDocument, requirement_id: str, *,
                    asked: URIRef | None = None, marked: frozenset[URIRef] = frozenset(),
                    problems: Sequence[RuleProblem] = ()) -> ProvisionSheet:
    """The sheet of a provision the document has (checker/rule_lookup.py finds its id, and the
    shape it was asked by with the shapes to mark), with those of the rule files' `problems`
    that are in it, its checking shapes or the shapes they nest; a part (6.1.2.2 [may]) is not
    one of its clause's list items: the standard writes one sentence."""
    provision = document.provisions[requirement_id]
    requirement = provision.requirement
    checking = {shape.iri for shape in provision.shapes}
    shape = AskedShape(asked, document.shape_place(asked), asked not in checking) \
        if asked is not None else None
    outlines = shape_outlines(document, [shape.iri for shape in provision.shapes])
    return ProvisionSheet(
        provision,
        document.provisions.get(requirement.parent) if requirement.parent else None,
        tuple(document.provisions[i] for i in provision.items if not is_part(i)),
        tuple(document.provisions[i] for i in provision.items if is_part(i)),
        document.headings_above(requirement.clause),
        requirement_id in document.summary.manual_only, document.version, document.digest,
        outlines, shape, marked, _problems_in(problems, requirement.iri, outlines, document)
        + _items_problems(document, requirement_id, problems))


def shape_outlines(document: RulebookDocument,
                   shapes: Iterable[URIRef]) -> dict[URIRef, ShapeOutline]:
    """Each of `shapes` (checking or helper shapes of the document), by IRI, with its path and
    constraints, the shapes it nests named with the file and line that write them."""
    graph = document.shapes_graph
    places = places_in({s for s in graph.subjects() if isinstance(s, URIRef)}, document.texts,
                       "shapes")
    reader = OutlineReader(graph, document.ontology, places, ShapePlaces(graph, document.texts))
    return {iri: reader.outline(iri) for iri in shapes}


def _problems_in(problems: Sequence[RuleProblem], provision: URIRef,
                 outlines: Mapping[URIRef, ShapeOutline],
                 document: RulebookDocument) -> tuple[SheetProblem, ...]:
    """The problems whose subject is the provision, one of its checking shapes, or a shape those
    nest, each with where it is written."""
    names = {prefixed(provision), *(prefixed(iri) for iri in outlines),
             *(name for outline in outlines.values() for name in nested_shapes(outline))}
    found = [p for p in problems if prefixed(p.subject) in names]
    return tuple(SheetProblem(p.problem.kind.value, prefixed(p.problem.subject), p.at, {
        lang: problem_line(p.problem, p.at, lang) for lang in _BOTH})
        for p in placed(found, document.texts))


def _items_problems(document: RulebookDocument, requirement_id: str,
                    problems: Sequence[RuleProblem]) -> tuple[SheetProblem, ...]:
    """The problems of its list items and parts, and theirs, however deep (4.2.1's a)–i), whose
    shapes its sheet spells out): each once, saying the items it is in."""
    found: dict[tuple[str, str, str], tuple[SheetProblem, list[str]]] = {}
    for rid in _below(document, requirement_id) if problems else ():  # a page has none
        provision = document.provisions[rid]
        outlines = shape_outlines(document, [shape.iri for shape in provision.shapes])
        for problem in _problems_in(problems, provision.requirement.iri, outlines, document):
            key = (problem.kind, problem.subject, problem.text["en"])
            found.setdefault(key, (problem, []))[1].append(rid)
    return tuple(SheetProblem(p.kind, p.subject, p.at, {
        lang: message("rules.show.problem_of_items", lang, items=provisions_listed(rids, lang),
                      problem=p.text[lang]) for lang in _BOTH}, tuple(rids))
        for p, rids in found.values())


def _below(document: RulebookDocument, requirement_id: str) -> list[str]:
    """Its list items and parts, each followed by its own, in catalogue order."""
    return [found for rid in document.provisions[requirement_id].items
            for found in (rid, *_below(document, rid))]


def sheet_document(sheet: ProvisionSheet) -> dict[str, Any]:
    """The sheet as JSON: every text in zh and en, terms by prefixed name and IRI; a thing it
    does not have is null (an object) or [] (a list)."""
    p, r = sheet.provision, sheet.provision.requirement
    return {
        "rulebook": {"version": sheet.version, "digest": sheet.digest},
        **_reference(p),
        "iri": str(r.iri),
        "clause": r.clause,
        "chapter": r.chapter,
        "layer": r.layer.value,
        "level_words": _both(LEVEL_LABELS[r.level]),
        "modal_verbs": list(p.modal_verbs),
        "modal_verbs_of": sheet.verbs_of,
        "level_note": _both(p.level_note) if p.level_note else None,
        "actors": [{"iri": str(actor), "name": prefixed(actor), "label": _both(label)}
                   for actor, label in p.actors],
        "actor_note": _both(p.actor_note) if p.actor_note else None,
        "title_source": "standard" if r.heading else "bcic",
        "headings": [{"id": h.id, "heading": _both(h.heading)} for h in sheet.headings],
        "text": _both(r.text),
        "defined_at": p.defined_at,
        "page": sheet.page,
        "parent": _reference(sheet.parent) if sheet.parent is not None else None,
        "items": [_reference(item) for item in sheet.items],
        "parts": [_reference(part) for part in sheet.parts],
        "problems": [{"kind": p.kind, "subject": p.subject, "at": p.at, "text": _both(p.text),
                      "items": list(p.items)} for p in sheet.problems],
        "asked_shape": _asked(sheet.asked),
        "shapes": [_shape(shape, sheet.outlines[shape.iri], shape.iri in sheet.marked)
                   for shape in p.shapes],
        "gap": p.gap,
        "manual_only": sheet.manual_only,
        "review_prompt": _both(r.review_prompt) if r.review_prompt else None,
        "prompt_at": p.prompt_at,
        "review_documents": _both(p.review_documents) if p.review_documents else None,
        "how_to": _both(p.how_to) if p.how_to else None,
    }


def _reference(p: ProvisionEntry) -> dict[str, Any]:
    """A provision by id, notation, level and title."""
    r = p.requirement
    return {"id": r.id, "notation": {lang: provision_notation(r.id, lang) for lang in _BOTH},
            "level": r.level.value,
            "title": {lang: without_notation(r.id, r.label.get(lang, "")) for lang in _BOTH}}


def _asked(asked: AskedShape | None) -> dict[str, Any] | None:
    """The shape the sheet was asked by, or None."""
    if asked is None:
        return None
    return {"iri": str(asked.iri), "name": prefixed(asked.iri), "defined_at": asked.defined_at,
            "helper": asked.helper}


def _shape(shape: ShapeEntry, outline: ShapeOutline, marked: bool) -> dict[str, Any]:
    return {
        "iri": str(shape.iri),
        "name": prefixed(shape.iri),
        "asked": marked,
        "defined_at": shape.defined_at,
        "targets": [_target(t) for t in shape.targets],
        "path": _path(outline),
        "constraints": [_constraint(c) for c in outline.constraints],
        "severity": shape.severity.value,
        "message": _both(shape.message),
        "fixture": {"kind": shape.fixture_kind, "text": _both(shape.fixture)}
        if shape.fixture_kind else None,
    }


def _path(outline: ShapeOutline) -> dict[str, Any] | None:
    """The path in SPARQL's syntax and its terms in words, or None (a node shape)."""
    if outline.path is None:
        return None
    return {"sparql": outline.path, "words": _both(outline.path_words)}


def _constraint(constraint: Constraint) -> dict[str, Any]:
    return {"kind": constraint.kind, "text": _both(constraint.text),
            "shapes": [_nested(shape) for shape in constraint.shapes]}


def _nested(outline: ShapeOutline) -> dict[str, Any]:
    """A shape a constraint nests: named, or written where it is used (`name` null)."""
    return {"name": outline.name, "label": _both(outline.label) if outline.label else None,
            "defined_at": outline.defined_at, "repeated": outline.repeated,
            "path": _path(outline), "constraints": [_constraint(c) for c in outline.constraints]}


def _target(target: ShapeTarget) -> dict[str, Any]:
    return {"kind": prefixed(target.kind), "term": prefixed(target.term), "iri": str(target.term),
            "label": _both(target.label) if target.label else None}


def _both(texts: dict[str, str]) -> dict[str, str]:
    """A text in zh and en, those two keys only."""
    return {lang: texts.get(lang, "") for lang in _BOTH}
