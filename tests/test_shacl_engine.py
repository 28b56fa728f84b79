"""The warm SHACL engine gives exactly what a plain pyshacl.validate call gives, in any number of
processes, and fails cleanly when a worker process does."""

from __future__ import annotations

import os
import signal
import time
import tomllib
from collections import Counter
from functools import partial
from importlib.metadata import version

import pyshacl
import pytest
from packaging.requirements import Requirement
from rdflib import RDF, BNode, Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.namespace import SH

from checker import shacl
from checker.forking import run_forked, run_in_child
from checker.memory_limit import MIB
from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.rulebook import load_rulebook
from checker.namespaces import BCIC
from checker.shacl import (ShaclResult, ShapeEngine, ValidationEngineError, ValidationStalledError,
                           _deal, _read_results)
from checker.shacl_warm import as_data_graph, focus_work, run_work
from checker.synthetic import generate_cluster

RULEBOOK = load_rulebook()
SAMPLES = sorted(p.name for p in EXAMPLES_DIR.glob("*.ttl"))
MEITAN = Namespace("https://example.org/cluster/meitan/")


def _merged(data: Graph) -> Graph:
    merged = Graph()
    merged += data
    merged += RULEBOOK.support_graph
    return merged


def _everything(results: list[ShaclResult]) -> Counter[tuple[object, ...]]:
    """Every field of every result, counted (a result found twice must show twice)."""
    return Counter((r.source_shape, r.focus_node, r.path, r.value, r.severity,
                    tuple(sorted(r.messages.items())), r.constraint) for r in results)


def _plain(data: Graph) -> Counter[tuple[object, ...]]:
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=RULEBOOK.shapes_graph,
                                                inference="none")
    return _everything(_read_results(report))


@pytest.fixture(scope="module")
def gappy_cluster() -> Graph:
    """A generated cluster with many gaps, so that many shapes report results."""
    return generate_cluster(members=60, years=3, seed=7, gaps=0.4)


@pytest.mark.parametrize("processes", [1, 2, 3])
@pytest.mark.parametrize("name", SAMPLES)
def test_engine_reports_what_a_plain_pyshacl_call_reports_on_the_samples(
        name: str, processes: int) -> None:
    data = Graph().parse(EXAMPLES_DIR / name)
    found = _everything(RULEBOOK.engine.run(data, processes=processes))
    assert found == _plain(_merged(data))


@pytest.mark.parametrize("processes", [1, 2])
def test_engine_reports_what_a_plain_pyshacl_call_reports_on_a_cluster_with_gaps(
        gappy_cluster: Graph, processes: int) -> None:
    found = _everything(RULEBOOK.engine.run(gappy_cluster, processes=processes))
    assert len(found) > 40 and found == _plain(_merged(gappy_cluster))


