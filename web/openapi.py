"""The OpenAPI 3.1 document of the app's JSON endpoints (`/api/*`) and the SPARQL protocol
(`/sparql`), served at /api/openapi.json and rendered for people at /api/docs.

A test walks the app's URL map and fails when a route or method under /api/ or /sparql is missing
here, or when any route answers JSON not described here; real answers, errors included, are
validated against the schema stated for their status (`web/openapi_schemas.py`), so the document
cannot drift from the code. Summaries carry zh and en (`x-bcic-summary`); operations that need a
token name its role (`x-bcic-role`).
"""

from __future__ import annotations

from checker import __version__
from checker.cluster_list import CLUSTERS_PER_PAGE, MOST_CLUSTERS_PER_PAGE
from checker.loading import SUBMISSION_FORMATS
from checker.queries import MOST_PAGE_NUMBER, list_queries
from checker.sparql_service import GRAPH_FORMATS, RESULT_FORMATS

from .openapi_schemas import Json, described, schemas

_REPORT_FORMATS = ("json", "ttl", "html", "text")
_ERRORS = {400: "the request is malformed or a value is invalid (the message says which)",
           401: "no valid bearer token", 403: "the token's role may not do this",
           404: "no such cluster, revision, query or resource; at /api/queries/{name}, also "
                "an IRI parameter (a cluster, a benchmark, an indicator) that nothing in the "
                "store names, the message naming the parameter and the value and where such "
                "IRIs are listed, or a `code` no 9.1.4 indicator carries, naming the codes "
                "likely meant (a known cluster or code with no rows for the query answers 200 "
                "with none)",
           405: "method not allowed", 406: "no acceptable response format (the named "
                "queries and their list answer JSON only: /sparql answers CSV, TSV and XML)",
           409: "at …/judgements: the provision does not await review in the stored report "
                "(met, not met or not applicable by the data; `error` `NotJudgeableError`), and "
                "nothing was stored; at /api/queries/{name}: the page was asked for with the token (`snapshot`) of "
                "its answer's first page, and the data changed since that page was read, so "
                "this page would not continue the same answer (`error` `AnswerChangedError`); "
                "start again from the first page, which the message and the Link header "
                "(rel=\"first\") name",
           413: "the request body or query is over the limit, or the submission holds more "
                "statements, or needs more memory to validate, than the server allows",
           415: "the body's Content-Type is not accepted here",
           503: "the store stayed busy with other writes for BCIC_STORE_LOCK_WAIT seconds (try "
                "again), a remote store does not answer, a query or validation ran out of "
                "time, or a query out of memory; at /sparql, also that this app reads a remote "
                "store, whose own endpoint answers the queries; at /api/queries/{name} and "
                "/api/benchmark, also that the answer would read the store's summary graph, "
                "which another version of bcic wrote, and would miss rows or be wrong until the "
                "operator runs `bcic reindex` (`error` `SummaryOutdatedError`, with Retry-After); "
                "every query worker the request may use is busy (`error` `QueryBusyError`, with "
                "Retry-After)",
           500: "at /api/queries/{name}: the server could not prepare the named query's own "
                "text (`error` `OwnQueryError`): a fault of the server, not of the request"}
# Sent with a 409 of a page that no longer continues its answer (checker.errors:
# AnswerChangedError).
_LINK_FIRST = {"Link": {
    **described("`<URL>; rel=\"first\"`: the answer's first page, to start again from",
                "`<URL>; rel=\"first\"`：答案的第一页，从此处重新开始"),
    "schema": {"type": "string"}}}
# Sent with an error the client should not retry at once (checker.errors: `retry_after`).
_RETRY_AFTER = {"Retry-After": {
    **described("seconds to wait before asking again: 300 for a summary graph that needs `bcic "
                "reindex` (an operator's fix, not a moment's), 2 for a query refused because "
                "every query worker it may use is busy (`error` `QueryBusyError`); none for a "
                "query stopped by the time limit, whose cost is its own",
                "再次请求前应等待的秒数：摘要图需先运行 `bcic reindex` 时为 300（需运维人员处理，而非片刻即可恢复）；"
                "查询可用的工作进程全部繁忙而未受理时为 2（`error` 为 `QueryBusyError`）；查询超时被终止时不给出"
                "（耗时是查询本身的代价）"),
    "schema": {"type": "integer"}}}


