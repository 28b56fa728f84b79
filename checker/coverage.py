"""Traceability of the rulebook: requirement → shapes → fixtures, and proof that fixtures work
(the maintainer's mistakes in the rule files are checker/rule_problems.py's)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, URIRef

from .fixtures import NoFixtureError, ShapeFixture, fixture_for
from .report import Status
from .rulebook import SEVERITY_OF_LEVEL, Level, Requirement, Rulebook
from .validation import validate_graph


@dataclass(frozen=True)
class CoverageRow:
    """How one requirement is checked: its shapes with their fixtures, review mark, items."""

    requirement: Requirement
    fixtures: tuple[tuple[URIRef, ShapeFixture | None], ...]
    manual_review: bool
    items: tuple[str, ...]  # its list items, every level
    # The shall-level ones: a lead-in is met only when they are (checker/report_building.py). Informative
    # items (9.3.2 a)–d), 9.4.1 a)–c)) are never unmet, so they decide nothing.
    deciding_items: tuple[str, ...]

    @property
    def manual_only(self) -> bool:
        """A shall-level requirement with no shape and no deciding items: only the evaluator
        checks it, so it counts as covered (not a gap) but not as checked by data."""
        return (self.requirement.level is Level.SHALL and not self.fixtures
                and not self.deciding_items and self.manual_review)

    @property
    def gap(self) -> bool:
        """A shall-level requirement nothing checks, or a shape without a fixture."""
        unchecked = (self.requirement.level is Level.SHALL and not self.fixtures
                     and not self.manual_review and not self.deciding_items)
        return unchecked or any(f is None for _shape, f in self.fixtures)


@dataclass(frozen=True)
class FixtureProof:
    """Whether a shape stays silent on the conforming base and reports on its twin."""

    shape: URIRef
    requirement_id: str
    twin_differs: bool  # the twin is not the base itself (a should-level shape may speak on both)
    twin_flagged: bool
    status_ok: bool  # the twin's requirement is not met (a may-level one: not used; informative: n/a)
    severity_ok: bool
    kind: str = ""  # the fixture's kind (checker/fixtures.py), how the twin was made

    @property
    def ok(self) -> bool:
        """The fixture pair proves the shape."""
        return self.twin_differs and self.twin_flagged and self.status_ok and self.severity_ok

    @property
    def failure(self) -> str | None:
        """Why the pair proves nothing, the first reason that holds (None: it proves the shape):
        `unchanged` the twin is the base itself, `silent` the shape did not report on the twin,
        `status` its requirement was not reported unmet, `severity` another severity than its
        level asks."""
        for reason, holds in (("unchanged", self.twin_differs), ("silent", self.twin_flagged),
                              ("status", self.status_ok), ("severity", self.severity_ok)):
            if not holds:
                return reason
        return None


@dataclass(frozen=True)
class BaseFailure:
    """A result the conforming base raised under a shall-level provision: the synthetic
    generator (checker/synthetic) does not yet meet the rule of `shape` (None: the provision is
    unmet with no result of a shape, as a lead-in through its items)."""

    requirement_id: str
    shape: URIRef | None
    messages: dict[str, str]  # the finding's message by language


def coverage_matrix(rulebook: Rulebook) -> list[CoverageRow]:
    """One row per requirement of the catalogue, in clause order."""
    rows = []
    for requirement in rulebook.requirements.values():
        fixtures = tuple((shape, _fixture_or_none(rulebook, shape))
                         for shape in requirement.shapes)
        items = rulebook.children(requirement.id)
        rows.append(CoverageRow(requirement, fixtures, requirement.review_prompt is not None,
                                tuple(c.id for c in items),
                                tuple(c.id for c in items if c.level is Level.SHALL)))
    return rows


def conforming_base() -> Graph:
    """The conforming half of every fixture pair: the smallest complete synthetic submission, one
    of its values stated on a rating scale (9.2.3), so the checks of rated values have one to
    break."""
    from .synthetic import generate_cluster  # the generator is only needed for proofs
    from .synthetic.rating import rate_one_value
    base = generate_cluster(members=5, years=1, seed=1)
    rate_one_value(base)
    return base


def base_failures(rulebook: Rulebook, base: Graph) -> tuple[BaseFailure, ...]:
    """What keeps the conforming base from conforming: each result of a shall-level shape on it,
    once per shape and provision; failing any, each shall-level provision it leaves unmet."""
    report = validate_graph(base, rulebook=rulebook)
    shall = [o for o in report.outcomes if o.requirement.level is Level.SHALL]
    failures = {(o.requirement.id, r.source_shape): BaseFailure(
        o.requirement.id, r.source_shape, dict(r.messages)) for o in shall for r in o.results}
    if not failures and not report.conforms:  # unmet with no result of its own (a lead-in)
        return tuple(BaseFailure(o.requirement.id, None, {})
                     for o in shall if o.status is Status.NOT_MET)
    return tuple(failures.values())


def base_is_clean(rulebook: Rulebook, base: Graph) -> bool:
    """The conforming base raises no result at all from the shall-level shapes."""
    return not base_failures(rulebook, base)


def prove_fixtures(rulebook: Rulebook, base: Graph,
                   shapes: list[URIRef] | None = None) -> Iterator[FixtureProof]:
    """Validate each shape's non-conforming twin and check it is reported under its clause
    (`shapes`: those only, none when empty; None: every checking shape)."""
    base_triples = set(base)
    for shape in shapes if shapes is not None else sorted(rulebook.shape_requirements):
        rid = rulebook.shape_requirements[shape]
        fixture = fixture_for(rulebook.shapes_graph, shape, rulebook.support_graph)
        twin = fixture.mutate(base)
        outcome = validate_graph(twin, rulebook=rulebook, processes=1).outcome(rid)
        flagged = [r for r in outcome.results if r.source_shape == shape]
        level = rulebook.requirements[rid].level
        # What the twin's provision is then: a permission not used, an informative one still
        # never a gap (its shape warns, 9.3.2 c)), any other not met.
        missing = {Level.MAY: Status.NOT_USED,
                   Level.INFORMATIVE: Status.NOT_APPLICABLE}.get(level, Status.NOT_MET)
        yield FixtureProof(shape, rid, set(twin) != base_triples, bool(flagged),
                           outcome.status is missing,
                           bool(flagged) and {r.severity for r in flagged}
                           == {SEVERITY_OF_LEVEL[level]}, fixture.kind)


def _fixture_or_none(rulebook: Rulebook, shape: URIRef) -> ShapeFixture | None:
    try:
        return fixture_for(rulebook.shapes_graph, shape, rulebook.support_graph)
    except NoFixtureError:
        return None
