"""Pages of a named query's answer (`offset`, `limit`: the API's `next` link, `bcic queries run`)
and answers written as their rows come (`bcic query`, `bcic queries run`)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from werkzeug.test import TestResponse
from rdflib import Literal, URIRef
from rdflib.term import Node

from checker.answer_cache import AnswerCache
from checker.cli import main
from checker.errors import CheckerError, NoAnswerError
from checker.paths import EXAMPLES_DIR
from checker.queries import MOST_PAGE_NUMBER, Page, bind, build_library, get_query, list_queries, paged
from checker.query import QueryResult
from checker.query_runner import QueryRunner
from checker.query_worker import JobDone, QueryJob
from checker.render import results
from checker.sparql_service import SparqlService
from checker.store.guard import QueryForm
from checker.store.oxigraph_store import OxigraphStore
from web import create_app, query_service

DEHUA = "https://example.org/cluster/dehua/cluster"
ROW_LIMIT = 10_000


@pytest.fixture(scope="module")
def client(sample_store: Path) -> Iterator[FlaskClient]:
    app = create_app({"TESTING": True, "BCIC_STORE": str(sample_store)})
    yield app.test_client()
    query_service(app).close()


def _values(name: str) -> dict[str, str]:
    """Values for a query's required parameters: the Dehua cluster."""
    return {p.name: DEHUA for p in get_query(name).params if p.required}


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_walking_the_pages_of_a_named_query_gives_its_whole_answer_in_order(
        client: FlaskClient, name: str) -> None:
    whole = client.get(f"/api/queries/{name}", query_string=_values(name)).get_json()
    assert whole["truncated"] is False and whole["next"] is None
    assert (whole["offset"], whole["limit"]) == (0, ROW_LIMIT)
    walked: list[dict[str, str]] = []
    url: str | None = f"/api/queries/{name}"
    query_string: dict[str, str] | None = {**_values(name), "limit": "2", "lang": "zh"}
    while url is not None:
        page = client.get(url, query_string=query_string).get_json()
        assert page["offset"] == len(walked) and page["limit"] == 2 and len(page["rows"]) <= 2
        assert page["values"] == _values(name) and page["title"] == get_query(name).title["zh"]
        walked += page["rows"]
        assert page["truncated"] is (page["next"] is not None)
        url, query_string = page["next"], None
        if url is not None:  # the same query string, the next offset, the language kept
            assert url.startswith("http://localhost/api/queries/") and "lang=zh" in url
            assert re.search(r"[?&]snapshot=[0-9a-f]{16}(&|$)", url)  # the data it was read from
    assert walked == whole["rows"]
    assert len({json.dumps(row, sort_keys=True) for row in walked}) == len(walked)


def test_a_page_past_the_end_is_empty_and_names_no_next(client: FlaskClient) -> None:
    page = client.get("/api/queries/clusters-by-conformance?offset=3&limit=5").get_json()
    assert page["rows"] == [] and page["truncated"] is False and page["next"] is None


def test_the_last_full_page_says_no_more_follow(client: FlaskClient) -> None:
    page = client.get("/api/queries/clusters-by-conformance?offset=1&limit=2").get_json()
    assert len(page["rows"]) == 2 and page["truncated"] is False and page["next"] is None


