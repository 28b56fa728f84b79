"""The `bcic` command line, run in-process."""

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import __version__, cli
from checker.cli import main
from checker.errors import InputError
from checker.ontology_check import OntologyCheck, check_ontology
from checker.paths import PROJECT_ROOT
from checker.reasoning import Reasoner

TurtleWriter = Callable[[str, str], Path]  # the write_turtle fixture of conftest.py


def test_version_option_prints_the_package_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.fixture
def checked_once(monkeypatch: pytest.MonkeyPatch,
                 project_ontology_check: Callable[[Reasoner], OntologyCheck]) -> None:
    """`bcic ontology check` prints the project ontology's check run once per worker (by the
    reasoner asked): the tests below read its verdicts in each language, with no Java run each."""
    monkeypatch.setattr(cli, "check_ontology", project_ontology_check)


@pytest.mark.usefixtures("checked_once")
def test_ontology_check_exits_0_on_the_project_ontology_and_prints_counts(runner: CliRunner) -> None:
    result = runner.invoke(main, ["ontology", "check"])
    assert result.exit_code == 0, result.output
    for label in ("classes", "object properties", "datatype properties",
                  "annotation properties", "named individuals", "requirements"):
        assert re.search(rf"{label}: \d+", result.output), f"no count of {label}"
    assert "consistent: yes" in result.output
    assert "unsatisfiable classes: none" in result.output


