"""Run a few tasks at once: the first in this process, the others in forked child processes.

A forked child starts as a copy of this process, so the tasks share whatever is already in memory
(parsed shapes, the data graph) without shipping it anywhere; only a child's return value travels
back, pickled, over a pipe. Where os.fork does not exist, the tasks run here one after the other.
A child that dies, fails or stops answering is reported as an error; it never leaves the caller
waiting for ever. `run_in_child` can also bound a child's memory (checker/memory_limit.py), and
stops whatever processes the child started along with it.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import pickle
import select
import signal
import struct
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .errors import CheckerError
from .i18n import Phrase, phrase
from .memory_limit import OUT_OF_MEMORY_SIGNAL, limit_growth

T = TypeVar("T")

# A child may take this many times as long as this process's own task, and at least MIN_WAIT
# seconds, before it counts as hung: tasks are split to take about the same time.
PATIENCE = 20.0
MIN_WAIT = 60.0


class WorkerError(CheckerError):
    """A forked worker process died, failed or did not answer in time."""

    exit_code = 3
    http_status = 500


def can_fork() -> bool:
    """Whether tasks can run in forked processes on this platform."""
    return hasattr(os, "fork")


def run_forked(tasks: Sequence[Callable[[], T]], *, patience: float = PATIENCE,
               min_wait: float = MIN_WAIT) -> list[T]:
    """Run `tasks` at the same time, the first here and each other in a child; their results."""
    if len(tasks) < 2 or not can_fork():
        return [task() for task in tasks]
    children: list[_Child] = []
    try:
        children = [_start(task) for task in tasks[1:]]
        started = time.monotonic()
        first = tasks[0]()
        deadline = time.monotonic() + max(min_wait, patience * (time.monotonic() - started))
        return [first, *(_collect(child, deadline) for child in children)]
    finally:
        for child in children:
            child.stop()


def run_in_child(task: Callable[[], T], *, seconds: float, memory: int | None = None) -> T:
    """Run `task` in a forked child and return its result, waiting at most `seconds`: a child
    still at work then is killed (WorkerTimeoutError); one that fails or dies is a WorkerError.
    Whatever the task does to its process (deep recursion, a crash) stays in the child. With
    `memory`, the child may take that many bytes more than this process holds when it forks,
    and one that runs out is a WorkerMemoryError. The child leads a process group of its own:
    killing it kills whatever processes it started too (a validation's own forked workers)."""
    child = _start(task, memory=memory, group=True)
    try:
        return _collect(child, time.monotonic() + seconds)  # type: ignore[return-value]
    finally:
        child.stop()


_long_lived_settled = False


def settle_long_lived() -> None:
    """Once per process, when its long-lived state (the rules, the parsed shapes) is built: free
    what is garbage now and put everything still alive out of the collector's reach for good.
    Full collections then scan only what validations make, and a forked child's collector never
    writes to these objects' pages. Frozen objects are never freed, so only the first call
    freezes: what is alive at a later one may be short-lived (a draft rulebook). The price: a
    first rulebook that a rules reload replaces stays in memory (one, once)."""
    global _long_lived_settled
    if not _long_lived_settled:
        _long_lived_settled = True
        gc.collect()
        gc.freeze()


class WorkerTimeoutError(WorkerError):
    """A forked worker process did not answer in time; it was stopped."""


class WorkerMemoryError(WorkerError):
    """A forked worker process ran out of the memory it was allowed (`run_in_child`'s memory)."""


_LENGTH = struct.Struct("!Q")  # a child's answer: its length, then the pickled outcome


@dataclass
class _Child:
    pid: int
    fd: int
    group: bool = False  # the child leads a process group: stopping it stops the whole group
    memory_limited: bool = False
    waited: bool = False

    def wait(self) -> int:
        _pid, status = os.waitpid(self.pid, 0)
        self.waited = True
        return status

    def wait_behind(self) -> None:
        """Leave the child to be reaped at a later fork: it has answered and is only exiting,
        which takes a while for a large process. Not in a thread of its own: a process at its
        memory limit may fail to start one, and Thread.start then waits for ever."""
        with _exiting_lock:
            _exiting.add(self.pid)
        self.waited = True

    def stop(self) -> None:
        """Kill the child unless it has answered or been waited for, and the processes it started
        when it leads a group (the kernel never gives a group's id to another process while one
        of the group lives); close its pipe."""
        try:
            if self.group:
                os.killpg(self.pid, signal.SIGKILL)
            elif not self.waited:
                os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if not self.waited:
            self.wait()
        os.close(self.fd)

    def ran_out_of_memory(self, status: int) -> bool:
        """Whether a child that ended with `status` ended for want of memory under its limit."""
        return (self.memory_limited and os.WIFSIGNALED(status)
                and os.WTERMSIG(status) == OUT_OF_MEMORY_SIGNAL)


# Children that answered and are exiting, reaped at the next fork (or by init, after this process).
_exiting: set[int] = set()
_exiting_lock = threading.Lock()


def _reap_exited() -> None:
    """Reap the children that answered and have ended since."""
    with _exiting_lock:
        for pid in list(_exiting):
            try:
                ended, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # reaped already
                ended = pid
            if ended:
                _exiting.discard(pid)


def _forget_exiting() -> None:
    """In a new child: its parent's exiting children are not its own, and their lock may have
    been held by another thread of the parent at the fork."""
    global _exiting_lock
    _exiting.clear()
    _exiting_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_exiting)


