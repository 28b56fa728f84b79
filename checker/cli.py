"""The `bcic` command line: a thin client of the checker library.

Exit codes: 0 conforms, 1 gaps found, 2 bad input or usage, 3 internal error, 4 the store or a
SPARQL endpoint could not answer; 141 (as for a command ended by SIGPIPE) when the output's reader
has gone.
"""

import errno
import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TypeVar, cast

import click

from . import __version__
from .cli_click_i18n import speaking
from .cli_output import flush_stdout, stdout_failure
from .display_time import shown_in, zone_from_environment
from .errors import CheckerError, InputError, OutputError
from .os_reasons import os_reason
from .cli_lang import LANG_ENV, lang_option, language_of_tag
from .i18n import DEFAULT_LANG, Lang, message
from .cli_benchmark import benchmark_command
from .cli_generate import generate_command
from .cli_judgements import judgements_command
from .cli_recheck import recheck_command
from .cli_report import report_command
from .cli_rules import rules_group
from .cli_serve import serve_command
from .cli_store import STORE_COMMANDS
from .cli_tokens import token_group
from .cli_validate import LANG_META_KEY, validate_command
from .namespaces import ONTOLOGY_IRI
from .ontology_check import OntologyCheck, check_ontology
from .reasoning import DEFAULT_REASONER, REASONERS, Reasoner, ReasonerVerdict
from .render.cells import printable_lines
from .rulebook import refuse_missing_rule_files, rule_files, rules_digest, short_digest

T = TypeVar("T")
_INTERNAL_ERROR_EXIT = 3
_BROKEN_PIPE_EXIT = 141  # 128 + SIGPIPE: what a shell reports for a command its reader left

_lang_option = lang_option()


# A group run without its command: click (8.2 and later) shows the group's help as the error.
_HELP_FOR_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())
_ARGS_META_KEY = "bcic.args"  # the command line after `bcic`, for the language of usage errors


class _CheckerGroup(click.Group):
    """A command group that turns errors into the documented exit codes."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        """Run the command with click's own words (usage, help, errors) in the language of
        the command line's --lang, else BCIC_LANG (the first of them bcic speaks)."""
        given = list(sys.argv[1:] if args is None else args)
        with speaking(_first_spoken(_lang_in(given), os.environ.get(LANG_ENV))):
            return super().main(given, *rest, **options)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[_ARGS_META_KEY] = list(args)
        try:  # --help and --version print and exit here, before `invoke`
            return _then_flushed(lambda: super(_CheckerGroup, self).parse_args(ctx, args))
        except OutputError as exc:
            _fail(ctx, exc)
        except OSError as exc:
            _end_if_stdout(ctx, exc)
            raise

    def invoke(self, ctx: click.Context) -> object:
        try:
            return _then_flushed(lambda: super(_CheckerGroup, self).invoke(ctx))
        except CheckerError as exc:
            _fail(ctx, exc)
        except click.UsageError as exc:
            if _error_language(ctx) == DEFAULT_LANG or isinstance(exc, _HELP_FOR_NO_ARGS):
                raise  # click's own words, as for any click program; a group's help as it is
            _show_usage_error(exc, _error_language(ctx))
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's other errors and exits
        except Exception as exc:
            if isinstance(exc, OSError):
                _end_if_stdout(ctx, exc)
                if exc.errno == errno.ENAMETOOLONG:  # a path given: bad input, not bcic's failure
                    _fail(ctx, InputError.of("error.unusable_path",
                                             path=exc.filename or "-", reason=os_reason(exc)))
            _tell(message("error.internal", _error_language(ctx), message=repr(exc)))
            ctx.exit(_INTERNAL_ERROR_EXIT)


def _then_flushed(run: Callable[[], T]) -> T:
    """`run()`, then what stdout still holds written out, after an exit too (--help,
    `ctx.exit`), so that a stdout that fails says so here, not in a traceback at exit."""
    try:
        answer = run()
    except click.exceptions.Exit:
        flush_stdout()
        raise
    flush_stdout()
    return answer


