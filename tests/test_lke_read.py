"""Tests of spbe_calc/lke/read.py."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from spbe_calc.answers import Signer, read_answers
from spbe_calc.errors import Problem, SpbeError
from spbe_calc.lke.read import INFO_ROWS, MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED, read_workbook
from spbe_calc.yamlsafe import LIMITS

from .conftest import EXAMPLES, Run, bounded
from .helpers import EX22_PATH, _within_bounds, _workbook


def _edit(book: Path, change: object) -> None:
    wb = load_workbook(book)
    change(wb["LKE"])  # type: ignore[operator]
    wb.save(book)


def _refused(path: Path, model: str | None = None) -> list[Problem]:
    """The problems that ``read_workbook`` refuses ``path`` with (it must refuse it)."""
    with pytest.raises(SpbeError) as caught:
        read_workbook(str(path), model)
    return caught.value.problems


def _handmade_workbook(path: Path, rows: list[list[str | float]], shared: list[str]) -> None:
    """An xlsx written part by part, as an attacker would: a string cell ``"#n"`` refers to the
    n-th shared string (spreadsheet programs cut cells at 32,767 characters and store each text
    once; this file stores one huge text once and uses it everywhere). A number is stored as
    Python writes it (``3.0`` for a float)."""

    def cell(ref: str, value: str | float) -> str:
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        if value.startswith("#"):
            return f'<c r="{ref}" t="s"><v>{value[1:]}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="r1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        '<sheet name="LKE" sheetId="1" r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="r1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="r2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>{sheet_rows}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst xmlns="{main}" count="{len(shared)}" uniqueCount="{len(shared)}">'
        + "".join(f"<si><t>{text}</t></si>" for text in shared)
        + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)


def _inflate(book: Path, marker: str, replacement: str) -> None:
    """Replace a text in the workbook's parts as they are stored (beyond what a program writes)."""
    with zipfile.ZipFile(book) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data.replace(marker.encode(), replacement.encode()))


def test_one_huge_shared_string_in_many_cells_is_refused_cell_by_cell(tmp_path: Path) -> None:
    """A 5 MB text stored once and used in the fakta of 47 rows and the analisis of 47 more."""
    book = tmp_path / "lke.xlsx"
    rows: list[list[str | float]] = [
        ["Domain", "Aspek", "No", "Indikator", "Bobot (%)", "Tingkat", "Nama Tingkat", "Fakta", "Analisis"]
    ]
    rows += [["", "", str(i), "", 1, 3, "", "#0", "#0"] for i in range(1, 48)]
    _handmade_workbook(book, rows, ["A" * 5_000_000])
    assert book.stat().st_size < 100_000
    result = bounded("import", str(book), "-o", "j.yaml", cwd=tmp_path)
    assert result.returncode == 1 and "LKE!H3" in result.stderr and "100000" in result.stderr
    assert not (tmp_path / "j.yaml").exists()
    _within_bounds(result)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("B" * 100_001, "lebih panjang dari 100000"),
        ("awal _xD800_ akhir", "U+D800"),
    ],
)
def test_a_text_cell_the_reader_would_refuse_is_refused(run: Run, tmp_path: Path, value: str, said: str) -> None:
    book = _workbook(run, tmp_path)
    _edit(book, lambda sheet: setattr(sheet.cell(row=6, column=9), "value", "PENANDA"))
    _inflate(book, "PENANDA", value)
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and "LKE!I6" in r.stderr and said in r.stderr
    assert not (tmp_path / "j.yaml").exists()


def test_a_level_of_five_thousand_digits_is_a_cell_problem(run: Run, tmp_path: Path) -> None:
    book = _workbook(run, tmp_path)
    _edit(book, lambda sheet: setattr(sheet.cell(row=4, column=6), "value", "9" * 5000))
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and "LKE!F4" in r.stderr


@pytest.mark.parametrize("output", [".", "/", ""])
def test_import_to_a_folder_or_nothing_is_refused(run: Run, tmp_path: Path, output: str) -> None:
    book = _workbook(run, tmp_path)
    r = run("import", str(book), "-o", output)
    assert r.exit_code == 2 and "folder, bukan berkas" in r.stderr


# --- the LKE as CSV (export -o lke.csv, or saved by a spreadsheet) ---------------------------------


def _answers_equal(a: Path, b: Path) -> None:

    left, right = read_answers(a).answers, read_answers(b).answers
    assert {k: v for k, v in left.items() if v.is_given()} == {k: v for k, v in right.items() if v.is_given()}


def test_the_csv_of_export_comes_back_whole(run: Run, tmp_path: Path) -> None:
    """Levels, stages, fakta and analisis with commas, quotes and line breaks, a text that starts
    like a formula, and described documents (path, number, date, SHA-256)."""
    source = tmp_path / "sumber.yaml"
    source.write_text(
        "model: spbe-2020\n"
        "levels:\n"
        '  1: {level: 3, tahap: {dokumen: 2, akhir: 3}, fakta: "=SUM(A1), kata \\"kutip\\"\\nbaris dua",'
        ' analisis: "- butir; satu", bukti: [{path: "sk.pdf", nomor: "12/2024", tanggal: "2024-03-01"}, "notulen"]}\n'
        '  2: {level: 4, analisis: "\'=sudah dikutip"}\n'
        "  3: 2\n",
        encoding="utf-8",
    )
    exported = tmp_path / "lke.csv"
    assert run("export", str(source), "-o", str(exported)).exit_code == 0
    back = tmp_path / "kembali.yaml"
    r = run("import", str(exported), "-o", str(back))
    assert r.exit_code == 0, r.stderr
    _answers_equal(source, back)


