"""The system's reason for a failed operation, said in the language asked (checker/os_reasons.py):
Python gives it in English whatever the locale."""

from __future__ import annotations

import errno
import os

import pytest

from checker.errors import InputError
from checker.i18n import MESSAGES
from checker.os_reasons import _KEYS, os_reason, reason_of_number


@pytest.mark.parametrize("number, zh", [(errno.ENOSPC, "磁盘空间已满"),
                                        (errno.EACCES, "权限不足"),
                                        (errno.EROFS, "只读文件系统"),
                                        (errno.ENOENT, "文件或目录不存在")])
def test_a_known_reason_is_said_in_chinese_and_in_the_systems_english(number: int,
                                                                      zh: str) -> None:
    reason = os_reason(OSError(number, os.strerror(number)))
    assert reason.text("zh") == zh
    assert reason.text("en") == os.strerror(number)


def test_every_known_reason_has_both_languages_and_the_systems_english_words() -> None:
    for number, key in _KEYS.items():
        assert set(MESSAGES[key]) == {"zh", "en"}, key
        assert MESSAGES[key]["en"] == os.strerror(number), key


def test_an_unknown_reason_keeps_the_systems_words_in_every_language() -> None:
    reason = os_reason(OSError(errno.ECONNRESET, "Connection reset by peer"))
    assert reason.text("zh") == reason.text("en") == "Connection reset by peer"
    assert os_reason(ValueError("not a port")).text("zh") == "not a port"


def test_an_error_says_the_reason_in_each_language() -> None:
    error = InputError.of("error.cannot_write", path="/x/r.json",
                          reason=reason_of_number(errno.ENOTDIR))
    assert error.text("zh") == "/x/r.json：无法写入（不是目录）"
    assert error.text("en") == "/x/r.json: cannot be written (Not a directory)"
