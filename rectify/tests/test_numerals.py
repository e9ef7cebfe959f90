"""Numerals as reports print them (rectify/numerals.py)."""

import pytest

from rectify.numerals import to_int


@pytest.mark.parametrize(
    ("printed", "value"),
    [("13", 13), ("１３", 13), ("十三", 13), ("二〇二五", 2025), ("两", 2), ("①", 1), ("⑵", 2), ("⒈", 1)],
)
def test_numerals_in_every_printed_form_are_read(printed, value):
    assert to_int(printed) == value


@pytest.mark.parametrize("printed", ["", "  ", "½", "问题", "①②"])
def test_what_is_not_a_whole_numeral_is_none_not_an_error(printed):
    # A hypothesis run found "①" raising ValueError from int(): isdigit() is true for it.
    assert to_int(printed) is None
