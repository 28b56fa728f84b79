"""A write whose answer is lost says what was stored (docs/store.md, "When the store fails"):
a real Oxigraph server (tests/oxigraph_server.py) behind a loopback proxy that closes the
connection after passing a write on (the server applied it) or before (it did not), and may then
stay silent a while (the server gone). Stored: the write succeeds, as any other, and nobody sends
it again. Not stored: the error says so. Not known: the error says so, and how to find out; and a
claim of the turn that could not be given back says until when it may keep other writers
waiting, as the writer waiting on it does.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from checker.cli import main
from checker.display_time import display_zone, shown_in
from checker.errors import NoAnswerError
from checker.paths import EXAMPLES_DIR
from checker.store.base import PROVENANCE_GRAPH, WRITERS_GRAPH
from checker.store.sparql_store import SparqlStore
from checker.store.turns import expiry

from loopback import Drop, dropping_proxy
from oxigraph_server import OxigraphNotInstalledError, OxigraphServer, require_binary
from store_contract import new_cluster, numbered_record

DATANG = "https://example.org/cluster/datang/cluster"
FOREVER = 10_000  # requests dropped after the one picked: the server stays gone


def _revision_write(body: bytes) -> bool:
    """The update that writes a revision (not a deletion, which drops its graphs first)."""
    return (b"INSERT DATA" in body and b"/graph/submission/" in body
            and b"DROP SILENT GRAPH" not in body)


def _claim(body: bytes) -> bool:
    """The update that claims a turn (a revision's write gives its turn back, and claims none)."""
    return (b"INSERT {" in body and WRITERS_GRAPH.encode() in body
            and b"/graph/submission/" not in body)


def _deletion(body: bytes) -> bool:
    """The update that deletes a revision."""
    return b"DROP SILENT GRAPH" in body and b"/graph/submission/" in body


@pytest.fixture
def server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A fresh Oxigraph server for the test."""
    try:
        require_binary()
    except OxigraphNotInstalledError as error:  # fail, never skip: `make install` installs it
        pytest.fail(str(error), pytrace=False)
    with OxigraphServer(tmp_path) as started:
        yield started


def _ingest(base: str, *options: str) -> Result:
    """`bcic ingest` of Datang through the server (or proxy) at `base`."""
    return CliRunner().invoke(main, ["ingest", str(EXAMPLES_DIR / "datang-socks.ttl"),
                                     "--store", f"{base}/query", *options],
                              env={"BCIC_STORE_UPDATE": f"{base}/update"})


def _rows(server: OxigraphServer, query: str) -> list[dict[str, str]]:
    """A SELECT's bindings, asked of the server without bcic."""
    url = server.query_endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        rows = json.load(answer)["results"]["bindings"]
    return [{name: value["value"] for name, value in row.items()} for row in rows]


def _revisions(server: OxigraphServer) -> int:
    """How many revisions' provenance the server holds (the writes that stored them)."""
    return len(_rows(server, f"SELECT ?w WHERE {{ GRAPH <{PROVENANCE_GRAPH}> {{ ?g "
                             f"<http://www.w3.org/ns/prov#wasGeneratedBy> ?w "
                             f"FILTER(CONTAINS(STR(?g), '/graph/submission/')) }} }}"))


def _claims(server: OxigraphServer) -> list[datetime]:
    """When each claim in the writers graph was made."""
    rows = _rows(server, f"SELECT ?since WHERE {{ GRAPH <{WRITERS_GRAPH}> {{ ?w "
                         f"<http://www.w3.org/ns/prov#startedAtTime> ?since }} }}")
    return [datetime.fromisoformat(row["since"]) for row in rows]


def _store(base: str, lock_wait: float = 30) -> SparqlStore:
    return SparqlStore(f"{base}/query", f"{base}/update", engine="generic", lock_wait=lock_wait)


def test_an_ingest_whose_answer_was_lost_after_the_server_stored_it_succeeds_once(
        server: OxigraphServer) -> None:
    """Not "cannot reach" with exit 4, which made the operator send it again: a duplicate."""
    drop = Drop(_revision_write, forward=True)
    with dropping_proxy(server.base, drop) as proxy:
        result = _ingest(proxy)
    assert drop.dropped == 1
    assert result.exit_code == 0, result.output
    assert f"Stored revision 1 of {DATANG}" in result.output
    assert _revisions(server) == 1 and _claims(server) == []  # the write gave the turn back


def test_an_ingest_whose_update_never_reached_the_server_says_nothing_was_stored(
        server: OxigraphServer) -> None:
    drop = Drop(_revision_write, forward=False)
    with dropping_proxy(server.base, drop) as proxy:
        result = _ingest(proxy)
        zh = _ingest(proxy, "--lang", "zh")
    assert (result.exit_code, zh.exit_code) == (4, 4), result.output
    assert "cannot reach" not in result.output
    assert (f"the server closed it without answering (Remote end closed connection without "
            f"response); read back from {proxy}/query, revision 1 of {DATANG} is not stored: the "
            f"update was not applied, and nothing of it was stored") in result.output
    assert "服务器未作应答就关闭了连接" in zh.output and "其内容均未存储" in zh.output
    assert _revisions(server) == 0 and _claims(server) == []  # the turn given back


def test_an_ingest_whose_server_went_before_its_write_was_sent_says_nothing_was_written(
        server: OxigraphServer) -> None:
    """The claims of the turn never reached the server: not a bare "closed without answering",
    which leaves the operator to wonder whether to send it again."""
    drop = Drop(_claim, forward=False)
    with dropping_proxy(server.base, drop) as proxy:
        result = _ingest(proxy)
        zh = _ingest(proxy, "--lang", "zh")
    assert drop.dropped == 2
    assert (result.exit_code, zh.exit_code) == (4, 4), result.output
    assert ("the server closed it without answering (Remote end closed connection without "
            "response); nothing was written: it failed before the write was sent") in result.output
    assert "未写入任何内容：失败发生在写入发送之前" in zh.output
    assert _revisions(server) == 0 and _claims(server) == []


def test_an_ingest_that_cannot_read_back_its_lost_write_says_it_is_unknown_and_what_to_check(
        server: OxigraphServer) -> None:
    """The server stored it, then went: neither "stored" nor "not stored" would be true."""
    drop = Drop(_revision_write, forward=True, then=FOREVER)
    with dropping_proxy(server.base, drop) as proxy:
        result = _ingest(proxy, "--lang", "zh")
    assert result.exit_code == 4, result.output
    assert (f"无法确定 {DATANG} 的第 1 版是否已存储，因为读回也失败了" in result.output
            and f"再次发送之前，请先用 `bcic history {DATANG}` 查看" in result.output)
    assert "服务器未作应答就关闭了连接（Remote end closed connection without response）" in \
        result.output  # the system's words only in parentheses
    assert _revisions(server) == 1


def test_a_write_read_back_once_the_server_answers_again_is_stored(
        server: OxigraphServer) -> None:
    """The read back is tried again for a few seconds: a server restarting answers then."""
    drop = Drop(_revision_write, forward=True, then=2)
    cluster = new_cluster()
    with dropping_proxy(server.base, drop) as proxy:
        stored = _store(proxy).add_next_revision(
            cluster, lambda n, p: numbered_record(cluster, n, p, "lost"))
    assert stored.number == 1 and drop.dropped == 1 and _revisions(server) == 1


def test_a_deletion_whose_answer_was_lost_is_read_back(server: OxigraphServer) -> None:
    cluster = new_cluster()
    _store(server.base).add_next_revision(cluster,
                                          lambda n, p: numbered_record(cluster, n, p, "a"))
    with dropping_proxy(server.base, Drop(_deletion, forward=False)) as proxy:
        with pytest.raises(NoAnswerError, match=r"revision 1 of .* is still stored: the update "
                                                r"was not applied"):
            _store(proxy).delete_revision(cluster, 1)
    assert _revisions(server) == 1 and _claims(server) == []
    with dropping_proxy(server.base, Drop(_deletion, forward=True)) as proxy:
        assert _store(proxy).delete_revision(cluster, 1) is True
    assert _revisions(server) == 0 and _claims(server) == []
    with dropping_proxy(server.base, Drop(_deletion, forward=True, then=FOREVER)) as proxy:
        _store(server.base).add_next_revision(cluster,
                                              lambda n, p: numbered_record(cluster, n, p, "b"))
        with pytest.raises(NoAnswerError) as unknown:
            _store(proxy).delete_revision(cluster, 2)
    assert "it is unknown whether revision 2 of" in unknown.value.text("en")
    assert "再次删除之前，请先用 `bcic history" in unknown.value.text("zh")


def test_a_claim_left_behind_says_until_when_and_so_does_the_writer_that_waits_on_it(
        server: OxigraphServer) -> None:
    """The failed writer's claim could not be given back (the server went): it says so, with
    the time the claim expires, in the display zone (clause 1, BCIC_TIME_ZONE); the next
    writer, waiting in vain, gives the same time."""
    cluster = new_cluster()
    with shown_in(display_zone("Asia/Shanghai")):
        with dropping_proxy(server.base, Drop(_revision_write, forward=False,
                                              then=FOREVER)) as proxy:
            with pytest.raises(NoAnswerError) as failed:
                _store(proxy).add_next_revision(
                    cluster, lambda n, p: numbered_record(cluster, n, p, "x"))
        [claimed] = _claims(server)
        with pytest.raises(NoAnswerError) as busy:
            _store(server.base, lock_wait=0.5).add_next_revision(
                cluster, lambda n, p: numbered_record(cluster, n, p, "y"))
    until = f"{expiry(claimed).astimezone(display_zone('Asia/Shanghai')):%Y-%m-%d %H:%M}"
    assert failed.value.text("en").endswith(
        f"could not be given back: if it is still in the store, other writers of it wait for it "
        f"until it expires, by {until} (UTC+08:00)")
    assert f"其他写入者须等待它过期（{until}（UTC+08:00） 之前）" in failed.value.text("zh")
    assert busy.value.text("en").endswith(
        f"(if its writer stopped without finishing, the claim this one waited for expires by "
        f"{until} (UTC+08:00))")
    assert f"本次所等待的申领将在 {until}（UTC+08:00） 之前过期" in busy.value.text("zh")
