"""Tables on a terminal show submitted text escaped and cut; CSV and JSON keep it exact."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.render.cells import CELL_CHARS, table_cell
from checker.render.results import aligned_table

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
