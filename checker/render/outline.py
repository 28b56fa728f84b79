"""A report as its pages show it: requirements grouped by chapter and clause, optionally filtered
by status and severity, every string already in the page's language.

The self-contained HTML report (checker.render.html) and the web app's report page both read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..guidance_model import Guidance
from ..i18n import Lang, message
from ..judgements import judgement_said
from ..lead_ins import decided_by_items_said, items_judged_instead
from ..notation import provision_notation, provisions_listed
from ..report import Rate, Report, RequirementOutcome, Status
from ..shacl import Severity
from ..sign_off import sign_off_said
from .findings_view import FindingView, Namer
from .guidance_view import GuidanceWriter, Pointer, shown_hints
from .naming import pick
from .term_notes_view import namespace_note_lines, tag_note_lines, term_note_lines
from .text import (chapter_title, hint_source, items_not_met, rate_rows, revision_fields,
                   rulebook_label, rulebook_note, shows_findings, short_label, verdict_lines,
                   verdict_word, withdrawn_note)


@dataclass(frozen=True)
class Filters:
    """Which requirements are shown: one status, one severity of their results, or all."""

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
class TextPart:
    """A run of text, and the requirement (id) it names, for pages to link to its row
    (`links_to`) or to its rulebook page (`rulebook`)."""

    text: str
    links_to: str | None = None
    rulebook: str | None = None


def linked_parts(text: str, requirement_ids: tuple[str, ...],
                 see: str | None = None, *, lang: Lang) -> tuple[TextPart, ...]:
    """`text` cut where it first names each requirement by its notation, the names linked to
    their rows; and, with `see`, where it last names that one (the pointer that ends a hint),
    linked to its rulebook page."""
    parts = [TextPart(text)]
    if see is not None and (cut := text.rfind(named := provision_notation(see, lang))) >= 0:
        parts = [TextPart(text[:cut]), TextPart(named, rulebook=see),
                 TextPart(text[cut + len(named):])]
    for rid in requirement_ids:
        notation = provision_notation(rid, lang)
        for at, part in enumerate(parts):
            if part.links_to is None and part.rulebook is None and notation in part.text:
                before, after = part.text.split(notation, 1)
                parts[at:at + 1] = [TextPart(before), TextPart(notation, rid), TextPart(after)]
                break
    return tuple(p for p in parts if p.text)


@dataclass(frozen=True)
class RequirementRow:
    """One requirement of the catalogue with its status and the results behind it."""

    id: str  # for anchors and machine formats
    notation: str  # the standard's notation, for reading: `9.1.4 c) —3`
    label: str  # its title: the standard's heading, or bcic's short title (by_bcic)
    by_bcic: bool  # the standard gives the clause or item no heading: the title is bcic's
    level: str
    status: str  # the Status value, used as a CSS class
    status_name: str
    text_zh: str  # the standard's, verbatim: every page quotes it
    text_en: str  # our English rendering, an unofficial translation: beside it in English
    findings: tuple[FindingView, ...]  # of the severity shown, when not met, not used or pending
    items_not_met: str
    prompt: str
    guidance: str  # how to meet it, when not met or not used; else ""
    guidance_parts: tuple[TextPart, ...]  # the same, cut at the lead-ins and pointer it links
    documents: str  # what the evaluator will want to see, for a checklist item; else ""
    # A stored report read under another rulebook: that the running one no longer has the
    # provision (no rulebook page to link to), and whose the hint is; else "".
    withdrawn: str = ""
    hint_source: str = ""
    # Such a provision's text, when the report did not store it (stored before reports stated
    # their provisions' texts): that it did not, in place of empty quotes; else "".
    text_missing: str = ""
    # The evaluator's judgement that decided it (a stored report), as every format says it.
    judgement: str = ""
    # A lead-in its judged list items decide (checker/lead_ins.py): which and how; else "".
    decided_by_items: str = ""
    # Whether the report leaves it to the evaluator (待人工评审, judged or not): a stored
    # revision's page offers a judgement form.
    judgeable: bool = False


@dataclass(frozen=True)
class ClauseGroup:
    """The requirements of one clause."""

    id: str
    notation: str
    title: str  # its provision's title (the number apart): the standard's heading, or bcic's
    by_bcic: bool  # the title is bcic's short title: the standard gives the clause no heading
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
class ReportOutline:
    """Everything a report page shows."""

    report: Report
    cluster_label: str
    revision: tuple[tuple[str, str], ...]  # which stored revision, who submitted it: (field, value)
    files: tuple[tuple[str, str], ...]  # each file judged and the SHA-256 of its bytes ("": unknown)
    rulebook_label: str  # its version, and its rule files' short digest when known
    verdict: str
    verdict_lines: tuple[str, ...]
    rulebook_note: str  # a stored report read under another rulebook: whose hints, whose rates
    sign_off: str  # who judged, when last, whether final (checker/sign_off.py); "" unjudged
    term_notes: tuple[str, ...]  # the IRIs the ontology does not define, one sentence each
    namespace_notes: tuple[str, ...]  # the namespaces close to the standard's, one sentence each
    tag_notes: tuple[str, ...]  # the language tags mistaken for a language's, one sentence each
    rates: tuple[tuple[str, tuple[tuple[str, Rate], ...]], ...]  # by chapter, by layer, overall
    chapters: tuple[ChapterGroup, ...]
    checklist: tuple[RequirementRow, ...]
    shown: int
    total: int


def report_outline(report: Report, lang: Lang, filters: Filters = Filters(),
                   rulebook: bool = False) -> ReportOutline:
    """The view of `report` in `lang`, with only the requirements `filters` keep; `rulebook`:
    the page links each provision to its rulebook page, and the hints point there (else to the
    rulebook by `bcic rules show`: the CLI without BCIC_PUBLIC_URL links no server)."""
    kept = [o for o in report.outcomes if filters.keeps(o)]
    # A list item's hint refers to its lead-in's only where the page shows that one too.
    writer = GuidanceWriter(Namer(report, lang), shown_hints(kept),
                            Pointer.RULEBOOK if rulebook else Pointer.RULES_SHOW)
    return ReportOutline(
        report=report,
        cluster_label=pick(report.cluster_label, lang),
        revision=tuple((message(f"report.field.{key}", lang), value)
                       for key, value in revision_fields(report, lang)),
        files=tuple(zip(report.files, report.sha256 or ("",) * len(report.files), strict=True)),
        rulebook_label=rulebook_label(report, lang),
        verdict=verdict_word(report, lang),
        verdict_lines=tuple(verdict_lines(report, lang)),
        rulebook_note=rulebook_note(report, lang),
        sign_off=sign_off_said(report, lang),
        term_notes=tuple(term_note_lines(report, lang)),
        namespace_notes=tuple(namespace_note_lines(report, lang)),
        tag_notes=tuple(tag_note_lines(report, lang)),
        rates=tuple(rate_rows(report, lang)),
        chapters=_chapters(report, kept, filters.severity, writer),
        checklist=tuple(_row(report, o, None, writer) for o in report.manual_checklist()),
        shown=len(kept),
        total=len(report.outcomes),
    )


def _chapters(report: Report, kept: list[RequirementOutcome], severity: Severity | None,
              writer: GuidanceWriter) -> tuple[ChapterGroup, ...]:
    lang = writer.lang
    grouped: dict[int, dict[str, list[RequirementOutcome]]] = {}
    for outcome in kept:
        r = outcome.requirement
        grouped.setdefault(r.chapter, {}).setdefault(r.clause, []).append(outcome)
    # A clause is titled by its own provision, even one the filters leave out.
    titles = {o.requirement.id: o.requirement for o in report.outcomes}
    chapters = []
    for number, clauses in grouped.items():
        layer = next(iter(clauses.values()))[0].requirement.layer
        chapters.append(ChapterGroup(
            number, chapter_title(number, lang), message(f"report.layer.{layer.value}", lang),
            report.by_chapter.get(number, Rate(0, 0)),
            tuple(ClauseGroup(clause, provision_notation(clause, lang), short_label(titles[clause], lang),
                              not titles[clause].heading,
                              tuple(_row(report, o, severity, writer) for o in outcomes))
                  for clause, outcomes in clauses.items())))
    return tuple(chapters)


def _row(report: Report, outcome: RequirementOutcome, severity: Severity | None,
         writer: GuidanceWriter) -> RequirementRow:
    r, namer, lang = outcome.requirement, writer.namer, writer.lang
    failing = outcome.status is Status.NOT_MET
    shown = shows_findings(outcome)
    guidance = writer.how_to(outcome.how_to) if outcome.how_to is not None else ""
    return RequirementRow(
        id=r.id,
        notation=provision_notation(r.id, lang),
        label=short_label(r, lang),
        by_bcic=not r.heading,
        level=message(f"report.level.{r.level.value}", lang),
        status=outcome.status.value,
        status_name=message(f"report.status.{outcome.status.value}", lang),
        text_zh=r.text.get("zh", ""),
        text_en=r.text.get("en", ""),
        findings=tuple(namer.view(f, limit=None) for f in outcome.findings
                       if shown and (severity is None or f.severity is severity)),
        items_not_met=provisions_listed(items_not_met(report, outcome), lang)
        if failing and not outcome.results and not outcome.decided_by_items else "",
        prompt=pick(r.review_prompt, lang) if r.review_prompt else "",
        guidance=guidance,
        guidance_parts=linked_parts(guidance, writer.refers_to(outcome.how_to), _see(
            outcome.how_to, writer), lang=lang) if outcome.how_to is not None else (),
        documents=writer.documents(outcome.guidance)
        if outcome.guidance is not None and r.review_prompt else "",
        withdrawn=withdrawn_note(report, r, lang),
        hint_source=hint_source(report, lang) if guidance else "",
        text_missing=message("report.text.not_stored", lang, running=report.running_rulebook)
        if r.id in report.not_in_rulebook and not any(r.text.values()) else "",
        judgement=judgement_said(outcome.judgement, lang) if outcome.judgement else "",
        decided_by_items=decided_by_items_said(outcome, lang),
        judgeable=(outcome.status is Status.MANUAL_REVIEW or outcome.judgement is not None)
        and not items_judged_instead(report, outcome),
    )


def _see(guidance: Guidance, writer: GuidanceWriter) -> str | None:
    """The requirement whose rulebook page the hint's pointer names, None when it names none."""
    if writer.pointer is not Pointer.RULEBOOK or not writer.points_to_more(guidance):
        return None
    return guidance.requirement
