"""Hostile and unlucky input: no wrong score, no flood, no injection (issue "hostile input")."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .conftest import EXAMPLES, ROOT, Run

EX22 = EXAMPLES / "kabupaten-contoh-2022.yaml"


# --- 1. the referenced model is the one the answers file means -------------------------------------


def _model_with_baik_from(edge: str) -> str:
    return (
        (ROOT / "indicators.yaml")
        .read_text(encoding="utf-8")
        .replace("min: 2.6", f"min: {edge}")
        .replace("max: 2.6", f"max: {edge}")
    )


def test_a_relative_model_path_is_relative_to_the_answers_file(tmp_path: Path) -> None:
    """The same file gives the same predikat from any folder, even with a decoy model in the
    current folder (before: 2.38 Cukup from one folder, 2.38 Baik from another)."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "model.yaml").write_text(_model_with_baik_from("2.6"), encoding="utf-8")
    (tmp_path / "model.yaml").write_text(_model_with_baik_from("2.3"), encoding="utf-8")  # the decoy
    answers = EX22.read_text(encoding="utf-8").replace("model: spbe-2020", "model: ./model.yaml")
    (tmp_path / "sub" / "a.yaml").write_text(answers, encoding="utf-8")
    outputs = []
    for cwd, arg in ((tmp_path, "sub/a.yaml"), (tmp_path / "sub", "a.yaml")):
        proc = subprocess.run(
            [sys.executable, "-m", "spbe_calc", "score", arg], cwd=cwd, capture_output=True, text=True, env=os.environ
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout.splitlines()[-1])
    assert outputs == ["Indeks SPBE: 2.38  Cukup"] * 2


def test_a_model_that_cannot_be_read_is_reported_at_the_model_line(run: Run, write: Callable[..., Path]) -> None:
    text = EX22.read_text(encoding="utf-8").replace("model: spbe-2020", "model: ../tidak-ada.yaml")
    path = write("a.yaml", text)
    line = text.splitlines().index("model: ../tidak-ada.yaml") + 1
    for command in (["score"], ["validate"], ["validate", "-f", "parsable"]):
        r = run(*command, str(path))
        assert r.exit_code == 2, command
        assert f"{path}:{line}:8:" in r.stdout + r.stderr
        assert "tidak-ada.yaml" in r.stdout + r.stderr
