"""Lines and columns as the parsers count them: a line ends at LF, CR or CR LF."""

import pytest

from checker.text_position import column_of_byte, text_lines, text_position


@pytest.mark.parametrize(("before", "place"), [
    ("", (1, 1)),
    ("abc", (1, 4)),
    ("a\nbc", (2, 3)),
    ("a\rbc", (2, 3)),
    ("a\r\nbc", (2, 3)),
    ("a\n\rbc", (3, 3)),
    ("a\r\r\n\nb", (4, 2)),
    ("a\x0c\x85\u2028b", (1, 6)),  # no line end for the RDF parsers, unlike str.splitlines
])
def test_a_line_ends_at_a_line_feed_a_carriage_return_or_both(
        before: str, place: tuple[int, int]) -> None:
    assert text_position(before) == place


def test_line_n_of_text_lines_is_the_line_text_position_names() -> None:
    text = "one\rtwo\r\nthree\nfour\x85 still four"
    lines = text_lines(text)
    assert lines == ["one", "two", "three", "four\x85 still four"]
    line, column = text_position(text[: text.index("still")])
    assert lines[line - 1][column - 1:] == "still four"


@pytest.mark.parametrize(("line", "byte_column", "column"), [
    (1, 1, 1), (2, 7, 3), (2, 8, 4), (3, 5, 5), (9, 40, 40),
])
def test_a_column_in_utf8_bytes_becomes_one_in_characters(
        line: int, byte_column: int, column: int) -> None:
    """Line 2 opens with two CJK characters of three bytes each; line 9 does not exist."""
    assert column_of_byte("abc\r中文ab\nabcd", line, byte_column) == column
