"""Error pages and JSON error envelopes say what went wrong in the request's language (web/errors.py):
`?lang=`, else Accept-Language; werkzeug's own English text is replaced by a sentence of ours."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import URIRef
from werkzeug.exceptions import default_exceptions

from checker.store.base import cluster_key
from web.strings import STRINGS

DATANG_KEY = cluster_key(URIRef("https://example.org/cluster/datang/cluster"))
HTML = {"Accept": "text/html"}
ZH = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"}


@pytest.fixture
def samples(sample_store: Path, make_web_app) -> FlaskClient:  # type: ignore[no-untyped-def]
    """A client of an app over the three stored samples (read only, CSRF off)."""
    return make_web_app(sample_store, WTF_CSRF_ENABLED=False).test_client()


@pytest.mark.parametrize("path, said, unsaid", [
    (f"/clusters/{DATANG_KEY}/revisions/2", "的第 2 版", "is not stored"),
    ("/rulebook?chapter=99", "chapter='99'：条款目录涵盖第 4–9 章", "the catalogue covers"),
    ("/rulebook/9.9.9", "条款目录中没有规定或章节 '9.9.9'", "no provision or section"),
    ("/rulebook/shapes/Nope", "规则库的形状中没有 'Nope'", "no shape"),
    ("/indicator/Nope", "9.1.4 指标体系中没有名为 'Nope' 的指标", "no indicator"),
    ("/validations/junk", "没有保留编号为 'junk' 的验证结果", "is kept"),
    ("/nosuchpage", "服务器上找不到所请求的 URL", "The requested URL was not found"),
], ids=["revision", "chapter", "requirement", "shape", "indicator", "validation", "no-page"])
def test_an_error_page_asked_in_chinese_explains_in_chinese(
        samples: FlaskClient, path: str, said: str, unsaid: str) -> None:
    separator = "&" if "?" in path else "?"
    for headers in ({**HTML}, {**HTML, **ZH}):  # ?lang=zh, then Accept-Language alone
        asked = f"{path}{separator}lang=zh" if headers == HTML else path
        page = samples.get(asked, headers=headers)
        assert page.status_code in (400, 404)
        text = unescape(page.get_data(as_text=True))
        assert said in text and unsaid not in text


def test_a_method_not_allowed_is_said_in_chinese_with_its_allow_header(
        samples: FlaskClient) -> None:
    page = samples.post("/rulebook?lang=zh", headers=HTML)
    assert page.status_code == 405 and "GET" in page.headers["Allow"]
    text = page.get_data(as_text=True)
    assert "此 URL 不接受该请求所用的方法" in text and "The method is not allowed" not in text


def test_the_json_envelope_follows_lang(samples: FlaskClient) -> None:
    body = samples.get("/api/clusters/0123456789abcdef?lang=zh").get_json()
    assert body["status"] == 404 and body["error"] == "NotFoundError"
    assert body["message"] == "没有键为 0123456789abcdef 的已存储产业集群"


def test_the_sparql_envelope_follows_accept_language(samples: FlaskClient) -> None:
    body = samples.get("/sparql", query_string={"query": "SELEC * WHERE { ?s ?p ?o }"},
                       headers=ZH).get_json()
    assert body["status"] == 400 and body["message"].startswith("无法解析该 SPARQL 查询：")


def test_a_missing_bearer_token_is_said_in_chinese(samples: FlaskClient) -> None:
    answer = samples.post("/api/rules/reload", headers=ZH)
    assert answer.status_code == 401 and answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert answer.get_json()["message"] == (
        "需要有效的规则维护人员角色访问令牌：请向服务器管理员索取（管理员在服务器上用 "
        "`bcic token create --role maintainer` 创建）。")


def test_a_form_without_its_csrf_token_is_refused_in_chinese(
        sample_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(sample_store).test_client()
    page = client.post("/validate?lang=zh", data={"text": "x"}, headers=HTML)
    text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "表单已过期或并非来自本站，请刷新页面后重新提交。（缺少 CSRF 令牌。）" in text
    assert "The CSRF token is missing" not in text


def test_an_upload_over_the_limit_is_said_in_chinese_with_the_limit(
        sample_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(sample_store, MAX_CONTENT_LENGTH=2048).test_client()
    answer = client.post("/api/validate?lang=zh", data=b"x" * 4096,
                         content_type="text/turtle")
    assert answer.status_code == 413
    assert answer.get_json()["message"] == "请求体超过了 2 KiB 的上限。"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_status_werkzeug_raises_has_a_sentence_of_ours(lang: str) -> None:
    missing = [code for code in default_exceptions if not STRINGS.get(f"error.detail.{code}",
                                                                        {}).get(lang)]
    assert not missing
