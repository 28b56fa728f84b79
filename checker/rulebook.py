"""The rulebook: requirement catalogue, SHACL shapes and the vocabulary they need, loaded once."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from . import __version__
from .dated_after import evidence_targets
from .rested_on import rest_links
from .diagnosis import Explainer
from .forking import settle_long_lived
from .guidance import read_guidance
from .errors import InputError
from .guidance_model import Guidance
from .i18n import Listed
from .language_tags import language_of
from .namespaces import BCIC, REQ
from .ontology import load_ontology_graph
from .paths import (ALL_ONTOLOGY_FILES, RULES_DIR_ENV, RULES_ROOT, SHAPES_DIR,
                    missing_rule_files)
from .shacl import Severity, ShapeEngine
from .unknown_terms import Vocabulary

if TYPE_CHECKING:
    from .rule_texts import RuleTexts

SH = Namespace("http://www.w3.org/ns/shacl#")
# What a shape is run on: the nodes of a class, named nodes, the subjects or objects of a property.
TARGET_PREDICATES = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)

# Predicates of the ontology that validation needs beside the data: the class hierarchy and the
# typing and broader links of the concept schemes (see docs/evidence.md).
_SUPPORT_PREDICATES = (RDFS.subClassOf, RDF.type, SKOS.broader)


class Level(Enum):
    """Normative level of a provision (docs/model.md, decision 1)."""

    SHALL = "shall"
    SHOULD = "should"
    MAY = "may"
    INFORMATIVE = "informative"


class Layer(Enum):
    """Layer of Figure 0.1 that a provision belongs to."""

    DRIVER = "driver"
    PROCESS = "process"
    RESULT = "result"


# The severity the shapes of a provision have, by its level: an informative one asks nothing, so
# its few shapes only warn (9.3.2 c), d): a cluster named as its own benchmark, decision 21).
SEVERITY_OF_LEVEL = {Level.SHALL: Severity.VIOLATION, Level.SHOULD: Severity.WARNING,
                     Level.MAY: Severity.INFO, Level.INFORMATIVE: Severity.WARNING}
LEVEL_BY_IRI = {BCIC.Shall: Level.SHALL, BCIC.Should: Level.SHOULD, BCIC.May: Level.MAY,
                BCIC.Informative: Level.INFORMATIVE}
LAYERS_BY_IRI = {BCIC.DriverLayer: Layer.DRIVER, BCIC.ProcessLayer: Layer.PROCESS,
           BCIC.ResultLayer: Layer.RESULT}


@dataclass(frozen=True)
class Requirement:
    """One provision of the catalogue, with the shapes that check it."""

    id: str
    iri: URIRef
    clause: str
    level: Level
    layer: Layer
    chapter: int
    label: dict[str, str]
    heading: dict[str, str]  # the standard's heading of its clause ({}: its label's title is bcic's)
    text: dict[str, str]
    actors: frozenset[URIRef]
    parent: str | None
    is_duty: bool
    review_prompt: dict[str, str] | None
    shapes: tuple[URIRef, ...]


@dataclass(frozen=True)
class Heading:
    """A chapter or numbered clause the standard gives a heading: a section that only heads the
    clauses numbered under it (4.2), or a provision's clause (4.1)."""

    id: str  # "4", "4.2", "4.2.1"
    heading: dict[str, str]  # the standard's words (zh), bcic's rendering (en)
    provision: bool  # a clause with text of its own (4.1), not a section (4.2)

    @property
    def depth(self) -> int:
        """0 for a chapter, 1 for 4.2, 2 for 6.1.1: how deep the standard numbers it."""
        return self.id.count(".")


