"""The clusters the selectors of the cluster and benchmark pages offer, bounded whatever the store
holds (no HTTP here).

9.3.2 names, among the methods of performance analysis, "c) 与标杆的对比；" and "d) 与竞争对手的对比。":
an evaluator chooses a benchmark and the clusters to compare. The selectors offered every stored
cluster: 1,015 options at 1,000 clusters, a large page and a list nobody can scroll through. They
now offer first the clusters that must stay at hand, those the submission declares its benchmark
and competitors and those chosen now, then at most OTHERS_OFFERED other stored clusters in the
home page's order (`checker.cluster_list`), among those a text filter keeps: any stored cluster is
found by typing part of its name or IRI, without JavaScript. The cluster page never offers its own
cluster as its benchmark, and its notes count only the others.

Clusters may share a name (the capacity test's synthetic ones share 48): an option whose name
another stored or offered cluster shares also shows the end of its IRI that tells it apart
(`…/c17/cluster`), as the home page shows every IRI under its name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from rdflib import URIRef

from .cluster_dashboard import ClusterRef, stored_ref
from .cluster_list import cluster_page, name_in, shown_name
from .history import ClusterSummary
from .i18n import Lang
from .queries import Page

# The other stored clusters a selector offers at most: a list one can read through, and every
# cluster of a store of this many or fewer, as before.
OTHERS_OFFERED = 50


@dataclass(frozen=True)
class Offered:
    """The stored clusters a text filter keeps, in list order, of which a selector offers the
    first `size` besides the clusters it keeps at hand."""

    text: str  # the filter ("" for none)
    matched: tuple[ClusterSummary, ...]  # every stored cluster the filter keeps, in list order
    stored: int  # every stored cluster (but the page's own, when `others_only`)
    size: int
    others_only: bool = False  # the page's own cluster, never offered, is left out of the counts

    @property
    def cut(self) -> bool:
        """Whether a selector may leave out some of the clusters the filter keeps."""
        return len(self.matched) > self.size

    def options(self, kept: Iterable[ClusterRef],
                besides: Iterable[URIRef] = ()) -> tuple[ClusterRef, ...]:
        """The `kept` clusters (each once, in order), then at most `size` of the clusters the
        filter keeps that are neither kept nor `besides`."""
        first: list[ClusterRef] = []
        for ref in kept:
            if all(ref.iri != f.iri for f in first):
                first.append(ref)
        skipped = {ref.iri for ref in first} | set(besides)
        others = (s for s in self.matched if s.cluster not in skipped)
        return (*first, *(stored_ref(s) for s in islice(others, self.size)))


def offered_clusters(ordered: Sequence[ClusterSummary], text: str,
                     size: int = OTHERS_OFFERED, besides: URIRef | None = None) -> Offered:
    """The clusters of `ordered` (in list order) whose label, in any language, or IRI holds
    `text` without regard to case (all of them for ""), as the home page filters them; never
    `besides`, the page's own cluster, which is then neither offered nor counted."""
    others = [s for s in ordered if s.cluster != besides]
    kept = cluster_page(others, text, Page()).clusters
    return Offered(text, kept, len(others), size, others_only=besides is not None)


def declared_peers_first(comparable: Sequence[ClusterRef]) -> list[ClusterRef]:
    """The benchmark, then the competitors, a cluster declares among its comparable clusters
    (`checker.cluster_dashboard.comparable_clusters`), stored or not."""
    return [c for role in ("benchmark", "competitor") for c in comparable if c.role == role]


def benchmark_options(offered: Offered, comparable: Sequence[ClusterRef],
                      benchmark: ClusterRef | None, cluster: URIRef) -> tuple[ClusterRef, ...]:
    """A benchmark selector's clusters: the benchmark and competitors `cluster` declares, the
    chosen `benchmark`, then other stored clusters as `offered`; never `cluster` itself (9.3.2 c)
    compares with another cluster)."""
    kept = [*declared_peers_first(comparable), *([benchmark] if benchmark else [])]
    return offered.options(kept, besides=[cluster])


def comparison_options(offered: Offered, focus: ClusterRef, chosen: Sequence[ClusterRef],
                       comparable: Sequence[ClusterRef],
                       benchmark: ClusterRef | None) -> dict[str, tuple[ClusterRef, ...]]:
    """The benchmark page's selectors by parameter name: the clusters compared (the chosen ones
    first), the focus of the four comparisons (it, then the chosen ones), and its benchmark."""
    return {"cluster": offered.options(chosen), "focus": offered.options([focus, *chosen]),
            "benchmark": benchmark_options(offered, comparable, benchmark, focus.iri)}


def told_apart(options: Sequence[ClusterRef], stored: Iterable[ClusterSummary],
               lang: Lang) -> dict[URIRef, str]:
    """What tells each of `options` apart whose name in `lang` (as the pages show it) another
    stored cluster or option shares: the fewest last segments of its IRI that none of theirs
    ends with, as `…/c17/cluster`, else its whole IRI. An option whose name is its own is not
    in it: it is shown as it was."""
    by_name: dict[str, set[str]] = {}
    for iri, name in [*((s.cluster, shown_name(s, lang)) for s in stored),
                      *((o.iri, name_in(o.labels, o.iri, lang)) for o in options)]:
        by_name.setdefault(name, set()).add(str(iri))
    apart = {}
    for option in options:
        alike = by_name[name_in(option.labels, option.iri, lang)] - {str(option.iri)}
        if alike:
            apart[option.iri] = _distinct_end(str(option.iri), alike)
    return apart


def _distinct_end(iri: str, others: Collection[str]) -> str:
    """The fewest last path segments of `iri` that are not the last segments of any of
    `others`, after "…/"; the whole IRI when only its scheme and host would tell it apart, or it
    has no path (`urn:`)."""
    segments = iri.split("/")
    # "https:", "", the host: an end that reaches the host is no shorter than the IRI to read.
    for count in range(1, len(segments) - 2):
        end = segments[-count:]
        if any(end) and all(other.split("/")[-count:] != end for other in others):
            return "…/" + "/".join(end)
    return iri
