"""What the operator sees of a running app: its logs (web/logs.py), /healthz (web/health.py), a
damaged token file answered without its path, the size limit and CORS settings."""

from __future__ import annotations

import io
import logging
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.cli_serve import LOG_FORMAT
from checker.paths import EXAMPLES_DIR
from checker.tokens import TokenFile

BODY = (EXAMPLES_DIR / "meitan-tea.ttl").read_bytes()
LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+: ")


def test_every_request_is_logged_without_query_values(make_web_app, sample_store: Path,  # type: ignore[no-untyped-def]
                                                      caplog: pytest.LogCaptureFixture) -> None:
    client = make_web_app(sample_store).test_client()
    with caplog.at_level(logging.INFO, logger="bcic.access"):
        client.get("/sparql?query=ASK%7B%7D&token=secret-value")
        client.get("/no/such%0Apage")
    lines = [r.getMessage() for r in caplog.records if r.name == "bcic.access"]
    assert len(lines) == 2, lines
    assert lines[0].startswith("127.0.0.1 GET /sparql?query&token 200 ") and lines[0].endswith(" ms")
    assert "secret-value" not in lines[0] and "ASK" not in lines[0]
    assert "GET /no/such%0Apage 404" in lines[1]  # a line break in a path never starts a line


def test_the_access_log_can_be_turned_off(make_web_app, sample_store: Path,  # type: ignore[no-untyped-def]
                                          caplog: pytest.LogCaptureFixture) -> None:
    client = make_web_app(sample_store, BCIC_ACCESS_LOG="false").test_client()
    with caplog.at_level(logging.INFO, logger="bcic.access"):
        client.get("/api/clusters")
    assert not [r for r in caplog.records if r.name == "bcic.access"]


