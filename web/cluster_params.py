"""Query-string parameters of the cluster and benchmark pages and their API, checked: a bad value
is a 400 (an unknown cluster, in the path or named by a parameter, a 404) with a message in the
request's language. A parameter names a cluster by its key or by its IRI, as the named queries
take it (9.3.2 c))."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flask import request
from werkzeug.exceptions import BadRequest, NotFound

from checker.cluster_dashboard import ClusterRef
from checker.cluster_refs import as_given, named_cluster
from checker.revisions import cluster_named
from checker.cluster_list import filter_text
from checker.history import ClusterSummary
from checker.indicator_scheme import Indicator, IndicatorScheme
from checker.own_benchmark import check_named_once, check_other_cluster
from checker.queries import values_given_once
from checker.store.base import cluster_key

from .i18n import ui

_YEAR = re.compile(r"[0-9]{4}")


def cluster_in_path(stored: Sequence[ClusterSummary], key: str) -> ClusterSummary:
    """The stored cluster a URL names by its key (in either case); 404 when there is none."""
    found = next((c for c in stored if cluster_key(c.cluster) == key.lower()), None)
    if found is None:
        raise NotFound(ui("clusters.error.no_cluster", given=key))
    return found


def filter_param() -> str:
    """`?q=`: the text that narrows the other clusters the selectors offer, as it narrows the
    home page's list ("" for none); given twice or holding a control character, a 400 as there."""
    given = values_given_once(("q", value) for value in request.args.getlist("q"))
    return filter_text(given.get("q"))


def year_param() -> int | None:
    """`?year=` as a four-digit year; None when absent or empty."""
    once("year")
    text = request.args.get("year", "").strip()
    if not text:
        return None
    if not _YEAR.fullmatch(text):
        raise BadRequest(ui("clusters.error.year", value=text))
    return int(text)


def indicators_param(scheme: IndicatorScheme) -> list[Indicator] | None:
    """The indicators `?indicator=<code>` (repeatable) and `?group=<code>` choose, in code
    order; None when neither is given."""
    codes = [c.strip() for c in request.args.getlist("indicator") if c.strip()]
    once("group")
    group_code = request.args.get("group", "").strip()
    if not codes and not group_code:
        return None
    chosen: set[str] = set()
    for code in codes:
        if scheme.indicator(code) is None:
            raise BadRequest(ui("clusters.error.indicator", code=code))
        chosen.add(code)
    if group_code:
        group = scheme.group(group_code)
        if group is None:
            raise BadRequest(ui("clusters.error.group", code=group_code))
        chosen.update(i.code for i in group.indicators)
    return [i for i in scheme.indicators if i.code in chosen]


def clusters_param(choices: Sequence[ClusterRef], name: str = "cluster", *,
                   stored_only: bool = False) -> list[ClusterRef]:
    """The clusters `?<name>=<key or IRI>` (repeatable) names, in the order given, each once; one
    that names none of `choices` (the stored clusters when `stored_only`) is a 404 naming it
    (checker/cluster_refs.py)."""
    chosen: list[ClusterRef] = []
    for given in (k.strip() for k in request.args.getlist(name)):
        if given:
            found = named_cluster(choices, given, name, stored_only=stored_only)
            if found not in chosen:
                chosen.append(found)
    return chosen


def compared_clusters_param(choices: Sequence[ClusterRef]) -> list[ClusterRef]:
    """The clusters `?cluster=<key or IRI>` (repeatable) puts side by side; a cluster given twice,
    by one spelling or by its key and its IRI, is a 400 naming it, as `bcic benchmark X X`
    refuses it (checker/own_benchmark.py, 9.3.2 c)), never dropped without a word."""
    given = [k.strip() for k in request.args.getlist("cluster") if k.strip()]
    check_named_once([cluster_named(g) for g in given])  # one spelling twice, as `bcic benchmark`
    chosen = clusters_param(choices, stored_only=True)
    check_named_once([str(named_cluster(choices, g, "cluster").iri) for g in given])  # key, IRI
    return chosen


def focus_param(stored: Sequence[ClusterRef]) -> ClusterRef | None:
    """`?focus=<key or IRI>`: the stored cluster whose four comparisons are given (9.3.2), None
    when absent or empty; given twice, a 400 as the named queries' parameters are."""
    once("focus")
    chosen = clusters_param(stored, "focus", stored_only=True)
    return chosen[0] if chosen else None


def once(name: str) -> None:
    """Refuse (400) a parameter given more than once, whose value to use would be left unsaid,
    as the named queries refuse it (checker/queries)."""
    values_given_once((name, value) for value in request.args.getlist(name))


def benchmark_param(choices: Sequence[ClusterRef], default: ClusterRef | None,
                    own: ClusterRef) -> ClusterRef | None:
    """`?benchmark=<key or IRI>`: absent → the default; empty → none; otherwise one of the
    choices. The compared cluster `own`, by its key or its IRI, is refused as every path refuses
    it (checker/own_benchmark.py, 9.3.2 c))."""
    if "benchmark" not in request.args:
        return default
    once("benchmark")
    for given in (g.strip() for g in request.args.getlist("benchmark")):
        named = cluster_named(given)  # as the CLI reads it, percent-encoded or not
        check_other_cluster(as_given(own, named), named)
    chosen = clusters_param(choices, "benchmark")
    return chosen[0] if chosen else None
