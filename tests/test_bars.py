"""Tests of spbe_calc/bars.py."""

from __future__ import annotations

import pytest

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
