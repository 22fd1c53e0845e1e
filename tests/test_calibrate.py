"""Tests of spbe_calc/calibrate.py (and its rendering): self-assessed levels against final ones."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from spbe_calc.calibrate import calibrate_files

from .conftest import EXAMPLES, Run
from .helpers import T21, T22, T23


def test_calibration_of_two_years() -> None:
    c = calibrate_files([T23, T22])  # given out of order: shown oldest first
    assert [y.own.answers.tahun for y in c.years] == [2022, 2023]
    y22 = c.years[0]
    assert (y22.own.score.value, y22.final.score.value) == (Fraction("2.6615"), Fraction("2.38"))
    assert y22.gap == Fraction("0.2815")
    over = {int(g.code) for g in y22.indicators if g.gap > 0}
    assert {1, 3, 12, 33} <= over and all(g.gap >= 0 for g in y22.indicators if int(g.code) != 30)
    assert [r.id for r in c.repeated] == [3, 12, 19, 33]


def test_calibrate_refuses_what_it_cannot_compare(write: Callable[..., Path], run: Run) -> None:
    result = run("calibrate", T21)
    assert result.exit_code == 2 and "hasil yang dipublikasikan" in result.stderr
    other = write("b.yaml", Path(T23).read_text(encoding="utf-8").replace("Kabupaten Contoh", "Kota Lain"))
    result = run("calibrate", T22, str(other))
    assert result.exit_code == 2 and "instansi yang berbeda" in result.stderr
    result = run("calibrate", str(EXAMPLES / "kabupaten-contoh-2022.yaml"))
    assert result.exit_code == 2 and "belum punya tingkat akhir" in result.stderr
