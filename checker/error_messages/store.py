"""Error messages of the knowledge-graph store: revisions, reports, opening and writing it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.revision.no_cluster_key": {
        "en": "no stored cluster has the key {key}{nearest}",
        "zh": "没有键为 {key} 的已存储产业集群{nearest}",
    },
    "error.revision.none_stored": {
        "en": "no revision of <{cluster}> is stored{nearest}",
        "zh": "未存储 <{cluster}> 的任何修订版{nearest}",
    },
    "error.revision.nearest_clusters": {
        "en": "; the stored clusters nearest in spelling: {names}",
        "zh": "；拼写最接近的已存储产业集群：{names}",
    },
    "error.revision.not_stored": {
        "en": "revision {number} of <{cluster}> is not stored",
        "zh": "未存储 <{cluster}> 的第 {number} 版",
    },
    "error.revision.not_stored_nearest": {
        "en": "revision {number} of <{cluster}> is not stored; the nearest stored: {numbers}",
        "zh": "未存储 <{cluster}> 的第 {number} 版；最接近的已存储修订版：{numbers}",
    },
    # A deleted revision's number stays taken (its tombstone, docs/store.md): said so.
    "error.revision.deleted": {
        "en": "revision {number} of <{cluster}> was deleted on {date}{by} ({reason}); its number "
              "is not given again{nearest}",
        "zh": "<{cluster}> 的第 {number} 版已于 {date} 删除{by}，{reason}，该版本号不再使用{nearest}",
    },
    "error.revision.deleted_by": {"en": " by {name}", "zh": "（删除人：{name}）"},
    # The reason kept with the tombstone, its lines and tabs said as single spaces on the one line
    # of an error.
    "error.revision.deleted_reason": {"en": "reason: “{reason}”", "zh": "删除理由：「{reason}」"},
    "error.revision.nearest_numbers": {
        "en": "; the nearest stored: {numbers}",
        "zh": "；最接近的已存储修订版：{numbers}",
    },
    "error.judgement.not_in_report": {
        "en": "the report of revision {number} of <{cluster}> has no provision {id}: give a "
              "provision it lists as awaiting review (待人工评审); nothing was stored",
        "zh": "<{cluster}> 第 {number} 版的报告中没有条款 {id}：请给出报告中列为待人工评审的条款；未存储任何"
              "内容",
    },
    "error.judgement.not_pending": {
        "en": "{id} is not awaiting review in the report of revision {number} of <{cluster}>: "
              "the report says it is {status}; only a provision awaiting review (待人工评审) can "
              "be judged, and nothing was stored",
        "zh": "<{cluster}> 第 {number} 版的报告中 {id} 并非待人工评审，报告判定为“{status}”；只有待人工"
              "评审的条款才能由评价人员判定，未存储任何内容",
    },
    "error.judgement.lead_in": {
        "en": "{id} follows its list items {first}–{last}: judge those (clause {id} is met when "
              "they all are); nothing was stored",
        "zh": "{id} 随其列项 {first}–{last} 的判定而定：请判定各列项（列项均满足时 {id} 即满足）；"
              "未存储任何内容",
    },
    "error.judgement.bad_body": {
        "en": "a judgement is a JSON object with provision (an id such as 6.1), met (true or "
              "false), and optionally note (the rationale, required when not met) and note_lang "
              "(zh or en)",
        "zh": "判定应为 JSON 对象，含 provision（条款编号，如 6.1）、met（true 或 false），可选 note"
              "（理由，不满足时必填）与 note_lang（zh 或 en）",
    },
    "error.judgement.no_rationale": {
        "en": "a judgement of {id} as not met needs a rationale ({field}): what is missing is what "
              "the cluster has to act on; nothing was stored",
        "zh": "判定 {id} 不满足时须写明理由（{field}）：集群须据此整改；未存储任何内容",
    },
    # A judgement's rationale or a deletion's reason refused (checker/given_text.py): one
    # family, naming the text, where it was given and what was not done.
    "error.given_text.long": {
        "en": "{name} ({field}) has {n} characters; at most {limit} are kept: shorten it; "
              "{outcome}",
        "zh": "{name}（{field}）共 {n} 个字符，最多 {limit} 个：请精简；{outcome}",
    },
    "error.given_text.control": {
        "en": "{field} holds a control character ({character}): {name} is text, its lines and "
              "tabs kept; remove it; {outcome}",
        "zh": "{field} 含有控制字符（{character}）：{name}应为文本，可含换行与制表符；请删除该字符；{outcome}",
    },
    "error.given_text.layout": {
        "en": "{field} holds a line or paragraph separator or a bidirectional control "
              "({character}), which would break or reorder the lines shown in {shown}: {name} "
              "is text, its lines (line feeds) and tabs kept; remove it; {outcome}",
        "zh": "{field} 含有行或段落分隔符或双向文字控制符（{character}），会使{shown}所显示的文字断行或颠倒"
              "次序：{name}应为文本，可含换行（换行符）与制表符；请删除该字符；{outcome}",
    },
    "given_text.name.rationale": {"en": "the rationale", "zh": "理由"},
    "given_text.name.deletion": {"en": "the reason for deletion", "zh": "删除理由"},
    "given_text.shown.rationale": {"en": "reports", "zh": "报告"},
    "given_text.shown.deletion": {"en": "the cluster's history", "zh": "历史记录"},
    "given_text.outcome.rationale": {"en": "nothing was stored", "zh": "未存储任何内容"},
    "given_text.outcome.deletion": {"en": "nothing was deleted", "zh": "未删除任何内容"},
    # Where the text is given: the CLI's option, the page form's field, the API's JSON key.
    "given_text.field.cli": {"en": "--{option}", "zh": "--{option}"},
    "given_text.field.form": {"en": "the “{label}” field", "zh": "“{label}”一栏"},
    "given_text.field.api": {"en": "the JSON key {option}", "zh": "JSON 键 {option}"},
    "given_text.label.rationale": {"en": "Rationale", "zh": "理由"},
    "given_text.label.deletion": {"en": "Reason for deletion", "zh": "删除理由"},
    # Why a revision is deleted: required, kept with its tombstone (docs/store.md), refused as
    # a judgement's rationale is (checker/deletion_reason.py, the error.given_text family).
    "error.deletion.no_reason": {
        "en": "a deletion needs a reason ({field}): say why the revision is deleted, which is "
              "kept with the deletion and shown in the cluster's history; nothing was deleted",
        "zh": "删除修订版须说明理由（{field}）：理由随删除记录保存，并显示在该集群的历史中；未删除任何内容",
    },
    "error.deletion.bad_body": {
        "en": 'the body must be a JSON object {{"reason": "…"}} saying why the revision is '
              "deleted; nothing was deleted",
        "zh": '请求体应为 JSON 对象 {{"reason": "…"}}，说明删除该修订版的理由；未删除任何内容',
    },
    # `bcic judge --by`: the evaluator's name as recorded, one line of words (decision 20).
    "error.judgement.blank_by": {
        "en": "--by names no one: give the evaluator's name, or leave --by out to record the "
              "judgement unnamed; nothing was stored",
        "zh": "--by 未给出任何名称：请给出评价人员的姓名，或省略 --by 以记录未署名的判定；未存储任何内容",
    },
    "error.judgement.control_by": {
        "en": "--by holds a line break or another control character ({character}): give the "
              "evaluator's name on one line; nothing was stored",
        "zh": "--by 含有换行符或其他控制字符（{character}）：请在一行内给出评价人员的姓名；未存储任何内容",
    },
    "error.revision.exists": {
        "en": "revision {number} of {cluster} is already stored",
        "zh": "{cluster} 的第 {number} 版已存储",
    },
    "error.revision.no_free_number": {
        "en": "revisions {first} to {last} of {cluster} all have graphs stored already, so no "
              "number was free for the new revision; nothing was written: try again",
        "zh": "{cluster} 的第 {first} 至第 {last} 版都已有存储的图，新修订版没有可用的版本号；"
              "未写入任何内容，请重试",
    },
    "error.revision.no_report": {
        "en": "no report is stored for revision {number} of <{cluster}>",
        "zh": "未存储 <{cluster}> 第 {number} 版的报告",
    },
    "error.revision.provenance": {
        "en": "the provenance of revision {number} of {cluster} does not describe <{subject}>",
        "zh": "{cluster} 第 {number} 版的来源信息没有描述 <{subject}>",
    },
    "error.store.uncounted_graph": {
        "en": "the store did not count graph <{graph}>",
        "zh": "存储未能统计图 <{graph}> 中的三元组",
    },
    "error.store.report_without_time": {
        "en": "a stored report has no dcterms:created time",
        "zh": "一份已存储的报告没有 dcterms:created 时间",
    },
    "error.store.unknown_backend": {
        "en": "unknown store backend {name!r}; known backends: {known}",
        "zh": "未知的存储后端 {name!r}；已知后端：{known}",
    },
    "error.store.bad_options": {
        "en": "bad options for the {name} store: {detail}",
        "zh": "{name} 存储的选项有误：{detail}",
    },
    "error.store.cannot_open": {
        "en": "cannot open the store at {path}{hint}: {detail}",
        "zh": "无法打开 {path} 处的存储{hint}：{detail}",
    },
    "error.store.bad_lock_wait": {
        "en": "{name} must be a number of seconds, 0 or more, not {value!r}",
        "zh": "{name} 须为不小于 0 的秒数，而不是 {value!r}",
    },
    "error.store.bad_engine": {
        "en": "{value!r} is not a store engine: give auto, virtuoso or generic ({name}, "
              "--store-engine)",
        "zh": "{value!r} 不是可选的存储引擎：请取 auto、virtuoso 或 generic（{name}、--store-engine）",
    },
    "error.store.user_without_password": {
        "en": "the remote store's user {user!r} is given, but no password: set {password_env}",
        "zh": "给出了远程存储的用户 {user!r}，但没有密码：请设置 {password_env}",
    },
    "error.store.password_without_user": {
        "en": "{password_env} is set, but no user of the remote store: set {user_env} or give "
              "--store-user",
        "zh": "设置了 {password_env}，但没有远程存储的用户：请设置 {user_env} 或给出 --store-user",
    },
    "error.store.busy": {
        "en": "the store stayed busy with another write for {seconds} s "
              "(BCIC_STORE_LOCK_WAIT): nothing was stored; try again",
        "zh": "存储在 {seconds} 秒内一直忙于另一项写入（BCIC_STORE_LOCK_WAIT）：未存储任何内容，"
              "请重试",
    },
    "error.store.locked_hint": {
        "en": " (another process has it open; waited {seconds} s)",
        "zh": "（另一个进程正打开着它；已等待 {seconds} 秒）",
    },
    "error.store.in_memory_backup": {
        "en": "an in-memory store cannot be backed up",
        "zh": "内存中的存储无法备份",
    },
    "error.store.closed": {"en": "the store is closed", "zh": "存储已关闭"},
    "error.store.failed": {"en": "the store failed: {detail}", "zh": "存储出错：{detail}"},
    "error.store.snapshot_unreadable": {
        "en": "the store snapshot cannot be read; try again (the server's log says why)",
        "zh": "无法读取存储快照，请重试（原因见服务器日志）",
    },
    "error.store.no_snapshot": {
        "en": "the store snapshot cannot be read: there is none yet; try again",
        "zh": "无法读取存储快照：还没有快照，请重试",
    },
    "error.store.not_ready": {
        "en": "the store cannot be read yet; try again",
        "zh": "暂时还无法读取存储，请稍后重试",
    },
    # A named query (or several) whose answer reads a summary graph of another version.
    "error.store.needs_reindex.one": {
        "en": "the named query {queries} reads the store's summary graph, which another version "
              "of bcic wrote: until `bcic reindex` is run on the store, its answer would miss "
              "rows or be wrong, so none is given; ask again after it",
        "zh": "命名查询 {queries} 读取存储的摘要图，而该图由另一版本的 bcic 写入：在对该存储运行 "
              "`bcic reindex` 之前，其结果会缺行或有误，因此不予回答；请在此之后重试",
    },
    "error.store.needs_reindex.other": {
        "en": "the named queries {queries} read the store's summary graph, which another "
              "version of bcic wrote: until `bcic reindex` is run on the store, their answers "
              "would miss rows or be wrong, so none is given; ask again after it",
        "zh": "命名查询 {queries} 读取存储的摘要图，而该图由另一版本的 bcic 写入：在对该存储运行 "
              "`bcic reindex` 之前，其结果会缺行或有误，因此不予回答；请在此之后重试",
    },
    "error.store.nothing_stored": {
        "en": "nothing has been stored yet: queries are answered once the first revision is "
              "stored",
        "zh": "尚未存储任何内容：存储第一个修订版后即可查询",
    },
    "error.store.damaged": {
        "en": "the store at {path} is damaged ({detail}): restore it from a backup "
              "(web/README.md, \"Backup and restore\")",
        "zh": "{path} 处的存储已损坏（{detail}）：请从备份恢复（见 web/README.md“Backup "
              "and restore”）",
    },
    "error.store.not_readable_here": {
        "en": "the store directory {path} cannot be opened by this process ({reason}): even a "
              "command that only reads a store takes its lock, which needs write permission in "
              "its directory; run it as the store's owner, or read a copy of the store",
        "zh": "本进程无法打开存储目录 {path}（{reason}）：即使只读的命令也要获取存储的锁，这需要对该目录"
              "有写权限；请以存储所有者的身份运行，或读取存储的副本",
    },
    "error.store.not_writable": {
        "en": "the store directory {path} cannot be written ({reason}): this command writes; "
              "the commands that only read (clusters, history, query) read it as it is",
        "zh": "无法写入存储目录 {path}（{reason}）：此命令需要写入；只读命令（clusters、history、"
              "query）可照常读取",
    },
    "error.store.write_failed": {
        "en": "nothing of this write was stored ({detail}); if the disk is full, make room and "
              "try again",
        "zh": "本次写入的内容均未存储（{detail}）；若磁盘已满，请腾出空间后重试",
    },
    "error.store.not_flushed": {
        "en": "{written}, but the store could not then write it out to disk ({detail}): it is "
              "kept in the store's write-ahead log, read again whenever the store is opened; "
              "make room on the disk before the next write",
        "zh": "{written}，但存储随后未能将其写入磁盘（{detail}）：它已保存在存储的预写日志中，"
              "每次打开存储时都会读入；下次写入前请腾出磁盘空间",
    },
    "error.store.not_published": {
        "en": "{written}, but the query snapshot could not be made ({detail}): pages and queries "
              "show it once one is made (after the next write, or when the web app starts); do "
              "not send it again",
        "zh": "{written}，但未能生成查询快照（{detail}）：生成快照后（下一次写入之后，或 Web 应用"
              "启动时）页面和查询即可看到它；请勿重复提交",
    },
    "error.store.cannot_write_now": {
        "en": "the store cannot be written now: nothing was stored (the server's log says why)",
        "zh": "暂时无法写入存储：未存储任何内容（原因见服务器日志）",
    },
    "error.store.see_log": {"en": "the server's log says why", "zh": "原因见服务器日志"},
    "store.written.revision": {
        "en": "revision {number} of {cluster} was stored (do not send it again)",
        "zh": "{cluster} 的第 {number} 版已存储（请勿重复提交）",
    },
    "store.written.deletion": {
        "en": "revision {number} of {cluster} was deleted",
        "zh": "{cluster} 的第 {number} 版已删除",
    },
    "store.written.judgement": {
        "en": "a judgement of revision {number} of {cluster} was stored",
        "zh": "对 {cluster} 第 {number} 版的判定已存储",
    },
    "store.written.rules": {"en": "the rule graphs were replaced", "zh": "规则图已替换"},
    "store.written.summary": {"en": "the summary graph was rebuilt", "zh": "摘要图已重建"},
    "store.written.summary_part": {
        "en": "part of the summary graph was rebuilt (run `bcic reindex` again to finish it)",
        "zh": "摘要图已部分重建（请再次运行 `bcic reindex` 以完成重建）",
    },
    "error.snapshot.cannot_write": {
        "en": "cannot make query snapshots in {path} ({reason}): set BCIC_SNAPSHOT to a "
              "directory this server can write",
        "zh": "无法在 {path} 中生成查询快照（{reason}）：请将 BCIC_SNAPSHOT 设为本服务器可写的目录",
    },
    "serve.no_store": {
        "en": "Warning: there is no store at {path} yet; the first write (an upload, bcic "
              "ingest) will create it. If one should be there, check --store or BCIC_STORE.",
        "zh": "警告：{path} 处还没有存储；第一次写入（上传、bcic ingest）时会创建。若此处本应有"
              "存储，请检查 --store 或 BCIC_STORE。",
    },
    "serve.remote_unreadable": {
        "en": "Warning: the store cannot be read now, and its pages and /healthz answer 503 "
              "until it can: {error}",
        "zh": "警告：目前无法读取存储，在能读取之前其页面和 /healthz 都返回 503：{error}",
    },
    "serve.needs_reindex": {
        "en": "Warning: the store's summary graph was written by another version of bcic: "
              "verdicts, rates and the named queries' answers may be wrong or empty until you "
              "run bcic reindex --store {location}",
        "zh": "警告：存储的摘要图由另一版本的 bcic 写入：在运行 bcic reindex --store {location} "
              "之前，结论、符合率和命名查询的结果可能有误或为空",
    },
    "error.store.sparql_term": {
        "en": "no SPARQL term for {node!r} (RDF-star is not stored)",
        "zh": "{node!r} 无法写成 SPARQL 项（不存储 RDF-star）",
    },
    "error.store.unwritable_iri": {
        "en": "the IRI {iri!r} cannot be written to a SPARQL store: it holds a space, a control "
              "character or one of <>\"{{}}|^`\\",
        "zh": "IRI {iri!r} 无法写入 SPARQL 存储：其中含有空格、控制字符或 <>\"{{}}|^`\\ 中的字符",
    },
    "error.store.language_tag": {
        "en": "the language tag {tag!r} is not a BCP 47 tag",
        "zh": "语言标签 {tag!r} 不是 BCP 47 标签",
    },
}
