"""What `bcic rules coverage` says of each gap and, with `--prove`, of each proof failure: what
failed and why, in zh and en. Gaps are provisions or shapes the rulebook leaves unchecked or
unprovable; proof failures are fixture pairs (checker/coverage.py) that prove nothing, apart."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rdflib import URIRef

from .coverage import BaseFailure, CoverageRow, FixtureProof
from .i18n import LANGUAGES, Lang, message


def gap_lines(row: CoverageRow, lang: Lang) -> Iterator[str]:
    """Why the row is a gap: a shall-level provision nothing checks, or each shape of it that
    has no fixture."""
    rid = row.requirement.id
    missing = [shape for shape, fixture in row.fixtures if fixture is None]
    if not missing:
        yield message("rules.gap.unchecked", lang, id=rid)
    for shape in missing:
        yield message("rules.gap.no_fixture", lang, id=rid, shape=shape)


def proof_summary(shapes: Sequence[URIRef], base: Sequence[BaseFailure],
                  failed: Sequence[FixtureProof], lang: Lang) -> str:
    """How many of the shapes proved their fixture pairs prove, and the proof failures apart
    from gaps. A shape the conforming base already fails is proven by no pair: its twin failing
    it shows nothing."""
    unproven = {p.shape for p in failed} | {b.shape for b in base if b.shape in set(shapes)}
    return message("rules.proof.summary", lang, proven=len(shapes) - len(unproven),
                   shapes=len(shapes), failed=len(base) + len(failed), base=len(base),
                   pairs=len(failed))


def base_failure_line(failure: BaseFailure, lang: Lang) -> str:
    """The conforming base fails a shall-level rule: the generator must learn it."""
    if failure.shape is None:
        return message("rules.proof.base_unmet", lang, id=failure.requirement_id)
    finding = failure.messages.get(lang) or next(
        (failure.messages[other] for other in LANGUAGES if other in failure.messages), "")
    return message("rules.proof.base", lang, id=failure.requirement_id, shape=failure.shape,
                   finding=finding)


def proof_failure_line(proof: FixtureProof, lang: Lang) -> str:
    """Why a shape's fixture pair proves nothing (FixtureProof.failure)."""
    return message(f"rules.proof.{proof.failure}", lang, id=proof.requirement_id,
                   shape=proof.shape, kind=proof.kind)
