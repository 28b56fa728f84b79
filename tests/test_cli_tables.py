"""Tables on a terminal show submitted text escaped and cut; CSV and JSON keep it exact."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.term import Node

from checker.cli import main
from checker.query import QueryResult
from checker.render import results
from checker.render.cells import CELL_CHARS, table_cell, width
from checker.render.results import CHUNK_ROWS, aligned_table, write_results
from checker.store.guard import QueryForm

HOSTILE = "Evil\x1b[31mRED\x1b[0m\nsecond line\r\tTAB\x1b]0;pwned\x07"
LABEL_QUERY = ("SELECT ?label WHERE { <https://example.org/esc/cluster> "
               "<http://www.w3.org/2000/01/rdf-schema#label> ?label }")


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding one cluster whose label carries escape sequences and line breaks.

    Loading refuses such a label now (XML cannot carry ESC or BEL), but a store written before,
    or a remote one another program writes, may hold one: the label is put in place after the
    ingest, in every graph that holds it (the submission's and the summary's)."""
    root = tmp_path_factory.mktemp("hostile")
    submission = root / "esc.ttl"
    submission.write_text(
        "@prefix bcic: <https://w3id.org/bcic/ontology#> .\n"
        "<https://example.org/esc/cluster> a bcic:IndustrialCluster ; "
        '<http://www.w3.org/2000/01/rdf-schema#label> "PLACEHOLDER"@en .\n', encoding="utf-8")
    store = str(root / "store")
    result = CliRunner().invoke(main, ["ingest", str(submission), "--store", store])
    assert result.exit_code == 0, result.output
    written = pyoxigraph.Store(store)
    label = pyoxigraph.Literal(HOSTILE, language="en")
    written.update(f'DELETE {{ GRAPH ?g {{ ?s ?p "PLACEHOLDER"@en }} }} '
                   f'INSERT {{ GRAPH ?g {{ ?s ?p {label} }} }} '
                   f'WHERE {{ GRAPH ?g {{ ?s ?p "PLACEHOLDER"@en }} }}')
    written.flush()
    del written  # let go of the directory, as ingest does
    return store


def _assert_escaped(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\r" not in output
    assert "Evil\\x1b[31mRED\\x1b[0m\\x0asecond line\\x0d\\x09TAB\\x1b]0;pwned\\x07" in output


def test_clusters_table_shows_escape_sequences_escaped(hostile_store: str) -> None:
    result = CliRunner().invoke(main, ["clusters", "--store", hostile_store])
    assert result.exit_code == 0, result.output
    _assert_escaped(result.output)
    assert len(result.output.splitlines()) == 3  # header, rule, one row: no line broken


def test_query_table_shows_escape_sequences_escaped(hostile_store: str) -> None:
    result = CliRunner().invoke(main, ["query", LABEL_QUERY, "--store", hostile_store])
    assert result.exit_code == 0, result.output
    _assert_escaped(result.output)


def test_query_csv_keeps_the_label_exact(hostile_store: str) -> None:
    result = CliRunner().invoke(main, ["query", LABEL_QUERY, "--format", "csv",
                                       "--store", hostile_store])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output, newline="")))
    assert rows[1] == [HOSTILE]


def test_query_json_keeps_the_label_exact(hostile_store: str) -> None:
    result = CliRunner().invoke(main, ["query", LABEL_QUERY, "--format", "json",
                                       "--store", hostile_store])
    document = json.loads(result.output)
    assert document["results"]["bindings"][0]["label"]["value"] == HOSTILE


def test_a_huge_cell_is_cut_and_the_table_says_so() -> None:
    lines = aligned_table([["label"], ["x" * 1_000_000]], "en")
    assert len(lines[2]) == CELL_CHARS and lines[2].endswith("…")
    assert f"longer than {CELL_CHARS} characters is cut" in lines[-1]


def test_the_cut_note_follows_the_language() -> None:
    assert "截断" in aligned_table([["label"], ["x" * (CELL_CHARS + 1)]], "zh")[-1]


def test_a_table_whose_cells_fit_has_no_note() -> None:
    assert aligned_table([["label"], ["x" * CELL_CHARS]], "en")[-1] == "x" * CELL_CHARS


def test_a_cell_is_never_cut_inside_an_escape() -> None:
    """ESC is shown as four characters: the cut leaves the whole escape out, not `\\` alone."""
    shown, cut = table_cell("x" * (CELL_CHARS - 2) + "\x1b[2J" + "y" * 10)
    assert cut and shown == "x" * (CELL_CHARS - 2) + "…"


def test_a_cell_is_never_cut_between_a_letter_and_its_combining_accent() -> None:
    shown, cut = table_cell("x" * (CELL_CHARS - 2) + "e\u0301" + "y" * 10)
    assert cut and shown == "x" * (CELL_CHARS - 2) + "…"


def test_a_cell_is_never_cut_beside_the_joiner_of_an_emoji_sequence() -> None:
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # man ZWJ woman ZWJ girl: one emoji
    shown, cut = table_cell("x" * (CELL_CHARS - 4) + family + "y" * 10)
    assert cut and shown == "x" * (CELL_CHARS - 4) + "…"


