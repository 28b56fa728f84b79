"""Uploads to the web app are validated within limits (web/README.md, Limits): statements, memory
and time, in a child process, so that no upload, anonymous or an evaluator's, can grow the server
or hold it; past a limit the answer says which, in zh and en, and nothing is stored."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask

from checker.memory_limit import data_size
from checker.paths import EXAMPLES_DIR
from checker.store import open_store
from checker.synthetic import generate_cluster
from checker.tokens import TokenFile
from web.submissions import VALIDATION_SLOTS

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
MEITAN = EXAMPLES_DIR / "meitan-tea.ttl"


def long_list(items: int) -> bytes:
    """The review's attack: each ` 1` of a Turtle collection makes two statements."""
    return (MEITAN.read_text(encoding="utf-8")
            + "<https://example.org/c> <http://www.w3.org/2000/01/rdf-schema#seeAlso> ("
            + " 1" * items + " ) .\n").encode()


@pytest.fixture
def own_store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def evaluator(tmp_path: Path) -> dict[str, str]:
    """The Authorization header of an evaluator's token in the file the apps read."""
    _record, token = TokenFile(tmp_path / "tokens.json").create("evaluator", label="tests")
    return {"Authorization": f"Bearer {token}"}


def _revisions(store_dir: Path) -> list[object]:
    if not store_dir.exists():
        return []
    store = open_store("oxigraph", path=store_dir)
    try:
        return list(store.revisions())
    finally:
        store.close()


def _app(make_web_app, own_store: Path, **config: object) -> Flask:  # type: ignore[no-untyped-def]
    app: Flask = make_web_app(own_store, WTF_CSRF_ENABLED=False, **config)
    return app


@pytest.mark.parametrize("lang, said", [
    ("en", "request-body.ttl: the submission holds more than 2,000 statements (triples), the "
           "limit BCIC_MAX_TRIPLES sets"),
    ("zh", "request-body.ttl：提交材料中的陈述（三元组）超过 2,000 条，即 BCIC_MAX_TRIPLES 设定的上限")])
def test_an_anonymous_upload_over_the_statement_limit_is_413(  # type: ignore[no-untyped-def]
        make_web_app, own_store: Path, lang: str, said: str) -> None:
    client = _app(make_web_app, own_store, BCIC_MAX_TRIPLES=2000).test_client()
    answer = client.post(f"/api/validate?lang={lang}", data=long_list(100_000),
                         content_type="text/turtle")
    assert answer.status_code == 413
    body = answer.get_json()
    assert body["error"] == "SubmissionTooLargeError" and body["message"].startswith(said)
    assert client.post("/api/validate", data=MEITAN.read_bytes(),
                       content_type="text/turtle").status_code == 200


def test_an_evaluators_upload_over_the_statement_limit_is_413_and_stores_nothing(
        make_web_app, own_store: Path,  # type: ignore[no-untyped-def]
        evaluator: dict[str, str]) -> None:
    client = _app(make_web_app, own_store, BCIC_MAX_TRIPLES=2000).test_client()
    api = client.post("/api/clusters/revisions", data=DEHUA.read_bytes(),
                      content_type="text/turtle", headers=evaluator)
    assert api.status_code == 413 and "more than 2,000 statements" in api.get_json()["message"]
    form = client.post("/validate?lang=en", data={
        "files": [(BytesIO(DEHUA.read_bytes()), "dehua.ttl")], "store": "1",
        "token": evaluator["Authorization"].split()[1]}, content_type="multipart/form-data")
    page = form.get_data(as_text=True)
    assert form.status_code == 413 and 'data-status="413"' in page
    assert "The submission goes beyond what this server validates. Nothing was stored." in page
    assert "dehua.ttl: the submission holds more than 2,000 statements" in page
    assert not own_store.exists()  # validated before the store is opened, and so made


@pytest.mark.parametrize("lang, said", [
    ("en", "validating the submission needed more than 16 MiB of memory beyond the server's own "
           "(the limit BCIC_VALIDATION_MEMORY_MIB sets)"),
    ("zh", "验证该提交材料所需的内存超出服务器自身占用之外 16 MiB（BCIC_VALIDATION_MEMORY_MIB 设定的上限）")])
