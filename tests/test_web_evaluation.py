"""The evaluation area of the web app: home, submit and validate, report pages, the JSON API of
clusters, reports, validation, storing and deleting revisions — in zh and en, with every error."""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
from io import BytesIO
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from rdflib import Dataset, Graph, URIRef

from checker.i18n import message as catalogue_message
from checker.loading.formats import ACCEPTED_EXTENSIONS
from checker.paths import EXAMPLES_DIR
from checker.render.html import css_string
from checker.render.json_ import report_document
from checker.report import Report, Status
from checker.report_reader import read_report
from checker.rulebook import SH, load_rulebook
from checker.shacl import Severity
from checker.store import cluster_key, open_store
from tests.catalogue_counts import COUNTS, UPDATE
from tests.conftest import StoreCopies, store_files
from web import evaluation_api

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
DATANG = EXAMPLES_DIR / "datang-socks.ttl"
DEHUA_CLUSTER = URIRef("https://example.org/cluster/dehua/cluster")
DATANG_CLUSTER = URIRef("https://example.org/cluster/datang/cluster")
DATANG_KEY = cluster_key(DATANG_CLUSTER)
DEHUA_KEY = cluster_key(DEHUA_CLUSTER)
LANGS = ("zh", "en")
TINY = """@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/tiny/cluster> a bcic:IndustrialCluster ; rdfs:label "Tiny"@en .
<https://example.org/tiny/body> bcic:cultivates <https://example.org/tiny/cluster> .
"""
TINY_KEY = cluster_key(URIRef("https://example.org/tiny/cluster"))
# Markup in values the shapes report (a year and a value of 9.2.3) and in the cluster's label.
HOSTILE = DEHUA.read_bytes() + b"""
@prefix bcic: <https://w3id.org/bcic/ontology#> .
<https://example.org/x/odd> a bcic:IndicatorObservation ;
    bcic:refCluster <https://example.org/cluster/dehua/cluster> ;
    bcic:indicator <https://w3id.org/bcic/indicator/LocationAdvantage> ;
    bcic:refYear "<script>alert(1)</script>" ; bcic:valueKind bcic:ActualValue ;
    bcic:observedValue "<img src=x onerror=alert(2)>" ; bcic:unitOfMeasure "x" .
<https://example.org/cluster/dehua/cluster>
    <http://www.w3.org/2000/01/rdf-schema#label> "<b>Dehua</b><script>alert(3)</script>"@zh .
"""
_ROW = re.compile(r'<article class="requirement[^"]*" id="req-([^"]+)" data-status="(\w+)"')


# --- fixtures ---------------------------------------------------------------------------------

@pytest.fixture
def samples(sample_store: Path, make_web_app) -> FlaskClient:  # type: ignore[no-untyped-def]
    """A client of an app over the three stored samples (read only)."""
    return make_web_app(sample_store, WTF_CSRF_ENABLED=False).test_client()


@pytest.fixture
def own_store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def writable(own_store: Path, make_web_app) -> Flask:  # type: ignore[no-untyped-def]
    """An app over an empty store of this test's own (CSRF off)."""
    app: Flask = make_web_app(own_store, WTF_CSRF_ENABLED=False)
    return app


def _tiny_stored(times: int) -> Callable[[Path], None]:
    """A builder of a store holding TINY `times` times (revisions 1…), as an evaluator's posts
    leave it: stored, and the query snapshot published."""
    def build(store_dir: Path) -> None:
        store_dir.parent.mkdir(parents=True, exist_ok=True)
        source = store_dir.parent / "tiny.ttl"
        source.write_text(TINY, encoding="utf-8")
        store_files(store_dir, [source] * times, submitter="evaluator of the tests")
    return build


@pytest.fixture
def tiny_writable(own_store: Path, store_copies: StoreCopies,
                  make_web_app) -> Flask:  # type: ignore[no-untyped-def]
    """An app (CSRF off) over a store of this test's own holding TINY as revision 1 (built once
    per worker, copied)."""
    store_copies.copy("tiny-1", _tiny_stored(1), own_store)
    app: Flask = make_web_app(own_store, WTF_CSRF_ENABLED=False)
    return app


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _revisions(store_dir: Path) -> list[tuple[URIRef, int]]:
    """What the live store holds (opened after the app closed it)."""
    if not store_dir.exists():
        return []
    store = open_store("oxigraph", path=store_dir)
    try:
        return [(i.cluster, i.number) for i in store.revisions()]
    finally:
        store.close()


def _stored_report(store_dir: Path, cluster: URIRef) -> Report:
    """Revision 1 of `cluster` as stored in `store_dir` (opened read-only)."""
    store = open_store("oxigraph", path=store_dir, read_only=True)
    try:
        return read_report(store, cluster, 1)
    finally:
        store.close()


def _rows(html: str) -> list[tuple[str, str]]:
    return _ROW.findall(html)


def _text(response) -> str:  # type: ignore[no-untyped-def]
    return response.get_data(as_text=True)


# --- home -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, verdict", [("zh", "不符合"), ("en", "not conformant")])
def test_home_lists_every_stored_cluster_with_its_latest_verdict(
        samples: FlaskClient, lang: str, verdict: str) -> None:
    page = _text(samples.get(f"/?lang={lang}"))
    for key in (DATANG_KEY, DEHUA_KEY):
        assert f'href="/clusters/{key}"' in page
    assert verdict in page
    # Datang's rate from the summary: met ÷ applicable, its pending reviews said apart
    assert ("16.8%（81 项待人工评审）" if lang == "zh" else "16.8% (81 pending review)") in page
    # Dehua has no gap, yet is not called conformant while 42 requirements await review
    assert ("未发现差距，93 项待人工评审确认" if lang == "zh"
            else "no gap found; 93 item(s) await an evaluator") in page


def test_home_of_an_empty_store_says_none_is_stored(writable: Flask) -> None:
    assert "No cluster has been stored yet." in _text(writable.test_client().get("/?lang=en"))


# --- the validate form ------------------------------------------------------------------------

@pytest.mark.parametrize("lang, title", [("zh", "验证提交材料"), ("en", "Validate a submission")])
def test_validate_form_offers_files_text_and_storing_with_a_token(
        samples: FlaskClient, lang: str, title: str) -> None:
    page = _text(samples.get(f"/validate?lang={lang}"))
    assert title in page
    assert re.search(r'<input type="file" name="files" multiple accept="[^"]*\.ttl', page)
    assert '<textarea id="text" name="text"' in page
    assert 'name="store"' in page and 'type="password" name="token"' in page
    assert 'name="csrf_token"' in page


