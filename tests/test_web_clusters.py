"""The cluster and benchmark pages and their JSON API (web/clusters.py, checker/cluster_dashboard.py).

Expected numbers are read here from the sample Turtle files with rdflib and scored with the rule the
pages document (value ÷ best of the compared clusters × 100, group = mean over leaves every
compared cluster states), never copied from the app.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from functools import cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from rdflib import RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from checker import __version__
from checker.cli import main
from checker.i18n import message
from checker.notation import provision_notation
from checker.ingest import ingest_files, publish_for_queries
from checker.paths import EXAMPLES_DIR, INDICATORS_FILE, REQUIREMENTS_FILE
from checker.report import Status
from checker.rulebook import Level
from checker.store import open_configured_store
from checker.validation import validate_files
from tests.changed_rulebook import (CHANGED_VERSION, RENAMED, RENAMED_TO,
                                    store_across_a_rule_change)

BCIC = Namespace("https://w3id.org/bcic/ontology#")
IND = Namespace("https://w3id.org/bcic/indicator/")
DEHUA = URIRef("https://example.org/cluster/dehua/cluster")
DATANG = URIRef("https://example.org/cluster/datang/cluster")
MEITAN = URIRef("https://example.org/cluster/meitan/cluster")
JINGDEZHEN = URIRef("https://example.org/cluster/dehua/jingdezhen")
FILES = {DEHUA: "dehua-ceramics.ttl", DATANG: "datang-socks.ttl", MEITAN: "meitan-tea.ttl"}
HTML = {"Accept": "text/html"}
HTML_LABEL = 'Dehua <script>alert("x")</script> & <b>co</b>'
LANGS = ("zh", "en")
# The mark of a value another cluster's submission states, and its note (web/strings/clusters.py).
MARK = {"en": "†", "zh": "※"}
NOTE = {"en": "stated in the latest submission of {cluster}", "zh": "数值来自“{cluster}”的最新提交"}


def key(cluster: URIRef) -> str:
    return hashlib.sha256(str(cluster).encode()).hexdigest()[:16]


# --- reading the samples with rdflib -------------------------------------------------------------

def codes() -> dict[URIRef, str]:
    scheme = Graph().parse(INDICATORS_FILE)
    return {s: str(o) for s, o in scheme.subject_objects(SKOS.notation)}  # type: ignore[misc]


def groups() -> dict[str, list[str]]:
    """Group code → its leaf codes, from the indicator file."""
    found: dict[str, list[str]] = {}
    for code in codes().values():
        if code.count(".") == 2:
            found.setdefault(code.rsplit(".", 1)[0], []).append(code)
    return {g: sorted(leaves, key=lambda c: int(c.rsplit(".", 1)[1])) for g, leaves in found.items()}


def figures(graph: Graph, cluster: URIRef) -> dict[tuple[str, int, str], Decimal]:
    """(indicator code, year, "actual"/"target") → value, for observations about `cluster`."""
    notation = codes()
    found = {}
    for obs in graph.subjects(BCIC.refCluster, cluster):
        kind = "actual" if graph.value(obs, BCIC.valueKind) == BCIC.ActualValue else "target"
        year = int(str(graph.value(obs, BCIC.refYear)))
        value = graph.value(obs, BCIC.observedValue)
        found[(notation[graph.value(obs, BCIC.indicator)], year, kind)] = Decimal(str(value))
    return found


def sample_figures(cluster: URIRef) -> dict[tuple[str, int, str], Decimal]:
    return figures(Graph().parse(EXAMPLES_DIR / FILES[cluster]), cluster)


def units_of(graph: Graph, cluster: URIRef) -> dict[str, str]:
    """Indicator code → the unit of the observations about `cluster` (one unit each here)."""
    notation = codes()
    return {notation[graph.value(obs, BCIC.indicator)]: str(graph.value(obs, BCIC.unitOfMeasure))
            for obs in graph.subjects(BCIC.refCluster, cluster)}


def sample_units(cluster: URIRef) -> dict[str, str]:
    return units_of(Graph().parse(EXAMPLES_DIR / FILES[cluster]), cluster)


def expected_scores(compared: list[dict[tuple[str, int, str], Decimal]], year: int,
                    leaves: list[str]) -> tuple[list[float | None], int]:
    """Each cluster's mean score over the leaves all of them state, and how many there are."""
    counted: list[list[float]] = []
    for code in leaves:
        values = [f.get((code, year, "actual")) for f in compared]
        if any(v is None for v in values) or max(values) <= 0:  # type: ignore[type-var]
            continue
        best = max(values)  # type: ignore[type-var]
        counted.append([float(max(v, 0) / best * 100) for v in values])  # type: ignore[type-var, operator]
    if not counted:
        return [None] * len(compared), 0
    return [sum(row[i] for row in counted) / len(counted) for i in range(len(compared))], len(counted)


@cache
def _requirements_graph() -> Graph:
    """The requirement catalogue, parsed once for the module: read it, never change it."""
    return Graph().parse(REQUIREMENTS_FILE)


def requirement_label(requirement_id: str, lang: str) -> str:
    graph = _requirements_graph()
    iri = URIRef("https://w3id.org/bcic/req/gbt-draft/" + requirement_id)
    return next(str(o) for o in graph.objects(iri, RDFS.label)
                if isinstance(o, Literal) and o.language == lang)


# --- reading the pages --------------------------------------------------------------------------

class Tables(HTMLParser):
    """The tables of a page by id: each row's attributes and cell texts (th and td)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables: dict[str, list[tuple[dict[str, str], list[str]]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "table":
            self._table = values.get("id", "")
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self.tables[self._table].append((values, []))
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._table is not None:
            self.tables[self._table][-1][1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table(html: str, table_id: str) -> list[tuple[dict[str, str], list[str]]]:
    tables = Tables(html).tables
    assert table_id in tables, f"no table {table_id}"
    return tables[table_id]


def noted(value: Decimal, lang: str, by: str, unit: str = "") -> str:
    """A cell's text: the value (with its unit), then the mark of note 1, naming `by` in words
    for screen readers (9.3.2 c) d): a figure another cluster's submission states)."""
    shown = f"{value.normalize():f} {unit}".strip()
    return f"{shown} {MARK[lang]}1 {NOTE[lang].format(cluster=by)}"


def number(cell: str) -> Decimal | None:
    text = cell.split()[0] if cell.split() else cell
    return None if text == "—" else Decimal(text)


def page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


# --- a store with three revisions of one cluster ------------------------------------------------

