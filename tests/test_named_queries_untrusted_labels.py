"""Named queries name the standard's terms as the rule graph does and a cluster as its own latest
revision does, whatever another submission says about them (docs/store.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from checker.errors import InputError
from checker.ingest import CheckedSubmission, ingest_files, store_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC, IND, REQ
from checker.paths import EXAMPLES_DIR
from checker.queries import run_named_query
from checker.rulebook import load_rulebook
from checker.store import Store, open_store
from checker.validation import validate_graph

SAMPLES = ("dehua-ceramics.ttl", "datang-socks.ttl", "meitan-tea.ttl")
DEHUA = "https://example.org/cluster/dehua/cluster"
DATANG = "https://example.org/cluster/datang/cluster"
JINGDEZHEN = URIRef("https://example.org/cluster/dehua/jingdezhen")
CHAOZHOU = URIRef("https://example.org/cluster/dehua/chaozhou")
EVIL = URIRef("https://example.org/evil/cluster")
PREFIXES = """
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind:  <https://w3id.org/bcic/indicator/> .
@prefix req:  <https://w3id.org/bcic/req/gbt-draft/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""


def peer(cluster: URIRef, labels: str) -> str:
    """A peer cluster's own small submission: its labels and two years of one actual value."""
    return PREFIXES + f"<{cluster}> a bcic:IndustrialCluster ; rdfs:label {labels} .\n" + "".join(
        f"<{cluster}/obs-{year}> a bcic:IndicatorObservation ; bcic:refCluster <{cluster}> ; "
        f"bcic:indicator ind:LocationAdvantage ; bcic:refYear \"{year}\"^^xsd:gYear ; "
        f"bcic:valueKind bcic:ActualValue ; bcic:observedValue {value} ; "
        f"bcic:unitOfMeasure \"分(0-100)\" .\n" for year, value in ((2022, 80.5), (2023, 81.0)))


HONEST_PEERS = {
    "jingdezhen.ttl": peer(JINGDEZHEN, '"景德镇陶瓷产业集群"@zh , "Jingdezhen ceramics industrial cluster"@en'),
    "chaozhou.ttl": peer(CHAOZHOU, '"潮州陶瓷产业集群"@zh , "Chaozhou ceramics industrial cluster"@en'),
}
# A cluster of its own that renames a provision, an indicator, both kinds of mode and two other
# clusters, and gives the indicator a second code and the provision a second id.
HOSTILE = PREFIXES + f"""
<{EVIL}> a bcic:IndustrialCluster ; rdfs:label "Evil"@en .
req:8.2.6 rdfs:label "AAA 篡改条款"@zh , "AAA hacked requirement"@en ; dcterms:identifier "0.0.0" .
ind:LocationAdvantage rdfs:label "AAA 篡改指标"@zh , "AAA hacked indicator"@en ;
    skos:notation "z.9.9" .
bcic:HybridDriven rdfs:label "AAA 篡改模式"@zh , "AAA hacked mode"@en .
bcic:ClusterPlusEnterpriseBrandMode rdfs:label "AAA 篡改架构"@zh , "AAA hacked architecture"@en .
<{JINGDEZHEN}> rdfs:label "AAA 冒名集群"@zh , "AAA Impostor cluster"@en .
<{CHAOZHOU}> rdfs:label "AAA 冒名集群"@zh , "AAA Impostor cluster"@en .
"""


def build_store(folder: Path, extra: dict[str, str], hostile: str | None = None) -> Store:
    """An in-memory store of the three samples, then each extra file in order, then the hostile
    submission past the loader (which refuses it)."""
    store = open_store("oxigraph", path=None)
    for name in SAMPLES:
        ingest_files(store, [EXAMPLES_DIR / name])
    for name, text in extra.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        ingest_files(store, [path])
    if hostile is not None:
        store_past_the_loader(store, "evil.ttl", hostile)
    return store


def store_past_the_loader(store: Store, name: str, text: str) -> None:
    """Store a revision whose graph never went through the loader: what a store written before
    the loader refused descriptions of the standard's terms holds, or a remote store that other
    tools write. The queries must not trust it either."""
    rulebook = load_rulebook()
    data = Graph().parse(data=text, format="turtle")
    report = validate_graph(data, files=(name,), rulebook=rulebook)
    store_submission(store, CheckedSubmission((SubmissionFile(name, text.encode()),), data,
                                              report, URIRef(str(report.cluster)), rulebook))


def test_the_loader_refuses_the_hostile_submission(tmp_path: Path) -> None:
    path = tmp_path / "evil.ttl"
    path.write_text(HOSTILE, encoding="utf-8")
    with pytest.raises(InputError, match="is a term of the standard"):
        ingest_files(open_store("oxigraph", path=None), [path])


