"""Tasks run side by side in forked processes come back in order, and a child that dies, fails or
hangs is reported, stopped and never waited for without end; a child given a memory limit that
runs out of it is reported as such, and a child stopped takes the processes it started along."""

from __future__ import annotations

import faulthandler
import os
import resource
import signal
import subprocess
import threading
import sys
import textwrap
import time
from pathlib import Path

import pytest

import pyoxigraph

from checker.forking import (WorkerError, WorkerMemoryError, WorkerTimeoutError, run_forked,
                             run_in_child)
from checker.loading import SubmissionParseError
from checker.memory_limit import MIB


def test_each_task_runs_in_its_own_process_and_results_come_back_in_order() -> None:
    pids = run_forked([os.getpid, os.getpid, os.getpid])
    assert pids[0] == os.getpid() and len(set(pids)) == 3


def test_a_child_sees_what_the_parent_built_before_the_fork() -> None:
    shared = {"rows": list(range(1000))}
    assert run_forked([lambda: 0, lambda: sum(shared["rows"])]) == [0, 499500]


def test_a_child_killed_by_a_signal_is_reported() -> None:
    with pytest.raises(WorkerError, match="killed by signal 9"):
        run_forked([lambda: 0, lambda: os.kill(os.getpid(), signal.SIGKILL)])


def test_an_exception_in_a_child_is_reported_with_its_message() -> None:
    def fail() -> None:
        raise ValueError("no such shape")

    with pytest.raises(WorkerError, match="ValueError: no such shape"):
        run_forked([lambda: 0, fail])


def test_a_child_that_never_answers_is_stopped_and_reported() -> None:
    with pytest.raises(WorkerError, match="did not answer in time") as caught:
        run_forked([lambda: 0, lambda: time.sleep(3600)], patience=0, min_wait=0.2)
    _assert_gone(int(caught.value.message.split("pid ")[1].split(")")[0]))


def test_a_failing_parent_task_stops_the_children(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"

    def child() -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(3600)

    def parent() -> None:
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.01)
        raise RuntimeError("parent failed")

    with pytest.raises(RuntimeError, match="parent failed"):
        run_forked([parent, child])
    _assert_gone(int(pid_file.read_text()))


def test_one_task_in_a_child_returns_its_result_from_another_process() -> None:
    assert run_in_child(os.getpid, seconds=30) != os.getpid()


def test_one_task_in_a_child_past_its_time_is_killed_and_reported_as_a_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(WorkerTimeoutError) as caught:
        run_in_child(lambda: time.sleep(3600), seconds=0.3)
    assert time.monotonic() - started < 30
    _assert_gone(int(caught.value.message.split("pid ")[1].split(")")[0]))


def test_one_task_in_a_child_that_ends_its_process_leaves_this_one_alive() -> None:
    with pytest.raises(WorkerError, match="killed by signal 9") as caught:
        run_in_child(lambda: os.kill(os.getpid(), signal.SIGKILL), seconds=30)
    assert not isinstance(caught.value, WorkerTimeoutError)


def test_an_error_a_child_returns_comes_back_with_its_translations_and_attributes() -> None:
    returned = run_in_child(lambda: SubmissionParseError("a.ttl", "nul", 2, 5), seconds=30)
    assert isinstance(returned, SubmissionParseError) and returned.line == 2
    assert returned.text("zh") == "a.ttl:2:5：文本中含有 NUL 字符"


def test_a_child_that_dies_is_reported_in_chinese_too() -> None:
    with pytest.raises(WorkerError) as caught:
        run_in_child(lambda: os._exit(3), seconds=30)
    assert caught.value.text("zh").endswith("意外终止：退出状态 3")


def _hold_more_and_more() -> None:
    """Python objects, a megabyte at a time, for ever."""
    held = []
    while True:
        held.append(bytearray(MIB))


def _sort_a_cartesian_product() -> list[object]:
    """pyoxigraph (Rust) sorting 4,000,000 rows: it takes far more than 64 MiB."""
    faulthandler.disable()  # pytest's: it would print this child's end as a crash of the tests
    store = pyoxigraph.Store()
    predicate = pyoxigraph.NamedNode("http://e/p")
    for n in range(2000):
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(f"http://e/{n}"), predicate,
                                  pyoxigraph.Literal(str(n))))
    return list(store.query("SELECT ?a ?d { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"))


@pytest.mark.parametrize("task", [_hold_more_and_more, _sort_a_cartesian_product],
                         ids=["python-memory-error", "native-allocation-failure"])
def test_a_child_past_its_memory_limit_is_reported_out_of_memory(task: object) -> None:
    """Python raises MemoryError; Rust code aborts the process: both are the limit's doing."""
    with pytest.raises(WorkerMemoryError) as caught:
        run_in_child(task, seconds=60, memory=64 * MIB)  # type: ignore[arg-type]
    assert "ran out of the memory it was allowed" in caught.value.message
    assert "用尽了允许使用的内存" in caught.value.text("zh")


