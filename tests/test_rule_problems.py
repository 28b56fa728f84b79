"""`bcic rules coverage` catches a maintainer's mistakes in the rule files
(checker/rule_problems.py), naming the shape and the file, and exits 1; validate, ingest, recheck,
`rules reload`, `serve` and the web app's reload refuse a rulebook with any (exit 2, 400)."""

from __future__ import annotations

import dataclasses
import shutil
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

import web
from checker import batch, cli_rules, ingest, rulebook_document, validation
from checker import rule_problems as rule_problems_module
from checker.cli import main
from checker.errors import InputError
from checker.i18n import Lang
from checker.ingest import ingest_files, load_rules_into, rules_loaded
from checker.namespaces import REQ, SHP
from checker.notation import provision_notation, renders
from checker.paths import EXAMPLES_DIR, SHAPES_DIR
from checker.recheck import recheck_revision
from checker.rule_places import placed
from checker.rule_problems import (ProblemKind, RuleProblem, prefixed, problems_of, problems_said,
                                   rule_problems)
from checker.rule_texts import RuleTexts
from checker.rulebook import Rulebook, load_rulebook, rule_files
from checker.store import ENGINE_ENV, STORE_ENV, open_configured_store
from checker.tokens import TokenFile

ORPHAN = """
shp:OrphanShapeNoReq a sh:PropertyShape ;
    sh:targetNode bcic:BrandElementDesign ;
    sh:path ( [ sh:zeroOrMorePath [ sh:inversePath rdfs:subClassOf ] ] [ sh:inversePath rdf:type ] ) ;
    sh:minCount 5 ; sh:severity sh:Violation ;
    sh:message "孤立形状"@zh , "Orphan shape"@en .
"""


@pytest.fixture(scope="module")
def shapes_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shapes with the tester's mistakes: a requirement link typed `req:8.26`, a property
    `bcic:findng` and a class `bcic:CommunicationImprovment`, a shape linked to nothing, and a
    message in Chinese only."""
    copy = tmp_path_factory.mktemp("rules") / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    ch8 = copy / "ch8-branding.ttl"
    text = ch8.read_text(encoding="utf-8")
    for old, new in (
            ("shp:CommunicationEvaluationExists a sh:PropertyShape ;\n    bcic:checksRequirement req:8.2.6 ;",
             "shp:CommunicationEvaluationExists a sh:PropertyShape ;\n    bcic:checksRequirement req:8.26 ;"),
            ("sh:path bcic:finding", "sh:path bcic:findng"),
            ("sh:targetNode bcic:CommunicationImprovement", "sh:targetNode bcic:CommunicationImprovment"),
            (' , "No brand element design in the submission (8.1.1)"@en', "")):
        assert old in text, old
        text = text.replace(old, new, 1)
    ch8.write_text(text + ORPHAN, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def broken(shapes_dir: Path) -> Rulebook:
    return load_rulebook(shapes_dir)


def _found(rulebook: Rulebook) -> set[tuple[ProblemKind, str, str | None]]:
    return {(p.kind, prefixed(p.subject), p.suggestion) for p in rule_problems(rulebook)}


def test_the_rulebook_as_shipped_has_no_mistake() -> None:
    assert rule_problems(load_rulebook()) == []


def test_a_requirement_link_to_no_catalogued_provision_is_caught_with_the_one_meant(
        broken: Rulebook) -> None:
    """`req:8.26` turned 8.2.6's gap into "manual review" while coverage passed."""
    assert (ProblemKind.UNKNOWN_REQUIREMENT, "shp:CommunicationEvaluationExists",
            "req:8.2.6") in _found(broken)


def test_a_shape_with_a_target_and_no_requirement_is_caught(broken: Rulebook) -> None:
    """Its results were dropped by build_report without a word."""
    assert (ProblemKind.UNLINKED_SHAPE, "shp:OrphanShapeNoReq", None) in _found(broken)
    # the deactivated checks of shapes/report-date.ttl have a severity and no requirement
    assert not [p for p in rule_problems(load_rulebook())
                if p.subject in (SHP.DateNotAfterTheReport, SHP.ActualYearNotAfterTheReport,
                                 SHP.DateNotBeforeWhatItRestsOn)]


