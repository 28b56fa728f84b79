"""Where a command's text goes: stdout in pieces its reader's leaving is seen in, or a file that
is either whole or not there at all."""

from __future__ import annotations

import io
import os
import secrets
from pathlib import Path

import click

from .errors import InputError

# At most 4 bytes a character in UTF-8: a piece never outgrows stdout's buffer. A larger write
# goes to the pipe directly, and Python 3.11 drops what the pipe did not take when its reader
# leaves, without an error (exit 0, the output cut); a buffer's flush raises BrokenPipeError.
_PIECE = io.DEFAULT_BUFFER_SIZE // 4


def echo_text(text: str, nl: bool = True, color: bool | None = None) -> None:
    """Print `text` as click.echo does (`color` as there), in pieces: a reader that leaves half
    way raises BrokenPipeError (exit 141, checker/cli.py)."""
    for start in range(0, len(text), _PIECE):
        click.echo(text[start:start + _PIECE], nl=False, color=color)
    if nl:
        click.echo("")


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
        raise InputError.of("error.cannot_write", path=path, reason=error.strerror) from None


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
