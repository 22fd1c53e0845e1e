"""Tests of spbe_calc/kinds.py."""

from __future__ import annotations

import pytest

from .conftest import EXAMPLES, ROOT, Run
from .helpers import EX21, EX22


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["score", str(ROOT / "indicators.yaml")], "ini berkas model, bukan berkas jawaban"),
        (["score", str(EXAMPLES / "rencana-2023.yaml")], "ini berkas rencana, bukan berkas jawaban"),
        (["score", EX22, "--model", EX21], "ini berkas jawaban, bukan berkas model"),
        (["plan", EX22, "-t", "Baik", "-c", EX21], "ini berkas jawaban, bukan berkas rencana"),
    ],
)
def test_a_file_of_the_wrong_kind_is_one_line(run: Run, args: list[str], said: str) -> None:
    r = run(*args)
    assert r.exit_code == 2
    errors = [line for line in r.stderr.splitlines() if ": galat: " in line]
    assert len(errors) == 1 and said in errors[0] and "tidak dikenal" not in r.stderr
