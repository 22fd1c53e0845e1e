"""Tests of spbe_calc/render/plaintable.py: tables that fit the terminal without cutting a word."""

from __future__ import annotations

import pytest
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


def test_pairs_pack_on_a_line_up_to_the_width_and_never_split_a_pair() -> None:
    from spbe_calc.render.plaintable import _pairs

    two = [("A", "1", ""), ("B", "2", "")]
    assert _pairs(two, 12, False) == ["   A 1 · B 2"]  # exactly the width
    assert _pairs(two, 11, False) == ["   A 1", "   B 2"]
    assert _pairs([("Ab", "cd", "")], 8, False) == ["   Ab cd"]
    assert _pairs([("Ab", "cd", "")], 7, False) == ["   Ab", "   cd"]  # alone too long: header, then value
    assert _pairs([("", "nilai", "")], 20, False) == ["   nilai"]  # no header, no leading blank
    three = [("A", "1", ""), ("B", "2", ""), ("C", "3", "")]
    assert _pairs(three, 18, False) == ["   A 1 · B 2 · C 3"]  # a third pair to the width exactly
    assert _pairs([("Sangatpanjangsekali", "1", "")], 10, False) == ["   Sangatpanjangsekali", "   1"]  # never cut
    long = [("Nama", "satu dua tiga empat", ""), ("X", "1", "")]
    assert _pairs(long, 12, False) == ["   Nama", "   satu dua", "   tiga", "   empat", "   X 1"]


def test_pairs_colour_the_value_and_not_the_header() -> None:
    from spbe_calc.render.plaintable import _pairs

    assert _pairs([("A", "1", "bold")], 20, True) == ["   A \x1b[1m1\x1b[0m"]
    assert _pairs([("", "1", "bold")], 20, True) == ["   \x1b[1m1\x1b[0m"]
    assert _pairs([("Nama panjang sekali", "satu", "bold")], 10, True) == [
        "   Nama",
        "   panjang",
        "   sekali",
        "   \x1b[1msatu\x1b[0m",
    ]


def test_a_stacked_row_wraps_under_its_first_cell_and_takes_the_wrapping_cells_style() -> None:
    table = PlainTable([Column("#", align="right"), Column("Nama", wrap=True), Column("Nilai", align="right")])
    table.add("1", ("Kabupaten Satu Dua Tiga", "bold"), "2,50")
    table.add(("10", "dim"), "Kota", "")
    assert table.render(20, False) == "─" * 20 + "\n1 Kabupaten Satu Dua\n  Tiga\n   Nilai 2,50\n10 Kota"
    coloured = table.render(20, True).splitlines()
    assert coloured[1] == "\x1b[1m1 Kabupaten Satu Dua\x1b[0m" and coloured[4] == "\x1b[2m10 Kota\x1b[0m"


def test_a_value_longer_than_a_line_keeps_its_words_whole() -> None:
    from spbe_calc.render.plaintable import _pairs

    path = "/arsip/bukti/" + "a" * 40 + ".pdf"
    assert _pairs([("Dokumen", path, "")], 30, False) == ["   Dokumen", "   " + path]
    assert _pairs([("Dokumen", "dua kata", ""), ("X", "1", "")], 12, False) == ["   Dokumen", "   dua kata", "   X 1"]


def test_a_stacked_table_without_a_wrapping_column_wraps_its_first_cell_flush() -> None:
    table = PlainTable([Column("Nama"), Column("Nilai", align="right")])
    table.add("Kabupaten Satu Dua Tiga", "2,50")
    assert table.render(12).splitlines() == ["─" * 12, "Kabupaten", "Satu Dua", "Tiga", "   Nilai", "   2,50"]


def test_a_stacked_first_cell_is_never_cut() -> None:
    table = PlainTable([Column("#"), Column("Nama", wrap=True), Column("Nilai")])
    table.add("1", "Kabupatenpanjangsekali", "2,50")
    assert table.render(10).splitlines()[1:3] == ["1", "  Kabupatenpanjangsekali"]


def test_stacked_values_of_columns_without_a_header_stand_alone() -> None:
    table = PlainTable([Column("Nama", wrap=True), Column("#"), Column(""), Column("Nilai")])
    table.add("Kabupaten Satu", "7", "naik", "2,50")
    table.add("", "", "", "1,00")  # a row without a name still starts its own block
    assert table.render(14).splitlines() == [
        "─" * 14,
        "Kabupaten Satu",
        "   7 · naik",
        "   Nilai 2,50",
        "",
        "   Nilai 1,00",
    ]


def test_a_path_may_split_down_to_ten_columns_and_no_further() -> None:
    table = PlainTable([Column("#"), Column("Berkas", wrap=True, split=True)])
    table.add("1", "/arsip/bukti/berkas.yaml")
    assert table.render(14).splitlines() == [
        "#   Berkas",
        "──────────────",
        "1   /arsip/buk",
        "    ti/berkas.",
        "    yaml",
    ]
    assert table.render(13).splitlines()[1:] == ["1", "  /arsip/bukti/berkas.yaml"]  # 10 would not fit: a block


def test_a_wrapping_column_at_its_longest_word_is_not_cut_further() -> None:
    table = PlainTable([Column("Nama", wrap=True), Column("Nilai")])
    table.add("Kabupaten Satu", "2,50")
    assert table.render(17).splitlines() == ["Nama        Nilai", "─────────────────", "Kabupaten   2,50", "Satu"]
    assert table.render(16).splitlines() == ["─" * 16, "Kabupaten Satu", "   Nilai 2,50"]


def test_a_column_without_any_word_takes_no_room() -> None:
    table = PlainTable([Column("", wrap=True), Column("Nilai yang panjang")])
    table.add("", "1")
    assert table.render(21).splitlines() == ["   Nilai yang panjang", "─" * 21, "   1"]


@pytest.mark.parametrize("width", [38, 39, 40, 41, 42])
def test_a_column_that_does_not_wrap_keeps_each_value_whole_under_a_long_header(width: int) -> None:
    # Its header may wrap at words, but its values ("394 dari 398") are never cut to fit.
    text = _ranks().render(width=width)
    assert "394 dari 398" in text and "237 dari 392" in text
    assert all(len(line) <= width for line in text.splitlines())
