"""A stored report says why 4.2's duties are not set aside as a fresh one does (docs/model.md,
decision 9): no cultivation body declared, or a member whose role the ontology does not define;
`bcic report` of the stored revision gives the lines `bcic validate` gives of the same file."""

from __future__ import annotations

import dataclasses
import html
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG

from checker.body_roles import BodyRoles
from checker.cli import main
from checker.coverage import conforming_base
from checker.i18n import message
from checker.ingest import check_submission, store_submission
from checker.loading import SubmissionFile
from checker.namespaces import BCIC
from checker.render import render_report
from checker.render.outline import report_outline
from checker.render.turtle import report_graph
from checker.report_reader import read_report
from checker.store import Store, open_store
from checker.validation import validate_graph


def _submission(kind: str) -> Graph:
    """The conformant base as it is, with no cultivation body, or with its government member's
    role misspelt bcic:GovernmentRol."""
    graph = Graph()
    graph += conforming_base()
    if kind == "complete":
        return graph
    if kind == "no-body":
        for body in list(graph.subjects(RDF.type, BCIC.CultivationBody)):
            graph.remove((body, None, None))
    else:
        (membership,) = graph.subjects(ORG.role, BCIC.GovernmentRole)
        graph.set((membership, ORG.role, BCIC.GovernmentRol))
    return graph


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    """A temporary store holding each submission as a revision of the cluster: no body as 1, the
    misspelt role as 2; the files by kind."""
    folder = tmp_path_factory.mktemp("body")
    files = {kind: folder / f"{kind}.ttl" for kind in ("no-body", "misspelt-role")}
    for kind, path in files.items():
        _submission(kind).serialize(path, format="turtle")
        ingested = CliRunner().invoke(main, ["ingest", str(path), "--store", str(folder / "s")])
        assert ingested.exit_code in (0, 1), ingested.output
    return folder / "s", files


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind, revision", [("no-body", "1"), ("misspelt-role", "2")])
def test_bcic_report_of_a_stored_revision_says_why_no_duty_of_4_2_is_set_aside(
        runner: CliRunner, stored: tuple[Path, dict[str, Path]], kind: str, revision: str,
        lang: str) -> None:
    """The JSON's duties_not_set_aside of `bcic report` equal `bcic validate`'s, and the text
    and HTML reports say each line."""
    store, files = stored
    cluster = json.loads(runner.invoke(main, ["validate", str(files[kind]), "--format", "json",
                                              "--lang", lang]).output)["cluster"]
    said = {}
    for fmt in ("json", "text", "html"):
        said["validate", fmt] = runner.invoke(
            main, ["validate", str(files[kind]), "--format", fmt, "--lang", lang]).output
        said["report", fmt] = runner.invoke(
            main, ["report", cluster, "--revision", revision, "--store", str(store),
                   "--format", fmt, "--lang", lang]).output
    lines = json.loads(said["validate", "json"])["duties_not_set_aside"]
    assert len(lines) == 1
    if kind == "no-body":
        assert lines == [message("report.duties_no_body", lang)]
    else:
        assert "bcic:GovernmentRol" in lines[0]
    # The stored report names the file by its name, validate as given (the role's place).
    stored_lines = [line.replace(f"{files[kind].parent}{os.sep}", "") for line in lines]
    assert json.loads(said["report", "json"])["duties_not_set_aside"] == stored_lines
    for command, line in (("validate", lines[0]), ("report", stored_lines[0])):
        assert _flat(line) in _flat(said[command, "text"])
        assert _flat(line) in _flat(html.unescape(said[command, "html"]))


@pytest.fixture(scope="module")
def store() -> Store:
    return open_store("oxigraph")


def test_a_stored_report_records_the_body_and_the_undefined_roles_as_triples(store: Store) -> None:
    """Read back, the report knows the body is declared and the member in the undefined role
    (bcic:cultivationBodyDeclared, bcic:UndefinedRoleNote), and names the member by its label."""
    data = _submission("misspelt-role").serialize(format="turtle").encode()
    checked = check_submission([SubmissionFile("misspelt-role.ttl", data)])
    info = store_submission(store, checked)
    back = read_report(store, info.cluster, info.number)
    fresh = checked.report.body_roles
    assert fresh is not None and back.body_roles is not None
    assert back.body_roles.declared and back.body_roles.unclear == fresh.unclear
    for lang in ("zh", "en"):
        assert json.loads(render_report(back, "json", lang))["duties_not_set_aside"] == \
            json.loads(render_report(checked.report, "json", lang))["duties_not_set_aside"]
    graph = Graph().parse(data=render_report(back, "ttl", "en"), format="turtle")
    assert (None, BCIC.cultivationBodyDeclared, Literal(True)) in graph
    assert (None, BCIC.undefinedRole, BCIC.GovernmentRol) in graph


