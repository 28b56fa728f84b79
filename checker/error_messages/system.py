"""The operating system's reasons for a failed operation (checker/os_reasons.py): the English is
the system's own wording on Linux, the Chinese ours."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Lang

MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "os.no_space": {"en": "No space left on device", "zh": "磁盘空间已满"},
    "os.quota": {"en": "Disk quota exceeded", "zh": "超出磁盘配额"},
    "os.too_large": {"en": "File too large", "zh": "文件过大"},
    "os.permission": {"en": "Permission denied", "zh": "权限不足"},
    "os.not_permitted": {"en": "Operation not permitted", "zh": "不允许此操作"},
    "os.read_only": {"en": "Read-only file system", "zh": "只读文件系统"},
    "os.no_such_file": {"en": "No such file or directory", "zh": "文件或目录不存在"},
    "os.not_a_directory": {"en": "Not a directory", "zh": "不是目录"},
    "os.is_a_directory": {"en": "Is a directory", "zh": "是一个目录"},
    "os.exists": {"en": "File exists", "zh": "文件已存在"},
    "os.name_too_long": {"en": "File name too long", "zh": "文件名过长"},
    "os.io": {"en": "Input/output error", "zh": "输入/输出错误"},
    "os.too_many_open": {"en": "Too many open files", "zh": "打开的文件过多"},
    "os.address_in_use": {"en": "Address already in use", "zh": "地址已被占用"},
    "os.address_not_available": {"en": "Cannot assign requested address",
                                 "zh": "无法使用所请求的地址"},
}
