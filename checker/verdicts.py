"""A verdict and a rate as people read them, wherever a report, a revision or a batch line
shows one: "conformant" only when nothing awaits review, the rate with its pending reviews."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .i18n import Lang, message
from .report import Rate

# A rate in JSON (the API's /api/clusters, /api/clusters/<key> and its /history; /api/benchmark and
# `bcic benchmark --format json` carry none) is met ÷ applicable rounded half up to this many
# decimals, as the named query clusters-by-conformance rounds it in SPARQL
# (ROUND(met × 1,000,000 ÷ applicable) ÷ 1,000,000; checker/queries/README.md): one cluster's rate
# reads the same in every answer (9.3.2).
RATE_DECIMALS = 6


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
    return {"conformance_rate": rounded_rate(rate), "pending_review": rate.pending}


def rounded_rate(rate: Rate) -> float:
    """met ÷ applicable rounded half up to RATE_DECIMALS decimals (1.0 when nothing applies), as
    clusters-by-conformance writes it."""
    if not rate.total:
        return 1.0
    exact = Decimal(rate.met) / Decimal(rate.total)
    return float(exact.quantize(Decimal(1).scaleb(-RATE_DECIMALS), ROUND_HALF_UP))
