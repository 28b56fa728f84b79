"""The public SPARQL endpoint /sparql: protocol, formats, refusals, limits, and real clients.

The store is real: the three sample submissions loaded into named graphs of an on-disk pyoxigraph
store, served from a snapshot as in production. Queries run in real worker processes; the last
tests start the app under waitress on loopback and query it with SPARQLWrapper, curl and Apache
Jena's command-line client.
"""

from __future__ import annotations

import csv
import faulthandler
import io
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.dom.minidom import parseString
from xml.parsers.expat import ExpatError

import pyoxigraph
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from checker import query_worker
from checker.errors import NotAcceptableError, QueryRefusedError
from checker.forking import WorkerError, run_in_child
from checker.ingest import ingest_files
from checker.paths import EXAMPLES_DIR
from checker.query_runner import QueryCrashedError, QueryRunner, current_snapshot, refresh_snapshot
from checker.query_worker import QueryJob
from checker.sparql_service import SparqlLimits, prepare_query
from checker.store.oxigraph_store import OxigraphStore
from tests.loopback import QuietHandler, waitress_app
from web import create_app, query_service

GRAPH = "https://w3id.org/bcic/graph/submission/test-{}/1"
SAMPLES = ("dehua-ceramics", "datang-socks", "meitan-tea")
SD = "http://www.w3.org/ns/sparql-service-description#"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CONSTRUCT_TEA = ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + GRAPH.format("meitan-tea")
                 + "> { ?s ?p ?o } }")
TIMEOUT = 2.5  # long enough for a quick query to be answered beside a slow one on a busy machine


# --- fixtures -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A live store directory holding each sample submission in its own named graph."""
    path = tmp_path_factory.mktemp("sparql") / "store"
    store = pyoxigraph.Store(str(path))
    for name in SAMPLES:
        store.load(path=str(EXAMPLES_DIR / f"{name}.ttl"), format=pyoxigraph.RdfFormat.TURTLE,
                   to_graph=pyoxigraph.NamedNode(GRAPH.format(name)))
    store.flush()
    del store  # release the directory's lock, as an ingest process does when it ends
    return path


@pytest.fixture(scope="module")
def triple_counts(store_dir: Path) -> dict[str, int]:
    """How many triples each sample graph holds (read straight from the store)."""
    store = pyoxigraph.Store.read_only(str(store_dir))
    return {name: sum(1 for _ in store.quads_for_pattern(
        None, None, None, pyoxigraph.NamedNode(GRAPH.format(name)))) for name in SAMPLES}


def make_app(store_dir: Path, **config: Any) -> Flask:
    """A fresh app over `store_dir` (its snapshots beside it), short limits for the tests."""
    return create_app({"TESTING": True, "BCIC_STORE": str(store_dir),
                       "BCIC_SNAPSHOT": str(store_dir.parent / "snapshots"),
                       "BCIC_SPARQL_TIMEOUT": TIMEOUT, **config})


@pytest.fixture
def app(store_dir: Path) -> Iterator[Flask]:
    """The app with the test limits; its worker processes stop after the test."""
    application = make_app(store_dir)
    yield application
    query_service(application).close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def select(client: FlaskClient, query: str,
           params: dict[str, Any] | None = None) -> list[dict[str, str]]:
    """Run a SELECT over GET (with protocol parameters) and return rows as {variable: value}."""
    response = client.get("/sparql", query_string={"query": query, **(params or {})})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [{name: term["value"] for name, term in row.items()}
            for row in response.get_json()["results"]["bindings"]]


def count(client: FlaskClient, query: str = COUNT_ALL,
          params: dict[str, Any] | None = None) -> int:
    """The ?n of a COUNT query."""
    return int(select(client, query, params)[0]["n"])


def store_size(path: Path) -> int:
    """The number of quads in a store or snapshot directory, read directly."""
    return len(pyoxigraph.Store.read_only(str(path)))


# --- the protocol ---------------------------------------------------------------------------

def test_get_form_post_and_direct_post_give_the_same_json_results(client: FlaskClient) -> None:
    query = ("SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } "
             "ORDER BY ?s ?o")
    by_get = client.get("/sparql", query_string={"query": query})
    by_form = client.post("/sparql", data={"query": query})
    by_body = client.post("/sparql", data=query.encode("utf-8"),
                          content_type="application/sparql-query")
    assert by_get.status_code == by_form.status_code == by_body.status_code == 200
    assert by_get.content_type == "application/sparql-results+json"
    assert by_get.get_json() == by_form.get_json() == by_body.get_json()
    assert len(by_get.get_json()["results"]["bindings"]) > 10


def test_default_graph_is_the_union_of_all_graphs(client: FlaskClient,
                                                  triple_counts: dict[str, int]) -> None:
    assert count(client) == sum(triple_counts.values())


def test_default_graph_uri_makes_that_graph_the_default(client: FlaskClient,
                                                        triple_counts: dict[str, int]) -> None:
    tea = GRAPH.format("meitan-tea")
    assert count(client, params={"default-graph-uri": tea}) == triple_counts["meitan-tea"]
    both = [tea, GRAPH.format("datang-socks")]
    assert count(client, params={"default-graph-uri": both}) == (
        triple_counts["meitan-tea"] + triple_counts["datang-socks"])
    # The protocol's dataset is exactly what is named: no named graph is left to GRAPH ?g.
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert select(client, graphs, {"default-graph-uri": tea}) == []


def test_a_graph_named_twice_is_one_graph_of_the_dataset(client: FlaskClient,
                                                         triple_counts: dict[str, int]) -> None:
    tea = GRAPH.format("meitan-tea")
    assert count(client, params={"default-graph-uri": [tea, tea]}) == triple_counts["meitan-tea"]
    in_named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(client, in_named, {"named-graph-uri": [tea, tea]}) == triple_counts["meitan-tea"]


def test_named_graph_uri_names_the_graphs_and_leaves_the_default_empty(
        client: FlaskClient) -> None:
    socks = GRAPH.format("datang-socks")
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert select(client, graphs, {"named-graph-uri": socks}) == [{"g": socks}]
    assert count(client, params={"named-graph-uri": socks}) == 0
    every = {row["g"] for row in select(client, graphs)}
    assert every == {GRAPH.format(name) for name in SAMPLES}


def test_from_in_the_query_chooses_the_default_graph(client: FlaskClient,
                                                     triple_counts: dict[str, int]) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH.format('meitan-tea')}> WHERE {{ ?s ?p ?o }}"
    assert count(client, query) == triple_counts["meitan-tea"]


def test_ask_answers_true_and_false(client: FlaskClient) -> None:
    yes = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    no = client.post("/sparql", data={"query": "ASK { <urn:x:nothing> ?p ?o }"})
    assert yes.get_json() == {"head": {}, "boolean": True}
    assert no.get_json()["boolean"] is False


# --- formats and negotiation ----------------------------------------------------------------

SELECT_LABELS = ("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
                 " ORDER BY ?s ?label LIMIT 7")


@pytest.mark.parametrize("accept, media_type, engine_format", [
    ("application/sparql-results+json", "application/sparql-results+json", "JSON"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "XML"),
    ("text/tab-separated-values", "text/tab-separated-values", "TSV"),
], ids=["json", "xml", "tsv"])
def test_select_results_in_each_parseable_format(client: FlaskClient, accept: str,
                                                 media_type: str, engine_format: str) -> None:
    response = client.get("/sparql", query_string={"query": SELECT_LABELS},
                          headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]
    solutions = pyoxigraph.parse_query_results(
        response.data, getattr(pyoxigraph.QueryResultsFormat, engine_format))
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    labels = [solution["label"].value for solution in solutions]
    expected = [row["label"] for row in select(client, SELECT_LABELS)]
    assert labels == expected and len(labels) == 7


