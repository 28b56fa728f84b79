"""Choosing the candidates that came closest to a shape: the fewest lacks, records before texts,
and the order in which candidates are held against a shape."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal
from rdflib.term import Node

from .findings import Candidate


def closest(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """The records with the fewest lacks, then every text where a record is asked: a text, which
    lacks only its class, is no nearer than any record, but is said beside them all the same, so
    that a text given with a record (9.4.1: `bcic:basedOn "2024年绩效评价" , ex:eval`) is not
    dropped without a word (9.1.1)."""
    texts = [c for c in candidates if _text_for_record(c)]
    records = [c for c in candidates if not _text_for_record(c)]
    if not records:
        return tuple(texts)
    fewest = min(len(c.lacks) for c in records)
    return tuple(c for c in records if len(c.lacks) == fewest) + tuple(texts)


def _text_for_record(candidate: Candidate) -> bool:
    """Whether a candidate is a text held against a shape that asks for a record of a class."""
    return isinstance(candidate.node, Literal) and bool(candidate.lacks) and all(
        x.constraint == "ClassConstraintComponent" and x.path is None for x in candidate.lacks)


def in_order(nodes: Iterable[Node]) -> list[Node]:
    """Nodes in a stable order, records before texts, each kind by its IRI or text."""
    return sorted(nodes, key=lambda n: (isinstance(n, Literal), str(n)))
