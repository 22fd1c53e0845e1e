"""Numbers and dates the way each language writes them; files for programs keep the dot."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbe_calc.i18n import LANGUAGES, catalogue, set_language
from spbe_calc.model import load_model
from spbe_calc.render import (
    band_step,
    banding_conflict,
    bar_text,
    csv_read_text,
    csv_text,
    exact_num,
    localized,
    long_date,
    num,
    pct,
    plain_num,
    signed,
    status_note,
    status_notes,
)
from spbe_calc.render.safe import clean
from tests.conftest import EXAMPLES, Run

EX22 = str(EXAMPLES / "kabupaten-contoh-2022.yaml")


def test_indonesian_writes_a_decimal_comma_and_groups_thousands_with_a_dot() -> None:
    assert num(Fraction(238, 100)) == "2,38"
    assert pct(Fraction(13), Fraction(100)) == "13,00%" and pct(Fraction(1), Fraction(3)) == "33,33%"
    assert signed(Fraction(-5, 100)) == "-0,05"
    assert signed(Fraction(0)) == "+0,00"
    assert exact_num(Fraction(26615, 10000)) == "2,6615"
    assert exact_num(Fraction(4, 3)) == "4/3"  # a fraction that does not end is left as it is
    assert localized("150000000") == "150.000.000"
    assert localized("1234567.5") == "1.234.567,5"
    assert localized("1000") == "1000"  # four digits stay together, as Indonesian style guides write them
    assert localized("-12345") == "-12.345"


def test_english_keeps_the_dot() -> None:
    set_language("en")
    assert num(Fraction(238, 100)) == "2.38"
    assert pct(Fraction(13), Fraction(100)) == "13.00%" and pct(Fraction(2), Fraction(3)) == "66.67%"
    assert localized("150000000") == "150,000,000"
    assert long_date(datetime.date(2026, 11, 28)) == "28 November 2026"


def test_dates_as_documents_write_them() -> None:
    assert long_date(datetime.date(2026, 11, 28)) == "28 November 2026"
    assert long_date(datetime.date(2025, 8, 1)) == "1 Agustus 2025"
    assert long_date(datetime.date(2024, 2, 29)) == "29 Februari 2024"


def test_every_language_names_twelve_months() -> None:
    for lang in LANGUAGES:
        assert len(catalogue(lang).MESSAGES["fmt.months"].split()) == 12, lang


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False))
def test_a_localized_number_reads_back_as_the_same_value(value: Decimal) -> None:
    """Undoing the separators gives the program's text again, in both languages."""
    text = format(value, "f")
    for lang, group, mark in (("id", ".", ","), ("en", ",", ".")):
        set_language(lang)
        shown = localized(text)
        assert Decimal(shown.replace(group, "").replace(mark, ".")) == value
    set_language("id")


def test_outputs_for_people_use_the_comma_outputs_for_programs_the_dot(run: Run) -> None:
    assert "Indeks SPBE: 2,38  Cukup" in run("score", EX22).stdout
    assert "Indeks SPBE: 2.38  Cukup" in run("--lang", "en", "score", EX22).stdout
    data = json.loads(run("score", EX22, "-f", "json").stdout)
    assert data["files"][0]["index"] == 2.38 if "files" in data else data["index"] == 2.38
    row = next(csv.DictReader(io.StringIO(run("score", EX22, "-f", "csv").stdout)))
    assert row["index"] == "2.38" and row["index_exact"] == "2.38"
    assert plain_num(Fraction(238, 100)) == "2.38"


def test_plan_costs_are_grouped(run: Run, write) -> None:  # type: ignore[no-untyped-def]
    costs = write("biaya.yaml", "default:\n  cost: 150000000\n")  # rupiah per raise
    out = run("plan", EX22, "--target", "Baik", "--costs", str(costs)).stdout
    assert "150.000.000" in out
    out = run("--lang", "en", "plan", EX22, "--target", "Baik", "--costs", str(costs)).stdout
    assert "150,000,000" in out


# --- a model that is not official says so in every output --------------------------------------

DENPASAR = str(EXAMPLES / "kota-denpasar-2018.yaml")  # spbe-2018: a reconstructed model
RECONSTRUCTED = "rekonstruksi: model spbe-2018 disusun ulang dari sumber sekunder"


def _pemdi(write: Callable[..., Path]) -> str:
    """A provisional model's file with final levels (for calibrate too)."""
    levels = "\n".join(f"  {i}:\n    level: 3\n    tahap: {{akhir: 2}}" for i in range(1, 21))
    return str(
        write("pemdi.yaml", f"model: pemdi-2026\ninstansi: Pemerintah Kota Contoh\ntahun: 2026\nlevels:\n{levels}\n")
    )


def _flat(text: str) -> str:
    """Text with its line breaks undone (a wrapped note read as one sentence)."""
    return " ".join(text.split())


