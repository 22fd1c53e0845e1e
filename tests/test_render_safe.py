"""Tests of spbe_calc/render/safe.py."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

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
