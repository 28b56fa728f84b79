"""Error messages of the commands' own options: validate, generate, serve, token, benchmark,
reports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.output_after_change": {
        "en": "{done}, but what follows could not be written: {error}",
        "zh": "{done}，但其后的输出无法写入：{error}",
    },
    "error.lang_env": {
        "en": "environment variable {variable}",
        "zh": "环境变量 {variable}",
    },
    "error.unusable_path": {
        "en": "{path}: not a usable path ({reason})",
        "zh": "{path}：路径不可用（{reason}）",
    },
    "error.validate.each_needs_output": {
        "en": "--each needs --output DIRECTORY for the reports",
        "zh": "--each 需要用 --output DIRECTORY 指定存放各份报告的目录",
    },
    "error.validate.output_is_input": {
        "en": "the report would overwrite the input file {source} (--output {output}); write it "
              "elsewhere",
        "zh": "报告会覆盖输入文件 {source}（--output {output}）；请写到其他位置",
    },
    "error.validate.each_same_stem": {
        "en": "{first} and {second} would both be reported to {report}; rename one of them or "
              "validate them in separate runs",
        "zh": "{first} 与 {second} 的报告都会写成 {report}；请重命名其中一个，或分两次验证",
    },
    "error.report.unknown_format": {
        "en": "unknown report format {fmt!r}; known formats: {known}",
        "zh": "未知的报告格式 {fmt!r}；已知格式：{known}",
    },
    "error.generate.members": {
        "en": "members must be at least 1, not {members}",
        "zh": "成员数量至少为 1，不能是 {members}",
    },
    "error.generate.years": {
        "en": "years must be at least 1, not {years}",
        "zh": "年数至少为 1，不能是 {years}",
    },
    "error.generate.gaps": {
        "en": "gaps must lie between 0 and 1, not {gaps}",
        "zh": "gaps 必须在 0 到 1 之间，不能是 {gaps}",
    },
    "error.generate.cluster_id": {
        "en": "cluster id must be letters, digits, '-' or '_', not {cluster_id!r}",
        "zh": "集群标识只能由字母、数字、'-' 或 '_' 组成，不能是 {cluster_id!r}",
    },
    "error.usage": {
        "en": "Error: {detail} (see '{command} --help')",
        "zh": "错误：命令行用法有误：{detail}（用 '{command} --help' 查看帮助）",
    },
    "error.serve.cannot_listen": {
        "en": "cannot listen on {host} port {port}: {reason}",
        "zh": "无法在 {host} 的 {port} 端口监听：{reason}",
    },
    "error.token.not_a_token_file": {
        "en": "{path}: not a bcic token file ({detail})",
        "zh": "{path}：不是 bcic 令牌文件（{detail}）",
    },
    "error.token.unknown_role": {
        "en": "unknown role {role!r}; roles: {roles}",
        "zh": "未知角色 {role!r}；可用角色：{roles}",
    },
    "error.token.unknown_id": {
        "en": "no token with id {token_id}",
        "zh": "没有编号为 {token_id} 的令牌",
    },
    "error.benchmark.not_stored": {
        "en": "{cluster} is not a stored cluster (see `bcic clusters`){nearest}",
        "zh": "{cluster} 不是已存储的产业集群（见 `bcic clusters`）{nearest}",
    },
    "error.benchmark.indicator": {
        "en": "there is no 9.1.4 indicator with the code {code} (codes look like b.1.1)",
        "zh": "9.1.4 中没有编号为 {code} 的指标（编号形如 b.1.1）",
    },
    "error.benchmark.own": {
        "en": "parameter {name}: {given} is the compared cluster itself, and a cluster cannot "
              "be its own benchmark (9.3.2 c) compares with another cluster, 9.3.2 b) with its "
              "own history)",
        "zh": "参数 {name}：{given} 就是被对比的产业集群本身，产业集群不能作为自己的标杆"
              "（9.3.2 c) 与另一产业集群对比，9.3.2 b) 与自身历史同期对比）。",
    },
    "error.benchmark.unknown_cluster": {
        "en": "parameter {name}: no cluster is known by {given}: it is neither the key nor the "
              "IRI of a stored cluster or of a benchmark or competitor a stored submission names "
              "(9.3.2 c), d)){nearest}",
        "zh": "参数 {name}：没有产业集群以 {given} 为键或 IRI：它既不是已存储产业集群的键或 IRI，也不是"
              "已存储提交材料所列标杆或竞争对手的键或 IRI（9.3.2 c)、d)）{nearest}",
    },
    "error.benchmark.unstored_cluster": {
        "en": "parameter {name}: no stored cluster is known by {given}: {name} takes the key or "
              "IRI of a stored cluster only; a benchmark or competitor a submission names that "
              "is not stored itself is taken by benchmark, not here (9.3.2 c), d)){nearest}",
        "zh": "参数 {name}：没有已存储的产业集群以 {given} 为键或 IRI：{name} 只接受已存储产业集群的"
              "键或 IRI；提交材料所列但本身未存储的标杆或竞争对手由 benchmark 参数接受，此处不接受"
              "（9.3.2 c)、d)）{nearest}",
    },
    "error.benchmark.nearest_clusters": {
        "en": "; the nearest known: {names}",
        "zh": "；最接近的已知产业集群：{names}",
    },
    "error.benchmark.none_near": {
        "en": "; GET /api/clusters lists the stored clusters, with their keys",
        "zh": "；GET /api/clusters 列出已存储的产业集群及其键",
    },
    "error.benchmark.named_twice": {
        "en": "{cluster} is named twice, and a cluster cannot be its own benchmark (9.3.2 c) "
              "compares with another cluster, 9.3.2 b) with its own history)",
        "zh": "{cluster} 被指定了两次，产业集群不能作为自己的标杆（9.3.2 c) 与另一产业集群对比，"
              "9.3.2 b) 与自身历史同期对比）",
    },
    "error.benchmark.group": {
        "en": "there is no 9.1.4 indicator group with the code {code} (e.g. b.1)",
        "zh": "9.1.4 中没有编号为 {code} 的指标组（如 b.1）",
    },
}
