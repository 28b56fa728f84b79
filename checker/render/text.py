"""The plain-text report for a terminal, and the text helpers the other renderers share."""

from __future__ import annotations

from collections.abc import Iterator

from ..dated_after import is_dated_after
from ..rested_on import ORDER_SHAPE, is_date_warning
from ..display_time import moment_shown
from ..duties import set_aside_lines
from ..i18n import Lang, message
from ..judgements import Judgement, judgement_said
from ..lead_ins import decided_by_items_said
from ..notation import provision_notation, provisions_listed, without_notation
from ..rechecked_note import recheck_note
from ..report import Rate, Report, RequirementOutcome, Status
from ..report_building import is_gap
from ..rulebook import Layer, Level, Requirement, load_rulebook, short_digest
from ..shacl import ShaclResult
from ..sign_off import sign_off_said
from ..verdicts import verdict_text
from .cells import printable, width, wrapped
from .findings_view import Namer, NodeLine
from .guidance_view import GuidanceWriter, shown_hints
from .naming import pick
from .body_view import body_lines
from .term_notes_view import namespace_note_lines, tag_note_lines, term_note_lines

MARKERS = {Status.MET: "✔", Status.NOT_MET: "✘", Status.MANUAL_REVIEW: "?",
           Status.NOT_APPLICABLE: "–", Status.NOT_USED: "ℹ"}
# Statuses whose results are shown: a gap's, an unused optional provision's as information, and
# the warnings of records dated after the report under one that awaits the evaluator for them.
SHOWS_FINDINGS = (Status.NOT_MET, Status.NOT_USED, Status.MANUAL_REVIEW)
# Statuses whose provision text the text report quotes: the gaps, what awaits the evaluator, an
# unused option (the HTML and JSON reports give every provision's).
QUOTES_TEXT = (Status.NOT_MET, Status.MANUAL_REVIEW, Status.NOT_USED)
COLUMNS = 100  # the width the text report wraps its prose at
_PUNCTUATION = {"zh": ("：", "（", "）"), "en": (": ", " (", ")")}  # colon, brackets
_BESIDE = {"zh": "，", "en": ", "}  # between a record's IRI and its place, in its brackets


def short_label(requirement: Requirement, lang: Lang) -> str:
    """The label without the clause number and list marker that the provision id already shows."""
    return without_notation(requirement.id, pick(requirement.label, lang))


def report_title(requirement: Requirement, lang: Lang) -> str:
    """The provision's title as plain text shows it: the standard's heading as it is, bcic's own
    short title in brackets, as an editor's words are (〔〕 in Chinese, [] in English)."""
    title = short_label(requirement, lang)
    if requirement.heading:
        return title
    return f"〔{title}〕" if lang == "zh" else f"[{title}]"


def provision_titles(requirement_ids: tuple[str, ...], lang: Lang) -> list[str]:
    """Provisions in the standard's notation, each with its title (`report_title`) in the running
    rulebook, the titles in one column; the notation alone for one that rulebook no longer has."""
    requirements = load_rulebook().requirements
    notations = [provision_notation(r, lang) for r in requirement_ids]
    column = max((width(n) for n in notations), default=0) + 2
    return [_ljust(n, column) + report_title(requirements[r], lang) if r in requirements else n
            for r, n in zip(requirement_ids, notations)]


def shows_findings(outcome: RequirementOutcome) -> bool:
    """Whether a report lists the outcome's findings: those of SHOWS_FINDINGS, and the warnings of
    an informative provision, never a gap (9.3.2 c): a cluster named as its own benchmark)."""
    return outcome.status in SHOWS_FINDINGS or (
        outcome.requirement.level is Level.INFORMATIVE and bool(outcome.findings))


def sorted_results(results: tuple[ShaclResult, ...]) -> list[ShaclResult]:
    """Results in a stable order (the engine's order is not): by shape, focus node, path, value."""
    return sorted(results, key=lambda r: (str(r.source_shape), str(r.focus_node), r.path or "",
                                          "" if r.value is None else str(r.value)))


