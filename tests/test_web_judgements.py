"""The evaluator judges a stored revision's provisions awaiting review from its report page (a
form, evaluator token, CSRF) and through the API (docs/model.md, decision 20)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from flask import Flask
from rdflib import URIRef

from checker.paths import EXAMPLES_DIR
from checker.store import cluster_key
from checker.tokens import TokenFile

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
KEY = cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))
JUDGE = f"/api/clusters/{KEY}/revisions/1/judgements"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _dehua_posted(store: Path) -> None:
    """Store the dehua sample as revision 1 through the API, as the tests' evaluator."""
    from web import create_app, query_service
    _record, token = TokenFile(store.parent / "tokens.json").create(
        "evaluator", label="evaluator of the tests")
    app = create_app({"TESTING": True, "BCIC_STORE": str(store), "SECRET_KEY": "test-secret",
                      "BCIC_TOKENS": str(store.parent / "tokens.json")})
    try:
        stored = app.test_client().post("/api/clusters/revisions", data=DEHUA.read_bytes(),
                                        content_type="text/turtle", headers=_bearer(token))
        assert stored.status_code == 201
    finally:
        query_service(app).close()


@pytest.fixture
def app(tmp_path: Path, make_web_app, tokens: dict[str, str], store_copies) -> Flask:  # type: ignore[no-untyped-def]
    """An app (CSRF on, as in production) over a store holding the dehua sample as revision 1,
    stored through the API by the tests' evaluator."""
    return make_web_app(store_copies.copy("dehua-posted", _dehua_posted, tmp_path / "store"))


