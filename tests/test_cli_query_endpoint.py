"""`bcic query --endpoint`: what the CLI says about an endpoint's answer beyond its rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.sparql_service import TRUNCATED_HEADER
from tests.loopback import loopback_endpoint

ROWS = {"head": {"vars": ["n"]}, "results": {"bindings": [
    {"n": {"type": "literal", "value": str(n)}} for n in range(3)]}}


class _Cutting(BaseHTTPRequestHandler):
    """An endpoint that answers three rows, saying, when `cut`, that there were more."""

    cut = True

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        if self.cut:
            self.send_header(TRUNCATED_HEADER, "true")
        self.end_headers()
        self.wfile.write(json.dumps(ROWS).encode("utf-8"))

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[str]:
    with loopback_endpoint(_Cutting) as url:
        yield url


@pytest.mark.parametrize(("lang", "said"), [("en", "Warning: the endpoint cut the answer short"),
                                            ("zh", "警告：端点截断了结果")])
def test_a_truncated_answer_is_said_on_stderr(endpoint: str, lang: str, said: str) -> None:
    _Cutting.cut = True
    result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", endpoint,
                                       "--format", "csv", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert said in result.stderr and "3" in result.stderr
    assert result.stdout.splitlines() == ["n", "0", "1", "2"]


def test_a_whole_answer_says_nothing_on_stderr(endpoint: str) -> None:
    _Cutting.cut = False
    result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", endpoint])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
