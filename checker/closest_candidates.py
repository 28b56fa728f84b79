"""Choosing the candidates that came closest to a shape: the fewest lacks, records before texts,
and the order in which candidates are held against a shape."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal
from rdflib.term import Node

from .findings import Candidate


def closest(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """The candidates with the fewest lacks; a text where a record is asked, which lacks only
    its class, is no nearer than any record, and comes only where no record did (9.1.1)."""
    records = [c for c in candidates if not _text_for_record(c)]
    pool = records or candidates
    if not pool:
        return ()
    fewest = min(len(c.lacks) for c in pool)
    return tuple(c for c in pool if len(c.lacks) == fewest)


def _text_for_record(candidate: Candidate) -> bool:
    """Whether a candidate is a text held against a shape that asks for a record of a class."""
    return isinstance(candidate.node, Literal) and bool(candidate.lacks) and all(
        x.constraint == "ClassConstraintComponent" and x.path is None for x in candidate.lacks)


def in_order(nodes: Iterable[Node]) -> list[Node]:
    """Nodes in a stable order, records before texts, each kind by its IRI or text."""
    return sorted(nodes, key=lambda n: (isinstance(n, Literal), str(n)))
