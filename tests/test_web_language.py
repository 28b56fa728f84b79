"""Which of zh and en a client's Accept-Language asks for (web/i18n.py)."""

import pytest
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from checker.i18n import DEFAULT_LANG, language_of
from web.i18n import preferred_language


@pytest.mark.parametrize(("header", "expected"), [
    ("zh-CN,en-US;q=0.7,en;q=0.3", "zh"),  # werkzeug's best_match says en
    ("zh-Hant-TW", "zh"),
    ("zh_CN", "zh"),
    ("en-GB,en;q=0.8,zh;q=0.5", "en"),
    ("fr-FR,en;q=0.5,zh;q=0.4", "en"),
    ("en;q=0,zh;q=0.1", "zh"),
])
def test_the_first_wanted_language_wins_by_its_primary_subtag(header: str, expected: str) -> None:
    assert preferred_language(parse_accept_header(header, LanguageAccept)) == expected


@pytest.mark.parametrize("header", ["", "fr, de;q=0.5", "*", "en;q=0, zh;q=0"])
def test_no_known_language_gets_the_default(header: str) -> None:
    assert preferred_language(parse_accept_header(header, LanguageAccept)) == DEFAULT_LANG


def test_the_api_answers_in_the_language_of_a_regional_first_choice(make_web_app,
                                                                    sample_store) -> None:
    client = make_web_app(sample_store).test_client()
    document = client.get("/api/queries",
                          headers={"Accept-Language": "zh-CN,en-US;q=0.7,en;q=0.3"}).get_json()
    title = document["queries"][0]["title"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in title)


def test_the_api_follows_the_language_cookie_as_pages_do(make_web_app, sample_store) -> None:
    client = make_web_app(sample_store).test_client()
    client.get("/?lang=zh")  # remembered in the cookie
    document = client.get("/api/queries", headers={"Accept-Language": "en"}).get_json()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in document["queries"][0]["title"])


@pytest.mark.parametrize("url", ["/api/queries?lang=zh", "/api/clusters?lang=zh",
                                 "/api/benchmark?cluster=x&lang=zh", "/api/openapi.json?lang=zh"])
def test_an_api_answer_to_lang_sets_no_cookie(make_web_app, sample_store, url: str) -> None:
    """A machine client's `?lang=` chooses that answer's language only: the next answer
    follows its own request, never a cookie the API set."""
    client = make_web_app(sample_store).test_client()
    assert "Set-Cookie" not in client.get(url).headers
    english = client.get("/api/queries", headers={"Accept-Language": "en"}).get_json()
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english["queries"][0]["title"])


def test_a_page_asked_in_a_language_remembers_it_in_a_cookie(make_web_app, sample_store) -> None:
    response = make_web_app(sample_store).test_client().get("/?lang=zh")
    assert "bcic_lang=zh" in response.headers["Set-Cookie"]


@pytest.mark.parametrize("path", ["/", "/api/queries", "/no-such-page"])
def test_answers_tell_caches_their_language_follows_the_request(make_web_app, sample_store,
                                                                path: str) -> None:
    response = make_web_app(sample_store).test_client().get(path)
    assert {"Accept-Language", "Cookie"} <= set(response.vary)


@pytest.mark.parametrize(("tag", "expected"), [
    ("zh", "zh"), ("zh-CN", "zh"), ("ZH", "zh"), ("zh-Hans", "zh"), ("zh_TW", "zh"),
    ("en", "en"), ("en-GB", "en"), ("EN-us", "en"), ("fr", None), ("", None), ("zhx", None),
])
def test_a_language_tag_counts_by_its_primary_subtag_in_any_case(tag: str,
                                                                  expected: str | None) -> None:
    assert language_of(tag) == expected


@pytest.mark.parametrize("asked", ["zh-CN", "ZH", "zh-Hans"])
def test_pages_and_the_api_take_a_regional_or_uppercase_lang(make_web_app, sample_store,
                                                              asked: str) -> None:
    client = make_web_app(sample_store).test_client()
    page = client.get(f"/?lang={asked}", headers={"Accept-Language": "en"})
    assert '<html lang="zh-CN"' in page.get_data(as_text=True)
    assert "bcic_lang=zh" in page.headers["Set-Cookie"]
    title = client.get(f"/api/queries?lang={asked}").get_json()["queries"][0]["title"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in title)


@pytest.mark.parametrize(("accept_language", "notice"), [
    ("en", "There is no “fr” version of this site: this page is in English"),
    ("zh", "本站没有“fr”语言版本：本页为中文"),
])
def test_a_page_asked_in_an_unknown_language_says_which_language_it_is_in(
        make_web_app, sample_store, accept_language: str, notice: str) -> None:
    client = make_web_app(sample_store).test_client()
    page = client.get("/?lang=fr", headers={"Accept-Language": accept_language})
    assert page.status_code == 200 and notice in page.get_data(as_text=True)
    assert notice not in client.get("/?lang=en").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/api/queries?lang=fr", "/api/clusters?lang=fr",
                                 "/api/queries/most-violated-clauses?lang=fr",
                                 "/api/queries?lang=zh&lang=en"])
def test_the_api_refuses_an_unknown_or_repeated_lang_with_400(make_web_app, sample_store,
                                                             url: str) -> None:
    response = make_web_app(sample_store).test_client().get(url)
    assert response.status_code == 400
    assert "lang" in response.get_json()["message"]


@pytest.mark.parametrize("lang, words, english", [
    ("zh", "此页面位于", "Redirecting"), ("en", "This page is at", "此页面位于")])
def test_a_redirects_own_page_is_in_the_asked_language(make_web_app, sample_store, lang: str,
                                                        words: str, english: str) -> None:
    """A browser asking for a rule's IRI is sent to its page (303); the page of the redirect
    itself, shown by a client that does not follow it, speaks the request's language."""
    answer = make_web_app(sample_store).test_client().get(
        f"/req/gbt-draft/4.1?lang={lang}", headers={"Accept": "text/html"})
    assert answer.status_code == 303
    body = answer.get_data(as_text=True)
    assert words in body and english not in body
    assert f'href="{answer.headers["Location"]}"' in body and f'lang="{lang}"' in body
