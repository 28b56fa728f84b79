"""No error of ours is written in one language: an error made from a literal message (English only)
anywhere in checker/ or web/, or a CheckerError made from a message already said in one language
(`message(…)`, `ui(…)`), fails here unless the allow-list below says why it may stay English.
User-facing errors come from the catalogue (`SomeError.of(key, …)`, checker/error_messages/) or,
for the web's own HTTP errors, from its UI strings (`ui(key, …)`, web/strings/)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from flask_wtf.csrf import CSRFError
from werkzeug import exceptions

from checker.paths import PROJECT_ROOT

SOURCES = ("checker", "web")
# (file, error class, the message's first words): errors only developers and maintainers see.
ALLOWED = {
    # Caught by checker/coverage.py, which reports the shape as a gap: the message is never shown.
    ("checker/fixtures.py", "NoFixtureError", "no fixture rule fits shape "),
    # A broken installation (a module of the package itself missing or wrong), not a user's doing.
    ("checker/store/__init__.py", "StoreError", "the remote SPARQL store backend is not installed"),
    ("checker/store/__init__.py", "StoreError", "checker.store.sparql_store defines no "),
    # A malformed .rq file of the query library, which a maintainer edits and the tests read.
    ("checker/queries/__init__.py", "CheckerError", "named query "),
}


def _python_files() -> Iterator[Path]:
    for folder in SOURCES:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            if "node_modules" not in path.parts:
                yield path


def _our_error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """CheckerError and every class that derives from it (by name, across the sources)."""
    bases = {node.name: {_name(base) for base in node.bases}
             for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    found = {"CheckerError"}
    while grown := {name for name, parents in bases.items() if parents & found} - found:
        found |= grown
    return found


def _http_error_classes() -> set[str]:
    """werkzeug's HTTP errors and flask-wtf's CSRFError, which web/ raises with a description."""
    return {name for name, value in vars(exceptions).items()
            if isinstance(value, type) and issubclass(value, exceptions.HTTPException)
            } | {CSRFError.__name__}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _literal_text(node: ast.expr) -> str | None:
    """The constant start of a message written in place ("…", f"…", "…" + x, "…".format()),
    None for anything else (a catalogue phrase, a UI string, a variable)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if node.values else None
        return first.value if isinstance(first, ast.Constant) else ""
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "format":
        return _literal_text(node.func.value)
    return None


def _said_once(argument: ast.expr, ours: bool) -> str | None:
    """The start of a message in one language: a literal, or (for our errors, which must carry
    every language) a text rendered for one language already."""
    literal = _literal_text(argument)
    if literal is None and ours and isinstance(argument, ast.Call) \
            and _name(argument.func) in ("message", "ui"):
        return f"{_name(argument.func)}(…)"
    return literal


def one_language_messages(tree: ast.Module, ours: set[str],
                          http: set[str]) -> Iterator[tuple[str, str, int]]:
    """(class, message start, line) of each error made from a message in one language."""
    for node in ast.walk(tree):
        name = _name(node.func) if isinstance(node, ast.Call) else ""
        if name in ours or name in http:
            assert isinstance(node, ast.Call)
            given = node.args[:1] + [k.value for k in node.keywords if k.arg == "description"]
            for argument in given:
                text = _said_once(argument, name in ours)
                if text is not None:
                    yield name, text, node.lineno


def test_no_error_is_made_from_a_literal_message_outside_the_allow_list() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _python_files()}
    ours, http = _our_error_classes(trees), _http_error_classes()
    found = set()
    offending = []
    for path, tree in trees.items():
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        for name, text, line in one_language_messages(tree, ours, http):
            allowed = next((entry for entry in ALLOWED if entry[:2] == (relative, name)
                            and text.startswith(entry[2])), None)
            if allowed is None:
                offending.append(f"{relative}:{line}: {name}({text!r}…)")
            found.add(allowed)
    assert not offending, "errors with an English-only message: " + "; ".join(offending)
    assert found >= ALLOWED, f"allowed but gone, remove them: {ALLOWED - found}"


def test_the_guard_sees_the_errors_and_the_literals_it_is_about() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _python_files()}
    classes = _our_error_classes(trees)
    assert {"InputError", "SubmissionParseError", "QueryTooLargeError", "WorkerTimeoutError",
            "UnknownResourceError"} <= classes
    planted = ast.parse('raise InputError(f"no {x}")\nraise NotFound("gone" + y)\n'
                        'raise InputError(message("query.unknown", lang, name=n, known=k))\n'
                        'raise InputError.of("error.no_store", path=p)\n'
                        'raise BadRequest(ui("validate.error.nothing_given"))\n')
    assert [(name, text) for name, text, _ in
            one_language_messages(planted, classes, _http_error_classes())] == [
        ("InputError", "no "), ("NotFound", "gone"), ("InputError", "message(…)")]
