"""`bcic serve`: bad ports and store locations are usage errors, and the bound port is said."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another socket is listening on."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        yield held.getsockname()[1]


def test_a_port_in_use_is_a_usage_error_in_the_asked_language(
        taken_port: int, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", str(taken_port), "--lang", "zh",
                                       "--store", str(tmp_path / "store")])
    assert result.exit_code == 2, result.output
    assert f"错误：无法在 127.0.0.1 的 {taken_port} 端口监听：" in result.stderr


@pytest.mark.parametrize("port", ["-5", "99999"])
def test_a_port_outside_0_to_65535_is_refused_before_serving(port: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", port, "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert "serving" not in result.output and "--port" in result.output


def test_a_store_location_that_is_a_file_is_refused(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--store", str(afile)])
    assert result.exit_code == 2
    assert "is a file, not a store directory" in result.stderr


def _serving(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], int]:
    """`bcic serve --port 0 ARGS` started, and the port it says it listens on (the app's own
    warnings may come first); the server killed if it says none."""
    server = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", "0", *args],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert server.stderr is not None
        return server, next(int(found.group(1)) for line in server.stderr
                            if (found := re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)))
    except BaseException:
        server.kill()
        server.wait(timeout=30)
        raise


def test_port_0_says_the_port_it_listens_on(tmp_path: Path) -> None:
    server, port = _serving("--store", str(tmp_path / "store"))
    try:
        assert port != 0
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/queries", timeout=10) as answer:
            assert answer.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_raw_bytes_beyond_ascii_in_a_request_line_are_waitress_s_400_as_the_readme_says(
        tmp_path: Path) -> None:
    """web/README.md (/sparql) says what a client that sends a URL unescaped (curl) gets: waitress
    refuses the request line itself (400 "Bad URI", plain text), before the app; percent-encoded,
    as RFC 3986 asks, the same URL is answered. A waitress that took such bytes would make the
    README wrong, and this test fail."""
    server, port = _serving("--store", str(tmp_path / "store"))
    try:

        def answer(target: bytes) -> bytes:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as client:
                client.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n"
                               b"Connection: close\r\n\r\n")
                received = b""
                while chunk := client.recv(65536):
                    received += chunk
                return received

        for raw in ("/api/clusters?q=德化", "/?q=德化", '/sparql?query=ASK{?s ?p "德"}'):
            refused = answer(raw.replace(" ", "%20").encode())
            head, _, body = refused.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 400 Bad Request") and b"Bad URI" in body
            assert b"Access-Control-Allow-Origin" not in head  # the app never ran
        escaped = answer(b"/api/clusters?q=" + urllib.parse.quote("德化").encode())
        assert escaped.startswith(b"HTTP/1.1 200 OK") and b"application/json" in escaped
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_idle_connection_is_closed_after_the_channel_timeout(tmp_path: Path) -> None:
    """A connection that sends nothing is let go (slowloris holds connections open): with
    --channel-timeout 2 it is closed within seconds, not waitress's two minutes."""
    server, port = _serving("--channel-timeout", "2", "--connection-limit", "10",
                            "--store", str(tmp_path / "store"))
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as idle:
            idle.sendall(b"GET /api/queries HTTP/1.1\r\nHost: x\r\n")  # never finished
            assert idle.recv(1) == b""  # closed by the server, well before the 30 s wait
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_token_list_has_a_header_in_its_language_and_says_when_there_are_none(
        tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.json"
    none = CliRunner().invoke(main, ["token", "list", "--tokens", str(tokens), "--lang", "zh"])
    assert none.exit_code == 0 and none.stdout == ""
    assert f"{tokens} 中没有令牌" in none.stderr
    created = CliRunner().invoke(main, ["token", "create", "--role", "evaluator", "--tokens",
                                        str(tokens), "--label", "QA"])
    assert created.exit_code == 0
    listed = CliRunner().invoke(main, ["token", "list", "--tokens", str(tokens), "--lang", "zh"])
    header, row = listed.stdout.splitlines()
    assert header == "编号\t角色\t创建时间\t用途说明" and row.endswith("\tevaluator\t" + row.split(
        "\t")[2] + "\tQA")


def test_serve_help_says_the_store_may_be_a_url_and_names_its_default() -> None:
    shown = CliRunner().invoke(main, ["serve", "--help"], terminal_width=200).output
    assert "SPARQL 1.1 server" in shown and "BCIC_STORE, else var/store" in shown
    assert "--public-url" in shown and "--stop-timeout" in shown


def test_sigterm_lets_a_request_in_flight_finish_and_refuses_new_ones(sample_store: Path) -> None:
    """A query running when SIGTERM arrives gets its answer; a connection made after it is
    refused, and the server exits, saying every request was answered."""
    import signal
    import threading

    server, port = _serving("--store", str(sample_store), "--stop-timeout", "20",
                            env={**os.environ, "BCIC_SPARQL_TIMEOUT": "3", "BCIC_SECRET_KEY": "x"})
    try:
        answers: list[int] = []

        def slow_query() -> None:  # runs until the 3 s time limit: a 503 answer
            query = urllib.parse.quote("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query={query}",
                                       timeout=30)
                answers.append(200)
            except urllib.error.HTTPError as error:
                answers.append(error.code)

        asking = threading.Thread(target=slow_query)
        asking.start()
        time.sleep(1)
        server.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        with pytest.raises(OSError):  # refused: nothing listens any more
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
        asking.join(timeout=30)
        assert answers == [503]  # the query's own answer: stopped at its time limit
        assert server.wait(timeout=30) == 0
        assert "every request received was answered" in server.stderr.read()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_a_304_keeps_the_connection_alive(sample_store: Path) -> None:
    """A partner revalidating its copy over one connection: every 304 said `Connection: close`
    (waitress closes an HTTP/1.1 answer without Content-Length, which a 304 never carries), so
    each revalidation cost a new connection, while 200s kept theirs."""
    server, port = _serving("--store", str(sample_store),
                            env={**os.environ, "BCIC_SECRET_KEY": "x"})
    url = "/api/queries/clusters-by-conformance"
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", url)
        first = connection.getresponse()
        first.read()
        held = connection.sock
        connection.request("GET", url, headers={"If-None-Match": first.getheader("ETag", "")})
        unchanged = connection.getresponse()
        unchanged.read()
        assert first.status == 200 and unchanged.status == 304
        assert unchanged.getheader("Connection") is None and not unchanged.will_close
        connection.request("HEAD", url, headers={"If-None-Match": first.getheader("ETag", "")})
        head = connection.getresponse()
        head.read()
        connection.request("GET", url)
        last = connection.getresponse()
        last.read()
        assert head.status == 304 and last.status == 200
        assert connection.sock is held  # one connection throughout
        connection.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
