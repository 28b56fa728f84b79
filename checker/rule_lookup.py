"""A provision or a shape as a rule maintainer names it on the command line (`bcic rules show`,
`bcic rules coverage --only`).

A provision by its id (`8.3.4-2`), in the standard's notation (`8.3.4 —2`, `6.2 d)`,
`6.1.2.2 [may]` or `〔可〕`: checker/notation.py), by IRI or prefixed name (`req:8.3.4-2`, as Turtle
and the named queries' tables write it), or by the path of its rulebook page (`/rulebook/8.3.4-2`);
a checking shape by IRI, prefixed name (`shp:MeasurementPeriod`) or local name. One the rulebook
does not have is refused (exit 2) with the nearest it has; a heading of the standard (4.2) with
the provisions numbered under it. `bcic rules show` also takes any shape, and shows the provision
it expresses with the shape marked.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Node

from .errors import NotFoundError
from .i18n import LANGUAGES, Listed, Localized, phrase
from .labels import cut_text
from .namespaces import SHP, named_term
from .namespaces import REQ
from .notation import notation_id, provision_notation
from .rule_problem import prefixed
from .rule_problems import problems_of, problems_said
from .rulebook import Rulebook
from .shape_reference_problems import is_shape

_NEAREST = 3  # the ids or shapes a refusal suggests, at most
_LISTED_MOST = 10  # the provisions a refusal lists, at most (a helper shape 83 provisions use)
_PATHS = ("/req/gbt-draft/", "/rulebook/")  # a provision's IRI or page, on any host
_LISTED = {"zh": "、", "en": ", "}
# A byte of the command line that was not UTF-8 (Python keeps it as a lone surrogate), or any
# other surrogate: said as the replacement character, as click says an undecodable file name.
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class ProofScope:
    """What `bcic rules coverage --only` narrows the matrix and the proof to: a provision's row
    and its shapes, with those of its list items and parts (a lead-in, 4.2.1, is checked through
    them), or one shape with its provision's row; several of these, joined."""

    requirement_ids: tuple[str, ...]  # the rows, in catalogue order
    shapes: tuple[URIRef, ...]  # in the order asked, each once


@dataclass(frozen=True)
class SheetAsked:
    """What `bcic rules show` shows: a provision, and the shape it was asked by, if any, with the
    shapes to mark: the shape itself, or the checking shapes of the provision that use it."""

    requirement_id: str
    shape: URIRef | None = None
    marked: frozenset[URIRef] = frozenset()


def find_sheet(rulebook: Rulebook, asked: str) -> SheetAsked:
    """The provision `asked` names, or the provision a shape `asked` names expresses (by IRI,
    prefixed name or local name: a checking shape's provision, or the one provision whose
    checking shapes use a helper shape); NotFoundError (exit 2) for a helper shape no provision's
    shapes use (naming the mistake, file and line, when it has constraints: it checks nothing) or
    several do (naming them), a heading, or a name the rulebook does not have."""
    shape = _shape_asked(rulebook, asked)
    if shape is None:
        if provision_asked(asked) is None:
            raise NotFoundError.of("error.rulebook.unknown_rule", asked=_said(asked),
                                   version=rulebook.version,
                                   nearest=_nearest_shapes(rulebook, asked.strip(), helpers=True))
        return SheetAsked(find_provision(rulebook, asked))
    if shape in rulebook.shape_requirements:
        return SheetAsked(_read_provision(rulebook, asked, shape), shape, frozenset({shape}))
    users = checking_users(rulebook, shape)
    provisions = [r for r in rulebook.requirements
                  if r in {rulebook.shape_requirements[u] for u in users}]
    if not provisions:
        _refuse_mistaken(rulebook, asked, {shape})  # checks nothing (ORPHAN_SHAPE)
    if len(provisions) != 1:
        raise NotFoundError.of("error.rulebook.helper_shared" if provisions
                               else "error.rulebook.helper_unused", shape=prefixed(shape),
                               n=len(provisions), provisions=_listed(provisions[:_LISTED_MOST]),
                               more_said=phrase("error.rulebook.and_more",
                                                n=len(provisions) - _LISTED_MOST)
                               if len(provisions) > _LISTED_MOST else "")
    return SheetAsked(provisions[0], shape, frozenset({shape, *users}))


