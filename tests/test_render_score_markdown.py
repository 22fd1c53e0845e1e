"""Tests of spbe_calc/render/score_markdown.py: the summary table for pull requests and wikis."""

from __future__ import annotations

from .conftest import Run
from .helpers import EX21, EX22


def test_markdown_summary(run: Run) -> None:
    r = run("score", "-f", "markdown", EX21, EX22)
    assert r.exit_code == 0
    assert r.stdout.startswith("## Indeks SPBE")
    assert "| Pemerintah Kabupaten Contoh | 2022 | 2,38 | Cukup |" in r.stdout
    assert "| D4 | **Layanan SPBE** | 45,50% | 2,93 | Baik |" in r.stdout
