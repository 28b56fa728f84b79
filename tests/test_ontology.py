"""Loading the ontology files and counting only the terms of the project's namespaces."""

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.ontology import TermKind, defined_terms, load_ontology_graph, ontology_summary
from checker.paths import REQUIREMENTS_FILE
from tests.catalogue_counts import COUNTS, UPDATE

TurtleWriter = Callable[[str, str], Path]  # the write_turtle fixture of conftest.py

SMALL_ONTOLOGY = """
bcic:Requirement a owl:Class .
bcic:Duty a owl:Class ; rdfs:subClassOf bcic:Requirement .
bcic:bindsActor a owl:ObjectProperty .
bcic:chapter a owl:DatatypeProperty .
bcic:clauseRef a owl:AnnotationProperty .
bcic:normativeLevel a owl:ObjectProperty .
bcic:Shall a owl:NamedIndividual .
bcic:May a owl:NamedIndividual .
skos:Concept a owl:Class .
skos:definition a owl:AnnotationProperty .
ex:Other a owl:Class .
req:4.1 a bcic:Requirement ; bcic:normativeLevel bcic:Shall .
req:4.2.1-a a bcic:Requirement, bcic:Duty ; bcic:normativeLevel bcic:Shall .
req:8.3.1 a bcic:Duty ; bcic:normativeLevel bcic:May .
"""


def test_summary_counts_only_terms_of_the_bcic_namespaces(write_turtle: TurtleWriter) -> None:
    summary = ontology_summary(load_ontology_graph([write_turtle("small.ttl", SMALL_ONTOLOGY)]))
    assert (summary.classes, summary.object_properties, summary.datatype_properties,
            summary.annotation_properties) == (2, 2, 1, 1)
    # bcic:Shall, bcic:May and the three requirements; skos:Concept and ex:Other are not ours.
    assert summary.named_individuals == 5


def test_summary_counts_requirements_by_normative_level(write_turtle: TurtleWriter) -> None:
    summary = ontology_summary(load_ontology_graph([write_turtle("small.ttl", SMALL_ONTOLOGY)]))
    assert (summary.requirements, summary.shall, summary.should, summary.may,
            summary.informative) == (3, 2, 0, 1, 0)


def test_relative_iris_resolve_against_the_ontology_base_not_the_working_directory(
    write_turtle: TurtleWriter,
) -> None:
    graph = load_ontology_graph([write_turtle("relative.ttl", "<#Thing> a owl:Class .\n")])
    assert {str(c) for c in defined_terms(graph)[TermKind.CLASS]} == {
        "https://w3id.org/bcic/ontology#Thing"
    }


def test_unparseable_turtle_is_an_input_error_naming_the_file(write_turtle: TurtleWriter) -> None:
    with pytest.raises(InputError, match="broken.ttl") as caught:
        load_ontology_graph([write_turtle("broken.ttl", "bcic:A a \n")])
    assert (caught.value.exit_code, caught.value.http_status) == (2, 400)


def test_a_syntax_error_in_a_shapes_file_names_it_with_its_line_column_and_text(
        tmp_path: Path) -> None:
    """A comma missing between two sh:message literals: rdflib's message was 240 KB of escaped
    bytes quoting another statement, and called a shapes file an ontology file."""
    path = tmp_path / "ch8.ttl"
    lines = ["@prefix sh: <http://www.w3.org/ns/shacl#> .",
             "<https://w3id.org/bcic/shapes/gbt-draft/S> sh:minCount 1 ;",
             '    sh:message "未见传播效果评价（8.2.6）"@zh "No evaluation (8.2.6)"@en .',
             *(f"<https://example.org/s{n}> sh:minCount {n} ." for n in range(5000))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_ontology_graph([path], "shapes")
    said = {lang: caught.value.text(lang) for lang in ("en", "zh")}
    assert said["en"].startswith(f"cannot parse shapes file {path} at line 3, column 37: ")
    assert said["zh"].startswith(f"无法解析形状文件 {path}（第 3 行第 37 列）")
    assert all('sh:message "未见传播效果评价（8.2.6）"@zh "No evaluation (8.2.6)"@en .' in text
               and len(text) < 400 and "\\x" not in text for text in said.values())


def test_a_syntax_error_far_into_the_catalogue_is_at_its_own_line(tmp_path: Path) -> None:
    """rdflib placed `;; <oops` on line 1823 of the catalogue 120 lines further on, in a message
    quoting the whole file (240 KB)."""
    lines = REQUIREMENTS_FILE.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1)
                  if n > 1800 and line.strip() == "bcic:normativeLevel bcic:Shall ;")
    lines[number - 1] += "; <oops"
    path = tmp_path / "requirements.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_ontology_graph([path])
    said = caught.value.text("en")
    assert said.startswith(f"cannot parse ontology file {path} at line {number}, column ")
    assert said.endswith("the line reads: bcic:normativeLevel bcic:Shall ;; <oops")
    assert len(said) < 300


def test_the_catalogue_counts_every_provision_by_level_with_the_drafts_two_permissions() -> None:
    """`bcic ontology check` counts the provisions by level as docs/model.md decision 5 states
    them (132: 119 shall, 11 informative and 2 may, the two 可 of the draft, 8.3.1 and
    6.1.2.2 [may], decision 4); the tests read the counts there."""
    summary = ontology_summary(load_ontology_graph())
    assert (summary.requirements, summary.shall, summary.should, summary.may,
            summary.informative) == (COUNTS.provisions, COUNTS.shall, 0, COUNTS.may,
                                     COUNTS.informative), UPDATE


@pytest.mark.parametrize("separator", ["\x0c", "\x85", "\u2028"])
def test_the_line_a_syntax_error_quotes_is_the_one_the_parser_counted(
        tmp_path: Path, separator: str) -> None:
    """pyoxigraph ends lines at CR and LF only; str.splitlines also at form feed, U+0085 and
    U+2028, which a comment may hold: the excerpt was of another line."""
    path = tmp_path / "shapes.ttl"
    path.write_text(f"# one{separator}still line one\n<https://example.org/a> sh:minCount ;; .\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_ontology_graph([path], "shapes")
    assert caught.value.text("en").endswith(
        "the line reads: <https://example.org/a> sh:minCount ;; .")