@dataclass(frozen=True)
class Rulebook:
    """Everything a validation needs, parsed once and shared between validations."""

    version: str  # the maintainers' name for it (checker.__version__, the ontology's versionInfo)
    digest: str  # SHA-256 of the rule files it was read from (rules_digest): what it is
    requirements: dict[str, Requirement]
    headings: dict[str, Heading]  # the standard's chapters and headed clauses, in clause order
    shapes_graph: Graph
    support_graph: Graph
    shape_requirements: dict[URIRef, str]
    labels_graph: Graph = field(default_factory=Graph)  # the ontology, to name its terms
    files: tuple[Path, ...] = ()  # the rule files it was read from: where a mistake is written
    sources: tuple[str, ...] = ()  # their texts as read with it: places never read them again

    @functools.cached_property
    def texts(self) -> RuleTexts:
        """Its rule files' texts as it read them, masked once: where its mistakes and shapes are
        written, whatever the files say since (moved or edited without a reload)."""
        from .rule_texts import RuleTexts  # it names terms by rule_problem's prefixes: a cycle
        return RuleTexts(self.files, self.sources or None)

    @functools.cached_property
    def explainer(self) -> Explainer:
        """The shapes read to explain their results (checker/diagnosis.py)."""
        return Explainer(self.shapes_graph, self.labels_graph)

    @functools.cached_property
    def guidance(self) -> dict[str, Guidance]:
        """How to meet each requirement, read off its shapes (checker/guidance.py); an informative
        one asks nothing to meet, its shapes only warn (9.3.2 c))."""
        asking = {rid: r for rid, r in self.requirements.items() if r.level is not Level.INFORMATIVE}
        return read_guidance(asking, self.shapes_graph, self.labels_graph, self.explainer)

    @functools.cached_property
    def evidence_targets(self) -> dict[Node, frozenset[str]]:
        """Each class or duty the checking shapes target → their requirements: what a record of
        the class, or fulfilling the duty, is evidence for (checker/dated_after.py)."""
        return evidence_targets(self.shapes_graph, self.shape_requirements)

    @functools.cached_property
    def rest_links(self) -> tuple[tuple[Node, URIRef, Node, str], ...]:
        """(class, property, activity class, requirement): what a record of the class rests on
        for a provision, read off its shapes (checker/rested_on.py)."""
        return rest_links(self.shapes_graph, self.labels_graph, self.shape_requirements)

    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        """The terms the ontology defines under the standard's namespaces, to tell a misspelt
        one in a submission (checker/unknown_terms.py)."""
        return Vocabulary(self.labels_graph, self.shapes_graph)

    @functools.cached_property
    def engine(self) -> ShapeEngine:
        """The shapes as pyshacl parses them, built at the first validation and then reused."""
        engine = ShapeEngine(self.shapes_graph, self.support_graph)
        settle_long_lived()
        return engine

    def children(self, requirement_id: str) -> tuple[Requirement, ...]:
        """The list items whose lead-in is `requirement_id`, in catalogue order."""
        return tuple(r for r in self.requirements.values() if r.parent == requirement_id)


def headings_above(headings: Mapping[str, Heading], clause: str) -> tuple[Heading, ...]:
    """The headed chapter and clauses a clause is numbered under, outermost first: 6.1.1.1 →
    6 品牌培育战略, 6.1 品牌培育战略制定, 6.1.1 品牌定位."""
    parts = clause.split(".")
    prefixes = (".".join(parts[:n]) for n in range(1, len(parts)))
    return tuple(headings[p] for p in prefixes if p in headings)


def clause_sort_key(requirement_id: str) -> tuple[tuple[int, ...], str]:
    """Order provision ids as the standard does: 4.2.1 < 4.2.1-a < 4.2.10 < 5.1."""
    clause, _, item = requirement_id.partition("-")
    return tuple(int(part) for part in clause.split(".")), item


SHORT_DIGEST_CHARS = 12  # of a rulebook's digest, where people read it


def short_digest(digest: str) -> str:
    """A rulebook's digest as people read it: its first SHORT_DIGEST_CHARS hex digits."""
    return digest[:SHORT_DIGEST_CHARS]


def rule_files(shapes_dir: Path = SHAPES_DIR) -> tuple[Path, ...]:
    """Every file the rulebook is read from, in the order it is read: the ontology files, then
    the shapes files by name."""
    return (*ALL_ONTOLOGY_FILES, *sorted(shapes_dir.glob("*.ttl")))


def rules_digest(files: Sequence[Path]) -> str:
    """The SHA-256 (hex) of the rule files: each file's folder and name, then its bytes' own
    SHA-256, in the order given. Any change to a byte of one, or a file added, removed or
    renamed, gives another digest; the same files give the same one on any machine."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.parent.name}/{path.name}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# The rulebook of each shapes folder, read once per process (load_rulebook), or read again and
# checked by a reload (serve_rulebook).
_LOADED: dict[Path, Rulebook] = {}


def load_rulebook(shapes_dir: Path = SHAPES_DIR) -> Rulebook:
    """`read_rulebook`, once per process: rule files do not change at run time; a reload reads
    them again and serves what it read (`serve_rulebook`)."""
    if shapes_dir not in _LOADED:
        _LOADED[shapes_dir] = read_rulebook(shapes_dir)
    return _LOADED[shapes_dir]


def serve_rulebook(rulebook: Rulebook, shapes_dir: Path = SHAPES_DIR) -> None:
    """Make `rulebook` (the files of `shapes_dir` read again) what `load_rulebook` gives from now
    on, in this process."""
    _LOADED[shapes_dir] = rulebook


def refuse_missing_rule_files() -> None:
    """InputError when the rule files are not where BCIC_RULES_DIR said as bcic started (a
    folder naming no copy of both, or one deleted since: a reload reads that folder again, never
    another); the project's own are always there."""
    if missing := missing_rule_files():
        names = tuple({"zh": name, "en": name} for name in
                      (str(path.relative_to(RULES_ROOT)) for path in missing))
        raise InputError.of("error.rules_dir.missing", setting=RULES_DIR_ENV, folder=RULES_ROOT,
                            missing=Listed(names, {"zh": "、", "en": ", "}))


