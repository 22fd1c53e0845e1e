"""Tests of spbe_calc/validate.py: checking model, answers and plan files, every problem with its place."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import EXAMPLES, ROOT, Run, answers_text
from .helpers import ALL3, EX22

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
