"""The rulebook pages (/rulebook, a requirement, a shape, the ontology and 9.1.4 taxonomy) and the
rulebook's IRIs served with content negotiation (/ontology, /req/gbt-draft/…, /shapes/gbt-draft/…,
/indicator/…)."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from checker.coverage import coverage_matrix
from checker.namespaces import BCIC, IND, REQ, SHP
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES, CORE_ONTOLOGY_FILE, DATA_STRUCTURE_FILE, INDICATORS_FILE
from checker.reasoning import reason_over
from checker.rulebook import SH, load_rulebook
from checker.rulebook_document import fixture_text, load_rulebook_document
from tests.catalogue_counts import COUNTS, UPDATE

RDF_TYPES = {"turtle": "text/turtle", "ntriples": "application/n-triples",
             "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}
RDFLIB_NAMES = {"text/turtle": "turtle", "application/n-triples": "nt",
                "application/ld+json": "json-ld", "application/json": "json-ld",
                "application/rdf+xml": "xml"}
# rdflib's JSON-LD parser still builds a ConjunctiveGraph inside; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def client(make_web_app, tmp_path: Path) -> FlaskClient:  # type: ignore[no-untyped-def]
    return make_web_app(tmp_path / "store").test_client()


def html(client: FlaskClient, url: str, status: int = 200) -> str:
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def parsed(response) -> Graph:  # type: ignore[no-untyped-def]
    graph = Graph()
    graph.parse(data=response.data, format=RDFLIB_NAMES[response.mimetype],
                publicID="https://w3id.org/bcic/")
    return graph


# --- the rulebook page -------------------------------------------------------------------------

def test_coverage_figures_are_those_the_library_computes(client: FlaskClient) -> None:
    rulebook = load_rulebook()
    rows = coverage_matrix(rulebook)
    levels = Counter(row.requirement.level.value for row in rows)
    page = html(client, "/rulebook?lang=en")
    shown = dict(re.findall(r'data-count="([a-z_-]+)">(\d+)<', page))
    assert int(shown["requirements"]) == len(rows) == COUNTS.provisions, UPDATE
    for level in ("shall", "should", "may", "informative"):
        assert int(shown[f"level-{level}"]) == levels.get(level, 0)
    assert int(shown["shapes"]) == len(rulebook.shape_requirements)
    assert int(shown["manual"]) == sum(row.manual_review for row in rows)
    assert int(shown["gaps"]) == sum(row.gap for row in rows) == 0
    assert int(shown["manual-only"]) == sum(row.manual_only for row in rows)
    kinds = Counter(f.kind for row in rows for _shape, f in row.fixtures if f)
    for kind, count in kinds.items():
        assert f'data-count="fixture-{kind}">{count}<' in page


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Coverage at a glance", "Chapter 4 Management of the cultivation body",
            "shall (requirement)", "Manual review", "maintainer token"]),
    ("zh", ["覆盖情况一览", "第4章 培育主体管理", "应（要求）", "人工评审", "维护者"]),
])
def test_rulebook_page_in_both_languages(client: FlaskClient, lang: str, words: list[str]) -> None:
    page = html(client, f"/rulebook?lang={lang}")
    for word in words:
        assert word in page, word


def test_every_provision_is_listed_in_clause_order_with_both_texts(client: FlaskClient) -> None:
    page = html(client, "/rulebook?lang=en")
    rulebook = load_rulebook()
    ids = re.findall(r'<article class="provision" id="req-([^"]+)"', page)
    assert ids == list(rulebook.requirements)  # the catalogue's clause order, all 132
    chapters = re.findall(r'<h2 id="chapter-(\d)">', page)
    assert chapters == ["4", "5", "6", "7", "8", "9"]
    duty = rulebook.requirements["4.2.1-a"]
    assert duty.text["zh"] in page and duty.text["en"] in page


def test_a_provision_shows_its_shapes_severity_message_and_fixture(client: FlaskClient) -> None:
    page = html(client, "/rulebook?chapter=4&lang=en")
    row = page.split('id="shape-MembershipHasMember"', 1)[1].split("</tr>", 1)[0]
    assert "violation" in row
    assert "A member listed by the cultivation body that cultivates this cluster lacks" in row
    assert "strip-required-properties" in row
    assert "org:member, org:role" in row  # what the twin removes
    assert str(SHP.MembershipHasMember) in row


def test_a_fixtures_list_of_properties_is_listed_with_a_chinese_comma_in_chinese(
        client: FlaskClient) -> None:
    """What shp:MembershipHasMember's twin removes was `（org:member, org:role）` in Chinese too."""
    page = html(client, "/rulebook?chapter=4&lang=zh")
    row = page.split('id="shape-MembershipHasMember"', 1)[1].split("</tr>", 1)[0]
    assert "（org:member、org:role）" in row


def test_manual_review_prompt_and_modal_verb_are_shown(client: FlaskClient) -> None:
    page = html(client, "/rulebook?chapter=9&lang=zh")
    prompt = load_rulebook().requirements["9.1.3"].review_prompt
    assert prompt and prompt["zh"] in page
    assert "「应」" in page


