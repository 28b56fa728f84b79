"""Shared fixtures: the ontology, a CLI runner, a writer of tiny Turtle files, web tokens."""

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from rdflib import Graph, URIRef
from rdflib.term import _toPythonMapping

from checker.ingest import ingest_submission
from checker.loading import read_submission_files
from checker.ontology import load_ontology_graph
from checker.ontology_check import OntologyCheck, check_ontology
from checker.paths import ALL_ONTOLOGY_FILES, EXAMPLES_DIR
from checker.query_runner import snapshot_dir_for
from checker.reasoning import Reasoner
from checker.store import Store, open_store
from checker.tokens import TokenFile

TURTLE_PREFIXES = """\
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix bcic: <https://w3id.org/bcic/ontology#> .
@prefix req:  <https://w3id.org/bcic/req/gbt-draft/> .
@prefix ex:   <https://example.org/test#> .
"""

TurtleWriter = Callable[[str, str], Path]


@pytest.fixture(autouse=True)
def rdflibs_own_datatype_conversions() -> Iterator[None]:
    """rdflib's datatype conversions as rdflib ships them, restored after every test: owlrl, which
    two tests run in-process, replaces them for the whole process (its xsd:gYear refuses a time
    zone and a year before 1), so tests run after them in one worker would read "2024Z"^^xsd:gYear
    as ill-formed (9.2.3). bcic itself runs no owlrl."""
    shipped = dict(_toPythonMapping)
    yield
    _toPythonMapping.clear()
    _toPythonMapping.update(shipped)


@pytest.fixture(scope="session")
def ontology_graph() -> Graph:
    """All the project's ontology files, parsed once per test session."""
    return load_ontology_graph(ALL_ONTOLOGY_FILES)


@pytest.fixture(scope="session")
def project_ontology_check() -> Callable[[Reasoner], OntologyCheck]:
    """`check_ontology` of the project's ontology files by a reasoner, run once per worker at the
    first ask (each costs seconds of Java): the tests that only read its verdicts, or print them
    through the CLI, share it."""
    checks: dict[Reasoner, OntologyCheck] = {}

    def checked(reasoner: Reasoner) -> OntologyCheck:
        if reasoner not in checks:
            checks[reasoner] = check_ontology(reasoner=reasoner)
        return checks[reasoner]

    return checked


@pytest.fixture
def runner() -> CliRunner:
    """A click runner that invokes the CLI in-process."""
    return CliRunner()


@pytest.fixture
def write_turtle(tmp_path: Path) -> TurtleWriter:
    """Write a small Turtle file (common prefixes added) under tmp_path and return its path."""

    def write(name: str, body: str) -> Path:
        path = tmp_path / name
        path.write_text(TURTLE_PREFIXES + body, encoding="utf-8")
        return path

    return write


@pytest.fixture
def ontology_rewrite_file(tmp_path: Path) -> Path:
    """A submission whose third line (column 1) rewrites the standard's own class hierarchy,
    which the loader refuses wherever a submission enters."""
    path = tmp_path / "tbox.ttl"
    path.write_text("@prefix bcic: <https://w3id.org/bcic/ontology#> .\n"
                    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                    "bcic:CultivationBody rdfs:subClassOf bcic:CreditMechanism .\n",
                    encoding="utf-8")
    return path