@pytest.mark.parametrize(
    "args",
    [
        ("score",),
        ("score", "-f", "markdown"),
        ("score", "--detail"),
        ("plan", "--target", "2.8"),
        ("compare",),  # beside the published 2023 and 2024 results (spbe-2020)
        ("peers",),
        ("peers", "-f", "markdown"),
    ],
)
def test_a_reconstructed_model_says_so_on_stdout_and_not_twice(run: Run, args: tuple[str, ...]) -> None:
    r = run(args[0], DENPASAR, *args[1:])
    assert r.exit_code in (0, 1), r.stderr
    assert "⚠ " + RECONSTRUCTED in _flat(r.stdout)
    assert "angkanya dapat berbeda dari hasil resmi" in _flat(r.stdout)
    assert RECONSTRUCTED not in r.stderr  # the reader of the text already has it


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("score", "-f", "json"), lambda d: d["model_warning"]),
        (("plan", "--target", "2.8", "-f", "json"), lambda d: d["model_warning"]),
        (("compare", "-f", "json"), lambda d: d["files"][0]["model_warning"]),
        (("peers", "-f", "json"), lambda d: d["self_assessment"]["model_warning"]),
    ],
)
def test_data_for_programs_carries_the_status_and_the_terminal_hears_it(
    run: Run, args: tuple[str, ...], field: Callable[[Any], str]
) -> None:
    r = run(args[0], DENPASAR, *args[1:])
    assert field(json.loads(r.stdout)).startswith(RECONSTRUCTED)
    assert "spbe-calc: ⚠ " + RECONSTRUCTED in r.stderr


def test_csv_outputs_carry_the_status_on_their_rows(run: Run, tmp_path: Path) -> None:
    row = next(csv.DictReader(io.StringIO(run("score", DENPASAR, "-f", "csv").stdout)))
    assert row["model_status"] == "reconstructed" and row["model_warning"].startswith(RECONSTRUCTED)
    rows = list(csv.DictReader(io.StringIO(run("peers", DENPASAR, "-f", "csv").stdout)))
    own = [r for r in rows if r["sumber"] == "mandiri"]
    assert own and all(r["catatan"].startswith(RECONSTRUCTED) for r in own)
    out = tmp_path / "lke.csv"
    assert run("export", DENPASAR, "-o", str(out)).exit_code == 0
    lke = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(lke) > 30 and all(r["Status model"].startswith(RECONSTRUCTED) for r in lke)


def test_the_report_cover_and_the_workbook_title_say_so(run: Run, tmp_path: Path) -> None:
    import openpyxl

    html = tmp_path / "laporan.html"
    assert run("report", DENPASAR, "-o", str(html)).exit_code == 0
    cover = html.read_text(encoding="utf-8").split('<section class="cover">', 1)[1].split("</section>", 1)[0]
    assert '<p class="warn">⚠ ' + RECONSTRUCTED in cover
    md = tmp_path / "laporan.md"
    assert run("report", DENPASAR, "-o", str(md)).exit_code == 0
    assert "> ⚠ " + RECONSTRUCTED in md.read_text(encoding="utf-8")
    book = tmp_path / "lke.xlsx"
    assert run("export", DENPASAR, "-o", str(book)).exit_code == 0
    first = openpyxl.load_workbook(book).worksheets[0]
    assert first.title == "LKE" and RECONSTRUCTED in first["A1"].value


def test_a_provisional_model_says_its_own_warning_everywhere(
    run: Run, write: Callable[..., Path], tmp_path: Path
) -> None:
    import openpyxl

    path = _pemdi(write)
    said = "sementara: Model pemdi-2026 BELUM TERVERIFIKASI"
    assert said in _flat(run("score", path).stdout)
    assert said in _flat(run("calibrate", path).stdout)
    assert json.loads(run("calibrate", path, "-f", "json").stdout)["years"][0]["model_warning"].startswith(said)
    book = tmp_path / "lke.xlsx"
    assert run("export", path, "-o", str(book)).exit_code == 0
    assert said in openpyxl.load_workbook(book)["LKE"]["A1"].value
    out = tmp_path / "lke.csv"
    assert run("export", path, "-o", str(out)).exit_code == 0
    assert all(r["Status model"].startswith(said) for r in csv.DictReader(io.StringIO(out.read_text("utf-8"))))


def test_an_official_model_carries_no_status_note(run: Run, tmp_path: Path) -> None:
    import openpyxl

    assert "⚠" not in run("score", EX22).stdout + run("score", EX22).stderr
    assert json.loads(run("score", EX22, "-f", "json").stdout)["model_warning"] is None
    out = tmp_path / "lke.csv"
    run("export", EX22, "-o", str(out))
    assert "Status model" not in out.read_text(encoding="utf-8").splitlines()[0]
    book = tmp_path / "lke.xlsx"
    run("export", EX22, "-o", str(book))
    title = openpyxl.load_workbook(book)["LKE"]["A1"].value
    assert title == "Lembar Kerja Evaluasi — Pemerintah Kabupaten Contoh · 2022 · Indeks SPBE (PermenPANRB 59/2020)"