# A GET answer of a query (/sparql, /api/queries/{name}) and its conditional GET (web/etags.py).
_ETAG = {"ETag": {
    **described("the answer's tag (GET and HEAD alike): it changes whenever the store publishes "
                "a new snapshot or the rulebook changes, and differs by format and language; "
                "send it back in If-None-Match to be answered 304 while it holds, checked after "
                "the request's parameters and before the query runs or waits for a worker; `*` "
                "is answered 304 only once the query has answered (POSTs carry none)",
                "答案的标签（GET 与 HEAD 相同）：存储发布新快照或规则库变化时随之改变，不同格式与语言各不相同；"
                "在 If-None-Match 中回送该标签，答案未变时返回 304，先检查请求参数，再在查询运行或等待工作进程"
                "之前比对标签；`*` 仅在查询得出答案之后才返回 304（POST 请求不带标签）"),
    "schema": {"type": "string"}},
    "Cache-Control": {
        **described("`no-cache`: a cache may keep the answer, but asks again with its tag "
                    "before each reuse", "`no-cache`：缓存可保存答案，但每次重用前须携带标签重新验证"),
        "schema": {"type": "string"}}}
_NOT_MODIFIED = {"304": {
    **described("the answer is the one the If-None-Match tag names: no body",
                "答案与 If-None-Match 所给标签对应的答案相同：无正文"),
    "headers": _ETAG}}
# The stored clusters' answers (/api/clusters, /api/clusters/{key}, /api/benchmark): no format,
# query or worker.
_CLUSTERS_ETAG = {"ETag": {
    **described("the answer's tag (GET and HEAD alike): it changes whenever the store publishes "
                "a new snapshot (on a remote store, whenever the answer itself changes), the "
                "rulebook or bcic's version changes, and differs by URL and language; send it "
                "back in If-None-Match to be answered 304 while it holds, before the store is "
                "read for it (on a remote store, once the answer is known); an unknown key is "
                "still 404",
                "答案的标签（GET 与 HEAD 相同）：存储发布新快照（远程存储则为答案本身变化）、规则库或 bcic 版本"
                "变化时随之改变，不同 URL 与语言各不相同；在 If-None-Match 中回送该标签，答案未变时返回 304，"
                "在为其读取存储之前比对（远程存储则在得出答案之后）；未知的键仍为 404"),
    "schema": {"type": "string"}},
    "Cache-Control": _ETAG["Cache-Control"]}
_CLUSTERS_NOT_MODIFIED = {"304": {**_NOT_MODIFIED["304"], "headers": _CLUSTERS_ETAG}}


