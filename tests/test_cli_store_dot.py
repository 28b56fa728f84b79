"""Store commands given a store path with no name of its own (`.`, `./`, `sub/..`), as typed
from inside the store directory or beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.paths import EXAMPLES_DIR
from checker.query_runner import current_snapshot

MEITAN = str(EXAMPLES_DIR / "meitan-tea.ttl")
MEITAN_CLUSTER = "https://example.org/cluster/meitan/cluster"


@pytest.fixture
def inside_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> Path:
    """A store at tmp_path/store holding one revision, with the current directory inside it."""
    store = tmp_path / "store"
    assert runner.invoke(main, ["ingest", MEITAN, "--store", str(store)]).exit_code == 0
    monkeypatch.chdir(store)
    return store


@pytest.mark.parametrize("dot", [".", "./"])
def test_ingest_into_dot_stores_once_and_refreshes_the_snapshot(
        inside_store: Path, runner: CliRunner, dot: str) -> None:
    before = current_snapshot(inside_store.with_name("store-snapshots"))
    result = runner.invoke(main, ["ingest", MEITAN, "--store", dot])
    assert result.exit_code == 0, result.output
    assert "Stored revision 2" in result.output
    assert current_snapshot(inside_store.with_name("store-snapshots")) != before


def test_delete_revision_in_dot_exits_0(inside_store: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["delete-revision", MEITAN_CLUSTER, "1", "--reason", "wrong cluster",
                                  "--store", "."])
    assert result.exit_code == 0, result.output


def test_reindex_of_dot_exits_0(inside_store: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["reindex", "--store", "."])
    assert result.exit_code == 0, result.output


def test_rules_reload_into_dot_exits_0(inside_store: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules", "reload", "--store", "."])
    assert result.exit_code == 0, result.output


def test_dot_dot_from_a_subdirectory_snapshots_beside_the_store(
        inside_store: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    (inside_store / "sub").mkdir()
    monkeypatch.chdir(inside_store / "sub")
    before = current_snapshot(inside_store.with_name("store-snapshots"))
    result = runner.invoke(main, ["ingest", MEITAN, "--store", ".."])
    assert result.exit_code == 0, result.output
    assert current_snapshot(inside_store.with_name("store-snapshots")) != before
    assert not Path("..-snapshots").exists()


def test_token_file_of_dot_lies_beside_the_store(inside_store: Path) -> None:
    from checker.tokens import token_file_for

    assert token_file_for(".") == inside_store.with_name("store-tokens.json")
