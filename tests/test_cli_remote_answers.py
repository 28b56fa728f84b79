"""A "remote store" that is not a SPARQL server — a web page answering 200 to everything, as a
proxy's login page or a catch-all server does — is said to be so, naming the endpoint and what it
sent, with exit 4 (the store could not answer), and never passes for a store that was written.
A connection that breaks is said in bcic's words in zh and en, the system's kept in parentheses."""

from __future__ import annotations

import errno
import http.client
import socket
import struct
import urllib.parse
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import in_every_language
from checker.store.default_graph import UNION_PROBE
from checker.store.sparql_http import answer_lost, network_failure
from tests.loopback import QuietHandler, loopback_endpoint


class _WebPage(QuietHandler):
    """Answers every GET and POST, queries and updates alike, with 200 and a web page."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.answer("text/html; charset=utf-8",
                    b"<html><body><h1>Welcome to nginx!</h1></body></html>")

    do_GET = do_POST

    def answer(self, media_type: str, body: bytes) -> None:
        """Send 200 with `body` as `media_type`."""
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _WebPageAfterProbe(_WebPage):
    """A web page too, but an empty store's answer to the store's first query, its check of the
    server's default graph (checker/store/default_graph.py): the next query meets the page."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if urllib.parse.parse_qs(body.decode("utf-8")).get("query") == [UNION_PROBE]:
            self.answer("application/sparql-results+json",
                        b'{"head": {"vars": ["graph", "seen"]}, "results": {"bindings": []}}')
        else:
            self.answer("text/html; charset=utf-8", b"<html><body>Welcome!</body></html>")


@pytest.fixture
def web_page() -> Iterator[str]:
    with loopback_endpoint(_WebPage) as url:
        yield url


@pytest.fixture
def web_page_after_probe() -> Iterator[str]:
    with loopback_endpoint(_WebPageAfterProbe) as url:
        yield url


def test_rules_reload_on_a_web_page_fails_with_exit_4_naming_it(web_page: str) -> None:
    result = CliRunner().invoke(main, ["rules", "reload", "--store", web_page])
    assert result.exit_code == 4, result.output
    assert "Rule graphs reloaded" not in result.output
    assert (f"the SPARQL endpoint {web_page} answered with text/html, not SPARQL results: is it "
            f"a SPARQL endpoint?") in result.output


@pytest.mark.parametrize("lang, said", [
    ("en", "Error: the SPARQL endpoint {url} answered with text/html, not SPARQL results: is it "
           "a SPARQL endpoint?\n"),
    ("zh", "错误：SPARQL 端点 {url} 以 text/html 应答，而不是 SPARQL 查询结果：它是 SPARQL 端点吗？\n"),
])
def test_reading_a_web_page_as_a_store_says_what_it_sent_with_exit_4(
        web_page: str, lang: str, said: str) -> None:
    result = CliRunner().invoke(main, ["clusters", "--store", web_page, "--lang", lang])
    assert (result.exit_code, result.output) == (4, said.format(url=web_page))


def test_a_graph_query_answered_with_a_web_page_names_the_endpoint(
        web_page_after_probe: str) -> None:
    result = CliRunner().invoke(main, ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } "
                                       "LIMIT 1", "--store", web_page_after_probe])
    assert (result.exit_code, result.output) == (
        4, f"Error: the SPARQL endpoint {web_page_after_probe} answered a graph query with "
           f"text/html, not N-Triples or Turtle: is it a SPARQL endpoint?\n")


class _Hangs(QuietHandler):
    """Reads the request, then closes the connection without a word (`reset`: with a TCP
    reset, as a server killed while it answers)."""

    reset = False

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.close_connection = True
        if self.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
        else:
            self.connection.shutdown(socket.SHUT_RDWR)


class _Resets(_Hangs):
    reset = True


@pytest.mark.parametrize("handler, en, zh", [
    (_Hangs, "the server closed it without answering (Remote end closed connection without "
             "response)", "服务器未作应答就关闭了连接（Remote end closed connection without response）"),
    (_Resets, "the server reset it ([Errno 104] Connection reset by peer)",
     "连接被服务器重置（[Errno 104] Connection reset by peer）"),
], ids=["closed", "reset"])
def test_a_connection_that_breaks_is_said_in_bcics_words_in_zh_and_en(
        handler: type[QuietHandler], en: str, zh: str) -> None:
    with loopback_endpoint(handler) as url:
        said = {lang: CliRunner().invoke(main, ["query", "ASK {}", "--endpoint", url,
                                                "--lang", lang]) for lang in ("en", "zh")}
    assert (said["en"].exit_code, said["en"].output) == (
        4, f"Error: the connection to the SPARQL endpoint {url} broke before its answer came: "
           f"{en}\n")
    assert (said["zh"].exit_code, said["zh"].output) == (
        4, f"错误：与 SPARQL 端点 {url} 的连接在应答到来之前中断：{zh}\n")


@pytest.mark.parametrize("reason, zh, lost", [
    (BrokenPipeError(errno.EPIPE, "Broken pipe"), "发送请求时连接已断开（[Errno 32] Broken pipe）", True),
    (ConnectionAbortedError(errno.ECONNABORTED, "Software caused connection abort"), "连接被中止",
     True),
    (http.client.IncompleteRead(b"ab", 5), "应答被截断", True),
    (TimeoutError("timed out"), "未在 60 秒内应答", True),
    (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "无法解析其主机名", False),
    (OSError(errno.EHOSTUNREACH, "No route to host"), "没有通往其主机的网络路由", False),
    (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "连接被拒绝", False),
], ids=["broken-pipe", "aborted", "cut", "timeout", "unknown-host", "no-route", "refused"])
def test_each_common_network_failure_has_words_of_its_own_and_says_if_the_answer_was_lost(
        reason: BaseException, zh: str, lost: bool) -> None:
    """Lost: the request may have reached the server, which a write then reads back."""
    said = in_every_language(network_failure("http://h/sparql", reason, 60))
    assert zh in said["zh"] and str(reason) not in said["zh"].replace(f"（{reason}）", "")
    assert "cannot reach" not in said["en"] or not lost
    assert answer_lost(reason) is lost
