"""The evaluator judges a stored revision's provisions awaiting review from its report page (a
form, evaluator token, CSRF) and through the API (docs/model.md, decision 20)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from flask import Flask
from rdflib import URIRef

from checker.paths import EXAMPLES_DIR
from checker.store import cluster_key
from checker.tokens import TokenFile

DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
KEY = cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))
JUDGE = f"/api/clusters/{KEY}/revisions/1/judgements"


@pytest.fixture
def tokens(tmp_path: Path) -> dict[str, str]:
    made = TokenFile(tmp_path / "tokens.json")
    return {role: made.create(role, label=f"{role} of the tests")[1]
            for role in ("evaluator", "maintainer")}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def app(tmp_path: Path, make_web_app, tokens: dict[str, str]) -> Flask:  # type: ignore[no-untyped-def]
    """An app (CSRF on, as in production) over a store holding the dehua sample as revision 1."""
    app: Flask = make_web_app(tmp_path / "store")
    stored = app.test_client().post("/api/clusters/revisions", data=DEHUA.read_bytes(),
                                    content_type="text/turtle",
                                    headers=_bearer(tokens["evaluator"]))
    assert stored.status_code == 201
    return app


def test_api_judgement_is_stored_and_the_report_counts_it(
        app: Flask, tokens: dict[str, str]) -> None:
    client = app.test_client()
    body = {"provision": "6.1", "met": False, "note": "No brand strategy on file",
            "note_lang": "en"}
    assert client.post(JUDGE, json=body).status_code == 401
    assert client.post(JUDGE, json=body, headers=_bearer(tokens["maintainer"])).status_code == 403
    answer = client.post(JUDGE, json=body, headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == 201, answer.get_json()
    judged = answer.get_json()
    assert judged["provision"] == "6.1" and judged["met"] is False
    assert judged["by"] == "evaluator of the tests"
    assert answer.headers["Location"] == f"/api/clusters/{KEY}/revisions/1/report"
    report = client.get(answer.headers["Location"] + "?lang=en").get_json()
    [entry] = [r for r in report["requirements"] if r["id"] == "6.1"]
    assert entry["status"] == "not_met"
    assert entry["judgement"]["note"] == "No brand strategy on file"
    assert report["conforms"] is False


@pytest.mark.parametrize("body, status", [
    ({"provision": "4.1", "met": True}, 409),            # met by the data
    ({"provision": "9.9.9", "met": True}, 404),          # not a provision of the report
    ({"provision": "6.1", "met": False}, 400),           # not met, and no rationale
    ({"provision": "6.1", "met": "yes"}, 400),           # not a judgement
])
def test_api_refuses_a_judgement_the_report_does_not_leave_to_the_evaluator(
        app: Flask, tokens: dict[str, str], body: dict[str, object], status: int) -> None:
    client = app.test_client()
    answer = client.post(JUDGE, json=body, headers=_bearer(tokens["evaluator"]))
    assert answer.status_code == status and answer.get_json()["ok"] is False
    report = client.get(f"/api/clusters/{KEY}/revisions/1/report").get_json()
    assert all(r["judgement"] is None for r in report["requirements"])


@pytest.mark.parametrize("lang, button, said", [
    ("zh", "记录评价人员的判定", "评价人员判定满足（evaluator of the tests，"),
    ("en", "Record the evaluator&#39;s judgement", "judged met by evaluator of the tests on "),
])
def test_the_report_page_offers_a_form_on_each_pending_item_that_records_a_judgement(
        app: Flask, tokens: dict[str, str], lang: str, button: str, said: str) -> None:
    client = app.test_client()
    page = client.get(f"/clusters/{KEY}/revisions/1?lang={lang}").get_data(as_text=True)
    assert button in page and 'id="judge-6.1"' in page
    assert 'id="judge-4.1"' not in page  # met by the data: nothing to judge
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    target = f"/clusters/{KEY}/revisions/1/judgements?lang={lang}"
    form = {"provision": "6.1", "judgement": "met", "note": "", "note_lang": lang,
            "token": tokens["evaluator"]}
    assert client.post(target, data=form).status_code == 400  # no CSRF token
    refused = client.post(target, data={**form, "token": "", "csrf_token": csrf})
    assert refused.status_code == 401 and '<details class="judge" id="judge-6.1" open>' in (
        refused.get_data(as_text=True))
    done = client.post(target, data={**form, "csrf_token": csrf})
    assert done.status_code == 303 and done.headers["Location"].endswith("#req-6.1")
    again = html.unescape(client.get(f"/clusters/{KEY}/revisions/1?lang={lang}")
                          .get_data(as_text=True))
    assert said in again