@pytest.mark.parametrize("lang, verdict", [("zh", "结论：未发现差距，93 项待人工评审确认"),
                                           ("en", "Verdict: no gap found; 93 item(s) await")])
def test_pasted_turtle_is_validated_and_its_report_shown_without_storing(
        writable: Flask, own_store: Path, lang: str, verdict: str) -> None:
    client = writable.test_client()
    posted = client.post(f"/validate?lang={lang}", data={"text": DEHUA.read_text()})
    assert posted.status_code == 303
    assert posted.headers["Location"].startswith("/validations/")
    page = client.get(posted.headers["Location"])
    assert page.status_code == 200
    assert verdict in _text(page)
    assert "pasted.ttl" in _text(page)
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, said, wrong", [("en", "(no name given)", "no cluster found"),
                                               ("zh", "（未给出名称）", "未找到产业集群")])
def test_a_report_on_a_nameless_cluster_does_not_say_it_is_missing(
        writable: Flask, lang: str, said: str, wrong: str) -> None:
    client = writable.test_client()
    nameless = ("<https://example.org/x/c> a "
                "<https://w3id.org/bcic/ontology#IndustrialCluster> .\n")
    posted = client.post(f"/validate?lang={lang}", data={"text": nameless})
    assert posted.status_code == 303
    page = _text(client.get(posted.headers["Location"]))
    assert said in page and wrong not in page


BLANK_RECORDS = TINY + """@prefix dcterms: <http://purl.org/dc/terms/> .
<https://example.org/tiny/body> a bcic:CultivationBody .
[] a bcic:CorrectionMechanism ; dcterms:title "纠偏机制（上）"@zh ; bcic:covers bcic:PlanPhase .
[] a bcic:KPISystem .
"""


@pytest.mark.parametrize("lang, named", [
    ("zh", ("纠偏机制（上）", "一项未命名的“关键绩效指标体系”")),
    ("en", ("纠偏机制（上）", "an unnamed “key performance indicator system”"))])
def test_the_report_page_names_a_blank_node_record_by_its_title_else_its_class(
        writable: Flask, lang: str, named: tuple[str, ...]) -> None:
    """A record with no IRI is named by its title (in another language where the page's has
    none), else as an unnamed record of its class, never "[]" (nor with "[]" beside it)."""
    client = writable.test_client()
    posted = client.post(f"/validate?lang={lang}", data={"text": BLANK_RECORDS})
    assert posted.status_code == 303
    page = client.get(posted.headers["Location"]).get_data(as_text=True)
    for name in named:
        assert f"<strong>{escape(name)}</strong>" in page, name
    assert "[]</" not in page


def test_several_uploaded_files_form_one_submission(writable: Flask) -> None:
    """Datang split in two files (Turtle and N-Triples) validates as the whole file does."""
    whole = Graph().parse(DATANG)
    triples = sorted(whole, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    first, second = Graph(), Graph()
    for index, triple in enumerate(triples):
        (first if index % 2 else second).add(triple)
    first_bytes = first.serialize(format="turtle").encode()
    second_bytes = second.serialize(format="nt").encode()
    client = writable.test_client()
    posted = client.post("/validate?lang=en", content_type="multipart/form-data", data={
        "files": [(BytesIO(first.serialize(format="turtle").encode()), "part-1.ttl"),
                  (BytesIO(second.serialize(format="nt").encode()), "part-2.nt")]})
    assert posted.status_code == 303
    page = _text(client.get(posted.headers["Location"] + "?status=not_met"))
    # each file with the SHA-256 of its bytes, in full, as the command line's reports give it
    for part, body in (("part-1.ttl", first_bytes), ("part-2.nt", second_bytes)):
        assert f'{part} <span class="muted">SHA-256</span> <code class="hash">' \
               f"{hashlib.sha256(body).hexdigest()}</code>" in page
    expected = json.loads((EXAMPLES_DIR / "expected.json").read_text())["datang-socks.ttl"]
    shown = {rid for rid, _ in _rows(page)}
    assert set(expected["unmet_shall"]) <= shown


@pytest.mark.parametrize("names", [("dehua.ttl", "dehua.ttl"), ("dehua.ttl", "other.ttl")])
def test_the_same_upload_twice_is_400_and_nothing_is_stored(
        writable: Flask, own_store: Path, tokens: dict[str, str], names: tuple[str, str]) -> None:
    answer = writable.test_client().post("/validate?lang=en", data={
        "files": [(BytesIO(DEHUA.read_bytes()), name) for name in names], "store": "1",
        "token": tokens["evaluator"]}, content_type="multipart/form-data")
    assert answer.status_code == 400
    assert f"{names[0]} and {names[1]} have the same content" in _text(answer)
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, said", [("en", "holds the character U+001B"),
                                        ("zh", "含有字符 U+001B")])
def test_an_upload_whose_name_xml_cannot_carry_is_400_and_nothing_is_stored(
        writable: Flask, own_store: Path, tokens: dict[str, str], lang: str, said: str) -> None:
    """The file's name would go into the provenance block, answered in XML formats too."""
    answer = writable.test_client().post(f"/validate?lang={lang}", data={
        "files": [(BytesIO(DEHUA.read_bytes()), "evil\x1b[31mRED.ttl")], "store": "1",
        "token": tokens["evaluator"]}, content_type="multipart/form-data")
    assert answer.status_code == 400 and said in _text(answer)
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, summary", [("zh", "无法读取该提交材料"),
                                           ("en", "The submission cannot be read")])
def test_bad_turtle_is_400_with_its_line_and_column_and_the_text_kept(
        writable: Flask, own_store: Path, tokens: dict[str, str], lang: str,
        summary: str) -> None:
    text = "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e \"open .\n"
    answer = writable.test_client().post(f"/validate?lang={lang}", data={
        "text": text, "store": "1", "token": tokens["evaluator"]})
    assert answer.status_code == 400
    page = _text(answer)
    assert summary in page
    assert re.search(r"pasted\.ttl:3:\d+", page)
    assert "ex:d ex:e &#34;open ." in page  # the text is shown again, escaped
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_file_of_another_format_is_415_naming_it(writable: Flask, lang: str) -> None:
    answer = writable.test_client().post(f"/validate?lang={lang}", data={
        "files": [(BytesIO(b"%PDF-1.4"), "evidence.pdf")]}, content_type="multipart/form-data")
    assert answer.status_code == 415
    assert "evidence.pdf" in _text(answer) and ".ttl" in _text(answer)
    # The command line's words (checker/loading/formats.py), said once for both.
    said = catalogue_message("error.submission.unread_extension", lang, name="evidence.pdf",
                             extensions={"zh": "、", "en": ", "}[lang].join(ACCEPTED_EXTENSIONS))
    assert str(escape(said)) in _text(answer)


