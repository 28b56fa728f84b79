"""What a reader of a report sees: the rate without pending reviews counted as met, a verdict
qualified while reviews are pending, only the checklist items really awaiting judgement counted,
provisions in the standard's notation, and a page that prints."""

from __future__ import annotations

import json
import re
from functools import cache

import pytest
from rdflib import Graph, Literal

from checker.i18n import message
from checker.namespaces import BCIC
from checker.notation import provision_notation, provisions_listed
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.html import css_string
from checker.report import Report
from checker.rulebook import SH
from checker.validation import validate_files

EXPECTED = json.loads((EXAMPLES_DIR / "expected.json").read_text(encoding="utf-8"))


@cache
def sample(name: str) -> Report:
    """The report on one of examples/."""
    return validate_files([EXAMPLES_DIR / name])


@pytest.mark.parametrize("rid, zh, en", [
    ("5.1", "5.1", "5.1"), ("4.2.2-g", "4.2.2 g)", "4.2.2 g)"), ("8.1.3-5", "8.1.3 —5", "8.1.3 —5"),
    ("9.1.4-c-3", "9.1.4 c) —3", "9.1.4 c) —3"), ("6.1.2.2-may", "6.1.2.2 〔可〕", "6.1.2.2 [may]")])
def test_a_provision_id_reads_in_the_notation_of_the_standard(rid: str, zh: str, en: str) -> None:
    """A part of a clause reads as the clause and, in an editor's brackets, the modal verb that sets
    it apart (6.1.2.2's 可), in the reader's language: an English page holds no Chinese unmarked."""
    assert (provision_notation(rid, "zh"), provision_notation(rid, "en")) == (zh, en)


def test_provisions_are_listed_with_the_chinese_enumeration_comma_in_chinese() -> None:
    assert provisions_listed(["9.1.4-c-3", "9.1.4-c-4"], "zh") == "9.1.4 c) —3、9.1.4 c) —4"
    assert provisions_listed(["9.1.4-c-3", "9.1.4-c-4"], "en") == "9.1.4 c) —3, 9.1.4 c) —4"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_what_people_read_cites_list_items_as_the_standard_does(fmt: str) -> None:
    shown = render_report(sample("datang-socks.ttl"), fmt, "zh")
    assert "未满足的列项：9.1.4 c) —3、9.1.4 c) —4" in shown
    assert "9.1.4-c-3" not in re.sub(r'(id|href)="[^"]*"', "", shown)  # ids only in anchors


def test_the_text_rate_table_counts_pending_reviews_apart_from_met() -> None:
    text = render_report(sample("datang-socks.ttl"), "text", "zh")
    assert "满足  待人工评审  不满足  适用  符合率" in text
    assert re.search(r"^  总体\s+20\s+81\s+18\s+119\s+16\.8%$", text, re.M)


def test_no_gap_with_pending_reviews_is_not_called_conformant() -> None:
    text = render_report(sample("dehua-ceramics.ttl"), "text", "zh")
    assert re.search(r"^结论\s+未发现差距，93 项待人工评审确认$", text, re.M)
    assert not re.search(r"^结论\s+符合$", text, re.M)
    english = render_report(sample("dehua-ceramics.ttl"), "text", "en")
    assert "NO GAP FOUND; 93 ITEM(S) AWAIT AN EVALUATOR" in english
    # Where the judgements go: on the stored revision (bcic judge, the page's form; decision 20).
    assert "评价人员在该修订版上逐项记录判定（bcic judge，或修订版报告页上的表单）" in text
    assert "the evaluator records each judgement on its revision (bcic judge, or the form on the " \
           "revision's report page)" in " ".join(english.split())


def test_only_checklist_items_really_awaiting_judgement_are_counted() -> None:
    report = sample("meitan-tea.ttl")
    assert len(report.manual_checklist()) == 87 and len(report.awaiting_judgement()) == 9
    text = render_report(report, "text", "zh")
    assert "人工评审清单中有 9 项待评价人员判定。" in text
    assert "清单中另有 78 项已判为不满足：须先补齐证据，再请评价人员判定。" in text
    assert "请按人工评审清单各待判定项所列，备好证据文件供评价人员查阅。" in text


