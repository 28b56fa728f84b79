"""Times as people read them: a judgement's time (clause 1; docs/model.md, decision 20), a
revision's, a report's creation, a deletion's, in the operator's display time zone, to the minute
(a report's creation to the second), the zone said (`2026-12-01 01:05 (UTC+08:00)`).

The zone is an IANA name (`Asia/Shanghai`) from BCIC_TIME_ZONE, UTC when it is not set; the CLI
reads it when a command starts, the web app when it starts (web/settings.py). Like the language
of the words around it, it is a presentation choice that every time shown follows: the command or
request sets it once (`shown_in`) rather than every renderer passing it on. Machine formats keep
the full xsd:dateTime (checker/timestamps.py).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, available_timezones

from .errors import InputError
from .i18n import Lang, Localized

TIME_ZONE_ENV = "BCIC_TIME_ZONE"
_ZONE: ContextVar[tzinfo] = ContextVar("bcic_display_zone", default=timezone.utc)
# Files of the zone database that name no zone: the system's own (a copy or link of whichever it
# is set to), "Factory" (no offset known) and the rules POSIX TZ strings borrow.
_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})


def display_zone(value: object, name: str = TIME_ZONE_ENV) -> tzinfo:
    """The time zone the IANA name `value` names (surrounding spaces ignored; one that
    `available_timezones` lists, not the system's `localtime` or `Factory`), UTC when it is None
    or blank; InputError naming the setting `name`, the value and the zones nearest in spelling
    otherwise."""
    text = "" if value is None else str(value).strip()
    if not text:
        return timezone.utc
    zones = available_timezones() - _NOT_ZONES
    if text in zones:
        return ZoneInfo(text)
    nearest = difflib.get_close_matches(text, sorted(zones), n=3)
    if nearest:
        raise InputError.of("error.setting.time_zone_near", name=name, value=text,
                            nearest=", ".join(nearest))
    raise InputError.of("error.setting.time_zone", name=name, value=text)


def zone_from_environment() -> tzinfo:
    """BCIC_TIME_ZONE as `display_zone` reads it."""
    return display_zone(os.environ.get(TIME_ZONE_ENV))


def set_zone(zone: tzinfo) -> Token[tzinfo]:
    """Show times in `zone` from now on, until `reset_zone` is given the token (a request)."""
    return _ZONE.set(zone)


def reset_zone(token: Token[tzinfo]) -> None:
    """Show times in the zone shown before `set_zone` gave `token`."""
    _ZONE.reset(token)


@contextmanager
def shown_in(zone: tzinfo) -> Iterator[None]:
    """Show times in `zone` for the time of the block (a command)."""
    token = set_zone(zone)
    try:
        yield
    finally:
        reset_zone(token)


def moment_shown(moment: datetime, lang: Lang, *, seconds: bool = False) -> str:
    """`moment` in the display zone to the minute (`seconds`: to the second), its offset said:
    `2026-12-01 01:05 (UTC+08:00)`, or `2026-11-30 17:05 (UTC)` in UTC itself (in Chinese, the
    brackets （）)."""
    return _said(moment.astimezone(_ZONE.get()), lang, seconds)


def day_shown(moment: datetime) -> date:
    """The day `moment` falls on in the display zone (a printed report's page header)."""
    return moment.astimezone(_ZONE.get()).date()


@dataclass(frozen=True)
class Moment(Localized):
    """A moment as a message's value (an error's, said after the command has ended), in the
    display zone it was given in (`moment_in_zone`), said as `moment_shown` says it."""

    local: datetime

    def text(self, lang: Lang) -> str:
        return _said(self.local, lang, seconds=False)


def moment_in_zone(moment: datetime) -> Moment:
    """`moment` as a message's value, in the display zone now."""
    return Moment(moment.astimezone(_ZONE.get()))


def _said(local: datetime, lang: Lang, seconds: bool) -> str:
    offset = _offset_said(local.utcoffset() or timedelta(0))
    said = f"{local:%Y-%m-%d %H:%M:%S}" if seconds else f"{local:%Y-%m-%d %H:%M}"
    return said + (f"（{offset}）" if lang == "zh" else f" ({offset})")


def _offset_said(offset: timedelta) -> str:
    """`UTC` for no offset, else `UTC+08:00`, `UTC-03:30`."""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    return f"UTC{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
