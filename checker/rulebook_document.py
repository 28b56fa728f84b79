"""The rulebook as people read it: the standard's clauses in order, under the chapters and sections
the standard heads them with, each with its provisions, the shapes that check them (severity,
message, fixture) or the manual-review prompt, and the coverage figures; built once from the rule
files and shared by the web pages and any other client.
"""

from __future__ import annotations

import functools
import os
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from .coverage import CoverageRow, coverage_matrix
from .i18n import LANGUAGES
from .ingest import load_rules_into
from .labels import collect_labels
from .language_tags import language_of
from .namespaces import BCIC
from .notation import is_part, listed, without_notation
from .render.term_namer import TermNamer
from .render.guidance_view import GuidanceWriter, Pointer
from .rule_problems import refuse_rule_problems
from .rule_places import places_in
from .rule_texts import RuleTexts
from .rulebook import (SH, TARGET_PREDICATES, Heading, Level, Requirement, Rulebook,
                       headings_above, load_rulebook, read_rulebook, refuse_missing_rule_files,
                       serve_rulebook)
from .shacl import Severity, path_text
from .shape_guards import guarded_checks
from .store import Store

LEVEL_LABELS: dict[Level, dict[str, str]] = {
    Level.SHALL: {"zh": "应（要求）", "en": "shall (requirement)"},
    Level.SHOULD: {"zh": "宜（推荐）", "en": "should (recommendation)"},
    Level.MAY: {"zh": "可（允许）", "en": "may (permission)"},
    Level.INFORMATIVE: {"zh": "资料性", "en": "informative"},
}
_SEVERITIES = {SH.Violation: Severity.VIOLATION, SH.Warning: Severity.WARNING,
               SH.Info: Severity.INFO}
# What each fixture rule of checker/fixtures.py removes to make the non-conforming twin.
_FIXTURE_TEXT = {
    "remove-qualifying-evidence": {
        "en": "The twin removes the evidence counted along {path} that satisfies {qualifier}.",
        "zh": "反例删除沿 {path} 计数、且符合 {qualifier} 的证据。"},
    "unlink-qualifying-values": {
        "en": "The twin cuts each instance's link along {path} to the values that satisfy {qualifier}.",
        "zh": "反例删除每个实例沿 {path} 指向符合 {qualifier} 的值的链接。"},
    "strip-required-properties": {
        "en": "The twin strips the properties that {node} requires ({properties}) from each value.",
        "zh": "反例从每个值上删除 {node} 所要求的属性（{properties}）。"},
    "replace-values-with-text": {
        "en": "The twin writes each value along {path} as empty text, which {node} refuses.",
        "zh": "反例把沿 {path} 的每个值改写为空文本，{node} 不接受这样的值。"},
    "cut-path-to-required-value": {
        "en": "The twin cuts every route along {path} to the required value {value}.",
        "zh": "反例切断沿 {path} 通往必需值 {value} 的每条路径。"},
    "remove-counted-values": {
        "en": "The twin removes the values counted along {path}, so fewer than {count} remain.",
        "zh": "反例删除沿 {path} 计数的值，使其少于 {count} 个。"},
    "add-values-beyond-count": {
        "en": "The twin gives each instance more values along {path} than the {most} allowed.",
        "zh": "反例为每个实例沿 {path} 添加值，使其多于允许的 {most} 个。"},
    "name-itself": {
        "en": "The twin makes each instance name itself through {disjoint}, which it must not.",
        "zh": "反例使每个实例以 {disjoint} 指向其自身，而这是不允许的。"},
}


@dataclass(frozen=True)
class ShapeTarget:
    """What a shape is run on: a SHACL target (sh:targetClass …) with its term and the term's
    labels in the ontology ({}: it has none)."""

    kind: URIRef  # one of TARGET_PREDICATES
    term: Node
    label: dict[str, str]


@dataclass(frozen=True)
class ShapeEntry:
    """A shape that checks a provision: its targets, severity, message and fixture, and where
    the shapes files describe it."""

    iri: URIRef
    name: str
    requirement_id: str
    severity: Severity
    message: dict[str, str]
    fixture_kind: str | None  # None: no fixture rule fits (a coverage gap)
    fixture: dict[str, str]  # what the non-conforming twin removes, zh and en
    targets: tuple[ShapeTarget, ...]
    defined_at: str | None  # `shapes/ch9-performance.ttl:476` (rule_places.places_in)


