"""What `bcic rules coverage` says of each gap and, with `--prove`, of each proof failure: what
failed and why, in zh and en. Gaps are provisions or shapes the rulebook leaves unchecked or
unprovable; proof failures are fixture pairs (checker/coverage.py) that prove nothing, apart.
Each shape is named as the shapes files write it, with the file and line that describe it
(checker/rule_places.py), where a maintainer goes to mend it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rdflib import URIRef

from .coverage import BaseFailure, CoverageRow, FixtureProof
from .i18n import LANGUAGES, Lang, message
from .rule_problem import prefixed

Places = Mapping[URIRef, str]  # where the shapes files describe each shape: `shapes/ch8.ttl:12`


def gap_lines(row: CoverageRow, lang: Lang, places: Places) -> Iterator[str]:
    """Why the row is a gap: a shall-level provision nothing checks, or each shape of it that
    has no fixture."""
    rid = row.requirement.id
    missing = [shape for shape, fixture in row.fixtures if fixture is None]
    if not missing:
        yield message("rules.gap.unchecked", lang, id=rid)
    for shape in missing:
        yield message("rules.gap.no_fixture", lang, id=rid, shape=shape_at(shape, places, lang))


def proof_summary(shapes: Sequence[URIRef], base: Sequence[BaseFailure],
                  failed: Sequence[FixtureProof], lang: Lang) -> str:
    """How many of the shapes proved their fixture pairs prove, and the proof failures apart
    from gaps. A shape the conforming base already fails is proven by no pair: its twin failing
    it shows nothing."""
    unproven = {p.shape for p in failed} | {b.shape for b in base if b.shape in set(shapes)}
    return message("rules.proof.summary", lang, proven=len(shapes) - len(unproven),
                   shapes=len(shapes), failed=len(base) + len(failed), base=len(base),
                   pairs=len(failed))


def base_failure_line(failure: BaseFailure, lang: Lang, places: Places) -> str:
    """The conforming base fails a shall-level rule: the generator must learn it."""
    if failure.shape is None:
        return message("rules.proof.base_unmet", lang, id=failure.requirement_id)
    finding = failure.messages.get(lang) or next(
        (failure.messages[other] for other in LANGUAGES if other in failure.messages), "")
    return message("rules.proof.base", lang, id=failure.requirement_id,
                   shape=shape_at(failure.shape, places, lang), finding=finding)


def proof_failure_line(proof: FixtureProof, lang: Lang, places: Places) -> str:
    """Why a shape's fixture pair proves nothing (FixtureProof.failure)."""
    return message(f"rules.proof.{proof.failure}", lang, id=proof.requirement_id,
                   shape=shape_at(proof.shape, places, lang), kind=proof.kind)


def shape_at(shape: URIRef, places: Places, lang: Lang) -> str:
    """`shp:CrisisSources (shapes/ch8-branding.ttl:463)`; the name alone when no line of the
    shapes files opens with it (a shape made in a graph, not a file)."""
    place = places.get(shape)
    name = prefixed(shape)
    return message("rules.problem.at", lang, subject=name, place=place) if place else name
