"""`bcic ingest`, `clusters`, `history` and `query` against a store in a temporary directory."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import HTTPServer
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result

from checker import __version__
from checker.cli import main
from checker.cli_store import MAX_QUERY_TIMEOUT
from checker.errors import StoreLockedError
from checker.i18n import message
from checker.notation import provision_notation
from checker.paths import EXAMPLES_DIR
from checker.store.oxigraph_store import OxigraphStore
from tests.changed_rulebook import (CHANGED_VERSION, RENAMED, RENAMED_TO,
                                    store_across_a_rule_change)
from tests.conftest import StoreCopies
from tests.loopback import QuietHandler

DATANG = str(EXAMPLES_DIR / "datang-socks.ttl")
DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
DATANG_CLUSTER = "https://example.org/cluster/datang/cluster"
DEHUA_CLUSTER = "https://example.org/cluster/dehua/cluster"
LATEST = """PREFIX bcic: <https://w3id.org/bcic/ontology#>
SELECT ?cluster ?number ?conforms WHERE {
  GRAPH <https://w3id.org/bcic/graph/provenance> {
    ?r bcic:cluster ?cluster ; bcic:revisionNumber ?number ; bcic:conforms ?conforms } }
ORDER BY ?cluster ?number"""


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    return str(tmp_path / "store")


@pytest.fixture
def bcic(runner: CliRunner, store_dir: str) -> "Bcic":
    return Bcic(runner, store_dir)


def _ingested(*files: str) -> Callable[[Path], None]:
    """A builder of a store into which `bcic ingest` put each file in turn, each exiting 0."""
    def build(store: Path) -> None:
        for path in files:
            result = CliRunner().invoke(main, ["ingest", path, "--store", str(store)])
            assert result.exit_code == 0, result.output
    return build


@pytest.fixture
def datang_stored(store_copies: StoreCopies, store_dir: str) -> str:
    """The test's store, holding datang as revision 1 (`bcic ingest`, built once per worker)."""
    return str(store_copies.copy("datang-ingested", _ingested(DATANG), Path(store_dir)))


@pytest.fixture
def dehua_stored(store_copies: StoreCopies, store_dir: str) -> str:
    """The test's store, holding dehua as revision 1 (`bcic ingest`, built once per worker)."""
    return str(store_copies.copy("dehua-ingested", _ingested(DEHUA), Path(store_dir)))


class Bcic:
    """Runs bcic commands in-process against one store directory."""

    def __init__(self, runner: CliRunner, store_dir: str) -> None:
        self.runner, self.store_dir = runner, store_dir

    def __call__(self, *args: str) -> Result:
        return self.runner.invoke(main, [*args, "--store", self.store_dir])


def test_ingest_of_a_conformant_submission_exits_0_and_prints_the_revision(bcic: Bcic) -> None:
    result = bcic("ingest", DEHUA, "--submitter", "评价员 A")
    assert result.exit_code == 0, result.output
    assert "Stored revision 1 of https://example.org/cluster/dehua/cluster" in result.output
    # no gap, but what awaits review is neither called conformant nor counted as met; the rate
    # says its pending reviews whatever the verdict
    assert ("Verdict: no gap found; 93 item(s) await an evaluator; conformance rate 21.8% "
            "(93 pending review)\n") in result.output