def items_not_met(report: Report, outcome: RequirementOutcome) -> list[str]:
    """The ids of a lead-in's list items that are not met (why a lead-in with no results fails)."""
    return [o.requirement.id for o in report.outcomes
            if o.requirement.parent == outcome.requirement.id and o.status is Status.NOT_MET]


def chapter_title(chapter: int, lang: Lang) -> str:
    """"Chapter 4 Management of the cultivation body" in `lang`: the standard's heading (zh), as
    the catalogue keeps it, or bcic's rendering of it (en)."""
    title = load_rulebook().headings[str(chapter)].heading[lang]
    return f"{message('report.chapter', lang, n=chapter)} {title}"


def rate_rows(report: Report, lang: Lang) -> list[tuple[str, tuple[tuple[str, Rate], ...]]]:
    """The rate table's sections: by chapter, by layer, overall; each a list of (scope, rate)."""
    return [
        (message("report.rates.by_chapter", lang),
         tuple((chapter_title(c, lang), r) for c, r in sorted(report.by_chapter.items()))),
        (message("report.rates.by_layer", lang),
         tuple((message(f"report.layer.{layer.value}", lang), report.by_layer[layer])
               for layer in Layer if layer in report.by_layer)),
        (message("report.rates.overall", lang),
         ((message("report.rates.overall", lang), report.overall),)),
    ]


def rulebook_note(report: Report, lang: Lang) -> str:
    """For a stored report read under another rulebook than the one that made it: whose its
    hints, prompts and links are, whose its statuses and rates; "" otherwise."""
    if not report.hints_from_another_rulebook:
        return ""
    return message("report.hints.other_rulebook", lang, running=report.running_rulebook,
                   made=report.rulebook_version)


def hint_source(report: Report, lang: Lang) -> str:
    """Said beside each hint of a stored report read under another rulebook; "" otherwise."""
    if not report.hints_from_another_rulebook:
        return ""
    return message("report.hints.from", lang, running=report.running_rulebook,
                   made=report.rulebook_version)


def withdrawn_note(report: Report, requirement: Requirement, lang: Lang) -> str:
    """Said of a provision the stored report judged that the running rulebook no longer has;
    "" for any other."""
    if requirement.id not in report.not_in_rulebook:
        return ""
    return message("report.not_in_rulebook", lang, running=report.running_rulebook,
                   made=report.rulebook_version)


def files_with_digests(report: Report) -> list[str]:
    """Each file's name, followed by the SHA-256 of its bytes when the report knows it."""
    digests = report.sha256 or ("",) * len(report.files)
    return [f"{name} (SHA-256 {digest})" if digest else name
            for name, digest in zip(report.files, digests, strict=True)]


def revision_fields(report: Report, lang: Lang) -> list[tuple[str, str]]:
    """Which stored revision the report is, and who submitted it, or which one it validates
    again, as (field, value); none for a validation of files."""
    if (note := recheck_note(report, lang)) is not None:
        return [("rechecked", note)]
    stored = report.revision
    if stored is None:
        return []
    fields = [("revision", message("report.revision", lang, number=stored.number, key=stored.key))]
    if stored.submitter is not None:
        fields.append(("submitter", stored.submitter))
    return fields


def rulebook_label(report: Report, lang: Lang) -> str:
    """The rulebook that made the report: its version, and the short digest of its rule files
    when the report records it (one stored before reports did has only the version)."""
    if report.rulebook_digest is None:
        return report.rulebook_version
    return message("report.rulebook_digest", lang, version=report.rulebook_version,
                   digest=short_digest(report.rulebook_digest))


def percent(rate: Rate) -> str:
    """A rate as a percentage with one decimal."""
    return f"{rate.ratio * 100:.1f}%"


RATE_COLUMNS = ("scope", "met", "pending", "not_met", "total", "ratio")


def rate_cells(rate: Rate) -> tuple[str, ...]:
    """A rate's numbers as the rate table shows them, in RATE_COLUMNS order after the scope."""
    return str(rate.met), str(rate.pending), str(rate.not_met), str(rate.total), percent(rate)


def verdict_word(report: Report, lang: Lang) -> str:
    """The report's verdict, qualified when requirements await manual review."""
    return verdict_text(report.conforms, report.overall, lang)