def openapi_document(server_url: str) -> Json:
    """The whole document, with `server_url` (this app's root URL) as its server."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "bcic API",
            "version": __version__,
            "summary": "Compliance checking for GB/T 《品牌培育 产业集群》 (draft): clusters, "
                       "reports, validation, indicators, named queries, SPARQL.",
            "description": "JSON for partner systems. Errors always use one envelope "
                           "(`Error`). Reading needs no token; storing or deleting revisions "
                           "needs an `evaluator` bearer token, reloading the rules a "
                           "`maintainer` one (`bcic token create --role …`). `?lang=zh|en` "
                           "chooses the language of labels and messages.",
            "license": {"name": "CC BY 4.0 (rules)", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "tags": [{"name": n, "description": d} for n, d in (
            ("clusters", "stored clusters, revisions and reports"),
            ("validation", "validate and store submissions"),
            ("indicators", "9.1.4 indicators and benchmarking (9.3.2)"),
            ("queries", "named SPARQL queries"), ("sparql", "SPARQL 1.1 Protocol (read only)"),
            ("rules", "the rulebook"), ("meta", "this document"))],
        "paths": _with_heads(_paths()),
        "components": {"schemas": schemas(), "parameters": _parameters(),
                       "responses": {str(code): _error_response(text, code)
                                     for code, text in _ERRORS.items()},
                       "securitySchemes": {"bearerAuth": {
                           "type": "http", "scheme": "bearer",
                           "description": "A token made by `bcic token create --role evaluator` "
                                          "or `--role maintainer`; roles are listed per "
                                          "operation in `x-bcic-role`."}}},
    }


def operations_by_tag(document: Json) -> list[tuple[Json, list[tuple[str, str, Json]]]]:
    """The document's operations grouped under its tags, in the tags' order: (tag, [(method,
    path, operation)])."""
    grouped: dict[str, list[tuple[str, str, Json]]] = {t["name"]: [] for t in document["tags"]}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            grouped[operation["tags"][0]].append((method.upper(), path, operation))
    return [(tag, grouped[tag["name"]]) for tag in document["tags"] if grouped[tag["name"]]]


def _paths() -> Json:
    key, number, lang = _ref_param("key"), _ref_param("number"), _ref_param("lang")
    return {
        "/api/clusters": {"get": _op(
            "clusters", "listClusters", "A page of the stored clusters with their latest "
            "revision, by name in the asked language, then by IRI (the home page's order); "
            "count says how many in all, and next is the URL of the page after it",
            "已存储产业集群的一页及其最新修订版，按所请求语言的名称排列，名称相同时按 IRI 排列（与首页顺序相同）；"
            "count 为总数，next 为下一页的地址",
            [lang, _query("q", "only the clusters whose label (in any language) or IRI holds "
                          "this text, in any case", "仅列出标签（任一语言）或 IRI 含此文本（不分大小写）的产业集群",
                          {"type": "string"}),
             _query("offset", "clusters of the list to leave out first, in its order (default "
                    "0); the answer's `next` gives the page after it",
                    "先跳过列表中（按其顺序）的产业集群数（默认 0）；答案的 `next` 给出下一页的地址",
                    {"type": "integer", "minimum": 0, "maximum": MOST_PAGE_NUMBER}),
             _query("limit", f"clusters in the page (default {CLUSTERS_PER_PAGE}, at most "
                    f"{MOST_CLUSTERS_PER_PAGE}; over it is 400)",
                    f"每页产业集群数（默认 {CLUSTERS_PER_PAGE}，至多 {MOST_CLUSTERS_PER_PAGE}；超过则为 400）",
                    {"type": "integer", "minimum": 1, "maximum": MOST_CLUSTERS_PER_PAGE,
                     "default": CLUSTERS_PER_PAGE})],
            _tagged_json_ok("ClusterList"), (400, 503))},
        "/api/clusters/{key}": {"get": _op(
            "clusters", "getCluster", "One cluster with every revision, what each closed and "
            "opened, and the evaluator's judgements of each",
            "某产业集群的全部修订版、各版解决和新出现的问题及评价人员的判定", [key, lang],
            _tagged_json_ok("ClusterDetail"), (400, 404, 503))},
        "/api/clusters/{key}/history": {"get": _op(
            "clusters", "getClusterHistory",
            "A cluster's revisions with provenance, and its deleted revisions",
            "某产业集群的修订历史与来源信息，及其已删除的修订版", [key, lang], _json_ok("ClusterHistory"),
            (400, 404, 503))},
        "/api/clusters/{key}/revisions/{number}/report": {"get": _op(
            "clusters", "getRevisionReport", "The stored report of a revision",
            "某修订版的已存储报告",
            [key, number, lang, _query("format", "report format (default json)", "报告格式（默认 json）",
                                       {"type": "string", "enum": list(_REPORT_FORMATS)})],
            _report_ok(), (400, 404, 503))},
        "/api/clusters/{key}/revisions/{number}/recheck": {"post": _op(
            "clusters", "recheckRevision", "A revision's stored submission validated again under "
            "the running rulebook; nothing is stored", "按现行规则库重新验证某修订版已存储的提交材料（不存储）",
            [key, number, lang, _query("format", "report format (default json)", "报告格式（默认 json）",
                                       {"type": "string", "enum": list(_REPORT_FORMATS)})],
            _report_ok(), (400, 404, 413, 503))},
        "/api/clusters/{key}/revisions/{number}/judgements": {"get": _op(
            "clusters", "listJudgements", "Every judgement of a revision, oldest first, "
            "superseded ones too", "某修订版的全部评价人员判定（按时间先后，含已被取代者）",
            [key, number, lang], _json_ok("JudgementList"), (400, 404, 503)), "post": _op(
            "clusters", "judgeProvision", "Record the evaluator's judgement of a provision the "
            "revision's report leaves to them (awaiting review); a later one supersedes it",
            "记录评价人员对该修订版报告中待人工评审条款的判定（后一判定取代前一判定）",
            [key, number, lang],
            {"201": {"description": "stored; `Location` is the report, which now counts it",
                     "headers": {"Location": {"schema": {"type": "string"}}},
                     "content": _json_content("Judged")}},
            (400, 401, 403, 404, 409, 503), role="evaluator", body=_judgement_body())},
        "/api/clusters/{key}/revisions/{number}": {"delete": _op(
            "clusters", "deleteRevision", "Delete a revision for the reason the body gives "
            "(required; kept with the deletion and listed in the cluster's history); its number "
            "stays taken", "按请求体所给理由删除某修订版（理由必填，随删除记录保存并列于集群历史中）；其编号不再复用",
            [key, number, lang], _json_ok("Deleted"), (400, 401, 403, 404, 503),
            role="evaluator", body=_deletion_body())},
        "/api/clusters/revisions": {"post": _op(
            "validation", "storeRevision", "Validate the body and store it as its cluster's "
            "next revision", "验证请求体并存储为该集群的下一修订版", [lang],
            {"201": {"description": "stored; `Location` is the report's URL",
                     "headers": {"Location": {"schema": {"type": "string"}}},
                     "content": _json_content("StoredRevision")}},
            (400, 401, 403, 413, 415, 503), role="evaluator", body=_submission_body())},
        "/api/validate": {"post": _op(
            "validation", "validate", "Validate the body as a submission; nothing is stored",
            "验证提交材料（不存储）",
            [lang, _query("format", "report format (default json)", "报告格式（默认 json）",
                          {"type": "string", "enum": list(_REPORT_FORMATS)})],
            _report_ok(), (400, 413, 415, 503), body=_submission_body())},
        "/api/clusters/{key}/indicators": {"get": _op(
            "indicators", "getClusterIndicators", "A cluster's indicator values by year, its "
            "targets and the group radar", "某产业集群各年指标值、目标值与指标组雷达图",
            [key, lang, _ref_param("year"), _ref_param("indicator"), _ref_param("group"),
             _query("benchmark", "key or IRI of the benchmark cluster (empty: none; one that "
                    "names no known cluster is 404, naming the nearest)",
                    "标杆集群的键或 IRI（为空：无；不对应任何已知集群时为 404，并给出最接近者）",
                    {"type": "string"})],
            _json_ok("ClusterIndicators"), (400, 404, 503))},
        "/api/benchmark": {"get": _op(
            "indicators", "benchmark", "Clusters side by side on indicators in one year, and "
            "one cluster's four comparisons (9.3.2)", "多个产业集群同年指标对比及某集群的四类比较"
            "（9.3.2）",
            [_query("cluster", "stored clusters by key (either case) or IRI; the named queries "
                    "take IRIs only (at least one, each once: a cluster given twice, by one "
                    "spelling or by its key and its IRI, is 400, 9.3.2 c)); one that names no "
                    "stored cluster is 404, naming the nearest (a benchmark a submission names "
                    "that is not stored is taken by `benchmark` only)",
                    "已存储集群的键（大小写均可）或 IRI；命名查询只接受 IRI（至少一个，每个只给一次：同一集群给出"
                    "两次，无论写法相同还是分别以键和 IRI 给出，均为 400，9.3.2 c)）；不对应任何已存储集群时为 "
                    "404，并给出最接近者（提交材料所列但未存储的标杆只由 `benchmark` 接受）",
                    {"type": "array", "items": {"type": "string"}}, required=True, many=True),
             _ref_param("indicator"), _ref_param("group"), _ref_param("year"),
             _query("focus", "key or IRI of the stored cluster whose comparisons are given "
                    "(once: given twice is 400)",
                    "给出其四类比较的已存储集群的键或 IRI（只给一次：给出两次为 400）", {"type": "string"}),
             _query("benchmark", "key or IRI of its benchmark cluster, stored or named as one by "
                    "its submission (9.3.2 c); once: given twice is 400)",
                    "其标杆集群的键或 IRI，已存储或由其提交材料列为标杆（9.3.2 c)；只给一次：给出两次为 400）",
                    {"type": "string"}), lang],
            _tagged_json_ok("Benchmark"), (400, 404, 503))},
        "/api/queries": {"get": _op(
            "queries", "listQueries", "The named queries with their parameters",
            "命名查询及其参数", [lang], _json_ok("QueryList"), (400, 406))},
        "/api/queries/{name}": {"get": _op(
            "queries", "runQuery", "Run a named query; its parameters and the page of its "
            "answer (offset, limit) are query-string values; truncated says more rows follow "
            "the page, and next is the URL of the page after it, with the token (snapshot) of "
            "the data this page was read from",
            "运行命名查询，参数与答案的分页（offset、limit）以查询字符串传入；truncated 表示该页之后"
            "还有行，next 为下一页的地址，带有此页所读数据的令牌（snapshot）",
            [{"name": "name", "in": "path", "required": True,
              **described("the named query", "命名查询的名称"),
              "schema": {"type": "string", "enum": [q.name for q in list_queries()]}}, lang,
             {"name": "values", "in": "query", "style": "form", "explode": True,
              **described("the query's parameters by name (see listQueries), each at most "
                           "once, e.g. `cluster=https://…&year=2024`",
                           "该查询的参数，按名称给出（见 listQueries），每个至多一次，例如 "
                           "`cluster=https://…&year=2024`"),
              "schema": {"type": "object", "additionalProperties": {"type": "string"}}},
             _query("offset", "rows of the answer to leave out first, in its order (default "
                    "0); the answer's `next` gives the offset of the page after it",
                    "先跳过答案中（按其顺序）的行数（默认 0）；答案的 `next` 给出下一页的地址",
                    {"type": "integer", "minimum": 0, "maximum": MOST_PAGE_NUMBER}),
             _query("limit", "rows in the page, at most the row limit (BCIC_SPARQL_ROW_LIMIT, "
                    "by default 10000), which is also the default; over it is 400",
                    "每页行数，至多为行数上限（BCIC_SPARQL_ROW_LIMIT，默认 10000），亦为默认值；"
                    "超过则为 400", {"type": "integer", "minimum": 1}),
             _query("snapshot", "the token of the data the answer's first page was read from, "
                    "as that page's `next` gives it: a page read from other data (the store "
                    "written since) is 409, never rows that continue another answer; without "
                    "it a page is read from the data as it is now",
                    "答案第一页所读数据的令牌，由该页的 `next` 给出：若此页读到的数据已不同（其后存储被写入），"
                    "返回 409，绝不返回接续另一答案的行；不给出时按当前数据读取",
                    {"type": "string", "pattern": "^[0-9a-f]{16}$"})],
            {"200": {**_json_ok("QueryAnswer")["200"], "headers": _ETAG}, **_NOT_MODIFIED},
            (400, 404, 406, 409, 500, 503))},
        "/api/rules/reload": {"post": _op(
            "rules", "reloadRules", "Reload the store's rule graphs (ontology, catalogue, "
            "shapes) from the rule files", "从规则文件重新加载存储中的规则图（本体、要求目录、形状）",
            [lang], _json_ok("RulesReloaded"), (400, 401, 403, 503), role="maintainer")},
        "/api/openapi.json": {"get": _op(
            "meta", "openapi", "This document", "本文档", [lang],
            {"200": {"description": "OpenAPI 3.1",
                     "content": {"application/json": {"schema": {"type": "object"}}}}},
            (400,))},
        "/healthz": {"get": _op(
            "meta", "health", "Whether this server can answer from its store (for load "
            "balancers; never cached)", "本服务器能否读取存储并应答（供负载均衡使用；不缓存）",
            [_ref_param("messageLang")],
            _json_ok("Health"), (503,))},
        "/api/docs": {"get": _op(
            "meta", "apiDocs", "This document as a page for people", "本文档的网页版", [lang],
            {"200": {"description": "HTML", "content": {"text/html": {
                "schema": {"type": "string"}}}}}, (400,))},
        "/sparql": {"get": _sparql_op("get"), "post": _sparql_op("post")},
    }


def _with_heads(paths: Json) -> Json:
    """`paths` with a HEAD operation beside each GET whose answer carries an ETag (web/etags.py):
    HEAD answers with GET's status and header fields, the tag among them, and no body (RFC 9110
    9.3.2), and its If-None-Match is 304 as GET's is."""
    return {path: {**item, **({"head": _head_of(item["get"])} if _tagged(item.get("get")) else {})}
            for path, item in paths.items()}