@pytest.fixture(scope="module")
def honest(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = build_store(tmp_path_factory.mktemp("honest"), HONEST_PEERS)
    yield store
    store.close()


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = build_store(tmp_path_factory.mktemp("attacked"), HONEST_PEERS, HOSTILE)
    yield store
    store.close()


def others(rows: list[dict[str, Node]], drop: str = "") -> list[dict[str, Node]]:
    """The rows not about the hostile cluster, without the column `drop` (a count it changes);
    a row holds only its bound columns."""
    return [{k: v for k, v in row.items() if k != drop} for row in rows
            if EVIL not in row.values()]


@pytest.mark.parametrize(("name", "values", "drop"), [
    ("most-violated-clauses", {}, "clusters"),
    ("indicators-vs-targets", {"cluster": DEHUA}, ""),
    ("indicators-vs-history", {"cluster": DEHUA}, ""),
    ("indicators-vs-benchmark", {"cluster": DEHUA}, ""),
    ("indicators-vs-benchmark", {"cluster": DEHUA, "benchmark": str(JINGDEZHEN)}, ""),
    ("indicators-vs-competitors", {"cluster": DEHUA}, ""),
    ("indicator-trends", {"code": "a.1.1"}, ""),
    ("indicator-trends", {"code": "z.9.9"}, ""),
    ("indicator-trends", {"cluster": DATANG}, ""),
    ("clusters-by-drive-mode", {}, ""),
    ("clusters-by-architecture-mode", {}, ""),
], ids=["clauses", "targets", "history", "benchmark-declared", "benchmark-given", "competitors",
        "trends-by-code", "trends-by-injected-code", "trends-of-a-cluster", "drive-modes",
        "architecture-modes"])
def test_a_hostile_submission_changes_no_other_clusters_answer(
        honest: Store, attacked: Store, name: str, values: dict[str, str], drop: str) -> None:
    want = others(run_named_query(honest, name, values), drop)
    got = others(run_named_query(attacked, name, values), drop)
    assert want or values.get("code") == "z.9.9"
    if drop:  # the hostile cluster's own gaps add provisions and counts, and so reorder rows
        assert all(row in got for row in want)
    else:
        assert got == want


def _rule_label(ontology_graph: Graph, term: URIRef, lang: str) -> Literal:
    return next(o for o in ontology_graph.objects(term, RDFS.label) if o.language == lang)


def test_answers_show_the_standards_own_labels_beside_a_hostile_submission(
        attacked: Store, ontology_graph: Graph) -> None:
    clauses = [r for r in run_named_query(attacked, "most-violated-clauses", {})
               if r["requirement"] == REQ["8.2.6"]]
    assert [(str(r["id"]), r["labelZh"], r["labelEn"]) for r in clauses] == [
        (str(ontology_graph.value(REQ["8.2.6"], DCTERMS.identifier)),
         _rule_label(ontology_graph, REQ["8.2.6"], "zh"),
         _rule_label(ontology_graph, REQ["8.2.6"], "en"))]
    history = [r for r in run_named_query(attacked, "indicators-vs-history", {"cluster": DEHUA})
               if r["indicator"] == IND.LocationAdvantage]
    assert history and {(r["notation"], r["labelZh"], r["labelEn"]) for r in history} == {
        (ontology_graph.value(IND.LocationAdvantage, SKOS.notation),
         _rule_label(ontology_graph, IND.LocationAdvantage, "zh"),
         _rule_label(ontology_graph, IND.LocationAdvantage, "en"))}
    hybrid = [r for r in run_named_query(attacked, "clusters-by-drive-mode", {})
              if r["mode"] == BCIC.HybridDriven]
    assert hybrid and {(r["modeLabelZh"], r["modeLabelEn"]) for r in hybrid} == {
        (_rule_label(ontology_graph, BCIC.HybridDriven, "zh"),
         _rule_label(ontology_graph, BCIC.HybridDriven, "en"))}
    benchmark = run_named_query(attacked, "indicators-vs-benchmark", {"cluster": DEHUA})
    assert benchmark and {(str(r["benchmarkLabelZh"]), str(r["benchmarkLabelEn"]))
                          for r in benchmark} == {
        ("景德镇陶瓷产业集群", "Jingdezhen ceramics industrial cluster")}


@pytest.mark.parametrize(("name", "column"), [
    ("indicators-vs-benchmark", "benchmarkLabel"),
    ("indicators-vs-competitors", "competitorLabel"),
])
def test_a_renamed_peer_shows_only_the_names_of_its_latest_revision(
        tmp_path: Path, name: str, column: str) -> None:
    renamed = {**HONEST_PEERS,
               "jingdezhen-2.ttl": peer(JINGDEZHEN, '"景德镇新名集群"@zh'),
               "chaozhou-2.ttl": peer(CHAOZHOU, '"潮州新名集群"@zh')}
    store = build_store(tmp_path, renamed)
    try:
        rows = run_named_query(store, name, {"cluster": DEHUA})
    finally:
        store.close()
    assert rows and all(str(r.get(column + "Zh")).endswith("新名集群") and column + "En" not in r
                        for r in rows)


def test_a_submissions_own_mode_keeps_the_label_its_adopter_gives_it(tmp_path: Path) -> None:
    own = URIRef("https://example.org/own/cluster/mode")
    store = build_store(tmp_path, {"own.ttl": PREFIXES + f"""
<https://example.org/own/cluster> a bcic:IndustrialCluster ; rdfs:label "Own"@en .
<https://example.org/own/cluster/chain> a bcic:ValueChainDriveAnalysis ; bcic:driveMode <{own}> .
<{own}> rdfs:label "自定模式"@zh , "own mode"@en .
"""})
    try:
        rows = [r for r in run_named_query(store, "clusters-by-drive-mode", {}) if r["mode"] == own]
    finally:
        store.close()
    assert [(str(r["modeLabelZh"]), str(r["modeLabelEn"])) for r in rows] == [("自定模式", "own mode")]
