"""What the pages say to a person at a browser, in zh and en: no raw Markdown, no shell command
for a reader who has no shell on the server (the API, read by programs' authors, names it), and
every text in the other language marked with its `lang`, for screen readers."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from rdflib import URIRef

from checker.store import cluster_key

LANGS = ("zh", "en")
TINY = """@prefix bcic: <https://w3id.org/bcic/ontology#> .
<https://example.org/tiny/cluster> a bcic:IndustrialCluster .
<https://example.org/tiny/body> bcic:cultivates <https://example.org/tiny/cluster> .
"""
TINY_KEY = cluster_key(URIRef("https://example.org/tiny/cluster"))
HTML = {"Accept": "text/html"}


@pytest.fixture
def app(make_web_app, tmp_path: Path) -> Flask:  # type: ignore[no-untyped-def]
    made: Flask = make_web_app(tmp_path / "store", WTF_CSRF_ENABLED=False)
    return made


def _shown(html: str) -> str:
    """The page's text as a browser shows it: scripts left out."""
    return re.sub(r"<script.*?</script>", "", html, flags=re.S)


@pytest.mark.parametrize("path", ["/", "/validate", "/benchmark", "/rulebook", "/rulebook/8.2.6",
                                  "/rulebook/ontology", "/sparql/editor", "/api/docs", "/nope"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_shows_markdown_backticks(app: Flask, path: str, lang: str) -> None:
    answer = app.test_client().get(f"{path}?lang={lang}", headers=HTML)
    assert "`" not in _shown(answer.get_data(as_text=True)), path


@pytest.mark.parametrize("lang", LANGS)
def test_the_api_docs_show_code_spans_as_code(app: Flask, lang: str) -> None:
    page = app.test_client().get(f"/api/docs?lang={lang}").get_data(as_text=True)
    assert "<code>output</code>" in page and "<code>cluster=https://…&amp;year=2024</code>" in page


@pytest.mark.parametrize("lang, asks, untick", [
    ("zh", "请向评价人员索取", "若仅作自查，请不要勾选此项"),
    ("en", "ask an evaluator for one", "To check a submission yourself, leave the box unticked")])
def test_the_form_says_whom_to_ask_for_a_token_and_how_to_self_check(
        app: Flask, lang: str, asks: str, untick: str) -> None:
    page = app.test_client().get(f"/validate?lang={lang}").get_data(as_text=True)
    assert asks in page and untick in page and "bcic token" not in page


@pytest.mark.parametrize("lang, said", [
    ("zh", "请向评价人员索取令牌；若仅作自查、不存储，请取消勾选“将本提交材料存储为该产业集群的下一个版本（不论结论如何）”"
           "后重新提交。"),
    ("en", "Ask an evaluator for a token; to check the submission yourself without storing it, "
           "untick “Store this submission as its cluster's next revision (whatever the verdict)” "
           "and send it again.")])
def test_storing_from_the_form_without_a_token_says_whom_to_ask_and_quotes_the_box_to_untick(
        app: Flask, lang: str, said: str) -> None:
    """The box is quoted by its own label (the fieldset's legend, "Store as a new revision",
    was quoted before: a reader looked for a box of that name)."""
    answer = app.test_client().post(f"/validate?lang={lang}", data={"text": TINY, "store": "1"})
    page = html.unescape(answer.get_data(as_text=True))
    assert answer.status_code == 401 and said in page
    assert "bcic token" not in page


@pytest.mark.parametrize("lang, said", [
    ("zh", "该令牌未被接受：它不是有效的评价人员令牌。"),
    ("en", "The token was not accepted: it is not a valid evaluator token.")])
def test_storing_from_the_form_with_a_wrong_token_says_the_token_was_not_accepted(
        app: Flask, lang: str, said: str) -> None:
    answer = app.test_client().post(f"/validate?lang={lang}",
                                    data={"text": TINY, "store": "1", "token": "wrong"})
    assert answer.status_code == 401 and said in html.unescape(answer.get_data(as_text=True))


@pytest.mark.parametrize("lang, ask", [("zh", "请向服务器管理员索取"),
                                       ("en", "ask the server's administrator")])
def test_the_apis_401_says_whom_to_ask_and_the_command_that_makes_a_token(
        app: Flask, lang: str, ask: str) -> None:
    answer = app.test_client().post(f"/api/clusters/revisions?lang={lang}", data=TINY,
                                    content_type="text/turtle")
    said = answer.get_json()["message"]
    assert answer.status_code == 401 and ask in said
    assert "`bcic token create --role evaluator`" in said


class _TextRuns(HTMLParser):
    """The text runs of a page, each with its language by the nearest `lang` (scripts, styles,
    form controls and code listings such as a shape's Turtle left out)."""

    _VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "col", "source"}
    _SKIPPED = {"script", "style", "textarea", "select", "option", "pre"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.open: list[tuple[str, str]] = []
        self.runs: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self._VOID:
            inherited = self.open[-1][1] if self.open else ""
            self.open.append((tag, dict(attrs).get("lang") or inherited))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1][0] not in self._SKIPPED:
            self.runs.append((self.open[-1][1], data))

    def matching(self, lang: str, pattern: str) -> list[str]:
        """The runs in `lang` (a tag's primary subtag) where `pattern` is found."""
        return [" ".join(text.split()) for tag, text in self.runs
                if tag.split("-")[0] == lang and re.search(pattern, text)]


def _sample_pages(sample_store: Path, make_web_app, lang: str):  # type: ignore[no-untyped-def]
    """Every kind of page in `lang`, with the sample clusters stored: (path, HTML)."""
    client = make_web_app(sample_store).test_client()
    key = cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))
    for path in ("/", "/validate", "/benchmark", "/rulebook", "/rulebook/7.4.3", "/rulebook/7.5.1",
                 "/rulebook/4.2.1-a", "/rulebook/shapes/MembersDeclared", "/rulebook/ontology",
                 "/sparql/editor", "/api/docs", f"/clusters/{key}", f"/clusters/{key}/revisions/1"):
        yield path, client.get(f"{path}?lang={lang}", headers=HTML).get_data(as_text=True)


