"""Tests of spbe_calc/render/score_text.py."""

from __future__ import annotations

from .conftest import Run
from .helpers import EX22, THIRDS, Write


def test_the_exact_index_is_shown_only_when_it_says_more(run: Run, write: Write) -> None:
    assert "nilai tepat" not in run("score", EX22).stdout  # 2.38 is exact
    model = write("sepertiga.yaml", THIRDS)
    assert run("validate", str(model)).exit_code == 0
    out = run("score", str(write("j.yaml", "model: sepertiga.yaml\nlevels: {1: 1, 2: 1, 3: 2}\n"))).stdout
    assert "Model Sepertiga: 1,33" in out
    assert "(nilai tepat 4/3)" in out and "1.3333" not in out