@dataclass(frozen=True)
class ProvisionEntry:
    """One provision with what checks it."""

    requirement: Requirement
    modal_verbs: tuple[str, ...]  # as written, in the text's order: 6.1 (应当, 应)
    level_note: dict[str, str]
    actor_note: dict[str, str]
    actors: tuple[tuple[URIRef, dict[str, str]], ...]
    shapes: tuple[ShapeEntry, ...]
    items: tuple[str, ...]
    gap: bool
    how_to: dict[str, str]  # the evidence to record, read off the shapes, zh and en ({}: none)
    # What the evaluator will want to see for its review prompt, as a report's checklist says it
    # ({}: no prompt, or no record its shapes ask for).
    review_documents: dict[str, str]
    defined_at: str | None  # its catalogue entry: `ontology/requirements.ttl:2095`
    prompt_at: str | None  # its review prompt: `shapes/review.ttl:70`

    @property
    def verbs_of(self) -> str | None:
        """The provision whose text writes its modal verbs: its own, or a list item's lead-in, whose
        verbs the item carries (docs/model.md, `bcic:modalVerb`); None when it has none."""
        r = self.requirement
        if not self.modal_verbs:
            return None
        return r.parent if r.parent is not None and not is_part(r.id) else r.id


@dataclass(frozen=True)
class ClauseEntry:
    """A numbered clause: its lead-in provision first, then its list items (or its part)."""

    clause: str
    chapter: int
    title: dict[str, str]  # the standard's heading, else bcic's short title of its provision
    by_bcic: bool  # the title is bcic's: the standard gives the clause no heading (4.3.1)
    sections: tuple[Heading, ...]  # the sections it is numbered under below its chapter (4.2)
    provisions: tuple[ProvisionEntry, ...]


@dataclass(frozen=True)
class CoverageSummary:
    """Coverage at a glance, counted from the coverage matrix."""

    requirements: int
    by_level: dict[Level, int]
    shapes: int
    fixtures_by_kind: dict[str, int]
    manual_review: int
    manual_only: tuple[str, ...]  # shall-level provisions no shape checks, only the evaluator
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class RulebookDocument:
    """Everything the rulebook pages show, parsed once."""

    version: str
    digest: str  # SHA-256 of the rule files (Rulebook.digest)
    clauses: tuple[ClauseEntry, ...]
    provisions: dict[str, ProvisionEntry]
    headings: dict[str, Heading]  # the standard's chapters and headed clauses
    shapes: dict[str, ShapeEntry]
    summary: CoverageSummary
    ontology: Graph  # every ontology file
    shapes_graph: Graph  # every shapes file
    texts: RuleTexts = field(default_factory=lambda: RuleTexts(()))  # its rule files' texts as
    # read with its rulebook (Rulebook.texts): its pages never read the files again

    def shape_place(self, shape: URIRef) -> str | None:
        """Where the shapes files describe `shape`: `shapes/common.ttl:258`, or None."""
        return places_in([shape], self.texts, "shapes").get(shape)

    @property
    def chapter_titles(self) -> dict[int, dict[str, str]]:
        """The chapters the catalogue covers, by number, with the standard's headings."""
        return {int(h.id): h.heading for h in self.headings.values() if h.depth == 0}

    def headings_above(self, clause: str) -> tuple[Heading, ...]:
        """The headed chapter and clauses `clause` is numbered under, outermost first."""
        return headings_above(self.headings, clause)

    def section(self, clause: str) -> Heading | None:
        """The chapter or section (a heading with no provision of its own, 4.2) numbered `clause`."""
        heading = self.headings.get(clause)
        return heading if heading is not None and not heading.provision else None

    def clauses_under(self, section: str) -> tuple[ClauseEntry, ...]:
        """The clauses numbered under a chapter or section, in clause order (4.2: 4.2.1–4.2.3)."""
        return tuple(c for c in self.clauses if c.clause.startswith(section + "."))


_building = threading.Lock()  # threads asking at once wait for the one building it


def _fresh_building_lock() -> None:
    """A forked child starts with the lock free, whichever thread held it in the parent."""
    global _building
    _building = threading.Lock()


os.register_at_fork(after_in_child=_fresh_building_lock)


def load_rulebook_document() -> RulebookDocument:
    """The rulebook document of the rule files, built once (1–2 s; several seconds on a busy
    machine) however many threads ask for it at once; `reload_rules` makes it again."""
    with _building:
        return _built_document()


@functools.cache
def _built_document() -> RulebookDocument:
    rulebook = load_rulebook()  # its ontology as read with it, as its rule texts
    return build_rulebook_document(rulebook, rulebook.labels_graph)


