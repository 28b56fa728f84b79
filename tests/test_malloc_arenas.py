"""`bcic serve` bounds glibc's malloc arenas (checker/memory_limit.py `bound_malloc_arenas`): at
1,000 clusters its memory grew with every write and page render, each render leaving what it
freed in the arena of the thread that ran it.

Each case runs in a child process: the bound holds for the whole process once set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
# Eight threads each allocate with malloc, then glibc's malloc_stats lists its arenas on stderr.
_ARENAS = """
import ctypes, sys, threading
from checker.memory_limit import bound_malloc_arenas
bound = bound_malloc_arenas() if sys.argv[1] == "bound" else None
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
held, ready = [], threading.Barrier(8)
def allocate():
    ready.wait()  # all at once: each thread asks malloc for an arena of its own
    held.append(libc.malloc(1000))
threads = [threading.Thread(target=allocate) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(bound)
sys.stdout.flush()
libc.malloc_stats()
"""


def _arenas(mode: str, **env: str) -> tuple[str, int]:
    """What `bound_malloc_arenas` answered in a child process, and how many arenas it used."""
    done = subprocess.run([sys.executable, "-c", _ARENAS, mode], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                          timeout=60, check=True)
    return done.stdout.strip(), done.stderr.count("Arena ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_the_server_process_uses_two_malloc_arenas_whatever_its_threads() -> None:
    answered, arenas = _arenas("bound")
    assert answered == "2" and 1 <= arenas <= 2
    _, unbounded = _arenas("left alone")
    assert unbounded > 2  # what the bound prevents: an arena per thread


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_an_operators_malloc_arena_max_is_left_as_it_is() -> None:
    answered, arenas = _arenas("bound", MALLOC_ARENA_MAX="4")
    assert answered == "None" and 2 < arenas <= 4


def test_serve_bounds_the_arenas_before_it_starts(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    """`bcic serve` sets the bound first, before the app or any thread (a file as the store stops
    it right after: refused, exit 2)."""
    calls: list[int] = []
    monkeypatch.setattr("checker.cli_serve.bound_malloc_arenas", lambda: calls.append(1))
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "file")])
    assert result.exit_code == 2 and calls == [1]
