"""Click's own words (usage, help, errors) follow --lang / BCIC_LANG: its gettext strings have a
Chinese catalogue (checker/cli_click_i18n.py)."""

from __future__ import annotations

import ast
import gettext
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.cli_click_i18n import CLICK_ZH, compiled, mo_file


def clicks_gettext_strings() -> set[str | tuple[str, str]]:
    """Every literal click passes to `_` or `ngettext`, read from its source."""
    found: set[str | tuple[str, str]] = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                texts = [a.value for a in node.args
                         if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if node.func.id == "_" and texts:
                    found.add(texts[0])
                elif node.func.id == "ngettext" and len(texts) == 2:
                    found.add((texts[0], texts[1]))
    return found


def test_every_gettext_string_of_click_has_a_chinese_translation() -> None:
    strings = clicks_gettext_strings()
    assert len(strings) > 50  # the source was read
    assert strings - set(CLICK_ZH) == set()


def test_the_compiled_catalogue_is_the_one_the_strings_make() -> None:
    """The .mo file is generated: `python -m checker.cli_click_i18n` rewrites it."""
    assert mo_file("zh").read_bytes() == compiled(CLICK_ZH)


def _help(lang: str) -> str:
    """`bcic --help` in a process of its own: click makes each command's --help option once and
    keeps it, its text included (one process, one language, as a command line is), so a help
    asked earlier by another test in this process would answer in that test's language."""
    return subprocess.run([sys.executable, "-m", "checker.cli", "--help"], capture_output=True,
                          text=True, check=True, env={**os.environ, "BCIC_LANG": lang}).stdout


def test_help_under_zh_is_in_chinese_and_under_en_in_english() -> None:
    zh = _help("zh")
    assert "用法：" in zh and "选项:" in zh and "命令:" in zh
    assert "显示此帮助信息并退出。" in zh
    for english in ("Usage:", "Options:", "Commands:", "Show this message and exit."):
        assert english not in zh
    en = _help("en")
    assert "Usage:" in en and "Show this message and exit." in en
    assert "用法：" not in en and "显示此帮助信息" not in en


def test_a_subcommands_help_says_its_defaults_in_chinese_under_lang_zh() -> None:
    result = CliRunner().invoke(main, ["validate", "--help", "--lang", "zh"])
    assert result.exit_code == 0
    assert "[默认：text]" in result.output and "default:" not in result.output


@pytest.mark.parametrize(("args", "chinese", "english"), [
    (["--nope"], "错误：没有选项 '--nope'。", "No such option"),
    (["history", "--lang", "zh"], "缺少参数 'CLUSTER'", "Missing argument"),
    (["validate", "x.ttl", "--format", "pdf", "--lang", "zh"],
     "'pdf' 不是 'html', 'json', 'text', 'ttl' 之一。", "is not one of"),
], ids=["no-such-option", "missing-argument", "bad-choice"])
def test_clicks_usage_errors_are_in_chinese(args: list[str], chinese: str, english: str) -> None:
    result = CliRunner(env={"BCIC_LANG": "zh"}).invoke(main, args)
    assert result.exit_code == 2
    assert chinese in result.stderr and english not in result.stderr
    assert "Error:" not in result.stderr and "Usage:" not in result.stderr


def test_gettext_and_the_environment_are_left_as_they_were() -> None:
    domain, language = gettext.textdomain(), os.environ.get("LANGUAGE")
    CliRunner().invoke(main, ["--nope", "--lang", "zh"])
    assert (gettext.textdomain(), os.environ.get("LANGUAGE")) == (domain, language)


@pytest.mark.parametrize("group", ["rules", "queries"])
def test_a_group_without_its_command_shows_its_help_once_in_both_languages(group: str) -> None:
    """Under zh it was framed as a usage error, its usage line twice, the hint glued on."""
    shown = {lang: CliRunner().invoke(main, [group], env={"BCIC_LANG": lang})
             for lang in ("en", "zh")}
    for lang, result in shown.items():
        assert result.exit_code == 2, result.output
        assert "错误" not in result.output and "Error" not in result.output
    assert shown["en"].output.startswith(f"Usage: bcic {group} ")
    assert shown["zh"].output.startswith(f"用法： bcic {group} ")
    assert shown["zh"].output.count(f"bcic {group} [OPTIONS]") == 1
