"""The benchmarks' CPU accounting (bench/timing.py): work a run hands to processes it started
counts as its own, so a sample is set aside only for work that is not the run's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from bench.timing import _family_seconds

# Spins 0.4 s of CPU, says so with its pid, then sleeps: alive, and never waited for meanwhile.
BUSY = ("import os, time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\n"
        "print(os.getpid(), flush=True)\ntime.sleep(60)")


# The kernel counts CPU time in clock ticks (10 ms) and the difference of two sums of floats may
# fall a hair below the 0.4 s spun: one tick of slack.
SPUN = 0.4 - 0.01


def _spent_while(command: list[str]) -> float:
    """Family CPU seconds from before `command` starts until its busy process has spun."""
    before = _family_seconds()
    launched = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert launched.stdout is not None
        busy_pid = int(launched.stdout.readline())
        spent = _family_seconds() - before
        os.kill(busy_pid, signal.SIGKILL)
    finally:
        launched.kill()
        launched.wait()
    return spent


def test_a_live_child_s_cpu_counts_as_the_family_s() -> None:
    assert _spent_while([sys.executable, "-c", BUSY]) >= SPUN


def test_a_grandchild_counts_too() -> None:
    launcher = f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {BUSY!r}]).wait()"
    assert _spent_while([sys.executable, "-c", launcher]) >= SPUN
