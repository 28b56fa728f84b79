"""Lead-in provisions (引导条款) once the evaluator has judged their list items (docs/model.md,
decision 20).

A lead-in such as 4.2.1 or 8.3.2 carries its requirements in its list items: validation
makes it met when they all are, not met when one is not, pending while one awaits the evaluator
(checker/report_building.py, `_status`). A report read back with judgements derives it again the same way
from its items' statuses as judged. A lead-in with a review prompt of its own (5.3, 6.2, 8.3.4, 9.4.1)
has its own text to judge too: its status is its items' and its own judgement's. One without
follows its items alone and is not judged itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from .rested_on import is_date_warning
from .i18n import Lang, message
from .judgements import Judgement
from .notation import provisions_listed
from .report import Report, RequirementOutcome, Status
from .rulebook import Level, Rulebook


def items_judged_instead(report: Report, outcome: RequirementOutcome) -> tuple[str, ...]:
    """The list items to judge instead of the provision: those of a lead-in whose status its
    items alone decide (items that are not informative, no review prompt of its own, no record
    dated after the report, or before what it rests on, to judge); none for any other provision."""
    rid = outcome.requirement.id
    if outcome.requirement.review_prompt or any(is_date_warning(r) for r in outcome.results):
        return ()
    return tuple(o.requirement.id for o in report.outcomes if o.requirement.parent == rid
                 and o.requirement.level is not Level.INFORMATIVE)


def judgements_deciding(report: Report, outcome: RequirementOutcome) -> tuple[Judgement, ...]:
    """The evaluator's judgements of list items (at any depth) that a lead-in's met or not met
    follows from, where neither the data nor a judgement of its own decides it: not met, those
    of the items it names as deciding (`decided_by_items`); met, those of its items judged met.
    None for any other outcome (met or not met by the data, pending, not a lead-in)."""
    rid = outcome.requirement.id
    items = tuple(o.requirement.id for o in report.outcomes if o.requirement.parent == rid
                  and o.requirement.level is not Level.INFORMATIVE)
    if (outcome.judgement is not None or outcome.status not in (Status.MET, Status.NOT_MET)
            or not items):
        return ()
    by_id = {o.requirement.id: o for o in report.outcomes}
    found: list[Judgement] = []
    for rid in outcome.decided_by_items if outcome.status is Status.NOT_MET else items:
        item = by_id[rid]
        found += [item.judgement] if item.judgement is not None else judgements_deciding(
            report, item)
    return tuple(found)


def items_of(rulebook: Rulebook, rid: str) -> tuple[str, ...]:
    """The ids of the lead-in's list items that are not informative, in catalogue order."""
    return tuple(c.id for c in rulebook.children(rid) if c.level is not Level.INFORMATIVE)


def with_lead_ins_derived(outcomes: tuple[RequirementOutcome, ...], stored: dict[str, Status],
                          rulebook: Rulebook) -> tuple[RequirementOutcome, ...]:
    """The outcomes with every lead-in the stored report left pending (`stored`: id → the
    report's own status) derived again from its items' statuses, items before lead-ins as
    validation goes: one not met → not met; one pending, or the lead-in's own review (its
    prompt, a record dated after the report or before what it rests on) not judged → pending;
    else met."""
    by_id = {o.requirement.id: o for o in outcomes}
    for rid in reversed(list(by_id)):  # clause order reversed: items before their lead-ins
        outcome = by_id[rid]
        items = [by_id[i].status for i in items_of(rulebook, rid) if i in by_id]
        if stored.get(rid) is not Status.MANUAL_REVIEW or not items:
            continue
        own_review = bool(outcome.requirement.review_prompt) or any(
            is_date_warning(r) for r in outcome.results)
        own = outcome.judgement
        if Status.NOT_MET in items or (own is not None and not own.met):
            status = Status.NOT_MET
        elif Status.MANUAL_REVIEW in items or (own_review and own is None):
            status = Status.MANUAL_REVIEW
        else:
            status = Status.MET
        by_id[rid] = replace(outcome, status=status,
                             decided_by_items=_deciding(by_id, items_of(rulebook, rid), status,
                                                        own))
    return tuple(by_id[o.requirement.id] for o in outcomes)


def _deciding(by_id: dict[str, RequirementOutcome], items: tuple[str, ...], status: Status,
              own: Judgement | None) -> tuple[str, ...]:
    """The items that decide a lead-in's derived status where neither the data nor its own
    judgement does: not met, those judged not met (unless it is itself judged not met); awaiting
    review though itself judged met, those still awaiting the evaluator."""
    if status is Status.NOT_MET and (own is None or own.met):
        return tuple(i for i in items if i in by_id and by_id[i].status is Status.NOT_MET)
    if status is Status.MANUAL_REVIEW and own is not None and own.met:
        return tuple(i for i in items if i in by_id and by_id[i].status is Status.MANUAL_REVIEW)
    return ()


def decided_by_items_said(outcome: RequirementOutcome, lang: Lang) -> str:
    """Why the items decide the lead-in (`decided_by_items`): "not met: the evaluator judged
    its list item 4.2.1 b) not met", or that it still awaits review for its items though its own
    text is judged met; "" for any other outcome."""
    if not outcome.decided_by_items:
        return ""
    items = provisions_listed(outcome.decided_by_items, lang)
    key = ("report.lead_in.judged_not_met" if outcome.status is Status.NOT_MET
           else "report.lead_in.items_pending")
    return message(key, lang, items=items)


def lead_in_values(rulebook: Rulebook) -> Iterator[tuple[str, str, bool]]:
    """(lead-in, list item, whether the lead-in has a review of its own) for every lead-in and
    item, as the summary graph's judged facts derive lead-ins (checker/store/summary.py)."""
    for rid in rulebook.requirements:
        for item in items_of(rulebook, rid):
            yield rid, item, bool(rulebook.requirements[rid].review_prompt)