def checking_users(rulebook: Rulebook, helper: URIRef) -> frozenset[URIRef]:
    """The checking shapes that use `helper`, however deep (sh:node, sh:property, a member of
    an sh:or list …): walked up from it through whatever refers to each node."""
    graph, checking = rulebook.shapes_graph, rulebook.shape_requirements
    seen: set[Node] = {helper}
    todo: list[Node] = [helper]
    found: set[URIRef] = set()
    while todo:
        for user in graph.subjects(None, todo.pop()):
            if user in seen:
                continue
            seen.add(user)
            if user in checking:
                found.add(user)  # type: ignore[arg-type]
            else:
                todo.append(user)
    return frozenset(found)


def find_provision(rulebook: Rulebook, asked: str) -> str:
    """The id of the provision `asked` names; NotFoundError (exit 2) when the catalogue has none,
    suggesting the nearest ids."""
    rid = provision_asked(asked)
    if rid in rulebook.requirements:
        return rid
    _refuse_heading(rulebook, rid)
    if rid is not None:
        _refuse_mistaken(rulebook, asked, {REQ[rid]})
    raise NotFoundError.of("error.rulebook.unknown_provision", asked=_said(asked),
                           version=rulebook.version,
                           nearest=_nearest_provisions(rulebook, rid or asked.strip()))


def proof_scope(rulebook: Rulebook, asked: Iterable[str]) -> ProofScope:
    """The provisions and checking shapes `asked` names (`--only`, once or more), joined;
    NotFoundError (exit 2) at the first that is a helper shape, a heading, or a name the rulebook
    does not have."""
    scopes = [_one_scope(rulebook, each) for each in asked]
    rows = {rid for scope in scopes for rid in scope.requirement_ids}
    return ProofScope(tuple(r for r in rulebook.requirements if r in rows),
                      tuple(dict.fromkeys(s for scope in scopes for s in scope.shapes)))


def _one_scope(rulebook: Rulebook, asked: str) -> ProofScope:
    """The provision, with its items and parts, or the checking shape `asked` names."""
    shape = _shape_asked(rulebook, asked)
    if shape is not None:
        if shape not in rulebook.shape_requirements:
            _refuse_mistaken(rulebook, asked, {shape})  # checks nothing (ORPHAN_SHAPE)
            raise NotFoundError.of("error.rulebook.helper_shape", shape=prefixed(shape))
        return ProofScope((_read_provision(rulebook, asked, shape),), (shape,))
    rid = provision_asked(asked)
    if rid in rulebook.requirements:
        under = _with_items(rulebook, rid)
        return ProofScope(under, tuple(s for r in under for s in rulebook.requirements[r].shapes))
    _refuse_heading(rulebook, rid)
    if rid is not None:
        _refuse_mistaken(rulebook, asked, {REQ[rid]})
    nearest = (_nearest_provisions(rulebook, rid) if rid is not None
               else _nearest_shapes(rulebook, asked.strip()))
    raise NotFoundError.of("error.rulebook.unknown_rule", asked=_said(asked),
                           version=rulebook.version, nearest=nearest)


def _read_provision(rulebook: Rulebook, asked: str, shape: URIRef) -> str:
    """The id of the provision the checking shape names; NotFoundError (exit 2) naming the
    mistake when the rulebook could not read it: a bcic:checksRequirement naming no catalogued
    provision (req:9.2.33) or a heading (req:9.2), or a catalogue entry with a mistake."""
    rid = rulebook.shape_requirements[shape]
    if rid not in rulebook.requirements:
        _refuse_mistaken(rulebook, asked, {shape, REQ[rid]})
        raise NotFoundError.of("error.rulebook.unknown_provision", asked=_said(asked),
                               version=rulebook.version,
                               nearest=_nearest_provisions(rulebook, rid))
    return rid


def _refuse_mistaken(rulebook: Rulebook, asked: str, subjects: set[URIRef]) -> None:
    """NotFoundError (exit 2) listing the rule files' mistakes in `subjects` (a shape, a
    provision) as `bcic rules coverage` says them, each with its file and line, when any: what
    such a mistake keeps out of the rulebook cannot be shown or proved."""
    found = [p for p in problems_of(rulebook) if p.subject in subjects]
    if found:
        raise NotFoundError.of("error.rulebook.mistaken_rule", asked=_said(asked), n=len(found),
                               problems=problems_said(found, rulebook.texts))


