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