def verdict_lines(report: Report, lang: Lang) -> list[str]:
    """The verdict's detail sentences: gaps, then what awaits the evaluator and what to do,
    the duties of 4.2 set aside for want of a member of their role, and why none is where the
    body is not declared or a member's role is undefined."""
    not_met = sum(is_gap(o.requirement, o.status) for o in report.outcomes)
    pending = report.overall.pending
    if not report.conforms:
        lines = [message("report.verdict.not_conformant_detail", lang, n=not_met)]
        if pending:
            lines.append(message("report.verdict.also_pending", lang, n=pending))
    elif pending:
        lines = [message("report.verdict.no_gap_detail", lang, n=pending)]
    else:
        lines = [message("report.verdict.conformant_detail", lang)]
    return (lines + _review_lines(report, lang) + set_aside_lines(report, lang)
            + body_lines(report, lang))


def _review_lines(report: Report, lang: Lang) -> list[str]:
    """What the manual-review checklist asks of the submitter: only the items really awaiting
    a judgement count; lead-ins follow their items; items already not met need evidence first.
    Records dated after the report, and those dated before what they rest on, are counted, and
    the provisions off the checklist that await the evaluator for them (checker/dated_after.py,
    checker/rested_on.py)."""
    awaiting = report.awaiting_judgement()
    listed = {o.requirement.id for o in report.manual_checklist()}
    off_the_list = [o for o in report.outcomes if o.status is Status.MANUAL_REVIEW
                    and o.requirement.id not in listed and o.requirement.level is Level.SHALL]
    dated_later = sum(any(is_date_warning(r) for r in o.results) for o in off_the_list)
    lead_ins = len(off_the_list) - dated_later
    already_not_met = sum(o.status is Status.NOT_MET and o.judgement is None
                          for o in report.manual_checklist())
    lines = []
    if awaiting:
        lines.append(message("report.verdict.manual_pending", lang, n=len(awaiting)))
    if lead_ins:
        lines.append(message("report.verdict.lead_ins_pending", lang, n=lead_ins))
    if later := {r.focus_node for o in report.outcomes if o.status is not Status.NOT_APPLICABLE
                 for r in o.results if is_dated_after(r)}:
        lines.append(message("report.later.records", lang, n=len(later)))
    if earlier := {r.focus_node for o in report.outcomes if o.status is not Status.NOT_APPLICABLE
                   for r in o.results if r.source_shape == ORDER_SHAPE}:
        lines.append(message("report.earlier.records", lang, n=len(earlier)))
    if dated_later:
        lines.append(message("report.later.pending", lang, n=dated_later))
    if already_not_met:
        lines.append(message("report.verdict.checklist_not_met", lang, n=already_not_met))
    if awaiting:
        lines.append(message("report.verdict.have_ready", lang))
        lines.append(message("report.verdict.judged_elsewhere", lang))
    return lines


