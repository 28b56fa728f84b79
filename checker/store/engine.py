"""Which SPARQL engine a remote store's server is: told by its Server header, or set by whoever
knows better (a proxy in front of it may strip or rewrite that header; docs/store.md).

The setting `BCIC_STORE_ENGINE` (the CLI's `--store-engine`, the web app's configuration key of
that name) is `auto` (the default: the header decides), `virtuoso` or `generic` (a SPARQL 1.1
server, whatever its header says). It decides both what the remote store does for Virtuoso (the
update pragma and size limit) and the text of a named query it runs (`Store.query_engine`).
"""

from __future__ import annotations

import os

from ..errors import InputError

ENGINE_ENV = "BCIC_STORE_ENGINE"
AUTO, VIRTUOSO, GENERIC = "auto", "virtuoso", "generic"
ENGINE_SETTINGS = (AUTO, VIRTUOSO, GENERIC)


def engine_setting(value: object = None) -> str:
    """The setting given (any case, spaces around it ignored), else BCIC_STORE_ENGINE, else
    `auto`; InputError, in zh and en, for any other value."""
    if value is None:
        value = os.environ.get(ENGINE_ENV)
    text = str(value if value is not None else "").strip().lower() or AUTO
    if text not in ENGINE_SETTINGS:
        raise InputError.of("error.store.bad_engine", value=str(value), name=ENGINE_ENV)
    return text
