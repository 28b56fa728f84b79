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
    "sparql.param_kind": {"en": "({kind}, {need})", "zh": "（{kind}，{need}）"},
    "sparql.loading": {"en": "Loading the editor…", "zh": "正在加载编辑器…"},
    "sparql.keyboard": {"en": "Keyboard: in the query editor, Tab and Shift+Tab move to the next "
                              "or previous control, as elsewhere (they do not indent); "
                              "Ctrl+Enter runs the query; Ctrl+Space completes a prefix or a "
                              "variable.",
                        "zh": "键盘操作：在查询编辑器中，Tab 和 Shift+Tab 与别处一样移到下一个或上一个控件"
                              "（不用于缩进）；Ctrl+Enter 运行查询；Ctrl+Space 补全前缀或变量。"},
    # Names of the editor's fields, which YASGUI draws unlabelled.
    "sparql.field.endpoint": {"en": "SPARQL endpoint address", "zh": "SPARQL 端点地址"},
    "sparql.field.query": {"en": "SPARQL query", "zh": "SPARQL 查询语句"},
    "sparql.remote.title": {"en": "SPARQL queries", "zh": "SPARQL 查询"},
    "sparql.remote.intro": {
        "en": "This app keeps its knowledge graph (rules, submissions, reports, provenance) on a "
              "remote SPARQL server, which answers queries itself: send them to that server's "
              "own endpoint, not to this app's /sparql.",
        "zh": "本应用的知识图谱（规则、提交材料、报告、来源信息）保存在远程 SPARQL 服务器上，由该服务器"
              "自己回答查询：请把查询发到该服务器自己的端点，而不是本应用的 /sparql。"},
    "sparql.remote.endpoint": {"en": "Its public endpoint", "zh": "其公开端点"},
    "sparql.remote.unnamed": {"en": "The operator of this app has not published that endpoint's "
                                    "address here: ask them for it.",
                              "zh": "本应用的运营方未在此公布该端点的地址，请向其询问。"},
    "sparql.remote.named_queries": {"en": "The named queries answer here too, as JSON, from that "
                                          "server",
                                    "zh": "命名查询也可在此以 JSON 形式获取，由该服务器作答"},
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
    # DataTables' screen-reader labels: a column's name, then `orderable…`; the paging buttons.
    "sparql.yasgui.aria.orderable": {"en": ": Activate to sort", "zh": "：点击排序"},
    "sparql.yasgui.aria.orderable_reverse": {"en": ": Activate to invert sorting",
                                             "zh": "：点击反向排序"},
    "sparql.yasgui.aria.orderable_remove": {"en": ": Activate to remove sorting",
                                            "zh": "：点击取消排序"},
    "sparql.yasgui.aria.first": {"en": "First", "zh": "第一页"},
    "sparql.yasgui.aria.previous": {"en": "Previous", "zh": "上一页"},
    "sparql.yasgui.aria.next": {"en": "Next", "zh": "下一页"},
    "sparql.yasgui.aria.last": {"en": "Last", "zh": "最后一页"},
    # The results header's "N results in S seconds" line, rewritten from YASGUI's (web/README.md).
    "sparql.yasgui.chip.rows": {"en": "{count} results", "zh": "{count} 条结果"},
    "sparql.yasgui.chip.rows_time": {"en": "{count} results in {seconds} seconds",
                                     "zh": "{count} 条结果，用时 {seconds} 秒"},
    "sparql.yasgui.chip.time": {"en": "Response in {seconds} seconds",
                                "zh": "响应用时 {seconds} 秒"},
    # A failed query, drawn by the editor's error renderer (the endpoint's message as it is).
    "sparql.yasgui.error.refused": {"en": "The endpoint answered HTTP {status}:",
                                    "zh": "端点返回 HTTP {status}："},
    "sparql.yasgui.error.failed": {"en": "The query failed:", "zh": "查询失败："},
}