def test_a_child_within_its_memory_limit_answers_and_this_process_keeps_no_limit() -> None:
    limit = resource.getrlimit(resource.RLIMIT_DATA)
    assert run_in_child(lambda: len(bytearray(16 * MIB)), seconds=30, memory=64 * MIB) == 16 * MIB
    assert resource.getrlimit(resource.RLIMIT_DATA) == limit


def _abort() -> None:
    faulthandler.disable()
    os.abort()


def test_a_child_under_a_memory_limit_writes_no_core_and_prints_no_rust_backtrace(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A Rust panic's backtrace, printed out of memory, waited for ever on the failed
    allocation's (a query worker hung so until its time limit)."""
    monkeypatch.setenv("RUST_BACKTRACE", "1")

    def settings() -> tuple[int, str | None]:
        return resource.getrlimit(resource.RLIMIT_CORE)[0], os.environ.get("RUST_BACKTRACE")

    assert run_in_child(settings, seconds=30, memory=64 * MIB) == (0, "0")
    assert os.environ["RUST_BACKTRACE"] == "1"


def test_a_child_that_aborts_without_a_memory_limit_died_and_did_not_run_out() -> None:
    with pytest.raises(WorkerError, match=r"killed by signal 6 \(Aborted\)") as caught:
        run_in_child(_abort, seconds=30)
    assert not isinstance(caught.value, WorkerMemoryError)


def test_a_child_stopped_for_its_time_stops_the_processes_it_started(tmp_path: Path) -> None:
    """A validation in a child forks its own workers: past the time limit they go too."""
    pid_file = tmp_path / "grandchild.pid"

    def start_a_worker_that_hangs() -> None:
        def hang() -> None:
            pid_file.write_text(str(os.getpid()))
            time.sleep(3600)
        run_forked([lambda: time.sleep(3600), hang])

    with pytest.raises(WorkerTimeoutError):
        run_in_child(start_a_worker_that_hangs, seconds=2)
    _assert_ended(int(pid_file.read_text()))


def test_children_that_answered_are_reaped_at_the_next_fork_by_no_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A process at its memory limit may fail to start a thread, and Thread.start then waits for
    ever: a validation in a child hung so until its time limit, its own worker's answer in hand."""
    def no_thread(self: threading.Thread) -> None:
        raise AssertionError(f"a thread was started: {self.name}")

    monkeypatch.setattr(threading.Thread, "start", no_thread)
    _, first = run_forked([os.getpid, os.getpid])
    deadline = time.monotonic() + 10
    while Path(f"/proc/{first}").exists():  # a zombie until reaped, at a fork once it has ended
        assert time.monotonic() < deadline, f"child {first} was not reaped"
        time.sleep(0.05)
        run_forked([lambda: 0, lambda: 0])


def test_a_single_task_runs_here_without_forking() -> None:
    assert run_forked([os.getpid]) == [os.getpid()]


# Each round builds cyclic objects, keeps them alive while tasks run forked, then drops them.
_GARBAGE_ROUNDS = textwrap.dedent("""
    import gc
    from checker.forking import run_forked

    class Node:
        def __init__(self):
            self.me = self

    for _ in range(150):
        alive = [Node() for _ in range(4000)]
        run_forked([lambda: 0, lambda: 0])
        del alive
    print(gc.get_stats()[2]["collections"], len(gc.get_objects()))
""")


def test_objects_alive_during_forked_tasks_are_collected_afterwards_without_being_asked() -> None:
    """Memory stays flat over many validations (a long-running server, `bcic ingest` of many
    files): the collector's own full collections still come and free what the tasks used."""
    answer = subprocess.run([sys.executable, "-c", _GARBAGE_ROUNDS], capture_output=True,
                            text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    full_collections, tracked = map(int, answer.stdout.split())
    made = 150 * 4000 * 2  # each Node and its __dict__
    assert full_collections > 1
    assert tracked < made / 4, f"{tracked:,} objects still tracked of {made:,} made and dropped"


_SETTLE_TWICE = textwrap.dedent("""
    import gc
    from checker.rulebook import load_rulebook, read_rulebook

    load_rulebook().engine
    settled = gc.get_freeze_count()
    read_rulebook().engine  # a second rulebook, built after: not frozen
    print(settled, gc.get_freeze_count())
""")


def test_the_rules_are_put_out_of_the_collectors_reach_once_and_only_once() -> None:
    """The first validation engine settles the process's long-lived state; what is alive when a
    later one is built (a draft rulebook, say) stays collectable."""
    answer = subprocess.run([sys.executable, "-c", _SETTLE_TWICE], capture_output=True,
                            text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    settled, after_second = map(int, answer.stdout.split())
    assert settled > 10000  # the parsed shapes and ontology at least
    assert after_second == settled


def _assert_ended(pid: int) -> None:
    """A process that is not this one's child has ended: none is left, or only its zombie, until
    the init process reaps it."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return
        if state == "Z":
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} still runs")


def _assert_gone(pid: int) -> None:
    """The child was stopped and waited for: no process and no zombie is left."""
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
