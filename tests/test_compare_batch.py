"""Year-on-year comparison and batch scoring (ranking, counts, CSV, folders)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from .conftest import EXAMPLES, Run, answers_text

EX21 = str(EXAMPLES / "kabupaten-contoh-2021.yaml")
EX22 = str(EXAMPLES / "kabupaten-contoh-2022.yaml")
DPS = str(EXAMPLES / "kota-denpasar-2018.yaml")


def test_compare_text_in_year_order(run: Run) -> None:
    r = run("compare", EX22, EX21)  # given out of order
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    header = next(ln for ln in lines if "2021" in ln and "2022" in ln)
    assert header.index("2021") < header.index("2022")
    assert "+0,72" in r.stdout and "Kurang" in r.stdout and "Cukup" in r.stdout
    assert "Kenaikan terbesar" in r.stdout and "Penurunan terbesar" in r.stdout


def test_compare_json(run: Run) -> None:
    data = json.loads(run("compare", "-f", "json", EX21, EX22).stdout)
    assert [f["tahun"] for f in data["files"]] == [2021, 2022]
    assert data["index_delta"] == 0.72 and data["index_delta_exact"] == "0.72"
    d3 = next(d for d in data["domains"] if d["id"] == "D3")
    assert d3["delta"] == -0.09
    gains = data["indicator_gains"]
    assert gains[0]["delta"] >= gains[-1]["delta"] > 0
    assert {g["id"] for g in gains[:2]} == {45, 46}  # 1 -> 3 on 3.00 % weights: +0.06 each
    losses = data["indicator_losses"]
    assert losses[0]["id"] == 29 and losses[0]["levels"] == [2, 1]
    # every change is accounted for: the contributions add up to the index change
    total = sum(float(g["delta_exact"]) for g in gains + losses)
    assert abs(total - 0.72) < 1e-9


def test_compare_across_models_compares_index_only(run: Run) -> None:
    r = run("compare", DPS, EX21)
    assert r.exit_code == 0 and "Model berbeda" in r.stdout
    data = json.loads(run("compare", "-f", "json", DPS, EX21).stdout)
    assert data["same_model"] is False and data["domains"] == [] and data["index_delta"] == -0.98


def test_compare_needs_two_files(run: Run) -> None:
    r = run("compare", EX21)
    assert r.exit_code == 2 and "dua berkas" in r.stderr


def _many(write: Callable[..., Path], n: int) -> list[Path]:
    paths = []
    for k in range(n):
        level = 1 + k % 5
        paths.append(
            write(
                f"jawaban/kab-{k:02d}.yaml",
                answers_text(dict.fromkeys(range(1, 48), level), instansi=f'"Kabupaten {k:02d}"', tahun=2024),
            )
        )
    return paths


def test_batch_ranking_and_counts(run: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "jawaban").mkdir()
    _many(write, 10)
    r = run("score", str(tmp_path / "jawaban"))
    assert r.exit_code == 0, r.stderr
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    rows = [ln for ln in lines if "Kabupaten" in ln]
    assert len(rows) == 10
    # ties share a rank: two agencies at each level 5, 4, ...
    assert [row.split()[0] for row in rows] == ["1", "1", "3", "3", "5", "5", "7", "7", "9", "9"]
    assert rows[0].split()[-1] == "Memuaskan"
    assert "10 berkas: Memuaskan 2 · Sangat Baik 2 · Baik 2 · Cukup 2 · Kurang 2" in r.stdout


def test_csv(run: Run, write: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "jawaban").mkdir()
    _many(write, 3)
    r = run("score", "-f", "csv", str(tmp_path / "jawaban"), DPS)
    assert r.exit_code == 0
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["instansi"] for row in table] == [
        "Kabupaten 00",
        "Kabupaten 01",
        "Kabupaten 02",
        "Pemerintah Kota Denpasar",
    ]
    # Two models: each domain column names its model, so D1 of one is never under D1 of the other.
    assert table[1]["index"] == "2.00" and table[1]["predikat"] == "Cukup" and table[1]["spbe-2020:D4"] == "2.00"
    assert table[1]["spbe-2018:D1"] == "" and table[3]["spbe-2020:D1"] == ""
    assert table[3]["model"] == "spbe-2018" and table[3]["spbe-2018:D3"] == "3.00"
    assert "D1" not in table[0]
    assert list(table[0])[:8] == ["file", "instansi", "tahun", "model", "index", "index_exact", "predikat", "complete"]


def test_empty_folder(run: Run, tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    r = run("score", str(tmp_path / "kosong"))
    assert r.exit_code == 2 and "tidak ada berkas" in r.stderr
