"""UI strings of error answers: what each HTTP status means when werkzeug raised it with its own
English text, why a form was refused (flask-wtf's CSRF reasons), and who may write (tokens)."""

STRINGS = {
    "error.lang.unknown": {"en": "Parameter lang: {given!r} is not a language of this API; give zh "
                                 "or en (a regional tag such as zh-CN or en-GB is the same).",
                           "zh": "参数 lang：{given!r} 不是本 API 提供的语言；请给出 zh 或 en"
                                 "（zh-CN、en-GB 等带地区的标签与之相同）。"},
    "error.param.not_utf8": {"en": "Parameter {name}: {escape} is not UTF-8; the escapes of an "
                                   "address must spell UTF-8 text.",
                             "zh": "参数 {name}：{escape} 不是 UTF-8 编码；地址中的 % 转义必须"
                                   "表示 UTF-8 文本。"},
    # An HTTP error raised with werkzeug's default description gets this one instead.
    "error.detail.400": {"en": "The browser or program sent a request this server cannot "
                               "understand.",
                         "zh": "浏览器或程序发送了本服务器无法理解的请求。"},
    "error.detail.401": {"en": "This address needs a valid bearer token "
                               "(Authorization: Bearer …).",
                         "zh": "此地址需要有效的访问令牌（Authorization: Bearer …）。"},
    "error.detail.403": {"en": "The server refuses this request: it is not allowed.",
                         "zh": "服务器拒绝了该请求：不允许执行此操作。"},
    "error.detail.404": {"en": "The requested URL was not found on this server; if you typed "
                               "it, check its spelling.",
                         "zh": "服务器上找不到所请求的 URL；如果是手动输入的，请检查拼写。"},
    "error.detail.405": {"en": "This URL does not accept the request's method.",
                         "zh": "此 URL 不接受该请求所用的方法。"},
    "error.detail.406": {"en": "The resource cannot be sent in any format the request's Accept "
                               "header allows.",
                         "zh": "无法以请求的 Accept 头所允许的任何格式发送该资源。"},
    "error.detail.408": {"en": "The connection was closed: the request was not completed in "
                               "time.",
                         "zh": "请求未能按时完成，连接已关闭。"},
    "error.detail.409": {"en": "The request conflicts with the resource as it is now; it may "
                               "have changed meanwhile.",
                         "zh": "该请求与资源的当前状态冲突；资源可能已在此期间被修改。"},
    "error.detail.410": {"en": "The requested URL is no longer available on this server.",
                         "zh": "所请求的 URL 在本服务器上已不再可用。"},
    "error.detail.411": {"en": "A request with this method needs a valid Content-Length header.",
                         "zh": "使用此方法的请求需要有效的 Content-Length 头。"},
    "error.detail.412": {"en": "A precondition of the request does not hold.",
                         "zh": "该请求的前提条件不成立。"},
    "error.detail.413": {"en": "The request body is larger than the limit of {limit}.",
                         "zh": "请求体超过了 {limit} 的上限。"},
    "error.detail.414": {"en": "The URL is longer than this server accepts.",
                         "zh": "URL 的长度超过了本服务器可接受的上限。"},
    "error.detail.415": {"en": "The server does not accept the media type of the request's body.",
                         "zh": "服务器不接受该请求体的媒体类型。"},
    "error.detail.416": {"en": "The server cannot send the requested range.",
                         "zh": "服务器无法提供所请求的范围。"},
    "error.detail.417": {"en": "The server cannot meet the requirements of the Expect header.",
                         "zh": "服务器无法满足 Expect 头的要求。"},
    "error.detail.418": {"en": "This server is a teapot, not a coffee machine.",
                         "zh": "本服务器是茶壶，不是咖啡机。"},
    "error.detail.421": {"en": "This server cannot answer requests for this address.",
                         "zh": "本服务器无法应答对该地址的请求。"},
    "error.detail.422": {"en": "The request is well-formed, but what it says cannot be done.",
                         "zh": "请求格式正确，但其内容无法执行。"},
    "error.detail.423": {"en": "The resource is locked.", "zh": "该资源已被锁定。"},
    "error.detail.424": {"en": "The request depended on another action, which failed.",
                         "zh": "该请求所依赖的另一项操作失败了。"},
    "error.detail.428": {"en": "This request must be conditional (If-Match or "
                               "If-Unmodified-Since).",
                         "zh": "该请求必须带有条件（If-Match 或 If-Unmodified-Since）。"},
    "error.detail.429": {"en": "Too many requests; try again later.",
                         "zh": "请求过多，请稍后重试。"},
    "error.detail.431": {"en": "One or more header fields of the request are too large.",
                         "zh": "请求中有一个或多个头字段过大。"},
    "error.detail.451": {"en": "Unavailable for legal reasons.", "zh": "因法律原因不可用。"},
    "error.detail.500": {"en": "The server met an internal error and could not complete the "
                               "request.",
                         "zh": "服务器发生内部错误，无法完成该请求。"},
    "error.detail.501": {"en": "The server does not support the action requested.",
                         "zh": "服务器不支持所请求的操作。"},
    "error.detail.502": {"en": "A server upstream sent an answer that is not valid.",
                         "zh": "上游服务器发来的应答无效。"},
    "error.detail.503": {"en": "The server cannot answer now (maintenance or load); try again "
                               "later.",
                         "zh": "服务器暂时无法应答（维护中或负载过高），请稍后重试。"},
    "error.detail.504": {"en": "A server upstream did not answer in time.",
                         "zh": "上游服务器未能按时应答。"},
    "error.detail.505": {"en": "The server does not support the request's HTTP version.",
                         "zh": "服务器不支持该请求所用的 HTTP 版本。"},
    # Why flask-wtf refused a form, by its own English reason (flask_wtf/csrf.py).
    "error.csrf.detail": {"en": "{summary} ({reason})", "zh": "{summary}（{reason}）"},
    "error.csrf.missing": {"en": "The CSRF token is missing.", "zh": "缺少 CSRF 令牌。"},
    "error.csrf.session_missing": {"en": "The CSRF session token is missing.",
                                   "zh": "缺少 CSRF 会话令牌。"},
    "error.csrf.expired": {"en": "The CSRF token has expired.", "zh": "CSRF 令牌已过期。"},
    "error.csrf.invalid": {"en": "The CSRF token is invalid.", "zh": "CSRF 令牌无效。"},
    "error.csrf.mismatch": {"en": "The CSRF tokens do not match.", "zh": "CSRF 令牌不匹配。"},
    "error.csrf.no_referrer": {"en": "The referrer header is missing.",
                               "zh": "缺少 Referer 请求头。"},
    "error.csrf.foreign_referrer": {"en": "The referrer does not match the host.",
                                    "zh": "Referer 与主机不一致。"},
    # Tokens (web/auth.py). The API's reader may be a program's author at a shell (or ask one);
    # a form's reader is at a browser, with no shell on the server: ask, or do without storing.
    # {role_name}: the role as people name it (auth.role.*); {role}: as the command takes it.
    "auth.error.no_token": {"en": "A valid bearer token of role {role_name} is needed: ask the "
                                  "server's administrator for one, who creates it on the server "
                                  "with `bcic token create --role {role}`.",
                            "zh": "需要有效的{role_name}角色访问令牌：请向服务器管理员索取（管理员在服务器上用 "
                                  "`bcic token create --role {role}` 创建）。"},
    # The validate form's (`box`: its store checkbox's label, web/strings/evaluation.py).
    "auth.error.no_token.store": {"en": "Ask an evaluator for a token; to check the submission "
                                        "yourself without storing it, untick “{box}” and send "
                                        "it again.",
                                  "zh": "请向评价人员索取令牌；若仅作自查、不存储，请取消勾选“{box}”"
                                        "后重新提交。"},
    "auth.error.refused.store": {"en": "The token was not accepted: it is not a valid evaluator "
                                       "token. Check it, or ask an evaluator for one; to check "
                                       "the submission yourself without storing it, untick "
                                       "“{box}” and send it again.",
                                 "zh": "该令牌未被接受：它不是有效的评价人员令牌。请核对令牌，或向评价人员"
                                       "索取；若仅作自查、不存储，请取消勾选“{box}”后重新提交。"},
    # The delete form of a revision's page, shown at its token field.
    "auth.error.no_token.page": {"en": "The evaluator token is missing: deleting a revision "
                                       "needs one. Ask an evaluator for one. Nothing was "
                                       "deleted.",
                                 "zh": "缺少评价人员令牌：删除版本需要该令牌，请向评价人员索取。未删除任何"
                                       "内容。"},
    # The judgement form of a revision's page, shown at the provision's form.
    "auth.error.no_token.judge": {"en": "The evaluator token is missing: recording a judgement "
                                        "needs one. Ask an evaluator for one. Nothing was "
                                        "recorded.",
                                  "zh": "缺少评价人员令牌：记录判定需要该令牌，请向评价人员索取。未记录任何"
                                        "内容。"},
    "auth.error.refused.judge": {"en": "The token was not accepted: it is not a valid evaluator "
                                       "token. Check it, or ask an evaluator for one. Nothing was "
                                       "recorded.",
                                 "zh": "该令牌未被接受：它不是有效的评价人员令牌。请核对令牌，或向评价人员"
                                       "索取。未记录任何内容。"},
    "auth.error.refused.page": {"en": "The token was not accepted: it is not a valid evaluator "
                                      "token. Check it, or ask an evaluator for one. Nothing was "
                                      "deleted.",
                                "zh": "该令牌未被接受：它不是有效的评价人员令牌。请核对令牌，或向评价人员"
                                      "索取。未删除任何内容。"},
    # /healthz (web/health.py): why this server cannot answer from its store now
    "health.error.no_snapshot": {"en": "The store cannot be read yet: no query snapshot has "
                                       "been made.",
                                 "zh": "暂时无法读取存储：尚未生成查询快照。"},
    "health.error.unreadable": {"en": "The store cannot be read; the server's log says why.",
                                "zh": "无法读取存储；原因已记入服务器日志。"},
    "health.error.health_port_only": {"en": "This port answers only /healthz; the pages and the "
                                            "API are on the server's main port.",
                                      "zh": "此端口仅应答 /healthz；页面与 API 位于服务器的主端口。"},
    "auth.error.token_file": {"en": "Writes are unavailable: the server cannot read its tokens. "
                                    "The server's log says why; ask its administrator.",
                              "zh": "暂时无法写入：服务器无法读取其令牌文件。原因已记入服务器日志；"
                                    "请联系服务器管理员。"},
    "auth.error.role": {"en": "This action needs a token of role {role}; this one is {given}. "
                              "Nothing was changed.",
                        "zh": "此操作需要{role}角色的令牌；该令牌的角色是{given}。未更改任何内容。"},
    # The roles of tokens (checker/tokens.py), as people name them.
    "auth.role.evaluator": {"en": "evaluator", "zh": "评价人员"},
    "auth.role.maintainer": {"en": "maintainer", "zh": "规则维护人员"},
    # The judgement form sent without its judgement (met / not met), or with another value.
    "report.error.judgement_missing": {
        "en": "Choose the judgement: met or not met. Nothing was recorded.",
        "zh": "请选择判定：满足或不满足。未记录任何内容。"},
    # Front-end packages (/vendor/<package>/…)
    "error.vendor.unknown": {"en": "There is no front-end package {package!r}.",
                             "zh": "没有名为 {package!r} 的前端包。"},
    "error.vendor.missing": {"en": "The front-end package {package!r} is not installed: run "
                                   "`make install`.",
                             "zh": "前端包 {package!r} 未安装：请运行 `make install`。"},
}
