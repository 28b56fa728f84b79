"""The named queries of checker/queries: their headers, safe binding, and their answers.

Every answer is checked against facts read independently of the store: examples/expected.json,
and the sample Turtle files parsed with rdflib.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import cast

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.term import Node

from checker.cli import main
from checker.errors import CheckerError, InputError
from checker.ingest import ingest_files
from checker.namespaces import BCIC, IND, REQ
from checker.paths import EXAMPLES_DIR, INDICATORS_FILE, REQUIREMENTS_FILE
from checker.report import Rate
from checker.queries import (
    ENGINE_PROLOGUES,
    NamedQuery,
    ParamKind,
    bind,
    build_library,
    get_query,
    list_queries,
    parse_named_query,
    result_columns,
    run_named_query,
)
from checker.store import Store, guard, open_store
from checker.store.guard import QueryForm, check_query
from checker.timestamps import xsd_datetime
from checker.verdicts import verdict_text
from checker.store.base import ONTOLOGY_GRAPH, SHAPES_GRAPH
from tests.changed_rulebook import RENAMED, RENAMED_TO, renumbered_rule_graphs
from tests.store_contract import make_record, new_cluster

EARL = Namespace("http://www.w3.org/ns/earl#")
XSD_DATETIME = URIRef("http://www.w3.org/2001/XMLSchema#dateTime")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
SAMPLES = ("dehua-ceramics.ttl", "datang-socks.ttl", "meitan-tea.ttl")
DEHUA = URIRef("https://example.org/cluster/dehua/cluster")
DATANG = URIRef("https://example.org/cluster/datang/cluster")
MEITAN = URIRef("https://example.org/cluster/meitan/cluster")
JINGDEZHEN = URIRef("https://example.org/cluster/dehua/jingdezhen")
CHAOZHOU = URIRef("https://example.org/cluster/dehua/chaozhou")
CLUSTER_OF = {"dehua-ceramics.ttl": DEHUA, "datang-socks.ttl": DATANG, "meitan-tea.ttl": MEITAN}
REQUIRED_QUERIES = {
    "clusters-by-conformance", "most-violated-clauses", "indicators-vs-targets",
    "indicators-vs-history", "indicators-vs-benchmark", "indicators-vs-competitors",
    "clusters-by-architecture-mode", "clusters-by-drive-mode",
    "clusters-without-crisis-warning-system", "indicator-trends",
}

Observations = dict[tuple[URIRef, URIRef, int, URIRef], Decimal]


# --- independent facts ------------------------------------------------------------------------

def _sample(name: str) -> Graph:
    return Graph().parse(EXAMPLES_DIR / name, format="turtle")


@pytest.fixture(scope="module")
def samples() -> dict[str, Graph]:
    """The three sample submissions, parsed with rdflib."""
    return {name: _sample(name) for name in SAMPLES}


@pytest.fixture(scope="module")
def expected() -> dict[str, dict[str, object]]:
    """The verdicts and unmet shall-level ids the samples promise."""
    return json.loads((EXAMPLES_DIR / "expected.json").read_text(encoding="utf-8"))


def observations(graph: Graph) -> Observations:
    """(cluster, indicator, year, value kind) → value, for every observation of a graph."""
    found: Observations = {}
    for obs in graph.subjects(RDF.type, BCIC.IndicatorObservation):
        key = (graph.value(obs, BCIC.refCluster), graph.value(obs, BCIC.indicator),
               int(str(graph.value(obs, BCIC.refYear))), graph.value(obs, BCIC.valueKind))
        found[key] = Decimal(str(graph.value(obs, BCIC.observedValue)))
    return found


def actuals(obs: Observations, cluster: URIRef) -> dict[tuple[URIRef, int], Decimal]:
    return {(i, y): v for (c, i, y, k), v in obs.items()
            if c == cluster and k == BCIC.ActualValue}


def side_by_side(own: dict[tuple[URIRef, int], Decimal],
                 other: dict[tuple[URIRef, int], Decimal]) -> dict[URIRef, tuple[int, Decimal,
                                                                                    Decimal]]:
    """indicator → (latest year both have, own value, other value)."""
    found = {}
    for indicator in {i for i, _ in own} & {i for i, _ in other}:
        years = {y for i, y in own if i == indicator} & {y for i, y in other if i == indicator}
        if years:
            year = max(years)
            found[indicator] = (year, own[indicator, year], other[indicator, year])
    return found


def number(node: Node | None) -> Decimal:
    assert isinstance(node, Literal), node
    return Decimal(str(node))


# --- stores ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    """An in-memory store holding one revision of each sample cluster, ingested as users do."""
    opened = open_store("oxigraph", path=None)
    for name in SAMPLES:
        ingest_files(opened, [EXAMPLES_DIR / name])
    yield opened
    opened.close()


LOCATION_2024 = URIRef("https://example.org/cluster/dehua/obs-LocationAdvantage-2024-actual")
# (indicator, year, value, unit) of the actual values a peer's figures give
Figures = tuple[tuple[str, int, str, str], ...]
PEER_FIGURES: Figures = (("LocationAdvantage", 2022, "80.5", "分(0-100)"),
                         ("LocationAdvantage", 2023, "81.0", "分(0-100)"),
                         ("IndustryScale", 2024, "700.0", "亿元"),
                         ("BrandReputation", 2021, "88.0", "分(0-100)"))


def peer_submission(cluster: URIRef, zh: str, en: str,
                    figures: Figures = PEER_FIGURES) -> Graph:
    """A small submission of `cluster`: its labels and its actual values."""
    return Graph().parse(data="""
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix ind:  <https://w3id.org/bcic/indicator/> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
""" + f'<{cluster}> a bcic:IndustrialCluster ; rdfs:label "{zh}"@zh , "{en}"@en .\n' + "".join(
        f"<{cluster}/{i}-{y}> a bcic:IndicatorObservation ; bcic:refCluster <{cluster}> ; "
        f"bcic:indicator ind:{i} ; bcic:refYear \"{y}\"^^xsd:gYear ; "
        f"bcic:valueKind bcic:ActualValue ; bcic:observedValue {v} ; bcic:unitOfMeasure \"{u}\" .\n"
        for i, y, v, u in figures), format="turtle")


def figures_about(cluster: URIRef, figures: Figures) -> Graph:
    """The observations of `peer_submission`, as figures another cluster reports about `cluster`
    in its own submission (no labels, no class)."""
    found = Graph()
    for triple in peer_submission(cluster, "", "", figures):
        if triple[0] != cluster:
            found.add(triple)
    return found


def revised_dehua() -> Graph:
    """Dehua's second revision: no crisis warning system, a lower 2024 location advantage, and
    figures about its competitor Chaozhou reported in its own submission."""
    graph = _sample("dehua-ceramics.ttl")
    warning = URIRef("https://example.org/cluster/dehua/crisis-warning")
    graph.remove((warning, None, None))
    graph.remove((None, None, warning))
    graph.set((LOCATION_2024, BCIC.observedValue, Literal(Decimal("70.0"))))
    graph += figures_about(CHAOZHOU, PEER_FIGURES)
    return graph


def jingdezhen() -> Graph:
    """The benchmark's own (small) submission."""
    return peer_submission(JINGDEZHEN, "景德镇陶瓷产业集群", "Jingdezhen ceramics industrial cluster")


