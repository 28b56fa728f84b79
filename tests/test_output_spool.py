"""A query's output is written at its reader's pace, and its time limit bounds the query's own
work (checker/output_spool.py, `bcic query` and `bcic queries run`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import output_spool
from checker.cli import main
from checker.i18n import message
from checker.output_spool import OutputSpool
from checker.paths import PROJECT_ROOT
from checker.query_runner import QueryTimeoutError
from checker.render import results

# `bcic ARGS…` whose stdout's reader takes nothing for 1.5 s after the first write is made
# (longer than the 1 s limit the tests give), then everything: a reader slower than the limit,
# without a sleep in the test. Rows are written two at a time, so the answer takes many writes.
_SLOW_READER = """
import io, os, sys, threading
from checker.cli import main
from checker.render import results

results.CHUNK_ROWS = 2
released = threading.Event()

class SlowReader(io.RawIOBase):
    def writable(self):
        return True

    def write(self, data):
        if not released.is_set():
            threading.Timer(1.5, released.set).start()
            released.wait()
        return os.write(1, data)

sys.stdout = io.TextIOWrapper(io.BufferedWriter(SlowReader()), encoding="utf-8",
                              write_through=True)
main(sys.argv[1:], prog_name="bcic")
"""

# Rows without end, as fast as the engine makes them: only the time limit stops it.
_ENDLESS = "SELECT ?a ?b WHERE { ?a ?p ?o . ?b ?q ?r }"


def _run(code: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    """bcic in a process of its own (the time limit ends the whole process)."""
    return subprocess.run([sys.executable, *code, *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.parametrize("command", [
    ["queries", "run", "most-violated-clauses"],
    ["query", "SELECT ?s ?o WHERE { ?s a ?o FILTER isIRI(?s) } ORDER BY ?s ?o LIMIT 40"]],
    ids=["queries-run", "query"])
@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_a_reader_slower_than_the_time_limit_gets_the_whole_answer(
        sample_store: Path, monkeypatch: pytest.MonkeyPatch, command: list[str],
        fmt: str) -> None:
    """The query is done long before the limit; waiting for its reader is not its work."""
    args = [*command, "--format", fmt, "--store", str(sample_store)]
    monkeypatch.setattr(results, "CHUNK_ROWS", 2)  # the table's widths, as in the child
    whole = CliRunner().invoke(main, args)
    assert whole.exit_code == 0 and whole.stdout.count("\n") > 10, whole.output
    slow = _run(["-c", _SLOW_READER], *args, "--timeout", "1")
    assert (slow.returncode, slow.stderr) == (0, "")
    assert slow.stdout == whole.stdout


@pytest.mark.parametrize(("fmt", "lang"), [("csv", "en"), ("json", "zh"), ("table", "en")])
def test_a_query_past_its_time_limit_after_writing_rows_says_its_output_is_incomplete(
        sample_store: Path, fmt: str, lang: str) -> None:
    stopped = _run(["-m", "checker.cli"], "query", _ENDLESS, "--format", fmt, "--timeout", "1",
                   "--store", str(sample_store), "--lang", lang)
    assert stopped.returncode == 4 and stopped.stdout.count("\n") > 10
    error = QueryTimeoutError.of("error.query.timeout", seconds=1.0)
    assert stopped.stderr.splitlines() == [
        message("query.output_incomplete", lang),
        message("error.checker", lang, message=error.text(lang))]


def test_the_spool_copies_every_piece_in_order_past_its_memory(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces copied a few bytes at a time, cutting characters, through a temporary file."""
    monkeypatch.setattr(output_spool, "SPOOL_MEMORY", 16)
    monkeypatch.setattr(output_spool, "COPY_BYTES", 5)
    copied: list[str] = []
    spool = OutputSpool(copied.append)
    pieces = [f"第{index}行，产业集群 cluster\n" for index in range(200)]
    for piece in pieces:
        spool.write(piece)
    spool.finish()
    assert "".join(copied) == "".join(pieces) and len(copied) > len(pieces)
    assert spool.halt()  # text was copied


def test_the_outputs_failure_reaches_the_writer() -> None:
    def gone(_text: str) -> None:
        raise BrokenPipeError

    spool = OutputSpool(gone)
    assert not spool.halt()  # nothing copied yet; and now nothing will be
    spool = OutputSpool(gone)
    spool.write("a")
    with pytest.raises(BrokenPipeError):
        spool.finish()
    with pytest.raises(BrokenPipeError):
        spool.write("b")


def test_a_named_query_past_its_time_limit_names_itself_and_the_option_that_raises_it(
        sample_store: Path) -> None:
    """Not the endpoint's "add a LIMIT": the text of a named query cannot change."""
    stopped = _run(["-m", "checker.cli"], "queries", "run", "indicator-trends",
                   "--timeout", "1e-9", "--store", str(sample_store), "--lang", "zh")
    assert stopped.returncode == 4
    error = QueryTimeoutError.of("error.query.timeout_named", name="indicator-trends",
                                 seconds=1e-9)
    assert stopped.stderr.splitlines()[-1] == message("error.checker", "zh",
                                                      message=error.text("zh"))
    assert "--timeout" in error.text("zh") and "LIMIT" not in error.text("en")
