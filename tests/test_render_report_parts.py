"""spbe_calc.render.report_parts: the words and cells the HTML and Markdown reports share."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from spbe_calc.bars import parse_bar, spelled
from spbe_calc.i18n import set_language
from spbe_calc.model import Model
from spbe_calc.render.report_parts import dateline, level_change, target_text


def test_the_dateline_names_the_place_when_there_is_one() -> None:
    day = datetime.date(2022, 10, 14)
    assert dateline("Kota Contoh", day) == "Kota Contoh, 14 Oktober 2022"
    assert dateline(None, day) == dateline("", day) == "14 Oktober 2022"
    assert dateline("Kota\x1b[2J", day).startswith("Kota\\u001b[2J, ")  # a file's text, escaped


@pytest.mark.parametrize(
    ("typed", "places", "said"),
    [
        ("2.5", 2, "indeks 2,50"),  # at least the model's decimals
        ("2.375", 2, "indeks 2,375"),  # and as many as were typed
        ("3", 2, "indeks 3,00"),
        ("sangat baik", 2, "predikat Sangat Baik"),  # an official name, however it was typed
    ],
)
def test_a_target_is_said_as_it_was_typed(model: Model, typed: str, places: int, said: str) -> None:
    assert target_text(spelled(parse_bar(typed, "--target"), model), places) == said


def test_a_target_in_english() -> None:
    set_language("en")
    assert target_text(parse_bar("2.5", "--target"), 2) == "an index of 2.50"


@pytest.mark.parametrize(
    ("change", "cell"),
    [(None, ""), (Fraction(0), "0"), (Fraction(1), "+1"), (Fraction(-2), "-2"), (Fraction(1, 2), "+0,50")],
)
def test_a_level_change_fits_a_cell(change: Fraction | None, cell: str) -> None:
    assert level_change(change) == cell
