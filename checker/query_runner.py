"""Run read-only SPARQL queries in worker processes that can be killed, over a store snapshot.

pyoxigraph has no query timeout, releases the GIL (so signals never interrupt it) and crashes the
whole process on some inputs (docs/store.md, "Facts about untrusted input and the embedded
store"). So a user's query never runs in the server's process: a small pool of worker processes
(checker/query_worker.py) runs them. The parent sends a job, waits up to the time limit and, when
it passes, kills the worker — the only way to stop the query's work — and starts a fresh one. A
worker that dies (a crash) costs its query an error and is replaced; the server and the other
workers never notice. So is a worker that ran out of the
memory it may take (`memory`: a query past it fails to allocate, checker/memory_limit.py).

Anonymous queries must not starve the app's own: `reserved` workers are kept from them. A public
job (`run(job)`) takes a worker only while fewer than `workers - reserved` public jobs run; a
job of the app (`run(job, reserved=True)`: a named query, its template checked) may take any
idle worker. So however many slow public queries arrive, `reserved` workers stay free for the
named-query API, at the cost of no memory beyond the workers themselves.

Workers read a *snapshot*, never the live store: one process (ingest) holds the live directory's
lock, and opening it read-only beside a writer is undefined in pyoxigraph. `refresh_snapshot`
makes a consistent copy with `Store.backup` (hard links on the same file system: cheap) and
points `<snapshot_dir>/current` at it atomically; each worker checks that link before each job
and reopens when it moved. The trade-off: queries see the store as of the last refresh, so the
writer must call `refresh_snapshot` after each ingest, and a query running during a refresh
finishes on the snapshot it started on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Protocol

from .errors import CheckerError, NoAnswerError, StoreError
from .i18n import Phrase, phrase
from .memory_limit import MIB, OUT_OF_MEMORY_SIGNAL
from .query_worker import CURRENT_LINK, JobDone, JobFailed, QueryJob, serve
from .snapshot_leases import remove_unless_leased
from .worker_output import relay

_LOG = logging.getLogger(__name__)
SNAPSHOTS_KEPT = 3  # the current one and two before it, for queries that started on them
BUSY_RETRY_AFTER = 2  # seconds a client told "busy" (503) waits: a short query frees a worker by then


class SupportsBackup(Protocol):
    """A store that can write a consistent snapshot directory (OxigraphStore)."""

    def backup(self, target: Path) -> None:
        """Write the snapshot into `target`, which must not exist."""


class QueryTimeoutError(NoAnswerError):
    """A query ran past the time limit: its worker was killed and replaced."""

    http_status = 503


class QueryMemoryError(NoAnswerError):
    """A query needed more memory than its worker may take: the worker was replaced."""

    http_status = 503


class QueryCrashedError(CheckerError):
    """The worker running a query died (a crash in the engine); a fresh one replaced it."""

    http_status = 500


class QueryBusyError(NoAnswerError):
    """Every worker stayed busy for the whole time limit, or the public share's queue was full:
    the query was not started. Unlike a timeout, which is the query's own cost, the workers may
    be free a moment later: HTTP clients are told to ask again after a few seconds."""

    http_status = 503
    retry_after = BUSY_RETRY_AFTER


class QueryRunner:
    """A pool of query worker processes over the snapshots in `snapshot_dir`; with `memory`,
    each may take that many bytes beyond what it holds with the snapshot open. What a worker
    writes to stderr, and each worker replaced and why, are logged to `logger` (else this
    module's)."""

    def __init__(self, snapshot_dir: str | Path, *, workers: int = 2, timeout: float = 10.0,
                 reserved: int = 0, memory: int | None = None,
                 logger: logging.Logger | None = None) -> None:
        if (workers < 1 or timeout <= 0 or not 0 <= reserved < workers
                or (memory is not None and memory <= 0)):
            raise CheckerError.of("error.sparql.runner_settings")
        self.snapshot_dir = Path(snapshot_dir)
        self.timeout = timeout
        self.public_workers = workers - reserved
        self._public = threading.BoundedSemaphore(self.public_workers)
        # forkserver: workers are forked from a clean single-threaded server process, never from
        # the (threaded) web server; spawn where the platform has no forkserver.
        context: ForkServerContext | SpawnContext = (
            multiprocessing.get_context("forkserver")
            if "forkserver" in multiprocessing.get_all_start_methods()
            else multiprocessing.get_context("spawn"))
        self._workers = [_Worker(context, self.snapshot_dir, memory, logger or _LOG)
                         for _ in range(workers)]
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        for worker in self._workers:
            self._idle.put(worker)

    def start(self) -> None:
        """Start every worker now (otherwise each starts on its first job)."""
        for worker in self._workers:
            worker.ensure_started()

    def run(self, job: QueryJob, *, reserved: bool = False) -> JobDone:
        """Run a job on an idle worker within the time limit; raise a CheckerError otherwise.
        A public job (the default) waits for one of the public share; `reserved`, the app's own
        job, may also take a reserved worker."""
        deadline = time.monotonic() + self.timeout
        if not reserved and not self._public.acquire(timeout=self.timeout):
            raise QueryBusyError.of("error.sparql.busy", workers=self.public_workers,
                                    seconds=self.timeout)
        try:
            return self._run_on_idle(job, deadline)
        finally:
            if not reserved:
                self._public.release()

    def _run_on_idle(self, job: QueryJob, deadline: float) -> JobDone:
        """Wait for an idle worker until `deadline`, then run the job on it."""
        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise QueryBusyError.of("error.sparql.busy", workers=len(self._workers),
                                    seconds=self.timeout) from None
        try:
            reply = worker.call(job, self.timeout)
        finally:
            self._idle.put(worker)
        if isinstance(reply, JobFailed):
            raise reply.error
        return reply

    def idle_workers(self) -> int:
        """How many workers wait for a job now, for monitoring and tests."""
        return self._idle.qsize()

    def worker_pids(self) -> list[int | None]:
        """The process id of each worker (None: not started), for monitoring and tests."""
        return [worker.pid for worker in self._workers]

    def close(self) -> None:
        """Stop every worker (a running query is killed)."""
        for worker in self._workers:
            worker.stop()


class _Worker:
    """One worker process and the parent's end of its pipe; used by one thread at a time. What
    it writes to stderr, and why it was replaced, go to `logger`."""

    def __init__(self, context: ForkServerContext | SpawnContext, snapshot_dir: Path,
                 memory: int | None, logger: logging.Logger) -> None:
        self._context = context
        self._snapshot_dir = snapshot_dir
        self._memory = memory
        self._logger = logger
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    @property
    def pid(self) -> int | None:
        """The process id, while a process is started."""
        return self._process.pid if self._process is not None else None

    def ensure_started(self) -> None:
        """Start the process unless it runs."""
        if self._process is not None and self._process.is_alive():
            return
        self.stop()
        parent_end, child_end = self._context.Pipe()
        said, says = self._context.Pipe(duplex=False)  # its stderr, read here
        process = self._context.Process(
            target=serve, args=(child_end, str(self._snapshot_dir), self._memory, says),
            name="bcic-query-worker", daemon=True)
        process.start()
        child_end.close()  # the child holds its own copy: EOF reaches us when it dies
        says.close()
        relay(said, process.pid, self._logger)
        self._process, self._connection = process, parent_end

    def call(self, job: QueryJob, timeout: float) -> JobDone | JobFailed:
        """Send one job and wait for its reply; kill and replace the worker on timeout or death
        (out of memory, under a memory limit, when it ended by SIGABRT)."""
        self.ensure_started()
        assert self._connection is not None
        try:
            self._connection.send(job)
            if not self._connection.poll(timeout):
                self._replace(f"its query ran past the time limit ({timeout:g} s)")
                raise QueryTimeoutError.of("error.sparql.timeout", seconds=timeout)
            reply: JobDone | JobFailed = self._connection.recv()
        except (EOFError, OSError):
            code = self._exit_code()
            if self._memory is not None and code == -OUT_OF_MEMORY_SIGNAL:
                self._replace(f"its query needed more than its memory limit "
                              f"({self._memory // MIB} MiB)")
                raise QueryMemoryError.of("error.sparql.memory",
                                          limit=self._memory // MIB) from None
            cause = _cause_of_death(code)
            self._replace(f"it ended: {cause.text('en')}")
            raise QueryCrashedError.of("error.sparql.engine_stopped", cause=cause) from None
        return reply

    def _replace(self, why: str) -> None:
        """Restart the worker, logging which one was replaced and why."""
        before = self.pid
        self.restart()
        self._logger.warning("query worker %s replaced by %s: %s", before, self.pid, why)

    def restart(self) -> None:
        """Kill the process (SIGKILL stops the query's work at once) and start a fresh one."""
        self.stop()
        self.ensure_started()

    def stop(self) -> None:
        """Kill the process if it runs and release the pipe."""
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process.close()
            self._process = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _exit_code(self) -> int | None:
        """How the worker, whose pipe broke, ended: its exit code (-N: killed by signal N), None
        while it has not ended after all."""
        assert self._process is not None  # call() started it
        self._process.join(timeout=1.0)
        return self._process.exitcode


def _cause_of_death(code: int | None) -> Phrase:
    """How a worker ended, by its exit code, e.g. "killed by signal 11 (SIGSEGV)"."""
    if code is None:
        return phrase("error.process.pipe_broke")
    if code < 0:
        return phrase("error.process.signal", number=-code, name=_signal_name(-code))
    return phrase("error.process.exit_status", code=code)


def _signal_name(number: int) -> str:
    """SIGSEGV for 11; the number itself for a signal Python does not name."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def refresh_snapshot(store: str | Path | SupportsBackup, snapshot_dir: str | Path) -> Path:
    """Make a new snapshot of `store` under `snapshot_dir` and make it the current one.

    `store` is an open OxigraphStore (the writer calls this after each ingest) or the live
    directory, which is then opened for the time of the backup: that fails while another process
    writes it. Returns the new snapshot's directory; older snapshots beyond the last few go.
    """
    snapshot_dir = Path(snapshot_dir)
    snapshot_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.time_ns():020d}-{os.getpid()}"
    target = snapshot_dir / f"snapshot-{stamp}"
    if isinstance(store, (str, Path)):
        _backup_directory(Path(store), target)
    else:
        store.backup(target)
    link = snapshot_dir / f".{CURRENT_LINK}-{stamp}"
    os.symlink(target.name, link)  # relative: the snapshot directory may be moved whole
    os.replace(link, snapshot_dir / CURRENT_LINK)  # atomic: readers see the old or the new
    _prune(snapshot_dir)
    return target


def snapshot_dir_for(store_dir: str | Path) -> Path:
    """Where the snapshots of a store directory live unless configured: beside it, so that
    `Store.backup` can hard-link its files (same file system) instead of copying them. The path
    is resolved first: `.` or `..` names no directory of its own to put the suffix on."""
    store_dir = Path(store_dir).resolve()
    return store_dir.with_name(f"{store_dir.name}-snapshots")


def current_snapshot(snapshot_dir: str | Path) -> Path | None:
    """The snapshot queries are served from now, or None before the first refresh."""
    link = Path(snapshot_dir) / CURRENT_LINK
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def _backup_directory(store_dir: Path, target: Path) -> None:
    """Back up a store directory that no other process is writing."""
    from .store.location import on_read_only_mount
    from .store.oxigraph_store import OxigraphStore  # rdflib and friends: only when needed

    if not store_dir.is_dir():
        raise StoreError.of("error.no_store", path=store_dir)
    # On a read-only mount nothing writes the store, and it cannot be opened to write.
    opened = OxigraphStore(store_dir, read_only=on_read_only_mount(store_dir))
    try:
        opened.backup(target)
    finally:
        opened.close()


def _prune(snapshot_dir: Path) -> None:
    """Remove all but the newest snapshots, never the current one nor one a reader holds a
    lease on (checker/snapshot_leases.py): that one goes on a later prune."""
    current = current_snapshot(snapshot_dir)
    snapshots = sorted(p for p in snapshot_dir.glob("snapshot-*") if p.is_dir())
    for old in snapshots[:-SNAPSHOTS_KEPT]:
        if old != current:
            remove_unless_leased(old)
