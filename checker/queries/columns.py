"""The columns of a named query's answer, as its `.rq` header describes them (`# column:` lines,
README.md "Header format"): each result variable's JSON type in the API's rows
(checker/json_values.py) and what it holds, in zh and en, which the OpenAPI document states."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Mapping

from ..i18n import Lang

_COLUMN = re.compile(r'(?P<name>[A-Za-z][A-Za-z0-9_]*) (?P<kind>iri|string|integer|number|boolean)'
                     r' @en "(?P<en>[^"]+)" @zh "(?P<zh>[^"]+)"')


class ColumnKind(Enum):
    """What a column's values are in the API's JSON rows: an IRI (a string), another string, an
    integer, a number or a truth value."""

    IRI = "iri"
    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class QueryColumn:
    """One result variable of a named query: its name, kind and description."""

    name: str
    kind: ColumnKind
    label: Mapping[Lang, str]


def parse_column(line: str) -> QueryColumn | None:
    """A `# column:` line's value (`NAME KIND @en "…" @zh "…"`) as a column; None if malformed."""
    match = _COLUMN.fullmatch(line)
    if match is None:
        return None
    return QueryColumn(match["name"], ColumnKind(match["kind"]),
                       {"en": match["en"], "zh": match["zh"]})