def test_a_misspelt_property_or_class_in_a_shape_is_caught_with_the_term_meant(
        broken: Rulebook) -> None:
    """`bcic:findng` failed every submission, even the conformant Dehua."""
    found = {p.values["term"]: p for p in rule_problems(broken)
             if p.kind is ProblemKind.UNKNOWN_TERM}
    assert set(found) == {"bcic:findng", "bcic:CommunicationImprovment"}
    assert (prefixed(found["bcic:findng"].subject), found["bcic:findng"].suggestion) == (
        "shp:CommunicationEvaluationFinding", "bcic:finding")
    assert found["bcic:CommunicationImprovment"].suggestion == "bcic:CommunicationImprovement"


def test_a_checking_shape_with_a_message_in_one_language_only_is_caught(
        broken: Rulebook) -> None:
    """An English report printed the Chinese message of 8.1.1."""
    assert [(prefixed(p.subject), p.values) for p in rule_problems(broken)
            if p.kind is ProblemKind.NO_MESSAGE] == [("shp:ElementDesignExists",
                                                      {"languages": ("en",), "found": ("zh",)})]


def test_a_provision_id_the_notation_cannot_show_is_caught() -> None:
    """`8.2.6-improve` was shown everywhere as "8.2.6 improve)"."""
    assert [i for i in ("4.1", "4.2.1-a", "5.3-1", "9.1.4-a-1", "6.1.2.2-may") if not renders(i)] == []
    assert not renders("8.2.6-improve") and not renders("8.2.6-a-b") and not renders("8.2.6-")
    assert provision_notation("9.1.4-a-1", "en") == "9.1.4 a) —1"
    rulebook = load_rulebook()
    part = dataclasses.replace(rulebook.requirements["8.2.6"], id="8.2.6-improve",
                               iri=REQ["8.2.6-improve"], shapes=())
    split = dataclasses.replace(rulebook,
                                requirements={**rulebook.requirements, "8.2.6-improve": part})
    assert [(p.kind, p.values) for p in rule_problems(split)] == [
        (ProblemKind.BAD_ID, {"id": "8.2.6-improve"})]


def test_placed_names_the_file_and_line_of_each_shape(shapes_dir: Path) -> None:
    problem = RuleProblem(ProblemKind.UNLINKED_SHAPE, SHP.OrphanShapeNoReq)
    lines = (shapes_dir / "ch8-branding.ttl").read_text(encoding="utf-8").splitlines()
    line = lines.index("shp:OrphanShapeNoReq a sh:PropertyShape ;") + 1
    assert [p.at for p in placed([problem], RuleTexts(rule_files(shapes_dir)))] == [
        f"shapes/ch8-branding.ttl:{line}"]


def test_placed_names_the_line_of_a_problems_statement_else_its_subjects(
        shapes_dir: Path) -> None:
    """A problem at a statement (`sh:minCount 5`, on the shape's fourth line) points at that
    line; at one its description does not write (`sh:minCount 0`), at the shape's first."""
    lines = (shapes_dir / "ch8-branding.ttl").read_text(encoding="utf-8").splitlines()
    first = lines.index("shp:OrphanShapeNoReq a sh:PropertyShape ;") + 1
    at, nowhere = (RuleProblem(ProblemKind.UNLINKED_SHAPE, SHP.OrphanShapeNoReq,
                               statement=("sh:minCount", count)) for count in ("5", "0"))
    assert lines[first + 2].startswith("    sh:minCount 5 ;")
    assert [p.at for p in placed([at, nowhere], RuleTexts(rule_files(shapes_dir)))] == [
        f"shapes/ch8-branding.ttl:{first + 3}", f"shapes/ch8-branding.ttl:{first}"]