def test_6_1_2_2_shows_its_requirement_its_permission_and_the_actor_notes(client: FlaskClient) -> None:
    """6.1.2.2's page shows its requirement (应, shall) and, as its part, the permission 6.1.2.2 [may]
    (可, may); 7.4.1 and 7.4.3 say why they bind whom they do."""
    page = html(client, "/rulebook/6.1.2.2?lang=zh")
    shall = page.split('id="req-6.1.2.2"', 1)[1].split("</article>", 1)[0]
    may = page.split('id="req-6.1.2.2-may"', 1)[1].split("</article>", 1)[0]
    assert '<span lang="zh">「应」</span>' in shall and "应（要求）" in shall
    assert '<span lang="zh">「可」</span>' in may and "可（允许）" in may
    assert "可考虑采用集群品牌" in may and "可考虑采用" not in shall.split("</blockquote>", 1)[0]
    page = html(client, "/rulebook?chapter=7&lang=en")
    for pid in ("7.4.1", "7.4.3"):
        block = page.split(f'id="req-{pid}"', 1)[1].split("</article>", 1)[0]
        assert "Why this actor" in block
    assert '<span lang="zh">集群内的企业</span> (the enterprises in the cluster)' in unescape(page)


@pytest.mark.parametrize(("pid", "verbs"), [("6.1", ("应当", "应"))])
def test_modal_verbs_are_listed_in_the_order_the_text_writes_them(client: FlaskClient, pid: str,
                                                                  verbs: tuple[str, ...]) -> None:
    """6.1 「培育主体应当建立…战略应包括…」, the provision with two modal verbs: the rulebook document
    and its page keep the text's order, not the sorted order (应 before 应当), nor the 应
    inside 应当 first."""
    document = load_rulebook_document()
    assert {p for p, entry in document.provisions.items() if len(entry.modal_verbs) > 1} == {"6.1"}
    assert document.provisions[pid].modal_verbs == verbs
    block = html(client, f"/rulebook/{pid}?lang=zh").split(f'id="req-{pid}"', 1)[1]
    assert "".join(f"「{verb}」" for verb in verbs) in block.split("</article>", 1)[0]


@pytest.mark.parametrize(("query", "expected", "absent"), [
    ("chapter=7", {"7.1.1", "7.5.4"}, {"4.1", "8.1.1"}),
    ("level=may", {"8.3.1", "6.1.2.2-may"}, {"4.1", "9.1.3", "6.1.2.2"}),
    ("level=informative&chapter=9", {"9.2.2", "9.3.2-a"}, {"4.3.1", "9.1.3"}),
])
def test_filters_by_chapter_and_level(client: FlaskClient, query: str, expected: set[str],
                                      absent: set[str]) -> None:
    page = html(client, f"/rulebook?{query}&lang=en")
    ids = set(re.findall(r'<article class="provision" id="req-([^"]+)"', page))
    assert expected <= ids and not ids & absent


@pytest.mark.parametrize(("query", "lang", "words"), [
    ("chapter=3", "en", "the catalogue covers chapters 4–9"),
    ("chapter=x", "zh", "请求格式有误"),
    ("level=must", "en", "choose one of shall, should, may, informative"),
])
def test_bad_filters_are_400_and_say_why(client: FlaskClient, query: str, lang: str,
                                         words: str) -> None:
    assert words in html(client, f"/rulebook?{query}&lang={lang}", 400)


def test_a_filter_value_is_escaped_in_the_error(client: FlaskClient) -> None:
    page = html(client, "/rulebook?level=<script>alert(1)</script>", 400)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_rulebook_refuses_post(client: FlaskClient) -> None:
    assert client.post("/rulebook").status_code == 405


# --- a requirement, a shape --------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_requirement_page_has_text_items_and_machine_twins(client: FlaskClient, lang: str) -> None:
    page = html(client, f"/rulebook/4.2.1?lang={lang}")
    rulebook = load_rulebook()
    for item in "abcdefghi":
        assert f'href="/rulebook/4.2.1-{item}"' in page
    assert rulebook.requirements["4.2.1"].text["zh"] in page
    assert rulebook.requirements["4.2.1"].label[lang] in page
    assert 'rel="alternate" type="text/turtle" href="/req/gbt-draft/4.2.1?format=turtle"' in page


def test_requirement_page_of_a_list_item_links_its_lead_in(client: FlaskClient) -> None:
    page = html(client, "/rulebook/4.2.1-a?lang=en")
    assert 'href="/rulebook/4.2.1"' in page and "DutyFulfilled-4.2.1-a" in page
    # The tab and a bookmark name it as the standard numbers it, not by its id.
    assert "<title>4.2.1 a) · Rulebook · bcic</title>" in page
    assert "<title>9.1.4 c) —4 · 规则库 · bcic</title>" in html(client, "/rulebook/9.1.4-c-4?lang=zh")


@pytest.mark.parametrize(("lang", "own", "lead_ins"), [
    ("en", "「应」</span></span> ·", "「应」</span> (carried from its lead-in 4.2.1)</span> ·"),
    ("zh", "「应」</span></span> ·", "「应」</span>（承接引导语 4.2.1）</span> ·")])