def _tagged(get: Json | None) -> bool:
    """Whether a GET operation's 200 carries an ETag."""
    return get is not None and "ETag" in get["responses"]["200"].get("headers", {})


def _head_of(get: Json) -> Json:
    """The HEAD twin of a GET with an ETag: its parameters, status codes and header fields; its
    own answers described without content (the shared error answers are referred to as GET's,
    whose envelope a HEAD answer leaves out)."""
    operation_id = get["operationId"]
    said = get["x-bcic-summary"]
    return {**get, "operationId": f"head{operation_id[0].upper()}{operation_id[1:]}",
            "summary": f"{get['summary']}: its header fields (the ETag among them), no body",
            "x-bcic-summary": {"en": f"{said['en']}: its header fields (the ETag among them), "
                                     "no body",
                               "zh": f"{said['zh']}：仅其头字段（含 ETag），无正文"},
            "responses": {code: {name: value for name, value in answer.items()
                                 if name != "content"}
                          for code, answer in get["responses"].items()}}


def _op(tag: str, operation_id: str, summary: str, summary_zh: str, parameters: list[Json],
        responses: Json, errors: tuple[int, ...], role: str | None = None,
        body: Json | None = None) -> Json:
    operation: Json = {"tags": [tag], "operationId": operation_id, "summary": summary,
                       "x-bcic-summary": {"en": summary, "zh": summary_zh},
                       "parameters": parameters,
                       "responses": {**responses, **{str(c): {"$ref": f"#/components/responses/{c}"}
                                                     for c in errors}}}
    if role is not None:
        operation["security"] = [{"bearerAuth": []}]
        operation["x-bcic-role"] = role
        operation["description"] = f"Needs a bearer token of role `{role}`."
    if body is not None:
        operation["requestBody"] = body
    return operation


