"""Tests of spbe_calc/skeleton.py: ``init`` and answers files without answers yet."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pexpect
import pytest

from spbe_calc.answers import read_answers
from spbe_calc.answers.store import update
from spbe_calc.core import score_file
from spbe_calc.errors import SpbeError
from spbe_calc.model import Model, load_model
from spbe_calc.skeleton import LAPORAN_EXAMPLE, init_file, model_for_year, proposed_year

from .conftest import DATA, EXAMPLES, Run

EX22 = EXAMPLES / "kabupaten-contoh-2022.yaml"


def test_assess_and_init_propose_a_year_the_model_covers() -> None:
    model = load_model("spbe-2020")
    assert [proposed_year(model, y) for y in (2019, 2023, 2026)] == [2021, 2023, 2025]
    assert proposed_year(load_model("pemdi-2026"), 2031) == 2031


def test_each_year_starts_with_the_model_made_for_it() -> None:
    assert [model_for_year(y) for y in (None, 2019, 2021, 2025, 2026, 2031)] == [
        "spbe-2020", "spbe-2018", "spbe-2020", "spbe-2020", "pemdi-2026", "pemdi-2026",
    ]  # fmt: skip


def test_init_lists_every_indicator_by_name_with_no_level(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "jawaban-2025.yaml"
    r = run("init", str(path), "--instansi", "Pemerintah Kabupaten Contoh", "--tahun", "2025")
    assert r.exit_code == 0, r.stderr
    assert "47 indikator model spbe-2020" in r.stderr and f"spbe-calc assess {path}" in r.stderr
    answers = read_answers(path)
    assert (answers.model, answers.instansi, answers.tahun) == ("spbe-2020", "Pemerintah Kabupaten Contoh", 2025)
    assert sorted(answers.answers) == list(range(1, 48)) and not answers.has_answers()
    text = path.read_text(encoding="utf-8")
    model = load_model("spbe-2020")
    for ind in model.indicators:  # each indicator on its own line, named
        assert f"  {ind.id}: null  # {ind.name}\n" in text
    assert text.index("# Domain 1 · Kebijakan Internal SPBE") < text.index("# Aspek 1 ·") < text.index("  1: null")
    assert "# Kapabilitas Proses: 1 Rintisan, 2 Terkelola" in text and "#   tempat:" in text


def test_a_name_given_in_bytes_that_are_not_utf8_is_refused_before_anything_is_written(
    run: Run, tmp_path: Path
) -> None:
    # A shell in Latin-1 passes "é" as the byte E9, which Python holds as a lone surrogate.
    path = tmp_path / "jawaban.yaml"
    r = run("init", str(path), "--instansi", "Ni\udce9s", "--tahun", "2025")
    assert r.exit_code == 2 and not path.exists()
    assert r.stderr.startswith("--instansi: galat: teks memuat bita yang bukan UTF-8 (\\xe9)\n")
    assert "atur ke UTF-8" in r.stderr


def test_a_new_file_is_accepted_by_every_command_that_reads_answers(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "jawaban.yaml"
    assert run("init", str(path), "--tahun", "2025").exit_code == 0
    partial = run("score", "--partial", str(path))
    assert partial.exit_code == 0 and "Indeks SPBE: 1,00  Kurang" in partial.stdout
    full = run("score", str(path))
    assert full.exit_code == 2 and "47 indikator belum dijawab: 1-47" in full.stderr
    checked = run("validate", str(path))
    assert checked.exit_code == 0 and "peringatan: 47 indikator belum dijawab" in checked.stdout
    book = tmp_path / "lke.xlsx"
    assert run("export", str(path), "-o", str(book)).exit_code == 0
    # The team fills the workbook: the example's workbook, imported onto the new file.
    filled = tmp_path / "terisi.xlsx"
    assert run("export", str(EX22), "-o", str(filled)).exit_code == 0
    imported = run("import", str(filled), "-o", str(path))
    assert imported.exit_code == 0, imported.stderr
    assert score_file(str(path)).score.value == score_file(str(EX22)).score.value
    text = path.read_text(encoding="utf-8")
    assert "# Aspek 1 · Kebijakan Internal Tata Kelola SPBE" in text  # the names stay beside their entries
    assert "  1:  # Tingkat Kematangan Kebijakan Internal Arsitektur SPBE" in text


@pytest.mark.parametrize(
    "text",
    [
        "model: spbe-2020\ninstansi: X\ntahun: 2025\n",
        "model: spbe-2020\ninstansi: X\nlevels:\n",
        "levels: {}\n",
        "levels:\n  1:\n",
    ],
)
def test_a_hand_written_file_without_answers_is_accepted(run: Run, write: Callable[..., Path], text: str) -> None:
    path = write("awal.yaml", text)
    assert run("score", "--partial", str(path)).exit_code == 0
    assert run("validate", str(path)).exit_code == 0
    assert run("export", str(path), "-o", str(path.with_suffix(".xlsx"))).exit_code == 0
    filled = path.with_name("terisi.xlsx")
    assert run("export", str(EX22), "-o", str(filled)).exit_code == 0
    r = run("import", str(filled), "-o", str(path))  # no answers to lose: no --force needed
    assert r.exit_code == 0, r.stderr
    assert read_answers(path).levels() == read_answers(EX22).levels()


def test_init_never_replaces_a_file_that_holds_anything(run: Run, write: Callable[..., Path]) -> None:
    for text in ("levels:\n  1: 3\n", "instansi: X\n", "tahun: 2025\n"):
        path = write("ada.yaml", text)
        r = run("init", str(path), "--tahun", "2025")
        assert r.exit_code == 2 and "sudah ada dan berisi" in r.stderr and "spbe-calc assess" in r.stderr
        assert path.read_text(encoding="utf-8") == text


def test_init_fills_an_empty_file_and_keeps_its_comments(run: Run, write: Callable[..., Path]) -> None:
    path = write("kosong.yaml", "# Tim SPBE 2025\n\n")
    assert run("init", str(path), "--tahun", "2025").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Tim SPBE 2025\n# Berkas jawaban penilaian mandiri")
    assert len(read_answers(path).answers) == 47


def test_a_level_given_later_keeps_the_names_beside_their_entries(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "jawaban.yaml"
    assert run("init", str(path), "--tahun", "2025").exit_code == 0
    order = [i.id for i in load_model("spbe-2020").indicators]
    update(path, lambda a: a._replace(answers={**a.answers, 12: a.answers[12]._replace(level=3)}), order)
    text = path.read_text(encoding="utf-8")
    assert "  12: 3  # Tingkat Kematangan Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah\n" in text
    assert "  13: null  # Tingkat Kematangan Keterpaduan Rencana dan Anggaran SPBE\n" in text


def test_the_year_chooses_the_model_and_a_provisional_one_says_so(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "jawaban-2026.yaml"
    r = run("init", str(path), "--tahun", "2026")
    assert r.exit_code == 0 and read_answers(path).model == "pemdi-2026"
    assert "BELUM TERVERIFIKASI" in r.stderr and "20 indikator model pemdi-2026" in r.stderr
    path = tmp_path / "jawaban-2019.yaml"
    assert run("init", str(path), "--tahun", "2019").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "  35: null  # Layanan Publik Instansi Pemerintah — 3 butir" in text and "[0, 0, 0]" in text
    assert "rekonstruksi" in run("init", str(tmp_path / "x.yaml"), "--model", "spbe-2018").stderr


def test_a_model_file_is_named_from_the_answers_folder(run: Run, tmp_path: Path) -> None:
    (tmp_path / "tim").mkdir()
    model = tmp_path / "tim" / "model.yaml"
    model.write_text((EXAMPLES.parent / "indicators.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "tim" / "jawaban.yaml"
    r = run("init", str(path), "--model", str(model), "--tahun", "2025")
    assert r.exit_code == 0, r.stderr
    assert read_answers(path).model == "model.yaml"
    assert run("score", "--partial", str(path)).exit_code == 0  # read from the answers file's folder
    (tmp_path / "x").mkdir()
    elsewhere = tmp_path / "x" / "j.yaml"
    r = run("init", str(elsewhere), "--model", str(model))
    said = " ".join(r.stderr.split())
    assert r.exit_code == 2 and "model ../tim/model.yaml berada di luar folder berkas ini" in said
    assert not elsewhere.exists()


def test_a_year_that_is_not_one_is_refused_before_anything_is_written(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    for value in ("dua ribu", "1999", "20255", ""):
        r = run("init", str(path), "--tahun", value)
        assert r.exit_code == 2 and "bukan tahun" in r.stderr and "--tahun 2025" in r.stderr, value
    assert not path.exists()


def test_init_in_english_writes_english_comments(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    r = run("--lang", "en", "init", str(path), "--tahun", "2025")
    assert r.exit_code == 0 and "Next: spbe-calc assess" in r.stderr
    assert "# Fill in each indicator's level with: spbe-calc assess" in path.read_text(encoding="utf-8")


def _init_on_a_terminal(tmp_path: Path) -> pexpect.spawn:
    """``init`` in a pseudo-terminal, asking for the instansi."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SPBE_CALC_LANG")}
    env.update({"TERM": "xterm", "SPBE_CALC_LANG": "id", "NO_COLOR": "1"})
    child = pexpect.spawn(
        sys.executable, ["-m", "spbe_calc", "init", "--model", "spbe-2020"], cwd=str(tmp_path), env=env,
        encoding="utf-8", codec_errors="replace", timeout=30,  # the terminal echoes bytes as they came
    )  # fmt: skip
    child.expect("Nama instansi")
    return child


