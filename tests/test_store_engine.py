"""The engine setting of a remote store (checker/store/engine.py): `auto` believes the server's
Server header, `virtuoso` and `generic` overrule it, for a proxy that strips or rewrites it; an
unknown value is refused, in zh and en, before any request.

A stand-in endpoint on loopback names itself as it is told and keeps every request, so each test
sees what the store sent: the Virtuoso text of a named query (after its prologue) or the standard
one, and an update with or without Virtuoso's pragma.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError
from checker.queries import ENGINE_PROLOGUES, bind, get_query, run_named_query
from checker.store import Store, open_configured_store, open_store
from checker.queries.named_iris import known_iri_query
from checker.store.default_graph import UNION_PROBE

from loopback import QuietHandler, loopback_endpoint

CLUSTER = "https://example.org/cluster/dehua/cluster"
VIRTUOSO_HEADER = "Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu"
UPDATE_PRAGMA = "define sql:big-data-const 1\n"


class _Endpoint(QuietHandler):
    """Answers every query with no rows (true for an ASK) and every update with 200."""

    server_header = ""
    queries: list[str] = []
    updates: list[str] = []

    def version_string(self) -> str:
        return self.server_header

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        if self.headers.get("Content-Type", "").startswith("application/sparql-update"):
            self.updates.append(body)
            answer = b""
        else:
            query = urllib.parse.parse_qs(body)["query"][0]
            self.queries.append(query)
            answer = (b'{"head": {}, "boolean": true}' if query.lstrip().startswith("ASK")
                      else b'{"head": {"vars": []}, "results": {"bindings": []}}')
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


def _server(header: str) -> type[_Endpoint]:
    return type("Endpoint", (_Endpoint,), {"server_header": header, "queries": [],
                                           "updates": []})


@pytest.fixture
def behind_proxy() -> Iterator[tuple[str, type[_Endpoint]]]:
    """A server whose Server header a proxy rewrote: it says nginx."""
    handler = _server("nginx/1.24.0")
    with loopback_endpoint(handler) as url:
        yield url, handler


@pytest.fixture
def says_virtuoso() -> Iterator[tuple[str, type[_Endpoint]]]:
    """A server that says it is Virtuoso."""
    handler = _server(VIRTUOSO_HEADER)
    with loopback_endpoint(handler) as url:
        yield url, handler


def _sent_texts(store: Store, handler: type[_Endpoint]) -> tuple[str, str]:
    """The named query's text and the update the store sent."""
    run_named_query(store, "indicators-vs-targets", {"cluster": CLUSTER})
    query = handler.queries[-1]
    store.rebuild_summary()  # updates, the marker last, read back with an ASK (true here)
    return query, handler.updates[-1]


def _virtuoso_text() -> str:
    return bind(get_query("indicators-vs-targets"), {"cluster": CLUSTER}, engine="virtuoso")


def _standard_text() -> str:
    return bind(get_query("indicators-vs-targets"), {"cluster": CLUSTER})


def test_auto_believes_the_server_header(says_virtuoso: tuple[str, type[_Endpoint]],
                                         behind_proxy: tuple[str, type[_Endpoint]]) -> None:
    for (url, handler), engine in ((says_virtuoso, "virtuoso"), (behind_proxy, "sparql")):
        store = open_store("sparql", query_endpoint=url, update_endpoint=url)
        assert store.query_engine == engine
        query, update = _sent_texts(store, handler)
        assert query == (_virtuoso_text() if engine == "virtuoso" else _standard_text())
        assert update.startswith(UPDATE_PRAGMA) == (engine == "virtuoso")


def test_virtuoso_behind_a_proxy_that_rewrites_its_header_is_spoken_to_as_virtuoso(
        behind_proxy: tuple[str, type[_Endpoint]]) -> None:
    url, handler = behind_proxy
    store = open_store("sparql", query_endpoint=url, update_endpoint=url, engine="virtuoso")
    assert store.query_engine == "virtuoso"
    query, update = _sent_texts(store, handler)
    assert query == _virtuoso_text() and query.startswith(ENGINE_PROLOGUES["virtuoso"])
    assert update.startswith(UPDATE_PRAGMA)


