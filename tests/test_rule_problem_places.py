"""Where `bcic rules coverage` places a rule maintainer's mistake: at the statement at fault, each
problem at its own (decision 16), never at a comment or a text written like it
(checker/rule_places.py, checker/rule_texts.py)."""

from __future__ import annotations

from pathlib import Path

from checker.rule_texts import masked
from tests.test_rule_problems_more import changed_rulebook, line_of, said

CH7 = "shapes/ch7-resources.ttl"
PERIOD = "shp:FundEvaluationPeriod "  # 7.1.2.1's fund evaluation period
COUNT = "    sh:path bcic:period ;\n    sh:minCount 1 ;\n    sh:severity sh:Violation ;"
NESTED = "    sh:property [ sh:path bcic:period ; sh:minCount 0 ] ;\n"
ZERO_EN = ("sh:minCount 0 asks nothing (every node has 0 values at least): write sh:minCount 1 "
           "if a value is required, or delete it")
ZERO_ZH = "sh:minCount 0 不作任何要求（任何节点都至少有 0 个取值）：若要求有取值，应写 sh:minCount 1，否则删去"


def _lines_with(tmp_path: Path, name: str, written: str) -> list[str]:
    """`name:N` of each line of the copy that starts with `written`."""
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    return [f"{name}:{n}" for n, line in enumerate(lines, 1) if line.startswith(written)]


def test_two_nested_shapes_writing_one_statement_are_each_placed_at_their_own(
        tmp_path: Path) -> None:
    """Both were placed at the first one's line, and a comment or a text written like the
    statement, before them, was taken for it (7.1.2.1)."""
    rulebook = changed_rulebook(tmp_path, {CH7: ((COUNT, COUNT.replace(
        "    sh:minCount 1 ;\n",
        "    # sh:minCount 0 ; was written here once\n"
        '    rdfs:comment """a count: sh:minCount 0 ;\n    sh:minCount 0 ; asks nothing""" ;\n'
        "    sh:minCount 1 ;\n" + NESTED + NESTED.replace("]", " ; sh:maxCount 2 ]"))),)})
    first, second = _lines_with(tmp_path, CH7, "    sh:property [ sh:path bcic:period ;")
    assert said(rulebook) == {
        "en": [f"error: shp:FundEvaluationPeriod ({at}): {ZERO_EN}" for at in (first, second)],
        "zh": [f"错误：shp:FundEvaluationPeriod（{at}）：{ZERO_ZH}" for at in (first, second)]}


def test_one_statement_written_in_two_files_is_placed_in_each(tmp_path: Path) -> None:
    """The shape described again in shapes/common.ttl, the same nested shape in both: each
    problem names its own file (the shape's two places are a mistake of their own)."""
    rulebook = changed_rulebook(tmp_path, {
        CH7: ((COUNT, COUNT.replace("    sh:minCount 1 ;\n", "    sh:minCount 1 ;\n" + NESTED)),),
        "shapes/common.ttl": (("\nshp:", f"\n{PERIOD}\n{NESTED.rstrip(' ;' + chr(10))} .\n\nshp:"),)})
    places = [*_lines_with(tmp_path, CH7, NESTED.rstrip()),
              *_lines_with(tmp_path, "shapes/common.ttl", NESTED.rstrip(" ;\n"))]
    opening, again = line_of(tmp_path, CH7, PERIOD), line_of(tmp_path, "shapes/common.ttl", PERIOD)
    assert said(rulebook)["en"] == [
        *(f"error: shp:FundEvaluationPeriod ({at}): {ZERO_EN}" for at in places),
        f"error: shp:FundEvaluationPeriod ({opening}): the shape is defined twice or more, at "
        f"{opening}, {again}: its statements would be merged into one shape"]


def test_comments_and_texts_are_masked_line_for_line() -> None:
    text = 'shp:A sh:minCount 1 ; # sh:minCount 0\n  rdfs:comment "sh:minCount 0" ; <http://x/#y> .\n'
    code = masked(text)
    assert len(code) == len(text) and code.count("\n") == 2
    assert "sh:minCount 0" not in code and "<http://x/#y>" in code and "sh:minCount 1" in code