def test_a_file_without_extension_is_read_by_its_content(writable: Flask) -> None:
    client = writable.test_client()
    answer = client.post("/validate", data={"files": [(BytesIO(TINY.encode()), "tiny")]},
                         content_type="multipart/form-data")
    assert answer.status_code == 303
    assert "https://example.org/tiny/cluster" in _text(client.get(answer.headers["Location"]))


@pytest.mark.parametrize("lang, summary", [("zh", "无法读取该提交材料"),
                                           ("en", "The submission cannot be read")])
def test_an_empty_form_is_400(writable: Flask, lang: str, summary: str) -> None:
    answer = writable.test_client().post(f"/validate?lang={lang}", data={"text": "  "})
    assert answer.status_code == 400
    detail = {"zh": "请至少选择一个文件，或粘贴 Turtle 文本", "en": "paste Turtle text"}[lang]
    assert summary in _text(answer) and detail in _text(answer)


@pytest.mark.parametrize("lang, summary", [("zh", "存储需要有效的评价人员令牌"),
                                           ("en", "Storing needs a valid evaluator token")])
def test_storing_without_a_token_is_401_and_stores_nothing(
        writable: Flask, own_store: Path, lang: str, summary: str) -> None:
    answer = writable.test_client().post(f"/validate?lang={lang}",
                                         data={"text": TINY, "store": "1", "token": "bcic_x_y"})
    assert answer.status_code == 401
    assert summary in _text(answer)
    assert answer.headers["WWW-Authenticate"].lower().startswith("bearer")
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, summary", [("zh", "该令牌无权存储版本"),
                                           ("en", "This token may not store revisions")])
def test_storing_with_a_maintainer_token_is_403_and_stores_nothing(
        writable: Flask, own_store: Path, tokens: dict[str, str], lang: str,
        summary: str) -> None:
    answer = writable.test_client().post(f"/validate?lang={lang}", data={
        "text": TINY, "store": "1", "token": tokens["maintainer"]})
    assert answer.status_code == 403
    assert summary in _text(answer)
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang", LANGS)
def test_storing_with_an_evaluator_token_stores_a_revision_and_shows_its_page(
        writable: Flask, own_store: Path, tokens: dict[str, str], lang: str) -> None:
    client = writable.test_client()
    answer = client.post(f"/validate?lang={lang}", data={
        "files": [(BytesIO(DEHUA.read_bytes()), "dehua.ttl")], "store": "1",
        "token": tokens["evaluator"]}, content_type="multipart/form-data")
    assert answer.status_code == 303
    assert answer.headers["Location"] == f"/clusters/{DEHUA_KEY}/revisions/1"
    page = _text(client.get(answer.headers["Location"]))
    assert {"zh": "第 1 版", "en": "Revision 1"}[lang] in page
    assert "evaluator of the tests" in page  # the submitter, from the token's label
    assert _revisions(own_store) == [(DEHUA_CLUSTER, 1)]


@pytest.mark.parametrize("csrf", [True, False])  # the CSRF check reads the form first
@pytest.mark.parametrize("lang, said", [("zh", "上传内容过大"), ("en", "larger than the limit")])
def test_an_upload_over_the_size_limit_is_413(
        own_store: Path, make_web_app, lang: str, said: str,  # type: ignore[no-untyped-def]
        csrf: bool) -> None:
    app = make_web_app(own_store, WTF_CSRF_ENABLED=csrf, MAX_CONTENT_LENGTH=4096)
    answer = app.test_client().post(f"/validate?lang={lang}", data={"text": TINY * 100},
                                    headers={"Accept": "text/html"})
    assert answer.status_code == 413
    assert said in _text(answer) and "4 KiB" in _text(answer)
    assert 'action="/validate"' in _text(answer) and 'data-status="413"' in _text(answer)
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, said", [("zh", "表单已过期"), ("en", "The form expired")])
def test_a_form_without_its_csrf_token_comes_back_filled_in_and_then_goes_through(
        own_store: Path, make_web_app, lang: str, said: str) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(own_store).test_client()
    refused = client.post(f"/validate?lang={lang}", data={"text": TINY, "store": "1"},
                          headers={"Accept": "text/html"})
    assert refused.status_code == 400
    page = _text(refused)
    assert said in page and 'data-status="400"' in page
    assert escape(TINY) in page  # the pasted Turtle is kept
    assert 'name="store" value="1" checked' in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert client.post("/validate", data={"text": TINY, "csrf_token": token}).status_code == 303


def test_other_methods_are_405(samples: FlaskClient) -> None:
    assert samples.put("/validate").status_code == 405
    assert samples.post(f"/clusters/{DATANG_KEY}/revisions/1").status_code == 405
    assert samples.get("/api/validate").status_code == 405
    assert samples.put("/api/clusters/revisions").status_code == 405
    assert samples.put(f"/api/clusters/{DATANG_KEY}/revisions/1").status_code == 405
    assert samples.post("/api/clusters").status_code == 405


# --- report pages -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang, words", [
    ("zh", ("不满足", "满足", "第4章 培育主体管理", "驱动层", "人工评审清单", "结论：不符合")),
    ("en", ("not met", "manual review", "Chapter 4 Management of the cultivation body",
            "Driver layer", "Manual review checklist", "Verdict: not conformant"))])
def test_stored_revision_page_shows_statuses_rates_clause_texts_and_checklist(
        samples: FlaskClient, lang: str, words: tuple[str, ...]) -> None:
    answer = samples.get(f"/clusters/{DATANG_KEY}/revisions/1?lang={lang}")
    assert answer.status_code == 200
    page = _text(answer)
    for word in words:
        assert word in page
    rows = dict(_rows(page))
    assert len(rows) == COUNTS.provisions, UPDATE
    expected = json.loads((EXAMPLES_DIR / "expected.json").read_text())["datang-socks.ttl"]
    assert {r for r, s in rows.items() if s == "not_met"} >= set(expected["unmet_shall"])
    # Each clause's text verbatim in Chinese and its English rendering, both on the page.
    for rid in ("4.2.2-g", "9.4.2"):
        texts = load_rulebook().requirements[rid].text
        assert str(escape(texts["zh"])) in page and str(escape(texts["en"])) in page
    assert "16.8%" in page and "0.1.0" in page and "datang-socks.ttl" in page


@pytest.mark.parametrize("lang, label", [("zh", "英文（非官方译文）"),
                                         ("en", "English (unofficial translation)")])
