"""Whole sorted answers of named queries, kept for the snapshot they were read from, so that the
pages after the first are cut from them rather than sorted again.

pyoxigraph has no cursor: a page of `indicator-trends` (150,000 rows at 1,000 clusters) costs the
whole sort whatever its offset, 3 s each, 15 pages. So the first page of an answer asks the
worker for the whole answer, up to ROWS_KEPT rows, each row written once as its JSON object
(checker/query_worker.py, VALUES_LINES); the server keeps those rows and cuts every page from
them. A snapshot never changes, so an answer kept for it stays true for as long as it is the
current one; answers of an older snapshot are dropped as soon as one of a newer is kept.

Bounded: at most BYTES_KEPT bytes of rows in all, the least recently read answers dropped first.
An answer longer than ROWS_KEPT rows, or larger than BYTES_KEPT, is kept as its first rows (as
many as fit): pages within them are cut from it, later pages run the query for themselves.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

from .memory_limit import MIB
from .queries import Page

# indicator-trends at the capacity test's 1,000 clusters, the longest answer of the named queries
# (150,000 rows; 346 bytes a row on the samples, and 33 more for each bytes object: 57 MB), is
# kept whole, with room beside it for the other queries' answers, which are far shorter. The
# server itself holds about 200 MB at that size (web/README.md), so this bounds what the kept
# answers add to under half again.
ROWS_KEPT = 200_000
BYTES_KEPT = 96 * MIB
_ROW_OVERHEAD = sys.getsizeof(b"")  # what a bytes object costs beyond its bytes


@dataclass(frozen=True)
class KeptAnswer:
    """An answer's first rows in its order (every row when `complete`), read from `snapshot`:
    `columns` a JSON array, each row a JSON object, as the named-query API writes them."""

    snapshot: str
    columns: bytes
    rows: tuple[bytes, ...]
    complete: bool

    @property
    def size(self) -> int:
        """The bytes it holds, about."""
        return len(self.columns) + sum(len(row) + _ROW_OVERHEAD for row in self.rows)

    def page(self, page: Page) -> tuple[bytes, bool] | None:
        """The page as a JSON object `{"columns": …, "rows": […]}` and whether rows follow it;
        None when the rows kept end before the page does, or where the row after it would be."""
        end = len(self.rows) if page.limit is None else page.offset + page.limit
        if not self.complete and end >= len(self.rows):
            return None
        shown = self.rows[page.offset:end]
        body = b'{"columns":' + self.columns + b',"rows":[' + b",".join(shown) + b"]}"
        return body, end < len(self.rows)


class AnswerCache:
    """Kept answers of the current snapshot, at most `size` bytes of them, the least recently
    read dropped first; an answer is kept up to its first `rows` rows. Safe across threads."""

    def __init__(self, rows: int = ROWS_KEPT, size: int = BYTES_KEPT) -> None:
        self.rows = rows
        self.size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, KeptAnswer] = OrderedDict()

    def may_hold(self, page: Page) -> bool:
        """Whether the page ends within the rows an answer is kept up to (and the one after)."""
        return page.limit is not None and page.offset + page.limit < self.rows

    def get(self, snapshot: str, key: Hashable) -> KeptAnswer | None:
        """The answer kept under `key` for `snapshot`, if any."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept.snapshot != snapshot:
                return None
            self._kept.move_to_end(key)
            return kept

    def keep(self, key: Hashable, snapshot: str, lines: bytes, truncated: bool) -> KeptAnswer:
        """Keep an answer read from `snapshot` as the worker wrote it (VALUES_LINES: the
        columns, then a row a line; `truncated`: rows followed the last), as many of its first
        rows as fit; answers of other snapshots are dropped."""
        columns, *rows = lines.split(b"\n")
        budget, fit = self.size - len(columns), 0
        for row in rows:
            budget -= len(row) + _ROW_OVERHEAD
            if budget < 0:
                break
            fit += 1
        kept = KeptAnswer(snapshot, columns, tuple(rows[:fit]),
                          complete=not truncated and fit == len(rows))
        with self._lock:
            for other in [k for k, v in self._kept.items() if v.snapshot != snapshot]:
                del self._kept[other]
            self._kept[key] = kept
            self._kept.move_to_end(key)
            while sum(v.size for v in self._kept.values()) > self.size and len(self._kept) > 1:
                self._kept.popitem(last=False)
        return kept

    def __len__(self) -> int:
        """How many answers are kept, for tests and monitoring."""
        return len(self._kept)

    @property
    def held(self) -> int:
        """The bytes the kept answers hold, about (at most `size`), for tests and monitoring."""
        with self._lock:
            return sum(v.size for v in self._kept.values())
