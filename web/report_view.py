"""A report as its page shows it: filtered by status and severity, grouped by chapter and clause,
every string in the page's language; and the same report as a download (checker.render)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask import Response
from werkzeug.exceptions import BadRequest

from checker.i18n import Lang, message
from checker.render import REPORT_FORMATS, render_report
from checker.render.text import (base_of, chapter_title, items_not_met, pick, short_label,
                                 short_node, sorted_results, verdict_lines)
from checker.report import Rate, Report, RequirementOutcome, Status
from checker.rulebook import Layer
from checker.shacl import Severity

DOWNLOADS = ("html", "json", "ttl")  # offered on the page; every REPORT_FORMATS name is served


@dataclass(frozen=True)
class Filters:
    """Which requirements the page shows: one status, one severity of their results, or all."""

    status: Status | None = None
    severity: Severity | None = None

    def keeps(self, outcome: RequirementOutcome) -> bool:
        """Whether the outcome passes both filters."""
        if self.status is not None and outcome.status is not self.status:
            return False
        return self.severity is None or any(r.severity is self.severity for r in outcome.results)

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return self.status is not None or self.severity is not None


@dataclass(frozen=True)
class ResultRow:
    """One validation result: what was found, on which node, along which path, with what value."""

    severity: str
    severity_name: str
    message: str
    focus: str
    path: str
    value: str | None


@dataclass(frozen=True)
class RequirementRow:
    """One requirement of the catalogue with its status and the results behind it."""

    id: str
    label: str
    level: str
    status: str
    status_name: str
    text_zh: str
    text_en: str
    results: tuple[ResultRow, ...]
    items_not_met: str
    prompt: str


@dataclass(frozen=True)
class ClauseGroup:
    """The requirements of one clause."""

    id: str
    title: str
    rows: tuple[RequirementRow, ...]


@dataclass(frozen=True)
class ChapterGroup:
    """The clauses of one chapter, with the chapter's layer and rate."""

    number: int
    title: str
    layer: str
    rate: Rate
    clauses: tuple[ClauseGroup, ...]


@dataclass(frozen=True)
class ReportPage:
    """Everything the report template shows."""

    report: Report
    cluster_label: str
    verdict_lines: tuple[str, ...]
    chapters: tuple[ChapterGroup, ...]
    layer_rates: tuple[tuple[str, Rate], ...]
    checklist: tuple[RequirementRow, ...]
    shown: int
    total: int


def parse_filters(args: Mapping[str, str]) -> Filters:
    """`?status=` and `?severity=` (empty: all); 400 naming the accepted values otherwise."""
    return Filters(_choice(args, "status", Status), _choice(args, "severity", Severity))


def _choice(args: Mapping[str, str], name: str,
            kind: type[Status] | type[Severity]) -> Status | Severity | None:
    value = args.get(name, "")
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        accepted = ", ".join(item.value for item in kind)
        raise BadRequest(f"unknown {name} {value!r}; accepted: {accepted}") from None


def report_page(report: Report, filters: Filters, lang: Lang) -> ReportPage:
    """The page's view of `report` in `lang`, with only what `filters` keep."""
    kept = [o for o in report.outcomes if filters.keeps(o)]
    return ReportPage(
        report=report,
        cluster_label=pick(report.cluster_label, lang),
        verdict_lines=tuple(verdict_lines(report, lang)),
        chapters=_chapters(report, kept, filters, lang),
        layer_rates=tuple((message(f"report.layer.{layer.value}", lang), report.by_layer[layer])
                          for layer in Layer if layer in report.by_layer),
        checklist=tuple(_row(report, o, None, lang) for o in report.manual_checklist()),
        shown=len(kept),
        total=len(report.outcomes),
    )


def _chapters(report: Report, kept: list[RequirementOutcome], filters: Filters,
              lang: Lang) -> tuple[ChapterGroup, ...]:
    grouped: dict[int, dict[str, list[RequirementOutcome]]] = {}
    for outcome in kept:
        r = outcome.requirement
        grouped.setdefault(r.chapter, {}).setdefault(r.clause, []).append(outcome)
    chapters = []
    for number, clauses in grouped.items():
        layer = next(iter(clauses.values()))[0].requirement.layer
        chapters.append(ChapterGroup(
            number, chapter_title(number, lang), message(f"report.layer.{layer.value}", lang),
            report.by_chapter.get(number, Rate(0, 0)),
            tuple(ClauseGroup(clause, _clause_title(report, clause, lang),
                              tuple(_row(report, o, filters.severity, lang) for o in outcomes))
                  for clause, outcomes in clauses.items())))
    return tuple(chapters)


def _clause_title(report: Report, clause: str, lang: Lang) -> str:
    """The clause's own catalogue label when it has one, else its number."""
    own = next((o.requirement for o in report.outcomes if o.requirement.id == clause), None)
    return pick(own.label, lang) if own else clause


def _row(report: Report, outcome: RequirementOutcome, severity: Severity | None,
         lang: Lang) -> RequirementRow:
    r = outcome.requirement
    base = base_of(report)
    results = [x for x in sorted_results(outcome.results)
               if severity is None or x.severity is severity]
    failing = outcome.status is Status.NOT_MET
    return RequirementRow(
        id=r.id,
        label=short_label(r, lang),
        level=message(f"report.level.{r.level.value}", lang),
        status=outcome.status.value,
        status_name=message(f"report.status.{outcome.status.value}", lang),
        text_zh=r.text.get("zh", ""),
        text_en=r.text.get("en", ""),
        results=tuple(ResultRow(
            severity=x.severity.value,
            severity_name=message(f"report.severity.{x.severity.value}", lang),
            message=pick(x.messages, lang),
            focus=short_node(x.focus_node, base),
            path=x.path or "",
            value=short_node(x.value, base) if x.value is not None else None,
        ) for x in results),
        items_not_met=", ".join(items_not_met(report, outcome))
        if failing and not outcome.results else "",
        prompt=pick(r.review_prompt, lang) if r.review_prompt else "",
    )


def report_download(report: Report, fmt: str, lang: Lang, name: str) -> Response:
    """The report rendered in `fmt` as an attachment `name.<extension>` (400 for other formats)."""
    text = render_report(report, fmt, lang)
    chosen = REPORT_FORMATS[fmt]
    response = Response(text, mimetype=chosen.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{chosen.extension}"'
    return response
