"""A cluster is never its own benchmark (9.3.2 c): one refusal for every path that pairs them.

9.3.2 c) compares a cluster with a benchmark, another cluster; its own past is 9.3.2 b), the
history comparison. A comparison of a cluster with itself answers every difference 0, which reads
as a finding: the web pages and API, the named queries (`# benchmark:` in a `.rq` header) and
`bcic benchmark` refuse it alike.
"""

from __future__ import annotations

from .errors import InputError


def check_other_cluster(cluster: str, benchmark: str, name: str = "benchmark") -> None:
    """InputError when parameter `name`'s `benchmark` names `cluster` itself (IRIs or keys,
    compared as given once checked)."""
    if benchmark == cluster:
        raise InputError.of("error.benchmark.own", name=name, given=benchmark)


def check_named_once(clusters: list[str]) -> None:
    """InputError naming the first cluster given twice to a comparison of clusters side by side
    (`bcic benchmark X X`)."""
    for number, cluster in enumerate(clusters):
        if cluster in clusters[:number]:
            raise InputError.of("error.benchmark.named_twice", cluster=cluster)
