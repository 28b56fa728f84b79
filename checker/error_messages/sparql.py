"""Error messages about SPARQL queries: the guard, the public endpoint, the query workers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.sparql.unparsable": {
        "en": "the SPARQL query cannot be parsed: {detail}",
        "zh": "无法解析该 SPARQL 查询：{detail}",
    },
    "error.sparql.unexpected": {
        "en": "the SPARQL query cannot be parsed: unexpected “{token}” at line {line}, column "
              "{column}",
        "zh": "无法解析该 SPARQL 查询：第 {line} 行第 {column} 列的“{token}”不合语法",
    },
    "error.sparql.operator_after_not": {
        "en": "the SPARQL query cannot be parsed: the operator “{token}” at line {line}, column "
              "{column} comes straight after “!”, which SPARQL 1.1 does not allow: put what "
              "follows “!” in brackets, as in !(!?x)",
        "zh": "无法解析该 SPARQL 查询：第 {line} 行第 {column} 列的运算符“{token}”紧跟在“!”之后，"
              "SPARQL 1.1 不允许这样写：请把“!”之后的部分放在括号内，例如 !(!?x)",
    },
    "error.sparql.incomplete": {
        "en": "the SPARQL query cannot be parsed: it ends at line {line}, column {column} before "
              "it is complete",
        "zh": "无法解析该 SPARQL 查询：查询在第 {line} 行第 {column} 列处结束，但尚不完整",
    },
    "error.sparql.undeclared_prefix": {
        "en": "the SPARQL query is not valid: the prefix {prefix}: of “{token}” at line {line}, "
              "column {column} is not declared (PREFIX {prefix}: <…>)",
        "zh": "该 SPARQL 查询无效：第 {line} 行第 {column} 列“{token}”的前缀 {prefix}: 未声明"
              "（PREFIX {prefix}: <…>）",
    },
    "error.sparql.invalid": {
        "en": "the SPARQL query is not valid: {detail}",
        "zh": "该 SPARQL 查询无效：{detail}",
    },
    "error.sparql.ungrouped": {
        "en": "the SPARQL query is not valid: ?{var} at line {line}, column {column} is projected "
              "but neither grouped nor aggregated, in a query with an aggregate (SPARQL 1.1 "
              "§11.4): add GROUP BY ?{var} or aggregate it (SAMPLE(?{var}), COUNT(?{var}) …)",
        "zh": "该 SPARQL 查询无效：第 {line} 行第 {column} 列的 ?{var} 被投影，但查询含聚合函数而它既未"
              "分组也未聚合（SPARQL 1.1 §11.4）：请添加 GROUP BY ?{var}，或对它使用聚合函数（"
              "SAMPLE(?{var})、COUNT(?{var}) 等）",
    },
    "error.sparql.not_grouped": {
        "en": "the SPARQL query is not valid: ?{var} at line {line}, column {column} is projected "
              "but not grouped (GROUP BY {keys}) nor aggregated (SPARQL 1.1 §11.4): group by it "
              "too or aggregate it (SAMPLE(?{var}) …)",
        "zh": "该 SPARQL 查询无效：第 {line} 行第 {column} 列的 ?{var} 被投影，但未分组（GROUP BY "
              "{keys}）也未聚合（SPARQL 1.1 §11.4）：请也按它分组，或对它使用聚合函数（SAMPLE(?{var}) "
              "等）",
    },
    "error.sparql.star_grouped": {
        "en": "the SPARQL query is not valid: SELECT * at line {line}, column {column} in a query "
              "with GROUP BY or an aggregate (SPARQL 1.1 §18.2.4.1): name the grouped variables "
              "and aggregates to project",
        "zh": "该 SPARQL 查询无效：第 {line} 行第 {column} 列的 SELECT * 所在查询含 GROUP BY 或聚合函数"
              "（SPARQL 1.1 §18.2.4.1）：请写明要投影的分组变量和聚合",
    },
    "error.sparql.misplaced_aggregate": {
        "en": "the SPARQL query is not valid: the aggregate {name} at line {line}, column {column} "
              "is outside SELECT, HAVING and ORDER BY, the only places one may stand (SPARQL 1.1 "
              "§11, §18.2.4.1)",
        "zh": "该 SPARQL 查询无效：第 {line} 行第 {column} 列的聚合函数 {name} 不在 SELECT、HAVING 或 "
              "ORDER BY 中，而聚合函数只能出现在这三处（SPARQL 1.1 §11、§18.2.4.1）",
    },
    "error.sparql.grouped_form": {
        "en": "the SPARQL query asks for what the engine does not support: the {form} query "
              "groups its solutions ({clause} at line {line}, column {column}), which SPARQL 1.1 "
              "allows, but the engine groups only in a SELECT: write the grouping in a "
              "sub-SELECT of the WHERE clause (WHERE {{ {{ SELECT ?x (COUNT(?y) AS ?n) WHERE "
              "{{ … }} GROUP BY ?x }} }})",
        "zh": "该 SPARQL 查询要求查询引擎不支持的功能：{form} 查询对其解进行了分组（第 {line} 行第 "
              "{column} 列的 {clause}），SPARQL 1.1 允许这样写，但查询引擎只在 SELECT 中分组：请在 "
              "WHERE 子句的子查询（SELECT）中分组（WHERE {{ {{ SELECT ?x (COUNT(?y) AS ?n) WHERE "
              "{{ … }} GROUP BY ?x }} }}）",
    },
    "error.sparql.engine_refused": {
        "en": "the SPARQL query is not valid: the query engine refuses it at line {line}, column "
              "{column}",
        "zh": "该 SPARQL 查询无效：查询引擎在第 {line} 行第 {column} 列处拒绝了它",
    },
    "error.sparql.unsupported": {
        "en": "the SPARQL query asks for what the engine does not support: {detail}",
        "zh": "该 SPARQL 查询要求查询引擎不支持的功能：{detail}",
    },
    "error.sparql.update_unparsable": {
        "en": "the SPARQL update cannot be parsed: {detail}",
        "zh": "无法解析该 SPARQL 更新：{detail}",
    },
    "error.sparql.calls_out": {
        "en": "{keyword} is refused: the store never calls other servers",
        "zh": "拒绝 {keyword}：存储从不调用其他服务器",
    },
    "error.sparql.wrong_form": {
        "en": "expected a {expected} query, got {got}",
        "zh": "应为 {expected} 查询，实际为 {got}",
    },
    "error.sparql.not_absolute_iri": {
        "en": "{value!r} is not an absolute IRI: {detail}",
        "zh": "{value!r} 不是绝对 IRI：{detail}",
    },
    "error.sparql.too_deep": {
        "en": "the SPARQL text is nested deeper than {limit}",
        "zh": "SPARQL 文本的嵌套深度超过 {limit}",
    },
    "error.sparql.too_long_chain": {
        "en": "the query chains more than {limit} UNION, OPTIONAL, path or operator steps "
              "within one another; split it into smaller queries",
        "zh": "查询中相互嵌套的 UNION、OPTIONAL、路径或运算步骤超过 {limit} 个，请拆分为较小的查询",
    },
    "error.sparql.too_many_patterns": {
        "en": "the query has more than {limit} triple patterns separated by “.”, more than the "
              "query guard's parser reads; split it into smaller queries",
        "zh": "查询中以“.”分隔的三元组模式超过 {limit} 个，超出查询检查器的解析器所能读取的数量；"
              "请拆分为较小的查询",
    },
    "error.sparql.too_long": {
        "en": "the query is longer than {limit} bytes",
        "zh": "查询长度超过 {limit} 字节",
    },
    "error.sparql.empty": {"en": "the query is empty", "zh": "查询为空"},
    "error.sparql.service_refused": {
        "en": "SERVICE {endpoint} is refused: this endpoint calls no other server",
        "zh": "拒绝 SERVICE {endpoint}：本端点不调用其他服务器",
    },
    "error.sparql.service_not_allowed": {
        "en": "SERVICE {endpoint} is refused: this endpoint calls no other server but those its "
              "operator allows",
        "zh": "拒绝 SERVICE {endpoint}：本端点只调用其运营者允许的服务器",
    },
    "error.sparql.graph_iri": {
        "en": "{parameter} is not an absolute IRI: {value!r}",
        "zh": "{parameter} 不是绝对 IRI：{value!r}",
    },
    "error.sparql.not_acceptable": {
        "en": "cannot answer {what} as {asked}; available: {offered}",
        "zh": "无法以 {asked} 格式应答 {what}；可用格式：{offered}",
    },
    "error.sparql.xml_unsafe": {
        "en": "the answer holds the character {character}, which XML 1.0 cannot carry, so it "
              "cannot be sent as {format}; ask for one of {others}, which carry it",
        "zh": "应答中含有 XML 1.0 无法承载的字符 {character}，因此不能以 {format} 格式发送；请改用"
              "可以承载它的 {others} 格式之一",
    },
    "error.sparql.xml_predicate": {
        "en": "the answer has the predicate <{predicate}>, which {format} cannot write: its IRI "
              "does not end in a name XML allows (a letter or “_” first, no “:”), so it cannot be "
              "sent as {format}; ask for one of {others}, which carry it",
        "zh": "应答中含有谓词 <{predicate}>，{format} 无法写出它：其 IRI 不以 XML 允许的名称结尾"
              "（须以字母或“_”开头，且不含“:”），因此不能以 {format} 格式发送；请改用可以承载它的 "
              "{others} 格式之一",
    },
    "error.sparql.service_description": {
        "en": "the service description",
        "zh": "服务描述",
    },
    "error.sparql.empty_query": {
        "en": "the SPARQL query is empty",
        "zh": "SPARQL 查询为空",
    },
    "error.sparql.read_only": {
        "en": "SPARQL is read-only here: updates are refused and nothing was changed",
        "zh": "此处的 SPARQL 只读：拒绝更新操作，未做任何更改",
    },
    "error.sparql.parse_timeout": {
        "en": "the SPARQL query takes longer than {seconds:g} s to parse; it was not run (very "
              "long expressions or lists parse slowly)",
        "zh": "该 SPARQL 查询的解析时间超过 {seconds:g} 秒，未执行（很长的表达式或列表解析得慢）",
    },
    "error.sparql.own_query": {
        "en": "the server could not prepare its own named query “{name}” ({reason}); this is a "
              "fault of the server, not of the request: tell the server's operator",
        "zh": "服务器未能准备其自身的命名查询“{name}”（{reason}）；这是服务器的问题，而不是请求的问题：请告知"
              "服务器的运营方",
    },
    "error.sparql.parser_failed": {
        "en": "the SPARQL query cannot be parsed: the parser failed ({reason})",
        "zh": "无法解析该 SPARQL 查询：解析器出错（{reason}）",
    },
    "error.sparql.one_query": {
        "en": "send one query per request",
        "zh": "每个请求只能发送一个查询",
    },
    "error.sparql.post_without_query": {
        "en": "a POST must carry a query",
        "zh": "POST 请求必须带有查询",
    },
    "error.sparql.not_utf8": {
        "en": "the query is not UTF-8 text: {detail}",
        "zh": "查询不是 UTF-8 文本：{detail}",
    },
    "error.sparql.not_utf8_byte": {
        "en": "the query is not UTF-8 text: the byte {byte} at line {line}, column {column} is not "
              "UTF-8",
        "zh": "查询不是 UTF-8 文本：第 {line} 行第 {column} 列的字节 {byte} 不是 UTF-8",
    },
    "error.sparql.not_utf8_surrogate": {
        "en": "the query is not UTF-8 text: {character} at line {line}, column {column} is half of "
              "a UTF-16 pair, not a character",
        "zh": "查询不是 UTF-8 文本：第 {line} 行第 {column} 列的 {character} 是 UTF-16 代理对的一半，"
              "不是字符",
    },
    "error.sparql.escape_not_a_character": {
        "en": "the SPARQL query cannot be parsed: the escape {escape} at line {line}, column "
              "{column} is not a character",
        "zh": "无法解析该 SPARQL 查询：第 {line} 行第 {column} 列的转义 {escape} 不表示任何字符",
    },
    "error.sparql.remote_store": {
        "en": "this app reads a remote SPARQL server and answers no queries at /sparql: send them "
              "to that server's own endpoint, whose address the operator has not published here "
              "(BCIC_PUBLIC_SPARQL_URL)",
        "zh": "本应用读取的是远程 SPARQL 服务器，/sparql 不回答查询：请把查询发到该服务器自己的端点；"
              "运营方未在此公布其地址（BCIC_PUBLIC_SPARQL_URL）",
    },
    "error.sparql.remote_store_at": {
        "en": "this app reads a remote SPARQL server and answers no queries at /sparql: send them "
              "to that server's own endpoint, {endpoint}",
        "zh": "本应用读取的是远程 SPARQL 服务器，/sparql 不回答查询：请把查询发到该服务器自己的端点 "
              "{endpoint}",
    },
    "error.sparql.public_url": {
        "en": "BCIC_PUBLIC_SPARQL_URL must be the http or https URL of the remote store's public "
              "SPARQL endpoint, with a host and without a user name or password: {value!r}",
        "zh": "BCIC_PUBLIC_SPARQL_URL 必须是远程存储公开 SPARQL 端点的 http 或 https URL，带主机名，"
              "且不含用户名或密码：{value!r}",
    },
    "error.sparql.runner_settings": {
        "en": "a query runner needs at least one worker, a positive timeout, a positive memory "
              "limit, fewer reserved workers than workers, and no negative number of waiting "
              "queries",
        "zh": "查询执行器至少需要一个工作进程、一个大于零的超时时间和一个大于零的内存上限，保留的工作进程须少于"
              "工作进程总数，等待的查询数不能为负",
    },
    "error.sparql.queue_full": {
        "en": "the endpoint already holds {limit} queries, running or waiting for a worker, the "
              "most it takes at once; try again later",
        "zh": "该端点已有 {limit} 个查询正在执行或等待工作进程，已达同时受理的上限；请稍后重试",
    },
    "error.sparql.busy": {
        "en": "all {workers} query workers stayed busy for {seconds:g} s; try again later",
        "zh": "全部 {workers} 个查询工作进程在 {seconds:g} 秒内一直繁忙；请稍后重试",
    },
    "error.sparql.timeout": {
        "en": "query stopped after {seconds:g} s (the time limit); make it more selective or add "
              "a LIMIT",
        "zh": "查询在 {seconds:g} 秒（时间上限）后被终止；请缩小查询范围或加上 LIMIT",
    },
    # `bcic query` and `bcic queries run` on the local store (checker/cli_store.py): their user
    # can give the query more time, which the endpoint's client cannot.
    "error.query.timeout": {
        "en": "query stopped after {seconds:g} s (the time limit, --timeout); make it more "
              "selective, add a LIMIT, or give it more time with a larger --timeout (0 for no "
              "limit)",
        "zh": "查询在 {seconds:g} 秒（时间上限，--timeout）后被终止；请缩小查询范围、加上 LIMIT，"
              "或用更大的 --timeout 给它更多时间（0 为不限）",
    },
    "error.query.timeout_named": {
        "en": "the named query “{name}” was stopped after {seconds:g} s (the time limit, "
              "--timeout): its text cannot be changed, and a smaller --limit does not make it "
              "faster, since its whole answer is still sorted; give it more time with a larger "
              "--timeout (0 for no limit)",
        "zh": "命名查询“{name}”在 {seconds:g} 秒（时间上限，--timeout）后被终止：其查询文本不能更改，"
              "减小 --limit 也不能使其更快，因为仍须对整个答案排序；请用更大的 --timeout 给它更多时间"
              "（0 为不限）",
    },
    # A query's output (checker/output_spool.py) waits in a temporary file for its reader.
    "error.query.output_not_held": {
        "en": "the output could not be held for its reader: writing its temporary file in "
              "{directory} (TMPDIR) failed ({reason}); free some space there, or set TMPDIR to "
              "a directory with room",
        "zh": "输出无法暂存以待读取：在 {directory}（TMPDIR）中写入其临时文件失败（{reason}）；"
              "请在该处腾出空间，或将 TMPDIR 设为空间充足的目录",
    },
    "error.sparql.memory": {
        "en": "query stopped: it needed more than {limit} MiB of memory (the memory limit); make "
              "it more selective or add a LIMIT",
        "zh": "查询被终止：所需内存超过 {limit} MiB（内存上限）；请缩小查询范围或加上 LIMIT",
    },
    "error.sparql.engine_stopped": {
        "en": "the query engine stopped while running this query ({cause}); a fresh engine has "
              "been started",
        "zh": "查询引擎在执行此查询时停止（{cause}）；已启动新的引擎",
    },
    "error.sparql.engine_failed": {
        "en": "the query engine failed: {detail}",
        "zh": "查询引擎出错：{detail}",
    },
}
