"""User-facing strings in Chinese and English: every key exists in both languages."""

from collections.abc import Mapping
from typing import Literal, get_args

Lang = Literal["en", "zh"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "en"

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "ontology.heading": {
        "en": "Ontology: {files} files, {reasoned} of them reasoned over",
        "zh": "本体：{files} 个文件，其中 {reasoned} 个参与推理",
    },
    "count.classes": {"en": "classes: {n}", "zh": "类：{n}"},
    "count.object_properties": {"en": "object properties: {n}", "zh": "对象属性：{n}"},
    "count.datatype_properties": {"en": "datatype properties: {n}", "zh": "数据属性：{n}"},
    "count.annotation_properties": {"en": "annotation properties: {n}", "zh": "注释属性：{n}"},
    "count.named_individuals": {"en": "named individuals: {n}", "zh": "命名个体：{n}"},
    "count.requirements": {
        "en": "requirements: {n} (shall {shall}, should {should}, may {may}, informative {informative})",
        "zh": "要求条款：{n}（应 {shall}，宜 {should}，可 {may}，资料性 {informative}）",
    },
    "reasoner.heading": {
        "en": "Reasoner: {reasoner}, {seconds:.1f} s",
        "zh": "推理机：{reasoner}，用时 {seconds:.1f} 秒",
    },
    "reasoner.consistent": {"en": "consistent: yes", "zh": "一致性：一致"},
    "reasoner.inconsistent": {"en": "consistent: no", "zh": "一致性：不一致"},
    "reasoner.unsatisfiable_none": {"en": "unsatisfiable classes: none", "zh": "不可满足的类：无"},
    "reasoner.unsatisfiable_some": {
        "en": "unsatisfiable classes: {n}",
        "zh": "不可满足的类：{n} 个",
    },
    "result.ok": {
        "en": "Result: the ontology is consistent and every class is satisfiable.",
        "zh": "结论：本体一致，所有类均可满足。",
    },
    "result.inconsistent": {
        "en": "Result: the ontology is inconsistent: no model satisfies all its axioms.",
        "zh": "结论：本体不一致，没有任何解释能同时满足其全部公理。",
    },
    "result.unsatisfiable": {
        "en": "Result: {n} class(es) can have no instance.",
        "zh": "结论：有 {n} 个类不可满足（不能有任何实例）。",
    },
    "error.checker": {"en": "Error: {message}", "zh": "错误：{message}"},
    "error.internal": {
        "en": "Internal error: {message}",
        "zh": "内部错误：{message}",
    },
}


def message(key: str, lang: Lang, **values: object) -> str:
    """Return the message `key` in `lang`, formatted with `values`."""
    return MESSAGES[key][lang].format(**values)
