"""The list of stored clusters when a cluster's latest revision was deleted: its verdict is the
newest remaining revision's, and the list says a later one was deleted (`bcic clusters`, the home
page, `/api/clusters`), in zh and en."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from checker.cli import main
from checker.ingest import publish_for_queries
from checker.revisions import delete_revision
from checker.store import open_configured_store
from tests.conftest import store_samples

DEHUA = URIRef("https://example.org/cluster/dehua/cluster")
# What the list says of Dehua, whose revision 2 was deleted after revision 1 (the date between).
SAID = {"en": ("revision 2, after revision 1, was deleted on ", ": the verdict shown is "
               "revision 1's"),
        "zh": ("第 1 版之后的第 2 版已于 ", " 删除：所示为第 1 版的结论")}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Dehua stored twice, its revision 2 then deleted."""
    path = tmp_path_factory.mktemp("deleted-latest") / "store"
    store_samples(path, "dehua-ceramics", "dehua-ceramics")
    store = open_configured_store(str(path))
    try:
        delete_revision(store, DEHUA, 2, reason="uploaded twice", deleted_by="tests")
        publish_for_queries(store)
    finally:
        store.close()
    return path


def _said(text: str, lang: str) -> bool:
    """Whether `text` says Dehua's revision 2 was deleted after the revision shown."""
    start, end = SAID[lang]
    return start in text and end in text.split(start, 1)[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bcic_clusters_shows_the_remaining_verdict_and_says_a_later_one_was_deleted(
        store_dir: Path, lang: str) -> None:
    result = CliRunner().invoke(main, ["clusters", "--store", str(store_dir), "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    notes = [line for line in lines if _said(line, lang)]
    assert len(notes) == 1 and notes[0].startswith(f"{DEHUA}{'：' if lang == 'zh' else ': '}")
    [row] = [line for line in lines if line.startswith(f"{DEHUA} ")]
    assert re.split(r"\s{2,}", row)[2] == "1"  # one revision left, revision 1's verdict


def test_the_home_page_and_the_api_say_a_later_revision_was_deleted(
        store_dir: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(store_dir).test_client()
    for lang in ("en", "zh"):
        html = unescape(client.get(f"/?lang={lang}").get_data(as_text=True))
        [note] = [part for part in html.split('class="muted deleted-after">')[1:]]
        assert _said(note.split("</div>", 1)[0], lang), note
    [dehua] = client.get("/api/clusters").get_json()["clusters"]
    assert dehua["latest"]["number"] == 1 and dehua["revisions"] == 1
    assert [(d["number"], d["deleted_by"], d["reason"]) for d in
            dehua["deleted_after_latest"]] == [(2, "tests", "uploaded twice")]
