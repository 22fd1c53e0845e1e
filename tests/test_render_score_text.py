"""Tests of spbe_calc/render/score_text.py."""

from __future__ import annotations

from pathlib import Path

from .conftest import DATA, Run
from .helpers import EX22, THIRDS, Write


def test_the_exact_index_is_shown_only_when_it_says_more(run: Run, write: Write) -> None:
    assert "nilai tepat" not in run("score", EX22).stdout  # 2.38 is exact
    model = write("sepertiga.yaml", THIRDS)
    assert run("validate", str(model)).exit_code == 0
    out = run("score", str(write("j.yaml", "model: sepertiga.yaml\nlevels: {1: 1, 2: 1, 3: 2}\n"))).stdout
    assert "Model Sepertiga: 1,33" in out
    assert "(nilai tepat 4/3)" in out and "1.3333" not in out


def test_colours_follow_the_band_rank_not_its_name(write: Write) -> None:
    """A model whose predikat have other names is coloured too: lowest red, highest cyan."""
    from spbe_calc.batch import score_batch
    from spbe_calc.core import DEFAULT_BASIS
    from spbe_calc.render import Options, band_tone
    from spbe_calc.render.registry import render

    text = (DATA / "mini-model.yaml").read_text(encoding="utf-8")
    for old, new in (
        ("Memuaskan", "Lima"),
        ("Sangat Baik", "Empat"),
        ("Baik,", "Tiga,"),
        ("Cukup", "Dua"),
        ("Kurang", "Satu"),
    ):
        text = text.replace(old, new)
    model_path = write("m.yaml", text)
    answers = write("a.yaml", f"model: {model_path}\nlevels: {{1: 5, 2: 5, 3: 5, 4: 5, 5: 5}}\n")
    batch = score_batch([str(answers)], None, False, None, True, DEFAULT_BASIS)
    model = batch.scored[0].model
    assert [band_tone(model, b) for b in model.bands_ascending()] == [
        "red",
        "yellow",
        "green",
        "bold green",
        "bold cyan",
    ]
    out = render("score", "text", batch, Options(color=True))
    assert "\x1b[1;36mLima\x1b[0m" in out  # the top band, in the top colour


def test_the_heading_stays_on_one_line_exactly_as_long_as_it_fits() -> None:
    """Who · year · model on one line up to the width; past it, each part wrapped at words, never
    cutting one (a long word stays whole, wider than the terminal)."""
    from spbe_calc.core import score_file
    from spbe_calc.render.score_text import _head

    f = score_file(EX22)
    line = _head(f, False, 200)
    assert "\n" not in line and line.count(" · ") == 2
    assert _head(f, False, len(line)) == line
    narrow = _head(f, False, len(line) - 1)
    assert narrow.split("\n") == ["Pemerintah Kabupaten Contoh · 2022", "Indeks SPBE (PermenPANRB 59/2020)"]
    assert _head(f, False, 10).split("\n")[:2] == ["Pemerintah", "Kabupaten"]
    assert "(PermenPANRB" in _head(f, False, 10).split("\n")
    long_name = f._replace(answers=f.answers._replace(instansi="Pemerintah" * 3))
    assert _head(long_name, False, 10).split("\n")[0] == "Pemerintah" * 3


def test_ranks_of_ten_files_and_more_are_aligned_right(run: Run, tmp_path: Path) -> None:
    from .conftest import answers_text

    (tmp_path / "b").mkdir()
    for k in range(10):  # k indicators at 2, the rest at 1: ten different indices
        levels = {i: 2 if i <= k else 1 for i in range(1, 48)}
        (tmp_path / "b" / f"k{k}.yaml").write_text(answers_text(levels, instansi=f'"Kab {k}"', tahun=2024))
    lines = run("score", str(tmp_path / "b")).stdout.splitlines()
    assert [line[:2] for line in lines[2:12]] == [" 1", " 2", " 3", " 4", " 5", " 6", " 7", " 8", " 9", "10"]


def test_equal_indices_share_the_better_rank() -> None:
    from spbe_calc.core import score_file
    from spbe_calc.render.score_text import ranking

    f = score_file(EX22)
    higher = f._replace(score=f.score._replace(value=f.score.value + 1))
    assert [(rank, g.score.value) for rank, g in ranking([f, higher, f])] == [
        (1, higher.score.value),
        (2, f.score.value),
        (2, f.score.value),
    ]
