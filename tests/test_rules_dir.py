"""BCIC_RULES_DIR: a rule maintainer's draft copy of ontology/ and shapes/, read by every
command instead of the project's own (decision 16: its mistakes are named with its files and
lines), and a setting naming no such copy refused as bad input, before any rule is read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.paths import PROJECT_ROOT, RULES_DIR_ENV

MISSPELT = "shp:InfrastructureExists a sh:PropertyShape"  # 7.1.1's check, its count misspelt


def _bcic(*args: str, rules: Path) -> subprocess.CompletedProcess[str]:
    """bcic run in a process of its own (the setting is read as bcic starts)."""
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=PROJECT_ROOT,
                          env={**os.environ, RULES_DIR_ENV: str(rules)}, capture_output=True,
                          text=True, timeout=300, check=False)


def _draft(tmp_path: Path) -> Path:
    """A copy of the rule files with 7.1.1's `sh:minCount 1` written `sh:mincount 1`."""
    draft = tmp_path / "draft"
    for folder in ("ontology", "shapes"):
        shutil.copytree(PROJECT_ROOT / folder, draft / folder)
    shapes = draft / "shapes" / "ch7-resources.ttl"
    text = shapes.read_text(encoding="utf-8")
    start = text.index(MISSPELT)
    at = text.index("sh:minCount 1", start)
    shapes.write_text(text[:at] + "sh:mincount 1" + text[at + len("sh:minCount 1"):],
                      encoding="utf-8")
    return draft


def test_rules_coverage_reads_the_draft_and_names_its_mistake_where_it_is_written(
        tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    lines = (draft / "shapes" / "ch7-resources.ttl").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "sh:mincount 1" in text)
    checked = _bcic("rules", "coverage", rules=draft)
    assert checked.returncode == 1, checked.stderr
    assert (f"shp:InfrastructureExists (shapes/ch7-resources.ttl:{line}): sh:mincount is no term "
            "of SHACL") in checked.stdout + checked.stderr
    # The project's own rules are untouched and still have no mistake.
    assert "sh:mincount" not in (PROJECT_ROOT / "shapes" / "ch7-resources.ttl").read_text("utf-8")


@pytest.mark.parametrize("lang, words", [
    ("en", "BCIC_RULES_DIR names {folder}, which lacks ontology/bcic.ttl, ontology/indicators.ttl, "
           "ontology/requirements.ttl, ontology/datacube.ttl, shapes: it should hold a copy of "
           "the project's ontology/ and shapes/ folders"),
    ("zh", "BCIC_RULES_DIR 指向 {folder}，但其中缺少 ontology/bcic.ttl、ontology/indicators.ttl、"
           "ontology/requirements.ttl、ontology/datacube.ttl、shapes：该文件夹应包含本项目 ontology/ 和 "
           "shapes/ 两个文件夹的副本")])
def test_a_setting_naming_no_copy_of_the_rules_is_bad_input(tmp_path: Path, lang: str,
                                                            words: str) -> None:
    refused = _bcic("validate", str(PROJECT_ROOT / "examples" / "dehua-ceramics.ttl"),
                    "--lang", lang, rules=tmp_path)
    assert refused.returncode == 2
    assert words.format(folder=tmp_path.resolve()) in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_version_says_the_drafts_digest_or_refuses_a_setting_naming_no_copy(
        tmp_path: Path) -> None:
    """`bcic --version` names the rulebook by its digest: the draft's, which differs."""
    own = subprocess.run([sys.executable, "-m", "checker.cli", "--version"], cwd=PROJECT_ROOT,
                         env={k: v for k, v in os.environ.items() if k != RULES_DIR_ENV},
                         capture_output=True, text=True, timeout=300, check=True)
    drafted = _bcic("--version", rules=_draft(tmp_path))
    assert drafted.returncode == 0 and drafted.stdout != own.stdout
    assert drafted.stdout.split("(")[0] == own.stdout.split("(")[0]  # the same program
    refused = _bcic("--version", rules=tmp_path / "nothing")
    assert refused.returncode == 2 and "BCIC_RULES_DIR" in refused.stderr
