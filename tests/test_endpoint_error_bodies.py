"""An endpoint's error body is read in the charset its answer declares (RFC 9110 §8.3.2), or an
HTML page's own <meta charset>, and far enough that a long page or JSON envelope still gives its
words: `bcic query --endpoint` and the remote store's client alike."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.store.server_words import server_words
from checker.store.sparql_http import SparqlClient, SparqlEndpointError
from tests.loopback import failing_endpoint, loopback_endpoint

GBK_WORDS = "查询语法错误：第 1 行第 8 列"
LATIN1_WORDS = "requête mal formée à la ligne 1"


def _said(content_type: str, body: bytes, status: int = 500) -> str:
    """What `bcic query --endpoint` says of an endpoint answering so (en)."""
    with loopback_endpoint(failing_endpoint(status, content_type, body)) as url:
        result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", url,
                                           "--lang", "en"])
    assert result.exit_code == (2 if status == 400 else 4), result.output
    return result.output


@pytest.mark.parametrize(("content_type", "body", "words"), [
    ("text/plain; charset=gbk", GBK_WORDS.encode("gbk"), GBK_WORDS),
    ("text/plain; charset=GB2312", GBK_WORDS.encode("gb2312"), GBK_WORDS),
    ("text/plain; charset=ISO-8859-1", LATIN1_WORDS.encode("latin-1"), LATIN1_WORDS),
    ("text/html", b'<html><head><meta charset="gbk"><title>' + GBK_WORDS.encode("gbk")
     + b"</title></head><body></body></html>", GBK_WORDS),
    ("text/html", b'<html><head><meta http-equiv="Content-Type" content="text/html; '
     b'charset=iso-8859-1"><title>' + LATIN1_WORDS.encode("latin-1") + b"</title></head></html>",
     LATIN1_WORDS),
    ("application/json; charset=gbk", json.dumps({"message": GBK_WORDS},
                                                 ensure_ascii=False).encode("gbk"), GBK_WORDS),
], ids=["gbk", "gb2312", "latin-1", "html-meta-gbk", "html-meta-latin-1", "json-gbk"])
def test_an_error_body_is_read_in_the_charset_it_declares(content_type: str, body: bytes,
                                                          words: str) -> None:
    said = _said(content_type, body)
    assert words in said and "\ufffd" not in said, said


def test_an_unknown_or_absent_charset_reads_as_utf8_with_replacement() -> None:
    assert server_words("错误".encode(), 300, "no-such-charset") == "错误"
    assert server_words(b"bad \xff byte", 300) == "bad \ufffd byte"


def test_a_page_with_a_long_style_sheet_before_its_title_still_gives_its_words() -> None:
    page = (b"<html><head><style>" + b".c { color: red; }\n" * 600 + b"</style>"
            b"<title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable"
            b"</h1><p>the store is being backed up</p></body></html>")
    assert len(page) > 8192
    said = _said("text/html", page)
    assert "503 Service Unavailable: the store is being backed up" in said, said
    assert "color" not in said


def test_a_json_error_with_a_long_trace_says_its_message_not_raw_json() -> None:
    body = json.dumps({"message": "the query ran out of memory",
                       "trace": [f"at org.example.Frame{n}.run(Frame.java:{n})"
                                 for n in range(600)]}).encode()
    assert len(body) > 4096
    said = _said("application/json", body)
    assert said.rstrip("\n").endswith(": the query ran out of memory"), said


def test_a_json_error_too_long_to_read_whole_says_its_leading_message() -> None:
    """Longer than what is read of it: the message it gives before its trace is still said,
    and nothing raw beyond the cut of a line."""
    trace = [f"at org.example.Frame{n}.run(Frame.java:{n})" for n in range(12_000)]
    body = json.dumps({"ok": False, "status": 500, "error": "OutOfMemory",
                       "message": "the query ran out of memory", "trace": trace}).encode()
    assert len(body) > 256 * 1024
    said = _said("application/json", body)
    assert said.rstrip("\n").endswith(": the query ran out of memory"), said
    without = json.dumps({"trace": trace}).encode()
    said = _said("application/json", without)
    assert said.count("\n") == 1 and len(said) < 500 and "…" in said, said


def test_the_remote_stores_client_reads_the_declared_charset_too() -> None:
    failing = failing_endpoint(503, "text/plain; charset=gbk", GBK_WORDS.encode("gbk"))
    with loopback_endpoint(failing) as url:
        client = SparqlClient(url, None, None, None, None, 10)
        with pytest.raises(SparqlEndpointError) as error:
            client.query("ASK {}", "application/sparql-results+json")
    assert GBK_WORDS in error.value.text("zh")


@pytest.mark.parametrize(("status", "retry_after", "lang", "said"), [
    (503, "120", "en", "(the server asks to be asked again in 120 seconds)"),
    (503, "120", "zh", "（服务器要求 120 秒后再请求）"),
    (429, "Wed, 21 Oct 2026 07:28:00 GMT", "en",
     "(the server asks to be asked again after 2026-10-21 07:28:00 UTC)"),
    (429, "Wed, 21 Oct 2026 07:28:00 GMT", "zh", "（服务器要求在 2026-10-21 07:28:00 UTC 之后再请求）"),
])
def test_a_retry_after_of_the_endpoint_is_said_in_the_line(
        status: int, retry_after: str, lang: str, said: str) -> None:
    """A busy or rate-limiting endpoint's Retry-After (RFC 9110 §10.2.3: seconds or a date)
    is told, not dropped: the line says when to ask again."""
    handler = failing_endpoint(status, "text/plain", b"busy", {"Retry-After": retry_after})
    with loopback_endpoint(handler) as url:
        result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", url,
                                           "--lang", lang])
    assert result.exit_code == 4, result.output
    [line] = result.output.splitlines()
    assert f"HTTP {status}" in line and said in line, line


def test_an_unreadable_retry_after_is_left_unsaid() -> None:
    handler = failing_endpoint(503, "text/plain", b"busy", {"Retry-After": "soon"})
    with loopback_endpoint(handler) as url:
        result = CliRunner().invoke(main, ["query", "SELECT ?n WHERE {}", "--endpoint", url,
                                           "--lang", "en"])
    assert result.exit_code == 4 and "soon" not in result.output and "busy" in result.output


VIRTUOSO_XML = (b'<?xml version="1.0" encoding="UTF-8"?>\n<error>\n  <code>37000</code>\n'
                b"  <message>SP030: SPARQL compiler, line 1: syntax error at 'WHERE'</message>\n"
                b"</error>\n")
SPARQL_XML = (b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
              b"<error>Query timed out after 30 s</error></sparql>")


@pytest.mark.parametrize(("content_type", "body", "words"), [
    ("application/xml", VIRTUOSO_XML, "37000 SP030: SPARQL compiler, line 1: syntax error at "
                                      "'WHERE'"),
    ("application/sparql-results+xml", SPARQL_XML, "Query timed out after 30 s"),
    ("text/xml; charset=gbk", '<?xml version="1.0" encoding="gbk"?><error>{}</error>'.format(
        GBK_WORDS).encode("gbk"), GBK_WORDS),
], ids=["virtuoso-style", "sparql-xml", "gbk"])
def test_an_xml_error_body_is_said_by_its_text_not_its_tags(content_type: str, body: bytes,
                                                          words: str) -> None:
    said = _said(content_type, body)
    assert words in said and "<" not in said and "<?xml" not in said, said


@pytest.mark.parametrize(("encoding", "words"), [
    ("GBK", GBK_WORDS), ("ISO-8859-1", LATIN1_WORDS)], ids=["gbk", "latin-1"])
def test_an_xml_error_body_without_a_charset_is_read_in_its_declarations_encoding(
        encoding: str, words: str) -> None:
    """A partner's `application/xml` error with no charset in its Content-Type is read in the
    encoding its XML declaration names, not as UTF-8."""
    body = (f'<?xml version="1.0" encoding="{encoding}"?>\n<error><message>{words}</message>'
            f"</error>").encode(encoding)
    said = _said("application/xml", body)
    assert words in said and "\ufffd" not in said and "<" not in said, said


def test_an_xml_error_body_with_a_dtd_and_an_encoding_is_still_not_parsed() -> None:
    body = ('<?xml version="1.0" encoding="GBK"?><!DOCTYPE e [<!ENTITY a "甲甲甲甲">]>'
            "<error>&a;&a;</error>").encode("gbk")
    said = server_words(body, 300)
    assert said.startswith("<?xml") and "<!DOCTYPE" in said and "甲甲甲甲" in said
    assert "甲甲甲甲甲甲甲甲" not in said, said


def test_an_xml_error_body_with_a_dtd_is_not_parsed() -> None:
    """A document type (where entities are declared: "billion laughs") never reaches the XML
    parser; the body is shown as it came."""
    body = (b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY a "aaaaaaaa">]>'
            b"<error>&a;&a;</error>")
    said = _said("application/xml", body)
    assert "<!DOCTYPE" in said and "aaaaaaaaaaaaaaaa" not in said