@pytest.mark.usefixtures("checked_once")
def test_ontology_check_in_zh_prints_chinese(runner: CliRunner) -> None:
    result = runner.invoke(main, ["ontology", "check", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert re.search(r"类：\d+", result.output)
    assert "一致性：一致" in result.output
    assert "结论：本体一致" in result.output


def test_unknown_language_is_a_usage_error_with_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["ontology", "check", "--lang", "fr"])
    assert result.exit_code == 2


INCONSISTENT = """
ex:A a owl:Class .
ex:B a owl:Class ; owl:disjointWith ex:A .
ex:C a owl:Class ; rdfs:subClassOf ex:A, ex:B .
"""


def test_ontology_check_exits_1_and_lists_unsatisfiable_classes(
    runner: CliRunner, write_turtle: TurtleWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_turtle("unsatisfiable.ttl", INCONSISTENT)
    monkeypatch.setattr(cli, "check_ontology",
                        lambda reasoner: check_ontology([path], reasoner=reasoner))
    result = runner.invoke(main, ["ontology", "check"])
    assert result.exit_code == 1, result.output
    assert "https://example.org/test#C" in result.output
    assert "unsatisfiable classes: 1" in result.output


@pytest.mark.usefixtures("checked_once")
def test_ontology_check_with_pellet_reasons_with_pellet(runner: CliRunner) -> None:
    """A standards body may confirm HermiT's verdict with a second reasoner."""
    result = runner.invoke(main, ["ontology", "check", "--reasoner", "pellet", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "推理机：Pellet" in result.output and "HermiT" not in result.output
    assert "结论：本体一致" in result.output


def test_unknown_reasoner_is_a_usage_error_with_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["ontology", "check", "--reasoner", "fact++"])
    assert result.exit_code == 2


def test_checker_error_exits_with_its_code_and_a_message_in_the_chosen_language(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(reasoner: str) -> None:
        raise InputError("cannot read ontology file ontology/x.ttl")

    monkeypatch.setattr(cli, "check_ontology", fail)
    result = runner.invoke(main, ["ontology", "check", "--lang", "zh"])
    assert result.exit_code == 2
    assert "错误：cannot read ontology file ontology/x.ttl" in result.output


def test_unexpected_failure_exits_3(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(reasoner: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "check_ontology", crash)
    result = runner.invoke(main, ["ontology", "check"])
    assert result.exit_code == 3
    assert "Internal error" in result.output and "boom" in result.output


def test_output_cut_short_by_its_reader_ends_quietly_with_141() -> None:
    """As `bcic queries list | head -1` once head has gone: no traceback, no internal error."""
    reading, writing = os.pipe()
    os.close(reading)  # the reader is gone before the first line is written
    try:
        child = subprocess.run([sys.executable, "-m", "checker.cli", "queries", "list"],
                               cwd=PROJECT_ROOT, stdout=writing, stderr=subprocess.PIPE,
                               text=True, timeout=120, check=False)
    finally:
        os.close(writing)
    assert (child.returncode, child.stderr) == (141, "")


@pytest.mark.parametrize("command", [["generate", "--members", "2000"],
                                     ["validate", str(PROJECT_ROOT / "examples" /
                                                      "meitan-tea.ttl"), "--format", "json"]])
def test_a_reader_leaving_half_way_through_a_long_output_ends_it_with_141(
        command: list[str]) -> None:
    """The output is far more than a pipe holds: the reader takes its first bytes and leaves
    while the rest is being written, as `bcic generate | head -c 10` after a pause."""
    child = subprocess.Popen([sys.executable, "-m", "checker.cli", *command], cwd=PROJECT_ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(10)  # the writer is inside its output by now
    child.stdout.close()
    err = child.stderr.read()
    assert (child.wait(timeout=120), err) == (141, b"")


def test_a_token_file_that_is_a_directory_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    for command in (["token", "list"], ["token", "create", "--role", "evaluator"]):
        result = runner.invoke(main, [*command, "--tokens", str(tmp_path)])
        assert result.exit_code == 2, result.output
        assert f"Error: {tmp_path}: cannot" in result.output


def test_revoking_an_unknown_token_is_said_in_the_language_of_bcic_lang(
        runner: CliRunner, tmp_path: Path) -> None:
    """`bcic token` has no --lang of its own: BCIC_LANG decides the language of its errors."""
    tokens = str(tmp_path / "tokens.json")
    result = runner.invoke(main, ["token", "revoke", "abc123", "--tokens", tokens],
                           env={"BCIC_LANG": "zh"})
    assert result.exit_code == 2
    assert "错误：没有编号为 abc123 的令牌" in result.output


@pytest.mark.parametrize("report_format", ["json", "ttl"])
def test_a_value_not_in_its_datatypes_form_prints_nothing_of_rdflib_on_stderr(
        tmp_path: Path, report_format: str) -> None:
    """9.2.3: "abc"^^xsd:decimal is reported as no number; writing the report (its JSON names
    the value in RDF notation, its Turtle holds it) must not print rdflib's warning with its
    source line, as if bcic had failed."""
    sample = (PROJECT_ROOT / "examples" / "dehua-ceramics.ttl").read_text(encoding="utf-8")
    submission = tmp_path / "dehua.ttl"
    submission.write_text(sample.replace("bcic:observedValue 72.0 ;",
                                         'bcic:observedValue "abc"^^xsd:decimal ;', 1),
                          encoding="utf-8")
    child = subprocess.run([sys.executable, "-m", "checker.cli", "validate", str(submission),
                            "--format", report_format], cwd=PROJECT_ROOT, capture_output=True,
                           text=True, timeout=300, check=False)
    assert child.returncode == 1, child.stderr
    assert '"abc"' in child.stdout and child.stderr == ""


def test_a_boolean_neither_true_nor_false_prints_nothing_of_rdflib_on_stderr(
        tmp_path: Path) -> None:
    """rdflib warns through `warnings` ("Parsing weird boolean") with its own file's path on
    every literal it makes of `"maybe"^^xsd:boolean`, as if bcic had failed."""
    sample = (PROJECT_ROOT / "examples" / "dehua-ceramics.ttl").read_text(encoding="utf-8")
    submission = tmp_path / "dehua.ttl"
    submission.write_text(sample.replace("bcic:repositioned false ;",
                                         'bcic:repositioned "maybe"^^xsd:boolean ;', 1),
                          encoding="utf-8")
    child = subprocess.run([sys.executable, "-W", "always::UserWarning", "-m", "checker.cli",
                            "validate", str(submission), "--format", "json"], cwd=PROJECT_ROOT,
                           capture_output=True, text=True, timeout=300, check=False)
    assert child.returncode == 0 and child.stderr == ""
    assert json.loads(child.stdout)["conforms"] is True


def test_an_error_quoting_a_control_character_from_the_input_escapes_it(
        runner: CliRunner, tmp_path: Path) -> None:
    """The parser quotes the offending character itself: printed raw, an escape sequence in a
    submission would act on the evaluator's terminal (clear it, recolour it); it is named by its
    code point, as bcic's own messages name a character."""
    hostile = tmp_path / "iri-ansi.ttl"
    hostile.write_bytes(b"<https://example.org/a\x1b[2Jb> a <https://example.org/C> .\n")
    result = runner.invoke(main, ["validate", str(hostile)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "Invalid IRI code point U+001B" in result.output


@pytest.mark.parametrize("command", [
    ["ingest"], ["reindex"], ["clusters"], ["history"], ["query"], ["queries", "run"],
    ["delete-revision"], ["benchmark"], ["rules", "reload"]], ids=" ".join)
def test_help_of_a_command_on_the_store_lists_exit_codes_3_and_4(
        runner: CliRunner, command: list[str]) -> None:
    # ingest said "0 stored, 2 bad input" only, though a store that cannot answer ends it with 4.
    result = runner.invoke(main, [*command, "--help"])
    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "3 internal 内部错误, 4 the store" in said and "存储" in said.split("4 the store")[1]