def test_a_list_items_modal_verb_badge_says_it_is_its_lead_ins(client: FlaskClient, lang: str,
                                                               own: str, lead_ins: str) -> None:
    """4.2.1 a) writes no 应: the 「应」 its badge shows is 4.2.1's, as `bcic rules show` says."""
    item = " ".join(html(client, f"/rulebook/4.2.1-a?lang={lang}").split())
    assert lead_ins in item and own not in item
    lead_in = " ".join(html(client, f"/rulebook/4.2.1?lang={lang}").split())
    assert lead_in.count(own) == 1  # its own badge; its nine items' say whose verb they carry
    assert lead_in.count(lead_ins) == 9
    part = " ".join(html(client, f"/rulebook/6.1.2.2-may?lang={lang}").split())
    assert "4.2.1" not in part and ("lead-in" not in part if lang == "en" else "承接引导语" not in part)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_9_4_1s_items_show_no_modal_verb_on_their_page(client: FlaskClient, lang: str) -> None:
    """「可能的改进方向包括：」, the sentence that leads in 9.4.1 a)–c), writes no modal verb (9.4.1's 应
    ends with the sentence before it): no badge, as 9.3.2 a)'s shows none."""
    for pid in ("9.4.1-a", "9.3.2-a"):
        item = " ".join(html(client, f"/rulebook/{pid}?lang={lang}").split())
        assert "「应」" not in item and "lead-in 9.4.1" not in item and "承接引导语" not in item


def _headings(page: str) -> list[tuple[int, str]]:
    """The page's headings in order: their level and their text, tags left out."""
    return [(int(level), " ".join(re.sub(r"<[^>]+>", "", text).split()))
            for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page, re.S)]


@pytest.mark.parametrize("path", ["/rulebook", "/rulebook/4.2.2-g", "/rulebook/4.2.1", "/rulebook/4.2",
                                  "/rulebook/7", "/rulebook/6.1.1",
                                  "/rulebook/shapes/MembershipHasMember", "/rulebook/ontology"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rulebook_headings_skip_no_level(client: FlaskClient, path: str, lang: str) -> None:
    """A provision's own page heads it h2 under its h1 (its items h3), not h4 as on /rulebook."""
    levels = [level for level, _text in _headings(html(client, f"{path}?lang={lang}"))]
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:])), levels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_provision_is_headed_by_its_number_once(client: FlaskClient, lang: str) -> None:
    """「4.2.1 a) 地方性法规与执法」, not 「4.2.1-a 4.2.1 a) …」 or 「4.1 4.1 …」 (the labels open
    with the number); one level below its clause, under the standard's headings (4.1 under
    chapter 4, 4.2.1 a) under 4.2 and 4.2.1)."""
    labels = {rid: r.label[lang] for rid, r in load_rulebook().requirements.items()}
    rulebook = _headings(html(client, f"/rulebook?lang={lang}"))
    assert (4, labels["4.1"]) in rulebook and (5, labels["4.2.1-a"]) in rulebook
    assert not [text for _level, text in rulebook if re.match(r"(\S+) \1 ", text)]
    provision = _headings(html(client, f"/rulebook/4.2.2?lang={lang}"))
    assert (2, labels["4.2.2"]) in provision and (3, labels["4.2.2-g"]) in provision
    shape = html(client, f"/rulebook/shapes/DutyFulfilled-4.2.2-g?lang={lang}")
    checks = " ".join(re.sub(r"<[^>]+>", "", shape.split('href="/rulebook/4.2.2-g"')[1]
                             .split("</p>")[0]).split())
    assert checks == ">" + labels["4.2.2-g"]


def test_imperative_clause_says_why_it_is_shall(client: FlaskClient) -> None:
    page = html(client, "/rulebook/7.1.2.2?lang=en")
    assert "no modal verb" in page and "Why this level" in page


@pytest.mark.parametrize(("lang", "words"), [("en", "no provision or section"), ("zh", "页面不存在")])
def test_unknown_requirement_page_is_404(client: FlaskClient, lang: str, words: str) -> None:
    assert words in html(client, f"/rulebook/99.9?lang={lang}", 404)
    answer = client.get("/rulebook/99.9", headers={"Accept": "application/json"})
    assert answer.status_code == 404 and answer.get_json()["ok"] is False


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_shape_page_shows_its_turtle_and_requirement(client: FlaskClient, lang: str) -> None:
    page = html(client, f"/rulebook/shapes/MembershipHasMember?lang={lang}")
    assert 'href="/rulebook/4.1"' in page
    turtle = page.split('<pre class="turtle">', 1)[1].split("</pre>", 1)[0]
    graph = Graph().parse(data=unescape(turtle), format="turtle")
    assert (SHP["MembershipHasMember-complete"], SH.node, SHP.CompleteMembership) in graph
    assert (SHP["CompleteMembership-role"], SH.path, URIRef("http://www.w3.org/ns/org#role")) \
        in graph


def test_helper_shape_page_names_the_shapes_that_use_it(client: FlaskClient) -> None:
    """A helper names the shapes that use it, a guarded shape's check the shape guarding it."""
    page = html(client, "/rulebook/shapes/CompleteMembership?lang=en")
    assert 'href="/rulebook/shapes/MembershipHasMember-complete"' in page
    page = html(client, "/rulebook/shapes/MembershipHasMember-complete?lang=en")
    assert 'href="/rulebook/shapes/MembershipHasMember"' in page


