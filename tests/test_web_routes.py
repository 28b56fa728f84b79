"""Every route of the web app, walked from its URL map: with good values it answers (2xx or a
redirect), with unknown ones 404, with another method 405, and never with a 500. A route added
without an entry here fails the first test."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from rdflib import URIRef

from checker.store.base import cluster_key

DEHUA = cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))
VALUES = {"key": DEHUA, "number": "1", "name": "clusters-by-conformance",
          "requirement_id": "4.2.1-a", "version": "0.1.0",
          "package": "chart.js", "filename": "chart.umd.min.js"}
UNKNOWN = {"key": "0" * 16, "number": "99", "name": "no-such-query",
           "requirement_id": "99.9", "version": "9.9.9", "package": "left-pad",
           "filename": "nothing.js", "report_id": "no-such-report"}
# Per endpoint: the values its URL needs beyond VALUES (None: tested elsewhere, with reason).
SPECIAL: dict[str, dict[str, str] | None] = {
    "static": {"filename": "app.css"},
    "rulebook.shape": {"name": "MembershipHasMember"},
    "rulebook.iris.shape": {"name": "MembershipHasMember"},
    "rulebook.iris.indicator": {"name": "BrandReach"},
    "evaluation.validation_report": None,  # ids are made by a validation: test_web_evaluation
}
GET_ENDPOINTS_NEEDING_PARAMS = {"clusters.benchmark_api": "cluster=" + DEHUA}


@pytest.fixture(scope="module")
def app(sample_store: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from web import create_app, query_service

    app = create_app({"TESTING": True, "BCIC_STORE": str(sample_store), "SECRET_KEY": "t",
                      "BCIC_TOKENS": str(tmp_path_factory.mktemp("tokens") / "tokens.json")})
    yield app
    query_service(app).close()


def _routes(app: Flask) -> list[tuple[str, str, list[str], set[str]]]:
    return [(rule.endpoint, rule.rule, list(rule.arguments), set(rule.methods or ()) - {"HEAD", "OPTIONS"})
            for rule in app.url_map.iter_rules()]


def _url(app: Flask, endpoint: str, values: dict[str, str]) -> str:
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **values)


def test_every_route_has_values_to_call_it_with(app: Flask) -> None:
    for endpoint, rule, arguments, _methods in _routes(app):
        special = SPECIAL.get(endpoint, {})
        if special is None:
            continue
        missing = [a for a in arguments if a not in special and a not in VALUES]
        assert not missing, f"{rule}: add values for {missing} to this test"


def test_every_get_route_answers_without_a_server_error(app: Flask) -> None:
    client = app.test_client()
    for endpoint, rule, arguments, methods in _routes(app):
        special = SPECIAL.get(endpoint, {})
        if "GET" not in methods or special is None:
            continue
        values = {a: (special or {}).get(a, VALUES.get(a, "")) for a in arguments}
        url = _url(app, endpoint, values)
        query = GET_ENDPOINTS_NEEDING_PARAMS.get(endpoint)
        for lang in ("en", "zh"):
            full = f"{url}?lang={lang}" + (f"&{query}" if query else "")
            response = client.get(full, headers={"Accept": "text/html"})
            assert response.status_code in (200, 303), (rule, full, response.status_code)


def test_every_route_with_an_unknown_value_is_404(app: Flask) -> None:
    client = app.test_client()
    for endpoint, rule, arguments, methods in _routes(app):
        if not arguments or "GET" not in methods or endpoint == "static":
            continue
        url = _url(app, endpoint, {a: UNKNOWN[a] for a in arguments})
        for accept in ("text/html", "application/json"):
            response = client.get(url, headers={"Accept": accept})
            assert response.status_code == 404, (rule, url, accept, response.status_code)
            assert b"Traceback" not in response.data


def test_every_route_refuses_a_method_it_lacks_with_405(app: Flask) -> None:
    client = app.test_client()
    for endpoint, rule, arguments, methods in _routes(app):
        if SPECIAL.get(endpoint, {}) is None:
            continue
        values = {a: (SPECIAL.get(endpoint) or {}).get(a, VALUES.get(a, "")) for a in arguments}
        url = _url(app, endpoint, values)
        other = "PUT" if "PUT" not in methods else "PATCH"
        response = client.open(url, method=other)
        assert response.status_code == 405, (rule, other, response.status_code)
        assert response.headers.get("Allow"), rule


def test_every_write_route_needs_a_token(app: Flask) -> None:
    """The routes that change the store answer 401 without a token (CSRF off, so the token is
    what is checked), and nothing else writes: validations, a stored revision checked again
    (nothing stored, tests/test_recheck.py) and queries need none."""
    client = app.test_client()
    app.config["WTF_CSRF_ENABLED"] = False
    try:
        writes = {(endpoint, rule) for endpoint, rule, _a, methods in _routes(app)
                  if methods & {"POST", "DELETE"}
                  and endpoint not in ("sparql.endpoint", "evaluation.validate_submit",
                                       "evaluation_api.validate", "evaluation_api.recheck",
                                       "evaluation.recheck_revision_form")}
        assert {e for e, _r in writes} == {"evaluation_api.store_revision", "evaluation_api.delete",
                                           "evaluation.delete_revision_form",
                                           "evaluation_api.judgements", "evaluation.judge_form",
                                           "api.reload_rules_from_files"}
        for endpoint, rule in writes:
            values = {"key": DEHUA, "number": "1"}
            url = _url(app, endpoint, {k: v for k, v in values.items() if f"<{k}>" in rule
                                       or f":{k}>" in rule})
            method = "DELETE" if endpoint == "evaluation_api.delete" else "POST"
            response = client.open(url, method=method, data=b"", headers={
                "Content-Type": "text/turtle", "Accept": "application/json"})
            assert response.status_code == 401, (rule, response.status_code)
    finally:
        app.config["WTF_CSRF_ENABLED"] = True


@pytest.mark.parametrize("path", ["/static//app.css", "/clusters//x", "/rulebook//4.1",
                                  "/api//queries"])
def test_a_doubled_slash_is_never_redirected_to_the_hosts_name(app: Flask, path: str) -> None:
    """werkzeug merges repeated slashes by a redirect to an absolute URL built from the Host
    header (`Location: http://evil.example/static/app.css`), which a shared cache could keep
    and serve to others: such a path is no route of the app."""
    answer = app.test_client().get(path, headers={"Host": "evil.example"})
    assert answer.status_code == 404, answer.headers.get("Location")
    assert "evil.example" not in answer.headers.get("Location", "")
