"""Error messages about worker processes (checker/forking.py, checker/query_runner.py) and how
they ended."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "error.worker.no_answer": {
        "en": "a worker process (pid {pid}) did not answer in time and was stopped",
        "zh": "工作进程（pid {pid}）未能按时应答，已被终止",
    },
    "error.worker.died": {
        "en": "a worker process (pid {pid}) died: {cause}",
        "zh": "工作进程（pid {pid}）意外终止：{cause}",
    },
    "error.worker.memory": {
        "en": "a worker process (pid {pid}) ran out of the memory it was allowed",
        "zh": "工作进程（pid {pid}）用尽了允许使用的内存",
    },
    "error.worker.failed": {
        "en": "a worker process failed: {detail}",
        "zh": "工作进程出错：{detail}",
    },
    "error.process.signal": {
        "en": "killed by signal {number} ({name})",
        "zh": "被信号 {number}（{name}）终止",
    },
    "error.process.exit_status": {"en": "exit status {code}", "zh": "退出状态 {code}"},
    "error.process.pipe_broke": {"en": "its pipe broke", "zh": "其管道已断开"},
}
