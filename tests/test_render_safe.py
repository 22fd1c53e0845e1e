"""Tests of spbe_calc/render/safe.py."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.render.safe import guard

from .conftest import Run
from .helpers import NASTY, _nasty_answers, _no_raw_controls, _no_workflow_commands


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "markdown", "csv"])
def test_score_output_escapes_what_a_file_holds(run: Run, write: Callable[..., Path], fmt: str) -> None:
    path = _nasty_answers(write, NASTY)
    r = run("score", "--detail", "-f", fmt, str(path))
    assert r.exit_code == 0, r.stderr
    _no_raw_controls(r.stdout)
    _no_workflow_commands(r.stdout)
    if fmt == "json":
        assert json.loads(r.stdout)["instansi"] == NASTY  # escapes JSON reads back as the original
    if fmt == "jsonl":
        assert json.loads(r.stdout.splitlines()[0])["instansi"] == NASTY
    if fmt == "markdown":
        assert "<script>" not in r.stdout and "&lt;script&gt;" in r.stdout
        assert not re.search(r"(?<!\\)\]\(javascript", r.stdout) and "\\[klik\\]" in r.stdout
        assert "\\| pipa" in r.stdout


def test_file_names_are_escaped_too(run: Run, write: Callable[..., Path]) -> None:
    bad = write("x\x1b[2J\x07.yaml", "levels: {1: yes}\n")
    for args in (["score"], ["validate"], ["validate", "-f", "parsable"]):
        r = run(*args, str(bad))
        _no_raw_controls(r.stdout + r.stderr)
        assert "\\u001b[2J" in r.stdout + r.stderr


def test_guard_neutralises_each_kind_of_workflow_command_its_own_way() -> None:
    """``::`` at a line's start (after blanks) loses its first colon, ``##[`` anywhere its second
    hash; both to JSON-valid escapes. A colon or hash elsewhere is left alone."""
    text = "::error::x\n  ::warning::y\nsebelum ##[group]z\na::b #[c]"
    assert guard(text) == "\\u003a:error::x\n  \\u003a:warning::y\nsebelum #\\u0023[group]z\na::b #[c]"
    assert guard(text, commands=True) == text  # validate -f github: the commands are meant
    assert guard("::x", color=True) == "\\u003a:x" and guard("##[x", color=True) == "#\\u0023[x"


def test_a_text_of_several_lines_keeps_its_tabs_and_line_breaks_only() -> None:
    from spbe_calc.render.safe import clean, clean_lines

    assert clean_lines("a\tb\nc\x1b[31m\r\x00") == "a\tb\nc\\u001b[31m\\u000d\\u0000"
    assert clean("a\tb\nc") == "a\\u0009b\\u000ac"
