"""UI strings shared by every page: layout, navigation, errors."""

STRINGS = {
    "app.name": {"en": "bcic — brand cultivation compliance checker",
                 "zh": "bcic — 产业集群品牌培育符合性检查"},
    "app.standard": {"en": "GB/T 《品牌培育 产业集群》 (brand cultivation — industrial cluster)",
                     "zh": "GB/T 《品牌培育 产业集群》"},
    # Between a label and what it labels: 层级：驱动层, Layer: driver layer.
    "punct.colon": {"en": ": ", "zh": "："},
    # A redirect's own page, for a browser or client that does not follow it.
    "redirect.title": {"en": "Moved", "zh": "已转到新地址"},
    "redirect.body": {"en": "This page is at", "zh": "此页面位于"},
    "nav.home": {"en": "Clusters", "zh": "产业集群"},
    "nav.validate": {"en": "Validate", "zh": "验证"},
    "nav.benchmark": {"en": "Benchmark", "zh": "对标比较"},
    "nav.rulebook": {"en": "Rulebook", "zh": "规则库"},
    "nav.sparql": {"en": "SPARQL", "zh": "SPARQL 查询"},
    "nav.api": {"en": "API", "zh": "接口"},
    "nav.language": {"en": "Language", "zh": "语言"},
    "nav.skip": {"en": "Skip to content", "zh": "跳到正文"},
    "lang.unknown": {"en": "There is no “{given}” version of this site: this page is in English "
                           "(the other language is at the top right).",
                     "zh": "本站没有“{given}”语言版本：本页为中文（另一语言见右上方）。"},
    # Above a page whose figures come from the store's summary graph, while it needs a reindex.
    "store.needs_reindex": {
        "en": "The store's summary graph was written by another version of bcic: until the "
              "operator runs `bcic reindex`, what this page reads from it (verdicts, rates, the "
              "comparisons with a benchmark and with competitors) may be missing or wrong.",
        "zh": "存储的摘要图由另一版本的 bcic 写入：在运维人员运行 `bcic reindex` 之前，本页据其显示的内容"
              "（结论、符合率、与标杆及竞争对手的对比）可能缺失或有误。"},
    "footer.note": {
        "en": "Checks submissions against the shall-level provisions of the standard; items that "
              "need an evaluator's judgement are listed for manual review.",
        "zh": "依据标准中\u201c应\u201d级条款检查提交材料；需要评价人员判断的事项列入人工评审清单。"},
    "error.title": {"en": "Error {status}", "zh": "错误 {status}"},
    # The error page's title: what went wrong, then the status and the site.
    "error.page_title": {"en": "{what} (error {status}) — bcic",
                         "zh": "{what}（错误 {status}）— bcic"},
    "error.back": {"en": "Back to the clusters", "zh": "返回产业集群列表"},
    # A 404 naming the pages nearest to the one asked (a shape misspelt: their names).
    "error.nearest": {"en": "The nearest pages:", "zh": "最接近的页面："},
    "error.400": {"en": "The request is malformed.", "zh": "请求格式有误。"},
    "error.401": {"en": "This action needs a bearer token.", "zh": "此操作需要访问令牌。"},
    "error.403": {"en": "This token's role may not do this.", "zh": "该令牌的角色无权执行此操作。"},
    "error.404": {"en": "There is no such page.", "zh": "页面不存在。"},
    "error.405": {"en": "This method is not allowed here.", "zh": "此处不允许该请求方法。"},
    "error.413": {"en": "The upload is too large: at most {limit}.",
                  "zh": "上传内容过大：上限为 {limit}。"},
    "error.415": {"en": "This format is not accepted here.", "zh": "此处不接受该格式。"},
    "error.500": {"en": "Internal error; the server's log has the details.",
                  "zh": "服务器内部错误，详情见服务器日志。"},
    "error.503": {"en": "The store is busy or not ready; try again shortly.",
                  "zh": "存储正忙或尚未就绪，请稍后重试。"},
    "error.csrf": {"en": "The form expired or did not come from this site; reload it and "
                         "send it again.",
                   "zh": "表单已过期或并非来自本站，请刷新页面后重新提交。"},
}