def test_rules_coverage_exits_1_naming_each_mistake_with_its_shape_and_file(
        runner: CliRunner, shapes_dir: Path, broken: Rulebook,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: broken)
    result = runner.invoke(main, ["rules", "coverage"])
    assert result.exit_code == 1
    errors = [line.strip() for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == len(rule_problems(broken)) == 5
    assert any(line.startswith("error: shp:CommunicationEvaluationFinding "
                               "(shapes/ch8-branding.ttl:") and line.endswith(
        "): bcic:findng (used as a property) is not a term of the ontology or the catalogue; "
        "did you mean bcic:finding?") for line in errors), errors
    assert any(line.startswith("error: shp:OrphanShapeNoReq (shapes/ch8-branding.ttl:")
               for line in errors), errors
    zh = runner.invoke(main, ["rules", "coverage", "--lang", "zh"])
    assert "bcic:checksRequirement 指向的 req:8.26 不在要求目录中；是否应为 req:8.2.6？" in zh.stderr


def test_rules_coverage_names_the_rulebook_by_version_and_digest(runner: CliRunner) -> None:
    rulebook = load_rulebook()
    result = runner.invoke(main, ["rules", "coverage"])
    assert result.exit_code == 0, result.stderr
    assert f"Rulebook {rulebook.version}, digest {rulebook.digest[:12]}\n" in result.stdout


# --- A rulebook with mistakes judges nothing and goes into no store ---------------------------

DEHUA, DATANG = EXAMPLES_DIR / "dehua-ceramics.ttl", EXAMPLES_DIR / "datang-socks.ttl"


def _names_each_mistake(said: str, broken: Rulebook, lang: Lang = "en") -> None:
    """`said` lists every mistake as `bcic rules coverage` does, with its shape, file and line."""
    lines = problems_said(problems_of(broken), broken.texts).text(lang).splitlines()
    assert len(lines) == 5 and all(line in said.splitlines() for line in lines), said
    first = {"en": "  error: shp:CommunicationEvaluationExists (shapes/ch8-branding.ttl:",
             "zh": "  错误：shp:CommunicationEvaluationExists（shapes/ch8-branding.ttl:"}[lang]
    assert any(line.startswith(first) and "req:8.26" in line for line in lines), lines


def _stored_store(path: Path) -> None:
    """A directory store holding Datang's revision, judged and its rule graphs loaded under the
    shipped rulebook."""
    with closing(open_configured_store(str(path))) as store:
        ingest_files(store, [DATANG])


def _rules_of(path: Path) -> tuple[bool, int]:
    """Whether the store's rule graphs are the shipped rulebook's, and its revisions' count."""
    with closing(open_configured_store(str(path), create=False)) as store:
        return rules_loaded(store, load_rulebook()), len(store.revisions())


def test_mistakes_are_found_once_per_rulebook_digest(broken: Rulebook,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Every validation asks: the rule files are searched once per process, not each time."""
    calls: list[str] = []

    def counted(rulebook: Rulebook) -> list[RuleProblem]:
        calls.append(rulebook.digest)
        return rule_problems(rulebook)
    monkeypatch.setattr(rule_problems_module, "rule_problems", counted)
    fresh = dataclasses.replace(broken, digest="f" * 64)
    assert [len(problems_of(fresh)) for _ in range(3)] == [5, 5, 5]
    assert calls == ["f" * 64]


def test_validate_refuses_a_rulebook_with_mistakes_naming_each_in_zh_and_en(
        runner: CliRunner, broken: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    """`req:8.26` made Datang's 8.2.6 "awaiting review" instead of unmet: a cultivation body
    checking itself must get no verdict from such a rulebook, only the mistakes (exit 2)."""
    monkeypatch.setattr(validation, "load_rulebook", lambda: broken)
    result = runner.invoke(main, ["validate", str(DATANG), "--format", "json"])
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert result.stderr.startswith("Error: the rule files have 5 mistake(s) that would change "
                                    "verdicts without a word, so rulebook ")
    _names_each_mistake(result.stderr, broken)
    zh = runner.invoke(main, ["validate", str(DATANG), "--lang", "zh"])
    assert zh.exit_code == 2 and zh.stderr.startswith("错误：规则文件有 5 处错误")
    _names_each_mistake(zh.stderr, broken, "zh")


def test_a_batch_is_refused_once_before_any_file_is_read(
        runner: CliRunner, broken: Rulebook, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "load_rulebook", lambda: broken)
    result = runner.invoke(main, ["validate", "--each", str(DEHUA), str(DATANG),
                                  "--output", str(tmp_path / "reports")])
    assert result.exit_code == 2
    _names_each_mistake(result.stderr, broken)
    assert result.stderr.count("shp:OrphanShapeNoReq") == 1
    assert not (tmp_path / "reports").exists()


def test_ingest_refuses_a_rulebook_with_mistakes_and_makes_no_store(
        runner: CliRunner, broken: Rulebook, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "load_rulebook", lambda: broken)
    result = runner.invoke(main, ["ingest", str(DEHUA), "--store", str(tmp_path / "store")])
    assert result.exit_code == 2
    _names_each_mistake(result.stderr, broken)
    assert not (tmp_path / "store").exists()


def test_nothing_with_mistakes_is_stored_or_rechecked_in_a_store(
        broken: Rulebook, tmp_path: Path) -> None:
    """load_rules_into is how every write of rules (ingest, reload, the web app) reaches a store."""
    path = tmp_path / "store"
    _stored_store(path)
    with closing(open_configured_store(str(path))) as store:
        datang = store.revisions()[0].cluster
        for attempt in (lambda: ingest_files(store, [DEHUA], rulebook=broken),
                        lambda: load_rules_into(store, broken),
                        lambda: recheck_revision(store, datang, rulebook=broken)):
            with pytest.raises(InputError, match="mistake"):
                attempt()
    assert _rules_of(path) == (True, 1)


def test_rules_reload_refuses_and_changes_nothing(
        runner: CliRunner, broken: Rulebook, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The reload loaded a rulebook `bcic rules coverage` refuses into the store."""
    running = load_rulebook()
    monkeypatch.setattr(rulebook_document, "read_rulebook", lambda: broken)
    path = tmp_path / "store"
    _stored_store(path)
    result = runner.invoke(main, ["rules", "reload", "--store", str(path), "--lang", "zh"])
    assert result.exit_code == 2 and "规则图已重新加载" not in result.stdout
    _names_each_mistake(result.stderr, broken, "zh")
    assert _rules_of(path) == (True, 1)
    assert load_rulebook() is running  # and this process judges with the rulebook it had
    fresh = runner.invoke(main, ["rules", "reload", "--store", str(tmp_path / "new")])
    assert fresh.exit_code == 2 and not (tmp_path / "new").exists()


def test_serve_refuses_to_start_on_a_rulebook_with_mistakes(
        runner: CliRunner, broken: Rulebook, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused before it listens: the address given could not be listened on at all."""
    monkeypatch.setattr(web, "load_rulebook", lambda: broken)
    for name in (STORE_ENV, ENGINE_ENV):  # bcic serve sets them for the app
        monkeypatch.delenv(name, raising=False)
    result = runner.invoke(main, ["serve", "--host", "256.0.0.1", "--port", "0",
                                  "--store", str(tmp_path / "store")])
    assert result.exit_code == 2 and "cannot listen" not in result.stderr, result.output
    _names_each_mistake(result.stderr, broken)
    assert not (tmp_path / "store").exists()


def test_the_web_apps_reload_refuses_and_serves_the_rulebook_it_had(
        make_web_app, broken: Rulebook, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store"
    _stored_store(path)
    app = make_web_app(path)
    running = load_rulebook()
    monkeypatch.setattr(rulebook_document, "read_rulebook", lambda: broken)
    token = TokenFile(Path(app.config["BCIC_TOKENS"])).create("maintainer")[1]
    answer = app.test_client().post("/api/rules/reload",
                                    headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 400 and answer.get_json()["error"] == "InputError"
    _names_each_mistake(answer.get_json()["message"], broken)
    assert _rules_of(path) == (True, 1) and load_rulebook() is running
