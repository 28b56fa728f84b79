"""A shape's path and constraints as lines of words in one language, each with the lines of the
shapes it nests beneath it: what `bcic rules show` prints (checker/render/provision_text.py) and
what the rulebook's pages show (a provision's shapes and its list items' shapes on its page, a
shape on its own page), said by one function so that both say the same."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import URIRef

from ..i18n import Lang, message
from ..provision_sheet import ProvisionSheet, shape_outlines
from ..rule_problem import prefixed
from ..rulebook_document import RulebookDocument
from ..shape_outline import Constraint, ShapeOutline
from .naming import pick

_OPENS = {"zh": "：", "en": ":"}  # after a constraint whose nested shapes follow beneath it


@dataclass(frozen=True)
class SaidLine:
    """One line of a shape's outline, and the lines said beneath it (a constraint's nested
    shapes, a nested shape's own path and constraints)."""

    text: str
    marked: bool = False  # the shape a sheet was asked by (`bcic rules show shp:…`)
    lines: tuple[SaidLine, ...] = ()


def outline_said(outline: ShapeOutline, lang: Lang,
                 asked: str | None = None) -> tuple[SaidLine, ...]:
    """The shape's path, then each constraint with the shapes it nests; the nested shape named
    `asked` (prefixed) marked."""
    said: list[SaidLine] = []
    if outline.path is not None:
        words = pick(outline.path_words, lang)
        said.append(SaidLine(
            message("rules.show.path", lang, path=outline.path, words=words)
            if words != outline.path else  # no label to add
            message("rules.show.path_plain", lang, path=outline.path)))
    said.extend(_constraint(c, lang, asked) for c in outline.constraints)
    return tuple(said)


def sheet_said(sheet: ProvisionSheet, lang: Lang) -> dict[URIRef, tuple[SaidLine, ...]]:
    """Each checking shape of the sheet's provision, by IRI, its outline said in `lang`."""
    asked = prefixed(sheet.asked.iri) if sheet.asked is not None else None
    return {iri: outline_said(outline, lang, asked) for iri, outline in sheet.outlines.items()}


def shapes_said(document: RulebookDocument, shapes: Iterable[URIRef],
                lang: Lang) -> dict[URIRef, tuple[SaidLine, ...]]:
    """Each of `shapes` by IRI, its outline said in `lang` as its provision's sheet says it: a
    list item's shapes on its lead-in's page, a checking or helper shape on its own page."""
    return {iri: outline_said(outline, lang)
            for iri, outline in shape_outlines(document, shapes).items()}


def indented(lines: tuple[SaidLine, ...], depth: int = 0) -> Iterator[tuple[int, SaidLine]]:
    """Every line with its depth beneath the shape, each followed by the lines beneath it."""
    for line in lines:
        yield depth, line
        yield from indented(line.lines, depth + 1)


def _constraint(constraint: Constraint, lang: Lang, asked: str | None) -> SaidLine:
    said = message("rules.show.constraint", lang, text=pick(constraint.text, lang),
                   kind=constraint.kind)
    if not constraint.shapes:
        return SaidLine(said)
    return SaidLine(said + _OPENS[lang],
                    lines=tuple(_nested(inner, lang, asked) for inner in constraint.shapes))


def _nested(outline: ShapeOutline, lang: Lang, asked: str | None) -> SaidLine:
    """A nested shape: its name (or that it is written where it is used) and place (of a
    blank node, its `[`), its own path and constraints beneath; a named one read above, by
    name only."""
    marked = asked is not None and outline.name == asked
    if outline.name is None:
        return SaidLine(message("rules.show.nested_own", lang, place=outline.defined_at or "—"),
                        marked,
                        outline_said(outline, lang, asked))
    if outline.repeated:
        return SaidLine(message("rules.show.repeated", lang, name=outline.name), marked)
    label = message("rules.show.label", lang, label=pick(outline.label, lang)) \
        if outline.label else ""
    return SaidLine(message("rules.show.nested", lang, name=outline.name + label,
                            place=outline.defined_at or "—"), marked,
                    outline_said(outline, lang, asked))