def test_init_asks_for_what_is_missing_on_a_terminal(tmp_path: Path) -> None:
    child = _init_on_a_terminal(tmp_path)
    child.sendline("Pemerintah Kota Contoh")
    child.expect(r"Tahun penilaian \(Enter = 20\d\d\)")
    child.sendline("tahun ini")
    child.expect("bukan tahun")
    child.expect("Tahun penilaian")
    child.sendline("2024")
    child.expect("Langkah berikutnya: spbe-calc assess jawaban.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    answers = read_answers(tmp_path / "jawaban.yaml")
    assert (answers.instansi, answers.tahun, len(answers.answers)) == ("Pemerintah Kota Contoh", 2024, 47)


def test_enter_at_inits_questions_leaves_the_name_out_and_takes_the_proposed_year(tmp_path: Path) -> None:
    child = _init_on_a_terminal(tmp_path)
    child.sendline("")
    # The question as written, then what was typed (nothing) and the line's end: no default shown,
    # no second colon.
    child.expect_exact(" (Enter = lewati): \r\n", timeout=5)
    child.expect(r"Tahun penilaian \(Enter = (20\d\d)\): ", timeout=5)
    proposed = int(child.match.group(1))
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    answers = read_answers(tmp_path / "jawaban.yaml")
    assert (answers.instansi, answers.tahun) == (None, proposed)


def test_without_a_terminal_nothing_is_asked(tmp_path: Path) -> None:
    import subprocess

    r = subprocess.run(
        [sys.executable, "-m", "spbe_calc", "init", "j.yaml"], cwd=tmp_path, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    assert r.returncode == 0 and r.stdout == ""
    answers = read_answers(tmp_path / "j.yaml")
    assert (answers.instansi, answers.tahun, answers.model) == (None, None, "spbe-2020")


def test_the_workbook_of_a_new_file_has_every_row_empty(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    run("init", str(path), "--instansi", "Pemerintah Kota Contoh", "--tahun", "2025")
    book = tmp_path / "j.xlsx"
    assert run("export", str(path), "-o", str(book)).exit_code == 0
    sheet = openpyxl.load_workbook(book)["LKE"]
    assert sheet.max_row == 2 + 47 and all(sheet.cell(row=r, column=6).value is None for r in range(3, 50))
    data = json.loads(run("score", "--partial", "-f", "json", str(path)).stdout)
    assert data["missing"] == list(range(1, 48))


def test_ctrl_c_or_ctrl_d_at_a_question_writes_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SPBE_CALC_LANG")}
    env.update({"TERM": "xterm", "SPBE_CALC_LANG": "id", "NO_COLOR": "1"})
    for key in ("\x03", "\x04"):
        child = pexpect.spawn(
            sys.executable, ["-m", "spbe_calc", "init"], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30
        )
        child.expect("Nama instansi")
        child.sendline("Pemerintah Kota Contoh")
        child.expect("Tahun penilaian")
        child.send(key)
        child.expect("dihentikan")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 130 and not (tmp_path / "jawaban.yaml").exists()


def test_a_models_hostile_names_make_printable_comments(run: Run, tmp_path: Path) -> None:
    """Names with control and bidirectional characters (allowed in a model's quoted strings)."""
    text = (EXAMPLES.parent / "indicators.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Kebijakan Internal SPBE"', 'name: "Kebijakan\\x01 Internal\\u202e SPBE"', 1)
    model = tmp_path / "model.yaml"
    model.write_text(text, encoding="utf-8")
    path = tmp_path / "j.yaml"
    r = run("init", str(path), "--model", str(model), "--tahun", "2025")
    assert r.exit_code == 0, r.stderr
    written = path.read_text(encoding="utf-8")
    assert "# Domain 1 · Kebijakan Internal SPBE" in written
    assert not any(ch in written for ch in "\x01\u202e")
    assert run("validate", str(path)).exit_code == 0


def test_init_asks_again_for_a_name_in_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    child = _init_on_a_terminal(tmp_path)
    child.send("Kota Ni")
    os.write(child.child_fd, b"\xe9")  # "é" from a terminal in Latin-1
    child.send("s\r")
    child.expect(r"bukan UTF-8 \(\\xe9\)")
    child.expect("Nama instansi")
    child.sendline("Kota Nias")
    child.expect("Tahun penilaian")
    child.sendline("2025")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and read_answers(tmp_path / "jawaban.yaml").instansi == "Kota Nias"


def test_a_new_files_comments_say_how_to_fill_it(tmp_path: Path) -> None:
    path = tmp_path / "j.yaml"
    started = init_file(path, None, "Kota X", 2024)
    assert started.answers.path == str(path) and started.model.id == "spbe-2020"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:5] == [
        "# Berkas jawaban penilaian mandiri Indeks SPBE (model spbe-2020), dibuat oleh spbe-calc init.",
        f"# Isi tingkat tiap indikator dengan: spbe-calc assess {path}",
        f"# atau ganti null dengan tingkatnya (misalnya 1: 3). Nilai sementara: spbe-calc score --partial {path}",
        "# Kapabilitas Proses: 1 Rintisan, 2 Terkelola, 3 Terdefinisi, 4 Terpadu dan Terukur, 5 Optimum",
        "# Kapabilitas Layanan: 1 Informasi, 2 Interaksi, 3 Transaksi, 4 Kolaborasi, 5 Optimum",
    ]
    assert lines[lines.index("levels:") + 1 : lines.index("levels:") + 3] == [
        "  # Domain 1 · Kebijakan Internal SPBE",
        "  # Aspek 1 · Kebijakan Internal Tata Kelola SPBE",
    ]
    assert "  # Aspek 2 · Perencanaan Strategis SPBE" in lines and "  # Domain 2 · Tata Kelola SPBE" in lines
    assert lines[-7:] == [
        "",
        "# Untuk laporan yang ditandatangani (spbe-calc report), hapus tanda # di baris berikut lalu isi:",
        *("# " + line for line in LAPORAN_EXAMPLE),
    ]
    with pytest.raises(SpbeError) as caught:
        init_file(path, None, "Kota X", 2024)
    assert [(p.path, p.code) for p in caught.value.problems] == [(str(path), "init-exists")]


def test_levels_without_names_are_listed_by_number(tmp_path: Path) -> None:
    text = (DATA / "mini-model.yaml").read_text(encoding="utf-8")
    model = tmp_path / "model.yaml"
    model.write_text(re.sub(r"(?m)^(      [0-9]+: )\{name: [^}]*\}", r"\1{}", text), encoding="utf-8")
    init_file(tmp_path / "j.yaml", str(model), None, None)
    assert "# Kapabilitas Proses: 1, 2, 3, 4, 5" in (tmp_path / "j.yaml").read_text(encoding="utf-8").splitlines()


def test_a_model_with_an_open_end_proposes_this_year_from_its_start(model: Model) -> None:
    """A regulation in force from 2026 on covers every later year; before it, its first year."""
    reg = model.regulation._replace(year_from=2026, year_to=None)
    open_ended = model._replace(regulation=reg)
    assert [proposed_year(open_ended, y) for y in (2024, 2026, 2031)] == [2026, 2026, 2031]
    assert [proposed_year(model, y) for y in (2019, 2021, 2025, 2031)] == [2021, 2021, 2025, 2025]
