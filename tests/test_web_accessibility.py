"""What pages tell assistive technology (an accessibility audit's findings): a skip link and the
current page in the navigation, the validate form's errors and hints tied to their fields, a
parser's English words marked as English on a Chinese page, Chinese of unknown language marked
on an English page, and data tables that scroll in their own box."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from checker.paths import EXAMPLES_DIR
from checker.tokens import TokenFile

LANGS = ("zh", "en")
TINY = """@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/tiny/cluster> a bcic:IndustrialCluster ; rdfs:label "Tiny"@en .
<https://example.org/tiny/body> bcic:cultivates <https://example.org/tiny/cluster> .
"""
# The auditor's bad Turtle: a statement with no dot before the next.
BAD_TURTLE = "@prefix ex: <http://e/> .\nex:a ex:b \n ex:c ex:d ex:e .\n"
# A label without a language tag, in Chinese (the auditor's meitan-plain.ttl, line 52).
UNTAGGED = (EXAMPLES_DIR / "meitan-tea.ttl").read_text(encoding="utf-8").replace(
    'rdfs:label "湄潭茶产业集群"@zh , "Meitan tea industrial cluster"@en ;',
    'rdfs:label "湄潭茶产业集群" ;', 1)


@pytest.fixture
def client(make_web_app, tmp_path: Path) -> FlaskClient:  # type: ignore[no-untyped-def]
    app: Flask = make_web_app(tmp_path / "store", WTF_CSRF_ENABLED=False)
    return app.test_client()


def _tag(page: str, pattern: str) -> str:
    """The one start tag of `page` matching `pattern` (a regex of its start)."""
    found = re.findall(pattern + r"[^>]*>", page)
    assert len(found) == 1, (pattern, found)
    return str(found[0])


def _described_by(page: str, tag: str) -> list[str]:
    """The texts of the elements a start tag's aria-describedby names, in order."""
    ids = re.search(r'aria-describedby="([^"]*)"', tag)
    assert ids is not None, tag
    texts = []
    for each in ids.group(1).split():
        element = re.search(rf'<(\w+)[^>]* id="{each}"[^>]*>(.*?)</\1>', page, flags=re.S)
        assert element is not None, each
        texts.append(html.unescape(re.sub(r"<[^>]+>", "", element.group(2))))
    return texts


# --- every page -------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "skip"), [("zh", "跳到正文"), ("en", "Skip to content")])
def test_the_first_link_of_every_page_skips_to_its_content(client: FlaskClient, lang: str,
                                                           skip: str) -> None:
    page = client.get(f"/rulebook?lang={lang}").get_data(as_text=True)
    first = re.search(r"<body>\s*<header[^>]*>\s*<a ([^>]*)>([^<]*)</a>", page)
    assert first is not None and first.group(2) == skip
    assert 'href="#content"' in first.group(1)
    assert '<main id="content" tabindex="-1">' in page


@pytest.mark.parametrize(("path", "current"), [("/validate", "/validate"),
                                               ("/rulebook", "/rulebook"),
                                               ("/api/docs", "/api/docs")])
def test_the_navigation_marks_the_page_shown_and_no_other(client: FlaskClient, path: str,
                                                         current: str) -> None:
    page = client.get(path + "?lang=en").get_data(as_text=True)
    nav = page[page.index("<nav>"):page.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', nav) == [current]


def test_the_validate_form_after_an_error_is_still_the_current_page(client: FlaskClient) -> None:
    page = client.post("/validate?lang=en", data={}).get_data(as_text=True)
    assert '<a href="/validate" aria-current="page">' in page


def test_the_language_switcher_is_a_named_group(client: FlaskClient) -> None:
    page = client.get("/?lang=zh").get_data(as_text=True)
    assert '<span class="languages" role="group" aria-label="语言">' in page


# --- the validate form ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_hint_of_the_validate_form_describes_its_field(client: FlaskClient,
                                                             lang: str) -> None:
    page = client.get(f"/validate?lang={lang}").get_data(as_text=True)
    files = _tag(page, r'<input type="file"')
    token = _tag(page, r'<input type="password"')
    box = _tag(page, r'<input type="checkbox"')
    limit = {"zh": "总大小不超过", "en": "At most"}[lang]
    assert limit in _described_by(page, files)[0]
    store_hint = {"zh": "存储需要评价人员令牌", "en": "Storing needs an evaluator's token"}[lang]
    assert store_hint in _described_by(page, token)[0] and store_hint in _described_by(page, box)[0]
    assert "aria-invalid" not in page and 'id="validate-error"' not in page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("case", "invalid"), [
    ("nothing", {"files", "text"}),
    ("bad turtle", {"text"}),
    ("no token", {"token"}),
    ("wrong token", {"token"}),
])
def test_a_refused_form_marks_the_fields_in_error_and_ties_them_to_the_error(
        client: FlaskClient, lang: str, case: str, invalid: set[str]) -> None:
    data = {"nothing": {}, "bad turtle": {"text": BAD_TURTLE},
            "no token": {"text": TINY, "store": "1"},
            "wrong token": {"text": TINY, "store": "1", "token": "wrong"}}[case]
    page = client.post(f"/validate?lang={lang}", data=data).get_data(as_text=True)
    fields = {"files": _tag(page, r'<input type="file"'), "text": _tag(page, r'<textarea'),
              "token": _tag(page, r'<input type="password"')}
    marked = {name for name, tag in fields.items() if 'aria-invalid="true"' in tag}
    assert marked == invalid
    for name in invalid:
        assert "validate-error" in re.search(  # type: ignore[union-attr]
            r'aria-describedby="([^"]*)"', fields[name]).group(1).split()
    summary = _tag(page, r'<div class="form-error"')
    # Focus goes to the error's summary when the page comes back (no script: autofocus).
    assert 'id="validate-error"' in summary and 'tabindex="-1"' in summary
    assert "autofocus" in summary and page.count("autofocus") == 1