@pytest.mark.filterwarnings("ignore:Warning, A Recursive Shape")
def test_engine_reports_nested_and_recursive_shapes_as_pyshacl_does() -> None:
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/t#> .
        ex:Person a sh:NodeShape ; sh:targetClass ex:Person ;
            sh:property [ sh:path ex:knows ; sh:node ex:Person ; sh:minCount 1 ] ;
            sh:property [ sh:path ( ex:address ex:city ) ; sh:minCount 1 ; sh:maxCount 1 ] .
    """, format="turtle")
    data = Graph().parse(data="""
        @prefix ex: <https://example.org/t#> .
        ex:a a ex:Person ; ex:knows ex:b ; ex:address [ ex:city "X" ] .
        ex:b a ex:Person ; ex:knows ex:a .
        ex:c a ex:Person ; ex:knows ex:d ; ex:address [ ex:city "Y", "Z" ] .
        ex:d ex:knows ex:a .
    """, format="turtle")
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    for processes in (1, 2):
        found = _everything(ShapeEngine(shapes, Graph()).run(data, processes=processes))
        assert found and found == _everything(_read_results(report))


def test_engine_reports_beneath_logical_and_qualified_shapes_as_pyshacl_does() -> None:
    """The engine makes no full result beneath sh:or, sh:and, sh:not, sh:xone and
    sh:qualifiedValueShape, which keep only whether a value conforms; what it reports, sh:node's
    nested details included, stays what pyshacl reports."""
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/t#> .
        ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:datatype
            <http://www.w3.org/2001/XMLSchema#string> ] .
        ex:Dated a sh:NodeShape ; sh:property [ sh:path ex:date ; sh:minCount 1 ] .
        ex:Thing a sh:NodeShape ; sh:targetClass ex:Thing ;
            sh:or ( ex:Named ex:Dated ) ;
            sh:not [ sh:property [ sh:path ex:banned ; sh:minCount 1 ; sh:node ex:Named ] ] ;
            sh:xone ( [ sh:node ex:Named ] [ sh:property [ sh:path ex:code ; sh:minCount 1 ] ] ) ;
            sh:and ( [ sh:node ex:Dated ] [ sh:or ( ex:Named [ sh:class ex:Kind ] ) ] ) ;
            sh:property [ sh:path ex:part ; sh:node ex:Named ] ;
            sh:property [ sh:path ex:part ; sh:qualifiedValueShape [ sh:node ex:Named ;
                sh:or ( ex:Dated [ sh:property [ sh:path ex:code ; sh:maxCount 1 ] ] ) ] ;
                sh:qualifiedMinCount 2 ] .
    """, format="turtle")
    data = Graph().parse(data="""
        @prefix ex: <https://example.org/t#> .
        ex:a a ex:Thing ; ex:name "A" ; ex:date "2024" ; ex:part ex:p1 , ex:p2 .
        ex:b a ex:Thing ; ex:name 7 ; ex:code 1 , 2 ; ex:banned ex:p1 ; ex:part ex:p3 .
        ex:c a ex:Thing , ex:Kind ; ex:banned ex:p3 ; ex:part ex:p1 , ex:p3 .
        ex:d a ex:Thing .
        ex:p1 ex:name "one" ; ex:date "2023" .
        ex:p2 ex:name "two" ; ex:code 3 .
        ex:p3 ex:code 4 , 5 .
    """, format="turtle")
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    expected = _everything(_read_results(report))
    for processes in (1, 2):
        found = _everything(ShapeEngine(shapes, Graph()).run(data, processes=processes))
        assert len(found) > 8 and found == expected


def test_every_focus_node_is_dealt_to_exactly_one_process_and_shares_stay_even() -> None:
    work = [("big", list(range(101))), ("single-1", ["x"]), ("single-2", ["y"]),
            ("pair", ["p", "q"])]
    hands = _deal(work, 2)  # type: ignore[arg-type]
    dealt = [(shape, node) for hand in hands for shape, nodes in hand for node in nodes]
    assert sorted(dealt, key=str) == sorted(((s, n) for s, ns in work for n in ns), key=str)
    per_shape = [{shape: len(nodes) for shape, nodes in hand} for hand in hands]
    assert abs(per_shape[0]["big"] - per_shape[1]["big"]) <= 1
    assert ("single-1" in per_shape[0]) != ("single-2" in per_shape[0])  # one in each process


@pytest.mark.parametrize("processes", [1, 2])
def test_validation_leaves_the_submission_graph_as_it_was(processes: int) -> None:
    data = Graph().parse(EXAMPLES_DIR / "datang-socks.ttl")
    before = set(data)
    assert RULEBOOK.engine.run(data, processes=processes) and set(data) == before


def test_a_worker_process_that_dies_is_a_clear_engine_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    results = ShapeEngine._results

    def die_in_the_child(self: ShapeEngine, *args: object) -> list[ShaclResult]:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return results(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ShapeEngine, "_results", die_in_the_child)
    data = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")
    before = set(data)
    with pytest.raises(ValidationEngineError, match="died: killed by signal 9"):
        RULEBOOK.engine.run(data, processes=2)
    assert set(data) == before


@pytest.mark.parametrize(("where", "raised"), [("here", "MemoryError"),
                                               ("in a worker", "WorkerMemoryError")])