def rules_to_reload() -> Rulebook:
    """The rule files read again, for `reload_rules`, from the folder bcic started with:
    InputError when they are not all there any more, or have mistakes (rule_problems), before
    any store is opened, or made, for them."""
    refuse_missing_rule_files()
    rulebook = read_rulebook()
    refuse_rule_problems(rulebook)
    return rulebook


def reload_rules(store: Store, rulebook: Rulebook) -> RulebookDocument:
    """Replace the store's rule graphs (ontology, catalogue, shapes) with `rulebook`'s (the files
    read again: `rules_to_reload`), then serve it and its document in this process from now on.
    InputError when it has mistakes: the store, and the rulebook this process serves and judges
    with, stay as they were."""
    load_rules_into(store, rulebook)
    serve_rulebook(rulebook)
    with _building:
        _built_document.cache_clear()
        return _built_document()


def build_rulebook_document(rulebook: Rulebook, ontology: Graph) -> RulebookDocument:
    """Join the coverage matrix with the shapes' own statements and the ontology's labels."""
    rows = coverage_matrix(rulebook)
    texts = rulebook.texts
    shape_places = places_in(rulebook.shape_requirements, texts, "shapes")
    shapes = {entry.name: entry for row in rows
              for entry in _shape_entries(rulebook, row, ontology, shape_places)}
    by_iri = {entry.iri: entry for entry in shapes.values()}
    hints, documents = _hints(rulebook)
    iris = [row.requirement.iri for row in rows]
    entries, prompts = (places_in(iris, texts, where) for where in ("ontology", "shapes"))
    provisions = {row.requirement.id: _provision(
        row, ontology, by_iri, hints.get(row.requirement.id, {}),
        documents.get(row.requirement.id, {}),
        (entries.get(row.requirement.iri), prompts.get(row.requirement.iri)))
        for row in rows}
    clauses: dict[str, list[ProvisionEntry]] = {}
    for provision in provisions.values():  # clause order: the matrix is in clause order
        clauses.setdefault(provision.requirement.clause, []).append(provision)
    entries = tuple(_clause(rulebook, items) for items in clauses.values())
    return RulebookDocument(rulebook.version, rulebook.digest, entries, provisions,
                            rulebook.headings, shapes, _summary(rows, rulebook), ontology,
                            rulebook.shapes_graph, texts)


def _clause(rulebook: Rulebook, provisions: list[ProvisionEntry]) -> ClauseEntry:
    """A clause titled by its own provision (the first: a lead-in comes before its items)."""
    first = provisions[0].requirement
    title = {lang: without_notation(first.id, label) for lang, label in first.label.items()}
    sections = tuple(h for h in headings_above(rulebook.headings, first.clause)
                     if h.depth and not h.provision)
    return ClauseEntry(first.clause, first.chapter, first.heading or title, not first.heading,
                       sections, tuple(provisions))


def shape_name(iri: URIRef | str) -> str:
    """The last segment of a shape IRI (its page name)."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def shape_page_name(asked: str) -> str:
    """The page name of a shape asked by its prefixed name (`shp:CrisisSources`, as `bcic rules
    show` takes it) or by its page name, which it is then already."""
    return asked.removeprefix("shp:")


def _summary(rows: list[CoverageRow], rulebook: Rulebook) -> CoverageSummary:
    levels = Counter(row.requirement.level for row in rows)
    kinds = Counter(f.kind if f else "none" for row in rows for _shape, f in row.fixtures)
    return CoverageSummary(
        requirements=len(rows),
        by_level={level: levels.get(level, 0) for level in Level},
        shapes=len(rulebook.shape_requirements),
        fixtures_by_kind=dict(sorted(kinds.items())),
        manual_review=sum(row.manual_review for row in rows),
        manual_only=tuple(row.requirement.id for row in rows if row.manual_only),
        gaps=tuple(row.requirement.id for row in rows if row.gap))


def _hints(rulebook: Rulebook) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """How to meet each provision that has guidance, zh and en, as a report words it (the same
    labels) but whole, with no lead-in's hint beside it, and no pointer: it is shown on the
    provision's own rulebook page, where the reports' hints point; and, for each with a review
    prompt, the records the evaluator will want to see, as a report's checklist says them."""
    guidance = rulebook.guidance
    labels = collect_labels((t for g in guidance.values() for t in g.terms),
                            rulebook.labels_graph, rulebook.shapes_graph)  # shapes: a form's words
    writers = [GuidanceWriter(TermNamer(labels, lang), pointer=Pointer.NONE)
               for lang in LANGUAGES]
    prompted = {rid: g for rid, g in guidance.items()
                if g.documents and rulebook.requirements[rid].review_prompt}
    return ({rid: {w.lang: w.how_to(g) for w in writers} for rid, g in guidance.items()},
            {rid: {w.lang: w.documents(g) for w in writers} for rid, g in prompted.items()})


