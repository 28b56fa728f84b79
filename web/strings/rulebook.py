"""UI strings of the rulebook pages."""

STRINGS = {
    "rulebook.error.no_requirement": {
        "en": "There is no provision or section {requirement_id!r} in the catalogue; ids look like "
              "4.2.1-a or 4.2.",
        "zh": "条款目录中没有规定或章节 {requirement_id!r}；编号形如 4.2.1-a 或 4.2。"},
    "rulebook.error.no_version": {
        "en": "The store holds no rulebook {version!r}; the running rulebook is {running}.",
        "zh": "存储库中没有规则库 {version!r}；当前运行的规则库为 {running}。"},
    "rulebook.error.not_in_version": {
        "en": "Rulebook {version} states no provision {requirement_id!r}.",
        "zh": "规则库 {version} 中没有规定 {requirement_id!r}。"},
    "rulebook.versions.title": {"en": "Rulebooks the store holds", "zh": "存储库中的规则库"},
    "rulebook.versions.intro": {
        "en": "Each stored revision was judged under one of these; the running rulebook is "
              "{version} (digest {digest}).",
        "zh": "每个已存储的修订版都是在其中之一下判定的；当前运行的规则库为 {version}（摘要 {digest}）。"},
    "rulebook.versions.none": {
        "en": "The store holds no rulebook yet: the rules come into it with the first revision "
              "stored.",
        "zh": "存储库中尚无规则库：规则随第一个存储的修订版一同载入。"},
    "rulebook.versions.link": {"en": "Rulebooks the store holds", "zh": "存储库中的规则库"},
    "rulebook.version.title": {"en": "Rulebook {version}", "zh": "规则库 {version}"},
    "rulebook.version.several": {
        "en": "The store holds {n} rulebooks of version {version}, told apart by the digest of "
              "their rule files (a rule file was edited and the version number was not): "
              "choose one.",
        "zh": "存储库中有 {n} 个版本号同为 {version} 的规则库，以其规则文件的摘要相区分（规则文件已修改而版本号未变）：请选择其一。"},
    "rulebook.version.digest": {"en": "Digest", "zh": "摘要"},
    "rulebook.version.rule_graphs": {"en": "Its rule graphs", "zh": "其规则图"},
    "rulebook.version.provisions": {"en": "Its provisions", "zh": "其规定"},
    "rulebook.version.in_version": {"en": "{notation} in rulebook {version}",
                                    "zh": "规则库 {version} 中的 {notation}"},
    "rulebook.version.read_in": {"en": "As rulebook {version} states it",
                                 "zh": "规则库 {version} 中的表述"},
    "rulebook.version.running_page": {"en": "The running rulebook {running} has it too: its page",
                                      "zh": "当前运行的规则库 {running} 中也有此规定：查看其页面"},
    "rulebook.version.shapes": {"en": "Shapes that checked it", "zh": "检查它的形状"},
    "rulebook.version.no_shapes": {"en": "No shape checked it.", "zh": "没有形状检查它。"},
    "rulebook.error.chapter": {
        "en": "chapter={asked!r}: the catalogue covers chapters {first}–{last}.",
        "zh": "chapter={asked!r}：条款目录涵盖第 {first}–{last} 章。"},
    "rulebook.error.level": {"en": "level={asked!r}: choose one of {levels}.",
                             "zh": "level={asked!r}：请从 {levels} 中选择。"},
    "rulebook.error.not_acceptable": {
        "en": "Cannot answer {asked}; available: {offered}.",
        "zh": "无法按 {asked} 应答；可用格式：{offered}。"},
    "rulebook.title": {"en": "Rulebook", "zh": "规则库"},
    "rulebook.intro": {
        "en": "The provisions of chapters 4–9 of the draft standard, in clause order, with the "
              "SHACL shapes that check each one (and the fixture that proves each shape) or the "
              "prompt an evaluator answers by hand. The Chinese text is the standard's, verbatim; "
              "the English is bcic's rendering.",
        "zh": "标准征求意见稿第4章至第9章的全部规定，按条款顺序列出；每条规定附有检查它的 SHACL "
              "形状（及证明该形状有效的正反例）或需由评价人员人工判断的提示。中文为标准原文，英文为 "
              "bcic 的译文。"},
    "rulebook.coverage": {"en": "Coverage at a glance", "zh": "覆盖情况一览"},
    "rulebook.coverage.requirements": {"en": "Provisions", "zh": "规定总数"},
    "rulebook.coverage.shapes": {"en": "Shapes that check a provision", "zh": "检查规定的形状"},
    "rulebook.coverage.manual": {"en": "Manual-review items", "zh": "人工评审项"},
    "rulebook.coverage.manual_only": {"en": "Shall-level provisions only the evaluator checks (no shape)",
                                      "zh": "仅由评价人员检查（无形状）的“应”级规定"},
    "rulebook.coverage.gaps": {"en": "Gaps (shall-level provisions nothing checks, shapes "
                                     "without a fixture)",
                               "zh": "缺口（无任何检查的“应”级规定、无正反例的形状）"},
    "rulebook.coverage.fixtures": {"en": "Fixtures by kind", "zh": "各类正反例数量"},
    "rulebook.coverage.none": {"en": "none", "zh": "无"},
    "rulebook.filter": {"en": "Filter", "zh": "筛选"},
    "rulebook.filter.chapter": {"en": "Chapter", "zh": "章"},
    "rulebook.filter.level": {"en": "Level", "zh": "规定级别"},
    "rulebook.filter.all": {"en": "all", "zh": "全部"},
    "rulebook.filter.apply": {"en": "Show", "zh": "显示"},
    "rulebook.filter.shown.one": {"en": "{n} clause shown", "zh": "显示 {n} 个条款"},
    "rulebook.filter.shown.other": {"en": "{n} clauses shown", "zh": "显示 {n} 个条款"},
    "rulebook.chapter": {"en": "Chapter {n}", "zh": "第{n}章"},
    "rulebook.clause": {"en": "Clause", "zh": "条款"},
    "rulebook.level": {"en": "Level", "zh": "级别"},
    "rulebook.modal": {"en": "modal verb", "zh": "情态动词"},
    "rulebook.no_modal": {"en": "(no modal verb)", "zh": "（无情态动词）"},  # brackets each its own
    "rulebook.modal_of_lead_in": {"en": " (carried from its lead-in {lead_in})",
                                  "zh": "（承接引导语 {lead_in}）"},
    "rulebook.layer": {"en": "Layer", "zh": "层级"},
    "rulebook.layer.driver": {"en": "driver layer", "zh": "驱动层"},
    "rulebook.layer.process": {"en": "process layer", "zh": "过程层"},
    "rulebook.layer.result": {"en": "result layer", "zh": "结果层"},
    "rulebook.actor": {"en": "Actor", "zh": "责任主体"},
    "rulebook.text_zh": {"en": "Standard text (zh, verbatim)", "zh": "标准原文"},
    "rulebook.text_en": {"en": "English rendering", "zh": "英文译文"},
    "rulebook.level_note": {"en": "Why this level", "zh": "级别说明"},
    "rulebook.actor_note": {"en": "Why this actor", "zh": "责任主体说明"},
    "rulebook.shapes": {"en": "Shapes that check it", "zh": "检查该规定的形状"},
    "rulebook.shape": {"en": "Shape", "zh": "形状"},
    "rulebook.severity": {"en": "Severity", "zh": "严重程度"},
    "rulebook.severity.violation": {"en": "violation", "zh": "违规"},
    "rulebook.severity.warning": {"en": "warning", "zh": "警告"},
    "rulebook.severity.info": {"en": "info", "zh": "提示"},
    "rulebook.message": {"en": "Message", "zh": "消息"},
    "rulebook.written_at": {"en": "Written at", "zh": "所在位置"},
    "rulebook.outline": {"en": "Its path and constraints (the shapes they nest beneath them, "
                                  "each with its file and line)",
                            "zh": "路径与约束（其嵌套的形状列于其下，注明各自所在的文件与行号）"},
    "rulebook.fixture": {"en": "Fixture (what the non-conforming twin removes)",
                         "zh": "正反例（反例删除了什么）"},
    "rulebook.no_fixture": {"en": "no fixture rule fits this shape", "zh": "无适用的反例规则"},
    "rulebook.manual": {"en": "Manual review", "zh": "人工评审"},
    "rulebook.how_to": {"en": "How to meet it (the evidence to record, read off the shapes)",
                        "zh": "如何满足（应记录的证据，依据检查该规定的形状）"},
    "rulebook.items": {"en": "List items", "zh": "列项"},
    "rulebook.part_of": {"en": "Item of", "zh": "所属条款"},
    "rulebook.part_of_clause": {"en": "Part of", "zh": "所属条款（部分）"},
    "rulebook.parts": {"en": "Parts", "zh": "部分"},
    "rulebook.unchecked": {"en": "Checked through its list items.", "zh": "通过其列项进行检查。"},
    "rulebook.informative": {"en": "Informative: never a violation; the shapes use it as "
                                   "vocabulary.",
                             "zh": "资料性规定：不构成违规，仅作为形状的词汇。"},
    "rulebook.gap": {"en": "GAP", "zh": "缺口"},
    "rulebook.iri": {"en": "IRI", "zh": "IRI"},
    "rulebook.machine": {"en": "As data", "zh": "数据格式"},
    "rulebook.details": {"en": "Details", "zh": "详情"},
    "rulebook.checks": {"en": "Checks", "zh": "检查的规定"},
    "rulebook.helper": {"en": "Helper shape, used by", "zh": "辅助形状，被以下形状引用"},
    "rulebook.turtle": {"en": "Shape in Turtle", "zh": "形状的 Turtle 表示"},
    "rulebook.shapes_turtle": {"en": "shapes (Turtle)", "zh": "形状（Turtle）"},
    "rulebook.ontology_turtle": {"en": "ontology (Turtle)", "zh": "本体（Turtle）"},
    "rulebook.back": {"en": "Back to the rulebook", "zh": "返回规则库"},
    "rulebook.bcic_title": {"en": "bcic's short title: the standard gives this clause or item no heading",
                            "zh": "bcic 拟定的简称：标准未给此条款或列项标题"},
    "rulebook.titles_note": {
        "en": "Titles shown in grey with a dotted underline are bcic's short titles for the clauses "
              "and list items the standard gives no heading: they are not the standard's words. "
              "The chapter, section and clause headings shown plainly are the standard's (in "
              "English, bcic's rendering).",
        "zh": "灰色、带虚线下划线的标题是 bcic 为标准未设标题的条款和列项拟定的简称，不是标准原文；"
              "以正常字体显示的章、节和条款标题是标准原文。"},
    "rulebook.section_intro": {
        "en": "A heading of the standard with no text of its own: the provisions of the clauses "
              "numbered under it.",
        "zh": "标准中没有自身文本的标题：以下为其下编号条款中的规定。"},
    "rulebook.roles": {
        "en": "Reading the rulebook needs no token. Reloading the rule graphs of the store from "
              "the rule files (POST /api/rules/reload) needs a maintainer token; storing "
              "submissions needs an evaluator token.",
        "zh": "查阅规则库无需令牌。从规则文件重新加载存储中的规则图（POST /api/rules/reload）"
              "需要维护者（maintainer）令牌；存储提交材料需要评价人员（evaluator）令牌。"},
    "rulebook.ontology_link": {"en": "Ontology and indicator taxonomy", "zh": "本体与指标体系"},
    "ontology.title": {"en": "Ontology and indicator taxonomy", "zh": "本体与指标体系"},
    "ontology.intro": {
        "en": "The classes of the bcic ontology under the reused classes they specialise, with "
              "their named individuals (the standard itself, the concept schemes of the clauses' "
              "lists and the Data Cube's structure under the reused classes they are instances "
              "of); then the properties and the 9.1.4 indicator taxonomy. Each term's entry gives "
              "its labels in both languages, the clauses it models and its definition.",
        "zh": "bcic 本体的类（挂在其所细化的复用类之下）及其命名个体（标准本身、各条款列举项的概念体系、"
              "数据立方的结构挂在其所属的复用类之下）；其后是属性和 9.1.4 指标体系。每个术语的条目给出其中英文"
              "名称、所依据的条款和定义。"},
    "ontology.classes": {"en": "Classes", "zh": "类"},
    "ontology.properties": {"en": "Properties", "zh": "属性"},
    "ontology.taxonomy": {"en": "Indicator taxonomy (9.1.4)", "zh": "指标体系（9.1.4）"},
    "ontology.taxonomy_note": {
        "en": "Three categories, ten groups, thirty indicators, named as the standard lists them; "
              "the standard gives no units, formulas or scales (clusters state them, 9.2.1).",
        "zh": "3 个类别、10 个指标组、30 项指标，名称与标准所列一致；标准未给出单位、公式或量表，"
              "由各产业集群自行说明（9.2.1）。"},
    "ontology.counts": {"en": "{categories} categories, {groups} groups, {indicators} indicators",
                        "zh": "{categories} 个类别，{groups} 个指标组，{indicators} 项指标"},
    "ontology.term": {"en": "Term", "zh": "术语"},
    "ontology.label": {"en": "Label", "zh": "名称"},
    "ontology.definition": {"en": "Definition", "zh": "定义"},
    "ontology.clauses": {"en": "Clauses", "zh": "条款"},
    "ontology.kind": {"en": "Kind", "zh": "类型"},
    "ontology.domain": {"en": "Domain", "zh": "定义域"},
    "ontology.range": {"en": "Range", "zh": "值域"},
    "ontology.members": {"en": "Individuals", "zh": "个体"},
    "ontology.also": {"en": "also a subclass of", "zh": "亦为其子类"},
    "ontology.notation": {"en": "Code", "zh": "编码"},
    "ontology.kind.object": {"en": "object property", "zh": "对象属性"},
    "ontology.kind.datatype": {"en": "datatype property", "zh": "数据属性"},
    "ontology.kind.annotation": {"en": "annotation property", "zh": "注释属性"},
}
