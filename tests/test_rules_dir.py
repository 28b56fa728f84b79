"""BCIC_RULES_DIR: a rule maintainer's draft copy of ontology/ and shapes/, read by every
command instead of the project's own (decision 16: its mistakes are named with its files and
lines), and a setting naming no such copy refused as bad input, before any rule is read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.paths import ALL_ONTOLOGY_FILES, PROJECT_ROOT, RULES_DIR_ENV
from checker.rulebook import rules_digest

MISSPELT = "shp:FundEvaluationExists a sh:PropertyShape"  # 7.1.2.1's check, its count misspelt


def _bcic(*args: str, rules: Path) -> subprocess.CompletedProcess[str]:
    """bcic run in a process of its own (the setting is read as bcic starts)."""
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=PROJECT_ROOT,
                          env={**os.environ, RULES_DIR_ENV: str(rules)}, capture_output=True,
                          text=True, timeout=300, check=False)


def _draft(tmp_path: Path) -> Path:
    """A copy of the rule files with 7.1.2.1's `sh:minCount 1` written `sh:mincount 1`."""
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
    assert (f"shp:FundEvaluationExists (shapes/ch7-resources.ttl:{line}): sh:mincount is no term "
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


@pytest.mark.parametrize("lang, words", [
    ("en", "BCIC_RULES_DIR names {folder}, which lacks shapes/*.ttl: it should hold a copy"),
    ("zh", "BCIC_RULES_DIR 指向 {folder}，但其中缺少 shapes/*.ttl：该文件夹应包含")])
@pytest.mark.parametrize("command", ["validate", "ingest"])
def test_a_draft_whose_shapes_folder_holds_no_shapes_file_is_refused(
        tmp_path: Path, lang: str, words: str, command: str) -> None:
    """A shapes/ folder with no .ttl in it is no rulebook of 0 shapes, which would find no gap
    in any submission: it is refused as a missing shapes/ is."""
    shutil.copytree(PROJECT_ROOT / "ontology", tmp_path / "ontology")
    (tmp_path / "shapes").mkdir()
    (tmp_path / "shapes" / "notes.txt").write_text("moved away", encoding="utf-8")
    store = ("--store", str(tmp_path / "store")) if command == "ingest" else ()
    refused = _bcic(command, str(PROJECT_ROOT / "examples" / "dehua-ceramics.ttl"),
                    "--lang", lang, *store, rules=tmp_path)
    assert refused.returncode == 2, refused.stdout
    assert words.format(folder=tmp_path.resolve()) in refused.stderr
    assert not (tmp_path / "store").exists()


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


# The web app of a draft, reloading its rules twice: once with BCIC_RULES_DIR changed since it
# started, once with the draft's shapes deleted; each answer's status and JSON, on one line.
_RELOADS = """
import json, os, shutil, sys
from pathlib import Path
from checker.tokens import TokenFile
from web import create_app, query_service
draft, store, tokens, other = map(Path, sys.argv[1:])
app = create_app({"TESTING": True, "BCIC_STORE": str(store), "SECRET_KEY": "s",
                  "BCIC_TOKENS": str(tokens)})
auth = {"Authorization": "Bearer " + TokenFile(tokens).create("maintainer")[1]}
os.environ["BCIC_RULES_DIR"] = str(other)
moved = app.test_client().post("/api/rules/reload", headers=auth)
shutil.rmtree(draft / "shapes")
deleted = app.test_client().post("/api/rules/reload", headers=auth)
(draft / "shapes").mkdir()
emptied = app.test_client().post("/api/rules/reload", headers=auth)
query_service(app).close()
print(json.dumps([moved.status_code, moved.get_json(), deleted.status_code, deleted.get_json(),
                  emptied.status_code, emptied.get_json()]))
"""


def test_a_reload_reads_the_folder_bcic_started_with_and_refuses_it_once_deleted(
        tmp_path: Path) -> None:
    """The web app's reload reads the draft it started with, whatever BCIC_RULES_DIR says since;
    with the draft's shapes deleted, or its shapes/ emptied, it read no shape at all and stored
    that rulebook, every provision a gap: it is refused now (400), naming the setting, the
    folder and what it lacks."""
    draft = tmp_path / "draft"
    for folder in ("ontology", "shapes"):
        shutil.copytree(PROJECT_ROOT / folder, draft / folder)
    draft_digest = rules_digest([*(draft / "ontology" / f.name for f in ALL_ONTOLOGY_FILES),
                                 *sorted((draft / "shapes").glob("*.ttl"))])
    answered = subprocess.run(
        [sys.executable, "-c", _RELOADS, str(draft), str(tmp_path / "store"),
         str(tmp_path / "tokens.json"), str(tmp_path / "elsewhere")], cwd=PROJECT_ROOT,
        env={**os.environ, RULES_DIR_ENV: str(draft)}, capture_output=True, text=True,
        timeout=600, check=False)
    assert answered.returncode == 0, answered.stderr
    moved, moved_body, deleted, deleted_body, emptied, emptied_body = json.loads(
        answered.stdout.splitlines()[-1])
    assert moved == 200 and moved_body["rulebook_digest"] == draft_digest
    assert deleted == 400 and deleted_body["error"] == "InputError"
    assert deleted_body["message"].startswith(
        f"BCIC_RULES_DIR names {draft.resolve()}, which lacks shapes: it should hold a copy")
    # An empty shapes/ is refused alike: no rulebook of 0 shapes is stored.
    assert emptied == 400 and emptied_body["message"].startswith(
        f"BCIC_RULES_DIR names {draft.resolve()}, which lacks shapes/*.ttl: it should hold")