@pytest.mark.parametrize("given, words_en, words_zh", [
    ("offset=-1", "offset: '-1' is not a whole number of at least 0", "offset：'-1' 不是不小于 0 的整数"),
    ("offset=x", "offset: 'x' is not a whole number", "不是不小于 0 的整数"),
    ("offset=1.5", "offset: '1.5' is not a whole number", "不是不小于 0 的整数"),
    ("limit=0", "limit: '0' is not a whole number of at least 1", "limit：'0' 不是不小于 1 的整数"),
    ("limit=-5", "limit: '-5' is not a whole number", "不是不小于 1 的整数"),
    ("limit=ten", "limit: 'ten' is not a whole number", "不是不小于 1 的整数"),
    ("limit=10001", "limit: 10001 is over the row limit of 10000 rows per page",
     "limit：10001 超过每页 10000 行的行数上限"),
    # Whole numbers, over the largest a page takes: said so, not "no whole number".
    ("offset=9223372036854775807", "offset: '9223372036854775807' is over the largest offset, "
     "999999999999999999", "offset：'9223372036854775807' 超过 offset 的最大值 999999999999999999"),
    ("offset=99999999999999999999", "is over the largest offset, 999999999999999999",
     "超过 offset 的最大值 999999999999999999"),
    ("limit=99999999999999999999", "limit: 99999999999999999999 is over the row limit of 10000",
     "limit：99999999999999999999 超过每页 10000 行的行数上限"),
    ("limit=2&limit=3", "parameter limit is given more than once", "参数 limit 给出了不止一次"),
    ("snapshot=xyz", "snapshot: 'xyz' is not a page token (16 hexadecimal digits",
     "snapshot：'xyz' 不是分页令牌（16 位十六进制数字"),
])
def test_a_bad_offset_or_limit_is_a_400_in_the_asked_language(
        client: FlaskClient, given: str, words_en: str, words_zh: str) -> None:
    for lang, words in (("en", words_en), ("zh", words_zh)):
        response = client.get(f"/api/queries/indicator-trends?{given}&lang={lang}")
        assert response.status_code == 400
        assert words in response.get_json()["message"]


@pytest.mark.parametrize("path", ["/api/queries/{name}", "/api/clusters"])
def test_the_largest_offset_is_taken_and_stated_in_the_openapi_document(
        client: FlaskClient, path: str) -> None:
    """Its maximum, as the answers check it: a client generated from the document cannot ask
    for an offset the API refuses."""
    document = client.get("/api/openapi.json").get_json()
    offset, = (p for p in document["paths"][path]["get"]["parameters"]
               if p.get("name") == "offset")
    assert offset["schema"] == {"type": "integer", "minimum": 0, "maximum": MOST_PAGE_NUMBER}
    url = path.format(name="clusters-by-conformance")
    page = client.get(f"{url}?offset={MOST_PAGE_NUMBER:020d}")
    assert page.status_code == 200 and page.get_json()["next"] is None
    assert client.get(f"{url}?offset={MOST_PAGE_NUMBER + 1}").status_code == 400


def test_a_query_whose_parameter_would_name_a_page_cannot_be_loaded() -> None:
    header = ("# title@en: T\n# title@zh: 题\n# description@en: D\n# description@zh: 说明\n"
              "# param: limit integer optional @en \"l\" @zh \"限\"\n\n")
    with pytest.raises(CheckerError, match="choose a page or the language"):
        build_library({"q": header + "SELECT * WHERE {\n  VALUES ?limit { UNDEF }\n}\n"})


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_named_query_ends_with_its_order_by_so_that_a_page_can_follow_it(
        query: object) -> None:
    assert hasattr(query, "text")
    for text in (query.text, *query.variants.values()):  # type: ignore[attr-defined]
        code = re.sub(r"#[^\n]*", "", re.sub(r'"[^"\n]*"', '""', text))
        assert not re.search(r"\b(LIMIT|OFFSET)\b", code, re.IGNORECASE)
        assert code.rindex("ORDER BY") > code.rindex("}")


def _trend_store(values: list[str]) -> pyoxigraph.Store:
    """The graphs indicator-trends reads, with one cluster stating the values (N-Triples
    objects) of one indicator, year and unit: numbers that compare equal, written differently."""
    bcic = "https://w3id.org/bcic/ontology#"
    summary, provenance = ("https://w3id.org/bcic/graph/summary",
                           "https://w3id.org/bcic/graph/provenance")
    graph, revision = "https://example.org/values/g", "https://example.org/revision/1"
    lines = [f"<https://example.org/ind/x> <{bcic}actualValuesGraph> <{graph}> <{summary}> .",
             f"<{graph}> <{bcic}graphYear> \"2024\"^^<http://www.w3.org/2001/XMLSchema#integer> "
             f"<{summary}> .",
             f"<{graph}> <{bcic}graphUnit> \"亿元\" <{summary}> .",
             f"<{revision}> <{bcic}cluster> <https://example.org/c> <{provenance}> ."]
    lines += [f"<{revision}> <{bcic}actualValue> {value} <{graph}> ." for value in values]
    store = pyoxigraph.Store()
    store.load(("\n".join(lines) + "\n").encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS)
    return store


