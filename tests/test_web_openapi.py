"""The OpenAPI document (/api/openapi.json) and its page (/api/docs): valid OpenAPI 3.1, no route
or method of /api/ or /sparql missing (nor any documented that the app lacks), and real answers
of the sample store valid against the schemas it states."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from markupsafe import escape
from openapi_spec_validator import validate as validate_spec

from checker.paths import EXAMPLES_DIR
from checker.rulebook import load_rulebook
from checker.sparql_service import GRAPH_FORMATS, RESULT_FORMATS
from checker.store.base import cluster_key
from checker.tokens import TokenFile
from web import code_spans

DEHUA = "https://example.org/cluster/dehua/cluster"
DATANG = "https://example.org/cluster/datang/cluster"
IGNORED_METHODS = {"HEAD", "OPTIONS"}


@pytest.fixture
def app(make_web_app, sample_store: Path) -> Flask:  # type: ignore[no-untyped-def]
    return make_web_app(sample_store)  # type: ignore[no-any-return]


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def document(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()  # type: ignore[no-any-return]


def documented_operations(document: dict[str, Any]) -> set[tuple[str, str]]:
    return {(path, method.upper()) for path, item in document["paths"].items()
            for method in item}


def routed_operations(app: Flask) -> set[tuple[str, str]]:
    """Every (path, method) the app routes under /api/ and /sparql, paths in OpenAPI syntax."""
    found = set()
    for rule in app.url_map.iter_rules():
        if not (rule.rule.startswith("/api/") or rule.rule == "/sparql"):
            continue
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        found |= {(path, method) for method in rule.methods - IGNORED_METHODS}
    return found


def test_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    validate_spec(document)


def test_no_api_route_or_method_is_missing_from_the_document(
        app: Flask, document: dict[str, Any]) -> None:
    routed = routed_operations(app)
    assert len(routed) >= 15  # the walk found the app's routes (a broken walk would pass empty)
    missing = routed - documented_operations(document)
    assert not missing, f"routes missing from web/openapi.py: {sorted(missing)}"


def test_the_document_describes_no_route_the_app_lacks(app: Flask,
                                                       document: dict[str, Any]) -> None:
    stale = documented_operations(document) - routed_operations(app)
    assert not stale, f"documented but not routed: {sorted(stale)}"


def test_sparql_answers_list_every_media_type_they_may_be_labelled_with(
        document: dict[str, Any]) -> None:
    labels = {t for f in RESULT_FORMATS + GRAPH_FORMATS for t in f.media_types}
    for method in ("get", "post"):
        assert set(document["paths"]["/sparql"][method]["responses"]["200"]["content"]) == labels


def test_server_is_this_apps_root_url(client: FlaskClient) -> None:
    document = client.get("/api/openapi.json", base_url="https://bcic.example:8443").get_json()
    assert document["servers"] == [{"url": "https://bcic.example:8443"}]


def test_writing_operations_need_a_bearer_token_of_their_role(document: dict[str, Any]) -> None:
    roles = {(path, method): op.get("x-bcic-role")
             for path, item in document["paths"].items() for method, op in item.items()}
    assert roles[("/api/clusters/revisions", "post")] == "evaluator"
    assert roles[("/api/clusters/{key}/revisions/{number}", "delete")] == "evaluator"
    assert roles[("/api/rules/reload", "post")] == "maintainer"
    for (path, method), role in roles.items():
        operation = document["paths"][path][method]
        assert ("security" in operation) == (role is not None), (path, method)
        if role:
            assert {"401", "403"} <= set(operation["responses"]), (path, method)
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def validator(document: dict[str, Any], schema: str) -> Draft202012Validator:
    """A validator for one component schema, its $refs resolved inside the document."""
    return Draft202012Validator({"$ref": f"#/components/schemas/{schema}",
                                 "components": document["components"]})


ANSWERS = [
    ("/api/clusters", "ClusterList"),
    (f"/api/clusters/{cluster_key(DEHUA)}", "ClusterDetail"),
    (f"/api/clusters/{cluster_key(DEHUA)}/history", "ClusterHistory"),
    (f"/api/clusters/{cluster_key(DEHUA)}/indicators", "ClusterIndicators"),
    (f"/api/benchmark?cluster={cluster_key(DEHUA)}&cluster={cluster_key(DATANG)}", "Benchmark"),
    (f"/api/clusters/{cluster_key(DEHUA)}/revisions/1/report", "Report"),
    ("/api/queries?lang=zh", "QueryList"),
    ("/api/queries/clusters-by-conformance", "QueryAnswer"),
    ("/api/clusters/0000000000000000", "Error"),
    ("/api/queries/no-such-query", "Error"),
]


@pytest.mark.parametrize(("url", "schema"), ANSWERS)
def test_real_answers_match_the_documented_schemas(client: FlaskClient, document: dict[str, Any],
                                                   url: str, schema: str) -> None:
    answer = client.get(url)
    assert answer.status_code == (200 if schema != "Error" else answer.get_json()["status"])
    errors = sorted(validator(document, schema).iter_errors(answer.get_json()), key=str)
    assert not errors, [e.message for e in errors[:5]]


def test_validate_answer_matches_the_report_schema(client: FlaskClient,
                                                   document: dict[str, Any]) -> None:
    answer = client.post("/api/validate", data=(EXAMPLES_DIR / "meitan-tea.ttl").read_bytes(),
                         content_type="text/turtle")
    assert answer.status_code == 200
    assert not list(validator(document, "Report").iter_errors(answer.get_json()))


def test_schemas_can_fail(document: dict[str, Any]) -> None:
    """The schema check is not vacuous: a document missing required fields is refused."""
    assert list(validator(document, "ClusterList").iter_errors({"clusters": [{"key": 1}]}))
    assert list(validator(document, "Error").iter_errors({"ok": True}))


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["API for partner systems", "Tokens and roles", "Named queries", "Token role"]),
    ("zh", ["合作系统接口（API）", "令牌与角色", "命名查询", "令牌角色"]),
])
def test_docs_page_lists_every_operation_in_both_languages(
        client: FlaskClient, document: dict[str, Any], lang: str, words: list[str]) -> None:
    page = client.get(f"/api/docs?lang={lang}").get_data(as_text=True)
    for word in words:
        assert word in page, word
    for item in document["paths"].values():
        for operation in item.values():
            assert f'id="{operation["operationId"]}"' in page
            assert str(escape(operation["x-bcic-summary"][lang])) in page
    assert "<code>maintainer</code>" in page and "<code>evaluator</code>" in page


def test_every_parameter_is_described_in_both_languages_on_the_docs_page(
        client: FlaskClient, document: dict[str, Any]) -> None:
    shared = document["components"]["parameters"]
    parameters = [shared[p["$ref"].rsplit("/", 1)[-1]] if "$ref" in p else p
                  for item in document["paths"].values() for operation in item.values()
                  for p in operation.get("parameters", [])]
    for parameter in parameters:
        assert set(parameter["x-bcic-description"]) == {"en", "zh"}, parameter["name"]
    zh = client.get("/api/docs?lang=zh").get_data(as_text=True)
    for parameter in parameters:
        assert str(code_spans(parameter["x-bcic-description"]["zh"])) in zh
        assert str(code_spans(parameter["x-bcic-description"]["en"])) not in zh
    assert "<td>查询字符串</td>" in zh and "<td>query</td>" not in zh


def test_docs_and_document_refuse_post(client: FlaskClient) -> None:
    for url in ("/api/docs", "/api/openapi.json"):
        answer = client.post(url)
        assert answer.status_code == 405 and answer.get_json()["error"] == "MethodNotAllowed"


# --- POST /api/rules/reload (maintainer) -------------------------------------------------------

@pytest.fixture
def writable(make_web_app, tmp_path: Path) -> tuple[FlaskClient, Path]:  # type: ignore[no-untyped-def]
    app = make_web_app(tmp_path / "store")
    return app.test_client(), Path(app.config["BCIC_TOKENS"])


def test_reload_without_a_token_is_401(writable: tuple[FlaskClient, Path]) -> None:
    client, _tokens = writable
    answer = client.post("/api/rules/reload")
    assert answer.status_code == 401 and answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.post("/api/rules/reload",
                       headers={"Authorization": "Bearer not-a-token"}).status_code == 401


def test_reload_with_an_evaluator_token_is_403(writable: tuple[FlaskClient, Path]) -> None:
    client, tokens = writable
    _record, token = TokenFile(tokens).create("evaluator")
    answer = client.post("/api/rules/reload", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 403 and "maintainer" in answer.get_json()["message"]


def test_reload_with_a_maintainer_token_loads_the_rule_graphs(
        writable: tuple[FlaskClient, Path], document: dict[str, Any]) -> None:
    client, tokens = writable
    before = client.get("/sparql", query_string={
        "query": "ASK { GRAPH <https://w3id.org/bcic/graph/rules/shapes> { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"})
    assert before.get_json().get("boolean") is not True  # no store yet (503) or no rules
    _record, token = TokenFile(tokens).create("maintainer")
    answer = client.post("/api/rules/reload", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert body["requirements"] == 132 and body["shapes"] > 0
    assert not list(validator(document, "RulesReloaded").iter_errors(body))
    after = client.get("/sparql", query_string={
        "query": "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/bcic/graph/rules/shapes> "
                 "{ ?s ?p ?o } }"}, headers={"Accept": "application/sparql-results+json"})
    count = int(after.get_json()["results"]["bindings"][0]["n"]["value"])
    assert count == body["shapes_triples"]


def test_reload_refuses_get(writable: tuple[FlaskClient, Path]) -> None:
    client, _tokens = writable
    assert client.get("/api/rules/reload").status_code == 405


@pytest.mark.parametrize(("lang", "words"), [("en", "Rule graphs reloaded"),
                                             ("zh", "规则图已重新加载")])
def test_cli_reload_loads_the_rule_graphs_the_api_would(tmp_path: Path, lang: str,
                                                        words: str) -> None:
    from click.testing import CliRunner

    from checker.cli import main
    from checker.store import open_configured_store
    from checker.store.base import SHAPES_GRAPH

    location = tmp_path / "store"
    result = CliRunner().invoke(main, ["rules", "reload", "--store", str(location),
                                       "--lang", lang])
    assert result.exit_code == 0 and words in result.output and "132" in result.output
    store = open_configured_store(str(location), create=False)
    try:
        assert len(store.named_graph(SHAPES_GRAPH)) == len(load_rulebook().shapes_graph)
    finally:
        store.close()


def test_reload_while_another_writer_holds_the_store_is_503_and_changes_nothing(
        make_web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from checker.store import open_configured_store

    app = make_web_app(tmp_path / "store")
    _record, token = TokenFile(Path(app.config["BCIC_TOKENS"])).create("maintainer")
    holder = open_configured_store(str(tmp_path / "store"))  # e.g. `bcic ingest` running
    try:
        answer = app.test_client().post("/api/rules/reload",
                                        headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 503 and answer.get_json()["error"] == "StoreLockedError"
        assert not holder.ask("ASK { GRAPH ?g { ?s ?p ?o } }")
    finally:
        holder.close()
