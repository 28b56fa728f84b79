"""The same kind of mistake gets the same exit code (2: bad input) and says what it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from tests.conftest import TurtleWriter
from tests.loopback import QuietHandler, loopback_endpoint

NOWHERE = "https://example.org/cluster/nope"


@pytest.mark.parametrize("cluster", [NOWHERE, "0123456789abcdef"])
def test_history_of_an_unknown_cluster_exits_2(sample_store: Path, cluster: str) -> None:
    result = CliRunner().invoke(main, ["history", cluster, "--store", str(sample_store)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: no ")


def test_history_of_an_unknown_iri_says_so_in_chinese(sample_store: Path) -> None:
    result = CliRunner().invoke(main, ["history", NOWHERE, "--store", str(sample_store),
                                       "--lang", "zh"])
    assert result.output == f"错误：未存储 <{NOWHERE}> 的任何修订版\n"


def test_a_store_under_a_file_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES_DIR / "meitan-tea.ttl"),
                                       "--store", str(tmp_path / "afile" / "sub")])
    assert result.exit_code == 2, result.output
    assert "cannot be written (Not a directory)" in result.output


@pytest.mark.parametrize("empty", ["", "   \n"])
def test_an_empty_query_is_said_to_be_empty(sample_store: Path, empty: str) -> None:
    result = CliRunner().invoke(main, ["query", empty, "--store", str(sample_store)])
    assert (result.exit_code, result.output) == (2, "Error: the SPARQL query is empty\n")


def test_an_empty_query_file_is_said_to_be_empty(sample_store: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.rq").write_text("")
    result = CliRunner().invoke(main, ["query", str(tmp_path / "empty.rq"), "--lang", "zh",
                                       "--store", str(sample_store)])
    assert (result.exit_code, result.output) == (2, "错误：SPARQL 查询为空\n")


@pytest.mark.parametrize("where", ["--store", "--endpoint"])
def test_an_update_is_refused_as_an_update(sample_store: Path, where: str) -> None:
    location = str(sample_store) if where == "--store" else "http://127.0.0.1:9/sparql"
    result = CliRunner().invoke(main, ["query", "DROP ALL", where, location])
    assert result.exit_code == 2, result.output
    assert "read-only here: updates are refused and nothing was changed" in result.output
    assert "cannot be parsed" not in result.output


class _Refusing(QuietHandler):
    """An endpoint that refuses every query as bad (as a bcic endpoint refuses SERVICE)."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(400)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"SERVICE is not allowed")


@pytest.fixture
def refusing_endpoint() -> Iterator[str]:
    with loopback_endpoint(_Refusing) as url:
        yield url


def test_a_query_the_endpoint_refuses_exits_2(refusing_endpoint: str) -> None:
    result = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s ?p ?o }",
                                       "--endpoint", refusing_endpoint])
    assert result.exit_code == 2, result.output
    assert "answered HTTP 400 Bad Request: SERVICE is not allowed" in result.output


def test_a_cluster_without_a_name_is_not_said_to_be_missing(
        write_turtle: TurtleWriter) -> None:
    path = write_turtle("nameless.ttl", "<https://example.org/x/c> a bcic:IndustrialCluster .\n")
    for lang, said, wrong in (("en", "(no name given)", "no cluster found"),
                              ("zh", "（未给出名称）", "未找到产业集群")):
        result = CliRunner().invoke(main, ["validate", str(path), "--lang", lang])
        assert said in result.output and wrong not in result.output, result.output


@pytest.mark.parametrize("query, said", [
    ("ASK { ?x a foo:Bar }", "the SPARQL query is not valid: the prefix foo: of “foo:Bar” at "
                             "line 1, column 12 is not declared (PREFIX foo: <…>)"),
    ("SELECT ?x WHERE {\n ?x ?y \n}",
     "the SPARQL query cannot be parsed: unexpected “}” at line 3, column 1"),
    ('SELECT * { BIND("\\U00110000" AS ?x) }', "the SPARQL query cannot be parsed: the escape "
                                               "\\U00110000 at line 1, column 18 is not a character"),
    # a byte that is not UTF-8 in the argument, as Python hands it over (surrogateescape)
    ('SELECT * { BIND("\udcff" AS ?x) }', "the query is not UTF-8 text: the byte 0xFF at line 1, "
                                          "column 18 is not UTF-8"),
    ("SELECT * { BIND(xsd:integer(\"1\") AS ?x) }",
     "the SPARQL query is not valid: the prefix xsd: of “xsd:integer” at line 1, column 17 is not "
     "declared (PREFIX xsd: <…>)"),
    ("SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s",
     "the SPARQL query is not valid: ?x at line 1, column 8 is projected but not grouped "
     "(GROUP BY ?s) nor aggregated (SPARQL 1.1 §11.4): group by it too or aggregate it "
     "(SAMPLE(?x) …)"),
], ids=["undeclared-prefix-in-ask", "incomplete-triple", "escape-of-no-character",
        "byte-not-utf8", "undeclared-prefix-of-a-function", "projected-not-grouped"])
def test_a_malformed_query_on_the_store_names_the_offending_token(
        sample_store: Path, query: str, said: str) -> None:
    result = CliRunner().invoke(main, ["query", query, "--store", str(sample_store)])
    assert (result.exit_code, result.output) == (2, f"Error: {said}\n")
