"""The OpenAPI document (/api/openapi.json) and its page (/api/docs): valid OpenAPI 3.1, no route
or method of /api/ or /sparql missing (nor any documented that the app lacks), no route of the app
answering JSON the document does not describe, and real answers (successes and errors, a bad
`lang` on every route, an unreachable remote store) with a status the document states for their
operation and valid against the schema it states for that status, which are closed: an answer's
undescribed field fails."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import URIRef
from werkzeug.test import TestResponse
from jsonschema import Draft202012Validator
from markupsafe import escape
from openapi_spec_validator import validate as validate_spec

from checker.ingest import ingest_files, publish_for_queries
from checker.paths import EXAMPLES_DIR
from checker.queries import get_query, list_queries, result_columns
from checker.rulebook import load_rulebook
from checker.sparql_service import GRAPH_FORMATS, RESULT_FORMATS
from checker.store import open_configured_store
from checker.store.base import cluster_key
from checker.tokens import TokenFile
from web import code_spans
from tests.catalogue_counts import COUNTS
from test_named_queries import CHAOZHOU, jingdezhen, peer_submission, revised_dehua
from test_rated_comparisons import peer, rated_cluster

DEHUA = "https://example.org/cluster/dehua/cluster"
DATANG = "https://example.org/cluster/datang/cluster"
MEITAN = "https://example.org/cluster/meitan/cluster"
RATED = "https://example.org/cluster/rated-dehua/cluster"  # rated on scales of levels (9.2.3)
IGNORED_METHODS = frozenset({"HEAD", "OPTIONS"})


@pytest.fixture(scope="module")
def app(make_module_web_app: Callable[..., Flask], sample_store: Path) -> Flask:
    """The app over the samples' store, shared by the module's tests: they read through it."""
    return make_module_web_app(sample_store)


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


def routed_operations(app: Flask, ignored: frozenset[str] = IGNORED_METHODS) -> set[tuple[str, str]]:
    """Every (path, method) the app routes under /api/, /sparql and /healthz, paths in OpenAPI
    syntax; not `ignored` methods (HEAD, which Flask adds to every GET, is documented only where
    its answer carries an ETag)."""
    found = set()
    for rule in app.url_map.iter_rules():
        if not (rule.rule.startswith("/api/") or rule.rule in ("/sparql", "/healthz")):
            continue
        found |= {(openapi_path(rule.rule), method) for method in rule.methods - ignored}
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
    stale = documented_operations(document) - routed_operations(app, frozenset({"OPTIONS"}))
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


def openapi_path(rule: str) -> str:
    """A Flask rule (`/api/clusters/<key>`) in OpenAPI syntax (`/api/clusters/{key}`)."""
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule)


def operation_of(app: Flask, method: str, url: str) -> tuple[str, str]:
    """The documented path and method that answer a request, found by the app's URL map."""
    rule, _values = app.url_map.bind("localhost").match(
        urlsplit(url).path, method=method.upper(), return_rule=True)
    return openapi_path(rule.rule), method.lower()


