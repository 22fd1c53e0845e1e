"""Tests of spbe_calc/render/messages.py."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.errors import Problem, SpbeError
from spbe_calc.render.messages import QUOTE_LIMIT, format_problem, hint, message, problem_json, problem_text

from .conftest import Run
from .helpers import EX22, NASTY, Write, _no_raw_controls, _no_workflow_commands


def test_operating_system_errors_in_the_users_language(run: Run, tmp_path: Path) -> None:
    r = run("report", EX22, "-o", "/dev/full", "-f", "markdown")  # a device that is always full
    assert r.exit_code == 2 and "ruang disk penuh" in r.stderr and "No space" not in r.stderr
    r = run("--lang", "en", "report", EX22, "-o", "/dev/full", "-f", "markdown")
    assert "no space left on the disk" in r.stderr


def test_the_empty_file_hint_needs_no_readme(run: Run, write: Write) -> None:
    path = write("j.yaml", "")
    r = run("score", str(path))
    assert "README" not in r.stderr and f"spbe-calc assess {path}" in r.stderr


def test_a_date_for_the_year_gets_a_hint_that_works(run: Run, write: Write) -> None:
    r = run("score", "--partial", str(write("j.yaml", "model: spbe-2020\ntahun: 2022-12-31\nlevels:\n  1: 3\n")))
    assert "tulis angkanya saja (2022)" in r.stderr
    fixed = run("score", "--partial", str(write("k.yaml", "model: spbe-2020\ntahun: 2022\nlevels:\n  1: 3\n")))
    assert fixed.exit_code == 0


@pytest.mark.parametrize("fmt", ["text", "parsable", "json", "github"])
def test_problem_reports_escape_quoted_values(run: Run, write: Callable[..., Path], fmt: str) -> None:
    path = write("m.yaml", "levels:\n  1: " + json.dumps(NASTY) + "\n")
    r = run("validate", "-f", fmt, str(path))
    assert r.exit_code == 1
    _no_raw_controls(r.stdout)
    lines = r.stdout.splitlines()
    if fmt == "github":  # every line is one of our own annotations, its data escaped the runner's way
        assert all(re.match(r"::(error|warning) file=", line) for line in lines)
    else:
        _no_workflow_commands(r.stdout)


def test_values_quoted_in_messages_are_cut(run: Run, write: Callable[..., Path]) -> None:
    path = write("m.yaml", "levels:\n  1: " + "x" * 5000 + "\n")
    r = run("score", str(path))
    assert r.exit_code == 2 and len(r.stderr) < 600  # the quoted value, and the 46 missing indicators
    assert "x" * 79 + "…" in r.stderr and "x" * 81 not in r.stderr


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("levels:\n  1: 1e0\n", "yaml11-number", "'1e0'"),  # was "level 1 is not a whole number"
        ("levels:\n  -1: 3\n", "below-minimum", "kurang dari batas terendah 0"),  # was "1..None"
        ("levels:\n  0: 3\n", "unknown-indicator", "indikator 0 tidak ada dalam model spbe-2020 (indikator 1-47)"),
    ],
)
def test_messages_say_what_was_written(run: Run, write: Callable[..., Path], text: str, code: str, words: str) -> None:
    path = write("w.yaml", text)
    r = run("validate", "-f", "json", str(path))
    problems = [p for p in json.loads(r.stdout)[0]["problems"] if p["code"] != "missing-indicators"]
    assert problems[0]["code"] == code and words in problems[0]["message"]
    assert "None" not in problems[0]["message"]


def _said(code: str, **args: object) -> str:
    return message(Problem(path="j.yaml", line=1, col=1, code=code, args=args))


def test_types_joined_in_a_problem_are_each_named_in_the_users_words() -> None:
    assert _said("wrong-type", expected="int | str", found="map") == (
        "diharapkan bilangan bulat | teks, ditemukan pemetaan (kunci: nilai)"
    )


def test_a_reason_we_have_no_words_for_is_said_as_given() -> None:
    """A reader's sentence whose kind we do not know, and an operating-system error without an
    entry in the catalogue, are said as they came rather than left out."""
    assert _said("yaml-syntax", detail="found something odd", advice="not-a-known-kind") == (
        "kesalahan sintaks YAML: found something odd"
    )
    assert _said("yaml-syntax", advice="not-a-known-kind") == "kesalahan sintaks YAML: "
    assert _said("file-unreadable", errno="EWEIRD", reason="a strange failure") == (
        "berkas tidak dapat dibaca (a strange failure)"
    )
    assert _said("file-unreadable", errno="EWEIRD") == "berkas tidak dapat dibaca ()"
    assert _said("file-unreadable", errno="EACCES", reason="permission denied") != (
        "berkas tidak dapat dibaca (permission denied)"
    )


def test_a_path_is_said_whole_and_any_other_value_cut() -> None:
    deep = "/".join(["folder-yang-dalam"] * 12) + "/j.yaml"
    long_value = "x" * 200
    assert _said("evidence-unreadable", id=1, file=deep).endswith(deep)
    said = _said("evidence-unreadable", id=1, tanggal=long_value, file=long_value)
    assert said.endswith(long_value)  # a path: whole
    said = _said("wrong-type", expected="int", found=long_value)
    assert long_value not in said and said.endswith("x" * 79 + "…")  # any other value: cut


def test_kinds_and_stages_are_named_in_the_users_words_with_the_options_word_beside() -> None:
    assert _said("duplicate-id", kind="aspect", id=3, first=9) == "aspek 3 sudah didefinisikan di baris 9"
    assert _said("wrong-kind", found_kind="plan", wanted_kind="answers") == "ini berkas rencana, bukan berkas jawaban"
    args = {"count": 1, "stage": "dokumen", "ids": "4"}
    stage = Problem(path="j.yaml", line=1, col=1, code="missing-stage", args=args)
    assert message(stage) == "1 indikator belum punya tingkat penilaian dokumen: 4"
    assert "tahap: {dokumen: 3}" in (hint(stage) or "") and "--stage dokumen" in (hint(stage) or "")


def test_a_field_named_by_a_problem_comes_first_and_a_close_name_sharpens_the_hint() -> None:
    named = Problem(
        path="j.yaml", line=1, col=1, code="wrong-type", args={"field": "tahun", "expected": "int", "found": "str"}
    )
    assert message(named).startswith("tahun: diharapkan bilangan bulat")
    unnamed = named._replace(args={"field": "", "expected": "int", "found": "str"})
    assert message(unnamed).startswith("diharapkan")
    close = Problem(path="j.yaml", line=1, col=1, code="unknown-key", args={"key": "lvel", "suggestion": "level"})
    assert hint(close) == "Mungkin maksudnya 'level'?"
    assert hint(close._replace(args={"key": "lvel", "allowed": "level"})) == "Kunci yang dikenal di sini: level."


def test_a_value_of_the_longest_length_quoted_is_shown_whole() -> None:
    at_limit = "y" * QUOTE_LIMIT
    assert _said("wrong-type", expected="int", found=at_limit).endswith(at_limit)


def test_a_problem_in_a_workbook_is_placed_by_its_cell_and_its_hint_can_be_left_out() -> None:
    p = Problem(path="lke.xlsx", line=14, col=6, code="unknown-key", args={"key": "x", "allowed": "a"}, cell="LKE!F14")
    assert format_problem(p) == "lke.xlsx:LKE!F14: galat: kunci 'x' tidak dikenal\n    Kunci yang dikenal di sini: a."
    assert format_problem(p, with_hint=False) == "lke.xlsx:LKE!F14: galat: kunci 'x' tidak dikenal"
    assert problem_json(p)["cell"] == "LKE!F14"


def test_an_errors_problems_on_one_line_with_their_files() -> None:
    one = Problem(path="a.yaml", line=1, col=1, code="empty-file", args={})
    error = SpbeError([one, one._replace(path="b.yaml")])
    assert problem_text(error) == f"a.yaml: {message(one)}; b.yaml: {message(one)}"
