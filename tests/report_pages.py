"""A submission's report as the web app shows it twice: stored (ingested, then its revision's
page) and fresh (pasted into the /validate form, then the page it is sent to)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from checker.ingest import ingest_files, publish_for_queries
from checker.store import cluster_key, open_store


def stored_and_fresh_pages(make_web_app: Callable[..., Any], tmp_path: Path, text: str,
                           file_name: str, lang: str
                           ) -> tuple[FlaskClient, TestResponse, TestResponse]:
    """The app's client, the stored revision's page and the pasted text's report page, in
    `lang`; the text is stored from a file named `file_name`."""
    store_dir = tmp_path / "store"
    store = open_store("oxigraph", path=store_dir)
    try:
        path = tmp_path / file_name
        path.write_text(text, encoding="utf-8")
        info = ingest_files(store, [path])
        publish_for_queries(store)
    finally:
        store.close()
    client: FlaskClient = make_web_app(store_dir, WTF_CSRF_ENABLED=False).test_client()
    stored = client.get(f"/clusters/{cluster_key(info.cluster)}/revisions/1?lang={lang}")
    posted = client.post(f"/validate?lang={lang}", data={"text": text})
    return client, stored, client.get(posted.headers["Location"])
