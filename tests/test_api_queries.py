"""The named-query API (`/api/queries`), snapshot refresh after ingest, and `bcic serve`."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from checker import query_api, sparql_service
from checker.answer_cache import ROWS_KEPT, AnswerCache
from checker.cli import main
from checker.errors import NotFoundError, QueryRefusedError
from checker.paths import EXAMPLES_DIR
from checker.queries import Page, get_query
from checker.query_worker import VALUES_JSON, QueryJob, run_job
from checker.store import guard, open_store
from web import create_app, query_service
from web.openapi import openapi_document

from virtuoso import free_port

DEHUA = "https://example.org/cluster/dehua/cluster"
SAMPLES = ("dehua-ceramics", "datang-socks", "meitan-tea")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the three samples, ingested through the CLI (which refreshes the snapshot)."""
    path = tmp_path_factory.mktemp("api") / "store"
    for name in SAMPLES:
        result = CliRunner().invoke(main, ["ingest", str(EXAMPLES_DIR / f"{name}.ttl"),
                                           "--store", str(path)])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def client(store_dir: Path) -> Iterator[FlaskClient]:
    app = create_app({"TESTING": True, "BCIC_STORE": str(store_dir)})
    yield app.test_client()
    query_service(app).close()


def test_query_catalogue_lists_every_named_query_in_the_asked_language(
        client: FlaskClient) -> None:
    document = client.get("/api/queries?lang=zh").get_json()
    names = {q["name"] for q in document["queries"]}
    assert {"clusters-by-conformance", "most-violated-clauses", "indicators-vs-targets"} <= names
    ranked = next(q for q in document["queries"] if q["name"] == "clusters-by-conformance")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in ranked["title"])


def test_clusters_are_ranked_with_the_conformant_sample_first(client: FlaskClient) -> None:
    document = client.get("/api/queries/clusters-by-conformance").get_json()
    assert document["rows"][0]["cluster"] == DEHUA and len(document["rows"]) == 3


def test_indicators_against_targets_answer_for_a_cluster_parameter(client: FlaskClient) -> None:
    response = client.get("/api/queries/indicators-vs-targets",
                          query_string={"cluster": DEHUA, "year": "2024"})
    rows = response.get_json()["rows"]
    assert response.status_code == 200 and len(rows) == 30
    assert all(row["year"] == 2024 for row in rows)


def test_named_query_rows_beyond_the_limit_are_cut_and_flagged(store_dir: Path) -> None:
    app = create_app({"TESTING": True, "BCIC_STORE": str(store_dir), "BCIC_SPARQL_ROW_LIMIT": 2})
    try:
        document = app.test_client().get("/api/queries/clusters-by-conformance").get_json()
        assert document["truncated"] is True and len(document["rows"]) == 2
        assert document["columns"][0] == "cluster" and document["name"] == "clusters-by-conformance"
    finally:
        query_service(app).close()


def test_plain_values_leave_unbound_columns_out_and_stop_at_the_row_cap() -> None:
    """What a worker writes for the API: each bound variable's value, as SPARQL JSON's "value"."""
    query = 'SELECT ?a ?b { VALUES (?a ?b) { (1 UNDEF) (<urn:x:a> "产业集群"@zh) (<urn:x:c> "z") } }'
    done = run_job(pyoxigraph.Store(), QueryJob(query, VALUES_JSON, 2))
    assert json.loads(done.body) == {"columns": ["a", "b"],
                                     "rows": [{"a": 1}, {"a": "urn:x:a", "b": "产业集群"}]}
    assert (done.rows, done.truncated) == (2, True)
    everything = run_job(pyoxigraph.Store(), QueryJob(query, VALUES_JSON, 3))
    assert everything.truncated is False and len(json.loads(everything.body)["rows"]) == 3


def test_plain_values_take_the_json_type_of_their_datatype() -> None:
    """Integers, decimals, doubles and truth values as JSON numbers and booleans; IRIs, years,
    dates and texts as text, and so what JSON cannot write or a datatype does not allow."""
    query = ('PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT * { VALUES (?i ?d ?f ?t ?y '
             '?s ?l ?n ?x ?big ?one) { (42 0.260504 1e3 false "2024"^^xsd:gYear "a" "产业"@zh '
             '"NaN"^^xsd:double "x"^^xsd:integer 99999999999999999999 "1"^^xsd:boolean) } }')
    done = run_job(pyoxigraph.Store(), QueryJob(query, VALUES_JSON, 5))
    assert json.loads(done.body)["rows"] == [{
        "i": 42, "d": 0.260504, "f": 1000.0, "t": False, "y": "2024", "s": "a", "l": "产业",
        "n": "NaN", "x": "x", "big": "99999999999999999999", "one": True}]


