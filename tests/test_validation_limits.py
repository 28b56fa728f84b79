"""An upload validated within limits (checker/validation_limits.py): the same report as validating
in this process, its statements ready to store, and past a limit (statements, memory, time) a
clear error in zh and en, with this process untouched."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from rdflib import BNode
from rdflib.compare import isomorphic

from checker.ingest import check_submission, store_submission
from checker.loading import SubmissionFile, SubmissionParseError, SubmissionTooLargeError
from checker.memory_limit import data_size
from checker.paths import EXAMPLES_DIR
from checker.render.json_ import report_document
from checker.report import Report
from checker.store import open_store
from checker.synthetic import generate_cluster
from checker.validation import validate_submission
from checker.validation_limits import (ValidationBusyError, ValidationLimits,
                                       ValidationMemoryError, ValidationSlots,
                                       ValidationTimeoutError, check_within, validate_within)

SLOTS = ValidationSlots(2, wait=120)
LIMITS = ValidationLimits(max_triples=250_000, memory_mib=1024, seconds=120, slots=SLOTS)


def _files(name: str) -> list[SubmissionFile]:
    return [SubmissionFile(f"{name}.ttl", (EXAMPLES_DIR / f"{name}.ttl").read_bytes())]


def _document(report: Report) -> dict[str, object]:
    """The report as JSON, but for the time it was made."""
    document = report_document(report, "zh")
    del document["created"]
    return document


def test_a_validation_within_limits_reports_what_one_in_this_process_reports() -> None:
    files = _files("datang-socks")
    assert _document(validate_within(files, LIMITS)) == _document(validate_submission(files))


def test_a_checked_submission_comes_back_ready_to_store(tmp_path: Path) -> None:
    files = _files("dehua-ceramics")
    checked = check_within(files, LIMITS)
    here = check_submission(files)
    assert isomorphic(checked.data, here.data) and checked.cluster == here.cluster
    # The report names the submission's own blank nodes, which the store keeps together.
    named = {r.focus_node for o in checked.report.outcomes for r in o.results}
    assert {n for n in named if isinstance(n, BNode)} <= set(checked.data.all_nodes())
    store = open_store("oxigraph", path=tmp_path / "store")
    try:
        info = store_submission(store, checked, submitter="tests")
        assert [(r.cluster, r.number) for r in store.revisions()] == [(here.cluster, 1)]
        assert len(store.named_graph(info.submission_graph)) == len(here.data)
    finally:
        store.close()


def test_bad_input_comes_back_with_its_class_place_and_chinese() -> None:
    with pytest.raises(SubmissionParseError) as refused:
        validate_within([SubmissionFile("bad.ttl", b"<a> <b> .")], LIMITS)
    assert refused.value.file == "bad.ttl" and refused.value.text("zh").startswith("bad.ttl:1:")


def test_a_submission_over_the_statement_limit_is_413() -> None:
    limits = ValidationLimits(max_triples=1000, memory_mib=1024, seconds=120, slots=SLOTS)
    with pytest.raises(SubmissionTooLargeError) as refused:
        check_within(_files("dehua-ceramics"), limits)
    assert refused.value.http_status == 413
    assert "more than 1,000 statements" in refused.value.message


def _long_list(items: int) -> list[SubmissionFile]:
    """Two statements for each ` 1` of a Turtle collection: 300,000 items make 600 KB that would
    take some 800 MB to hold."""
    text = "<https://example.org/c> <http://www.w3.org/2000/01/rdf-schema#seeAlso> ("
    return [SubmissionFile("list.ttl", (text + " 1" * items + " ) .\n").encode())]


def test_a_validation_past_its_memory_is_stopped_elsewhere_and_said_413() -> None:
    """The limit binds the child that validates: this process has none afterwards. (A child may
    also use what this process's heap holds free, which the statements would soon exceed.)"""
    before = resource.getrlimit(resource.RLIMIT_DATA)
    limits = ValidationLimits(max_triples=10_000_000, memory_mib=16, seconds=120, slots=SLOTS)
    for validated in (validate_within, check_within):
        with pytest.raises(ValidationMemoryError) as refused:
            validated(_long_list(300_000), limits)
        error = refused.value
        assert (error.http_status, error.exit_code) == (413, 2)
        assert error.message.startswith("validating the submission needed more than 16 MiB of "
                                        "memory beyond the server's own (the limit "
                                        "BCIC_VALIDATION_MEMORY_MIB sets)")
        assert "验证该提交材料所需的内存超出服务器自身占用之外 16 MiB" in error.text("zh")
    assert resource.getrlimit(resource.RLIMIT_DATA) == before


def test_a_validation_past_its_time_is_stopped_and_said_503() -> None:
    limits = ValidationLimits(max_triples=250_000, memory_mib=1024, seconds=0.01, slots=SLOTS)
    with pytest.raises(ValidationTimeoutError) as refused:
        validate_within(_files("dehua-ceramics"), limits)
    assert refused.value.http_status == 503
    assert refused.value.message.startswith("the validation was stopped after 0.01 s (the time "
                                            "limit BCIC_VALIDATION_TIMEOUT sets)")
    assert refused.value.text("zh").startswith("验证在 0.01 秒（BCIC_VALIDATION_TIMEOUT 设定的时间上限）")
    # time says nothing of size (a 33 KB file with one long list once took minutes): no such advice
    assert "smaller" not in refused.value.message and "较小" not in refused.value.text("zh")
    assert refused.value.exit_code == 4  # out of time, as an answer out of time is: not internal


def test_a_validation_waits_for_a_slot_and_past_the_wait_is_refused_503() -> None:
    slots = ValidationSlots(1, wait=0.2)
    limits = ValidationLimits(max_triples=250_000, memory_mib=1024, seconds=120, slots=slots)
    with slots.slot():  # another upload is being validated
        with pytest.raises(ValidationBusyError) as refused:
            validate_within(_files("meitan-tea"), limits)
    assert refused.value.http_status == 503
    assert refused.value.message.startswith("the server is already validating as many "
                                            "submissions as it validates at once (1, the number "
                                            "BCIC_VALIDATIONS_AT_ONCE sets), and none of them "
                                            "finished within 0.2 s")
    assert "服务器已在同时验证 1 份提交材料" in refused.value.text("zh")
    assert validate_within(_files("meitan-tea"), limits).cluster is not None  # the slot is free


def test_this_process_does_not_grow_by_what_a_validation_takes() -> None:
    """In this process, validating 29,889 statements left it 35 MiB larger for good (a server
    that validated a 2 MB list of a million items kept 3 GB)."""
    body = generate_cluster(members=4000, years=1).serialize(format="turtle").encode()
    validate_within(_files("meitan-tea"), LIMITS)  # this process warmed up
    before = data_size()
    report = validate_within([SubmissionFile("big.ttl", body)], LIMITS)
    assert report.triples > 25_000
    assert data_size() - before < 10 * 2**20
