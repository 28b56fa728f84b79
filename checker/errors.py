"""One error family for the library, the CLI and the web app.

Each class carries the CLI exit code and the HTTP status it maps to, so clients never
translate errors themselves. Exit codes: 0 conforms, 1 gaps found, 2 bad input or usage,
3 internal.
"""

from collections.abc import Mapping
from typing import Self

from . import i18n
from .i18n import Lang


class CheckerError(Exception):
    """Base of every error bcic raises on purpose.

    `message` is English; an error made with `of` also carries the other languages of its
    catalogue message, which the CLI shows in the language asked for.
    """

    exit_code: int = 3
    http_status: int = 500

    def __init__(self, message: str, *, translations: Mapping[Lang, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.translations: Mapping[Lang, str] = translations or {}

    @classmethod
    def of(cls, key: str, **values: object) -> Self:
        """The error whose text is the catalogue's message `key` (checker/i18n.py)."""
        texts = {lang: i18n.message(key, lang, **values) for lang in i18n.LANGUAGES}
        return cls(texts["en"], translations=texts)

    def text(self, lang: Lang) -> str:
        """The message in `lang` when the error has it, else in English."""
        return self.translations.get(lang, self.message)


class InputError(CheckerError):
    """The input (a file, an option, a submission) is missing or cannot be read."""

    exit_code = 2
    http_status = 400


class ReasonerError(CheckerError):
    """The OWL reasoner could not run (no Java, a crash, an unexpected failure)."""

    exit_code = 3
    http_status = 500


class StoreError(CheckerError):
    """The knowledge-graph store cannot be opened, read or written (locked, unreachable)."""

    exit_code = 3
    http_status = 503


class StoreLockedError(StoreError):
    """The store directory is held by another process: RocksDB lets one process open it."""


class RevisionExistsError(StoreError):
    """A revision with this number is already stored for the cluster: nothing was written."""

    exit_code = 3
    http_status = 409


class QueryRefusedError(InputError):
    """A SPARQL query is malformed, of the wrong form, or asks for what the store never does
    (SERVICE, LOAD, updates, deep nesting)."""

    exit_code = 2
    http_status = 400


# pyoxigraph raises RuntimeError for valid SPARQL it cannot run (an unknown function, …):
# the query's fault, so a QueryRefusedError that starts with this.
UNSUPPORTED_QUERY = "the SPARQL query asks for what the engine does not support"


class NotFoundError(InputError):
    """What was asked for (a stored cluster, revision or report) does not exist."""

    exit_code = 2
    http_status = 404
