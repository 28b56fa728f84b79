"""What bcic writes follows --lang / BCIC_LANG, usage errors and token messages included."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main


def test_a_guessed_format_is_said_in_chinese(tmp_path: Path) -> None:
    junk = tmp_path / "junk"  # no extension: its format is guessed
    junk.write_text("hello world\n")
    result = CliRunner().invoke(main, ["validate", str(junk), "--lang", "zh"])
    assert result.exit_code == 2
    assert "Turtle（根据内容推断）" in result.output and "(guessed from content)" not in result.output


def test_a_csv_is_refused_in_the_web_uploads_words_not_read_as_turtle(tmp_path: Path) -> None:
    sheet = tmp_path / "obs.csv"
    sheet.write_text("indicator,year,value,unit\nExportRate,2024,35.2,%\n")
    result = CliRunner().invoke(main, ["validate", str(sheet), "--lang", "zh"])
    assert result.exit_code == 2
    assert f"{sheet}：不是 bcic 能读取的格式；可接受的文件扩展名：.ttl、.trig、" in result.output
    assert "没有扩展名的文件按其内容判断格式" in result.output and "Turtle" not in result.output


def test_a_parse_error_in_chinese_says_the_english_is_the_parsers(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://e/a> <http://e/b> <http://e/c>\n")
    result = CliRunner().invoke(main, ["validate", str(bad), "--lang", "zh"])
    assert result.exit_code == 2
    assert "Turtle 语法错误：" in result.output
    assert result.output.rstrip().endswith("（以上英文为解析器的原文）")


def test_token_create_and_revoke_speak_chinese(tmp_path: Path) -> None:
    runner = CliRunner(env={"BCIC_LANG": "zh"})
    tokens = str(tmp_path / "tokens.json")
    created = runner.invoke(main, ["token", "create", "--role", "evaluator", "--tokens", tokens])
    assert created.exit_code == 0, created.output
    assert "令牌仅显示这一次" in created.stderr and "stored hashed" not in created.stderr
    token_id = created.stderr.split("，")[0].removeprefix("编号 ")
    revoked = runner.invoke(main, ["token", "revoke", token_id, "--tokens", tokens])
    assert (revoked.exit_code, revoked.stdout) == (0, f"已吊销 {token_id}\n")


def test_token_messages_stay_english_by_default(tmp_path: Path) -> None:
    tokens = str(tmp_path / "tokens.json")
    created = CliRunner().invoke(main, ["token", "create", "--role", "maintainer",
                                        "--tokens", tokens])
    assert "this is the only time the token is shown" in created.stderr
    assert "令牌" not in created.stderr


@pytest.mark.parametrize(("args", "env"), [
    (["delete-revision", "abc", "x", "--lang", "zh"], {}),
    (["delete-revision", "abc", "x", "--lang=zh"], {}),
    (["history"], {"BCIC_LANG": "zh"}),
])
def test_a_usage_error_is_framed_in_chinese(args: list[str], env: dict[str, str]) -> None:
    result = CliRunner(env=env).invoke(main, args)
    assert result.exit_code == 2
    assert "错误：命令行用法有误：" in result.stderr and "--help' 查看帮助" in result.stderr


def test_a_usage_error_in_english_is_clicks_own() -> None:
    result = CliRunner().invoke(main, ["history"])
    assert result.exit_code == 2
    assert "Error: Missing argument 'CLUSTER'." in result.stderr


@pytest.mark.parametrize("args", [
    ["validate", "missing.ttl"], ["clusters"], ["rules", "version"], ["token", "list"],
    ["ontology", "check"], ["serve"], ["queries", "list"],
])
def test_a_language_bcic_does_not_speak_in_bcic_lang_names_the_variable(args: list[str]) -> None:
    """The user wrote no --lang: the error names BCIC_LANG, where the value came from."""
    result = CliRunner(env={"BCIC_LANG": "fr"}).invoke(main, args)
    assert result.exit_code == 2
    assert "Invalid value for environment variable BCIC_LANG: 'fr'" in result.stderr
    assert "'--lang'" not in result.stderr


def test_a_bad_lang_option_is_named_as_the_option_in_bcic_langs_language() -> None:
    """--lang fr on the command line: the option is what to correct, said in BCIC_LANG's zh."""
    result = CliRunner(env={"BCIC_LANG": "zh"}).invoke(main, ["clusters", "--lang", "fr"])
    assert result.exit_code == 2
    assert "'--lang' 的值无效：'fr'" in result.stderr and "环境变量" not in result.stderr


def test_a_good_lang_option_wins_over_a_bad_bcic_lang(tmp_path: Path) -> None:
    result = CliRunner(env={"BCIC_LANG": "fr"}).invoke(
        main, ["clusters", "--lang", "zh", "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "处没有存储" in result.stderr


@pytest.mark.parametrize("value", ["zh-CN", "ZH", "zh_CN.UTF-8"])
def test_a_locale_style_language_is_read_by_its_first_part(value: str, tmp_path: Path) -> None:
    """BCIC_LANG and --lang take a tag or locale as people have them: zh-CN is zh."""
    where = str(tmp_path / "none")
    from_env = CliRunner(env={"BCIC_LANG": value}).invoke(main, ["clusters", "--store", where])
    from_option = CliRunner().invoke(main, ["clusters", "--lang", value, "--store", where])
    for result in (from_env, from_option):
        assert result.exit_code == 2 and "处没有存储" in result.stderr
