"""The web app on a remote SPARQL store (BCIC_STORE is a server's URL): pages read it and an
evaluator's revision is written to it; /sparql sends partners to the server itself. Against a
real Virtuoso started by the test (tests/virtuoso.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from markupsafe import escape
from rdflib import RDF, Graph, Namespace, URIRef

from checker.errors import InputError
from checker.ingest import ingest_files
from checker.namespaces import BCIC, IND
from checker.paths import EXAMPLES_DIR
from checker.store.base import cluster_key
from checker.store.sparql_store import SparqlStore
from checker.tokens import TokenFile
from virtuoso import VirtuosoNotInstalledError, VirtuosoServer, require_binaries
from web.strings import STRINGS

DEHUA = URIRef("https://example.org/cluster/dehua/cluster")
DATANG = URIRef("https://example.org/cluster/datang/cluster")
MEITAN = URIRef("https://example.org/cluster/meitan/cluster")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso holding the dehua and meitan samples, each as revision 1."""
    try:
        require_binaries()
    except VirtuosoNotInstalledError as error:  # fail, never skip: `make test` installs it
        pytest.fail(str(error), pytrace=False)
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-web"))
    server.start()
    try:
        store = SparqlStore(server.endpoint, server.endpoint)
        try:
            for sample in ("dehua-ceramics.ttl", "meitan-tea.ttl"):
                ingest_files(store, [EXAMPLES_DIR / sample], submitter="tests")
        finally:
            store.close()
        yield server.endpoint
    finally:
        server.stop()


def test_pages_read_the_remote_store(make_web_app, endpoint: str) -> None:
    client = make_web_app(endpoint).test_client()
    home = client.get("/?lang=en").get_data(as_text=True)
    rate = json.loads((EXAMPLES_DIR / "expected.json").read_text(encoding="utf-8"))[
        "dehua-ceramics.ttl"]["rate"]
    assert str(DEHUA) in home and f"{rate['met'] / rate['applicable'] * 100:.1f}%" in home
    cluster = client.get(f"/clusters/{cluster_key(DEHUA)}?lang=zh")
    assert cluster.status_code == 200 and "德化陶瓷产业集群" in cluster.get_data(as_text=True)
    report = client.get(f"/clusters/{cluster_key(DEHUA)}/revisions/1?lang=en")
    assert report.status_code == 200 and "Verdict: no gap found; 93 item(s) await" in report.get_data(as_text=True)


def test_the_named_query_api_answers_from_the_remote_store(make_web_app, endpoint: str) -> None:
    """/api/queries runs on the remote server: Dehua's own yearly figures of 9.1.4 a.1.1, as
    its sample states them, in the same document as on the embedded store."""
    client = make_web_app(endpoint).test_client()
    answer = client.get("/api/queries/indicator-trends?code=a.1.1&lang=zh")
    assert answer.status_code == 200
    document = answer.get_json()
    sample = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    stated = {(int(str(sample.value(o, BCIC.refYear))),
               Decimal(str(sample.value(o, BCIC.observedValue))))
              for o in sample.subjects(BCIC.indicator, IND.LocationAdvantage)
              if sample.value(o, BCIC.valueKind) == BCIC.ActualValue
              and sample.value(o, BCIC.refCluster) == DEHUA}
    assert all(type(r["year"]) is int and type(r["value"]) in (int, float)
               for r in document["rows"])
    assert stated and {(r["year"], Decimal(str(r["value"]))) for r in document["rows"]} == stated
    assert document["title"] == "各产业集群的指标趋势" and document["truncated"] is False
    assert document["columns"][:2] == ["indicator", "notation"]
    assert {r["clusterLabelZh"] for r in document["rows"]} == {"德化陶瓷产业集群"}


def test_the_pages_of_a_named_query_on_the_remote_store_make_its_whole_answer(
        make_web_app, endpoint: str) -> None:
    """The app cuts the page from the server's answer (Virtuoso refuses a sorted OFFSET + LIMIT
    past its MaxSortedTopRows), with the same offset, limit, truncated and next."""
    client = make_web_app(endpoint).test_client()
    whole = client.get("/api/queries/indicator-trends?code=a.1.1").get_json()["rows"]
    walked, url = [], "/api/queries/indicator-trends?code=a.1.1&limit=2"
    while url is not None:
        page = client.get(url).get_json()
        assert page["offset"] == len(walked) and page["limit"] == 2
        walked += page["rows"]
        url = page["next"]
    assert len(whole) > 2 and walked == whole
    beyond = client.get("/api/queries/indicator-trends?code=a.1.1&limit=10000&offset=10000")
    assert beyond.status_code == 200 and beyond.get_json()["rows"] == []