def test_unknown_shape_page_is_404(client: FlaskClient) -> None:
    assert "no shape" in html(client, "/rulebook/shapes/NoSuchShape?lang=en", 404)


# --- ontology and taxonomy ---------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Indicator taxonomy (9.1.4)", "3 categories, 10 groups, 30 indicators",
            "location advantage", "cultivation body"]),
    ("zh", ["指标体系（9.1.4）", "3 个类别，10 个指标组，30 项指标", "区位优势", "培育主体"]),
])
def test_ontology_page_in_both_languages(client: FlaskClient, lang: str,
                                         words: list[str]) -> None:
    page = html(client, f"/rulebook/ontology?lang={lang}")
    for word in words:
        assert word in page, word


def test_ontology_page_has_every_class_and_the_whole_taxonomy(client: FlaskClient) -> None:
    page = html(client, "/rulebook/ontology?lang=en")
    core = Graph().parse(CORE_ONTOLOGY_FILE).parse(DATA_STRUCTURE_FILE)
    classes = {c for c in core.subjects(RDF.type, OWL.Class) if str(c).startswith(str(BCIC))}
    for cls in classes:
        assert f'id="{str(cls).removeprefix(str(BCIC))}"' in page, cls
    scheme = Graph().parse(INDICATORS_FILE)
    concepts = set(scheme.subjects(SKOS.inScheme, IND.IndicatorScheme))
    assert len(concepts) == 43  # 3 categories + 10 groups + 30 indicators
    for concept in concepts:
        notation = scheme.value(concept, SKOS.notation)
        anchor = f'id="ind-{str(concept).removeprefix(str(IND))}"><code>{notation}</code>'
        assert anchor in page, concept
    # Subclasses sit inside their superclass's list item.
    duty = page.index('id="Duty"')
    assert page.rfind('id="Requirement"', 0, duty) != -1


class _Entries(HTMLParser):
    """The text of every element of a page that has an id, by id (an element's text holds that of
    the elements inside it)."""

    _VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "col", "source"}

    def __init__(self, page: str) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.text: dict[str, str] = {}
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self._VOID:
            anchor = dict(attrs).get("id")
            assert anchor not in self.text, f"id {anchor!r} given twice"
            self.open.append((tag, anchor))
            if anchor is not None:
                self.text[anchor] = ""

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        for _tag, anchor in self.open:
            if anchor is not None:
                self.text[anchor] += data


ONTOLOGY_FILES_GRAPH = load_ontology_graph(ALL_ONTOLOGY_FILES)
TERMS = sorted({s for s in ONTOLOGY_FILES_GRAPH.subjects()
                if isinstance(s, URIRef) and s.startswith("https://w3id.org/bcic/")})


def _where_it_leads(client: FlaskClient, iri: URIRef, lang: str,
                    redirects: dict[str, str]) -> tuple[str, str]:
    """The page a browser lands on for `iri`, and the fragment it scrolls to: it asks for the IRI
    less its fragment (at the app's path, docs/iris.md), follows the 303, and keeps the IRI's
    fragment unless the redirect gives one. `redirects` keeps each path's answer (every term of
    the ontology is at /ontology)."""
    path, _, fragment = iri.removeprefix("https://w3id.org/bcic").partition("#")
    if path not in redirects:
        answer = client.get(f"{path}?lang={lang}", headers={"Accept": BROWSER_ACCEPT})
        assert answer.status_code == 303, (iri, answer.status_code)
        redirects[path] = answer.headers["Location"]
    page, _, moved = redirects[path].partition("#")
    return page, moved or fragment


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_term_of_the_ontology_files_has_an_entry_where_its_iri_leads(
        client: FlaskClient, lang: str) -> None:
    """Every subject under https://w3id.org/bcic/ of every ontology file: its IRI leads a browser
    to a page (a provision to its own, /rulebook/<id>) and, for a term of the ontology or the
    indicator scheme, to its entry there (bcic:StandardDraft, the concept schemes, the Data
    Cube's structure and data set, ind:IndicatorScheme had none), which gives its labels in both
    languages and its definition in the page's. The ontology page's anchors are these entries,
    its three sections and every page's `content` (the skip link's target), nothing else."""
    assert len(TERMS) > 600
    pages: dict[str, _Entries] = {}
    redirects: dict[str, str] = {}
    missing, anchors = [], set()
    for iri in TERMS:
        page, anchor = _where_it_leads(client, iri, lang, redirects)
        if page not in pages:
            pages[page] = _Entries(html(client, page))
        if not anchor:
            continue
        anchors.add((page, anchor))
        said = " ".join(pages[page].text.get(anchor, "").split())
        wanted = [str(o) for p in (RDFS.label, SKOS.definition)
                  for o in ONTOLOGY_FILES_GRAPH.objects(iri, p)
                  if isinstance(o, Literal) and (p == RDFS.label or o.language == lang)]
        missing += [f"{iri}: #{anchor} lacks {w!r}" for w in wanted if w not in said]
        if anchor not in pages[page].text:
            missing.append(f"{iri}: no #{anchor} on {page}")
    assert not missing, "\n".join(missing[:20])
    ontology_page = f"/rulebook/ontology?lang={lang}"
    assert set(pages[ontology_page].text) == \
        {a for p, a in anchors if p == ontology_page} | {"classes", "indicators", "properties",
                                                         "content"}


