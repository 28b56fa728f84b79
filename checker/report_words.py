"""The words a report says what a record lacks with, in Chinese and English (checker/i18n.py reads
them into its catalogue): the lacks of checker/render/findings_view.py, the absences, and a path
step by step (hints say paths alike, checker/render/wording.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    # A path in words, step by step (a record: a node reached by an inverse step, of no class said).
    "report.path.next": {"en": "{path} with {step}", "zh": "{path}的{step}"},
    "report.path.inverse_first": {"en": "{by} referring to it through {step}",
                                  "zh": "由{by}以{step}指向它"},
    "report.path.inverse": {"en": "{path} that {by} refers to through {step}",
                            "zh": "{path}由{by}以{step}指向"},
    "report.path.after_inverse": {"en": "{path} with {step}", "zh": "{path}，该记录的{step}"},
    "report.path.record": {"en": "a record", "zh": "一项记录"},
    # What a submission node lacks (checker/render/findings_view.py); quoted names are labels.
    "report.lack.has_value": {"en": "its “{property}” lacks “{expected}”",
                              "zh": "“{property}”缺少“{expected}”"},
    "report.lack.min_count": {"en": "lacks “{property}”", "zh": "缺少“{property}”"},
    "report.lack.min_count_inverse": {"en": "no node refers to it by “{property}”",
                                      "zh": "没有节点以“{property}”指向它"},
    "report.lack.max_count": {"en": "has more “{property}” than allowed",
                              "zh": "“{property}”多于允许的个数"},
    "report.lack.class": {"en": "its “{property}” “{value}”{given} is not {a_expected}",
                          "zh": "“{property}”的取值“{value}”{given}不是{a_expected}"},
    "report.lack.self.class": {"en": "is not {a_expected}", "zh": "不是{a_expected}"},
    "report.lack.datatype": {"en": "its “{property}” “{value}”{given} is not of datatype {expected}",
                             "zh": "“{property}”的取值“{value}”{given}不是 {expected} 类型"},
    "report.lack.self.datatype": {"en": "“{value}”{given} is not of datatype {expected}",
                                  "zh": "“{value}”{given}不是 {expected} 类型"},
    # A value given as the datatype asked, in a form it does not have ("2021-02-30"^^xsd:date).
    "report.lack.ill_formed": {"en": "its “{property}” “{value}” is not a valid {expected}",
                               "zh": "“{property}”的取值“{value}”不是有效的 {expected} 值"},
    "report.lack.self.ill_formed": {"en": "“{value}” is not a valid {expected}",
                                    "zh": "“{value}”不是有效的 {expected} 值"},
    "report.lack.in": {"en": "its “{property}” “{value}”{given} is not one of the values allowed",
                       "zh": "“{property}”的取值“{value}”{given}不在允许的取值之中"},
    "report.lack.self.in": {"en": "“{value}”{given} is not one of the values allowed",
                            "zh": "“{value}”{given}不在允许的取值之中"},
    "report.lack.pattern": {"en": "its “{property}” “{value}”{given} does not have the form required",
                            "zh": "“{property}”的取值“{value}”{given}格式不符"},
    "report.lack.self.pattern": {"en": "“{value}”{given} does not have the form required",
                                 "zh": "“{value}”{given}格式不符"},
    "report.lack.or": {"en": "its “{property}” “{value}” is in none of the forms accepted",
                       "zh": "“{property}”的取值“{value}”不属于任何一种可接受的形式"},
    "report.lack.self.or": {"en": "“{value}” is in none of the forms accepted",
                            "zh": "“{value}”不属于任何一种可接受的形式"},
    "report.lack.node": {"en": "its “{property}” “{value}”{given} is incomplete",
                         "zh": "“{property}”的取值“{value}”{given}不完整"},
    # After a quoted value of a datatype other than text: what it was given as.
    "report.lack.given_as": {"en": " (given as {datatype})", "zh": "（给出的类型为 {datatype}）"},
    "report.lack.qualified": {"en": "has no “{property}” that is {a_expected}",
                              "zh": "缺少属于{a_expected}的“{property}”"},
    "report.lack.qualified_inverse": {"en": "no “{expected}” refers to it by “{property}”",
                                      "zh": "没有“{expected}”以“{property}”指向它"},
    "report.lack.qualified_any": {"en": "lacks {a_property} that meets the requirement",
                                  "zh": "缺少符合要求的{a_property}"},
    "report.lack.other": {"en": "its “{property}” does not meet the requirement",
                          "zh": "“{property}”不符合要求"},
    "report.lack.of_class": {"en": " ({a_expected})", "zh": "（应为{a_expected}）"},
    "report.lack.at_least": {"en": " (at least {n})", "zh": "（至少 {n} 个）"},
    "report.missing.instances": {"en": "The submission has no instance of {about}.",
                                 "zh": "提交材料中没有{about}的实例。"},
    "report.missing.via": {"en": "The submission has no node whose “{via}” is {about}.",
                           "zh": "提交材料中没有“{via}”为{about}的节点。"},
}
