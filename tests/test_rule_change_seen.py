"""A rule maintainer's change is seen where it matters: `bcic rules coverage --prove` says of
each proof failure what failed and why (the conforming base the generator makes, or a fixture
pair), apart from gaps; and history, rechecks and the rulebook's version pages tell rulebooks
apart by digest when their version is the same."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone
from hashlib import sha256
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from checker import __version__, cli_rules
from checker.cli import main
from checker.coverage import FixtureProof, base_failures, conforming_base, prove_fixtures
from checker.history import ClusterSummary, mixed_rulebooks_note
from checker.i18n import message
from checker.ingest import ingest_files, publish_for_queries
from checker.namespaces import BCIC, REQ, SHP
from checker.paths import EXAMPLES_DIR
from checker.proof_said import proof_failure_line
from checker.recheck import recheck_revision
from checker.rechecked_note import recheck_note
from checker.rulebook import SH, Rulebook, load_rulebook, short_digest
from checker.rulebook_names import rulebook_named
from checker.store import open_store
from checker.store.base import RevisionInfo, cluster_key
from checker.stored_rulebooks import StoredRulebook, stored_rulebook_note

NEW_NAME = "CommunicationImprovementDescribed"
NEW_SHAPE = SHP[NEW_NAME]
NEW_MESSAGE = {"zh": "传播改进未写明改进内容（8.2.6）",
               "en": "A communication improvement does not say what was improved (8.2.6)"}


def _with_described_improvement() -> Rulebook:
    """The running rulebook with a new shall-level shape of 8.2.6 that the generator does not
    meet: every communication improvement has a description."""
    running = load_rulebook()
    shapes = Graph()
    shapes += running.shapes_graph
    for p, o in ((BCIC.checksRequirement, REQ["8.2.6"]), (SH.targetClass, BCIC.CommunicationImprovement),
                 (SH.path, DCTERMS.description), (SH.minCount, Literal(1)),
                 (SH.severity, SH.Violation)):
        shapes.add((NEW_SHAPE, p, o))
    shapes.add((NEW_SHAPE, SH.message, Literal(NEW_MESSAGE["zh"], lang="zh")))
    shapes.add((NEW_SHAPE, SH.message, Literal(NEW_MESSAGE["en"], lang="en")))
    improved = running.requirements["8.2.6"]
    return replace(running, digest=sha256(b"described " + running.digest.encode()).hexdigest(),
                   shapes_graph=shapes,
                   requirements={**running.requirements, "8.2.6": replace(
                       improved, shapes=improved.shapes + (NEW_SHAPE,))},
                   shape_requirements={**running.shape_requirements, NEW_SHAPE: "8.2.6"})


@pytest.fixture(scope="module")
def described() -> Rulebook:
    return _with_described_improvement()


def test_the_conforming_base_failing_a_new_rule_names_the_shape_the_provision_and_the_message(
        described: Rulebook) -> None:
    failures = base_failures(described, conforming_base())
    assert [(f.requirement_id, f.shape, f.messages) for f in failures] == [
        ("8.2.6", NEW_SHAPE, NEW_MESSAGE)]
    assert base_failures(load_rulebook(), conforming_base()) == ()


@pytest.fixture
def proving_two_shapes(described: Rulebook, monkeypatch: pytest.MonkeyPatch) -> Rulebook:
    """`bcic rules coverage --prove` on the changed rulebook, proving the new shape and one that
    the base meets (every shape would take minutes)."""
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: described)
    monkeypatch.setattr(cli_rules, "prove_fixtures", lambda rulebook, base, shapes: prove_fixtures(
        rulebook, base, [SHP.CommunicationImprovementExists, NEW_SHAPE]))
    return described


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_prove_says_the_generator_must_learn_a_new_rule_and_counts_no_gap_for_it(
        proving_two_shapes: Rulebook, lang: str) -> None:
    result = CliRunner().invoke(main, ["rules", "coverage", "--prove", "--lang", lang])
    assert result.exit_code == 1
    said = result.output.splitlines()
    failures = [line.strip() for line in said if line.strip().startswith(
        ("proof failed", "验证失败"))]
    assert not [line for line in said if line.strip().startswith(("gap:", "缺口："))]
    if lang == "en":
        assert "0 gap(s)" in result.output
        assert "2 proof failure(s) (1 on the conforming base, 1 fixture pair(s))" in result.output
        assert failures == [
            f"proof failed: the conforming base (the data `bcic generate --gaps 0` makes) fails "
            f"shape shp:{NEW_NAME} under 8.2.6: “{NEW_MESSAGE['en']}”. The generator "
            f"(checker/synthetic) must be taught the rule: make it write what the shape asks",
            f"proof failed: shape shp:{NEW_NAME} under 8.2.6: its twin is the conforming base itself: "
            f"the fixture (remove-counted-values) found nothing in the base to take away, so the "
            f"base lacks what the shape looks at; the generator (checker/synthetic) must write it"]
    else:
        assert "缺口 0 处" in result.output and "验证失败 2 处（合规基准数据 1 处，正反例 1 处）" in result.output
        assert f"未通过条款 8.2.6 的形状 shp:{NEW_NAME}：“{NEW_MESSAGE['zh']}”" in failures[0]
        assert "checker/synthetic" in failures[0] and "反例与合规基准数据完全相同" in failures[1]


@pytest.mark.parametrize(("proof", "en", "zh"), [
    (FixtureProof(NEW_SHAPE, "8.2.6", True, False, False, False, "remove-counted-values"),
     "its twin (the conforming base changed by the fixture remove-counted-values) did not fail it",
     "其反例（按正反例规则 remove-counted-values 修改后的合规基准数据）并未违反该形状"),
    (FixtureProof(NEW_SHAPE, "8.2.6", True, True, False, True, "remove-counted-values"),
     "does not give 8.2.6 the status of a provision missing", "未将 8.2.6 判为缺失时应有的状态"),
    (FixtureProof(NEW_SHAPE, "8.2.6", True, True, True, False, "remove-counted-values"),
     "another severity than the provision's level asks", "严重程度与条款级别不符"),
], ids=["silent", "status", "severity"])
def test_each_kind_of_fixture_pair_failure_says_why_in_both_languages(
        proof: FixtureProof, en: str, zh: str) -> None:
    assert not proof.ok
    assert en in proof_failure_line(proof, "en", {})
    assert f"shape shp:{NEW_NAME} under 8.2.6" in proof_failure_line(proof, "en", {})
    assert zh in proof_failure_line(proof, "zh", {})
    assert f"条款 8.2.6 的形状 shp:{NEW_NAME}：" in proof_failure_line(proof, "zh", {})
    # a shape the shapes files describe is named with the file and line that do
    at = {NEW_SHAPE: "shapes/ch8-branding.ttl:12"}
    assert f"shape shp:{NEW_NAME} (shapes/ch8-branding.ttl:12) under 8.2.6" in proof_failure_line(
        proof, "en", at)
    assert f"形状 shp:{NEW_NAME}（shapes/ch8-branding.ttl:12）：" in proof_failure_line(proof, "zh", at)


# A rule change without a version bump: Datang stored under the running rulebook, again under
# the same rules with one shape message edited (another digest, version unchanged), then again
# under the running rulebook.
DATANG = URIRef("https://example.org/cluster/datang/cluster")
EDITED_MESSAGE = "未见对传播内容和传播方式的改进（8.2.6）"


def _edited_message() -> Rulebook:
    """The running rulebook with one shape message edited, as a file edit would make it: the
    same version, another digest."""
    running = load_rulebook()
    shapes = Graph()
    shapes += running.shapes_graph
    shapes.remove((SHP.CommunicationImprovementExists, SH.message, None))
    shapes.add((SHP.CommunicationImprovementExists, SH.message, Literal(EDITED_MESSAGE, lang="zh")))
    shapes.add((SHP.CommunicationImprovementExists, SH.message, Literal(
        "No improvement of the communication in the submission (8.2.6)", lang="en")))
    return replace(running, digest=sha256(b"edited " + running.digest.encode()).hexdigest(),
                   shapes_graph=shapes)


EDITED = _edited_message()


@pytest.fixture(scope="module")
def unbumped_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("unbumped") / "store"
    store = open_store("oxigraph", path=str(path))
    try:
        for rulebook in (None, EDITED, None):
            ingest_files(store, [EXAMPLES_DIR / "datang-socks.ttl"], rulebook=rulebook)
        publish_for_queries(store)
    finally:
        store.close()
    return path


RUNNING = load_rulebook().digest


def _changed(lang: str, before: str, after: str) -> str:
    """The history's line for a change from the rulebook of digest `before` to that of `after`,
    both of the running version."""
    b, a = short_digest(before), short_digest(after)
    if lang == "en":
        return f"rulebook changed {__version__} (digest {b}) → {__version__} (digest {a}):"
    return f"规则库已变更 {__version__}（摘要 {b}） → {__version__}（摘要 {a}）："


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_history_says_the_rulebook_changed_where_only_its_digest_did(
        unbumped_store: Path, lang: str) -> None:
    result = CliRunner().invoke(main, ["history", str(DATANG), "--store", str(unbumped_store),
                                       "--lang", lang])
    assert result.exit_code == 0, result.output
    said = result.output
    assert _changed(lang, RUNNING, EDITED.digest) in said
    assert _changed(lang, EDITED.digest, RUNNING) in said
    assert said.index(_changed(lang, RUNNING, EDITED.digest)) < said.index(
        _changed(lang, EDITED.digest, RUNNING))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cluster_page_says_the_rulebook_changed_by_digest(
        make_web_app, unbumped_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(unbumped_store).test_client()
    page = unescape(client.get(f"/clusters/{cluster_key(DATANG)}?lang={lang}",
                               headers={"Accept": "text/html"}).text)
    row = re.search(r'<tr id="revision-2">.*?</tr>', page, re.S)
    assert row is not None and _changed(lang, RUNNING, EDITED.digest) in row.group(0)
    assert page.count(_changed(lang, EDITED.digest, RUNNING)) == 1


def test_the_history_api_gives_each_revisions_digest_and_the_digest_it_changed_from(
        make_web_app, unbumped_store: Path) -> None:  # type: ignore[no-untyped-def]
    client = make_web_app(unbumped_store).test_client()
    for path in (f"/api/clusters/{cluster_key(DATANG)}/history",
                 f"/api/clusters/{cluster_key(DATANG)}"):
        revisions = client.get(path).get_json()["revisions"]
        assert [(r["rulebook_version"], r["rulebook_digest"], r["rulebook_changed_from"],
                 r["rulebook_changed_from_digest"]) for r in revisions] == [
            (__version__, RUNNING, None, None),
            (__version__, EDITED.digest, __version__, RUNNING),
            (__version__, RUNNING, __version__, EDITED.digest)], path
    schemas = client.get("/api/openapi.json").get_json()["components"]["schemas"]
    history = schemas["ClusterHistory"]["properties"]["revisions"]["items"]["properties"]
    assert {"rulebook_digest", "rulebook_changed_from_digest"} <= history.keys()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_recheck_names_both_rulebooks_by_digest_when_only_the_digest_changed(
        unbumped_store: Path, lang: str) -> None:
    store = open_store("oxigraph", path=str(unbumped_store))
    try:
        edited = recheck_revision(store, DATANG, 2)
        same = recheck_revision(store, DATANG, 3)
    finally:
        store.close()
    assert edited.rules_changed and not same.rules_changed
    note = recheck_note(edited.report, lang)
    assert note is not None
    b, a = short_digest(EDITED.digest), short_digest(RUNNING)
    if lang == "en":
        assert f"judged under rulebook {__version__} (digest {b})" in note
        assert f"the running rulebook {__version__} (digest {a})" in note
    else:
        assert f"第 2 版按规则库 {__version__}（摘要 {b}）" in note
        assert f"现行规则库 {__version__}（摘要 {a}）" in note
    assert short_digest(RUNNING) not in (recheck_note(same.report, lang) or "")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_version_several_rulebooks_share_lists_them_by_digest_and_each_page_says_what_it_is(
        make_web_app, unbumped_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The store's rule graphs hold the running rulebook again; 0.1.0 with the edited message and
    0.1.0 as it runs were archived: two rulebooks of one version, told apart by digest."""
    client = make_web_app(unbumped_store).test_client()
    html = {"Accept": "text/html"}
    choice = unescape(client.get(f"/rulebook/versions/{__version__}?lang={lang}", headers=html).text)
    assert message_in(lang, "several", n=2, version=__version__) in choice
    for digest in (RUNNING, EDITED.digest):
        assert f'href="/rulebook/versions/{__version__}?digest={digest}' in choice
    assert "stated-provisions" not in choice
    held = unescape(client.get(f"/rulebook/versions/{__version__}?digest={RUNNING}&lang={lang}",
                               headers=html).text)
    edited = unescape(client.get(
        f"/rulebook/versions/{__version__}?digest={short_digest(EDITED.digest)}&lang={lang}",
        headers=html).text)
    running = f"{__version__} (digest {short_digest(RUNNING)})" if lang == "en" else \
        f"{__version__}（摘要 {short_digest(RUNNING)}）"
    if lang == "en":
        assert ("The rulebook the store's rule graphs hold now, which is the one this server runs "
                f"({running}), with the same digest.") in held
        assert "which is not the one" not in held
        assert f"for the reports it judged; the running rulebook is {running}." in edited
    else:
        assert f"存储库的规则图当前所存的规则库，即本服务器运行的规则库（{running}），摘要相同。" in held
        assert "并非" not in held
        assert f"当前运行的规则库为 {running}。" in edited


