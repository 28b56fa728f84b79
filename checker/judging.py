"""Record an evaluator's judgement of a stored revision's provision (CLI and web share this).

Only a provision the stored report leaves to the evaluator (待人工评审, earl:cantTell, at any
level) may be judged; a judgement of "not met" needs a rationale (docs/model.md, decision 20).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from rdflib import Literal as RdfLiteral, URIRef

from .errors import InputError, NotFoundError, NotJudgeableError
from .given_text import Asker, checked_text, given_field
from .i18n import Lang, phrase
from .judgements import NOT_IN_A_NAME, Judgement
from .lead_ins import items_judged_instead
from .namespaces import REQ, named_term
from .report import Status
from .notation import Notation
from .report_reader import read_report
from .rule_lookup import provision_asked
from .rulebook import Rulebook, load_rulebook
from .store.base import Store
from .store.judgements import JudgementRecord


def judge(store: Store, cluster: URIRef, number: int, provision: str, *, met: bool,
          note: str | None = None, note_lang: Lang = "zh", by: str | None = None,
          asked_by: Asker = "cli", rulebook: Rulebook | None = None,
          now: datetime | None = None) -> Judgement:
    """Store the evaluator's judgement of `provision` (an id such as 6.2-d, the notation reports
    write, 6.2 d), or its IRI) in revision `number` of `cluster`, superseding an earlier one;
    NotFoundError when the revision or the provision is not in the stored report,
    NotJudgeableError when the report does not leave it to the evaluator or it is a lead-in that
    follows its list items (checker/lead_ins.py), InputError for "not met" without a rationale
    or a rationale over NOTE_LIMIT characters or holding a control character, a line or
    paragraph separator or a bidirectional control (`checked_text`; `asked_by`: where the
    rationale is given, the CLI's --note, the form's field or the API's key) and for a blank or
    multi-line --by (`given_name`). Nothing is stored then."""
    if asked_by == "cli" and by is not None:  # the web app's names are its tokens' labels
        by = given_name(by)
    text = checked_text(note, "rationale", asked_by)
    rulebook = rulebook or load_rulebook()
    report = read_report(store, cluster, number, rulebook)
    rid = provision_asked(provision) or provision.strip()  # 6.2 d), req:6.2-d, its IRI, 6.2-d
    outcome = next((o for o in report.outcomes if o.requirement.id == rid), None)
    if outcome is None or named_term(REQ, rid) is None:
        raise NotFoundError.of("error.judgement.not_in_report", id=provision, number=number,
                               cluster=cluster)
    if items := items_judged_instead(report, outcome):
        raise NotJudgeableError.of("error.judgement.lead_in", id=Notation(rid),
                                   first=Notation(items[0]), last=Notation(items[-1], within=rid))
    stored = Status.MANUAL_REVIEW if outcome.judgement is not None else outcome.status
    if stored is not Status.MANUAL_REVIEW:
        raise NotJudgeableError.of("error.judgement.not_pending", id=Notation(rid),
                                   number=number, cluster=cluster,
                                   status=phrase(f"report.status.{stored.value}"))
    if not met and not text:
        raise InputError.of("error.judgement.no_rationale", id=Notation(rid),
                            field=given_field("rationale", asked_by))
    made = now or datetime.now(timezone.utc)
    record = JudgementRecord(cluster, number, REQ[rid], met, made,
                             RdfLiteral(text, lang=note_lang) if text else None, by,
                             from_command_line=asked_by == "cli")
    if not store.add_judgement(record):  # deleted since the report was read
        raise NotFoundError.of("error.revision.not_stored", number=number, cluster=cluster)
    return Judgement(rid, met, made, by, {note_lang: text} if text else None, record.iri,
                     from_command_line=record.from_command_line)


def given_name(by: str) -> str:
    """The evaluator's name `bcic judge --by` gives, trimmed; InputError for one that is blank or
    holds a line break or another control character (Unicode's Cc, line and paragraph
    separators): a name is one line of words, as the report lines and the sign-off show it."""
    name = by.strip()
    if not name:
        raise InputError.of("error.judgement.blank_by")
    if (found := next((c for c in name if unicodedata.category(c) in NOT_IN_A_NAME), None)):
        raise InputError.of("error.judgement.control_by", character=f"U+{ord(found):04X}")
    return name


@dataclass(frozen=True)
class JudgementBody:
    """A judgement as an API client sends it: `{"provision": "6.1", "met": false, "note": "…",
    "note_lang": "zh"}`."""

    provision: str
    met: bool
    note: str | None
    note_lang: Lang


def judgement_body(document: Any, lang: Lang) -> JudgementBody:
    """The judgement a JSON body asks for, its rationale in `lang` (the request's) unless its
    note_lang says otherwise; InputError (400) for anything else."""
    if not isinstance(document, dict) or set(document) - {"provision", "met", "note",
                                                          "note_lang"}:
        raise InputError.of("error.judgement.bad_body")
    provision, met = document.get("provision"), document.get("met")
    note, lang = document.get("note"), document.get("note_lang", lang)
    if (not isinstance(provision, str) or not isinstance(met, bool)
            or not isinstance(note, (str, type(None))) or lang not in ("zh", "en")):
        raise InputError.of("error.judgement.bad_body")
    return JudgementBody(provision, met, note, lang)
