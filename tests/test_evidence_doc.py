"""docs/evidence.md, where reports send a submitter, says what the shapes ask: every hint points
to an anchored row of its clause, and that row names every property and class the provision's
shapes require (the frame section names those every provision shares), so that no one has to
guess a term the report then asks for (9.2.1's bcic:specifiesIndicator was missing); and it says
which classes are documents (prov:wasAttributedTo, a title) and which activities
(prov:wasAssociatedWith), as the ontology and shapes/provenance.ttl make them (a tester recorded
6.1.1.2's review and 9.4.1's improvement action as documents)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, SH, SKOS
from rdflib.term import Node

from checker.i18n import LANGUAGES, Lang, message
from checker.notation import provision_notation
from checker.namespaces import BCIC
from checker.paths import PROJECT_ROOT, SHAPES_DIR
from checker.rulebook import Requirement, load_rulebook
from checker.shape_guards import guarded_checks
from test_provenance_shapes import ACTED_BY_MEMBERS

EVIDENCE_DOC = PROJECT_ROOT / "docs" / "evidence.md"
EVIDENCE_DOC_ZH = PROJECT_ROOT / "docs" / "evidence.zh.md"  # the same rows, in Chinese
# The heading of the frame every provision builds on, in either document.
_FRAME = re.compile(r"^## (?:The frame of every submission|每份提交材料的框架)$", re.MULTILINE)
_ANCHOR = re.compile(r'<a id="[^"]+" name="[^"]+"></a>')
# Steps the ontology supplies beside the data (the class hierarchy, the indicator scheme's
# broader links), and rdf:type, which "a `bcic:X`" says: no row needs to name them.
_UNWRITTEN = frozenset({RDF.type, RDFS.subClassOf, SKOS.broader})
# A run of class names listed together (`bcic:BrandName`, `BrandLogo`), and the mark after it.
_LISTED = re.compile(r"^(?:, | and | or )$")
_MARK = re.compile(r"s? \((documents?|activity|activities)\b")
# The same in docs/evidence.zh.md: `bcic:BrandName`、“品牌标志”`BrandLogo`, then （文件 or （活动.
_LISTED_ZH = re.compile(r"^(?:、|和|或)(?:“[^”]+”)?$")
_MARK_ZH = re.compile(r"（(文件|活动)")


@cache
def _text() -> str:
    return EVIDENCE_DOC.read_text(encoding="utf-8")


def _frame(text: str) -> str:
    """The section every provision builds on: the frame of every submission."""
    return _FRAME.split(text, 1)[1].split("\n## ", 1)[0]


def _section(clause: str, text: str) -> list[str]:
    """The table rows of a clause: its anchored row and the unanchored rows after it."""
    rows: list[str] = []
    inside = False
    for line in text.splitlines():
        if line.startswith("| <a id="):
            inside = line.startswith(f'| <a id="{clause.replace(".", "-")}" ')
        elif not line.startswith("|"):
            inside = False
        if inside:
            rows.append(line)
    return rows


def _row(requirement: Requirement, text: str) -> str:
    """The row of a provision: a list item's own (6.2 b)) where its clause has one, else the
    clause's rows, which its items share."""
    rows, notation = _section(requirement.clause, text), provision_notation(requirement.id, "en")
    own = [row for row in rows if _ANCHOR.sub("", row.split("|")[1]).strip() == notation]
    return "\n".join(own if requirement.parent and own else rows)


def _named(term: URIRef, text: str, namespaces: Graph) -> bool:
    """Whether `text` names the term by its prefixed name, or a bcic: term by its local name
    alone in a list that began with a prefixed one (`bcic:PolicyEnvironment`,
    `EconomicEnvironment`)."""
    prefixed = term.n3(namespaces.namespace_manager)
    prefix, _, local = prefixed.partition(":")
    return (re.search(rf"(?<![\w:]){re.escape(prefixed)}(?![\w-])", text) is not None
            or (prefix == "bcic" and f"`{local}`" in text))


