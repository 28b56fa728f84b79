"""A query's output is written at its reader's pace, and its time limit bounds the query's own
work (checker/output_spool.py, `bcic query` and `bcic queries run`)."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import output_spool
from checker.cli import main
from checker.errors import OutputError
from checker.i18n import message
from checker.os_reasons import reason_of_number
from checker.output_spool import OutputSpool
from checker.paths import PROJECT_ROOT
from checker.query_runner import QueryTimeoutError
from checker.render import results
from checker.tokens import TokenFile

# `bcic ARGS…` whose stdout's reader takes nothing for 1.5 s after the first write is made
# (longer than the 1 s limit the tests give), then everything: a reader slower than the limit,
# without a sleep in the test. Rows are written two at a time, so the answer takes many writes.
DEHUA_CLUSTER = "https://example.org/cluster/dehua/cluster"

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
            threading.Timer(3.5, released.set).start()
            released.wait()
        return os.write(1, data)

sys.stdout = io.TextIOWrapper(io.BufferedWriter(SlowReader()), encoding="utf-8",
                              write_through=True)
main(sys.argv[1:], prog_name="bcic")
"""

# `bcic ARGS…` whose stdout takes the first piece of text, then finds its disk full: pieces of
# 64 bytes at most, so that the answer takes several. What the interpreter flushes at its exit
# after that is dropped, so that the exit code is bcic's own.
_DISK_FULL_AFTER_ONE_PIECE = """
import errno, io, os, sys
from checker import output_spool
from checker.cli import main

output_spool.COPY_BYTES = 64

class FullAfterOnePiece(io.RawIOBase):
    writes = 0

    def writable(self):
        return True

    def write(self, data):
        self.writes += 1
        if self.writes == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return os.write(1, data) if self.writes == 1 else len(data)

sys.stdout = io.TextIOWrapper(io.BufferedWriter(FullAfterOnePiece()), encoding="utf-8",
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
    slow = _run(["-c", _SLOW_READER], *args, "--timeout", "2.5")  # the reader takes 3.5 s
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


class _DiskFullAfter(io.RawIOBase):
    """A file on a disk with room for `room` bytes: a write past them takes what fits, then
    fails with ENOSPC, as a full TMPDIR does."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self._data = bytearray()
        self._position = 0
        self._room = room

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._position = offset + (len(self._data) if whence == io.SEEK_END else 0)
        return self._position

    def tell(self) -> int:
        return self._position

    def truncate(self, size: int | None = None) -> int:
        del self._data[self._position if size is None else size:]
        return len(self._data)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._data[self._position:self._position + len(buffer)]
        buffer[:len(data)] = data
        self._position += len(data)
        return len(data)

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        fits = bytes(data[:max(self._room - self._position, 0)])
        if not fits:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._data[self._position:self._position + len(fits)] = fits
        self._position += len(fits)
        return len(fits)


def test_a_spool_whose_file_fills_up_ends_with_an_error_not_a_loop(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """TMPDIR full while the reader waits: the copier once spun for ever on text the file
    never took; now it stops, and the writer gets an OutputError (exit 4)."""
    monkeypatch.setattr(output_spool, "_spool_file",
                        lambda: io.BufferedRandom(_DiskFullAfter(1000), buffer_size=64))
    first_taken, reader_waits = threading.Event(), threading.Event()
    copied: list[str] = []

    def slow_reader(text: str) -> None:
        first_taken.set()
        reader_waits.wait()
        copied.append(text)

    held: list[str] = []
    failures: list[Exception] = []

    def query() -> None:
        spool = OutputSpool(slow_reader)
        try:
            for index in range(100):
                row = f"第{index}行，产业集群 cluster {index}\n"
                spool.write(row)
                held.append(row)
                first_taken.wait(timeout=10)  # the rest waits in the file
        except OutputError as error:
            failures.append(error)
        reader_waits.set()
        failures.append(spool.drain() or AssertionError("no error"))

    writer = threading.Thread(target=query, daemon=True)
    writer.start()
    writer.join(timeout=20)
    assert not writer.is_alive(), "the spool never ended"
    assert len(failures) == 2 and failures[0] is failures[1]
    assert failures[0].exit_code == 4 and "(TMPDIR)" in failures[0].text("en")
    assert 10 < len(held) < 100  # the file took some rows, then refused one
    assert copied == held[:1]  # taken before the file filled up: nothing after it


def test_stdout_on_a_full_disk_is_an_error_of_its_own_not_an_internal_one(
        sample_store: Path) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        stopped = subprocess.run(
            [sys.executable, "-m", "checker.cli", "queries", "run", "most-violated-clauses",
             "--format", "csv", "--store", str(sample_store), "--lang", "zh"],
            cwd=PROJECT_ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
            check=False)
    error = OutputError.of("error.cannot_write", path="/dev/full",
                           reason=reason_of_number(errno.ENOSPC))
    assert stopped.returncode == 4
    # nothing reached the output: there is nothing above to call incomplete
    assert stopped.stderr.splitlines() == [message("error.checker", "zh",
                                                   message=error.text("zh"))]
    assert "/dev/full：无法写入（磁盘空间已满）" in stopped.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", [["clusters"], ["history", DEHUA_CLUSTER], ["rules", "version"],
                                     ["queries", "list"]],
                         ids=["clusters", "history", "rules-version", "queries-list"])