def test_a_csv_saved_by_a_spreadsheet_in_indonesian_is_read(run: Run, tmp_path: Path) -> None:
    """A byte-order mark, ";" between fields (the comma is the decimal mark) and CRLF line ends."""
    exported = tmp_path / "lke.csv"
    assert run("export", str(EXAMPLES / "kabupaten-contoh-2022.yaml"), "-o", str(exported)).exit_code == 0
    import csv
    import io

    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8"))))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    saved = tmp_path / "disimpan.csv"
    saved.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    back = tmp_path / "j.yaml"
    r = run("import", str(saved), "-o", str(back))
    assert r.exit_code == 0, r.stderr
    _answers_equal(EXAMPLES / "kabupaten-contoh-2022.yaml", back)


def test_a_csv_problem_is_placed_by_line_and_column(run: Run, tmp_path: Path) -> None:
    exported = tmp_path / "lke.csv"
    assert run("export", str(EXAMPLES / "kabupaten-contoh-2022.yaml"), "-o", str(exported)).exit_code == 0
    lines = exported.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",3,Terdefinisi,", ",tiga,Terdefinisi,", 1)
    exported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("import", str(exported), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and f"{exported}:4:6: galat: 'tiga' bukan tingkat" in r.stderr
    assert not (tmp_path / "j.yaml").exists()


@pytest.mark.parametrize("suffix", [".ods", ".xls", ".ODS"])
def test_other_spreadsheets_are_told_how_to_save(run: Run, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"lke{suffix}"
    path.write_bytes(b"PK\x03\x04")
    r = run("import", str(path), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 2 and "simpan sebagai .xlsx" in r.stderr
    assert f"{path}: galat: berkas {suffix.lower()} tidak dibaca langsung oleh import" in r.stderr


def test_a_csv_that_is_not_utf8_is_told_how_to_save(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "lke.csv"
    path.write_bytes("No,Tingkat\n1,3\nFakta,Peraturan Bupati tentang SPBE \xe9\n".encode("latin-1"))
    r = run("import", str(path), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 2 and "bukan teks UTF-8 (bita 0xe9" in r.stderr and "CSV UTF-8" in r.stderr


def _csv_rows(run: Run, tmp_path: Path, source: Path = EXAMPLES / "kabupaten-contoh-2022.yaml") -> list[list[str]]:
    exported = tmp_path / "ekspor.csv"
    assert run("export", str(source), "-o", str(exported)).exit_code == 0
    return list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8"), newline="")))


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", end: str = "\n") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=end).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def test_a_problem_after_a_text_of_several_lines_is_placed_on_its_own_line(run: Run, tmp_path: Path) -> None:
    rows = _csv_rows(run, tmp_path)
    level = rows[0].index("Tingkat")
    rows[1][rows[0].index("Fakta")] = "baris satu\nbaris dua\nbaris tiga"  # row 2 spans lines 2 to 4 (and its bukti)
    rows[1][level] = "dua"  # a problem on the row that spans lines: its first line
    rows[3][level] = "tiga"  # and on a row after it
    rows[-1][level] = "empat"  # and on the last row, the last line that starts a row
    path = _write_csv(tmp_path / "lke.csv", rows)
    first_lines = [1]
    for row in rows:
        first_lines.append(first_lines[-1] + 1 + sum(field.count("\n") for field in row))
    r = run("import", str(path), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1
    assert f"{path}:2:{level + 1}: galat: 'dua' bukan tingkat" in r.stderr
    assert f"{path}:{first_lines[3]}:{level + 1}: galat: 'tiga' bukan tingkat" in r.stderr
    assert f"{path}:{first_lines[len(rows) - 1]}:{level + 1}: galat: 'empat' bukan tingkat" in r.stderr


def test_a_semicolon_csv_is_told_from_its_first_line_not_from_its_texts(run: Run, tmp_path: Path) -> None:
    # Texts full of commas, and decimal commas, do not make a ";" file a "," file.
    rows = _csv_rows(run, tmp_path)
    fakta = rows[0].index("Fakta")
    for row in rows[1:]:
        row[fakta] = "satu, dua, tiga, empat, lima, enam, tujuh, delapan, sembilan, sepuluh, sebelas, dua belas"
    path = _write_csv(tmp_path / "lke.csv", rows, delimiter=";", end="\r\n")
    back = tmp_path / "j.yaml"
    r = run("import", str(path), "-o", str(back))
    assert r.exit_code == 0, r.stderr
    assert read_answers(back).answers[1].fakta == rows[1][fakta]


def test_a_csv_the_reader_cannot_take_is_named(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "lke.csv"
    path.write_text("Domain,Aspek,No,Tingkat\nA,B,1," + "3" * 200_000 + "\n", encoding="utf-8")
    r = run("import", str(path), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 2 and f"{path}: galat: CSV ini tidak dapat dibaca: field larger than field limit" in r.stderr
    header_only = _write_csv(tmp_path / "kepala.csv", _csv_rows(run, tmp_path)[:1])
    r = run("import", str(header_only), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and f"{header_only}:1:3: galat: tidak ada baris indikator di bawah judul kolom" in r.stderr
    assert not (tmp_path / "j.yaml").exists()


def test_a_csv_over_the_row_limit_is_named_where_the_limit_is(run: Run, tmp_path: Path) -> None:
    rows = _csv_rows(run, tmp_path)
    filler = ["", "", "", "", "", "", "", "", "", ""][: len(rows[0])]
    path = _write_csv(tmp_path / "lke.csv", [*rows, *[filler] * (MAX_ROWS + 20)])
    r = run("import", str(path), "-o", str(tmp_path / "j.yaml"))
    # The limit's row is the header's row plus MAX_ROWS plus one; this file's texts span two
    # lines in some rows, so its line is further down.
    extra = sum(field.count("\n") for row in rows for field in row)
    assert (
        r.exit_code == 1
        and f"{path}:{MAX_ROWS + 2 + extra}:1: galat: lembar ini lebih dari {MAX_ROWS} baris" in r.stderr
    )


def test_a_csv_is_read_with_the_model_of_its_answers(run: Run, tmp_path: Path) -> None:
    # spbe-2018 has a level 0, which the default model would refuse.
    source = tmp_path / "2018.yaml"
    source.write_text("model: spbe-2018\ninstansi: X\ntahun: 2019\nlevels:\n  1: 0\n  2: 4\n", encoding="utf-8")
    exported = tmp_path / "lke.csv"
    assert run("export", str(source), "-o", str(exported)).exit_code == 0
    r = run("import", str(exported), "-o", str(source), "--force")
    assert r.exit_code == 0, r.stderr
    assert {k: a.level for k, a in read_answers(source).answers.items()} == {1: 0, 2: 4}


def test_import_keeps_what_the_csv_does_not_carry(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "j.yaml"
    source.write_text(
        "model: spbe-2020\ninstansi: X\ntahun: 2024\nlaporan: {tempat: Denpasar}\n"
        "levels:\n  1: {level: 3, tahap: {visitasi: 2}}\n  2: 4\n",
        encoding="utf-8",
    )
    exported = tmp_path / "lke.csv"
    assert run("export", str(source), "-o", str(exported)).exit_code == 0
    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index("Tingkat")] = "4"
    visitasi = rows[0].index("Tingkat Visitasi")
    _write_csv(exported, [row[:visitasi] + row[visitasi + 1 :] for row in rows])  # a CSV without that column
    assert run("import", str(exported), "-o", str(source), "--force").exit_code == 0
    back = read_answers(source)
    one = back.answers[1]
    assert (one.level, one.tahap) == (4, (("visitasi", 2),))  # the stage the CSV has no column for stays
    assert (back.instansi, back.tahun, back.laporan and back.laporan.tempat) == ("X", 2024, "Denpasar")  # no Info


def test_an_empty_csv_is_told_it_has_no_header(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "lke.csv"
    path.write_bytes(b"")
    r = run("import", str(path), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 2 and f"{path}:1:1: galat: " in r.stderr and "judul kolom" in r.stderr
    assert not (tmp_path / "j.yaml").exists()


@pytest.mark.parametrize(
    "note",
    [
        "Catatan; lihat lampiran",  # one ";" against the line's commas
        "Catatan; lihat; lampiran",  # as many ";" as ",": a tie goes to the comma, as export writes
    ],
)
def test_a_comma_csv_whose_header_has_a_semicolon_is_read_with_commas(run: Run, tmp_path: Path, note: str) -> None:
    path = _write_csv(tmp_path / "lke.csv", [[note, "No", "Tingkat"], ["", "1", "3"], ["", "2", "4"]])
    back = tmp_path / "j.yaml"
    r = run("import", str(path), "-o", str(back))
    assert r.exit_code == 0, r.stderr
    assert {k: a.level for k, a in read_answers(back).answers.items()} == {1: 3, 2: 4}


def test_problems_in_a_workbook_are_listed_by_row_then_column(run: Run, tmp_path: Path) -> None:
    """In file order, as in an answers file: not in the order the reader met them in a row (its
    levels first, then its texts), nor by column alone."""
    book = tmp_path / "lke.xlsx"
    assert run("export", str(EXAMPLES / "tahap" / "kabupaten-contoh-2022.yaml"), "-o", str(book)).exit_code == 0
    headers = [c.value for c in load_workbook(book)["LKE"][2]]
    akhir = headers.index("Tingkat Akhir") + 1

    def spoil(sheet: object) -> None:
        sheet.cell(row=3, column=akhir, value="tiga")  # type: ignore[attr-defined]
        sheet.cell(row=5, column=6, value="dua")  # type: ignore[attr-defined]
        sheet.cell(row=5, column=8, value="PENANDA")  # type: ignore[attr-defined]
        sheet.cell(row=5, column=akhir, value="empat")  # type: ignore[attr-defined]

    _edit(book, spoil)
    _inflate(book, "PENANDA", "awal _xD800_ akhir")
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1
    letter = chr(64 + akhir)
    cells = [f"LKE!{letter}3", "LKE!F5", "LKE!H5", f"LKE!{letter}5"]
    assert [line.split(":")[1] for line in r.stderr.splitlines() if line.startswith(str(book))] == cells


def test_a_date_in_info_that_is_not_a_date_is_refused(run: Run, tmp_path: Path) -> None:

    book = _workbook(run, tmp_path)
    wb = load_workbook(book)
    info = wb["Info"]
    row = next(r for r in range(1, 20) if info.cell(row=r, column=1).value == "Tanggal penandatanganan")
    info.cell(row=row, column=2, value="31 Juni 2024")
    wb.save(book)
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and f"Info!B{row}" in r.stderr and "31 Juni 2024" in r.stderr
    assert not (tmp_path / "j.yaml").exists()
    assert [(p.cell, p.code, p.args) for p in _refused(book)] == [
        (f"Info!B{row}", "bad-date", {"value": "31 Juni 2024"})
    ]


def test_a_csv_with_other_line_ends_is_read_with_line_feeds_in_its_texts(run: Run, tmp_path: Path) -> None:
    """Rows ended by CR alone (an old Mac), and a text whose line break is CR LF (Windows): the
    text reads as export writes it, with a line feed."""
    path = tmp_path / "lke.csv"
    path.write_bytes(b'No,Tingkat,Fakta\r1,3,"satu\r\ndua"\r2,4,"tiga\rempat"\r')
    back = tmp_path / "j.yaml"
    r = run("import", str(path), "-o", str(back))
    assert r.exit_code == 0, r.stderr
    answers = read_answers(back).answers
    assert [(a.level, a.fakta) for a in answers.values()] == [(3, "satu\ndua"), (4, "tiga\nempat")]


def test_the_text_limit_counts_the_info_sheet_and_every_cell_to_the_character(run: Run, tmp_path: Path) -> None:
    """What a workbook may say in all is what an answers file may (2 M characters): the Info
    sheet's texts count first, then each cell's in reading order (the hidden evidence lists too),
    and the first cell past the limit is named."""

    source = tmp_path / "j.yaml"
    source.write_text("model: spbe-2020\ninstansi: X\nlevels:\n  1: 3\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(source), "-o", str(book)).exit_code == 0
    # What Info says (its model and instansi), and every row's evidence list ("[]") in its hidden column
    room = LIMITS["max_chars"] - len("spbe-2020") - len("X") - 47 * len("[]")
    chunk = 32_000  # under a spreadsheet cell's 32,767 characters
    full, rest = divmod(room, chunk)
    cells = [(3 + n // 2, 8 + n % 2) for n in range(full + 1)]  # fakta then analisis, row by row

    def fill(last: int) -> None:
        wb = load_workbook(book)
        for (r, c), size in zip(cells, [chunk] * full + [last]):
            wb["LKE"].cell(row=r, column=c, value="a" * size)
        wb.save(book)

    fill(rest)
    said = read_workbook(str(book)).answers.answers.values()
    assert sum(len(a.fakta or "") + len(a.analisis or "") for a in said) == room
    fill(rest + 1)  # one over: the cell that reaches past the limit is the last row's evidence list
    refused = [(p.code, p.cell, p.args) for p in _refused(book)]
    assert refused == [("too-many-chars", "LKE!K49", {"limit": LIMITS["max_chars"]})]
    fill(rest + 1 + 47 * len("[]"))  # over before the lists that follow: the cell written is named
    r, c = cells[-1]
    assert [(p.code, p.cell) for p in _refused(book)] == [("too-many-chars", f"LKE!{'HI'[c - 8]}{r}")]
    fill(rest)  # to the limit exactly, then past it in a later row: said there, once
    wb = load_workbook(book)
    wb["LKE"].cell(row=40, column=8, value="b" * (1 + 10 * len("[]")))  # the lists of rows 40 to 49 follow
    wb["LKE"].cell(row=41, column=8, value="c")
    wb.save(book)
    assert [(p.code, p.cell) for p in _refused(book)] == [("too-many-chars", "LKE!H40")]
    fill(rest + len("spbe-2020") + len("X"))  # without an Info sheet, the cells may say it all
    wb = load_workbook(book)
    del wb["Info"]
    wb["LKE"]["H40"].value = wb["LKE"]["H41"].value = None
    wb.save(book)
    said = read_workbook(str(book)).answers.answers.values()
    assert sum(len(a.fakta or "") + len(a.analisis or "") for a in said) == LIMITS["max_chars"] - 47 * len("[]")


@pytest.mark.parametrize(("column", "read"), [(60, True), (61, False)])
def test_columns_past_the_sixtieth_are_not_read(run: Run, tmp_path: Path, column: int, read: bool) -> None:

    assert MAX_COLUMNS == 60
    book = _workbook(run, tmp_path)

    def far_stage(sheet: object) -> None:
        sheet.cell(row=2, column=column, value="Tingkat Akhir")  # type: ignore[attr-defined]
        sheet.cell(row=3, column=column, value=2)  # type: ignore[attr-defined]

    _edit(book, far_stage)
    back = tmp_path / "j.yaml"
    assert run("import", str(book), "-o", str(back)).exit_code == 0
    assert read_answers(back).answers[1].tahap == ((("akhir", 2),) if read else ())


def test_the_signers_in_info_are_read_row_by_row_with_each_field_held_to_its_limit(run: Run, tmp_path: Path) -> None:

    book = _workbook(run, tmp_path)  # its two signers in rows 13 and 14, under the heading in row 12
    wb = load_workbook(book)
    info = wb["Info"]
    assert info["A12"].value == "Penandatangan" and info["C14"].value == "Sri Rahayu, S.Kom., M.T."
    info["F13"] = "catatan di luar tabel"  # past Peran: not a field
    wb.save(book)
    signers = read_workbook(str(book)).answers.laporan.penandatangan  # type: ignore[union-attr]
    assert signers == read_answers(EX22_PATH).laporan.penandatangan  # type: ignore[union-attr]
    for row in (
        ["Sekretaris", None, None, None],  # no nama
        [None, "Ani", None, None],  # no jabatan
        ["Kabid", "N" * 301, None, None],  # nama past its 300 characters
        ["Kabid", "Ina", "9" * 61, "P" * 101],  # nip past 60, peran past 100
    ):
        info.append([None, *row])
    wb.save(book)
    assert [(p.cell, p.code, p.args.get("limit")) for p in _refused(book)] == [
        ("Info!C15", "lke-signer", None),
        ("Info!B16", "lke-signer", None),
        ("Info!C17", "string-too-long", 300),
        ("Info!C17", "lke-signer", None),
        ("Info!D18", "string-too-long", 60),
        ("Info!E18", "string-too-long", 100),
    ]


@pytest.mark.parametrize(("row", "read"), [(200, True), (201, False)])
def test_info_is_read_to_its_two_hundredth_row(run: Run, tmp_path: Path, row: int, read: bool) -> None:

    assert INFO_ROWS == 200
    book = _workbook(run, tmp_path)
    wb = load_workbook(book)
    info = wb["Info"]
    for r in range(12, 15):  # the signers' table would take the row for a signer
        for c in range(1, 6):
            info.cell(row=r, column=c).value = None
    info["B4"] = None  # no instansi where export put it
    info.cell(row=row, column=1, value="Instansi")
    info.cell(row=row, column=2, value="Dinas Jauh")
    wb.save(book)
    assert read_workbook(str(book)).answers.instansi == ("Dinas Jauh" if read else None)


def test_a_workbook_over_the_row_limit_is_named_where_the_limit_is(run: Run, tmp_path: Path) -> None:
    book = _workbook(run, tmp_path)  # a title, the header in row 2, 47 rows

    def lengthen(sheet: object) -> None:
        for r in range(50, MAX_ROWS + 4):
            sheet.cell(row=r, column=1, value="catatan")  # type: ignore[attr-defined]

    _edit(book, lengthen)
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and f"{book}:LKE!A{MAX_ROWS + 3}: galat: lembar ini lebih dari {MAX_ROWS} baris" in r.stderr


@pytest.mark.parametrize(
    ("cell", "year", "refused"),
    [
        (2000, 2000, None),
        (2100, 2100, None),
        ("2024", 2024, None),  # typed as text
        (2024.0, 2024, None),  # a number the spreadsheet keeps as a float
        (None, None, None),  # empty: no year given
        ("   ", None, None),  # spaces only: empty too
        (1999, None, "1999"),
        (2101, None, "2101"),
        ("dua ribu", None, "dua ribu"),
    ],
)
def test_the_year_in_info_is_read_within_the_answers_files_bounds(
    run: Run, tmp_path: Path, cell: object, year: int | None, refused: str | None
) -> None:

    book = _workbook(run, tmp_path)
    wb = load_workbook(book)
    assert wb["Info"]["A5"].value == "Tahun"
    wb["Info"]["B5"] = cell
    wb.save(book)
    if refused is None:
        assert read_workbook(str(book)).answers.tahun == year
        return
    with pytest.raises(SpbeError) as caught:
        read_workbook(str(book))
    (problem,) = caught.value.problems
    assert (problem.cell, problem.code, problem.args) == (
        "Info!B5",
        "lke-bad-year",
        {"value": refused, "first": 2000, "last": 2100},
    )


@pytest.mark.parametrize("columns", [1, 2])
def test_an_info_sheet_of_one_or_two_columns_is_read(run: Run, tmp_path: Path, columns: int) -> None:
    """Made by hand: labels in A and, when given, values in B; nothing further right."""

    book = _workbook(run, tmp_path)
    wb = load_workbook(book)
    del wb["Info"]
    info = wb.create_sheet("Info")
    for label, value in (("Model", "spbe-2020"), ("Instansi", "Dinas Kecil"), ("Tahun", 2023)):
        info.append([label, value][:columns])
    wb.save(book)
    answers = read_workbook(str(book)).answers
    given = ("spbe-2020", "Dinas Kecil", 2023) if columns == 2 else (None, None, None)
    assert (answers.model, answers.instansi, answers.tahun) == given


def test_a_text_in_info_is_held_to_the_answers_files_limit_for_its_field(run: Run, tmp_path: Path) -> None:

    book = _workbook(run, tmp_path)
    wb = load_workbook(book)
    assert wb["Info"]["A6"].value == "Tempat penandatanganan"
    wb["Info"]["B6"] = "K" * 201  # laporan.tempat: at most 200
    wb.save(book)
    assert [(p.cell, p.code, p.args) for p in _refused(book)] == [("Info!B6", "string-too-long", {"limit": 200})]


@pytest.mark.parametrize("extra", [0, 1])
def test_a_workbook_may_unpack_to_its_limit_and_not_a_byte_more(run: Run, tmp_path: Path, extra: int) -> None:

    book = tmp_path / "lke.xlsx"
    with zipfile.ZipFile(book, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", b"\0" * (MAX_UNPACKED // 2))
        archive.writestr("b.xml", b"\0" * (MAX_UNPACKED - MAX_UNPACKED // 2 + extra))
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    if extra:
        said = f"isi buku kerja ini terurai menjadi {MAX_UNPACKED + 1} bita; batasnya {MAX_UNPACKED} bita"
        assert f"{book}: galat: {said}" in r.stderr
    else:  # within the limit: opened, and found not to be a workbook
        assert "bukan buku kerja Excel (.xlsx)" in r.stderr
    assert r.exit_code == 2


def test_a_workbook_whose_info_gives_no_laporan_keeps_the_files(run: Run, tmp_path: Path) -> None:
    bare = tmp_path / "tanpa.yaml"
    bare.write_text("model: spbe-2020\ninstansi: X\nlevels:\n  1: 4\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(bare), "-o", str(book)).exit_code == 0
    target = tmp_path / "j.yaml"
    target.write_text("model: spbe-2020\ninstansi: X\nlaporan: {tempat: Denpasar}\nlevels:\n  1: 3\n", encoding="utf-8")
    assert run("import", str(book), "-o", str(target), "--force").exit_code == 0
    back = read_answers(target)
    assert back.answers[1].level == 4 and back.laporan is not None and back.laporan.tempat == "Denpasar"


def test_a_csv_of_ten_million_rows_is_read_within_bounds(tmp_path: Path) -> None:
    """The rows past the limit are counted, not kept: a file just under the size limit made of
    empty rows stays within the time and memory every command keeps."""
    path = tmp_path / "lke.csv"
    path.write_bytes(b"No,Tingkat\n1,3\n" + b"\n" * (10 * 1024 * 1024 - 100))
    result = bounded("import", str(path), "-o", "j.yaml", cwd=tmp_path)
    assert result.returncode == 1 and f"lebih dari {MAX_ROWS} baris" in result.stderr
    _within_bounds(result)


def test_numbers_stored_as_floats_read_as_whole_numbers(tmp_path: Path) -> None:
    book = tmp_path / "lke.xlsx"
    _handmade_workbook(book, [["No", "Tingkat"], [1.0, 3.0], [2.0, 4]], [])
    answers = read_workbook(str(book)).answers.answers
    assert {k: a.level for k, a in answers.items()} == {1: 3, 2: 4}


@pytest.mark.parametrize("typed", [datetime.datetime(2024, 3, 1), datetime.datetime(2024, 3, 1, 14, 30)])
def test_a_date_typed_into_info_reads_as_its_day(run: Run, tmp_path: Path, typed: datetime.datetime) -> None:
    book = _workbook(run, tmp_path)
    wb = load_workbook(book)
    assert wb["Info"]["A7"].value == "Tanggal penandatanganan"
    wb["Info"]["B7"] = typed  # a spreadsheet keeps a typed date as a date and time
    wb.save(book)
    laporan = read_workbook(str(book)).answers.laporan
    assert laporan is not None and laporan.tanggal == "2024-03-01"


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_a_text_may_be_as_long_as_an_answers_file_allows(run: Run, tmp_path: Path, extra: int, refused: bool) -> None:
    from spbe_calc.spec import MAX_TEXT

    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat", "Fakta"], ["1", "3", "f" * (MAX_TEXT + extra)]])
    if refused:
        assert [(p.line, p.code, p.args) for p in _refused(path)] == [(2, "string-too-long", {"limit": MAX_TEXT})]
    else:
        assert read_workbook(str(path)).answers.answers[1].fakta == "f" * MAX_TEXT


def test_import_reads_with_the_model_option(run: Run, tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat"], ["1", "0"]])  # level 0: spbe-2018's scale
    back = tmp_path / "baru.yaml"
    r = run("import", str(path), "-o", str(back), "--model", "spbe-2018")
    assert r.exit_code == 0, r.stderr
    assert read_answers(back).answers[1].level == 0


def test_import_onto_answers_without_force_names_the_file(run: Run, tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat"], ["1", "3"]])
    target = tmp_path / "j.yaml"
    target.write_text("model: spbe-2020\nlevels:\n  1: 2\n", encoding="utf-8")
    r = run("import", str(path), "-o", str(target))
    assert r.exit_code == 2 and f"{target}: galat: berkas ini sudah ada dan berisi jawaban" in r.stderr
    assert read_answers(target).answers[1].level == 2


def test_an_indicator_scored_per_item_needs_its_item_number(run: Run, tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat"], ["35", "3"], ["35.1", "3"]])
    assert [(p.line, p.code, p.args["value"]) for p in _refused(path, "spbe-2018")] == [(2, "lke-bad-number", "35")]


def test_signers_in_a_narrow_info_sheet_are_read(run: Run, tmp_path: Path) -> None:
    """Made by hand: the signers' jabatan and nama only, so the sheet ends at column C."""
    book = _workbook(run, tmp_path)
    wb = load_workbook(book)
    del wb["Info"]
    info = wb.create_sheet("Info")
    info.append(["Model", "spbe-2020"])
    info.append(["Penandatangan"])
    info.append([None, "Kepala Dinas", "Budi"])
    wb.save(book)
    laporan = read_workbook(str(book)).answers.laporan
    assert laporan is not None
    assert laporan.penandatangan == (Signer(jabatan="Kepala Dinas", nama="Budi", nip=None, peran=None),)


@pytest.mark.parametrize(
    ("shown", "data", "read"),
    [
        # as export wrote them: the hidden column, details and all
        ("sk.pdf (1/2024)\nnotulen", '[{"path": "sk.pdf", "nomor": "1/2024"}, "notulen"]', "exact"),
        # edited: each line an entry, a line still naming a described document keeps its details
        ("notulen\nsk.pdf (1/2024)\nfoto rapat", '[{"path": "sk.pdf", "nomor": "1/2024"}, "notulen"]', "edited"),
        ("", '[{"path": "sk.pdf", "nomor": "1/2024"}]', "cleared"),  # the visible cell emptied
        ("SK bupati\n\n  \nnotulen", "", "lines"),  # no hidden column: the lines, blank ones left out
    ],
)
def test_the_evidence_is_read_from_the_hidden_column_while_the_visible_one_is_unchanged(
    tmp_path: Path, shown: str, data: str, read: str
) -> None:
    from spbe_calc.answers import Evidence

    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat", "Bukti", "bukti (data)"], ["1", "3", shown, data]])
    answers = read_workbook(str(path)).answers.answers
    sk = Evidence(path="sk.pdf", nomor="1/2024")
    expected = {
        "exact": (sk, "notulen"),
        "edited": ("notulen", sk, "foto rapat"),
        "cleared": (),
        "lines": ("SK bupati", "notulen"),
    }[read]
    assert answers[1].bukti == expected


def test_the_items_of_an_indicator_scored_per_item_are_read_into_one_level(tmp_path: Path) -> None:
    """One level of three items; the explanation is the first item row's that has one."""
    rows = [["No", "Tingkat", "Fakta", "Analisis", "Bukti"], ["33", "", "", "", ""]]
    rows += [["35.1", "3", "f", "", "SK"], ["35.2", "4", "g", "a", "SE"], ["35.3", "", "", "b", ""]]
    rows += [["34", "2", "", "", ""]]  # after an empty row: read as well
    answers = read_workbook(str(_write_csv(tmp_path / "lke.csv", rows)), "spbe-2018").answers.answers
    assert {k: (a.level, a.fakta, a.analisis, a.bukti) for k, a in answers.items()} == {
        34: (2, None, None, ()),
        35: ((3, 4, None), "f", "a", ("SK",)),
    }


@pytest.mark.parametrize("number", ["12.1", "35.4", "35.0", "35"])
def test_a_row_number_must_name_an_indicator_or_one_of_its_items(tmp_path: Path, number: str) -> None:
    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat"], [number, "3"]])
    assert [(p.code, p.args["value"]) for p in _refused(path, "spbe-2018")] == [("lke-bad-number", number)]


def test_each_kind_of_row_problem_is_placed_at_its_number_cell(run: Run, tmp_path: Path) -> None:
    rows = [
        ["Catatan", "No", "Tingkat", "Tingkat Akhir"],
        ["", "", "3", ""],  # a level without a number
        ["", "", "", "2"],  # a stage's level without a number
        ["", "48", "3", ""],  # not an indicator of the model
        ["", "1", "3", ""],
        ["", "1", "4", ""],  # the same indicator again
        ["total", "", "", ""],  # a note: no level, no problem
        ["", "2", "9", ""],  # and rows after all of these are read
    ]
    path = _write_csv(tmp_path / "lke.csv", rows)
    r = run("import", str(path), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1
    said = [line for line in r.stderr.splitlines() if line.startswith(str(path))]
    places = [line.split(": galat: ")[0].removeprefix(f"{path}:") for line in said]
    assert places == ["2:2", "3:2", "4:2", "6:2", "8:3"]
    assert said[0].endswith("baris ini memuat tingkat tetapi tidak punya nomor indikator")
    assert "'48' bukan nomor indikator model ini (1-47; butir ditulis seperti 35.2)" in said[2]
    assert "indikator 1 sudah ada di baris 5" in said[3]  # the duplicate names the row it repeats


@pytest.mark.parametrize(
    ("header", "read"),
    [
        (["No", "Tingkat", "Tingkat"], 3),  # a header twice: the first column is read
        (["No", "Nilai", "Tingkat"], 4),
        (["No", "Nilai", "Level"], None),  # no Tingkat column: not an LKE
        (["Nomor", "Tingkat", "x"], None),  # no No column: not an LKE
    ],
)
def test_the_header_row_needs_no_and_tingkat_and_reads_the_first_of_each(
    tmp_path: Path, header: list[str], read: int | None
) -> None:
    path = _write_csv(tmp_path / "lke.csv", [header, ["1", "3", "4"]])
    if read is None:
        with pytest.raises(SpbeError) as caught:
            read_workbook(str(path))
        assert [p.code for p in caught.value.problems] == ["lke-no-header"] and caught.value.exit_code == 2
    else:
        assert read_workbook(str(path)).answers.answers[1].level == read


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_a_sheet_may_have_its_row_limit_under_the_header_and_not_a_row_more(
    tmp_path: Path, extra: int, refused: bool
) -> None:
    rows = [["No", "Tingkat"], ["1", "3"]] + [["", ""]] * (MAX_ROWS - 1 + extra)
    path = _write_csv(tmp_path / "lke.csv", rows)
    if refused:
        assert [(p.line, p.code) for p in _refused(path)] == [(MAX_ROWS + 2, "lke-too-many-rows")]
    else:
        assert read_workbook(str(path)).answers.answers[1].level == 3


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_a_csv_may_say_as_much_as_an_answers_file_and_not_a_character_more(
    tmp_path: Path, extra: int, refused: bool
) -> None:
    from spbe_calc.spec import MAX_TEXT

    cells = LIMITS["max_chars"] // MAX_TEXT  # a CSV has no Info sheet: its texts alone count
    rows = [["No", "Tingkat", "Fakta"]] + [[str(i), "3", "f" * MAX_TEXT] for i in range(1, cells + 1)]
    rows.append([str(cells + 1), "3", "g" * extra])
    path = _write_csv(tmp_path / "lke.csv", rows)
    if refused:
        assert [(p.line, p.code) for p in _refused(path)] == [(cells + 2, "too-many-chars")]
    else:
        assert len(read_workbook(str(path)).answers.answers) == cells + 1


def test_a_workbook_that_is_not_there_or_too_large_is_named(run: Run, tmp_path: Path) -> None:
    from spbe_calc.lke.read import MAX_BYTES

    missing = tmp_path / "tidak-ada.xlsx"
    r = run("import", str(missing), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 2 and f"{missing}: galat: berkas tidak ditemukan" in r.stderr
    large = tmp_path / "besar.xlsx"
    large.write_bytes(b"PK" + b"\0" * MAX_BYTES)
    r = run("import", str(large), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 2 and f"{large}: galat: berkas terlalu besar" in r.stderr


def _no_info(run: Run, tmp_path: Path, source: str) -> Path:
    """A workbook of ``source`` (answers text) whose Info sheet was deleted."""
    (tmp_path / "sumber.yaml").write_text(source, encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(tmp_path / "sumber.yaml"), "-o", str(book)).exit_code == 0
    wb = load_workbook(book)
    del wb["Info"]
    wb.save(book)
    return book


def test_a_workbook_without_info_is_read_with_the_model_of_the_file_it_goes_into(run: Run, tmp_path: Path) -> None:
    book = _no_info(run, tmp_path, "model: spbe-2018\nlevels:\n  1: 0\n  2: 4\n")  # 0: spbe-2018's scale
    target = tmp_path / "j.yaml"
    target.write_text("model: spbe-2018\ninstansi: X\n", encoding="utf-8")
    r = run("import", str(book), "-o", str(target))
    assert r.exit_code == 0, r.stderr
    back = read_answers(target)
    assert (back.model, back.instansi, back.answers[1].level) == ("spbe-2018", "X", 0)
    fresh = tmp_path / "baru.yaml"
    r = run("import", str(book), "-o", str(fresh), "--model", "spbe-2018")  # or as --model says
    assert r.exit_code == 0, r.stderr
    assert read_answers(fresh).answers[1].level == 0


def test_a_model_the_info_sheet_names_by_path_is_found_beside_the_workbook(run: Run, tmp_path: Path) -> None:
    from .helpers import MINI_TEXT

    (tmp_path / "m.yaml").write_text(
        MINI_TEXT.replace("1: {name: Rintisan}", "0: {name: Nol}\n      1: {name: Rintisan}", 1), encoding="utf-8"
    )
    (tmp_path / "j.yaml").write_text("model: m.yaml\nlevels:\n  1: 0\n", encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", str(tmp_path / "j.yaml"), "-o", str(book)).exit_code == 0
    read = read_workbook(str(book))  # from the project's folder: m.yaml is beside the workbook, not here
    assert (read.model.id, read.answers.answers[1].level) == ("mini", 0)


def test_a_csv_row_shorter_than_the_header_has_empty_cells_after_it(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat", "Fakta", "Analisis"], ["1", "3"], ["2", "4", "f"]])
    answers = read_workbook(str(path)).answers.answers
    assert [(a.level, a.fakta, a.analisis) for a in answers.values()] == [(3, None, None), (4, "f", None)]


def test_import_with_the_model_option_does_not_load_the_model_the_file_names(run: Run, tmp_path: Path) -> None:
    """--model decides: the model the target names (here a file that is gone) is not needed."""
    path = _write_csv(tmp_path / "lke.csv", [["No", "Tingkat"], ["1", "3"]])
    target = tmp_path / "j.yaml"
    target.write_text("model: hilang.yaml\ninstansi: X\n", encoding="utf-8")
    r = run("import", str(path), "-o", str(target), "--model", "spbe-2020")
    assert r.exit_code == 0, r.stderr
    assert read_answers(target).answers[1].level == 3
