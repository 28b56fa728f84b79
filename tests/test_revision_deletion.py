"""Deleting a stored revision (checker.revisions, `bcic delete-revision`): gone whole, number kept."""

from __future__ import annotations

from pathlib import Path

import owlrl  # pyshacl's own dependency: RDFS entailment
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from checker.cli import main
from checker.errors import InputError, NotFoundError
from checker.ingest import ingest_files
from checker.judging import judge
from checker.paths import CORE_ONTOLOGY_FILE, EXAMPLES_DIR
from checker.revisions import delete_revision, deleted_revisions, find_cluster, revision_info
from checker.store import (PROVENANCE_GRAPH, Store, cluster_key, open_store, report_graph_iri,
                           submission_graph_iri)

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
DEHUA_CLUSTER = URIRef("https://example.org/cluster/dehua/cluster")


@pytest.fixture
def store() -> Store:
    return open_store("oxigraph")


def test_deleting_the_latest_revision_keeps_its_number_taken_for_the_next_ingest(
        store: Store) -> None:
    for _ in range(2):
        ingest_files(store, [DEHUA])
    deleted = delete_revision(store, DEHUA_CLUSTER, 2, reason="uploaded twice", deleted_by="tests")
    assert (deleted.cluster, deleted.number) == (DEHUA_CLUSTER, 2)
    assert [i.number for i in store.revisions(DEHUA_CLUSTER)] == [1]
    assert ingest_files(store, [DEHUA]).number == 3
    assert [i.number for i in store.revisions(DEHUA_CLUSTER)] == [1, 3]
    # Revision 3 follows the latest stored one, 1, not the deleted 2.
    links = store.select("SELECT ?s ?o WHERE { ?s <http://www.w3.org/ns/prov#wasRevisionOf> ?o }")
    assert [(r["s"], r["o"]) for r in links] == [(submission_graph_iri(DEHUA_CLUSTER, 3),
                                                  submission_graph_iri(DEHUA_CLUSTER, 1))]


LATEST_REVISIONS = """
PREFIX bcic: <https://w3id.org/bcic/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?revision WHERE { ?revision a bcic:Revision . MINUS { ?newer prov:wasRevisionOf ?revision } }
"""


def test_a_deleted_revisions_tombstone_stays_no_revision_under_rdfs_entailment(
        store: Store) -> None:
    """docs/store.md: the tombstone is no longer a bcic:Revision; the domains of the properties
    it keeps (bcic:cluster, bcic:revisionNumber) must not make it one again, or the latest-revision
    pattern finds two."""
    for _ in range(2):
        ingest_files(store, [DEHUA])
    delete_revision(store, DEHUA_CLUSTER, 2, reason="uploaded twice", deleted_by="tests")
    provenance = store.named_graph(PROVENANCE_GRAPH)
    tombstone = submission_graph_iri(DEHUA_CLUSTER, 2)
    assert (tombstone, None, None) in provenance
    entailed = provenance + Graph().parse(CORE_ONTOLOGY_FILE)
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(entailed)
    assert [r["revision"] for r in entailed.query(LATEST_REVISIONS)] == [
        submission_graph_iri(DEHUA_CLUSTER, 1)]


def test_deleting_the_only_revision_removes_the_cluster_but_not_its_numbers(
        store: Store) -> None:
    ingest_files(store, [DEHUA])
    delete_revision(store, DEHUA_CLUSTER, 1, reason="wrong cluster")
    assert store.revisions() == []
    assert len(store.named_graph(submission_graph_iri(DEHUA_CLUSTER, 1))) == 0
    assert len(store.named_graph(report_graph_iri(DEHUA_CLUSTER, 1))) == 0
    with pytest.raises(NotFoundError):
        find_cluster(store, str(DEHUA_CLUSTER))
    assert ingest_files(store, [DEHUA]).number == 2


def test_deleting_a_revision_that_is_not_stored_is_not_found_and_changes_nothing(
        store: Store) -> None:
    info = ingest_files(store, [DEHUA])
    with pytest.raises(NotFoundError, match="revision 2 of"):
        delete_revision(store, DEHUA_CLUSTER, 2, reason="uploaded twice")
    assert store.revisions() == [info]
    assert revision_info(store, DEHUA_CLUSTER, 1) == info


def test_clusters_are_found_by_iri_or_key_and_unknown_ones_are_not_found(store: Store) -> None:
    ingest_files(store, [DEHUA])
    key = cluster_key(DEHUA_CLUSTER)
    assert find_cluster(store, key) == find_cluster(store, str(DEHUA_CLUSTER)) == DEHUA_CLUSTER
    with pytest.raises(NotFoundError, match="0123456789abcdef"):
        find_cluster(store, "0123456789abcdef")


@pytest.mark.parametrize("lang, said", [("en", "Deleted revision 1 of"),
                                        ("zh", "已删除产业集群")])
def test_cli_deletes_a_revision_by_key_and_exits_0(tmp_path: Path, lang: str, said: str) -> None:
    runner, location = CliRunner(), str(tmp_path / "store")
    assert runner.invoke(main, ["ingest", str(DEHUA), "--store", location]).exit_code == 0
    result = runner.invoke(main, ["delete-revision", cluster_key(DEHUA_CLUSTER), "1",
                                  "--by", "评价员", "--reason", "重复上传", "--store", location,
                                  "--lang", lang])
    assert result.exit_code == 0, result.output
    assert said in result.output
    listed = runner.invoke(main, ["clusters", "--store", location])
    assert str(DEHUA_CLUSTER) not in listed.output


