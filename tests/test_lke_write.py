"""Tests of spbe_calc/lke/write.py."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import Run
from .helpers import EX22_PATH, MINI_TEXT


def test_csv_cells_are_neutralised_as_a_spreadsheet_reads_them(tmp_path: Path) -> None:
    """Opened in LibreOffice, no cell is a formula and a lone CR does not end the row."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("SPBE_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice is required in CI (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "j.yaml"
    text = EX22_PATH.read_text(encoding="utf-8")
    fakta = json.dumps("teks\r=cmd|' /c calc'!A0")
    text = text.replace("\n  2: 3\n", f'\n  2: {{level: 3, fakta: {fakta}, analisis: "=1+1"}}\n', 1)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "lke.csv"
    assert subprocess.run([sys.executable, "-m", "spbe_calc", "export", str(path), "-o", str(out)]).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 48 and all(len(row) == len(rows[0]) for row in rows)
    profile = tmp_path / "profil"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    sheet = load_workbook(tmp_path / "lke.xlsx").active
    cells = [cell.value for row in sheet.iter_rows() for cell in row]
    assert sheet.max_row == 48  # the CR stayed inside its cell
    assert not any(isinstance(v, str) and v.startswith("=") for v in cells)  # no formula
    assert any(isinstance(v, str) and "=cmd" in v for v in cells)  # shown as text


def _soffice() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("SPBE_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice is required in CI (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")
    return soffice


def test_the_lke_prints_like_a_form(tmp_path: Path) -> None:
    """Printed by LibreOffice: every page says whose form it is and which page of how many, the
    column headers repeat, and a long fakta is printed whole (its row is tall enough)."""
    from pypdf import PdfReader

    soffice = _soffice()
    long = " ".join(f"kalimat{n} tentang kebijakan internal yang sudah ditetapkan." for n in range(14)) + " AKHIRFAKTA"
    text = EX22_PATH.read_text(encoding="utf-8").replace(
        "Pemerintah Kabupaten Contoh", "Pemerintah Kota Contoh & Sekitar"
    )
    text = text.replace("\n  2: 3\n", f'\n  2: {{level: 3, fakta: "{long}", analisis: "Analisis pendek."}}\n', 1)
    path = tmp_path / "j.yaml"
    path.write_text(text, encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert subprocess.run([sys.executable, "-m", "spbe_calc", "export", str(path), "-o", str(book)]).returncode == 0
    sheet = load_workbook(book)["LKE"]
    assert sheet.print_title_rows == "$2:$2" and sheet.page_setup.orientation == "landscape"
    assert sheet.oddFooter.center.text == "Halaman &P dari &N"
    assert sheet.oddHeader.left.text == "Lembar Kerja Evaluasi SPBE — Pemerintah Kota Contoh && Sekitar · 2022"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(book)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    pages = [page.extract_text() for page in PdfReader(tmp_path / "lke.pdf").pages]
    total = len(pages)
    assert total >= 3
    lke_pages = [p for p in pages if "Indikator" in p and "Domain" in p]  # the LKE sheet's pages
    assert len(lke_pages) >= 2  # 47 rows do not fit one landscape page
    for n, page in enumerate(pages, start=1):
        assert f"Halaman {n} dari {total}" in page
    for page in lke_pages:
        assert "Pemerintah Kota Contoh & Sekitar · 2022" in page  # the header, & as written
        assert "Bobot" in page and "Fakta" in page  # the column headers, on every page
    words = " ".join(" ".join(lke_pages).split())
    assert "kalimat13 tentang kebijakan internal" in words and "AKHIRFAKTA" in words  # not cut off


def _csv(run: Run, tmp_path: Path, text: str) -> list[dict[str, str]]:
    source = tmp_path / "j.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "lke.csv"
    assert run("export", str(source), "-o", str(out)).exit_code == 0
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))


def test_level_names_at_both_ends_of_the_scale_and_none_for_an_empty_level(run: Run, tmp_path: Path) -> None:
    rows = _csv(run, tmp_path, "model: spbe-2020\nlevels:\n  1: 1\n  2: 5\n  3: 3\n")
    by_number = {r["No"]: r for r in rows}
    assert [(by_number[n]["Tingkat"], by_number[n]["Nama Tingkat"]) for n in ("1", "2", "3", "4")] == [
        ("1", "Rintisan"),
        ("5", "Optimum"),
        ("3", "Terdefinisi"),
        ("", ""),  # not answered yet: empty cells, not "None"
    ]


def test_a_level_without_a_name_has_an_empty_name_cell(run: Run, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MINI_TEXT.replace("1: {name: Rintisan}", "1: {}", 1), encoding="utf-8")
    rows = _csv(run, tmp_path, "model: m.yaml\nlevels:\n  1: 1\n  2: 3\n")
    assert [(r["Tingkat"], r["Nama Tingkat"]) for r in rows[:2]] == [("1", ""), ("3", "Terdefinisi")]


def test_the_documents_column_appears_only_for_described_documents(run: Run, tmp_path: Path) -> None:
    plain = _csv(run, tmp_path, "model: spbe-2020\nlevels:\n  1: {level: 3, bukti: [SK bupati]}\n")
    assert "bukti (data)" not in plain[0]
    described = _csv(
        run, tmp_path, 'model: spbe-2020\nlevels:\n  1: {level: 3, bukti: [{path: sk.pdf, nomor: "1/2024"}]}\n  2: 4\n'
    )
    assert described[0]["bukti (data)"] and described[0]["Bukti"] == "sk.pdf (1/2024)"
    assert described[1]["bukti (data)"] == ""  # a row without documents has none
