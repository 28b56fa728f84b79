"""The web app's shell: language choice, UI strings, error pages, security headers, CSRF,
front-end packages, bearer tokens (checker/tokens.py and `bcic token`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from flask import Flask

from checker.cli import main
from checker.tokens import TokenFile, token_file_for
from web import NODE_MODULES, VENDOR_DIRS
from web.strings import STRINGS

HTML = {"Accept": "text/html"}


def test_every_ui_string_has_both_languages_and_the_same_placeholders() -> None:
    for key, texts in STRINGS.items():
        assert set(texts) == {"en", "zh"}, key
        assert all(texts.values()), key
        assert (set(re.findall(r"{(\w+)", texts["en"]))
                == set(re.findall(r"{(\w+)", texts["zh"]))), key


@pytest.mark.parametrize(("headers", "query", "expected"), [
    ({"Accept-Language": "zh-CN,zh;q=0.9"}, "", "产业集群"),
    ({"Accept-Language": "en-GB,en;q=0.8"}, "", "Industrial clusters"),
    # The first choice's region does not lose to an exact tag of lower quality.
    ({"Accept-Language": "zh-CN,en-US;q=0.7,en;q=0.3"}, "", "产业集群"),
    ({"Accept-Language": "zh-TW,en;q=0.5"}, "", "产业集群"),
    ({"Accept-Language": "en-US,zh;q=0.5"}, "", "Industrial clusters"),
    ({"Accept-Language": "en"}, "?lang=zh", "产业集群"),
    ({"Accept-Language": "zh"}, "?lang=en", "Industrial clusters"),
])
def test_pages_follow_the_asked_language(make_web_app, sample_store: Path,
                                         headers: dict[str, str], query: str,
                                         expected: str) -> None:
    client = make_web_app(sample_store).test_client()
    page = client.get("/" + query, headers=headers).get_data(as_text=True)
    assert f"<h1>{expected}</h1>" in page


def test_the_language_switch_keeps_the_pages_other_parameters(make_web_app,
                                                              sample_store: Path) -> None:
    client = make_web_app(sample_store).test_client()
    page = client.get("/?year=2023&cluster=https%3A%2F%2Fe%2Fa&cluster=https%3A%2F%2Fe%2Fb"
                      "&lang=en").get_data(as_text=True)
    kept = "year=2023&amp;cluster=https%3A%2F%2Fe%2Fa&amp;cluster=https%3A%2F%2Fe%2Fb"
    assert f'href="?{kept}&amp;lang=zh" hreflang="zh"' in page
    assert f'href="?{kept}&amp;lang=en" hreflang="en"' in page


def test_an_explicit_language_choice_is_remembered(make_web_app, sample_store: Path) -> None:
    client = make_web_app(sample_store).test_client()
    first = client.get("/?lang=zh", headers={"Accept-Language": "en"})
    assert "bcic_lang=zh" in first.headers["Set-Cookie"]
    later = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'lang="zh-CN"' in later


def test_home_lists_the_stored_clusters_with_verdict_and_rate(make_web_app,
                                                              sample_store: Path) -> None:
    page = make_web_app(sample_store).test_client().get("/?lang=en").get_data(as_text=True)
    assert page.count("/clusters/") >= 3
    assert "https://example.org/cluster/dehua/cluster" in page
    assert page.count("not conformant") == 2
    assert "no gap found; 93 item(s) await an evaluator" in page
    assert "21.8% (93 pending review)" in page  # the pending count whatever the verdict


def test_an_unknown_page_is_an_html_page_for_browsers_and_json_for_programs(
        make_web_app, sample_store: Path) -> None:
    client = make_web_app(sample_store).test_client()
    page = client.get("/no-such-page?lang=zh", headers=HTML)
    assert page.status_code == 404 and page.mimetype == "text/html"
    assert "页面不存在" in page.get_data(as_text=True)
    program = client.get("/no-such-page", headers={"Accept": "application/json"})
    assert program.status_code == 404 and program.get_json()["error"] == "NotFound"
    api = client.get("/api/no-such-thing", headers=HTML)
    assert api.status_code == 404 and api.is_json


def test_an_internal_error_shows_no_trace(make_web_app, sample_store: Path) -> None:
    app: Flask = make_web_app(sample_store, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret detail in /srv/path")

    client = app.test_client()
    for headers in (HTML, {"Accept": "application/json"}):
        response = client.get("/boom", headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code == 500
        assert "secret detail" not in body and "Traceback" not in body


def _with_form_route(app: Flask) -> Flask:
    """Add a page that takes a form POST, as the app's forms do."""

    @app.post("/echo")
    def echo() -> str:
        from flask import request

        return str(len(request.form.get("text", "")))

    return app


def test_a_body_over_the_limit_gets_413_with_the_limit_named(make_web_app,
                                                             sample_store: Path) -> None:
    app = _with_form_route(make_web_app(sample_store, MAX_CONTENT_LENGTH=1024,
                                        WTF_CSRF_ENABLED=False))
    client = app.test_client()
    assert client.post("/echo", data={"text": "x" * 100}).get_data(as_text=True) == "100"
    page = client.post("/echo?lang=en", data={"text": "x" * 4096}, headers=HTML)
    assert page.status_code == 413 and "1 KiB" in page.get_data(as_text=True)


