"""The JSON report: stable keys and enum values; the language changes only the prose fields."""

from __future__ import annotations

from typing import Any

import orjson

from ..duties import duties_set_aside, set_aside_lines
from ..i18n import Lang, message
from ..judgements import Judgement
from ..notation import provision_notation
from ..rechecked_note import recheck_note
from ..report import Rate, Report, RequirementOutcome, StoredRevision
from ..shacl import ShaclResult
from ..sign_off import sign_off, sign_off_said
from ..timestamps import xsd_datetime
from .findings_json import findings_document, node_text
from .findings_view import Namer
from .term_namer import TermNamer
from .guidance_json import AskTable, documents_document, how_to_document
from .guidance_view import GuidanceWriter, shown_hints
from .naming import pick
from .body_view import body_lines
from .term_notes_view import namespace_note, tag_note, term_note
from .text import rulebook_note, sorted_results


def render_json(report: Report, lang: Lang) -> str:
    """The report as an indented JSON document (UTF-8 text, not ASCII-escaped). Written by orjson,
    the same text as `json.dumps(…, ensure_ascii=False, indent=2)`, whose indenting encoder is
    pure Python: 11 ms against 0.2 for meitan-tea's report."""
    return orjson.dumps(report_document(report, lang),
                        option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()


def report_document(report: Report, lang: Lang) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    writer, asks = GuidanceWriter(Namer(report, lang), shown_hints(report.outcomes)), AskTable()
    return {
        "lang": lang,
        "cluster": report.cluster,
        "cluster_label": pick(report.cluster_label, lang) or None,
        # Which stored revision this is (9.4's trail); null for a validation not stored.
        "revision": _revision(report.revision),
        # The stored revision a report not stored validates again; null for any other.
        "rechecked": _rechecked(report, lang),
        "rulebook_version": report.rulebook_version,
        # The rulebook whose hints, review prompts and rulebook links it gives: the running one,
        # for a stored report read back after the rules changed (rulebook_note then says so).
        "hints_rulebook_version": report.running_rulebook or report.rulebook_version,
        "rulebook_note": rulebook_note(report, lang) or None,
        "rulebook_digest": report.rulebook_digest,  # SHA-256 of the rule files (null: unknown)
        "created": xsd_datetime(report.created),
        "files": list(report.files),
        "sha256": dict(zip(report.files, report.sha256)),
        "triples": report.triples,
        # The texts of an English report are ours, those of the standard in text_zh.
        "translation_note": message("report.text.unofficial", lang) if lang == "en" else None,
        "conforms": report.conforms,
        # Who judged what the report left to the evaluator, when last, whether it is final
        # (checker/sign_off.py); null where no judgement applies.
        "sign_off": _sign_off(report, lang),
        "rates": {
            "overall": _rate(report.overall),
            "by_chapter": {str(c): _rate(r) for c, r in sorted(report.by_chapter.items())},
            "by_layer": {layer.value: _rate(r) for layer, r in report.by_layer.items()},
        },
        "requirements": [_requirement(o, writer, asks, o.requirement.id not in
                                      report.not_in_rulebook) for o in report.outcomes],
        # What the guidance's evidence asks, each distinct ask once (after the requirements,
        # which fill it).
        "guidance_asks": asks.asks,
        "manual_review": [o.requirement.id for o in report.manual_checklist()],
        "duties_set_aside": _set_aside(report, lang),
        "duties_not_set_aside": body_lines(report, lang),
        "awaiting_judgement": [o.requirement.id for o in report.awaiting_judgement()],
        # IRIs of the standard's namespaces the ontology does not define: notes, no verdict.
        "unknown_terms": _unknown_terms(report, writer.namer),
        "unknown_terms_more": report.term_notes.more,
        # Namespaces close to the standard's that the submission writes IRIs under.
        "near_namespaces": [{"written": n.written, "meant": n.meant, "statements": n.statements,
                             "message": namespace_note(n, lang)}
                            for n in report.term_notes.namespaces],
        # Language tags mistaken for a language's (`@cn`): notes too.
        "language_tags": [{"written": t.written, "meant": t.meant, "statements": t.statements,
                           "message": tag_note(t, lang)} for t in report.term_notes.tags],
    }


def _sign_off(report: Report, lang: Lang) -> dict[str, Any] | None:
    signed = sign_off(report)
    if signed is None:
        return None
    return {"evaluators": [{"name": e.name, "provisions": e.provisions,
                            "from_command_line": e.from_command_line}
                           for e in signed.evaluators],
            "latest": xsd_datetime(signed.latest), "awaiting": signed.awaiting,
            "lead_ins_awaiting_items": signed.lead_ins, "final": signed.final,
            "text": sign_off_said(report, lang)}


def _revision(revision: StoredRevision | None) -> dict[str, Any] | None:
    if revision is None:
        return None
    return {"number": revision.number, "key": revision.key, "submitter": revision.submitter}


def _rechecked(report: Report, lang: Lang) -> dict[str, Any] | None:
    rechecked = report.rechecked
    if rechecked is None:
        return None
    return {"number": rechecked.number, "key": rechecked.key,
            "rulebook_version": rechecked.rulebook_version,
            "rulebook_digest": rechecked.rulebook_digest, "conforms": rechecked.conforms,
            "rate": _rate(rechecked.rate) if rechecked.rate is not None else None,
            # The evaluator's judgements the stored verdict includes; those applied here too.
            "judgements": rechecked.judgements,
            "judgements_applied": rechecked.judgements_applied,
            "note": recheck_note(report, lang)}


def _unknown_terms(report: Report, namer: TermNamer) -> list[dict[str, Any]]:
    return [{"term": str(t.iri), "used_as": t.use.value,
             "suggestion": str(t.suggestion) if t.suggestion is not None else None,
             "file": t.place.file if t.place else None,
             "line": t.place.line if t.place else None,
             "column": t.place.column if t.place else None,
             "message": term_note(t, namer)}
            for t in report.term_notes.terms]


def _set_aside(report: Report, lang: Lang) -> list[dict[str, Any]]:
    return [{"clause": s.clause, "roles": [str(r) for r in s.roles], "duties": list(s.duties),
             "message": note}
            for s, note in zip(duties_set_aside(report), set_aside_lines(report, lang), strict=True)]


def _rate(rate: Rate) -> dict[str, Any]:
    """Met (pending reviews not counted), pending review, not met, applicable; ratio met ÷ total."""
    return {"met": rate.met, "pending_review": rate.pending, "not_met": rate.not_met,
            "total": rate.total, "ratio": round(rate.ratio, 4)}


def _requirement(outcome: RequirementOutcome, writer: GuidanceWriter, asks: AskTable,
                 in_rulebook: bool) -> dict[str, Any]:
    r, namer, lang = outcome.requirement, writer.namer, writer.lang
    return {
        "id": r.id,
        "clause": r.clause,
        "notation": provision_notation(r.id, lang),
        "level": r.level.value,
        "layer": r.layer.value,
        "chapter": r.chapter,
        "label": pick(r.label, lang),
        # Whose the label's title is: the standard's heading, or bcic's own short title where the
        # standard gives the clause or list item none (bcic:heading, bcic:shortTitle).
        "title_source": "standard" if r.heading else "bcic",
        "text": pick(r.text, lang),  # in English, our rendering: see translation_note
        "text_zh": r.text.get("zh", ""),  # the standard's own, verbatim
        # False: judged under the rulebook that made this stored report, gone from the running one.
        "in_running_rulebook": in_rulebook,
        "status": outcome.status.value,
        # The evaluator's judgement that decided it (a stored report's provision awaiting
        # review), else null (docs/model.md, decision 20).
        "judgement": _judgement(outcome.judgement),
        # A lead-in its judged list items decide, not the data or its own judgement: those
        # judged not met, or, itself judged met, those still awaiting review (else []).
        "decided_by_items": list(outcome.decided_by_items),
        "review_prompt": pick(r.review_prompt, lang) if r.review_prompt else None,
        # How to meet it (not met, or not used, by the data; null once judged: the judgement's
        # rationale says what to act on); the records to show (checklist items).
        "guidance": how_to_document(outcome.how_to, writer, asks),
        "review_documents": documents_document(
            outcome.guidance if r.review_prompt else None, writer),
        "findings": findings_document(outcome.findings, namer),
        # The validation results behind the findings, as SHACL gives them: for machines.
        "shacl_results": [_result(x, lang) for x in sorted_results(outcome.results)],
    }


def _judgement(judgement: Judgement | None) -> dict[str, Any] | None:
    """Who judged a provision met or not met, when, and why (the rationale in its language)."""
    if judgement is None:
        return None
    note_lang, note = next(iter((judgement.note or {"": None}).items()))
    return {"met": judgement.met, "by": judgement.by, "date": xsd_datetime(judgement.made),
            "note": note, "note_lang": note_lang or None,
            "from_command_line": judgement.from_command_line}


def _result(result: ShaclResult, lang: Lang) -> dict[str, Any]:
    return {
        "focus_node": node_text(result.focus_node),
        "result_path": result.path,
        "value": node_text(result.value),
        "severity": result.severity.value,
        "message": pick(result.messages, lang),
        "shape": str(result.source_shape),
    }
