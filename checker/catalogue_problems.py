"""Mistakes of the catalogue, the checklist and the ontology that change reports without a word:
a review prompt for no catalogued provision or in one language only, a provision without exactly
one normative level, layer and chapter the catalogue knows, or filed under a chapter other than
its clause id's, an ontology term without its zh or en label, a version other than the
program's."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from . import __version__
from .namespaces import BCIC, IND, REQ
from .ontology import requirement_individuals
from .rule_problem import ProblemKind, RuleProblem, missing_languages, prefixed
from .rulebook import LAYERS_BY_IRI, LEVEL_BY_IRI, Rulebook, provision_frame, whole_chapter

_TERM_TYPES = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
               OWL.AnnotationProperty, RDF.Property)
_ONTOLOGY = URIRef(str(BCIC).rstrip("#"))


def catalogue_problems(rulebook: Rulebook) -> list[RuleProblem]:
    """Every such mistake, by kind, then by provision or term."""
    return [*_review_prompts(rulebook), *_frames(rulebook.labels_graph), *_chapters(rulebook),
            *_term_labels(rulebook.labels_graph), *_version(rulebook.labels_graph)]


def _review_prompts(rulebook: Rulebook) -> Iterator[RuleProblem]:
    """Review prompts of the checklist (shapes/review.ttl) for a subject the catalogue does not
    hold (`req:7.1.11`: 7.1.1 would lose its review and be met), or without one zh and one en
    text (an English report would print the Chinese one)."""
    shapes, ontology = rulebook.shapes_graph, rulebook.labels_graph
    provisions = {r.iri for r in rulebook.requirements.values()}
    ids = list(rulebook.requirements)
    for subject in sorted(set(shapes.subjects(BCIC.reviewPrompt, None))):
        if not isinstance(subject, URIRef):
            continue
        if subject not in provisions and (subject, RDF.type, BCIC.Requirement) not in ontology:
            close = difflib.get_close_matches(str(subject).removeprefix(str(REQ)), ids, n=1)
            yield RuleProblem(ProblemKind.ORPHAN_PROMPT, subject, {"term": prefixed(subject)},
                              prefixed(REQ[close[0]]) if close else None, "shapes")
            continue
        prompts = [p for p in shapes.objects(subject, BCIC.reviewPrompt) if isinstance(p, Literal)]
        missing, found = missing_languages(prompts)
        if missing:
            yield RuleProblem(ProblemKind.PROMPT_LANGUAGE, subject,
                              {"languages": tuple(missing), "found": tuple(found)},
                              folder="shapes")


def _frames(ontology: Graph) -> Iterator[RuleProblem]:
    """Catalogued provisions whose level, layer or chapter the rulebook cannot file them under
    (rulebook.provision_frame): not exactly one bcic:normativeLevel of the four levels (one with
    none is in no report and no coverage row, one with two is judged at either), not exactly one
    bcic:layer of Figure 0.1's three, not exactly one whole bcic:chapter. Such a provision is
    read into no rulebook."""
    wrong = [p for p in requirement_individuals(ontology) if provision_frame(ontology, p) is None]
    for provision in sorted(wrong):  # the few wrong ones only: sorting IRIs is slow
        levels = set(ontology.objects(provision, BCIC.normativeLevel))
        if len(levels) != 1 or not levels <= LEVEL_BY_IRI.keys():
            yield _frame_problem(ProblemKind.LEVEL, provision, levels)
        layers = set(ontology.objects(provision, BCIC.layer))
        if len(layers) != 1 or not layers <= LAYERS_BY_IRI.keys():
            yield _frame_problem(ProblemKind.LAYER, provision, layers)
        chapters = set(ontology.objects(provision, BCIC.chapter))
        if len(chapters) != 1 or whole_chapter(next(iter(chapters))) is None:
            yield _frame_problem(ProblemKind.CHAPTER, provision, chapters)


def _chapters(rulebook: Rulebook) -> Iterator[RuleProblem]:
    """Catalogued provisions whose bcic:chapter is not the chapter their bcic:clauseId is in
    (7.3.2 said to be in chapter 6): reports and the coverage would file them under another."""
    for requirement in rulebook.requirements.values():
        first = requirement.clause.partition(".")[0]
        if first.isdigit() and int(first) != requirement.chapter:
            yield RuleProblem(ProblemKind.WRONG_CHAPTER, requirement.iri, {
                "chapter": str(requirement.chapter), "clause": requirement.clause,
                "expected": first}, folder="ontology")


def _frame_problem(kind: ProblemKind, provision: URIRef, values: set[Node]) -> RuleProblem:
    """The problem of one part of a provision's frame, with the values it has ("-": none)."""
    shown = sorted(prefixed(v) if isinstance(v, URIRef) else repr(str(v)) for v in values)
    return RuleProblem(kind, provision, {"n": str(len(values)), "values": tuple(shown) or "-"},
                       folder="ontology")


def _term_labels(ontology: Graph) -> Iterator[RuleProblem]:
    """Classes and properties of the ontology (bcic:, ind:) without one rdfs:label in zh and
    one in en: reports and hints name a term by its label in their language."""
    terms = {s for t in _TERM_TYPES for s in ontology.subjects(RDF.type, t)
             if isinstance(s, URIRef) and str(s).startswith((str(BCIC), str(IND)))}
    said = {term: missing_languages([o for o in ontology.objects(term, RDFS.label)
                                     if isinstance(o, Literal)]) for term in terms}
    for term in sorted(t for t, (missing, _found) in said.items() if missing):
        missing, found = said[term]
        yield RuleProblem(ProblemKind.TERM_LABEL, term,
                          {"languages": tuple(missing), "found": tuple(found) or "-"},
                          folder="ontology")


def _version(ontology: Graph) -> Iterator[RuleProblem]:
    """owl:versionInfo and the end of owl:versionIRI of ontology/bcic.ttl, which must name the
    program's __version__ (README, "Making a new rulebook version")."""
    info = [str(v) for v in ontology.objects(_ONTOLOGY, OWL.versionInfo)]
    iris = [str(v) for v in ontology.objects(_ONTOLOGY, OWL.versionIRI)]
    for prop, said, right in ((OWL.versionInfo, info, info == [__version__]),
                              (OWL.versionIRI, iris, len(iris) == 1 and _ends_in_version(iris[0]))):
        if not right:
            yield RuleProblem(ProblemKind.VERSION, _ONTOLOGY, {
                "property": prefixed(prop), "found": tuple(said) or "-",
                "expected": __version__}, folder="ontology")


def _ends_in_version(iri: str) -> bool:
    return iri.endswith("/" + __version__)