def _sparql_op(method: str) -> Json:
    query = _query("query", "a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE); without it a "
                   "GET answers the service description",
                   "SPARQL 1.1 查询（SELECT、ASK、CONSTRUCT、DESCRIBE）；GET 不带查询时返回服务描述",
                   {"type": "string"})
    graphs = [_query(n, f"{n} (repeatable)", f"{n}（可重复）",
                     {"type": "array", "items": {"type": "string"}}, many=True)
              for n in ("default-graph-uri", "named-graph-uri")]
    fmt = _query("format", "result format by short name or media type, overriding Accept "
                 "(also `output`)", "结果格式（简称或媒体类型），优先于 Accept（也可用 `output`）",
                 {"type": "string"})
    # An answer is labelled with an alias when only that was accepted (web/negotiation.py).
    media = dict.fromkeys(t for f in RESULT_FORMATS + GRAPH_FORMATS for t in f.media_types)
    operation = _op(
        "sparql", f"sparql{method.capitalize()}",
        "SPARQL 1.1 query (read only; updates are 403)" if method == "post"
        else "SPARQL 1.1 query, or the service description without one",
        "SPARQL 1.1 查询（只读，更新返回 403）" if method == "post" else "SPARQL 1.1 查询；无查询时返回服务描述",
        ([query] if method == "get" else []) + graphs + [fmt, _ref_param("messageLang")],
        {"200": {"description": "results in the format chosen by `format`, else by Accept: "
                                "labelled with the format's main media type, or with an alias "
                                "when only that was accepted (header X-BCIC-Truncated: true "
                                "when cut)",
                 "headers": {"X-BCIC-Truncated": {"schema": {"type": "string", "enum": ["true"]}},
                             **(_ETAG if method == "get" else {})},
                 "content": {t: {"schema": {"type": "string"}} for t in media}},
         **(_NOT_MODIFIED if method == "get" else {})},
        (400, 403, 406, 413, 415, 503) if method == "post" else (400, 403, 406, 413, 503))
    operation.update(described(
        "On an app reading a remote store (`BCIC_STORE` a server's URL) every query is 503, its "
        "message naming that server's public endpoint when `BCIC_PUBLIC_SPARQL_URL` gives it; a "
        "GET without a query answers that endpoint's service description, or 503 when none is "
        "given.",
        "应用读取远程存储（`BCIC_STORE` 为服务器 URL）时，所有查询均返回 503，若配置了 "
        "`BCIC_PUBLIC_SPARQL_URL`，消息中给出该服务器的公开端点；不带查询的 GET 返回该端点的服务描述，"
        "未配置时返回 503。"))
    if method == "post":
        operation["requestBody"] = {"required": True, "content": {
            "application/sparql-query": {"schema": {"type": "string"}},
            "application/x-www-form-urlencoded": {"schema": {
                "type": "object", "required": ["query"],
                "properties": {"query": {"type": "string"},
                               "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                               "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                               "format": {"type": "string"}}}}}}
    return operation


