"""Error messages about a submission: its files, their size, and what a parser refused in them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.submission.no_files": {
        "en": "the submission has no files",
        "zh": "提交材料中没有文件",
    },
    "error.submission.no_statements": {
        "en": "the submission contains no RDF statements ({names})",
        "zh": "提交材料中没有任何 RDF 陈述（{names}）",
    },
    "error.submission.same_content": {
        "en": "{first} and {second} have the same content (SHA-256 {digest}): each file counts "
              "once in a submission",
        "zh": "{first} 与 {second} 内容相同（SHA-256 {digest}）：每个文件在一份提交材料中只计一次",
    },
    "error.submission.too_large": {
        "en": "the submission is {size:.1f} MB, over the limit of {limit:.1f} MB",
        "zh": "提交材料大小为 {size:.1f} MB，超过了 {limit:.1f} MB 的上限",
    },
    "error.submission.bad_max_triples": {
        "en": "{name} must be a whole number of statements, 1 or more, not {value!r}",
        "zh": "{name} 须为不小于 1 的陈述条数（整数），而不是 {value!r}",
    },
    "error.validation.memory": {
        "en": "validating the submission needed more than {limit} MiB of memory beyond the "
              "server's own (the limit BCIC_VALIDATION_MEMORY_MIB sets), so it was stopped and "
              "nothing was kept; send a smaller submission, or ask the server's operator to raise "
              "the limit",
        "zh": "验证该提交材料所需的内存超出服务器自身占用之外 {limit} MiB（BCIC_VALIDATION_MEMORY_MIB "
              "设定的上限），验证已停止，未保留任何内容；请提交较小的材料，或请服务器运维人员调高该上限",
    },
    "error.validation.timeout": {
        "en": "the validation was stopped after {seconds:g} s (the time limit "
              "BCIC_VALIDATION_TIMEOUT sets) and nothing was kept; try again when the server is "
              "less busy, or ask the server's operator to raise the limit",
        "zh": "验证在 {seconds:g} 秒（BCIC_VALIDATION_TIMEOUT 设定的时间上限）后被终止，未保留任何内容；"
              "请在服务器较空闲时重试，或请服务器运维人员调高该上限",
    },
    "error.validation.busy": {
        "en": "the server is already validating as many submissions as it validates at once "
              "({at_once}, the number BCIC_VALIDATIONS_AT_ONCE sets), and none of them finished "
              "within {seconds:g} s: this one was neither validated nor kept; send it again in a "
              "moment",
        "zh": "服务器已在同时验证 {at_once} 份提交材料，达到其同时验证的上限（BCIC_VALIDATIONS_AT_ONCE），"
              "且 {seconds:g} 秒内均未完成：本份材料未被验证，也未保留任何内容；请稍后重新提交",
    },
    "error.submission.not_a_file": {
        "en": "{path}: is not a readable file",
        "zh": "{path}：不是可读取的文件",
    },
    "error.submission.unknown_format": {
        "en": "unknown submission format {value!r}; known formats: {known}",
        "zh": "未知的提交材料格式 {value!r}；已知格式：{known}",
    },
    "error.submission.unread_extension": {
        "en": "{name}: not a format bcic reads; accepted file extensions: {extensions} (a file "
              "without an extension is read as the format its content shows)",
        "zh": "{name}：不是 bcic 能读取的格式；可接受的文件扩展名：{extensions}（没有扩展名的文件按其"
              "内容判断格式）",
    },
    # A refused submission file: where (file:line:column), then what (error.parse.*).
    "error.parse.at": {"en": "{where}: {problem}", "zh": "{where}：{problem}"},
    # After a parser's own words quoted in a refusal (English, as the parser wrote them).
    "error.parse.engine_words": {
        "en": "{problem} (the parser's own words, in English)",
        "zh": "{problem}（以上英文为解析器的原文）",
    },
    "error.parse.not_utf8": {
        "en": "not UTF-8: byte 0x{byte:02x} at offset {offset}",
        "zh": "不是 UTF-8 编码：偏移量 {offset} 处的字节 0x{byte:02x}",
    },
    "error.parse.nul": {"en": "NUL character in text", "zh": "文本中含有 NUL 字符"},
    "error.parse.too_many_triples": {
        "en": "the submission holds more than {limit:,} statements (triples), the limit "
              "BCIC_MAX_TRIPLES sets; reading stopped in this file. A cluster of 10,000 members "
              "needs about 74,000: look for repeated or generated data. To allow more, set "
              "BCIC_MAX_TRIPLES higher where bcic runs (for uploads to a web server, its "
              "operator does)",
        "zh": "提交材料中的陈述（三元组）超过 {limit:,} 条，即 BCIC_MAX_TRIPLES 设定的上限；已在本文件中"
              "停止读取。一个有 10,000 家成员的产业集群约需 74,000 条：请检查是否有重复或批量生成的数据。"
              "如需放宽上限，请在运行 bcic 的环境中调大 BCIC_MAX_TRIPLES（上传到网页服务器的，由其运维"
              "人员设置）",
    },
    "error.parse.xml_unsafe_character": {
        "en": "the literal {value!r} holds the character {character}, which XML 1.0 cannot carry "
              "(a control character other than tab, line feed and carriage return, or U+FFFE, "
              "U+FFFF): the store answers queries in SPARQL XML and RDF/XML too, so it is not "
              "accepted; remove it",
        "zh": "字面量 {value!r} 含有字符 {character}，XML 1.0 无法承载该字符（制表符、换行符、回车符"
              "以外的控制字符，或 U+FFFE、U+FFFF）：存储也以 SPARQL XML 和 RDF/XML 应答查询，因此不予"
              "接受；请删除该字符",
    },
    "error.provenance.xml_unsafe_character": {
        "en": "the {what} {value!r} holds the character {character}, which XML 1.0 cannot carry "
              "(a control character other than tab, line feed and carriage return, or U+FFFE, "
              "U+FFFF): it would be stored in the revision's provenance, which the store answers "
              "in SPARQL XML and RDF/XML too, so it is not accepted; {remedy}",
        "zh": "{what} {value!r} 含有字符 {character}，XML 1.0 无法承载该字符（制表符、换行符、回车符以外的"
              "控制字符，或 U+FFFE、U+FFFF）：它将存入该修订版的来源信息，而存储也以 SPARQL XML 和 RDF/XML "
              "应答查询，因此不予接受；{remedy}",
    },
    "error.provenance.file_name": {"en": "file name", "zh": "文件名"},
    "error.provenance.file_name_remedy": {"en": "rename the file", "zh": "请重命名该文件"},
    "error.provenance.submitter": {"en": "submitter", "zh": "提交者"},
    "error.provenance.submitter_remedy": {"en": "give the submitter without it",
                                          "zh": "请去掉该字符后再给出提交者"},
    "error.parse.markup_declaration": {
        "en": "{declaration} declarations are not accepted (they can expand forever)",
        "zh": "不接受 {declaration} 声明（它们可能无限展开）",
    },
    "error.parse.xml_declaration": {
        "en": "{declaration} declarations are not accepted",
        "zh": "不接受 {declaration} 声明",
    },
    "error.parse.xml_encoding": {
        "en": "XML declares encoding {encoding!r}, not UTF-8",
        "zh": "XML 声明的编码为 {encoding!r}，不是 UTF-8",
    },
    "error.parse.xml_depth": {
        "en": "XML elements nested more than {depth} deep",
        "zh": "XML 元素嵌套超过 {depth} 层",
    },
    "error.parse.xml_syntax": {"en": "XML syntax error: {detail}", "zh": "XML 语法错误：{detail}"},
    "error.parse.json_syntax": {
        "en": "JSON syntax error: {detail}",
        "zh": "JSON 语法错误：{detail}",
    },
    "error.parse.json_depth": {
        "en": "JSON nested more than {depth} levels deep",
        "zh": "JSON 嵌套超过 {depth} 层",
    },
    "error.parse.json_duplicate_key": {
        "en": "JSON error: key {key!r} appears twice in one object",
        "zh": "JSON 错误：同一对象中键 {key!r} 出现了两次",
    },
    "error.parse.json_lone_surrogate": {
        "en": "JSON syntax error: {escape} is not a character (a lone surrogate: half of a "
              "UTF-16 pair, without its other half)",
        "zh": "JSON 语法错误：{escape} 不是字符（孤立的代理项：UTF-16 代理对的一半，缺少另一半）",
    },
    "error.parse.jsonld_import": {
        "en": "JSON-LD @import is not accepted; write the context inline",
        "zh": "不接受 JSON-LD @import；请把上下文直接写在文档中",
    },
    "error.parse.jsonld_remote_context": {
        "en": "JSON-LD @context refers to {reference!r}; write the context inline",
        "zh": "JSON-LD @context 引用了 {reference!r}；请把上下文直接写在文档中",
    },
    "error.parse.jsonld_nested_context": {
        "en": "JSON-LD @context is accepted only at the top of the document (not nested)",
        "zh": "JSON-LD @context 只能出现在文档顶层（不能嵌套）",
    },
    "error.parse.jsonld_dropped_iri": {
        "en": "{label}: {value!r} is not an absolute IRI, so {count} statement(s) would be dropped "
              "without a word (an IRI holds no space; a key must be mapped by the @context)",
        "zh": "{label}：{value!r} 不是绝对 IRI，会有 {count} 条陈述被悄然丢弃（IRI 中不能有空格；"
              "键须由 @context 映射）",
    },
    "error.parse.jsonld_dropped_language": {
        "en": "{label}: {value!r} is not a valid language tag, so {count} statement(s) would be "
              "dropped without a word",
        "zh": "{label}：{value!r} 不是有效的语言标签，会有 {count} 条陈述被悄然丢弃",
    },
    "error.parse.jsonld_dropped": {
        "en": "{label}: {count} statement(s) would be dropped without a word",
        "zh": "{label}：会有 {count} 条陈述被悄然丢弃",
    },
    "error.parse.rdf_syntax": {
        "en": "{label} syntax error: {detail}",
        "zh": "{label}语法错误：{detail}",  # label: a SpacedBefore
    },
    # After a refusal, what it most likely comes from (checker/loading/rdf_xml_hints.py).
    "error.parse.then": {"en": "{problem}; {then}", "zh": "{problem}；{then}"},
    "error.parse.rdf_xml_misspelt": {
        "en": "{written} is no attribute of RDF/XML: did you mean {meant}?",
        "zh": "{written} 不是 RDF/XML 的语法属性：是否应为 {meant}？",
    },
    "error.parse.rdf_xml_unqualified": {
        "en": "the attribute {written}= has no prefix: RDF/XML writes it {meant}=",
        "zh": "属性 {written}= 没有前缀：RDF/XML 中应写作 {meant}=",
    },
    "error.parse.rdf": {"en": "{label}: {detail}", "zh": "{label}：{detail}"},
    "error.parse.term_too_long": {
        "en": "{label}: a literal or IRI is longer than {limit:g} MiB, the most a term can hold",
        "zh": "{label}：某个字面量或 IRI 超过 {limit:g} MiB，超出了单个项的上限",
    },
    "error.parse.triple_term": {
        "en": "RDF 1.2 triple terms are not accepted",
        "zh": "不接受 RDF 1.2 三元组项",
    },
    "error.parse.base_direction": {
        "en": "the base direction of {value!r}@{language} is not accepted",
        "zh": "不接受 {value!r}@{language} 的书写方向",
    },
    "error.parse.standard_term": {
        "en": "<{term}> is a term of the standard (its ontology, requirement catalogue, "
              "indicators or shapes) and a submission may not describe it (here with "
              "<{predicate}>): use the standard's terms to describe the cluster, and your own "
              "IRIs for anything new",
        "zh": "<{term}> 是本标准的术语（属于其本体、要求目录、指标或形状），提交材料不得对其作出陈述"
              "（此处使用了 <{predicate}>）：请用本标准的术语描述集群，新的事物请使用自己的 IRI",
    },
    "error.parse.standard_term_extended": {
        "en": "<{subject}> may not be made a subclass or an equivalent of the standard's term "
              "<{term}> (here with <{predicate}>): an instance counts as evidence only through "
              "the standard's own classes",
        "zh": "不得把 <{subject}> 声明为本标准术语 <{term}> 的子类或等价项（此处使用了 <{predicate}>）："
              "只有本标准自身的类才能使实例计为证据",
    },
    "error.parse.markup_literal": {
        "en": "DOCTYPE or ENTITY declaration inside an XML or HTML literal",
        "zh": "XML 或 HTML 字面量中含有 DOCTYPE 或 ENTITY 声明",
    },
}