def test_the_named_query_api_writes_values_as_on_the_embedded_store(make_web_app,
                                                                  endpoint: str) -> None:
    """A truth value as false (Virtuoso's own answer says 0), the rate to six decimals (Virtuoso
    divides to 15 significant digits), a time with Z as every other answer writes it
    (tests/test_web_evaluation.py: a revision's time reads the same in every answer)."""
    client = make_web_app(endpoint).test_client()
    without = client.get("/api/queries/clusters-without-crisis-warning-system").get_json()
    meitan = next(r for r in without["rows"] if r["cluster"] == str(MEITAN))
    assert meitan["hasWarningSystem"] is False
    ranked = client.get("/api/queries/clusters-by-conformance").get_json()["rows"]
    dehua = next(r for r in ranked if r["cluster"] == str(DEHUA))
    assert dehua["rate"] == 0.218487  # 26 ÷ 119
    listed = client.get(f"/api/clusters/{cluster_key(DEHUA)}").get_json()["revisions"][0]
    assert dehua["generated"] == listed["generated"] and listed["generated"].endswith("Z")


def test_the_named_query_api_caps_the_remote_stores_rows(make_web_app, endpoint: str) -> None:
    client = make_web_app(endpoint, BCIC_SPARQL_ROW_LIMIT=3).test_client()
    document = client.get("/api/queries/indicator-trends").get_json()
    assert len(document["rows"]) == 3 and document["truncated"] is True


def test_an_evaluator_stores_a_revision_in_the_remote_store(make_web_app, endpoint: str,
                                                            tmp_path: Path) -> None:
    app = make_web_app(endpoint)
    _record, token = TokenFile(app.config["BCIC_TOKENS"]).create("evaluator")
    client = app.test_client()
    body = (EXAMPLES_DIR / "datang-socks.ttl").read_bytes()
    created = client.post("/api/clusters/revisions", data=body, headers={
        "Content-Type": "text/turtle", "Authorization": f"Bearer {token}"})
    assert created.status_code == 201, created.get_json()
    store = SparqlStore(endpoint, endpoint)
    try:
        assert [r.number for r in store.revisions(DATANG)] == [1]
    finally:
        store.close()
    listed = client.get("/api/clusters").get_json()
    assert str(DATANG) in str(listed)


def test_the_protocol_endpoint_points_partners_to_the_remote_server(make_web_app,
                                                                   endpoint: str) -> None:
    response = make_web_app(endpoint).test_client().get("/sparql", query_string={
        "query": "ASK {}"})
    assert response.status_code == 503
    assert "remote SPARQL server" in response.get_json()["message"]


