"""The evaluator's sign-off of a stored report read back with judgements (clause 1, 9.4.1;
docs/model.md, decision 20): who judged, how many provisions each, the latest judgement's day,
and whether the report is final (no provision awaits an evaluator) or how many still wait."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .i18n import Lang, counted, message
from .judgements import one_line
from .report import Report, Status


@dataclass(frozen=True)
class Evaluator:
    """One evaluator of the report, as the judgements record them."""

    name: str | None  # as recorded (--by, the token's label); None: no name given
    provisions: int  # the provisions whose status their judgement decides
    from_command_line: bool  # recorded through `bcic judge`, whose name is unproven


@dataclass(frozen=True)
class SignOff:
    """Who signed the report's judgements, when last, and what still waits."""

    evaluators: tuple[Evaluator, ...]  # in the order of their first judgement
    latest: datetime
    awaiting: int  # provisions still awaiting an evaluator (待人工评审), lead-ins included

    @property
    def final(self) -> bool:
        """Whether no provision awaits an evaluator: the verdict is the evaluator's last word."""
        return self.awaiting == 0


def sign_off(report: Report) -> SignOff | None:
    """The sign-off of `report`'s judgements; None when no judgement applies to it."""
    judged = sorted((o.judgement for o in report.outcomes if o.judgement is not None),
                    key=lambda j: j.made)
    if not judged:
        return None
    counts: dict[tuple[str | None, bool], int] = {}
    for judgement in judged:
        key = (judgement.by, judgement.from_command_line)
        counts[key] = counts.get(key, 0) + 1
    return SignOff(tuple(Evaluator(name, n, cli) for (name, cli), n in counts.items()),
                   judged[-1].made,
                   sum(o.status is Status.MANUAL_REVIEW for o in report.outcomes))


def sign_off_said(report: Report, lang: Lang) -> str:
    """"Judged by X (3 provisions, recorded from the command line); latest judgement
    2025-03-05. The report is final: …", or "" when no judgement applies."""
    signed = sign_off(report)
    if signed is None:
        return ""
    evaluators = message("report.sign_off.separator", lang).join(
        _evaluator_said(e, lang) for e in signed.evaluators)
    state = (message("report.sign_off.final", lang) if signed.final
             else counted("report.sign_off.awaiting", signed.awaiting, lang))
    return message("report.sign_off.said", lang, evaluators=evaluators,
                   date=signed.latest.strftime("%Y-%m-%d"), state=state)


def _evaluator_said(evaluator: Evaluator, lang: Lang) -> str:
    name = one_line(evaluator.name or "") or message("report.judgement.unnamed", lang)
    key = "report.sign_off.evaluator_cli" if evaluator.from_command_line else (
        "report.sign_off.evaluator")
    return counted(key, evaluator.provisions, lang, name=name)
