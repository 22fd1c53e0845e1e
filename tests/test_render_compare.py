"""Tests of spbe_calc/render/compare.py: whose each column is, in text and JSON."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run
from .helpers import DPS, EX21, EX22


def test_compare_says_whose_each_column_is(run: Run, tmp_path: Path) -> None:
    r = run("compare", DPS, EX22)
    assert (
        "(1) Pemerintah Kota Denpasar · 2018 ·" in r.stdout and "(2) Pemerintah Kabupaten Contoh · 2022 ·" in r.stdout
    )
    copy = tmp_path / "salinan.yaml"
    copy.write_text(Path(EX22).read_text(encoding="utf-8"))
    r = run("compare", EX21, EX22, str(copy))
    assert f"(3) Pemerintah Kabupaten Contoh · 2022 · {copy}" in r.stdout
    header = next(line for line in run("compare", EX21, EX22).stdout.splitlines() if line.startswith("Kode"))
    assert "2021" in header and "2022" in header  # one agency, one file a year: the years say it


def test_exactly_ten_gains_are_all_listed_with_their_numbers_aligned_right(run: Run, tmp_path: Path) -> None:
    """Indicators 1-10 raised: the list holds all ten (no "and 0 more"), numbers under each other."""
    from .conftest import answers_text

    before = dict.fromkeys(range(1, 48), 1)
    after = {i: 2 if i <= 10 else 1 for i in range(1, 48)}
    (tmp_path / "a.yaml").write_text(answers_text(before, instansi='"Kab"', tahun=2023))
    (tmp_path / "b.yaml").write_text(answers_text(after, instansi='"Kab"', tahun=2024))
    lines = run("compare", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")).stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("Kenaikan terbesar"))
    numbers = [line[:2] for line in lines[start + 1 :] if line[:2].strip()]  # names wrap onto indented lines
    assert numbers == [" 1", " 2", " 3", " 4", " 5", " 6", " 7", " 8", " 9", "10"]
    assert not any(line.startswith("…") for line in lines[start:])