def test_report_page_quotes_the_standards_text_with_the_english_said_to_be_unofficial(
        samples: FlaskClient, lang: str, label: str) -> None:
    page = _text(samples.get(f"/clusters/{DATANG_KEY}/revisions/1?lang={lang}"))
    texts = load_rulebook().requirements["7.2.4"].text
    article = page[page.index('id="req-7.2.4"'):]
    article = article[:article.index("</article>")]
    assert "<details" not in article  # shown, not folded away
    assert re.search(r'<blockquote lang="zh" class="text-zh">.*</span> '
                     + re.escape(str(escape(texts["zh"]))) + "</blockquote>", article)
    assert f'{label}</span> {escape(texts["en"])}</blockquote>' in article
    assert 'id="translation-note"' in page


def test_status_and_severity_filters_keep_only_matching_requirements(
        samples: FlaskClient, sample_store: Path) -> None:
    stored = _stored_report(sample_store, DATANG_CLUSTER)
    base = f"/clusters/{DATANG_KEY}/revisions/1?lang=en"
    for status in Status:
        rows = _rows(_text(samples.get(f"{base}&status={status.value}")))
        assert [rid for rid, _ in rows] == [o.requirement.id for o in stored.with_status(status)]
    for severity in Severity:
        page = _text(samples.get(f"{base}&severity={severity.value}"))
        assert [rid for rid, _ in _rows(page)] == [
            o.requirement.id for o in stored.outcomes
            if any(r.severity is severity for r in o.results)]
        others = {s.value for s in Severity} - {severity.value}
        assert not any(f"result severity-{other}" in page for other in others)
    assert _rows(_text(samples.get(base + "&severity=info")))  # Datang has an info result
    both = _text(samples.get(base + "&status=not_met&severity=violation"))
    assert {s for _, s in _rows(both)} == {"not_met"}
    none = _text(samples.get(base + "&status=met&severity=violation"))
    assert _rows(none) == [] and "No requirement matches the filter." in none


@pytest.mark.parametrize("query, named", [("status=passed", "status"), ("severity=fatal", "severity")])
def test_unknown_filter_values_are_400_naming_what_is_accepted(
        samples: FlaskClient, query: str, named: str) -> None:
    answer = samples.get(f"/clusters/{DATANG_KEY}/revisions/1?{query}",
                         headers={"Accept": "text/html"})
    assert answer.status_code == 400
    assert f"Unknown {named}" in _text(answer) and "accepted" in _text(answer)


def test_report_downloads_as_json_turtle_and_html_with_a_file_name(
        samples: FlaskClient) -> None:
    base = f"/clusters/{DATANG_KEY}/revisions/1"
    as_json = samples.get(base + "?format=json&lang=zh")
    assert as_json.mimetype == "application/json"
    assert as_json.headers["Content-Disposition"] == (
        f'attachment; filename="bcic-report-{DATANG_KEY}-1.zh.json"')
    assert samples.get(base + "?format=json&lang=en").headers["Content-Disposition"] == (
        f'attachment; filename="bcic-report-{DATANG_KEY}-1.en.json"')
    document = json.loads(as_json.data)
    assert document["lang"] == "zh" and document["cluster"] == str(DATANG_CLUSTER)
    as_ttl = samples.get(base + "?format=ttl")
    assert as_ttl.mimetype == "text/turtle"
    graph = Graph().parse(data=as_ttl.data, format="turtle")
    assert (None, None, SH.ValidationReport) in graph
    as_html = samples.get(base + "?format=html&lang=en")
    assert as_html.mimetype == "text/html" and b"Conformance report" in as_html.data
    assert as_html.headers["Content-Disposition"].endswith('.html"')
    assert samples.get(base + "?format=docx").status_code == 400


@pytest.mark.parametrize("lang, words", [
    ("zh", ("<dt>修订版</dt><dd>第 1 版（产业集群键 {key}）</dd>", "<dt>提交者</dt><dd>tests</dd>")),
    ("en", ("<dt>Revision</dt><dd>1 (cluster key {key})</dd>",
            "<dt>Submitted by</dt><dd>tests</dd>"))])
def test_a_stored_revisions_downloads_name_the_revision_its_submitter_and_the_files_sha256(
        samples: FlaskClient, lang: str, words: tuple[str, ...]) -> None:
    """The HTML and JSON an evaluator hands to the cluster say which revision they are and who
    stored it, as the page does, and fingerprint the file judged (the provenance's hash)."""
    digest = hashlib.sha256(DATANG.read_bytes()).hexdigest()
    base = f"/clusters/{DATANG_KEY}/revisions/1?lang={lang}"
    page = _text(samples.get(base))
    assert f'<code class="hash">{digest}</code>' in page
    html = _text(samples.get(base + "&format=html"))
    for word in words:
        assert word.format(key=DATANG_KEY) in html
    assert f"<code>{digest}</code>" in html
    for url in (base + "&format=json", f"/api/clusters/{DATANG_KEY}/revisions/1/report"):
        document = json.loads(samples.get(url).data)
        assert document["revision"] == {"number": 1, "key": DATANG_KEY, "submitter": "tests"}
        assert document["sha256"] == {"datang-socks.ttl": digest}


@pytest.mark.parametrize("path", [
    "/clusters/0123456789abcdef/revisions/1",  # a key no stored cluster has
    "/clusters/not-a-key/revisions/1",
    f"/clusters/{DATANG_KEY}/revisions/7",  # a revision that is not stored
    "/validations/no-such-validation",
])
@pytest.mark.parametrize("lang, said", [("zh", "页面不存在"), ("en", "There is no such page")])
def test_unknown_clusters_revisions_and_validations_are_404(
        samples: FlaskClient, path: str, lang: str, said: str) -> None:
    answer = samples.get(f"{path}?lang={lang}", headers={"Accept": "text/html"})
    assert answer.status_code == 404
    assert said in _text(answer)


@pytest.mark.parametrize("lang, title", [
    ("zh", "页面不存在（错误 404）— bcic"), ("en", "There is no such page (error 404) — bcic")])
def test_an_error_pages_title_says_what_went_wrong_and_the_site(
        samples: FlaskClient, lang: str, title: str) -> None:
    answer = samples.get(f"/clusters/{DATANG_KEY}/revisions/7?lang={lang}",
                         headers={"Accept": "text/html"})
    assert f"<title>{title}</title>" in _text(answer)


@pytest.mark.parametrize("lang, stored, fresh", [
    ("zh", "符合性评价报告 — 德化陶瓷产业集群 — 第 1 版 — bcic",
     "符合性评价报告 — 德化陶瓷产业集群 — 验证结果（未存储） — bcic"),
    ("en", "Conformance report — Dehua ceramics industrial cluster — Revision 1 — bcic",
     "Conformance report — Dehua ceramics industrial cluster — Validation (not stored) — bcic")])
