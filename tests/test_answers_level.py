"""Tests of spbe_calc/answers/level.py: one reader of levels for YAML, workbook cells and CSV fields."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import Result

from spbe_calc.answers import read_answers
from spbe_calc.answers.level import Refused, read_level

from .conftest import EXAMPLES, Run

EX22 = EXAMPLES / "kabupaten-contoh-2022.yaml"
#: Texts as people type them, in a cell or in quotes; each is read the same way everywhere.
TEXTS = [
    "4",
    " 4 ",
    "4 ",
    "4.0",
    "04",
    "",
    "   ",
    "Level 4",
    "4 - Terpadu dan Terukur",
    "tiga",
    "3.5",
    "3,5",
    "9",
    "-1",
]


def _level_of(path: Path) -> object:
    """Indicator 4's level in an answers file (``None``: not answered, or no entry at all)."""
    answer = read_answers(path).answers.get(4)
    return answer.level if answer is not None else None


def _outcome(r: Result, path: Path) -> object:
    """The level the command read into ``path``, or its first error message."""
    if r.exit_code == 0:
        return _level_of(path)
    return ("galat", r.stderr.splitlines()[0].split("galat: ", 1)[1])


def _from_yaml(run: Run, tmp_path: Path, text: str) -> object:
    source = EX22.read_text(encoding="utf-8")
    path = tmp_path / "a.yaml"
    # Indicator 4 as the same text, in quotes (JSON quoting is YAML quoting).
    lines = [f"  4: {json.dumps(text)}" if line.startswith("  4:") else line for line in source.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("score", "--partial", str(path))
    return _outcome(r, path)


def _from_workbook(run: Run, tmp_path: Path, text: str) -> object:
    book_path = tmp_path / "lke.xlsx"
    assert run("export", str(EX22), "-o", str(book_path)).exit_code == 0
    book = openpyxl.load_workbook(book_path)
    sheet = book["LKE"]
    row = next(r for r in range(3, 60) if sheet.cell(row=r, column=3).value == "4")
    sheet.cell(row=row, column=6).value = text  # typed as text
    book.save(book_path)
    out = tmp_path / "b.yaml"
    r = run("import", str(book_path), "-o", str(out))
    return _outcome(r, out)


def _from_csv(run: Run, tmp_path: Path, text: str) -> object:
    csv_path = tmp_path / "lke.csv"
    assert run("export", str(EX22), "-o", str(csv_path)).exit_code == 0
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    row = next(r for r in rows if r[2] == "4")
    row[5] = text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    csv_path.write_text(buffer.getvalue(), encoding="utf-8")
    out = tmp_path / "c.yaml"
    r = run("import", str(csv_path), "-o", str(out))
    return _outcome(r, out)


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_is_the_same_level_or_the_same_refusal_in_yaml_workbook_and_csv(
    run: Run, tmp_path: Path, text: str
) -> None:
    got = {
        "yaml": _from_yaml(run, tmp_path, text),
        "xlsx": _from_workbook(run, tmp_path, text),
        "csv": _from_csv(run, tmp_path, text),
    }
    assert got["yaml"] == got["xlsx"] == got["csv"], got
    expected = read_level(text)
    if isinstance(expected, Refused):
        assert isinstance(got["yaml"], tuple) and expected.value in got["yaml"][1]
    elif expected is None or 1 <= expected <= 5:
        assert got["yaml"] == expected  # read (None: not answered)
    else:
        assert "di luar skala" in got["yaml"][1]  # type: ignore[index]


def test_what_the_reader_accepts_and_refuses() -> None:
    assert [read_level(v) for v in (3, 3.0, Decimal("3.00"), "3", " 3 ", "03", "3.0", None, "", " ")] == [
        3, 3, 3, 3, 3, 3, 3, None, None, None,
    ]  # fmt: skip
    assert read_level(True) == Refused("level-text", "true")
    assert read_level(3.5) == Refused("level-fraction", "3.5")
    assert read_level(Decimal("3.50")) == Refused("level-fraction", "3.5")
    # A fraction is shown as the person meant it: a YAML number never as an exponent nor rounded,
    # a workbook's float in full (not to six places).
    assert read_level(Decimal("0.0000001")).value == "0.0000001"  # type: ignore[union-attr]
    long = "1." + "0" * 37 + "1"
    assert read_level(Decimal(long)) == Refused("level-fraction", long)
    assert read_level(3.1415926) == Refused("level-fraction", "3.1415926")
    assert read_level("3,5") == Refused("level-fraction", "3,5")
    assert read_level("Tingkat 3") == Refused("level-text", "Tingkat 3")
    assert read_level(float("nan")).code == "level-fraction"  # type: ignore[union-attr]
    assert read_level(float("inf")) == Refused("level-fraction", "inf")  # a cell of 1E+999
    assert read_level(float("-inf")) == Refused("level-fraction", "-inf")
    assert read_level("٣") == Refused("level-text", "٣")  # digits of other scripts are not levels
    assert read_level("1" * 10) == Refused("level-text", "1" * 10)  # more digits than any scale


@given(
    st.integers(min_value=0, max_value=10**9 - 1), st.sampled_from(["", " ", "  "]), st.sampled_from(["", ".0", ".00"])
)
def test_a_whole_number_as_text_is_that_number(n: int, space: str, zeros: str) -> None:
    assert read_level(f"{space}{n}{zeros}{space}") == n
    assert read_level(n) == n


@given(st.text(max_size=20))
def test_any_text_is_a_level_nothing_or_a_refusal_never_a_crash(text: str) -> None:
    got = read_level(text)
    assert got is None or isinstance(got, (int, Refused))
    if isinstance(got, int):
        assert text.strip().split(".")[0].isdigit()