def test_a_year_whose_banding_rule_is_assumed_says_so(run: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    import openpyxl

    text = (EXAMPLES / "kabupaten-contoh-2022.yaml").read_text(encoding="utf-8")
    shutil.copy(EXAMPLES / "logo-contoh.svg", tmp_path)
    for year, assumed in ((2021, True), (2022, True), (2023, False), (2024, False), (2025, True), (2026, True)):
        path = str(write(f"k{year}.yaml", text.replace("tahun: 2022", f"tahun: {year}")))
        out = _flat(run("score", path).stdout)
        assert (f"(aturan tahun {year}, anggapan)" in out) is assumed, (year, out)
        assert f"aturan tahun {year}" in out
        rule = json.loads(run("score", path, "-f", "json").stdout)["banding_rule"]
        assert rule["assumed"] is assumed
        if year == 2025:
            book = tmp_path / "lke.xlsx"
            assert run("export", path, "-o", str(book)).exit_code == 0
            assert "aturan tahun 2025, anggapan" in openpyxl.load_workbook(book)["Hasil"]["A2"].value
            html = tmp_path / "laporan.html"
            assert run("report", path, "-o", str(html)).exit_code == 0
            assert "aturan tahun 2025, anggapan" in html.read_text(encoding="utf-8")
    shown = _flat(run("models", "spbe-2020").stdout)
    assert "2021–2022: dari indeks tepat (anggapan)" in shown and "2025–: dari indeks tepat (anggapan)" in shown
    assert "2023: dari indeks yang dibulatkan." in shown and "2024: dari indeks tepat." in shown
    rules = json.loads(run("models", "spbe-2020", "-f", "json").stdout)["banding_by_year"]
    assert [(r["from"], r["to"], r["assumed"]) for r in rules] == [
        (2021, 2022, True), (2023, 2023, False), (2024, 2024, False), (2025, None, True),
    ]  # fmt: skip


def test_model_status_and_warning_are_fields(run: Run, write: Callable[..., Path]) -> None:
    path = str(write("p.yaml", "model: pemdi-2026\nlevels: {" + ", ".join(f"{i}: 3" for i in range(1, 21)) + "}\n"))
    data = json.loads(run("score", path, "-f", "json").stdout)
    assert data["model_status"] == "provisional" and "BELUM TERVERIFIKASI" in data["model_warning"]
    row = next(csv.DictReader(io.StringIO(run("score", path, "-f", "csv").stdout)))
    assert row["model_status"] == "provisional" and "BELUM TERVERIFIKASI" in row["model_warning"]
    assert "BELUM TERVERIFIKASI" in run("score", path, "-f", "markdown").stdout


def test_a_text_cell_for_a_spreadsheet_keeps_its_line_breaks_as_line_feeds_and_is_disarmed() -> None:
    """CR LF and a lone CR become LF (a lone CR ends a spreadsheet's row); a formula's start gets a
    quote, and so does a quote before one, so that reading the cell back undoes it exactly."""
    assert csv_text("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert csv_text("=1+1") == "'=1+1" and csv_text("'=1") == "''=1"
    assert csv_text("'kutip") == "'kutip" and csv_text("biasa") == "biasa"
    for text in ("=1+1", "'=1", "'kutip", "-2", "biasa"):
        assert csv_read_text(csv_text(text)) == text
    # A cell saved again by an editor on Windows (CR LF) or an old Mac (CR) reads as written.
    assert csv_read_text("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_a_bar_as_written_is_shown_the_languages_way_and_anything_else_escaped() -> None:
    set_language("en")
    assert bar_text(" 2,5 ") == "2.5"  # a comma written for the decimal mark, in English
    set_language("id")
    assert bar_text("2.50") == "2,50"
    assert bar_text("Sangat Baik") == "Sangat Baik"
    assert bar_text("v1.2\x1b[31m") == clean("v1.2\x1b[31m")  # not a number: escaped, never localized


def test_a_model_of_one_band_takes_the_top_colour() -> None:
    """Colours follow a band's rank; a single band is the highest there is."""
    model = load_model("spbe-2020")
    one = model._replace(bands=(model.bands[0],))
    assert band_step(one, one.bands[0], 5) == 4
    two = model._replace(bands=model.bands[:2])
    assert [band_step(two, b, 5) for b in two.bands_ascending()] == [0, 4]


def test_every_model_that_is_not_official_says_so_once() -> None:
    older, draft = load_model("spbe-2018"), load_model("pemdi-2026")
    notes = status_notes([older, draft, older, load_model("spbe-2020")])
    assert notes == [status_note(older), status_note(draft)] and None not in notes


def test_a_banding_conflict_shows_the_rounded_index_to_the_models_decimals() -> None:
    model = load_model("spbe-2020")._replace(precision=3)
    text = banding_conflict(model, Fraction(17995, 10000)) or ""  # 1.7995: Kurang, rounded 1.800: Cukup
    assert "1,7995" in text and "1,800" in text
    assert banding_conflict(model, Fraction(18, 10)) is None
