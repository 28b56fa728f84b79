"""The stored clusters as a list: one order for the home page, `/api/clusters` and `bcic clusters`,
a text filter and a page at a time (no HTTP here).

The order is by the name a reader sees, then by IRI: an evaluator looking through a thousand
clusters looks for a name, and the synthetic clusters of the capacity test share 48 names, which
their IRIs then tell apart. Runs of digits compare as numbers ("c2" before "c10", "（2）" before
"（10）"), letters without case. Chinese names come in code point order, which for Han characters
is the radical-and-stroke order of the Unicode tables, not pinyin: the filter finds a name whatever
the order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .history import ClusterSummary
from .i18n import Lang
from .queries import Page, checked_text, read_page, values_given_once

# A page of the list when `limit` is not given, and the most one may ask for: the home page's
# 100 rows are about 45 kB of HTML, and 1,000 clusters come whole in one page of the API.
CLUSTERS_PER_PAGE = 100
MOST_CLUSTERS_PER_PAGE = 1000
LIST_PARAMS = ("q", "offset", "limit")  # the filter and the page, each at most once

_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True)
class ClusterPage:
    """The clusters of one page of the list, and where the page stands in it."""

    clusters: tuple[ClusterSummary, ...]
    page: Page
    text: str  # the filter ("" for none)
    matched: int  # the clusters the filter keeps (every stored one without a filter)
    stored: int  # every stored cluster

    @property
    def first(self) -> int:
        """The position (from 1) of the page's first cluster in the filtered list."""
        return self.page.offset + 1

    @property
    def last(self) -> int:
        """The position of the page's last cluster (`first - 1` on an empty page)."""
        return self.page.offset + len(self.clusters)

    def following(self) -> Page | None:
        """The next page, or None when this one ends the list."""
        return self.page.following() if self.last < self.matched else None

    def preceding(self) -> Page | None:
        """The page before, or None on the first."""
        if self.page.offset == 0:
            return None
        assert self.page.limit is not None
        return Page(max(0, self.page.offset - self.page.limit), self.page.limit)


def shown_name(summary: ClusterSummary, lang: Lang) -> str:
    """The cluster's name as the pages show it (`name_in`)."""
    return name_in(summary.labels, summary.cluster, lang)


def name_in(labels: Mapping[str, str], iri: str, lang: Lang) -> str:
    """A cluster's name as the pages show it: its label in `lang`, else in English, else
    without a language, else any; its IRI when it has none."""
    return (labels.get(lang) or labels.get("en") or labels.get("")
            or next(iter(labels.values()), "") or str(iri))


def in_list_order(summaries: Iterable[ClusterSummary], lang: Lang) -> list[ClusterSummary]:
    """The clusters by their name in `lang`, then by IRI (module docstring)."""
    return sorted(summaries, key=lambda s: (_natural(shown_name(s, lang)),
                                            _natural(str(s.cluster)), str(s.cluster)))


def read_list_request(pairs: Iterable[tuple[str, str]]) -> tuple[str, Page]:
    """The filter text and the page that a request's (name, value) pairs ask for: `q`, `offset`
    and `limit` (default CLUSTERS_PER_PAGE, at most MOST_CLUSTERS_PER_PAGE); others are left to
    the caller. InputError for one given twice, a bad offset or limit or a control character in
    `q`, in the words of the named queries' pages."""
    given = values_given_once((k, v) for k, v in pairs if k in LIST_PARAMS)
    page = read_page(given.get("offset"), given.get("limit"), MOST_CLUSTERS_PER_PAGE)
    limit = CLUSTERS_PER_PAGE if given.get("limit") is None else page.limit
    return filter_text(given.get("q")), Page(page.offset, limit)


def filter_text(given: str | None) -> str:
    """The filter `q` as given (None: not given), without the spaces around it; InputError for
    a control character left in it (a NUL), which pages would otherwise write back raw."""
    return checked_text((given or "").strip(), "q")


def cluster_page(ordered: Sequence[ClusterSummary], text: str, page: Page) -> ClusterPage:
    """The page of `ordered` (already in list order) among the clusters whose label, in any
    language, or IRI holds `text` without regard to case (all of them for "")."""
    kept = [s for s in ordered if _holds(s, text.casefold())] if text else list(ordered)
    end = None if page.limit is None else page.offset + page.limit
    return ClusterPage(tuple(kept[page.offset:end]), page, text, len(kept), len(ordered))


def _holds(summary: ClusterSummary, folded: str) -> bool:
    """Whether a label of the cluster, or its IRI, holds the case-folded text."""
    return any(folded in name.casefold() for name in (*summary.labels.values(), summary.cluster))


def _natural(text: str) -> tuple[int | str, ...]:
    """A sort key comparing runs of digits as numbers and the rest without case: the split
    alternates text and digits, so each place compares the same kind."""
    return tuple(int(part) if i % 2 else part
                 for i, part in enumerate(_DIGITS.split(text.casefold())))
