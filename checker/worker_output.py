"""What a query worker writes to its stderr, brought into the server's log.

A worker's stderr would otherwise be the server's own: text the engine's Rust code writes when it
aborts ("memory allocation of 240 bytes failed", advice to set RUST_BACKTRACE) would reach the
log raw, without a time or a level, and could break a line-based log shipper. So each worker
writes into a pipe, and a thread of the parent logs each line it reads as a WARNING of the
runner's logger, naming the worker, with control characters escaped (`\\x1b`), until the worker
is gone.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from multiprocessing.connection import Connection

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LINE_CHARS = 2000  # of a single line logged: a worker's stderr is not meant for data


def relay(pipe: Connection, pid: int | None, logger: logging.Logger) -> None:
    """Log what worker `pid` writes into `pipe` (the read end of a one-way pipe), in a thread
    that ends, closing the pipe, when every write end is closed (the worker is gone)."""
    threading.Thread(target=_relay, args=(pipe, pid, logger), name=f"bcic-worker-stderr-{pid}",
                     daemon=True).start()


def escaped(line: str) -> str:
    """`line` with each control character written as an escape (`\\x07`), so that it stays one
    line of the log."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", line)


def _relay(pipe: Connection, pid: int | None, logger: logging.Logger) -> None:
    pending = b""
    with pipe:
        while chunk := os.read(pipe.fileno(), 65536):  # raw bytes: the worker's fd 2, no framing
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                _log(line, pid, logger)
            if len(pending) > _LINE_CHARS * 4:  # no line end in sight: log what came so far
                _log(pending, pid, logger)
                pending = b""
    if pending:
        _log(pending, pid, logger)


def _log(line: bytes, pid: int | None, logger: logging.Logger) -> None:
    text = escaped(line.decode("utf-8", "replace")[:_LINE_CHARS])
    logger.warning("query worker %s wrote to stderr: %s", pid, text)
