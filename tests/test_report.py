"""Reports: self-contained HTML with a radar chart (checked in headless Chromium) and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Run
from .helpers import EX21, EX22, EXAMPLES_DIR, _answers, _secret


def test_report_needs_known_suffix(run: Run, tmp_path: Path) -> None:
    r = run("report", EX22, "-o", str(tmp_path / "r.docx"))
    assert r.exit_code == 2 and ".html" in r.stderr
    assert "--format" in r.stderr  # the other way out


def test_report_format_option_overrides_the_suffix(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.txt"
    assert run("report", EX22, "-o", str(out), "-f", "markdown").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Laporan Penilaian Mandiri SPBE")
    html = tmp_path / "laporan.md"
    assert run("report", EX22, "-o", str(html), "--format", "html").exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = run("report", EX22, "-o", str(out), "-f", "docx")
    assert r.exit_code == 2 and "html, markdown, pdf" in r.stderr


def test_a_logo_over_its_own_limit_is_refused(run: Run, tmp_path: Path) -> None:
    """The logo's limit (2 MB) is its own, below the 10 MB of a YAML file."""
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * (3 * 1024 * 1024))
    out = tmp_path / "r.html"
    r = run("report", str(EXAMPLES_DIR / "kabupaten-contoh-2022.yaml"), "-o", str(out), "--logo", str(logo))
    assert r.exit_code == 2 and "terlalu besar" in r.stderr and not out.exists()


def test_the_report_legend_speaks_of_last_year_only_with_compare(run: Run, tmp_path: Path) -> None:
    alone, compared = tmp_path / "a.html", tmp_path / "b.html"
    assert run("report", EX22, "-o", str(alone)).exit_code == 0
    assert run("report", EX22, "--compare", EX21, "-o", str(compared)).exit_code == 0
    assert "putus-putus" not in alone.read_text(encoding="utf-8")
    assert "Garis putus-putus = 2021." in compared.read_text(encoding="utf-8")


def test_a_report_marks_outside_evidence_and_refuses_an_outside_logo(run: Run, tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    path = _answers(folder, extra=json.dumps([str(secret)]))
    r = run("report", str(path), "-o", str(folder / "r.html"))
    assert r.exit_code == 0 and "di luar folder berkas jawaban" in (folder / "r.html").read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8").replace('logo: "logo-contoh.svg"', f"logo: {json.dumps(str(secret))}")
    path.write_text(text, encoding="utf-8")
    r = run("report", str(path), "-o", str(folder / "r2.html"))
    assert r.exit_code == 2 and "laporan.logo" in r.stderr and "rahasia" not in r.stderr
    assert not (folder / "r2.html").exists()


def test_a_missing_logo_is_named_as_the_logo_with_its_line(run: Run, tmp_path: Path) -> None:
    path = _answers(tmp_path)
    (tmp_path / "logo-contoh.svg").unlink()
    r = run("report", str(path), "-o", str(tmp_path / "r.html"))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "logo:" in text)
    assert r.exit_code == 2 and f"jawaban.yaml:{line}:" in r.stderr and "laporan.logo" in r.stderr
