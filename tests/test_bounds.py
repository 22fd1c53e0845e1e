"""Hostile input, second round: sizes bounded after aliases, import as strict as reading, outputs
cleaned on every path, line breaks as a reviewer sees them, and the smaller exits (issue 23).

Hostile files are generated here, not committed. Time and memory are measured on the command in
its own process under ``resource`` limits (:func:`tests.conftest.bounded`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from spbe_calc.yamlsafe import LIMITS

from .conftest import EXAMPLES, MAX_MEGABYTES, MAX_SECONDS, Run, bounded

EX22 = EXAMPLES / "kabupaten-contoh-2022.yaml"
HEAD = 'model: spbe-2020\ninstansi: "Kabupaten Uji"\ntahun: 2024\nlevels:\n'


def _within_bounds(result: object) -> None:
    assert result.seconds < MAX_SECONDS, result  # type: ignore[attr-defined]
    assert result.megabytes < MAX_MEGABYTES, result  # type: ignore[attr-defined]


# --- 1. size, not only nodes -------------------------------------------------------------------------


def alias_bomb(folder: Path, length: int = 100_000) -> Path:
    """A valid file of ~100 KB whose one long text is aliased in every fakta and bukti."""
    lines = [HEAD.rstrip("\n"), f'  1: {{level: 3, fakta: &t "{"x" * length}", bukti: [*t]}}']
    lines += [f"  {i}: {{level: 3, fakta: *t, analisis: *t, bukti: [*t, *t, *t]}}" for i in range(2, 48)]
    path = folder / "bom.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def at_the_limit(folder: Path) -> Path:
    """A file without aliases that says just under the characters a document may say."""
    words = ["kebijakan", "arsitektur", "layanan", "data", "aplikasi", "keamanan", "infrastruktur", "proses", "bisnis"]
    per = (LIMITS["max_chars"] - 40_000) // 47
    text = " ".join(words[i % len(words)] for i in range(per))[:per]
    lines = [HEAD.rstrip("\n")] + [f'  {i}:\n    level: 3\n    fakta: "{text}"' for i in range(1, 48)]
    path = folder / "besar.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["evidence"],
        ["report", "-o", "r.html"],
        ["export", "-o", "l.xlsx"],
        ["export", "-o", "l.csv"],
        ["merge", "bom.yaml", "-o", "bom.yaml"],
        ["validate"],
    ],
)
def test_a_small_file_that_says_too_much_is_refused_before_anything_is_made(tmp_path: Path, command: list[str]) -> None:
    path = alias_bomb(tmp_path)
    before = path.read_bytes()
    name, *rest = command
    result = bounded(name, str(path), *rest, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stderr
    assert "karakter setelah alias diuraikan" in result.stderr + result.stdout
    assert len(result.stdout) + len(result.stderr) < 10_000
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["bom.yaml"]
    _within_bounds(result)


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["evidence"],
        ["report", "-o", "r.html"],
        ["report", "-o", "r.md"],
        ["export", "-o", "l.xlsx"],
        ["export", "-o", "l.csv"],
        ["merge", "salinan.yaml", "-o", "gabung.yaml"],
        ["plan", "-t", "Baik"],
        ["compare", "salinan.yaml"],
    ],
)
def test_a_file_at_the_limit_is_served_within_the_bounds(tmp_path: Path, command: list[str]) -> None:
    path = at_the_limit(tmp_path)
    shutil.copy(path, tmp_path / "salinan.yaml")
    name, *rest = command
    result = bounded(name, str(path), *rest, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _within_bounds(result)
    if name == "merge":  # what the tool writes, it reads back
        assert bounded("score", "gabung.yaml", cwd=tmp_path).returncode == 0
    if name == "export" and rest[-1].endswith("xlsx"):
        back = bounded("import", "l.xlsx", "-o", "kembali.yaml", cwd=tmp_path)
        assert back.returncode == 0, back.stderr
        _within_bounds(back)


def test_a_merge_whose_result_would_be_refused_is_not_written(tmp_path: Path) -> None:
    """Aliases of a text of control characters stay under the read limit, but written out (each
    character escaped) the file would be larger than the reader takes: nothing is written."""
    text = "\\x01" * 20_000
    lines = [HEAD.rstrip("\n"), f'  1: {{level: 3, fakta: &t "{text}"}}']
    lines += [f"  {i}: {{level: 3, fakta: *t, analisis: *t}}" for i in range(2, 47)]
    source = tmp_path / "a.yaml"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(source, tmp_path / "b.yaml")
    result = bounded("merge", "a.yaml", "b.yaml", "-o", "g.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "hasilnya tidak ditulis" in result.stderr
    assert not (tmp_path / "g.yaml").exists()
    _within_bounds(result)


# --- 2. import is as strict as reading ---------------------------------------------------------------


def _workbook(run: Run, tmp_path: Path) -> Path:
    book = tmp_path / "lke.xlsx"
    assert run("export", str(EX22), "-o", str(book)).exit_code == 0
    return book


def _edit(book: Path, change: object) -> None:
    wb = load_workbook(book)
    change(wb["LKE"])  # type: ignore[operator]
    wb.save(book)


def _handmade_workbook(path: Path, rows: list[list[str | int]], shared: list[str]) -> None:
    """An xlsx written part by part, as an attacker would: a string cell ``"#n"`` refers to the
    n-th shared string (spreadsheet programs cut cells at 32,767 characters and store each text
    once; this file stores one huge text once and uses it everywhere)."""

    def cell(ref: str, value: str | int) -> str:
        if isinstance(value, int):
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


def test_one_huge_shared_string_in_many_cells_is_refused_cell_by_cell(tmp_path: Path) -> None:
    """A 5 MB text stored once and used in the fakta of 47 rows and the analisis of 47 more."""
    book = tmp_path / "lke.xlsx"
    rows: list[list[str | int]] = [
        ["Domain", "Aspek", "No", "Indikator", "Bobot (%)", "Tingkat", "Nama Tingkat", "Fakta", "Analisis"]
    ]
    rows += [["", "", str(i), "", 1, 3, "", "#0", "#0"] for i in range(1, 48)]
    _handmade_workbook(book, rows, ["A" * 5_000_000])
    assert book.stat().st_size < 100_000
    result = bounded("import", str(book), "-o", "j.yaml", cwd=tmp_path)
    assert result.returncode == 1 and "LKE!H2" in result.stderr and "100000" in result.stderr
    assert not (tmp_path / "j.yaml").exists()
    _within_bounds(result)


def _inflate(book: Path, marker: str, replacement: str) -> None:
    """Replace a text in the workbook's parts as they are stored (beyond what a program writes)."""
    with zipfile.ZipFile(book) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data.replace(marker.encode(), replacement.encode()))


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("B" * 100_001, "lebih panjang dari 100000"),
        ("awal _xD800_ akhir", "U+D800"),
    ],
)
def test_a_text_cell_the_reader_would_refuse_is_refused(run: Run, tmp_path: Path, value: str, said: str) -> None:
    book = _workbook(run, tmp_path)
    _edit(book, lambda sheet: setattr(sheet.cell(row=5, column=9), "value", "PENANDA"))
    _inflate(book, "PENANDA", value)
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and "LKE!I5" in r.stderr and said in r.stderr
    assert not (tmp_path / "j.yaml").exists()


