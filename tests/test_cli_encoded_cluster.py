"""A cluster given to a command fully percent-encoded (`https%3A%2F%2Fexample.org%2F…`, as it is
pasted from a URL's query string) is read as the IRI it encodes, by every command that takes a
stored cluster (checker/revisions.py, `cluster_named`); one that encodes no stored cluster is
refused naming the stored clusters nearest in spelling, not by the IRI check."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from checker.cli import main
from checker.revisions import find_cluster
from checker.store import open_configured_store
from checker.store.base import cluster_key

DEHUA = "https://example.org/cluster/dehua/cluster"
ENCODED = quote(DEHUA, safe="")  # https%3A%2F%2Fexample.org%2Fcluster%2Fdehua%2Fcluster


@pytest.mark.parametrize("command", [
    ("history",), ("history", "--format", "json"), ("report",), ("report", "--format", "json"),
    ("judgements",), ("benchmark",)], ids=" ".join)
def test_a_percent_encoded_iri_reads_as_the_stored_cluster_it_encodes(
        runner: CliRunner, sample_store: Path, command: tuple[str, ...]) -> None:
    name, *options = command
    store = ["--store", str(sample_store), "--lang", "en"]
    plain = runner.invoke(main, [name, DEHUA, *options, *store])
    encoded = runner.invoke(main, [name, ENCODED, *options, *store])
    assert plain.exit_code in (0, 1), plain.output
    assert (encoded.exit_code, encoded.output) == (plain.exit_code, plain.output)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", f"no revision of <{DEHUA.replace('dehua', 'dehau')}> is stored; the stored clusters "
           f"nearest in spelling: <{DEHUA}>"),
    ("zh", f"未存储 <{DEHUA.replace('dehua', 'dehau')}> 的任何修订版；拼写最接近的已存储产业集群：<{DEHUA}>")])
def test_a_percent_encoded_iri_of_no_stored_cluster_names_the_nearest(
        runner: CliRunner, sample_store: Path, lang: str, said: str) -> None:
    given = quote(DEHUA.replace("dehua", "dehau"), safe="")
    result = runner.invoke(main, ["history", given, "--store", str(sample_store),
                                  "--lang", lang])
    assert result.exit_code == 2 and said in " ".join(result.output.split()), result.output


def test_the_library_reads_an_encoded_iri_or_key_as_the_cluster(sample_store: Path) -> None:
    """The function every cluster-taking command (history, report, judgements, judge,
    recheck, delete-revision) asks; an IRI or key as written comes first."""
    key = cluster_key(URIRef(DEHUA))
    store = open_configured_store(str(sample_store), create=False)
    try:
        for given in (ENCODED, quote(key, safe="").replace(key[0], f"%{ord(key[0]):02X}", 1)):
            assert find_cluster(store, given) == URIRef(DEHUA), given
    finally:
        store.close()
