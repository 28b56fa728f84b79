"""`bcic validate`: validate submissions and write their conformance reports."""

from __future__ import annotations

import sys

from pathlib import Path

import click

from .batch import BatchOutcome, validate_each
from .cli_output import echo_text, write_file
from .errors import InputError
from .cli_lang import lang_option
from .i18n import Lang, counted, message
from .public_url import served_rulebook_url
from .render import REPORT_FORMATS, render_report
from .render.cells import printable
from .report_paths import batch_report_paths, refuse_input_as_output
from .shacl import Severity
from .validation import validate_files
from .verdicts import rate_text, verdict_text
from .os_reasons import os_reason

LANG_META_KEY = "bcic.lang"  # ctx.meta is shared by nested contexts: the error handler reads it
_THRESHOLDS = {"violation": Severity.VIOLATION, "warning": Severity.WARNING}


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@lang_option("Report language / 报告语言.")
@click.option("--format", "fmt", type=click.Choice(sorted(REPORT_FORMATS)), default="text",
              show_default=True, help="Report format / 报告格式.")
@click.option("--output", type=click.Path(path_type=Path),
              help="Write the report here (a directory with --each) / 报告输出位置.")
@click.option("--fail-on", type=click.Choice(sorted(_THRESHOLDS)), default="violation",
              show_default=True, help="Exit 1 on gaps of this severity or worse / 退出码阈值.")
@click.option("--each", is_flag=True,
              help="Each file is its own submission, validated in parallel / 每个文件单独验证.")
@click.pass_context
def validate_command(ctx: click.Context, files: tuple[Path, ...], lang: Lang, fmt: str,
                     output: Path | None, fail_on: str, each: bool) -> None:
    """Validate a submission (all FILES together) against the rulebook / 验证集群提交材料.

    Exit codes / 退出码: 0 conforms 符合, 1 gaps 有差距, 2 bad input 输入有误, 3 internal 内部错误,
    4 out of time: a worker process still at work long after the others
    超时：某个验证子进程在其他子进程结束后仍长时间未完成.
    """
    ctx.meta[LANG_META_KEY] = lang
    rulebook = served_rulebook_url(fmt)
    if each:
        ctx.exit(_validate_each(files, lang, fmt, output, rulebook))
    if output is not None:
        refuse_input_as_output(output, files)
    report = validate_files(files)
    emit(render_report(report, fmt, lang, rulebook_url=rulebook), output)
    ctx.exit(1 if report.fails(_THRESHOLDS[fail_on]) else 0)


def _validate_each(files: tuple[Path, ...], lang: Lang, fmt: str, output: Path | None,
                   rulebook: str | None) -> int:
    """Validate every file on its own; reports go to OUTPUT/<name>.<ext>, progress to stderr."""
    if output is None:
        raise InputError.of("error.validate.each_needs_output")
    targets = batch_report_paths(files, output, REPORT_FORMATS[fmt].extension)
    validated = validate_each(list(files), fmt=fmt, lang=lang,  # no folder for a refused batch
                              rulebook_url=rulebook)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError.of("error.cannot_write", path=output, reason=os_reason(error)) from None
    outcomes: dict[Path, BatchOutcome] = {}
    with click.progressbar(length=len(files), label=message("batch.progress", lang),
                           file=sys.stderr) as bar:
        for outcome in validated:
            bar.update(1)
            if outcome.rendered is not None:
                write_file(targets[outcome.source], outcome.rendered)
            outcomes[outcome.source] = outcome
    ordered = [outcomes[path] for path in files]
    for line in batch_summary(ordered, targets, lang):
        click.echo(line)
    if any(o.error is not None for o in ordered):
        return 2
    return 0 if all(o.conforms for o in ordered) else 1


def batch_summary(outcomes: list[BatchOutcome], targets: dict[Path, Path],
                  lang: Lang) -> list[str]:
    """One line per file in the order given — verdict, rate and report, or why it could not be
    read — then the counts; a control character in a file's name is escaped, so no name can
    break a line or write a line of its own."""
    lines = []
    for o in outcomes:
        if o.error is not None:
            # Parse errors name their file already ("a.ttl:2:11: …"); others get it in front.
            said = o.error if o.error.startswith(str(o.source)) else message(
                "report.labelled", lang, label=o.source, value=o.error)
            lines.append(message("batch.unreadable", lang, error=printable(said)))
        else:
            lines.append(message("batch.validated", lang, source=printable(str(o.source)),
                                 verdict=verdict_text(bool(o.conforms), o.rate, lang),
                                 rate=rate_text(o.rate, lang),
                                 report=printable(str(targets[o.source]))))
    conforming = sum(1 for o in outcomes if o.error is None and o.conforms)
    unreadable = sum(1 for o in outcomes if o.error is not None)
    lines.append(counted("batch.total", len(outcomes), lang, conforming=conforming,
                         gaps=len(outcomes) - conforming - unreadable, unreadable=unreadable))
    return lines


def emit(text: str, output: Path | None) -> None:
    """Print the text, or write it to `output` whole (checker/cli_output.py)."""
    if output is None:
        echo_text(text)
    else:
        write_file(output, text)
