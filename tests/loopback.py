"""Servers on loopback for the tests: a stand-in SPARQL endpoint for the command line's tests,
and the web app under waitress in a process of its own."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler of a stand-in server that writes no access log to the test's output."""

    def log_message(self, *args: object) -> None:
        """Log nothing."""


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
