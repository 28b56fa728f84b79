"""The rule files' Turtle as text a statement can be found in: each file with its comments and the
insides of its string literals masked (`# sh:minCount 0 ;`, or an rdfs:comment's words, is never
a statement), the descriptions that open lines with a subject's name, the statements and the
blank nodes (`[ … ]`) written in them, and the line of any place found."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .rule_problem import PREFIXES

_FILL = "\x00"  # stands for a string literal's characters in the masked text
_LEXEMES = re.compile(r"""(?=["'<#])(?:"""  # looked for only where one can start
                      r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                      r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r"|<[^>\s]*>|#[^\n]*)",
                      re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")
_OPENING = re.compile(r"^(<[^>\s]*>|[A-Za-z][\w.-]*:\S*)", re.MULTILINE)
_TOKEN = re.compile(r"[^\s;,()\[\]]+")
# A blank node written in place, `[ … ]`, holding others up to three deep: an object list is read
# past it (`sh:property [ … ] , shp:A` lists shp:A second).
_BRACKETED = r"\[(?:[^\[\]]|\[(?:[^\[\]]|\[[^\[\]]*\])*\])*\]"
EMPTY_LIST = "( )"  # an empty list as problems say it; the files may write `()`, `( )`, rdf:nil
_EMPTY_LISTS = r"\(\s*\)|rdf:nil"


def masked(text: str) -> str:
    """`text` with each comment blanked and each string literal's characters but its quotes
    and line breaks masked: as long as `text`, each line where it was."""
    return _LEXEMES.sub(_mask, text)


def _mask(found: re.Match[str]) -> str:
    lexeme = found.group()
    if lexeme.startswith("<"):
        return lexeme
    if lexeme.startswith("#"):
        return " " * len(lexeme)
    quotes = 3 if lexeme[:3] in ('"""', "'''") else 1
    inside = lexeme[quotes:-quotes]
    filled = _NOT_NEWLINE.sub(_FILL, inside) if "\n" in inside else _FILL * len(inside)
    return lexeme[:quotes] + filled + lexeme[-quotes:]


@dataclass(frozen=True)
class Region:
    """A stretch of one rule file: a subject's description, or a blank node's `[ … ]`."""

    file: int  # its index in RuleTexts.files
    start: int
    end: int


@dataclass(frozen=True)
class Bracket:
    """A blank node written in place, `[ … ]`: where, and the names and numbers written in it
    outside the brackets it holds (what tells it from the others)."""

    region: Region
    tokens: frozenset[str]


class RuleTexts:
    """The texts of `files`: those given (as read with a rulebook), else read now, once."""

    def __init__(self, files: Sequence[Path], texts: Sequence[str] | None = None) -> None:
        self.files = tuple(files)
        self.texts = list(texts) if texts is not None else [
            path.read_text(encoding="utf-8") for path in self.files]
        self.codes = [masked(text) for text in self.texts]
        self._lines = [[0, *(m.end() for m in re.finditer("\n", code))] for code in self.codes]
        self._described: dict[str, list[Region]] = {}
        self.opening_lines: list[tuple[str, int, int]] = []  # subject, file, line
        for index, code in enumerate(self.codes):
            found = list(_openings_in(code))
            ends = [start for _subject, start in found[1:]] + [len(code)]
            for (subject, start), end in zip(found, ends):
                self._described.setdefault(subject, []).append(Region(index, start, end))
                self.opening_lines.append((subject, index, self.line(index, start)))

    def descriptions(self, subject: str, folder: str | None = None) -> list[Region]:
        """The descriptions of `subject` (an IRI) in file order, in `folder` only when given:
        the text from a line opening with its name to the next such line."""
        return [r for r in self._described.get(subject, ())
                if folder is None or self.files[r.file].parent.name == folder]

    def line(self, file: int, offset: int) -> int:
        """The line number (from 1) of an offset in a file."""
        return bisect_right(self._lines[file], offset)

    def place(self, file: int, offset: int) -> str:
        """An offset of a file as problems name it: `shapes/ch8-branding.ttl:12`."""
        path = self.files[file]
        return f"{path.parent.name}/{path.name}:{self.line(file, offset)}"

    def statements(self, region: Region, statement: tuple[str, str]) -> Iterator[int]:
        """Where `predicate value` is written in the region as the files write them
        (`sh:minCount 0`; a value among the predicate's objects or in its list,
        `sh:or ( shp:A shp:B )`, at the value; a prefixed name also written whole, `<http://…>`;
        an empty list, EMPTY_LIST, however written),
        outside comments and string literals: the offset of each value, in order; the blank
        nodes written before it in its list are read past."""
        predicate, value = statement
        code, text = self.codes[region.file], self.texts[region.file]
        forms = _quote_forms(value) | _whole_iri(value)
        written = _EMPTY_LISTS if value == EMPTY_LIST else "|".join(
            sorted({re.escape(masked(form)) for form in forms}, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w:]){re.escape(predicate)}\s(?:[^;\[\]]|{_BRACKETED})*?"
                             rf"(?<=[\s(,])({written})(?![\w:-]|\.\w)")
        for found in pattern.finditer(code, region.start, region.end):
            if value == EMPTY_LIST or text[found.start(1):found.end(1)] in forms:
                yield found.start(1)

    def written(self, file: int, offset: int, value: str) -> str:
        """`value`, a statement's value as problems say it, as the file writes it at `offset`
        (where `statements` found it): a text quoted `'…'` or `\"\"\"…\"\"\"` as so quoted."""
        text = self.texts[file]
        return next((form for form in sorted(_quote_forms(value), key=len, reverse=True)
                     if text.startswith(form, offset)), value)

    def brackets(self, region: Region) -> Iterator[Bracket]:
        """Each `[ … ]` of the region, outermost first, in order."""
        code = self.codes[region.file]
        opened: list[tuple[int, list[str]]] = []
        found: list[Bracket] = []
        last = region.start
        for at in (m.start() for m in re.finditer(r"[\[\]]", code[region.start:region.end])):
            at += region.start
            if opened:
                opened[-1][1].append(code[last:at])
            if code[at] == "[":
                opened.append((at, []))
            elif opened:
                start, parts = opened.pop()
                tokens = frozenset(t for t in _TOKEN.findall(" ".join(parts))
                                   if _FILL not in t and not t.startswith(("\"", "'")))
                found.append(Bracket(Region(region.file, start, at + 1), tokens))
            last = at + 1
        yield from sorted(found, key=lambda b: b.region.start)


def _quote_forms(value: str) -> frozenset[str]:
    """A value as Turtle may write it: a string quoted `"…"` (as problems say it) also in
    `'…'`, `\"\"\"…\"\"\"` and `\'\'\'…\'\'\'`, its tag or datatype after; any other as given."""
    if not value.startswith('"') or (end := value.rfind('"')) == 0:
        return frozenset({value})
    inside, after = value[1:end], value[end + 1:]
    return frozenset(q + inside + q + after for q in ('"', "'", '"""', "'''"))


def _whole_iri(value: str) -> frozenset[str]:
    """A prefixed name of the rule files' prefixes as written whole, `<http://…>`; none for any
    other value."""
    iri = _expanded(value) if not value.startswith(("<", '"', "'")) else None
    return frozenset({f"<{iri}>"}) if iri is not None else frozenset()


def _openings_in(code: str) -> Iterator[tuple[str, int]]:
    """The names opening lines of one file's masked text, unindented (prefixed by the rule
    files' prefixes, or whole in angle brackets): IRI and where it starts."""
    for found in _OPENING.finditer(code):
        name = found.group(1)
        subject = name[1:-1] if name.startswith("<") else _expanded(name)
        if subject is not None:
            yield subject, found.start()


def _expanded(name: str) -> str | None:
    prefix, colon, local = name.partition(":")
    return PREFIXES[prefix] + local if colon and prefix in PREFIXES else None
