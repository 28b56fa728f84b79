"""Validate many submissions at once, one per file, on every core."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .errors import CheckerError
from .i18n import Lang
from .render import render_report
from .report import Rate
from .rule_problems import refuse_rule_problems
from .rulebook import load_rulebook
from .validation import validate_files


@dataclass(frozen=True)
class BatchOutcome:
    """What became of one submission of a batch: its verdict and rendered report, or its error
    (in the language of the batch)."""

    source: Path
    conforms: bool | None
    rendered: str | None
    error: str | None
    rate: Rate | None = None  # the headline rate, when the file was validated


def validate_each(paths: Sequence[Path], *, fmt: str, lang: Lang, workers: int | None = None,
                  rulebook_url: str | None = None) -> Iterator[BatchOutcome]:
    """Validate every file as its own submission in worker processes; the outcomes come as each
    finishes (HTML reports linking to the rulebook pages under `rulebook_url` when given).
    InputError at once, before any file is read, when the rule files have mistakes
    (rule_problems), rather than the same list of them for every file."""
    refuse_rule_problems(load_rulebook())
    return _outcomes(paths, _Rendering(fmt, lang, rulebook_url), workers or os.cpu_count() or 1)


@dataclass(frozen=True)
class _Rendering:
    """How a batch writes its reports: format, language, and the rulebook HTML links to."""

    fmt: str
    lang: Lang
    rulebook_url: str | None


def _outcomes(paths: Sequence[Path], rendering: _Rendering,
              workers: int) -> Iterator[BatchOutcome]:
    if workers == 1 or len(paths) == 1:
        for path in paths:
            yield _validate_one(path, rendering, None)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(paths))) as pool:
        # One file per worker, each validated in one process: the pool keeps the cores busy.
        futures = [pool.submit(_validate_one, path, rendering, 1) for path in paths]
        for future in as_completed(futures):
            yield future.result()


def _validate_one(path: Path, rendering: _Rendering, processes: int | None) -> BatchOutcome:
    try:
        report = validate_files([path], processes=processes)
    except CheckerError as exc:
        return BatchOutcome(path, None, None, exc.text(rendering.lang))
    rendered = render_report(report, rendering.fmt, rendering.lang,
                             rulebook_url=rendering.rulebook_url)
    return BatchOutcome(path, report.conforms, rendered, None, report.overall)

