"""The evaluator's sign-off of a stored report read back with judgements (clause 1, 9.4.1;
docs/model.md, decision 20): who judged, how many provisions each, the latest judgement's time
(in the display zone: checker/display_time.py), and whether the report is final (no provision
awaits an evaluator) or how many still wait, the lead-ins that follow their items counted apart,
as the verdict counts them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .display_time import moment_shown
from .i18n import Lang, counted, message
from .judgements import one_line
from .lead_ins import items_judged_instead
from .report import Report, Status


_BETWEEN_SENTENCES = {"zh": "", "en": " "}


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
    awaiting: int  # provisions still awaiting an evaluator (待人工评审) that they can judge
    lead_ins: int  # lead-ins still pending that follow their items, judged through them

    @property
    def final(self) -> bool:
        """Whether no provision awaits an evaluator: the verdict is the evaluator's last word."""
        return self.awaiting == self.lead_ins == 0


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
    pending = [o for o in report.outcomes if o.status is Status.MANUAL_REVIEW]
    following = sum(bool(items_judged_instead(report, o)) for o in pending)
    return SignOff(tuple(Evaluator(name, n, cli) for (name, cli), n in counts.items()),
                   judged[-1].made, len(pending) - following, following)


def sign_off_said(report: Report, lang: Lang) -> str:
    """"Judged by X (3 provisions, recorded from the command line); latest judgement
    2025-03-05 10:00 (UTC). The report is final: …", or not final: how many provisions await the evaluator
    and how many lead-ins follow their items; "" when no judgement applies."""
    signed = sign_off(report)
    if signed is None:
        return ""
    evaluators = message("report.sign_off.separator", lang).join(
        _evaluator_said(e, lang) for e in signed.evaluators)
    state = (message("report.sign_off.final", lang) if signed.final
             else counted("report.sign_off.awaiting", signed.awaiting, lang))
    if signed.lead_ins:  # as the verdict says them: they follow their items, not judged
        state += _BETWEEN_SENTENCES[lang] + counted("report.sign_off.lead_ins", signed.lead_ins,
                                                    lang)
    return message("report.sign_off.said", lang, evaluators=evaluators,
                   date=moment_shown(signed.latest, lang), state=state)


def _evaluator_said(evaluator: Evaluator, lang: Lang) -> str:
    name = one_line(evaluator.name or "") or message("report.judgement.unnamed", lang)
    key = "report.sign_off.evaluator_cli" if evaluator.from_command_line else (
        "report.sign_off.evaluator")
    return counted(key, evaluator.provisions, lang, name=name)
