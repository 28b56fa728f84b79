"""One error family for the library, the CLI and the web app.

Each class carries the CLI exit code and the HTTP status it maps to, so clients never
translate errors themselves. Exit codes: 0 conforms, 1 gaps found, 2 bad input or usage,
3 internal, 4 the store or a SPARQL endpoint could not answer, or a query's output could not be
written or held (a full disk).
"""

from typing import Self

from .i18n import Lang, Localized, in_every_language, phrase


class CheckerError(Localized, Exception):
    """Base of every error bcic raises on purpose.

    Made from a catalogue message (`of`, or any Localized text given to the constructor), the
    error says it in every language: `message` is English, `text(lang)` the language asked for.
    Made from a plain string (messages for developers only), it says that string in all of them.
    """

    exit_code: int = 3
    http_status: int = 500
    retry_after: int | None = None  # seconds an HTTP client should wait to ask again, if said

    def __init__(self, message: str | Localized) -> None:
        texts = in_every_language(message) if isinstance(message, Localized) else {}
        english = texts.get("en", str(message))
        super().__init__(english)
        self.message = english
        self.translations: dict[Lang, str] = texts

    @classmethod
    def of(cls, key: str, /, **values: object) -> Self:
        """The error whose text is the catalogue's message `key` (checker/i18n.py)."""
        return cls(phrase(key, **values))

    def text(self, lang: Lang) -> str:
        """The message in `lang` when the error has it, else in English."""
        return self.translations.get(lang, self.message)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the translations and whatever a subclass adds, whatever its __init__
        takes: forked children send errors back to their parent (checker/forking.py)."""
        return _rebuilt, (type(self), self.message), self.__dict__


def _rebuilt(cls: type[CheckerError], message: str) -> CheckerError:
    """An unpickled error before its attributes are set again (no __init__ runs)."""
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    return error


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


class NoAnswerError(StoreError):
    """The store, or a SPARQL endpoint, could not answer: unreachable, out of time, or refusing
    the request. Not a failure of bcic's own (exit 3), nor the user's input (exit 2)."""

    exit_code = 4


class OutputError(CheckerError):
    """A query's output could not be written (a full disk under stdout), or held until its
    reader takes it (a full TMPDIR): what was written of it is incomplete. Exit 4, as for a
    store that fails once rows were written: not a failure of bcic's own, nor the user's input."""

    exit_code = 4


class StoreLockedError(NoAnswerError):
    """The store directory is held by another process: RocksDB lets one process open it. Like a
    remote writer's turn that stays busy, the store could not answer: try again (exit 4)."""


class SummaryOutdatedError(NoAnswerError):
    """An answer would read the store's summary graph, which another version of bcic wrote: it
    would miss rows or be wrong until `bcic reindex`, so none is given (exit 4; 503 with a
    Retry-After: the operator's fix takes minutes, not a moment)."""

    retry_after = 300


class NotFlushedError(NoAnswerError):
    """A write was committed (it is in the store's write-ahead log, read again whenever the store
    is opened) but could not then be written out to disk (a full disk): `written` says what was
    stored, so that nobody sends it again; the message adds the store's own words."""

    def __init__(self, message: str | Localized, written: Localized | None = None) -> None:
        super().__init__(message)
        self.written = written


class RevisionExistsError(StoreError):
    """A revision with this number is already stored for the cluster: nothing was written."""

    exit_code = 3
    http_status = 409


class QueryRefusedError(InputError):
    """A SPARQL query is malformed, of the wrong form, or asks for what the store never does
    (SERVICE, LOAD, updates, deep nesting)."""

    exit_code = 2
    http_status = 400


class NotAcceptableError(QueryRefusedError):
    """No result format the client accepts fits the query form, or can carry its answer."""

    http_status = 406


class NotFoundError(InputError):
    """What was asked for (a stored cluster, revision or report) does not exist."""

    exit_code = 2
    http_status = 404


class NotJudgeableError(InputError):
    """A judgement of a provision the stored report does not leave to the evaluator (met, not
    met, not applicable or not used by the data): nothing is written (docs/model.md, decision
    20)."""

    exit_code = 2
    http_status = 409


class AnswerChangedError(CheckerError):
    """A later page of a named query's answer was asked for with the token of its first page,
    and the data changed since that page was read: this page would not continue the same
    answer (rows moved between pages). `first_page` is where to start again."""

    exit_code = 2
    http_status = 409

    def __init__(self, message: str | Localized, first_page: str = "") -> None:
        super().__init__(message)
        self.first_page = first_page
