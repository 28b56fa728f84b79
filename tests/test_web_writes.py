"""The web app's writes take turns (web/data.py): uploads at once are all stored, each waiting
for the one before, and a store another process holds is waited for up to BCIC_STORE_LOCK_WAIT,
then refused with 503 saying it was busy, without the store's path or its lock file."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from flask import Flask

from checker.tokens import TokenFile
from web.data import write_store

TINY = """@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/tiny/cluster> a bcic:IndustrialCluster ; rdfs:label "Tiny"@en .
<https://example.org/tiny/body> bcic:cultivates <https://example.org/tiny/cluster> .
"""
# Holds a directory store, as `bcic ingest` does, until its stdin closes.
HOLDER = ("import sys, pyoxigraph; store = pyoxigraph.Store(sys.argv[1]); print('held', "
          "flush=True); sys.stdin.read()")


@pytest.fixture
def evaluator(tmp_path: Path) -> dict[str, str]:
    """The Authorization header of an evaluator's token, in the token file the apps read."""
    token = TokenFile(tmp_path / "tokens.json").create("evaluator", label="tests")[1]
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


def _upload(app: Flask, evaluator: dict[str, str], lang: str = "en") -> tuple[int, dict, float]:
    """POST the tiny submission to /api/clusters/revisions: status, JSON body, seconds taken."""
    started = time.monotonic()
    answer = app.test_client().post(f"/api/clusters/revisions?lang={lang}", data=TINY,
                                    content_type="text/turtle", headers=evaluator)
    return answer.status_code, answer.get_json(), time.monotonic() - started


def test_an_upload_while_another_write_holds_the_store_waits_and_is_stored(
        store_dir: Path, make_web_app, evaluator: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    # It was refused at once with 503, "another process has it open; waited 0 s": the other
    # writer was a thread of the same server.
    app = make_web_app(store_dir, WTF_CSRF_ENABLED=False)
    assert _upload(app, evaluator)[0] == 201
    entered, written = threading.Event(), threading.Event()

    def hold() -> None:
        with app.app_context(), write_store():
            entered.set()
            time.sleep(1.0)
        written.set()

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(30)
    status, body, seconds = _upload(app, evaluator)
    holder.join(30)
    assert (status, body["number"]) == (201, 2), body
    assert written.is_set() and seconds >= 0.5


def test_two_uploads_at_once_are_both_stored_with_numbers_of_their_own(
        store_dir: Path, make_web_app, evaluator: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(store_dir, WTF_CSRF_ENABLED=False)
    start = threading.Barrier(2)
    answers: list[tuple[int, dict, float]] = []

    def upload() -> None:
        start.wait()
        answers.append(_upload(app, evaluator))

    uploads = [threading.Thread(target=upload) for _ in range(2)]
    for thread in uploads:
        thread.start()
    for thread in uploads:
        thread.join(120)
    assert sorted((status, body.get("number")) for status, body, _ in answers) == [
        (201, 1), (201, 2)], answers


@pytest.mark.parametrize("lang, said", [
    ("en", "the store stayed busy with another write for 0.5 s (BCIC_STORE_LOCK_WAIT): nothing "
           "was stored; try again"),
    ("zh", "存储在 0.5 秒内一直忙于另一项写入（BCIC_STORE_LOCK_WAIT）：未存储任何内容，请重试"),
])
def test_a_store_another_process_holds_is_waited_for_then_refused_without_its_path(
        store_dir: Path, make_web_app, evaluator: dict[str, str], lang: str, said: str,
        caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(store_dir, WTF_CSRF_ENABLED=False, BCIC_STORE_LOCK_WAIT=0.5)
    assert _upload(app, evaluator)[0] == 201
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store_dir)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        status, body, seconds = _upload(app, evaluator, lang)
    finally:
        holder.communicate("", timeout=30)
    assert (status, body["error"], body["message"]) == (503, "StoreLockedError", said)
    assert seconds >= 0.5
    for private in (str(store_dir), "/LOCK", "thread", "process", "进程"):
        assert private not in body["message"]
    assert str(store_dir) in caplog.text  # the server's log says where
    assert _upload(app, evaluator)[0] == 201  # free again: stored


def test_an_upload_whose_flush_fails_after_the_commit_says_it_was_stored_without_a_path(
        store_dir: Path, make_web_app, evaluator: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    from checker.store import oxigraph_store
    from test_cli_store_failures import _FullDisk

    app = make_web_app(store_dir, WTF_CSRF_ENABLED=False)
    assert _upload(app, evaluator)[0] == 201
    opened = oxigraph_store._open_waiting
    monkeypatch.setattr(oxigraph_store, "_open_waiting",
                        lambda path, wait: _FullDisk(opened(path, wait)))
    status, body, _ = _upload(app, evaluator, "zh")
    assert (status, body["error"]) == (503, "NotFlushedError")
    assert body["message"] == (
        "https://example.org/tiny/cluster 的第 2 版已存储（请勿重复提交），但存储随后未能"
        "将其写入磁盘（原因见服务器日志）：它已保存在存储的预写日志中，每次打开存储时都会读入；"
        "下次写入前请腾出磁盘空间")
    assert "No space left on device" in caplog.text  # the operator is told why
