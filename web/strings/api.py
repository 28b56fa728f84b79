"""UI strings of the api pages."""

STRINGS = {
    "api.title": {"en": "API for partner systems", "zh": "合作系统接口（API）"},
    "api.intro": {"en": "Every JSON endpoint of this server and its SPARQL endpoint, generated "
                        "from the OpenAPI document:",
                  "zh": "本服务器的全部 JSON 接口及 SPARQL 端点，由 OpenAPI 文档生成："},
    "api.server": {"en": "Server", "zh": "服务器"},
    "api.error.json_only": {
        "en": "Cannot answer Accept: {asked}; this answer is JSON only (application/json). For "
              "CSV, TSV or XML, send the query to the SPARQL endpoint, /sparql.",
        "zh": "无法按 Accept: {asked} 应答；此处只提供 JSON（application/json）。如需 CSV、TSV 或 XML，"
              "请将查询发送到 SPARQL 端点 /sparql。"},
    "api.auth": {"en": "Tokens and roles", "zh": "令牌与角色"},
    "api.auth_text": {
        "en": "Reading needs no token. Storing or deleting a revision needs a bearer token of "
              "role evaluator; reloading the rule graphs needs role maintainer. Send it as "
              "“Authorization: Bearer <token>”; tokens come from “bcic token create --role …”. "
              "No token: 401; a token of another role: 403.",
        "zh": "读取无需令牌。存储或删除修订版需要评价人员（evaluator）角色的访问令牌；重新加载规则图"
              "需要维护者（maintainer）角色。以“Authorization: Bearer <令牌>”发送；令牌由"
              "“bcic token create --role …”生成。无令牌返回 401，角色不符返回 403。"},
    "api.errors": {"en": "Errors", "zh": "错误"},
    "api.errors_text": {"en": "Every error is one JSON envelope, never a stack trace:",
                        "zh": "所有错误均以同一 JSON 结构返回，从不包含堆栈信息："},
    "api.role": {"en": "Token role", "zh": "令牌角色"},
    "api.param": {"en": "Parameter", "zh": "参数"},
    "api.in": {"en": "In", "zh": "位置"},
    "api.in.path": {"en": "path", "zh": "路径"},
    "api.in.query": {"en": "query string", "zh": "查询字符串"},
    "api.required": {"en": "Required", "zh": "必填"},
    "api.description": {"en": "Description", "zh": "说明"},
    "api.yes": {"en": "yes", "zh": "是"},
    "api.no": {"en": "no", "zh": "否"},
    "api.body": {"en": "Request body", "zh": "请求体"},
    "api.responses": {"en": "Responses", "zh": "响应"},
    "api.tag.clusters": {"en": "Clusters, revisions, reports", "zh": "产业集群、修订版与报告"},
    "api.tag.validation": {"en": "Validation", "zh": "验证"},
    "api.tag.indicators": {"en": "Indicators and benchmarking", "zh": "指标与对标比较"},
    "api.tag.queries": {"en": "Named queries", "zh": "命名查询"},
    "api.tag.sparql": {"en": "SPARQL endpoint", "zh": "SPARQL 端点"},
    "api.tag.rules": {"en": "Rulebook", "zh": "规则库"},
    "api.tag.meta": {"en": "This documentation", "zh": "本文档"},
}
