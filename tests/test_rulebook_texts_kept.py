"""The rulebook's pages place its shapes in the rule files' texts as read with it (decision 16):
a draft's shapes/ moved away, or a file edited, after a (re)load changes no place they show and
never gives an error page; a reload reads the files again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from checker.namespaces import SHP
from checker.provision_sheet import provision_sheet, sheet_document
from checker.rulebook_document import RulebookDocument, build_rulebook_document
from tests.test_rule_problems_more import changed_rulebook
from web import rulebook as rulebook_views

PROVISION = "8.3.4-2"  # its crisis sources' check, written in CH8
CH8 = "shapes/ch8-branding.ttl"


def _document(tmp_path: Path) -> tuple[RulebookDocument, str]:
    """The document of a draft copy, and where its files write 8.3.4 —2's check as it is read."""
    rulebook = changed_rulebook(tmp_path / "draft", {})
    lines = (tmp_path / "draft" / CH8).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("shp:CrisisSources "))
    return build_rulebook_document(rulebook, rulebook.labels_graph), f"{CH8}:{line}"


@pytest.fixture
def client(make_web_app, tmp_path: Path) -> FlaskClient:  # type: ignore[no-untyped-def]
    return make_web_app(tmp_path / "store").test_client()


def test_the_places_shown_are_those_of_the_texts_read_with_the_rulebook(tmp_path: Path) -> None:
    """A file edited without a reload (three lines written above everything) shifted every line
    the pages showed, and shapes/ moved away made them fail reading it (8.3.4 —2)."""
    document, place = _document(tmp_path)
    shapes = tmp_path / "draft" / CH8
    shapes.write_text("# a\n# b\n# c\n" + shapes.read_text(encoding="utf-8"), encoding="utf-8")
    assert document.shape_place(SHP.CrisisSources) == place
    shown = sheet_document(provision_sheet(document, PROVISION))
    shutil.move(tmp_path / "draft" / "shapes", tmp_path / "moved")
    assert sheet_document(provision_sheet(document, PROVISION)) == shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_provision_page_of_a_draft_moved_away_is_shown_not_an_error(
        client: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    document, place = _document(tmp_path)
    shutil.rmtree(tmp_path / "draft" / "shapes")
    monkeypatch.setattr(rulebook_views, "load_rulebook_document", lambda: document)
    answer = client.get(f"/rulebook/{PROVISION}?lang={lang}", headers={"Accept": "text/html"})
    assert answer.status_code == 200
    assert f"<code>{place}</code>" in answer.get_data(as_text=True)
