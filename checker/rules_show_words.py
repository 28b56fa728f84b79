"""The words of `bcic rules show` (checker/render/provision_text.py), in Chinese and English
(checker/i18n.py reads them into its catalogue): one provision as a rule maintainer reads it, with
the shapes that check it, where the rule files write each, and what goes to the evaluator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "rules.show.written": {"en": "catalogue entry {place} · rulebook page {page}",
                           "zh": "条款目录条目 {place} · 规则库网页 {page}"},
    "rules.show.iri": {"en": "IRI: {iri}", "zh": "IRI：{iri}"},
    "rules.show.asked": {"en": "Shape asked: {name} · {place} ", "zh": "所查询的形状：{name} · {place}"},
    "rules.show.asked_checks": {"en": "(it checks this provision: marked ◀ below)",
                                "zh": "（检查该规定，下方以 ◀ 标出）"},
    "rules.show.asked_helper": {
        "en": "(a helper shape: the shapes below that use it are marked ◀)",
        "zh": "（辅助形状：下方引用它的形状以 ◀ 标出）"},
    "rules.show.level": {"en": "Level: {level} · {verbs}", "zh": "级别：{level} · {verbs}"},
    "rules.show.modal": {"en": "modal verb {verbs}", "zh": "情态动词 {verbs}"},
    "rules.show.modal_of": {"en": "modal verb {verbs} of its lead-in {lead_in}",
                            "zh": "情态动词 {verbs}（出自引导语 {lead_in}）"},
    "rules.show.no_modal": {"en": "no modal verb", "zh": "无情态动词"},
    "rules.show.level_note": {"en": "Why this level: {note}", "zh": "级别说明：{note}"},
    "rules.show.actor": {"en": "Actor: {actors}", "zh": "责任主体：{actors}"},
    "rules.show.actor_note": {"en": "Why this actor: {note}", "zh": "责任主体说明：{note}"},
    "rules.show.layer": {"en": "Layer: {layer} · under {headings}",
                         "zh": "层级：{layer} · 所属 {headings}"},
    "rules.show.item_of": {"en": "Item of: {provision}", "zh": "所属条款：{provision}"},
    "rules.show.part_of": {"en": "Part of: {provision}", "zh": "所属条款（部分）：{provision}"},
    "rules.show.items": {"en": "List items ({n}):", "zh": "列项（{n} 项）："},
    "rules.show.parts": {"en": "Parts ({n}):", "zh": "部分（{n} 个）："},
    "rules.show.shapes": {"en": "Shapes that check it ({n}):", "zh": "检查该规定的形状（{n} 个）："},
    "rules.show.no_shape": {"en": "Shapes that check it: none", "zh": "检查该规定的形状：无"},
    "rules.show.through_items": {"en": "checked through its shall-level list items",
                                 "zh": "通过其“应”级列项进行检查"},
    "rules.show.manual_only": {"en": "only the evaluator checks it (its review prompt below)",
                               "zh": "仅由评价人员检查（见下方人工评审提示）"},
    "rules.show.gap": {"en": "GAP: a shall-level provision nothing checks, so it is never met",
                       "zh": "缺口：没有任何检查的“应”级规定，因而永远不会被判定为满足"},
    "rules.show.informative": {"en": "informative: never a gap; the shapes use it as vocabulary",
                               "zh": "资料性规定：不构成缺口，仅作为形状的词汇"},
    "rules.show.target": {"en": "target: {kind} {term}{label}", "zh": "目标：{kind} {term}{label}"},
    "rules.show.label": {"en": " (“{label}”)", "zh": "（“{label}”）"},
    "rules.show.severity": {"en": "severity: {severity}", "zh": "严重程度：{severity}"},
    "rules.show.message": {"en": "message ({lang}): {text}", "zh": "消息（{lang}）：{text}"},
    "rules.show.fixture": {"en": "fixture: {kind}: {text}", "zh": "正反例：{kind}：{text}"},
    "rules.show.no_fixture": {
        "en": "fixture: none: no rule of checker/fixtures.py can make its non-conforming twin "
              "(a gap)",
        "zh": "正反例：无：checker/fixtures.py 中没有规则能生成其不符合的反例（缺口）"},
    "rules.show.prompt": {"en": "Review prompt (what goes to the evaluator), {place}:",
                          "zh": "人工评审提示（交给评价人员的内容），{place}："},
    "rules.show.prompt_text": {"en": "{lang}: {text}", "zh": "{lang}：{text}"},
    "rules.show.no_prompt": {"en": "Review prompt: none", "zh": "人工评审提示：无"},
    "rules.show.how_to": {
        "en": "How to meet it (the hint a report gives, as the rulebook page shows it):",
        "zh": "如何满足（报告给出的提示，与规则库网页所示相同）："},
    "rules.show.no_how_to": {"en": "How to meet it: no hint (no shape asks for a record)",
                             "zh": "如何满足：无提示（没有形状要求记录）"},
}
