"""The rulebooks stored reports cite stay readable once another rulebook runs (a rule maintainer's
review, defect 8): a version the store holds is served at its version IRI and has pages, a
provision the running rulebook lacks gets a "withdrawn" page and document rather than 404, and a
report stored before reports stated their provisions' texts says so where its texts would be."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from rdflib import OWL, RDFS, Graph, Literal, URIRef

from checker import __version__
from checker.i18n import message
from checker.namespaces import REQ
from checker.rulebook import load_rulebook, short_digest
from checker.store import open_store
from checker.store.base import cluster_key
from checker.stored_rulebooks import stored_rulebook_note, stored_rulebooks
from web.strings import STRINGS

from tests.changed_rulebook import (CHANGED_VERSION, RENAMED_TO, renumbered_rulebook,
                                    store_an_older_report_of_withdrawn_rules)

HTML = {"Accept": "text/html"}
TURTLE = {"Accept": "text/turtle"}
LANGS = ("zh", "en")
DIGEST = renumbered_rulebook().digest  # rule files of its own: a digest of its own
TEXT_ZH = "培育主体应结合产业集群的特点，建立循环和纠偏机制。"  # 9.4.2's, which 0.2.0 numbers 9.4.3


@pytest.fixture(scope="module")
def archived_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Datang judged under 0.2.0, which a reload to the running rulebook archived."""
    path = tmp_path_factory.mktemp("archived") / "store"
    store_an_older_report_of_withdrawn_rules(path, archived=True)
    return path


@pytest.fixture(scope="module")
def unarchived_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Datang judged under 0.2.0, whose rule graphs the store never held."""
    path = tmp_path_factory.mktemp("unarchived") / "store"
    store_an_older_report_of_withdrawn_rules(path, archived=False)
    return path


def _page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    answer = client.get(url, headers=HTML)
    assert answer.status_code == 200, answer.text
    return unescape(answer.text)


def test_the_version_iri_of_an_archived_rulebook_serves_its_rule_graphs(
        make_web_app, archived_store: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(archived_store).test_client()
    answer = client.get(f"/ontology/{CHANGED_VERSION}", headers=TURTLE)
    assert answer.status_code == 200
    graph = Graph().parse(data=answer.data, format="turtle")
    assert (REQ[RENAMED_TO], None, None) in graph
    assert Literal(TEXT_ZH, lang="zh") in set(graph.objects(REQ[RENAMED_TO], None))
    people = client.get(f"/ontology/{CHANGED_VERSION}", headers=HTML)
    assert (people.status_code, people.headers["Location"]) == (
        303, f"/rulebook/versions/{CHANGED_VERSION}")
    assert client.get("/ontology/7.7.7", headers=TURTLE).status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_a_withdrawn_provision_has_a_page_saying_so_that_links_to_its_version(
        make_web_app, archived_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(archived_store).test_client()
    page = _page(client, f"/rulebook/{RENAMED_TO}?lang={lang}")
    assert message("rulebook.withdrawn", lang, running=__version__, version=CHANGED_VERSION,
                   digest=short_digest(DIGEST)) in page
    old = f"/rulebook/versions/{CHANGED_VERSION}/{RENAMED_TO}?digest={short_digest(DIGEST)}"
    assert f'href="{old}"' in page and TEXT_ZH in page
    assert TEXT_ZH in _page(client, old + f"&lang={lang}")
    version = _page(client, f"/rulebook/versions/{CHANGED_VERSION}?lang={lang}")
    assert f"/rulebook/versions/{CHANGED_VERSION}/{RENAMED_TO}?" in version and DIGEST in version
    assert client.get("/rulebook/9.9.9", headers=HTML).status_code == 404


def test_a_withdrawn_provisions_iri_is_a_deprecated_entry_of_its_version(
        make_web_app, archived_store: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(archived_store).test_client()
    answer = client.get(f"/req/gbt-draft/{RENAMED_TO}", headers=TURTLE)
    assert answer.status_code == 200
    graph, iri = Graph().parse(data=answer.data, format="turtle"), REQ[RENAMED_TO]
    assert (iri, OWL.deprecated, Literal(True)) in graph
    assert (iri, RDFS.isDefinedBy, URIRef(f"https://w3id.org/bcic/ontology/{CHANGED_VERSION}")) in graph
    assert {c.language: str(c) for c in graph.objects(iri, RDFS.comment)} == {
        lang: message("rulebook.withdrawn", lang, running=__version__, version=CHANGED_VERSION,
                      digest=short_digest(DIGEST)) for lang in LANGS}
    people = client.get(f"/req/gbt-draft/{RENAMED_TO}", headers=HTML)
    assert (people.status_code, people.headers["Location"]) == (303, f"/rulebook/{RENAMED_TO}")


def _row(page: str, requirement_id: str) -> str:
    found = re.search(rf'<article [^>]*id="req-{re.escape(requirement_id)}".*?</article>', page,
                      re.S)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize("lang", LANGS)
def test_a_withdrawn_provision_a_report_stored_without_its_text_points_to_its_rulebook(
        make_web_app, archived_store: Path, unarchived_store: Path,
        lang: str) -> None:  # type: ignore[no-untyped-def]
    """Defect 2: no empty quotes; what the report lacks, and where the text is (or that the
    store keeps no copy of the rulebook that judged it)."""
    url = f"/clusters/{cluster_key(URIRef('https://example.org/cluster/datang/cluster'))}" \
          f"/revisions/1?lang={lang}"
    missing = message("report.text.not_stored", lang, running=__version__)
    row = _row(_page(make_web_app(archived_store).test_client(), url), RENAMED_TO)
    assert missing in row and "<blockquote" not in row
    link = f"/rulebook/versions/{CHANGED_VERSION}/{RENAMED_TO}?digest={DIGEST}"
    assert f'href="{link}"' in row
    assert message("report.text.archived", lang, version=CHANGED_VERSION) in row
    client = make_web_app(unarchived_store).test_client()
    row = _row(_page(client, url), RENAMED_TO)
    assert missing in row and "<blockquote" not in row
    assert message("report.text.not_archived", lang, version=CHANGED_VERSION) in row
    download = unescape(client.get(url + "&format=html").text)
    assert missing in download


@pytest.mark.parametrize("lang", LANGS)
def test_the_rulebooks_the_store_holds_are_listed_each_linked_by_digest(
        make_web_app, archived_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """/rulebook/versions answered 404 above pages that exist for each version; it lists them,
    the store's rule graphs' first, each with what it is beside the running rulebook, and the
    rulebook page links to it."""
    store = open_store("oxigraph", path=str(archived_store))
    try:
        held = stored_rulebooks(store)
    finally:
        store.close()
    client = make_web_app(archived_store).test_client()
    page = _page(client, f"/rulebook/versions?lang={lang}")
    running = load_rulebook()
    assert {b.version for b in held} == {__version__, CHANGED_VERSION}
    for rulebook in held:
        assert f'href="/rulebook/versions/{rulebook.version}?digest={rulebook.digest}"' in page
        assert stored_rulebook_note(rulebook, running.version, running.digest, lang) in page
    assert page.index(f"?digest={held[0].digest}") < page.index(f"?digest={held[1].digest}")
    assert STRINGS["rulebook.versions.title"][lang] in page
    assert 'href="/rulebook/versions"' in _page(client, f"/rulebook?lang={lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_a_store_without_rulebooks_says_when_they_come(
        make_web_app, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = _page(make_web_app(tmp_path / "empty").test_client(), f"/rulebook/versions?lang={lang}")
    assert STRINGS["rulebook.versions.none"][lang] in page