def _required(shapes: Graph, shape: Node, top: bool = True) -> Iterator[tuple[Node, bool]]:
    """Each term a shape requires (its targets, the properties of its path, sh:class and
    sh:hasValue, through sh:property, sh:node, qualified value shapes and a guarded shape's
    checks), with whether it is a target."""
    if top:
        for target in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            yield from ((term, True) for term in shapes.objects(shape, target))
    if (path := shapes.value(shape, SH.path)) is not None:
        yield from ((term, False) for term in _path_terms(shapes, path))
    for constraint in (SH["class"], SH.hasValue):
        yield from ((term, False) for term in shapes.objects(shape, constraint))
    for link in (SH.property, SH.node, SH.qualifiedValueShape):
        for inner in shapes.objects(shape, link):
            yield from _required(shapes, inner, top=False)
    for check in guarded_checks(shapes, shape):  # the guard only sets the check aside
        yield from _required(shapes, check, top=False)


def _path_terms(shapes: Graph, path: Node) -> Iterator[Node]:
    if isinstance(path, URIRef):
        yield path
        return
    for form in (SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath):
        if (inner := shapes.value(path, form)) is not None:
            yield from _path_terms(shapes, inner)
            return
    listed = shapes.value(path, SH.alternativePath) or path
    for step in Collection(shapes, listed):
        yield from _path_terms(shapes, step)


def _unnamed(requirement: Requirement, text: str) -> list[str]:
    """The terms the provision's shapes require that neither its row of `text` nor, for any
    but its targets, the frame names. A duty's shapes target the duty itself, which the list's
    row writes once for all its items: `req:4.2.1-x`."""
    rulebook = load_rulebook()
    row, frame, ontology = _row(requirement, text), _frame(text), rulebook.labels_graph
    missing = set()
    for shape in requirement.shapes:
        for term, target in _required(rulebook.shapes_graph, shape):
            if not isinstance(term, URIRef) or term in _UNWRITTEN:
                continue
            if term == requirement.iri and f"req:{requirement.clause}-x" in row:
                continue
            if not (_named(term, row, ontology) or (not target and _named(term, frame, ontology))):
                missing.add(term.n3(ontology.namespace_manager))
    return sorted(missing)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_hint_points_to_an_anchored_row_of_its_clause(lang: Lang) -> None:
    """In the evidence profile of the report's language (docs/evidence.md, evidence.zh.md)."""
    rulebook = load_rulebook()
    for rid, guidance in rulebook.guidance.items():
        clause = rulebook.requirements[rid].clause
        document, _, anchor = guidance.see(lang).partition("#")
        text = (PROJECT_ROOT / document).read_text(encoding="utf-8")
        # Kept as id and name: GitHub keeps `name`, other renderers `id`.
        row = re.search(rf'^\| <a id="{anchor}" name="{anchor}"></a>{re.escape(clause)}\b',
                        text, re.MULTILINE)
        assert row, (lang, rid)
    informative = [r for r in rulebook.requirements.values() if r.level.value == "informative"]
    assert all(r.id not in rulebook.guidance for r in informative)
    shall = [r for r in rulebook.requirements.values() if r.level.value in ("shall", "may")]
    assert all(r.id in rulebook.guidance for r in shall)


@pytest.mark.parametrize("rid", [rid for rid, r in load_rulebook().requirements.items()
                                 if r.shapes])
def test_the_row_of_a_provision_names_every_term_its_shapes_require(rid: str) -> None:
    assert _unnamed(load_rulebook().requirements[rid], _text()) == []


@pytest.mark.parametrize("rid", [rid for rid, r in load_rulebook().requirements.items()
                                 if r.shapes])
def test_the_chinese_row_of_a_provision_names_every_term_its_shapes_require(rid: str) -> None:
    """A Chinese reader is asked for the same terms: docs/evidence.zh.md cannot drift either."""
    text = EVIDENCE_DOC_ZH.read_text(encoding="utf-8")
    assert _unnamed(load_rulebook().requirements[rid], text) == []


