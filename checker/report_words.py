"""The words a report says what a record lacks with, in Chinese and English (checker/i18n.py reads
them into its catalogue): the lacks of checker/render/lack_sentences.py, the absences, a path step
by step (hints say paths alike, checker/render/wording.py), and the kinds of value people write.

Written for a reader who writes no RDF: a term by its label in quotation marks, a path in words,
a value as written and what is wrong with it, never a datatype's or a path's notation.
`{property}` is a path in words, its terms quoted; `{value}` a value quoted (or an unnamed record
described); `{form}` what the value should be, in words.
"""

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
    # A step backwards after another (5.3: an analysis a record is based on, which a strategy has
    # as its positioning): the record the first reached is said again, 该记录.
    "report.path.inverse_after_inverse": {"en": "{path} that {by} refers to through {step}",
                                          "zh": "{path}，该记录由{by}以{step}指向"},
    "report.path.after_inverse": {"en": "{path} with {step}", "zh": "{path}，该记录的{step}"},
    "report.path.record": {"en": "a record", "zh": "一项记录"},
    # Between the ways of a path of alternatives (7.2.2.2: a unit of the body, or a member).
    "report.path.or": {"en": " or ", "zh": "或"},
    # What a record lacks.
    "report.lack.has_value": {"en": "its {property} lacks “{expected}”",
                              "zh": "{property}缺少“{expected}”"},
    # A value asked under a broader concept (9.1.2: an indicator of each category of 9.1.4, whose
    # groups are under it): said as what the record names, not as a chain of “broader concept”.
    "report.lack.has_value_under": {"en": "none of its {first} values falls under “{expected}”",
                                    "zh": "{first}中没有属于“{expected}”的一项"},
    # A record naming a term otherwise than by the property asked (9.2.1: its indicator).
    "report.lack.names_not": {"en": "does not name {value} through {property}",
                              "zh": "未以{property}指向{value}"},
    "report.lack.min_count": {"en": "lacks {property}", "zh": "缺少{property}"},
    "report.lack.min_count_inverse": {"en": "no record refers to it through {property}",
                                      "zh": "没有记录以{property}指向它"},
    "report.lack.max_count": {"en": "has more {property} than allowed",
                              "zh": "{property}多于允许的个数"},
    # A record asked in force (6.1.1.1's positioning, 9.1.1's KPI system) that is marked superseded:
    # since when, by its prov:invalidatedAtTime.
    "report.lack.superseded": {"en": "it is superseded since {value} (its {property}), not in force",
                               "zh": "自{value}起已被取代（{property}），不是现行的"},
    "report.lack.class": {"en": "its {property} {value}{given} is not {a_expected}",
                          "zh": "{property}的取值{value}{given}不是{a_expected}"},
    "report.lack.self.class": {"en": "is not {a_expected}", "zh": "不是{a_expected}"},
    # A value that is not what is asked: a kind of value (a date, a number) or a form a shape
    # names (shp:Number's rdfs:label).
    "report.lack.not": {"en": "its {property} {value}{given} is not {form}",
                        "zh": "{property}的取值{value}{given}不是{form}"},
    "report.lack.self.not": {"en": "{value}{given} is not {form}", "zh": "{value}{given}不是{form}"},
    # A value given as the kind asked, in a form that kind does not have ("2021-02-30" as a date).
    "report.lack.ill_formed": {"en": "its {property} {value} is not valid as {kind}: write {form}",
                               "zh": "{property}的取值{value}不是有效的{kind}，应写为{form}"},
    "report.lack.self.ill_formed": {"en": "{value} is not valid as {kind}: write {form}",
                                    "zh": "{value}不是有效的{kind}，应写为{form}"},
    # …where its year, month and day make a real one ("2024/12/01"^^xsd:date): that one.
    "report.lack.ill_formed_own": {"en": "its {property} {value} is not valid as {kind}: write it "
                                         "as {text}",
                                   "zh": "{property}的取值{value}不是有效的{kind}，应写为 {text}"},
    "report.lack.self.ill_formed_own": {"en": "{value} is not valid as {kind}: write it as {text}",
                                        "zh": "{value}不是有效的{kind}，应写为 {text}"},
    "report.lack.in": {"en": "its {property} {value}{given} is not one of the values allowed",
                       "zh": "{property}的取值{value}{given}不在允许的取值之中"},
    "report.lack.self.in": {"en": "{value}{given} is not one of the values allowed",
                            "zh": "{value}{given}不在允许的取值之中"},
    # The same, naming the values the list allows (sh:in, in its order): the one, or several.
    "report.lack.in_one": {"en": "its {property} {value}{given} is not {allowed}, the one value "
                                 "allowed",
                           "zh": "{property}的取值{value}{given}不是唯一允许的取值{allowed}"},
    "report.lack.self.in_one": {"en": "{value}{given} is not {allowed}, the one value allowed",
                                "zh": "{value}{given}不是唯一允许的取值{allowed}"},
    "report.lack.in_listed": {"en": "its {property} {value}{given} is not one of the values "
                                    "allowed: {allowed}",
                              "zh": "{property}的取值{value}{given}不在允许的取值（{allowed}）之中"},
    "report.lack.self.in_listed": {"en": "{value}{given} is not one of the values allowed: "
                                         "{allowed}",
                                   "zh": "{value}{given}不在允许的取值（{allowed}）之中"},
    "report.lack.allowed_more": {"en": " and {n} more", "zh": "等另外 {n} 项"},
    # A form no shape names in words.
    "report.lack.pattern": {"en": "its {property} {value}{given} does not have the form required",
                            "zh": "{property}的取值{value}{given}格式不符"},
    "report.lack.self.pattern": {"en": "{value}{given} does not have the form required",
                                 "zh": "{value}{given}格式不符"},
    "report.lack.or": {"en": "its {property} {value}{given} is in none of the forms accepted",
                       "zh": "{property}的取值{value}{given}不属于任何一种可接受的形式"},
    "report.lack.self.or": {"en": "{value}{given} is in none of the forms accepted",
                            "zh": "{value}{given}不属于任何一种可接受的形式"},
    # A text not tagged with the language asked (an untagged name in Chinese is not "@zh").
    "report.lack.language": {"en": "its {property} {value} is not marked as {language}",
                             "zh": "{property}的取值{value}未标明为{language}"},
    "report.lack.self.language": {"en": "{value} is not marked as {language}",
                                  "zh": "{value}未标明为{language}"},
    # A record it points to lacks what the lines under it say.
    "report.lack.node": {"en": "its {property} {value} is incomplete",
                         "zh": "{property}的取值{value}不完整"},
    # A record that refers to the node (a step backwards) and is itself incomplete.
    "report.lack.node_inverse": {"en": "{value}, which refers to it through {property}, is incomplete",
                                 "zh": "以{property}指向它的{value}不完整"},
    # A record it points to lacks one thing, said of it in the same sentence.
    "report.lack.of_value": {"en": "its {property} {value} {lack}",
                             "zh": "{property}的取值{value}{lack}"},
    # A path of several steps stopped at a value: what that value lacks for the rest of it.
    "report.lack.reached": {"en": "its {property} is {value}; {lack}",
                            "zh": "{property}为{value}；{lack}"},
    # …where that value is a text (9.2.1: bcic:specifiesIndicator "出口率"): no term it could be.
    "report.lack.reached_text": {
        "en": "its {property} {value} (given as text) is no record or term: name one by its IRI; "
              "{lack}",
        "zh": "{property}的取值{value}（给出的是文本）不是记录或术语，应以 IRI 指向；{lack}"},
    # After a value of another kind than a year or a date asked: how to write one, typed.
    "report.lack.write_typed": {
        "en": ": write it with its datatype, \"{text}\"^^{curie} in Turtle, "
              "{{\"@value\": \"{text}\", \"@type\": \"{iri}\"}} in JSON-LD",
        "zh": "：应写明数据类型，Turtle 中写作 \"{text}\"^^{curie}，JSON-LD 中写作 "
              "{{\"@value\": \"{text}\", \"@type\": \"{iri}\"}}"},
    # …where the value gives no real one of that kind (2023-02-30, 2021年上半年): the form only.
    # …where the datatype is written as a prefixed name no prefix expands (xsd:date).
    "report.lack.datatype_prefixed": {
        "en": "; the datatype is written as the prefixed name “{curie}”, which RDF/XML's "
              "rdf:datatype (and JSON-LD without that prefix) does not expand: write the full IRI "
              "{iri}",
        "zh": "；数据类型写成了前缀名“{curie}”：RDF/XML 的 rdf:datatype（及未声明该前缀的 JSON-LD）不展开前缀名，"
              "应写完整的 IRI {iri}"},
    # A term asked written as a prefixed name nothing expanded (5.1: RDF/XML's
    # rdf:resource="bcic:PolicyEnvironment", read as the IRI `bcic:PolicyEnvironment`).
    "report.lack.resource_prefixed": {
        "en": " (written as the prefixed name “{curie}”, which RDF/XML's rdf:resource (and JSON-LD "
              "without that prefix) does not expand: write the full IRI {iri})",
        "zh": "（写成了前缀名“{curie}”：RDF/XML 的 rdf:resource（及未声明该前缀的 JSON-LD）不展开前缀名，"
              "应写完整的 IRI {iri}）"},
    # …in an RDF/XML file: the property's element with the full IRI (9.1.1:
    # <prov:wasAttributedTo rdf:resource="https://example.org/c/body"/>).
    "report.lack.resource_prefixed_rdf_xml": {
        "en": " (written as the prefixed name “{curie}”, which RDF/XML's rdf:resource does not "
              "expand: write the full IRI, {element})",
        "zh": "（写成了前缀名“{curie}”：RDF/XML 的 rdf:resource 不展开前缀名，应写完整的 IRI：{element}）"},
    "report.lack.typed_example": {
        "en": ": write one with its datatype, as in \"{text}\"^^{curie} in Turtle, "
              "{{\"@value\": \"{text}\", \"@type\": \"{iri}\"}} in JSON-LD (an example)",
        "zh": "：应写明数据类型，格式如 Turtle 中的 \"{text}\"^^{curie}、JSON-LD 中的 "
              "{{\"@value\": \"{text}\", \"@type\": \"{iri}\"}}（仅为示例）"},
    # After a quoted value of another kind than the one asked: what it was given as.
    "report.lack.given_as": {"en": " (given as {kind})", "zh": "（给出的是{kind}）"},
    "report.lack.qualified": {"en": "has no {property} that is {a_expected}",
                              "zh": "缺少属于{a_expected}的{property}"},
    # The qualified class named in the path's last step, walked backwards.
    "report.lack.qualified_by": {"en": "has no {property}", "zh": "没有{property}"},
    # …where records of that class refer to the value, none as asked.
    "report.lack.as_asked": {"en": "{a_expected} meeting the requirement",
                             "zh": "符合要求的{a_expected}"},
    "report.lack.qualified_inverse": {"en": "no “{expected}” refers to it through {property}",
                                      "zh": "没有“{expected}”以{property}指向它"},
    # Records of the kind refer to it, none as asked (the lines under it say why)…
    "report.lack.qualified_unmet_inverse": {
        "en": "no “{expected}” referring to it through {property} meets the requirement",
        "zh": "以{property}指向它的“{expected}”均不符合要求"},
    # …or the one record that does, and the one thing it lacks.
    "report.lack.referrer": {"en": "{value} refers to it through {property}, but {lack}",
                             "zh": "{value}以{property}指向它，但其{lack}"},
    # A record referring to it that has, from there on, what is asked (7.2.2.2: a membership
    # naming it as member and the body as its organisation).
    "report.lack.qualified_from_referrer": {
        "en": "no record referring to it through {step} has {rest} that is {a_expected}",
        "zh": "没有以{step}指向它、且{rest}属于{a_expected}的记录"},
    # A path of alternatives: what each way lacks; any one of them would do.
    "report.lack.either": {"en": "{ways} (any one of these would do)",
                           "zh": "{ways}（满足其中之一即可）"},
    "report.lack.qualified_any": {"en": "lacks {a_property} that meets the requirement",
                                  "zh": "缺少符合要求的{a_property}"},
    "report.lack.qualified_language": {"en": "has no {property} marked as {language}",
                                       "zh": "没有标明为{language}的{property}"},
    # A value of a kind the shape refuses, which its label names (a government body in an
    # enterprise's role).
    "report.lack.not_kind": {"en": "its {property} {value} is {form}, which this role does not take",
                             "zh": "{property}的取值{value}是{form}，不能担任此角色"},
    # A value of a kind refused, reached along a property whose shape says what it takes instead
    # (8.2.5: the body named as its own partner, where a partner is another agent).
    "report.lack.not_kind_asked": {"en": "its {property} {value} is {form}; {a_property} must be {kind}",
                                   "zh": "{property}的取值{value}是{form}；{a_property}须为{kind}"},
    # A kind refused by a shape that names it (sh:not, 9.2.3: a record of another cluster).
    "report.lack.is_kind": {"en": "it is {form}", "zh": "为{form}"},
    # The one value a record names along a path is of a kind refused (6.2 b): the KPI system a
    # monitoring used is a record of another cluster).
    "report.lack.value_is_kind": {"en": "its {property} {value} is {form}",
                                  "zh": "{property}的取值{value}为{form}"},
    # Text where a record is named (sh:nodeKind, 9.2.3: a rated level written as 「优」).
    "report.lack.node_kind": {"en": "its {property} {value} is text, not a record: name one by its IRI",
                              "zh": "{property}的取值{value}是文本，不是记录：应以 IRI 指向一项记录"},
    # A text (or another literal) where a record of a class is asked (9.1.1: a strategy by its
    # title, JSON-LD's "prov:wasAttributedTo": "ex:body"); said of the value itself where it is
    # listed among those that came closest.
    "report.lack.text_for_record": {
        "en": "its {property} {value}{given} is not a record: name {a_expected} by its IRI",
        "zh": "{property}的取值{value}{given}不是记录，应指向一项{a_expected}"},
    "report.lack.self.text_for_record": {
        "en": "is {kind}, not a record: name {a_expected} by its IRI",
        "zh": "是{kind}，不是记录，应指向一项{a_expected}"},
    # A text where a term of a class the ontology names a few of is asked (7.1.2.1's kind of
    # fund "创新基金", 8.2.4's form "新闻发布会"): then the term it names, a guess, or an example.
    "report.lack.text_for_term": {
        "en": "its {property} {value}{given} is not a term: name {a_expected} by its IRI",
        "zh": "{property}的取值{value}{given}不是术语，应以 IRI 指向一项{a_expected}"},
    "report.lack.self.text_for_term": {
        "en": "is {kind}, not a term: name {a_expected} by its IRI",
        "zh": "是{kind}，不是术语，应以 IRI 指向一项{a_expected}"},
    "report.lack.term_reference_example": {
        "en": ", as in {turtle} in Turtle, {{\"@id\": \"{iri}\"}} in JSON-LD (an example)",
        "zh": "：格式如 Turtle 中的 {turtle}、JSON-LD 中的 {{\"@id\": \"{iri}\"}}（仅为示例）"},
    # …then how: the text itself as a reference where it is one (ex:body), else an example.
    "report.lack.write_reference": {
        "en": ", {turtle} in Turtle, {{\"@id\": \"{iri}\"}} in JSON-LD",
        "zh": "：Turtle 中写作 {turtle}，JSON-LD 中写作 {{\"@id\": \"{iri}\"}}"},
    # …the record of the submission the text names, by its local name or a label (9.1.1).
    "report.lack.write_record": {
        "en": ", the record {record} it names: {turtle} in Turtle, {{\"@id\": \"{iri}\"}} in "
              "JSON-LD",
        "zh": "：所指记录为{record}，Turtle 中写作 {turtle}，JSON-LD 中写作 {{\"@id\": \"{iri}\"}}"},
    "report.lack.reference_example": {
        "en": ", as in {turtle} in Turtle, {{\"@id\": \"{iri}\"}} in JSON-LD (an example)",
        "zh": "：以 IRI 指向该记录，格式如 Turtle 中的 {turtle}、JSON-LD 中的 {{\"@id\": \"{iri}\"}}"
              "（仅为示例）"},
    # …in an RDF/XML file, as it writes a reference: the property's element with rdf:resource and
    # the full IRI, which expands no prefixed name (9.1.1: <prov:wasAttributedTo>body</…>).
    "report.lack.write_reference_rdf_xml": {
        "en": ", {element} in RDF/XML", "zh": "：RDF/XML 中写作 {element}"},
    "report.lack.write_record_rdf_xml": {
        "en": ", the record {record} it names: {element} in RDF/XML",
        "zh": "：所指记录为{record}，RDF/XML 中写作 {element}"},
    "report.lack.reference_example_rdf_xml": {
        "en": ", as in {element} in RDF/XML (an example)",
        "zh": "：以 IRI 指向该记录，格式如 RDF/XML 中的 {element}（仅为示例）"},
    # A text given where a term is asked (sh:in, sh:hasValue: 9.4.2's bcic:covers
    # "bcic:PlanPhase"): how to refer to the term it names, else to one of those allowed.
    # The value asked written inside a list (5.1: bcic:covers ( bcic:PolicyEnvironment … )).
    "report.lack.in_a_list": {
        "en": " (written inside a list, ( … ) in Turtle, \"@list\" in JSON-LD: the list is one "
              "value and its items count for none; write the values without it, separated by "
              "commas)",
        "zh": "（写在列表中，即 Turtle 的 ( … )、JSON-LD 的 \"@list\"：列表本身是一个取值，其中各项不算作取值；"
              "应去掉列表，以逗号分隔写出各取值）"},
    "report.lack.given_as_text": {"en": " (given as text {value})", "zh": "（给出的是文本{value}）"},
    # A narrower concept listed in place of the one asked (9.1.4 「应包括」: 对欧盟出口率 is not 出口率).
    "report.lack.narrower_only": {
        "en": "; it includes {value}, narrower than “{expected}”, but not “{expected}” itself: list "
              "“{expected}” itself (its measurement specification's calculation method may say it "
              "is summed up from the narrower ones)",
        "zh": "；体系包含其下位指标{value}，但未包含“{expected}”本身：请将“{expected}”列入体系（可在其测量规范的"
              "计算方法中写明由下位指标汇总）"},
    "report.lack.write_term": {
        "en": ": write it as {turtle} in Turtle, {{\"@id\": \"{iri}\"}} in JSON-LD",
        "zh": "：Turtle 中写作 {turtle}，JSON-LD 中写作 {{\"@id\": \"{iri}\"}}"},
    "report.lack.write_term_guessed": {
        "en": ": if “{label}” is meant (a guess from the spelling), write it as {turtle} in Turtle, "
              "{{\"@id\": \"{iri}\"}} in JSON-LD",
        "zh": "：若指“{label}”（按拼写推测），Turtle 中写作 {turtle}，JSON-LD 中写作 "
              "{{\"@id\": \"{iri}\"}}"},
    # …in an RDF/XML file, as the element to write (rdf:resource takes the full IRI).
    "report.lack.write_term_rdf_xml": {
        "en": ": write it in RDF/XML as {element}", "zh": "：RDF/XML 中写作 {element}"},
    "report.lack.write_term_guessed_rdf_xml": {
        "en": ": if “{label}” is meant (a guess from the spelling), write it in RDF/XML as "
              "{element}",
        "zh": "：若指“{label}”（按拼写推测），RDF/XML 中写作 {element}"},
    "report.lack.term_example_rdf_xml": {
        "en": ": name one of them by its full IRI, as in {element} in RDF/XML (an example)",
        "zh": "：以完整的 IRI 指向其中之一，格式如 RDF/XML 中的 {element}（仅为示例）"},
    "report.lack.term_example": {
        "en": ": name one of them by its IRI, as in {turtle} in Turtle, {{\"@id\": \"{iri}\"}} in "
              "JSON-LD (an example)",
        "zh": "：以 IRI 指向其中之一，格式如 Turtle 中的 {turtle}、JSON-LD 中的 {{\"@id\": \"{iri}\"}}"
              "（仅为示例）"},
    # Where the value a line is about is written (a text where a record is asked).
    "report.lack.written_at": {"en": " (written at {place})", "zh": "（写于 {place}）"},
    # After a figure written with its unit ("35.2%"): the number alone, the unit where the
    # ontology keeps it (9.2.3: an observation's unit of measure), else without it (5.2.3).
    "report.lack.number_and_unit": {
        "en": ": write the number alone, {number}, and the unit “{unit}” in {unit_property}",
        "zh": "：应只写数字 {number}，单位“{unit}”写在{unit_property}中"},
    "report.lack.number_without_unit": {
        "en": ": write the number alone, {number}, without its unit",
        "zh": "：应只写数字 {number}，不带单位"},
    # A number in a form read with certainty but not RDF's ("1,200.5", "１２"): as RDF writes it.
    "report.lack.number_plain": {"en": ": write it as the number {number}",
                                 "zh": "：应写作数字 {number}"},
    # A number given as text where one is asked (9.2.3: "35.2" in quotes, decision 23): said to be
    # text, then how to write it as a number.
    "report.lack.number_as_text": {"en": "its {property} {value} is a number written as text",
                                   "zh": "{property}的取值{value}是以文本写出的数字"},
    "report.lack.self.number_as_text": {"en": "{value} is a number written as text",
                                        "zh": "{value}是以文本写出的数字"},
    "report.lack.write_number": {
        "en": ": write it as a number, {number} without quotes in Turtle (or \"{number}\"^^{curie}), "
              "in JSON-LD the JSON number {number} or {{\"@value\": \"{number}\", \"@type\": "
              "\"{iri}\"}}, or a context typing {term} as {{\"@type\": \"{iri}\"}}",
        "zh": "：应写为数字，Turtle 中不加引号写作 {number}（或 \"{number}\"^^{curie}），JSON-LD 中写作 JSON "
              "数字 {number} 或 {{\"@value\": \"{number}\", \"@type\": \"{iri}\"}}，或在上下文中将 "
              "{term} 声明为 {{\"@type\": \"{iri}\"}}"},
    # A word before a figure ("约35.2%"): it qualifies the figure, and belongs in a note.
    "report.lack.word_in_note": {"en": "; “{word}” belongs in a note, not in the value",
                                 "zh": "；“{word}”应写在说明中，不写入数值"},
    # A value allowed none beside another property's (9.2.3: a number beside a rated level).
    "report.lack.max_beside": {"en": "its {property} {value} and its {other} {others}: state one",
                               "zh": "{property}的取值{value}与{other}的取值{others}并存：只写其一"},
    # A record named but described nowhere (a misspelt IRI).
    "report.lack.undescribed": {"en": "is described nowhere in the submission",
                                "zh": "提交材料中没有对它的描述"},
    "report.lack.other": {"en": "its {property} does not meet the requirement",
                          "zh": "{property}不符合要求"},
    "report.lack.of_class": {"en": " ({a_expected})", "zh": "（应为{a_expected}）"},
    "report.lack.at_least": {"en": " (at least {n})", "zh": "（至少 {n} 个）"},
    "report.lack.at_most": {"en": " (at most {n})", "zh": "（至多 {n} 个）"},
    # No record at all of what a shape looked for.
    "report.missing.instances": {"en": "The submission records no {about}.",
                                 "zh": "提交材料中没有记录{about}。"},
    "report.missing.via": {"en": "The submission has no record whose “{via}” is {about}.",
                           "zh": "提交材料中没有“{via}”为{about}的记录。"},
    # A term whose records came closest, none meeting what is asked (9.2.1: an indicator whose
    # specification is incomplete).
    "report.missing.unmet_via": {
        "en": "Records refer to {about} through “{via}”, but none of them meets the requirement.",
        "zh": "有记录以“{via}”指向{about}，但均不符合要求。"},
    # A term's code after its name (9.1.4's indicators: “location advantage” (a.1.1)).
    "report.value.code": {"en": " ({code})", "zh": "（{code}）"},
    # A record with neither label nor title, by its class.
    "report.record.unnamed": {"en": "an unnamed “{kind}”", "zh": "一项未命名的“{kind}”"},
    "report.record.unnamed_untyped": {"en": "an unnamed record", "zh": "一项未命名的记录"},
    # Kinds of value, as a value is given (checker/render/wording.py, by datatype).
    "report.value.a.date": {"en": "a date", "zh": "日期"},
    "report.value.a.date_time": {"en": "a date and time", "zh": "日期时间"},
    "report.value.a.year": {"en": "a year", "zh": "年份"},
    "report.value.a.year_month": {"en": "a year and month", "zh": "年月"},
    "report.value.a.integer": {"en": "a whole number", "zh": "整数"},
    "report.value.a.number": {"en": "a number", "zh": "数字"},
    "report.value.a.text": {"en": "text", "zh": "文本"},
    "report.value.a.boolean": {"en": "a yes/no value", "zh": "“是/否”值"},
    "report.value.a.other": {"en": "a “{name}” value", "zh": "“{name}”类型的值"},
    # …and as it is asked for, the way people write one (the hints say them alike).
    "report.value.asked.date": {"en": "a year-month-day date (e.g. 2021-06-30)",
                                "zh": "年-月-日形式的日期（如 2021-06-30）"},
    "report.value.asked.year": {"en": "a year typed as a year", "zh": "标明年份类型的年份"},
    # …and as its text is written where a value of the kind was not valid (9.2.3: "2024年").
    "report.value.well_formed.year": {"en": "a year in digits (e.g. 2021)",
                                      "zh": "阿拉伯数字年份（如 2021）"},
    "report.value.asked.integer": {"en": "a whole number (e.g. 1)", "zh": "整数（如 1）"},
    "report.value.asked.number": {"en": "a number (e.g. 72.5)", "zh": "数字（如 72.5）"},
    # Languages a text is asked in (sh:languageIn), by tag; another tag as it is.
    "report.value.language.zh": {"en": "Chinese", "zh": "中文"},
    "report.value.language.en": {"en": "English", "zh": "英文"},
    "report.value.language.other": {"en": "the language “{tag}”", "zh": "语言“{tag}”"},
}