def test_numbers_of_one_value_written_differently_come_in_one_order_whatever_the_store() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    values = [f'"5"^^<{xsd}integer>', f'"5.0"^^<{xsd}decimal>', f'"5E0"^^<{xsd}double>']
    text = bind(get_query("indicator-trends"), {})
    orders = set()
    for written in (values, values[::-1]):
        store = _trend_store(written)
        rows = [str(row["value"]) for row in store.query(text, use_default_graph_as_union=True)]
        orders.add(tuple(rows))
        pages = [str(row["value"]) for offset in range(3) for row in store.query(
            paged(text, Page(offset, 1)), use_default_graph_as_union=True)]
        assert pages == rows
    # By text (Oxigraph stores each number in its canonical text: 5.0 as 5), then datatype.
    assert orders == {(f'"5"^^<{xsd}decimal>', f'"5"^^<{xsd}double>', f'"5"^^<{xsd}integer>')}


def test_bcic_queries_run_gives_the_page_asked_for(sample_store: Path) -> None:
    def run(*extra: str) -> list[list[str]]:
        result = CliRunner().invoke(main, ["queries", "run", "most-violated-clauses", "--format",
                                           "csv", "--store", str(sample_store), *extra])
        assert result.exit_code == 0, result.output
        return list(csv.reader(io.StringIO(result.stdout)))

    whole = run()
    assert len(whole) > 6
    assert run("--offset", "2", "--limit", "3") == [whole[0], *whole[3:6]]
    assert run("--offset", str(len(whole))) == [whole[0]]


@pytest.mark.parametrize("option", [["--limit", "0"], ["--offset", "-1"], ["--limit", "x"]])
def test_bcic_queries_run_refuses_a_bad_page_as_a_usage_error(sample_store: Path,
                                                              option: list[str]) -> None:
    result = CliRunner().invoke(main, ["queries", "run", "most-violated-clauses", *option,
                                       "--store", str(sample_store)])
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_are_written_before_the_last_row_is_read(fmt: str) -> None:
    taken = 0

    def rows() -> Iterator[dict[str, Node]]:
        nonlocal taken
        for index in range(3 * results.CHUNK_ROWS):
            taken += 1
            yield {"n": Literal(index)}

    taken_at_writes: list[int] = []
    text: list[str] = []

    def write(chunk: str) -> None:
        taken_at_writes.append(taken)
        text.append(chunk)

    result = QueryResult(QueryForm.SELECT, ("n",), rows())
    assert results.write_results(result, fmt, "en", write) == 3 * results.CHUNK_ROWS
    assert taken_at_writes[0] <= results.CHUNK_ROWS + 1 and len(taken_at_writes) >= 3
    if fmt == "json":
        bindings = json.loads("".join(text))["results"]["bindings"]
        assert [int(b["n"]["value"]) for b in bindings] == list(range(3 * results.CHUNK_ROWS))
    else:
        assert "".join(text).split("\r\n")[:3] == ["n", "0", "1"]


def _failing_rows(rows_before: int) -> object:
    """A stand-in for OxigraphStore.select_rows: `rows_before` rows, then the store fails."""
    def select_rows(_store: OxigraphStore, _query: str) -> Iterator[dict[str, Node]]:
        for index in range(rows_before):
            yield {"requirement": URIRef(f"https://example.org/r{index}")}
        raise NoAnswerError.of("error.store.failed", detail="disk gone")
    return select_rows


@pytest.mark.parametrize("command", [
    ["queries", "run", "most-violated-clauses"],
    ["query", "SELECT ?requirement WHERE { ?requirement ?p ?o }"]])
