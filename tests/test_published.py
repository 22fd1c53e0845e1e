"""Tests of spbe_calc/published.py: a year known only by its published result (``hasil``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.core import score_file
from spbe_calc.errors import SpbeError

from .conftest import Run
from .helpers import T21


def test_a_published_result_is_shown_not_computed(run: Run) -> None:
    out = run("score", T21).stdout
    assert "Indeks SPBE: 1,66  Kurang  [dipublikasikan, tidak dihitung]" in out
    data = json.loads(run("score", T21, "-f", "json").stdout)
    assert (data["published"], data["index"], data["predikat"], data["stage"]) == (True, 1.66, "Kurang", "akhir")
    assert "ANTARA" in data["source"]


@pytest.mark.parametrize(
    "command",
    [["plan", "-t", "Baik"], ["export", "-o", "lke.xlsx"], ["report", "-o", "laporan.html"], ["calibrate"]],
)
def test_a_command_that_needs_levels_refuses_a_published_result_at_its_hasil(
    run: Run, write: Callable[..., Path], command: list[str]
) -> None:
    path = write("a.yaml", "model: spbe-2020\ntahun: 2021\nhasil: {indeks: 1.66, predikat: Kurang}\n")
    result = run(command[0], str(path), *(str(path.parent / a) if "." in a else a for a in command[1:]))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:3:8: galat: berkas ini memuat hasil yang dipublikasikan (hasil)")
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.yaml"]  # nothing written


@pytest.mark.parametrize(
    ("hasil", "code"),
    [
        ("{indeks: 6.2, predikat: Kurang}", "published-out-of-range"),
        ("{indeks: 1.66, predikat: Buruk}", "unknown-predikat"),
        ("{indeks: 1.66, predikat: Kurang, domains: {5: 1.2}}", "published-unknown-group"),
        ("{indeks: 1.66, predikat: Kurang, aspects: {1: 0.5}}", "published-out-of-range"),
        ("{indeks: 1.66, predikat: Kurang, domains: {1: 6.5}}", "published-out-of-range"),
    ],
)
def test_a_published_result_must_fit_its_model(write: Callable[..., Path], hasil: str, code: str) -> None:
    path = write("a.yaml", f"model: spbe-2020\ntahun: 2021\nhasil: {hasil}\n")
    with pytest.raises(SpbeError) as info:
        score_file(str(path))
    assert [p.code for p in info.value.problems] == [code]
    assert info.value.problems[0].line == 3


def test_a_predikat_the_index_cannot_have_is_a_warning(write: Callable[..., Path]) -> None:
    ok = score_file(str(write("a.yaml", "tahun: 2024\nhasil: {indeks: 1.80, predikat: Kurang}\n")))
    assert not ok.warnings  # 1.80 may be the rounding of 1.7975 (Nias Barat 2024)
    odd = score_file(str(write("b.yaml", "tahun: 2024\nhasil: {indeks: 3.10, predikat: Kurang}\n")))
    assert [p.code for p in odd.warnings] == ["published-predikat-mismatch"]


def test_published_domains_are_shown(write: Callable[..., Path], run: Run) -> None:
    text = "tahun: 2024\nhasil: {indeks: 1.80, predikat: Kurang, domains: {4: 2.70, 1: 1.0, 2: 1.1, 3: 1.0}}\n"
    data = json.loads(run("score", str(write("a.yaml", text)), "-f", "json").stdout)
    assert [(d["id"], d["index"]) for d in data["domains"]] == [(1, 1.0), (2, 1.1), (3, 1.0), (4, 2.7)]


def test_published_domains_and_aspects_are_coded_apart_in_text(write: Callable[..., Path], run: Run) -> None:
    text = "tahun: 2024\nhasil: {indeks: 1.80, predikat: Kurang, domains: {4: 2.70}, aspects: {1: 1.5}}\n"
    lines = run("score", str(write("a.yaml", text))).stdout.splitlines()
    assert [line.split()[0] for line in lines if line[:2] in ("D4", "A1")] == ["D4", "A1"]
    assert any(line.startswith("A1     Kebijakan Internal Tata Kelola SPBE") for line in lines)
