"""The SPARQL editor's own texts (web/README.md, "The SPARQL editor's own texts"): YASGUI's English
labels in the page's language, those its configuration reaches and, for the rest, a table of its
known texts swapped in by the editor script; never a text of the query or of the results."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from web.sparql import yasgui_texts
from web.strings.sparql import YASGUI_TEXTS

BUNDLE = (Path(__file__).resolve().parent.parent / "web" / "node_modules" / "@zazuko" / "yasgui"
          / "build" / "yasgui.min.js")
# What the Chinese editor must not show: the table's English texts and DataTables' own labels.
ENGLISH = ["Activate to sort", "results in", "seconds", "Showing", "entries"]
# YASGUI's texts as values of a result: a column `?Response`, the literals "Table", "Simple view".
LITERALS_QUERY = """SELECT ?Response ?note WHERE {
  ?cluster a <https://w3id.org/bcic/ontology#IndustrialCluster> .
  BIND("Table" AS ?Response) BIND("Simple view" AS ?note)
} LIMIT 1"""
# The container's text without what the query and the results wrote (their cells and columns,
# the query editor), and every tooltip and screen-reader label outside the result cells.
UI_TEXT = """() => {
  const root = document.getElementById("yasgui");
  const hidden = [...root.querySelectorAll("td, th, .yasqe .CodeMirror")];
  hidden.forEach((element) => { element.style.display = "none"; });
  const text = root.innerText;
  hidden.forEach((element) => { element.style.removeProperty("display"); });
  const labels = [...root.querySelectorAll("[title], [aria-label], [placeholder]")]
    .filter((element) => !element.closest("td"))
    .flatMap((element) => ["title", "aria-label", "placeholder"]
      .map((name) => element.getAttribute(name)).filter(Boolean));
  return [text, ...labels].join("\\n");
}"""


def test_every_english_text_is_yasguis_own_verbatim() -> None:
    """Each swapped text is matched whole: one YASGUI no longer writes (an upgrade) would silently
    stay English, so each must be in YASGUI's bundle, around its `{plugin}` name."""
    bundle = BUNDLE.read_text(encoding="utf-8")
    missing = [texts["en"] for texts in YASGUI_TEXTS.values()
               if not all(part in bundle for part in texts["en"].split("{plugin}"))]
    assert not missing, missing


def test_the_table_maps_yasguis_texts_to_chinese_and_is_empty_in_english() -> None:
    chinese = yasgui_texts("zh")
    assert chinese["Simple view"] == "简洁视图" and chinese["Page size:"] == "每页行数："
    assert chinese["Shows Table view"] == "显示表格视图"  # a result view's name inside a text
    assert len(chinese) == len(YASGUI_TEXTS) + 2  # the two `{plugin}` texts once per view
    assert yasgui_texts("en") == {}


def _run(tab: Any, column: str, query: str | None = None) -> None:
    """Run the loaded query (or `query`) in a Playwright page and wait for its result table, which
    has `column`."""
    if query is not None:
        tab.evaluate("(text) => { bcicYasgui.getTab().setQuery(text); }", query)
    tab.click(".yasqe_queryButton")
    tab.locator(".yasr table.dataTable thead th", has_text=column).wait_for()
    tab.wait_for_selector(".yasr table.dataTable tbody tr td")


def _editor_with_named_query(browser: Any, base: str, lang: str) -> Any:
    """A page of the editor in `lang` that has run the named query clusters-by-conformance."""
    tab = browser.new_page()
    tab.set_default_timeout(20_000)
    tab.goto(f"{base}/sparql/editor?lang={lang}")
    tab.wait_for_selector(".yasqe .CodeMirror")
    tab.click('button[data-query="clusters-by-conformance"]')
    _run(tab, "labelZh")
    return tab


def test_the_chinese_editor_shows_no_english_ui_text_and_keeps_result_values(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    """A named query run in the zh editor: none of YASGUI's English labels is left, in the text
    or the tooltips; a result whose column and values are those very words keeps them; a refused
    query shows the endpoint's own message under a Chinese title."""
    from browser import chromium, live_server, screenshot

    english = [*yasgui_texts("zh"), *ENGLISH]
    with live_server(make_web_app(sample_store)) as base, chromium() as browser:
        tab = _editor_with_named_query(browser, base, "zh")
        shown = tab.evaluate(UI_TEXT)
        chip = tab.locator(".yasr_response_chip").inner_text()
        screenshot(tab, "sparql-editor-zh")
        _run(tab, "note", LITERALS_QUERY)
        cells = tab.locator(".yasr table.dataTable tbody td").all_inner_texts()
        columns = tab.locator(".yasr table.dataTable thead th").all_inner_texts()
        controls = tab.locator(".yasr .tableControls").inner_text()
        query = tab.evaluate("bcicYasgui.getTab().getQuery()")
        tab.evaluate("(text) => { bcicYasgui.getTab().setQuery(text); }",
                     "SELECT * { SERVICE <https://elsewhere.example/sparql> { ?s ?p ?o } }")
        tab.click(".yasqe_queryButton")
        tab.wait_for_selector(".yasr .errorResult pre")  # drawn once the renderer answers
        error = tab.locator(".yasr .errorResult").inner_text()
    left = [word for word in english if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", shown)]
    assert not left, (left, shown)
    assert "表格" in shown and "简洁视图" in shown and "筛选查询结果" in shown  # swapped, not hidden
    assert re.fullmatch(r"3 条结果，用时 [\d.]+ 秒", chip), chip
    assert "Table" in cells and "Simple view" in cells, cells  # values as the endpoint gave them
    assert "Response" in columns and "简洁视图" in controls
    assert '"Simple view"' in query
    assert "端点返回 HTTP 400：" in error and "拒绝 SERVICE" in error, error
    assert '"message"' not in error and "Error" not in error  # not YASGUI's raw body


def test_the_english_editor_keeps_yasguis_english(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    from browser import chromium, live_server

    with live_server(make_web_app(sample_store)) as base, chromium() as browser:
        tab = _editor_with_named_query(browser, base, "en")
        shown = tab.evaluate(UI_TEXT)
        config = json.loads(tab.locator("#sparql-editor-config").text_content())
    assert config["labels"]["texts"] == {}
    assert "Simple view" in shown and "Shows Table view" in shown and "Run query" in shown
    assert re.search(r"3 results in [\d.]+ seconds?", shown), shown
    assert not re.search(r"[\u4e00-\u9fff]", shown), shown  # no Chinese in YASGUI's controls


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_error_labels_and_dataTables_aria_come_in_the_page_language(
        make_web_app, sample_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(sample_store).test_client()
    html = client.get(f"/sparql/editor?lang={lang}").get_data(as_text=True)
    config = json.loads(re.search(r'id="sparql-editor-config">(.*?)</script>', html, re.S)
                        .group(1))  # type: ignore[union-attr]
    aria = config["labels"]["table"]["aria"]
    assert aria["orderable"] == {"zh": "：点击排序", "en": ": Activate to sort"}[lang]
    assert aria["paginate"]["next"] == {"zh": "下一页", "en": "Next"}[lang]
    assert config["labels"]["error"]["refused"].count("{status}") == 1