def _provision(row: CoverageRow, ontology: Graph, shapes: dict[URIRef, ShapeEntry],
               how_to: dict[str, str], documents: dict[str, str],
               places: tuple[str | None, str | None]) -> ProvisionEntry:
    requirement = row.requirement
    verbs = _in_text_order((str(v) for v in ontology.objects(requirement.iri, BCIC.modalVerb)),
                          requirement.text.get("zh", ""))
    actors = tuple((actor, _texts(ontology, actor, RDFS.label))
                   for actor in sorted(requirement.actors))
    return ProvisionEntry(requirement, verbs, _texts(ontology, requirement.iri, BCIC.levelNote),
                          _texts(ontology, requirement.iri, BCIC.actorNote), actors,
                          tuple(shapes[iri] for iri in requirement.shapes), row.items, row.gap,
                          how_to, documents, defined_at=places[0], prompt_at=places[1])


def _in_text_order(verbs: Iterable[str], text: str) -> tuple[str, ...]:
    """Modal verbs in the order the zh text writes them, each at its first place that a longer
    one does not hold (6.1 「应当建立…应包括」: the 应 of 应当 is not the second verb)."""
    places: dict[str, int] = {}
    for verb in sorted(verbs, key=len, reverse=True):
        places[verb] = text.find(verb)
        text = text.replace(verb, "〇" * len(verb))
    return tuple(sorted(places, key=places.__getitem__))


def _shape_entries(rulebook: Rulebook, row: CoverageRow, ontology: Graph,
                   places: dict[URIRef, str]) -> list[ShapeEntry]:
    graph = rulebook.shapes_graph
    entries = []
    for shape, fixture in row.fixtures:
        severity = graph.value(shape, SH.severity, default=SH.Violation)
        terms = [(kind, term) for kind in TARGET_PREDICATES
                 for term in sorted(graph.objects(shape, kind))]
        labels = collect_labels((term for _, term in terms), ontology)  # as hints name them
        targets = tuple(ShapeTarget(kind, term, labels.get(term, {})) for kind, term in terms)
        entries.append(ShapeEntry(
            shape, shape_name(shape), row.requirement.id,
            _SEVERITIES[severity],  # type: ignore[index]
            _texts(graph, shape, SH.message), fixture.kind if fixture else None,
            fixture_text(graph, shape, fixture.kind) if fixture else {}, targets,
            places.get(shape)))
    return entries


def fixture_text(shapes: Graph, shape: URIRef, kind: str) -> dict[str, str]:
    """What the non-conforming twin of `shape` removes, in zh and en, naming the shape's terms (a
    guarded shape's: its check's)."""
    shape = next(iter(guarded_checks(shapes, shape)), shape)  # type: ignore[assignment]

    def name(node: Node | None) -> str:
        if isinstance(node, Literal):
            return str(node)
        return node.n3(shapes.namespace_manager) if isinstance(node, URIRef) else "—"

    path_node = shapes.value(shape, SH.path)
    node = shapes.value(shape, SH.node)
    values = {
        "path": path_text(shapes, path_node) if path_node is not None else "—",
        "qualifier": name(shapes.value(shape, SH.qualifiedValueShape)),
        "node": name(node),
        "value": name(shapes.value(shape, SH.hasValue)),
        "count": name(shapes.value(shape, SH.minCount)),
        "most": name(shapes.value(shape, SH.maxCount)),
        "disjoint": name(shapes.value(shape, SH.disjoint)),
    }
    # Only of a node the shape names: objects(None, …) would be every shape's, rendered in vain
    # for each shape (1.7 s of the document's 1.9 s).
    required = shapes.objects(node, SH.property) if node is not None else ()
    properties = sorted(path_text(shapes, shapes.value(p, SH.path)) or "—" for p in required)
    return {lang: text.format(**values, properties=listed(properties, lang))
            for lang, text in _FIXTURE_TEXT[kind].items()}



def _texts(graph: Graph, subject: Node, predicate: URIRef) -> dict[str, str]:
    return {lang: str(o) for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and (lang := language_of(o))}
