"""The evaluator's judgements applied to a report's outcomes (docs/model.md, decision 20): a
stored report read back (checker/report_reader.py) and a stored revision validated again
(checker/recheck.py) apply them alike."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .judgements import Judgement
from .lead_ins import with_lead_ins_derived
from .report import Report, RequirementOutcome, Status
from .report_building import verdict_and_rates
from .rulebook import Rulebook


def by_the_evaluator(outcome: RequirementOutcome,
                     judgements: dict[str, Judgement]) -> RequirementOutcome:
    """The outcome as the evaluator's latest judgement of it says, where the report left it to
    them; any other stays as the report found it."""
    judgement = judgements.get(outcome.requirement.id)
    if judgement is None or outcome.status is not Status.MANUAL_REVIEW:
        return outcome
    return replace(outcome, status=Status.MET if judgement.met else Status.NOT_MET,
                   judgement=judgement)


@dataclass(frozen=True)
class JudgedAgain:
    """A fresh report with a revision's judgements applied, and how many applied: those of
    provisions it still leaves to the evaluator; the others no longer apply, the data now
    deciding the provision (or the running rulebook no longer having it)."""

    report: Report
    applied: int
    set_aside: int


def judged_again(report: Report, judgements: dict[str, Judgement],
                 rulebook: Rulebook) -> JudgedAgain:
    """`report` (a fresh validation) with `judgements` (provision id → the one that counts)
    applied to what it leaves pending, lead-ins derived again from their items, and its verdict
    and rates counted again."""
    stored = {o.requirement.id: o.status for o in report.outcomes}
    outcomes = with_lead_ins_derived(
        tuple(by_the_evaluator(o, judgements) for o in report.outcomes), stored, rulebook)
    applied = sum(o.judgement is not None for o in outcomes)
    return JudgedAgain(replace(report, **verdict_and_rates(outcomes)), applied,
                       len(judgements) - applied)
