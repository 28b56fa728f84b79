"""Wall-clock timings that other work on the machine did not disturb.

Benchmarks here share a small machine with other jobs; a job that takes a core for a while makes a
run that uses both cores look slower than it is. Each sample therefore also measures the CPU time
that processes other than this one (and its descendants) took meanwhile, from /proc, and a
sample during which they took more than a sliver of a core is set aside and taken again. The
processes a run uses itself — forked children, query workers started through a fork server — are
this process's descendants, and their CPU time counts as its own (read from /proc).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

SAMPLE_SECONDS = 0.4  # a sample repeats a run until this long, so that clock ticks do not matter
OTHERS_SHARE = 0.08  # others may take this share of one core during a sample, plus one tick
_TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Timing:
    """The median seconds of one run over the samples kept, and how many were set aside."""

    seconds: float
    kept: int
    disturbed: int


def alternating(runs: dict[str, Callable[[], object]], samples: int,
                budget: float) -> dict[str, Timing]:
    """Time `runs` in turn, round after round (one unmeasured round first), until each has
    `samples` undisturbed samples or `budget` seconds have passed (then disturbed ones count)."""
    for run in runs.values():
        run()
    kept: dict[str, list[float]] = {name: [] for name in runs}
    disturbed: dict[str, list[float]] = {name: [] for name in runs}
    deadline = time.monotonic() + budget
    while min(map(len, kept.values())) < samples and time.monotonic() < deadline:
        for name, run in runs.items():
            seconds, quiet = _sample(run)
            (kept if quiet else disturbed)[name].append(seconds)
    timings = {}
    for name in runs:
        found = kept[name] or disturbed[name]
        timings[name] = Timing(statistics.median(found), len(kept[name]), len(disturbed[name]))
    return timings


def _sample(run: Callable[[], object]) -> tuple[float, bool]:
    """Seconds per run over repeated runs, and whether other processes kept off the CPU."""
    busy, ours, start = _busy_seconds(), _family_seconds(), time.perf_counter()
    count = 0
    while True:
        run()
        count += 1
        wall = time.perf_counter() - start
        if wall >= SAMPLE_SECONDS:
            break
    if busy is None:
        return wall / count, True
    others = (_busy_seconds() or 0.0) - busy - (_family_seconds() - ours)
    return wall / count, others <= OTHERS_SHARE * wall + 1 / _TICK


def _busy_seconds() -> float | None:
    """CPU seconds all processes have used since boot (None where /proc/stat does not exist)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(field) for field in stat.readline().split()[1:]]
    except OSError:
        return None
    return (sum(ticks) - ticks[3] - ticks[4]) / _TICK  # all but idle and I/O wait


def _family_seconds() -> float:
    """CPU seconds of this process, of its children it waited for, and of every live descendant
    (with the children each of those waited for)."""
    times = os.times()
    total = times.user + times.system + times.children_user + times.children_system
    return total + _descendant_ticks() / _TICK


def _descendant_ticks() -> int:
    """CPU clock ticks of every live descendant of this process, with its waited-for children."""
    if not os.path.isdir("/proc"):
        return 0
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])  # after the command: state, ppid, …; utime is field 14
        ticks[pid] = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    family = {os.getpid()}
    grown = True
    while grown:
        before = len(family)
        family.update(pid for pid, parent in parents.items() if parent in family)
        grown = len(family) > before
    family.discard(os.getpid())
    return sum(ticks[pid] for pid in family)
