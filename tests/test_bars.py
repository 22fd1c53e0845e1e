"""Tests of spbe_calc/bars.py."""

from __future__ import annotations

from fractions import Fraction

import pytest

from spbe_calc.bars import Bar, parse_bar, spelled
from spbe_calc.errors import SpbeError
from spbe_calc.model import Model

from .conftest import Run
from .helpers import DPS, EX22, EX22_PATH


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["score", EX22, "--fail-under", "7"], "--fail-under 7 di luar rentang indeks model ini (1-5)"),
        (["score", EX22, "--fail-under", "0"], "--fail-under 0 di luar rentang indeks model ini (1-5)"),
        (["plan", EX22, "--target", "5.5"], "--target 5.5 di luar rentang indeks model ini (1-5)"),
        (["plan", DPS, "--target", "5.01"], "--target 5.01 di luar rentang indeks model ini (0-5)"),
    ],
)
def test_bars_outside_the_scale_are_errors(run: Run, args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2 and said in r.stderr
    assert run("plan", DPS, "--target", "0").exit_code == 0  # spbe-2018 starts at 0


@pytest.mark.parametrize("bar", ["1e999999999", "1e-999999999", "9" * 40, "NaN", "Infinity"])
def test_numbers_in_options_are_bounded(run: Run, bar: str) -> None:
    r = run("score", "--fail-under", bar, str(EX22_PATH))
    assert r.exit_code == 2 and "--fail-under" in r.stderr
    r = run("plan", str(EX22_PATH), "--target", bar)
    assert r.exit_code == 2 and "--target 2.5" in r.stderr  # the example names the option used


@pytest.mark.parametrize("bar", ["2_5", "2.5e0", "0x2"])
def test_a_bar_is_a_plain_decimal(run: Run, bar: str) -> None:
    r = run("score", "--fail-under", bar, str(EX22_PATH))
    assert r.exit_code == 2 and "bukan angka maupun nama predikat" in r.stderr


def test_a_bar_not_written_as_a_number_is_a_predikat(run: Run) -> None:
    """Only a text that starts like a number is refused as one; "Xyz" is a predikat the model lacks."""
    r = run("score", EX22, "--fail-under", "Xyz")
    assert r.exit_code == 2
    assert (
        "--fail-under: galat: predikat 'Xyz' tidak dikenal (yang ada: Memuaskan, Sangat Baik, Baik, Cukup, Kurang)"
        in (" ".join(r.stderr.split()))
    )


@pytest.mark.parametrize(("bar", "code"), [("1", 0), ("5", 1), ("5.00", 1), ("2,38", 0), ("2.39", 1)])
def test_the_ends_of_the_index_range_are_bars(run: Run, bar: str, code: int) -> None:
    """1 and 5 are bars a file can meet or fail; the example's index is 2.38."""
    assert run("score", EX22, "--fail-under", bar).exit_code == code


def test_a_predikat_bar_is_written_as_the_model_writes_it(model: Model) -> None:
    typed = parse_bar("  sangat   BAIK ", "--target")
    assert typed == Bar("  sangat   BAIK ", predikat="sangat BAIK")
    assert spelled(typed, model) == Bar("Sangat Baik", predikat="Sangat Baik")
    number = parse_bar("2,5", "--target")
    assert number == Bar("2,5", number=Fraction(5, 2)) and spelled(number, model) == number
    unknown = parse_bar("Luar Biasa", "--target")
    assert spelled(unknown, model) == unknown


def test_a_plan_names_a_typed_predikat_officially(run: Run) -> None:
    out = " ".join(run("plan", EX22, "--target", "sangat baik").stdout.split())
    assert "Sangat Baik" in out and "sangat baik" not in out


@pytest.mark.parametrize(
    "text",
    ["inf", "INF", "Infinity", "nan", "NaN", "+2", "-1", ".5", ",5", "2_5", "12345678", "0.0000001", "1." + "0" * 30],
)
def test_a_bar_that_is_no_plain_index_is_refused_naming_the_option(text: str) -> None:
    with pytest.raises(SpbeError) as caught:
        parse_bar(text, "--target")
    assert [(p.path, p.code, p.args) for p in caught.value.problems] == [
        ("--target", "bad-bar", {"value": text, "option": "--target"})
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [("1234567", 1234567), ("0.000001", Fraction(1, 10**6)), ("1." + "0" * 29, 1), ("2,75", Fraction(11, 4))],
)
def test_a_bar_at_the_edges_of_what_is_read_is_a_number(text: str, number: Fraction) -> None:
    """Six orders of magnitude either way and thirty digits are read (and then checked against the scale)."""
    assert parse_bar(text, "--target") == Bar(text, number=Fraction(number))
