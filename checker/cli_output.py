"""Where a command's text goes: stdout in pieces its reader's leaving is seen in, or a file that
is either whole or not there at all."""

from __future__ import annotations

import io
import os
import secrets
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from .errors import InputError, OutputError
from .i18n import Localized, phrase
from .os_reasons import os_reason

# At most 4 bytes a character in UTF-8: a piece never outgrows stdout's buffer. A larger write
# goes to the pipe directly, and Python 3.11 drops what the pipe did not take when its reader
# leaves, without an error (exit 0, the output cut); a buffer's flush raises BrokenPipeError.
_PIECE = io.DEFAULT_BUFFER_SIZE // 4


def echo_text(text: str, nl: bool = True, color: bool | None = None) -> None:
    """Print `text` to stdout as click.echo does (`color` as there), in pieces: a reader that
    leaves half way raises BrokenPipeError (exit 141, checker/cli.py); a stdout that cannot take
    the text (a full disk) raises OutputError (exit 4) naming what it writes to."""
    try:
        for start in range(0, len(text), _PIECE):
            click.echo(text[start:start + _PIECE], nl=False, color=color)
        if nl:
            click.echo("")
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _not_written(error) from None


def write_stdout(text: str) -> None:
    """Write `text` to stdout as it is, as echo_text does: click would strip escape sequences
    from CSV sent to a file or pipe, and CSV must keep values exact."""
    echo_text(text, nl=False, color=True)


@contextmanager
def after_a_change(done: Localized) -> Iterator[None]:
    """Output that follows a change already made (a revision stored, one deleted): a stdout that
    cannot take it raises an OutputError that says the change was made, so that nobody makes it
    again (a second revision)."""
    try:
        yield
    except OutputError as error:
        raise OutputError(phrase("error.output_after_change", done=done, error=error)) from None


def flush_stdout() -> None:
    """Write out what stdout still holds, so that a full disk is an OutputError here rather than
    a traceback when the interpreter exits; its reader gone raises BrokenPipeError."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _not_written(error) from None


def stdout_failure(error: OSError) -> OutputError | None:
    """The OutputError of `error` when it is stdout refusing a click.echo of a command (a full
    disk: click flushes each echo), else None."""
    for frame, _line in traceback.walk_tb(error.__traceback__):
        if frame.f_code is click.echo.__code__ and _is_stdout(frame.f_locals.get("file")):
            return _not_written(error)
    return None


def _is_stdout(stream: object) -> bool:
    try:
        return stream.fileno() == sys.stdout.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # no file behind it (an in-process runner)
        return stream is sys.stdout


def _not_written(error: OSError) -> OutputError:
    return OutputError.of("error.cannot_write", path=stdout_name(), reason=os_reason(error))


def stdout_name() -> str:
    """What stdout writes to, as a name the user gave it (`> out.json`: its path), else
    "stdout"."""
    try:
        target = os.readlink(f"/proc/self/fd/{sys.stdout.fileno()}")
    except (OSError, ValueError):  # no file behind it (an in-process runner)
        return "stdout"
    return target if target.startswith("/") else "stdout"  # not a pipe's "pipe:[…]"


def write_file(path: Path, text: str) -> None:
    """Write `text` to `path` in UTF-8 through a file beside it, renamed into place when whole:
    a failed write (a missing directory, a read-only or full disk) leaves no partial file and
    the old one, if any, as it was; InputError (exit 2) says why. A link is written through,
    and what is no regular file (/dev/stdout, a pipe) is written to as it is, never replaced."""
    try:
        if path.exists() and not path.is_file():
            with path.open("w", encoding="utf-8") as out:
                out.write(text)
        else:
            _replace_whole(Path(os.path.realpath(path)), text)
    except OSError as error:
        raise InputError.of("error.cannot_write", path=path, reason=os_reason(error)) from None


def _replace_whole(target: Path, text: str) -> None:
    """Write a file beside `target`, then rename it over `target`; remove it on a failure."""
    draft = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    # mode 0666 less the umask, as open() gives a new file, not mkstemp's 0600
    handle = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(draft, target)
    except BaseException:
        draft.unlink(missing_ok=True)
        raise
