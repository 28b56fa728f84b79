"""What a report of a stored revision validated again says it is (checker/recheck.py): which
revision, the rulebook and verdict it was stored with (and the evaluator's judgements that
verdict includes, and how many apply again), the rulebook that judges it now, and that nothing
was stored. Every format of such a report says it, and so does its web page."""

from __future__ import annotations

from .i18n import Lang, counted, message
from .report import Report
from .rulebook_names import rulebook_named, rulebooks_differ
from .verdicts import verdict_text


def rules_changed(report: Report) -> bool:
    """Whether a report validating a stored revision again was made under another rulebook than
    the revision was judged under, by version or by digest (False for any other report)."""
    rechecked = report.rechecked
    return rechecked is not None and rulebooks_differ(
        rechecked.rulebook_version, rechecked.rulebook_digest, report.rulebook_version,
        report.rulebook_digest)


def recheck_note(report: Report, lang: Lang) -> str | None:
    """The note of a report that validates a stored revision again; None for any other."""
    rechecked = report.rechecked
    if rechecked is None:
        return None
    changed = rules_changed(report)
    key = "store.recheck.rules_changed" if changed else "store.recheck.same_rules"
    # The same version judged by other rules: each is named by its digest too.
    digests = changed and rechecked.rulebook_version == report.rulebook_version
    said = message(key, lang, number=rechecked.number, cluster=rechecked.cluster,
                   stored=rulebook_named(rechecked.rulebook_version,
                                         rechecked.rulebook_digest if digests else None, lang),
                   running=rulebook_named(report.rulebook_version,
                                          report.rulebook_digest if digests else None, lang),
                   verdict=verdict_text(rechecked.conforms, rechecked.rate, lang))
    if not rechecked.judgements:
        return said
    # The stored verdict counts the evaluator's judgements (decision 20): say how many this one
    # applies, so the two verdicts compare.
    applied = rechecked.judgements_applied
    return said + message(
        "store.recheck.judgements", lang, n=rechecked.judgements,
        applied=counted("store.recheck.applied", applied, lang),
        set_aside=counted("store.recheck.set_aside", rechecked.judgements - applied, lang))