def _query(name: str, description: str, description_zh: str, schema: Json,
           required: bool = False, many: bool = False) -> Json:
    parameter: Json = {"name": name, "in": "query", "required": required, "schema": schema,
                       **described(description, description_zh)}
    if many:
        parameter.update(style="form", explode=True)
    return parameter


def _ref_param(name: str) -> Json:
    return {"$ref": f"#/components/parameters/{name}"}


def _parameters() -> Json:
    return {
        "key": {"name": "key", "in": "path", "required": True,
                **described("16 hex digits of the SHA-256 of the cluster IRI, read in either "
                            "case (written in lower case)",
                            "集群 IRI 的 SHA-256 的前 16 位十六进制数字（大小写均可，输出为小写）"),
                "schema": {"type": "string", "pattern": "^[0-9a-fA-F]{16}$"}},
        "number": {"name": "number", "in": "path", "required": True,
                   **described("revision number, from 1", "修订版编号，从 1 起"),
                   "schema": {"type": "integer", "minimum": 1}},
        "lang": {"name": "lang", "in": "query", "required": False,
                 **described("language of labels and messages (else Accept-Language): zh or "
                              "en, any case, a regional tag counting as its language (zh-CN); "
                              "another language is 400",
                              "标签与消息的语言（否则按 Accept-Language）：zh 或 en，不分大小写，"
                              "带地区的标签（zh-CN）按其语言；其他语言为 400"),
                 "schema": {"type": "string",
                            "pattern": "^([zZ][hH]|[eE][nN])([-_][0-9A-Za-z-]*)?$"}},
        # /sparql and /healthz answer protocol clients, which a refused language would break.
        "messageLang": {"name": "lang", "in": "query", "required": False,
                        **described("language of error messages (else Accept-Language): zh or "
                                    "en, any case, a regional tag counting as its language "
                                    "(zh-CN); another language is ignored",
                                    "错误消息的语言（否则按 Accept-Language）：zh 或 en，不分大小写，"
                                    "带地区的标签（zh-CN）按其语言；其他语言不予理会"),
                        "schema": {"type": "string"}},
        "year": {"name": "year", "in": "query", "required": False,
                 **described("a four-digit year (default: the latest with values)",
                              "四位数年份（默认：有数值的最近一年）"),
                 "schema": {"type": "string", "pattern": "^[0-9]{4}$"}},
        "indicator": {"name": "indicator", "in": "query", "required": False, "style": "form",
                      "explode": True, **described("9.1.4 indicator codes (repeatable)",
                                                    "9.1.4 指标代码（可重复）"),
                      "schema": {"type": "array", "items": {"type": "string"}}},
        "group": {"name": "group", "in": "query", "required": False,
                  **described("a 9.1.4 indicator group code: all its indicators",
                               "9.1.4 指标组代码：该组全部指标"),
                  "schema": {"type": "string"}},
    }


