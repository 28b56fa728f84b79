"""9.2.3: a finding on an observed value that is no number says how to state a rating (name a
level with “rated level”) by whether the observation's indicator is measured on a rating scale
(checker/rated_indicators.py, docs/model.md decision 23), not by whether the value has a digit:
said where a specification of the indicator names a scale, not said where its specifications name
none and no measurement model does, and, where the submission leaves it open, by the value as
before (a value with a digit is an attempt at a number) — in zh and en."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import RDF, Graph, Literal, Namespace

from checker.namespaces import BCIC
from tests.dehua_variants import dehua_with, text_block

EX = Namespace("https://example.org/cluster/dehua/")
OBSERVATION = EX["obs-LocationAdvantage-2020-actual"]
SPECIFICATION = EX["spec-LocationAdvantage"]  # a.1.1's, which names no scale in the sample
RATING = {"zh": "（以评级量表测量的指标不写数值，而以“评定等级”指向测量模型或测量规范所用评级量表中的一个等级）",
          "en": " (an indicator measured on a rating scale states no number: it names a level of "
                "the rating scale its measurement model or specification uses with “rated level”)"}
NOT_A_NUMBER = {"zh": "“数值”的取值“{}”不是数字", "en": "its “value” “{}” is not a number"}


def changed(value: str, *more: Callable[[Graph], None]) -> Callable[[Graph], None]:
    """a.1.1's 2020 actual value written as `value` (text), with the other changes."""
    def change(graph: Graph) -> None:
        graph.set((OBSERVATION, BCIC.observedValue, Literal(value)))
        for other in more:
            other(graph)
    return change


def scale_named(graph: Graph) -> None:
    """a.1.1's specification names a rating scale."""
    graph.add((SPECIFICATION, BCIC.ratingScale, EX["location-scale"]))
    graph.add((EX["location-scale"], RDF.type, BCIC.RatingScale))


def no_specification(graph: Graph) -> None:
    """a.1.1 has no specification: the submission does not say how it is measured."""
    graph.remove((SPECIFICATION, None, None))


def line(value: str, lang: str, *more: Callable[[Graph], None]) -> str:
    """The 9.2.3 line on the changed value, in `lang`."""
    block = text_block(dehua_with(changed(value, *more)), "9.2.3", lang)
    [found] = [x for x in block.split("\n") if NOT_A_NUMBER[lang].format(value) in x]
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_word_for_an_indicator_measured_by_number_is_said_to_be_no_number_only(lang: str) -> None:
    """a.1.1's specification names no scale and the model names none: “七十二” is no number, and
    how to state a rating is not said (today a value with no digit got it)."""
    said = line("七十二", lang)
    assert said.endswith(NOT_A_NUMBER[lang].format("七十二")), said
    assert RATING[lang] not in said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_value_with_a_digit_for_a_rated_indicator_says_how_to_state_a_rating(lang: str) -> None:
    """a.1.1's specification names a scale: “3星” has a digit, but the indicator is rated, so
    the line says how to state a rating (today the digit dropped it)."""
    said = line("3星", lang, scale_named)
    assert said.endswith(NOT_A_NUMBER[lang].format("3星") + RATING[lang]), said


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_for_a_rated_indicator_is_not_told_to_be_written_as_a_number(lang: str) -> None:
    """A rated indicator's value is a level: “35.2%” is told how to state a rating, not to
    write the number 35.2 with its unit apart."""
    said = line("35.2%", lang, scale_named)
    assert said.endswith(NOT_A_NUMBER[lang].format("35.2%") + RATING[lang]), said


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("value, rating", [("七十二", True), ("3星", False)], ids=["word", "digit"])
def test_where_the_submission_does_not_say_the_value_decides_as_before(
        lang: str, value: str, rating: bool) -> None:
    """With no specification of a.1.1, the rule stays: a value with no digit may be a rating
    (said how to state one), a value with a digit is an attempt at a number (not)."""
    said = line(value, lang, no_specification)
    assert (RATING[lang] in said) is rating, said