@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Dehua three times: (1) without its crisis warning system, (2) complete, with a label that
    holds HTML and figures it reports about its declared benchmark Jingdezhen, (3) as 2 without its
    correction mechanism. Also Datang once."""
    folder = tmp_path_factory.mktemp("revised")
    ex = Namespace("https://example.org/cluster/dehua/")
    original = Graph().parse(EXAMPLES_DIR / FILES[DEHUA])

    first = _copy(original)
    first.remove((ex["crisis-warning"], None, None))
    first.remove((None, None, ex["crisis-warning"]))

    second = _copy(original)
    second.remove((DEHUA, RDFS.label, Literal("Dehua ceramics industrial cluster", lang="en")))
    second.add((DEHUA, RDFS.label, Literal(HTML_LABEL, lang="en")))
    reported = {"LocationAdvantage": "80", "HistoricalHeritage": "95", "IndustryScale": "600.5"}
    for n, (name, value) in enumerate(reported.items()):
        obs = ex[f"jdz-{n}"]
        second.add((obs, BCIC.refCluster, JINGDEZHEN))
        second.add((obs, BCIC.indicator, IND[name]))
        second.add((obs, BCIC.refYear, Literal("2024", datatype=URIRef(
            "http://www.w3.org/2001/XMLSchema#gYear"))))
        second.add((obs, BCIC.valueKind, BCIC.ActualValue))
        second.add((obs, BCIC.observedValue, Literal(Decimal(value))))
        second.add((obs, BCIC.unitOfMeasure, Literal("u")))

    third = _copy(second)
    third.remove((ex["correction-mechanism"], None, None))

    paths = []
    for n, graph in enumerate((first, second, third), start=1):
        path = folder / f"dehua-{n}.ttl"
        graph.serialize(path, format="turtle")
        paths.append(path)
    store_dir = folder / "store"
    store = open_configured_store(str(store_dir))
    try:
        for path in paths:
            ingest_files(store, [path], submitter="evaluator <b>x</b>")
        ingest_files(store, [EXAMPLES_DIR / FILES[DATANG]], submitter="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return {"store": store_dir, "paths": paths, "graphs": (first, second, third)}


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def _changes(before: Path, after: Path) -> tuple[set[str], set[str]]:
    """Closed and opened requirement ids between two files, from two validations: a gap before
    and no longer, a gap now and not before."""
    old, new = _gaps(before), _gaps(after)
    return old - new, new - old


def _gaps(path: Path) -> set[str]:
    """The shall-level requirements a fresh validation of the file reports not met."""
    return {o.requirement.id for o in validate_files([path]).with_status(Status.NOT_MET)
            if o.requirement.level is Level.SHALL}


# --- the cluster page ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_cluster_page_shows_labels_iri_and_the_stored_revision(make_web_app, sample_store: Path,
                                                               lang: str) -> None:
    html = page(make_web_app(sample_store).test_client(), f"/clusters/{key(DEHUA)}?lang={lang}")
    graph = Graph().parse(EXAMPLES_DIR / FILES[DEHUA])
    label = next(str(o) for o in graph.objects(DEHUA, RDFS.label) if o.language == lang)
    assert f"<h1>{label}</h1>" in html and str(DEHUA) in html
    [(attrs, cells)] = table(html, "revisions-table")[1:]
    digest = hashlib.sha256((EXAMPLES_DIR / FILES[DEHUA]).read_bytes()).hexdigest()
    assert attrs["id"] == "revision-1" and cells[0] == "1" and cells[4] == "tests"
    assert cells[3] == ("21.8%（93 项待人工评审）" if lang == "zh" else "21.8% (93 pending review)")
    assert digest in cells[5] and FILES[DEHUA] in cells[5]
    assert cells[6] == cells[7] == "—"  # conformant from the start: no gap opened
    assert f'href="/clusters/{key(DEHUA)}/revisions/1"' in html


@pytest.mark.parametrize(("lang", "query", "expected_codes"), [
    ("en", "", None),  # default: the first group with figures
    ("zh", "&group=b.1", "b.1"),
    ("en", "&indicator=c.1.3&indicator=a.2.1", ["a.2.1", "c.1.3"]),
])
def test_series_table_holds_the_sample_values_actual_and_target(
        make_web_app, sample_store: Path, lang: str, query: str,
        expected_codes: str | list[str] | None) -> None:
    html = page(make_web_app(sample_store).test_client(),
                f"/clusters/{key(DEHUA)}?lang={lang}{query}")
    data = sample_figures(DEHUA)
    wanted = (groups()["a.1"] if expected_codes is None else groups()[expected_codes]
              if isinstance(expected_codes, str) else expected_codes)
    rows = table(html, "series-table")
    years = [int(c) for c in rows[0][1][3:]]
    assert years == sorted({y for (code, y, _) in data if code in wanted})
    body = rows[1:]
    assert [r[0]["data-indicator"] for r in body] == [c for c in wanted for _ in (1, 2)]
    for attrs, cells in body:
        for year, cell in zip(years, cells[3:]):
            assert number(cell) == data.get((attrs["data-indicator"], year, attrs["data-kind"]))


def test_radar_against_a_chosen_benchmark_follows_the_documented_rule(make_web_app,
                                                                       sample_store: Path) -> None:
    client = make_web_app(sample_store).test_client()
    html = page(client, f"/clusters/{key(DEHUA)}?lang=en&benchmark={key(DATANG)}")
    own, other = sample_figures(DEHUA), sample_figures(DATANG)
    year = max({y for (_, y, k) in own if k == "actual"} & {y for (_, y, k) in other if k == "actual"})
    rows = table(html, "radar-table")
    assert f"Group scores in {year} " in html
    body = {r[0]["data-group"]: r[1] for r in rows[1:]}
    assert list(body) == sorted(groups(), key=lambda g: (g[0], int(g[2:])))
    gaps = 0
    for group, leaves in groups().items():
        scores, counted = expected_scores([own, other], year, leaves)
        cells = body[group]
        assert cells[3] == f"{counted} / {len(leaves)}"
        for cell, score in zip(cells[1:3], scores):
            if score is None:
                assert cell == "—"
                gaps += 1
            else:
                assert abs(float(cell) - score) <= 0.051, (group, cell, score)
    assert gaps, "Datang lacks groups c.3 and c.4: the radar must leave gaps there"
    leaves = {r[0]["data-indicator"]: r[1] for r in table(html, "radar-leaves")[1:]}
    assert number(leaves["b.1.1"][1]) == own[("b.1.1", year, "actual")]
    assert number(leaves["b.1.1"][3]) == other[("b.1.1", year, "actual")]
    chart = json.loads(html.split('id="radar-data">')[1].split("</script>")[0])
    assert chart["type"] == "radar" and len(chart["data"]["labels"]) == len(groups())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_declared_benchmark_without_figures_is_explained(make_web_app, sample_store: Path,
                                                           lang: str) -> None:
    """Dehua declares Jingdezhen its benchmark, but no figures of Jingdezhen are anywhere."""
    html = page(make_web_app(sample_store).test_client(), f"/clusters/{key(DEHUA)}?lang={lang}")
    assert f'value="{key(JINGDEZHEN)}" selected' in html
    note = {"en": "has no actual indicator values", "zh": "没有指标实际值"}[lang]
    assert note in html
    with_figures = page(make_web_app(sample_store).test_client(),
                        f"/clusters/{key(DEHUA)}?lang={lang}&benchmark={key(DATANG)}")
    assert note not in with_figures


@pytest.mark.parametrize("lang, option, benchmark, competitor", [
    ("en", "Jingdezhen ceramics industrial cluster (declared benchmark) — not stored: only figures "
           "this cluster reports about it, if any",
     "The declared benchmark, Jingdezhen ceramics industrial cluster, has no figures",
     "The declared competitor, Chaozhou ceramics industrial cluster, has no figures"),
    ("zh", "景德镇陶瓷产业集群（声明的标杆） — 未存储：仅有本集群关于它的记录数值（如有）",
     "声明的标杆 景德镇陶瓷产业集群 在这些指标和年份上没有数值",
     "声明的竞争对手 潮州陶瓷产业集群 在这些指标和年份上没有数值"),
])
def test_declared_peers_without_figures_are_named_on_both_pages(
        make_web_app, sample_store: Path, lang: str, option: str, benchmark: str,
        competitor: str) -> None:
    """9.3.2 c) 「与标杆的对比」, d) 「与竞争对手的对比」: Dehua declares Jingdezhen and Chaozhou, of
    which nothing is stored or reported; the pages name them and claim no figures."""
    client = make_web_app(sample_store).test_client()
    assert option in page(client, f"/clusters/{key(DEHUA)}?lang={lang}")
    shown = page(client, f"/benchmark?focus={key(DEHUA)}&lang={lang}")
    assert benchmark in shown and competitor in shown


def test_a_year_the_benchmark_lacks_is_explained(make_web_app, sample_store: Path) -> None:
    own, other = sample_figures(DEHUA), sample_figures(DATANG)
    only_own = sorted({y for (_, y, k) in own if k == "actual"}
                      - {y for (_, y, k) in other if k == "actual"})
    assert only_own, "the samples need a year Dehua states and Datang does not"
    html = page(make_web_app(sample_store).test_client(),
                f"/clusters/{key(DEHUA)}?lang=en&benchmark={key(DATANG)}&year={only_own[0]}")
    assert f"has no actual values for {only_own[0]}" in html


def test_a_cluster_without_a_benchmark_says_so_and_compares_with_itself(make_web_app,
                                                                        sample_store: Path) -> None:
    html = page(make_web_app(sample_store).test_client(), f"/clusters/{key(MEITAN)}?lang=en")
    assert "No benchmark is chosen or declared" in html
    rows = table(html, "radar-table")
    assert len(rows[0][1]) == 3  # group, this cluster, counted
    stated = {code for (code, _, kind) in sample_figures(MEITAN) if kind == "actual"}
    for attrs, cells in rows[1:]:
        has = any(code in stated for code in groups()[attrs["data-group"]])
        assert cells[1] == ("100.0" if has else "—")


@pytest.mark.parametrize(("lang", "not_comparable"), [
    ("en", "not comparable (different units)"), ("zh", "不可比（单位不同）")])
def test_the_declared_benchmark_is_the_default_and_figures_in_another_unit_get_no_score(
        make_web_app, revised: dict[str, object], lang: str, not_comparable: str) -> None:
    """Dehua reports three 2024 figures of its declared benchmark Jingdezhen, in a unit ("u") none
    of Dehua's figures is in: the radar compares with Jingdezhen by default, but sets none of
    them against Dehua's (9.3.2 c): each leaf says why, and the axes they fall in are gaps. Each
    of Jingdezhen's figures is marked as stated by Dehua's submission."""
    client = make_web_app(revised["store"]).test_client()
    html = page(client, f"/clusters/{key(DEHUA)}?lang={lang}")
    third = revised["graphs"][2]  # type: ignore[index]
    assert pick_label(third, JINGDEZHEN, lang) in table(html, "radar-table")[0][1][2]
    own, other = figures(third, DEHUA), figures(third, JINGDEZHEN)
    units, other_units = units_of(third, DEHUA), units_of(third, JINGDEZHEN)
    leaves = {r[0]["data-indicator"]: r[1] for r in table(html, "radar-leaves")[1:]}
    reported = {code for (code, _, _) in other}
    assert reported and all(units[code] != other_units[code] == "u" for code in reported)
    for code in reported:
        assert leaves[code][1:] == [f"{own[code, 2024, 'actual'].normalize():f} {units[code]}",
                                    not_comparable,
                                    noted(other[code, 2024, "actual"], lang,
                                          pick_label(third, DEHUA, lang), "u"),
                                    not_comparable]
    body = {r[0]["data-group"]: r[1] for r in table(html, "radar-table")[1:]}
    for group in ("a.1", "b.1", "a.2"):
        assert body[group][1:] == ["—", "—", f"0 / {len(groups()[group])}"]
    none = page(client, f"/clusters/{key(DEHUA)}?lang={lang}&benchmark=")
    assert len(table(none, "radar-table")[0][1]) == 3


def pick_label(graph: Graph, cluster: URIRef, lang: str) -> str:
    """The cluster's label in `lang` as a graph gives it."""
    return next(str(o) for o in graph.objects(cluster, RDFS.label) if o.language == lang)


