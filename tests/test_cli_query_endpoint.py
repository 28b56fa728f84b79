"""`bcic query --endpoint`: what the CLI says about an endpoint's answer beyond its rows, and
the dataset it asks for."""

from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import QueryRefusedError
from checker.sparql_service import TRUNCATED_HEADER
from checker.store.guard import inspect_query
from tests.conftest import store_samples
from tests.loopback import QuietHandler, failing_endpoint, loopback_endpoint, waitress_app

from oxigraph_server import OxigraphNotInstalledError, OxigraphServer, require_binary

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


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "bcic's own parser cannot read it either: "),
    ("zh", "bcic 自己的解析器也无法读取该查询：")])
def test_a_typo_the_endpoint_refuses_is_also_placed_by_bcics_parser(
        refusing: str, lang: str, said: str) -> None:
    """Sent as it is (it might be a vendor's extension), a query bcic cannot parse that the
    endpoint refuses gets the line and column bcic's parser finds, beside the server's words."""
    _Refusing.status = 400
    result = CliRunner().invoke(main, ["query", "SELECT ?n\nWHERE { ?s ?p ?n ", "--endpoint",
                                       refusing, "--lang", lang])
    assert result.exit_code == 2, result.output
    with pytest.raises(QueryRefusedError) as own:
        inspect_query("SELECT ?n\nWHERE { ?s ?p ?n ")
    assert _Refusing.said in result.output and said in result.output
    assert result.output.rstrip("\n").endswith(said + own.value.text(lang))
    assert ("line 2" if lang == "en" else "第 2 行") in own.value.text(lang)


NGINX_502 = (b"<html>\r\n<head><title>502 Bad Gateway</title>\r\n<style>body { width: 35em; "
             b"font-family: Tahoma, Verdana, Arial, sans-serif; }</style></head>\r\n<body>\r\n"
             b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
             b"<script>console.log('x')</script></body>\r\n</html>\r\n")
BCIC_400 = json.dumps({"ok": False, "status": 400, "error": "QueryRefusedError",
                       "message": "the query does not parse: line 1, column 10"}).encode()
FUSEKI_LIKE_400 = json.dumps({"error": {"code": 400,
                                        "message": "Lexical error at line 1"}}).encode()


@pytest.mark.parametrize(("status", "media_type", "body", "words", "exit_code"), [
    (502, "text/html", NGINX_502, "502 Bad Gateway: nginx", 4),
    (503, "application/json", json.dumps({"ok": False, "error": "QueryBusyError",
                                          "message": "every query worker is busy"}).encode(),
     "every query worker is busy", 4),
    (400, "application/json", BCIC_400, "the query does not parse: line 1, column 10", 2),
    (400, "application/json", FUSEKI_LIKE_400, "Lexical error at line 1", 2),
    (500, "text/plain", b"Virtuoso 42000 Error  The estimated\n  execution time",
     "Virtuoso 42000 Error The estimated execution time", 4),
], ids=["html-page", "json-message", "json-400", "json-nested-error", "plain-text"])
@pytest.mark.parametrize(("lang", "frame"), [("en", "Error: the SPARQL endpoint {url} answered "
                                                    "HTTP {status} "),
                                             ("zh", "错误：SPARQL 端点 {url} 返回 HTTP {status} ")])
def test_a_remote_error_body_is_said_in_the_servers_words_not_its_wrapping(
        status: int, media_type: str, body: bytes, words: str, exit_code: int, lang: str,
        frame: str) -> None:
    """One line: the status, the endpoint and the server's own message, taken out of its JSON
    envelope or HTML page (no braces, tags, style sheet or script); 2 for a query refused as bad
    (400), 4 for a server that could not answer (README)."""
    with loopback_endpoint(failing_endpoint(status, media_type, body)) as url:
        result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", url,
                                           "--lang", lang])
    assert result.exit_code == exit_code, result.output
    assert result.output.startswith(frame.format(url=url, status=status)), result.output
    assert result.output.count("\n") == 1 and words in result.output, result.output
    assert not any(mark in result.output for mark in ("{", "<", '"ok"', "font-family",
                                                      "console.log")), result.output


