"""Where a rule file describes a shape, provision or term: the lines that open with its name
(`written_at` for mistakes, at the line of the statement at fault when one is named and the
subject's description writes it so; `places_of` for what `bcic rules show` names), and the shapes
described in more than one place (`duplicate_shapes`), which the graph would merge into one
without a word."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from .rule_problem import PREFIXES, PlaceKey, ProblemKind, RuleProblem
from .rulebook import SH

_SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape)
_OPENING = re.compile(r"^(<[^>\s]*>|[A-Za-z][\w.-]*:\S*)", re.MULTILINE)


def openings(files: Sequence[Path]) -> Iterator[tuple[str, Path, int]]:
    """Each line of `files` that opens with a name, unindented (prefixed by the rule files'
    prefixes, or whole in angle brackets): the name's IRI (a plain string: making URIRefs of
    them all would take most of the time), the file and the line's number."""
    for path in files:
        for subject, number, _start in _openings_in(path.read_text(encoding="utf-8")):
            yield subject, path, number


def _descriptions(files: Sequence[Path]) -> Iterator[tuple[str, Path, int, str]]:
    """Each of `openings` with the text it opens: up to the next line opening with a name, or
    the file's end (a subject's statements, with the comments before the next)."""
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = list(_openings_in(text))
        ends = [start for _subject, _number, start in found[1:]] + [len(text)]
        for (subject, number, start), end in zip(found, ends):
            yield subject, path, number, text[start:end]


def _openings_in(text: str) -> Iterator[tuple[str, int, int]]:
    """The names opening lines of one file's text: IRI, line number and where it starts."""
    number, counted = 1, 0
    for match in _OPENING.finditer(text):
        name = match.group(1)
        subject = name[1:-1] if name.startswith("<") else _expanded(name)
        if subject is not None:
            number += text.count("\n", counted, match.start())
            counted = match.start()
            yield subject, number, match.start()


def _statement_line(described: str, statement: tuple[str, str]) -> int | None:
    """The line, counted from the description's first, of the statement `predicate value` (as
    the files write them: `sh:minCount 0`; a value in the predicate's list or among its
    objects, `sh:or ( shp:A shp:B )`, on the value's line); None when not written so."""
    predicate, value = statement
    found = re.search(rf"(?<![\w:]){re.escape(predicate)}\s[^;\[\]]*?(?<=[\s(,])"
                      rf"{re.escape(value)}(?![\w:-]|\.\w)", described)
    return described.count("\n", 0, found.end()) if found is not None else None


def place(path: Path, number: int) -> str:
    """A line of a rule file as problems name it: `shapes/ch8-branding.ttl:12`."""
    return f"{path.parent.name}/{path.name}:{number}"


def place_order(at: str | None) -> tuple[int, str, int]:
    """A `file:line` place as a key that sorts places in a file by line, files by name, and
    none (`None`) after them all."""
    if at is None:
        return 1, "", 0
    file, _colon, number = at.rpartition(":")
    return 0, file, int(number)


def written_at(problems: Sequence[RuleProblem], files: Sequence[Path]) -> dict[PlaceKey, str]:
    """Where each problem is written, as `file:line`, by `place_key`: the line of its statement
    (`sh:minCount 0`) in the first description of its subject that writes it, else the first line
    that opens with its subject's name, in the files given (in its folder only, when it names
    one); absent when none does."""
    wanted: dict[tuple[str, str | None], list[PlaceKey]] = {}
    for problem in problems:
        subject, folder, _statement = problem.place_key
        wanted.setdefault((str(subject), folder), []).append(problem.place_key)
    found: dict[PlaceKey, str] = {}
    exact: set[PlaceKey] = set()  # found at their statement's line
    for subject, path, number, described in _descriptions(files) if wanted else ():
        keys = {*wanted.get((subject, None), ()), *wanted.get((subject, path.parent.name), ())}
        for key in keys:
            line = _statement_line(described, key[2]) if key[2] is not None else None
            if line is not None and key not in exact:
                found[key] = place(path, number + line)
                exact.add(key)
            elif key not in found:
                found[key] = place(path, number)
    return found


def places_of(names: Iterable[URIRef], files: Sequence[Path],
              folder: str) -> dict[URIRef, str]:
    """Where each of `names` is first described in the rule files of `folder` (`shapes`,
    `ontology`), as `file:line`; absent when no line there opens with it."""
    wanted = {str(name): name for name in names}
    found: dict[URIRef, str] = {}
    for subject, path, number in openings([f for f in files if f.parent.name == folder]):
        if subject in wanted and wanted[subject] not in found:
            found[wanted[subject]] = place(path, number)
    return found


def duplicate_shapes(shapes: Graph, files: Sequence[Path]) -> Iterator[RuleProblem]:
    """Shapes whose name opens lines in two files or more, or twice in one: the graph merges
    their statements into one shape (two messages, two paths), which no other check would
    blame on the copy."""
    named = {str(s) for t in _SHAPE_TYPES for s in shapes.subjects(RDF.type, t)
             if isinstance(s, URIRef)}
    places: dict[str, list[tuple[Path, int]]] = {}
    for subject, path, number in openings([f for f in files if f.parent.name == "shapes"]):
        if subject in named:
            places.setdefault(subject, []).append((path, number))
    for shape in sorted(s for s, found in places.items() if len(found) > 1):
        yield RuleProblem(ProblemKind.DUPLICATE_SHAPE, URIRef(shape),
                          {"places": tuple(place(*at) for at in places[shape])})


def _expanded(name: str) -> str | None:
    prefix, colon, local = name.partition(":")
    return PREFIXES[prefix] + local if colon and prefix in PREFIXES else None
