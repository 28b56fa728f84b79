"""Where a finding about a value points (checker/loading/value_places.py): at the file and line
where the offending value is written, not where its record is first described, when the
submission spans files — a strategy review's later date added in a second file (6.2 d)), a text
given where a record is asked (9.1.1) — in text, HTML and JSON, fresh and read back."""

from __future__ import annotations

import json
from datetime import date

from checker.ingest import ingest_submission
from checker.loading import SubmissionFile, load_submission
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.report import Report
from checker.report_reader import read_report
from checker.store import open_store
from checker.validation import validate_graph

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
TEXT = DEHUA.read_text(encoding="utf-8")
PREFIXES = "".join(line + "\n" for line in TEXT.split("\n") if line.startswith("@prefix"))
REVIEW = "https://example.org/cluster/dehua/strategy-review"
LATER = 'ex:strategy-review dcterms:date "2999-01-01"^^xsd:date .'
ADDED = PREFIXES + "\n" + LATER + "\n"
LATER_LINE = ADDED.split("\n").index(LATER) + 1
FILES = (SubmissionFile("a.ttl", DEHUA.read_bytes()), SubmissionFile("b.ttl", ADDED.encode()))


def _report(*files: SubmissionFile) -> Report:
    return validate_graph(load_submission(files), files=tuple(f.name for f in files),
                          sources=files, today=date(2026, 1, 15), processes=1)


def _review_places(document: dict) -> list[dict]:
    """The places the JSON report gives the strategy review under 6.2 d)."""
    (requirement,) = [r for r in document["requirements"] if r["id"] == "6.2-d"]
    return [n["place"] for f in requirement["findings"] for n in f["nodes"] if n["node"] == REVIEW]


def test_a_later_date_added_in_a_second_file_is_placed_where_it_is_written() -> None:
    """6.2 d): the review is described in a.ttl; its date of 2999, the value the warning is
    about, is written in b.ttl, where the warning points (it pointed at a.ttl's description)."""
    report = _report(*FILES)
    zh = render_report(report, "text", "zh")
    start = zh.index("? 6.2 d)")
    block = zh[start:zh.index("\n\n", start)]
    assert f"b.ttl:{LATER_LINE}）" in block and "a.ttl:" not in block, block
    en = render_report(report, "text", "en")
    assert f"…/strategy-review (b.ttl:{LATER_LINE})" in en
    assert f'<small class="place">b.ttl:{LATER_LINE}</small>' in render_report(report, "html", "en")
    assert _review_places(json.loads(render_report(report, "json", "en"))) == [
        {"file": "b.ttl", "line": LATER_LINE, "column": LATER.index('"2999') + 1}]


def test_a_value_written_in_the_records_own_file_is_placed_on_its_line() -> None:
    """The same later date written in the review's own description: the warning points at the
    line of the date, within the description."""
    text = TEXT.replace('dcterms:date "2023-06-30"^^xsd:date',
                        'dcterms:date "2999-06-30"^^xsd:date')
    line = next(n for n, row in enumerate(text.split("\n"), 1) if '"2999-06-30"' in row)
    report = _report(SubmissionFile("dehua.ttl", text.encode()))
    assert _review_places(json.loads(render_report(report, "json", "zh")))[0]["line"] == line


def test_a_stored_report_reads_back_the_place_of_the_value() -> None:
    """The place is kept with the report (a bcic:RecordPlace naming the value) and read back."""
    store = open_store("oxigraph")
    info, fresh = ingest_submission(store, list(FILES), submitter="tests")
    back = read_report(store, info.cluster, info.number)
    assert back.value_places == fresh.value_places and back.value_places
    assert _review_places(json.loads(render_report(back, "json", "zh")))[0]["file"] == "b.ttl"
