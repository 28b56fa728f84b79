"""`bcic benchmark`: stored clusters side by side on 9.1.4 indicators (checker/cli_benchmark.py)."""

from __future__ import annotations

import json
from urllib.parse import quote
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Namespace, URIRef

from checker.cli import main
from checker.paths import EXAMPLES_DIR, INDICATORS_FILE
from checker.store.base import cluster_key

BCIC = Namespace("https://w3id.org/bcic/ontology#")
SKOS_NOTATION = URIRef("http://www.w3.org/2004/02/skos/core#notation")
DEHUA = "https://example.org/cluster/dehua/cluster"
DATANG = "https://example.org/cluster/datang/cluster"


def actual(file: str, cluster: str, code: str, year: int) -> Decimal | None:
    """An actual value read from a sample file with rdflib."""
    scheme = Graph().parse(INDICATORS_FILE)
    indicator = next(s for s, o in scheme.subject_objects(SKOS_NOTATION) if str(o) == code)
    graph = Graph().parse(EXAMPLES_DIR / file)
    for obs in graph.subjects(BCIC.indicator, indicator):
        if (graph.value(obs, BCIC.refCluster) == URIRef(cluster)
                and graph.value(obs, BCIC.valueKind) == BCIC.ActualValue
                and int(str(graph.value(obs, BCIC.refYear))) == year):
            return Decimal(str(graph.value(obs, BCIC.observedValue)))
    return None


@pytest.mark.parametrize(("lang", "heading"), [("en", "Indicator"), ("zh", "指标")])
def test_the_table_shows_each_clusters_value_and_score(runner: CliRunner, sample_store: Path,
                                                      lang: str, heading: str) -> None:
    result = runner.invoke(main, ["benchmark", DEHUA, DATANG, "--indicator", "b.1.1",
                                  "--year", "2023", "--store", str(sample_store), "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith(heading) and "2023" in lines[0]
    row = next(line for line in lines if line.startswith("b.1.1"))
    dehua = actual("dehua-ceramics.ttl", DEHUA, "b.1.1", 2023)
    datang = actual("datang-socks.ttl", DATANG, "b.1.1", 2023)
    assert dehua is not None and datang is not None
    best = max(dehua, datang)
    for value in (dehua, datang):
        assert f"{value.normalize():f}" in row and f"({float(value / best * 100):.1f})" in row


def test_json_output_is_the_api_document(runner: CliRunner, sample_store: Path) -> None:
    result = runner.invoke(main, ["benchmark", DATANG, "--group", "a.2", "--format", "json",
                                  "--store", str(sample_store)])
    document = json.loads(result.output)
    assert document["year"] == 2024
    assert [i["code"] for i in document["indicators"]] == ["a.2.1", "a.2.2", "a.2.3"]
    for item in document["indicators"]:
        expected = actual("datang-socks.ttl", DATANG, item["code"], 2024)
        assert item["values"][DATANG] == float(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(("args", "text"), [
    ([DEHUA, "--indicator", "z.1"], "z.1"),
    ([DEHUA, "--group", "q"], "q"),
    (["https://example.org/nowhere"], "https://example.org/nowhere"),
    (["not an iri"], "not an iri"),
])
def test_bad_input_exits_2_and_says_what(runner: CliRunner, sample_store: Path,
                                         args: list[str], text: str) -> None:
    result = runner.invoke(main, ["benchmark", *args, "--store", str(sample_store)])
    assert result.exit_code == 2 and text in result.output


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"{DEHUA} is named twice, and a cluster cannot be its own benchmark (9.3.2 c)"),
    ("zh", f"{DEHUA} 被指定了两次，产业集群不能作为自己的标杆（9.3.2 c)")])
def test_a_cluster_named_twice_is_refused_not_compared_with_itself(
        runner: CliRunner, sample_store: Path, lang: str, said: str) -> None:
    """`bcic benchmark X X` showed two columns of one cluster, every score 100."""
    result = runner.invoke(main, ["benchmark", DEHUA, DATANG, DEHUA, "--store", str(sample_store),
                                  "--lang", lang])
    assert result.exit_code == 2 and said in result.output


def test_clusters_are_taken_by_key_in_either_case_as_the_web_takes_them(
        runner: CliRunner, sample_store: Path) -> None:
    """9.3.2 c): `bcic benchmark` reads a cluster as `/api/benchmark?cluster=` does."""
    by_iri = runner.invoke(main, ["benchmark", DEHUA, DATANG, "--format", "json",
                                  "--store", str(sample_store)])
    by_key = runner.invoke(main, ["benchmark", cluster_key(URIRef(DEHUA)).upper(),
                                  cluster_key(URIRef(DATANG)), "--format", "json",
                                  "--store", str(sample_store)])
    assert by_key.exit_code == 0, by_key.output
    assert json.loads(by_key.output) == json.loads(by_iri.output)


def test_a_cluster_by_its_key_and_its_iri_is_named_twice(runner: CliRunner,
                                                         sample_store: Path) -> None:
    result = runner.invoke(main, ["benchmark", DEHUA, cluster_key(URIRef(DEHUA)),
                                  "--store", str(sample_store)])
    assert result.exit_code == 2 and "9.3.2 c)" in result.output


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "is not a stored cluster (see `bcic clusters`); the nearest known: "),
    ("zh", "不是已存储的产业集群（见 `bcic clusters`）；最接近的已知产业集群：")])
@pytest.mark.parametrize(("given", "nearest"), [
    (DEHUA.replace("dehua", "dehau"), DEHUA),
    (cluster_key(URIRef(DEHUA))[:-1] + "0", cluster_key(URIRef(DEHUA))),
    # percent-encoded, misspelt: read decoded (an encoded stored one is read as it:
    # tests/test_cli_encoded_cluster.py), then compared
    (quote(DEHUA.replace("dehua", "dehau"), safe=""), DEHUA)])
def test_an_unknown_cluster_exits_2_naming_the_nearest_stored_one(
        runner: CliRunner, sample_store: Path, lang: str, said: str, given: str,
        nearest: str) -> None:
    result = runner.invoke(main, ["benchmark", given, "--store", str(sample_store),
                                  "--lang", lang])
    assert result.exit_code == 2 and f"{given} {said}{nearest}" in result.output


def test_the_help_says_a_cluster_is_an_iri_or_a_key(runner: CliRunner) -> None:
    result = runner.invoke(main, ["benchmark", "--help"])
    assert "IRI or key" in " ".join(result.output.split())
