"""The service description of /sparql (checker/service_description.py) against the store as it
is: every graph a store holds once a revision is judged is named there (`sd:namedGraph`) or
matches an IRI pattern it states, in zh and en, and every fact of the summary graph is named."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from urllib.parse import quote

import pytest
from flask import Flask
from rdflib import RDF, RDFS, Graph, Literal, Namespace

from checker.ingest import ingest_files, publish_for_queries
from checker.judging import judge
from checker.paths import EXAMPLES_DIR
from checker.report_reader import read_report
from checker.store import open_configured_store
from checker.store.base import GRAPH_ROOT, SUMMARY_GRAPH

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
BCIC = "https://w3id.org/bcic/ontology#"
_PLACE = re.compile(r"\\\{[a-z]+\\\}")  # {key}, {revision}, {indicator} … once escaped


@pytest.fixture(scope="module")
def judged_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app over a store of the Dehua sample with one provision judged met and one not met
    (9.4.1 judgements, docs/model.md decision 20), and its snapshot published; its query
    workers stopped afterwards."""
    from web import create_app, query_service

    folder = tmp_path_factory.mktemp("judged")
    store = open_configured_store(str(folder / "store"))
    try:
        info = ingest_files(store, [EXAMPLES_DIR / "dehua-ceramics.ttl"], submitter="tests")
        awaiting = [o.requirement.id for o in
                    read_report(store, info.cluster, 1).awaiting_judgement()]
        when = datetime(2025, 3, 4, 10, 0, tzinfo=timezone.utc)
        judge(store, info.cluster, 1, awaiting[0], met=True, by="评价员甲", now=when)
        judge(store, info.cluster, 1, awaiting[1], met=False, note="现场未见记录", by="评价员甲",
              now=when)
        publish_for_queries(store)
    finally:
        store.close()
    app = create_app({"TESTING": True, "BCIC_STORE": str(folder / "store"),
                      "SECRET_KEY": "tests", "BCIC_TOKENS": str(folder / "tokens.json")})
    yield app
    query_service(app).close()


def _description(app: Flask) -> Graph:
    return Graph().parse(data=app.test_client().get("/sparql").get_data(as_text=True),
                         format="turtle")


def _select(app: Flask, query: str) -> list[str]:
    answer = app.test_client().get(f"/sparql?query={quote(query)}",
                                   headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return [next(iter(b.values()))["value"] for b in answer.get_json()["results"]["bindings"]]


def _comments(graph: Graph, subject: object) -> dict[str, str]:
    return {c.language: str(c) for c in graph.objects(subject, RDFS.comment)  # type: ignore[arg-type]
            if isinstance(c, Literal) and c.language}


def test_every_graph_of_a_judged_store_is_named_or_matches_a_stated_pattern(
        judged_app: Flask) -> None:
    """The judgements graph (…/judgements/{key}/{revision}) was in the union default graph but
    in neither the named graphs nor the patterns: a partner reading the provenance's
    bcic:conforms had no word that a judgement overrides it."""
    graph = _description(judged_app)
    dataset = graph.value(graph.value(predicate=RDF.type, object=SD.Service), SD.defaultDataset)
    named = {str(graph.value(entry, SD.name)) for entry in graph.objects(dataset, SD.namedGraph)}
    said = _comments(graph, dataset)
    patterns = {lang: [re.compile(_PLACE.sub("[^/]+", re.escape(found)).replace(
                    r"\[/[^/]+\]", "(/[^/]+)?") + "$")
                    for found in re.findall(re.escape(GRAPH_ROOT) + r"[a-z/{}\[\]-]+", text)]
                for lang, text in said.items()}
    present = _select(judged_app, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert any("/judgements/" in g for g in present)
    for lang in ("en", "zh"):
        unsaid = [g for g in present
                  if g not in named and not any(p.match(g) for p in patterns[lang])]
        assert not unsaid, (lang, unsaid)


def test_the_judgements_graph_is_said_to_hold_earl_assertions_that_override_the_verdict(
        judged_app: Flask) -> None:
    graph = _description(judged_app)
    said = _comments(graph, graph.value(graph.value(predicate=RDF.type, object=SD.Service),
                                        SD.defaultDataset))
    assert "EARL" in said["en"] and "EARL" in said["zh"]
    assert "overrides" in said["en"] and "clusters-by-conformance" in said["en"]
    assert "取代" in said["zh"] and "clusters-by-conformance" in said["zh"]


def test_every_fact_of_the_summary_graph_is_named_in_its_comment(judged_app: Flask) -> None:
    """The summary's judged facts (bcic:judgedMet, bcic:judgedNotMet) went unsaid: a partner
    counting bcic:metCount took the stored rate for the current one."""
    graph = _description(judged_app)
    [entry] = [e for e in graph.subjects(SD.name, None) if str(graph.value(e, SD.name))
               == str(SUMMARY_GRAPH)]
    said = _comments(graph, entry)
    facts = _select(judged_app, f"SELECT DISTINCT ?p WHERE {{ GRAPH <{SUMMARY_GRAPH}> "
                                f"{{ ?s ?p ?o }} }}")
    ours = {"bcic:" + p.removeprefix(BCIC) for p in facts if p.startswith(BCIC)}
    assert {"bcic:judgedMet", "bcic:judgedNotMet"} <= ours
    for lang in ("en", "zh"):
        assert [p for p in sorted(ours) if p not in said[lang]] == [], lang
