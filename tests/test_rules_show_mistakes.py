"""`bcic rules show` and `bcic rules coverage --only` asked about a shape or provision whose rule
files hold a mistake that keeps it out of the rulebook: a bcic:checksRequirement naming no
catalogued provision (req:9.2.33 for 9.2.3), a heading (req:9.2), or a provision whose catalogue
entry cannot be filed (two levels on 9.3.2 c)). Each is refused (exit 2) naming the mistake as
`bcic rules coverage` says it, with its file and line, zh and en — not an internal error, and
not "no provision"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli_rules
from checker.cli import main
from checker.rulebook import Rulebook
from tests.test_rule_problems_more import changed_rulebook, line_of

SCREENING = "shp:MeasurementScreening a sh:NodeShape ;\n    bcic:checksRequirement req:9.2.3 ;"
LEVELS_932C = ('dcterms:identifier "9.3.2-c" ;',
               'dcterms:identifier "9.3.2-c" ;\n    bcic:normativeLevel bcic:Should ;')


def _link_edit(target: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """shp:MeasurementScreening (9.2.3) linked to `target` instead."""
    return {"shapes/ch9-performance.ttl": ((SCREENING, SCREENING.replace("req:9.2.3", target)),)}


def _invoke(monkeypatch: pytest.MonkeyPatch, rulebook: Rulebook, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(cli_rules, "load_rulebook", lambda: rulebook)
    result = CliRunner().invoke(main, ["rules", *args])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("command", [["show", "shp:MeasurementScreening"],
                                     ["coverage", "--prove", "--only", "MeasurementScreening"]])
def test_a_shape_linked_to_no_catalogued_provision_is_refused_naming_the_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    """Was exit 3: KeyError('9.2.33') on the sheet, StopIteration in the proof (9.2.3)."""
    rulebook = changed_rulebook(tmp_path, _link_edit("req:9.2.33"))
    place = line_of(tmp_path, "shapes/ch9-performance.ttl", "shp:MeasurementScreening ")
    code, said = _invoke(monkeypatch, rulebook, *command)
    assert code == 2, said
    assert (f"error: shp:MeasurementScreening ({place}): bcic:checksRequirement names "
            "req:9.2.33, which is not in the catalogue; did you mean req:9.2.3?") in said
    assert "Internal error" not in said
    code, said = _invoke(monkeypatch, rulebook, *command, "--lang", "zh")
    assert code == 2 and f"错误：shp:MeasurementScreening（{place}）：" in said
    assert "req:9.2.33" in said


def test_a_shape_linked_to_a_heading_is_refused_naming_the_provisions_under_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rulebook = changed_rulebook(tmp_path, _link_edit("req:9.2"))
    code, said = _invoke(monkeypatch, rulebook, "show", "MeasurementScreening")
    assert code == 2, said
    assert "shp:MeasurementScreening (shapes/ch9-performance.ttl:" in said
    assert "req:9.2.3" in said  # a provision under the heading 9.2, as coverage names them


def test_a_provision_whose_catalogue_entry_has_two_levels_is_refused_naming_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was "no provision '9.3.2 c)' in the catalogue", as if it did not exist (9.3.2 c))."""
    rulebook = changed_rulebook(tmp_path, {"ontology/requirements.ttl": (LEVELS_932C,)})
    place = line_of(tmp_path, "ontology/requirements.ttl", "req:9.3.2-c ")
    for asked in (["show", "9.3.2 c)"], ["coverage", "--only", "9.3.2-c"],
                  ["show", "shp:ClusterNotItsOwnBenchmark"]):
        code, said = _invoke(monkeypatch, rulebook, *asked)
        assert code == 2, said
        assert f"error: req:9.3.2-c ({place}): 2 normative level(s)" in said
        assert "no provision" not in said
    code, said = _invoke(monkeypatch, rulebook, "show", "9.3.2 c)", "--lang", "zh")
    assert code == 2 and f"错误：req:9.3.2-c（{place}）：有 2 个规范级别" in said
