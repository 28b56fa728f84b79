"""The HTML report: one self-contained page rendered by Jinja2 with autoescaping."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import jinja2

from ..i18n import Lang, message
from ..report import Report, RequirementOutcome, Status
from ..rulebook import Layer
from .text import (Finding, base_of, chapter_title, findings, items_not_met, percent, pick,
                   rate_rows, short_label, verdict_lines)


@dataclass(frozen=True)
class _Row:
    """One requirement as the template shows it: every string already in the page's language."""

    id: str
    label: str
    level: str
    status: str  # the Status value, used as a CSS class
    status_name: str
    text: str
    findings: tuple[Finding, ...]
    items_not_met: str
    prompt: str


@dataclass(frozen=True)
class _Clause:
    id: str
    title: str
    rows: tuple[_Row, ...]


@dataclass(frozen=True)
class _Chapter:
    title: str
    layer: str
    clauses: tuple[_Clause, ...]


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "templates"),
        autoescape=True,  # every string of the submission reaches the page escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(report: Report, lang: Lang) -> str:
    """The report as one HTML page, no external assets and no scripts."""
    template = _environment().get_template("report.html")
    return template.render(
        lang=lang,
        t=lambda key, **values: message(key, lang, **values),
        report=report,
        cluster_label=pick(report.cluster_label, lang),
        verdict_lines=verdict_lines(report, lang),
        rate_sections=[(name, [(scope, rate, percent(rate)) for scope, rate in rows])
                       for name, rows in rate_rows(report, lang)],
        statuses=[s.value for s in Status],
        chapters=_chapters(report, lang),
        checklist=[_row(report, o, lang) for o in report.manual_checklist()],
    )


def _chapters(report: Report, lang: Lang) -> list[_Chapter]:
    by_chapter: dict[int, dict[str, list[RequirementOutcome]]] = {}
    for outcome in report.outcomes:
        r = outcome.requirement
        by_chapter.setdefault(r.chapter, {}).setdefault(r.clause, []).append(outcome)
    chapters = []
    for number, clauses in by_chapter.items():
        layer: Layer = next(iter(clauses.values()))[0].requirement.layer
        chapters.append(_Chapter(
            chapter_title(number, lang),
            message(f"report.layer.{layer.value}", lang),
            tuple(_Clause(clause, _clause_title(outcomes, clause, lang),
                          tuple(_row(report, o, lang) for o in outcomes))
                  for clause, outcomes in clauses.items())))
    return chapters


def _clause_title(outcomes: list[RequirementOutcome], clause: str, lang: Lang) -> str:
    """The clause's own label when the clause is catalogued, else its number."""
    own = next((o.requirement for o in outcomes if o.requirement.id == clause), None)
    return pick(own.label, lang) if own else clause


def _row(report: Report, outcome: RequirementOutcome, lang: Lang) -> _Row:
    r = outcome.requirement
    failing = outcome.status is Status.NOT_MET
    return _Row(
        id=r.id,
        label=short_label(r, lang),
        level=message(f"report.level.{r.level.value}", lang),
        status=outcome.status.value,
        status_name=message(f"report.status.{outcome.status.value}", lang),
        text=pick(r.text, lang),
        findings=tuple(findings(outcome.results, lang, base_of(report), limit=None))
        if failing else (),
        items_not_met=", ".join(items_not_met(report, outcome))
        if failing and not outcome.results else "",
        prompt=pick(r.review_prompt, lang) if r.review_prompt else "",
    )
