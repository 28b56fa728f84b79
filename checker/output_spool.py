"""Text copied to its reader at the reader's pace, while the work making it goes on at its own.

A query's time limit must bound the query's work, not how fast the reader of its output reads
(`bcic queries run … | less`, read for five minutes). So the text it makes goes into a spool as
fast as it comes, and a thread copies the spool to the output: a slow reader holds up that thread
only, and the query ends (and lets its store go) as soon as its last row is made. The spool keeps
at most SPOOL_MEMORY bytes in memory, the rest in a temporary file, which starts again empty each
time the reader has caught up: memory does not grow with the answer, and a fast reader keeps the
file small. A file that cannot take the text (a full TMPDIR) ends the copying with an OutputError:
what it holds may be cut anywhere, so the copier stops, never waiting for text the file lost.
"""

from __future__ import annotations

import codecs
import errno
import os
import tempfile
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import IO

from .errors import OutputError
from .os_reasons import OsReason, os_reason

SPOOL_MEMORY = 4 * 2**20  # bytes of text not yet copied kept in memory, before a file takes them
COPY_BYTES = 2**20  # copied at a time


class OutputSpool:
    """Text `write`n by one thread, copied to `out` by a thread of its own, in order."""

    def __init__(self, out: Callable[[str], None]) -> None:
        self._out = out
        self._file = _spool_file()
        self._size = 0  # bytes in the file
        self._copied = 0  # of them, taken by the copier
        self._closed = False  # no more text will come
        self._halted = False  # copy nothing more
        self._started = False  # some text was taken to be copied
        self._delivered = False  # some text reached the output
        self._error: Exception | None = None  # why copying stopped (BrokenPipeError: no reader)
        self._changed = threading.Condition()
        self._copier = threading.Thread(target=self._copy, name="bcic-output", daemon=True)
        self._copier.start()

    def write(self, text: str) -> None:
        """Add `text` for the output, at once; raise what stopped the copying, if anything did
        (BrokenPipeError when the reader has gone), or OutputError when the spool cannot hold
        `text`: nothing more is copied then."""
        data = text.encode("utf-8")
        with self._changed:
            if self._error is not None:
                raise self._error
            try:
                self._file.seek(self._size)
                self._file.write(data)
            except OSError as error:
                self._error = _not_held(os_reason(error))
                self._halted = True  # the file may hold part of `text`, or have lost earlier text
                self._changed.notify()
                raise self._error from error
            self._size += len(data)
            self._changed.notify()

    def finish(self) -> None:
        """Wait until all the text written is copied; raise what stopped the copying, if
        anything did."""
        if (error := self.drain()) is not None:
            raise error

    def drain(self) -> Exception | None:
        """Wait until all the text written is copied, or the copying stopped; what stopped it,
        if anything did."""
        with self._changed:
            self._closed = True
            self._changed.notify()
        self._copier.join()
        with suppress(OSError):  # text left in the file's buffer (a full disk) is needed no more
            self._file.close()
        return self._error

    def halt(self) -> bool:
        """Copy nothing more (the process is about to end); whether any text was copied, or is
        being copied (not when the output failed before any reached it)."""
        with self._changed:
            self._halted = True
            self._changed.notify()
            return self._started and (self._delivered or self._error is None)

    def _copy(self) -> None:
        """The copier: each piece of text as it comes, until the spool is closed and empty or
        halted, or the output fails."""
        decoder = codecs.getincrementaldecoder("utf-8")()  # a piece may end inside a character
        try:
            while (data := self._next()) is not None:
                if text := decoder.decode(data):
                    self._out(text)
                    self._delivered = True
        except Exception as error:  # noqa: BLE001 - the writer raises it, in its own thread
            with self._changed:
                self._error = self._error or error  # the spool's failure comes first

    def _next(self) -> bytes | None:
        """The next bytes to copy, waiting for them; None when there will be none."""
        with self._changed:
            while self._copied == self._size and not (self._closed or self._halted):
                self._changed.wait()
            if self._halted or self._copied == self._size:
                return None
            try:
                self._file.seek(self._copied)
                data = self._file.read(min(COPY_BYTES, self._size - self._copied))
                if not data:  # the file lost text it took: never wait for it
                    raise OSError(errno.EIO, os.strerror(errno.EIO))
                self._copied += len(data)
                if self._copied == self._size:  # caught up: the file starts again, empty
                    self._file.seek(0)
                    self._file.truncate()
                    self._copied = self._size = 0
            except OSError as error:
                raise _not_held(os_reason(error)) from error
            self._started = True
            return data


def _spool_file() -> IO[bytes]:
    """Where the text waits: memory up to SPOOL_MEMORY bytes, then an unlinked file in TMPDIR."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY, mode="w+b")


def _not_held(reason: OsReason) -> OutputError:
    """The error of a spool whose file could not take or give back its text."""
    return OutputError.of("error.query.output_not_held", directory=tempfile.gettempdir(),
                          reason=reason)