def answer_errors(document: dict[str, Any], path: str, method: str,
                  answer: TestResponse) -> list[str]:
    """How a real answer departs from what the document states for its status and media type
    (empty: it matches)."""
    where = f"{method.upper()} {path} {answer.status_code}"
    response = document["paths"][path][method]["responses"].get(str(answer.status_code))
    if response is None:
        return [f"{where}: status not documented"]
    if "$ref" in response:
        response = document["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    content = response.get("content", {})
    if answer.mimetype not in content:
        return [f"{where}: {answer.mimetype} not documented (only {sorted(content)})"]
    body = (answer.get_json() if answer.mimetype == "application/json"
            else answer.get_data(as_text=True))
    schema = Draft202012Validator({**content[answer.mimetype]["schema"],
                                   "components": document["components"]})
    return [f"{where}: {e.json_path}: {e.message}"[:300]
            for e in sorted(schema.iter_errors(body), key=str)[:5]]


DEHUA_KEY, DATANG_KEY, MEITAN_KEY = (cluster_key(c) for c in (DEHUA, DATANG, MEITAN))
# Real answers of the sample store, and their status: each is checked against the schema the
# document states for that status (errors included), so that a field an answer gains or loses,
# or a status it may give, cannot go undescribed.
ANSWERS = [
    ("/api/clusters", 200),
    (f"/api/clusters/{DEHUA_KEY}", 200),
    (f"/api/clusters/{DATANG_KEY}", 200),  # a revision that opened gaps (their ids)
    (f"/api/clusters/{DEHUA_KEY}/history", 200),
    (f"/api/clusters/{DATANG_KEY}/history", 200),  # the gaps it opened, with their labels
    (f"/api/clusters/{DEHUA_KEY}/indicators", 200),
    (f"/api/clusters/{DEHUA_KEY}/indicators?benchmark={DATANG_KEY}&year=2023&group=b.1", 200),
    (f"/api/benchmark?cluster={DEHUA_KEY}&cluster={DATANG_KEY}", 200),
    (f"/api/benchmark?cluster={DEHUA}&focus={DEHUA}&benchmark={DATANG}", 200),  # by IRI
    ("/api/benchmark?cluster=https://example.org/cluster/nope/cluster", 404),
    (f"/api/benchmark?cluster={DEHUA_KEY}&focus={DEHUA_KEY}&benchmark={DATANG_KEY}&year=2024",
     200),  # the four comparisons, with rows
    (f"/api/clusters/{DEHUA_KEY}/revisions/1/report", 200),
    (f"/api/clusters/{MEITAN_KEY}/revisions/1/report?lang=zh", 200),  # findings and hints
    (f"/api/clusters/{MEITAN_KEY}/revisions/1/report?format=ttl", 200),
    ("/api/queries?lang=zh", 200),
    ("/api/queries/clusters-by-conformance", 200),
    (f"/api/queries/indicators-vs-benchmark?cluster={DEHUA}", 200),
    ("/api/openapi.json", 200),
    ("/api/docs?lang=zh", 200),
    ("/api/clusters/0000000000000000", 404),
    ("/api/clusters/0000000000000000/history", 404),
    ("/api/clusters/0000000000000000/indicators", 404),
    (f"/api/clusters/{DEHUA_KEY}/revisions/9/report", 404),
    (f"/api/clusters/{DEHUA_KEY}/revisions/1/judgements", 200),
    (f"/api/clusters/{DEHUA_KEY}/revisions/9/judgements", 404),
    (f"/api/clusters/{DEHUA_KEY}/revisions/1/report?format=pdf", 400),
    (f"/api/clusters/{DEHUA_KEY}/indicators?year=24", 400),
    (f"/api/clusters/{DEHUA_KEY}/indicators?benchmark={DEHUA_KEY}", 400),
    ("/api/benchmark", 400),
    (f"/api/benchmark?cluster={DEHUA_KEY}&indicator=z.9", 400),
    ("/api/queries/no-such-query", 404),
    ("/api/queries/indicators-vs-history?cluster=https://example.org/nope", 404),
    ("/api/queries/indicators-vs-benchmark", 400),  # its cluster is required
    ("/api/queries/clusters-by-conformance?snapshot=not-a-token", 400),
    # A page asked for with the token of data that is not the store's now (written since).
    ("/api/queries/clusters-by-conformance?offset=1&limit=1&snapshot=0000000000000000", 409),
]
# The writing operations whose answers the tests below check against the document.
WRITES_CHECKED = {("/api/validate", "post"), ("/api/clusters/revisions", "post"),
                  ("/api/clusters/{key}/revisions/{number}/recheck", "post"),
                  ("/api/clusters/{key}/revisions/{number}", "delete"),
                  ("/api/clusters/{key}/revisions/{number}/judgements", "post"),
                  ("/api/rules/reload", "post")}
PATH_VALUES = {"key": DEHUA_KEY, "number": 1, "name": "clusters-by-conformance"}


@pytest.mark.parametrize(("url", "status"), ANSWERS)
def test_real_answers_match_the_documented_schemas(app: Flask, client: FlaskClient,
                                                   document: dict[str, Any], url: str,
                                                   status: int) -> None:
    answer = client.get(url)
    assert answer.status_code == status, answer.get_data(as_text=True)[:300]
    assert not answer_errors(document, *operation_of(app, "GET", url), answer)


def test_an_etag_is_documented_exactly_where_a_real_answer_carries_one(
        app: Flask, client: FlaskClient, document: dict[str, Any]) -> None:
    """The stored clusters (/api/clusters, /api/clusters/{key}) carry an ETag, as the named
    queries do (web/etags.py): their 200 documents it, with the conditional GET's 304."""
    tagged, documented = set(), set()
    for url, status in ANSWERS:
        if status != 200:
            continue
        path, method = operation_of(app, "GET", url)
        responses = document["paths"][path][method]["responses"]
        if "ETag" in client.get(url).headers:
            tagged.add(path)
        if "ETag" in responses["200"].get("headers", {}) and "304" in responses:
            documented.add(path)
    assert {"/api/clusters", "/api/clusters/{key}", "/api/queries/{name}"} <= tagged
    assert tagged == documented


def test_head_is_documented_exactly_where_its_answer_carries_an_etag(
        app: Flask, client: FlaskClient, document: dict[str, Any]) -> None:
    """HEAD answers as GET does, without a body (RFC 9110 9.3.2): where that answer carries an
    ETag, a client revalidating with HEAD finds the operation, its tag and its 304."""
    tagged, documented = set(), set()
    for url, status in [*ANSWERS, ("/sparql?query=ASK%7B%7D", 200)]:
        if status != 200:
            continue
        path, _ = operation_of(app, "GET", url)
        head = client.head(url)
        if "ETag" in head.headers:
            tagged.add(path)
            assert client.head(url, headers={"If-None-Match": head.headers["ETag"]}
                               ).status_code == 304, url
        if "head" in document["paths"][path]:
            documented.add(path)
            responses = document["paths"][path]["head"]["responses"]
            assert "ETag" in responses["200"]["headers"] and "304" in responses
            assert "content" not in responses["200"]
            get = document["paths"][path]["get"]
            assert document["paths"][path]["head"]["parameters"] == get["parameters"]
            assert set(responses) == set(get["responses"])
    assert {"/api/clusters", "/api/clusters/{key}", "/api/benchmark", "/api/queries/{name}",
            "/sparql"} <= tagged
    assert tagged == documented


def test_every_documented_json_answer_is_checked_against_a_real_one(
        app: Flask, document: dict[str, Any]) -> None:
    """Each /api/ operation documenting a JSON success answer has a real one checked here."""
    documented = {(path, method) for path, item in document["paths"].items()
                  if path.startswith("/api/") for method, operation in item.items()
                  if any("application/json" in response.get("content", {})
                         for code, response in operation["responses"].items()
                         if code.startswith("2"))}
    checked = {operation_of(app, "GET", url) for url, status in ANSWERS if status == 200}
    assert len(documented) >= 13  # the walk found them (an empty one would pass)
    unchecked = documented - checked - WRITES_CHECKED
    assert not unchecked, sorted(unchecked)


def test_a_language_the_api_lacks_is_a_documented_400_on_every_operation(
        client: FlaskClient, document: dict[str, Any]) -> None:
    """`?lang=fr` is refused before anything else on every /api/ route (web/i18n.py)."""
    operations = [(path, method) for path, item in document["paths"].items()
                  if path.startswith("/api/") for method in item
                  if method != "head"]  # GET's twin, its words left out
    assert len(operations) >= 14
    for path, method in operations:
        answer = client.open(path.format(**PATH_VALUES) + "?lang=fr", method=method.upper())
        assert answer.status_code == 400, (method, path, answer.status_code)
        assert not answer_errors(document, path, method, answer)
        assert "'fr'" in answer.get_json()["message"]


def _lang_parameter(document: dict[str, Any], path: str, method: str) -> dict[str, Any] | None:
    """The operation's query parameter `lang` (a reference followed), None when it has none."""
    components = document["components"]["parameters"]
    for parameter in document["paths"][path][method].get("parameters", []):
        if "$ref" in parameter:
            parameter = components[parameter["$ref"].rsplit("/", 1)[-1]]
        if (parameter["name"], parameter["in"]) == ("lang", "query"):
            return parameter  # type: ignore[no-any-return]
    return None


def test_every_operation_that_honours_lang_declares_it(
        make_web_app, tmp_path: Path, document: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    """An operation that refuses `?lang=fr`, or whose answer changes with `?lang=`, lists `lang`
    among its parameters: clients generated from the document can then ask for Chinese. Asked of
    an empty store (no token, a query that cannot be parsed), so that every operation answers
    with words: a refusal or an error."""
    client = make_web_app(tmp_path / "no-store").test_client()
    honouring = []
    for path, item in document["paths"].items():
        for method in (m for m in item if m != "head"):  # GET's twin, its words left out
            url = path.format(**PATH_VALUES) + ("?query=SELEC&" if path == "/sparql" else "?")
            said = {lang: client.open(url + f"lang={lang}", method=method.upper())
                    for lang in ("en", "zh", "fr")}
            refused = (said["fr"].status_code == 400
                       and "'fr'" in said["fr"].get_data(as_text=True))
            if refused or said["en"].get_data() != said["zh"].get_data():
                honouring.append((method, path))
            declared = _lang_parameter(document, path, method)
            promised = declared is not None and "another language is 400" in declared["description"]
            assert promised == refused, (method, path, declared)  # says what `fr` gets
    assert len(honouring) >= 18  # every operation here answers in words (a broken walk: none)
    undeclared = [op for op in honouring if _lang_parameter(document, op[1], op[0]) is None]
    assert not undeclared, f"lang honoured but not declared: {undeclared}"


def test_every_read_of_an_unreachable_remote_store_is_a_documented_503(
        make_web_app, document: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    """Each GET under /api/ needs no store or answers 503 when its remote store does not
    answer; exactly those answering 503 document it."""
    from virtuoso import free_port

    client = make_web_app(f"http://127.0.0.1:{free_port()}/sparql").test_client()
    unanswered, documented = set(), set()
    for path, item in document["paths"].items():
        if not path.startswith("/api/") or "get" not in item:
            continue
        if "503" in item["get"]["responses"]:
            documented.add(path)
        answer = client.get(path.format(**PATH_VALUES))
        assert answer.status_code in (200, 503), (path, answer.status_code)
        assert not answer_errors(document, path, "get", answer)
        if answer.status_code == 503:
            unanswered.add(path)
    assert {"/api/clusters/{key}/indicators", "/api/benchmark"} <= unanswered
    assert unanswered == documented


# A valid value of every variable of the app's GET routes, by name, and by endpoint where one name
# means different things; a route with a variable that has none fails the walk below.
ROUTE_VALUES = {"key": DEHUA_KEY, "number": "1", "requirement_id": "4.1", "version": "0.1.0"}
ROUTE_VALUES_BY_ENDPOINT = {
    "api.named_query": {"name": "clusters-by-conformance"},
    "rulebook.shape": {"name": "MembersDeclared"},
    "rulebook.iris.shape": {"name": "MembersDeclared"},
    "rulebook.iris.indicator": {"name": "LocationAdvantage"},
    "static": {"filename": "charts.js"},
    "vendor": {"package": "chart.js", "filename": "chart.umd.min.js"},
}
ROUTE_QUERIES = {"clusters.benchmark_api": f"?cluster={DEHUA_KEY}"}  # parameters a route needs


def test_every_route_answering_json_is_in_the_document(
        make_web_app, sample_store: Path,  # type: ignore[no-untyped-def]
        document: dict[str, Any]) -> None:
    """Every GET route of the app, asked for JSON with valid values: each that answers JSON is
    documented, unless it is one of the rulebook's resources, served as RDF in every format
    (JSON-LD labelled application/json when only that is asked; docs/iris.md)."""
    app = make_web_app(sample_store, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    posted = client.post("/validate", data={
        "text": (EXAMPLES_DIR / "meitan-tea.ttl").read_text(encoding="utf-8")})
    assert posted.status_code == 303, posted.get_data(as_text=True)[:300]
    values = {**ROUTE_VALUES, "report_id": posted.headers["Location"].rsplit("/", 1)[-1]}
    json_routes, rdf_routes = set(), set()
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        given = {**values, **ROUTE_VALUES_BY_ENDPOINT.get(rule.endpoint, {})}
        missing = set(rule.arguments) - set(given)
        assert not missing, f"no value for {sorted(missing)} of {rule.rule}: add one above"
        url = app.url_map.bind("localhost").build(
            rule.endpoint, {name: given[name] for name in rule.arguments}) + ROUTE_QUERIES.get(
                rule.endpoint, "")
        answer = client.get(url, headers={"Accept": "application/json"})
        assert answer.status_code in (200, 303), (rule.rule, answer.status_code)
        if answer.mimetype != "application/json":
            continue
        turtle = client.get(url, headers={"Accept": "text/turtle"})
        if turtle.status_code == 200 and turtle.mimetype == "text/turtle":
            rdf_routes.add(rule.endpoint)
        else:
            json_routes.add((openapi_path(rule.rule), "GET"))
    assert {("/api/clusters/{key}/indicators", "GET"), ("/api/benchmark", "GET")} <= json_routes
    assert "rulebook.iris.requirement" in rdf_routes  # the walk reached them
    assert all(e.startswith("rulebook.iris.") or e == "sparql.endpoint" for e in rdf_routes)
    undocumented = json_routes - documented_operations(document)
    assert not undocumented, sorted(undocumented)


def test_validate_answer_matches_the_report_schema(client: FlaskClient,
                                                   document: dict[str, Any]) -> None:
    answer = client.post("/api/validate", data=(EXAMPLES_DIR / "meitan-tea.ttl").read_bytes(),
                         content_type="text/turtle")
    assert answer.status_code == 200
    assert not answer_errors(document, "/api/validate", "post", answer)


def test_recheck_answer_matches_the_report_schema(client: FlaskClient,
                                                  document: dict[str, Any]) -> None:
    path = "/api/clusters/{key}/revisions/{number}/recheck"
    answer = client.post(path.format(**PATH_VALUES))
    assert answer.status_code == 200
    assert not answer_errors(document, path, "post", answer)


def test_schemas_can_fail(client: FlaskClient, document: dict[str, Any]) -> None:
    """The schema check is not vacuous: a document missing required fields is refused, and so is
    a real answer with a value of the wrong kind or a field the document does not describe."""
    assert list(validator(document, "ClusterList").iter_errors({"clusters": [{"key": 1}]}))
    assert list(validator(document, "Error").iter_errors({"ok": True}))
    answer = client.get(f"/api/clusters/{DEHUA_KEY}/indicators").get_json()
    assert not list(validator(document, "ClusterIndicators").iter_errors(answer))
    answer["indicators"][0]["sources"]["actual"]["2024"] = 2024  # a source is a cluster's IRI
    assert list(validator(document, "ClusterIndicators").iter_errors(answer))
    del answer["indicators"][0]["sources"]
    answer["indicators"][0]["source"] = "undescribed"
    assert len(list(validator(document, "ClusterIndicators").iter_errors(answer))) == 2


def test_every_column_of_every_named_query_is_described_in_both_languages(
        document: dict[str, Any]) -> None:
    """Each SELECT variable of each named query has a property of the query's row schema (from
    its `.rq` header) with a JSON type and a zh and an en text."""
    schemas = document["components"]["schemas"]
    for query in list_queries():
        row = schemas[f"QueryRow.{query.name}"]
        assert set(row["properties"]) == set(result_columns(query.name)), query.name
        for name, column in row["properties"].items():
            assert column["type"] in {"string", "integer", "number", "boolean"}, (query.name, name)
            texts = column["x-bcic-description"]
            assert set(texts) == {"en", "zh"} and all(texts.values()), (query.name, name)
            assert any("\u4e00" <= ch <= "\u9fff" for ch in texts["zh"]), (query.name, name)


@pytest.fixture(scope="module")
def peer_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Dehua, then its second revision reporting figures about its competitor, and its
    benchmark's and its competitor's own submissions (tests/test_named_queries.py): the samples
    alone give the comparisons with peers (9.3.2 c) d)) no rows; and a cluster rated on scales of
    levels (tests/test_rated_comparisons.py) and its rated benchmark and competitor, whose levels
    the samples never compare (9.3.2 a)–d))."""
    folder = tmp_path_factory.mktemp("peers")
    files = [folder / f"{name}.ttl" for name in ("dehua-r2", "jingdezhen", "chaozhou", "rated")]
    for graph, path in zip((revised_dehua(), jingdezhen(), peer_submission(
            CHAOZHOU, "潮州陶瓷产业集群", "Chaozhou ceramics industrial cluster"),
            rated_cluster(URIRef(RATED))), files):
        graph.serialize(path, format="turtle")
    store = open_configured_store(str(folder / "store"))
    try:
        (folder / "peer.ttl").write_text(peer(), encoding="utf-8")
        for path in (EXAMPLES_DIR / "dehua-ceramics.ttl", *files, folder / "peer.ttl"):
            ingest_files(store, [path], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return folder / "store"


def _answers(client: FlaskClient, name: str, clusters: tuple[str, ...]) -> list[dict[str, Any]]:
    """The named query's answers on the app's store: for each of `clusters` when it takes one."""
    takes_cluster = any(p.name == "cluster" for p in get_query(name).params)
    asked = [{"cluster": c} for c in clusters] if takes_cluster else [{}]
    answers = [client.get(f"/api/queries/{name}", query_string=values) for values in asked]
    assert all(a.status_code == 200 for a in answers)
    return [a.get_json() for a in answers]


@pytest.fixture(scope="module")
def peer_app(make_module_web_app: Callable[..., Flask], peer_store: Path) -> Flask:
    """The app over the store with peers, shared by the tests reading its named queries."""
    return make_module_web_app(peer_store)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_the_described_column_types_are_those_the_sample_store_answers(
        client: FlaskClient, peer_app: Flask, document: dict[str, Any], name: str) -> None:
    """Every row of the query's answers on the samples (and on a store whose clusters have peers
    with figures) is valid against its row schema, and each described type is met by a value: a
    column the samples never bind would be described untested."""
    answers = (_answers(client, name, (DEHUA, DATANG, MEITAN))
               + _answers(peer_app.test_client(), name, (DEHUA, RATED)))
    rows = [row for answer in answers for row in answer["rows"]]
    row_schema = validator(document, f"QueryRow.{name}")
    assert rows and not [e.message for row in rows for e in row_schema.iter_errors(row)][:5]
    assert set().union(*rows) == set(result_columns(name))
    for answer in answers:
        assert not list(validator(document, "QueryAnswer").iter_errors(answer))


def test_a_named_query_answer_with_a_value_of_another_type_is_refused(
        client: FlaskClient, document: dict[str, Any]) -> None:
    """The answer's schema picks the row schema of the query its `name` says: a rate written
    as text, or a column the query does not have, fails it."""
    answer = client.get("/api/queries/clusters-by-conformance").get_json()
    assert not list(validator(document, "QueryAnswer").iter_errors(answer))
    answer["rows"][0]["rate"] = str(answer["rows"][0]["rate"])
    assert list(validator(document, "QueryAnswer").iter_errors(answer))
    answer["rows"][0]["rate"] = 0.5
    answer["rows"][0]["undescribed"] = 1
    assert list(validator(document, "QueryAnswer").iter_errors(answer))


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
    assert body["requirements"] == COUNTS.provisions and body["shapes"] > 0
    assert not answer_errors(document, "/api/rules/reload", "post", answer)
    after = client.get("/sparql", query_string={
        "query": "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/bcic/graph/rules/shapes> "
                 "{ ?s ?p ?o } }"}, headers={"Accept": "application/sparql-results+json"})
    count = int(after.get_json()["results"]["bindings"][0]["n"]["value"])
    assert count == body["shapes_triples"]


def test_judging_a_provision_answers_as_documented(
        writable: tuple[FlaskClient, Path], document: dict[str, Any]) -> None:
    """Decision 20: 201 with the judgement; 409 for a provision the report does not leave to
    the evaluator; 400 for a body that is no judgement."""
    client, tokens = writable
    _record, token = TokenFile(tokens).create("evaluator")
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.post("/api/clusters/revisions", headers=bearer, content_type="text/turtle",
                       data=(EXAMPLES_DIR / "dehua-ceramics.ttl").read_bytes()).status_code == 201
    path = "/api/clusters/{key}/revisions/{number}/judgements"
    url = f"/api/clusters/{DEHUA_KEY}/revisions/1/judgements"
    for body, status in (({"provision": "6.1", "met": True, "note": "已查阅"}, 201),
                         ({"provision": "4.1", "met": True}, 409), ([1], 400)):
        answer = client.post(url, headers=bearer, json=body)
        assert answer.status_code == status, answer.get_data(as_text=True)[:300]
        assert not answer_errors(document, path, "post", answer)
    listed = client.get(url)  # the judgement made, listed as documented
    assert not answer_errors(document, path, "get", listed)
    assert [j["provision"] for j in listed.get_json()["judgements"]] == ["6.1"]
    detail = client.get(f"/api/clusters/{DEHUA_KEY}")
    assert not answer_errors(document, "/api/clusters/{key}", "get", detail)


def test_storing_and_deleting_a_revision_answer_as_documented(
        writable: tuple[FlaskClient, Path], document: dict[str, Any]) -> None:
    client, tokens = writable
    _record, token = TokenFile(tokens).create("evaluator")
    bearer = {"Authorization": f"Bearer {token}"}
    stored = client.post("/api/clusters/revisions", headers=bearer, content_type="text/turtle",
                         data=(EXAMPLES_DIR / "meitan-tea.ttl").read_bytes())
    assert stored.status_code == 201, stored.get_data(as_text=True)[:300]
    assert not answer_errors(document, "/api/clusters/revisions", "post", stored)
    again = client.post("/api/clusters/revisions", headers=bearer, content_type="text/plain",
                        data=b"x")
    assert again.status_code == 415
    assert not answer_errors(document, "/api/clusters/revisions", "post", again)
    url = f"/api/clusters/{MEITAN_KEY}/revisions/1"
    for headers, body, status in (({}, {"reason": "x"}, 401), (bearer, {}, 400),
                                  (bearer, {"reason": "uploaded twice"}, 200),
                                  (bearer, {"reason": "uploaded twice"}, 404)):
        deleted = client.delete(url, headers=headers, json=body)
        assert deleted.status_code == status
        assert not answer_errors(document, "/api/clusters/{key}/revisions/{number}", "delete",
                                 deleted)


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
    assert result.exit_code == 0 and words in result.output and str(COUNTS.provisions) in result.output
    store = open_configured_store(str(location), create=False)
    try:
        assert len(store.named_graph(SHAPES_GRAPH)) == len(load_rulebook().shapes_graph)
    finally:
        store.close()


def test_reload_while_another_writer_holds_the_store_is_503_and_changes_nothing(
        make_web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from checker.store import open_configured_store

    app = make_web_app(tmp_path / "store", BCIC_STORE_LOCK_WAIT=0.2)  # waited for, then 503
    _record, token = TokenFile(Path(app.config["BCIC_TOKENS"])).create("maintainer")
    holder = open_configured_store(str(tmp_path / "store"))  # e.g. `bcic ingest` running
    try:
        answer = app.test_client().post("/api/rules/reload",
                                        headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 503 and answer.get_json()["error"] == "StoreLockedError"
        assert not holder.ask("ASK { GRAPH ?g { ?s ?p ?o } }")
    finally:
        holder.close()


def test_the_clusters_etag_and_benchmark_parameters_say_what_they_do(
        document: dict[str, Any]) -> None:
    """The stored clusters' tag has no format, query or worker (a named query's has); the
    benchmark's `cluster` takes stored clusters by key or IRI, where the named queries take IRIs
    only; a key is read in either case."""
    for path in ("/api/clusters", "/api/clusters/{key}"):
        responses = document["paths"][path]["get"]["responses"]
        for code in ("200", "304"):
            said = responses[code]["headers"]["ETag"]["description"]
            assert "URL" in said and not any(
                word in said for word in ("format", "query", "worker")), said
    parameters = {p["name"]: p for p in document["paths"]["/api/benchmark"]["get"]["parameters"]
                  if "name" in p}  # not the shared ones ($ref)
    cluster = parameters["cluster"]["description"]
    assert "named queries take IRIs only" in cluster and "as the named queries take" not in cluster
    assert "given twice is 400" in parameters["focus"]["description"]
    assert "given twice is 400" in parameters["benchmark"]["description"]
    key = document["components"]["parameters"]["key"]
    assert re.fullmatch(key["schema"]["pattern"].strip("^$"), "3149DCB73E13B358")