def test_a_reports_title_names_its_revision_or_says_it_is_not_stored(
        writable: Flask, tokens: dict[str, str], lang: str, stored: str, fresh: str) -> None:
    client = writable.test_client()
    body = {"text": DEHUA.read_text()}
    unstored = client.post(f"/validate?lang={lang}", data=body).headers["Location"]
    assert f"<title>{fresh}</title>" in _text(client.get(unstored))
    kept = client.post(f"/validate?lang={lang}",
                       data={**body, "store": "1", "token": tokens["evaluator"]})
    assert f"<title>{stored}</title>" in _text(client.get(kept.headers["Location"]))


@pytest.mark.parametrize("lang, shown", [
    ("zh", "显示 132 项要求中的 12 项（按“状态：不满足，严重程度：违规”筛选）"),
    ("en", "12 of 132 requirements shown (filtered by “Status: not met, Severity: violation”)")])
def test_a_filtered_report_page_says_by_what_it_is_filtered(
        samples: FlaskClient, lang: str, shown: str) -> None:
    """Said on the page and printed with it (evaluation.css hides the filter form, not this):
    a print of a filtered page would otherwise leave requirements out without a word."""
    base = f"/clusters/{DATANG_KEY}/revisions/1?lang={lang}"
    page = _text(samples.get(base + "&status=not_met&severity=violation"))
    assert len(_rows(page)) == 12
    assert f'<p class="muted" id="shown">{escape(shown)}</p>' in page
    assert "（按" not in _text(samples.get(base)) and "filtered by" not in _text(samples.get(base))


@pytest.mark.parametrize("lang, header", [
    ("zh", "符合性评价报告 — 诸暨大唐袜业产业集群 — 第 1 版"),
    ("en", "Conformance report — Datang (Zhuji) hosiery industrial cluster — Revision 1")])
def test_a_printed_report_page_names_cluster_revision_and_date_on_every_page(
        samples: FlaskClient, sample_store: Path, lang: str, header: str) -> None:
    page = _text(samples.get(f"/clusters/{DATANG_KEY}/revisions/1?lang={lang}"))
    day = _stored_report(sample_store, DATANG_CLUSTER).created.date().isoformat()
    style = page[page.index('<style media="print">'):]
    style = style[:style.index("</style>")]
    assert f"@top-left {{ content: {css_string(header)};" in style
    assert f"@top-right {{ content: {css_string(day)};" in style
    assert 'content: counter(page) " / " counter(pages)' in style


def test_fresh_reports_are_kept_only_up_to_their_number(
        own_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(own_store, WTF_CSRF_ENABLED=False, BCIC_FRESH_REPORTS=1).test_client()
    first = client.post("/validate", data={"text": TINY}).headers["Location"]
    assert client.get(first).status_code == 200
    second = client.post("/validate", data={"text": TINY}).headers["Location"]
    assert first != second
    assert client.get(second).status_code == 200
    assert client.get(first).status_code == 404
    download = client.get(second + "?format=json")
    assert download.headers["Content-Disposition"].startswith(
        'attachment; filename="bcic-validation-')


@pytest.mark.parametrize("lang", LANGS)
def test_markup_in_a_submission_is_shown_as_escaped_text(writable: Flask, lang: str) -> None:
    client = writable.test_client()
    posted = client.post(f"/validate?lang={lang}", content_type="multipart/form-data", data={
        "files": [(BytesIO(HOSTILE), "<i>hostile.ttl")]})
    assert posted.status_code == 303
    page = _text(client.get(posted.headers["Location"]))
    for raw in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                "<script>alert(3)</script>", "<b>Dehua</b>", "<i>hostile"):
        assert raw not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the reported year value
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;i&gt;hostile.ttl" in page
    if lang == "zh":
        assert "&lt;b&gt;Dehua&lt;/b&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert "<script" not in page.replace('<script type="application/json"', "")


# --- JSON API: clusters and stored reports ----------------------------------------------------

def test_api_lists_the_stored_clusters(samples: FlaskClient) -> None:
    listed = samples.get("/api/clusters?lang=en").get_json()["clusters"]
    assert {c["cluster"] for c in listed} == {
        str(DATANG_CLUSTER), str(DEHUA_CLUSTER), "https://example.org/cluster/meitan/cluster"}
    datang = next(c for c in listed if c["key"] == DATANG_KEY)
    assert datang["revisions"] == 1 and datang["latest"]["number"] == 1
    assert datang["latest"]["conforms"] is False
    assert datang["latest"]["report"] == f"/api/clusters/{DATANG_KEY}/revisions/1/report"
    assert datang["url"] == f"/api/clusters/{DATANG_KEY}"


def test_api_shows_one_cluster_with_its_revisions(samples: FlaskClient) -> None:
    answer = samples.get(f"/api/clusters/{DEHUA_KEY}").get_json()
    assert answer["cluster"] == str(DEHUA_CLUSTER)
    assert [r["number"] for r in answer["revisions"]] == [1]
    revision = answer["revisions"][0]
    assert revision["conforms"] is True and revision["submitter"] == "tests"
    assert revision["files"][0]["name"].endswith("dehua-ceramics.ttl")
    assert revision["closed"] == [] and revision["opened"] == []


@pytest.mark.parametrize("path", ["/api/clusters/0123456789abcdef", "/api/clusters/nokey",
                                  f"/api/clusters/{DATANG_KEY}/revisions/2/report",
                                  "/api/clusters/0123456789abcdef/revisions/1/report"])
def test_api_unknown_cluster_or_revision_is_404_in_the_json_envelope(
        samples: FlaskClient, path: str) -> None:
    answer = samples.get(path)
    assert answer.status_code == 404
    body = answer.get_json()
    assert body["ok"] is False and body["status"] == 404 and body["message"]


@pytest.mark.parametrize("lang", LANGS)
def test_api_report_is_the_stored_report_document(
        samples: FlaskClient, sample_store: Path, lang: str) -> None:
    answer = samples.get(f"/api/clusters/{DATANG_KEY}/revisions/1/report?lang={lang}")
    assert answer.status_code == 200
    document = answer.get_json()
    stored = _stored_report(sample_store, DATANG_CLUSTER)
    assert document == json.loads(json.dumps(report_document(stored, lang)))  # type: ignore[arg-type]
    statuses = {r["id"]: r["status"] for r in document["requirements"]}
    assert statuses["4.2.2-g"] == Status.NOT_MET.value