def message_in(lang: str, key: str, **values: object) -> str:
    """A UI string of the rulebook pages, as the page says it."""
    from web.strings import STRINGS
    return STRINGS[f"rulebook.version.{key}"][lang].format(**values)


def test_an_archived_rulebook_with_the_running_digest_is_said_to_be_the_running_one() -> None:
    archived = StoredRulebook(__version__, RUNNING, datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc),
                              URIRef("urn:bcic:archived"))
    assert stored_rulebook_note(archived, __version__, RUNNING, "en") == (
        "A rulebook this store kept on 2026-01-02 03:04 (UTC), when a reload replaced it, for "
        f"the reports it judged; it is the rulebook this server runs ({__version__} (digest "
        f"{short_digest(RUNNING)})), with the same digest.")
    other = stored_rulebook_note(archived, "0.2.0", EDITED.digest, "zh")
    assert other.endswith("当前运行的规则库为 0.2.0。")  # another version: no digest needed


def _summary(cluster: str, version: str, digest: str | None) -> ClusterSummary:
    """A stored cluster whose latest revision was judged under `version` (`digest`)."""
    iri = URIRef(cluster)
    latest = RevisionInfo(iri, 1, URIRef(cluster + "/g"), URIRef(cluster + "/r"), True, None,
                          version, datetime(2026, 1, 1, tzinfo=timezone.utc), None, (), digest)
    return ClusterSummary(iri, {}, 1, latest)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_mixed_rulebooks_note_tells_one_version_apart_by_digest(lang: str) -> None:
    """Two clusters judged under 0.1.0 with different digests are not comparable as they stand:
    the note names each rulebook by its digest; a revision with no digest recorded does not make
    a third."""
    first, second = "a" * 64, "b" * 64
    clusters = [_summary("https://example.org/c1", "0.1.0", first),
                _summary("https://example.org/c2", "0.1.0", second),
                _summary("https://example.org/c3", "0.1.0", None)]
    named = ", ".join(rulebook_named("0.1.0", digest, lang) for digest in (first, second))
    assert mixed_rulebooks_note(clusters, lang) == message(
        "store.clusters.mixed_rulebooks", lang, versions=named)
    assert short_digest(first) in named


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_rulebook_or_versions_alone_are_said_as_before(lang: str) -> None:
    same = [_summary("https://example.org/c1", "0.1.0", "a" * 64),
            _summary("https://example.org/c2", "0.1.0", "a" * 64),
            _summary("https://example.org/c3", "0.1.0", None)]
    assert mixed_rulebooks_note(same, lang) == ""
    versions = [_summary("https://example.org/c1", "0.1.0", "a" * 64),
                _summary("https://example.org/c2", "0.2.0", "b" * 64)]
    assert mixed_rulebooks_note(versions, lang) == message(
        "store.clusters.mixed_rulebooks", lang, versions="0.1.0, 0.2.0")
