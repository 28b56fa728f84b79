"""A verdict and a rate as people read them, wherever a report, a revision or a batch line
shows one: "conformant" only when nothing awaits review, the rate with its pending reviews."""

from __future__ import annotations

from .i18n import Lang, message
from .report import Rate


def verdict_text(conforms: bool, rate: Rate | None, lang: Lang) -> str:
    """"not conformant" when there is a gap; with none, "conformant" only when no requirement
    awaits manual review, else "no gap found; n items await an evaluator"."""
    if not conforms:
        return message("report.verdict.not_conformant", lang)
    if rate is not None and rate.pending:
        return message("report.verdict.no_gap_pending", lang, n=rate.pending)
    return message("report.verdict.conformant", lang)


def rate_text(rate: Rate | None, lang: Lang) -> str:
    """`56.3%`, with `（34 项待人工评审）` whenever reviews are pending, whatever the verdict (rates
    side by side stay comparable); a dash with the command that fills it in for a revision stored
    before rates had their counts."""
    if rate is None:
        return message("report.rate.unknown", lang)
    shown = f"{rate.ratio:.1%}"
    if rate.pending:
        return message("report.rate.with_pending", lang, rate=shown, n=rate.pending)
    return shown


def rate_document(rate: Rate | None) -> dict[str, float | int | None]:
    """A stored revision's rate for the JSON API: met ÷ applicable, and the reviews pending
    (both null for a revision stored before rates had their counts)."""
    if rate is None:
        return {"conformance_rate": None, "pending_review": None}
    return {"conformance_rate": round(rate.ratio, 4), "pending_review": rate.pending}
