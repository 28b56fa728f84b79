"""A "remote store" that is not a SPARQL server — a web page answering 200 to everything, as a
proxy's login page or a catch-all server does — is said to be so, naming the endpoint and what it
sent, with exit 4 (the store could not answer), and never passes for a store that was written."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.store.default_graph import UNION_PROBE
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
