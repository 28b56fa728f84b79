"""User-facing strings in Chinese and English: every key exists in both languages.

Error messages live beside them in checker/error_messages/; all are read as one catalogue.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from .error_messages import AREAS as ERROR_AREAS
from .pattern_words import MESSAGES as PATTERN_WORDS
from .report_words import MESSAGES as REPORT_WORDS
from .rules_show_words import MESSAGES as RULES_SHOW_WORDS

Lang = Literal["en", "zh"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "en"

_MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "ontology.heading": {
        "en": "Ontology: {files} files",
        "zh": "本体：{files} 个文件",
    },
    "token.created": {
        "en": "id {id}, role {role}, stored hashed in {path}; this is the only time the token "
              "is shown",
        "zh": "编号 {id}，角色 {role}，仅以哈希值存于 {path}；令牌仅显示这一次",
    },
    "token.revoked": {"en": "revoked {id}", "zh": "已吊销 {id}"},
    "token.list.header": {"en": "id\trole\tcreated\tlabel", "zh": "编号\t角色\t创建时间\t用途说明"},
    "token.list.none": {"en": "no tokens in {path}; make one with bcic token create --role ROLE",
                        "zh": "{path} 中没有令牌；请用 bcic token create --role ROLE 创建"},
    "format.guessed": {"en": "{label} (guessed from content)", "zh": "{label}（根据内容推断）"},
    "serve.listening": {
        "en": "bcic serving {url} (SPARQL: /sparql, API: /api/docs)",
        "zh": "bcic 服务地址 {url}（SPARQL：/sparql，API：/api/docs）",
    },
    "serve.health_port": {
        "en": "/healthz also on port {port}, with a thread of its own (for readiness checks)",
        "zh": "/healthz 另在端口 {port} 应答，使用独立线程（供就绪检查）",
    },
    "serve.public_url": {
        "en": "people reach it at {url} (BCIC_PUBLIC_URL)",
        "zh": "用户经由 {url} 访问（BCIC_PUBLIC_URL）",
    },
    "serve.stopping": {
        "en": "stopping: new connections are refused; requests already received have up to "
              "{seconds} s to finish (a second Ctrl-C or SIGTERM stops at once)",
        "zh": "正在停止：不再接受新连接；已收到的请求最多还有 {seconds} 秒完成（再按一次 Ctrl-C "
              "或再发一次 SIGTERM 立即停止）",
    },
    "serve.stopped": {"en": "stopped; every request received was answered",
                      "zh": "已停止；已收到的请求均已应答"},
    "serve.stopped_unfinished": {
        "en": "stopped after {seconds} s with {n} request(s) unanswered",
        "zh": "已在 {seconds} 秒后停止，仍有 {n} 个请求未应答",
    },
    "query.truncated.one": {
        "en": "Warning: the endpoint cut the answer short (it sent {n} row and says there "
              "are more); narrow the query or page through it with LIMIT and OFFSET",
        "zh": "警告：端点截断了结果（只返回 {n} 行，实际更多）；请缩小查询范围，或用 LIMIT 与 "
              "OFFSET 分页获取",
    },
    "query.truncated.other": {
        "en": "Warning: the endpoint cut the answer short (it sent {n} rows and says there "
              "are more); narrow the query or page through it with LIMIT and OFFSET",
        "zh": "警告：端点截断了结果（只返回 {n} 行，实际更多）；请缩小查询范围，或用 LIMIT 与 "
              "OFFSET 分页获取",
    },
    "table.cells_cut": {
        "en": "(a cell longer than {chars} characters is cut, ending in …; the stored value is "
              "whole)",
        "zh": "（超过 {chars} 个字符的单元格已截断，以 … 结尾；存储的值完整无缺）",
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
    "reasoner.heading": {"en": "Reasoner: {reasoner}", "zh": "推理机：{reasoner}"},
    "reasoner.module": {
        "en": "the document the ontology IRI serves ({iri}), {seconds:.1f} s",
        "zh": "本体 IRI 提供的文档（{iri}），用时 {seconds:.1f} 秒",
    },
    "reasoner.whole": {
        "en": "it with the requirement catalogue and the indicator scheme ({files} files), "
              "{seconds:.1f} s",
        "zh": "该文档连同要求目录与指标体系（{files} 个文件），用时 {seconds:.1f} 秒",
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
    "rules.proving": {"en": "Proving fixtures", "zh": "正在验证正反例"},
    "rules.shapes": {"en": "{n} shape(s)", "zh": "{n} 个形状"},
    "rules.manual": {"en": "manual review", "zh": "人工评审"},
    "rules.items": {"en": "through items {items}", "zh": "由列项 {items} 判定"},
    "rules.gap_mark": {"en": "GAP", "zh": "缺口"},
    "rules.manual_only": {"en": "MANUAL REVIEW ONLY", "zh": "仅人工评审"},
    "rules.summary": {
        "en": "{requirements} requirements, {shapes} shapes, {gaps} gap(s), "
              "{manual_only} shall-level requirement(s) checked by manual review only",
        "zh": "要求 {requirements} 条，形状 {shapes} 个，缺口 {gaps} 处，仅靠人工评审的“应”级要求 {manual_only} 条",
    },
    "rules.gap.unchecked": {
        "en": "gap: {id}: a shall-level provision nothing checks (no shape, no review prompt, no "
              "shall-level item), so it is never met: give it a shape or a review prompt",
        "zh": "缺口：{id}：没有任何检查的“应”级规定（无形状、无人工评审提示、无“应”级列项），因而永远不会被判定为满足："
              "请为其编写形状或人工评审提示"},
    "rules.gap.no_fixture": {
        "en": "gap: {id}: shape {shape} has no fixture: no rule of checker/fixtures.py can make "
              "its non-conforming twin from the shape's structure",
        "zh": "缺口：{id}：形状 {shape} 没有正反例：checker/fixtures.py 中没有规则能按该形状的结构生成不符合的反例"},
    # `--prove`: fixture pairs that prove nothing are proof failures, not gaps of the rulebook.
    "rules.proof.summary": {
        "en": "fixture proof: {proven} of {shapes} shape(s) proven; {failed} proof failure(s) "
              "({base} on the conforming base, {pairs} fixture pair(s)), not counted as gaps",
        "zh": "正反例验证：{shapes} 个形状中已验证 {proven} 个；验证失败 {failed} 处（合规基准数据 {base} 处，"
              "正反例 {pairs} 处），不计入缺口"},
    "rules.proof.base": {
        "en": "proof failed: the conforming base (the data `bcic generate --gaps 0` makes) fails "
              "shape {shape} under {id}: “{finding}”. The generator (checker/synthetic) must be "
              "taught the rule: make it write what the shape asks",
        "zh": "验证失败：合规基准数据（`bcic generate --gaps 0` 生成的数据）未通过条款 {id} 的形状 {shape}："
              "“{finding}”。须让生成器（checker/synthetic）学会这条规则：使其写出该形状所要求的内容"},
    "rules.proof.base_unmet": {
        "en": "proof failed: the conforming base (the data `bcic generate --gaps 0` makes) leaves "
              "{id} not met, with no result of a shape of its own. The generator "
              "(checker/synthetic) must be taught the rule",
        "zh": "验证失败：合规基准数据（`bcic generate --gaps 0` 生成的数据）未满足条款 {id}，且该条款自身的形状"
              "未报告任何结果。须让生成器（checker/synthetic）学会这条规则"},
    "rules.proof.unchanged": {
        "en": "proof failed: shape {shape} under {id}: its twin is the conforming base itself: the "
              "fixture ({kind}) found nothing in the base to take away, so the base lacks what "
              "the shape looks at; the generator (checker/synthetic) must write it",
        "zh": "验证失败：条款 {id} 的形状 {shape}：其反例与合规基准数据完全相同：正反例规则（{kind}）在基准数据中找不到可删去的内容，"
              "即基准数据缺少该形状所检查的内容；须让生成器（checker/synthetic）写出它"},
    "rules.proof.silent": {
        "en": "proof failed: shape {shape} under {id}: its twin (the conforming base changed by the "
              "fixture {kind}) did not fail it: the fixture takes away something the shape does "
              "not need; fix the shape or the fixture rule (checker/fixtures.py)",
        "zh": "验证失败：条款 {id} 的形状 {shape}：其反例（按正反例规则 {kind} 修改后的合规基准数据）并未违反该形状："
              "正反例删去的并非该形状所需的内容；请修正该形状或正反例规则（checker/fixtures.py）"},
    "rules.proof.status": {
        "en": "proof failed: shape {shape} under {id}: it reported on its twin, but the twin's report "
              "does not give {id} the status of a provision missing (not met; a may-level one: "
              "not used)",
        "zh": "验证失败：条款 {id} 的形状 {shape}：该形状在反例上报告了结果，但反例的报告未将 {id} 判为缺失时应有的状态"
              "（未满足；“可”级规定为未采用）"},
    "rules.proof.severity": {
        "en": "proof failed: shape {shape} under {id}: it reported on its twin with another severity "
              "than the provision's level asks (shall: violation, should: warning, may: info); "
              "fix its sh:severity",
        "zh": "验证失败：条款 {id} 的形状 {shape}：该形状在反例上报告的严重程度与条款级别不符（应：违规，宜：警告，可：提示）；"
              "请修正其 sh:severity"},
    "rules.problem": {"en": "error: {where}: {what}", "zh": "错误：{where}：{what}"},
    "rules.problem.at": {"en": "{subject} ({place})", "zh": "{subject}（{place}）"},
    "rules.problem.did_you_mean": {"en": "; did you mean {term}?", "zh": "；是否应为 {term}？"},
    "rules.problem.unknown_requirement": {
        "en": "bcic:checksRequirement names {term}, which is not in the catalogue",
        "zh": "bcic:checksRequirement 指向的 {term} 不在要求目录中",
    },
    "rules.problem.section_requirement": {
        "en": "bcic:checksRequirement names {term}, a section of the standard, not a provision: "
              "name the provision the shape checks (the section's: {provisions})",
        "zh": "bcic:checksRequirement 指向的 {term} 是标准的章节，不是规定：应指向该形状所检查的规定"
              "（该章节下的规定：{provisions}）",
    },
    "rules.problem.no_provisions": {"en": "none", "zh": "无"},
    "rules.problem.unlinked_shape": {
        "en": "a shape with a target or a severity names no requirement (bcic:checksRequirement): "
              "reports drop its results",
        "zh": "该形状有目标或严重程度，却未以 bcic:checksRequirement 指明其检查的要求：报告会丢弃其结果",
    },
    "rules.problem.unknown_term": {
        "en": "{term} ({use}) is not a term of the ontology or the catalogue",
        "zh": "{term}（{use}）不是本体或要求目录中的术语",
    },
    "rules.problem.no_message": {
        "en": "not exactly one sh:message tagged {languages} (its messages are tagged: {found}): "
              "a checking shape has one tagged zh and one tagged en",
        "zh": "标记为 {languages} 的 sh:message 不是恰好一条（其消息的语言标记：{found}）："
              "检查形状应有一条标记为 zh、一条标记为 en 的消息",
    },
    "rules.problem.message_clause": {
        "en": "its sh:message in {lang} does not cite clause {clause}",
        "zh": "其 {lang} 的 sh:message 未引用条款 {clause}",
    },
    "rules.problem.severity": {
        "en": "severity {severity}, but {requirement} is {level}-level: {expected} expected",
        "zh": "严重程度为 {severity}，但 {requirement} 的级别为 {level}：应为 {expected}",
    },
    "rules.problem.unlabelled_term": {
        "en": "{term} ({use}) is named in no language of {languages} by the ontology or the "
              "reused terms bcic names: no such term is known, so every submission would lack it",
        "zh": "{term}（{use}）在本体和 bcic 所命名的复用术语中都没有 {languages} 的名称：这不是已知的术语，"
              "任何提交都会缺少它",
    },
    "rules.problem.reused_label": {
        "en": "{term} ({use}) is a term of {vocabulary}, but neither the ontology nor the reused "
              "terms bcic names give it a name in {languages}: reports and hints could not name "
              "it; give it an rdfs:label in zh and in en in ontology/bcic.ttl",
        "zh": "{term}（{use}）是 {vocabulary} 的术语，但本体和 bcic 所命名的复用术语都没有给它 {languages} 的"
              "名称：报告和提示无法称呼它；请在 ontology/bcic.ttl 中为它加上中文和英文的 rdfs:label",
    },
    "rules.problem.reused_unknown": {
        "en": "{term} ({use}) is no term of {vocabulary}, whatever names the ontology gives it: "
              "every submission would lack it",
        "zh": "{term}（{use}）不是 {vocabulary} 的术语，本体为它起的名称不能改变这一点：任何提交都会缺少它",
    },
    "rules.problem.datatype": {
        "en": "sh:datatype {term} is no datatype RDF knows (those of XML Schema, rdf:langString, "
              "rdf:HTML, rdf:XMLLiteral): every value would fail it",
        "zh": "sh:datatype {term} 不是 RDF 已知的数据类型（XML Schema 的数据类型、rdf:langString、"
              "rdf:HTML、rdf:XMLLiteral）：任何取值都不会符合",
    },
    "rules.problem.empty_path": {
        "en": "{property} is an empty list (rdf:nil): a path walks one property at least, and "
              "this one would ask every submission for rdf:nil",
        "zh": "{property} 是空列表（rdf:nil）：路径至少应经过一个属性，否则任何提交都会被要求具有 rdf:nil",
    },
    "rules.problem.sparql": {
        "en": "its SPARQL query ({property}) does not parse, so every validation would fail: "
              "{error}",
        "zh": "其 SPARQL 查询（{property}）无法解析，任何验证都会失败：{error}",
    },
    "rules.problem.sparql_clause": {
        "en": "its SPARQL query ({property}) uses {clauses}, which a SPARQL constraint must not "
              "(SHACL 1.0, 5.3.1, pre-binding), so every validation would fail",
        "zh": "其 SPARQL 查询（{property}）使用了 {clauses}，而 SPARQL 约束不得使用"
              "（SHACL 1.0 第 5.3.1 节，预绑定），任何验证都会失败",
    },
    "error.rules_dir.missing": {
        "en": "{setting} names {folder}, which lacks {missing}: it should hold a copy of the "
              "project's ontology/ and shapes/ folders (a draft of the rules); unset it to read "
              "the project's own",
        "zh": "{setting} 指向 {folder}，但其中缺少 {missing}：该文件夹应包含本项目 ontology/ 和 shapes/ "
              "两个文件夹的副本（规则草稿）；取消该设置即读取本项目自带的规则文件",
    },
    "rules.problem.shacl_term": {
        "en": "{term} is no term of SHACL (W3C SHACL 1.0): the engine passes over it, so what it "
              "was written to ask is never asked, without a word",
        "zh": "{term} 不是 SHACL（W3C SHACL 1.0）的术语：验证引擎会忽略它，它本应提出的要求在无任何提示的情况下从未被检查",
    },
    "rules.problem.shacl_term.value": {
        "en": "{term} is no term of SHACL (W3C SHACL 1.0): the engine knows no such class or "
              "value, so the statement that names it says nothing to it",
        "zh": "{term} 不是 SHACL（W3C SHACL 1.0）的术语：验证引擎不认识这一类或取值，写有它的陈述对引擎不起作用",
    },
    "rules.problem.not_run": {
        "en": "{term} belongs to {extension}, which this checker's SHACL engine does not run: "
              "what it asks is never asked; write it with SHACL Core's constraints or a SPARQL "
              "constraint (sh:sparql)",
        "zh": "{term} 属于{extension}，本检查器的 SHACL 验证引擎不运行它：它提出的要求从未被检查；"
              "请改用 SHACL Core 的约束或 SPARQL 约束（sh:sparql）表达",
    },
    "rules.problem.extension.js": {"en": "SHACL-JS (JavaScript extensions)",
                                   "zh": " SHACL-JS（JavaScript 扩展）"},
    "rules.problem.extension.advanced": {
        "en": "SHACL Advanced Features (rules, custom targets, node expressions)",
        "zh": " SHACL 高级特性（规则、自定义目标、节点表达式）"},
    "rules.problem.parameter_value": {
        "en": "{property} {value}: SHACL takes {takes}; {effect}",
        "zh": "{property} {value}：SHACL 要求{takes}；{effect}",
    },
    "rules.problem.effect.refused": {
        "en": "the SHACL engine refuses the shape only while validating, so every validation "
              "would fail with an error that names no file or line",
        "zh": "SHACL 验证引擎直到验证时才拒绝该形状，任何验证都会失败，而其错误不指明文件和行"},
    "rules.problem.effect.fails_all": {
        "en": "no value can meet it, so every submission would fail the check",
        "zh": "没有任何取值能满足它，任何提交都会不满足该检查"},
    "rules.problem.effect.asks_nothing": {
        "en": "the engine reads it as a shape that asks nothing, so the check is met without a "
              "word",
        "zh": "验证引擎会把它读作不作任何要求的形状，该检查会在无任何提示的情况下判为满足"},
    "rules.problem.effect.no_property": {
        "en": "it names a property, whose values must differ from the node's; the engine "
              "compares them with those of no property, so none is shared and it asks nothing",
        "zh": "它应指明一个属性，其取值须与该节点的取值不同；验证引擎会与一个不存在的属性的取值相比较，"
              "不会有相同的取值，因而不作任何要求"},
    "rules.problem.effect.fails_every_node": {
        "en": "on a node shape the value compared is the focus node itself, and the engine "
              "compares it with the values of no property, so every focus node would fail the "
              "check, those with no value too",
        "zh": "在节点形状上，被比较的取值就是焦点节点本身，验证引擎会把它与一个不存在的属性的取值相比较，"
              "因此每个焦点节点（包括没有取值的）都会不满足该检查"},
    "rules.problem.effect.fails_valued": {
        "en": "the engine compares the values with those of no property, so every node with a "
              "value would fail the check",
        "zh": "验证引擎会把取值与一个不存在的属性的取值相比较，任何有取值的节点都会不满足该检查"},
    "rules.problem.effect.reads_otherwise": {
        "en": "Python reads it as another pattern, so values would be matched otherwise than "
              "written, without a word",
        "zh": "Python 会把它读作另一个模式，取值会在无任何提示的情况下按与所写不同的模式匹配"},
    "rules.problem.effect.truthy": {
        "en": "the engine takes the truth of its value as Python sees it, so any text, "
              "\"false\" too, counts as true",
        "zh": "验证引擎按 Python 的真值读取它，任何文本（包括 \"false\"）都算作 true"},
    "rules.problem.effect.read_false": {
        "en": "the engine reads anything but a boolean as false, without a word",
        "zh": "验证引擎会把布尔值以外的任何取值无提示地读作 false"},
    "rules.problem.effect.dropped": {
        "en": "the engine drops the other letters without a word, so the pattern would be "
              "matched without them",
        "zh": "验证引擎会无提示地忽略其他字母，模式匹配时不会应用它们"},
    "rules.problem.effect.lowered": {
        "en": "this engine applies it as its lower case, which XPath's flags are; another SHACL "
              "engine would refuse it",
        "zh": "本验证引擎会按其小写字母应用（XPath 的标志均为小写）；其他 SHACL 验证引擎会拒绝它"},
    "rules.problem.effect.one_of": {
        "en": "the engine applies one of them, which one is not said",
        "zh": "验证引擎只应用其中一个，且不说明是哪一个"},
    "rules.problem.takes.count": {
        "en": "a non-negative xsd:integer there, such as 1 (not \"1\", not -1)",
        "zh": "非负的 xsd:integer 整数，如 1（不能写作 \"1\" 或 -1）"},
    "rules.problem.takes.bound": {"en": "a literal of its datatype there (\"2020\"^^xsd:gYear, 0)",
                                  "zh": "符合其数据类型的字面量（如 \"2020\"^^xsd:gYear、0）"},
    "rules.problem.takes.boolean": {"en": "true or false there", "zh": " true 或 false"},
    "rules.problem.takes.iri": {"en": "an IRI there, written without quotes ({iri})",
                                "zh": " IRI，不加引号（{iri}）"},
    "rules.problem.takes.node_kind": {
        "en": "one of sh:IRI, sh:BlankNode, sh:Literal, sh:BlankNodeOrIRI, sh:BlankNodeOrLiteral, "
              "sh:IRIOrLiteral there",
        "zh": " sh:IRI、sh:BlankNode、sh:Literal、sh:BlankNodeOrIRI、sh:BlankNodeOrLiteral、"
              "sh:IRIOrLiteral 之一"},
    "rules.problem.takes.flags": {
        "en": "the flags of XPath's fn:matches there, of which this engine applies i and m",
        "zh": " XPath fn:matches 的标志，本验证引擎只应用其中的 i 和 m"},
    "rules.problem.takes.pattern": {
        "en": "a regular expression there, which this engine reads with Python's re, lacking "
              "some of XPath's syntax such as \\p{{Lu}} (Python says: {detail})",
        "zh": "正则表达式，本验证引擎以 Python 的 re 读取，不支持 XPath 的部分语法，如 \\p{{Lu}}"
              "（Python 的原文：{detail}）"},
    "rules.problem.takes.pattern_subtraction": {
        "en": "a regular expression there, which this engine reads with Python's re, where "
              "XPath's character-class subtraction ({detail}) subtracts nothing: the class takes "
              "“-” and “[” as characters, and the “]” closing the subtraction is one to match",
        "zh": "正则表达式，本验证引擎以 Python 的 re 读取，其中 XPath 的字符类减法（{detail}）不作减法："
              "字符类把“-”和“[”当作字符，结束减法的“]”则成为要匹配的字符"},
    "rules.problem.takes.pattern_escape": {
        "en": "a regular expression there, which this engine reads with Python's re, lacking "
              "XPath's {detail} (Unicode blocks such as \\p{{IsBasicLatin}}, categories, the "
              "name characters \\i and \\c), so it cannot compile it",
        "zh": "正则表达式，本验证引擎以 Python 的 re 读取，不支持 XPath 的 {detail}（如 Unicode 区块 "
              "\\p{{IsBasicLatin}}、字符类别、名称字符 \\i 和 \\c），无法编译它"},
    "rules.problem.takes.pattern_literal": {"en": "a string literal there, the regular expression",
                                            "zh": "字符串字面量形式的正则表达式"},
    "rules.problem.takes.languages": {
        "en": "a list of language tags as plain strings there ((\"zh\" \"en\"))",
        "zh": "由纯字符串形式的语言标签组成的列表（如 (\"zh\" \"en\")）"},
    "rules.problem.takes.list": {"en": "a list of the values allowed there (( bcic:A bcic:B ))",
                                 "zh": "所允许取值的列表（如 ( bcic:A bcic:B )）"},
    "rules.problem.takes.single": {"en": "one value on a shape", "zh": "每个形状只有一个取值"},
    "rules.problem.takes.on_property_shape": {
        "en": "it on property shapes only, those with an sh:path",
        "zh": "它只用于属性形状（具有 sh:path 的形状）"},
    "rules.problem.takes.with_qualified_shape": {
        "en": "it only beside an sh:qualifiedValueShape, the shape the values it counts meet",
        "zh": "它只能与 sh:qualifiedValueShape（所计数的取值须满足的形状）同时使用"},
    "rules.problem.takes.on_closed_shape": {
        "en": "it only on a shape with sh:closed",
        "zh": "它只用于具有 sh:closed 的形状"},
    "rules.problem.contradiction": {
        "en": "{low} is above {high}: no node can meet both, so every submission would fail the "
              "check",
        "zh": "{low} 大于 {high}：没有任何节点能同时满足两者，任何提交都会不满足该检查",
    },
    "rules.problem.contradiction.exclusive": {
        "en": "no value lies between {low} and {high}, so every submission would fail the check",
        "zh": "{low} 与 {high} 之间没有任何取值，任何提交都会不满足该检查",
    },
    "rules.problem.duplicate_shape": {
        "en": "the shape is defined twice or more, at {places}: its statements would be merged "
              "into one shape",
        "zh": "该形状被重复定义（{places}）：各处的陈述会合并成同一个形状",
    },
    # undefined_shape, worded by the parameter that names the shape (RuleProblem.wording).
    "rules.problem.undefined_shape.named": {
        "en": "{property} names {term}, a shape the shapes files define nowhere: SHACL reads it "
              "as a shape that asks nothing, which every value meets, so the check is met "
              "without a word",
        "zh": "{property} 指向的 {term} 在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，任何取值都符合，"
              "该检查会在无任何提示的情况下判为满足",
    },
    "rules.problem.undefined_shape.qualified": {
        "en": "sh:qualifiedValueShape names {term}, a shape the shapes files define nowhere: "
              "SHACL reads it as a shape that asks nothing, which every value meets, so every "
              "value counts towards its sh:qualifiedMinCount and sh:qualifiedMaxCount without a "
              "word",
        "zh": "sh:qualifiedValueShape 指向的 {term} 在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，"
              "任何取值都符合，因此每个取值都会在无任何提示的情况下计入其 sh:qualifiedMinCount 和 "
              "sh:qualifiedMaxCount",
    },
    "rules.problem.undefined_shape.not": {
        "en": "sh:not names {term}, a shape the shapes files define nowhere: SHACL reads it as a "
              "shape that asks nothing, which every value meets, so sh:not fails every value "
              "without a word",
        "zh": "sh:not 指向的 {term} 在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，任何取值都符合，"
              "因此 sh:not 会在无任何提示的情况下判任何取值都不符合",
    },
    "rules.problem.undefined_shape.or": {
        "en": "a member of sh:or names {term}, a shape the shapes files define nowhere: SHACL "
              "reads it as a shape that asks nothing, which every value meets, so the whole "
              "sh:or is met by every value without a word",
        "zh": "sh:or 的成员 {term} 在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，任何取值都符合，"
              "因此整个 sh:or 会在无任何提示的情况下对任何取值都判为满足",
    },
    "rules.problem.undefined_shape.and": {
        "en": "a member of sh:and names {term}, a shape the shapes files define nowhere: SHACL "
              "reads it as a shape that asks nothing, which every value meets, so sh:and asks "
              "only what its other members ask, without a word",
        "zh": "sh:and 的成员 {term} 在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，任何取值都符合，"
              "因此 sh:and 会在无任何提示的情况下只要求其他成员所要求的内容",
    },
    "rules.problem.undefined_shape.xone": {
        "en": "a member of sh:xone names {term}, a shape the shapes files define nowhere: SHACL "
              "reads it as a shape that asks nothing, which every value meets, so sh:xone fails "
              "every value that meets another of its members, and is met by every other value, "
              "without a word",
        "zh": "sh:xone 的成员 {term} 在形状文件中没有定义：SHACL 会把它读作不作任何要求的形状，任何取值都符合，"
              "因此 sh:xone 会在无任何提示的情况下判符合其另一成员的取值不符合、其余取值都符合",
    },
    "rules.problem.zero_min_count": {
        "en": "sh:minCount 0 asks nothing (every node has 0 values at least): write sh:minCount 1 "
              "if a value is required, or delete it",
        "zh": "sh:minCount 0 不作任何要求（任何节点都至少有 0 个取值）：若要求有取值，应写 sh:minCount 1，"
              "否则删去",
    },
    "rules.problem.zero_qualified_min_count": {
        "en": "sh:qualifiedMinCount 0 without sh:qualifiedMaxCount asks nothing (every node has "
              "0 values at least that conform to its sh:qualifiedValueShape): write "
              "sh:qualifiedMinCount 1 if such a value is required, or delete it",
        "zh": "sh:qualifiedMinCount 0 而无 sh:qualifiedMaxCount 不作任何要求（任何节点都至少有 0 个符合其 "
              "sh:qualifiedValueShape 的取值）：若要求有这样的取值，应写 sh:qualifiedMinCount 1，否则删去",
    },
    "rules.problem.orphan_shape": {
        "en": "a shape with constraints that checks no provision (no bcic:checksRequirement) and "
              "that no shape checking one uses, however deep: it checks nothing; link it to "
              "the provision it was written for, or delete it",
        "zh": "该形状有约束，却既未以 bcic:checksRequirement 指明所检查的规定，也没有任何检查规定的形状（无论经过几层）引用它：它不检查任何内容；"
              "请将它链接到为之编写的规定，或删去它",
    },
    "rules.problem.two_requirements": {
        "en": "bcic:checksRequirement names {n} provisions ({provisions}): a shape checks one, "
              "and its results would count for one of them only",
        "zh": "bcic:checksRequirement 指向 {n} 条规定（{provisions}）：一个形状只检查一条规定，"
              "其结果只会计入其中一条",
    },
    "rules.problem.duplicate_message": {
        "en": "{n} sh:message tagged {lang}, where a shape has one: a report shows one of them "
              "only: {messages}",
        "zh": "有 {n} 条标记为 {lang} 的 sh:message，而一个形状只应有一条：报告只显示其中一条：{messages}",
    },
    "rules.problem.level": {
        "en": "{n} normative level(s) ({values}): a provision has exactly one bcic:normativeLevel, "
              "bcic:Shall, bcic:Should, bcic:May or bcic:Informative (one without any of them is "
              "in no report and no row of the coverage)",
        "zh": "有 {n} 个规范级别（{values}）：每条规定应恰有一个 bcic:normativeLevel，为 bcic:Shall、"
              "bcic:Should、bcic:May 或 bcic:Informative（不具其一的规定不会出现在任何报告和覆盖矩阵中）",
    },
    "rules.problem.layer": {
        "en": "{n} layer(s) ({values}): a provision has exactly one bcic:layer of Figure 0.1, "
              "bcic:DriverLayer, bcic:ProcessLayer or bcic:ResultLayer (one without is in no report "
              "and no row of the coverage)",
        "zh": "有 {n} 个层级（{values}）：每条规定应恰有一个图 0.1 的 bcic:layer，为 bcic:DriverLayer、"
              "bcic:ProcessLayer 或 bcic:ResultLayer（不具其一的规定不会出现在任何报告和覆盖矩阵中）",
    },
    "rules.problem.chapter": {
        "en": "{n} chapter number(s) ({values}): a provision has exactly one bcic:chapter, a whole "
              "number such as 8 (one without is in no report and no row of the coverage)",
        "zh": "有 {n} 个章号（{values}）：每条规定应恰有一个 bcic:chapter，为整数（如 8）"
              "（不具此项的规定不会出现在任何报告和覆盖矩阵中）",
    },
    "rules.problem.wrong_chapter": {
        "en": "bcic:chapter {chapter}, but clause {clause} is in chapter {expected}: reports and "
              "the coverage would file it under another chapter",
        "zh": "bcic:chapter 为 {chapter}，但条款 {clause} 属于第 {expected} 章：报告和覆盖矩阵会把它归入其他章",
    },
    "rules.problem.orphan_prompt": {
        "en": "a review prompt (bcic:reviewPrompt) for {term}, which is not a provision of the "
              "catalogue: no report shows it, and the provision meant would lose its review",
        "zh": "人工评审提示（bcic:reviewPrompt）所属的 {term} 不是要求目录中的规定：任何报告都不会显示它，"
              "原本要评审的规定也会失去人工评审",
    },
    "rules.problem.prompt_language": {
        "en": "not exactly one review prompt tagged {languages} (its prompts are tagged: {found}): "
              "a provision's prompt is written once in zh and once in en",
        "zh": "标记为 {languages} 的人工评审提示不是恰好一条（其提示的语言标记：{found}）："
              "每条规定的提示应有中文（zh）和英文（en）各一条",
    },
    "rules.problem.term_label": {
        "en": "not exactly one rdfs:label tagged {languages} (its labels are tagged: {found}): "
              "reports name each term of the ontology by its zh or en label",
        "zh": "标记为 {languages} 的 rdfs:label 不是恰好一条（其名称的语言标记：{found}）："
              "报告以中文或英文名称称呼本体的每个术语",
    },
    "rules.problem.version": {
        "en": "{property} says {found}, but the program is version {expected}: the two name one "
              "release and must be equal",
        "zh": "{property} 为 {found}，但程序版本为 {expected}：两者指同一发布版本，应当一致",
    },
    "rules.problem.bad_id": {
        "en": "the provision id {id} has no form the standard's notation shows (4.2.1-a, 5.3-1, "
              "9.1.4-a-1, 6.1.2.2-may)",
        "zh": "规定编号 {id} 不是标准编号法能表示的形式（4.2.1-a、5.3-1、9.1.4-a-1、6.1.2.2-may）",
    },
    "rules.reloaded": {
        "en": "Rule graphs reloaded: rulebook {version} (digest {digest}), {requirements} "
              "requirements, {shapes} shapes",
        "zh": "规则图已重新加载：规则库 {version}（摘要 {digest}），要求 {requirements} 条，形状 {shapes} 个",
    },
    "rules.identity": {"en": "Rulebook {version}, digest {digest}",
                       "zh": "规则库 {version}，摘要 {digest}"},
    "rules.digest": {
        "en": "SHA-256 of its {files} rule files (ontology/, shapes/): {digest}",
        "zh": "其 {files} 个规则文件（ontology/、shapes/）的 SHA-256：{digest}",
    },
    "batch.progress": {"en": "Validating", "zh": "正在验证"},
    "batch.validated": {
        "en": "{source}: {verdict}, conformance rate {rate} — report {report}",
        "zh": "{source}：{verdict}，符合率 {rate} —— 报告 {report}",
    },
    "batch.unreadable": {"en": "not validated: {error}", "zh": "未能验证：{error}"},
    "batch.total.one": {
        "en": "{n} file: {conforming} with no gap found, {gaps} with gaps, {unreadable} not "
              "validated (bad input)",
        "zh": "共 {n} 个文件：{conforming} 个未发现差距，{gaps} 个有差距，{unreadable} 个未能验证（输入有误）",
    },
    "batch.total.other": {
        "en": "{n} files: {conforming} with no gap found, {gaps} with gaps, {unreadable} not "
              "validated (bad input)",
        "zh": "共 {n} 个文件：{conforming} 个未发现差距，{gaps} 个有差距，{unreadable} 个未能验证（输入有误）",
    },
    "error.checker": {"en": "Error: {message}", "zh": "错误：{message}"},
    "error.internal": {
        "en": "Internal error: {message}",
        "zh": "内部错误：{message}",
    },
    # Errors made with CheckerError.of (checker/errors.py): what the user gave is wrong.
    "error.several_clusters": {
        "en": "the submission describes several clusters: {clusters}; submit each on its own",
        "zh": "提交材料描述了多个产业集群：{clusters}；请逐个集群分别提交",
    },
    "error.named_cluster": {"en": "“{label}” ({iri})", "zh": "“{label}”（{iri}）"},
    "error.no_cluster": {
        "en": "the submission names no cluster: add the industrial cluster it is about "
              "(<cluster> a bcic:IndustrialCluster, 3.1) and the cultivation body that "
              "cultivates it (<body> a bcic:CultivationBody ; bcic:cultivates <cluster>, 4.1)",
        "zh": "提交材料未指明产业集群：请写明其所述的产业集群（<cluster> a bcic:IndustrialCluster，3.1）"
              "及培育该产业集群的培育主体（<body> a bcic:CultivationBody ; bcic:cultivates <cluster>，4.1）",
    },
    "error.no_cluster.option": {
        "en": "{problem}, or name the cluster with --cluster",
        "zh": "{problem}，或用 --cluster 指明产业集群",
    },
    "error.cluster_mismatch": {
        "en": "the submission is about {named}, not {given}: --cluster names the cluster only of "
              "a submission that names none",
        "zh": "提交材料所述的产业集群是 {named}，而不是 {given}：--cluster 仅用于未指明产业集群的"
              "提交材料",
    },
    "error.cluster_relative": {
        "en": "the cluster IRI <{relative}> is relative: it resolves to {resolved}, a placeholder "
              "every submission shares, so unrelated clusters would be stored as one; give the "
              "cluster an absolute IRI, such as https://example.org/cluster/name",
        "zh": "产业集群的 IRI <{relative}> 是相对 IRI：它解析为所有提交材料共用的占位 IRI {resolved}，"
              "不相关的产业集群会被存为同一个；请为产业集群给出绝对 IRI，例如 "
              "https://example.org/cluster/name",
    },
    "error.cluster_iri": {
        "en": "the cluster cannot be stored under this IRI: {problem} (the named queries could "
              "never be asked about it)",
        "zh": "无法以该 IRI 存储产业集群：{problem}（命名查询永远无法查询它）",
    },
    "error.no_such_file": {"en": "{path}: no such file", "zh": "{path}：文件不存在"},
    "error.is_directory": {"en": "{path}: is a directory", "zh": "{path}：是目录，不是文件"},
    "error.file_twice": {
        "en": "{path} is given twice: each file counts once in a submission",
        "zh": "{path} 重复给出：每个文件在一份提交材料中只计一次",
    },
    "error.cannot_read": {
        "en": "{path}: cannot be read ({reason})",
        "zh": "{path}：无法读取（{reason}）",
    },
    "error.cannot_write": {
        "en": "{path}: cannot be written ({reason})",
        "zh": "{path}：无法写入（{reason}）",
    },
    "error.no_store": {"en": "there is no store at {path}", "zh": "{path} 处没有存储"},
    "error.store_among_other_files": {
        "en": "{path} holds other files and no store: a new store needs an empty or new "
              "directory, so the database files never mix with other files",
        "zh": "{path} 中有其他文件但没有存储：新存储须使用空目录或新目录，以免数据库文件与其他文件混在一起",
    },
    "error.store_location_empty": {
        "en": "the store location is empty: give a directory or a SPARQL endpoint URL",
        "zh": "存储位置为空：请给出目录或 SPARQL 端点 URL",
    },
    "error.store_is_a_file": {
        "en": "{path} is a file, not a store directory",
        "zh": "{path} 是文件，不是存储目录",
    },
    "error.endpoint_url": {
        "en": "{url} is not the http(s) URL of a SPARQL endpoint",
        "zh": "{url} 不是 SPARQL 端点的 http(s) URL",
    },
    # Conformance reports (checker/render/): headings, field names, verdicts, enum names.
    "report.title": {"en": "Conformance report", "zh": "符合性评价报告"},
    "report.standard": {
        "en": "GB/T 《品牌培育 产业集群》 (brand cultivation — industrial cluster), draft for comments",
        "zh": "GB/T 《品牌培育 产业集群》（征求意见稿）",
    },
    "report.field.cluster": {"en": "Cluster", "zh": "产业集群"},
    "report.rulebook_digest": {"en": "{version} (rule files' SHA-256 {digest})",
                               "zh": "{version}（规则文件 SHA-256 {digest}）"},
    "report.field.iri": {"en": "IRI", "zh": "IRI"},
    "report.field.revision": {"en": "Revision", "zh": "修订版"},
    "report.field.submitter": {"en": "Submitted by", "zh": "提交者"},
    "report.field.rechecked": {"en": "Checked again", "zh": "重新验证"},
    "report.field.files": {"en": "Files", "zh": "文件"},
    "report.field.triples": {"en": "Triples", "zh": "三元组"},
    "report.field.rulebook": {"en": "Rulebook", "zh": "规则库版本"},
    "report.field.created": {"en": "Created", "zh": "生成时间"},
    "report.field.verdict": {"en": "Verdict", "zh": "结论"},
    # A stored revision: the field's value, and what a printed page's running header says.
    "report.revision": {"en": "{number} (cluster key {key})",
                        "zh": "第 {number} 版（产业集群键 {key}）"},
    "report.revision.header": {"en": "Revision {number}", "zh": "第 {number} 版"},
    "report.labelled": {"en": "{label}: {value}", "zh": "{label}：{value}"},
    "report.no_cluster": {"en": "(no cluster found)", "zh": "（未找到产业集群）"},
    "report.no_name": {"en": "(no name given)", "zh": "（未给出名称）"},
    "report.none": {"en": "(none)", "zh": "（无）"},
    "report.verdict.conformant": {"en": "conformant", "zh": "符合"},
    "report.verdict.not_conformant": {"en": "not conformant", "zh": "不符合"},
    "report.verdict.conformant_detail": {
        "en": "Every applicable shall-level requirement is met.",
        "zh": "所有适用的“应”级要求均已满足。",
    },
    "report.verdict.not_conformant_detail": {
        "en": "{n} applicable shall-level requirement(s) not met.",
        "zh": "有 {n} 项适用的“应”级要求未满足。",
    },
    "report.verdict.no_gap_pending": {
        "en": "no gap found; {n} item(s) await an evaluator",
        "zh": "未发现差距，{n} 项待人工评审确认",
    },
    "report.verdict.no_gap_detail": {
        "en": "No applicable shall-level requirement is unmet; {n} must still be judged by an "
              "evaluator before conformance is confirmed.",
        "zh": "没有未满足的适用“应”级要求；尚有 {n} 项须经评价人员判定后方能确认符合。",
    },
    "report.verdict.also_pending": {
        "en": "{n} more await manual review.",
        "zh": "另有 {n} 项待人工评审。",
    },
    "report.verdict.manual_pending": {
        "en": "{n} item(s) of the manual-review checklist await the evaluator's judgement.",
        "zh": "人工评审清单中有 {n} 项待评价人员判定。",
    },
    "report.verdict.lead_ins_pending": {
        "en": "{n} lead-in provision(s) follow from their list items once these are judged.",
        "zh": "另有 {n} 项列项的引导条款随其列项的判定而定。",
    },
    "report.verdict.checklist_not_met": {
        "en": "{n} other checklist item(s) are already not met: record the missing evidence "
              "first, then ask for a judgement.",
        "zh": "清单中另有 {n} 项已判为不满足：须先补齐证据，再请评价人员判定。",
    },
    "report.verdict.have_ready": {
        "en": "Have the documents each awaiting checklist item names ready for the evaluator.",
        "zh": "请按人工评审清单各待判定项所列，备好证据文件供评价人员查阅。",
    },
    "report.verdict.judged_elsewhere": {
        "en": "Once the submission is stored, the evaluator records each judgement on its "
              "revision (bcic judge, or the form on the revision's report page); the report read "
              "back then counts it. The stored report itself stays the record of what the "
              "submitted data show.",
        "zh": "提交材料存储后，评价人员在该修订版上逐项记录判定（bcic judge，或修订版报告页上的表单），"
              "读回的报告即计入判定；已存储的报告本身仍是所提交数据所示情况的记录。",
    },
    "report.judgement.met": {"en": "judged met by {by} on {date}",
                             "zh": "评价人员判定满足（{by}，{date}）"},
    "report.judgement.not_met": {"en": "judged not met by {by} on {date}",
                                 "zh": "评价人员判定不满足（{by}，{date}）"},
    # Recorded through `bcic judge`: its name is given, not proven (decision 20).
    "report.judgement.met_cli": {
        "en": "judged met by {by} on {date}, recorded from the command line",
        "zh": "评价人员判定满足（{by}，{date}，经命令行记录）"},
    "report.judgement.not_met_cli": {
        "en": "judged not met by {by} on {date}, recorded from the command line",
        "zh": "评价人员判定不满足（{by}，{date}，经命令行记录）"},
    "report.judgement.unnamed": {"en": "an unnamed evaluator", "zh": "未署名"},
    "report.judgement.with_note": {"en": "{said}: {note}", "zh": "{said}：{note}"},
    # Before the judgement, where no one reads it as the end of its rationale.
    "report.judgement.superseded": {"en": "(superseded) {said}", "zh": "（已被取代）{said}"},
    "report.field.sign_off": {"en": "Signed off", "zh": "评价签署"},
    "report.sign_off.said": {
        "en": "Judged by {evaluators}; latest judgement {date}. {state}",
        "zh": "判定人：{evaluators}；最近一次判定于 {date}。{state}",
    },
    "report.sign_off.separator": {"en": "; ", "zh": "；"},
    "report.sign_off.evaluator.one": {"en": "{name} ({n} provision)", "zh": "{name}（{n} 项条款）"},
    "report.sign_off.evaluator.other": {"en": "{name} ({n} provisions)",
                                        "zh": "{name}（{n} 项条款）"},
    "report.sign_off.evaluator_cli.one": {
        "en": "{name} ({n} provision, recorded from the command line)",
        "zh": "{name}（{n} 项条款，经命令行记录）"},
    "report.sign_off.evaluator_cli.other": {
        "en": "{name} ({n} provisions, recorded from the command line)",
        "zh": "{name}（{n} 项条款，经命令行记录）"},
    "report.sign_off.final": {
        "en": "The report is final: no provision awaits an evaluator.",
        "zh": "报告为最终结论：已无条款待评价人员判定。"},
    "report.sign_off.awaiting.one": {
        "en": "The report is not final: {n} provision still awaits an evaluator.",
        "zh": "报告尚非最终结论：仍有 {n} 项条款待评价人员判定。"},
    "report.sign_off.awaiting.other": {
        "en": "The report is not final: {n} provisions still await an evaluator.",
        "zh": "报告尚非最终结论：仍有 {n} 项条款待评价人员判定。"},
    "report.sign_off.lead_ins.one": {
        "en": "{n} more lead-in provision follows from its list items once these are judged.",
        "zh": "另有 {n} 项列项的引导条款随其列项的判定而定。"},
    "report.sign_off.lead_ins.other": {
        "en": "{n} more lead-in provisions follow from their list items once these are judged.",
        "zh": "另有 {n} 项列项的引导条款随其列项的判定而定。"},
    "report.judgement.heading": {"en": "By the evaluator's judgement",
                                 "zh": "依评价人员判定"},
    "report.duties_set_aside": {
        "en": "No member of the cultivation body that cultivates this cluster holds the {roles}: "
              "the {n} duties of {clause} ({duties}) bind that role and are set aside as not "
              "applicable. 4.1 says the members generally include such bodies, not that every kind "
              "is present: the evaluator should confirm that the body rightly has none.",
        "zh": "培育本集群的培育主体没有担任{roles}的成员：{clause} 的 {n} 项职责（{duties}）约束该角色，记为不适用。"
              "4.1 说成员“一般包含”此类机构或企业，并非每类必有；评价人员应确认培育主体确实没有此类成员。",
    },
    # Why 4.2's duties are not set aside (checker/body_roles.py, docs/model.md decision 9).
    "report.duties_no_body": {
        "en": "No cultivation body that cultivates this cluster is declared (4.1): the duties of "
              "4.2 bind the roles of that body's members, so none is set aside as not applicable "
              "for want of a member of its role (that presupposes the body, docs/model.md "
              "decision 9). Each is checked for its evidence, and none can be met before the "
              "body, its members and their roles are recorded.",
        "zh": "未声明培育本集群的培育主体（4.1）：4.2 的职责约束该培育主体成员所担任的角色，因此不因缺少担任某角色的成员"
              "而记为不适用（此做法以培育主体存在为前提，见 docs/model.md 决定 9）。各项职责按其证据检查，"
              "在记录培育主体及其成员和角色之前均无法满足。",
    },
    "report.duties_undefined_role": {
        "en": "The membership of {member} in the cultivation body gives it the role {role}, "
              "which the ontology does not define: it may be a misspelt member role, so no duty "
              "of 4.2 is set aside as not applicable for want of a member of its role "
              "(docs/model.md, decision 9). Correct it to one of the roles of 4.1.",
        "zh": "{member}在培育主体中担任的角色为 {role}，本体未定义该角色：它可能是某一成员角色的误写，"
              "因此 4.2 的职责均不因缺少担任其角色的成员而记为不适用（docs/model.md 决定 9）。"
              "请将其更正为 4.1 所列角色之一。",
    },
    "report.duties_not_a_role": {
        "en": "The membership of {member} in the cultivation body gives it {role}, which is a "
              "term of the ontology but not a member role of 4.1: the member may hold one of "
              "those roles, so no duty of 4.2 is set aside as not applicable for want of a member "
              "of its role (docs/model.md, decision 9). Did you mean {nearest}? Correct it to one "
              "of the roles of 4.1.",
        "zh": "{member}在培育主体中担任的角色为 {role}，它是本体中的术语，但不是 4.1 所列的成员角色：该成员可能担任其中"
              "某一角色，因此 4.2 的职责均不因缺少担任其角色的成员而记为不适用（docs/model.md 决定 9）。"
              "是否应为{nearest}？请将其更正为 4.1 所列角色之一。",
    },
    "report.duties_role_as_text": {
        "en": "The membership of {member} in the cultivation body gives it its role as the text "
              "“{role}”, not as one of the member roles of 4.1 by its IRI: a text counts for no "
              "role, so no duty of 4.2 is set aside as not applicable for want of a member of its "
              "role (docs/model.md, decision 9). Give one of the roles of 4.1.",
        "zh": "{member}在培育主体中担任的角色以文本“{role}”给出，而不是以 IRI 指向 4.1 所列的成员角色："
              "文本不算作角色，因此 4.2 的职责均不因缺少担任其角色的成员而记为不适用（docs/model.md 决定 9）。"
              "请写明 4.1 所列角色之一。",
    },
    # …and the role the text names, or is nearest in spelling (4.1: "政府", "bcic:GovernmentRole").
    "report.duties_role_as_text_meant": {
        "en": "The membership of {member} in the cultivation body gives it its role as the text "
              "“{role}”, not as one of the member roles of 4.1 by its IRI: a text counts for no "
              "role, so no duty of 4.2 is set aside as not applicable for want of a member of its "
              "role (docs/model.md, decision 9). If {nearest} is meant{guess}, write it as {iri} in "
              "Turtle, {{\"@id\": \"{iri}\"}} in JSON-LD.",
        "zh": "{member}在培育主体中担任的角色以文本“{role}”给出，而不是以 IRI 指向 4.1 所列的成员角色："
              "文本不算作角色，因此 4.2 的职责均不因缺少担任其角色的成员而记为不适用（docs/model.md 决定 9）。"
              "若指{nearest}{guess}，Turtle 中写作 {iri}，JSON-LD 中写作 {{\"@id\": \"{iri}\"}}。",
    },
    # …in an RDF/XML file: the element to write, rdf:resource with the full IRI.
    "report.duties_role_as_text_meant_rdf_xml": {
        "en": "The membership of {member} in the cultivation body gives it its role as the text "
              "“{role}”, not as one of the member roles of 4.1 by its IRI: a text counts for no "
              "role, so no duty of 4.2 is set aside as not applicable for want of a member of its "
              "role (docs/model.md, decision 9). If {nearest} is meant{guess}, write it in RDF/XML "
              "as {element}.",
        "zh": "{member}在培育主体中担任的角色以文本“{role}”给出，而不是以 IRI 指向 4.1 所列的成员角色："
              "文本不算作角色，因此 4.2 的职责均不因缺少担任其角色的成员而记为不适用（docs/model.md 决定 9）。"
              "若指{nearest}{guess}，RDF/XML 中写作 {element}。",
    },
    "report.duties_role_guessed": {"en": " (a guess from the spelling)", "zh": "（按拼写推测）"},
    "report.duties_no_role": {
        "en": "The membership of {member} in the cultivation body gives it no role (org:role): "
              "the member may hold any of the member roles of 4.1, so no duty of 4.2 is set "
              "aside as not applicable for want of a member of its role (docs/model.md, "
              "decision 9). Give one of the roles of 4.1.",
        "zh": "{member}的成员关系未写明其在培育主体中担任的角色（org:role）：该成员可能担任 4.1 所列任一成员角色，"
              "因此 4.2 的职责均不因缺少担任其角色的成员而记为不适用（docs/model.md 决定 9）。"
              "请写明 4.1 所列角色之一。",
    },
    # Records dated after the report (checker/dated_after.py): a finding per date, and the
    # verdict's lines.
    "report.later.date": {
        "en": "A record is dated {value}, after the date of this report ({bound}): a date after "
              "the assessment cannot show that the work was done; the evaluator judges whether "
              "it counts ({provision})",
        "zh": "记录的日期为 {value}，晚于本报告的日期（{bound}）：评价之后的日期不能证明工作已经完成，"
              "由评价人员判断其能否作为证据（{provision}）",
    },
    "report.later.year": {
        "en": "An actual value is given for {value}, a year after that of this report ({bound}): "
              "a year yet to come cannot have been measured; the evaluator judges whether it "
              "counts ({provision})",
        "zh": "实际值的年份为 {value}，晚于本报告的年份（{bound}）：尚未到来的年份不可能已有实测值，"
              "由评价人员判断其能否作为证据（{provision}）",
    },
    # A record dated before the activity it rests on (checker/rested_on.py): a finding per record.
    "report.earlier.date": {
        "en": "A record is dated {value}, before the evaluation, review or monitoring it rests on "
              "(dated {bound}): work cannot follow from an activity made after it; the evaluator "
              "judges whether it counts ({provision})",
        "zh": "记录的日期为 {value}，早于其所依据的评价、评审或监测的日期（{bound}）：工作不能依据在其之后才进行的活动，"
              "由评价人员判断其能否作为证据（{provision}）",
    },
    "report.later.records": {
        "en": "{n} record(s) are dated after the date of this report, or give an actual value for "
              "a later year: such a record cannot show that the work was done, and each is named, "
              "with its date, under the provisions it is evidence for.",
        "zh": "有 {n} 项记录的日期晚于本报告的日期，或给出了以后年份的实际值：此类记录不能证明工作已经完成，"
              "各项记录及其日期列于其所证明的条款之下。",
    },
    "report.earlier.records": {
        "en": "{n} record(s) are dated before the evaluation, review or monitoring they rest on: "
              "work cannot follow from an activity made after it, and each is named, with both "
              "dates, under the provisions it is evidence for.",
        "zh": "有 {n} 项记录的日期早于其所依据的评价、评审或监测的日期：工作不能依据在其之后才进行的活动，"
              "各项记录及两个日期列于其所证明的条款之下。",
    },
    "report.later.pending": {
        "en": "{n} provision(s) that would otherwise be met rest on such a record and await the "
              "evaluator's judgement.",
        "zh": "另有 {n} 项条款本可满足，但以此类记录为证据，待评价人员判定。",
    },
    # IRIs of the standard's namespaces the ontology does not define (checker/unknown_terms.py).
    "report.terms.heading": {"en": "Terms the ontology does not define",
                             "zh": "本体未定义的术语"},
    "report.terms.intro": {
        "en": "The submission uses these IRIs of the standard's namespaces (bcic:, ind:, req:), "
              "which neither the ontology nor the requirement catalogue defines, or of a "
              "vocabulary bcic reuses (prov:, org:, dcterms: …), which that vocabulary does not "
              "define. A statement using one counts for no provision, so evidence written with it "
              "is reported as missing: correct the spelling. The statuses in this report are "
              "those of the submission as written: correcting these terms may change them.",
        "zh": "提交数据使用了标准命名空间（bcic:、ind:、req:）中的下列 IRI，但本体和要求目录均未定义；"
              "或使用了 bcic 复用的词汇（prov:、org:、dcterms: 等）命名空间中该词汇未定义的 IRI。"
              "使用它们的陈述不计入任何条款，以它们写出的证据会被报告为缺失：请更正拼写。"
              "本报告中的各项状态按提交数据原样判定：更正这些术语后，状态可能改变。",
    },
    "report.terms.note": {"en": "{term} ({use}{at}) is not a term of the ontology.",
                          "zh": "{term}（{use}{at}）不是本体中的术语。"},
    # An IRI of a reused vocabulary's namespace (prov:, org:, dcterms: …) it does not define.
    "report.terms.note_reused": {"en": "{term} ({use}{at}) is not a term of {vocabulary}.",
                                 "zh": "{term}（{use}{at}）不是 {vocabulary}中的术语。"},
    "report.terms.at": {"en": ", first at {place}", "zh": "，首次出现于 {place}"},
    # A file that uses the term where the loader cannot tell the line (an RDF/XML element name
    # of the default namespace).
    "report.terms.in": {"en": ", in {place}, line unknown", "zh": "，出现于 {place}，行号未知"},
    "report.terms.use.class": {"en": "used as a class", "zh": "用作类"},
    "report.terms.use.property": {"en": "used as a property", "zh": "用作属性"},
    "report.terms.use.value": {"en": "used as a value", "zh": "用作取值"},
    "report.terms.did_you_mean": {"en": " Did you mean {term}?", "zh": "是否应为{term}？"},
    # …a term without a label, by its prefixed name: Latin text set apart by spaces in Chinese.
    "report.terms.did_you_mean_unlabelled": {"en": " Did you mean {term}?",
                                             "zh": "是否应为 {term}？"},
    "report.terms.did_you_mean_attribute": {"en": " Did you mean the RDF/XML attribute {term}?",
                                            "zh": "是否应为 RDF/XML 的语法属性 {term}？"},
    "report.terms.did_you_mean_element": {"en": " Did you mean the RDF/XML element {term}?",
                                          "zh": "是否应为 RDF/XML 的语法元素 {term}？"},
    "report.terms.named": {"en": "“{label}” ({iri})", "zh": "“{label}”（{iri}）"},
    "report.terms.more": {
        "en": "{n} more IRI(s) of these namespaces that the ontology does not define are not "
              "listed.",
        "zh": "另有 {n} 个本体未定义的上述命名空间 IRI 未列出。",
    },
    # Namespaces close to the standard's (checker/near_namespaces.py).
    "report.namespaces.heading": {"en": "Namespaces close to the standard's",
                                  "zh": "与标准命名空间相近的命名空间"},
    "report.namespaces.note": {
        "en": "{n} statement(s) use IRIs under <{written}>, which is not a namespace of the "
              "standard's terms but differs only slightly from {prefix} <{meant}>: did you mean "
              "that one? None of those statements counts for any provision.",
        "zh": "有 {n} 条陈述使用了 <{written}> 下的 IRI；该命名空间不是标准术语的命名空间，但与 {prefix}"
              "（<{meant}>）仅有细微差别：是否应为后者？这些陈述均不计入任何条款。",
    },
    # Language tags mistaken for a language's (checker/language_notes.py).
    "report.tags.heading": {"en": "Language tags", "zh": "语言标记"},
    "report.tags.note": {
        "en": "{n} text(s) are tagged @{written}, which names no language the reports read: "
              "did you mean @{meant}? A label so tagged names its record only where it has no "
              "other.",
        "zh": "有 {n} 条文本标为 @{written}，它不是报告所读的语言标记：是否应为 @{meant}？"
              "这样标记的名称只在记录没有其他名称时才用来称呼它。",
    },
    "report.role.or": {"en": " or ", "zh": "或"},
    # The member roles' names, as the ontology labels them (bcic:GovernmentRole …).
    "report.role.GovernmentRole": {"en": "“government role”", "zh": "“政府角色”"},
    "report.role.IndustryOrganisationRole": {"en": "“industry organisation role”",
                                             "zh": "“行业组织角色”"},
    "report.role.ThirdPartyInstitutionRole": {"en": "“other third-party institution role”",
                                              "zh": "“其他第三方机构角色”"},
    "report.role.IndustryEnterpriseRole": {"en": "“role of an enterprise of the industry”",
                                           "zh": "“行业内企业角色”"},
    "report.role.SupportingEnterpriseRole": {
        "en": "“role of an enterprise of a related or supporting industry”",
        "zh": "“相关及支持产业的企业角色”"},
    "report.rates.heading": {
        "en": "Conformance rates (shall-level requirements met of those that apply; those "
              "pending manual review are not counted as met)",
        "zh": "符合率（适用的“应”级要求中已满足的比例；待人工评审的不计为已满足）",
    },
    "report.rate.with_pending": {
        "en": "{rate} ({n} pending review)",
        "zh": "{rate}（{n} 项待人工评审）",
    },
    "report.rate.unknown": {
        "en": "— (run `bcic reindex`)",
        "zh": "—（请运行 `bcic reindex`）",
    },
    "report.rates.by_chapter": {"en": "By chapter", "zh": "按章"},
    "report.rates.by_layer": {"en": "By layer", "zh": "按层"},
    "report.rates.overall": {"en": "Overall", "zh": "总体"},
    "report.rates.scope": {"en": "Scope", "zh": "范围"},
    "report.rates.met": {"en": "Met", "zh": "满足"},
    "report.rates.pending": {"en": "Pending review", "zh": "待人工评审"},
    "report.rates.not_met": {"en": "Not met", "zh": "不满足"},
    "report.rates.total": {"en": "Applicable", "zh": "适用"},
    "report.rates.ratio": {"en": "Rate", "zh": "符合率"},
    "report.chapter": {"en": "Chapter {n}", "zh": "第{n}章"},
    "report.layer.driver": {"en": "Driver layer", "zh": "驱动层"},
    "report.layer.process": {"en": "Process layer", "zh": "过程层"},
    "report.layer.result": {"en": "Result layer", "zh": "结果层"},
    "report.level.shall": {"en": "shall", "zh": "应"},
    "report.level.should": {"en": "should", "zh": "宜"},
    "report.level.may": {"en": "may", "zh": "可"},
    "report.level.informative": {"en": "informative", "zh": "资料性"},
    "report.status.met": {"en": "met", "zh": "满足"},
    "report.status.not_met": {"en": "not met", "zh": "不满足"},
    "report.status.manual_review": {"en": "manual review", "zh": "待人工评审"},
    "report.status.not_applicable": {"en": "not applicable", "zh": "不适用"},
    "report.status.not_used": {"en": "not used (optional)", "zh": "未采用（可选）"},
    "report.severity.violation": {"en": "violation", "zh": "违规"},
    "report.severity.warning": {"en": "warning", "zh": "警告"},
    "report.severity.info": {"en": "info", "zh": "提示"},
    "report.requirements.heading": {"en": "Requirements", "zh": "逐条评价结果"},
    "report.requirement.id": {"en": "Provision", "zh": "条款"},
    "report.requirement.level": {"en": "Level", "zh": "要求类型"},
    "report.requirement.status": {"en": "Status", "zh": "状态"},
    "report.requirement.text": {"en": "Text", "zh": "条文"},
    "report.clause": {"en": "Clause {clause}", "zh": "条款 {clause}"},
    "report.result.message": {"en": "Finding", "zh": "发现的问题"},
    "report.result.more": {"en": "… and {n} more", "zh": "……另有 {n} 个"},
    # Above the levels of a rating scale a finding lists: in what order (9.2.3, bcic:levelRank).
    "report.result.best_first": {"en": "Levels, best first by “level rank”:",
                                 "zh": "等级由高到低（按“等级名次”）："},
    "report.items_not_met": {"en": "list items not met: {items}", "zh": "未满足的列项：{items}"},
    "report.lead_in.judged_not_met": {
        "en": "not met: the evaluator judged its list item(s) {items} not met",
        "zh": "不满足：评价人员判定其列项 {items} 不满足"},
    "report.lead_in.items_pending": {
        "en": "still awaiting review: its own text is judged met, its list item(s) {items} still "
              "await the evaluator",
        "zh": "仍待人工评审：其本身已判定满足，其列项 {items} 仍待评价人员判定"},
    # How to meet a requirement, read off its shapes (checker/render/guidance_view.py).
    "report.guidance.label": {"en": "How to meet it", "zh": "如何满足"},
    "report.hints.other_rulebook": {
        "en": "The hints on how to meet a provision, the review prompts and the rulebook links "
              "come from the running rulebook {running}; this report was made under rulebook "
              "{made}, whose statuses, rates and provision texts it shows as stored.",
        "zh": "“如何满足”提示、人工评审提示和规则库链接来自当前运行的规则库 {running}；本报告在规则库 "
              "{made} 下作出，所列状态、符合率和条款文本均为当时存储的内容。"},
    "report.hints.from": {"en": "(hint from the running rulebook {running}, not {made})",
                          "zh": "（提示取自当前运行的规则库 {running}，而非 {made}）"},
    "report.not_in_rulebook": {
        "en": "Not in the running rulebook {running}: listed as stored under rulebook {made}.",
        "zh": "当前运行的规则库 {running} 中没有此条款：按规则库 {made} 下存储的内容列出。"},
    # A provision the running rulebook no longer has, as a stored rulebook states it
    # (checker/stored_rulebooks.py): its pages and its RDF say so.
    "rulebook.withdrawn": {
        "en": "Withdrawn: not in the running rulebook {running}; stated by rulebook {version} "
              "(digest {digest}).",
        "zh": "已撤销：当前运行的规则库 {running} 中没有此条款；由规则库 {version}（摘要 {digest}）规定。"},
    "rulebook.digest_unknown": {"en": "not recorded", "zh": "未记录"},
    # What a stored rulebook is beside the running one (checker/stored_rulebooks.py).
    "rulebook.version.archived": {
        "en": "A rulebook this store kept on {date}, when a reload replaced it, for the reports "
              "it judged; the running rulebook is {running}.",
        "zh": "存储库于 {date} 换用其他规则库时保存的规则库，供其判定的报告查阅；当前运行的规则库为 {running}。"},
    "rulebook.version.archived_running": {
        "en": "A rulebook this store kept on {date}, when a reload replaced it, for the reports "
              "it judged; it is the rulebook this server runs ({running}), with the same digest.",
        "zh": "存储库于 {date} 换用其他规则库时保存的规则库，供其判定的报告查阅；它就是本服务器运行的规则库（{running}），摘要相同。"},
    "rulebook.version.held": {
        "en": "The rulebook the store's rule graphs hold now, which is not the one this server "
              "runs ({running}).",
        "zh": "存储库的规则图当前所存的规则库，并非本服务器运行的规则库（{running}）。"},
    "rulebook.version.held_running": {
        "en": "The rulebook the store's rule graphs hold now, which is the one this server runs "
              "({running}), with the same digest.",
        "zh": "存储库的规则图当前所存的规则库，即本服务器运行的规则库（{running}），摘要相同。"},
    # A stored report that did not state a provision's text, of a provision the running rulebook
    # lacks (reports stored before they stated their provisions' texts).
    "report.text.not_stored": {
        "en": "This report did not store the provision's text, and the running rulebook {running} "
              "no longer has it.",
        "zh": "本报告未存储此条款的文本，当前运行的规则库 {running} 中也已没有此条款。"},
    "report.text.archived": {"en": "Read it in rulebook {version} as the store keeps it.",
                             "zh": "可在存储库保存的规则库 {version} 中查看。"},
    "report.text.not_archived": {
        "en": "The store keeps no copy of rulebook {version}, which judged this report.",
        "zh": "存储库未保存判定本报告的规则库 {version}。"},
    # The provision's text: the standard's (zh, normative), and in English reports ours beside it.
    "report.text.standard": {"en": "Standard (zh)", "zh": "原文"},
    "report.text.rendering": {"en": "English (unofficial translation)", "zh": "英文（非官方译文）"},
    "report.text.unofficial": {
        "en": "The English text of each provision is an unofficial translation; the standard's "
              "Chinese text, quoted with it, is the normative one.",
        "zh": "英文为非官方译文，以标准中文原文为准。",
    },
    # Whose a provision's title is: the standard's heading, or bcic's short title where the
    # standard gives the clause or list item none (docs/model.md: bcic:heading, bcic:shortTitle).
    "report.titles.note": {
        "en": "Titles in [brackets] are bcic's short titles for the clauses and list items the "
              "standard gives no heading, not the standard's words; the others are the standard's "
              "headings (in English, bcic's rendering).",
        "zh": "〔〕内的标题是 bcic 为标准未设标题的条款和列项拟定的简称，不是标准原文；其余为标准的条款标题。",
    },
    "report.titles.note_html": {
        "en": "Titles in grey with a dotted underline are bcic's short titles for the clauses and "
              "list items the standard gives no heading, not the standard's words; the others are "
              "the standard's headings (in English, bcic's rendering).",
        "zh": "灰色、带虚线下划线的标题是 bcic 为标准未设标题的条款和列项拟定的简称，不是标准原文；"
              "其余为标准的条款标题。",
    },
    "report.titles.bcic": {"en": "bcic's short title: the standard gives this clause or item no heading",
                           "zh": "bcic 拟定的简称：标准未给此条款或列项标题"},
    "report.guidance.see": {"en": "see {see}", "zh": "详见 {see}"},
    # The pointer of a page that links the provision's notation to its rulebook page.
    "report.guidance.see_rulebook": {"en": "see {provision} in the rulebook",
                                     "zh": "详见规则库中的 {provision}"},
    # The pointer of an HTML report the CLI writes: no server to link, the command that shows it.
    "report.guidance.see_rules_show": {
        "en": "see {provision} in the rulebook (bcic rules show {id})",
        "zh": "详见规则库中的 {provision}（bcic rules show {id}）"},
    "report.guidance.by_items": {"en": "record, item by item: {terms}",
                                 "zh": "按各列项分别记录：{terms}"},
    "report.guidance.by_items_with": {"en": "record, item by item, {thing} with {asks}",
                                      "zh": "按各列项分别记录{thing}，写明{asks}"},
    # A list item's hint where its lead-in's, shown too, describes the record (4.2.1 c), 5.3 —1).
    "report.guidance.as_lead_in": {"en": "record as the hint of {lead_in} says",
                                   "zh": "按 {lead_in} 的提示记录"},
    "report.guidance.thing_as_lead_in": {"en": "record {thing} as the hint of {lead_in} says",
                                         "zh": "按 {lead_in} 的提示记录{thing}"},
    "report.guidance.by_items_as_lead_in": {
        "en": "record, item by item, as the hint of {lead_in} says",
        "zh": "按 {lead_in} 的提示逐列项记录"},
    "report.guidance.by_items_thing_as_lead_in": {
        "en": "record, item by item, {thing} as the hint of {lead_in} says",
        "zh": "按 {lead_in} 的提示逐列项记录{thing}"},
    "report.guidance.with": {"en": ", with {asks}", "zh": "，写明{asks}"},
    "report.guidance.record": {"en": "record {thing}", "zh": "记录{thing}"},
    "report.guidance.record_with": {"en": "record {thing} with {asks}",
                                    "zh": "记录{thing}，写明{asks}"},
    # What one or several records may carry between them (7.3.2's know-how and patents).
    "report.guidance.record_several_with": {
        "en": "record one or more records of {term}, which between them have {asks}",
        "zh": "记录一项或多项{term}，合起来写明{asks}"},
    # One thing of a class, by the article its English label takes.
    "report.guidance.a": {"en": "a {term}", "zh": "一项{term}"},
    "report.guidance.an": {"en": "an {term}", "zh": "一项{term}"},
    # A term in words, its prefixed name after the words at its first mention in a hint only.
    "report.guidance.term": {"en": "“{label}” ({curie})", "zh": "“{label}”（{curie}）"},
    "report.guidance.named": {"en": "“{label}”", "zh": "“{label}”"},
    # The last two of several values: all of them (sh:hasValue), or one of them (sh:in), or those
    # of a closed list, one of which is asked (“one of A, B and C”, 为A、B、C之一).
    "report.guidance.and": {"en": " and ", "zh": "和"},
    "report.guidance.or": {"en": " or ", "zh": "或"},
    "report.guidance.among": {"en": " and ", "zh": "、"},
    "report.guidance.either": {"en": ", or ", "zh": "，或"},
    "report.guidance.ask.either": {"en": "either {first}, or {others}", "zh": "或{first}，或{others}"},
    "report.guidance.ask.any": {"en": "{path}", "zh": "{path}"},
    "report.guidance.ask.value": {"en": "{path} set to {values}", "zh": "{path}为{values}"},
    "report.guidance.ask.values": {"en": "{path} set to each of {values}",
                                   "zh": "{path}为{values}，缺一不可"},
    "report.guidance.ask.class": {"en": "{path} pointing to {thing}", "zh": "{path}指向{thing}"},
    "report.guidance.ask.class_known": {"en": "{path} pointing to {thing} such as {values}",
                                        "zh": "{path}指向{thing}，如{values}"},
    # …where the standard's list is closed: the values are all it has, two (7.1.2.1's kinds of
    # fund, 「设立集群品牌创新基金或培育专项基金」) or more (9.4.1's three directions, 「可能的改进方向包括」).
    "report.guidance.ask.class_either": {"en": "{path} pointing to {thing}, either {values}",
                                         "zh": "{path}指向{thing}，为{values}"},
    "report.guidance.ask.class_one_of": {"en": "{path} pointing to {thing}, one of {values}",
                                         "zh": "{path}指向{thing}，为{values}之一"},
    # Dates, years and numbers as people write them; a datatype with no words here by its name.
    "report.guidance.ask.date": {"en": "{path} as a year-month-day date (e.g. 2021-06-30)",
                                 "zh": "{path}为年-月-日（如 2021-06-30）"},
    "report.guidance.ask.year": {"en": "{path} as a year typed as a year, not as a number (e.g. 2021)",
                                 "zh": "{path}为标明年份类型的年份，不能写成数字（如 2021）"},
    "report.guidance.ask.integer": {"en": "{path} as a whole number (e.g. 1)",
                                    "zh": "{path}为整数（如 1）"},
    "report.guidance.ask.datatype": {"en": "{path} as {term}", "zh": "{path}取 {term} 类型的值"},
    "report.guidance.ask.language": {"en": "{path} with the language tag {values}",
                                     "zh": "{path}，语言标记为 {values}"},
    "report.guidance.ask.form": {"en": "{path} as {form}", "zh": "{path}为{form}"},
    # A figure (5.2.3, 9.2.3): a number of an XSD numeric datatype, as the finding on a number
    # written as text says to write it (docs/model.md, decision 23), in words: no xsd: in a hint.
    "report.guidance.ask.form_number": {
        "en": "{path} as {form}, typed as one (35.2 without quotes in Turtle; in JSON-LD the JSON "
              "number 35.2 or {{\"@value\": \"35.2\", "
              "\"@type\": \"http://www.w3.org/2001/XMLSchema#decimal\"}}; \"35.2\" in quotes is text)",
        "zh": "{path}为{form}，并标明数字类型（Turtle 中不加引号写作 35.2；"
              "JSON-LD 中写作 JSON 数字 35.2 或 {{\"@value\": \"35.2\", \"@type\": "
              "\"http://www.w3.org/2001/XMLSchema#decimal\"}}；加引号的 \"35.2\" 是文本）"},
    # 9.2.1: a specification of each indicator a KPI system includes, said as what the record names.
    "report.guidance.ask.each_object": {"en": "{path} pointing to each thing {term} names",
                                        "zh": "{path}指向{term}所指的每一项"},
    # What the value an ask points to must carry: one plain ask in the same sentence, more in a
    # sentence of their own after the record's.
    "report.guidance.then": {"en": " that has {asks}", "zh": "，其写明{asks}"},
    "report.guidance.then_referred": {"en": ", with {asks}", "zh": "，并{asks}"},
    "report.guidance.then_sentence": {"en": "that {ref} has {asks}", "zh": "该{ref}写明{asks}"},
    "report.guidance.documents": {
        "en": "the evaluator will want to see these records of the submission and the "
              "documents behind them: {terms}",
        "zh": "评价人员将查阅提交材料中的这些记录及其所指的文件：{terms}",
    },
    "report.manual.heading": {"en": "Manual review checklist", "zh": "人工评审清单"},
    "report.manual.none": {
        "en": "No requirement needs manual review.",
        "zh": "没有需要人工评审的要求。",
    },
    "report.filter.label": {"en": "Show", "zh": "显示"},
    "report.filter.all": {"en": "all", "zh": "全部"},
    # The knowledge-graph store (checker/cli_store.py): ingest, clusters, history, query.
    "store.ingest.stored": {
        "en": "Stored revision {number} of {cluster}",
        "zh": "已存储产业集群 {cluster} 的第 {number} 版",
    },
    "store.ingest.verdict": {
        "en": "Verdict: {verdict}; conformance rate {rate}",
        "zh": "结论：{verdict}；符合率 {rate}",
    },
    "store.reindex.done": {
        "en": "Rebuilt the summary graph of {revisions} revision(s)",
        "zh": "已重建 {revisions} 个修订版的摘要图",
    },
    "store.ingest.gaps_stored": {
        "en": "The submission has gaps; it was stored all the same (see `bcic history`).",
        "zh": "提交材料存在差距，但已照常存储（可用 `bcic history` 查看）。",
    },
    "store.clusters.none": {"en": "The store holds no cluster yet.", "zh": "存储中尚无产业集群。"},
    "store.read_snapshot": {
        "en": "Another process (an ingest, a query or the web app) has the store open: read "
              "from its snapshot of {time}, which holds every revision stored until then.",
        "zh": "另一进程（入库、查询或网页应用）正打开着存储：改为读取其 {time} 的快照，其中含截至该时刻存储的全部修订版。",
    },
    "store.judge.stored": {
        "en": "judgement of revision {number} of {cluster} stored",
        "zh": "已存储对 {cluster} 第 {number} 版的判定",
    },
    "store.judgements.heading": {
        "en": "Judgements of revision {number} of <{cluster}>:",
        "zh": "<{cluster}> 第 {number} 版的评价人员判定：",
    },
    "store.judgements.none": {"en": "none recorded", "zh": "尚无判定"},
    "store.judgements.superseded_hidden.one": {
        "en": "1 judgement superseded by a later one not shown (--all shows it)",
        "zh": "另有 1 项已被后来判定取代的判定未列出（--all 可列出）",
    },
    "store.judgements.superseded_hidden.other": {
        "en": "{n} judgements superseded by later ones not shown (--all shows them)",
        "zh": "另有 {n} 项已被后来判定取代的判定未列出（--all 可列出）",
    },
    "store.judge.met_needed": {
        "en": "say the judgement: --met or --not-met",
        "zh": "请给出判定：--met 或 --not-met",
    },
    "store.judge.met_and_not_met": {
        "en": "--met and --not-met exclude each other: give one judgement",
        "zh": "--met 与 --not-met 不能同时给出：请只给出一个判定",
    },
    "store.recheck.revision_twice": {
        "en": "the revision is given twice (NUMBER and --revision): give it once, as --revision N",
        "zh": "修订版给出了两次（NUMBER 与 --revision）：请只给一次，写作 --revision N",
    },
    "store.history.closed": {"en": "closed: {ids}", "zh": "已解决：{ids}"},
    "store.history.opened": {"en": "opened: {ids}", "zh": "新出现：{ids}"},
    "store.history.deleted": {
        "en": "deleted on {date}{by}: its number is not given again",
        "zh": "已于 {date} 删除{by}，该版本号不再使用",
    },
    "store.history.deletion_reason": {"en": "reason: {reason}", "zh": "删除理由：{reason}"},
    "store.history.no_deletion_reason": {"en": "no reason recorded", "zh": "未记录删除理由"},
    "store.history.rulebook": {"en": "rulebook {version}", "zh": "规则库 {version}"},
    "store.history.rulebook_digest": {"en": "{version} (digest {digest})",
                                      "zh": "{version}（摘要 {digest}）"},
    "store.history.rulebook_changed": {
        "en": "rulebook changed {before} → {after}: clauses opened or closed may come from the "
              "rules, not the submission",
        "zh": "规则库已变更 {before} → {after}：新出现或已解决的条款可能源于规则的变化，而非提交材料"},
    # A cluster whose latest revisions were deleted: the verdict listed is the newest remaining
    # revision's (checker/history.py, `later_deletions_note`).
    "store.clusters.deleted_after.one": {
        "en": "revision {numbers}, after revision {shown}, was deleted on {date}: the verdict "
              "shown is revision {shown}'s",
        "zh": "第 {shown} 版之后的第 {numbers} 版已于 {date} 删除：所示为第 {shown} 版的结论"},
    "store.clusters.deleted_after.other": {
        "en": "revisions {numbers}, after revision {shown}, were deleted, the last on {date}: "
              "the verdict shown is revision {shown}'s",
        "zh": "第 {shown} 版之后的第 {numbers} 版已删除（最后一次于 {date}）：所示为第 {shown} 版的结论"},
    "store.clusters.deleted_after_line": {"en": "{cluster}: {note}", "zh": "{cluster}：{note}"},
    "store.clusters.mixed_rulebooks": {
        "en": "These clusters' latest revisions were judged under different rulebooks ({versions}): "
              "their verdicts and rates are not comparable as they stand.",
        "zh": "这些产业集群的最新修订版是在不同的规则库下判定的（{versions}）：其结论与符合率不能直接比较。"},
    "store.column.rulebook": {"en": "Rulebook", "zh": "规则库版本"},
    "query.mixed_rulebooks": {
        "en": "Note: these rows were judged under different rulebooks (rulebookVersion: "
              "{versions}); their verdicts and rates are not comparable as they stand.",
        "zh": "注意：这些行是在不同的规则库下判定的（rulebookVersion：{versions}），其结论与符合率不能直接比较。"},
    "store.column.cluster": {"en": "Cluster", "zh": "产业集群"},
    "store.column.label": {"en": "Name", "zh": "名称"},
    "store.column.revisions": {"en": "Revisions", "zh": "版本数"},
    "store.column.verdict": {"en": "Latest verdict", "zh": "最新结论"},
    "store.column.rate": {"en": "Rate", "zh": "符合率"},
    "store.column.date": {"en": "Last stored", "zh": "最近存储时间"},
    "store.revision": {"en": "revision {number}", "zh": "第 {number} 版"},
    "store.recheck.rules_changed": {
        "en": "Revision {number} of {cluster} was judged under rulebook {stored} ({verdict}); "
              "below, its submission validated again under the running rulebook {running}. "
              "Nothing was stored: the stored report stays the revision's verdict.",
        "zh": "产业集群 {cluster} 的第 {number} 版按规则库 {stored} 评价（{verdict}）；以下是按现行规则库 "
              "{running} 对其提交材料的重新验证。未存储任何内容：该版本的结论仍以已存储的报告为准。",
    },
    "store.recheck.same_rules": {
        "en": "Revision {number} of {cluster} was judged under rulebook {stored} ({verdict}), "
              "which is the running rulebook {running}; below, its submission validated again. "
              "Nothing was stored.",
        "zh": "产业集群 {cluster} 的第 {number} 版按规则库 {stored} 评价（{verdict}），即现行规则库 "
              "{running}；以下是对其提交材料的重新验证。未存储任何内容。",
    },
    "store.recheck.judgements": {
        "en": " The stored verdict includes {n} of the evaluator's judgements: {applied} below "
              "too, to provisions still left to the evaluator; {set_aside}, the data now "
              "deciding the provision.",
        "zh": "已存储的结论含 {n} 项评价人员判定：其中 {applied} 项同样适用于以下仍待人工评审的条款；"
              "{set_aside} 项因数据现已判定该条款而不再适用。",
    },
    # The counts of the note above, as English agrees its verb with them ("1 applies").
    "store.recheck.applied.one": {"en": "1 applies", "zh": "1"},
    "store.recheck.applied.other": {"en": "{n} apply", "zh": "{n}"},
    "store.recheck.set_aside.one": {"en": "1 no longer applies", "zh": "1"},
    "store.recheck.set_aside.other": {"en": "{n} no longer apply", "zh": "{n}"},
    "store.delete.deleted": {
        "en": "Deleted revision {number} of {cluster}; its number will not be given again",
        "zh": "已删除产业集群 {cluster} 的第 {number} 版；该版本号不再复用",
    },
    # Named queries (checker/queries): the query asked for and the values of its parameters.
    "query.unknown": {
        "en": "no named query {name!r}; known: {known}",
        "zh": "没有名为 {name!r} 的命名查询；现有：{known}",
    },
    "query.not_name_value": {
        "en": "--param {given!r} is not NAME=VALUE",
        "zh": "--param {given!r} 不是 NAME=VALUE 的形式",
    },
    "query.repeated_param": {
        "en": "parameter {name} is given more than once; give each parameter once",
        "zh": "参数 {name} 给出了不止一次；每个参数只能给出一次",
    },
    "query.unknown_params": {
        "en": "{query}: unknown parameter(s) {names} (parameters: {known})",
        "zh": "{query}：未知参数 {names}（可用参数：{known}）",
    },
    "query.takes_no_params": {
        "en": "{query}: unknown parameter(s) {names} (this query takes none)",
        "zh": "{query}：未知参数 {names}（此查询不接受参数）",
    },
    "query.missing_params": {
        "en": "{query}: missing required parameter(s) {names}",
        "zh": "{query}：缺少必需参数 {names}",
    },
    "query.value_too_long": {
        "en": "parameter {name}: the value is over {limit} characters",
        "zh": "参数 {name}：取值超过 {limit} 个字符",
    },
    "query.control_character": {
        "en": "parameter {name}: the text holds a control character",
        "zh": "参数 {name}：文本含有控制字符",
    },
    "query.not_integer": {
        "en": "parameter {name}: {value!r} is not an integer",
        "zh": "参数 {name}：{value!r} 不是整数",
    },
    "query.too_many_digits": {
        "en": "parameter {name}: {value!r} has {digits} digits; an integer has at most {limit}",
        "zh": "参数 {name}：{value!r} 有 {digits} 位数字；整数至多 {limit} 位",
    },
    "query.iri": {"en": "parameter {name}: {problem}", "zh": "参数 {name}：{problem}"},
    "query.unknown_iri": {
        "en": "parameter {name}: {value}: nothing in the store names it (no stored cluster, "
              "and no submission or rule mentions it); check the IRI: the stored clusters are "
              "listed by `bcic clusters` and GET /api/clusters",
        "zh": "参数 {name}：{value}：存储中没有任何数据提及该 IRI（既不是已存储的产业集群，也没有任何提交材料"
              "或规则提及它）；请检查该 IRI：`bcic clusters` 与 GET /api/clusters 列出已存储的产业集群",
    },
    # An indicator's IRI, or a 9.1.4 code, that names nothing (checker/queries/named_iris.py,
    # named_codes.py): the hint sends to the indicator scheme, not to the stored clusters.
    "query.unknown_indicator": {
        "en": "parameter {name}: {value}: nothing in the store names it (no indicator of the "
              "9.1.4 scheme, and no submission or rule mentions it){nearest}; check the IRI: the "
              "indicators, their IRIs and codes are on the rulebook's indicator scheme page "
              "(/rulebook/ontology#indicators)",
        "zh": "参数 {name}：{value}：存储中没有任何数据提及该 IRI（既不是 9.1.4 指标体系中的指标，也没有任何"
              "提交材料或规则提及它）{nearest}；请检查该 IRI：规则库的指标体系页面"
              "（/rulebook/ontology#indicators）列出各指标及其 IRI 与编号",
    },
    "query.nearest_indicator": {"en": "; the nearest indicator: {iri} ({code} {label})",
                                "zh": "；最接近的指标：{iri}（{code} {label}）"},
    "query.unknown_code": {
        "en": "parameter {name}: {value}: no indicator of the 9.1.4 scheme has this code, so "
              "nothing would answer it; {hint}; every code is on the rulebook's indicator scheme "
              "page (/rulebook/ontology#indicators)",
        "zh": "参数 {name}：{value}：9.1.4 指标体系中没有指标使用此编号，查询不会有任何结果；{hint}；"
              "全部编号见规则库的指标体系页面（/rulebook/ontology#indicators）",
    },
    "query.code_of_broader": {
        "en": "{value} is the code of {label}, which holds {codes}",
        "zh": "{value} 是“{label}”的编号，其下为 {codes}",
    },
    "query.code_is_name": {
        "en": "{value} is the name of the indicator {code}: give its code, {name}={code}",
        "zh": "{value} 是指标 {code} 的名称：请给出其编号，{name}={code}",
    },
    "query.nearest_codes": {"en": "the nearest codes: {codes}", "zh": "最接近的编号：{codes}"},
    # A page of a named query's answer (`offset`, `limit`).
    "query.page_not_number": {
        "en": "{name}: {value!r} is not a whole number of at least {least}",
        "zh": "{name}：{value!r} 不是不小于 {least} 的整数",
    },
    "query.page_too_large": {
        "en": "{name}: {value!r} is over the largest {name}, {most}",
        "zh": "{name}：{value!r} 超过 {name} 的最大值 {most}",
    },
    "query.limit_over_cap": {
        "en": "limit: {value} is over the row limit of {cap} rows per page; ask for the next "
              "page with offset",
        "zh": "limit：{value} 超过每页 {cap} 行的行数上限；请用 offset 获取下一页",
    },
    # A later page asked for with the token (`snapshot`) its first page's `next` link gave.
    "query.page_token": {
        "en": "snapshot: {value!r} is not a page token (16 hexadecimal digits, as a page's "
              "next link gives it)",
        "zh": "snapshot：{value!r} 不是分页令牌（16 位十六进制数字，由每页的 next 链接给出）",
    },
    "query.answer_changed": {
        "en": "the data changed since the first page of this answer was read (the store was "
              "written, or a new snapshot of it made), so this page would not continue the same "
              "answer: rows may have moved between pages; start again from the first page: "
              "{first}",
        "zh": "自读取该答案的第一页以来数据已发生变化（存储已被写入，或已生成新的快照），此页无法接续"
              "同一答案：行可能已在页之间移动；请从第一页重新开始：{first}",
    },
    # A named query's run stopped by the time limit (checker/query_api.py): its client can
    # change neither its text nor what a page costs (checker/answer_cache.py).
    "query.timeout_whole": {
        "en": "the named query “{name}” was stopped after {seconds:g} s, the time limit of the "
              "server's queries (BCIC_SPARQL_TIMEOUT), while it read the query's whole answer: "
              "the first page of an answer reads the whole answer, which the pages after it are "
              "cut from, so a smaller limit does not make it faster; try again later, when the "
              "server may be less busy, or ask the server's operator to raise "
              "BCIC_SPARQL_TIMEOUT",
        "zh": "命名查询“{name}”在读取其完整答案时，于 {seconds:g} 秒（服务器查询的时间上限 "
              "BCIC_SPARQL_TIMEOUT）后被终止：答案的第一页会读取整个答案，其后各页均从中截取，因此减小 "
              "limit 并不能使其更快；请稍后在服务器较空闲时重试，或请服务器的运营方调高 "
              "BCIC_SPARQL_TIMEOUT",
    },
    "query.timeout_page": {
        "en": "the named query “{name}” was stopped after {seconds:g} s, the time limit of the "
              "server's queries (BCIC_SPARQL_TIMEOUT), while it read this page: a page past "
              "the rows the server keeps of an answer runs the query for itself, and sorts the "
              "whole answer whatever its offset and limit; try again later, when the server may "
              "be less busy, or ask the server's operator to raise BCIC_SPARQL_TIMEOUT",
        "zh": "命名查询“{name}”在读取此页时，于 {seconds:g} 秒（服务器查询的时间上限 "
              "BCIC_SPARQL_TIMEOUT）后被终止：超出服务器所保存答案行数的页会单独执行查询，无论 offset 和 "
              "limit 为何都要对整个答案排序；请稍后在服务器较空闲时重试，或请服务器的运营方调高 "
              "BCIC_SPARQL_TIMEOUT",
    },
    # `bcic query` and `bcic queries run` write rows as they come: an error after some were
    # written leaves them on stdout.
    "query.output_incomplete": {
        "en": "the output above is incomplete: the query failed while its rows were being "
              "written",
        "zh": "上面的输出不完整：查询在输出结果行的过程中失败",
    },
    # A value of a chart or `bcic benchmark` in a unit the compared clusters do not share
    # (docs/model.md, decision 8).
    "benchmark.other_unit": {"en": "not comparable (different units)", "zh": "不可比（单位不同）"},
    # Why a value is not an IRI bcic can be asked about (checker/iri_policy.py).
    "iri.not_absolute": {
        "en": "{value!r} is not an absolute http, https or urn IRI",
        "zh": "{value!r} 不是 http、https 或 urn 形式的绝对 IRI",
    },
    "iri.forbidden_character": {
        "en": "{value!r} holds a space or one of <>\"{{}}|^`\\",
        "zh": "{value!r} 含有空格或 <>\"{{}}|^`\\ 中的字符",
    },
    "iri.no_host": {"en": "{value!r} names no host", "zh": "{value!r} 未指明主机"},
    "iri.invalid": {
        "en": "{value!r} is not a valid IRI: {problem}",
        "zh": "{value!r} 不是有效的 IRI：{problem}",
    },
}


class Localized(ABC):
    """Text that can be said in every language of the catalogue (a Phrase, a CheckerError)."""

    @abstractmethod
    def text(self, lang: Lang) -> str:
        """The text in `lang`."""


@dataclass(frozen=True)
class Phrase(Localized):
    """A catalogue message with its values, said once the language is known."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        """The message in `lang`."""
        return message(self.key, lang, **self.values)


@dataclass(frozen=True)
class Joined(Localized):
    """Texts said one after the other, as a message and the hints that follow it."""

    parts: tuple[Localized, ...]

    def text(self, lang: Lang) -> str:
        """The parts in `lang`, joined."""
        return "".join(part.text(lang) for part in self.parts)


@dataclass(frozen=True)
class Listed(Localized):
    """Names listed the way each language lists them (、 or ；in Chinese, commas in English),
    each name given in every language."""

    names: tuple[Mapping[Lang, str], ...]
    separators: Mapping[Lang, str] = field(default_factory=lambda: {"zh": "；", "en": "; "})

    def text(self, lang: Lang) -> str:
        """The names in `lang`, joined."""
        return self.separators[lang].join(name[lang] for name in self.names)


@dataclass(frozen=True)
class SpacedBefore(Localized):
    """A value written before Chinese words: in Chinese followed by the space that sets Latin
    text apart (`PROV-O 中的术语`), and by none after Chinese or a full-width bracket
    (`DCMI 元数据术语中的术语`, `Turtle（根据内容推断）语法错误`); in English as it is."""

    value: str | Localized

    def text(self, lang: Lang) -> str:
        """The value in `lang`, spaced."""
        said = self.value.text(lang) if isinstance(self.value, Localized) else self.value
        return said + " " if lang == "zh" and said[-1:].isascii() and said[-1:].strip() else said


def language_of(tag: str) -> Lang | None:
    """The language a BCP 47 tag asks for, matched by its primary subtag regardless of case
    (RFC 4647 lookup): zh, zh-CN, ZH-hans, zh_TW → zh; en-GB → en; fr or an empty tag → None."""
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return next((lang for lang in LANGUAGES if lang == primary), None)


def phrase(key: str, /, **values: object) -> Phrase:
    """The message `key` with `values`, to be said in a language chosen later."""
    return Phrase(key, values)


def in_every_language(said: Localized) -> dict[Lang, str]:
    """The text in each language of the catalogue."""
    return {lang: said.text(lang) for lang in LANGUAGES}


def message(key: str, lang: Lang, /, **values: object) -> str:
    """Return the message `key` in `lang`, formatted with `values`; a Localized value (a phrase,
    an error) is said in `lang` too."""
    said = {name: value.text(lang) if isinstance(value, Localized) else value
            for name, value in values.items()}
    return MESSAGES[key][lang].format(**said)


def counted(key: str, n: int, lang: Lang, /, **values: object) -> str:
    """The message for `n` things: `key.one` for one, else `key.other` (English says "1 file",
    "2 files"; Chinese says both alike)."""
    return message(f"{key}.{'one' if n == 1 else 'other'}", lang, n=n, **values)


def _merged(*parts: Mapping[str, Mapping[Lang, str]]) -> dict[str, Mapping[Lang, str]]:
    merged: dict[str, Mapping[Lang, str]] = {}
    for part in parts:
        if clash := merged.keys() & part.keys():
            raise ValueError(f"message keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


MESSAGES: Mapping[str, Mapping[Lang, str]] = _merged(_MESSAGES, REPORT_WORDS, RULES_SHOW_WORDS,
                                                     PATTERN_WORDS, *ERROR_AREAS)