def test_api_judgement_is_stored_and_the_report_counts_it(
        app: Flask, tokens: dict[str, str]) -> None:
    client = app.test_client()
    body = {"provision": "6.1", "met": False, "note": "No brand strategy on file",
            "note_lang": "en"}
    assert client.post(JUDGE, json=body).status_code == 401
    assert client.post(JUDGE, json=body, headers=_bearer(tokens["maintainer"])).status_code == 403
    answer = client.post(JUDGE, json=body, headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == 201, answer.get_json()
    judged = answer.get_json()
    assert judged["provision"] == "6.1" and judged["met"] is False
    assert judged["by"] == "evaluator of the tests"
    assert answer.headers["Location"] == f"/api/clusters/{KEY}/revisions/1/report"
    report = client.get(answer.headers["Location"] + "?lang=en").get_json()
    [entry] = [r for r in report["requirements"] if r["id"] == "6.1"]
    assert entry["status"] == "not_met"
    assert entry["judgement"]["note"] == "No brand strategy on file"
    assert report["conforms"] is False


def test_the_api_answers_a_judgement_as_its_list_gives_it(
        app: Flask, tokens: dict[str, str]) -> None:
    """A judgement without a rationale has no rationale's language (null, not the request's),
    in the 201 as in `GET …/judgements`; a rationale is echoed as stored (trimmed)."""
    client, bearer = app.test_client(), _bearer(tokens["evaluator"])
    answers = [client.post(JUDGE + "?lang=zh", json=body, headers=bearer).get_json() for body in (
        {"provision": "6.1", "met": True}, {"provision": "7.5.2", "met": True, "note": " 已查阅 "})]
    listed = client.get(JUDGE).get_json()["judgements"]
    assert [(a["note"], a["note_lang"]) for a in answers] == [(None, None), ("已查阅", "zh")]
    assert [{k: a[k] for k in ("provision", "met", "by", "date", "note", "note_lang")}
            for a in answers] == [{k: j[k] for k in ("provision", "met", "by", "date", "note",
                                                      "note_lang")} for j in listed]


@pytest.mark.parametrize("body, status", [
    ({"provision": "4.1", "met": True}, 409),            # met by the data
    ({"provision": "9.9.9", "met": True}, 404),          # not a provision of the report
    ({"provision": "6.1", "met": False}, 400),           # not met, and no rationale
    ({"provision": "6.1", "met": "yes"}, 400),           # not a judgement
])
def test_api_refuses_a_judgement_the_report_does_not_leave_to_the_evaluator(
        app: Flask, tokens: dict[str, str], body: dict[str, object], status: int) -> None:
    client = app.test_client()
    answer = client.post(JUDGE, json=body, headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == status and answer.get_json()["ok"] is False
    report = client.get(f"/api/clusters/{KEY}/revisions/1/report").get_json()
    assert all(r["judgement"] is None for r in report["requirements"])


@pytest.mark.parametrize("lang, button, said", [
    ("zh", "记录评价人员的判定", "评价人员判定满足（evaluator of the tests，"),
    ("en", "Record the evaluator&#39;s judgement", "judged met by evaluator of the tests on "),
])
def test_the_report_page_offers_a_form_on_each_pending_item_that_records_a_judgement(
        app: Flask, tokens: dict[str, str], lang: str, button: str, said: str) -> None:
    client = app.test_client()
    page = client.get(f"/clusters/{KEY}/revisions/1?lang={lang}").get_data(as_text=True)
    assert button in page and 'id="judge-6.1"' in page
    assert 'id="judge-4.1"' not in page  # met by the data: nothing to judge
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    target = f"/clusters/{KEY}/revisions/1/judgements?lang={lang}"
    form = {"provision": "6.1", "judgement": "met", "note": "", "note_lang": lang,
            "token": tokens["evaluator"]}
    assert client.post(target, data=form).status_code == 400  # no CSRF token
    refused = client.post(target, data={**form, "token": "", "csrf_token": csrf})
    assert refused.status_code == 401 and '<details class="judge" id="judge-6.1" open>' in (
        refused.get_data(as_text=True))
    done = client.post(target, data={**form, "csrf_token": csrf})
    assert done.status_code == 303 and done.headers["Location"].endswith("#req-6.1")
    again = html.unescape(client.get(f"/clusters/{KEY}/revisions/1?lang={lang}")
                          .get_data(as_text=True))
    assert said in again


@pytest.mark.parametrize("lang, options", [
    ("en", [("zh", "", "Chinese (中文)"), ("en", " selected", "English")]),
    ("zh", [("zh", " selected", "中文"), ("en", "", "英文（English）")])])
def test_the_form_asks_the_rationales_language_the_pages_chosen(
        app: Flask, lang: str, options: list[tuple[str, str, str]]) -> None:
    page = app.test_client().get(f"/clusters/{KEY}/revisions/1?lang={lang}").get_data(as_text=True)
    form = page[page.index('id="judge-6.1"'):]
    select = form[form.index('<select name="note_lang">'):form.index("</select>")]
    assert re.findall(r'<option value="(\w+)"( selected)?>([^<]+)</option>', select) == options


def test_a_chinese_rationale_on_the_english_page_is_stored_as_chinese(
        app: Flask, tokens: dict[str, str]) -> None:
    client = app.test_client()
    csrf, target = _form(client, "en")
    done = client.post(target, data={"provision": "6.1", "judgement": "not_met",
                                     "note": "未见品牌战略文件", "note_lang": "zh",
                                     "csrf_token": csrf, "token": tokens["evaluator"]})
    assert done.status_code == 303
    assert [(j["note"], j["note_lang"]) for j in _judged(client)] == [("未见品牌战略文件", "zh")]  # type: ignore[index]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_api_rationale_without_its_language_is_in_the_requests_language(
        app: Flask, tokens: dict[str, str], lang: str) -> None:
    """note_lang defaults to the language the API answers in (`?lang=`), as `bcic judge
    --note-lang` defaults to `--lang` (decision 20)."""
    client = app.test_client()
    answer = client.post(f"{JUDGE}?lang={lang}", json={"provision": "6.1", "met": True,
                                                        "note": "已查阅 / seen"},
                         headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == 201 and answer.get_json()["note_lang"] == lang
    assert [j["note_lang"] for j in _judged(client)] == [lang]  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_form_rationale_without_its_language_is_in_the_pages_language(
        app: Flask, tokens: dict[str, str], lang: str) -> None:
    """A form sent without its selector's choice stores the rationale in the page's language."""
    client = app.test_client()
    csrf, target = _form(client, lang)
    done = client.post(target, data={"provision": "6.1", "judgement": "met", "note": "已查阅 / seen",
                                     "csrf_token": csrf, "token": tokens["evaluator"]})
    assert done.status_code == 303
    assert [j["note_lang"] for j in _judged(client)] == [lang]  # type: ignore[union-attr]


def _form(client, lang: str = "zh") -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The report page's CSRF token and the judgement form's target."""
    page = client.get(f"/clusters/{KEY}/revisions/1?lang={lang}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    return csrf, f"/clusters/{KEY}/revisions/1/judgements?lang={lang}"


def _judged(client) -> list[object]:  # type: ignore[no-untyped-def]
    report = client.get(f"/api/clusters/{KEY}/revisions/1/report").get_json()
    return [r["judgement"] for r in report["requirements"] if r["judgement"] is not None]


@pytest.mark.parametrize("lang, words", [("zh", "请选择判定：满足或不满足。未记录任何内容。"),
                                         ("en", "Choose the judgement: met or not met.")])
@pytest.mark.parametrize("given", [None, "", "yes"])
def test_the_form_without_a_judgement_is_refused_and_stores_nothing(
        app: Flask, tokens: dict[str, str], lang: str, words: str, given: str | None) -> None:
    client = app.test_client()
    csrf, target = _form(client, lang)
    form = {"provision": "6.1", "note": "未见文件", "csrf_token": csrf, "token": tokens["evaluator"]}
    if given is not None:
        form["judgement"] = given
    answer = client.post(target, data=form)
    assert answer.status_code == 400
    assert words in html.unescape(answer.get_data(as_text=True))
    assert _judged(client) == []


@pytest.mark.parametrize("lang, token, words", [
    ("zh", "", "缺少评价人员令牌：记录判定需要该令牌，请向评价人员索取。未记录任何内容。"),
    ("en", "", "recording a judgement needs one. Ask an evaluator for one. Nothing was recorded."),
    ("zh", "maintainer", "此操作需要评价人员角色的令牌；该令牌的角色是规则维护人员。未更改任何内容。"),
])
def test_the_form_says_why_a_token_is_refused_in_the_judgements_words(
        app: Flask, tokens: dict[str, str], lang: str, token: str, words: str) -> None:
    client = app.test_client()
    csrf, target = _form(client, lang)
    answer = client.post(target, data={"provision": "6.1", "judgement": "met",
                                       "csrf_token": csrf, "token": tokens.get(token, "")})
    page = html.unescape(answer.get_data(as_text=True))
    assert answer.status_code in (401, 403) and words in page
    assert "删除" not in page.split('id="judge-6.1"')[1].split("</details>")[0]
    assert _judged(client) == []


@pytest.mark.parametrize("lang, field", [("zh", "判定 6.1 不满足时须写明理由（“理由”一栏）"),
                                         ("en", "needs a rationale (the “Rationale” field)")])
def test_the_form_names_its_own_field_for_a_missing_rationale(
        app: Flask, tokens: dict[str, str], lang: str, field: str) -> None:
    client = app.test_client()
    csrf, target = _form(client, lang)
    answer = client.post(target, data={"provision": "6.1", "judgement": "not_met", "note": " ",
                                       "csrf_token": csrf, "token": tokens["evaluator"]})
    page = html.unescape(answer.get_data(as_text=True))
    assert answer.status_code == 400 and field in page and "--note" not in page


def test_the_api_names_its_json_key_for_a_missing_rationale(
        app: Flask, tokens: dict[str, str]) -> None:
    answer = app.test_client().post(JUDGE, json={"provision": "6.1", "met": False},
                                    headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == 400 and "JSON key note" in str(answer.get_json())
    assert "--note" not in str(answer.get_json())


@pytest.mark.parametrize("note, words", [
    ("bad \x1b[31mred\x1b[0m \x00", "the JSON key note holds a control character (U+001B)"),
    ("付款 \u202e001 元", "the JSON key note holds a line or paragraph separator or a "
                      "bidirectional control (U+202E RIGHT-TO-LEFT OVERRIDE)")],
    ids=["escape", "bidi-override"])
def test_the_api_refuses_a_rationale_with_a_control_character_naming_it(
        app: Flask, tokens: dict[str, str], note: str, words: str) -> None:
    """Decision 20: ESC and NUL would reach the report page, its HTML and Turtle raw; U+202E
    would turn the rest of the rationale around on every report."""
    answer = app.test_client().post(JUDGE, json={"provision": "6.1", "met": False, "note": note},
                                    headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == 400
    assert words in str(answer.get_json())
    assert _judged(app.test_client()) == []


@pytest.mark.parametrize("note, lang, words", [
    ("甲\u2028乙", "zh", "“理由”一栏 含有行或段落分隔符或双向文字控制符（U+2028 LINE SEPARATOR）"),
    ("甲\u2028乙", "en", "the “Rationale” field holds a line or paragraph separator or a "
                       "bidirectional control (U+2028 LINE SEPARATOR)"),
    ("nul \x00 here", "zh", "“理由”一栏 含有控制字符（U+0000）"),
    ("nul \x00 here", "en", "the “Rationale” field holds a control character (U+0000)")],
    ids=["separator-zh", "separator-en", "control-zh", "control-en"])
def test_the_form_refuses_a_rationale_with_a_separator_or_control_character_naming_it(
        app: Flask, tokens: dict[str, str], note: str, lang: str, words: str) -> None:
    client = app.test_client()
    csrf, target = _form(client, lang)
    answer = client.post(target, data={"provision": "6.1", "judgement": "not_met",
                                       "note": note, "csrf_token": csrf,
                                       "token": tokens["evaluator"]})
    assert answer.status_code == 400
    assert words in html.unescape(answer.get_data(as_text=True))
    assert _judged(client) == []


def test_the_forms_crlf_lines_are_stored_as_line_feeds_and_tabs_kept(
        app: Flask, tokens: dict[str, str]) -> None:
    client = app.test_client()
    csrf, target = _form(client)
    answer = client.post(target, data={"provision": "6.1", "judgement": "not_met",
                                       "note": "未见\t文件\r\n须补交", "csrf_token": csrf,
                                       "token": tokens["evaluator"]})
    assert answer.status_code == 303
    assert [j["note"] for j in _judged(client)] == ["未见\t文件\n须补交"]  # type: ignore[index]


def test_the_form_and_the_api_accept_the_notation_reports_print(
        app: Flask, tokens: dict[str, str]) -> None:
    client = app.test_client()
    csrf, target = _form(client)
    done = client.post(target, data={"provision": "6.2 d)", "judgement": "met",
                                     "csrf_token": csrf, "token": tokens["evaluator"]})
    assert done.status_code == 303 and done.headers["Location"].endswith("#req-6.2-d")
    answer = client.post(JUDGE, json={"provision": "req:6.2-b", "met": True},
                         headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == 201 and answer.get_json()["provision"] == "6.2-b"


@pytest.mark.parametrize("provision, status", [("4.1", 409), ("99.9", 404), ("4.2.1", 409)])
def test_a_form_refusal_of_a_provision_without_a_form_is_said_at_the_top(
        app: Flask, tokens: dict[str, str], provision: str, status: int) -> None:
    client = app.test_client()
    csrf, target = _form(client, "en")
    answer = client.post(target, data={"provision": provision, "judgement": "met",
                                       "csrf_token": csrf, "token": tokens["evaluator"]})
    page = html.unescape(answer.get_data(as_text=True))
    assert answer.status_code == status
    [said] = re.findall(r'<p class="form-error" id="page-error" role="alert">(.*?)</p>', page)
    assert provision in said and "nothing was stored" in said
    assert _judged(client) == []


def test_the_report_page_shows_a_judged_not_met_without_the_data_hint(
        app: Flask, tokens: dict[str, str]) -> None:
    """6.1.1.1 judged not met: its entry says the judgement, not how to meet it by the data."""
    client = app.test_client()
    body = {"provision": "6.1.1.1", "met": False, "note": "品牌战略未经培育主体审议通过"}
    assert client.post(JUDGE, json=body, headers=_bearer(tokens["evaluator"])).status_code == 201
    page = client.get(f"/clusters/{KEY}/revisions/1?lang=zh").get_data(as_text=True)
    begin = page.index('id="req-6.1.1.1"')
    entry = page[begin:page.index('id="req-', begin + 1)]
    assert "品牌战略未经培育主体审议通过" in entry and "如何满足" not in entry


def test_the_cluster_page_and_the_api_list_each_revisions_judgements_superseded_too(
        app: Flask, tokens: dict[str, str]) -> None:
    """6.1 judged not met, then met: both are events of revision 1 (decision 20), the first
    superseded, on the cluster page (zh, en), in `GET /api/clusters/<key>` and in
    `GET …/revisions/1/judgements`."""
    client, bearer = app.test_client(), _bearer(tokens["evaluator"])
    for body in ({"provision": "6.2 d)", "met": False, "note": "未见记录"},
                 {"provision": "6.2-d", "met": True, "note": "补交后已查阅"}):
        assert client.post(JUDGE + "?lang=zh", json=body, headers=bearer).status_code == 201
    listed = client.get(JUDGE + "?lang=zh")
    assert listed.status_code == 200
    events = listed.get_json()["judgements"]
    assert [(j["provision"], j["notation"], j["met"], j["by"], j["note"], j["current"])
            for j in events] == [
        ("6.2-d", "6.2 d)", False, "evaluator of the tests", "未见记录", False),
        ("6.2-d", "6.2 d)", True, "evaluator of the tests", "补交后已查阅", True)]
    assert all(j["date"].endswith("Z") and j["note_lang"] == "zh" for j in events)
    [revision] = client.get(f"/api/clusters/{KEY}?lang=zh").get_json()["revisions"]
    assert revision["judgements"] == events
    assert client.get(f"/api/clusters/{KEY}/revisions/2/judgements").status_code == 404
    zh = html.unescape(client.get(f"/clusters/{KEY}?lang=zh").get_data(as_text=True))
    assert "评价人员的各项判定" in zh
    assert "（已被取代）6.2 d) 评价人员判定不满足（evaluator of the tests，" in zh
    assert "6.2 d) 评价人员判定满足（evaluator of the tests，" in zh and "补交后已查阅</p>" in zh
    en = html.unescape(client.get(f"/clusters/{KEY}?lang=en").get_data(as_text=True))
    assert "Evaluator's judgements" in en and "(superseded) 6.2 d) judged not met by " in en
    assert "6.2 d) judged met by evaluator of the tests on " in en


def test_a_rationales_lines_are_kept_in_every_html_view(
        app: Flask, tokens: dict[str, str]) -> None:
    """The report page, its HTML download (bcic report's HTML is the same) and the cluster page
    keep the rationale's line break in the judgement's element, escaped, and style that element
    to show it (white-space: pre-line)."""
    client = app.test_client()
    body = {"provision": "6.1", "met": False, "note": "第一行 <b>\n第二行"}
    assert client.post(JUDGE, json=body, headers=_bearer(tokens["evaluator"])).status_code == 201
    kept = "第一行 &lt;b&gt;\n第二行"
    views = {f"/clusters/{KEY}/revisions/1?lang=zh": "evaluation.css",
             f"/api/clusters/{KEY}/revisions/1/report?format=html&lang=zh": None,
             f"/clusters/{KEY}?lang=zh": "clusters.css"}
    for url, stylesheet in views.items():
        page = client.get(url).get_data(as_text=True)
        assert re.search(r'<p class="judgement">[^<]*' + re.escape(kept) + "[^<]*</p>", page), url
        style = (page if stylesheet is None else
                 client.get(f"/static/{stylesheet}").get_data(as_text=True))
        assert re.search(r"\.judgement \{ white-space: pre-line; \}", style), url


@pytest.mark.parametrize("lang, words", [
    ("en", "revision 9 of <https://example.org/cluster/dehua/cluster> is not stored; the nearest "
           "stored: 1"),
    ("zh", "未存储 <https://example.org/cluster/dehua/cluster> 的第 9 版；最接近的已存储修订版：1")])
def test_an_unknown_revision_is_404_naming_the_nearest_stored(
        app: Flask, tokens: dict[str, str], lang: str, words: str) -> None:
    client = app.test_client()
    revision = f"/api/clusters/{KEY}/revisions/9"
    answers = [client.post(f"{revision}/judgements?lang={lang}", json={"provision": "6.1",
                                                                      "met": True},
                           headers=_bearer(tokens["evaluator"])),
               client.get(f"{revision}/report?lang={lang}"),
               client.get(f"{revision}/report?format=ttl&lang={lang}")]
    assert [(a.status_code, a.get_json()["message"]) for a in answers] == [(404, words)] * 3
    page = client.get(f"/clusters/{KEY}/revisions/9?lang={lang}", headers={"Accept": "text/html"})
    assert page.status_code == 404 and words in html.unescape(page.get_data(as_text=True))


def test_a_token_label_of_several_lines_is_shown_on_one(app: Flask, tmp_path: Path) -> None:
    """A token's label is the operator's (not refused as `bcic judge --by` is): reports show it
    with its line breaks and control characters as spaces, in the line and the sign-off."""
    _record, token = TokenFile(tmp_path / "tokens.json").create(
        "evaluator", label="Li\nAuditor\x1b[2J")
    client = app.test_client()
    assert client.post(JUDGE, json={"provision": "6.1", "met": True},
                       headers=_bearer(token)).status_code == 201
    text = client.get(f"/api/clusters/{KEY}/revisions/1/report?format=text&lang=en").get_data(
        as_text=True)
    assert "judged met by Li Auditor [2J on " in text and "Judged by Li Auditor [2J (1" in text
    assert "\x1b" not in text and "Li\n" not in text