def test_named_query_rows_are_typed_as_their_datatypes(client: FlaskClient) -> None:
    """A rate is a JSON number, a count and a revision number integers, the verdict's truth a
    boolean; the cluster (an IRI) and the time stay text."""
    (dehua,) = [row for row in client.get("/api/queries/clusters-by-conformance").get_json()["rows"]
                if row["cluster"] == DEHUA]
    assert isinstance(dehua["rate"], float) and 0 < dehua["rate"] <= 1
    assert type(dehua["pendingReview"]) is int and type(dehua["revisionNumber"]) is int
    assert type(dehua["conforms"]) is bool and isinstance(dehua["generated"], str)


def test_a_remote_stores_rows_are_typed_as_the_embedded_stores(store_dir: Path) -> None:
    """The document made from a store's rows (an app reading a remote store) types each value
    as the worker does: the same JSON for the same answer."""
    app = create_app({"TESTING": True, "BCIC_STORE": str(store_dir)})
    try:
        embedded = app.test_client().get("/api/queries/indicators-vs-targets",
                                         query_string={"cluster": DEHUA}).get_json()
    finally:
        query_service(app).close()
    store = open_store("oxigraph", path=store_dir, read_only=True)
    try:
        document = json.loads(query_api.answer_named_query_on(
            store, "indicators-vs-targets", {"cluster": DEHUA}, Page(), "en",
            lambda: False, lambda page, token: "").body)
    finally:
        store.close()
    assert document["rows"] == embedded["rows"]
    assert {type(row["year"]) for row in document["rows"]} == {int}


def test_plain_value_of_a_triple_term_is_its_n_triples_text() -> None:
    """A triple term has no "value" of its own; the row still says what it is."""
    query = "SELECT ?t { BIND(TRIPLE(<urn:x:s>, <urn:x:p>, <urn:x:o>) AS ?t) }"
    done = run_job(pyoxigraph.Store(), QueryJob(query, VALUES_JSON, 5))
    assert json.loads(done.body)["rows"] == [{"t": "<urn:x:s> <urn:x:p> <urn:x:o>"}]
    assert (done.rows, done.truncated) == (1, False)


