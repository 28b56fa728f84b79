"""`bcic rules show` as text: one provision as a rule maintainer reads it
(checker/provision_sheet.py).

Each text the rule files hold is quoted whole on a line of its own, so that it can be searched for
in them: the standard's text (zh) and bcic's rendering (en), each shape's message and the review
prompt in both languages, whichever is asked; what bcic derives from the rules (a fixture's words,
the hint, the records to show) in the language asked.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import Lang, message
from ..notation import is_part, listed, provision_notation
from ..provision_sheet import ProvisionSheet
from ..rule_problem import prefixed
from ..rulebook import Heading, Level, short_digest
from ..rulebook_document import LEVEL_LABELS, ProvisionEntry, ShapeEntry
from ..shape_outline import ShapeOutline
from .naming import pick
from .shape_said import indented, outline_said
from .text import report_title

_COLON = {"zh": "：", "en": ": "}
_BOTH: tuple[Lang, ...] = ("zh", "en")  # the texts of the rule files, the standard's language first
_MARK = "  ◀"  # after the shape asked (`bcic rules show shp:…`), or a shape that uses it


def sheet_lines(sheet: ProvisionSheet, lang: Lang) -> Iterator[str]:
    """The provision, then the shapes that check it, its review prompt and its hint."""
    p, r = sheet.provision, sheet.provision.requirement
    yield f"{provision_notation(r.id, lang)} {report_title(r, lang)}"
    yield "  " + message("rules.identity", lang, version=sheet.version,
                         digest=short_digest(sheet.digest)) + " · " + message(
        "rules.show.written", lang, place=p.defined_at or "—", page=sheet.page)
    yield "  " + message("rules.show.iri", lang, iri=r.iri)
    if sheet.asked is not None:
        yield "  " + message("rules.show.asked", lang, name=prefixed(sheet.asked.iri),
                             place=sheet.asked.defined_at or "—") + message(
            "rules.show.asked_helper" if sheet.asked.helper else "rules.show.asked_checks", lang)
    if sheet.problems:
        yield "  " + message("rules.show.problems", lang, n=len(sheet.problems))
        yield from (f"    {pick(problem.text, lang)}" for problem in sheet.problems)
    yield "  " + message("rules.show.level", lang, level=_level(r.level, lang),
                         verbs=_verbs(sheet, lang))
    if p.level_note:
        yield "  " + message("rules.show.level_note", lang, note=pick(p.level_note, lang))
    yield "  " + message("rules.show.actor", lang, actors=listed(
        (pick(label, lang) for _, label in p.actors), lang))
    if p.actor_note:
        yield "  " + message("rules.show.actor_note", lang, note=pick(p.actor_note, lang))
    layer = message(f"report.layer.{r.layer.value}", lang)
    yield "  " + message("rules.show.layer", lang, layer=layer,
                         headings=" › ".join(_heading(h, lang) for h in sheet.headings))
    if sheet.parent is not None:
        yield "  " + message("rules.show.part_of" if is_part(r.id) else "rules.show.item_of", lang,
                             provision=_named(sheet.parent, lang))
    for key, text in (("report.text.standard", r.text.get("zh", "")),
                      ("report.text.rendering", r.text.get("en", ""))):
        yield f"  {message(key, lang)}{_COLON[lang]}{text}"
    for key, listed_here in (("rules.show.items", sheet.items), ("rules.show.parts", sheet.parts)):
        if listed_here:
            yield "  " + message(key, lang, n=len(listed_here))
            yield from (f"    {_named(each, lang)}" for each in listed_here)
    yield from _shapes(sheet, lang)
    yield from _review(p, lang)
    if p.how_to:
        yield "  " + message("rules.show.how_to", lang)
        yield f"    {pick(p.how_to, lang)}"
    else:
        yield "  " + message("rules.show.no_how_to", lang)


def _level(level: Level, lang: Lang) -> str:
    """`应 shall (requirement)` in English (the standard's word before ours), `应（要求）` in Chinese."""
    words = LEVEL_LABELS[level][lang]
    return words if lang == "zh" else f"{message(f'report.level.{level.value}', 'zh')} {words}"


def _verbs(sheet: ProvisionSheet, lang: Lang) -> str:
    """`modal verb 「应」`, or `… of its lead-in 4.2.1` when a list item carries its lead-in's."""
    verbs = "".join(f"「{v}」" for v in sheet.provision.modal_verbs)
    if sheet.verbs_of is None:
        return message("rules.show.no_modal", lang)
    if sheet.verbs_of == sheet.provision.requirement.id:
        return message("rules.show.modal", lang, verbs=verbs)
    return message("rules.show.modal_of", lang, verbs=verbs,
                   lead_in=provision_notation(sheet.verbs_of, lang))


def _heading(heading: Heading, lang: Lang) -> str:
    """A chapter as `Chapter 9 …`, a headed clause as `9.2 …`."""
    number = message("report.chapter", lang, n=heading.id) if not heading.depth else heading.id
    return f"{number} {pick(heading.heading, lang)}"


def _named(p: ProvisionEntry, lang: Lang) -> str:
    """A provision in the notation, its title and level: `8.3.4 —2 [Crisis sources …] · shall`."""
    r = p.requirement
    return (f"{provision_notation(r.id, lang)} {report_title(r, lang)} · "
            f"{message(f'report.level.{r.level.value}', lang)}")


def _shapes(sheet: ProvisionSheet, lang: Lang) -> Iterator[str]:
    p = sheet.provision
    if not p.shapes:
        yield "  " + message("rules.show.no_shape", lang)
        why = ("rules.show.gap" if p.gap else "rules.show.manual_only" if sheet.manual_only
               else "rules.show.informative" if p.requirement.level is Level.INFORMATIVE
               else "rules.show.through_items" if sheet.items else None)
        if why is not None:
            yield "    " + message(why, lang)
        return
    yield "  " + message("rules.show.shapes", lang, n=len(p.shapes))
    asked = prefixed(sheet.asked.iri) if sheet.asked is not None else None
    for shape in p.shapes:
        yield from _shape(shape, sheet.outlines[shape.iri], shape.iri in sheet.marked, asked,
                          lang)


def _shape(shape: ShapeEntry, outline: ShapeOutline, marked: bool, asked: str | None,
           lang: Lang) -> Iterator[str]:
    mark = _MARK if marked else ""
    yield f"    {prefixed(shape.iri)} · {shape.defined_at or '—'}{mark}"
    yield "      " + message("rules.show.iri", lang, iri=shape.iri)
    for target in shape.targets:
        label = message("rules.show.label", lang, label=pick(target.label, lang)) \
            if target.label else ""
        yield "      " + message("rules.show.target", lang, kind=prefixed(target.kind),
                                 term=prefixed(target.term), label=label)
    yield from _outline(outline, 6, lang, asked)
    yield "      " + message("rules.show.severity", lang,
                             severity=message(f"report.severity.{shape.severity.value}", lang))
    for text_lang in _BOTH:
        yield "      " + message("rules.show.message", lang, lang=text_lang,
                                 text=shape.message.get(text_lang, "—"))
    if shape.fixture_kind:
        yield "      " + message("rules.show.fixture", lang, kind=shape.fixture_kind,
                                 text=pick(shape.fixture, lang))
    else:
        yield "      " + message("rules.show.no_fixture", lang)


def _outline(outline: ShapeOutline, indent: int, lang: Lang, asked: str | None) -> Iterator[str]:
    """A shape's path and constraints, a line each, the shapes they nest beneath them, as the
    rulebook page says them (checker/render/shape_said.py)."""
    for depth, line in indented(outline_said(outline, lang, asked)):
        yield " " * (indent + 2 * depth) + line.text + (_MARK if line.marked else "")


def _review(p: ProvisionEntry, lang: Lang) -> Iterator[str]:
    """The review prompt in both languages, then the records the evaluator will want to see."""
    prompt = p.requirement.review_prompt
    if not prompt:
        yield "  " + message("rules.show.no_prompt", lang)
        return
    yield "  " + message("rules.show.prompt", lang, place=p.prompt_at or "—")
    for text_lang in _BOTH:
        yield "    " + message("rules.show.prompt_text", lang, lang=text_lang,
                               text=prompt.get(text_lang, "—"))
    if p.review_documents:
        yield f"    {pick(p.review_documents, lang)}"
