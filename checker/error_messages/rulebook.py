"""Error messages about the rulebook: its requirements, shapes, indicators and ontology, the
reasoner and the SHACL engine."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.rulebook.no_requirement": {
        "en": "no provision or section {requirement_id!r} in the catalogue of the draft edition "
              "(ids look like 4.2.1-a or 4.2)",
        "zh": "征求意见稿的条款目录中没有规定或章节 {requirement_id!r}（编号形如 4.2.1-a 或 4.2）",
    },
    # `bcic rules show ID`, `bcic rules coverage --only ID_OR_SHAPE` (checker/rule_lookup.py).
    "error.rulebook.unknown_provision": {
        "en": "no provision {asked!r} in the catalogue of rulebook {version} (write it as the "
              "standard numbers it, such as 9.2.3, 6.2 d) or 8.3.4 —2, or by its id, such as "
              "8.3.4-2){nearest}",
        "zh": "规则库 {version} 的条款目录中没有规定 {asked!r}（请按标准的编号书写，如 9.2.3、6.2 d)、"
              "8.3.4 —2，或写其编号，如 8.3.4-2）{nearest}",
    },
    "error.rulebook.unknown_rule": {
        "en": "no provision or checking shape {asked!r} in rulebook {version} (a provision as "
              "the standard numbers it, such as 9.2.3 or 8.3.4 —2, or a shape by its IRI, its "
              "prefixed name shp:… or its local name){nearest}",
        "zh": "规则库 {version} 中没有规定或检查形状 {asked!r}（规定请按标准的编号书写，如 9.2.3、8.3.4 —2；"
              "形状请写其 IRI、前缀名 shp:… 或本地名）{nearest}",
    },
    "error.rulebook.mistaken_rule": {
        "en": "{asked!r} cannot be shown or proved: the rule files have {n} mistake(s) in it, "
              "which keep it out of the rulebook (`bcic rules coverage` lists them too); fix "
              "them first:\n{problems}",
        "zh": "无法显示或验证 {asked!r}：规则文件中与其有关的错误有 {n} 处，使其未能读入规则库"
              "（`bcic rules coverage` 同样会列出）；请先改正：\n{problems}",
    },
    "error.rulebook.section_asked": {
        "en": "{asked} is a heading of the standard, not a provision: name one of the "
              "provisions numbered under it ({provisions})",
        "zh": "{asked} 是标准的章节标题，不是规定：请指明其下编号的某条规定（{provisions}）",
    },
    "error.rulebook.helper_shape": {
        "en": "{shape} checks no provision by itself (a helper shape, which other shapes use): "
              "name a shape that checks one, or its provision (`bcic rules show ID` lists a "
              "provision's shapes)",
        "zh": "{shape} 本身不检查任何规定（是供其他形状引用的辅助形状）：请指明检查某条规定的形状或该规定"
              "（`bcic rules show ID` 列出一条规定的形状）",
    },
    "error.rulebook.helper_shared": {
        "en": "{shape} is a helper shape that the checking shapes of {n} provisions use ("
              "{provisions}{more_said}): name one of them, or a shape that checks one",
        "zh": "{shape} 是辅助形状，{n} 条规定的检查形状都引用它（{provisions}{more_said}）：请指明其中一条规定，"
              "或检查某条规定的形状",
    },
    "error.rulebook.and_more": {"en": ", and {n} more", "zh": " 等，另有 {n} 条"},
    "error.rulebook.helper_unused": {
        "en": "{shape} checks no provision, and no shape that checks one uses it",
        "zh": "{shape} 不检查任何规定，也没有检查规定的形状引用它",
    },
    "error.rulebook.no_shape": {
        "en": "no shape {name!r} in the rulebook's shapes{nearest}",
        "zh": "规则库的形状中没有 {name!r}{nearest}",
    },
    "error.rulebook.no_indicator": {
        "en": "no indicator named {name!r} in the 9.1.4 scheme: /indicator/ takes the concept's "
              "local name, such as LocationAdvantage, not its code such as a.1.1",
        "zh": "9.1.4 指标体系中没有名为 {name!r} 的指标：/indicator/ 后应写概念的本地名称（如 "
              "LocationAdvantage），而不是指标编号（如 a.1.1）",
    },
    "error.rulebook.no_ontology_version": {
        "en": "no ontology version {version!r}; this server has {current}",
        "zh": "没有本体版本 {version!r}；本服务器的版本为 {current}",
    },
    "error.rulebook.mistakes": {
        "en": "the rule files have {n} mistake(s) that would change verdicts without a word, so "
              "rulebook {version} (digest {digest}) judges no submission and is loaded into no "
              "store; fix them first (`bcic rules coverage` lists them too):\n{problems}",
        "zh": "规则文件有 {n} 处错误，会在不声不响中改变判定结果，因此规则库 {version}（摘要 {digest}）"
              "不评判任何提交材料，也不载入任何存储；请先改正（`bcic rules coverage` 同样会列出）：\n{problems}",
    },
    "error.rule_file.ontology": {"en": "ontology file", "zh": "本体文件"},
    "error.rule_file.shapes": {"en": "shapes file", "zh": "形状文件"},
    "error.rule_file.cannot_read": {
        "en": "cannot read {kind} {path}: {reason}",
        "zh": "无法读取{kind} {path}：{reason}",
    },
    "error.rule_file.cannot_parse": {
        "en": "cannot parse {kind} {path}: {detail}",
        "zh": "无法解析{kind} {path}：{detail}",
    },
    "error.rule_file.cannot_parse_at": {
        "en": "cannot parse {kind} {path} at line {line}, column {column}: {detail}; "
              "the line reads: {excerpt}",
        "zh": "无法解析{kind} {path}（第 {line} 行第 {column} 列）：{detail}；该行为：{excerpt}",
    },
    "error.reasoner.no_java": {
        "en": "the reasoners HermiT and Pellet need Java, and no 'java' was found on PATH: "
              "install a Java runtime (e.g. Debian's default-jre-headless, or run `make install`)",
        "zh": "HermiT 与 Pellet 推理机需要 Java，但在 PATH 中找不到 'java'：请安装 Java 运行环境"
              "（如 Debian 的 default-jre-headless，或运行 `make install`）",
    },
    "error.reasoner.cannot_start": {
        "en": "could not start the reasoner process: {reason}",
        "zh": "无法启动推理机进程：{reason}",
    },
    "error.reasoner.timeout": {
        "en": "the reasoner did not finish within {seconds:g} s",
        "zh": "推理机未在 {seconds:g} 秒内完成",
    },
    "error.reasoner.ended": {
        "en": "the reasoner process ended with code {code}: {detail}",
        "zh": "推理机进程以代码 {code} 结束：{detail}",
    },
    "error.reasoner.no_output": {"en": "no output", "zh": "没有输出"},
    "error.reasoner.hermit": {"en": "HermiT failed: {detail}", "zh": "HermiT 出错：{detail}"},
    "error.reasoner.pellet": {"en": "Pellet failed: {detail}", "zh": "Pellet 出错：{detail}"},
    "error.reasoner.run": {
        "en": "the reasoner run failed: {detail}",
        "zh": "推理运行出错：{detail}",
    },
    "error.reasoner.unexpected": {
        "en": "unexpected answer from the reasoner process: {answer!r}",
        "zh": "推理机进程的应答无法识别：{answer!r}",
    },
    "error.shacl.failed": {
        "en": "the SHACL engine failed: {reason}",
        "zh": "SHACL 引擎出错：{reason}",
    },
    "error.shacl.stalled": {
        "en": "the validation did not finish in time: {reason}, long after the rest of the "
              "work had finished, and nothing was judged; try again when the machine is less "
              "busy, and if it happens again, validate the files one at a time to find the one "
              "that takes so long",
        "zh": "验证未能按时完成：{reason}，而其余部分早已完成，未作任何判定；请在机器较空闲时重试，"
              "若再次出现，请逐个验证文件，找出耗时过长的文件",
    },
}
