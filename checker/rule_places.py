"""Where a rule file describes a shape, provision or term: the lines that open with its name
(`placed` for mistakes, at the line of the statement at fault when one is named and the
subject's description writes it so, its value quoted as written there; `places_in` for what
`bcic rules show` names), and the shapes described in more than one place
(`duplicate_shapes`), which the graph would merge into one without a word."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from .rule_problem import ProblemKind, RuleProblem
from .rule_texts import RuleTexts
from .rulebook import SH

_SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape)


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


@dataclass(frozen=True)
class Placed:
    """A problem as its files write it (its statement's value quoted as they quote it, `'x'`
    where the problem says `"x"`), and where: `file:line`, None when nowhere."""

    problem: RuleProblem
    at: str | None


def placed(problems: Sequence[RuleProblem], texts: RuleTexts) -> list[Placed]:
    """Where each of `problems` is written, in their order: the line of its statement
    (`sh:minCount 0`) in the descriptions of its subject that write it, else the first line that
    opens with its subject's name, in the texts given (in its folder only, when it names one).
    Problems alike but for the node they were found in (a statement written on two blank nodes
    of one shape, or in two files) take its writings in turn, each its own."""
    turns: dict[tuple[object, ...], int] = {}
    found: list[Placed] = []
    for problem in problems:
        subject, folder, statement = problem.place_key
        regions = texts.descriptions(str(subject), folder)
        written = [(r.file, at) for r in regions
                   for at in texts.statements(r, statement)] if statement is not None else []
        alike = (problem.kind, problem.place_key, repr(sorted(problem.values.items())),
                 problem.wording)
        turn = turns[alike] = turns.get(alike, -1) + 1
        if written and statement is not None:
            file, at = written[min(turn, len(written) - 1)]
            found.append(Placed(problem.as_written(texts.written(file, at, statement[1])),
                                texts.place(file, at)))
        else:
            found.append(Placed(problem, texts.place(regions[0].file, regions[0].start)
                                if regions else None))
    return found


def places_in(names: Iterable[URIRef], texts: RuleTexts, folder: str) -> dict[URIRef, str]:
    """Where each of `names` is first described in the rule texts of `folder` (`shapes`,
    `ontology`), as `file:line`; absent when no line there opens with it."""
    wanted = {str(name): name for name in names}
    found: dict[URIRef, str] = {}
    for subject, file, number in texts.opening_lines:
        path = texts.files[file]
        if path.parent.name == folder and subject in wanted and wanted[subject] not in found:
            found[wanted[subject]] = place(path, number)
    return found


def duplicate_shapes(shapes: Graph, texts: RuleTexts) -> Iterator[RuleProblem]:
    """Shapes whose name opens lines in two files or more, or twice in one: the graph merges
    their statements into one shape (two messages, two paths), which no other check would
    blame on the copy."""
    named = {str(s) for t in _SHAPE_TYPES for s in shapes.subjects(RDF.type, t)
             if isinstance(s, URIRef)}
    places: dict[str, list[tuple[Path, int]]] = {}
    for subject, file, number in texts.opening_lines:
        path = texts.files[file]
        if path.parent.name == "shapes" and subject in named:
            places.setdefault(subject, []).append((path, number))
    for shape in sorted(s for s, found in places.items() if len(found) > 1):
        yield RuleProblem(ProblemKind.DUPLICATE_SHAPE, URIRef(shape),
                          {"places": tuple(place(*at) for at in places[shape])})