def _end_if_stdout(ctx: click.Context, error: OSError) -> None:
    """Exit as stdout's failure when `error` is one: its reader gone (141, nobody to tell), or
    its refusing a command's text (a full disk: exit 4, said on stderr)."""
    if isinstance(error, BrokenPipeError):
        _discard_stdout()
        ctx.exit(_BROKEN_PIPE_EXIT)
    if (said := stdout_failure(error)) is not None:
        _fail(ctx, said)


def _fail(ctx: click.Context, error: CheckerError) -> NoReturn:
    """Say `error` on stderr in the error language and exit with its code."""
    lang = _error_language(ctx)
    _tell(message("error.checker", lang, message=error.text(lang)))
    ctx.exit(error.exit_code)


def _tell(text: str) -> None:
    """Write an error's text on stderr; a stderr that cannot take it (a full disk) leaves the
    exit code to say what happened, as nobody can be told."""
    try:
        click.echo(printable_lines(text), err=True)
    except OSError:
        pass


def _error_language(ctx: click.Context) -> Lang:
    """The language errors are said in: the command's --lang, else the --lang on the command
    line (a command that failed before reading it), else BCIC_LANG: the first bcic speaks."""
    return _first_spoken(ctx.meta.get(LANG_META_KEY), _lang_in(ctx.meta.get(_ARGS_META_KEY, [])),
                         os.environ.get(LANG_ENV))


def _first_spoken(*asked: str | None) -> Lang:
    """The first of the languages asked for that bcic speaks, else the default."""
    return next((cast(Lang, lang) for wanted in asked if (lang := language_of_tag(wanted))),
                DEFAULT_LANG)


def _lang_in(args: list[str]) -> str | None:
    """The value of the last `--lang X` or `--lang=X` among the arguments, if any."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


def _show_usage_error(error: click.UsageError, lang: Lang) -> None:
    """A usage error framed in `lang`: click's usage line, then its own words of the mistake
    (in `lang` too: checker/cli_click_i18n.py)."""
    if error.ctx is not None:
        click.echo(error.ctx.get_usage(), err=True)
    command = error.ctx.command_path if error.ctx is not None else "bcic"
    click.echo(message("error.usage", lang, detail=error.format_message(), command=command),
               err=True)


def _discard_stdout() -> None:
    """Send what is left for stdout nowhere once its reader has gone (`bcic history | head -1`),
    so that the flush at exit raises nothing (Python's documented recipe for SIGPIPE)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is no file (an in-process runner): there is nothing to flush at exit


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """`bcic --version`: the version, and the short digest of the rule files beside it (the
    rulebook's identity: `bcic rules version` says it whole)."""
    if not value or ctx.resilient_parsing:
        return
    try:
        refuse_missing_rule_files()
    except InputError as error:
        _fail(ctx, error)
    click.echo(f"bcic, version {__version__} (rulebook digest "
               f"{short_digest(rules_digest(rule_files()))})")
    ctx.exit()


@click.group(name="bcic", cls=_CheckerGroup)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_version, help="Show the version and exit / 显示版本并退出.")
def main() -> None:
    """bcic: compliance checker for GB/T 《品牌培育 产业集群》.

    \b
    检查产业集群品牌培育是否符合 GB/T 《品牌培育 产业集群》。
    Exit codes / 退出码: 0 conforms 符合, 1 gaps 有差距,
    2 bad input or usage 输入或用法有误, 3 internal 内部错误,
    4 the store or endpoint could not answer 存储或端点未能应答.
    """


main.add_command(validate_command)
main.add_command(recheck_command)
main.add_command(report_command)
main.add_command(judgements_command)
main.add_command(generate_command)
main.add_command(rules_group)
main.add_command(serve_command)
main.add_command(token_group)
main.add_command(benchmark_command)
for _command in STORE_COMMANDS:
    main.add_command(_command)