def test_a_level_of_five_thousand_digits_is_a_cell_problem(run: Run, tmp_path: Path) -> None:
    book = _workbook(run, tmp_path)
    _edit(book, lambda sheet: setattr(sheet.cell(row=3, column=6), "value", "9" * 5000))
    r = run("import", str(book), "-o", str(tmp_path / "j.yaml"))
    assert r.exit_code == 1 and "LKE!F3" in r.stderr


# --- 6. every output cleaned on every path ----------------------------------------------------------------

HOSTILE = "awal \x1b[2J\x07 bel \x9b c1 \u202e bidi\n::error::palsu\n##[error]palsu juga"


def _hostile_file(folder: Path) -> Path:
    path = folder / "j.yaml"
    shutil.copy(EXAMPLES / "logo-contoh.svg", folder)
    text = EX22.read_text(encoding="utf-8")
    fakta = json.dumps(HOSTILE)
    path.write_text(text.replace("\n  2: 3\n", f"\n  2: {{level: 3, fakta: {fakta}}}\n", 1), "utf-8")
    return path


def _clean(output: str) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", output)
    assert not re.search(r"^\s*::|##\[", output, re.MULTILINE)


@pytest.mark.parametrize(
    "command", [["export", "--format", "csv"], ["report", "-f", "html"], ["report", "-f", "markdown"]]
)
def test_outputs_to_a_file_are_cleaned_as_stdout_is(tmp_path: Path, command: list[str]) -> None:
    path = _hostile_file(tmp_path)
    for target in ("/dev/stdout", str(tmp_path / "keluar.txt")):
        done = subprocess.run(
            [sys.executable, "-m", "spbe_calc", *command[:1], str(path), *command[1:], "-o", target],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        written = done.stdout if target == "/dev/stdout" else Path(target).read_text(encoding="utf-8")
        assert "palsu" in written
        _clean(written)


def test_csv_cells_are_neutralised_as_a_spreadsheet_reads_them(tmp_path: Path) -> None:
    """Opened in LibreOffice, no cell is a formula and a lone CR does not end the row."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("SPBE_REQUIRE_BROWSER"):
            pytest.fail("LibreOffice is required in CI (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "j.yaml"
    text = EX22.read_text(encoding="utf-8")
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


# --- 7. line breaks: what a reviewer sees is what is scored ----------------------------------------------


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\r", "bare-cr"),
        ("\x85", "unicode-line-break"),
        ("\u2028", "unicode-line-break"),
        ("\u2029", "unicode-line-break"),
    ],
)
def test_a_line_break_a_diff_does_not_show_is_an_error_with_its_place(
    run: Run, tmp_path: Path, char: str, code: str
) -> None:
    path = tmp_path / "j.yaml"
    path.write_text(HEAD + "  1: 3\n  # catatan" + char + "  2: 5\n", encoding="utf-8")
    r = run("validate", "-f", "json", str(path))
    problems = json.loads(r.stdout)[0]["problems"]
    assert r.exit_code == 1 and [(p["code"], p["line"], p["column"]) for p in problems] == [(code, 6, 12)]
    assert run("score", "--partial", str(path)).exit_code == 2


def test_line_ends_in_crlf_are_fine(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_bytes((HEAD + "  1: 3\n").replace("\n", "\r\n").encode())
    assert run("score", "--partial", str(path)).exit_code == 0


# --- 8. the smaller points --------------------------------------------------------------------------------


def _spbe(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "spbe_calc", *args], capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.mark.parametrize("output", [".", "/", ""])
def test_import_to_a_folder_or_nothing_is_refused(run: Run, tmp_path: Path, output: str) -> None:
    book = _workbook(run, tmp_path)
    r = run("import", str(book), "-o", output)
    assert r.exit_code == 2 and "folder, bukan berkas" in r.stderr


@pytest.mark.parametrize("command", ["merge", "import"])
def test_a_read_only_answers_file_is_not_replaced(run: Run, tmp_path: Path, command: str) -> None:
    target = tmp_path / "j.yaml"
    shutil.copy(EX22, target)
    target.chmod(0o444)
    before = target.read_bytes()
    if command == "merge":
        r = run("merge", str(EX22), str(EX22), "-o", str(target), "--force")
    else:
        r = run("import", str(_workbook(run, tmp_path)), "-o", str(target), "--force")
    assert r.exit_code == 2 and "hanya-baca" in r.stderr and target.read_bytes() == before


def test_a_full_stderr_keeps_the_exit_code() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "spbe_calc", "score", "tidak-ada.yaml"], stderr=full)
    assert done.returncode == 2


def test_a_closed_stdout_is_an_error_not_silence() -> None:
    done = subprocess.run(
        f"'{sys.executable}' -m spbe_calc score '{EX22}' >&-", shell=True, capture_output=True, text=True
    )
    assert done.returncode == 2 and "keluaran standar tertutup" in done.stderr


def test_utf32_is_named_as_such(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    path.write_bytes(HEAD.encode("utf-32"))
    r = run("score", str(path))
    assert r.exit_code == 2 and "UTF-32" in r.stderr and "UTF-16" not in r.stderr


@pytest.mark.parametrize("bar", ["2_5", "2.5e0", "0x2"])
def test_a_bar_is_a_plain_decimal(run: Run, bar: str) -> None:
    r = run("score", "--fail-under", bar, str(EX22))
    assert r.exit_code == 2 and "bukan angka maupun nama predikat" in r.stderr


def test_a_huge_job_count_is_capped_not_refused(tmp_path: Path) -> None:
    for n in range(3):
        shutil.copy(EX22, tmp_path / f"{n}.yaml")
    done = _spbe("score", str(tmp_path), env={**os.environ, "SPBE_CALC_JOBS": "1000000000"})
    assert done.returncode == 0, done.stderr


def test_a_lock_file_that_is_a_link_is_named(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "j.yaml"
    shutil.copy(EX22, target)
    (tmp_path / ".j.yaml.lock").symlink_to(tmp_path / "korban.txt")
    r = run("evidence", str(target), "--record")
    assert r.exit_code == 2 and "tautan simbolik" in r.stderr and not (tmp_path / "korban.txt").exists()
