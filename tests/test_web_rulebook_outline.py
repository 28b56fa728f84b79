"""A provision's rulebook page says each shape's path and constraints, the shapes they nest in
lists beneath them, and where the shapes files write each, in the words `bcic rules show` prints:
both take them from checker/render/shape_said.py. A maintainer reads a shape on the page without
the command line, and a pattern such as `^<.*>$` is shown as text, not markup. A lead-in's page
says its list items' shapes the same way, and a shape's own page says that shape's."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from checker import cli_rules
from checker.cli import main
from checker.linked_data import shape_users
from checker.namespaces import SHP
from checker.ontology import load_ontology_graph
from checker.paths import ALL_ONTOLOGY_FILES, SHAPES_DIR
from checker.provision_sheet import provision_sheet, shape_outlines
from checker.render.shape_said import SaidLine, outline_said
from checker.rulebook import load_rulebook
from checker.rulebook_document import (RulebookDocument, build_rulebook_document,
                                       load_rulebook_document)
from web import rulebook as rulebook_views

HTML = {"Accept": "text/html"}
Tree = list[tuple[str, "Tree"]]
# shp:CrisisSources (8.3.4 —2) given a pattern that looks like markup and a SPARQL constraint with
# its comment and message in both languages.
ADDED = """shp:CrisisSources sh:pattern "^<.*>$" ; sh:sparql [
    rdfs:comment "每个危机来源只记录一次（8.3.4 —2）"@zh , "each crisis source recorded once (8.3.4 —2)"@en ;
    sh:message "危机来源重复记录（8.3.4 —2）"@zh , "A crisis source is recorded twice (8.3.4 —2)"@en ;
    sh:select \"\"\"SELECT $this WHERE { $this <https://w3id.org/bcic/ontology#hasCrisisSource> ?s .
        FILTER (false) }\"\"\" ] .
