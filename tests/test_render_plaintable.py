"""Tests of spbe_calc/render/plaintable.py: tables that fit the terminal without cutting a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from spbe_calc.render.plaintable import Column, PlainTable


def _ranks() -> PlainTable:
    """The shape of the peers table: short values under long headers, nothing marked to wrap."""
    table = PlainTable(
        [
            Column(header="Tahun"),
            Column(header="Indeks", align="right"),
            Column(header="Di antara kabupaten seluruh Indonesia", align="right"),
            Column(header="Persentil", align="right"),
        ]
    )
    table.add("2023", "1,05", "394 dari 398", "3")
    table.add("2024", "2,71", "237 dari 392", "53")
    return table


def test_a_long_header_over_short_values_wraps_at_words() -> None:
    lines = _ranks().render(width=50).splitlines()
    assert all(len(line) <= 50 for line in lines)
    assert lines[0].split() == ["Tahun", "Indeks", "Di", "antara", "kabupaten", "Persentil"]  # on two lines
    assert lines[1].strip() == "seluruh Indonesia" and lines[-1].split() == ["2024", "2,71", "237", "dari", "392", "53"]


def test_a_table_that_cannot_fit_is_written_as_blocks() -> None:
    lines = _ranks().render(width=30).splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert "2023" in lines[1] and any("394 dari 398" in line for line in lines)


@given(width=st.integers(min_value=30, max_value=160))
def test_no_line_is_wider_than_asked_and_no_value_is_cut(width: int) -> None:
    text = _ranks().render(width=width)
    assert all(len(line) <= width for line in text.splitlines())
    for value in ("394 dari 398", "237 dari 392", "1,05", "2,71"):
        assert value in text
