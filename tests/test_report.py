"""Reports: self-contained HTML with a radar chart (checked in headless Chromium) and Markdown."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import EXAMPLES, Run
from .helpers import EXAMPLES_DIR, _answers, _secret
from .pngread import count_color

EX21 = str(EXAMPLES / "kabupaten-contoh-2021.yaml")
EX22 = str(EXAMPLES / "kabupaten-contoh-2022.yaml")


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("SPBE_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required here (SPBE_REQUIRE_BROWSER is set) but was not found")
    return None


def test_html_report_is_self_contained(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.html"
    r = run("report", EX22, "--compare", EX21, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and 'class="radar"' in html and 'class="previous"' in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "no external resources"
    assert "<script" not in html
    # content: index, predikat, every indicator, an explanation, the plan to the next predikat
    assert ">2,38<" in html and "Cukup" in html and "+0,72" in html
    for n in (1, 18, 47):
        assert f"<td class='num no'>{n}</td>" in html
    assert "Perbup Nomor 12 Tahun 2021" in html
    assert "Rencana menuju predikat Baik" in html


def test_html_report_escapes_user_text(run: Run, tmp_path: Path) -> None:
    text = (
        (EXAMPLES / "kabupaten-contoh-2022.yaml")
        .read_text(encoding="utf-8")
        .replace("Pemerintah Kabupaten Contoh", "<script>alert(1)</script> & Co")
    )
    src = tmp_path / "a.yaml"
    src.write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLES / "logo-contoh.svg", tmp_path)  # the cover's logo, named in the file
    out = tmp_path / "r.html"
    assert run("report", str(src), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_radar_is_drawn_in_chromium(run: Run, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium not installed (apt-get install chromium)")
    out = tmp_path / "laporan.html"
    assert run("report", EX22, "--compare", EX21, "-o", str(out)).exit_code == 0
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            "--window-size=1100,4000",
            f"--screenshot={shot}",
            out.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    # The radar's outline is drawn in the current-year blue (#2e86c1), which nothing else on the
    # page uses.
    assert count_color(data, (0x2E, 0x86, 0xC1)) > 400
    # and the bars are drawn in the predikat colours (Cukup: #d68910)
    assert count_color(data, (0xD6, 0x89, 0x10)) > 1000


def test_markdown_report(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "laporan.md"
    r = run("--lang", "en", "report", EX22, "-o", str(out))
    assert r.exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# SPBE Self-Assessment Report: Pemerintah Kabupaten Contoh · 2022")
    assert "**Indeks SPBE: 2.38 — Cukup**" in md
    assert "| D4 | **Layanan SPBE** | 45.50% | 2.93 |" in md
    assert "## Plan to reach the predikat Baik" in md


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