def test_ingest_with_gaps_still_exits_0_and_says_it_was_stored(bcic: Bcic) -> None:
    result = bcic("ingest", DATANG, "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "第 1 版" in result.output and "不符合" in result.output and "已照常存储" in result.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_readers_read_the_snapshot_while_another_process_writes_the_store(
        bcic: Bcic, datang_stored: str, lang: str) -> None:
    store_dir = datang_stored  # `bcic ingest` also published the snapshot
    writer = subprocess.Popen(  # holds the directory, as a running ingest does
        [sys.executable, "-c", "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
         "print('open', flush=True); time.sleep(600)", store_dir],
        stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "open\n"
        with pytest.raises(StoreLockedError):
            OxigraphStore(store_dir)
        listed = bcic("clusters", "--lang", lang)
        assert listed.exit_code == 0, listed.output
        assert DATANG_CLUSTER in listed.stdout
        note = {"en": "has the store open: read from its snapshot", "zh": "改为读取其"}[lang]
        assert note in listed.stderr and note not in listed.stdout
        rows = bcic("query", LATEST, "--format", "csv")
        assert rows.exit_code == 0 and DATANG_CLUSTER in rows.stdout
        assert bcic("history", DATANG_CLUSTER).exit_code == 0
    finally:
        writer.kill()
        writer.wait()


def _hold_store(store_dir: str, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the store directory for `seconds`, as a running reader does;
    returns once it has the store open."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
         "print('open', flush=True); time.sleep(float(sys.argv[2]))", store_dir, str(seconds)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "open\n"
    return holder


def test_a_writer_waits_for_a_reader_holding_the_store(
        bcic: Bcic, datang_stored: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store_dir = datang_stored
    monkeypatch.setenv("BCIC_STORE_LOCK_WAIT", "60")
    holder = _hold_store(store_dir, 1.5)
    try:
        result = bcic("ingest", DEHUA)
        assert result.exit_code == 0, result.output
        assert "Stored revision 1 of https://example.org/cluster/dehua/cluster" in result.output
    finally:
        holder.wait()
    assert DEHUA_CLUSTER in bcic("clusters").stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_writer_gives_up_after_the_lock_wait_and_stores_nothing(
        bcic: Bcic, datang_stored: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    store_dir = datang_stored
    monkeypatch.setenv("BCIC_STORE_LOCK_WAIT", "0.5")
    holder = _hold_store(store_dir, 600)
    try:
        result = bcic("ingest", DEHUA, "--lang", lang)
        assert result.exit_code == 4  # the store could not answer, as a remote turn kept busy
        assert {"en": "another process has it open; waited 0.5 s",
                "zh": "另一个进程正打开着它；已等待 0.5 秒"}[lang] in result.output
        assert "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()
    assert DEHUA_CLUSTER not in bcic("clusters").stdout


@pytest.mark.parametrize("value", ["soon", "-1", "inf", "nan"])
def test_a_lock_wait_that_is_no_number_of_seconds_is_bad_input(
        bcic: Bcic, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("BCIC_STORE_LOCK_WAIT", value)
    result = bcic("ingest", DEHUA)
    assert result.exit_code == 2
    assert "BCIC_STORE_LOCK_WAIT must be a number of seconds" in result.output


def test_ingest_of_a_bad_file_exits_2_and_stores_nothing(
        bcic: Bcic, dehua_stored: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    assert bcic("ingest", str(bad)).exit_code == 2
    assert bcic("ingest", DATANG, "--cluster", "not an iri").exit_code == 2
    assert DATANG_CLUSTER not in bcic("clusters").output


@pytest.mark.parametrize("lang, said", [
    ("en", "add the industrial cluster it is about (<cluster> a bcic:IndustrialCluster, 3.1) "),
    ("zh", "请写明其所述的产业集群（<cluster> a bcic:IndustrialCluster，3.1）")])
def test_ingest_of_a_submission_naming_no_cluster_says_what_to_add_or_to_give_cluster(
        bcic: Bcic, tmp_path: Path, lang: str, said: str) -> None:
    bare = tmp_path / "bare.ttl"
    bare.write_text('<https://example.org/x> <https://example.org/p> "1" .\n', encoding="utf-8")
    result = bcic("ingest", str(bare), "--lang", lang)
    assert result.exit_code == 2 and said in result.output
    assert result.output.rstrip().endswith(
        "or name the cluster with --cluster" if lang == "en" else "或用 --cluster 指明产业集群")
    assert not Path(bcic.store_dir).exists()


def test_ingest_over_bcic_max_triples_exits_2_and_stores_nothing(
        bcic: Bcic, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BCIC_MAX_TRIPLES", "100")
    result = bcic("ingest", DATANG)
    assert result.exit_code == 2
    assert "more than 100 statements (triples), the limit BCIC_MAX_TRIPLES sets" in result.output
    assert not Path(bcic.store_dir).exists()


def test_ingest_of_a_literal_xml_cannot_carry_exits_2_and_stores_nothing(
        bcic: Bcic, tmp_path: Path) -> None:
    """The endpoint answers in XML formats too, which could not carry the literal."""
    noted = tmp_path / "datang.ttl"
    noted.write_text(Path(DATANG).read_text(encoding="utf-8") +
                     f'<{DATANG_CLUSTER}> <http://www.w3.org/2000/01/rdf-schema#comment> '
                     '"Note\\u0001 with control\\u000C char"@en .\n', encoding="utf-8")
    result = bcic("ingest", str(noted))
    assert result.exit_code == 2
    assert "holds the character U+0001, which XML 1.0 cannot carry" in result.output
    assert not Path(bcic.store_dir).exists()


def test_a_failed_ingest_leaves_no_new_store_behind(
        runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    tea = str(Path(DEHUA).with_name("meitan-tea.ttl"))
    for n, arguments in enumerate([[str(tmp_path / "nonexist.ttl")], [str(bad)], [tea, DEHUA],
                                   [DATANG, "--cluster", "https://example.org/other"]]):
        fresh = tmp_path / f"fresh{n}"
        result = runner.invoke(main, ["ingest", *arguments, "--store", str(fresh)])
        assert result.exit_code == 2, (arguments, result.output)
        assert not fresh.exists() and not fresh.with_name(f"{fresh.name}-snapshots").exists()


def test_ingest_names_the_cluster_given_with_the_option(bcic: Bcic, tmp_path: Path) -> None:
    loose = tmp_path / "loose.ttl"
    loose.write_text("<https://example.org/a> <https://example.org/b> 1 .\n", encoding="utf-8")
    result = bcic("ingest", str(loose), "--cluster", "https://example.org/cluster/renamed")
    assert "https://example.org/cluster/renamed" in result.output
    assert "https://example.org/cluster/renamed" in bcic("clusters").output


def test_cluster_option_naming_the_submissions_own_cluster_is_accepted(bcic: Bcic) -> None:
    result = bcic("ingest", DATANG, "--cluster", DATANG_CLUSTER)
    assert result.exit_code == 0 and f"revision 1 of {DATANG_CLUSTER}" in result.output


def test_cluster_option_never_renames_the_cluster_a_submission_names(bcic: Bcic) -> None:
    result = bcic("ingest", DATANG, "--cluster", "https://example.org/other")
    assert result.exit_code == 2, result.output
    assert (f"Error: the submission is about {DATANG_CLUSTER}, not https://example.org/other"
            in result.output)
    assert "而不是 https://example.org/other" in bcic(
        "ingest", DATANG, "--cluster", "https://example.org/other", "--lang", "zh").output
    assert "https://example.org/other" not in bcic("clusters").output


def test_clusters_lists_each_with_label_count_and_latest_verdict(bcic: Bcic) -> None:
    for path in (DATANG, DATANG, DEHUA):
        assert bcic("ingest", path).exit_code == 0
    english = bcic("clusters").output.splitlines()
    datang = next(line for line in english if DATANG_CLUSTER in line)
    assert "Datang (Zhuji) hosiery industrial cluster" in datang and " 2 " in datang
    assert "not conformant" in datang and "16.8% (81 pending review)" in datang
    chinese = bcic("clusters", "--lang", "zh").output
    assert "诸暨大唐袜业产业集群" in chinese and "德化陶瓷产业集群" in chinese


def test_history_shows_the_closed_clause(bcic: Bcic, datang_stored: str, tmp_path: Path) -> None:
    fixed = tmp_path / "fixed.ttl"
    fixed.write_text(Path(DATANG).read_text(encoding="utf-8") + """
ex:communication-evaluation a bcic:CommunicationEvaluation ;
    prov:wasAssociatedWith ex:body ; dcterms:date "2024-01-25"^^xsd:date ;
    bcic:finding "直播探厂的转化率最高"@zh .
ex:communication-improvement a bcic:CommunicationImprovement ;
    prov:wasAssociatedWith ex:body ; dcterms:date "2024-03-01"^^xsd:date ;
    prov:wasInformedBy ex:communication-evaluation .
""", encoding="utf-8")
    bcic("ingest", str(fixed))
    result = bcic("history", DATANG_CLUSTER)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    second = lines.index(next(line for line in lines if line.startswith("revision 2")))
    assert lines[second + 1].strip() == "closed: 8.2.6"
    assert lines[second + 2].strip() == "opened: (none)"
    assert "已解决：8.2.6" in bcic("history", DATANG_CLUSTER, "--lang", "zh").output


def test_history_lists_the_gaps_of_the_first_revision_as_opened(
        bcic: Bcic, datang_stored: str) -> None:
    for lang, closed, opened in (("en", "closed: ", "opened: "), ("zh", "已解决：", "新出现：")):
        lines = [line.strip() for line in bcic("history", DATANG_CLUSTER, "--lang", lang)
                 .output.splitlines()]
        assert lines[1] == closed + ("(none)" if lang == "en" else "（无）")
        # the standard's notation, listed as each language lists
        separator = ", " if lang == "en" else "、"
        assert lines[2].startswith(opened + separator.join(("4.2.2", "4.2.2 g)", "5.2.2", "")))
        assert "8.2.6" in lines[2].split(separator) and "8.3.1" not in lines[2]  # 8.3.1: may


@pytest.mark.parametrize("lang, opened, title", [
    ("en", "opened:", "[Evaluating and improving communication]"),
    ("zh", "新出现：", "〔传播效果评价与改进〕"),
])
def test_history_with_titles_gives_each_provision_a_line_and_its_title(
        bcic: Bcic, datang_stored: str, lang: str, opened: str, title: str) -> None:
    """`--titles`: an evaluator reads what changed (9.4) without the web app, the titles in one
    column."""
    lines = bcic("history", DATANG_CLUSTER, "--titles", "--lang", lang).output.splitlines()
    assert lines[2].strip() == opened
    assert re.search(rf"^      8\.2\.6 +{re.escape(title)}$", "\n".join(lines), re.M)
    titled = [x for x in lines if x.startswith("      ")]
    assert len({len(x) - len(x[6:].split("  ", 1)[1].lstrip()) for x in titled}) == 1
    assert len([x for x in lines if x.startswith("      ")]) == len(
        bcic("history", DATANG_CLUSTER, "--lang", lang).output.splitlines()[2].split(
            ", " if lang == "en" else "、"))


def test_history_and_clusters_give_a_no_gap_revision_its_pending_reviews(
        bcic: Bcic, dehua_stored: str) -> None:
    history = bcic("history", DEHUA_CLUSTER, "--lang", "zh").output.splitlines()[0]
    assert history.endswith("未发现差距，93 项待人工评审确认  21.8%（93 项待人工评审）  "
                            f"规则库 {__version__}")
    assert "21.8% (93 pending review)" in bcic("clusters").output


def test_history_takes_a_clusters_key_as_delete_revision_does(
        bcic: Bcic, datang_stored: str) -> None:
    key = hashlib.sha256(DATANG_CLUSTER.encode()).hexdigest()[:16]
    by_key, by_iri = bcic("history", key), bcic("history", DATANG_CLUSTER)
    assert by_key.exit_code == 0 and by_key.output == by_iri.output
    unknown = bcic("history", "0" * 16)
    assert unknown.exit_code == 2 and "0000000000000000" in unknown.output


def test_history_of_an_unknown_cluster_says_so_and_exits_2(
        bcic: Bcic, dehua_stored: str) -> None:
    result = bcic("history", "https://example.org/cluster/none")
    assert result.exit_code == 2 and "no revision" in result.output


def test_query_json_is_sparql_results_json(bcic: Bcic, datang_stored: str) -> None:
    result = bcic("query", LATEST, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["head"]["vars"] == ["cluster", "number", "conforms"]
    (binding,) = document["results"]["bindings"]
    assert binding["cluster"] == {"type": "uri", "value": DATANG_CLUSTER}
    assert binding["conforms"] == {"type": "literal", "value": "false",
                                   "datatype": "http://www.w3.org/2001/XMLSchema#boolean"}


def test_query_csv_is_sparql_results_csv(bcic: Bcic, datang_stored: str) -> None:
    result = bcic("query", LATEST, "--format", "csv")
    assert result.stdout_bytes.startswith(b"cluster,number,conforms\r\n")  # CRLF, as specified
    assert list(csv.reader(io.StringIO(result.output))) == [
        ["cluster", "number", "conforms"], [DATANG_CLUSTER, "1", "false"]]


def test_query_table_is_aligned_with_a_row_count(bcic: Bcic, datang_stored: str) -> None:
    bcic("ingest", DEHUA)
    lines = bcic("query", LATEST).output.splitlines()
    assert lines[0].split() == ["cluster", "number", "conforms"]
    assert lines[-1] == "(2)"
    assert lines[2].index("1") == lines[0].index("number")


def test_query_ask_and_construct_and_a_query_file(
        bcic: Bcic, datang_stored: str, tmp_path: Path) -> None:
    ask = bcic("query", "ASK { ?s a <https://w3id.org/bcic/ontology#IndustrialCluster> }",
               "--format", "json")
    assert json.loads(ask.output) == {"head": {}, "boolean": True}
    for fmt in ("csv", "table"):  # the bare answer, as the endpoint's CSV: no internal header
        said = bcic("query", "ASK { ?s a <urn:x:Nothing> }", "--format", fmt)
        assert (said.exit_code, said.output.splitlines()) == (0, ["false"])
    query_file = tmp_path / "labels.rq"
    query_file.write_text("CONSTRUCT { ?c <urn:name> ?l } WHERE { ?c a "
                          "<https://w3id.org/bcic/ontology#IndustrialCluster> ; "
                          "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", encoding="utf-8")
    rows = list(csv.reader(io.StringIO(bcic("query", str(query_file), "--format", "csv").output)))
    assert rows[0] == ["subject", "predicate", "object"]
    assert [DATANG_CLUSTER, "urn:name", "诸暨大唐袜业产业集群"] in rows


def test_query_with_service_is_refused_with_exit_2(bcic: Bcic, dehua_stored: str) -> None:
    result = bcic("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert result.exit_code == 2 and "SERVICE" in result.output


def test_reindex_rebuilds_a_summary_graph_that_was_lost(bcic: Bcic, datang_stored: str) -> None:
    store_dir = datang_stored
    before = bcic("queries", "run", "most-violated-clauses", "--format", "json")
    store = pyoxigraph.Store(store_dir)
    store.remove_graph(pyoxigraph.NamedNode("https://w3id.org/bcic/graph/summary"))
    del store
    lost = bcic("queries", "run", "most-violated-clauses", "--format", "json")
    assert lost.exit_code == 4 and lost.stdout == ""  # no answer missing its rows
    assert "until `bcic reindex` is run on the store" in lost.stderr
    result = bcic("reindex")
    assert result.exit_code == 0, result.output
    assert "1 revision" in result.output
    after = bcic("queries", "run", "most-violated-clauses", "--format", "json")
    assert json.loads(after.output) == json.loads(before.output)
    assert json.loads(after.output)["results"]["bindings"]


def test_reading_commands_on_a_missing_store_exit_2_and_create_nothing(
        bcic: Bcic, store_dir: str) -> None:
    assert bcic("clusters").exit_code == 2
    assert bcic("query", "ASK {}").exit_code == 2
    assert bcic("reindex").exit_code == 2
    assert not Path(store_dir).exists()


class _Endpoint(QuietHandler):
    """A tiny SPARQL 1.1 protocol endpoint over an in-memory pyoxigraph store."""

    store = pyoxigraph.Store()
    agents: list[str] = []  # the User-Agent of each request

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        type(self).agents.append(self.headers.get("User-Agent", ""))
        length = int(self.headers["Content-Length"])
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        result = self.store.query(form["query"][0])
        if isinstance(result, pyoxigraph.QueryTriples):
            body, media = result.serialize(format=pyoxigraph.RdfFormat.N_TRIPLES), \
                "application/n-triples"
        else:
            body, media = result.serialize(format=pyoxigraph.QueryResultsFormat.JSON), \
                "application/sparql-results+json"
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def endpoint() -> Iterator[str]:
    _Endpoint.store = pyoxigraph.Store()
    _Endpoint.agents = []
    _Endpoint.store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("https://partner.example/c"),
                                        pyoxigraph.NamedNode("urn:label"),
                                        pyoxigraph.Literal("伙伴集群", language="zh")))
    server = HTTPServer(("127.0.0.1", 0), _Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/sparql"
    server.shutdown()
    server.server_close()


def test_query_with_endpoint_asks_the_partner_not_the_store(
        bcic: Bcic, endpoint: str, store_dir: str) -> None:
    result = bcic("query", "SELECT ?c ?l WHERE { ?c <urn:label> ?l }", "--endpoint", endpoint,
                  "--format", "json")
    assert result.exit_code == 0, result.output
    (binding,) = json.loads(result.output)["results"]["bindings"]
    assert binding["l"] == {"type": "literal", "value": "伙伴集群", "xml:lang": "zh"}
    construct = bcic("query", "CONSTRUCT WHERE { ?c <urn:label> ?l }", "--endpoint", endpoint)
    assert "https://partner.example/c" in construct.output and "(1)" in construct.output
    assert not Path(store_dir).exists()
    # Through SPARQLWrapper, which says who asks (the client for partner endpoints).
    assert _Endpoint.agents == [f"bcic/{__version__}"] * 2


def test_a_long_inline_query_runs_as_text(bcic: Bcic, dehua_stored: str) -> None:
    """Longer than a file name may be, with no '/' in its first 255 bytes."""
    query = 'ASK { ?s ?p ?o FILTER(?o != "' + "x" * 300 + '") }'
    result = bcic("query", query, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"head": {}, "boolean": True}


def test_a_query_argument_meant_as_a_file_is_named_when_it_is_not_one(
        bcic: Bcic, dehua_stored: str, tmp_path: Path) -> None:
    for name in ("nonexist.rq", "q.sparql", "Q.TXT"):
        result = bcic("query", name)
        assert result.exit_code == 2 and f"Error: {name}: no such file" in result.output
    result = bcic("query", str(tmp_path))
    assert result.exit_code == 2 and f"Error: {tmp_path}: is a directory" in result.output
    assert "文件不存在" in bcic("query", "nonexist.rq", "--lang", "zh").output


READERS = (("clusters",), ("query", "ASK {}"), ("history", DATANG_CLUSTER), ("reindex",),
           ("queries", "run", "most-violated-clauses"), ("delete-revision", DATANG_CLUSTER, "1", "--reason", "x"))


@pytest.mark.parametrize("holding", [(), ("notes.txt",)], ids=["empty", "other-files"])
def test_readers_of_a_directory_without_a_store_exit_2_and_write_nothing(
        runner: CliRunner, tmp_path: Path, holding: tuple[str, ...]) -> None:
    directory = tmp_path / "not-a-store"
    directory.mkdir()
    for name in holding:
        (directory / name).write_text("mine", encoding="utf-8")
    for command in READERS:
        result = runner.invoke(main, [*command, "--store", str(directory)])
        assert result.exit_code == 2, (command, result.output)
        assert f"Error: there is no store at {directory}" in result.output
    assert sorted(p.name for p in directory.iterdir()) == list(holding)
    assert "处没有存储" in runner.invoke(main, ["clusters", "--store", str(directory),
                                              "--lang", "zh"]).output


def test_a_store_location_that_is_a_file_is_refused_by_readers_and_writers(
        runner: CliRunner, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine", encoding="utf-8")
    for command in (("ingest", DATANG), ("clusters",), ("query", "ASK {}")):
        result = runner.invoke(main, [*command, "--store", str(afile)])
        assert result.exit_code == 2, (command, result.output)
        assert f"Error: {afile} is a file, not a store directory" in result.output
    assert afile.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("location", ["ftp://x/y", "htps://kg.example.org/sparql",
                                      "http://[::1", "http://", "https:///sparql",
                                      "http://kg.example.org:port/sparql"])
def test_a_store_url_that_is_not_http_with_a_host_exits_2_and_stores_nothing_locally(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        location: str) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (("ingest", DATANG), ("clusters",)):
        result = runner.invoke(main, [*command, "--store", location])
        assert result.exit_code == 2, (command, result.output)
        assert f"Error: {location} is not the http(s) URL of a SPARQL endpoint" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["not a url", "ftp://x/y", "http://[::1", "http://"])
def test_query_endpoint_that_is_not_an_http_url_exits_2(bcic: Bcic, url: str) -> None:
    result = bcic("query", "ASK {}", "--endpoint", url)
    assert result.exit_code == 2, result.output
    assert f"Error: {url} is not the http(s) URL of a SPARQL endpoint" in result.output


class _Missing(QuietHandler):
    """An HTTP server with no SPARQL endpoint: a JSON 404 for everything, as Oxigraph's server."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = b'{"error":"NotFound",\n"message":"no such route"}'
        self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_endpoint_failures_read_as_one_line_like_the_stores(bcic: Bcic) -> None:
    closed = HTTPServer(("127.0.0.1", 0), _Missing)
    refused = f"http://127.0.0.1:{closed.server_port}/sparql"
    closed.server_close()
    by_endpoint = bcic("query", "ASK {}", "--endpoint", refused)
    by_store = CliRunner().invoke(main, ["clusters", "--store", refused])
    expected = f"Error: cannot reach the SPARQL endpoint {refused}: connection refused\n"
    # 4: the endpoint could not answer; neither bcic's own failure (3) nor bad input (2)
    assert (by_endpoint.exit_code, by_endpoint.output) == (4, expected)
    assert (by_store.exit_code, by_store.output) == (4, expected)
    server = HTTPServer(("127.0.0.1", 0), _Missing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        missing = f"http://127.0.0.1:{server.server_port}/nothing"
        result = bcic("query", "ASK {}", "--endpoint", missing)
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 4 and result.output.count("\n") == 1, result.output
    assert result.output == (f"Error: the SPARQL endpoint {missing} answered HTTP 404 Not Found: "
                             "no such route\n")  # the JSON body's message, not the body


def test_the_same_file_given_twice_is_refused_under_any_name(
        bcic: Bcic, store_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(DATANG).parent)
    for twice in ([DATANG, DATANG], [DATANG, "./datang-socks.ttl"]):
        result = bcic("ingest", *twice)
        assert result.exit_code == 2, result.output
        assert f"Error: {Path(twice[1])} is given twice" in result.output
    assert not Path(store_dir).exists()


def test_a_copy_of_a_file_under_another_name_is_refused(
        bcic: Bcic, store_dir: str, tmp_path: Path) -> None:
    copy = tmp_path / "copy.ttl"
    copy.write_bytes(Path(DATANG).read_bytes())
    result = bcic("ingest", DATANG, str(copy), "--lang", "zh")
    assert result.exit_code == 2, result.output
    assert f"{DATANG} 与 {copy} 内容相同" in result.output
    assert not Path(store_dir).exists()


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _bcic_process(*args: str) -> subprocess.Popen[str]:
    """`bcic` in a process of its own: the time limit and Ctrl-C end the whole process."""
    return subprocess.Popen([sys.executable, "-m", "checker.cli", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_local_query_past_its_time_limit_is_stopped_and_says_so(
        bcic: Bcic, datang_stored: str, lang: str) -> None:
    """pyoxigraph holds the main thread in Rust: the limit must end the query all the same."""
    store_dir = datang_stored
    child = _bcic_process("query", CARTESIAN, "--store", store_dir, "--timeout", "1",
                          "--lang", lang)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 4 and out == ""  # the store could not answer in time
    assert {"en": "query stopped after 1 s (the time limit, --timeout)",
            "zh": "查询在 1 秒（时间上限，--timeout）后被终止"}[lang] in err
    assert message("query.output_incomplete", lang) not in err  # no output to call incomplete
    assert "Traceback" not in err
    assert bcic("ingest", DEHUA).exit_code == 0  # the store was let go


@pytest.mark.parametrize("timeout", ["0", f"{MAX_QUERY_TIMEOUT:.0f}"])
def test_ctrl_c_stops_a_local_query_inside_the_engine(bcic: Bcic, datang_stored: str,
                                                       timeout: str) -> None:
    """Under no limit and under the longest one alike: the watcher lives to hear Ctrl-C."""
    store_dir = datang_stored
    started = time.monotonic()
    child = _bcic_process("queries", "run", "most-violated-clauses", "--store", store_dir)
    assert child.wait(timeout=60) == 0  # a named query runs to its end under the limit
    whole_run = time.monotonic() - started  # start-up and a short query, on this machine now
    child = _bcic_process("query", CARTESIAN, "--store", store_dir, "--timeout", timeout)
    time.sleep(max(2.0, 2 * whole_run))  # past start-up, inside the engine by now
    child.send_signal(signal.SIGINT)
    _out, err = child.communicate(timeout=20)
    assert child.returncode == 130 and "Traceback" not in err


@pytest.mark.parametrize("command", [["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
                                     ["queries", "run", "most-violated-clauses"]])
@pytest.mark.parametrize("timeout", ["nan", "inf", "1e10", "1e30", "-1"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_timeout_out_of_range_is_a_usage_error_naming_the_range(
        bcic: Bcic, command: list[str], timeout: str, lang: str) -> None:
    """NaN, infinity or a deadline past the platform's clock would kill the watcher of the
    time limit, leaving no limit and Ctrl-C dead: they are refused before anything runs."""
    result = bcic(*command, "--timeout", timeout, "--lang", lang)
    assert result.exit_code == 2
    assert {"en": "is not in the range 0<=x<=1000000", "zh": "不在范围 0<=x<=1000000"}[lang] \
        in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_store_is_made_among_other_files(runner: CliRunner, tmp_path: Path, lang: str) -> None:
    """A mistyped --store must not fill a folder of documents with database files."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("hello", encoding="utf-8")
    result = runner.invoke(main, ["ingest", DEHUA, "--store", str(folder), "--lang", lang])
    assert result.exit_code == 2
    assert {"en": "holds other files and no store", "zh": "中有其他文件但没有存储"}[lang] in result.output
    assert [p.name for p in folder.iterdir()] == ["letter.txt"]
    assert not (tmp_path / "documents-snapshots").exists()


def test_an_empty_store_location_is_bad_input(runner: CliRunner) -> None:
    for command in (["ingest", DEHUA], ["clusters"]):
        result = runner.invoke(main, [*command, "--store", ""])
        assert result.exit_code == 2 and "the store location is empty" in result.output


@pytest.fixture(scope="module")
def changed_rules_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Datang and Dehua under the running rulebook, then Datang again under 0.2.0."""
    path = tmp_path_factory.mktemp("rule-change") / "store"
    store_across_a_rule_change(path)
    return str(path)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_names_each_revisions_rulebook_and_a_change_of_rulebook(
        runner: CliRunner, changed_rules_store: str, lang: str) -> None:
    """Rule review 3: Datang's unchanged resubmission closes 9.4.2 and opens
    9.4.3 only because the rules were renumbered; history says which rulebook judged each
    revision, and that the second's changes cross a rulebook change."""
    result = runner.invoke(main, ["history", DATANG_CLUSTER, "--store", changed_rules_store,
                                  "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(
        message("store.revision", lang, number=1)))
    second = next(i for i, line in enumerate(lines) if line.startswith(
        message("store.revision", lang, number=2)))
    assert lines[first].endswith(message("store.history.rulebook", lang, version=__version__))
    assert lines[second].endswith(message("store.history.rulebook", lang,
                                          version=CHANGED_VERSION))
    changed = message("store.history.rulebook_changed", lang, before=__version__,
                      after=CHANGED_VERSION)
    assert [line.strip() for line in lines].count(changed) == 1
    assert lines[second + 1].strip() == changed
    assert provision_notation(RENAMED, lang) in lines[second + 2]  # closed
    assert provision_notation(RENAMED_TO, lang) in lines[second + 3]  # opened


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_clusters_and_the_conformance_ranking_name_each_rulebook_and_say_when_they_differ(
        runner: CliRunner, changed_rules_store: str, lang: str) -> None:
    result = runner.invoke(main, ["clusters", "--store", changed_rules_store, "--lang", lang])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines()
            if line.startswith("https://")}
    assert f" {CHANGED_VERSION} " in rows[DATANG_CLUSTER]
    assert f" {__version__} " in rows[DEHUA_CLUSTER]
    versions = ", ".join(sorted((__version__, CHANGED_VERSION)))
    assert message("store.clusters.mixed_rulebooks", lang, versions=versions) in result.output
    ranked = runner.invoke(main, ["queries", "run", "clusters-by-conformance", "--format", "csv",
                                  "--store", changed_rules_store, "--lang", lang])
    assert ranked.exit_code == 0, ranked.output
    assert message("query.mixed_rulebooks", lang, versions=versions) in ranked.stderr
    table = list(csv.DictReader(io.StringIO(ranked.stdout)))
    assert {row["cluster"]: row["rulebookVersion"] for row in table} == {
        DATANG_CLUSTER: CHANGED_VERSION, DEHUA_CLUSTER: __version__}
