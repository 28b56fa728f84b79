"""The words of a rule problem about an sh:pattern written in Python's own syntax, which XPath's
lacks (checker/python_patterns.py), in Chinese and English (checker/i18n.py reads them into its
catalogue): what SHACL takes, the construct, what the engines do, what to write instead."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "rules.problem.takes.pattern_python": {
        "en": "a regular expression in XPath's syntax there (SHACL 1.0, 4.7.1: that of "
              "fn:matches), which has no {construct}: {detail}",
        "zh": " XPath 语法的正则表达式（SHACL 1.0 第 4.7.1 节：即 fn:matches 的语法），而 XPath 的语法没有"
              "{construct}：{detail}"},
    "rules.problem.effect.python_only": {
        "en": "this engine (pyshacl) reads patterns with Python's re, which accepts it, but other "
              "SHACL engines refuse the pattern or read it otherwise; {instead}",
        "zh": "本验证引擎（pyshacl）以 Python 的 re 读取模式，接受这一写法，但其他 SHACL 验证引擎会拒绝该模式或按其他含义读取；"
              "{instead}"},
    "rules.problem.construct.word_boundary": {"en": "word boundary", "zh": "单词边界"},
    "rules.problem.construct.anchor": {"en": "anchor at the start or end of the whole text",
                                       "zh": "整个文本开头或结尾的锚点"},
    "rules.problem.construct.character_escape": {
        "en": "escape of a character by its code or name", "zh": "以编码或名称表示字符的转义"},
    "rules.problem.construct.needless_escape": {
        "en": "escape of a character that needs none", "zh": "对无需转义的字符的转义"},
    "rules.problem.construct.inline_flags": {"en": "inline flags", "zh": "内联标志"},
    "rules.problem.construct.scoped_flags": {"en": "flags for a part of the pattern",
                                             "zh": "作用于模式局部的标志"},
    "rules.problem.construct.lookahead": {"en": "look-ahead", "zh": "先行断言"},
    "rules.problem.construct.lookbehind": {"en": "look-behind", "zh": "后行断言"},
    "rules.problem.construct.named_group": {"en": "named group", "zh": "命名分组"},
    "rules.problem.construct.comment": {"en": "comment group", "zh": "注释分组"},
    "rules.problem.construct.atomic_group": {"en": "atomic group", "zh": "原子分组"},
    "rules.problem.construct.conditional": {"en": "conditional group", "zh": "条件分组"},
    "rules.problem.construct.possessive": {"en": "possessive quantifier", "zh": "占有型量词"},
    "rules.problem.construct.open_minimum": {"en": "quantifier without its minimum",
                                             "zh": "省略下限的量词"},
    "rules.problem.construct.unescaped": {
        "en": "metacharacter left unescaped to stand for itself",
        "zh": "未转义而按字面读取的元字符"},
    "rules.problem.instead.flags": {
        "en": "leave {detail} out and write sh:flags \"{write}\" beside the pattern",
        "zh": "请删去 {detail}，并在模式旁写 sh:flags \"{write}\""},
    "rules.problem.instead.flags_dropped": {
        "en": "XPath writes it as sh:flags \"{write}\", which this engine drops: no writing of it "
              "is read alike by both; match without it",
        "zh": "XPath 将其写作 sh:flags \"{write}\"，但本验证引擎会忽略该标志：没有两者读法相同的写法；请不依赖它进行匹配"},
    "rules.problem.instead.write": {"en": "write {write} instead", "zh": "请改写为 {write}"},
    "rules.problem.instead.unnamed": {
        "en": "write a plain group instead, ( for {detail}, and refer back to it by its number "
              "(\\1 for the first group)",
        "zh": "请改用普通分组，以 ( 代替 {detail}，并按编号反向引用它（第一个分组为 \\1）"},
    "rules.problem.instead.character": {
        "en": "write the character it stands for, {write}, itself instead (in a Turtle string, "
              "an escape with one backslash such as \\u000C writes any character)",
        "zh": "请改为直接写出它所代表的字符 {write}（在 Turtle 字符串中，只带一个反斜杠的转义，如 \\u000C，"
              "可写出任何字符）"},
    "rules.problem.instead.drop": {"en": "leave it out: it changes nothing",
                                   "zh": "删去它即可：它不改变匹配"},
    "rules.problem.instead.none": {
        "en": "XPath's regular expressions have no equivalent: check it otherwise, or leave it out",
        "zh": "XPath 的正则表达式没有等价的写法：请改用其他方式检查，或删去它"},
}