def test_json_and_turtle_state_met_and_pending_review_apart() -> None:
    report = sample("datang-socks.ttl")
    overall = json.loads(render_report(report, "json", "en"))["rates"]["overall"]
    assert overall == {"met": 20, "pending_review": 81, "not_met": 18, "total": 119,
                       "ratio": round(20 / 119, 4)}
    graph = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    node = next(graph.subjects(predicate=SH.conforms))
    assert graph.value(node, BCIC.metCount) == Literal(20)
    assert graph.value(node, BCIC.pendingReviewCount) == Literal(81)
    assert graph.value(node, BCIC.applicableCount) == Literal(119)


def test_the_html_rate_table_has_a_pending_review_column_and_the_verdict_its_qualifier() -> None:
    html = render_report(sample("dehua-ceramics.ttl"), "html", "zh")
    assert "<th>待人工评审</th>" in html
    assert "<strong>结论：未发现差距，93 项待人工评审确认</strong>" in html


@pytest.mark.parametrize("hostile", ['a"; } body { display: none', "x\\", "</style><script>",
                                     "行\n业"])
def test_a_label_in_the_print_header_cannot_leave_its_css_string(hostile: str) -> None:
    quoted = str(css_string(hostile))
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert re.fullmatch(r'(?:[A-Za-z0-9 ]|\\[0-9a-f]+ )*', inner)


def test_the_html_report_prints_with_cluster_date_and_page_numbers() -> None:
    html = render_report(sample("datang-socks.ttl"), "html", "en")
    assert "@media print" in html and "print-color-adjust: exact" in html
    assert re.search(r"@top-left \{ content: \"[^\"]*\"", html)
    assert 'counter(page) " / " counter(pages)' in html


@pytest.mark.parametrize("lang, bcic, standard", [
    ("zh", "〔协同发展〕", "培育主体成员"),
    ("en", "[Coordinated development]", "Members of the cultivation body"),
])
def test_the_text_report_sets_bcics_titles_apart_from_the_standards_headings(
        lang: str, bcic: str, standard: str) -> None:
    """4.1 培育主体成员 is the standard's heading, shown as it is; 4.3.2's title is bcic's (the
    standard gives that clause none), in brackets, as a legend under the status markers says."""
    text = render_report(sample("meitan-tea.ttl"), "text", lang)
    rows = {line.split()[1]: line for line in text.splitlines() if re.match(r"  \S [4-9]\.", line)}
    assert rows["4.1"].endswith(f"  {standard}") and rows["4.3.2"].endswith(f"  {bcic}")
    joined = re.sub(r"\n +", "" if lang == "zh" else " ", text)  # the legend, unwrapped
    assert message("report.titles.note", lang) in joined


def test_json_and_html_reports_say_whose_each_title_is() -> None:
    """JSON: `title_source` standard (4.1, 4.2.1) or bcic (4.3.1, 4.2.1 a)); HTML: bcic's titles
    carry the bcic-title class and a tooltip, with a note above the provisions."""
    report = sample("meitan-tea.ttl")
    document = json.loads(render_report(report, "json", "en"))
    source = {r["id"]: r["title_source"] for r in document["requirements"]}
    assert (source["4.1"], source["4.2.1"], source["4.3.1"], source["4.2.1-a"]) == (
        "standard", "standard", "bcic", "bcic")
    assert {o.requirement.id for o in report.outcomes if o.requirement.heading} == {
        rid for rid, whose in source.items() if whose == "standard"}
    html = render_report(report, "html", "zh")
    assert re.search(r'<h3>4\.3\.1 <span class="bcic-title" title="[^"]+">品牌生态环境的构成</span></h3>', html)
    assert "<h3>4.1 培育主体成员</h3>" in html
    assert message("report.titles.note_html", "zh") in html