def test_a_cluster_with_three_revisions_shows_what_each_closed_and_opened(
        make_web_app, revised: dict[str, object]) -> None:
    paths: list[Path] = revised["paths"]  # type: ignore[assignment]
    closed2, opened2 = _changes(paths[0], paths[1])
    closed3, opened3 = _changes(paths[1], paths[2])
    assert closed2 and opened3 and not opened2  # the modifications must change something
    client = make_web_app(revised["store"]).test_client()
    for lang in LANGS:
        html = page(client, f"/clusters/{key(DEHUA)}?lang={lang}")
        rows = {attrs["id"]: cells for attrs, cells in table(html, "revisions-table")[1:]}
        assert set(rows) == {"revision-1", "revision-2", "revision-3"}
        for name, closed, opened in (("revision-2", closed2, opened2),
                                     ("revision-3", closed3, opened3)):
            assert _ids(html, name, "closed") == closed
            assert _ids(html, name, "opened") == opened
            assert all(provision_notation(r, lang) in rows[name][6] for r in closed)
        some = sorted(opened3)[0]  # its number (linked to the report), then its label
        label = requirement_label(some, lang).removeprefix(provision_notation(some, lang) + " ")
        assert f">{provision_notation(some, lang)}</a> {label}</li>" in html
        assert f'/clusters/{key(DEHUA)}/revisions/3"' in html
    document = client.get(f"/api/clusters/{key(DEHUA)}/history").get_json()
    by_number = {r["number"]: r for r in document["revisions"]}
    assert {r["id"] for r in by_number[2]["closed"]} == closed2
    assert {r["id"] for r in by_number[3]["opened"]} == opened3
    assert by_number[3]["files"][0]["sha256"] == hashlib.sha256(paths[2].read_bytes()).hexdigest()
    assert by_number[1]["closed"] == [] and by_number[1]["submitter"] == "evaluator <b>x</b>"
    assert by_number[3]["report"].endswith(f"/clusters/{key(DEHUA)}/revisions/3")


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_revision_lists_its_gaps_as_opened_as_bcic_history_does(
        make_web_app, sample_store: Path, runner: CliRunner, lang: str) -> None:
    client = make_web_app(sample_store).test_client()
    html = page(client, f"/clusters/{key(MEITAN)}?lang={lang}")
    output = runner.invoke(main, ["history", str(MEITAN), "--store", str(sample_store),
                                  "--lang", lang]).output
    opened = output.splitlines()[2].strip().split("：" if lang == "zh" else ": ", 1)[1]
    gaps = _gaps(EXAMPLES_DIR / FILES[MEITAN])
    # people read the standard's notation (listed as the language lists), machines the ids
    said = opened.split("、" if lang == "zh" else ", ")
    assert {provision_notation(r, lang) for r in _ids(html, "revision-1", "opened")} == set(said)
    assert _ids(html, "revision-1", "opened") == gaps
    assert "8.3.1" not in _ids(html, "revision-1", "opened")  # may-level: information
    assert _ids(html, "revision-1", "closed") == set()
    # each gap by its number once, then its label: 「8.1.3 —5 适合各种场合使用」, not 「8.1.3 —5 8.1.3 —5 …」
    cell = html.split('<tr id="revision-1">')[1].split('<td class="opened">')[1].split("</td>")[0]
    shown = {rid: " ".join(unescape(re.sub(r"<[^>]+>", "", text)).split()) for rid, text in
             re.findall(r'<li data-requirement="([^"]+)">(.*?)</li>', cell, re.S)}
    assert shown == {rid: requirement_label(rid, lang) for rid in gaps}
    for url in (f"/api/clusters/{key(MEITAN)}/history", f"/api/clusters/{key(MEITAN)}"):
        [revision] = client.get(url).get_json()["revisions"]
        assert [provision_notation(r if isinstance(r, str) else r["id"], lang)
                for r in revision["opened"]] == said