@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_a_store_failing_after_rows_were_written_says_so_and_exits_4(
        sample_store: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], fmt: str) -> None:
    monkeypatch.setattr(results, "CHUNK_ROWS", 2)
    monkeypatch.setattr(OxigraphStore, "select_rows", _failing_rows(5))
    result = CliRunner().invoke(main, [*command, "--format", fmt, "--store", str(sample_store),
                                       "--lang", "zh"])
    assert result.exit_code == 4
    assert "disk gone" in result.stderr
    # The table too: it writes its first CHUNK_ROWS rows once it has measured them.
    assert "https://example.org/r0" in result.stdout
    assert "上面的输出不完整：查询在输出结果行的过程中失败" in result.stderr


def test_a_store_failing_before_any_row_leaves_stdout_empty(
        sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OxigraphStore, "select_rows", _failing_rows(0))
    result = CliRunner().invoke(main, ["queries", "run", "most-violated-clauses", "--format",
                                       "json", "--store", str(sample_store)])
    assert result.exit_code == 4 and result.stdout == ""
    assert "incomplete" not in result.stderr and "disk gone" in result.stderr


@pytest.fixture
def writable(sample_store: Path, tmp_path: Path, make_web_app) -> tuple[FlaskClient, Path]:  # type: ignore[no-untyped-def]
    """A client of an app over a copy of the samples' store, which the test may write."""
    copy = tmp_path / "store"
    shutil.copytree(sample_store, copy)
    return make_web_app(copy).test_client(), copy


def _ingest(store: Path, sample: str) -> None:
    """Store a sample as its cluster's next revision, as `bcic ingest` does (it publishes a new
    query snapshot, as the app's own writes do)."""
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES_DIR / f"{sample}.ttl"),
                                       "--store", str(store)])
    assert result.exit_code == 0, result.output


def _first_page_link(response: TestResponse) -> str:
    """The URL of the `Link: <…>; rel="first"` header."""
    found = re.fullmatch(r'<([^>]+)>; rel="first"', response.headers["Link"])
    assert found is not None
    return found[1]


def test_a_page_read_after_a_write_with_its_first_pages_token_is_a_409_saying_to_start_again(
        writable: tuple[FlaskClient, Path]) -> None:
    client, store = writable
    first = client.get("/api/queries/most-violated-clauses?limit=2&lang=zh").get_json()
    assert client.get(first["next"]).status_code == 200  # no write yet: it continues
    _ingest(store, "datang-socks")  # revision 2 of datang: rows may move between pages

    refused = client.get(first["next"])
    assert refused.status_code == 409
    body = refused.get_json()
    assert body["error"] == "AnswerChangedError" and body["ok"] is False
    assert "自读取该答案的第一页以来数据已发生变化" in body["message"]
    restart = _first_page_link(refused)
    assert restart in body["message"] and "snapshot" not in restart
    assert "offset=0" in restart and "limit=2" in restart and "lang=zh" in restart
    english = client.get(first["next"].replace("lang=zh", "lang=en")).get_json()
    assert "the data changed since the first page of this answer was read" in english["message"]

    # Started again, the pages make the answer as the store holds it now, each row once.
    walked: list[dict[str, str]] = []
    url: str | None = restart
    while url is not None:
        page = client.get(url).get_json()
        walked += page["rows"]
        url = page["next"]
    assert walked == client.get("/api/queries/most-violated-clauses").get_json()["rows"]
    # A page asked for without a token is read from the data as it is, as before.
    untokened = re.sub(r"&?snapshot=[0-9a-f]+", "", first["next"])
    assert client.get(untokened).status_code == 200


