"""The rulebook's identity: its version beside the digest of its rule files, in every report."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from rdflib import OWL, Graph, Literal, URIRef

from checker import __version__
from checker.cli import main
from checker.namespaces import BCIC
from checker.paths import CORE_ONTOLOGY_FILE, EXAMPLES_DIR, SHAPES_DIR
from checker.render import render_report
from checker.rulebook import load_rulebook, rule_files, rules_digest, short_digest
from checker.validation import validate_files

RULEBOOK = load_rulebook()
ONTOLOGY = URIRef("https://w3id.org/bcic/ontology")


def test_the_ontologys_version_is_the_package_version_so_the_two_cannot_drift() -> None:
    """A maintainer bumped owl:versionInfo to 0.2.0 and not checker.__version__, which reports
    carry: both must name one version (README, "Making a new rulebook version")."""
    ontology = Graph().parse(CORE_ONTOLOGY_FILE)
    assert ontology.value(ONTOLOGY, OWL.versionInfo) == Literal(__version__), (
        f"ontology/bcic.ttl's owl:versionInfo is not checker.__version__ ({__version__}): "
        "set both, and owl:versionIRI, to the new version")
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/{__version__}")
    assert RULEBOOK.version == __version__


def test_the_digest_covers_every_rule_file_the_rulebook_reads_byte_for_byte(
        tmp_path: Path) -> None:
    """Removing a shape under the same version gave the same label to opposite verdicts."""
    files = rule_files()
    assert {f.parent.name for f in files} == {"ontology", "shapes"} and len(files) > 10
    assert re.fullmatch(r"[0-9a-f]{64}", RULEBOOK.digest)
    assert RULEBOOK.digest == rules_digest(files) == rules_digest(rule_files())
    copy = tmp_path / "shapes"
    shutil.copytree(SHAPES_DIR, copy)
    assert rules_digest(rule_files(copy)) == RULEBOOK.digest  # the same files, elsewhere
    edited = copy / "ch8-branding.ttl"
    edited.write_bytes(edited.read_bytes() + b" ")
    assert rules_digest(rule_files(copy)) != RULEBOOK.digest
    edited.rename(copy / "ch8-branding-2.ttl")  # the same bytes under another name
    assert rules_digest(rule_files(copy)) not in (RULEBOOK.digest,
                                                  rules_digest(rule_files(SHAPES_DIR)))
    assert short_digest(RULEBOOK.digest) == RULEBOOK.digest[:12]


def test_every_report_format_names_the_rulebook_by_version_and_digest() -> None:
    report = validate_files([EXAMPLES_DIR / "meitan-tea.ttl"])
    short = short_digest(RULEBOOK.digest)
    assert report.rulebook_digest == RULEBOOK.digest
    document = json.loads(render_report(report, "json", "en"))
    assert (document["rulebook_version"], document["rulebook_digest"]) == (
        __version__, RULEBOOK.digest)
    graph = Graph().parse(data=render_report(report, "ttl", "en"), format="turtle")
    [node] = graph.subjects(OWL.versionInfo, Literal(__version__))
    assert graph.value(node, BCIC.rulebookDigest) == Literal(RULEBOOK.digest)
    text = render_report(report, "text", "en")
    assert re.search(rf"^Rulebook\s+{re.escape(__version__)} \(rule files' SHA-256 {short}\)$",
                     text, re.M)
    assert f"{__version__}（规则文件 SHA-256 {short}）" in render_report(report, "text", "zh")
    assert f"<dd>{__version__} (rule files&#39; SHA-256 {short})</dd>" in render_report(
        report, "html", "en")


def test_version_and_rules_version_print_the_digest(runner: CliRunner) -> None:
    version = runner.invoke(main, ["--version"])
    assert version.exit_code == 0
    assert version.output == (f"bcic, version {__version__} "
                              f"(rulebook digest {short_digest(RULEBOOK.digest)})\n")
    rules = runner.invoke(main, ["rules", "version"])
    assert rules.exit_code == 0
    assert rules.output.splitlines() == [
        f"Rulebook {__version__}, digest {short_digest(RULEBOOK.digest)}",
        f"SHA-256 of its {len(rule_files())} rule files (ontology/, shapes/): {RULEBOOK.digest}"]
