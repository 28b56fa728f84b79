"""The web app's settings, read and checked once when the app starts (`check_settings`).

Environment variables are text: a secret, a password or a path stays text even when it is all
digits. Numbers, switches and lists are read here, from text or from the values an instance file
or a test gives, and put back into the config as numbers, so that no request ever meets a setting
it cannot use. A bad value is an InputError naming the variable and the value (`bcic serve`:
exit 2, in its language); the app does not start with it.
"""

from __future__ import annotations

import json
import math
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from checker.display_time import display_zone
from checker.errors import InputError
from checker.iri_policy import iri_problem
from checker.os_reasons import os_reason
from checker.public_url import public_url

from .data import is_remote

# Whole-number settings and the least value each takes.
WHOLE_NUMBERS: dict[str, int] = {
    "BCIC_SPARQL_MEMORY_MIB": 1, "BCIC_SPARQL_ROW_LIMIT": 1, "BCIC_SPARQL_WORKERS": 1,
    "BCIC_SPARQL_RESERVED_WORKERS": 0, "BCIC_SPARQL_WAITING": 0,
    "BCIC_SPARQL_MAX_QUERY_BYTES": 1, "MAX_CONTENT_LENGTH": 1, "BCIC_MAX_TRIPLES": 1,
    "BCIC_VALIDATION_MEMORY_MIB": 1, "BCIC_VALIDATIONS_AT_ONCE": 1, "BCIC_FRESH_REPORTS": 1,
    "BCIC_TRUSTED_PROXIES": 0,
}
SECONDS = ("BCIC_SPARQL_TIMEOUT", "BCIC_VALIDATION_TIMEOUT")  # more than 0
SWITCHES = ("BCIC_ACCESS_LOG",)
TEXTS = ("SECRET_KEY", "BCIC_STORE", "BCIC_TOKENS", "BCIC_SNAPSHOT", "BCIC_CORS_ORIGIN")
_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


def check_settings(config: MutableMapping[str, Any]) -> None:
    """Read every setting of `config` into the type the app uses, in place; InputError naming
    the first bad one."""
    if config.get("BCIC_MAX_CONTENT_LENGTH") not in (None, ""):  # the environment's name for it
        config["MAX_CONTENT_LENGTH"] = whole_number("BCIC_MAX_CONTENT_LENGTH",
                                                    config["BCIC_MAX_CONTENT_LENGTH"], 1)
    for name, least in WHOLE_NUMBERS.items():
        config[name] = whole_number(name, config[name], least)
    for name in SECONDS:
        config[name] = seconds(name, config[name])
    for name in SWITCHES:
        config[name] = switch(name, config[name])
    for name in TEXTS:
        if config.get(name) is not None:
            config[name] = str(config[name])
    if not config["BCIC_SPARQL_RESERVED_WORKERS"] < config["BCIC_SPARQL_WORKERS"]:
        raise InputError.of("error.setting.reserved_workers",
                            reserved_name="BCIC_SPARQL_RESERVED_WORKERS",
                            reserved=config["BCIC_SPARQL_RESERVED_WORKERS"],
                            workers_name="BCIC_SPARQL_WORKERS",
                            workers=config["BCIC_SPARQL_WORKERS"])
    config["BCIC_SPARQL_ALLOWED_SERVICES"] = services("BCIC_SPARQL_ALLOWED_SERVICES",
                                                      config["BCIC_SPARQL_ALLOWED_SERVICES"])
    config["BCIC_TIME_ZONE"] = display_zone(config.get("BCIC_TIME_ZONE"), "BCIC_TIME_ZONE")
    config["BCIC_PUBLIC_URL"] = public_url("BCIC_PUBLIC_URL", config["BCIC_PUBLIC_URL"])
    config["BCIC_PUBLIC_SPARQL_URL"] = public_sparql_url(config["BCIC_PUBLIC_SPARQL_URL"])
    if config["BCIC_SNAPSHOT"] and not is_remote(config["BCIC_STORE"]):
        _usable_directory("BCIC_SNAPSHOT", config["BCIC_SNAPSHOT"])


def whole_number(name: str, value: object, least: int) -> int:
    """`value` as a whole number of at least `least`: an int, or text writing one."""
    number: object = value
    if isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            number = None
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    if isinstance(number, bool) or not isinstance(number, int) or number < least:
        raise InputError.of("error.setting.whole_number", name=name, least=least,
                            value=_shown(value))
    return number


def seconds(name: str, value: object) -> float:
    """`value` as a finite number of seconds more than 0."""
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    if number is None or not 0 < number < math.inf:
        raise InputError.of("error.setting.seconds", name=name, value=_shown(value))
    return number


def switch(name: str, value: object) -> bool:
    """`value` as on or off: a bool, or true/false, 1/0, yes/no, on/off in any case."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise InputError.of("error.setting.switch", name=name, value=_shown(value))


def services(name: str, value: object) -> list[str]:
    """SERVICE endpoints a query may call: a list of URLs, given as a list, a JSON list, or
    URLs separated by spaces (or commas)."""
    listed: object = value
    if isinstance(value, str):
        text = value.strip()
        try:
            listed = json.loads(text) if text.startswith("[") else text.replace(",", " ").split()
        except ValueError:
            listed = None
    if not isinstance(listed, (list, tuple)) or not all(isinstance(each, str) for each in listed):
        raise InputError.of("error.setting.services", name=name, value=_shown(value))
    return list(listed)


def public_sparql_url(value: object) -> str | None:
    """BCIC_PUBLIC_SPARQL_URL as the app uses it: None when not given, else an absolute http(s)
    URL with a host and no user name or password (it is shown to anyone); InputError, so that
    the app never starts with another value."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    parts = urlsplit(text)
    if "@" in parts.netloc:  # refused, and never repeated: a password would reach the logs
        raise InputError.of("error.sparql.public_url", value=urlunsplit(parts._replace(
            netloc="…@" + parts.netloc.rsplit("@", 1)[1])))
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment
            or iri_problem(text) is not None):
        raise InputError.of("error.sparql.public_url", value=str(value))
    return text


def _usable_directory(name: str, value: str) -> None:
    """A directory that exists, or can be made, for `name`."""
    try:
        Path(value).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError.of("error.setting.snapshot_dir", name=name, value=value,
                            reason=os_reason(error)) from None


def _shown(value: object) -> object:
    """A value as the message quotes it: text as given, anything else as its text."""
    return value if isinstance(value, str) else str(value)
