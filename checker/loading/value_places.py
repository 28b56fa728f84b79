"""Where a value of a record is written in a file that states it: for a finding about that value
(6.2 d): a date after the report; 9.1.1: a text where a record is asked) to point the submitter at
the value, not at the record's description, which may be in another file.

Found again in the text, as record places are (record_places.py): after where the file describes
the record (else from its start), the value as Turtle, TriG, the N-Triples family and JSON-LD
quote it, as RDF/XML's element text or attribute, or bare (a Turtle or JSON number, true, false);
an IRI as the loader finds one written (standard_terms.first_written). A value the text writes
otherwise (escaped, or a number in another form) is placed where the file describes the record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..text_position import positions
from .record_places import described_at
from .standard_terms import first_written


def values_at(text: str, pairs: Iterable[tuple[str, Node]], prefixes: Mapping[str, str],
              base: str) -> dict[tuple[str, Node], tuple[int, int, int]]:
    """Where the text writes each value of a record (record IRI, value) it states: pair → offset,
    line and column, from 1; where the value is not found, the record's description; a pair
    found in neither way is left out."""
    wanted = list(dict.fromkeys(pairs))
    described = described_at(text, {record for record, _value in wanted}, prefixes, base)
    found: dict[tuple[str, Node], int] = {}
    for record, value in wanted:
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


def _written_after(text: str, value: Node, start: int, prefixes: Mapping[str, str]) -> int | None:
    """The offset where the value is first written at or after `start`, None when it is not."""
    if isinstance(value, URIRef):
        where = first_written(text[start:], str(value), prefixes)
        return start + where[0] if where is not None else None
    if not isinstance(value, Literal):
        return None
    lexical = re.escape(str(value))
    quoted = rf"\"{lexical}\"|'{lexical}'|>{lexical}<"
    bare = rf"(?<![\w.\"'+-]){lexical}(?![\w.\"'])"  # 35.2, true: no part of another token
    found = re.compile(quoted).search(text, start) or re.compile(bare).search(text, start)
    if found is None:
        return None
    return found.start() + (1 if found.group().startswith(">") else 0)
