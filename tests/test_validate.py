"""Tests of spbe_calc/validate.py: checking model, answers and plan files, every problem with its place."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from spbe_calc.validate import FileReport, validate_file, validate_files

from .conftest import EXAMPLES, ROOT, Run, answers_text
from .helpers import ALL3, EX22, T21

#: Every indicator of the bundled model at level 3.


def test_validate_default_model(run: Run) -> None:
    r = run("validate")
    assert r.exit_code == 0 and "spbe-2020" in r.stdout


def test_validate_exit_codes(run: Run, write: Callable[..., Path]) -> None:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    bad = write(
        "bad.yaml",
        text.replace("weight: 2.75", "weight: 2.74", 1).replace("name: Cukup", "name: Cukup\n    extra: 1", 1),
    )
    r = run("validate", str(ROOT / "indicators.yaml"), str(bad))
    assert r.exit_code == 1
    assert "indicators.yaml: valid" in r.stdout
    r = run("validate", "-f", "parsable", str(bad))
    lines = r.stdout.strip().splitlines()
    assert all(line.startswith(f"{bad}:") and ": error: " in line for line in lines)
    r = run("validate", "nope.yaml", str(bad))
    assert r.exit_code == 2


def test_validate_answers_file(run: Run, write: Callable[..., Path]) -> None:
    assert run("validate", EX22).exit_code == 0
    bad = write("a.yaml", answers_text({**ALL3, 4: 9}))
    r = run("validate", "-f", "json", str(bad))
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data[0]["kind"] == "answers" and data[0]["problems"][0]["code"] == "level-out-of-range"


def test_validate_knows_plan_files(run: Run, write: Callable[..., Path]) -> None:
    r = run("validate", str(EXAMPLES / "rencana-2023.yaml"))
    assert r.exit_code == 0 and "valid (rencana)" in r.stdout
    bad = write("rencana.yaml", "default: {cost: dua}\nindicators:\n  99: {max: 3}\n")
    r = run("validate", "-f", "parsable", str(bad))
    assert r.exit_code == 1 and f"{bad}:1:17:" in r.stdout


def test_an_answers_file_without_levels_is_valid_and_incomplete(run: Run, write: Callable[..., Path]) -> None:
    """No `levels` at all: an answers file (not a model) with no answers yet, said once as a warning.

    `validate` used to take such a file for a model (it has no `levels`) and list model keys.
    """
    for text in ("instansi: X\ntahun: 2024\n", "model: spbe-2020\ninstansi: X\n"):
        r = run("validate", "-f", "json", str(write("a.yaml", text)))
        (report,) = json.loads(r.stdout)
        assert r.exit_code == 0 and report["kind"] == "answers"
        assert [(p["code"], p["level"]) for p in report["problems"]] == [("missing-indicators", "warning")]
        assert run("validate", "--strict", str(write("a.yaml", text))).exit_code == 1


def _report(report: FileReport) -> tuple[object, ...]:
    return (report.path, report.kind, report.readable, report.model.id if report.model else None)


def test_each_kind_of_file_is_reported_as_what_it_is(write: Callable[..., Path]) -> None:
    """A model, an answers file, a plan, a published result, and a file that cannot be read."""
    plan = str(EXAMPLES / "rencana-2023.yaml")
    assert _report(validate_file(str(ROOT / "indicators.yaml"), None, "bawaan")) == (
        "bawaan",
        "model",
        True,
        "spbe-2020",
    )
    assert _report(validate_file(EX22)) == (EX22, "answers", True, "spbe-2020")
    assert _report(validate_file(plan, "spbe-2020")) == (plan, "plan", True, "spbe-2020")
    assert _report(validate_file(T21)) == (T21, "answers", True, "spbe-2020")
    missing = str(write("a.yaml", "x").parent / "tidak-ada.yaml")
    assert _report(validate_file(missing)) == (missing, "unknown", False, None)


def test_a_published_result_that_does_not_fit_is_reported(write: Callable[..., Path]) -> None:
    path = str(write("a.yaml", "tahun: 2024\nhasil: {indeks: 3.10, predikat: Kurang}\n"))
    report = validate_file(path)
    assert _report(report) == (path, "answers", True, "spbe-2020")
    assert [(p.line, p.code) for p in report.problems] == [(2, "published-predikat-mismatch")]
    bad = str(write("b.yaml", "tahun: 2024\nhasil: {indeks: 6, predikat: Kurang}\n"))
    report = validate_file(bad)
    assert _report(report) == (bad, "answers", True, "spbe-2020")
    assert [(p.line, p.code) for p in report.problems] == [(2, "published-out-of-range")]


def test_answers_checked_against_the_model_asked_for(write: Callable[..., Path]) -> None:
    """``--model`` reaches every kind: the answers name spbe-2020, the plan is read against spbe-2018."""
    (report,) = validate_files([EX22], "spbe-2018")
    assert (report.kind, report.readable, [p.code for p in report.problems]) == ("answers", True, ["model-mismatch"])
    plan = str(EXAMPLES / "rencana-2023.yaml")
    assert validate_file(plan, "spbe-2018").model.id == "spbe-2018"  # type: ignore[union-attr]
    assert validate_file(plan, "spbe-2018").errors() > 0  # the plan names indicators spbe-2018 lacks


def test_without_files_the_model_itself_is_validated_under_its_name() -> None:
    (report,) = validate_files([], "spbe-2018")
    assert _report(report) == ("spbe-2018", "model", True, "spbe-2018")
    (report,) = validate_files([])
    assert _report(report) == ("spbe-2020", "model", True, "spbe-2020")


def test_answers_whose_model_cannot_be_read_are_bad_input(write: Callable[..., Path]) -> None:
    broken = write("model.yaml", "id: [\n")
    path = str(write("a.yaml", f"model: {broken.name}\nlevels: {{1: 3}}\n"))
    report = validate_file(path)
    assert (report.path, report.kind, report.readable) == (path, "answers", False)
    # Answers written for another model than the one asked for: a finding, not bad input.
    assert validate_file(EX22, "spbe-2018").readable is True


def test_a_plan_with_a_problem_is_reported_as_a_plan(write: Callable[..., Path]) -> None:
    path = str(write("rencana.yaml", "default: {cost: 5}\nindicators:\n  99: {cost: 3}\n"))
    report = validate_file(path, "spbe-2020")
    assert _report(report) == (path, "plan", True, "spbe-2020")
    assert [(p.path, p.line) for p in report.problems] == [(path, 3)] and report.errors() == 1
