"""UI strings of the sparql pages."""

STRINGS = {
    "sparql.error.media_type": {
        "en": "Send the query as {query_type} or as a form field `query` ({form_type}), not "
              "{given!r}.",
        "zh": "请以 {query_type} 或表单字段 `query`（{form_type}）发送查询，而不是 {given!r}。"},
    "sparql.title": {"en": "SPARQL editor", "zh": "SPARQL 查询编辑器"},
    "sparql.intro": {"en": "Query the knowledge graph (rules, submissions, reports, provenance) "
                           "read-only through this server's SPARQL 1.1 endpoint:",
                     "zh": "通过本服务器的 SPARQL 1.1 端点只读查询知识图谱（规则、提交材料、报告、"
                           "来源信息）："},
    "sparql.limits": {"en": "Updates and SERVICE calls are refused; long queries are stopped and "
                            "large results cut (the X-BCIC-Truncated header says so). No token is "
                            "needed to query.",
                      "zh": "拒绝更新操作和 SERVICE 调用；超时的查询会被终止，过大的结果会被截断"
                            "（响应头 X-BCIC-Truncated 标明）。查询无需令牌。"},
    "sparql.examples": {"en": "Named queries", "zh": "命名查询"},
    "sparql.examples_help": {"en": "Click a query to load it into the editor, then run it. "
                                   "Parameters are VALUES lines; an unbound one matches anything.",
                             "zh": "点击查询将其载入编辑器，然后运行。参数为 VALUES 行；未绑定的"
                                   "参数匹配任意值。"},
    "sparql.params": {"en": "Parameters", "zh": "参数"},
    "sparql.required": {"en": "required", "zh": "必填"},
    "sparql.optional": {"en": "optional", "zh": "可选"},
    "sparql.default": {"en": "default", "zh": "默认值"},
    "sparql.unbound": {"en": "unbound (any)", "zh": "未绑定（任意）"},
    "sparql.loading": {"en": "Loading the editor…", "zh": "正在加载编辑器…"},
    "sparql.noscript": {"en": "The editor needs JavaScript; the endpoint itself does not "
                              "(GET /sparql?query=…).",
                        "zh": "编辑器需要启用 JavaScript；端点本身不需要（GET /sparql?query=…）。"},
    # YASGUI's labels it lets be configured: the tab name, and the results table's DataTables
    # `language` (`_START_`, `_END_`, `_TOTAL_`, `_MAX_` are DataTables' placeholders).
    "sparql.yasgui.tab": {"en": "Query", "zh": "查询"},
    "sparql.yasgui.info": {"en": "Showing _START_ to _END_ of _TOTAL_ rows",
                           "zh": "第 _START_ 至 _END_ 行，共 _TOTAL_ 行"},
    "sparql.yasgui.info_empty": {"en": "No rows", "zh": "没有结果行"},
    "sparql.yasgui.info_filtered": {"en": "(filtered from _MAX_ rows)",
                                    "zh": "（从 _MAX_ 行中筛选）"},
    "sparql.yasgui.zero_records": {"en": "No matching rows", "zh": "没有匹配的结果行"},
    "sparql.yasgui.empty_table": {"en": "The query answered no rows", "zh": "查询没有返回结果行"},
}
