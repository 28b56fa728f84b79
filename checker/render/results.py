"""SPARQL query results as text: SPARQL 1.1 JSON, SPARQL 1.1 CSV, or an aligned table."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..i18n import Lang, message
from ..query import QueryResult
from ..rulebook import LEVEL_BY_IRI
from .cells import CELL_CHARS, table_cell
from .naming import short_node

def render_json(result: QueryResult) -> str:
    """The SPARQL 1.1 Query Results JSON Format."""
    if result.boolean is not None:
        document: dict[str, object] = {"head": {}, "boolean": result.boolean}
    else:
        document = {"head": {"vars": list(result.variables)},
                    "results": {"bindings": [{name: _json_term(term) for name, term in row.items()}
                                             for row in result.rows]}}
    return json.dumps(document, ensure_ascii=False, indent=2)


def render_csv(result: QueryResult) -> str:
    """The SPARQL 1.1 Query Results CSV Format (CRLF line ends, lexical forms only); an ASK,
    which that format leaves out, as the endpoint writes it: `true` or `false` alone, no
    header (no engine's internal variable name)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_csv_term(row.get(name)) for name in result.variables])
    return out.getvalue()


def render_table(result: QueryResult, lang: Lang,
                 cell: Callable[[Node | None], str] | None = None) -> str:
    """Aligned columns for a terminal (wide CJK characters count twice), and a row count; each
    term written by `cell`, by default as SPARQL gives it (a literal with its language tag)."""
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    header = list(result.variables)
    body = [[(cell or _shown)(row.get(name)) for name in header] for row in result.rows]
    return "\n".join([*aligned_table([header, *body], lang), f"({len(body)})"])


def render_readable_table(result: QueryResult, lang: Lang) -> str:
    """The table of a named query, whose columns say what each holds (`labelZh`, `level`): a
    literal as its text alone, a normative level in words of `lang` (应, shall), a term of the
    standard by its prefixed name (`req:4.2.2`, `bcic:BuyerDriven`); other IRIs, the clusters'
    that other queries take as parameters, whole."""
    return render_table(result, lang, lambda term: _readable(term, lang))


def aligned_table(rows: list[list[str]], lang: Lang) -> list[str]:
    """Rows as aligned text lines, the first underlined (wide CJK characters count twice).

    Cells are submitted text: shown with control characters escaped and cut at CELL_CHARS
    characters, in which case a last line, in `lang`, says so."""
    cells = [[table_cell(cell) for cell in row] for row in rows]
    shown = [[text for text, _cut in row] for row in cells]
    widths = [max(_width(cell) for cell in column) for column in zip(*shown)]
    lines = []
    for index, row in enumerate(shown):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    if any(cut for row in cells for _text, cut in row):
        lines.append(message("table.cells_cut", lang, chars=CELL_CHARS))
    return lines


# Only the table is for a terminal; JSON and CSV keep every value exact, in any language.
RESULT_FORMATS: dict[str, Callable[[QueryResult, Lang], str]] = {
    "table": render_table,
    "json": lambda result, _lang: render_json(result),
    "csv": lambda result, _lang: render_csv(result),
}


# A named query's results: the same, but the table for reading (JSON and CSV stay exact).
NAMED_RESULT_FORMATS: dict[str, Callable[[QueryResult, Lang], str]] = {
    **RESULT_FORMATS, "table": render_readable_table}


def render_results(result: QueryResult, fmt: str, lang: Lang, named: bool = False) -> str:
    """Render a result in one of RESULT_FORMATS (a table's notes in `lang`); `named`: the result
    of a named query, whose table is for reading (`render_readable_table`)."""
    return (NAMED_RESULT_FORMATS if named else RESULT_FORMATS)[fmt](result, lang)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    found = {"type": "literal", "value": str(term)}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        found["datatype"] = str(term.datatype)
    return found


def _csv_term(term: Node | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _shown(term: Node | None) -> str:
    """A term for reading: IRIs bare, literals with their language tag, blank nodes as _:id."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.language:
        return f"{term}@{term.language}"
    return _csv_term(term)


def _readable(term: Node | None, lang: Lang) -> str:
    """A term as a named query's table shows it (`render_readable_table`)."""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef) and (level := LEVEL_BY_IRI.get(term)) is not None:
        return message(f"report.level.{level.value}", lang)
    return short_node(term, None) if isinstance(term, URIRef) else _shown(term)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