@pytest.fixture(scope="module")
def revised_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Dehua twice (the original, then `revised_dehua`) and Jingdezhen's own submission."""
    folder = tmp_path_factory.mktemp("revised")
    second, peer = folder / "dehua-r2.ttl", folder / "jingdezhen.ttl"
    revised_dehua().serialize(second, format="turtle")
    jingdezhen().serialize(peer, format="turtle")
    opened = open_store("oxigraph", path=None)
    for path in (EXAMPLES_DIR / "dehua-ceramics.ttl", second, peer):
        ingest_files(opened, [path])
    yield opened
    opened.close()


UNEVEN_GAP = URIRef("https://example.org/cluster/datang/obs-LocationAdvantage-2022-actual")


def uneven_datang() -> Graph:
    """Datang's second revision: its 2022 location advantage left out (2023 then has no previous
    year), and the years of its 2023 figures and of its targets written as integers, so that
    9.3.2 a) and b) must meet years by number across both forms."""
    graph = _sample("datang-socks.ttl")
    graph.remove((UNEVEN_GAP, None, None))
    return with_integer_years(with_integer_years(graph, BCIC.refYear, Literal(
        "2023", datatype=XSD_GYEAR)), BCIC.valueKind, BCIC.TargetValue)


@pytest.fixture(scope="module")
def uneven_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Datang twice: the sample, then `uneven_datang`."""
    second = tmp_path_factory.mktemp("uneven") / "datang-r2.ttl"
    uneven_datang().serialize(second, format="turtle")
    opened = open_store("oxigraph", path=None)
    for path in (EXAMPLES_DIR / "datang-socks.ttl", second):
        ingest_files(opened, [path])
    yield opened
    opened.close()


# --- the library and its headers ------------------------------------------------------------

def test_the_library_holds_every_required_query() -> None:
    assert REQUIRED_QUERIES <= {q.name for q in list_queries()}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_query_has_zh_and_en_titles_and_descriptions(query: NamedQuery) -> None:
    assert query.title["en"] and query.description["en"]
    assert re.search(r"[\u4e00-\u9fff]", query.title["zh"])
    assert re.search(r"[\u4e00-\u9fff]", query.description["zh"])
    for param in query.params:
        assert param.label["en"] and re.search(r"[\u4e00-\u9fff]", param.label["zh"])


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_query_is_a_guarded_select_naming_an_existing_provision(query: NamedQuery) -> None:
    info = check_query(query.text, QueryForm.SELECT)
    assert not info.uses_service and info.variables == result_columns(query.name)
    assert tuple(c.name for c in query.columns) == info.variables  # each described, in order
    catalogue = {str(i) for i in Graph().parse(REQUIREMENTS_FILE).objects(
        None, URIRef("http://purl.org/dc/terms/identifier"))}
    assert query.clause in catalogue


@pytest.mark.parametrize(("header", "problem"), [
    ("# title@en: T\n# description@en: D\n# description@zh: 说明\n", "no title@zh"),
    ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n# colour: red\n",
     "unknown header key"),
    ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n"
     "# param: cluster iri required @en \"c\" @zh \"集群\"\n", "no 'VALUES"),
    ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n"
     "# param: cluster (IRI) @en \"c\"\n", "param not"),
    ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n"
     "# column: s text @en \"s\" @zh \"主语\"\n", "column not"),
    ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n"
     "# column: s iri @en \"s\" @zh \"主语\"\n# column: s iri @en \"t\" @zh \"主\"\n",
     "described twice"),
])
def test_a_malformed_header_is_refused_when_loaded(header: str, problem: str) -> None:
    with pytest.raises(CheckerError, match=problem):
        parse_named_query("broken", header + "\nSELECT * WHERE { ?s ?p ?o }\n")


def test_a_placeholder_without_a_param_line_is_refused() -> None:
    text = ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n\n"
            "SELECT * WHERE {\n  VALUES ?s { UNDEF }\n  ?s ?p ?o\n}\n")
    with pytest.raises(CheckerError, match="without a param line"):
        parse_named_query("broken", text)


# --- binding --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "https://example.org/a>b", "https://example.org/a b", "https://example.org/{x}",
    'https://example.org/"', "https://example.org/a\\b", "https://example.org/a^b",
    "https://example.org/a|b", "https://example.org/`", "example.org/cluster", "/cluster",
    "javascript:alert(1)", "file:///etc/passwd", "https://", "urn:x\n}", "",
])
def test_bind_refuses_an_invalid_iri(value: str) -> None:
    query = get_query("indicators-vs-history")
    with pytest.raises(InputError):
        bind(query, {"cluster": value} if value else {})


@pytest.mark.parametrize(("name", "values"), [
    ("indicators-vs-history", {"cluster": "http://[::1"}),
    ("indicators-vs-history", {"cluster": "https://a]/"}),
    ("indicators-vs-history", {"cluster": "http://[zz]/"}),
    ("indicator-trends", {"indicator": "http://[x"}),
    ("indicators-vs-benchmark", {"cluster": str(DEHUA), "benchmark": "https://x[/"}),
], ids=["unclosed-host", "bracket-closing-host", "bracketed-non-address", "indicator",
        "benchmark"])
def test_bind_refuses_a_stray_bracket_in_an_iri_as_an_invalid_iri(
        name: str, values: dict[str, str]) -> None:
    with pytest.raises(InputError, match="is not a valid IRI"):
        bind(get_query(name), values)


def test_bind_accepts_an_ipv6_host_in_brackets() -> None:
    text = bind(get_query("indicators-vs-history"), {"cluster": "http://[::1]/cluster"})
    assert "VALUES ?cluster { <http://[::1]/cluster> }" in text


@pytest.mark.parametrize("value", ["2024; DROP ALL", "20.24", "2024 ", "１２", "+-1"])
def test_bind_refuses_an_invalid_integer(value: str) -> None:
    with pytest.raises(InputError, match="not an integer"):
        bind(get_query("indicators-vs-targets"), {"cluster": str(DEHUA), "year": value})


@pytest.mark.parametrize("value", ["1234567890123456789", "-" + "9" * 19])
def test_bind_refuses_an_integer_of_over_18_digits_naming_the_rule(value: str) -> None:
    with pytest.raises(InputError, match="has 19 digits; an integer has at most 18"):
        bind(get_query("indicators-vs-targets"), {"cluster": str(DEHUA), "year": value})


def test_bind_accepts_an_integer_of_18_digits() -> None:
    text = bind(get_query("indicators-vs-targets"), {"cluster": str(DEHUA), "year": "-" + "9" * 18})
    assert f"VALUES ?year {{ {Literal(-int('9' * 18)).n3()} }}" in text


def test_bind_refuses_unknown_and_missing_parameters() -> None:
    with pytest.raises(InputError, match="unknown parameter"):
        bind(get_query("indicators-vs-history"), {"cluster": str(DEHUA), "graph": str(DEHUA)})
    with pytest.raises(InputError, match="unknown parameter"):
        bind(get_query("clusters-by-conformance"), {"cluster": str(DEHUA)})
    with pytest.raises(InputError, match="missing required parameter"):
        bind(get_query("indicators-vs-targets"), {"year": "2024"})


@pytest.mark.parametrize(("name", "values", "said"), [
    ("indicators-vs-targets", {"year": "2024"}, "indicators-vs-targets：缺少必需参数 cluster"),
    ("indicators-vs-history", {"cluster": str(DEHUA), "foo": "1"},
     "indicators-vs-history：未知参数 foo（可用参数：cluster）"),
    ("clusters-by-conformance", {"foo": "1"}, "clusters-by-conformance：未知参数 foo（此查询不接受参数）"),
    ("indicators-vs-history", {"cluster": "notanIRI"},
     "参数 cluster：'notanIRI' 不是 http、https 或 urn 形式的绝对 IRI"),
    ("indicators-vs-history", {"cluster": "https://x.org/a b"},
     "参数 cluster：'https://x.org/a b' 含有空格或"),
    ("indicators-vs-history", {"cluster": "https:x"}, "参数 cluster：'https:x' 未指明主机"),
    ("indicators-vs-history", {"cluster": "http://[::1"}, "参数 cluster：'http://[::1' 不是有效的 IRI"),
    ("indicators-vs-targets", {"cluster": str(DEHUA), "year": "abc"}, "参数 year：'abc' 不是整数"),
    ("indicators-vs-targets", {"cluster": str(DEHUA), "year": "9" * 19},
     f"参数 year：'{'9' * 19}' 有 19 位数字；整数至多 18 位"),
    ("indicator-trends", {"code": "b.1.1\n"}, "参数 code：文本含有控制字符"),
    ("indicator-trends", {"code": "b" * 2001}, "参数 code：取值超过 2000 个字符"),
], ids=["missing", "unknown", "none-taken", "not-absolute", "space", "no-host", "invalid",
        "not-integer", "digits", "control", "too-long"])
def test_bind_says_each_refusal_in_chinese_when_asked(name: str, values: dict[str, str],
                                                      said: str) -> None:
    with pytest.raises(InputError) as refused:
        bind(get_query(name), values)
    assert said in refused.value.text("zh")


def test_an_unknown_query_name_is_said_in_chinese_when_asked() -> None:
    with pytest.raises(InputError) as unknown:
        get_query("clusters-by-mood")
    assert "没有名为 'clusters-by-mood' 的命名查询" in unknown.value.text("zh")


def test_bind_refuses_a_literal_with_a_line_break() -> None:
    with pytest.raises(InputError, match="control character"):
        bind(get_query("indicator-trends"), {"code": "b.1.1\n} ; DROP ALL"})


def test_a_bound_iri_appears_only_as_a_validated_iri_in_a_values_line() -> None:
    iri = "urn:bcic:test-cluster"
    text = bind(get_query("indicators-vs-benchmark"), {"cluster": iri, "benchmark": str(DATANG)})
    for match in re.finditer(re.escape(iri), text):
        line = text[text.rfind("\n", 0, match.start()) + 1:text.find("\n", match.end())]
        assert line.strip() == f"VALUES ?cluster {{ <{iri}> }}"
    placeholders = get_query("indicators-vs-benchmark").text.count("VALUES ?benchmark { UNDEF }")
    assert placeholders >= 1 and text.count(f"<{DATANG}>") == placeholders
    assert "UNDEF" not in text


def test_a_hostile_literal_never_appears_raw_in_the_query(store: Store) -> None:
    hostile = 'b.1.1" ) } } SELECT * WHERE { ?s ?p ?o } #'
    text = bind(get_query("indicator-trends"), {"code": hostile})
    assert hostile not in text
    assert Literal(hostile).n3() in text
    parseQuery(text)  # still one well-formed query
    assert run_named_query(store, "indicator-trends", {"code": hostile}) == []


def test_an_unbound_optional_parameters_placeholder_is_taken_out() -> None:
    template = get_query("indicators-vs-targets").text
    text = bind(get_query("indicators-vs-targets"), {"cluster": str(DEHUA)})
    assert "VALUES ?year { UNDEF }" in template and "?year" in text
    assert "VALUES ?year" not in text and f"VALUES ?cluster {{ <{DEHUA}> }}\n" in text
    assert text.count("\n") == template.count("\n") - template.count("VALUES ?year { UNDEF }")


def test_parameter_kinds_are_read_from_the_header() -> None:
    kinds = {p.name: (p.kind, p.required) for p in get_query("indicators-vs-targets").params}
    assert kinds == {"cluster": (ParamKind.IRI, True), "year": (ParamKind.INTEGER, False)}


def test_an_unknown_query_name_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no named query"):
        get_query("clusters-by-mood")


# --- answers on the three samples -----------------------------------------------------------

def test_clusters_by_conformance_ranks_the_samples_by_their_gaps(
        store: Store, expected: dict[str, dict[str, object]]) -> None:
    rows = run_named_query(store, "clusters-by-conformance", {})
    assert [r["cluster"] for r in rows] == [
        CLUSTER_OF[name] for name in sorted(SAMPLES, key=lambda n: len(expected[n]["unmet_shall"]))]
    rates = [number(r["rate"]) for r in rows]
    assert rates == sorted(rates, reverse=True)
    for row in rows:
        name = next(n for n, c in CLUSTER_OF.items() if c == row["cluster"])
        promised = expected[name]["rate"]
        # no gap is "conformant" only when no review is pending either (dehua has 38 pending)
        assert str(row["verdict"]) == (
            "nonconformant" if expected[name]["verdict"] == "nonconformant"
            else "no-gap-pending-review" if promised["pending_review"] else "conformant")
        # met ÷ applicable: a requirement pending manual review is not met (not even dehua's)
        assert str(row["rate"]) == six_decimals(promised["met"], promised["applicable"])
        assert int(row["pendingReview"]) == promised["pending_review"]
        assert int(row["revisionNumber"]) == 1
        assert str(row["labelZh"]) == str(_label(name, "zh"))
        assert str(row["labelEn"]) == str(_label(name, "en"))
        assert row["generated"].datatype == XSD_DATETIME


def six_decimals(met: int, applicable: int) -> str:
    """met ÷ applicable as the query writes it: rounded half up to six decimals, no trailing
    zeros (the embedded store's canonical decimal)."""
    rate = (Decimal(met) / Decimal(applicable)).quantize(Decimal("0.000001"), ROUND_HALF_UP)
    return format(rate.normalize(), "f")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_clusters_by_conformance_says_each_verdict_as_the_reports_do(store: Store,
                                                                     lang: str) -> None:
    """A cluster with no gap and reviews pending is not called conformant (README, Reports)."""
    rows = {row["cluster"]: row for row in run_named_query(store, "clusters-by-conformance", {})}
    column = {"zh": "verdictZh", "en": "verdictEn"}[lang]
    for row in rows.values():
        rate = Rate(met=0, total=0, pending=int(row["pendingReview"]))
        assert row[column] == Literal(verdict_text(row["conforms"].toPython(), rate, lang),
                                      lang=lang)
    assert (str(rows[DEHUA]["verdict"]), str(rows[DEHUA][column])) == (
        "no-gap-pending-review",
        {"zh": "未发现差距，93 项待人工评审确认", "en": "no gap found; 93 item(s) await an evaluator"}[lang])
    assert str(rows[DATANG][column]) == {"zh": "不符合", "en": "not conformant"}[lang]


def test_clusters_by_conformance_calls_conformant_only_a_cluster_with_no_review_pending() -> None:
    opened = open_store("oxigraph", path=None)
    try:
        record, _info = make_record(new_cluster(), 1, conforms=True)  # met 1 of 1, none pending
        opened.add_revision(record)
        (row,) = run_named_query(opened, "clusters-by-conformance", {})
    finally:
        opened.close()
    assert int(row["pendingReview"]) == 0
    assert (str(row["verdict"]), row["verdictZh"], row["verdictEn"]) == (
        "conformant", Literal("符合", lang="zh"), Literal("conformant", lang="en"))


def _label(name: str, lang: str) -> Literal:
    graph = _sample(name)
    return next(o for o in graph.objects(CLUSTER_OF[name], RDFS.label) if o.language == lang)


def test_most_violated_clauses_count_the_clusters_missing_each_shall_provision(
        store: Store, expected: dict[str, dict[str, object]]) -> None:
    rows = run_named_query(store, "most-violated-clauses", {})
    counts = [int(r["clusters"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert {r["level"] for r in rows} == {BCIC.Shall}
    shall = {str(r["id"]): int(r["clusters"]) for r in rows}
    promised = Counter(i for facts in expected.values() for i in facts["unmet_shall"])
    assert shall == dict(promised)
    assert shall["8.2.6"] == shall["9.4.2"] == 2  # datang and meitan both miss them
    assert shall["9.1.1"] == 1  # only meitan's gaps reach it
    for row in rows:
        assert row["requirement"] == REQ[str(row["id"])]
        assert str(row["labelZh"]).startswith(str(row["id"]).split("-")[0])
        assert row["labelEn"].language == "en"


def test_indicators_vs_targets_gives_dehuas_gaps_as_computed_from_the_file(
        store: Store, samples: dict[str, Graph]) -> None:
    rows = run_named_query(store, "indicators-vs-targets", {"cluster": str(DEHUA)})
    assert_gaps_of(rows, observations(samples["dehua-ceramics.ttl"]))


def assert_gaps_of(rows: list[dict[str, Node]], obs: Observations) -> None:
    """The rows give each of Dehua's targets with its actual value and gap, where it has one."""
    found = {(r["indicator"], int(r["year"])): r for r in rows}
    targets = {(i, y): v for (c, i, y, k), v in obs.items()
               if c == DEHUA and k == BCIC.TargetValue}
    assert set(found) == set(targets)
    for (indicator, year), target in targets.items():
        row = found[indicator, year]
        assert number(row["target"]) == target
        actual = obs.get((DEHUA, indicator, year, BCIC.ActualValue))
        if actual is None:
            assert "actual" not in row and "gap" not in row
        else:
            assert number(row["actual"]) == actual
            assert number(row["gap"]) == actual - target
    assert any(number(r["gap"]) != 0 for r in rows if "gap" in r)


def test_a_target_meets_its_actual_value_by_year_number(
        tmp_path: Path, samples: dict[str, Graph]) -> None:
    """9.3.2 a): a target year written as an integer still meets the xsd:gYear actual value."""
    dehua = samples["dehua-ceramics.ttl"]
    path = tmp_path / "dehua.ttl"
    with_integer_years(dehua, BCIC.valueKind, BCIC.TargetValue).serialize(path, format="turtle")
    opened = open_store("oxigraph", path=None)
    try:
        ingest_files(opened, [path])
        rows = run_named_query(opened, "indicators-vs-targets", {"cluster": str(DEHUA)})
    finally:
        opened.close()
    assert_gaps_of(rows, observations(dehua))


def test_indicators_vs_targets_for_one_year(store: Store, samples: dict[str, Graph]) -> None:
    rows = run_named_query(store, "indicators-vs-targets", {"cluster": str(DEHUA), "year": "2024"})
    with_target_2024 = {i for (c, i, y, k) in observations(samples["dehua-ceramics.ttl"])
                        if c == DEHUA and y == 2024 and k == BCIC.TargetValue}
    assert {r["indicator"] for r in rows} == with_target_2024 and len(rows) == 30
    assert {int(r["year"]) for r in rows} == {2024}
    assert all("gap" in r for r in rows)


def test_indicators_vs_history_gives_each_yearly_change(
        store: Store, samples: dict[str, Graph]) -> None:
    values = actuals(observations(samples["datang-socks.ttl"]), DATANG)
    rows = run_named_query(store, "indicators-vs-history", {"cluster": str(DATANG)})
    assert {(r["indicator"], int(r["year"])): number(r["value"]) for r in rows} == values
    for row in rows:
        previous = values.get((row["indicator"], int(row["year"]) - 1))
        if previous is None:
            assert "change" not in row and int(row["year"]) == 2021
        else:
            assert number(row["previous"]) == previous
            assert number(row["change"]) == number(row["value"]) - previous


def test_after_a_missing_year_the_change_is_empty_and_years_meet_by_number(
        uneven_store: Store) -> None:
    """9.3.2 b): Datang's latest revision lacks its 2022 location advantage and writes its 2023
    years as integers: 2023 has no previous value, 2024 meets 2023 across the two forms."""
    values = actuals(observations(uneven_datang()), DATANG)
    rows = run_named_query(uneven_store, "indicators-vs-history", {"cluster": str(DATANG)})
    assert {(r["indicator"], int(r["year"])): number(r["value"]) for r in rows} == values
    previous = {(r["indicator"], int(r["year"])): number(r["previous"])
                for r in rows if "previous" in r}
    assert previous == {(i, y): values[(i, y - 1)] for i, y in values if (i, y - 1) in values}
    assert (IND.LocationAdvantage, 2023) not in previous
    assert (IND.LocationAdvantage, 2024) in previous and (IND.IndustryScale, 2023) in previous


def test_indicators_vs_benchmark_defaults_to_the_declared_benchmark(
        store: Store, samples: dict[str, Graph]) -> None:
    declared = samples["dehua-ceramics.ttl"].value(DEHUA, BCIC.benchmarkCluster)
    assert declared == JINGDEZHEN
    assert not any(c == JINGDEZHEN for g in samples.values() for c, *_ in observations(g))
    assert run_named_query(store, "indicators-vs-benchmark", {"cluster": str(DEHUA)}) == []


def test_indicators_vs_benchmark_with_a_given_benchmark_uses_the_latest_common_year(
        store: Store, samples: dict[str, Graph]) -> None:
    want = side_by_side(actuals(observations(samples["dehua-ceramics.ttl"]), DEHUA),
                        actuals(observations(samples["datang-socks.ttl"]), DATANG))
    rows = run_named_query(store, "indicators-vs-benchmark",
                           {"cluster": str(DEHUA), "benchmark": str(DATANG)})
    assert want and {r["benchmarkCluster"] for r in rows} == {DATANG}
    assert {r["indicator"]: (int(r["year"]), number(r["value"]), number(r["benchmarkValue"]))
            for r in rows} == want
    assert all(number(r["difference"]) == number(r["value"]) - number(r["benchmarkValue"])
               for r in rows)
    assert str(rows[0]["benchmarkLabelEn"]) == str(_label("datang-socks.ttl", "en"))


def test_indicators_vs_competitors_is_empty_while_no_competitor_has_figures(
        store: Store, samples: dict[str, Graph]) -> None:
    assert samples["dehua-ceramics.ttl"].value(DEHUA, BCIC.competitorCluster) == CHAOZHOU
    assert not any(c == CHAOZHOU for g in samples.values() for c, *_ in observations(g))
    assert run_named_query(store, "indicators-vs-competitors", {"cluster": str(DEHUA)}) == []
    assert run_named_query(store, "indicators-vs-competitors", {"cluster": str(DATANG)}) == []


@pytest.mark.parametrize(("query", "predicate"), [
    ("clusters-by-architecture-mode", BCIC.architectureMode),
    ("clusters-by-drive-mode", BCIC.driveMode),
])
def test_clusters_by_mode_match_the_modes_the_files_declare(
        store: Store, samples: dict[str, Graph], query: str, predicate: URIRef) -> None:
    declared = {(mode, CLUSTER_OF[name]) for name, g in samples.items()
                for mode in g.objects(None, predicate)}
    rows = run_named_query(store, query, {})
    assert {(r["mode"], r["cluster"]) for r in rows} == declared
    per_mode = Counter(mode for mode, _ in declared)
    assert all(int(r["clusters"]) == per_mode[r["mode"]] for r in rows)
    assert all(r["modeLabelZh"].language == "zh" and r["modeLabelEn"] for r in rows)
    assert MEITAN not in {r["cluster"] for r in rows}  # meitan has no strategy yet


def test_clusters_without_crisis_warning_system_are_those_the_files_show(
        store: Store, samples: dict[str, Graph], expected: dict[str, dict[str, object]]) -> None:
    without = {CLUSTER_OF[name] for name, g in samples.items()
               if (None, RDF.type, BCIC.CrisisWarningSystem) not in g
               or "8.3.4-1" in expected[name]["unmet_shall"]}
    rows = run_named_query(store, "clusters-without-crisis-warning-system", {})
    assert {r["cluster"] for r in rows} == without
    assert MEITAN in without and DEHUA not in without
    assert all(r["outcome"] == EARL.failed for r in rows)


def test_indicator_trends_hold_every_actual_value_of_every_cluster(
        store: Store, samples: dict[str, Graph]) -> None:
    want = {(c, i, y): v for g in samples.values() for (c, i, y, k), v in observations(g).items()
            if k == BCIC.ActualValue}
    rows = run_named_query(store, "indicator-trends", {})
    assert {(r["cluster"], r["indicator"], int(r["year"])): number(r["value"]) for r in rows} == want


def test_indicator_trends_for_one_cluster_and_a_range_of_years(
        store: Store, samples: dict[str, Graph]) -> None:
    want = {(i, y): v for (c, i, y, k), v in observations(samples["datang-socks.ttl"]).items()
            if c == DATANG and k == BCIC.ActualValue and 2022 <= y <= 2023}
    rows = run_named_query(store, "indicator-trends",
                           {"cluster": str(DATANG), "fromYear": "2022", "toYear": "2023"})
    assert want and {(r["indicator"], int(r["year"])): number(r["value"]) for r in rows} == want
    assert {r["cluster"] for r in rows} == {DATANG}
    code = str(Graph().parse(INDICATORS_FILE).value(IND.IndustryScale, SKOS.notation))
    one = run_named_query(store, "indicator-trends",
                          {"code": code, "cluster": str(DATANG), "fromYear": "2023"})
    assert {(r["indicator"], int(r["year"])) for r in one} == {
        (i, y) for i, y in actuals(observations(samples["datang-socks.ttl"]), DATANG)
        if i == IND.IndustryScale and y >= 2023}


def test_indicator_trends_are_sorted_by_code_year_and_value_from_the_highest(
        store: Store) -> None:
    rows = run_named_query(store, "indicator-trends", {})
    keys = [(str(r.get("notation", "")), int(r["year"]), -number(r["value"])) for r in rows]
    assert len(rows) > 100 and keys == sorted(keys)


def test_indicator_trends_of_one_indicator_by_iri_or_by_code(
        store: Store, samples: dict[str, Graph]) -> None:
    code = str(Graph().parse(INDICATORS_FILE).value(IND.IndustryScale, SKOS.notation))
    want = {(c, y): v for g in samples.values() for (c, i, y, k), v in observations(g).items()
            if k == BCIC.ActualValue and i == IND.IndustryScale}
    for values in ({"indicator": str(IND.IndustryScale)}, {"code": code}):
        rows = run_named_query(store, "indicator-trends", values)
        assert {(r["cluster"], int(r["year"])): number(r["value"]) for r in rows} == want
        assert {str(r["notation"]) for r in rows} == {code}
    assert {c for c, _ in want} == {DEHUA, DATANG, MEITAN}


# --- answers after a new revision and peer submissions ---------------------------------------

def test_only_the_latest_revision_counts(revised_store: Store) -> None:
    rows = run_named_query(revised_store, "clusters-by-conformance", {})
    dehua = [r for r in rows if r["cluster"] == DEHUA]
    assert len(dehua) == 1 and int(dehua[0]["revisionNumber"]) == 2
    targets = run_named_query(revised_store, "indicators-vs-targets",
                              {"cluster": str(DEHUA), "year": "2024"})
    location = next(r for r in targets if r["indicator"] == IND.LocationAdvantage)
    assert number(location["actual"]) == Decimal("70.0")
    assert number(location["gap"]) == Decimal("70.0") - number(location["target"])
    without = run_named_query(revised_store, "clusters-without-crisis-warning-system", {})
    assert DEHUA in {r["cluster"] for r in without}
    assert next(r for r in without if r["cluster"] == DEHUA)["hasWarningSystem"] == Literal(False)


def test_a_may_level_item_not_taken_up_is_not_a_violated_provision(store: Store) -> None:
    """Datang and Meitan both lack a collective mark (8.3.1, 可): their reports record it as not
    used (earl:inapplicable), never failed, and no query counts it as violated."""
    reports = {info.cluster: store.named_graph(info.report_graph) for info in store.revisions()}
    assert {cluster for cluster, report in reports.items()
            if REQ["8.3.1"] in _tests(report, EARL.inapplicable)} == {DATANG, MEITAN}
    assert not any(REQ["8.3.1"] in _tests(report, EARL.failed) for report in reports.values())
    rows = run_named_query(store, "most-violated-clauses", {})
    assert REQ["8.3.1"] not in {r["requirement"] for r in rows}


def _tests(report: Graph, outcome: Node) -> set[Node]:
    """The earl:test of every assertion the report graph records with this outcome."""
    return {test for assertion in report.subjects(RDF.type, EARL.Assertion)
            for result in report.objects(assertion, EARL.result)
            if (result, EARL.outcome, outcome) in report
            for test in report.objects(assertion, EARL.test)}


def test_most_violated_clauses_count_each_clusters_latest_report(revised_store: Store) -> None:
    """Read the latest reports directly (named_graph, rdflib), count their failed tests and keep
    the shall-level ones (levels read from the catalogue file)."""
    latest = {}
    for info in revised_store.revisions():
        latest[info.cluster] = info  # ordered by cluster, then number: the last one stays
    failed: Counter[Node] = Counter()
    for info in latest.values():
        failed.update(_tests(revised_store.named_graph(info.report_graph), EARL.failed))
    shall = set(Graph().parse(REQUIREMENTS_FILE).subjects(BCIC.normativeLevel, BCIC.Shall))
    assert REQ["8.3.1"] not in failed  # jingdezhen lacks a mark: 可, not used, not failed
    rows = run_named_query(revised_store, "most-violated-clauses", {})
    assert {r["requirement"]: int(r["clusters"]) for r in rows} == {
        test: n for test, n in failed.items() if test in shall}
    # dehua's second revision dropped its warning system; jingdezhen's file never had one
    assert failed[REQ["8.3.4-1"]] == 2


def test_the_declared_benchmark_is_compared_with_its_own_submission(revised_store: Store) -> None:
    want = side_by_side(actuals(observations(revised_dehua()), DEHUA),
                        actuals(observations(jingdezhen()), JINGDEZHEN))
    rows = run_named_query(revised_store, "indicators-vs-benchmark", {"cluster": str(DEHUA)})
    assert {r["indicator"]: (int(r["year"]), number(r["value"]), number(r["benchmarkValue"]))
            for r in rows} == want
    assert want[IND.LocationAdvantage][0] == 2023  # the benchmark has no 2024 figure
    assert {str(r["benchmarkLabelZh"]) for r in rows} == {"景德镇陶瓷产业集群"}


def test_competitor_figures_reported_by_the_cluster_itself_are_compared(
        revised_store: Store) -> None:
    revised = observations(revised_dehua())
    want = side_by_side(actuals(revised, DEHUA), actuals(revised, CHAOZHOU))
    rows = run_named_query(revised_store, "indicators-vs-competitors", {"cluster": str(DEHUA)})
    assert want and {r["competitorCluster"] for r in rows} == {CHAOZHOU}
    assert {r["indicator"]: (int(r["year"]), number(r["value"]), number(r["competitorValue"]))
            for r in rows} == want
    assert all(number(r["difference"]) == number(r["value"]) - number(r["competitorValue"])
               for r in rows)


def with_integer_years(graph: Graph, predicate: URIRef, value: Node) -> Graph:
    """The graph with the years of the observations having `predicate` `value` written as plain
    integers (2023) instead of xsd:gYear: 9.2.3's shape refuses them, yet such a revision is
    stored too."""
    changed = Graph()
    for s, p, o in graph:
        if p == BCIC.refYear and (s, predicate, value) in graph:
            o = Literal(int(str(o)))
        changed.add((s, p, o))
    return changed


@pytest.fixture(scope="module")
def integer_year_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """`revised_store`, but Jingdezhen's own submission and Dehua's figures about Chaozhou give
    their years as integers, while Dehua's own stay xsd:gYear."""
    folder = tmp_path_factory.mktemp("integer-years")
    second, peer = folder / "dehua-r2.ttl", folder / "jingdezhen.ttl"
    with_integer_years(revised_dehua(), BCIC.refCluster, CHAOZHOU).serialize(second, format="turtle")
    with_integer_years(jingdezhen(), BCIC.refCluster, JINGDEZHEN).serialize(peer, format="turtle")
    opened = open_store("oxigraph", path=None)
    for path in (second, peer):
        ingest_files(opened, [path])
    yield opened
    opened.close()


@pytest.mark.parametrize(("name", "other", "column"), [
    ("indicators-vs-benchmark", JINGDEZHEN, "benchmarkValue"),
    ("indicators-vs-competitors", CHAOZHOU, "competitorValue")])
def test_years_meet_by_number_whether_gyear_or_integer(
        integer_year_store: Store, name: str, other: URIRef, column: str) -> None:
    """9.3.2 c) and d): a year is the same year in either form; the comparison is not lost."""
    figures = observations(revised_dehua()) | observations(jingdezhen())
    want = side_by_side(actuals(figures, DEHUA), actuals(figures, other))
    rows = run_named_query(integer_year_store, name, {"cluster": str(DEHUA)})
    assert want and {r["indicator"]: (int(r["year"]), number(r["value"]), number(r[column]))
                     for r in rows} == want


def test_indicator_trends_show_what_each_latest_submission_states_about_itself(
        revised_store: Store) -> None:
    """9.3.2: Dehua's trend is its second revision's own figures; Chaozhou, which Dehua reports on
    but which never submitted, has no trend; Jingdezhen's comes from its own submission."""
    want = {(DEHUA, i, y): v for (i, y), v in actuals(observations(revised_dehua()), DEHUA).items()}
    want.update({(JINGDEZHEN, i, y): v
                 for (i, y), v in actuals(observations(jingdezhen()), JINGDEZHEN).items()})
    rows = run_named_query(revised_store, "indicator-trends", {})
    assert {(r["cluster"], r["indicator"], int(r["year"])): number(r["value"])
            for r in rows} == want
    assert want[(DEHUA, IND.LocationAdvantage, 2024)] == Decimal("70.0")
    assert {str(r["clusterLabelZh"]) for r in rows if r["cluster"] == JINGDEZHEN} == {
        "景德镇陶瓷产业集群"}
    assert {str(r["unit"]) for r in rows if r["cluster"] == JINGDEZHEN
            and r["indicator"] == IND.IndustryScale} == {"亿元"}



def test_indicator_trends_give_one_name_per_language_and_one_row_per_figure(
        tmp_path: Path) -> None:
    """9.3.2: a cluster naming itself twice in Chinese and never in English keeps one row per
    figure, with one of its Chinese names and no English one (the names are read per language
    in one grouped pass over the summary's labels)."""
    twice_named = peer_submission(JINGDEZHEN, "景德镇陶瓷产业集群", "unused")
    twice_named.remove((JINGDEZHEN, RDFS.label, Literal("unused", lang="en")))
    twice_named.add((JINGDEZHEN, RDFS.label, Literal("景德镇陶瓷集群", lang="zh")))
    path = tmp_path / "jingdezhen.ttl"
    twice_named.serialize(path, format="turtle")
    opened = open_store("oxigraph", path=None)
    try:
        ingest_files(opened, [path])
        rows = run_named_query(opened, "indicator-trends", {})
    finally:
        opened.close()
    assert sorted((r["indicator"], int(r["year"])) for r in rows) == sorted(
        (IND[i], y) for i, y, _v, _u in PEER_FIGURES)
    assert {str(r["clusterLabelZh"]) for r in rows} <= {"景德镇陶瓷产业集群", "景德镇陶瓷集群"}
    assert len({str(r["clusterLabelZh"]) for r in rows}) == 1
    assert not any("clusterLabelEn" in r for r in rows)

# --- the command line -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory store holding the meitan sample (the quickest to validate)."""
    path = tmp_path_factory.mktemp("cli") / "store"
    opened = open_store("oxigraph", path=path)
    try:
        ingest_files(opened, [EXAMPLES_DIR / "meitan-tea.ttl"])
    finally:
        opened.close()
    return path


def test_queries_list_shows_every_query_in_the_chosen_language(runner: CliRunner) -> None:
    result = runner.invoke(main, ["queries", "list", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    for query in list_queries():
        assert query.name in result.output and query.title["zh"] in result.output
    assert "cluster=<iri>" in result.output and "[year=<integer>]" in result.output


def test_queries_run_prints_json_rows(runner: CliRunner, store_dir: Path) -> None:
    result = runner.invoke(main, ["queries", "run", "indicators-vs-history", "--param",
                                           f"cluster={MEITAN}", "--store", str(store_dir),
                                           "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["head"]["vars"] == list(result_columns("indicators-vs-history"))
    assert len(document["results"]["bindings"]) == 12  # six indicators × 2023, 2024


@pytest.mark.parametrize(("lang", "level"), [("en", "shall"), ("zh", "应")])
def test_queries_run_table_shows_labels_as_text_levels_in_words_and_rules_by_prefixed_name(
        runner: CliRunner, store_dir: Path, lang: str, level: str) -> None:
    result = runner.invoke(main, ["queries", "run", "most-violated-clauses", "--lang", lang,
                                  "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert not re.search(r"@(zh|en)\b", result.output)  # no language tags
    assert "https://w3id.org/bcic/" not in result.output  # no IRI of a requirement or level
    rows = re.findall(rf"^req:(\S+) +(\S+) +\1 .*  {level} +(\d+)$", result.output, re.M)
    assert rows and all(rid == own_id for rid, own_id, _count in rows)


def test_queries_run_table_keeps_a_clusters_iri_whole_for_the_queries_that_take_it(
        runner: CliRunner, store_dir: Path) -> None:
    result = runner.invoke(main, ["queries", "run", "clusters-by-conformance",
                                  "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    assert re.search(rf"^{re.escape(str(MEITAN))} +湄潭", result.output, re.M)


def test_queries_run_writes_a_rate_and_a_time_as_the_api_and_every_store_do(
        runner: CliRunner, store_dir: Path, expected: dict[str, dict[str, object]]) -> None:
    """The rate to six decimals (not 0.008403361344537815), the time with Z (not +00:00), as
    /api/queries and Virtuoso give them (tests/test_named_queries_virtuoso.py)."""
    result = runner.invoke(main, ["queries", "run", "clusters-by-conformance", "--format", "csv",
                                  "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(result.output))
    promised = cast(dict[str, int], expected["meitan-tea.ttl"]["rate"])
    assert row["rate"] == six_decimals(promised["met"], promised["applicable"]) == "0.008403"
    opened = open_store("oxigraph", path=store_dir, read_only=True)
    try:
        (revision,) = opened.revisions()
    finally:
        opened.close()
    assert row["generated"] == xsd_datetime(revision.generated) and row["generated"].endswith("Z")


def test_queries_run_json_keeps_language_tags_and_level_iris(runner: CliRunner,
                                                            store_dir: Path) -> None:
    result = runner.invoke(main, ["queries", "run", "most-violated-clauses", "--format", "json",
                                  "--store", str(store_dir)])
    first = json.loads(result.output)["results"]["bindings"][0]
    assert first["level"] == {"type": "uri", "value": str(BCIC.Shall)}
    assert first["labelZh"]["xml:lang"] == "zh"
    assert first["requirement"]["value"].startswith(str(REQ))


def test_queries_run_without_a_required_parameter_exits_2(runner: CliRunner,
                                                          store_dir: Path) -> None:
    result = runner.invoke(main, ["queries", "run", "indicators-vs-targets",
                                           "--store", str(store_dir)])
    assert result.exit_code == 2
    assert "missing required parameter" in result.output


def test_queries_run_refuses_a_param_without_equals_sign(runner: CliRunner,
                                                         store_dir: Path) -> None:
    result = runner.invoke(main, ["queries", "run", "indicators-vs-targets", "--param", "cluster",
                                           "--store", str(store_dir)])
    assert result.exit_code == 2


@pytest.mark.parametrize(("params", "said"), [
    (["cluster"], "错误：--param 'cluster' 不是 NAME=VALUE 的形式"),
    ([f"cluster={DEHUA}", "year=2024", "year=abc"], "错误：参数 year 给出了不止一次"),
], ids=["not-name-value", "repeated"])
def test_queries_show_says_a_malformed_or_repeated_param_in_the_asked_language(
        runner: CliRunner, params: list[str], said: str) -> None:
    options = [option for param in params for option in ("--param", param)]
    result = runner.invoke(main, ["queries", "show", "indicators-vs-targets", "--lang", "zh",
                                  *options])
    assert result.exit_code == 2 and said in result.output


@pytest.mark.parametrize("command", ["run", "show"])
def test_queries_refuse_a_stray_bracket_in_an_iri_with_exit_2(
        command: str, runner: CliRunner, store_dir: Path) -> None:
    store = ["--store", str(store_dir)] if command == "run" else []
    result = runner.invoke(main, ["queries", command, "indicators-vs-history", "--param",
                                  "cluster=http://[::1", *store])
    assert result.exit_code == 2, result.output
    assert "is not a valid IRI" in result.output


def test_queries_run_says_a_parameter_error_in_the_asked_language(runner: CliRunner,
                                                                  store_dir: Path) -> None:
    result = runner.invoke(main, ["queries", "run", "indicators-vs-targets", "--lang", "zh",
                                  "--store", str(store_dir)])
    assert result.exit_code == 2
    assert "错误：indicators-vs-targets：缺少必需参数 cluster" in result.output


def test_queries_show_says_a_parameter_error_in_the_asked_language(runner: CliRunner) -> None:
    result = runner.invoke(main, ["queries", "show", "indicators-vs-targets", "--lang", "zh",
                                  "--param", f"cluster={DEHUA}", "--param", "year=abc"])
    assert result.exit_code == 2
    assert "错误：参数 year：'abc' 不是整数" in result.output


def test_queries_show_prints_the_bound_query(runner: CliRunner) -> None:
    result = runner.invoke(main, ["queries", "show", "indicators-vs-targets", "--param",
                                           f"cluster={DEHUA}"])
    assert result.exit_code == 0, result.output
    assert f"VALUES ?cluster {{ <{DEHUA}> }}" in result.output


def test_new_values_cost_no_parse_of_their_own(store: Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The template is parsed once; a bound text adds no pattern and is not parsed again."""
    run_named_query(store, "indicators-vs-history", {"cluster": str(DEHUA)})
    parsed: list[str] = []
    real = guard.inspect_query
    monkeypatch.setattr(guard, "inspect_query", lambda text: parsed.append(text) or real(text))
    for cluster in (DATANG, MEITAN):
        assert run_named_query(store, "indicators-vs-history", {"cluster": str(cluster)})
    assert parsed == [get_query("indicators-vs-history").text] * 2  # answered from the cache


# --- texts per engine (README.md, "Texts per engine") ----------------------------------------
ENGINE_TEXTS = [(q, engine) for q in list_queries() for engine in q.variants]
# Each query with an engine text, on the stores where its parameters find rows: the default and
# a given benchmark, which starts the standard text down another branch.
ENGINE_CASES = [
    ("store", "indicators-vs-benchmark", {"cluster": str(DEHUA), "benchmark": str(DATANG)}),
    ("store", "indicators-vs-benchmark", {"cluster": str(DATANG), "benchmark": str(MEITAN)}),
    ("revised_store", "indicators-vs-benchmark", {"cluster": str(DEHUA)}),
    ("revised_store", "indicators-vs-benchmark", {"cluster": str(DEHUA),
                                                  "benchmark": str(JINGDEZHEN)}),
    ("revised_store", "indicators-vs-competitors", {"cluster": str(DEHUA)}),
    ("store", "indicators-vs-targets", {"cluster": str(DEHUA)}),
    ("store", "indicators-vs-targets", {"cluster": str(DATANG), "year": "2025"}),
    ("revised_store", "indicators-vs-targets", {"cluster": str(DEHUA), "year": "2024"}),
    ("uneven_store", "indicators-vs-targets", {"cluster": str(DATANG)}),
    ("store", "indicators-vs-history", {"cluster": str(DATANG)}),
    ("revised_store", "indicators-vs-history", {"cluster": str(DEHUA)}),
    ("uneven_store", "indicators-vs-history", {"cluster": str(DATANG)}),
]


def test_the_comparisons_of_9_3_2_have_a_virtuoso_text() -> None:
    """The library found the engine files (a renamed one would silently fall back)."""
    assert {q.name for q, engine in ENGINE_TEXTS if engine == "virtuoso"} >= {
        "indicators-vs-targets", "indicators-vs-history", "indicators-vs-benchmark",
        "indicators-vs-competitors"}
    assert {name for _, name, _ in ENGINE_CASES} == {q.name for q, _ in ENGINE_TEXTS}


@pytest.mark.parametrize(("query", "engine"), ENGINE_TEXTS,
                         ids=[f"{q.name}.{e}" for q, e in ENGINE_TEXTS])
def test_an_engine_text_is_a_guarded_select_with_the_standard_columns_and_placeholders(
        query: NamedQuery, engine: str) -> None:
    text = query.text_for(engine)
    assert text != query.text
    info = check_query(text, QueryForm.SELECT)
    assert not info.uses_service and info.variables == result_columns(query.name)
    placeholders = re.compile(r"^[ \t]*VALUES \?(\w+) \{ UNDEF \}[ \t]*$", re.MULTILINE)
    assert set(placeholders.findall(text)) == set(placeholders.findall(query.text))


@pytest.mark.parametrize(("fixture", "name", "values"), ENGINE_CASES,
                         ids=[f"{f}-{n}-{'&'.join(v)}" for f, n, v in ENGINE_CASES])
def test_an_engine_text_gives_the_standard_answer_on_oxigraph(
        request: pytest.FixtureRequest, fixture: str, name: str, values: dict[str, str]) -> None:
    store: Store = request.getfixturevalue(fixture)
    query = get_query(name)
    expected = store.select(bind(query, values))
    assert expected  # rows to compare
    for engine in query.variants:
        sparql = bind(query, values, engine=engine).removeprefix(ENGINE_PROLOGUES[engine])
        assert Counter(map(_row_key, store.select(sparql))) == Counter(map(_row_key, expected))


def _row_key(row: dict[str, Node]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((column, value.n3()) for column, value in row.items()))


class _EngineStore:
    """A store that says it is Virtuoso and keeps the text it is asked to run."""

    persistent, remote, query_engine = True, True, "virtuoso"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def select(self, query: str) -> list[dict[str, Node]]:
        self.texts.append(query)
        return []


def test_a_store_of_an_engine_is_sent_its_text_after_the_engines_prologue() -> None:
    virtuoso = _EngineStore()
    for name in ("indicators-vs-competitors", "indicator-trends"):
        run_named_query(cast(Store, virtuoso), name, {"cluster": str(DEHUA)})
    competitors, trends = virtuoso.texts
    assert competitors == (ENGINE_PROLOGUES["virtuoso"] + bind(
        get_query("indicators-vs-competitors"), {"cluster": str(DEHUA)}, engine="virtuoso")
        .removeprefix(ENGINE_PROLOGUES["virtuoso"]))
    assert "indicators-vs-competitors.rq (its header" in competitors
    assert trends == bind(get_query("indicator-trends"), {"cluster": str(DEHUA)})


def test_bind_for_an_engine_without_a_text_of_its_own_gives_the_standard_text() -> None:
    query = get_query("indicator-trends")
    assert "virtuoso" not in query.variants
    assert bind(query, {"cluster": str(DEHUA)}, engine="virtuoso") == bind(
        query, {"cluster": str(DEHUA)})
    assert bind(query, {"cluster": str(DEHUA)}, engine="sparql") == bind(
        query, {"cluster": str(DEHUA)})


HEADER = ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n"
          "# param: s iri required @en \"s\" @zh \"主语\"\n\n")
BODY = "SELECT * WHERE {\n  VALUES ?s { UNDEF }\n  ?s ?p ?o\n}\n"


@pytest.mark.parametrize(("texts", "problem"), [
    ({"q": HEADER + BODY, "q.fuseki": BODY}, "'fuseki' is not an engine"),
    ({"q.virtuoso": BODY}, "no q.rq beside it"),
    ({"q": HEADER + BODY, "q.virtuoso": "SELECT * WHERE { ?s ?p ?o }\n"}, "no 'VALUES"),
])
def test_a_stray_or_malformed_engine_text_is_refused_when_loaded(texts: dict[str, str],
                                                                 problem: str) -> None:
    with pytest.raises(CheckerError, match=problem):
        build_library(texts)


def test_an_engine_text_is_loaded_beside_its_query() -> None:
    library = build_library({"q": HEADER + BODY, "q.virtuoso": "# mine\n" + BODY})
    assert list(library) == ["q"] and library["q"].variants == {"virtuoso": "# mine\n" + BODY}
    assert bind(library["q"], {"s": "urn:x:s"}, engine="virtuoso") == (
        ENGINE_PROLOGUES["virtuoso"] + "# mine\nSELECT * WHERE {\n  VALUES ?s { <urn:x:s> }\n"
        "  ?s ?p ?o\n}\n")


def test_a_rule_change_and_a_rebuild_keep_the_stored_rates_and_failures() -> None:
    """Rule review 1: after 9.4.2 is renumbered 9.4.3 in the stored rule graphs
    and the summary rebuilt (`bcic reindex`, or the next ingest), each revision keeps the rate
    its report states, and 9.4.2, failed by Datang when it was judged, is still counted and
    named as judged."""
    opened = open_store("oxigraph", path=None)
    try:
        for name in ("datang-socks.ttl", "dehua-ceramics.ttl"):
            ingest_files(opened, [EXAMPLES_DIR / name])
        rates = {info.cluster: info.rate for info in opened.revisions()}
        ranked = [(r["cluster"], r["rate"]) for r in
                  run_named_query(opened, "clusters-by-conformance", {})]
        opened.load_rules(renumbered_rule_graphs(opened.named_graph(ONTOLOGY_GRAPH)),
                          opened.named_graph(SHAPES_GRAPH))
        opened.rebuild_summary()
        assert {info.cluster: info.rate for info in opened.revisions()} == rates
        assert [(r["cluster"], r["rate"]) for r in
                run_named_query(opened, "clusters-by-conformance", {})] == ranked
        rows = {str(r["id"]): r for r in run_named_query(opened, "most-violated-clauses", {})}
    finally:
        opened.close()
    assert int(rows[RENAMED]["clusters"]) == 1
    assert rows[RENAMED]["requirement"] == REQ[RENAMED]
    assert str(rows[RENAMED]["labelZh"]) == "9.4.2 循环与纠偏机制"
    assert RENAMED_TO not in rows
