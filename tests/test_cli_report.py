"""`bcic report`: a stored revision's report, the evaluator's judgements applied, the same as the
web app's download of it (docs/model.md, decision 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, URIRef

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.store import cluster_key, open_configured_store, report_graph_iri

DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
CLUSTER = "https://example.org/cluster/dehua/cluster"
KEY = cluster_key(URIRef(CLUSTER))


@pytest.fixture
def store(runner: CliRunner, tmp_path: Path) -> Path:
    """A store holding the dehua sample as revision 1, 6.1 judged not met."""
    location = tmp_path / "store"
    assert runner.invoke(main, ["ingest", DEHUA, "--store", str(location)]).exit_code == 0
    judged = runner.invoke(main, ["judge", CLUSTER, "6.1", "--not-met", "--note", "未见品牌战略文件",
                                  "--by", "评价员甲", "--store", str(location)])
    assert judged.exit_code == 0, judged.output
    return location


def _report(runner: CliRunner, store: Path, *args: str) -> Result:
    return runner.invoke(main, ["report", *args, "--store", str(store)])


def test_report_prints_the_stored_report_with_its_judgements_and_exits_1_on_a_gap(
        runner: CliRunner, store: Path) -> None:
    result = _report(runner, store, CLUSTER, "--lang", "zh")
    assert result.exit_code == 1, result.output
    assert "第 1 版" in result.output and "未见品牌战略文件" in result.output
    assert "评价员甲" in result.output


@pytest.mark.parametrize("fmt", ["json", "text"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_gives_what_the_web_download_gives(runner: CliRunner, store: Path, make_web_app,  # type: ignore[no-untyped-def]
                                                  fmt: str, lang: str) -> None:
    printed = _report(runner, store, KEY, "--revision", "1", "--format", fmt, "--lang", lang)
    assert printed.exit_code == 1, printed.output
    app = make_web_app(store)
    answer = app.test_client().get(
        f"/api/clusters/{KEY}/revisions/1/report?format={fmt}&lang={lang}")
    assert answer.status_code == 200
    if fmt == "json":
        assert json.loads(printed.output) == answer.get_json()
    else:
        assert printed.output == answer.get_data(as_text=True)


PUBLIC = "https://bcic.example.org/evaluation"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_html_report_for_a_cluster_links_the_public_servers_rulebook_as_the_download_does(
        runner: CliRunner, store: Path, tmp_path: Path, make_web_app,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """A report handed to a cluster (clause 1's evaluation): with BCIC_PUBLIC_URL its hints link
    to that server's rulebook pages, which the cluster can open, not to a command it cannot run,
    byte for byte as the server's own download."""
    monkeypatch.setenv("BCIC_PUBLIC_URL", PUBLIC)
    out = tmp_path / "r.html"
    printed = _report(runner, store, KEY, "--format", "html", "--lang", lang, "--output", str(out))
    assert printed.exit_code == 1, printed.output
    written = out.read_text(encoding="utf-8")
    assert f'href="{PUBLIC}/rulebook/8.2.6"' in written and "bcic rules show" not in written
    answer = make_web_app(store, BCIC_PUBLIC_URL=PUBLIC).test_client().get(
        f"/api/clusters/{KEY}/revisions/1/report?format=html&lang={lang}")
    assert answer.status_code == 200
    assert written == answer.get_data(as_text=True)


@pytest.mark.parametrize("lang, words", [
    ("en", "BCIC_PUBLIC_URL must be the http or https URL"),
    ("zh", "BCIC_PUBLIC_URL 须为用户访问 bcic 网页应用所用的 http 或 https URL")])
def test_an_html_report_under_a_bad_public_url_is_bad_input_and_writes_nothing(
        runner: CliRunner, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        lang: str, words: str) -> None:
    monkeypatch.setenv("BCIC_PUBLIC_URL", "ftp://bcic.example.org")
    out = tmp_path / "r.html"
    result = _report(runner, store, CLUSTER, "--format", "html", "--lang", lang,
                     "--output", str(out))
    assert result.exit_code == 2 and words in result.output and not out.exists()


def test_report_writes_the_output_file(runner: CliRunner, store: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.ttl"
    result = _report(runner, store, CLUSTER, "--format", "ttl", "--output", str(out))
    assert result.exit_code == 1 and "未见品牌战略文件" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, lang, words", [
    ((CLUSTER.replace("cluster/dehua", "cluster/dehau"),), "en",
     f"; the stored clusters nearest in spelling: <{CLUSTER}>"),
    ((KEY[:-1] + ("0" if KEY[-1] != "0" else "1"),), "zh",
     f"；拼写最接近的已存储产业集群：{KEY}"),
    ((CLUSTER, "--revision", "4"), "en", "revision 4 of <" + CLUSTER + "> is not stored; "
                                         "the nearest stored: 1"),
    ((CLUSTER, "--revision", "4"), "zh", f"未存储 <{CLUSTER}> 的第 4 版；最接近的已存储修订版：1"),
])
def test_an_unknown_cluster_or_revision_exits_2_naming_the_nearest(
        runner: CliRunner, store: Path, args: tuple[str, ...], lang: str, words: str) -> None:
    result = _report(runner, store, *args, "--lang", lang)
    assert result.exit_code == 2, result.output
    assert words in result.output


DATANG = str(EXAMPLES_DIR / "datang-socks.ttl")
DATANG_CLUSTER = "https://example.org/cluster/datang/cluster"


def _canonical(turtle: str) -> pyoxigraph.Dataset:
    """The triples of a Turtle text, blank nodes named canonically (comparable with ==)."""
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(turtle.encode("utf-8"),
                                                  format=pyoxigraph.RdfFormat.TURTLE))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def _list_cells(dataset: pyoxigraph.Dataset) -> int:
    return len(list(dataset.quads_for_predicate(pyoxigraph.NamedNode(str(RDF.first)))))


def test_the_turtle_report_reads_the_same_every_time_and_as_the_download(
        runner: CliRunner, tmp_path: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    """Datang's results have path lists under their details: each is written once (no copy of
    a cell at random), in every read of `bcic report` and the web app's download alike."""
    location = tmp_path / "store"
    assert runner.invoke(main, ["ingest", DATANG, "--store", str(location)]).exit_code == 0
    for provision, verdict in (("4.2.1-a", "--met"), ("5.1", "--not-met")):
        assert runner.invoke(main, ["judge", DATANG_CLUSTER, provision, verdict, "--note", "现场核查",
                                    "--by", "评价员甲", "--store", str(location)]).exit_code == 0
    reads = [_report(runner, location, DATANG_CLUSTER, "--format", "ttl").output
             for _ in range(3)]
    key = cluster_key(URIRef(DATANG_CLUSTER))
    app = make_web_app(location)
    downloaded = app.test_client().get(f"/api/clusters/{key}/revisions/1/report?format=ttl")
    assert downloaded.status_code == 200
    reads.append(downloaded.get_data(as_text=True))
    store = open_configured_store(str(location))
    try:
        stored = store.named_graph(report_graph_iri(URIRef(DATANG_CLUSTER), 1))
    finally:
        store.close()
    cells = len(list(stored.triples((None, RDF.first, None))))
    assert cells > 0
    canonical = [_canonical(text) for text in reads]
    assert [_list_cells(d) for d in canonical] == [cells] * len(reads)
    assert all(d == canonical[0] for d in canonical[1:])