def _ids(html: str, row: str, column: str) -> set[str]:
    """The requirement ids listed in one column ("closed", "opened") of one revision's row."""
    cells = html.split(f'<tr id="{row}">')[1].split("</tr>")[0]
    cell = cells.split(f'<td class="{column}">')[1].split("</td>")[0]
    return set(re.findall(r'data-requirement="([^"]+)"', cell))


def test_values_that_hold_html_are_escaped_everywhere(make_web_app,
                                                      revised: dict[str, object]) -> None:
    client = make_web_app(revised["store"]).test_client()
    urls = [f"/clusters/{key(DEHUA)}?lang=en", f"/clusters/{key(DATANG)}?lang=en",
            "/benchmark?lang=en", f"/clusters/{key(DATANG)}?lang=en&benchmark={key(DEHUA)}"]
    for url in urls:
        html = page(client, url)
        assert "<script>alert" not in html and "<b>co</b>" not in html and "<b>x</b>" not in html
        assert "&lt;script&gt;alert" in html or "\\u003cscript\\u003e" in html, url


# --- the benchmark page -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_benchmark_table_puts_the_sample_values_side_by_side(make_web_app, sample_store: Path,
                                                             lang: str) -> None:
    chosen = [DATANG, DEHUA, MEITAN]
    indicators = ["a.1.1", "a.1.4", "b.1.1", "c.1.1", "c.3.1"]
    query = "&".join([f"cluster={key(c)}" for c in chosen] +
                     [f"indicator={c}" for c in indicators] + ["year=2024", f"lang={lang}"])
    html = page(make_web_app(sample_store).test_client(), f"/benchmark?{query}")
    data = [sample_figures(c) for c in chosen]
    rows = table(html, "benchmark-table")
    assert [a["data-indicator"] for a, _ in rows[2:]] == indicators
    for attrs, cells in rows[2:]:
        code = attrs["data-indicator"]
        values = [f.get((code, 2024, "actual")) for f in data]
        stated = [v for v in values if v is not None]
        for n, value in enumerate(values):
            assert number(cells[1 + 3 * n]) == value
            score = cells[3 + 3 * n]
            if value is None:
                assert score == "—"
            else:
                assert abs(float(score) - float(max(value, 0) / max(stated) * 100)) <= 0.051
    chart = json.loads(html.split('id="bars-data">')[1].split("</script>")[0])
    assert len(chart["data"]["datasets"]) == 3 and len(chart["data"]["labels"]) == 5


