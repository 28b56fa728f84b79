"""Error messages about the web app's settings (web/settings.py), checked when the app starts:
each names the variable and the value given."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.setting.whole_number": {
        "en": "{name} must be a whole number, {least} or more, not {value!r}",
        "zh": "{name} 须为不小于 {least} 的整数，而不是 {value!r}",
    },
    "error.setting.seconds": {
        "en": "{name} must be a number of seconds more than 0, not {value!r}",
        "zh": "{name} 须为大于 0 的秒数，而不是 {value!r}",
    },
    "error.setting.switch": {
        "en": "{name} must be true or false (or 1 or 0, yes or no, on or off), not {value!r}",
        "zh": "{name} 须为 true 或 false（也可写 1 或 0、yes 或 no、on 或 off），而不是 {value!r}",
    },
    "error.setting.services": {
        "en": "{name} must be a JSON list of SPARQL endpoint URLs, or URLs separated by spaces, "
              "not {value!r}",
        "zh": "{name} 须为 SPARQL 端点 URL 的 JSON 列表，或以空格分隔的 URL，而不是 {value!r}",
    },
    "error.setting.reserved_workers": {
        "en": "{reserved_name} ({reserved}) must be fewer than {workers_name} ({workers}): "
              "/sparql needs at least one worker of its own",
        "zh": "{reserved_name}（{reserved}）须少于 {workers_name}（{workers}）：/sparql "
              "至少需要一个自己的工作进程",
    },
    "error.setting.public_url": {
        "en": "{name} must be the http or https URL at which people reach the bcic web app "
              "(https://host/prefix), with a host and no user name, password, query or fragment, "
              "not {value!r}",
        "zh": "{name} 须为用户访问 bcic 网页应用所用的 http 或 https URL（如 https://host/prefix），带主机名，"
              "且不含用户名、密码、查询串或片段，而不是 {value!r}",
    },
    "error.setting.snapshot_dir": {
        "en": "{name} {value!r} cannot hold the query snapshots: {reason}",
        "zh": "{name} {value!r} 无法存放查询快照：{reason}",
    },
    "error.setting.time_zone": {
        "en": "{name} must name a time zone of the IANA database (such as Asia/Shanghai or UTC), "
              "not {value!r}",
        "zh": "{name} 须为 IANA 时区数据库中的时区名（如 Asia/Shanghai 或 UTC），而不是 {value!r}",
    },
    "error.setting.time_zone_near": {
        "en": "{name} must name a time zone of the IANA database, not {value!r}; the nearest: "
              "{nearest}",
        "zh": "{name} 须为 IANA 时区数据库中的时区名，而不是 {value!r}；最接近的：{nearest}",
    },
}