# --- IRIs with content negotiation -------------------------------------------------------------

ITEMS = [
    ("/req/gbt-draft/4.2.1-a", (REQ["4.2.1-a"], BCIC.clauseId, Literal("4.2.1")),
     "/rulebook/4.2.1-a"),
    ("/shapes/gbt-draft/MembersDeclared",
     (SHP.MembersDeclared, BCIC.checksRequirement, REQ["4.1"]), "/rulebook/shapes/MembersDeclared"),
    ("/shapes/gbt-draft/", (SHP["DutyFulfilled-4.2.1-a"], SH.severity, SH.Violation), "/rulebook"),
    ("/indicator/LocationAdvantage", (IND.LocationAdvantage, SKOS.notation, Literal("a.1.1")),
     "/rulebook/ontology#ind-LocationAdvantage"),
    ("/indicator/", (IND.ResourceLevel, SKOS.broader, IND.ProcessCapability),
     "/rulebook/ontology#indicators"),
    ("/ontology", (BCIC.Duty, RDFS.subClassOf, BCIC.Requirement), "/rulebook/ontology"),
    ("/ontology/0.1.0", (URIRef("https://w3id.org/bcic/ontology"), OWL.versionInfo,
                         Literal("0.1.0")), "/rulebook/ontology"),
]


@pytest.mark.parametrize(("path", "triple", "page"), ITEMS)
@pytest.mark.parametrize("media_type", list(RDF_TYPES.values()))
def test_iri_answers_each_rdf_format_with_the_items_triples(
        client: FlaskClient, path: str, triple: tuple, page: str, media_type: str) -> None:  # type: ignore[type-arg]
    response = client.get(path, headers={"Accept": media_type})
    assert response.status_code == 200 and response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]
    assert triple in parsed(response)


