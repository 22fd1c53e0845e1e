"""Tests of spbe_calc/lke/write.py."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import EXAMPLES, Run
from .helpers import EX22_PATH, MINI_TEXT


def test_csv_cells_are_neutralised_as_a_spreadsheet_reads_them(run: Run, tmp_path: Path) -> None:
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
    assert run("export", str(path), "-o", str(out)).exit_code == 0  # in process: a mutation run sees it
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


def test_the_lke_prints_like_a_form(run: Run, tmp_path: Path) -> None:
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
    assert run("export", str(path), "-o", str(book)).exit_code == 0
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
    # Rows without evidence (44 here) once carried a clipped "###" from a hidden column: not seen
    # on paper, but copied with the text and read out by screen readers.
    assert not any("###" in page for page in pages)
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


def test_the_workbook_is_laid_out_as_a_form(run: Run, tmp_path: Path) -> None:
    """What people see and print: column widths (helper columns hidden), the title over the visible
    columns, a shaded header row, rows tall enough for their text, number formats, and each
    sheet on A4 landscape pages with a header and footer in 9 pt. The exact figures are the form's
    design: change them here when the design changes."""
    example = (EXAMPLES / "tahap" / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    example = example.replace("Pemerintah Kabupaten Contoh", "Pemerintah " + "K" * 239, 1)  # a 250-character name
    fakta = "x" * 100  # 34 characters a line in the 36-wide column: 3 lines

    def with_texts(path: Path, texts: str) -> Path:
        assert "  2:\n    level: 3\n" in example
        path.write_text(example.replace("  2:\n    level: 3\n", f"  2:\n    level: 3\n{texts}", 1), encoding="utf-8")
        return path

    source = with_texts(tmp_path / "j.yaml", f"    fakta: {fakta}\n    analisis: {'y' * 5000}\n")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book), "--stage", "akhir").exit_code == 0
    wb = load_workbook(book)
    lke, hasil, info = wb["LKE"], wb["Hasil"], wb["Info"]
    headers = [c.value for c in lke[2]]
    widths = {h: (lke.column_dimensions[c.column_letter].width, bool(lke.column_dimensions[c.column_letter].hidden))
              for h, c in zip(headers, lke[2])}  # fmt: skip
    assert widths == {
        "Domain": (16, False), "Aspek": (20, False), "No": (6, False), "Indikator": (36, False),
        "Bobot (%)": (9, False), "Tingkat": (9, False), "Nama Tingkat": (13, False), "Fakta": (36, False),
        "Analisis": (36, False), "Bukti": (30, False), "Tingkat Dokumen": (11, False),
        "Tingkat Interviu": (11, False), "Tingkat Akhir": (11, False), "bukti (data)": (11, True),
        "satuan": (11, True), "kode aspek": (11, True), "kode domain": (11, True), "nilai": (11, True),
        "kosong": (11, True),
    }  # fmt: skip
    assert {str(r) for r in lke.merged_cells.ranges} == {"A1:M1"}  # the title over the visible columns
    title = lke["A1"]
    assert (title.font.b, title.font.sz, title.alignment.wrap_text, title.alignment.vertical) == (True, 12, True, "top")
    assert len(title.value) == 317 and lke.row_dimensions[1].height == 18 * 2  # two lines over 244 columns
    for cell in lke[2]:
        assert (cell.font.b, cell.fill.fill_type, cell.fill.fgColor.rgb) == (True, "solid", "00DDE6EE")
        assert (cell.alignment.wrap_text, cell.alignment.vertical) == (True, "top")
    assert lke.row_dimensions[2].height == 30
    assert lke.row_dimensions[4].height == 409  # 5,000 characters of analisis: the most a row may be
    row = dict(zip(headers, lke[4]))
    assert row["Fakta"].value == fakta and row["Bobot (%)"].number_format == "0.00"
    for h in ("Domain", "Aspek", "Indikator", "Fakta", "Analisis", "Bukti"):
        assert (row[h].alignment.wrap_text, row[h].alignment.vertical) == (True, "top"), h
    for h in ("No", "Bobot (%)", "Tingkat", "Nama Tingkat", "Tingkat Akhir"):
        assert (row[h].alignment.wrap_text, row[h].alignment.vertical) == (None, "top"), h
    fakta_only = with_texts(tmp_path / "k.yaml", f"    fakta: {fakta}\n")
    assert run("export", str(fakta_only), "-o", str(book)).exit_code == 0
    assert load_workbook(book)["LKE"].row_dimensions[4].height == 15 * 3
    assert (lke.freeze_panes, lke.auto_filter.ref, lke.print_title_rows) == ("E3", "A2:J49", "$2:$2")
    assert hasil["A1"].value == "Hasil — Pemerintah " + "K" * 239 + " 2022"
    assert hasil["A1"].font.b and hasil["A1"].font.sz == 13
    assert [c.value for c in hasil[4]] == [
        "Kode", "Nama", "Bobot (%)", "Indeks", "Predikat", "Indeks tepat", "satuan", "satuan total",
    ]  # fmt: skip
    assert [(hasil.column_dimensions[c].width, bool(hasil.column_dimensions[c].hidden)) for c in "ABCDEFGH"] == [
        (8, False), (48, False), (13, False), (13, False), (13, False), (13, False), (13, True), (13, True),
    ]  # fmt: skip
    assert sorted(hasil.column_dimensions) == list("ABCDEFGH")  # no other column is sized or hidden
    assert all(c.font.b for c in hasil[4])  # the column heads
    domain, aspect = hasil[5], hasil[6]  # D1, then its first aspect
    assert (domain[0].value, aspect[0].value) == ("D1", "A1")
    assert [c.font.b for c in domain[:5]] == [True] * 5 and not any(c.font.b for c in aspect[:5])
    assert [c.number_format for c in domain[2:6]] == ["0.00", "0.00", "General", "0.0000"]
    assert (hasil.freeze_panes, hasil.print_title_rows) == ("A5", "$4:$4")
    signers = next(r for r in range(1, 30) if info.cell(row=r, column=1).value == "Penandatangan")
    assert info["A1"].font.b and all(c.font.b for c in info[signers][:5])  # the signers' heading and columns
    assert [info.column_dimensions[c].width for c in "ABCDE"] == [26, 36, 36, 36, 36]
    assert sorted(info.column_dimensions) == list("ABCDE")
    assert info["A1"].value == "spbe-calc LKE"
    names = {name: wb.defined_names[name].attr_text for name in ("IndeksSPBE", "Predikat", "IndeksTepat")}
    index_row = next(r for r in range(5, 30) if hasil.cell(row=r, column=2).value == "Indeks SPBE")
    assert names == {n: f"Hasil!${c}${index_row}" for n, c in zip(names, "DEF")}
    for sheet in (lke, hasil, info):
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        margins = sheet.page_margins
        assert (margins.top, margins.bottom, margins.header, margins.footer) == (0.8, 0.8, 0.3, 0.3)
        assert sheet.oddHeader.left.size == sheet.oddHeader.right.size == sheet.oddFooter.center.size == 9
        assert sheet.oddHeader.right.text == f"{sheet.title} · Indeks SPBE (PermenPANRB 59/2020)"
        assert sheet.oddHeader.left.text.startswith("Lembar Kerja Evaluasi SPBE — Pemerintah KKK")


def test_the_result_sheet_gives_each_domain_aspect_and_the_index_its_weight(run: Run, tmp_path: Path) -> None:
    """Hasil's Bobot (%) column: each domain's and aspect's weight from the model, and the sum of
    the aspects' (100) on the index's row, as numbers."""
    from spbe_calc.model import load_model

    model = load_model("spbe-2020")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(EX22_PATH), "-o", str(book)).exit_code == 0
    hasil = load_workbook(book)["Hasil"]
    weights = {row[1]: row[2] for row in hasil.iter_rows(min_row=5, max_col=3, values_only=True) if row[1]}
    expected = {d.name: float(d.weight) for d in model.domains} | {a.name: float(a.weight) for a in model.aspects}
    assert {name: weights[name] for name in expected} == expected
    assert weights[model.name] == 100.0
    assert [d.weight for d in model.domains][:2] == [13, 25]  # not all one value: a swap would show


def test_the_result_sheet_lists_domains_with_their_aspects_then_the_index(run: Run, tmp_path: Path) -> None:
    """Row by row: each domain (bold) followed by its aspects, an empty row, the index (bold), an
    empty row, the count of indicators not answered and what it means."""
    book = tmp_path / "lke.xlsx"
    assert run("export", str(EX22_PATH), "-o", str(book)).exit_code == 0
    hasil = load_workbook(book)["Hasil"]
    got = [(a.value, b.value, a.font.b) for a, b in hasil.iter_rows(min_row=5, max_col=2)]
    codes = ["D1", "A1", "D2", "A2", "A3", "A4", "D3", "A5", "A6", "D4", "A7", "A8"]
    assert [(code, bold) for code, _, bold in got[:12]] == [(c, c[0] == "D") for c in codes]
    assert got[1][1] == "Kebijakan Internal Tata Kelola SPBE" and got[11][1] == "Layanan Publik Berbasis Elektronik"
    assert got[12:] == [
        (None, None, False),
        (None, "Indeks SPBE", True),
        (None, None, False),
        (None, "Indikator belum diisi", False),
        (None, "Indikator yang belum diisi dihitung pada tingkat terendah (seperti score --partial).", False),
    ]


def test_the_result_sheet_of_a_model_without_domains_lists_its_aspects(run: Run, tmp_path: Path) -> None:
    from .helpers import TWO_SCALES

    (tmp_path / "m.yaml").write_text(TWO_SCALES, encoding="utf-8")
    (tmp_path / "j.yaml").write_text("model: m.yaml\nlevels:\n  1: 4\n  2: 3\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(tmp_path / "j.yaml"), "-o", str(book)).exit_code == 0
    hasil = load_workbook(book)["Hasil"]
    rows = [[c.value for c in row] for row in hasil.iter_rows(min_row=5, max_row=7, max_col=8)]
    assert rows[0][:3] == ["A1", "Aspek", 2] and rows[1] == [None] * 8
    assert rows[2][:3] == [None, "Dua Skala", 2]
    assert rows[0][6] == "=SUMIF(LKE!$M$3:$M$4,1,LKE!$O$3:$O$4)" and rows[2][6] == "=SUM(LKE!$O$3:$O$4)"
    lke = load_workbook(book)["LKE"]
    assert [(lke[f"A{r}"].value, lke[f"B{r}"].value) for r in (3, 4)] == [(None, "Aspek")] * 2  # no domain to name


def test_the_info_sheet_holds_the_answers_files_own_fields_then_its_signers(run: Run, tmp_path: Path) -> None:
    book = tmp_path / "lke.xlsx"
    assert run("export", str(EX22_PATH), "-o", str(book)).exit_code == 0
    info = load_workbook(book)["Info"]
    assert [[c.value for c in row if c.value is not None] for row in info.iter_rows()] == [
        ["spbe-calc LKE"],
        [],
        ["Model", "spbe-2020"],
        ["Instansi", "Pemerintah Kabupaten Contoh"],
        ["Tahun", 2022],
        ["Tempat penandatanganan", "Kota Contoh"],
        ["Tanggal penandatanganan", "2022-10-14"],
        ["Logo", "logo-contoh.svg"],
        ["Tahap pada rumus", "mandiri"],
        ["Aturan predikat", "exact (aturan tahun 2022, anggapan)"],
        [],
        ["Penandatangan", "Jabatan", "Nama", "NIP", "Peran"],
        ["Sekretaris Daerah Kabupaten Contoh", "Dr. Ir. Hendra Wijaya, M.Si.", "19700512 199503 1 002", "Mengetahui"],
        ["Kepala Dinas Komunikasi dan Informatika", "Sri Rahayu, S.Kom., M.T.", "19780101 200501 2 001"],
    ]
    assert (info["A13"].value, info["B13"].value) == (None, "Sekretaris Daerah Kabupaten Contoh")  # from column B


def test_a_text_in_info_that_looks_like_a_formula_stays_a_text(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "j.yaml"
    source.write_text('model: spbe-2020\ninstansi: "=HYPERLINK(\\"x\\")"\nlevels:\n  1: 3\n', encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book)).exit_code == 0
    cell = load_workbook(book)["Info"]["B4"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")


def test_info_counts_the_indicators_each_stage_gives_its_level(run: Run, tmp_path: Path) -> None:
    """At the final stage, an indicator without a final level takes interviu's: Info says how many of each."""
    text = (EXAMPLES / "tahap" / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    old = "    tahap: {dokumen: 2, interviu: 2, akhir: 2}\n"
    source = tmp_path / "j.yaml"
    source.write_text(text.replace(old, "    tahap: {dokumen: 2, interviu: 2}\n", 2), encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book), "--stage", "akhir").exit_code == 0
    rows = list(load_workbook(book)["Info"].iter_rows(values_only=True))
    info = {row[0]: row[1] for row in rows if row[0]}
    assert info["Tingkat dari tahap"] == "interviu 2, akhir 45"
    assert [row[0] for row in rows] == [
        "spbe-calc LKE", None, "Model", "Instansi", "Tahun", "Tempat penandatanganan", "Tanggal penandatanganan",
        "Logo", "Tahap pada rumus", "Aturan predikat", "Tingkat dari tahap", None, "Penandatangan",
    ]  # fmt: skip


