"""The operating system's reason for a failed file or socket operation, said in each language:
Python's `strerror` is English whatever the locale, which a Chinese message would quote as it is."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass

from .i18n import Lang, Localized, message

# The reasons a user of bcic meets: files, directories, disks and ports.
_KEYS: dict[int, str] = {
    errno.ENOSPC: "os.no_space",
    errno.EDQUOT: "os.quota",
    errno.EFBIG: "os.too_large",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.not_permitted",
    errno.EROFS: "os.read_only",
    errno.ENOENT: "os.no_such_file",
    errno.ENOTDIR: "os.not_a_directory",
    errno.EISDIR: "os.is_a_directory",
    errno.EEXIST: "os.exists",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.io",
    errno.EMFILE: "os.too_many_open",
    errno.EADDRINUSE: "os.address_in_use",
    errno.EADDRNOTAVAIL: "os.address_not_available",
}


@dataclass(frozen=True)
class OsReason(Localized):
    """Why the system refused: its words for a known error number, in the language asked;
    any other reason in the system's own (English) words."""

    number: int | None
    words: str

    def text(self, lang: Lang) -> str:
        """The reason in `lang`."""
        key = _KEYS.get(self.number) if self.number is not None else None
        return message(key, lang) if key is not None else self.words


def os_reason(error: BaseException) -> OsReason:
    """The reason of `error` (an OSError's number and words; any other error's text)."""
    number = getattr(error, "errno", None)
    words = getattr(error, "strerror", None) or str(error)
    return OsReason(number if isinstance(number, int) else None, words)


def reason_of_number(number: int) -> OsReason:
    """The reason the system gives for error `number`, as if an operation had failed with it."""
    return OsReason(number, os.strerror(number))