def _table(rows: Iterable[dict[str, Node]], names: tuple[str, ...] = ("n", "label"),
           fmt: str = "table") -> str:
    """The answer of `rows` over `names` as `bcic query` writes it in `fmt`."""
    written: list[str] = []
    write_results(QueryResult(QueryForm.SELECT, names, rows), fmt, "en", written.append)
    return "".join(written)


def _numbered(count: int, label: str = "标签") -> Iterator[dict[str, Node]]:
    """`count` rows: `n` from 0, and a label of CJK and ASCII whose width varies with `n`."""
    for index in range(count):
        yield {"n": Literal(index),
               "label": Literal(label[: index % 3] + "x" * (1 + index % 11))}


def test_a_table_larger_than_a_block_gives_the_cells_csv_gives_in_its_order() -> None:
    count = 2 * CHUNK_ROWS + CHUNK_ROWS // 2
    lines = _table(_numbered(count)).splitlines()
    rows = list(csv.reader(io.StringIO(_table(_numbered(count), fmt="csv"), newline="")))
    assert [line.split() for line in [lines[0], *lines[2:-1]]] == rows
    assert lines[-1] == f"({count})"


def test_a_table_writes_its_rows_a_block_at_a_time_as_the_store_gives_them() -> None:
    """No more than a block of rows is read between two writes: memory does not grow with the
    answer (the whole table was held before its first line)."""
    pulled = 0
    pulled_at_writes: list[int] = []

    def rows() -> Iterator[dict[str, Node]]:
        nonlocal pulled
        for row in _numbered(3 * CHUNK_ROWS):
            pulled += 1
            yield row

    def write(_text: str) -> None:
        pulled_at_writes.append(pulled)

    assert write_results(QueryResult(QueryForm.SELECT, ("n", "label"), rows()), "table", "en",
                         write) == 3 * CHUNK_ROWS
    assert pulled_at_writes[0] == CHUNK_ROWS  # the header and first block, once measured
    steps = [after - before for before, after in zip([0, *pulled_at_writes], pulled_at_writes)]
    assert max(steps) <= CHUNK_ROWS and len(pulled_at_writes) >= 3


def test_a_wider_cell_after_the_first_block_widens_its_own_line_only() -> None:
    wide = CHUNK_ROWS + 5
    rows = ({"label": Literal("宽" * 30 if index == wide else "x"), "n": Literal(index)}
            for index in range(CHUNK_ROWS + 10))
    lines = _table(rows, names=("label", "n")).splitlines()
    assert lines[0] == "label  n" and lines[2 + wide] == "宽" * 30 + f"  {wide}"
    assert lines[3 + wide] == f"x      {wide + 1}"  # the next line keeps the block's widths


def test_a_cell_cut_after_the_first_block_is_noted() -> None:
    rows = ({"label": Literal("y" * (CELL_CHARS + 1) if index == CHUNK_ROWS else "x")}
            for index in range(CHUNK_ROWS + 1))
    lines = _table(rows, names=("label",)).splitlines()
    assert lines[-3].endswith("…") and lines[-1] == f"({CHUNK_ROWS + 1})"
    assert f"longer than {CELL_CHARS} characters is cut" in lines[-2]


def test_an_answer_of_one_block_is_aligned_as_a_whole() -> None:
    text = _table(_numbered(12))
    cells = [[str(row["n"]), str(row["label"])] for row in _numbered(12)]
    assert text == "\n".join([*aligned_table([["n", "label"], *cells], "en"), "(12)"]) + "\n"


def test_bcic_query_table_beyond_a_block_shows_the_cells_of_its_csv(
        sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results, "CHUNK_ROWS", 7)
    query = "SELECT ?s ?p WHERE { ?s ?p ?o } ORDER BY ?s ?p LIMIT 40"

    def run(fmt: str) -> str:
        result = CliRunner().invoke(main, ["query", query, "--format", fmt,
                                           "--store", str(sample_store)])
        assert result.exit_code == 0, result.output
        return result.stdout

    lines = run("table").splitlines()
    rows = list(csv.reader(io.StringIO(run("csv"), newline="")))
    assert len(rows) == 41 and lines[-1] == "(40)"
    assert [line.split() for line in [lines[0], *lines[2:-1]]] == rows


def test_combining_marks_and_joined_emoji_take_the_columns_a_terminal_gives_them() -> None:
    """e + U+0301 is one column, and a family joined by ZWJs one emoji of two: the next
    column starts where it does after `abcdefgh`, a CJK text or a flag (QA report 6, defect 7)."""
    cells = ["abcdefgh", "e\u0301e\u0301", "👨\u200d👩\u200d👧", "🇨🇳", "❤\ufe0f", "全角，标点"]
    rows = ({"x": Literal(cell), "y": Literal(index)} for index, cell in enumerate(cells))
    lines = _table(rows, names=("x", "y")).splitlines()[2:-1]
    assert [width(line[:line.rindex(" ") + 1]) for line in lines] == [12] * len(cells)
    assert lines[1] == "e\u0301e\u0301" + " " * 10 + "1"
    assert lines[2] == "👨\u200d👩\u200d👧" + " " * 10 + "2"
