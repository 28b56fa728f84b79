"""`bcic validate`, `bcic generate` and `bcic rules coverage` from the command line."""

from __future__ import annotations

import json
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.paths import EXAMPLES_DIR, PROJECT_ROOT
from checker.render.text import width
from tests.catalogue_counts import COUNTS, UPDATE

MATURE = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
PARTIAL = str(EXAMPLES_DIR / "datang-socks.ttl")


def test_conformant_submission_exits_0_and_says_so(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", MATURE])
    assert result.exit_code == 0, result.output
    assert "no gap found; 93 item(s) await an evaluator".upper() in result.output


def test_submission_with_gaps_exits_1_and_names_the_unmet_clause(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", PARTIAL, "--lang", "zh"])
    assert result.exit_code == 1
    assert "8.2.6" in result.output and "传播效果评价" in result.output


def test_json_report_has_the_promised_unmet_clauses(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", PARTIAL, "--format", "json"])
    document = json.loads(result.output)
    unmet = {r["id"] for r in document["requirements"] if r["status"] == "not_met"}
    expected = json.loads((EXAMPLES_DIR / "expected.json").read_text())["datang-socks.ttl"]
    assert set(expected["unmet_shall"]) <= unmet and document["conforms"] is False


def test_report_is_written_to_the_output_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(main, ["validate", MATURE, "--format", "html", "--output", str(target)])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_several_files_form_one_submission(runner: CliRunner, tmp_path: Path) -> None:
    lines = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8").splitlines()
    prefixes = [line for line in lines if line.startswith("@prefix")]
    body = [line for line in lines if not line.startswith("@prefix")]
    cut = next(i for i in range(len(body) // 2, len(body)) if body[i].strip() == "")
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    first.write_text("\n".join(prefixes + body[:cut]), encoding="utf-8")
    second.write_text("\n".join(prefixes + body[cut:]), encoding="utf-8")
    assert runner.invoke(main, ["validate", str(first)]).exit_code == 1
    assert runner.invoke(main, ["validate", str(first), str(second)]).exit_code == 0


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Error: {path}:2:19: the literal 'Note\\x01' holds the character U+0001"),
    ("zh", "错误：{path}:2:19：字面量 'Note\\x01' 含有字符 U+0001")])
def test_a_control_character_in_a_literal_exits_2_naming_file_line_and_character(
        runner: CliRunner, tmp_path: Path, lang: str, said: str) -> None:
    noted = tmp_path / "noted.ttl"
    noted.write_text('@prefix ex: <https://example.org/> .\nex:a ex:note "Note\\u0001" .\n',
                     encoding="utf-8")
    result = runner.invoke(main, ["validate", str(noted), "--lang", lang])
    assert result.exit_code == 2
    assert result.output.startswith(said.format(path=noted)), result.output


def test_a_submission_over_bcic_max_triples_exits_2_saying_how_to_raise_the_limit(
        runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", MATURE], env={"BCIC_MAX_TRIPLES": "1000"})
    assert result.exit_code == 2
    assert ("dehua-ceramics.ttl: the submission holds more than 1,000 statements (triples), the "
            "limit BCIC_MAX_TRIPLES sets") in result.output
    assert "set BCIC_MAX_TRIPLES higher where bcic runs" in result.output


def test_syntax_error_exits_2_naming_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b ex:c ex:d .\n"
                   "ex:e ex:f ex:g .\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "broken.ttl:3:" in result.output


def test_a_syntax_error_is_said_in_chinese_around_the_parsers_own_words(
        runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c ex:d .\n",
                   encoding="utf-8")
    result = runner.invoke(main, ["validate", str(bad), "--lang", "zh"])
    assert result.exit_code == 2
    assert f"错误：{bad}:2:16：Turtle 语法错误：A dot is expected" in result.output


def test_a_usage_error_is_said_in_the_language_of_bcic_lang(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", MATURE, "--each"], env={"BCIC_LANG": "zh"})
    assert result.exit_code == 2
    assert "错误：--each 需要用 --output DIRECTORY 指定存放各份报告的目录" in result.output


def test_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 2


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    assert runner.invoke(main, ["validate", MATURE, "--format", "pdf"]).exit_code == 2


def test_fail_on_warning_still_passes_a_submission_with_only_infos(runner: CliRunner,
                                                                    tmp_path: Path) -> None:
    """The samples have no should-level provision to miss: infos (8.3.1) never fail."""
    text = (EXAMPLES_DIR / "dehua-ceramics.ttl").read_text(encoding="utf-8")
    assert runner.invoke(main, ["validate", MATURE, "--fail-on", "warning"]).exit_code == 0
    assert "CollectiveBrandRegistration" in text


def test_each_validates_every_file_into_its_own_report(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = runner.invoke(main, ["validate", "--each", MATURE, PARTIAL, "--format", "json",
                                  "--output", str(out)])
    assert result.exit_code == 1
    verdicts = {p.stem: json.loads(p.read_text())["conforms"] for p in out.glob("*.json")}
    assert verdicts == {"dehua-ceramics": True, "datang-socks": False}


def test_each_says_a_files_error_in_the_language_asked(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("# nothing here\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--each", str(empty), "--output",
                                  str(tmp_path / "reports"), "--lang", "zh"])
    assert result.exit_code == 2
    assert "提交材料中没有任何 RDF 陈述（" in result.output


@pytest.mark.parametrize("lang, lines", [
    # The rate is met ÷ applicable: a requirement pending manual review is not met yet.
    ("en", ["not validated: {broken}:1:", "{partial}: not conformant, conformance rate 16.8% (81 "
            "pending review) — report {out}/datang-socks.txt",
            "{mature}: no gap found; 93 item(s) await an evaluator, conformance rate 21.8% (93 "
            "pending review) — ",
            "3 files: 1 with no gap found, 1 with gaps, 1 not validated (bad input)"]),
    ("zh", ["未能验证：{broken}:1:",
            "{partial}：不符合，符合率 16.8%（81 项待人工评审） —— 报告 {out}/datang-socks.txt",
            "{mature}：未发现差距，93 项待人工评审确认，符合率 21.8%（93 项待人工评审） —— ",
            "共 3 个文件：1 个未发现差距，1 个有差距，1 个未能验证（输入有误）"]),
])
def test_each_ends_with_a_line_per_file_in_order_and_the_counts(
        runner: CliRunner, tmp_path: Path, lang: str, lines: list[str]) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle\n", encoding="utf-8")
    out = tmp_path / "reports"
    result = runner.invoke(main, ["validate", "--each", str(broken), PARTIAL, MATURE,
                                  "--output", str(out), "--lang", lang])
    assert result.exit_code == 2  # bad input outranks gaps
    summary = result.stdout.splitlines()[-4:]
    for said, expected in zip(summary, lines, strict=True):
        assert said.startswith(expected.format(broken=broken, partial=PARTIAL, mature=MATURE,
                                               out=out)), (said, expected)
    assert summary[0].count(str(broken)) == 1  # the parse error names the file once


def test_each_escapes_a_control_character_in_a_files_name(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    """A line break in a name would start a line of the name's own ("OK fake.ttl: conforms")."""
    forged = tmp_path / "m\nOK  fake.ttl: conforms (100.0%).ttl"
    forged.write_bytes(Path(MATURE).read_bytes())
    bad = tmp_path / "b\x1b[31m.ttl"
    bad.write_text("this is not turtle\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--each", str(forged), str(bad),
                                  "--output", str(tmp_path / "reports")])
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and not any(line.startswith("OK") for line in lines)
    assert "m\\x0aOK  fake.ttl" in lines[0] and "b\\x1b[31m.ttl" in lines[1]
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("lang, lines", [
    ("en", ["not validated: {empty}: the submission contains no RDF statements",
            "1 file: 0 with no gap found, 0 with gaps, 1 not validated (bad input)"]),
    ("zh", ["未能验证：{empty}：提交材料中没有任何 RDF 陈述",
            "共 1 个文件：0 个未发现差距，0 个有差距，1 个未能验证（输入有误）"]),
])
def test_a_batch_of_one_file_counts_one_file_and_names_it_in_the_languages_punctuation(
        runner: CliRunner, tmp_path: Path, lang: str, lines: list[str]) -> None:
    """"1 file", not "1 files"; the file before an error the loader says without it is followed
    by the colon of the language (：in Chinese)."""
    empty = tmp_path / "empty.ttl"
    empty.write_text("# nothing here\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--each", str(empty), "--output",
                                  str(tmp_path / "reports"), "--lang", lang])
    summary = result.stdout.splitlines()[-2:]
    for said, expected in zip(summary, lines, strict=True):
        assert said.startswith(expected.format(empty=empty)), (said, expected)


def test_each_without_output_directory_is_bad_usage(runner: CliRunner) -> None:
    assert runner.invoke(main, ["validate", "--each", MATURE]).exit_code == 2


def test_generated_cluster_validates_as_conformant(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "synthetic.ttl"
    made = runner.invoke(main, ["generate", "--members", "20", "--years", "2",
                                "--output", str(target)])
    assert made.exit_code == 0, made.output
    assert runner.invoke(main, ["validate", str(target)]).exit_code == 0


def test_rules_coverage_reports_no_gap(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules", "coverage"])
    assert result.exit_code == 0
    assert f"{COUNTS.provisions} requirements" in result.output, UPDATE
    assert "0 gap(s)" in result.output
    assert "0 shall-level requirement(s) checked by manual review only" in result.output


def test_rules_coverage_in_chinese_names_the_levels_as_the_reports_do(runner: CliRunner) -> None:
    """The level column says 应 / 可 / 资料性 under zh (report.level.*, the words of the text
    report), never shall / may / informative, and stays aligned although they are wide."""
    result = runner.invoke(main, ["rules", "coverage", "--lang", "zh"])
    rows = [re.match(r"(\S+ +)(\S+)( +)\d+ 个形状", line) for line in result.output.splitlines()]
    levels = {m.group(1).strip(): m.group(2) for m in rows if m}
    assert len(levels) == COUNTS.provisions, UPDATE
    assert (levels["4.1"], levels["8.3.1"], levels["9.3.2"]) == ("应", "可", "资料性")
    assert set(levels.values()) == {"应", "可", "资料性"}
    assert len({width("".join(m.groups())) for m in rows if m}) == 1  # counts in one column


def test_rules_coverage_says_through_items_only_where_shall_level_items_decide(
        runner: CliRunner) -> None:
    """9.3.2's and 9.4.1's items are informative and decide nothing (9.4.1 has shapes of its own):
    only the lead-ins of shall-level items are said to be decided through them."""
    result = runner.invoke(main, ["rules", "coverage"])
    through = {line.split()[0] for line in result.output.splitlines() if "through items" in line}
    assert through == {"4.2.1", "4.2.2", "4.2.3", "5.3", "6.2", "8.1.3", "8.3.2", "8.3.3",
                       "8.3.4", "9.1.4", "9.1.4-a", "9.1.4-b", "9.1.4-c"}
    chinese = runner.invoke(main, ["rules", "coverage", "--lang", "zh"]).output
    assert "由列项 9.4.1-a" not in chinese and "由列项 9.3.2-a" not in chinese
    assert "由列项 9.1.4-a 9.1.4-b 9.1.4-c 判定" in chinese


def test_two_clusters_in_one_submission_exit_2_in_either_order(runner: CliRunner) -> None:
    tea = str(EXAMPLES_DIR / "meitan-tea.ttl")
    for files in ([tea, MATURE], [MATURE, tea]):
        result = runner.invoke(main, ["validate", *files])
        assert result.exit_code == 2, result.output
        assert "the submission describes several clusters: " in result.output
    chinese = runner.invoke(main, ["validate", tea, MATURE, "--lang", "zh"])
    assert "错误：提交材料描述了多个产业集群" in chinese.output


def test_generate_into_a_missing_directory_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "nodir" / "x.ttl"
    result = runner.invoke(main, ["generate", "--members", "1", "--years", "1", "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert f"Error: {target}: cannot be written (No such file or directory)" in result.output


def _copy_of_mature(path: Path) -> Path:
    path.write_bytes(Path(MATURE).read_bytes())
    return path


def test_output_naming_an_input_is_refused_and_the_input_kept(runner: CliRunner,
                                                               tmp_path: Path) -> None:
    victim = _copy_of_mature(tmp_path / "victim.ttl")
    before = victim.read_bytes()
    result = runner.invoke(main, ["validate", str(victim), "--format", "ttl", "--output",
                                  str(victim), "--lang", "zh"])
    assert result.exit_code == 2 and "报告会覆盖输入文件" in result.output
    assert victim.read_bytes() == before


def test_output_linked_to_an_input_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    victim = _copy_of_mature(tmp_path / "victim.ttl")
    before = victim.read_bytes()
    (tmp_path / "symlink.txt").symlink_to(victim)
    (tmp_path / "hardlink.txt").hardlink_to(victim)
    for link in ("symlink.txt", "hardlink.txt"):
        result = runner.invoke(main, ["validate", str(victim), "--output", str(tmp_path / link)])
        assert result.exit_code == 2 and "would overwrite the input file" in result.output, link
    assert victim.read_bytes() == before


def test_each_report_landing_on_an_input_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    victim = _copy_of_mature(tmp_path / "x.ttl")
    before = victim.read_bytes()
    result = runner.invoke(main, ["validate", "--each", str(victim), "--format", "ttl",
                                  "--output", str(tmp_path)])
    assert result.exit_code == 2 and victim.read_bytes() == before


def test_each_refuses_two_inputs_of_one_stem_naming_both(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _copy_of_mature(tmp_path / "a" / "x.ttl")
    second = tmp_path / "b" / "x.ttl"
    second.write_bytes(Path(PARTIAL).read_bytes())
    out = tmp_path / "reports"
    result = runner.invoke(main, ["validate", "--each", str(first), str(second), "--format",
                                  "json", "--output", str(out), "--lang", "zh"])
    assert result.exit_code == 2
    assert str(first) in result.output and str(second) in result.output
    assert "x.json" in result.output and not out.exists()


def test_a_submission_describing_the_standards_own_class_exits_2_naming_the_line(
        runner: CliRunner, ontology_rewrite_file: Path) -> None:
    tbox = ontology_rewrite_file
    result = runner.invoke(main, ["validate", str(tbox), "--lang", "zh"])
    assert result.exit_code == 2
    assert f"{tbox}:3:1：<https://w3id.org/bcic/ontology#CultivationBody> 是本标准的术语" \
        in result.output


def _bcic_writing(args: list[str], file_size: int | None = None) -> subprocess.CompletedProcess[str]:
    """`bcic ARGS` in a process of its own, its files cut at `file_size` bytes (as a disk that
    fills up: a write past it fails with EFBIG) when one is given."""
    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=300, check=False,
                          preexec_fn=None if file_size is None else limit_files)


@pytest.mark.parametrize("command", [["validate", MATURE, "--format", "json", "--output"],
                                     ["generate", "--members", "200", "-o"]])
def test_an_output_that_cannot_be_written_exits_2_saying_why_and_leaves_no_file(
        tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "nodir" / "r.out"
    child = _bcic_writing([*command, str(missing)])
    assert child.returncode == 2
    assert f"Error: {missing}: cannot be written (No such file or directory)" in child.stderr
    child = _bcic_writing([*command, "/dev/full", "--lang", "zh"] if command[0] == "validate"
                          else [*command, "/dev/full"])
    assert child.returncode == 2 and "Traceback" not in child.stderr
    # the system's reason in the language asked: Python says it in English whatever the locale
    reason = "磁盘空间已满" if command[0] == "validate" else "No space left on device"
    assert "/dev/full" in child.stderr and reason in child.stderr
    target = tmp_path / "r.out"
    target.write_text("the previous report", encoding="utf-8")
    child = _bcic_writing([*command, str(target)], file_size=4096)  # the disk fills up
    assert child.returncode == 2
    assert f"{target}: cannot be written (File too large)" in child.stderr
    assert target.read_text(encoding="utf-8") == "the previous report"  # no part of the new one
    assert [p.name for p in tmp_path.iterdir()] == ["r.out"]  # nor a draft left beside it


def test_a_batch_whose_reports_cannot_be_written_exits_2_saying_why(
        runner: CliRunner, tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("a file where the reports' folder should be", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--each", MATURE, "--output", str(taken / "r")])
    assert result.exit_code == 2
    assert f"Error: {taken / 'r'}: cannot be written (Not a directory)" in result.output


@pytest.mark.parametrize("each", [False, True], ids=["one submission", "each"])
def test_an_html_report_links_the_rulebook_of_the_public_url_when_set(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, each: bool) -> None:
    """With BCIC_PUBLIC_URL the hints of an HTML report link to that server's rulebook pages
    (`bcic report` does the same: test_cli_report.py), in a batch too."""
    monkeypatch.setenv("BCIC_PUBLIC_URL", "https://bcic.example.org")
    args = ["--each", PARTIAL, "--output", str(tmp_path)] if each else [
        PARTIAL, "--output", str(tmp_path / "datang-socks.html")]
    result = CliRunner().invoke(main, ["validate", *args, "--format", "html"])
    assert result.exit_code == 1, result.output
    written = (tmp_path / "datang-socks.html").read_text(encoding="utf-8")
    assert 'href="https://bcic.example.org/rulebook/8.2.6"' in written
    assert "bcic rules show" not in written
