"""Chinese ↔ Arabic numerals: one implementation for article numbers, items, counts and 届次."""

from __future__ import annotations

import re

import pytest

from core.numerals import NUMBER, cn_to_int, int_to_cn, to_int


@pytest.mark.parametrize("value", [1, 9, 10, 11, 18, 20, 23, 99, 100, 105, 110, 999])
def test_numerals_round_trip(value: int) -> None:
    assert cn_to_int(int_to_cn(value)) == value


@pytest.mark.parametrize(("text", "value"), [("18", 18), ("１８", 18), ("十八", 18), ("两", 2), ("一百零五", 105)])
def test_either_notation_reads_as_one_number(text: str, value: int) -> None:
    assert to_int(text) == value
    assert re.fullmatch(NUMBER, text)


@pytest.mark.parametrize("bad", ["", "十八条", "abc"])
def test_what_is_not_a_numeral_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        cn_to_int(bad)
