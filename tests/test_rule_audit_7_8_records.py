"""Verdicts a standards expert checked against chapters 7 and 8: the conformant sample
(dehua-ceramics.ttl) changed in one way, written in Turtle, and the verdict the clause supports,
neither stronger nor weaker than it: a one-off act beside the periodic one."""

from __future__ import annotations

from checker.namespaces import BCIC
from checker.report import Status

from tests.test_rule_audit_6_9_records import changed, shown

# 7.1.2.1 「实施定期评价」: a special audit of the fund, done once, beside the annual evaluation.
SPECIAL_AUDIT = """
    ex:fund-special-audit a bcic:FundEvaluation ;
        rdfs:label "品牌创新基金专项审计评价（2023年县审计局委托）"@zh ;
        prov:wasAssociatedWith ex:body , ex:gov-county ;
        dcterms:date "2023-08-15"^^xsd:date ;
        bcic:finding "两个项目资金拨付滞后，已督促整改"@zh ."""


def test_a_one_off_fund_evaluation_beside_the_annual_one_meets_7_1_2_1_by_data() -> None:
    """7.1.2.1 「实施定期评价」, read as 9.2.3's 「定期进行绩效测量」 (decision 13): a special audit done
    once states no period beside the annual evaluation; the evaluation is periodic while one states
    its period, not once none does, and a period any gives is a recurring one."""
    assert changed(SPECIAL_AUDIT).outcome("7.1.2.1").status is Status.MANUAL_REVIEW
    none = changed(SPECIAL_AUDIT, ("fund-evaluation", BCIC.period))
    assert none.outcome("7.1.2.1").status is Status.NOT_MET
    assert "未见定期实施的资金使用评价：没有一项资金使用评价说明评价周期（7.1.2.1）" in shown(none, "zh")
    assert "No periodic fund evaluation: no fund evaluation states its period (7.1.2.1)" in shown(none, "en")
    irregular = changed(SPECIAL_AUDIT.replace(" .", ' ;\n        bcic:period "不定期"@zh .'))
    assert irregular.outcome("7.1.2.1").status is Status.NOT_MET
