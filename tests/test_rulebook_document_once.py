"""The /rulebook pages' document is built once however many requests ask for it at once, and a
server builds it as it starts rather than on its first visitor's time (web/README.md)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from checker import rulebook_document
from checker.rulebook_document import load_rulebook_document

MakeApp = Callable[..., Flask]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the threads that built the document, from an empty cache (emptied again
    afterwards, so that later tests build the real one)."""
    built: list[str] = []
    real = rulebook_document.build_rulebook_document

    def counted(*args: object) -> rulebook_document.RulebookDocument:
        built.append(threading.current_thread().name)
        time.sleep(0.3)  # long enough for the other threads to ask meanwhile
        return real(*args)

    monkeypatch.setattr(rulebook_document, "build_rulebook_document", counted)
    rulebook_document._built_document.cache_clear()
    yield built
    rulebook_document._built_document.cache_clear()


def test_threads_asking_at_once_wait_for_one_build(builds: list[str]) -> None:
    documents: list[object] = []
    threads = [threading.Thread(target=lambda: documents.append(load_rulebook_document()))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len(documents) == 4 and all(d is documents[0] for d in documents)


def test_a_server_builds_it_as_it_starts(builds: list[str], make_web_app: MakeApp,
                                         tmp_path: Path) -> None:
    make_web_app(tmp_path / "store", TESTING=False)
    for thread in threading.enumerate():
        if thread.name == "rulebook-document":
            thread.join()
    assert builds == ["rulebook-document"]
    assert rulebook_document._built_document.cache_info().currsize == 1


def test_a_test_app_leaves_it_to_the_first_page(builds: list[str], make_web_app: MakeApp,
                                                tmp_path: Path) -> None:
    client = make_web_app(tmp_path / "store").test_client()
    assert builds == []
    assert client.get("/rulebook").status_code == 200
    assert len(builds) == 1