def _start(task: Callable[[], object], *, memory: int | None = None,
           group: bool = False) -> _Child:
    _reap_exited()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # the child: run the task, send its outcome, leave without running any cleanup
        gc.freeze()  # keep the collector off the objects shared with the parent (no page copies)
        os.close(read_end)
        _child_main(task, write_end, memory=memory, group=group)
    os.close(write_end)
    if group:  # here too, so that a kill right after the fork finds the group already made
        try:
            os.setpgid(pid, pid)
        except OSError:  # the child made it first, or has already ended
            pass
    return _Child(pid, read_end, group=group, memory_limited=memory is not None)


_DONE, _FAILED, _OUT_OF_MEMORY = "done", "failed", "out of memory"  # a child's outcome


def _framed(outcome: tuple[str, object]) -> bytes:
    """A child's answer: the pickled outcome after its length."""
    payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(payload)) + payload


# Made beforehand: a child that ran out of memory may have none left to make it.
_OUT_OF_MEMORY_ANSWER = _framed((_OUT_OF_MEMORY, None))


def _child_main(task: Callable[[], object], write_end: int, *, memory: int | None,
                group: bool) -> None:
    status = 1
    try:
        if group:
            os.setpgid(0, 0)
        if memory is not None:
            # An allocation past the limit may abort the child (Rust's allocator raises no
            # MemoryError): the parent says it ran out of memory; a stack dump says no more.
            faulthandler.disable()
            limit_growth(memory)
        try:
            answer = _framed((_DONE, task()))
        except MemoryError:  # what the task held goes with the exception, at the end of this block
            answer = _OUT_OF_MEMORY_ANSWER
        except BaseException as exc:  # noqa: BLE001 -- the parent reports it; nothing escapes
            answer = _framed((_FAILED, f"{type(exc).__name__}: {exc}"))
        view = memoryview(answer)
        while view:
            view = view[os.write(write_end, view):]
        os.close(write_end)  # the answer is complete now, not once this process is torn down
        status = 0
    finally:
        os._exit(status)


def _collect(child: _Child, deadline: float) -> object:
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise WorkerTimeoutError.of("error.worker.no_answer", pid=child.pid)
        ready, _, _ = select.select([child.fd], [], [], remaining)
        if ready:
            chunk = os.read(child.fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    answer = b"".join(chunks)
    if len(answer) < _LENGTH.size or len(answer) != _LENGTH.size + _LENGTH.unpack_from(answer)[0]:
        status = child.wait()
        if child.ran_out_of_memory(status):
            raise WorkerMemoryError.of("error.worker.memory", pid=child.pid)
        raise WorkerError.of("error.worker.died", pid=child.pid, cause=_describe(status))
    child.wait_behind()
    outcome, value = pickle.loads(answer[_LENGTH.size:])
    if outcome == _OUT_OF_MEMORY:
        raise WorkerMemoryError.of("error.worker.memory", pid=child.pid)
    if outcome == _FAILED:
        raise WorkerError.of("error.worker.failed", detail=value)
    return value


def _describe(status: int) -> Phrase:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        return phrase("error.process.signal", number=number, name=signal.strsignal(number))
    return phrase("error.process.exit_status", code=os.WEXITSTATUS(status))