def test_the_row_of_9_2_1_names_how_a_specification_names_its_indicator() -> None:
    """The tester guessed bcic:indicator, the observations' property: the row named none."""
    row = _row(load_rulebook().requirements["9.2.1"], _text())
    assert "`bcic:specifiesIndicator`" in row and "bcic:specifiesIndicator" not in _frame(_text())
    # and the check would say so: the row less that name
    without = _text().replace("`bcic:specifiesIndicator`", "its indicator")
    assert _unnamed(load_rulebook().requirements["9.2.1"], without) == ["bcic:specifiesIndicator"]


def _kind(cls: Node, ontology: Graph) -> str | None:
    """"activity" for a subclass of prov:Activity, "document" for one of bcic:ClusterDocument (the
    frame of docs/evidence.md), None for any other class."""
    above = set(ontology.transitive_objects(cls, RDFS.subClassOf))
    if PROV.Activity in above:
        return "activity"
    return "document" if BCIC.ClusterDocument in above else None


def _class_named(written: str, ontology: Graph) -> URIRef | None:
    """The bcic: class a backquoted name names (`bcic:KPISystem`, or `BrandLogo` in a list)."""
    local = written.removeprefix("bcic:")
    if not re.fullmatch(r"[A-Z]\w*", local) or (BCIC[local], RDF.type, OWL.Class) not in ontology:
        return None
    return BCIC[local]


def _mark_problems(row: str, ontology: Graph, listed: re.Pattern[str] = _LISTED,
                   marks: re.Pattern[str] = _MARK) -> list[str]:
    """Where a row leaves the first mention of a class of document or activity unmarked, or
    marks a run of classes other than as the ontology makes them (`listed` joins a run,
    `marks` is the mark after it: English by default)."""
    runs: list[list[tuple[re.Match[str], URIRef]]] = []
    for written in re.finditer(r"`([^`]+)`", row):
        if (cls := _class_named(written.group(1), ontology)) is None:
            runs.append([])
        elif runs and runs[-1] and listed.match(row[runs[-1][-1][0].end():written.start()]):
            runs[-1].append((written, cls))
        else:
            runs.append([(written, cls)])
    problems, seen = [], set()
    for run in filter(None, runs):
        names = ", ".join(written.group(1) for written, _cls in run)
        kinds = {_kind(cls, ontology) for _written, cls in run}
        mark = marks.match(row, run[-1][0].end())
        if mark is not None and kinds != {"document" if mark[1][0] in "d文" else "activity"}:
            problems.append(f"{names} marked {mark[1]}, but {sorted(map(str, kinds))}")
        first = {cls for _written, cls in run} - seen
        if mark is None and {_kind(cls, ontology) for cls in first} - {None}:
            problems.append(f"{names} unmarked")
        seen |= first
    return problems


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines()
            if line.startswith("| ") and not line.startswith(("| provision", "| 条款", "| ---"))]


def test_every_row_marks_each_class_of_document_or_activity_it_names_as_the_ontology_does() -> None:
    ontology = load_rulebook().labels_graph
    rows = _table_rows(_text())
    assert len(rows) > 60
    assert {row.split("|")[1]: _mark_problems(row, ontology) for row in rows} == {
        row.split("|")[1]: [] for row in rows}


def test_every_chinese_row_marks_each_class_of_document_or_activity_as_the_ontology_does() -> None:
    """docs/evidence.zh.md says （文件） and （活动） where docs/evidence.md says which."""
    ontology = load_rulebook().labels_graph
    rows = _table_rows(EVIDENCE_DOC_ZH.read_text(encoding="utf-8"))
    assert len(rows) == len(_table_rows(_text()))
    assert {row.split("|")[1]: _mark_problems(row, ontology, _LISTED_ZH, _MARK_ZH)
            for row in rows} == {row.split("|")[1]: [] for row in rows}
    # and the check would see a wrong mark: 6.1.1.2's review is an activity
    (review,) = [row for row in rows if '"6-1-1-2"' in row]
    wrong = review.replace("`bcic:PositioningReview`（活动", "`bcic:PositioningReview`（文件")
    assert _mark_problems(wrong, ontology, _LISTED_ZH, _MARK_ZH)