def test_cli_refuses_a_revision_that_is_not_stored_with_exit_2(tmp_path: Path) -> None:
    runner, location = CliRunner(), str(tmp_path / "store")
    runner.invoke(main, ["ingest", str(DEHUA), "--store", location])
    result = runner.invoke(main, ["delete-revision", str(DEHUA_CLUSTER), "4",
                                  "--reason", "uploaded twice", "--store", location])
    assert result.exit_code == 2
    assert "revision 4 of" in result.output
    assert "dehua" in runner.invoke(main, ["clusters", "--store", location]).output
    bad = runner.invoke(main, ["delete-revision", str(DEHUA_CLUSTER), "0", "--reason", "x",
                               "--store", location])
    assert bad.exit_code == 2


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "a deletion needs a reason (--reason): say why the revision is deleted, which is "
           "kept with the deletion and shown in the cluster's history; nothing was deleted"),
    ("zh", "删除修订版须说明理由（--reason）：理由随删除记录保存，并显示在该集群的历史中；未删除任何内容")])
@pytest.mark.parametrize("reason", [None, "  \n "], ids=["absent", "blank"])
def test_cli_deletion_without_a_reason_is_a_usage_error_and_deletes_nothing(
        tmp_path: Path, lang: str, said: str, reason: str | None) -> None:
    runner, location = CliRunner(), str(tmp_path / "store")
    assert runner.invoke(main, ["ingest", str(DEHUA), "--store", location]).exit_code == 0
    given = [] if reason is None else ["--reason", reason]
    result = runner.invoke(main, ["delete-revision", str(DEHUA_CLUSTER), "1", *given,
                                  "--store", location, "--lang", lang])
    assert result.exit_code == 2 and said in " ".join(result.output.split()), result.output
    assert ("Usage:" if lang == "en" else "用法：") in result.output
    assert "dehua" in runner.invoke(main, ["clusters", "--store", location]).output


# What a judgement's rationale says where a deletion's reason says its own words, zh and en.
_OWN_WORDS = {"en": (("the reason for deletion", "the rationale"),
                     ("Reason for deletion", "Rationale"), ("the cluster's history", "reports"),
                     ("nothing was deleted", "nothing was stored")),
              "zh": (("删除理由", "理由"), ("历史记录", "报告"), ("未删除任何内容", "未存储任何内容"))}


@pytest.mark.parametrize("reason", ["x" * 2001, "duplicate\x1b[2J", "duplicate\u2028upload"],
                         ids=["long", "escape", "line-separator"])
def test_a_reason_is_refused_in_the_words_a_rationale_is_but_its_own_name_and_outcome(
        store: Store, reason: str) -> None:
    """One family of refusals (checker/given_text.py): a deletion's reason and a judgement's
    rationale refused alike say the same, but for the text's name, its field, where it is shown
    and what was not done; checked before the store is read, so an empty store does."""
    with pytest.raises(InputError) as deletion:
        delete_revision(store, DEHUA_CLUSTER, 1, reason=reason, asked_by="form")
    with pytest.raises(InputError) as judgement:
        judge(store, DEHUA_CLUSTER, 1, "6.1", met=False, note=reason, asked_by="form")
    for lang, words in _OWN_WORDS.items():
        said = deletion.value.text(lang)  # type: ignore[arg-type]
        for own, rationale in words:
            said = said.replace(own, rationale)
        assert said == judgement.value.text(lang), (said, lang)  # type: ignore[arg-type]
    assert deletion.value.text("en").startswith((
        "the reason for deletion (the “Reason for deletion” field) has 2001 characters; at most "
        "2000 are kept: shorten it; nothing was deleted", "the “Reason for deletion” field holds"))


@pytest.mark.parametrize(("reason", "words", "asked_by", "field"), [
    ("duplicate\x1b[2J", "holds a control character (U+001B)", "cli", "--reason"),
    ("duplicate\u2028upload", "(U+2028 LINE SEPARATOR)", "form",
     "the “Reason for deletion” field"),
    ("\u202eduplicate", "(U+202E RIGHT-TO-LEFT OVERRIDE)", "api", "the JSON key reason"),
    ("x" * 2001, "has 2001 characters; at most 2000 are kept", "cli", "--reason"),
    ("", "a deletion needs a reason", "api", "the JSON key reason")],
    ids=["escape", "line-separator", "bidi", "long", "empty"])
def test_a_reason_a_rationale_could_not_be_is_refused_and_nothing_deleted(
        store: Store, reason: str, words: str, asked_by: str, field: str) -> None:
    """Refused as a judgement's rationale is (checker/given_text.py), naming where it was given;
    its lines and tabs are kept."""
    info = ingest_files(store, [DEHUA])
    with pytest.raises(InputError) as refused:
        delete_revision(store, DEHUA_CLUSTER, 1, reason=reason,
                        asked_by=asked_by)  # type: ignore[arg-type]
    said = refused.value.text("en")
    assert words in said and field in said and "nothing was deleted" in said, said
    assert "删除" in refused.value.text("zh")
    assert store.revisions() == [info]
    delete_revision(store, DEHUA_CLUSTER, 1, reason="  uploaded\r\n\ttwice  ")
    assert [d.reason for d in deleted_revisions(store, DEHUA_CLUSTER)] == ["uploaded\n\ttwice"]
