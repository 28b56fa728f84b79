"""Error messages about a remote SPARQL server that the store reads and writes, or that
`bcic query` asks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.remote.binding_without_value": {
        "en": "the SPARQL server sent a binding without a value: {binding!r}",
        "zh": "SPARQL 服务器发来的绑定没有值：{binding!r}",
    },
    "error.remote.binding_type": {
        "en": "the SPARQL server sent a binding of unknown type {kind!r}",
        "zh": "SPARQL 服务器发来了未知类型 {kind!r} 的绑定",
    },
    "error.remote.malformed_select": {
        "en": "the SPARQL server sent a malformed SELECT result ({detail})",
        "zh": "SPARQL 服务器发来的 SELECT 结果格式有误（{detail}）",
    },
    "error.remote.graph_media_type": {
        "en": "the SPARQL endpoint {endpoint} answered a graph query with {media_type}, not "
              "N-Triples or Turtle: is it a SPARQL endpoint?",
        "zh": "SPARQL 端点 {endpoint} 以 {media_type} 应答图查询，而不是 N-Triples 或 Turtle：它是 "
              "SPARQL 端点吗？",
    },
    "error.remote.not_sparql_results": {
        "en": "the SPARQL endpoint {endpoint} answered with {media_type}, not SPARQL results: is "
              "it a SPARQL endpoint?",
        "zh": "SPARQL 端点 {endpoint} 以 {media_type} 应答，而不是 SPARQL 查询结果：它是 SPARQL "
              "端点吗？",
    },
    "error.remote.unparsable_rdf": {
        "en": "the SPARQL endpoint {endpoint} sent RDF that cannot be parsed: {detail}",
        "zh": "SPARQL 端点 {endpoint} 发来的 RDF 无法解析：{detail}",
    },
    "error.remote.unreadable_answer": {
        "en": "the answer of {endpoint} cannot be read: {detail}",
        "zh": "无法读取 {endpoint} 的应答：{detail}",
    },
    "error.remote.short_graph": {
        "en": "read {read} of the {expected} triples of graph <{iri}> from {endpoint}: the server "
              "caps its answers (Virtuoso: [SPARQL] ResultSetMaxRows) and its pages did not add "
              "up",
        "zh": "从 {endpoint} 读取图 <{iri}> 时只读到 {expected} 个三元组中的 {read} 个：服务器限制"
              "了应答的大小（Virtuoso：[SPARQL] ResultSetMaxRows），分页读取的结果对不上",
    },
    "error.remote.row_cap": {
        "en": "the SPARQL endpoint {endpoint} stopped at its limit of {cap} rows, so the answer "
              "may be incomplete: add a LIMIT below it, or raise the server's limit ([SPARQL] "
              "ResultSetMaxRows)",
        "zh": "SPARQL 端点 {endpoint} 在其 {cap} 行的上限处停止，应答可能不完整：请加上低于该上限"
              "的 LIMIT，或提高服务器的上限（[SPARQL] ResultSetMaxRows）",
    },
    "error.remote.ask_without_boolean": {
        "en": "the SPARQL endpoint {endpoint} answered an ASK without a boolean",
        "zh": "SPARQL 端点 {endpoint} 对 ASK 查询的应答中没有布尔值",
    },
    "error.remote.uncounted_graph": {
        "en": "the SPARQL endpoint {endpoint} did not count graph {graph}",
        "zh": "SPARQL 端点 {endpoint} 未能统计图 {graph} 中的三元组",
    },
    "error.remote.update_too_large": {
        "en": "the update is {size:,} bytes, more than Virtuoso takes in one request ({limit:,}) "
              "at {endpoint}; nothing was written",
        "zh": "更新大小为 {size:,} 字节，超过了 {endpoint} 处的 Virtuoso 单个请求所能接受的大小"
              "（{limit:,}）；未写入任何内容",
    },
    "error.remote.unreadable_json": {
        "en": "the SPARQL endpoint {endpoint} sent JSON that cannot be read: {detail}",
        "zh": "SPARQL 端点 {endpoint} 发来的 JSON 无法读取：{detail}",
    },
    "error.remote.no_json_object": {
        "en": "the SPARQL endpoint {endpoint} sent no JSON object",
        "zh": "SPARQL 端点 {endpoint} 发来的不是 JSON 对象",
    },
    "error.remote.read_only_store": {
        "en": "the SPARQL store at {endpoint} was opened without an update endpoint: it can only "
              "be read",
        "zh": "{endpoint} 处的 SPARQL 存储打开时没有给出更新端点：只能读取",
    },
    "error.remote.no_update_endpoint": {
        "en": "no update endpoint was given for {endpoint}: it can only be read",
        "zh": "没有给出 {endpoint} 的更新端点：只能读取",
    },
    "error.remote.http": {
        "en": "the SPARQL endpoint {endpoint} answered HTTP {status} {reason}{hints}",
        "zh": "SPARQL 端点 {endpoint} 返回 HTTP {status} {reason}{hints}",
    },
    "error.remote.http_detail": {
        "en": "the SPARQL endpoint {endpoint} answered HTTP {status} {reason}: {detail}{hints}",
        "zh": "SPARQL 端点 {endpoint} 返回 HTTP {status} {reason}：{detail}{hints}",
    },
    "error.remote.redirected": {
        "en": "the SPARQL endpoint {endpoint} answered HTTP {status}: redirected to {location}; "
              "give that URL as the endpoint",
        "zh": "SPARQL 端点 {endpoint} 返回 HTTP {status}：已重定向到 {location}；请改用该 URL "
              "作为端点",
    },
    "error.remote.redirect_not_followed": {
        "en": "the SPARQL endpoint {endpoint} answered HTTP {status}: redirected to {location}, "
              "which bcic does not follow ({why})",
        "zh": "SPARQL 端点 {endpoint} 返回 HTTP {status}：重定向到 {location}，bcic 不跟随"
              "（{why}）",
    },
    "error.remote.redirect_why_scheme": {
        "en": "not an http or https address", "zh": "不是 http 或 https 地址"},
    "error.remote.redirect_why_downgrade": {"en": "from https to http", "zh": "从 https 降为 http"},
    "error.remote.redirect_why_local": {
        "en": "from another host to this machine or a private network",
        "zh": "从其他主机转到本机或私有网络"},
    "error.remote.hint_credentials": {
        "en": " (the endpoint asks for a user name and password)",
        "zh": "（该端点要求提供用户名和密码）",
    },
    "error.remote.hint_no_credentials": {
        "en": " (no user was given: name the store's user with --store-user or BCIC_STORE_USER "
              "and its password in BCIC_STORE_PASSWORD, or write them in the URL, "
              "http://user:password@host/…)",
        "zh": "（未给出用户：请用 --store-user 或 BCIC_STORE_USER 指定存储的用户，在 "
              "BCIC_STORE_PASSWORD 中给出其密码，或写在 URL 中：http://用户:密码@主机/…）",
    },
    "error.remote.hint_credentials_refused": {
        "en": " (the store's user name or password was refused)",
        "zh": "（存储的用户名或密码被拒绝）",
    },
    "error.remote.hint_update_at_query_endpoint": {
        "en": " (the update went to the query endpoint: a server that takes updates at another "
              "address needs it in BCIC_STORE_UPDATE, such as "
              "BCIC_STORE_UPDATE=http://host:7878/update for the Oxigraph server)",
        "zh": "（更新发往了查询端点：服务器若在另一地址接受更新，须在 BCIC_STORE_UPDATE 中给出该地址，"
              "例如 Oxigraph 服务器：BCIC_STORE_UPDATE=http://主机:7878/update）",
    },
    "error.remote.hint_update_endpoint": {
        "en": " (is it the server's SPARQL update endpoint? BCIC_STORE_UPDATE names it)",
        "zh": "（它是服务器的 SPARQL 更新端点吗？该端点由 BCIC_STORE_UPDATE 指定）",
    },
    "error.remote.hint_read_only_server": {
        "en": " (the server takes no updates: it was started read-only, as by the Oxigraph "
              "server's `serve-read-only`; bcic can read it, but storing needs a server that "
              "takes updates, such as `oxigraph serve`)",
        "zh": "（该服务器不接受更新：它以只读方式启动，例如 Oxigraph 服务器的 `serve-read-only`；"
              "bcic 可以读取它，但存储需要接受更新的服务器，例如 `oxigraph serve`）",
    },
    "error.remote.no_union_default_graph": {
        "en": "the SPARQL server at {endpoint} does not make its default graph the union of its "
              "named graphs: what is stored in graph <{graph}> is not there, so a query that "
              "names no graph would answer from nothing. Start the server with its "
              "union-default-graph option (the Oxigraph server: `oxigraph serve "
              "--union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`), as docs/store.md "
              "says under \"SPARQL servers\": until then bcic neither reads nor writes it",
        "zh": "{endpoint} 处的 SPARQL 服务器没有把默认图设为其全部命名图的并集：存储在图 <{graph}> "
              "中的内容在默认图中看不到，不指明图的查询将无从作答。请用服务器的并集默认图选项启动它"
              "（Oxigraph 服务器：`oxigraph serve --union-default-graph`；Fuseki："
              "`tdb2:unionDefaultGraph true`），见 docs/store.md 的“SPARQL servers”一节；"
              "在此之前 bcic 既不读取也不写入它",
    },
    "error.remote.hint_update_permission": {
        "en": " (the SPARQL user may not update: on Virtuoso, grant SPARQL_UPDATE to it or use "
              "the authenticated endpoint /sparql-auth)",
        "zh": "（该 SPARQL 用户无权更新：在 Virtuoso 上请授予它 SPARQL_UPDATE 权限，或改用需要"
              "认证的端点 /sparql-auth）",
    },
    "error.remote.hint_retry_seconds": {
        "en": " (the server asks to be asked again in {seconds} seconds)",
        "zh": "（服务器要求 {seconds} 秒后再请求）",
    },
    "error.remote.hint_retry_date": {
        "en": " (the server asks to be asked again after {date})",
        "zh": "（服务器要求在 {date} 之后再请求）",
    },
    "error.remote.hint_large_insert": {
        "en": " (Virtuoso says this of any failure inside a large INSERT DATA: a value it cannot "
              "store, such as an integer beyond 64 bits, or a transaction above [Parameters] "
              "TransactionAfterImageLimit; the update was rolled back)",
        "zh": "（大型 INSERT DATA 中的任何失败 Virtuoso 都这样报告：例如它无法存储的值（超过 64 位"
              "的整数），或超过 [Parameters] TransactionAfterImageLimit 的事务；该更新已回滚）",
    },
    "error.remote.too_large": {
        "en": "the answer of the SPARQL endpoint {endpoint} is over {limit:,} bytes",
        "zh": "SPARQL 端点 {endpoint} 的应答超过 {limit:,} 字节",
    },
    "error.remote.partial": {
        "en": "the SPARQL endpoint {endpoint} sent a partial answer ({state}: {detail}); the "
              "query hit the server's time limit",
        "zh": "SPARQL 端点 {endpoint} 只发来了部分应答（{state}：{detail}）；查询达到了服务器的"
              "时间上限",
    },
    "error.remote.deadlock": {
        "en": "the SPARQL endpoint {endpoint} gave the update up as deadlocked with another "
              "writer's (Virtuoso SR172) and rolled it back, again after retries; nothing of it "
              "was written: try again",
        "zh": "SPARQL 端点 {endpoint} 判定该更新与另一写入者的更新死锁（Virtuoso SR172）并将其回滚，"
              "重试后依然如此；未写入任何内容，请重试",
    },
    "error.remote.deadlock_query": {
        "en": "the SPARQL endpoint {endpoint} gave a query up as deadlocked with another "
              "writer's update (Virtuoso SR172), again after retries: try again",
        "zh": "SPARQL 端点 {endpoint} 判定一项查询与另一写入者的更新死锁（Virtuoso SR172）而放弃，"
              "重试后依然如此：请重试",
    },
    "error.remote.turn_busy": {
        "en": "another writer was writing {written} at {endpoint} for all the {seconds} s this "
              "one waited (BCIC_STORE_LOCK_WAIT); nothing was written: try again ({expiry})",
        "zh": "在本次等待的 {seconds} 秒（BCIC_STORE_LOCK_WAIT）内，另一写入者一直在向 {endpoint} "
              "写入 {written}；未写入任何内容，请重试（{expiry}）",
    },
    "error.remote.update_not_applied": {
        "en": "the SPARQL endpoint {endpoint} answered the update with HTTP {status} "
              "({media_type}), but read back from {query_endpoint}, {what}: the update was not "
              "applied. Is {endpoint} a SPARQL update endpoint (BCIC_STORE_UPDATE)?",
        "zh": "SPARQL 端点 {endpoint} 以 HTTP {status}（{media_type}）应答了该更新，但从 "
              "{query_endpoint} 读回时{what}：更新并未生效。{endpoint} 是 SPARQL 更新端点吗"
              "（BCIC_STORE_UPDATE）？",
    },
    "error.remote.what_revision": {
        "en": "revision {number} of {cluster} is not stored",
        "zh": "{cluster} 的第 {number} 版并未存储",
    },
    "error.remote.what_deletion": {
        "en": "revision {number} of {cluster} is still stored",
        "zh": "{cluster} 的第 {number} 版仍然存储着",
    },
    "error.remote.what_rules": {
        "en": "the rule graphs hold {stored} triples of the {sent} sent",
        "zh": "规则图中只有所发送的 {sent} 个三元组中的 {stored} 个",
    },
    "error.remote.what_summary": {
        "en": "the summary graph is not marked as rebuilt",
        "zh": "摘要图没有重建完成的标记",
    },
    "error.remote.written_rules": {"en": "the rule graphs", "zh": "规则图"},
    "error.remote.written_cluster": {
        "en": "the revisions of {cluster}",
        "zh": "{cluster} 的修订版",
    },
    "error.remote.what_turn": {
        "en": "this writer's claim of the turn to write {written} is not there",
        "zh": "本写入者对 {written} 写入权的申领并不存在",
    },
    "error.remote.written_twice": {
        "en": "revision {number} of {cluster} at {endpoint} was also written by another writer "
              "at the same moment (its turn had expired, or the writers' clocks disagree): the "
              "revision holds both submissions; delete it (bcic delete-revision) and ingest "
              "again",
        "zh": "{endpoint} 上 {cluster} 的第 {number} 版同时也被另一写入者写入（其写入权已"
              "过期，或各写入者的时钟不一致）：该修订版含有两份提交材料；请删除它（bcic "
              "delete-revision）后重新入库",
    },
    "error.remote.timeout": {
        "en": "the SPARQL endpoint {endpoint} did not answer within {seconds:g} s",
        "zh": "SPARQL 端点 {endpoint} 未在 {seconds:g} 秒内应答",
    },
    "error.remote.refused": {
        "en": "cannot reach the SPARQL endpoint {endpoint}: connection refused",
        "zh": "无法连接 SPARQL 端点 {endpoint}：连接被拒绝",
    },
    "error.remote.unreachable": {
        "en": "cannot reach the SPARQL endpoint {endpoint}: {reason}",
        "zh": "无法连接 SPARQL 端点 {endpoint}：{reason}",
    },
    "error.remote.unknown_host": {
        "en": "cannot reach the SPARQL endpoint {endpoint}: its host name is not known ({reason})",
        "zh": "无法连接 SPARQL 端点 {endpoint}：无法解析其主机名（{reason}）",
    },
    "error.remote.no_route": {
        "en": "cannot reach the SPARQL endpoint {endpoint}: no network route leads to its host "
              "({reason})",
        "zh": "无法连接 SPARQL 端点 {endpoint}：没有通往其主机的网络路由（{reason}）",
    },
    "error.remote.connection_lost": {
        "en": "the connection to the SPARQL endpoint {endpoint} broke before its answer came: "
              "{how} ({reason})",
        "zh": "与 SPARQL 端点 {endpoint} 的连接在应答到来之前中断：{how}（{reason}）",
    },
    "error.remote.how_closed": {
        "en": "the server closed it without answering",
        "zh": "服务器未作应答就关闭了连接",
    },
    "error.remote.how_reset": {"en": "the server reset it", "zh": "连接被服务器重置"},
    "error.remote.how_broken_pipe": {
        "en": "it broke while the request was being sent",
        "zh": "发送请求时连接已断开",
    },
    "error.remote.how_aborted": {"en": "it was aborted", "zh": "连接被中止"},
    "error.remote.how_cut": {"en": "the answer was cut short", "zh": "应答被截断"},
    "error.remote.lost_not_applied": {
        "en": "{lost}; read back from {query_endpoint}, {what}: the update was not applied, and "
              "nothing of it was stored",
        "zh": "{lost}；从 {query_endpoint} 读回时{what}：该更新并未生效，其内容均未存储",
    },
    "error.remote.lost_revision_unknown": {
        "en": "{lost}; it is unknown whether revision {number} of {cluster} was stored, as "
              "reading it back failed too ({detail}): check with `bcic history {cluster}` "
              "before sending it again",
        "zh": "{lost}；无法确定 {cluster} 的第 {number} 版是否已存储，因为读回也失败了"
              "（{detail}）：再次发送之前，请先用 `bcic history {cluster}` 查看",
    },
    "error.remote.lost_judgement_unknown": {
        "en": "{lost}; it is unknown whether the judgement of revision {number} of {cluster} was "
              "stored, as reading it back failed too ({detail}): check the revision's report "
              "before judging again",
        "zh": "{lost}；无法确定对 {cluster} 第 {number} 版的判定是否已存储，因为读回也失败了"
              "（{detail}）：再次判定之前，请先查看该版本的报告",
    },
    "error.remote.lost_deletion_unknown": {
        "en": "{lost}; it is unknown whether revision {number} of {cluster} was deleted, as "
              "reading it back failed too ({detail}): check with `bcic history {cluster}` "
              "before deleting it again",
        "zh": "{lost}；无法确定 {cluster} 的第 {number} 版是否已删除，因为读回也失败了"
              "（{detail}）：再次删除之前，请先用 `bcic history {cluster}` 查看",
    },
    "error.remote.lost_rules_unknown": {
        "en": "{lost}; it is unknown whether the rule graphs were replaced, as reading them back "
              "failed too ({detail}): loading them again (bcic rules reload) replaces them "
              "either way",
        "zh": "{lost}；无法确定规则图是否已替换，因为读回也失败了（{detail}）：再次加载"
              "（bcic rules reload）无论如何都会替换它们",
    },
    "error.remote.refused_unread": {
        "en": "{refused}. bcic's own parser cannot read it either: {unread}",
        "zh": "{refused}。bcic 自己的解析器也无法读取该查询：{unread}",
    },
    "error.remote.nothing_written": {
        "en": "{error}; nothing was written: it failed before the write was sent",
        "zh": "{error}；未写入任何内容：失败发生在写入发送之前",
    },
    "error.remote.claim_left": {
        "en": "{error}. This writer's claim of the turn to write {written} could not be given "
              "back: if it is still in the store, other writers of it wait for it until it "
              "expires, by {until}",
        "zh": "{error}。本写入者对 {written} 写入权的申领未能交还：若它仍在存储中，其他写入者须等待"
              "它过期（{until} 之前）",
    },
    "error.remote.claim_expiry": {
        "en": "if its writer stopped without finishing, the claim this one waited for expires "
              "by {until}",
        "zh": "若该写入者未完成就停止，本次所等待的申领将在 {until} 之前过期",
    },
    "error.remote.claim_expiry_unknown": {
        "en": "a writer that stopped without finishing frees its turn {minutes} minutes after "
              "its claim",
        "zh": "未完成就停止的写入者在申领 {minutes} 分钟后释放其写入权",
    },
}
