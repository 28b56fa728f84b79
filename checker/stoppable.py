"""Stop a command reading the local store on time or on Ctrl-C, though the engine holds the
main thread.

pyoxigraph evaluates a query in Rust with the GIL released: Python runs no signal handler, so no
KeyboardInterrupt, until the query returns, which for a cartesian product is never. The C-level
handler still writes the signal's number to the wakeup fd, so a watcher thread waiting on that fd
and on the deadline can end the process itself. Only readers use it: they write nothing, so
ending them leaves nothing half done. Their output is written by a thread of its own
(checker/output_spool.py), which may be blocked on a slow reader when the process ends: stdout is
not flushed then (that would wait for the reader, holding its lock), and the text it would hold is
cut short anyway.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

INTERRUPTED_EXIT = 128 + signal.SIGINT  # what a shell reports for a process ended by Ctrl-C


@contextmanager
def stoppable(seconds: float | None, on_timeout: Callable[[], tuple[str, int]]) -> Iterator[None]:
    """Run the block, ending the process when it takes more than `seconds` (None: no limit) —
    printing `on_timeout()`'s message on stderr and exiting with its code — or at Ctrl-C (exit
    130). Outside the main thread (where signals cannot be watched) the block just runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    previous_handler = signal.signal(signal.SIGINT, lambda *_: None)  # the watcher decides
    done_read, done_write = os.pipe()
    watcher = threading.Thread(target=_watch, args=(read_end, done_read, seconds, on_timeout),
                               daemon=True)
    watcher.start()
    try:
        yield
    finally:
        os.write(done_write, b"x")
        watcher.join()
        signal.signal(signal.SIGINT, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        for fd in (read_end, write_end, done_read, done_write):
            os.close(fd)


def _watch(signals: int, done: int, seconds: float | None,
           on_timeout: Callable[[], tuple[str, int]]) -> None:
    """Wait for Ctrl-C, the deadline or the block's end; end the process on the first two."""
    deadline = None if seconds is None else time.monotonic() + seconds
    while True:
        left = None if deadline is None else max(deadline - time.monotonic(), 0.0)
        ready, _, _ = select.select([signals, done], [], [], left)
        if done in ready:
            return
        if signals in ready:
            if signal.SIGINT in os.read(signals, 64):
                _end(INTERRUPTED_EXIT)
            continue
        text, code = on_timeout()
        sys.stderr.write(text + "\n")
        _end(code)


def _end(code: int) -> None:
    """Leave at once, past the main thread still inside the engine and the output's writer."""
    sys.stderr.flush()
    os._exit(code)
