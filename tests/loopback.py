"""Servers on loopback for the tests: a stand-in SPARQL endpoint for the command line's tests,
the web app under waitress in a process of its own, and proxies in front of a real server."""

from __future__ import annotations

import http.client
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler of a stand-in server that writes no access log to the test's output."""

    def log_message(self, *args: object) -> None:
        """Log nothing."""


def failing_endpoint(status: int, content_type: str, body: bytes,
                     headers: Mapping[str, str] | None = None) -> type[QuietHandler]:
    """A stand-in endpoint answering every POSTed query with `status`, `content_type`, the
    further `headers` and `body` (a remote server's error, for what bcic says of it)."""

    class Failing(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Failing


@contextmanager
def loopback_endpoint(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on 127.0.0.1 (a free port) in a thread; yield its /sparql URL."""
    with loopback_server(handler) as base:
        yield f"{base}/sparql"


@contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on 127.0.0.1 (a free port) in a thread; yield its base URL."""
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def waitress_app(env: Mapping[str, str], threads: int) -> Iterator[str]:
    """The web app (`web:create_app`, configured by `env`) under waitress with `threads` request
    threads, in its own process on a free loopback port; yield its base URL. It is stopped with
    SIGINT, whose clean exit stops its query workers too."""
    process = subprocess.Popen(
        [sys.executable, "-m", "waitress", "--listen=127.0.0.1:0", f"--threads={threads}",
         "--call", "web:create_app"],
        env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    try:
        url = None
        deadline = time.monotonic() + 30
        while url is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            found = re.search(r"Serving on (http://127\.0\.0\.1:\d+)", line)
            url = found.group(1) if found else None
        assert url is not None, "waitress did not start"
        threading.Thread(target=process.stdout.read, daemon=True).start()  # drain its log
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def prefix_proxy(upstream: str, prefix: str) -> Iterator[str]:
    """A reverse proxy on loopback as nginx's `location /bcic/ { proxy_pass http://up/; }`
    makes one: `<its URL><prefix>/x` is passed to `<upstream>/x` with the upstream's Host and
    X-Forwarded-Proto, -Host and -Prefix; yield its base URL (without the prefix)."""
    import http.client
    from urllib.parse import urlsplit

    up = urlsplit(upstream)

    class Forwarding(QuietHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if not self.path.startswith(prefix + "/"):
                self.send_error(404)
                return
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() not in ("host", "connection")}
            headers.update({"Host": up.netloc, "X-Forwarded-Proto": "https",
                            "X-Forwarded-Host": "bcic.example.org", "X-Forwarded-Prefix": prefix})
            connection = http.client.HTTPConnection(up.hostname, up.port, timeout=60)
            connection.request("GET", self.path[len(prefix):], headers=headers)
            answer = connection.getresponse()
            body = answer.read()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with loopback_server(Forwarding) as base:
        yield base


@dataclass
class Drop:
    """Which request a dropping proxy answers by closing the connection (`picks`, given its
    body), whether it passes that request on first (`forward`: the server applies it, its
    answer is lost), and how many requests after it are dropped unanswered and not passed on
    (`then`: the server gone for a while). `dropped` counts the requests picked."""

    picks: Callable[[bytes], bool]
    forward: bool
    then: int = 0
    dropped: int = 0


@contextmanager
def dropping_proxy(upstream: str, drop: Drop) -> Iterator[str]:
    """A proxy on loopback in front of `upstream` (a base URL) that passes each request on and
    its answer back, except those `drop` says to answer by closing the connection (as a
    connection that breaks, or a server killed while it answers); yield its base URL."""
    target = upstream.removeprefix("http://")
    gone = 0  # requests still to drop after the one picked

    class Dropping(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._pass(None)

        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            self._pass(self.rfile.read(int(self.headers.get("Content-Length", 0))))

        def _pass(self, body: bytes | None) -> None:
            nonlocal gone
            if gone:
                gone -= 1
                self._close()
                return
            picked = body is not None and drop.picks(body)
            if picked:
                drop.dropped += 1
                gone = drop.then
                if not drop.forward:
                    self._close()
                    return
            connection = http.client.HTTPConnection(target, timeout=60)
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() not in ("host", "connection", "content-length")}
            connection.request(self.command, self.path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            connection.close()
            if picked:
                self._close()
                return
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _close(self) -> None:
            """Close the connection without a word of answer."""
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)

    with loopback_server(Dropping) as base:
        yield base
