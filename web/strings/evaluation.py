"""UI strings of the evaluation pages: clusters list, validation, reports."""

STRINGS = {
    "home.title": {"en": "Industrial clusters", "zh": "产业集群"},
    "home.cluster": {"en": "Cluster", "zh": "产业集群"},
    "home.verdict": {"en": "Latest verdict", "zh": "最新结论"},
    "home.rate": {"en": "Conformance rate", "zh": "符合率"},
    "home.revisions": {"en": "Revisions", "zh": "修订次数"},
    "home.last": {"en": "Last revision", "zh": "最近修订"},
    "home.rulebook": {"en": "Rulebook", "zh": "规则库版本"},
    "home.empty": {"en": "No cluster has been stored yet.", "zh": "尚未存储任何产业集群。"},
    "home.validate_link": {"en": "Validate a submission", "zh": "验证一份提交材料"},
    # A page of the list (checker/cluster_list.py: its order, filter and page size)
    "home.filter": {"en": "Name or IRI contains", "zh": "名称或 IRI 包含"},
    "home.filter.apply": {"en": "Filter", "zh": "筛选"},
    "home.filter.clear": {"en": "Show every cluster", "zh": "显示全部产业集群"},
    "home.order": {"en": "Listed by name, then by IRI.", "zh": "按名称排列，名称相同时按 IRI 排列。"},
    # By the clusters the page shows: one, or more
    "home.shown.one": {"en": "Cluster {first} of {total}",
                       "zh": "第 {first} 个产业集群，共 {total} 个"},
    "home.shown.other": {"en": "Clusters {first}–{last} of {total}",
                         "zh": "第 {first}–{last} 个产业集群，共 {total} 个"},
    "home.filtered": {"en": "{matched} of the {stored} stored clusters have “{text}” in their "
                            "name or IRI.",
                      "zh": "已存储的 {stored} 个产业集群中，名称或 IRI 含“{text}”的有 {matched} 个。"},
    "home.no_match": {"en": "No stored cluster has “{text}” in its name or IRI.",
                      "zh": "没有名称或 IRI 含“{text}”的已存储产业集群。"},
    "home.past_end": {"en": "This page is past the end of the list, which holds {n} cluster(s).",
                      "zh": "本页超出了列表末尾，列表共有 {n} 个产业集群。"},
    "home.pages": {"en": "Pages of the list", "zh": "列表分页"},
    "home.previous": {"en": "Previous page", "zh": "上一页"},
    "home.next": {"en": "Next page", "zh": "下一页"},
    "home.first": {"en": "First page", "zh": "第一页"},
    # Submit and validate (/validate)
    "validate.title": {"en": "Validate a submission", "zh": "验证提交材料"},
    "validate.intro": {
        "en": "Upload the files of one cluster's submission, or paste it as Turtle. It is checked "
              "against every provision of the standard and its report is shown at once.",
        "zh": "上传一个产业集群提交材料的文件，或以 Turtle 格式粘贴其内容。系统将依据标准的全部条款进行检查，"
              "并立即显示评价报告。"},
    "validate.files": {"en": "Files", "zh": "文件"},
    "validate.files_hint": {
        "en": "One or more files that together form the submission. The format follows the file "
              "extension ({extensions}); a file without one is recognised by its content. "
              "At most {limit} in all.",
        "zh": "可选择一个或多个文件，共同构成一份提交材料。格式依文件扩展名判断（{extensions}）；"
              "无扩展名的文件按内容识别。总大小不超过 {limit}。"},
    "validate.text": {"en": "Or paste Turtle", "zh": "或粘贴 Turtle 文本"},
    "validate.store": {"en": "Store as a new revision", "zh": "存储为新版本"},
    "validate.store_box": {
        "en": "Store this submission as its cluster's next revision (whatever the verdict)",
        "zh": "将本提交材料存储为该产业集群的下一个版本（不论结论如何）"},
    "validate.store_hint": {
        "en": "Storing needs an evaluator's token: ask an evaluator for one. To check a "
              "submission yourself, leave the box unticked: nothing is stored.",
        "zh": "存储需要评价人员令牌，请向评价人员索取。若仅作自查，请不要勾选此项：不存储任何内容。"},
    "validate.token": {"en": "Evaluator token", "zh": "评价人员令牌"},
    "validate.submit": {"en": "Validate", "zh": "验证"},
    "validate.failed": {"en": "The submission was not validated.", "zh": "提交材料未能验证。"},
    "validate.nothing_stored": {"en": "Nothing was stored.", "zh": "未存储任何内容。"},
    "validate.error.400": {"en": "The submission cannot be read.",
                           "zh": "无法读取该提交材料。"},
    "validate.error.401": {"en": "Storing needs a valid evaluator token.",
                           "zh": "存储需要有效的评价人员令牌。"},
    "validate.error.403": {"en": "This token may not store revisions: it needs the evaluator "
                                 "role.",
                           "zh": "该令牌无权存储版本：需要评价人员角色。"},
    "validate.error.413": {"en": "The upload is too large: at most {limit}. Nothing was read, "
                                 "pasted text included: choose smaller files or paste less.",
                           "zh": "上传内容过大：上限为 {limit}。所提交的内容（包括粘贴的文本）均未"
                                 "读取：请选择较小的文件或少粘贴一些内容。"},
    "validate.error.limit": {"en": "The submission goes beyond what this server validates. "
                                   "Nothing was stored.",
                             "zh": "该提交材料超出了本服务器的验证限度，未存储任何内容。"},
    "validate.error.busy": {"en": "The server is validating as many submissions as it does at "
                                  "once. Nothing was validated or stored: send it again in a "
                                  "moment.",
                            "zh": "服务器正在同时验证的提交材料已达上限。本份材料未被验证，也未存储任何"
                                  "内容：请稍后重新提交。"},
    "validate.error.csrf": {"en": "The form expired or did not come from this site. It is shown "
                                  "again below, ready to send: choose the files again and check "
                                  "the token.",
                            "zh": "表单已过期或并非来自本站。下方已重新显示表单，可以再次提交："
                                  "请重新选择文件并检查令牌。"},
    "validate.error.415": {"en": "A file is not in a format bcic reads.",
                           "zh": "有文件的格式无法识别。"},
    "validate.error.nothing_given": {"en": "Choose at least one file or paste Turtle text.",
                                     "zh": "请至少选择一个文件，或粘贴 Turtle 文本。"},
    "validate.error.body_type": {
        "en": "Content-Type {given} is not a submission syntax; send one of {accepted}.",
        "zh": "Content-Type {given} 不是提交材料的语法；请使用以下之一：{accepted}。"},
    "validate.error.no_body_type": {"en": "(none)", "zh": "（无）"},
    "request.error.content_encoding": {
        "en": "Content-Encoding {encoding!r} is not accepted: send the body uncompressed.",
        "zh": "不接受 Content-Encoding {encoding!r}：请发送未经压缩的请求体。"},
    "validate.error.empty_body": {
        "en": "The request body is empty: send the submission as the body.",
        "zh": "请求体为空：请把提交材料作为请求体发送。"},
    # Report pages (/validations/<id>, /clusters/<key>/revisions/<n>)
    "report.error.not_kept": {
        "en": "No validation {report_id!r} is kept: validations that were not stored are kept "
              "for a while only; validate the submission again.",
        "zh": "没有保留编号为 {report_id!r} 的验证结果：未存储的验证结果只临时保留；请重新验证该提交"
              "材料。"},
    "report.error.not_a_key": {
        "en": "{key!r} is not a cluster key (16 hexadecimal digits){nearest}.",
        "zh": "{key!r} 不是产业集群的键（应为 16 位十六进制数字）{nearest}。"},
    "report.error.filter": {"en": "Unknown {name} {value!r}; accepted: {accepted}.",
                            "zh": "未知的 {name} 取值 {value!r}；可接受的取值：{accepted}。"},
    "report.page.fresh": {"en": "Validation (not stored)", "zh": "验证结果（未存储）"},
    "report.page.fresh_note": {
        "en": "This report is kept for a while only: download it to keep it.",
        "zh": "此报告仅临时保留，如需保存请下载。"},
    "report.page.revision": {"en": "Revision {number}", "zh": "第 {number} 版"},
    "report.page.cluster_link": {"en": "All revisions of this cluster",
                                 "zh": "该产业集群的全部版本"},
    "report.page.rechecked_link": {"en": "The stored report of revision {number}",
                                   "zh": "第 {number} 版已存储的报告"},
    "report.page.submitter": {"en": "Submitted by", "zh": "提交者"},
    "report.page.download": {"en": "Download", "zh": "下载"},
    "report.page.filter": {"en": "Filter", "zh": "筛选"},
    "report.page.status": {"en": "Status", "zh": "状态"},
    "report.page.severity": {"en": "Severity", "zh": "严重程度"},
    "report.page.any": {"en": "any", "zh": "全部"},
    "report.page.apply": {"en": "Apply", "zh": "应用"},
    "report.page.clear": {"en": "Clear", "zh": "清除"},
    "report.page.shown": {"en": "{shown} of {total} requirements shown",
                          "zh": "显示 {total} 项要求中的 {shown} 项"},
    "report.page.shown_filtered": {
        "en": "{shown} of {total} requirements shown (filtered by “{filter}”)",
        "zh": "显示 {total} 项要求中的 {shown} 项（按“{filter}”筛选）"},
    "report.page.filter_join": {"en": ", ", "zh": "，"},
    "report.page.none_shown": {"en": "No requirement matches the filter.",
                               "zh": "没有符合筛选条件的要求。"},
    "report.page.chapter_rate": {"en": "chapter rate", "zh": "本章符合率"},
    "report.page.recheck": {"en": "Check revision {number} again under the running rulebook",
                            "zh": "按现行规则库重新验证第 {number} 版"},
    "report.page.recheck_hint": {
        "en": "Validates this revision's stored submission under the running rulebook {running} "
              "and shows that report apart; nothing is stored: this report stays the revision's "
              "verdict.",
        "zh": "按现行规则库 {running} 重新验证本版本已存储的提交材料，并另行显示其报告；不存储任何内容："
              "本报告仍是该版本的结论。"},
    "report.page.judge": {"en": "Record the evaluator's judgement", "zh": "记录评价人员的判定"},
    "report.page.judge_again": {"en": "Judge it again (the new judgement supersedes this one)",
                                "zh": "重新判定（新的判定取代当前判定）"},
    "report.page.judge_hint": {
        "en": "Your judgement as the evaluator (clause 1): the report then counts this provision "
              "met or not met. A rationale is required for \"not met\". Needs an evaluator's token, whose "
              "label names you as the judge.",
        "zh": "评价人员（第 1 章）的判定：报告将据此把本条款计为满足或不满足。判定不满足时须写明理由。"
              "需要评价人员令牌，以令牌的用途说明作为判定人。"},
    "report.page.judge_met": {"en": "met", "zh": "满足"},
    "report.page.judge_not_met": {"en": "not met", "zh": "不满足"},
    "report.page.judge_note": {"en": "Rationale", "zh": "理由"},
    # The rationale's language, as it is stored (dcterms:description's tag): the page's unless
    # the evaluator says otherwise.
    "report.page.judge_note_lang": {"en": "Language of the rationale", "zh": "理由所用语言"},
    "report.page.judge_note_zh": {"en": "Chinese (中文)", "zh": "中文"},
    "report.page.judge_note_en": {"en": "English", "zh": "英文（English）"},
    "report.page.judge_submit": {"en": "Record the judgement", "zh": "记录判定"},
    "report.page.delete": {"en": "Delete revision {number}", "zh": "删除第 {number} 版"},
    "report.page.delete_reason": {
        "en": "Reason for deletion (required: kept with the deletion, shown in the cluster's "
              "history)",
        "zh": "删除理由（必填：随删除记录保存，并显示在该集群的历史中）"},
    "report.page.delete_hint": {
        "en": "Removes this revision's submission, report, the evaluator's judgements and "
              "provenance for good; needs an evaluator's token. Its number is never given to "
              "another revision.",
        "zh": "永久删除本版本的提交材料、评价报告、评价人员的判定及来源信息；需要评价人员令牌。该版本号不会再分配给"
              "其他版本。"},
}