def test_api_report_in_turtle_and_html(samples: FlaskClient) -> None:
    base = f"/api/clusters/{DATANG_KEY}/revisions/1/report"
    ttl = samples.get(base + "?format=ttl")
    assert ttl.mimetype == "text/turtle"
    assert (None, None, SH.ValidationReport) in Graph().parse(data=ttl.data, format="turtle")
    html = samples.get(base + "?format=html&lang=zh")
    assert html.mimetype == "text/html" and "符合性评价报告" in html.get_data(as_text=True)
    assert samples.get(base + "?format=pdf").status_code == 400


# --- JSON API: validate -----------------------------------------------------------------------

def _tiny_as(media_type: str) -> bytes:
    graph = Graph().parse(data=TINY, format="turtle")
    if media_type in ("application/trig", "application/n-quads"):
        dataset = Dataset()
        target = dataset.graph(URIRef("https://example.org/tiny/graph"))
        for triple in graph:
            target.add(triple)
        fmt = "trig" if media_type == "application/trig" else "nquads"
        return dataset.serialize(format=fmt).encode()
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt",
           "application/ld+json": "json-ld", "application/rdf+xml": "xml"}[media_type]
    return graph.serialize(format=fmt).encode()


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples",
                                        "application/ld+json", "application/rdf+xml",
                                        "application/trig", "application/n-quads"])
