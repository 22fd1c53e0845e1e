"""Tests of spbe_calc/render/score_csv.py."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from .conftest import Run
from .helpers import EX22_PATH, _nasty_answers

CSV_FORMULA = '=HYPERLINK("http://x","y")'


def test_csv_cells_never_start_a_formula(run: Run, write: Callable[..., Path]) -> None:
    for n, start in enumerate(["=", "+", "-", "@", "\t"]):
        path = _nasty_answers(write, f"{start}{CSV_FORMULA}", f"f{n}.yaml")
        r = run("score", "-f", "csv", str(path))
        row = next(csv.DictReader(io.StringIO(r.stdout)))
        assert row["instansi"].startswith("'"), row["instansi"]
    formula_file = write("=cmd.yaml", EX22_PATH.read_text(encoding="utf-8"))
    row = next(csv.DictReader(io.StringIO(run("score", "-f", "csv", str(formula_file)).stdout)))
    assert not row["file"].startswith("=")
