"""Tests of spbe_calc/render/report_md.py: the Markdown report, with the same parts as the HTML one."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run
from .helpers import EX21, EX22


def test_markdown_report(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.md"
    r = run("--lang", "en", "report", EX22, "-o", str(out))
    assert r.exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# SPBE Self-Assessment Report: Pemerintah Kabupaten Contoh · 2022")
    assert "**Indeks SPBE: 2.38 — Cukup**" in md
    assert "| D4 | **Layanan SPBE** | 45.50% | 2.93 |" in md
    assert "## Plan to reach the predikat Baik" in md


def test_markdown_report_has_the_same_parts(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.md"
    assert run("report", EX22, "--compare", EX21, "-o", str(out)).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "## Ringkasan" in md and "indeks naik 0,72" in md
    assert "### Domain 1: Kebijakan Internal SPBE" in md and "#### Aspek 1: Kebijakan Internal Tata Kelola SPBE" in md
    assert "**Sri Rahayu, S.Kom., M.T.**" in md and "Kota Contoh, 14 Oktober 2022" in md