def test_benchmark_page_shows_the_four_comparisons_of_the_focus_cluster(make_web_app,
                                                                        sample_store: Path) -> None:
    html = page(make_web_app(sample_store).test_client(),
                f"/benchmark?lang=en&cluster={key(DEHUA)}&focus={key(DEHUA)}&year=2024"
                f"&benchmark={key(DATANG)}")
    data, other = sample_figures(DEHUA), sample_figures(DATANG)
    targets = table(html, "table-targets")[1:]
    assert len(targets) == len({c for (c, y, k) in data if y == 2024 and k == "target"})
    for attrs, cells in targets:
        code = attrs["data-indicator"]
        target, actual = data[(code, 2024, "target")], data.get((code, 2024, "actual"))
        assert cells[1] == "2024" and number(cells[2]) == target and number(cells[3]) == actual
        assert number(cells[4]) == (actual - target if actual is not None else None)
    for attrs, cells in table(html, "table-history")[1:]:
        code = attrs["data-indicator"]
        value, previous = data[(code, 2024, "actual")], data.get((code, 2023, "actual"))
        assert number(cells[2]) == value and number(cells[3]) == previous
    bench = table(html, "table-benchmark")[1:]
    assert bench and all("Datang" in cells[0] for _, cells in bench)
    units, other_units = sample_units(DEHUA), sample_units(DATANG)
    for attrs, cells in bench:
        code, year = attrs["data-indicator"], int(cells[2])
        value, benchmark_value = data[(code, year, "actual")], other[(code, year, "actual")]
        assert number(cells[3]) == value and cells[4] == units[code]
        assert number(cells[5]) == benchmark_value and cells[6] == other_units[code]
        assert units[code] == other_units[code] and number(cells[7]) == value - benchmark_value
        assert cells[8] == "" and cells[9] == "the benchmark's own submission"  # no level
    assert ("The declared competitor, Chaozhou ceramics industrial cluster, has no figures"
            in html)  # Chaozhou is declared, and has none
    assert '<span class="muted">(9.3.2 c))</span>' in html  # the standard's notation


@pytest.mark.parametrize(("lang", "source"), [("en", "this cluster's submission"),
                                              ("zh", "本集群的提交")])
def test_benchmark_page_gives_no_difference_between_values_of_two_units(
        make_web_app, revised: dict[str, object], lang: str, source: str) -> None:
    """9.3.2 c): Dehua reports its benchmark Jingdezhen's figures in a unit ("u") of its own: each
    value stands with its unit, with no difference, and the figure says it is Dehua's report."""
    html = page(make_web_app(revised["store"]).test_client(),
                f"/benchmark?lang={lang}&focus={key(DEHUA)}&year=2024")
    third = revised["graphs"][2]  # type: ignore[index]
    own, other, units = figures(third, DEHUA), figures(third, JINGDEZHEN), units_of(third, DEHUA)
    bench = table(html, "table-benchmark")[1:]
    assert {attrs["data-indicator"] for attrs, _ in bench} == {
        code for (code, _, _) in other}
    for attrs, cells in bench:
        code = attrs["data-indicator"]
        assert number(cells[3]) == own[(code, 2024, "actual")] and cells[4] == units[code] != "u"
        assert number(cells[5]) == other[(code, 2024, "actual")] and cells[6] == "u"
        assert cells[7] == "—" and cells[9] == source  # cells[8]: levels compared, none here


def test_benchmark_page_of_a_small_store_defaults_to_every_stored_cluster(
        make_web_app, sample_store: Path) -> None:
    """Three stored clusters, fewer than the page compares by default (DEFAULT_COMPARED: a larger
    store, tests/test_web_benchmark_scale.py): every one is compared, and the page says so."""
    html = page(make_web_app(sample_store).test_client(), "/benchmark?lang=zh")
    header = table(html, "benchmark-table")[0][1]
    leaves = sum(len(codes) for codes in groups().values())
    assert len(header) == 1 + 3 and len(table(html, "benchmark-table")) == 2 + leaves
    assert "对标比较（9.3.2）" in html and "比较已存储的 3 个产业集群中的 3 个。" in html
    assert "未选择产业集群" not in html  # nothing left out to explain


# --- the JSON API -------------------------------------------------------------------------------

def test_indicators_api_gives_every_value_and_target_by_year(make_web_app,
                                                            sample_store: Path) -> None:
    client = make_web_app(sample_store).test_client()
    document = client.get(f"/api/clusters/{key(DATANG)}/indicators").get_json()
    data = sample_figures(DATANG)
    got = {(i["code"], int(y), kind): Decimal(str(v)) for i in document["indicators"]
           for kind in ("actual", "target") for y, v in i[kind].items()}
    assert got == data
    assert document["cluster"]["iri"] == str(DATANG) and document["radar"]["year"] == 2024
    assert document["benchmark"] is None
    with_benchmark = client.get(f"/api/clusters/{key(DATANG)}/indicators?benchmark={key(DEHUA)}")
    radar = with_benchmark.get_json()["radar"]
    group = next(g for g in radar["groups"] if g["code"] == "b.2")
    scores, _ = expected_scores([data, sample_figures(DEHUA)], 2024, groups()["b.2"])
    assert abs(group["scores"][str(DATANG)] - scores[0]) <= 0.051  # type: ignore[operator]


def test_benchmark_api_compares_the_named_clusters(make_web_app, sample_store: Path) -> None:
    client = make_web_app(sample_store).test_client()
    response = client.get(f"/api/benchmark?cluster={key(DEHUA)}&cluster={key(MEITAN)}"
                          "&indicator=b.1.1&year=2023")
    document = response.get_json()
    assert response.status_code == 200 and document["year"] == 2023
    [leaf] = document["indicators"]
    for cluster in (DEHUA, MEITAN):
        expected = sample_figures(cluster).get(("b.1.1", 2023, "actual"))
        assert leaf["values"][str(cluster)] == (float(expected) if expected is not None else None)
    assert set(document["comparisons"]) == {"targets", "history", "benchmark", "competitors"}
    assert document["focus"]["iri"] == str(DEHUA)


def test_history_api_lists_the_revision_with_its_file(make_web_app, sample_store: Path) -> None:
    document = make_web_app(sample_store).test_client().get(
        f"/api/clusters/{key(MEITAN)}/history").get_json()
    [revision] = document["revisions"]
    assert revision["number"] == 1 and revision["closed"] == []
    assert {r["id"] for r in revision["opened"]} == _gaps(EXAMPLES_DIR / FILES[MEITAN])
    assert revision["files"][0]["sha256"] == hashlib.sha256(
        (EXAMPLES_DIR / FILES[MEITAN]).read_bytes()).hexdigest()


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("url", ["/clusters/0123456789abcdef", "/api/clusters/nope/history",
                                 "/api/clusters/0123456789abcdef/indicators"])
