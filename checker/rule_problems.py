"""The maintainer's mistakes in the rule files that no validation would show (rule_problems):
each would change verdicts, or their words, while validation goes on as if nothing were wrong.
A rulebook with any judges no submission and goes into no store (refuse_rule_problems)."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from .catalogue_problems import catalogue_problems
from .errors import InputError
from .i18n import Lang, Localized, message
from .language_tags import language_of
from .namespaces import BCIC, REQ
from .notation import listed, renders
from .rule_places import Placed, duplicate_shapes, placed
from .rule_problem import ProblemKind, RuleProblem, missing_languages, prefixed
from .rule_texts import RuleTexts
from .rulebook import SEVERITY_OF_LEVEL, SH, TARGET_PREDICATES, Rulebook, short_digest
from .shacl_parameter_problems import shacl_parameter_problems
from .shape_reference_problems import shape_reference_problems
from .shape_term_problems import named_shape, named_terms, shape_term_problems
from .sparql_problems import sparql_problems
from .unknown_terms import TermUse

_SEVERITY_IRI = {level: SH[severity.value.capitalize()]
                 for level, severity in SEVERITY_OF_LEVEL.items()}


def rule_problems(rulebook: Rulebook) -> list[RuleProblem]:
    """Every mistake of these kinds in the rulebook's shapes and catalogue, by kind, then by
    shape: each would change verdicts (or their words) while validation goes on as if nothing
    were wrong."""
    shapes = rulebook.shapes_graph
    return [*_requirement_links(rulebook), *_unlinked_shapes(shapes),
            *_unknown_terms(rulebook), *shape_term_problems(rulebook),
            *shape_reference_problems(rulebook), *sparql_problems(shapes),
            *shacl_parameter_problems(shapes),
            *duplicate_shapes(shapes, rulebook.texts), *_messages(rulebook),
            *_severities(rulebook),
            *(RuleProblem(ProblemKind.BAD_ID, r.iri, {"id": r.id})
              for r in rulebook.requirements.values() if not renders(r.id)),
            *catalogue_problems(rulebook)]


# The mistakes of each rulebook this process was asked about, by its digest: the digest names
# the rule files' bytes, so one digest has one set of mistakes. Finding them takes about 40 ms,
# and every validation, ingest and reload asks (docs/model.md, decision 16).
_FOUND: dict[str, tuple[RuleProblem, ...]] = {}


def problems_of(rulebook: Rulebook) -> tuple[RuleProblem, ...]:
    """`rule_problems` of the rulebook, found once per process for each rulebook digest."""
    found = _FOUND.get(rulebook.digest)
    if found is None:
        found = _FOUND[rulebook.digest] = tuple(rule_problems(rulebook))
    return found


def refuse_rule_problems(rulebook: Rulebook) -> None:
    """InputError listing every mistake in the rulebook's files, each with its shape (or
    provision), file and line, when it has any: such a rulebook judges no submission and is
    loaded into no store, whatever asks (validate, ingest, recheck, reload, the web app)."""
    if problems := problems_of(rulebook):
        raise InputError.of("error.rulebook.mistakes", n=len(problems), version=rulebook.version,
                            digest=short_digest(rulebook.digest),
                            problems=problems_said(problems, rulebook.texts))


@dataclass(frozen=True)
class ProblemsSaid(Localized):
    """Mistakes in the rule files, a line each, as `bcic rules coverage` and every refusal list
    them: `error: shp:X (shapes/ch8-branding.ttl:12): what is wrong; did you mean …?`."""

    problems: tuple[Placed, ...]  # each as written, with where

    def text(self, lang: Lang) -> str:
        """The lines in `lang`, each indented by two spaces."""
        return "\n".join("  " + problem_line(p.problem, p.at, lang) for p in self.problems)


def problems_said(problems: Sequence[RuleProblem], texts: RuleTexts) -> ProblemsSaid:
    """The mistakes, each as written in `texts` (the rulebook's) and where."""
    return ProblemsSaid(tuple(placed(problems, texts)))


def problem_line(problem: RuleProblem, place: str | None, lang: Lang) -> str:
    """A mistake in the rule files, naming the shape or provision and where it is written."""
    values = {name: listed(value, lang) if isinstance(value, tuple) else value
              for name, value in problem.values.items()}
    if "use" in values:
        values["use"] = message(f"report.terms.use.{values['use']}", lang)
    # A key of the words that say it, in the order they name one another (a pattern's
    # construct and what to write instead, in what SHACL takes and the engine does).
    for localized in ("construct", "instead", "takes", "effect", "extension"):
        if localized in values:
            values[localized] = message(f"rules.problem.{localized}.{values[localized]}", lang,
                                        **values)
    if values.get("provisions") == "":
        values["provisions"] = message("rules.problem.no_provisions", lang)
    key = f"rules.problem.{problem.kind.value}"
    said = message(f"{key}.{problem.wording}" if problem.wording else key, lang, **values)
    if problem.suggestion is not None:
        meant = problem.suggestion
        said += message("rules.problem.did_you_mean", lang,
                        term=listed(meant, lang) if isinstance(meant, tuple) else meant)
    subject = prefixed(problem.subject)
    where = message("rules.problem.at", lang, subject=subject, place=place) if place else subject
    return message("rules.problem", lang, where=where, what=said)


def _requirement_links(rulebook: Rulebook) -> Iterator[RuleProblem]:
    """Shapes linked to a provision the catalogue does not hold (a typo, `req:8.26`): their
    results would count for nothing, and the provision they meant would lose its check."""
    ids = list(rulebook.requirements)
    for shape, target in sorted(rulebook.shapes_graph.subject_objects(BCIC.checksRequirement)):
        rid = str(target).removeprefix(str(REQ))
        if (not isinstance(shape, URIRef) or rid in rulebook.requirements
                or (target, RDF.type, BCIC.Requirement) in rulebook.labels_graph):
            continue  # a catalogued provision left out for want of its level: LEVEL says so
        if rid in rulebook.headings:  # a section (8.2): its provisions are what a shape checks
            yield RuleProblem(ProblemKind.SECTION_REQUIREMENT, shape, {
                "term": prefixed(target), "provisions": tuple(
                    prefixed(REQ[r]) for r in ids if r.rpartition(".")[0] == rid)})
        else:
            close = difflib.get_close_matches(rid, ids, n=1)
            yield RuleProblem(ProblemKind.UNKNOWN_REQUIREMENT, shape, {"term": prefixed(target)},
                              prefixed(REQ[close[0]]) if close else None)


def _unlinked_shapes(shapes: Graph) -> Iterator[RuleProblem]:
    """Shapes the engine runs (a target) or whose results say how grave they are (a severity)
    that name no requirement: build_report drops their results. The deactivated shapes of
    shapes/report-date.ttl, which no engine runs, are not asked (docs/model.md, decision 11)."""
    candidates = {s for p in (*TARGET_PREDICATES, SH.severity) for s in shapes.subjects(p, None)}
    for shape in sorted(s for s in candidates if isinstance(s, URIRef)):
        if ((shape, BCIC.checksRequirement, None) not in shapes
                and (shape, SH.deactivated, Literal(True)) not in shapes):
            yield RuleProblem(ProblemKind.UNLINKED_SHAPE, shape)


def _unknown_terms(rulebook: Rulebook) -> Iterator[RuleProblem]:
    """Terms of the standard's namespaces that a shape walks, targets or asks for and that the
    ontology, the indicator scheme and the catalogue do not define (`bcic:findng`): such a shape
    fails every submission, or targets nothing (checker/unknown_terms.py tells them in data).
    Each node naming one is a mistake of its own, placed at its statement (decision 16)."""
    shapes, vocabulary = rulebook.shapes_graph, rulebook.vocabulary
    seen: set[tuple[Node, URIRef]] = set()
    found = []
    for holder, term, use, under in named_terms(shapes):
        shape = named_shape(shapes, holder)
        if shape is None or (holder, term) in seen or not vocabulary.is_unknown(term):
            continue
        seen.add((holder, term))
        close = vocabulary.closest(term, use) or vocabulary.closest(term, TermUse.CLASS)
        found.append(RuleProblem(ProblemKind.UNKNOWN_TERM, shape,
                                 {"term": prefixed(term), "use": use.value},
                                 prefixed(close) if close is not None else None,
                                 statement=(prefixed(under), prefixed(term)), node=str(holder)))
    yield from sorted(found, key=lambda p: (p.subject, p.values["term"], p.values["use"]))


def _messages(rulebook: Rulebook) -> Iterator[RuleProblem]:
    """Checking shapes without an sh:message in zh or in en (an English report would print the
    Chinese one), or whose message in a language does not cite the clause of a provision the
    shape is linked to (each linked one, each said once)."""
    shapes = rulebook.shapes_graph
    clauses: dict[URIRef, set[str]] = defaultdict(set)
    for requirement in rulebook.requirements.values():
        for shape in requirement.shapes:
            clauses[shape].add(requirement.clause)
    for shape in sorted(rulebook.shape_requirements):
        messages = [m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)]
        missing, found = missing_languages(messages)  # the shape's own: SHACL gives each its own
        tagged = {tag.lower() for tag in found}  # tagged yet "missing": twice, DUPLICATE_MESSAGE
        missing = [lang for lang in missing if lang not in tagged]
        if missing:
            yield RuleProblem(ProblemKind.NO_MESSAGE, shape, {
                "languages": tuple(missing), "found": tuple(found) or "-"})
        uncited = {(language_of(text) or "-", clause)
                   for clause in clauses[shape] for text in messages if clause not in str(text)}
        for lang, clause in sorted(uncited):
            yield RuleProblem(ProblemKind.MESSAGE_CLAUSE, shape, {"lang": lang, "clause": clause})


def _severities(rulebook: Rulebook) -> Iterator[RuleProblem]:
    """Checking shapes whose severity is not the one their requirement's level asks for: a
    shall-level shape at sh:Info would never make a gap."""
    for shape, rid in sorted(rulebook.shape_requirements.items()):
        requirement = rulebook.requirements.get(rid)
        if requirement is None:
            continue
        expected = _SEVERITY_IRI.get(requirement.level)
        severity = rulebook.shapes_graph.value(shape, SH.severity)
        if expected is not None and severity != expected:
            yield RuleProblem(ProblemKind.SEVERITY, shape, {
                "severity": prefixed(severity) if severity else "-",
                "expected": prefixed(expected),
                "requirement": prefixed(requirement.iri), "level": requirement.level.value})
