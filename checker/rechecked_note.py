"""What a report of a stored revision validated again says it is (checker/recheck.py): which
revision, the rulebook and verdict it was stored with, the rulebook that judges it now, and that
nothing was stored. Every format of such a report says it, and so does its web page."""

from __future__ import annotations

from .i18n import Lang, message
from .report import Report
from .verdicts import verdict_text


def rules_changed(report: Report) -> bool:
    """Whether a report validating a stored revision again was made under another rulebook
    version than the revision was judged under (False for any other report)."""
    return report.rechecked is not None and \
        report.rechecked.rulebook_version != report.rulebook_version


def recheck_note(report: Report, lang: Lang) -> str | None:
    """The note of a report that validates a stored revision again; None for any other."""
    rechecked = report.rechecked
    if rechecked is None:
        return None
    key = "store.recheck.rules_changed" if rules_changed(report) else "store.recheck.same_rules"
    return message(key, lang, number=rechecked.number, cluster=rechecked.cluster,
                   stored=rechecked.rulebook_version, running=report.rulebook_version,
                   verdict=verdict_text(rechecked.conforms, rechecked.rate, lang))