SAMPLE_NAMES = ("dehua-ceramics", "datang-socks", "meitan-tea")


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory store holding the three sample clusters (one revision each), with its query
    snapshot published, as `bcic ingest` leaves it. Read it only: tests that write make their
    own store."""
    path = tmp_path_factory.mktemp("samples") / "store"
    store_samples(path, *SAMPLE_NAMES)
    return path


def store_samples(store_dir: Path, *names: str) -> None:
    """Ingest the named samples (examples/NAME.ttl) into the directory store and publish its
    query snapshot, as `bcic ingest` does."""
    store_files(store_dir, [EXAMPLES_DIR / f"{name}.ttl" for name in names])


def store_files(store_dir: Path, files: list[Path], submitter: str = "tests") -> None:
    """Ingest each file, in turn, into the directory store (one revision each) and publish its
    query snapshot, as `bcic ingest` does."""
    from checker.ingest import ingest_files, publish_for_queries
    from checker.store import open_configured_store

    store = open_configured_store(str(store_dir))
    try:
        for file in files:
            ingest_files(store, [file], submitter=submitter)
        publish_for_queries(store)
    finally:
        store.close()


class StoreCopies:
    """Directory stores built once per worker and copied for each test that asks: a test writing
    to its store gets its own copy, and the validations that built it run once, not per test."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.built: set[str] = set()

    def copy(self, name: str, build: Callable[[Path], None], to: Path) -> Path:
        """A copy at `to` of the store `build` makes (in an empty directory) under `name`, with
        its query snapshots, as `build` left them; built at the first copy asked."""
        source = self.root / name / "store"
        if name not in self.built:
            build(source)
            self.built.add(name)
        shutil.copytree(source, to)
        if snapshot_dir_for(source).is_dir():
            shutil.copytree(snapshot_dir_for(source), snapshot_dir_for(to), symlinks=True)
        return to


@pytest.fixture(scope="session")
def store_copies(tmp_path_factory: pytest.TempPathFactory) -> StoreCopies:
    """Stores built once per worker, copied per test (StoreCopies.copy)."""
    return StoreCopies(tmp_path_factory.mktemp("built-stores"))


class WebApps:
    """Web apps built as the tests want them (TESTING on, CSRF on unless asked off, tokens read
    from `tokens`), their query workers closed by `close`."""

    def __init__(self, tokens: Path) -> None:
        self.tokens = tokens
        self.apps: list[Flask] = []

    def make(self, store: Path | str, **config: object) -> Flask:
        """An app over the store (a directory or a remote endpoint's URL), `config` on top."""
        from web import create_app

        settings = {"TESTING": True, "BCIC_STORE": str(store), "SECRET_KEY": "test-secret",
                    "BCIC_TOKENS": str(self.tokens)}
        settings.update(config)
        app = create_app(settings)
        self.apps.append(app)
        return app

    def close(self) -> None:
        """Close the query workers of every app made."""
        from web import query_service
        from web.data import is_remote

        for app in self.apps:
            if not is_remote(app.config["BCIC_STORE"]):  # a remote store's app has no service
                query_service(app).close()


@pytest.fixture
def make_web_app(tmp_path: Path) -> Iterator[Callable[..., Flask]]:
    """Build web apps for a test (TESTING on, CSRF on unless asked off) and close their query
    workers afterwards: `make_web_app(store_dir, **config)`."""
    apps = WebApps(tmp_path / "tokens.json")
    yield apps.make
    apps.close()


@pytest.fixture(scope="module")
def make_module_web_app(
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Flask]]:
    """`make_web_app` for apps a module's tests share, to read through only (no test writes to
    their stores nor changes them): built once, closed after the module's last test."""
    apps = WebApps(tmp_path_factory.mktemp("module-apps") / "tokens.json")
    yield apps.make
    apps.close()


@pytest.fixture
def tokens(tmp_path: Path) -> dict[str, str]:
    """An evaluator's and a maintainer's token, in the token file (tmp_path/tokens.json) the
    web apps of the tests read."""
    made = TokenFile(tmp_path / "tokens.json")
    return {role: made.create(role, label=f"{role} of the tests")[1]
            for role in ("evaluator", "maintainer")}


@pytest.fixture
def stored_dehua() -> tuple[Store, URIRef]:
    """An in-memory store holding the dehua sample as revision 1 (no gap, reviews pending)."""
    store = open_store("oxigraph")
    files = read_submission_files([EXAMPLES_DIR / "dehua-ceramics.ttl"])
    info, _report = ingest_submission(store, files, submitter="tests")
    return store, info.cluster