def test_running_out_of_memory_is_no_engine_error(monkeypatch: pytest.MonkeyPatch, where: str,
                                                  raised: str) -> None:
    """Under a memory limit (a web upload's validation, in a child), running out reaches the
    caller as itself, which tells the limit, and not as a failure of the engine."""
    parent = os.getpid()

    def hold_more_and_more(self: ShapeEngine, *args: object) -> list[ShaclResult]:
        if where == "here" or os.getpid() != parent:
            held = []
            while True:
                held.append(bytearray(MIB))
        return []

    monkeypatch.setattr(ShapeEngine, "_results", hold_more_and_more)
    data = Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl")

    def what_the_engine_raises() -> str:
        nonlocal parent
        parent = os.getpid()  # in the child: the processes it forks are the engine's workers
        try:
            RULEBOOK.engine.run(data, processes=2)
        except Exception as error:  # noqa: BLE001 -- its class is the answer
            return type(error).__name__
        return "nothing"

    assert run_in_child(what_the_engine_raises, seconds=60, memory=64 * MIB) == raised


def test_installed_pyshacl_is_the_series_the_warm_engine_was_checked_against() -> None:
    """checker/shacl_warm.py leans on pyshacl internals: pyproject.toml pins the series."""
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pinned = next(Requirement(d) for d in project["project"]["dependencies"]
                  if d.startswith("pyshacl"))
    assert version("pyshacl") in pinned.specifier
    assert not pinned.specifier.contains("0.41.0") and not pinned.specifier.contains("0.39.0")


def _with_a_long_list(items: int) -> tuple[Graph, BNode]:
    """meitan-tea with one more year of an observation: an RDF list of `items` ones (a value the
    fuzz tester found took pyshacl's report minutes to copy, item by item from the list's head)."""
    data = Graph().parse(EXAMPLES_DIR / "meitan-tea.ttl")
    head = BNode()
    Collection(data, head, [Literal(1)] * items)
    data.add((MEITAN["obs-ExportRate-2024-actual"], BCIC.refYear, head))
    return data, head


def test_a_long_rdf_list_value_is_reported_as_an_ill_typed_year_in_about_the_samples_time() -> None:
    data, head = _with_a_long_list(4000)
    started = time.monotonic()
    results = RULEBOOK.engine.run(data, processes=1)
    assert time.monotonic() - started < 30  # 0.2 s more than the sample here; minutes before
    assert any(r.value == head and r.path == "bcic:refYear" and r.constraint ==
               "DatatypeConstraintComponent" for r in results)


def test_the_engines_report_names_a_value_node_without_copying_the_data_below_it() -> None:
    """The value node's triples (the list) are not read from the report, only the node."""
    data, head = _with_a_long_list(3)
    shapes = RULEBOOK.engine._shapes
    data_graph = as_data_graph(data)
    report = run_work(shapes, data_graph, focus_work(shapes, data_graph))
    assert (None, SH.value, head) in report
    assert (head, None, None) not in report and (None, RDF.first, Literal(1)) not in report


def test_a_worker_past_its_time_is_an_out_of_time_error_not_an_internal_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    results = ShapeEngine._results

    def hang_in_the_child(self: ShapeEngine, *args: object) -> list[ShaclResult]:
        if os.getpid() != parent:
            time.sleep(60)
        return results(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ShapeEngine, "_results", hang_in_the_child)
    monkeypatch.setattr(shacl, "run_forked", partial(run_forked, patience=0, min_wait=0.5))
    with pytest.raises(ValidationStalledError) as stopped:
        RULEBOOK.engine.run(Graph().parse(EXAMPLES_DIR / "dehua-ceramics.ttl"), processes=2)
    assert stopped.value.exit_code == 4 and stopped.value.http_status == 503
    assert stopped.value.message.startswith("the validation did not finish in time: a worker "
                                            "process (pid ")
    assert "验证未能按时完成：工作进程（pid " in stopped.value.text("zh")