def test_a_long_remote_error_body_is_cut_to_a_line() -> None:
    body = ("java.lang.NullPointerException at " + "org.example.Frame.run " * 400).encode()
    with loopback_endpoint(failing_endpoint(500, "text/plain", body)) as url:
        result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", url,
                                           "--lang", "en"])
    assert result.exit_code == 4, result.output
    [line] = result.output.splitlines()
    assert "java.lang.NullPointerException" in line and "…" in line and len(line) < 500


def test_bcics_own_endpoint_refusing_a_query_is_said_in_its_words(tmp_path: Path) -> None:
    """bcic's app under waitress refuses SERVICE (400) in its JSON envelope: the line says the
    envelope's message, and the exit code is the user's error's."""
    store_samples(tmp_path / "store", "dehua-ceramics")
    env = {**os.environ, "BCIC_STORE": str(tmp_path / "store")}
    with waitress_app(env, threads=2) as base:
        result = CliRunner().invoke(main, [
            "query", "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }",
            "--endpoint", f"{base}/sparql", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.output == (f"Error: the SPARQL endpoint {base}/sparql answered HTTP 400 Bad "
                             "Request: SERVICE http://example.org/s is refused: this endpoint "
                             "calls no other server\n")


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


GRAPH_1 = "urn:bcic-test:graph/1"  # two triples
GRAPH_2 = "urn:bcic-test:graph/2"  # one triple


@pytest.fixture(scope="module")
def union_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """An Oxigraph server started with `--union-default-graph`, as docs/store.md asks of a
    store's server, holding GRAPH_1 and GRAPH_2."""
    try:
        require_binary()
    except OxigraphNotInstalledError as error:  # fail, never skip: `make install` installs it
        pytest.fail(str(error), pytrace=False)
    with OxigraphServer(tmp_path_factory.mktemp("union-server")) as server:
        update = (f"INSERT DATA {{ GRAPH <{GRAPH_1}> {{ <urn:a> <urn:p> 1, 2 }} "
                  f"GRAPH <{GRAPH_2}> {{ <urn:b> <urn:p> 3 }} }}")
        request = urllib.request.Request(server.update_endpoint, data=update.encode("utf-8"),
                                         headers={"Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(request, timeout=30):
            pass
        yield server


@pytest.mark.parametrize(("dataset", "count"), [
    (f"FROM <{GRAPH_1}>", "2"),
    (f"FROM <{GRAPH_1}> FROM <{GRAPH_2}>", "3"),
    (f"FROM NAMED <{GRAPH_1}>", "0"),  # SPARQL 1.1, 13.2: an empty default graph
    ("", "3"),  # no dataset named: the server's union
], ids=["from", "two-froms", "from-named", "none"])
def test_endpoint_reads_the_dataset_the_query_names_on_a_union_default_graph_server(
        union_server: OxigraphServer, dataset: str, count: str) -> None:
    """The Oxigraph server takes the union over a query's FROM: only the protocol's parameters
    name the dataset there, so they go along (docs/store.md, "The server's default graph")."""
    result = CliRunner().invoke(main, [
        "query", f"SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}",
        "--endpoint", union_server.query_endpoint, "--format", "csv"])
    assert (result.exit_code, result.stdout.splitlines()) == (0, ["n", count]), result.output


def test_endpoint_resolves_a_prefixed_graph_name_before_sending_it(
        union_server: OxigraphServer, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("PREFIX g: <urn:bcic-test:graph/>\n"
                     "ASK FROM g:2 WHERE { <urn:a> ?p ?o }", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(query), "--endpoint",
                                       union_server.query_endpoint, "--format", "csv"])
    assert (result.exit_code, result.stdout) == (0, "false\n"), result.output


class _Recording(QuietHandler):
    """An endpoint that keeps the form fields of each request and answers three rows."""

    fields: list[list[tuple[str, str]]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        self.fields.append(urllib.parse.parse_qsl(body))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(json.dumps(ROWS).encode("utf-8"))


def test_a_vendor_extension_bcic_cannot_parse_is_sent_as_it_is_without_dataset_parameters(
        ) -> None:
    """Virtuoso's DEFINE is no SPARQL: the partner's server judges it, with its own FROM."""
    text = f'DEFINE input:inference "rules" SELECT ?n FROM <{GRAPH_1}> WHERE {{ ?s ?p ?n }}'
    _Recording.fields = []
    with loopback_endpoint(_Recording) as url:
        result = CliRunner().invoke(main, ["query", text, "--endpoint", url, "--format", "csv"])
    assert (result.exit_code, result.stdout.splitlines()) == (0, ["n", "0", "1", "2"]), (
        result.output)
    (sent,) = _Recording.fields
    assert ("query", text) in sent
    assert not [name for name, _ in sent if name.endswith("-graph-uri")]


@pytest.mark.parametrize("text", [
    'DEFINE sql:select-option "order" DELETE WHERE { ?s ?p ?o }',
    'DEFINE input:inference "selection" CLEAR GRAPH <urn:g>',
    'DEFINE input:same-as "yes" WITH <http://example.org/ask> DELETE { ?s ?p ?o } '
    'WHERE { ?s ?p ?o }'])
def test_an_unparsable_update_after_a_query_word_is_refused_and_never_sent(text: str) -> None:
    """SPARQLWrapper took "select" or "ask" in a name, a string or an IRI for the query's form,
    and these updates went to the endpoint, which may apply them (Virtuoso does)."""
    _Recording.fields = []
    with loopback_endpoint(_Recording) as url:
        result = CliRunner().invoke(main, ["query", text, "--endpoint", url, "--lang", "zh"])
    assert result.exit_code == 2, result.output
    assert "只读" in result.output and _Recording.fields == []


def test_an_unparsable_update_is_still_refused_and_never_sent() -> None:
    """SPARQLWrapper would send what it reads as an update as one: bcic sends no update."""
    _Recording.fields = []
    with loopback_endpoint(_Recording) as url:
        result = CliRunner().invoke(main, ["query", "DEFINE sql:x 1 INSERT DATA { <urn:a> "
                                           "<urn:p> 1 }", "--endpoint", url])
    assert result.exit_code == 2, result.output
    assert "read-only" in result.output and _Recording.fields == []


@pytest.mark.parametrize(("lang", "frame", "own_words", "other_words"), [
    ("en", "Error: the SPARQL endpoint {url} answered HTTP 400 Bad Request: ",
     "the SPARQL query cannot be parsed", "无法解析"),
    ("zh", "错误：SPARQL 端点 {url} 返回 HTTP 400 Bad Request：", "无法解析该 SPARQL 查询",
     "cannot be parsed")])
def test_bcics_own_endpoint_refusing_a_typo_says_the_parse_error_once_in_the_lang_asked(
        tmp_path: Path, lang: str, frame: str, own_words: str, other_words: str) -> None:
    """bcic's endpoint says where its parser stopped, as bcic's own parser would: said once,
    and in the language --lang asks for (sent as Accept-Language)."""
    store_samples(tmp_path / "store", "dehua-ceramics")
    env = {**os.environ, "BCIC_STORE": str(tmp_path / "store")}
    with waitress_app(env, threads=2) as base:
        result = CliRunner().invoke(main, ["query", "SELEC ?n WHERE {}", "--endpoint",
                                           f"{base}/sparql", "--lang", lang])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(frame.format(url=f"{base}/sparql")), result.output
    assert result.output.count(own_words) == 1, result.output
    assert other_words not in result.output and result.output.count("\n") == 1
