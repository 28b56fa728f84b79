"""Where a value of a record is written in a file that states it: for a finding about that value
(6.2 d): a date after the report; 9.1.1: a text where a record is asked) to point the submitter at
the value, not at the record's description, which may be in another file.

Found again in the text, as record places are (record_places.py): after where the file describes
the record (else from its start), the value as Turtle, TriG, the N-Triples family and JSON-LD
quote it, as RDF/XML's element text or attribute, or bare (a Turtle or JSON number, true, false);
an IRI as the loader finds one written (standard_terms.first_written). A value the text writes
otherwise (escaped, or a number in another form) is placed where the file describes the record.
A blank node's value (written in Turtle's `[ … ]`, a JSON-LD object without "@id"), whose record
has no description to search after, is found right after the predicate that states it, the
node's statements looked for in the text's order after those of the nodes before it: a value
given alike by a node or a named record before it (two copied blocks, two measures differing in
a title) is not taken for its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rdflib import RDF, BNode, Literal, URIRef
from rdflib.term import Node

from ..text_position import positions
from .record_places import described_at
from .standard_terms import first_written, written_forms
from .vocab_terms import vocab_forms

# What may stand between a predicate and its value: spaces, JSON's quote and colon and
# {"@value": , an RDF/XML element's attributes; no statement's end, list or other value.
_GAP_CHARS = 120
_GAP = re.compile(rf"[^;,\[\]()]{{0,{_GAP_CHARS}}}")
# A type is written as Turtle's `a`, JSON-LD's "@type": no predicate to find it after.
_TYPE = str(RDF.type)


def values_at(text: str, stated: Mapping[tuple[Node, Node], str], prefixes: Mapping[str, str],
              base: str, walked: Sequence[tuple[Node, str, Node]] = ()) -> dict[
                  tuple[Node, Node], tuple[int, int, int]]:
    """Where the text writes each value of a record it states (pair → the IRI of the predicate
    stating it; a record is an IRI, or a blank node): pair → offset, line and column, from 1; a
    record's value not found, the record's description; a blank node's value, found after its
    predicate, in its turn among the blank nodes' statements (`walked`: rdfterms.stated_values),
    else anywhere; a pair found in neither way is left out."""
    described = described_at(text, {record for record, _value in stated
                                     if not isinstance(record, BNode)}, prefixes, base)
    in_turn = _in_turn(text, walked, prefixes)
    found: dict[tuple[Node, Node], int] = {}
    for (record, value), predicate in stated.items():
        if isinstance(record, BNode):
            offset = in_turn.get((record, value))
            if offset is None:
                offset = _after_predicate(text, predicate, value, prefixes)
        else:
            start = described[record][0] if record in described else 0
            offset = _written_after(text, value, start, prefixes)
            if offset is None and start:
                offset = _written_after(text, value, 0, prefixes)
            if offset is None and record in described:
                offset = start
        if offset is not None:
            found[(record, value)] = offset
    return {pair: (offset, *position) for (pair, offset), position in
            zip(found.items(), positions(text, found.values()), strict=True)}


def _in_turn(text: str, walked: Sequence[tuple[Node, str, Node]],
             prefixes: Mapping[str, str]) -> dict[tuple[Node, Node], int]:
    """Where each blank node's statement is written, each looked for after the one before it
    (the text's order): (node, value) → offset; a statement not found (a type written `a`, a
    value written otherwise) moves nothing on and is left out."""
    found: dict[tuple[Node, Node], int] = {}
    start = 0
    for record, predicate, value in walked:
        if predicate == _TYPE:
            continue
        offset = _right_after_predicate(text, predicate, value, prefixes, start)
        if offset is not None:
            found.setdefault((record, value), offset)
            start = offset + 1
    return found


def _after_predicate(text: str, predicate: str, value: Node,
                     prefixes: Mapping[str, str]) -> int | None:
    """The offset where the value is first written right after its predicate (`bcic:observedValue
    "80%"`, `"observedValue": {"@value": "80%"`, `<bcic:observedValue>80%<`), as a blank node's
    value, which no description of its own places, is; else where it is first written."""
    offset = _right_after_predicate(text, predicate, value, prefixes, 0)
    return offset if offset is not None else _written_after(text, value, 0, prefixes)


def _right_after_predicate(text: str, predicate: str, value: Node, prefixes: Mapping[str, str],
                           start: int) -> int | None:
    """The offset where the value is first written right after its predicate, at or after
    `start`; None when it is not."""
    forms = [*written_forms(predicate, prefixes), *vocab_forms(text, predicate)]
    written = re.compile("|".join(re.escape(form) for form in forms) + r"(?![\w%-])")
    for found in written.finditer(text, start):
        near = found.end() + _GAP_CHARS + len(str(value)) + 2
        offset = _written_after(text, value, found.end(), prefixes, near)
        if offset is not None and _GAP.fullmatch(text, found.end(), offset):
            return offset
    return None


def _written_after(text: str, value: Node, start: int, prefixes: Mapping[str, str],
                   end: int | None = None) -> int | None:
    """The offset where the value is first written at or after `start` (and before `end`), None
    when it is not."""
    end = len(text) if end is None else min(end, len(text))
    if isinstance(value, URIRef):
        where = first_written(text[start:end], str(value), prefixes)
        return start + where[0] if where is not None else None
    if not isinstance(value, Literal):
        return None
    lexical = re.escape(str(value))
    quoted = rf"\"{lexical}\"|'{lexical}'|>{lexical}<"
    bare = rf"(?<![\w.\"'+-]){lexical}(?![\w.\"'])"  # 35.2, true: no part of another token
    # The first in either form: a record's number 2024 before a later record's "2024".
    found = re.compile(f"{quoted}|{bare}").search(text, start, end)
    if found is None:
        return None
    return found.start() + (1 if found.group().startswith(">") else 0)
