"""A store whose summary graph another version of bcic wrote (docs/store.md, "The summary graph")
gives no answer that reads it until `bcic reindex`: the named-query API and `/api/benchmark`
answer 503 with a Retry-After, `bcic queries run` exits 4, and the pages built on it say so
above their figures; queries that read no summary answer as ever (web/README.md, "Named queries
on a store that needs `bcic reindex`")."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result
from flask import Flask
from rdflib import URIRef

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.queries import list_queries, reads_summary
from checker.store.guard import inspect_query
from checker.store.base import SUMMARY_GRAPH, cluster_key
from checker.store.summary import ACTUAL_VALUES_ROOT, SUMMARY_VERSION
from web import data

DEHUA = "https://example.org/cluster/dehua/cluster"
DATANG = "https://example.org/cluster/datang/cluster"
SAMPLES = ("dehua-ceramics", "datang-socks", "meitan-tea")
MakeApp = Callable[..., Flask]


def _bcic(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the three samples and a summary of this version."""
    path = tmp_path_factory.mktemp("summary") / "store"
    for name in SAMPLES:
        result = _bcic("ingest", str(EXAMPLES_DIR / f"{name}.ttl"), "--store", str(path))
        assert result.exit_code == 0, result.output
    return path


def _copy(store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    return copy


def _written_by_version(store: Path, version: str) -> None:
    """Mark the store's summary as another version of bcic left it (its facts as they are)."""
    live = pyoxigraph.Store(str(store))
    live.update(f"""DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}>
                    <https://w3id.org/bcic/ontology#summaryVersion> ?v }} }} ;
                    INSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}>
                    <https://w3id.org/bcic/ontology#summaryVersion> "{version}" }} }}""")
    live.flush()
    del live


@pytest.fixture
def outdated(current: Path, tmp_path: Path) -> Path:
    """The same store as one whose summary version 3 wrote (so the snapshot is made anew)."""
    store = _copy(current, tmp_path)
    _written_by_version(store, "3")
    return store


def _params(name: str) -> dict[str, str]:
    """Values for a named query's required parameters (the Dehua sample's cluster), and Datang
    as the benchmark: Dehua's declared one has no submission of its own."""
    [query] = [q for q in list_queries() if q.name == name]
    values = {p.name: DEHUA for p in query.params if p.required}
    return values | ({"benchmark": DATANG} if name == "indicators-vs-benchmark" else {})


def test_a_named_query_reading_the_summary_answers_503_saying_to_run_reindex(
        outdated: Path, make_web_app: MakeApp) -> None:
    client = make_web_app(outdated).test_client()
    for lang, said in (("en", "the named query clusters-by-conformance reads the store's summary "
                              "graph, which another version of bcic wrote: until `bcic reindex` "
                              "is run on the store, its answer would miss rows or be wrong"),
                       ("zh", "命名查询 clusters-by-conformance 读取存储的摘要图，而该图由另一版本的 "
                              "bcic 写入：在对该存储运行 `bcic reindex` 之前，其结果会缺行或有误")):
        answer = client.get(f"/api/queries/clusters-by-conformance?lang={lang}")
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "300"
        body = answer.get_json()
        assert body["error"] == "SummaryOutdatedError" and said in body["message"]
        assert "rows" not in body and str(outdated) not in answer.get_data(as_text=True)


def test_a_named_query_reading_no_summary_answers_as_ever(
        outdated: Path, make_web_app: MakeApp) -> None:
    answer = make_web_app(outdated).test_client().get(
        "/api/queries/indicators-vs-targets", query_string={"cluster": DEHUA, "year": "2024"})
    assert answer.status_code == 200 and len(answer.get_json()["rows"]) == 30
    assert "Retry-After" not in answer.headers


def test_a_bad_parameter_is_refused_as_such_before_the_summary_is_looked_at(
        outdated: Path, make_web_app: MakeApp) -> None:
    answer = make_web_app(outdated).test_client().get(
        "/api/queries/indicators-vs-benchmark", query_string={"cluster": "not an iri"})
    assert answer.status_code == 400


def test_the_summary_is_asked_once_per_snapshot_and_again_after_reindex(
        outdated: Path, make_web_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    real = data.needs_reindex
    monkeypatch.setattr(data, "needs_reindex", lambda store: asked.append(store) or real(store))
    client = make_web_app(outdated).test_client()
    for _ in range(3):
        assert client.get("/api/queries/most-violated-clauses").status_code == 503
    assert client.get("/").status_code == 200
    assert len(asked) == 1  # by the first request; cached for the snapshot since
    assert _bcic("reindex", "--store", str(outdated)).exit_code == 0  # publishes a snapshot
    answer = client.get("/api/queries/most-violated-clauses")
    assert answer.status_code == 200 and answer.get_json()["rows"]
    assert len(asked) == 2


def test_the_benchmark_api_refuses_while_its_comparisons_read_an_outdated_summary(
        outdated: Path, make_web_app: MakeApp) -> None:
    answer = make_web_app(outdated).test_client().get(
        "/api/benchmark", query_string={"cluster": ["a" * 16]})
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "300"
    assert ("the named queries indicators-vs-benchmark, indicators-vs-competitors read the "
            "store's summary graph") in answer.get_json()["message"]


@pytest.mark.parametrize("page", ["/", "/benchmark", f"/clusters/{cluster_key(URIRef(DEHUA))}"])
def test_pages_built_on_the_summary_say_it_needs_a_reindex(
        page: str, outdated: Path, current: Path, make_web_app: MakeApp) -> None:
    for lang, said in (("en", "until the operator runs <code>bcic reindex</code>, what this page "
                              "reads from it"),
                       ("zh", "在运维人员运行 <code>bcic reindex</code> 之前，本页据其显示的内容")):
        html = make_web_app(outdated).test_client().get(f"{page}?lang={lang}").get_data(
            as_text=True)
        assert 'id="needs-reindex"' in html and said in html
    html = make_web_app(current).test_client().get(page).get_data(as_text=True)
    assert 'id="needs-reindex"' not in html and "Dehua" in html


def test_queries_run_refuses_a_query_reading_an_outdated_summary_with_exit_4(
        outdated: Path) -> None:
    result = _bcic("queries", "run", "most-violated-clauses", "--store", str(outdated),
                   "--format", "json")
    assert result.exit_code == 4
    assert result.stdout == ""
    assert ("Error: the named query most-violated-clauses reads the store's summary graph, which "
            "another version of bcic wrote: until `bcic reindex` is run") in result.stderr
    answered = _bcic("queries", "run", "indicators-vs-history", "--param", f"cluster={DEHUA}",
                     "--store", str(outdated), "--format", "json")
    assert answered.exit_code == 0 and json.loads(answered.stdout)["results"]["bindings"]


def test_a_summary_of_this_version_is_not_refused(current: Path) -> None:
    result = _bcic("queries", "run", "most-violated-clauses", "--store", str(current))
    assert result.exit_code == 0 and "req:" in result.stdout


def test_the_queries_said_to_read_the_summary_are_those_whose_answers_need_it(
        current: Path, tmp_path: Path) -> None:
    """Every named query's answer, with the summary graphs and without: those that change are
    the ones `reads_summary` names. It names one more: the samples state no figure of a
    competitor that has a submission of its own, whose names the summary would give."""
    def answers(store: Path) -> dict[str, object]:
        found = {}
        for query in list_queries():
            params = [f"--param={k}={v}" for k, v in _params(query.name).items()]
            result = _bcic("queries", "run", query.name, *params, "--store", str(store),
                           "--format", "json")
            assert result.exit_code == 0, result.output
            found[query.name] = json.loads(result.stdout)["results"]["bindings"]
        return found
    with_summary = answers(current)
    store = _copy(current, tmp_path)
    live = pyoxigraph.Store(str(store))
    for graph in list(live.named_graphs()):
        if graph.value == str(SUMMARY_GRAPH) or graph.value.startswith(ACTUAL_VALUES_ROOT):
            live.remove_graph(graph)
    live.update(f'INSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> '
                f'<https://w3id.org/bcic/ontology#summaryVersion> "{SUMMARY_VERSION}" }} }}')
    live.flush()
    del live
    without = answers(store)  # said current: answered, rows missing
    changed = {name for name in with_summary if with_summary[name] != without[name]}
    said = {q.name for q in list_queries() if reads_summary(q.name)}
    assert changed == said - {"indicators-vs-competitors"}
    assert with_summary["indicators-vs-competitors"] == []
    assert {"indicators-vs-targets", "indicators-vs-history"}.isdisjoint(changed)


@pytest.mark.parametrize("name", [q.name for q in list_queries() if q.variants])
def test_an_engines_text_reads_the_summary_graphs_as_the_standard_text_does(name: str) -> None:
    [query] = [q for q in list_queries() if q.name == name]

    def summary_graphs(text: str) -> set[str]:
        return {iri for iri in inspect_query(text).iris
                if iri == str(SUMMARY_GRAPH) or iri.startswith(ACTUAL_VALUES_ROOT)}
    for variant in query.variants.values():
        assert summary_graphs(variant) == summary_graphs(query.text)