def test_an_unknown_cluster_is_404_with_a_message_in_the_language(make_web_app, sample_store: Path,
                                                                  url: str, lang: str) -> None:
    response = make_web_app(sample_store).test_client().get(f"{url}?lang={lang}", headers=HTML)
    assert response.status_code == 404
    text = response.get_data(as_text=True)
    message = "没有键为" if lang == "zh" else "No stored cluster has the key"
    if url.startswith("/api/"):
        assert response.get_json()["ok"] is False and message in response.get_json()["message"]
    else:
        assert message in text and "Traceback" not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("url", "en", "zh"), [
    ("/clusters/{dehua}?year=24", "four digits", "四位数字"),
    ("/clusters/{dehua}?indicator=z.9", "no 9.1.4 indicator with the code z.9", "z.9"),
    ("/clusters/{dehua}?group=a.9", "no 9.1.4 indicator group", "a.9"),
    ("/clusters/{dehua}?benchmark={dehua}", "cannot be its own benchmark", "不能作为自己的标杆"),
    ("/api/clusters/{dehua}/indicators?benchmark={dehua}", "cannot be its own benchmark",
     "不能作为自己的标杆"),
    ("/benchmark?focus={dehua}&benchmark={dehua}", "cannot be its own benchmark",
     "不能作为自己的标杆"),
    ("/api/clusters/{dehua}/indicators?year=x", "four digits", "四位数字"),
    ("/benchmark?indicator=b.1.9", "b.1.9", "b.1.9"),
    ("/api/benchmark", "at least one stored cluster", "至少指定一个"),
    ("/api/benchmark?cluster={dehua}&indicator=nope", "nope", "nope"),
    ("/api/benchmark?cluster={dehua}&year=20245", "four digits", "四位数字"),
])
def test_bad_parameters_are_400_with_a_clear_message(make_web_app, sample_store: Path, url: str,
                                                     en: str, zh: str, lang: str) -> None:
    url = url.format(dehua=key(DEHUA))
    joiner = "&" if "?" in url else "?"
    response = make_web_app(sample_store).test_client().get(f"{url}{joiner}lang={lang}",
                                                            headers=HTML)
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert (en if lang == "en" else zh) in (response.get_json()["message"]
                                            if url.startswith("/api/") else text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("url", "given", "stored_only"), [
    ("/clusters/{dehua}?benchmark=ffff", "ffff", False),
    ("/benchmark?cluster=abc", "abc", True),
    ("/api/benchmark?cluster={dehua}&focus=beef", "beef", True),
    ("/api/benchmark?cluster=https://example.org/cluster/nobody/cluster",
     "https://example.org/cluster/nobody/cluster", True),
    ("/api/clusters/{dehua}/indicators?benchmark=https://example.org/nobody",
     "https://example.org/nobody", False),
])
def test_a_cluster_parameter_naming_no_known_cluster_is_404_naming_it(
        make_web_app, sample_store: Path, url: str, given: str, stored_only: bool,
        lang: str) -> None:
    """A key or IRI that names no cluster that may be compared (9.3.2 c)) is not there, as a named
    query's unknown IRI is: 404, naming the parameter and the value, in the request's language;
    `cluster` and `focus` take stored clusters only, and say so."""
    url = url.format(dehua=key(DEHUA))
    response = make_web_app(sample_store).test_client().get(f"{url}&lang={lang}", headers=HTML)
    assert response.status_code == 404
    text = (response.get_json()["message"] if url.startswith("/api/")
            else response.get_data(as_text=True))
    said = {(False, "zh"): "没有产业集群以", (False, "en"): "no cluster is known by",
            (True, "zh"): "没有已存储的产业集群以", (True, "en"): "no stored cluster is known by"}
    assert given in text and said[stored_only, lang] in text


@pytest.mark.parametrize(("lang", "said"), [("en", "the nearest known: "),
                                            ("zh", "最接近的已知产业集群：")])
@pytest.mark.parametrize("by", ["iri", "key"])
def test_an_unknown_cluster_parameter_names_the_nearest_known(
        make_web_app, sample_store: Path, by: str, lang: str, said: str) -> None:
    """A typo in an IRI or a key is answered with the cluster meant first, written as it was
    given."""
    meant = str(DEHUA) if by == "iri" else key(DEHUA)
    given = meant[:-1] + ("s" if by == "iri" else "f" if meant[-1] != "f" else "e")
    response = make_web_app(sample_store).test_client().get(
        "/api/benchmark", query_string={"cluster": given, "lang": lang})
    message = response.get_json()["message"]
    assert response.status_code == 404 and said + meant in message, message


def test_an_upper_case_key_with_a_typo_names_the_one_meant(make_web_app,
                                                          sample_store: Path) -> None:
    """A key typed in capitals with a typo is compared in either case: the nearest known is the
    cluster meant."""
    meant = key(DEHUA)
    given = (meant[:-1] + ("0" if meant[-1] != "0" else "1")).upper()
    response = make_web_app(sample_store).test_client().get(
        "/api/benchmark", query_string={"cluster": given, "lang": "en"})
    message = response.get_json()["message"]
    assert response.status_code == 404 and "the nearest known: " + meant in message, message


def _encoded(by: str) -> dict[str, str]:
    """Dehua, Meitan and Datang by IRI or key, percent-encoded once more than a query string
    decodes (`https%253A%252F%252F…` in the URL), as a link pasted into a form sends them."""
    def encoded(cluster: URIRef) -> str:
        meant = str(cluster) if by == "iri" else key(cluster)
        return quote(meant, safe="") if by == "iri" else "".join(
            f"%{ord(c):02X}" for c in meant[:2]) + meant[2:]
    return {"dehua": encoded(DEHUA), "meitan": encoded(MEITAN), "datang": encoded(DATANG)}


@pytest.mark.parametrize("by", ["iri", "key"])
def test_a_cluster_percent_encoded_twice_is_read_as_the_cli_reads_it(
        make_web_app, sample_store: Path, by: str) -> None:
    """`?cluster=`, `?focus=` and `?benchmark=` given percent-encoded in the decoded query
    string (`https%3A%2F%2F…`, `%36%39bf…`) name the cluster they encode, as `bcic benchmark`
    reads them (checker/revisions.py, `cluster_named`): the benchmark page and API, and a
    cluster's indicators API, answer as by key (9.3.2 c)); the cluster as its own benchmark, or
    named twice, once encoded, is refused as by key."""
    client = make_web_app(sample_store).test_client()
    enc = _encoded(by)
    by_key = client.get("/api/benchmark", query_string={
        "cluster": [key(DEHUA), key(MEITAN)], "focus": key(DEHUA), "benchmark": key(DATANG),
        "year": "2024"})
    encoded = client.get("/api/benchmark", query_string={
        "cluster": [enc["dehua"], enc["meitan"]], "focus": enc["dehua"],
        "benchmark": enc["datang"], "year": "2024"})
    assert encoded.status_code == 200, encoded.get_json()
    assert encoded.get_json() == by_key.get_json()
    page = client.get("/benchmark", query_string={"cluster": [enc["dehua"], enc["meitan"]],
                                                  "focus": enc["dehua"], "lang": "en"},
                      headers=HTML)
    assert page.status_code == 200 and f"cluster={key(MEITAN)}" in page.get_data(as_text=True)
    indicators = client.get(f"/api/clusters/{key(DEHUA)}/indicators",
                            query_string={"benchmark": enc["datang"]})
    assert indicators.get_json() == client.get(f"/api/clusters/{key(DEHUA)}/indicators",
                                               query_string={"benchmark": key(DATANG)}).get_json()
    own = client.get(f"/api/clusters/{key(DEHUA)}/indicators",
                     query_string={"benchmark": enc["dehua"], "lang": "en"})
    assert own.status_code == 400 and "cannot be its own benchmark" in own.get_json()["message"]
    twice = client.get("/benchmark", query_string={"cluster": [key(DEHUA), enc["dehua"]],
                                                   "lang": "en"}, headers=HTML)
    assert twice.status_code == 400 and "is named twice" in twice.get_data(as_text=True)


