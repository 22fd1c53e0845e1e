"""Tests of spbe_calc/model/load.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_calc.errors import SpbeError
from spbe_calc.model import bundled_models, load_model, resolve_model_path
from spbe_calc.model.load import model_path

from .conftest import EXAMPLES, ROOT, Run
from .helpers import EX22_PATH, MINI_TEXT, _answers, _secret


def _model_with_baik_from(edge: str) -> str:
    return (
        (ROOT / "indicators.yaml")
        .read_text(encoding="utf-8")
        .replace("min: 2.6", f"min: {edge}")
        .replace("max: 2.6", f"max: {edge}")
    )


def test_model_references(tmp_path: Path) -> None:
    assert resolve_model_path(None) == (bundled_models()["spbe-2020"], "spbe-2020")
    assert resolve_model_path("spbe-2018")[1] == "spbe-2018"
    assert resolve_model_path("lain.yml") == (Path("lain.yml"), "lain.yml")  # a file name, read later
    assert resolve_model_path("m.yaml", tmp_path) == (tmp_path / "m.yaml", str(tmp_path / "m.yaml"))  # beside
    (tmp_path / "tanpa-akhiran").write_text("x", encoding="utf-8")
    assert resolve_model_path(str(tmp_path / "tanpa-akhiran"))[0] == tmp_path / "tanpa-akhiran"
    with pytest.raises(SpbeError) as info:
        resolve_model_path("spbe-2099")
    (problem,) = info.value.problems
    assert (problem.path, problem.code, problem.args["name"]) == ("spbe-2099", "unknown-model", "spbe-2099")
    assert problem.args["known"] == "pemdi-2026-b, pemdi-2026, spbe-2018, spbe-2020"  # file-name order


def test_a_broken_model_is_bad_input_and_lists_only_its_errors(run: Run, write: Callable[..., Path]) -> None:
    """Exit 2 through the funnel; a warning of the same model is not among the errors raised."""
    text = MINI_TEXT.replace("criteria: {1: a, 2: b, 3: c, 4: d, 5: e}}", "criteria: {1: a}}", 1).replace(
        "weight: 40.00\n    aspects", "weight: 41.00\n    aspects"
    )
    model = write("m.yaml", text)
    with pytest.raises(SpbeError) as info:
        load_model(str(model))
    assert info.value.exit_code == 2
    assert [p.code for p in info.value.problems] == ["weight-sum", "total-weight"]  # not missing-criteria
    answers = write("a.yaml", f"model: {model}\nlevels: {{1: 3, 2: 3, 3: 3, 4: 3, 5: 3}}\n")
    assert run("score", str(answers)).exit_code == 2


def test_a_relative_model_path_is_relative_to_the_answers_file(tmp_path: Path) -> None:
    """The same file gives the same predikat from any folder, even with a decoy model in the
    current folder (before: 2.38 Cukup from one folder, 2.38 Baik from another)."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "model.yaml").write_text(_model_with_baik_from("2.6"), encoding="utf-8")
    (tmp_path / "model.yaml").write_text(_model_with_baik_from("2.3"), encoding="utf-8")  # the decoy
    answers = EX22_PATH.read_text(encoding="utf-8").replace("model: spbe-2020", "model: ./model.yaml")
    (tmp_path / "sub" / "a.yaml").write_text(answers, encoding="utf-8")
    outputs = []
    for cwd, arg in ((tmp_path, "sub/a.yaml"), (tmp_path / "sub", "a.yaml")):
        proc = subprocess.run(
            [sys.executable, "-m", "spbe_calc", "score", arg], cwd=cwd, capture_output=True, text=True, env=os.environ
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(next(line for line in proc.stdout.splitlines() if line.startswith("Indeks SPBE:")))
    assert outputs == ["Indeks SPBE: 2,38  Cukup"] * 2


@pytest.mark.parametrize("how", ["absolute", "dotdot", "link"])
@pytest.mark.parametrize("command", [["score"], ["validate", "-f", "github"], ["export", "-o", "l.xlsx"], ["evidence"]])
def test_a_model_outside_the_folder_is_refused_and_never_shown(
    run: Run, tmp_path: Path, how: str, command: list[str]
) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    ref = {"absolute": str(secret), "dotdot": "../rumah/shadow", "link": "model.yaml"}[how]
    if how == "link":
        (folder / "model.yaml").symlink_to(secret)
    path = _answers(folder, model=ref)
    name, *rest = command
    r = run(name, str(path), *[str(folder / a) if a.endswith(".xlsx") else a for a in rest])
    assert r.exit_code in ((1, 2) if name == "validate" else (2,)), r.stderr
    said = r.stdout + r.stderr
    assert "di luar folder berkas ini" in said and "SPBE_CALC_MODEL_PATH" in said
    flat = " ".join(said.split())  # a long path is wrapped to the terminal's width
    assert "model None" not in flat and ref.rsplit("/", 1)[-1] in flat  # named as the file names it
    assert "rahasia" not in said and "HASH" not in said and "daemon" not in said
    assert not (folder / "l.xlsx").exists()


def test_a_model_search_path_allows_a_folder_and_an_unknown_file_is_not_quoted(run: Run, tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    folder = tmp_path / "unit"
    folder.mkdir()
    path = _answers(folder, model=str(secret))
    r = run("score", str(path), env={"SPBE_CALC_MODEL_PATH": str(secret.parent)})
    assert r.exit_code == 2 and "bukan berkas model spbe-calc" in r.stderr
    assert "rahasia" not in r.stderr and "daemon" not in r.stderr
    models = tmp_path / "model-bersama"
    models.mkdir()
    shutil.copy(EXAMPLES.parent / "indicators.yaml", models / "m.yaml")
    path = _answers(folder, model=str(models / "m.yaml"))
    assert run("score", str(path)).exit_code == 2
    assert run("score", str(path), env={"SPBE_CALC_MODEL_PATH": f"/tidak-ada{os.pathsep}{models}"}).exit_code == 0
    assert run("score", str(path), "--model", str(models / "m.yaml")).exit_code == 2  # declared path still checked
    assert run("score", str(EX22_PATH), "--model", str(models / "m.yaml")).exit_code == 0  # the user's own choice


def test_the_model_search_path_is_empty_unless_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SPBE_CALC_MODEL_PATH", raising=False)
    assert model_path() == []
    monkeypatch.setenv("SPBE_CALC_MODEL_PATH", f" {os.pathsep}{tmp_path}{os.pathsep}")  # blanks are no folder
    assert model_path() == [tmp_path]


def test_a_model_is_read_once_whatever_names_it() -> None:
    """By its name, by its file's path, again: one model (a batch reads each model once)."""
    by_name = load_model("spbe-2020")
    assert load_model("spbe-2020") is by_name
    assert load_model(str(bundled_models()["spbe-2020"])) is by_name
    assert load_model(None) is by_name  # the default
