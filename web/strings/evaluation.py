"""UI strings of the evaluation pages: clusters list, validation, reports."""

STRINGS = {
    "home.title": {"en": "Industrial clusters", "zh": "产业集群"},
    "home.cluster": {"en": "Cluster", "zh": "产业集群"},
    "home.verdict": {"en": "Latest verdict", "zh": "最新结论"},
    "home.rate": {"en": "Conformance rate", "zh": "符合率"},
    "home.revisions": {"en": "Revisions", "zh": "修订次数"},
    "home.last": {"en": "Last revision", "zh": "最近修订"},
    "home.conformant": {"en": "conformant", "zh": "符合"},
    "home.not_conformant": {"en": "not conformant", "zh": "不符合"},
    "home.empty": {"en": "No cluster has been stored yet.", "zh": "尚未存储任何产业集群。"},
    "home.validate_link": {"en": "Validate a submission", "zh": "验证一份提交材料"},
}
