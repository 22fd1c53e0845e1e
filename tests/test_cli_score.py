"""spbe_calc.cli.score: the score command as a user meets it (exit codes, stdout for data,
stderr for messages, --fail-under on the exact index).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Run, answers_text
from .helpers import ALL3, EX21, EX22


def test_score_text(run: Run) -> None:
    r = run("score", EX22)
    assert r.exit_code == 0, r.stderr
    assert "Indeks SPBE: 2,38  Cukup" in r.stdout
    assert "Pemerintah Kabupaten Contoh" in r.stdout
    assert r.stderr == ""


def test_score_detail_lists_every_indicator(run: Run) -> None:
    r = run("score", "--detail", EX22)
    assert r.exit_code == 0
    rows = {line.split()[0]: line for line in r.stdout.splitlines() if line.split() and line.split()[0].isdigit()}
    assert sorted(map(int, rows)) == list(range(1, 48))  # one row per indicator, by number
    assert "Tingkat Kematangan Kebijakan" in rows["1"]  # the name, wrapped to the width
    # Indicator 1 weighs 1.30 % and is at level 3 in the example: it adds 1.30 × 3 / 100.
    assert "+0,0390" in rows["1"]  # Indonesian decimal comma


def test_score_json_single_object(run: Run) -> None:
    r = run("score", "-f", "json", EX22)
    data = json.loads(r.stdout)
    assert data["index"] == 2.38 and data["index_exact"] == "2.38" and data["predikat"] == "Cukup"
    assert data["instansi"] == "Pemerintah Kabupaten Contoh" and data["tahun"] == 2022
    assert data["model"] == "spbe-2020"
    assert [d["id"] for d in data["domains"]] == [1, 2, 3, 4]
    assert [a["id"] for a in data["aspects"]] == list(range(1, 9))
    for item in data["domains"] + data["aspects"]:
        assert set(item) >= {"id", "name", "weight", "index", "index_exact", "predikat"}
    # Regression value (the program's output): domain 3's index is 13/11, which does not terminate.
    assert data["domains"][2]["index_exact"] == "1.181818181818181818181818181818"
    assert data["domains"][2]["index"] == 1.18


def test_score_json_several_files_is_an_array_and_jsonl_one_line_each(run: Run) -> None:
    data = json.loads(run("score", "-f", "json", EX21, EX22).stdout)
    assert [d["index"] for d in data] == [1.66, 2.38]
    lines = run("score", "-f", "jsonl", EX21, EX22).stdout.strip().splitlines()
    assert [json.loads(x)["predikat"] for x in lines] == ["Kurang", "Cukup"]


def test_score_json_detail_has_contributions(run: Run) -> None:
    data = json.loads(run("score", "-f", "json", "--detail", EX22).stdout)
    assert len(data["indicators"]) == 47
    assert sum(float(i["contribution_exact"]) for i in data["indicators"]) == pytest.approx(2.38)


def test_bad_answers_exit_2_message_on_stderr(run: Run, write: Callable[..., Path]) -> None:
    path = write("a.yaml", answers_text({**ALL3, 4: "2.5"}))
    r = run("score", str(path))
    assert r.exit_code == 2
    assert r.stdout == ""
    assert f"{path}:5:6:" in r.stderr and "bukan bilangan bulat" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_file_exit_2(run: Run) -> None:
    r = run("score", "tidak-ada.yaml")
    assert r.exit_code == 2 and "tidak ditemukan" in r.stderr


def test_good_and_bad_files_together(run: Run, write: Callable[..., Path]) -> None:
    bad = write("bad.yaml", answers_text({1: 3}))
    r = run("score", "-f", "jsonl", EX22, str(bad))
    assert r.exit_code == 2
    good, failed = (json.loads(line) for line in r.stdout.splitlines())
    assert good["index"] == 2.38 and "error" not in good
    assert failed["file"] == str(bad) and failed["error"] is True
    assert [(p["line"], p["code"]) for p in failed["problems"]] == [(1, "missing-indicators")]
    assert "46 indikator belum dijawab" in r.stderr and "46 indikator belum dijawab" in failed["problems"][0]["message"]


def test_partial_flag_says_what_is_missing(run: Run, write: Callable[..., Path]) -> None:
    levels = dict(ALL3)
    del levels[47]
    path = write("a.yaml", answers_text(levels))
    assert run("score", str(path)).exit_code == 2
    r = run("score", "--partial", str(path))
    assert r.exit_code == 0
    assert "47" in r.stderr and "batas bawah" in r.stderr
    data = json.loads(run("score", "--partial", "-f", "json", str(path)).stdout)
    assert data["complete"] is False and data["missing"] == [47]
    # All at level 3 but indicator 47 (weight 3.00 %): 3 − 2 × 0.03 at level 1, 3 + 2 × 0.03 at 5.
    assert data["index"] == 2.94 and data["index_high"] == 3.06


@pytest.mark.parametrize(
    ("bar", "code"),
    [
        ("2.38", 0),
        ("2.39", 1),
        ("2,38", 0),
        ("Cukup", 0),
        ("cukup", 0),
        ("Baik", 1),
        ("sangat  baik", 1),
        ("Kurang", 0),
    ],
)
def test_fail_under(run: Run, bar: str, code: int) -> None:
    r = run("score", "-f", "json", "--fail-under", bar, EX22)
    assert r.exit_code == code, r.stderr
    assert json.loads(r.stdout)["index"] == 2.38  # the data is printed either way
    assert ("di bawah batas" in r.stderr) is (code == 1)


def test_fail_under_any_file_below(run: Run) -> None:
    r = run("score", "--fail-under", "2.0", EX21, EX22)
    assert r.exit_code == 1
    assert "kabupaten-contoh-2021.yaml" in r.stderr and "kabupaten-contoh-2022.yaml" not in r.stderr


def test_fail_under_uses_exact_index(run: Run, write: Callable[..., Path]) -> None:
    from .test_scoring import LEVELS_17975

    path = write("a.yaml", answers_text(LEVELS_17975))
    r = run("score", "--fail-under", "1.80", str(path))
    assert r.exit_code == 1 and "1,80" in r.stdout  # shown as 1,80, but 1.7975 < 1.80
    assert run("score", "--fail-under", "Cukup", str(path)).exit_code == 1
    assert run("score", "--fail-under", "1.7975", str(path)).exit_code == 0


@pytest.mark.parametrize("bar", ["", "luar biasa", "nan", "inf"])
def test_fail_under_bad_bar(run: Run, bar: str) -> None:
    r = run("score", "--fail-under", bar, EX22)
    assert r.exit_code == 2 and "--fail-under" in r.stderr