def test_an_indicator_scored_per_item_explains_itself_on_its_first_row_only(run: Run, tmp_path: Path) -> None:
    """spbe-2018's indicator 35 (three public services): a row per item, each with its level; the
    fakta, analisis and evidence belong to the indicator and are written once."""
    text = (EXAMPLES / "kota-denpasar-2018.yaml").read_text(encoding="utf-8")
    entry = "  35: {level: [1, 3, 3], fakta: F, analisis: A, bukti: [SK walikota]}\n"
    rows = _csv(run, tmp_path, text.replace("  35: [1, 3, 3]\n", entry))
    items = [r for r in rows if r["No"].startswith("35.")]
    assert [(r["No"], r["Tingkat"], r["Fakta"], r["Analisis"], r["Bukti"]) for r in items] == [
        ("35.1", "1", "F", "A", "SK walikota"),
        ("35.2", "3", "", "", ""),
        ("35.3", "3", "", "", ""),
    ]
    assert {r["Domain"] for r in items} == {"Layanan SPBE"}


def test_export_scores_with_the_model_named_by_model_option(run: Run, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MINI_TEXT, encoding="utf-8")
    source = tmp_path / "j.yaml"
    source.write_text("levels:\n  1: 3\n", encoding="utf-8")  # no model of its own: spbe-2020 without -m
    out = tmp_path / "lke.csv"
    assert run("export", str(source), "-m", str(tmp_path / "m.yaml"), "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["No"], r["Indikator"]) for r in rows][:2] == [("1", "Indikator Satu"), ("2", "Indikator Dua")]
    assert len(rows) == 5


def test_the_evidence_cell_names_each_document_with_its_number_and_date() -> None:
    from spbe_calc.answers import Evidence
    from spbe_calc.lke.write import bukti_text

    def doc(**fields: str) -> Evidence:
        return Evidence(**{"path": None, "url": None, "nomor": None, "tanggal": None, "sha256": None, **fields})

    assert (
        bukti_text(
            (
                "SK bupati",
                doc(path="sk.pdf", nomor="12/2024", tanggal="2024-03-01"),
                doc(path="notulen.pdf", tanggal="2024-05-02"),
                doc(path="foto.jpg", sha256="ab" * 32),  # a hash is not shown
            )
        )
        == "SK bupati\nsk.pdf (12/2024, 2024-03-01)\nnotulen.pdf (2024-05-02)\nfoto.jpg"
    )


def test_a_signer_that_looks_like_a_formula_stays_a_text(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "j.yaml"
    signer = '{jabatan: "=1+1", nama: "@SUM(A1)"}'
    source.write_text(f"model: spbe-2020\nlaporan: {{penandatangan: [{signer}]}}\nlevels:\n  1: 3\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book)).exit_code == 0
    info = load_workbook(book)["Info"]
    row = next(r for r in range(1, 30) if info.cell(row=r, column=1).value == "Penandatangan") + 1
    cells = [info.cell(row=row, column=c) for c in (2, 3)]
    assert [(c.value, c.data_type) for c in cells] == [("=1+1", "s"), ("@SUM(A1)", "s")]


@pytest.mark.parametrize(
    ("title_length", "height"),
    [(386, 18 * 2), (388, 18 * 3), (1931, 18 * 11), (6000, 409)],  # 409 points: the tallest a row may be
)
def test_the_title_row_is_as_tall_as_its_wrapped_lines(
    run: Run, tmp_path: Path, title_length: int, height: int
) -> None:
    """The title wraps over the visible columns (244 characters wide with the three stages; its
    12 pt bold letters take about 5/4 of a column's character each, so 193 whole ones to a line)."""
    example = (EXAMPLES / "tahap" / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    source = tmp_path / "j.yaml"
    source.write_text(example.replace("Pemerintah Kabupaten Contoh", "P" * (title_length - 67), 1), encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book)).exit_code == 0
    lke = load_workbook(book)["LKE"]
    assert len(lke["A1"].value) == title_length and lke.row_dimensions[1].height == height


@pytest.mark.parametrize(
    ("head", "args", "said"),
    [
        ("model: spbe-2020\ntahun: 2021\n", [], ("indeks tepat", "exact", "aturan tahun 2021, anggapan")),
        ("model: spbe-2020\ntahun: 2023\n", [], ("indeks dibulatkan", "rounded", "aturan tahun 2023")),
        ("model: spbe-2020\ntahun: 2023\n", ["--banding", "exact"], ("indeks tepat", "exact", "--banding")),
        ("model: m.yaml\n", [], ("indeks tepat", "exact", "aturan model")),
    ],
)
def test_the_workbook_says_how_its_formulas_band(
    run: Run, tmp_path: Path, head: str, args: list[str], said: tuple[str, str, str]
) -> None:
    (tmp_path / "m.yaml").write_text(MINI_TEXT, encoding="utf-8")
    source = tmp_path / "j.yaml"
    source.write_text(head + "levels:\n  1: 3\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book), *args).exit_code == 0
    wb = load_workbook(book)
    index, rule, basis = said
    assert wb["Hasil"]["A2"].value == (
        f"Predikat dari {index} ({basis}; 2 desimal untuk tampilan); rumus menghitung ulang saat tingkat diubah."
    )
    info = {row[0]: row[1] for row in wb["Info"].iter_rows(values_only=True) if row[0]}
    assert (info["Tahap pada rumus"], info["Aturan predikat"]) == ("mandiri", f"{rule} ({basis})")
    assert "Tingkat dari tahap" not in info  # said only at an assessors' stage
    who = head.split("tahun: ")[1].strip() if "tahun" in head else ""  # no instansi in these files
    assert wb["LKE"].oddHeader.left.text == "Lembar Kerja Evaluasi SPBE" + (f" — {who}" if who else "")


def test_the_workbook_counts_what_is_not_answered_and_says_where_levels_come_from(run: Run, tmp_path: Path) -> None:
    book = tmp_path / "lke.xlsx"
    staged = EXAMPLES / "tahap" / "kabupaten-contoh-2022.yaml"
    assert run("export", str(staged), "-o", str(book), "--stage", "akhir").exit_code == 0
    wb = load_workbook(book)
    hasil, lke = wb["Hasil"], wb["LKE"]
    kosong = next(c.column_letter for c in lke[2] if c.value == "kosong")
    labels = {row[1].value: row for row in hasil.iter_rows() if isinstance(row[1].value, str)}
    assert labels["Indikator belum diisi"][2].value == f"=SUM(LKE!${kosong}$3:${kosong}$49)"
    assert "Indikator yang belum diisi dihitung pada tingkat terendah (seperti score --partial)." in labels
    assert [c.value for c in lke[3] if isinstance(c.value, str) and c.value.startswith("=IF(ISNUMBER(IF")][-1] == (
        '=IF(ISNUMBER(IF(ISNUMBER(M3),M3,IF(ISNUMBER(L3),L3,IF(ISNUMBER(K3),K3,"")))),0,1)'
    )  # kosong: the akhir level, else interviu's, else dokumen's; the instansi's own never stands in
    info = {row[0]: row[1] for row in wb["Info"].iter_rows(values_only=True) if row[0]}
    assert (info["Tahap pada rumus"], info["Tingkat dari tahap"]) == ("akhir", "akhir 47")
    (check,) = lke.data_validations.dataValidation
    assert (check.type, check.formula1, check.allow_blank, check.showErrorMessage) == (
        "list",
        '"1,2,3,4,5"',
        True,
        True,
    )
    assert (check.errorTitle, check.error) == ("Tingkat", "Tingkat 1-5")
    assert str(check.sqref) == "F3:F49 K3:K49 L3:L49 M3:M49"  # every stage's level column, row 3 to 49


@pytest.mark.parametrize(
    ("instansi", "header"),
    [
        ('"Dinas\\tA  &\\n B"', "Lembar Kerja Evaluasi SPBE — Dinas A && B · 2024"),  # one line, & escaped
        ("D" * 200, "Lembar Kerja Evaluasi SPBE — " + "D" * 91),  # cut at 120 characters
        ("null", "Lembar Kerja Evaluasi SPBE — 2024"),
    ],
)
def test_the_page_header_is_one_line_within_its_limit(run: Run, tmp_path: Path, instansi: str, header: str) -> None:
    source = tmp_path / "j.yaml"
    source.write_text(f"model: spbe-2020\ninstansi: {instansi}\ntahun: 2024\nlevels:\n  1: 3\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book)).exit_code == 0
    assert load_workbook(book)["LKE"].oddHeader.left.text == header


def test_each_scale_has_its_drop_down_over_its_rows_in_runs(run: Run, tmp_path: Path) -> None:
    from .helpers import TWO_SCALES

    model = TWO_SCALES.replace("total_weight: 2", "total_weight: 4").replace("    weight: 2\n", "    weight: 4\n")
    model = model.replace(
        "      - {id: 2, name: Dua, weight: 1, scale: tiga}\n",
        "      - {id: 2, name: Dua, weight: 1, scale: tiga}\n"
        "      - {id: 3, name: Tiga, weight: 1}\n      - {id: 4, name: Empat, weight: 1}\n",
    )
    (tmp_path / "m.yaml").write_text(model, encoding="utf-8")
    (tmp_path / "j.yaml").write_text("model: m.yaml\nlevels:\n  2: 0\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(tmp_path / "j.yaml"), "-o", str(book)).exit_code == 0
    checks = {dv.formula1: str(dv.sqref) for dv in load_workbook(book)["LKE"].data_validations.dataValidation}
    assert checks == {'"1,2,3,4,5"': "F3 F5:F6", '"0,1,2,3"': "F4"}
    assert [c.value for c in load_workbook(book)["LKE"]["G"][2:4]][1].startswith("=IF(ISNUMBER(F4),CHOOSE(F4--1,")


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("model: m.yaml\n", "Lembar Kerja Evaluasi · Indeks Mini (Mini) — {note}"),
        ("model: m.yaml\ninstansi: Dinas X\ntahun: 2024\n", "Lembar Kerja Evaluasi — Dinas X · 2024 · Indeks Mini (Mini) — {note}"),
    ],
)  # fmt: skip
def test_the_sheet_title_says_who_when_and_which_model(run: Run, tmp_path: Path, head: str, title: str) -> None:
    from spbe_calc.model import load_model
    from spbe_calc.render import status_note

    (tmp_path / "m.yaml").write_text(MINI_TEXT, encoding="utf-8")
    (tmp_path / "j.yaml").write_text(head + "levels:\n  1: 3\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(tmp_path / "j.yaml"), "-o", str(book)).exit_code == 0
    note = status_note(load_model(str(tmp_path / "m.yaml")))
    assert note and load_workbook(book)["LKE"]["A1"].value == title.format(note=note)


def test_short_rows_are_one_line_tall_and_in_one_outline_group(run: Run, tmp_path: Path) -> None:
    """The mini model's names fit one line; an unnamed level shows as an empty name."""
    (tmp_path / "m.yaml").write_text(MINI_TEXT.replace("1: {name: Rintisan}", "1: {}", 1), encoding="utf-8")
    answers = 'model: m.yaml\nlevels:\n  1: 1\n  2: {level: 2, fakta: "satu\\ndua\\ntiga"}\n'
    (tmp_path / "j.yaml").write_text(answers, encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(tmp_path / "j.yaml"), "-o", str(book)).exit_code == 0
    lke = load_workbook(book)["LKE"]
    assert lke.max_row == 7  # a title, a header, five indicators
    assert [lke.row_dimensions[r].height for r in range(3, 8)] == [15, 45, 15, 15, 15]  # 3 short lines
    assert [lke.row_dimensions[r].outline_level for r in range(1, 9)] == [0, 0, 1, 1, 1, 1, 1, 0]
    assert not any(lke.row_dimensions[r].hidden for r in range(1, 9))  # the group opens shown
    assert lke["G3"].value.startswith('=IF(ISNUMBER(F3),CHOOSE(F3-0,"","Terkelola",')
    assert load_workbook(book)["Hasil"]["A1"].value == "Hasil"  # no agency, no year
