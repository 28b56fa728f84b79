"""Click's own words (usage, help, errors) in the command's language.

Click marks its strings with gettext (`from gettext import gettext as _`, click's i18n note) and
ships no translations: gettext looks them up in the process's text domain, in the language the
environment names (LANGUAGE, …). So, for the time of a command under zh, `speaking` points the
domain at bcic's catalogue (`checker/locale/zh/LC_MESSAGES/bcic.mo`, built from `CLICK_ZH` by
`python -m checker.cli_click_i18n`; tests/test_cli_click_i18n.py checks it is current) and sets
LANGUAGE, and puts both back afterwards. Under en nothing is touched: click is itself. Click
makes each command's --help option once and keeps it, with its text: one process speaks one
language, as one command line does.
"""

from __future__ import annotations

import gettext
import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .i18n import DEFAULT_LANG, Lang

DOMAIN = "bcic"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
HEADER = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"

# Every gettext string of click 8.x (tests/test_cli_click_i18n.py finds them in click's source),
# in Chinese. A (singular, plural) key is an ngettext pair: Chinese has one form.
CLICK_ZH: dict[str | tuple[str, str], str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示此帮助信息并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
    "Aborted!": "已中止！",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "请用 '{command} {option}' 查看帮助。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Invalid value: {message}": "无效的值：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        "（您是否想用：{possibilities}？）",
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        "多出了意外的参数（{args}）",
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        "需要 {nargs} 个值，但给出了 {len} 个。",
    "Value must be an iterable.": "值必须是可迭代对象。",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "DeprecationWarning：命令 {name!r} 已弃用。{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "DeprecationWarning：{param_type} {name!r} 已弃用。{extra_message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        "选项 {name!r} 需要 {nargs} 个参数。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项的起始字符无效（{option}）",
    "Choose from:\n\t{choices}": "可选值：\n\t{choices}",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        "{value!r} 不是 {choices} 之一。",
    "Choice({choices})": "Choice（{choices}）",
    ("{value!r} does not match the format {format}.",
     "{value!r} does not match the formats {formats}."):
        "{value!r} 不符合格式 {formats}。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的 {number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} 不是有效的布尔值。可识别的值：{states}",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        "需要 {len_type} 个值，但给出了 {len_value} 个。",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不经询问直接确认操作。",
    "Repeat for confirmation": "请再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的值不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
    "Unknown color {colour!r}": "未知颜色 {colour!r}",
    "Unknown standard stream '{name}'": "未知的标准流 '{name}'",
    "d": "天",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
    "Windows error: {error}": "Windows 错误：{error}",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Bash 4.4 以前的版本不支持命令补全。",
    "Couldn't detect Bash version, shell completion is not supported.":
        "无法识别 Bash 版本，不支持命令补全。",
    "Could not determine name for option with declarations {decls!r}":
        "无法从声明 {decls!r} 确定选项名",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?":
        "未定义选项却给出了名称（{name}）。是否想声明一个参数？是否想写 '--{name}'？",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "参数只能有一个声明，却给出了 {length} 个：{decls}。",
    "Name '{name}' defined twice": "名称 '{name}' 定义了两次",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "布尔选项 {decl!r} 不能用同一个标志表示真和假。",
}


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Click's words in `lang` within the block (gettext's domain and LANGUAGE put back after)."""
    if lang == DEFAULT_LANG:
        yield
        return
    domain, language = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language


def mo_file(lang: Lang) -> Path:
    """Where the compiled catalogue of `lang` lives."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compiled(catalogue: dict[str | tuple[str, str], str]) -> bytes:
    """The catalogue in GNU gettext's .mo format (what `msgfmt` writes), keys sorted."""
    entries = {"": HEADER}
    for key, text in catalogue.items():
        entries["\0".join(key) if isinstance(key, tuple) else key] = text
    ids = sorted(entries)
    keys = [i.encode("utf-8") for i in ids]
    values = [entries[i].encode("utf-8") for i in ids]
    start = 7 * 4 + 16 * len(ids)  # the header, then the two tables of (length, offset)
    offsets, blob = [], b""
    for data in keys + values:
        offsets.append((len(data), start + len(blob)))
        blob += data + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, len(ids), 7 * 4, 7 * 4 + 8 * len(ids), 0, 0)
    tables = b"".join(struct.pack("<2I", length, offset) for length, offset in offsets)
    return header + tables + blob


if __name__ == "__main__":
    target = mo_file("zh")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(compiled(CLICK_ZH))
    print(f"wrote {target.relative_to(LOCALE_DIR.parent.parent)}")
