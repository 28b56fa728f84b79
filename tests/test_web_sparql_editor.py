"""The SPARQL editor page (/sparql/editor): YASGUI against this app's endpoint, the named queries
offered as examples, no inline script, and in a real Chromium: loads under the CSP, calls nothing
outside this server, and a named query clicked and run shows result rows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask.testing import FlaskClient

from checker.query_api import query_catalogue
from checker.queries import get_query, list_queries

DEHUA = "https://example.org/cluster/dehua/cluster"


@pytest.fixture
def client(make_web_app, sample_store: Path) -> FlaskClient:  # type: ignore[no-untyped-def]
    return make_web_app(sample_store).test_client()


def editor_config(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="sparql-editor-config">(.*?)</script>',
                      html, re.S)
    assert match, "the page carries its configuration as JSON data"
    return json.loads(match.group(1))


@pytest.mark.parametrize(("lang", "title"), [("en", "SPARQL editor"), ("zh", "SPARQL 查询编辑器")])
def test_editor_page_lists_every_named_query_in_the_page_language(
        client: FlaskClient, lang: str, title: str) -> None:
    response = client.get(f"/sparql/editor?lang={lang}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and f"<h1>{title}</h1>" in html
    for described in query_catalogue(lang):
        assert f'data-query="{described["name"]}"' in html
        assert described["title"] in html  # the title in the page's language


def test_editor_loads_yasgui_from_the_vendor_folder_and_no_inline_script(
        client: FlaskClient) -> None:
    html = client.get("/sparql/editor?lang=en").get_data(as_text=True)
    assert '<script src="/vendor/yasgui/yasgui.min.js"></script>' in html
    assert 'href="/vendor/yasgui/yasgui.min.css"' in html
    assert '<script src="/static/sparql-editor.js"></script>' in html
    scripts = [s.split(">", 1)[0] for s in html.split("<script")[1:]]
    assert scripts and all("src=" in s or 'type="application/json"' in s for s in scripts)
    assert " on" not in " ".join(re.findall(r"<[^>]+>", html)).replace(" one", "")  # no onclick=
    for path in ("/vendor/yasgui/yasgui.min.js", "/vendor/yasgui/yasgui.min.css",
                 "/static/sparql-editor.js"):
        assert client.get(path).status_code == 200, path


def test_editor_targets_this_apps_endpoint_by_absolute_url(client: FlaskClient) -> None:
    config = editor_config(client.get("/sparql/editor", base_url="https://bcic.example:8443")
                           .get_data(as_text=True))
    assert config["endpoint"] == "https://bcic.example:8443/sparql"


def test_examples_carry_the_query_text_with_a_stored_cluster_as_default(
        client: FlaskClient) -> None:
    config = editor_config(client.get("/sparql/editor?lang=en").get_data(as_text=True))
    examples = {q["name"]: q for q in config["queries"]}
    assert set(examples) == {q.name for q in list_queries()}
    ranked = examples["clusters-by-conformance"]
    assert ranked["text"] == get_query("clusters-by-conformance").text  # no parameter: verbatim
    targets = examples["indicators-vs-targets"]
    cluster = next(p for p in targets["params"] if p["name"] == "cluster")
    year = next(p for p in targets["params"] if p["name"] == "year")
    stored = {DEHUA, "https://example.org/cluster/datang/cluster",
              "https://example.org/cluster/meitan/cluster"}
    assert cluster["required"] and cluster["default"] in stored
    assert year["default"] is None and "VALUES ?year { UNDEF }" in targets["text"]
    assert f"VALUES ?cluster {{ <{cluster['default']}> }}" in targets["text"]


def test_examples_stay_unbound_on_an_empty_store(make_web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(tmp_path / "empty").test_client()
    config = editor_config(client.get("/sparql/editor?lang=zh").get_data(as_text=True))
    targets = next(q for q in config["queries"] if q["name"] == "indicators-vs-targets")
    assert targets["text"] == get_query("indicators-vs-targets").text
    assert "未绑定" in client.get("/sparql/editor?lang=zh").get_data(as_text=True)


def test_editor_script_turns_off_every_outside_call() -> None:
    script = (Path(__file__).resolve().parent.parent / "web" / "static" /
              "sparql-editor.js").read_text(encoding="utf-8")
    assert "corsProxy: undefined" in script and "prefixCcApi: null" in script
    assert 'autocompleters: ["prefixes", "variables"]' in script  # no LOV class/property look-ups
    assert "populateFromUrl: false" in script and "persistenceId: null" in script


def test_editor_refuses_other_methods(client: FlaskClient) -> None:
    response = client.post("/sparql/editor")
    assert response.status_code == 405 and "GET" in response.headers["Allow"]


def test_editor_runs_a_named_query_in_a_real_browser_under_the_csp(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    """Chromium loads YASGUI under `script-src 'self'`, asks nothing of any other host, and a
    named query clicked in the list and run shows the three stored clusters as rows."""
    from browser import chromium, live_server, screenshot

    app = make_web_app(sample_store)
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        problems: list[str] = []
        outside: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda error: problems.append(str(error)))
        tab.on("request", lambda r: outside.append(r.url)
               if urlsplit(r.url).netloc != urlsplit(base).netloc
               and not r.url.startswith("data:") else None)
        tab.goto(base + "/sparql/editor?lang=en")
        tab.wait_for_selector(".yasqe .CodeMirror")
        tab.click('button[data-query="clusters-by-conformance"]')
        assert "clusters-by-conformance" not in tab.evaluate("bcicYasgui.getTab().getQuery()")
        assert "bcic:pendingReviewCount" in tab.evaluate("bcicYasgui.getTab().getQuery()")
        tab.click(".yasqe_queryButton")
        tab.wait_for_selector(".yasr table.dataTable tbody tr td")
        row_count = tab.locator(".yasr table.dataTable tbody tr").count()
        text = tab.locator(".yasr").inner_text()
        screenshot(tab, "sparql-editor")
    assert row_count == 3 and DEHUA in text
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert not outside, outside


@pytest.mark.parametrize(("lang", "endpoint", "query"), [
    ("en", "SPARQL endpoint address", "SPARQL query"), ("zh", "SPARQL 端点地址", "SPARQL 查询语句")])
def test_the_editor_takes_no_focus_lets_tab_out_unchanged_and_names_its_fields(
        make_web_app, sample_store: Path, lang: str, endpoint: str,
        query: str) -> None:  # type: ignore[no-untyped-def]
    """No keyboard trap (WCAG 2.1.2): the page starts with nothing focused, Tab and Shift+Tab
    leave the query editor without indenting the query; the endpoint field and the query's
    textarea are named in the page's language and YASGUI's tablist holds tabs only."""
    from browser import chromium, live_server

    app = make_web_app(sample_store)
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.goto(base + f"/sparql/editor?lang={lang}")
        tab.wait_for_selector(".yasqe .CodeMirror")
        first_focus = tab.evaluate("document.activeElement.tagName")
        before = tab.evaluate("bcicYasgui.getTab().getQuery()")
        tab.click(".yasqe .CodeMirror-line")
        tab.keyboard.press("Tab")
        after_tab = tab.evaluate("document.activeElement.className")
        tab.click(".yasqe .CodeMirror-line")
        tab.keyboard.press("Shift+Tab")
        after_shift_tab = tab.evaluate("document.activeElement.className")
        after = tab.evaluate("bcicYasgui.getTab().getQuery()")
        names = tab.evaluate("""() => [document.querySelector('.yasgui input.autocomplete'),
                                       document.querySelector('.yasqe .CodeMirror textarea')]
                                      .map(e => e.getAttribute('aria-label'))""")
        in_tablist = tab.evaluate("""() => [...document.querySelectorAll(
            '[role=tablist] button, [role=tablist] a:not([role=tab])')].length""")
        add_tab = tab.locator("button.addTab").count()
        described = tab.evaluate("""() => document.getElementById(document.querySelector(
            '.yasqe .CodeMirror textarea').getAttribute('aria-describedby')).textContent""")
    assert first_focus == "BODY"
    assert after_tab == "yasqe_share" and after_shift_tab == "clearEndpointBtn"
    assert after == before
    assert names == [endpoint, query]
    assert in_tablist == 0 and add_tab == 1  # the new-tab button is kept, beside the tablist
    assert "Ctrl+Enter" in described and "Tab" in described


def test_a_wide_result_table_scrolls_in_its_own_container_not_the_page(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    """At 1280 px, the architecture modes' results (IRIs and typed literals, wider than the
    editor's column) made the page 2052 px wide; the table now scrolls inside YASR's results."""
    from browser import chromium, live_server, screenshot

    app = make_web_app(sample_store)
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page(  # type: ignore[attr-defined]
            viewport={"width": 1280, "height": 1000})
        tab.goto(base + "/sparql/editor?lang=zh")
        tab.wait_for_selector(".yasqe .CodeMirror")
        tab.click('button[data-query="clusters-by-architecture-mode"]')
        tab.click(".yasqe_queryButton")
        tab.wait_for_selector(".yasr table.dataTable tbody tr td")
        widths = tab.evaluate("""() => {
            const results = document.querySelector('.yasr_results');
            return {page: document.documentElement.scrollWidth, view: window.innerWidth,
                    table: document.querySelector('.yasr table.dataTable').scrollWidth,
                    box: results.clientWidth, scrolls: getComputedStyle(results).overflowX};
        }""")
        screenshot(tab, "sparql-editor-wide-results")
    assert widths["table"] > widths["box"]  # wider than its column: the case at hand
    assert widths["page"] <= widths["view"] and widths["scrolls"] == "auto", widths


@pytest.mark.parametrize(("lang", "tab", "info"), [
    ("zh", "查询", "第 _START_ 至 _END_ 行，共 _TOTAL_ 行"),
    ("en", "Query", "Showing _START_ to _END_ of _TOTAL_ rows"),
])
def test_editor_config_carries_yasguis_labels_in_the_page_language(
        client: FlaskClient, lang: str, tab: str, info: str) -> None:
    page = client.get(f"/sparql/editor?lang={lang}").get_data(as_text=True)
    labels = editor_config(page)["labels"]
    assert labels["tabName"] == tab and labels["table"]["info"] == info


def test_the_chinese_editor_names_its_tab_and_counts_its_rows_in_chinese(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    from browser import chromium, live_server

    app = make_web_app(sample_store)
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.goto(base + "/sparql/editor?lang=zh")
        tab.wait_for_selector(".yasqe .CodeMirror")
        tab.click('button[data-query="clusters-by-conformance"]')
        tab.click(".yasqe_queryButton")
        tab.wait_for_selector(".yasr table.dataTable tbody tr td")
        tab_name = tab.locator(".tabsList .tab").first.inner_text()
        info = tab.locator(".yasr .dt-info").inner_text()
    assert tab_name.splitlines()[0] == "查询"  # then the tab's close mark
    assert info == "第 1 至 3 行，共 3 行"


def test_the_navigation_links_the_editor_on_an_embedded_store(client: FlaskClient) -> None:
    """(On a remote store it does not: tests/test_web_remote_store.py.)"""
    assert 'href="/sparql/editor"' in client.get("/?lang=en").get_data(as_text=True)
