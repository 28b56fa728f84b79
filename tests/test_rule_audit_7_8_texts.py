"""Verdicts and words a domain expert's audit of chapters 7 and 8 checked against the standard's
text: the conformant sample (dehua-ceramics.ttl) changed in one way, written in the test. A text a
clause asks to be stated says something (shp:SaidText, as in chapters 6 and 9)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from checker.findings import Candidate, Finding
from checker.namespaces import BCIC
from checker.render import render_report
from checker.report import Report, Status

from tests.dehua_variants import DEHUA_NS as EX
from tests.dehua_variants import dehua_with

COMMUNICATIONS = ("culture-exhibition", "launch-press", "fair-xiamen")


def replaced(prop: URIRef, values: dict[str, tuple[URIRef | Literal, ...]]) -> Callable[[Graph], None]:
    """A change giving each record (by local name) `values` of `prop` in place of its own."""
    def change(graph: Graph) -> None:
        for local, new in values.items():
            node = URIRef(EX + local)
            assert (node, prop, None) in graph, (local, prop)
            graph.remove((node, prop, None))
            for value in new:
                graph.add((node, prop, value))
    return change


def shown(report: Report, lang: str, fmt: str = "text") -> str:
    """The report rendered in `lang`."""
    return render_report(report, fmt, lang)  # type: ignore[arg-type]


def named_in(findings: tuple[Finding, ...]) -> set[Node]:
    """The records the findings name: those that lack something, and those they point to that
    lack it in turn (8.3.4 —2: the mechanism, and its crisis source)."""
    def of(candidates: tuple[Candidate, ...]) -> Iterator[Node]:
        for candidate in candidates:
            yield candidate.node
            yield from (n for lack in candidate.lacks for n in of(lack.closest))
    return {n for f in findings for d in f.diagnoses for n in of(d.candidates)}


# Items 2, 3 and 7: a text a clause of chapters 7–8 asks to be stated, given as "" or " ", states
# nothing. Where some record is asked to have it, every record's is blanked (the only ones).
BLANK_TEXTS = [
    (("element-name",), BCIC.elementContent, "8.1.2", ""),  # 「品牌名称…等基本要素」
    (COMMUNICATIONS, BCIC.coreMessage, "7.2.1.3", " "),  # 「精神与文化内涵」
    (("standard-tableware", "quality-standard"), BCIC.standardCode, "7.3.1", ""),  # 「采用先进标准」
    (("service-design",), BCIC.satisfactionFactor, "7.5.1", " "),  # 「识别…服务要素」
    (("communication-plan",), BCIC.coreMessage, "8.2.2", ""),  # 「确定传播内容」
    (("communication-plan",), BCIC.communicationHook, "8.2.3", " "),  # 「提炼…新闻点」
    (("communication-evaluation",), BCIC.finding, "8.2.6", ""),  # 「对传播效果进行评价」
    (("crisis-quality",), BCIC.monitoringMode, "8.3.4-2", " "),  # 「建立有效品牌危机监控模式」
    (("crisis-response",), BCIC.requiredResource, "8.3.4-3", ""),  # 「确保…所需的各类资源」
    (("collective-mark",), BCIC.registrationNumber, "8.3.1", " "),  # a number that says nothing
]


@pytest.mark.parametrize(("records", "prop", "rid", "blank"), BLANK_TEXTS,
                         ids=[f"{c[2]}-{str(c[1]).rsplit('#', 1)[-1]}" for c in BLANK_TEXTS])
def test_a_blank_text_is_not_met_and_named_under_its_clause_of_chapters_7_8(
        records: tuple[str, ...], prop: URIRef, rid: str, blank: str) -> None:
    """The property is there but says nothing: the provision is not met (8.3.1, a permission,
    is not taken up), the finding names the record, and says the value is no text with content."""
    report = dehua_with(replaced(prop, {r: (Literal(blank, lang="zh"),) for r in records}))
    outcome = report.outcome(rid)
    assert outcome.status is (Status.NOT_USED if rid == "8.3.1" else Status.NOT_MET)
    assert URIRef(EX + records[0]) in named_in(outcome.findings)
    assert "不是有内容的文字" in shown(report, "zh") and "is not text with content" in shown(report, "en")