@pytest.mark.parametrize("by", ["key", "iri"])
def test_a_path_naming_no_stored_cluster_percent_encoded_is_refused_as_the_cli_refuses_it(
        make_web_app, sample_store: Path, by: str) -> None:
    """`/api/clusters/%2536%2539bf…0` (a typo in the key) or `…/https%253A%252F%252F…/clustr`
    is refused (404) in the words `bcic history` refuses the name it decodes to, naming the
    stored cluster meant (checker/revisions.py, `find_cluster`)."""
    meant = key(DEHUA) if by == "key" else str(DEHUA)
    typo = meant[:-1] + ("0" if meant[-1] != "0" else "1") if by == "key" else meant[:-2] + "r"
    given = ("".join(f"%{ord(c):02X}" for c in typo[:2]) + typo[2:] if by == "key"
             else quote(typo, safe=""))
    said = (f"no stored cluster has the key {typo}; the stored clusters nearest in spelling: "
            f"{meant}" if by == "key" else f"no revision of <{typo}> is stored; the stored "
            f"clusters nearest in spelling: <{meant}>")
    response = make_web_app(sample_store).test_client().get(
        f"/api/clusters/{quote(given, safe='')}?lang=en")
    assert response.status_code == 404 and said in response.get_json()["message"]
    cli = CliRunner().invoke(main, ["history", given, "--store", str(sample_store)])
    assert cli.exit_code == 2 and said in " ".join(cli.output.split()), cli.output


def test_a_path_naming_a_cluster_percent_encoded_goes_to_its_key_as_the_cli_reads_it(
        make_web_app, sample_store: Path) -> None:
    """A path's key or IRI left percent-encoded (`/clusters/%2536%2539bf…`,
    `/clusters/https%253A%252F%252F…`), which `bcic history` reads as the cluster it encodes
    (checker/revisions.py, `cluster_named`), is redirected (308, query kept) to the path of
    its key, page and API alike."""
    client = make_web_app(sample_store).test_client()
    meant = key(DEHUA)
    by_key = "".join(f"%25{ord(c):02X}" for c in meant[:2]) + meant[2:]
    by_iri = quote(quote(str(DEHUA), safe=""), safe="")
    for path, target in ((f"/clusters/{by_iri}?lang=en", f"/clusters/{meant}?lang=en"),
                         (f"/api/clusters/{by_key}/history", f"/api/clusters/{meant}/history"),
                         (f"/api/clusters/{by_iri}", f"/api/clusters/{meant}")):
        response = client.get(path, headers=HTML)
        assert response.status_code == 308 and response.headers["Location"] == target, path
        assert client.get(target, headers=HTML).status_code == 200


def test_benchmark_api_takes_a_clusters_iri_as_its_key(make_web_app, sample_store: Path) -> None:
    """9.3.2 c): the clusters, the focus and its benchmark by IRI, as every named query takes
    them, answer as by key."""
    client = make_web_app(sample_store).test_client()
    by_key = client.get("/api/benchmark", query_string={
        "cluster": [key(DEHUA), key(MEITAN)], "focus": key(DEHUA), "benchmark": key(DATANG),
        "year": "2024"})
    by_iri = client.get("/api/benchmark", query_string={
        "cluster": [str(DEHUA), str(MEITAN)], "focus": str(DEHUA), "benchmark": str(DATANG),
        "year": "2024"})
    mixed = client.get("/api/benchmark", query_string={
        "cluster": [str(DEHUA), key(MEITAN)], "focus": key(DEHUA), "benchmark": str(DATANG),
        "year": "2024"})
    assert by_key.status_code == 200 and by_key.get_json()["comparisons"]["benchmark"]
    assert by_iri.get_json() == by_key.get_json() == mixed.get_json()
    page = client.get("/benchmark", query_string={"cluster": [str(DEHUA), str(MEITAN)],
                                                  "focus": str(DEHUA), "lang": "en"})
    assert page.status_code == 200 and f"cluster={key(MEITAN)}" in page.get_data(as_text=True)


@pytest.mark.parametrize(("url", "said"), [
    ("/api/benchmark?cluster={dehua}&cluster={dehua_iri}", "is named twice"),
    ("/api/clusters/{dehua}/indicators?benchmark={dehua_iri}", "cannot be its own benchmark"),
    ("/api/benchmark?cluster={dehua}&focus={dehua_iri}&benchmark={dehua_iri}",
     "cannot be its own benchmark")])
def test_a_cluster_by_its_iri_is_refused_where_its_key_is(make_web_app, sample_store: Path,
                                                          url: str, said: str) -> None:
    """Named twice, or as its own benchmark (9.3.2 c)), whichever way it is written: 400."""
    url = url.format(dehua=key(DEHUA), dehua_iri=str(DEHUA))
    response = make_web_app(sample_store).test_client().get(url + "&lang=en")
    message = response.get_json()["message"]
    assert response.status_code == 400 and str(DEHUA) in message and said in message


@pytest.mark.parametrize(("lang", "said"), [("en", "is named twice"), ("zh", "被指定了两次")])
@pytest.mark.parametrize("url", ["/api/benchmark?cluster={dehua}&cluster={dehua}",
                                 "/api/benchmark?cluster={dehua}&cluster={datang}"
                                 "&cluster=%20{dehua}",
                                 "/benchmark?cluster={dehua}&cluster={dehua}"])