def test_select_results_as_csv(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SELECT_LABELS},
                          headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["s", "label"]
    assert [row[1] for row in rows[1:]] == [r["label"] for r in select(client, SELECT_LABELS)]


@pytest.mark.parametrize("accept, engine_format", [
    ("text/turtle", "TURTLE"),
    ("application/n-triples", "N_TRIPLES"),
    ("application/ld+json", "JSON_LD"),
    ("application/rdf+xml", "RDF_XML"),
], ids=["turtle", "ntriples", "jsonld", "rdfxml"])
def test_construct_results_in_each_rdf_format(client: FlaskClient, accept: str,
                                              engine_format: str,
                                              triple_counts: dict[str, int]) -> None:
    response = client.get("/sparql", query_string={"query": CONSTRUCT_TEA},
                          headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    triples = list(pyoxigraph.parse(response.data,
                                    getattr(pyoxigraph.RdfFormat, engine_format)))
    assert len(triples) == triple_counts["meitan-tea"]


def test_describe_answers_turtle_by_default(client: FlaskClient) -> None:
    subject = select(client, SELECT_LABELS)[0]["s"]
    response = client.get("/sparql", query_string={"query": f"DESCRIBE <{subject}>"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert subject in {t.subject.value for t in pyoxigraph.parse(
        response.data, pyoxigraph.RdfFormat.TURTLE)}


def test_accept_q_values_choose_the_preferred_format(client: FlaskClient) -> None:
    accept = "text/csv;q=0.5, application/sparql-results+xml;q=0.9, text/html"
    response = client.get("/sparql", query_string={"query": SELECT_LABELS},
                          headers={"Accept": accept})
    assert response.mimetype == "application/sparql-results+xml"
    wildcard = client.get("/sparql", query_string={"query": CONSTRUCT_TEA},
                          headers={"Accept": "text/html, */*;q=0.1"})
    assert wildcard.mimetype == "text/turtle"


def test_format_parameter_overrides_accept(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SELECT_LABELS, "format": "tsv"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.mimetype == "text/tab-separated-values"
    graph = client.get("/sparql", query_string={"query": CONSTRUCT_TEA,
                                                "format": "application/n-triples"})
    assert graph.mimetype == "application/n-triples"


@pytest.mark.parametrize("query, accept", [
    (SELECT_LABELS, "text/turtle"),
    (SELECT_LABELS, "image/png"),
    (CONSTRUCT_TEA, "application/sparql-results+json"),
], ids=["select-as-turtle", "select-as-png", "construct-as-results"])
def test_unsupported_accept_is_406(client: FlaskClient, query: str, accept: str) -> None:
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    body = response.get_json()
    assert body["error"] == "NotAcceptableError" and "available" in body["message"]


CONTROL_SELECT = 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }'
CONTROL_CONSTRUCT = 'CONSTRUCT { <urn:x:a> <urn:x:note> "form\\u000Cfeed" } WHERE {}'


@pytest.mark.parametrize("query, xml, character, others, carrier", [
    (CONTROL_SELECT, "application/sparql-results+xml", "U+0001", "JSON, CSV, TSV",
     "application/sparql-results+json"),
    (CONTROL_CONSTRUCT, "application/rdf+xml", "U+000C", "Turtle, N-Triples, JSON-LD",
     "text/turtle"),
], ids=["select-as-xml", "construct-as-rdfxml"])
def test_an_answer_xml_cannot_carry_is_406_in_xml_and_sent_in_other_formats(
        client: FlaskClient, query: str, xml: str, character: str, others: str,
        carrier: str) -> None:
    """XML 1.0 has no way to write U+0001 (not even &#1;): a 200 would not be XML at all."""
    refused = client.get("/sparql", query_string={"query": query}, headers={"Accept": xml})
    assert refused.status_code == 406
    body = refused.get_json()
    assert body["error"] == "NotAcceptableError"
    assert f"holds the character {character}, which XML 1.0 cannot carry" in body["message"]
    assert others in body["message"]
    zh = client.get("/sparql", query_string={"query": query, "lang": "zh"},
                    headers={"Accept": xml}).get_json()["message"]
    assert f"XML 1.0 无法承载的字符 {character}" in zh and others in zh
    sent = client.get("/sparql", query_string={"query": query}, headers={"Accept": carrier})
    assert sent.status_code == 200
    values = ([solution["x"].value for solution in pyoxigraph.parse_query_results(
        sent.data, pyoxigraph.QueryResultsFormat.JSON)] if carrier.endswith("json")
        else [triple.object.value for triple in pyoxigraph.parse(
            sent.data, pyoxigraph.RdfFormat.TURTLE)])
    assert len(values) == 1 and chr(int(character[2:], 16)) in values[0]


@pytest.mark.parametrize("predicate", ["https://example.org/vocab/2024", "http://e/p#",
                                       "http://e/p/", "urn:x:1", "http://e/x:1"])
def test_a_predicate_rdfxml_cannot_write_is_406_in_rdfxml_and_sent_in_turtle(
        client: FlaskClient, predicate: str) -> None:
    """RDF/XML writes a predicate as an element named by its IRI's ending, which must be an XML
    name: pyoxigraph wrote `<oxprefix: …>` for `…/2024`, a 200 that no XML parser reads."""
    query = (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ BIND(<http://e/a> AS ?s) "
             f"BIND(<{predicate}> AS ?p) BIND(1 AS ?o) }}")
    refused = client.get("/sparql", query_string={"query": query, "format": "rdfxml"})
    assert refused.status_code == 406
    body = refused.get_json()
    assert body["error"] == "NotAcceptableError"
    assert f"the predicate <{predicate}>, which RDF/XML cannot write" in body["message"]
    assert "Turtle, N-Triples, JSON-LD" in body["message"]
    zh = client.get("/sparql", query_string={"query": query, "format": "rdfxml", "lang": "zh"})
    assert f"谓词 <{predicate}>，RDF/XML 无法写出它" in zh.get_json()["message"]
    sent = client.get("/sparql", query_string={"query": query, "format": "turtle"})
    assert sent.status_code == 200
    assert [t.predicate.value for t in pyoxigraph.parse(sent.data, pyoxigraph.RdfFormat.TURTLE)] \
        == [predicate]


@pytest.mark.parametrize("predicate", [
    "http://e/1", "http://e/1a", "http://e/a.1", "http://e/a-", "http://e/_1", "http://e/·x",
    "http://e/x:a", "http://e/x:1", "http://e/a%20b", "http://e/a&b", "http://e/中1", "urn:1",
    "http://e/\u0300a", "http://e/a\u0300", "http://e/\u00d7", "http://e/#a", "http://e/a#"])
def test_every_rdfxml_answer_is_xml_or_refused(predicate: str) -> None:
    """Whatever a predicate's ending, the worker's RDF/XML is well-formed or a 406: never a body
    an XML parser refuses (expat, which knows XML 1.0's names before its fifth edition)."""
    query = f"CONSTRUCT {{ <http://e/s> <{predicate}> 1 }} WHERE {{}}"
    try:
        done = query_worker.run_job(pyoxigraph.Store(), QueryJob(query, "RDF_XML", 10))
    except NotAcceptableError:
        with pytest.raises(ExpatError):  # what pyoxigraph would have sent
            parseString(pyoxigraph.serialize([pyoxigraph.Triple(
                pyoxigraph.NamedNode("http://e/s"), pyoxigraph.NamedNode(predicate),
                pyoxigraph.Literal(1))], format=pyoxigraph.RdfFormat.RDF_XML))
    else:
        parseString(done.body)


@pytest.mark.parametrize("query, accept", [
    (None, "text/html"),
    (None, "image/png"),
    (SELECT_LABELS, "text/turtle"),
    ("SELECT * WHERE {", "application/sparql-results+json"),
], ids=["redirect-to-editor", "406-description", "406-results", "400-malformed"])
def test_every_answer_of_the_endpoint_varies_by_accept(client: FlaskClient, query: str | None,
                                                       accept: str) -> None:
    response = client.get("/sparql", query_string={"query": query} if query else {},
                          headers={"Accept": accept})
    assert response.status_code in (303, 400, 406)
    assert "Accept" in response.vary


def test_unknown_format_parameter_is_406(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": SELECT_LABELS, "format": "yaml"})
    assert response.status_code == 406


@pytest.mark.parametrize("query, accept, media_type", [
    ("ASK {}", "application/sparql-results+json;charset=utf-8", "application/sparql-results+json"),
    (CONSTRUCT_TEA, "text/turtle;charset=utf-8", "text/turtle"),
    (None, "text/turtle;charset=utf-8", "text/turtle"),
    (SELECT_LABELS, "text/csv;header=present", "text/csv"),
    (CONSTRUCT_TEA, "text/turtle;charset=UTF-8, application/rdf+xml;q=0.5", "text/turtle"),
], ids=["ask-json", "construct-turtle", "service-description", "select-csv", "turtle-over-rdfxml"])
def test_accept_with_parameters_matches_its_media_type(client: FlaskClient, query: str | None,
                                                       accept: str, media_type: str) -> None:
    response = client.get("/sparql", query_string={"query": query} if query else {},
                          headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media_type


@pytest.mark.parametrize("query, accept, media_type", [
    (CONSTRUCT_TEA, "text/turtle;q=0, */*;q=0.1", "application/n-triples"),
    (SELECT_LABELS, "application/sparql-results+json;q=0, */*;q=0.1",
     "application/sparql-results+xml"),
    (SELECT_LABELS, "text/*", "text/csv"),
], ids=["turtle-refused", "json-refused", "text-wildcard"])
def test_a_format_refused_or_unnamed_under_its_main_type_is_not_chosen_by_an_alias(
        client: FlaskClient, query: str, accept: str, media_type: str) -> None:
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media_type


def test_formats_refused_under_their_main_types_leave_nothing_acceptable(
        client: FlaskClient) -> None:
    accept = ("application/sparql-results+json;q=0, application/sparql-results+xml;q=0, "
              "application/*")
    response = client.get("/sparql", query_string={"query": SELECT_LABELS},
                          headers={"Accept": accept})
    assert response.status_code == 406


@pytest.mark.parametrize("accept, engine_format", [
    ("application/json", "JSON_LD"),
    ("text/plain", "N_TRIPLES"),
], ids=["json-ld-as-json", "n-triples-as-text"])
def test_a_graph_asked_for_by_an_alias_is_labelled_with_that_alias(
        client: FlaskClient, accept: str, engine_format: str,
        triple_counts: dict[str, int]) -> None:
    response = client.get("/sparql", query_string={"query": CONSTRUCT_TEA},
                          headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    triples = list(pyoxigraph.parse(response.data, getattr(pyoxigraph.RdfFormat, engine_format)))
    assert len(triples) == triple_counts["meitan-tea"]


# --- refusals -------------------------------------------------------------------------------

INSERT = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }"


@pytest.mark.parametrize("send", [
    lambda c: c.post("/sparql", data={"update": INSERT}),
    lambda c: c.post("/sparql", data=INSERT, content_type="application/sparql-update"),
    lambda c: c.post("/sparql", data={"query": INSERT}),
    lambda c: c.get("/sparql", query_string={"query": "CLEAR ALL"}),
    lambda c: c.get("/sparql", query_string={"update": "DROP ALL"}),
], ids=["form-update", "direct-update", "update-as-query", "clear-as-get", "get-update"])
def test_update_sent_to_sparql_endpoint_is_rejected(client: FlaskClient, store_dir: Path,
                                                    send: Any) -> None:
    snapshot = current_snapshot(store_dir.parent / "snapshots")
    assert snapshot is not None
    before = (store_size(store_dir), store_size(snapshot), count(client))
    response = send(client)
    assert response.status_code == 403
    assert "read-only" in response.get_json()["message"]
    assert (store_size(store_dir), store_size(snapshot), count(client)) == before
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:g> { ?s ?p ?o } }") == 0


class _RecordingSparqlServer:
    """A SPARQL endpoint on loopback that records every request and answers one binding."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                recorder.requests.append(self.path)
                body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
                    {"x": {"type": "literal", "value": "from the partner"}}]}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def partner() -> Iterator[_RecordingSparqlServer]:
    server = _RecordingSparqlServer()
    yield server
    server.close()


def test_service_is_refused_and_no_request_leaves(client: FlaskClient,
                                                  partner: _RecordingSparqlServer) -> None:
    for query in (f"SELECT ?x WHERE {{ SERVICE <{partner.url}> {{ ?x ?y ?z }} }}",
                  (f"SELECT ?x WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE SILENT <{partner.url}> "
                   f"{{ ?x ?y ?z }} }} }}"),
                  "SELECT ?x WHERE { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?x ?y ?z } }",
                  f"SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{partner.url}> {{ ?s ?p ?o }} }} }}",
                  (f"SELECT * WHERE {{ VALUES ?e {{ <{partner.url}> }} "
                   f"FILTER NOT EXISTS {{ SERVICE ?e {{ ?s ?p ?o }} }} }}")):
        response = client.get("/sparql", query_string={"query": query})
        assert response.status_code == 400, query
        assert "SERVICE" in response.get_json()["message"]
    time.sleep(0.2)
    assert partner.requests == []


def test_service_to_an_allowed_endpoint_is_federated(store_dir: Path,
                                                     partner: _RecordingSparqlServer) -> None:
    app = make_app(store_dir, BCIC_SPARQL_ALLOWED_SERVICES=[partner.url])
    try:
        client = app.test_client()
        rows = select(client, f"SELECT ?x WHERE {{ SERVICE <{partner.url}> {{ ?x ?y ?z }} }}")
        assert rows == [{"x": "from the partner"}]
        assert len(partner.requests) == 1
        other = "http://127.0.0.1:9/sparql"
        refused = client.get("/sparql", query_string={
            "query": f"SELECT ?x WHERE {{ SERVICE <{other}> {{ ?x ?y ?z }} }}"})
        assert refused.status_code == 400
    finally:
        query_service(app).close()


def test_a_service_endpoint_written_as_a_prefixed_or_relative_name_is_checked_resolved(
        store_dir: Path, partner: _RecordingSparqlServer) -> None:
    """The allow-list compares the IRI the engine would call, not the text as written."""
    app = make_app(store_dir, BCIC_SPARQL_ALLOWED_SERVICES=[partner.url])
    base, local = partner.url.rsplit("/", 1)
    try:
        client = app.test_client()
        prefixed = (f"PREFIX partner: <{base}/> "
                    f"SELECT ?x WHERE {{ SERVICE partner:{local} {{ ?x ?y ?z }} }}")
        relative = f"BASE <{base}/> SELECT ?x WHERE {{ SERVICE <{local}> {{ ?x ?y ?z }} }}"
        assert select(client, prefixed) == [{"x": "from the partner"}]
        assert select(client, relative) == [{"x": "from the partner"}]
        elsewhere = prefixed.replace(f"<{base}/>", "<http://127.0.0.1:9/>")
        refused = client.get("/sparql", query_string={"query": elsewhere})
        assert refused.status_code == 400
        assert f"SERVICE http://127.0.0.1:9/{local} is refused" in refused.get_json()["message"]
        assert len(partner.requests) == 2
    finally:
        query_service(app).close()


@pytest.mark.parametrize("query, said", [
    ("SELECT ?x WHERE {\n ?x ?y \n}",  # rdflib said line 2, col 2, "Expected SelectQuery"
     "the SPARQL query cannot be parsed: unexpected “}” at line 3, column 1"),
    ("SELEC * WHERE { ?s ?p ?o }",
     "the SPARQL query cannot be parsed: unexpected “SELEC” at line 1, column 1"),
    ("SELECT ?x WHERE { ?x ?y ?z FILTER(?x = ) } LIMIT 10",  # pyoxigraph said column 54
     "the SPARQL query cannot be parsed: unexpected “)” at line 1, column 40"),
    ("SELECT ?s WHERE {\n  ?s ?p ?o\n",
     "the SPARQL query cannot be parsed: it ends at line 3, column 1 before it is complete"),
    ("SELECT ?x WHERE { ?x a foo:Bar }",  # rdflib said no position at all
     "the SPARQL query is not valid: the prefix foo: of “foo:Bar” at line 1, column 24 is not "
     "declared (PREFIX foo: <…>)"),
    ("ASK {\n  ?x a foo:Bar }",  # rdflib lets an ASK through: the worker's pyoxigraph refuses it
     "the SPARQL query is not valid: the prefix foo: of “foo:Bar” at line 2, column 8 is not "
     "declared (PREFIX foo: <…>)"),
    ("SELECT ?o WHERE {\n  ?s ?p ?o FILTER(!!?o)\n}",  # rdflib said "found 'FILTER'"; pyoxigraph
     # parses it, though SPARQL 1.1's UnaryExpression has "!" take a PrimaryExpression
     "the SPARQL query cannot be parsed: the operator “!” at line 2, column 20 comes straight "
     "after “!”, which SPARQL 1.1 does not allow: put what follows “!” in brackets, as in "
     "!(!?x)"),
    # A function's prefixed name: pyoxigraph said "expected ENCODE_FOR_URI" at column 31, rdflib
    # (SELECT only) "Unknown namespace prefix : foo"; rdflib declares xsd: itself.
    ('SELECT * { BIND(xsd:integer("1") AS ?x) }',
     "the SPARQL query is not valid: the prefix xsd: of “xsd:integer” at line 1, column 17 is not "
     "declared (PREFIX xsd: <…>)"),
    ("SELECT * {\n  FILTER(xsd:integer(?s) > 1) }",
     "the SPARQL query is not valid: the prefix xsd: of “xsd:integer” at line 2, column 10 is not "
     "declared (PREFIX xsd: <…>)"),
    ("ASK { FILTER(foo:bar(1)) }",
     "the SPARQL query is not valid: the prefix foo: of “foo:bar” at line 1, column 14 is not "
     "declared (PREFIX foo: <…>)"),
    ("PREFIX f: <http://e/> SELECT * { BIND(foo:bar(1) AS ?x) }",
     "the SPARQL query is not valid: the prefix foo: of “foo:bar” at line 1, column 39 is not "
     "declared (PREFIX foo: <…>)"),
], ids=["incomplete-triple", "typo", "empty-operand", "cut-short", "undeclared-prefix",
        "undeclared-prefix-in-ask", "operator-after-not", "function-of-xsd", "function-in-filter",
        "function-in-ask", "function-of-another-prefix"])
def test_malformed_query_is_400_naming_the_offending_token_by_line_and_column(
        client: FlaskClient, query: str, said: str) -> None:
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    body = response.get_json()
    assert (body["error"], body["message"]) == ("QueryRefusedError", said)
    zh = client.get("/sparql", query_string={"query": query, "lang": "zh"}).get_json()["message"]
    assert re.search(r"第 \d 行第 \d+ 列", zh), zh


@pytest.mark.parametrize("query, said, zh", [
    ("SELECT ?s (COUNT(*) AS ?c) WHERE { ?s ?p ?o }",
     "the SPARQL query is not valid: ?s at line 1, column 8 is projected but neither grouped nor "
     "aggregated, in a query with an aggregate (SPARQL 1.1 §11.4): add GROUP BY ?s or aggregate "
     "it (SAMPLE(?s), COUNT(?s) …)", "第 1 行第 8 列的 ?s 被投影，但查询含聚合函数而它既未分组也未聚合"),
    ("SELECT ?x WHERE { BIND(COUNT(1) AS ?x) }",
     "the SPARQL query is not valid: the aggregate COUNT at line 1, column 24 is outside SELECT, "
     "HAVING and ORDER BY, the only places one may stand (SPARQL 1.1 §11, §18.2.4.1)",
     "第 1 行第 24 列的聚合函数 COUNT 不在 SELECT、HAVING 或 ORDER BY 中"),
    ("SELECT ?x WHERE { ?s ?p ?o }\nGROUP BY ?s",
     "the SPARQL query is not valid: ?x at line 1, column 8 is projected but not grouped "
     "(GROUP BY ?s) nor aggregated (SPARQL 1.1 §11.4): group by it too or aggregate it "
     "(SAMPLE(?x) …)", "第 1 行第 8 列的 ?x 被投影，但未分组（GROUP BY ?s）也未聚合"),
    ("SELECT * WHERE {\n  { SELECT ?s (MAX(?o) AS ?m) WHERE { ?s ?p ?o } }\n  ?s ?q ?r }",
     "the SPARQL query is not valid: ?s at line 2, column 12 is projected but neither grouped "
     "nor aggregated, in a query with an aggregate (SPARQL 1.1 §11.4): add GROUP BY ?s or "
     "aggregate it (SAMPLE(?s), COUNT(?s) …)", "第 2 行第 12 列的 ?s"),
    ("SELECT * WHERE { ?s ?p ?o } GROUP BY ?s",
     "the SPARQL query is not valid: SELECT * at line 1, column 1 in a query with GROUP BY or an "
     "aggregate (SPARQL 1.1 §18.2.4.1): name the grouped variables and aggregates to project",
     "第 1 行第 1 列的 SELECT * 所在查询含 GROUP BY 或聚合函数"),
    ("ASK { ?s ?p ?o FILTER(SUM(?o) > 1) }",
     "the SPARQL query is not valid: the aggregate SUM at line 1, column 23 is outside SELECT, "
     "HAVING and ORDER BY, the only places one may stand (SPARQL 1.1 §11, §18.2.4.1)",
     "第 1 行第 23 列的聚合函数 SUM"),
    ("SELECT ?s (COUNT(?o) AS ?n) (?n + 1 AS ?m) WHERE { ?s ?p ?o } GROUP BY ?s",
     "the SPARQL query is not valid: ?n at line 1, column 30 is projected but not grouped "
     "(GROUP BY ?s) nor aggregated (SPARQL 1.1 §11.4): group by it too or aggregate it "
     "(SAMPLE(?n) …)", "第 1 行第 30 列的 ?n"),
    # A sub-SELECT of an ASK or a CONSTRUCT is a SELECT of its own (SPARQL 1.1 §11.4).
    ("ASK {\n  { SELECT ?s (COUNT(*) AS ?c) WHERE { ?s ?p ?o } } }",
     "the SPARQL query is not valid: ?s at line 2, column 12 is projected but neither grouped "
     "nor aggregated, in a query with an aggregate (SPARQL 1.1 §11.4): add GROUP BY ?s or "
     "aggregate it (SAMPLE(?s), COUNT(?s) …)", "第 2 行第 12 列的 ?s"),
    ("CONSTRUCT { ?s <urn:x:n> ?p } WHERE {\n  { SELECT ?s ?p (COUNT(?o) AS ?c) WHERE { ?s ?p ?o } "
     "GROUP BY ?s } }",
     "the SPARQL query is not valid: ?p at line 2, column 15 is projected but not grouped "
     "(GROUP BY ?s) nor aggregated (SPARQL 1.1 §11.4): group by it too or aggregate it "
     "(SAMPLE(?p) …)", "第 2 行第 15 列的 ?p"),
    # SPARQL 1.1 lets an ASK or a CONSTRUCT group its own solutions (no projection to restrict);
    # the engine runs grouping in a SELECT only, and its words were its parser's tokens.
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } GROUP BY ?s",
     "the SPARQL query asks for what the engine does not support: the CONSTRUCT query groups "
     "its solutions (GROUP BY at line 1, column 43), which SPARQL 1.1 allows, but the engine "
     "groups only in a SELECT: write the grouping in a sub-SELECT of the WHERE clause (WHERE "
     "{ { SELECT ?x (COUNT(?y) AS ?n) WHERE { … } GROUP BY ?x } })",
     "CONSTRUCT 查询对其解进行了分组（第 1 行第 43 列的 GROUP BY）"),
    ("ASK { ?s ?p ?o }\nHAVING (COUNT(*) > 1)",
     "the SPARQL query asks for what the engine does not support: the ASK query groups its "
     "solutions (HAVING at line 2, column 1), which SPARQL 1.1 allows, but the engine groups "
     "only in a SELECT: write the grouping in a sub-SELECT of the WHERE clause (WHERE { { "
     "SELECT ?x (COUNT(?y) AS ?n) WHERE { … } GROUP BY ?x } })",
     "ASK 查询对其解进行了分组（第 2 行第 1 列的 HAVING）"),
    ("CONSTRUCT WHERE { ?s ?p ?o } ORDER BY DESC(COUNT(?o))",
     "the SPARQL query asks for what the engine does not support: the CONSTRUCT query groups "
     "its solutions (ORDER BY at line 1, column 30), which SPARQL 1.1 allows, but the engine "
     "groups only in a SELECT: write the grouping in a sub-SELECT of the WHERE clause (WHERE "
     "{ { SELECT ?x (COUNT(?y) AS ?n) WHERE { … } GROUP BY ?x } })",
     "CONSTRUCT 查询对其解进行了分组（第 1 行第 30 列的 ORDER BY）"),
    # Not among the guard's checks: the engine's place, without its parser's list of tokens.
    ("DESCRIBE ?s WHERE { ?s ?p ?o } HAVING (COUNT(*) > 1)",
     "the SPARQL query is not valid: the query engine refuses it at line 1, column 53",
     "查询引擎在第 1 行第 53 列处拒绝了它"),
], ids=["aggregate-without-group-by", "aggregate-in-bind", "projected-not-grouped",
        "subquery", "star-with-group-by", "aggregate-in-ask", "alias-of-an-aggregate",
        "ask-subquery", "construct-subquery", "construct-group-by", "ask-having",
        "construct-order-by-aggregate", "engine-words"])
def test_a_query_that_parses_but_groups_wrongly_is_400_naming_the_variable_and_its_place(
        client: FlaskClient, query: str, said: str, zh: str) -> None:
    """pyoxigraph's words were its parser's: "expected one of The SELECT contains a variable
    that is unbound, [_]", or ~700 characters of tokens ("STRLANGDIR", "['A' ..= 'Z' …")."""
    response = client.get("/sparql", query_string={"query": query})
    body = response.get_json()
    assert (response.status_code, body["error"], body["message"]) == (
        400, "QueryRefusedError", said)
    chinese = client.get("/sparql", query_string={"query": query, "lang": "zh"}).get_json()
    assert zh in chinese["message"] and "expected" not in chinese["message"]


@pytest.mark.parametrize("query", [
    "SELECT ?s (COUNT(?o) AS ?n) (?s AS ?t) WHERE { ?s ?p ?o } GROUP BY ?s "
    "HAVING (SUM(?o) > 1) ORDER BY DESC(COUNT(?o))",
    "SELECT ?k (SAMPLE(?s) AS ?one) WHERE { ?s ?p ?o } GROUP BY (STR(?p) AS ?k)",
    "SELECT * WHERE { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s } }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "ASK { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s } FILTER(?n > 1) }",
    "CONSTRUCT { ?s <urn:x:n> ?n } WHERE { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } "
    "GROUP BY ?s } }",
    "ASK { ?s ?p ?o } ORDER BY ?s",
], ids=["alias-having-order", "group-by-expression", "grouped-subquery", "count-alone",
        "ask-grouped-subquery", "construct-grouped-subquery", "ask-ordered"])
def test_queries_that_group_rightly_are_answered(client: FlaskClient, query: str) -> None:
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200, response.get_json()


@pytest.mark.parametrize("written", ["!-1", "!(!?o)", "?o - -1", "?o - -?o"])
def test_signs_and_bracketed_negations_after_an_operator_are_queries(
        client: FlaskClient, written: str) -> None:
    query = f'SELECT ?o WHERE {{ VALUES ?o {{ 1 }} FILTER(({written}) != 7) }}'
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200, response.get_json()


@pytest.mark.parametrize("function", ["<https://example.org/fn>", "xsd:foo"])
def test_a_function_the_engine_does_not_know_is_400_not_a_server_error(
        client: FlaskClient, function: str) -> None:
    query = ("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
             f'SELECT ?o WHERE {{ VALUES ?o {{ "a" }} FILTER({function}(?o)) }}')
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "QueryRefusedError" and "does not support" in body["message"]
    assert count(client) > 0  # the worker lives on


def test_query_nested_5000_levels_is_refused_and_the_endpoint_still_answers(
        client: FlaskClient, triple_counts: dict[str, int]) -> None:
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    response = client.post("/sparql", data={"query": deep})
    assert response.status_code == 400
    assert "nested" in response.get_json()["message"]
    parens = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    assert client.post("/sparql", data={"query": parens}).status_code == 400
    assert count(client) == sum(triple_counts.values())


def test_a_basic_graph_pattern_past_the_guards_limit_is_refused_naming_the_limit(
        client: FlaskClient) -> None:
    """2,000 triple patterns (41 KB, valid SPARQL) were "maximum recursion depth exceeded"."""
    triples = " ".join(f"<x:a> <x:b> ?v{i} ." for i in range(2000))
    response = client.post("/sparql", data=f"SELECT * {{ {triples} }}",
                           content_type="application/sparql-query")
    assert response.status_code == 400
    body = response.get_json()
    assert (body["error"], body["message"]) == (
        "QueryRefusedError", "the query has more than 500 triple patterns separated by “.”, more "
        "than the query guard's parser reads; split it into smaller queries")


def test_nesting_up_to_the_guards_limit_is_answered(client: FlaskClient) -> None:
    """MAX_NESTING, not the parser's recursion, decides: 40 levels are fine for both engines."""
    parens = "SELECT ?v WHERE { BIND(" + "(" * 40 + "1" + ")" * 40 + " AS ?v) }"
    assert select(client, parens) == [{"v": "1"}]
    braces = "ASK " + "{" * 40 + " ?s ?p ?o " + "}" * 40
    response = client.get("/sparql", query_string={"query": braces},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 and response.get_json()["boolean"] is True


def test_a_crashing_query_costs_an_error_and_a_fresh_worker(store_dir: Path) -> None:
    """Behind the guard's back, the nesting that segfaults pyoxigraph kills only its worker."""
    snapshots = store_dir.parent / "snapshots"
    refresh_snapshot(store_dir, snapshots)
    runner = QueryRunner(snapshots, workers=1, timeout=10)
    try:
        deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
        with pytest.raises(QueryCrashedError, match="SIGSEGV"):
            runner.run(QueryJob(deep, "JSON", 10))
        done = runner.run(QueryJob("ASK { ?s ?p ?o }", "JSON", 10))
        assert json.loads(done.body)["boolean"] is True
    finally:
        runner.close()


def test_a_refusal_from_a_query_worker_keeps_its_chinese(store_dir: Path) -> None:
    """The worker's error crosses the pipe pickled, with its translations."""
    snapshots = store_dir.parent / "snapshots"
    refresh_snapshot(store_dir, snapshots)
    runner = QueryRunner(snapshots, workers=1, timeout=10)
    try:
        with pytest.raises(QueryRefusedError) as refused:
            runner.run(QueryJob("SELECT * WHERE { ?s ?p ?o } LIMT 1", "JSON", 10))
        assert refused.value.message.startswith("the SPARQL query is not valid: ")
        assert refused.value.text("zh").startswith("该 SPARQL 查询无效：")
    finally:
        runner.close()


def test_a_refusal_made_in_the_parsing_child_keeps_its_chinese() -> None:
    """The guard runs in a forked child (checker/forking.py); its refusal comes back whole."""
    with pytest.raises(QueryRefusedError) as refused:
        prepare_query("SELECT * WHERE { ?s ?p ?o } ORDER", SparqlLimits())
    assert refused.value.message.startswith("the SPARQL query cannot be parsed: ")
    assert refused.value.text("zh").startswith("无法解析该 SPARQL 查询：")


def test_over_long_query_is_413(store_dir: Path) -> None:
    app = make_app(store_dir, BCIC_SPARQL_MAX_QUERY_BYTES=1000, MAX_CONTENT_LENGTH=4000)
    try:
        client = app.test_client()
        long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1200
        assert client.get("/sparql", query_string={"query": long_query}).status_code == 413
        huge_body = client.post("/sparql", data="ASK {}" + " " * 5000,
                                content_type="application/sparql-query")
        assert huge_body.status_code == 413
        assert huge_body.get_json()["status"] == 413
    finally:
        query_service(app).close()


def test_post_without_a_query_or_of_another_type_is_refused(client: FlaskClient) -> None:
    assert client.post("/sparql", data={"default-graph-uri": "urn:x:g"}).status_code == 400
    assert client.post("/sparql", data="ASK {}", content_type="text/plain").status_code == 415
    two = client.get("/sparql", query_string={"query": ["ASK {}", "ASK {}"]})
    assert two.status_code == 400
    bad_graph = client.get("/sparql", query_string={"query": "ASK {}",
                                                    "default-graph-uri": "not an iri"})
    assert bad_graph.status_code == 400


@pytest.mark.parametrize("body", [b"query=ASK{}\xff", b"query=ASK%7B%7D%FF"],
                         ids=["raw-byte", "percent-escape"])
def test_a_form_post_that_is_not_utf8_is_refused_as_such(client: FlaskClient, body: bytes) -> None:
    response = client.post("/sparql", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "not UTF-8" in response.get_json()["message"]
    zh = client.post("/sparql", data=body, content_type="application/x-www-form-urlencoded",
                     headers={"Accept-Language": "zh"})
    assert "UTF-8" in zh.get_json()["message"] and "not UTF-8" not in zh.get_json()["message"]


@pytest.mark.parametrize("query_string", [
    b"query=SELECT%20%3Fx%20%7B%20BIND(%22a%FFb%22%20AS%20%3Fx)%20%7D",
    b"query=ASK%7B%7D&default-graph-uri=urn:x:%E4%B8",
    b"query=ASK%7B%7D\xff",
], ids=["percent-escape-in-query", "cut-escape-in-graph", "raw-byte"])
def test_a_get_whose_url_is_not_utf8_is_refused_as_such(client: FlaskClient,
                                                        query_string: bytes) -> None:
    """Not run as the text werkzeug leaves (`"a%FFb"`): POST refuses the same bytes."""
    raw = {"QUERY_STRING": query_string.decode("latin-1")}  # as WSGI hands the URL's bytes
    response = client.get("/sparql", environ_overrides=raw)
    assert response.status_code == 400
    assert "the query is not UTF-8 text" in response.get_json()["message"]
    zh = client.get("/sparql", environ_overrides=raw, headers={"Accept-Language": "zh"})
    assert "查询不是 UTF-8 文本" in zh.get_json()["message"]


def test_an_escape_of_no_character_is_a_400_naming_it_not_a_worker(client: FlaskClient) -> None:
    """rdflib's parser raised ValueError in the forked parser: the 400 said "a worker process
    failed: ValueError: Invalid unicode code point", without a place."""
    query = 'SELECT * {\n BIND("\\U00110000" AS ?x) }'
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    body = response.get_json()
    assert (body["error"], body["message"]) == (
        "QueryRefusedError", "the SPARQL query cannot be parsed: the escape \\U00110000 at line 2, "
        "column 8 is not a character")
    zh = client.get("/sparql", query_string={"query": query, "lang": "zh"}).get_json()["message"]
    assert zh == "无法解析该 SPARQL 查询：第 2 行第 8 列的转义 \\U00110000 不表示任何字符"


def test_a_get_with_raw_utf8_bytes_in_its_url_reads_them_as_utf8(client: FlaskClient) -> None:
    """As curl sends a URL it was given unescaped: the same query as the escaped one."""
    raw = {"QUERY_STRING": 'query=SELECT ?x { BIND("中" AS ?x) }'.encode().decode("latin-1")}
    response = client.get("/sparql", environ_overrides=raw)
    assert response.status_code == 200
    assert response.get_json()["results"]["bindings"] == [{"x": {"type": "literal",
                                                                 "value": "中"}}]


# --- limits ---------------------------------------------------------------------------------

def beside_a_slow_request(app: Flask, slow: str, quick: str
                          ) -> tuple[dict[str, Any], tuple[TestResponse, bool]]:
    """Send `slow` (POST, in a thread), then, 0.3 s later, `quick` (GET): the slow one's status,
    JSON body and seconds, and the quick one's response and whether the slow one was still at
    work when the quick one was answered (so it did not wait for it, however loaded the machine)."""
    outcome: dict[str, Any] = {}
    slow_done = threading.Event()

    def send_the_slow_one() -> None:
        started = time.monotonic()
        response = app.test_client().post("/sparql", data={"query": slow})
        outcome.update(status=response.status_code, body=response.get_json(),
                       seconds=time.monotonic() - started)
        slow_done.set()

    sender = threading.Thread(target=send_the_slow_one)
    sender.start()
    time.sleep(0.3)  # the slow one is at work now
    answer = app.test_client().get("/sparql", query_string={"query": quick})
    answered_first = not slow_done.is_set()
    sender.join(timeout=60)
    return outcome, (answer, answered_first)


def test_runaway_query_is_stopped_while_another_query_still_answers(app: Flask) -> None:
    service = query_service(app)
    service.runner.start()
    pids_before = set(service.runner.worker_pids())
    # While the runaway holds one worker, another query is answered.
    outcome, (quick, answered_first) = beside_a_slow_request(app, RUNAWAY, "ASK { ?s ?p ?o }")

    assert quick.status_code == 200 and answered_first
    assert outcome["status"] == 503
    assert outcome["body"]["message"].startswith(f"query stopped after {TIMEOUT:g} s")
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 3
    # The worker that ran it was killed (its work stopped), and a fresh one took its place.
    pids_after = set(service.runner.worker_pids())
    killed = [pid for pid in pids_before - pids_after if pid is not None]
    assert len(killed) == 1 and None not in pids_after
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    assert app.test_client().get("/sparql", query_string={"query": COUNT_ALL}).status_code == 200


SORTED_PRODUCT = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"


@pytest.mark.parametrize("lang, said", [
    ("en", "query stopped: it needed more than 64 MiB of memory (the memory limit)"),
    ("zh", "查询被终止：所需内存超过 64 MiB（内存上限）")])
def test_a_query_past_the_memory_limit_is_503_and_only_its_worker_is_replaced(
        store_dir: Path, lang: str, said: str) -> None:
    """The review's query: sorting the store's product with itself took a worker to 5 GB in its
    10 s. With a limit of 64 MiB it stops as soon as it has taken that, long before the time
    limit, as a query out of time does: 503, a fresh worker, the others untouched."""
    app = make_app(store_dir, BCIC_SPARQL_MEMORY_MIB=64, BCIC_SPARQL_TIMEOUT=30)
    try:
        service = query_service(app)
        service.runner.start()
        pids_before = service.runner.worker_pids()
        started = time.monotonic()
        answer = app.test_client().post(f"/sparql?lang={lang}", data={"query": SORTED_PRODUCT})
        assert time.monotonic() - started < 30
        assert answer.status_code == 503
        assert answer.get_json()["error"] == "QueryMemoryError"
        assert answer.get_json()["message"].startswith(said)
        pids_after = service.runner.worker_pids()
        replaced = [pid for pid in pids_before if pid not in pids_after]
        assert len(replaced) == 1 and None not in pids_after
        assert len(set(pids_before) & set(pids_after)) == len(pids_before) - 1
        with pytest.raises(ProcessLookupError):
            os.kill(replaced[0], 0)  # type: ignore[arg-type]
        assert count(app.test_client()) > 0
    finally:
        query_service(app).close()


def test_a_worker_out_of_memory_in_python_ends_as_one_out_of_memory_in_rust(
        store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """By SIGABRT, which the runner reads as the memory limit's doing."""
    def out_of_memory(*_args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(query_worker, "run_job", out_of_memory)

    def serve_one_job() -> None:
        faulthandler.disable()  # pytest's: it would print this child's end as a crash
        ours, theirs = multiprocessing.Pipe()
        ours.send(QueryJob("ASK {}", "JSON", 10))
        query_worker.serve(theirs, str(store_dir.parent / "snapshots"))

    with pytest.raises(WorkerError, match=r"killed by signal 6 \(Aborted\)"):
        run_in_child(serve_one_job, seconds=30)


def test_rows_beyond_the_limit_are_cut_and_flagged(store_dir: Path) -> None:
    app = make_app(store_dir, BCIC_SPARQL_ROW_LIMIT=50)
    try:
        client = app.test_client()
        cut = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert cut.status_code == 200
        assert cut.headers["X-BCIC-Truncated"] == "true"
        assert len(cut.get_json()["results"]["bindings"]) == 50
        exact = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 50"})
        assert "X-BCIC-Truncated" not in exact.headers
        graph = client.get("/sparql", query_string={"query": CONSTRUCT_TEA},
                           headers={"Accept": "application/n-triples"})
        assert graph.headers["X-BCIC-Truncated"] == "true"
        assert len(graph.get_data(as_text=True).splitlines()) == 50
        # The cartesian product streams: the row cap, not the clock, ends it.
        product = client.get("/sparql", query_string={
            "query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "format": "csv"})
        assert product.status_code == 200 and product.headers["X-BCIC-Truncated"] == "true"
    finally:
        query_service(app).close()


def test_a_query_slow_to_parse_is_stopped_while_another_query_still_answers(app: Flask) -> None:
    """rdflib's parse of a long IN list takes seconds: it runs in a child, under the time limit."""
    slow = "ASK { FILTER(?x IN (" + ",".join(str(n) for n in range(6000)) + ")) }"
    fresh = f"ASK {{ ?s ?p ?o }} # never sent before: {time.time_ns()}"  # parsed, not cached
    outcome, (quick, answered_first) = beside_a_slow_request(app, slow, fresh)

    assert quick.status_code == 200 and answered_first
    assert outcome["status"] == 400
    assert f"takes longer than {TIMEOUT:g} s to parse" in outcome["body"]["message"]
    assert TIMEOUT <= outcome["seconds"] < TIMEOUT + 3


def test_new_data_is_seen_after_the_snapshot_is_refreshed(tmp_path: Path) -> None:
    """Queries read the last snapshot: an ingest shows once refresh_snapshot has run."""
    live = OxigraphStore(tmp_path / "store")  # the writer, as `bcic store ingest` is
    app = create_app({"TESTING": True, "BCIC_STORE": str(tmp_path / "store"),
                      "BCIC_SNAPSHOT": str(tmp_path / "snapshots")})
    try:
        client = app.test_client()
        revisions = "SELECT ?r WHERE { ?r a <https://w3id.org/bcic/ontology#Revision> }"
        assert client.get("/sparql", query_string={"query": revisions}).status_code == 503
        info = ingest_files(live, [EXAMPLES_DIR / "meitan-tea.ttl"])
        refresh_snapshot(live, tmp_path / "snapshots")
        assert select(client, revisions) == [{"r": str(info.submission_graph)}]
    finally:
        query_service(app).close()
        live.close()


# --- the service description and CORS -------------------------------------------------------

def test_bare_get_answers_the_service_description(client: FlaskClient) -> None:
    response = client.get("/sparql")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    answer = graph.query(f"""PREFIX sd: <{SD}>
        SELECT ?endpoint ?language (COUNT(DISTINCT ?format) AS ?formats) ?comment WHERE {{
          ?service a sd:Service ; sd:endpoint ?endpoint ; sd:supportedLanguage ?language ;
                   sd:feature sd:UnionDefaultGraph ; sd:resultFormat ?format ;
                   sd:defaultDataset/sd:defaultGraph/<http://www.w3.org/2000/01/rdf-schema#comment>
                   ?comment FILTER(LANG(?comment) = "en") }} GROUP BY ?endpoint ?language ?comment""")
    rows = [tuple(row) for row in answer]  # type: ignore[arg-type]  # rdflib's union result type
    assert len(rows) == 1
    endpoint, language, formats, comment = rows[0]
    assert str(endpoint) == "http://localhost/sparql"
    assert str(language) == SD + "SPARQL11Query"
    assert int(str(formats)) == 8
    assert "union of all named graphs" in str(comment)


def test_the_service_description_names_every_kind_of_graph_in_zh_and_en(
        client: FlaskClient) -> None:
    """It said the default graph was the union of "rules, submissions, reports, provenance", in
    English only, and named no graph: the summary, actual-values and archive graphs went unsaid."""
    graph = Graph().parse(data=client.get("/sparql").get_data(as_text=True), format="turtle")
    sd, comment = Namespace(SD), RDFS.comment
    dataset = graph.value(graph.value(predicate=RDF.type, object=sd.Service), sd.defaultDataset)
    named = {str(graph.value(entry, sd.name)): {c.language for c in graph.objects(entry, comment)
                                                if isinstance(c, Literal)}
             for entry in graph.objects(dataset, sd.namedGraph)}
    root = "https://w3id.org/bcic/graph/"
    assert named == {root + name: {"zh", "en"} for name in (
        "rules/ontology", "rules/shapes", "rules/archive", "provenance", "summary")}
    per_revision = {c.language: str(c) for c in graph.objects(dataset, comment)
                    if isinstance(c, Literal)}
    for pattern in ("submission/{key}/{revision}", "report/{key}/{revision}",
                    "actual-values/{indicator}/{year}[/{unit}]"):
        assert root + pattern in per_revision["en"] and root + pattern in per_revision["zh"]
    default = {c.language: str(c) for c in graph.objects(graph.value(dataset, sd.defaultGraph),
                                                         comment) if isinstance(c, Literal)}
    assert "actual-values" in default["en"] and "默认图是全部命名图的并集" in default["zh"]
    service = graph.value(predicate=RDF.type, object=sd.Service)
    limits = {c.language for c in graph.objects(service, comment) if isinstance(c, Literal)}
    assert limits == {"zh", "en"}


@pytest.mark.parametrize("accept, location", [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "/sparql/editor"),
    ("text/html, */*", "/sparql/editor"),
    ("*/*", None),
    ("text/*", None),
    ("text/html;q=0.5, text/turtle;charset=utf-8", None),
], ids=["browser", "html-beside-wildcard", "curl", "any-text", "turtle-preferred"])
def test_a_browser_without_a_query_is_sent_to_the_editor(client: FlaskClient, accept: str,
                                                         location: str | None) -> None:
    response = client.get("/sparql", headers={"Accept": accept})
    if location is None:
        assert response.status_code == 200 and response.mimetype == "text/turtle"
    else:
        assert response.status_code == 303 and response.headers["Location"] == location


def test_cors_headers_on_answers_errors_and_preflight(client: FlaskClient) -> None:
    origin = {"Origin": "https://partner.example"}
    preflight = client.options("/sparql", headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"].split(", ")
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    answer = client.get("/sparql", query_string={"query": "ASK {}"}, headers=origin)
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-BCIC-Truncated" in answer.headers["Access-Control-Expose-Headers"]
    error = client.get("/sparql", query_string={"query": "nonsense"}, headers=origin)
    assert error.status_code == 400 and error.headers["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_only_the_endpoints_methods(client: FlaskClient) -> None:
    preflight = client.options("/sparql", headers={
        "Origin": "https://partner.example", "Access-Control-Request-Method": "DELETE"})
    allowed = preflight.headers["Access-Control-Allow-Methods"].split(", ")
    assert sorted(allowed) == ["GET", "HEAD", "OPTIONS", "POST"]
    assert client.delete("/sparql").status_code == 405


def test_preflight_allows_the_request_headers_it_asks_for(client: FlaskClient) -> None:
    preflight = client.options("/sparql", headers={
        "Origin": "https://partner.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-requested-with, accept"})
    allowed = {h.strip().lower()
               for h in preflight.headers["Access-Control-Allow-Headers"].split(",")}
    assert allowed == {"x-requested-with", "accept"}
    assert "Access-Control-Request-Headers" in preflight.headers["Vary"]


def test_errors_are_json_without_a_stack_trace(client: FlaskClient) -> None:
    response = client.put("/sparql")
    assert response.status_code == 405
    assert response.get_json()["error"] == "MethodNotAllowed"
    assert "Traceback" not in response.get_data(as_text=True)
    assert client.get("/nowhere").get_json()["status"] == 404


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_a_method_the_endpoint_lacks_is_a_405_that_varies_with_accept(
        client: FlaskClient, method: str) -> None:
    """The 405 matches no endpoint of the app: it said `Vary: Accept-Language, Cookie` only, while
    every answer of /sparql, errors included, depends on Accept."""
    response = client.open("/sparql", method=method)
    assert response.status_code == 405
    assert "Accept" in {field.strip() for field in response.headers["Vary"].split(",")}


# --- real clients against a real server -----------------------------------------------------

@pytest.fixture(scope="module")
def server_url(store_dir: Path) -> Iterator[str]:
    """The app under waitress in its own process on a free loopback port, configured by env."""
    env = {**os.environ, "BCIC_STORE": str(store_dir),
           "BCIC_SNAPSHOT": str(store_dir.parent / "snapshots"), "BCIC_SPARQL_TIMEOUT": "5"}
    with waitress_app(env, threads=4) as url:
        yield url + "/sparql"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper_select_ask_and_construct_against_waitress(
        server_url: str, triple_counts: dict[str, int]) -> None:
    client = SPARQLWrapper(server_url)
    client.setReturnFormat(JSON)
    client.setQuery(COUNT_ALL)
    result = client.queryAndConvert()
    assert isinstance(result, dict)
    assert int(result["results"]["bindings"][0]["n"]["value"]) == sum(triple_counts.values())
    client.setQuery("ASK { ?s ?p ?o }")
    client.setMethod("POST")
    answer = client.queryAndConvert()
    assert isinstance(answer, dict) and answer["boolean"] is True

    construct = SPARQLWrapper(server_url)
    construct.setQuery(CONSTRUCT_TEA)
    construct.setReturnFormat(TURTLE)
    turtle = construct.queryAndConvert()
    assert isinstance(turtle, bytes)
    assert len(Graph().parse(data=turtle, format="turtle")) == triple_counts["meitan-tea"]
    construct.setReturnFormat(XML)  # SPARQLWrapper's default for graphs: RDF/XML into a Graph
    graph = construct.queryAndConvert()
    assert isinstance(graph, Graph) and len(graph) == triple_counts["meitan-tea"]


def test_curl_gets_csv_from_waitress(server_url: str) -> None:
    curl = shutil.which("curl")
    if curl is None:
        pytest.fail("curl is not installed: run `make system-packages`")
    done = subprocess.run(
        [curl, "-s", "-S", "-G", "-H", "Accept: text/csv", "-D", "-", server_url,
         "--data-urlencode", f"query={SELECT_LABELS}"],
        capture_output=True, text=True, timeout=30, check=True)
    headers, _, body = done.stdout.replace("\r\n", "\n").partition("\n\n")
    assert headers.startswith("HTTP/1.1 200")
    assert "content-type: text/csv; charset=utf-8" in headers.lower()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["s", "label"] and len(rows) == 8


# Apache Jena's SPARQL client, arq.rsparql, from Debian's libapache-jena-java (`make system-packages`).
# Debian ships the jars without launcher scripts, so the test builds the class path itself: the
# jars of Jena and of its dependencies, one SLF4J binding (all of /usr/share/java holds several,
# and SLF4J refuses to start with two), and the XML Schema message files that Debian's build left
# under their pre-relocation package (Jena fails to initialise its datatypes without them).
JAVA_DIR = Path("/usr/share/java")
JENA_JARS = (
    "jena-base", "jena-core", "jena-arq", "jena-iri", "jena-cmds", "jena-rdfconnection",
    "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage", "jena-dboe-trans-data",
    "jena-dboe-transaction", "jena-tdb", "jena-tdb2", "jena-shacl", "jena-shex", "commons-cli",
    "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "jackson-core", "jackson-databind", "jackson-annotations",
    "jsonld-java", "jakarta.json-api", "titanium-json-ld", "protobuf", "thrift", "slf4j-api",
    "slf4j-nop", "httpclient", "httpcore",
)


def jena_classpath(work: Path) -> str:
    """The class path that runs Jena's command-line tools from Debian's jars."""
    jars = [JAVA_DIR / f"{name}.jar" for name in JENA_JARS]
    if shutil.which("java") is None or not all(jar.exists() for jar in jars):
        pytest.fail("Apache Jena is not installed: run `make system-packages`")
    resources = work / "jena-resources"
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and not name.endswith(".class"):
                target = resources / name.removeprefix("org/apache/jena/ext/")
                target.parent.mkdir(parents=True, exist_ok=True)
                if not name.endswith("/"):
                    target.write_bytes(jar.read(name))
    return os.pathsep.join([*map(str, jars), str(resources)])


def test_jena_rsparql_queries_waitress(server_url: str, tmp_path: Path,
                                       triple_counts: dict[str, int]) -> None:
    classpath = jena_classpath(tmp_path)

    def rsparql(query: str, results: str) -> str:
        done = subprocess.run(
            ["java", "-cp", classpath, "arq.rsparql", "--service", server_url,
             "--query", _write(tmp_path / "q.rq", query), f"--results={results}"],
            capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    table = rsparql(COUNT_ALL, "CSV")
    assert table.splitlines() == ["n", str(sum(triple_counts.values()))]
    assert rsparql("ASK { ?s ?p ?o }", "JSON").strip().endswith("}")
    assert '"boolean" : true' in rsparql("ASK { ?s ?p ?o }", "JSON")
    ntriples = rsparql(CONSTRUCT_TEA, "N-Triples")
    assert len([line for line in ntriples.splitlines() if line.strip()]) == (
        triple_counts["meitan-tea"])


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)
