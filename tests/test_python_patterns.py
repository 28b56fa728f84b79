"""An sh:pattern in Python's own regular-expression syntax, which XPath's (SHACL 1.0, 4.7.1:
fn:matches) lacks, is a rule problem: pyshacl accepted `(?i)`, `\\b` or a look-ahead without a
word, and another SHACL engine would refuse the rulebook or read it otherwise
(checker/python_patterns.py, checker/shacl_parameter_problems.py; decision 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.python_patterns import PythonOnly, python_only
from checker.rule_problems import ProblemKind, rule_problems
from tests.test_rule_problem_places import CH7, _lines_holding, _shape, _written_before
from tests.test_rule_problems_more import changed_rulebook, said

# Patterns XPath 3.1 reads as Python does (F&O 3.1, 5.6.1): anchors, reluctant quantifiers,
# back-references, non-capturing groups, XML Schema's escapes and \$, a `]` escaped in a class.
XPATH_VALID = [r"^(a)+?b*?(?:c|d){2,3}?\1\$\d\S\w\{\}\-\^\.\|[\-\]\\a-z]$", "a??", "a{3,}?",
               r"^\+?[0-9]+$", r"^[^\n\r\t]*$"]


@pytest.mark.parametrize("pattern", XPATH_VALID)
def test_what_xpath_allows_is_not_flagged(pattern: str) -> None:
    re.compile(pattern)
    assert python_only(pattern) is None


@pytest.mark.parametrize(("pattern", "found"), [
    ("(?i)^qa$", PythonOnly("inline_flags", "(?i)", "flags", "i")),
    ("(?mi)^qa$", PythonOnly("inline_flags", "(?mi)", "flags", "im")),
    ("(?s)^q.a$", PythonOnly("inline_flags", "(?s)", "flags_dropped", "s")),
    ("(?u)qa", PythonOnly("inline_flags", "(?u)", "drop")),
    ("(?i:q)a", PythonOnly("scoped_flags", "(?i:", "none")),
    (r"\bqa\B", PythonOnly("word_boundary", r"\b", "none")),
    (r"\Aqa\Z", PythonOnly("anchor", r"\A", "write", "^")),
    ("qa(?!x)", PythonOnly("lookahead", "(?!", "none")),
    ("(?<=x)qa", PythonOnly("lookbehind", "(?<=", "none")),
    ("(?P<y>q)a(?P=y)", PythonOnly("named_group", "(?P<y>", "unnamed")),
    ("(q)(?#two)a", PythonOnly("comment", "(?#two)", "drop")),
    ("(?>q)a", PythonOnly("atomic_group", "(?>", "none")),
    ("(q)?(?(1)a|b)", PythonOnly("conditional", "(?(", "none")),
    ("qa*+", PythonOnly("possessive", "*+", "none")),
    ("qa{2,3}+", PythonOnly("possessive", "{2,3}+", "none")),
    ("q{,3}", PythonOnly("open_minimum", "{,3}", "write", "{0,3}")),
    (r"\x41\f", PythonOnly("character_escape", r"\x41", "character", "A")),
    (r"[\b]", PythonOnly("character_escape", r"\b", "character", "U+0008")),
    (r"\/qa", PythonOnly("needless_escape", r"\/", "write", "/")),
    ("q{a", PythonOnly("unescaped", "{", "write", "\\{")),
    ("qa]", PythonOnly("unescaped", "]", "write", "\\]")),
], ids=lambda value: value if isinstance(value, str) else "")
def test_pythons_own_syntax_is_found_with_what_xpath_writes(pattern: str,
                                                            found: PythonOnly) -> None:
    re.compile(pattern)  # Python accepts every one: pyshacl said nothing
    assert python_only(pattern) == found


def test_a_pattern_in_pythons_syntax_is_a_rule_problem_at_its_statement(tmp_path: Path) -> None:
    """Each placed at its sh:pattern, quoted as written, in zh and en, with what to write
    instead where XPath has it; a pattern XPath reads alike is none (8.3.4 —2)."""
    rulebook = changed_rulebook(tmp_path, _written_before(_shape("QaPatterns", (
        "    sh:property [ sh:path bcic:hasCrisisSource ;\n"
        '        sh:pattern "(?i)^qa$" ;\n'
        "        sh:pattern '\\\\bqa' ;\n"
        '        sh:pattern """^qa(?=x)""" ;\n'
        '        sh:pattern "^[0-9]{,3}$" ;\n'
        + '        sh:pattern "' + XPATH_VALID[0].replace("\\", "\\\\") + '" ] ;\n'))))
    found = rule_problems(rulebook)
    assert {p.kind for p in found} == {ProblemKind.PARAMETER_VALUE}
    assert sorted((p.values["construct"], p.values["instead"]) for p in found) == [
        ("inline_flags", "flags"), ("lookahead", "none"), ("open_minimum", "write"),
        ("word_boundary", "none")]
    flags, boundary = (_lines_holding(tmp_path, CH7, f"sh:pattern {written}")
                       for written in ('"(?i)^qa$"', "'\\\\bqa'"))
    lines = said(rulebook)
    engines = ("this engine (pyshacl) reads patterns with Python's re, which accepts it, but "
               "other SHACL engines refuse the pattern or read it otherwise")
    xpath = ("SHACL takes a regular expression in XPath's syntax there (SHACL 1.0, 4.7.1: that "
             "of fn:matches), which has no")
    assert f"error: shp:QaPatterns ({flags[0]}): sh:pattern \"(?i)^qa$\": {xpath} inline flags: " \
           f"(?i); {engines}; leave (?i) out and write sh:flags \"i\" beside the pattern" \
           in lines["en"]
    assert f"error: shp:QaPatterns ({boundary[0]}): sh:pattern '\\\\bqa': {xpath} word " \
           f"boundary: \\b; {engines}; XPath's regular expressions have no equivalent: check it " \
           "otherwise, or leave it out" in lines["en"]
    assert f"错误：shp:QaPatterns（{flags[0]}）：sh:pattern \"(?i)^qa$\"：SHACL 要求 XPath 语法的正则" \
           "表达式（SHACL 1.0 第 4.7.1 节：即 fn:matches 的语法），而 XPath 的语法没有内联标志：(?i)；" \
           "本验证引擎（pyshacl）以 Python 的 re 读取模式，接受这一写法，但其他 SHACL 验证引擎会拒绝该模式或" \
           "按其他含义读取；请删去 (?i)，并在模式旁写 sh:flags \"i\"" in lines["zh"]
    assert len(lines["en"]) == len(lines["zh"]) == 4
    assert all("sh:pattern \"\"\"^qa(?=x)\"\"\"" in line for line in lines["en"]
               if "look-ahead" in line)
