"""Pages of the named-query API on the knowledge-graph benchmark's largest store
(`bench/knowledge_graph.py` runs it after its last checkpoint's queries).

A first page (`?limit=…`) asks the query worker for the whole sorted answer and keeps it
(checker/answer_cache.py); the pages after it are cut from what was kept. This times, for each
named query: that first page (one run: once its answer is kept, a first page is never cold
again), the next page (the `next` link), and the same first page from an endpoint that keeps no
answers (its query runs with LIMIT); and the bytes the kept answers hold afterwards.
"""

from __future__ import annotations

import json
import statistics
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.answer_cache import AnswerCache

PAGE_ROWS = 100
SAMPLES = 5  # runs of the next page and of the first page kept nowhere; their median is shown


@dataclass(frozen=True)
class PageFigures:
    """One named query's pages: milliseconds, and the kept answers' bytes after its first page."""

    name: str
    rows: int  # the whole answer's rows
    first_ms: float
    next_ms: float | None  # None: the answer fits on its first page
    unkept_ms: float
    held: int


def _document(url: str | urllib.request.Request) -> dict:  # type: ignore[type-arg]
    with urllib.request.urlopen(url, timeout=300) as answer:
        document: dict = json.load(answer)  # type: ignore[type-arg]
        return document


def _ms(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def _median_ms(run: Callable[[], object]) -> float:
    return statistics.median(_ms(run) for _ in range(SAMPLES))


def page_figures(kept_base: str, unkept_base: str, answers: AnswerCache,
                 queries: Sequence[tuple[str, dict[str, str], int]]) -> list[PageFigures]:
    """Each query's pages (its name, its parameters and its whole answer's rows), asked of the
    endpoint at `kept_base`, which keeps `answers`, and of the one at `unkept_base`, which
    keeps none."""
    warm = urllib.request.Request(kept_base + "/sparql?query=ASK%20%7B%7D",
                                  headers={"Accept": "application/sparql-results+json"})
    _document(warm)  # its query workers start here, not in the first page timed
    figures = []
    for name, values, rows in queries:
        path = f"/api/queries/{name}?" + urllib.parse.urlencode({**values,
                                                                 "limit": str(PAGE_ROWS)})
        first: dict = {}  # type: ignore[type-arg]
        first_ms = _ms(lambda: first.update(_document(kept_base + path)))
        following = first["next"]
        next_ms = _median_ms(lambda: _document(following)) if following else None
        unkept_ms = _median_ms(lambda: _document(unkept_base + path))
        figures.append(PageFigures(name, rows, first_ms, next_ms, unkept_ms, answers.held))
        print(f"  pages of {name}: first {first_ms:.0f} ms, next "
              f"{'-' if next_ms is None else f'{next_ms:.1f}'} ms, nothing kept "
              f"{unkept_ms:.1f} ms, {answers.held / 2**20:.1f} MiB kept", flush=True)
    return figures


def page_rows(figures: list[PageFigures], clusters: int) -> list[str]:
    """The section of the results file."""
    return [
        "## Pages of a named query's answer", "",
        f"At {clusters:,} clusters, on a second endpoint like (b) but keeping answers "
        "(`checker/answer_cache.py`, its defaults): `GET /api/queries/<name>?…&limit="
        f"{PAGE_ROWS}`, the first page, reads the whole sorted answer and keeps it (one run: "
        "once kept, a first page is not cold again); the next page (its `next` link) is cut "
        f"from what was kept (median of {SAMPLES}); the same first page from the endpoint of "
        f"(b), which keeps nothing and runs the query with LIMIT {PAGE_ROWS + 1} (median of "
        f"{SAMPLES}). \"Kept\": the bytes the kept answers hold after the query's first page, "
        "all queries' so far (older ones dropped first past the bound).", "",
        "| query | rows | first page, answer kept | next page | first page, nothing kept "
        "| kept |",
        "|---|---:|---:|---:|---:|---:|",
        *(f"| `{f.name}` | {f.rows:,} | {f.first_ms:,.0f} ms | "
          f"{'—' if f.next_ms is None else f'{f.next_ms:.1f} ms'} | {f.unkept_ms:,.1f} ms | "
          f"{f.held / 2**20:.1f} MiB |" for f in figures), ""]