def test_new_parameter_values_are_not_parsed_again(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Binding only writes checked terms on VALUES lines: the template's analysis holds."""
    client.get("/api/queries/indicators-vs-history", query_string={"cluster": DEHUA})
    parsed: list[str] = []
    original = guard.parseQuery
    monkeypatch.setattr(guard, "parseQuery", lambda text: parsed.append(text) or original(text))
    for cluster in ("https://example.org/cluster/datang/cluster",
                    "https://example.org/cluster/meitan/cluster"):
        response = client.get("/api/queries/indicators-vs-history", query_string={"cluster": cluster})
        assert response.status_code == 200 and response.get_json()["rows"]
    assert parsed == []


def test_invalid_parameter_is_a_400_with_the_error_envelope(client: FlaskClient) -> None:
    response = client.get("/api/queries/indicators-vs-targets",
                          query_string={"cluster": "https://x.org/a b>"})
    body = response.get_json()
    assert response.status_code == 400 and body["ok"] is False and "cluster" in body["message"]


@pytest.mark.parametrize("query", [
    "indicators-vs-history?cluster=http://%5B::1", "indicators-vs-history?cluster=https://a%5D/",
    "indicators-vs-history?cluster=http://%5Bzz%5D/", "indicator-trends?indicator=http://%5Bx",
    f"indicators-vs-benchmark?cluster={DEHUA}&benchmark=https://x%5B/",
])
def test_a_stray_bracket_in_an_iri_is_a_400_not_an_internal_error(
        client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/queries/{query}")
    body = response.get_json()
    assert response.status_code == 400 and body["error"] == "InputError"
    assert "is not a valid IRI" in body["message"]


def test_a_year_of_over_18_digits_is_refused_with_the_rule(client: FlaskClient) -> None:
    response = client.get("/api/queries/indicators-vs-targets",
                          query_string={"cluster": DEHUA, "year": "1234567890123456789"})
    assert response.status_code == 400
    assert "an integer has at most 18" in response.get_json()["message"]


@pytest.mark.parametrize(("path", "status", "zh", "en"), [
    ("indicators-vs-targets?", 400, "indicators-vs-targets：缺少必需参数 cluster",
     "indicators-vs-targets: missing required parameter(s) cluster"),
    (f"indicators-vs-targets?cluster={DEHUA}&foo=1&", 400, "未知参数 foo",
     "unknown parameter(s) foo"),
    ("indicators-vs-targets?cluster=notanIRI&", 400, "参数 cluster：'notanIRI' 不是",
     "parameter cluster: 'notanIRI' is not"),
    (f"indicators-vs-targets?cluster={DEHUA}&year=abc&", 400, "参数 year：'abc' 不是整数",
     "parameter year: 'abc' is not an integer"),
    ("nosuch?", 404, "没有名为 'nosuch' 的命名查询", "no named query 'nosuch'"),
], ids=["missing", "unknown", "iri", "integer", "no-such-query"])
def test_named_query_errors_are_in_the_asked_language(
        client: FlaskClient, path: str, status: int, zh: str, en: str) -> None:
    by_parameter = client.get(f"/api/queries/{path}lang=zh")
    by_header = client.get(f"/api/queries/{path}", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    english = client.get(f"/api/queries/{path}lang=en", headers={"Accept-Language": "zh"})
    for response, said in ((by_parameter, zh), (by_header, zh), (english, en)):
        assert response.status_code == status and said in response.get_json()["message"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_repeated_parameter_is_a_400_saying_what_the_cli_says(
        client: FlaskClient, store_dir: Path, lang: str) -> None:
    response = client.get(f"/api/queries/indicators-vs-targets?cluster={DEHUA}&year=2024&year=abc"
                          f"&lang={lang}")
    cli = CliRunner().invoke(main, ["queries", "run", "indicators-vs-targets", "--param",
                                    f"cluster={DEHUA}", "--param", "year=2024", "--param",
                                    "year=abc", "--lang", lang, "--store", str(store_dir)])
    said = response.get_json()["message"]
    assert response.status_code == 400 and cli.exit_code == 2
    assert said.startswith({"en": "parameter year ", "zh": "参数 year "}[lang]) and said in cli.output


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "is the compared cluster itself, and a cluster cannot be its own benchmark (9.3.2 c)"),
    ("zh", "就是被对比的产业集群本身，产业集群不能作为自己的标杆（9.3.2 c)")])
def test_a_cluster_as_its_own_benchmark_is_refused_by_the_api_and_the_cli(
        client: FlaskClient, store_dir: Path, lang: str, said: str) -> None:
    """It answered 200 (exit 0), every difference 0, while the cluster pages refused it."""
    response = client.get(f"/api/queries/indicators-vs-benchmark?cluster={DEHUA}"
                          f"&benchmark={DEHUA}&lang={lang}")
    cli = CliRunner().invoke(main, ["queries", "run", "indicators-vs-benchmark", "--param",
                                    f"cluster={DEHUA}", "--param", f"benchmark={DEHUA}",
                                    "--lang", lang, "--store", str(store_dir)])
    message = response.get_json()["message"]
    assert response.status_code == 400 and cli.exit_code == 2
    assert message.startswith({"en": f"parameter benchmark: {DEHUA} ",
                               "zh": f"参数 benchmark：{DEHUA} "}[lang])
    assert said in message and message in cli.output


NOPE = "https://example.org/nope"


@pytest.mark.parametrize(("lang", "said"), [("en", "nothing in the store names it"),
                                            ("zh", "存储中没有任何数据提及")])
@pytest.mark.parametrize(("name", "param", "values"), [
    ("indicators-vs-benchmark", "cluster", {"cluster": NOPE}),
    ("indicators-vs-benchmark", "benchmark", {"cluster": DEHUA, "benchmark": NOPE}),
    ("indicator-trends", "cluster", {"cluster": NOPE}),
])
def test_an_iri_the_store_never_names_is_a_404_in_the_api_and_exit_2_in_the_cli(
        client: FlaskClient, store_dir: Path, name: str, param: str, values: dict[str, str],
        lang: str, said: str) -> None:
    """A mistyped cluster answered 200 with no rows (exit 0), as if the cluster had no data."""
    response = client.get(f"/api/queries/{name}", query_string={**values, "lang": lang})
    cli = CliRunner().invoke(main, ["queries", "run", name, "--lang", lang, "--store",
                                    str(store_dir), *[a for k, v in values.items()
                                                      for a in ("--param", f"{k}={v}")]])
    body = response.get_json()
    assert response.status_code == 404 and body["ok"] is False and cli.exit_code == 2
    assert body["message"].startswith({"en": f"parameter {param}: {NOPE}: ",
                                       "zh": f"参数 {param}：{NOPE}："}[lang])
    assert said in body["message"] and body["message"] in cli.output


@pytest.mark.parametrize(("name", "values"), [
    ("indicators-vs-competitors", {"cluster": DEHUA}),  # its competitor states no figures
    ("indicators-vs-benchmark", {"cluster": DEHUA,  # a peer only named, by Dehua's submission
                                 "benchmark": "https://example.org/cluster/dehua/jingdezhen"}),
])
def test_a_known_cluster_without_rows_still_answers_none(
        client: FlaskClient, store_dir: Path, name: str, values: dict[str, str]) -> None:
    response = client.get(f"/api/queries/{name}", query_string=values)
    cli = CliRunner().invoke(main, ["queries", "run", name, "--format", "csv", "--store",
                                    str(store_dir), *[a for k, v in values.items()
                                                      for a in ("--param", f"{k}={v}")]])
    assert response.status_code == 200 and response.get_json()["rows"] == []
    assert cli.exit_code == 0 and len(cli.output.splitlines()) == 1  # the header alone


def test_a_remote_stores_answer_refuses_an_iri_it_never_names(store_dir: Path) -> None:
    """The document made from a store's rows (an app reading a remote store) asks the store."""
    store = open_store("oxigraph", path=store_dir, read_only=True)
    try:
        with pytest.raises(NotFoundError, match="parameter cluster: https://example.org/nope"):
            query_api.answer_named_query_on(store, "indicators-vs-history", {"cluster": NOPE},
                                            Page(), "en", lambda: False, lambda page, token: "")
    finally:
        store.close()


def test_a_repeated_lang_is_refused_too(client: FlaskClient) -> None:
    response = client.get(f"/api/queries/indicators-vs-targets?cluster={DEHUA}&lang=zh&lang=en")
    assert response.status_code == 400
    assert response.get_json()["message"].startswith("参数 lang 给出了不止一次")


@pytest.mark.parametrize("accept", ["text/csv", "application/sparql-results+xml",
                                    "text/turtle, application/json;q=0", "text/*",
                                    "application/json;q=0, text/html",
                                    "text/csv, text/html;q=0.1"])
@pytest.mark.parametrize("path", ["/api/queries/clusters-by-drive-mode", "/api/queries"])
def test_an_accept_that_refuses_json_is_406_and_names_json_and_sparql(
        client: FlaskClient, accept: str, path: str) -> None:
    """A partner asking the JSON-only API for CSV or XML is told so, never handed JSON."""
    answer = client.get(path + "?lang=en", headers={"Accept": accept})
    assert answer.status_code == 406 and "Accept" in answer.headers["Vary"]
    message = answer.get_json()["message"]
    assert "application/json" in message and "/sparql" in message and accept in message
    chinese = client.get(path + "?lang=zh", headers={"Accept": accept}).get_json()
    assert "此处只提供 JSON" in chinese["message"]


def test_an_unknown_query_is_404_whatever_the_accept(client: FlaskClient) -> None:
    assert client.get("/api/queries/nosuch", headers={"Accept": "text/csv"}).status_code == 404


@pytest.mark.parametrize("accept", ["application/json", "*/*", "", "text/html",
                                    "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_an_accept_that_takes_json_gets_the_answer(client: FlaskClient, accept: str) -> None:
    answer = client.get("/api/queries/clusters-by-drive-mode", headers={"Accept": accept})
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    assert "Accept" in answer.headers["Vary"]


def test_unknown_named_query_is_not_found(client: FlaskClient) -> None:
    response = client.get("/api/queries/drop-everything")
    assert response.status_code == 404 and "no named query" in response.get_json()["message"]


def test_an_ingest_through_the_cli_is_visible_to_the_endpoint(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={
        "query": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?r <https://w3id.org/bcic/ontology#"
                 "cluster> ?c }"}, headers={"Accept": "application/sparql-results+json"})
    assert response.get_json()["results"]["bindings"][0]["n"]["value"] == "3"


def test_bcic_serve_answers_over_http(store_dir: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--port", str(port),
                               "--store", str(store_dir)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/queries",
                                            timeout=5) as answer:
                    document = json.load(answer)
                    assert answer.headers["Server"].startswith("waitress")
                    break
            except OSError:
                assert time.monotonic() < deadline, "bcic serve did not answer"
                time.sleep(0.3)
        assert len(document["queries"]) >= 10
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_queries_whose_text_says_from_still_read_the_union_of_all_graphs(
        client: FlaskClient) -> None:
    """The word "from" in a comment or literal is no FROM clause (the dataset stays the union)."""
    history = client.get("/api/queries/indicators-vs-history",
                         query_string={"cluster": DEHUA}).get_json()
    assert len(history["rows"]) == 150
    answer = client.post("/sparql", data="# values from every graph\nSELECT (COUNT(*) AS ?n) "
                         "WHERE { ?s ?p ?o }", headers={
                             "Content-Type": "application/sparql-query",
                             "Accept": "application/sparql-results+json"}).get_json()
    assert int(answer["results"]["bindings"][0]["n"]["value"]) > 1000


def test_a_named_query_is_prepared_in_process_whatever_the_public_parse_limit_and_cache(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template is the app's own text: never parsed under the public endpoint's time limit
    (a parse out of time there was a 400 blaming the partner), nor kept among the public
    queries' analyses, which public queries push out."""
    template = get_query("clusters-by-conformance").text
    sent_to_child: list[str] = []

    def out_of_time(text: str, seconds: float) -> sparql_service.Analysis:
        sent_to_child.append(text)
        raise QueryRefusedError.of("error.sparql.parse_timeout", seconds=seconds)

    monkeypatch.setattr(sparql_service, "_analyses", OrderedDict())
    monkeypatch.setattr(sparql_service, "ANALYSES_KEPT", 1)
    monkeypatch.setattr(sparql_service, "_analyse_in_child", out_of_time)
    for _ in range(2):
        named = client.get("/api/queries/clusters-by-conformance")
        assert named.status_code == 200, named.get_data(as_text=True)
        assert len(named.get_json()["rows"]) == 3
    assert sent_to_child == []
    # The public endpoint keeps its limit, for the same text too.
    public = client.post("/sparql", data=template,
                         headers={"Content-Type": "application/sparql-query"})
    assert public.status_code == 400 and "to parse" in public.get_json()["message"]
    assert sent_to_child == [template]


def test_a_template_the_guard_refuses_is_the_servers_fault_said_in_zh_and_en(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = replace(get_query("most-violated-clauses"),
                     text=get_query("most-violated-clauses").text + "\n}")
    monkeypatch.setattr(query_api, "get_query", lambda name: broken)
    english = client.get("/api/queries/most-violated-clauses?lang=en")
    assert english.status_code == 500, english.get_data(as_text=True)
    body = english.get_json()
    assert body["error"] == "OwnQueryError"
    assert body["message"].startswith(
        "the server could not prepare its own named query “most-violated-clauses” (the SPARQL "
        "query cannot be parsed")
    assert body["message"].endswith("this is a fault of the server, not of the request: tell "
                                    "the server's operator")
    # Refused once per process: asked again, the template is not parsed again.
    parsed: list[str] = []
    original = guard.parseQuery
    monkeypatch.setattr(guard, "parseQuery", lambda text: parsed.append(text) or original(text))
    chinese = client.get("/api/queries/most-violated-clauses?lang=zh")
    assert chinese.status_code == 500 and parsed == []
    assert chinese.get_json()["message"].startswith(
        "服务器未能准备其自身的命名查询“most-violated-clauses”（无法解析该 SPARQL 查询")
    responses = openapi_document("http://localhost")["paths"]["/api/queries/{name}"]["get"]
    assert "500" in responses["responses"]


@pytest.mark.parametrize(("kept_rows", "en", "zh"), [
    (ROWS_KEPT, "while it read the query's whole answer: the first page of an answer reads the "
                "whole answer, which the pages after it are cut from, so a smaller limit does "
                "not make it faster; try again later",
     "在读取其完整答案时，于 1e-06 秒（服务器查询的时间上限 BCIC_SPARQL_TIMEOUT）后被终止：答案的第一页会"
     "读取整个答案"),
    (0, "while it read this page: a page past the rows the server keeps of an answer runs the "
        "query for itself, and sorts the whole answer whatever its offset and limit; try again "
        "later",
     "在读取此页时，于 1e-06 秒（服务器查询的时间上限 BCIC_SPARQL_TIMEOUT）后被终止：超出服务器所保存"
     "答案行数的页会单独执行查询"),
], ids=["first-page", "page-run-alone"])
def test_a_named_query_out_of_time_says_what_ran_out_and_what_the_partner_can_do(
        store_dir: Path, make_web_app, kept_rows: int, en: str, zh: str) -> None:  # type: ignore[no-untyped-def]
    """A limit its client cannot change: not "add a LIMIT" (the request has one), nor a 400
    for the template's parse, however low the limit."""
    app = make_web_app(store_dir, BCIC_SPARQL_TIMEOUT=1e-6)
    app.extensions["bcic.answers"] = AnswerCache(rows=kept_rows)
    for lang, said, end in (("en", en, "ask the server's operator to raise BCIC_SPARQL_TIMEOUT"),
                            ("zh", zh, "请服务器的运营方调高 BCIC_SPARQL_TIMEOUT")):
        answer = app.test_client().get(f"/api/queries/clusters-by-conformance?limit=5&lang={lang}")
        assert answer.status_code == 503, answer.get_data(as_text=True)
        body = answer.get_json()
        assert body["error"] == "QueryTimeoutError" and said in body["message"]
        assert body["message"].endswith(end) and "LIMIT" not in body["message"]


@pytest.mark.parametrize(("code", "said"), [
    ("z.9.9", {"en": "the nearest codes: ", "zh": "最接近的编号："}),
    ("b.1.9", {"en": "the nearest codes: b.1.", "zh": "最接近的编号：b.1."}),
    ("产业规模", {"en": "产业规模 is the name of the indicator b.1.1: give its code, code=b.1.1",
              "zh": "产业规模 是指标 b.1.1 的名称：请给出其编号，code=b.1.1"}),
    ("b.1", {"en": "b.1 is the code of benefit level, which holds b.1.1, b.1.2, b.1.3, b.1.4",
             "zh": "b.1 是“效益水平”的编号，其下为 b.1.1、b.1.2、b.1.3、b.1.4"}),
], ids=["nothing", "near", "a-name", "a-group"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_code_no_9_1_4_indicator_carries_is_a_404_and_exit_2_naming_the_codes_meant(
        client: FlaskClient, store_dir: Path, code: str, said: dict[str, str],
        lang: str) -> None:
    """`indicator-trends?code=z.9.9` (or a Chinese name) answered 200 with no rows, while an
    unknown indicator IRI was 404."""
    response = client.get("/api/queries/indicator-trends",
                          query_string={"code": code, "lang": lang})
    cli = CliRunner().invoke(main, ["queries", "run", "indicator-trends", "--param",
                                    f"code={code}", "--lang", lang, "--store", str(store_dir)])
    message = response.get_json()["message"]
    assert response.status_code == 404 and cli.exit_code == 2
    assert message.startswith({"en": f"parameter code: {code}: no indicator of the 9.1.4 "
                                     "scheme has this code",
                               "zh": f"参数 code：{code}：9.1.4 指标体系中没有指标使用此编号"}[lang])
    assert said[lang] in message and "/rulebook/ontology#indicators" in message
    assert message in cli.output
    known = client.get("/api/queries/indicator-trends",  # a code of 9.1.4 with no rows: none
                       query_string={"code": "a.1.4", "fromYear": "2099"})
    assert known.status_code == 200 and known.get_json()["rows"] == []


@pytest.mark.parametrize(("param", "values", "sent_to", "not_sent_to"), [
    ("indicator", {"indicator": "https://w3id.org/bcic/indicator/IndustryScal"},
     "/rulebook/ontology#indicators", "bcic clusters"),
    ("cluster", {"cluster": NOPE}, "bcic clusters", "/rulebook"),
    ("benchmark", {"cluster": DEHUA, "benchmark": NOPE}, "GET /api/clusters", "/rulebook"),
])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_404_of_an_unknown_iri_points_where_that_kind_of_iri_is_listed(
        client: FlaskClient, param: str, values: dict[str, str], sent_to: str,
        not_sent_to: str, lang: str) -> None:
    """An unknown indicator was sent to `bcic clusters` and /api/clusters, which list none."""
    name = "indicator-trends" if param == "indicator" else "indicators-vs-benchmark"
    message = client.get(f"/api/queries/{name}",
                         query_string={**values, "lang": lang}).get_json()["message"]
    assert sent_to in message and not_sent_to not in message
    if param == "indicator":  # and the indicator likely meant is named
        assert "https://w3id.org/bcic/indicator/IndustryScale" in message
        assert {"en": "b.1.1 industry scale", "zh": "b.1.1 产业规模"}[lang] in message
