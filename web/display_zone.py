"""Every request shows times in the app's display zone, BCIC_TIME_ZONE (checker/display_time.py):
a judgement's time on the report page and its downloads, the cluster page's events; the same
words `bcic report` and `bcic history` give under the same setting."""

from __future__ import annotations

from contextvars import Token
from datetime import tzinfo

from flask import Flask, current_app, g

from checker.display_time import reset_zone, set_zone

_TOKEN = "bcic_display_zone"


def install_display_zone(app: Flask) -> None:
    """Show times in `app.config["BCIC_TIME_ZONE"]` (checked at start) for every request."""
    app.before_request(_show_times_in_zone)
    app.teardown_request(_show_times_as_before)


def _show_times_in_zone() -> None:
    zone: tzinfo = current_app.config["BCIC_TIME_ZONE"]
    setattr(g, _TOKEN, set_zone(zone))


def _show_times_as_before(_error: BaseException | None) -> None:
    token: Token[tzinfo] | None = g.pop(_TOKEN, None)
    if token is not None:
        reset_zone(token)