def test_a_write_between_the_check_and_the_run_of_a_page_is_a_409_too(
        writable: tuple[FlaskClient, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    client, store = writable
    first = client.get("/api/queries/clusters-by-conformance?limit=1").get_json()
    before = query_service(client.application).current_snapshot()
    _ingest(store, "meitan-tea")
    # The check before the run still finds the first page's snapshot; the run reads the new one.
    monkeypatch.setattr(SparqlService, "current_snapshot", lambda _service: before)
    client.application.extensions["bcic.answers"] = AnswerCache()  # its answer not kept yet
    refused = client.get(first["next"])
    assert refused.status_code == 409 and refused.get_json()["error"] == "AnswerChangedError"


def _counting_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the queries the workers are given from now on, one per run."""
    runs: list[str] = []
    run = QueryRunner.run

    def counted(runner: QueryRunner, job: QueryJob, *, reserved: bool = False) -> JobDone:
        runs.append(job.query)
        return run(runner, job, reserved=reserved)

    monkeypatch.setattr(QueryRunner, "run", counted)
    return runs


def _walk(client: FlaskClient, url: str | None) -> list[dict[str, str]]:
    """Every row of the pages from `url` on, following `next`."""
    walked: list[dict[str, str]] = []
    while url is not None:
        page = client.get(url).get_json()
        walked += page["rows"]
        url = page["next"]
    return walked


def test_pages_after_the_first_are_cut_from_the_kept_answer_without_running_the_query(
        sample_store: Path, make_web_app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(sample_store)
    runs = _counting_runs(monkeypatch)
    walked = _walk(app.test_client(), "/api/queries/most-violated-clauses?limit=2")
    assert len(walked) > 6 and len(runs) == 1  # the first page's run, for the whole answer
    assert "OFFSET" not in runs[0] and "LIMIT" not in runs[0]

    # The same rows as pages each run for itself, as an app keeping no answer reads them.
    unkept = make_web_app(sample_store)
    unkept.extensions["bcic.answers"] = AnswerCache(rows=0)
    assert _walk(unkept.test_client(), "/api/queries/most-violated-clauses?limit=2") == walked
    assert len(runs) == 1 + len(walked) // 2 + 1 and all("LIMIT 3" in text for text in runs[1:])


def test_pages_beyond_the_rows_kept_run_the_query_for_themselves(
        sample_store: Path, make_web_app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(sample_store)
    whole = app.test_client().get("/api/queries/most-violated-clauses").get_json()["rows"]
    app.extensions["bcic.answers"] = AnswerCache(rows=5)  # the first 5 rows of an answer
    runs = _counting_runs(monkeypatch)
    walked = _walk(app.test_client(), "/api/queries/most-violated-clauses?limit=2")
    assert walked == whole
    # Pages 1 and 2 (rows 0–3, and row 4 says more follow) from the kept rows; each later page
    # runs with its own OFFSET and LIMIT.
    assert "OFFSET" not in runs[0] and all("OFFSET" in text for text in runs[1:])
    assert len(runs) == 1 + (len(whole) - 4 + 1) // 2


def test_the_answers_kept_are_those_of_the_newest_snapshot_within_their_bound() -> None:
    lines = b'["n"]\n' + b"\n".join(b'{"n":"%d"}' % i for i in range(10))
    cache = AnswerCache(rows=10, size=200)
    kept = cache.keep("a", "snapshot-1", lines, truncated=False)
    assert not kept.complete and 0 < len(kept.rows) < 10  # the first rows that fit 200 bytes
    assert cache.held == kept.size and 0 < cache.held <= 200
    assert kept.page(Page(0, 1)) == (b'{"columns":["n"],"rows":[{"n":"0"}]}', True)
    assert kept.page(Page(len(kept.rows) - 1, 1)) is None  # cannot tell whether more follow
    assert cache.get("snapshot-1", "a") is kept and cache.get("snapshot-2", "a") is None
    cache.keep("b", "snapshot-2", b'["n"]\n{"n":"x"}', truncated=False)
    assert cache.get("snapshot-1", "a") is None and len(cache) == 1  # a new snapshot's answer
    assert cache.held == len(b'["n"]') + len(b'{"n":"x"}') + sys.getsizeof(b"")
    whole = cache.get("snapshot-2", "b")
    assert whole is not None and whole.page(Page(0, 5)) == (
        b'{"columns":["n"],"rows":[{"n":"x"}]}', False)