# YASGUI's own texts that no option reaches, each "en" verbatim as YASGUI writes it (a test finds
# it in YASGUI's bundle; `{plugin}` stands for a result view's name, the two first entries). Under
# another language the editor script swaps a whole text of YASGUI's controls for the page's, never
# a text of the query, the results, a tab's name or the endpoint's message (web/README.md).
YASGUI_TEXTS = {
    "sparql.yasgui.text.table": {"en": "Table", "zh": "表格"},
    "sparql.yasgui.text.response": {"en": "Response", "zh": "原始响应"},
    "sparql.yasgui.text.shows_view": {"en": "Shows {plugin} view", "zh": "显示{plugin}视图"},
    "sparql.yasgui.text.view_docs": {"en": "View documentation of {plugin}",
                                     "zh": "查看{plugin}的说明文档"},
    "sparql.yasgui.text.close_tab": {"en": "Close tab", "zh": "关闭标签页"},
    "sparql.yasgui.text.add_tab": {"en": "Add tab", "zh": "新建标签页"},
    "sparql.yasgui.text.add_new_tab": {"en": "Add a new tab", "zh": "新建一个标签页"},
    "sparql.yasgui.text.new_tab": {"en": "New Tab", "zh": "新建标签页"},
    "sparql.yasgui.text.rename_tab": {"en": "Rename Tab", "zh": "重命名标签页"},
    "sparql.yasgui.text.copy_tab": {"en": "Copy Tab", "zh": "复制标签页"},
    "sparql.yasgui.text.close_tab_menu": {"en": "Close Tab", "zh": "关闭此标签页"},
    "sparql.yasgui.text.close_other_tabs": {"en": "Close other tabs", "zh": "关闭其他标签页"},
    "sparql.yasgui.text.undo_close_tab": {"en": "Undo close Tab", "zh": "恢复关闭的标签页"},
    "sparql.yasgui.text.settings": {"en": "Settings", "zh": "设置"},
    "sparql.yasgui.text.open_settings": {"en": "Open settings", "zh": "打开设置"},
    "sparql.yasgui.text.close_settings": {"en": "Close settings", "zh": "关闭设置"},
    "sparql.yasgui.text.request_method": {"en": "Request method", "zh": "请求方法"},
    "sparql.yasgui.text.accept_headers": {"en": "Accept Headers", "zh": "Accept 请求头"},
    "sparql.yasgui.text.ask_select": {"en": "Ask / Select", "zh": "ASK / SELECT 查询"},
    "sparql.yasgui.text.construct_describe": {"en": "Construct / Describe",
                                              "zh": "CONSTRUCT / DESCRIBE 查询"},
    "sparql.yasgui.text.arguments": {"en": "Arguments", "zh": "URL 参数"},
    "sparql.yasgui.text.header_arguments": {"en": "Header Arguments", "zh": "请求头参数"},
    "sparql.yasgui.text.default_graphs": {"en": "Default Graphs", "zh": "默认图"},
    "sparql.yasgui.text.named_graphs": {"en": "Named Graphs", "zh": "命名图"},
    "sparql.yasgui.text.clear_endpoint": {"en": "Clear endpoint", "zh": "清除端点"},
    "sparql.yasgui.text.add_endpoint": {"en": 'Press "enter" to add this endpoint',
                                        "zh": "按回车键添加此端点"},
    "sparql.yasgui.text.share_query": {"en": "Share query", "zh": "分享查询"},
    "sparql.yasgui.text.run_query": {"en": "Run query", "zh": "运行查询"},
    "sparql.yasgui.text.invalid_line": {"en": "This line is invalid. Expected:",
                                        "zh": "此行无效。应为："},
    "sparql.yasgui.text.nothing_to_complete": {"en": "Nothing to autocomplete yet!",
                                               "zh": "暂无可补全的内容！"},
    "sparql.yasgui.text.suggestions_failed": {"en": "Failed fetching suggestions",
                                              "zh": "获取补全建议失败"},
    "sparql.yasgui.text.download_results": {"en": "Download Results", "zh": "下载结果"},
    "sparql.yasgui.text.download_result": {"en": "Download result", "zh": "下载结果"},
    "sparql.yasgui.text.download_unsupported": {"en": "Download not supported",
                                                "zh": "此视图不支持下载"},
    "sparql.yasgui.text.cannot_render": {"en": "cannot render result", "zh": "无法显示结果"},
    "sparql.yasgui.text.simple_view": {"en": "Simple view", "zh": "简洁视图"},
    "sparql.yasgui.text.ellipse": {"en": "Ellipse", "zh": "省略长值"},
    "sparql.yasgui.text.filter": {"en": "Filter query results", "zh": "筛选查询结果"},
    "sparql.yasgui.text.page_size": {"en": "Page size:", "zh": "每页行数："},
    "sparql.yasgui.text.all": {"en": "All", "zh": "全部"},
    "sparql.yasgui.text.show_all": {"en": "Show all", "zh": "全部显示"},
    "sparql.yasgui.text.pagination": {"en": "pagination", "zh": "分页"},
}
STRINGS.update(YASGUI_TEXTS)