def test_a_report_that_does_not_know_the_body_writes_no_body_triples() -> None:
    """A report stored before reports recorded the body (body_roles None) writes none again, so
    that it is not read back as a report of no body."""
    report = validate_graph(_submission("misspelt-role"))
    assert isinstance(report.body_roles, BodyRoles) and report.body_roles.unclear
    unknown = report_graph(dataclasses.replace(report, body_roles=None))
    assert (None, BCIC.cultivationBodyDeclared, None) not in unknown
    assert (None, BCIC.roleNote, None) not in unknown


@pytest.mark.parametrize("role", [BCIC.Enterprise, Literal("政府角色", lang="zh"), None],
                         ids=["class", "text", "none"])
def test_a_stored_report_reads_back_a_role_that_is_no_member_role_text_or_none(
        store: Store, role: URIRef | Literal | None) -> None:
    """A member whose role is a defined term that is no member role (with the nearest role), a
    text, or none keeps 4.2's duties from being set aside (decision 9); read back, the report says
    of it what the fresh one said (bcic:UnclearRoleNote), zh and en."""
    graph = _submission("complete")
    (membership,) = graph.subjects(ORG.role, BCIC.GovernmentRole)
    graph.remove((membership, ORG.role, None))
    if role is not None:
        graph.add((membership, ORG.role, role))
    data = graph.serialize(format="turtle").encode()
    checked = check_submission([SubmissionFile("role.ttl", data)])
    info = store_submission(store, checked)
    back = read_report(store, info.cluster, info.number)
    fresh = checked.report.body_roles
    assert fresh is not None and back.body_roles is not None and len(fresh.unclear) == 1
    assert back.body_roles.unclear == fresh.unclear
    for lang in ("zh", "en"):
        lines = json.loads(render_report(checked.report, "json", lang))["duties_not_set_aside"]
        assert len(lines) == 1
        assert json.loads(render_report(back, "json", lang))["duties_not_set_aside"] == lines


def test_a_stored_report_reads_back_the_role_a_role_text_means_4_1(store: Store) -> None:
    """org:role "政府": the member role it is guessed to mean (bcic:nearestRole) is stored and read
    back, and said again, zh and en."""
    graph = _submission("complete")
    (membership,) = graph.subjects(ORG.role, BCIC.GovernmentRole)
    graph.set((membership, ORG.role, Literal("政府")))
    checked = check_submission([SubmissionFile("role.ttl", graph.serialize(format="turtle").encode())])
    back = read_report(store, *_stored(store, checked))
    assert back.body_roles is not None
    assert [u.nearest for u in back.body_roles.unclear] == [BCIC.GovernmentRole]
    for lang, words in (("zh", "若指“政府角色”（按拼写推测）"), ("en", "If “government role” is meant")):
        (line,) = json.loads(render_report(back, "json", lang))["duties_not_set_aside"]
        assert words in line, line


def _stored(store: Store, checked: object) -> tuple[str, int]:
    """Store a checked submission; its cluster and revision number."""
    info = store_submission(store, checked)  # type: ignore[arg-type]
    return info.cluster, info.number


def test_a_role_note_says_where_the_role_is_written_fresh_and_read_back(store: Store) -> None:
    """A role note under the conclusion (decision 9) named the member but not where its role is
    written: it gives file:line as findings do, in text, HTML, JSON and the web app's page, zh
    and en, and so does
    the report read back from the store (the place kept on the bcic:UnclearRoleNote)."""
    text = _submission("complete").serialize(format="turtle")
    rows = text.split("\n")
    (at,) = [n for n, row in enumerate(rows) if "org:role" in row and "GovernmentRole" in row]
    rows[at] = rows[at][:rows[at].index("org:role")] + 'org:role "政府"' + rows[at][-2:]
    data = "\n".join(rows).encode()
    checked = check_submission([SubmissionFile("role.ttl", data)])
    back = read_report(store, *_stored(store, checked))
    for report in (checked.report, back):
        assert report.body_roles is not None
        (unclear,) = report.body_roles.unclear
        assert (unclear.place.file, unclear.place.line) == ("role.ttl", at + 1), unclear
        for lang, words in (("zh", f"（写于 role.ttl:{at + 1}）"),
                            ("en", f"(written at role.ttl:{at + 1})")):
            (line,) = json.loads(render_report(report, "json", lang))["duties_not_set_aside"]
            assert line.endswith(words), line
            assert _flat(line) in _flat(render_report(report, "text", lang))
            assert _flat(line) in _flat(html.unescape(render_report(report, "html", lang)))
            # The web app's report page shows the outline's verdict lines (web/evaluation.py).
            assert line in report_outline(report, lang, rulebook=True).verdict_lines
