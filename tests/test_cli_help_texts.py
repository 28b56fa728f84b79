"""What `--help` explains: `bcic rules` and `bcic rules coverage` give a Chinese-reading
maintainer every explanation in Chinese too, the mistakes as examples with where the full list is,
and the version in every place README's release step 3 sets it; `bcic validate` every exit code
a validation can end with."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import CheckerError
from checker.shacl import ValidationEngineError, ValidationStalledError


@pytest.fixture(scope="module")
def coverage_help() -> str:
    """The help of `bcic rules coverage` under zh."""
    return CliRunner().invoke(main, ["rules", "coverage", "--help", "--lang", "zh"]).output


def test_coverage_help_explains_mistakes_and_only_in_chinese_too(coverage_help: str) -> None:
    assert "规则文件错误，其中包括" in coverage_help
    assert "--only：该规定的行及其形状的正反例" in coverage_help
    assert "未知时退出码为 2" in coverage_help


def test_coverage_help_gives_the_mistakes_as_examples_of_the_readme_list(coverage_help: str) -> None:
    assert "Mistakes, among them" in coverage_help
    assert "The full list: README" in coverage_help and "完整列表见 README" in coverage_help


def test_rules_help_names_the_four_places_of_the_version_under_release_step_3() -> None:
    text = " ".join(CliRunner().invoke(main, ["rules", "--help"]).output.split())
    for place in ("checker/__init__.py", "owl:versionInfo", "owl:versionIRI",
                  "the header line of each shapes file", "每个形状文件的首行说明"):
        assert place in text, place


@pytest.mark.parametrize("error", [ValidationEngineError, ValidationStalledError],
                         ids=lambda e: e.__name__)
def test_validate_help_names_the_exit_code_of_every_way_a_validation_ends(
        error: type[CheckerError]) -> None:
    text = " ".join(CliRunner().invoke(main, ["validate", "--help"]).output.split())
    said = {3: "3 internal 内部错误", 4: "4 out of time: a worker process still at work"}
    assert said[error.exit_code] in text