def _json_content(schema: str) -> Json:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}


def _json_ok(schema: str) -> Json:
    return {"200": {"description": "OK", "content": _json_content(schema)}}


def _tagged_json_ok(schema: str) -> Json:
    """A stored clusters' GET answer, with its ETag, and its conditional GET's 304."""
    return {"200": {**_json_ok(schema)["200"], "headers": _CLUSTERS_ETAG},
            **_CLUSTERS_NOT_MODIFIED}


def _report_ok() -> Json:
    return {"200": {"description": "the report (JSON, or a download in the asked format)",
                    "content": {**_json_content("Report"),
                                **{t: {"schema": {"type": "string"}}
                                   for t in ("text/turtle", "text/html", "text/plain")}}}}


def _submission_body() -> Json:
    return {"required": True, "description": "the submission; its syntax is the Content-Type",
            "content": {f.media_type: {"schema": {"type": "string"}}
                        for f in SUBMISSION_FORMATS.values()}}


def _judgement_body() -> Json:
    return {"required": True, "description": "the judgement (docs/model.md, decision 20)",
            "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/JudgementRequest"}}}}


def _deletion_body() -> Json:
    return {"required": True, "description": "why the revision is deleted (docs/store.md)",
            "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/DeletionRequest"}}}}


def _error_response(text: str, code: int) -> Json:
    headers = ({"headers": _RETRY_AFTER} if code == 503 else
               {"headers": _LINK_FIRST} if code == 409 else {})
    return {"description": text, "content": _json_content("Error"), **headers}