def test_every_command_told_its_stdout_is_full_exits_4_naming_it(
        sample_store: Path, command: list[str], lang: str) -> None:
    """Not "Internal error" (exit 3), nor Python's traceback at exit when the last of the output
    is flushed (exit 120): the same error as a query's."""
    store = ["--store", str(sample_store)] if command[0] in ("clusters", "history") else []
    with open("/dev/full", "w", encoding="utf-8") as full:
        stopped = subprocess.run(
            [sys.executable, "-m", "checker.cli", *command, *store, "--lang", lang],
            cwd=PROJECT_ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
            check=False)
    error = OutputError.of("error.cannot_write", path="/dev/full",
                           reason=reason_of_number(errno.ENOSPC))
    assert stopped.returncode == 4, stopped.stderr
    assert stopped.stderr.splitlines() == [message("error.checker", lang,
                                                   message=error.text(lang))]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("option", ["--help", "--version"])
def test_the_top_commands_own_options_on_a_full_stdout_exit_4_naming_it(option: str,
                                                                         lang: str) -> None:
    """They ran before the command's error handling: a traceback, exit 1."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        stopped = subprocess.run([sys.executable, "-m", "checker.cli", option],
                                 cwd=PROJECT_ROOT, stdout=full, stderr=subprocess.PIPE,
                                 text=True, timeout=120, check=False,
                                 env={**os.environ, "BCIC_LANG": lang})
    error = OutputError.of("error.cannot_write", path="/dev/full",
                           reason=reason_of_number(errno.ENOSPC))
    assert stopped.returncode == 4, stopped.stderr
    assert stopped.stderr.splitlines() == [message("error.checker", lang,
                                                   message=error.text(lang))]


def test_an_error_nobody_can_be_told_of_keeps_its_exit_code() -> None:
    """A stderr on a full disk made every failure exit 1, which says "gaps found"."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        stopped = subprocess.run([sys.executable, "-m", "checker.cli", "validate",
                                  "/no/such/file.ttl"], cwd=PROJECT_ROOT, stdout=full,
                                 stderr=full, timeout=120, check=False)
    assert stopped.returncode == 2


def test_an_ingest_whose_stdout_is_full_says_the_revision_was_stored(tmp_path: Path) -> None:
    """Exit 4 alone made the operator send it again: a second revision."""
    store = tmp_path / "store"
    with open("/dev/full", "w", encoding="utf-8") as full:
        stopped = subprocess.run(
            [sys.executable, "-m", "checker.cli", "ingest",
             str(PROJECT_ROOT / "examples" / "meitan-tea.ttl"), "--store", str(store),
             "--lang", "zh"], cwd=PROJECT_ROOT, stdout=full, stderr=subprocess.PIPE, text=True,
            timeout=300, check=False)
    assert stopped.returncode == 4
    assert "已存储产业集群 https://example.org/cluster/meitan/cluster 的第 1 版，但其后的输出无法写入" \
        in stopped.stderr


def test_a_token_stdout_could_not_show_is_not_kept(tmp_path: Path) -> None:
    """It was kept, valid, though nobody ever held it, and the error did not say so."""
    tokens = tmp_path / "tokens.json"
    with open("/dev/full", "w", encoding="utf-8") as full:
        stopped = subprocess.run(
            [sys.executable, "-m", "checker.cli", "token", "create", "--role", "evaluator",
             "--tokens", str(tokens)], cwd=PROJECT_ROOT, stdout=full, stderr=subprocess.PIPE,
            text=True, timeout=120, check=False)
    assert stopped.returncode == 4 and "/dev/full" in stopped.stderr
    assert TokenFile(tokens).records() == []


@pytest.mark.parametrize(("lang", "said"), [("en", "not a usable path (File name too long)"),
                                            ("zh", "路径不可用（文件名过长）")])
def test_a_path_too_long_is_bad_input_not_an_internal_error(tmp_path: Path, lang: str,
                                                             said: str) -> None:
    long_name = tmp_path / ("a" * 300 + ".ttl")
    result = CliRunner().invoke(main, ["validate", str(long_name), "--lang", lang])
    assert result.exit_code == 2, result.output
    assert said in result.output


@pytest.mark.parametrize("command", [
    ["queries", "run", "most-violated-clauses"],
    ["query", "SELECT ?s ?o WHERE { ?s a ?o FILTER isIRI(?s) } ORDER BY ?s ?o LIMIT 40"]],
    ids=["queries-run", "query"])
def test_stdout_filling_up_after_some_output_says_the_output_above_is_incomplete(
        sample_store: Path, command: list[str]) -> None:
    args = [*command, "--format", "csv", "--store", str(sample_store)]
    whole = CliRunner().invoke(main, args)
    stopped = _run(["-c", _DISK_FULL_AFTER_ONE_PIECE], *args)
    error = OutputError.of("error.cannot_write", path="stdout",
                           reason=os.strerror(errno.ENOSPC))
    assert stopped.returncode == 4
    assert stopped.stderr.splitlines() == [message("query.output_incomplete", "en"),
                                           message("error.checker", "en",
                                                   message=error.text("en"))]
    assert stopped.stdout and whole.stdout.startswith(stopped.stdout)
    assert len(stopped.stdout) < len(whole.stdout)


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


def test_a_reader_leaving_half_way_through_a_query_answer_ends_it_with_141(
        sample_store: Path) -> None:
    """The answer's text goes out through the spool's copier, in blocks far larger than a pipe
    holds, as `bcic query … | head -c 10`: the reader gone ends it with 141, nothing on stderr."""
    child = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
         "--format", "csv", "--store", str(sample_store)],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(10)  # the copier is inside the answer by now
    child.stdout.close()
    err = child.stderr.read()
    assert (child.wait(timeout=120), err) == (141, b"")