def test_an_upload_past_the_memory_limit_is_413_and_the_server_goes_on(
        make_web_app, own_store: Path, lang: str, said: str,  # type: ignore[no-untyped-def]
        evaluator: dict[str, str]) -> None:
    """300,000 items would take some 800 MB: the child validating them stops at the limit."""
    client = _app(make_web_app, own_store, BCIC_MAX_TRIPLES=10_000_000,
                  BCIC_VALIDATION_MEMORY_MIB=16).test_client()
    for path in ("/api/validate", "/api/clusters/revisions"):
        answer = client.post(f"{path}?lang={lang}", data=long_list(300_000),
                             content_type="text/turtle", headers=evaluator)
        assert answer.status_code == 413
        assert answer.get_json()["message"].startswith(said)
    assert client.post("/api/validate", data=MEITAN.read_bytes(),
                       content_type="text/turtle").status_code == 200
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, said", [
    ("en", "the validation was stopped after 0.01 s (the time limit BCIC_VALIDATION_TIMEOUT "
           "sets) and nothing was kept"),
    ("zh", "验证在 0.01 秒（BCIC_VALIDATION_TIMEOUT 设定的时间上限）后被终止，未保留任何内容")])
def test_an_upload_past_the_time_limit_is_503_and_stores_nothing(
        make_web_app, own_store: Path, lang: str, said: str,  # type: ignore[no-untyped-def]
        evaluator: dict[str, str]) -> None:
    client = _app(make_web_app, own_store, BCIC_VALIDATION_TIMEOUT=0.01).test_client()
    for path in ("/api/validate", "/api/clusters/revisions"):
        answer = client.post(f"{path}?lang={lang}", data=DEHUA.read_bytes(),
                             content_type="text/turtle", headers=evaluator)
        assert answer.status_code == 503
        assert answer.get_json()["message"].startswith(said)
    form = client.post(f"/validate?lang={lang}", data={"text": DEHUA.read_text(encoding="utf-8")})
    assert form.status_code == 503 and said in form.get_data(as_text=True)
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, said, summary", [
    ("en", "the server is already validating as many submissions as it validates at once (1, "
           "the number BCIC_VALIDATIONS_AT_ONCE sets), and none of them finished within 0.3 s",
     "The server is validating as many submissions as it does at once."),
    ("zh", "服务器已在同时验证 1 份提交材料，达到其同时验证的上限（BCIC_VALIDATIONS_AT_ONCE），"
           "且 0.3 秒内均未完成", "服务器正在同时验证的提交材料已达上限。")])
def test_an_upload_finding_every_validation_slot_taken_is_503_and_stores_nothing(
        make_web_app, own_store: Path, lang: str, said: str, summary: str,  # type: ignore[no-untyped-def]
        evaluator: dict[str, str]) -> None:
    """Each validation's child may take BCIC_VALIDATION_MEMORY_MIB: the server runs at most
    BCIC_VALIDATIONS_AT_ONCE of them, and a further upload waits its turn, then is refused."""
    app = _app(make_web_app, own_store, BCIC_VALIDATIONS_AT_ONCE=1, BCIC_VALIDATION_TIMEOUT=0.3)
    client = app.test_client()
    with app.extensions[VALIDATION_SLOTS].slot():  # an upload in the middle of its validation
        for path in ("/api/validate", "/api/clusters/revisions"):
            answer = client.post(f"{path}?lang={lang}", data=MEITAN.read_bytes(),
                                 content_type="text/turtle", headers=evaluator)
            assert answer.status_code == 503
            assert answer.get_json()["message"].startswith(said)
        form = client.post(f"/validate?lang={lang}", data={"text": MEITAN.read_text("utf-8")})
        page = form.get_data(as_text=True)
        assert form.status_code == 503 and summary in page and said in page
    assert _revisions(own_store) == []


def test_the_server_does_not_grow_by_what_an_upload_takes_to_validate(
        make_web_app, own_store: Path) -> None:  # type: ignore[no-untyped-def]
    """Validated in the server's own process, 29,889 statements left it 35 MiB larger for good
    (the review's 2 MB list left it 3 GB larger)."""
    client = _app(make_web_app, own_store).test_client()
    body = generate_cluster(members=4000, years=1).serialize(format="turtle").encode()
    assert client.post("/api/validate", data=MEITAN.read_bytes(),
                       content_type="text/turtle").status_code == 200  # warmed up
    before = data_size()
    answer = client.post("/api/validate", data=body, content_type="text/turtle")
    assert answer.status_code == 200 and answer.get_json()["triples"] > 25_000
    assert data_size() - before < 10 * 2**20
