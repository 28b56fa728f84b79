"""Bound the memory a process may take: query workers (checker/query_worker.py) and the
validations the web app runs for uploads (checker/forking.py's `run_in_child`); and the malloc
arenas of `bcic serve`'s process (`bound_malloc_arenas`).

The limit is RLIMIT_DATA (read against /proc/self/status: Linux), which counts the memory a
process has written or may write privately: its heap and anonymous mappings, what it shares
copy-on-write with the process it was forked from included. RLIMIT_AS also counts address space
that is only reserved, of which a query worker holds five times what it uses (measured over the
three samples' snapshot: 443 MB of address space, 557 MB at its peak, against 87 MB of data and
32 MB resident; thread stacks and malloc arenas reserve space that is never touched), so a cap
on it would say little about what a worker uses.

A process past its limit cannot get memory: Python raises MemoryError, and native code (pyoxigraph
is Rust) aborts the process with SIGABRT ("memory allocation of … bytes failed"), so a process
that ran out is one that raised MemoryError or ended by that signal. A process under a limit
writes no core file when it ends so (each could be as large as the limit), and prints no Rust
backtrace: asked for one (RUST_BACKTRACE=1), a query worker that ran out inside pyoxigraph's
writer panicked, and printing the panic's backtrace and the failed allocation's waited on each
other until its time limit.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal

MIB = 2**20
OUT_OF_MEMORY_SIGNAL = signal.SIGABRT  # how native code ends a process that cannot allocate
_STATUS = "/proc/self/status"
_M_ARENA_MAX = -8  # mallopt's parameter number (glibc malloc.h)
# The arenas `bcic serve` lets malloc use (MALLOC_ARENA_MAX=2): at 1,000 clusters its memory grew
# 44 MB with every write and page render without it, and stayed level with it (web/README.md).
SERVER_MALLOC_ARENAS = 2


def data_size() -> int:
    """This process's data (VmData) in bytes, the memory RLIMIT_DATA counts."""
    with open(_STATUS, encoding="ascii") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    raise OSError(f"{_STATUS} has no VmData line")


def limit_growth(extra: int) -> None:
    """Let this process, and the processes it starts, take at most `extra` bytes of data beyond
    what it holds now (never beyond the hard limit)."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = data_size() + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    os.environ["RUST_BACKTRACE"] = "0"  # read by Rust at its first panic, not before


def bound_malloc_arenas(arenas: int = SERVER_MALLOC_ARENAS) -> int | None:
    """Let glibc's malloc use at most `arenas` arenas in this process from now on (mallopt
    M_ARENA_MAX), unless MALLOC_ARENA_MAX in the environment already says how many (glibc read it
    as the process started); the bound set, or None when left alone or not glibc.

    `bcic serve` calls it before its threads start: glibc gives each thread an arena of its own
    (up to 8 per core) and keeps what a thread freed there, so a large page rendered on one thread
    after another left its memory in each (web/README.md, Page load and --threads)."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return None
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return None
    return arenas if mallopt(_M_ARENA_MAX, arenas) == 1 else None
