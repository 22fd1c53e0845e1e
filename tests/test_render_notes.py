"""spbe_calc.render.notes: the one-line notes on stderr (incomplete files, files below the bar,
batches of several models)."""

from __future__ import annotations

from .conftest import Run
from .helpers import DPS, EX21, EX22, Write


def test_an_incomplete_file_says_what_its_index_means(run: Run, write: Write) -> None:
    path = write("p.yaml", "model: spbe-2020\ntahun: 2024\nlevels: {1: 3, 2: 4, 5: 2}\n")
    note = run("score", "--partial", str(path)).stderr.strip()
    assert note == (
        f"{path}: 44 indikator belum dijawab (3-4, 6-47); dihitung di tingkat terendah. Indeks ini batas bawah; "
        "bila semuanya tingkat tertinggi: 4,92 Memuaskan."
    )
    at_stage = run("score", "--partial", "--stage", "akhir", str(path)).stderr
    assert "47 indikator belum punya tingkat akhir (1-47)" in at_stage
    assert run("score", EX22).stderr == ""  # a complete file has no note


def test_a_file_below_the_bar_names_its_index_and_the_bar(run: Run) -> None:
    r = run("score", "--fail-under", "Baik", EX21, EX22)
    assert r.stderr.splitlines() == [
        f"{EX21}: Indeks SPBE (spbe-2020) 1,66 (Kurang) di bawah batas Baik",
        f"{EX22}: Indeks SPBE (spbe-2020) 2,38 (Cukup) di bawah batas Baik",
    ]
    assert (
        f"{EX22}: Indeks SPBE (spbe-2020) 2,38 (Cukup) di bawah batas 2,5\n"
        in run("score", "--fail-under", "2.5", EX22).stderr
    )


def test_a_batch_of_several_models_says_they_do_not_compare(run: Run) -> None:
    mixed = run("score", "-f", "jsonl", EX22, DPS).stderr
    assert "berkas dinilai dengan model yang berbeda: spbe-2020 (1), spbe-2018 (1)" in mixed
    assert "model yang berbeda" not in run("score", "-f", "jsonl", EX21, EX22).stderr


def test_a_predikat_bar_is_said_by_its_official_name(run: Run) -> None:
    assert "di bawah batas Sangat Baik" in run("score", "--fail-under", "sangat BAIK", EX22).stderr


def test_a_partial_note_gives_the_high_index_in_the_models_decimals() -> None:
    from spbe_calc.core import score_file
    from spbe_calc.render.notes import partial_note

    from .conftest import DATA

    note = partial_note(score_file(str(DATA / "sepertiga" / "tanpa-nama.yaml"), partial=True))
    assert note.endswith("bila semuanya tingkat tertinggi: 2,667 Baik.")
    assert partial_note(score_file(str(DATA / "sepertiga" / "lengkap.yaml"))) == ""


def test_a_file_below_the_bar_is_said_in_its_models_decimals() -> None:
    from spbe_calc.bars import parse_bar
    from spbe_calc.core import score_file
    from spbe_calc.render.notes import below_bar

    from .conftest import DATA

    said = below_bar(score_file(str(DATA / "sepertiga" / "lengkap.yaml")), parse_bar("2.5", "--fail-under"))
    assert "2,333" in said and "2,5" in said


def test_a_batch_of_two_models_counts_the_files_of_each() -> None:
    from spbe_calc.core import score_file
    from spbe_calc.render.notes import mixed_models

    files = [score_file(EX22), score_file(EX21), score_file(DPS)]
    assert "spbe-2020 (2), spbe-2018 (1)" in mixed_models(files)
    assert mixed_models(files[:2]) == ""
