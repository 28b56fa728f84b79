"""Query-string parameters of the cluster and benchmark pages and their API, checked: a bad value
is a 400 (an unknown cluster in the path a 404) with a message in the request's language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flask import request
from werkzeug.exceptions import BadRequest, NotFound

from checker.cluster_dashboard import ClusterRef
from checker.cluster_list import filter_text
from checker.history import ClusterSummary
from checker.indicator_scheme import Indicator, IndicatorScheme
from checker.own_benchmark import check_named_once, check_other_cluster
from checker.queries import values_given_once
from checker.store.base import cluster_key

from .i18n import ui

_YEAR = re.compile(r"[0-9]{4}")


def cluster_in_path(stored: Sequence[ClusterSummary], key: str) -> ClusterSummary:
    """The stored cluster a URL names by its key; 404 when there is none."""
    found = next((c for c in stored if cluster_key(c.cluster) == key), None)
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


def clusters_param(choices: Sequence[ClusterRef], name: str = "cluster") -> list[ClusterRef]:
    """The clusters `?<name>=<key>` (repeatable) names, in the order given, each once."""
    by_key = {c.key: c for c in choices}
    chosen: list[ClusterRef] = []
    for key in (k.strip() for k in request.args.getlist(name)):
        if not key:
            continue
        if key not in by_key:
            raise BadRequest(ui("clusters.error.unknown_param", name=name, given=key))
        if by_key[key] not in chosen:
            chosen.append(by_key[key])
    return chosen


def compared_clusters_param(choices: Sequence[ClusterRef]) -> list[ClusterRef]:
    """The clusters `?cluster=<key>` (repeatable) puts side by side; a key given twice is a 400
    naming it, as `bcic benchmark X X` refuses it (checker/own_benchmark.py, 9.3.2 c)), never
    dropped without a word."""
    check_named_once([k.strip() for k in request.args.getlist("cluster") if k.strip()])
    return clusters_param(choices)


def benchmark_param(choices: Sequence[ClusterRef], default: ClusterRef | None,
                    own_key: str) -> ClusterRef | None:
    """`?benchmark=<key>`: absent → the default; empty → none; otherwise one of the choices.
    The compared cluster's own key is refused as every path refuses it (checker/own_benchmark.py,
    9.3.2 c))."""
    if "benchmark" not in request.args:
        return default
    for given in request.args.getlist("benchmark"):
        check_other_cluster(own_key, given.strip())
    chosen = clusters_param(choices, "benchmark")
    return chosen[0] if chosen else None