def test_html_pages_carry_a_content_security_policy(make_web_app, sample_store: Path) -> None:
    response = make_web_app(sample_store).test_client().get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("path", "methods"), [
    ("/api/clusters/0123456789abcdef/revisions/1", ["DELETE", "OPTIONS"]),
    ("/api/clusters", ["GET", "HEAD", "OPTIONS"]),
])
def test_a_cors_preflight_is_allowed_each_paths_own_methods(make_web_app, sample_store: Path,
                                                            path: str, methods: list[str]) -> None:
    preflight = make_web_app(sample_store).test_client().options(path, headers={
        "Origin": "https://partner.example", "Access-Control-Request-Method": methods[0],
        "Access-Control-Request-Headers": "Authorization"})
    assert preflight.headers["Access-Control-Allow-Methods"].split(", ") == methods
    assert preflight.headers["Access-Control-Allow-Headers"] == "Authorization"


def test_a_form_post_without_its_csrf_token_is_refused(make_web_app, sample_store: Path) -> None:
    client = _with_form_route(make_web_app(sample_store)).test_client()
    response = client.post("/echo?lang=en", data={"text": "<a> <b> <c> ."}, headers=HTML)
    assert response.status_code == 400
    assert "did not come from this site" in response.get_data(as_text=True)


def test_front_end_packages_are_served_from_the_npm_install(make_web_app,
                                                            sample_store: Path) -> None:
    assert NODE_MODULES.is_dir(), "run `make install` (npm ci in web/)"
    client = make_web_app(sample_store).test_client()
    script = client.get("/vendor/chart.js/chart.umd.min.js")
    assert script.status_code == 200 and b"Chart" in script.data
    assert client.get("/vendor/yasgui/yasgui.min.js").status_code == 200
    assert client.get("/vendor/left-pad/index.js").status_code == 404
    assert client.get("/vendor/yasgui/../../../package.json").status_code == 404
    assert set(VENDOR_DIRS) == {"yasgui", "chart.js"}


def test_a_token_is_shown_once_and_kept_only_as_a_hash(tmp_path: Path) -> None:
    tokens = TokenFile(tmp_path / "tokens.json")
    record, token = tokens.create("evaluator", "lab A")
    stored = (tmp_path / "tokens.json").read_text(encoding="utf-8")
    assert token not in stored and record.sha256 in stored
    assert tokens.verify(token) == record
    assert tokens.verify(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert tokens.verify("not-a-token") is None
    assert tokens.revoke(record.id) and tokens.verify(token) is None
    assert not tokens.revoke(record.id)


def test_an_unknown_role_is_refused(tmp_path: Path) -> None:
    from checker.errors import InputError

    with pytest.raises(InputError, match="unknown role"):
        TokenFile(tmp_path / "t.json").create("admin")


def test_tokens_live_beside_a_directory_store_by_default() -> None:
    assert token_file_for("var/store") == Path("var/store-tokens.json").resolve()
    assert token_file_for("http://localhost:8890/sparql") == Path("var/tokens.json")


def test_without_a_configured_key_forms_survive_a_restart(make_web_app, tmp_path: Path) -> None:
    """The key made by the first app is kept beside the store, owner-only, and used after it."""
    store = tmp_path / "store"
    first = make_web_app(store, SECRET_KEY=None).test_client()
    form = first.get("/validate").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    kept = tmp_path / "store-secret-key"
    assert kept.stat().st_mode & 0o777 == 0o600
    restarted = make_web_app(store, SECRET_KEY=None).test_client()
    restarted.set_cookie("session", first.get_cookie("session").value)  # type: ignore[union-attr]
    sent = restarted.post("/validate", data={"csrf_token": token, "text": "<urn:a> <urn:b> 1 ."})
    assert sent.status_code == 303
    assert kept.read_text(encoding="ascii").strip() not in form


def test_the_token_commands_create_list_and_revoke(runner, tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    created = runner.invoke(main, ["token", "create", "--role", "maintainer", "--label", "rules",
                                   "--tokens", str(path)])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip().splitlines()[0]
    record = TokenFile(path).verify(token)
    assert record is not None and record.role == "maintainer"
    listed = runner.invoke(main, ["token", "list", "--tokens", str(path)])
    assert record.id in listed.output and token not in listed.output
    assert runner.invoke(main, ["token", "revoke", record.id, "--tokens", str(path)]).exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8")) == []
    assert runner.invoke(main, ["token", "revoke", record.id, "--tokens", str(path)]).exit_code == 2


def test_the_upload_limit_and_secret_come_from_the_environment(monkeypatch, sample_store: Path,
                                                               make_web_app) -> None:
    monkeypatch.setenv("BCIC_MAX_CONTENT_LENGTH", "2048")
    monkeypatch.setenv("BCIC_SECRET_KEY", "from-the-environment")
    app = make_web_app(sample_store, SECRET_KEY=None)
    assert app.config["MAX_CONTENT_LENGTH"] == 2048
    assert app.config["SECRET_KEY"] == "from-the-environment"