def test_english_pages_mark_every_chinese_text_as_chinese(  # type: ignore[no-untyped-def]
        sample_store: Path, make_web_app) -> None:
    """The standard's title in the footer, notes quoting the standard, the ontology's secondary
    labels, units a submission states in Chinese: each inside an element with lang="zh"."""
    for path, page in _sample_pages(sample_store, make_web_app, "en"):
        unmarked = _TextRuns(page).matching("en", r"[\u3400-\u9fff]")
        assert not unmarked, (path, unmarked[:5])


def test_english_pages_use_no_chinese_punctuation(  # type: ignore[no-untyped-def]
        sample_store: Path, make_web_app) -> None:
    """English lists with commas: “Actor: industry organisation, other third-party institution”,
    never 、 between English labels (7.4.4's two actors, 4.2.2's, 4.2.3's)."""
    for path, page in _sample_pages(sample_store, make_web_app, "en"):
        found = _TextRuns(page).matching("en", r"[\u3000-\u303f\uff00-\uffef]")
        assert not found, (path, found[:5])


def test_chinese_pages_end_a_label_with_a_chinese_colon(  # type: ignore[no-untyped-def]
        sample_store: Path, make_web_app) -> None:
    """层级：驱动层 · 责任主体：培育主体, 级别说明：…, 数据格式：Turtle — never an ASCII colon after
    Chinese words."""
    for path, page in _sample_pages(sample_store, make_web_app, "zh"):
        found = _TextRuns(page).matching("zh", r"[\u3400-\u9fff）」”》] ?:(\s|$)")
        assert not found, (path, found[:5])


@pytest.mark.parametrize("query, shown", [("chapter=8&level=may", "1 clause shown"),
                                          ("chapter=4", "6 clauses shown")])
def test_the_rulebook_counts_the_clauses_shown_in_english_words(
        app: Flask, query: str, shown: str) -> None:
    page = app.test_client().get(f"/rulebook?{query}&lang=en").get_data(as_text=True)
    assert shown in page


@pytest.mark.parametrize("lang, other, label", [("zh", "en", "dedicated cluster-brand agency"),
                                                ("en", "zh", "集群品牌专门机构")])
def test_the_ontologys_other_language_labels_carry_their_language(
        app: Flask, lang: str, other: str, label: str) -> None:
    page = app.test_client().get(f"/rulebook/ontology?lang={lang}").get_data(as_text=True)
    assert f'<span lang="{other}">{label}</span>' in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_language_switch_names_each_language_in_its_own(app: Flask, lang: str) -> None:
    page = app.test_client().get(f"/?lang={lang}").get_data(as_text=True)
    assert re.search(r'<a [^>]*hreflang="zh" lang="zh"[^>]*>中文</a>', page)
    assert re.search(r'<a [^>]*hreflang="en" lang="en"[^>]*>English</a>', page)


def test_the_site_has_an_icon_where_pages_name_it_and_where_browsers_look(app: Flask) -> None:
    client = app.test_client()
    page = client.get("/?lang=en").get_data(as_text=True)
    assert '<link rel="icon" type="image/svg+xml" href="/static/favicon.svg">' in page
    for path in ("/favicon.ico", "/static/favicon.svg"):
        answer = client.get(path)
        assert answer.status_code == 200 and answer.mimetype == "image/svg+xml", path
        assert answer.data.startswith(b"<svg ")


def test_no_page_logs_a_missing_resource_in_a_real_browser(  # type: ignore[no-untyped-def]
        make_web_app, sample_store: Path) -> None:
    """Chromium asks for the site's icon by itself (no request event shows it) and logged its 404
    on every page, as a console error."""
    from browser import chromium, live_server

    app = make_web_app(sample_store)
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        errors: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        for path in ("/?lang=zh", "/rulebook/8.2.6?lang=en", "/validate?lang=en"):
            tab.goto(base + path, wait_until="networkidle")
            tab.wait_for_timeout(500)  # the icon is fetched after the page's load
    assert not errors, errors
