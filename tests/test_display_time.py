"""A judgement's time is shown to the minute in the operator's display zone, BCIC_TIME_ZONE, the
zone said (clause 1; docs/model.md, decision 20): a Beijing evaluator judging at 01:05 on
1 December sees that day, not the UTC day before; JSON and Turtle keep the xsd:dateTime."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from checker.cli import main
from checker.display_time import display_zone, moment_shown, shown_in
from checker.errors import InputError
from checker.render.html import css_string
from checker.judging import judge
from checker.paths import EXAMPLES_DIR
from checker.query_runner import current_snapshot, snapshot_dir_for
from checker.store import cluster_key, open_configured_store
from checker.tokens import TokenFile

DEHUA = str(EXAMPLES_DIR / "dehua-ceramics.ttl")
CLUSTER = "https://example.org/cluster/dehua/cluster"
KEY = cluster_key(URIRef(CLUSTER))
WHEN = datetime(2026, 11, 30, 17, 5, tzinfo=timezone.utc)  # 2026-12-01 01:05 in Beijing
BEIJING = {"BCIC_TIME_ZONE": "Asia/Shanghai"}


def _dehua_judged(location: Path) -> None:
    assert CliRunner().invoke(main, ["ingest", DEHUA, "--store", str(location)]).exit_code == 0
    with closing(open_configured_store(str(location), create=False)) as opened:
        judge(opened, URIRef(CLUSTER), 1, "6.1", met=False, note="未见品牌战略文件",
              by="评价员甲", now=WHEN)


@pytest.fixture
def store(tmp_path: Path, store_copies) -> Path:  # type: ignore[no-untyped-def]
    """The dehua sample as revision 1, 6.1 judged not met at WHEN by 评价员甲 (a copy per test)."""
    return store_copies.copy("dehua-judged-6.1", _dehua_judged, tmp_path / "store")


def _bcic(runner: CliRunner, store: Path, env: dict[str, str], *args: str) -> Result:
    return runner.invoke(main, [*args, "--store", str(store)], env=env)


def test_the_moment_is_said_to_the_minute_in_the_zone_with_its_offset() -> None:
    assert moment_shown(WHEN, "en") == "2026-11-30 17:05 (UTC)"
    with shown_in(display_zone("Asia/Shanghai")):
        assert moment_shown(WHEN, "en") == "2026-12-01 01:05 (UTC+08:00)"
        assert moment_shown(WHEN, "zh") == "2026-12-01 01:05（UTC+08:00）"
    with shown_in(display_zone("America/St_Johns")):
        assert moment_shown(WHEN, "en") == "2026-11-30 13:35 (UTC-03:30)"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_report_shows_the_judgement_and_the_sign_off_in_the_display_zone(
        runner: CliRunner, store: Path, fmt: str) -> None:
    en = " ".join(html.unescape(_bcic(runner, store, BEIJING, "report", CLUSTER, "--format",
                                      fmt).output).split())
    assert "judged not met by 评价员甲 on 2026-12-01 01:05 (UTC+08:00)" in en
    assert "latest judgement 2026-12-01 01:05 (UTC+08:00)." in en
    zh = _flat(html.unescape(_bcic(runner, store, BEIJING, "report", CLUSTER, "--format", fmt,
                                   "--lang", "zh").output))
    assert _flat("评价人员判定不满足（评价员甲，2026-12-01 01:05（UTC+08:00），经命令行记录）") in zh
    assert _flat("最近一次判定于 2026-12-01 01:05（UTC+08:00）。") in zh


def _flat(text: str) -> str:
    """The text without its spaces and line ends (a report wraps long lines)."""
    return "".join(text.split())


def test_without_a_setting_the_time_is_shown_in_utc_said_so(runner: CliRunner,
                                                            store: Path) -> None:
    text = _bcic(runner, store, {}, "report", CLUSTER).output
    assert "judged not met by 评价员甲 on 2026-11-30 17:05 (UTC)" in text
    history = _bcic(runner, store, {}, "history", CLUSTER).output
    assert "6.1 judged not met by 评价员甲 on 2026-11-30 17:05 (UTC)" in history


def test_history_shows_the_judgement_in_the_display_zone(runner: CliRunner, store: Path) -> None:
    en = _bcic(runner, store, BEIJING, "history", CLUSTER).output
    assert "6.1 judged not met by 评价员甲 on 2026-12-01 01:05 (UTC+08:00)" in en
    zh = _bcic(runner, store, BEIJING, "history", CLUSTER, "--lang", "zh").output
    assert "6.1 评价人员判定不满足（评价员甲，2026-12-01 01:05（UTC+08:00）" in zh


def test_machine_formats_keep_the_full_timestamp_and_their_words_follow_the_zone(
        runner: CliRunner, store: Path) -> None:
    document = json.loads(_bcic(runner, store, BEIJING, "report", CLUSTER, "--format", "json",
                                "--lang", "en").output)
    assert "latest judgement 2026-12-01 01:05 (UTC+08:00)." in document["sign_off"]["text"]
    [entry] = [r for r in document["requirements"] if r["id"] == "6.1"]
    assert entry["judgement"]["date"] == "2026-11-30T17:05:00Z"
    assert document["sign_off"]["latest"] == "2026-11-30T17:05:00Z"
    turtle = Graph().parse(data=_bcic(runner, store, BEIJING, "report", CLUSTER, "--format",
                                      "ttl").output, format="turtle")
    assert WHEN in {o.value for o in turtle.objects(None, DCTERMS.date)
                    if isinstance(o, Literal)}


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_web_download_is_the_report_under_the_same_zone(
        runner: CliRunner, store: Path, make_web_app, fmt: str) -> None:  # type: ignore[no-untyped-def]
    printed = _bcic(runner, store, BEIJING, "report", KEY, "--format", fmt).output
    app = make_web_app(store, BCIC_TIME_ZONE="Asia/Shanghai")
    answer = app.test_client().get(f"/api/clusters/{KEY}/revisions/1/report?format={fmt}")
    assert answer.status_code == 200
    downloaded = answer.get_data(as_text=True)
    assert "2026-12-01 01:05 (UTC+08:00)" in html.unescape(downloaded)
    if fmt == "text":  # the HTML download links provisions to the server's rulebook pages
        assert printed == downloaded


def test_the_cluster_page_shows_the_judgement_in_the_display_zone(
        store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    app = make_web_app(store, BCIC_TIME_ZONE="Asia/Shanghai")
    page = html.unescape(app.test_client().get(f"/clusters/{KEY}?lang=en").get_data(as_text=True))
    assert "6.1 judged not met by 评价员甲 on 2026-12-01 01:05 (UTC+08:00)" in page
    assert "2026-12-01 01:05 (UTC+08:00)" not in html.unescape(  # a request of its own
        make_web_app(store).test_client().get(f"/clusters/{KEY}?lang=en").get_data(as_text=True))


@pytest.mark.parametrize("lang, words", [
    ("en", "BCIC_TIME_ZONE must name a time zone of the IANA database, not 'Asia/Shangai'; "
           "the nearest: Asia/Shanghai"),
    ("zh", "BCIC_TIME_ZONE 须为 IANA 时区数据库中的时区名，而不是 'Asia/Shangai'；最接近的：Asia/Shanghai"),
])
def test_a_bad_zone_name_is_refused_at_command_time_naming_the_setting(
        runner: CliRunner, store: Path, lang: str, words: str) -> None:
    result = _bcic(runner, store, {"BCIC_TIME_ZONE": "Asia/Shangai"}, "report", CLUSTER,
                   "--lang", lang)
    assert result.exit_code == 2, result.output
    assert words in result.stderr and "Traceback" not in result.output


def test_a_bad_zone_name_stops_the_web_app_at_start(make_web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as refused:
        make_web_app(tmp_path / "store", BCIC_TIME_ZONE="Mars/Olympus")
    assert "BCIC_TIME_ZONE" in refused.value.message and "'Mars/Olympus'" in refused.value.message


def _created(runner: CliRunner, store: Path) -> datetime:
    """When the stored report was created, as its JSON says it."""
    document = json.loads(_bcic(runner, store, {}, "report", CLUSTER, "--format", "json").output)
    return datetime.fromisoformat(document["created"].replace("Z", "+00:00"))


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_reports_created_time_and_its_print_date_are_in_the_display_zone(
        runner: CliRunner, store: Path, fmt: str) -> None:
    """Clause 1: the report's creation is said as its sign-off is, the zone said, to the second;
    a printed page's header gives the display zone's day."""
    local = _created(runner, store).astimezone(display_zone("Asia/Shanghai"))
    shown = html.unescape(_bcic(runner, store, BEIJING, "report", CLUSTER, "--format",
                                fmt).output)
    assert f"{local:%Y-%m-%d %H:%M:%S} (UTC+08:00)" in shown
    assert "+00:00" not in re.sub(r'datetime="[^"]*"', "", shown)  # a machine's, kept ISO
    if fmt == "html":
        assert f"@top-right {{ content: {css_string(f'{local:%Y-%m-%d}')};" in shown


def test_history_and_clusters_say_a_revisions_time_in_the_display_zone(
        runner: CliRunner, store: Path) -> None:
    local = _created(runner, store).astimezone(display_zone("Asia/Shanghai"))
    for command in ("history", "clusters"):
        shown = _bcic(runner, store, BEIJING, command, *([CLUSTER] if command == "history"
                                                         else []), "--lang", "zh").output
        assert f"{local:%Y-%m-%d %H:%M}（UTC+08:00）" in shown and " UTC\n" not in shown


def test_the_web_pages_say_times_in_the_display_zone(
        runner: CliRunner, store: Path, make_web_app) -> None:  # type: ignore[no-untyped-def]
    local = _created(runner, store).astimezone(display_zone("Asia/Shanghai"))
    client = make_web_app(store, BCIC_TIME_ZONE="Asia/Shanghai").test_client()
    for path in ("/?lang=en", f"/clusters/{KEY}?lang=en"):
        page = html.unescape(client.get(path).get_data(as_text=True))
        assert f"{local:%Y-%m-%d %H:%M} (UTC+08:00)" in page and " UTC<" not in page, path
    report = html.unescape(client.get(f"/clusters/{KEY}/revisions/1?lang=en").get_data(
        as_text=True))
    assert f"{local:%Y-%m-%d %H:%M:%S} (UTC+08:00)</time>" in report
    assert f"@top-right {{ content: {css_string(f'{local:%Y-%m-%d}')};" in report


def test_a_deleted_revision_is_said_deleted_at_a_time_in_the_display_zone(
        runner: CliRunner, store: Path) -> None:
    assert _bcic(runner, store, {}, "ingest", DEHUA).exit_code == 0
    assert _bcic(runner, store, {}, "delete-revision", CLUSTER, "2",
                 "--reason", "uploaded twice").exit_code == 0
    result = _bcic(runner, store, BEIJING, "report", CLUSTER, "--revision", "2")
    assert result.exit_code == 2
    assert re.search(r"was deleted on \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+08:00\) "
                     r"\(reason: “uploaded twice”\); its number",
                     result.stderr), result.stderr


@pytest.mark.parametrize("args", [("judge", "--help"), ("rules", "show", "--help"),
                                  ("report", "--help"), ("--help",)])
def test_help_is_given_whatever_the_zone_setting(runner: CliRunner, args: tuple[str, ...]) -> None:
    """A bad BCIC_TIME_ZONE is refused when a command runs, never when its help is asked for."""
    result = runner.invoke(main, list(args), env={"BCIC_TIME_ZONE": "Asia/Shangai"})
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and "BCIC_TIME_ZONE" not in result.output


def test_a_usage_error_is_said_before_a_bad_zone(runner: CliRunner) -> None:
    result = runner.invoke(main, ["judge"], env={"BCIC_TIME_ZONE": "Asia/Shangai"})
    assert result.exit_code == 2 and "Missing argument" in result.output
    assert "BCIC_TIME_ZONE" not in result.output


@pytest.mark.parametrize("name", ["localtime", "Factory", "/etc/localtime", "posixrules"])
def test_a_file_of_the_zone_database_that_names_no_zone_is_refused_never_suggested(
        name: str) -> None:
    """Only IANA zones: not the system's own zone file, nor the database's placeholders."""
    with pytest.raises(InputError) as refused:
        display_zone(name)
    assert f"not {name!r}" in refused.value.message
    assert "localtime" not in refused.value.message.replace(f"{name!r}", "")
    assert "Factory" not in refused.value.message.replace(f"{name!r}", "")


@pytest.mark.parametrize("name", ["UTC", "Etc/UTC", " Asia/Shanghai "])
def test_the_zone_names_of_the_database_are_accepted(name: str) -> None:
    assert str(display_zone(name)) == name.strip()


@pytest.mark.parametrize("lang, zone", [("en", " (UTC+08:00)"), ("zh", "（UTC+08:00）")])
def test_a_reader_says_the_time_of_the_snapshot_it_reads_in_the_display_zone(
        runner: CliRunner, store: Path, lang: str, zone: str) -> None:
    """Clause 1: while another process holds the store, a read-only command says when the
    snapshot it reads was made, in BCIC_TIME_ZONE, the zone said, not the machine's own time."""
    snapshot = current_snapshot(snapshot_dir_for(store))
    assert snapshot is not None
    taken = datetime.fromtimestamp(snapshot.stat().st_mtime, timezone.utc)
    holder = subprocess.Popen(  # holds the directory, as a running ingest does
        [sys.executable, "-c", "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
         "print('open', flush=True); time.sleep(600)", str(store)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        result = _bcic(runner, store, BEIJING, "clusters", "--lang", lang)
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 0, result.output
    local = taken.astimezone(display_zone("Asia/Shanghai"))
    assert f"{local:%Y-%m-%d %H:%M:%S}{zone}" in result.stderr, result.stderr


@pytest.mark.parametrize("lang, zone", [("en", " (UTC+08:00)"), ("zh", "（UTC+08:00）")])
def test_the_token_list_says_when_each_token_was_created_in_the_display_zone(
        runner: CliRunner, tmp_path: Path, lang: str, zone: str) -> None:
    """Clause 1: `bcic token list` shows a token's creation as every other time is shown."""
    tokens = str(tmp_path / "tokens.json")
    made = runner.invoke(main, ["token", "create", "--role", "evaluator", "--label", "甲",
                                "--tokens", tokens])
    assert made.exit_code == 0, made.output
    [record] = TokenFile(tokens).records()
    listed = runner.invoke(main, ["token", "list", "--tokens", tokens, "--lang", lang],
                           env=BEIJING)
    assert listed.exit_code == 0, listed.output
    local = datetime.fromisoformat(record.created).astimezone(display_zone("Asia/Shanghai"))
    assert f"\tevaluator\t{local:%Y-%m-%d %H:%M}{zone}\t甲\n" in listed.stdout, listed.stdout