def test_generic_overrules_a_virtuoso_header(says_virtuoso: tuple[str, type[_Endpoint]]) -> None:
    url, handler = says_virtuoso
    store = open_store("sparql", query_endpoint=url, update_endpoint=url, engine="generic")
    assert store.query_engine == "sparql"
    query, update = _sent_texts(store, handler)
    assert query == _standard_text() and not update.startswith(UPDATE_PRAGMA)


def test_the_environment_sets_the_engine_of_a_configured_store(
        behind_proxy: tuple[str, type[_Endpoint]], monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = behind_proxy
    monkeypatch.setenv("BCIC_STORE_ENGINE", " Virtuoso ")
    assert open_configured_store(url).query_engine == "virtuoso"
    assert open_configured_store(url, engine="generic").query_engine == "sparql"  # given wins


@pytest.mark.parametrize("value", ["fuseki", "virtuoso7", "sparql"])
def test_an_unknown_engine_is_refused_in_zh_and_en_before_any_request(
        behind_proxy: tuple[str, type[_Endpoint]], value: str) -> None:
    url, handler = behind_proxy
    with pytest.raises(InputError) as refused:
        open_store("sparql", query_endpoint=url, update_endpoint=url, engine=value)
    assert refused.value.text("en") == (
        f"{value!r} is not a store engine: give auto, virtuoso or generic "
        "(BCIC_STORE_ENGINE, --store-engine)")
    assert refused.value.text("zh") == (
        f"{value!r} 不是可选的存储引擎：请取 auto、virtuoso 或 generic"
        "（BCIC_STORE_ENGINE、--store-engine）")
    assert handler.queries == [] and handler.updates == []


def test_an_unknown_engine_in_the_environment_creates_no_directory_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BCIC_STORE_ENGINE", "fuseki")
    with pytest.raises(InputError, match="'fuseki' is not a store engine"):
        open_configured_store(str(tmp_path / "store"))
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize(("option", "env"), [(["--store-engine", "virtuoso"], {}),
                                             ([], {"BCIC_STORE_ENGINE": "virtuoso"})],
                         ids=["option", "environment"])
def test_the_cli_sets_the_engine_of_the_remote_store(
        runner: CliRunner, behind_proxy: tuple[str, type[_Endpoint]], option: list[str],
        env: dict[str, str]) -> None:
    url, handler = behind_proxy
    result = runner.invoke(main, ["queries", "run", "indicators-vs-targets", "--param",
                                  f"cluster={CLUSTER}", "--store", url, *option,
                                  "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    # Besides the store's check of the server's default graph (no rows here: nothing to tell),
    # and, the answer having no rows, whether the store names the cluster at all.
    assert [query for query in handler.queries if query != UNION_PROBE] == [
        _virtuoso_text(), known_iri_query(CLUSTER)]


def test_the_cli_refuses_an_unknown_engine_in_chinese_with_exit_2(
        runner: CliRunner, behind_proxy: tuple[str, type[_Endpoint]]) -> None:
    url, handler = behind_proxy
    result = runner.invoke(main, ["clusters", "--store", url, "--store-engine", "fuseki",
                                  "--lang", "zh"])
    assert result.exit_code == 2
    assert "'fuseki' 不是可选的存储引擎" in result.output
    refused = runner.invoke(main, ["clusters", "--store", url], env={"BCIC_STORE_ENGINE": "x"})
    assert refused.exit_code == 2 and "'x' is not a store engine" in refused.output
    assert handler.queries == [] and handler.updates == []


def test_the_web_app_reads_the_engine_from_its_configuration(
        tmp_path: Path, behind_proxy: tuple[str, type[_Endpoint]]) -> None:
    from web import create_app
    from web.data import read_store

    url, _ = behind_proxy
    settings = {"TESTING": True, "BCIC_STORE": url, "SECRET_KEY": "test-secret",
                "BCIC_TOKENS": str(tmp_path / "tokens.json")}
    app = create_app({**settings, "BCIC_STORE_ENGINE": "virtuoso"})
    with app.app_context():
        assert read_store().query_engine == "virtuoso"
    with pytest.raises(InputError, match="'fuseki' is not a store engine"):
        create_app({**settings, "BCIC_STORE_ENGINE": "fuseki"})
