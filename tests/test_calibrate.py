"""Tests of spbe_calc/calibrate.py (and its rendering): self-assessed levels against final ones."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_calc.calibrate import calibrate_files
from spbe_calc.errors import SpbeError

from .conftest import EXAMPLES, Run
from .helpers import MINI_TEXT, T21, T22, T23, Write


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


def _year(write: Write, name: str, year: int, text: str = "") -> str:
    """T23 copied as another year (under a name that does not sort by year), edited by ``text``."""
    body = Path(T23).read_text(encoding="utf-8").replace("tahun: 2023", f"tahun: {year}")
    if text:
        body = body.replace("  12:\n    level: 3\n    tahap: {akhir: 2}", text)
    return str(write(name, body))


def test_years_are_shown_oldest_first_whatever_the_file_names(write: Write) -> None:
    files = [_year(write, "a.yaml", 2025), _year(write, "b.yaml", 2023), _year(write, "c.yaml", 2024)]
    assert [y.own.answers.tahun for y in calibrate_files(files).years] == [2023, 2024, 2025]


def test_repeated_overclaims_most_years_first_then_by_number(write: Write) -> None:
    fair = "  12:\n    level: 2\n    tahap: {akhir: 2}"  # no longer over-claimed in 2024
    files = [_year(write, "x.yaml", 2022), _year(write, "y.yaml", 2023), _year(write, "z.yaml", 2024, fair)]
    repeated = calibrate_files(files).repeated
    counts = [(len(r.years), r.id) for r in repeated]
    assert counts == sorted(counts, key=lambda c: (-c[0], c[1])) and counts[-1] == (2, 12)
    assert all(n == 3 for n, _ in counts[:-1]) and len(counts) > 2
    assert {r.model for r in repeated} == {"spbe-2020"}
    twelve = next(r for r in repeated if r.id == 12)
    assert twelve.years == ((2022, 3, 2), (2023, 3, 2)) and twelve.name.startswith("Tingkat Kematangan")


def test_every_files_problems_are_reported_together(write: Write) -> None:
    one = write("a.yaml", "model: spbe-2020\ninstansi: X\ntahun: 2024\nlevels:\n  1: {level: 3, tahap: {akhir: 2}}\n")
    two = write("b.yaml", "model: spbe-2020\ninstansi: X\ntahun: 2023\nlevels:\n  1: {level: 9}\n")
    with pytest.raises(SpbeError) as info:
        calibrate_files([str(one), str(two)])
    found = [(Path(p.path).name, p.code) for p in info.value.problems]
    # Both stages of the first file, and the second file too: nothing is left for a second run.
    assert ("a.yaml", "missing-indicators") in found and ("a.yaml", "missing-stage") in found
    assert ("b.yaml", "level-out-of-range") in found
    assert len(found) == len(set(found))  # each once, though both stages read the same file


def test_missing_levels_say_what_calibration_needs(run: Run, write: Write) -> None:
    path = write("a.yaml", "model: spbe-2020\ninstansi: X\ntahun: 2024\nlevels:\n  1: {level: 3, tahap: {akhir: 2}}\n")
    r = run("calibrate", str(path))
    assert r.exit_code == 2 and "Rencana" not in r.stderr  # not the plan's advice
    assert r.stderr.count("Kalibrasi membandingkan tingkat mandiri dan tingkat akhir") == 2
    assert f"spbe-calc assess {path} --indicators '2-47'" in r.stderr and "--stage akhir" in r.stderr


def test_files_of_two_agencies_name_both(write: Write) -> None:
    other = write("b.yaml", Path(T23).read_text(encoding="utf-8").replace("Kabupaten Contoh", "Kota Lain"))
    with pytest.raises(SpbeError) as info:
        calibrate_files([T22, str(other)])
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == (T22, "calibrate-instansi")
    assert problem.args["names"] == "Pemerintah Kabupaten Contoh, Pemerintah Kota Lain"


def test_the_model_asked_for_is_the_one_used(write: Write) -> None:
    write("m.yaml", MINI_TEXT)
    levels = "".join(f"  {i}: {{level: 3, tahap: {{akhir: 2}}}}\n" for i in range(1, 6))
    path = write("a.yaml", f"instansi: X\ntahun: 2024\nlevels:\n{levels}")
    (year,) = calibrate_files([str(path)], str(path.parent / "m.yaml")).years
    assert (year.own.model.id, year.gap) == ("mini", 1)
    with pytest.raises(SpbeError):
        calibrate_files([str(path)])  # the bundled model has 47 indicators
