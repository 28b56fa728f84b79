"""Named queries on a remote store: each one's time on a real Virtuoso holding 100 generated
clusters, and whether it answers as the embedded store does on the same revisions.

Starts its own Virtuoso (tests/virtuoso.py, the tests' settings) on loopback ports; the clusters
are bench/knowledge_graph.py's (`cluster_graph`), ingested with the real `ingest_files` into the
server and into an in-memory Oxigraph store. Run with `.venv/bin/python -m
bench.remote_named_queries` from the repository root after `make system-packages`.
"""

from __future__ import annotations

import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from checker.errors import CheckerError
from checker.ingest import ingest_files
from checker.paths import PROJECT_ROOT
from checker.queries import bind, get_query, list_queries, run_named_query
from checker.store import Store, open_store
from checker.store.guard import OwnQuery
from tests.virtuoso import VirtuosoServer
from tests.virtuoso_answers import ordered_answer

from .environment import describe
from .knowledge_graph import query_params, write_cluster_file

RESULTS = PROJECT_ROOT / "bench" / "results" / "remote_named_queries.md"
CLUSTERS = 100
CLIENT_TIMEOUT = 180.0  # seconds the remote store's client waits for one answer


def timed_row(name: str, values: dict[str, str], embedded: Store, remote: Store) -> str:
    """One table row: the query, its rows on each store, Virtuoso's seconds with the text it
    runs there (its Virtuoso text if it has one), same answer, and for a query with a Virtuoso
    text the seconds of the standard text on Virtuoso."""
    expected = run_named_query(embedded, name, values)
    started = time.perf_counter()
    found, failure = [], ""
    try:
        found = run_named_query(remote, name, values)
    except CheckerError as error:
        failure = _why(error)
    took = time.perf_counter() - started
    # After the store's own choice, which thus runs cold as every other query does.
    standard = (_seconds(lambda: remote.select(OwnQuery(bind(get_query(name), values))))
                if "virtuoso" in get_query(name).variants else "")
    if failure:
        return f"| `{name}` | {len(expected):,} | — | > {took:.1f} | {failure} | {standard} |"
    same = "yes" if ordered_answer(found) == ordered_answer(expected) else "**no**"
    return f"| `{name}` | {len(expected):,} | {len(found):,} | {took:.2f} | {same} | {standard} |"


def _seconds(run: Callable[[], object]) -> str:
    """The seconds `run` took, or '> s (why)' when the server gave no answer."""
    started = time.perf_counter()
    try:
        run()
    except CheckerError as error:
        return f"> {time.perf_counter() - started:.1f} ({_why(error)})"
    return f"{time.perf_counter() - started:.2f}"


def _why(error: CheckerError) -> str:
    """'no answer: ' and the server's own words, without the endpoint's address."""
    return "no answer: " + error.message.rsplit(":", 1)[-1].strip()


def server_name(endpoint: str) -> str:
    """The server's own name and version, as its HTTP Server header gives them."""
    probe = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    with urllib.request.urlopen(probe, timeout=10) as answer:
        return str(answer.headers.get("Server", "unnamed")).strip()


def main() -> None:
    """Start a Virtuoso, ingest the clusters into it and into memory, time each named query."""
    params = query_params()
    with tempfile.TemporaryDirectory() as directory, \
            VirtuosoServer(Path(directory) / "virtuoso") as server:
        folder = Path(directory) / "files"
        folder.mkdir()
        remote = open_store("sparql", query_endpoint=server.endpoint,
                            update_endpoint=server.endpoint, timeout=CLIENT_TIMEOUT)
        embedded = open_store("oxigraph", path=None)
        started = time.perf_counter()
        for i in range(CLUSTERS):
            write_cluster_file(folder, i, CLUSTERS)
            ingest_files(remote, [folder / f"c{i}.ttl"])
            ingest_files(embedded, [folder / f"c{i}.ttl"])
        ingest = time.perf_counter() - started
        lines = ["# Named queries on a remote store (Virtuoso)", "",
                 f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with "
                 "`python -m bench.remote_named_queries`.", "", *describe(),
                 f"- server: {server_name(server.endpoint)}, tests/virtuoso.py settings "
                 f"(ResultSetMaxRows {server.max_rows:,}, "
                 f"NumberOfBuffers {server.buffers:,}); client timeout {CLIENT_TIMEOUT:.0f} s", "",
                 f"{CLUSTERS} clusters of bench/knowledge_graph.py (`cluster_graph`), each "
                 f"ingested into Virtuoso and into an in-memory Oxigraph store ({ingest:.0f} s "
                 "for both). Each query runs once on Virtuoso (a first, cold run: the figure a "
                 "page or partner waits for), with the parameters of bench/knowledge_graph.py; "
                 "\"same answer\" compares its rows with the embedded store's as the tests do "
                 "(tests/virtuoso_answers.py: in order, term for term, the ingest times "
                 "for their form only). A query with a Virtuoso text (checker/queries/README.md, "
                 "\"Texts per engine\") runs it there; its standard text is timed on Virtuoso "
                 "too, just after it (caches warm), in the last column: the figure before "
                 "the Virtuoso texts.", "",
                 "| query | rows (embedded) | rows (Virtuoso) | Virtuoso s | same answer "
                 "| standard text on Virtuoso, s |",
                 "| --- | ---: | ---: | ---: | --- | ---: |"]
        for query in list_queries():
            lines.append(timed_row(query.name, dict(params.get(query.name, {})), embedded,
                                   remote))
            print(lines[-1], flush=True)
        embedded.close()
        remote.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
