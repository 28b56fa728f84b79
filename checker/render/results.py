"""SPARQL query results as text: SPARQL 1.1 JSON, SPARQL 1.1 CSV, or an aligned table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from itertools import islice

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..i18n import Lang, message
from ..query import QueryResult
from ..rulebook import LEVEL_BY_IRI
from .cells import CELL_CHARS, table_cell, width
from .naming import short_node

# Rows written at a time: few enough that memory does not grow with the answer, many enough
# that writing costs little per row.
CHUNK_ROWS = 1000

Write = Callable[[str], None]


def write_results(result: QueryResult, fmt: str, lang: Lang, write: Write, *,
                  named: bool = False) -> int:
    """Write a result in one of RESULT_FORMATS through `write`, a chunk of text at a time, and
    return the number of rows written. JSON and CSV are written as the rows come, so an answer
    of any size takes the same memory; so is the table, after its first CHUNK_ROWS rows, whose
    cells it measures to align its columns. `named`: the result of a named query, whose table is
    for reading (`_readable`); the table's notes are in `lang`."""
    if fmt == "table":
        return _write_table(result, lang, write, (lambda term: _readable(term, lang))
                            if named else _shown)
    return (_write_json if fmt == "json" else _write_csv)(result, write)


def _write_json(result: QueryResult, write: Write) -> int:
    """The SPARQL 1.1 Query Results JSON Format, one binding a line."""
    if result.boolean is not None:
        write(json.dumps({"head": {}, "boolean": result.boolean}, indent=2) + "\n")
        return 0
    head = json.dumps({"head": {"vars": list(result.variables)}}, ensure_ascii=False)
    return _write_chunked(result.rows, head[:-1] + ', "results": {"bindings": [',
                          lambda first, row: ("\n" if first else ",\n") + json.dumps(
                              {name: _json_term(term) for name, term in row.items()},
                              ensure_ascii=False),
                          "\n]}}\n", write)


def _write_csv(result: QueryResult, write: Write) -> int:
    """The SPARQL 1.1 Query Results CSV Format (CRLF line ends, lexical forms only); an ASK,
    which that format leaves out, as the endpoint writes it: `true` or `false` alone, no
    header (no engine's internal variable name)."""
    if result.boolean is not None:
        write("true\r\n" if result.boolean else "false\r\n")
        return 0
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def line(values: list[str]) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(values)
        return out.getvalue()

    names = result.variables
    return _write_chunked(result.rows, line(list(names)),
                          lambda _first, row: line([_csv_term(row.get(n)) for n in names]),
                          "", write)


def _write_chunked(rows: Iterable[dict[str, Node]], head: str,
                   text: Callable[[bool, dict[str, Node]], str], tail: str, write: Write) -> int:
    """`head`, each row's `text(is_first, row)` and `tail`, written CHUNK_ROWS rows at a time
    (nothing at all when the rows fail before the first chunk is full); the number of rows."""
    chunk = [head]
    count = 0
    for row in rows:
        chunk.append(text(count == 0, row))
        count += 1
        if len(chunk) > CHUNK_ROWS:
            write("".join(chunk))
            chunk = []
    chunk.append(tail)
    write("".join(chunk))
    return count


def _write_table(result: QueryResult, lang: Lang, write: Write,
                 cell: Callable[[Node | None], str]) -> int:
    """Aligned columns for a terminal (wide CJK characters count twice), and a row count; each
    term written by `cell`, shown as `table_cell` shows it. The columns take the widths of the
    header and the first CHUNK_ROWS rows, written as soon as they are read; the rows after are
    written in those widths as they come, CHUNK_ROWS at a time (a wider cell among them widens
    its own line only), so memory does not grow with the answer."""
    if result.boolean is not None:
        write("true\n" if result.boolean else "false\n")
        return 0
    names = list(result.variables)
    rows = iter(result.rows)
    cut = False

    def shown(texts: list[str]) -> list[str]:
        nonlocal cut
        cells = [table_cell(text) for text in texts]
        cut = cut or any(was_cut for _text, was_cut in cells)
        return [text for text, _was_cut in cells]

    def row_cells(row: dict[str, Node]) -> list[str]:
        return shown([cell(row.get(name)) for name in names])

    header = shown(names)
    first = [row_cells(row) for row in islice(rows, CHUNK_ROWS)]
    widths = _widths([header, *first])
    write("".join(line + "\n" for line in _aligned_lines([header, *first], widths)))
    count = len(first) + _write_chunked(
        rows, "", lambda _first, row: _aligned_line(row_cells(row), widths) + "\n", "", write)
    notes = [message("table.cells_cut", lang, chars=CELL_CHARS)] if cut else []
    write("".join(line + "\n" for line in [*notes, f"({count})"]))
    return count


def aligned_table(rows: list[list[str]], lang: Lang) -> list[str]:
    """Rows as aligned text lines, the first underlined (wide CJK characters count twice).

    Cells are submitted text: shown with control characters escaped and cut at CELL_CHARS
    characters, in which case a last line, in `lang`, says so."""
    cells = [[table_cell(cell) for cell in row] for row in rows]
    shown = [[text for text, _cut in row] for row in cells]
    lines = _aligned_lines(shown, _widths(shown))
    if any(cut for row in cells for _text, cut in row):
        lines.append(message("table.cells_cut", lang, chars=CELL_CHARS))
    return lines


def _widths(rows: list[list[str]]) -> list[int]:
    """The columns each column of `rows` (shown cells) takes: its widest cell's."""
    return [max(width(cell) for cell in column) for column in zip(*rows)]


def _aligned_lines(rows: list[list[str]], widths: list[int]) -> list[str]:
    """Shown rows as lines in columns of `widths`, the first underlined."""
    lines = [_aligned_line(row, widths) for row in rows]
    return [lines[0], "  ".join("-" * w for w in widths), *lines[1:]] if lines else []


def _aligned_line(row: list[str], widths: list[int]) -> str:
    """One row of shown cells padded to `widths`; a cell wider than its column pushes the
    cells after it right, on this line only."""
    return "  ".join(c + " " * (w - width(c)) for c, w in zip(row, widths)).rstrip()


# Only the table is for a terminal; JSON and CSV keep every value exact, in any language.
RESULT_FORMATS = ("csv", "json", "table")


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
    """A term as a named query's table shows it: a literal as its text alone, a normative level
    in words of `lang` (应, shall), a term of the standard by its prefixed name (`req:4.2.2`,
    `bcic:BuyerDriven`); other IRIs, the clusters' that other queries take as parameters, whole."""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef) and (level := LEVEL_BY_IRI.get(term)) is not None:
        return message(f"report.level.{level.value}", lang)
    return short_node(term, None) if isinstance(term, URIRef) else _shown(term)