def test_api_validates_a_body_in_each_syntax_its_content_type_names(
        writable: Flask, own_store: Path, media_type: str) -> None:
    answer = writable.test_client().post("/api/validate?lang=en", data=_tiny_as(media_type),
                                         content_type=f"{media_type}; charset=utf-8")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    document = answer.get_json()
    assert document["cluster"] == "https://example.org/tiny/cluster"
    assert document["conforms"] is False and len(document["requirements"]) == COUNTS.provisions
    assert _revisions(own_store) == []


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", None])
def test_api_validate_refuses_other_content_types_with_415(
        writable: Flask, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    answer = writable.test_client().post("/api/validate", data=TINY.encode(), headers=headers)
    assert answer.status_code == 415
    assert "text/turtle" in answer.get_json()["message"]


def test_api_validate_reports_bad_syntax_with_line_and_column(writable: Flask) -> None:
    answer = writable.test_client().post("/api/validate", data=TINY + "<x> <y> .\n",
                                         content_type="text/turtle")
    assert answer.status_code == 400
    assert re.search(r"request-body\.ttl:5:\d+", answer.get_json()["message"])


def test_api_validate_refuses_an_empty_body_and_one_over_the_limit(
        own_store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(own_store, MAX_CONTENT_LENGTH=2048).test_client()
    assert client.post("/api/validate", data=b"", content_type="text/turtle").status_code == 400
    too_big = client.post("/api/validate", data=TINY.encode() * 20, content_type="text/turtle")
    assert too_big.status_code == 413
    assert "2 KiB" in too_big.get_json()["message"]


def test_api_validate_renders_turtle_when_asked(writable: Flask) -> None:
    answer = writable.test_client().post("/api/validate?format=ttl", data=TINY,
                                         content_type="text/turtle")
    assert answer.mimetype == "text/turtle"
    assert (None, None, SH.ValidationReport) in Graph().parse(data=answer.data, format="turtle")


# --- JSON API: store and delete revisions -----------------------------------------------------

def test_api_store_needs_an_evaluator_token_and_stores_nothing_without_one(
        writable: Flask, own_store: Path, tokens: dict[str, str]) -> None:
    client = writable.test_client()
    anonymous = client.post("/api/clusters/revisions", data=TINY, content_type="text/turtle")
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].lower().startswith("bearer")
    maintainer = client.post("/api/clusters/revisions", data=TINY, content_type="text/turtle",
                             headers=_bearer(tokens["maintainer"]))
    assert maintainer.status_code == 403
    assert maintainer.get_json()["error"] == "Forbidden"
    assert _revisions(own_store) == []


def test_a_bad_submission_to_store_creates_no_store(writable: Flask, own_store: Path,
                                                    tokens: dict[str, str]) -> None:
    """The submission is validated before the live store is opened (and so created)."""
    client = writable.test_client()
    bad = client.post("/api/clusters/revisions", data=b"this is not turtle",
                      content_type="text/turtle", headers=_bearer(tokens["evaluator"]))
    assert bad.status_code == 400
    form = client.post("/validate", data={"store": "1", "text": "this is not turtle",
                                          "token": tokens["evaluator"]})
    assert form.status_code == 400
    assert not own_store.exists()


def test_api_stored_revision_reads_back_as_the_validated_report(
        writable: Flask, tokens: dict[str, str]) -> None:
    client = writable.test_client()
    body = DATANG.read_bytes()
    fresh = client.post("/api/validate?lang=zh", data=body, content_type="text/turtle")
    stored = client.post("/api/clusters/revisions", data=body, content_type="text/turtle",
                         headers=_bearer(tokens["evaluator"]))
    assert stored.status_code == 201
    assert stored.headers["Location"] == f"/api/clusters/{DATANG_KEY}/revisions/1/report"
    created = stored.get_json()
    assert (created["number"], created["key"], created["conforms"]) == (1, DATANG_KEY, False)
    assert created["submitter"] == "evaluator of the tests"
    read = client.get(stored.headers["Location"] + "?lang=zh").get_json()
    expected = fresh.get_json()
    for field in ("conforms", "rates", "requirements", "manual_review", "cluster",
                  "rulebook_version", "triples"):
        assert read[field] == expected[field], field
    page = _text(client.get(created["page"] + "?lang=en&status=not_met"))
    assert len(_rows(page)) == sum(r["status"] == "not_met" for r in read["requirements"])


def test_a_revisions_time_reads_the_same_in_every_answer(
        writable: Flask, tokens: dict[str, str]) -> None:
    """The time a revision was generated, as the upload's answer, the cluster's revisions, its
    report and a named query over the store give it: one xsd:dateTime text, not two forms."""
    client = writable.test_client()
    created = client.post("/api/clusters/revisions", data=DATANG.read_bytes(),
                          content_type="text/turtle", headers=_bearer(tokens["evaluator"]))
    generated = created.get_json()["generated"]
    assert generated.endswith("Z") and "+00:00" not in generated
    listed = client.get(f"/api/clusters/{DATANG_KEY}").get_json()["revisions"][0]["generated"]
    report = client.get(created.headers["Location"]).get_json()["created"]
    (row,) = client.get("/api/queries/clusters-by-conformance").get_json()["rows"]
    assert listed == report == row["generated"] == generated


def test_api_delete_removes_a_revision_whose_number_is_not_reused(
        writable: Flask, own_store: Path, tokens: dict[str, str]) -> None:
    client = writable.test_client()
    evaluator = _bearer(tokens["evaluator"])
    for _ in range(2):
        assert client.post("/api/clusters/revisions", data=TINY, content_type="text/turtle",
                           headers=evaluator).status_code == 201
    target = f"/api/clusters/{TINY_KEY}/revisions/2"
    assert client.delete(target).status_code == 401
    assert client.delete(target, headers=_bearer(tokens["maintainer"])).status_code == 403
    assert [n for _, n in _revisions(own_store)] == [1, 2]
    why = {"reason": " 第三方评估重复上传\r\n与第 1 版相同 "}
    deleted = client.delete(target, headers=evaluator, json=why)
    assert deleted.status_code == 200
    assert deleted.get_json()["deleted"] == {"key": TINY_KEY, "number": 2,
                                             "cluster": "https://example.org/tiny/cluster",
                                             "reason": "第三方评估重复上传\n与第 1 版相同"}
    assert client.get(target + "/report").status_code == 404
    assert client.get(f"/clusters/{TINY_KEY}/revisions/2").status_code == 404
    assert client.delete(target, headers=evaluator, json=why).status_code == 404
    assert client.delete("/api/clusters/0123456789abcdef/revisions/1",
                         headers=evaluator, json=why).status_code == 404
    again = client.post("/api/clusters/revisions", data=TINY, content_type="text/turtle",
                        headers=evaluator)
    assert again.get_json()["number"] == 3
    assert [n for _, n in _revisions(own_store)] == [1, 3]
    listed = client.get(f"/api/clusters/{TINY_KEY}").get_json()
    assert [r["number"] for r in listed["revisions"]] == [1, 3]


# --- deleting from the report page ------------------------------------------------------------

_DELETE_SAYS = {
    "missing": {"zh": "缺少评价人员令牌：删除版本需要该令牌，请向评价人员索取。",
                "en": "The evaluator token is missing: deleting a revision needs one."},
    "wrong": {"zh": "该令牌未被接受：它不是有效的评价人员令牌。",
              "en": "The token was not accepted: it is not a valid evaluator token."},
    "maintainer": {"zh": "此操作需要评价人员角色的令牌；该令牌的角色是规则维护人员。未更改任何内容。",
                   "en": "This action needs a token of role evaluator; this one is maintainer. "
                         "Nothing was changed."},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("given", "status"), [("missing", 401), ("wrong", 401),
                                               ("maintainer", 403)])
def test_a_refused_page_delete_shows_the_revision_again_with_the_reason_at_the_token_field(
        tiny_writable: Flask, own_store: Path, tokens: dict[str, str], lang: str, given: str,
        status: int) -> None:
    """Not a bare error page saying "needs a bearer token" to whoever gave one: the report,
    its delete form open, the field marked invalid and described by why (missing, not accepted,
    another role's), nothing deleted."""
    client = tiny_writable.test_client()
    token = {"missing": "", "wrong": "wrong", "maintainer": tokens["maintainer"]}[given]
    answer = client.post(f"/clusters/{TINY_KEY}/revisions/1/delete?lang={lang}",
                         data={"token": token}, headers={"Accept": "text/html"})
    page = html.unescape(_text(answer))
    assert answer.status_code == status
    assert 'id="verdict"' in page and '<details id="delete-revision" open>' in page
    error = re.search(r'<p class="form-error" id="delete-error" role="alert">(.*?)</p>', page)
    assert error is not None and _DELETE_SAYS[given][lang] in error.group(1)
    field = re.search(r'<input type="password" name="token"[^>]*>', page).group(0)  # type: ignore[union-attr]
    assert 'aria-invalid="true"' in field and 'aria-describedby="delete-hint delete-error"' in field
    assert "bearer" not in error.group(1)
    assert _revisions(own_store) == [(URIRef("https://example.org/tiny/cluster"), 1)]


def test_the_delete_form_describes_its_token_field_by_its_hint_before_any_error(
        tiny_writable: Flask, tokens: dict[str, str]) -> None:
    client = tiny_writable.test_client()
    page = _text(client.get(f"/clusters/{TINY_KEY}/revisions/1?lang=en"))
    field = re.search(r'<input type="password" name="token"[^>]*>', page).group(0)  # type: ignore[union-attr]
    assert 'aria-describedby="delete-hint"' in field and "aria-invalid" not in field
    assert 'id="delete-hint"' in page and 'id="delete-error"' not in page


@pytest.mark.parametrize("lang, button", [("zh", "删除第 1 版"), ("en", "Delete revision 1")])
def test_page_delete_with_an_evaluator_token_removes_the_revision(
        own_store: Path, store_copies: StoreCopies, make_web_app, tokens: dict[str, str],
        lang: str, button: str) -> None:  # type: ignore[no-untyped-def]
    store_copies.copy("tiny-2", _tiny_stored(2), own_store)  # two revisions of TINY
    client = make_web_app(own_store).test_client()  # CSRF on, as in production
    page = _text(client.get(f"/clusters/{TINY_KEY}/revisions/1?lang={lang}"))
    assert button in page
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    target = f"/clusters/{TINY_KEY}/revisions/1/delete"
    assert client.post(target, data={"token": tokens["evaluator"]}).status_code == 400  # no CSRF
    deleted = client.post(target, data={"token": tokens["evaluator"], "csrf_token": csrf,
                                        "reason": "重复上传"})
    assert deleted.status_code == 303
    assert deleted.headers["Location"] == f"/clusters/{TINY_KEY}"
    assert [n for _, n in _revisions(own_store)] == [2]
    assert client.post(target, data={"token": tokens["evaluator"], "csrf_token": csrf,
                                     "reason": "重复上传"},
                       headers={"Accept": "text/html"}).status_code == 404
    last = client.post(f"/clusters/{TINY_KEY}/revisions/2/delete",
                       data={"token": tokens["evaluator"], "csrf_token": csrf,
                             "reason": "wrong cluster"})
    assert last.headers["Location"] == "/"
    assert _revisions(own_store) == []


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "a deletion needs a reason (the “Reason for deletion” field)"),
    ("zh", "删除修订版须说明理由（“删除理由”一栏）")])
