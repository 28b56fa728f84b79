"""A SPARQL server's redirect of a POSTed query (RFC 9110 §15.4): a 307 or 308 is followed with
the method and the query kept, within a few hops and never to a place the first address did not
allow; a 301, 302 or 303 is said with its Location for the user to give, never followed as a GET
without the query. `bcic query --endpoint` and the remote store's client alike."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.store.redirects import MAX_HOPS, unsafe_hop
from checker.store.sparql_http import SparqlClient, SparqlEndpointError
from tests.loopback import QuietHandler, loopback_server

ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()


class _Moving(QuietHandler):
    """/old answers `status` with Location: /sparql (or `location`); /sparql answers a POSTed
    ASK as true, and a GET with a service description's Turtle."""

    status = 307
    location = "/sparql"
    posted: list[bytes] = []
    moved = 0

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path == "/old":
            _Moving.moved += 1
            self.send_response(self.status)
            self.send_header("Location", self.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        _Moving.posted.append(body)
        self._answer("application/sparql-results+json", ASK_TRUE)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer("text/turtle", b"<urn:s> <urn:p> <urn:o> .")

    def _answer(self, media_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    _Moving.posted, _Moving.moved = [], 0
    _Moving.location = "/sparql"
    with loopback_server(_Moving) as base:
        yield base


@pytest.mark.parametrize("status", [307, 308])
def test_a_307_or_308_is_followed_with_the_query_kept(server: str, status: int) -> None:
    _Moving.status = status
    result = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--endpoint",
                                       f"{server}/old"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "true"
    [posted] = _Moving.posted
    assert b"query=ASK" in posted


@pytest.mark.parametrize("status", [301, 302, 303])
@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Error: the SPARQL endpoint {base}/old answered HTTP {status}: redirected to "
           "{base}/sparql; give that URL as the endpoint\n"),
    ("zh", "错误：SPARQL 端点 {base}/old 返回 HTTP {status}：已重定向到 {base}/sparql；"
           "请改用该 URL 作为端点\n")])
def test_a_301_302_or_303_to_a_query_is_said_not_followed_as_a_get(
        server: str, status: int, lang: str, said: str) -> None:
    _Moving.status = status
    result = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--endpoint",
                                       f"{server}/old", "--lang", lang])
    assert result.exit_code == 4, result.output
    assert result.output == said.format(base=server, status=status)
    assert _Moving.posted == []


def test_a_redirect_loop_stops_after_a_few_hops(server: str) -> None:
    _Moving.status, _Moving.location = 307, "/old"
    result = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--endpoint",
                                       f"{server}/old", "--lang", "en"])
    assert result.exit_code == 4, result.output
    assert f"{server}/old answered HTTP 307" in result.output
    assert 1 < _Moving.moved <= MAX_HOPS + 1


def test_a_307_to_another_scheme_is_not_followed(server: str) -> None:
    _Moving.status, _Moving.location = 307, "ftp://127.0.0.1/sparql"
    result = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--endpoint",
                                       f"{server}/old", "--lang", "en"])
    assert result.exit_code == 4, result.output
    assert "redirected to ftp://127.0.0.1/sparql, which bcic does not follow (not an http or " \
           "https address)" in result.output


@pytest.mark.parametrize(("current", "target", "why"), [
    ("https://a.example/q", "http://a.example/q", "error.remote.redirect_why_downgrade"),
    ("https://a.example/q", "https://127.0.0.1/q", "error.remote.redirect_why_local"),
    ("http://a.example/q", "http://10.0.0.5/q", "error.remote.redirect_why_local"),
    ("http://a.example/q", "http://localhost:8080/q", "error.remote.redirect_why_local"),
    ("http://127.0.0.1:1/q", "http://localhost:2/q", None),
    ("http://a.example/q", "https://b.example/q", None),
])
def test_a_hop_is_refused_where_the_first_address_did_not_allow_it(
        current: str, target: str, why: str | None) -> None:
    assert unsafe_hop(current, target) == why


def test_the_remote_stores_client_follows_a_307_and_says_a_303(server: str) -> None:
    _Moving.status = 307
    client = SparqlClient(f"{server}/old", None, None, None, None, 10)
    assert client.query("ASK {}", "application/sparql-results+json").body == ASK_TRUE
    _Moving.status = 303
    with pytest.raises(SparqlEndpointError) as error:
        client.query("ASK {}", "application/sparql-results+json")
    assert error.value.text("en").endswith(
        f"redirected to {server}/sparql; give that URL as the endpoint")
