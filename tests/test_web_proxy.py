"""Behind a reverse proxy (web/proxy.py): with BCIC_PUBLIC_URL every link and absolute URL
carries its scheme, host and prefix, whatever Host the request names; with trusted proxies their
X-Forwarded headers count; else answers built from the Host say so to caches."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from flask import Flask

from tests.loopback import prefix_proxy

PUBLIC = "https://bcic.example.org/bcic"


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/[^"]*)"', html)


def _absolute_urls(app: Flask, **headers: str) -> dict[str, str]:
    """The absolute URLs the app gives out: the editor's endpoint, the OpenAPI server, the
    service description's endpoint."""
    client = app.test_client()
    editor = client.get("/sparql/editor", headers=headers).get_data(as_text=True)
    servers = client.get("/api/openapi.json", headers=headers).get_json()["servers"]
    description = client.get("/sparql", headers={**headers, "Accept": "text/turtle"})
    return {"editor": re.search(r'"endpoint": "([^"]*)"', editor).group(1),  # type: ignore[union-attr]
            "servers": servers[0]["url"],
            "sd": re.search(r"sd:endpoint <([^>]*)>", description.get_data(as_text=True)).group(1)}  # type: ignore[union-attr]


def test_the_public_url_makes_every_absolute_url_and_never_reflects_the_host(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(sample_store, BCIC_PUBLIC_URL=PUBLIC + "/")
    assert _absolute_urls(app, Host="evil.example") == {
        "editor": PUBLIC + "/sparql", "servers": PUBLIC, "sd": PUBLIC + "/sparql"}
    answer = app.test_client().get("/api/openapi.json", headers={"Host": "evil.example"})
    assert "Host" not in answer.headers.get("Vary", "")  # the same for every Host


def test_under_the_public_prefix_links_static_files_and_redirects_carry_it(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(sample_store, BCIC_PUBLIC_URL=PUBLIC).test_client()
    for path in ("/", "/bcic/"):  # a proxy that strips the prefix, and one that passes it on
        page = client.get(path)
        assert page.status_code == 200
        links = _links(page.get_data(as_text=True))
        assert "/bcic/static/app.css" in links and all(link.startswith("/bcic/") for link in links)
    assert client.get("/bcic/static/app.css").status_code == 200
    assert client.get("/sparql", headers={"Accept": "text/html"}).headers["Location"] == (
        "/bcic/sparql/editor")


def test_trusted_proxies_headers_count_and_untrusted_ones_do_not(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "bcic.example.org",
                 "X-Forwarded-Prefix": "/bcic"}
    trusting = make_web_app(sample_store, BCIC_TRUSTED_PROXIES="1")
    assert set(_absolute_urls(trusting, **forwarded).values()) <= {PUBLIC, PUBLIC + "/sparql"}
    assert "X-Forwarded-Host" in trusting.test_client().get(
        "/api/openapi.json", headers=forwarded).headers["Vary"]
    plain = make_web_app(sample_store)
    assert _absolute_urls(plain, **forwarded)["servers"] == "http://localhost"


def test_an_answer_built_from_the_host_varies_with_it_and_is_private(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(sample_store).test_client()
    for path, accept in (("/api/openapi.json", "application/json"), ("/sparql", "text/turtle"),
                         ("/sparql/editor", "text/html")):
        answer = client.get(path, headers={"Host": "evil.example", "Accept": accept})
        assert "evil.example" in answer.get_data(as_text=True)
        assert "Host" in answer.headers["Vary"] and "private" in answer.headers["Cache-Control"]
    clusters = client.get("/api/clusters")
    assert "Host" not in clusters.headers.get("Vary", "")  # no URL of the Host in it


def test_through_a_real_proxy_on_loopback_the_pages_and_the_editor_work(tmp_path: Path,
                                                                        sample_store: Path) -> None:
    """`bcic serve --public-url` behind a proxy on loopback that strips the prefix (nginx's
    `location /bcic/ { proxy_pass http://up/; }`): the page's stylesheet and the editor's
    endpoint are reached through it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        app_port = probe.getsockname()[1]
    app_url = f"http://127.0.0.1:{app_port}"
    with prefix_proxy(app_url, "/bcic") as proxy_url:
        server = subprocess.Popen(
            [sys.executable, "-m", "checker.cli", "serve", "--port", str(app_port), "--store",
             str(sample_store), "--public-url", proxy_url + "/bcic"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "BCIC_SECRET_KEY": "x",
                 "BCIC_TOKENS": str(tmp_path / "tokens.json")})
        try:
            assert server.stderr is not None
            next(line for line in server.stderr if "serving" in line)
            with urllib.request.urlopen(proxy_url + "/bcic/", timeout=30) as page:
                links = _links(page.read().decode("utf-8"))
            assert "/bcic/static/app.css" in links
            for link in links:
                if link.startswith("/bcic/static/"):
                    with urllib.request.urlopen(proxy_url + link, timeout=30) as asset:
                        assert asset.status == 200
            with urllib.request.urlopen(proxy_url + "/bcic/sparql/editor", timeout=30) as editor:
                endpoint = re.search(r'"endpoint": "([^"]*)"', editor.read().decode("utf-8"))
            assert endpoint is not None and endpoint.group(1) == proxy_url + "/bcic/sparql"
            with urllib.request.urlopen(endpoint.group(1) + "?query=ASK%7B%7D",
                                        timeout=30) as asked:
                assert asked.status == 200
        finally:
            server.terminate()
            server.wait(timeout=60)