@pytest.mark.parametrize(("path", "triple", "page"), ITEMS)
def test_iri_sends_people_to_the_page(client: FlaskClient, path: str, triple: tuple,  # type: ignore[type-arg]
                                      page: str) -> None:
    response = client.get(path, headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 303 and response.headers["Location"] == page
    assert "Accept" in response.headers["Vary"]
    assert client.get(path + "?format=html").status_code == 303


@pytest.mark.parametrize("accept", [BROWSER_ACCEPT, "text/html, application/xhtml+xml, */*"],
                         ids=["wildcard-ranked-lower", "wildcard-ranked-equal"])
def test_a_browser_naming_html_beside_the_wildcard_gets_the_page(client: FlaskClient,
                                                                 accept: str) -> None:
    assert client.get("/req/gbt-draft/4.1", headers={"Accept": accept}).status_code == 303
    assert client.get("/req/gbt-draft/4.1", headers={"Accept": "*/*"}).mimetype == "text/turtle"


def test_redirect_keeps_the_language_choice(client: FlaskClient) -> None:
    response = client.get("/req/gbt-draft/4.1?lang=zh", headers={"Accept": "text/html"})
    assert response.headers["Location"] == "/rulebook/4.1?lang=zh"


def test_format_parameter_overrides_accept(client: FlaskClient) -> None:
    response = client.get("/req/gbt-draft/4.1?format=jsonld", headers={"Accept": "text/html"})
    assert response.mimetype == "application/ld+json"
    assert (REQ["4.1"], RDF.type, BCIC.Requirement) in parsed(response)


@pytest.mark.parametrize(("accept", "media_type"), [
    ("text/turtle;charset=utf-8", "text/turtle"),
    ("text/turtle;q=0, */*;q=0.1", "application/n-triples"),
    ("application/json", "application/json"),
], ids=["parameters-ignored", "q-0-refuses-the-aliases-too", "alias-kept-as-label"])
def test_iri_negotiates_each_format_under_all_its_media_types(client: FlaskClient, accept: str,
                                                              media_type: str) -> None:
    response = client.get("/req/gbt-draft/4.1", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media_type
    assert (REQ["4.1"], RDF.type, BCIC.Requirement) in parsed(response)


def test_no_accept_header_gets_turtle_and_formats_agree(client: FlaskClient) -> None:
    plain = client.get("/req/gbt-draft/9.1.4-a-1")
    assert plain.mimetype == "text/turtle"
    graphs = [parsed(client.get("/req/gbt-draft/9.1.4-a-1", headers={"Accept": t}))
              for t in RDF_TYPES.values()]
    assert all(isomorphic(graphs[0], g) for g in graphs[1:])
    assert isomorphic(graphs[0], parsed(plain))


def test_requirement_document_names_its_shapes_and_review_prompt(client: FlaskClient) -> None:
    graph = parsed(client.get("/req/gbt-draft/4.2.1-a", headers={"Accept": "text/turtle"}))
    assert (SHP["DutyFulfilled-4.2.1-a"], BCIC.checksRequirement, REQ["4.2.1-a"]) in graph
    assert any(graph.objects(REQ["4.2.1-a"], BCIC.reviewPrompt))
    assert set(graph.subjects(RDF.type, BCIC.Requirement)) == {REQ["4.2.1-a"]}


def test_shape_document_includes_the_helper_shapes(client: FlaskClient) -> None:
    graph = parsed(client.get("/shapes/gbt-draft/MembershipHasMember?format=turtle"))
    assert (SHP.CompleteMembership, SH.property, SHP["CompleteMembership-member"]) in graph
    assert (SHP["CompleteMembership-member"], SH.minCount, Literal(1)) in graph
    assert not any(graph.triples((SHP.MembersDeclared, None, None)))


def test_a_guarded_shape_document_includes_its_guard_and_check(client: FlaskClient) -> None:
    """8.1.2's check of a cluster brand lists, under sh:or, the guard (another cluster's brand)
    and the check: both belong to its document, with what they name in turn."""
    graph = parsed(client.get("/shapes/gbt-draft/ClusterBrandHasBrandName?format=turtle"))
    assert (SHP.OtherClustersBrand, SH["not"], SHP.ThisClustersBrand) in graph
    assert (SHP["ClusterBrandHasBrandName-Evidence"], SH.qualifiedValueShape, SHP.IsBrandName) \
        in graph
    assert (SHP["CultivatedCluster-body"], SH.qualifiedMinCount, Literal(1)) in graph


def test_a_guard_page_names_every_shape_it_guards(client: FlaskClient) -> None:
    page = client.get("/rulebook/shapes/OtherClustersBrand").get_data(as_text=True)
    for name in ("ClusterBrandHasBrandName", "ClusterBrandHasBrandStory", "ElementCarrierExists"):
        assert f"shp:{name}<" in page


def test_a_brand_element_frame_shape_document_includes_the_element_guard(client: FlaskClient) -> None:
    """8.1.2's frame of a brand element is guarded by shp:OtherClustersElement, which reads its
    brands through shp:OtherClustersBrand: the document holds both, and the check."""
    graph = parsed(client.get("/shapes/gbt-draft/ByBody-8.1.2-BrandElement?format=turtle"))
    assert (SHP["OtherClustersElement-brand"], SH.node, SHP.OtherClustersBrand) in graph
    assert (SHP.OtherClustersBrand, SH["not"], SHP.ThisClustersBrand) in graph
    assert (SHP["ByBody-8.1.2-BrandElement-Evidence"], SH.qualifiedValueShape,
            SHP.CultivatingBody) in graph


def test_the_element_guard_page_names_the_content_and_frame_shapes(client: FlaskClient) -> None:
    page = client.get("/rulebook/shapes/OtherClustersElement").get_data(as_text=True)
    for name in ("BrandElementContent", "ByBody-8.1.2-BrandElement", "Titled-8.1.2-BrandElement",
                 "Dated-8.1.2-BrandElement", "DateWellFormed-8.1.2-BrandElement"):
        assert f"shp:{name}<" in page


def test_ontology_document_is_the_core_and_data_cube_modules(client: FlaskClient) -> None:
    served = parsed(client.get("/ontology", headers={"Accept": "text/turtle"}))
    files = Graph().parse(CORE_ONTOLOGY_FILE).parse(DATA_STRUCTURE_FILE)
    assert isomorphic(served, files)


def test_hermit_reads_the_ontology_document_as_served_and_finds_it_consistent(
        client: FlaskClient) -> None:
    """What Protégé with HermiT gets from the ontology IRI: OWL 2 DL (no datatype outside OWL 2's
    map, such as xsd:gYear; every Data Cube term declared), consistent, every class satisfiable."""
    served = parsed(client.get("/ontology", headers={"Accept": "application/rdf+xml"}))
    verdict = reason_over(served)
    assert verdict.consistent and verdict.unsatisfiable_classes == ()
    declared = set(served.subjects(RDF.type, None))
    used = {p for p in served.predicates()} | {c for c in served.objects(None, RDF.type)}
    builtin = (str(RDF), str(RDFS), str(OWL))
    assert {t for t in used if not str(t).startswith(builtin)} - declared == set()


def test_indicator_scheme_document_has_the_whole_scheme(client: FlaskClient) -> None:
    served = parsed(client.get("/indicator/?format=ntriples"))
    assert isomorphic(served, Graph().parse(INDICATORS_FILE))


@pytest.mark.parametrize("asked", [{"headers": {"Accept": "application/pdf"}},
                                   {"query_string": {"format": "pdf"}},
                                   {"headers": {"Accept": "text/turtle;q=0, text/html;q=0"}}])
def test_unsupported_format_is_406_listing_what_is_offered(client: FlaskClient,
                                                           asked: dict) -> None:  # type: ignore[type-arg]
    response = client.get("/req/gbt-draft/4.1", **asked)
    assert response.status_code == 406 and "Accept" in response.headers["Vary"]
    assert "turtle (text/turtle)" in response.get_json()["message"]


@pytest.mark.parametrize("path", ["/req/gbt-draft/99.9", "/shapes/gbt-draft/NoSuchShape",
                                  "/indicator/NoSuchIndicator", "/ontology/9.9.9"])
def test_unknown_ids_are_404(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and response.get_json()["status"] == 404
    assert "Accept" in response.headers["Vary"]
    assert client.get(path, headers={"Accept": "text/html"}).status_code == 404


@pytest.mark.parametrize("lang, words", [
    ("en", "takes the concept's local name, such as LocationAdvantage, not its code such as a.1.1"),
    ("zh", "应写概念的本地名称（如 LocationAdvantage），而不是指标编号（如 a.1.1）")])
def test_an_indicator_asked_by_its_9_1_4_code_is_404_saying_the_iri_takes_its_name(
        client: FlaskClient, lang: str, words: str) -> None:
    response = client.get(f"/indicator/a.1.1?lang={lang}", headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and words in response.get_json()["message"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_unknown_id_page_for_people_in_both_languages(client: FlaskClient, lang: str) -> None:
    page = html(client, f"/indicator/NoSuchIndicator?lang={lang}", 404)
    assert ("There is no such page" if lang == "en" else "页面不存在") in page


def test_iris_refuse_post(client: FlaskClient) -> None:
    assert client.post("/req/gbt-draft/4.1").status_code == 405


def test_a_number_shapes_fixture_says_its_twin_writes_the_value_as_text() -> None:
    """shp:Observation-observedValue-number (9.2.3) has a described fixture in both languages."""
    texts = fixture_text(load_rulebook().shapes_graph, SHP["Observation-observedValue-number"],
                         "replace-values-with-text")
    assert "as empty text, which shp:ObservedNumber refuses" in texts["en"]
    assert "空文本" in texts["zh"]


# --- the standard's headings and bcic's titles ---------------------------------------------------

SECTION_IDS = [h.id for h in load_rulebook().headings.values() if not h.provision]


def test_the_sections_are_the_standards_chapters_and_heading_only_clauses() -> None:
    """4–9 and the twenty clauses that only head others (4.2 … 9.4), none of them a provision."""
    assert SECTION_IDS == ["4", "4.2", "4.3", "5", "5.2", "6", "6.1.1", "6.1.2", "7", "7.1",
                           "7.1.2", "7.2", "7.2.1", "7.2.2", "7.3", "7.4", "7.5", "8", "8.1", "8.2",
                           "8.3", "9", "9.1", "9.2", "9.3", "9.4"]
    assert not set(SECTION_IDS) & set(load_rulebook().requirements)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("section", SECTION_IDS)
def test_a_section_page_lists_the_provisions_of_the_clauses_under_it(
        client: FlaskClient, section: str, lang: str) -> None:
    """/rulebook/4.2 is the section 4.2 培育主体成员的职责 with its heading, every provision of
    4.2.1–4.2.3 in clause order and nothing else, not a 404."""
    page = html(client, f"/rulebook/{section}?lang={lang}")
    heading = load_rulebook().headings[section].heading[lang]
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert h1 and unescape(h1[1]).endswith(f" {heading}")
    ids = re.findall(r'<article class="provision" id="req-([^"]+)"', page)
    under = [r.id for r in load_rulebook().requirements.values()
             if r.clause.startswith(section + ".")]
    assert ids == under and under


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_rulebook_groups_the_clauses_under_the_standards_section_headings(
        client: FlaskClient, lang: str) -> None:
    """/rulebook shows each section heading once, in the standard's order, before the first clause
    numbered under it: 4.2 培育主体成员的职责 between 4.1 and 4.2.1, 7.2 and 7.2.1 before 7.2.1.1."""
    page = html(client, f"/rulebook?lang={lang}")
    headings = load_rulebook().headings
    shown = re.findall(r'<h(\d) class="section" id="section-([\d.]+)"><a [^>]*>[\d.]+</a> ([^<]+)</h\1>',
                       page)
    assert [(s, unescape(text)) for _level, s, text in shown] == [
        (s, headings[s].heading[lang]) for s in SECTION_IDS if "." in s]
    order = re.findall(r'id="(?:section|clause)-([\d.]+)"', page)
    assert order.index("4.1") < order.index("4.2") < order.index("4.2.1")
    assert order.index("7.1.2.3") < order.index("7.2") < order.index("7.2.1") < order.index("7.2.1.1")
    levels = {s: int(level) for level, s, _text in shown}
    assert (levels["4.2"], levels["7.2.1"]) == (3, 4)
    assert re.search(r'<section class="clause" id="clause-7\.2\.1\.1">\s*<h5>', page)


def test_a_section_page_heads_its_subsections_one_level_below_its_own(client: FlaskClient) -> None:
    """7.2's page: h1 7.2 无形资源, h2 7.2.1 人文资源, h3 7.2.1.1, its provision h4."""
    page = html(client, "/rulebook/7.2?lang=zh")
    assert '<h2 class="section" id="section-7.2.1">' in page
    assert re.search(r'<section class="clause" id="clause-7\.2\.1\.1">\s*<h3>', page)
    assert 'id="section-7.2"' not in page  # the page's own heading is its h1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bcics_titles_are_marked_as_bcics_and_the_standards_headings_are_not(
        client: FlaskClient, lang: str) -> None:
    """4.3.1 and every list item have bcic's short titles, shown apart with a note; 4.1's and
    4.2.1's are the standard's headings, shown plainly."""
    page = html(client, f"/rulebook?lang={lang}")
    requirements = load_rulebook().requirements

    def clause_heading(clause: str) -> str:
        return page.split(f'id="clause-{clause}">', 1)[1].split("</h", 1)[0]

    for clause in ("4.1", "4.2.1"):
        assert "bcic-title" not in clause_heading(clause)
    assert 'class="bcic-title"' in clause_heading("4.3.1")
    item = page.split('id="req-4.2.1-a"', 1)[1].split("</h", 1)[0]
    title = requirements["4.2.1-a"].label[lang].split(" ", 2)[2]  # "4.2.1 a) 地方性法规与执法"
    assert re.search(r'class="bcic-title" title="[^"]+">' + re.escape(title) + "</span>", unescape(item))
    note = "bcic 为标准未设标题的条款和列项拟定的简称" if lang == "zh" else "bcic's short titles"
    assert note in unescape(page)
    page = html(client, f"/rulebook/4.3.1?lang={lang}")
    assert 'class="bcic-title"' in page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "bcic-title" not in html(client, f"/rulebook/4.1?lang={lang}").split("<h1>", 1)[1].split("</h1>", 1)[0]


def test_a_requirement_page_shows_the_chapter_and_sections_above_it(client: FlaskClient) -> None:
    """6.1.1.1's page leads through 第6章 品牌培育战略 › 6.1 品牌培育战略制定 › 6.1.1 品牌定位."""
    trail = unescape(html(client, "/rulebook/6.1.1.1?lang=zh").split("<h1>", 1)[0])
    assert re.sub(r"<[^>]+>", "", trail).split("返回规则库", 1)[1].strip().startswith(
        "› 第6章 品牌培育战略 › 6.1 品牌培育战略制定 › 6.1.1 品牌定位")


def test_a_sections_iri_serves_its_heading_and_what_it_is_part_of(client: FlaskClient) -> None:
    """https://w3id.org/bcic/req/gbt-draft/4.2: the section's triples (no requirement), and for
    people the section's page (303)."""
    response = client.get("/req/gbt-draft/4.2", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = parsed(response)
    assert (REQ["4.2"], RDF.type, BCIC.Section) in graph
    assert (REQ["4.2"], BCIC.heading, Literal("培育主体成员的职责", lang="zh")) in graph
    assert (REQ["4.2"], URIRef("http://purl.org/dc/terms/isPartOf"), REQ["4"]) in graph
    redirect = client.get("/req/gbt-draft/4.2", headers={"Accept": BROWSER_ACCEPT})
    assert redirect.status_code == 303 and redirect.location.endswith("/rulebook/4.2")
    assert client.get("/req/gbt-draft/4.9", headers={"Accept": "text/turtle"}).status_code == 404


def test_a_shape_asked_by_its_prefixed_name_is_sent_to_its_page(client: FlaskClient) -> None:
    """`/rulebook/shapes/shp:MembersDeclared`, as `bcic rules show shp:MembersDeclared` takes it,
    was 404: now a permanent redirect to the page its local name names, the query kept."""
    answer = client.get("/rulebook/shapes/shp:MembersDeclared?lang=en", headers={"Accept": "text/html"})
    assert answer.status_code == 301
    assert answer.headers["Location"] == "/rulebook/shapes/MembersDeclared?lang=en"
    followed = client.get("/rulebook/shapes/shp:MembersDeclared?lang=en", headers={"Accept": "text/html"},
                          follow_redirects=True)
    assert followed.status_code == 200
    page = html(client, "/rulebook/shapes/MembersDeclared?lang=en")
    assert followed.get_data(as_text=True) == page
    assert client.get("/rulebook/shapes/shp:NoSuchShape", follow_redirects=True,
                      headers={"Accept": "text/html"}).status_code == 404


@pytest.mark.parametrize(("lang", "said", "nearest"), [
    ("en", "no shape 'CrisisSourcs' in the rulebook's shapes; did you mean shp:CrisisSources",
     "The nearest pages:"),
    ("zh", "规则库的形状中没有 'CrisisSourcs'；是否应为 shp:CrisisSources", "最接近的页面：")])
def test_an_unknown_shapes_page_links_the_nearest_shapes_as_rules_show_names_them(
        client: FlaskClient, lang: str, said: str, nearest: str) -> None:
    """`/rulebook/shapes/shp:CrisisSourcs` was sent on to a 404 that named no shape, where `bcic
    rules show shp:CrisisSourcs` named the nearest: the page names and links them now."""
    answer = client.get(f"/rulebook/shapes/shp:CrisisSourcs?lang={lang}", follow_redirects=True,
                        headers={"Accept": "text/html"})
    page = unescape(answer.get_data(as_text=True))
    assert answer.status_code == 404 and said in page and nearest in page
    assert '<a href="/rulebook/shapes/CrisisSources"><code>shp:CrisisSources</code></a>' in page
    assert client.get("/rulebook/shapes/CrisisSources").status_code == 200
