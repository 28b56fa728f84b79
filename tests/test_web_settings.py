"""Every web setting is checked when the app starts (web/settings.py): a bad value names the
variable and the value in zh and en, and `bcic serve` exits 2 before listening; no setting passes
start-up and then fails every request; secrets stay text."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import InputError


@pytest.mark.parametrize(("name", "value"), [
    ("BCIC_SPARQL_WORKERS", "three"), ("BCIC_SPARQL_TIMEOUT", "ten"),
    ("BCIC_MAX_CONTENT_LENGTH", "8MB"), ("BCIC_MAX_TRIPLES", "lots"),
    ("BCIC_VALIDATION_TIMEOUT", "1min"), ("BCIC_VALIDATIONS_AT_ONCE", "0"),
    ("BCIC_VALIDATION_MEMORY_MIB", "-1"), ("BCIC_SPARQL_ROW_LIMIT", "true"),
    ("BCIC_FRESH_REPORTS", "2.5"), ("BCIC_SPARQL_WAITING", "-1"),
    ("BCIC_TRUSTED_PROXIES", "all"), ("BCIC_ACCESS_LOG", "maybe"),
    ("BCIC_SPARQL_ALLOWED_SERVICES", "[1, 2]"), ("BCIC_PUBLIC_URL", "ftp://example.org/x"),
])
def test_a_bad_setting_stops_bcic_serve_naming_the_variable_and_value_in_its_language(
        name: str, value: str, tmp_path: Path) -> None:
    with socket.socket() as held:  # a port in use: were the setting let through, serve stops
        held.bind(("127.0.0.1", 0))  # there, saying why, rather than serving
        held.listen()
        port = str(held.getsockname()[1])
        _refused_at_start(name, value, ["serve", "--port", port, "--store",
                                        str(tmp_path / "store")])


def _refused_at_start(name: str, value: str, args: list[str]) -> None:
    for lang in ("en", "zh"):
        result = CliRunner(env={name: value, "BCIC_SECRET_KEY": "x"}).invoke(
            main, [*args, "--lang", lang])
        assert result.exit_code == 2, result.output
        assert name in result.stderr and repr(value) in result.stderr, result.stderr
        assert "Internal error" not in result.stderr and "内部错误" not in result.stderr
        assert "serving" not in result.stderr and "服务地址" not in result.stderr
    assert "须为" in result.stderr  # the zh run's sentence


def test_more_reserved_workers_than_workers_names_both_settings(make_web_app,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        make_web_app(tmp_path / "store", BCIC_SPARQL_WORKERS=3, BCIC_SPARQL_RESERVED_WORKERS=5)
    assert "BCIC_SPARQL_RESERVED_WORKERS (5)" in refused.value.message
    assert "BCIC_SPARQL_WORKERS（3）" in refused.value.text("zh")


def test_a_snapshot_directory_that_cannot_be_made_is_named_at_start(
        make_web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(InputError) as refused:
        make_web_app(tmp_path / "store", BCIC_SNAPSHOT=str(blocker / "snapshots"))
    assert "BCIC_SNAPSHOT" in refused.value.message and str(blocker) in refused.value.message


def test_numbers_from_the_environment_become_numbers_and_an_upload_is_validated(
        monkeypatch: pytest.MonkeyPatch, make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    for name, value in {"BCIC_MAX_TRIPLES": " 5000 ", "BCIC_VALIDATION_TIMEOUT": "30",
                        "BCIC_VALIDATIONS_AT_ONCE": "1", "BCIC_ACCESS_LOG": "off",
                        "BCIC_SPARQL_ALLOWED_SERVICES": "https://a.example/sparql, "
                                                        "https://b.example/sparql"}.items():
        monkeypatch.setenv(name, value)
    app = make_web_app(sample_store)
    assert (app.config["BCIC_MAX_TRIPLES"], app.config["BCIC_VALIDATION_TIMEOUT"]) == (5000, 30.0)
    assert app.config["BCIC_ACCESS_LOG"] is False
    assert app.config["BCIC_SPARQL_ALLOWED_SERVICES"] == ["https://a.example/sparql",
                                                          "https://b.example/sparql"]
    answer = app.test_client().post("/api/validate", data=b"<urn:a> <urn:b> <urn:c> .",
                                    content_type="application/n-triples")
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]


def test_a_secret_key_of_digits_stays_text_and_forms_work(
        monkeypatch: pytest.MonkeyPatch, make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BCIC_SECRET_KEY", "8412390458123947")
    monkeypatch.setenv("BCIC_STORE_PASSWORD", "0012")
    app = make_web_app(sample_store, SECRET_KEY=None)
    assert app.config["SECRET_KEY"] == "8412390458123947"
    assert app.config["BCIC_STORE_PASSWORD"] == "0012"  # not the number 12
    assert app.test_client().get("/validate").status_code == 200  # the form's CSRF token
