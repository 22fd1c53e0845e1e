"""Tests of spbe_calc/core.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .conftest import Run
from .helpers import EX22_PATH, Write


def test_a_missing_model_names_the_answers_file_and_line(run: Run, write: Write) -> None:
    path = write("j.yaml", "model: ../tidak-ada.yaml\nlevels:\n  1: 3\n")
    r = run("score", "--partial", str(path))
    assert r.exit_code == 2 and f"{path}:1:8: galat: model '../tidak-ada.yaml' yang disebut di sini" in r.stderr


def test_a_model_that_cannot_be_read_is_reported_at_the_model_line(run: Run, write: Callable[..., Path]) -> None:
    text = EX22_PATH.read_text(encoding="utf-8").replace("model: spbe-2020", "model: ../tidak-ada.yaml")
    path = write("a.yaml", text)
    line = text.splitlines().index("model: ../tidak-ada.yaml") + 1
    for command in (["score"], ["validate"], ["validate", "-f", "parsable"]):
        r = run(*command, str(path))
        assert r.exit_code == 2, command
        assert f"{path}:{line}:8:" in r.stdout + r.stderr
        assert "tidak-ada.yaml" in r.stdout + r.stderr