def _ljust(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def _rjust(text: str, columns: int) -> str:
    return " " * max(0, columns - width(text)) + text


def render_text(report: Report, lang: Lang) -> str:
    """The whole report as aligned plain text."""
    return "\n".join(_lines(report, lang)) + "\n"


def _lines(report: Report, lang: Lang) -> Iterator[str]:
    title = f"{message('report.title', lang)} — {message('report.standard', lang)}"
    yield title
    yield "=" * width(title)
    fields = [
        ("cluster", pick(report.cluster_label, lang)
         or message("report.no_name" if report.cluster else "report.no_cluster", lang)),
        ("iri", report.cluster or message("report.none", lang)),
        *revision_fields(report, lang),
        ("files", ", ".join(files_with_digests(report)) or message("report.none", lang)),
        ("triples", str(report.triples)),
        ("rulebook", rulebook_label(report, lang)),
        ("created", moment_shown(report.created, lang, seconds=True)),
        ("verdict", verdict_word(report, lang).upper()),
    ]
    names = [message(f"report.field.{key}", lang) for key, _ in fields]
    signed, signer = sign_off_said(report, lang), message("report.field.sign_off", lang)
    column = max(width(n) for n in [*names, *([signer] if signed else [])]) + 2
    for name, (_key, value) in zip(names, fields, strict=True):
        yield _ljust(name, column) + printable(value)
    for line in verdict_lines(report, lang):
        yield " " * column + line
    if note := rulebook_note(report, lang):
        yield from wrapped(note, " " * column, " " * column, COLUMNS)
    if signed:  # the evaluators' sign-off, under the verdict their judgements decide
        yield from wrapped(printable(signed), _ljust(signer, column), " " * column, COLUMNS)
    yield ""
    yield from _notes("namespaces", namespace_note_lines(report, lang), lang)
    yield from _term_notes(report, lang)
    yield from _notes("tags", tag_note_lines(report, lang), lang)
    yield from _rates(report, lang)
    yield ""
    yield from _requirements(report, lang)
    yield ""
    yield from _checklist(report, lang)


def _notes(heading: str, notes: list[str], lang: Lang) -> Iterator[str]:
    """A section of notes under its heading (report.<heading>.heading), when there are any: the
    namespaces close to the standard's that the submission writes IRIs under (they explain a
    submission reported as having no evidence at all); the language tags it mistakes for a
    language's (they explain a record named by its IRI, or in the other language, below:
    decision 14)."""
    if not notes:
        return
    yield message(f"report.{heading}.heading", lang)
    for note in notes:
        yield from wrapped(printable(note), "  · ", "    ", COLUMNS)
    yield ""


def _term_notes(report: Report, lang: Lang) -> Iterator[str]:
    """The IRIs the ontology does not define, after the verdict, when there are any: they explain
    evidence reported missing below."""
    notes = term_note_lines(report, lang)
    if not notes:
        return
    yield message("report.terms.heading", lang)
    yield from wrapped(message("report.terms.intro", lang), "  ", "  ", COLUMNS)
    for note in notes:
        yield from wrapped(printable(note), "  · ", "    ", COLUMNS)
    yield ""


def _rates(report: Report, lang: Lang) -> Iterator[str]:
    yield message("report.rates.heading", lang)
    head = [message(f"report.rates.{k}", lang) for k in RATE_COLUMNS]
    sections = rate_rows(report, lang)
    rows = [(scope, *rate_cells(r)) for _s, rs in sections for scope, r in rs]
    widths = [max(width(row[i]) for row in [*rows, tuple(head)]) for i in range(len(head))]

    def line(cells: tuple[str, ...] | list[str]) -> str:
        numbers = (_rjust(c, w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  " + "  ".join([_ljust(cells[0], widths[0]), *numbers])

    yield line(head)
    for index, (_section, section_rows) in enumerate(sections):
        if index:
            yield ""
        for scope, rate in section_rows:
            yield line((scope, *rate_cells(rate)))


def _requirements(report: Report, lang: Lang) -> Iterator[str]:
    yield message("report.requirements.heading", lang)
    yield "  " + "   ".join(f"{MARKERS[s]} {message(f'report.status.{s.value}', lang)}"
                            for s in Status)
    if lang == "en":  # the English beside the standard's text is ours
        yield from wrapped(message("report.text.unofficial", lang), "  ", "  ", COLUMNS)
    yield from wrapped(message("report.titles.note", lang), "  ", "  ", COLUMNS)
    namer = Namer(report, lang)
    writer = GuidanceWriter(namer, shown_hints(report.outcomes))
    id_width = max((width(provision_notation(o.requirement.id, lang)) for o in report.outcomes),
                   default=0)
    level_width = max((width(message(f"report.level.{o.requirement.level.value}", lang))
                       for o in report.outcomes), default=0)
    chapter = None
    for outcome in report.outcomes:
        requirement = outcome.requirement
        if requirement.chapter != chapter:
            chapter = requirement.chapter
            yield ""
            yield chapter_title(chapter, lang)
        level = message(f"report.level.{requirement.level.value}", lang)
        yield (f"  {MARKERS[outcome.status]} {_ljust(provision_notation(requirement.id, lang), id_width)}  "
               f"{_ljust(level, level_width)}  {report_title(requirement, lang)}")
        if withdrawn := withdrawn_note(report, requirement, lang):
            yield from wrapped(withdrawn, "      ", "      ", COLUMNS)
        if outcome.judgement is not None:
            yield from judgement_lines(outcome.judgement, lang, "      ")
        if decided := decided_by_items_said(outcome, lang):
            yield from wrapped(decided, "      ", "      ", COLUMNS)
        if outcome.status in QUOTES_TEXT and requirement.text:
            yield from _quoted_text(requirement, lang, "      ")
        if not shows_findings(outcome):
            continue
        for finding in outcome.findings:
            view = namer.view(finding)
            yield f"      · {printable(view.message)}"
            yield from (f"      · {printable(also)}" for also in view.also)
            yield from (f"          {printable(line)}" for line in view.missing)
            if view.order:
                yield f"          {view.order}"
            for node in view.nodes:
                yield from _node_lines(node, 10, lang)
            if view.more:
                yield "          " + message("report.result.more", lang, n=view.more)
        if not outcome.results and not decided and (items := items_not_met(report, outcome)):
            yield "      · " + message("report.items_not_met", lang,
                                      items=provisions_listed(items, lang))
        if outcome.how_to is not None:
            source = hint_source(report, lang)
            yield printable(f"      → {message('report.guidance.label', lang)}"
                            f"{_PUNCTUATION[lang][0]}{writer.how_to(outcome.how_to)}"
                            + (f" {source}" if source else ""))


def _quoted_text(requirement: Requirement, lang: Lang, indent: str) -> Iterator[str]:
    """The provision's text as the standard writes it (zh), and in English beside it our
    rendering, said to be unofficial; wrapped at COLUMNS, each line after `indent`."""
    colon = _PUNCTUATION[lang][0]
    texts = [("report.text.standard", requirement.text.get("zh", ""))]
    if lang == "en":
        texts.append(("report.text.rendering", requirement.text.get("en", "")))
    for key, text in texts:
        yield from wrapped(text, f"{indent}{message(key, lang)}{colon}", indent + "  ", COLUMNS)


def _node_lines(node: NodeLine, indent: int, lang: Lang) -> Iterator[str]:
    """A node named (its IRI and its place in the files beside its label), then what it lacks,
    each on a line."""
    colon, left, right = _PUNCTUATION[lang]
    beside = _BESIDE[lang].join(part for part in (node.iri, node.place) if part)
    named = f"{node.name}{left}{beside}{right}" if beside else node.name
    pad = " " * indent
    if len(node.lacks) == 1 and not node.lacks[0].closest:
        yield printable(f"{pad}{named}{colon}{node.lacks[0].text}")
        return
    yield printable(f"{pad}{named}" + (colon.rstrip() if node.lacks else ""))
    for lack in node.lacks:
        yield printable(f"{pad}  – {lack.text}")
        for closer in lack.closest:
            yield from _node_lines(closer, indent + 4, lang)


def judgement_lines(judgement: Judgement, lang: Lang, indent: str) -> Iterator[str]:
    """The judgement as a text report says it, under its provision at `indent`: a rationale of
    several lines (the page's form is a text area) keeps its lines, each wrapped, indented."""
    first, *more = judgement_said(judgement, lang).replace("\r\n", "\n").split("\n")
    yield from wrapped(printable(first), indent, indent, COLUMNS)
    for line in more:
        yield from wrapped(printable(line), indent + "  ", indent + "  ", COLUMNS)


def _checklist(report: Report, lang: Lang) -> Iterator[str]:
    yield message("report.manual.heading", lang)
    writer = GuidanceWriter(Namer(report, lang))
    checklist = report.manual_checklist()
    if not checklist:
        yield "  " + message("report.manual.none", lang)
    id_width = max((width(provision_notation(o.requirement.id, lang)) for o in checklist), default=0)
    for outcome in checklist:
        requirement = outcome.requirement
        yield (f"  {MARKERS[outcome.status]} {_ljust(provision_notation(requirement.id, lang), id_width)}  "
               f"{report_title(requirement, lang)}")
        yield f"      {pick(requirement.review_prompt or {}, lang)}"
        if outcome.judgement is not None:
            yield from judgement_lines(outcome.judgement, lang, "      ")
        if decided := decided_by_items_said(outcome, lang):
            yield from wrapped(decided, "      ", "      ", COLUMNS)
        if outcome.guidance is not None:
            yield printable(f"      → {writer.documents(outcome.guidance)}")
