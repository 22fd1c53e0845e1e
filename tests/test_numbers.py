"""Tests of spbe_calc/numbers.py."""

from __future__ import annotations

from fractions import Fraction

import pytest

from spbe_calc.numbers import decimal_text, exact_str, is_number


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction("2.38"), "2.38"),
        (Fraction(3), "3"),
        (Fraction(5, 2), "2.5"),
        (Fraction(13, 11), "1.181818181818181818181818181818"),  # 30 places, rounded half-up
        (Fraction(2, 3), "0.666666666666666666666666666667"),
        (Fraction(-1, 8), "-0.125"),
        (Fraction(1, 2**40), "0.000000000000909494701772928238"),  # terminates after 40: 30 shown
        # 2 × 5^25: the places are counted in whole numbers (a float loses 5^25's last digits)
        (Fraction(1, 2 * 5**25), "0.0000000000000000016777216"),
    ],
)
def test_exact_values_in_decimals(value: Fraction, text: str) -> None:
    assert exact_str(value) == text


def test_typed_whole_numbers() -> None:
    assert is_number("123456789") and not is_number("1234567890")  # at most nine digits
    assert not is_number("") and not is_number("²") and not is_number("-1") and is_number("0")


def test_values_that_do_not_end_are_shown_as_fractions() -> None:
    assert decimal_text(Fraction(1, 3)) == "1/3" and decimal_text(Fraction(5, 2)) == "2.5"
