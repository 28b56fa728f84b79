"""A list item's hint builds on its lead-in's (checker/guidance.py, `hint_parts`): what the items
of 4.2.1, 5.3, 8.1.3, 9.1.4… ask alike is said once, under the lead-in, with the pointer to
docs/evidence.md; each item says only what is its own. Checked on meitan-tea, the sample with the
most gaps, in every format and both languages."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest
from rdflib import Graph

from checker.guidance_model import Evidence, hint_parts
from checker.i18n import Lang
from checker.namespaces import BCIC, REQ
from checker.paths import EXAMPLES_DIR
from checker.render import render_report
from checker.render.findings_view import Namer
from checker.render.guidance_view import GuidanceWriter
from checker.render.outline import Filters, TextPart, linked_parts, report_outline
from checker.render.text import width
from checker.render.turtle import EARL
from checker.report import Report, Status
from checker.rulebook import load_rulebook
from checker.shacl import Severity
from checker.validation import validate_files

FORMATS = ("text", "html", "json", "ttl")
_SENTENCE_END = re.compile(r"(?<=。)|(?<=\.) (?=[A-Z])")


@pytest.fixture(scope="module")
def meitan() -> Report:
    return validate_files([EXAMPLES_DIR / "meitan-tea.ttl"])


def _hints(report: Report, fmt: str, lang: Lang) -> dict[str, str]:
    """Requirement id → the hint a format shows for it."""
    hinted = [o.requirement.id for o in report.outcomes if o.how_to is not None]
    rendered = render_report(report, fmt, lang)
    if fmt == "json":
        return {r["id"]: r["guidance"]["text"] for r in json.loads(rendered)["requirements"]
                if r["guidance"] is not None}
    if fmt == "ttl":
        graph = Graph().parse(data=rendered, format="turtle")
        return {str(graph.value(a, EARL.test)).removeprefix(str(REQ)): str(hint)
                for a, result in graph.subject_objects(EARL.result)
                for hint in graph.objects(result, BCIC.howToMeet) if hint.language == lang}
    if fmt == "text":
        label = {"zh": "→ 如何满足：", "en": "→ How to meet it: "}[lang]
        said = [line.split(label, 1)[1] for line in rendered.splitlines() if label in line]
    else:
        said = [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(
            r'<p class="guidance"><strong>[^<]*</strong> (.*?)</p>', rendered)]
    assert len(said) == len(hinted)
    return dict(zip(hinted, said, strict=True))


def _sentences(hint: str) -> set[str]:
    return {s.strip() for s in _SENTENCE_END.split(hint) if s.strip()}


def _own_sentences(hint: str) -> set[str]:
    """The sentences of a hint but those describing a record it points to ("That “…” has…"):
    two items may point to one record alike (6.2 a) and d) each name the body's strategy), and
    each says what that record carries."""
    return {s for s in _sentences(hint) if not s.startswith(("That “", "该“"))}


def _groups(hints: dict[str, str]) -> dict[str, list[str]]:
    """Each top-level lead-in whose hint is shown → its items (at any depth) with a hint."""
    requirements = load_rulebook().requirements
    groups: dict[str, list[str]] = {}
    for rid in hints:
        top = rid
        while requirements[top].parent is not None:
            top = requirements[top].parent  # type: ignore[assignment]
        if top != rid and top in hints:
            groups.setdefault(top, []).append(rid)
    return groups


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_list_says_its_docs_evidence_row_once_under_its_lead_in(
        meitan: Report, fmt: str, lang: Lang) -> None:
    hints = _hints(meitan, fmt, lang)
    groups = _groups(hints)
    assert {"4.2.1", "4.2.2", "4.2.3", "5.3", "8.1.3", "8.3.2", "9.1.4"} <= set(groups)
    for lead_in, items in groups.items():
        # The HTML the CLI writes points to the rulebook by the command (no repository there).
        see = (f"bcic rules show {lead_in}" if fmt == "html"
               else load_rulebook().guidance[lead_in].see(lang))
        assert see in hints[lead_in], lead_in
        assert not [i for i in items if see in hints[i]], lead_in


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_list_item_repeats_a_sentence_of_its_lead_in_or_of_another_item(
        meitan: Report, fmt: str, lang: Lang) -> None:
    hints = _hints(meitan, fmt, lang)
    requirements = load_rulebook().requirements
    lead_ins = {r.parent for r in requirements.values()}
    for lead_in, items in _groups(hints).items():
        assert not [i for i in items if _sentences(hints[i]) & _sentences(hints[lead_in])]
        # Items that are lists themselves (9.1.4 a)–c)) are met through their own items.
        leaves = [i for i in items if i not in lead_ins]
        for index, item in enumerate(leaves):
            for other in leaves[index + 1:]:
                assert not _own_sentences(hints[item]) & _own_sentences(hints[other]), (item, other)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_duty_of_4_2_has_a_one_line_hint_naming_only_its_own_provision(
        meitan: Report, fmt: str, lang: Lang) -> None:
    hints = _hints(meitan, fmt, lang)
    duties = [rid for rid in hints if re.fullmatch(r"4\.2\.[123]-[a-i]", rid)]
    assert len(duties) >= 10
    for rid in duties:
        # The provision in words, then its id; 4.2.1 i) alone asks one thing more of its own, the
        # period of its periodic evaluation (「进行周期性评价」), after the provision.
        own, *more = hints[rid].split({"zh": "；", "en": "; "}[lang], 1)
        assert width(own) <= 110, hints[rid]
        assert f"req:{rid}" in own
        assert rid.split("-")[0] in hints[rid]  # the lead-in it builds on, by its number
        assert ["bcic:period" in m for m in more] == ([True] if rid == "4.2.1-i" else [])


def test_the_lead_in_of_4_2_1_says_once_what_every_duty_asks_alike() -> None:
    guidance = load_rulebook().guidance
    (shared,) = guidance["4.2.1"].evidence
    asked = {str(a.path) for a in shared.asks}
    assert shared.cls == BCIC.DutyFulfilment and str(BCIC.fulfilsDuty) not in asked
    assert any(str(a.path) == "http://www.w3.org/ns/prov#generated" for a in shared.asks)
    (part,) = hint_parts(guidance["4.2.1-c"], guidance)
    assert part.lead_in == "4.2.1"
    assert [a.path for a in part.evidence.asks] == [BCIC.fulfilsDuty]
    assert hint_parts(guidance["4.2.1-c"], {})[0].evidence == guidance["4.2.1-c"].evidence[0]


def test_a_permission_asks_nothing_of_the_requirement_it_is_part_of() -> None:
    """6.1.2.2 [may] (可考虑采用…等模式) asks for one of the modes it lists; 6.1.2.2's own hint asks
    for a mode of any kind (the list is open), and no more: a permission is no requirement."""
    guidance = load_rulebook().guidance
    listed = {a.path: a for a in guidance["6.1.2.2-may"].asks_of(BCIC.BrandArchitecture)}
    assert listed[BCIC.architectureMode].expected == (
        BCIC.ClusterBrandMode, BCIC.ClusterPlusEnterpriseBrandMode, BCIC.ClusterPlusProductBrandMode,
        BCIC.EndorsedBrandMode)
    own = {a.path: a for a in guidance["6.1.2.2"].asks_of(BCIC.BrandArchitecture)}
    assert own[BCIC.architectureMode].expected == (BCIC.ArchitectureMode,)
    assert [a for a in own.values() if BCIC.EndorsedBrandMode in a.expected] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("lead_in, role", [("4.2.1", "bcic:GovernmentRole"),
                                           ("4.2.2", "bcic:ThirdPartyInstitutionRole"),
                                           ("4.2.3", "bcic:SupportingEnterpriseRole")])
def test_the_hint_of_a_4_2_lead_in_names_the_frame_a_record_must_have(
        meitan: Report, lead_in: str, role: str, lang: Lang) -> None:
    """4.2 (docs/evidence.md): a record counts for its duty only when dated, its evidence document
    titled, dated and attributed to a member of the role, as the activity is associated with one:
    the lead-in's hint says so once for all its items, a sentence for each thing to record (the
    fulfilment, the membership that makes its performer a member in the role, the document), a
    date asked of the fulfilment and of the document, and each prefixed name said once."""
    hint = _hints(meitan, "text", lang)[lead_in]
    record, membership, document, see = [s for s in _SENTENCE_END.split(hint) if s.strip()]
    assert "bcic:DutyFulfilment" in record and "prov:wasAssociatedWith" in record
    assert "org:member" in record and "prov:generated" in record
    assert role in membership and "org:organization" in membership
    assert "prov:wasAttributedTo" in document and "dcterms:title" in document
    assert {"zh": "“成员关系”", "en": "“membership”"}[lang] in document  # the same membership
    date = {"zh": "为年-月-日（如 2021-06-30）", "en": "as a year-month-day date (e.g. 2021-06-30)"}[lang]
    assert date in record and date in document
    assert [hint.count(term) for term in ("dcterms:date", "org:Membership", role)] == [1, 1, 1]
    assert {"zh": "docs/evidence.zh.md#", "en": "docs/evidence.md#"}[lang] in see


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_item_shown_without_its_lead_in_says_its_hint_in_full(meitan: Report,
                                                                  lang: Lang) -> None:
    """The report page filtered by severity leaves out 4.2.1, which has no results itself."""
    assert meitan.outcome("4.2.1-c").status is Status.NOT_MET
    rows = {r.id: r for c in report_outline(meitan, lang, Filters(severity=Severity.VIOLATION)).chapters
            for g in c.clauses for r in g.rows}
    assert "4.2.1" not in rows
    hint = rows["4.2.1-c"].guidance
    assert "bcic rules show 4.2.1-c" in hint and "prov:generated" in hint and "req:4.2.1-c" in hint
    full = {r.id: r for c in report_outline(meitan, lang).chapters for g in c.clauses
            for r in g.rows}
    assert len(full["4.2.1-c"].guidance) < len(hint) / 3


@pytest.mark.parametrize("lang, said", [
    ("en", "Record a “brand crisis warning system” (bcic:CrisisWarningSystem) as the hint of 8.3.4 "
           "says. Record a “brand crisis management mechanism” (bcic:CrisisManagementMechanism) as "
           "the hint of 8.3.4 says, with “has warning system” (bcic:hasWarningSystem) pointing to "),
    ("zh", "按 8.3.4 的提示记录一项“品牌危机预警系统”（bcic:CrisisWarningSystem）。按 8.3.4 的提示记录一项"
           "“品牌危机管理机制”（bcic:CrisisManagementMechanism），写明“预警系统”（bcic:hasWarningSystem）指向"),
])
def test_an_item_names_the_record_it_builds_on_when_its_lead_in_names_several(
        meitan: Report, lang: Lang, said: str) -> None:
    """Were 8.3.4's hint to describe the warning system as well as the mechanism, 8.3.4 —1 would
    name which of the two it adds to."""
    guidance = load_rulebook().guidance
    item = guidance["8.3.4-1"]
    lead_in = replace(guidance["8.3.4"], evidence=(*guidance["8.3.4"].evidence, Evidence(
        BCIC.CrisisWarningSystem, item.asks_of(BCIC.CrisisWarningSystem))))
    writer = GuidanceWriter(Namer(meitan, lang), {"8.3.4": lead_in})
    assert writer.how_to(item).startswith(said)
    each = writer.how_to(replace(item, by_items=True))
    assert each.startswith({"en": "Record, item by item, a “brand crisis warning system” "
                                  "(bcic:CrisisWarningSystem) as the hint of 8.3.4 says.",
                            "zh": "按 8.3.4 的提示逐列项记录一项“品牌危机预警系统”"}[lang])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_html_item_hint_links_the_lead_in_it_builds_on(meitan: Report, lang: Lang) -> None:
    """The lead-in's row is on the same page: "as the hint of 4.2.1 says" takes the reader there,
    and the row it points to exists."""
    rendered = render_report(meitan, "html", lang)
    hint = re.search(r'<article[^>]*id="req-4\.2\.1-c".*?<p class="guidance">(.*?)</p>', rendered,
                     re.S)
    assert hint is not None
    assert '<a href="#req-4.2.1">4.2.1</a>' in hint[1]
    assert 'id="req-4.2.1"' in rendered


def test_only_the_first_naming_of_each_lead_in_is_linked() -> None:
    parts = linked_parts("按 4.2.1 的提示记录，写明为“4.2.1 c)”。", ("4.2.1",), lang="zh")
    assert [(p.text, p.links_to) for p in parts] == [
        ("按 ", None), ("4.2.1", "4.2.1"), (" 的提示记录，写明为“4.2.1 c)”。", None)]
    assert linked_parts("no lead-in named", ("9.1.4",), lang="en") == (TextPart("no lead-in named"),)
