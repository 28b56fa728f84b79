"""A report page (and the HTML report the web app serves) links each provision to its rulebook
page, and a hint's pointer goes there, in zh and en: the page shows the evidence to record. The
text, JSON and Turtle reports, and an HTML report written by the CLI, keep the pointer to
docs/evidence.md (docs/evidence.md, README "Reports")."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import URIRef

from checker.i18n import Lang
from checker.labels import collect_labels
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.term_namer import TermNamer
from checker.render.guidance_view import GuidanceWriter, Pointer
from checker.render.outline import TextPart, linked_parts
from checker.rulebook import load_rulebook
from checker.store import cluster_key
from checker.validation import validate_files
from tests.catalogue_counts import COUNTS

DATANG = EXAMPLES_DIR / "datang-socks.ttl"
DATANG_KEY = cluster_key(URIRef("https://example.org/cluster/datang/cluster"))
REPORT = f"/clusters/{DATANG_KEY}/revisions/1"
LANGS = ("zh", "en")
# Each hint's pointer in a page: the provision's notation linked to its rulebook page's hint.
POINTER = {"zh": re.compile(r'详见规则库中的 <a href="/rulebook/([^"#]+)#how-to">([^<]+)</a>。'),
           "en": re.compile(r'See <a href="/rulebook/([^"#]+)#how-to">([^<]+)</a> in the '
                            r'rulebook\.')}


@pytest.fixture
def samples(sample_store: Path, make_web_app) -> FlaskClient:  # type: ignore[no-untyped-def]
    return make_web_app(sample_store).test_client()


def _page(client: FlaskClient, url: str) -> str:
    answer = client.get(url, headers={"Accept": "text/html"})
    assert answer.status_code == 200, url
    return answer.get_data(as_text=True)


@pytest.mark.parametrize("lang", LANGS)
def test_every_provision_of_a_report_page_links_to_its_rulebook_page(samples: FlaskClient,
                                                                     lang: str) -> None:
    page = _page(samples, f"{REPORT}?lang={lang}")
    rows = re.findall(r'<article class="requirement[^"]*" id="req-([^"]+)"', page)
    linked = re.findall(r'<strong class="req-id"><a href="/rulebook/([^"]+)">', page)
    assert len(rows) == COUNTS.provisions and linked == rows
    checklist = page.split('id="manual-review"', 1)[1]
    assert re.findall(r'<strong><a href="/rulebook/([^"]+)">', checklist)


@pytest.mark.parametrize("lang", LANGS)
def test_a_hints_pointer_opens_the_provisions_rulebook_page_which_shows_the_evidence(
        samples: FlaskClient, lang: str) -> None:
    page = _page(samples, f"{REPORT}?lang={lang}&status=not_met")
    assert "docs/evidence" not in page  # the web app serves neither profile
    pointers = POINTER[lang].findall(page)
    assert {rid for rid, _notation in pointers} >= {"4.2.2", "5.2.2", "8.2.6"}
    assert ("8.2.6", "8.2.6") in pointers and ("4.2.2", "4.2.2") in pointers
    rulebook = _page(samples, f"/rulebook/8.2.6?lang={lang}")
    hint = unescape(rulebook.split('<p class="how-to" id="how-to">', 1)[1].split("</p>", 1)[0])
    guidance = load_rulebook().guidance["8.2.6"]
    labels = collect_labels(guidance.terms, load_rulebook().labels_graph,
                            load_rulebook().shapes_graph)  # shapes: a form's words (text with content)
    said = GuidanceWriter(TermNamer(labels, lang), pointer=Pointer.NONE).how_to(guidance)
    assert hint.endswith(said) and "bcic:CommunicationEvaluation" in hint
    assert "docs/evidence" not in rulebook and "#how-to" not in rulebook  # no pointer there


def test_a_list_items_hint_beside_its_lead_ins_links_the_lead_in_and_points_nowhere_else(
        samples: FlaskClient) -> None:
    """4.2.2 g) builds on 4.2.2's hint, shown on the same page: it links that row, and leaves
    the pointer to the lead-in, as the text report leaves docs/evidence.md to it."""
    page = _page(samples, f"{REPORT}?lang=en&status=not_met")
    item = page.split('id="req-4.2.2-g"', 1)[1].split("</article>", 1)[0]
    assert '<a href="#req-4.2.2">4.2.2</a>' in item and "in the rulebook" not in item
    # A lead-in with no results of its own is filtered out by severity: the item points itself.
    alone = _page(samples, f"{REPORT}?lang=en&status=not_met&severity=violation")
    assert 'id="req-4.2.2"' not in alone and 'id="req-4.2.2-g"' in alone
    assert 'See <a href="/rulebook/4.2.2-g#how-to">4.2.2 g)</a> in the rulebook.' in alone


def test_the_html_report_the_app_serves_links_this_servers_rulebook_pages(
        samples: FlaskClient) -> None:
    html = samples.get(f"{REPORT}?format=html&lang=zh").get_data(as_text=True)
    assert '<a href="http://localhost/rulebook/4.2.2-g">4.2.2 g)</a>' in html
    assert '详见规则库中的 <a href="http://localhost/rulebook/8.2.6#how-to">8.2.6</a>。' in html
    assert "docs/evidence" not in html


@pytest.mark.parametrize("fmt", ["text", "json", "ttl"])
@pytest.mark.parametrize(("lang", "profile"), [("en", "docs/evidence.md#8-2-6"),
                                               ("zh", "docs/evidence.zh.md#8-2-6")])
def test_reports_written_without_a_server_keep_the_pointer_to_docs_evidence(
        fmt: str, lang: Lang, profile: str) -> None:
    """The CLI knows no server: its reports name the evidence profile in their language
    (docs/evidence.md, docs/evidence.zh.md), and link no rulebook page."""
    written = render_report(validate_files([DATANG]), fmt, lang)
    assert profile in written
    assert "/rulebook/" not in written and "in the rulebook" not in written


@pytest.mark.parametrize("lang, said", [
    ("en", "See 8.2.6 in the rulebook (bcic rules show 8.2.6)."),
    ("zh", "详见规则库中的 8.2.6（bcic rules show 8.2.6）。")])
def test_an_html_report_written_without_a_server_points_to_the_rulebook_by_its_command(
        lang: Lang, said: str) -> None:
    """A cluster given the CLI's HTML file has no repository: no docs/evidence.md, the rulebook
    by the command that shows the provision, no link."""
    written = render_report(validate_files([DATANG]), "html", lang)
    assert said in written
    assert "docs/evidence" not in written and "/rulebook/" not in written


def test_a_hints_pointer_is_cut_out_whole_even_where_a_lead_ins_number_starts_it() -> None:
    parts = linked_parts("按 4.2.1 的提示记录。详见规则库中的 4.2.1 c)。", ("4.2.1",), "4.2.1-c", lang="zh")
    assert parts == (TextPart("按 "), TextPart("4.2.1", links_to="4.2.1"),
                     TextPart(" 的提示记录。详见规则库中的 "), TextPart("4.2.1 c)", rulebook="4.2.1-c"),
                     TextPart("。"))
    alone = linked_parts("See 9.1.4 a) —1 in the rulebook.", ("9.1.4",), "9.1.4-a-1", lang="en")
    assert alone == (TextPart("See "), TextPart("9.1.4 a) —1", rulebook="9.1.4-a-1"),
                     TextPart(" in the rulebook."))