def test_a_cluster_named_twice_for_the_benchmark_is_400_naming_it(
        make_web_app, sample_store: Path, url: str, lang: str, said: str) -> None:
    """The repeat was dropped without a word; `bcic benchmark X X` refuses it (9.3.2 c))."""
    url = url.format(dehua=key(DEHUA), datang=key(DATANG))
    response = make_web_app(sample_store).test_client().get(f"{url}&lang={lang}", headers=HTML)
    assert response.status_code == 400
    text = (response.get_json()["message"] if url.startswith("/api/")
            else response.get_data(as_text=True))
    assert said in text and key(DEHUA) in text


@pytest.mark.parametrize("url", ["/clusters/{dehua}", "/benchmark", "/api/benchmark",
                                 "/api/clusters/{dehua}/history"])
def test_other_methods_are_405(make_web_app, sample_store: Path, url: str) -> None:
    client = make_web_app(sample_store, WTF_CSRF_ENABLED=False).test_client()
    response = client.post(url.format(dehua=key(DEHUA)))
    assert response.status_code == 405 and "GET" in response.headers["Allow"]


def test_pages_load_chart_js_and_their_script_without_inline_code(make_web_app,
                                                                  sample_store: Path) -> None:
    client = make_web_app(sample_store).test_client()
    for url in (f"/clusters/{key(DEHUA)}", "/benchmark"):
        html = page(client, url)
        scripts = [s.split(">", 1)[0] for s in html.split("<script")[1:]]
        assert all("src=" in s or 'type="application/json"' in s for s in scripts)
        assert "/vendor/chart.js/chart.umd.min.js" in html and "/static/charts.js" in html
    assert client.get("/static/charts.js").status_code == 200


def test_charts_draw_in_a_real_browser_under_the_content_security_policy(
        make_web_app, sample_store: Path) -> None:
    """Chromium loads both pages: Chart.js draws every chart and nothing breaks the CSP."""
    from browser import chromium, live_server, screenshot

    app = make_web_app(sample_store)
    pages = {"cluster": (f"/clusters/{key(DEHUA)}?lang=en&benchmark={key(DATANG)}",
                         ["radar-data", "series-data"]),
             "benchmark": ("/benchmark?lang=zh", ["bars-data"])}
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda error: problems.append(str(error)))
        for name, (url, charts) in pages.items():
            tab.goto(base + url)
            tab.wait_for_load_state("load")
            for chart in charts:
                points = tab.evaluate(
                    "id => { const c = Chart.getChart(document.querySelector("
                    "`canvas[data-chart=${id}]`)); return c ? c.data.datasets.map("
                    "d => d.data.filter(v => v !== null).length) : null; }", chart)
                assert points and all(n > 0 for n in points), (name, chart, points)
            screenshot(tab, f"clusters-{name}")
        assert not [p for p in problems if "Content Security Policy" in p or "Chart" in p], problems


@pytest.mark.parametrize(("lang", "text"), [("en", "No cluster is stored yet"),
                                            ("zh", "尚未存储任何产业集群")])
def test_the_benchmark_page_of_an_empty_store_says_there_is_nothing_yet(
        make_web_app, tmp_path: Path, lang: str, text: str) -> None:
    client = make_web_app(tmp_path / "empty-store").test_client()
    html = page(client, f"/benchmark?lang={lang}")
    assert text in html and "benchmark-table" not in html
    assert client.get("/api/benchmark").status_code == 400


@pytest.fixture(scope="module")
def changed_rules_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Datang and Dehua under the running rulebook, then Datang again under 0.2.0."""
    path = tmp_path_factory.mktemp("rule-change") / "store"
    store_across_a_rule_change(path)
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_pages_name_each_revisions_rulebook_and_say_when_it_changed(
        make_web_app, changed_rules_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Rule review 3: the cluster page says which rulebook judged each revision
    and that Datang's second revision's changes cross a rulebook change; the home page names the
    latest revision's rulebook and says the list mixes two; the history JSON says it too."""
    client = make_web_app(changed_rules_store).test_client()
    page = unescape(client.get(f"/clusters/{key(DATANG)}?lang={lang}", headers=HTML).text)
    changed = message("store.history.rulebook_changed", lang, before=__version__,
                      after=CHANGED_VERSION)
    assert page.count(changed) == 1
    row = re.search(r'<tr id="revision-2">.*?</tr>', page, re.S)
    assert row is not None and changed in row.group(0) and CHANGED_VERSION in row.group(0)
    home = unescape(client.get(f"/?lang={lang}", headers=HTML).text)
    versions = ", ".join(sorted((__version__, CHANGED_VERSION)))
    assert message("store.clusters.mixed_rulebooks", lang, versions=versions) in home
    history = client.get(f"/api/clusters/{key(DATANG)}/history").get_json()
    assert [(r["rulebook_version"], r["rulebook_changed_from"]) for r in history["revisions"]] == [
        (__version__, None), (CHANGED_VERSION, __version__)]
    listed = client.get("/api/clusters").get_json()["clusters"]
    assert {c["cluster"]: c["latest"]["rulebook_version"] for c in listed} == {
        str(DATANG): CHANGED_VERSION, str(DEHUA): __version__}


@pytest.mark.parametrize("lang", LANGS)
def test_a_revision_judged_under_another_rulebook_shows_it_as_stored_and_says_whose_hints(
        make_web_app, changed_rules_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Defects 1 and 8: Datang's revision judged under 0.2.0 lists 9.4.3, which the running
    rulebook does not have, not met and unlinked, and says that its hints are the running
    rulebook's; its JSON and Turtle downloads agree; revision 1 (the running rulebook) does not."""
    client = make_web_app(changed_rules_store).test_client()
    url = f"/clusters/{key(DATANG)}/revisions/2?lang={lang}"
    page = unescape(client.get(url, headers=HTML).text)
    hints = message("report.hints.other_rulebook", lang, running=__version__,
                    made=CHANGED_VERSION)
    assert hints in page
    assert message("report.not_in_rulebook", lang, running=__version__,
                   made=CHANGED_VERSION) in page
    assert f"/rulebook/{RENAMED_TO}" not in page
    document = json.loads(client.get(url + "&format=json").data)
    assert document["rulebook_note"] == hints
    outcome = next(r for r in document["requirements"] if r["id"] == RENAMED_TO)
    assert (outcome["status"], outcome["in_running_rulebook"]) == ("not_met", False)
    assert RENAMED not in {r["id"] for r in document["requirements"]}
    assert f"req:{RENAMED_TO}" in client.get(url + "&format=ttl").text
    first = unescape(client.get(f"/clusters/{key(DATANG)}/revisions/1?lang={lang}",
                                headers=HTML).text)
    assert hints not in first