@pytest.mark.parametrize("reason", ["", "duplicate\u202e"], ids=["none", "bidi"])
def test_a_page_delete_without_a_fit_reason_shows_the_revision_again_at_its_reason_field(
        tiny_writable: Flask, own_store: Path, tokens: dict[str, str], lang: str, said: str,
        reason: str) -> None:
    """The report again, its delete form open, the reason's field marked invalid, described by
    why and holding what was given; nothing deleted."""
    client = tiny_writable.test_client()
    answer = client.post(f"/clusters/{TINY_KEY}/revisions/1/delete?lang={lang}",
                         data={"token": tokens["evaluator"], "reason": reason},
                         headers={"Accept": "text/html"})
    page = html.unescape(_text(answer))
    assert answer.status_code == 400 and '<details id="delete-revision" open>' in page
    error = re.search(r'<p class="form-error" id="delete-error" role="alert">(.*?)</p>', page,
                      re.DOTALL)
    assert error is not None and (said if not reason else "U+202E") in error.group(1), page
    field = re.search(r'<textarea name="reason"[^>]*>([^<]*)</textarea>', page)
    assert field is not None and 'aria-invalid="true"' in field.group(0)
    assert field.group(1) == reason
    token = re.search(r'<input type="password" name="token"[^>]*>', page).group(0)  # type: ignore[union-attr]
    assert "aria-invalid" not in token
    assert _revisions(own_store) == [(URIRef("https://example.org/tiny/cluster"), 1)]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "a deletion needs a reason (the JSON key reason)"),
    ("zh", "删除修订版须说明理由（JSON 键 reason）")])
@pytest.mark.parametrize(("body", "refusal"), [
    (None, "no-reason"), (b"{}", "no-reason"), (b'{"reason": "  "}', "no-reason"),
    (b'{"reason": 3}', "bad-body"), (b'{"why": "x"}', "bad-body"), (b"reason=x", "bad-body")],
    ids=["no-body", "empty-object", "blank", "number", "other-key", "form-encoded"])
def test_an_api_delete_without_a_reason_is_400_and_deletes_nothing(
        writable: Flask, own_store: Path, tokens: dict[str, str], lang: str, said: str,
        body: bytes | None, refusal: str) -> None:
    client = writable.test_client()
    evaluator = _bearer(tokens["evaluator"])
    client.post("/api/clusters/revisions", data=TINY, content_type="text/turtle",
                headers=evaluator)
    answer = client.delete(f"/api/clusters/{TINY_KEY}/revisions/1?lang={lang}",
                           headers=evaluator, data=body, content_type="application/json")
    message = answer.get_json()["message"]
    assert answer.status_code == 400
    assert (said if refusal == "no-reason" else '{"reason": "…"}') in message, message
    assert _revisions(own_store) == [(URIRef("https://example.org/tiny/cluster"), 1)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_upload_with_a_control_character_is_400_and_nothing_is_stored(
        writable: Flask, own_store: Path, tokens: dict[str, str], lang: str) -> None:
    text = TINY + '<https://example.org/tiny/cluster> rdfs:comment "bell\\u0007" .\n'
    answer = writable.test_client().post(f"/validate?lang={lang}", data={
        "text": text, "store": "1", "token": tokens["evaluator"]})
    assert answer.status_code == 400
    said = {"en": "holds the character U+0007, which XML 1.0 cannot carry",
            "zh": "含有字符 U+0007，XML 1.0 无法承载该字符"}[lang]
    assert re.search(rf"pasted\.ttl:5:54[:：] ?.*{re.escape(said)}", _text(answer))
    assert _revisions(own_store) == []


def test_an_upload_describing_the_standards_own_class_is_400_and_nothing_is_stored(
        writable: Flask, own_store: Path, tokens: dict[str, str]) -> None:
    text = ("@prefix bcic: <https://w3id.org/bcic/ontology#> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            "bcic:CultivationBody rdfs:subClassOf bcic:CreditMechanism .\n")
    answer = writable.test_client().post("/validate?lang=en", data={
        "text": text, "store": "1", "token": tokens["evaluator"]})
    assert answer.status_code == 400
    assert re.search(r"pasted\.ttl:3:1: .*is a term of the standard", _text(answer))
    assert _revisions(own_store) == []


@pytest.mark.parametrize("path", ["/api/validate", "/api/clusters/revisions", "/sparql"])
@pytest.mark.parametrize("lang, said", [("en", "Content-Encoding 'gzip' is not accepted"),
                                        ("zh", "不接受 Content-Encoding 'gzip'")])
def test_a_compressed_body_is_415_saying_so_not_a_text_encoding_error(
        writable: Flask, own_store: Path, tokens: dict[str, str], path: str, lang: str,
        said: str) -> None:
    """gzip's bytes were read as the text itself: "not UTF-8: byte 0x8b at offset 1"."""
    body = gzip.compress(DATANG.read_bytes())
    answer = writable.test_client().post(
        f"{path}?lang={lang}", data=body, content_type="text/turtle",
        headers={"Content-Encoding": "gzip", **_bearer(tokens["evaluator"])})
    assert answer.status_code == 415 and said in answer.get_json()["message"]
    assert _revisions(own_store) == []


NO_CLUSTER = '<https://example.org/x> <https://example.org/p> "1" .\n'


@pytest.mark.parametrize("lang, said", [
    ("en", "add the industrial cluster it is about (<cluster> a bcic:IndustrialCluster, 3.1)"),
    ("zh", "请写明其所述的产业集群（<cluster> a bcic:IndustrialCluster，3.1）")])
def test_a_submission_naming_no_cluster_is_told_what_to_add_not_a_cli_option(
        writable: Flask, own_store: Path, tokens: dict[str, str], lang: str, said: str) -> None:
    client = writable.test_client()
    api = client.post(f"/api/clusters/revisions?lang={lang}", data=NO_CLUSTER,
                      content_type="text/turtle", headers=_bearer(tokens["evaluator"]))
    form = client.post(f"/validate?lang={lang}", data={
        "text": NO_CLUSTER, "store": "1", "token": tokens["evaluator"]})
    assert api.status_code == form.status_code == 400
    for message in (api.get_json()["message"], html.unescape(_text(form))):
        assert said in message and "4.1" in message and "--cluster" not in message
    assert _revisions(own_store) == []


@pytest.mark.parametrize("lang, said", [("en", "unknown report format 'xml'"),
                                        ("zh", "未知的报告格式 'xml'")])
def test_an_unknown_report_format_is_400_before_anything_is_validated(
        samples: FlaskClient, monkeypatch: pytest.MonkeyPatch, lang: str, said: str) -> None:
    """A bad ?format= took a validation slot and a whole validation before it was refused."""
    def never(*_args: object) -> None:
        raise AssertionError("validated before the format was checked")

    monkeypatch.setattr(evaluation_api, "validate_within", never)
    monkeypatch.setattr(evaluation_api, "recheck_within", never)
    for answer in (samples.post(f"/api/validate?format=xml&lang={lang}",
                                data=DEHUA.read_bytes(), content_type="text/turtle"),
                   samples.post(f"/api/clusters/{DEHUA_KEY}/revisions/1/recheck?format=xml"
                                f"&lang={lang}")):
        assert answer.status_code == 400 and said in answer.get_json()["message"]