def read_rulebook(shapes_dir: Path = SHAPES_DIR) -> Rulebook:
    """Parse the ontology, catalogue and shapes as the files say now (not cached)."""
    files = rule_files(shapes_dir)
    sources = tuple(path.read_text(encoding="utf-8") for path in files)
    ontology = load_ontology_graph(ALL_ONTOLOGY_FILES)
    shapes = load_ontology_graph(files[len(ALL_ONTOLOGY_FILES):], "shapes")
    shape_requirements = {
        shape: str(req).removeprefix(str(REQ))
        for shape, req in shapes.subject_objects(BCIC.checksRequirement)
        if isinstance(shape, URIRef)
    }
    requirements = _read_requirements(ontology, shapes)
    support = Graph()
    for predicate in _SUPPORT_PREDICATES:
        for triple in ontology.triples((None, predicate, None)):
            support.add(triple)
    return Rulebook(__version__, rules_digest(files), requirements, _read_headings(ontology),
                    shapes, support, shape_requirements, ontology, files, sources)


def _read_headings(ontology: Graph) -> dict[str, Heading]:
    """Every chapter and clause with the standard's heading (bcic:heading), in clause order."""
    found = []
    for iri in set(ontology.subjects(BCIC.heading, None)):
        assert isinstance(iri, URIRef)
        found.append(Heading(str(ontology.value(iri, DCTERMS.identifier)),
                             _by_language(ontology, iri, BCIC.heading),
                             (iri, BCIC.normativeLevel, None) in ontology))
    found.sort(key=lambda h: clause_sort_key(h.id))
    return {h.id: h for h in found}


def _read_requirements(ontology: Graph, shapes: Graph) -> dict[str, Requirement]:
    """Each catalogued provision with its checking shapes: every shape linked to it, one linked
    to two provisions under both (rule_problems says TWO_REQUIREMENTS of it)."""
    by_requirement: dict[str, list[URIRef]] = {}
    for shape, req in sorted(shapes.subject_objects(BCIC.checksRequirement)):
        if isinstance(shape, URIRef):
            by_requirement.setdefault(str(req).removeprefix(str(REQ)), []).append(shape)
    found = []
    for iri in set(ontology.subjects(BCIC.normativeLevel, None)):
        frame = provision_frame(ontology, iri)
        if not isinstance(iri, URIRef) or frame is None:  # rule_problems names it
            continue
        rid = str(iri).removeprefix(str(REQ))
        parent = ontology.value(iri, BCIC.partOfProvision)
        found.append(Requirement(
            id=rid,
            iri=iri,
            clause=str(ontology.value(iri, BCIC.clauseId)),
            level=frame.level,
            layer=frame.layer,
            chapter=frame.chapter,
            label=_by_language(ontology, iri, RDFS.label),
            heading=_by_language(ontology, iri, BCIC.heading),
            text=_by_language(ontology, iri, BCIC.provisionText),
            actors=frozenset(o for o in ontology.objects(iri, BCIC.bindsActor)
                             if isinstance(o, URIRef)),
            parent=str(parent).removeprefix(str(REQ)) if parent is not None else None,
            is_duty=(iri, RDF.type, BCIC.Duty) in ontology,
            review_prompt=_by_language(shapes, iri, BCIC.reviewPrompt) or None,
            shapes=tuple(by_requirement.get(rid, ())),
        ))
    found.sort(key=lambda r: clause_sort_key(r.id))
    return {r.id: r for r in found}


@dataclass(frozen=True)
class ProvisionFrame:
    """Where the catalogue files a provision: its level, its layer of Figure 0.1, its chapter."""

    level: Level
    layer: Layer
    chapter: int


def provision_frame(ontology: Graph, iri: Node) -> ProvisionFrame | None:
    """The provision's frame, or None when it has not exactly one bcic:normativeLevel and one
    bcic:layer of those the catalogue knows, and one whole bcic:chapter: such a provision is
    read into no rulebook, and the rule problems say what is wrong (catalogue_problems)."""
    level = LEVEL_BY_IRI.get(_only_value(ontology, iri, BCIC.normativeLevel))  # type: ignore[arg-type]
    layer = LAYERS_BY_IRI.get(_only_value(ontology, iri, BCIC.layer))  # type: ignore[arg-type]
    chapter = whole_chapter(_only_value(ontology, iri, BCIC.chapter))
    if level is None or layer is None or chapter is None:
        return None
    return ProvisionFrame(level, layer, chapter)


def whole_chapter(value: Node | None) -> int | None:
    """A bcic:chapter value as the whole number it must be; None for anything else."""
    number = value.toPython() if isinstance(value, Literal) else None
    return number if isinstance(number, int) and not isinstance(number, bool) else None


def _only_value(graph: Graph, subject: Node, predicate: URIRef) -> Node | None:
    """The one object of (subject, predicate); None when there is none or more than one."""
    values = set(graph.objects(subject, predicate))
    return values.pop() if len(values) == 1 else None


def _by_language(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    return {lang: str(o) for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and (lang := language_of(o))}
