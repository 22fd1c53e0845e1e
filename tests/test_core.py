"""Tests of spbe_calc/core.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.answers import read_answers
from spbe_calc.core import Basis, score_answers, score_file, year_warnings
from spbe_calc.errors import Problem, Severity, SpbeError
from spbe_calc.model import load_model

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


def test_a_year_the_model_was_not_made_for_is_a_warning_at_the_year(write: Callable[..., Path]) -> None:
    path = write("a.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2019\nlevels: {}\n")
    (warning,) = year_warnings(read_answers(path), load_model("spbe-2020"))
    assert (warning.path, warning.line, warning.col, warning.code, warning.args, warning.severity) == (
        str(path),
        3,
        8,
        "year-outside-model",
        {"year": 2019, "model": "spbe-2020", "start": 2021, "end": 2025},
        Severity.WARNING,
    )
    open_ended = load_model("pemdi-2026")
    (warning,) = year_warnings(read_answers(path), open_ended)
    assert warning.args == {"year": 2019, "model": "pemdi-2026", "start": 2026, "end": ""}
    assert year_warnings(read_answers(write("b.yaml", "tahun: 2021\nlevels: {}\n")), load_model("spbe-2020")) == []


def test_strict_makes_a_year_outside_the_model_an_error(write: Callable[..., Path]) -> None:
    path = str(write("a.yaml", "model: spbe-2020\ninstansi: Kab A\ntahun: 2019\nlevels: {}\n"))
    scored = score_file(path, partial=True)
    assert [(w.code, w.severity) for w in scored.warnings] == [("year-outside-model", Severity.WARNING)]
    with pytest.raises(SpbeError) as caught:
        score_file(path, partial=True, basis=Basis(strict=True))
    assert [(p.line, p.col, p.code, p.severity) for p in caught.value.problems] == [
        (3, 8, "year-outside-model", Severity.ERROR)
    ]
    assert score_file(EX22_PATH.as_posix(), basis=Basis(strict=True)).warnings == ()  # a year it covers


def test_a_model_other_than_the_declared_one_is_refused_at_the_model_line(write: Write) -> None:
    text = EX22_PATH.read_text(encoding="utf-8")
    path = write("a.yaml", text)
    line = text.splitlines().index("model: spbe-2020") + 1
    with pytest.raises(SpbeError) as caught:
        score_file(str(path), "spbe-2018")
    assert caught.value.problems == [
        Problem(
            path=str(path),
            line=line,
            col=8,
            code="model-mismatch",
            args={"declared": "spbe-2020", "used": "spbe-2018"},
        )
    ]
    assert score_file(str(path), "spbe-2020").score == score_file(str(path)).score  # the same model named twice


def test_an_incomplete_file_is_refused_unless_a_partial_score_is_asked(write: Write) -> None:
    text = EX22_PATH.read_text(encoding="utf-8")
    path = write("a.yaml", "\n".join(line for line in text.splitlines() if not line.startswith("  47:")) + "\n")
    model = load_model("spbe-2020")
    for score in (lambda: score_file(str(path)), lambda: score_answers(read_answers(path), model)):
        with pytest.raises(SpbeError) as caught:
            score()
        assert [(p.code, p.args.get("ids"), "advice" in p.args) for p in caught.value.problems] == [
            ("missing-indicators", "47", False)
        ]
    assert score_file(str(path), partial=True).missing == (47,)
    with pytest.raises(SpbeError) as caught:
        score_answers(read_answers(path), model, advice="assess")
    assert caught.value.problems[0].args["advice"] == "assess"
