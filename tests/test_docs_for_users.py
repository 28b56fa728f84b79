"""What a new user reads in README.md, README.zh.md and the docs holds: the figures they state are
the ones the program gives, the Chinese README opens as the English one does and says how a report
is handed to a cluster as the report itself words the sign-off, and no document sends the reader
to a file outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.i18n import message
from checker.paths import PROJECT_ROOT
from checker.synthetic import generate_cluster

README = PROJECT_ROOT / "README.md"
README_ZH = PROJECT_ROOT / "README.zh.md"
WEB_README = PROJECT_ROOT / "web" / "README.md"
DOCUMENTS = (README, README_ZH, WEB_README, *sorted((PROJECT_ROOT / "docs").glob("*.md")),
             PROJECT_ROOT / "checker" / "queries" / "README.md")
# A Markdown link's target: `[text](target)`.
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _flat(path: Path) -> str:
    """The document's text with every run of white space one space, as it reads."""
    return " ".join(path.read_text(encoding="utf-8").split())


def test_the_statement_count_web_readme_states_is_the_generators() -> None:
    statements = len(generate_cluster(members=1000, years=10))
    assert f"`bcic generate --members 1000 --years 10` {statements:,}" in _flat(WEB_README)


def test_every_document_states_one_count_for_the_cluster_of_10000_members() -> None:
    stated = {re.search(pattern, _flat(path)).group(1) for path, pattern in (  # type: ignore[union-attr]
        (README, r"10,000 members over 5 years holds ([\d,]+)"),
        (WEB_README, r"10,000 members over 5 years \(`bench/`\) holds ([\d,]+)"),
        (README_ZH, r"10,000 个成员、5 年的合成集群有 ([\d,]+) 条语句"))}
    assert len(stated) == 1, stated


def test_the_chinese_readme_opens_with_the_set_up_commands_and_the_two_link_each_other() -> None:
    commands = "```sh\nmake demo\nmake test\n```\n"
    assert README.read_text(encoding="utf-8").startswith(commands)
    assert README_ZH.read_text(encoding="utf-8").startswith(commands)
    assert "(README.zh.md)" in README.read_text(encoding="utf-8")
    assert "(README.md)" in README_ZH.read_text(encoding="utf-8")


@pytest.mark.parametrize("path, langs", [(README, ("en", "zh")), (README_ZH, ("zh",))],
                         ids=lambda p: getattr(p, "name", ""))
def test_handing_a_report_to_a_cluster_quotes_the_final_sign_off_as_reports_word_it(
        path: Path, langs: tuple[str, ...]) -> None:
    """Clause 1's evaluator signs the report off; the section says what a final one reads."""
    text = _flat(path)
    heading = "## Handing the report to the cluster" if path == README else "## 向产业集群提交报告"
    section = text[text.index(heading):]
    for lang in langs:
        assert message("report.sign_off.final", lang) in section  # type: ignore[arg-type]
    assert "BCIC_PUBLIC_URL" in section and "docs/evidence.zh.md" in section


def test_release_step_2_names_both_evidence_profiles_the_tests_check() -> None:
    assert "docs/evidence.md and docs/evidence.zh.md" in _flat(README)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_no_document_sends_the_reader_outside_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "shared/NOTES.md" not in text
    for target in _LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:|#", target):  # a URL, or an anchor of the page
            continue
        resolved = (path.parent / target.split("#", 1)[0]).resolve()
        assert resolved.is_relative_to(PROJECT_ROOT.resolve()) and resolved.exists(), target
