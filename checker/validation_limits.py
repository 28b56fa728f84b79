"""Validate an untrusted upload within limits: statements, memory and time (the web app's uploads).

Anyone may ask the web app to validate (`POST /api/validate` needs no token). In the server's own
process one upload could hold a thread for minutes and grow the server by gigabytes, which it
would keep. So an upload is validated in a child forked from the server (checker/forking.py,
`run_in_child`), which shares the server's parsed rules without copying them (`warm_up` builds
them here first). The loader stops at `max_triples` statements; the child may take `memory_mib`
MiB beyond the server's memory and run `seconds`, and past either it is killed with every process
it started. Only its result comes back: the report, and for a revision to store, the statements,
which the server then writes in one atomic call (checker/ingest.py, `store_submission`). A
refused upload stores nothing and leaves nothing in the server.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from typing import TypeVar

from rdflib import Graph, URIRef
from rdflib.term import Node

from .errors import CheckerError, InputError
from .forking import WorkerMemoryError, WorkerTimeoutError, run_in_child
from .ingest import CheckedSubmission, check_submission
from .loading import SubmissionFile
from .memory_limit import MIB
from .recheck import validate_again
from .report import Report
from .rulebook import Rulebook, load_rulebook
from .store.base import RevisionInfo
from .synthetic import generate_cluster
from .validation import validate_graph, validate_submission

T = TypeVar("T")
# A checked submission as it crosses the pipe: its statements, its report, its cluster.
_Checked = tuple[list[tuple[Node, Node, Node]], Report, URIRef]


class ValidationSlots:
    """How many uploads one server validates at once (each child may take the memory limit, so
    `at_once` of them may take that many times it); a further one waits up to `wait` seconds for
    a slot, then is refused (ValidationBusyError)."""

    def __init__(self, at_once: int, wait: float) -> None:
        self.at_once = at_once
        self.wait = wait
        self._slots = threading.BoundedSemaphore(at_once)

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one slot while the block runs; ValidationBusyError when none came free in time."""
        if not self._slots.acquire(timeout=self.wait):
            raise ValidationBusyError.of("error.validation.busy", at_once=self.at_once,
                                         seconds=self.wait)
        try:
            yield
        finally:
            self._slots.release()


@dataclass(frozen=True)
class ValidationLimits:
    """What one validation of an upload may take: statements, MiB of memory beyond the server's,
    seconds; and the server's slots it takes turns for (the web app's settings, web/README.md)."""

    max_triples: int
    memory_mib: int
    seconds: float
    slots: ValidationSlots


class ValidationMemoryError(InputError):
    """Validating the submission needed more memory than the limit allows: nothing was kept."""

    http_status = 413


class ValidationTimeoutError(CheckerError):
    """The validation ran past the time limit and was stopped: nothing was kept (exit 4: out of
    time, not a failure of bcic's own)."""

    exit_code = 4
    http_status = 503


class ValidationBusyError(CheckerError):
    """Every slot for validations stayed taken while the upload waited: it was not validated."""

    http_status = 503


def validate_within(files: Sequence[SubmissionFile], limits: ValidationLimits) -> Report:
    """`validate_submission` within `limits`, in a child process; InputError for bad input,
    ValidationMemoryError or ValidationTimeoutError past the limits."""
    return _within(partial(validate_submission, files, max_triples=limits.max_triples), limits)


def recheck_within(info: RevisionInfo, data: Graph, limits: ValidationLimits) -> Report:
    """A stored revision's submission validated again under the running rulebook (checker/
    recheck.py) within `limits`, in a child, which reads the graph it was forked with."""
    return _within(partial(validate_again, info, data), limits)


def check_within(files: Sequence[SubmissionFile], limits: ValidationLimits) -> CheckedSubmission:
    """`check_submission` within `limits`, in a child process: a submission ready to store."""
    rulebook = load_rulebook()
    statements, report, cluster = _within(
        partial(_checked, files, rulebook, limits.max_triples), limits)
    data = Graph()
    data.addN((s, p, o, data) for s, p, o in statements)  # type: ignore[misc]
    return CheckedSubmission(tuple(files), data, report, cluster, rulebook)


def _checked(files: Sequence[SubmissionFile], rulebook: Rulebook, max_triples: int) -> _Checked:
    """In the child: the checked submission without its rulebook, which the parent has."""
    checked = check_submission(files, rulebook=rulebook, max_triples=max_triples)
    return list(checked.data), checked.report, checked.cluster


def _within(task: Callable[[], T], limits: ValidationLimits) -> T:
    """Run `task` in a child within the memory and time limits, in one of the server's slots,
    this process warmed up first; a CheckerError it raises is raised here, and one of its own
    workers out of memory is the validation out of memory."""
    warm_up()
    try:
        with limits.slots.slot():
            outcome = run_in_child(partial(_outcome, task), seconds=limits.seconds,
                                   memory=limits.memory_mib * MIB)
        if isinstance(outcome, CheckerError):
            raise outcome  # a WorkerMemoryError too: one of the validation's own workers ran out
        return outcome
    except WorkerTimeoutError:
        raise ValidationTimeoutError.of("error.validation.timeout",
                                        seconds=limits.seconds) from None
    except WorkerMemoryError:
        raise ValidationMemoryError.of("error.validation.memory",
                                       limit=limits.memory_mib) from None


def _outcome(task: Callable[[], T]) -> T | CheckerError:
    """In the child: the task's result, or the CheckerError it raised as a value (its class and
    translations travel back whole)."""
    try:
        return task()
    except CheckerError as error:
        return error


@cache
def warm_up() -> None:
    """Validate a small synthetic cluster with gaps in this process, once: what validations
    build at their first use and keep (the parsed shapes and their constraint components, the
    shapes graph's answers, the explainer, the hints) is then built here, and every child
    forked afterwards finds it built instead of building it again (about a second each)."""
    validate_graph(generate_cluster(members=10, years=1, gaps=0.2), rulebook=load_rulebook(),
                   processes=1)
