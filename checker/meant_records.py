"""The record of the submission a text given where a record is asked names (9.1.1: JSON-LD's
"prov:wasAttributedTo": "body", Turtle's prov:wasAttributedTo
"德化陶瓷产业集群品牌培育工作领导小组"), by its local name or one of its labels, for the finding to say
how to refer to that record rather than give an example. A text naming several records names the
one of the class asked, if only one is; else none."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .diagnosis import is_submission_node
from .findings import CLASS, Candidate, Finding, text_given
from .labels import LABEL_PREDICATES
from .shape_paths import INSTANCE_OF


def texts_asked_as_records(findings: Iterable[Finding]) -> Iterator[tuple[Literal, Node | None]]:
    """Every text the findings find where a record is asked, with the class asked (None where
    the lack does not say)."""
    for finding in findings:
        for diagnosis in finding.diagnoses:
            yield from _texts(diagnosis.candidates)


def _texts(candidates: Iterable[Candidate]) -> Iterator[tuple[Literal, Node | None]]:
    for candidate in candidates:
        for lack in candidate.lacks:
            if (text := text_given(lack)) is not None:
                own = lack.constraint == CLASS and lack.value == text
                asked = lack.expected if own else next(
                    (x.expected for c in lack.closest for x in c.lacks), None)
                yield text, asked
            yield from _texts(lack.closest)


def records_meant(data: Graph, view: Graph, texts: Iterable[tuple[Literal, Node | None]],
                  ) -> dict[Literal, URIRef]:
    """text → the one record of the submission `data` (an IRI it describes) whose local name or
    label is the text, case and spaces around it aside; where several are, the one of the class
    asked (in `view`, the data with the class hierarchy beside it, as the shapes see it); texts
    naming none left out. A term of the standard is no record."""
    given = list(dict.fromkeys(texts))
    asked: dict[str, set[Node | None]] = {}
    for text, cls in given:
        asked.setdefault(str(text).strip().casefold(), set()).add(cls)
    asked.pop("", None)
    if not asked:
        return {}
    named: dict[str, set[URIRef]] = {}
    for subject in set(data.subjects()):
        if is_record(subject) and (key := _local(subject).casefold()) in asked:
            named.setdefault(key, set()).add(subject)
    for predicate in LABEL_PREDICATES:
        for subject, label in data.subject_objects(predicate):
            if is_record(subject) and (key := str(label).strip().casefold()) in asked:
                named.setdefault(key, set()).add(subject)
    found = {}
    for text in dict.fromkeys(text for text, _cls in given):
        key = str(text).strip().casefold()
        if (record := _one(view, named.get(key, set()), asked.get(key, set()))) is not None:
            found[text] = record
    return found


def is_record(node: Node) -> bool:
    """Whether a node is a record of the submission a text may name: an IRI, no term of the
    standard."""
    return isinstance(node, URIRef) and is_submission_node(node)


def _one(view: Graph, records: set[URIRef], classes: set[Node | None]) -> URIRef | None:
    """The only record, else the only one of a class asked; None otherwise."""
    if len(records) == 1:
        return next(iter(records))
    of_class = {r for r in records for c in classes if c is not None
                and (r, INSTANCE_OF, c) in view}
    return next(iter(of_class)) if len(of_class) == 1 else None


def _local(iri: URIRef) -> str:
    """An IRI's local name: after its last '#' or '/'."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