def test_refused_queries_failed_authentication_and_writes_are_logged(
        make_web_app, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(tmp_path / "store", BCIC_TOKENS=str(tmp_path / "tokens.json"))
    record, token = TokenFile(tmp_path / "tokens.json").create("evaluator", label="QA team")
    client = app.test_client()
    wrong = f"bcic_{record.id}_not-the-secret"
    with caplog.at_level(logging.INFO, logger="bcic.events"):
        client.get("/sparql?query=SELECT%20%3Fx%20WHERE%20%7B")
        client.post("/api/clusters/revisions", data=BODY, content_type="text/turtle",
                    headers={"Authorization": f"Bearer {wrong}"})
        stored = client.post("/api/clusters/revisions", data=BODY, content_type="text/turtle",
                             headers={"Authorization": f"Bearer {token}"})
        assert stored.status_code == 201, stored.get_data(as_text=True)[:300]
        deleted = client.delete(f"/api/clusters/{stored.get_json()['key']}/revisions/1",
                                headers={"Authorization": f"Bearer {token}"},
                                json={"reason": "uploaded twice"})
        assert deleted.status_code == 200
    lines = "\n".join(r.getMessage() for r in caplog.records if r.name == "bcic.events")
    assert "GET /sparql?query answered 400 QueryRefusedError" in lines
    assert f"POST /api/clusters/revisions refused (token id {record.id}): no valid token" in lines
    assert "not-the-secret" not in lines and token not in lines
    cluster = stored.get_json()["cluster"]
    assert f"stored revision 1 of <{cluster}> for 'QA team'" in lines
    assert f"deleted revision 1 of <{cluster}> for 'QA team'" in lines


def test_a_damaged_token_file_is_a_503_without_its_path_and_is_logged(
        make_web_app, sample_store: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        caplog: pytest.LogCaptureFixture) -> None:
    tokens = tmp_path / "damaged-tokens.json"
    tokens.write_text('{"tokens": [', encoding="utf-8")
    client = make_web_app(sample_store, BCIC_TOKENS=str(tokens)).test_client()
    with caplog.at_level(logging.INFO, logger="bcic.events"):
        for lang in ("en", "zh"):
            answer = client.delete(f"/api/clusters/a3c7b6acbf42eb03/revisions/1?lang={lang}",
                                   headers={"Authorization": "Bearer bcic_00000000_x"})
            assert answer.status_code == 503
            message = answer.get_json()["message"]
            assert str(tmp_path) not in message and "tokens.json" not in message
            assert ("cannot read its tokens" if lang == "en" else "无法读取其令牌文件") in message
    logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert logged and str(tokens) in logged[0].getMessage()


def test_health_is_200_on_a_readable_store_and_503_without_a_snapshot(
        make_web_app, sample_store: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ready = make_web_app(sample_store).test_client().get("/healthz")
    assert ready.status_code == 200 and ready.get_json() == {"ok": True, "status": 200,
                                                             "store": "readable"}
    assert "no-store" in ready.headers["Cache-Control"]
    bare = tmp_path / "copy" / "store"
    shutil.copytree(sample_store, bare)  # a store whose snapshot no one has made
    app = make_web_app(bare, BCIC_SNAPSHOT=str(tmp_path / "elsewhere"))
    shutil.rmtree(tmp_path / "elsewhere")  # as if the first snapshot had failed
    for lang, said in (("en", "no query snapshot"), ("zh", "尚未生成查询快照")):
        answer = app.test_client().get("/healthz", headers={"Accept-Language": lang})
        assert answer.status_code == 503 and said in answer.get_json()["message"]
        assert str(tmp_path) not in answer.get_data(as_text=True)


def test_a_limit_under_a_kib_is_said_in_bytes(make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(sample_store, MAX_CONTENT_LENGTH=1000).test_client()
    answer = client.post("/api/validate", data=BODY, content_type="text/turtle")
    assert answer.status_code == 413 and "1000 B" in answer.get_json()["message"]


@pytest.mark.parametrize(("value", "header"), [("null", "null"), ("", None),
                                               ("https://partner.example", "https://partner.example")])
def test_cors_origin_is_sent_as_written_and_an_empty_one_turns_cors_off(
        monkeypatch: pytest.MonkeyPatch, make_web_app, sample_store: Path,  # type: ignore[no-untyped-def]
        value: str, header: str | None) -> None:
    monkeypatch.setenv("BCIC_CORS_ORIGIN", value)
    answer = make_web_app(sample_store).test_client().get("/api/clusters")
    assert answer.headers.get("Access-Control-Allow-Origin") == header
    assert ("Access-Control-Expose-Headers" in answer.headers) == (header is not None)


FORGING_PATHS = [  # a client's line, after a line break in a name the route makes an IRI of
    "/indicator/x%0A2026-11-29%2016:20:00,000%20ERROR%20web:%20FORGED%20LINE%20",
    "/shapes/gbt-draft/y%0D%0A2026-11-29%2016:20:00,000%20WARNING%20bcic.events:%20FORGED%20",
    "/rulebook/shapes/zz%20%0AFORGED",
    "/req/gbt-draft/4.1%0AFORGED%20%3E",
    "/rulebook/4.1%0AFORGED%20%3E",
]


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """What `bcic serve` writes to stderr: a handler on the root logger in its format."""
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield written
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.mark.parametrize("path", FORGING_PATHS)
def test_a_name_made_of_a_line_break_is_404_and_writes_no_line_of_its_own(
        make_web_app, sample_store: Path, server_log: io.StringIO, path: str) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(sample_store).test_client()
    assert client.get(path, headers={"Accept": "text/turtle"}).status_code == 404
    lines = server_log.getvalue().splitlines()
    assert lines and all(LOG_LINE.match(line) for line in lines), lines
    assert not [line for line in lines if "rdflib" in line], lines  # checked before any IRI


def test_any_librarys_record_has_its_control_characters_escaped(
        make_web_app, sample_store: Path, server_log: io.StringIO) -> None:  # type: ignore[no-untyped-def]
    make_web_app(sample_store)
    logging.getLogger("rdflib.term").warning("%s does not look like a valid URI",
                                             "https://x/a\n2026-11-29 ERROR web: FORGED\u2028")
    assert server_log.getvalue().splitlines() == [server_log.getvalue().rstrip("\n")]
    assert "a\\x0a2026-11-29 ERROR web: FORGED\\u2028 does not look" in server_log.getvalue()
