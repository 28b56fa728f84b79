"""`bcic query --endpoint`: what the CLI says about an endpoint's answer beyond its rows."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.sparql_service import TRUNCATED_HEADER
from tests.loopback import QuietHandler, loopback_endpoint

ROWS = {"head": {"vars": ["n"]}, "results": {"bindings": [
    {"n": {"type": "literal", "value": str(n)}} for n in range(3)]}}


class _Cutting(QuietHandler):
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


class _Refusing(QuietHandler):
    """An endpoint that answers every query with `status` and a bcic error envelope."""

    status = 503
    said = "query stopped after 10 s (the time limit); make it more selective or add a LIMIT"

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        body = json.dumps({"ok": False, "status": self.status, "error": "QueryTimeoutError",
                           "message": self.said}).encode("utf-8")
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def refusing() -> Iterator[str]:
    with loopback_endpoint(_Refusing) as url:
        yield url


@pytest.mark.parametrize(("status", "exit_code"), [(503, 4), (500, 4), (429, 4), (403, 4),
                                                    (400, 2)])
@pytest.mark.parametrize(("lang", "frame"), [("en", "Error: the SPARQL endpoint {url} answered "
                                                    "HTTP {status} "),
                                             ("zh", "错误：SPARQL 端点 {url} 返回 HTTP {status} ")])
def test_a_refusal_keeps_the_servers_words_and_exits_as_the_readme_says(
        refusing: str, status: int, exit_code: int, lang: str, frame: str) -> None:
    """2 when the endpoint refuses the query as bad, else 4: it could not answer (README)."""
    _Refusing.status = status
    result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", refusing,
                                       "--lang", lang])
    assert result.exit_code == exit_code, result.output
    assert result.output.startswith(frame.format(url=refusing, status=status)), result.output
    assert _Refusing.said in result.output and result.output.count("\n") == 1


class _Asking(QuietHandler):
    """An endpoint that answers every query as an ASK that is true."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b'{"head":{},"boolean":true}')


@pytest.mark.parametrize(("fmt", "printed"), [
    ("csv", ["true"]), ("table", ["true"]),
    ("json", ["{", '  "head": {},', '  "boolean": true', "}"])])
def test_an_ask_prints_its_answer_without_an_internal_header(fmt: str,
                                                             printed: list[str]) -> None:
    """As the endpoint's own CSV answers an ASK: `true`, no header such as `_askResult`."""
    with loopback_endpoint(_Asking) as url:
        result = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--endpoint", url,
                                           "--format", fmt])
    assert (result.exit_code, result.stdout.splitlines()) == (0, printed)