"""
SPARQL_SAID = {
    "en": "a SPARQL query finds no violation: each crisis source recorded once (8.3.4 —2) (its "
          "message: “A crisis source is recorded twice (8.3.4 —2)”) (sh:sparql)",
    "zh": "SPARQL 查询未发现违反：每个危机来源只记录一次（8.3.4 —2）（其消息：“危机来源重复记录（8.3.4 —2）”）"
          "（sh:sparql）"}


class _Outline(HTMLParser):
    """The nested lists of `ul#outline-<shape>` as (line, lines beneath it) pairs."""

    def __init__(self, page: str, shape: str) -> None:
        super().__init__()
        self._id = f"outline-{shape}"
        self._stack: list[Tree] = []
        self._items: list[list[object]] = []
        self.tree: Tree | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "ul" and (self._stack or dict(attrs).get("id") == self._id):
            lines: Tree = []
            if self._items:
                self._items[-1][1] = lines
            self._stack.append(lines)
        elif tag == "li" and self._stack:
            self._items.append(["", []])

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._items:
            text, lines = self._items.pop()
            self._stack[-1].append((" ".join(str(text).split()), lines))  # type: ignore[arg-type]
        elif tag == "ul" and self._stack:
            done = self._stack.pop()
            if not self._stack:
                self.tree = done

    def handle_data(self, data: str) -> None:
        if self._items and not self._items[-1][1]:
            self._items[-1][0] = str(self._items[-1][0]) + data


def _tree(lines: tuple[SaidLine, ...]) -> Tree:
    return [(line.text, _tree(line.lines)) for line in lines]


def _flat(tree: Tree, depth: int = 0) -> list[tuple[int, str]]:
    return [pair for text, lines in tree for pair in [(depth, text), *_flat(lines, depth + 1)]]


def _page(client: FlaskClient, provision: str, lang: str) -> str:
    answer = client.get(f"/rulebook/{provision}?lang={lang}", headers=HTML)
    assert answer.status_code == 200
    return answer.get_data(as_text=True)


def _line_of(path: Path, opening: str) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith(opening))
    return f"{path.parent.name}/{path.name}:{number}"


@pytest.fixture
def client(make_web_app, tmp_path: Path) -> FlaskClient:  # type: ignore[no-untyped-def]
    return make_web_app(tmp_path / "store").test_client()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_says_each_shapes_path_and_constraints_as_rules_show_does(
        client: FlaskClient, lang: str) -> None:
    """7.1.1: every shape's lines, nested as the library nests them, the same lines as the CLI's
    text prints beneath that shape, at the depths it indents them."""
    document = load_rulebook_document()
    sheet = provision_sheet(document, "7.1.1")
    page = _page(client, "7.1.1", lang)
    printed = CliRunner().invoke(main, ["rules", "show", "7.1.1", "--lang", lang]).stdout
    for shape in sheet.provision.shapes:
        expected = _tree(outline_said(sheet.outlines[shape.iri], lang))
        assert expected and _Outline(page, shape.name).tree == expected, shape.name
        lines = [f"{'  ' * (3 + depth)}{text}" for depth, text in _flat(expected)]
        assert "\n".join(lines) in printed, shape.name
        assert f"<code>{shape.defined_at}</code>" in page


CULTIVATING = _line_of(SHAPES_DIR / "provenance.ttl", "shp:CultivatingBody ")
CULTIVATES = _line_of(SHAPES_DIR / "provenance.ttl", "shp:CultivatingBody-cultivates ")


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", [("path: prov:wasAttributedTo — “attributed to” (prov:wasAttributedTo)", []),
            ("at least 1 value(s) conform to (sh:qualifiedValueShape):", [
                (f"shp:CultivatingBody · {CULTIVATING}", [
                    ("each value is of the class “cultivation body” (bcic:CultivationBody) "
                     "(sh:class)", []),
                    ("each value meets the property shape (sh:property):", [
                        (f"shp:CultivatingBody-cultivates · {CULTIVATES}", [
                            ("path: bcic:cultivates — “cultivated cluster” (bcic:cultivates)", []),
                            ("at least 1 value(s) (sh:minCount)", [])])])])])]),
    ("zh", [("路径：prov:wasAttributedTo —— “归属方”（prov:wasAttributedTo）", []),
            ("至少 1 个值符合（sh:qualifiedValueShape）：", [
                (f"shp:CultivatingBody · {CULTIVATING}", [
                    ("每个值均属于类“培育主体”（bcic:CultivationBody）（sh:class）", []),
                    ("每个值均满足属性形状（sh:property）：", [
                        (f"shp:CultivatingBody-cultivates · {CULTIVATES}", [
                            ("路径：bcic:cultivates —— “所培育的产业集群”（bcic:cultivates）", []),
                            ("至少 1 个值（sh:minCount）", [])])])])])])])
def test_a_qualified_shape_of_7_1_1_is_read_nested_on_its_page(
        client: FlaskClient, lang: str, expected: Tree) -> None:
    """shp:ByBody-7.1.1-InfrastructureRenewalPlan: attributed to at least one cultivation body
    that cultivates the cluster, with the file and line of the shape and of each it nests."""
    page = _page(client, "7.1.1", lang)
    assert _Outline(page, "ByBody-7.1.1-InfrastructureRenewalPlan").tree == expected
    written = _line_of(SHAPES_DIR / "provenance.ttl", "shp:ByBody-7.1.1-InfrastructureRenewalPlan ")
    label = {"en": "Written at: ", "zh": "所在位置："}[lang]
    assert f"{label}<code>{written}</code>" in page


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory: pytest.TempPathFactory) -> RulebookDocument:
    """The rule files with ADDED appended to the shapes of chapter 8."""
    copy = tmp_path_factory.mktemp("rules") / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    with (copy / "ch8-branding.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write("\n" + ADDED)
    return build_rulebook_document(load_rulebook(copy), load_ontology_graph(ALL_ONTOLOGY_FILES))


PATTERN_SAID = {"en": "each value matches the pattern ^<.*>$ (sh:pattern)",
                "zh": "每个值均符合模式 ^<.*>$（sh:pattern）"}


def _lines_said(page: str, name: str) -> list[str]:
    """The lines of a shape's outline on a page, depth aside."""
    return [line for _depth, line in _flat(_Outline(page, name).tree or [])]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pattern_like_markup_is_shown_as_text_and_a_sparql_constraint_by_its_words(
        client: FlaskClient, marked_up: RulebookDocument, monkeypatch: pytest.MonkeyPatch,
        lang: str) -> None:
    monkeypatch.setattr(rulebook_views, "load_rulebook_document", lambda: marked_up)
    page = _page(client, "8.3.4-2", lang)
    assert "^&lt;.*&gt;$" in page and "^<.*>$" not in page
    said = _lines_said(page, "CrisisSources")
    assert PATTERN_SAID[lang] in said and SPARQL_SAID[lang] in said


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_show_says_a_sparql_constraint_by_its_comment_and_message(
        marked_up: RulebookDocument, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setattr(cli_rules, "load_rulebook_document", lambda: marked_up)
    printed = CliRunner().invoke(main, ["rules", "show", "8.3.4 —2", "--lang", lang])
    assert printed.exit_code == 0, printed.output
    assert f"      {SPARQL_SAID[lang]}\n" in printed.stdout


def _beneath(tree: Tree, opening: str) -> Tree:
    """The lines beneath the first line of `tree` (however deep) that starts with `opening`."""
    for text, lines in tree:
        if text.startswith(opening):
            return lines
        if found := _beneath(lines, opening):
            return found
    return []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_lead_ins_page_says_each_items_shapes_beneath_the_item_as_its_own_page_does(
        client: FlaskClient, lang: str) -> None:
    """4.2.1's items a)–i) have shapes of their own: on the lead-in's page each item's shapes are
    said beneath the item, in the lines the item's own sheet gives, inside the item's closed
    list of shapes (a maintainer opens one item; 4.2.1's items say some 800 lines)."""
    document = load_rulebook_document()
    page = _page(client, "4.2.1", lang)
    items = provision_sheet(document, "4.2.1").items
    assert len(items) == 9
    for item in items:
        sheet = provision_sheet(document, item.requirement.id)
        article = page.split(f'<article class="provision" id="req-{item.requirement.id}">')[1]
        article = article.split("</article>")[0]
        assert "<details open" not in article
        for shape in sheet.provision.shapes:
            expected = _tree(outline_said(sheet.outlines[shape.iri], lang))
            assert expected and _Outline(article, shape.name).tree == expected, shape.name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_checking_shapes_page_says_its_path_and_constraints_as_its_provisions_page_does(
        client: FlaskClient, lang: str) -> None:
    """shp:DutyPeriod-4.2.1-i on its own page: the lines of 4.2.1 i)'s sheet for it."""
    sheet = provision_sheet(load_rulebook_document(), "4.2.1-i")
    expected = _tree(outline_said(sheet.outlines[SHP["DutyPeriod-4.2.1-i"]], lang))
    page = client.get(f"/rulebook/shapes/DutyPeriod-4.2.1-i?lang={lang}", headers=HTML)
    assert expected and _Outline(page.get_data(as_text=True), "DutyPeriod-4.2.1-i").tree == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_helper_shapes_page_says_its_path_and_constraints_and_where_it_is_written(
        client: FlaskClient, lang: str) -> None:
    """shp:CultivatingBody, which the shapes of several provisions nest (7.1.1's among them): on
    its own page the lines 7.1.1's sheet says beneath it, and its file and line."""
    document = load_rulebook_document()
    assert len(shape_users(document, "CultivatingBody")) > 1
    sheet = provision_sheet(document, "7.1.1")
    used = _tree(outline_said(sheet.outlines[SHP["ByBody-7.1.1-InfrastructureRenewalPlan"]], lang))
    expected = _beneath(used, f"shp:CultivatingBody · {CULTIVATING}")
    page = client.get(f"/rulebook/shapes/CultivatingBody?lang={lang}", headers=HTML)
    text = page.get_data(as_text=True)
    assert expected and _Outline(text, "CultivatingBody").tree == expected
    label = {"en": "Written at: ", "zh": "所在位置："}[lang]
    assert f"{label}<code>{CULTIVATING}</code>" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_shapes_page_shows_a_pattern_like_markup_as_text(
        client: FlaskClient, marked_up: RulebookDocument, monkeypatch: pytest.MonkeyPatch,
        lang: str) -> None:
    monkeypatch.setattr(rulebook_views, "load_rulebook_document", lambda: marked_up)
    page = client.get(f"/rulebook/shapes/CrisisSources?lang={lang}", headers=HTML)
    text = page.get_data(as_text=True)
    said = _lines_said(text, "CrisisSources")
    assert PATTERN_SAID[lang] in said and SPARQL_SAID[lang] in said and "^<.*>$" not in text


DECLARATION = '[ sh:prefix "b" ; sh:namespace "https://w3id.org/bcic/ontology#"^^xsd:anyURI ]'
DECLARED = f"[ sh:declare {DECLARATION} ]"
NOT_SHAPES = f"""shp:DeclaredPrefixes sh:declare {DECLARATION} .
shp:PrefixedShape a sh:NodeShape ; sh:targetClass bcic:ClusterBrand ; sh:prefixes {DECLARED} .
"""


@pytest.fixture(scope="module")
def declaring(tmp_path_factory: pytest.TempPathFactory) -> RulebookDocument:
    """The rule files with NOT_SHAPES appended to the shapes of chapter 8: a named node of
    sh:declare (what a SPARQL constraint's sh:prefixes names), and a shape holding a blank one."""
    copy = tmp_path_factory.mktemp("declaring") / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    with (copy / "ch8-branding.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write("\n" + NOT_SHAPES)
    return build_rulebook_document(load_rulebook(copy), load_ontology_graph(ALL_ONTOLOGY_FILES))


def test_a_node_that_is_no_shape_has_no_shape_page(
        client: FlaskClient, declaring: RulebookDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    """shp:DeclaredPrefixes was shown as "Shape …" with `<nc23a…> (sh:declare)`: 404 now, as an
    unknown shape's."""
    monkeypatch.setattr(rulebook_views, "load_rulebook_document", lambda: declaring)
    for name in ("DeclaredPrefixes", "NoSuchShape"):
        assert client.get(f"/rulebook/shapes/{name}", headers=HTML).status_code == 404, name
    assert client.get("/rulebook/shapes/PrefixedShape", headers=HTML).status_code == 200


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_outline_says_a_blank_node_in_words_never_by_its_id(
        client: FlaskClient, declaring: RulebookDocument, monkeypatch: pytest.MonkeyPatch,
        lang: str) -> None:
    monkeypatch.setattr(rulebook_views, "load_rulebook_document", lambda: declaring)
    page = client.get(f"/rulebook/shapes/PrefixedShape?lang={lang}", headers=HTML)
    said = _lines_said(page.get_data(as_text=True), "PrefixedShape")
    assert said == [{"en": "a node written in place, without a name (sh:prefixes)",
                     "zh": "就地写出的无名节点（sh:prefixes）"}[lang]]


def test_nested_shapes_are_read_in_the_order_their_parent_lists_them(
        client: FlaskClient) -> None:
    """shp:CompleteSpecification (9.2.1's specification) names shp:OwnRecord (sh:node), then its
    six parts in 9.2.1's order (sh:property): the outline read them by name (sh:node first, then
    calculation, collection, content …), then by the line opening each (shp:OwnRecord, further
    down the file, last); it reads them as the parent lists them now, the page and `bcic rules
    show` alike, since both say the library's outline."""
    written = ["shp:OwnRecord", *(f"shp:CompleteSpecification-{part}" for part in (
        "content", "source", "collection", "calculation", "period", "responsible"))]
    common = (SHAPES_DIR / "common.ttl").read_text(encoding="utf-8")
    parent = common[common.index("shp:CompleteSpecification a "):]
    assert sorted(written, key=lambda name: parent.index(name + " ")) == written
    outline = shape_outlines(load_rulebook_document(), [SHP.CompleteSpecification])[
        SHP.CompleteSpecification]
    assert [inner.name for c in outline.constraints for inner in c.shapes] == written
    page = client.get("/rulebook/shapes/CompleteSpecification?lang=en", headers=HTML)
    tree = _Outline(page.get_data(as_text=True), "CompleteSpecification").tree
    assert tree is not None
    nested = [text.split(" ")[0] for _said, lines in tree for text, _beneath in lines]
    assert nested == written