PUBLIC = "https://kg.example.org/sparql"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_remote_stores_app_offers_no_editor_of_its_own(make_web_app, endpoint: str,
                                                         lang: str) -> None:
    """This app's /sparql answers no query on a remote store: no page links the editor, whose
    page says that the server answers them and, unless told its public address, names none (the
    store's URL may be an internal one)."""
    client = make_web_app(endpoint).test_client()
    home = client.get(f"/?lang={lang}").get_data(as_text=True)
    assert "/sparql/editor" not in home
    page = client.get(f"/sparql/editor?lang={lang}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and ui_text("sparql.remote.intro", lang) in html
    assert ui_text("sparql.remote.unnamed", lang) in html
    assert endpoint not in html and "127.0.0.1" not in html and "yasgui" not in html
    assert 'href="/api/queries"' in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_remote_stores_editor_page_names_the_public_endpoint_it_is_given(
        make_web_app, endpoint: str, lang: str) -> None:
    client = make_web_app(endpoint, BCIC_PUBLIC_SPARQL_URL=PUBLIC).test_client()
    html = client.get(f"/sparql/editor?lang={lang}").get_data(as_text=True)
    assert f'<a id="sparql-endpoint" href="{PUBLIC}">' in html
    assert ui_text("sparql.remote.endpoint", lang) in html
    assert ui_text("sparql.remote.unnamed", lang) not in html and endpoint not in html
    assert "/sparql/editor" not in client.get(f"/?lang={lang}").get_data(as_text=True)


def test_a_remote_stores_service_description_names_the_public_endpoint(make_web_app,
                                                                       endpoint: str) -> None:
    """GET /sparql without a query: the description of the server that answers (not a 503,
    which says to come back later), a person sent to the page saying so; a query still 503,
    naming where to send it."""
    client = make_web_app(endpoint, BCIC_PUBLIC_SPARQL_URL=PUBLIC).test_client()
    described = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert described.status_code == 200 and described.mimetype == "text/turtle"
    graph = Graph().parse(data=described.get_data(as_text=True), format="turtle")
    (service,) = graph.subjects(RDF.type, SD.Service)
    assert graph.value(service, SD.endpoint) == URIRef(PUBLIC)
    assert endpoint not in described.get_data(as_text=True)
    browser = client.get("/sparql", headers={"Accept": "text/html"})
    assert browser.status_code == 303 and browser.headers["Location"].endswith("/sparql/editor")
    asked = client.get("/sparql?query=ASK%7B%7D&lang=zh", headers={"Accept-Language": "zh"})
    assert asked.status_code == 503 and PUBLIC in asked.get_json()["message"]
    assert client.post("/sparql", data="INSERT DATA {}",
                       content_type="application/sparql-update").status_code == 403


def test_without_a_public_endpoint_the_description_is_a_503_saying_why(make_web_app,
                                                                      endpoint: str) -> None:
    answer = make_web_app(endpoint).test_client().get("/sparql",
                                                      headers={"Accept": "text/turtle"})
    assert answer.status_code == 503
    assert "BCIC_PUBLIC_SPARQL_URL" in answer.get_json()["message"]
    assert endpoint not in answer.get_data(as_text=True)


@pytest.mark.parametrize("value", ["https://reader:secret@kg.example.org/sparql",
                                   "ftp://kg.example.org/sparql", "kg.example.org/sparql",
                                   "https:///sparql", "https://kg.example.org/spa rql"])
def test_an_unusable_public_endpoint_keeps_the_app_from_starting(make_web_app, endpoint: str,
                                                                 value: str) -> None:
    with pytest.raises(InputError) as refused:
        make_web_app(endpoint, BCIC_PUBLIC_SPARQL_URL=value)
    assert "BCIC_PUBLIC_SPARQL_URL" in refused.value.text("en")
    assert "BCIC_PUBLIC_SPARQL_URL" in refused.value.text("zh")
    assert "secret" not in refused.value.text("en")  # a password is never repeated


def ui_text(key: str, lang: str) -> str:
    """A UI string as a page writes it (HTML-escaped)."""
    return str(escape(STRINGS[key][lang]))


def test_pages_read_a_remote_store_that_asks_for_credentials(make_web_app, endpoint: str) -> None:  # type: ignore[no-untyped-def]
    # BCIC_STORE_USER and BCIC_STORE_PASSWORD (config keys, or the environment) reach the server
    # with HTTP digest; a password the server refuses is never shown.
    auth = endpoint.replace("/sparql", "/sparql-auth")
    home = make_web_app(auth, BCIC_STORE_USER="dba", BCIC_STORE_PASSWORD="dba").test_client()
    answer = home.get("/?lang=en")
    assert answer.status_code == 200 and str(DEHUA) in answer.get_data(as_text=True)
    refused = make_web_app(auth, BCIC_STORE_USER="dba", BCIC_STORE_PASSWORD="not-the-password")
    clusters = refused.test_client().get("/api/clusters?lang=en")
    assert clusters.status_code == 503, clusters.get_data(as_text=True)
    assert "the store's user name or password was refused" in clusters.get_json()["message"]
    assert "not-the-password" not in clusters.get_data(as_text=True)


def test_a_page_read_across_a_write_to_the_remote_store_is_a_409(make_web_app,
                                                                endpoint: str) -> None:
    """A remote store has no snapshot to name: the token is its whole answer's, which the app
    reads for every page; after a write that changes the answer, a later page is refused."""
    client = make_web_app(endpoint).test_client()
    first = client.get("/api/queries/clusters-by-conformance?limit=1&lang=en").get_json()
    assert "snapshot=" in first["next"]
    assert client.get(first["next"]).status_code == 200  # the same answer: it continues
    store = SparqlStore(endpoint, endpoint)
    try:
        ingest_files(store, [EXAMPLES_DIR / "datang-socks.ttl"], submitter="tests")
    finally:
        store.close()
    refused = client.get(first["next"])
    assert refused.status_code == 409, refused.get_json()
    assert "the data changed since the first page" in refused.get_json()["message"]
    restart = refused.headers["Link"].removeprefix("<").removesuffix('>; rel="first"')
    again = client.get(restart).get_json()
    assert again["offset"] == 0 and again["next"] != first["next"]
    assert client.get(again["next"]).status_code == 200
