"""Error messages of the knowledge-graph store: revisions, reports, opening and writing it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.revision.no_cluster_key": {
        "en": "no stored cluster has the key {key}",
        "zh": "没有键为 {key} 的已存储产业集群",
    },
    "error.revision.none_stored": {
        "en": "no revision of <{cluster}> is stored",
        "zh": "未存储 <{cluster}> 的任何修订版",
    },
    "error.revision.not_stored": {
        "en": "revision {number} of <{cluster}> is not stored",
        "zh": "未存储 <{cluster}> 的第 {number} 版修订版",
    },
    "error.revision.exists": {
        "en": "revision {number} of {cluster} is already stored",
        "zh": "{cluster} 的第 {number} 版修订版已存储",
    },
    "error.revision.no_free_number": {
        "en": "revisions {first} to {last} of {cluster} all have graphs stored already, so no "
              "number was free for the new revision; nothing was written: try again",
        "zh": "{cluster} 的第 {first} 至第 {last} 版都已有存储的图，新修订版没有可用的版本号；"
              "未写入任何内容，请重试",
    },
    "error.revision.no_report": {
        "en": "no report is stored for revision {number} of <{cluster}>",
        "zh": "未存储 <{cluster}> 第 {number} 版修订版的报告",
    },
    "error.revision.provenance": {
        "en": "the provenance of revision {number} of {cluster} does not describe <{subject}>",
        "zh": "{cluster} 第 {number} 版修订版的来源信息没有描述 <{subject}>",
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
        "en": "the store snapshot cannot be read: {detail}",
        "zh": "无法读取存储快照：{detail}",
    },
    "error.store.no_snapshot": {
        "en": "the store snapshot cannot be read: there is no snapshot at {link} yet",
        "zh": "无法读取存储快照：{link} 处还没有快照",
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
