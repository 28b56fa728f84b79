"""Every page's parameters are UTF-8 text: `?q=%FF` is a 400 naming the parameter and the
escape, in the request's language, as HTML for a page and JSON for the API; /sparql keeps its
own protocol error (SPARQL 1.1 Protocol §2.1.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

_PAGE = {"Accept": "text/html"}

@pytest.fixture
def client(make_web_app, sample_store: Path):  # type: ignore[no-untyped-def]
    return make_web_app(sample_store).test_client()


@pytest.mark.parametrize("url", ["/?q=%FF", "/?q=a%E4%B8", "/rules?q=caf%E9"])
def test_a_page_refuses_an_escape_that_is_not_utf8(client, url: str) -> None:  # type: ignore[no-untyped-def]
    answer = client.get(url + "&lang=en", headers=_PAGE)
    assert answer.status_code == 400
    assert answer.mimetype == "text/html"
    body = answer.get_data(as_text=True)
    escape = url.rsplit("=", 1)[1].lstrip("acf")
    assert "Parameter q:" in body
    assert escape[-3:] in body and "is not UTF-8" in body
    assert "\ufffd" not in body


def test_the_message_is_in_chinese_for_a_chinese_request(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/?q=%FF&lang=zh", headers=_PAGE).get_data(as_text=True)
    assert "参数 q：%FF 不是 UTF-8 编码" in body


def test_the_api_says_it_in_json(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/api/queries?lang=en&x%FF=1")
    assert answer.status_code == 400
    assert answer.is_json
    assert "%FF is not UTF-8" in answer.get_data(as_text=True)


def test_utf8_text_escaped_or_raw_is_read(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/?q=%E5%BE%B7%E5%8C%96").status_code == 200
    assert client.get("/?q=dehua+ceramics").status_code == 200


def test_sparql_keeps_its_own_error(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/sparql?query=ASK%7B%7D%FF")
    assert answer.status_code == 400
    assert "the query is not UTF-8 text" in answer.get_data(as_text=True)