def test_a_parse_error_marks_the_parsers_english_on_the_chinese_page(client: FlaskClient) -> None:
    page = client.post("/validate?lang=zh", data={"text": BAD_TURTLE}).get_data(as_text=True)
    detail = re.search(r'<p class="error-detail">(.*?)</p>', page).group(1)  # type: ignore[union-attr]
    english = re.search(r'<span lang="en">(.*?)</span>', detail)
    assert english is not None and english.group(1) == "A dot is expected at the end of statements"
    assert detail.startswith("pasted.ttl:3:7：Turtle 语法错误：")
    assert detail.endswith("（以上英文为解析器的原文）")


def test_an_error_without_a_parsers_words_marks_nothing_english(client: FlaskClient) -> None:
    page = client.post("/validate?lang=zh", data={}).get_data(as_text=True)
    detail = re.search(r'<p class="error-detail">(.*?)</p>', page).group(1)  # type: ignore[union-attr]
    assert 'lang="en"' not in detail and "解析器" not in detail


# --- Chinese of unknown language on English pages --------------------------------------------

def test_an_untagged_chinese_label_is_marked_chinese_on_english_pages(
        make_web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A label with no language tag is shown as it is; in Han script, an English page marks it
    `lang="zh"` (the report's cluster, the clusters list, the cluster's page)."""
    assert 'rdfs:label "湄潭茶产业集群" ;' in UNTAGGED
    app = make_web_app(tmp_path / "store", WTF_CSRF_ENABLED=False)
    _, token = TokenFile(tmp_path / "tokens.json").create("evaluator", label="tests")
    client = app.test_client()
    stored = client.post("/validate?lang=en", data={"text": UNTAGGED, "store": "1",
                                                    "token": token})
    assert stored.status_code == 303
    marked = '<span lang="zh">湄潭茶产业集群</span>'
    report = client.get(stored.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert f"<dd>{marked}</dd>" in report
    home = client.get("/?lang=en").get_data(as_text=True)
    assert f">{marked}</a>" in home
    cluster_page = stored.headers["Location"].rsplit("/revisions/", 1)[0]
    assert f"<h1>{marked}</h1>" in client.get(cluster_page + "?lang=en").get_data(as_text=True)
    # On a Chinese page it is the page's language: no mark.
    assert "<dd>湄潭茶产业集群</dd>" in client.get(
        stored.headers["Location"] + "?lang=zh").get_data(as_text=True)


# --- reflow -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/rulebook", "/rulebook/ontology",
                                  "/rulebook/shapes/MembersDeclared", "/api/docs"])
def test_every_data_table_sits_in_its_own_scrolling_box(client: FlaskClient, path: str) -> None:
    page = client.get(path + "?lang=en").get_data(as_text=True)
    tables = re.findall(r"<table\b", page)
    assert tables and page.count('<div class="table-scroll"><table') == len(tables)


def test_the_stylesheet_scrolls_tables_and_wraps_long_codes() -> None:
    css = (Path(__file__).resolve().parent.parent / "web" / "static" / "app.css").read_text(
        encoding="utf-8")
    assert ".table-scroll { overflow-x: auto;" in css
    assert re.search(r"^code, [^{]*\{ overflow-wrap: anywhere; \}", css, flags=re.M)
    assert "input, select, textarea { max-width: 100%; }" in css


def test_pages_reflow_at_320_css_pixels_in_a_real_browser(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    """WCAG 1.4.10: at 320 px wide (1280 px at 400 % zoom) no page scrolls sideways as a whole:
    the validate form's token field, a cluster's IRI and revisions table, a shape's IRI and table
    were 521, 830 and 522 px wide before."""
    from browser import chromium, live_server

    from checker.store import cluster_key
    from rdflib import URIRef

    dehua = cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))
    paths = ["/validate", "/", f"/clusters/{dehua}", "/rulebook/shapes/MembersDeclared",
             "/rulebook/ontology", "/rulebook"]
    app = make_web_app(sample_store)
    widths = {}
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page(viewport={"width": 320, "height": 800})  # type: ignore[attr-defined]
        for lang in LANGS:
            for path in paths:
                tab.goto(f"{base}{path}?lang={lang}")
                widths[(lang, path)] = tab.evaluate("document.documentElement.scrollWidth")
    assert {page: width for page, width in widths.items() if width > 320} == {}