@main.group()
def ontology() -> None:
    """Work with the ontology / 本体相关命令."""


@ontology.command("check")
@click.option("--reasoner", type=click.Choice(REASONERS), default=DEFAULT_REASONER,
              show_default=True,
              help="OWL reasoner, both shipped with owlready2 / OWL 推理机，均随 owlready2 提供 "
                   "(hermit, pellet).")
@_lang_option
@click.pass_context
def ontology_check(ctx: click.Context, reasoner: Reasoner, lang: Lang) -> None:
    """Count the ontology's terms and run an OWL reasoner / 统计本体并用 OWL 推理机检查."""
    ctx.meta[LANG_META_KEY] = lang
    result = check_ontology(reasoner=reasoner)
    for line in _render_ontology_check(result, lang):
        click.echo(line)
    ctx.exit(0 if result.ok else 1)


def _render_ontology_check(result: OntologyCheck, lang: Lang) -> Iterator[str]:
    s = result.summary
    yield message("ontology.heading", lang, files=len(result.files))
    yield "  " + message("count.classes", lang, n=s.classes)
    yield "  " + message("count.object_properties", lang, n=s.object_properties)
    yield "  " + message("count.datatype_properties", lang, n=s.datatype_properties)
    yield "  " + message("count.annotation_properties", lang, n=s.annotation_properties)
    yield "  " + message("count.named_individuals", lang, n=s.named_individuals)
    yield "  " + message("count.requirements", lang, n=s.requirements, shall=s.shall,
                         should=s.should, may=s.may, informative=s.informative)
    yield message("reasoner.heading", lang, reasoner=result.verdict.reasoner)
    yield "  " + message("reasoner.module", lang, iri=ONTOLOGY_IRI,
                         seconds=result.module_verdict.seconds)
    yield from _render_verdict(result.module_verdict, lang)
    yield "  " + message("reasoner.whole", lang, files=len(result.files),
                         seconds=result.verdict.seconds)
    yield from _render_verdict(result.verdict, lang)
    unsatisfiable = set(result.module_verdict.unsatisfiable_classes) | set(
        result.verdict.unsatisfiable_classes)
    if not (result.module_verdict.consistent and result.verdict.consistent):
        yield message("result.inconsistent", lang)
    elif unsatisfiable:
        yield message("result.unsatisfiable", lang, n=len(unsatisfiable))
    else:
        yield message("result.ok", lang)


def _render_verdict(verdict: ReasonerVerdict, lang: Lang) -> Iterator[str]:
    """One reasoner verdict: consistency, then the unsatisfiable classes."""
    yield "    " + message("reasoner.consistent" if verdict.consistent
                           else "reasoner.inconsistent", lang)
    if verdict.unsatisfiable_classes:
        yield "    " + message("reasoner.unsatisfiable_some", lang,
                               n=len(verdict.unsatisfiable_classes))
        yield from (f"      {iri}" for iri in verdict.unsatisfiable_classes)
    else:
        yield "    " + message("reasoner.unsatisfiable_none", lang)


def _with_settings(callback: Callable[..., T]) -> Callable[..., T]:
    """`callback` run showing times in BCIC_TIME_ZONE, with the rule files BCIC_RULES_DIR names
    there (a bad setting is bad input, exit 2)."""
    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> T:
        refuse_missing_rule_files()
        with shown_in(zone_from_environment()):
            return callback(*args, **kwargs)
    return run


def _read_settings_when_run(command: click.Command) -> None:
    """Make every command under `command` read its settings (BCIC_TIME_ZONE, BCIC_RULES_DIR)
    as it runs, once its arguments are parsed: its --help and usage errors never depend on
    them."""
    if isinstance(command, click.Group):
        for each in command.commands.values():
            _read_settings_when_run(each)
    elif command.callback is not None:
        command.callback = _with_settings(command.callback)


_read_settings_when_run(main)

if __name__ == "__main__":
    main()