@pytest.mark.parametrize("clause, cls, kind", [
    ("6.1.1.2", "bcic:PositioningReview", "activity"),
    ("9.4.1", "bcic:ImprovementAction", "activity"),
    ("9.4.1", "bcic:PerformanceEvaluation", "activity"),
    ("8.1.2", "BrandStory", "documents"),
    ("9.2.1", "bcic:MeasurementSpecification", "document"),
])
def test_the_rows_a_tester_misread_say_which_is_an_activity(clause: str, cls: str,
                                                             kind: str) -> None:
    ontology = load_rulebook().labels_graph
    (row,) = _section(clause, _text())
    assert f"`{cls}` ({kind}" in row
    wrong = "activity" if kind.startswith("document") else "document"
    assert _mark_problems(row.replace(f"`{cls}` ({kind}", f"`{cls}` ({wrong}"), ontology)
    assert _mark_problems(row.replace(f"`{cls}` ({kind})", f"`{cls}`"), ontology)


def test_the_ontology_makes_documents_and_activities_as_shapes_provenance_ttl_frames_them() -> None:
    """What the marks follow (the ontology) is what is checked: the body named by
    prov:wasAssociatedWith on an activity, by prov:wasAttributedTo with a title on a document."""
    ontology = load_rulebook().labels_graph
    frame = Graph().parse(SHAPES_DIR / "provenance.ttl")
    asked: dict[Node, set[Node]] = {}
    for shape, cls in frame.subject_objects(SH.targetClass):
        for check in (shape, *guarded_checks(frame, shape)):
            asked.setdefault(cls, set()).update(frame.objects(check, SH.path))
    assert len(asked) > 60
    by_members = {cls for cls, _clause in ACTED_BY_MEMBERS}  # no body asked: 7.4.2, 7.4.3, 7.4.4
    for cls, paths in asked.items():
        body = set() if cls in by_members else {PROV.wasAssociatedWith, PROV.wasAttributedTo}
        if _kind(cls, ontology) == "activity":
            assert body - {PROV.wasAttributedTo} <= paths, cls
            assert PROV.wasAttributedTo not in paths, cls
        else:
            assert _kind(cls, ontology) == "document", cls
            assert {DCTERMS.title} | body - {PROV.wasAssociatedWith} <= paths, cls
            assert PROV.wasAssociatedWith not in paths, cls


@pytest.mark.parametrize("doc, lang", [(EVIDENCE_DOC, "en"), (EVIDENCE_DOC_ZH, "zh")])
def test_the_profile_says_the_cli_html_report_names_the_command_not_this_page(
        doc: Path, lang: Lang) -> None:
    """An HTML report the CLI writes links no server and may travel without the repository, so
    its hints end with the command that shows the provision (checker/render/guidance_view.py),
    never with this page: the profile quotes that pointer (8.2.6's) and lists that report among
    none that point here."""
    pointer = message("report.guidance.see_rules_show", lang, provision="8.2.6", id="8.2.6")
    text = " ".join(doc.read_text(encoding="utf-8").split())
    assert pointer in text
    assert "HTML reports the CLI writes, point here" not in text
    assert "以及命令行写出的 HTML 报告，都指向 docs/evidence.md" not in text


def test_the_readme_names_the_near_namespace_note() -> None:
    """The README lists the report's notes: the namespaces close to the standard's among them
    (decision 15), by the heading the report gives them in zh and en."""
    text = " ".join((PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split())
    for lang in LANGUAGES:
        assert message("report.namespaces.heading", lang) in text