def _with_items(rulebook: Rulebook, rid: str) -> tuple[str, ...]:
    """The provision, then its list items and parts, each followed by its own (9.1.4 c) —3)."""
    return (rid, *(r for child in rulebook.children(rid) for r in _with_items(rulebook, child.id)))


def provision_asked(asked: str) -> str | None:
    """The provision id `asked` has the form of (not necessarily one the catalogue has): its
    IRI or page path less what comes before the id, `req:` less, then read as the notation."""
    text = asked.strip().removeprefix("<").removesuffix(">")
    for path in _PATHS:
        text = text.rsplit(path, 1)[-1]
    return notation_id(text.removeprefix("req:").split("?")[0].split("#")[0])


def _shape_asked(rulebook: Rulebook, asked: str) -> URIRef | None:
    """The shape `asked` names by IRI, prefixed name or local name, when the shapes describe it."""
    text = asked.strip().removeprefix("<").removesuffix(">")
    name = text.removeprefix(str(SHP)).removeprefix("shp:")
    shape = named_term(SHP, name)
    return shape if shape is not None and (shape, None, None) in rulebook.shapes_graph else None


def _said(asked: str) -> str:
    """What was asked, as a refusal quotes it: no lone surrogate (`\\udcff`) but U+FFFD, and cut
    at NAME_CHARS characters as other long input is."""
    return cut_text(_SURROGATES.sub("\ufffd", asked.strip()))[0]


def _refuse_heading(rulebook: Rulebook, rid: str | None) -> None:
    """NotFoundError naming the provisions under `rid` when it is a heading of the standard with
    no text of its own (a chapter, 4.2)."""
    heading = rulebook.headings.get(rid or "")
    if heading is None or heading.provision:
        return
    under = [r.id for r in rulebook.requirements.values()
             if r.parent is None and r.clause.startswith(heading.id + ".")]
    raise NotFoundError.of("error.rulebook.section_asked", asked=heading.id,
                           provisions=_listed(under))


def _nearest_provisions(rulebook: Rulebook, written: str) -> Localized | str:
    """"; did you mean 9.2.3?" with the ids nearest in spelling, in the notation ("" if none)."""
    return _did_you_mean(difflib.get_close_matches(written, list(rulebook.requirements),
                                                   n=_NEAREST), provision=True)


def _nearest_shapes(rulebook: Rulebook, written: str, helpers: bool = False) -> Localized | str:
    """"; did you mean shp:MeasurementPeriod?" with the checking shapes nearest in spelling, and
    the helper shapes (`shp:IsDate`, which `sh:node` names) too when `helpers`."""
    among = None if helpers else rulebook.shape_requirements
    return nearest_shapes_said(nearest_shapes(rulebook.shapes_graph, written, among))


def nearest_shapes(shapes: Graph, written: str,
                   among: Iterable[URIRef] | None = None) -> list[URIRef]:
    """The shapes of `among` (else every shape the shapes graph names shp:…) nearest in
    spelling to `written` (an IRI, a prefixed or a local name, case aside), at most three:
    what `bcic rules show` and the rulebook's page of an unknown shape suggest."""
    names = {str(s).removeprefix(str(SHP)).lower(): s for s in sorted(
        {s for s in shapes.subjects() if isinstance(s, URIRef) and s.startswith(str(SHP))
         and is_shape(shapes, s)} if among is None else set(among))}
    name = written.strip().removeprefix(str(SHP)).removeprefix("shp:").lower()
    return [names[c] for c in difflib.get_close_matches(name, list(names), n=_NEAREST)]


def nearest_shapes_said(nearest: list[URIRef]) -> Localized | str:
    """"; did you mean shp:MeasurementPeriod?" naming `nearest` ("" when none)."""
    return _did_you_mean([prefixed(s) for s in nearest], provision=False)


def _did_you_mean(found: list[str], provision: bool) -> Localized | str:
    if not found:
        return ""
    return phrase("rules.problem.did_you_mean",
                  term=_listed(found) if provision else Listed(
                      tuple({lang: name for lang in LANGUAGES} for name in found), _LISTED))


def _listed(requirement_ids: Iterable[str]) -> Listed:
    """Provision ids in the notation, listed as each language lists them."""
    return Listed(tuple({lang: provision_notation(rid, lang) for lang in LANGUAGES}
                        for rid in requirement_ids), _LISTED)
